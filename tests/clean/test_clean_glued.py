"""Furniture glued onto a story paragraph is cut off; the paragraph's sentences stay.

Invented snippets only. Each glued shape is tested at the end of a paragraph, and look-alike
sentences that end a paragraph must stay whole.
"""
from __future__ import annotations

import pytest

from eventwire.clean import clean_text

HEAD = "Miners refuse to surface as pay dispute deepens at Korvik pit"
P1 = ("KORVIK — About 120 miners stayed underground at the Korvik colliery for a second night "
      "on Tuesday, refusing to come up until the owners pay wages owed since January.")
P2 = ("\"We will sit here in the dark until every man is paid,\" shift leader Anton Reyes told "
      "reporters by telephone from the pit bottom, 400 metres below the surface.")
P3 = ("The mine's owners said they had paid two of the four months owed and blamed the delay "
      "on a fall in coal prices that had left the company short of cash.")
BODY = (P1, P2, P3)


def page(*parts: str) -> str:
    return "\n\n".join(parts)


def assert_body_intact(cleaned) -> None:
    for paragraph in BODY:
        assert paragraph in cleaned.text


@pytest.mark.parametrize("glued", [
    "Read more: Coal prices slump to a five-year low",
    "RELATED: Two killed in roof collapse at northern pit",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Share this article",
    "Click here to subscribe to our free energy newsletter.",
    "(Photo: Lena Varn/Wire)",
])
def test_furniture_glued_to_the_end_of_a_paragraph_is_cut_off(glued):
    cleaned = clean_text(page(HEAD, P1, f"{P2} {glued}", P3))
    assert glued not in cleaned.text
    assert_body_intact(cleaned)


def test_ad_slot_between_two_sentences_is_cut_out():
    second = "The union said food and water were being lowered to the men twice a day."
    cleaned = clean_text(page(HEAD, P1, f"{P2} Advertisement {second}", P3))
    assert "Advertisement" not in cleaned.text
    assert second in cleaned.text
    assert_body_intact(cleaned)


@pytest.mark.parametrize("ending", [
    "Read the statement, he said, and you will see the owners admit the debt.",
    "\"Share this with the whole town,\" Reyes told his wife in a message.",
    "Advertisement revenue at the local paper has fallen since the pit cut its staff.",
])
def test_story_sentences_that_look_like_furniture_stay(ending):
    cleaned = clean_text(page(HEAD, P1, f"{P2} {ending}", P3))
    assert ending in cleaned.text
    assert_body_intact(cleaned)


def test_promo_of_two_sentences_is_not_cut_into_pieces():
    promo = "Get the Energy Briefing in your inbox every morning. Subscribe free"
    cleaned = clean_text(page(HEAD, P1, P2, P3, promo))
    assert [r.text for r in cleaned.removed if r.kind == "promo"] == [promo]
