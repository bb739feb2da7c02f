"""Events: PLOVER coding of clauses from the dependency parse.

For every clause the predicate (a verb, or an event noun such as "talks" or "sanctions") is
looked up in the pattern dictionary (``data/plover_verbs.yaml``). Source and target are read
from the clause's roles only — subject or passive agent, object, prepositional partners,
possessives and compounds of the predicate noun, coordinated actors — never from every noun of
the sentence. Status (negated, claimed, future, hypothetical) comes from negation, reporting
verbs, modals, conditionals and the quotes the predicate sits in.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any, Iterable, Sequence

import yaml

from ..errors import KnowledgeError
from ..model import CATEGORIES, ActorRef, ArticleMeta, DateRef, Event, Evidence, Place, Quote
from .dates import event_date
from .places import event_location

log = logging.getLogger(__name__)

# Parse-role vocabulary: grammar of English, not of any one text.
SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd"})
MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos", "npadvmod"})
TARGET_PREPS = ("with", "on", "against", "to", "toward", "towards", "at", "over", "into",
                "between", "from", "for", "upon", "onto", "of")
SOURCE_NOUN_PREPS = ("by", "between", "from")
SETTING_PREPS = frozenset({"at", "during", "after", "before", "since", "amid", "following",
                           "throughout", "until"})
CONSULT_PREPS = ("with", "to", "between", "by", "from")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
FIRST_PERSON = frozenset({"we", "our", "us", "ours", "i", "my", "me"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "ca", "'d",
                              "must"})
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
MAX_DEPTH = 3
#: "BEIJING —", "HAVANA, June 23 (RHC) --", "Islamabad/Lahore, Nov. 4:" at a paragraph start
DATELINE = re.compile(r"(?m)^(?:[A-Z][A-Z.'/ -]{1,40}(?:,[^\n—:]{0,40})?\s*(?:—|--|–|:)"
                      r"|[A-Z][a-z]+(?:/[A-Z][a-z]+)?,\s*[A-Z][a-z]{2,4}\.?\s*\d{1,2}\s*[:—–-])")
NAME_ENTITIES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PRODUCT"})


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a pattern: the category it codes and how strongly."""

    category: str
    cameo: str
    score: float
    quad: int
    mode: str | None
    pattern: str


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    """The pattern dictionary: lemma -> [(second word or None, senses)], plus light verbs."""

    verbs: dict[str, dict[str | None, tuple[Sense, ...]]]
    nouns: dict[str, dict[str | None, tuple[Sense, ...]]]
    light: frozenset[str]
    contexts: dict[str, frozenset[str]]
    governed: frozenset[str] = frozenset()
    relational: frozenset[str] = frozenset()
    non_events: frozenset[str] = frozenset()
    non_agents: frozenset[str] = frozenset()
    undergoers: frozenset[str] = frozenset()
    calibration: dict[str, float] = field(default_factory=dict)
    source: str = "plover_verbs.yaml"

    @classmethod
    def load(cls, path: str | None = None) -> "VerbDictionary":
        """Read and validate the YAML dictionary (errors name the file and line)."""
        data, text, name = _read_yaml("plover_verbs.yaml", path)
        if not isinstance(data, dict) or "categories" not in data:
            raise KnowledgeError(name, None, "expected a mapping with 'categories', 'verbs', 'nouns'")
        cats = data["categories"]
        for cat in cats:
            if cat not in CATEGORIES:
                raise KnowledgeError(name, _line_of(text, f"{cat}:"), f"unknown PLOVER category {cat!r}")
        verbs = _read_patterns(data.get("verbs") or {}, cats, name, text)
        nouns = _read_patterns(data.get("nouns") or {}, cats, name, text)
        light = frozenset(str(v).lower() for v in data.get("light_verbs") or ())
        contexts = {k: frozenset(str(w).lower() for w in v)
                    for k, v in (data.get("contexts") or {}).items()}
        governed = frozenset(str(v).lower() for v in data.get("governed_nouns") or ())
        relational = frozenset(str(v).lower() for v in data.get("relational_nouns") or ())
        non_events = frozenset(" ".join(str(v).lower().split())
                               for v in data.get("non_events") or ())
        undergoers = frozenset(str(v).lower() for v in data.get("undergoer_verbs") or ())
        non_agents = frozenset(str(v).lower() for v in data.get("non_agents") or ())
        calibration = load_calibration() if path is None else {}
        return cls(verbs=verbs, nouns=nouns, light=light, contexts=contexts, governed=governed,
                   relational=relational, non_events=non_events, undergoers=undergoers,
                   non_agents=non_agents,
                   calibration=calibration, source=name)

    def verb_senses(self, lemma: str) -> dict[str | None, tuple[Sense, ...]]:
        return self.verbs.get(lemma, {})

    def noun_senses(self, lemma: str) -> dict[str | None, tuple[Sense, ...]]:
        return self.nouns.get(lemma, {})


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses a key given twice in one mapping: the second value
    would otherwise silently win and a pattern would change meaning unnoticed."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


CALIBRATION_FILE = "confidence.yaml"


def load_calibration() -> dict[str, float]:
    """The calibration table written by `eventwire eval --calibrate` (empty if absent)."""
    ref = resources.files("eventwire") / "data" / CALIBRATION_FILE
    if not ref.is_file():
        return {}
    data = yaml.safe_load(ref.read_text(encoding="utf-8")) or {}
    table = data.get("precision") or {}
    bad = [k for k, v in table.items() if not isinstance(v, (int, float)) or not 0 <= v <= 1]
    if bad:
        raise KnowledgeError(f"eventwire/data/{CALIBRATION_FILE}", _line_of(
            ref.read_text(encoding="utf-8"), f"{bad[0]}:"), f"{bad[0]!r} must be a number in 0..1")
    return {str(k): float(v) for k, v in table.items()}


def _line_of(text: str, needle: str) -> int | None:
    for i, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return i
    return None


def _read_yaml(filename: str, path: str | None) -> tuple[Any, str, str]:
    """A data file (shipped, or ``path``) parsed with duplicate keys refused:
    (data, text, name for messages)."""
    if path is None:
        ref = resources.files("eventwire") / "data" / filename
        text, name = ref.read_text(encoding="utf-8"), f"eventwire/data/{filename}"
    else:
        with open(path, encoding="utf-8") as f:
            text, name = f.read(), path
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KnowledgeError(name, mark.line + 1 if mark else None,
                             getattr(exc, "problem", None) or str(exc)) from exc
    return data, text, name


