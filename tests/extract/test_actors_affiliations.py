"""People the text places only by a relative clause of membership ("X, who leads the Y
party"), people it places nowhere in a story about one country, and unknown parties whose
name holds a known word ("Congress") or a head before "for".

Every sentence here is written for these tests; none comes from the measured articles.
"""
from __future__ import annotations

import pytest

from eventwire.extract.actors import ActorIndex

from .test_actors import _one, actors_of, kb  # noqa: F401  (the shared fixtures)


def _actor(index: ActorIndex, name: str):
    return _one(index.actors, "name", name)


# "X, who leads/heads/sat on <body>": the body's state and sector are X's
@pytest.mark.parametrize("text,name,country,sector", [
    ("LUSAKA -- Mutale Banda, who heads the Patriotic Front, condemned the ruling.",
     "Mutale Banda", "ZMB", "REB"),
    ("BOGOTA -- Among the dead was Pedro Lara, born Juan Ortiz, 61, who sat on the rebels' "
     "council.", "Pedro Lara", "COL", "REB"),
    ("HARARE -- Police arrested Rudo Ncube, who leads the Citizens Freedom Party, on Friday.",
     "Rudo Ncube", "ZWE", "PTY"),
    ("ACCRA -- Yaw Boateng, 48, who chairs the Ghana Cocoa Farmers Association, asked for "
     "higher prices.", "Yaw Boateng", "GHA", "AGR"),
])
def test_membership_clause_places_the_person(actors_of, text, name, country, sector):
    person = _actor(actors_of(text), name)
    assert (person.country, person.sector) == (country, sector)


def test_a_clause_that_is_no_membership_says_nothing_of_the_body(actors_of):
    """Criticising a party makes nobody its member."""
    person = _actor(actors_of("HARARE -- Tendai Moyo, a lawyer, who criticised the Citizens "
                              "Freedom Party, was arrested."), "Tendai Moyo")
    assert person.sector == "CVL"


# a person named in full and placed nowhere, in a story about one country: a local civilian
@pytest.mark.parametrize("text,name,country", [
    ('DAHOK -- "The roof fell in," said Karwan Aziz, 41, who was treated for burns.',
     "Karwan Aziz", "IRQ"),
    ("MADRID -- At the station, ambulance driver Carlos Ibarra described the scene.",
     "Carlos Ibarra", "ESP"),
    ("NAIROBI -- Kenyan police fired tear gas. Amina Njeri said she ran from the market.",
     "Amina Njeri", "KEN"),
])
def test_unplaced_person_is_a_local(actors_of, text, name, country):
    person = _actor(actors_of(text), name)
    assert (person.country, person.sector) == (country, "CVL")


def test_no_local_without_a_story_country(actors_of):
    """Two states and no dateline: no guess."""
    index = actors_of("Kenya and Uganda met in Geneva. Amina Njeri said little had changed.")
    assert _actor(index, "Amina Njeri").country is None


# unknown parties: "Congress" at the end of a longer name, a head before "for"
@pytest.mark.parametrize("text,name,country", [
    ("DAKAR -- Senegal's Patriotic Union Congress won the vote.",
     "Patriotic Union Congress", "SEN"),
    ("WASHINGTON -- The U.S. Congress passed the bill. Nigeria's All Peoples Liberty "
     "Congress rejected it.", "All Peoples Liberty Congress", "NGA"),
    ("LUSAKA -- The United Party for National Renewal rejected the results.",
     "United Party for National Renewal", "ZMB"),
])
def test_unknown_party_sharing_a_known_word(actors_of, text, name, country):
    org = _actor(actors_of(text), name)
    assert (org.country, org.sector) == (country, "PTY")


# an abbreviation in brackets after a body's name is that body wherever it occurs
@pytest.mark.parametrize("text,name,abbr", [
    ("LILONGWE -- Both candidates accused the Malawi Electoral Commission (MEC) of a flawed "
     "count. The MEC denied it.", "Malawi Electoral Commission", "MEC"),
    ("ACCRA -- The Ghana Revenue Authority (GRA) raised fuel levies. Traders said GRA had "
     "not consulted them.", "Ghana Revenue Authority", "GRA"),
    ("NAIROBI -- The Kenya Medical Practitioners Union (KMPU) called a strike. KMPU said "
     "talks had failed.", "Kenya Medical Practitioners Union", "KMPU"),
])
def test_bracketed_abbreviation_is_the_body(actors_of, text, name, abbr):
    index = actors_of(text)
    body = _actor(index, name)
    at = text.rindex(abbr)
    assert (at, at + len(abbr)) in body.mentions
    assert not index.find(name=abbr)
