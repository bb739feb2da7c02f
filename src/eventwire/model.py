"""The data model: one frozen dataclass per record of ../shared/CONTRACT.md.

Every record carries the character span it came from, so a number on a chart can be traced
back to a sentence. ``to_dict()`` produces exactly the contract's JSON; the JSON Schema in
``eventwire/schema/contract.schema.json`` is generated from these classes
(``python -m eventwire.schema``). This module imports nothing of ours.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any

#: The 16 PLOVER categories, in the codebook's order.
CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future", "claimed")
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "state", "igo", "group")
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year", "range", "published")
REMOVED_KINDS: tuple[str, ...] = ("promo", "tags", "caption", "nav", "other")


def _plain(value: Any) -> Any:
    """Turn dataclasses/tuples into JSON-ready dicts/lists (contract field names kept)."""
    if is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_dict"):
            return value.to_dict()
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Who published the article, where and when; ``published`` is ISO ``YYYY-MM-DD`` or None."""

    id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str = "en"
    file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "source": self.source, "title": self.title,
                "published": self.published, "language": self.language, "file": self.file}


@dataclass(frozen=True, slots=True)
class Document:
    """One raw input as ingest produced it, before cleaning.

    Exactly one of ``text`` / ``html`` is set. ``meta.id`` may be empty: the pipeline then
    derives the identity from the normalised URL, else from a hash of the cleaned text.
    """

    meta: ArticleMeta
    text: str | None = None
    html: str | None = None
    origin: str = ""  # file path (and line or record number) it came from, for messages
    warnings: tuple[str, ...] = ()  # what ingest noticed (re-decoded, truncated, ...)


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of page furniture taken out of the body: kept, never silently lost."""

    kind: str  # one of REMOVED_KINDS
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The body text and what was taken out of it."""

    text: str
    captions: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    title: str | None = None  # a headline found at the top of the text, if any


@dataclass(frozen=True, slots=True)
class Actor:
    """An entity of the article: a person, a state, an organisation, a group.

    ``raw`` is the text it was resolved from (its first naming mention); ``name`` is how the
    article names it. Its key is ``org`` for international bodies, else ``country`` (ISO3).
    """

    id: str
    name: str
    kind: str  # one of ACTOR_KINDS
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    mentions: tuple[tuple[int, int], ...] = ()
    raw: str | None = None
    kb_id: str | None = None  # the knowledge-base entry it was resolved to, if any

    @property
    def key(self) -> str | None:
        return self.org or self.country

    def ref(self) -> "ActorRef":
        return ActorRef(actor=self.id, name=self.name, country=self.country, org=self.org,
                        sector=self.sector)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
                "org": self.org, "sector": self.sector, "role": self.role,
                "mentions": [list(m) for m in self.mentions], "raw": self.raw,
                "kb_id": self.kb_id}


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as it takes part in an event or speaks a quote."""

    actor: str | None
    name: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "name": self.name, "country": self.country,
                "org": self.org, "sector": self.sector}


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text that refers to one or more actors.

    Several actors for one mention: "the two countries", "Russian-Belarusian".
    ``kind`` says how it names them: name, title, demonym, pronoun, description.
    """

    start: int
    end: int
    actors: tuple[str, ...]
    text: str
    kind: str = "name"


@dataclass(frozen=True, slots=True)
class DateRef:
    """A temporal expression normalised against the publication date."""

    text: str
    start: int
    end: int
    value: str  # ISO 8601: 2020-11-24, 2020-11, 2020, or a range 2020-10-20/2020-11-10
    precision: str  # day | month | year | range
    caption: int | None = None  # set when found in captions[i]; offsets then point into it

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "precision": self.precision, "caption": self.caption}


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in the text, geocoded."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None  # country | admin1 | city | region
    caption: int | None = None  # set when found in captions[i]; offsets then point into it

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "name": self.name,
                "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonameid": self.geonameid, "precision": self.precision,
                "caption": self.caption}


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened; ``precision`` 'published' means the text gave no date."""

    value: str
    precision: str
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision, "text": self.text}


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened (from its clause, else its sentence)."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonameid": self.geonameid, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence an event was read from, with its character span in ``text``."""

    sentence: str
    start: int
    end: int
    trigger: str | None = None  # the predicate word(s) that were coded
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end,
                "trigger": self.trigger, "url": self.url}


@dataclass(frozen=True, slots=True)
class Event:
    """A coded PLOVER event with its CAMEO code, intensity and evidence."""

    id: str
    category: str
    cameo: str | None
    score: float
    quad: int
    status: str
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    evidence: Evidence
    mode: str | None = None
    context: tuple[str, ...] = ()
    date: EventDate | None = None
    location: Location | None = None
    confidence: float = 0.5
    also: tuple[Evidence, ...] = ()  # other sentences of the article reporting the same event
    basis: str | None = None  # how it was read (kind|role|target|status), what confidence calibrates

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "category": self.category, "mode": self.mode,
                "context": list(self.context), "cameo": self.cameo, "score": self.score,
                "quad": self.quad, "status": self.status,
                "source": [a.to_dict() for a in self.source],
                "target": [a.to_dict() for a in self.target],
                "date": self.date.to_dict() if self.date else None,
                "location": self.location.to_dict() if self.location else None,
                "evidence": self.evidence.to_dict(), "confidence": self.confidence,
                "also": [e.to_dict() for e in self.also], "basis": self.basis}


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker; ``start``/``end`` span the quoted words in ``text``."""

    text: str
    start: int
    end: int
    kind: str  # direct | indirect | partial
    cue: str | None
    speaker: ActorRef | None
    speaker_text: str | None = None  # the words in the text that name the speaker

    def to_dict(self) -> dict[str, Any]:
        speaker = self.speaker.to_dict() if self.speaker else None
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "cue": self.cue, "speaker": speaker, "speaker_text": self.speaker_text}


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything eventwire reads from one article: the contract's top-level object."""

    article: ArticleMeta
    text: str
    captions: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateRef, ...] = ()
    places: tuple[Place, ...] = ()
    version: str = ""
    fingerprint: str = ""  # hash of the dictionaries that coded it
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article.to_dict(), "text": self.text,
                "captions": list(self.captions),
                "removed": [r.to_dict() for r in self.removed],
                "actors": [a.to_dict() for a in self.actors],
                "events": [e.to_dict() for e in self.events],
                "quotes": [q.to_dict() for q in self.quotes],
                "dates": [d.to_dict() for d in self.dates],
                "places": [p.to_dict() for p in self.places],
                "eventwire": {"version": self.version, "fingerprint": self.fingerprint},
                "warnings": list(self.warnings)}


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be coded, and why (one row of the store's ``errors``)."""

    origin: str
    reason: str
    stage: str = "ingest"

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "reason": self.reason, "stage": self.stage}


__all__ = [
    "CATEGORIES", "STATUSES", "ACTOR_KINDS", "DATE_PRECISIONS", "REMOVED_KINDS",
    "ArticleMeta", "Document", "Removed", "Cleaned", "Actor", "ActorRef", "Mention", "DateRef",
    "Place", "EventDate", "Location", "Evidence", "Event", "Quote", "CodedArticle", "Failure",
]
