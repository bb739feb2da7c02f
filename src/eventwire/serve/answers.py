"""Each endpoint's answer as a function of its checked parameters, cached, off the event loop.

Why a layer between the routes and the Python API: under load the expensive part is DuckDB,
and a cached answer must never wait behind it. So a request first looks in the cache on the
event loop (no thread needed), and only a miss goes to a worker thread, at most ``gate``
of them at once: more parallel queries than cores only make every one of them slower while
the threadpool fills up. ``warm`` computes the dashboard's landing requests in the background
when the server starts, so the first visitor of a million-event store does not wait for the
alerts scan.
"""
from __future__ import annotations

import asyncio
import logging
import time
from datetime import date
from typing import Any, Callable, Iterable, Mapping

from fastapi import HTTPException
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ..errors import EventwireError
from .cache import AnswerCache
from .encode import Ready, dumps, records

log = logging.getLogger(__name__)

JSON = "application/json"
#: Queries run at once, at most. Below the threadpool's 40 threads, so /api/health and the
#: static files always find one; above the core count, so a cheap query (one article) shares
#: the cores with expensive ones instead of queueing behind all of them.
GATE = 24
#: What the dashboard asks for when it opens (see static/app.js): warmed at start.
LANDING_EVENTS = 50
LANDING_DYADS = 500
LANDING_ALERTS = 20
LANDING_PLACES = 300
#: Weekly series of this many of the busiest dyads are warmed too: by default every dyad the
#: picker offers, so choosing one answers from memory (about 0.2-0.5 s of DuckDB each on a
#: million events, paid once in the background instead of by a waiting visitor).
WARM_SERIES = LANDING_DYADS


def cache_key(path: str, params: Iterable[tuple[str, Any]]) -> str:
    """The cache key of a request: its path and sorted query parameters as sent."""
    return path + "?" + "&".join(f"{k}={v}" for k, v in sorted((k, str(v)) for k, v in params))


def _page(frame: Any, limit: int, offset: int) -> dict[str, Any]:
    """One page asked for with ``limit + 1`` rows: the extra row only says there is more."""
    rows = records(frame)
    more = len(rows) > limit
    return Ready(items=rows[:limit], limit=limit, offset=offset,
                 next_offset=offset + limit if more else None)


def _up(value: str | None) -> str | None:
    return value.upper() if value else None


