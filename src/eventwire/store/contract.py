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
from typing import Any

from .. import model
from ..model import CodedArticle


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _decode(hint: Any, value: Any) -> Any:
    """``value`` (plain JSON) as the type ``hint`` describes."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _record(hint, value)
    return value


def _record(cls: type, data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    kwargs = {f.name: _decode(hints[f.name], data[f.name])
              for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def coded_from_dict(data: dict[str, Any]) -> CodedArticle:
    """The CodedArticle whose ``to_dict()`` is ``data``; raises KeyError/TypeError/ValueError
    on JSON that is not a coded article."""
    if not isinstance(data, dict) or "article" not in data or "text" not in data:
        raise ValueError("not a coded article (no 'article' and 'text')")
    stamp = data.get("eventwire") or {}
    flat = {k: v for k, v in data.items() if k != "eventwire"}
    flat["version"] = stamp.get("version", "")
    flat["fingerprint"] = stamp.get("fingerprint", "")
    coded: CodedArticle = _record(CodedArticle, flat)
    return coded


__all__ = ["coded_from_dict"]
