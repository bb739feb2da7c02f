"""Event threads: the mentions of one real-world event in several articles, merged.

Why: a story syndicated to twenty outlets is one event, not twenty; counting mentions would
let wire copies swamp every series and ranking. Two mentions join one thread when they come
from different articles and share

- the category and the same source and target actor keys (the *block*: only mentions in one
  block are ever compared, which is what keeps this linear in practice, so no MinHash index
  is needed);
- dates at most ``window_days`` apart (the first day each date covers), and a thread never
  spans more than ``window_days`` from its first mention to its last: without that bound,
  single linkage would chain a daily routine statement into one endless thread;
- similar evidence: the Jaccard similarity of their word sets reaches ``min_similarity``;
- compatible places (either has none, or both name the same place or country), unless the
  evidence is near verbatim (``STRONG_SIMILARITY``): the place is read from the sentence
  and its context, and two copies of one wire sentence can come out with different places
  (a dateline read as the place in one of them), while the sentence itself is the stronger
  witness.

Threads are transitive (single linkage through union-find) and stored in the
``event_threads`` table as event gid -> thread id, the gid of the thread's earliest mention.
Every save threads the articles it stores in its own transaction (store/derived.py calls
``link_new``): their events are compared with the threaded mentions of their blocks, and the
other members of a thread a re-saved article belonged to are threaded again. So ``eventwire
code``, ``serve --watch`` and ``Store.save`` leave threads current. ``update_threads`` threads
what no save did (tables filled in bulk, events stored before schema 4; until then an event
counts as a thread of its own everywhere) or everything again (``rebuild``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from ..store import summary
from ..store.summary import SPAN_DAYS

if TYPE_CHECKING:
    from ..store import Store

#: Words too common in news sentences to tell two events apart.
_STOP = frozenset("""a an and are as at be been by for from has have he her his in is it its
of on or said says that the their they this to was were which who will with would after
also over than not but into about more been""".split())
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: Evidence this similar overrides a disagreement of places (see the module docstring).
STRONG_SIMILARITY = 0.8

#: The block of event ``e``, computed in SQL: category and both sides' sorted keys.
_BLOCK_SQL = ("e.category || '|' || array_to_string(list_sort(e.source_keys), ',') || '>' || "
              "array_to_string(list_sort(e.target_keys), ',')")

_MENTION_COLUMNS = ("e.gid, e.article_id, e.date_start, e.location_name, e.location_country, "
                    f"e.sentence, {_BLOCK_SQL} AS block")


@dataclass(frozen=True, slots=True)
class ThreadUpdate:
    """What one ``update_threads`` call did."""

    threaded: int  # events given a thread row in this call (new and re-threaded)
    stale: int  # rows dropped because their event is gone or its article was saved again
    threads: int  # distinct threads in the store afterwards
    events: int  # events in the store


def tokens(sentence: str | None) -> frozenset[str]:
    """The content words of an evidence sentence, lower-cased."""
    words = _WORD.findall((sentence or "").lower())
    return frozenset(w for w in words if w not in _STOP and len(w) > 1)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a & b| / |a | b|; 0 for two empty sets (no evidence is no proof of sameness)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _places_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if not a["location_name"] or not b["location_name"]:
        return True
    if a["location_name"].lower() == b["location_name"].lower():
        return True  # the same place named alike
    # a city and its country, or two towns of one country: close enough for one event
    return bool(a["location_country"]) and a["location_country"] == b["location_country"]


class _UnionFind:
    """Disjoint sets of gids, each knowing the first and last day of its members."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.span: dict[int, tuple[date, date]] = {}

    def add(self, x: int, day: date | None) -> None:
        self.parent.setdefault(x, x)
        if day is not None:
            self.span.setdefault(x, (day, day))

    def merged_span(self, a: int, b: int) -> int:
        """Days from the first to the last mention of the union of a's and b's sets."""
        sa, sb = self.span.get(self.find(a)), self.span.get(self.find(b))
        if sa is None or sb is None:
            return 0
        return (max(sa[1], sb[1]) - min(sa[0], sb[0])).days

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            root, child = min(ra, rb), max(ra, rb)
            self.parent[child] = root
            sr, sc = self.span.get(root), self.span.get(child)
            if sr and sc:
                self.span[root] = (min(sr[0], sc[0]), max(sr[1], sc[1]))


