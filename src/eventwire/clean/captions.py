"""Caption lines recognised by the marks a picture leaves in pasted text.

Why: a picture dropped from a page leaves a trace around its caption: a bracketed marker
("[Image: Soldiers at a checkpoint]"), a bare label on a line of its own ("Image caption",
"Photo 3 of 12") with the caption on the next line, or a credit alone ("Photo by Ana Ruiz",
"(Photo: Ana Ruiz/Wire)") under it. These shapes say "picture" whatever the caption says.
``caption_shape`` judges one line; the caller (``text``) links markers to the line below and
credits to the line above.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .lines import ends_terminal, words
from .rules import CleanRules

#: "[Image: ...]", "(Photo: ...)": a whole line in brackets opened by a caption label.
_BRACKETED = re.compile(r"^\s*[\[(]\s*(?P<label>[^\W\d_][\w ]{0,20}?)\s*[:,]\s*(?P<rest>[^\[\]()]+?)"
                        r"\s*[\])]\s*$")
#: "Photo 3 of 12", "Image 2/5", "Picture 1": a slideshow counter.
_COUNTER = re.compile(r"^\s*(?P<label>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+\d+\s*(?:(?:of|/)\s*\d+)?\s*$",
                      re.IGNORECASE)
#: "3/12 Rescuers search the rubble", "Photo 3 of 12: Rescuers ...": a slide and its caption.
_INLINE_COUNTER = re.compile(r"^\s*(?:(?P<label>[^\W\d_]+)\s+\d{1,3}\s*(?:/|of)\s*\d{1,3}"
                             r"|\[?\d{1,3}\s*/\s*\d{1,3}\]?)\s*[:.|–—-]?\s+(?P<rest>\S.*)$",
                             re.IGNORECASE)
#: "Credit...Ana Ruiz for the Wire", "© Ana Ruiz/Wire": a credit by its opening mark.
_CREDIT_MARK = re.compile(r"^\s*(?:credits?\s*(?:\.{2,}|…)|©)\s*[A-Z]", re.IGNORECASE)
#: Licensing links that trail a wire photo's caption ("... Purchase Licensing Rights").
_CAPTION_TRAIL = re.compile(r"\s*purchase licensing rights.*$", re.IGNORECASE)
#: "Photo by Ana Ruiz", "Photograph by Ana Ruiz for the Daily Wire".
_BY_CREDIT = re.compile(r"^\s*(?P<label>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+by\s+[A-Z]", re.IGNORECASE)


#: "... on Sunday (Ana Ruiz for the Ledger)", "... rally [File: Ana Ruiz/Wire]", "... (ST)":
#: a caption closed by a credit in brackets, with nothing after it (a body sentence ends
#: with its full stop after the bracket).
_TAIL_CREDIT = re.compile(r"^(?P<caption>.*\S)\s*[\[(]\s*(?:(?:file|photo|picture|image|credit)"
                          r"\s*:\s*)?(?P<credit>[^\[\]()]{2,60}?)\s*[\])]\s*$", re.IGNORECASE)
#: "In this photo released by the ministry, ...", "Photo taken on May 3 shows ...", "This
#: handout picture shows ...": a sentence about the picture itself, in the caption's present
#: tense ("A photo released by the army showed ..." is a story sentence and stays).
_ABOUT_PICTURE = re.compile(
    r"^\s*(?:in\s+this\s+(?:[\w-]+\s+){0,3}(?:photo|photograph|picture|image|still|grab)s?\b"
    r"[^,.]{0,100},"
    r"|(?:(?:this|the|a|an)\s+)?(?:[\w-]+\s+){0,2}(?:photo|photograph|picture|image)s?,?\s+"
    r"(?:taken|released|provided|made\s+available|distributed|obtained)\b.{0,140}?\bshows?\b"
    r"|this\s+(?:[\w-]+\s+){0,2}(?:photo|photograph|picture|image)\b.{0,140}?\bshows\b)",
    re.IGNORECASE)
#: "... after the strikes. — Reuters", "... on Sunday - AFP", "... the port. /Xinyu": a
#: caption closed by a dash or slash and its credit.
_DASH_CREDIT = re.compile(r"^(?P<caption>.*\S)\s+(?:[—–-]{1,2}|/)\s*(?P<credit>[^—–/-]{2,50})$")
#: "... the port. Photo courtesy of the navy", "... Picture by Ana Ruiz": a credit sentence.
_COURTESY = re.compile(r"[.!?]\s+(?:photo|photograph|picture|image|video)s?\s+"
                       r"(?:courtesy(?:\s+of)?|by|supplied\s+by|provided\s+by)\s*:?\s*\S"
                       r"(?:\S*\s*){0,8}$"
                       r"|[.!?]\s+(?:file|handout|stock)\s+(?:photo|picture|image)\.?$", re.IGNORECASE)
#: "Map showing where the strikes hit", "Chart shows oil prices since May": the caption of a
#: graphic (unpunctuated; "A map showing ... was published." is a story sentence).
_ABOUT_GRAPHIC = re.compile(r"^\s*(?:(?:the|a|this)\s+)?(?:map|chart|graphic|infographic|graph)\s+"
                            r"(?:showing|shows)\b", re.IGNORECASE)
#: Caption-sized: a picture's caption is one to three sentences of at most this many words.
_CAPTION_MAX_WORDS = 60
#: A sentence that reports speech ("..., he said.") is a story paragraph, not a caption.
_REPORTED = re.compile(r"\b(?:said|says|told|tells|according\s+to|quoted)\b", re.IGNORECASE)


def reads_as_report(s: str) -> bool:
    """Does the line report what someone said (quotation marks or a speech verb)?

    Captions describe the picture; story paragraphs attribute. A credit alone on the next
    line must not take such a paragraph as its caption.
    """
    return bool(re.search(r"[\"“”„«»]", s) or _REPORTED.search(s))


#: Words that join names in a credit ("Ana Ruiz for the Wire via Pool").
_JOINERS = frozenset({"for", "of", "via", "and", "the", "de", "da", "del", "van", "von", "&"})


class CaptionShape(NamedTuple):
    """What a caption-shaped line is: ``marker`` lines carry no caption text themselves."""

    why: str
    marker: bool = False  # the caption is on the next line
    credit: bool = False  # a credit: the caption is on the line above
    text: str | None = None  # the caption text, when the line holds it inside its marks


def _is_label(word: str, r: CleanRules) -> bool:
    key = word.strip().lower()
    return key in r.caption_words


def names_only(s: str) -> bool:
    """Only names and the words that join them: 'Ana Ruiz for the Daily Wire', 'Ana Ruiz/Wire'."""
    for token in re.split(r"[\s/|,]+", s.strip().rstrip(".")):
        if token and not (token[0].isupper() or token[0].isdigit() or token.lower() in _JOINERS):
            return False
    return True


def _credit_text(s: str, r: CleanRules) -> bool:
    """Is the bracketed text a picture credit: names with a slash or 'for'/'via', an agency
    ('Reuters') or its initials ('ST'), never a year, a number or a lowercase remark?"""
    s = s.strip()
    if not re.search(r"[A-Z]", s) or words(s) > 8 or not names_only(s):
        return False
    if re.fullmatch(r"[A-Z]{2,5}", s) or s.lower() in r.agency_words:
        return True
    return "/" in s or bool(re.search(r"\b(?:for|via)\b", s))


def _dashed_credit(tail: str, caption: str, r: CleanRules) -> bool:
    """' — Reuters' after a caption, or ' /Xinyu' after a caption's full stop."""
    credit = tail.strip(" —–-/")
    if credit.lower() in r.agency_words:
        return True
    return tail.lstrip().startswith("/") and ends_terminal(caption) and words(credit) <= 4 \
        and names_only(credit)


