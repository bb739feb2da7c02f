"""The actor knowledge base: countries, organisations, titles and people, loaded once.

Everything lives in YAML under ``eventwire/data/actors`` (read via importlib.resources) and is
validated on load: a bad row raises :class:`~eventwire.errors.KnowledgeError` naming the file
and line. Names are indexed as token tuples so that one left-to-right pass over an article
(:meth:`KnowledgeBase.scan`) finds every known name at the cost of a few dict look-ups per
token, instead of one regex per alias.
"""
from __future__ import annotations

from .base import KnowledgeBase
from .records import (Body, Country, Entry, Lexicon, Match, OrgHead, Organization, Period,
                      Person, PluralRef, Resolved, Role, Title)
from .text import (EXTRA_ISO3, FILES, PRIORITY, SECTORS, _fold, _key, as_date, parse_date,
                   plural, tokenize)

__all__ = ["KnowledgeBase", "Country", "Organization", "Title", "Body", "Person", "Role",
           "Lexicon", "OrgHead", "PluralRef",
           "Resolved", "Entry", "Match", "tokenize", "parse_date", "as_date", "plural", "SECTORS"]
