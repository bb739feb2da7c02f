"""Event coding on sentences written for these tests (never on eval sentences)."""
from __future__ import annotations

import pytest

from eventwire.errors import KnowledgeError
from eventwire.extract.events import VerbDictionary


def keys(side):
    return {a.org or a.country for a in side}


def find(coded, category, status=None):
    return [e for e in coded.events if e.category == category
            and (status is None or e.status == status)]


@pytest.mark.parametrize("text, category, source, target, status", [
    ("Germany accused Poland of violating the border agreement.", "ACCUSE", "DEU", "POL", "asserted"),
    ("Japan was attacked by China on Monday.", "ASSAULT", "CHN", "JPN", "asserted"),
    ("Turkey called on Greece to withdraw its warships from the area.", "REQUEST", "TUR", "GRC", "asserted"),
    ("The Canadian foreign minister held talks with her Mexican counterpart in Ottawa.", "CONSULT", "CAN", "MEX", "asserted"),
    # a plan told in the reporter's voice is the act itself, status future (CONTRACT.md)
    ("Brazil will impose new sanctions on Venezuela next month.", "SANCTION", "BRA", "VEN", "future"),
    ("Norway will send field hospitals and blankets to Malawi.", "AID", "NOR", "MWI", "future"),
    ("The Arab League will suspend Libya's membership and freeze its assets.", "SANCTION",
     "ARAB_LEAGUE", "LBY", "future"),
    # a harm its doer announces as coming is the threat of it (CAMEO 13), not a deed done
    ("Brazil said it will impose new sanctions on Venezuela next month.", "THREATEN", "BRA",
     "VEN", "asserted"),
    ("Canada said Peru must release the detained journalists.", "REQUEST", "CAN", "PER", "asserted"),
    ("Kenya condemned the Ugandan government for the border closure.", "ACCUSE", "KEN", "UGA", "asserted"),
    ("Norway praised Sweden for its handling of the crisis.", "SUPPORT", "NOR", "SWE", "asserted"),
    ("Chile rejected Argentina's proposal to share the glacier.", "REJECT", "CHL", "ARG", "asserted"),
    ("Ghana sent emergency food aid to Togo after the floods.", "AID", "GHA", "TGO", "asserted"),
    ("Iranian drones struck targets in Iraq on Sunday.", "ASSAULT", "IRN", None, "asserted"),
])
def test_events_codes_clause_roles(pipeline, text, category, source, target, status):
    coded = pipeline.code_text(text, published="2021-06-15")
    hits = [e for e in find(coded, category) if source in keys(e.source)
            and (target is None or target in keys(e.target))]
    assert hits, [(e.category, keys(e.source), keys(e.target)) for e in coded.events]
    assert hits[0].status == status


def test_events_negation_is_negated_not_fact(pipeline):
    coded = pipeline.code_text("France does not pose a threat to Spain.", published="2021-06-15")
    threats = find(coded, "THREATEN")
    assert threats and all(e.status == "negated" for e in threats)


def test_events_denied_deed_is_negated(pipeline):
    coded = pipeline.code_text("Vietnam denied that its ships had attacked a Chinese vessel.",
                               published="2021-06-15")
    assert find(coded, "REJECT", "asserted")
    assert not find(coded, "ASSAULT", "asserted")


def test_events_reported_allegation_is_claimed_plus_accusation(pipeline):
    coded = pipeline.code_text("Egypt said Israel had deployed troops near the border.",
                               published="2021-06-15")
    claimed = [e for e in find(coded, "MOBILIZE") if "ISR" in keys(e.source)]
    assert claimed and claimed[0].status == "claimed"
    accuse = [e for e in find(coded, "ACCUSE") if keys(e.source) == {"EGY"}]
    assert accuse and "ISR" in keys(accuse[0].target) and accuse[0].status == "asserted"


def test_events_threat_to_act_is_hypothetical(pipeline):
    coded = pipeline.code_text("Argentina threatened to cut off gas supplies to Chile.",
                               published="2021-06-15")
    assert find(coded, "THREATEN", "asserted")
    assert all(e.status != "asserted" for e in find(coded, "SANCTION"))


def test_events_joint_exercises_cooperate_single_side_mobilizes(pipeline):
    joint = pipeline.code_text("India and Japan held joint naval exercises in the Bay of Bengal.",
                               published="2021-06-15")
    assert find(joint, "COOPERATE")
    alone = pipeline.code_text("Russia held large military exercises near the Finnish border.",
                               published="2021-06-15")
    assert find(alone, "MOBILIZE") and not find(alone, "COOPERATE")


