"""``--engine ray``: the same stages on Ray Data, out to Parquet shards.

Why Ray Data: it is an existing engine that runs one program on a laptop or on a cluster
(``ray.init(address=...)``, or ``RAY_ADDRESS``), streams data between stages with
back-pressure, and restarts lost workers. eventwire adds nothing to it but its own stages:

1. **read** (Ray tasks, one input file each): ``ingest.read_inputs`` on the file (with the
   run's ``--field`` names and language check), then ``pipeline.prepare_batches`` (cleaning,
   identity, and the pre-skip of articles the store already holds as they are, decided on a
   ``store.snapshot.StoredSnapshot`` taken before the run), yielding batches as they come,
   so one huge JSON Lines file streams instead of being read whole;
2. **code** (``map_batches`` with :class:`Coder`, an actor pool of ``workers``): each actor
   loads the Pipeline (spaCy and the dictionaries) once, then parses and extracts batch after
   batch with ``Pipeline.code_prepared``, the very code of a local run;
3. **write**: ``Dataset.write_parquet`` into a shards folder: one row per article, its
   contract JSON plus id, fingerprint and text digest, or one row per failed input.

Nothing here writes the store: DuckDB has one writer, and a cluster's workers do not share
a disk with it. ``eventwire load`` (``store.shards``) merges the shards into the store
exactly once. Every row carries ``seq``, its input's place (file number, item number), so
the load keeps the input order a local run would have.
"""
from __future__ import annotations

import json
import logging
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from ..errors import EventwireError
from ..model import CodedArticle, Failure
from ..nlp import DEFAULT_MODEL
from ..store.shards import SHARD_COLUMNS
from ..store.snapshot import StoredSnapshot, text_md5

if TYPE_CHECKING:
    from ..pipeline import Skipped

log = logging.getLogger(__name__)

#: The pinned Ray release of the ``ray`` extra (pyproject.toml).
RAY_VERSION = "2.60.0"
#: Items of one input file per item number block: seq = file number * this + item number.
SEQ_STRIDE = 1 << 32
#: Prepared articles per batch handed from the read stage to the coders.
READ_BATCH = 16
#: Ray Data's block size cap during a run (see ``code_on_ray``).
BLOCK_BYTES = 16 * 1024
#: Articles per shard file at least (one Parquet file per block would make thousands).
ROWS_PER_SHARD = 2000


class RayUnavailable(EventwireError):
    """Ray is not installed (``pip install 'eventwire[ray]'``)."""


def _ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401 - the Data library is a separate extra of ray
    except ImportError as exc:
        raise RayUnavailable(f"--engine ray needs Ray Data: pip install 'eventwire[ray]' "
                             f"(ray[data]=={RAY_VERSION}); {exc}") from exc
    return ray


def article_row(seq: int, coded: CodedArticle) -> dict[str, Any]:
    """One shard row for a coded article."""
    return {"seq": seq, "kind": "article", "id": coded.article.id,
            "fingerprint": coded.fingerprint, "text_md5": text_md5(coded.text),
            "coded": json.dumps(coded.to_dict(), ensure_ascii=False), "origin": "",
            "reason": "", "stage": ""}


def skipped_row(seq: int, skipped: Skipped) -> dict[str, Any]:
    """One shard row for an article the store already held as it is (not coded again)."""
    return {"seq": seq, "kind": "skipped", "id": skipped.id, "fingerprint": "",
            "text_md5": "", "coded": "", "origin": skipped.origin, "reason": "", "stage": ""}


def failure_row(seq: int, failure: Failure) -> dict[str, Any]:
    """One shard row for an input that could not be coded."""
    return {"seq": seq, "kind": "error", "id": "", "fingerprint": "", "text_md5": "",
            "coded": "", "origin": failure.origin, "reason": failure.reason,
            "stage": failure.stage}


