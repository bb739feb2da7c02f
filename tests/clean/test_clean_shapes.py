"""Page furniture recognised by shape and position: made-up page snippets, clutter out, body in.

Every snippet is invented for these tests (places, people and outlets do not exist). Each
shape has pages where the clutter must go and look-alike body lines that must stay.
"""
from __future__ import annotations

import pytest

from eventwire.clean import clean_text

HEAD = "Velmora closes its border crossings as Kestria calls up reservists"
P1 = ("OSTRAVEN — Velmora shut all four crossings on its eastern border on Friday, a day after "
      "Kestria ordered 20,000 reservists to report to their units, the interior ministry said.")
P2 = ("\"Nobody crosses until Kestria explains what these troops are for,\" Interior Minister "
      "Dario Pell told a news conference in the capital, standing beside the army chief.")
P3 = ("Kestria's government said the call-up was a routine exercise planned since the spring "
      "and accused Velmora of stoking fear among people living along the frontier.")
P4 = ("Trade between the two neighbours, worth about $2bn a year, has been falling since a "
      "dispute over fishing rights in the Marren estuary flared up last autumn.")
BODY = (P1, P2, P3, P4)


def page(*parts: str, sep: str = "\n\n") -> str:
    return sep.join(parts)


def removed(cleaned) -> dict[str, str]:
    return {r.text: r.kind for r in cleaned.removed}


def assert_body_intact(cleaned) -> None:
    for paragraph in BODY:
        assert paragraph in cleaned.text


# --- runs of title-like lines: lists of other stories' headlines ------------------------------

@pytest.mark.parametrize("text,items", [
    # numbered most-read box at the foot of the page
    (page(HEAD, *BODY, "Most shared\n1. Farmers block the ring road over diesel prices\n"
          "2. Court frees jailed blogger after six months\n3. Storm cuts power to 40,000 homes"),
     ["Farmers block the ring road over diesel prices", "Storm cuts power to 40,000 homes"]),
    # an all-caps label and a run of headlines between two paragraphs, one per block
    (page(HEAD, P1, P2, "ELSEWHERE ON THE LEDGER", "Lorry drivers end week-long strike at port",
          "Minister quits over housing contracts", "Why the Marren estuary matters to both sides",
          P3, P4),
     ["Lorry drivers end week-long strike at port", "Minister quits over housing contracts"]),
    # a label-less box of three headlines at the top, between the headline and the story
    (page("Home | Politics | Business | Sport", HEAD, "Opposition leader wins appeal against ban\n"
          "Central bank holds rates for a third month\nHeatwave closes schools across the south",
          *BODY),
     ["Opposition leader wins appeal against ban", "Heatwave closes schools across the south"]),
    # a bulleted list under a label naming other stories, items separated by blank lines
    (page(HEAD, *BODY, "Read next", "• Kestria's reservists: who gets called up and why",
          "• Border towns brace for a long closure"),
     ["Kestria's reservists: who gets called up and why", "Border towns brace for a long closure"]),
])
def test_headline_lists_go(text, items):
    cleaned = clean_text(text)
    for item in items:
        assert item not in cleaned.text
        assert [kind for line, kind in removed(cleaned).items() if line.endswith(item)] == ["nav"]
    assert_body_intact(cleaned)
    assert cleaned.title == HEAD


def test_headline_run_after_a_line_that_introduces_other_stories():
    text = page(HEAD, *BODY, "This report is part of our series on the frontier. More from the "
                "series:\nFishermen caught between two navies\nA town split by a river")
    cleaned = clean_text(text)
    assert cleaned.text.endswith(P4)
    assert set(removed(cleaned).values()) == {"nav"} and len(cleaned.removed) == 3


