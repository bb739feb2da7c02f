"""`eventwire serve`: the HTTP API and dashboard over a store, optionally ingesting live."""
from __future__ import annotations

import logging

import click

from ..errors import EventwireError

log = logging.getLogger("eventwire")


@click.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False),
              help="DuckDB store to serve (opened read-only unless --watch is given).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; 0.0.0.0 exposes the server to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port to listen on.")
@click.option("--watch", is_flag=True, help="Also ingest: code every article file that "
              "appears in the SOURCE folders and store it. This process then owns the store "
              "(DuckDB allows one writing process and refuses all others, readers included).")
@click.option("--interval", default=2.0, show_default=True,
              type=click.FloatRange(0.1, 3600), metavar="SECONDS",
              help="With --watch: seconds between two looks at the folders. A file is coded "
              "once it has not changed between two looks.")
@click.option("--cache-size", default=2048, show_default=True, type=click.IntRange(0, None),
              help="Answers kept in memory until the store changes (0: none).")
@click.option("--warm", default=500, show_default=True, type=click.IntRange(0, 10_000),
              metavar="N", help="At start, compute in the background the dashboard's first "
              "answers and the weekly series of the N busiest dyads, so they answer from "
              "memory (0: only the first answers).")
@click.argument("sources", nargs=-1, type=click.Path(exists=True))
def serve(db: str, host: str, port: int, watch: bool, interval: float, cache_size: int,
          warm: int, sources: tuple[str, ...]) -> None:
    """Serve the store: JSON API under /api, its docs at /docs, the dashboard at /.

    Read-only by default: `eventwire serve --db FILE`. For live use, one process both
    ingests and serves: `eventwire serve --db FILE --watch SOURCE...` codes new files in
    the SOURCE folders (polling) and shows their events within seconds. Stop with Ctrl-C.
    """
    if sources and not watch:
        raise click.UsageError("SOURCE folders are only read with --watch")
    if watch and not sources:
        raise click.UsageError("--watch needs at least one SOURCE folder")
    import uvicorn

    from ..serve.server import open_app
    try:
        app, api = open_app(db, watch=sources, interval=interval, cache_size=cache_size,
                            warm_series=warm)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    mode = f"watching {', '.join(sources)}" if watch else "read-only"
    click.echo(f"serving {db} ({mode}) on http://{host}:{port}/  (API docs: /docs)", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        api.close()
