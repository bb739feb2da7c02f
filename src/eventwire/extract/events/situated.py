"""Situated state agents: a state's measure whose doer the clause does not name is the
doing of the state where it happens.

Two phenomena share one layer:

- an *unnamed state agent* as subject ("police fired tear gas", "officers in Nairobi opened
  fire", "officers detained several people"): police act where they are;
- an *agentless passive state measure* ("almost 8,000 officers were suspended in Turkey",
  "was sentenced to 26 years in prison", "had been freed from a prison in California"):
  arrests, suspensions, sentences and releases are done by the state that holds people.

Where it happens is read, most direct first: a place inside the subject phrase ("officers in
Nairobi"), a place in the clause's own prepositional phrases (for a release, the place it was
"from"), for police the single country the sentence places anything in, else the state the
story is about (its first discourse participant): a measure whose clause names no place
happened at home, whatever else the sentence mentions ("was arrested a day after refusing to
board a plane to the United States"). Places are found by bisection over the
article's places, so the layer stays linear in the article's length. A name the actor layer
reads as a person ("took Mora into custody") is never taken for a place. Only the verbs of
``state_measure_verbs`` count as state measures: "deliveries were cut" or "he was captured"
(often by an enemy) say nothing of whose state did it.
"""
from __future__ import annotations

import bisect
from typing import Any, Sequence

from ...model import ActorRef, Place
from .frame import _Candidate
from .dictionary import ANIMATE, OWN_AGENT_NOUNS, STATE_MEASURE_VERBS
from .grammar import POLICE_NOUNS, SUBJ_DEPS
from .roles import _Roles

#: Categories of measures only a state (its police, courts, ministries) takes against people.
STATE_MEASURES = frozenset({"COERCE", "SANCTION"})
#: Nouns for people that the word lists of groups and agents leave out.
PERSON_NOUNS = frozenset({"people", "person", "man", "woman", "child", "member", "leader",
                          "priest", "bishop", "cleric", "judge", "mayor", "lawmaker"})
#: Categories an unnamed police subject is coded for.
POLICE_ACTS = frozenset({"COERCE", "ASSAULT"})


class Locator:
    """The article's places, sorted once, asked per clause by bisection."""

    def __init__(self, places: Sequence[Place], roles: _Roles) -> None:
        people = {i for i, ids in roles._token_actor.items()
                  if any(a in roles.actors._by_id and roles.actors.get(a).kind == "person"
                         for a in ids)}
        doc = roles.doc
        kept = []
        for p in places:
            if not p.country or p.caption is not None:
                continue
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is not None and any(t.i in people or t.ent_type_ in ("DATE", "TIME")
                                        for t in span):
                continue  # "took Mora into custody", "in March": a person, a month
            kept.append(p)
        self.places = sorted(kept, key=lambda p: p.start)
        self.starts = [p.start for p in self.places]

    def within(self, a: int, b: int) -> list[Place]:
        lo = bisect.bisect_left(self.starts, a)
        hi = bisect.bisect_left(self.starts, b)
        return [p for p in self.places[lo:hi] if p.end <= b]


def _span(tok: Any) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _passive_without_agent(verb: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and \
        not any(c.dep_ == "agent" for c in verb.children)


def _police_subject(verb: Any) -> Any:
    subj = next((t for t in verb.children if t.dep_ in SUBJ_DEPS), None)
    if subj is not None and subj.lemma_.lower() in POLICE_NOUNS:
        return subj
    return None


def _people_undergo(verb: Any, roles: _Roles) -> bool:
    """Is the passive subject people ("8,000 officers were suspended", "he was jailed", "the
    bishop, who was arrested", "those responsible will be arrested") rather than a thing or an
    act ("the strikes, which were suspended", "deliveries were halted")?"""
    subj = next((t for t in verb.children if t.dep_ == "nsubjpass"), None)
    if subj is None:
        return False
    if subj.lower_ == "which":
        return False  # "the truce, which was suspended": "which" never stands for people
    if subj.lower_ in ("who", "whom", "that") and verb.dep_ == "relcl":
        subj = verb.head  # the antecedent of the relative pronoun
    if subj.lower_ in ("he", "she", "they", "him", "her", "them", "who", "whom", "those",
                       "anyone", "everyone", "anybody", "everybody"):
        return True
    return subj.ent_type_ == "PERSON" or subj.i in roles._token_actor or \
        subj.lemma_.lower() in ANIMATE | OWN_AGENT_NOUNS | POLICE_NOUNS | PERSON_NOUNS


def situated_state(c: _Candidate, sent: Any, where: Locator, home: str | None,
                   roles: _Roles) -> tuple[ActorRef, ...]:
    """The state an unnamed police subject or an agentless state measure belongs to, as a
    name-only actor keyed by the country where it happens; () when the text places it
    nowhere or the clause is neither."""
    if c.kind != "verb" and c.light is None:
        return ()
    verb = c.light if c.light is not None else c.pred  # "fired tear gas": the light verb
    subj = _police_subject(verb)
    release = c.sense.category == "RETREAT" and _passive_without_agent(verb)
    measure = c.sense.category in STATE_MEASURES and _passive_without_agent(verb) and \
        verb.lemma_.lower() in STATE_MEASURE_VERBS and _people_undergo(verb, roles)
    if subj is None and not (release or measure):
        return ()
    if subj is not None and c.sense.category not in POLICE_ACTS:
        return ()
    found: list[Place] = []
    if subj is not None:
        found = where.within(*_span(subj))  # "officers in Nairobi"
    if not found:
        preps = [p for p in verb.children if p.dep_ == "prep"
                 and (p.lower_ == "from" if release else p.lower_ in ("in", "at", "from"))]
        found = [x for p in preps for x in where.within(*_span(p))]
    if not found and subj is not None:
        countries = {p.country for p in where.within(sent.start_char, sent.end_char)}
        if len(countries) == 1:
            found = where.within(sent.start_char, sent.end_char)
    if found:
        country, name = found[0].country, found[0].name
    elif home and not release and (measure or not where.within(sent.start_char,
                                                                 sent.end_char)):
        country, name = home, home  # a sentence placing nothing: the story's own state
    else:
        return ()
    if subj is not None:
        name = " ".join(t.text for t in subj.subtree if t.i <= subj.i and t.dep_ != "det")
        return (ActorRef(actor=None, name=name, country=country, sector="COP"),)
    return (ActorRef(actor=None, name=name, country=country),)
