"""Extraction: every sentence's frames -> categorised, status-marked events with actors,
dates, places and calibrated confidence."""
from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any, Sequence

from ...model import ActorRef, ArticleMeta, DateRef, Event, Evidence, Place, Quote
from ..dates import event_date
from ..places import event_location
from .grammar import CONSULT_PREPS, GRIEVANCE, SYMMETRIC, UNNAMED_DOER
from .dictionary import JOINT_WORDS, Sense, VerbDictionary
from .roles import _Roles
from .frame import _Candidate
from .status import (
    PROMISE_CAMEO, THREAT_CAMEO, _announced_harm, _condition_subjects, _conditional, _keys,
    _own_announcement, _own_refusal, _status)
from .senses import _contexts, _to_audience, _warns_of_own_deed, bare_journey
from .candidates import _candidates
from .triggers import _noun_match
from .arguments import (
    conjunct_target, demanded_doer, deploys_own, domestic_target, faced_side, pair_target, governor_addressee, nested_partners, object_owners, own_object_abroad, pronoun_target,
    event_subject_doers, located_event_target, purpose_target, recipient_past_own_object,
    state_act_target, event_referent)
from .discourse import discourse_addressee, implicit_counterpart, participants
from .situated import Locator, situated_state
from .charges import reported_charges
from .unaddressed import charge_maker, situated_crowd, story_target, struck_place
from .scope import (
    conditional_clause, enacts_own_instrument, failed_agreement, interrogative, is_document,
    purpose_clause, reduced_passive)
from .orders import ordered_participle
from .fallbacks import (
    _same_side,
    _animate_subject, _antecedent_target, _fired_from, _instrument_doer,
    _mediated_parties, _place_target, _refs, _unnamed_doer)

#: categories whose target may be the source's own side (domestic disputes and measures)
DOMESTIC_OK = frozenset({"COERCE", "CONCEDE", "ACCUSE", "REJECT", "REQUEST", "PROTEST",
                         "ASSAULT", "RETREAT"})


def _argument_target(c: _Candidate, roles: _Roles, raw: Sequence[tuple[_Candidate, Any]],
                     sent: Any, verbs: VerbDictionary) -> list[str]:
    """The target a frame's own roles left open, from inside its target slot, in order of
    how directly the text names it (see ``arguments``)."""
    tries = (lambda: object_owners(c, roles), lambda: nested_partners(c, roles),
             lambda: pronoun_target(c, roles, raw, sent), lambda: state_act_target(c, roles),
             lambda: purpose_target(c, roles), lambda: demanded_doer(c, roles),
             lambda: governor_addressee(c, roles),
             lambda: conjunct_target(c, raw, roles), lambda: faced_side(c, roles),
             lambda: pair_target(c, roles, raw),
             lambda: located_event_target(c, roles, lambda t: _noun_match(t, verbs) is not None),
             lambda: event_referent(c, roles, raw, sent, lambda t: _noun_match(t, verbs),
                                    _same_side))
    for attempt in tries:
        # only an actor with a key can be coded: an unkeyed one must not block the next try
        got = [a for a in attempt() if roles._keyed(a)]
        if got and not (c.sense.category not in DOMESTIC_OK and _same_side(roles, got, c.source)):
            return got  # (a state's act found aimed at its own side is a misreading)
    return []


def _narrated_plan(c: _Candidate) -> bool:
    """A coming act told in the reporter's own voice ("the EU will impose sanctions on X",
    "Canada will send doctors to Haiti"): a plan stated as fact, coded as the act with status
    future, not as a threat or promise, which are things someone says. The terms of a
    document ("under the accord, India will share ...") are what its parties promised."""
    if c.speaker:
        return False
    node = c.light if c.light is not None else c.pred
    while node.dep_ == "conj" and node.head is not node:
        node = node.head  # (an intent, "wants to attack", or a purpose is no plan told)
    return node.dep_ == "ROOT" and not _conditional(node) and not any(
        ch.dep_ == "prep" and ch.lower_ == "under" for ch in node.children)


