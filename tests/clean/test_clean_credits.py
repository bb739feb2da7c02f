"""Credits, sign-offs, copyright lines and other furniture by shape: invented snippets only.

Each rule has at least three pages where the furniture must leave the body (and a caption
must reach ``captions``) and look-alike story lines that must stay where they are.
"""
from __future__ import annotations

import pytest

from eventwire.clean import clean_text

HEAD = "Dockers at Tarvel walk out as wage talks collapse"
P1 = ("TARVEL — Dock workers at the port of Tarvel walked off the job on Monday after talks "
      "with the port authority over unpaid overtime broke down late on Sunday, their union said.")
P2 = ("\"We were promised the money in March and we are still waiting,\" crane driver Olek "
      "Marsh told reporters outside the main gate, where about 300 strikers had gathered.")
P3 = ("The port authority said it had offered to pay half of the arrears this month and the "
      "rest by the end of the year, and called the stoppage unlawful.")
P4 = ("Shipping agents warned that more than twenty vessels were waiting to unload and that "
      "perishable cargo would be diverted to ports further along the coast within days.")
BODY = (P1, P2, P3, P4)


def page(*parts: str) -> str:
    return "\n\n".join(parts)


def assert_body_intact(cleaned) -> None:
    for paragraph in BODY:
        assert paragraph in cleaned.text


def assert_caption(cleaned, caption: str) -> None:
    assert caption not in cleaned.text
    assert any(caption in c for c in cleaned.captions), cleaned.captions


# --- captions closed by a credit in brackets -------------------------------------------------

@pytest.mark.parametrize("line,caption", [
    ("Strikers warm their hands at a brazier by the gate [Olek Marsh/Wire]",
     "Strikers warm their hands at a brazier by the gate"),
    ("Cranes stand idle over the container terminal on Monday (Lena Varn for The Harbour Post)",
     "Cranes stand idle over the container terminal on Monday"),
    ("Union members vote to extend the stoppage at a meeting in the dock canteen (TP)",
     "Union members vote to extend the stoppage"),
    ("A ship waits at anchor off the breakwater [File: Lena Varn/Wire]",
     "A ship waits at anchor off the breakwater"),
])
def test_caption_closed_by_a_bracketed_credit(line, caption):
    cleaned = clean_text(page(HEAD, P1, P2, line, P3, P4))
    assert_caption(cleaned, caption)
    assert_body_intact(cleaned)


@pytest.mark.parametrize("look_alike", [
    "The stoppage was called by the Transport and Dock Workers Union (TDWU).",
    "Talks are due to resume on Thursday (local time).",
    "Dock wages have not risen since the last agreement was signed in 2019 (see chart).",
])
def test_story_lines_ending_in_brackets_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text
    assert cleaned.captions == ()


# --- sentences about the picture itself ------------------------------------------------------

@pytest.mark.parametrize("line", [
    "In this photo provided by the port authority, strikers block the road to the ferry berth.",
    "In this image from video released by the union, police officers push back a picket line.",
    "This photo, taken on Monday by a harbour pilot, shows ships queuing outside the port.",
    "Photo taken on May 2 shows empty quays at the container terminal.",
])
def test_sentence_about_the_picture_is_a_caption(line):
    cleaned = clean_text(page(HEAD, P1, P2, line, P3, P4))
    assert_caption(cleaned, line)
    assert_body_intact(cleaned)


@pytest.mark.parametrize("look_alike", [
    "A photo released by the union showed officers dragging a picket away by his arms.",
    "In this port, every dispute since 1990 has ended with a deal on the quayside.",
    "Photos shared online on Monday showed queues of lorries stretching back to the motorway.",
])
def test_story_sentences_about_photos_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text
    assert cleaned.captions == ()


# --- a credit alone does not take a story paragraph as its caption ----------------------------

@pytest.mark.parametrize("paragraph,credit", [
    ("\"Nobody unloads until we are paid,\" a union steward said at the gate.",
     "Photo: Harbour Post"),
    ("The port authority said on Monday that the strike was costing it $1m a day.",
     "Lena Varn/Wire"),
    ("Police officers were posted at each of the three entrances to the terminal during the day, "
     "and a water cannon truck was parked near the canteen.", "Getty Images"),
])
def test_credit_alone_after_a_story_paragraph(paragraph, credit):
    cleaned = clean_text(page(HEAD, P1, P2, paragraph, credit, P3, P4))
    assert paragraph in cleaned.text
    assert credit not in cleaned.text
    assert_body_intact(cleaned)


