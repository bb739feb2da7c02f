"""The order of the layers for one article: mentions, phrases, resolution, context,
coreference; then numbering into an :class:`ActorIndex`."""
from __future__ import annotations

from typing import Any

from ...model import Actor, Mention
from ..knowledge import KnowledgeBase
from .index import ActorIndex
from .context import _Context
from .names import _Names
from .offices import _Offices
from .orgnames import _OrgNames
from .phrases import _Phrases
from .resolve import _Resolve
from .described import _Described
from .domestic import _Domestic
from .clauses import _Clauses
from .coref import _Coref
from .pronouns import _Pronouns
from .owners import _Owners
from .aliases import _Aliases
from .affiliations import _Affiliations


class _Extractor(_Names, _OrgNames, _Phrases, _Resolve, _Described, _Clauses, _Domestic,
                 _Offices, _Coref, _Pronouns, _Context, _Owners, _Aliases, _Affiliations):
    """One article's extraction; :func:`extract_actors` is its only user."""

    def run(self) -> ActorIndex:
        self.deferred_bodies = []
        self._deferred_spans = []
        self._consumed: set[int] = set()
        items = self.items()
        self._items = items
        self.set_chains(self.chains(items))
        for chain in self._chains:
            if id(chain) in self._consumed:
                continue
            self.phrase(chain)
        self._phrased = True
        self.resolve_deferred()
        self.bare_heads()
        self.peoples()
        self.relative_roles()
        self.aides()
        self.false_titles()
        self.owners()
        self.namesakes()
        self.domestic()
        self.affiliations()  # after domestic: the bodies have their states
        self.members()
        self.surnames()
        self.aliases()
        self.abbreviations()
        self.descriptions()
        self.plurals()
        self.pronouns()
        self.possessed()
        self.owners()  # again, now "his wife, X" knows whose
        self.office_owners()  # "its leader, X": the party's, once "its" is known
        self.relational()
        self.locals_by_default()
        return self.index()

    def index(self) -> ActorIndex:
        first: dict[tuple[Any, ...], int] = {}
        spans: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
        for m in sorted(self.mentions, key=lambda m: (m.start, -m.end)):
            for ident in m.idents:
                first.setdefault(ident, m.start)
                spans.setdefault(ident, []).append((m.start, m.end))
        ids = {ident: f"a{n}" for n, ident in
               enumerate(sorted(first, key=lambda i: first[i]), start=1)}
        actors = []
        for ident, aid in ids.items():
            info = self.infos[ident]
            actors.append(Actor(id=aid, name=info.name, kind=info.kind, country=info.country,
                                org=info.org, sector=info.sector, role=info.role,
                                mentions=tuple(spans[ident]), raw=info.raw, kb_id=info.kb_id))
        mentions = [Mention(m.start, m.end, tuple(ids[i] for i in m.idents), m.text, m.kind)
                    for m in self.mentions]
        return ActorIndex(actors, mentions)


def extract_actors(doc: Any, kb: KnowledgeBase | None = None,
                   published: str | None = None) -> ActorIndex:
    """Every actor of a parsed article, with its mentions; roles are dated by ``published``."""
    if kb is None:
        kb = KnowledgeBase.load()
    return _Extractor(doc, kb, published).run()


def load_knowledge() -> KnowledgeBase:
    """The packaged knowledge base (load once; the Pipeline holds it)."""
    return KnowledgeBase.load()
