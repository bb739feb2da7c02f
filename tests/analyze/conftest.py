"""A real DuckDB store on tmp_path for every store test."""
from __future__ import annotations

import pytest

from eventwire.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "eventwire.duckdb") as s:
        yield s
