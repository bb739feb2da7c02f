"""The cue vocabulary of quotations, read from ``data/reporting_verbs.yaml``.

Which words report speech is data, not code: the file is validated on load so a bad entry
fails loudly with the file and key named.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from ...errors import KnowledgeError

CUES_FILE = "reporting_verbs.yaml"


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue vocabulary: which words report speech (see ``data/reporting_verbs.yaml``)."""

    verbs: frozenset[str]
    speech_nouns: frozenset[str]
    clause_verbs: frozenset[str]
    clause_nouns: frozenset[str]
    attributions: tuple[tuple[str, ...], ...]
    naming_verbs: frozenset[str]
    scare_markers: tuple[tuple[str, ...], ...]
    person_nouns: frozenset[str]
    not_with_particles: frozenset[str] = frozenset()
    own_voice_nouns: frozenset[str] = frozenset()
    past_markers: frozenset[str] = frozenset()
    title_equivalents: tuple[tuple[str, str], ...] = ()
    issuing_verbs: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()

    @classmethod
    def from_mapping(cls, data: Any, path: str = CUES_FILE) -> "Cues":
        """Validate a parsed YAML mapping; errors name the file and the bad key."""
        if not isinstance(data, dict):
            raise KnowledgeError(path, None, "expected a mapping of cue lists at top level")
        keys = ("verbs", "speech_nouns", "clause_verbs", "clause_nouns", "attributions",
                "naming_verbs", "scare_markers", "person_nouns", "not_with_particles",
                "own_voice_nouns", "past_markers", "title_equivalents", "issuing_verbs",
                "abbreviations")
        lists: dict[str, list[str]] = {}
        for key in keys:
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                      for v in value):
                raise KnowledgeError(path, None, f"{key!r} must be a list of non-empty strings")
            lists[key] = [v.strip().lower() for v in value]
        unknown = set(data) - set(keys)
        if unknown:
            raise KnowledgeError(path, None, f"unknown keys {sorted(unknown)}; expected {keys}")
        pairs = [tuple(x.strip() for x in v.split("=")) for v in lists["title_equivalents"]]
        if any(len(pair) != 2 or not all(pair) for pair in pairs):
            raise KnowledgeError(path, None, "'title_equivalents' entries read 'word = title'")
        if not lists["verbs"]:
            raise KnowledgeError(path, None, "'verbs' is empty; quotes need reporting verbs")
        return cls(
            verbs=frozenset(lists["verbs"]),
            speech_nouns=frozenset(lists["speech_nouns"]),
            clause_verbs=frozenset(lists["clause_verbs"]),
            clause_nouns=frozenset(lists["clause_nouns"]),
            attributions=tuple(tuple(a.split()) for a in lists["attributions"]),
            naming_verbs=frozenset(lists["naming_verbs"]),
            scare_markers=tuple(tuple(m.split()) for m in lists["scare_markers"]),
            person_nouns=frozenset(lists["person_nouns"]),
            not_with_particles=frozenset(lists["not_with_particles"]),
            own_voice_nouns=frozenset(lists["own_voice_nouns"]),
            past_markers=frozenset(lists["past_markers"]),
            title_equivalents=tuple((a, b) for a, b in pairs),
            issuing_verbs=frozenset(lists["issuing_verbs"]),
            abbreviations=frozenset(lists["abbreviations"]),
        )


@functools.lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read the shipped cue file once (it is immutable data, so caching is safe)."""
    ref = resources.files("eventwire") / "data" / CUES_FILE
    try:
        data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(str(ref), None, f"not valid YAML: {exc}") from exc
    return Cues.from_mapping(data, str(ref))
