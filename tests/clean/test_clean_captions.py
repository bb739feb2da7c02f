"""Captions recognised by the marks a picture leaves in pasted text: markers, labels, credits.

Invented snippets only; each shape has captions that must move to ``captions`` and body lines
that look like them and must stay.
"""
from __future__ import annotations

import pytest

from eventwire.clean import clean_text

HEAD = "Flood waters reach the old town of Brenvik as river bursts its banks"
P1 = ("BRENVIK — The river Asel burst its banks on Sunday night and flooded the old town of "
      "Brenvik, forcing about 3,000 people from their homes, the regional governor said.")
P2 = ("\"The water rose faster than anyone had predicted,\" Governor Mira Tallen told the Coast "
      "Courier, adding that two pumping stations had failed in the night.")
P3 = ("Soldiers and volunteers filled sandbags through the night, and the army sent four "
      "amphibious vehicles to reach villages cut off downstream, officials said.")
P4 = ("Forecasters expect more rain on Tuesday, and the governor has asked the national "
      "government to release money from its emergency fund by the end of the week.")


def page(*parts: str) -> str:
    return "\n\n".join(parts)


def assert_separated(cleaned, caption: str) -> None:
    assert caption not in cleaned.text
    assert any(caption in c for c in cleaned.captions), cleaned.captions


def assert_body(cleaned) -> None:
    for paragraph in (P1, P2, P3, P4):
        assert paragraph in cleaned.text


@pytest.mark.parametrize("marks,caption", [
    ("Image caption\nResidents wade through the main square of Brenvik", 
     "Residents wade through the main square of Brenvik"),
    ("Image caption, Volunteers stack sandbags outside the town hall",
     "Volunteers stack sandbags outside the town hall"),
    ("[Image]\nA rescue boat passes the flooded railway station on Monday",
     "A rescue boat passes the flooded railway station on Monday"),
    ("Photo 3 of 8\nCattle stranded on a dyke south of the town",
     "Cattle stranded on a dyke south of the town"),
    ("[Image: A soldier carries an elderly woman to a boat]",
     "A soldier carries an elderly woman to a boat"),
])
def test_caption_after_a_picture_marker(marks, caption):
    cleaned = clean_text(page(HEAD, P1, P2, marks, P3, P4))
    assert_separated(cleaned, caption)
    assert_body(cleaned)


@pytest.mark.parametrize("marks,caption", [
    ("Firefighters pump water from a cellar in the old town\nPhoto by Lene Ask for the Coast Courier",
     "Firefighters pump water from a cellar in the old town"),
    ("A flooded street near the cathedral on Monday.\nLene Ask/Coast Courier",
     "A flooded street near the cathedral on Monday."),
    ("The river Asel at its highest level since 1997\n(Photo: Lene Ask/Wire)",
     "The river Asel at its highest level since 1997"),
    ("Governor Mira Tallen (left) meets rescue workers in Brenvik on Monday",
     "Governor Mira Tallen (left) meets rescue workers in Brenvik on Monday"),
    ("The flooded districts, shaded in blue (Map: Coast Courier graphics)",
     "The flooded districts, shaded in blue"),
])
def test_caption_with_a_credit(marks, caption):
    cleaned = clean_text(page(HEAD, P1, P2, marks, P3, P4))
    assert_separated(cleaned, caption)
    assert_body(cleaned)


@pytest.mark.parametrize("look_alike", [
    "Photos by residents showed water up to the windows of the town's only hospital.",
    "A photo released by the army showed soldiers lifting children into a boat.",
    "The governor said the images from the old town were heartbreaking.",
    "Pictures by the state broadcaster showed the bridge giving way at dawn.",
])
def test_body_sentences_about_pictures_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text
    assert cleaned.captions == ()


def test_wire_byline_in_the_header_is_not_a_photo_credit():
    cleaned = clean_text(page(HEAD, "Coast Courier", "AFP", P1, P2, P3, P4))
    assert cleaned.title == HEAD
    assert cleaned.captions == ()
    assert P1 in cleaned.text


