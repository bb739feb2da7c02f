"""Reported charges and rebuttals: statements that charge someone without a charge verb.

Much of the conflict news reports is said with "said", "argued" or "insisted" and a content
clause that carries the charge in a word of censure, not in the verb: "the union said the
decree was unlawful", "the senator argued the ruling was driven by hostility toward
migrants", "the ministry said it had serious doubts about the count". A reader takes each as
an accusation (PLOVER ACCUSE, CAMEO 111) by the speaker against the one charged: the subject
of the clause that holds the word (or whoever owns what that subject names), or, when the
speaker's own stance is the subject ("it had doubts about ..."), whoever the stance is about;
when the clause names no one, the state the story is about.

The mirror image is a rebuttal: a content clause that denies a charge against the speaker's
own side ("the cabinet insists the curbs are not directed at any faith", "the army said its
units had not attacked the villages") is a rejection (PLOVER REJECT, CAMEO 120) by the
speaker; whom it answers is left to the layers that find an implicit addressee.

Precision guards: the speaker must be a keyed actor and no reporter; the report must be
asserted (not negated, conditional, a question, or under a modal); a charge word inside a
condition or an indirect question ("whether the vote was rigged") charges no one; a charge
whose clause is about the speaker's own side is self-criticism, not a charge (unless it
names another party in the word's own phrase); a negated charge about a third party is a
defence of it, coded nothing here. A reporting verb that is itself in the verb dictionary,
or whose content already holds a hostile event (whose derived accusation the coder already
makes), is left to those readings. The word lists are data (``data/charge_words.yaml``).
"""
from __future__ import annotations

from typing import Any, Sequence

from .dictionary import Sense, _load_words
from .fallbacks import _same_side
from .frame import _Candidate
from .grammar import FIRST_PERSON, HYPOTHETICAL_AUX, FUTURE_AUX, PASS_SUBJ_DEPS, SUBJ_DEPS
from .roles import _Roles
from .scope import conditional_clause, interrogative
from .situated import Locator
from .status import _has_neg, clause_auxiliaries
from .discourse import participants
from .unaddressed import REPORTING, story_state

_WORDS = _load_words(file="charge_words.yaml", lists=(
    "reporting_verbs", "charge_words", "stance_words", "denied_predicates"))
REPORTING_VERBS = _WORDS["reporting_verbs"]
DENIED_PREDICATES = _WORDS["denied_predicates"]
#: entries as word tuples, longest first so "no justification" beats a single word
CHARGE_PHRASES = sorted((tuple(w.split()) for w in _WORDS["charge_words"]), key=len,
                        reverse=True)
STANCE_PHRASES = sorted((tuple(w.split()) for w in _WORDS["stance_words"]), key=len,
                        reverse=True)

CHARGE_SENSE = Sense("ACCUSE", "111", -2.5, 3, None, "reported charge")
REBUTTAL_SENSE = Sense("REJECT", "120", -4.0, 3, "rebuttal", "reported rebuttal")
#: personal pronouns that, unresolved in a content clause, point back at the speaker
#: ("the ministry said it had doubts", "she said she had been misled")
SPEAKER_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"}) | FIRST_PERSON
#: sectors that govern a state: such a speaker charging a deed that names no doer does not
#: charge its own state ("Seoul said the curbs break trade rules", in a story on Seoul)
EXECUTIVE = frozenset({"GOV", "MIL", "COP", "SPY"})
#: clause marks of a condition or an indirect question
OPEN_MARKS = frozenset({"if", "unless", "whether"})
#: prepositions that say whom a word of censure or a stance is about
ABOUT_PREPS = frozenset({"about", "over", "of", "toward", "towards", "against", "by", "on",
                         "from", "with", "in"})


def _own_side(roles: _Roles, actors: Sequence[str], speaker: Sequence[str]) -> bool:
    """Are ``actors`` the speaker or a body of the same kind of the same country
    ("Washington" for the Secretary of State)? Stricter than sharing a state: a party
    charging the army of its own country charges someone else."""
    if set(actors) & set(speaker):
        return True
    side = lambda ids: {(r.org or r.country, r.sector) for r in map(roles.ref_of, ids) if r}
    return bool(side(actors) & side(speaker))


def _word_match(tok: Any, word: str) -> bool:
    return tok.lower_ == word or tok.lemma_.lower() == word


