"""Events carried by constructions rather than by one verb of the dictionary, on sentences
written for these tests: laying blame, naming a deed by a name of censure, a first person's
answer to a condition, stopping a supply, armed impact and armed units moving in."""
from __future__ import annotations

import pytest

from .test_events_situated import coded  # (category, source keys, target keys), not negated


# light verb + fault noun + "on": "lay/put/pin the blame on X" is a charge against X
@pytest.mark.parametrize("text, src, tgt", [
    ("Peru's foreign minister laid the blame on Chile for the collapse of the fishing talks.",
     "PER", "CHL"),
    ("Hungary put the blame squarely on Brussels after the funds were frozen.", "HUN", "EU"),
    ("Nepal pinned responsibility on India for the fuel shortages at the border.",
     "NPL", "IND"),
])
def test_laying_blame_is_an_accusation(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("ACCUSE", {src}, {tgt}) in got, got


# the fault "lies/rests with X", "X is to blame": the speaker accuses X
@pytest.mark.parametrize("text, src, tgt", [
    ("Kenya's interior minister said the responsibility rests with Somalia.", "KEN", "SOM"),
    ("Serbia is to blame for the unrest, Kosovo's prime minister said on Monday.",
     "XKX", "SRB"),
    ("Bolivia's president told reporters that Paraguay was to blame for the river dispute.",
     "BOL", "PRY"),
])
def test_fault_resting_with_someone_is_an_accusation(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("ACCUSE", {src}, {tgt}) in got, got


# naming a deed by a name of censure accuses its doer
@pytest.mark.parametrize("text, src, tgt", [
    ("Armenia's foreign ministry described the Azerbaijani shelling as a war crime.",
     "ARM", "AZE"),
    ("Greece branded the Turkish survey an illegal provocation.", "GRC", "TUR"),
    ("Morocco's spokesman characterised Algeria's decision as a reckless step.", "MAR", "DZA"),
])
def test_naming_a_deed_by_censure_is_an_accusation(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("ACCUSE", {src}, {tgt}) in got, got


# a name of praise, or a neutral one, accuses no one
@pytest.mark.parametrize("text", [
    ("Norway's minister described the Danish offer as a generous gesture."),
    ("Chile's president called the Argentine proposal a useful starting point."),
    ("Japan regards Australia as a close partner in the region."),
])
def test_naming_without_censure_is_no_accusation(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c == "ACCUSE" for c, s, t in got), got


# a first person's coming answer to another's deed is a threat by the speaker
@pytest.mark.parametrize("text, src, tgt", [
    ('"If Eritrea crosses the line again, we will respond with full force," Ethiopia\'s '
     'defence minister said.', "ETH", "ERI"),
    ('"Should Baku try anything, it will have our army to deal with," Armenia\'s defence '
     'minister said.', "ARM", "AZE"),
    ("Pakistan's army chief said that if India attacks, we are ready to retaliate.",
     "PAK", "IND"),
])
def test_conditional_answer_is_a_threat(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("THREATEN", {src}, {tgt}) in got, got


# a condition with a welcome or a plain plan in the main clause threatens no one
@pytest.mark.parametrize("text", [
    ('"If Finland applies, we will welcome it warmly," Sweden\'s prime minister said.'),
    ('"If the weather holds, we will sign the accord with Ghana on Friday," Togo\'s minister '
     'said.'),
    ("Portugal said that if Spain agrees, we can open the new bridge in May."),
])
def test_conditional_without_an_answer_is_no_threat(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c == "THREATEN" for c, s, t in got), got


# stopping a supply cuts the receiver off
@pytest.mark.parametrize("text, src, tgt", [
    ("Algeria stopped sending gas to Morocco on Sunday.", "DZA", "MAR"),
    ("Kazakhstan halted grain deliveries to Kyrgyzstan after the border row.", "KAZ", "KGZ"),
    ("Egypt ceased supplying electricity to Sudan last week.", "EGY", "SDN"),
])
def test_stopping_a_supply_is_a_cut_off(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("SANCTION", {src}, {tgt}) in got, got


# a contact verb with a weapon or armed unit as its doer is an attack
@pytest.mark.parametrize("text, src", [
    ("Two Syrian drones hit a Turkish army post near Kilis on Monday.", "SYR"),
    ("Israeli artillery pounded Lebanese villages overnight.", "ISR"),
    ("A Yemeni missile struck a Saudi oil depot in Jizan.", "YEM"),
])
def test_armed_impact_is_an_assault(pipeline, text, src):
    got = coded(pipeline, text)
    assert any(c == "ASSAULT" and src in s for c, s, t in got), got


# the same verbs with other doers are no attack
@pytest.mark.parametrize("text", [
    ("Rice prices hit a record high in Manila this week."),
    ("The storm hit the coast of Mozambique on Tuesday."),
    ("Falling exports hit Chile's copper industry hard."),
])
def test_impact_without_arms_is_no_assault(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c == "ASSAULT" for c, s, t in got), got


# armed units moving into a place are deployed there; a minister flying in still visits
@pytest.mark.parametrize("text, src", [
    ("French paratroopers flew into Mali from Chad on Friday.", "FRA"),
    ("Russian tanks rolled into Abkhazia at dawn.", "RUS"),
    ("Turkish troops crossed into northern Iraq overnight.", "TUR"),
])
def test_armed_units_moving_in_are_a_deployment(pipeline, text, src):
    got = coded(pipeline, text)
    assert any(c == "MOBILIZE" and src in s for c, s, t in got), got


def test_minister_flying_in_is_no_deployment(pipeline):
    got = coded(pipeline, "Austria's foreign minister flew into Kyiv on Tuesday for talks.")
    assert not any(c == "MOBILIZE" for c, s, t in got), got


# "told <an audience> that X must/should ...": the that-clause the parser hangs on the
# audience is still what was told, a demand on X
@pytest.mark.parametrize("text, src, tgt", [
    ("Canada's foreign minister told a press conference that Iran must release the sailors.",
     "CAN", "IRN"),
    ("Brazil's president told a radio station that Venezuela should hold free elections.",
     "BRA", "VEN"),
    ("Ghana's envoy told a news briefing that Togo must reopen the border crossings.",
     "GHA", "TGO"),
])
def test_demand_told_to_an_audience(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("REQUEST", {src}, {tgt}) in got, got


# an armed unit flying a load somewhere carries it: no deployment of itself
@pytest.mark.parametrize("text", [
    ("Qatar's air force flew tents and blankets to Turkey after the floods."),
    ("The Indonesian navy sailed two hospital ships to Tonga."),
    ("Jordanian army helicopters flew medicine into Gaza on Monday."),
])
def test_armed_unit_carrying_a_load_is_no_deployment(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c == "MOBILIZE" for c, s, t in got), got


# holding someone to a fault, or saying they bear it, is a charge against them
@pytest.mark.parametrize("text, src, tgt", [
    ("Ecuador held Peru responsible for the border incident.", "ECU", "PER"),
    ("Lebanon's army holds Israel accountable for the shelling of Marjayoun.", "LBN", "ISR"),
    ("Serbia's president said Kosovo bore full responsibility for the violence.",
     "SRB", "XKX"),
])
def test_holding_responsible_is_an_accusation(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("ACCUSE", {src}, {tgt}) in got, got


# "ready to help X do Y": the helped one parsed as the subject of the complement is still
# the one helped (a pledge of help, or help given)
@pytest.mark.parametrize("text, src, tgt", [
    ("Canada stands ready to help Haiti restore order.", "CAN", "HTI"),
    ("The World Bank will help Sri Lanka repay its debts.", "WB", "LKA"),
    ("Turkey helped Azerbaijan win the war.", "TUR", "AZE"),
])
def test_help_with_a_clause_names_the_helped(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert any(c in ("AID", "AGREE", "SUPPORT") and s == {src} and t == {tgt}
               for c, s, t in got), got


# advice on what another must do ("the best thing X could do is ...", "it is time for X to
# ...") is a demand on X by the one who gives it
@pytest.mark.parametrize("text, src, tgt", [
    ('"The wisest thing Maduro could now do is step down," Colombia\'s president said.',
     "COL", "VEN"),
    ("The only sensible course for Belgrade is to withdraw its police, Albania's premier said.",
     "ALB", "SRB"),
    ("It is time for Moscow to end the blockade, Estonia's prime minister said.", "EST", "RUS"),
])
def test_advice_to_another_is_a_demand(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("REQUEST", {src}, {tgt}) in got, got
    assert not any(c == "RETREAT" for c, s, t in got), got  # the act advised is its content


def test_best_thing_about_something_is_no_demand(pipeline):
    got = coded(pipeline, "The best thing about the deal is its price, Chile's minister said.")
    assert not any(c == "REQUEST" for c, s, t in got), got


# a passive harm whose agent is a weapon is an attack by an unknown doer on the harmed
@pytest.mark.parametrize("text, tgt", [
    ("Two Malian soldiers were wounded by a roadside bomb near Gao.", "MLI"),
    ("The Nigerian patrol boat was hit by rockets off the coast.", "NGA"),
    ("Four Afghan police officers were killed by a car bomb in Kandahar.", "AFG"),
])
def test_passive_harm_by_a_weapon_is_an_attack(pipeline, text, tgt):
    got = coded(pipeline, text)
    assert any(c == "ASSAULT" and s <= {None} and t == {tgt} for c, s, t in got), got


# a passive whose agent is no weapon, or a force of nature, is no attack
@pytest.mark.parametrize("text", [
    ("Dozens of homes in Nepal were destroyed by the earthquake."),
    ("The talks in Doha were overshadowed by the missile crisis."),
    ("Three Peruvian hikers were killed by an avalanche in the Andes."),
])
def test_passive_harm_without_a_weapon_is_no_attack(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c == "ASSAULT" for c, s, t in got), got