def link_mentions(mentions: Iterable[dict[str, Any]], *, window_days: int = 2,
                  min_similarity: float = 0.5) -> list[list[int]]:
    """Group mentions (dicts with ``gid``, ``article_id``, ``date_start``, ``location_*``,
    ``sentence``, ``block``) into threads; returns the gids of each thread.

    Pure, so the rule can be tested without a store. Within a block, mentions are sorted by
    date and each is compared only with those at most ``window_days`` before it.
    """
    blocks: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        blocks.setdefault(m["block"], []).append(m)
    uf = _UnionFind()
    window = timedelta(days=window_days)
    for members in blocks.values():
        members.sort(key=lambda m: (m["date_start"] or date.min, m["gid"]))
        words = [tokens(m["sentence"]) for m in members]
        for i, m in enumerate(members):
            uf.add(m["gid"], m["date_start"])
            day = m["date_start"]
            for j in range(i - 1, -1, -1):
                other = members[j]
                if day is not None and other["date_start"] is not None \
                        and day - other["date_start"] > window:
                    break
                if (day is None) != (other["date_start"] is None):
                    continue
                if other["article_id"] == m["article_id"]:
                    continue
                similarity = jaccard(words[i], words[j])
                if similarity >= min_similarity and (similarity >= STRONG_SIMILARITY
                                                     or _places_agree(m, other)) \
                        and uf.merged_span(m["gid"], other["gid"]) <= window_days:
                    uf.union(m["gid"], other["gid"])
    groups: dict[int, list[int]] = {}
    for g in uf.parent:
        groups.setdefault(uf.find(g), []).append(g)
    return list(groups.values())


def _stale_sql() -> str:
    return ("SELECT t.event_gid FROM event_threads t "
            "LEFT JOIN events e ON e.gid = t.event_gid "
            "LEFT JOIN articles a ON a.id = e.article_id "
            "WHERE e.gid IS NULL OR a.coded_at > t.threaded_at")


def update_threads(store: "Store", *, window_days: int = 2, min_similarity: float = 0.5,
                   rebuild: bool = False) -> ThreadUpdate:
    """Thread the store's unthreaded events (all of them with ``rebuild``); see the module.

    Saving already threads every article it stores (store/derived.py), so this is for stores
    filled otherwise (bulk loads, older versions) and for re-threading with other settings.
    When threads changed, the dyad summary is recomputed in the same transaction.
    """
    if not 0 <= window_days <= SPAN_DAYS or not 0 < min_similarity <= 1:
        raise ValueError(f"window_days must be in 0..{SPAN_DAYS} (the dyad summary counts on "
                         "threads spanning at most that) and min_similarity in (0, 1]")
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    with store.transaction() as run:
        if rebuild:
            stale = run("SELECT count(*) AS n FROM event_threads")[0]["n"]
            run("DELETE FROM event_threads")
        else:
            # a stale row takes its whole thread with it: the others are compared again
            gone = [r["event_gid"] for r in run(_stale_sql())]
            stale = len(gone)
            if gone:
                run("DELETE FROM event_threads WHERE thread_id IN (SELECT thread_id FROM "
                    "event_threads WHERE event_gid IN (SELECT unnest(?::BIGINT[])))", [gone])
        threaded = len(link_new(run, now, window_days=window_days,
                                min_similarity=min_similarity))
        if threaded or stale:
            summary.rebuild(run)
        counts = run("SELECT (SELECT count(*) FROM events) AS events, "
                     "(SELECT count(DISTINCT coalesce(t.thread_id, e.gid)) FROM events e "
                     "LEFT JOIN event_threads t ON t.event_gid = e.gid) AS threads")[0]
    return ThreadUpdate(threaded=threaded, stale=int(stale), threads=int(counts["threads"]),
                        events=int(counts["events"]))


