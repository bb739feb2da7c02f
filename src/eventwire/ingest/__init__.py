"""Ingest: turn paths (text, HTML, JSON Lines, RSS/Atom, WARC) into Documents.

Public surface: ``read_inputs(paths, published=None, url=None, ...) -> Iterator[Document |
Failure]``. A path may be a file, a directory (its supported files, recursively, in sorted
order), an http(s) URL of a page or an RSS/Atom feed (see ``web``) or ``-`` for standard input.
The format comes from the extension, else from the first bytes.
Bad input (missing, empty, binary, undecodable, oversized, broken) becomes a Failure or a
warning naming the file; the generator itself never raises for one bad file.
"""
from __future__ import annotations

import gzip
import logging
import os
import sys
import zlib
from dataclasses import replace
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import InputError
from ..model import Document, Failure
from .dates import normalise_date
from .decode import decode_bytes, declared_charset
from .fetch import Fetcher, FetchPolicy
from .fields import FieldMap, parse_field_options
from .formats import (MAX_DOCUMENT_BYTES, MAX_FEED_BYTES, MAX_PAGE_BYTES, read_feed,
                      read_html, read_json, read_jsonl, read_text, read_warc, split_header,
                      visible_text)
from .language import refusal
from .plan import InputPlan, ReadMeter, plan_inputs
from .web import is_url, read_url

log = logging.getLogger(__name__)

#: Extension -> format. Files in directories are read only if their extension is here.
FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}
#: The "format" of a directory with no supported file in it: reported, never silently skipped.
EMPTY_DIR = "empty-dir"
#: The "format" of a command-line argument that is a URL (fetched, see ``web``).
URL = "url"
#: Formats holding many articles: a single ``url`` override would give them all one identity.
_MULTI = {"jsonl", "json", "feed", "warc", URL}


#: Compressed files whose inner name has no format of ours: reported in folders, not skipped
#: without a word (a user who gzipped a crawl expects it read or refused, not ignored).
_COMPRESSED = (".gz", ".bz2", ".xz", ".zst", ".zip", ".7z", ".tgz")
#: The "format" of such a file: a Failure naming it.
UNSUPPORTED_COMPRESSED = "compressed-other"
_GZIP_MAGIC = b"\x1f\x8b"


def _format_of(path: Path) -> str | None:
    """The format a file's name says; ``x.jsonl.gz`` is JSON Lines read through gzip."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    if name.endswith(".gz"):
        inner = Path(name[:-3]).suffix
        return FORMATS.get(inner, UNSUPPORTED_COMPRESSED)
    if name.endswith(_COMPRESSED):
        return UNSUPPORTED_COMPRESSED
    return FORMATS.get(path.suffix.lower())


def sniff(head: bytes) -> str:
    """Guess the format from the first bytes of a file."""
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = gzip.decompress(head)  # may be cut short: use what decompresses
        except (OSError, EOFError):
            try:
                inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
            except zlib.error:
                return "broken-gzip"  # the magic bytes of gzip, but not gzip after them
        return "warc" if inner.startswith(b"WARC/") else "binary"
    if head.startswith(b"WARC/"):
        return "warc"
    text = head[:4096].decode("latin-1").lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html")):
        return "html"
    if text.startswith(("<?xml", "<rss", "<feed", "<rdf")):
        return "html" if "<html" in text and "<rss" not in text and "<feed" not in text else "feed"
    if text.startswith("<") and any(t in text for t in ("<body", "<div", "<p>", "<article")):
        return "html"
    if text.startswith("{"):
        return "jsonl"
    if text.startswith("["):
        return "json"
    return "text"


def _expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, str | None]]:
    """(path, format) for each input, directories walked in sorted order; None = sniff."""
    for raw in paths:
        p = Path(raw)
        if str(raw) == "-":
            yield "-", None
        elif is_url(str(raw)):
            yield str(raw), URL
        elif p.is_dir():
            found: list[str] = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [os.path.join(root, f) for f in files
                          if not f.startswith(".") and _format_of(Path(f))]
            if not found:
                yield str(p), EMPTY_DIR
            for f in sorted(found):
                yield f, _format_of(Path(f))
        else:
            yield str(p), _format_of(p)


def _read_head(path: str, size: int) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(size)


def _gunzip_head(head: bytes) -> bytes:
    """What the first bytes of a gzip file decompress to (as far as they go)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
    except zlib.error:
        return b""


