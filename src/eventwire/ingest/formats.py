"""One reader per input format; each yields Documents and Failures and never raises.

Why generators throughout: a feed, a JSON Lines file or a WARC holds many articles, and one
bad item must cost only that item. Every Failure names the file (and line, item or record).
"""
from __future__ import annotations

import gzip
import io
import json
import logging
import re
import zlib
from dataclasses import dataclass
from typing import IO, Any, Iterator

from lxml import etree, html as lxml_html

from ..clean.html import parse_html, strip_code
from ..errors import InputError
from ..model import ArticleMeta, Document, Failure
from .dates import normalise_date
from .decode import decode_bytes, declared_charset
from .fields import FieldMap, get_field, key_of

log = logging.getLogger(__name__)

#: Most bytes read for one document (a text, a page, a JSON line, a WARC record payload).
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
#: Most bytes read for one HTML page, scripts and styles included (they are cut out before
#: the page is held to MAX_DOCUMENT_BYTES): pages with megabytes of inline script are common.
MAX_PAGE_BYTES = 16 * 1024 * 1024
#: Most bytes read for a whole feed file (it holds many documents).
MAX_FEED_BYTES = 50 * 1024 * 1024

_HEADER = re.compile(r"^(url|published|source|title)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")


def _meta(origin: str, file: str | None, **fields: Any) -> tuple[ArticleMeta, list[str]]:
    """ArticleMeta from loose fields; an unreadable date becomes a warning, not a failure."""
    warnings: list[str] = []
    raw_date = fields.pop("published", None)
    published = normalise_date(raw_date)
    if raw_date not in (None, "") and published is None:
        warnings.append(f"{origin}: publication date {str(raw_date)[:40]!r} not understood; "
                        "ignored (give it as YYYY-MM-DD)")
    clean = {k: (str(v).strip() or None) if v is not None else None for k, v in fields.items()}
    return ArticleMeta(id=clean.pop("id", None) or "", published=published, file=file,
                       **clean), warnings


# -- plain text ---------------------------------------------------------------------------
def split_header(text: str) -> tuple[dict[str, str], str]:
    """Leading ``URL:/Published:/Source:/Title:`` lines (any subset, any order) and the rest."""
    lines = text.lstrip("\ufeff").split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    header: dict[str, str] = {}
    while i < len(lines):
        m = _HEADER.match(lines[i].strip())
        if not m or m.group(1).lower() in header:
            break
        header[m.group(1).lower()] = m.group(2)
        i += 1
    if header and i < len(lines) and lines[i].strip():
        log.debug("header lines not followed by a blank line")
    return header, "\n".join(lines[i:]).strip("\n")


def read_text(text: str, origin: str, file: str | None,
              warnings: list[str]) -> Iterator[Document | Failure]:
    header, body = split_header(text)
    if not body.strip():
        yield Failure(origin, "no article text (only header lines)" if header else
                      "empty file (nothing to read)")
        return
    meta, more = _meta(origin, file, url=header.get("url"), source=header.get("source"),
                       title=header.get("title"), published=header.get("published"))
    yield Document(meta=meta, text=body, origin=origin, warnings=tuple(warnings + more))


# -- HTML ---------------------------------------------------------------------------------
def visible_text(markup: str) -> str:
    """The page's visible words (no script/style), to tell an empty page from a real one."""
    tree = parse_html(markup)
    if tree is None:
        return ""
    for node in tree.xpath("//script | //style | //noscript | //template | //head"):
        if node.getparent() is not None:
            node.drop_tree()
    return " ".join(" ".join(tree.itertext()).split())


