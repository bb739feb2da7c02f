"""A demonym and a role noun the lexicon lacks, in apposition to a person, still give the
person's country ('X, an Afghan mujahid'): sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, name, country", [
    ("Thai police detained Ahmad Karimi, an Afghan drifter, in Bangkok on Friday.",
     "Ahmad Karimi", "AFG"),
    ("The ministry in Nairobi said Omar Farah, whom it called a Somali herdsman, had been "
     "released by Ethiopian troops.", "Omar Farah", "SOM"),
    ("French officers questioned Luis Mamani, a Bolivian lorry-less trucker, at the port.",
     "Luis Mamani", None),
    ("Sami Haddad, a Lebanese sculptor, met the Syrian envoy in Paris.", "Sami Haddad", "LBN"),
])
def test_apposed_demonym_places_the_person(pipeline, text, name, country):
    coded = pipeline.code_text(text, published="2019-04-02")
    person = next(a for a in coded.actors if a.name == name)
    assert person.country == country, coded.actors


def test_a_thing_after_a_demonym_is_not_read_when_the_head_is_no_person(pipeline):
    coded = pipeline.code_text("Kenya Airways, a Kenyan carrier, cancelled flights to Juba.",
                               published="2019-04-02")
    assert not [a for a in coded.actors if a.name == "Kenya Airways" and a.sector == "CVL"]
