"""Frame arguments beyond the direct object: where a predicate's own roles name no target,
the phrase that fills the target slot often names its actors *inside* it.

Each function handles one linguistic phenomenon, for every verb, and returns actor ids
(``_Roles`` ids, or ``kb:ISO3:word`` pseudo ids) not already on the source side:

- ``object_owners``: the doer of the thing an act is about, written inside the object phrase
  ("denounced the embargo that Washington tightened", "dismissed the claims made by a Chinese
  newspaper", "condemned what it called aggression by X"): see ``referents``.
- ``event_referent``: the doer of an earlier act that a definite act noun or a demonstrative
  points back at ("condemned the raid", "rejected the ruling", "denied this").
- ``nested_partners``: partners written one or two noun phrases down ("agreed to a new round of
  talks with Russia", "welcomed the start of negotiations with Kiev").
- ``domestic_target``: a state's coercion of, or concession to, its own people names no
  foreign party; the target is the state's own country ("imposed a nationwide curfew",
  "lifted the ban on opposition rallies").
- ``state_act_target``: a domestic dispute over a state act ("the opposition rejected the
  official tally"): the state whose act it is.
- ``own_object_abroad``: the source's own thing in another country ("closed its embassy in
  Lome") aims the act at that country.
- ``demanded_doer``: a demand is aimed at whoever is to do what it demands, the subject of
  its content clause ("called for Georgia's prime minister to resign", "demanded that the
  government pay"; an unnamed "the government" of a non-state source is its own state's).
- ``pronoun_target``: "them"/"they"/"him" as the addressee points back at the actors the text
  was just about ("met the leaders of A and B and urged them to ...").
"""
from __future__ import annotations

from typing import Any, Sequence

from ...model import ActorRef, Place
from .dictionary import OWN_AGENT_NOUNS, STATE_ACT_WORDS
from .frame import _Candidate
from .grammar import OBJ_DEPS, REACTIONS, RELATIVE_PRONOUNS, SUBJ_DEPS, TARGET_PREPS
from .roles import _Roles
from .scope import SITUATION_NOUNS
from .referents import (
    _pobj_actors, _slot_heads as _heads, antecedent_doers, demonstrative_doers, mentioned_before,
    owner_target)
from .unaddressed import dissent_state

#: prepositions that introduce what a reaction or a demand is about ("regret at", "anger over")
ABOUT_PREPS = frozenset({"at", "over", "about", "against", "on", "of", "to", "into", "for"})
#: the means of talking, under which the partner hangs ("by telephone with")
MEANS_PREPS = frozenset({"by", "over", "via", "on"})
#: 3rd-person pronouns that can stand for actors named before
ACTOR_PRONOUNS = frozenset({"them", "they", "him", "her", "it"})
#: prepositions whose object is the other party of an act ("work with", "a case against")
PARTNER_PREPS = frozenset({"with", "against", "to", "toward", "towards"})
DOMESTIC = frozenset({"COERCE", "CONCEDE"})
#: acts whose purpose clause says whom they are aimed at ("sent frigates to shadow X")
PURPOSEFUL = frozenset({"MOBILIZE", "ASSAULT", "COERCE", "SANCTION", "THREATEN"})
#: verbs of saying that carry an apology or regret, not a measure
SAYING = frozenset({"express", "voice", "offer", "extend", "convey", "apologize", "apologise"})


