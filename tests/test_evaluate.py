"""Evaluation helpers: reliability bins and the confidence calibration they feed."""
from __future__ import annotations

from eventwire.evaluate import calibrate, reliability
from eventwire.extract.events import confidence


def _samples(basis, right, wrong, conf=0.6):
    return ([{"basis": basis, "confidence": conf, "correct": True}] * right
            + [{"basis": basis, "confidence": conf, "correct": False}] * wrong)


def test_calibrate_learns_precision_per_way_of_reading():
    samples = (_samples("verb|subject|target|asserted", 18, 2)
               + _samples("noun|modifier|no-target|asserted", 2, 8))
    table = calibrate(samples)
    good = confidence("verb|subject|target|asserted", table)
    poor = confidence("noun|modifier|no-target|asserted", table)
    assert good > 0.8 > 0.4 > poor


def test_calibrate_backs_off_for_unseen_ways():
    table = calibrate(_samples("verb|subject|target|asserted", 9, 1))
    # never seen with a claimed status: falls back to what is known of verb|subject
    assert confidence("verb|subject|target|claimed", table) == confidence("verb|subject|x|y", table)


def test_reliability_bins_count_and_measure():
    samples = (_samples("a|b|c|d", 3, 1, conf=0.9) + _samples("a|b|c|d", 1, 3, conf=0.4))
    rows = {r["bin"]: r for r in reliability(samples)}
    assert rows["0.85-1.00"]["events"] == 4 and rows["0.85-1.00"]["precision"] == 0.75
    assert rows["0.30-0.50"]["precision"] == 0.25


def _row(name, f1, forbidden=0, leaked=0, captions=(0, 0)):
    return {"name": name, "events": {"f1": f1, "recall": f1, "precision": f1,
                                     "forbidden_hits": forbidden},
            "quotes": {"recall": 1.0, "attributed": 1.0}, "dates": {"accuracy": 1.0},
            "actors": {"accuracy": 1.0}, "places": {"accuracy": 1.0},
            "boilerplate": {"leaked": leaked, "captions_separated": captions[0],
                            "captions": captions[1]}}


def test_gold_articles_fall_into_the_tuned_fix_and_blind_halves():
    from eventwire.evaluate import half_of
    assert half_of("000_02a743bcd8f885df") == "tuned"
    assert half_of("dev_b3_taliban-us-prisoner-swap") == "tuned"
    assert half_of("dev_d04_some-story") == "fix" and half_of("dev_g01_page") == "fix"
    assert half_of("dev_e02_x") == "blind" and half_of("dev_f06_y") == "blind"
    assert half_of("dev_z9_unknown") is None


def test_half_means_count_forbidden_and_leaks_per_article_and_pool_captions():
    from eventwire.evaluate import article_means
    m = article_means([_row("dev_e1", 0.5, forbidden=1, leaked=2, captions=(1, 2)),
                       _row("dev_e2", 1.0, leaked=1, captions=(2, 2))])
    assert m["event_f1"] == 0.75 and m["articles"] == 2
    assert m["forbidden_per_article"] == 0.5 and m["leaked_per_article"] == 1.5
    assert m["captions_separated"] == 0.75
    assert article_means([{"name": "dev_e3", "error": "no output"}]) == {}


def test_own_corpus_annotations_are_a_group_of_their_own():
    from eventwire.evaluate import OWN_PREFIX, half_of
    assert half_of(OWN_PREFIX + "012_some-corpus-story") == "own"
    assert half_of("012_some-corpus-story") is None


def test_own_gold_folder_is_scored_against_texts_kept_elsewhere(tmp_path):
    """A gold file in the project's own folder names a text that lives in shared/corpus:
    the row is named with the group prefix and scored by the shared scorer."""
    import json
    import shutil

    from eventwire import Pipeline
    from eventwire.evaluate import OWN_PREFIX, find_shared, score_articles
    shared = find_shared()
    assert shared is not None, "tests run with ../shared beside the checkout"
    root = tmp_path / "shared"
    (root / "eval").mkdir(parents=True)
    shutil.copy(shared / "eval" / "score.py", root / "eval" / "score.py")
    (root / "corpus" / "articles").mkdir(parents=True)
    text = ("Published: 2011-05-02\n\nTitle: Envoys meet\n\nKAMPALA, Uganda -- Kenya's foreign "
            "minister met his Ugandan counterpart in Kampala on Monday, officials said.\n")
    (root / "corpus" / "articles" / "900_envoys.txt").write_text(text, encoding="utf-8")
    gold_dir = tmp_path / "corpus_gold"
    gold_dir.mkdir()
    gold = {"article": {"file": "900_envoys.txt", "published": "2011-05-02"},
            "events": {"core": [{"id": "E1", "source": ["KEN"], "category": ["CONSULT"],
                                 "target": ["UGA"], "evidence": "met his Ugandan counterpart"}],
                       "acceptable": [], "forbidden": []}}
    (gold_dir / "900_envoys.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    rows = score_articles(Pipeline(), root, gold_dir=gold_dir,
                          text_dir=root / "corpus" / "articles", prefix=OWN_PREFIX)
    assert [r["name"] for r in rows] == [OWN_PREFIX + "900_envoys"]
    assert rows[0]["events"]["recall"] == 1.0, rows[0]["events"]
