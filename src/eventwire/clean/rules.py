"""The cue words of ``data/clean.yaml``, validated and compiled once into regular expressions.

Why a separate module: the cleaning logic stays free of word lists (they are data, editable
without touching code), and a malformed file fails loudly with its name and key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError

_FILE = "clean.yaml"


def _alternation(phrases: list[str]) -> str:
    """A regex alternation of phrases, longest first, with flexible inner whitespace."""
    parts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


def _phrase_re(phrases: list[str]) -> re.Pattern[str]:
    """Match any phrase on word boundaries (phrases may end in punctuation, e.g. 'pull quote:')."""
    return re.compile(r"(?<![\w'])(?:" + _alternation(phrases) + r")(?![\w'])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CleanRules:
    """Compiled cues; see ``data/clean.yaml`` for what each one means."""

    max_furniture_words: int
    body_min_words: int
    short_fragment_words: int
    headline_words: tuple[int, int]
    caption_marker: re.Pattern[str]
    caption_prefix: re.Pattern[str]
    credit_label_tail: re.Pattern[str]
    credit_only: re.Pattern[str]
    paren_credit: re.Pattern[str]
    name_slash_credit: re.Pattern[str]
    agency_tail: re.Pattern[str]
    gallery: re.Pattern[str]
    tags_label: re.Pattern[str]
    related_label: re.Pattern[str]
    related_label_only: re.Pattern[str]
    related_start: re.Pattern[str]
    box_words: frozenset[str]
    link_label: re.Pattern[str]
    paren_label_credit: re.Pattern[str]
    comma_prefix: re.Pattern[str]
    position_paren: re.Pattern[str]
    note_label: re.Pattern[str]
    caption_words: frozenset[str]
    bio_opener: re.Pattern[str]
    role: re.Pattern[str]
    promo_cue: re.Pattern[str]
    promo_reader_cue: re.Pattern[str]
    imperative: re.Pattern[str]
    nav_strong: re.Pattern[str]
    nav_labels: frozenset[str]
    nav_fragment_strong: re.Pattern[str]
    release_end: frozenset[str]
    media_prefix: re.Pattern[str]
    social_words: frozenset[str]
    other_prefix: re.Pattern[str]
    other_strong: re.Pattern[str]
    agency_words: frozenset[str]
    picture_agency_words: frozenset[str]
    date_words: frozenset[str]
    month_re: str


def _list(data: dict[str, Any], section: str, key: str, where: str) -> list[str]:
    value = (data.get(section) or {}).get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(where, None, f"'{section}.{key}' must be a non-empty list of strings")
    return value


def _int(data: dict[str, Any], key: str, where: str) -> int:
    value = (data.get("limits") or {}).get(key)
    if not isinstance(value, int) or value <= 0:
        raise KnowledgeError(where, None, f"'limits.{key}' must be a positive integer")
    return value


def parse_rules(data: Any, where: str = _FILE) -> CleanRules:
    """Validate the YAML mapping and compile it (raises KnowledgeError naming the key)."""
    if not isinstance(data, dict):
        raise KnowledgeError(where, None, "expected a mapping at the top level")
    hw = (data.get("limits") or {}).get("headline_words")
    if not (isinstance(hw, list) and len(hw) == 2 and all(isinstance(x, int) for x in hw)):
        raise KnowledgeError(where, None, "'limits.headline_words' must be [min, max]")
    agencies = _list(data, "caption", "agencies", where)
    months = _list(data, "dates", "months", where)
    labels = _alternation(_list(data, "caption", "credit_labels", where))
    # "... weekend. Photo: AFP" / "... | Photo: File" / "Credit: Reuters" at the end of a line.
    credit_label_tail = re.compile(
        r"(?:^|(?<=[.!?|)\]”\"'’])\s*|\s)(?:" + labels + r")\s*(?::|\.{2,}|…)\s*"
        r"(?P<credit>[^:!?]{1,80}?)\.?\s*$",
        re.IGNORECASE)
    credit_only = re.compile(r"^\s*(?:" + labels + r")\s*:\s*\S.{0,80}$", re.IGNORECASE)
    paren = _alternation(_list(data, "caption", "paren_words", where))
    paren_credit = re.compile(
        r"\((?:[^()]{1,60}/[^()]{1,50}|[^()]{0,40}\b(?:" + paren + r")\b[^()]{0,40})\)\s*$"
        # "[Reuters]", "[AFP/Ana Ruiz]": square brackets hold a credit, never a source note.
        r"|\[\s*(?:" + _alternation(agencies) + r")(?:\s*/\s*[^\[\]]{1,40})?\s*\]\s*$",
        re.IGNORECASE)
    # "Captain Samuel Davies/British Legion Troop", "Raymond Roig/AFP" closing a caption.
    cap = r"[A-Z][\w.'’-]*"
    name_slash_credit = re.compile(
        r"(?:^|(?<=[.!?”\"])\s+|\s)" + cap + r"(?:\s+" + cap + r"){0,3}\s?/\s?" + cap
        + r"(?:\s+(?:" + cap + r"|of|via|for|and|the|de|pool|photo)){0,6}\s*$")
    agency_tail = re.compile(r"(?<=[.!?”\"|])\s+(?:" + _alternation(agencies) + r")\s*$")
    tags = _alternation(_list(data, "tags", "labels", where))
    related = _alternation(_list(data, "related", "labels", where))
    imperatives = _alternation(_list(data, "promo", "imperatives", where))
    media = _alternation(_list(data, "nav", "media_prefixes", where))
    other = _alternation(_list(data, "other", "prefixes", where))
    marker = _alternation(_list(data, "caption", "markers", where))
    prefix = _alternation(_list(data, "caption", "prefixes", where))
    paren_labels = _alternation(_list(data, "caption", "paren_labels", where))
    comma = _alternation(_list(data, "caption", "comma_prefixes", where))
    positions = _alternation(_list(data, "caption", "positions", where))
    notes = _alternation(_list(data, "other", "note_labels", where))
    bios = _alternation(_list(data, "other", "bio_openers", where))
    limits = data.get("limits") or {}
    if not isinstance(limits, dict):
        raise KnowledgeError(where, None, "'limits' must be a mapping")
    date_words = {w.lower() for w in months + _list(data, "dates", "weekdays", where)
                  + _list(data, "dates", "filler", where)}
    return CleanRules(
        max_furniture_words=_int(data, "max_furniture_words", where),
        body_min_words=_int(data, "body_min_words", where),
        short_fragment_words=_int(data, "short_fragment_words", where),
        headline_words=(hw[0], hw[1]),
        caption_marker=re.compile(r"^\s*\[\s*(?:" + marker + r")s?\s*\]\s*", re.IGNORECASE),
        caption_prefix=re.compile(r"^\s*(?:" + prefix + r")\s*:\s*(?=\S)", re.IGNORECASE),
        credit_label_tail=credit_label_tail,
        credit_only=credit_only,
        paren_credit=paren_credit,
        name_slash_credit=name_slash_credit,
        agency_tail=agency_tail,
        gallery=re.compile(r"^\s*(?:" + _alternation(_list(data, "caption", "gallery", where))
                           + r")\b.{0,30}$|^\s*\d+\s+(?:of|/)\s+\d+\s*$", re.IGNORECASE),
        tags_label=re.compile(r"^\s*(?:" + tags + r")\s*[:|]\s*\S", re.IGNORECASE),
        related_label=re.compile(r"^\s*(?:" + related + r")\s*(?:[:|»>–—-]|\.{3}|…)\s*\S",
                                 re.IGNORECASE),
        related_label_only=re.compile(r"^\s*(?:" + related + r")\s*[:|»>.…]*\s*$", re.IGNORECASE),
        link_label=re.compile(r"^\s*(?:" + _alternation(_list(data, "related", "link_labels", where))
                              + r")\s*[:|]\s+\S", re.IGNORECASE),
        box_words=frozenset(w.lower() for w in _list(data, "related", "box_words", where)),
        related_start=re.compile(r"^\s*(?:" + related + r")\b", re.IGNORECASE),
        # "(Map: News graphics)", "(Photo: Ana Ruiz)" closing a line.
        paren_label_credit=re.compile(r"\(\s*(?:" + paren_labels + r")\s*:\s*[^()]{1,60}\)\s*$",
                                      re.IGNORECASE),
        comma_prefix=re.compile(r"^\s*(?:" + comma + r")\s*[,:]?\s+(?=\S)", re.IGNORECASE),
        caption_words=frozenset(w.lower() for key in ("markers", "prefixes", "comma_prefixes",
                                                      "credit_labels", "marker_lines")
                                for w in _list(data, "caption", key, where)),
        position_paren=re.compile(r"\((?:" + positions + r")\)", re.IGNORECASE),
        note_label=re.compile(r"^\s*[(\[]?\s*(?:" + notes + r")\s*(?::|\s[—–]|\s-\s)\s*\S", re.IGNORECASE),
        role=_phrase_re(_list(data, "other", "roles", where)),
        bio_opener=re.compile(r"^\s*(?:" + bios + r")\b", re.IGNORECASE),
        promo_cue=_phrase_re(_list(data, "promo", "cues", where)),
        promo_reader_cue=_phrase_re(_list(data, "promo", "reader_cues", where)),
        imperative=re.compile(r"^\s*(?:" + imperatives + r")\b", re.IGNORECASE),
        nav_strong=_phrase_re(_list(data, "nav", "strong", where)),
        nav_labels=frozenset(w.lower() for w in _list(data, "nav", "labels", where)),
        nav_fragment_strong=_phrase_re(_list(data, "nav", "fragment_strong", where)),
        release_end=frozenset(re.sub(r"[\s:.]+", " ", w.lower()).strip(" -–—")
                              for w in _list(data, "nav", "release_end", where)),
        media_prefix=re.compile(r"^\s*(?:\[\s*)?(?:" + media + r")\b\s*(?:[:\]|▶]|\d)",
                                re.IGNORECASE),
        social_words=frozenset(w.lower() for w in _list(data, "nav", "social", where)),
        other_prefix=re.compile(r"^\s*\(?\s*(?:" + other + r")\b", re.IGNORECASE),
        other_strong=_phrase_re(_list(data, "other", "strong", where)),
        agency_words=frozenset(a.lower() for a in agencies),
        picture_agency_words=frozenset(a.lower() for a in
                                       _list(data, "caption", "picture_agencies", where)),
        date_words=frozenset(date_words),
        month_re=_alternation(months),
    )


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> CleanRules:
    """Read ``data/clean.yaml`` (or another file) once; cached because it never changes."""
    if path is None:
        text = (resources.files("eventwire") / "data" / _FILE).read_text(encoding="utf-8")
        where = f"eventwire/data/{_FILE}"
    else:
        text = Path(path).read_text(encoding="utf-8")
        where = path
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise KnowledgeError(where, line + 1 if line is not None else None, str(exc)) from exc
    return parse_rules(data, where)


__all__ = ["CleanRules", "load_rules", "parse_rules"]
