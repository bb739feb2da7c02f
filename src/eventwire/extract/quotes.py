"""Quotes: direct, partial and indirect quotations with their speakers.

Public surface: ``extract_quotes(doc, actors) -> list[Quote]``, a pure function over a parsed
Doc and the article's ``ActorIndex``. The cue words live in ``data/reporting_verbs.yaml``.

How it reads an article:

1. Quote marks are paired per paragraph (straight, curly, guillemets). A mark that never
   closes is dropped, unless it opens the paragraph (the newswire convention for a quote that
   runs on into the next paragraph), so stray marks never swallow unquoted text.
2. Each quoted segment looks for its cue: a reporting verb just after it (``"…," he said``),
   just before it (``Shoigu said: "…"``), governing it (``warned of a "deep crisis"``), or an
   ``according to X``. A full-sentence segment without a cue of its own takes the speaker of
   its neighbour in the paragraph (``"…," Shoigu said. "…"``). Segments with no cue at all
   are scare quotes or titles and are dropped.
3. Reporting verbs outside quote marks with a clausal complement give indirect quotes.
4. The speaker is the cue's subject, resolved through the ``ActorIndex``; when the index has
   no mention there, a small fallback of our own looks back for the antecedent (last person
   for "he"/"she", an earlier phrase with the same noun for "the official").
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable, Sequence

import yaml

from ..errors import KnowledgeError
from ..nlp import doc_text
from ..model import ActorRef, Mention, Quote

log = logging.getLogger(__name__)

CUES_FILE = "reporting_verbs.yaml"

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
#: Characters a closing straight quote may be followed by.
_AFTER_CLOSE = set(" \t,.;:!?)]}—–-…'’")
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_ACTIVE_SUBJ_DEPS = ("nsubj", "csubj")
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
#: "was quoted as saying", "was cited as saying": the passive subject is the speaker.
_QUOTED_AS = {"quote", "cite"}
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_GROUP = {"it"}
_PRONOUNS_PLURAL = {"they"}
#: Singular nouns for groups that "they" can point back to ("the family ... They said").
_COLLECTIVE = frozenset({"family", "government", "group", "team", "delegation", "council",
                         "committee", "party", "union", "ministry", "police", "army",
                         "administration", "opposition", "alliance", "coalition", "campaign"})
_PLURAL_TAGS = ("NNS", "NNPS")
_HYPOTHETICAL = {"would", "could", "might", "may", "should"}
_FINITE = ("VBD", "VBZ", "VBP")
#: Words that open a relative clause: "during which the military denied that ...".
_RELATIVE_WORDS = {"who", "whom", "whose", "which", "when", "where"}
_WH_WORDS = {"what", "how", "why", "where", "when", "who", "whom", "which"}
_DETS_DEFINITE = {"the", "this", "that"}
_BETWEEN_OK_DEPS = {"punct", "npadvmod", "advmod", "prep", "pobj", "det", "compound", "amod",
                    "nummod", "dative", "dobj", "poss", "case", "cc"}
MAX_QUOTE_CHARS = 3000
#: A wire dateline opening a paragraph: "NAIROBI, Kenya — ", "KAMPALA (Reuters) - ".
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,[^—–\n]{1,30}?)?(?: \([^)]{1,30}\))? ?(?:—|–|--|-) ")


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue vocabulary: which words report speech (see ``data/reporting_verbs.yaml``)."""

    verbs: frozenset[str]
    speech_nouns: frozenset[str]
    clause_verbs: frozenset[str]
    clause_nouns: frozenset[str]
    attributions: tuple[tuple[str, ...], ...]
    naming_verbs: frozenset[str]
    scare_markers: tuple[tuple[str, ...], ...]
    person_nouns: frozenset[str]
    not_with_particles: frozenset[str] = frozenset()
    own_voice_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_mapping(cls, data: Any, path: str = CUES_FILE) -> "Cues":
        """Validate a parsed YAML mapping; errors name the file and the bad key."""
        if not isinstance(data, dict):
            raise KnowledgeError(path, None, "expected a mapping of cue lists at top level")
        keys = ("verbs", "speech_nouns", "clause_verbs", "clause_nouns", "attributions",
                "naming_verbs", "scare_markers", "person_nouns", "not_with_particles",
                "own_voice_nouns")
        lists: dict[str, list[str]] = {}
        for key in keys:
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                      for v in value):
                raise KnowledgeError(path, None, f"{key!r} must be a list of non-empty strings")
            lists[key] = [v.strip().lower() for v in value]
        unknown = set(data) - set(keys)
        if unknown:
            raise KnowledgeError(path, None, f"unknown keys {sorted(unknown)}; expected {keys}")
        if not lists["verbs"]:
            raise KnowledgeError(path, None, "'verbs' is empty; quotes need reporting verbs")
        return cls(
            verbs=frozenset(lists["verbs"]),
            speech_nouns=frozenset(lists["speech_nouns"]),
            clause_verbs=frozenset(lists["clause_verbs"]),
            clause_nouns=frozenset(lists["clause_nouns"]),
            attributions=tuple(tuple(a.split()) for a in lists["attributions"]),
            naming_verbs=frozenset(lists["naming_verbs"]),
            scare_markers=tuple(tuple(m.split()) for m in lists["scare_markers"]),
            person_nouns=frozenset(lists["person_nouns"]),
            not_with_particles=frozenset(lists["not_with_particles"]),
            own_voice_nouns=frozenset(lists["own_voice_nouns"]),
        )


