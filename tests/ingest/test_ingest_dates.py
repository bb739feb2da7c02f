"""Publication dates normalised to ISO YYYY-MM-DD."""
from __future__ import annotations

import pytest

from eventwire.ingest import normalise_date


@pytest.mark.parametrize("raw,iso", [
    ("2020-11-24", "2020-11-24"),
    ("2020-11-24T10:15:00Z", "2020-11-24"),
    ("Nov 24, 2020", "2020-11-24"),
    ("November 24 2020", "2020-11-24"),
    ("24 November 2020", "2020-11-24"),
    ("Tuesday, 24th of November, 2020", "2020-11-24"),
    ("Tue, 24 Nov 2020 10:15:00 GMT", "2020-11-24"),
    ("Tue, 24 Nov 2020 23:15:00 -0500", "2020-11-24"),
    ("24/11/2020", "2020-11-24"),
    ("20201124", "2020-11-24"),
    ("Sept. 3, 2019", "2019-09-03"),
])
def test_dates_normalise(raw, iso):
    assert normalise_date(raw) == iso


@pytest.mark.parametrize("raw", ["", "yesterday", "2020-13-45", "03/04/2020", "soon", None])
def test_dates_refuse_unclear(raw):
    assert normalise_date(raw) is None
