"""eventwire: news articles in, a sourced record of political events out.

    >>> from eventwire import Pipeline
    >>> coded = Pipeline().code_text("Russia accused NATO of a build-up.", published="2020-11-24")
    >>> coded.events[0].category
    'ACCUSE'
"""
from __future__ import annotations

import logging

__version__ = "0.1.0"

from .model import (  # noqa: E402
    Actor, ActorRef, ArticleMeta, CodedArticle, DateRef, Document, Event, Failure, Place, Quote,
)
from .pipeline import Pipeline  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "__version__", "Pipeline", "Actor", "ActorRef", "ArticleMeta", "CodedArticle", "DateRef",
    "Document", "Event", "Failure", "Place", "Quote",
]
