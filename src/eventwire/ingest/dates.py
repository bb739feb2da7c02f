"""Publication dates in whatever form a file gives them -> ISO ``YYYY-MM-DD``.

Why strict: relative dates in the text ("on Tuesday") resolve against this date, so a wrong
guess is worse than none. Only absolute dates are accepted; day/month order is taken as
written for ISO, RFC 2822 and month names, and numeric ``dd/mm/yyyy`` only when unambiguous.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from email.utils import parsedate_to_datetime

log = logging.getLogger(__name__)

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"^\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T\s].*)?$")
_COMPACT = re.compile(r"^\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?\d{2,6}Z?)?\s*$")
_MONTH_FIRST = re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b",
                          re.IGNORECASE)
_DAY_FIRST = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
                        + r",?\s+(?P<y>\d{4})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"^\s*(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>\d{4})\b")


def _make(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


#: Unix seconds later than this (about 2103) are taken for milliseconds; numbers outside
#: [_MIN_SECONDS, _MAX_SECONDS] after that are no dates at all: a news item stamped before
#: 1973 by a number is far likelier a misread field than a real date.
_MIN_SECONDS, _MAX_SECONDS = 1e8, 4.2e9


def _from_number(value: float) -> str | None:
    """A number from JSON: ``20210615`` is a compact date (the way people write them), not
    23 August 1970 in Unix seconds; other numbers are Unix seconds, or milliseconds when too big
    for seconds; anything else is None, so the caller warns instead of storing a wrong date."""
    if float(value).is_integer() and 18_000_101 <= value <= 22_001_231:
        m = _COMPACT.match(str(int(value)))
        return _make(int(m["y"]), int(m["m"]), int(m["d"])) if m else None
    seconds = float(value)
    if seconds > _MAX_SECONDS:
        seconds /= 1000.0
    if not _MIN_SECONDS <= seconds <= _MAX_SECONDS:
        return None
    return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date().isoformat()


def normalise_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` for a date string (ISO, RFC 2822, 'Nov 24, 2020', ...), else None."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_number(value)
    s = str(value).strip()
    if not s:
        return None
    for pattern in (_ISO, _COMPACT):
        m = pattern.match(s)
        if m:
            return _make(int(m["y"]), int(m["m"]), int(m["d"]))
    try:
        parsed = parsedate_to_datetime(s)
        if parsed is not None:
            return parsed.date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        m = pattern.search(s)
        if m:
            return _make(int(m["y"]), _MONTHS[m["mon"].lower()], int(m["d"]))
    m = _NUMERIC.match(s)
    if m:
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            return _make(int(m["y"]), b, a)
        if b > 12 >= a:
            return _make(int(m["y"]), a, b)
        return None  # 03/04/2020: day and month cannot be told apart
    return None


__all__ = ["normalise_date"]
