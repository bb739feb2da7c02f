"""Dates: sentence -> (text, value, precision), resolved against a publication day.

Most cases are published on Wednesday 2021-03-10 so weekday arithmetic is easy to check.
"""
from __future__ import annotations

import pytest

from eventwire.extract.dates import event_date, extract_dates
from eventwire.model import DateRef, EventDate

WED = "2021-03-10"  # a Wednesday
TUE = "2020-11-24"  # a Tuesday


def _dates(nlp, sentence: str, published: str | None = WED) -> list[tuple[str, str, str]]:
    return [(d.text, d.value, d.precision) for d in extract_dates(nlp(sentence), published)]


@pytest.mark.parametrize("sentence,published,expected", [
    # weekdays
    ("Rebels shelled the town on Friday.", WED, ("Friday", "2021-03-05", "day")),
    ("The minister resigned Wednesday.", WED, ("Wednesday", "2021-03-10", "day")),
    ("The envoy arrived in Kabul on Tuesday.", TUE, ("Tuesday", "2020-11-24", "day")),
    ("The envoy will visit Kabul on Friday.", WED, ("Friday", "2021-03-12", "day")),
    ("The talks are due to resume next Monday.", WED, ("next Monday", "2021-03-15", "day")),
    ("The president plans to sign the decree on Saturday.", WED,
     ("Saturday", "2021-03-13", "day")),
    ("Troops withdrew from the border last Wednesday.", WED,
     ("last Wednesday", "2021-03-03", "day")),
    ("Police raided the party office late on Tuesday.", WED,
     ("late on Tuesday", "2021-03-09", "day")),
    ("Protesters gathered outside parliament Monday night.", WED,
     ("Monday night", "2021-03-08", "day")),
    ("The council called a runoff for Sunday.", WED, ("Sunday", "2021-03-14", "day")),
    ("Leaders are meeting Friday in Brussels.", WED, ("Friday", "2021-03-12", "day")),
    ("Fighting erupted over the weekend.", WED,
     ("the weekend", "2021-03-06/2021-03-07", "range")),
    # deictic and relative periods
    ("The ministry announced the sanctions today.", WED, ("today", "2021-03-10", "day")),
    ("Gunmen killed four soldiers yesterday.", WED, ("yesterday", "2021-03-09", "day")),
    ("The two leaders will meet tomorrow.", WED, ("tomorrow", "2021-03-11", "day")),
    ("Diplomats met in Vienna this week.", WED,
     ("this week", "2021-03-08/2021-03-14", "range")),
    ("The army shelled the village last week.", WED,
     ("last week", "2021-03-01/2021-03-07", "range")),
    ("The junta seized power last month.", WED, ("last month", "2021-02", "month")),
    ("Clashes broke out earlier this month.", WED, ("earlier this month", "2021-03", "month")),
    ("Inflation rose sharply this month.", WED, ("this month", "2021-03", "month")),
    ("The parliament was dissolved last year.", WED, ("last year", "2020", "year")),
    ("Elections will be held next year.", WED, ("next year", "2022", "year")),
    ("The ceasefire collapsed two years ago.", WED, ("two years ago", "2019", "year")),
    ("The convoy was attacked three days ago.", WED, ("three days ago", "2021-03-07", "day")),
    ("A similar raid took place a week earlier.", WED, ("a week earlier", "2021-03-03", "day")),
    ("The court will rule on the appeal in two weeks.", WED,
     ("in two weeks", "2021-03-24", "day")),
    ("Rebels attacked on Sunday. Police arrived that evening.", WED,
     ("that evening", "2021-03-07", "day")),
    ("The rebels had lost the town in April last year.", WED,
     ("April last year", "2020-04", "month")),
    # parts of months and years
    ("The army moved troops to the border in late October.", WED,
     ("late October", "2020-10", "month")),
    ("Fighting resumed in mid-October.", WED, ("mid-October", "2020-10", "month")),
    ("Planning for the exercise began in mid-2019.", WED, ("mid-2019", "2019", "year")),
    ("The blockade was lifted in early 2020.", WED, ("early 2020", "2020", "year")),
    ("The militia first appeared in late 2019.", WED, ("late 2019", "2019", "year")),
    # month alone: past by default, the coming one in a future context
    ("The president was reelected in August.", WED, ("August", "2020-08", "month")),
    ("The election will be held in August.", WED, ("August", "2021-08", "month")),
    ("Unrest has continued since January.", WED, ("January", "2021-01", "month")),
    ("The opposition boycotted the vote last November.", WED,
     ("last November", "2020-11", "month")),
    # month and day
    ("The strike on the depot happened on January 21.", WED,
     ("January 21", "2021-01-21", "day")),
    ("The agreement will enter into force on April 21.", WED,
     ("April 21", "2021-04-21", "day")),
    ("The arms treaty will expire on February 4.", WED, ("February 4", "2022-02-04", "day")),
    ("The referendum is scheduled for February 4.", WED, ("February 4", "2022-02-04", "day")),
    ("Police detained him on Jan. 21.", WED, ("Jan. 21", "2021-01-21", "day")),
    ("The court convicted him on 21 January.", WED, ("21 January", "2021-01-21", "day")),
    ("The hearing was adjourned until March 20.", WED, ("March 20", "2021-03-20", "day")),
    ("The treaty was signed on September 15, 2020.", WED,
     ("September 15, 2020", "2020-09-15", "day")),
    ("Voters went to the polls on Sept. 24.", WED, ("Sept. 24", "2020-09-24", "day")),
    ("The statement was issued on 2020-11-24.", WED, ("2020-11-24", "2020-11-24", "day")),
    ("The decree is dated 11/24/2020.", WED, ("11/24/2020", "2020-11-24", "day")),
    ("The decree is dated 24/11/2020.", WED, ("24/11/2020", "2020-11-24", "day")),
    # years
    ("The rebels captured the city in 2019.", WED, ("2019", "2019", "year")),
    ("The two states have been at peace since 1991.", WED, ("1991", "1991", "year")),
    ("Washington left the 1987 INF Treaty.", WED, ("1987", "1987", "year")),
    ("The regime changed in June 2013.", WED, ("June 2013", "2013-06", "month")),
    ("In January 2,000 people fled.", WED, ("January", "2021-01", "month")),
    # ranges
    ("Talks were held from March 3 to March 5.", WED,
     ("March 3 to March 5", "2021-03-03/2021-03-05", "range")),
    ("Violence surged between 2010 and 2015.", WED, ("2010 and 2015", "2010/2015", "range")),
    ("The summit took place on October 20-22.", WED,
     ("October 20-22", "2020-10-20/2020-10-22", "range")),
    ("The country holds a council seat for 2028-29.", WED, ("2028-29", "2028/2029", "range")),
])
def test_dates_resolves(nlp, sentence, published, expected):
    assert expected in _dates(nlp, sentence, published)


