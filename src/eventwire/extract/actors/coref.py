"""Layer (b): coreference by name and description (surnames, "the ministry", ...)."""
from __future__ import annotations

import bisect
import re
from typing import Any, Iterator

from ..knowledge import _fold, tokenize
from .lexicon import PAIR, PAIR_BODIES, DESCRIPTION, DEFINITE
from .records import _Info, _Mention, _fold_tuple, _head_noun, _name_words
from .base import _Base


class _Coref(_Base):
    """Layer (b), in-article coreference by name and description: surnames, "the
    ministry", "the alliance", "the two countries", "X's opponent, Y"."""

    def institutions(self) -> list[tuple[int, int]]:
        """'the ministry', 'the foreign ministry', 'the court': the most recent institution
        named before with the same head noun; a word before the noun must be in its name."""
        nouns = self.lex.institution_nouns
        if not nouns:
            return []
        pat = re.compile(r"\b[Tt]he\s+(?:([a-z][\w'\u2019-]*)\s+)?(" + "|".join(
            re.escape(n) for n in sorted(nouns, key=len, reverse=True)) + r")\b",
            re.IGNORECASE)
        taken = self._taken()
        ordered = sorted(self.mentions, key=lambda m: m.start)
        # per head noun, the mentions of one institution it can refer to (built once per
        # noun, so each "the ministry" looks back over institutions, not over everything)
        by_noun: dict[str, tuple[list[int], list[_Mention]]] = {}

        def named(noun: str) -> tuple[list[int], list[_Mention]]:
            if noun not in by_noun:
                fit = [m for m in ordered if len(m.idents) == 1
                       and self.infos[m.idents[0]].kind in ("organization", "igo")
                       and (noun == _head_noun(_name_words(self.infos[m.idents[0]].name))
                            or noun in self.infos[m.idents[0]].refs)]
                by_noun[noun] = ([m.start for m in fit], fit)
            return by_noun[noun]

        done: list[tuple[int, int]] = []
        for hit in pat.finditer(self.text):
            noun = hit.group(2).lower()
            mod = (hit.group(1) or "").lower()
            if hit.group(1) and not hit.group(1)[:1].islower():
                continue
            s, e = hit.span()
            nstart = hit.start(2)
            if mod and mod not in self.lex.institution_neutral:
                s = hit.start(1)
                if self.kb.lookup(mod) or mod in DEFINITE:
                    continue
            if taken(s, e) or taken(nstart, e):
                continue
            starts, fit = named(noun)
            for k in range(bisect.bisect_left(starts, hit.start()) - 1, -1, -1):
                prior = fit[k]
                if prior.end > hit.start():
                    continue
                words = _name_words(self.infos[prior.idents[0]].name)
                if mod and mod not in self.lex.institution_neutral and mod not in words:
                    continue
                self.mentions.append(_Mention(s if mod else nstart, e, prior.idents,
                                              self.text[s if mod else nstart:e],
                                              "description"))
                done.append((s, e))
                break
        return done

    def bare_heads(self) -> None:
        """'The Commission said ...' after 'the European Commission': a body named later by
        the bare, capitalised head noun of its full name is that body, not a new unknown body
        of the paragraph's state. The most recent body with that head, named in full, wins."""
        ordered = sorted(self.mentions, key=lambda m: m.start)
        for k, m in enumerate(ordered):
            if m.kind != "name" or len(m.idents) != 1:
                continue
            info = self.infos[m.idents[0]]
            if info.ident[0] != "O" or not str(info.ident[1]).startswith("~") \
                    or not re.fullmatch(r"[A-Z][a-z]{3,}", m.text):
                continue
            head = m.text.lower()
            for prior in reversed(ordered[:k]):
                if prior.end > m.start or len(prior.idents) != 1:
                    continue
                full = self.infos[prior.idents[0]]
                words = _name_words(full.name)
                if full.kind in ("igo", "organization") and len(words) > 1 \
                        and _head_noun(words) == head:
                    m.idents = (full.ident,)
                    m.kind = "description"
                    break

    def last_with_title(self, title: str, pos: int) -> _Info | None:
        """The actor named last before ``pos`` whose role ends in the title's head noun."""
        low = title.lower()
        word = low.split()[-1]

        def fits(info: _Info) -> bool:
            role = (info.role or "").lower()
            return bool(role) and (role == low or role.split()[-1] in (word, word + "s"))
        return self.latest_actor(pos, fits)

    def last_person_with_role(self, pos: int) -> _Info | None:
        """The person with a known sector named last before ``pos``."""
        return self.latest_actor(pos, lambda info: info.kind == "person" and bool(info.sector))

    def person_by_surname(self, name: str) -> _Info | None:
        key = _fold_tuple(name)
        for info in self.infos.values():
            if info.kind == "person" and (info.surname == key or _fold_tuple(info.name) == key
                                          or _fold_tuple(info.name)[-len(key):] == key):
                return info
        return None

    def surnames(self) -> None:
        """Later mentions by surname ('Shoigu') of people named in full earlier."""
        covered = [(m.start, m.end) for m in self.mentions]
        covered.sort()
        starts = [c[0] for c in covered]
        people = [i for i in self.infos.values() if i.kind == "person" and i.surname]
        if not people:
            return
        by_first: dict[str, list[_Info]] = {}
        for info in people:
            by_first.setdefault(info.surname[0], []).append(info)
        first: dict[tuple[Any, ...], int] = {}
        for m in self.mentions:
            for ident in m.idents:
                if m.start < first.get(ident, m.start + 1):
                    first[ident] = m.start
        toks = tokenize(self.text)
        folded = [_fold(t) for _, _, t in toks]
        for i, (s, e, surface) in enumerate(toks):
            cands = by_first.get(folded[i])
            if not cands or not surface[:1].isupper():
                continue
            for info in cands:
                n = len(info.surname)
                if tuple(folded[i:i + n]) != info.surname:
                    continue
                end = toks[i + n - 1][1]
                j = bisect.bisect_right(starts, s) - 1
                if j >= 0 and covered[j][0] <= s < covered[j][1]:
                    break
                if first[info.ident] > s:
                    break
                self.mentions.append(_Mention(s, end, (info.ident,), self.text[s:end], "name"))
                break

    def descriptions(self) -> None:
        """'the alliance', 'the bloc', 'the two countries': back to what was named before."""
        taken = self._taken()
        ordered = sorted(self.mentions, key=lambda m: m.start)
        starts = [x.start for x in ordered]

        def ended_before(pos: int) -> Iterator[_Mention]:
            for k in range(bisect.bisect_left(starts, pos) - 1, -1, -1):
                if ordered[k].end <= pos:
                    yield ordered[k]

        for m in PAIR.finditer(self.text):
            noun = m.group(1)
            want_states = noun not in ("sides",) and noun not in PAIR_BODIES
            picked: list[tuple[Any, ...]] = []
            for prior in ended_before(m.start()):
                for ident in prior.idents:
                    info = self.infos[ident]
                    if noun in PAIR_BODIES:
                        ok = info.kind == "organization" and info.sector in ("BUS", None, "")
                    else:
                        ok = (info.kind == "state") if want_states else info.kind != "person"
                    if ok and ident not in picked:
                        picked.append(ident)
                if len(picked) >= 2:
                    break
            if len(picked) == 2 and noun in PAIR_BODIES:
                # "both companies" was read as a bare trade group ("companies"): the pair
                # named before says more
                self.mentions = [x for x in self.mentions if not (
                    m.start() <= x.start and x.end <= m.end() and x.kind == "title")]
                taken = self._taken()
            if len(picked) == 2 and not taken(m.start(), m.end()):
                self.mentions.append(_Mention(m.start(), m.end(), (picked[1], picked[0]),
                                              m.group(), "description"))
        for m in DESCRIPTION.finditer(self.text):
            noun = m.group(2).lower()
            orgs = self.kb.org_refs(noun)
            if not orgs:
                continue
            s, e = m.start(), m.end()
            if taken(s, e):
                continue
            keys = {o.key for o in orgs}
            for prior in ended_before(s):
                hit = next((i for i in prior.idents if self.infos[i].kb_id in keys), None)
                if hit is None:
                    hit = self._member_of(prior, orgs)
                if hit is not None:
                    self.mentions.append(_Mention(s, e, (hit,), self.text[s:e], "description"))
                    break

    def _member_of(self, prior: _Mention, orgs: list[Any]) -> tuple[Any, ...] | None:
        """'NATO Secretary-General X said the alliance ...', 'the European Commission ... the
        bloc's presidency': a description may refer back to the body whose official or organ
        was named, not only to the body named itself. The body is added as an actor."""
        for ident in prior.idents:
            code = self.infos[ident].org
            if not code:
                continue
            body = next((o for o in orgs if o.key == code), None) or next(
                (o for o in orgs if o.org == code and o.kind == "igo"
                 and not any(p.key == o.org for p in orgs)), None)
            if body is None:
                continue
            info = self.org_info(body, body.name)  # type: ignore[attr-defined]
            self.infos.setdefault(info.ident, info)
            return info.ident
        return None

    def relational(self) -> None:
        """'Lukashenko's opponent, Sviatlana Tsikhanouskaya,': the opponent, never Lukashenko."""
        nouns = self.lex.relational
        if not nouns:
            return
        pat = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)|['\u2019]s?)\s+(?:(?:main|chief|"
                         r"political|longtime|long-time|key|fierce|fiercest|leading|top|"
                         r"biggest|bitter|former|presidential|election)\s+)*("
                         + "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
                         + r")s?\b")
        ordered = sorted(self.mentions, key=lambda m: m.start)
        for m in pat.finditer(self.text):
            rel_end = m.end()
            owner = next((x for x in reversed(ordered) if x.end <= m.start() + 4
                          and x.end >= m.start() - 1), None)
            if owner is None:
                continue
            sent = self.sent_of(m.start())
            named = None
            for x in ordered:
                if x.start < rel_end or self.sent_of(x.start) != sent:
                    continue
                infos = [self.infos[i] for i in x.idents]
                if len(infos) != 1 or infos[0].kind != "person" or x.idents == owner.idents:
                    break
                gap = self.text[rel_end:x.start]
                r = self._root(x)
                if re.fullmatch(r"\s*,\s*", gap) or (r is not None and r.dep_ == "appos"):
                    named = x.idents
                elif gap.rstrip().endswith(",") and len(gap) < 80 and not any(
                        t.pos_ in ("VERB", "AUX") for t in self.doc.char_span(
                            rel_end, x.start, alignment_mode="expand") or ()):
                    named = x.idents  # "opponent in the August election, Y"
                break
            if named is not None:
                self.mentions.append(_Mention(owner.start, rel_end, named,
                                              self.text[owner.start:rel_end], "description"))
