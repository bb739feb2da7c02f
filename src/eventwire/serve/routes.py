"""The JSON endpoints: their parameters, checked, handed to ``Answers``.

Every endpoint is a GET: the HTTP API never writes. Values are checked for shape here
(``params``) and reach the store only as parameters of the Python API's queries.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from .answers import Answers
from .land import land_mask
from .params import (
    ARTICLE_ID_PATTERN, CATEGORY_PATTERN, DEFAULT_LIMIT, DYAD_PATTERN, KEY_PATTERN, MAX_LIMIT,
    MAX_OFFSET, MAX_TEXT, STATUS_PATTERN, By, Freq, Level,
)

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
LevelQ = Query("key", description="Actors by country/org (key) or country + sector (code: "
               "USAGOV-USAOPP).")


def build_router(answers: Answers, health: Callable[[], dict[str, Any]]) -> APIRouter:
    """The /api routes; every answer comes from ``answers`` (cached until the store changes)."""
    router = APIRouter(prefix="/api")

    def respond(request: Request, compute: Callable[[], Any]) -> Any:
        return answers.respond(request.url.path, request.query_params.multi_items(), compute)

    @router.get("/health", summary="Server and store state")
    def get_health() -> Any:
        """Event and article counts, the watcher's progress, the answer cache."""
        return health()

    @router.get("/events", summary="Events, filtered and paged")
    async def get_events(request: Request, actor: str | None = Actor,
                         dyad: str | None = Dyad, category: str | None = Category,
                         quad: int | None = Quad, status: str | None = Status,
                         since: date | None = Since, until: date | None = Until,
                         place: str | None = Place, text: str | None = Text,
                         limit: int = Limit, offset: int = Offset) -> Response:
        """Event mentions with their dyad, category, date, place, thread and evidence
        sentence (with its offsets in the article text), in date order."""
        return await respond(request, lambda: answers.events(
            actor, dyad, category, quad, status, since, until, place, text, limit, offset))

    @router.get("/articles", summary="Articles, newest first, paged")
    async def get_articles(request: Request, actor: str | None = Actor,
                           since: date | None = Since, until: date | None = Until,
                           outlet: str | None = Query(None, max_length=MAX_TEXT,
                                                      description="The outlet, e.g. "
                                                      "Newsweek."),
                           text: str | None = Text, limit: int = Limit,
                           offset: int = Offset) -> Response:
        """Stored articles without their text, with their event counts."""
        return await respond(request, lambda: answers.articles(
            actor, since, until, outlet, text, limit, offset))

    @router.get("/articles/{article_id}", summary="One article with its coded spans")
    async def get_article(request: Request, article_id: str = Path(
            ..., pattern=ARTICLE_ID_PATTERN, description="The article's id (ew-...).")
    ) -> Response:
        """The article's text and every coded record (actors, events, quotes, dates,
        places) with its character offsets into that text."""
        return await respond(request, lambda: answers.article(article_id))

    @router.get("/series", summary="Tension series of a dyad or an actor")
    async def get_series(request: Request,
                         a: str = Query(..., pattern=KEY_PATTERN, description="Source "
                                        "actor key."),
                         b: str | None = Query(None, pattern=KEY_PATTERN, description="Target "
                                               "actor key; leave out for A against all."),
                         freq: Freq = FreqQ,
                         by: By = Query("quad", description="Break counts down by PLOVER "
                                        "quad, category, or not at all (total)."),
                         since: date | None = Since, until: date | None = Until) -> Response:
        """Per period and group: ``events`` (asserted threads), ``claimed`` (claimed-only
        ones), ``mean_intensity``, ``mentions``; negated events left out. Quiet periods
        show as zero rows."""
        return await respond(request, lambda: answers.series(a, b, freq, by, since, until))

    @router.get("/alerts", summary="Spike alerts")
    async def get_alerts(request: Request,
                         a: str | None = Query(None, pattern=KEY_PATTERN, description="Only "
                                               "this source actor's dyads."),
                         b: str | None = Query(None, pattern=KEY_PATTERN, description="Only "
                                               "against this target."),
                         freq: Freq = FreqQ, level: Level = LevelQ, quad: int | None = Quad,
                         since: date | None = Since, until: date | None = Until,
                         limit: int = Limit) -> Response:
        """Periods where a dyad's count of asserted events jumps against its own trailing
        median/MAD baseline, strongest first, each with the events that caused it."""
        return await respond(request, lambda: answers.alerts(
            a, b, freq, level, quad, since, until, limit))

    @router.get("/threads", summary="Event threads across articles")
    async def get_threads(request: Request, actor: str | None = Actor,
                          dyad: str | None = Dyad, category: str | None = Category,
                          since: date | None = Since, until: date | None = Until,
                          limit: int = Limit, offset: int = Offset) -> Response:
        """Mentions of one real-world event in several articles, merged, with counts."""
        return await respond(request, lambda: answers.threads(
            actor, dyad, category, since, until, limit, offset))

    @router.get("/dyads", summary="Busiest dyads")
    async def get_dyads(request: Request, level: Level = LevelQ,
                        limit: int = Query(100, ge=1, le=MAX_LIMIT, description="How many.")
                        ) -> Response:
        """Directed dyads by asserted event mentions (the dashboard's picker)."""
        return await respond(request, lambda: answers.dyads(level, limit))

    @router.get("/places", summary="Event counts per place")
    async def get_places(request: Request,
                         limit: int = Query(300, ge=1, le=MAX_LIMIT, description="How many.")
                         ) -> Response:
        """Places with coordinates and their event mentions (the dashboard's map)."""
        return await respond(request, lambda: answers.places(limit))

    @router.get("/land", summary="A coarse land mask for the map")
    async def get_land(request: Request) -> Response:
        """Land cells of a 2-degree equirectangular grid as ``[row, column, length]`` runs
        (row 0 at 90N, column 0 at 180W), made from GeoNames' populated places: the map's
        backdrop, without a map file or a CDN."""
        return await respond(request, land_mask)

    return router


__all__ = ["build_router"]
