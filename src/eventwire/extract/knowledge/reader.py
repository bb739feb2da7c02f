"""YAML rows with their line numbers, so a bad entry is reported where it is."""
from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Any, Iterator

import yaml

from ...errors import KnowledgeError
from .text import parse_date, SECTORS


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader (libyaml when present) that records each mapping's line as ``__line__``."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping

_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


class _Reader:
    """Reads one file's rows and turns problems into KnowledgeError(path, line, reason)."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        try:
            self.data = yaml.load(text, Loader=_LineLoader) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise KnowledgeError(path, mark.line + 1 if mark else None,
                                 f"not valid YAML ({getattr(exc, 'problem', exc)})") from exc
        if not isinstance(self.data, dict):
            raise KnowledgeError(path, 1, "expected a mapping of sections at the top level")

    def rows(self, section: str, required: bool = True) -> Iterator[dict[str, Any]]:
        rows = self.data.get(section)
        if rows is None:
            if required:
                raise KnowledgeError(self.path, None, f"missing section {section!r}")
            return
        if not isinstance(rows, list):
            raise KnowledgeError(self.path, self.data.get("__line__"),
                                 f"section {section!r} must be a list of rows")
        for row in rows:
            if not isinstance(row, dict):
                raise KnowledgeError(self.path, None,
                                     f"section {section!r}: row {row!r} is not a mapping")
            yield row

    def fail(self, row: dict[str, Any], reason: str) -> KnowledgeError:
        return KnowledgeError(self.path, row.get("__line__"), reason)

    def text(self, row: dict[str, Any], name: str, required: bool = True) -> str | None:
        value = row.get(name)
        if value is None or value == "":
            if required:
                raise self.fail(row, f"missing required field {name!r}")
            return None
        if not isinstance(value, str):
            raise self.fail(row, f"field {name!r} must be text, got {value!r} "
                                 "(quote it in the YAML)")
        return value.strip()

    def texts(self, row: dict[str, Any], name: str) -> list[str]:
        value = row.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(row, f"field {name!r} must be a list of non-empty texts")
        return [v.strip() for v in value]

    def sector(self, row: dict[str, Any], value: Any) -> str:
        if value not in SECTORS:
            raise self.fail(row, f"unknown sector {value!r}; use one of {sorted(SECTORS)}")
        return str(value)

    def date(self, row: dict[str, Any], value: Any, end: bool = False) -> dt.date | None:
        try:
            return parse_date(value, end=end)
        except (ValueError, TypeError) as exc:
            raise self.fail(row, str(exc)) from exc
