"""Global row ids and CAMEO-style actor codes, computed the same way in Python and in SQL.

Why: the contract's ids (``e1``, ``a3``) are ordinals inside one article, so 12,000 events
share a dozen ``event_id`` values. Every child row also gets ``gid``, a 60-bit integer hashed
from (table, article id, position in the article): stable across re-saves and re-exports,
unique in the store, and an integer, as GDELT's GLOBALEVENTID is. The contract JSON keeps
its local ids; ``gid`` lives only in the store.

An actor's *code* adds its PLOVER sector to its country (``USAGOV``, ``USAOPP``) so a
government and its opposition are two actors of their own; international bodies keep their
org code (``NATO``), as the org is already the whole identity.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Protocol

#: Hex digits of the MD5 kept in a gid: 60 bits always fit a signed BIGINT.
_GID_HEX = 15


class _Side(Protocol):
    country: str | None
    org: str | None
    sector: str | None


def gid(table: str, article_id: str, ord_: int) -> int:
    """The global id of row ``ord_`` of ``table`` in article ``article_id``.

    ``table|article|ord`` is unambiguous: the table has no ``|`` and the ordinal, last, has
    none either. ``gid_sql`` computes the very same number inside DuckDB.
    """
    digest = hashlib.md5(f"{table}|{article_id}|{ord_}".encode("utf-8")).hexdigest()
    return int(digest[:_GID_HEX], 16)


def gid_sql(table: str) -> str:
    """SQL for ``gid`` over the ``article_id``/``ord`` columns of ``table`` (a constant of ours)."""
    if not table.isidentifier():
        raise ValueError(f"{table!r} is not a table name")
    return (f"('0x' || substr(md5('{table}|' || article_id || '|' || CAST(ord AS VARCHAR)), "
            f"1, {_GID_HEX}))::BIGINT")


def actor_code(side: _Side) -> str | None:
    """``USAGOV`` for a country and sector, ``USA`` without a sector, ``NATO`` for an org."""
    if side.org:
        return side.org
    if side.country:
        return side.country + (side.sector or "")
    return None


def codes(sides: Iterable[_Side]) -> list[str]:
    """Distinct actor codes of one side of an event, in order (actors without one left out)."""
    return list(dict.fromkeys(c for s in sides if (c := actor_code(s))))


#: actor_code over a struct ``x`` with country/org/sector fields, in SQL.
CODE_SQL = "coalesce(x.org, x.country || coalesce(x.sector, ''))"

#: The JSON shape of a stored event side (``events.source``/``events.target``).
SIDE_TYPE = ('[{"actor": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR", '
             '"org": "VARCHAR", "sector": "VARCHAR"}]')


def codes_sql(column: str) -> str:
    """SQL computing ``codes`` from the JSON side column ``column`` (``source``/``target``)."""
    if column not in ("source", "target"):
        raise ValueError(f"{column!r} is not an event side column")
    # a list comprehension, not a lambda: DuckDB 2 deprecates ``->`` lambdas, 1.1 lacks
    # ``lambda x:``, and both read this
    return (f"list_distinct([{CODE_SQL} FOR x IN from_json({column}, '{SIDE_TYPE}') "
            f"IF {CODE_SQL} IS NOT NULL])")


__all__ = ["gid", "gid_sql", "actor_code", "codes", "codes_sql", "CODE_SQL", "SIDE_TYPE"]
