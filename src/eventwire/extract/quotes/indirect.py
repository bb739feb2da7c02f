"""Indirect quotes: reporting verbs outside quote marks with a clausal complement
(``He said NATO was …``) and ``according to X`` sentences.
"""
from __future__ import annotations

import re
from typing import Any, Sequence

from ...model import Quote
from .attribution import Attribution, attribute_according, attribute_verb, attribution_phrase
from .context import Context
from .speakers import Speakers
from .syntax import complement, reports

#: A wire dateline opening a paragraph: "NAIROBI, Kenya — ", "KAMPALA (Reuters) - ".
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,[^—–\n]{1,30}?)?(?: \([^)]{1,30}\))? ?(?:—|–|--|-) ")


def clause_quote(ctx: Context, toks: Sequence[Any], anchor: int,
                  att: Attribution) -> Quote | None:
    """An indirect quote over ``toks``, kept inside the anchor's paragraph, no dateline."""
    para_start = ctx.text.rfind("\n", 0, anchor) + 1
    para_end = ctx.text.find("\n", anchor)
    para_end = len(ctx.text) if para_end < 0 else para_end
    toks = [t for t in toks if para_start <= t.idx < para_end and not t.is_space]
    while toks and ((toks[0].dep_ == "mark" and toks[0].lower_ == "that") or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in ".!?":
        toks = toks[:-1]
    if len(toks) < 3:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    head = DATELINE.match(ctx.text, start, end)
    if head:
        start = head.end()
    if end - start < 10:
        return None
    return Quote(text=ctx.text[start:end], start=start, end=end, kind="indirect", cue=att.cue,
                 speaker=att.speaker, speaker_text=att.speaker_text)


def indirect(ctx: Context, speakers: Speakers) -> list[Quote]:
    """Reporting verbs outside quote marks with a clausal complement: ``He said NATO was …``."""
    out: list[Quote] = []
    for tok in ctx.doc:
        if not ctx.is_cue_verb(tok) or not reports(ctx, tok):
            continue
        sent = tok.sent
        para_end = ctx.text.find("\n", tok.idx)
        para_end = len(ctx.text) if para_end < 0 else para_end
        para_start = ctx.text.rfind("\n", 0, tok.idx) + 1
        toks = complement(ctx, tok)
        if toks is None:
            continue
        toks = [t for t in toks if sent.start <= t.i < sent.end
                and para_start <= t.idx < para_end]
        if any(ctx.quoted[t.i] for t in toks):
            continue  # the quote marks carry it: a direct or partial quote
        if toks and toks[0].i <= tok.i <= toks[-1].i and tok.dep_ != "parataxis":
            continue  # the cue sits inside its own complement: a parse tangle
        att = attribute_verb(ctx, speakers, tok)
        if att is None:
            continue
        quote = clause_quote(ctx, toks, tok.idx, att)
        if quote is not None:
            out.append(quote)
    out.extend(according_indirect(ctx, speakers))
    return out


def according_indirect(ctx: Context, speakers: Speakers) -> list[Quote]:
    """``According to Jaime, investors should …`` / ``…, according to the ministry``."""
    out: list[Quote] = []
    for sent in ctx.sents:
        toks = list(sent)
        if any(ctx.quoted[t.i] for t in toks):
            continue
        obj = attribution_phrase(ctx, toks)
        if obj is None:
            continue
        words = [t for t in toks if t.lower_ == "according" and t.i < obj.i]
        if not words:
            continue
        first = words[-1].i
        last = max(t.i for t in obj.subtree)
        rest = [t for t in toks if (t.i < first or t.i > last)]
        if any(ctx.is_cue_verb(t) and reports(ctx, t) and complement(ctx, t)
               for t in rest):
            continue  # "X has said ... and, according to reports, detained Y": X's words
        if rest and rest[0].i < first and rest[-1].i > last:
            rest = [t for t in rest if t.i < first]  # "X, according to Y, and Z": keep X
        att = attribute_according(ctx, speakers, obj)
        quote = clause_quote(ctx, rest, obj.idx, att)
        if quote is not None:
            out.append(quote)
    return out
