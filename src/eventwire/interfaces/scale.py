"""The scale-out side of the CLI: `code --engine ray` and `eventwire load`.

Kept apart from cli.py so the local path stays short to read; cli.py registers ``load`` and
hands `code --engine ray` to ``code_with_ray``.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import click

from ..errors import EventwireError
from .exits import EXIT_NOTHING_CODED, EXIT_SOME_FAILED

if TYPE_CHECKING:
    from ..store.snapshot import StoredSnapshot



def default_shards(db: str) -> str:
    """Where `code --engine ray` writes shards when --shards is not given: beside the store."""
    path = Path(db)
    return str(path.with_name(path.stem + "-shards"))


def _load(shards: str, db: str) -> int:
    """Load ``shards`` into ``db``, print one line; the exit status it deserves."""
    from ..store import Store
    from ..store.shards import load_shards
    try:
        with Store(db) as store:
            report = load_shards(store, shards)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    refused = f", refused {len(report.refused)} damaged shard(s)" if report.refused else ""
    click.echo(f"loaded {report.loaded} articles from {report.shards} shard(s) into {db}: "
               f"{report.skipped} already stored, {report.errors} input errors recorded, "
               f"{report.failed} refused by the store{refused}", err=True)
    if report.refused or report.failed or report.errors:
        done = report.loaded + report.skipped
        return EXIT_SOME_FAILED if done else EXIT_NOTHING_CODED
    return 0


def stored_snapshot(db: str) -> StoredSnapshot | None:
    """What ``db`` already holds with this version's dictionaries, for the Ray run's pre-skip
    (None when there is no store yet)."""
    from ..pipeline import data_fingerprint
    from ..store import Store
    from ..store.snapshot import StoredSnapshot
    if not Path(db).exists():
        return None
    try:
        with Store(db, read_only=True) as store:
            return StoredSnapshot.from_store(store, data_fingerprint())
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc


def code_with_ray(paths: Sequence[str], *, db: str, no_store: bool, shards: str | None,
                  workers: int | None, batch_size: int, published: str | None,
                  url: str | None, fields: dict[str, str] | None = None,
                  english_only: bool = True) -> None:
    """`eventwire code --engine ray`: shards written by Ray, then loaded into --db.

    Read as a local run reads (``fields``, ``english_only``), and articles --db already holds
    as they are are skipped before parsing, as a local run skips them (`eventwire load`
    would not store them again anyway).
    """
    from ..engines.ray_engine import code_on_ray
    from ..parallel import default_workers
    target = shards or default_shards(db)
    stored = None if no_store else stored_snapshot(db)
    try:
        run = code_on_ray(paths, target, workers=workers or default_workers(),
                          batch_size=batch_size, published=published, url=url, fields=fields,
                          english_only=english_only, stored=stored)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    skipped = f", skipped {run.skipped} already stored in {db}" if run.skipped else ""
    click.echo(f"ray: coded {run.articles} articles from {run.files} input(s) into shards in "
               f"{run.shards}{skipped}; {run.errors} inputs failed", err=True)
    status = 0
    if not no_store:
        status = _load(str(run.shards), db)
    elif run.errors:
        status = EXIT_SOME_FAILED if run.articles else EXIT_NOTHING_CODED
    if status:
        raise SystemExit(status)


@click.command()
@click.argument("shards", type=click.Path(file_okay=False, exists=True))
@click.option("--db", default="eventwire.duckdb", show_default=True,
              help="DuckDB file the shards are merged into (created if needed).")
def load(shards: str, db: str) -> None:
    """Merge the Parquet shards of `eventwire code --engine ray` (folder SHARDS) into a store.

    Exactly once: an article already stored with the same text and dictionaries is skipped,
    so loading the same folder again adds nothing. A damaged shard (cut short) is refused
    whole, with a row in the errors table. Exit status as for `eventwire code`.
    """
    status = _load(shards, db)
    if status:
        raise SystemExit(status)
