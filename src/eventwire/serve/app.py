"""The FastAPI application of `eventwire serve`: JSON API, self-hosted docs, dashboard.

One process, one Store: the app reads through the Python API object ``eventwire.open``
returns, and when a Watcher is given, that watcher writes through the same Store (see
``watch``). FastAPI's own /docs page loads Swagger UI from a CDN, so it is switched off and
/docs is our own page drawn from /openapi.json.
"""
from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from urllib.parse import parse_qsl
from typing import Any, AsyncIterator, Awaitable, Callable, MutableMapping

from fastapi import FastAPI, HTTPException
from fastapi.responses import RedirectResponse, Response

from .. import __version__
from .assets import SECURITY_HEADERS, load_assets
from .cache import AnswerCache
from .answers import WARM_SERIES, Answers, cache_key
from .routes import build_router
from .watch import Watcher

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
                   Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware adding ``SECURITY_HEADERS`` to every response (a pure ASGI wrapper:
    cheaper per request than Starlette's BaseHTTPMiddleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + list(SECURITY_HEADERS)
            await send(message)
        await self.app(scope, receive, send_with_headers)


class CachedAnswers:
    """ASGI middleware answering a GET under /api/ straight from the answer cache.

    Why: under load most answers are cached, and routing plus parameter validation cost
    more than the answer itself. Safe because only a request that passed validation can
    have put its key (path and sorted query parameters, exactly as sent) into the cache.
    """

    def __init__(self, app: ASGIApp, cache: AnswerCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if (scope["type"] == "http" and scope["method"] == "GET"
                and scope["path"].startswith("/api/")):
            query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            found = self.cache.peek(cache_key(scope["path"], query))
            if found is not None:
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(found)).encode())]})
                await send({"type": "http.response.body", "body": found})
                return
        await self.app(scope, receive, send)


def create_app(api: Any, *, watcher: Watcher | None = None, cache_size: int = 2048,
               counts: Callable[[], dict[str, Any]] | None = None,
               warm_series: int | None = WARM_SERIES) -> FastAPI:
    """The app over ``api`` (what ``eventwire.open`` returns).

    ``watcher`` (optional) is started and stopped with the app and its progress shown at
    /api/health; every time it stores articles the answer cache is emptied. ``counts``
    gives the store's row counts for /api/health. Unless ``warm_series`` is None, the
    dashboard's landing answers and the weekly series of that many of the busiest dyads are
    computed in a background thread at start.
    """
    cache = AnswerCache(cache_size)
    answers = Answers(api, cache, warm_series=warm_series or 0)
    if watcher is not None:
        previous = watcher.on_saved

        def saved() -> None:
            cache.bump()
            if previous is not None:
                previous()
        watcher.on_saved = saved

    def health() -> dict[str, Any]:
        state: dict[str, Any] = {"status": "ok", "version": __version__,
                                 "read_only": watcher is None, "cache": cache.stats(),
                                 "warmed": answers.warmed}
        memory = getattr(api, "memory", None)
        if memory is not None:
            state["memory"] = memory.stats()
        if counts is not None:
            state.update(counts())
        state["watch"] = watcher.status.to_dict() if watcher is not None else None
        return state

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if watcher is not None:
            watcher.start()
        if warm_series is not None and cache_size > 0:
            threading.Thread(target=answers.warm, name="eventwire-warm", daemon=True).start()
        try:
            yield
        finally:
            if watcher is not None:
                watcher.stop()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  description="Political events coded from news articles: filter them, "
                  "follow a dyad's tension over time, read the sentence behind each event. "
                  "Read-only: every endpoint is a GET.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.include_router(build_router(answers, health))
    assets = load_assets()

    def asset(name: str) -> Response:
        found = assets.get(name)
        if found is None:
            raise HTTPException(404, "no such file")
        body, media = found
        return Response(body, media_type=media, headers={"cache-control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def dashboard() -> Response:
        return asset("index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return asset("docs.html")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> RedirectResponse:
        return RedirectResponse("/docs")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        return asset(name)

    app.add_middleware(CachedAnswers, cache=cache)
    app.add_middleware(SecurityHeaders)  # added last: the outermost, so on every answer
    return app


__all__ = ["create_app", "SecurityHeaders"]
