"""Where an event happened: the place its clause governs with a locative preposition."""
from __future__ import annotations

from typing import Any, Sequence

from ...model import Location, Place
from .gazetteer import Words, _PRECISION_RANK, _build
from .mentions import _preceded_by_locative


# -- event locations -------------------------------------------------------------------------


def _governing_preposition(doc: Any, place: Place, words: Words) -> str | None:
    """The locative preposition governing a place's phrase ("in", "near", "border with")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    # climb through appositions, compounds and conjunctions: "in Kyiv, Ukraine", "the city of X"
    for _ in range(4):
        if head.dep_ in {"appos", "conj", "compound", "nmod", "poss"} and head.head is not head:
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ == "pobj":
            head = head.head.head  # "on the outskirts of X" -> "outskirts" governed by "on"
        elif head.dep_ == "pobj" and head.head.lower_ == "with" \
                and head.head.head.lower_ in {"border", "borders", "frontier"}:
            head = head.head.head
        else:
            break
    if head.dep_ in {"pobj"} and head.head.lower_ in {w for w in words.locative if " " not in w}:
        return head.head.lower_
    if _preceded_by_locative(doc, span.start, words):
        return doc[span.start - 1].lower_
    return None


def _clause_root(tok: Any) -> Any:
    while tok.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "acl"} \
            and tok.head is not tok:
        tok = tok.head
    return tok


def event_location(places: Sequence[Place], start: int, end: int, anchor: int,
                   doc: Any = None) -> Location | None:
    """Where the event of the sentence [start, end) with its predicate at ``anchor`` happened.

    A place in the predicate's clause after a locative preposition wins; else the nearest
    place of the sentence. None when the sentence names no place.
    """
    inside = [p for p in places if start <= p.start and p.end <= end]
    if not inside:
        return None
    words = _build().words if doc is not None else None

    def rank(p: Place) -> tuple[float, ...]:
        loc = 0.0
        same_clause = 0.0
        if doc is not None and words is not None:
            prep = _governing_preposition(doc, p, words)
            if prep is not None:
                loc = 2.0 if prep in words.strong_locative else 1.0
            anchor_span = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
            place_span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if anchor_span is not None and place_span is not None and loc:
                if _clause_root(place_span.root) is _clause_root(anchor_span.root) or \
                        any(t.i == anchor_span.root.i for t in place_span.root.ancestors):
                    same_clause = 1.0
        resolved = 1.0 if p.country else 0.0
        dist = abs((p.start + p.end) / 2 - anchor)
        # "in Kyiv, Ukraine": both are governed by "in"; the more specific one wins
        specific = -_PRECISION_RANK.get(p.precision or "", 4) if loc else 0
        return (loc + same_clause, resolved, specific, -dist)

    best = max(inside, key=rank)
    return Location(name=best.name, country=best.country, lat=best.lat, lon=best.lon,
                    geonameid=best.geonameid, precision=best.precision)