def _load_words(path: str | None = None) -> dict[str, frozenset[str]]:
    """The event coder's word lists (``data/event_words.yaml``), checked on load."""
    data, text, name = _read_yaml("event_words.yaml", path)
    words: dict[str, frozenset[str]] = {}
    for key in WORD_LISTS:
        value = (data or {}).get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise KnowledgeError(name, _line_of(text, f"{key}:"),
                                 f"{key!r} must be a list of words")
        words[key] = frozenset(w.lower() for w in value)
    return words


WORD_LISTS = ("claim_verbs", "claim_nouns", "denial_verbs", "speech_nouns", "intent_verbs",
              "desire_verbs", "hypothetical_verbs", "joint_words", "weapons", "money_words",
              "audience_nouns", "penalty_nouns", "animate")
_WORDS = _load_words()
CLAIM_VERBS = _WORDS["claim_verbs"]
CLAIM_NOUNS = _WORDS["claim_nouns"]
DENIAL_VERBS = _WORDS["denial_verbs"]
SPEECH_NOUNS = _WORDS["speech_nouns"]
INTENT_VERBS = _WORDS["intent_verbs"]
DESIRE_VERBS = _WORDS["desire_verbs"]
HYPOTHETICAL_VERBS = _WORDS["hypothetical_verbs"]
JOINT_WORDS = _WORDS["joint_words"]
WEAPONS = _WORDS["weapons"]
MONEY_WORDS = _WORDS["money_words"]
AUDIENCE_NOUNS = _WORDS["audience_nouns"]
PENALTY_NOUNS = _WORDS["penalty_nouns"]
ANIMATE = _WORDS["animate"]


def _read_patterns(section: dict, cats: dict, name: str, text: str
                   ) -> dict[str, dict[str | None, tuple[Sense, ...]]]:
    out: dict[str, dict[str | None, list[Sense]]] = {}
    for cat, patterns in section.items():
        if cat not in cats:
            raise KnowledgeError(name, _line_of(text, f"{cat}:"), f"unknown PLOVER category {cat!r}")
        for pattern, value in (patterns or {}).items():
            spec = value if isinstance(value, list) else [value]
            if not spec or not str(spec[0]).isdigit():
                raise KnowledgeError(name, _line_of(text, f"{pattern}:"),
                                     f"pattern {pattern!r}: expected a CAMEO code, got {value!r}")
            try:
                score = float(spec[1]) if len(spec) > 1 else float(cats[cat]["score"])
            except (TypeError, ValueError) as exc:
                raise KnowledgeError(name, _line_of(text, f"{pattern}:"),
                                     f"pattern {pattern!r}: bad intensity {spec[1]!r}") from exc
            if not -10.0 <= score <= 10.0:
                raise KnowledgeError(name, _line_of(text, f"{pattern}:"),
                                     f"pattern {pattern!r}: intensity {score} outside -10..10")
            mode = str(spec[2]) if len(spec) > 2 else None
            words = str(pattern).lower().split()
            head, rest = words[0], (" ".join(words[1:]) or None)
            sense = Sense(cat, str(spec[0]), score, int(cats[cat]["quad"]), mode, str(pattern))
            out.setdefault(head, {}).setdefault(rest, []).append(sense)
    return {h: {k: tuple(v) for k, v in d.items()} for h, d in out.items()}