def _slot_nouns(pred: Any) -> list[Any]:
    """The nouns that fill a predicate's target slot: its objects and the objects of its
    'about' prepositions, with their coordinated partners."""
    out: list[Any] = []
    for child in pred.children:
        if child.dep_ in OBJ_DEPS or child.dep_ == "nsubjpass":
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in ABOUT_PREPS:
            out.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "ccomp":
            # "reaffirmed that its treaty with Manila would apply": the clause's subject
            out.extend(g for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
    out += [c for n in list(out) for c in n.children if c.dep_ == "conj"]
    return [n for n in out if n.pos_ in ("NOUN", "PROPN")]


def _new(found: list[str], got: Sequence[str], source: Sequence[str]) -> None:
    found.extend(a for a in got if a not in found and a not in source)


def object_owners(c: _Candidate, roles: _Roles) -> list[str]:
    """Relative clauses, participles, by-phrases and possessives of the object name the doer
    of what the act is about ("the blockade that Caracas imposed", "the accusations made by a
    Greek spokesman", "denounced as a crime Lisbon's seizure"): see ``referents``."""
    return owner_target(c, roles, _slot_nouns)


def event_referent(c: _Candidate, roles: _Roles, earlier: Sequence[tuple[_Candidate, Any]],
                   sent: Any, is_event: Any, same_side: Any) -> list[str]:
    """"condemned the raid", "accepted the ruling", "denied this": the doer of the earlier act
    a definite act noun or a demonstrative in the target slot points back at (see
    ``referents.antecedent_doers`` and ``referents.demonstrative_doers``)."""
    return antecedent_doers(c, roles, earlier, _slot_nouns, is_event) or \
        demonstrative_doers(c, roles, earlier, sent, same_side)


def nested_partners(c: _Candidate, roles: _Roles) -> list[str]:
    """Partners two or three noun phrases down the target slot: "agreed to a new round of
    talks with Russia" (to -> round -> of -> talks -> with Russia)."""
    found: list[str] = []

    def walk(noun: Any, depth: int) -> None:
        for prep in noun.children:
            if prep.dep_ != "prep":
                continue
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                if prep.lower_ in TARGET_PREPS and prep.lower_ != "of":
                    _new(found, roles.of_token(pobj), c.source)
                if depth > 0 and not found:
                    walk(pobj, depth - 1)

    for head in _heads(c):
        for noun in _slot_nouns(head):
            walk(noun, 2)
        for prep in head.children:
            # "spoke by telephone with X", "talked over the phone to X": the partner hangs
            # off the means of talking
            if prep.dep_ == "prep" and prep.lower_ in MEANS_PREPS:
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    walk(pobj, 0)
    return found


def recipient_past_own_object(c: _Candidate, roles: _Roles) -> list[str]:
    """"handed the fishermen back to Beijing", "returned its citizens to Manila": when the
    object is the source's own side, the recipient after "to" is the one the act is aimed at."""
    own = roles_keys(roles, c.source)
    if not own or not c.target or not roles_keys(roles, c.target) <= own:
        return []
    found: list[str] = []
    for head in _heads(c):
        # "handed X back to Y", "passed X over to Y": the preposition may hang off the particle
        preps = list(head.children) + [g for ch in head.children if ch.dep_ in ("advmod", "prt")
                                       for g in ch.children]
        for prep in preps:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "into"):
                got = [a for a in _pobj_actors(prep, roles) if roles.key_of(a) not in own]
                _new(found, got, c.source)
    if not found:
        # "reaffirmed Washington's treaty with Manila": the partner of one's own thing
        found = [a for a in nested_partners(c, roles) if roles.key_of(a) not in own]
    return found


def purpose_target(c: _Candidate, roles: _Roles) -> list[str]:
    """"dispatched frigates to shadow Japanese patrol boats", "massed troops to pressure
    Kyiv": a purpose clause names whom the act is aimed at."""
    found: list[str] = []
    if c.sense.category not in PURPOSEFUL:
        return []
    node = c.light if c.light is not None else c.pred
    for adv in node.children:
        if adv.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in adv.children):
            _new(found, roles.objects(adv), c.source)
    return found


def deploys_own(c: _Candidate, roles: _Roles) -> bool:
    """"moved its forces in", "sent its warships": a deployment of one's own units is not
    aimed at oneself (the moved object names the mover's own side)."""
    return c.sense.category == "MOBILIZE" and bool(c.target) and \
        roles_keys(roles, c.target) <= roles_keys(roles, c.source)


def governor_addressee(c: _Candidate, roles: _Roles) -> list[str]:
    """"wrote to Erdogan, calling for the shipments to continue", "summoned Russia's
    ambassador to protest": a verbal act in a participle or purpose clause is addressed to
    whoever the governing verb reaches."""
    node = c.light if c.light is not None else c.pred
    if c.sense.quad not in (1, 3) or node.dep_ not in ("advcl", "xcomp") \
            or node.head.pos_ != "VERB":
        return []
    return [a for a in roles.objects(node.head, skip=node) if a not in c.source]


