"""Acts whose clause names no object or addressee at all.

A news clause often names only the doer and the deed: "hundreds gathered outside the interior
ministry", "the minister has denied any wrongdoing", "warplanes struck houses in the
capital". A reader still knows whom the act is aimed at, from where it happens and from what
the article said before. Each function here handles one such phenomenon for every verb:

- ``situated_crowd``: an unnamed crowd ("crowds", "hundreds", "tens of thousands") that
  protests or riots is the people of the country where it acts: the place its clause or
  sentence names, a nationality in its own phrase, else the story's state (dateline or main
  participant).
- ``dissent_state``: the protest, violence, charge or refusal of a state's own people that
  names no one ("thousands took to the streets", "demonstrators beat a policeman", "the
  opposition leader complained of fraud") is aimed at their state: PLOVER codes it as the
  people of X against the government of X.
- ``charge_maker``: a denial with no accuser in its clause ("has denied any wrongdoing",
  "rejected the allegations") answers the charge made against the denier earlier in the
  article: its target is whoever made that charge (an accusation or a legal action whose
  target is the denier).
- ``struck_place``: force used on a place ("struck houses in the Yemeni capital", "shelled
  villages across the border") is aimed at the country the place lies in, when it is not the
  doer's own (force used at home names no foreign party and is left to the domestic layer).

All of them only fill a target the clause left empty; none displaces one the text names.
"""
from __future__ import annotations

import re
from typing import Any, Sequence

from ...model import ActorRef, Place
from ...nlp import doc_text
from .dictionary import ANIMATE, _load_words
from .discourse import participants
from .fallbacks import _same_side
from .status import _keys
from .frame import _Candidate
from .grammar import PLACE_PREPS, SUBJ_DEPS
from .roles import _Roles
from .situated import Locator

_WORDS = _load_words(file="unaddressed_words.yaml",
                     lists=("crowd_nouns", "charge_nouns", "denying_verbs"))
CROWD_NOUNS = _WORDS["crowd_nouns"]
CHARGE_NOUNS = _WORDS["charge_nouns"]
DENYING_VERBS = _WORDS["denying_verbs"]

#: Sectors that speak for a state; everyone else in a country is its people.
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY"})
#: Sectors whose violence is war on the state or crime, not a people's dissent.
ARMED_SECTORS = frozenset({"REB", "INS", "CRM", "UAF"})
#: Categories a crowd is coded for, and in which a people's act names its state.
DISSENT = frozenset({"PROTEST", "ASSAULT", "COERCE"})
#: Verbal dissent: a charge or a refusal by a state's people that names no one answers
#: their own state ("the opposition leader complained of widespread fraud").
VERBAL_DISSENT = frozenset({"ACCUSE", "REJECT"})
#: Sectors that report rather than dissent.
REPORTING = frozenset({"MED", "JRN"})
#: Acts that answer a charge: the charge and the legal measures a state takes on one.
CHARGES = frozenset({"ACCUSE", "COERCE", "SANCTION"})
#: Force used on a place.
FORCE = frozenset({"ASSAULT"})
#: Verbs whose small clause tells what became of someone ("left 18 people wounded").
RESULTATIVE_HEADS = frozenset({"leave", "render"})
#: "SANAA, Yemen —", "HONG KONG --", "SEOUL, South Korea (AP) –": a dateline ends in a dash.
DATELINE_END = re.compile(r"\s(?:\(\w+\)\s*)?[—–-]{1,2}\s")


def _span(tok: Any) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _subject(verb: Any) -> Any:
    """The verb's subject, or the subject of the verb it is coordinated with ("crowds
    gathered and chanted")."""
    node = verb
    while True:
        subj = next((t for t in node.children if t.dep_ in SUBJ_DEPS), None)
        if subj is not None or node.dep_ != "conj" or node.head is node:
            return subj
        node = node.head


