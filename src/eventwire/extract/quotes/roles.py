"""Title descriptions as speakers: "the Venezuelan leader", "the former premier".

A definite description made of an office (with perhaps a country word and a past marker)
names the person *in the article* who holds, or held, that office. Two ways it goes wrong
without this layer:

* the description is resolved to a body or a country ("the Venezuelan leader" -> Venezuela),
  while the article names the leader in person a few sentences earlier;
* a past marker ("former", "ex-", "then") is ignored and the office goes to its sitting
  holder ("the ex-premier said" given to the premier the article also names).

The holder is found among the persons named before the quote (outside quote marks): for a
past title, one whose role in the text is that office in the past, else one the text names
without the office; for a present title, one whose role is that office, else (for a title
with a country word) the country's last-named person in government.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...model import ActorRef
from .context import Context

#: Offices that any head of a government or movement fills: "the Kenyan leader".
GENERIC_TITLES = frozenset({"leader", "chief", "head"})
#: Sectors a generic office holder sits in.
_RULING = frozenset({"GOV", "OPP", "LEG", "MIL", "REB", "PTY"})
_DETERMINERS = frozenset({"the", "this", "that", "its", "their", "his", "her"})


@dataclass(frozen=True, slots=True)
class Title:
    """What a description says of its referent: the office, past or not, whose country."""

    office: str  # normalised, lower case: "prime minister", "president", "leader"
    past: bool
    country: str | None


def _normalise(ctx: Context, words: str) -> str:
    words = " ".join(words.lower().replace("-", " ").split())
    for word, title in ctx.cues.title_equivalents:
        if words == word or words.endswith(" " + word):
            return words[: len(words) - len(word)] + title
    return words


def read_title(ctx: Context, subj: Any, start: int, end: int) -> Title | None:
    """The office named by a description headed by ``subj`` (None when it is not one)."""
    if subj.pos_ not in ("NOUN", "PROPN"):  # "the President" is often tagged a name
        return None
    low = subj.lower_
    past = False
    if low.startswith("ex-"):
        past, low = True, low[3:]
    head = _normalise(ctx, low)
    if head.split()[-1] not in ctx.cues.person_nouns and head not in (
            t for _, t in ctx.cues.title_equivalents):
        return None
    left = list(subj.doc[subj.left_edge.i:subj.i])
    if not left or left[0].lower_ not in _DETERMINERS and left[0].dep_ != "poss":
        return None  # "officials", "a minister": not one office holder
    lead = " ".join(" ".join(t.lower_ for t in left).replace("-", " ").split())
    lead = lead.replace("one time", "onetime")
    past = past or any(w in ctx.cues.past_markers or w == "ex" for w in lead.split())
    words = [t.lower_ for t in left if t.is_alpha and t.text.islower()
             and t.dep_ in ("amod", "compound") and t.lower_ not in _DETERMINERS
             and t.lower_ not in ctx.cues.past_markers and t.lower_ not in ("ex", "one", "time")]
    office = _normalise(ctx, " ".join([*words, low]))
    country = None
    for m in ctx.actors.in_span(start, end):
        for aid in m.actors:
            actor = ctx.actors.get(aid)
            if actor.kind != "person" and actor.country:
                country = actor.country
                break
        if country:
            break
    return Title(office=office, past=past, country=country)


def _role(ctx: Context, role: str | None) -> tuple[str, bool]:
    """(office, is past) of an actor's role as the text gives it."""
    if not role:
        return "", False
    words = role.lower().replace("-", " ").split()
    past = any(w in ctx.cues.past_markers or w == "ex" for w in words)
    words = [w for w in words if w not in ctx.cues.past_markers and w != "ex"]
    return _normalise(ctx, " ".join(words)), past


def _same_office(a: str, b: str) -> bool:
    """"minister" and "foreign minister" are the same office; "minister" and "president" not."""
    return bool(a) and bool(b) and (a == b or a.endswith(" " + b) or b.endswith(" " + a))


def _persons_before(ctx: Context, pos: int) -> list[Any]:
    """Persons named before ``pos`` outside quote marks, most recent first, once each."""
    out: list[Any] = []
    seen: set[str] = set()
    for m in ctx.actors.back_from(pos):
        if m.kind == "pronoun" or ctx.in_quote(m.start):
            continue
        for aid in m.actors:
            if aid in seen:
                continue
            seen.add(aid)
            actor = ctx.actors.get(aid)
            if actor.kind == "person":
                out.append(actor)
    return out


def holder(ctx: Context, title: Title, pos: int) -> ActorRef | None:
    """The person named before ``pos`` who holds (or, for a past title, held) the office."""
    people = _persons_before(ctx, pos)
    if title.country:
        people = [a for a in people if a.country == title.country]
    roles = {a.id: _role(ctx, a.role) for a in people}
    if title.past:
        held = [a for a in people if roles[a.id][1] and _same_office(roles[a.id][0], title.office)]
        unnamed = [a for a in people if not roles[a.id][0]]
        pick = (held or unnamed or [None])[0]
    else:
        holds = [a for a in people if not roles[a.id][1]
                 and _same_office(roles[a.id][0], title.office)]
        generic = []
        if title.country and title.office.split()[-1] in GENERIC_TITLES:
            generic = [a for a in people if a.sector in _RULING and not roles[a.id][1]]
        pick = (holds or generic or [None])[0]
    return pick.ref() if pick is not None else None


def check_title(ctx: Context, title: Title, ref: ActorRef | None, pos: int) -> ActorRef | None:
    """The speaker a title description names, given what the actor index made of it.

    Kept: a person who fits (a present office held, or a past office not held now).
    Replaced: a body or country standing for an office holder, or a sitting holder given a
    past title. None when the article names nobody who fits (the caller keeps its answer).
    """
    actor = None
    if ref is not None and ref.actor is not None:
        try:
            actor = ctx.actors.get(ref.actor)
        except KeyError:
            actor = None
    if actor is not None and actor.kind == "person":
        office, past = _role(ctx, actor.role)
        if not title.past or past or not _same_office(office, title.office):
            return ref
    return holder(ctx, title, pos)
