"""Discourse: quotes whose cue lies in a neighbouring sentence or paragraph.

A full quoted sentence without a cue of its own is the continuation of a neighbour's words
(``"…," Shoigu said. "…"``), or of the speaker the paragraph before introduced.
"""
from __future__ import annotations

from typing import Sequence

from ...model import Quote
from .attribution import Attribution, is_scare
from .context import Context
from .marks import Segment


def inherit(ctx: Context, segments: Sequence[Segment],
             found: list[tuple[Segment, Attribution, str] | None],
             indirect: Sequence[Quote] = ()) -> None:
    """Cue-less full sentences take the speaker of their neighbour in the paragraph:
    the nearest earlier quote or reported clause, else the next quote, else (for a paragraph
    that opens with the quote) the last quote of the paragraph before."""
    by_para: dict[int, list[Quote]] = {}
    for q in indirect:
        if q.speaker is not None:
            by_para.setdefault(ctx.para_index(q.start), []).append(q)
    for n, seg in enumerate(segments):
        if found[n] is not None or is_scare(ctx, seg):
            continue
        if not sentence_like(ctx, seg, segments, n):
            continue
        earlier: list[tuple[int, Attribution]] = []
        for m in range(n - 1, -1, -1):
            if segments[m].para != seg.para:
                break
            hit = found[m]
            if hit is not None:
                earlier.append((segments[m].open, hit[1]))
                break
        for q in by_para.get(ctx.para_index(seg.open), ()):
            if q.start < seg.open and q.speaker is not None:
                earlier.append((q.start, Attribution(q.cue or "", q.speaker,
                                                      q.speaker_text or q.speaker.name)))
        donor: Attribution | None = max(earlier, key=lambda e: e[0])[1] if earlier else None
        if donor is None:
            for m in range(n + 1, len(segments)):
                if segments[m].para != seg.para:
                    break
                hit = found[m]
                if hit is not None:
                    donor = hit[1]
                    break
        if donor is None and n > 0 and ctx.opens_paragraph(seg.open):
            prev = segments[n - 1]
            hit = found[n - 1]
            if prev.para == seg.para - 1 and hit is not None and (
                    not prev.closed or hit[2] == "direct"):
                donor = hit[1]
        if donor is not None:
            found[n] = (seg, donor, "direct")


def continuations(ctx: Context, segments: Sequence[Segment],
                   found: list[tuple[Segment, Attribution, str] | None]) -> None:
    """'"The barrier is coming down," he said, "and we will build a bridge."': the second
    piece finishes the sentence the first began, so it is as direct as the first."""
    for n in range(1, len(segments)):
        prev, hit, cur = segments[n - 1], found[n - 1], found[n]
        if hit is None or cur is None or hit[2] != "direct" or cur[2] != "partial":
            continue
        if prev.para != segments[n].para or not prev.closed:
            continue
        gap = ctx.text[prev.close + 1:segments[n].open]
        if (gap.strip().endswith(",") and len(gap) <= 120 and not any(c in gap for c in ".!?")
                and hit[1].cue.split()[-1] in gap and cur[1].speaker == hit[1].speaker):
            found[n] = (cur[0], cur[1], "direct")


def sentence_like(ctx: Context, seg: Segment, segments: Sequence[Segment], n: int) -> bool:
    """A quoted full sentence: capitalised, 4+ words, not inside running prose."""
    if not ctx.text[seg.start].isupper():
        return False
    if len(ctx.text[seg.start:seg.end].split()) < 4:
        return False
    lo = 0
    if n > 0 and segments[n - 1].para == seg.para:
        lo = segments[n - 1].close + 1
    else:
        lo = ctx.paragraphs[ctx.para_index(seg.open)][0]
    lead = ctx.text[lo:seg.open].strip()
    return not lead or lead[-1] in ".!?:"
