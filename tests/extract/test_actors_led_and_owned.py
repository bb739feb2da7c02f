"""State groups the article names only by whom they follow: members of a coalition named
by its leader ("X-led"), and a body owned by a person's possessive ("President Y's
government"). Each is keyed to that state, not to the state the story is about. Sentences
written for these tests."""
from __future__ import annotations

import pytest


def _groups(pipeline, text):
    coded = pipeline.code_text(text, published="2021-05-04")
    return coded.actors


@pytest.mark.parametrize("text, role, country", [
    ("Jets of the Ethiopian-led force struck villages across southern Somalia.",
     "jets", "ETH"),
    ("Soldiers from the Kenyan-led mission patrolled the streets of Port-au-Prince.",
     "soldiers", "KEN"),
    ("Troops of the French-led coalition withdrew from two bases in Mali in April.",
     "troops", "FRA"),
])
def test_members_of_a_led_coalition_belong_to_the_leader(pipeline, text, role, country):
    actors = _groups(pipeline, text)
    group = next(a for a in actors if a.role and a.role.lower() == role)
    assert group.country == country, actors


def test_a_backed_group_is_not_its_backer(pipeline):
    actors = _groups(pipeline, "Fighters of the Turkish-backed militia shelled a village in "
                     "northern Syria.")
    assert not [a for a in actors if a.role and a.role.lower() == "fighters"
                and a.country == "TUR"], actors


@pytest.mark.parametrize("text, country", [
    ("Ghanaian President Kofi Mensah's government expelled two Togolese diplomats.", "GHA"),
    ("Chadian President Ali Brahim's government closed the border with Sudan after the raid.",
     "TCD"),
    ("The Malian general Oumar Traore's troops pushed rebels out of Kidal, officials in "
     "Niamey said.", "MLI"),
])
def test_a_body_owned_by_a_person_is_that_persons_states(pipeline, text, country):
    actors = _groups(pipeline, text)
    person = next(a for a in actors if a.kind == "person")
    assert person.country == country, actors
    body = [a for a in actors if a.kind != "person" and a.country == country]
    assert body, actors


def test_a_persons_side_is_not_the_states_government(pipeline):
    # a weak collective title ("side", "delegation") owned by a person is that person's party
    coded = pipeline.code_text(
        'Peru and Chile held talks in Lima. Chilean Foreign Minister Ana Soto\'s side said '
        '"both delegations found common ground on fishing," according to a statement.',
        published="2020-03-02")
    quote = next(q for q in coded.quotes if "common ground" in q.text)
    assert quote.speaker is not None and quote.speaker.name != "Chile", quote
