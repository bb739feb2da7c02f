"""Finding place mentions in a parsed text: entities, datelines, facilities, "X, Y" pairs.

A mention keeps every candidate entry; choosing among them needs the whole article and is
left to ``resolve``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from ...nlp import doc_text
from .gazetteer import (
    BLOCK_LABELS, Entry, Gazetteer, MISLABELS, PLACE_LABELS, PRIOR, SCAN_MIN_PRIOR, Words,
    _LOOSE_ARTICLES, norm)


# -- finding mentions ------------------------------------------------------------------------


@dataclass
class _Mention:
    """A span that names a place, before it is resolved."""

    text: str
    start: int
    end: int
    candidates: list[Entry]
    label: str  # the entity label it came from, or "SCAN" / "DATELINE" / "QUALIFIED"
    qualifier: "_Mention | None" = None  # Y of "X, Y"
    qualifies: bool = False  # it is the Y of some "X, Y"
    chosen: Entry | None = None
    country_hint: str | None = None
    facility: bool = False  # a building, square, crossing... ("Evin prison")
    dateline: bool = False  # named by the article's dateline ("ISLAMABAD —")
    tokens: tuple[int, int] = (0, 0)  # its token span in the doc


_DEMONYM_TAGS = frozenset({"JJ", "NNPS"})


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<x>[A-Z][A-Z.'\- ]{2,40}?)"
    r"(?:,[ \t]*(?P<y>[A-Z][A-Za-z.'\- ]{1,40}?))?[ \t]*(?:\([A-Za-z. ]+\)[ \t]*)?"
    r"(?P<sep>[\u2014\u2013-]|:(?=[ \t]))")


def _trim(doc: Any, start_tok: int, end_tok: int) -> tuple[int, int]:
    """Drop a leading 'the' and trailing possessive/punctuation tokens of a span."""
    while start_tok < end_tok and doc[start_tok].lower_ in {"the", "a"}:
        start_tok += 1
    while end_tok > start_tok and (doc[end_tok - 1].tag_ == "POS" or doc[end_tok - 1].is_space
                                   or doc[end_tok - 1].is_punct
                                   and doc[end_tok - 1].text not in {"."}):
        end_tok -= 1
    while start_tok < end_tok and (doc[start_tok].is_space or doc[start_tok].is_punct):
        start_tok += 1
    return start_tok, end_tok


def _span_text(doc: Any, start_tok: int, end_tok: int) -> tuple[str, int, int]:
    span = doc[start_tok:end_tok]
    text = _POSSESSIVE.sub("", span.text) if span.text.endswith(("'", "’")) else span.text
    return text, span.start_char, span.start_char + len(text)


def _place_context(doc: Any, tok_i: int, words: Words) -> bool:
    """A small town counts where the text says it is a place: "in X", "near X", "the town of
    X", "between X and Y", "X and Goma" after such a cue."""
    if _preceded_by_locative(doc, tok_i, words, strong=True):
        return True
    i = tok_i - 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in words.place_nouns:
        return True  # "the town of Sake"
    if i >= 0 and doc[i].lower_ in ("between", "and") and i >= 1:
        j = i - 1  # "between Gisenyi and Goma", "Sake ... and Masisi"
        while j >= 0 and doc[j].tag_ in ("NNP", "NNPS"):
            j -= 1
        return doc[i].lower_ == "between" or (j >= 0 and (doc[j].lower_ in ("between", "of")
                                                         or _preceded_by_locative(
                                                             doc, j + 1, words, strong=True)))
    return False


def _preceded_by_locative(doc: Any, tok_i: int, words: Words, strong: bool = False) -> bool:
    """True when 'in', 'near', 'on the border with'... stands right before token tok_i.

    ``strong`` asks for a preposition of position ("in", "near"), not of motion or source
    ("to", "from"), which also precede people ("according to Charamba").
    """
    i = tok_i - 1
    while i >= 0 and doc[i].lower_ in {"the", "a", "an"}:
        i -= 1
    if i < 0:
        return False
    before = " ".join(t.lower_ for t in doc[max(0, i - 2): i + 1])
    if strong:
        return doc[i].lower_ in words.strong_locative or any(
            before.endswith(w) for w in words.locative if " " in w)
    return any(before == w or before.endswith(" " + w) for w in words.locative)


def _is_demonym(text: str, tags: Sequence[str], words: Words) -> bool:
    low = text.lower()
    return bool(tags) and (all(t in _DEMONYM_TAGS for t in tags)
                           or (len(tags) == 1 and low.endswith(words.demonym_suffixes)
                               and not low.endswith(("ia", "stan"))))