def _columns(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Rows -> the column batch Ray Data expects (numpy arrays)."""
    import numpy as np
    out = {c: np.array([r[c] for r in rows], dtype=object) for c in SHARD_COLUMNS}
    out["seq"] = np.array([r["seq"] for r in rows], dtype=np.int64)
    return out


def read_file(batch: dict[str, Any], published: str | None = None, url: str | None = None,
              fields: dict[str, str] | None = None, english_only: bool = True,
              stored: Any = None) -> Iterator[dict[str, Any]]:
    """Read stage: each input file of ``batch`` read and cleaned, in batches of items.

    The reading and the pre-skip of a local run: ``read_inputs`` with its field names and
    language check, then ``prepare_batches`` asking ``stored`` (a ``StoredSnapshot``, or a
    Ray reference to one) which articles the store already holds as they are. Prepared
    articles, failures and skipped ones travel pickled (``item`` column), with their ``seq``.
    """
    import numpy as np

    from ..ingest import read_inputs
    from ..pipeline import prepare_batches

    snapshot = _resolve(stored)
    skip = snapshot.already_stored if snapshot is not None and len(snapshot) else None
    for number, path in zip(batch["number"], batch["path"]):
        base = int(number) * SEQ_STRIDE
        item = 0
        inputs = read_inputs([str(path)], published=published, url=url, fields=fields,
                             english_only=english_only)
        for group in prepare_batches(inputs, READ_BATCH, skip):
            seqs = list(range(base + item, base + item + len(group)))
            item += len(group)
            yield {"seq": np.array(seqs, dtype=np.int64),
                   "item": np.array([pickle.dumps(g) for g in group], dtype=object)}


def _resolve(stored: Any) -> StoredSnapshot | None:
    """The snapshot itself, fetched from Ray's object store when given by reference."""
    if stored is None or isinstance(stored, StoredSnapshot):
        return stored
    return _ray().get(stored)


class Coder:
    """Code stage, one per actor: the Pipeline is loaded once, in ``__init__``."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        from ..pipeline import Pipeline
        self.pipeline = Pipeline(model)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from ..pipeline import Prepared, Skipped
        items = [(int(s), pickle.loads(p)) for s, p in zip(batch["seq"], batch["item"])]
        todo = [(s, p) for s, p in items if isinstance(p, Prepared)]
        coded = dict(zip((s for s, _ in todo),
                         self.pipeline.code_prepared([p for _, p in todo])))
        rows: list[dict[str, Any]] = []
        for seq, item in items:
            result = coded.get(seq, item)
            if isinstance(result, CodedArticle):
                rows.append(article_row(seq, result))
            elif isinstance(result, Failure):
                rows.append(failure_row(seq, result))
            elif isinstance(result, Skipped):
                rows.append(skipped_row(seq, result))
        return _columns(rows)


@dataclass(frozen=True)
class RayRun:
    """What a Ray run wrote."""

    shards: Path
    files: int
    articles: int
    errors: int
    skipped: int = 0


def expand(paths: Sequence[str]) -> list[str]:
    """The input files of ``paths`` (folders walked, as a local run walks them)."""
    from ..ingest import _expand  # the one place that knows how folders are walked
    if any(p == "-" for p in paths):
        raise EventwireError("--engine ray reads files and folders, not standard input: "
                             "save the input to a file first")
    return [path for path, _ in _expand(paths)]


def code_on_ray(paths: Sequence[str], shards: str | Path, *, workers: int = 2,
                batch_size: int = 16, published: str | None = None, url: str | None = None,
                model: str = DEFAULT_MODEL, address: str | None = None,
                fields: dict[str, str] | None = None, english_only: bool = True,
                stored: StoredSnapshot | None = None) -> RayRun:
    """Code ``paths`` on Ray, ``workers`` coder actors, shards into ``shards`` (a folder that
    must be new or empty: shards of two runs are not mixed by accident).

    ``fields``, ``english_only`` as for ``read_inputs``; articles found in ``stored`` (taken
    from the target store, with the Pipeline's fingerprint) are not coded, only listed.

    Joins the Ray already started in this process if there is one; else starts one
    (``address``/``RAY_ADDRESS`` for a cluster, a local one with ``workers`` CPUs otherwise)
    and shuts it down at the end.
    """
    ray = _ray()
    out = Path(shards).expanduser().resolve()
    if out.exists() and any(out.iterdir()):
        raise EventwireError(f"{out} already holds files: give --shards a new or empty folder "
                             "(load the old shards with `eventwire load` first)")
    files = expand(paths)
    started_here = not ray.is_initialized()
    if started_here:
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # shards follow the input order
        # Ray gathers what a task yields into blocks of up to 128 MiB, so one JSON Lines file
        # would reach one coder actor as a single block: small blocks make every batch the
        # read stage yields a block of its own, spread over the whole pool
        ctx.target_max_block_size = BLOCK_BYTES
        ds = ray.data.from_items([{"number": i, "path": p} for i, p in enumerate(files)],
                                 override_num_blocks=max(1, len(files)))
        # reading and cleaning take little CPU beside parsing: they must not hold a CPU the
        # coder actors wait for
        # the snapshot goes to the object store once, not pickled into every read task
        ref = ray.put(stored) if stored is not None and len(stored) else None
        ds = ds.map_batches(read_file, batch_size=1, num_cpus=0,
                            fn_kwargs={"published": published, "url": url, "fields": fields,
                                       "english_only": english_only, "stored": ref})
        ds = ds.map_batches(Coder, fn_constructor_kwargs={"model": model},
                            batch_size=batch_size, num_cpus=1,
                            compute=ray.data.ActorPoolStrategy(size=workers))
        out.mkdir(parents=True, exist_ok=True)
        ds.write_parquet(str(out), min_rows_per_file=ROWS_PER_SHARD)
    finally:
        if started_here:
            ray.shutdown()
    return _summary(out, len(files))


def _summary(out: Path, files: int) -> RayRun:
    import duckdb
    glob = str(out / "*.parquet")
    if not list(out.glob("*.parquet")):
        return RayRun(out, files, 0, 0)
    with duckdb.connect() as con:
        row = con.execute("SELECT count(*) FILTER (kind = 'article'), "
                          "count(*) FILTER (kind = 'error'), "
                          "count(*) FILTER (kind = 'skipped') FROM read_parquet(?)",
                          [glob]).fetchone()
    return RayRun(out, files, int(row[0]), int(row[1]), int(row[2]))


__all__ = ["code_on_ray", "Coder", "read_file", "RayRun", "RayUnavailable", "RAY_VERSION",
           "article_row", "failure_row", "skipped_row", "text_md5"]
