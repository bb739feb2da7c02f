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


_P1 = ("<p>The coast guard of Velmora stopped three fishing boats from Kestria near the Marren "
       "estuary on Sunday, accusing their crews of fishing inside Velmoran waters.</p>")
_P2 = ("<p>Kestria's fisheries minister said the boats had been in international waters and "
       "demanded that the crews be released without delay, according to a statement.</p>")
_P3 = ("<p>The estuary has been the scene of repeated incidents since the two countries failed "
       "to agree on a new fishing treaty in the spring of last year.</p>")


def _page(middle: str) -> str:
    return f"<html><body><article>{_P1}{middle}{_P2}{_P3}</article></body></html>"


def _clean(html: str):
    text, _ = html_to_text(html)
    return clean_text(text)


def test_html_captions_in_any_caption_class_figure_or_image_container():
    cases = [
        ("<div class='Media-Caption__text'>Coast guard cutters in the estuary at dawn</div>",
         "Coast guard cutters in the estuary at dawn"),
        ("<figure><img src='boats.jpg' width='800'> Seized boats moored at Port Anselm "
         "<span>Wire photo</span></figure>", "Seized boats moored at Port Anselm"),
        ("<p><img src='crew.jpg' width='640'> Crew members wait on the quay in Port Anselm</p>",
         "Crew members wait on the quay in Port Anselm"),
    ]
    for markup, caption in cases:
        cleaned = _clean(_page(markup))
        assert any(caption in c for c in cleaned.captions), (markup, cleaned.captions)
        assert caption not in cleaned.text
        assert "demanded that the crews be released" in cleaned.text


def test_html_figure_caption_and_its_inner_span_give_one_caption():
    markup = ("<figure><img src='q.jpg' width='900'><figcaption><span class='caption'>Fishermen "
              "mend nets in Port Anselm</span> <span class='credit'>Ana Ruiz/Wire</span>"
              "</figcaption></figure>")
    cleaned = _clean(_page(markup))
    assert cleaned.captions == ("Fishermen mend nets in Port Anselm Ana Ruiz/Wire",)


def test_html_short_paragraph_with_an_icon_and_a_wrapper_class_stay():
    icon = "<p><img src='/static/flag-icon.png' width='16'> Kestria recalled its ambassador.</p>"
    cleaned = _clean(_page(icon))
    assert "Kestria recalled its ambassador." in cleaned.text
    wrapper = (f"<html><body><div class='story has-captions'>{_P1}{_P2}{_P3}</div></body></html>")
    cleaned = _clean(wrapper)
    assert "demanded that the crews be released" in cleaned.text and cleaned.captions == ()