def story_state(roles: _Roles, where: Locator, home: str | None) -> str | None:
    """The state the story happens in: the dateline's country ("SANAA, Yemen —") when the
    article is about it (it is one of its discourse participants) or about no state, else
    the first participant (a "BRUSSELS —" story on Zimbabwe happens in Zimbabwe)."""
    text = doc_text(roles.doc)
    m = DATELINE_END.search(text[:120])
    line = where.within(0, m.start() + 1) if m is not None else []
    if line and (home is None or line[-1].country in participants(roles)):
        return line[-1].country
    return home


def _one_country(places: Sequence[Place]) -> str | None:
    countries = {p.country for p in places if p.country}
    return countries.pop() if len(countries) == 1 else None


def _nationality_in(tok: Any, roles: _Roles) -> str | None:
    """A single state named by a nationality adjective inside a phrase ("crowds carrying
    Palestinian flags", "the Yemeni capital"); people and bodies in it ("witnessed by an AFP
    correspondent") say whose they are, not where the phrase is."""
    found = set()
    for t in tok.subtree:
        for a in roles.nationality(t):
            ref = roles.ref_of(a)
            if ref is not None and ref.country and not ref.org:
                found.add(ref.country)
    return found.pop() if len(found) == 1 else None


def _located(where: Locator, roles: _Roles, tok: Any) -> list[Place]:
    """The places a phrase puts something in: not a country named as a modifier ("outside
    the US embassy in Baghdad" is in Baghdad, not in the United States)."""
    out = []
    for p in where.within(*_span(tok)):
        span = roles.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("compound", "amod", "nmod", "poss"):
            continue
        out.append(p)
    return out


def situated_crowd(c: _Candidate, sent: Any, where: Locator, home: str | None,
                   roles: _Roles) -> tuple[ActorRef, ...]:
    """The people of the state an unnamed crowd acts in, as a name-only civilian actor;
    () when the doer is no crowd (gunmen, a bomber: whose they are is the question) or the
    text places it nowhere. Read most direct first: a nationality in the crowd's own phrase,
    a place in its phrase or in the clause's prepositions ("gathered in Kisumu"), the one
    country the sentence places anything in, the story's state."""
    if c.sense.category not in DISSENT or c.kind == "derived":
        return ()
    if c.source:
        # an actor the actor layer made of the crowd but could not key ("people")
        refs = [roles.ref_of(a) for a in c.source]
        if len(refs) != 1 or refs[0] is None or refs[0].country or refs[0].org:
            return ()
        ref = refs[0]
    elif c.unnamed and not c.unnamed[0].country:
        ref = c.unnamed[0]
    else:
        return ()
    verb = c.light if c.light is not None else c.pred
    subj = _subject(verb)
    if subj is None or subj.lower_ not in CROWD_NOUNS and subj.lemma_.lower() not in CROWD_NOUNS:
        return ()
    if subj.dep_ != "nsubj" or verb.dep_ in ("ccomp", "xcomp", "oprd") and (
            verb.tag_ == "VBN" or verb.head.lemma_.lower() in RESULTATIVE_HEADS):
        return ()  # "left 18 people wounded", "were dispersed": the crowd underwent the act
    country = _nationality_in(subj, roles)
    if country is None:
        found = _located(where, roles, subj)
        found += [x for p in verb.children if p.dep_ in ("prep", "advmod", "npadvmod")
                  for x in _located(where, roles, p)]
        country = found[0].country if found else None
    if country is None:
        country = _one_country(where.within(sent.start_char, sent.end_char))
    if country is None:
        country = story_state(roles, where, home)
    if country is None:
        return ()
    return (ActorRef(actor=None, name=ref.name, country=country, sector="CVL"),)


def state_actor(roles: _Roles, code: str) -> str:
    """The article's actor for the state ``code`` itself, else a pseudo actor for it (never
    one of its people: "Iranians" are not Iran's government)."""
    states = [a for a in roles.actors.actors if a.country == code and not a.org
              and a.kind == "state"]
    states.sort(key=lambda a: -len(a.mentions))
    return states[0].id if states else f"kb:{code}:{code}"


