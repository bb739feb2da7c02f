"""Fallback arguments: where a frame names no actor in its own roles, the place it is aimed
at, the earlier event it points back to, the weapon, territory or place of the doer."""
from __future__ import annotations

from typing import Any, Iterable, Sequence

from ...model import ActorRef, Place
from .grammar import (
    IN_PLACE_TARGETED, LOCATIVE_ONLY, OBJ_DEPS, PERSONAL_PRONOUNS, PLACE_PREPS,
    SUBJ_DEPS)
from .dictionary import ANIMATE, VerbDictionary, WEAPONS
from .roles import _Roles, _coordinated
from .triggers import _noun_match
from .frame import _Candidate


def _objects_and_pobjs(pred: Any, category: str = "ASSAULT") -> list[Any]:
    out = []
    for child in pred.children:
        if child.dep_ in ("prep", "dative") and child.pos_ == "ADP":
            if child.lower_ not in PLACE_PREPS:
                continue
            if child.lower_ in LOCATIVE_ONLY and category not in IN_PLACE_TARGETED:
                continue  # "surrendered in Soroti": where it happened, not to whom
            for g in child.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    out.extend(h for h in g.children if h.dep_ == "prep"
                               for h in h.children if h.dep_ == "pobj")
                elif g.dep_ == "prep":  # "out of Tehran"
                    out.extend(h for h in g.children if h.dep_ == "pobj")
        elif child.dep_ in OBJ_DEPS or child.dep_ == "nsubjpass":
            out.append(child)  # "struck two towns in northern Israel", "a district of X"
            out.extend(g for g in child.children if g.dep_ == "prep" and g.lower_ in ("of", "in", "from")
                       for g in g.children if g.dep_ == "pobj")
    return out


def _place_target(c: _Candidate, places: Sequence[Place]) -> tuple[ActorRef, ...]:
    """A strike on "a border district of Balochistan" targets Pakistan, "lifted the curfew in
    Montenegro" concedes to it: the country of the place an act is aimed at or done in, when
    no actor is named (also through the act a verb announces: "refused to deploy in Iraq")."""
    heads = [c.pred] + ([c.light] if c.light is not None else [])
    heads += [x for h in list(heads) for x in h.children if x.dep_ in ("xcomp", "advcl")]
    spans = [(t.left_edge.idx, t.idx + len(t.text)) for h in heads
             for t in _objects_and_pobjs(h, c.sense.category)]
    for p in places:
        if p.country and any(a <= p.start and p.end <= b for a, b in spans):
            return (ActorRef(actor=None, name=p.name, country=p.country),)
    return ()


def _definite(noun: Any) -> bool:
    """'the strikes', 'these demands', 'its charge' refer back; 'a new treaty' does not."""
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")}
    fresh = {c.lower_ for c in noun.children if c.dep_ == "amod"} & {"new", "another", "fresh",
                                                                      "further", "additional"}
    return bool(dets & {"the", "this", "these", "those", "that", "its", "their"}) and not fresh


def _same_side(roles: "_Roles", a: list[str], b: list[str]) -> bool:
    """Same actor, or same country and sector ("Chinese officials" and "China"); a
    government and its opposition share a country but not a side."""
    if set(a) & set(b):
        return True
    sides = lambda ids: {(r.org or r.country, r.sector if r.sector in ("OPP", "REB", "CVL")
                          else "STATE") for r in (roles.ref_of(x) for x in ids) if r}
    return bool(sides(a) & sides(b))


def _antecedent_target(c: _Candidate, verbs: VerbDictionary,
                       earlier: Sequence[tuple[_Candidate, Any]], roles: _Roles) -> list[str]:
    """"Washington condemned the strikes": the strikes reported earlier, by their doers."""
    if c.sense.quad not in (1, 3) or c.kind != "verb":
        return []
    objects = [ch for ch in c.pred.children if ch.dep_ == "dobj"]
    relative = not objects and c.pred.dep_ == "relcl"
    if relative:
        objects = [c.pred.head]  # "a charge the coalition denies": the charge is the object
    for obj in objects:
        senses = _noun_match(obj, verbs)
        if not senses or not (relative or _definite(obj)):
            continue  # "seeking a new treaty" points back at nothing
        cats = {s.category for s in senses}
        for prev, _ in reversed(earlier):
            if prev.sense.category in cats and prev.source and prev.status != "negated":
                if _same_side(roles, prev.source, c.source):
                    continue  # "Chinese officials reject the charge": the charge is not theirs
                return [a for a in prev.source if a not in c.source]
    return []


