"""The JSON Schema of the coded-article contract, generated from ``eventwire.model``.

Regenerate the shipped file with ``python -m eventwire.schema`` after changing the model;
a test fails when the two drift apart.
"""
from __future__ import annotations

import json
import types
import typing
from dataclasses import fields
from importlib import resources
from typing import Any

from .. import model

SCHEMA_FILE = "contract.schema.json"

#: How each record appears in the JSON (``Mention`` and ``Document`` never do).
_RECORDS = {
    "ArticleMeta": model.ArticleMeta, "Removed": model.Removed, "Actor": model.Actor,
    "ActorRef": model.ActorRef, "DateRef": model.DateRef, "Place": model.Place,
    "EventDate": model.EventDate, "Location": model.Location, "Evidence": model.Evidence,
    "Event": model.Event, "Quote": model.Quote,
}
_ENUMS = {("Event", "category"): model.CATEGORIES, ("Event", "status"): model.STATUSES,
          ("Actor", "kind"): model.ACTOR_KINDS, ("Removed", "kind"): model.REMOVED_KINDS}


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        non_null = [a for a in args if a is not type(None)]
        inner = _type_schema(non_null[0]) if len(non_null) == 1 else {}
        return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0])}
        return {"type": "array", "items": [_type_schema(a) for a in args]}
    if isinstance(tp, type) and tp.__name__ in _RECORDS:
        return {"$ref": f"#/$defs/{tp.__name__}"}
    return {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
            bool: {"type": "boolean"}}.get(tp, {})


def _record_schema(name: str, cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    props: dict[str, Any] = {}
    for f in fields(cls):
        prop = _type_schema(hints[f.name])
        if (name, f.name) in _ENUMS:
            prop = {"enum": list(_ENUMS[(name, f.name)])}
        props[f.name] = prop
    return {"type": "object", "properties": props, "required": list(props)}


def contract_schema() -> dict[str, Any]:
    """Build the schema of one coded article (the object ``CodedArticle.to_dict()`` returns)."""
    defs = {name: _record_schema(name, cls) for name, cls in _RECORDS.items()}
    # the two rendered differently in to_dict(): mentions as [start, end] pairs, Event.also
    defs["Actor"]["properties"]["mentions"] = {
        "type": "array", "items": {"type": "array", "items": {"type": "integer"},
                                   "minItems": 2, "maxItems": 2}}
    top = {
        "article": {"$ref": "#/$defs/ArticleMeta"}, "text": {"type": "string"},
        "captions": {"type": "array", "items": {"type": "string"}},
        "removed": {"type": "array", "items": {"$ref": "#/$defs/Removed"}},
        "actors": {"type": "array", "items": {"$ref": "#/$defs/Actor"}},
        "events": {"type": "array", "items": {"$ref": "#/$defs/Event"}},
        "quotes": {"type": "array", "items": {"$ref": "#/$defs/Quote"}},
        "dates": {"type": "array", "items": {"$ref": "#/$defs/DateRef"}},
        "places": {"type": "array", "items": {"$ref": "#/$defs/Place"}},
        "eventwire": {"type": "object", "properties": {"version": {"type": "string"},
                                                       "fingerprint": {"type": "string"}},
                      "required": ["version", "fingerprint"]},
        "warnings": {"type": "array", "items": {"type": "string"}},
    }
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://eventwire.invalid/contract.schema.json",
            "title": "eventwire coded article", "type": "object", "properties": top,
            "required": ["article", "text", "captions", "removed", "actors", "events", "quotes",
                         "dates", "places"],
            "$defs": defs}


def shipped_schema() -> dict[str, Any]:
    """The schema file shipped in the package."""
    return json.loads((resources.files(__package__) / SCHEMA_FILE).read_text(encoding="utf-8"))


def main() -> None:
    from pathlib import Path
    path = Path(__file__).with_name(SCHEMA_FILE)
    path.write_text(json.dumps(contract_schema(), indent=2) + "\n", encoding="utf-8")
    print(path)


if __name__ == "__main__":
    main()
