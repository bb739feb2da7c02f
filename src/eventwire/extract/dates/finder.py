"""Finding dates in a parsed text: rule hits first, spaCy DATE entities for the rest.

``dateparser`` is the last resort for an entity no rule reads; "that day" takes the date named
just before it, and "from X to Y" pairs merge into ranges.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from ...model import DateRef
from ...nlp import doc_text
from .patterns import (
    LEADING_PREPS, RULES, _ABSOLUTE, _ANCHORED, _BARE_MONTH, _BARE_YEAR, _CLOCK, _DURATION,
    _Hit, _RANGE_JOIN, _RANGE_OPEN, _URL, logger)
from .resolvers import (
    _KEPT_CUES, _RESOLVERS, _TEXT_GROUP, _is_count, _month_value, _parse_published,
    _r_month_only)


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

