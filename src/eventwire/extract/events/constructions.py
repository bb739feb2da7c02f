"""Constructions: events that no single verb or noun of the dictionary carries, because the
meaning lies in a construction of several words:

- laying a fault on someone: "laid the blame on X", "the responsibility lies with X",
  "X is to blame" (a charge, CAMEO 112);
- naming a deed by a name of censure: "described the raid as a massacre", "branded the vote a
  farce", "called the move a strange way to react" (a charge against its doer, CAMEO 111);
- a first person's answer to a condition: "if they attack, we will respond", "should X come,
  he will have our jets to deal with" (a threat, CAMEO 130);
- stopping a supply: "stopped sending gas to X", "halted deliveries to X" (a cut-off, CAMEO 162);
- claiming an attack: "the group claimed the bombing of the market", "claimed responsibility
  for an attack on a bus" (the claimer names itself the doer of the attack the noun names);
- presence for a visit: "X is in Hanoi for a state visit at Y's invitation", "stays in Lima
  for a working visit" (X's visit, hosted by the inviter or the place's state).

Each reading needs all of its parts in the parse; one word alone ("blame", "described",
"if") codes nothing here.
"""
from __future__ import annotations

from typing import Any

from .dictionary import CLAIM_VERBS, Sense, VerbDictionary, _WORDS
from .frame import _Candidate
from .grammar import FIRST_PERSON, FUTURE_AUX, SUBJ_DEPS
from .roles import _Roles
from .triggers import _noun_match

NAMING_VERBS = _WORDS["naming_verbs"]
CENSURE_NOUNS = _WORDS["censure_nouns"]
CENSURE_ADJECTIVES = _WORDS["censure_adjectives"]
BLAME_NOUNS = _WORDS["blame_nouns"]
LAYING_VERBS = _WORDS["laying_verbs"]
RESTING_VERBS = _WORDS["resting_verbs"]
RESPONSE_VERBS = _WORDS["response_verbs"]
SUPPLY_VERBS = _WORDS["supply_verbs"]
SUPPLY_NOUNS = _WORDS["supply_nouns"]
CUTTING_VERBS = _WORDS["cutting_verbs"]

BLAME_SENSE = Sense("ACCUSE", "112", -2.5, 3, None, "lay blame")
CENSURE_SENSE = Sense("ACCUSE", "111", -2.5, 3, None, "name as censure")
THREAT_SENSE = Sense("THREATEN", "130", -4.5, 3, "conditional", "if … we will")
ADVICE_SENSE = Sense("REQUEST", "100", -2.5, 3, "demand", "the best X can do is")
CUTOFF_SENSE = Sense("SANCTION", "162", -5.5, 4, "economic", "stop supply")
#: modals and adjectives of a coming or possible answer: "will", "can", "are able/ready to"
ABILITY = frozenset({"can", "ca", "could", "able", "ready", "prepared", "capable"})
CONDITION_MARKS = frozenset({"if", "unless", "should"})
#: "the best/only thing X can do is ...", "the right course for X is to ..."
ADVICE_NOUNS = frozenset({"thing", "course", "option", "step", "way", "solution", "choice",
                          "path", "answer"})
ADVICE_ADJECTIVES = frozenset({"best", "good", "only", "right", "wise", "wisest", "sensible",
                               "proper", "responsible"})
RESPONSIBLE = frozenset({"responsible", "accountable", "culpable", "guilty", "liable"})


def construction_candidates(tok: Any, roles: _Roles,
                            verbs: VerbDictionary | None = None) -> list[_Candidate]:
    """The events a verb heads through one of the constructions above (empty if none)."""
    for reading in (_laid_blame, _resting_blame, _to_blame, _borne_blame, _held_responsible,
                    _censure_name, _conditional_answer, _supply_cut, _advised):
        got = reading(tok, roles)
        if got is not None:
            return [got]
    if verbs is not None:
        return claimed_attacks(tok, roles, verbs) or _present_for(tok, roles, verbs)
    return []


#: verbs of being somewhere ("is in Hanoi for talks"): they carry no event of their own
PRESENCE_VERBS = frozenset({"be", "stay", "remain"})
#: CAMEO codes of a visit made (042) and hosted (043)
VISIT_CAMEOS = frozenset({"042", "043"})


