"""Relative clauses and aides: who a person speaks for, heads or serves as, said beside
the name ("X, who speaks for Y", "X, who heads the Z", "Y's spokesman, X")."""
from __future__ import annotations

import re
from typing import Any

from .base import _Base
from .records import _Info, _Mention

#: "X, who speaks for Y": X is on Y's side, as an aide is.
_SPEAKS_FOR = re.compile(r"\s*,\s*who\s+(?:speaks|spoke|has\s+spoken|is\s+speaking)\s+for\s+"
                         r"(?:the\s+)?")
#: "X, who heads the Y", "X, who commanded Y's troops": X leads Y.
_HEADS = re.compile(r"\s*,\s*who\s+(?:now\s+|also\s+)?(?:heads|headed|leads|led|commands|"
                    r"commanded|runs|ran|chairs|chaired|directs|directed)\s+(?:the\s+)?")
#: "X, who is the Y", "X, who served as Z's justice minister": the role the clause states.
_SERVES = re.compile(r"\s*,\s*who\s+(?:is|was|has\s+been|had\s+been|served\s+as|serves\s+as|works\s+as|worked\s+as|"
                     r"became|becomes|remains)\s+(?:also\s+|now\s+|still\s+)?"
                     r"([^,;:()\n.]{2,80})")