def test_events_reciprocal_meeting_codes_both_sides(pipeline):
    coded = pipeline.code_text("Kenya and Uganda signed a trade agreement.", published="2021-06-15")
    agree = find(coded, "AGREE")
    assert agree
    assert keys(agree[0].source) | keys(agree[0].target) == {"KEN", "UGA"}


@pytest.mark.parametrize("text", [
    "The weather in Oslo was cold and grey on Tuesday.",
    "The talks were described at length in her memoir about Geneva.",
    "Officials said the ceremony would take place in Lima next week.",
])
def test_events_none_where_nothing_happens(pipeline, text):
    assert pipeline.code_text(text, published="2021-06-15").events == ()


def test_events_promo_is_cleaned_away_not_coded(pipeline):
    from eventwire.errors import InputError
    with pytest.raises(InputError):
        pipeline.code_text("Subscribe now for unlimited access to our newsletters.",
                           published="2021-06-15")


def test_events_carry_evidence_and_codes(pipeline):
    text = "Peru expelled the Bolivian ambassador on Friday."
    coded = pipeline.code_text(text, published="2021-06-15")
    ev = find(coded, "SANCTION")
    assert ev, coded.events
    e = ev[0]
    assert text[e.evidence.start:e.evidence.end] == e.evidence.sentence
    assert e.cameo and e.cameo[:2] == "16" and e.quad == 4 and e.score < 0
    assert 0 < e.confidence < 1


def test_events_same_event_twice_is_one_event_with_two_evidence_spans(pipeline):
    text = ("Portugal accused Morocco of smuggling. Later, Portugal accused Morocco of smuggling "
            "again, officials said.")
    coded = pipeline.code_text(text, published="2021-06-15")
    accuse = [e for e in find(coded, "ACCUSE") if keys(e.source) == {"PRT"}]
    assert len(accuse) == 1 and len(accuse[0].also) == 1


def test_verb_dictionary_covers_all_categories():
    verbs = VerbDictionary.load()
    cats = {s.category for table in verbs.verbs.values() for senses in table.values()
            for s in senses}
    cats |= {s.category for table in verbs.nouns.values() for senses in table.values()
             for s in senses}
    assert len(cats) == 16