def basis(c: _Candidate, has_target: bool) -> str:
    """How an event was read, coarse enough to calibrate on: kind|role|target|status."""
    kind = "light" if c.light is not None else c.kind
    status = {"future": "irrealis", "hypothetical": "irrealis"}.get(c.status, c.status)
    told = "story" if has_target and c.inferred else "target" if has_target else "no-target"
    return f"{kind}|{c.how}|{told}|{status}"


def _prior(key: str) -> float:
    """The uncalibrated guess, used when no calibration table covers a basis."""
    kind, how, target, status = key.split("|")
    conf = 0.45 + {"subject": 0.2, "agent": 0.2, "inherited": 0.1, "relative": 0.12,
                   "object-control": 0.05}.get(how, 0.0)
    conf += 0.1 if target == "target" else -0.05
    conf += 0.08 if kind in ("verb", "light") else -0.08
    conf -= 0.05 if status in ("claimed", "irrealis") else 0.0
    return conf


def confidence(key: str, table: dict[str, float]) -> float:
    """Calibrated probability that an event read this way is right (backs off to coarser
    keys: kind|role|target|status -> kind|role -> kind -> the uncalibrated prior)."""
    parts = key.split("|")
    for k in ("|".join(parts), "|".join(parts[:2]), parts[0]):
        if k in table:
            return round(max(0.05, min(0.95, table[k])), 2)
    return round(max(0.05, min(0.95, _prior(key))), 2)