@pytest.mark.parametrize("look_alike", [
    "Reservists report for duty",  # a subheading between paragraphs
    "Fear in the border villages",
    "What the closure means for trade?",
])
def test_single_subheading_stays(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text
    assert cleaned.removed == ()


def test_bulleted_fact_box_under_a_heading_stays():
    box = ("WHAT THE DECREE SAYS\n* Crossings closed to all traffic until further notice\n"
           "* Residents of border villages may pass with a permit\n* Freight held at the depots")
    cleaned = clean_text(page(HEAD, P1, P2, box, P3, P4))
    assert "Residents of border villages may pass with a permit" in cleaned.text
    assert "Freight held at the depots" in cleaned.text


def test_standfirst_under_the_headline_stays():
    standfirst = "Thousands queue at the last open crossing as the deadline passes"
    cleaned = clean_text(page(HEAD, standfirst, *BODY))
    assert cleaned.title == HEAD
    assert standfirst in cleaned.text


def test_hard_wrapped_paragraph_is_not_a_headline_list():
    wrapped = ("Officials in Ostraven said the Velmoran army had moved\nTwo armoured brigades "
               "towards the Marren estuary\nAnd the northern lakes on Thursday night, without\n"
               "Giving any reason for the deployment.")
    cleaned = clean_text(page(HEAD, P1, wrapped, P2, P3, P4))
    assert "Two armoured brigades towards the Marren estuary" in cleaned.text
    assert cleaned.removed == ()


def test_one_line_quote_paragraph_at_the_end_stays():
    closing = "\"We will hold the line,\" Pell said."
    cleaned = clean_text(page(HEAD, *BODY, closing))
    assert cleaned.text.endswith(closing)


# --- a label, a colon and a title: links to video, galleries, live pages ----------------------

@pytest.mark.parametrize("link", [
    "WATCH: Queues of lorries at the Ostraven crossing (01:52)",
    "IN PICTURES: Life on both banks of the Marren",
    "LIVE: Follow the latest from the frontier",
    "Live: Velmora border closure",
    "Q&A: Why the two neighbours keep falling out",
    "► How Kestria's reserve army is organised",
])
def test_labelled_links_inside_the_story_go(link):
    cleaned = clean_text(page(HEAD, P1, P2, link, P3, P4))
    assert removed(cleaned).get(link.lstrip("► ")) == "nav"
    assert_body_intact(cleaned)


@pytest.mark.parametrize("look_alike", [
    "OSTRAVEN: Police said on Friday that two smugglers had been arrested near the crossing.",
    "WHAT COMES NEXT",  # a box heading in capitals
    "UPDATE: Kestria says two border guards were hurt",  # an update to the story itself
])
def test_label_like_body_lines_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text


def test_live_blog_entry_headlines_stay():
    entries = page("18:05 CET", "Pell: the border stays shut until Kestria explains itself", P1,
                   "16:40 CET", "Kestria's army chief says the reservists will go home in May", P3)
    cleaned = clean_text(page(HEAD, P2, entries, P4))
    assert "Pell: the border stays shut until Kestria explains itself" in cleaned.text
    assert "Kestria's army chief says the reservists will go home in May" in cleaned.text


@pytest.mark.parametrize("stray", [
    "Farmers block the ring road over diesel prices in the capital",
    "Opposition leader wins appeal against five-year ban from politics",
    "Storm cuts power to 40,000 homes along the northern coast",
])
def test_lone_headline_of_another_story_inside_the_story_goes(stray):
    cleaned = clean_text(page(HEAD, P1, P2, stray, P3, P4))
    assert removed(cleaned).get(stray) == "nav"
    assert_body_intact(cleaned)


def test_labelled_headline_at_the_top_is_the_title():
    head = "Live: Velmora shuts its border as Kestria calls up reservists"
    cleaned = clean_text(page(head, *BODY))
    assert cleaned.title == head


# --- timestamps, bylines, crumbs, repeated interface lines -------------------------------------

@pytest.mark.parametrize("furniture,kind", [
    ("14:32 BST", "other"),
    ("09.15 GMT", "other"),
    ("3 hours ago", "other"),
    ("Updated 25 min ago", "other"),
    ("Home / World / Eastern Europe", "nav"),
    ("Ledger > World > Velmora", "nav"),
    ("News | Frontier", "nav"),
    ("— Dario Pell (@dariopell) March 3, 2026", "nav"),
    ("https://ledger.example/world/velmora-border", "nav"),
    ("Story continues below advertisement", "nav"),
])
def test_timestamps_crumbs_and_embeds_go(furniture, kind):
    cleaned = clean_text(page(HEAD, P1, P2, furniture, P3, P4))
    assert removed(cleaned).get(furniture) == kind
    assert_body_intact(cleaned)


@pytest.mark.parametrize("look_alike", [
    "At 14:32 local time, the first lorries were turned back at the Ostraven crossing.",
    "Pell, who posts on X as @dariopell, said the decree would be reviewed in a week.",
    "Velmora / Kestria relations have not been this bad since 1998, diplomats said.",
])
def test_body_sentences_with_times_and_handles_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text
    assert cleaned.removed == ()


def test_live_blog_timestamps_and_repeated_share_lines_go_entry_headlines_stay():
    entries = page("18:05 CET", "Pell: border stays shut", P1, "Share this entry",
                   "16:40 CET", "Kestria says drills are routine", P3, "Share this entry",
                   "15:10 CET", "Trade already falling", P4, "Share this entry")
    cleaned = clean_text(page(HEAD, P2, entries))
    for kept in ("Pell: border stays shut", "Kestria says drills are routine",
                 "Trade already falling"):
        assert kept in cleaned.text
    assert "Share this entry" not in cleaned.text and "CET" not in cleaned.text
    assert_body_intact(cleaned)


def test_a_subheading_printed_once_is_not_repeated_furniture():
    cleaned = clean_text(page(HEAD, P1, "Copy link", P2, "Queues at the crossing", P3, P4))
    assert "Queues at the crossing" in cleaned.text


# --- editorial notes ----------------------------------------------------------------------------

@pytest.mark.parametrize("note", [
    "Correction: An earlier version of this report gave the wrong date for the call-up.",
    "Editor's note: This story was updated on Saturday with the Kestrian statement.",
    "About the author: Our frontier correspondent has covered the region since 2019.",
])
def test_editorial_notes_go(note):
    cleaned = clean_text(page(HEAD, P1, note, P2, P3, P4))
    assert removed(cleaned).get(note) == "other"
    assert_body_intact(cleaned)


def test_author_biography_goes_only_at_the_foot():
    bio = "The writer is a former diplomat who served in Ostraven."
    inside = "The writer is accused of insulting the president in a novel published in May."
    cleaned = clean_text(page(HEAD, P1, inside, P2, P3, P4, bio))
    assert inside in cleaned.text
    assert removed(cleaned).get(bio) == "other"


def test_correctional_and_noted_body_sentences_stay():
    for sentence in ("Correctional officers at the border prison were also put on alert.",
                     "Editors at the state broadcaster were told to avoid the word closure."):
        cleaned = clean_text(page(HEAD, P1, sentence, P2, P3, P4))
        assert sentence in cleaned.text


# --- press releases, contacts, counters ---------------------------------------------------------

@pytest.mark.parametrize("end_mark", ["###", "- ENDS -", "Notes to editors:"])
def test_press_release_boilerplate_after_the_end_mark_goes(end_mark):
    about = ("About the Velmoran Interior Ministry: the ministry oversees the border guard, the "
             "police and civil defence, and employs some 40,000 people across the country.")
    contact = "Press office: press@interior.example | +99 555 0100"
    cleaned = clean_text(page(HEAD, *BODY, end_mark, about, contact))
    assert cleaned.text.endswith(P4)
    assert removed(cleaned).get(about) == "other" and contact in removed(cleaned)


@pytest.mark.parametrize("furniture", ["14 comments", "Comments (231)",
                                       "Media enquiries: desk@ledger.example"])
def test_counters_and_contact_lines_go(furniture):
    cleaned = clean_text(page(HEAD, P1, P2, furniture, P3, P4))
    assert furniture not in cleaned.text and furniture in removed(cleaned)


@pytest.mark.parametrize("look_alike", [
    "Analysts said diesel prices could jump to their highest level in a decade if the crossings stay shut.",
    "Residents complained that nobody had told them about us being cut off, one farmer said.",
    "The ministry said 14 comments from border villages had been received by its hotline.",
])
def test_body_sentences_with_furniture_words_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text


@pytest.mark.parametrize("box,items", [
    # headlines with their age between them
    ("Latest from the region\nFarmers block the ring road over diesel prices\n2 hours ago\n"
     "Court frees jailed blogger after six months\n5 hours ago",
     ["Farmers block the ring road over diesel prices", "Court frees jailed blogger after six months"]),
    # headlines under section kickers in capitals
    ("BUSINESS\nCentral bank holds rates for a third month\nSPORT\nOstraven wins the cup on penalties",
     ["Central bank holds rates for a third month", "Ostraven wins the cup on penalties"]),
    # a single headline under a label in capitals
    ("MORE COVERAGE\nHow the reservists are called up", ["How the reservists are called up"]),
])
def test_headline_lists_with_furniture_between_the_items(box, items):
    cleaned = clean_text(page(HEAD, P1, P2, box, P3, P4))
    for item in items:
        assert item not in cleaned.text
    assert_body_intact(cleaned)


# --- pull quotes, credits, author boxes, reader promos ------------------------------------------

@pytest.mark.parametrize("pull_quote", [
    "\"Nobody crosses until Kestria explains what these troops are for\"",
    "Nobody crosses until Kestria explains what these troops are for — Dario Pell",
    "a routine exercise planned since the spring",
])
def test_pull_quote_repeating_a_paragraph_goes(pull_quote):
    cleaned = clean_text(page(HEAD, P1, P2, pull_quote, P3, P4))
    assert removed(cleaned).get(pull_quote) == "other"
    assert_body_intact(cleaned)


def test_short_paragraph_not_repeated_elsewhere_is_not_a_pull_quote():
    short = "\"We are ready for anything,\" a border guard at the Ostraven crossing said."
    cleaned = clean_text(page(HEAD, P1, P2, short, P3, P4))
    assert short in cleaned.text and cleaned.removed == ()


@pytest.mark.parametrize("furniture", [
    "Ledger writers Ana Ruiz in Ostraven and Ivo Berg in Kestria contributed.",
    "Staff reporters in the capital contributed reporting.",
    "Follow our live coverage of the border crisis here",
    "Read: The fishing dispute that poisoned relations",
    "15m ago",
])
def test_credits_promos_and_links_inside_the_story_go(furniture):
    cleaned = clean_text(page(HEAD, P1, P2, furniture, P3, P4))
    assert furniture not in cleaned.text and furniture in removed(cleaned)
    assert_body_intact(cleaned)


def test_named_author_box_at_the_foot_goes_but_not_in_the_story():
    box = "Ana Ruiz is the Ledger's frontier correspondent and has reported from Ostraven since 2019."
    inside = ("Ivo Berg is a former reporter who was detained at the crossing on Thursday and "
              "released the next morning without charge.")
    cleaned = clean_text(page(HEAD, P1, inside, P2, P3, P4, box))
    assert inside in cleaned.text
    assert removed(cleaned).get(box) == "other"


def test_staff_who_contributed_to_an_effort_stay():
    sentence = "Hospital staff contributed to the relief effort by opening two extra wards on Friday."
    cleaned = clean_text(page(HEAD, P1, P2, sentence, P3, P4))
    assert sentence in cleaned.text


@pytest.mark.parametrize("furniture", [
    "From: Ministry of the Interior and Dario Pell",
    "Editor: Lin Havel",
    "Is this page useful? Yes | No",
    "For information media. Not an official record.",
    "(This story has not been edited by Ledger staff and is auto-generated from a syndicated feed.)",
])
def test_government_and_syndication_page_furniture_goes(furniture):
    cleaned = clean_text(page(HEAD, P1, P2, P3, P4, furniture))
    assert cleaned.text.endswith(P4) and furniture in removed(cleaned)


def test_body_sentence_about_distribution_stays():
    sentence = "Aid distributed by the Red Cross reached 4,000 families on the Kestrian side."
    cleaned = clean_text(page(HEAD, P1, P2, P3, P4, sentence))
    assert cleaned.text.endswith(sentence)


def test_numbered_reading_list_between_list_markers_goes():
    box = ("Keep reading\nlist of 3 items\nlist 1 of 3\nFarmers block the ring road over diesel "
           "prices\nlist 2 of 3\nCourt frees jailed blogger after six months\nlist 3 of 3\n"
           "Storm cuts power to 40,000 homes\nend of list")
    cleaned = clean_text(page(HEAD, P1, P2, box, P3, P4))
    for item in ("Farmers block", "Court frees", "Storm cuts", "list 2 of 3", "Keep reading"):
        assert item not in cleaned.text
    assert_body_intact(cleaned)


@pytest.mark.parametrize("furniture", [
    "This is a developing story and will be updated.",
    "Follow the Ledger's frontier desk on Telegram",
    "Follow our coverage at https://ledger.example/frontier",
    "An hour ago",
])
def test_breaking_news_notes_and_follow_prompts_go(furniture):
    cleaned = clean_text(page(HEAD, P1, P2, furniture, P3, P4))
    assert furniture not in cleaned.text and furniture in removed(cleaned)


def test_body_sentence_about_a_post_on_social_media_stays():
    sentence = "Pell said on Telegram that the crossings would stay shut at least until Monday."
    cleaned = clean_text(page(HEAD, P1, P2, sentence, P3, P4))
    assert sentence in cleaned.text


def test_wire_source_line_at_the_foot_does_not_take_the_last_paragraph():
    closing = "Talks are due to resume on Monday."
    cleaned = clean_text(page(HEAD, *BODY, closing, "Reuters"))
    assert cleaned.text.endswith(closing) and cleaned.captions == ()
    assert removed(cleaned) == {"Reuters": "other"}
    cleaned = clean_text(page(HEAD, *BODY, closing, "AFP/AP"))
    assert cleaned.text.endswith(closing) and cleaned.captions == ()


@pytest.mark.parametrize("appeal", ["Thank you for reading the Ledger.",
                                    "Tell us what you think.", "Share your story with us."])
def test_appeals_to_the_reader_at_the_foot_go(appeal):
    cleaned = clean_text(page(HEAD, *BODY, appeal))
    assert cleaned.text.endswith(P4) and removed(cleaned).get(appeal) == "promo"


@pytest.mark.parametrize("closing", ["\"You will see us back here tomorrow,\" one driver said.",
                                     "Our correspondent says the mood at the crossing is tense.",
                                     "Kestria has not yet replied.",
                                     "Stay calm, the governor urged residents.",
                                     "Never has the frontier been so quiet."])
def test_short_closing_paragraphs_stay(closing):
    cleaned = clean_text(page(HEAD, *BODY, closing))
    assert cleaned.text.endswith(closing)


def test_long_byline_in_the_header_goes():
    byline = "By Ana Ruiz in Ostraven and Ivo Berg in the Kestrian capital, Frontier desk"
    cleaned = clean_text(page(HEAD, byline, *BODY))
    assert removed(cleaned).get(byline) == "other" and cleaned.title == HEAD


def test_summary_bullets_under_a_summary_label_stay():
    summary = ("Summary\n- Velmora shuts all four crossings on its eastern border\n"
               "- Kestria calls the call-up a routine exercise\n- Trade has been falling since autumn")
    cleaned = clean_text(page(HEAD, summary, *BODY))
    assert "Velmora shuts all four crossings on its eastern border" in cleaned.text
    assert "Kestria calls the call-up a routine exercise" in cleaned.text


@pytest.mark.parametrize("look_alike", [
    "Analysts pointed to Kestria's links to more radical groups across the estuary.",
    "Note the timing: the call-up came a day before the vote.",
])
def test_body_sentences_near_furniture_phrases_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text


@pytest.mark.parametrize("footer", [
    "The views expressed in this article are the author's own and do not necessarily reflect the Ledger's editorial stance.",
    "Lin Havel is a senior fellow at the Ostraven Institute for Frontier Studies.",
])
def test_analysis_disclaimers_and_author_notes_at_the_foot_go(footer):
    cleaned = clean_text(page(HEAD, *BODY, footer))
    assert cleaned.text.endswith(P4) and footer in removed(cleaned)


def test_entry_bylines_in_a_live_blog_go_headlines_stay():
    entries = page("18:05 CET", "Border stays shut, Pell says", "Ana Ruiz\nFrontier correspondent",
                   P1, "16:40 CET", "Reservists report to barracks", "Reporting from Ostraven", P3)
    cleaned = clean_text(page(HEAD, P2, entries, P4))
    for gone in ("Ana Ruiz", "Frontier correspondent", "Reporting from Ostraven"):
        assert gone not in cleaned.text and gone in removed(cleaned)
    assert "Border stays shut, Pell says" in cleaned.text
    assert "Reservists report to barracks" in cleaned.text
    assert_body_intact(cleaned)


def test_subheading_about_reporters_stays():
    for subheading in ("Reporters detained at the crossing", "An editor's warning"):
        cleaned = clean_text(page(HEAD, P1, P2, subheading, P3, P4))
        assert subheading in cleaned.text


def test_two_stacked_headlines_of_other_stories_go():
    pair = ("Opposition leader wins appeal against five-year ban from politics\n"
            "Storm cuts power to 40,000 homes along the northern coast")
    cleaned = clean_text(page(HEAD, P1, P2, pair, P3, P4))
    assert "Opposition leader wins appeal" not in cleaned.text
    assert "Storm cuts power" not in cleaned.text
    assert_body_intact(cleaned)


def test_every_line_of_a_cluttered_page_is_kept_or_reported():
    text = page("Home / World / Eastern Europe", HEAD, "By Ana Ruiz, frontier correspondent",
                "3 hours ago", P1, "WATCH: Queues at the crossing (01:52)", P2,
                "Image caption\nLorries wait at the Ostraven crossing", "14:32 BST", P3,
                "Share this entry", "Share this entry", "Share this entry", P4,
                "MOST SHARED\n1. Farmers block the ring road\n2. Court frees jailed blogger",
                "Correction: An earlier version misspelled the crossing's name.")
    cleaned = clean_text(text)
    kept = cleaned.text.split("\n\n")
    reported = [r.text for r in cleaned.removed]
    for line in (ln.strip() for ln in text.split("\n")):
        if line:
            assert line in kept or line in reported or line == cleaned.title, line
    assert kept == list(BODY)


@pytest.mark.parametrize("standfirst", [
    "By nightfall the army had sealed every road into the border villages",
    "By Tuesday most of the reservists had reported to their units",
    "Source of the trouble lies in a decades-old fishing dispute",
])
def test_standfirst_that_opens_like_a_byline_stays(standfirst):
    cleaned = clean_text(page(HEAD, standfirst, *BODY))
    assert standfirst in cleaned.text


def test_figures_after_a_colon_line_stay():
    figures = "Latest figures from the ministry:\nDeaths: 4\nInjured: 37\nMissing: 12"
    cleaned = clean_text(page(HEAD, P1, P2, figures, P3, P4))
    for kept in ("Deaths: 4", "Injured: 37", "Missing: 12"):
        assert kept in cleaned.text
