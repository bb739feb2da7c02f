"""Events read from what a general verb does to a coded object (``events/transfers``), and
dictionary entries added for recall, on sentences written for these tests: aiming a weapon
at people, handing money to someone, undoing a measure, a light verb "pay", coordinated
verbs sharing an unnamed doer."""
from __future__ import annotations

import pytest

from .test_events_situated import coded  # (category, source keys, target keys), not negated


# a weapon (or crowd-control device) aimed "on/at" people is used on them
@pytest.mark.parametrize("text, cat, src, tgt", [
    ("Moldovan police turned water cannon on farmers outside the ministry.", "COERCE",
     "MDA", None),
    ("Sri Lanka's navy sprayed water cannon at Indian trawlers near the island.", "COERCE",
     "LKA", "IND"),
    ("Bolivian soldiers trained their rifles on the Chilean patrol.", "ASSAULT", "BOL", "CHL"),
])
def test_a_weapon_aimed_at_people_is_its_use(pipeline, text, cat, src, tgt):
    got = coded(pipeline, text)
    assert any(c == cat and s == {src} and (tgt is None or t == {tgt})
               for c, s, t in got), got


@pytest.mark.parametrize("text", [
    "The Norwegian navy turned its old guns over to a museum in Bergen.",
    "Peru turned its attention to the coming harvest.",
    "Chile pointed the way to a new pension system.",
])
def test_aiming_verbs_without_a_weapon_aimed_at_someone_code_no_attack(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c in ("ASSAULT", "COERCE") for c, s, t in got), got


