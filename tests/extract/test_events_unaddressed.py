"""Acts whose clause names no object or addressee at all (``extract/events/unaddressed.py``),
on short texts written for these tests: whom they are aimed at is read from where they
happen and from what the article said before."""
from __future__ import annotations

import pytest


def keys(side):
    return {a.org or a.country for a in side} - {None}


def events(pipeline, text, category):
    coded = pipeline.code_text(text, published="2023-05-01")
    return [(keys(e.source), keys(e.target)) for e in coded.events
            if e.category == category and e.status != "negated"]


# a crowd that protests is the people of where it acts, and its protest naming no one is aimed
# at that state's government (PLOVER: X -> X)
@pytest.mark.parametrize("text, key", [
    ("Tens of thousands took to the streets of Caracas on Sunday.", "VEN"),
    ("Thousands of people demonstrated for a third night, witnesses in Minsk said.", "BLR"),
    ("BISHKEK, Kyrgyzstan — The count was halted on Friday.\n"
     "Crowds chanted against the electoral commission late into the night.", "KGZ"),
    ("Hundreds gathered outside the finance ministry in Accra on Monday, chanting against "
     "new fuel taxes.", "GHA"),
])
def test_unnamed_crowd_protest_is_its_country_against_its_state(pipeline, text, key):
    assert ({key}, {key}) in events(pipeline, text, "PROTEST")


def test_crowd_the_text_places_nowhere_stays_unkeyed(pipeline):
    # no place, no dateline, and a flag of a people without a state: whose crowd is unknown
    got = events(pipeline, "Crowds waving Kurdish flags poured into the streets.", "PROTEST")
    assert got and all(src == set() and tgt == set() for src, tgt in got), got


def test_armed_unknowns_are_not_a_crowd_of_the_country(pipeline):
    # "gunmen" may come from anywhere: the place is the target, the doer stays unkeyed
    got = events(pipeline, "Gunmen opened fire on a bus near Quetta on Sunday.", "ASSAULT")
    assert (set(), {"PAK"}) in got, got


def test_a_states_unaddressed_protest_is_not_aimed_at_itself(pipeline):
    # a diplomatic protest is a state's, not its people's: no domestic target
    got = [e for e in pipeline.code_text("Japan lodged a strong protest on Monday.",
                                         published="2023-05-01").events]
    assert got and all("JPN" not in keys(e.target) for e in got), got


# a denial with no accuser in its clause answers the charge made against the denier earlier
@pytest.mark.parametrize("text, source, target", [
    ("Senegal's opposition accused President Macky Sall of muzzling the press. Sall "
     "dismissed the claims on Thursday.", "SEN", "SEN"),
    ("Malaysian police arrested former prime minister Najib Razak on Tuesday over the "
     "missing state funds. Najib has denied the allegations.", "MYS", "MYS"),
    ("Zambian opposition leader Hakainde Hichilema accused President Edgar Lungu of stealing "
     "public funds. Lungu has denied any wrongdoing.", "ZMB", "ZMB"),
])
def test_denial_without_accuser_targets_the_earlier_accuser(pipeline, text, source, target):
    assert ({source}, {target}) in events(pipeline, text, "REJECT")


def test_denial_of_an_offer_is_no_answer_to_a_charge(pipeline):
    text = ("Senegal's opposition accused President Macky Sall of muzzling the press. Sall "
            "rejected an offer of talks on Thursday.")
    coded = pipeline.code_text(text, published="2021-06-15").events
    got = [e for e in coded if e.category == "REJECT"]
    # not answered to the accuser; at most aimed at the story's state as a last resort
    assert got and all("|target|" not in e.basis for e in got
                       if {a.country for a in e.target} == {"SEN"}), got


def test_denial_picks_the_charge_against_the_denier_not_the_latest_one(pipeline):
    text = ("Chadian rebels accused Sudan of sheltering mercenaries. Niger accused Mali of "
            "closing the border. Khartoum has denied any involvement.")
    got = events(pipeline, text, "REJECT")
    assert ({"SDN"}, {"TCD"}) in got and ({"SDN"}, {"NER"}) not in got, got


