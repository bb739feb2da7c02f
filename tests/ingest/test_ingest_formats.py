"""read_inputs over each supported format, using the small fixtures beside this file."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from eventwire.clean import clean_text, html_to_text
from eventwire.ingest import read_inputs, sniff
from eventwire.model import Document, Failure

FIXTURES = Path(__file__).parent / "fixtures"


def _all(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def _warc_record(rtype: str, uri: str, date: str, block: bytes) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash((uri, rtype))):032x}>\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def _http(body: str, ctype: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    data = body.encode("utf-8")
    return (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(data)}\r\n\r\n"
            ).encode() + data


def make_warc(path: Path, compress: bool) -> Path:
    """A crawl with a warcinfo, a request, two HTML responses, an image and a redirect."""
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    second = ("<html><body><article><p>Borvia closed its border crossings with Arland on "
              "Friday, citing smuggling, and recalled its customs officers from the joint "
              "post.</p></article></body></html>")
    records = [
        _warc_record("warcinfo", "", "2021-03-05T00:00:00Z", b"software: test\r\n"),
        _warc_record("request", "https://daily.example.org/a", "2021-03-05T10:00:00Z",
                     b"GET /a HTTP/1.1\r\nHost: daily.example.org\r\n\r\n"),
        _warc_record("response", "https://daily.example.org/a", "2021-03-05T10:00:01Z",
                     _http(page)),
        _warc_record("response", "https://daily.example.org/logo.png", "2021-03-05T10:00:02Z",
                     _http("PNG", ctype="image/png")),
        _warc_record("response", "https://daily.example.org/old", "2021-03-05T10:00:03Z",
                     _http("", status="301 Moved Permanently")),
        _warc_record("response", "https://daily.example.org/b", "2021-03-06T08:00:00Z",
                     _http(second)),
    ]
    if compress:  # one gzip member per record, as crawlers write them
        path.write_bytes(b"".join(gzip.compress(r) for r in records))
    else:
        path.write_bytes(b"".join(records))
    return path


def test_ingest_text_header_becomes_meta():
    (doc,) = _all(FIXTURES / "article.txt")
    assert isinstance(doc, Document)
    assert doc.meta.title == "Talks resume in Geneva"
    assert doc.meta.source == "Example Herald"
    assert doc.meta.published == "2020-11-24"
    assert doc.meta.url == "https://herald.example.com/talks"
    assert doc.text.startswith("Talks resume in Geneva\n\nGENEVA")
    assert "Published:" not in doc.text


def test_ingest_overrides_published_and_url():
    (doc,) = _all(FIXTURES / "article.txt", published="2020-12-01",
                  url="https://other.example.com/x")
    assert doc.meta.published == "2020-12-01"
    assert doc.meta.url == "https://other.example.com/x"


def test_ingest_html_keeps_markup_and_html_to_text_drops_scripts():
    (doc,) = _all(FIXTURES / "page.html")
    assert doc.html is not None and doc.text is None
    text, meta = html_to_text(doc.html)
    assert "Arland and Borvia agreed on Tuesday" in text
    for junk in ("SCRIPT-SHOULD-NOT-APPEAR", "INLINE-SCRIPT-IN-BODY", "font-family", "Sport",
                 "All rights reserved"):
        assert junk not in text
    assert meta == {"title": "Ministers agree border talks", "published": "2021-03-04",
                    "url": "https://daily.example.org/world/ministers-agree-border-talks",
                    "source": "The Daily Example"}


def test_ingest_html_caption_goes_to_captions_not_body():
    (doc,) = _all(FIXTURES / "page.html")
    cleaned = clean_text(html_to_text(doc.html)[0])
    assert cleaned.captions == ("The two ministers shake hands in Geneva. "
                                "Photo: J. Doe / Example Agency",)
    assert "shake hands" not in cleaned.text
    assert "chosen dialogue over confrontation" in cleaned.text


def test_ingest_rss_one_document_per_item():
    items = _all(FIXTURES / "feed.rss")
    docs = [i for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [d.meta.url for d in docs] == ["https://wire.example.net/budget",
                                          "https://wire.example.net/plain"]
    assert [d.meta.published for d in docs] == ["2020-11-24", "2020-11-25"]
    assert docs[0].meta.source == "Example Wire" and docs[0].meta.title == "Parliament passes budget"
    assert docs[0].html is not None and "passed the budget" in docs[0].html  # content:encoded wins
    assert docs[1].text == "Borvia recalled its ambassador on Wednesday."
    assert [f.origin for f in fails] == [f"{FIXTURES / 'feed.rss'}:item 3"]


def test_ingest_atom_entries():
    docs = _all(FIXTURES / "feed.atom")
    assert [d.meta.url for d in docs] == ["https://desk.example.com/drills",
                                          "https://desk.example.com/envoy"]
    assert [d.meta.published for d in docs] == ["2022-08-02", "2022-08-04"]
    assert docs[0].html == "<p>The navy of Arland held live-fire drills near the strait on Tuesday.</p>"
    assert docs[1].text == "Borvia summoned the Arland envoy on Thursday."
    assert {d.meta.source for d in docs} == {"Example Atom Desk"}


def test_ingest_jsonl_bad_lines_fail_alone():
    items = _all(FIXTURES / "items.jsonl")
    origin = str(FIXTURES / "items.jsonl")
    docs = [i for i in items if isinstance(i, Document)]
    fails = {i.origin: i.reason for i in items if isinstance(i, Failure)}
    assert [d.meta.id for d in docs] == ["a-1", "3"]
    assert [d.origin for d in docs] == [f"{origin}:1", f"{origin}:3"]
    assert docs[0].meta.published == "2019-05-06" and docs[0].meta.source == "Example News"
    assert docs[1].meta.published == "2019-05-12" and docs[1].html.startswith("<p>Police")
    assert set(fails) == {f"{origin}:2", f"{origin}:4", f"{origin}:5"}
    assert "not valid JSON" in fails[f"{origin}:2"]
    assert "JSON object" in fails[f"{origin}:4"]
    assert "'text' or 'html'" in fails[f"{origin}:5"]


def test_ingest_jsonl_url_override_is_not_applied_to_many_items():
    docs = [d for d in _all(FIXTURES / "items.jsonl", url="https://x.example/1")
            if isinstance(d, Document)]
    assert docs[0].meta.url == "https://news.example.org/a1"
    assert any("url override ignored" in w for w in docs[0].warnings)


@pytest.mark.parametrize("compress", [False, True])
def test_ingest_warc_yields_html_responses(tmp_path, compress):
    path = make_warc(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), compress)
    items = _all(path)
    assert all(isinstance(i, Document) for i in items)
    assert [d.meta.url for d in items] == ["https://daily.example.org/a",
                                           "https://daily.example.org/b"]
    assert [d.meta.published for d in items] == ["2021-03-05", "2021-03-06"]
    assert [d.origin for d in items] == [f"{path}:record 3", f"{path}:record 6"]
    assert "closed its border crossings" in html_to_text(items[1].html)[0]


def test_ingest_warc_truncated_reports_and_keeps_earlier_records(tmp_path):
    path = make_warc(tmp_path / "crawl.warc", compress=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 80])  # cut into the last record
    items = _all(path)
    assert [type(i).__name__ for i in items] == ["Document", "Failure"]
    assert "truncated" in items[1].reason and str(path) in items[1].origin


def test_ingest_directory_recurses_sorted_and_skips_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed body.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay body.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    docs = _all(tmp_path)
    assert [d.text for d in docs] == ["Ay body.", "Zed body."]


@pytest.mark.parametrize("head,expected", [
    (b"WARC/1.0\r\n", "warc"),
    (b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    (b"<!DOCTYPE html><html>", "html"),
    (b'{"id": 1, "text": "x"}\n', "jsonl"),
    (b"Just some words.\n", "text"),
])
def test_ingest_sniff_guesses_format(head, expected):
    assert sniff(head) == expected


def test_ingest_unknown_extension_is_sniffed(tmp_path):
    rss = tmp_path / "download.dat"
    rss.write_bytes((FIXTURES / "feed.rss").read_bytes())
    assert len([d for d in _all(rss) if isinstance(d, Document)]) == 2
    jl = tmp_path / "dump.out"
    jl.write_text(json.dumps({"id": "q", "text": "Quiet day."}) + "\n", encoding="utf-8")
    (doc,) = _all(jl)
    assert doc.meta.id == "q"