@functools.lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read the shipped cue file once (it is immutable data, so caching is safe)."""
    ref = resources.files("eventwire") / "data" / CUES_FILE
    try:
        data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(str(ref), None, f"not valid YAML: {exc}") from exc
    return Cues.from_mapping(data, str(ref))


# -- quote marks -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Segment:
    """One pair of quote marks: ``open``/``close`` index the marks (close may be para end)."""

    open: int
    close: int
    start: int  # the quoted words, trimmed
    end: int
    para: int
    closed: bool


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def find_quote_marks(text: str) -> list[_Segment]:
    """Pair quote marks paragraph by paragraph; unbalanced marks are dropped, never fatal."""
    segments: list[_Segment] = []
    paragraphs = _paragraphs(text)
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        opened: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in OPEN_MARKS and ch not in CLOSE_MARKS and ch != STRAIGHT:
                continue
            prev = text[i - 1] if i > p_start else " "
            nxt = text[i + 1] if i + 1 < p_end else " "
            if ch == STRAIGHT:
                if opened is None:
                    if not nxt.isspace():
                        opened = i
                    continue
                if prev.isspace() and not nxt.isspace() and nxt not in _AFTER_CLOSE:
                    opened = i  # the earlier mark was stray; this one opens
                    continue
                is_close = True
            else:
                is_close = ch in CLOSE_MARKS
                if not is_close:
                    opened = i
                    continue
            if is_close and opened is not None:
                s, e = _trim(text, opened + 1, i)
                if e > s and any(c.isalpha() for c in text[s:e]):
                    segments.append(_Segment(opened, i, s, e, p_index, True))
                opened = None
        runs_on = p_index + 1 < len(paragraphs) and (
            text[paragraphs[p_index + 1][0]] in OPEN_MARKS + STRAIGHT)
        if opened is not None and (runs_on or not text[p_start:opened].strip()):
            s, e = _trim(text, opened + 1, p_end)
            if e > s and e - s <= MAX_QUOTE_CHARS and any(c.isalpha() for c in text[s:e]):
                segments.append(_Segment(opened, p_end, s, e, p_index, False))
    return segments


# -- the parse around a segment ------------------------------------------------------------

class _Context:
    """Per-document lookups: which tokens are quoted, cue vocabulary, actor index."""

    def __init__(self, doc: Any, actors: Any, cues: Cues, segments: Sequence[_Segment]):
        self.doc = doc
        self.text: str = doc.text
        self.actors = actors
        self.cues = cues
        self.segments = segments
        self.quoted = [False] * len(doc)
        for seg in segments:
            for tok in self.tokens(seg.open, seg.close + 1):
                self.quoted[tok.i] = True

    def tokens(self, start: int, end: int) -> list[Any]:
        """Tokens overlapping [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return [t for t in self.doc if t.idx < end and t.idx + len(t) > start]
        return list(span)

    def is_cue_verb(self, tok: Any) -> bool:
        if tok.lemma_.lower() not in self.cues.verbs:
            return False
        if tok.pos_ not in ("VERB", "AUX") and not (  # "the statement read" tagged a noun
                tok.pos_ == "NOUN" and any(c.dep_ in _SUBJ_DEPS for c in tok.children)):
            return False
        if self.quoted[tok.i]:
            return False
        return not any(c.dep_ == "prt" and c.lower_ in self.cues.not_with_particles
                       for c in tok.children)


def _root_of(tokens: Sequence[Any]) -> Any | None:
    """The token of a stretch whose head lies outside it (the stretch's syntactic root)."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            if t.is_alpha:
                return t
    return tokens[0] if tokens else None


def _is_ancestor(anc: Any, tok: Any) -> bool:
    return any(a.i == anc.i for a in tok.ancestors)


def _subject(verb: Any, cue_verbs: frozenset[str] = frozenset()) -> Any | None:
    """The subject of a cue verb, climbing conj/xcomp/advcl chains ("and warned", "saying").

    Two constructions need more than the parse gives: ``X was quoted as saying`` (the speaker
    is the passive subject of "quoted") and a participle cue the parser hung inside another
    cue's complement (``USAID said its OFDA was ..., adding that``): "adding" shares the
    subject of the reporting verb, not of the clause it was attached to.
    """
    quoted = _quoted_as(verb)
    if quoted is not None:
        return quoted
    if verb.tag_ == "VBG" and cue_verbs and not any(
            c.dep_ in _SUBJ_DEPS for c in verb.children):
        governor = _governing_cue(verb, cue_verbs)
        if governor is not None:
            return _subject(governor, cue_verbs)
    seen = 0
    cur = verb
    while cur is not None and seen < 4:
        subjects = [c for c in cur.children if c.dep_ in _ACTIVE_SUBJ_DEPS]
        if subjects:  # a bad parse may give two; the one nearest the verb is the speaker
            subj = min(subjects, key=lambda c: abs(c.i - cur.i))
            relative = subj.lower_ in _RELATIVE_PRONOUNS or any(
                c.lower_ == "whose" for c in subj.children)
            if relative and cur.dep_ == "relcl":
                return cur.head  # "Amr, who said ..." / "China, whose officials said" -> antecedent
            return subj
        if any(c.dep_ == "nsubjpass" for c in cur.children):
            # "was announced by X": the speaker is the agent, never the passive subject
            for agent in (c for c in cur.children if c.dep_ == "agent"):
                objs = [g for g in agent.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
            return None
        if cur.dep_ in ("conj", "xcomp", "advcl", "acl") and cur.head.i != cur.i:
            cur = cur.head
            seen += 1
            continue
        return None
    return None


def _quoted_as(verb: Any) -> Any | None:
    """``X was quoted (by Reuters) as saying``: the passive subject of "quoted" speaks."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    quote = verb.head.head
    if quote.lemma_.lower() not in _QUOTED_AS:
        return None
    subj = [c for c in quote.children if c.dep_ == "nsubjpass"]
    return subj[0] if subj else None


def _governing_cue(participle: Any, cue_verbs: frozenset[str]) -> Any | None:
    """The reporting verb whose complement a participle was attached inside, if any."""
    cur = participle
    for _ in range(5):
        if cur.dep_ not in ("advcl", "xcomp", "conj", "ccomp") or cur.head.i == cur.i:
            return None
        up = cur.head
        if cur.dep_ == "ccomp" and cur is not participle and up.lemma_.lower() in cue_verbs:
            return up
        cur = up
    return None


def _np_bounds(head: Any) -> tuple[int, int]:
    """Character bounds of a subject phrase, without its relative clauses."""
    drop: set[int] = set()
    for t in head.subtree:
        if t.i != head.i and t.dep_ in ("relcl", "acl"):
            drop.update(x.i for x in t.subtree)
    keep = [t for t in head.subtree if t.i not in drop]
    for k in range(1, len(keep)):  # ", who was being treated ..." is not part of the name
        if keep[k].lower_ in _RELATIVE_PRONOUNS and keep[k - 1].text == "," and k > 1:
            keep = keep[:k - 1]
            break
    while len(keep) > 1 and keep[-1].is_punct:
        keep.pop()
    while len(keep) > 1 and keep[0].is_punct:
        keep.pop(0)
    start, end = keep[0].idx, keep[-1].idx + len(keep[-1])
    text = doc_text(head.doc)
    if text.count("(", start, end) > text.count(")", start, end) and text[end:end + 1] == ")":
        end += 1  # "U.S. European Command (EUCOM)"
    return start, end


def _head_noun(tok: Any) -> str:
    """"secretary-general" -> "secretary": the title word that says who the person is."""
    return tok.lemma_.lower().split("-")[0]


# -- speakers -------------------------------------------------------------------------------

class _Speakers:
    """Turns a subject token into an ActorRef, with our own fallback for unmentioned subjects."""

    def __init__(self, ctx: _Context) -> None:
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
        for m in reversed(self.ctx.actors.before(pos)):
            if not m.actors or self._in_quote(m.start):
                continue
            if m.kind == "pronoun":
                continue
            if self._actor_kind(m) in wanted:
                return self._ref(m)
        return None

    def recent_subject(self, tok: Any, kinds: Iterable[str], max_sents: int = 6,
                       skip: frozenset[int] = frozenset(), resolved: str | None = None
                       ) -> ActorRef | None:
        """The antecedent of a pronoun speaker, read back sentence by sentence.

        In the nearest earlier sentence naming a candidate, the subject of its main clause
        wins ("Seoul's office said the council met. It said ..." is the office). The
        resolver's choice (``resolved``) is kept when it is that subject, or when it is named
        only further back (it may know gender); it is dropped when its only earlier naming
        lies inside the words this pronoun is reporting (``skip``: "Abizaid was there, he
        added" is not Abizaid speaking).
        """
        wanted = set(kinds)
        sents = list(self.ctx.doc.sents)
        here = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        if resolved is not None and not self._named_before(resolved, tok, skip):
            resolved = None
        for k in range(here, max(-1, here - max_sents), -1):
            sent = sents[k]
            limit = tok.idx if k == here else sent.end_char
            cands = [m for m in self.ctx.actors.in_span(sent.start_char, limit)
                     if m.actors and not self._in_quote(m.start)
                     and self._actor_kind(m) in wanted and m.start != tok.idx
                     and not any(t.i in skip for t in self.ctx.tokens(m.start, m.end))]
            if not cands:
                continue
            main = [m for m in cands if self._is_main_subject(m)]
            if resolved is not None:
                if any(resolved in m.actors for m in cands):
                    if not main or any(resolved in m.actors for m in main):
                        return self.ctx.actors.ref(resolved)
                    return self._ref(main[-1])
                if not main or wanted == {"person"}:
                    return self.ctx.actors.ref(resolved)
                return self._ref(main[-1])
            if main:
                return self._ref(main[-1])
            subjects = [m for m in cands if any(
                t.dep_ in _SUBJ_DEPS or (t.dep_ in ("compound", "appos") and t.head.dep_ in _SUBJ_DEPS)
                for t in self.ctx.tokens(m.start, m.end))]
            return self._ref((subjects or cands)[-1])
        if resolved is not None:
            return self.ctx.actors.ref(resolved)
        return self.last_before(tok.idx, wanted)

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
            if subj.dep_ not in _SUBJ_DEPS or subj.head.i == subj.i:
                continue
            verb = subj.head
            while verb.dep_ == "conj" and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ == "ROOT" or verb.lemma_.lower() in self.ctx.cues.verbs:
                return True
        return False

    def _in_quote(self, pos: int) -> bool:
        return any(s.open < pos < s.close for s in self.ctx.segments)

    def by_same_noun(self, head: Any, same_number: bool = False) -> ActorRef | None:
        """"the official" -> the latest earlier phrase headed by "official" that names someone."""
        lemma = head.lemma_.lower()
        for chunk in reversed(list(self.ctx.doc.noun_chunks)):
            if chunk.end > head.i - 0 and chunk.start <= head.i:
                continue
            if chunk.root.i >= head.i or chunk.root.lemma_.lower() != lemma:
                continue
            if same_number and head.tag_ in _PLURAL_TAGS and chunk.root.tag_ not in _PLURAL_TAGS:
                continue
            if self.ctx.quoted[chunk.root.i]:
                continue
            ref = self.from_span(chunk.start_char, chunk.end_char, chunk.root)
            if ref is not None:
                return ref
        return None

    def resolve(self, subj: Any, verb: Any | None = None) -> tuple[ActorRef, str]:
        """(speaker, the words naming it) for a subject token (of ``verb``, if a cue)."""
        start, end = _np_bounds(subj)
        words = self.ctx.text[start:end]
        low = subj.lower_
        if subj.pos_ == "PRON" or low in _PRONOUNS_PERSON:
            return self.pronoun(subj, verb) or ActorRef(actor=None, name=words), words
        ref = self.from_span(start, end, subj)
        if ref is not None:
            return ref, words
        if subj.pos_ == "PROPN":
            ref = self.by_name_part(subj)
            if ref is not None:
                return ref, words
        first = next(iter(subj.subtree))
        if first.lower_ in _DETS_DEFINITE or first.i == subj.i:
            # a bare noun names the same group only in the same number: "Officials" is not
            # "one Indian defence official"; "police" may be "Iraqi troops and police"
            ref = self.by_same_noun(subj, same_number=first.i == subj.i)
            if ref is None and _head_noun(subj) in self.ctx.cues.person_nouns:
                ref = self.recent_subject(subj, ("person",))
            if ref is not None:
                return ref, words
        return ActorRef(actor=None, name=words), words

    def pronoun(self, subj: Any, verb: Any | None) -> ActorRef | None:
        """A pronoun speaker: the resolver's antecedent, checked against the discourse."""
        low = subj.lower_
        if low in _PRONOUNS_PERSON:
            kinds: tuple[str, ...] = ("person",)
        elif low in _PRONOUNS_GROUP:
            kinds = ("organization", "igo", "state", "group")
        elif low in _PRONOUNS_PLURAL:
            kinds = ("organization", "igo", "state", "group")
        else:
            return None
        on = [m for m in self.ctx.actors.at(subj.idx, subj.idx + len(subj)) if m.actors]
        resolved = on[0].actors[0] if on and len(on[0].actors) == 1 else None
        if on and resolved is None:  # "they" for several actors: keep what the resolver says
            return self._ref(on[0])
        skip = _reported_tokens(self.ctx, verb) if verb is not None else frozenset()
        if low in _PRONOUNS_PLURAL:  # "they": the resolver's group, else last plural subject
            if resolved is not None and self._named_before(resolved, subj, skip):
                return self.ctx.actors.ref(resolved)
            return self.plural_subject(subj)
        return self.recent_subject(subj, kinds, skip=skip, resolved=resolved)

    def plural_subject(self, subj: Any) -> ActorRef | None:
        """"They said": the plural or collective subject ("the family", "the government") of
        a recent sentence's main clause, as words (quoted words are skipped)."""
        sents = list(self.ctx.doc.sents)
        here = next((k for k, s in enumerate(sents) if s.start <= subj.i < s.end), 0)
        for k in range(here - 1, max(-1, here - 4), -1):
            root = sents[k].root
            for c in root.children:
                if c.dep_ not in _SUBJ_DEPS or self.ctx.quoted[c.i]:
                    continue
                if c.tag_ in ("NNS", "NNPS") or c.lemma_.lower() in _COLLECTIVE:
                    start, end = _np_bounds(c)
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
        for m in reversed(self.ctx.actors.before(tok.idx)):
            if not m.actors or m.kind == "pronoun" or self._actor_kind(m) != "person":
                continue
            try:
                name = self.ctx.actors.get(m.actors[0]).name
            except KeyError:
                continue
            if word in name.lower().replace("-", " ").split():
                return self._ref(m)
        return None


# -- cues ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Attribution:
    cue: str
    speaker: ActorRef
    speaker_text: str


def _attribute_verb(ctx: _Context, speakers: _Speakers, verb: Any) -> _Attribution | None:
    subj = _subject(verb, ctx.cues.verbs)
    if subj is None:
        return None
    if subj.lemma_.lower() in ctx.cues.speech_nouns or subj.lower_ in ctx.cues.speech_nouns:
        owner = _owner_of_speech(ctx, speakers, subj)
        start, end = _np_bounds(subj)
        words = ctx.text[start:end]
        cue = f"{subj.text} {verb.text}"
        if owner is not None:
            return _Attribution(cue, owner, words)
        return _Attribution(cue, ActorRef(actor=None, name=words), words)
    ref, words = speakers.resolve(subj, verb)
    return _Attribution(verb.text, ref, words)


def _reported_tokens(ctx: _Context, verb: Any) -> frozenset[int]:
    """The tokens a cue reports: its clausal complement, a clause it interrupts, quoted words
    of its sentence. A pronoun speaker never refers back into these."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in ("ccomp", "dep"):
            out.update(t.i for t in c.subtree)
    if verb.head.i != verb.i and (verb.dep_ == "parataxis" or (
            verb.dep_ == "ccomp" and ctx.quoted[verb.head.i])):  # '"…," he said' hung under "…"
        own = {t.i for t in verb.subtree}
        out.update(t.i for t in verb.head.subtree if t.i not in own)
    sent = verb.sent
    out.update(i for i in range(sent.start, sent.end) if ctx.quoted[i])
    return frozenset(out)


def _owner_of_speech(ctx: _Context, speakers: _Speakers, noun: Any) -> ActorRef | None:
    """Whose statement: a name inside "the U.S. statement" / "a statement from the ministry"."""
    start, end = _np_bounds(noun)
    mentions = [m for m in ctx.actors.in_span(start, end) if m.actors]
    if not mentions:
        return None
    owner = speakers.from_span(start, end, None)
    if owner is not None and owner.actor is not None:
        # "the U.S. statement" after "a State Department readout said": a country's
        # statement is issued by the institution of that country the text just named
        try:
            kind = ctx.actors.get(owner.actor).kind
        except KeyError:
            kind = None
        if kind == "state":
            for m in reversed(ctx.actors.before(start)):
                if start - m.start > 600:
                    break
                if len(m.actors) != 1 or m.kind == "pronoun":
                    continue
                inst = ctx.actors.get(m.actors[0])
                if inst.kind == "organization" and inst.country == owner.country:
                    return ctx.actors.ref(inst.id)
    return owner


def _attribution_phrase(ctx: _Context, tokens: Sequence[Any]) -> Any | None:
    """The object of "according to" among ``tokens``, if any."""
    toks = list(tokens)
    for phrase in ctx.cues.attributions:
        n = len(phrase)
        for i in range(len(toks) - n + 1):
            if tuple(t.lower_ for t in toks[i:i + n]) == phrase and not ctx.quoted[toks[i].i]:
                last = toks[i + n - 1]
                objs = [c for c in last.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
                nxt = [t for t in toks[i + n:] if t.pos_ in ("NOUN", "PROPN", "PRON")]
                if nxt:
                    return nxt[0]
    return None


def _attribute_according(ctx: _Context, speakers: _Speakers, obj: Any) -> _Attribution:
    if obj.lemma_.lower() in ctx.cues.speech_nouns:
        owner = _owner_of_speech(ctx, speakers, obj)
        start, end = _np_bounds(obj)
        words = ctx.text[start:end]
        return _Attribution("according to", owner or ActorRef(None, words), words)
    ref, words = speakers.resolve(obj)
    return _Attribution("according to", ref, words)


def _sentence_bounds(ctx: _Context, tok: Any) -> tuple[int, int]:
    sent = tok.sent
    return sent.start_char, sent.end_char


def _cue_after(ctx: _Context, speakers: _Speakers, seg: _Segment,
               limit: int) -> _Attribution | None:
    """``"…," the official said`` / ``"…," said Shoigu`` / ``"…," according to X``."""
    after = ctx.tokens(seg.close + 1, limit)
    after = [t for t in after if t.idx > seg.close]
    if not after:
        return None
    # stop at the end of the sentence that follows the mark
    window: list[Any] = []
    for t in after:
        if ctx.quoted[t.i]:
            break
        window.append(t)
        if t.text in (".", "!", "?") and t.idx > seg.close + 1:
            break
    if not window:
        return None
    if not _closes_clause(ctx, seg):
        return None
    finished = ctx.text[seg.start:seg.end].rstrip().endswith(".")
    for i, t in enumerate(window):
        if ctx.is_cue_verb(t):
            if any(a.dep_ in ("relcl", "acl") and a.idx > seg.close
                   for a in [t, *t.ancestors] if a.i <= t.i):
                continue  # "a relative, who asked not to be named, was quoted as saying"
            if finished and any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
                return None  # '... a "flimsy excuse." The military said it would ...'
            subj = _subject(t, ctx.cues.verbs)
            allowed = {x.i for x in subj.subtree} if subj is not None else set()
            allowed |= _cue_path(t)
            between = window[:i]
            if all(b.i in allowed or b.is_punct or b.dep_ in ("npadvmod", "advmod")
                   for b in between):
                return _attribute_verb(ctx, speakers, t)
            return None
        if t.lower_ in {p[0] for p in ctx.cues.attributions}:
            obj = _attribution_phrase(ctx, window[i:])
            if obj is not None and all(b.is_punct for b in window[:i]):
                return _attribute_according(ctx, speakers, obj)
    return None


def _cue_path(verb: Any) -> set[int]:
    """Words between a speaker and its cue that belong to the cue: "was quoted by Reuters as"."""
    out: set[int] = set()
    for anc in verb.ancestors:
        out.add(anc.i)
        for c in anc.children:
            if c.dep_ in ("aux", "auxpass", "agent", "neg", "prep") and c.i < verb.i:
                out.update(x.i for x in c.subtree)
    return out


def _closes_clause(ctx: _Context, seg: _Segment) -> bool:
    """A quote followed by its attribution ends with , . ? ! (inside or just outside)."""
    inside = ctx.text[seg.start - 1:seg.close].rstrip()
    if inside and inside[-1] in ",.?!…—-":
        return True
    rest = ctx.text[seg.close + 1:seg.close + 3].lstrip()
    return bool(rest) and rest[0] in ",—–-"


def _cue_before(ctx: _Context, speakers: _Speakers, seg: _Segment,
                floor: int) -> tuple[_Attribution, str] | None:
    """``Shoigu said: "…"`` (direct) or ``warned of a "deep crisis"`` (partial)."""
    inner = [t for t in ctx.tokens(seg.start, seg.end) if seg.start <= t.idx < seg.end]
    if not inner:
        return None
    sent_start, _ = _sentence_bounds(ctx, inner[0])
    lo = max(floor, sent_start)
    before = [t for t in ctx.tokens(lo, seg.open) if lo <= t.idx < seg.open and not ctx.quoted[t.i]]
    root = _root_of(inner)
    lead = ctx.text[lo:seg.open].rstrip()
    if _is_scare(ctx, seg):
        return None
    sentence_like = (ctx.text[seg.start].isupper()
                     and (not lead or lead[-1] in ":,"))
    if sentence_like and lead:
        for t in reversed(before):
            if ctx.is_cue_verb(t):
                between = [b for b in before if b.i > t.i]
                if all(b.is_punct or _is_ancestor(t, b) for b in between):
                    att = _attribute_verb(ctx, speakers, t)
                    return (att, "direct") if att else None
                break
    if root is None:
        return None
    for anc in root.ancestors:  # partial: the quote hangs under a reporting verb
        if ctx.quoted[anc.i]:
            continue
        aside = [c for c in anc.children if c.dep_ == "parataxis" and c.i < seg.open
                 and ctx.is_cue_verb(c)]
        if aside and not ctx.is_cue_verb(anc) and _partial_ok(ctx, seg, aside[0], inner):
            att = _attribute_verb(ctx, speakers, aside[0])  # "X, he said, would stay "…""
            if att is not None:
                return att, "partial"
        if ctx.is_cue_verb(anc):
            if not _partial_ok(ctx, seg, anc, inner):
                return None
            att = _attribute_verb(ctx, speakers, anc)
            if att is not None:
                return att, "partial"
            continue  # a cue without a speaker ("was announced"): look further up
        if (anc.dep_ == "dobj" and anc.lemma_.lower() in ctx.cues.clause_nouns
                and anc.head.lemma_.lower() in ctx.cues.clause_verbs
                and _verb_on_path(root, anc) and _partial_ok(ctx, seg, anc.head, inner)):
            verb = anc.head
            att = _attribute_verb(ctx, speakers, verb)
            if att is None:
                return None
            return _Attribution(f"{verb.text} {anc.text}", att.speaker, att.speaker_text), \
                "partial"
    return None


def _verb_on_path(tok: Any, top: Any) -> bool:
    """Is there a clause (a verb) between a quoted phrase and the noun governing it?"""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX"):
            return True
        cur = cur.head
    return False


def _is_scare(ctx: _Context, seg: _Segment) -> bool:
    """so-called "color revolutions", a "Spearhead Force": marked or name-like quotes."""
    lead = ctx.text[max(0, seg.open - 30):seg.open].lower().split()
    for marker in ctx.cues.scare_markers:
        if len(lead) >= len(marker) and tuple(lead[-len(marker):]) == marker:
            return True
    return False


def _partial_ok(ctx: _Context, seg: _Segment, cue: Any, inner: Sequence[Any]) -> bool:
    """A partial quote is words someone said, not a name: 2+ words, not all Title Case."""
    words = [t for t in inner if t.is_alpha]
    if not words:
        return False
    if len(words) == 1:
        return cue.lemma_.lower() in ctx.cues.naming_verbs
    caps = [w for w in words if w.text[0].isupper() or w.is_stop]
    title_like = len(words) <= 6 and len(caps) == len(words) and sum(
        w.text[0].isupper() for w in words) >= max(1, len(words) - 1)
    return not title_like


# -- main ----------------------------------------------------------------------------------

def extract_quotes(doc: Any, actors: Any, cues: Cues | None = None) -> list[Quote]:
    """Every quotation of an article with its speaker, in text order."""
    cues = cues or load_cues()
    text: str = doc.text
    segments = find_quote_marks(text)
    ctx = _Context(doc, actors, cues, segments)
    speakers = _Speakers(ctx)
    paragraphs = _paragraphs(text)

    found: list[tuple[_Segment, _Attribution, str] | None] = []
    for n, seg in enumerate(segments):
        try:
            found.append(_attribute_segment(ctx, speakers, segments, n, paragraphs))
        except Exception:  # a bad parse must not lose the article's other quotes
            log.exception("quote at %d-%d could not be attributed", seg.start, seg.end)
            found.append(None)
    indirect: list[Quote] = []
    try:
        indirect = _indirect(ctx, speakers)
    except Exception:  # never lose the direct quotes to a parse oddity
        log.exception("indirect quotes failed")
    _inherit(ctx, segments, found, indirect)
    _continuations(ctx, segments, found)

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


def _attribute_segment(ctx: _Context, speakers: _Speakers, segments: Sequence[_Segment],
                       n: int, paragraphs: Sequence[tuple[int, int]]
                       ) -> tuple[_Segment, _Attribution, str] | None:
    """Find the cue of one quoted segment; None for scare quotes and uncued fragments."""
    seg = segments[n]
    p_start, p_end = paragraphs[seg.para]
    nxt = segments[n + 1].open if n + 1 < len(segments) and segments[n + 1].para == seg.para \
        else p_end
    prev = segments[n - 1].close + 1 if n > 0 and segments[n - 1].para == seg.para else p_start
    if _is_scare(ctx, seg):
        return None
    lead = ctx.text[prev:seg.open].strip()
    sentence_start = not lead or lead[-1] in ".!?:" or lead.endswith(('."', ".”"))
    direct = sentence_start and ctx.text[seg.start].isupper()
    kind = "direct" if direct else "partial"
    inner = [t for t in ctx.tokens(seg.start, seg.end) if seg.start <= t.idx < seg.end]
    if not direct:  # a phrase inside a clause: the verb governing it speaks first
        got = _cue_before(ctx, speakers, seg, prev)
        if got is not None:
            return seg, got[0], got[1]
        if not _long_enough(inner):
            return None
    if seg.closed:
        att = _cue_after(ctx, speakers, seg, nxt)
        if att is not None:
            return seg, att, kind
    if direct:
        got = _cue_before(ctx, speakers, seg, prev)
        if got is not None:
            return seg, got[0], got[1]
    att = _according_in_sentence(ctx, speakers, inner)
    if att is not None:
        return seg, att, kind
    if direct and lead.endswith(":"):
        att = _colon_speaker(ctx, speakers, seg, prev)
        if att is not None:
            return seg, att, kind
    return None


def _according_in_sentence(ctx: _Context, speakers: _Speakers,
                           inner: Sequence[Any]) -> _Attribution | None:
    """``According to the statement, they will "work side by side"``."""
    if not inner:
        return None
    sent = inner[0].sent
    toks = [t for t in sent if not ctx.quoted[t.i]]
    obj = _attribution_phrase(ctx, toks)
    return _attribute_according(ctx, speakers, obj) if obj is not None else None


def _colon_speaker(ctx: _Context, speakers: _Speakers, seg: _Segment,
                   floor: int) -> _Attribution | None:
    """``Baloch struck a harder tone: "…"``: the clause before the colon names the speaker."""
    before = [t for t in ctx.tokens(floor, seg.open) if floor <= t.idx < seg.open
              and not ctx.quoted[t.i]]
    if not before:
        return None
    sent = before[-1].sent
    ids = {t.i for t in before if t.i >= sent.start}
    verbs = [t for t in before if t.i in ids and t.pos_ in ("VERB", "AUX")
             and (t.dep_ == "ROOT" or t.head.i == t.i or t.head.i not in ids)]
    for verb in verbs:
        subj = _subject(verb, ctx.cues.verbs)
        if subj is not None and subj.i < seg.open and subj.idx >= floor:
            ref, words = speakers.resolve(subj, verb)
            return _Attribution(verb.text, ref, words)
    return None


def _long_enough(inner: Sequence[Any]) -> bool:
    return sum(1 for t in inner if t.is_alpha) >= 2


def _inherit(ctx: _Context, segments: Sequence[_Segment],
             found: list[tuple[_Segment, _Attribution, str] | None],
             indirect: Sequence[Quote] = ()) -> None:
    """Cue-less full sentences take the speaker of their neighbour in the paragraph:
    the nearest earlier quote or reported clause, else the next quote, else (for a paragraph
    that opens with the quote) the last quote of the paragraph before."""
    paragraphs = _paragraphs(ctx.text)
    for n, seg in enumerate(segments):
        if found[n] is not None or _is_scare(ctx, seg):
            continue
        if not _sentence_like(ctx, seg, segments, n):
            continue
        p_start, p_end = paragraphs[seg.para]
        earlier: list[tuple[int, _Attribution]] = []
        for m in range(n - 1, -1, -1):
            if segments[m].para != seg.para:
                break
            hit = found[m]
            if hit is not None:
                earlier.append((segments[m].open, hit[1]))
                break
        for q in indirect:
            if p_start <= q.start < seg.open and q.speaker is not None:
                earlier.append((q.start, _Attribution(q.cue or "", q.speaker,
                                                      q.speaker_text or q.speaker.name)))
        donor: _Attribution | None = max(earlier, key=lambda e: e[0])[1] if earlier else None
        if donor is None:
            for m in range(n + 1, len(segments)):
                if segments[m].para != seg.para:
                    break
                hit = found[m]
                if hit is not None:
                    donor = hit[1]
                    break
        if donor is None and n > 0 and _opens_paragraph(ctx, seg):
            prev = segments[n - 1]
            hit = found[n - 1]
            if prev.para == seg.para - 1 and hit is not None and (
                    not prev.closed or hit[2] == "direct"):
                donor = hit[1]
        if donor is not None:
            found[n] = (seg, donor, "direct")


def _continuations(ctx: _Context, segments: Sequence[_Segment],
                   found: list[tuple[_Segment, _Attribution, str] | None]) -> None:
    """'"The barrier is coming down," he said, "and we will build a bridge."': the second
    piece finishes the sentence the first began, so it is as direct as the first."""
    for n in range(1, len(segments)):
        prev, hit, cur = segments[n - 1], found[n - 1], found[n]
        if hit is None or cur is None or hit[2] != "direct" or cur[2] != "partial":
            continue
        if prev.para != segments[n].para or not prev.closed:
            continue
        gap = ctx.text[prev.close + 1:segments[n].open]
        if (gap.strip().endswith(",") and len(gap) <= 120 and not any(c in gap for c in ".!?")
                and hit[1].cue.split()[-1] in gap and cur[1].speaker == hit[1].speaker):
            found[n] = (cur[0], cur[1], "direct")


def _opens_paragraph(ctx: _Context, seg: _Segment) -> bool:
    for p_start, p_end in _paragraphs(ctx.text):
        if p_start <= seg.open < p_end:
            return not ctx.text[p_start:seg.open].strip()
    return False


def _sentence_like(ctx: _Context, seg: _Segment, segments: Sequence[_Segment], n: int) -> bool:
    """A quoted full sentence: capitalised, 4+ words, not inside running prose."""
    if not ctx.text[seg.start].isupper():
        return False
    if len(ctx.text[seg.start:seg.end].split()) < 4:
        return False
    lo = 0
    if n > 0 and segments[n - 1].para == seg.para:
        lo = segments[n - 1].close + 1
    else:
        lo = next(p for p in _paragraphs(ctx.text) if p[0] <= seg.open < p[1] + 1)[0]
    lead = ctx.text[lo:seg.open].strip()
    return not lead or lead[-1] in ".!?:"


def _clause_quote(ctx: _Context, toks: Sequence[Any], anchor: int,
                  att: _Attribution) -> Quote | None:
    """An indirect quote over ``toks``, kept inside the anchor's paragraph, no dateline."""
    para_start = ctx.text.rfind("\n", 0, anchor) + 1
    para_end = ctx.text.find("\n", anchor)
    para_end = len(ctx.text) if para_end < 0 else para_end
    toks = [t for t in toks if para_start <= t.idx < para_end and not t.is_space]
    while toks and ((toks[0].dep_ == "mark" and toks[0].lower_ == "that") or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in ".!?":
        toks = toks[:-1]
    if len(toks) < 3:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    head = _DATELINE.match(ctx.text, start, end)
    if head:
        start = head.end()
    if end - start < 10:
        return None
    return Quote(text=ctx.text[start:end], start=start, end=end, kind="indirect", cue=att.cue,
                 speaker=att.speaker, speaker_text=att.speaker_text)


def _indirect(ctx: _Context, speakers: _Speakers) -> list[Quote]:
    """Reporting verbs outside quote marks with a clausal complement: ``He said NATO was …``."""
    out: list[Quote] = []
    for tok in ctx.doc:
        if not ctx.is_cue_verb(tok) or not _reports(ctx, tok):
            continue
        sent = tok.sent
        para_end = ctx.text.find("\n", tok.idx)
        para_end = len(ctx.text) if para_end < 0 else para_end
        para_start = ctx.text.rfind("\n", 0, tok.idx) + 1
        toks = _complement(ctx, tok)
        if toks is None:
            continue
        toks = [t for t in toks if sent.start <= t.i < sent.end
                and para_start <= t.idx < para_end]
        if any(ctx.quoted[t.i] for t in toks):
            continue  # the quote marks carry it: a direct or partial quote
        if toks and toks[0].i <= tok.i <= toks[-1].i and tok.dep_ != "parataxis":
            continue  # the cue sits inside its own complement: a parse tangle
        att = _attribute_verb(ctx, speakers, tok)
        if att is None:
            continue
        quote = _clause_quote(ctx, toks, tok.idx, att)
        if quote is not None:
            out.append(quote)
    out.extend(_according_indirect(ctx, speakers))
    return out


def _reports(ctx: _Context, verb: Any) -> bool:
    """Is this cue reporting what was said? Not when it is negated ("did not say why"),
    hypothetical ("a reasonable observer would conclude"), a naming verb ("calls the ballot an
    assault"), or a relative clause whose gap sits in the complement ("sheets the opposition
    says it collected")."""
    if verb.lemma_.lower() in ctx.cues.naming_verbs:
        return False
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL):
            return False
    if verb.dep_ == "relcl":
        inside = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
        if not any(t.lower_ in _RELATIVE_WORDS for t in verb.subtree if t.i not in inside):
            return False
    return True


def _complement(ctx: _Context, verb: Any) -> list[Any] | None:
    """The words a cue reports, as tokens in order; None when it has no clause to report.

    The that-clause after the verb wins over a clause before it ("In a dissent she read
    aloud, X argued that ..."); pieces the parser hung on the verb itself stay with the
    clause ("placed on | standby in case ...", "said between | 400 and 500 people had
    been"); "said the attack, coming ..., showed" (a subject read as an object) is a clause;
    so is the clause a parenthetical cue interrupts ("Anyone unhappy, he added, should ...").
    """
    comps = [c for c in verb.children if c.dep_ == "ccomp" and _has_subject(c)]
    after = [c for c in comps if c.i > verb.i]
    if verb.dep_ == "parataxis" and not comps and verb.head.pos_ in ("VERB", "AUX") \
            and _has_subject(verb.head) and verb.head.i > verb.i:
        own = {t.i for t in verb.subtree}
        toks = [t for t in verb.head.subtree if t.i not in own]
        stops = [t.i for t in toks if t.i < verb.i and t.text in (":", ";")]
        if stops:  # "He repeated his promise: if ..., he said, it will ...": the last clause
            toks = [t for t in toks if t.i > stops[-1]]
        return toks if not _wh_clause(toks) else None
    if not comps:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        clause = [c for c in verb.children if c.dep_ == "advcl" and objs
                  and c.i > objs[0].i and c.tag_ in _FINITE and not _has_subject(c)
                  and not any(g.dep_ == "mark" for g in c.children)]
        if not objs or not clause or verb.lemma_.lower() == "tell":
            return None
        ids = {t.i for t in objs[0].subtree} | {t.i for t in clause[0].subtree}
        toks = [t for t in verb.doc[objs[0].left_edge.i:clause[0].right_edge.i + 1]
                if t.i in ids or t.is_punct]
        return toks if not _wh_clause(toks) else None
    comp = (sorted(after, key=lambda c: not any(g.dep_ == "mark" for g in c.children))
            or comps)[0]
    if _wh_clause(list(comp.subtree)):
        return None  # "struggled to describe what he had found", "condemned what he described"
    ids = {t.i for t in comp.subtree}
    if comp.i > verb.i:
        for c in verb.children:
            if c.i > comp.i and (c.dep_ == "dep" or (c.dep_ == "ccomp" and c is not comp)):
                ids.update(t.i for t in c.subtree)
        first = min(ids)
        lead = verb.doc[first - 1] if first > 0 else None
        if lead is not None and lead.head.i == verb.i and lead.dep_ == "prep" \
                and not list(lead.children) and lead.i == verb.i + 1:
            ids.add(lead.i)  # a preposition that lost its object to the clause
    lo, hi = min(ids), max(ids)
    return [t for t in verb.doc[lo:hi + 1] if t.i in ids or (t.is_punct and lo < t.i < hi)]


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _wh_clause(toks: Sequence[Any]) -> bool:
    """A complement opened by what/how/why/...: an embedded question, not reported words."""
    words = [t for t in toks if not t.is_punct and t.dep_ != "mark"]
    return bool(words) and words[0].lower_ in _WH_WORDS


def _according_indirect(ctx: _Context, speakers: _Speakers) -> list[Quote]:
    """``According to Jaime, investors should …`` / ``…, according to the ministry``."""
    out: list[Quote] = []
    for sent in ctx.doc.sents:
        toks = list(sent)
        if any(ctx.quoted[t.i] for t in toks):
            continue
        obj = _attribution_phrase(ctx, toks)
        if obj is None:
            continue
        words = [t for t in toks if t.lower_ == "according" and t.i < obj.i]
        if not words:
            continue
        first = words[-1].i
        last = max(t.i for t in obj.subtree)
        rest = [t for t in toks if (t.i < first or t.i > last)]
        if any(ctx.is_cue_verb(t) and _reports(ctx, t) and _complement(ctx, t)
               for t in rest):
            continue  # "X has said ... and, according to reports, detained Y": X's words
        if rest and rest[0].i < first and rest[-1].i > last:
            rest = [t for t in rest if t.i < first]  # "X, according to Y, and Z": keep X
        att = _attribute_according(ctx, speakers, obj)
        quote = _clause_quote(ctx, rest, obj.idx, att)
        if quote is not None:
            out.append(quote)
    return out


__all__ = ["Cues", "extract_quotes", "find_quote_marks", "load_cues"]
