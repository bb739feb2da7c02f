"""Scope of non-realisation: clauses whose act the sentence says did not (or may not) happen,
though no negation word stands on the act's own verb.

Two phenomena, for every verb:

- *negative implicatives and prevention* ("failed to arrest the smuggler", "ruled out sending
  troops", "prevented the navy from seizing the trawlers", "bars police from entering"): the
  complement of such a verb is an act that did not take place; it is coded as negated, while
  the governing verb keeps its own reading (a refusal, a ban);
- *direct questions* ("Did Ethiopia expel the envoy?", "Who will stop Israel from bombing
  Lebanon?"): a question asserts nothing about the act it asks about, so its acts are not
  coded as done;
- *purpose clauses* ("blocked the highway to demand new elections", "flew to Lima to mediate
  between the parties", "told Chile to withdraw its ships", where the parser reads the
  object-control infinitive as a purpose too): the infinitive names an aim, not an act the
  sentence says was done;
- *conditional clauses and indirect questions* ("unless the junta frees the prisoners", "if
  Oman closes the strait", "Should Ghana send troops, ...", "it is unclear whether Laos will
  expel ..."): the act is only supposed or asked about;
- *attempts* ("attempted to assassinate the minister", "are trying to tear down the fence"):
  an attempt made is an act done (an attempted killing is an assault), not a plan; only a
  coming or possible attempt ("will try to") stays irrealis;
- *negative quantifiers and predictions* ("No Malian troops crossed", "expelled no diplomats",
  "Neither Laos nor Cambodia has ...", "Nobody attacked ...", "no evidence that X armed ...",
  "has yet to expel", "is unlikely to expel", "a war remains unlikely"): the act is negated
  though no "not" stands on its verb.

The word lists live in ``data/event_scope.yaml``; the grammar (which dependency links count)
is here.
"""
from __future__ import annotations

from typing import Any

from .dictionary import CLAIM_VERBS, _load_words

_LISTS = ("negative_implicatives", "negative_phrasals", "prevention_verbs", "removal_participles",
          "journey_verbs", "visit_purposes", "unilateral_instruments", "falsity_words",
          "document_nouns", "situation_nouns", "self_realising_purposes",
          "condition_marks", "inverting_auxiliaries", "negative_quantifiers",
          "negative_pronouns", "negative_predictions", "pending_adverbs",
          "evidence_nouns", "conative_verbs", "object_harm_verbs")


def _load() -> dict[str, frozenset[str]]:
    return _load_words(file="event_scope.yaml", lists=_LISTS)


_WORDS = _load()
NEGATIVE_IMPLICATIVES = _WORDS["negative_implicatives"]
NEGATIVE_PHRASALS = _WORDS["negative_phrasals"]
PREVENTION_VERBS = _WORDS["prevention_verbs"]
#: participles of removal from office, read in orders (see ``orders``)
REMOVAL_PARTICIPLES = _WORDS["removal_participles"]
#: verbs of a journey and nouns of its purpose, read in ``senses.bare_journey``
JOURNEY_VERBS = _WORDS["journey_verbs"]
VISIT_PURPOSES = _WORDS["visit_purposes"]
UNILATERAL_INSTRUMENTS = _WORDS["unilateral_instruments"]
FALSITY_WORDS = _WORDS["falsity_words"]
#: documents named after a city (read in ``roles``)
DOCUMENT_NOUNS = _WORDS["document_nouns"]
#: what is going on somewhere (read in ``arguments.located_event_target``)
SITUATION_NOUNS = _WORDS["situation_nouns"]
#: purposes the act they hang off carries out itself ("shunned work to protest")
SELF_REALISING_PURPOSES = _WORDS["self_realising_purposes"]
#: harm verbs that always take an object (read in ``reduced_passive``)
OBJECT_HARM_VERBS = _WORDS["object_harm_verbs"]
#: verbs whose complement a headline reports ("Moscow says two soldiers killed")
REPORTING_VERBS = CLAIM_VERBS
#: subordinators of a condition ("if", "unless") and auxiliaries that open an inverted one
CONDITION_MARKS = _WORDS["condition_marks"]
INVERTING_AUXILIARIES = _WORDS["inverting_auxiliaries"]
#: "no", "neither" on an argument; "nobody", "none" as one; "unlikely to"; "has yet to"
NEGATIVE_QUANTIFIERS = _WORDS["negative_quantifiers"]
NEGATIVE_PRONOUNS = _WORDS["negative_pronouns"]
NEGATIVE_PREDICTIONS = _WORDS["negative_predictions"]
PENDING_ADVERBS = _WORDS["pending_adverbs"]
EVIDENCE_NOUNS = _WORDS["evidence_nouns"]
CONATIVE_VERBS = _WORDS["conative_verbs"]
#: auxiliaries that leave an attempt still to come or only possible
IRREALIS_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo", "would", "could", "might",
                                  "may", "should", "can", "ca", "'d", "must"})
