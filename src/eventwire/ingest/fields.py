"""Which key of a JSON Lines / JSON item holds which field of an article.

Why configurable: dumps from crawlers and news APIs name their fields as they like (``body``,
``content``, ``pubdate``, ``link``, ``meta.published``); renaming millions of lines before a
run costs a pass over the data. ``--field text=body`` says where to look instead. A dotted
key (``meta.published``) reaches into nested objects.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

#: The article fields an item can give, and the keys read by default (first found wins).
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id",), "text": ("text",), "html": ("html",), "url": ("url",), "title": ("title",),
    "source": ("source",), "published": ("published", "date"),
}

#: Our field name -> the item's key path, as ``--field`` gave it.
FieldMap = Mapping[str, str]


def parse_field_options(options: Iterable[str]) -> dict[str, str]:
    """``["text=body", "published=meta.date"]`` -> ``{"text": "body", ...}``.

    Raises ValueError with a message for the user on a malformed or unknown option.
    """
    mapping: dict[str, str] = {}
    for option in options:
        name, sep, key = option.partition("=")
        name, key = name.strip().lower(), key.strip()
        if not sep or not name or not key:
            raise ValueError(f"--field {option!r}: write it as FIELD=KEY, e.g. text=body")
        if name not in DEFAULT_KEYS:
            raise ValueError(f"--field {option!r}: unknown field {name!r}; fields are "
                             f"{', '.join(DEFAULT_KEYS)}")
        if name in mapping:
            raise ValueError(f"--field {name}=... given twice")
        mapping[name] = key
    return mapping


def _lookup(item: Mapping[str, Any], path: str) -> Any:
    if path in item:  # a key that itself holds a dot
        return item[path]
    value: Any = item
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def get_field(item: Mapping[str, Any], name: str, mapping: FieldMap | None = None) -> Any:
    """The value of article field ``name`` in ``item`` (None if absent)."""
    if mapping and name in mapping:
        return _lookup(item, mapping[name])
    for key in DEFAULT_KEYS[name]:
        value = item.get(key)
        if value not in (None, ""):
            return value
    return None


def key_of(name: str, mapping: FieldMap | None = None) -> str:
    """The key an item is read from for ``name``, for messages."""
    return mapping[name] if mapping and name in mapping else DEFAULT_KEYS[name][0]


__all__ = ["DEFAULT_KEYS", "FieldMap", "parse_field_options", "get_field", "key_of"]