def dissent_state(c: _Candidate, roles: _Roles) -> list[str]:
    """The state a people's protest or violence naming no one is aimed at: their own. Only
    for doers that are a state's people (civilians, opposition, parties, unions, a situated
    crowd), all of one country; never for a state's own organs (a state's unaddressed
    protest is diplomatic, and its force is the domestic or place layer's) nor for armed
    groups (whose violence is war or crime, aimed at whoever it hits)."""
    verbal = c.sense.category in VERBAL_DISSENT
    if c.sense.category not in DISSENT and not verbal or c.kind == "derived":
        return []
    refs = [r for r in (roles.ref_of(a) for a in c.source) if r] if c.source else \
        list(c.unnamed or ())
    if not refs or any(r.org or not r.country or r.sector is None
                       or r.sector in STATE_SECTORS | ARMED_SECTORS for r in refs):
        return []
    if verbal and (c.kind != "verb" or any(r.sector in REPORTING for r in refs)
                   or _addressed(c.light if c.light is not None else c.pred)):
        return []  # "accused critics of lying": whoever the object is, it is the target
    countries = {r.country for r in refs}
    if len(countries) != 1:
        return []
    own = countries.pop()
    other = _other_state_named(c, roles, own)
    if other:
        return [state_actor(roles, other)]  # "outside the Chinese embassy", "against US strikes"
    return [state_actor(roles, own)]


def _addressed(verb: Any) -> bool:
    """Does the clause have someone in its object or addressee slot ("accused critics",
    "rejected them", "complained to the union")?"""
    return any(ch.dep_ in ("dobj", "dative", "iobj") and (
        ch.pos_ in ("PRON", "PROPN") or ch.lemma_.lower() in ANIMATE) for ch in verb.children) \
        or any(ch.dep_ == "prep" and ch.lower_ in ("to", "with", "against")
               for ch in verb.children)


def _other_state_named(c: _Candidate, roles: _Roles, own: str) -> str | None:
    """A protest whose clause names another state only by a modifier in its phrases ("rallied
    outside the Chinese embassy", "marched against American drone strikes") is aimed at that
    state, not at the crowd's own."""
    if c.sense.category != "PROTEST":
        return None
    verb = c.light if c.light is not None else c.pred
    found = {country for ch in verb.children if ch.dep_ in ("prep", "dobj")
             for country in [_nationality_in(ch, roles)] if country and country != own}
    return found.pop() if len(found) == 1 else None


def _denied_things(verb: Any) -> list[Any]:
    """What a denial turns down: its object, or nothing said ("denies it", "denied any
    involvement", "rejected the allegations"); None-like empty list when it turns down an
    offer or a person instead."""
    objs = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass")]
    return [o for o in objs if o.lemma_.lower() in CHARGE_NOUNS or o.lower_ in CHARGE_NOUNS]


def _charged(roles: _Roles, target: Sequence[str], denier: Sequence[str]) -> bool:
    """Was a charge against ``target`` one against the denier? For a person, only if it
    named that person (a charge against Turkey is not one against each Turkish general); for
    a state or a body, if it named it or its side ("Chinese officials" answer for China)."""
    if set(target) & set(denier):
        return True
    people = [a for a in denier if not a.startswith("kb:") and a in roles.actors._by_id
              and roles.actors.get(a).kind == "person"]
    return bool(target) and not people and _same_side(roles, list(target), list(denier))


def charge_maker(c: _Candidate, roles: _Roles,
                 earlier: Sequence[tuple[_Candidate, Any]]) -> list[str]:
    """The one who charged the denier, for a denial whose clause names no accuser: the
    source of the latest charge or legal measure (accusation, arrest, indictment, penalty)
    the article reported against the denier's side (the denier, or its state for an
    official)."""
    if c.sense.category != "REJECT" or c.kind == "derived" or not c.source:
        return []
    verb = c.light if c.light is not None else c.pred
    if verb.lemma_.lower() not in DENYING_VERBS:
        return []
    things = _denied_things(verb)
    if not things and c.pred.dep_ != "relcl":
        return []  # ("rejected the offer": an answer to a proposal, not to a charge)
    for prev, _ in reversed(earlier):
        if prev.sense.category not in CHARGES or prev.status == "negated" or prev is c:
            continue
        if not _charged(roles, prev.target, c.source):
            continue
        # (the state's own police or courts charging its former minister are still the
        # accuser: a domestic denial is coded country to country)
        accusers = [a for a in prev.source if roles._keyed(a) and a not in c.source]
        if accusers:
            return accusers
    return []


