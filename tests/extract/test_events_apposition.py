"""An apposition's possessor is not a side of the event, on sentences written for these tests:
"X, Y's closest ally, sided with Z" is X's act (the actor layer may read "X, Y" as one list)."""
from __future__ import annotations

import pytest


def keys(side):
    return {a.org or a.country for a in side}


def asserted(pipeline, text):
    return [(e.category, keys(e.source), keys(e.target))
            for e in pipeline.code_text(text, published="2022-03-01").events
            if e.status != "negated"]


@pytest.mark.parametrize("text, category, source, target", [
    ("Britain, Kenya's old ally, sided with Nairobi.", "SUPPORT", "GBR", "KEN"),
    ("Russia, Syria's longtime protector, condemned the Israeli air strikes.", "ACCUSE", "RUS",
     "ISR"),
    ("China, North Korea's biggest trading partner, criticised the sanctions imposed by Japan.",
     "ACCUSE", "CHN", "JPN"),
])
def test_appositions_possessor_is_no_source(pipeline, text, category, source, target):
    got = asserted(pipeline, text)
    assert (category, {source}, {target}) in got, got


def test_a_plain_list_of_subjects_still_meets_together(pipeline):
    got = asserted(pipeline, "Peru, Chile, and Bolivia met in Lima on Friday.")
    assert any(c == "CONSULT" and s == {"PER", "CHL", "BOL"} for c, s, _ in got), got
