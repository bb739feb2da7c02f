"""Generated coded articles for the HTTP tests and the load benchmark.

Why generated and not coded by the Pipeline: a million events would take hours to parse on
this machine, and the server's job (filter, page, aggregate, render) does not depend on how
the events were read. Every event still goes through the real Store, with evidence offsets
that point at its sentence in the article text, like the Pipeline's.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Iterator

from eventwire.model import (
    ActorRef, ArticleMeta, CodedArticle, Event, EventDate, Evidence, Location,
)

#: (key, name, country, org, sector)
ACTORS = [
    ("RUS", "Russia", "RUS", None, "GOV"), ("NATO", "NATO", None, "NATO", "MIL"),
    ("USA", "the United States", "USA", None, "GOV"), ("UKR", "Ukraine", "UKR", None, "GOV"),
    ("CHN", "China", "CHN", None, "GOV"), ("BLR", "Belarus", "BLR", None, "GOV"),
    ("IRN", "Iran", "IRN", None, "GOV"), ("ISR", "Israel", "ISR", None, "GOV"),
    ("FRA", "France", "FRA", None, "GOV"), ("DEU", "Germany", "DEU", None, "GOV"),
    ("TUR", "Turkey", "TUR", None, "GOV"), ("IND", "India", "IND", None, "GOV"),
    ("PAK", "Pakistan", "PAK", None, "GOV"), ("JPN", "Japan", "JPN", None, "GOV"),
    ("PRK", "North Korea", "PRK", None, "GOV"), ("EU", "the European Union", None, "EU", None),
]
#: category -> (quad, score, CAMEO, the verb phrase the sentence uses)
CATEGORIES = {
    "ACCUSE": (3, -3.0, "112", "accused"), "THREATEN": (3, -5.0, "130", "threatened"),
    "MOBILIZE": (4, -6.0, "150", "massed troops against"), "ASSAULT": (4, -9.0, "190",
                                                                       "shelled positions of"),
    "AGREE": (1, 4.0, "030", "reached an agreement with"), "CONSULT": (1, 2.0, "040",
                                                                      "held talks with"),
    "AID": (2, 6.0, "070", "sent aid to"), "COOPERATE": (2, 5.0, "060", "signed a pact with"),
    "DEMAND": (3, -2.0, "100", "made demands of"), "REJECT": (3, -4.0, "120", "rebuffed"),
}
#: (name, ISO3, lat, lon)
PLACES = [
    ("Moscow", "RUS", 55.75, 37.62), ("Brussels", "BEL", 50.85, 4.35),
    ("Washington", "USA", 38.90, -77.04), ("Kyiv", "UKR", 50.45, 30.52),
    ("Beijing", "CHN", 39.90, 116.40), ("Minsk", "BLR", 53.90, 27.57),
    ("Tehran", "IRN", 35.69, 51.39), ("Jerusalem", "ISR", 31.77, 35.21),
    ("Paris", "FRA", 48.86, 2.35), ("Berlin", "DEU", 52.52, 13.40),
    ("Ankara", "TUR", 39.93, 32.86), ("New Delhi", "IND", 28.61, 77.21),
    ("Islamabad", "PAK", 33.68, 73.05), ("Tokyo", "JPN", 35.68, 139.69),
    ("Pyongyang", "PRK", 39.02, 125.75), ("Kaliningrad", "RUS", 54.71, 20.51),
]
STATUSES = ["asserted"] * 17 + ["claimed", "claimed", "negated"]
FIRST_DAY = date(2019, 1, 1)
DAYS = 6 * 365


def _ref(i: int) -> ActorRef:
    key, name, country, org, sector = ACTORS[i]
    return ActorRef(actor=f"a{i}", name=name, country=country, org=org, sector=sector)


def article(n: int, events: int = 5, seed: int = 7) -> CodedArticle:
    """Generated article ``n`` with ``events`` events, always the same for the same inputs."""
    rng = random.Random(seed * 1_000_003 + n)
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    sentences: list[str] = []
    coded: list[Event] = []
    offset = 0
    for k in range(events):
        a = rng.randrange(len(ACTORS))
        b = rng.randrange(len(ACTORS) - 1)
        b = b + 1 if b >= a else b
        category = rng.choice(list(CATEGORIES))
        quad, score, cameo, verb = CATEGORIES[category]
        place = rng.choice(PLACES)
        day = published - timedelta(days=rng.randrange(3))
        sentence = (f"{ACTORS[a][1][0].upper()}{ACTORS[a][1][1:]} {verb} {ACTORS[b][1]} "
                    f"in {place[0]} on {day:%d %B %Y}, item {n}-{k}.")
        coded.append(Event(
            id=f"e{k + 1}", category=category, cameo=cameo, score=score, quad=quad,
            status=rng.choice(STATUSES), source=(_ref(a),), target=(_ref(b),),
            evidence=Evidence(sentence=sentence, start=offset, end=offset + len(sentence),
                              trigger=verb.split()[0]),
            date=EventDate(value=day.isoformat(), precision="day"),
            location=Location(name=place[0], country=place[1], lat=place[2], lon=place[3],
                              precision="city"),
            confidence=round(0.5 + rng.random() / 2, 2)))
        sentences.append(sentence)
        offset += len(sentence) + 1
    meta = ArticleMeta(id=f"gen-{seed}-{n:07d}", url=f"https://news.example.org/{seed}/{n}",
                       source="Example Wire", title=f"Generated story {n}",
                       published=published.isoformat())
    return CodedArticle(article=meta, text=" ".join(sentences), events=tuple(coded),
                        version="synthetic", fingerprint="synthetic")


def articles(count: int, events: int = 5, seed: int = 7) -> Iterator[CodedArticle]:
    for n in range(count):
        yield article(n, events, seed)


def hostile_article() -> CodedArticle:
    """An article whose every text field carries HTML/script payloads: the page must show them
    as text. The event's evidence is the sentence holding the payloads."""
    payload = '<script>alert("xss-script")</script><img src=x onerror="alert(\'xss-img\')">'
    text = (f"Officials in Moscow spoke. Russia accused NATO {payload} of a build-up near "
            "the border. Nothing else happened.")
    start = text.index("Russia accused")
    end = text.index("border.") + len("border.")
    russia, nato = _ref(0), _ref(1)
    event = Event(id="e1", category="ACCUSE", cameo="112", score=-3.0, quad=3,
                  status="asserted", source=(russia,), target=(nato,),
                  evidence=Evidence(sentence=text[start:end], start=start, end=end,
                                    trigger="accused"),
                  date=EventDate(value="2020-06-10", precision="day"),
                  location=Location(name=f"Moscow {payload}", country="RUS", lat=55.75,
                                    lon=37.62, precision="city"))
    meta = ArticleMeta(id="ew-hostile", url="javascript:alert('xss-url')", source=payload,
                       title=f"Hostile {payload}", published="2020-06-10")
    return CodedArticle(article=meta, text=text, events=(event,), version="synthetic",
                        fingerprint="synthetic")


