"""URLs as inputs: an RSS/Atom feed URL (its linked pages fetched) or a page URL.

Why here and not in the crawler of the user's choice: pointing eventwire at a feed is the
commonest way to follow the news, and each page that cannot be had (timeout, 404, too big,
not HTML, refused by robots.txt) must become one ``errors`` row while the rest goes on.
Pages are fetched by a few threads, so several hosts are read at once while each host is
asked at the polite rate; results come out in feed order.
"""
from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Iterator

from ..errors import InputError
from ..model import Document, Failure
from .decode import decode_bytes, declared_charset
from .fetch import Fetcher, FetchError, Response
from .formats import MAX_FEED_BYTES, FeedItem, _item_document, parse_feed, read_html

log = logging.getLogger(__name__)

#: Pages fetched at once (across hosts; one host is still asked at its own rate).
FETCH_THREADS = 4
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/xml", "text/xml")


def is_url(arg: str) -> bool:
    """Does a command-line argument name a URL (any scheme) rather than a path?"""
    head, sep, _ = arg.partition("://")
    return bool(sep) and head.isascii() and head.replace("+", "").replace(".", "").replace(
        "-", "").isalnum() and head[:1].isalpha()


def _kind(resp: Response) -> str:
    """'html', 'feed' or 'other', by Content-Type, else by the first bytes."""
    if resp.content_type in _HTML_TYPES:
        return "html"
    if resp.content_type in _FEED_TYPES:
        return "feed"
    if resp.content_type in ("", "text/plain", "application/octet-stream"):
        from . import sniff
        found = sniff(resp.body[:65536])
        return found if found in ("html", "feed") else "other"
    return "other"


def _page(resp: Response, origin: str, **fields: str | None) -> Iterator[Document | Failure]:
    if _kind(resp) != "html":
        yield Failure(origin, f"not an HTML page (Content-Type {resp.content_type or 'none'})",
                      stage="fetch")
        return
    try:
        markup, warnings = decode_bytes(resp.body, origin,
                                        resp.charset or declared_charset(resp.body))
    except InputError as exc:
        yield Failure(exc.origin, exc.reason, stage="fetch")
        return
    yield from read_html(markup, origin, None, warnings, url=resp.url, **fields)


def _fetch_item(fetcher: Fetcher, item: FeedItem) -> list[Document | Failure]:
    """The page an item links to, as a Document carrying the feed's title/date/source."""
    if not item.link:
        if item.body:
            return [_item_document(item.where, None, item.body, [], title=item.title,
                                   source=item.source, published=item.published)]
        return [Failure(item.where, "feed item has no link and no text", stage="fetch")]
    try:
        resp = fetcher.get(item.link)
    except FetchError as exc:
        return [Failure(item.link, exc.reason, stage="fetch")]
    return list(_page(resp, item.link, title=item.title, source=item.source,
                      published=item.published))


def read_url(url: str, fetcher: Fetcher) -> Iterator[Document | Failure]:
    """Every article behind one URL: the page itself, or each page a feed links to."""
    try:
        resp = fetcher.get(url, MAX_FEED_BYTES)
    except FetchError as exc:
        yield Failure(url, exc.reason, stage="fetch")
        return
    kind = _kind(resp)
    if kind != "feed":
        yield from _page(resp, url)
        return
    parsed = parse_feed(resp.body, url, [])
    if isinstance(parsed, Failure):
        yield Failure(parsed.origin, parsed.reason, stage="fetch")
        return
    items, _warnings = parsed
    log.info("%s: feed of %d items; fetching the linked pages", url, len(items))
    window: deque[Future[list[Document | Failure]]] = deque()
    pending = iter(items)
    with ThreadPoolExecutor(max_workers=FETCH_THREADS, thread_name_prefix="fetch") as pool:
        try:
            while True:
                while len(window) < FETCH_THREADS * 2:
                    item = next(pending, None)
                    if item is None:
                        break
                    window.append(pool.submit(_fetch_item, fetcher, item))
                if not window:
                    return
                yield from window.popleft().result()
        finally:  # the run stopped early: fetch nothing more than what is under way
            for future in window:
                future.cancel()


__all__ = ["read_url", "is_url", "FETCH_THREADS"]
