"""clean_text on made-up article snippets: furniture out (and kept in ``removed``), body in."""
from __future__ import annotations

import pytest

from eventwire.clean import clean_text, load_rules

BODY1 = ("ARLANDIA — The government of Arland recalled its ambassador from Borvia on Tuesday, "
         "accusing its neighbour of moving troops towards the shared border.")
BODY2 = ("\"We will not accept threats on our doorstep,\" Foreign Minister Ilse Varga told "
         "reporters in the capital, adding that talks would continue only if the troops withdrew.")
BODY3 = ("Borvia's defence ministry denied the charge and said the units were taking part in "
         "exercises planned months ago, according to a statement issued late on Tuesday.")


def _article(*middle: str, head: str = "Arland recalls envoy as Borvia masses troops") -> str:
    return "\n\n".join([head, BODY1, *middle, BODY2, BODY3])


def _kinds(cleaned) -> dict[str, str]:
    return {r.text: r.kind for r in cleaned.removed}


@pytest.mark.parametrize("furniture,kind", [
    ("PHOTO: Troops on the move near the border on Monday. (Wire photo)", "caption"),
    ("[Image] Ilse Varga speaks to reporters in the capital. Photo: AFP", "caption"),
    ("Soldiers guard a checkpoint outside the capital. Credit: Reuters", "caption"),
    ("Border guards at a crossing point (Anna Kis/AP)", "caption"),
    ("A convoy crosses the river near the border on Sunday. ANNA KIS/BORVIAN DEFENCE MINISTRY",
     "caption"),
    ("Tags: Arland, Borvia, diplomacy, troops", "tags"),
    ("Filed under: Europe | Diplomacy | Border disputes", "tags"),
    ("Related: Borvia holds snap election amid protests", "nav"),
    ("Read more: What the border dispute is about", "nav"),
    ("READ MORE: Timeline of the crisis", "nav"),
    ("Advertisement", "nav"),
    ("Share this article: Facebook | X | WhatsApp | Email", "nav"),
    ("Home | World | Europe | Politics", "nav"),
    ("Copyright 2021 The Arland Times. All rights reserved.", "nav"),
    ("Leave a comment", "nav"),
    ("You must log in or register to reply here.", "nav"),
    ("Sign up for our Europe newsletter and get the top stories every morning.", "promo"),
    ("Get the Daily Briefing in your inbox. Subscribe free", "promo"),
    ("Editor's pick", "promo"),
    ("Want more? Become a member for unlimited reading. Start your free trial", "promo"),
    ("Posted Tuesday, March 2, 2021", "other"),
    ("By Staff Reporter | 2021-03-02", "other"),
    ("Updated 14:05, 02/03/2021", "other"),
    ("Reuters contributed to this report.", "other"),
])
def test_clean_takes_out_furniture(furniture, kind):
    cleaned = clean_text(_article(furniture))
    assert furniture not in cleaned.text
    assert _kinds(cleaned).get(furniture) == kind
    for body in (BODY1, BODY2, BODY3):
        assert body in cleaned.text


@pytest.mark.parametrize("sentence", [
    "A photo released by the ministry showed tanks on a train near the border.",
    "The photographer who took the picture was later detained by police.",
    "Reporters asked Varga to comment, but she declined and left the room.",
    "The union urged members to subscribe to its newsletter for updates on the strike.",
    "\"Share the burden, and we will share the rewards,\" the prime minister said.",
    "Related talks in Vienna, on energy supplies, were postponed until next week.",
    "The vote was 61 to 40, with one abstention.",
    "Tensions rose after the incident.",
])
def test_clean_keeps_body_sentences_that_mention_cues(sentence):
    cleaned = clean_text(_article(sentence))
    assert sentence in cleaned.text
    assert cleaned.removed == ()


def test_clean_subheading_in_the_middle_stays():
    cleaned = clean_text(_article("Talks in doubt"))
    assert "Talks in doubt" in cleaned.text


def test_clean_caption_then_credit_line():
    cleaned = clean_text(_article("Residents inspect a damaged bridge near the border.\nPhoto: AFP"))
    assert cleaned.captions == ("Residents inspect a damaged bridge near the border. Photo: AFP",)
    assert [r.kind for r in cleaned.removed] == ["caption", "caption"]
    assert "damaged bridge" not in cleaned.text


def test_clean_tag_line_then_caption():
    caption = ("Borvian tanks roll through a village near the border on March 1. The ministry "
               "said the drills would last a week. Jan Novak/Borvian Ministry of Defence")
    cleaned = clean_text(_article("borvia, tanks, border, drills, 2021\n" + caption))
    assert cleaned.captions == (caption,)
    assert _kinds(cleaned) == {"borvia, tanks, border, drills, 2021": "tags", caption: "caption"}
    assert "Borvian tanks roll" not in cleaned.text


