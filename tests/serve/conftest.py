"""A served store: the seed article coded by the real Pipeline, a hostile article and
generated articles, in a real DuckDB file; the app in-process, on a real port, and chromium."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.store import Store

from .live import LiveServer
from .synth import articles, bulk_save, hostile_article

CHROMIUM = "/usr/bin/chromium"
#: Debian's chromium, headless, with every background download and sync switched off.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
#: Generated articles beside the seed (5 events each).
GENERATED = 400
#: Dyad series the served app computes at start (fewer than the CLI's 500: a shared machine).
WARM = 20


@pytest.fixture(scope="session")
def served_db(tmp_path_factory, seed_coded) -> Path:
    import eventwire
    db = tmp_path_factory.mktemp("serve") / "served.duckdb"
    with Store(db) as store:
        store.save(seed_coded)
        store.save(hostile_article())
    bulk_save(str(db), articles(GENERATED, 5))
    with eventwire.open(db, read_only=False) as ew:
        ew.update_threads()
    return db


@pytest.fixture(scope="session")
def served(served_db):
    """(app, EventStore) over the served store, read-only as `eventwire serve` opens it."""
    from eventwire.serve.server import open_app
    app, api = open_app(served_db, warm_series=WARM)
    yield app, api
    api.close()


@pytest.fixture(scope="session")
def client(served):
    from fastapi.testclient import TestClient
    with TestClient(served[0]) as c:
        yield c


@pytest.fixture(scope="session")
def live_url(served):
    with LiveServer(served[0]) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright, which must never download a browser itself."""
    if not os.access(CHROMIUM, os.X_OK):
        reason = (f"{CHROMIUM} is not installed and could not be: run `make browser` as root "
                  "(apt-get install -y chromium)")
        if os.environ.get("CI"):
            pytest.fail(reason)  # CI installs it (make test): a missing browser is a failure
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_url):
    """A fresh page; every request that is not to the test server is refused and recorded,
    so a test can assert that the dashboard fetched nothing from the network."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.outside = []  # type: ignore[attr-defined]

    def route(r):
        if r.request.url.startswith(live_url):
            r.continue_()
        else:
            pg.outside.append(r.request.url)  # type: ignore[attr-defined]
            r.abort()
    pg.route("**/*", route)
    yield pg
    context.close()
