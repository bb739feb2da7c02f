"""Transfers and reversals: events whose category comes from what a general verb does to its
object, handled once for every object noun of the dictionary rather than per phrase:

- aiming a weapon at someone: "turned water cannon on the marchers", "trained their guns on
  the convoy", "sprayed tear gas at students" (the weapon's own reading, or an attack);
- handing money to someone: "provided $20 million to X", "put $90 million toward the mission",
  "allocated 100 million euros for X" (economic aid, CAMEO 071);
- sending relief: "dispatched rescue teams to X", "flew doctors and medicine to X", "sent
  planes carrying relief workers to X" (humanitarian aid, CAMEO 073);
- undoing a measure: a verb of ending or easing ("lifted", "reversed", "suspended", "cut")
  whose object is a coded measure reads as that measure's reversal: sanctions eased (085),
  a blockade or occupation ended (0872), a restriction or ban eased (081), a protest called
  off (082), attacks halted (087), aid cut (162), talks halted (164), cooperation
  reduced (160).

Each reading needs the verb, its object and (for the first two) the partner preposition; the
verb alone ("turned", "provided", "cut") codes nothing here.
"""
from __future__ import annotations

from typing import Any

from .dictionary import Sense, VerbDictionary, _WORDS, _load_words
from .frame import _Candidate
from .roles import _Roles
from .senses import _choose
from .triggers import _noun_match

_INSTRUMENTS = _load_words(file="instruments.yaml",
                           lists=("projecting_verbs", "covering_verbs", "crowd_control_nouns"))
PROJECTING_VERBS = _INSTRUMENTS["projecting_verbs"] - _WORDS["aiming_verbs"]
AIMING_VERBS = _WORDS["aiming_verbs"] | PROJECTING_VERBS
COVERING_VERBS = _INSTRUMENTS["covering_verbs"]
CROWD_CONTROL = _INSTRUMENTS["crowd_control_nouns"]
TRANSFER_VERBS = _WORDS["transfer_verbs"]
CURRENCY_WORDS = _WORDS["currency_words"]
UNDOING_VERBS = _WORDS["undoing_verbs"]
UNDOING_PARTICLE_VERBS = _WORDS["undoing_particle_verbs"]
SENDING_VERBS = _WORDS["sending_verbs"]
RELIEF_WORDS = _WORDS["relief_words"]
WEAPONS = _WORDS["weapons"] | _WORDS["military_nouns"]

AIM_SENSE = Sense("ASSAULT", "190", -9.0, 4, None, "aim weapon at")
CROWD_CONTROL_SENSE = Sense("COERCE", "175", -8.0, 4, "repression", "use force on crowd")
MONEY_SENSE = Sense("AID", "071", 6.0, 2, "economic", "give money to")
RELIEF_SENSE = Sense("AID", "073", 6.5, 2, "humanitarian", "send relief to")
#: "on/at/against the marchers": whom a weapon is turned on
AIM_PREPS = ("on", "at", "against", "upon", "onto", "toward", "towards")
#: "to/toward/for X": who receives money
RECIPIENT_PREPS = ("to", "toward", "towards", "for")
#: the reversal of a measure, by the measure's CAMEO code prefix (longest prefix first)
REVERSALS: tuple[tuple[str, Sense], ...] = (
    ("163", Sense("RETREAT", "085", 4.5, 2, "ease", "undo sanctions")),
    ("191", Sense("RETREAT", "0872", 5.0, 2, "withdraw", "undo blockade")),
    ("192", Sense("RETREAT", "0872", 5.0, 2, "withdraw", "undo occupation")),
    ("17", Sense("CONCEDE", "081", 4.5, 1, None, "undo restriction")),
    ("18", Sense("RETREAT", "087", 5.0, 2, "de-escalate", "halt attacks")),
    ("19", Sense("RETREAT", "087", 5.0, 2, "de-escalate", "halt attacks")),
    ("20", Sense("RETREAT", "087", 5.0, 2, "de-escalate", "halt attacks")),
    ("14", Sense("CONCEDE", "082", 4.5, 1, None, "call off protest")),
    ("07", Sense("SANCTION", "162", -5.5, 4, "economic", "cut aid")),
    ("040", Sense("SANCTION", "164", -4.5, 4, "diplomatic", "halt talks")),
    ("046", Sense("SANCTION", "164", -4.5, 4, "diplomatic", "halt talks")),
    ("06", Sense("SANCTION", "160", -5.0, 4, None, "reduce cooperation")),
)


def transfer_candidates(tok: Any, roles: _Roles, verbs: VerbDictionary) -> list[_Candidate]:
    """The event ``tok`` heads through one of the constructions above (empty if none)."""
    if tok.pos_ != "VERB":
        return []
    for reading in (_aimed_weapon, _instrument_with, _money_given, _relief_sent,
                    _undone_measure):
        got = reading(tok, roles, verbs)
        if got is not None:
            return [got]
    return []


