"""Layer (b): 'the prime minister', 'the former president', 'the then premier' -> the person
of the article who holds, or held, that office at the publication date."""
from __future__ import annotations

import bisect
import re
from typing import Any

from .base import _Base
from .records import _Info

#: What may stand between the article and a bare office: "the former president".
_OFFICE_LEAD = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(former|then|ex|outgoing|"
                          r"previous|late|current|incumbent|sitting|new)[\s-]+)?$")
#: Modifiers that say the office is no longer theirs.
_PAST = frozenset({"former", "ex", "outgoing", "previous", "late"})


class _Offices(_Base):
    """A definite office with no name refers back to someone the article names: the
    holder on the publication date for 'the president'; one who held it before and holds
    it no longer for 'the former president' (never the sitting holder); either for 'the
    then president'. Dated roles come from the knowledge base; unknown people count by
    the title the text gave them ('former' in it makes them former holders)."""

    _person_starts: dict[tuple[Any, ...], list[int]] | None = None

    def office_lead(self, start: int) -> str | None:
        """'' for 'the X', the modifier for 'the former X', None when no article leads."""
        m = _OFFICE_LEAD.search(self.text, max(0, start - 30), start)
        if m is None:
            return None
        return (m.group(1) or "").lower()

    def office_holder(self, title: str, pos: int, lead: str) -> _Info | None:
        """The person the office refers to: the nearest before ``pos`` that fits, else the
        first after it; ``lead`` is the modifier before the office ('' if none)."""
        want = title.lower()
        # per person, its mention starts (built once; few people, many mentions): the
        # nearest mention before ``pos`` orders them, by bisection, never by a full scan
        if self._person_starts is None:
            starts: dict[tuple[Any, ...], list[int]] = {}
            for m in self.mentions:
                for ident in m.idents:
                    if self.infos[ident].kind == "person":
                        starts.setdefault(ident, []).append(m.start)
            for v in starts.values():
                v.sort()
            self._person_starts = starts
        before_at: list[tuple[int, _Info]] = []
        after_at: list[tuple[int, _Info]] = []
        for ident, where in self._person_starts.items():
            k = bisect.bisect_left(where, pos)
            if k > 0:
                before_at.append((where[k - 1], self.infos[ident]))
            else:
                after_at.append((where[0], self.infos[ident]))
        before = [i for _, i in sorted(before_at, key=lambda x: -x[0])]
        after = [i for _, i in sorted(after_at, key=lambda x: x[0])]
        for group in (before, after):
            for info in group:
                state = self._office_state(info, want)
                if state is None:
                    continue
                if lead in _PAST and state == "former":
                    return info
                if lead == "then" or (lead not in _PAST and state == "current"):
                    return info
        if lead in _PAST:
            return None  # nobody named held it before: never the sitting holder
        found = self.last_with_title(title, pos)
        if found is not None and "former" in (found.role or "").lower().split():
            return None
        return found

    def office_seen(self, info: _Info, pos: int) -> None:
        """Record that the office at ``pos`` named ``info`` (it is now its latest mention)."""
        if self._person_starts is not None:
            bisect.insort(self._person_starts.setdefault(info.ident, []), pos)

    def _office_state(self, info: _Info, want: str) -> str | None:
        """'current' or 'former' holder of office ``want`` on the publication date, or None
        when the person is not known to have held it."""
        person = self.kb.people.get(info.kb_id) if info.kb_id else None
        if person is not None and self.day is not None:
            held = [r for r in person.roles if _same_office(r.title, want)]
            if any(r.covers(self.day) for r in held):
                return "current"
            if any(r.start is None or r.start <= self.day for r in held):
                return "former"
            return None
        role = (info.role or "").lower()
        if not role or not _same_office(role.replace("former ", ""), want):
            return None
        return "former" if "former" in role.split() else "current"


def _same_office(role: str, want: str) -> bool:
    """'Prime Minister' is the prime minister; 'Deputy Prime Minister' is not."""
    role = role.lower().strip()
    return role == want or role.endswith(" " + want) and not re.search(
        r"\b(?:vice|deputy|assistant|acting|interim|under)\b", role)