def _present_for(tok: Any, roles: _Roles, verbs: VerbDictionary) -> list[_Candidate]:
    """"X is in Hanoi for a state visit at Y's invitation": being in a place for a visit is
    that visit, by the one present, to whoever invited them (the owner of "invitation") or
    else the state of the place. A meeting or a summit in a place has no host there ("was
    in Kampala for a summit of the bloc")."""
    if tok.lemma_.lower() not in PRESENCE_VERBS:
        return []
    purposes = [n for n in _pobjs(tok, ("for",)) if n.pos_ == "NOUN"
                and any(x.cameo in VISIT_CAMEOS for x in _noun_match(n, verbs) or ())]
    places = _pobjs(tok, ("in",))
    if not purposes or not places:
        return []
    source, how = roles.subject(tok)
    if not source:
        return []
    noun = purposes[0]
    hosts = [h for t in list(noun.subtree) + list(tok.children) if t.lemma_.lower() == "invitation"
             for h in roles._head_actors(t, 1) + [a for g in _pobjs(t, ("of",))
                                                  for a in roles.of_token(g)]]
    hosts = hosts or [a for p in places for a in roles.of_token(p) + roles.capital(p)]
    target = [a for a in hosts if a not in source]
    if not target:
        return []
    sense = next(x for x in _noun_match(noun, verbs) or () if x.cameo in VISIT_CAMEOS)
    return [_Candidate(sense, noun, tok, source, target, how, "noun")]


#: verbs by which a group names itself the doer of a deed
CLAIMING_VERBS = frozenset({"claim", "admit", "acknowledge"})
#: "claimed responsibility/credit for X"
CREDIT_NOUNS = frozenset({"responsibility", "credit", "authorship"})


def claimed_attacks(tok: Any, roles: _Roles, verbs: VerbDictionary) -> list[_Candidate]:
    """"Militants claimed the market bombing", "the group claimed responsibility for an attack
    on a bus": claiming an attack written as a noun makes the claimer its doer (an assault
    on whoever the noun's own on-/against-phrase names); a claim of territory or of a victory
    ("claims Taiwan", "claimed victory") names no attack and codes nothing here."""
    if tok.lemma_.lower() not in CLAIMING_VERBS or tok.pos_ != "VERB":
        return []
    objs = _children(tok, "dobj")
    deeds = [o for o in objs if o.lemma_.lower() not in CREDIT_NOUNS]
    deeds += [g for o in objs if o.lemma_.lower() in CREDIT_NOUNS for g in _pobjs(o, ("for",))]
    deeds += [g for g in _pobjs(tok, ("for",)) if any(o.lemma_.lower() in CREDIT_NOUNS
                                                     for o in objs)]
    source, how = roles.subject(tok)
    # "a spokesman claimed the attack for the movement": the one credited is the doer
    credited = [a for g in _pobjs(tok, ("for",)) if g not in deeds for a in roles.of_token(g)]
    if credited:
        source, how = credited, "credited"
    out = []
    for deed in deeds:
        harm = [s for s in (_noun_match(deed, verbs) or ()) if s.category == "ASSAULT"]
        if not harm:
            continue
        target = [a for a in roles.objects(deed) if a not in source]
        out.append(_Candidate(harm[0], deed, tok, source, target, how, "noun"))
    return out


def _children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobjs(tok: Any, preps: tuple[str, ...]) -> list[Any]:
    return [g for p in tok.children if p.dep_ == "prep" and p.lower_ in preps
            for g in p.children if g.dep_ == "pobj"]


def _speaker(tok: Any, roles: _Roles) -> tuple[list[str], str]:
    """Who voices a judgement written without a judge ("the blame lies with X", "X is to
    blame"): the subject of the reporting verb the clause hangs from, or the speaker of the
    direct quote it stands in."""
    quoted = list(roles.quote_speaker(tok))
    if quoted:  # the quote layer has attributed it already
        return quoted, "quote"
    node = tok
    for _ in range(4):
        if node.head is node:
            break
        if node.dep_ in ("ccomp", "parataxis", "conj") and node.head.lemma_.lower() in CLAIM_VERBS:
            got, how = roles.subject(node.head)
            if got:
                return got, how
        node = node.head
    for head in (tok, tok.head):  # the quote's closing 'he said' may be the sentence root
        if head.lemma_.lower() in CLAIM_VERBS and head.i != tok.i:
            got, how = roles.subject(head)
            if got:
                return got, how
    return list(roles.quote_speaker(tok)), "quote"


def _laid_blame(tok: Any, roles: _Roles) -> _Candidate | None:
    """"He laid the blame on his predecessor", "pinned responsibility on the rebels"."""
    if tok.lemma_.lower() not in LAYING_VERBS:
        return None
    fault = [o for o in _children(tok, "dobj") if o.lemma_.lower() in BLAME_NOUNS]
    if not fault:
        return None
    onto = ("on", "upon", "onto")
    blamed = _pobjs(tok, onto) + [g for f in fault for g in _pobjs(f, onto)]
    if not blamed:
        return None
    source, how = roles.subject(tok)
    target = [a for b in blamed for a in roles.of_token(b) if a not in source]
    return _Candidate(BLAME_SENSE, tok, None, source, target, how, "verb")


