"""The pattern dictionary (``data/plover_verbs.yaml``), the word lists
(``data/event_words.yaml``) and the confidence table (``data/confidence.yaml``): loading and
validation only; errors name the file and line."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from ...errors import KnowledgeError
from ...model import CATEGORIES


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


def _load_words(path: str | None = None, *, file: str = "event_words.yaml",
                lists: tuple[str, ...] | None = None) -> dict[str, frozenset[str]]:
    """The event coder's word lists (``data/event_words.yaml``, or another word file of
    ``lists``), checked on load."""
    data, text, name = _read_yaml(file, path)
    words: dict[str, frozenset[str]] = {}
    for key in (WORD_LISTS if lists is None else lists):
        value = (data or {}).get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise KnowledgeError(name, _line_of(text, f"{key}:"),
                                 f"{key!r} must be a list of words")
        words[key] = frozenset(w.lower() for w in value)
    return words


WORD_LISTS = ("claim_verbs", "claim_nouns", "denial_verbs", "speech_nouns", "intent_verbs",
              "desire_verbs", "hypothetical_verbs", "joint_words", "weapons", "money_words",
              "audience_nouns", "penalty_nouns", "animate", "state_act_words",
              "own_agent_nouns", "envoy_nouns", "evaluative_verbs", "force_moving_verbs",
              "military_nouns", "state_measure_verbs", "naming_verbs", "censure_nouns",
              "censure_adjectives", "blame_nouns", "laying_verbs", "resting_verbs",
              "response_verbs", "impact_verbs", "fire_nouns", "advance_verbs", "supply_verbs",
              "supply_nouns", "cutting_verbs", "aiming_verbs", "transfer_verbs",
              "currency_words", "undoing_verbs", "sending_verbs", "relief_words",
              "undoing_particle_verbs")
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
STATE_ACT_WORDS = _WORDS["state_act_words"]
OWN_AGENT_NOUNS = _WORDS["own_agent_nouns"]
ENVOY_NOUNS = _WORDS["envoy_nouns"]
EVALUATIVE_VERBS = _WORDS["evaluative_verbs"]
FORCE_MOVING_VERBS = _WORDS["force_moving_verbs"]
MILITARY_NOUNS = _WORDS["military_nouns"]
STATE_MEASURE_VERBS = _WORDS["state_measure_verbs"]
IMPACT_VERBS = _WORDS["impact_verbs"]
FIRE_NOUNS = _WORDS["fire_nouns"]
ADVANCE_VERBS = _WORDS["advance_verbs"]


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
