"""A small version of benchmarks/bench_serve.py: 200 clients at once, not one error.

No timing is asserted here (the machine is shared); the benchmark prints the latencies.
"""
from __future__ import annotations

import itertools
from urllib.parse import urlsplit

from .load import run_load
from .synth import ACTORS


def plans(clients: int, per_client: int) -> list[list[tuple[str, str]]]:
    """Each client: dyad series, filtered event pages, one article, dyads and places."""
    keys = [a[0] for a in ACTORS]
    dyads = itertools.cycle([(a, b) for a in keys for b in keys if a != b])
    out = []
    for c in range(clients):
        plan = []
        for k in range(per_client):
            a, b = next(dyads)
            plan += [("series", f"/api/series?a={a}&b={b}&freq=week&by=quad"),
                     ("events", f"/api/events?dyad={a}-{b}&limit=50&offset={50 * (k % 3)}"),
                     ("events", f"/api/events?actor={a}&category=ACCUSE&limit=20")]
        plan += [("article", f"/api/articles/gen-7-{c % 400:07d}"),
                 ("dyads", "/api/dyads?limit=100"), ("places", "/api/places")]
        out.append(plan)
    return out


def test_two_hundred_concurrent_clients_get_no_errors(live_url):
    result = run_load(urlsplit(live_url).port, plans(200, 1), seconds=300)
    assert result.errors == []
    assert result.requests == 200 * 6
