"""Quotes: direct, partial and indirect quotations with their speakers.

STUB. Public surface: ``extract_quotes(doc, actors: ActorIndex) -> list[Quote]``.
"""
from __future__ import annotations

from typing import Any

from ..model import Quote


def extract_quotes(doc: Any, actors: Any) -> list[Quote]:
    return []