def own_object_abroad(c: _Candidate, roles: _Roles, places: Sequence[Place]
                      ) -> tuple[ActorRef, ...]:
    """"closed Ghana's embassy in Lome", "recalled its ambassador from Santiago": when the
    object belongs to the source's own side, the act is aimed at the country where it is."""
    own = roles_keys(roles, c.source)
    if not own or not roles_keys(roles, c.target) <= own:
        return ()
    nouns = [n for head in _heads(c) for n in _slot_nouns(head)]
    node = c.light if c.light is not None else c.pred
    if node.dep_ == "xcomp":
        # "ordered the delegation in Minsk to break off the talks": where the doers are
        nouns += [ch for ch in node.head.children if ch.dep_ in ("dobj", "dative")
                  and ch.lemma_.lower() in OWN_AGENT_NOUNS]
    for noun in nouns:
        if not any(ch.dep_ == "poss" for ch in noun.children) and \
                noun.lemma_.lower() not in OWN_AGENT_NOUNS:
            continue
        for prep in (ch for ch in noun.children if ch.dep_ == "prep"
                     and ch.lower_ in ("in", "at", "from", "to")):
            a, b = prep.idx, prep.right_edge.idx + len(prep.right_edge)
            for p in places:
                if p.country and p.country not in own and a <= p.start and p.end <= b:
                    return (ActorRef(actor=None, name=p.name, country=p.country),)
    return ()


def domestic_target(c: _Candidate, roles: _Roles) -> list[str]:
    """Acts that name no foreign party are domestic, and PLOVER codes them country-to-country:
    coercion, concessions and releases by a state are done to its own people ("declared a
    state of emergency", "granted an amnesty", "freed 19 clergymen"), and the protest,
    violence, charge or refusal of its people is aimed at their own state ("hundreds
    gathered outside the ministry", "the opposition complained of fraud": see
    ``unaddressed.dissent_state``)."""
    people = dissent_state(c, roles)
    if people:
        return people
    release = c.sense.mode == "release" and c.kind == "verb"  # freeing its own detainees
    if (c.sense.category not in DOMESTIC and not release) or c.kind == "derived":
        return []
    said = {c.pred.lemma_.lower(), c.sense.pattern.split()[0].lower()} | (
        {c.light.lemma_.lower()} if c.light is not None else set())
    if said & SAYING:
        return []  # "expressed regret for the incident": words, not a measure at home
    refs = [r for r in (roles.ref_of(a) for a in c.source) if r]
    countries = {r.country for r in refs if r.country and not r.org}
    if len(countries) != 1 or any(r.sector == "REB" for r in refs) or (
            c.sense.category == "COERCE" and any(r.sector == "MIL" for r in refs)):
        return []  # soldiers often coerce abroad, rebels act against the state: not domestic
    code = countries.pop()
    return [f"kb:{code}:{code}"]


#: nouns for a state's own rulers: unnamed, in a demand by a non-state actor, its own state's
RULER_NOUNS = frozenset({"administration", "authorities", "government", "regime"})


def demanded_doer(c: _Candidate, roles: _Roles) -> list[str]:
    """"called for Georgia's prime minister to resign", "demanded that the government pay the
    arrears": the one a demand wants to act, the subject of its content clause (a "that"
    clause or a "for ... to" infinitive). "The government" unnamed, in the demand of a
    non-state actor (a union, protesters), is that actor's own state."""
    if c.sense.category != "REQUEST" or c.kind == "derived":
        return []
    node = c.light if c.light is not None else c.pred
    found: list[str] = []
    for clause in node.children:
        content = clause.dep_ == "ccomp" or (clause.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in clause.children))
        if not content:
            continue
        for subj in clause.children:
            if subj.dep_ not in SUBJ_DEPS | {"nsubjpass"}:
                continue
            _new(found, [a for a in roles.of_token(subj) if roles._keyed(a)], c.source)
            if not found and subj.lemma_.lower() in RULER_NOUNS and not any(
                    t.dep_ in ("poss", "compound", "amod") for t in subj.children):
                refs = [r for r in (roles.ref_of(a) for a in c.source) if r]
                countries = {r.country for r in refs if r.country and not r.org}
                if len(countries) == 1 and refs and not any(
                        r.sector in ("GOV", "MIL", "JUD", "LEG") for r in refs):
                    code = countries.pop()
                    found.append(f"kb:{code}:{code}")
    return found