# an amount of money given "to/toward/for" someone is economic aid
@pytest.mark.parametrize("text, src, tgt", [
    ("Norway provided $20 million to Sudan for its displaced families.", "NOR", "SDN"),
    ("Canada committed some $90 million toward the Somali stabilisation force.", "CAN", "SOM"),
    ("The European Union allocated 100 million euros for Lebanon on Monday.", "EU", "LBN"),
    ("Kuwait contributed $5 million to the World Food Programme.", "KWT", "WFP"),
])
def test_money_handed_to_someone_is_aid(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("AID", {src}, {tgt}) in got, got


@pytest.mark.parametrize("text", [
    "Chile spent $4 billion on new roads last year.",
    "The Peruvian budget provided $3 million in savings.",
    "Uruguay gave its answer on Friday.",
])
def test_money_without_a_receiver_is_no_aid(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c == "AID" for c, s, t in got), got


# a verb of ending or easing with a coded measure as object is the measure's reversal
@pytest.mark.parametrize("text, cat, src, tgt", [
    ("The United States lifted sanctions on Belarus's potash exporters.", "RETREAT", "USA",
     "BLR"),
    ("Britain suspended aid to Rwanda over the fighting.", "SANCTION", "GBR", "RWA"),
    ("Turkey ended its blockade of Armenia after two decades.", "RETREAT", "TUR", "ARM"),
    ("Israel halted its air strikes on Lebanon on Sunday.", "RETREAT", "ISR", "LBN"),
    ("Moldova suspended talks with Romania over the border.", "SANCTION", "MDA", "ROU"),
])
def test_undoing_a_measure_is_its_reversal(pipeline, text, cat, src, tgt):
    got = coded(pipeline, text)
    assert (cat, {src}, {tgt}) in got, got


@pytest.mark.parametrize("text, measure", [
    ("Hungary reversed its ban on the opposition newspaper.", "COERCE"),
    ("Kenya ended the curfew in Mombasa.", "COERCE"),
    ("Belgium lifted the restrictions on Dutch trucks.", "COERCE"),
])
def test_an_eased_restriction_is_a_concession_not_the_restriction(pipeline, text, measure):
    got = coded(pipeline, text)
    assert any(c == "CONCEDE" for c, s, t in got), got
    assert not any(c == measure for c, s, t in got), got


def test_dropping_bombs_is_no_reversal(pipeline):
    got = coded(pipeline, "Syrian jets dropped bombs on rebel towns near Aleppo.")
    assert not any(c in ("RETREAT", "CONCEDE") for c, s, t in got), got


# "pay" hands its event to its object noun: a visit, a tribute, a call
@pytest.mark.parametrize("text, cat, src, tgt", [
    ("Somalia's president paid a visit to Djibouti on Tuesday.", "CONSULT", "SOM", "DJI"),
    ("Nepal paid tribute to Indian rescuers after the avalanche.", "SUPPORT", "NPL", "IND"),
    ("The Lao prime minister paid an official visit to Vietnam.", "CONSULT", "LAO", "VNM"),
])
def test_pay_is_a_light_verb(pipeline, text, cat, src, tgt):
    got = coded(pipeline, text)
    assert (cat, {src}, {tgt}) in got, got


# coordinated verbs share their subject, also when the subject is an unnamed doer
@pytest.mark.parametrize("text, second", [
    ("Masked men stormed a village and abducted three Kenyan aid workers.", "abducted"),
    ("Hooded attackers surrounded the mosque and killed two Afghan guards.", "killed"),
    ("Masked raiders cut the fence and kidnapped a Malian engineer.", "kidnapped"),
    ("Armed youths blocked the road and attacked a Nigerian army convoy.", "attacked"),
])
def test_a_second_verb_keeps_an_unnamed_doer(pipeline, text, second):
    events = [e for e in pipeline.code_text(text, published="2022-03-01").events
              if e.category == "ASSAULT" and e.evidence.trigger == second]
    assert events and all(e.source and not e.source[0].country for e in events), events


# "charge into/at": a physical rush on people, not a legal charge
@pytest.mark.parametrize("text", [
    "Riot police in Lima charged into the crowd of teachers.",
    "Mounted police in Minsk charged at the marchers on Sunday.",
    "Troops in Dhaka charged into the protest camp at dawn.",
])
def test_charging_into_a_crowd_is_repression(pipeline, text):
    got = coded(pipeline, text)
    assert any(c == "COERCE" for c, s, t in got), got
    assert not any(c == "ACCUSE" for c, s, t in got), got


# relief people or goods sent to someone are humanitarian aid, also in a military carrier
@pytest.mark.parametrize("text, src, tgt", [
    ("Ankara flew tents and medicine to Syria on Friday.", "TUR", "SYR"),
    ("Delhi dispatched military planes carrying relief workers and medical supplies to "
     "Sri Lanka.", "IND", "LKA"),
    ("Japan sent medical teams to Turkey after the quake.", "JPN", "TUR"),
])
def test_relief_sent_to_someone_is_aid(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("AID", {src}, {tgt}) in got, got


@pytest.mark.parametrize("text, cat", [
    ("Russia deployed troops to Belarus in February.", "MOBILIZE"),
    ("Turkey shipped armed drones to Azerbaijan.", "MOBILIZE"),
])
def test_armed_units_sent_stay_a_deployment(pipeline, text, cat):
    got = coded(pipeline, text)
    assert any(c == cat for c, s, t in got) and not any(c == "AID" for c, s, t in got), got


# house arrest: "confined X to his home"
@pytest.mark.parametrize("text, cameo", [
    ("The Zambian police confined the editor to his house.", "173"),
    ("Officers in Harare surrounded the house and confined the opposition leader to his home.",
     "173"),
    ("Egyptian security forces confined the union leader to his flat in Cairo.", "173"),
])
def test_confinement_is_an_arrest(pipeline, text, cameo):
    events = pipeline.code_text(text, published="2022-03-01").events
    assert any(e.category == "COERCE" and e.cameo == cameo for e in events), events


def test_weather_confining_people_is_no_arrest(pipeline):
    got = coded(pipeline, "The storm confined Norwegian fishermen to port for a week.")
    assert not any(c == "COERCE" for c, s, t in got), got


# "launched a salvo of cruise missiles at X": the weapon may follow a measure word
@pytest.mark.parametrize("text, src, tgt", [
    ("French warships launched a salvo of cruise missiles at a Libyan air base.", "FRA", "LBY"),
    ("Iranian units fired a volley of rockets at Iraqi Kurdish camps.", "IRN", "IRQ"),
    ("Turkish gunboats launched a wave of drones at Syrian positions.", "TUR", "SYR"),
])
def test_weapons_launched_at_someone_are_an_attack(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("ASSAULT", {src}, {tgt}) in got, got


# "scaled back / wound down" undo like "cut"; without the particle they do not
@pytest.mark.parametrize("text, cat, src, tgt", [
    ("Russia scaled back its cooperation with Israel.", "SANCTION", "RUS", "ISR"),
    ("Denmark wound down its aid to Tanzania.", "SANCTION", "DNK", "TZA"),
    ("Hungary scaled back its sanctions on Serbia.", "RETREAT", "HUN", "SRB"),
])
def test_scaling_back_a_measure_undoes_it(pipeline, text, cat, src, tgt):
    got = coded(pipeline, text)
    assert (cat, {src}, {tgt}) in got, got


# taking up a post or a race is no occupation
@pytest.mark.parametrize("text", [
    "The new Chilean president entered office in March.",
    "The Peruvian senator entered the race for the presidency.",
    "The Bolivian reform entered force on Monday.",
])
def test_entering_office_is_no_occupation(pipeline, text):
    got = coded(pipeline, text)
    assert not any(c == "COERCE" for c, s, t in got), got


# a passive whose subject is a thing "between" two parties was done by both
@pytest.mark.parametrize("text, src, tgt", [
    ("Four agreements between Chile and Peru were signed on Friday afternoon.", "CHL", "PER"),
    ("A trade deal between Kenya and Uganda was reached in Nairobi.", "KEN", "UGA"),
    ("A memorandum between the Thai and Lao governments was signed in Vientiane.", "THA",
     "LAO"),
])
def test_a_passive_accord_between_two_parties_is_theirs(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("AGREE", {src}, {tgt}) in got, got


# "export controls" are a trade measure like "export restrictions"
@pytest.mark.parametrize("text, src, tgt", [
    ("China imposed export controls on gallium shipments to the United States.", "CHN", "USA"),
    ("Korea announced import controls on Japanese seafood.", "KOR", "JPN"),
    ("India introduced export controls on rice bound for Bangladesh.", "IND", "BGD"),
])
def test_export_controls_are_a_sanction(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert any(c == "SANCTION" and s == {src} for c, s, t in got), got


# crowds filling the streets demonstrate; crowds "pressing forward" urge no one
@pytest.mark.parametrize("text, key", [
    ("Tens of thousands of Armenians poured into the streets of Yerevan.", "ARM"),
    ("Protesters flooded the streets of Khartoum on Sunday.", "SDN"),
    ("Thousands of Moldovans spilled into the streets of Chisinau after the vote.", "MDA"),
])
def test_crowds_filling_the_streets_protest(pipeline, text, key):
    got = coded(pipeline, text)
    assert any(c == "PROTEST" and t == {key} for c, s, t in got), got


def test_pressing_forward_is_no_request(pipeline):
    got = coded(pipeline, "As the crowds pressed forward, Serbian riot police gave ground.")
    assert not any(c == "REQUEST" for c, s, t in got), got


# "called off" gives something up (never a phone call); "on Monday" is no "call on"
@pytest.mark.parametrize("text, cat", [
    ("The Kenyan opposition called it off after losing an appeal against the police ban.",
     "CONCEDE"),
    ("Serbia called off talks with Kosovo.", "SANCTION"),
    ("The Thai prime minister called off his visit to Cambodia.", "SANCTION"),
])
def test_calling_off_is_no_phone_call(pipeline, text, cat):
    got = coded(pipeline, text)
    assert any(c == cat for c, s, t in got) and not any(c == "CONSULT" for c, s, t in got), got


@pytest.mark.parametrize("text, src, tgt", [
    ("The Chilean president called his Peruvian counterpart on Monday.", "CHL", "PER"),
    ("Uruguay's foreign minister called his Argentine colleague on Friday night.", "URY",
     "ARG"),
    ("The Lao president telephoned his Vietnamese counterpart on Tuesday.", "LAO", "VNM"),
])
def test_a_call_on_a_weekday_is_a_phone_call(pipeline, text, src, tgt):
    got = coded(pipeline, text)
    assert ("CONSULT", {src}, {tgt}) in got and not any(c == "REQUEST" for c, s, t in got), got
