"""People named by their trade with a nationality ("Peruvian miners", "Zambian dockers")
are civilians of that state, not its government: the demonym says whose people they are, the
trade noun that they are no office. Sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, country", [
    ("Peruvian miners blocked the highway to the coast for a third day.", "PER"),
    ("Striking Zambian dockers stopped unloading grain at the lake port of Mpulungu.",
     "ZMB"),
    ("Ecuadorian shopkeepers shuttered their stalls in Guayaquil to protest the new levy.",
     "ECU"),
    ("Police in Santiago dispersed miners who had camped outside the ministry.", "CHL"),
])
def test_a_trade_with_a_nationality_is_that_states_civilians(pipeline, text, country):
    coded = pipeline.code_text(text, published="2021-05-04")
    group = next(a for a in coded.actors if a.role and a.role.lower() in (
        "miners", "dockers", "shopkeepers"))
    assert (group.country, group.sector) == (country, "CVL"), coded.actors
    assert not [e for e in coded.events if any(
        s.country == country and s.sector == "GOV" for s in e.source)], coded.events
