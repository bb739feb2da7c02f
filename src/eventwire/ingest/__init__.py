"""Ingest: turn paths (text, HTML, JSON Lines, RSS/Atom, WARC) into Documents.

STUB: plain text files with optional header lines only. Public surface:
``read_inputs(paths, published=None, url=None) -> Iterator[Document | Failure]``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from ..model import ArticleMeta, Document, Failure


def read_inputs(paths: Iterable[str], published: str | None = None,
                url: str | None = None) -> Iterator[Document | Failure]:
    for p in paths:
        try:
            raw = Path(p).read_text(encoding="utf-8")
        except OSError as exc:
            yield Failure(str(p), str(exc))
            continue
        meta = {}
        lines = raw.splitlines()
        i = 0
        while i < len(lines) and ":" in lines[i] and lines[i].split(":", 1)[0] in ("URL", "Published", "Source", "Title"):
            k, v = lines[i].split(":", 1)
            meta[k.lower()] = v.strip()
            i += 1
        yield Document(ArticleMeta(id="", url=url or meta.get("url"), source=meta.get("source"),
                                   title=meta.get("title"),
                                   published=published or meta.get("published"), file=str(p)),
                       text="\n".join(lines[i:]).strip(), origin=str(p))
