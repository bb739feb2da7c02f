"""The small-town index is built once, cached on disk, and read back exactly.

Towns here are made up (no GeoNames row is copied): the cache must hand back the same rows
under the same keys, skip names the main index knows, survive a damaged or unwritable cache,
and never serve an index built from other inputs.
"""
from __future__ import annotations

import pytest

from eventwire.extract.places import Gazetteer
from eventwire.extract.places import towns as T

CITIES = [
    {"name": "Brindlemoor", "alt": ["Brindle Moor", "Brindlemoore"], "cc": "AAA", "lat": 1.5},
    {"name": "Quellhaven", "alt": ["Kwelhaven"], "cc": "BBB", "lat": -3.25},
    {"name": "Brindlemoor", "alt": [], "cc": "CCC", "lat": 9.0},  # a namesake elsewhere
    {"name": "Ostwick", "alt": ["Westwick"], "cc": "AAA", "lat": 4.0},
    {"name": "Nowhere", "alt": [], "cc": None, "lat": 0.0},  # no country: left out
]


def _row(city):
    if city["cc"] is None:
        return None
    return (city["name"], city["cc"], city["lat"], 2.0, hash(city["name"]) % 1000,
            "07" if city["cc"] == "AAA" else None, 1.25)


def _build(known=frozenset({"westwick"})):
    return T.build_rows(CITIES, _row, lambda c: [c["name"], *c["alt"]], str.lower, set(known))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_namesakes_share_a_key_and_known_names_are_skipped():
    towns = _build()
    assert [r[1] for r in towns.get("brindlemoor")] == ["AAA", "CCC"]
    assert towns.get("kwelhaven")[0][0] == "Quellhaven"
    assert towns.get("westwick") == []  # the main index already knows that name
    assert towns.get("nowhere") == [] and towns.get("atlantis") == []


def test_the_cache_is_written_once_and_read_back_exactly(cache):
    calls = []

    def build():
        calls.append(1)
        return _build()

    first = T.load_or_build("fp1", build)
    second = T.load_or_build("fp1", build)
    assert calls == [1] and (cache / "towns-fp1.marshal").is_file()
    for key in ("brindlemoor", "brindle moor", "quellhaven", "ostwick", "kwelhaven"):
        assert second.get(key) == first.get(key) != []
    assert second.get("ostwick")[0][5] == "07" and second.get("quellhaven")[0][5] is None


def test_other_inputs_get_their_own_cache_and_the_old_file_goes(cache):
    T.load_or_build("fp1", _build)
    other = T.load_or_build("fp2", lambda: _build(known=frozenset()))
    assert other.get("westwick")  # built from the other inputs, not read from fp1's file
    assert sorted(p.name for p in cache.iterdir()) == ["towns-fp2.marshal"]


def test_a_damaged_cache_is_rebuilt_and_an_unwritable_one_only_costs_time(cache, tmp_path,
                                                                          monkeypatch):
    cache.mkdir()
    (cache / "towns-fp3.marshal").write_bytes(b"\x00not marshal at all")
    assert T.load_or_build("fp3", _build).get("ostwick")
    assert T.load_or_build("fp3", lambda: pytest.fail("rebuilt")).get("ostwick")
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("EVENTWIRE_CACHE", str(blocked / "sub"))  # cannot be a directory
    assert T.load_or_build("fp4", _build).get("kwelhaven")


def test_the_real_gazetteer_finds_a_small_town_through_the_cache(cache):
    gaz = Gazetteer.load()
    gaz._towns = None  # as a new process would start
    found = gaz.towns("Qaraqosh")
    assert found and found[0].country == "IRQ" and found[0].kind == "city"
    assert any(p.name.startswith("towns-") for p in cache.iterdir())
    gaz._towns = None
    assert gaz.towns("Qaraqosh") == found  # read back from the file
    assert gaz.towns("Baghdad") == []  # the main index's names are never towns
