"""eventwire: news articles in, a sourced record of political events out.

    >>> from eventwire import Pipeline
    >>> coded = Pipeline().code_text("Russia accused NATO of a build-up.", published="2020-11-24")
    >>> coded.events[0].category
    'ACCUSE'
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

__version__ = "0.1.0"

from .model import (  # noqa: E402
    Actor, ActorRef, ArticleMeta, CodedArticle, DateRef, Document, Event, Failure, Place, Quote,
)
from .pipeline import Pipeline  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())


def open(db: str = "eventwire.duckdb", read_only: bool = True) -> "EventStore":  # noqa: A001
    """Open a store for analysis: events, series, alerts, articles, threads as DataFrames.

    ``eventwire.open`` rather than an import from ``eventwire.analyze`` because it is the
    front door for analysts; see ``eventwire.analyze.api`` for what the object answers.
    """
    from .analyze.api import open_store
    return open_store(db, read_only=read_only)


if TYPE_CHECKING:  # pragma: no cover
    from .analyze.api import EventStore

__all__ = [
    "__version__", "Pipeline", "Actor", "ActorRef", "ArticleMeta", "CodedArticle", "DateRef",
    "Document", "Event", "Failure", "Place", "Quote",
]