# ------------------------------------------------------------------------------------------
# Roles
# ------------------------------------------------------------------------------------------
def _coordinated(verb: Any) -> bool:
    """A conjunct verb shares its subject only when "and"/"but"/"or" or a comma (adverbs and
    auxiliaries aside) stands right before it; a noun there is its own subject misparsed."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ in ("ADV", "AUX", "PART") and verb.doc[i].dep_ != "cc":
        i -= 1
    return i >= 0 and (verb.doc[i].dep_ == "cc" or verb.doc[i].text in (",", ";"))


class _Roles:
    """Resolves parse tokens to actor ids for one article."""

    def __init__(self, doc: Any, actors: Any, quotes: Sequence[Quote],
                 relational: frozenset[str] = frozenset(), kb: Any = None) -> None:
        self.doc = doc
        self.relational = relational
        self.kb = kb
        self.actors = actors
        self.quotes = [q for q in quotes if q.speaker is not None and q.speaker.actor]
        self._token_actor: dict[int, tuple[str, ...]] = {}
        self._len: dict[int, int] = {}
        datelines = [(m.start(), m.end()) for m in DATELINE.finditer(doc.text)]
        for m in actors.mentions:
            if any(a <= m.start < b for a, b in datelines):
                continue  # "HAVANA, June 23 --" says where it was written, not who acted
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                # the innermost (shortest) mention wins for a token
                prev = self._token_actor.get(tok.i)
                if prev is None or m.end - m.start < self._len.get(tok.i, 10 ** 9):
                    self._token_actor[tok.i] = m.actors
                    self._len[tok.i] = m.end - m.start

    def nationality(self, tok: Any) -> list[str]:
        """'a Senegalese peace plan', 'German goods': a nationality word names a state even
        where the actor layer made no actor of it (pseudo id kb:ISO3:word)."""
        if self.kb is None or tok.dep_ not in ("amod", "compound", "nmod", "poss"):
            return []
        code = self.kb.demonym(tok.text)
        if code is None and tok.pos_ == "PROPN":
            entries = [e for e in self.kb.lookup(tok.text) if e.kind == "country"]
            code = entries[0].ref.iso3 if entries else None
        return [f"kb:{code}:{tok.text}"] if code else []

    def ref_of(self, actor_id: str) -> ActorRef | None:
        if actor_id.startswith("kb:"):
            _, code, word = actor_id.split(":", 2)
            return ActorRef(actor=None, name=word, country=code)
        try:
            return self.actors.ref(actor_id)
        except KeyError:
            return None

    def key_of(self, actor_id: str) -> str | None:
        ref = self.ref_of(actor_id)
        return (ref.org or ref.country) if ref else None

    def _keyed(self, actor_id: str) -> bool:
        if actor_id.startswith("kb:"):
            return True
        try:
            return self.actors.get(actor_id).key is not None
        except KeyError:
            return False

    def quote_speaker(self, tok: Any) -> tuple[str, ...]:
        for q in self.quotes:
            if q.start <= tok.idx < q.end and q.kind == "direct":
                return (q.speaker.actor,)  # type: ignore[union-attr]
        return ()

    def of_token(self, tok: Any, depth: int = 0) -> list[str]:
        """Actors a noun phrase headed by ``tok`` refers to (with its coordinated partners)."""
        found = self._head_actors(tok, depth)
        for conj in tok.children:
            if conj.dep_ == "conj" and conj.pos_ in ("NOUN", "PROPN", "PRON"):
                for a in self.of_token(conj, depth + 1):
                    if a not in found:
                        found.append(a)
        return found

    def _head_actors(self, tok: Any, depth: int, of: bool = True) -> list[str]:
        if tok.i in self._token_actor:
            return list(self._token_actor[tok.i])
        low = tok.lower_
        if low in FIRST_PERSON:
            return list(self.quote_speaker(tok))
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return self.of_token(tok.head.head, depth + 1)
        if depth >= MAX_DEPTH or tok.pos_ in ("VERB", "AUX") or tok.lemma_.lower() in self.relational:
            return []
        found: list[str] = []
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS and child.pos_ not in ("VERB", "AUX"):
                # a modifier must name someone we can key ("Brilliant Jump exercise" is no actor)
                got = self.of_token(child, depth + 1) or self.nationality(child)
                for a in got:
                    if a not in found and self._keyed(a):
                        found.append(a)
        if not found and of:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(a for a in self.of_token(pobj, depth + 1)
                                         if a not in found)
        return found

    def subject(self, verb: Any, depth: int = 0) -> tuple[list[str], str]:
        """The source of a verb: its subject, its passive agent, or an inherited subject."""
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        got = self.of_token(pobj)
                        if got:
                            return got, "agent"
        subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
        for child in subjects:  # a dateline parsed as a second subject names nobody
            got = self.of_token(child)
            if got:
                return got, "subject"
        if subjects and not (verb.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS):
            return [], "subject"
        for aux in verb.children:  # "NATO had ahead of time informed": subject parsed under "had"
            if aux.dep_ in ("aux", "auxpass"):
                for child in aux.children:
                    if child.dep_ in SUBJ_DEPS:
                        return self.of_token(child), "subject"
        if depth >= 4:
            return [], "none"
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return [], "none"  # "unless Habibi was released": a passive names no doer
        if (verb.dep_ in ("xcomp", "conj", "advcl") or verb.dep_ == "acomp" and depth > 0) \
                and verb.head is not verb:
            # "agreed to cooperate", "pulled out and told ...": the governing clause's subject
            if verb.dep_ == "xcomp":
                for child in verb.head.children:
                    if child.dep_ in ("dobj", "dative") and verb.head.lemma_ in HYPOTHETICAL_VERBS:
                        return self.of_token(child), "object-control"
            if verb.dep_ == "conj" and not _coordinated(verb):
                return [], "none"  # "… aid after a powerful earthquake killed …": a misparse
            got, how = self.subject(verb.head, depth + 1)
            return got, "inherited" if got else how
        if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBG", "VBZ", "VBP"):
            # "troops firing on the crowd", 'The men "called on ..."': the noun acts
            # (a past participle, "weapons seized by police", would be the one acted on)
            got = self.of_token(verb.head)
            if not got and verb.head.lemma_.lower() in SPEECH_NOUNS:
                got = self._owner_of_speech(verb.head, depth)
            return got, "relative"
        if verb.dep_ == "relcl":
            got = self.of_token(verb.head)
            if not got and verb.head.lemma_.lower() in SPEECH_NOUNS:
                got = self._owner_of_speech(verb.head, depth)
            return got, "relative"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            # "accused NATO of pursuing a buildup": the object of the governing verb acts
            gov = verb.head.head
            for child in gov.children:
                if child.dep_ in ("dobj",):
                    return self.of_token(child), "object-control"
        return [], "none"

    def _prep_partners(self, tok: Any, depth: int) -> list[str]:
        """Actors after a partner preposition hanging off a noun (one or two levels down)."""
        found: list[str] = []
        for prep in tok.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if (prep.lower_ in TARGET_PREPS or prep.lower_ == "by") and prep.lower_ != "of":
                    found.extend(a for a in self.of_token(pobj) if a not in found)
                if not found and depth > 1:
                    found.extend(a for a in self._prep_partners(pobj, depth - 1) if a not in found)
        return found

    def grievance_partners(self, pred: Any, source: list[str]) -> list[str]:
        """Whom a complaint or protest is about: "over/against/about X", "in protest of X's
        refusal", "to protest X's failure", "to demand reforms by X's government"."""
        found: list[str] = []

        def take(tok: Any, depth: int) -> None:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in GRIEVANCE_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(a for a in self.of_token(pobj)
                                         if a not in found and a not in source)
                            if depth < 2:
                                take(pobj, depth + 1)
                elif child.dep_ == "prep" and child.lower_ == "in" and depth < 2:
                    take(child, depth + 1)  # "in protest of"
                elif child.dep_ == "pobj" and depth < 3:
                    take(child, depth + 1)
                elif child.dep_ in ("advcl", "xcomp") and depth < 2:
                    found.extend(a for a in self.objects(child, depth=1)
                                 if a not in found and a not in source)

        take(pred, 0)
        return found

    def _owner_of_speech(self, noun: Any, depth: int) -> list[str]:
        """"the ministry said in a statement that thanked Qatar", "issued a declaration
        demanding ...": a statement speaks for whoever made or issued it."""
        node = noun
        for _ in range(3):
            node = node.head
            if node.pos_ == "VERB":
                return self.subject(node, depth + 1)[0]
        return []

    def passive_object(self, verb: Any) -> list[str]:
        for child in verb.children:
            if child.dep_ in PASS_SUBJ_DEPS:
                return self.of_token(child)
        return []

    def objects(self, pred: Any, skip: Any = None, depth: int = 0,
                preps: Sequence[str] = ()) -> list[str]:
        """Targets: direct object, else prepositional partners in order of preference, else
        the partners of the act the verb announces ("threatened to impose curbs on German
        goods", "demanded that the US cancel the sale")."""
        found: list[str] = []
        for child in pred.children:
            if child.dep_ in OBJ_DEPS and child is not skip and child.pos_ != "ADP":
                # "put its own tariffs on ...": the doer's own is no target ("told its leaders"
                # without "own" still targets whoever "its" is)
                own = {a for g in child.children if g.dep_ == "poss" and g.pos_ == "PRON"
                       and any(x.lower_ == "own" for x in child.children)
                       for a in self.of_token(g)}
                found.extend(a for a in self.of_token(child) if a not in found and a not in own)
        if found:
            return found
        for child in pred.children:
            # "broke off relations with Rwanda", "pledged euros in aid to Ukraine"
            if child.dep_ == "dobj" and child is not skip:
                found.extend(a for a in self._prep_partners(child, 2) if a not in found)
        if found:
            return found
        allowed = preps
        found_preps: dict[str, Any] = {}
        for child in pred.children:
            # "sent aid to Togo": spaCy may call that "to" a dative; it is a preposition
            if child.dep_ in ("prep", "agent") or (child.dep_ == "dative" and child.pos_ == "ADP") \
                    or (child.dep_ == "prt" and child.lower_ in TARGET_PREPS):
                found_preps.setdefault(child.lower_, child)
        for p in (allowed or TARGET_PREPS):
            prep = found_preps.get(p)
            if prep is None:
                continue
            for pobj in prep.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    found.extend(a for a in self.of_token(pobj) if a not in found)
            if found:
                return found
        if depth < 2:
            for child in pred.children:
                if child.dep_ == "xcomp":
                    found.extend(a for a in self.objects(child, depth=depth + 1) if a not in found)
                elif child.dep_ == "ccomp" or (child.dep_ == "acl" and pred.pos_ == "NOUN"):
                    # a pronoun there mostly points back at the speaker ("deny they have him")
                    for subj in child.children:
                        if subj.dep_ in SUBJ_DEPS and subj.pos_ != "PRON":
                            found.extend(a for a in self.of_token(subj) if a not in found)
        return found


