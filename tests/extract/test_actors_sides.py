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
