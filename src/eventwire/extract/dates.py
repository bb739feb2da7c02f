"""Dates: temporal expressions normalised against the publication date.

STUB. Public surface: ``extract_dates(doc, published) -> list[DateRef]``.
"""
from __future__ import annotations

from typing import Any

from ..model import DateRef


def extract_dates(doc: Any, published: str | None) -> list[DateRef]:
    return []
