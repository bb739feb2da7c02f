"""The actors of one article and their mentions: what events and quotes query."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ...model import Actor, ActorRef, Mention


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

    def of(self, actor_id: str) -> list[Mention]:
        """Every mention of one actor, in text order."""
        return [m for m in self.mentions if actor_id in m.actors]

    def find(self, key: str | None = None, sector: str | None = None,
             name: str | None = None) -> list[Actor]:
        """Actors matching a key (org or ISO3), a sector and/or a name (for tests and tools)."""
        return [a for a in self.actors
                if (key is None or a.key == key) and (sector is None or a.sector == sector)
                and (name is None or a.name == name)]
