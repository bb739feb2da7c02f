"""In-article coreference: pronouns, possessives and definite descriptions that refer back
to a state or organisation the article named.

Every sentence here is written for these tests; none comes from the measured articles.
"""
from __future__ import annotations

import pytest

from eventwire.extract.actors import ActorIndex

from .test_actors import actors_of, kb  # noqa: F401  (the shared fixtures)


def keys_at(index: ActorIndex, text: str, phrase: str, nth: int = 0) -> list[str | None]:
    """The keys of the actors the ``nth`` occurrence of ``phrase`` refers to ([] if none)."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(phrase, at + 1)
    found = index.at(at, at + len(phrase))
    return sorted({index.get(a).key for m in found for a in m.actors}, key=str)


# 'it' opening a clause that a verb of saying or telling takes as object: the subject of
# that verb, not the nearest name in its object ('that' here is no relative pronoun)
@pytest.mark.parametrize("text,want", [
    ("A spokeswoman said Hungary had formally told Austria, Slovakia and the UN that it "
     "opposed any extension.", "HUN"),
    ("Peru informed Chile and the OAS on Monday that it would withdraw its ambassador.", "PER"),
    ("Officials said Ghana had warned Togo and the African Union that it would close the "
     "border.", "GHA"),
])
def test_it_in_complement_clause_is_the_reporting_subject(actors_of, text, want):
    assert keys_at(actors_of(text), text, "it") == [want]


# a state's body named by a singular collective noun ('the army', 'the government') is
# referred to by 'it'; a plural group ('officials') is not
@pytest.mark.parametrize("text,pronoun,want", [
    ("The Egyptian army said it had closed the crossing.", "it", "EGY"),
    ("The Kenyan government said it would appeal the ruling.", "it", "KEN"),
    ("The Thai navy moved two frigates south, and it later denied any plan to board "
     "the trawlers.", "it", "THA"),
])
def test_it_refers_to_a_singular_collective_body(actors_of, text, pronoun, want):
    assert keys_at(actors_of(text), text, pronoun) == [want]


def test_plural_group_is_no_antecedent_of_it(actors_of):
    text = "Mexican officials met the envoy, and it was a tense meeting."
    assert keys_at(actors_of(text), text, "it") == []