def caption_shape(s: str, r: CleanRules) -> CaptionShape | None:
    """Is this line a picture's marker, caption or credit by its shape alone?"""
    n = words(s)
    bare = re.sub(r"[\s:,.\-–—|]+$", "", s.strip())
    if _is_label(bare, r):
        return CaptionShape("bare caption label", marker=True)
    counter = _COUNTER.match(s)
    if counter and _is_label(counter.group("label"), r):
        return CaptionShape("slideshow counter", marker=True)
    inline = _INLINE_COUNTER.match(s)
    label = inline.group("label") if inline else None
    if inline and (label is None or _is_label(label, r) or label.lower() == "item") \
            and words(inline.group("rest")) >= 3:
        rest = _CAPTION_TRAIL.sub("", inline.group("rest")).strip()
        return CaptionShape("slide with its caption", text=rest)
    if _CREDIT_MARK.match(s) and n <= 10 and not r.nav_strong.search(s) \
            and not re.search(r"\b(?:19|20)\d\d\b", s):
        return CaptionShape("credit mark", credit=True)
    bracketed = _BRACKETED.match(s)
    if bracketed and _is_label(bracketed.group("label"), r):
        rest = bracketed.group("rest").strip()
        if words(rest) <= 8 and not re.search(r"[.!?]\s", rest):
            return CaptionShape("bracketed credit", credit=True)
        return CaptionShape("bracketed caption", text=rest)
    if n <= _CAPTION_MAX_WORDS and not _REPORTED.search(s) and (
            _ABOUT_PICTURE.match(s) or (_ABOUT_GRAPHIC.match(s) and not ends_terminal(s))):
        return CaptionShape("sentence about the picture")
    tail = _TAIL_CREDIT.match(s)
    if tail and n <= _CAPTION_MAX_WORDS and _credit_text(tail.group("credit"), r) \
            and words(tail.group("caption")) >= 4 and not reads_as_report(tail.group("caption")):
        return CaptionShape("caption with a credit in brackets")
    dash = _DASH_CREDIT.match(s)
    if dash and n <= _CAPTION_MAX_WORDS and words(dash.group("caption")) >= 4 \
            and not reads_as_report(dash.group("caption")) \
            and _dashed_credit(s[len(dash.group("caption")):], dash.group("caption"), r):
        return CaptionShape("caption with a dashed credit")
    if n <= _CAPTION_MAX_WORDS and _COURTESY.search(s) and not reads_as_report(s):
        return CaptionShape("caption with a courtesy credit")
    by_credit = _BY_CREDIT.match(s)
    if by_credit and _is_label(by_credit.group("label"), r) and n <= 12 \
            and names_only(s[by_credit.end() - 1:]):
        return CaptionShape("credit by-line", credit=True)
    return None


__all__ = ["CaptionShape", "caption_shape", "names_only", "reads_as_report"]