# ------------------------------------------------------------------------------------------
# Triggers
# ------------------------------------------------------------------------------------------
def _hyphen_lemma(tok: Any) -> str | None:
    """'build-up' is three tokens to spaCy; read it back as one word."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].whitespace_ == "":
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return None


def _verb_match(tok: Any, verbs: VerbDictionary) -> tuple[Sense, ...] | None:
    table = verbs.verb_senses(tok.lemma_.lower())
    if not table:
        return None
    near = {c.lemma_.lower() for c in tok.children
            if c.dep_ in ("prt", "prep", "dobj", "acomp", "advmod", "attr", "xcomp", "pobj")}
    # "took to the streets", "put forces on alert": the object of a directional preposition
    near |= {g.lemma_.lower() for c in tok.children if c.dep_ == "prep"
             and c.lower_ in ("to", "on", "into", "onto") for g in c.children if g.dep_ == "pobj"}
    nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    has_obj = any(c.dep_ in ("dobj", "dative") for c in tok.children)
    objs = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "dative", "attr")}
    lemma = tok.lemma_.lower()
    if any(f"{lemma} {o}" in verbs.non_events for o in objs | near):
        return None  # "struck a harder tone", "took place": idioms, not deeds
    # the longest matching pattern wins ("call off strike" over "call strike"); at equal
    # length one naming the object ("pull ambassador") beats a particle ("pull out")
    best: tuple[int, int] | None = None
    chosen = None
    for rest, senses in table.items():
        if rest is None or rest.startswith("+"):
            continue
        words = rest.split()
        if all(w in near or w == nxt for w in words):
            rank = (len(words), int(set(words) <= objs))
            if best is None or rank > best:
                best, chosen = rank, senses
    if chosen is not None:
        return chosen
    if table.get("+xcomp") and any(c.dep_ == "xcomp" for c in tok.children):
        return table["+xcomp"]  # "told its leaders to get off the streets": an order
    # "+obj": the verb is an event only with an object ("helped Nepal", not "helps bring")
    if has_obj and table.get("+obj"):
        return table["+obj"]
    return table.get(None)


def _noun_match(tok: Any, verbs: VerbDictionary) -> tuple[Sense, ...] | None:
    hy = _hyphen_lemma(tok)
    if hy and verbs.noun_senses(hy).get(None):
        return verbs.noun_senses(hy)[None]
    lemma = tok.lemma_.lower()
    # two-word nouns: "hunger strike", "air strike" (compound + head)
    for child in tok.children:
        if child.dep_ == "compound":
            table = verbs.noun_senses(child.lemma_.lower())
            if table.get(lemma):
                return table[lemma]
    table = verbs.noun_senses(lemma)
    if not table:
        table = verbs.noun_senses(tok.lower_)
    if not table:
        return None
    for rest, senses in table.items():
        if rest and rest.split()[-1] in {c.lower_ for c in tok.subtree}:
            return senses
    return table.get(None)


# ------------------------------------------------------------------------------------------
# Status
# ------------------------------------------------------------------------------------------
def _has_neg(tok: Any) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither"))
               for c in tok.children)


def _status(pred: Any, light: Any, roles: _Roles, source_keys: set[str]) -> tuple[str, list[str]]:
    """(status, speaker actor ids when the event is reported by someone else)."""
    heads = [pred] + ([light] if light is not None else [])
    if any(_has_neg(h) for h in heads):
        return "negated", []
    for h in heads:
        auxes = {c.lower_ for c in h.children if c.dep_ in ("aux", "auxpass")}
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
        if dep == "xcomp" and glemma in INTENT_VERBS:
            return "future", []
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
                if glemma in CLAIM_NOUNS and gov.head.lemma_.lower() in DENIAL_VERBS:
                    return "negated", []
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


# ------------------------------------------------------------------------------------------
# Sense choice and context
# ------------------------------------------------------------------------------------------
CIVIL_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REL", "MED", "JRN", "NGO", "PTY", "BUS"})


def _choose(senses: Sequence[Sense], pred: Any, roles: _Roles, source: list[str]
            ) -> Sense | None:
    """Pick the reading that fits the actors (a strike by workers is a protest, by an air
    force an assault); None when no reading fits (troops "arriving" are not a visit)."""
    sectors = {roles.actors.get(a).sector for a in source if a in roles.actors._by_id}
    if all(s.mode == "visit" for s in senses) and sectors & {"MIL", "REB", "COP"}:
        return None
    if any(c.dep_ == "oprd" for c in pred.children):
        # "whom it called an Afghan mujahid": naming, not a phone call
        senses = [s for s in senses if s.cameo != "041"]
        if not senses:
            return None
    cats = [s.category for s in senses]
    if len(set(cats)) == 1:
        return senses[0]
    sent_words = {t.lower_ for t in pred.sent}
    if "PROTEST" in cats:
        kinds = {roles.actors.get(a).kind for a in source if a in roles.actors._by_id}
        civil = (sectors and sectors <= CIVIL_SECTORS) or (kinds and kinds <= {"group"}
                                                            and not sectors & {"MIL", "GOV"})
        street = bool(sent_words & {"streets", "workers", "protesters", "union", "unions",
                                    "demonstrators", "walkout"})
        # states and governments "protest" by note; people, parties and crowds in the street;
        # missiles and jets "strike" as weapons
        official = bool(sectors & {"GOV", "MIL", "JUD", "LEG"}) or bool(kinds & {"state", "igo"})
        armed = any(c.dep_ in SUBJ_DEPS and (c.lemma_.lower() in WEAPONS or any(
            g.lemma_.lower() in WEAPONS for g in c.children if g.dep_ == "compound"))
            for c in pred.children)
        want = "PROTEST" if (civil or street or not source or not official) and not armed \
            else None
        for s in senses:
            if (s.category == "PROTEST") == (want == "PROTEST"):
                return s
    if "AID" in cats and not (sent_words & MONEY_WORDS):
        return next(s for s in senses if s.category != "AID")
    if "AID" in cats:
        return next(s for s in senses if s.category == "AID")
    if "CONSULT" in cats and "SUPPORT" in cats:
        # "welcomed the Indian president" is a visit; "welcomes any American step" is support
        obj = [c for c in pred.children if c.dep_ == "dobj" and c.i in roles._token_actor]
        person = any(roles.actors.get(a).kind in ("person", "state")
                     for o in obj for a in roles._token_actor[o.i] if a in roles.actors._by_id)
        return next(s for s in senses if s.category == ("CONSULT" if person else "SUPPORT"))
    return senses[0]




def _to_audience(pred: Any) -> bool:
    for child in pred.children:
        if child.dep_ in ("prep", "dative") or child.dep_ in OBJ_DEPS:
            for t in [child] + [g for g in child.children if g.dep_ == "pobj"]:
                if t.lemma_.lower() in AUDIENCE_NOUNS:
                    return True
    return False




def _warns_of_own_deed(pred: Any, roles: "_Roles", source: list[str]) -> bool:
    """'warned it would retaliate' threatens; 'warned that farmers would suffer' does not."""
    for child in pred.children:
        if child.dep_ in ("ccomp", "xcomp"):
            subj = [c for c in child.children if c.dep_ in SUBJ_DEPS]
            if child.dep_ == "xcomp":
                return True
            if subj and set(roles.of_token(subj[0])) & set(source):
                return True
            if subj and subj[0].lower_ in ("we", "i"):
                return True
            if any(t.lemma_.lower() in PENALTY_NOUNS and t.dep_ in ("dobj", "pobj")
                   for t in child.subtree):
                return True  # "warned that anyone involved could face sanctions": a threat
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return True  # "warned Iran that it would pay", "warned Peru against ...": to someone
    return False


def _contexts(sent: Any, verbs: VerbDictionary) -> tuple[str, ...]:
    words = {t.lemma_.lower() for t in sent}
    return tuple(sorted(k for k, vocab in verbs.contexts.items() if words & vocab))


# ------------------------------------------------------------------------------------------
# Extraction
# ------------------------------------------------------------------------------------------
@dataclass
class _Candidate:
    sense: Sense  # None only transiently, when no reading fits
    pred: Any
    light: Any
    source: list[str]
    target: list[str]
    how: str
    kind: str  # verb | noun
    status: str = "asserted"
    speaker: tuple[str, ...] = ()
    place_target: tuple[ActorRef, ...] = ()
    unnamed: tuple[ActorRef, ...] | None = None  # a doer the text names only by a noun


def _candidates(sent: Any, roles: _Roles, verbs: VerbDictionary) -> list[_Candidate]:
    out: list[_Candidate] = []
    noun_done: set[int] = set()
    for tok in sent:
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            senses = _verb_match(tok, verbs)
            obj_nouns = []
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "into", "under") and \
                        tok.lemma_.lower() in verbs.light:
                    obj_nouns.extend(g for g in c.children if g.dep_ == "pobj"
                                     and g.pos_ == "NOUN" and _noun_match(g, verbs))
                    continue
                if c.dep_ not in ("dobj", "attr", "nsubjpass") or c.pos_ not in ("NOUN", "PROPN"):
                    continue
                if _noun_match(c, verbs):
                    obj_nouns.append(c)
                    continue
                # "held a new round of talks", "launched a wave of airstrikes": the event is
                # the noun after "of"; "went on strike", "put forces on alert": after "on"
                for prep in c.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        obj_nouns.extend(g for g in prep.children if g.dep_ == "pobj"
                                         and g.pos_ == "NOUN" and _noun_match(g, verbs))
            lemma = tok.lemma_.lower()
            # a pattern naming this very object ("end mediation") beats the object's own
            # reading; a particle pattern ("fire at") does not beat "fired tear gas"
            objs = {c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"}
            specific = bool(senses) and any(
                " " in x.pattern and set(x.pattern.lower().split()[1:]) <= objs for x in senses)
            if obj_nouns and lemma in verbs.light and not specific:
                for noun in obj_nouns:
                    nsenses = _noun_match(noun, verbs)
                    assert nsenses is not None
                    source, how = roles.subject(tok)
                    target = [a for a in roles.objects(noun) if a not in source] or \
                        [a for a in roles.objects(tok, skip=noun) if a not in source]
                    if lemma in verbs.undergoers:
                        # "Pakistan suffered an attack": the subject undergoes the deed
                        target, source, how = source, roles._head_actors(noun, 1), "modifier"
                    if not source:
                        source = roles.of_token(noun)
                        how = "modifier"
                    if noun.dep_ == "nsubjpass":
                        source = roles.of_token(noun)
                        how = "modifier"
                    out.append(_Candidate(_choose(nsenses, noun, roles, source), noun, tok,
                                          source, target, how, "noun"))
                    noun_done.add(noun.i)
                continue
            if not senses:
                demand = _reported_demand(tok, roles)
                if demand is not None:
                    out.append(demand)
                continue
            source, how = roles.subject(tok)
            passive = roles.passive_object(tok)
            if not passive and tok.dep_ == "acl" and tok.tag_ == "VBN":
                # "a former mechanic seized by Taliban intelligence": the noun suffered it
                passive = roles.of_token(tok.head)
            target = passive + [a for a in roles.objects(tok) if a not in passive]
            if how == "object-control":
                target = [a for a in roles.objects(tok) if a not in source]
            target = [a for a in target if a not in source]
            out.append(_Candidate(_choose(senses, tok, roles, source), tok, None, source,
                                  target, how, "verb"))
        elif tok.pos_ in ("NOUN", "PROPN") and tok.i not in noun_done:
            senses = _noun_match(tok, verbs)
            if not senses or tok.lemma_.lower() in verbs.governed:
                continue
            if tok.i in roles._token_actor or tok.ent_type_ in NAME_ENTITIES:
                continue  # "Coordination Council", "Revolutionary Guards": a name, not a deed
            # modifiers: "Russia's commitment", "Iranian strikes"; "the invasion of Iraq" names
            # the invaded, not the invader
            own = roles._head_actors(tok, 1, of=False)
            source, target = list(own), []
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in SOURCE_NOUN_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            got = roles.of_token(pobj)
                            if child.lower_ == "between" and len(got) >= 2 and not source:
                                source, target = got[:1], got[1:]
                            elif child.lower_ == "by" and not source:
                                source = got
            if not target:
                target = [a for a in roles.objects(tok) if a not in source]
            if not target:
                # "tariffs covering 818 kinds of Chinese products"
                for acl in (c for c in tok.children if c.dep_ == "acl"):
                    target = [a for a in roles.objects(acl) if a not in source]
                    if target:
                        break
            if tok.dep_ in ("pobj",) and not source and tok.head.lower_ in ("of", "for"):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in SETTING_PREPS:
                continue  # "at the G20 summit", "after the strike": a setting, not the news
            if not source:
                continue
            out.append(_Candidate(_choose(senses, tok, roles, source), tok, None, source,
                                  target, "modifier", "noun"))
    return _absorb_complements([c for c in out if c.sense is not None])


THREAT_CAMEO = {"SANCTION": "131", "COERCE": "137", "ASSAULT": "138", "MOBILIZE": "138",
                "RETREAT": "131", "PROTEST": "133"}


def _announced_harm(c: "_Candidate") -> bool:
    """A harmful act announced by its own doer as coming, or made conditional on the other
    side ("unless", "if"), is coded as the threat it is, not as a deed that has not happened."""
    if c.sense.category in ("SANCTION", "COERCE", "ASSAULT", "MOBILIZE"):
        node = c.light if c.light is not None else c.pred
        auxes = {x.lower_ for x in node.children if x.dep_ in ("aux", "auxpass")}
        # "wants to attack", "plans to impose": an intent to harm, declared
        intent = node.dep_ == "xcomp" and node.head.lemma_.lower() in (INTENT_VERBS | DESIRE_VERBS)
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
    auxes = {x.lower_ for x in node.children if x.dep_ in ("aux", "auxpass")}
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


MUST_AUX = frozenset({"must", "should", "ought"})
DEMAND_SENSE = Sense("REQUEST", "100", -2.5, 3, "demand", "said … must")


def _reported_demand(verb: Any, roles: _Roles) -> _Candidate | None:
    """"X said Y must hand over the suspects" and "X wants Y to attack Z" are demands by X on
    Y (CAMEO 10), whatever the complement's own verb is."""
    # (the small model lemmatizes "hopes" as "hop": the surface forms are checked too)
    if verb.lemma_.lower() in ("want", "wish", "expect", "need", "prefer", "hope") or \
            verb.lower_ in ("hopes", "hoped", "hoping"):
        for comp in verb.children:
            if comp.dep_ not in ("ccomp", "xcomp"):
                continue
            asked = [c for c in comp.children if c.dep_ in SUBJ_DEPS] or \
                [c for c in verb.children if c.dep_ == "dobj"]
            source, how = roles.subject(verb)
            target = [a for t in asked for a in roles.of_token(t) if a not in source]
            if source and target:
                return _Candidate(DEMAND_SENSE, verb, None, source, target, how, "verb")
        return None
    heads = [verb]
    if verb.lemma_.lower() not in CLAIM_VERBS and verb.lemma_.lower() not in (
            "reiterate", "conclude", "remind", "stress", "insist", "declare"):
        # "issued a stern reminder to Iraq that it must cooperate": the noun carries it
        heads = [c for c in verb.children if c.dep_ == "dobj"
                 and c.lemma_.lower() in SPEECH_NOUNS | {"demand", "call", "reminder"}]
        if not heads:
            return None
    for comp in (c for h in heads for c in h.children):
        if comp.dep_ not in ("ccomp", "acl"):
            continue
        auxes = {c.lower_ for c in comp.children if c.dep_ in ("aux", "auxpass")}
        if not auxes & MUST_AUX:
            continue
        source, how = roles.subject(verb)
        target = [a for c in comp.children if c.dep_ in SUBJ_DEPS for a in roles.of_token(c)]
        target = [a for a in target if a not in source]
        if source and target:
            return _Candidate(DEMAND_SENSE, verb, None, source, target, how, "verb")
    return None


