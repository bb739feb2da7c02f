"""Whose minister is a minister named by a bare title ("Foreign Minister X") in a story about
two or more states: the side the clauses about the person make theirs (the subject of what
they say, the owner of what they speak of), not the dateline's; one state in play, or no
clue in the clauses, and the dateline stands.

Every sentence here is written for these tests; none comes from the measured articles.
"""
from __future__ import annotations

import pytest

from .test_actors import _one, actors_of, kb  # noqa: F401  (the shared fixtures)


def _country(index, name: str) -> str | None:
    return _one(index.actors, "name", name).country


# the subject of what the person says, an owner in their clause, a state they act on
@pytest.mark.parametrize("text,name,country", [
    ("SANTIAGO, May 3 — Peru recalled its ambassador from Chile on Monday after a border "
     "incident.\n\nLate on Sunday, Foreign Minister Rosa Quispe read out a statement offering "
     "Chile Peru's apologies for the incursion. She said Lima never meant to offend its "
     "neighbour.", "Rosa Quispe", "PER"),
    ("MEXICO CITY, June 2 — Guatemala and Honduras traded accusations on Tuesday over a "
     "shooting at the border.\n\nDefence Minister Carlos Ruiz warned that Tegucigalpa would "
     "not tolerate further incursions by Guatemalan troops.", "Carlos Ruiz", "HND"),
    ("ACCRA, March 9 — Ghana and Togo clashed over the arrests on Friday. Interior Minister "
     "Kossi Agbeko said Togo's police had detained the suspects and accused Ghana of "
     "harbouring their leaders.", "Kossi Agbeko", "TGO"),
    ("WARSAW, Oct 12 — Lithuania and Latvia quarrelled over fishing quotas on Thursday. "
     "Foreign Minister Ilze Berzina said Riga would recall its envoy and called on Vilnius to "
     "explain the seizure.", "Ilze Berzina", "LVA"),
])
def test_bare_title_takes_the_side_its_clauses_give(actors_of, text, name, country):
    assert _country(actors_of(text), name) == country


# one state in play, or no side in the clauses: the dateline's country as before
@pytest.mark.parametrize("text,name,country", [
    ("NAIROBI, Jan 4 — Kenya raised fuel taxes on Monday. Finance Minister Joseph Otieno said "
     "the rise would fund new roads.", "Joseph Otieno", "KEN"),
    # a charge against the other state is said of it, not by it: "Hungary was to blame"
    ("VIENNA, Feb 8 — Austria and Hungary argued over the border fence on Wednesday. Interior "
     "Minister Petra Gruber said Hungary was to blame for the delays.", "Petra Gruber", "AUT"),
    # a thing of the other state doing something is a charge too: "a Slovak patrol boat"
    ("VIENNA, Feb 9 — Austria and Slovakia argued over the river patrols. Interior Minister "
     "Petra Gruber said a Slovak patrol boat crossed into Austrian waters at night.",
     "Petra Gruber", "AUT"),
])
def test_no_side_in_the_clauses_keeps_the_dateline(actors_of, text, name, country):
    assert _country(actors_of(text), name) == country


# two or more states in play and no side in the clauses: the state the story is mostly
# about, not the dateline's (where the reporter files from)
@pytest.mark.parametrize("text,name,country", [
    ("VIENNA, May 5 — Russia said on Monday it would send more troops to Transnistria. Moscow "
     "has kept soldiers there since 1992, and Russian officials say they will stay. Moldova "
     "protested.\n\nLate on Monday General Pavel Dragomirov was named to lead the new "
     "contingent.", "Pavel Dragomirov", "RUS"),
    ("NAIROBI, Aug 2 — Ethiopia opened the dam's third turbine on Sunday. Ethiopian engineers "
     "worked through the night, and Addis Ababa called it a national triumph. Egypt objected."
     "\n\nWater Minister Haile Gebremariam Tesfaye attended the ceremony with his staff.",
     "Haile Gebremariam Tesfaye", "ETH"),
    ("GENEVA, Oct 9 — Venezuela freed two opposition activists on Thursday. Caracas called the "
     "release a gesture of goodwill and Venezuelan state television showed the pair leaving "
     "prison. Colombia welcomed the move.\n\nInterior Minister Jorge Luis Pacheco Rivas signed "
     "the release papers on Wednesday.", "Jorge Luis Pacheco Rivas", "VEN"),
])
def test_no_side_in_a_story_of_several_states_takes_its_main_state(actors_of, text, name,
                                                                   country):
    assert _country(actors_of(text), name) == country


# "one of the Defence Ministry's hawks": a ministry the story's place gave a state yields to
# the side the person's own words give
@pytest.mark.parametrize("text,name,country", [
    ("SKOPJE, June 3 — Greek and Turkish ships shadowed each other in the Aegean on Monday.\n\n"
     "Adm. Kemal Aydin Ozturk, one of the Defence Ministry's hawks, had warned earlier this "
     "week that Ankara would act alone unless the talks resumed.", "Kemal Aydin Ozturk", "TUR"),
    ("LONDON, April 1 — Argentina and Chile argued over the glacier on Tuesday.\n\nGen. Ramon "
     "Ignacio Videla, one of the Defence Ministry's planners, said Santiago would send more "
     "patrols.", "Ramon Ignacio Videla", "CHL"),
    ("PARIS, Nov 4 — Armenia and Azerbaijan traded fire overnight.\n\nCol. Tigran Hakobyan "
     "Sargsyan, one of the Defence Ministry's spokesmen, said Yerevan would answer any attack.",
     "Tigran Hakobyan Sargsyan", "ARM"),
])
def test_owned_by_an_unowned_ministry_takes_the_side_of_its_words(actors_of, text, name,
                                                                  country):
    assert _country(actors_of(text), name) == country