@pytest.mark.parametrize("slide,caption", [
    ("3/12 Rescuers search a collapsed barn outside Brenvik", "Rescuers search a collapsed barn"),
    ("Photo 4 of 9: A family waits on a rooftop for a boat", "A family waits on a rooftop"),
    ("Image 2/6 - Sandbags line the quay in the old harbour", "Sandbags line the quay"),
])
def test_slideshow_line_with_its_caption(slide, caption):
    cleaned = clean_text(page(HEAD, P1, P2, slide, P3, P4))
    assert_separated(cleaned, caption)
    assert_body(cleaned)


def test_counted_body_sentence_is_not_a_slide():
    sentence = "2 of 5 pumping stations in the old town were still out of action on Monday."
    cleaned = clean_text(page(HEAD, P1, P2, sentence, P3, P4))
    assert sentence in cleaned.text


@pytest.mark.parametrize("marks,caption", [
    ("[2/6] Volunteers carry sandbags along the quay in Brenvik. Lene Ask/Wire Purchase "
     "Licensing Rights", "Volunteers carry sandbags along the quay in Brenvik."),
    ("A rescue team reaches the flooded farm\nCredit...Lene Ask for the Coast Courier",
     "A rescue team reaches the flooded farm"),
    ("Sandbags stacked outside the town hall on Monday\n© Lene Ask/Coast Courier",
     "Sandbags stacked outside the town hall on Monday"),
])
def test_wire_slides_and_marked_credits(marks, caption):
    cleaned = clean_text(page(HEAD, P1, P2, marks, P3, P4))
    assert_separated(cleaned, caption)
    assert_body(cleaned)


def test_copyright_notice_is_not_a_photo_credit():
    notice = "© 2026 Coast Courier. All rights reserved."
    cleaned = clean_text(page(HEAD, P1, P2, P3, P4, notice))
    assert cleaned.captions == () and notice not in cleaned.text


@pytest.mark.parametrize("marks,caption", [
    ("Soldiers fill sandbags on the river bank\nAFP", "Soldiers fill sandbags on the river bank"),
    ("Rescuers row through the old town on Monday.\nReuters",
     "Rescuers row through the old town on Monday."),
    ("Click to enlarge\nThe flooded districts of Brenvik seen from the air",
     "The flooded districts of Brenvik seen from the air"),
    ("Above: the old town from the cathedral tower", "the old town from the cathedral tower"),
    ("Pumps drain a cellar near the market square | Reuters",
     "Pumps drain a cellar near the market square"),
])
def test_captions_with_wire_credits_and_picture_labels(marks, caption):
    cleaned = clean_text(page(HEAD, P1, P2, marks, P3, P4))
    assert_separated(cleaned, caption)
    assert_body(cleaned)


def test_closing_paragraph_above_a_wire_source_line_stays():
    closing = "More rain is expected on Tuesday."
    cleaned = clean_text(page(HEAD, P1, P2, P3, P4, closing, "Reuters"))
    assert cleaned.text.endswith(closing) and cleaned.captions == ()
    cleaned = clean_text(page(HEAD, "Reuters", P1, P2, P3, P4))
    assert cleaned.title == HEAD and cleaned.captions == ()


@pytest.mark.parametrize("marks,caption", [
    ("Boats moored in the flooded high street\n[Reuters]", "Boats moored in the flooded high street"),
    ("A child is carried to safety in Brenvik [AFP/Lene Ask]", "A child is carried to safety"),
    ("A dyke gives way south of the town\nPicture credit: Lene Ask", "A dyke gives way south of the town"),
])
def test_bracketed_and_labelled_credits(marks, caption):
    cleaned = clean_text(page(HEAD, P1, P2, marks, P3, P4))
    assert_separated(cleaned, caption)
    assert_body(cleaned)


def test_caption_above_a_bare_marker_at_the_end_of_a_paragraph_run():
    cleaned = clean_text(page(HEAD, P1, P2, "Volunteers at the pumping station on Monday", "[Photo]",
                              P3, P4))
    assert_separated(cleaned, "Volunteers at the pumping station on Monday")
    assert_body(cleaned)


def test_story_paragraph_after_an_uncaptioned_marker_stays():
    lede = ("BRENVIK — The river Asel burst its banks on Sunday night, the regional governor "
            "said, forcing about 3,000 people from their homes.")
    cleaned = clean_text(page(HEAD, "[Image]", lede, P2, P3, P4))
    assert lede in cleaned.text and cleaned.captions == ()