class Answers:
    """The answers of the JSON API over ``api`` (what ``eventwire.open`` returns)."""

    def __init__(self, api: Any, cache: AnswerCache, gate: int | None = None,
                 warm_series: int = WARM_SERIES) -> None:
        self.api = api
        self.cache = cache
        self.warm_series = warm_series
        #: progress of ``warm``, shown at /api/health
        self.warmed: dict[str, Any] = {"done": False, "answers": 0, "seconds": None}
        self.gate_size = gate or GATE
        self._gate: asyncio.Semaphore | None = None
        #: (level, store generation) -> (its length, the dyad ranking): see ``dyads``
        self._rankings: dict[tuple[str, Any], tuple[int, Any]] = {}

    # -- the answers ----------------------------------------------------------------------
    def events(self, actor: str | None = None, dyad: str | None = None,
               category: str | None = None, quad: int | None = None,
               status: str | None = None, since: date | None = None,
               until: date | None = None, place: str | None = None, text: str | None = None,
               limit: int = 100, offset: int = 0) -> dict[str, Any]:
        return _page(self.api.events(
            actor=_up(actor), dyad=_up(dyad), category=_up(category), quad=quad,
            status=status, since=since, until=until, place=place, text=text,
            limit=limit + 1, offset=offset, as_arrow=True), limit, offset)

    def articles(self, actor: str | None, since: date | None, until: date | None,
                 outlet: str | None, text: str | None, limit: int, offset: int
                 ) -> dict[str, Any]:
        return _page(self.api.articles(actor=_up(actor), since=since, until=until,
                                       outlet=outlet, text=text, limit=limit + 1,
                                       offset=offset), limit, offset)

    def article(self, article_id: str) -> dict[str, Any]:
        return self.api.article(article_id)

    def series(self, a: str, b: str | None, freq: str = "week", by: str = "quad",
               since: date | None = None, until: date | None = None) -> dict[str, Any]:
        return Ready(items=records(self.api.series(a.upper(), _up(b), freq=freq, by=by,
                                                   since=since, until=until)))

    def alerts(self, a: str | None = None, b: str | None = None, freq: str = "week",
               level: str = "key", quad: int | None = None, since: date | None = None,
               until: date | None = None, limit: int = 100) -> dict[str, Any]:
        return {"items": records(self.api.alerts(_up(a), _up(b), freq=freq, level=level,
                                                 quad=quad, since=since, until=until,
                                                 limit=limit)), "limit": limit}

    def threads(self, actor: str | None, dyad: str | None, category: str | None,
                since: date | None, until: date | None, limit: int, offset: int
                ) -> dict[str, Any]:
        return _page(self.api.threads(actor=_up(actor), dyad=_up(dyad),
                                      category=_up(category), since=since, until=until,
                                      limit=limit + 1, offset=offset), limit, offset)

    def dyads(self, level: str = "key", limit: int = 100) -> dict[str, Any]:
        """A ranking is a prefix of a longer one: every limit up to the picker's is cut
        from one ranking per level and store generation (a DuckDB aggregate over the
        whole summary, paid once instead of once per limit asked)."""
        store = getattr(self.api, "store", None)
        key = (level, getattr(store, "generation", None))
        longest = max(limit, LANDING_DYADS)
        ranked = self._rankings.get(key)
        if ranked is None or ranked[0] < longest:
            ranked = (longest, self.api.dyads(level=level, self_pairs=False, limit=longest))
            self._rankings = {key: ranked, **{k: v for k, v in self._rankings.items()
                                               if k[1] == key[1]}}
        return Ready(items=records(ranked[1].head(limit)))

    def places(self, limit: int = 300) -> dict[str, Any]:
        return {"items": records(self.api.places(limit=limit))}

    # -- serving them ---------------------------------------------------------------------
    def _encoded(self, compute: Callable[[], Any]) -> Callable[[], bytes]:
        def run() -> bytes:
            try:
                return dumps(compute())
            except KeyError as exc:
                raise HTTPException(404, str(exc).strip("'\"")) from exc
            except ValueError as exc:  # a filter the API refuses, with its reason
                raise HTTPException(422, str(exc)) from exc
            except EventwireError as exc:
                raise HTTPException(503, str(exc)) from exc
        return run

    async def respond(self, path: str, params: Iterable[tuple[str, Any]],
                      compute: Callable[[], Any]) -> Response:
        """The cached answer at once, else ``compute`` in a worker thread behind the gate."""
        key = cache_key(path, params)
        found = self.cache.peek(key)
        if found is None:
            if self._gate is None:
                self._gate = asyncio.Semaphore(self.gate_size)
            async with self._gate:
                found = await run_in_threadpool(self.cache.get, key, self._encoded(compute))
        return Response(found, media_type=JSON)

    def warm(self) -> None:
        """Compute the dashboard's landing answers (run in a background thread)."""
        start = time.monotonic()
        jobs: list[tuple[str, Mapping[str, Any], Callable[[], Any]]] = [
            ("/api/events", {"limit": LANDING_EVENTS, "offset": 0},
             lambda: self.events(limit=LANDING_EVENTS)),
            ("/api/dyads", {"limit": LANDING_DYADS},
             lambda: self.dyads(limit=LANDING_DYADS)),
            ("/api/places", {"limit": LANDING_PLACES},
             lambda: self.places(LANDING_PLACES)),
            ("/api/alerts", {"limit": LANDING_ALERTS},
             lambda: self.alerts(limit=LANDING_ALERTS)),
        ]
        try:
            memory = getattr(self.api, "memory", None)
            if memory is not None:  # first: the series warmed below then come from it
                memory.build_now()
            if self.warm_series:
                busiest = self.api.dyads(self_pairs=False, limit=self.warm_series)
                for a, b in zip(busiest["source"], busiest["target"]):
                    jobs.append(("/api/series", {"a": a, "b": b, "freq": "week", "by": "quad"},
                                 lambda a=a, b=b: self.series(a, b)))
            for path, params, compute in jobs:
                self.cache.get(cache_key(path, params.items()), self._encoded(compute))
                self.warmed["answers"] += 1
        except Exception as exc:  # noqa: BLE001 - warming is an optimisation, never fatal
            log.warning("warming the answer cache stopped: %s", exc)
        self.warmed.update(done=True, seconds=round(time.monotonic() - start, 1))


__all__ = ["Answers", "cache_key", "WARM_SERIES"]
