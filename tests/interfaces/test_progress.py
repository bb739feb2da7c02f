"""Progress: a bar for people at a terminal, plain periodic lines for logs."""
from __future__ import annotations

import io

from eventwire.interfaces.progress import Progress


def test_progress_off_a_terminal_writes_plain_lines_now_and_then():
    out = io.StringIO()
    progress = Progress(out, log_every=0.0)
    progress.coded(events=3)
    progress.failed()
    progress.coded(events=2)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and "\r" not in out.getvalue()
    assert lines[-1].startswith("progress: 3 inputs")
    assert "2 coded, 5 events, 1 errors" in lines[-1]


def test_progress_off_a_terminal_stays_quiet_between_intervals():
    out = io.StringIO()
    progress = Progress(out, log_every=3600.0)
    for _ in range(50):
        progress.coded(events=1)
    assert out.getvalue() == ""
    assert "50 coded, 50 events, 0 errors" in progress.line()


def test_progress_bar_shows_events_and_errors():
    out = io.StringIO()
    progress = Progress(out, total=2, force_bar=True)
    progress.coded(events=4)
    progress.failed()
    progress.close()
    shown = out.getvalue()
    assert "2/2" in shown and "events=4" in shown and "errors=1" in shown
