"""Event recognition on sentences written for these tests: verbs used in an everyday sense
(told by the kind of argument they take) code nothing, while the political sense of the same
verb still codes; attacks claimed by a group are that group's; force used through an
instrument ("lobbed gas canisters at", "sprayed X with water"); and the sides of a
between-phrase that the parser hangs on one another."""
from __future__ import annotations

import pytest

from eventwire.errors import KnowledgeError
from eventwire.extract.events.senses import load_restrictions

from .test_events_situated import coded  # (category, source keys, target keys), not negated


# the everyday sense of a dictionary verb, by the kind of its argument, is no event
@pytest.mark.parametrize("text, category", [
    # a plea in court is no appeal
    ("On the third count the Zambian opposition leader Hakainde Hichilema pleaded not guilty.",
     "REQUEST"),
    ("The former Malawian finance minister pleaded guilty to fraud before a Lilongwe court.",
     "REQUEST"),
    # an office is sought from voters, not demanded of anyone
    ("Hichilema is seeking a second term as Zambia's president.", "REQUEST"),
    ("The Malawian vice president is pursuing the presidency in next year's ballot.",
     "REQUEST"),
    # cover taken in a building is no asylum
    ("The Zambian minister sought refuge in a church near the square.", "REQUEST"),
    # a bounty is no agreement
    ("Zambian police offered a reward of 50,000 dollars for information on the gunmen.",
     "AGREE"),
    # leading a force is a post, not an order
    ("General Mwanza, who commands the Zambian army in the north, spoke to farmers.",
     "REQUEST"),
    # moving a body is no urging
    ("The villagers pushed the Malawian official back out of the hut.", "REQUEST"),
    # entering a stretch of time is no occupation
    ("Zambia and Malawi are entering a new chapter of friendship, the statement said.",
     "COERCE"),
])
def test_everyday_sense_codes_nothing(pipeline, text, category):
    got = coded(pipeline, text)
    assert not any(c == category for c, s, t in got), got


# the same verbs in their political sense still code
@pytest.mark.parametrize("text, category, src, tgt", [
    ("Zambian opposition leader Hakainde Hichilema pleaded with Britain to halt arms sales.",
     "REQUEST", "ZMB", "GBR"),
    ("Zambia is seeking talks with Malawi over the border.", "REQUEST", "ZMB", "MWI"),
    ("Thousands of Zambian villagers sought refuge in Malawi last month.", "REQUEST", "ZMB",
     None),
    ("Zambia offered Malawi a ceasefire on Tuesday.", "AGREE", "ZMB", "MWI"),
    ("Zambia pushed Malawi for new elections.", "REQUEST", "ZMB", "MWI"),
])
def test_political_sense_still_codes(pipeline, text, category, src, tgt):
    got = coded(pipeline, text)
    assert any(c == category and s == {src} and (tgt is None or t == {tgt})
               for c, s, t in got), got


def test_restriction_file_is_checked(tmp_path):
    bad = tmp_path / "r.yaml"
    bad.write_text("restrictions:\n  broken:\n    verbs: [seek]\n    slots: [elsewhere]\n"
                   "    words: [term]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_restrictions(str(bad))


# claiming an attack (or responsibility for it) makes the claimer its doer
@pytest.mark.parametrize("text, src, tgt", [
    ("The Zambian Patriotic Army on Monday claimed a bombing at a crowded market in Lilongwe.",
     "ZMB", "MWI"),
    ("A Malawian rebel commander claimed responsibility for an attack on a Zambian army "
     "convoy in June.", "MWI", "ZMB"),
    ("Ugandan insurgents claimed the ambush of a Kenyan patrol near the border.",
     "UGA", "KEN"),
])
def test_claimed_attack_is_the_claimers(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("ASSAULT", {src}, {tgt}) in got, got


@pytest.mark.parametrize("text", [
    "Malawi claims the islands in the lake as its territory.",
    "The Zambian army claimed victory over the insurgents.",
    "Zambia claimed responsibility for the new trade rules.",
])
def test_claiming_no_attack_codes_no_assault(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c == "ASSAULT" for c, s, t in got), got


# an instrument of force sent at or covering a party is force used on it
@pytest.mark.parametrize("text, category, src, tgt", [
    ("Zambian riot police answered by lobbing tear gas canisters at opposition supporters.",
     "COERCE", "ZMB", "ZMB"),
    ("Zambian police later sprayed opposition supporters with water.", "COERCE", "ZMB", "ZMB"),
    ("Malawian soldiers pelted the Zambian convoy with mortar rounds.", "ASSAULT", "MWI",
     "ZMB"),
])
def test_instrument_used_on_a_party(pipeline, text, category, src, tgt):
    got = coded(pipeline, text)
    assert (category, {src}, {tgt}) in got, got


@pytest.mark.parametrize("text", [
    "Farmers in Zambia sprayed the fields with water.",
    "Zambian children threw stones into the lake.",
    "The Malawian team hurled the ball over the wall.",
])
def test_instrument_verbs_without_weapon_or_party_code_nothing(pipeline, text):
    assert coded(pipeline, text) == []


# a between-phrase names both sides, even when the parser hangs one on the other
@pytest.mark.parametrize("text, a, b", [
    ("Skirmishes between Malawian soldiers and Zambian border guards were reported near "
     "Chipata.", "MWI", "ZMB"),
    ("Clashes between Ugandan troops and Kenyan police left two people dead near Busia.",
     "UGA", "KEN"),
    ("Fighting between Zambian and Malawian troops killed four soldiers.", "ZMB", "MWI"),
])
def test_between_phrase_names_both_sides(pipeline, text, a, b):
    got = coded(pipeline, text)
    assert any(c == "ASSAULT" and {a, b} == s | t for c, s, t in got), got


# an event noun that is the object of a verb of prevention or avoidance did not happen
@pytest.mark.parametrize("text", [
    "The new accord is meant to prevent clashes between Ugandan troops and Kenyan police.",
    "The two navies managed to avoid clashes between Zambian fishermen and Malawian sailors "
    "this year.",
    "A buffer zone would prevent skirmishes between Rwandan soldiers and Burundian border "
    "guards.",
])
def test_averted_event_noun_is_not_coded(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c == "ASSAULT" for c, s, t in got), got


# "calling the action unlawful": a name given, also when the parser hangs the name on the
# object as a trailing modifier; a call to a person stays a consultation
@pytest.mark.parametrize("text", [
    "Malawi accused Zambia's navy of seizing two fishing boats, calling the action both "
    "unlawful and reckless.",
    "Kenya's foreign ministry called the Ugandan decision both hasty and unjust.",
    "Ghana summoned Togo's ambassador, calling the border closure both hasty and costly.",
])
def test_calling_something_a_name_is_no_phone_call(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c == "CONSULT" for c, s, t in got), got


def test_calling_a_counterpart_is_still_a_consultation(pipeline):
    got = coded(pipeline, "Zambia's president called Malawian President Peter Mutharika "
                          "late on Tuesday.")
    assert ("CONSULT", {"ZMB"}, {"MWI"}) in got, got
