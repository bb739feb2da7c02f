"""Reading the parse around a cue: subjects of reporting verbs, their complements, phrases.

Pure functions over spaCy tokens; each walks only the tree of one sentence.
"""
from __future__ import annotations

from typing import Any, Sequence

from ...nlp import doc_text

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
ACTIVE_SUBJ_DEPS = ("nsubj", "csubj")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
#: "was quoted as saying", "was cited as saying": the passive subject is the speaker.
QUOTED_AS = {"quote", "cite"}
HYPOTHETICAL = {"would", "could", "might", "may", "should"}
FINITE = ("VBD", "VBZ", "VBP")
#: Words that open a relative clause: "during which the military denied that ...".
RELATIVE_WORDS = {"who", "whom", "whose", "which", "when", "where"}
WH_WORDS = {"what", "how", "why", "where", "when", "who", "whom", "which"}


def root_of(tokens: Sequence[Any]) -> Any | None:
    """The token of a stretch whose head lies outside it (the stretch's syntactic root)."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            if t.is_alpha:
                return t
    return tokens[0] if tokens else None


def is_ancestor(anc: Any, tok: Any) -> bool:
    return any(a.i == anc.i for a in tok.ancestors)


def subject(verb: Any, cue_verbs: frozenset[str] = frozenset()) -> Any | None:
    """The subject of a cue verb, climbing conj/xcomp/advcl chains ("and warned", "saying").

    Two constructions need more than the parse gives: ``X was quoted as saying`` (the speaker
    is the passive subject of "quoted") and a participle cue the parser hung inside another
    cue's complement (``USAID said its OFDA was ..., adding that``): "adding" shares the
    subject of the reporting verb, not of the clause it was attached to.
    """
    quoted = quoted_as(verb)
    if quoted is not None:
        return quoted
    if verb.tag_ == "VBG" and cue_verbs and not any(
            c.dep_ in SUBJ_DEPS for c in verb.children):
        governor = governing_cue(verb, cue_verbs)
        if governor is not None:
            return subject(governor, cue_verbs)
    seen = 0
    cur = verb
    while cur is not None and seen < 4:
        subjects = [c for c in cur.children if c.dep_ in ACTIVE_SUBJ_DEPS]
        if subjects:  # a bad parse may give two; the one nearest the verb is the speaker
            subj = min(subjects, key=lambda c: abs(c.i - cur.i))
            relative = subj.lower_ in RELATIVE_PRONOUNS or any(
                c.lower_ == "whose" for c in subj.children)
            if relative and cur.dep_ == "relcl":
                return cur.head  # "Amr, who said ..." / "China, whose officials said" -> antecedent
            return subj
        if any(c.dep_ == "nsubjpass" for c in cur.children):
            # "was announced by X": the speaker is the agent, never the passive subject
            for agent in (c for c in cur.children if c.dep_ == "agent"):
                objs = [g for g in agent.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
            return None
        if cur.dep_ in ("conj", "xcomp", "advcl", "acl") and cur.head.i != cur.i:
            cur = cur.head
            seen += 1
            continue
        return None
    return None


def quoted_as(verb: Any) -> Any | None:
    """``X was quoted (by Reuters) as saying``: the passive subject of "quoted" speaks."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    quote = verb.head.head
    if quote.lemma_.lower() not in QUOTED_AS:
        return None
    subj = [c for c in quote.children if c.dep_ == "nsubjpass"]
    return subj[0] if subj else None


def governing_cue(participle: Any, cue_verbs: frozenset[str]) -> Any | None:
    """The reporting verb whose complement a participle was attached inside, if any."""
    cur = participle
    for _ in range(5):
        if cur.dep_ not in ("advcl", "xcomp", "conj", "ccomp") or cur.head.i == cur.i:
            return None
        up = cur.head
        if cur.dep_ == "ccomp" and cur is not participle and up.lemma_.lower() in cue_verbs:
            return up
        cur = up
    return None


def np_bounds(head: Any) -> tuple[int, int]:
    """Character bounds of a subject phrase, without its relative clauses."""
    drop: set[int] = set()
    for t in head.subtree:
        if t.i != head.i and t.dep_ in ("relcl", "acl"):
            drop.update(x.i for x in t.subtree)
    keep = [t for t in head.subtree if t.i not in drop]
    for k in range(1, len(keep)):  # ", who was being treated ..." is not part of the name
        if keep[k].lower_ in RELATIVE_PRONOUNS and keep[k - 1].text == "," and k > 1:
            keep = keep[:k - 1]
            break
    while len(keep) > 1 and keep[-1].is_punct:
        keep.pop()
    while len(keep) > 1 and keep[0].is_punct:
        keep.pop(0)
    start, end = keep[0].idx, keep[-1].idx + len(keep[-1])
    text = doc_text(head.doc)
    if text.count("(", start, end) > text.count(")", start, end) and text[end:end + 1] == ")":
        end += 1  # "U.S. European Command (EUCOM)"
    return start, end


def head_noun(tok: Any) -> str:
    """"secretary-general" -> "secretary": the title word that says who the person is."""
    return tok.lemma_.lower().split("-")[0]


