"""Sense choice: the reading of a predicate that fits its actors and context."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from .grammar import OBJ_DEPS, SUBJ_DEPS
from .dictionary import (
    AUDIENCE_NOUNS, MONEY_WORDS, PENALTY_NOUNS, KnowledgeError, Sense, VerbDictionary, WEAPONS,
    _line_of, _read_yaml)
from .roles import _Roles
from .scope import JOURNEY_VERBS, VISIT_PURPOSES


@dataclass(frozen=True)
class Restriction:
    """One everyday sense of a dictionary verb, told by the kind of word in an argument slot
    (see ``data/sense_restrictions.yaml``)."""
    name: str
    verbs: frozenset[str]
    slots: frozenset[str]
    words: frozenset[str]
    unless: frozenset[str] = frozenset()
    reading: str | None = None  # a reading: the dictionary verb whose sense it takes


RESTRICTION_SLOTS = frozenset({"object", "complement", "particle", "infinitive", "state",
                               "infinitive_verb"})


def _entries(section: str, path: str | None) -> tuple[Restriction, ...]:
    """The entries of one section of ``sense_restrictions.yaml``, checked (a wrong slot name,
    or a reading without its 'as' verb, is an error with its line)."""
    data, text, name = _read_yaml("sense_restrictions.yaml", path)
    reading = section == "readings"
    out = []
    for key, entry in ((data or {}).get(section) or {}).items():
        got = {f: entry.get(f) or [] for f in ("verbs", "slots", "words", "unless")}
        bad = [s for s in got["slots"] + got["unless"] if s not in RESTRICTION_SLOTS]
        if bad or not got["verbs"] or not got["words"] or not got["slots"] or (
                reading and not entry.get("as")):
            raise KnowledgeError(name, _line_of(text, f"{key}:"),
                                 f"{section} entry {key!r} needs verbs, words, slots among "
                                 f"{sorted(RESTRICTION_SLOTS)}" + (" and 'as'" if reading else ""))
        out.append(Restriction(key, *(frozenset(str(w).lower() for w in got[f])
                                      for f in ("verbs", "slots", "words", "unless")),
                               reading=str(entry["as"]).lower() if reading else None))
    return tuple(out)


def load_restrictions(path: str | None = None
                      ) -> tuple[tuple[Restriction, ...], frozenset[str]]:
    """The sense restrictions and the state premises, checked on load."""
    data, _, _ = _read_yaml("sense_restrictions.yaml", path)
    premises = frozenset(str(w).lower() for w in (data or {}).get("state_premises") or ())
    return _entries("restrictions", path), premises


def load_readings(path: str | None = None) -> tuple[Restriction, ...]:
    """The argument-type readings of ``sense_restrictions.yaml``: like a restriction, but the
    verb is read as another dictionary verb ("accepted defeat" as "concede") instead of as
    nothing; checked on load."""
    return _entries("readings", path)


RESTRICTIONS, STATE_PREMISES = load_restrictions()
READINGS = load_readings()


def _slot_words(verb: Any, slot: str) -> set[str]:
    """The words filling one argument slot of ``verb`` (lemma and surface form)."""
    if slot == "object":  # ("offered a reward of $5,000": the head noun decides)
        toks = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    elif slot == "complement":
        toks = [c for c in verb.children if c.dep_ in ("acomp", "oprd", "attr", "xcomp")
                and c.pos_ in ("ADJ", "NOUN")]
    elif slot == "particle":
        # ("pushed him back out of the hut": "out" may be read as a preposition, "back" on it)
        toks = [c for c in verb.children if c.dep_ in ("prt", "advmod", "prep") and c.i > verb.i]
        toks += [g for c in toks for g in c.children if g.dep_ == "advmod"]
    elif slot == "state":  # "in Germany", "at the Mexican embassy": a state is a party
        return {"*"} if any(g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "NORP")
                                                  or g.lemma_.lower() in STATE_PREMISES)
                            for c in verb.children if c.dep_ == "prep"
                            for g in c.children) else set()
    elif slot == "infinitive_verb":  # "vowed to respond": the verb of the infinitive
        toks = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    else:  # infinitive: "seeking to end", whatever the verb
        return {"*"} if any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children) else set()
    return {w for t in toks for w in (t.lemma_.lower(), t.lower_)}


def _matching(verb: Any, restrictions: Sequence[Restriction]) -> Restriction | None:
    lemma = verb.lemma_.lower()
    for r in restrictions:
        if lemma not in r.verbs:
            continue
        if any(_slot_words(verb, s) for s in r.unless):
            continue  # "commanded the troops to open fire": an order after all
        if any(_slot_words(verb, s) & r.words for s in r.slots):
            return r
    return None


def argument_reading(verb: Any, readings: Sequence[Restriction] = READINGS) -> str | None:
    """The dictionary verb ``verb`` is read as, by the kind of its arguments, or None: what
    one accepts or admits tells a concession ("accepted defeat": concede) from an agreement;
    endorsing or recognising a rival's win backs the winner ("endorsed her victory"); a
    pledge to answer a rival is a threat ("vowed to respond"); approving a sum of money
    gives it ("approved $2 million")."""
    r = _matching(verb, readings)
    return r.reading if r is not None else None


def restricted_sense(verb: Any,
                     restrictions: Sequence[Restriction] = RESTRICTIONS) -> str | None:
    """The everyday sense ``verb`` is used in here, by the kind of its arguments ("seeking a
    third term": office; "pleaded not guilty": plea; "offered a reward": bounty; "pushed him
    back": motion), or None when nothing rules out its political sense."""
    r = _matching(verb, restrictions)
    return r.name if r is not None else None


CIVIL_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REL", "MED", "JRN", "NGO", "PTY", "BUS"})


def _choose(senses: Sequence[Sense], pred: Any, roles: _Roles, source: list[str]
            ) -> Sense | None:
    """Pick the reading that fits the actors (a strike by workers is a protest, by an air
    force an assault); None when no reading fits (troops "arriving" are not a visit)."""
    sectors = {roles.actors.get(a).sector for a in source if a in roles.actors._by_id}
    if all(s.mode == "visit" for s in senses) and sectors & {"MIL", "REB", "COP"}:
        return None
    if any(c.dep_ == "oprd" for c in pred.children) or any(
            c.dep_ == "dobj" and any(g.dep_ == "amod" and g.i > c.i for g in c.children)
            for c in pred.children):
        # "whom it called an Afghan mujahid": naming, not a phone call (the parser may hang
        # the name on the object: "calling the action both unlawful and reckless")
        senses = [s for s in senses if s.cameo != "041"]
        if not senses:
            return None
    cats = [s.category for s in senses]
    if len(set(cats)) == 1:
        return senses[0]
    sent_words = {t.lower_ for t in pred.sent}
    if "PROTEST" in cats:
        kinds = {roles.actors.get(a).kind for a in source if a in roles.actors._by_id}
        civil = (sectors and sectors <= CIVIL_SECTORS) or (
            kinds and kinds <= {"group"} and not sectors & {"MIL", "GOV", "REB"})
        street = bool(sent_words & {"streets", "workers", "protesters", "union", "unions",
                                    "demonstrators", "walkout"})
        # states and governments "protest" by note; people, parties and crowds in the street;
        # missiles and jets "strike" as weapons
        official = bool(sectors & {"GOV", "MIL", "JUD", "LEG"}) or bool(kinds & {"state", "igo"})
        armed = any(c.dep_ in SUBJ_DEPS and (c.lemma_.lower() in WEAPONS or any(
            g.lemma_.lower() in WEAPONS for g in c.children if g.dep_ == "compound"))
            for c in pred.children)
        # "the gangs struck police stations", "striking them with drones": a strike with a
        # direct object hits something; a walkout has none (what is hurled, "petrol bombs",
        # is a projectile, not what is hit; crowds that set cars on fire still protest)
        armed = armed or (not civil and "ASSAULT" in cats and pred.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() not in WEAPONS for c in pred.children))
        want = "PROTEST" if (civil or street or not source or not official) and not armed \
            else None
        for s in senses:
            if (s.category == "PROTEST") == (want == "PROTEST"):
                return s
    if "AID" in cats and not (sent_words & MONEY_WORDS):
        return next(s for s in senses if s.category != "AID")
    if "AID" in cats:
        return next(s for s in senses if s.category == "AID")
    if "CONSULT" in cats and "SUPPORT" in cats:
        # "welcomed the Indian president" is a visit; "welcomes any American step" is support
        obj = [c for c in pred.children if c.dep_ == "dobj" and c.i in roles._token_actor]
        person = any(roles.actors.get(a).kind in ("person", "state")
                     for o in obj for a in roles._token_actor[o.i] if a in roles.actors._by_id)
        return next(s for s in senses if s.category == ("CONSULT" if person else "SUPPORT"))
    return senses[0]


