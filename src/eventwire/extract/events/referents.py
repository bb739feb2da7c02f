"""Referents: when the target slot of a frame holds a *thing* (an act, a claim, a measure, a
ruling) or a noun that keys no one, the target is the actor the thing belongs to.

The text names that actor in two ways, and this module reads both for every verb:

- *inside the object phrase*: the doer of the object noun, written in a relative clause ("the
  embargo that Washington tightened"; not a content clause, "the finding that X did Y"), a
  participle ("the claims made by a state daily"), a by-phrase ("the brutality by the riot
  police"), a possessive or a nationality ("Ankara's decision"); the side a group noun is
  tied to ("gunmen linked to X", "fighters loyal to X"); the name a relative clause gives it
  ("the visitors, whom it called Kenyan friends"); also when the object is moved behind an
  "as" predicate ("denounced as a crime Lisbon's seizure of ...") or given as a free
  relative ("condemned what it called aggression by Lagos").
- *through an earlier mention*: a definite noun naming an act ("the raid", "the strikes",
  "the ruling", "the decision") points back at the latest earlier mention of the same act,
  a verb or noun of the same stem ("raided", "struck", "ruled", "decided"); the target is
  that act's doer, read from the event coded there or from the mention's own roles (an
  accord, truce or deal: its parties). A mention that names no doer passes on to the one
  before it (a chain of "the attack" ... "the gas attack" ... "Tuesday's attack by X"). A
  demonstrative object ("Togo denied this") stands for the act told just before, and a
  partner pronoun ("working with it") for the actor named just before.

All return actor ids (``_Roles`` ids or ``kb:`` pseudo ids) not on the source side.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Sequence

from .frame import _Candidate
from .grammar import RELATIVE_PRONOUNS, SUBJ_DEPS
from .roles import _Roles

#: determiners with which a noun refers to something already told
BACK_DETS = frozenset({"the", "this", "these", "that", "those"})
#: words that make a noun a new thing, not one told before ("a fresh offer", "new curbs")
FRESH = frozenset({"new", "another", "fresh", "further", "additional", "future", "possible"})
#: verbs of naming: in "what X called N", N is what the free relative stands for
NAMING = frozenset({"call", "describe", "term", "label", "brand", "characterise",
                    "characterize", "dub", "see", "consider"})
#: prepositions that give a noun's doer ("the offer from Cairo", "brutality by police")
DOER_PREPS = frozenset({"by", "from"})
#: words that tie a group noun to the side it fights or works for ("fighters loyal to X",
#: "gunmen linked to X", "militants belonging to X", "rebels allied with X")
AFFILIATION = frozenset({"belong", "link", "tie", "affiliate", "ally", "allied", "connect",
                         "loyal", "align", "aligned", "attach", "linked", "affiliated"})
AFFILIATION_PREPS = frozenset({"to", "with"})
#: shortest shared beginning for a noun and a verb to count as one stem ("rule", "ruling")
MIN_STEM = 3
#: how many earlier mentions a noun may pass on through before giving up
MAX_CHAIN = 4


def _slot_heads(c: _Candidate) -> list[Any]:
    """The predicate, its light verb and the act a speech act announces ("threatened to
    respond to the drills")."""
    heads = [c.pred] + ([c.light] if c.light is not None else [])
    return heads + [x for h in list(heads) for x in h.children if x.dep_ == "xcomp"]


def slot_things(c: _Candidate, slot_nouns: Any) -> list[Any]:
    """The nouns in a frame's target slot (``slot_nouns`` of each head), plus the object moved
    behind an "as" predicate ("denounced as a crime X's seizure", parsed as an apposition of
    the predicate noun) and the noun a free relative names ("condemned what it described
    as brutality by X": the "as" noun of the naming verb whose object is "what")."""
    out: list[Any] = []
    for head in _slot_heads(c):
        out.extend(slot_nouns(head))
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                out.extend(a for g in child.children if g.dep_ == "pobj"
                           for a in g.children if a.dep_ == "appos" and a.pos_ in ("NOUN", "PROPN"))
            elif _free_relative(child):
                for prep in (g for g in child.children if g.dep_ == "prep" and g.lower_ == "as"):
                    out.extend(g for g in prep.children if g.dep_ == "pobj")
                out.extend(g for g in child.children if g.dep_ in ("oprd", "attr")
                           and g.pos_ in ("NOUN", "PROPN"))
    seen: set[int] = set()
    return [n for n in out if not (n.i in seen or seen.add(n.i))]


def _free_relative(verb: Any) -> bool:
    """"what it called aggression": a naming verb whose object is the free relative "what"."""
    return verb.dep_ in ("ccomp", "xcomp") and verb.lemma_.lower() in NAMING and any(
        g.dep_ in ("dobj", "nsubjpass") and g.lower_ == "what" for g in verb.children)


def content_clause(clause: Any) -> bool:
    """"the finding that Australian growers had dumped grain" is no relative clause (the
    parser calls it one): "that" is a conjunction there and fills no slot of the verb, so its
    subject is what the finding says, not who found it."""
    kids = list(clause.children)
    if any(k.dep_ == "mark" and k.tag_ == "IN" for k in kids):
        return True  # (a relative "that" the parser calls a mark keeps its WDT tag)
    return any(k.dep_ == "dobj" for k in kids) and any(
        k.dep_ in SUBJ_DEPS and k.lower_ not in RELATIVE_PRONOUNS for k in kids) and not any(
        k.lower_ in RELATIVE_PRONOUNS for k in kids)


def noun_doers(noun: Any, roles: _Roles, own: bool = False) -> list[str]:
    """The doer of what a noun names, from its own phrase: the subject of its relative clause
    ("the blockade that Caracas imposed"), the agent of its participle ("the accusations made
    by a Greek spokesman"), a by- or from-phrase ("the decision by Tokyo", "an offer from
    Rabat"); with ``own``, also its possessive, nationality or compound ("Ankara's decision",
    "a Malian plan"), which the frame's own object reading usually already took."""
    found: list[str] = []

    def add(ids: Iterable[str]) -> None:
        found.extend(a for a in ids if a not in found)

    for child in noun.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in NAMING and any(
                g.dep_ == "dobj" and g.lower_ in RELATIVE_PRONOUNS for g in child.children):
            # "the visitors, whom it called loyal Kenyan friends": the name given says who
            names = [g for g in child.children if g.dep_ in ("dobj", "oprd", "attr")
                     and g.lower_ not in RELATIVE_PRONOUNS]
            names += [g for p in child.children if p.dep_ == "prep" and p.lower_ == "as"
                      for g in p.children if g.dep_ == "pobj"]  # "whom it described as"
            add(a for g in names for a in roles.of_token(g))
        elif child.dep_ == "relcl" and not content_clause(child):
            for g in child.children:
                if g.dep_ in SUBJ_DEPS and g.lower_ not in RELATIVE_PRONOUNS:
                    add(roles.of_token(g))
                elif g.dep_ == "agent":
                    add(_pobj_actors(g, roles))
        elif child.dep_ in ("acl", "amod") and child.lemma_.lower() in AFFILIATION:
            # "fighters loyal to X", "gunmen linked to X": the side a group belongs to
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in AFFILIATION_PREPS:
                    add(_pobj_actors(prep, roles))
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            for g in child.children:
                if g.dep_ == "agent":
                    add(_pobj_actors(g, roles))
        elif child.dep_ in ("prep", "agent") and child.lower_ in DOER_PREPS:
            add(_pobj_actors(child, roles))
    if own and not found:
        add(roles._head_actors(noun, 0, of=False))
    return found


def _pobj_actors(prep: Any, roles: _Roles) -> list[str]:
    return [a for g in prep.children if g.dep_ == "pobj" for a in roles.of_token(g)]


def owner_target(c: _Candidate, roles: _Roles, slot_nouns: Any) -> list[str]:
    """The doer of the thing a frame is about, written inside its object phrase (see the
    module docstring); nouns the parser moved or wrapped also count their possessive."""
    found: list[str] = []
    plain = {n.i for h in _slot_heads(c) for n in slot_nouns(h)}
    for noun in slot_things(c, slot_nouns):
        found.extend(a for a in noun_doers(noun, roles, own=noun.i not in plain)
                     if a not in found and a not in c.source)
    for verb in (x for h in _slot_heads(c) for x in h.children if _free_relative(x)):
        # "rejected what it called claims by X": the by-phrase is parsed onto "called", but an
        # active verb of naming has no agent; it is the named thing's doer
        for prep in (g for g in verb.children if g.dep_ == "prep" and g.lower_ in DOER_PREPS):
            found.extend(a for a in _pobj_actors(prep, roles)
                         if a not in found and a not in c.source)
    return found


def _points_back(noun: Any) -> bool:
    """'the raid', 'these measures' refer to a told act; 'a raid', 'new measures', 'the raid
    by X' (which names its own doer) or 'the 2016 ruling' (dated anew) do not."""
    kids = list(noun.children)
    if not any(k.dep_ == "det" and k.lower_ in BACK_DETS for k in kids):
        return False
    if any(k.lower_ in FRESH for k in kids) or any(k.dep_ in ("nummod", "acl", "poss")
                                                  for k in kids):
        return False
    if any(k.dep_ == "relcl" and not content_clause(k) for k in kids):
        return False  # ("the claim that X lied" still points back; "the claim he made" not)
    return not any(k.dep_ in ("prep", "agent") and k.lower_ in DOER_PREPS for k in kids)


def same_stem(noun_lemma: str, tok: Any) -> bool:
    """A noun and an earlier word name the same act: the same lemma ("the raid" ~ "raid",
    "raided"; "the strikes" ~ "struck"), or a verb whose stem the noun begins with ("ruled" ~
    "the ruling", "decided" ~ "the decision", "accused" ~ "the accusation")."""
    lemma = tok.lemma_.lower()
    if lemma == noun_lemma:
        return tok.pos_ in ("NOUN", "VERB")
    if tok.pos_ != "VERB" or len(lemma) <= MIN_STEM:
        return False
    shared = 0
    for a, b in zip(lemma, noun_lemma):
        if a != b:
            break
        shared += 1
    return shared >= max(MIN_STEM, len(lemma) - 2) and len(noun_lemma) > len(lemma)


def _mentions_before(noun: Any) -> Iterator[Any]:
    """Earlier words of the article naming the same act as ``noun``, nearest first."""
    lemma = noun.lemma_.lower()
    for i in range(noun.i - 1, -1, -1):
        tok = noun.doc[i]
        if tok.head is noun or tok.head.i == noun.i:
            continue  # its own compound ("the air strikes")
        if same_stem(lemma, tok):
            yield tok


def _mention_doers(tok: Any, roles: _Roles, earlier: Sequence[tuple[_Candidate, Any]],
                   parties: bool) -> list[str]:
    """Who did the act an earlier word names: the event coded there (for an accord: its
    parties), else the word's own roles (a verb's subject, a noun's doer phrase)."""
    for prev, _ in reversed(earlier):
        if prev.status == "negated":
            continue
        if tok.i in (prev.pred.i, getattr(prev.light, "i", -1)) and prev.source:
            return list(prev.source) + (list(prev.target) if parties else [])
    if tok.pos_ == "VERB":
        if any(ch.dep_ in ("auxpass", "nsubjpass") for ch in tok.children):
            return [a for ch in tok.children if ch.dep_ == "agent"
                    for a in _pobj_actors(ch, roles)]
        return roles.subject(tok)[0]
    return noun_doers(tok, roles, own=True)


def antecedent_doers(c: _Candidate, roles: _Roles, earlier: Sequence[tuple[_Candidate, Any]],
                     slot_nouns: Any, is_event: Any) -> list[str]:
    """Event-noun anaphora: "Baghdad condemned the raid" after "Turkish jets raided ...":
    the doer of the earlier act a definite act noun in a verbal reaction points back at (an
    accord, truce or deal welcomed: its parties)."""
    if c.sense.quad not in (1, 3) or c.kind == "derived":
        return []
    for noun in slot_things(c, slot_nouns):
        if noun.pos_ != "NOUN" or not _points_back(noun):
            continue
        senses = is_event(noun) or ()
        parties = any(s.category == "AGREE" for s in senses)
        for n, tok in enumerate(_mentions_before(noun)):
            if n >= MAX_CHAIN:
                break
            if not senses and tok.pos_ != "VERB":
                continue  # a noun the dictionary does not know as an act names one only
                # through a verb of its stem ("ruled" ... "the ruling")
            got = [a for a in _mention_doers(tok, roles, earlier, parties)
                   if a not in c.source and roles._keyed(a)]
            if got:
                return list(dict.fromkeys(got))
    return []


#: pronouns that stand for a whole statement or act told just before ("Togo denied this")
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
#: how far back (in characters before the sentence) a demonstrative may reach
DEMONSTRATIVE_REACH = 400


def demonstrative_doers(c: _Candidate, roles: _Roles, earlier: Sequence[tuple[_Candidate, Any]],
                        sent: Any, same_side: Any) -> list[str]:
    """"Ghana accused Togo of harbouring rebels. Togo denied this.": a demonstrative pronoun
    as the object of a verbal reaction stands for the act or claim told just before (earlier
    in the sentence, or in the one before); the target is its doer, unless that is the
    reacting side itself (then the act before it)."""
    if c.sense.quad not in (1, 3) or c.kind == "derived":
        return []
    pron = next((ch for h in _slot_heads(c) for ch in h.children
                 if ch.dep_ in ("dobj", "nsubjpass") and ch.lower_ in DEMONSTRATIVES
                 and ch.tag_ == "DT" and not list(ch.children)), None)
    # (a "that" tagged WDT is a complementizer the parser took for an object)
    if pron is None:
        return []
    for prev, psent in reversed(earlier):
        if psent.end_char < sent.start_char - DEMONSTRATIVE_REACH:
            break
        if prev.pred.i >= pron.i or prev.status == "negated" or not prev.source:
            continue
        got = [a for a in prev.source if roles._keyed(a) and a not in c.source]
        if got and not same_side(roles, got, c.source):
            return got
    return []


def mentioned_before(pronoun: Any, roles: _Roles, source: Sequence[str]) -> list[str]:
    """The actor a partner pronoun stands for when no coded event names it: the nearest keyed
    actor named before it in its sentence or the one before, that is not the source's side
    ("in touch with Chile's government and cooperating with it": Chile)."""
    own = {roles.key_of(a) for a in source}
    sents = [pronoun.sent]
    if pronoun.sent.start > 0:
        sents.append(pronoun.doc[pronoun.sent.start - 1].sent)
    lo = sents[-1].start
    for i in range(pronoun.i - 1, lo - 1, -1):
        got = [a for a in roles._token_actor.get(i, ())
               if roles._keyed(a) and roles.key_of(a) not in own and a not in source]
        if got:
            return got
    return []