ABSORB_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr",
                         "oprd", "nsubjpass"})


def _absorb_complements(cands: list[_Candidate]) -> list[_Candidate]:
    """A verbal act keeps its content: "threatened to ban", "demanded the withdrawal",
    "rejected a request", "agreed to cooperate" are one event (THREATEN, REQUEST, REJECT,
    AGREE), not two. Material acts (an attack that kills) absorb nothing."""
    verbal = {c.pred.i: c for c in cands if c.sense.quad in (1, 3)
              and (c.kind == "verb" or c.light is not None and c.sense.quad == 3)}
    if not verbal:
        return cands
    kept = []
    for c in cands:
        node = c.light if c.light is not None else c.pred
        absorbed = False
        steps = 0
        for _ in range(12):  # a list of demands may run long: conjuncts do not count
            noun_conj = node.dep_ in ("conj", "appos") and node.pos_ in ("NOUN", "PROPN")
            condition = node.dep_ == "advcl" and _conditional(node.head)  # "… unless Peru apologised"
            if (node.dep_ not in ABSORB_DEPS and not noun_conj and not condition) \
                    or node.head is node:
                break
            steps += not noun_conj
            if steps > 4:
                break
            node = node.head
            if node.i in verbal and verbal[node.i] is not c:
                absorbed = True
                break
        if not absorbed:
            kept.append(c)
    return kept


