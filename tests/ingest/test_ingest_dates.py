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


@pytest.mark.parametrize("raw,iso", [
    (20210615, "2021-06-15"),        # a JSON number written as a compact date, not Unix seconds
    (19991231, "1999-12-31"),
    (1623715200, "2021-06-15"),      # Unix seconds
    (1623715200000, "2021-06-15"),   # Unix milliseconds
])
def test_numbers_from_json_are_compact_dates_or_unix_time(raw, iso):
    assert normalise_date(raw) == iso


@pytest.mark.parametrize("raw", [20211399, 2021.5, -5, 7, 10**17, True])
def test_numbers_that_are_no_plausible_date_are_refused(raw):
    assert normalise_date(raw) is None