#: the arguments whose negative quantifier negates the whole clause
QUANTIFIED_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
#: how a complement hangs off a negative implicative ("failed to", "ruled out sending")
COMPLEMENT_DEPS = frozenset({"xcomp", "advcl", "ccomp", "pcomp", "dobj"})
#: how far up the clause chain a question mark or a non-realising verb is looked for
MAX_HOPS = 4


def _phrasal(verb: Any) -> str:
    """"ruled out", "held off", "stopped short": the lemma with its particle or adverb."""
    part = next((c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "acomp")
                 and c.i > verb.i), "")
    return f"{verb.lemma_.lower()} {part}".strip()


def _non_realising(node: Any) -> bool:
    """Is ``node`` the complement of a negative implicative ("failed to arrest"), of a
    phrasal one ("ruled out sending", "stopped short of recognising") or of a prevention
    verb after "from" ("prevented X from seizing")?"""
    gov = node.head
    if node.dep_ == "pcomp" and gov.dep_ == "prep" and gov.head.i != gov.i:
        verb = gov.head  # "refrained from imposing", "barred X from entering"
        if gov.lower_ == "from" and verb.lemma_.lower() in PREVENTION_VERBS | \
                NEGATIVE_IMPLICATIVES:
            return True
        return gov.lower_ in ("of", "from", "on") and _phrasal(verb) in NEGATIVE_PHRASALS
    if node.dep_ not in COMPLEMENT_DEPS or gov.i == node.i:
        return False
    if node.dep_ == "advcl" and (node.tag_ != "VBG" or any(
            c.dep_ in ("aux", "mark") for c in node.children)):
        return False  # "shunned work to protest": a purpose, not what is shunned
    if node.dep_ == "dobj":
        # "ruled out sending troops" may parse the gerund as the object
        return node.pos_ == "VERB" and _phrasal(gov) in NEGATIVE_PHRASALS
    return gov.lemma_.lower() in NEGATIVE_IMPLICATIVES or _phrasal(gov) in NEGATIVE_PHRASALS


def _quantified_none(noun: Any) -> bool:
    """"no troops", "neither side", "nobody", "none of the units": a noun phrase that says
    there is no such one."""
    return noun.lower_ in NEGATIVE_PRONOUNS or any(
        c.dep_ in ("det", "preconj") and c.lower_ in NEGATIVE_QUANTIFIERS for c in noun.children)


def negative_argument(verb: Any) -> bool:
    """Does a subject or object of ``verb`` say there is none ("No Malian troops crossed",
    "expelled no diplomats", "Nobody attacked the convoy", "Neither Laos nor Cambodia has
    ...")? Then the clause asserts that the act did not happen."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in QUANTIFIED_DEPS and _quantified_none(c) for c in verb.children)


def _negative_governor(node: Any) -> bool:
    """Is ``node`` the content of a denied noun ("no evidence that X armed", "no sign that"),
    the complement of a negative prediction ("unlikely to expel"), of a pending one ("has yet
    to expel"), or a noun event predicted not to happen ("a war remains unlikely")?"""
    gov = node.head
    if gov.i == node.i:
        return False
    if node.dep_ in ("acl", "ccomp") and gov.lemma_.lower() in EVIDENCE_NOUNS and \
            _quantified_none(gov):
        return True  # ("no doubt that X attacked" affirms: only evidence is denied)
    if node.dep_ == "xcomp" and (gov.lemma_.lower() in NEGATIVE_PREDICTIONS or any(
            c.dep_ == "advmod" and c.lower_ in PENDING_ADVERBS and c.i + 2 == node.i
            and node.doc[c.i + 1].lower_ == "to" for c in gov.children)):
        return True  # ("Yet Iran chose to strike": a sentence-initial "yet" is "however")
    return node.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in NEGATIVE_PREDICTIONS
        for c in gov.children)