def _resting_blame(tok: Any, roles: _Roles) -> _Candidate | None:
    """"Every bit of blame for this lies with X", "responsibility rests with Y"."""
    if tok.lemma_.lower() not in RESTING_VERBS:
        return None
    subj = _children(tok, "nsubj")
    fault = [s for s in subj if s.lemma_.lower() in BLAME_NOUNS or any(
        g.lemma_.lower() in BLAME_NOUNS for p in s.children if p.dep_ == "prep"
        and p.lower_ == "of" for g in p.children if g.dep_ == "pobj")]
    blamed = _pobjs(tok, ("with", "on", "upon"))
    if not fault or not blamed:
        return None
    source, how = _speaker(tok, roles)
    target = [a for b in blamed for a in roles.of_token(b) if a not in source]
    return _Candidate(BLAME_SENSE, tok, None, source, target, how, "verb")


def _to_blame(tok: Any, roles: _Roles) -> _Candidate | None:
    """"X is to blame for the crisis", "the rebels were to blame": "be" with "to blame" as
    its complement blames its subject; the judge is whoever says so."""
    if tok.lemma_.lower() != "be":
        return None
    blame = [c for c in tok.children if c.dep_ in ("xcomp", "acomp", "attr")
             and c.lemma_.lower() == "blame" and any(a.lower_ == "to" for a in c.children)]
    if not blame:
        return None
    source, how = _speaker(tok, roles)
    blamed = [a for s in _judged(tok) for a in roles.of_token(s)]
    target = [a for a in blamed if a not in source]
    return _Candidate(BLAME_SENSE, tok, None, source, target, how, "verb")


def _borne_blame(tok: Any, roles: _Roles) -> _Candidate | None:
    """"Kosovo bears full responsibility for the violence", "the rebels carry the blame": a
    fault borne by the subject, as the speaker says."""
    if tok.lemma_.lower() not in ("bear", "carry", "shoulder"):
        return None
    if not any(o.lemma_.lower() in BLAME_NOUNS for o in _children(tok, "dobj")):
        return None
    source, how = _speaker(tok, roles)
    target = [a for s in _judged(tok) for a in roles.of_token(s) if a not in source]
    return _Candidate(BLAME_SENSE, tok, None, source, target, how, "verb")


def _held_responsible(tok: Any, roles: _Roles) -> _Candidate | None:
    """"Held Peru responsible for the incident", "deems the junta accountable": holding
    someone to a fault is a charge against them."""
    if tok.lemma_.lower() not in ("hold", "deem", "consider", "find", "declare"):
        return None
    fault = [c for c in tok.children if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")
             and c.lemma_.lower() in RESPONSIBLE]
    # (the parser may read "holds Israel accountable" as a small clause: Israel its subject)
    held = _children(tok, "dobj") + [s for f in fault for s in _children(f, "nsubj")]
    if not fault or not held:
        return None
    source, how = roles.subject(tok)
    target = [a for h in held for a in roles.of_token(h) if a not in source]
    return _Candidate(BLAME_SENSE, tok, None, source, target, how, "verb")


def _judged(be: Any) -> list[Any]:
    """The subject of a judging "be": its own, a coordinated clause's ("had been deliberate
    and was to blame"), and for a clause ("what the other side did was to blame") the doer of
    that clause."""
    node = be
    subj = _children(node, "nsubj", "csubj")
    while not subj and node.dep_ == "conj" and node.head is not node:
        node = node.head
        subj = _children(node, "nsubj", "csubj")
    out = []
    for s in subj:
        if s.pos_ in ("VERB", "AUX"):  # "what the Chinese side did": its doer
            out.extend(_children(s, "nsubj"))
        else:
            out.append(s)
    return out


def _censured(name: Any) -> bool:
    """A name of censure: "a massacre", "a strange way to react", "an illegal act"."""
    return name.lemma_.lower() in CENSURE_NOUNS or any(
        c.dep_ in ("amod", "acomp") and c.lemma_.lower() in CENSURE_ADJECTIVES
        for c in name.children) or (name.pos_ == "ADJ" and name.lemma_.lower()
                                    in CENSURE_ADJECTIVES)


def _censure_name(tok: Any, roles: _Roles) -> _Candidate | None:
    """"Described Saturday's raid as a massacre", "branded the Venezuelan response a strange
    way to react": the one who names a deed so accuses whoever did it (the named object's
    owner or modifier; the target may also come from the deed reported earlier)."""
    if tok.lemma_.lower() not in NAMING_VERBS:
        return None
    # the parser reads "called the claim a fabrication" as object + name, or as two names
    named = _children(tok, "dobj", "oprd")
    named = [n for n in named if n.dep_ == "dobj"] + [n for n in named if n.dep_ == "oprd"]
    if not named:
        return None
    # "as" may hang on the verb, on its object, or on a clause the parser split off
    # ("described the X shelling as ..."); a second object is the name ("branded it a farce")
    names = named[1:] + [g for n in [tok] + named + _children(tok, "advcl", "xcomp")
                         for g in _pobjs(n, ("as",))]
    named = named[:1]
    if not any(_censured(n) for n in names):
        return None
    source, how = roles.subject(tok)
    target = [a for n in named for a in roles.of_token(n) if a not in source]
    if not target:
        target = [a for n in named for a in roles.objects(n) if a not in source]
    return _Candidate(CENSURE_SENSE, tok, None, source, target, how, "verb")