def test_dates_two_parts_stay_two_refs(nlp):
    got = _dates(nlp, "The exercise took place in late October and early November.")
    assert ("late October", "2020-10", "month") in got
    assert ("early November", "2020-11", "month") in got


def test_dates_text_drops_preposition_and_spans_match(nlp):
    doc = nlp("The envoy arrived on Friday and left since nothing changed.")
    (ref,) = extract_dates(doc, WED)
    assert ref.text == "Friday"
    assert doc.text[ref.start:ref.end] == ref.text


@pytest.mark.parametrize("sentence", [
    "The war has raged for three years.",
    "The country's 26-year leader stepped down.",
    "He began a four-day visit to India.",
    "The council approved a one-year extension of the mission.",
    "The dispute has lasted half a century.",
    "The 30-member coalition denies the charge.",
    "The 45-year-old activist was released.",
    "The activist, aged 62, was released.",
    "The ministry sent 2000 troops to the region.",
    "The newsletter arrives every Friday.",
    "Shoppers crowded the stores on Black Friday.",
    "Unrest spread across the region in the 1990s.",
    "Theresa May spoke to reporters.",
    "The unrest killed 1500 people.",
    "The ceasefire took effect at 9 p.m. (1900 GMT).",
    "China launched a Long March 5 rocket.",
    "Some 2,000 people fled the fighting.",
    "The army took the town in two weeks of fighting.",
    "Police arrived that evening.",
])
def test_dates_ignores_durations_counts_and_names(nlp, sentence):
    assert _dates(nlp, sentence) == []


def test_dates_without_published_keeps_only_absolute(nlp):
    got = _dates(nlp, "Rebels attacked last week, repeating a raid of September 15, 2020.", None)
    assert got == [("September 15, 2020", "2020-09-15", "day")]


def test_dates_without_published_never_guesses_from_today(nlp):
    assert _dates(nlp, "Rebels attacked on Friday and again in August.", None) == []


def test_dates_malformed_published_is_treated_as_missing(nlp):
    assert _dates(nlp, "Gunmen struck yesterday.", "not-a-date") == []


def test_dates_skips_urls(nlp):
    assert _dates(nlp, "See https://example.com/2005/10/10/story-Sunday.html for more.") == []


# ------------------------------------------------------------------ event_date

def _ref(text: str, start: int, value: str, precision: str = "day") -> DateRef:
    return DateRef(text=text, start=start, end=start + len(text), value=value,
                   precision=precision)


def test_event_date_picks_nearest_in_sentence():
    dates = [_ref("Monday", 3, "2021-03-08"), _ref("Friday", 60, "2021-03-05"),
             _ref("Sunday", 200, "2021-03-07")]
    got = event_date(dates, 0, 100, anchor=50, published=WED)
    assert got == EventDate(value="2021-03-05", precision="day", text="Friday")


def test_event_date_ignores_dates_outside_sentence():
    dates = [_ref("Sunday", 200, "2021-03-07")]
    got = event_date(dates, 0, 100, anchor=50, published=WED)
    assert got == EventDate(value=WED, precision="published", text=None)


def test_event_date_none_without_any_date():
    assert event_date([], 0, 100, anchor=50, published=None) is None


def test_event_date_prefers_same_clause(nlp):
    text = "The rebels, who surrendered on Friday, had attacked the convoy last month."
    doc = nlp(text)
    dates = extract_dates(doc, WED)
    anchor = text.index("attacked")
    got = event_date(dates, 0, len(text), anchor, WED, doc=doc)
    assert got is not None and got.text == "last month" and got.value == "2021-02"
    # without the parse, the nearest one wins
    nearest = event_date(dates, 0, len(text), anchor, WED)
    assert nearest is not None and nearest.text == "Friday"


@pytest.mark.parametrize("sentence, published, expected", [
    # a sentence-initial "On" is capitalised like a name, but it is the preposition before a date
    ("On May 4, the Kenyan cabinet approved the budget.", "2023-05-06", "2023-05-04"),
    ("On March 2 Uruguay signed the accord.", "2019-03-10", "2019-03-02"),
    ("On May 30, Mongolia recalled its envoy.", "2022-06-02", "2022-05-30"),
])
def test_dates_sentence_initial_on_before_an_ambiguous_month(nlp, sentence, published, expected):
    assert [d.value for d in extract_dates(nlp(sentence), published)] == [expected]


def test_dates_ambiguous_month_inside_a_name_is_still_no_date(nlp):
    assert extract_dates(nlp("Singer Theresa May 12 songs were played."), "2021-01-01") == []