def link_new(run: Any, now: datetime, *, articles: Sequence[str] | None = None,
             gids: Sequence[int] = (), window_days: int = 2, min_similarity: float = 0.5,
             rewriting: Callable[[list[int]], None] | None = None) -> list[tuple[int, int]]:
    """Thread the events without a thread row (all of them, or only those of ``articles``
    and ``gids``) inside the caller's transaction; returns the (event gid, thread id) rows
    written, which include the members of older threads a new mention joined.
    ``rewriting`` is told those older threads' ids just before their rows change.
    """
    unthreaded = ("NOT EXISTS (SELECT 1 FROM event_threads t WHERE t.event_gid = e.gid)")
    if articles is None:
        new = run(f"SELECT {_MENTION_COLUMNS} FROM events e WHERE {unthreaded}")
    else:  # the article index first, then the few gids
        new = [*run(f"SELECT {_MENTION_COLUMNS} FROM events e WHERE e.article_id IN "
                    f"(SELECT unnest(?::VARCHAR[])) AND {unthreaded}", [list(articles)]),
               *(run(f"SELECT {_MENTION_COLUMNS} FROM events e WHERE e.gid IN "
                     f"(SELECT unnest(?::BIGINT[])) AND {unthreaded} AND e.article_id NOT IN "
                     "(SELECT unnest(?::VARCHAR[]))", [list(gids), list(articles)])
                 if gids else [])]
    if not new:
        return []
    # threaded mentions that a new one may join: same block, dates within reach. The join
    # is on (category, day) first, so a block string is built only for those rows
    near = sorted({(m["block"], m["block"].split("|", 1)[0], m["date_start"] + timedelta(days=k))
                   for m in new if m["block"] and m["date_start"] is not None
                   for k in range(-window_days, window_days + 1)})
    hits = run(
        "WITH n AS (SELECT DISTINCT unnest(?::VARCHAR[]) AS block, unnest(?::DATE[]) AS day), "
        "dc AS (SELECT DISTINCT split_part(block, '|', 1) AS category, day FROM n), "
        # each event of those (category, day) pairs once, and in a date range DuckDB's zone
        # maps can skip row groups by (when the store is in date order); then the blocks
        "c AS MATERIALIZED (SELECT e.gid, e.date_start, e.category, e.source_keys, "
        "e.target_keys FROM events e WHERE e.date_start BETWEEN ? AND ? AND EXISTS "
        "(SELECT 1 FROM dc WHERE dc.day = e.date_start AND dc.category = e.category)) "
        "SELECT DISTINCT e.gid FROM c e WHERE EXISTS (SELECT 1 FROM n WHERE "
        f"n.day = e.date_start AND n.block = {_BLOCK_SQL})",
        [[b for b, _, _ in near], [d for _, _, d in near],
         min(d for _, _, d in near), max(d for _, _, d in near)]) if near else []
    old = run(f"SELECT {_MENTION_COLUMNS}, t.thread_id FROM event_threads t "
              "JOIN events e ON e.gid = t.event_gid "
              "WHERE t.event_gid IN (SELECT unnest(?::BIGINT[]))",
              [[h["gid"] for h in hits]]) if hits else []
    undated = sorted({m["block"] for m in new if m["block"] and m["date_start"] is None})
    if undated:
        old += run(f"SELECT DISTINCT {_MENTION_COLUMNS}, t.thread_id FROM events e "
                   "JOIN event_threads t ON t.event_gid = e.gid WHERE e.date_start IS NULL "
                   f"AND {_BLOCK_SQL} IN (SELECT unnest(?::VARCHAR[]))", [undated])
    thread_of = {r["gid"]: r["thread_id"] for r in old}
    groups = link_mentions([*new, *old], window_days=window_days,
                           min_similarity=min_similarity)
    rows = _thread_rows(run, groups, thread_of, [*new, *old])
    if rewriting is not None:
        rewritten = sorted({thread_of[g] for g, _ in rows if g in thread_of})
        if rewritten:
            rewriting(rewritten)
    for i in range(0, len(rows), 500):
        chunk = rows[i:i + 500]
        run("INSERT OR REPLACE INTO event_threads (event_gid, thread_id, threaded_at) "
            "SELECT unnest(?::BIGINT[]), unnest(?::BIGINT[]), ?",
            [[r[0] for r in chunk], [r[1] for r in chunk], now])
    return rows


def _thread_rows(run: Any, groups: list[list[int]], thread_of: dict[int, int],
                 mentions: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(event gid, thread id) for every member of every group that holds a new mention.

    A group may join existing threads: all their members are rewritten under one id, the
    gid of the earliest mention among them, so a thread id never depends on arrival order.
    """
    when = {m["gid"]: (m["date_start"] or date.max, m["gid"]) for m in mentions}
    out: list[tuple[int, int]] = []
    joined = sorted({thread_of[g] for grp in groups for g in grp if g in thread_of})
    members: dict[int, list[dict[str, Any]]] = {}
    if joined:
        for r in run("SELECT t.event_gid, t.thread_id, e.date_start FROM event_threads t "
                     "JOIN events e ON e.gid = t.event_gid "
                     "WHERE t.thread_id IN (SELECT unnest(?::BIGINT[]))", [joined]):
            members.setdefault(r["thread_id"], []).append(r)
            when.setdefault(r["event_gid"], (r["date_start"] or date.max, r["event_gid"]))
    for grp in groups:
        if all(g in thread_of for g in grp):
            continue  # nothing new in it: its rows are already right
        gids = set(grp)
        for tid in {thread_of[g] for g in grp if g in thread_of}:
            gids.update(r["event_gid"] for r in members.get(tid, ()))
        head = min(gids, key=lambda g: when[g])
        out.extend((g, head) for g in sorted(gids))
    return out


__all__ = ["update_threads", "link_new", "link_mentions", "tokens", "jaccard", "ThreadUpdate"]
