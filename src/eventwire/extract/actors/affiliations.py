"""Layer (b3): an unknown person's body from a relative clause of membership, and the
story's state for named people the text gives nothing else.

Runs once phrases and descriptions are resolved, so the bodies the clauses name are known:

* **relative clause of membership**: "X, who leads the Freedom Party", "X, 52, who sat on
  the rebels' command": the body the membership verb (:attr:`Lexicon.membership_verbs`)
  takes is the person's; its state and sector are the person's;
* **a local by default**: a person named in full whom nothing in the text places (no title,
  no description, no clause) in a story about one country is of that country, a civilian
  unless a role says otherwise. A name the gazetteer knows as a place is no person.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from .base import _Base
from .records import _Info

#: ", who " right after a name; up to two short segments may come between ("X, born Y, 59, who ...").
_WHO = re.compile(r"\s*,\s*(?:[^,;:()\n\"\u201c\u201d]{1,40}?\s*,\s*){0,2}?"
                  r"who\s+(?:also\s+|now\s+|once\s+|previously\s+|still\s+|currently\s+)?")
#: The article or possessive before the body a membership verb takes.
_DET = re.compile(r"\s*(?:the|its|their|a|an)?\s*")
#: "the rebels' ", "the party's ": a bare group word owning the body taken.
_GROUP_OWNS = re.compile(r"(?:the|its|their)\s+([a-z]+)['\u2019]s?\s")


class _Affiliations(_Base):
    """An unknown person's body from "who leads/heads/sat on ..."; the story's state for the
    rest."""

    def affiliations(self) -> None:
        """'X, who leads the Freedom Party': the party's state and sector are X's."""
        verbs = self.lex.membership_verbs
        if not verbs:
            return
        verb_re = re.compile(r"(?:" + "|".join(re.escape(v) for v in sorted(
            verbs, key=len, reverse=True)) + r")\b")
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.kind != "name" or len(m.idents) != 1:
                continue  # every naming may carry the clause, not only the first
            ident = m.idents[0]
            info = self.infos[ident]
            if ident[0] != "U" or info.kind != "person" or info.org or (
                    info.country and info.sector):
                continue
            who = _WHO.match(self.text, m.end)
            if who is None:
                continue
            verb = verb_re.match(self.text, who.end())
            if verb is None:
                continue
            whose = self._body_at(_DET.match(self.text, verb.end()).end(), info)
            if whose is None:
                continue
            country = None if whose.org else (whose.country or info.country
                                              or self.story_country())
            if country is None and whose.org is None:
                continue  # a body of no state: nothing to say after all
            info.country, info.org = country, whose.org
            info.sector = info.sector or whose.sector

    def _body_at(self, pos: int, info: _Info) -> _Info | None:
        """The organisation or group named at ``pos`` (not a state: "who leads Kenya" is
        no membership), or the group a bare group word owning the next noun names."""
        ordered, starts = self.ordered()
        for m in ordered[bisect.bisect_left(starts, pos):bisect.bisect_left(starts, pos + 2)]:
            if len(m.idents) != 1:
                continue
            whose = self.infos[m.idents[0]]
            if whose is info or whose.kind not in ("organization", "igo", "group") \
                    or not whose.sector:
                continue
            if not (whose.country or whose.org) and whose.kind == "group":
                # "the rebels" of no state: the rebel organisation named before
                return self.latest_of_sector(whose.sector, pos) or whose
            return whose
        owns = _GROUP_OWNS.match(self.text, pos - 4 if self.text[pos - 4:pos] == "the " else pos)
        if owns is None:
            return None
        return self.group_word(owns.group(1), pos)

    def group_word(self, word: str, pos: int) -> _Info | None:
        """A bare group word ("party", "rebels", "gang": :attr:`Lexicon.member_groups`)
        before ``pos``: the organisation or group of that kind named last, else a group of
        that sector and no state; None for any other word."""
        word = word.lower()
        sector = self.lex.member_groups.get(word) or self.lex.member_groups.get(
            word[:-1] if word.endswith("s") else word)
        if sector is None:
            return None
        return self.latest_of_sector(sector, pos) or _Info(
            ("G", None, None, sector), word, "group", sector=sector, named=False)

    def latest_of_sector(self, sector: str, pos: int) -> _Info | None:
        """The organisation of ``sector`` (a party: PTY or OPP) with a state or an
        international key named last before ``pos``, else such a group ("the rebels" whose
        state a clause gave): a named body is the surer referent."""
        want = {"PTY": ("PTY", "OPP")}.get(sector, (sector,))
        for kinds in (("organization",), ("group",)):
            found = self.latest_actor(pos, lambda i: i.kind in kinds and i.sector in want
                                      and bool(i.country or i.org))
            if found is not None:
                return found
        return None

    def locals_by_default(self) -> None:
        """A person named in full whom the text places nowhere, in a story about one
        country: of that country, a civilian unless the role says otherwise."""
        home = self.dominant_country() or self.dateline
        if home is None:
            return
        for ident, m in self._first_names().items():
            info = self.infos[ident]
            if ident[0] != "U" or info.kind != "person" or info.country or info.org \
                    or info.role:
                continue  # a role the other layers could not place says "not from here"
            words = info.name.split()
            if len(words) < 2 or not all(w[:1].isupper() and any(c.islower() for c in w)
                                         for w in words) \
                    or self._place_name(info.name):
                continue  # "CH-47 Chinooks", "Kiryat Malachi": no person's name
            info.country = home
            info.sector = info.sector or "CVL"

    def _place_name(self, name: str) -> bool:
        """Does the knowledge base or the gazetteer know ``name`` as a place ("Zomba",
        "Kiryat Malachi" tagged as people by the parser)?"""
        if any(f.entry.kind in ("country", "capital", "demonym", "metonym")
               for f in self.kb.scan(name)):
            return True
        try:
            return bool(self.gazetteer().lookup(name))  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - no gazetteer data: no veto
            return False

