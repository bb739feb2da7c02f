"""Live use: one process owns the store, serves it and ingests what appears in a folder."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from eventwire.serve.watch import Watcher
from eventwire.store import Store

from ..interfaces.generated import article as generated
from .live import free_port, get, wait_for


def _write(folder: Path, i: int) -> Path:
    """Generated article ``i`` as a text file with its own URL (its identity) and date."""
    a = generated(i)
    path = folder / f"story-{i:03d}.txt"
    path.write_text(f"URL: https://wire.example.net/live/{i}\nPublished: {a['published']}\n"
                    f"Title: {a['title']}\n\n{a['text']}\n", encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "live.duckdb") as s:
        yield s


def test_watcher_codes_a_file_once_it_holds_still(tmp_path, store, pipeline):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    w = Watcher(store, [inbox], pipeline=pipeline)
    _write(inbox, 1)
    assert w.poll_once() == 0  # seen once: it may still be being written
    assert w.status.pending == 1
    assert w.poll_once() == 1
    assert w.poll_once() == 0  # nothing new
    assert store.count("articles") == 1 and store.count("events") >= 1


def test_watcher_waits_for_a_half_written_file(tmp_path, store, pipeline):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    w = Watcher(store, [inbox], pipeline=pipeline)
    path = inbox / "slow.txt"
    path.write_text("URL: https://wire.example.net/slow\nPublished: 2021-03-02\n\n"
                    "Chile accused Peru of", encoding="utf-8")
    w.poll_once()
    with path.open("a", encoding="utf-8") as f:
        f.write(" moving troops to the border on Monday. Lima denied it.\n")
    assert w.poll_once() == 0  # it changed since the last look: still waiting
    assert w.poll_once() == 1
    (stored,) = store.articles()
    assert store.get_article(stored["id"])["text"].endswith("Lima denied it.")


def test_watcher_restart_skips_what_is_stored_and_reports_bad_files(tmp_path, store,
                                                                    pipeline):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    for i in range(3):
        _write(inbox, i)
    _write(inbox / "sub", 3)
    (inbox / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (inbox / ".partial.txt").write_text("ignored: a hidden file", encoding="utf-8")
    first = Watcher(store, [inbox], pipeline=pipeline)
    first.poll_once()
    assert first.poll_once() == 4
    assert first.status.failed == 1 and len(store.errors()) == 1
    events = store.count("events")
    again = Watcher(store, [inbox], pipeline=pipeline)  # e.g. the server was restarted
    again.poll_once()
    assert again.poll_once() == 0
    assert again.status.skipped == 4
    assert store.count("articles") == 4 and store.count("events") == events


def test_watching_a_missing_folder_is_a_clear_error(tmp_path, store):
    from eventwire.errors import EventwireError
    with pytest.raises(EventwireError, match="no such file or folder"):
        Watcher(store, [tmp_path / "nope"])


def _eventwire(*args: str) -> list[str]:
    return [sys.executable, "-c", "from eventwire.interfaces.cli import main; main()", *args]


def test_serve_and_ingest_at_once_lose_nothing_and_show_new_events_within_a_minute(tmp_path):
    """The real command: `eventwire serve --watch`, read by clients while files arrive."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "live.duckdb"
    port = free_port()
    n = 12
    for i in range(3):  # some news is there before the server starts
        _write(inbox, i)
    proc = subprocess.Popen(_eventwire("serve", "--db", str(db), "--port", str(port),
                                       "--interval", "0.5", "--watch", str(inbox)),
                            stderr=subprocess.PIPE, text=True)
    errors: list[str] = []
    answered = [0]
    stop = threading.Event()

    def read() -> None:  # clients reading all along, while the same process writes
        paths = ["/api/events?limit=20", "/api/series?a=PER", "/api/articles?limit=5",
                 "/api/health", "/api/dyads"]
        k = 0
        while not stop.is_set():
            try:
                status, _ = get(port, paths[k % len(paths)])
                answered[0] += 1
                if status != 200:
                    errors.append(f"{paths[k % len(paths)]}: {status}")
            except OSError as exc:
                errors.append(str(exc))
            k += 1
            time.sleep(0.05)

    try:
        wait_for(port, timeout=60)
        readers = [threading.Thread(target=read) for _ in range(4)]
        for t in readers:
            t.start()
        for i in range(3, n):
            _write(inbox, i)
            time.sleep(0.3)
        written = time.monotonic()
        while True:
            status, health = get(port, "/api/health")
            if status == 200 and health["articles"] == n:
                break
            assert time.monotonic() - written < 60, f"after 60 s: {health}"
            time.sleep(0.5)
        # the new articles' events are in the API, not only in the table
        status, page = get(port, "/api/events?limit=1000")
        urls = {e["url"] for e in page["items"]}
        assert {f"https://wire.example.net/live/{i}" for i in range(n)} <= urls
        stop.set()
        for t in readers:
            t.join()
        assert errors == [] and answered[0] > 20
        assert health["watch"]["failed"] == 0 and health["read_only"] is False
    finally:
        stop.set()
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    # the process is gone: the file opens again, holding each article exactly once
    with Store(db, read_only=True) as s:
        rows = s.query("SELECT count(*) AS n, count(DISTINCT url) AS urls FROM articles")[0]
        assert rows == {"n": n, "urls": n}
        assert s.errors() == []
    assert "Traceback" not in (proc.stderr.read() if proc.stderr else "")
    assert os.path.exists(db)
