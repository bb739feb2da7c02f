"""A known politician between government offices (or before the first) on the article's
date is out of power: named bare, or by a past title ("former premier X"), they are the
opposition, not the government; a date inside a term, a current title, or no office to come
(a retired leader) leaves them as before. Sentences written for these tests."""
from __future__ import annotations

import pytest


def _person(pipeline, text, name, published):
    coded = pipeline.code_text(text, published=published)
    return next(a for a in coded.actors if a.name == name)


@pytest.mark.parametrize("text, name, published, country", [
    # between two terms
    ("Benjamin Netanyahu promised voters in Haifa a tougher line on Gaza.",
     "Benjamin Netanyahu", "2005-08-14", "ISR"),
    # between two terms, another state
    ("Silvio Berlusconi told a rally in Milan that the tax rise would ruin small firms.",
     "Silvio Berlusconi", "2007-06-02", "ITA"),
    # before the first term
    ("Jacob Zuma asked party delegates in Polokwane to back his bid for the leadership.",
     "Jacob Zuma", "2007-12-16", "ZAF"),
])
def test_a_bare_name_out_of_office_is_the_opposition(pipeline, text, name, published, country):
    person = _person(pipeline, text, name, published)
    assert (person.country, person.sector) == (country, "OPP"), person


def test_a_past_title_does_not_make_the_person_the_government(pipeline):
    person = _person(pipeline, "Former prime minister Benjamin Netanyahu urged his allies to "
                     "quit the cabinet in Jerusalem.", "Benjamin Netanyahu", "2006-09-28")
    assert (person.country, person.sector) == ("ISR", "OPP"), person


def test_a_leader_with_no_office_to_come_keeps_the_state_he_led(pipeline):
    person = _person(pipeline, "Nicolas Sarkozy told a rally in Nice that the tax rise would "
                     "ruin small firms.", "Nicolas Sarkozy", "2015-06-02")
    assert (person.country, person.sector) == ("FRA", "GOV"), person


def test_a_date_inside_the_term_keeps_the_government(pipeline):
    person = _person(pipeline, "Nicolas Sarkozy told a rally in Nice that the tax rise would "
                     "ruin small firms.", "Nicolas Sarkozy", "2009-06-02")
    assert (person.country, person.sector) == ("FRA", "GOV"), person


def test_a_current_title_the_text_gives_decides(pipeline):
    person = _person(pipeline, "Senator Mahinda Rajapaksa questioned the budget in Colombo.",
                     "Mahinda Rajapaksa", "2016-03-10")
    assert (person.sector, person.role) == ("LEG", "Senator"), person
