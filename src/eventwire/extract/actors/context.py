"""Where the story is: dateline, the one country of a sentence, paragraph or article."""
from __future__ import annotations

import re
from typing import Any

from .lexicon import DATELINE, _PLACED, REPORTING_SECTORS, SUBJECT_DEPS
from .base import _Base

#: " of the ", " from the ": a group's members named by the coalition they belong to.
_OF_THE = re.compile(r"\s+(?:of|from|in|with)\s+the\s+")
#: "-led coalition", "-led alliance": the leader's hyphen, then (up to two words) the group.
_LED_BY = re.compile(r"-led\s+(?:[a-z]+\s+){0,2}?(?:coalition|alliance|force|forces|"
                     r"mission|bloc|operation|campaign)\b")

#: Prepositions that put the subject of a clause somewhere ("gathered in", "marched outside").
_WHERE = frozenset({"in", "at", "outside", "near", "around", "across", "inside", "throughout"})


class _Context(_Base):
    """Where the story is: the dateline, the one country of a sentence, paragraph or
    article, and the country of a named place. Later layers fall back on these when a
    phrase names no state of its own."""

    def gazetteer(self) -> Any:
        """The place gazetteer (built once per process and shared: see places.Gazetteer)."""
        if self._gaz is None:
            from ..places import Gazetteer
            self._gaz = Gazetteer.load()
        return self._gaz

    def place_country(self, name: str, min_prior: float = 3.5) -> str | None:
        """The one country a well-known city or region name lies in, else None."""
        try:
            entries = self.gazetteer().lookup(name)
        except Exception:  # noqa: BLE001 - no gazetteer data: no guess
            return None
        entries = sorted((e for e in entries if e.country and e.kind in ("city", "admin1")),
                         key=lambda e: -e.prior)
        if not entries or entries[0].prior < min_prior:
            return None
        top = entries[0]
        rivals = [e for e in entries if e.country != top.country]
        if rivals and rivals[0].prior > top.prior - 2.0:
            return None
        return top.country

    def _dateline(self) -> str | None:
        """The country of the city the article was filed from ('BEIJING —'), if any."""
        m = DATELINE.search(self.text[:800])
        if not m:
            return None
        self._dateline_span = (m.start(1), m.end())
        if m.group(2):
            # "KUZNICA, Poland —": a small place, then the country it lies in
            c = self.kb.country(m.group(2))
            if c is not None:
                return c.iso3
        words = m.group(1).split()
        name = " ".join(w.capitalize() if w.isupper() and "." not in w else w for w in words)
        c = self.kb.country(name)
        if c is not None:
            return c.iso3
        return self.place_country(name, min_prior=3.0)

    def context_country(self, pos: int, body_ok: bool = False) -> str | None:
        """The one country the sentence (else the whole article) is about, if only one.

        A news agency or its reporters ('AFP', 'a Reuters correspondent') say who reported,
        not where: their country is no context."""
        sent = self.sent_of(pos)
        in_sent: set[str] = set()
        everywhere: set[str] = set()
        for m in self.mentions:
            if m.kind == "demonym" and self._modifier(m):
                continue  # "killed in a Russian drone strike": the doer's adjective, not theirs
            for ident in m.idents:
                info = self.infos[ident]
                if info.country and info.org is None and info.sector not in REPORTING_SECTORS:
                    everywhere.add(info.country)
                    if self.sent_of(m.start) == sent and info.kind != "person":
                        in_sent.add(info.country)
        if len(in_sent) == 1:
            return next(iter(in_sent))
        if len(everywhere) == 1:
            return next(iter(everywhere))
        return None

    def story_country(self) -> str | None:
        """The country the story is filed from or about: the dateline's, else the dominant
        one. Only what belongs to a state's inside (police, the opposition, a justice
        minister) takes it; foreigners, crowds and world leaders do not."""
        return self.dateline or self.dominant_country()

    def dominant_country(self) -> str | None:
        """The country an article without a dateline is about: the one its actors belong to
        far more often than to any other (live blogs, analyses, wire pages stripped of
        their dateline). Headline and lead count twice, as they state the story's subject.
        A country named only as a place or as another noun's adjective does not count, nor
        do news agencies. Computed once, when the phrases are resolved."""
        if self._dominant is not None:
            return self._dominant or None
        if not self._phrased:
            return None  # the phrases are not all resolved yet: too early to count
        counts: dict[str, float] = {}
        lead = self.sent_starts[min(3, len(self.sent_starts) - 1)] if self.sent_starts else 0
        line = self._dateline_span or (0, 0)
        for m in self.mentions:
            if m.kind == "demonym" and self._modifier(m):
                continue
            if m.kind in ("name", "metonym") and self._is_place(m):
                continue
            if line[0] <= m.start < line[1]:
                continue  # "SAN JOSE, Costa Rica —": where the reporter is, not who acts
            for ident in m.idents:
                info = self.infos[ident]
                if not info.country or info.org or info.sector in REPORTING_SECTORS:
                    continue
                counts[info.country] = counts.get(info.country, 0.0) + (
                    2.0 if m.start < lead else 1.0)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        top = ranked[0] if ranked else None
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        self._dominant = top[0] if top and top[1] >= 3 and top[1] >= 1.6 * second else ""
        return self._dominant or None

    def home_country(self, pos: int) -> str | None:
        """Whose is an un-owned 'Commerce Ministry'? The state last acting as a subject in
        its paragraph (never one its own clause names later), else the dateline's country,
        else the one country of the sentence or article."""
        para = self.paragraph_start(pos)
        sent = self.sent_of(pos)
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if m.end > pos:
                continue
            if m.start < para or self.sent_of(m.start) < sent - 3:
                break
            if len(m.idents) != 1:
                continue
            info = self.infos[m.idents[0]]
            if info.kind == "state" and info.country and self.is_subject(m) \
                    and not self._quoted(para, m.start):
                # a state acting inside the ministry's own quotation is who it speaks about
                return info.country
        if self.dateline:
            return self.dateline
        return self.context_country(pos, body_ok=True) or self.dominant_country()

    def paragraph_state(self, pos: int) -> str | None:
        """The only state named as an actor (not as a place) in the paragraph of ``pos``."""
        a = self.paragraph_start(pos)
        b = self.text.find("\n", pos)
        b = len(self.text) if b < 0 else b
        found: set[str] = set()
        for m in self.mentions:
            if not (a <= m.start < b):
                continue
            infos = [self.infos[i] for i in m.idents]
            if any(i.kind == "state" and i.country for i in infos) and not self._is_place(m):
                found.update(i.country for i in infos if i.country)
        return next(iter(found)) if len(found) == 1 else None

    def shared_modifier_country(self, start: int, end: int) -> str | None:
        """'Iranian missiles and drones', 'Kenya's police and soldiers': a nationality or an
        owner written once before coordinated nouns belongs to every conjunct, so a later
        conjunct takes the country of the first one's modifier."""
        head = self.token(start)
        while head.i + 1 < len(self.doc) and self.doc[head.i + 1].idx < end \
                and head.dep_ in ("compound", "amod"):
            head = self.doc[head.i + 1]
        if head.dep_ != "conj" or head.head.pos_ not in ("NOUN", "PROPN"):
            return None
        first = head.head
        for child in first.children:
            if child.dep_ not in ("amod", "poss", "compound", "nmod") or child.i > first.i:
                continue
            found = {self.infos[i].country for m in self.mentions
                     if m.start <= child.idx < m.end for i in m.idents
                     if self.infos[i].country and self.infos[i].org is None}
            if len(found) == 1:
                return next(iter(found))
        return None

    def located(self, end: int) -> str | None:
        """'protesters in Baghdad': the country of the place the text puts people in."""
        m = _PLACED.match(self.text, end)
        if not m:
            return None
        name = m.group(1).rstrip(".")  # "in Nairobi." ends a sentence
        c = self.kb.country(name)
        if c is not None:
            return c.iso3
        return self.place_country(name)

    def led_by(self, end: int) -> str | None:
        """'warplanes of the Turkish-led coalition', 'troops from the Nigerian-led force': a
        coalition named by its leader ('X-led') acts for the state that leads it, so its
        members are keyed to that state (not to where they fight). 'X-backed' is no such
        tie: a backer does not command."""
        m = _OF_THE.match(self.text, end)
        if not m:
            return None
        at = m.end()
        found = self.kb.scan(self.text[at:at + 40])
        if not found or found[0].start != 0 or found[0].entry.kind not in (
                "country", "demonym", "capital"):
            return None
        hit = found[0]
        if not _LED_BY.match(self.text, at + hit.end):
            return None
        return hit.entry.ref.iso3  # type: ignore[no-any-return]

    def located_in_clause(self, start: int, end: int) -> str | None:
        """'Several thousand protesters gathered again in Liberty Square in central Tbilisi':
        people who are the subject of a clause are where its verb puts them (a place in a
        locative phrase of that verb: a state, a capital, or a well-known city)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or span.root.dep_ not in SUBJECT_DEPS:
            return None
        verb = span.root.head
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in _WHERE:
                continue
            toks = list(prep.subtree)
            a, b = toks[0].idx, toks[-1].idx + len(toks[-1])
            for hit in self.kb.scan(self.text[a:b]):
                if hit.entry.kind in ("country", "capital"):
                    return hit.entry.ref.iso3
            for t in toks:
                if t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC", "FAC"):
                    found = self.place_country(t.text)
                    if found:
                        return found
        return None

    def _home_place(self, name: str) -> str | None:
        """The dateline's country when a small place of that name lies in it."""
        if self.dateline is None:
            return None
        try:
            entries = self.gazetteer().lookup(name)
        except Exception:  # noqa: BLE001 - no gazetteer data: no guess
            return None
        return self.dateline if any(e.country == self.dateline for e in entries) else None
