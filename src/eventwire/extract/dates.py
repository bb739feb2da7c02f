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

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable

import yaml

from ..errors import KnowledgeError
from ..model import DateRef, EventDate
from ..nlp import doc_text

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


# ---------------------------------------------------------------- calendar helpers

def _parse_published(published: str | None) -> date | None:
    """The anchor for relative dates, or None when absent or malformed."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        logger.debug("published %r is not ISO YYYY-MM-DD; relative dates skipped", published)
        return None


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def _day_ok(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _pick_year(month: int, day: int | None, pub: date, tense: str | None) -> int | None:
    """The year of a month (and day) written without one.

    Past by default; the coming occurrence in a future context; also the coming one when
    the tense is unknown and it is less than a month away (deadlines, scheduled votes).
    """
    def as_date(y: int) -> date | None:
        if day is None:
            return date(y, month, 1)
        return date(y, month, day) if _day_ok(y, month, day) else None

    this = as_date(pub.year)
    if this is None:  # 29 February outside a leap year
        return None
    cur = date(pub.year, pub.month, 1) if day is None else pub
    if tense == "future":
        if day is None:  # "will ... in October" printed in November: a quoted plan, not
            cur = date(*_add_months(pub.year, pub.month, -1), 1)  # next year's October
        return pub.year if this >= cur else pub.year + 1
    if this <= cur:
        return pub.year
    if tense is None and (this - pub).days <= 31:
        return pub.year
    return pub.year - 1 if as_date(pub.year - 1) else None


def _week_range(monday: date, first: int = 0, last: int = 6) -> str:
    return f"{(monday + timedelta(first)).isoformat()}/{(monday + timedelta(last)).isoformat()}"


# ---------------------------------------------------------------- tense from the parse

def _span_tokens(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


def _tense(doc: Any, start: int, end: int) -> str | None:
    """'future', 'past' or None for the clause that governs the date at [start, end)."""
    span = _span_tokens(doc, start, end)
    if span is None or len(span) == 0:
        return None
    tok = span.root.head if span.root.head.i != span.root.i else span.root
    for _ in range(8):
        verdict = _verb_tense(tok)
        if verdict in ("future", "past"):
            return verdict
        if verdict == "present" or tok.head.i == tok.i:
            break
        tok = tok.head
    # The parse gave no verdict: a future phrase shortly before the date, in its sentence.
    lo = max(span.sent.start_char, start - _FUTURE_WINDOW)
    cues = list(_FUTURE_PHRASE.finditer(doc_text(doc), lo, start))
    if cues:
        between = doc.char_span(cues[-1].end(), start, alignment_mode="contract")
        if between is None or not any(t.tag_ == "VBD" or t.text == ";" for t in between):
            return "future"
    return None


def _verb_tense(tok: Any) -> str | None:
    """Read one governing word: auxiliaries, future lemmas, then its own tense tag."""
    if tok.lemma_.lower() in FUTURE_LEMMAS and tok.pos_ in ("VERB", "ADJ", "AUX"):
        if tok.lemma_.lower() != "set" or any(c.dep_ == "xcomp" or c.lower_ == "for"
                                              for c in tok.children):
            return "future"
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        low = a.lower_
        if low in FUTURE_AUX or low in FUTURE_MODALS:
            return "future"
        if low == "going":
            return "future"
    if tok.tag_ == "VBD":
        return "past"
    if tok.tag_ == "VBN" and any(a.lemma_ in ("have", "be") for a in auxes):
        return "past"
    if tok.tag_ == "VBG" and any(a.lower_ in ("is", "are", "'s", "'re", "am") for a in auxes):
        return "future"  # "leaders are meeting Friday"
    if tok.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        return None  # infinitive: its governor decides ("plans to visit", "agreed to meet")
    if tok.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


# ---------------------------------------------------------------- resolvers

Resolver = Callable[[re.Match[str], Any, date | None], "tuple[str, str, bool] | None"]


def _ymd(y: int, m: int, d: int) -> str | None:
    return date(y, m, d).isoformat() if _day_ok(y, m, d) else None


def _r_iso(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    v = _ymd(int(m["y"]), int(m["m"]), int(m["d"]))
    return (v, "day", True) if v else None


def _r_slash(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    """US month/day first, day/month when only that parses; if both do, the one nearer
    to (and not after) publication."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    options = [v for v in (_ymd(y, a, b), _ymd(y, b, a)) if v]
    if not options:
        return None
    if len(options) == 2 and options[0] != options[1] and pub is not None:
        def cost(v: str) -> tuple[int, int]:
            d = date.fromisoformat(v)
            return (1 if d > pub else 0, abs((pub - d).days))
        options.sort(key=cost)
    return options[0], "day", True


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _month_num(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def _resolve_md(month: int, day: int, year: str | None, m: re.Match[str], doc: Any,
                pub: date | None) -> tuple[date, bool] | None:
    if year:
        y = int(year)
        return (date(y, month, day), True) if _day_ok(y, month, day) else None
    if pub is None:
        return None
    until = re.search(r"\b(?:until|till|through)\s+$", doc_text(doc)[max(0, m.start() - 9):m.start()])
    # "adjourned until May 6": an interval's end says nothing of the verb's tense
    tense = None if until else _tense(doc, m.start(), m.end())
    y2 = _pick_year(month, day, pub, tense)
    if y2 is None:
        return None
    return date(y2, month, day), False


def _r_mdy(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    if _in_name(doc, m):
        return None
    got = _resolve_md(_month_num(m["m"]), _day_num(m["d"]), m["y"], m, doc, pub)
    return (got[0].isoformat(), "day", got[1]) if got else None


def _r_range(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    if _in_name(doc, m):
        return None
    d1, d2 = _day_num(m["d1"]), _day_num(m["d2"])
    if d2 <= d1:
        return None
    got = _resolve_md(_month_num(m["m"]), d1, m["y"], m, doc, pub)
    if not got or not _day_ok(got[0].year, got[0].month, d2):
        return None
    end = got[0].replace(day=d2)
    return f"{got[0].isoformat()}/{end.isoformat()}", "range", got[1]


def _month_year(month: int, year: str | None, m: re.Match[str], doc: Any, pub: date | None,
                tense: str | None = None) -> tuple[str, str, bool] | None:
    if year:
        return _month_value(int(year), month), "month", True
    if pub is None:
        return None
    tense = tense or _tense(doc, m.start(), m.end())
    y = _pick_year(month, None, pub, None if tense == "unknown" else tense)
    return (_month_value(y, month), "month", False) if y else None


def _r_my(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    return _month_year(_month_num(m["m"]), m["y"], m, doc, pub)


def _r_part_month(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    return _month_year(_month_num(m["m"]), m["y"], m, doc, pub)


def _r_m_rel_year(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    """'April last year', 'June this year': the month of a year named relatively."""
    if pub is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[m["mod"].lower()]
    return _month_value(pub.year + step, _month_num(m["m"])), "month", False


def _r_part_year(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    return m["y"], "year", True


def _r_part_rel(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    """'the end of the year', 'late last month': the period the part belongs to."""
    if pub is None:
        return None
    mod, unit = m["mod"].lower(), m["unit"].lower()
    step = {"this": 0, "the": 0, "last": -1, "next": 1}[mod]
    if unit == "year":
        return str(pub.year + step), "year", False
    if unit == "month":
        return _month_value(*_add_months(pub.year, pub.month, step)), "month", False
    monday = pub - timedelta(pub.weekday()) + timedelta(7 * step)
    return _week_range(monday), "range", False


def _r_rel_period(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    if pub is None:
        return None
    mod = " ".join(m["mod"].lower().split())
    unit = m["unit"].lower()
    step = {"last": -1, "next": 1, "coming": 1, "this coming": 1, "this past": -1}.get(mod, 0)
    if unit == "year":
        return str(pub.year + step), "year", False
    if unit == "month":
        return _month_value(*_add_months(pub.year, pub.month, step)), "month", False
    monday = pub - timedelta(pub.weekday())
    if unit == "weekend":
        sat = monday + timedelta(5)
        if step < 0 or (step == 0 and mod == "this" and _tense(doc, m.start(), m.end()) == "past"):
            sat = sat - timedelta(7) if sat >= pub else sat
        elif step > 0 and sat < pub:
            sat += timedelta(7)
        return f"{sat.isoformat()}/{(sat + timedelta(1)).isoformat()}", "range", False
    if mod == "earlier this":
        return _week_range(monday, 0, pub.weekday()), "range", False
    if mod == "later this":
        return _week_range(monday, pub.weekday(), 6), "range", False
    return _week_range(monday + timedelta(7 * step)), "range", False


def _r_the_weekend(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    """'over the weekend': the last one, or the coming one in a future context."""
    if pub is None:
        return None
    sat = pub - timedelta(pub.weekday()) + timedelta(5)
    future = _tense(doc, m.start(), m.end()) == "future"
    if future and sat < pub - timedelta(1):
        sat += timedelta(7)
    elif not future and sat > pub:
        sat -= timedelta(7)
    return f"{sat.isoformat()}/{(sat + timedelta(1)).isoformat()}", "range", False


def _r_anaphor(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    """'that evening': the day named just before; filled in by ``_fill_anaphors``."""
    return "", "anaphor", False


def _r_in_future(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    """'will decide in two weeks': only a date when the clause is about the future."""
    if pub is None or _tense(doc, m.start(), m.end()) != "future":
        return None
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else NUMBERS.get(raw)
    if not n:
        return None
    unit = m["unit"].lower()
    if unit == "month":
        return _month_value(*_add_months(pub.year, pub.month, n)), "month", False
    return (pub + timedelta(n * (7 if unit == "week" else 1))).isoformat(), "day", False


def _r_ago(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    if pub is None:
        return None
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else NUMBERS.get(raw)
    unit = m["unit"].lower()
    if not n:
        return None
    if unit == "day":
        return (pub - timedelta(n)).isoformat(), "day", False
    if unit == "week":
        return (pub - timedelta(7 * n)).isoformat(), "day", False
    if unit == "month":
        return _month_value(*_add_months(pub.year, pub.month, -n)), "month", False
    if unit == "year":
        return str(pub.year - n), "year", False
    return None  # decades: too vague to be a point


def _r_deictic(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    if pub is None:
        return None
    w = m["w"].lower()
    if m["w"][0].isupper() and m.start() > 0 and _is_name_part(doc, m.start()):
        return None  # "USA Today"
    delta = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    return (pub + timedelta(delta)).isoformat(), "day", False


def _r_tod(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    """'this morning' is the day of publication; 'last night' the evening before."""
    if pub is None:
        return None
    back = 1 if m["mod"].lower() == "last" else 0
    return (pub - timedelta(back)).isoformat(), "day", False


def _r_weekday(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    if pub is None:
        return None
    if _is_named_day(doc, m):
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    mod = " ".join((m["mod"] or "").lower().split())
    if mod in ("next", "coming", "this coming"):
        ahead = (wd - pub.weekday()) % 7 or 7
        return (pub + timedelta(ahead)).isoformat(), "day", False
    if mod in ("last", "past", "this past"):
        back = (pub.weekday() - wd) % 7 or 7
        return (pub - timedelta(back)).isoformat(), "day", False
    prev = doc_text(doc)[max(0, m.start() - 5):m.start()].lower()
    # "a runoff for Sunday", "scheduled for Friday": a day something is set for
    tense = "future" if prev.endswith("for ") else _tense(doc, m.start(), m.end())
    if tense == "future" or (mod == "this" and tense != "past"):
        ahead = (wd - pub.weekday()) % 7
        return (pub + timedelta(ahead)).isoformat(), "day", False
    back = (pub.weekday() - wd) % 7
    return (pub - timedelta(back)).isoformat(), "day", False


def _r_month_only(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    cue = m["cue"].lower()
    month = _month_num(m["m"])
    if month == 5 and (cue in WEAK_MONTH_CUES or not cue):
        return None  # "spoke to May", "Johnson and May"
    if pub is None:
        return None
    if cue == "last":  # the most recent one strictly before this month
        y = pub.year if month < pub.month else pub.year - 1
        return _month_value(y, month), "month", False
    if cue == "next":
        y = pub.year if month > pub.month else pub.year + 1
        return _month_value(y, month), "month", False
    tense = {"since": "past", "until": "unknown", "till": "unknown"}.get(cue)
    return _month_year(month, None, m, doc, pub, tense)


def _r_year_range(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    y1, raw = int(m["y1"]), m["y2"]
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if not y1 < y2 <= y1 + 30:
        return None
    return f"{y1}/{y2}", "range", True


def _r_year_only(m: re.Match[str], doc: Any, pub: date | None) -> tuple[str, str, bool] | None:
    if _is_count(doc, m.start("y"), m.end("y")):
        return None
    return m["y"], "year", True


_RESOLVERS: dict[str, Resolver] = {
    "iso": _r_iso, "slash": _r_slash, "md_range": _r_range, "dm_range": _r_range,
    "mdy": _r_mdy, "dmy": _r_mdy, "my": _r_my, "m_rel_year": _r_m_rel_year, "part_month": _r_part_month,
    "part_year": _r_part_year, "part_rel": _r_part_rel, "rel_period": _r_rel_period,
    "ago": _r_ago, "anaphor": _r_anaphor, "in_future": _r_in_future, "the_weekend": _r_the_weekend, "deictic": _r_deictic, "tod": _r_tod, "weekday": _r_weekday,
    "month_only": _r_month_only, "year_range": _r_year_range, "year_only": _r_year_only,
}
#: Where the written expression starts: after a cue preposition for these rules.
_TEXT_GROUP = {"month_only": "m", "year_only": "y", "the_weekend": "w"}
#: Cue words kept in the text ("last November", "early June").
#: Month names that are also words or surnames (the march, Theresa May).
_AMBIGUOUS_MONTHS = frozenset({3, 5})
#: "every Friday" is a habit, not a date.
_FREQUENCY = frozenset({"every", "each"})
_KEPT_CUES = frozenset({"last", "next", "this", "early", "mid", "late"})


# ---------------------------------------------------------------- parse-based filters

def _is_name_part(doc: Any, start: int) -> bool:
    """A capitalised word mid-sentence right after a proper noun: part of a name."""
    span = _span_tokens(doc, start, start + 1)
    if span is None or len(span) == 0:
        return False
    tok = span[0]
    return (not tok.is_sent_start and tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN"
            and doc[tok.i - 1].text[:1].isupper())


def _in_name(doc: Any, m: re.Match[str]) -> bool:
    """'Long March 5', 'Theresa May 12': an ambiguous month name inside a proper name."""
    if m.start("m") != m.start() or _month_num(m["m"]) not in _AMBIGUOUS_MONTHS:
        return False
    span = _span_tokens(doc, m.start(), m.start() + 1)
    if span is None or len(span) == 0 or span[0].is_sent_start or span[0].i == 0:
        return False
    prev = doc[span[0].i - 1]
    return (prev.text[:1].isupper() and prev.is_alpha and prev.lower_ not in WEEKDAYS
            and prev.lower_ not in LEADING_PREPS)


def _is_named_day(doc: Any, m: re.Match[str]) -> bool:
    """'Black Friday', 'Super Tuesday': a day's name, not a date."""
    if m["mod"] or m["p"]:
        return False
    prev = doc_text(doc)[max(0, m.start() - 20):m.start()].split()[-1:] or [""]
    return prev[0] in NAMED_DAY_PREFIXES or prev[0].lower() in _FREQUENCY


def _is_count(doc: Any, start: int, end: int) -> bool:
    """'2000 troops': a number modifying a plural noun is a count, not a year."""
    span = _span_tokens(doc, start, end)
    if span is None or len(span) == 0:
        return False
    tok = span.root
    return tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS")


# ---------------------------------------------------------------- extraction

def _rule_hits(doc: Any, pub: date | None) -> tuple[list[_Hit], list[_Hit]]:
    """Every rule match, overlaps resolved longest-first; nothing inside a URL.

    Also returns what the rules recognised but refused (a name, a relative date with no
    publication day), so no fallback guesses there.
    """
    text = doc_text(doc)
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = [u.span() for u in _URL.finditer(text)]
    for rank, (name, rx) in enumerate(RULES):
        for m in rx.finditer(text):
            group = _TEXT_GROUP.get(name)
            start = m.start()
            if group:
                cue = (m["cue"] or "").lower() if "cue" in rx.groupindex else ""
                start = m.start() if cue in _KEPT_CUES else m.start(group)
            found.append((start, m.end(), rank, name, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    hits: list[_Hit] = []
    refused: list[_Hit] = []
    for start, end, rank, name, m in found:
        if any(start < e and s < end for s, e in taken):
            continue
        try:
            got = _RESOLVERS[name](m, doc, pub)
        except (ValueError, KeyError, OverflowError) as exc:
            logger.debug("date %r (%s) not resolved: %s", m.group(), name, exc)
            got = None
        if got is None:
            logger.debug("date %r (%s) skipped", text[start:end], name)
            refused.append(_Hit(start, end, "", ""))
            continue
        taken.append((start, end))
        hits.append(_Hit(start, end, got[0], got[1], got[2], rank))
    return hits, refused


def _strip_leading(text: str, start: int) -> tuple[str, int]:
    """Drop prepositions and articles a spaCy entity sometimes includes."""
    while True:
        head, _, rest = text.partition(" ")
        if rest and head.lower() in LEADING_PREPS:
            start += len(head) + 1
            text = rest
            continue
        return text, start


def _entity_hits(doc: Any, pub: date | None, taken: list[_Hit]) -> list[_Hit]:
    """spaCy DATE entities no rule covered: bare years, then dateparser for odd strings."""
    out: list[_Hit] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(ent.start_char < h.end and h.start < ent.end_char for h in taken):
            continue
        text, start = _strip_leading(ent.text, ent.start_char)
        end = start + len(text)
        if _DURATION.search(text) or not _ANCHORED.search(text):
            logger.debug("date entity %r skipped: a duration or not anchored", text)
            continue
        month = _BARE_MONTH.match(doc_text(doc), start, end)
        if month and month.end() == end:
            got3 = _r_month_only(month, doc, pub)
            if got3:
                out.append(_Hit(start, end, got3[0], got3[1], False, len(RULES)))
            continue
        bare = _BARE_YEAR.match(text)
        if bare:
            if not _is_count(doc, start, end) and not _CLOCK.match(doc_text(doc), end):
                out.append(_Hit(start, end, bare.group(1), "year", True, len(RULES)))
            continue
        got = _dateparser_fallback(text, pub) if pub is not None or _ABSOLUTE.search(text) else None
        if got:
            out.append(_Hit(start, end, got[0], got[1], True, len(RULES) + 1))
        else:
            logger.debug("date entity %r not understood", text)
    return out


@lru_cache(maxsize=8)
def _date_data_parser(pub: date | None) -> Any:
    """Building a dateparser parser costs ~80 ms; keep a few, keyed by publication day."""
    from datetime import datetime

    from dateparser.date import DateDataParser
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser_fallback(text: str, pub: date | None) -> tuple[str, str] | None:
    """Last resort for strings our rules miss; slow, so called per entity, never per token."""
    try:
        data = _date_data_parser(pub).get_date_data(text)
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    except Exception as exc:  # dateparser raises many kinds on odd input
        logger.debug("dateparser failed on %r: %s", text, exc)
        return None
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj.date(), data.period
    if period == "year":
        return str(d.year), "year"
    if period == "month":
        return _month_value(d.year, d.month), "month"
    if period == "day":
        return d.isoformat(), "day"
    return None


def _fill_anaphors(hits: list[_Hit]) -> list[_Hit]:
    """'that evening', 'the same day' take the last day-precision date before them."""
    out: list[_Hit] = []
    last_day: str | None = None
    for h in hits:
        if h.precision == "anaphor":
            if last_day is None:
                logger.debug("anaphoric date at %d has no antecedent; skipped", h.start)
                continue
            h = _Hit(h.start, h.end, last_day, "day", False, h.rank)
        elif h.precision == "day":
            last_day = h.value
        out.append(h)
    return out


def _merge_ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """'from March 3 to March 5', 'between 2010 and 2015': two points become one range."""
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        a = hits[i]
        b = hits[i + 1] if i + 1 < len(hits) else None
        if (b is not None and a.precision == b.precision and a.precision != "range"
                and _RANGE_JOIN.fullmatch(text[a.end:b.start])
                and (_RANGE_OPEN.search(text[max(0, a.start - 12):a.start])
                     or text[a.end:b.start].strip() in ("-", "–", "—"))):
            first = a.value
            if not a.year_given and b.year_given and len(first) >= 7:
                # "from March 3 to March 5, 2019": the written year covers both ends
                y = int(b.value[:4]) - (1 if first[5:] > b.value[5:] else 0)
                first = f"{y:04d}{first[4:]}"
            if first <= b.value:
                out.append(_Hit(a.start, b.end, f"{first}/{b.value}", "range", b.year_given))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def extract_dates(doc: Any, published: str | None) -> list[DateRef]:
    """Every point or span of time the article names, resolved against ``published``.

    Relative expressions are skipped when ``published`` is None; absolute ones still resolve.
    """
    pub = _parse_published(published)
    hits, refused = _rule_hits(doc, pub)
    urls = [_Hit(u.start(), u.end(), "", "") for u in _URL.finditer(doc_text(doc))]
    hits += _entity_hits(doc, pub, hits + refused + urls)
    hits.sort(key=lambda h: h.start)
    hits = _merge_ranges(doc_text(doc), _fill_anaphors(hits))
    return [DateRef(text=doc_text(doc)[h.start:h.end], start=h.start, end=h.end, value=h.value,
                    precision=h.precision) for h in hits]


# ---------------------------------------------------------------- events

_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "csubj", "parataxis", "acl",
                          "conj", "pcomp"})


def _clause_head(tok: Any) -> Any:
    """The verb heading the clause a token belongs to (infinitives stay in their governor's)."""
    for _ in range(50):
        if tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def event_date(dates: list[DateRef], start: int, end: int, anchor: int,
               published: str | None, doc: Any = None) -> EventDate | None:
    """The date of the event whose predicate sits at char ``anchor`` in sentence [start, end).

    The nearest date in the sentence, one in the predicate's own clause first when ``doc``
    is given; else the publication date marked 'published' so nobody mistakes it for one
    the text stated; None when there is neither.
    """
    inside = [d for d in dates if d.start >= start and d.end <= end]
    if inside:
        def distance(d: DateRef) -> int:
            return 0 if d.start <= anchor < d.end else min(abs(d.start - anchor),
                                                           abs(d.end - anchor))
        same: list[DateRef] = []
        if doc is not None:
            pred = _span_tokens(doc, anchor, anchor + 1)
            if pred is not None and len(pred):
                head = _clause_head(pred[0])
                for d in inside:
                    span = _span_tokens(doc, d.start, d.end)
                    if span is not None and len(span) and _clause_head(span.root).i == head.i:
                        same.append(d)
        best = min(same or inside, key=distance)
        return EventDate(value=best.value, precision=best.precision, text=best.text)
    pub = _parse_published(published)
    if pub is None:
        return None
    return EventDate(value=pub.isoformat(), precision="published", text=None)


__all__ = ["extract_dates", "event_date", "RULES"]
