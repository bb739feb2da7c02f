"""Shared state of one article's extraction and small questions about text and parse."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from typing import Any, Iterator

from ...nlp import doc_text
from ..knowledge import Body, KnowledgeBase, Title, as_date
from .lexicon import LOCATIVE, SUBJECT_DEPS
from .records import _Info, _Item, _Mention, _fold_tuple, _head_noun, _name_words


class _Base:
    """The state of one article's extraction shared by every layer, and the small
    questions each layer asks of the text and the parse (which sentence, which token, is
    this mention a subject, is this position quoted)."""

    deferred_bodies: list[tuple[Body, str, int, int]]
    _deferred_spans: list[tuple[int, int, Title, str | None, str | None]]
    _appos_span: tuple[int, int] | None = None
    _consumed: set[int]
    _items: list[_Item]
    _chains: list[list[tuple[str, _Item]]]
    _chain_starts: list[int]
    _chain_reach: list[int]
    _cur_last: _Item

    def __init__(self, doc: Any, kb: KnowledgeBase, published: str | None) -> None:
        self.doc = doc
        self.kb = kb
        self.text: str = doc_text(doc)
        self.day: dt.date | None = as_date(published)
        self.published = published
        self.infos: dict[tuple[Any, ...], _Info] = {}
        self.mentions: list[_Mention] = []
        self.tok_starts = [t.idx for t in doc]
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        self.sent_starts = [s.start_char for s in sents]
        self.lex = kb.lexicon
        self._gaz: Any = None
        self._dateline_span: tuple[int, int] | None = None
        self._dominant: str | None = None  # "" once computed and none dominates
        self._phrased = False  # every phrase resolved: the article's counts are final
        self._full_surnames: set[str] | None = None
        #: listed bodies named by a name many states share, mentioned bare -> True when the
        #: article never names their own state (see :meth:`_Owners.namesakes`)
        self.shared_names: dict[str, bool] = {}
        self._ord_src: list[_Mention] | None = None
        self._ord_n = 0
        self._ord: list[_Mention] = []
        self._ord_starts: list[int] = []
        self._ids_src: list[_Mention] | None = None
        self._ids_n = 0
        self._ids: dict[tuple[Any, ...], list[tuple[int, int, int]]] = {}
        self.dateline = self._dateline()

    def set_chains(self, chains: list[list[tuple[str, _Item]]]) -> None:
        """The article's phrases in order, with their starts and how far the phrases up to
        each reach, so "the phrase after/before this point" is a bisection."""
        self._chains = chains
        self._chain_starts = [c[0][1].start for c in chains]
        reach, far = [], -1
        for c in chains:
            far = max(far, c[-1][1].end)
            reach.append(far)
        self._chain_reach = reach

    def chains_from(self, pos: int, inclusive: bool = True) -> int:
        """Index of the first phrase starting at (``inclusive``) or after ``pos``."""
        find = bisect.bisect_left if inclusive else bisect.bisect_right
        return find(self._chain_starts, pos)

    def ordered(self) -> tuple[list[_Mention], list[int]]:
        """The mentions in order of start (ties in the order they were added) and their
        starts, kept up to date as mentions are added instead of re-sorted by every
        question that looks back from a position (a transcript asks thousands)."""
        ms = self.mentions
        if ms is not self._ord_src or len(ms) < self._ord_n:
            self._ord_src, self._ord_n, self._ord, self._ord_starts = ms, 0, [], []
        for m in ms[self._ord_n:]:
            k = bisect.bisect_right(self._ord_starts, m.start)
            self._ord.insert(k, m)
            self._ord_starts.insert(k, m.start)
        self._ord_n = len(ms)
        return self._ord, self._ord_starts

    def ident_starts(self) -> dict[tuple[Any, ...], list[tuple[int, int, int]]]:
        """Per actor, where it is mentioned: sorted (start, order added, place among the
        mention's actors), kept up to date like :meth:`ordered`. Few actors, many mentions:
        "the latest actor before ``pos`` that ..." becomes one bisection per actor."""
        ms = self.mentions
        if ms is not self._ids_src or len(ms) < self._ids_n:
            self._ids_src, self._ids_n, self._ids = ms, 0, {}
        for seq in range(self._ids_n, len(ms)):
            m = ms[seq]
            for j, ident in enumerate(m.idents):
                bisect.insort(self._ids.setdefault(ident, []), (m.start, seq, j))
        self._ids_n = len(ms)
        return self._ids

    def latest_actor(self, pos: int, fits: Any) -> _Info | None:
        """The actor ``fits`` accepts whose mention starting before ``pos`` is the nearest
        (the answer a backward scan of the stably ordered mentions would give)."""
        best: tuple[tuple[int, int, int], _Info] | None = None
        for ident, where in self.ident_starts().items():
            k = bisect.bisect_left(where, (pos,))
            if k == 0:
                continue
            info = self.infos[ident]
            if not fits(info):
                continue
            start = where[k - 1][0]
            _, seq, j = where[bisect.bisect_left(where, (start,))]
            key = (-start, seq, j)
            if best is None or key < best[0]:
                best = (key, info)
        return best[1] if best is not None else None

    def backwards(self, pos: int, stable: bool = False) -> Iterator[_Mention]:
        """Mentions starting before ``pos``, nearest first: as ``reversed(sorted(...))``
        gives them, or with ``stable`` as ``sorted(..., reverse=True)`` does (mentions with
        one start in the order they were added). Add no mention while iterating."""
        ordered, starts = self.ordered()
        k = bisect.bisect_left(starts, pos)
        while k > 0:
            if stable:
                j = bisect.bisect_left(starts, starts[k - 1], 0, k)
                yield from ordered[j:k]
                k = j
            else:
                k -= 1
                yield ordered[k]

    def token(self, char: int) -> Any:
        i = bisect.bisect_right(self.tok_starts, char) - 1
        return self.doc[max(i, 0)]

    def sent_of(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def word_before(self, char: int) -> str:
        m = re.search(r"([A-Za-z]+)\W*$", self.text[max(0, char - 30):char])
        return m.group(1).lower() if m else ""

    def paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def add(self, start: int, end: int, infos: list[_Info], kind: str) -> None:
        idents = []
        for info in infos:
            if info.ident not in self.infos:
                self.infos[info.ident] = info
            elif info.named and not self.infos[info.ident].named:
                old = self.infos[info.ident]
                self.infos[info.ident] = replace(old, name=info.name, raw=info.raw, named=True)
            if info.ident not in idents:
                idents.append(info.ident)
        text = self.text[start:end]
        lead = re.match(r"(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Aa]n?)\s+", text)
        if lead and kind != "pronoun":
            start, text = start + lead.end(), text[lead.end():]
        self.mentions.append(_Mention(start, end, tuple(idents), text, kind))

    def _taken(self) -> Any:
        covered = sorted((m.start, m.end) for m in self.mentions)
        starts = [c[0] for c in covered]

        def taken(s: int, e: int) -> bool:
            j = bisect.bisect_right(starts, e) - 1
            while j >= 0 and covered[j][1] > s:
                if covered[j][0] < e:
                    return True
                j -= 1
            return False
        return taken

    def _root(self, m: _Mention) -> Any:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def is_subject(self, m: _Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in SUBJECT_DEPS

    def _main_clause(self, m: _Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        head = span.root.head
        return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")

    def _modifier(self, m: _Mention) -> bool:
        """Is the mention an adjective or compound on another noun ('Russian drone strike')?"""
        tok = self._root(m)
        return tok is not None and tok.dep_ in ("amod", "compound", "nmod")

    def _is_place(self, m: _Mention) -> bool:
        """'in Kenya', 'in the capital of Belarus': a state named as where, not who."""
        tok = self._root(m)
        seen = 0
        while tok is not None and seen < 6:
            seen += 1
            if tok.dep_ in ("conj", "compound", "appos") and tok.head is not tok:
                tok = tok.head
                continue
            if tok.dep_ != "pobj":
                return False
            prep = tok.head
            if prep.lower_ in LOCATIVE:
                return True
            if prep.lower_ != "of":
                return False
            tok = prep.head
        return False

    def _quoted(self, para: int, pos: int) -> bool:
        """Is ``pos`` inside quotation marks opened in its paragraph?"""
        text = self.text
        curly = text.count("\u201c", para, pos) - text.count("\u201d", para, pos)
        return curly > 0 or text.count('"', para, pos) % 2 == 1

    def _locative(self, char: int) -> bool:
        tok = self.token(char)
        seen = 0
        while tok.dep_ in ("conj", "compound", "appos") and tok.head is not tok and seen < 5:
            tok, seen = tok.head, seen + 1
        return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE

    def _first_names(self) -> dict[tuple[Any, ...], _Mention]:
        """Each actor's first mention by name."""
        first: dict[tuple[Any, ...], _Mention] = {}
        for m in self.mentions:
            if m.kind == "name" and len(m.idents) == 1 and (
                    m.idents[0] not in first or m.start < first[m.idents[0]].start):
                first[m.idents[0]] = m
        return first
