"""Fetching feeds and pages over HTTP, politely: the ``eventwire code https://...`` source.

Why a fetcher of our own (stdlib ``http.client``) and not a crawler library: the rules that
make a fetcher safe and polite are few and must all hold at once, and each is tested here:

* only ``http``/``https`` URLs, and no redirect to another scheme (``file:``, ``ftp:``);
* a connect/read timeout and a total time per attempt, so a page that trickles never stalls
  the run; retries with exponential back-off for timeouts, dropped connections, 429 and 5xx
  (``Retry-After`` is honoured up to a cap); a 4xx is final;
* at most one request per ``delay`` seconds to one host (``robots.txt``'s ``Crawl-delay``
  raises it), whatever the number of threads; ``robots.txt`` is obeyed;
* a User-Agent naming eventwire and a contact URL (``EVENTWIRE_CONTACT`` replaces it: set it
  to your own page or e-mail when you crawl);
* a size cap, counted on the bytes received and again after decompression.

Every failure is a ``FetchError`` with a reason for the errors table; the caller turns it into
a ``Failure`` and the run goes on.
"""
from __future__ import annotations

import http.client
import logging
import os
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Callable
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from .. import __version__
from .formats import MAX_PAGE_BYTES

log = logging.getLogger(__name__)

#: Who to tell when eventwire misbehaves on a site; operators set EVENTWIRE_CONTACT.
DEFAULT_CONTACT = "https://github.com/eventwire/eventwire"
#: Statuses worth asking again: the server is busy or broken for now.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
#: The longest wait a server's Retry-After or Crawl-delay may impose on us.
MAX_WAIT = 60.0
_READ_CHUNK = 64 * 1024


def user_agent() -> str:
    """``eventwire/<version> (+<contact>)``: names the tool and whom to contact."""
    contact = os.environ.get("EVENTWIRE_CONTACT", "").strip() or DEFAULT_CONTACT
    return f"eventwire/{__version__} (+{contact})"


class FetchError(Exception):
    """A URL that could not be fetched; ``reason`` goes to the errors table."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: the final URL (after redirects), its status, type and bytes."""

    url: str
    status: int
    content_type: str
    body: bytes
    charset: str | None = None


@dataclass
class FetchPolicy:
    """How patient and how polite a Fetcher is (all times in seconds)."""

    timeout: float = 20.0  # connect and each read
    total: float = 60.0  # one attempt, start to last byte
    retries: int = 2  # attempts after the first
    backoff: float = 1.0  # wait before retry k is backoff * 2**k
    delay: float = 1.0  # between two requests to one host
    max_bytes: int = MAX_PAGE_BYTES  # a page, inline scripts included
    max_redirects: int = 5
    robots: bool = True


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{parts.port or ''}"


