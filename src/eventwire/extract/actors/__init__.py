"""Actors: who is named in an article, resolved to a country/organisation + sector.

One pass of the knowledge base over the text finds every known name, title, demonym and
institution (:meth:`KnowledgeBase.scan`); spaCy adds the people it tags that the knowledge base
does not know. Adjacent pieces are composed into noun phrases ("Russian Defense Minister Sergei
Shoigu", "Moscow's military", "Pakistan's Foreign Ministry"), and later references are resolved
in-article: surnames, pronouns, "the official", "the alliance", "the two countries", "the
ministry" (the institution named last with that head noun), and members of a group ("MDC
supporters", "party members", "government troops") as mentions of that group.

The public surface the rest of the package relies on is ``ActorIndex`` and
``extract_actors(doc, kb, published) -> ActorIndex``.
"""
from __future__ import annotations

from ..knowledge import KnowledgeBase
from .extractor import extract_actors, load_knowledge
from .index import ActorIndex

__all__ = ["ActorIndex", "extract_actors", "load_knowledge", "KnowledgeBase"]
