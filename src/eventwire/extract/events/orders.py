"""Orders: a command is a demand on someone else only when the one ordered is on another side.

An order to one's own people is the ordered act itself, done by the side that orders:

- "ordered troops to the border", "sent orders for tank units to move to the frontier": a
  deployment (MOBILIZE) aimed at whoever the destination names;
- "told his foreign minister to close the embassy": the act in the complement ("close the
  embassy"), with the orderer's side as source (the complement inherits the subject);
- "ordered the ambassador out of the country": a foreign diplomat ordered out is expelled
  (SANCTION), whoever carries the order out;
- "ordered the police chief removed", "ordered the reporters detained": an order whose object
  carries a passive participle (a resultative small clause) imposes that measure; the one
  who orders does it (a court ordering an arrest arrests), the one named in the object
  undergoes it.
"""
from __future__ import annotations

from typing import Any

from .dictionary import ENVOY_NOUNS, OWN_AGENT_NOUNS, Sense, VerbDictionary
from .roles import _Roles
from .scope import REMOVAL_PARTICIPLES

ORDER_VERBS = frozenset({"order", "instruct", "command", "tell", "direct"})
DIRECTIONS = frozenset({"to", "into", "toward", "towards", "onto"})
#: measures an order can impose through a participle ("ordered X detained/expelled/freed")
#: the reading of an ordered removal from office (an administrative sanction)
REMOVAL = Sense("COERCE", "172", -5.0, 4, "removal", "order removed")
ORDERED_MEASURES = frozenset({"COERCE", "SANCTION", "RETREAT", "CONCEDE", "ASSAULT"})


def _keys(roles: _Roles, ids: list[str]) -> set[str]:
    return {k for k in (roles.key_of(a) for a in ids) if k}


def _out(verb: Any) -> bool:
    """"ordered X out (of the country)", "ordered X to leave": sent away."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for child in [c for t in [verb] + objects for c in t.children]:
        if child.lower_ == "out" and child.dep_ in ("prt", "prep", "advmod"):
            return True  # "ordered X out", "ordered X out of ..." (out under X)
        if child.dep_ == "xcomp" and child.lemma_.lower() in ("leave", "depart", "go"):
            return True
    return False


def _own(obj: Any, roles: _Roles, source: list[str]) -> bool:
    """The one ordered is the orderer's own agent: an agent noun ("troops", "his foreign
    minister", "the negotiating team") naming nobody of another side."""
    if obj.lemma_.lower() not in OWN_AGENT_NOUNS and not any(
            c.dep_ == "compound" and c.lemma_.lower() in OWN_AGENT_NOUNS for c in obj.children):
        return False
    named = _keys(roles, roles.of_token(obj))
    return not named or bool(named <= _keys(roles, source))


def _ordered_state(verb: Any) -> tuple[Any, Any] | None:
    """(undergoer, participle) of "ordered X detained": the object with a passive participle
    (parsed as the object's modifier, or as a subject-headed small clause)."""
    for child in verb.children:
        if child.dep_ == "dobj":
            part = next((p for p in child.children if p.dep_ in ("acl", "oprd")
                         and p.tag_ == "VBN"), None)
            if part is not None:
                return child, part
        if child.dep_ in ("ccomp", "oprd", "xcomp") and child.tag_ in ("VBN", "VBD") and \
                not any(a.dep_ in ("aux", "auxpass", "dobj", "mark") for a in child.children):
            # "ordered the diplomats expelled" (the participle may be tagged as a past
            # tense), "ordered the governor of Punjab suspended" (the object left on the verb)
            subj = next((s for s in child.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            subj = subj or next((o for o in verb.children if o.dep_ == "dobj"), None)
            if subj is not None:
                return subj, child
    return None


def ordered_participle(tok: Any) -> bool:
    """Is ``tok`` the participle of an order ("expelled" in "ordered the diplomats
    expelled")? The order codes the measure; the participle alone would code it again,
    with the one who undergoes it as its doer."""
    head = tok.head
    if head.i == tok.i or head.lemma_.lower() not in ORDER_VERBS:
        return False
    found = _ordered_state(head)
    return found is not None and found[1].i == tok.i


def _first(verbs: VerbDictionary, lemma: str) -> Sense | None:
    senses = verbs.verb_senses(lemma).get(None)
    return senses[0] if senses else None


def order_reading(verb: Any, sense: Sense | None, roles: _Roles, source: list[str],
                  verbs: VerbDictionary) -> tuple[str, Sense | None, list[str]] | None:
    """How to read an order: None (a demand on the one ordered, as coded), ("drop", ...)
    when the complement carries the event, or ("act", sense, target) for a deployment or an
    expulsion written as an order."""
    if sense is None or sense.category != "REQUEST" or verb.lemma_.lower() not in ORDER_VERBS:
        return None
    ordered = _ordered_state(verb)
    if ordered is not None:
        undergoer, part = ordered
        measure = REMOVAL if part.lemma_.lower() in REMOVAL_PARTICIPLES else \
            _first(verbs, part.lemma_.lower())
        if measure is not None and measure.category in ORDERED_MEASURES:
            return ("act", measure, [a for a in roles.of_token(undergoer) if a not in source])
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")
                and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None:
        return None
    if obj.lemma_.lower() in ENVOY_NOUNS and _out(verb):
        named = [a for a in roles.of_token(obj) if a not in source]
        if not _keys(roles, named) & _keys(roles, source):
            expel = _first(verbs, "expel")
            return ("act", expel, named) if expel else None
    if not _own(obj, roles, source):
        return None
    if any(c.dep_ == "xcomp" for c in verb.children):
        return ("drop", None, [])
    for prep in verb.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in DIRECTIONS:
            deploy = _first(verbs, "deploy")
            target = [a for g in prep.children if g.dep_ == "pobj"
                      for t in g.subtree for a in (roles.of_token(t) or roles.nationality(t))
                      if a not in source]
            return ("act", deploy, list(dict.fromkeys(target))) if deploy else None
    return None
