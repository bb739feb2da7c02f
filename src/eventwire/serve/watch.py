"""Live ingest for `eventwire serve --watch`: the serving process is also the only writer.

Why here and not in a second process: a DuckDB file takes one writing process and then refuses
every other process, readers included. So the process that serves the store polls the watched
folders, codes new files with the Pipeline in one background thread and saves them through the
same Store (whose lock serialises its single connection between this thread and the HTTP
threads). Nothing is lost or duplicated: a file is coded once its size and modification time
have held still for one poll (so half-written files wait), saving replaces an article by id in
one transaction, and after a restart every file is looked at again but articles already stored
with the same text and dictionaries are skipped before parsing.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import EventwireError
from ..ingest import FORMATS, read_inputs
from ..model import CodedArticle, Failure

log = logging.getLogger(__name__)

#: (size, mtime in ns): how a file is recognised as unchanged between two polls.
Signature = tuple[int, int]


def _wanted(name: str) -> bool:
    """A file the ingest step reads, and not an editor's or downloader's temporary file."""
    low = name.lower()
    if low.startswith(".") or low.endswith((".tmp", ".part", ".partial", ".crdownload", "~")):
        return False
    return low.endswith(".warc.gz") or os.path.splitext(low)[1] in FORMATS


def scan(sources: Iterable[str | os.PathLike[str]]) -> dict[str, Signature]:
    """Every readable article file under ``sources`` (folders, recursively, or single files)
    with its signature; files that vanish while being listed are left out."""
    found: dict[str, Signature] = {}

    def add(path: str) -> None:
        try:
            st = os.stat(path)
        except OSError:
            return
        found[path] = (st.st_size, st.st_mtime_ns)

    for source in sources:
        root = os.fspath(source)
        if os.path.isfile(root):
            add(root)
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if _wanted(name):
                    add(os.path.join(folder, name))
    return found


@dataclass
class WatchStatus:
    """What the watcher has done so far (served at /api/health)."""

    sources: list[str]
    interval: float
    polls: int = 0
    files_coded: int = 0
    saved: int = 0
    skipped: int = 0
    failed: int = 0
    pending: int = 0
    last_poll: float | None = None
    last_error: str | None = None
    ready: bool = False  # the Pipeline is loaded
    recent: list[str] = field(default_factory=list)  # ids of the last saved articles

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


class Watcher:
    """Poll folders and code what appears into ``store``, in one daemon thread.

    ``pipeline`` is a loaded Pipeline or None (then one is loaded in the background thread, so
    the server answers while spaCy loads). ``on_saved`` is called after every poll that stored
    something, e.g. to drop cached answers.
    """

    def __init__(self, store: Any, sources: Iterable[str | os.PathLike[str]], *,
                 pipeline: Any = None, interval: float = 2.0, batch_size: int = 16,
                 on_saved: Callable[[], None] | None = None) -> None:
        self.store = store
        self.sources = [str(Path(s).expanduser()) for s in sources]
        missing = [s for s in self.sources if not os.path.exists(s)]
        if missing:
            raise EventwireError(f"cannot watch {', '.join(missing)}: no such file or folder; "
                                 "create the folder first (new files in it are coded as they "
                                 "appear)")
        self.interval = interval
        self.batch_size = batch_size
        self.on_saved = on_saved
        self._pipeline = pipeline
        self._seen: dict[str, Signature] = {}   # files coded (or found unreadable) as they are
        self._pending: dict[str, Signature] = {}  # files seen once, coded if unchanged next time
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.status = WatchStatus(sources=self.sources, interval=interval,
                                  ready=pipeline is not None)

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> "Watcher":
        self._thread = threading.Thread(target=self._run, name="eventwire-watch", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the article being saved; a batch cut short is finished on the next run."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll_once()
            except Exception as exc:  # noqa: BLE001 - one bad poll must not end live ingest
                log.exception("watch poll failed")
                self.status.last_error = f"{type(exc).__name__}: {exc}"
            self._stop.wait(self.interval)

    # -- one poll -------------------------------------------------------------------------
    def ready_files(self) -> list[str]:
        """Files whose signature held still since the previous poll and that are not coded
        as they are; remembers the others for the next poll."""
        now = scan(self.sources)
        ready = [p for p, sig in now.items()
                 if self._seen.get(p) != sig and self._pending.get(p) == sig]
        self._pending = {p: sig for p, sig in now.items()
                         if self._seen.get(p) != sig and p not in ready}
        self.status.pending = len(self._pending)
        for p in ready:
            self._seen[p] = now[p]
        return ready

    def poll_once(self) -> int:
        """Scan, then code and save the files that are ready; returns articles saved."""
        files = self.ready_files()
        self.status.polls += 1
        self.status.last_poll = time.time()
        if not files:
            return 0
        pipeline = self._load_pipeline()
        saved = self._code(pipeline, files)
        self.status.files_coded += len(files)
        if saved and self.on_saved is not None:
            self.on_saved()
        return saved

    def _load_pipeline(self) -> Any:
        if self._pipeline is None:
            from ..pipeline import Pipeline
            self._pipeline = Pipeline()
            self.status.ready = True
        return self._pipeline

    def _code(self, pipeline: Any, files: list[str]) -> int:
        from ..pipeline import Skipped
        saved = 0
        fingerprint = pipeline.fingerprint
        items = pipeline.code_many(read_inputs(files), batch_size=self.batch_size,
                                   skip=lambda batch: self.store.already_stored(batch,
                                                                                fingerprint))
        for item in items:
            if self._stop.is_set():
                # the files of this batch are looked at again by the next run (and skipped
                # there when stored): forget them so nothing is lost
                for p in files:
                    self._seen.pop(p, None)
                break
            if isinstance(item, Skipped):
                self.status.skipped += 1
            elif isinstance(item, Failure):
                self.status.failed += 1
                log.warning("watch: %s: %s", item.origin, item.reason)
                self.store.record_failure(item)
            elif isinstance(item, CodedArticle):
                try:
                    self.store.save(item)
                except EventwireError as exc:
                    self.status.failed += 1
                    self.status.last_error = str(exc)
                    log.warning("watch: %s", exc)
                    origin = item.article.file or item.article.id
                    self.store.record_failure(Failure(origin, str(exc), stage="store"))
                    continue
                saved += 1
                self.status.saved += 1
                self.status.recent = (self.status.recent + [item.article.id])[-20:]
                log.info("watch: stored %s (%d events)", item.article.id, len(item.events))
        return saved


__all__ = ["Watcher", "WatchStatus", "scan"]
