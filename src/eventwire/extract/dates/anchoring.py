"""Which date an event takes: the nearest date of its own clause, else of its sentence."""
from __future__ import annotations

from typing import Any

from ...model import DateRef, EventDate
from .resolvers import _parse_published, _span_tokens


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

