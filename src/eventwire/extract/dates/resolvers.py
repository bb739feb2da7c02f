"""From a rule match to an ISO value: calendar arithmetic against the publication date.

Relative expressions ("last Friday", "next month") read the verb's tense where the words
alone leave the direction open, and parse-based filters drop look-alikes (names such as
"May", counts such as "three years"); both sit beside the resolvers that consult them.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any, Callable

from ...nlp import doc_text
from .patterns import (
    FUTURE_AUX, FUTURE_LEMMAS, FUTURE_MODALS, LEADING_PREPS, MONTHS, NAMED_DAY_PREFIXES,
    NUMBERS, WEAK_MONTH_CUES, WEEKDAYS, _FUTURE_PHRASE, _FUTURE_WINDOW, logger)


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

