"""Situated state agents, on sentences written for these tests: unnamed police and
agentless state measures are the doing of the state where they happen."""
from __future__ import annotations

import pytest


def keys(side):
    return {a.org or a.country for a in side}


def coded(pipeline, text):
    return [(e.category, keys(e.source), keys(e.target))
            for e in pipeline.code_text(text, published="2022-03-01").events
            if e.status != "negated"]


# unnamed police: a place inside the subject phrase says whose they are
@pytest.mark.parametrize("text, key", [
    ("Officers in Lagos opened fire on demonstrators who had blocked a highway.", "NGA"),
    ("Riot officers in Quito beat back marchers with batons.", "ECU"),
    ("Officers in La Paz fired rubber bullets at striking miners.", "BOL"),
])
def test_officers_in_a_city_are_that_countrys(pipeline, text, key):
    got = coded(pipeline, text)
    assert any(c == "ASSAULT" and s == {key} for c, s, t in got), got


# agentless passive measure: the state where it is done does it, to its own people
@pytest.mark.parametrize("text, category, key", [
    ("Almost 3,000 teachers were suspended in Ethiopia on Friday.", "SANCTION", "ETH"),
    ("Two reporters were jailed in Belarus for their coverage of the vote.", "COERCE", "BLR"),
    ("Forty opposition activists were detained in Cambodia overnight.", "COERCE", "KHM"),
])
def test_agentless_measure_is_the_states_where_it_happens(pipeline, text, category, key):
    got = coded(pipeline, text)
    assert (category, {key}, {key}) in got, got


# a measure whose clause names no place happened at home: the story's state, not another
# country the sentence mentions in passing
@pytest.mark.parametrize("text, key, elsewhere", [
    ("The Sudanese army chief and Ethiopia's premier met in Khartoum. Sudan's leaders accuse "
     "Ethiopia of arming rebels. Sudan's government complains about the dam. A journalist "
     "was arrested on Monday, a day after he returned from a trip to Egypt.", "SDN", "EGY"),
    ("Zimbabwe's ruling party won the vote. Zimbabwean ministers praised the result and "
     "Zimbabwe's president thanked the voters of Zimbabwe. The opposition called the result a "
     "fraud. The opposition leader was detained the next morning.", "ZWE", None),
    ("Nicaragua's government has expelled priests. Nicaragua accused the church of treason. "
     "The bishop was arrested in March and sentenced in May, a day after he refused to fly "
     "to Spain.", "NIC", "ESP"),
])
def test_measure_placed_nowhere_is_the_story_states(pipeline, text, key, elsewhere):
    got = [(s, t) for c, s, t in coded(pipeline, text) if c == "COERCE"]
    assert ({key}, {key}) in got, got
    assert not any(elsewhere in s for s, t in got), got


# things and acts suspended or halted are no measure against people
@pytest.mark.parametrize("text", [
    "The ceasefire in Yemen, which was suspended in May, is back.",
    "Grain shipments to Egypt were halted on Monday.",
    "The talks in Geneva were suspended after a day.",
])
def test_suspending_things_is_not_a_measure_against_people(pipeline, text):
    got = coded(pipeline, text)
    assert not [x for x in got if x[0] in ("SANCTION", "COERCE")], got


# a release "from" a place is by whoever held people there
@pytest.mark.parametrize("text, holder, freed", [
    ("A Danish sailor was freed from a prison in Iran.", "IRN", "DNK"),
    ("Three Canadian citizens were released from a camp in Syria.", "SYR", "CAN"),
    ("A Chilean pilot was freed last week from a jail in Bolivia.", "BOL", "CHL"),
])
def test_release_from_a_place_is_by_its_country(pipeline, text, holder, freed):
    got = coded(pipeline, text)
    assert ("RETREAT", {holder}, {freed}) in got, got