class _Clauses(_Base):
    """Relative clauses after a name that say whose side the person is on, and aides
    ("Y's spokesman, X"): the person takes the country and sector of what they name."""

    def relative_roles(self) -> None:
        """'X, who speaks for Y' (an aide of Y), 'X, who heads the Y' (Y's leader: Y's
        state and sector), 'X, who was Z's justice minister' (the title and its owner's
        state): for people the text named with no state or body of their own."""
        ordered = sorted(self.mentions, key=lambda m: m.start)
        starts: dict[int, list[_Mention]] = {}
        for m in ordered:
            starts.setdefault(m.start, []).append(m)
        for m in ordered:
            if m.kind != "name" or len(m.idents) != 1 or m.idents[0][0] != "U":
                continue
            info = self.infos[m.idents[0]]
            if info.country or info.org:
                continue
            hit = _SPEAKS_FOR.match(self.text, m.end) or _HEADS.match(self.text, m.end)
            if hit:
                owner = next((self.infos[x.idents[0]] for x in starts.get(hit.end(), [])
                              if len(x.idents) == 1 and x.idents[0] != info.ident), None)
                if owner is None or not owner.country and not owner.org:
                    continue
                info.country, info.org = owner.country, owner.org
                if hit.re is _SPEAKS_FOR:
                    info.sector = owner.sector or info.sector
                    info.role = info.role or "spokesperson"
                elif owner.kind == "state":
                    info.sector = info.sector or owner.sector
                else:  # a leader's own title ("Gen.") says more than the body's sector
                    info.sector = info.sector or owner.sector
                continue
            hit = _SERVES.match(self.text, m.end)
            if hit:
                self._served(info, hit.start(1), hit.end(1))

    def _served(self, info: _Info, a: int, b: int) -> None:
        """'who was the district's security secretary', 'who served as Z's justice
        minister': the last title in the clause gives the role and sector, a state or a
        person named in it (the title's owner) the country."""
        titles = [f for f in self.kb.scan(self.text[a:b]) if f.entry.kind == "title"
                  and not (f.entry.ref.collective or f.entry.ref.plural)]
        if not titles:
            return
        t = titles[-1]
        country = None
        for f in self.kb.scan(self.text[a:b]):
            if f.entry.kind in ("country", "demonym", "capital") and f.start < t.start:
                country = f.entry.ref.iso3
                break
        if country is None:
            for x in self.mentions:
                if a <= x.start and x.end <= a + t.start and len(x.idents) == 1:
                    owner = self.infos[x.idents[0]]
                    if owner.kind in ("person", "state") and owner.country:
                        country = owner.country
        if country is None:
            # "who serves as minister for trade within Chile's economy ministry": the
            # owner of the body the title sits in, named after it ("ambassador to France"
            # names a host, never an owner: only a possessive counts)
            clause = self.text[a:b]
            for f in self.kb.scan(clause[t.end:]):
                if f.entry.kind in ("country", "capital") and re.match(
                        r"['\u2019]s?\s", clause[t.end + f.end:t.end + f.end + 3]):
                    country = f.entry.ref.iso3
                    break
        info.sector = info.sector or t.entry.ref.sector
        info.role = info.role or t.entry.ref.text
        if country is not None:
            info.country = country

    def _pronoun_owner(self, pos: int, info: _Info) -> _Info | None:
        """The person 'his'/'her' at ``pos`` stands for (the pronoun layer's choice)."""
        k = self.token(pos)
        if k.idx != pos:
            return None
        prior = sorted((x for x in self.mentions if x.end <= pos), key=lambda x: x.start)
        ident = self._personal(k, prior, "f" if k.lower_ == "her" else "m")
        owner = self.infos.get(ident) if ident is not None else None
        return owner if owner is not info else None

    def aides(self) -> None:
        """'Moyo's spokesman, X', 'X, a spokesman for opposition leader Y', 'an aide to
        President Z, W': who speaks or works for a person is on that person's side and takes
        his country and sector (unless the text gave the aide a state or body of his own)."""
        lex = self.lex
        if not lex.aide_titles:
            return
        title = "(?:" + "|".join(re.escape(t) for t in sorted(
            lex.aide_titles, key=len, reverse=True)) + ")"
        mods = "(?:(?:" + "|".join(re.escape(w) for w in sorted(lex.aide_modifiers)) \
            + r")\s+)*"
        after = re.compile(r"\s*,\s*(?:(?:a|an|the)\s+)?" + mods + title
                           + r"\s+(?:to|for|of)\s+(?:the\s+)?", re.IGNORECASE)
        poss = re.compile(r"['\u2019]s?\s+" + mods + title + r"\s*,?\s*", re.IGNORECASE)
        poss_name = re.compile(r"\b((?-i:[A-Z])[\w'\u2019-]+)['\u2019]s?\s+" + mods + title
                               + r"\s*,?\s*$", re.IGNORECASE)
        inner = re.compile(r"['\u2019]s?\s+" + mods + r"(?:[a-z]+\s+)?", re.IGNORECASE)
        pronoun = re.compile(r"\b((?:[Hh]is|[Hh]er))\s+" + mods + title + r"\s*,\s*$")
        to = re.compile(r"\b" + mods + title + r"\s+(?:to|for|of)\s+(?:the\s+)?$",
                        re.IGNORECASE)
        ordered = sorted(self.mentions, key=lambda m: m.start)
        ends: dict[int, list[_Mention]] = {}
        starts: dict[int, list[_Mention]] = {}
        for m in ordered:
            ends.setdefault(m.end, []).append(m)
            starts.setdefault(m.start, []).append(m)

        def person_at(found: list[_Mention], ident: tuple[Any, ...]) -> _Info | None:
            for m in found:
                if len(m.idents) == 1 and m.idents[0] != ident \
                        and self.infos[m.idents[0]].kind == "person":
                    return self.infos[m.idents[0]]
            return None

        for m in ordered:
            if m.kind != "name" or len(m.idents) != 1 or m.idents[0][0] != "U":
                continue
            info = self.infos[m.idents[0]]
            role = (info.role or "").lower().split()
            if info.country or info.org or info.sector not in (None, "GOV") or (
                    role and role[-1] not in lex.aide_titles
                    and " ".join(role[-2:]) not in lex.aide_titles):
                continue
            owner = None
            hit = after.match(self.text, m.end)
            if hit:  # "X, a spokesman for opposition leader Y"
                owner = person_at(starts.get(hit.end(), []), info.ident)
            gap = re.search(r"\S[^\n]{0,80}$", self.text[max(0, m.start - 80):m.start])
            lo = m.start - len(gap.group(0)) if gap else m.start
            for k in range(lo, m.start):
                if owner is not None:
                    break
                if k not in ends:
                    continue
                between = self.text[k:m.start]
                if poss.fullmatch(between):  # "Chamisa's spokesman, X"
                    owner = person_at(ends[k], info.ident)
                elif re.fullmatch(r"\s*,\s*", between):  # "an aide to President Z, W"
                    o = person_at(ends[k], info.ident)
                    o_start = min((x.start for x in ends[k]), default=k)
                    if o is not None and to.search(self.text, max(0, o_start - 60), o_start):
                        owner = o
            if owner is None and (name := poss_name.search(
                    self.text, max(0, m.start - 80), m.start)):
                owner = self.person_by_surname(name.group(1))  # "Moyo's spokesman, X"
                owner = None if owner is info else owner
            if owner is None and re.match(title, m.text, re.IGNORECASE):
                # "President Z's economic adviser X": the title opens X's own mention
                for k in range(max(0, m.start - 12), m.start):
                    if k in ends and inner.fullmatch(self.text, k, m.start):
                        owner = person_at(ends[k], info.ident)
                        if owner is not None:
                            break
            if owner is None and (pro := pronoun.search(
                    self.text, max(0, m.start - 60), m.start)):
                owner = self._pronoun_owner(pro.start(1), info)  # "his spokesman, X"
            if owner is None or owner.sector is None:
                continue
            info.country, info.org, info.sector = owner.country, owner.org, owner.sector
            if not info.role:
                aide = re.search(title, self.text[max(0, m.start - 80):m.start] + " "
                                 + self.text[m.end:m.end + 80], re.IGNORECASE)
                info.role = aide.group(0).lower() if aide else None
