"""Event pages from memory: which events pass a filter, in date order, without a table scan.

Why: a page of events (``EventStore.events``: a dyad's evidence list, an actor's accusations)
was one query over the ``event_details`` view that tested every stored event's side lists,
then sorted the survivors by date: 0.2-0.5 s of a core on a million events, and under 200
clients' mixed traffic pages queued for a minute. This index holds, in the events' date order
(the view's ``date NULLS LAST, article_id, event_id``), each event's gid and the small
columns filters test (category, quad, status, day), and per actor value (key or code) the
sorted positions of the events that hold it on the source side and on the target side. A
filtered page is then set operations on sorted integer arrays and a slice; only the page's
few rows are read from the store, by gid.

Filters it cannot answer (text, place, thread) and other orders go to SQL as before
(``covers``). An index is a snapshot of one store generation (``Store.generation``); its
owner (analyze/api.py) builds a new one after the store changes.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

if TYPE_CHECKING:
    from ..store import Store

_EPOCH = np.datetime64("1970-01-01", "D")
_NO_DAY = np.iinfo(np.int32).max  # sorts last, as the view's NULLS LAST

#: Every row of a page (what ``EventStore.events`` returns), in the view's default ``date``
#: order (api.EVENT_ORDERS["date"]), and each side's actor values for the postings.
_ROWS_SQL = """
SELECT * EXCLUDE (coded_at),
       list_distinct(list_concat(source_keys, source_codes)) AS ew_sides_source,
       list_distinct(list_concat(target_keys, target_codes)) AS ew_sides_target
FROM event_details
ORDER BY date NULLS LAST, article_id, event_id
"""
_SIDES = ("ew_sides_source", "ew_sides_target")


def _codes(column: pa.ChunkedArray) -> tuple[np.ndarray, list[str]]:
    """Integer codes of a string column (-1 for NULL) and the values they stand for."""
    enc = pc.dictionary_encode(column).combine_chunks()
    codes = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int32)
    return codes, enc.dictionary.to_pylist()


def _postings(lists: pa.ChunkedArray) -> dict[str, np.ndarray]:
    """value -> sorted positions of the rows whose list holds it."""
    lists = lists.combine_chunks()
    if len(lists) == 0:
        return {}
    rows = pc.list_parent_indices(lists).to_numpy().astype(np.int64)
    flat = pc.list_flatten(lists)
    values, names = _codes(pa.chunked_array([flat], type=flat.type))
    order = np.lexsort((rows, values))
    values, rows = values[order], rows[order]
    cuts = np.flatnonzero(np.diff(values)) + 1
    out = {}
    for part_values, part_rows in zip(np.split(values, cuts), np.split(rows, cuts)):
        if len(part_values) and part_values[0] >= 0:
            out[names[int(part_values[0])]] = part_rows
    return out


def _intersect(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Two sorted arrays of distinct positions: the positions in both, sorted (binary
    search of the shorter in the longer: no sort of both, as ``np.intersect1d`` does)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not len(short) or not len(long_):
        return short[:0]
    at = np.minimum(np.searchsorted(long_, short), len(long_) - 1)
    return short[long_[at] == short]


class EventIndex:
    """Event gids in date order, with what the common filters test."""

    def __init__(self, table: pa.Table, dtypes: dict[str, Any] | None = None) -> None:
        self.gid = table.column("event_gid").to_numpy()
        self.day = table.column("date").cast(pa.int32()).fill_null(_NO_DAY).to_numpy()
        self.category, categories = _codes(table.column("category"))
        self.quad = table.column("quad").fill_null(-1).to_numpy().astype(np.int32)
        self.status, statuses = _codes(table.column("status"))
        self.categories = {v: i for i, v in enumerate(categories)}
        self.statuses = {v: i for i, v in enumerate(statuses)}
        self.source = _postings(table.column(_SIDES[0]))
        self.target = _postings(table.column(_SIDES[1]))
        #: the rows themselves (one chunk: ``take`` is then a gather, not a concatenation)
        self.rows = table.drop_columns(list(_SIDES)).combine_chunks()
        self.dtypes = dtypes or {}
        self._either: dict[str, np.ndarray] = {}

    @classmethod
    def build(cls, store: "Store") -> "EventIndex":
        table = store.fetch(_ROWS_SQL, arrow=True)
        # pandas types as the SQL answer has them (dates as datetime64, nullable ints)
        sql = store.fetch(f"SELECT * FROM ({_ROWS_SQL}) LIMIT 1000")
        mine = table.slice(0, 1000).drop_columns(list(_SIDES)).to_pandas()
        dtypes = {c: t for c, t in sql.dtypes.items()
                  if c in mine.columns and mine[c].dtype != t}
        return cls(table, dtypes)

    def frame(self, positions: Sequence[int], as_arrow: bool = False) -> Any:
        """The rows at ``positions`` (from ``page``): a pandas DataFrame typed as the SQL
        answer is, or a pyarrow Table."""
        taken = self.rows.take(pa.array(positions, type=pa.int64()))
        if as_arrow:
            return taken
        out = taken.to_pandas()
        return out.astype(self.dtypes) if self.dtypes else out

    def __len__(self) -> int:
        return len(self.gid)

    def _side(self, side: dict[str, np.ndarray], value: str) -> np.ndarray:
        return side.get(value, np.empty(0, dtype=np.int64))

    def page(self, *, actor: str | None = None, source: str | None = None,
             target: str | None = None, categories: Sequence[str] | None = None,
             quads: Sequence[int] | None = None, statuses: Sequence[str] | None = None,
             since: date | None = None, until: date | None = None,
             gids: Sequence[int] | None = None, limit: int = 100, offset: int = 0
             ) -> list[int]:
        """The positions (for ``frame``) of one page of the events passing every filter, in
        date order (the filters mean what they mean in ``EventStore.events``)."""
        rows: np.ndarray | None = None

        def narrow(found: np.ndarray) -> None:
            nonlocal rows
            rows = found if rows is None else _intersect(rows, found)

        if actor is not None:
            either = self._either.get(actor)
            if either is None:  # kept: an actor's page is asked for again and again
                either = self._either[actor] = np.union1d(self._side(self.source, actor),
                                                          self._side(self.target, actor))
            narrow(either)
        if source is not None:
            narrow(self._side(self.source, source))
        if target is not None:
            narrow(self._side(self.target, target))
        if rows is None:
            rows = np.arange(len(self.gid))
        keep = np.ones(len(rows), dtype=bool)
        if categories is not None:
            codes = [self.categories[c] for c in categories if c in self.categories]
            keep &= np.isin(self.category[rows], codes)
        if quads is not None:
            keep &= np.isin(self.quad[rows], list(quads))
        if statuses is not None:
            codes = [self.statuses[s] for s in statuses if s in self.statuses]
            keep &= np.isin(self.status[rows], codes)
        if since is not None or until is not None:
            day = self.day[rows]
            keep &= day != _NO_DAY  # a NULL date passes no date filter
            if since is not None:
                keep &= day >= int((np.datetime64(since, "D") - _EPOCH).astype(np.int64))
            if until is not None:
                keep &= day <= int((np.datetime64(until, "D") - _EPOCH).astype(np.int64))
        if gids is not None:
            keep &= np.isin(self.gid[rows], np.asarray(list(gids), dtype=np.int64))
        hits = rows[keep] if not keep.all() else rows
        return [int(p) for p in hits[offset:offset + limit]]


__all__ = ["EventIndex"]