# force used on a place the clause names only by a nationality or by where it lies is aimed
# at that place's country, unless it is the doer's own
@pytest.mark.parametrize("text, source, target", [
    ("Israeli jets struck an arms depot near the Syrian capital on Friday.", "ISR", "SYR"),
    ("Thai artillery shelled villages on the Cambodian side of the border on Wednesday.",
     "THA", "KHM"),
    ("Turkish drones hit a convoy on Sunday, killing four people near Qamishli in Syria.",
     "TUR", "SYR"),
])
def test_force_on_a_foreign_place_targets_its_country(pipeline, text, source, target):
    assert ({source}, {target}) in events(pipeline, text, "ASSAULT")


def test_force_at_home_gets_no_foreign_target(pipeline):
    got = events(pipeline, "Nigerian jets bombed a camp in Borno state on Tuesday.", "ASSAULT")
    assert got and all(tgt <= {"NGA"} for _, tgt in got), got


# an unknown attacker ("a suicide bomber", "gunmen") has no country of its own: its attack is
# on the place, and a clause that names none happened where the story is
@pytest.mark.parametrize("text, target", [
    ("Niger's army said the attack near Tillaberi killed nine soldiers. Nigerien officials "
     "blamed jihadists. A suicide bomber blew up a car outside a barracks there on Friday.",
     "NER"),
    ("Gunmen stormed a hotel on Tuesday, police in Mogadishu said.", "SOM"),
    ("Masked men set fire to a polling station in Kandahar overnight.", "AFG"),
])
def test_unknown_attackers_strike_the_country_where_it_happens(pipeline, text, target):
    assert (set(), {target}) in events(pipeline, text, "ASSAULT")


def test_victims_in_a_small_clause_are_no_crowd_of_doers(pipeline):
    # "left 40 people injured": the people underwent the violence, the place is its target
    text = "The unrest in Conakry killed two and left 40 people injured."
    got = events(pipeline, text, "ASSAULT")
    assert got and all(src == set() for src, _ in got) and (set(), {"GIN"}) in got, got


# a crowd protesting at another state's mission, or against what another state did, is
# aimed at that state; the mission's country is not where the crowd is
@pytest.mark.parametrize("text, source, target", [
    ("Crowds gathered outside the Chinese embassy in Manila on Friday.", "PHL", "CHN"),
    ("Hundreds demonstrated outside the US embassy in Baghdad.", "IRQ", "USA"),
    ("Hundreds rallied in Karachi against American drone strikes.", "PAK", "USA"),
])
def test_crowd_protest_at_a_foreign_state_targets_that_state(pipeline, text, source, target):
    assert ({source}, {target}) in events(pipeline, text, "PROTEST")


# verbal dissent: a charge or a refusal by a state's people that names no one answers their
# own state; one with someone in its object slot is aimed at that someone
@pytest.mark.parametrize("text, category, key", [
    ("Malian soldiers detained protesters in Bamako. Mali's junta banned parties. Opposition "
     "leader Ismael Wague complained of widespread abuses.", "ACCUSE", "MLI"),
    ("Cambodian police raided a party office in Phnom Penh. Cambodia's government banned the "
     "party. Opposition leader Kem Sokha refused to attend the hearing.", "REJECT", "KHM"),
    ("Nicaraguan police raided a convent in Leon. A Nicaraguan court ordered the nuns out. "
     "Bishop Silvio Baez refused to leave the diocese.", "REJECT", "NIC"),
])
def test_unaddressed_dissent_in_words_targets_its_own_state(pipeline, text, category, key):
    assert ({key}, {key}) in events(pipeline, text, category)


def test_dissent_with_a_person_as_object_gets_no_state(pipeline):
    text = ("Belarusian police detained marchers in Minsk. Opposition leader Sviatlana "
            "Tsikhanouskaya accused her critics of lying.")
    got = events(pipeline, text, "ACCUSE")
    assert got and ({"BLR"}, {"BLR"}) not in got, got


# force or coercion on an unnamed crowd is aimed at the crowd's country (its people)
@pytest.mark.parametrize("text, category, target", [
    ("Riot police fired tear gas at crowds in Kampala on Monday.", "COERCE", "UGA"),
    ("Police used water cannon to disperse hundreds of marchers in Nairobi on Wednesday.",
     "COERCE", "KEN"),
    ("Security forces beat protesters outside the parliament in Yaounde.", "ASSAULT", "CMR"),
    ("Troops fired on crowds in Conakry on Thursday.", "ASSAULT", "GIN"),
])
def test_force_on_an_unnamed_crowd_targets_its_country(pipeline, text, category, target):
    assert any(tgt == {target} for _, tgt in events(pipeline, text, category))
