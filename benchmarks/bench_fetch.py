"""Fetching a feed's pages from a local HTTP server: pages per second, and the host rate kept.

    python benchmarks/bench_fetch.py [--pages 200] [--delay 0.02]

Serves a feed of ``--pages`` distinct articles on 127.0.0.1 (http.server in a thread) and
reads it through ``read_inputs`` (the ``eventwire code URL`` path: robots.txt, rate limit,
retries, HTML checks) three ways: no delay; ``--delay`` seconds per host with every link on
one host; the same delay with the links split over two host names (127.0.0.1, localhost),
which the limiter counts apart. Prints pages/s and the mean gap between two requests to one
host as the server saw them (the limiter spaces request starts; arrivals jitter around it).
"""
from __future__ import annotations

import argparse
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from eventwire.ingest import read_inputs
from eventwire.ingest.fetch import Fetcher, FetchPolicy
from eventwire.model import Document

WORDS = ("harbour council river bridge ferry market school station farmers union minister "
         "court budget library hospital road").split()


def page(n: int) -> bytes:
    words = " ".join(WORDS[(n * k) % len(WORDS)] for k in range(1, 60))
    return (f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
            f"<p>The officials said on Monday that story number {n} was about the {words}.</p>"
            "</article></body></html>").encode()


def serve(n_pages: int, hosts: list[str]) -> tuple[ThreadingHTTPServer, dict[str, list[float]]]:
    seen: dict[str, list[float]] = {}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            with lock:
                seen.setdefault(self.headers.get("Host", "").split(":")[0], []).append(
                    time.monotonic())
            if self.path == "/feed.xml":
                port = self.server.server_address[1]
                items = "".join(f"<item><title>Story {i}</title><link>http://"
                                f"{hosts[i % len(hosts)]}:{port}/p{i}.html</link></item>"
                                for i in range(n_pages))
                body = f"<rss><channel><title>Bench</title>{items}</channel></rss>".encode()
                ctype = "application/rss+xml"
            elif self.path.startswith("/p"):
                body, ctype = page(int(self.path[2:].split(".")[0])), "text/html"
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


def run(n_pages: int, delay: float, hosts: list[str]) -> None:
    server, seen = serve(n_pages, hosts)
    url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    fetcher = Fetcher(FetchPolicy(timeout=5, delay=delay, retries=1, backoff=0.1))
    t0 = time.perf_counter()
    docs = [d for d in read_inputs([url], fetcher=fetcher) if isinstance(d, Document)]
    secs = time.perf_counter() - t0
    server.shutdown()
    server.server_close()
    gaps = [(ts[-1] - ts[0]) / (len(ts) - 1) for ts in seen.values() if len(ts) > 1]
    print(f"delay {delay:5.3f} s, {len(hosts)} host(s): {len(docs)}/{n_pages} pages in "
          f"{secs:5.2f} s = {len(docs) / secs:6.1f} pages/s; mean gap between requests to "
          f"one host {min(gaps):.4f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--delay", type=float, default=0.02)
    args = ap.parse_args()
    run(args.pages, 0.0, ["127.0.0.1"])
    run(args.pages, args.delay, ["127.0.0.1"])
    run(args.pages, args.delay, ["127.0.0.1", "localhost"])


if __name__ == "__main__":
    main()
