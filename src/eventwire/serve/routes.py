"""The JSON endpoints: thin calls to the Python API (``eventwire.open``), paged and cached.

Every endpoint is a GET: the HTTP API never writes. Values are checked for shape here
(``params``) and reach the store only as parameters of the Python API's queries.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from ..errors import EventwireError
from .cache import AnswerCache
from .encode import dumps, records
from . import aggregates
from .params import (
    ARTICLE_ID_PATTERN, CATEGORY_PATTERN, DEFAULT_LIMIT, DYAD_PATTERN, KEY_PATTERN, MAX_LIMIT,
    MAX_OFFSET, MAX_TEXT, STATUS_PATTERN, By, Freq, Level,
)

JSON = "application/json"

# Query parameters shared by several endpoints, each with the help text /docs shows.
Actor = Query(None, pattern=KEY_PATTERN, description="Actor key on either side: RUS, NATO, "
              "USAGOV (country + sector).", examples=["RUS"])
Dyad = Query(None, pattern=DYAD_PATTERN, description="Directed source-target pair joined "
             "by '-': RUS-NATO, USAGOV-USAOPP.", examples=["RUS-NATO"])
Category = Query(None, pattern=CATEGORY_PATTERN, description="PLOVER category, e.g. ACCUSE.")
Quad = Query(None, ge=1, le=4, description="PLOVER quad: 1 verbal cooperation, 2 material "
             "cooperation, 3 verbal conflict, 4 material conflict.")
Status = Query(None, pattern=STATUS_PATTERN, description="asserted, negated, claimed, ...")
Since = Query(None, description="First day, inclusive (YYYY-MM-DD).")
Until = Query(None, description="Last day, inclusive (YYYY-MM-DD).")
Place = Query(None, max_length=MAX_TEXT, description="Place name or country code of the "
              "event's location.")
Text = Query(None, max_length=MAX_TEXT, description="Words searched in the evidence "
             "sentence (events) or title and text (articles).")
Limit = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Rows per page (<= {MAX_LIMIT}).")
Offset = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip (paging).")
FreqQ = Query("week", description="Period length of the series.")


def _page(frame: Any, limit: int, offset: int) -> dict[str, Any]:
    """One page asked for with ``limit + 1`` rows: the extra row only says there is more."""
    rows = records(frame)
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


def build_router(api: Any, cache: AnswerCache, health: Callable[[], dict[str, Any]]
                 ) -> APIRouter:
    """The /api routes over ``api``, the object ``eventwire.open`` returns."""
    router = APIRouter(prefix="/api")

    def answer(request: Request, compute: Callable[[], Any]) -> Response:
        key = request.url.path + "?" + "&".join(
            f"{k}={v}" for k, v in sorted(request.query_params.multi_items()))

        def run() -> bytes:
            try:
                return dumps(compute())
            except KeyError as exc:
                raise HTTPException(404, str(exc).strip("'\"")) from exc
            except ValueError as exc:  # a filter the API refuses, with its reason
                raise HTTPException(422, str(exc)) from exc
            except EventwireError as exc:
                raise HTTPException(503, str(exc)) from exc
        return Response(cache.get(key, run), media_type=JSON)

    @router.get("/health", summary="Server and store state")
    def get_health() -> Any:
        """Event and article counts, the watcher's progress, the answer cache."""
        return health()

    @router.get("/events", summary="Events, filtered and paged")
    def get_events(request: Request, actor: str | None = Actor, dyad: str | None = Dyad,
                   category: str | None = Category, quad: int | None = Quad,
                   status: str | None = Status, since: date | None = Since,
                   until: date | None = Until, place: str | None = Place,
                   text: str | None = Text, limit: int = Limit, offset: int = Offset) -> Any:
        """Events with their dyad, category, date, place and evidence sentence, in date order."""
        return answer(request, lambda: _page(api.events(
            actor=actor.upper() if actor else None, dyad=dyad,
            category=category.upper() if category else None, quad=quad, status=status,
            since=since, until=until, place=place, text=text, limit=limit + 1,
            offset=offset), limit, offset))

    @router.get("/articles", summary="Articles, newest first, paged")
    def get_articles(request: Request, actor: str | None = Actor,
                     since: date | None = Since, until: date | None = Until,
                     outlet: str | None = Query(None, max_length=MAX_TEXT,
                                                description="The outlet, e.g. Newsweek."),
                     text: str | None = Text, limit: int = Limit, offset: int = Offset) -> Any:
        """Stored articles without their text, with their event counts, newest first."""
        return answer(request, lambda: _page(api.articles(
            actor=actor.upper() if actor else None, since=since, until=until, outlet=outlet,
            text=text, limit=limit + 1, offset=offset), limit, offset))

    @router.get("/articles/{article_id}", summary="One article with its coded spans")
    def get_article(request: Request, article_id: str = Path(
            ..., pattern=ARTICLE_ID_PATTERN, description="The article's id (ew-...).")) -> Any:
        """The article's text and every coded record with its character offsets into it."""
        return answer(request, lambda: api.article(article_id))

    @router.get("/series", summary="Tension series of a dyad or an actor")
    def get_series(request: Request,
                   a: str = Query(..., pattern=KEY_PATTERN, description="Source actor key."),
                   b: str | None = Query(None, pattern=KEY_PATTERN, description="Target actor "
                                         "key; leave out for the actor against all."),
                   freq: Freq = FreqQ,
                   by: By = Query("quad", description="Break counts down by PLOVER quad, "
                                  "category, or not at all (total)."),
                   since: date | None = Since, until: date | None = Until) -> Any:
        """Per period and group: ``events`` (asserted threads), ``claimed`` (claimed-only
        ones), ``mean_intensity``, ``mentions``; negated events left out. Quiet periods
        show as zero rows."""
        return answer(request, lambda: {"items": records(api.series(
            a.upper(), b.upper() if b else None, freq=freq, by=by, since=since,
            until=until))})

    @router.get("/alerts", summary="Spike alerts")
    def get_alerts(request: Request,
                   a: str | None = Query(None, pattern=KEY_PATTERN, description="Only this "
                                         "source actor's dyads."),
                   b: str | None = Query(None, pattern=KEY_PATTERN, description="Only "
                                         "against this target."),
                   freq: Freq = FreqQ,
                   level: Level = Query("key", description="Dyads by country/org (key) or "
                                        "country + sector (code: USAGOV-USAOPP)."),
                   quad: int | None = Quad, since: date | None = Since,
                   until: date | None = Until, limit: int = Limit) -> Any:
        """Periods where a dyad's count of asserted events jumps against its own trailing
        median/MAD baseline, strongest first, each with the events that caused it."""
        return answer(request, lambda: {"items": records(api.alerts(
            a.upper() if a else None, b.upper() if b else None, freq=freq, level=level,
            quad=quad, since=since, until=until, limit=limit)), "limit": limit})

    @router.get("/dyads", summary="Busiest dyads")
    def get_dyads(request: Request, level: Level = Query("key", description="Actors by "
                                                         "country/org or country + sector."),
                  limit: int = Query(100, ge=1, le=MAX_LIMIT, description="How many.")) -> Any:
        """Directed dyads by asserted event mentions (the dashboard's picker)."""
        return answer(request, lambda: {"items": records(aggregates.dyads(api, level, limit))})

    @router.get("/places", summary="Event counts per place")
    def get_places(request: Request,
                   limit: int = Query(300, ge=1, le=MAX_LIMIT, description="How many.")) -> Any:
        """Places with coordinates and their event mentions (the dashboard's map)."""
        return answer(request, lambda: {"items": records(aggregates.places(api, limit))})

    @router.get("/threads", summary="Event threads across articles")
    def get_threads(request: Request, actor: str | None = Actor, dyad: str | None = Dyad,
                    category: str | None = Category, since: date | None = Since,
                    until: date | None = Until, limit: int = Limit,
                    offset: int = Offset) -> Any:
        """Mentions of one real-world event in several articles, merged, with counts."""
        return answer(request, lambda: _page(api.threads(
            actor=actor.upper() if actor else None, dyad=dyad,
            category=category.upper() if category else None, since=since, until=until,
            limit=limit + 1, offset=offset), limit, offset))

    return router


__all__ = ["build_router"]
