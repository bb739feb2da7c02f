"""Threads: syndicated copies of one event merge, other events (even near misses) do not."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from eventwire.analyze.threads import jaccard, link_mentions, tokens, update_threads
from eventwire.model import ActorRef, Evidence, Location
from eventwire.store import Store

from ..store.factories import article, event
from .syndicate import copies, measure, stories


def mention(gid: int, article_id: str, sentence: str, day: date | None = date(2021, 3, 1),
            place: str | None = None, country: str | None = None, block: str = "ACCUSE|PRT>MAR"
            ) -> dict[str, object]:
    return {"gid": gid, "article_id": article_id, "sentence": sentence, "date_start": day,
            "location_name": place, "location_country": country, "block": block}


def as_sets(groups: list[list[int]]) -> set[frozenset[int]]:
    return {frozenset(g) for g in groups}


def test_tokens_drop_function_words_and_case():
    assert tokens("The Minister SAID that Oslo and Lima signed it.") == {
        "minister", "oslo", "lima", "signed"}
    assert jaccard(tokens("Oslo signed a deal"), tokens("a deal Oslo signed")) == 1.0
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_copies_of_a_sentence_merge_across_articles_and_days():
    groups = link_mentions([
        mention(1, "x1", "Lisbon accused Rabat of smuggling rifles, the ministry said."),
        mention(2, "x2", "Lisbon accused Rabat of smuggling rifles on Monday, officials said.",
                day=date(2021, 3, 2)),
        mention(3, "x3", "On Monday, Lisbon accused Rabat of smuggling rifles, a spokesman said.",
                day=date(2021, 3, 3)),
    ])
    assert as_sets(groups) == {frozenset({1, 2, 3})}


def test_near_misses_on_the_same_day_stay_apart():
    groups = link_mentions([
        mention(1, "x1", "Lisbon accused Rabat of smuggling rifles across the desert border."),
        mention(2, "x2", "Lisbon accused Rabat of torturing detained fishermen in its prisons."),
    ])
    assert as_sets(groups) == {frozenset({1}), frozenset({2})}


def test_dates_too_far_apart_other_blocks_and_one_article_never_merge():
    same = "Lisbon accused Rabat of smuggling rifles across the desert border."
    groups = link_mentions([
        mention(1, "x1", same),
        mention(2, "x2", same, day=date(2021, 3, 4)),  # three days later: another event
        mention(3, "x3", same, block="ACCUSE|MAR>PRT"),  # reversed dyad
        mention(4, "x1", same),  # the same article again, the same day
    ])
    assert as_sets(groups) == {frozenset({1}), frozenset({2}), frozenset({3}), frozenset({4})}


def test_places_must_agree_unless_the_sentence_is_near_verbatim():
    loose_a = "Lisbon accused Rabat of smuggling rifles near the coast, a minister said."
    loose_b = "Lisbon accused Rabat of smuggling rifles near the coast, officials said."
    assert 0.5 <= jaccard(tokens(loose_a), tokens(loose_b)) < 0.8
    apart = link_mentions([mention(1, "x1", loose_a, place="Tangier", country="MAR"),
                           mention(2, "x2", loose_b, place="Porto", country="PRT")])
    assert as_sets(apart) == {frozenset({1}), frozenset({2})}
    together = link_mentions([mention(1, "x1", loose_a, place="Tangier", country="MAR"),
                              mention(2, "x2", loose_b, place="Morocco", country="MAR")])
    assert as_sets(together) == {frozenset({1, 2})}
    verbatim = "Lisbon accused Rabat of smuggling rifles near the coast."
    overruled = link_mentions([mention(1, "x1", verbatim, place="Tangier", country="MAR"),
                               mention(2, "x2", verbatim, place="Porto", country="PRT")])
    assert as_sets(overruled) == {frozenset({1, 2})}


def side(name_iso: tuple[str, str]) -> ActorRef:
    return ActorRef(actor="a1", name=name_iso[0], country=name_iso[1], sector="GOV")


def stored_copies(store, n: int, k: int) -> int:
    """Save ``k`` copies of ``n`` generated stories as model objects; returns the stories."""
    told = stories(n)
    for story in told:
        for j, record in enumerate(copies(story, k)):
            lead = record["text"].split("\n")[0]
            day = story.day + timedelta(days=j % 2)  # copies may date it a day later
            ev = event("e1", story.category, (side(story.a),), (side(story.b),),
                       date=day.isoformat())
            ev = replace(ev, evidence=Evidence(sentence=lead, start=0, end=len(lead)),
                         location=Location(name=story.a[0], country=story.a[1])
                         if j % 3 else None)
            store.save(article(record["id"], events=(ev,), text=record["text"],
                               published=record["published"]))
    return len(told)


def test_syndicated_copies_make_one_thread_per_story(store):
    n = stored_copies(store, 16, 5)  # every fourth story is a near miss of the one before
    result = update_threads(store)
    assert result.events == 16 * 5
    assert result.threads == n == 16
    per_thread = store.query("SELECT thread_id, count(DISTINCT split_part(article_id, '-', 1))"
                             " AS stories, count(*) AS n FROM event_details GROUP BY 1")
    assert {r["stories"] for r in per_thread} == {1}
    assert {r["n"] for r in per_thread} == {5}


def test_saving_threads_at_once_and_a_late_copy_joins_its_thread(store):
    first = stories(2)[0]
    early, late = copies(first, 3)[:2], copies(first, 3)[2]
    for record in early:
        store.save(article(record["id"], events=(event("e1", first.category,
                   (side(first.a),), (side(first.b),), date=first.day.isoformat()),),
                   text=record["text"]))
    # no update_threads: the save threaded them
    threads = store.query("SELECT DISTINCT thread_id FROM event_details")
    assert len(threads) == 1
    store.save(article(late["id"], events=(event("e1", first.category, (side(first.a),),
               (side(first.b),), date=first.day.isoformat()),), text=late["text"]))
    assert store.query("SELECT DISTINCT thread_id FROM event_details") == threads
    again = update_threads(store)
    assert (again.threaded, again.stale, again.threads, again.events) == (0, 0, 1, 3)


def test_an_article_saved_again_is_threaded_again(store):
    ev = event("e1", date="2021-03-01")
    store.save(article("p1", events=(ev,)))
    store.save(article("p2", events=(ev,)))
    count = "SELECT count(DISTINCT thread_id) AS n FROM event_details"
    assert store.query(count) == [{"n": 1}]
    path = store.path
    store.close()
    # a later run codes p2 anew, and now its event is another one (other evidence)
    other = replace(ev, evidence=Evidence(sentence="Kyiv thanked Vilnius for generators.",
                                          start=0, end=36))
    with Store(path) as again:
        again.save(article("p2", events=(other,), text="Kyiv thanked Vilnius."))
        assert again.query(count) == [{"n": 2}]
        # and back: the two merge again, p1's mention keeps the thread id it had
        again.save(article("p2", events=(ev,), text="Kyiv thanked Vilnius."))
        assert again.query(count) == [{"n": 1}]
        result = update_threads(again)
        assert (result.stale, result.threaded, result.threads) == (0, 0, 1)


def test_real_pipeline_threads_syndicated_copies(pipeline, store):
    """The generated copies coded by the real pipeline: one thread per story."""
    figures = measure(pipeline, store, 8, 4, lag=False)
    assert figures["articles"] == 32 and figures["mentions"] >= 32
    assert figures["merged_wrongly"] == 0
    assert figures["threads"] == figures["stories"] == 8


def test_a_daily_routine_statement_does_not_chain_into_one_thread():
    same = "Lisbon accused Rabat of smuggling rifles across the desert border."
    groups = link_mentions([mention(n, f"x{n}", same, day=date(2021, 3, 1 + n))
                            for n in range(7)])
    spans = sorted(sorted(g) for g in groups)
    assert spans == [[0, 1, 2], [3, 4, 5], [6]]  # no thread spans more than two days


def test_eventwire_code_leaves_threads_current_after_every_run(tmp_path):
    """Two runs of `eventwire code` (the second brings late copies): `eventwire threads`
    is right after each, with no `--update`."""
    import json

    from click.testing import CliRunner

    from eventwire.interfaces.cli import cli

    from .syndicate import corpus

    told, records = corpus(3, 3, lag=False)
    early = [r for r in records if not r["id"].endswith("copy2")]
    late = [r for r in records if r["id"].endswith("copy2")]
    db = tmp_path / "runs.duckdb"
    runner = CliRunner()
    for n, batch in enumerate((early, late)):
        feed = tmp_path / f"feed{n}.jsonl"
        feed.write_text("".join(json.dumps(r) + "\n" for r in batch), encoding="utf-8")
        coded = runner.invoke(cli, ["code", str(feed), "--db", str(db), "--format", "jsonl",
                                    "-o", str(tmp_path / f"out{n}.jsonl")])
        assert coded.exit_code == 0, coded.output
        shown = runner.invoke(cli, ["threads", "--db", str(db), "--format", "json"])
        assert shown.exit_code == 0, shown.output
        rows = json.loads(shown.stdout)
        with Store(db, read_only=True) as s:
            stored = s.query("SELECT count(*) AS n, count(DISTINCT article_id) AS a "
                             "FROM events")[0]
        assert sum(r["mentions"] for r in rows) == stored["n"] >= len(batch)
        # one thread per story, each told by every copy stored so far
        assert len(rows) == len(told)
        assert sorted(r["articles"] for r in rows) == [stored["a"] // len(told)] * len(told)
