"""`eventwire events|series|alerts|threads` on a real store file."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from eventwire.interfaces.cli import cli
from eventwire.interfaces.exits import EXIT_USAGE
from eventwire.store import Store

from ..store.factories import NATO, RUSSIA, article, event


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "news.duckdb"
    with Store(path) as store:
        for w in range(10):  # weekly, then two in the last week of March
            day = (date(2021, 1, 4) + timedelta(weeks=w)).isoformat() if w < 9 else "2021-03-29"
            store.save(article(f"a{w}", published=day, events=(
                event("e1", "ACCUSE", date=day),
                event("e2", "AID", (NATO,), (RUSSIA,), score=7.0, quad=2, date=day,
                      status="claimed"))))
        # two outlets run the same story: one thread as soon as the copy is saved
        store.save(article("copy", published="2021-03-29", events=(
            event("e1", "ACCUSE", date="2021-03-29"),)))
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_events_filters_and_formats(db):
    table = run("events", "--db", db, "--dyad", "RUS-NATO", "--since", "2021-01-05")
    assert table.exit_code == 0
    assert "ACCUSE" in table.output and "AID" not in table.output
    rows = json.loads(run("events", "--db", db, "--actor", "NATO", "--category", "AID",
                          "--format", "json").output)
    assert len(rows) == 10 and {r["status"] for r in rows} == {"claimed"}
    csv_out = run("events", "--db", db, "--status", "asserted", "--format", "csv",
                  "--limit", "3").output.splitlines()
    assert csv_out[0].startswith("event_gid,thread_id,") and len(csv_out) == 4
    assert run("events", "--db", db, "--actor", "CHL").output.strip() == "(nothing found)"


def test_series_counts_events_not_mentions_without_a_threads_update(db):
    # the store threaded the copies as it saved them: series count real-world events
    before = json.loads(run("series", "RUS", "NATO", "--db", db, "--freq", "month",
                            "--by", "total", "--format", "json").output)
    assert [p["events"] for p in before] == [4, 4, 2]
    updated = run("threads", "--db", db, "--update", "--min-mentions", "2")
    assert updated.exit_code == 0 and "RUS" in updated.output
    assert "threaded 0 events" in updated.output  # nothing left for --update to do
    after = json.loads(run("series", "RUS", "NATO", "--db", db, "--freq", "month",
                           "--by", "total", "--format", "json").output)
    assert after == before
    claimed = json.loads(run("series", "NATO", "RUS", "--db", db, "--freq", "month",
                             "--format", "json").output)
    assert [(p["events"], p["claimed"]) for p in claimed] == [(0, 4), (0, 4), (0, 2)]


def test_alerts_table_and_csv(db):
    out = run("alerts", "--db", db, "--freq", "day", "--min-events", "1", "--threshold", "1")
    assert out.exit_code == 0 and "RUS" in out.output
    csv_out = run("alerts", "RUS", "NATO", "--db", db, "--freq", "day", "--min-events", "1",
                  "--threshold", "1", "--format", "csv").output
    assert csv_out.startswith("source,target,period,events,baseline")


def test_bad_input_is_one_line_without_traceback(db, tmp_path):
    missing = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no such store" in missing.output
    bad_date = CliRunner().invoke(cli, ["events", "--db", db, "--since", "yesterday"])
    assert bad_date.exit_code == 1 and "not an ISO date" in bad_date.output
    bad_dyad = CliRunner().invoke(cli, ["series", "--db", db, "RUS", "NATO", "--by", "x"])
    assert bad_dyad.exit_code == EXIT_USAGE
    for result in (missing, bad_date):
        assert "Traceback" not in result.output and result.output.count("\n") == 1


def test_dyads_ranks_by_events(db):
    ranked = json.loads(run("dyads", "--db", db, "--format", "json").output)
    # 11 mentions, of which a copy of another article's event: 10 real-world events
    assert [(r["source"], r["target"], r["events"]) for r in ranked] == [("RUS", "NATO", 10)]
    coded = run("dyads", "--db", db, "--level", "code")
    assert coded.exit_code == 0 and "RUSGOV" in coded.output
