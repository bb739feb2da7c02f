"""``eventwire load``: Parquet shards of a Ray run merged into the store exactly once.

Exactly once without a ledger: an article row of a shard is skipped when the store already
holds that id with the same dictionary fingerprint and text (the rule a local re-run skips
by), so loading a folder twice, or again after a crash half-way, adds nothing the first load
added. Each shard is read whole before anything of it is written: a shard cut short (a run
killed while writing it, a disk that filled up) has no Parquet footer and is refused with a
row in ``errors``, never half-loaded. Articles go through ``Store.save_batch``, the write
path of a local run, so an id taken by two different texts is refused the same way.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence

import duckdb

from ..errors import StoreError
from ..model import CodedArticle, Failure
from .contract import coded_from_dict
from .core import Store

log = logging.getLogger(__name__)

#: Articles stored per transaction while loading.
LOAD_BATCH = 256
#: Columns of a shard (all strings but ``seq``, the input's place; "" = not applicable):
#: ``kind`` is 'article' (``coded`` holds its contract JSON), 'error' (origin/reason/stage) or
#: 'skipped' (``id``/``origin`` of an article the run found already stored as it is).
SHARD_COLUMNS = ("seq", "kind", "id", "fingerprint", "text_md5", "coded", "origin", "reason",
                 "stage")


@dataclass
class LoadReport:
    """What a load did: counts, and the shards it refused."""

    shards: int = 0
    loaded: int = 0
    skipped: int = 0
    errors: int = 0
    failed: int = 0  # articles the store refused (e.g. one id, two texts)
    refused: list[str] = field(default_factory=list)


def shard_files(directory: str | os.PathLike[str]) -> list[Path]:
    """The ``*.parquet`` files of a shards folder, in name order (Ray names them by task)."""
    folder = Path(directory).expanduser()
    if not folder.is_dir():
        raise StoreError(f"{folder}: no such folder of shards")
    return sorted(p for p in folder.glob("*.parquet") if p.is_file())


def read_shard(path: Path) -> list[dict[str, Any]]:
    """Every row of one shard in input order; raises StoreError if it is not whole."""
    try:
        with duckdb.connect() as con:
            cur = con.execute("SELECT * FROM read_parquet(?) ORDER BY seq", [str(path)])
            names = [d[0] for d in cur.description or ()]
            found = [dict(zip(names, r)) for r in cur.fetchall()]
    except duckdb.Error as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise StoreError(f"shard {path} is not a whole Parquet file ({first}); it was not "
                         "loaded: re-run the Ray job for its input, or delete it") from exc
    missing = [c for c in SHARD_COLUMNS if c not in names]
    if missing:
        raise StoreError(f"shard {path} lacks columns {', '.join(missing)}: not written by "
                         "`eventwire code --engine ray`")
    return found


def _stored(store: Store, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """id -> (fingerprint, md5 of text) of the ids the store holds."""
    found = store.query("SELECT id, fingerprint, md5(text) AS digest FROM articles "
                        "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)])
    return {r["id"]: (r["fingerprint"], r["digest"]) for r in found}


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def load_shards(store: Store, directory: str | os.PathLike[str]) -> LoadReport:
    """Merge every shard of ``directory`` into ``store``; see the module's docstring."""
    report = LoadReport()
    for path in shard_files(directory):
        report.shards += 1
        try:
            shard = read_shard(path)
        except StoreError as exc:
            log.warning("%s", exc)
            store.record_failure(Failure(str(path), str(exc), stage="load"))
            report.refused.append(str(path))
            continue
        for chunk in _chunks(shard, LOAD_BATCH):
            _load_chunk(store, chunk, report)
    log.info("loaded %d articles from %d shards (%d already stored, %d errors)",
             report.loaded, report.shards, report.skipped, report.errors)
    return report


def _load_chunk(store: Store, rows: list[dict[str, Any]], report: LoadReport) -> None:
    articles = [r for r in rows if r["kind"] == "article"]
    stored = _stored(store, [r["id"] for r in articles]) if articles else {}
    todo: list[CodedArticle] = []
    for row in rows:
        if row["kind"] == "skipped":  # the run found it stored already: not coded
            report.skipped += 1
        elif row["kind"] != "article":
            store.record_failure(Failure(row["origin"], row["reason"], row["stage"] or "ray"))
            report.errors += 1
        elif stored.get(row["id"]) == (row["fingerprint"], row["text_md5"]):
            report.skipped += 1
        else:
            try:
                todo.append(coded_from_dict(json.loads(row["coded"])))
            except (ValueError, KeyError, TypeError) as exc:
                store.record_failure(Failure(f"article {row['id']}", f"shard row is not a "
                                             f"coded article: {exc}", stage="load"))
                report.failed += 1
    for coded, result in zip(todo, store.save_batch(todo)):
        if isinstance(result, StoreError):
            store.record_failure(Failure(coded.article.file or coded.article.id, str(result),
                                         stage="store"))
            report.failed += 1
        else:
            report.loaded += 1


__all__ = ["load_shards", "LoadReport", "read_shard", "shard_files", "LOAD_BATCH",
           "SHARD_COLUMNS"]
