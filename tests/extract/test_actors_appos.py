"""A person's name set after a title and a comma ('the new police chief, X Y.'): the
parse makes the name the title's apposition; it is that title holder, a person, even when
the small tagger calls the name a place or a body.

Every sentence here is written for these tests; none comes from the measured articles.
"""
from __future__ import annotations

import pytest

from .test_actors import actors_of, kb  # noqa: F401  (the shared fixtures)


@pytest.mark.parametrize("text,name,sector", [
    ("The governor arrived with the regional army commander, Esteban Ruiz.",
     "Esteban Ruiz", "MIL"),
    ("Reporters questioned the former air force chief, Orlando Baptiste.",
     "Orlando Baptiste", "MIL"),
    ("The ministry named a new fire brigade chief, Junior Alcindor.", "Junior Alcindor", "GOV"),
    ("The opposition spokesman, Tariq Haddad, said the vote was rigged.",
     "Tariq Haddad", "OPP"),
])
def test_name_in_apposition_to_a_title_is_its_holder(actors_of, text, name, sector):
    index = actors_of(text)
    found = {(index.get(a).kind, index.get(a).sector) for m in index.mentions
             if m.text == name for a in m.actors}
    assert found == {("person", sector)}


def test_known_place_in_apposition_is_no_person(actors_of):
    text = "He met the Peruvian envoy, Lima, on Friday."
    index = actors_of(text)
    kinds = {index.get(a).kind for m in index.mentions if m.text == "Lima" for a in m.actors}
    assert "person" not in kinds