def _keyed(roles: _Roles, ids: list[str]) -> list[str]:
    """Only actors with a key: a noun the text names no one by ("exporters", "farmers")
    leaves the slot open for the later layers (owners, places, the home state)."""
    return [a for a in ids if roles._keyed(a)]


def _pobjs(tok: Any, preps: tuple[str, ...]) -> list[Any]:
    return [g for p in tok.children if p.dep_ in ("prep", "dative") and p.lower_ in preps
            for g in p.children if g.dep_ == "pobj"]


def _armed_noun(noun: Any) -> bool:
    return noun.lemma_.lower() in WEAPONS or noun.lower_ in WEAPONS or any(
        g.dep_ == "compound" and g.lemma_.lower() in WEAPONS for g in noun.children)


def _harm(noun: Any, verbs: VerbDictionary) -> list[Sense]:
    """The assault or coercion a noun names, itself or by a compound on it ("tear gas
    canisters": the canisters carry the gas's reading)."""
    nouns = [noun] + [g for g in noun.children if g.dep_ == "compound" and g.pos_ == "NOUN"]
    return [s for n in nouns for s in (_noun_match(n, verbs) or ())
            if s.category in ("ASSAULT", "COERCE")]


def _doer(tok: Any, roles: _Roles) -> tuple[list[str], str]:
    """The subject of ``tok``, or for a by-gerund ("answered by lobbing gas at them") the
    subject of the verb it tells the manner of."""
    source, how = roles.subject(tok)
    if not source and tok.dep_ == "pcomp" and tok.head.lower_ == "by" and \
            tok.head.head.pos_ == "VERB":
        source, how = roles.subject(tok.head.head)
    return source, how


def _crowd_control(noun: Any) -> bool:
    return noun.lemma_.lower() in CROWD_CONTROL or any(
        g.dep_ == "compound" and g.lemma_.lower() in CROWD_CONTROL for g in noun.children)


def _aimed_weapon(tok: Any, roles: _Roles, verbs: VerbDictionary) -> _Candidate | None:
    """"Police turned water cannon on the crowd", "soldiers trained their rifles at the
    marchers", "lobbed tear gas canisters at the crowd": aiming or sending a weapon at
    someone is using it on them."""
    if tok.lemma_.lower() not in AIMING_VERBS:
        return None
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        harm = _harm(obj, verbs)
        # "a salvo of cruise missiles": the weapon may follow the measure word
        if not harm and not _armed_noun(obj) and not any(_armed_noun(g) for g in _pobjs(
                obj, ("of",))):
            continue
        aimed = _pobjs(tok, AIM_PREPS) + _pobjs(obj, AIM_PREPS)
        if not aimed:
            return None  # "turned the guns over": no one aimed at
        source, how = _doer(tok, roles)
        named = [a for t in aimed for a in roles.of_token(t) if a not in source]
        if tok.lemma_.lower() in PROJECTING_VERBS and not (source and named):
            return None  # "some demonstrators hurled petrol bombs": a riot, read as protest
        target = _keyed(roles, named)
        sense = harm[0] if harm else AIM_SENSE
        return _Candidate(sense, obj, tok, source, target, how, "noun")
    return None


def _instrument_with(tok: Any, roles: _Roles, verbs: VerbDictionary) -> _Candidate | None:
    """"Police sprayed protesters with water", "troops pelted the convoy with rockets": a verb
    of covering whose object is a party and whose with-phrase names a weapon or a means of
    crowd control is force used on that party (a weapon assaults; crowd control coerces).
    The object must name an actor: "sprayed the fields with water" is farming."""
    if tok.lemma_.lower() not in COVERING_VERBS:
        return None
    hit = [c for c in tok.children if c.dep_ == "dobj"]
    source, how = _doer(tok, roles)
    target = [a for h in hit for a in roles.of_token(h) if a not in source]
    if not target:
        return None
    for inst in _pobjs(tok, ("with",)):
        harm = _harm(inst, verbs)
        if harm or _crowd_control(inst):
            sense = harm[0] if harm else CROWD_CONTROL_SENSE
        elif _armed_noun(inst):
            sense = AIM_SENSE
        else:
            continue
        return _Candidate(sense, inst, tok, source, _keyed(roles, target) or target, how,
                          "noun")
    return None


def _money(obj: Any) -> bool:
    """"$20 million", "100 million euros", "a billion dollars": an amount of money."""
    phrase = [t for t in obj.subtree if t.i <= obj.i or t.head.i == obj.i and t.dep_ != "prep"]
    return any(t.lower_ in CURRENCY_WORDS or t.lemma_.lower() in CURRENCY_WORDS
               or t.tag_ == "$" for t in phrase)