def _state_place(tok: Any, roles: _Roles) -> bool:
    """Does a destination name a state: a country or its capital ("to Havana", "to the
    United States")?"""
    if roles.kb is None:
        return False
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "punct")]
    text = " ".join(t.text for t in words)
    return any(e.kind in ("country", "capital") for e in roles.kb.lookup(text)) or \
        bool(roles.capital(tok))


def bare_journey(pred: Any, roles: _Roles) -> bool:
    """A journey to a place that is no state and with no stated purpose ("flew to the resort
    two days before the vote", "headed to his ranch in Texas") is moving, not a state visit:
    a visit needs a host, which a country or capital names, or a purpose ("for talks", "to
    meet", "on a visit") implies."""
    if pred.lemma_.lower() not in JOURNEY_VERBS:
        return False
    destinations = [g for p in pred.children if p.dep_ in ("prep", "dative")
                    and p.lower_ in ("to", "into", "in") for g in p.children if g.dep_ == "pobj"]
    if not destinations or any(_state_place(d, roles) for d in destinations):
        return False
    for child in pred.children:
        if child.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                    for a in child.children):
            return False  # "flew in to stand beside him"
        if child.dep_ == "prep" and child.lower_ in ("for", "on") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in VISIT_PURPOSES for g in child.children):
            return False
    return True


