"""`eventwire status`: what a store holds, in counts (the morning-after check of a run)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import EventwireError


@click.command()
@click.option("--db", default="eventwire.duckdb", show_default=True, help="DuckDB file to read.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
def status(db: str, as_json: bool) -> None:
    """Count what the store holds: articles, events, URLs, near-duplicates (URLs beyond an
    article's first) and errors by stage and by kind of reason."""
    from ..store import Store
    from ..store.status import format_status, store_status
    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such database; code some articles first")
    try:
        with Store(db, read_only=True) as store:
            counts = store_status(store)
    except EventwireError as exc:  # e.g. a run is writing the file right now
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(counts, indent=2) if as_json else format_status(counts, db))


__all__ = ["status"]