def struck_place(c: _Candidate, sent: Any, where: Locator, roles: _Roles,
                 home: str | None = None) -> tuple[ActorRef, ...]:
    """The country force is used on when the clause names only a place ("struck houses in
    the Yemeni capital", "shelled villages near Kharkiv") or no place at all ("a suicide
    bomber blew up a truck there"): a nationality or place in its object or prepositional
    phrases, else the one country its sentence places anything in, else the state the story
    happens in; never the doer's own country (force at home is the domestic layer's). An
    unknown doer ("gunmen", "a bomber") has no own country: its attack is on the place."""
    if c.sense.category not in FORCE or c.kind == "derived" or dissent_state(c, roles):
        return ()  # (a people's violence is aimed at its own state: ``dissent_state``)
    refs = [r for r in (roles.ref_of(a) for a in c.source) if r] + list(c.unnamed or ())
    own = {r.country for r in refs if r.country}
    if len(own) > 1:
        return ()  # several doers ("Sudan and Chad clashed"): each other's, not a place's
    verb = c.light if c.light is not None else c.pred
    subj = _subject(verb)
    places: list[Place] = []
    named: str | None = None
    for ch in verb.children:
        if ch is subj or ch.dep_ in SUBJ_DEPS or ch.dep_ in ("advcl", "ccomp", "conj", "relcl"):
            continue
        if ch.dep_ == "dobj" or (ch.dep_ == "prep" and ch.lower_ in PLACE_PREPS):
            places += where.within(*_span(ch))
            named = named or _nationality_in(ch, roles)
    country = places[0].country if places else named
    if country is None:
        country = _one_country(where.within(sent.start_char, sent.end_char))
    if country is None:
        country = story_state(roles, where, home)
    if country is None or country in own:
        return ()
    return (ActorRef(actor=None, name=places[0].name if places else country, country=country),)


#: Force and coercion: in a story between two states their targets are named, not assumed.
FORCE_USED = frozenset({"ASSAULT", "COERCE"})
#: Acts whose target may be the doer's own state when the story is about it (domestic).
DOMESTIC = frozenset({"COERCE", "CONCEDE", "ACCUSE", "REJECT", "REQUEST", "PROTEST",
                      "ASSAULT", "RETREAT", "SANCTION"})


def story_target(c: _Candidate, roles: _Roles, where: Locator, home: str | None) -> list[str]:
    """The last resort for an act whose clause and passage name no one it is aimed at: the
    state the story is about, as a reader takes it ("the White House said the United States
    opposed any attempt to overturn the result", in a story on Myanmar, is aimed at Myanmar;
    "the prime minister resigned" in a story on Pakistan is Pakistan's own affair). A doer of
    that very state gets it only for acts that can be domestic. In a story between two states
    one party's act is aimed at the other (force aside: the people it hits are often neither),
    and an outsider's at neither (which one is ambiguous). Events so aimed say so in their ``basis`` (``story``), which calibrates their
    confidence apart."""
    if _addressed(c.light if c.light is not None else c.pred):
        return []  # "accused critics of lying": the text says whom, if by a noun only
    own = _keys(roles, c.source)
    parts = participants(roles)
    if len(parts) >= 2:
        if not own & set(parts) or c.sense.category in FORCE_USED:
            return []  # (force between the two is named; the people it hits often are not)
        other = [p for p in parts if p not in own]
        return roles.country_actor(other[0]) if other else []
    state = story_state(roles, where, home)
    if state is None:
        return []
    if state in own and c.sense.category not in DOMESTIC:
        return []
    return roles.country_actor(state)
