"""Is this article English? A small offline detector: writing systems and function words.

Why not a model: the coder reads English only, and the question is yes/no with a name for
the errors table, so a detector that needs no download and explains itself is enough. Two
signals, with profiles in ``data/languages.yaml``:

* the writing system: text mostly in Arabic, Greek, Hebrew, Devanagari, Thai, Hangul, kana or
  Han letters is that language (Cyrillic is told apart by function words: ru, uk);
* function words: in running text of any language a third or more of the tokens are its
  articles, pronouns, prepositions and auxiliaries, whatever the topic. Each token counts for
  every language listing it, divided by how many do ("de" is French, Spanish, Dutch, ...).

Why it refuses rarely: a wrongly refused English article is lost, a foreign one let through
only costs a few odd events. So a text is called foreign only when it is long enough, its
letters are mostly of a foreign script or its foreign function words are frequent, and
English function words are scarce; short or mixed texts (an English report quoting a French
sentence) stay English.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Mapping

import yaml

_FILE = "languages.yaml"
#: Fewer word tokens than this: too short to judge, taken as English.
MIN_TOKENS = 12
#: Share of letters in a non-Latin writing system above which the text is of that script.
SCRIPT_SHARE = 0.5
#: A foreign language needs this weighted share of function words...
MIN_SHARE = 0.08
#: ... and English may have at most this fraction of the foreign language's score.
ENGLISH_RATIO = 0.5
#: Characters looked at: the start of a long article says as much as the whole.
SAMPLE_CHARS = 20_000

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class Profiles:
    """The loaded data file: weighted function words, script ranges, language names."""

    weights: Mapping[str, Mapping[str, float]]  # word -> {language: weight}
    scripts: Mapping[str, tuple[int, int]]
    names: Mapping[str, str]


@lru_cache(maxsize=1)
def load_profiles() -> Profiles:
    """Read and check ``data/languages.yaml`` once per process."""
    raw = yaml.safe_load((resources.files("eventwire") / "data" / _FILE)
                         .read_text(encoding="utf-8"))
    lists: dict[str, list[str]] = {}
    for lang, words in raw["stopwords"].items():
        bad = [w for w in words if not isinstance(w, str)]
        if bad:  # YAML reads bare on/no/yes as booleans: the file must quote them
            raise ValueError(f"{_FILE}: {lang} has non-string entries {bad}; quote them")
        lists[str(lang)] = [w.lower() for w in words]
    sharing: dict[str, int] = {}
    for words in lists.values():
        for w in set(words):
            sharing[w] = sharing.get(w, 0) + 1
    weights: dict[str, dict[str, float]] = {}
    for lang, words in lists.items():
        for w in set(words):
            weights.setdefault(w, {})[lang] = 1.0 / sharing[w]
    scripts = {str(k): (int(v[0]), int(v[1])) for k, v in raw["scripts"].items()}
    names = {str(k): str(v) for k, v in raw["names"].items()}
    return Profiles(weights, scripts, names)


@dataclass(frozen=True, slots=True)
class Guess:
    """What the detector found: a language code (``und`` when undecided) and why."""

    language: str
    score: float  # the share of letters (script) or weighted function words (lists)
    basis: str  # "script", "words" or "too short"

    @property
    def english(self) -> bool:
        """Coded as English: English, or not sure enough to refuse it."""
        return self.language in ("en", "und")


def _script_guess(text: str, profiles: Profiles) -> Guess | None:
    letters = 0
    counts: dict[str, int] = {}
    ranges = list(profiles.scripts.items())
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        code = ord(ch)
        if code < 0x0370:
            continue  # Latin (and its accented letters)
        for lang, (lo, hi) in ranges:
            if lo <= code <= hi:
                counts[lang] = counts.get(lang, 0) + 1
                break
    if not letters or not counts:
        return None
    if counts.get("ja") and counts.get("ja", 0) >= 0.1 * (counts.get("ja", 0) + counts.get("zh", 0)):
        counts["ja"] += counts.pop("zh", 0)  # Japanese mixes kana with Han characters
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    if n / letters < SCRIPT_SHARE:
        return None
    return Guess(lang, n / letters, "script")


def detect(text: str, profiles: Profiles | None = None) -> Guess:
    """The language of ``text``; ``und`` when too short or not clear enough to say."""
    profiles = profiles or load_profiles()
    sample = text[:SAMPLE_CHARS]
    by_script = _script_guess(sample, profiles)
    if by_script is not None:
        return by_script
    tokens = [t.lower() for t in _WORD.findall(sample)]
    if len(tokens) < MIN_TOKENS:
        return Guess("und", 0.0, "too short")
    scores: dict[str, float] = {}
    for tok in tokens:
        for lang, w in profiles.weights.get(tok, {}).items():
            scores[lang] = scores.get(lang, 0.0) + w
    if not scores:
        return Guess("und", 0.0, "words")
    best, top = max(scores.items(), key=lambda kv: kv[1])
    share = top / len(tokens)
    if best == "en":
        return Guess("en", share, "words")
    if share < MIN_SHARE or scores.get("en", 0.0) > ENGLISH_RATIO * top:
        return Guess("und", share, "words")
    return Guess(best, share, "words")


def language_name(code: str) -> str:
    """'fr' -> 'French' (the code itself when unknown)."""
    return load_profiles().names.get(code, code)


def refusal(text: str) -> str | None:
    """The errors-table reason for a text that is not English, or None to code it."""
    guess = detect(text)
    if guess.english:
        return None
    how = "writing system" if guess.basis == "script" else "function words"
    return (f"not English: {guess.language} ({language_name(guess.language)}, by "
            f"{how}, {guess.score:.0%}); only English articles are coded")


__all__ = ["Guess", "Profiles", "detect", "refusal", "language_name", "load_profiles",
           "MIN_TOKENS"]
