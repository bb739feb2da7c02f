"""Furniture recognised by what it is glued to: widget titles, slide captions, file links,
author boxes with a capitalised title, and story lines above a lone photo credit.

Every page here is written for these tests (invented places and people).
"""
from __future__ import annotations

import pytest

from eventwire.clean import clean_text

LEAD = ("The harbour authority of Quenby closed the northern docks on Monday after a crane "
        "collapsed onto a cargo ship, port officials said.")
SECOND = ("Rescue teams searched the wreckage through the night and found two injured "
          "workers, the fire service said.")
THIRD = "The transport union called for an inquiry into safety checks at the port."


def _page(middle: str) -> str:
    return f"Crane collapse shuts Quenby docks\n\n{LEAD}\n\n{middle}\n\n{SECOND}\n\n{THIRD}\n"


@pytest.mark.parametrize("glued", [
    "Sponsored\nSeven gadgets every homeowner wants this winter",
    "Advertisement\nThe hidden cost of cheap flights to the coast",
    "View this post on Instagram\nA post shared by Lina Porteous (@linaporteous)",
    "Watch this video on YouTube\nA post shared by Harbour TV (@harbourtv)",
])
def test_a_title_glued_to_furniture_in_its_block_leaves_the_body(glued):
    cleaned = clean_text(_page(glued), title="Crane collapse shuts Quenby docks")
    for part in glued.split("\n"):
        assert part not in cleaned.text
    assert LEAD in cleaned.text and SECOND in cleaned.text and THIRD in cleaned.text


@pytest.mark.parametrize("sub", ["Questions over safety checks", "What the union wants",
                                 "A port in decline"])
def test_a_subheading_in_its_own_block_stays(sub):
    cleaned = clean_text(_page(sub), title="Crane collapse shuts Quenby docks")
    assert sub in cleaned.text


def test_on_a_hard_wrapped_page_the_first_line_of_a_paragraph_after_an_ad_stays():
    text = ("Crane collapse shuts Quenby docks\n\n"
            "The harbour authority of Quenby closed the northern docks on\n"
            "Monday after a crane collapsed onto a cargo ship, port officials\n"
            "said on Tuesday.\n\n"
            "Rescue teams searched the wreckage through the night and found\n"
            "two injured workers, the fire service said.\n\n"
            "Advertisement\n"
            "The transport union called for an inquiry into safety checks at\n"
            "the port and said members would refuse night shifts.\n")
    cleaned = clean_text(text, title="Crane collapse shuts Quenby docks")
    assert "The transport union called for an inquiry into safety checks at the port" \
        in cleaned.text
    assert "Advertisement" not in cleaned.text


@pytest.mark.parametrize("counter,caption", [
    ("1 / 12", "Dock workers wait outside the harbour gates."),
    ("Photo 3 of 8", "A crane lies across the deck of a cargo ship in Quenby"),
    ("4/9", "Firefighters at the northern docks at dawn."),
])
def test_the_line_under_a_slideshow_counter_is_its_caption(counter, caption):
    cleaned = clean_text(_page(f"{counter}\n{caption}"), title="Crane collapse shuts Quenby docks")
    assert caption not in cleaned.text and counter not in cleaned.text
    assert any(caption in c for c in cleaned.captions)


@pytest.mark.parametrize("link", ["Full inspection report (PDF, 1.4 MB)",
                                  "Minutes of the harbour board meeting [DOCX]",
                                  "Annex: list of damaged berths (212 KB)"])
def test_a_line_closed_by_a_file_type_or_size_is_a_document_link(link):
    cleaned = clean_text(_page(link), title="Crane collapse shuts Quenby docks")
    assert link not in cleaned.text


def test_a_sentence_mentioning_a_pdf_stays():
    line = "The port authority published its safety audit as a PDF (12 pages) on Tuesday."
    cleaned = clean_text(_page(line), title="Crane collapse shuts Quenby docks")
    assert line in cleaned.text


