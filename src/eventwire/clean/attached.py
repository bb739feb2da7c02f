"""Lines that belong to the furniture printed next to them, and document links.

Why: a page copied as text keeps the pieces of a widget together in one block with no blank
line between them: "Sponsored" then the sponsored title, "View this post on Instagram" then
"A post shared by Name (@handle)", a slideshow counter "1 / 12" then the slide's caption. The
label or the counter is recognised on its own; the line glued to it is not, and a title of
someone else's page reads like a subheading. Its position (same block as the furniture, no
sentence of its own) says what it is. Lines about the page itself ("This article was
produced ...", a row of hashtags) are judged here too. Each pass only sets ``kind``/``why``
on kept lines.
"""
from __future__ import annotations

import re

from .captions import reads_as_report
from .lines import Line, ends_terminal, has_quote, sentences, words

#: A fragment glued to furniture is at most this long (a sponsored or embed title).
_ATTACHED_MAX_WORDS = 14
#: "1 / 12", "3 of 12", "Photo 3 of 12", "Image 2/9": the counter of a slideshow.
_SLIDE_COUNTER = re.compile(r"^(?:(?:photo|image|picture|slide)\s+)?\d{1,3}\s*(?:/|of)\s*\d{1,3}$",
                            re.IGNORECASE)
#: "Text of the agreement (PDF, 320 KB)", "Annual report [DOCX 1.2 MB]": a link to a file,
#: by the file type or size in brackets closing the line.
_FILE_LINK = re.compile(r"[(\[]\s*(?:(?:PDF|DOCX?|XLSX?|PPTX?|ODT|ODS|CSV|RTF|ZIP|EPUB)\b"
                        r"[^)\]]{0,24}|[^)\]]{0,24}\b\d+(?:[.,]\d+)?\s*[KMG]B)\s*[)\]]\s*$",
                        re.IGNORECASE)
#: Kinds of furniture a glued line takes after; captions and entry times are not (the line
#: under an entry time is the entry's headline, the line under a credit its caption).
_FURNITURE = ("nav", "promo")


def _fragment(line: Line) -> bool:
    s = line.text
    return line.kind is None and not ends_terminal(s) and not has_quote(s) \
        and 2 <= words(s) <= _ATTACHED_MAX_WORDS and not s.rstrip().endswith((":", ","))


def _hard_wrapped(lines: list[Line]) -> bool:
    """Is the page broken into fixed-width lines (a paragraph spread over lines of a block)?"""
    joins = sum(1 for a, b in zip(lines, lines[1:])
                if a.block == b.block and not ends_terminal(a.text) and b.text[:1].islower())
    return joins >= 3


def mark_attached(lines: list[Line], first_body: int, title_at: int | None) -> None:
    """A fragment in the same block as a furniture line, right under or over it, is part of it.

    Under: "Sponsored" / "Advertisement" / "Most viewed" then one title. Over: "View this post
    on Instagram" then "A post shared by ...". Only after the first body paragraph (the header
    holds the headline next to its byline). On a hard-wrapped page a fragment followed by a
    line of its block may be a paragraph's first line, so there it must end its block.
    """
    wrapped = _hard_wrapped(lines)
    for i in range(first_body + 1, len(lines)):
        line = lines[i]
        if i == title_at or not _fragment(line):
            continue
        prev = lines[i - 1]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        same_next = nxt is not None and nxt.block == line.block
        if same_next and nxt.kind is None and (wrapped or nxt.text[:1].islower()):
            continue
        under = prev.block == line.block and prev.kind in _FURNITURE
        over = same_next and nxt.kind in _FURNITURE and words(line.text) <= 8
        if under or over:
            line.kind, line.why = "nav", "fragment glued to furniture"


def mark_slide_captions(lines: list[Line], first_body: int) -> None:
    """The line under a slideshow counter ("1 / 12") in its block is that slide's caption."""
    for i in range(max(first_body, 0), len(lines) - 1):
        counter, cap = lines[i], lines[i + 1]
        if not _SLIDE_COUNTER.match(counter.text) or cap.block != counter.block:
            continue
        if counter.kind is None:
            counter.kind, counter.why = "nav", "slideshow counter"
        if cap.kind is None and words(cap.text) <= 40 and sentences(cap.text) <= 2 \
                and not reads_as_report(cap.text):
            cap.kind, cap.why = "caption", "caption under a slideshow counter"


#: "This article was produced in partnership with ...", "This story is part of our series
#: on ...": a sentence whose subject is the page itself is a note about it, not news.
_SELF_NOTE = re.compile(r"^(?:This|The above)\s+(?:article|story|piece|interview|post|page|"
                        r"feature|content|newsletter|episode)\s+(?:is|was|has|had|first|"
                        r"originally|appeared|forms|contains|includes|may|will|should|"
                        r"has\s+been|is\s+part)\b")
#: "Print this story", "Like this article? Share it with a friend": a short line pointing
#: at the page itself is an interface prompt.
_PAGE_PROMPT = re.compile(r"\bthis\s+(?:story|article|page|post)\b", re.IGNORECASE)
_PROMPT_MAX_WORDS = 10
#: "#Quenby #ports #safety": a line made only of hashtags or handles.
_HASHTAGS = re.compile(r"^[#@][\w-]+(?:[\s,]+[#@][\w-]+)+$")


def mark_page_notes(lines: list[Line]) -> None:
    """Notes about the page itself and hashtag lines, wherever they sit."""
    for line in lines:
        s = line.text.strip()
        if line.kind is not None or has_quote(s):
            continue
        if _HASHTAGS.match(s):
            line.kind, line.why = "tags", "hashtag list"
        elif _SELF_NOTE.match(s) and words(s) <= 40 and sentences(s) <= 2:
            line.kind, line.why = "other", "note about the page itself"
        elif _PAGE_PROMPT.search(s) and words(s) <= _PROMPT_MAX_WORDS \
                and not reads_as_report(s):
            line.kind, line.why = "nav", "prompt about the page itself"


def mark_file_links(lines: list[Line]) -> None:
    """A short line closed by a file type or size in brackets is a link to a document."""
    for line in lines:
        if line.kind is None and words(line.text) <= 20 and _FILE_LINK.search(line.text) \
                and not has_quote(line.text):
            line.kind, line.why = "nav", "link to a document"


__all__ = ["mark_attached", "mark_slide_captions", "mark_file_links", "mark_page_notes"]
