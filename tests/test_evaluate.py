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