def _animate_subject(c: "_Candidate", roles: "_Roles") -> bool:
    """Demands, charges and refusals need someone who can make them: a person or group noun
    ("Ibo traditional elders demanded ..."), never a thing ("the report demanded")."""
    verb = c.light if c.light is not None else c.pred
    for child in verb.children:
        if child.dep_ in SUBJ_DEPS and child.pos_ == "NOUN":
            return child.lemma_.lower() in ANIMATE
    return False


def _instrument_doer(verb: Any, roles: "_Roles", verbs: VerbDictionary) -> list[str]:
    """The actor named on the weapon or strike a passive harm came from ("killed in an
    Israeli airstrike", "wounded by Russian shelling")."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []
    for prep in verb.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("in", "by", "during"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            lemma = pobj.lemma_.lower()
            strike = lemma in WEAPONS or any(
                g.dep_ == "compound" and g.lemma_.lower() in WEAPONS for g in pobj.children) \
                or any(s.category == "ASSAULT" for s in (_noun_match(pobj, verbs) or ()))
            if strike:
                got = roles.of_token(pobj)
                if got:
                    return got
    return []


def _mediated_parties(raw: list[tuple["_Candidate", Any]]) -> None:
    """"…released two Americans in exchange for an Afghan, a deal brokered by Qatar": a
    mediator with no named parties mediated between those the sentence shows dealing."""
    for c, sent in raw:
        if c.target or c.place_target or not c.sense.cameo.startswith("045") \
                or c.status != "asserted":
            continue  # only a mediation that happened borrows the sentence's parties
        parties: list[str] = []
        for other, osent in raw:
            if osent is sent and other is not c:
                parties += [a for a in other.source + other.target
                            if a not in parties and a not in c.source]
        c.target = parties
    # a mediator between no one named is no event
    raw[:] = [(c, s) for c, s in raw if not (c.sense.cameo.startswith("045") and not c.target
                                             and not c.place_target)]


def _fired_from(verb: Any, places: Sequence[Place], roles: "_Roles") -> tuple[ActorRef, ...]:
    """"Shells fired from Congolese territory killed ...": what is fired from a country's
    territory is that country's doing, as the text tells it."""
    for subj in (c for c in verb.children if c.dep_ in SUBJ_DEPS):
        for acl in (c for c in subj.children if c.dep_ == "acl"):
            for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ == "from"):
                a, b = prep.idx, prep.right_edge.idx + len(prep.right_edge)
                for tok in prep.subtree:
                    for pid in roles.nationality(tok):
                        ref = roles.ref_of(pid)
                        if ref is not None:
                            return (ref,)
                for p in places:
                    if p.country and a <= p.start and p.end <= b:
                        return (ActorRef(actor=None, name=p.name, country=p.country),)
    return ()


def _unnamed_doer(verb: Any) -> tuple[ActorRef, ...] | None:
    """The subject noun phrase of a verb as a name-only actor ("suicide bomber"); None when
    there is no such subject (a passive without agent, "six people were killed", says too
    little to code: who did it is the event), unless a weapon is the passive's agent.
    Coordinated verbs share their subject: "riot police charged in and beat students" names
    the doer of "beat" in the first verb's subject."""
    while verb.dep_ == "conj" and verb.head is not verb and _coordinated(verb) and not any(
            c.dep_ in SUBJ_DEPS or c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        verb = verb.head
    for child in verb.children:
        if child.dep_ in SUBJ_DEPS:
            if child.pos_ not in ("NOUN", "PROPN") or child.lower_ in PERSONAL_PRONOUNS:
                return None
            words = [t for t in child.subtree if t.dep_ not in ("det", "punct", "relcl", "acl")
                     and t.i <= child.i]
            name = " ".join(t.text for t in words) or child.text
            return (ActorRef(actor=None, name=name),)
    # "were wounded by a roadside bomb": a passive harm whose agent is a weapon names its
    # (unknown) doer only by the weapon; that is still an attack someone made
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for pobj in (g for g in agent.children if g.dep_ == "pobj"):
                if pobj.lemma_.lower() in WEAPONS or any(
                        g.dep_ == "compound" and g.lemma_.lower() in WEAPONS
                        for g in pobj.children):
                    words = [t for t in pobj.subtree if t.dep_ not in ("det", "punct")
                             and t.i <= pobj.i]
                    return (ActorRef(actor=None, name=" ".join(t.text for t in words)),)
    return None


def _refs(roles: _Roles, ids: Iterable[str]) -> tuple[ActorRef, ...]:
    seen, out = set(), []
    for a in ids:
        if a in seen:
            continue
        seen.add(a)
        ref = roles.ref_of(a)
        if ref is not None:
            out.append(ref)
    return tuple(out)