__all__ = ["ACTORS", "CATEGORIES", "PLACES", "article", "articles", "hostile_article"]


def bulk_save(path: str, items: Iterator[CodedArticle], chunk: int = 2000) -> int:
    """Store generated articles fast: the Store's own row builders, one transaction per
    ``chunk`` articles instead of one per article (a million events in minutes, not hours).

    The file must already be an eventwire store (open and close a ``Store`` on it first).
    Returns the events written.
    """
    import duckdb
    import pandas as pd

    from eventwire.store import rows
    from eventwire.store.core import _url_norm, _utcnow
    from eventwire.store.schema import ARTICLES, COLUMNS, EVENTS, PLACES

    builders = {EVENTS: rows.event_rows, PLACES: rows.place_rows}
    written = 0
    con = duckdb.connect(path)
    try:
        batch: list[CodedArticle] = []

        def flush() -> None:
            frames = {ARTICLES: [rows.article_row(c, _url_norm(c.article.url), _utcnow())
                                 for c in batch]}
            for table, build in builders.items():
                frames[table] = [r for c in batch for r in build(c)]
            con.execute("BEGIN TRANSACTION")
            for table, values in frames.items():
                if not values:
                    continue
                names = [c for c, _ in COLUMNS[table]]
                frame = pd.DataFrame.from_records(values, columns=names)  # noqa: F841
                cols = ", ".join(f'"{n}"' for n in names)
                casts = ", ".join(f'CAST(frame."{n}" AS {t.split(" ")[0]})'
                                  for n, t in COLUMNS[table])
                con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {casts} FROM frame')
            con.execute("COMMIT")

        for item in items:
            batch.append(item)
            written += len(item.events)
            if len(batch) >= chunk:
                flush()
                batch = []
        if batch:
            flush()
    finally:
        con.close()
    return written