def extract_events(doc: Any, actors: Any, verbs: VerbDictionary,
                   dates: Sequence[DateRef] = (), places: Sequence[Place] = (),
                   meta: ArticleMeta | None = None, quotes: Sequence[Quote] = (),
                   kb: Any = None) -> list[Event]:
    """Code every clause of ``doc`` into PLOVER events (pure function)."""
    published = meta.published if meta else None
    url = meta.url if meta else None
    roles = _Roles(doc, actors, quotes, verbs.relational, kb)
    raw: list[tuple[_Candidate, Any]] = []
    where = Locator(places, roles)
    home = (participants(roles) or (None,))[0]
    for sent in doc.sents:
        built = _candidates(sent, roles, verbs)
        # "said the decree was unlawful": charges and rebuttals made with a reporting verb
        for c in built + reported_charges(sent, roles, built, where, home):
            if c.kind == "verb" and c.light is None and reduced_passive(c.pred):
                continue  # "says two soldiers killed": victims, and an agentless passive
            if not c.source and c.sense.category in ("ASSAULT", "COERCE") and c.kind == "verb":
                # "were killed in Israeli tank shelling": the weapon or strike names the doer
                c.source = _instrument_doer(c.pred, roles, verbs)
                if c.source:
                    c.how = "instrument"
                    c.target = c.target or roles.passive_object(c.pred)
                else:
                    c.source, by_event = event_subject_doers(
                        c.pred, roles, lambda t: _noun_match(t, verbs) is not None)
                    if c.source:
                        c.how, c.target = "event-subject", by_event or c.target
            if not c.source and c.unnamed is None:
                # "officers in Lagos opened fire", "were suspended in Kenya", "was freed from
                # a jail in Peru": unnamed state agents and agentless measures are the state's
                # where they happen
                state = situated_state(c, sent, where, home, roles)
                if state:
                    c.unnamed, c.how = state, "place"
                    c.target = c.target or roles.passive_object(c.pred)
                    if not any(roles._keyed(a) for a in c.target) and \
                            c.sense.category != "RETREAT":
                        c.target = roles.country_actor(state[0].country or "")
            if not c.source and c.unnamed is None:
                # violence and protest happen even when the doer is unnamed ("a suicide
                # bomber", "gunmen", "crowds"): code them with an unkeyed source
                if (c.kind == "noun" and c.light is None) or (
                        c.sense.category not in UNNAMED_DOER and not _animate_subject(c, roles)):
                    continue
                c.unnamed = _unnamed_doer(c.light if c.light is not None else c.pred)
                if c.unnamed is None or c.unnamed[0].name.split()[-1].lower() in verbs.non_agents \
                        or c.unnamed[0].name.lower() in verbs.non_agents:
                    continue  # "the quake struck": nature is nobody's deed
                if is_document(c.unnamed[0].name.split()[-1]):
                    continue  # "the Vienna Convention bars ...": a document rules, acts not
                c.how = "unknown"
                origin = _fired_from(c.light if c.light is not None else c.pred, places, roles)
                if origin:
                    c.unnamed, c.how = origin, "place"
            crowd = situated_crowd(c, sent, where, home, roles)
            if crowd:  # "hundreds gathered in the square": the people of where they are
                c.source, c.unnamed = [], crowd
            c.target = [a for a in c.target if a not in c.source]
            # joint exercises of several countries are cooperation; one side's are a deployment
            if c.sense.category == "COOPERATE" and c.sense.mode == "military" and c.kind == "noun":
                joint = any(t.lower_ in JOINT_WORDS for t in c.pred.subtree) or \
                    len(_keys(roles, c.source + c.target)) >= 2
                if not joint:
                    c.sense = replace(c.sense, category="MOBILIZE", cameo="154", quad=4,
                                      score=-5.0)
            if c.sense.category == "THREATEN" and c.target and _same_side(roles, c.target,
                                                                           c.source):
                # "warned that Warsaw could close crossings into Belarus": one's own side is
                # the doer of the threatened deed; its target is the deed's
                deed = [a for v in (c.light or c.pred).children if v.dep_ == "ccomp"
                        for a in roles.objects(v) if not _same_side(roles, [a], c.source)]
                c.target = deed or c.target
            if c.sense.category == "THREATEN" and not c.target:
                # "threatened to strike unless Israel rescinded ...": the one the condition is on
                c.target = [a for a in _condition_subjects(c.light or c.pred, roles)
                            if a not in c.source]
            if c.sense.category in GRIEVANCE:
                # "complained to the UN over Israeli raids": the accused, not the addressee
                # (an unkeyed noun there, "warning that hungry people would pay", names who
                # suffers, not whom the complaint is about: it never displaces a keyed target)
                accused = roles.grievance_partners(c.light or c.pred, c.source)
                if any(roles._keyed(a) for a in accused) or not c.target:
                    c.target = accused or c.target
            if deploys_own(c, roles):
                c.target = []
            from_slot = [] if any(roles._keyed(a) for a in c.target) else _argument_target(
                c, roles, raw, sent, verbs)  # (an unkeyed "gunmen" may be "linked to X")
            c.target = from_slot or c.target
            if not c.target:
                c.target = _antecedent_target(c, verbs, raw, roles)
            if not c.target:
                c.target = charge_maker(c, roles, raw) or implicit_counterpart(c, roles)
            if not c.target and c.sense.category not in ("ACCUSE", "THREATEN", "REQUEST"):
                # a place in a complaint or warning is its topic ("warned against interference
                # in Belarus"), not the one warned
                c.place_target = _place_target(c, places) or \
                    struck_place(c, sent, where, roles, home)
            c.target = recipient_past_own_object(c, roles) or c.target
            abroad = own_object_abroad(c, roles, places)
            if abroad:
                c.target, c.place_target = [], abroad
            if not c.place_target and not any(roles._keyed(a) for a in c.target):
                # ("freed 12 dissidents": people the text names only by a noun are at home)
                c.target = domestic_target(c, roles) or c.target
            if c.sense.mode == "visit" and c.kind == "verb" and bare_journey(c.pred, roles):
                continue  # "flew to the resort": a journey with no host is no visit
            if c.sense.mode == "visit" and not c.target:
                # "arrived in Amman on a visit": the host is the country visited
                abroad = [r for r in c.place_target if r.country not in _keys(roles, c.source)]
                c.place_target = tuple(abroad)
                if not abroad:
                    continue  # a visit needs a host abroad
            elif c.sense.cameo == "052" and not c.target:
                continue  # defending verbally needs someone defended
            elif c.sense.mode == "visit" and _keys(roles, c.target) <= _keys(roles, c.source):
                continue  # travelling at home, or with one's own delegation, is no state visit
            if c.sense.category == "CONSULT" and c.target and c.kind == "verb" and \
                    not from_slot and not roles.objects(c.pred, preps=CONSULT_PREPS):
                # "speaking at the White House": where, not with whom
                c.target = []
            if c.sense.category == "CONSULT" and not c.target and not c.place_target \
                    and len(c.source) < 2 and not (c.sense.cameo.startswith("045")
                                                   and c.kind == "verb" and c.pred.tag_ == "VBN"):
                continue  # a consultation takes two: "has spoken publicly of" is a statement
            if c.sense.category == "AID" and c.kind == "verb" and not c.target \
                    and not c.place_target:
                continue  # "help trade keep growing": helping no one named is no aid
            if c.sense.category == "CONSULT" and _to_audience(c.pred):
                continue  # "speaking to reporters" is a statement, not a consultation
            if c.sense.mode == "warning" and not _warns_of_own_deed(c.pred, roles, c.source):
                c.sense = replace(c.sense, category="ACCUSE", cameo="111", quad=3, score=-2.5)
            if interrogative(c.light if c.light is not None else c.pred):
                continue  # "Did Ethiopia expel the envoy?": a question asserts no act
            if purpose_clause(c.light if c.light is not None else c.pred):
                continue  # "blocked roads to demand elections": an aim, not an act done
            if conditional_clause(c.light if c.light is not None else c.pred):
                continue  # "unless the junta frees the prisoners": only supposed
            if c.kind == "verb" and c.sense.category == "AGREE" and enacts_own_instrument(c.pred):
                continue  # "signed a decree": a measure enacted, no agreement with anyone
            if c.kind == "verb" and ordered_participle(c.pred):
                continue  # "ordered the diplomats expelled": the order is the measure
            src_keys = _keys(roles, c.source)
            c.status, speaker = _status(c.pred, c.light, roles, src_keys)
            c.speaker = tuple(speaker)
            if c.status == "negated" and _own_refusal(c, roles):
                # "said he would not provide support", "will not accept more refugees": a
                # refusal announced by the one who refuses
                c.sense = replace(c.sense, category="REJECT", cameo="120", quad=3, score=-4.0,
                                  mode="refusal")
                c.status = "asserted"
            if c.status == "negated" and c.sense.category == "AGREE" and \
                    failed_agreement(c.light if c.light is not None else c.pred):
                c.sense = replace(c.sense, category="REJECT", cameo="120", quad=3, score=-4.0,
                                  mode="no deal")
                c.status = "asserted"
                if not c.target and len(c.source) >= 2:
                    c.target = list(reversed(c.source))  # (each side rejects the other's terms)
            planned = c.status == "future" and _narrated_plan(c)
            if c.status in ("future", "hypothetical") and not planned and _announced_harm(c):
                # "will impose sanctions", "will withdraw its troops unless ...": a threat now
                c.sense = replace(c.sense, category="THREATEN",
                                  cameo=THREAT_CAMEO.get(c.sense.category, "130"), quad=3,
                                  score=min(c.sense.score, -4.0) * 0.7, mode="announced")
                c.status = "asserted"
            if c.status == "future" and c.sense.category in PROMISE_CAMEO and not planned and \
                    c.kind != "derived" and _own_announcement(c, roles):
                # "the UN will provide food aid", "they will release the hostages": a promise
                c.sense = replace(c.sense, category="AGREE", quad=1, score=3.0,
                                  cameo=PROMISE_CAMEO[c.sense.category], mode="intent")
                c.status = "asserted"
            if not c.target and not c.place_target and c.status == "asserted":
                # "Ankara has demanded they be sent back": the implicit addressee of a
                # charge, demand or refusal is the other party the article is about
                c.target = discourse_addressee(c, roles, sent)
            mutual = c.sense.category == "ASSAULT" and len(_keys(roles, c.source)) >= 2
            if (c.sense.category in SYMMETRIC or mutual) and not c.target and len(c.source) >= 2:
                # ("Sudan and Chad clashed": fighting with no one else named is mutual)
                c.target = list(reversed(c.source))
            if not c.target and not c.place_target and c.status != "negated":
                c.target = story_target(c, roles, where, home)
                c.inferred = bool(c.target)
            raw.append((c, sent))
            # a charge against a third party: the speaker accuses (the reported deed is claimed)
            reporters = {roles.actors.get(a).sector for a in c.speaker
                         if a in roles.actors._by_id} & {"MED", "JRN"}
            accused = [a for a in c.source if roles._keyed(a)]
            if c.status == "claimed" and c.sense.quad >= 3 and c.speaker and accused \
                    and not reporters:
                acc = _Candidate(Sense("ACCUSE", "112", -2.5, 3, None, "reported deed"),
                                 c.pred, c.light, list(c.speaker), accused, "reported",
                                 "derived", "asserted")
                raw.append((acc, sent))
    _mediated_parties(raw)
    events: list[Event] = []
    index: dict[tuple, int] = {}
    in_sentence = _Within(places), _Within(dates)
    for c, sent in raw:
        source = _refs(roles, c.source) or c.unnamed or ()
        target = _refs(roles, c.target) or c.place_target
        if not source and c.unnamed is None:
            continue
        anchor = c.pred.idx
        date = event_date(in_sentence[1].of(sent), sent.start_char, sent.end_char, anchor,
                          published, doc=doc)
        location = event_location(in_sentence[0].of(sent), sent.start_char, sent.end_char,
                                  anchor, doc=doc)
        trigger = c.pred.text if c.light is None else f"{c.light.text} … {c.pred.text}"
        body = sent.text
        lead = len(body) - len(body.lstrip())
        body = body.strip()
        evidence = Evidence(sentence=body, start=sent.start_char + lead,
                            end=sent.start_char + lead + len(body), trigger=trigger, url=url)
        key = (c.sense.category, tuple(sorted({a.org or a.country or a.name for a in source})),
               tuple(sorted({a.org or a.country or a.name for a in target})),
               c.status == "negated", date.value if date and date.precision != "published" else None)
        if key in index:
            i = index[key]
            prev = events[i]
            if prev.evidence.start != evidence.start:
                events[i] = replace(prev, also=prev.also + (evidence,))
            continue
        index[key] = len(events)
        key_basis = basis(c, bool(target))
        events.append(Event(
            id=f"e{len(events) + 1}", category=c.sense.category, cameo=c.sense.cameo,
            score=c.sense.score, quad=c.sense.quad, status=c.status, source=source,
            target=target, evidence=evidence, mode=c.sense.mode,
            context=_contexts(sent, verbs), date=date, location=location,
            confidence=confidence(key_basis, verbs.calibration), basis=key_basis))
    return _merge_partial(events)