def cue_path(verb: Any) -> set[int]:
    """Words between a speaker and its cue that belong to the cue: "was quoted by Reuters as"."""
    out: set[int] = set()
    for anc in verb.ancestors:
        out.add(anc.i)
        for c in anc.children:
            if c.dep_ in ("aux", "auxpass", "agent", "neg", "prep") and c.i < verb.i:
                out.update(x.i for x in c.subtree)
    return out


def verb_on_path(tok: Any, top: Any) -> bool:
    """Is there a clause (a verb) between a quoted phrase and the noun governing it?"""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX"):
            return True
        cur = cur.head
    return False


def reports(ctx: Any, verb: Any) -> bool:
    """Is this cue reporting what was said? Not when it is negated ("did not say why"),
    hypothetical ("a reasonable observer would conclude"), a naming verb ("calls the ballot an
    assault"), or a relative clause whose gap sits in the complement ("sheets the opposition
    says it collected")."""
    if verb.lemma_.lower() in ctx.cues.naming_verbs:
        return False
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL):
            return False
    if verb.dep_ == "relcl":
        inside = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
        if not any(t.lower_ in RELATIVE_WORDS for t in verb.subtree if t.i not in inside):
            return False
    return True


def complement(ctx: Any, verb: Any) -> list[Any] | None:
    """The words a cue reports, as tokens in order; None when it has no clause to report.

    The that-clause after the verb wins over a clause before it ("In a dissent she read
    aloud, X argued that ..."); pieces the parser hung on the verb itself stay with the
    clause ("placed on | standby in case ...", "said between | 400 and 500 people had
    been"); "said the attack, coming ..., showed" (a subject read as an object) is a clause;
    so is the clause a parenthetical cue interrupts ("Anyone unhappy, he added, should ...").
    """
    comps = [c for c in verb.children if c.dep_ == "ccomp" and has_subject(c)]
    after = [c for c in comps if c.i > verb.i]
    if verb.dep_ == "parataxis" and not comps and verb.head.pos_ in ("VERB", "AUX") \
            and has_subject(verb.head) and verb.head.i > verb.i:
        own = {t.i for t in verb.subtree}
        toks = [t for t in verb.head.subtree if t.i not in own]
        stops = [t.i for t in toks if t.i < verb.i and t.text in (":", ";")]
        if stops:  # "He repeated his promise: if ..., he said, it will ...": the last clause
            toks = [t for t in toks if t.i > stops[-1]]
        return toks if not wh_clause(toks) else None
    if not comps:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        clause = [c for c in verb.children if c.dep_ == "advcl" and objs
                  and c.i > objs[0].i and c.tag_ in FINITE and not has_subject(c)
                  and not any(g.dep_ == "mark" for g in c.children)]
        if not objs or not clause or verb.lemma_.lower() == "tell":
            return None
        ids = {t.i for t in objs[0].subtree} | {t.i for t in clause[0].subtree}
        toks = [t for t in verb.doc[objs[0].left_edge.i:clause[0].right_edge.i + 1]
                if t.i in ids or t.is_punct]
        return toks if not wh_clause(toks) else None
    comp = (sorted(after, key=lambda c: not any(g.dep_ == "mark" for g in c.children))
            or comps)[0]
    if wh_clause(list(comp.subtree)):
        return None  # "struggled to describe what he had found", "condemned what he described"
    ids = {t.i for t in comp.subtree}
    if comp.i > verb.i:
        for c in verb.children:
            if c.i > comp.i and (c.dep_ == "dep" or (c.dep_ == "ccomp" and c is not comp)):
                ids.update(t.i for t in c.subtree)
        first = min(ids)
        lead = verb.doc[first - 1] if first > 0 else None
        if lead is not None and lead.head.i == verb.i and lead.dep_ == "prep" \
                and not list(lead.children) and lead.i == verb.i + 1:
            ids.add(lead.i)  # a preposition that lost its object to the clause
    lo, hi = min(ids), max(ids)
    return [t for t in verb.doc[lo:hi + 1] if t.i in ids or (t.is_punct and lo < t.i < hi)]


def has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def wh_clause(toks: Sequence[Any]) -> bool:
    """A complement opened by what/how/why/...: an embedded question, not reported words."""
    words = [t for t in toks if not t.is_punct and t.dep_ != "mark"]
    return bool(words) and words[0].lower_ in WH_WORDS


def reported_tokens(ctx: Any, verb: Any) -> frozenset[int]:
    """The tokens a cue reports: its clausal complement, a clause it interrupts, quoted words
    of its sentence. A pronoun speaker never refers back into these."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in ("ccomp", "dep"):
            out.update(t.i for t in c.subtree)
    if verb.head.i != verb.i and (verb.dep_ == "parataxis" or (
            verb.dep_ == "ccomp" and ctx.quoted[verb.head.i])):  # '"…," he said' hung under "…"
        own = {t.i for t in verb.subtree}
        out.update(t.i for t in verb.head.subtree if t.i not in own)
    sent = verb.sent
    out.update(i for i in range(sent.start, sent.end) if ctx.quoted[i])
    return frozenset(out)
