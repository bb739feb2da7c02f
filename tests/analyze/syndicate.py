"""Generated wire stories and their syndicated copies, to measure thread merging.

Each story is one real-world event told in one lead sentence; each copy is the story as
another outlet ran it: its own URL, headline and publication day (the same or the next), the
lead lightly edited (a dateline, an attribution, a reworded clause) and a different second
paragraph. Some stories are *near misses*: the same two countries and the same kind of act
on the same day, but another event, so merging by dyad and date alone would be wrong.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

#: (name, ISO3) of states the stories are about.
STATES = [("Portugal", "PRT"), ("Denmark", "DNK"), ("Austria", "AUT"), ("Chile", "CHL"),
          ("Kenya", "KEN"), ("Vietnam", "VNM"), ("Canada", "CAN"), ("Morocco", "MAR"),
          ("Finland", "FIN"), ("Peru", "PER"), ("Ghana", "GHA"), ("Norway", "NOR")]

#: (category, lead clause with {a} and {b}) pairs; two per category so near misses exist.
DEEDS = [
    ("ACCUSE", "{a} accused {b} of smuggling weapons across the northern frontier"),
    ("ACCUSE", "{a} accused {b} of jailing opposition journalists without trial"),
    ("AID", "{a} sent emergency medical supplies to {b} after the earthquake"),
    ("AID", "{a} delivered food aid to {b} to ease the grain shortage"),
    ("SANCTION", "{a} expelled two diplomats of {b} over an espionage scandal"),
    ("SANCTION", "{a} imposed tariffs on steel imports from {b} in a trade dispute"),
    ("THREATEN", "{a} threatened {b} with sanctions over the fishing quotas"),
    ("THREATEN", "{a} warned {b} it would close the border crossings to lorries"),
    ("CONSULT", "{a} hosted the prime minister of {b} for talks on energy"),
    ("CONSULT", "{a} met the finance minister of {b} to discuss debt relief"),
]

#: How each outlet edits the lead: a prefix and a suffix around the clause.
EDITS = [("", ", the foreign ministry said on {day}."),
         ("{city} - ", " on {day}, according to the foreign ministry."),
         ("", " on {day}, officials said."),
         ("On {day}, ", ", the ministry said in a statement."),
         ("", " on {day}, a government spokesman said.")]
OUTLETS = ["Harbor Wire", "Daily Ledger", "Evening Courier", "Metro Post", "Valley Times"]
#: Second paragraphs without any event of their own, so every event of a copy is the story's.
SECOND = ["Markets in the region were calm.", "The talks are expected to resume next month.",
          "Heavy rain fell across the capital.", "Shares of shipping firms rose slightly.",
          "More details were expected later in the week."]


@dataclass(frozen=True)
class Story:
    """One real-world event: who did what to whom, and on which day."""

    number: int
    a: tuple[str, str]
    b: tuple[str, str]
    category: str
    clause: str
    day: date


def stories(n: int, start: date = date(2021, 3, 1)) -> list[Story]:
    """``n`` distinct stories; every fourth one is a near miss of the story before it."""
    out: list[Story] = []
    for i in range(n):
        if i % 4 == 3:  # near miss: same dyad, category and day as story i-1, other deed
            prev = out[-1]
            pair = [d for d in DEEDS if d[0] == prev.category and d[1] != prev.clause][0]
            out.append(Story(i, prev.a, prev.b, prev.category, pair[1], prev.day))
            continue
        a = STATES[i % len(STATES)]
        b = STATES[(i * 5 + 7) % len(STATES)]
        if a == b:
            b = STATES[(i + 1) % len(STATES)]
        category, clause = DEEDS[(i * 3) % len(DEEDS)]  # 3 and 10 are coprime
        out.append(Story(i, a, b, category, clause, start + timedelta(days=3 * i)))
    return out


def copies(story: Story, k: int, lag: bool = True) -> list[dict[str, str]]:
    """``k`` syndicated articles of ``story`` (JSON Lines records for ``eventwire code``);
    with ``lag`` every other copy is published the day after the event."""
    out = []
    day_name = story.day.strftime("%B %-d")
    clause = story.clause.format(a=story.a[0], b=story.b[0])
    for j in range(k):
        prefix, suffix = EDITS[j % len(EDITS)]
        lead = (prefix.format(day=day_name, city=story.a[0].upper()) +
                (clause[0].upper() + clause[1:] if not prefix or prefix.endswith(" - ")
                 else clause) +
                suffix.format(day=day_name))
        published = story.day + timedelta(days=j % 2 if lag else 0)
        out.append({
            "id": f"story{story.number:03d}-copy{j}",
            "url": f"https://{OUTLETS[j % len(OUTLETS)].lower().replace(' ', '')}.example/"
                   f"s{story.number}-{j}",
            "source": OUTLETS[j % len(OUTLETS)],
            "title": f"{story.a[0]} and {story.b[0]}: {story.category.lower()} ({j})",
            "published": published.isoformat(),
            "text": lead + "\n\n" + SECOND[(story.number + j) % len(SECOND)],
        })
    return out


def corpus(n: int, k: int, lag: bool = True) -> tuple[list[Story], list[dict[str, str]]]:
    """``n`` stories and ``k`` copies of each, interleaved as a feed would bring them."""
    told = stories(n)
    articles = [c for s in told for c in copies(s, k, lag)]
    articles.sort(key=lambda r: (r["published"], r["id"][-1], r["id"]))
    return told, articles


def measure(pipeline: Any, store: Any, n: int, k: int, lag: bool = True) -> dict[str, int]:
    """Code ``n`` stories x ``k`` copies through the real pipeline into ``store`` (which
    threads them as it saves them), and count: stories, articles, event mentions, threads, threads holding two stories
    (wrongly merged) and stories split over two threads or more."""
    from eventwire.model import ArticleMeta, Document

    told, articles = corpus(n, k, lag)
    story_of: dict[str, int] = {}
    for record in articles:
        meta = ArticleMeta(id=record["id"], url=record["url"], source=record["source"],
                           title=record["title"], published=record["published"])
        coded = pipeline.code(Document(meta=meta, text=record["text"], origin=record["id"]))
        store.save(coded)
        story_of[record["id"]] = int(record["id"][5:8])
    rows = store.query("SELECT article_id, thread_id FROM event_details")
    stories_of_thread: dict[int, set[int]] = {}
    threads_of_story: dict[int, set[int]] = {}
    for r in rows:
        st = story_of[r["article_id"]]
        stories_of_thread.setdefault(r["thread_id"], set()).add(st)
        threads_of_story.setdefault(st, set()).add(r["thread_id"])
    return {"stories": len(told), "articles": len(articles), "mentions": len(rows),
            "threads": len(stories_of_thread),
            "merged_wrongly": sum(len(s) > 1 for s in stories_of_thread.values()),
            "split": sum(len(t) > 1 for t in threads_of_story.values())}