def unrealised(node: Any) -> bool:
    """The act at ``node`` is kept from happening by a verb up its clause chain (its own
    complement, or the complement of a verb it is coordinated with or controlled by)."""
    for _ in range(MAX_HOPS):
        if _non_realising(node) or _negative_governor(node):
            return True
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def interrogative(node: Any) -> bool:
    """Is ``node`` inside a direct question: does it, or a clause it belongs to, end with a
    question mark?"""
    for _ in range(MAX_HOPS + 2):
        if any(c.dep_ == "punct" and c.text == "?" for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def failed_agreement(node: Any) -> bool:
    """"failed to reach agreement", "failed to agree on a truce": talks that end without a
    deal are coded as the sides' rejection (CAMEO 12), not as an agreement that did not
    happen."""
    return node.dep_ == "xcomp" and node.head.lemma_.lower() == "fail"


def enacts_own_instrument(pred: Any) -> bool:
    """"signed a decree placing the port under army control", "signed the bill into law":
    signing an instrument a state issues on its own enacts it; it is no agreement with
    anyone (the object, not a partner, is what is signed)."""
    return pred.lemma_.lower() == "sign" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in UNILATERAL_INSTRUMENTS
        for c in pred.children)


def called_false(noun: Any) -> bool:
    """Is a claim noun the subject of a predicate calling it false ("claims that X armed
    the rebels were simply wrong", "the allegation ... is baseless")?"""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    pred = noun.head
    return any(c.dep_ in ("acomp", "attr", "oprd") and c.lemma_.lower() in FALSITY_WORDS
               for c in pred.children)


def is_document(word: str) -> bool:
    """Is ``word`` (a lemma or a name's last word, maybe plural: "Accords") a document noun?"""
    low = word.lower()
    return low in DOCUMENT_NOUNS or (low.endswith("s") and low[:-1] in DOCUMENT_NOUNS)


def purpose_clause(node: Any) -> bool:
    """Is ``node`` the verb of a purpose infinitive ("to demand", "to mediate"), or coordinated
    with one ("to clear its debts and to sign the contract")? A purpose the act carries out
    by itself ("shunned work to protest") is done, and stays."""
    for _ in range(MAX_HOPS):
        if node.dep_ == "advcl" and node.head.i != node.i and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return node.lemma_.lower() not in SELF_REALISING_PURPOSES
        if node.dep_ != "conj" or node.head.i == node.i:
            return False
        node = node.head
    return False


def _opens_inverted_condition(verb: Any) -> bool:
    """"Should Ghana send troops", "Had Chile closed the border": the clause starts with an
    auxiliary put before its subject (a question would end with "?": see ``interrogative``)."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")
                and c.lower_ in INVERTING_AUXILIARIES), None)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if aux is None or subj is None or not aux.i < subj.i < verb.i:
        return False
    first = min(t.i for t in verb.subtree if not t.is_punct)
    return aux.i == first


def conditional_clause(node: Any) -> bool:
    """Is ``node`` inside a condition or an indirect question: a clause opened by "if",
    "unless", "whether" or by an inverted auxiliary, its own or one it belongs to? A relative clause on the way up is where
    climbing stops (what it says of its noun is presupposed: "if the ship that fired ...")."""
    for _ in range(MAX_HOPS):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children) or \
                _opens_inverted_condition(node):
            return True
        if node.dep_ in ("relcl", "acl") or node.head.i == node.i:
            return False
        node = node.head
    return False


def attempted(node: Any) -> bool:
    """Is ``node`` the complement of an attempt made or under way ("attempted to
    assassinate", "tried to storm", "are trying to tear down"), not one to come ("will try
    to", "plans to try to")?"""
    gov = node.head
    if node.dep_ != "xcomp" or gov.i == node.i or gov.lemma_.lower() not in CONATIVE_VERBS:
        return False
    auxes = {c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")}
    return gov.tag_ in ("VBD", "VBN", "VBG", "VBZ", "VBP") and not auxes & IRREALIS_AUXILIARIES


def reduced_passive(verb: Any) -> bool:
    """"Moscow says two soldiers killed near the border", "Dozens wounded in blast": headline
    style drops the auxiliary of a passive, and the parser then reads the victims as the
    subject. A harm verb that always takes an object, found with a subject but with no
    object, no auxiliary and no coordinated verb to share one, is such a passive: its subject
    is who was harmed, and its doer is unnamed."""
    if verb.lemma_.lower() not in OBJECT_HARM_VERBS or verb.dep_ == "conj":
        return False
    if verb.dep_ != "ROOT" and not (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in
                                    REPORTING_VERBS):
        return False  # "left 18 people wounded": a result state, whose cause is the subject
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"dobj", "aux", "auxpass", "nsubjpass", "dative",
                                            "ccomp", "xcomp", "conj", "attr"}