GRIEVANCE = frozenset({"ACCUSE", "PROTEST"})
GRIEVANCE_PREPS = ("against", "over", "about", "of")
PLACE_TARGETED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "SANCTION", "AID",
                            "PROTEST"})
PLACE_PREPS = frozenset({"in", "on", "at", "into", "from", "out", "near", "across", "to",
                         "against", "of"})


LOCATIVE_ONLY = frozenset({"in", "at", "near", "across", "of"})
IN_PLACE_TARGETED = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "SUPPORT",
                               "AGREE", "CONCEDE", "CONSULT"})


def _objects_and_pobjs(pred: Any, category: str = "ASSAULT") -> list[Any]:
    out = []
    for child in pred.children:
        if child.dep_ in ("prep", "dative") and child.pos_ == "ADP":
            if child.lower_ not in PLACE_PREPS:
                continue
            if child.lower_ in LOCATIVE_ONLY and category not in IN_PLACE_TARGETED:
                continue  # "surrendered in Soroti": where it happened, not to whom
            for g in child.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    out.extend(h for h in g.children if h.dep_ == "prep"
                               for h in h.children if h.dep_ == "pobj")
                elif g.dep_ == "prep":  # "out of Tehran"
                    out.extend(h for h in g.children if h.dep_ == "pobj")
        elif child.dep_ in OBJ_DEPS or child.dep_ == "nsubjpass":
            out.append(child)  # "struck two towns in northern Israel", "a district of X"
            out.extend(g for g in child.children if g.dep_ == "prep" and g.lower_ in ("of", "in")
                       for g in g.children if g.dep_ == "pobj")
    return out


