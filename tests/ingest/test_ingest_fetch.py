"""URL inputs against a real HTTP server on 127.0.0.1: feeds, pages and every way a fetch
fails (slow page, 500 then 200, 404, too big, not HTML, robots.txt, a redirect to file://),
the per-host rate, and the User-Agent."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.ingest import read_inputs
from eventwire.ingest.fetch import Fetcher, FetchError, FetchPolicy
from eventwire.model import Document, Failure

ARTICLE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
           "<p>The port authority of the coastal city said on Monday that the {what} would "
           "reopen next month after repairs to the northern pier were finished.</p>"
           "<p>Officials told reporters that the work had cost more than planned and that the "
           "contractor would pay part of the extra bill.</p></article></body></html>")


class Site:
    """What the test server serves, and what it saw."""

    def __init__(self) -> None:
        self.hits: dict[str, list[float]] = {}
        self.agents: list[str] = []
        self.flaky_left = 1
        self.lock = threading.Lock()
        self.base = ""

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>Story {p}</title><link>{self.base}/{p}</link>"
            f"<pubDate>Mon, 07 Dec 2026 10:00:00 GMT</pubDate></item>"
            for p in ("a.html", "slow.html", "flaky.html", "missing.html", "big.html",
                      "doc.pdf", "b.html", "private/c.html", "to-file.html"))
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News'
                f"</title>{items}</channel></rss>").encode()


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
                 **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            with site.lock:
                site.hits.setdefault(self.path, []).append(time.monotonic())
                site.agents.append(self.headers.get("User-Agent", ""))
            path = self.path.split("?")[0]
            if path == "/robots.txt":
                self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif path == "/feed.xml":
                self.send(200, site.feed(), "application/rss+xml")
            elif path in ("/a.html", "/b.html", "/private/c.html"):
                self.send(200, ARTICLE.format(title=path, what=f"ferry terminal {path}").encode())
            elif path == "/slow.html":
                time.sleep(1.5)
                self.send(200, ARTICLE.format(title="slow", what="slow dock").encode())
            elif path == "/flaky.html":
                with site.lock:
                    fail, site.flaky_left = site.flaky_left > 0, site.flaky_left - 1
                if fail:
                    self.send(500, b"oops")
                else:
                    self.send(200, ARTICLE.format(title="flaky", what="fish market").encode())
            elif path == "/big.html":
                self.send(200, b"<html><body><p>" + b"x " * 40_000 + b"</p></body></html>")
            elif path == "/doc.pdf":
                self.send(200, b"%PDF-1.4 not a page", "application/pdf")
            elif path == "/to-file.html":
                self.send(302, b"", Location="file:///etc/passwd")
            elif path == "/moved.html":
                self.send(301, b"", Location="/a.html")
            else:
                self.send(404, b"not here")
    return Handler


@pytest.fixture()
def site():
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def fast(**kw: float) -> Fetcher:
    policy = FetchPolicy(timeout=0.5, total=2.0, retries=1, backoff=0.05, delay=0.0,
                         max_bytes=50_000)
    for k, v in kw.items():
        setattr(policy, k, v)
    return Fetcher(policy)


def test_fetch_feed_url_fetches_linked_pages_and_reports_each_failure(site):
    items = list(read_inputs([f"{site.base}/feed.xml"], fetcher=fast()))
    docs = {i.meta.url: i for i in items if isinstance(i, Document)}
    fails = {i.origin: i for i in items if isinstance(i, Failure)}
    assert sorted(docs) == [f"{site.base}/a.html", f"{site.base}/b.html",
                            f"{site.base}/flaky.html"]  # flaky: a 500, then a 200 on retry
    a = docs[f"{site.base}/a.html"]
    assert a.meta.title == "Story a.html" and a.meta.source == "Harbour News"
    assert a.meta.published == "2026-12-07" and "ferry terminal" in a.html
    reasons = {k.rsplit("/", 1)[-1]: v.reason for k, v in fails.items()}
    assert "timed out" in reasons["slow.html"] and "after 2 attempts" in reasons["slow.html"]
    assert reasons["missing.html"] == "HTTP 404 Not Found"
    assert reasons["big.html"].startswith("too big")
    assert reasons["doc.pdf"] == "not an HTML page (Content-Type application/pdf)"
    assert reasons["c.html"] == "disallowed by the site's robots.txt"
    assert "redirect refused" in reasons["to-file.html"] and "'file'" in reasons["to-file.html"]
    assert all(f.stage == "fetch" for f in fails.values())
    assert len(site.hits["/flaky.html"]) == 2 and len(site.hits["/missing.html"]) == 1
    assert "/private/c.html" not in site.hits  # never asked for
    assert "/robots.txt" in site.hits and len(site.hits["/robots.txt"]) == 1
    # feed order is kept whatever the threads did
    order = [i.meta.url.rsplit("/", 1)[-1] if isinstance(i, Document)
             else i.origin.rsplit("/", 1)[-1] for i in items]
    assert order == ["a.html", "slow.html", "flaky.html", "missing.html", "big.html",
                     "doc.pdf", "b.html", "c.html", "to-file.html"]


def test_fetch_user_agent_names_eventwire_and_a_contact(site, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CONTACT", "mailto:desk@example.org")
    fast().get(f"{site.base}/a.html")
    assert site.agents and all(a.startswith("eventwire/") and "(+mailto:desk@example.org)" in a
                               for a in site.agents)


def test_fetch_per_host_rate_is_kept_across_threads(site):
    fetcher = fast(delay=0.25)
    paths = [f"/a.html?n={n}" for n in range(6)]
    threads = [threading.Thread(target=fetcher.get, args=(site.base + p,)) for p in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times = sorted(t for p in paths for t in site.hits[p]) + site.hits["/robots.txt"]
    times.sort()
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(times) == 7 and min(gaps) >= 0.2, gaps  # 0.25 s apart (less scheduling jitter)


def test_fetch_plain_article_url_and_redirect_within_http(site):
    items = list(read_inputs([f"{site.base}/moved.html"], fetcher=fast()))
    assert len(items) == 1 and isinstance(items[0], Document)
    assert items[0].meta.url == f"{site.base}/a.html"  # the final URL is the article's


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x.html",
                                 "gopher://127.0.0.1/"])
def test_fetch_other_schemes_are_refused_without_a_request(url, site):
    items = list(read_inputs([url], fetcher=fast()))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "only http and https" in items[0].reason
    with pytest.raises(FetchError):
        fast().get(url)


def test_fetch_unreachable_host_is_one_failure_and_the_rest_goes_on(site, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The council approved the budget for the new library on Friday after a "
                    "long debate about the cost of the building.", encoding="utf-8")
    items = list(read_inputs(["http://127.0.0.1:9/feed.xml", str(good)], fetcher=fast()))
    assert isinstance(items[0], Failure) and "connection failed" in items[0].reason
    assert isinstance(items[1], Document)