def test_clean_caption_printed_twice_goes_once_to_captions():
    bare = "Police and voters push at the entrance to a polling station in Dorf, March 1, 2021."
    cleaned = clean_text(_article(bare + "\n" + bare + " Anna Kis/AFP"))
    assert "polling station in Dorf" not in cleaned.text
    assert len(cleaned.captions) == 1 and cleaned.captions[0].endswith("Anna Kis/AFP")


def test_clean_promo_list_block_goes_whole():
    promo = "Arland Times cover\n  • Magazine delivered to your door\n  • Unlimited access\n" \
            "  • Ad free experience\n  • All newsletters + podcasts"
    cleaned = clean_text(_article(promo))
    assert {r.kind for r in cleaned.removed} == {"promo"}
    assert len(cleaned.removed) == 5 and "Arland Times cover" not in cleaned.text


def test_clean_see_also_list():
    cleaned = clean_text(_article() + "\n\nSee also:\nBorvia's army explained\nQ&A: the border row")
    assert [r.kind for r in cleaned.removed] == ["nav", "nav", "nav"]
    assert cleaned.text.endswith(BODY3)


def test_clean_comment_box_footer():
    footer = "Comments\n\nLeave your comment\nName, email and message are required. Your email " \
             "address will not be shown.\nSend\n\nBack to top"
    cleaned = clean_text(_article() + "\n\n" + footer)
    assert cleaned.text.endswith(BODY3)
    assert {r.kind for r in cleaned.removed} == {"nav"} and len(cleaned.removed) == 5


def test_clean_page_header_lines_and_headline():
    head = ("Skip to main content | Skip to search\nBREAKING NEWS\n\nMonday, 1 March, 2021, "
            "21:10 GMT\n\nArland recalls envoy as Borvia masses troops")
    cleaned = clean_text(_article(head=head))
    assert cleaned.title == "Arland recalls envoy as Borvia masses troops"
    assert cleaned.text.startswith("ARLANDIA")
    assert [r.kind for r in cleaned.removed] == ["nav", "nav", "other"]


def test_clean_headline_moves_to_title_not_removed():
    cleaned = clean_text(_article())
    assert cleaned.title == "Arland recalls envoy as Borvia masses troops"
    assert cleaned.text.startswith("ARLANDIA") and cleaned.removed == ()


def test_clean_headline_ending_in_abbreviation():
    cleaned = clean_text(_article(head="Arland frees two prisoners in swap with the U.S."))
    assert cleaned.title == "Arland frees two prisoners in swap with the U.S."


def test_clean_no_headline_when_text_starts_with_body():
    cleaned = clean_text("\n\n".join([BODY1, BODY2]))
    assert cleaned.title is None and cleaned.text.startswith("ARLANDIA")


def test_clean_title_hint_picks_the_headline():
    text = "World News\n\nArland recalls envoy\n\n" + BODY1
    cleaned = clean_text(text, title="Arland recalls envoy")
    assert cleaned.title == "Arland recalls envoy"
    assert "World News" not in cleaned.text


def test_clean_normalises_whitespace_and_keeps_paragraphs():
    text = "  ARLANDIA —  The  government\u00a0of Arland\trecalled its ambassador on Tuesday.  \r\n" \
           "\r\n\r\n\r\nBorvia  denied the charge and said the troops were on exercise.\u200b"
    cleaned = clean_text(text)
    assert cleaned.text == ("ARLANDIA — The government of Arland recalled its ambassador on "
                            "Tuesday.\n\nBorvia denied the charge and said the troops were on "
                            "exercise.")


def test_clean_rejoins_hard_wrapped_lines():
    text = ("ARLANDIA — The government of Arland recalled its\nambassador from Borvia on "
            "Tuesday, accusing its so-\ncalled neighbour of moving troops.\nBorvia denied it.")
    cleaned = clean_text(text)
    assert cleaned.text == ("ARLANDIA — The government of Arland recalled its ambassador from "
                            "Borvia on Tuesday, accusing its so-called neighbour of moving troops.\n\n"
                            "Borvia denied it.")


def test_clean_nothing_is_lost():
    text = _article("Advertisement", "Tags: a, b", "PHOTO: A tank. (Wire photo)")
    cleaned = clean_text(text)
    kept = cleaned.text.split("\n\n") + [r.text for r in cleaned.removed] + [cleaned.title]
    for line in (ln.strip() for ln in text.split("\n")):
        if line:
            assert line in kept


def test_clean_empty_input():
    cleaned = clean_text("")
    assert cleaned.text == "" and cleaned.removed == () and cleaned.title is None


def test_clean_rules_load_from_data():
    rules = load_rules()
    assert rules.promo_cue.search("Sign up for our newsletter")
    assert rules.max_furniture_words > rules.short_fragment_words