def _side(refs: Sequence[ActorRef]) -> frozenset[str]:
    return frozenset(a.org or a.country or a.name for a in refs)


def _keyed(refs: Sequence[ActorRef]) -> bool:
    return any(a.org or a.country for a in refs)


def _merge_partial(events: list[Event]) -> list[Event]:
    """"Guterres appealed for calm, asking Zimbabwe's politicians to ..." is one request: a
    demand, charge or threat of a sentence that names no addressee gives way to one of the
    same sentence, category, source and status that does (a deed with no named target, such
    as a withdrawal, stays); ids are renumbered so they stay dense and stable."""
    keep = []
    for e in events:
        # (a target the text names only by a noun, "warning that hungry people would pay",
        # keys no one: it gives way like no target at all)
        if not _keyed(e.target) and e.category in ("REQUEST", "ACCUSE", "THREATEN") and any(
                o is not e and _keyed(o.target) and o.category == e.category
                and o.status == e.status
                and o.evidence.start == e.evidence.start and _side(o.source) == _side(e.source)
                for o in events):
            continue
        keep.append(e)
    return [replace(e, id=f"e{i}") for i, e in enumerate(keep, 1)]


class _Within:
    """Spans (places, dates) of one sentence, found by bisection: asking every event to scan
    the whole article's list would make coding quadratic in the article's length."""

    def __init__(self, spans: Sequence[Any]) -> None:
        self.spans = sorted(spans, key=lambda x: x.start)
        self.starts = [x.start for x in self.spans]

    def of(self, sent: Any) -> list[Any]:
        lo = bisect.bisect_left(self.starts, sent.start_char)
        hi = bisect.bisect_left(self.starts, sent.end_char)
        return [x for x in self.spans[lo:hi] if x.end <= sent.end_char]
