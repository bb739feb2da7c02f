"""Contract JSON -> CodedArticle: the way back from ``CodedArticle.to_dict()``.

Why: Parquet shards written by ``--engine ray`` carry each article as its contract JSON (the
format users and other tools read), and ``eventwire load`` must store it through the same
``Store.save_batch`` as a local run, which takes model objects. The contract's field names
are the dataclasses' own (only ``eventwire: {version, fingerprint}`` is nested), so one
generic decoder driven by the dataclasses' type hints covers every record type and stays
right when a field is added to the model.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from functools import lru_cache
from typing import Any, Callable

from .. import model
from ..model import CodedArticle


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _same(value: Any) -> Any:
    return value


@lru_cache(maxsize=None)
def _decoder(hint: Any) -> Callable[[Any], Any]:
    """A function turning plain JSON into the type ``hint`` describes, built once per type
    (a load decodes millions of records: the type is read once, not per value)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) != 1:
            return _same
        one = _decoder(inner[0])
        return lambda v: None if v is None else one(v)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            each = _decoder(args[0])
            if each is _same:
                return tuple
            return lambda v: tuple(each(x) for x in v)
        parts = [_decoder(a) for a in args]
        return lambda v: tuple(f(x) for f, x in zip(parts, v))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = _hints(hint)
        fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(hint)]
        return lambda data: hint(**{n: f(data[n]) for n, f in fields if n in data})
    return _same


def coded_from_dict(data: dict[str, Any]) -> CodedArticle:
    """The CodedArticle whose ``to_dict()`` is ``data``; raises KeyError/TypeError/ValueError
    on JSON that is not a coded article."""
    if not isinstance(data, dict) or "article" not in data or "text" not in data:
        raise ValueError("not a coded article (no 'article' and 'text')")
    stamp = data.get("eventwire") or {}
    flat = {k: v for k, v in data.items() if k != "eventwire"}
    flat["version"] = stamp.get("version", "")
    flat["fingerprint"] = stamp.get("fingerprint", "")
    coded: CodedArticle = _decoder(CodedArticle)(flat)
    return coded


__all__ = ["coded_from_dict"]