@pytest.mark.parametrize("caption,credit", [
    ("Strikers outside the main gate on Monday", "Photo: Harbour Post"),
    ("Idle cranes at the container terminal.", "Lena Varn/Wire"),
    ("A picket line at dawn", "Getty Images"),
])
def test_credit_alone_still_takes_its_caption(caption, credit):
    cleaned = clean_text(page(HEAD, P1, P2, caption, credit, P3, P4))
    assert_caption(cleaned, caption)
    assert_body_intact(cleaned)


# --- copyright lines, sign-offs, editors' initials, labelled timestamps -------------------------

@pytest.mark.parametrize("line", [
    "Copyright © 2024 Harbour Post Media Ltd.",
    "© Harbour Post 2024",
    "(c) Copyright Wirelink 2011",
    "Harbour Online © Harbour Newspapers Limited 2009",
    "— Wirelink",
    "bur-ol/lv",
    "Lena Varn Published: 06.05.24, 09:15",
    "(Writing by Lena Varn; Editing by Olek Marsh)",
    "Talkbacks for this article: 31",
])
def test_copyright_signoff_and_stamp_lines_go_anywhere(line):
    for parts in ((HEAD, P1, P2, line, P3, P4), (HEAD, P1, P2, P3, P4, line)):
        cleaned = clean_text(page(*parts))
        assert line not in cleaned.text
        assert_body_intact(cleaned)


@pytest.mark.parametrize("look_alike", [
    "Copyright lawyers for the union said the port's new logo copied their banner.",
    "— and that, the union says, is the whole point of the strike.",
    "The strike committee published its demands on Monday: 4.5% and back pay.",
])
def test_story_lines_like_copyright_or_signoffs_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text


# --- share buttons, orphan box headings, comment sections -----------------------------------

@pytest.mark.parametrize("line", ["Share on WhatsApp", "Click to share on Telegram",
                                  "Share on LinkedIn", "Send via Messenger"])
def test_share_buttons_go(line):
    cleaned = clean_text(page(HEAD, P1, P2, line, P3, P4))
    assert line not in cleaned.text
    assert_body_intact(cleaned)


@pytest.mark.parametrize("label", ["TOP BUSINESS STORIES", "MORE FROM THE PORTS",
                                   "FEATURES, VIEWS, ANALYSIS"])
def test_capital_box_heading_without_its_links_goes(label):
    cleaned = clean_text(page(HEAD, P1, P2, label, P3, P4))
    assert label not in cleaned.text
    assert_body_intact(cleaned)


@pytest.mark.parametrize("heading,post", [
    ("Comments", "Posted by: Ivan | 6 May 2024 10:02"),
    ("Reader comments (2)", "Lena K. 06/05/2024 11:40"),
    ("3 comments", "Posted 6 May 2024 at 12:10 by docker_fan"),
])
def test_readers_comments_under_the_story_go(heading, post):
    comment = "The port has treated these men badly for years and this strike is overdue."
    cleaned = clean_text(page(HEAD, P1, P2, P3, P4, heading, post, comment))
    assert comment not in cleaned.text
    assert_body_intact(cleaned)


def test_comments_heading_without_posts_takes_nothing():
    closing = "The union will meet again on Wednesday to decide whether to extend the strike."
    cleaned = clean_text(page(HEAD, P1, P2, P3, "Comments", P4, closing))
    assert closing in cleaned.text
    assert_body_intact(cleaned)


def test_marker_takes_the_caption_of_its_own_block_first():
    short = "The port authority said it would reply on Friday."
    marked = "Strikers light flares at the gate\n[Photo]"
    cleaned = clean_text(page(HEAD, P1, P2, marked, short, P3, P4))
    assert_caption(cleaned, "Strikers light flares at the gate")
    assert short in cleaned.text
    assert_body_intact(cleaned)


# --- outlet or section names beside a date; appeals to follow; live-entry intros ---------------

@pytest.mark.parametrize("line", [
    "Harbour Online , Wednesday 8 May 2024",
    "WIRELINK NEWS - May 6, 2024 - 07:42 | Business, Ports",
    "Commentary / Europe 6 May 2024",
])
def test_outlet_and_date_line_in_the_header_goes(line):
    cleaned = clean_text(page(HEAD, line, P1, P2, P3, P4))
    assert line not in cleaned.text
    assert_body_intact(cleaned)


