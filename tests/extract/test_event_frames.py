"""Frame arguments found outside the direct object, on sentences written for these tests.

Each mechanism of ``eventwire.extract.events.arguments`` and ``orders`` is shown on three
sentences with different words and actors (never eval sentences).
"""
from __future__ import annotations

import pytest

DATE = "2021-06-15"


def keys(side):
    return {a.org or a.country for a in side}


def coded_events(pipeline, text, category):
    coded = pipeline.code_text(text, published=DATE)
    return [e for e in coded.events if e.category == category], coded


def explain(coded):
    return [(e.category, keys(e.source), keys(e.target)) for e in coded.events]


@pytest.mark.parametrize("text, category, source, target", [
    # the doer of the thing objected to, named in a relative clause of the object
    ("Caracas denounced the blockade that Washington imposed.", "ACCUSE", "VEN", "USA"),
    ("Tokyo condemned the missile tests that Pyongyang conducted last week.", "ACCUSE", "JPN", "PRK"),
    # ... or in the by-phrase of a participle on the object
    ("Ankara rejected the accusations made by a Greek government spokesman.", "REJECT", "TUR", "GRC"),
    ("Seoul dismissed the claims published by a North Korean newspaper.", "REJECT", "KOR", "PRK"),
])
def test_target_in_relative_clause_or_by_phrase_of_the_object(pipeline, text, category, source, target):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    ("Kenya expressed concern over the Ugandan deployment.", "ACCUSE", "KEN", "UGA"),
    ("Peru ordered Bolivia's ambassador out of the country.", "SANCTION", "PER", "BOL"),
    ("Algeria ordered the French ambassador out of the country.", "SANCTION", "DZA", "FRA"),
])
def test_nationality_or_possessive_on_the_object_names_the_target(pipeline, text, category, source, target):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("Armenia and Azerbaijan signed a peace accord in May. The African Union welcomed the accord.",
     "AU", {"ARM", "AZE"}),
    ("Serbia and Kosovo reached an agreement on licence plates. The European Union hailed the "
     "agreement.", "EU", {"SRB", "XKX"}),
    ("Ethiopia and Eritrea signed a treaty on Monday. Kenya backed the treaty on Tuesday.",
     "KEN", {"ETH", "ERI"}),
])
def test_praising_a_deal_already_told_of_supports_its_parties(pipeline, text, source, target):
    hits, coded = coded_events(pipeline, text, "SUPPORT")
    assert [e for e in hits if source in keys(e.source) and keys(e.target) == target], explain(coded)
    # the deal is not coded a second time for the one who praises it
    assert not [e for e in coded.events if e.category == "AGREE" and source in keys(e.source)]


@pytest.mark.parametrize("text, category, source, target", [
    ("Canada met leaders of Haiti and the Dominican Republic and urged them to keep the truce.",
     "REQUEST", "CAN", "HTI"),
    ("The Philippines arrested two Chinese sailors. Beijing demanded they be released.",
     "REQUEST", "CHN", "PHL"),
    ("Norway hosted envoys of Colombia on Monday and asked them to resume the talks.",
     "REQUEST", "NOR", "COL"),
])
def test_a_pronoun_target_points_back_at_the_actors_just_named(pipeline, text, category, source, target):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    ("Venezuela's president ordered troops to the Guyanese border.", "MOBILIZE", "VEN", "GUY"),
    ("Russia ordered tank units to the Finnish frontier.", "MOBILIZE", "RUS", "FIN"),
    ("The Serbian president told his foreign minister to close the embassy in Albania.",
     "SANCTION", "SRB", "ALB"),
])
def test_an_order_to_ones_own_people_is_the_ordered_act(pipeline, text, category, source, target):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)
    # not a demand on oneself
    assert not [e for e in coded.events if e.category == "REQUEST"
                and keys(e.target) <= keys(e.source)], explain(coded)