def missing_reason(path: str) -> str:
    """Why ``path`` cannot be opened: a symlink loop or a dangling link named as such (the
    system's words, 'no such file or directory', send the user looking for a typo)."""
    if not os.path.islink(path):
        return "no such file or directory"
    chain, seen, here = [path], {os.path.abspath(path)}, path
    for _ in range(40):  # the kernel's own limit is 40 links
        if not os.path.islink(here):
            return (f"broken symbolic link: {' -> '.join(chain)} does not exist")
        target = os.readlink(here)
        here = os.path.join(os.path.dirname(here), target)
        chain.append(target)
        key = os.path.abspath(here)
        if key in seen:
            return f"symbolic link loop: {' -> '.join(chain)} (it never reaches a file)"
        seen.add(key)
    return f"symbolic link chain longer than 40 links: {' -> '.join(chain[:6])} ..."


def _read_one(path: str, fmt: str | None, fields_map: FieldMap | None = None,
              meter: ReadMeter | None = None) -> Iterator[Document | Failure]:
    """Every document of one file (or stdin)."""
    origin = path
    file = None if path == "-" else path
    if fmt == UNSUPPORTED_COMPRESSED:
        yield Failure(origin, "compressed file of a kind not read: eventwire reads .gz files "
                              "whose inner name says the format (.jsonl.gz, .txt.gz, .html.gz, "
                              "...) and .warc.gz; decompress or rename it")
        return
    if path != "-":
        if not os.path.exists(path):
            yield Failure(origin, missing_reason(path))
            return
        if not os.path.isfile(path):
            yield Failure(origin, "not a regular file")
            return
        size = os.path.getsize(path)
        if size == 0:
            yield Failure(origin, "empty file (nothing to read)")
            return
    else:
        size = -1
    stdin_data = sys.stdin.buffer.read(MAX_FEED_BYTES + 1) if path == "-" else None
    head = stdin_data[:65536] if stdin_data is not None else _read_head(path, 65536)
    sniffed = sniff(head)
    gzipped = head.startswith(_GZIP_MAGIC) and sniffed != "broken-gzip"
    if gzipped and sniffed != "warc":  # a gzipped article, page, feed or JSON Lines file
        sniffed = sniff(_gunzip_head(head))
    if fmt is None or (fmt == "text" and sniffed == "html"):
        fmt = sniffed
    if sniffed == "broken-gzip":
        yield Failure(origin, "starts like a gzip file but does not decompress: damaged or "
                              "not gzip")
        return
    if fmt in ("warc", "jsonl"):
        if stdin_data is not None:
            import io
            stream: IO[bytes] = io.BytesIO(stdin_data)
        else:
            raw = open(path, "rb")
            if meter is not None:
                meter.reading(raw)
            stream = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
        try:
            with stream:
                if fmt == "warc":
                    yield from read_warc(stream, origin, file)
                else:
                    yield from read_jsonl(stream, origin, file, fields_map)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield Failure(origin, f"compressed file cut short or damaged ({exc}); the "
                                  "articles before the damage were read")
        finally:
            if stdin_data is None:
                raw.close()
        return
    limit = (MAX_FEED_BYTES if fmt in ("feed", "json") else
             MAX_PAGE_BYTES if fmt == "html" else MAX_DOCUMENT_BYTES)
    if stdin_data is not None:
        data, size = stdin_data[:limit + 1], len(stdin_data)
    elif gzipped:
        try:
            with gzip.open(path, "rb") as fh:
                data = fh.read(limit + 1)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield Failure(origin, f"compressed file cut short or damaged ({exc})")
            return
        size = -1  # the size once decompressed is not known before reading it
    else:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    warnings: list[str] = []
    if len(data) > limit:
        if fmt in ("feed", "json"):
            yield Failure(origin, f"file of {size / 1e6:.1f} MB is over the "
                                  f"{limit / 1e6:.0f} MB limit for one {fmt} file; split it")
            return
        cut = data.rfind(b"\n", 0, limit)
        data = data[:cut if cut > limit // 2 else limit]
        shown = f"{size / 1e6:.1f} MB" if size >= 0 else "large input"
        warnings.append(f"{origin}: {shown}; read only the first {limit / 1e6:.1f} MB")
    if fmt == "feed":
        yield from read_feed(data, origin, file, warnings)
        return
    if fmt == "json":
        yield from read_json(data, origin, file, fields_map)
        return
    try:
        text, more = decode_bytes(data, origin, declared_charset(data) if fmt == "html" else None)
    except InputError as exc:
        yield Failure(exc.origin, exc.reason)
        return
    warnings += more
    if fmt == "html":
        yield from read_html(text, origin, file, warnings)
    else:
        yield from read_text(text, origin, file, warnings)


def read_inputs(paths: Iterable[str | os.PathLike[str]], published: str | None = None,
                url: str | None = None, *, fields: FieldMap | None = None,
                english_only: bool = True, fetcher: Fetcher | None = None,
                meter: ReadMeter | None = None) -> Iterator[Document | Failure]:
    """Documents from files, directories, URLs and stdin; ``published``/``url`` override
    the file's.

    ``url`` applies to single-article inputs only (text, HTML): giving one URL to every item of
    a feed or WARC would merge them under one identity. ``fields`` renames the keys read from
    JSON items (``{"text": "body"}``). With ``english_only``, a document whose language is
    recognised as another is a Failure (stage ``language``), not a Document: the coder reads
    English only. URLs are fetched by ``fetcher`` (a polite default one if None). ``meter``
    counts the bytes of input files read, for a progress display (see ``plan``).
    """
    override_date = normalise_date(published) if published else None
    bad_override = bool(published) and override_date is None
    if bad_override:
        log.warning("published=%r is not a date; use YYYY-MM-DD", published)
    for path, fmt in _expand(paths):
        kind = fmt
        if fmt == URL and fetcher is None:
            fetcher = Fetcher()
        for item in _safe(path, fmt, fields, fetcher, meter):
            if isinstance(item, Failure):
                log.debug("ingest failure %s: %s", item.origin, item.reason)
                yield item
                continue
            item = _override(item, override_date, url, kind, bad_override, published)
            if english_only:
                reason = _language_refusal(item)
                if reason:
                    yield Failure(item.origin, reason, stage="language")
                    continue
            for w in item.warnings:
                log.info("%s", w)
            yield item
        if meter is not None:
            meter.finished(_size(path))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size if os.path.isfile(path) else 0
    except OSError:
        return 0


def _language_refusal(doc: Document) -> str | None:
    """Why ``doc`` is not coded (not English), or None; never raises."""
    try:
        text = doc.text if doc.text is not None else visible_text(doc.html or "")
        return refusal(text)
    except Exception as exc:  # noqa: BLE001 - a detector bug must not drop an article
        log.debug("language check of %s failed: %s", doc.origin, exc)
        return None


def _safe(path: str, fmt: str | None, fields_map: FieldMap | None = None,
          fetcher: Fetcher | None = None, meter: ReadMeter | None = None
          ) -> Iterator[Document | Failure]:
    """Run one file's reader, turning any error into a Failure for that file, and a file
    that yields nothing at all (blank JSON Lines, ``[]``, an empty archive or feed) into one
    too: a run must never end with inputs that left no trace."""
    if fmt == EMPTY_DIR:
        yield Failure(path, "no supported files in this directory")
        return
    produced = 0
    try:
        reader = (read_url(path, fetcher) if fmt == URL and fetcher is not None
                  else _read_one(path, fmt, fields_map, meter))
        for item in reader:
            produced += 1
            yield item
    except InputError as exc:
        produced += 1
        yield Failure(exc.origin, exc.reason)
    except Exception as exc:  # noqa: BLE001 - one unreadable file must not end the batch
        produced += 1
        yield Failure(path, f"could not read: {type(exc).__name__}: {exc}")
    if not produced:
        yield Failure(path, "no articles found in this file")


def _override(doc: Document, published: str | None, url: str | None, fmt: str | None,
              bad: bool, raw: str | None) -> Document:
    meta = doc.meta
    warnings = list(doc.warnings)
    if published:
        meta = replace(meta, published=published)
    elif bad:
        warnings.append(f"{doc.origin}: given publication date {raw!r} not understood; ignored")
    if url:
        if fmt in _MULTI or ":" in doc.origin[len(meta.file or ""):]:
            warnings.append(f"{doc.origin}: url override ignored for a multi-article file")
        else:
            meta = replace(meta, url=url)
    if meta is doc.meta and warnings == list(doc.warnings):
        return doc
    return replace(doc, meta=meta, warnings=tuple(warnings))


__all__ = ["read_inputs", "sniff", "split_header", "normalise_date", "FORMATS",
           "MAX_DOCUMENT_BYTES", "Fetcher", "FetchPolicy", "parse_field_options", "is_url",
           "InputPlan", "ReadMeter", "plan_inputs", "missing_reason"]
