"""Discourse: quotes whose cue lies in a neighbouring sentence or paragraph.

A full quoted sentence without a cue of its own is the continuation of a neighbour's words
(``"…," Shoigu said. "…"``), or the words of the speaker the text has just introduced:

* the subject of the sentence right before it in the paragraph ("Lula turned on his
  predecessor. "He bears responsibility.""): a narrated act, then its words;
* for a paragraph that opens with the quote, the last speaker of the paragraph before
  (a quote or a reported clause), else the subject of that paragraph's last sentence
  ("The minister arrived in Nairobi on Monday.\n\n"We came to listen."").

Only persons and organisations are introduced this way, never a subject inside quote marks.
"""
from __future__ import annotations

from typing import Any, Sequence

from ...model import Quote
from .attribution import Attribution, is_scare
from .context import Context
from .marks import Segment
from .speakers import Speakers

#: Actor kinds that introduce the quote that follows them.
_INTRODUCES = frozenset({"person", "organization", "igo", "group"})


def inherit(ctx: Context, speakers: Speakers, segments: Sequence[Segment],
            found: list[tuple[Segment, Attribution, str] | None],
            indirect: Sequence[Quote] = ()) -> None:
    """Cue-less full sentences take the speaker of their neighbour in the paragraph:
    the nearest earlier quote or reported clause, else the next quote, else (for a paragraph
    that opens with the quote) the last quote of the paragraph before, else the speaker
    the text has just introduced (see the module docstring)."""
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
        if donor is None:
            donor = introduced(ctx, speakers, seg, n, segments, found, by_para)
        if donor is not None:
            found[n] = (seg, donor, "direct")


def introduced(ctx: Context, speakers: Speakers, seg: Segment, n: int,
               segments: Sequence[Segment],
               found: Sequence[tuple[Segment, Attribution, str] | None],
               by_para: dict[int, list[Quote]]) -> Attribution | None:
    """The speaker the text introduced just before a cue-less quoted sentence.

    Not when a reporting verb follows the quote in its paragraph: a cue the parse could not
    tie to the quote ("…," a relative, who asked not to be named, was quoted as saying)
    names a speaker of its own, and the one introduced before is not it.
    """
    para = ctx.para_index(seg.open)
    p_end = ctx.paragraphs[para][1] if ctx.paragraphs else len(ctx.text)
    upto = segments[n + 1].open if n + 1 < len(segments) and segments[n + 1].para == seg.para \
        else p_end
    if seg.close + 1 < upto and any(ctx.is_cue_verb(t) for t in ctx.tokens(seg.close + 1, upto)
                                    if t.idx > seg.close):
        return None
    if not ctx.opens_paragraph(seg.open):
        j = seg.open - 1
        while j > 0 and ctx.text[j].isspace():
            j -= 1
        before = [t for t in ctx.tokens(j, j + 1) if not t.is_space]
        return _subject_speaker(ctx, speakers, ctx.sents[ctx.sent_index(before[-1].i)]) \
            if before else None
    if para == 0:
        return None
    last: tuple[int, Attribution] | None = None
    for m in range(n - 1, -1, -1):
        if segments[m].para < para - 1:
            break
        hit = found[m]
        if segments[m].para == para - 1 and hit is not None:
            last = (segments[m].open, hit[1])
            break
    for q in by_para.get(para - 1, ()):
        if q.speaker is not None and (last is None or q.start > last[0]):
            last = (q.start, Attribution(q.cue or "", q.speaker,
                                         q.speaker_text or q.speaker.name))
    if last is not None:
        return last[1]
    p_start, p_end = ctx.paragraphs[para - 1]
    while p_end > p_start + 1 and ctx.text[p_end - 1].isspace():
        p_end -= 1
    toks = [t for t in ctx.tokens(p_end - 1, p_end) if not t.is_space]
    if not toks or ctx.quoted[toks[-1].i]:
        return None
    return _subject_speaker(ctx, speakers, ctx.sents[ctx.sent_index(toks[-1].i)])


def _subject_speaker(ctx: Context, speakers: Speakers, sent: Any) -> Attribution | None:
    """The actor (person or body) who is the main-clause subject of ``sent``, if any."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or ctx.quoted[subj.i] or ctx.quoted[root.i]:
        return None
    ref, words = speakers.resolve(subj, root)
    if ref.actor is None:
        return None
    try:
        kind = ctx.actors.get(ref.actor).kind
    except KeyError:
        return None
    return Attribution("", ref, words) if kind in _INTRODUCES else None


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
