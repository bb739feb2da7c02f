"""News outlets are media actors of their own state (sector MED), not the state the
paragraph is about, and not state actors.

Every sentence here is written for these tests; none comes from the measured articles.
"""
from __future__ import annotations

import pytest

from .test_actors import actors_of, kb  # noqa: F401  (the shared fixtures)


def _keyed(index, phrase: str) -> set[tuple[str | None, str | None]]:
    return {(index.get(a).key, index.get(a).sector) for m in index.mentions
            if m.text == phrase for a in m.actors}


# an outlet credited in a paragraph about another state keeps its own country and MED
@pytest.mark.parametrize("text,outlet,want", [
    ("Chilean prosecutors charged two mayors on Monday, Sky News reported.",
     "Sky News", ("GBR", "MED")),
    ("Speaking to Le Monde, the Kenyan finance minister defended the tax.",
     "Le Monde", ("FRA", "MED")),
    ("Peru recalled its envoy, Prensa Latina said, citing a diplomatic note.",
     "Prensa Latina", ("CUB", "MED")),
    ("Argentine police raided the port at dawn, according to Clarin.", "Clarin", ("ARG", "MED")),
])
def test_news_outlet_is_its_own_states_media(actors_of, text, outlet, want):
    assert _keyed(actors_of(text), outlet) == {want}