def check_url(url: str) -> str:
    """The URL if eventwire may fetch it; FetchError for other schemes or no host."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FetchError(url, f"not a valid URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs are fetched, not {parts.scheme!r}")
    if not parts.hostname:
        raise FetchError(url, "URL without a host name")
    return url


@dataclass
class _HostState:
    lock: threading.Lock = field(default_factory=threading.Lock)
    robots_lock: threading.Lock = field(default_factory=threading.Lock)  # held while reading it
    next_at: float = 0.0
    delay: float | None = None  # robots.txt Crawl-delay, if larger than the policy's
    robots: RobotFileParser | None = None
    robots_checked: bool = False


class Fetcher:
    """Fetches URLs under one ``FetchPolicy``; safe to share between threads.

    ``sleep`` and ``clock`` are injectable only so the rate limiter can be reasoned about;
    the tests use the real ones against a real local server.
    """

    def __init__(self, policy: FetchPolicy | None = None, *,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy or FetchPolicy()
        self.user_agent = user_agent()
        self._sleep, self._clock = sleep, clock
        self._hosts: dict[str, _HostState] = {}
        self._lock = threading.Lock()
        self._ssl = ssl.create_default_context()

    # -- politeness -----------------------------------------------------------------------
    def _state(self, url: str) -> _HostState:
        key = _host_key(url)
        with self._lock:
            return self._hosts.setdefault(key, _HostState())

    def _wait_turn(self, url: str) -> None:
        """Block until this host may be asked again; book the next slot at once, so
        threads asking the same host queue up instead of all going together."""
        state = self._state(url)
        interval = max(self.policy.delay, state.delay or 0.0)
        with state.lock:
            now = self._clock()
            start = max(now, state.next_at)
            state.next_at = start + interval
        if start > now:
            self._sleep(start - now)

    def _allowed(self, url: str) -> bool:
        """robots.txt of the URL's host (fetched once per host); unreachable = allowed."""
        if not self.policy.robots:
            return True
        state = self._state(url)
        with state.robots_lock:  # other threads for this host wait for the answer
            if not state.robots_checked:
                state.robots_checked = True
                self._read_robots(url, state)
        robots = state.robots
        return robots is None or robots.can_fetch("eventwire", url)

    def _read_robots(self, url: str, state: _HostState) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            resp = self._get(robots_url, 512 * 1024, retries=0)
        except FetchError as exc:
            log.debug("robots.txt of %s not read (%s): all allowed", parts.netloc, exc)
            return
        parser = RobotFileParser(robots_url)
        parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay("eventwire")
        state.delay = min(float(delay), MAX_WAIT) if delay else None
        state.robots = parser

    # -- one request ----------------------------------------------------------------------
    def _once(self, url: str, max_bytes: int) -> tuple[int, dict[str, str], bytes]:
        """One GET (no redirects followed): status, headers (lower-case names), body."""
        parts = urlsplit(url)
        https = parts.scheme.lower() == "https"
        conn: http.client.HTTPConnection = (
            http.client.HTTPSConnection(parts.hostname or "", parts.port,
                                        timeout=self.policy.timeout, context=self._ssl)
            if https else
            http.client.HTTPConnection(parts.hostname or "", parts.port,
                                       timeout=self.policy.timeout))
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        deadline = self._clock() + self.policy.total
        try:
            conn.request("GET", target, headers={
                "User-Agent": self.user_agent, "Accept-Encoding": "gzip",
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                          "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
                "Connection": "close"})
            resp = conn.getresponse()
            headers = {k.lower(): v for k, v in resp.getheaders()}
            if resp.status >= 300:  # redirects and errors: only the status matters
                return resp.status, headers, b""
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(url, f"too big: {int(length):,} bytes announced, over the "
                                      f"limit of {max_bytes:,}")
            chunks: list[bytes] = []
            got = 0
            while True:
                if self._clock() > deadline:
                    raise TimeoutError(f"not received in full within {self.policy.total:g} s")
                chunk = resp.read1(_READ_CHUNK) if hasattr(resp, "read1") else resp.read(
                    _READ_CHUNK)
                if not chunk:
                    break
                got += len(chunk)
                if got > max_bytes:
                    raise FetchError(url, f"too big: more than {max_bytes:,} bytes")
                chunks.append(chunk)
            body = b"".join(chunks)
        finally:
            conn.close()
        if headers.get("content-encoding", "").lower() in ("gzip", "x-gzip"):
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                body = inflater.decompress(body, max_bytes + 1)
            except zlib.error as exc:
                raise FetchError(url, f"damaged gzip body ({exc})") from None
            if len(body) > max_bytes or inflater.unconsumed_tail:
                raise FetchError(url, f"too big: more than {max_bytes:,} bytes once "
                                      "decompressed")
        return resp.status, headers, body

    def _retry_after(self, headers: dict[str, str]) -> float | None:
        value = headers.get("retry-after", "").strip()
        if value.isdigit():
            return min(float(value), MAX_WAIT)
        if value:
            try:
                when = parsedate_to_datetime(value).timestamp()
            except (TypeError, ValueError):
                return None
            return max(0.0, min(when - time.time(), MAX_WAIT))
        return None

    def _get(self, url: str, max_bytes: int, retries: int | None = None) -> Response:
        """GET with retries and redirects (each hop checked, rate-limited, robots-checked
        by the caller for the first URL and here for every later one)."""
        retries = self.policy.retries if retries is None else retries
        current = check_url(url)
        for _hop in range(self.policy.max_redirects + 1):
            attempt = 0
            while True:
                self._wait_turn(current)
                try:
                    status, headers, body = self._once(current, max_bytes)
                    problem = f"HTTP {status} {http.client.responses.get(status, '')}".strip()
                    retry_after = self._retry_after(headers)
                except FetchError:
                    raise
                except (TimeoutError, socket.timeout) as exc:
                    status, headers, body, retry_after = 0, {}, b"", None
                    problem = f"timed out ({exc or 'no answer'}; limit {self.policy.timeout:g} s)"
                except (OSError, http.client.HTTPException) as exc:
                    status, headers, body, retry_after = 0, {}, b"", None
                    problem = f"connection failed ({type(exc).__name__}: {exc})"
                if status and status not in RETRY_STATUSES:
                    break
                if attempt >= retries:
                    tries = f" after {attempt + 1} attempts" if attempt else ""
                    raise FetchError(current, problem + tries)
                wait = self.policy.backoff * (2 ** attempt)
                if retry_after is not None:
                    wait = max(wait, retry_after)
                log.info("%s: %s; retrying in %.1f s", current, problem, wait)
                self._sleep(wait)
                attempt += 1
            if 300 <= status < 400 and headers.get("location"):
                target = urljoin(current, headers["location"].strip())
                try:
                    current = check_url(target)
                except FetchError as exc:
                    raise FetchError(url, f"redirect refused: {exc.reason} ({target[:200]})"
                                     ) from None
                if not self._allowed(current):
                    raise FetchError(current, "disallowed by the site's robots.txt")
                continue
            if status >= 300:
                raise FetchError(current, problem)
            ctype = headers.get("content-type", "")
            charset = None
            for param in ctype.split(";")[1:]:
                name, _, value = param.partition("=")
                if name.strip().lower() == "charset":
                    charset = value.strip().strip('"\'') or None
            return Response(current, status, ctype.split(";")[0].strip().lower(), body, charset)
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    def get(self, url: str, max_bytes: int | None = None) -> Response:
        """Fetch ``url`` (robots.txt, rate, retries, redirects, size cap); FetchError else."""
        check_url(url)
        if not self._allowed(url):
            raise FetchError(url, "disallowed by the site's robots.txt")
        return self._get(url, max_bytes or self.policy.max_bytes)


__all__ = ["Fetcher", "FetchPolicy", "FetchError", "Response", "check_url", "user_agent",
           "DEFAULT_CONTACT", "RETRY_STATUSES"]
