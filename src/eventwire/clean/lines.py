"""The line model shared by the cleaning passes: split, normalise, and small shape tests.

Why a module of its own: the per-line classifier (``text``) and the position rules that judge
runs of lines (``shapes``) both work on the same ``Line`` records and the same notion of what a
sentence-like line is; keeping them here avoids a circular import and one oversized module.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
BULLET = re.compile(r"^\s*(?:[•◦▪▫●○■□►▸▶‣⁃·*»→›]|-(?=\s)|–(?=\s))\s*")
#: Link arrows ("► Title", "» Title"): a pointer to another page, unlike a list bullet.
ARROW = re.compile(r"^\s*[►▸▶»→›]")
#: "1. Headline", "2) Headline": a numbered list item (most-read boxes are numbered).
NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.)]\s+(?=\S)")
CLOSERS = "\"'”’»)]*"
TERMINAL = ".!?…"
DOUBLE_QUOTES = re.compile(r"[\"“”„«»]")
SENTENCE_SPLIT = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“])")


@dataclass(slots=True)
class Line:
    """One non-blank input line and what was decided about it."""

    text: str  # whitespace-normalised, bullet glyph stripped
    block: int  # index of the blank-line separated block it sits in
    kind: str | None = None  # removal kind, None while kept
    why: str = ""  # the rule that decided, for debug logs
    credit_only: bool = False  # "Photo: AFP" on its own
    tag_list: bool = False  # a bare lowercase keyword list
    list_label: bool = False  # "See also:", "Related coverage"
    caption_group: int = -1  # caption lines sharing a group are one caption
    bulleted: bool = False  # the line started with a bullet glyph ("•", "*", "- ")
    numbered: bool = False  # the line started with "1." / "2)"
    arrow: bool = False  # the line started with a link arrow ("►", "»", "→")
    marker: bool = False  # a picture marker with no caption text ("Image caption" alone)
    caption_text: str | None = None  # the caption inside its marks ("[Image: <text>]")
    bio: bool = False  # opens like an author's biography ("The writer is ...")
    wire: bool = False  # only wire agency names ("Reuters", "AFP/AP")


def normalise(text: str) -> str:
    """NFC, no zero-width characters, one kind of line break."""
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n")


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their block index (blocks are separated by blank lines)."""
    lines: list[Line] = []
    block = 0
    for raw in normalise(text).split("\n"):
        core = SPACES.sub(" ", raw).strip()
        if not core:
            block += 1
            continue
        stripped = BULLET.sub("", core).strip()
        marked = bool(stripped) and stripped != core
        arrow = marked and bool(ARROW.match(core))
        lines.append(Line(text=stripped or core, block=block, bulleted=marked and not arrow,
                          numbered=bool(NUMBERED.match(core)), arrow=arrow))
    return lines


def ends_terminal(s: str) -> bool:
    """Does the line end like a sentence (after any closing quotes/brackets)?"""
    core = s.rstrip(CLOSERS + " ")
    return bool(core) and core[-1] in TERMINAL


def words(s: str) -> int:
    return len(s.split())


def sentences(s: str) -> int:
    return len(SENTENCE_SPLIT.split(s.strip()))


def last_sentence(s: str) -> str:
    return SENTENCE_SPLIT.split(s.strip())[-1]


def has_quote(s: str) -> bool:
    return bool(DOUBLE_QUOTES.search(s))


def unnumbered(line: Line) -> str:
    """The line's text without its list number ("1. Headline" -> "Headline")."""
    return NUMBERED.sub("", line.text) if line.numbered else line.text


__all__ = ["Line", "split_lines", "normalise", "ends_terminal", "words", "sentences",
           "last_sentence", "has_quote", "unnumbered"]
