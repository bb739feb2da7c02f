"""The `eventwire` command: thin click commands over the Python API.

Data goes to stdout; logs, warnings and progress go to stderr.
"""
from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Any, Iterable

import click

from .. import __version__
from ..errors import EventwireError
from ..model import CodedArticle, Failure
from .exits import EXIT_NOTHING_CODED, EXIT_SOME_FAILED, EXIT_USAGE
from .progress import Progress

log = logging.getLogger("eventwire")



class _Group(click.Group):
    """The command group, with usage errors exiting with ``EXIT_USAGE`` instead of 2."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            exc.exit_code = EXIT_USAGE
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            exc.exit_code = EXIT_USAGE
            raise


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else
                                         logging.INFO if verbose else logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("eventwire")
    root.handlers[:] = [handler]
    root.setLevel(level)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def cli(verbose: int, quiet: bool) -> None:
    """eventwire: news articles in, a sourced record of political events out.

    Code articles with `eventwire code` (or on Ray, then `eventwire load`), ask the store
    with `events`, `series`, `alerts`, `threads`, `dyads`, serve it over HTTP with a
    dashboard with `serve`, count what it holds with `status`, export it with `export`,
    measure accuracy with `eval`. Exit status 64 means a usage error (a wrong option or
    argument) in any command.
    """
    _setup_logging(verbose, quiet)


def _summary(coded: CodedArticle) -> str:
    """A readable block: each event as date, source -> category -> target, evidence."""
    art = coded.article
    lines = [f"# {art.title or art.id}  ({art.source or 'unknown source'}, "
             f"published {art.published or 'unknown'})",
             f"  {len(coded.events)} events, {len(coded.actors)} actors, {len(coded.quotes)} "
             f"quotes, {len(coded.dates)} dates, {len(coded.places)} places; "
             f"{len(coded.removed)} pieces of page furniture removed"]

    def side(refs: Iterable[Any]) -> str:
        names = [f"{r.name} [{r.org or r.country or '?'}]" for r in refs]
        return " + ".join(names) or "-"

    for e in coded.events:
        when = e.date.value if e.date else "????-??-??"
        flag = "" if e.status == "asserted" else f" ({e.status})"
        lines.append(f"  {when:10s}  {side(e.source)} -> {e.category}{flag} -> {side(e.target)}"
                     f"  cameo {e.cameo}, score {e.score:+.1f}, conf {e.confidence:.2f}")
        lines.append(f"              \"{' '.join(e.evidence.sentence.split())[:160]}\"")
    return "\n".join(lines)


def _filter(coded: CodedArticle, min_confidence: float) -> CodedArticle:
    if min_confidence <= 0:
        return coded
    from dataclasses import replace
    return replace(coded, events=tuple(e for e in coded.events if e.confidence >= min_confidence))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="table",
              show_default=True, help="json: one object (JSON Lines when several); jsonl: one "
              "article a line; table: a readable summary.")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) that relative "
              "dates resolve against; overrides the file's own.")
@click.option("--url", help="The article's URL (its identity in the store); overrides the file's.")
@click.option("--db", "db", default="eventwire.duckdb", show_default=True,
              help="DuckDB file the coded articles are stored in.")
@click.option("--no-store", is_flag=True, help="Do not write to any database.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the JSON/JSONL/table here instead of stdout.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Drop events below this confidence (trade recall for precision).")
@click.option("--summary", is_flag=True, help="With -o: also print the readable summary to "
              "stdout.")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=16, show_default=True,
              help="Articles per spaCy batch, and per store transaction.")
@click.option("--recode", is_flag=True, help="Code every article again, even one already "
              "stored with the same text and dictionaries (those are skipped by default, so "
              "a re-run after a crash or kill finishes only the rest).")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Processes that parse and extract in parallel. Default: the machine's "
              "cores for folders, large multi-article files or 8+ files; 1 (this process) for "
              "a few single files or stdin, where starting workers costs more than it saves. "
              "The store is always written by this process.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS", help="With 2 or more workers: an article taking longer is "
              "stopped (its worker is replaced) and reported as failed. Default: no limit.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              show_default=True, help="local: this machine's processes, the store written as "
              "articles come. ray: Ray Data (pip install 'eventwire[ray]'; a cluster through "
              "RAY_ADDRESS) writes Parquet shards, then loads them into --db exactly once.")
@click.option("--shards", metavar="DIR", default=None, help="With --engine ray: a new or "
              "empty folder for the shards (default: DB's name with -shards, beside it).")
@click.option("--field", "field_opts", multiple=True, metavar="FIELD=KEY",
              help="Read FIELD of JSON Lines / JSON items from KEY (repeatable; a dotted KEY "
              "reaches into nested objects), e.g. --field text=body --field "
              "published=meta.date. Fields: id, text, html, url, title, source, published.")
@click.option("--any-language", is_flag=True, help="Code every article whatever its "
              "language. By default an article recognised as not English is skipped with an "
              "errors row ('not English: fr ...'): the coder reads English only.")
@click.option("--fetch-delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              metavar="SECONDS", help="For URL inputs (pages, RSS/Atom feeds whose linked "
              "pages are fetched): least time between two requests to one host.")
@click.option("--fetch-timeout", type=click.FloatRange(min=0, min_open=True), default=20.0,
              show_default=True, metavar="SECONDS", help="For URL inputs: connect/read "
              "timeout of one request (retried twice with back-off).")
def code(paths: tuple[str, ...], fmt: str, published: str | None, url: str | None, db: str,
         no_store: bool, output: str | None, min_confidence: float, summary: bool,
         batch_size: int, recode: bool, workers: int | None, timeout: float | None,
         engine: str, shards: str | None, field_opts: tuple[str, ...], any_language: bool,
         fetch_delay: float, fetch_timeout: float) -> None:
    """Code articles (text, HTML, JSON Lines, RSS/Atom, WARC, folders of them, or http(s)
    URLs of pages and RSS/Atom feeds, whose linked pages are fetched politely).

    Text files may start with header lines `URL:`, `Published:`, `Source:`, `Title:`.
    A bad input gives a one-line error naming it (and a row in the store's `errors` table)
    and the others are still coded. An article already in the store with the same text and
    dictionary fingerprint is skipped before parsing and its stored coding printed (--recode
    codes it again).
    Exit status: 0 when every input was coded or skipped (already stored, or a
    near-duplicate of a stored article), 2 when some failed (the rest is coded and stored),
    1 when every input failed, 64 for a usage error (a wrong option or argument).
    """
    from ..ingest import (Fetcher, FetchPolicy, ReadMeter, parse_field_options, plan_inputs,
                          read_inputs)
    from ..pipeline import Pipeline, Skipped, data_fingerprint

    from ..parallel import auto_workers, code_parallel

    try:
        fields_map = parse_field_options(field_opts)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if engine == "ray":
        local_only = {"-o": output, "--summary": summary, "--min-confidence": min_confidence,
                      "--timeout": timeout, "--recode": recode}
        if any(local_only.values()):
            raise click.UsageError(f"{', '.join(k for k, v in local_only.items() if v)}: "
                                   "for --engine local only (Ray writes shards; "
                                   "`eventwire load` stores them)")
        from .scale import code_with_ray
        code_with_ray(paths, db=db, no_store=no_store, shards=shards, workers=workers,
                      batch_size=batch_size, published=published, url=url,
                      fields=fields_map, english_only=not any_language)
        return
    started = time.perf_counter()
    fetcher = Fetcher(FetchPolicy(timeout=fetch_timeout, total=max(60.0, 3 * fetch_timeout),
                                  delay=fetch_delay))
    workers = workers or auto_workers(paths)
    if timeout is not None and workers == 1:
        raise click.UsageError("--timeout needs --workers 2 or more (a stuck article is "
                               "stopped by replacing its worker process)")
    pipeline = None
    if workers == 1:
        try:
            pipeline = Pipeline()
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc
    fingerprint = pipeline.fingerprint if pipeline is not None else data_fingerprint()
    store = None
    if not no_store:
        from ..store import Store
        try:
            store = Store(db)
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc
    from ..dedup import NearDuplicates
    try:
        copies = NearDuplicates(store)  # signs stored articles that have no signature yet
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    coded_n = failed_n = skipped_n = dup_n = 0
    results: list[dict[str, Any]] = []
    to_sign: list[str] = []  # coded and stored: their signatures go in after each batch

    def skip(batch: Any) -> set[str]:
        """Already stored as they are (unless --recode), or near-duplicates of an article
        met before: neither is parsed."""
        buffer.settle([p.meta.id for p in batch])  # a repeated id is found stored
        done = set() if store is None or recode else store.already_stored(batch, fingerprint)
        return done | copies.check(batch, exclude=done)

    meter = ReadMeter()
    inputs = read_inputs(paths, published=published, url=url, fields=fields_map,
                         english_only=not any_language, fetcher=fetcher, meter=meter)
    items = (pipeline.code_many(inputs, batch_size=batch_size, skip=skip)
             if pipeline is not None else
             code_parallel(inputs, workers, batch_size=batch_size, skip=skip, timeout=timeout))
    plan = plan_inputs(paths)  # the total behind the ETA: inputs counted, else bytes to read
    progress = Progress(sys.stderr, total=plan.items, total_bytes=plan.bytes,
                        read_bytes=meter.done)
    from ..store.buffer import SaveBuffer
    # with one process, the store writes a batch in a thread of its own while the next one
    # is parsed; with workers, this process mostly waits for them and gains nothing by it
    buffer: SaveBuffer[Any] = SaveBuffer(store, size=batch_size, background=workers == 1)

    def emit(item: Any, error: EventwireError | None) -> None:
        """Report one item of the stream, in input order, once it is stored (or refused)."""
        nonlocal coded_n, failed_n, skipped_n, dup_n
        dup = copies.take(item.id, item.origin) if isinstance(item, Skipped) else None
        if dup is not None:
            if copies.attach(dup):  # its URL kept with the stored article
                progress.skipped()  # (else counted once, below, as a failure)
                dup_n += 1
                if fmt == "table":
                    out.write(f"# {dup.origin}: near-duplicate of {dup.of} (similarity "
                              f"{dup.similarity:.2f}); not coded again, its URL is kept with "
                              "it\n\n")
                return
            item = Failure(dup.origin, f"near-duplicate of {dup.of}, which was not stored "
                                       "(it failed); code this input again", "dedup")
        if isinstance(item, Skipped):
            skipped_n += 1
            progress.skipped()
            # not coded again, but still part of the answer: the stored coding is printed
            stored = store.get_article(item.id) if store is not None else None
            if stored is None:
                return
            note = (f"# {stored['article'].get('title') or item.id}: already stored with "
                    f"these dictionaries ({len(stored['events'])} events); --recode codes "
                    "it again")
            if summary and output:
                click.echo(note + "\n")
            if fmt == "jsonl":
                out.write(json.dumps(stored, ensure_ascii=False) + "\n")
            elif fmt == "table":
                out.write(note + "\n\n")
            else:
                results.append(stored)
            return
        if isinstance(item, Failure):
            copies.failed(origin=item.origin)
            progress.failed()
            failed_n += 1
            click.echo(f"error: {item.origin}: {item.reason}", err=True)
            if store is not None:
                store.record_failure(item)
            return
        if error is not None:  # refused or failed by the store: reported, not printed
            progress.failed()
            failed_n += 1
            art = item.article
            origin = f"{art.file} (id {art.id})" if art.file else art.id
            click.echo(f"error: {origin}: {error}", err=True)
            if store is not None:
                store.record_failure(Failure(origin, str(error), stage="store"))
            copies.failed(article_id=art.id)
            return
        to_sign.append(item.article.id)
        coded_n += 1
        progress.coded(len(item.events))
        for w in item.warnings:
            click.echo(f"warning: {w}", err=True)
        if summary and output:
            click.echo(_summary(item) + "\n")
        if fmt == "jsonl":
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "table":
            out.write(_summary(item) + "\n\n")
        else:
            results.append(item.to_dict())

    try:
        for item in items:
            if isinstance(item, CodedArticle):
                item = _filter(item, min_confidence)
            for done, error in buffer.add(item):
                emit(done, error)
            copies.sign(to_sign)
            to_sign.clear()
        for done, error in buffer.flush():
            emit(done, error)
        copies.sign(to_sign)
        if fmt == "json":
            if len(results) == 1:
                out.write(json.dumps(results[0], ensure_ascii=False, indent=2) + "\n")
            else:
                for r in results:
                    out.write(json.dumps(r, ensure_ascii=False) + "\n")
    except EventwireError as exc:  # e.g. the worker processes cannot load the model
        raise click.ClickException(str(exc)) from exc
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # stops the worker processes at once, even after an error
        buffer.close()  # the batch in flight is committed (or rolled back) first
        progress.close()
        if store is not None:
            store.close()
        if output:
            out.close()
    secs = time.perf_counter() - started
    log.info("coded %d, skipped %d, failed %d in %.2fs", coded_n, skipped_n, failed_n, secs)
    skipped_note = f", skipped {skipped_n} already stored" if skipped_n else ""
    if dup_n:
        skipped_note += (f", {dup_n} near-duplicate{'s' if dup_n > 1 else ''} (URL kept with "
                         "the stored article, not coded again)")
    if failed_n:
        click.echo(f"coded {coded_n}{skipped_note}, failed {failed_n} (see the errors above"
                   f"{'' if store is None else ' and the errors table of ' + db})", err=True)
    elif skipped_n or dup_n:
        click.echo(f"coded {coded_n}{skipped_note}"
                   f"{' (use --recode to code them again)' if skipped_n else ''}", err=True)
    if coded_n + skipped_n + dup_n == 0:
        raise SystemExit(EXIT_NOTHING_CODED)
    if failed_n:
        raise SystemExit(EXIT_SOME_FAILED)


@cli.command(name="eval")
@click.option("--shared", type=click.Path(file_okay=False, exists=True), default=None,
              help="The shared/ folder with golden/ and eval/ (default: ../shared beside the "
              "checkout, then ./shared).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), default=None,
              help="Also write the full report as JSON here.")
@click.option("--sets/--no-sets", default=True, show_default=True,
              help="Also score the sentence sets in eval/data/.")
@click.option("--calibrate", is_flag=True, help="Fit the confidence calibration table on these "
              "results and write it to eventwire/data/confidence.yaml (then re-run eval).")
@click.option("--own/--no-own", default=True, show_default=True,
              help="Also score the project's own hand-coded corpus articles (eval/corpus_gold, "
              "texts in shared/corpus/articles) as a group of their own.")
def eval_cmd(shared: str | None, json_out: str | None, sets: bool, calibrate: bool,
             own: bool) -> None:
    """Score every hand-coded article and every public sentence set; print one table.

    Includes a reliability table: per confidence bin, the share of events judged right.
    """
    from ..evaluate import calibrate as fit, find_own_gold, find_shared, format_report, run_eval
    root = Path(shared) if shared else find_shared()
    if root is None:
        raise click.ClickException("cannot find the shared/ folder; pass --shared DIR")
    report = run_eval(root, sentence_sets=sets, own_gold=find_own_gold() if own else None)
    samples = report.pop("_samples")
    click.echo(format_report(report))
    if calibrate:
        import yaml
        from ..extract.events import CALIBRATION_FILE
        table = fit(samples)
        path = Path(__file__).resolve().parents[1] / "data" / CALIBRATION_FILE
        header = ("# Confidence calibration: precision of events per way of reading them\n"
                  "# (kind|role|target|status, backed off to coarser keys), fitted by\n"
                  f"# `eventwire eval --calibrate` on {len(samples)} events of the gold articles\n"
                  "# and sentence sets. Regenerate after changing the coder; review the diff.\n")
        path.write_text(header + yaml.safe_dump({"precision": table}, sort_keys=True),
                        encoding="utf-8")
        click.echo(f"wrote {path} ({len(table)} keys)", err=True)
    if json_out:
        Path(json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(json_out).write_text(json.dumps(report, indent=2), encoding="utf-8")


@cli.command()
@click.option("--db", default="eventwire.duckdb", show_default=True, help="DuckDB file to read.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "gdelt", "plover-json"]),
              default="parquet", show_default=True, help="parquet/csv: every table; gdelt: "
              "events.gdelt.csv with GDELT 2.0 event columns, one row per real-world event; "
              "plover-json: events.plover.jsonl, PLOVER records.")
@click.argument("directory", type=click.Path(file_okay=False))
def export(db: str, fmt: str, directory: str) -> None:
    """Write the store into DIRECTORY as Parquet, CSV, GDELT-style CSV or PLOVER JSON."""
    from ..store import Store
    from ..store.exports import export as write
    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such database; code some articles first")
    try:
        with Store(db, read_only=True) as store:
            for path in write(store, fmt, directory):
                click.echo(str(path))
    except EventwireError as exc:  # e.g. a run is writing the file right now
        raise click.ClickException(str(exc)) from exc


def _add_analysis_commands() -> None:
    """`events`, `series`, `alerts`, `threads`, `dyads` live in cli_analysis.py."""
    from .cli_analysis import COMMANDS
    for command in COMMANDS:
        cli.add_command(command)


_add_analysis_commands()


from .cli_serve import serve  # noqa: E402

cli.add_command(serve)


from .scale import load  # noqa: E402 - registered after the group exists

cli.add_command(load)


from .cli_status import status  # noqa: E402 - registered after the group exists

cli.add_command(status)


def main() -> None:
    """Entry point of the `eventwire` script."""
    cli(prog_name="eventwire")


if __name__ == "__main__":  # pragma: no cover
    main()