def _looks_like_name(doc: Any, start_tok: int, end_tok: int, words: Words) -> bool:
    """A run that could be an unknown place (not an organisation, a demonym, a lower-case word)."""
    toks = doc[start_tok:end_tok]
    if not len(toks) or not toks[0].text[:1].isupper():
        return False
    if toks[-1].lower_ in words.not_place_heads:
        return False
    return not _is_demonym(toks.text, [t.tag_ for t in toks], words)


_NUMERIC_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                           "QUANTITY"})


def _facility_span(doc: Any, s: int, e: int, label: str, words: Words) -> tuple[int, int] | None:
    """The token span of a facility or landmark named at [s, e), or None.

    A name is a facility when it has a facility head ("Tahrir Square", "Evin prison" with the
    lower-case head after it) or lead ("Camp David"), or, for spaCy's FAC, when a locative
    stands before it ("at the Bab al-Hawa"). Under ORG/PERSON a head that also names the
    institution ("Chatham House") needs the locative too.
    """
    if s >= e or not doc[s].text[:1].isupper():
        return None
    if any(doc[k].ent_type_ in _NUMERIC_ENTS for k in range(s, e)):
        return None
    end = e
    if e < len(doc) and doc[e].lower_ in words.facility_heads and doc[e].is_lower \
            and doc[e].pos_ in {"NOUN", "PROPN"}:
        # "Evin prison", "the Bab al-Hawa crossing"; not "a Houthi house", "a Methodist church"
        if s > 0 and doc[s - 1].lower_ in {"a", "an"} \
                or _is_demonym(doc[s:e].text, [t.tag_ for t in doc[s:e]], words):
            return None
        end = e + 1
    head = doc[end - 1].lower_
    lead = doc[s].lower_ in words.facility_leads and end - s > 1
    has_head = lead or (head in words.facility_heads and end - s > 1)
    if label in MISLABELS:
        if not has_head:
            return None
        if not lead and head in words.weak_facility_heads \
                and not _preceded_by_locative(doc, s, words):
            return None
    elif label == "FAC":
        if not has_head and not _preceded_by_locative(doc, s, words, strong=True):
            return None
    elif not has_head:
        return None
    text = _span_text(doc, s, end)[0]
    if norm(text) in words.not_places or doc[s].lower_ in words.not_places:
        return None
    return s, end


_ORG_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&", "in", "de"})


def _inside_org_name(doc: Any, m: "_Mention", gaz: Gazetteer) -> bool:
    """True when the mention is part of an organisation's name spaCy did not mark:
    "University of Nairobi", "Organization for Security and Co-operation in Europe",
    "Nairobi University", "IIT Madras"."""
    words = gaz.words
    s, e = m.tokens
    if s >= e:
        return False
    # to the left: capitalised words and connectors back to an organisation head
    via_in = for_on = False
    i = s - 1
    while i >= 0 and s - i <= 12:
        t = doc[i]
        low = t.lower_
        if "\n" in t.text or (t.is_punct and t.text != "-"):
            break
        if low in _ORG_CONNECTORS or t.text == "-":
            via_in |= low == "in"
            for_on |= low in {"for", "on"}
        elif t.text[:1].isupper() or (i > 0 and doc[i - 1].text == "-"):
            if low in words.org_heads and t.text[:1].isupper():
                if not via_in:
                    return True
                # "... for Security and Co-operation in Europe": a region, not a city
                return for_on and all(c.kind != "city" for c in m.candidates)
        else:
            break
        i -= 1
    # to the right: "Nairobi University", "Madras High Court"
    for k in range(e, min(e + 3, len(doc))):
        t = doc[k]
        if not t.text[:1].isupper() or "\n" in t.text:
            break
        if t.lower_ in words.org_heads:
            return True
    # an acronym right before a city: "IIT Madras"
    if s > 0:
        prev = doc[s - 1]
        if prev.is_upper and prev.is_alpha and 2 <= len(prev.text) <= 6 \
                and not doc[s].is_upper and not gaz.lookup(doc_text(doc)[prev.idx:m.end]) \
                and "\n" not in doc_text(doc)[prev.idx:m.start] \
                and m.candidates and all(c.kind == "city" for c in m.candidates) \
                and not gaz.lookup(prev.text):
            return True
    return False


