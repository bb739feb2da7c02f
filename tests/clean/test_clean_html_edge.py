"""Pages that used to lose all their text: nesting deeper than libxml2 follows (256 levels)
and an article after megabytes of inline script. Generated here, not copied from anywhere."""
from __future__ import annotations

import pytest

from eventwire.clean.html import flatten, html_to_text, strip_code
from eventwire.ingest import read_inputs
from eventwire.model import Document

PARA = ("<p>The river authority said on Monday that the flood barrier would be raised again "
        "before the storm season, after engineers found cracks in two of its gates.</p>"
        "<p>Repairs are expected to take six weeks, the authority's spokeswoman added.</p>")


def nested(depth: int, tag: str = "div") -> str:
    return (f"<html><head><title>Barrier</title></head><body>{f'<{tag}>' * depth}{PARA}"
            f"{f'</{tag}>' * depth}</body></html>")


def after_script(size: int) -> str:
    code = "var blob = '" + "ab<c/d>e " * (size // 9) + "';"
    return (f"<html><head><title>Barrier</title></head><body><script>{code}</script>"
            f"<article>{PARA}</article></body></html>")


@pytest.mark.parametrize("depth,tag", [(254, "div"), (300, "span"), (2500, "section"),
                                       (10_000, "div")])
def test_html_deeply_nested_page_keeps_its_text(depth, tag):
    text, _ = html_to_text(nested(depth, tag))
    assert "flood barrier would be raised" in text and "six weeks" in text


def test_html_article_after_two_megabyte_script_keeps_its_text():
    page = after_script(2_200_000)
    assert len(page) > 2_000_000
    text, meta = html_to_text(page)
    assert "flood barrier would be raised" in text and "blob" not in text
    assert meta["title"] == "Barrier"


def test_html_ingest_reads_both_pages_from_files(tmp_path):
    (tmp_path / "deep.html").write_text(nested(600), encoding="utf-8")
    (tmp_path / "script.html").write_text(after_script(2_500_000), encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert all(isinstance(i, Document) for i in items) and len(items) == 2
    assert all("six weeks" in i.html and len(i.html) < 100_000 for i in items)


def test_html_strip_code_keeps_small_json_ld_and_drops_scripts_and_comments():
    page = ('<script type="application/ld+json">{"datePublished": "2026-03-02"}</script>'
            "<script>alert(1)</script><style>p{}</style><!-- note --><p>Text</p>")
    out = strip_code(page)
    assert "datePublished" in out and "alert" not in out and "p{}" not in out
    assert "note" not in out and "<p>Text</p>" in out


def test_html_flatten_turns_blocks_into_paragraphs_and_drops_inline_wrappers():
    out = flatten("<div><div><span>One</span></div><section><b>Two</b></section></div>")
    assert "span" not in out and "section" not in out and out.count("<p>") == 3
    assert "One" in out and "Two" in out
