"""`eventwire events|series|alerts|threads|dyads`: the Python API's questions, without Python.

Thin commands over ``eventwire.open``: each prints a table (or ``--format csv|json``) on
stdout. A store that cannot be opened (missing, or being written by another process) gives
one line on stderr and exit status 1, never a traceback.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import click

from ..errors import EventwireError

FORMATS = ("table", "csv", "json")
#: Columns a table shows per command (csv/json carry every column).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("date", "source_codes", "category", "target_codes", "status", "intensity",
               "place", "sentence", "event_gid"),
    "threads": ("date", "source_keys", "category", "target_keys", "mentions", "articles",
                "intensity", "evidence", "thread_id"),
    "alerts": ("period", "source", "target", "events", "baseline", "score", "sentence"),
}
_TEXT_WIDTH = 70


def _db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", default="eventwire.duckdb", show_default=True,
                        help="DuckDB file to read (opened read-only).")(fn)


def _format_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="table: readable columns; csv and json: "
                        "every column, for other programs.")(fn)


def _range_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    fn = click.option("--until", metavar="DATE", help="Last day (YYYY-MM-DD), inclusive.")(fn)
    return click.option("--since", metavar="DATE", help="First day (YYYY-MM-DD), inclusive."
                        )(fn)


@contextmanager
def _opened(db: str, read_only: bool = True) -> Iterator[Any]:
    """The store, or a one-line ClickException (exit status 1) when it cannot be opened."""
    from ..analyze.api import open_store
    try:
        handle = open_store(db, read_only=read_only)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield handle
    except (EventwireError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        handle.close()


def _cell(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _TEXT_WIDTH:
        return value[:_TEXT_WIDTH - 1] + "…"
    if hasattr(value, "tolist") and not isinstance(value, (int, float)):
        value = value.tolist()
    if isinstance(value, list):
        text = ",".join(str(v) for v in value)
        return text if len(text) <= _TEXT_WIDTH else text[:_TEXT_WIDTH - 1] + "…"
    return value


def emit(frame: Any, fmt: str, kind: str | None = None) -> None:
    """Print a DataFrame as a table, CSV or JSON (one array of objects) on stdout."""
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(frame.to_json(orient="records", date_format="iso",
                                       default_handler=str, force_ascii=False) + "\n")
    elif frame.empty:
        click.echo("(nothing found)")
    else:
        cols = [c for c in TABLE_COLUMNS.get(kind or "", ()) if c in frame.columns]
        shown = frame[cols] if cols else frame
        click.echo(shown.map(_cell).to_string(index=False))


@click.command()
@_db_option
@click.option("--actor", help="Actor on either side: a key (RUS, NATO) or a country+sector "
              "code (USAGOV, USAOPP).")
@click.option("--dyad", help="SOURCE-TARGET, directed (RUS-NATO, USAGOV-USAOPP).")
@click.option("--category", multiple=True, help="PLOVER category (repeat for several).")
@click.option("--quad", type=click.IntRange(1, 4), multiple=True,
              help="Quad class 1-4 (repeat for several).")
@click.option("--status", multiple=True, help="asserted, claimed, negated, future or "
              "hypothetical (repeat for several). Default: all.")
@_range_options
@click.option("--place", help="Place name or ISO3 country code of the event.")
@click.option("--text", help="Words that the evidence sentence or the title contains.")
@click.option("--limit", type=click.IntRange(0, 100_000), default=50, show_default=True,
              help="Most rows to print.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True,
              help="Rows to skip first (paging).")
@click.option("--order", type=click.Choice(["date", "-date", "intensity", "-intensity",
                                            "confidence", "-confidence"]),
              default="date", show_default=True, help="Sort order; '-' for descending.")
@_format_option
def events(db: str, actor: str | None, dyad: str | None, category: tuple[str, ...],
           quad: tuple[int, ...], status: tuple[str, ...], since: str | None,
           until: str | None, place: str | None, text: str | None, limit: int, offset: int,
           order: str, fmt: str) -> None:
    """Stored events (one row per mention), filtered, with their evidence and thread."""
    with _opened(db) as ew:
        emit(ew.events(actor=actor, dyad=dyad, category=category or None, quad=quad or None,
                       status=status or None, since=since, until=until, place=place,
                       text=text, limit=limit, offset=offset, order=order), fmt, "events")


@click.command()
@_db_option
@click.argument("source")
@click.argument("target", required=False)
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week",
              show_default=True, help="Length of a period (weeks start on Monday).")
@click.option("--by", type=click.Choice(["category", "quad", "total"]), default="category",
              show_default=True, help="What each period is split by.")
@_range_options
@_format_option
def series(db: str, source: str, target: str | None, freq: str, by: str, since: str | None,
           until: str | None, fmt: str) -> None:
    """Events SOURCE did to TARGET (to anyone without TARGET), per period.

    Counts real-world events (threads), asserted ones in `events`, claimed ones apart in
    `claimed`; negated, future and hypothetical ones never count. SOURCE and TARGET are
    keys (RUS, NATO) or country+sector codes (USAGOV, USAOPP).
    """
    with _opened(db) as ew:
        emit(ew.series(source, target, freq=freq, by=by, since=since, until=until), fmt)


@click.command()
@_db_option
@click.argument("source", required=False)
@click.argument("target", required=False)
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week",
              show_default=True, help="Length of a period.")
@click.option("--level", type=click.Choice(["key", "code"]), default="key",
              show_default=True, help="Dyads of countries/orgs (key) or of country+sector "
              "codes (code: USAGOV-USAOPP).")
@click.option("--window", type=click.IntRange(2, 520), default=8, show_default=True,
              help="Periods of trailing baseline (median and MAD).")
@click.option("--threshold", type=float, default=3.5, show_default=True,
              help="Robust z-score a period must reach.")
@click.option("--min-events", type=click.IntRange(1), default=3, show_default=True,
              help="Fewest events in a period that can make an alert.")
@click.option("--quad", type=click.IntRange(1, 4), multiple=True,
              help="Count only these quad classes (repeat; 3 and 4 for conflict).")
@_range_options
@click.option("--limit", type=click.IntRange(0, 100_000), default=50, show_default=True,
              help="Most alerts to print, strongest first.")
@_format_option
def alerts(db: str, source: str | None, target: str | None, freq: str, level: str,
           window: int, threshold: float, min_events: int, quad: tuple[int, ...],
           since: str | None, until: str | None, limit: int, fmt: str) -> None:
    """Periods when a dyad's event count jumps against its own trailing baseline.

    Every dyad, or SOURCE's only, or SOURCE against TARGET. Each alert lists the events
    (event_gids, in csv/json) that caused it.
    """
    with _opened(db) as ew:
        emit(ew.alerts(source, target, freq=freq, level=level, window=window,
                       threshold=threshold, min_events=min_events, quad=quad or None,
                       since=since, until=until, limit=limit), fmt, "alerts")


@click.command()
@_db_option
@click.option("--update", is_flag=True, help="First thread the events stored since the "
              "last update (opens the store for writing).")
@click.option("--rebuild", is_flag=True, help="First thread every event again from scratch "
              "(opens the store for writing).")
@click.option("--summary", "resummarise", is_flag=True, help="First recompute the dyad summary "
              "(what series, dyads and alerts read) from the events; saving keeps it current, "
              "this is for tables changed behind eventwire's back (opens the store for writing).")
@click.option("--actor", help="Actor on either side (key or code).")
@click.option("--dyad", help="SOURCE-TARGET, directed.")
@click.option("--category", multiple=True, help="PLOVER category (repeat for several).")
@_range_options
@click.option("--min-mentions", type=click.IntRange(1), default=1, show_default=True,
              help="Only threads with at least this many mentions.")
@click.option("--limit", type=click.IntRange(0, 100_000), default=50, show_default=True,
              help="Most threads to print, most mentioned first.")
@_format_option
def threads(db: str, update: bool, rebuild: bool, resummarise: bool, actor: str | None,
            dyad: str | None,
            category: tuple[str, ...], since: str | None, until: str | None,
            min_mentions: int, limit: int, fmt: str) -> None:
    """Real-world events: mentions of one event in several articles, merged."""
    if update or rebuild:
        with _opened(db, read_only=False) as ew:
            done = ew.update_threads(rebuild=rebuild)
        click.echo(f"threaded {done.threaded} events ({done.stale} stale); "
                   f"{done.events} events make {done.threads} threads", err=True)
    if resummarise:
        with _opened(db, read_only=False) as ew:
            rows = ew.rebuild_summary()
        click.echo(f"dyad summary of {db}: {rows} rows", err=True)
    with _opened(db) as ew:
        emit(ew.threads(actor=actor, dyad=dyad, category=category or None, since=since,
                        until=until, min_mentions=min_mentions, limit=limit), fmt, "threads")


@click.command()
@_db_option
@click.option("--level", type=click.Choice(["key", "code"]), default="key",
              show_default=True, help="key: countries and orgs (RUS, NATO); code: "
              "country+sector (USAGOV, USAOPP), so a government and its opposition differ.")
@click.option("--no-self", is_flag=True, help="Leave out an actor acting on itself.")
@_range_options
@click.option("--limit", type=click.IntRange(0, 100_000), default=30, show_default=True,
              help="Most dyads to print, busiest first.")
@_format_option
def dyads(db: str, level: str, no_self: bool, since: str | None, until: str | None,
          limit: int, fmt: str) -> None:
    """Directed dyads ranked by asserted real-world events (threads)."""
    with _opened(db) as ew:
        emit(ew.dyads(level=level, since=since, until=until, self_pairs=not no_self,
                      limit=limit), fmt)


#: The commands cli.py registers.
COMMANDS = (events, series, alerts, threads, dyads)

__all__ = ["events", "series", "alerts", "threads", "dyads", "emit", "COMMANDS"]
