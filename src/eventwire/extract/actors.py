"""Actors: find who is named in an article and resolve each to a country/organisation + sector.

BASELINE (to be replaced by the knowledge-base resolver): spaCy entities only.
The public surface the rest of the package relies on is ``ActorIndex`` and
``extract_actors(doc, kb, published) -> ActorIndex``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..model import Actor, ActorRef, Mention


@dataclass
class ActorIndex:
    """The actors of one article and every mention of them, sorted by position.

    Events and quotes ask it "who is named at these characters?" (``in_span``) and
    "who is this pronoun?" (pronoun mentions are already resolved to their antecedent).
    """

    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._by_id = {a.id: a for a in self.actors}

    def get(self, actor_id: str) -> Actor:
        return self._by_id[actor_id]

    def ref(self, actor_id: str) -> ActorRef:
        return self._by_id[actor_id].ref()

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside [start, end), outermost first."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end <= end:
                out.append(m)
            i += 1
        return out

    def at(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping [start, end)."""
        i = bisect.bisect_right(self._starts, end)
        return [m for m in self.mentions[:i] if m.start < end and m.end > start]

    def before(self, pos: int) -> list[Mention]:
        """Mentions ending at or before ``pos``, nearest last."""
        return [m for m in self.mentions if m.end <= pos]


def extract_actors(doc: Any, kb: Any = None, published: str | None = None) -> ActorIndex:
    """Baseline: one actor per distinct PERSON/ORG/GPE/NORP entity text."""
    actors: dict[str, Actor] = {}
    mentions: list[Mention] = []
    kinds = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
    for ent in doc.ents:
        if ent.label_ not in kinds:
            continue
        key = ent.text.lower()
        if key not in actors:
            actors[key] = Actor(id=f"a{len(actors) + 1}", name=ent.text, kind=kinds[ent.label_],
                                raw=ent.text)
        mentions.append(Mention(ent.start_char, ent.end_char, (actors[key].id,), ent.text))
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault(m.actors[0], []).append((m.start, m.end))
    final = [_with_mentions(a, spans.get(a.id, [])) for a in actors.values()]
    return ActorIndex(final, mentions)


def _with_mentions(actor: Actor, spans: Iterable[tuple[int, int]]) -> Actor:
    from dataclasses import replace
    return replace(actor, mentions=tuple(spans))


def load_knowledge() -> Any:
    """Baseline: no knowledge base yet."""
    return None