@pytest.mark.parametrize("bio", [
    "Tomas Reyl is our shipping correspondent. He has reported from ports across the north.",
    "Ada Kwen is Senior Maritime Editor at the Quenby Herald.",
    "Ilse Marn is Foreign Correspondent for the Coast Courier. She is based in Darnow.",
])
def test_an_author_box_under_the_story_leaves_the_body(bio):
    cleaned = clean_text(_page("") + f"\n{bio}\n", title="Crane collapse shuts Quenby docks")
    assert bio.split(".")[0] not in cleaned.text
    assert THIRD in cleaned.text


@pytest.mark.parametrize("story", [
    "Dock workers have refused to return until the cranes are inspected.",
    "The operator would pay for repairs to the damaged ship, a manager announced.",
    "Two other cranes had been taken out of service last year.",
])
def test_a_narrating_line_above_a_lone_credit_is_not_taken_as_its_caption(story):
    cleaned = clean_text(_page(f"{story}\n\nGetty Images"),
                         title="Crane collapse shuts Quenby docks")
    assert story in cleaned.text
    assert "Getty Images" not in cleaned.text


def test_a_describing_line_above_a_lone_credit_is_still_its_caption():
    caption = "Smoke over the northern docks of Quenby on Monday."
    cleaned = clean_text(_page(f"{caption}\n\nGetty Images"),
                         title="Crane collapse shuts Quenby docks")
    assert caption not in cleaned.text


@pytest.mark.parametrize("pair", [
    "Ferry fares to rise in spring\nIsland school wins science prize",
    "Why the lighthouse keepers are leaving\nFishing quotas cut for third year",
    "Opinion\nWhy the harbour needs a new board\nAnalysis\nThe slow decline of the coastal towns",
])
def test_two_headlines_on_consecutive_lines_of_a_block_are_a_list(pair):
    cleaned = clean_text(_page(pair), title="Crane collapse shuts Quenby docks")
    for part in pair.split("\n"):
        assert part not in cleaned.text
    assert LEAD in cleaned.text and SECOND in cleaned.text


def test_a_subheading_over_its_own_paragraph_stays():
    text = _page("Questions over inspections\nInspectors last visited the northern docks in "
                 "the spring and found no faults, the harbour board said.")
    cleaned = clean_text(text, title="Crane collapse shuts Quenby docks")
    assert "Questions over inspections" in cleaned.text
    assert "Inspectors last visited the northern docks" in cleaned.text


@pytest.mark.parametrize("note", [
    "This article was produced with support from the Coastal Reporting Fund.",
    "This story is part of our series on the ports of the north.",
    "This interview has been edited for length and clarity.",
])
def test_a_note_about_the_page_itself_leaves_the_body(note):
    for middle, tail in ((note, ""), ("", f"\n{note}\n")):
        cleaned = clean_text(_page(middle) + tail, title="Crane collapse shuts Quenby docks")
        assert note not in cleaned.text
        assert THIRD in cleaned.text


@pytest.mark.parametrize("tags", ["#Quenby #ports #safety", "#DockCollapse #QuenbyPort",
                                  "@harbourboard @quenbyunion #cranes"])
def test_a_line_of_hashtags_leaves_the_body(tags):
    cleaned = clean_text(_page(tags), title="Crane collapse shuts Quenby docks")
    assert tags not in cleaned.text


@pytest.mark.parametrize("credit", ["Ilse Marn for the Coast Courier",
                                    "Tomas Reyl via Harbour Television",
                                    "Ada Kwen Sorel for Northern Pictures"])
def test_a_name_credited_to_an_outlet_is_a_photo_credit(credit):
    caption = "A crane lies across the deck of a cargo ship"
    cleaned = clean_text(_page(f"{caption}\n{credit}"), title="Crane collapse shuts Quenby docks")
    assert credit not in cleaned.text and caption not in cleaned.text
    assert any(caption in c for c in cleaned.captions)


@pytest.mark.parametrize("credit", ["Photograph: Ilse Marn/Coast Courier", "Reuters/Ilse Marn",
                                    "Getty Images", "Ilse Marn for the Coast Courier"])
