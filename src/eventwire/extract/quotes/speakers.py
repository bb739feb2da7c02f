"""Speakers: from the subject token of a cue to the actor who speaks.

The ``ActorIndex`` names most speakers directly; for the rest a small discourse model of our
own reads back: pronouns to the recent main-clause subject, definite descriptions ("the
official") to an earlier phrase with the same head noun, surnames to the full name.
"""
from __future__ import annotations

from typing import Any, Iterable

from ...model import ActorRef, Mention
from .context import LOOKBACK_CHARS, Context
from .roles import check_title, read_title
from .syntax import SUBJ_DEPS, head_noun, np_bounds, reported_tokens

PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_GROUP = {"it"}
PRONOUNS_PLURAL = {"they"}
#: Singular nouns for groups that "they" can point back to ("the family ... They said").
COLLECTIVE = frozenset({"family", "government", "group", "team", "delegation", "council",
                        "committee", "party", "union", "ministry", "police", "army",
                        "administration", "opposition", "alliance", "coalition", "campaign"})
PLURAL_TAGS = ("NNS", "NNPS")
DETS_DEFINITE = {"the", "this", "that"}
#: Earlier phrases with the same head noun tried for a description ("the official"): the
#: antecedent is one of the last few, and the bound keeps long transcripts linear.
MAX_SAME_NOUN = 12


