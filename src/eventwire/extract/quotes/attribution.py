"""Cues: find the reporting verb (or "according to") of one quoted segment and its speaker.

A segment looks for its cue just after it (``"…," he said``), just before it
(``Shoigu said: "…"``), above it in the parse (``warned of a "deep crisis"``), in an
``according to X`` of its sentence, or in the clause before a colon. Segments with no cue
are scare quotes or titles and are dropped (unless discourse gives them a speaker later).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from ...model import ActorRef
from .context import Context
from .issuers import statement_issuer
from .marks import Segment
from .speakers import Speakers
from .syntax import (cue_path, is_ancestor, np_bounds, root_of, subject, verb_on_path)


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: str
    speaker: ActorRef
    speaker_text: str


def attribute_verb(ctx: Context, speakers: Speakers, verb: Any) -> Attribution | None:
    subj = subject(verb, ctx.cues.verbs)
    if subj is None:
        return None
    if subj.lemma_.lower() in ctx.cues.speech_nouns or subj.lower_ in ctx.cues.speech_nouns:
        owner = owner_of_speech(ctx, speakers, subj) or statement_issuer(ctx, speakers, subj)
        start, end = np_bounds(subj)
        words = ctx.text[start:end]
        cue = f"{subj.text} {verb.text}"
        if owner is not None:
            return Attribution(cue, owner, words)
        return Attribution(cue, ActorRef(actor=None, name=words), words)
    ref, words = speakers.resolve(subj, verb)
    return Attribution(verb.text, ref, words)


def owner_of_speech(ctx: Context, speakers: Speakers, noun: Any) -> ActorRef | None:
    """Whose statement: a name inside "the U.S. statement" / "a statement from the ministry"."""
    start, end = np_bounds(noun)
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
            for m in ctx.actors.back_from(start):
                if start - m.start > 600:
                    break
                if len(m.actors) != 1 or m.kind == "pronoun":
                    continue
                inst = ctx.actors.get(m.actors[0])
                if inst.kind == "organization" and inst.country == owner.country:
                    return ctx.actors.ref(inst.id)
    return owner


def attribution_phrase(ctx: Context, tokens: Sequence[Any]) -> Any | None:
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


def attribute_according(ctx: Context, speakers: Speakers, obj: Any) -> Attribution:
    if obj.lemma_.lower() in ctx.cues.speech_nouns:
        owner = owner_of_speech(ctx, speakers, obj) or statement_issuer(ctx, speakers, obj)
        start, end = np_bounds(obj)
        words = ctx.text[start:end]
        return Attribution("according to", owner or ActorRef(None, words), words)
    ref, words = speakers.resolve(obj)
    return Attribution("according to", ref, words)


def attribute_segment(ctx: Context, speakers: Speakers, segments: Sequence[Segment],
                      n: int) -> tuple[Segment, Attribution, str] | None:
    """Find the cue of one quoted segment; None for scare quotes and uncued fragments."""
    seg = segments[n]
    p_start, p_end = ctx.paragraphs[seg.para]
    nxt = segments[n + 1].open if n + 1 < len(segments) and segments[n + 1].para == seg.para \
        else p_end
    prev = segments[n - 1].close + 1 if n > 0 and segments[n - 1].para == seg.para else p_start
    if is_scare(ctx, seg):
        return None
    lead = ctx.text[prev:seg.open].strip()
    sentence_start = not lead or lead[-1] in ".!?:" or lead.endswith(('."', ".”"))
    direct = sentence_start and ctx.text[seg.start].isupper()
    kind = "direct" if direct else "partial"
    inner = [t for t in ctx.tokens(seg.start, seg.end) if seg.start <= t.idx < seg.end]
    if not direct:  # a phrase inside a clause: the verb governing it speaks first
        got = cue_before(ctx, speakers, seg, prev)
        if got is not None:
            return seg, got[0], got[1]
        if not long_enough(inner):
            return None
    if seg.closed:
        att = cue_after(ctx, speakers, seg, nxt)
        if att is not None:
            return seg, att, kind
    if direct:
        got = cue_before(ctx, speakers, seg, prev)
        if got is not None:
            return seg, got[0], got[1]
    att = according_in_sentence(ctx, speakers, inner)
    if att is not None:
        return seg, att, kind
    if direct and lead.endswith(":"):
        att = colon_speaker(ctx, speakers, seg, prev)
        if att is not None:
            return seg, att, kind
    if not direct:
        att = clause_subject(ctx, speakers, seg, inner)
        if att is not None:
            return seg, att, "partial"
    return None


#: Partial quotes shorter than this (words) may be names or scare quotes.
_NARRATED_MIN_WORDS = 4


def clause_subject(ctx: Context, speakers: Speakers, seg: Segment,
                   inner: Sequence[Any]) -> Attribution | None:
    """``He held the party responsible for "every death and every injury"``: a quoted phrase
    of several words inside a narrated act, with no reporting verb, is the words of the
    act's subject (the writer quotes what the actor said while doing it). Only persons and
    organisations; a short or name-like phrase stays a scare quote."""
    words = [t for t in inner if t.is_alpha]
    if len(words) < _NARRATED_MIN_WORDS or all(w.text[0].isupper() for w in words
                                               if not w.is_stop):
        return None  # short, or a title in Title Case ("Joint Declaration of Peace")
    root = root_of(inner)
    if root is None:
        return None
    for verb in root.ancestors:
        if ctx.quoted[verb.i] or verb.pos_ not in ("VERB", "AUX"):
            continue
        if not partial_ok(ctx, seg, verb, inner):
            return None
        subj = subject(verb, ctx.cues.verbs)
        if subj is None or ctx.quoted[subj.i] or subj.i > seg.open:
            return None
        ref, text = speakers.resolve(subj, verb)
        try:
            kind = ctx.actors.get(ref.actor).kind if ref.actor else None
        except KeyError:
            kind = None
        if kind not in ("person", "organization", "igo"):
            return None
        return Attribution(verb.text, ref, text)
    return None


def cue_after(ctx: Context, speakers: Speakers, seg: Segment,
               limit: int) -> Attribution | None:
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
        if t.text in (".", "!", "?") and t.idx > seg.close + 1 and not _abbreviation(ctx, t):
            break
    if not window:
        return None
    if not closes_clause(ctx, seg):
        return None
    finished = ctx.text[seg.start:seg.end].rstrip().endswith(".")
    for i, t in enumerate(window):
        if ctx.is_cue_verb(t):
            if any(a.dep_ in ("relcl", "acl") and a.idx > seg.close and not ctx.quoted[a.head.i]
                   for a in [t, *t.ancestors] if a.i <= t.i):
                continue  # "a relative, who asked not to be named, was quoted as saying"
                # (a cue the parser hung as a relative clause *inside* the quote is still one)
            if finished and any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
                return None  # '... a "flimsy excuse." The military said it would ...'
            subj = subject(t, ctx.cues.verbs)
            allowed = {x.i for x in subj.subtree} if subj is not None else set()
            allowed |= cue_path(t)
            between = window[:i]
            if all(b.i in allowed or b.is_punct or b.dep_ in ("npadvmod", "advmod")
                   or b.lower_ in ctx.cues.abbreviations  # "Brig." hung off the quote
                   for b in between):
                return attribute_verb(ctx, speakers, t)
            return None
        if t.lower_ in {p[0] for p in ctx.cues.attributions}:
            obj = attribution_phrase(ctx, window[i:])
            if obj is not None and all(b.is_punct for b in window[:i]):
                return attribute_according(ctx, speakers, obj)
    return None


def _abbreviation(ctx: Context, dot: Any) -> bool:
    """"Brig. Adrian Freer", "Gen. Ruiz": a period glued to a title abbreviation (data:
    ``abbreviations``) before a capitalised word shortens the title; it ends no sentence."""
    if dot.text != "." or dot.i == 0 or dot.i + 1 >= len(dot.doc):
        return False
    prev, nxt = dot.doc[dot.i - 1], dot.doc[dot.i + 1]
    return (not prev.whitespace_ and prev.lower_ in ctx.cues.abbreviations
            and nxt.text[:1].isupper())


def closes_clause(ctx: Context, seg: Segment) -> bool:
    """A quote followed by its attribution ends with , . ? ! (inside or just outside)."""
    inside = ctx.text[seg.start - 1:seg.close].rstrip()
    if inside and inside[-1] in ",.?!…—-":
        return True
    rest = ctx.text[seg.close + 1:seg.close + 3].lstrip()
    return bool(rest) and rest[0] in ",—–-"


def cue_before(ctx: Context, speakers: Speakers, seg: Segment,
                floor: int) -> tuple[Attribution, str] | None:
    """``Shoigu said: "…"`` (direct) or ``warned of a "deep crisis"`` (partial)."""
    inner = [t for t in ctx.tokens(seg.start, seg.end) if seg.start <= t.idx < seg.end]
    if not inner:
        return None
    sent_start = inner[0].sent.start_char
    lo = max(floor, sent_start)
    before = [t for t in ctx.tokens(lo, seg.open) if lo <= t.idx < seg.open and not ctx.quoted[t.i]]
    root = root_of(inner)
    lead = ctx.text[lo:seg.open].rstrip()
    if is_scare(ctx, seg):
        return None
    sentence_like = (ctx.text[seg.start].isupper()
                     and (not lead or lead[-1] in ":,"))
    if sentence_like and lead:
        for t in reversed(before):
            if ctx.is_cue_verb(t):
                between = [b for b in before if b.i > t.i]
                if all(b.is_punct or is_ancestor(t, b) for b in between):
                    att = attribute_verb(ctx, speakers, t)
                    return (att, "direct") if att else None
                break
    if root is None:
        return None
    for anc in root.ancestors:  # partial: the quote hangs under a reporting verb
        if ctx.quoted[anc.i]:
            continue
        aside = [c for c in anc.children if c.dep_ == "parataxis" and c.i < seg.open
                 and ctx.is_cue_verb(c)]
        if aside and not ctx.is_cue_verb(anc) and partial_ok(ctx, seg, aside[0], inner):
            att = attribute_verb(ctx, speakers, aside[0])  # "X, he said, would stay "…""
            if att is not None:
                return att, "partial"
        if ctx.is_cue_verb(anc):
            if not partial_ok(ctx, seg, anc, inner):
                return None
            att = attribute_verb(ctx, speakers, anc)
            if att is not None:
                return att, "partial"
            continue  # a cue without a speaker ("was announced"): look further up
        if (anc.dep_ == "dobj" and anc.lemma_.lower() in ctx.cues.clause_nouns
                and anc.head.lemma_.lower() in ctx.cues.clause_verbs
                and verb_on_path(root, anc) and partial_ok(ctx, seg, anc.head, inner)):
            verb = anc.head
            att = attribute_verb(ctx, speakers, verb)
            if att is None:
                return None
            return Attribution(f"{verb.text} {anc.text}", att.speaker, att.speaker_text), \
                "partial"
    return None


def according_in_sentence(ctx: Context, speakers: Speakers,
                           inner: Sequence[Any]) -> Attribution | None:
    """``According to the statement, they will "work side by side"``."""
    if not inner:
        return None
    sent = inner[0].sent
    toks = [t for t in sent if not ctx.quoted[t.i]]
    obj = attribution_phrase(ctx, toks)
    return attribute_according(ctx, speakers, obj) if obj is not None else None


def colon_speaker(ctx: Context, speakers: Speakers, seg: Segment,
                   floor: int) -> Attribution | None:
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
        subj = subject(verb, ctx.cues.verbs)
        if subj is not None and subj.i < seg.open and subj.idx >= floor:
            ref, words = speakers.resolve(subj, verb)
            return Attribution(verb.text, ref, words)
    return None


def long_enough(inner: Sequence[Any]) -> bool:
    return sum(1 for t in inner if t.is_alpha) >= 2


def is_scare(ctx: Context, seg: Segment) -> bool:
    """so-called "color revolutions", a "Spearhead Force": marked or name-like quotes."""
    lead = ctx.text[max(0, seg.open - 30):seg.open].lower().split()
    for marker in ctx.cues.scare_markers:
        if len(lead) >= len(marker) and tuple(lead[-len(marker):]) == marker:
            return True
    return False


def partial_ok(ctx: Context, seg: Segment, cue: Any, inner: Sequence[Any]) -> bool:
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
