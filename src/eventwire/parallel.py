"""Coding in N worker processes: spaCy parsing and extraction on every core.

Why processes: parsing and extraction are pure Python/Cython holding the GIL, so threads
gain nothing, and spaCy's own ``n_process`` gains less than hand-split halves (issue 8).

How it is split:

* the parent reads the inputs lazily, cleans them (``prepare``, no model needed), asks the
  store once per batch what is already stored (``skip``), and hands batches of
  ``Prepared`` articles to the workers;
* each worker (a ``spawn``-ed process: no forked DuckDB or thread state) loads the
  ``Pipeline`` once, parses a batch with ``nlp.pipe`` and sends back one result per article;
* the parent yields results in input order, so the one process writing the store sees the
  same stream as ``Pipeline.code_many`` would give it.

What can go wrong stays per article: an article that raises inside a worker is a
``Failure`` (the pipeline's own guards); a worker that dies (segfault, out of memory, killed)
or overruns its time budget is replaced, and the articles of its batch are tried again one
by one, so only the culprit becomes a ``Failure``. Memory is bounded: at most a few batches
per worker are read ahead of the output.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import pickle
import queue
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import ModelError
from .model import CodedArticle, Document, Failure
from .nlp import DEFAULT_MODEL
from .pipeline import Prepared, SkipCheck, Skipped, prepare_batches

log = logging.getLogger(__name__)

Result = CodedArticle | Failure | Skipped

#: Batches queued on one worker: one being coded, one waiting, so it never idles while the
#: parent is busy storing.
_PER_WORKER = 2
#: Batches read ahead of the output per worker (bounds memory and the reorder buffer).
_READ_AHEAD = 4
#: Articles per batch sent to a worker: small enough to share a short input fairly between
#: the workers, large enough for ``nlp.pipe`` to batch.
_TASK_SIZE = 8
#: Workers that die before they are ready, in a row, before the run gives up.
_MAX_START_FAILURES = 3


def default_workers() -> int:
    """The machine's cores."""
    return max(1, os.cpu_count() or 1)


#: Fewer single-article files than this, and no folder or large multi-article file: code
#: in this process, since starting workers (each loads the model) costs more than it saves.
AUTO_MIN_FILES = 8
AUTO_MIN_BYTES = 1_000_000


def auto_workers(paths: Iterable[str]) -> int:
    """What ``--workers`` defaults to: the cores for folders, large JSON Lines / feeds /
    archives or many files; 1 for a few single files or standard input."""
    cores = default_workers()
    files = 0
    for raw in paths:
        if raw == "-":
            continue
        path = Path(raw)
        if path.is_dir():
            return cores
        try:
            size = path.stat().st_size
        except OSError:
            continue
        name = path.name.lower()
        if name.endswith((".jsonl", ".ndjson", ".json", ".xml", ".rss", ".atom", ".warc",
                          ".gz")) and size >= AUTO_MIN_BYTES:
            return cores
        files += 1
    return cores if files >= AUTO_MIN_FILES else 1


def _worker_main(model: str, tasks: Any, conn: Connection) -> None:
    """A worker process: load the pipeline once, then code batches until told to stop.

    It exits on its own when the parent disappears (kill -9), so no orphan keeps a model
    in memory.
    """
    # Ctrl-C is the parent's to handle (it stops the workers); a traceback from each worker
    # would only bury its message
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from .pipeline import Pipeline
        pipeline = Pipeline(model)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which ends the run
        conn.send(("init-error", f"{type(exc).__name__}: {exc}"))
        return
    parent = os.getppid()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = tasks.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent:
                return
            continue
        if task is None:
            return
        task_id, batch = task
        sent = 0
        try:
            for result in pipeline.code_prepared(batch):
                try:
                    conn.send(("result", task_id, sent, result))
                except (pickle.PicklingError, TypeError, ValueError, AttributeError
                        ) as exc:  # an unpicklable result
                    conn.send(("result", task_id, sent, Failure(
                        batch[sent].origin, f"result could not be sent: {exc}", "worker")))
                sent += 1
        except (BrokenPipeError, EOFError):
            return
        except Exception as exc:  # noqa: BLE001 - a bug outside code_prepared's guards
            for i in range(sent, len(batch)):
                conn.send(("result", task_id, i, Failure(
                    batch[i].origin, f"coding failed: {type(exc).__name__}: {exc}", "worker")))
        conn.send(("done", task_id))