@pytest.mark.parametrize("text, category, source", [
    ("Bolivia's government ordered a dusk-to-dawn curfew in three provinces on Sunday.", "COERCE", "BOL"),
    ("Zambia's president lifted the ban on student marches on Wednesday.", "CONCEDE", "ZMB"),
    ("Myanmar's junta granted an amnesty to 3,000 prisoners on Tuesday.", "CONCEDE", "MMR"),
])
def test_a_states_coercion_or_concession_at_home_targets_its_own_country(pipeline, text, category, source):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if keys(e.source) == {source} and keys(e.target) == {source}], explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    ("Serbia has agreed to a fresh round of negotiations with Croatia.", "AGREE", "SRB", "HRV"),
    ("Chile threatened to impose tariffs on imports from Peru and Bolivia.", "THREATEN", "CHL", "PER"),
    ("The EU's envoy travelled to Nairobi on Monday for talks with Kenya's foreign minister.",
     "CONSULT", "EU", "KEN"),
])
def test_partners_nested_in_the_target_slot(pipeline, text, category, source, target):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)


def test_soldiers_coercing_abroad_are_not_given_a_domestic_target(pipeline):
    hits, coded = coded_events(pipeline, "Russian soldiers blocked the gate of the airport.", "COERCE")
    assert not [e for e in hits if keys(e.target) == {"RUS"}], explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    ("Peru recalled its own ambassador from Santiago.", "SANCTION", "PER", "CHL"),
    ("The Ghanaian president told his foreign minister to close Ghana's embassy in Lome.",
     "SANCTION", "GHA", "TGO"),
    ("The Polish president ordered the delegation in Minsk to break off the talks and fly home.",
     "SANCTION", "POL", "BLR"),
])
def test_ones_own_people_or_property_abroad_aim_the_act_at_that_country(pipeline, text, category,
                                                                        source, target):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if source in keys(e.source) and keys(e.target) == {target}], explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    ("Kiev turned down an offer from Moscow on Wednesday.", "REJECT", "UKR", "RUS"),
    ("Hanoi handed the two fishermen back to Beijing on Friday.", "RETREAT", "VNM", "CHN"),
    ("Nairobi rejected a demand from Kampala to reopen the border.", "REJECT", "KEN", "UGA"),
])
def test_a_capital_in_an_argument_slot_stands_for_its_government(pipeline, text, category, source, target):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("Lithuania handed a letter to a Polish envoy urging Warsaw to reopen the crossing.", "LTU", "POL"),
    ("Chile handed a note to a Bolivian diplomat asking La Paz to release the truck drivers.",
     "CHL", "BOL"),
    ("Egypt delivered a message to the Ethiopian ambassador urging Addis Ababa to halt the filling.",
     "EGY", "ETH"),
])
def test_a_participle_after_the_recipient_of_a_message_speaks_for_the_sender(pipeline, text, source, target):
    hits, coded = coded_events(pipeline, text, "REQUEST")
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("Lula spoke by telephone with the Argentine president on Friday.", "BRA", "ARG"),
    ("The Japanese prime minister talked by phone with the president of South Korea.", "JPN", "KOR"),
    ("Erdogan spoke over the phone with the Swedish prime minister on Monday.", "TUR", "SWE"),
])
def test_the_partner_of_a_call_hangs_off_the_means_of_talking(pipeline, text, source, target):
    hits, coded = coded_events(pipeline, text, "CONSULT")
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("Fighting between Tajik and Kyrgyz border units on Tuesday killed at least nine people.",
     "TJK", "KGZ"),
    ("Fighting between Thai and Cambodian troops killed three soldiers on Sunday.", "THA", "KHM"),
    ("The bombardment of the port by Russian warships killed nine.", "RUS", None),
])
def test_an_event_as_subject_of_a_harm_verb_names_the_doers(pipeline, text, source, target):
    hits, coded = coded_events(pipeline, text, "ASSAULT")
    assert [e for e in hits if source in keys(e.source)
            and (target is None or target in keys(e.target))], explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    ("Egypt's arrest of a Sudanese opposition leader was condemned by Britain and Norway.",
     "COERCE", "EGY", "SDN"),
    ("The African Union condemned the Ethiopian shelling of Mekelle on Sunday.", "ACCUSE", "AU", "ETH"),
    ("Tokyo denounced the raids that Moscow carried out on Ukrainian ports.", "COERCE", "RUS", "UKR"),
])
def test_a_judged_deed_written_as_a_noun_is_coded_too(pipeline, text, category, source, target):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("Four frigates were dispatched by Seoul on Friday to shadow Japanese patrol boats.", "KOR", "JPN"),
    ("Russia assembled 90,000 troops near the Ukrainian border.", "RUS", None),
    ("Ankara rushed tanks and artillery to the Syrian frontier on Monday.", "TUR", None),
])
def test_moving_military_units_is_a_deployment(pipeline, text, source, target):
    hits, coded = coded_events(pipeline, text, "MOBILIZE")
    assert [e for e in hits if source in keys(e.source)
            and (target is None or target in keys(e.target))], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("A Chinese proposal on trade was accepted by both Hanoi and Manila.", {"VNM", "PHL"}, "CHN"),
    ("The Egyptian ceasefire plan was accepted by Israel on Monday.", {"ISR"}, "EGY"),
    ("A Qatari offer of talks was welcomed by Somalia.", {"SOM"}, "QAT"),
])
def test_a_passive_judgement_has_the_agent_as_source_and_the_makers_as_target(pipeline, text, source, target):
    coded = pipeline.code_text(text, published=DATE)
    assert [e for e in coded.events if keys(e.source) & source and target in keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("Macron said he had written to Merkel, asking for the border checks to end.", "FRA", "DEU"),
    ("Chile telephoned Peru's foreign minister on Monday, urging calm at the border.", "CHL", "PER"),
    ("The Dutch foreign minister summoned Russia's ambassador to protest.", "NLD", "RUS"),
])
def test_a_verbal_act_in_a_participle_or_purpose_clause_reaches_the_governing_verbs_addressee(
        pipeline, text, source, target):
    coded = pipeline.code_text(text, published=DATE)
    assert [e for e in coded.events if e.category in ("REQUEST", "ACCUSE", "PROTEST")
            and source in keys(e.source) and target in keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("Norway voiced strong regret at the Iranian announcement.", "NOR", "IRN"),
    ("Kenya expressed dismay over the Ugandan decision.", "KEN", "UGA"),
    ("Ghana voiced disappointment at the Nigerian ruling.", "GHA", "NGA"),
])
def test_voiced_disapproval_of_a_nations_act_targets_that_nation(pipeline, text, source, target):
    hits, coded = coded_events(pipeline, text, "ACCUSE")
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)