def _place_target(c: _Candidate, places: Sequence[Place]) -> tuple[ActorRef, ...]:
    """A strike on "a border district of Balochistan" targets Pakistan, "lifted the curfew in
    Montenegro" concedes to it: the country of the place an act is aimed at or done in, when
    no actor is named (also through the act a verb announces: "refused to deploy in Iraq")."""
    heads = [c.pred] + ([c.light] if c.light is not None else [])
    heads += [x for h in list(heads) for x in h.children if x.dep_ in ("xcomp", "advcl")]
    spans = [(t.left_edge.idx, t.idx + len(t.text)) for h in heads
             for t in _objects_and_pobjs(h, c.sense.category)]
    for p in places:
        if p.country and any(a <= p.start and p.end <= b for a, b in spans):
            return (ActorRef(actor=None, name=p.name, country=p.country),)
    return ()


def _definite(noun: Any) -> bool:
    """'the strikes', 'these demands', 'its charge' refer back; 'a new treaty' does not."""
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")}
    fresh = {c.lower_ for c in noun.children if c.dep_ == "amod"} & {"new", "another", "fresh",
                                                                      "further", "additional"}
    return bool(dets & {"the", "this", "these", "those", "that", "its", "their"}) and not fresh


def _same_side(roles: "_Roles", a: list[str], b: list[str]) -> bool:
    """Same actor, or same country and sector ("Chinese officials" and "China"); a
    government and its opposition share a country but not a side."""
    if set(a) & set(b):
        return True
    sides = lambda ids: {(r.org or r.country, r.sector if r.sector in ("OPP", "REB", "CVL")
                          else "STATE") for r in (roles.ref_of(x) for x in ids) if r}
    return bool(sides(a) & sides(b))


def _antecedent_target(c: _Candidate, verbs: VerbDictionary,
                       earlier: Sequence[tuple[_Candidate, Any]], roles: _Roles) -> list[str]:
    """"Washington condemned the strikes": the strikes reported earlier, by their doers."""
    if c.sense.quad not in (1, 3) or c.kind != "verb":
        return []
    objects = [ch for ch in c.pred.children if ch.dep_ == "dobj"]
    relative = not objects and c.pred.dep_ == "relcl"
    if relative:
        objects = [c.pred.head]  # "a charge the coalition denies": the charge is the object
    for obj in objects:
        senses = _noun_match(obj, verbs)
        if not senses or not (relative or _definite(obj)):
            continue  # "seeking a new treaty" points back at nothing
        cats = {s.category for s in senses}
        for prev, _ in reversed(earlier):
            if prev.sense.category in cats and prev.source and prev.status != "negated":
                if _same_side(roles, prev.source, c.source):
                    continue  # "Chinese officials reject the charge": the charge is not theirs
                return [a for a in prev.source if a not in c.source]
    return []


UNNAMED_DOER = frozenset({"ASSAULT", "COERCE", "PROTEST"})
POLICE_NOUNS = frozenset({"police", "policeman", "policemen", "officer", "gendarme",
                          "gendarmerie", "constabulary"})
PERSONAL_PRONOUNS = frozenset({"it", "this", "that", "which", "what", "there"})




def _animate_subject(c: "_Candidate", roles: "_Roles") -> bool:
    """Demands, charges and refusals need someone who can make them: a person or group noun
    ("Ibo traditional elders demanded ..."), never a thing ("the report demanded")."""
    verb = c.light if c.light is not None else c.pred
    for child in verb.children:
        if child.dep_ in SUBJ_DEPS and child.pos_ == "NOUN":
            return child.lemma_.lower() in ANIMATE
    return False


def _instrument_doer(verb: Any, roles: "_Roles", verbs: VerbDictionary) -> list[str]:
    """The actor named on the weapon or strike a passive harm came from ("killed in an
    Israeli airstrike", "wounded by Russian shelling")."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []
    for prep in verb.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("in", "by", "during"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            lemma = pobj.lemma_.lower()
            strike = lemma in WEAPONS or any(
                g.dep_ == "compound" and g.lemma_.lower() in WEAPONS for g in pobj.children) \
                or any(s.category == "ASSAULT" for s in (_noun_match(pobj, verbs) or ()))
            if strike:
                got = roles.of_token(pobj)
                if got:
                    return got
    return []


def _local_police(c: "_Candidate", sent: Any, places: Sequence[Place]) -> tuple[ActorRef, ...]:
    """"Police fired tear gas at protesters in Nairobi": police act where they are, so the one
    country the sentence places the act in is theirs (troops, often abroad, are left out)."""
    verb = c.light if c.light is not None else c.pred
    subj = next((t for t in verb.children if t.dep_ in SUBJ_DEPS), None)
    if subj is None or subj.lemma_.lower() not in POLICE_NOUNS:
        return ()
    countries = {p.country for p in places
                 if p.country and sent.start_char <= p.start and p.end <= sent.end_char}
    if len(countries) != 1:
        return ()
    name = " ".join(t.text for t in subj.subtree if t.i <= subj.i and t.dep_ != "det")
    return (ActorRef(actor=None, name=name, country=countries.pop(), sector="COP"),)


def _mediated_parties(raw: list[tuple["_Candidate", Any]]) -> None:
    """"…released two Americans in exchange for an Afghan, a deal brokered by Qatar": a
    mediator with no named parties mediated between those the sentence shows dealing."""
    for c, sent in raw:
        if c.target or c.place_target or not c.sense.cameo.startswith("045") \
                or c.status != "asserted":
            continue  # only a mediation that happened borrows the sentence's parties
        parties: list[str] = []
        for other, osent in raw:
            if osent is sent and other is not c:
                parties += [a for a in other.source + other.target
                            if a not in parties and a not in c.source]
        c.target = parties
    # a mediator between no one named is no event
    raw[:] = [(c, s) for c, s in raw if not (c.sense.cameo.startswith("045") and not c.target
                                             and not c.place_target)]


def _release_holder(verb: Any, places: Sequence[Place]) -> tuple[ActorRef, ...]:
    """The country of the place a passive release happened from ("freed from a prison in
    California" -> USA): whoever held someone there let them go."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return ()
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            a, b = prep.idx, prep.right_edge.idx + len(prep.right_edge)
            for p in places:
                if p.country and a <= p.start and p.end <= b:
                    return (ActorRef(actor=None, name=p.name, country=p.country),)
    return ()


def _fired_from(verb: Any, places: Sequence[Place], roles: "_Roles") -> tuple[ActorRef, ...]:
    """"Shells fired from Congolese territory killed ...": what is fired from a country's
    territory is that country's doing, as the text tells it."""
    for subj in (c for c in verb.children if c.dep_ in SUBJ_DEPS):
        for acl in (c for c in subj.children if c.dep_ == "acl"):
            for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ == "from"):
                a, b = prep.idx, prep.right_edge.idx + len(prep.right_edge)
                for tok in prep.subtree:
                    for pid in roles.nationality(tok):
                        ref = roles.ref_of(pid)
                        if ref is not None:
                            return (ref,)
                for p in places:
                    if p.country and a <= p.start and p.end <= b:
                        return (ActorRef(actor=None, name=p.name, country=p.country),)
    return ()


