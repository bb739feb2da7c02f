"""Readings by argument type (``readings`` in data/sense_restrictions.yaml): the kind of
object or infinitive a verb takes decides which dictionary verb it is read as. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from eventwire.errors import KnowledgeError
from eventwire.extract.events.senses import load_readings


def cats(pipeline, text):
    return {e.category for e in pipeline.code_text(text, published="2022-03-01").events
            if e.status != "negated"}


# accepting or admitting one's loss concedes it; it agrees to nothing
@pytest.mark.parametrize("text", [
    "The Chilean president accepted defeat on Sunday night.",
    "Ghana's ruling party admitted defeat in the runoff.",
    "Senegal's opposition candidate acknowledged defeat.",
])
def test_accepting_defeat_is_a_concession(pipeline, text):
    got = cats(pipeline, text)
    assert "CONCEDE" in got and "AGREE" not in got, got


# endorsing or certifying someone's win backs the winner; it signs no deal
@pytest.mark.parametrize("text", [
    "Kenya's chief justice endorsed Odinga's victory.",
    "Peru's electoral court certified Castillo's win.",
    "The Bolivian senate upheld Arce's victory.",
])
def test_endorsing_a_victory_is_support(pipeline, text):
    got = cats(pipeline, text)
    assert "SUPPORT" in got and "AGREE" not in got, got


# a pledge to answer a rival's move is a threat
@pytest.mark.parametrize("text", [
    "Brazilian ministers promised to respond to the Argentine tariffs.",
    "Chile pledged to hit back at Peru.",
    "Egyptian officials vowed to react to any Ethiopian move.",
])
def test_a_vow_to_answer_is_a_threat(pipeline, text):
    got = cats(pipeline, text)
    assert "THREATEN" in got and "AGREE" not in got, got


# approving or setting aside a sum of money for someone gives it
@pytest.mark.parametrize("text, target", [
    ("Canada approved $5 million for Haiti.", "HTI"),
    ("Norway earmarked 20 million euros for Sudan.", "SDN"),
    ("Australia approved $10 million in grants to Fiji.", "FJI"),
])
def test_approving_money_is_aid(pipeline, text, target):
    coded = pipeline.code_text(text, published="2022-03-01")
    assert any(e.category == "AID" and target in {a.country for a in e.target}
               for e in coded.events), coded.events


# other objects and infinitives keep the verb's own reading
@pytest.mark.parametrize("text, category", [
    ("Japan promised to help Vietnam.", "AGREE"),
    ("Canada accepted the Mexican proposal.", "AGREE"),
    ("Peru's president approved the new budget.", "AGREE"),
])
def test_other_arguments_keep_the_plain_reading(pipeline, text, category):
    got = cats(pipeline, text)
    assert category in got and not got & {"CONCEDE", "THREATEN", "AID"}, got


def test_a_reading_without_its_target_verb_is_refused(tmp_path):
    bad = tmp_path / "senses.yaml"
    bad.write_text("readings:\n  loss:\n    verbs: [accept]\n    slots: [object]\n"
                   "    words: [defeat]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_readings(str(bad))


def _has(coded, category, source, target):
    return any(e.category == category and source in {a.country for a in e.source}
               and target in {a.country for a in e.target} for e in coded.events)


# a relative clause turning down a claim ("a charge X rejects", "a claim that X dismissed"),
# even when the parser reads its verb as a plural noun: a rejection aimed at the claim's maker
@pytest.mark.parametrize("text, source, target", [
    ("Peru accuses Chile of spying on its navy, a charge Santiago rejects.", "CHL", "PER"),
    ("Bolivia accused Paraguay of hoarding water, an allegation Asuncion rejects.",
     "PRY", "BOL"),
    ("Kenya accused Uganda of arming rebels, a claim that Kampala dismissed on Friday.",
     "UGA", "KEN"),
    ("Rebels accuse Chile of torture, a charge the Chilean government rejects.", "CHL", "CHL"),
])
def test_a_claim_turned_down_in_a_relative_clause(pipeline, text, source, target):
    coded = pipeline.code_text(text, published="2022-03-01")
    assert _has(coded, "REJECT", source, target), coded.events
    assert _has(coded, "ACCUSE", target, source), coded.events  # the charge stays


# being in a place for a visit or talks is that consultation, hosted by the inviter or the
# place's state
@pytest.mark.parametrize("text, source, target", [
    ("The Ethiopian prime minister is in Nairobi for a three-day visit at Kenya's invitation.",
     "ETH", "KEN"),
    ("Macron is in Hanoi for a state visit at the invitation of Vietnam's president.",
     "FRA", "VNM"),
    ("The Kenyan foreign minister remained in Addis Ababa for a working visit.", "KEN", "ETH"),
])
def test_present_somewhere_for_a_visit_is_a_consultation(pipeline, text, source, target):
    assert _has(pipeline.code_text(text, published="2022-03-01"), "CONSULT", source, target)


@pytest.mark.parametrize("text", [
    "Ten thousand tourists are in Paris for the holidays.",
    # a summit or a conference in a place is hosted by no one there
    "The Chilean minister was in Nairobi for a summit of the Andean bloc.",
])
def test_present_somewhere_for_no_visit_is_no_consultation(pipeline, text):
    assert "CONSULT" not in cats(pipeline, text)


# a control, limit or restriction on goods crossing a border is a trade measure by its owner
@pytest.mark.parametrize("text, source, target", [
    ("Vietnam's stricter limits on rice exports to the Philippines came into force on Monday.",
     "VNM", "PHL"),
    ("India's new controls on shipments of sugar to Bangladesh took effect on Friday.",
     "IND", "BGD"),
    ("Brazil's restrictions on imports of Argentine wheat began on Tuesday.", "BRA", "ARG"),
])
def test_controls_on_trade_are_a_trade_measure(pipeline, text, source, target):
    assert _has(pipeline.code_text(text, published="2022-03-01"), "SANCTION", source, target)


def test_control_of_a_place_is_no_trade_measure(pipeline):
    assert "SANCTION" not in cats(pipeline, "The Peruvian army took control of the port.")