def test_an_apology_is_not_a_domestic_measure(pipeline):
    coded = pipeline.code_text("The Netherlands expressed regret for the incident.", published=DATE)
    assert not [e for e in coded.events if keys(e.target) == {"NLD"}], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("Washington reaffirmed that its defence treaty with Manila would apply.", "USA", "PHL"),
    ("The French president reaffirmed France's alliance with Greece on Monday.", "FRA", "GRC"),
    ("Hanoi handed the two fishermen back to Beijing on Friday.", "VNM", "CHN"),
])
def test_past_ones_own_thing_the_act_aims_at_its_partner(pipeline, text, source, target):
    coded = pipeline.code_text(text, published=DATE)
    assert [e for e in coded.events if source in keys(e.source) and keys(e.target) == {target}], \
        explain(coded)


@pytest.mark.parametrize("text, category, source", [
    ("Cuba has released 12 dissidents from detention.", "RETREAT", "CUB"),
    ("Eritrea has already put more than 300 people in custody.", "COERCE", "ERI"),
    ("Belarus placed two opposition activists under arrest on Monday.", "COERCE", "BLR"),
])
def test_acts_on_people_named_only_by_a_noun_are_done_at_home(pipeline, text, category, source):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if keys(e.source) == {source} and keys(e.target) == {source}], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("Pope Francis voiced public unease over Peru's crackdown and appealed for restraint.",
     "VAT", "PER"),
    ("Norway criticised Hungary's new media law and called for its repeal.", "NOR", "HUN"),
    ("Ghana condemned the Togolese raid and demanded an inquiry.", "GHA", "TGO"),
])
def test_a_coordinated_verb_shares_the_first_verbs_target(pipeline, text, source, target):
    hits, coded = coded_events(pipeline, text, "REQUEST")
    assert [e for e in hits if source in keys(e.source) and target in keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, source, target", [
    ("Ethiopia has massed some 20,000 soldiers near the Eritrean border.", "ETH", "ERI"),
    ("Belize put its army on alert on Monday, pointing to Guatemalan troop build-ups "
     "along its frontier.", "BLZ", "GTM"),
    ("India moved two divisions to the Chinese frontier.", "IND", "CHN"),
])
def test_a_deployment_is_aimed_at_the_other_side_the_clause_names(pipeline, text, source, target):
    hits, coded = coded_events(pipeline, text, "MOBILIZE")
    assert [e for e in hits if source in keys(e.source) and keys(e.target) == {target}], explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    ("Sudan and Chad clashed along their border on Monday. The Egyptian president spoke by "
     "telephone with the leaders of both neighbours.", "CONSULT", "EGY", {"SDN", "TCD"}),
    ("Peru and Ecuador exchanged fire on Sunday. Brazil urged the two countries to hold talks.",
     "REQUEST", "BRA", {"PER", "ECU"}),
    ("Kenya accused Somalia of harbouring militants. The African Union urged both "
     "governments to settle their quarrel.", "REQUEST", "AU", {"KEN", "SOM"}),
])
def test_a_definite_pair_refers_back_to_the_two_sides_just_named(pipeline, text, category, source,
                                                                  target):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if source in keys(e.source) and keys(e.target) == target], explain(coded)


