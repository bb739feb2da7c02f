"""Sense choice by valency and idiom, on sentences written for these tests."""
from __future__ import annotations

import pytest


def cats(pipeline, text):
    return {e.category for e in pipeline.code_text(text, published="2022-03-01").events
            if e.status != "negated"}


# "strike" with a direct object hits something (an assault); a walkout has no object
@pytest.mark.parametrize("text", [
    "Armed gangs struck two police stations in Port Moresby overnight.",
    "Rebel fighters struck an army base near Goma.",
    "Gunmen struck a police post in Burkina Faso.",
])
def test_a_strike_on_something_is_an_assault(pipeline, text):
    got = cats(pipeline, text)
    assert "ASSAULT" in got and "PROTEST" not in got, got


@pytest.mark.parametrize("text", [
    "Nurses in Lagos struck for a second day.",
    "Dock workers in Mombasa struck on Monday over unpaid wages.",
    # crowds that hurl things or set cars alight still protest (what is hurled is no target)
    "Some students hurled petrol bombs at officers in Santiago and set police cars on fire.",
])
def test_a_walkout_or_a_riot_is_a_protest(pipeline, text):
    got = cats(pipeline, text)
    assert "PROTEST" in got and "ASSAULT" not in got, got


# "push past the barriers", "push their way in": moving bodies, not pressing a demand
@pytest.mark.parametrize("text", [
    "Thousands of loyalists pushed past police barriers in Lima.",
    "Students in Quito pushed their way into the ministry.",
    "Farmers pushed past the fences around the Polish parliament.",
])
def test_pushing_past_is_no_demand(pipeline, text):
    assert "REQUEST" not in cats(pipeline, text)


def test_pushing_someone_to_act_is_a_demand(pipeline):
    assert "REQUEST" in cats(pipeline, "Ghana pushed Togo to reopen the border.")


# light verbs of time and effort: "spent the night in talks with X" is a consultation
@pytest.mark.parametrize("text, source, target", [
    ("The Finnish envoy spent the night in talks with Swedish ministers.", "FIN", "SWE"),
    ("Peru engaged in negotiations with Chile over the fishing zone.", "PER", "CHL"),
    ("Ghana's president spent two days in consultations with Togo's leader.", "GHA", "TGO"),
])
def test_time_spent_in_talks_is_a_consultation(pipeline, text, source, target):
    coded = pipeline.code_text(text, published="2022-03-01")
    assert any(e.category == "CONSULT" and source in {a.country for a in e.source}
               and target in {a.country for a in e.target} for e in coded.events)


def test_money_spent_is_no_event(pipeline):
    assert not pipeline.code_text("Kenya spent millions on new roads.",
                                  published="2022-03-01").events


# "decline" with an object or a to-clause is a refusal; alone it is a decrease, no event
@pytest.mark.parametrize("text", [
    "Hungary declined to join the embargo on Russian oil.",
    "Chile declined an invitation from Peru to the summit.",
    "Lithuania declined to send troops to the exercise in Poland.",
])
def test_declining_something_is_a_rejection(pipeline, text):
    assert "REJECT" in cats(pipeline, text)


@pytest.mark.parametrize("text", [
    "Shares of the Kenyan lender declined sharply.",
    "Exports to China declined by 4 percent.",
    "The number of Russian tourists in Georgia declined.",
])
def test_a_decline_without_object_is_no_event(pipeline, text):
    assert cats(pipeline, text) == set()


# a month named as a date ("began March 24") is a time, never the noun "march"
@pytest.mark.parametrize("text", [
    "Greece, the Cypriots' old ally, had sharply criticised the 40 days of Turkish shelling "
    "of Cyprus, which began March 24 and stopped in May.",
    "Romania, the Moldovans' closest friend, had loudly condemned the 30 days of Russian "
    "bombing of Moldova, which began March 2 and paused in April.",
    "Norway, long the Icelanders' partner, had firmly denounced the 12 weeks of British raids "
    "on Iceland, which began March 10 and ended in June.",
])
def test_a_month_as_a_date_is_no_march(pipeline, text):
    got = cats(pipeline, text)
    assert "ACCUSE" in got and "PROTEST" not in got, got
