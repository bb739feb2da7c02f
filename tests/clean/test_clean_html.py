"""html_to_text: body text out of a page, captions set apart, metadata from the page."""
from __future__ import annotations

from eventwire.clean import clean_text, html_to_text


def test_html_fragment_falls_back_to_block_text():
    text, meta = html_to_text("<p>Borvia closed the border.</p><p>Arland protested.</p>")
    assert text == "Borvia closed the border.\n\nArland protested."
    assert meta == {"title": None, "published": None, "url": None, "source": None}


def test_html_classed_caption_is_lifted():
    page = ("<html><body><article><p>The navy of Arland held drills near the strait on Tuesday, "
            "officials said, in a show of force after weeks of tension.</p>"
            "<div class='wp-caption-text'>Warships in the strait. Credit: Navy handout</div>"
            "<p>Borvia called the drills a provocation and summoned the Arland envoy.</p>"
            "</article></body></html>")
    text, _ = html_to_text(page)
    cleaned = clean_text(text)
    assert cleaned.captions == ("Warships in the strait. Credit: Navy handout",)
    assert "Warships" not in cleaned.text and "summoned the Arland envoy" in cleaned.text


def test_html_nothing_readable_gives_empty_text():
    assert html_to_text("<html><head><script>x()</script></head><body></body></html>")[0] == ""
    assert html_to_text("")[0] == ""