@pytest.mark.parametrize("look_alike", [
    "Strike to resume on 12 May",
    "Why 8 May matters",
    "Why 14 May matters to dockers",
])
def test_subheadings_with_dates_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text


@pytest.mark.parametrize("line", [
    "Track the latest port news on Harbour.com and get news updates from the coast.",
    "Stay tuned for more updates.",
    "Follow our WhatsApp channel",
    "The post appeared first on Harbour Daily.",
    "Also available in Français",
])
def test_appeals_and_republication_notes_go(line):
    for parts in ((HEAD, P1, P2, line, P3, P4), (HEAD, P1, P2, P3, P4, line)):
        cleaned = clean_text(page(*parts))
        assert line not in cleaned.text
        assert_body_intact(cleaned)


@pytest.mark.parametrize("intro,stamp", [
    ("Here are the live updates:", "14:05 IST"),
    ("Follow the day's events below:", "May 6, 2024"),
    ("Latest from the port:", "09:30 BST"),
])
def test_line_introducing_live_entries_goes(intro, stamp):
    entry = "Dockers blocked the ferry terminal for an hour before police opened the gates."
    cleaned = clean_text(page(HEAD, P1, P2, intro, f"{stamp}\n{entry}", P3, P4))
    assert intro not in cleaned.text and entry in cleaned.text
    assert_body_intact(cleaned)


def test_colon_before_a_list_of_demands_stays():
    intro = "The union set out three demands:"
    cleaned = clean_text(page(HEAD, P1, P2, intro, "- back pay\n- safer night shifts\n- a pay rise",
                              P3, P4))
    assert intro in cleaned.text


# --- more credit tails; credits above the story; a credit above its caption --------------------

@pytest.mark.parametrize("line,caption", [
    ("Pickets stand by a burning tyre at the south gate. (Reuters)", "Pickets stand by a burning"),
    ("A tug pushes an empty barge past the idle cranes. — Reuters", "A tug pushes an empty barge"),
    ("Police vans line the quay road on Monday - AFP", "Police vans line the quay road"),
    ("Containers stacked three high at the terminal. /Xinyu", "Containers stacked three high"),
    ("Strikers vote by a show of hands. Photo courtesy of the dockers' union",
     "Strikers vote by a show of hands."),
    ("The port's main gate, seen from the harbour wall. File photo",
     "The port's main gate, seen from the harbour wall."),
])
def test_caption_closed_by_a_credit_tail(line, caption):
    for parts in ((HEAD, P1, P2, line, P3, P4), (HEAD, line, P1, P2, P3, P4)):
        cleaned = clean_text(page(*parts))
        assert_caption(cleaned, caption)
        assert_body_intact(cleaned)


