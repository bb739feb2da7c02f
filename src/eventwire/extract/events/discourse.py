"""Discourse arguments: what a clause leaves unsaid because the article already said it.

News is written between a few parties. Once the article has named them, a clause often leaves
one of its arguments implicit (linguists call it *null instantiation*) and relies on the
reader to know who is meant. Each function here handles one such phenomenon for every verb,
from article-level facts computed once (so coding stays linear in the article's length):

- ``participants``: the article's two discourse participants, the two states it is mostly
  about (by mentions), when a second one is prominent enough to be a party at all.
- ``implicit_counterpart``: a reaction to a thing that names no doer ("Kiev turned down an
  offer", "denied any part in the revolt", "rejected the proposal") is aimed at the other
  discourse participant (a non-state actor's charge or refusal that names no one, an
  opposition's or a cleric's, answers its own state: ``unaddressed.dissent_state``).
"""
from __future__ import annotations

from typing import Any

from ...nlp import doc_text
from .dictionary import ANIMATE
from .fallbacks import _definite
from .frame import _Candidate
from .grammar import REACTIONS
from .roles import _Roles
from .status import _keys

PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their",
                      "we", "us", "our", "i", "me", "my"})
#: Fewer state-keyed mentions (by name or description) than this make no discourse with
#: participants.
MIN_MENTIONS = 3
#: The second participant must hold at least this share of the state-keyed mentions.
SECOND_SHARE = 0.2
#: ... and this many times the mentions of the third.
THIRD_MARGIN = 1.5
#: The first one must hold at least this share to be the story's country on its own.
FIRST_SHARE = 0.4
#: Reactions aimed at the other side: support of a thing is mostly of one's own or a
#: third party's ("defended the operation", "backed open trade").
OPPOSING = frozenset({"ACCUSE", "REJECT", "REQUEST"})
#: Prepositions that introduce what a reaction is about ("regret at", "anger over").
ABOUT = frozenset({"at", "over", "about", "on", "for", "in"})
#: Sectors that speak for a state: the rest (opposition, clergy, unions, rebels) are its people.
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY"})


def participants(roles: _Roles) -> tuple[str, ...]:
    """The article's discourse participants: the state holding the most mentions of
    state-keyed actors (organisations left out), and a second one if it holds at least
    ``SECOND_SHARE`` of them; () when no state dominates. Computed once per article."""
    cached = getattr(roles, "_participants", None)
    if cached is not None:
        return cached
    counts: dict[str, int] = {}
    text = doc_text(roles.doc)
    for m in roles.actors.mentions:
        if text[m.start:m.end].lower() in PRONOUNS:
            continue  # only names and descriptions make a party prominent
        for a in m.actors:
            actor = roles.actors.get(a)
            if actor.country and not actor.org:
                counts[actor.country] = counts.get(actor.country, 0) + 1
    total = sum(counts.values()) or 1
    if total < MIN_MENTIONS:
        roles._participants = ()  # type: ignore[attr-defined]
        return ()  # a sentence or two is no discourse to read parties from
    ranked = sorted(counts, key=lambda k: (-counts[k], k)) + ["", ""]
    n = [counts.get(k, 0) for k in ranked[:3]]
    found: tuple[str, ...] = ()
    if n[0] >= FIRST_SHARE * total:
        found = (ranked[0],)
    if n[1] >= SECOND_SHARE * total and n[1] >= THIRD_MARGIN * n[2]:
        found = (ranked[0], ranked[1])  # (a close third makes "the other side" ambiguous)
    roles._participants = found  # type: ignore[attr-defined]
    return found


def _thing_objects(verb: Any, roles: _Roles) -> list[Any]:
    """Nouns in the slot of what a reaction is about that name no actor and no person:
    "an offer", "any part in the revolt", "regret at the move". Empty when the object is
    someone the text does not key ("accused the clergy of ...", "blamed those responsible"):
    that someone, not the other side, is the target."""
    if any(ch.dep_ == "dobj" and (ch.pos_ == "PRON" or ch.lemma_.lower() in ANIMATE)
           for ch in verb.children) or any(ch.dep_ == "prep" and ch.lower_ == "of"
                                           for ch in verb.children):
        return []
    objects = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass")]
    objects += [g for ch in verb.children if ch.dep_ == "prep" and ch.lower_ in ABOUT
                for g in ch.children if g.dep_ == "pobj"]
    return [o for o in objects if o.pos_ == "NOUN" and o.lemma_.lower() not in ANIMATE
            and not roles.of_token(o)]


