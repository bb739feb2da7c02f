"""Orders: a command is a demand on someone else only when the one ordered is on another side.

An order to one's own people is the ordered act itself, done by the side that orders:

- "ordered troops to the border", "sent orders for tank units to move to the frontier": a
  deployment (MOBILIZE) aimed at whoever the destination names;
- "told his foreign minister to close the embassy": the act in the complement ("close the
  embassy"), with the orderer's side as source (the complement inherits the subject);
- "ordered the ambassador out of the country": a foreign diplomat ordered out is expelled
  (SANCTION), whoever carries the order out.
"""
from __future__ import annotations

from typing import Any

from .dictionary import ENVOY_NOUNS, OWN_AGENT_NOUNS, Sense, VerbDictionary
from .roles import _Roles

ORDER_VERBS = frozenset({"order", "instruct", "command", "tell", "direct"})
DIRECTIONS = frozenset({"to", "into", "toward", "towards", "onto"})


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