def test_verb_dictionary_bad_row_names_file_and_line(tmp_path):
    bad = tmp_path / "verbs.yaml"
    bad.write_text("categories:\n  ACCUSE: {quad: 3, score: -2}\nverbs:\n  ACCUSE:\n"
                   "    blame: not-a-code\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        VerbDictionary.load(str(bad))
    assert "verbs.yaml:5" in str(err.value)


def test_events_one_request_per_sentence_when_one_names_the_addressee(pipeline):
    coded = pipeline.code_text("The Norwegian foreign minister appealed for calm, asking Sweden's "
                               "leaders to restrain their supporters.", published="2021-06-15")
    requests = [e for e in find(coded, "REQUEST") if "NOR" in keys(e.source)]
    assert len(requests) == 1 and "SWE" in keys(requests[0].target)


def test_events_where_a_surrender_happened_is_not_its_target(pipeline):
    coded = pipeline.code_text("Two hundred Chadian rebels surrendered in the town of Abeche.",
                               published="2021-06-15")
    assert all(not e.target for e in find(coded, "RETREAT"))


def test_events_where_people_spoke_is_not_whom_they_consulted(pipeline):
    coded = pipeline.code_text("Speaking at the Kremlin on Monday, the Finnish president met "
                               "reporters.", published="2021-06-15")
    assert not [e for e in find(coded, "CONSULT") if "RUS" in keys(e.target)]


@pytest.mark.parametrize("text, category, source, target", [
    ("Norway said it would not provide aid to Sweden.", "REJECT", "NOR", "SWE"),
    ("Chile wants to attack Bolivia.", "THREATEN", "CHL", "BOL"),
])
def test_events_announced_refusals_and_intents(pipeline, text, category, source, target):
    coded = pipeline.code_text(text, published="2021-06-15")
    hits = [e for e in find(coded, category, "asserted") if source in keys(e.source)]
    assert hits and target in keys(hits[0].target), coded.events


def test_events_wanting_someone_else_to_act_is_a_request(pipeline):
    coded = pipeline.code_text("Chile wants Peru to withdraw its troops.", published="2021-06-15")
    hits = [e for e in find(coded, "REQUEST") if "CHL" in keys(e.source)]
    assert hits and "PER" in keys(hits[0].target)


@pytest.mark.parametrize("text, source, target", [
    ("Japan will provide emergency aid to Nepal, officials said.", "JPN", "NPL"),
    ("The Malian insurgents said they will set free the captives from Niger.", None, None),
])
def test_events_announced_cooperation_is_a_promise(pipeline, text, source, target):
    coded = pipeline.code_text(text, published="2021-06-15")
    agree = find(coded, "AGREE", "asserted")
    assert agree, coded.events
    if source:
        assert source in keys(agree[0].source) and target in keys(agree[0].target)


def test_events_a_declaration_speaks_for_whoever_issued_it(pipeline):
    coded = pipeline.code_text("Norway issued a declaration demanding that Sweden reopen the border.",
                               published="2021-06-15")
    hits = [e for e in find(coded, "REQUEST") if "NOR" in keys(e.source)]
    assert hits and "SWE" in keys(hits[0].target)


def test_events_civil_groups_demand_in_their_own_name(pipeline):
    coded = pipeline.code_text("Village elders demanded that the Chilean government return the "
                               "land.", published="2021-06-15")
    hits = find(coded, "REQUEST")
    assert hits and hits[0].source[0].actor is None and "elders" in hits[0].source[0].name


def test_events_an_unnamed_thing_demands_nothing(pipeline):
    coded = pipeline.code_text("The report demanded that the Chilean government return the land.",
                               published="2021-06-15")
    assert not [e for e in find(coded, "REQUEST") if not any(a.country for a in e.source)]


def test_events_a_visit_abroad_is_hosted_by_the_country_visited(pipeline):
    coded = pipeline.code_text("The Peruvian president arrived in Quito on a two-day visit.",
                               published="2021-06-15")
    visits = find(coded, "CONSULT")
    assert visits and "ECU" in keys(visits[0].target)
    home = pipeline.code_text("The Peruvian president travelled to Cusco.", published="2021-06-15")
    assert not find(home, "CONSULT")


def test_events_a_meeting_named_as_the_setting_is_not_news(pipeline):
    coded = pipeline.code_text("Peru signed the pact at the ASEAN summit in Jakarta.",
                               published="2021-06-15")
    assert not [e for e in find(coded, "CONSULT") if e.evidence.trigger == "summit"]


def test_events_a_noun_modified_by_a_passive_participle_suffered_the_act(pipeline):
    coded = pipeline.code_text("Two Chilean journalists detained by Peruvian police were freed.",
                               published="2021-06-15")
    hits = [e for e in find(coded, "COERCE") if "PER" in keys(e.source)]
    assert hits and "CHL" in keys(hits[0].target)


def test_events_denying_a_charge_targets_whoever_made_it(pipeline):
    coded = pipeline.code_text("Chile accused Peru of a border incursion, a charge Lima denies.",
                               published="2021-06-15")
    rejects = [e for e in find(coded, "REJECT") if "PER" in keys(e.source)]
    assert rejects and "CHL" in keys(rejects[0].target)


def test_events_warning_of_others_deeds_is_an_accusation(pipeline):
    coded = pipeline.code_text("The Chilean minister warned against foreign interference.",
                               published="2021-06-15")
    assert find(coded, "ACCUSE") and not find(coded, "THREATEN")


def test_events_conjunct_verbs_share_a_subject_only_when_coordinated(pipeline):
    coded = pipeline.code_text("Chile will send rescue teams to Peru and has approved funds after "
                               "a powerful earthquake killed dozens of people.",
                               published="2021-06-15")
    assert not [e for e in find(coded, "ASSAULT") if "CHL" in keys(e.source)]
    both = pipeline.code_text("Pakistan expelled the envoy and recalled its ambassador from Kabul.",
                              published="2021-06-15")
    assert len([e for e in find(both, "SANCTION") if "PAK" in keys(e.source)]) >= 1


def test_events_release_from_a_place_is_by_its_country(pipeline):
    coded = pipeline.code_text("A Chilean pilot was freed last week from a jail in Bolivia.",
                               published="2021-06-15")
    hits = find(coded, "RETREAT")
    assert hits and "BOL" in keys(hits[0].source) and "CHL" in keys(hits[0].target)


def test_events_a_statement_that_thanks_speaks_for_its_maker(pipeline):
    coded = pipeline.code_text("Norway said in a communique that also thanked Sweden for its help.",
                               published="2021-06-15")
    hits = [e for e in find(coded, "SUPPORT") if "NOR" in keys(e.source)]
    assert hits and "SWE" in keys(hits[0].target)


def test_verb_dictionary_duplicate_pattern_names_file_and_line(tmp_path):
    bad = tmp_path / "verbs.yaml"
    bad.write_text("categories:\n  ACCUSE: {quad: 3, score: -2}\nverbs:\n  ACCUSE:\n"
                   "    blame: \"112\"\n    blame: \"111\"\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        VerbDictionary.load(str(bad))
    assert "verbs.yaml:6" in str(err.value) and "duplicate" in str(err.value)


@pytest.mark.parametrize("text, source, target", [
    ("Mortar rounds launched from Lebanon struck two towns in northern Israel.", "LBN", "ISR"),
    ("The UN envoy warned that anyone attacking peacekeepers could face sanctions.", "UN", None),
])
def test_events_weapons_and_warnings_of_penalties(pipeline, text, source, target):
    coded = pipeline.code_text(text, published="2021-06-15")
    cat = "ASSAULT" if target else "THREATEN"
    hits = [e for e in find(coded, cat) if source in keys(e.source)]
    assert hits, coded.events
    if target:
        assert target in keys(hits[0].target)


def test_events_a_threat_targets_whom_its_condition_is_on(pipeline):
    coded = pipeline.code_text("Chile threatened to recall its envoy unless Peru apologised.",
                               published="2021-06-15")
    threats = [e for e in find(coded, "THREATEN") if "CHL" in keys(e.source)]
    assert threats and "PER" in keys(threats[0].target)
    assert not find(coded, "SUPPORT")  # the apology is the condition, not an event


def test_events_passive_harm_takes_its_doer_from_the_weapon(pipeline):
    coded = pipeline.code_text("Four Chilean fishermen were killed in Peruvian artillery fire.",
                               published="2021-06-15")
    assert [e for e in find(coded, "ASSAULT") if "PER" in keys(e.source)]
    calm = pipeline.code_text("Two Chilean fishermen were killed in the storm.", published="2021-06-15")
    assert not find(calm, "ASSAULT")


def test_event_word_lists_bad_file_names_file_and_line(tmp_path):
    from eventwire.extract.events import _load_words
    bad = tmp_path / "words.yaml"
    bad.write_text("claim_verbs: [say, tell]\nclaim_nouns: 7\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        _load_words(str(bad))
    assert "words.yaml:2" in str(err.value)


def test_events_police_act_where_they_are(pipeline):
    coded = pipeline.code_text("Police fired tear gas at protesters in Lima on Monday.",
                               published="2021-06-15")
    hits = find(coded, "COERCE")
    assert hits and "PER" in keys(hits[0].source)
    troops = pipeline.code_text("Troops opened fire on protesters in Lima.", published="2021-06-15")
    assert all("PER" not in keys(e.source) for e in troops.events)  # troops may be foreign


def test_events_a_deal_brokered_by_a_mediator_is_between_the_sides_dealing(pipeline):
    coded = pipeline.code_text("Chile released two Peruvian fishermen on Monday in exchange for a "
                               "Chilean pilot, a deal brokered by Brazil.", published="2021-06-15")
    med = [e for e in find(coded, "CONSULT") if "BRA" in keys(e.source)]
    assert med and {"CHL", "PER"} & keys(med[0].target)


def test_events_hoping_someone_else_will_act_is_a_request_not_their_promise(pipeline):
    coded = pipeline.code_text("Chile hopes Peru will release the detained fishermen.",
                               published="2021-06-15")
    req = [e for e in find(coded, "REQUEST") if "CHL" in keys(e.source)]
    assert req and "PER" in keys(req[0].target)
    assert not [e for e in find(coded, "AGREE") if "PER" in keys(e.source)]


def test_events_the_opposition_rejecting_a_government_charge_targets_the_government(pipeline):
    text = ("LIMA — President Ana Ruiz accused the opposition of plotting a coup.\n\n"
            "The opposition dismissed the accusation.")
    coded = pipeline.code_text(text, published="2021-06-15")
    rejects = [e for e in find(coded, "REJECT") if any(a.sector == "OPP" for a in e.source)]
    assert rejects and rejects[0].target and all(a.sector != "OPP" for a in rejects[0].target)