def read_html(markup: str, origin: str, file: str | None, warnings: list[str],
              **fields: Any) -> Iterator[Document | Failure]:
    """A page as one Document; scripts and styles are cut out first, so only the rest
    counts against ``MAX_DOCUMENT_BYTES`` (an article after a huge inline script is kept)."""
    markup = strip_code(markup)
    if len(markup) > MAX_DOCUMENT_BYTES:
        size = len(markup)
        cut = markup.rfind("<", MAX_DOCUMENT_BYTES // 2, MAX_DOCUMENT_BYTES)
        markup = markup[:cut if cut > 0 else MAX_DOCUMENT_BYTES]
        warnings = warnings + [f"{origin}: page of {size / 1e6:.1f} MB without its scripts; "
                               f"read only the first {MAX_DOCUMENT_BYTES / 1e6:.1f} MB"]
    if not re.search(r"\w", visible_text(markup)):
        yield Failure(origin, "HTML page with no readable text (broken or empty markup)")
        return
    meta, more = _meta(origin, file, **fields)
    yield Document(meta=meta, html=markup, origin=origin, warnings=tuple(warnings + more))


def _item_document(origin: str, file: str | None, body: str | None, warnings: list[str],
                   **fields: Any) -> Document | Failure:
    """A Document from one item of a multi-article file: HTML if it carries markup."""
    if not isinstance(body, str) or not body.strip():
        return Failure(origin, "item has no text or html content")
    meta, more = _meta(origin, file, **fields)
    if _TAG.search(body):
        if not re.search(r"\w", visible_text(body)):
            return Failure(origin, "item's HTML has no readable text")
        return Document(meta=meta, html=body, origin=origin, warnings=tuple(warnings + more))
    return Document(meta=meta, text=body.strip(), origin=origin, warnings=tuple(warnings + more))


# -- JSON Lines ---------------------------------------------------------------------------
def _json_item(item: Any, origin: str, file: str | None,
               fields_map: FieldMap | None = None) -> Document | Failure:
    if not isinstance(item, dict):
        return Failure(origin, f"expected a JSON object, got {type(item).__name__}")

    def get(name: str) -> Any:
        return get_field(item, name, fields_map)

    text, markup = get("text"), get("html")
    ident = get("id")
    if ident is not None and not isinstance(ident, (str, int)):
        return Failure(origin, f"{key_of('id', fields_map)!r} must be a string or "
                               "a number")
    fields = dict(id=ident, url=get("url"), title=get("title"), source=get("source"),
                  published=get("published"))
    if isinstance(text, str) and text.strip():
        header, body = split_header(text)
        for k, v in header.items():
            fields[k] = fields.get(k) or v
        meta, more = _meta(origin, file, **fields)
        return Document(meta=meta, text=body, origin=origin, warnings=tuple(more))
    if isinstance(markup, str) and markup.strip():
        return _item_document(origin, file, markup, [], **fields)
    return Failure(origin, f"no {key_of('text', fields_map)!r} or "
                           f"{key_of('html', fields_map)!r} field with content")


def read_jsonl(stream: IO[bytes], origin: str, file: str | None,
               fields_map: FieldMap | None = None) -> Iterator[Document | Failure]:
    for lineno, raw in enumerate(iter(lambda: stream.readline(MAX_DOCUMENT_BYTES + 1), b""), 1):
        where = f"{origin}:{lineno}"
        if len(raw) > MAX_DOCUMENT_BYTES:
            yield Failure(where, f"line longer than {MAX_DOCUMENT_BYTES // 1024 // 1024} MB; skipped")
            while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                raw = stream.readline(MAX_DOCUMENT_BYTES)
            continue
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
        except UnicodeDecodeError:
            yield Failure(where, "line is not valid UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield Failure(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _json_item(item, where, file, fields_map)


def read_json(data: bytes, origin: str, file: str | None,
              fields_map: FieldMap | None = None) -> Iterator[Document | Failure]:
    """A .json file: one object, or a list of objects shaped like JSON Lines items."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        yield Failure(origin, "JSON file is not valid UTF-8")
        return
    except json.JSONDecodeError as exc:
        yield Failure(origin, f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    items = value if isinstance(value, list) else [value]
    for n, item in enumerate(items, 1):
        yield _json_item(item, f"{origin}:item {n}" if isinstance(value, list) else origin, file,
                         fields_map)


# -- RSS / Atom ---------------------------------------------------------------------------
def _local(el: Any) -> str:
    return etree.QName(el).localname.lower() if isinstance(el.tag, str) else ""


def _child(el: Any, *names: str) -> Any:
    for name in names:
        for child in el:
            if _local(child) == name:
                return child
    return None


def _text(el: Any) -> str | None:
    if el is None:
        return None
    return ("".join(el.itertext())).strip() or None


def _atom_content(el: Any) -> str | None:
    if el is None:
        return None
    if el.get("type") == "xhtml":
        inner = "".join(etree.tostring(c, encoding="unicode") for c in el)
        return re.sub(r"\sxmlns(?::\w+)?=\"[^\"]*\"", "", inner) or _text(el)
    return _text(el)


def _atom_link(entry: Any) -> str | None:
    links = [c for c in entry if _local(c) == "link"]
    for link in links:
        if link.get("rel") in (None, "alternate") and link.get("href"):
            return link.get("href")
    return links[0].get("href") if links else None


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: where it is, its link, and what the feed says about it."""

    where: str
    body: str | None
    link: str | None
    title: str | None
    published: str | None
    source: str | None


def parse_feed(data: bytes, origin: str, warnings: list[str]
               ) -> tuple[list[FeedItem], list[str]] | Failure:
    """The items of an RSS/Atom feed (and the warnings so far), or why there are none.

    Entities are never resolved and no DTD or network is touched (XXE, "billion laughs").
    """
    try:
        text, more = decode_bytes(data, origin, declared_charset(data))
    except InputError as exc:
        return Failure(exc.origin, exc.reason)
    warnings = warnings + more
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             recover=True, remove_comments=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        return Failure(origin, f"unreadable XML ({exc})")
    if root is None:
        return Failure(origin, "unreadable XML (nothing parseable)")
    kind = _local(root)
    if kind == "rss":
        channel = _child(root, "channel")
        items = [c for c in (channel if channel is not None else root) if _local(c) == "item"]
        source = _text(_child(channel, "title")) if channel is not None else None
    elif kind == "rdf":
        items = [c for c in root if _local(c) == "item"]
        source = _text(_child(_child(root, "channel"), "title")) \
            if _child(root, "channel") is not None else None
    elif kind == "feed":
        items = [c for c in root if _local(c) == "entry"]
        source = _text(_child(root, "title"))
    else:
        return Failure(origin, f"XML file is not an RSS or Atom feed (root element <{kind}>)")
    if not items:
        return Failure(origin, "feed has no items")
    found: list[FeedItem] = []
    for n, item in enumerate(items, 1):
        if kind == "feed":
            body = _atom_content(_child(item, "content")) or _atom_content(_child(item, "summary"))
            link = _atom_link(item)
            date = _text(_child(item, "published", "updated", "issued", "modified"))
        else:
            body = _text(_child(item, "encoded")) or _text(_child(item, "description"))
            link = _text(_child(item, "link"))
            if not link:
                guid = _child(item, "guid")
                link = _text(guid) if guid is not None and guid.get("isPermaLink") != "false" \
                    and (_text(guid) or "").startswith("http") else None
            date = _text(_child(item, "pubdate", "date", "published", "updated"))
        found.append(FeedItem(f"{origin}:item {n}", body, link, _text(_child(item, "title")),
                              date, source))
    return found, warnings


def read_feed(data: bytes, origin: str, file: str | None,
              warnings: list[str]) -> Iterator[Document | Failure]:
    """A feed file: one Document per item, from the text the feed itself carries."""
    parsed = parse_feed(data, origin, warnings)
    if isinstance(parsed, Failure):
        yield parsed
        return
    items, warnings = parsed
    for it in items:
        yield _item_document(it.where, file, it.body, list(warnings), url=it.link,
                             title=it.title, source=it.source, published=it.published)


# -- WARC ---------------------------------------------------------------------------------
def _dechunk(body: bytes) -> bytes:
    out = io.BytesIO()
    stream = io.BytesIO(body)
    while True:
        size_line = stream.readline()
        if not size_line:
            break
        try:
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
        except ValueError:
            return body  # not really chunked
        if size == 0:
            break
        out.write(stream.read(size))
        stream.readline()
    return out.getvalue()


def _http_payload(block: bytes) -> tuple[int, dict[str, str], bytes]:
    """Split an HTTP response (status, headers, body), undoing chunking and compression."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    lines = head.decode("latin-1").splitlines()
    status_match = re.match(r"HTTP/\d(?:\.\d)?\s+(\d{3})", lines[0] if lines else "")
    status = int(status_match.group(1)) if status_match else 0
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    encoding = headers.get("content-encoding", "").lower()
    if encoding in ("gzip", "x-gzip"):
        body = gzip.decompress(body)
    elif encoding == "deflate":
        try:
            body = zlib.decompress(body)
        except zlib.error:
            body = zlib.decompress(body, -zlib.MAX_WBITS)
    elif encoding not in ("", "identity"):
        raise ValueError(f"unsupported Content-Encoding {encoding!r}")
    return status, headers, body


def _skip(stream: IO[bytes], length: int) -> None:
    while length > 0:
        chunk = stream.read(min(length, 1 << 20))
        if not chunk:
            raise EOFError("record cut short")
        length -= len(chunk)


def read_warc(stream: IO[bytes], origin: str, file: str | None) -> Iterator[Document | Failure]:
    """One Document per ``response`` record holding an HTML page; other records are skipped."""
    n = 0
    try:
        while True:
            line = stream.readline(1024)
            if not line:
                return
            if not line.strip():
                continue
            if not line.startswith(b"WARC/"):
                yield Failure(f"{origin}:record {n + 1}",
                              "not a WARC record header; stopped reading this file")
                return
            n += 1
            where = f"{origin}:record {n}"
            headers: dict[str, str] = {}
            for _ in range(1000):
                h = stream.readline(65536)
                if not h or not h.strip():
                    break
                name, _, value = h.decode("utf-8", "replace").partition(":")
                headers[name.strip().lower()] = value.strip()
            try:
                length = int(headers.get("content-length", ""))
            except ValueError:
                yield Failure(where, "WARC record without a valid Content-Length; stopped")
                return
            rtype = headers.get("warc-type", "").lower()
            if rtype != "response" or length > MAX_PAGE_BYTES:
                if rtype == "response":
                    yield Failure(where, f"response record of {length} bytes is over the "
                                         f"{MAX_PAGE_BYTES // 1024 // 1024} MB limit; skipped")
                _skip(stream, length)
                continue
            block = stream.read(length)
            if len(block) < length:
                yield Failure(where, "WARC record cut short (truncated file)")
                return
            url = headers.get("warc-target-uri", "").strip("<>") or None
            try:
                status, http, body = _http_payload(block)
            except (ValueError, OSError, EOFError, zlib.error) as exc:
                yield Failure(where, f"unreadable HTTP payload ({exc})")
                continue
            ctype = http.get("content-type", "").lower()
            if not (200 <= status < 300) or ("html" not in ctype and not (
                    not ctype and re.match(rb"\s*<(?:!doctype html|html)", body[:200], re.I))):
                log.debug("%s: skipped (status %s, %s)", where, status, ctype or "no type")
                continue
            charset = re.search(r"charset=([\w.:-]+)", ctype)
            try:
                markup, warnings = decode_bytes(body, where, charset.group(1) if charset else
                                                declared_charset(body))
            except InputError as exc:
                yield Failure(exc.origin, exc.reason)
                continue
            yield from read_html(markup, where, file, warnings, url=url,
                                 published=headers.get("warc-date"))
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Failure(f"{origin}:record {n}" if n else origin,
                      f"corrupt or truncated WARC ({exc}); stopped reading this file")


__all__ = ["read_text", "read_html", "read_jsonl", "read_json", "read_feed", "read_warc",
           "parse_feed", "FeedItem",
           "split_header", "visible_text", "MAX_DOCUMENT_BYTES", "MAX_FEED_BYTES", "MAX_PAGE_BYTES"]
