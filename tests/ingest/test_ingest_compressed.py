"""Gzipped inputs in folders are read (or refused with a reason), and symlink loops are named.

Issue 8: a folder holding ``.jsonl.gz``, ``.txt.gz`` or ``.html.gz`` files used to be coded
as if those files were not there, and a symlink loop was reported as "no such file".
"""
from __future__ import annotations

import gzip
import json
import os

from eventwire.ingest import read_inputs
from eventwire.model import Document, Failure

LINES = [
    {"id": "harbour-1", "title": "Harbour talks", "published": "2023-05-02",
     "text": "Fishermen from Tonga and Samoa met port officials in Apia on Tuesday to settle "
             "a dispute over landing fees, the harbour authority said."},
    {"id": "harbour-2", "title": "Ferry strike", "published": "2023-05-03",
     "text": "Ferry crews in Fiji walked off the job on Wednesday, stranding hundreds of "
             "travellers bound for the outer islands, the union said."},
]
TEXT = ("Published: 2023-06-01\n\nThe mayor of Valparaiso opened a new desalination plant on "
        "Thursday, saying it would supply water to forty thousand homes by next summer.\n")
HTML = ("<html><head><title>Bridge reopens</title></head><body><article><p>Engineers in "
        "Tbilisi reopened the old river bridge on Friday after two years of repairs, the city "
        "council said in a statement.</p></article></body></html>")


def _items(*paths):
    return list(read_inputs([str(p) for p in paths], english_only=False))


def test_compressed_gz_files_in_a_folder_are_read_like_their_plain_selves(tmp_path):
    (tmp_path / "feed").mkdir()
    (tmp_path / "feed" / "wire.jsonl.gz").write_bytes(
        gzip.compress("".join(json.dumps(x) + "\n" for x in LINES).encode()))
    (tmp_path / "feed" / "desal.txt.gz").write_bytes(gzip.compress(TEXT.encode()))
    (tmp_path / "feed" / "bridge.html.gz").write_bytes(gzip.compress(HTML.encode()))
    docs = _items(tmp_path / "feed")
    assert all(isinstance(d, Document) for d in docs), docs
    assert {d.meta.id for d in docs if d.meta.id} == {"harbour-1", "harbour-2"}
    plain = [d for d in docs if not d.meta.id]
    assert any(d.text and "desalination plant" in d.text and d.meta.published == "2023-06-01"
               for d in plain)
    assert any(d.html and "river bridge" in d.html for d in plain)


def test_compressed_file_of_an_unknown_kind_in_a_folder_is_refused_by_name(tmp_path):
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "table.csv.gz").write_bytes(gzip.compress(b"a,b\n1,2\n"))
    (tmp_path / "pages.zip").write_bytes(b"PK\x03\x04" + b"\0" * 40)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n")  # not an input: still ignored
    items = _items(tmp_path)
    failures = {os.path.basename(f.origin): f.reason for f in items if isinstance(f, Failure)}
    assert set(failures) == {"table.csv.gz", "pages.zip"}
    assert all("compressed file of a kind not read" in r for r in failures.values())
    assert sum(isinstance(d, Document) for d in items) == 1


def test_compressed_text_cut_short_is_a_failure_saying_so(tmp_path):
    whole = gzip.compress((TEXT * 50).encode())
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    [item] = _items(tmp_path / "cut.txt.gz")
    assert isinstance(item, Failure)
    assert "compressed file cut short or damaged" in item.reason


def test_compressed_jsonl_cut_short_keeps_the_lines_before_the_damage(tmp_path):
    many = "".join(json.dumps(dict(LINES[0], id=f"harbour-{i}")) + "\n" for i in range(400))
    whole = gzip.compress(many.encode(), compresslevel=1)
    (tmp_path / "dump.jsonl.gz").write_bytes(whole[: len(whole) * 3 // 4])
    items = _items(tmp_path / "dump.jsonl.gz")
    assert isinstance(items[-1], Failure) and "cut short" in items[-1].reason
    good = [d for d in items if isinstance(d, Document)]
    assert 0 < len(good) < 400


def test_gzip_without_a_telling_name_is_sniffed_inside(tmp_path):
    (tmp_path / "noname").write_bytes(gzip.compress(TEXT.encode()))
    (tmp_path / "image").write_bytes(gzip.compress(bytes(range(256)) * 8))
    [doc] = _items(tmp_path / "noname")
    assert isinstance(doc, Document) and "desalination" in (doc.text or "")
    [bad] = _items(tmp_path / "image")
    assert isinstance(bad, Failure) and "binary file" in bad.reason


def test_symlink_loop_is_named_as_a_loop_with_its_links(tmp_path):
    os.symlink("second.txt", tmp_path / "first.txt")
    os.symlink("first.txt", tmp_path / "second.txt")
    os.symlink("itself.txt", tmp_path / "itself.txt")
    (tmp_path / "real.txt").write_text(TEXT, encoding="utf-8")
    items = _items(tmp_path)
    reasons = {os.path.basename(f.origin): f.reason for f in items if isinstance(f, Failure)}
    assert set(reasons) == {"first.txt", "second.txt", "itself.txt"}
    assert reasons["first.txt"].startswith("symbolic link loop: ")
    assert "first.txt -> second.txt -> first.txt" in reasons["first.txt"]
    assert "itself.txt -> itself.txt" in reasons["itself.txt"]
    assert sum(isinstance(d, Document) for d in items) == 1


def test_dangling_symlink_names_the_missing_target(tmp_path):
    os.symlink("gone/away.txt", tmp_path / "link.txt")
    [item] = _items(tmp_path / "link.txt")
    assert isinstance(item, Failure)
    assert item.reason.startswith("broken symbolic link:") and "gone/away.txt" in item.reason
    [plain] = _items(tmp_path / "never-was.txt")
    assert plain.reason == "no such file or directory"
