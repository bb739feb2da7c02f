"""Resolving mentions to one entry each, with the article's countries as context.

A name is read in the light of the other places and actors of the article ("Georgia" beside
Tbilisi is the country), so scoring happens once all mentions are known.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from ...model import Place
from ...nlp import doc_text
from .gazetteer import (
    Entry, Gazetteer, PLACE_LABELS, SCAN_MIN_PRIOR, W_ADMIN1, W_CONTEXT, W_LOCAL,
    W_NEIGHBOUR, _PRECISION_RANK, norm)
from .mentions import _Mention, _find_mentions, _preceded_by_locative, _span_text


# -- resolving -------------------------------------------------------------------------------


def _score(c: Entry, context: set[str], local: dict[str, int], gaz: Gazetteer,
           admin1s: set[tuple[str, str]] = frozenset()) -> float:  # type: ignore[assignment]
    """Prior plus what the article says about where it is."""
    s = c.prior
    if c.country in context:
        s += W_CONTEXT
    if c.kind == "country" and gaz.neighbours.get(c.country or "", frozenset()) & context:
        s += W_NEIGHBOUR  # Georgia the country in an article about Russia and Armenia
    if c.country and local.get(c.country):
        s += W_LOCAL
    if c.country and c.admin1 and (c.country, c.admin1) in admin1s:
        s += W_ADMIN1
    return s


def _pair_ok(x: Entry, y: Entry, gaz: Gazetteer) -> bool:
    """Can X lie in Y? Same country, and for a US city the right state."""
    if x.country != y.country:
        return False
    if y.kind == "admin1" and y.country == "USA" and x.kind == "city" and x.admin1:
        return gaz.us_states.get(y.name) == x.admin1
    return True


def _dateline_country(mentions: list[_Mention], gaz: Gazetteer,
                      context: set[str]) -> str | None:
    """The country of the article's dateline ("ISLAMABAD —", "BELGRADE, Yugoslavia —")."""
    for m in mentions:
        if not m.dateline or m.qualifies:
            continue
        y = m.qualifier
        for cands in ((y.candidates if y is not None else []), m.candidates):
            countries = [c for c in cands if c.country]
            if countries:
                best = max(countries, key=lambda c: c.prior + (W_CONTEXT if c.country in context
                                                                else 0.0))
                return best.country
        return None
    return None


def _resolve(mentions: list[_Mention], gaz: Gazetteer, countries: Iterable[str]) -> str | None:
    """Choose each mention's entry; returns the dateline's country (None without one)."""
    context = {c for c in countries if c}
    # the dateline says where the article is from: its country counts for every name in it
    dateline = _dateline_country(mentions, gaz, context)
    if dateline:
        context.add(dateline)
    # unambiguous mentions first: they are the context of the others
    local: dict[str, int] = {}
    admin1s: set[tuple[str, str]] = set()
    for m in mentions:
        kinds = {(c.country, c.kind) for c in m.candidates}
        if len(kinds) == 1:
            c = m.candidates[0]
            if c.kind == "country":
                context.add(c.country or "")
            elif c.country:
                local[c.country] = local.get(c.country, 0) + 1
                if c.admin1:
                    admin1s.add((c.country, c.admin1))

    def score(c: Entry) -> float:
        return _score(c, context, local, gaz, admin1s)

    for m in mentions:
        y = m.qualifier
        if y is not None:
            pairs = [(x, yy) for x in m.candidates for yy in y.candidates if _pair_ok(x, yy, gaz)]
            if pairs:
                x, yy = max(pairs, key=lambda p: score(p[0]) + score(p[1]))
                m.chosen, y.chosen = x, yy
                continue
            ybest = max(y.candidates, key=score)
            y.chosen = ybest
            towns = [t for t in gaz.towns(m.text) if _pair_ok(t, ybest, gaz)]
            if towns:
                m.chosen = max(towns, key=lambda c: c.prior)
            else:
                m.candidates = []
                m.country_hint = ybest.country
            continue
        if m.chosen is not None or not m.candidates:
            continue
        m.chosen = max(m.candidates, key=lambda c: (score(c),
                                                   -_PRECISION_RANK.get(c.precision, 9)))
    # places spaCy found that the main index lacks: a smaller town, in a country the article
    # is about, or the only country that has a town of that name
    for m in mentions:
        if m.chosen is None and m.country_hint is None and not m.facility \
                and m.label in PLACE_LABELS | {"DATELINE"}:
            towns = gaz.towns(m.text)
            near = [t for t in towns if t.country in context or t.country in local]
            if near:
                m.chosen = max(near, key=score)
            elif towns and len({t.country for t in towns}) == 1:
                m.chosen = max(towns, key=lambda c: c.prior)
    return dateline


