"""The answer cache: one computation per key however many ask at once; bounded; emptied
when the store changes."""
from __future__ import annotations

import threading
import time

from eventwire.serve.cache import AnswerCache


def test_cache_computes_a_key_once_for_concurrent_askers():
    cache = AnswerCache()
    calls = []

    def slow() -> bytes:
        calls.append(1)
        time.sleep(0.2)
        return b"answer"
    got: list[bytes] = []
    askers = [threading.Thread(target=lambda: got.append(cache.get("k", slow)))
              for _ in range(8)]
    for t in askers:
        t.start()
    for t in askers:
        t.join()
    assert got == [b"answer"] * 8 and len(calls) == 1
    assert cache.stats()["misses"] == 1 and cache.stats()["hits"] == 7


def test_cache_drops_least_recent_beyond_entries_or_bytes():
    cache = AnswerCache(size=2, max_bytes=10)
    cache.get("a", lambda: b"1234")
    cache.get("b", lambda: b"1234")
    cache.peek("a")  # a is now the most recent
    cache.get("c", lambda: b"1234")
    assert cache.peek("b") is None and cache.peek("a") == b"1234"
    cache.get("big", lambda: b"12345678")  # 8 + 4 > 10 bytes: only big stays
    assert cache.peek("a") is None and cache.peek("c") is None
    assert cache.peek("big") == b"12345678" and cache.stats()["bytes"] == 8


def test_cache_forgets_everything_when_the_store_changes():
    cache = AnswerCache()
    cache.get("k", lambda: b"old")
    cache.bump()
    assert cache.peek("k") is None
    assert cache.get("k", lambda: b"new") == b"new"


def test_an_answer_computed_across_a_change_is_not_kept():
    cache = AnswerCache()

    def racing() -> bytes:
        cache.bump()  # the watcher stored articles while this query ran
        return b"maybe stale"
    assert cache.get("k", racing) == b"maybe stale"
    assert cache.peek("k") is None