@pytest.mark.parametrize("text, pair", [
    ("Sudan and Chad clashed along their border on Monday.", {"SDN", "TCD"}),
    ("Peru and Ecuador exchanged fire on Sunday.", {"PER", "ECU"}),
    ("Sudanese and South Sudanese soldiers traded mortar fire along the frontier.", {"SDN", "SSD"}),
])
def test_fighting_between_named_sides_with_no_one_else_is_mutual(pipeline, text, pair):
    hits, coded = coded_events(pipeline, text, "ASSAULT")
    assert [e for e in hits if keys(e.source) | keys(e.target) == pair and keys(e.target)], explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    ("BRASILIA — Rioters stormed government buildings in Brazil on Sunday. Brazilian police "
     "arrested hundreds. Joe Biden has condemned the riot.", "ACCUSE", "USA", "BRA"),
    ("ATHENS — Greece raised its pension age to 67. Greek unions marched in protest. The "
     "European Union welcomed the reform.", "SUPPORT", "EU", "GRC"),
    ("MANILA — The Philippines tightened its visa rules. Philippine officials defended the "
     "change. Japan rejected the decision.", "REJECT", "JPN", "PHL"),
])
def test_a_reaction_to_a_definite_act_points_at_the_country_the_story_is_about(
        pipeline, text, category, source, target):
    hits, coded = coded_events(pipeline, text, category)
    assert [e for e in hits if source in keys(e.source) and keys(e.target) == {target}], \
        explain(coded)


def test_a_reaction_by_the_storys_own_country_names_no_target_by_default(pipeline):
    text = ("ATHENS — Greece raised its pension age to 67. Greek unions marched in protest. "
            "Greek officials welcomed the reform.")
    hits, coded = coded_events(pipeline, text, "SUPPORT")
    assert not [e for e in hits if keys(e.target) - keys(e.source)], explain(coded)
