"""Places: countries, regions and cities named in the text, geocoded offline.

STUB. Public surface: ``Gazetteer.load()`` and
``extract_places(doc, gazetteer, countries=()) -> list[Place]``.
"""
from __future__ import annotations

from typing import Any, Iterable

from ..model import Place


class Gazetteer:
    @classmethod
    def load(cls) -> "Gazetteer":
        return cls()

    def files(self) -> list:
        return []


def extract_places(doc: Any, gazetteer: Gazetteer, countries: Iterable[str] = ()) -> list[Place]:
    return []