@pytest.mark.parametrize("look_alike", [
    "The port authority said the strike was illegal and would be challenged in court. — Reuters",
    "Olek Marsh told the crowd the dockers would stay out until they were paid - AFP",
    "Both sides will meet again on Friday, according to the mediator's office. /Xinyu",
])
def test_reported_paragraph_with_a_wire_tail_stays(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text


@pytest.mark.parametrize("caption,credit", [
    ("Strikers gather at the main gate before dawn.", "(Getty Images)"),
    ("A crane driver climbs down from his cab.", "Shutterstock"),
    ("Pickets warm their hands at a brazier.", "Photo: Harbour Post"),
])
def test_picture_credit_above_the_story_takes_its_caption(caption, credit):
    cleaned = clean_text(page(HEAD, f"{caption}\n{credit}", P1, P2, P3, P4))
    assert cleaned.title == HEAD
    assert_caption(cleaned, caption)
    assert_body_intact(cleaned)


def test_credit_under_the_headline_does_not_take_the_headline():
    cleaned = clean_text(page(HEAD, "Getty Images", P1, P2, P3, P4))
    assert cleaned.title == HEAD and HEAD not in " ".join(cleaned.captions)


@pytest.mark.parametrize("credit,caption", [
    ("Photo: Harbour Post", "Strikers block the ferry ramp at dawn."),
    ("Image: Wirelink", "Idle cranes over the empty container terminal"),
    ("Picture: Lena Varn", "A docker reads the union's strike notice."),
])
def test_credit_printed_above_its_caption(credit, caption):
    cleaned = clean_text(page(HEAD, P1, P2, f"{credit}\n{caption}", P3, P4))
    assert_caption(cleaned, caption)
    assert_body_intact(cleaned)


# --- a lone line describing a scene between paragraphs is a caption, not a link --------------

@pytest.mark.parametrize("line", [
    "Dockers march past the harbour master's office on Monday morning",
    "A striker holding a placard outside the port authority building",
    "Police officers watching the picket line from behind a fence at the south gate",
])
def test_lone_scene_line_between_paragraphs_is_a_caption(line):
    cleaned = clean_text(page(HEAD, P1, P2, line, P3, P4))
    assert_caption(cleaned, line)
    assert_body_intact(cleaned)


@pytest.mark.parametrize("headline", [
    "Ferry operator cuts winter timetable to three sailings a day",
    "Port city elects its first woman mayor in a close race",
    "Court fines shipping firm over oil spill near the harbour",
])
def test_lone_headline_of_another_story_is_not_a_caption(headline):
    cleaned = clean_text(page(HEAD, P1, P2, headline, P3, P4))
    assert headline not in cleaned.text
    assert headline not in " ".join(cleaned.captions)


# --- reporters' names without "By", reading times, a dateline alone --------------------------

@pytest.mark.parametrize("line", [
    "Lena Varn in Tarvel and Olek Marsh in Brenholm",
    "Lena Varn in Tarvel, Olek Marsh in Brenholm and agencies",
    "Lena Varn and Olek Marsh",
    "4 min read",
    "Reading time: 6 minutes",
    "TARVEL (Wirelink) —",
])
def test_reporter_names_reading_time_and_lone_dateline_go(line):
    for parts in ((HEAD, line, P1, P2, P3, P4), (HEAD, P1, P2, line, P3, P4)):
        cleaned = clean_text(page(*parts))
        assert line not in cleaned.text
        assert cleaned.title == HEAD
        assert_body_intact(cleaned)


@pytest.mark.parametrize("look_alike", [
    "Talks in Tarvel",
    "Dockers and sailors",
    "Union leaders in Tarvel and shipowners in Brenholm trade blame over the stoppage.",
])
def test_subheadings_and_sentences_like_bylines_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text


@pytest.mark.parametrize("bio", [
    "Lena Varn is the Harbour Post's labour correspondent and has covered the docks since 2015.",
    "Olek Marsh reports on shipping and trade for the Harbour Post.",
    "The writer is a maritime analyst based in Brenholm.",
])
def test_author_note_above_or_below_the_story_goes(bio):
    for parts in ((HEAD, "By Lena Varn", bio, P1, P2, P3, P4), (HEAD, P1, P2, P3, P4, bio)):
        cleaned = clean_text(page(*parts))
        assert bio not in cleaned.text
        assert_body_intact(cleaned)


def test_story_sentence_about_a_reporter_inside_the_story_stays():
    line = "Lena Varn is a former docker who now writes for the union's newsletter, Olek Marsh said."
    cleaned = clean_text(page(HEAD, P1, P2, line, P3, P4))
    assert line in cleaned.text


@pytest.mark.parametrize("line", [
    "(Adds comment from the port authority in paragraphs 6-7)",
    "(Updates with union statement, adds background)",
    "EDITOR'S NOTE — This story contains strong language.",
    "Map showing the ports affected by the strike",
    "Chart shows cargo volumes at Tarvel since January",
    "Watch the video above",
])
def test_wire_advisories_notes_and_graphic_captions_leave_the_body(line):
    for parts in ((HEAD, line, P1, P2, P3, P4), (HEAD, P1, P2, line, P3, P4)):
        cleaned = clean_text(page(*parts))
        assert line not in cleaned.text
        assert_body_intact(cleaned)


@pytest.mark.parametrize("look_alike", [
    "The union adds that it will not accept a deal without back pay.",
    "A map showing the new shipping lanes was published by the ministry on Friday, officials said.",
    "(The union later withdrew the claim.)",
])
def test_story_lines_like_advisories_stay(look_alike):
    cleaned = clean_text(page(HEAD, P1, P2, look_alike, P3, P4))
    assert look_alike in cleaned.text


@pytest.mark.parametrize("line", [
    "Image description: Dockers sit on bollards along the empty quay",
    "Alt text: A crane stands idle against a grey sky",
    "![Pickets at the south gate](https://example.org/pickets.jpg)",
])
def test_image_alt_texts_leave_the_body(line):
    for parts in ((HEAD, line, P1, P2, P3, P4), (HEAD, P1, P2, line, P3, P4)):
        cleaned = clean_text(page(*parts))
        assert line not in cleaned.text
        assert_body_intact(cleaned)