def _condition(tok: Any) -> Any:
    """The condition clause of ``tok``: "if/unless X does", or inverted "should X do" (which
    the parser may hang on as a complement)."""
    for c in _children(tok, "advcl", "ccomp"):
        if any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in c.children):
            return c
        first = c.left_edge
        if first.dep_ == "aux" and first.head.i == c.i and first.lower_ == "should":
            return c
    return None


def _first_person(tok: Any, skip: Any) -> bool:
    return any(t.lower_ in FIRST_PERSON for t in tok.subtree
               if not (skip.left_edge.i <= t.i <= skip.right_edge.i))


def _answers(tok: Any, skip: Any) -> bool:
    """Does the main clause (outside its condition) speak of an answer ("respond", "deal
    with", "retaliate") that is coming or possible ("will", "can", "are able to")?"""
    outside = [t for t in tok.subtree if not (skip.left_edge.i <= t.i <= skip.right_edge.i)]
    answer = any(t.lemma_.lower() in RESPONSE_VERBS and t.pos_ == "VERB" for t in outside)
    modal = any(t.lower_ in FUTURE_AUX or t.lower_ in ABILITY or t.lower_ == "'ll"
                for t in outside)
    return answer and modal


def _conditional_answer(tok: Any, roles: _Roles) -> _Candidate | None:
    """"If anyone provokes us, we are able to answer", "should they cross, they will have our
    army to deal with": a first person's coming answer to another's deed is a threat by the
    speaker against whoever the condition names (the speaker is the quote's or the reporting
    verb's; a condition on one's own side, "if we are attacked", names no target)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    cond = _condition(tok)
    if cond is None or not _first_person(tok, cond) or not _answers(tok, cond):
        return None
    source, how = _speaker(tok, roles)
    if not source:
        return None
    target = [a for s in _children(cond, *SUBJ_DEPS) if s.lower_ not in FIRST_PERSON
              for a in roles.of_token(s) if a not in source]
    return _Candidate(THREAT_SENSE, tok, None, source, target, how, "verb")


def _supply_cut(tok: Any, roles: _Roles) -> _Candidate | None:
    """"Stopped sending gas to X", "halted gas deliveries for X": ending a supply cuts the
    receiver off (the receiver is the supply's or its verb's partner)."""
    if tok.lemma_.lower() not in CUTTING_VERBS:
        return None
    supply = [c for c in tok.children if (c.dep_ == "xcomp" and c.lemma_.lower() in SUPPLY_VERBS
                                          and c.tag_ == "VBG")
              or (c.dep_ == "dobj" and c.lemma_.lower() in SUPPLY_NOUNS)]
    if not supply:
        return None
    source, how = roles.subject(tok)
    target = [a for s in supply for a in roles.objects(s) if a not in source] or \
        [a for a in roles.objects(tok) if a not in source]
    return _Candidate(CUTOFF_SENSE, tok, None, source, target, how, "verb")


def _advised(tok: Any, roles: _Roles) -> _Candidate | None:
    """"The best thing he could do is leave office", "the only sensible course for Belgrade is
    to withdraw", "it is time for Moscow to end the blockade": advice on what another must do
    is a demand on them by whoever says it (the act advised is its content)."""
    if tok.lemma_.lower() != "be":
        return None
    advisee: list[Any] = []
    for subj in _children(tok, "nsubj"):
        if subj.lemma_.lower() in ADVICE_NOUNS and any(
                a.dep_ == "amod" and a.lower_ in ADVICE_ADJECTIVES | {"best"}
                for a in subj.children) and _children(tok, "xcomp", "attr", "ccomp"):
            advisee += [g for r in _children(subj, "relcl") for g in _children(r, "nsubj")]
            advisee += _pobjs(subj, ("for",))
    for attr in _children(tok, "attr"):
        if attr.lemma_.lower() == "time":  # "it is time for X to V"
            advisee += [g for c in _children(attr, "relcl", "acl") for g in _children(c, "nsubj")
                        if any(m.lower_ == "for" for m in c.children)]
    if not advisee:
        return None
    source, how = _speaker(tok, roles)
    target = [a for t in advisee if t.lower_ not in FIRST_PERSON
              for a in roles.of_token(t) if a not in source]
    if not source or not target:
        return None
    return _Candidate(ADVICE_SENSE, tok, None, source, target, how, "verb")
