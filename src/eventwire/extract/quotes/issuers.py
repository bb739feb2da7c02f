"""Who issued a statement: "the statement said" speaks for the body that put it out.

A definite speech noun as speaker ("the statement said", "according to the communique")
with no owner inside its own phrase points back to a statement the text introduced
earlier. The issuer is read from how that earlier statement was introduced:

* its subject put it out: "the ministry issued a statement", "the rebels released a
  communique" (the ``issuing_verbs`` of ``reporting_verbs.yaml``);
* a cue said it through the statement: "the NLD said in a statement", "In a statement
  published on Monday, the NLD said";
* its own phrase names the owner: "Kerry's statement", "a statement from the ministry".

Actors named *inside* the quoted words are never the issuer: a statement that attacks
Greece is not Greece's statement. The search reads back a few sentences, so it is local.
"""
from __future__ import annotations

from typing import Any

from ...model import ActorRef
from .context import Context
from .speakers import Speakers
from .syntax import SUBJ_DEPS, np_bounds, subject

#: How many sentences back an earlier statement may be introduced.
MAX_SENTS = 8
_DEFINITE = frozenset({"the", "this", "that", "its", "their"})
_THROUGH = frozenset({"in", "through", "via", "with"})
_FROM = frozenset({"from", "by"})


def is_speech_noun(ctx: Context, tok: Any) -> bool:
    return tok.lemma_.lower() in ctx.cues.speech_nouns or tok.lower_ in ctx.cues.speech_nouns


def statement_issuer(ctx: Context, speakers: Speakers, noun: Any) -> ActorRef | None:
    """The issuer of the earlier statement a definite speech noun points back to."""
    first = noun.doc[noun.left_edge.i]
    if first.lower_ not in _DEFINITE:
        return None
    here = ctx.sent_index(noun.i)
    earlier: list[Any] = []
    for k in range(here, max(-1, here - MAX_SENTS), -1):
        earlier.extend(reversed([t for t in ctx.sents[k] if t.i < noun.i and t.pos_ == "NOUN"
                                 and not ctx.quoted[t.i] and is_speech_noun(ctx, t)]))
    lemma = noun.lemma_.lower()
    same = next((t for t in earlier if t.lemma_.lower() == lemma), None)
    if same is not None:  # "An announcement said ... the announcement said": that one
        return issuer_of(ctx, speakers, same)
    for tok in earlier:  # "issued a communique ... the statement said"
        ref = issuer_of(ctx, speakers, tok)
        if ref is not None:
            return ref
    return last_speaker(ctx, speakers, here)


#: How many sentences back "the statement" may refer to a speech act with no speech noun.
SPEECH_BACK = 2


def last_speaker(ctx: Context, speakers: Speakers, here: int) -> ActorRef | None:
    """"The ministry said the seizure was illegal. '...,' the statement said": the ministry.

    Bridging anaphora: a definite "the statement" with no statement introduced before it
    names the content of the last speech act, so its issuer is the subject of the nearest
    cue verb (outside quotation marks) of the sentences just before.
    """
    for k in range(here - 1, max(-1, here - 1 - SPEECH_BACK), -1):
        for tok in reversed(list(ctx.sents[k])):
            if tok.pos_ not in ("VERB", "AUX") or ctx.quoted[tok.i] or not ctx.is_cue_verb(tok):
                continue
            subj = subject(tok, ctx.cues.verbs)
            if subj is not None and not is_speech_noun(ctx, subj) and subj.dep_ in SUBJ_DEPS:
                ref = _named(speakers, subj, tok)
                if ref is not None:
                    return ref
    return None


def issuer_of(ctx: Context, speakers: Speakers, noun: Any) -> ActorRef | None:
    """Who put out the statement ``noun`` names, read from its own clause (None if unsaid)."""
    start, end = np_bounds(noun)
    owner = speakers.from_span(start, end, None)  # "Kerry's statement", "a PCG statement"
    if owner is not None and owner.actor is not None:
        return owner
    for prep in noun.children:  # "a statement from the ministry"
        if prep.dep_ == "prep" and prep.lower_ in _FROM:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return _named(speakers, obj, None)
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in ctx.cues.issuing_verbs:
        subj = subject(head, ctx.cues.verbs)  # "the ministry issued a statement"
        return _named(speakers, subj, head) if subj is not None else None
    if noun.dep_ == "nsubjpass" and head.lemma_.lower() in ctx.cues.issuing_verbs:
        for agent in (c for c in head.children if c.dep_ == "agent"):  # "was issued by X"
            for obj in agent.children:
                if obj.dep_ == "pobj":
                    return _named(speakers, obj, None)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _THROUGH:
        verb = head.head  # "X said in a statement", "In a statement, X said"
        if verb.pos_ in ("VERB", "AUX") and ctx.is_cue_verb(verb):
            subj = subject(verb, ctx.cues.verbs)
            if subj is not None and not is_speech_noun(ctx, subj) and subj.dep_ in SUBJ_DEPS:
                return _named(speakers, subj, verb)
    return None


def _named(speakers: Speakers, tok: Any, verb: Any | None) -> ActorRef | None:
    """The actor a phrase resolves to, or None when it names nobody the index knows."""
    ref, _ = speakers.resolve(tok, verb)
    return ref if ref.actor is not None else None
