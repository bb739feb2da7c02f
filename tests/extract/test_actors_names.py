"""Unknown people the small tagger took for organisations: context only a person fits
(a kin noun in apposition before the name, an age or 'who' after it, or being the subject
of a verb of saying and then referred to as 'he'/'she') makes the name a person.

Every sentence here is written for these tests; none comes from the measured articles.
"""
from __future__ import annotations

import pytest

from .test_actors import actors_of, kb  # noqa: F401  (the shared fixtures)


def _kinds(index, phrase: str) -> set[str]:
    return {index.get(a).kind for m in index.mentions if m.text == phrase for a in m.actors}


@pytest.mark.parametrize("text,name", [
    ("Farmers carried his widow, Nadia Okoro, to the front of the march.", "Nadia Okoro"),
    ("Nkechi Ibe, who chairs the traders' union, rejected the tax.", "Nkechi Ibe"),
    ("Thabo Dlamini told the tribunal that the ballots were burned. He asked for a recount.",
     "Thabo Dlamini"),
    ("Lindiwe Mokoena told the broadcaster that the clinic had no power. She blamed the "
     "utility.", "Lindiwe Mokoena"),
    ("Olu Bankole, 58, was found guilty of fraud on Thursday.", "Olu Bankole"),
])
def test_name_in_a_personal_context_is_a_person(actors_of, text, name):
    assert _kinds(actors_of(text), name) == {"person"}


# a firm or a body speaks too: without a personal pronoun after it, it stays a body
@pytest.mark.parametrize("text,name", [
    ("Goldman Sachs told investors the bank would cut jobs. Its shares fell.", "Goldman Sachs"),
    ("Greenpeace International said the ship was seized.", "Greenpeace International"),
])
def test_speaking_body_without_personal_pronoun_stays_a_body(actors_of, text, name):
    assert "person" not in _kinds(actors_of(text), name)
