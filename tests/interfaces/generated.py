"""Short generated news articles as JSON Lines, for runs that must be long enough to kill.

The generator itself is ``eventwire.ingest.generate``; this keeps the tests' short names.
"""
from __future__ import annotations

from pathlib import Path

from eventwire.ingest.generate import short_article as article
from eventwire.ingest.generate import write_jsonl as _write_jsonl


def write_jsonl(path: Path, n: int) -> Path:
    """``n`` short articles (ids gen-0000 ...) in ``path``."""
    return _write_jsonl(path, (article(i) for i in range(n)))


__all__ = ["article", "write_jsonl"]
