"""Shared fixtures: one real spaCy model per session, the seed article, a store on tmp_path."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "examples" / "seed_000_02a743bcd8f885df.txt"
SEED_PUBLISHED = "2020-11-24"


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def pipeline(nlp):
    from eventwire import Pipeline
    return Pipeline(nlp=nlp)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_coded(pipeline, seed_text):
    return pipeline.code_text(seed_text, published=SEED_PUBLISHED,
                              url="https://www.newsweek.com/russia-allies-building-forces-border-belarus-1542657",
                              source="Newsweek")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