def test_a_credit_under_the_last_paragraph_does_not_take_the_closing_line(credit):
    cleaned = clean_text(_page("") + f"\n{credit}\n", title="Crane collapse shuts Quenby docks")
    assert THIRD in cleaned.text
    assert credit not in cleaned.text


@pytest.mark.parametrize("link", ["LIVE: Follow the rescue operation at Quenby docks as it happens",
                                  "Live: Divers search the harbour for a missing crane driver",
                                  "IN PICTURES: The northern docks the morning after the collapse"])
def test_a_labelled_link_between_the_headline_and_the_lead_leaves_the_body(link):
    text = f"Crane collapse shuts Quenby docks\n\n{link}\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}\n"
    cleaned = clean_text(text, title="Crane collapse shuts Quenby docks")
    assert link not in cleaned.text
    assert cleaned.title == "Crane collapse shuts Quenby docks"
    assert LEAD in cleaned.text


@pytest.mark.parametrize("note", [
    "(Editor's note: The names of two dock workers have been changed at their request.)",
    "[Correction: An earlier version misspelt the name of the harbour master.]",
    "(Clarification: The crane was owned by a contractor, not by the port.)",
])
def test_an_editorial_note_in_brackets_leaves_the_body(note):
    cleaned = clean_text(_page(note), title="Crane collapse shuts Quenby docks")
    assert note not in cleaned.text
    assert SECOND in cleaned.text


@pytest.mark.parametrize("link", ["Breaking: Second crane topples at the southern pier",
                                  "Just in: Harbour master suspended pending inquiry",
                                  "Developing: Ferry services halted along the coast"])
def test_a_breaking_news_link_inside_the_story_leaves_the_body(link):
    cleaned = clean_text(_page(link), title="Crane collapse shuts Quenby docks")
    assert link not in cleaned.text


@pytest.mark.parametrize("prompt", ["Print this story", "Like this article? Share it with a friend.",
                                    "Was this page helpful?"])
def test_a_short_prompt_about_the_page_leaves_the_body(prompt):
    cleaned = clean_text(_page(prompt), title="Crane collapse shuts Quenby docks")
    assert prompt not in cleaned.text


def test_a_story_sentence_about_a_report_stays():
    line = "The harbour master called this story of negligence a fabrication, his office said."
    cleaned = clean_text(_page(line), title="Crane collapse shuts Quenby docks")
    assert line in cleaned.text


@pytest.mark.parametrize("credit", ["Courtesy: Harbour Board", "Photo courtesy: Quenby Fire Service",
                                    "Image courtesy: Coast Courier archive"])
def test_a_courtesy_credit_alone_is_a_credit_not_story(credit):
    cleaned = clean_text(_page(credit), title="Crane collapse shuts Quenby docks")
    assert credit not in cleaned.text


def test_a_courtesy_call_in_a_sentence_stays():
    line = "The foreign minister paid a courtesy call on the harbour master before flying home."
    cleaned = clean_text(_page(line), title="Crane collapse shuts Quenby docks")
    assert line in cleaned.text


@pytest.mark.parametrize("heading", ["About the Quenby Harbour Board", "About Stahl Marine:",
                                     "About Coast Freight and Logistics"])
def test_an_about_the_issuer_heading_ends_a_press_release(heading):
    about = ("The company operates twelve terminals on the northern coast and employs "
             "3,000 people. It was founded in 1921.")
    cleaned = clean_text(_page("") + f"\n{heading}\n\n{about}\n\nMedia contact: Jan Roos\n",
                         title="Crane collapse shuts Quenby docks")
    assert about not in cleaned.text and heading.rstrip(":") not in cleaned.text
    assert THIRD in cleaned.text


def test_a_subheading_starting_with_about_in_lower_case_words_stays():
    sub = "About the victims"
    cleaned = clean_text(_page(sub), title="Crane collapse shuts Quenby docks")
    assert SECOND in cleaned.text and THIRD in cleaned.text
