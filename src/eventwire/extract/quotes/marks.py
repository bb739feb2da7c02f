"""Quote marks: pair them paragraph by paragraph into quoted segments.

Straight, curly and guillemet marks are paired inside each paragraph. A mark that never
closes is dropped, unless it opens the paragraph (the newswire convention for a quote that
runs on into the next paragraph), so stray marks never swallow unquoted text. Linear in the
text: one pass over its characters.
"""
from __future__ import annotations

from dataclasses import dataclass

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
#: Characters a closing straight quote may be followed by.
_AFTER_CLOSE = set(" \t,.;:!?)]}—–-…'’")
MAX_QUOTE_CHARS = 3000


@dataclass(frozen=True, slots=True)
class Segment:
    """One pair of quote marks: ``open``/``close`` index the marks (close may be para end)."""

    open: int
    close: int
    start: int  # the quoted words, trimmed
    end: int
    para: int
    closed: bool


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def find_quote_marks(text: str) -> list[Segment]:
    """Pair quote marks paragraph by paragraph; unbalanced marks are dropped, never fatal."""
    segments: list[Segment] = []
    paragraphs = paragraph_bounds(text)
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        opened: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in OPEN_MARKS and ch not in CLOSE_MARKS and ch != STRAIGHT:
                continue
            prev = text[i - 1] if i > p_start else " "
            nxt = text[i + 1] if i + 1 < p_end else " "
            if ch == STRAIGHT:
                if opened is None:
                    if not nxt.isspace():
                        opened = i
                    continue
                if prev.isspace() and not nxt.isspace() and nxt not in _AFTER_CLOSE:
                    opened = i  # the earlier mark was stray; this one opens
                    continue
                is_close = True
            else:
                is_close = ch in CLOSE_MARKS
                if not is_close:
                    opened = i
                    continue
            if is_close and opened is not None:
                s, e = trim(text, opened + 1, i)
                if e > s and any(c.isalpha() for c in text[s:e]):
                    segments.append(Segment(opened, i, s, e, p_index, True))
                opened = None
        runs_on = p_index + 1 < len(paragraphs) and (
            text[paragraphs[p_index + 1][0]] in OPEN_MARKS + STRAIGHT)
        if opened is not None and (runs_on or not text[p_start:opened].strip()):
            s, e = trim(text, opened + 1, p_end)
            if e > s and e - s <= MAX_QUOTE_CHARS and any(c.isalpha() for c in text[s:e]):
                segments.append(Segment(opened, p_end, s, e, p_index, False))
    return segments

