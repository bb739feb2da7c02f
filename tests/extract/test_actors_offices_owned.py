"""An office that says little about its holder ("leader", "spokesperson", "chairman") is
the office of whoever the possessive before it names: "the party's spokesperson" speaks for
a party, "the gang's leader" leads a gang, "its leader" leads the body "it" refers to.

Every sentence here is written for these tests; none comes from the measured articles.
"""
from __future__ import annotations

import pytest

from eventwire.extract.actors import ActorIndex

from .test_actors import _one, actors_of, kb  # noqa: F401  (the shared fixtures)


def _actor(index: ActorIndex, name: str):
    return _one(index.actors, "name", name)


# a bare group word as the owner: the group of that kind named before (or its sector)
@pytest.mark.parametrize("text,name,country,sector", [
    ("DODOMA -- Police held two leaders of the opposition party. Brenda Kapwepwe, the "
     "party's spokesperson, condemned the arrests.", "Brenda Kapwepwe", "TZA", "OPP"),
    ("CARACAS -- The gang attacked a police station. Luis Pardo, the gang's best-known "
     "leader, warned the army.", "Luis Pardo", "VEN", "REB"),
    ("LUSAKA -- The ruling party met on Friday. Its critics were absent. Bwalya Mulenga, the "
     "party's chairman, opened the meeting.", "Bwalya Mulenga", "ZMB", "PTY"),
])
def test_group_word_owns_the_office(actors_of, text, name, country, sector):
    person = _actor(actors_of(text), name)
    assert (person.country, person.sector) == (country, sector)


# an institution noun as the owner: the institution of that kind named last
@pytest.mark.parametrize("text,name,country", [
    ("ABUJA -- The electoral commission announced the results. The commission's chairman, "
     "Bala Yusuf, said turnout was low.", "Bala Yusuf", "NGA"),
    ("ACCRA -- Ghana's Electoral Commission delayed the count. Kojo Mensah, the "
     "commission's chairman, blamed the rain.", "Kojo Mensah", "GHA"),
    ("NAIROBI -- The electoral commission extended voting hours. The commission's spokesman, "
     "Otieno Waweru, cited long queues.", "Otieno Waweru", "KEN"),
])
def test_institution_owns_the_office(actors_of, text, name, country):
    person = _actor(actors_of(text), name)
    assert (person.country, person.sector) == (country, "GOV")


# "its leader, X": the body "its" refers to
@pytest.mark.parametrize("text,name,sector", [
    ("DAKAR -- Senegal's Patriotic Union Party won the vote. Its leader, Moussa Diallo, "
     "thanked voters.", "Moussa Diallo", "PTY"),
    ("KAMPALA -- The opposition Freedom Front party boycotted the vote. Its spokesman, "
     "Peter Ssali, called the count a fraud.", "Peter Ssali", "OPP"),
    ("MAPUTO -- The Mozambique Workers Party named a candidate. Its leader, Armando Cossa, "
     "said the party would run.", "Armando Cossa", "PTY"),
])
def test_its_owns_the_office(actors_of, text, name, sector):
    person = _actor(actors_of(text), name)
    assert person.sector == sector


# a strong title or a state owner keeps what the title says
@pytest.mark.parametrize("text,name,country,sector", [
    ("HARARE -- The party's defence minister, Tendai Chiwenga, ordered troops out.",
     "Tendai Chiwenga", "ZWE", "GOV"),
    ("QUITO -- Ecuador's spokesman, Rafael Paredes, denied the report.",
     "Rafael Paredes", "ECU", "GOV"),
])
def test_strong_titles_and_states_keep_their_sector(actors_of, text, name, country, sector):
    person = _actor(actors_of(text), name)
    assert (person.country, person.sector) == (country, sector)