def _sentence_bounds(doc: Any, m: _Mention) -> tuple[int, int]:
    """Character bounds of the sentence a mention is in (the whole text without sentences)."""
    try:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            sent = span.sent
            return sent.start_char, sent.end_char
    except ValueError:  # no sentence boundaries on this doc
        pass
    return 0, len(doc_text(doc))


def _inner_place(doc: Any, m: _Mention, gaz: Gazetteer, context: set[str]) -> Entry | None:
    """A known place inside a facility's name ("Hyderabad" in "Hyderabad House")."""
    words = gaz.words
    s, e = m.tokens
    while e > s and (doc[e - 1].lower_ in words.facility_heads or doc[e - 1].is_punct):
        e -= 1
    while s < e and (doc[s].lower_ in words.facility_leads or doc[s].lower_ == "the"):
        s += 1
    for width in range(e - s, 0, -1):
        for a in range(s, e - width + 1):
            cands = [c for c in gaz.lookup(_span_text(doc, a, a + width)[0])
                     if c.kind != "facility" and not c.alternate
                     and (c.kind != "city" or c.prior >= SCAN_MIN_PRIOR)]
            if cands:
                return max(cands, key=lambda c: c.prior + (W_CONTEXT if c.country in context
                                                           else 0.0))
    return None


def _assign_countries(doc: Any, mentions: list[_Mention], gaz: Gazetteer,
                      countries: Iterable[str], dateline: str | None) -> None:
    """Give unresolved facilities and divisions a country from what surrounds them, never
    coordinates: the place inside the name, "X, CITY" or "in CITY" in the sentence, the
    sentence's one country, the dateline."""
    words = gaz.words
    context = {c for c in countries if c} | ({dateline} if dateline else set())
    resolved = [m for m in mentions if m.chosen is not None and m.chosen.country]
    by_name = {norm(m.text): m.chosen.country for m in resolved if m.chosen}
    for m in mentions:
        if m.chosen is not None or m.country_hint is not None:
            continue
        if m.label == "DATELINE":
            continue
        lo, hi = _sentence_bounds(doc, m)
        in_sentence = [o for o in resolved if lo <= o.start and o.end <= hi and o is not m]
        country: str | None = None
        if m.facility:
            inner = _inner_place(doc, m, gaz, context)
            if inner is not None:
                country = inner.country
            if country is None:
                after = [o for o in in_sentence if o.start >= m.end and re.fullmatch(
                    r"\s*,\s*", doc_text(doc)[m.end:o.start])]
                located = [o for o in in_sentence if o.tokens != (0, 0)
                           and _preceded_by_locative(doc, o.tokens[0], words, strong=True)]
                for group in (after, located):
                    if group:
                        near = min(group, key=lambda o: (o.start < m.start,
                                                         abs(o.start - m.end)))
                        country = near.chosen.country if near.chosen else None
                        break
            country = country or dateline
        else:
            country = by_name.get(norm(m.text))
            if country is None:
                found = {o.chosen.country for o in in_sentence if o.chosen}
                if len(found) == 1:
                    country = found.pop()
                elif not found or dateline in found:
                    country = dateline
        m.country_hint = country


def extract_places(doc: Any, gazetteer: Gazetteer, countries: Iterable[str] = ()) -> list[Place]:
    """Every place the text names, geocoded; ``countries`` (the actors' ISO3) break ties."""
    mentions = _find_mentions(doc, gazetteer)
    countries = tuple(countries)
    dateline = _resolve(mentions, gazetteer, countries)
    _assign_countries(doc, mentions, gazetteer, countries, dateline)
    places: list[Place] = []
    seen: set[tuple[int, int]] = set()
    for m in mentions:
        if (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        c = m.chosen
        if c is None:
            if m.label == "DATELINE" and m.country_hint is None:
                continue
            places.append(Place(text=m.text, start=m.start, end=m.end, name=m.text,
                                country=m.country_hint,
                                precision="facility" if m.facility else None))
            continue
        places.append(Place(text=m.text, start=m.start, end=m.end, name=c.name, country=c.country,
                            lat=c.lat, lon=c.lon, geonameid=c.geonameid, precision=c.precision))
    return places