def state_act_target(c: _Candidate, roles: _Roles) -> list[str]:
    """A domestic dispute whose object is a state act ("rejected the official tally",
    "denounced the government's decree"): the state that issued it, i.e. the country of a
    non-state source (an opposition, a union, protesters) when the object is marked official."""
    refs = [r for r in (roles.ref_of(a) for a in c.source) if r]
    countries = {r.country for r in refs if r.country and not r.org}
    if len(countries) != 1 or any(r.sector in ("GOV", "MIL", "JUD", "LEG") for r in refs):
        return []
    for head in _heads(c):
        for noun in _slot_nouns(head):
            marks = {t.lemma_.lower() for t in noun.children if t.dep_ in ("amod", "compound",
                                                                         "poss", "nmod")}
            if marks & STATE_ACT_WORDS:
                code = countries.pop()
                return [f"kb:{code}:{code}"]
    return []


def pronoun_target(c: _Candidate, roles: _Roles,
                   earlier: Sequence[tuple[_Candidate, Any]], sent: Any) -> list[str]:
    """A 3rd-person pronoun in the target slot (object, partner after "with"/"against"/"to",
    or subject of the demanded clause: "demanded they be released") stands for the actors
    the text was just about: the target, else the source, of the latest event of this or the
    previous sentence on another side (a partner pronoun, else the nearest actor named
    before it on another side)."""
    pronoun = False
    partner = None
    for head in _heads(c):
        for child in head.children:
            if child.dep_ in ("dobj", "dative", "nsubjpass") and child.lower_ in ACTOR_PRONOUNS:
                pronoun = True
            if child.dep_ == "prep" and child.lower_ in PARTNER_PREPS:
                # "are working with it", "filed a case against him": the partner's pronoun
                partner = next((g for g in child.children if g.dep_ == "pobj"
                                and g.lower_ in ACTOR_PRONOUNS), partner)
                pronoun |= partner is not None
            if child.dep_ in ("ccomp", "xcomp"):
                pronoun |= any(s.dep_ in SUBJ_DEPS | {"nsubjpass"} and s.lower_ in ACTOR_PRONOUNS
                               and s.lower_ != "it" for s in child.children)
    if not pronoun:
        return []
    start = sent.start
    for prev, psent in reversed(earlier):
        if psent.end < start - 60 or psent.start > sent.start:
            break
        for side in (prev.target, prev.source):
            got = [a for a in side if a not in c.source and roles._keyed(a)]
            if got and not set(roles_keys(roles, got)) & set(roles_keys(roles, c.source)):
                return got
    # "in close contact with Fiji's government and working with it": no event told of the
    # partner, but the text named it just before the pronoun
    return mentioned_before(partner, roles, c.source) if partner is not None else []


