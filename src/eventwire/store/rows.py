"""CodedArticle <-> table rows, as pure functions so the Store only moves data.

Builders return tuples in ``schema.COLUMNS`` order; ``article_dict`` turns the rows back into
the contract JSON. Keeping both directions side by side is what makes the round trip
(``get_article(id) == coded.to_dict()``) easy to check and hard to break.
"""
from __future__ import annotations

import calendar
import json
from datetime import date, datetime
from typing import Any, Callable, Iterable

from ..model import ActorRef, CodedArticle, DateRef, Evidence, Place
from .ids import codes, gid

Row = tuple[Any, ...]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _keys(refs: Iterable[ActorRef]) -> list[str]:
    """Distinct actor keys (org, else country) in order; actors with neither are left out."""
    return list(dict.fromkeys(k for r in refs if (k := r.org or r.country)))


def parse_published(value: str | None, article_id: str) -> date | None:
    """The article's publication day; a value that is not ISO is refused, not guessed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"article {article_id!r}: published {value!r} is not an ISO date "
                         "(YYYY-MM-DD); fix it in the input or leave it empty") from None


def date_span(value: str | None) -> tuple[date, date] | None:
    """First and last day an ISO date covers: ``2020-11`` -> Nov 1..30, ``a/b`` -> a..b.

    None when the value is absent or not ISO, so a bad date never sinks a save.
    """
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = date_span(first), date_span(last)
        return (a[0], b[1]) if a and b else None
    value = value.split("T", 1)[0]
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return day, day
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(value) == 4:
            year = int(value)
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def article_row(coded: CodedArticle, url_norm: str | None, coded_at: datetime) -> Row:
    a = coded.article
    return (a.id, a.url, url_norm, a.source, a.title, parse_published(a.published, a.id),
            a.language, a.file, coded.text, list(coded.captions),
            _json([r.to_dict() for r in coded.removed]), coded.version, coded.fingerprint,
            coded_at, list(coded.warnings))


def actor_rows(coded: CodedArticle) -> list[Row]:
    aid = coded.article.id
    return [(aid, i, a.id, a.name, a.kind, a.country, a.org, a.key, a.sector, a.role, a.raw,
             a.kb_id, [list(m) for m in a.mentions], gid("actors", aid, i))
            for i, a in enumerate(coded.actors)]


def event_rows(coded: CodedArticle) -> list[Row]:
    aid = coded.article.id
    published = parse_published(coded.article.published, aid)
    rows: list[Row] = []
    for i, e in enumerate(coded.events):
        d, loc, ev = e.date, e.location, e.evidence
        span = date_span(d.value if d else None) or ((published, published) if published
                                                       else (None, None))
        rows.append((
            aid, i, e.id, e.category, e.cameo, e.score, e.quad, e.status, e.mode,
            list(e.context), _keys(e.source), _keys(e.target),
            _json([r.to_dict() for r in e.source]), _json([r.to_dict() for r in e.target]),
            d.value if d else None, d.precision if d else None, d.text if d else None,
            span[0], span[1],
            loc.name if loc else None, loc.country if loc else None,
            loc.lat if loc else None, loc.lon if loc else None,
            loc.geonameid if loc else None, loc.precision if loc else None,
            ev.sentence, ev.start, ev.end, ev.trigger, ev.url, e.confidence,
            _json([x.to_dict() for x in e.also]), e.basis,
            codes(e.source), codes(e.target), gid("events", aid, i),
        ))
    return rows


def quote_rows(coded: CodedArticle) -> list[Row]:
    aid = coded.article.id
    rows: list[Row] = []
    for i, q in enumerate(coded.quotes):
        s = q.speaker
        rows.append((aid, i, q.text, q.start, q.end, q.kind, q.cue,
                     s.actor if s else None, s.name if s else None, s.country if s else None,
                     s.org if s else None, s.sector if s else None, q.speaker_text,
                     gid("quotes", aid, i)))
    return rows


def date_rows(coded: CodedArticle) -> list[Row]:
    aid = coded.article.id
    return [(aid, i, d.text, d.start, d.end, d.value, d.precision, d.caption,
             gid("dates", aid, i)) for i, d in enumerate(coded.dates)]


def place_rows(coded: CodedArticle) -> list[Row]:
    aid = coded.article.id
    return [(aid, i, p.text, p.start, p.end, p.name, p.country, p.lat, p.lon, p.geonameid,
             p.precision, p.caption, gid("places", aid, i)) for i, p in enumerate(coded.places)]


# -- rows -> contract JSON ------------------------------------------------------------------
def _loads(value: str | None, default: Any) -> Any:
    return json.loads(value) if value is not None else default


def _actor(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["actor_id"], "name": r["name"], "kind": r["kind"], "country": r["country"],
            "org": r["org"], "sector": r["sector"], "role": r["role"],
            "mentions": [list(m) for m in r["mentions"] or []], "raw": r["raw"],
            "kb_id": r["kb_id"]}


def _event(r: dict[str, Any]) -> dict[str, Any]:
    date_ = None
    if r["date_value"] is not None:
        date_ = {"value": r["date_value"], "precision": r["date_precision"],
                 "text": r["date_text"]}
    location = None
    if r["location_name"] is not None:
        location = {"name": r["location_name"], "country": r["location_country"],
                    "lat": r["location_lat"], "lon": r["location_lon"],
                    "geonameid": r["location_geonameid"],
                    "precision": r["location_precision"]}
    evidence = Evidence(sentence=r["sentence"], start=r["start"], end=r["end"],
                        trigger=r["trigger"], url=r["url"]).to_dict()
    return {"id": r["event_id"], "category": r["category"], "mode": r["mode"],
            "context": list(r["context"] or []), "cameo": r["cameo"], "score": r["score"],
            "quad": r["quad"], "status": r["status"], "source": _loads(r["source"], []),
            "target": _loads(r["target"], []), "date": date_, "location": location,
            "evidence": evidence, "confidence": r["confidence"], "also": _loads(r["also"], []),
            "basis": r["basis"]}


def _quote(r: dict[str, Any]) -> dict[str, Any]:
    speaker = None
    if r["speaker_name"] is not None:
        speaker = ActorRef(actor=r["speaker_actor"], name=r["speaker_name"],
                           country=r["speaker_country"], org=r["speaker_org"],
                           sector=r["speaker_sector"]).to_dict()
    return {"text": r["text"], "start": r["start"], "end": r["end"], "kind": r["kind"],
            "cue": r["cue"], "speaker": speaker, "speaker_text": r["speaker_text"]}


def _date(r: dict[str, Any]) -> dict[str, Any]:
    return DateRef(text=r["text"], start=r["start"], end=r["end"], value=r["value"],
                   precision=r["precision"], caption=r["caption"]).to_dict()


def _place(r: dict[str, Any]) -> dict[str, Any]:
    return Place(text=r["text"], start=r["start"], end=r["end"], name=r["name"],
                 country=r["country"], lat=r["lat"], lon=r["lon"], geonameid=r["geonameid"],
                 precision=r["precision"], caption=r["caption"]).to_dict()


def _each(rows: list[dict[str, Any]], convert: Callable[[dict[str, Any]], dict[str, Any]]
          ) -> list[dict[str, Any]]:
    return [convert(r) for r in sorted(rows, key=lambda r: r["ord"])]


def article_dict(article: dict[str, Any], children: dict[str, list[dict[str, Any]]]
                 ) -> dict[str, Any]:
    """The contract JSON of one stored article (the shape of ``CodedArticle.to_dict()``)."""
    published = article["published"]
    return {
        "article": {"id": article["id"], "url": article["url"], "source": article["source"],
                    "title": article["title"],
                    "published": published.isoformat() if published else None,
                    "language": article["language"], "file": article["file"]},
        "text": article["text"],
        "captions": list(article["captions"] or []),
        "removed": _loads(article["removed"], []),
        "actors": _each(children["actors"], _actor),
        "events": _each(children["events"], _event),
        "quotes": _each(children["quotes"], _quote),
        "dates": _each(children["dates"], _date),
        "places": _each(children["places"], _place),
        "eventwire": {"version": article["version"], "fingerprint": article["fingerprint"]},
        "warnings": list(article["warnings"] or []),
    }


__all__ = ["Row", "article_row", "actor_rows", "event_rows", "quote_rows", "date_rows",
           "place_rows", "article_dict", "date_span", "parse_published"]
