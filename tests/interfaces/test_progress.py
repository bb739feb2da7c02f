"""Progress: a bar for people at a terminal, plain periodic lines for logs."""
from __future__ import annotations

import fcntl
import gzip
import io
import os
import pty
import select
import struct
import subprocess
import sys
import termios

from eventwire.ingest import ReadMeter, plan_inputs, read_inputs
from eventwire.interfaces.progress import Progress

from .generated import write_jsonl


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


def test_progress_lines_give_the_total_and_an_eta_when_inputs_were_counted():
    out = io.StringIO()
    progress = Progress(out, total=8, log_every=0.0)
    for _ in range(2):
        progress.coded(events=3)
    line = out.getvalue().splitlines()[-1]
    assert line.startswith("progress: 2/8 inputs (25%)")
    assert "2 coded, 6 events, 0 errors" in line and "; ETA " in line
    assert 0 <= progress.eta() < 60  # three times the (short) time the first two took


def test_plan_counts_single_articles_and_json_lines_but_not_compressed_dumps(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("One short note.\n", encoding="utf-8")
    (tmp_path / "in" / "b.html").write_text("<p>Another note.</p>", encoding="utf-8")
    src = write_jsonl(tmp_path / "in" / "news.jsonl", 5)
    with src.open("a", encoding="utf-8") as f:
        f.write("\n\n{broken\n")  # blank lines yield nothing, a broken one a failure
    plan = plan_inputs([str(tmp_path / "in"), str(tmp_path / "missing.txt")])
    assert plan.items == 2 + 6 + 1
    sizes = sum(p.stat().st_size for p in (tmp_path / "in").iterdir())
    assert plan.bytes == sizes

    (tmp_path / "in" / "more.jsonl.gz").write_bytes(gzip.compress(src.read_bytes()))
    big = plan_inputs([str(tmp_path / "in")])
    assert big.items is None and big.bytes == sizes + (tmp_path / "in" / "more.jsonl.gz").stat().st_size
    assert plan_inputs([str(src)], count_limit=10).items is None  # too big to count: bytes
    assert plan_inputs(["-"]) == plan_inputs(["https://example.org/feed"])
    assert plan_inputs(["-"]).bytes is None


def test_read_meter_follows_the_reader_through_a_compressed_dump(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", 3000)
    dump = tmp_path / "news.jsonl.gz"
    dump.write_bytes(gzip.compress(src.read_bytes(), compresslevel=1))
    meter = ReadMeter()
    total = plan_inputs([str(dump)]).bytes
    out = io.StringIO()
    progress = Progress(out, total_bytes=total, read_bytes=meter.done, log_every=0.0)
    seen = []
    for doc in read_inputs([str(dump)], meter=meter, english_only=False):
        progress.coded(events=1)
        seen.append(meter.done())
    assert len(seen) == 3000 and seen == sorted(seen)
    assert 0 < seen[1000] < total  # a third of the articles: part of the file read
    assert meter.done() == total  # the whole file read
    assert progress.fraction() == 1.0
    assert "3000 inputs, 100% of " in out.getvalue().splitlines()[-1]
    assert " KB read," in out.getvalue().splitlines()[-1]


def test_progress_bar_in_bytes_shows_articles_rate_events_and_errors():
    out = io.StringIO()
    read = iter([100, 400, 1000])
    progress = Progress(out, total_bytes=1000, read_bytes=lambda: next(read), force_bar=True)
    progress.coded(events=2)
    progress.failed()
    progress.close()
    shown = out.getvalue()
    assert "coding (input read)" in shown and "100%" in shown
    assert "articles=2" in shown and "events=2" in shown and "errors=1" in shown


def test_code_on_a_terminal_draws_a_bar_with_total_rate_and_events(tmp_path):
    """The real command under a pseudo-terminal: what a user at a terminal sees."""
    src = write_jsonl(tmp_path / "news.jsonl", 6)
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # 120 columns
    proc = subprocess.Popen(
        [sys.executable, "-c", "from eventwire.interfaces.cli import main; main()", "code",
         str(src), "--workers", "1", "--no-store", "--format", "jsonl", "-o", os.devnull],
        stdin=child, stdout=child, stderr=child, close_fds=True)
    os.close(child)
    shown = b""
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    assert proc.wait(timeout=30) == 0
    os.close(main)
    text = shown.decode("utf-8", "replace")
    assert "\r" in text  # redrawn in place, as a bar
    assert "6/6" in text and "article/s" in text
    assert "events=" in text and "errors=0" in text
