"""Hand-built coded articles, so store and analyze tests don't wait on the extractors."""
from __future__ import annotations

from eventwire.model import (
    Actor, ActorRef, ArticleMeta, CodedArticle, DateRef, Event, EventDate, Evidence, Location,
    Place, Quote, Removed,
)

RUSSIA = ActorRef(actor="a1", name="Russia", country="RUS", sector="GOV")
SHOIGU = ActorRef(actor="a2", name="Sergei Shoigu", country="RUS", sector="MIL")
NATO = ActorRef(actor="a3", name="NATO", org="NATO", sector="MIL")
BELARUS = ActorRef(actor="a4", name="Belarus", country="BLR", sector="GOV")


def event(id: str = "e1", category: str = "ACCUSE", source: tuple[ActorRef, ...] = (RUSSIA,),
          target: tuple[ActorRef, ...] = (NATO,), score: float = -3.0, quad: int = 3,
          status: str = "asserted", date: str | None = "2020-11-24",
          precision: str = "day") -> Event:
    """A coded event; ``date=None`` means the text gave no date."""
    return Event(
        id=id, category=category, cameo="112", score=score, quad=quad, status=status,
        source=source, target=target,
        evidence=Evidence(sentence=f"{id}: Russia accused NATO.", start=0, end=20,
                          trigger="accused"),
        date=EventDate(value=date, precision=precision, text="Tuesday") if date else None,
    )


def article(id: str = "ew-0001", *, events: tuple[Event, ...] = (), title: str = "Build-up",
            text: str = "Russia accused NATO of a build-up.", published: str | None = "2020-11-24",
            **extra: object) -> CodedArticle:
    """A minimal coded article around ``events``."""
    meta = ArticleMeta(id=id, url=f"https://www.example.com/{id}?utm_source=feed",
                       source="Example News", title=title, published=published)
    return CodedArticle(article=meta, text=text, events=events, version="0.1.0",
                        fingerprint="f" * 16, **extra)  # type: ignore[arg-type]


def full_article(id: str = "ew-full") -> CodedArticle:
    """An article using every field of the contract, for round trips."""
    text = ('Defense Minister Sergei Shoigu said on Tuesday that NATO was "building up forces" '
            "near Kaliningrad. Belarus agreed to hold talks in October 2020.")
    meta = ArticleMeta(id=id, url="https://www.Newsweek.com/russia-1542657?utm_source=tw#top",
                       source="Newsweek", title="Russia, Allies Building Forces on Border",
                       published="2020-11-24", language="en", file="articles/seed.txt")
    actors = (
        Actor(id="a2", name="Sergei Shoigu", kind="person", country="RUS", sector="MIL",
              role="Defense Minister", mentions=((17, 30), (200, 202)), raw="Sergei Shoigu",
              kb_id="Q315728"),
        Actor(id="a3", name="NATO", kind="igo", org="NATO", sector="MIL", mentions=((52, 56),)),
        Actor(id="a4", name="Belarus", kind="state", country="BLR", mentions=((103, 110),)),
    )
    accuse = Event(
        id="e1", category="ACCUSE", cameo="112", score=-3.5, quad=3, status="claimed",
        source=(SHOIGU,), target=(NATO,), mode="verbal", context=("military", "border"),
        evidence=Evidence(sentence=text[:101], start=0, end=101, trigger="said",
                          url=meta.url),
        date=EventDate(value="2020-11-24", precision="day", text="Tuesday"),
        location=Location(name="Kaliningrad", country="RUS", lat=54.71, lon=20.51,
                          geonameid=554234, precision="city"),
        confidence=0.82,
        also=(Evidence(sentence="Shoigu repeated it.", start=300, end=319),),
    )
    agree = Event(
        id="e2", category="AGREE", cameo="036", score=4.0, quad=1, status="future",
        source=(BELARUS,), target=(), evidence=Evidence(sentence=text[102:], start=102,
                                                         end=len(text)),
        date=EventDate(value="2020-10", precision="month", text="October 2020"),
    )
    return CodedArticle(
        article=meta, text=text, captions=("Photo: Reuters",),
        removed=(Removed("promo", "Subscribe now"), Removed("tags", "Russia; NATO")),
        actors=actors, events=(accuse, agree),
        quotes=(Quote(text="building up forces", start=61, end=79, kind="partial", cue="said",
                      speaker=SHOIGU, speaker_text="Sergei Shoigu"),
                Quote(text="talks", start=130, end=135, kind="indirect", cue=None,
                      speaker=None)),
        dates=(DateRef(text="Tuesday", start=39, end=46, value="2020-11-24", precision="day"),
               DateRef(text="October 2020", start=132, end=144, value="2020-10",
                       precision="month")),
        places=(Place(text="Kaliningrad", start=87, end=98, name="Kaliningrad", country="RUS",
                      lat=54.71, lon=20.51, geonameid=554234, precision="city"),),
        version="0.1.0", fingerprint="abcdef0123456789",
        warnings=("articles/seed.txt: re-decoded as cp1252",),
    )