def _to_audience(pred: Any) -> bool:
    for child in pred.children:
        if child.dep_ in ("prep", "dative") or child.dep_ in OBJ_DEPS:
            for t in [child] + [g for g in child.children if g.dep_ == "pobj"]:
                if t.lemma_.lower() in AUDIENCE_NOUNS:
                    return True
    return False


def _names_own_state(roles: "_Roles", named: list[str], source: list[str]) -> bool:
    """Does ``named`` stand for the source itself or for the source's state ("warned that
    Warsaw would ..." said by a Polish minister; "Poland", "the police")? Armed forces,
    parties or people of the same country are not the speaker's own deed."""
    if set(named) & set(source):
        return True
    own = {roles.key_of(a) for a in source} - {None}
    states = [a for a in named if a.startswith("kb:") or (
        a in roles.actors._by_id and (roles.actors.get(a).kind == "state"
                                      or roles.actors.get(a).sector in ("GOV", "COP")))]
    return bool(states) and len(states) == len(named) and \
        {roles.key_of(a) for a in states} <= own


def _warns_of_own_deed(pred: Any, roles: "_Roles", source: list[str]) -> bool:
    """'warned it would retaliate' threatens; 'warned that farmers would suffer' does not."""
    # "warned that X would be no friend, and we will treat it as an enemy": every clause
    # coordinated in the warning's content counts
    clauses = [c for c in pred.children if c.dep_ in ("ccomp", "xcomp")]
    clauses += [g for c in clauses for g in c.children if g.dep_ == "conj" and g.pos_ in
                ("VERB", "AUX")]
    for child in clauses + [c for c in pred.children if c.dep_ not in ("ccomp", "xcomp")]:
        if child.dep_ in ("ccomp", "xcomp", "conj"):
            subj = [c for c in child.children if c.dep_ in SUBJ_DEPS]
            if child.dep_ == "xcomp":
                return True
            if subj and _names_own_state(roles, roles.of_token(subj[0]), source):
                return True
            if subj and subj[0].lower_ in ("we", "i"):
                return True
            if any(t.lemma_.lower() in PENALTY_NOUNS and t.dep_ in ("dobj", "pobj")
                   for t in child.subtree):
                return True  # "warned that anyone involved could face sanctions": a threat
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return True  # "warned Iran that it would pay", "warned Peru against ...": to someone
    return False


def _contexts(sent: Any, verbs: VerbDictionary) -> tuple[str, ...]:
    words = {t.lemma_.lower() for t in sent}
    return tuple(sorted(k for k, vocab in verbs.contexts.items() if words & vocab))
