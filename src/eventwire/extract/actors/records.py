"""Working records of one extraction: pieces of phrases, what the article tells about
each actor, and mentions before they are numbered."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..knowledge import Entry, _fold, tokenize


@dataclass
class _Item:
    """One piece of a noun phrase: a knowledge-base match or a spaCy-tagged person."""

    start: int
    end: int
    text: str
    kind: str  # person | uperson | org | body | title | country | capital | metonym | demonym
    ref: Any
    entry: Entry | None = None


@dataclass
class _Info:
    """What the article tells about one actor (the first naming wins)."""

    ident: tuple[Any, ...]
    name: str
    kind: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    raw: str | None = None
    kb_id: str | None = None
    gender: str | None = None
    surname: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()  # description nouns that may refer back to it
    named: bool = True  # False for groups named only by a description


@dataclass
class _Mention:
    start: int
    end: int
    idents: tuple[tuple[Any, ...], ...]
    text: str
    kind: str


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", name.lower()) if w != "s"]


def _head_noun(words: list[str]) -> str:
    """The head of an institution's name: 'Ministry of Foreign Affairs' -> 'ministry'."""
    if "of" in words and words.index("of") > 0:
        return words[words.index("of") - 1]
    return words[-1] if words else ""


def _fold_tuple(text: str) -> tuple[str, ...]:
    return tuple(_fold(t) for _, _, t in tokenize(text))

