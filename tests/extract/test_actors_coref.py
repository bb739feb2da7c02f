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


# a state's body owned by a possessive pronoun ('his government', 'its troops') belongs to
# the state the pronoun refers to, not to the state the sentence names last
@pytest.mark.parametrize("text,phrase,want", [
    ("Pope Leo had criticised events in Cuba. Miguel Diaz-Canel, who calls the protests a "
     "plot, has accused the bishops of treason, and his government cut ties with the Vatican "
     "last year.", "government", "CUB"),
    ("Hungary insists on a sector it alone controls and refuses to have NATO generals "
     "command its troops.", "troops", "HUN"),
    ("Speaking in Lima, Chilean President Gabriel Boric said Peru had been warned, and that "
     "his government would recall its ambassador.", "government", "CHL"),
])
def test_body_owned_by_a_possessive_pronoun(actors_of, text, phrase, want):
    assert keys_at(actors_of(text), text, phrase) == [want]


# 'the alliance', 'the bloc' may refer back to the body whose official or organ was named
# ('NATO Secretary-General X', 'the European Commission'), not only to the body itself
@pytest.mark.parametrize("text,phrase,want,published", [
    ("NATO Secretary-General Jens Stoltenberg flew to Tallinn and said the alliance would "
     "guard Estonia.", "the alliance", "NATO", "2019-03-01"),
    ("The European Commission and Croatia, which holds the bloc's rotating chair, urged the "
     "two firms to settle.", "the bloc", "EU", "2021-03-01"),
    ("EU foreign ministers met in Luxembourg, and the bloc said new sanctions on Minsk would "
     "follow.", "the bloc", "EU", "2021-03-01"),
])
def test_description_refers_to_the_body_of_a_named_official(actors_of, text, phrase, want,
                                                            published):
    assert keys_at(actors_of(text, published), text, phrase) == [want]


# 'the Commission' after 'the European Commission': the bare head noun of a body named in
# full is that body, not a new unknown body of the paragraph's state
@pytest.mark.parametrize("text,want", [
    ("The European Commission and Hungary argued over the funds. The Commission said talks "
     "would continue.", "EU"),
    ("The Electoral Commission of Zambia said the count was complete. Observers from Malawi "
     "praised it, and the Commission said turnout was high.", "ZMB"),
    ("Kenya's Independent Electoral and Boundaries Commission opened the tally. Ugandan "
     "monitors arrived, and the Commission said the count was over.", "KEN"),
])
def test_bare_head_noun_is_the_body_named_in_full(actors_of, text, want):
    assert keys_at(actors_of(text), text, "Commission", nth=1) == [want]


# where names put the family name first, a later bare surname is the first word of the
# full name ("Wang Yi" ... "Wang"); names given in Western order keep their last word
@pytest.mark.parametrize("text,surname,want,published", [
    ("Foreign Minister Wang Yi phoned Indian officials on Monday. Wang asked New Delhi to "
     "discipline the officers.", "Wang", "CHN", "2020-06-01"),
    ("Kim Jong Un inspected a missile plant near Pyongyang. Kim ordered more launchers, "
     "state media said.", "Kim", "PRK", "2021-03-01"),
    ("Hong Kong leader Carrie Lam met business chiefs on Friday. Lam said the curfew would "
     "end soon.", "Lam", "HKG", "2019-10-01"),
])
def test_family_name_first(actors_of, text, surname, want, published):
    index = actors_of(text, published)
    found = keys_at(index, text, surname, nth=1)
    assert found == [want]
    at = text.index(surname, text.index(surname) + 1)
    assert any(index.get(a).kind == "person" for m in index.at(at, at + len(surname))
               for a in m.actors)


def test_family_name_first_in_the_knowledge_base(kb):
    assert kb.person("Wang Yi").person.surname == "Wang"
    assert kb.person("Yoon Suk Yeol").person.surname == "Yoon"
    assert kb.person("Carrie Lam").person.surname == "Lam"


# 'both companies', 'the two firms': the two businesses named just before
@pytest.mark.parametrize("text,phrase,want", [
    ("Petrobras sued Sonatrach over a late cargo, and a court in Geneva ordered both companies "
     "to mediate.", "both companies", ["BRA_PETROBRAS", "DZA_SONATRACH"]),
    ("Rosneft and Sinopec signed a supply pact, and analysts said the two firms would share "
     "a terminal.", "the two firms", ["CHN_SINOPEC", "RUS_ROSNEFT"]),
    ("Equinor bought a stake from Pertamina, and regulators in Oslo cleared both firms on "
     "Friday.", "both firms", ["IDN_PERTAMINA", "NOR_EQUINOR"]),
])
def test_pair_of_companies(actors_of, text, phrase, want):
    index = actors_of(text, "2023-03-01")
    at = text.index(phrase)
    ids = {a for m in index.at(at, at + len(phrase)) for a in m.actors}
    assert sorted(index.get(a).kb_id for a in ids) == want


# sentences wholly inside a speaker's quotation do not push the speaker out of reach of a
# later 'he'/'she': the quote keeps the speaker salient
@pytest.mark.parametrize("text,want", [
    ('Serbia had no role in the truce, President Aleksandar Vucic said on television. "We did '
     'not write this text; the mediators did," Vucic said. "We hope the calm holds. What '
     'counts now is order. Nobody wants more graves." He urged the Italian soldiers to '
     'protect the villagers.', "SRB"),
    ('Chile will not sign, President Gabriel Boric told reporters. "The draft is unfair," '
     'Boric said. "It punishes small ports. It rewards the big ones. We asked for changes." '
     'He called on Peru to reopen the talks.', "CHL"),
    ('Ghana is ready, President Nana Akufo-Addo declared in Accra. "Our troops are '
     'trained," Akufo-Addo said. "They know the terrain. They know the risks. They will not '
     'fail." He asked Togo to open its airspace.', "GHA"),
])
def test_quoted_sentences_keep_the_speaker_in_reach(actors_of, text, want):
    assert keys_at(actors_of(text, "2023-03-01"), text, "He") == [want]


# people who are the subject of a clause are where its verb puts them: 'protesters
# rallied outside the court in Tbilisi' are Georgians, though no state word is near them
@pytest.mark.parametrize("text,phrase,want", [
    ("Thousands of flag-waving marchers aside, the main crowd of demonstrators rallied "
     "outside the supreme court in Tbilisi on Sunday.", "demonstrators", "GEO"),
    ("Protesters camped near the central station in Nairobi for a third night.",
     "Protesters", "KEN"),
    ("By noon, striking workers were marching across downtown Lima toward the congress.",
     "workers", "PER"),
])
def test_people_are_where_their_clause_puts_them(actors_of, text, phrase, want):
    assert keys_at(actors_of(text), text, phrase) == [want]
