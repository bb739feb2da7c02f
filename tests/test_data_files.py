"""The data files are read by YAML 1.1, where bare on/off/yes/no are booleans, not words.

A word list that silently holds ``True`` instead of "on" loses that word: "On March 28, ..."
lost its date because "On" was no longer a preposition. Every list of words must hold words.
"""
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data"


def _lists(node, where):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _lists(value, f"{where}/{key}")
    elif isinstance(node, list):
        yield where, node
        for item in node:
            yield from _lists(item, where)


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.name)
def test_word_lists_hold_no_booleans_from_bare_yes_no_on_off(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for where, items in _lists(data, path.name):
        if any(isinstance(i, str) for i in items):
            assert not any(isinstance(i, bool) for i in items), (
                f"{where}: a bare on/off/yes/no became a boolean; quote it")


def test_the_checker_catches_a_bare_on():
    data = yaml.safe_load("preps: [in, on, at]")
    assert [i for i in data["preps"] if isinstance(i, bool)] == [True]