def located_event_target(c: _Candidate, roles: _Roles, is_event: Any) -> list[str]:
    """"condemned the coup in Gabon", "welcomed the elections in Liberia", "voiced concern over
    the situation in Mali": a reaction to an
    event the text places in a state is aimed at that state (its name after "in" is where
    the judged event happened, and the state is who answers for it)."""
    if c.sense.category not in REACTIONS or c.sense.quad not in (1, 3):
        return []
    found: list[str] = []
    for head in _heads(c):
        nouns = _slot_nouns(head)
        # "voiced concern over the situation in Mali": what the reaction is about hangs one
        # noun down, off the feeling voiced
        nouns += [g for n in list(nouns) for p in n.children if p.dep_ == "prep"
                  and p.lower_ in ABOUT_PREPS for g in p.children if g.dep_ == "pobj"]
        for noun in nouns:
            if not is_event(noun) and noun.lemma_.lower() not in SITUATION_NOUNS:
                continue  # ("the situation in Mali", "events in Sudan": what goes on there)
            for prep in (p for p in noun.children if p.dep_ == "prep" and p.lower_ == "in"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    got = [a for a in roles.of_token(pobj) if (r := roles.ref_of(a)) is not None
                           and r.country and not r.org]
                    _new(found, got, c.source)
    return found


def roles_keys(roles: _Roles, ids: Sequence[str]) -> set[str]:
    return {k for k in (roles.key_of(a) for a in ids) if k}


def event_subject_doers(verb: Any, roles: _Roles, is_event: Any) -> tuple[list[str], list[str]]:
    """"Fighting between Kyrgyz and Tajik guards killed 24", "the bombardment of the port by
    Russian warships killed nine", "post-election violence by militias left eleven dead": when
    the subject of a harm verb is itself an event, its own arguments name who did the harm
    (between: both sides; by: the doer; a nationality or possessive: the doer) and, for
    "of" after the event, what it was done to. Returns (source, target)."""
    subject = next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None)
    if subject is None or not (subject.pos_ == "VERB" or is_event(subject)):
        return [], []
    source: list[str] = []
    target: list[str] = []
    for tok in subject.subtree:
        if tok.dep_ in ("prep", "agent") and tok.lower_ in ("between", "by"):
            got = [a for g in tok.children if g.dep_ == "pobj" for a in roles.of_token(g)]
            if tok.lower_ == "between" and len(got) >= 2:
                return got[:1], got[1:]
            _new(source, got, [])
    if not source and subject.pos_ != "VERB":
        source = roles._head_actors(subject, 1, of=False)
    if source:
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                _new(target, _pobj_actors(prep, roles), source)
    return source, target


def conjunct_target(c: _Candidate, earlier: Sequence[tuple[_Candidate, Any]],
                    roles: _Roles) -> list[str]:
    """"voiced unease over events in Nicaragua and appealed for talks": a verb coordinated
    with an earlier one of the same subject shares its target when it names none."""
    node = c.light if c.light is not None else c.pred
    if node.dep_ != "conj":
        return []
    for prev, _ in reversed(earlier):
        pnode = prev.light if prev.light is not None else prev.pred
        if pnode.i == node.head.i and prev.target and set(prev.source) == set(c.source):
            return [a for a in prev.target if a not in c.source]
    return []


def faced_side(c: _Candidate, roles: _Roles) -> list[str]:
    """"assembled 100,000 troops close to the Ukrainian border", "put its forces on alert,
    citing Venezuelan troop movements": a deployment is aimed at the other side the clause
    names anywhere outside its subject (a nationality or an actor not of the mover's side)."""
    if c.sense.category != "MOBILIZE":
        return []
    own = roles_keys(roles, c.source)
    node = c.light if c.light is not None else c.pred
    found: list[str] = []
    for child in node.children:
        if child.dep_ in SUBJ_DEPS or child.dep_ in ("nsubjpass", "agent", "aux", "auxpass"):
            continue
        for tok in child.subtree:
            got = roles._token_actor.get(tok.i, ()) or tuple(roles.nationality(tok))
            _new(found, [a for a in got if roles._keyed(a) and roles.key_of(a) not in own],
                 c.source)
    return found


PAIR_MARKS = frozenset({"both", "two"})


def pair_target(c: _Candidate, roles: _Roles,
                earlier: Sequence[tuple[_Candidate, Any]]) -> list[str]:
    """"spoke with the leaders of both neighbours", "urged the two countries to talk": a
    definite pair refers back to the two sides of the latest event that had two sides."""
    marked = False
    for head in _heads(c):
        for child in head.children:
            if child.dep_ in SUBJ_DEPS or child.dep_ in ("nsubjpass", "agent"):
                continue
            marked |= any(t.lower_ in PAIR_MARKS and t.dep_ in ("det", "predet", "nummod",
                                                                "preconj")
                          for t in child.subtree)
    if not marked:
        return []
    own = roles_keys(roles, c.source)
    for prev, _ in reversed(earlier):
        sides = [a for a in prev.source + prev.target if roles._keyed(a)]
        keys = {roles.key_of(a) for a in sides}
        if len(keys) == 2 and not keys & own:
            picked: dict[str, str] = {}
            for a in sides:
                picked.setdefault(roles.key_of(a) or "", a)
            return list(picked.values())
    return []