def implicit_counterpart(c: _Candidate, roles: _Roles) -> list[str]:
    """The party a reaction is aimed at when the clause leaves it implicit: the other
    discourse participant for a state's reaction ("Kiev turned down an offer" in a story
    about Russia and Ukraine), the story's state for an outsider's
    reaction to a definite act ("the EU welcomed the announcement")."""
    if c.sense.category not in REACTIONS or c.kind != "verb" or c.sense.quad not in (1, 3):
        return []
    verb = c.light if c.light is not None else c.pred
    things = _thing_objects(verb, roles)
    parts = participants(roles)
    if not things or not parts:
        return []
    refs = [r for r in (roles.ref_of(a) for a in c.source) if r]
    own = _keys(roles, c.source)
    if not own & set(parts):
        # an outsider (or an unnamed body) reacts to the story's state: only to an act the
        # text has told of ("the move", "this decision"), not to "involvement" in general
        return roles.country_actor(parts[0]) if any(_definite(t) for t in things) else []
    own = _keys(roles, c.source)
    if c.sense.category not in OPPOSING or len(own) != 1:
        return []
    key = own.pop()
    state_side = all(r.sector in STATE_SECTORS or (r.sector is None and not r.org)
                     for r in refs)
    if not state_side:
        # a domestic dispute: the opposition, a cleric or a union answers its own state, for
        # every clause that names no one (``unaddressed.dissent_state``), not only here
        return []
    other = [p for p in parts if p != key]
    return roles.country_actor(other[0]) if len(other) == 1 else []


#: Acts that are always aimed at someone: a charge, a demand, a refusal, a threat, a
#: diplomatic penalty ("recalled its ambassador", "broke off talks").
ADDRESSED = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION"})
#: How many sentences back a participant's mention keeps it the topic.
TOPIC_WINDOW = 1


def _state_mentions(roles: _Roles) -> list[tuple[int, str]]:
    """(start offset, country key) of every mention of a state or its organs, pronouns
    included (a pronoun keeps a party the topic); computed once per article. Its people
    ("Palestinian detainees", "Chilean students") are not the state a government addresses:
    they are the ones a charge or a demand is about."""
    cached = getattr(roles, "_state_mentions", None)
    if cached is not None:
        return cached
    found = sorted((m.start, actor.country) for m in roles.actors.mentions
                   for actor in (roles.actors.get(a) for a in m.actors)
                   if actor.country and not actor.org
                   and (actor.sector is None or actor.sector in STATE_SECTORS))
    roles._state_mentions = found  # type: ignore[attr-defined]
    return found


def topical(roles: _Roles, sent: Any) -> set[str]:
    """The states mentioned in ``sent`` or the ``TOPIC_WINDOW`` sentences before it: a party
    just talked about is the one an implicit argument refers to."""
    start = sent.start
    for _ in range(TOPIC_WINDOW):
        if start == 0:
            break
        start = roles.doc[start - 1].sent.start
    lo, hi = roles.doc[start].idx, sent.end_char
    return {k for at, k in _state_mentions(roles) if lo <= at < hi}


def discourse_addressee(c: _Candidate, roles: _Roles, sent: Any) -> list[str]:
    """The addressee a charge, demand, refusal, threat or penalty leaves implicit ("Ankara has demanded they be
    sent back", "Buenos Aires voiced objections", "Moscow kept up its criticism"): the act is
    aimed at the other party the passage is about: the other discourse participant when it
    is the topic (mentioned in this or the previous sentence), else the one other state the
    passage mentions. Only for a participant's government side; not when the clause has its
    own addressee that the text names only by a noun or pronoun ("urged the unions to ...",
    "accused those responsible")."""
    if c.sense.category not in ADDRESSED or not (c.kind == "verb" or c.light is not None):
        return []  # (a bare noun, "the protest", is not a speech act of the clause)
    verb = c.light if c.light is not None else c.pred
    if any(ch.dep_ in ("dobj", "dative", "iobj") and (
            ch.pos_ in ("PRON", "PROPN") or ch.lemma_.lower() in ANIMATE)
           for ch in verb.children):
        return []
    if any(ch.dep_ == "dobj" for ch in verb.children) and any(
            ch.dep_ == "xcomp" for ch in verb.children):
        return []  # "urging other governments to contribute": the object is the addressee
    own = _keys(roles, c.source)
    refs = [r for r in (roles.ref_of(a) for a in c.source) if r]
    if len(own) != 1 or not all(r.sector in STATE_SECTORS or (r.sector is None and not r.org)
                                for r in refs):
        return []
    parts = participants(roles)
    outsider = not own <= set(parts)
    if outsider and c.sense.category == "REJECT":
        return []  # an outsider refusing ("rejected involvement") turns down its own part
    near = topical(roles, sent) - own
    other = [p for p in parts if p not in own and p in near]
    if len(other) != 1 and len(near) == 1:
        other = list(near)
    return roles.country_actor(other[0]) if len(other) == 1 else []
