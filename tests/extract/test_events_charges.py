"""Reported charges and rebuttals (``extract/events/charges.py``): a reporting verb whose
content clause holds a word of censure charges someone without a charge verb; one whose
content denies such a charge against the speaker's side rebuts it. Short texts written for
these tests."""
from __future__ import annotations

import pytest


def keys(side):
    return {a.org or a.country for a in side} - {None}


def coded(pipeline, text, category):
    got = pipeline.code_text(text, published="2023-05-01")
    return [(keys(e.source), keys(e.target)) for e in got.events
            if e.category == category and e.status != "negated"]


# a word of censure in the content: the speaker accuses the clause's subject
@pytest.mark.parametrize("text, pair", [
    ("Germany said the Belarusian authorities had no legal basis for holding the reporters.",
     ({"DEU"}, {"BLR"})),
    ("Canada argued that the Chinese tariffs on canola were discriminatory and unjustified.",
     ({"CAN"}, {"CHN"})),
    ("The Kenyan foreign ministry said the Ugandan police had acted illegally at the border "
     "post.", ({"KEN"}, {"UGA"})),
    ("Chile maintains that the Bolivian government's new claim is a travesty of history.",
     ({"CHL"}, {"BOL"})),
])
def test_censure_in_reported_content_is_an_accusation(pipeline, text, pair):
    assert pair in coded(pipeline, text, "ACCUSE")


# the speaker's own stance ("we have doubts about ...") charges the one it is about
@pytest.mark.parametrize("text, pair", [
    ("Sweden said it had serious doubts about the count announced by Belarus.",
     ({"SWE"}, {"BLR"})),
    ("Australia said it had grave misgivings about the Indonesian verdict.",
     ({"AUS"}, {"IDN"})),
    ("The Dutch government said it had strong suspicions about the Russian explanation.",
     ({"NLD"}, {"RUS"})),
])
def test_speakers_own_doubts_charge_whom_they_are_about(pipeline, text, pair):
    assert pair in coded(pipeline, text, "ACCUSE")


# a party of a country charging that country's army charges someone else (domestic charge)
@pytest.mark.parametrize("text, key", [
    ("HARARE, Zimbabwe — The opposition party said the army had no justification for "
     "closing the bridges.", "ZWE"),
    ("LA PAZ, Bolivia — A farmers' union said the police had used brutal force against "
     "villagers.", "BOL"),
    ("QUITO, Ecuador — The main opposition party argued that the curfew was unconstitutional.",
     "ECU"),
])
def test_domestic_charge_is_aimed_at_the_state(pipeline, text, key):
    assert any(key in src and key in tgt for src, tgt in coded(pipeline, text, "ACCUSE"))


# a content that denies a charge against the speaker's own side is a rebuttal
@pytest.mark.parametrize("text, key", [
    ("The Turkish government insists the new visa rules are not aimed at any nationality.",
     "TUR"),
    ("India maintained that its export ban was not directed against any neighbour.", "IND"),
    ("The Peruvian interior ministry said its officers had not acted illegally.", "PER"),
])
def test_denial_of_a_charge_against_ones_side_is_a_rejection(pipeline, text, key):
    assert any(key in src for src, _ in coded(pipeline, text, "REJECT"))


# precision guards: nothing is charged by these
@pytest.mark.parametrize("text", [
    # a question about a charge, and a charge only supposed
    "Mexico asked whether the Guatemalan election had been rigged.",
    "Norway said the blockade would be illegal if Serbia imposed it.",
    # the report itself is denied
    "Austria did not say that the Slovak decree was unlawful.",
    # self-criticism names no one else
    "The Danish minister said he had been reckless in his remarks.",
    # a defence of a third party: its charge denied
    "Brazil said the Paraguayan police had not acted illegally.",
])
def test_no_charge_without_an_asserted_charge_of_another(pipeline, text):
    assert coded(pipeline, text, "ACCUSE") == []


# a government charging a deed whose doer the clause does not name charges the other party
# of the story, not itself
@pytest.mark.parametrize("text, pair", [
    ("HANOI, Vietnam — Vietnam and China traded words over fishing rights on Monday. China "
     "seized two Vietnamese boats. Vietnam's foreign ministry said the seizures were illegal.",
     ({"VNM"}, {"CHN"})),
    ("ACCRA, Ghana — Ghana and Nigeria have quarrelled for weeks over traders. Nigeria closed "
     "Ghanaian shops in Lagos. Ghana's trade minister said the closures were discriminatory.",
     ({"GHA"}, {"NGA"})),
    ("OSLO, Norway — Norway and Russia met again over the fishing zone. Russia detained a "
     "Norwegian trawler. The Norwegian government said the detention was unlawful.",
     ({"NOR"}, {"RUS"})),
])
def test_governments_charge_of_an_undone_deed_is_aimed_at_the_other_party(pipeline, text,
                                                                           pair):
    got = coded(pipeline, text, "ACCUSE")
    assert pair in got and (pair[0], pair[0]) not in got, got
