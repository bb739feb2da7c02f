"""Whole test pages in layouts the gold articles do not have, read as an analyst would.

Each page in ``tests/data/clean_pages`` (wire copy, broadcaster and newspaper pages, a live
blog, state media, an analysis, old portals, an HTML page with figures) was written for these
tests; ``expected.yaml`` names the story passages that must stay, the furniture that must
leave the body and the captions that must be set apart. One test per page, so a failure
names the layout.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire.clean import clean_text, html_to_text

PAGES = Path(__file__).resolve().parents[1] / "data" / "clean_pages"
EXPECTED = yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))


def _clean(name: str):
    raw = (PAGES / name).read_text(encoding="utf-8")
    if name.endswith(".html"):
        text, meta = html_to_text(raw)
        return clean_text(text, title=meta.get("title"))
    return clean_text(raw, title=raw.split("\n", 1)[0])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_is_cleaned_as_an_analyst_would(name):
    want = EXPECTED[name]
    cleaned = _clean(name)
    captions = " ".join(cleaned.captions)
    for passage in want["body"]:
        assert passage in cleaned.text, f"story text lost: {passage!r}"
    for line in want["clutter"]:
        assert line not in cleaned.text, f"clutter left in the body: {line!r}"
    for caption in want["captions"]:
        assert caption in captions and caption not in cleaned.text, \
            f"caption not set apart: {caption!r} (captions: {cleaned.captions})"


def test_every_page_has_expectations():
    pages = {p.name for p in PAGES.iterdir() if p.suffix in (".txt", ".html")}
    assert pages == set(EXPECTED)