@dataclass
class _Task:
    """A batch given to a worker: where its results go in the output, and its progress."""

    id: int
    slots: list[int]
    batch: list[Prepared]
    done: set[int] = field(default_factory=set)
    started: float | None = None  # when the worker began it (for the time budget)


@dataclass
class _Worker:
    process: Any
    tasks: Any
    conn: Connection
    outstanding: deque[_Task] = field(default_factory=deque)
    ready: bool = False


class WorkerPool:
    """N worker processes coding ``Prepared`` batches; started lazily, replaced when lost.

    ``timeout`` is a per-article budget in seconds (None: no limit): a batch may take
    ``timeout`` per article not yet returned, counted from the worker's last progress.
    """

    def __init__(self, workers: int, model: str = DEFAULT_MODEL,
                 timeout: float | None = None) -> None:
        self.size = max(1, workers)
        self.model = model
        self.timeout = timeout
        self._ctx = mp.get_context("spawn")
        self._workers: list[_Worker] = []
        self._start_failures = 0
        self._next_task = 0

    # -- workers --------------------------------------------------------------------------
    def _start(self) -> _Worker:
        tasks = self._ctx.Queue()
        ours, theirs = self._ctx.Pipe(duplex=False)
        proc = self._ctx.Process(target=_worker_main, args=(self.model, tasks, theirs),
                                 name=f"eventwire-worker-{len(self._workers)}", daemon=True)
        proc.start()
        theirs.close()
        worker = _Worker(proc, tasks, ours)
        self._workers.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        """Stop a worker for good (killing it if it is still running)."""
        if worker in self._workers:
            self._workers.remove(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        worker.tasks.cancel_join_thread()
        worker.tasks.close()

    def close(self) -> None:
        """Ask every worker to finish, then make sure none is left."""
        for w in self._workers:
            try:
                w.tasks.put(None)
            except (ValueError, OSError):
                pass
        deadline = time.monotonic() + 10
        for w in list(self._workers):
            w.process.join(timeout=max(0.1, deadline - time.monotonic()))
            self._retire(w)

    # -- dispatch -------------------------------------------------------------------------
    def _dispatch(self, backlog: deque[_Task]) -> None:
        """Give waiting batches to workers, starting one more while all are busy."""
        while backlog:
            idle = [w for w in self._workers if not w.outstanding]
            if not idle and len(self._workers) < self.size:
                worker = self._start()
            else:
                open_ = [w for w in self._workers if len(w.outstanding) < _PER_WORKER]
                if not open_:
                    return
                worker = min(open_, key=lambda w: len(w.outstanding))
            task = backlog.popleft()
            if not worker.outstanding and worker.ready:
                task.started = time.monotonic()
            worker.outstanding.append(task)
            worker.tasks.put((task.id, task.batch))

    def _lost(self, worker: _Worker, reason: str, results: dict[int, Result],
              backlog: deque[_Task]) -> None:
        """A worker died or overran: its current batch is retried one article at a time;
        an article that was already alone is the culprit and becomes a Failure."""
        was_ready = worker.ready
        self._retire(worker)
        tasks = list(worker.outstanding)
        if not was_ready:
            self._start_failures += 1
            if self._start_failures >= _MAX_START_FAILURES:
                raise ModelError(f"worker processes keep dying before they are ready ({reason})")
        retry: list[_Task] = []
        if tasks and was_ready:
            head = tasks.pop(0)
            left = [i for i in range(len(head.batch)) if i not in head.done]
            if len(left) == 1:
                i = left[0]
                log.warning("%s: %s", head.batch[i].origin, reason)
                results[head.slots[i]] = Failure(head.batch[i].origin, reason, stage="worker")
            else:
                for i in left:
                    retry.append(self._task([head.slots[i]], [head.batch[i]]))
        backlog.extendleft(reversed(retry + tasks))

    def _task(self, slots: list[int], batch: list[Prepared]) -> _Task:
        self._next_task += 1
        return _Task(self._next_task, slots, batch)

    # -- receiving ------------------------------------------------------------------------
    def _receive(self, worker: _Worker, msg: tuple[Any, ...], results: dict[int, Result]
                 ) -> None:
        kind, now = msg[0], time.monotonic()
        if kind == "ready":
            worker.ready = True
            self._start_failures = 0
            if worker.outstanding:
                worker.outstanding[0].started = now
        elif kind == "init-error":
            raise ModelError(f"a worker process could not load the pipeline: {msg[1]}")
        elif kind == "result":
            task = worker.outstanding[0]
            results[task.slots[msg[2]]] = msg[3]
            task.done.add(msg[2])
            task.started = now  # progress: the budget counts from here
        elif kind == "done":
            worker.outstanding.popleft()
            if worker.outstanding:
                worker.outstanding[0].started = now

    def _deadline(self, worker: _Worker) -> float | None:
        if self.timeout is None or not worker.outstanding:
            return None
        head = worker.outstanding[0]
        if head.started is None:
            return None
        return head.started + self.timeout * max(1, len(head.batch) - len(head.done))

    def _wait(self, results: dict[int, Result], backlog: deque[_Task]) -> None:
        """Block until a worker sends something, dies, or overruns its budget."""
        deadlines = [d for w in self._workers if (d := self._deadline(w)) is not None]
        wait_for = 5.0 if not deadlines else max(0.0, min(deadlines) - time.monotonic())
        by_conn = {w.conn: w for w in self._workers}
        by_sentinel = {w.process.sentinel: w for w in self._workers}
        ready = wait(list(by_conn) + list(by_sentinel), timeout=min(wait_for, 5.0))
        lost: dict[int, tuple[_Worker, str]] = {}
        for handle in ready:
            worker = by_conn.get(handle) or by_sentinel[handle]  # type: ignore[index]
            try:
                while worker.conn.poll():
                    self._receive(worker, worker.conn.recv(), results)
            except (EOFError, OSError):
                pass
            if not worker.process.is_alive():
                code = worker.process.exitcode
                lost[id(worker)] = (worker, f"the worker process died (exit status {code}) "
                                            "while coding this article")
        now = time.monotonic()
        for w in self._workers:
            d = self._deadline(w)
            if d is not None and now > d and id(w) not in lost:
                lost[id(w)] = (w, f"took longer than the time budget of {self.timeout:g} s "
                                  "per article; its worker was stopped")
        for worker, reason in lost.values():
            if worker.outstanding or not worker.ready:
                self._lost(worker, reason, results, backlog)
            else:
                self._retire(worker)

    # -- the stream -----------------------------------------------------------------------
    def code_many(self, items: Iterable[Document | Failure], batch_size: int = 16,
                  skip: SkipCheck | None = None) -> Iterator[Result]:
        """Like ``Pipeline.code_many``, in the workers; results in input order."""
        results: dict[int, Result] = {}
        backlog: deque[_Task] = deque()
        groups = prepare_batches(items, batch_size, skip)
        next_out = n_slots = 0
        exhausted = False
        max_tasks = self.size * _READ_AHEAD
        max_slots = max_tasks * batch_size * 2  # inputs read but not yet yielded
        chunk = max(1, min(batch_size, _TASK_SIZE))
        while True:
            while not exhausted and n_slots - next_out < max_slots and (
                    len(backlog) + sum(len(w.outstanding) for w in self._workers)) < max_tasks:
                group = next(groups, None)
                if group is None:
                    exhausted = True
                    break
                slots, batch = [], []
                for g in group:
                    if isinstance(g, Prepared):
                        slots.append(n_slots)
                        batch.append(g)
                    else:
                        results[n_slots] = g
                    n_slots += 1
                for i in range(0, len(batch), chunk):
                    backlog.append(self._task(slots[i:i + chunk], batch[i:i + chunk]))
            self._dispatch(backlog)
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            if exhausted and next_out == n_slots:
                return
            if next_out < n_slots and next_out not in results:
                self._wait(results, backlog)


def code_parallel(items: Iterable[Document | Failure], workers: int, *,
                  model: str = DEFAULT_MODEL, batch_size: int = 16,
                  skip: SkipCheck | None = None, timeout: float | None = None
                  ) -> Iterator[Result]:
    """Code a stream in ``workers`` processes; the pool is shut down when the stream ends
    (or is closed early)."""
    pool = WorkerPool(workers, model, timeout)
    try:
        yield from pool.code_many(items, batch_size, skip)
    finally:
        pool.close()


__all__ = ["WorkerPool", "code_parallel", "default_workers", "auto_workers"]
