"""Working records of one extraction: pieces of phrases, what the article tells about
each actor, and mentions before they are numbered."""
from __future__ import annotations

import bisect
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



class _Spans:
    """Items kept in order of start, so that "which items overlap [s, e)?" costs the
    answer's size and a bisection, not a scan of the article's items (issue 7: no layer
    may grow faster than the article). Items with the same start keep the order they
    were added in, as a stable sort of an appended list would."""

    def __init__(self, items: Any = ()) -> None:
        self._items: list[Any] = sorted(items, key=lambda it: it.start)
        self._starts = [it.start for it in self._items]
        self._longest = max((it.end - it.start for it in self._items), default=0)

    def __iter__(self) -> Any:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def items(self) -> list[Any]:
        return list(self._items)

    def add(self, item: Any) -> None:
        k = bisect.bisect_right(self._starts, item.start)
        self._items.insert(k, item)
        self._starts.insert(k, item.start)
        self._longest = max(self._longest, item.end - item.start)

    def remove(self, item: Any) -> None:
        k = bisect.bisect_left(self._starts, item.start)
        while self._items[k] is not item:
            k += 1
        del self._items[k]
        del self._starts[k]

    def overlapping(self, start: int, end: int) -> list[Any]:
        """Items with ``it.start < end and it.end > start``, in order of start."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [it for it in self._items[lo:hi] if it.end > start]
