"""Status: negated, claimed, future, hypothetical, from negation, modals, conditionals, the
clause chain and quotes; and the speech-act readings of irrealis harm and promises."""
from __future__ import annotations

from typing import Any, Iterable

from .grammar import FUTURE_AUX, HYPOTHETICAL_AUX, SUBJ_DEPS
from .dictionary import (
    CLAIM_NOUNS, CLAIM_VERBS, DENIAL_VERBS, DESIRE_VERBS, HYPOTHETICAL_VERBS, INTENT_VERBS)
from .roles import _Roles
from .frame import _Candidate
from .scope import attempted, called_false, negative_argument, unrealised


def _has_neg(tok: Any) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither"))
               for c in tok.children)


def clause_auxiliaries(verb: Any) -> set[str]:
    """The auxiliaries a verb is read with: its own, or, for a verb coordinated with another
    and sharing its subject ("would freeze their assets and bar them from entry", "will
    impose tariffs and suspend talks"), the first verb's: the modal covers both."""
    for _ in range(4):
        own = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if own or verb.dep_ != "conj" or verb.head.i == verb.i or any(
                c.dep_ in SUBJ_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
            return own
        verb = verb.head
    return set()


def _status(pred: Any, light: Any, roles: _Roles, source_keys: set[str]) -> tuple[str, list[str]]:
    """(status, speaker actor ids when the event is reported by someone else)."""
    heads = [pred] + ([light] if light is not None else [])
    if any(_has_neg(h) or negative_argument(h) for h in heads) or \
            unrealised(light if light is not None else pred):
        # (also "failed to arrest", "prevented X from seizing", "No troops crossed")
        return "negated", []
    for h in heads:
        auxes = clause_auxiliaries(h)
        if auxes & HYPOTHETICAL_AUX:
            return "hypothetical", []
        if auxes & FUTURE_AUX:
            return "future", []
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in h.children):
            return "hypothetical", []
    # climb the clause chain: complements of intention, denial and reporting verbs
    node = light if light is not None else pred
    hops = 0
    while node.head is not node and hops < 6:
        hops += 1
        dep, gov = node.dep_, node.head
        glemma = gov.lemma_.lower()
        if dep == "xcomp" and glemma in INTENT_VERBS and not attempted(node):
            return "future", []  # ("attempted to storm": an attempt made is an act done)
        if dep in ("ccomp", "xcomp") and glemma in DESIRE_VERBS:
            return "hypothetical", []  # "protesters want it withdrawn"
        if dep == "xcomp" and glemma in HYPOTHETICAL_VERBS:
            return "hypothetical", []
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                  for c in node.children):
            return "hypothetical", []
        if dep in ("ccomp", "acl", "pcomp", "relcl", "pobj", "xcomp", "advcl") or \
                (dep == "conj" and node.pos_ in ("VERB", "AUX")):
            if glemma in DENIAL_VERBS and dep in ("ccomp", "acl", "pcomp"):
                return "negated", []
            # only the reported clause itself is a claim: "said (that) X did" (ccomp),
            # "allegations that X did" (acl), "accused X of doing" (pcomp)
            if (glemma in CLAIM_VERBS and gov.pos_ == "VERB" and dep in ("ccomp", "pcomp")) or \
                    (glemma in CLAIM_NOUNS and gov.pos_ == "NOUN" and dep in ("acl", "relcl")):
                speaker = roles.subject(gov)[0] if gov.pos_ in ("VERB", "AUX") else \
                    roles.of_token(gov)
                if glemma in CLAIM_NOUNS and (gov.head.lemma_.lower() in DENIAL_VERBS
                                              or called_false(gov)):
                    return "negated", []  # "dismissed claims that ...", "claims ... are false"
                keys = _keys(roles, speaker)
                if speaker and not (keys & source_keys):
                    return "claimed", speaker
            node = gov
            continue
        break
    # inside a direct quote by somebody who is not the event's source
    for q in roles.quotes:
        if q.start <= pred.idx < q.end:
            keys = _keys(roles, [q.speaker.actor])  # type: ignore[union-attr]
            if keys and not (keys & source_keys):
                return "claimed", [q.speaker.actor]  # type: ignore[union-attr]
            break
    return "asserted", []


def _keys(roles: _Roles, ids: Iterable[str]) -> set[str]:
    return {k for k in (roles.key_of(a) for a in ids) if k}


THREAT_CAMEO = {"SANCTION": "131", "COERCE": "137", "ASSAULT": "138", "MOBILIZE": "138",
                "RETREAT": "131", "PROTEST": "133"}


def _announced_harm(c: "_Candidate") -> bool:
    """A harmful act announced by its own doer as coming, or made conditional on the other
    side ("unless", "if"), is coded as the threat it is, not as a deed that has not happened."""
    if c.sense.category in ("SANCTION", "COERCE", "ASSAULT", "MOBILIZE"):
        node = c.light if c.light is not None else c.pred
        auxes = clause_auxiliaries(node)
        # "wants to attack", "plans to impose": an intent to harm, declared
        intent = node.dep_ == "xcomp" and node.head.lemma_.lower() in (
            INTENT_VERBS | DESIRE_VERBS) and not attempted(node)
        return bool(auxes & (FUTURE_AUX | {"would", "'d"})) or _conditional(node) or intent
    if c.sense.category in ("RETREAT", "PROTEST"):
        return _conditional(c.light if c.light is not None else c.pred)
    return False


PROMISE_CAMEO = {"AID": "033", "RETREAT": "035", "CONCEDE": "035", "COOPERATE": "031",
                 "SUPPORT": "030", "CONSULT": "036"}


def _own_announcement(c: "_Candidate", roles: "_Roles") -> bool:
    """Is a coming act announced by its own doer (or by nobody else)?"""
    node = c.light if c.light is not None else c.pred
    for _ in range(3):
        if node.dep_ == "ccomp":
            # "said it will …" is one's own; "Chile hopes Peru will …" is someone else's
            speaker = roles.subject(node.head)[0]
            return not speaker or bool(_keys(roles, speaker) & _keys(roles, c.source))
        if node.dep_ not in ("xcomp", "conj") or node.head is node:
            break
        node = node.head
    return True


def _own_refusal(c: "_Candidate", roles: "_Roles") -> bool:
    """A negated act in the future tense whose doer is the speaker (or no one else speaks)."""
    if c.kind == "derived" or c.sense.category in ("REJECT", "THREATEN", "ASSAULT", "COERCE"):
        return False
    node = c.light if c.light is not None else c.pred
    auxes = clause_auxiliaries(node)
    if not auxes & (FUTURE_AUX | {"would", "'d", "wo"}):
        return False
    gov = node.head
    if node.dep_ == "ccomp" and gov.lemma_.lower() in CLAIM_VERBS:
        speaker = roles.subject(gov)[0]
        return bool(_keys(roles, speaker) & _keys(roles, c.source)) or not speaker
    return node.dep_ == "ROOT"


def _condition_subjects(node: Any, roles: "_Roles") -> list[str]:
    """Subjects of the 'if'/'unless' clauses hanging off a verb or its complement."""
    found: list[str] = []
    for verb in [node] + [c for c in node.children if c.dep_ in ("xcomp", "ccomp")]:
        for adv in verb.children:
            if adv.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                           for m in adv.children):
                for subj in adv.children:
                    if subj.dep_ in SUBJ_DEPS and subj.pos_ != "PRON":
                        found.extend(a for a in roles.of_token(subj) if a not in found)
    return found


def _conditional(node: Any) -> bool:
    return any(ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                          for m in ch.children) for ch in node.children)
