"""Bad input: each case gives one Failure or warning naming the file, and the rest goes on."""
from __future__ import annotations

from pathlib import Path

from eventwire.ingest import MAX_DOCUMENT_BYTES, read_inputs
from eventwire.clean import html_to_text
from eventwire.model import Document, Failure

GOOD = "GENEVA — Delegations from Arland and Borvia resumed talks on Tuesday.\n"


def _run(tmp_path: Path, name: str, data: bytes):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "zz_good.txt"
    good.write_text(GOOD, encoding="utf-8")
    # english_only=False: these tests are about decoding (Cyrillic files), not about language
    items = list(read_inputs([str(bad), str(good)], english_only=False))
    assert isinstance(items[-1], Document) and items[-1].text == GOOD.strip()  # the rest goes on
    return items[0], str(bad)


def test_ingest_missing_file_fails_and_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(good)]))
    assert isinstance(items[0], Failure) and items[0].origin.endswith("nope.txt")
    assert "no such file" in items[0].reason and items[0].stage == "ingest"
    assert isinstance(items[1], Document)


def test_ingest_empty_and_blank_files_fail(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\n \t\n")):
        item, origin = _run(tmp_path, name, data)
        assert isinstance(item, Failure) and item.origin == origin
        assert "empty" in item.reason


def test_ingest_header_only_text_fails(tmp_path):
    item, _ = _run(tmp_path, "head.txt", b"URL: https://x.example/a\nPublished: 2020-01-01\n\n")
    assert isinstance(item, Failure) and "only header lines" in item.reason


def test_ingest_binary_nul_bytes_fail(tmp_path):
    item, origin = _run(tmp_path, "blob.txt", b"abc\x00\x00\x01\x02def" * 20)
    assert isinstance(item, Failure) and item.origin == origin and "binary" in item.reason


def test_ingest_pdf_named_txt_fails(tmp_path):
    item, _ = _run(tmp_path, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert isinstance(item, Failure) and "PDF" in item.reason


def test_ingest_latin1_is_decoded_with_warning(tmp_path):
    text = "Le président français a rencontré à Paris le ministre de l'Économie.\n"
    item, origin = _run(tmp_path, "fr.txt", text.encode("latin-1"))
    assert isinstance(item, Document) and item.text == text.strip()
    assert len(item.warnings) == 1 and origin in item.warnings[0]
    assert "not UTF-8" in item.warnings[0]


def test_ingest_cp1251_decodes_as_cyrillic(tmp_path):
    text = "Министр обороны России Сергей Шойгу заявил во вторник, что НАТО наращивает силы.\n"
    item, origin = _run(tmp_path, "ru.txt", text.encode("cp1251"))
    assert isinstance(item, Document) and item.text == text.strip()
    assert "windows-1251" in item.warnings[0] and origin in item.warnings[0]


def test_ingest_declared_charset_in_html_is_used(tmp_path):
    page = ('<html><head><meta charset="windows-1251"></head><body><p>Москва и Минск '
            'подписали соглашение.</p></body></html>')
    item, _ = _run(tmp_path, "ru.html", page.encode("cp1251"))
    assert isinstance(item, Document) and "Москва" in item.html
    assert "as declared" in item.warnings[0]


def test_ingest_oversized_text_is_cut_with_warning(tmp_path):
    line = "Arland and Borvia held talks on Tuesday about the border and trade.\n"
    data = (line * (5 * 1024 * 1024 // len(line) + 1)).encode()
    item, origin = _run(tmp_path, "huge.txt", data)
    assert isinstance(item, Document)
    assert len(item.text.encode()) <= MAX_DOCUMENT_BYTES
    assert item.text.endswith("trade.")  # cut at a line end, not mid-word
    assert len(item.warnings) == 1 and origin in item.warnings[0]
    assert "read only the first" in item.warnings[0]


def test_ingest_html_without_text_fails(tmp_path):
    page = b"<html><head><script>var a = 1;</script><style>p{}</style></head><body>  </body></html>"
    item, origin = _run(tmp_path, "empty.html", page)
    assert isinstance(item, Failure) and item.origin == origin and "no readable text" in item.reason


def test_ingest_broken_html_is_best_effort(tmp_path):
    page = (b"<html><body><div><p>Protesters marched on the parliament in Arland on Sunday"
            b"<p>Police used tear gas <b>against <i>the crowd</div></span></table>")
    item, _ = _run(tmp_path, "broken.html", page)
    assert isinstance(item, Document)
    text, _ = html_to_text(item.html)
    assert "Protesters marched on the parliament" in text and "tear gas" in text


def test_ingest_hostile_markup_never_reaches_text(tmp_path):
    page = (b"<html><body><script>EVIL_SCRIPT()</script><style>.x{EVIL:STYLE}</style>"
            b"<noscript>EVIL_NOSCRIPT</noscript><template>EVIL_TEMPLATE</template>"
            b"<p onclick=\"EVIL_ATTR()\">Arland's army withdrew from the disputed valley on "
            b"Monday.</p><!-- EVIL_COMMENT --><script type='text/x-template'>EVIL_2</script>"
            b"<iframe srcdoc='EVIL_IFRAME'></iframe></body></html>")
    item, _ = _run(tmp_path, "hostile.html", page)
    text, _ = html_to_text(item.html)
    assert "withdrew from the disputed valley" in text
    assert "EVIL" not in text


def test_ingest_feed_with_entity_bomb_is_not_expanded(tmp_path):
    feed = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "AAAAAAAAAA">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
            b'<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<rss><channel><title>T</title><item><title>&c;</title><link>https://e.x/1</link>'
            b'<description>Borvia protested &x; on Monday.</description></item></channel></rss>')
    item, _ = _run(tmp_path, "bomb.rss", feed)
    assert isinstance(item, Document)
    assert "root:" not in (item.text or "") and "AAAAAAAAAA" not in (item.meta.title or "")


def test_ingest_xml_that_is_not_a_feed_fails(tmp_path):
    item, _ = _run(tmp_path, "sitemap.xml", b'<?xml version="1.0"?><urlset><url/></urlset>')
    assert isinstance(item, Failure) and "not an RSS or Atom feed" in item.reason


def test_ingest_unreadable_date_is_a_warning(tmp_path):
    item, origin = _run(tmp_path, "d.txt", b"Published: sometime soon\n\nBody here.\n")
    assert isinstance(item, Document) and item.meta.published is None
    assert any("not understood" in w and origin in w for w in item.warnings)


def test_ingest_gzip_magic_without_gzip_fails_and_goes_on(tmp_path):
    item, origin = _run(tmp_path, "dump.jsonl", b"\x1f\x8b" + b"this is not deflate data" * 40)
    assert isinstance(item, Failure) and item.origin == origin
    assert "does not decompress" in item.reason


def test_ingest_inputs_that_hold_no_article_are_reported(tmp_path):
    import gzip
    cases = {"blank.jsonl": b"\n\n   \n", "empty-array.json": b"[]",
             "empty.warc.gz": gzip.compress(b"")}
    for name, data in cases.items():
        item, origin = _run(tmp_path, name, data)
        assert isinstance(item, Failure) and item.origin == origin, name
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    (item,) = list(read_inputs([str(empty)]))
    assert isinstance(item, Failure) and "no supported files" in item.reason