class Speakers:
    """Turns a subject token into an ActorRef, with our own fallback for unmentioned subjects."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def _actor_kind(self, m: Mention) -> str | None:
        try:
            return self.ctx.actors.get(m.actors[0]).kind
        except (KeyError, IndexError):
            return None

    def _ref(self, m: Mention) -> ActorRef | None:
        for aid in m.actors:
            try:
                return self.ctx.actors.ref(aid)
            except KeyError:
                continue
        return None

    def from_span(self, start: int, end: int, head: Any | None) -> ActorRef | None:
        """The actor a phrase names: the mention on its head, else a person, else the nearest."""
        mentions = [m for m in self.ctx.actors.in_span(start, end) if m.actors]
        if head is not None:
            on_head = [m for m in self.ctx.actors.at(head.idx, head.idx + len(head)) if m.actors]
            on_head.sort(key=lambda m: (self._actor_kind(m) != "person", m.end - m.start))
            for m in on_head:
                ref = self._ref(m)
                if ref is not None:
                    return ref
        if not mentions:
            return None
        if head is not None and (head.lemma_.lower() in self.ctx.cues.own_voice_nouns
                                 or head.lower_ in self.ctx.cues.own_voice_nouns):
            return None  # "Corbett's family" speaks, not Corbett
        persons = [m for m in mentions if self._actor_kind(m) == "person"]
        if persons:
            return self._ref(persons[-1])
        if head is not None:
            before = [m for m in mentions if m.end <= head.idx + len(head)]
            if before:
                return self._ref(before[-1])
        return self._ref(mentions[0])

    def last_before(self, pos: int, kinds: Iterable[str]) -> ActorRef | None:
        """The nearest earlier mention of one of ``kinds``, outside quote marks."""
        wanted = set(kinds)
        for m in self.ctx.actors.back_from(pos):
            if not m.actors or self.ctx.in_quote(m.start):
                continue
            if m.kind == "pronoun":
                continue
            if self._actor_kind(m) in wanted:
                return self._ref(m)
        return None

    def recent_subject(self, tok: Any, kinds: Iterable[str], max_sents: int = 6,
                       skip: frozenset[int] = frozenset(), resolved: str | None = None,
                       depth: int = 0) -> ActorRef | None:
        """The antecedent of a pronoun speaker, read back sentence by sentence.

        In the nearest earlier sentence naming a candidate, the subject of its main clause
        wins ("Seoul's office said the council met. It said ..." is the office). The
        resolver's choice (``resolved``) is kept when it is that subject, or when it is named
        only further back (it may know gender); it is dropped when its only earlier naming
        lies inside the words this pronoun is reporting (``skip``: "Abizaid was there, he
        added" is not Abizaid speaking). A main-clause subject that is itself an unresolved
        pronoun of the same kind ("He warned Uribe that ... '…,' he said") continues the
        chain: the speaker is that pronoun's antecedent, not a person it talks about.
        """
        wanted = set(kinds)
        sents = self.ctx.sents
        here = self.ctx.sent_index(tok.i)
        if resolved is not None and not self._named_before(resolved, tok, skip):
            resolved = None
        for k in range(here, max(-1, here - max_sents), -1):
            sent = sents[k]
            limit = tok.idx if k == here else sent.end_char
            # overlapping, not inside: a parse may cut "Justice | Minister X says" in two
            cands = [m for m in self.ctx.actors.at(sent.start_char, limit)
                     if m.start < limit and m.actors and not self.ctx.in_quote(m.start)
                     and self._actor_kind(m) in wanted and m.start != tok.idx
                     and not any(t.i in skip for t in self.ctx.tokens(m.start, m.end))]
            main = [m for m in cands if self._is_main_subject(m)]
            chained = self._pronoun_subject(sent, tok if k == here else None, wanted)
            if chained is not None and not main and chained.i not in skip and depth < 3:
                return self.recent_subject(chained, kinds, max_sents, skip, depth=depth + 1)
            if not cands:
                continue
            if resolved is not None:
                if any(resolved in m.actors for m in cands):
                    if not main or any(resolved in m.actors for m in main):
                        return self.ctx.actors.ref(resolved)
                    return self._ref(main[-1])
                if not main or not self._same_gender(main[-1], tok):
                    return self.ctx.actors.ref(resolved)
                return self._ref(main[-1])
            if main:
                return self._ref(main[-1])
            subjects = [m for m in cands if any(
                t.dep_ in SUBJ_DEPS or (t.dep_ in ("compound", "appos") and t.head.dep_ in SUBJ_DEPS)
                for t in self.ctx.tokens(m.start, m.end))]
            return self._ref((subjects or cands)[-1])
        if resolved is not None:
            return self.ctx.actors.ref(resolved)
        return self.last_before(tok.idx, wanted)

    @staticmethod
    def _same_gender(m: Mention, tok: Any) -> bool:
        """Can a pronoun continue a subject? "she" never continues a "he" (names: unknown,
        so yes)."""
        gender = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
        a, b = gender.get(m.text.lower()), gender.get(tok.lower_)
        return a is None or b is None or a == b

    def _pronoun_subject(self, sent: Any, before: Any | None, wanted: set[str]) -> Any | None:
        """The main-clause subject of ``sent`` when it is a pronoun of the wanted kind that
        the actor index left unresolved (before ``before``, outside quote marks)."""
        root = sent.root
        lows = PRONOUNS_PERSON if wanted == {"person"} else PRONOUNS_GROUP
        for c in root.children:
            if c.dep_ not in ("nsubj", "nsubjpass") or c.lower_ not in lows:
                continue
            if (before is not None and c.i >= before.i) or self.ctx.quoted[c.i]:
                return None
            if any(m.actors for m in self.ctx.actors.at(c.idx, c.idx + len(c))):
                return None  # resolved: it is among the candidates already
            return c
        return None

    def _named_before(self, actor_id: str, tok: Any, skip: frozenset[int]) -> bool:
        """Is the actor named (not by a pronoun) before ``tok``, outside the reported words?"""
        for m in self.ctx.actors.of(actor_id):
            if m.start >= tok.idx:
                break
            if m.kind == "pronoun":
                continue
            if not any(t.i in skip for t in self.ctx.tokens(m.start, m.end)):
                return True
        return False

    def _is_main_subject(self, m: Mention) -> bool:
        """Does the mention hold the subject of its sentence's main clause (or of a cue)?"""
        for t in self.ctx.tokens(m.start, m.end):
            subj = t
            while subj.dep_ in ("compound", "appos", "amod", "nmod") and subj.head.i != subj.i:
                subj = subj.head
            if subj.dep_ not in SUBJ_DEPS or subj.head.i == subj.i:
                continue
            verb = subj.head
            while verb.dep_ == "conj" and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ == "ROOT" or verb.lemma_.lower() in self.ctx.cues.verbs:
                return True
        return False

    def by_same_noun(self, head: Any, same_number: bool = False) -> ActorRef | None:
        """"the official" -> the latest earlier phrase headed by "official" that names someone."""
        lemma = head.lemma_.lower()
        tried = 0
        for chunk in reversed(self.ctx.chunks_headed(lemma)):
            if chunk.end > head.i and chunk.start <= head.i:
                continue
            if chunk.root.i >= head.i:
                continue
            if head.idx - chunk.start_char > LOOKBACK_CHARS or tried >= MAX_SAME_NOUN:
                break
            tried += 1
            if same_number and head.tag_ in PLURAL_TAGS and chunk.root.tag_ not in PLURAL_TAGS:
                continue
            if self.ctx.quoted[chunk.root.i]:
                continue
            ref = self.from_span(chunk.start_char, chunk.end_char, chunk.root)
            if ref is not None:
                return ref
        return None

    def resolve(self, subj: Any, verb: Any | None = None) -> tuple[ActorRef, str]:
        """(speaker, the words naming it) for a subject token (of ``verb``, if a cue)."""
        start, end = np_bounds(subj)
        words = self.ctx.text[start:end]
        low = subj.lower_
        if subj.pos_ == "PRON" or low in PRONOUNS_PERSON:
            return self.pronoun(subj, verb) or ActorRef(actor=None, name=words), words
        ref = self.from_span(start, end, subj)
        if subj.text.islower() and self._country_only_quoted(ref, start, end, verb):
            ref = None  # "…Bolivia…," the foreign ministry said: not Bolivia's ministry
        title = read_title(self.ctx, subj, start, end)
        if title is not None:  # "the former premier", "the Venezuelan leader"
            held = check_title(self.ctx, title, ref, start)
            if held is not None:
                return held, words
        if ref is not None:
            return ref, words
        if subj.pos_ == "PROPN":
            ref = self.by_name_part(subj)
            if ref is not None:
                return ref, words
        first = next(iter(subj.subtree))
        if first.lower_ in DETS_DEFINITE or first.i == subj.i:
            # a bare noun names the same group only in the same number: "Officials" is not
            # "one Indian defence official"; "police" may be "Iraqi troops and police"
            ref = self.by_same_noun(subj, same_number=first.i == subj.i)
            if ref is None and head_noun(subj) in self.ctx.cues.person_nouns:
                ref = self.recent_subject(subj, ("person",))
            if ref is not None:
                return ref, words
        return ActorRef(actor=None, name=words), words

    def _country_only_quoted(self, ref: ActorRef | None, start: int, end: int,
                             verb: Any | None) -> bool:
        """Did a description speaker get its country from the words it reports?

        "the foreign ministry said" after a quote naming another country is not that
        country's ministry: a speaker is never identified by a country that the text names
        only inside the speaker's own reported words. A description that names its country
        ("the Peruvian ministry") is left alone, and so is one whose country the text names
        before, outside quotes.
        """
        if ref is None or ref.actor is None or not ref.country or verb is None:
            return False
        phrase = [t for t in self.ctx.tokens(start, end) if start <= t.idx < end]
        if any(t.text[:1].isupper() and not (k == 0 and t.lower_ in DETS_DEFINITE)
               for k, t in enumerate(phrase)):
            return False  # "the Peruvian ministry", "U.S. officials" name their country
        reported = reported_tokens(self.ctx, verb)
        if not reported:
            return False
        doc = self.ctx.doc
        lo, hi = doc[min(reported)].idx, doc[max(reported)].idx + len(doc[max(reported)])

        def names_country(m: Mention) -> bool:
            return any(self.ctx.actors.get(a).country == ref.country for a in m.actors)

        if not any(names_country(m) for m in self.ctx.actors.in_span(lo, hi)):
            return False
        for m in self.ctx.actors.back_from(start):
            if m.kind == "pronoun" or (lo <= m.start < hi) or self.ctx.in_quote(m.start):
                continue
            if names_country(m):
                return False
        return True

    def pronoun(self, subj: Any, verb: Any | None) -> ActorRef | None:
        """A pronoun speaker: the resolver's antecedent, checked against the discourse."""
        low = subj.lower_
        if low in PRONOUNS_PERSON:
            kinds: tuple[str, ...] = ("person",)
        elif low in PRONOUNS_GROUP:
            kinds = ("organization", "igo", "state", "group")
        elif low in PRONOUNS_PLURAL:
            kinds = ("organization", "igo", "state", "group")
        else:
            return None
        on = [m for m in self.ctx.actors.at(subj.idx, subj.idx + len(subj)) if m.actors]
        resolved = on[0].actors[0] if on and len(on[0].actors) == 1 else None
        if on and resolved is None:  # "they" for several actors: keep what the resolver says
            return self._ref(on[0])
        skip = reported_tokens(self.ctx, verb) if verb is not None else frozenset()
        if low in PRONOUNS_PLURAL:  # "they": the resolver's group, else last plural subject
            if resolved is not None and self._named_before(resolved, subj, skip):
                return self.ctx.actors.ref(resolved)
            return self.plural_subject(subj)
        return self.recent_subject(subj, kinds, skip=skip, resolved=resolved)

    def plural_subject(self, subj: Any) -> ActorRef | None:
        """"They said": the plural or collective subject ("the family", "the government") of
        a recent sentence's main clause, as words (quoted words are skipped)."""
        sents = self.ctx.sents
        here = self.ctx.sent_index(subj.i)
        for k in range(here - 1, max(-1, here - 4), -1):
            root = sents[k].root
            for c in root.children:
                if c.dep_ not in SUBJ_DEPS or self.ctx.quoted[c.i]:
                    continue
                if c.tag_ in ("NNS", "NNPS") or c.lemma_.lower() in COLLECTIVE:
                    start, end = np_bounds(c)
                    on = [m for m in self.ctx.actors.at(c.idx, c.idx + len(c)) if m.actors]
                    if on and len(on[0].actors) == 1:
                        ref = self.ctx.actors.ref(on[0].actors[0])
                        return ActorRef(actor=ref.actor, name=self.ctx.text[start:end],
                                        country=ref.country, org=ref.org, sector=ref.sector)
                    return ActorRef(actor=None, name=self.ctx.text[start:end])
        return None

    def by_name_part(self, tok: Any) -> ActorRef | None:
        """"Ausaf said" when the index missed it: the earlier person whose name holds the word."""
        word = tok.text.lower()
        for m in self.ctx.actors.back_from(tok.idx):
            if not m.actors or m.kind == "pronoun" or self._actor_kind(m) != "person":
                continue
            try:
                name = self.ctx.actors.get(m.actors[0]).name
            except KeyError:
                continue
            if word in name.lower().replace("-", " ").split():
                return self._ref(m)
        return None
