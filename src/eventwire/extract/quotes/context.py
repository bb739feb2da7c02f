"""Per-document lookups for quote attribution, built once so that no per-quote step scans
the whole document.

Every question a quote asks about its article ("which sentence am I in?", "is this
position inside quote marks?", "who was named just before here?", "which earlier phrase
has this head noun?") is answered from an index made here in one pass, by bisection or a
dictionary look-up. A 200 KB transcript with thousands of quotes therefore costs time in
proportion to its length, not to its length times its quotes.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from typing import Any, Iterator, Sequence

from ...model import ActorRef, Mention
from ...nlp import doc_text
from .cues import Cues
from .marks import Segment, paragraph_bounds

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
#: How far back (characters) a speaker search may read: an antecedent further away than
#: this is not one a reader would still hold in mind, and the bound keeps long
#: transcripts linear.
LOOKBACK_CHARS = 12_000


class Mentions:
    """The article's ``ActorIndex`` with position look-ups that cost O(log n) each.

    ``ActorIndex.before``/``of``/``at`` filter every mention on each call; quotes call them
    once or more per quote, so this view indexes the same mentions once per document.
    """

    def __init__(self, index: Any) -> None:
        self.index = index
        self.mentions: list[Mention] = list(index.mentions)  # sorted by (start, -end)
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self._of: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            for aid in m.actors:
                self._of[aid].append(m)

    def get(self, actor_id: str) -> Any:
        return self.index.get(actor_id)

    def ref(self, actor_id: str) -> ActorRef:
        return self.index.ref(actor_id)

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside [start, end), outermost first."""
        return self.index.in_span(start, end)

    def at(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping [start, end), in text order."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_right(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.start < end and m.end > start]

    def back_from(self, pos: int, window: int = LOOKBACK_CHARS) -> Iterator[Mention]:
        """Mentions ending at or before ``pos``, nearest first, at most ``window`` back."""
        i = bisect.bisect_left(self._starts, pos)
        while i > 0:
            i -= 1
            m = self.mentions[i]
            if pos - m.start > window:
                return
            if m.end <= pos:
                yield m

    def of(self, actor_id: str) -> list[Mention]:
        """Every mention of one actor, in text order."""
        return self._of.get(actor_id, [])


class Context:
    """Per-document lookups: quoted tokens, sentences, paragraphs, cue words, mentions."""

    def __init__(self, doc: Any, actors: Any, cues: Cues, segments: Sequence[Segment]):
        self.doc = doc
        self.text: str = doc_text(doc)
        self.actors = Mentions(actors)
        self.cues = cues
        self.segments = segments
        self._opens = [s.open for s in segments]
        self.paragraphs = paragraph_bounds(self.text)
        self._para_starts = [p[0] for p in self.paragraphs]
        self.sents = list(doc.sents)
        self._sent_starts = [s.start for s in self.sents]
        self.quoted = [False] * len(doc)
        for seg in segments:
            for tok in self.tokens(seg.open, seg.close + 1):
                self.quoted[tok.i] = True
        self._chunks: dict[str, list[Any]] | None = None

    # -- positions -------------------------------------------------------------------------
    def tokens(self, start: int, end: int) -> list[Any]:
        """Tokens overlapping [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return [t for t in self.doc if t.idx < end and t.idx + len(t) > start]
        return list(span)

    def sent_index(self, i: int) -> int:
        """Index (in ``self.sents``) of the sentence holding token ``i``."""
        return max(0, bisect.bisect_right(self._sent_starts, i) - 1)

    def para_index(self, pos: int) -> int:
        """Index of the paragraph holding (or last starting before) character ``pos``."""
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def opens_paragraph(self, pos: int) -> bool:
        """Is there nothing but space between the paragraph start and ``pos``?"""
        p_start = self.paragraphs[self.para_index(pos)][0] if self.paragraphs else 0
        return not self.text[p_start:pos].strip()

    def in_quote(self, pos: int) -> bool:
        """Does ``pos`` lie strictly inside a pair of quote marks?"""
        k = bisect.bisect_left(self._opens, pos) - 1
        return k >= 0 and self.segments[k].open < pos < self.segments[k].close

    def chunks_headed(self, lemma: str) -> list[Any]:
        """Noun chunks whose head has this lemma, in text order (indexed on first use)."""
        if self._chunks is None:
            self._chunks = defaultdict(list)
            for chunk in self.doc.noun_chunks:
                self._chunks[chunk.root.lemma_.lower()].append(chunk)
        return self._chunks.get(lemma, [])

    # -- cue words --------------------------------------------------------------------------
    def is_cue_verb(self, tok: Any) -> bool:
        """A reporting verb outside quote marks ("said", not "called off")."""
        if tok.lemma_.lower() not in self.cues.verbs:
            return False
        if tok.pos_ not in ("VERB", "AUX") and not (  # "the statement read" tagged a noun
                tok.pos_ == "NOUN" and any(c.dep_ in SUBJ_DEPS for c in tok.children)):
            return False
        if self.quoted[tok.i]:
            return False
        return not any(c.dep_ == "prt" and c.lower_ in self.cues.not_with_particles
                       for c in tok.children)
