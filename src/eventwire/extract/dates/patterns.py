"""The date patterns: word lists from ``data/dates.yaml`` compiled once into ordered rules.

Every rule is a regular expression with named groups; which resolver reads a match is decided
by the rule's name, so patterns and calendar arithmetic can change apart.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any, Iterable
import yaml

from ...errors import KnowledgeError


logger = logging.getLogger(__name__)


DATA_FILE = "dates.yaml"


_REQUIRED_KEYS = ("months", "month_abbreviations", "weekdays", "numbers", "period_parts",
                  "times_of_day", "month_cues", "weak_month_cues", "year_cues",
                  "leading_prepositions", "future_auxiliaries", "future_lemmas",
                  "future_modals", "future_phrases", "named_day_prefixes")


def _load_words() -> dict[str, Any]:
    """Read and validate ``data/dates.yaml``; a bad file names itself and the key."""
    path = resources.files("eventwire") / "data" / DATA_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(str(path), None, f"cannot read date words: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeError(str(path), None, "expected a mapping at the top level")
    for key in _REQUIRED_KEYS:
        if key not in data:
            raise KnowledgeError(str(path), None, f"missing key {key!r}")
    for key in ("months", "month_abbreviations"):
        for name, num in data[key].items():
            if not isinstance(num, int) or not 1 <= num <= 12:
                raise KnowledgeError(str(path), None, f"{key}.{name}: month must be 1..12")
    for name, num in data["weekdays"].items():
        if not isinstance(num, int) or not 0 <= num <= 6:
            raise KnowledgeError(str(path), None, f"weekdays.{name}: must be 0 (Mon)..6 (Sun)")
    return data


_W = _load_words()


MONTHS: dict[str, int] = {k.lower(): v for k, v in _W["months"].items()}


MONTHS.update({k.lower(): v for k, v in _W["month_abbreviations"].items()})


WEEKDAYS: dict[str, int] = {k.lower(): v for k, v in _W["weekdays"].items()}


NUMBERS: dict[str, int] = {str(k).lower(): v for k, v in _W["numbers"].items()}


NAMED_DAY_PREFIXES = frozenset(_W["named_day_prefixes"])


WEAK_MONTH_CUES = frozenset(c.lower() for c in _W["weak_month_cues"])


LEADING_PREPS = frozenset(_W["leading_prepositions"])


FUTURE_AUX = frozenset(_W["future_auxiliaries"])


FUTURE_LEMMAS = frozenset(_W["future_lemmas"])


FUTURE_MODALS = frozenset(_W["future_modals"])


def _alt(words: Iterable[str], ci: bool = False) -> str:
    """A regex alternation, longest first so "Sept" wins over "Sep"."""
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))
    return f"(?i:{body})" if ci else f"(?:{body})"


_MONTH_FULL = _alt(_W["months"])


_MONTH_ABBR = _alt(_W["month_abbreviations"]) + r"\.?"


_MONTH = f"(?:{_MONTH_FULL}|{_MONTH_ABBR})"


_WEEKDAY = _alt(_W["weekdays"])


_DAYN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.,:]\d)"


_YEAR = (r"(?<![\d$£€.,/])(?:1[6-9]\d\d|20\d\d)(?![\d%/]|s\b|,\d|\.\d|-year|"
         r"\s*(?:GMT|UTC|hrs|hours|local\s+time)\b)")


_PART = _alt(_W["period_parts"], ci=True)


_NUM = r"(?:\d{1,3}|" + _alt(NUMBERS, ci=True) + ")"


_TOD = _alt(_W["times_of_day"], ci=True)


_DASH = r"\s*(?:-|–|—|(?i:to|through|until|till|and))\s*"


#: Ordered rules: (name, compiled pattern). On overlap the longest match wins, then the
#: earlier rule. Each name has a resolver in ``_RESOLVERS``.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(rx)) for name, rx in (
    ("iso", r"(?<![\d/-])(?P<y>(?:19|20)\d\d)-(?P<m>0?[1-9]|1[0-2])-(?P<d>[0-3]?\d)(?![\d-])"),
    ("slash", r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])"),
    ("md_range", rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAYN}){_DASH}(?P<d2>{_DAYN})"
                 rf"(?:,?\s+(?P<y>{_YEAR}))?"),
    ("dm_range", rf"\b(?P<d1>{_DAYN}){_DASH}(?P<d2>{_DAYN})\s+(?P<m>{_MONTH})\b"
                 rf"(?:,?\s+(?P<y>{_YEAR}))?"),
    ("mdy", rf"(?:\b(?P<wd>{_WEEKDAY}),?\s+)?\b(?P<m>{_MONTH})\s+(?P<d>{_DAYN})(?!\s*[-–]\s*\d)"
            rf"(?:,?\s+(?P<y>{_YEAR}))?"),
    ("dmy", rf"(?:\b(?P<wd>{_WEEKDAY}),?\s+)?(?:\bthe\s+)?\b(?P<d>{_DAYN})\s+(?:of\s+)?"
            rf"(?P<m>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?"),
    ("m_rel_year", rf"\b(?P<m>{_MONTH_FULL})\s+(?:of\s+)?(?P<mod>(?i:last|this|next))\s+"
                   r"(?P<unit>(?i:year))\b"),
    ("my", rf"\b(?P<m>{_MONTH_FULL}|{_MONTH_ABBR})\s+(?:of\s+)?(?P<y>{_YEAR})"),
    ("part_month", rf"\b(?P<p>{_PART})[-\s]+(?P<m>{_MONTH_FULL})\b(?:,?\s+(?P<y>{_YEAR}))?"),
    ("part_year", rf"\b(?P<p>{_PART})[-\s]+(?P<y>{_YEAR})"),
    ("part_rel", rf"\b(?P<p>{_PART})\s+(?P<mod>(?i:this|last|next|the))\s+"
                 r"(?P<unit>(?i:week|month|year))\b"),
    ("rel_period", r"(?<!\bthe )(?<!\bThe )\b(?P<mod>(?i:earlier\s+this|later\s+this|this\s+past|"
                   r"this\s+coming|this|last|next|coming))\s+(?P<unit>(?i:week|month|year|weekend))"
                   r"\b(?!-)"),
    ("the_weekend", r"\b(?i:over|during|at|on)\s+(?P<w>the\s+weekend)\b"),
    ("anaphor", rf"\b(?i:that|the\s+same)\s+(?P<tod>{_TOD}|(?i:day))\b"),
    ("in_future", rf"\b(?i:in)\s+(?P<n>{_NUM})\s+(?P<unit>(?i:day|week|month))s?\b"
                  r"(?!\s+(?:of|since|after|before|to)\b)"),
    ("ago", rf"\b(?P<n>{_NUM})\s+(?P<unit>(?i:day|week|month|year|decade))s?\s+"
            r"(?P<dir>(?i:ago|earlier))\b"),
    ("deictic", rf"\b(?P<w>(?i:today|yesterday|tomorrow|tonight))\b(?:\s+(?P<tod>{_TOD}))?"),
    ("tod", rf"\b(?P<mod>(?i:this|last))\s+(?P<tod>{_TOD})\b"),
    ("weekday", rf"(?:\b(?P<mod>(?i:last|next|this\s+past|this\s+coming|this|coming|past))\s+)?"
                rf"(?:\b(?P<p>(?i:early|late))\s+(?:(?i:on)\s+)?)?\b(?P<wd>{_WEEKDAY})\b"
                rf"(?:\s+(?P<tod>{_TOD})\b)?"),
    ("month_only", rf"\b(?P<cue>{_alt(_W['month_cues'], ci=True)})[\s-]+"
                   rf"(?P<m>{_MONTH_FULL})\b(?![\s-]*[0-3]?\d(?![\d,.]))"),
    ("year_range", rf"\b(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>\d\d(?:\d\d)?)(?![\d%/])"),
    ("year_only", rf"\b(?P<cue>{_alt(_W['year_cues'], ci=True)})\s+(?P<y>{_YEAR})(?!['’]s)"),
))


#: Text between two dates that joins them into one range, and what must precede the first.
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*", re.I)


_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)


_FUTURE_PHRASE = re.compile("|".join(_W["future_phrases"]), re.I)


#: A spaCy DATE entity that is a length of time, an age or a frequency, not a point.
_DURATION = re.compile(
    r"^(?:for|over|every|each|per|within|about|some|nearly|almost|more than|less than|at least|"
    r"up to|the past|the last|the next|the previous)\b|\d+-(?:year|day|week|month|hour)|"
    r"\d0s\b|\b(?:annual|annually|yearly|daily|weekly|monthly|century|centuries|decades?|old|long|"
    r"hours?|minutes?|seconds?)\b|^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"several|few|many|\d+)\s+(?:days?|weeks?|months?|years?)$", re.I)


#: How far before a date (chars) a future phrase still counts when the parse is silent.
_FUTURE_WINDOW = 120


_ANCHORED = re.compile(rf"{_MONTH}|{_WEEKDAY}|(?:1[6-9]|20)\d\d|\d/\d")


#: "(1900 GMT)": a four-digit clock time, not a year.
_CLOCK = re.compile(r"\s*(?:GMT|UTC|hrs|hours|h\b|local\s+time)")


#: A written year: without a publication day only such strings go to dateparser.
_ABSOLUTE = re.compile(r"(?:1[6-9]|20)\d\d")


_URL = re.compile(r"\S*(?:://|www\.)\S*")


#: A month name alone, as spaCy tags it in "the October polls".
_BARE_MONTH = re.compile(rf"(?P<cue>)(?P<m>{_MONTH_FULL})")


_BARE_YEAR = re.compile(rf"^(?:the\s+year\s+)?({_YEAR})$")


@dataclass(frozen=True, slots=True)
class _Hit:
    """A matched expression before range merging; ``year_given`` says the year was written."""

    start: int
    end: int
    value: str
    precision: str
    year_given: bool = True
    rank: int = 0

