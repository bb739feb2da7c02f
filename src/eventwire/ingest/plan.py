"""How much input a run has ahead of it: the total a progress display needs for its ETA.

Why two kinds of total: counting inputs is exact and cheap for files of one article and for
JSON Lines of moderate size (a pass over the lines), so the display can say "1,200/2,000
articles". A 40 GB JSON Lines dump, a gzipped one or a WARC cannot be counted without reading
it twice; there the total is its size in bytes, and the part done is how far the reader has
got into it (``ReadMeter``). URLs and standard input have no total at all.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import IO, Iterable

#: JSON Lines are counted line by line up to this many bytes in all; beyond, progress goes by
#: bytes read (counting would cost a noticeable share of the run before it starts).
COUNT_LIMIT = 256 * 1024 * 1024
#: Formats whose files hold one article each.
_SINGLE = {"text", "html"}


@dataclass(frozen=True)
class InputPlan:
    """``items``: inputs the run will report (coded, skipped or failed), if countable;
    ``bytes``: the input files' total size, if every input is a local file."""

    items: int | None
    bytes: int | None


def count_lines(path: str) -> int:
    """Non-blank lines of an uncompressed JSON Lines file: its articles (and bad lines)."""
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


def plan_inputs(paths: Iterable[str | os.PathLike[str]], count_limit: int = COUNT_LIMIT
                ) -> InputPlan:
    """The totals of ``paths``, walked as ``read_inputs`` walks them; never raises for a bad
    path (it will be one failed input)."""
    from . import EMPTY_DIR, URL, _expand
    items: int | None = 0
    size = 0
    counted = 0
    for path, fmt in _expand(paths):
        if path == "-" or fmt == URL:
            return InputPlan(None, None)
        try:
            st = os.stat(path)
        except OSError:
            items = None if items is None else items + 1  # one failure, no bytes
            continue
        if fmt == EMPTY_DIR or not os.path.isfile(path):
            items = None if items is None else items + 1
            continue
        size += st.st_size
        if items is None:
            continue
        if fmt in _SINGLE:
            items += 1
            continue
        try:
            with open(path, "rb") as fh:
                gz = fh.read(2) == b"\x1f\x8b"
            if fmt == "jsonl" and not gz and counted + st.st_size <= count_limit:
                counted += st.st_size
                items += max(1, count_lines(path))
                continue
        except OSError:  # unreadable: the run will report it as one failed input
            items += 1
            continue
        items = None  # a feed, a WARC, a big or gzipped dump: count by bytes
    return InputPlan(items, size)


class ReadMeter:
    """Bytes of the input files read so far: the files done, plus the position in the file
    being streamed. ``read_inputs`` feeds it; a progress display polls ``done()`` from the
    same or another thread (the position of a file is its raw, compressed offset)."""

    def __init__(self) -> None:
        self._finished = 0
        self._current: IO[bytes] | None = None
        self._lock = threading.Lock()

    def reading(self, raw: IO[bytes]) -> None:
        """A file is being streamed from ``raw`` (its bytes count as they are read)."""
        with self._lock:
            self._current = raw

    def finished(self, size: int) -> None:
        """A file of ``size`` bytes is read to its end (or given up)."""
        with self._lock:
            self._finished += size
            self._current = None

    def done(self) -> int:
        with self._lock:
            current = self._current
            base = self._finished
        if current is None:
            return base
        try:
            return base + current.tell()
        except (ValueError, OSError):  # closed between the two lines above
            return base


__all__ = ["InputPlan", "ReadMeter", "plan_inputs", "count_lines", "COUNT_LIMIT"]
