"""What a store holds, in counts: the answer to "did last night's run work?".

Errors are grouped by stage and by the kind of reason: numbers become N and parenthesised
details go, so "HTTP 404 Not Found" and "HTTP 503 ..." stay apart while a thousand
"not valid JSON (... at column 7)" rows make one line.
"""
from __future__ import annotations

from typing import Any

from .core import Store
from .schema import ARTICLE_URLS, ARTICLES, ERRORS, EVENTS, ident

#: Reason kinds listed; the rest are summed into one "other reasons" line.
TOP_REASONS = 20


def store_status(store: Store) -> dict[str, Any]:
    """Counts of articles, events, URLs, near-duplicates (URLs beyond an article's first)
    and errors, by stage and by kind of reason."""
    def one(sql: str) -> int:
        return int(store.query(sql)[0]["n"] or 0)

    kind = (f"trim(regexp_replace(regexp_replace({ident('reason')}, '\\([^)]*\\)', '', 'g'), "
            "'[0-9][0-9,.]*', 'N', 'g'))")
    by_reason = store.query(
        f"SELECT {ident('stage')} AS stage, {kind} AS reason, count(*) AS n "
        f"FROM {ident(ERRORS)} GROUP BY ALL ORDER BY n DESC, stage, reason")
    by_stage = store.query(
        f"SELECT {ident('stage')} AS stage, count(*) AS n FROM {ident(ERRORS)} "
        "GROUP BY ALL ORDER BY n DESC, stage")
    return {
        "articles": one(f"SELECT count(*) AS n FROM {ident(ARTICLES)}"),
        "events": one(f"SELECT count(*) AS n FROM {ident(EVENTS)}"),
        "urls": one(f"SELECT count(*) AS n FROM {ident(ARTICLE_URLS)}"),
        "duplicates": one(f"SELECT count(*) AS n FROM {ident(ARTICLE_URLS)} "
                          f"WHERE {ident('duplicate')}"),
        "errors": sum(r["n"] for r in by_stage),
        "errors_by_stage": {r["stage"]: r["n"] for r in by_stage},
        "errors_by_reason": [dict(r) for r in by_reason],
    }


def format_status(status: dict[str, Any], path: str) -> str:
    """The counts as aligned plain text."""
    lines = [f"{'store':<14}{path}"]
    for key in ("articles", "events", "urls", "duplicates", "errors"):
        lines.append(f"{key:<14}{status[key]}")
    if status["errors"]:
        lines.append("errors by stage:")
        lines += [f"  {stage or '?':<12}{n}" for stage, n in status["errors_by_stage"].items()]
        lines.append("errors by reason:")
        reasons = status["errors_by_reason"]
        for r in reasons[:TOP_REASONS]:
            lines.append(f"  {r['n']:>7}  {r['stage'] or '?':<10}{r['reason'][:100]}")
        rest = sum(r["n"] for r in reasons[TOP_REASONS:])
        if rest:
            lines.append(f"  {rest:>7}  {'':<10}other reasons ({len(reasons) - TOP_REASONS} "
                         "kinds)")
    return "\n".join(lines)


__all__ = ["store_status", "format_status", "TOP_REASONS"]