def _find_mentions(doc: Any, gaz: Gazetteer) -> list[_Mention]:
    words = gaz.words
    mentions: list[_Mention] = []
    taken = [False] * len(doc)
    blocked = [False] * len(doc)

    def add(s: int, e: int, label: str, cands: list[Entry]) -> _Mention | None:
        text, cs, ce = _span_text(doc, s, e)
        if not text:
            return None
        m = _Mention(text, cs, ce, cands, label, tokens=(s, e))
        mentions.append(m)
        for i in range(s, e):
            taken[i] = True
        return m

    # 1. named entities
    for ent in doc.ents:
        if ent.label_ in BLOCK_LABELS:
            for i in range(ent.start, ent.end):
                blocked[i] = True
        if ent.label_ == "NORP":  # "Sindhupalchok district" taken for a group's name
            s, e = _trim(doc, ent.start, ent.end)
            if s < e and _admin_noun_after(doc, e, words) and _looks_like_name(doc, s, e, words):
                add(s, e, ent.label_, gaz.lookup(_span_text(doc, s, e)[0]))
            continue
        if ent.label_ not in PLACE_LABELS | MISLABELS:
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e:
            continue
        s = _extend_left(doc, s, e, gaz)  # "DR" + "Congo"
        e = _extend_right(doc, s, e, gaz)  # "Idlib" + "province"
        text = _span_text(doc, s, e)[0]
        if not _capitalised(text) or norm(text) in words.not_places:
            continue  # "us", "the West"
        cands = gaz.lookup(text)
        if ent.label_ == "FAC":  # a building or a road: never by a city's alternate name
            cands = [c for c in cands if not c.alternate]
        parts = _hyphen_parts(doc, doc[s], gaz) if e == s + 1 and "-" in doc[s].text else []
        if parts:  # "U.S.-Russia" (often an ORG to spaCy)
            for ps, pe, pcands in parts:
                mentions.append(_Mention(doc_text(doc)[ps:pe], ps, pe, pcands, "SCAN"))
            taken[s] = True
            continue
        if not cands:  # "Tahrir Square", "Evin prison", "Camp David", "at the Bab al-Hawa"
            fac = _facility_span(doc, s, e, ent.label_, words)
            if fac is not None:
                fcands = [c for c in gaz.lookup(_span_text(doc, *fac)[0])
                          if c.kind == "facility"]
                m = add(fac[0], fac[1], ent.label_, fcands)
                if m is not None:
                    m.facility = True
                continue
        if ent.label_ in MISLABELS:
            strong = [c for c in cands if c.kind != "city" or c.prior >= SCAN_MIN_PRIOR]
            if not strong and cands and _place_context(doc, s, words):
                strong = cands  # "between Gisenyi and Goma" tagged PERSON: the context says place
            if not strong and _looks_like_name(doc, s, e, words) and (
                    _preceded_by_locative(doc, s, words, strong=True)
                    and _next_is_country(doc, e, gaz) or _admin_noun_after(doc, e, words)):
                add(s, e, ent.label_, [])  # "near Zwirkowo Male, Poland" tagged PERSON,
                continue                   # "Panjgur district" tagged ORG
            if not strong:
                continue
            if ent.label_ == "PERSON" and (e < len(doc) and doc[e].tag_ == "NNP"
                                            or s > 0 and doc[s - 1].lower_.rstrip(".")
                                            in words.person_titles):
                continue
            add(s, e, ent.label_, strong)
            continue
        if cands:
            add(s, e, ent.label_, cands)
            continue
        # "Paris, Texas" or "U.S.-Russia" as one entity: split it
        parts = _split_entity(doc, s, e, gaz)
        if parts:
            for ps, pe in parts:
                add(ps, pe, ent.label_, gaz.lookup(_span_text(doc, ps, pe)[0]))
            continue
        # an unknown name is kept only where the text says it is a place: "in X", "X, Poland",
        # "X province"; else it is as likely a person or a group spaCy mislabelled ("M23")
        if _looks_like_name(doc, s, e, words) and (
                _next_is_country(doc, e, gaz) or ent.label_ in {"GPE", "LOC"} and (
                    _preceded_by_locative(doc, s, words, strong=True)
                    or e < len(doc) and doc[e].lower_ in words.place_nouns)):
            add(s, e, ent.label_, [])

    # 2. gazetteer names spaCy missed: whole proper-noun runs only
    i = 0
    while i < len(doc):
        tok = doc[i]
        if taken[i] or blocked[i] or tok.tag_ not in {"NNP", "NNPS"} and not _has_place_part(tok) \
                and not _transliterated(tok):
            i += 1
            continue
        j = i
        while j < len(doc) and not taken[j] and not blocked[j] and doc[j].tag_ in {"NNP", "NNPS"}:
            j += 1
        j = max(j, i + 1)
        parts = _hyphen_parts(doc, tok, gaz) if "-" in tok.text else []
        if parts:  # "U.S.-Russia talks", "U.S.-led"
            for ps, pe, cands in parts:
                mentions.append(_Mention(doc_text(doc)[ps:pe], ps, pe, cands, "SCAN"))
            taken[i] = True
            i += 1
            continue
        text = _span_text(doc, i, j)[0]
        if i > 0 and doc[i - 1].lower_ in words.name_particles:
            i = j
            continue  # "dos Santos", "van Gogh": a surname
        cands = [c for c in gaz.lookup(text)
                 if c.kind != "city" or c.prior >= SCAN_MIN_PRIOR or _place_context(doc, i, words)]
        if cands and text[:1].isupper() and norm(text) not in words.not_places:
            add(i, j, "SCAN", cands)
        elif not gaz.lookup(text):  # "Evin prison": a facility spaCy did not see
            fac = _facility_span(doc, i, j, "SCAN", words)
            if fac is not None and not any(taken[k] or blocked[k] for k in range(*fac)):
                m = add(fac[0], fac[1], "SCAN", [c for c in gaz.lookup(
                    _span_text(doc, *fac)[0]) if c.kind == "facility"])
                if m is not None:
                    m.facility = True
                j = max(j, fac[1])
        i = j

    # 3. datelines: "BELGRADE, Yugoslavia —"
    for m in _DATELINE.finditer(doc_text(doc)):
        x = m.group("x").strip()
        if m.group("sep") == ":" and not gaz.lookup(x):
            continue  # "UPDATE:", "WATCH:" are not datelines; "NEW DELHI:" is
        xs = m.start("x") + (len(m.group("x")) - len(m.group("x").lstrip()))
        xm = next((mm for mm in mentions if mm.start == xs), None)
        if xm is None and len(x) >= 3:
            xm = _Mention(x, xs, xs + len(x), gaz.lookup(x), "DATELINE")
            mentions.append(xm)
        if xm is not None:
            xm.dateline = True
        if m.group("y") and xm is not None:
            y = m.group("y").strip()
            ys = m.start("y")
            ym = next((mm for mm in mentions if mm.start == ys), None)
            if ym is None and gaz.lookup(y):
                ym = _Mention(y, ys, ys + len(y), gaz.lookup(y), "DATELINE")
                mentions.append(ym)
            if ym is not None:
                ym.dateline = True

    # "Europe" in "Organization for Security and Co-operation in Europe": part of a name
    for mm in mentions:
        if mm.tokens == (0, 0):
            span = doc.char_span(mm.start, mm.end, alignment_mode="expand")
            mm.tokens = (span.start, span.end) if span is not None else (0, 0)
    mentions = [mm for mm in mentions if mm.dateline or mm.facility
                or not _inside_org_name(doc, mm, gaz)]
    # "Lopez" after "Leopoldo Lopez": a person's surname, not the town of Lopez
    surnames = {norm(ent[-1].text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    mentions = [mm for mm in mentions if norm(mm.text) not in surnames
                or any(c.kind != "city" for c in mm.candidates)]
    # a name inside a longer known one ("Pakistan" in "Pakistan-administered Kashmir") goes
    mentions = _drop_nested(mentions)
    _link_qualifiers(doc, mentions, gaz)
    return mentions


def _drop_nested(mentions: list[_Mention]) -> list[_Mention]:
    """Mentions in text order without those inside a longer one, in one sweep (a pairwise
    test is quadratic in the article's length)."""
    ordered = sorted(mentions, key=lambda mm: (mm.start, -(mm.end - mm.start)))
    kept: list[_Mention] = []
    reach = -1  # the furthest end of any mention seen so far
    for mm in ordered:
        if mm.end <= reach and any(o.start <= mm.start and mm.end <= o.end
                                   and (o.end - o.start) > (mm.end - mm.start)
                                   for o in kept[-8:]):
            continue
        kept.append(mm)
        reach = max(reach, mm.end)
    return kept


def _extend_left(doc: Any, s: int, e: int, gaz: Gazetteer) -> int:
    """Take in proper nouns spaCy left out when the longer name is known ("DR Congo")."""
    for k in (3, 2, 1):  # 3: "Pakistan - administered Kashmir"
        ext = doc[s - k:s] if s - k >= 0 else None
        if ext is not None and ext[0].text[:1].isupper() and ext[0].tag_ != "DT" \
                and not any(t.is_stop for t in ext) \
                and gaz.lookup(_span_text(doc, s - k, e)[0]):
            return s - k
    return s


def _extend_right(doc: Any, s: int, e: int, gaz: Gazetteer) -> int:
    """Take in a following noun when the longer name means something else ("Idlib province",
    not the city); "Balochistan province" stays "Balochistan", which already says it."""
    if e < len(doc) and (doc[e].lower_ in gaz.words.place_nouns
                         or doc[e].lower_ in gaz.words.facility_heads):
        longer = gaz.lookup(_span_text(doc, s, e + 1)[0])
        if longer and longer != gaz.lookup(_span_text(doc, s, e)[0]):
            return e + 1
    return e


_ARTICLE_PREFIX = re.compile(r"^(?:%s)[-\s]\w*[A-Z]" % "|".join(sorted(_LOOSE_ARTICLES)))


def _capitalised(text: str) -> bool:
    """A proper name: capitalised, or behind a lower-case article ("al-Hudaydah")."""
    return text[:1].isupper() or bool(_ARTICLE_PREFIX.match(text))


def _admin_noun_after(doc: Any, e: int, words: Words) -> bool:
    """'X district', 'X province' (lower case); not 'X state media'."""
    if e >= len(doc) or doc[e].lower_ not in words.admin_nouns or not doc[e].is_lower:
        return False
    return not (doc[e].lower_ == "state" and e + 1 < len(doc) and doc[e + 1].pos_ == "NOUN")


def _transliterated(tok: Any) -> bool:
    """A capitalised word with an apostrophe inside ("Sana'a", "Ma'rib") that the tagger
    may not take for a proper noun."""
    return tok.text[:1].isupper() and bool(re.search(r"\w['\u2019\u2018]\w", tok.text))


def _has_place_part(tok: Any) -> bool:
    return "-" in tok.text and tok.text[:1].isupper()


def _hyphen_parts(doc: Any, tok: Any, gaz: Gazetteer) -> list[tuple[int, int, list[Entry]]]:
    """'U.S.-Russia' -> the places in it, when every part before a lower-case tail is one."""
    if gaz.lookup(tok.text):
        return []  # "Guinea-Bissau", "Nagorno-Karabakh": one name
    out: list[tuple[int, int, list[Entry]]] = []
    pos = tok.idx
    for part in tok.text.split("-"):
        if part[:1].isupper():
            cands = [c for c in gaz.lookup(part) if c.kind in {"country", "admin1"}
                     or c.prior >= PRIOR["curated"]]
            if not cands:
                return []
            out.append((pos, pos + len(part), cands))
        pos += len(part) + 1
    return out


def _split_entity(doc: Any, s: int, e: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Token spans of the places inside a compound entity ("Paris, Texas"), if all resolve."""
    cuts = [i for i in range(s, e) if doc[i].text in {",", "and", "&"}]
    if not cuts:
        return []
    spans, prev = [], s
    for c in cuts + [e]:
        if prev < c:
            spans.append((prev, c))
        prev = c + 1
    ok = spans and all(gaz.lookup(_span_text(doc, a, b)[0]) for a, b in spans[1:])
    return spans if ok else []


def _next_is_country(doc: Any, e: int, gaz: Gazetteer) -> bool:
    return (e + 1 < len(doc) and doc[e].text == ","
            and any(c.kind in {"country", "admin1"} for c in gaz.lookup(doc[e + 1].text)))


def _link_qualifiers(doc: Any, mentions: list[_Mention], gaz: Gazetteer) -> None:
    """Mark "X, Y" pairs where Y (a country or state) says where X is."""
    for x, y in zip(mentions, mentions[1:]):
        between = doc_text(doc)[x.end:y.start]
        if not re.fullmatch(r"\s*,\s*", between):
            continue
        ycands = [c for c in y.candidates if c.kind in {"country", "admin1"}]
        if not ycands or any(c.kind == "country" for c in x.candidates):
            continue  # "Latvia, Lithuania and Poland" is a list, not a town and its country
        after = doc_text(doc)[y.end:y.end + 2]
        if after.startswith(("'s", "’s", "'")):
            continue  # "Putin, Russia's president": Y is not a qualifier
        x.qualifier = y
        y.qualifies = True
        y.candidates = ycands

