"""Page furniture glued onto a story paragraph: cut it off onto a line of its own.

Why: pages copied as text sometimes lose the line break before a "Read more: ..." link, an
"Advertisement" slot or a photo credit, so the furniture ends (or splits) a real paragraph.
Line rules would then have to keep or drop the whole paragraph; cutting the glued piece off
first lets the ordinary per-line rules judge it, while the story's sentences stay. A piece is
cut only at a sentence boundary and only when it has a furniture shape of its own.
"""
from __future__ import annotations

import re

from .captions import reads_as_report
from .lines import Line, ends_terminal, last_sentence, words
from .rules import CleanRules

#: "... he said. Advertisement The talks ...": an ad slot between two sentences.
_AD_SLOT = re.compile(r"(?<=[.!?\"”’])\s+(ADVERTISEMENT|Advertisement)(?:\s+(?=[A-Z\"“])|\s*$)")
#: The boundary after which a glued piece may start (a sentence's end).
_BOUNDARY = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z(\[])")
#: "(Photo: Ana Ruiz/Wire)" closing a paragraph that reports speech: the credit only.
_PHOTO_TAIL = re.compile(r"\(\s*(?:photo|photograph|image|picture|credit)s?\s*:[^()]{1,60}\)\s*$",
                         re.IGNORECASE)
#: A glued piece is short: a link, a button or an appeal, not a paragraph.
_PIECE_MAX_WORDS = 20
#: A glued piece of at most _PIECE_MAX_WORDS words lies within this many closing characters.
_TAIL_CHARS = 400
#: The story part left in front of the piece must itself be a sentence of this many words.
_HEAD_MIN_WORDS = 10


def addresses_reader(s: str, r: CleanRules) -> bool:
    """Does the line speak to the reader (you/your/our, or opens with an imperative)?"""
    return bool(re.search(r"\b(?:you|your|our)\b", s, re.IGNORECASE) or r.imperative.match(s))


def _story_head(head: str, r: CleanRules) -> bool:
    """Is the part in front a story sentence (not itself an appeal or furniture)? Its last
    sentence is what the piece was glued to, so that one is judged."""
    if words(head[-_TAIL_CHARS:]) < _HEAD_MIN_WORDS and words(head) < _HEAD_MIN_WORDS:
        return False
    tail = last_sentence(head[-_TAIL_CHARS:])
    return not addresses_reader(tail, r) and not r.promo_cue.search(tail) \
        and not r.nav_strong.search(tail)


def _furniture_piece(piece: str, head: str, r: CleanRules) -> bool:
    if words(piece) > _PIECE_MAX_WORDS or not _story_head(head, r):
        return False
    if _PHOTO_TAIL.fullmatch(piece.strip()):
        return reads_as_report(head)
    if (r.related_label.match(piece) or r.link_label.match(piece)) \
            and not ends_terminal(piece):
        return True
    if reads_as_report(piece):
        return False
    return bool(r.nav_strong.search(piece)
                or (r.promo_cue.search(piece) and addresses_reader(piece, r)))


def _pieces(s: str, r: CleanRules) -> list[str]:
    parts = [p.strip() for p in _AD_SLOT.split(s) if p and p.strip()]
    last = parts[-1]
    cuts = [m.end() for m in _BOUNDARY.finditer(last, max(0, len(last) - _TAIL_CHARS))]
    photo = _PHOTO_TAIL.search(last)
    if photo and photo.start() > 0:
        cuts.append(photo.start())
    # only the cuts near the end can leave a short piece: look at those alone (a page made of
    # one huge line must stay linear), longest piece first
    near = [c for c in cuts if words(last[c:]) <= _PIECE_MAX_WORDS]
    for cut in sorted(near):
        head, piece = last[:cut].strip(), last[cut:].strip()
        if _furniture_piece(piece, head, r):
            return parts[:-1] + [head, piece]
    return parts


def split_glued(lines: list[Line], r: CleanRules) -> list[Line]:
    """The lines with glued furniture cut off; each cut piece gets a block of its own, so
    it is judged alone and never taken as the caption or continuation of the story line."""
    out: list[Line] = []
    for line in lines:
        # a bracketed embed or caption is one piece of furniture already
        pieces = [line.text] if line.text[:1] in "[(" else _pieces(line.text, r)
        if len(pieces) == 1:
            out.append(line)
            continue
        for k, piece in enumerate(pieces):
            block = line.block if k == 0 else -(len(out) + 1)
            out.append(Line(text=piece, block=block, bulleted=line.bulleted if k == 0 else False))
    return out


__all__ = ["split_glued", "addresses_reader"]
