"""Progress of a long `eventwire code` run: a bar on a terminal, log lines otherwise.

Why both: an interactive user wants a live bar (articles/s, events, errors); a cron job or a
pipe wants a plain line now and then in its log, never carriage returns.
"""
from __future__ import annotations

import sys
import time
from typing import IO, Any

#: Seconds between two plain progress lines when stderr is not a terminal.
LOG_EVERY = 30.0


class Progress:
    """Counts coded articles, events and errors, and shows them."""

    def __init__(self, stream: IO[str] | None = None, total: int | None = None,
                 log_every: float = LOG_EVERY, force_bar: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.articles = self.events = self.errors = self.skips = 0
        self.started = self._last_line = time.monotonic()
        self.log_every = log_every
        interactive = force_bar if force_bar is not None else _isatty(self.stream)
        self._bar: Any = None
        if interactive:
            from tqdm import tqdm
            self._bar = tqdm(total=total, unit="article", file=self.stream, desc="coding",
                             dynamic_ncols=True)

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

    def _tick(self) -> None:
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix(events=self.events, errors=self.errors, skipped=self.skips,
                                  refresh=False)
            return
        now = time.monotonic()
        if now - self._last_line >= self.log_every:
            self._last_line = now
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        """One plain status line: counts and the rate so far."""
        secs = max(time.monotonic() - self.started, 1e-9)
        done = self.articles + self.errors + self.skips
        return (f"progress: {done} inputs in {secs:.0f}s ({done / secs:.1f}/s): "
                f"{self.articles} coded, {self.events} events, {self.errors} errors, "
                f"{self.skips} skipped")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


__all__ = ["Progress", "LOG_EVERY"]