def _phrase_at(tokens: Sequence[Any], i: int,
               phrases: Sequence[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The longest listed phrase starting at ``tokens[i]``, if any."""
    for phrase in phrases:
        if i + len(phrase) <= len(tokens) and all(
                _word_match(tokens[i + k], w) for k, w in enumerate(phrase)):
            return phrase
    return None


def _content(verb: Any) -> Any:
    """The reported content: the reporting verb's clausal complement after it ("said (that)
    ..."); a clause before it is mostly a fronted aside ("in a dissent she read, X argued")."""
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)


def _open_clause(tok: Any, content: Any) -> bool:
    """Is ``tok`` inside a condition or an indirect question within the content ("said it
    would be illegal if ...", "asked whether the count was rigged")?"""
    node = tok
    while True:
        if any(c.dep_ == "mark" and c.lower_ in OPEN_MARKS for c in node.children):
            return True
        if node.i == content.i or node.head.i == node.i:
            return False
        node = node.head


def _clause_verb(tok: Any, content: Any) -> Any:
    """The verb of the clause a word belongs to (the word itself if it is one)."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.i != content.i and node.head.i != node.i:
        node = node.head
    return node


def _clause_subject(verb: Any) -> Any:
    """The subject token of a clause, or of the clause it is coordinated with."""
    node = verb
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in SUBJ_DEPS | PASS_SUBJ_DEPS), None)
        if subj is not None or node.dep_ != "conj" or node.head.i == node.i:
            return subj
        node = node.head
    return None


def _found_words(content: Any) -> list[tuple[Any, tuple[str, ...], str]]:
    """(first token, phrase, kind) of every listed word in the content, outside conditions
    and indirect questions; kind is "charge", "stance" or "denied"."""
    tokens = [t for t in content.subtree if not t.is_punct]  # ('made it "impossible')
    found = []
    for i, tok in enumerate(tokens):
        if _open_clause(tok, content):
            continue
        for kind, phrases in (("charge", CHARGE_PHRASES), ("stance", STANCE_PHRASES)):
            phrase = _phrase_at(tokens, i, phrases)
            if phrase is not None:
                found.append((tok, phrase, kind))
                break
        else:
            if tok.lower_ in DENIED_PREDICATES or tok.lemma_.lower() in DENIED_PREDICATES:
                found.append((tok, (tok.lower_,), "denied"))
    return found


def _negated(tok: Any, phrase: tuple[str, ...], verb: Any) -> bool:
    """Is the word denied ("was not rigged", "there was no fraud", "never violated")? A
    phrase that is itself negative ("no justification") is a charge, not its denial."""
    if phrase[0] in ("no", "not"):
        return False
    return _has_neg(verb) or (tok.i != verb.i and _has_neg(tok))


def _phrase_actors(tok: Any, roles: _Roles, speaker: list[str]) -> list[str]:
    """Keyed actors a word's own phrase says it is about ("doubts about the Hungarian
    count", "hostility toward Kurds by the police"), other than the speaker's side."""
    found: list[str] = []
    head = tok.head if tok.dep_ in ("amod", "compound") else tok
    for prep in head.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ABOUT_PREPS:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                got = roles.of_token(pobj) or [  # ("the count announced by X"): its maker
                    a for v in pobj.children if v.dep_ in ("acl", "relcl")
                    for a in roles.subject(v)[0]]
                found += [a for a in got if a not in found]
    return [a for a in found if roles._keyed(a) and not _own_side(roles, [a], speaker)]


def _subject_actors(subj: Any, roles: _Roles) -> list[str]:
    """The actors a clause's subject names, or the owners of the thing it names ("the
    army's decree", "the policy of the junta"); passive subjects that are people underwent
    the deed and are not charged."""
    got = [a for a in roles.of_token(subj) if roles._keyed(a)]
    if subj.dep_ in PASS_SUBJ_DEPS and subj.pos_ in ("PROPN", "PRON"):
        return []
    return got


def _charged(tok: Any, phrase: tuple[str, ...], kind: str, content: Any, roles: _Roles,
             speaker: list[str], state: list[str]) -> list[str] | None:
    """Whom a word of censure charges; None when it charges no one but the speaker."""
    verb = _clause_verb(tok, content)
    subj = _clause_subject(verb)
    about = _phrase_actors(tok, roles, speaker)
    actors = _subject_actors(subj, roles) if subj is not None else []
    own = (subj is not None and subj.pos_ == "PRON" and subj.lower_ in SPEAKER_PRONOUNS
           and not actors) or (bool(actors) and _own_side(roles, actors, speaker))
    if kind == "stance":
        if subj is not None and not own:
            return None  # ("the voters had doubts"): someone else's stance, not a charge
        return about or [a for a in state if not _own_side(roles, [a], speaker)] or None
    if own:
        return about or None  # self-criticism names no one else
    if subj is not None and subj.pos_ == "PRON" and not actors:
        return None  # an unresolved "they": whom it charges is not known
    if actors:
        return actors
    return about or state


def _denies_own(tok: Any, content: Any, roles: _Roles, speaker: list[str]) -> bool:
    """Is the denied charge one against the speaker's own side: the clause's subject is the
    speaker, a pronoun for it, its own side, or a thing of no other party ("the curbs")?"""
    verb = _clause_verb(tok, content)
    subj = _clause_subject(verb)
    if subj is None:
        return any(c.dep_ == "expl" for c in verb.children)  # ("there was no fraud")
    actors = _subject_actors(subj, roles) if subj.dep_ not in PASS_SUBJ_DEPS else \
        [a for a in roles.of_token(subj) if roles._keyed(a)]
    if actors:
        return _same_side(roles, actors, speaker)
    if subj.pos_ == "PRON":
        return subj.lower_ in SPEAKER_PRONOUNS
    return subj.pos_ == "NOUN"


def _asserted_report(verb: Any) -> bool:
    """Is the report itself asserted: not negated, under no modal, no condition, no
    question ("did not say", "would argue", "if they insist", "did they say ...?")?"""
    if _has_neg(verb) or clause_auxiliaries(verb) & (HYPOTHETICAL_AUX | FUTURE_AUX):
        return False
    return not conditional_clause(verb) and not interrogative(verb)


def _hostile_deed(tok: Any, verb: Any, built: Sequence[_Candidate]) -> bool:
    """Is the word, or the verb of its clause, already read as a hostile event ("said troops
    violated the truce"), whose derived accusation the coder makes from the event itself?"""
    return any(c.sense.quad >= 3 and (c.light if c.light is not None else c.pred).i in
               (tok.i, verb.i) for c in built)


def _charged_state(code: str, speaker: Sequence[Any], roles: _Roles) -> list[str]:
    """The state a charge naming no doer is aimed at: the story's state, or, when that is
    the speaker's own and the speaker governs it, the article's other participant (a
    government charging a measure it does not name the doer of charges the other side)."""
    own = {r.country for r in speaker if r is not None}
    if code in own and all(r is not None and r.sector in EXECUTIVE for r in speaker):
        code = next((p for p in participants(roles) if p not in own), "")
    return roles.country_actor(code) if code else []


def reported_charges(sent: Any, roles: _Roles, built: Sequence[_Candidate],
                     where: Locator, home: str | None) -> list[_Candidate]:
    """The charges and rebuttals a sentence reports without a charge verb (see the module
    docstring), given the candidates already read from it (``built``)."""
    out: list[_Candidate] = []
    taken = {(c.light if c.light is not None else c.pred).i for c in built}
    state_code: str | None = None
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_VERBS or verb.i in taken:
            continue
        content = _content(verb)
        if content is None or not _asserted_report(verb):
            continue
        speaker = [a for a in roles.subject(verb)[0] if roles._keyed(a)]
        refs = [roles.ref_of(a) for a in speaker]
        if not speaker or any(r is not None and r.sector in REPORTING for r in refs):
            continue
        found = _found_words(content)
        if not found:
            continue
        if state_code is None:
            state_code = story_state(roles, where, home) or ""
        state = _charged_state(state_code, refs, roles)
        for tok, phrase, kind in found:
            verb_of = _clause_verb(tok, content)
            if _negated(tok, phrase, verb_of):
                if kind in ("charge", "denied") and _denies_own(tok, content, roles, speaker):
                    out.append(_Candidate(REBUTTAL_SENSE, verb, None, speaker, [],
                                          "charge", "verb"))
                    break
                continue  # a third party defended: no charge made
            if kind == "denied" or _hostile_deed(tok, verb_of, built):
                continue
            target = _charged(tok, phrase, kind, content, roles, speaker, state)
            if target:
                out.append(_Candidate(CHARGE_SENSE, verb, None, speaker, target, "charge",
                                      "verb"))
                break
    return out
