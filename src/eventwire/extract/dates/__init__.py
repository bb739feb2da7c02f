"""Dates: temporal expressions normalised against the publication date.

News text dates events relative to the day it was printed ("on Friday", "last month"), so a
date is only meaningful once resolved against ``published``. Candidates come from our own
regular expressions (compiled once, at import) and from spaCy DATE entities; ``dateparser``
is a last resort for the odd entity our rules do not know. Durations ("for three years",
"a four-day visit") are not points in time and never become dates.

Public surface: ``extract_dates(doc, published) -> list[DateRef]`` and
``event_date(dates, start, end, anchor, published) -> EventDate | None``.
"""
from __future__ import annotations

from .anchoring import event_date
from .finder import extract_dates
from .patterns import DATA_FILE, RULES

__all__ = ["extract_dates", "event_date", "RULES", "DATA_FILE"]
