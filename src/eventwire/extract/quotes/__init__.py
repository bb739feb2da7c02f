"""Quotes: direct, partial and indirect quotations with their speakers.

Public surface: ``extract_quotes(doc, actors) -> list[Quote]``, a pure function over a parsed
Doc and the article's ``ActorIndex``. The cue words live in ``data/reporting_verbs.yaml``.

How it reads an article (one module per step):

1. ``marks``: quote marks are paired per paragraph (straight, curly, guillemets).
2. ``attribution``: each quoted segment looks for its cue: a reporting verb just after it,
   just before it, governing it, or an ``according to X``.
3. ``indirect``: reporting verbs outside quote marks with a clausal complement.
4. ``speakers``: the speaker is the cue's subject, resolved through the ``ActorIndex``, with
   a discourse fallback of our own for pronouns (the chain of main-clause subjects),
   descriptions and surnames; ``roles`` reads title descriptions ("the former premier" is
   the person who held the office) and ``issuers`` statements ("the statement said" is the
   body that issued it).
5. ``discourse``: cue-less full sentences take the speaker of their neighbour, or the
   speaker the text introduced just before (the sentence or paragraph before).

``context`` indexes the document once, so that no step scans the whole document per quote.
"""
from __future__ import annotations

import logging
from typing import Any

from ...model import Quote
from ...nlp import doc_text
from .attribution import Attribution, attribute_segment
from .context import Context
from .cues import CUES_FILE, Cues, load_cues
from .discourse import continuations, inherit
from .indirect import indirect as indirect_quotes
from .marks import Segment, find_quote_marks
from .speakers import Speakers

log = logging.getLogger(__name__)


def extract_quotes(doc: Any, actors: Any, cues: Cues | None = None) -> list[Quote]:
    """Every quotation of an article with its speaker, in text order."""
    cues = cues or load_cues()
    text = doc_text(doc)
    segments = find_quote_marks(text)
    ctx = Context(doc, actors, cues, segments)
    speakers = Speakers(ctx)

    found: list[tuple[Segment, Attribution, str] | None] = []
    for n, seg in enumerate(segments):
        try:
            found.append(attribute_segment(ctx, speakers, segments, n))
        except Exception:  # a bad parse must not lose the article's other quotes
            log.exception("quote at %d-%d could not be attributed", seg.start, seg.end)
            found.append(None)
    indirect: list[Quote] = []
    try:
        indirect = indirect_quotes(ctx, speakers)
    except Exception:  # never lose the direct quotes to a parse oddity
        log.exception("indirect quotes failed")
    inherit(ctx, speakers, segments, found, indirect)
    continuations(ctx, segments, found)

    quotes: list[Quote] = []
    for seg, hit in zip(segments, found):
        if hit is None:
            continue
        _, att, kind = hit
        quotes.append(Quote(text=text[seg.start:seg.end], start=seg.start, end=seg.end,
                            kind=kind, cue=att.cue, speaker=att.speaker,
                            speaker_text=att.speaker_text))
    quotes.extend(indirect)
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes

__all__ = ["CUES_FILE", "Cues", "extract_quotes", "find_quote_marks", "load_cues"]