def _money_given(tok: Any, roles: _Roles, verbs: VerbDictionary) -> _Candidate | None:
    """"Norway provided $20 million to Sudan", "Canada put $90 million toward the mission":
    money handed to someone is economic aid to them."""
    if tok.lemma_.lower() not in TRANSFER_VERBS:
        return None
    amounts = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and _money(c)]
    if not amounts:
        return None
    receivers = [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    receivers += _pobjs(tok, RECIPIENT_PREPS) + [g for a in amounts
                                                 for g in _pobjs(a, RECIPIENT_PREPS)]
    if not receivers:
        return None  # "spent $5 million": money spent on no one named is no aid
    source, how = roles.subject(tok)
    target = _keyed(roles, [a for r in receivers for a in roles.of_token(r) if a not in source])
    if not target:
        # "toward the mission in Haiti", "for flood victims in Peru": the receiver's partners
        target = _keyed(roles, [a for r in receivers for a in roles.objects(r)
                                if a not in source])
    return _Candidate(MONEY_SENSE, tok, None, source, target, how, "verb")


def _relief(noun: Any) -> bool:
    """"Rescue crews", "relief workers", "medical supplies", "doctors", "tents": people or
    goods that bring relief, by the noun or a modifier on it."""
    words = [noun] + [g for g in noun.children if g.dep_ in ("compound", "amod")]
    if any(w.lemma_.lower() in RELIEF_WORDS or w.lower_ in RELIEF_WORDS for w in words):
        return True
    # "search-and-rescue crews": the hyphenated modifier is split into tokens before the noun
    return any(t.lower_ in RELIEF_WORDS for t in noun.lefts if t.dep_ not in ("det", "nummod"))


def _relief_sent(tok: Any, roles: _Roles, verbs: VerbDictionary) -> _Candidate | None:
    """"Washington will dispatch rescue crews to Nepal", "Ankara flew tents and medicine to
    X", "sent planes carrying relief workers to X": relief sent to someone is humanitarian aid
    to them (also when the vehicle that carries it is military)."""
    if tok.lemma_.lower() not in SENDING_VERBS:
        return None
    loads, heads = [], [tok]
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        loads += [obj] + [g for g in obj.children if g.dep_ == "conj"]
        # "planes carrying relief workers (to X)": what the vehicle carries, and where
        carriers = [a for a in obj.children if a.dep_ == "acl"]
        heads += carriers
        loads += [g for a in carriers for g in a.children if g.dep_ == "dobj"]
        loads += [h for g in list(loads) for h in g.children if h.dep_ == "conj"]
    if not any(_relief(n) for n in loads):
        return None
    source, how = roles.subject(tok)
    target = _keyed(roles, [a for h in heads for r in _pobjs(h, ("to", "into", "for"))
                            for a in roles.of_token(r) if a not in source])
    return _Candidate(RELIEF_SENSE, tok, None, source, target, how, "verb")


def _undone_measure(tok: Any, roles: _Roles, verbs: VerbDictionary) -> _Candidate | None:
    """"Reversed its ban on the paper", "suspended the sanctions on X", "cut aid to X",
    "halted talks with X": a verb of ending or easing whose object is a measure the
    dictionary codes is that measure's reversal, aimed at whoever the measure was aimed at."""
    lemma = tok.lemma_.lower()
    backing = lemma in UNDOING_PARTICLE_VERBS and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "down") for c in tok.children)
    if lemma not in UNDOING_VERBS and not backing:
        return None
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        senses = _noun_match(obj, verbs)
        if not senses:
            continue
        source, how = roles.subject(tok)
        measure = _choose(senses, obj, roles, source)  # (a strike by an air force is no walkout)
        cats = {s.category for s in senses}
        if {"PROTEST", "ASSAULT"} <= cats:
            # "ended their strike" is a walkout called off; "halted its strikes on Gaza" names
            # what was hit, so it is attacks halted
            hit = any(p.dep_ == "prep" and p.lower_ in ("on", "against", "at")
                      for p in obj.children)
            measure = next(s for s in senses if s.category == ("ASSAULT" if hit else "PROTEST"))
        sense = next((r for prefix, r in REVERSALS if measure is not None
                      and measure.cameo.startswith(prefix)), None)
        if sense is not None:
            target = _keyed(roles, [a for a in roles.objects(obj) if a not in source]) or \
                _keyed(roles, [a for a in roles.objects(tok, skip=obj) if a not in source])
            return _Candidate(sense, obj, tok, source, target, how, "noun")
    return None
