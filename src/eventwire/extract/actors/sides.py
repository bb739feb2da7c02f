"""Whose official is an official the text names by a bare title ("Foreign Minister X")?

In a story about two or more states, the dateline says where the reporter is, not whom a
bare-titled minister serves: "Foreign Minister X read out a statement offering Peru Chile's
apologies; she said Santiago never meant ..." makes X Chile's minister even from Lima. The
clauses around the person say whose side they speak and act for:

- a state that is the subject of what the person says ("she said Santiago never meant",
  "warned that Moscow would act alone") is the speaker's own side;
- a state owning something in the person's clause ("Chile's apologies", "among Chile's
  diplomats") is more likely theirs than not;
- a state the person acts on (the object of their verb: "offering Peru", "called on Lima",
  "accused Moscow") is the other side.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from .lexicon import REPORTING_SECTORS, SUBJECT_DEPS
from .base import _Base

#: A sentence that continues about the person just named: "She said ...", "He added ...".
_PRONOUN_LEAD = re.compile(r"\s*(?:He|She)\b")
#: What a speaker's own side scores and what a state acted on scores.
_SAYS_SUBJECT, _OWNER, _ACTED_ON = 3, 2, -2
#: Object-like dependencies: who a verb acts on.
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})
#: Groups that act for a state: their owner is a side.
_STATE_BODIES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


class _Sides(_Base):
    """The state a bare-titled person speaks and acts for, from the clauses about them."""

    _in_play: set[str] | None = None

    def states_in_play(self) -> set[str]:
        """The states the article names as actors (not as places, not reporters); counted
        once, when the phrases are resolved (later layers only add people and groups)."""
        if self._in_play is not None:
            return self._in_play
        found: set[str] = set()
        for m in self.mentions:
            if m.kind in ("name", "metonym") and self._is_place(m):
                continue
            for ident in m.idents:
                info = self.infos[ident]
                if info.country and not info.org and info.sector not in REPORTING_SECTORS \
                        and info.kind in ("state", "group"):
                    found.add(info.country)
        self._in_play = found
        return found

    def own_side(self, ident: tuple[Any, ...]) -> str | None:
        """The one state the sentences about the person ``ident`` make their own side
        (see the module's docstring), or None when they say nothing or disagree."""
        ms = self.mentions
        spans = [(ms[seq].start, ms[seq].end) for _, seq, _ in self.ident_starts().get(ident, [])]
        if not spans:
            return None
        sents = {self.sent_of(a) for a, _ in spans}
        for k in sorted(sents):
            # "... Foreign Minister X read out a statement. She said ...": the next
            # sentences of the paragraph that open with a pronoun are about X too
            nxt = k + 1
            while nxt < len(self.sent_starts) and _PRONOUN_LEAD.match(
                    self.text, self.sent_starts[nxt]) and self.paragraph_start(
                    self.sent_starts[nxt]) == self.paragraph_start(self.sent_starts[k]):
                sents.add(nxt)
                nxt += 1
        own_tokens = {self.token(a).i for a, _ in spans}
        for a, b in spans:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                own_tokens.update(t.i for t in span)
        score: dict[str, int] = {}
        for m in self._in_sentences(sents):
            if ident in m.idents:
                continue
            infos = [self.infos[i] for i in m.idents]
            # a state, or a state's own body ("Togo's police"), never a crowd or a people
            countries = {i.country for i in infos if i.country and not i.org and (
                i.kind == "state" or (i.kind == "group" and i.sector in _STATE_BODIES))}
            if len(countries) != 1:
                continue
            tok = self._root(m)
            if tok is None:
                continue
            weight = self._side_weight(tok, own_tokens)
            if weight == _SAYS_SUBJECT and m.kind not in ("name", "metonym"):
                weight = 0  # "said a Belarusian drone hovered": a charge, not one's own act
            if weight:
                c = next(iter(countries))
                score[c] = score.get(c, 0) + weight
        ranked = sorted(score.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < _OWNER:
            return None
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
            return None
        return ranked[0][0]

    def _in_sentences(self, sents: set[int]) -> list[Any]:
        """The mentions starting in the sentences ``sents`` (by bisection: no article-long
        scan per person)."""
        ordered, starts = self.ordered()
        out = []
        for k in sorted(sents):
            a = self.sent_starts[k]
            b = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.text) + 1
            out.extend(ordered[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)])
        return out

    def _side_weight(self, tok: Any, own: set[int]) -> int:
        """How a state's token stands to the person (their tokens ``own``)."""
        span = tok.doc[tok.left_edge.i:tok.i + 2]
        if tok.dep_ == "poss" or any(t.tag_ == "POS" and t.head.i in (tok.i, t.i - 1)
                                     for t in span):
            # "offering Peru Chile's apologies", "said Togo's police had ...": what the
            # person's own clause, or what they say, speaks of; not another one's title
            verb = tok
            for _ in range(5):
                if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                    break
                verb = verb.head
            if self._by_person(verb, own) or (verb.dep_ == "ccomp"
                                               and self._by_person(verb.head, own)):
                return _OWNER
            return 0
        if tok.dep_ in SUBJECT_DEPS:
            verb = tok.head
            while verb.dep_ == "conj" and verb.head is not verb:
                verb = verb.head
            if verb.dep_ == "ccomp" and verb.lemma_ != "be" and self._by_person(verb.head, own):
                # "said Lima would ...", not "said Lima was behind it" (a charge against
                # another state is a copula's description of it, not one's own act)
                return _SAYS_SUBJECT
            return 0
        if tok.dep_ in _OBJECT_DEPS:
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            if verb.pos_ in ("VERB", "AUX") and self._by_person(verb, own):
                return _ACTED_ON
        return 0

    @staticmethod
    def _by_person(verb: Any, own: set[int]) -> bool:
        """Is the subject of ``verb`` (or of the verb it is coordinated with) the person:
        one of their tokens, or a personal pronoun standing for them?"""
        seen = 0
        while verb is not None and seen < 3:
            seen += 1
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child.i in own or child.lower_ in ("he", "she")
            if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
                verb = verb.head
            elif verb.dep_ == "acl" and verb.head.head is not verb.head:
                verb = verb.head.head  # "read a statement offering ...": the reader offers
            else:
                return False
        return False
