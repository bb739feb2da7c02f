"""Triggers: which verbs and event nouns the pattern dictionary codes, and with which senses."""
from __future__ import annotations

from typing import Any

from .dictionary import (
    ADVANCE_VERBS, FIRE_NOUNS, FORCE_MOVING_VERBS, IMPACT_VERBS, MILITARY_NOUNS, WEAPONS, Sense,
    VerbDictionary)
from .senses import argument_reading, restricted_sense


def _hyphen_lemma(tok: Any) -> str | None:
    """'build-up' is three tokens to spaCy; read it back as one word."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].whitespace_ == "":
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return None


#: a passive's subject is the verb's underlying object ("warships were dispatched")
OBJECT_DEPS = ("dobj", "nsubjpass")
MOBILIZE_SENSE = Sense("MOBILIZE", "154", -6.0, 4, "military", "moving forces")


def _moves_forces(tok: Any) -> bool:
    """"sent/dispatched/rushed/assembled troops, warships, tanks": a verb that moves or
    gathers, with a military unit as its (underlying) object, is a deployment (CAMEO 154)."""
    if tok.lemma_.lower() not in FORCE_MOVING_VERBS:
        return False
    return any(c.dep_ in OBJECT_DEPS and (c.lemma_.lower() in MILITARY_NOUNS or any(
        g.dep_ == "compound" and g.lemma_.lower() in MILITARY_NOUNS for g in c.children))
        for c in tok.children)


ARMED = WEAPONS | MILITARY_NOUNS
IMPACT_SENSE = Sense("ASSAULT", "190", -9.0, 4, None, "armed impact")
#: "flew into Kosovo", "rolled across the border", "sailed to the strait"
INTO_PREPS = frozenset({"into", "across", "to", "toward", "towards", "onto", "inside"})


def _armed(noun: Any, extra: frozenset[str] = frozenset()) -> bool:
    """A weapon or armed unit ("sea drones", "small-arms fire", "paratroopers"), by its own
    lemma or a compound on it."""
    words = ARMED | extra
    return noun.lemma_.lower() in words or noun.lower_ in words or any(
        g.dep_ == "compound" and g.lemma_.lower() in words for g in noun.children)


def _armed_impact(tok: Any) -> bool:
    """"Two drones hit the bridge", "a convoy was hit by sniper fire": a contact verb whose
    doer (subject, or passive agent) is a weapon, armed unit or fire is an attack; with any
    other doer ("prices hit a record", "the storm hit the coast") it is none."""
    if tok.lemma_.lower() not in IMPACT_VERBS:
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    if passive:
        return any(g.dep_ == "pobj" and _armed(g, FIRE_NOUNS) for a in tok.children
                   if a.dep_ == "agent" for g in a.children)
    return any(c.dep_ == "nsubj" and _armed(c) for c in tok.children) and \
        any(c.dep_ == "dobj" for c in tok.children)


def _forces_advance(tok: Any) -> bool:
    """"Paratroopers flew into Kosovo", "tanks rolled across the border": an armed unit as
    the subject of a movement verb heading into a place is a deployment (CAMEO 154); the same
    verb with a delegation ("the minister flew to Kyiv") stays a visit, and with an object
    ("the air force flew relief goods to X") it carries a load, not itself."""
    if tok.lemma_.lower() not in ADVANCE_VERBS or any(c.dep_ == "dobj" for c in tok.children):
        return False
    armed = any(c.dep_ == "nsubj" and (_armed(c) or any(
        g.dep_ == "conj" and _armed(g) for g in c.children)) for c in tok.children)
    heading = any(c.dep_ == "prep" and c.lower_ in INTO_PREPS for c in tok.children) or any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("in", "into") for c in tok.children)
    return armed and heading


def _of_time(prep: Any) -> bool:
    """"on Monday", "in March": a preposition whose object is a date or time."""
    return prep.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME")
                                       for g in prep.children)


def _verb_match(tok: Any, verbs: VerbDictionary) -> tuple[Sense, ...] | None:
    if _armed_impact(tok):
        return (IMPACT_SENSE,)
    if _forces_advance(tok):
        return (MOBILIZE_SENSE,)
    read_as = argument_reading(tok)
    if read_as and verbs.verb_senses(read_as).get(None):
        return verbs.verb_senses(read_as)[None]  # "accepted defeat": read as "concede"
    table = verbs.verb_senses(tok.lemma_.lower())
    if not table:
        return (MOBILIZE_SENSE,) if _moves_forces(tok) else None
    # ("called his counterpart on Monday": a preposition of time is no "call on")
    near = {c.lemma_.lower() for c in tok.children
            if c.dep_ in ("prt", "prep", "acomp", "advmod", "attr", "xcomp", "pobj")
            + OBJECT_DEPS and not _of_time(c)}
    # "took to the streets", "put forces on alert": the object of a directional preposition
    near |= {g.lemma_.lower() for c in tok.children if c.dep_ == "prep"
             and c.lower_ in ("to", "on", "into", "onto") for g in c.children if g.dep_ == "pobj"}
    nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    # "helped Haiti restore order": the helped one may be parsed as the subject of the
    # complement clause rather than as the object
    has_obj = any(c.dep_ in ("dobj", "dative") or c.dep_ == "ccomp" and any(
        g.dep_ == "nsubj" and g.pos_ == "PROPN" for g in c.children) for c in tok.children)
    objs = {c.lemma_.lower() for c in tok.children
            if c.dep_ in ("dobj", "dative", "attr", "nsubjpass")}
    lemma = tok.lemma_.lower()
    if any(f"{lemma} {o}" in verbs.non_events for o in objs | near):
        return None  # "struck a harder tone", "took place": idioms, not deeds
    if restricted_sense(tok):
        return None  # "seeking a third term", "pleaded not guilty": an everyday sense
    # the longest matching pattern wins ("call off strike" over "call strike"); at equal
    # length one naming the object ("pull ambassador") beats a particle ("pull out")
    best: tuple[int, int] | None = None
    chosen = None
    for rest, senses in table.items():
        if rest is None or rest.startswith("+"):
            continue
        words = rest.split()
        if all(w in near or w == nxt for w in words):
            rank = (len(words), int(set(words) <= objs))
            if best is None or rank > best:
                best, chosen = rank, senses
    if chosen is not None:
        return chosen
    if table.get("+xcomp") and any(c.dep_ == "xcomp" for c in tok.children):
        return table["+xcomp"]  # "told its leaders to get off the streets": an order
    # "+obj": the verb is an event only with an object ("helped Nepal", not "helps bring")
    if has_obj and table.get("+obj"):
        return table["+obj"]
    plain = table.get(None)
    if plain is None and _moves_forces(tok):
        return (MOBILIZE_SENSE,)
    return plain


def _noun_match(tok: Any, verbs: VerbDictionary) -> tuple[Sense, ...] | None:
    if tok.ent_type_ in ("DATE", "TIME") and tok.text[:1].isupper():
        return None  # "began March 24", "since May": a month named as a date is no march
    hy = _hyphen_lemma(tok)
    if hy and verbs.noun_senses(hy).get(None):
        return verbs.noun_senses(hy)[None]
    lemma = tok.lemma_.lower()
    # two-word nouns: "hunger strike", "air strike" (compound + head)
    for child in tok.children:
        if child.dep_ == "compound":
            table = verbs.noun_senses(child.lemma_.lower())
            if table.get(lemma):
                return table[lemma]
    table = verbs.noun_senses(lemma)
    if not table:
        table = verbs.noun_senses(tok.lower_)
    if not table:
        return None
    for rest, senses in table.items():
        if rest and rest.split()[-1] in {c.lower_ for c in tok.subtree}:
            return senses
    return table.get(None)
