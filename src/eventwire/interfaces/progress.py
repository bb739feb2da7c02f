"""Progress of a long `eventwire code` run: a bar on a terminal, log lines otherwise.

Why both: an interactive user wants a live bar (articles/s, events, errors); a cron job or a
pipe wants a plain line now and then in its log, never carriage returns.
"""
from __future__ import annotations

import sys
import time
from typing import IO, Any, Callable

#: Seconds between two plain progress lines when stderr is not a terminal.
LOG_EVERY = 30.0


class Progress:
    """Counts coded articles, events and errors, and shows them with a rate and an ETA.

    The ETA needs a total: ``total`` inputs when they could be counted (files of one article,
    lines of JSON Lines), else ``total_bytes`` of input with ``read_bytes`` telling how many
    the reader has consumed (big or compressed dumps, WARCs); with neither, no ETA.
    """

    def __init__(self, stream: IO[str] | None = None, total: int | None = None,
                 log_every: float = LOG_EVERY, force_bar: bool | None = None,
                 total_bytes: int | None = None,
                 read_bytes: Callable[[], int] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.articles = self.events = self.errors = self.skips = 0
        self.started = self._last_line = time.monotonic()
        self.log_every = log_every
        self.total = total
        self.total_bytes = total_bytes if total is None and read_bytes is not None else None
        self._read_bytes = read_bytes
        interactive = force_bar if force_bar is not None else _isatty(self.stream)
        self._bar: Any = None
        if interactive:
            from tqdm import tqdm
            if self.total_bytes:
                self._bar = tqdm(total=self.total_bytes, unit="B", unit_scale=True,
                                 unit_divisor=1024, file=self.stream, dynamic_ncols=True,
                                 desc="coding (input read)")
            else:
                self._bar = tqdm(total=total, unit="article", file=self.stream,
                                 desc="coding", dynamic_ncols=True)

    @property
    def done(self) -> int:
        """Inputs reported so far, whatever became of them."""
        return self.articles + self.errors + self.skips

    def coded(self, events: int) -> None:
        self.articles += 1
        self.events += events
        self._tick()

    def skipped(self) -> None:
        """An article already stored: done, but not coded again."""
        self.skips += 1
        self._tick()

    def failed(self) -> None:
        self.errors += 1
        self._tick()

    def fraction(self) -> float | None:
        """Share of the run done, by inputs or by bytes read; None without a total."""
        if self.total:
            return min(1.0, self.done / self.total)
        if self.total_bytes and self._read_bytes is not None:
            return min(1.0, self._read_bytes() / self.total_bytes)
        return None

    def eta(self) -> float | None:
        """Seconds left at the pace so far; None without a total or before any progress."""
        part = self.fraction()
        if not part:
            return None
        return (time.monotonic() - self.started) * (1 - part) / part

    def _tick(self) -> None:
        if self._bar is not None:
            if self.total_bytes and self._read_bytes is not None:
                self._bar.update(max(0, min(self._read_bytes(), self.total_bytes) - self._bar.n))
                secs = max(time.monotonic() - self.started, 1e-9)
                self._bar.set_postfix(articles=self.done, rate=f"{self.done / secs:.1f}/s",
                                      events=self.events, errors=self.errors, refresh=False)
            else:
                self._bar.update(1)
                self._bar.set_postfix(events=self.events, errors=self.errors,
                                      skipped=self.skips, refresh=False)
            return
        now = time.monotonic()
        if now - self._last_line >= self.log_every:
            self._last_line = now
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        """One plain status line: counts, the rate so far, and what is left if known."""
        secs = max(time.monotonic() - self.started, 1e-9)
        done = self.done
        part, eta = self.fraction(), self.eta()
        if self.total:
            where = f"{done}/{self.total} inputs ({100 * (part or 0):.0f}%)"
        elif part is not None and self.total_bytes:
            where = (f"{done} inputs, {100 * part:.0f}% of {_size(self.total_bytes)} "
                     "read,")
        else:
            where = f"{done} inputs"
        left = f"; ETA {_duration(eta)}" if eta is not None else ""
        return (f"progress: {where} in {secs:.0f}s ({done / secs:.1f}/s): "
                f"{self.articles} coded, {self.events} events, {self.errors} errors, "
                f"{self.skips} skipped{left}")

    def close(self) -> None:
        if self._bar is not None:
            if self.total_bytes and self._read_bytes is not None:
                self._bar.update(max(0, min(self._read_bytes(), self.total_bytes) - self._bar.n))
            self._bar.close()


def _duration(secs: float) -> str:
    """``3h05m``, ``4m10s``, ``42s``: what a person reads at a glance."""
    s = int(round(secs))
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    if s >= 60:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s}s"


def _size(n: int) -> str:
    """``1.2 GB``: a size as a person reads it."""
    value, unit = float(n), "B"
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


__all__ = ["Progress", "LOG_EVERY"]
