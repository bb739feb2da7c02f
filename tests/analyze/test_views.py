"""The analyst's views, and the three example queries of README.md, run for real."""
from __future__ import annotations

import re

import pytest

from eventwire.model import ActorRef

from ..conftest import ROOT
from ..store.factories import BELARUS, NATO, RUSSIA, SHOIGU, article, event, full_article

NOTES = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```sql\n(.*?)```", NOTES, flags=re.S)


def test_event_sides_has_one_row_per_source_and_target_actor(store):
    store.save(article("v1", events=(
        event("e1", "CONSULT", (RUSSIA, BELARUS), (NATO,)),
        event("e2", "MOBILIZE", (SHOIGU,), ()),
    )))
    rows = store.query("SELECT event_id, source_code, target_code, source_key, target_key, "
                       "url, sentence FROM event_sides ORDER BY event_id, source_code")
    assert [(r["event_id"], r["source_code"], r["target_code"]) for r in rows] == [
        ("e1", "BLRGOV", "NATO"), ("e1", "RUSGOV", "NATO"), ("e2", "RUSMIL", None)]
    assert {r["source_key"] for r in rows} == {"BLR", "RUS"}
    assert rows[0]["url"] == "https://www.example.com/v1?utm_source=feed"
    assert rows[0]["sentence"] == "e1: Russia accused NATO."


def test_event_details_and_quote_speakers(store):
    store.save(full_article())
    ev = store.query("SELECT * FROM event_details ORDER BY event_id")
    assert [e["event_id"] for e in ev] == ["e1", "e2"]
    assert ev[0]["url"].startswith("https://www.Newsweek.com/") and ev[0]["outlet"] == "Newsweek"
    assert ev[0]["thread_id"] == ev[0]["event_gid"]  # not threaded yet: its own thread
    assert (ev[0]["evidence_start"], ev[0]["evidence_end"]) == (0, 101)
    q = store.query("SELECT speaker_key, speaker_code, text FROM quote_speakers ORDER BY ord")
    assert q == [{"speaker_key": "RUS", "speaker_code": "RUSMIL", "text": "building up forces"},
                 {"speaker_key": None, "speaker_code": None, "text": "talks"}]


def test_the_notes_give_three_example_queries():
    assert len(EXAMPLES) == 3


@pytest.mark.parametrize("number", range(3))
def test_example_queries_answer_on_the_seed(store, seed_coded, number):
    store.save(seed_coded)
    store.save(article("x1", events=(event("e1", "ACCUSE", (ActorRef(
        actor="a1", name="the White House", country="USA", sector="GOV"),), (ActorRef(
            actor="a2", name="Democrats", country="USA", sector="OPP"),)),)))
    rows = store.query(EXAMPLES[number])
    assert rows, f"example query {number + 1} found nothing"
    if number == 0:  # the RUS -> NATO evidence of the seed
        assert all("NATO" in r["sentence"] for r in rows)
    if number == 1:  # dyads by country + sector: a government and its opposition apart
        pairs = {(r["source_code"], r["target_code"]) for r in rows}
        assert ("USAGOV", "USAOPP") in pairs
    if number == 2:  # who is quoted most
        assert rows[0]["quotes"] >= rows[-1]["quotes"]