def _unnamed_doer(verb: Any) -> tuple[ActorRef, ...] | None:
    """The subject noun phrase of a verb as a name-only actor ("suicide bomber"); None when
    there is no such subject (a passive without agent, "six people were killed", says too
    little to code: who did it is the event)."""
    for child in verb.children:
        if child.dep_ in SUBJ_DEPS:
            if child.pos_ not in ("NOUN", "PROPN") or child.lower_ in PERSONAL_PRONOUNS:
                return None
            words = [t for t in child.subtree if t.dep_ not in ("det", "punct", "relcl", "acl")
                     and t.i <= child.i]
            name = " ".join(t.text for t in words) or child.text
            return (ActorRef(actor=None, name=name),)
    return None


def _refs(roles: _Roles, ids: Iterable[str]) -> tuple[ActorRef, ...]:
    seen, out = set(), []
    for a in ids:
        if a in seen:
            continue
        seen.add(a)
        ref = roles.ref_of(a)
        if ref is not None:
            out.append(ref)
    return tuple(out)


def basis(c: _Candidate, has_target: bool) -> str:
    """How an event was read, coarse enough to calibrate on: kind|role|target|status."""
    kind = "light" if c.light is not None else c.kind
    status = {"future": "irrealis", "hypothetical": "irrealis"}.get(c.status, c.status)
    return f"{kind}|{c.how}|{'target' if has_target else 'no-target'}|{status}"


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
    for sent in doc.sents:
        for c in _candidates(sent, roles, verbs):
            if not c.source and c.sense.category in ("ASSAULT", "COERCE") and c.kind == "verb":
                # "were killed in Israeli tank shelling": the weapon or strike names the doer
                c.source = _instrument_doer(c.pred, roles, verbs)
                if c.source:
                    c.how = "instrument"
                    c.target = c.target or roles.passive_object(c.pred)
            if not c.source and c.sense.category == "RETREAT" and c.kind == "verb":
                # "had been freed from a prison in California": the holder is where it was
                holder = _release_holder(c.pred, places)
                if holder:
                    c.unnamed, c.how = holder, "place"
                    c.target = c.target or roles.passive_object(c.pred)
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
                c.how = "unknown"
                origin = _fired_from(c.light if c.light is not None else c.pred, places, roles)
                if origin:
                    c.unnamed, c.how = origin, "place"
                else:
                    local = _local_police(c, sent, places)
                    if local:
                        c.unnamed, c.how = local, "place"
            c.target = [a for a in c.target if a not in c.source]
            # joint exercises of several countries are cooperation; one side's are a deployment
            if c.sense.category == "COOPERATE" and c.sense.mode == "military" and c.kind == "noun":
                joint = any(t.lower_ in JOINT_WORDS for t in c.pred.subtree) or \
                    len(_keys(roles, c.source + c.target)) >= 2
                if not joint:
                    c.sense = replace(c.sense, category="MOBILIZE", cameo="154", quad=4,
                                      score=-5.0)
            if c.sense.category == "THREATEN" and not c.target:
                # "threatened to strike unless Israel rescinded ...": the one the condition is on
                c.target = [a for a in _condition_subjects(c.light or c.pred, roles)
                            if a not in c.source]
            if c.sense.category in GRIEVANCE:
                # "complained to the UN over Israeli raids": the accused, not the addressee
                c.target = roles.grievance_partners(c.light or c.pred, c.source) or c.target
            if not c.target:
                c.target = _antecedent_target(c, verbs, raw, roles)
            if not c.target and c.sense.category not in ("ACCUSE", "THREATEN", "REQUEST"):
                # a place in a complaint or warning is its topic ("warned against interference
                # in Belarus"), not the one warned
                c.place_target = _place_target(c, places)
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
                    not roles.objects(c.pred, preps=CONSULT_PREPS):
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
            src_keys = _keys(roles, c.source)
            c.status, speaker = _status(c.pred, c.light, roles, src_keys)
            c.speaker = tuple(speaker)
            if c.status == "negated" and _own_refusal(c, roles):
                # "said he would not provide support", "will not accept more refugees": a
                # refusal announced by the one who refuses
                c.sense = replace(c.sense, category="REJECT", cameo="120", quad=3, score=-4.0,
                                  mode="refusal")
                c.status = "asserted"
            if c.status in ("future", "hypothetical") and _announced_harm(c):
                # "will impose sanctions", "will withdraw its troops unless ...": a threat now
                c.sense = replace(c.sense, category="THREATEN",
                                  cameo=THREAT_CAMEO.get(c.sense.category, "130"), quad=3,
                                  score=min(c.sense.score, -4.0) * 0.7, mode="announced")
                c.status = "asserted"
            if c.status == "future" and c.sense.category in PROMISE_CAMEO and \
                    c.kind != "derived" and _own_announcement(c, roles):
                # "the UN will provide food aid", "they will release the hostages": a promise
                c.sense = replace(c.sense, category="AGREE", quad=1, score=3.0,
                                  cameo=PROMISE_CAMEO[c.sense.category], mode="intent")
                c.status = "asserted"
            if c.sense.category in SYMMETRIC and not c.target and len(c.source) >= 2:
                c.target = list(reversed(c.source))
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
    for c, sent in raw:
        source = _refs(roles, c.source) or c.unnamed or ()
        target = _refs(roles, c.target) or c.place_target
        if not source and c.unnamed is None:
            continue
        anchor = c.pred.idx
        date = event_date(dates, sent.start_char, sent.end_char, anchor, published, doc=doc)
        location = event_location(places, sent.start_char, sent.end_char, anchor, doc=doc)
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


def _merge_partial(events: list[Event]) -> list[Event]:
    """"Guterres appealed for calm, asking Zimbabwe's politicians to ..." is one request: a
    demand, charge or threat of a sentence that names no addressee gives way to one of the
    same sentence, category, source and status that does (a deed with no named target, such
    as a withdrawal, stays); ids are renumbered so they stay dense and stable."""
    keep = []
    for e in events:
        if not e.target and e.category in ("REQUEST", "ACCUSE", "THREATEN") and any(
                o is not e and o.target and o.category == e.category and o.status == e.status
                and o.evidence.start == e.evidence.start and _side(o.source) == _side(e.source)
                for o in events):
            continue
        keep.append(e)
    return [replace(e, id=f"e{i}") for i, e in enumerate(keep, 1)]


__all__ = ["VerbDictionary", "Sense", "extract_events", "confidence", "basis", "load_calibration"]
