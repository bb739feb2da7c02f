"""Groups and people with a domestic role but no state in their phrase take the context's."""
from __future__ import annotations

import re
from typing import Any

from ..knowledge import Body, Title
from .lexicon import DEFINITE, DOMESTIC_SECTORS, REPORTING_SECTORS, STATE_SECTORS
from .sides import _Sides
from .records import _Info, _Item, _Mention
from .base import _Base


#: Sectors of people who act for a state: whose state is a question of sides.
SIDE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


#: The possessive ending right before a body's title: "Ruiz's ", "Moses' ".
_OWNER_POSS = re.compile(r"['\u2019]s?\s+$")


class _Domestic(_Sides, _Base):
    """Groups and people with a domestic role but no state in their phrase ("police",
    "the opposition", "party members", "X, a street vendor"): the state the context gives."""

    def resolve_deferred(self) -> None:
        """Bare titles and bodies: 'the official' (an earlier official), 'police' (context),
        'the court' (an earlier court), 'protesters in Baghdad' (where the text puts them)."""
        later = []
        for span in self._deferred_spans:
            start, end, title, role, sector = span
            if title.text.lower() in self.lex.institution_nouns \
                    and self.word_before(start) in DEFINITE:
                later.append(span)  # "the court": an institution named before, if any
                continue
            self._deferred_span(*span)
        for body, text, start, end in self.deferred_bodies:
            earlier = self._same_body(body, text, start)
            if earlier is not None:
                self.add(start, end, [earlier], "description")
                continue
            country = self.home_country(start)
            if country is not None:
                self._body(body, country, text, start, end)
        done = self.institutions()
        for span in later:
            if not any(a <= span[0] and span[1] <= b for a, b in done):
                self._deferred_span(*span)

    def _deferred_span(self, start: int, end: int, title: Title, role: str | None,
                       sector: str | None) -> None:
        text = self.text[start:end]
        if not title.collective and not title.plural:
            lead = self.office_lead(start)
            if lead is not None:  # "the prime minister", "the former president"
                info = self.office_holder(title.text, start, lead)
                if info is not None:
                    self.add(start, end, [info], "description")
                    self.office_seen(info, start)
            return
        if title.collective and title.plural:
            return  # "the outgoing and incoming administrations": several, none named
        country = self.located(end) if sector in self.lex.located_sectors else None
        if country is None and sector in STATE_SECTORS:
            # (a person's "side" or "delegation", weak titles, is the person's own party)
            owner = None if title.weak else self.person_owner(start)
            country = owner or self.led_by(end)
        if country is None and sector in self.lex.located_sectors:
            country = self.located_in_clause(start, end)  # type: ignore[attr-defined]
        if country is None:
            country = self.shared_modifier_country(start, end)
        if country is None:
            country = self.context_country(start)
        if country is None and sector in DOMESTIC_SECTORS and not title.weak:
            country = self.story_country()  # "riot police", "lawmakers": the story's state
        if country is None and sector in STATE_SECTORS:
            return  # "armed forces around the world": nobody in particular
        c = self.kb.countries.get(country) if country else None
        head = _Item(start, end, text, "title", title)
        self.add(start, end, [self.group_info(country, None, sector, role, head, c)], "title")

    def person_owner(self, start: int) -> str | None:
        """'President Ruiz's government', 'the general's troops' named by a person: a state
        body owned by a person's possessive is the body of that person's state (the person
        leads or commands it), not of the state the paragraph is about. Only people keyed to
        a state and to no international body."""
        m = _OWNER_POSS.search(self.text, max(0, start - 4), start)
        if m is None:
            return None
        at = m.start()
        for men in self.mentions:
            if men.end != at or len(men.idents) != 1:
                continue
            info = self.infos[men.idents[0]]
            if info.kind == "person" and info.country and not info.org:
                return info.country
        return None

    def _same_body(self, body: Body, text: str, start: int) -> _Info | None:
        """'the foreign ministry' in lower case: the one of that kind the article named last."""
        if not text[:1].islower() and not re.match(r"[Tt]he\s+[a-z]", self.text[start - 4:start]
                                                    + text):
            return None
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if m.end > start or len(m.idents) != 1:
                continue
            info = self.infos[m.idents[0]]
            if info.kind == "organization" and info.kb_id == body.key:
                return info
        return None

    def domestic(self) -> None:
        """People and unknown bodies with a domestic role but no state ('police spokeswoman
        X', 'the opposition MDC'), and people with a local civilian role ('X, a street
        vendor'): the dateline's country, else the one state acting in the paragraph, else
        the country the article is about (:meth:`dominant_country`, for live blogs and
        pages without a dateline), else none."""
        first: dict[tuple[Any, ...], int] = {}
        for m in self.mentions:
            for ident in m.idents:
                if ident not in first or m.start < first[ident]:
                    first[ident] = m.start
        for ident, info in self.infos.items():
            if info.country or info.org or ident not in first:
                continue
            if ident[0] == "U" and info.kind == "person" and info.sector in SIDE_SECTORS \
                    and len(self.states_in_play()) > 1:
                # "Foreign Minister X" in a story about two states: the side the clauses
                # about X make theirs, else the state the story is mostly about; the
                # dateline (where the reporter is) only after these
                side = self.own_side(ident) or self.dominant_country()
                if side is not None:
                    info.country = side
                    continue
            local = ident[0] == "U" and info.sector == "CVL" and self._local(info.role)
            # a named person or an unlisted body with a stated trade (bishop, businessman,
            # company) and no state: in a story about one country, of that country
            # an unlisted outlet ("the Hayastan news agency") is a local one: the agencies
            # that report from abroad are listed; reporters themselves are no clue
            trade = (ident[0] in ("U", "O") and info.sector not in (None, "CVL")
                     and info.sector not in REPORTING_SECTORS
                     and info.sector not in DOMESTIC_SECTORS) or (
                ident[0] == "O" and str(ident[1]).startswith("~") and info.sector == "MED")
            if info.sector not in DOMESTIC_SECTORS and not local and not trade:
                continue
            if ident[0] == "G":
                # "the opposition", "police" with no state anywhere: in a datelined story,
                # the dateline's (a group spans the article, so no paragraph guess)
                if ident[1] is None:
                    info.country = self.story_country()
                continue
            if ident[0] == "U":
                role = (info.role or "").lower()
                if not local and (not role or any(role == t or role.endswith(" " + t)
                                                  for t in self.lex.foreign_titles)):
                    continue
            elif not (ident[0] == "O" and str(ident[1]).startswith("~")):
                continue
            if trade:
                # whom the story is about, before where it was filed from; never a guess
                # from one paragraph
                country = self.dominant_country() or self.dateline
            else:
                country = self.dateline or self.paragraph_state(first[ident]) \
                    or self.dominant_country()
            if country is not None:
                info.country = country

    def _local(self, role: str | None) -> bool:
        """Is ``role`` a civilian role of the place ('street vendor'), not of a visitor?"""
        words = (role or "").lower().split()
        return bool(words) and (words[-1] in self.lex.local_roles
                                or " ".join(words[-2:]) in self.lex.local_roles)

    def members(self) -> None:
        """'MDC supporters', 'party members', 'rebel fighters': the members of a group are a
        mention of the group the word before them names (an organisation named before for a
        bare 'party'/'opposition'/'union', else a group of that sector at home)."""
        lex = self.lex
        if not lex.members:
            return
        pat = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(
            lex.members, key=len, reverse=True)) + r")\b", re.IGNORECASE)
        groups = "|".join(re.escape(g) for g in sorted(lex.member_groups, key=len,
                                                        reverse=True))
        bare = re.compile(r"(?:^|(?<=[^\w-]))(" + groups + r")\s+$", re.IGNORECASE)
        for hit in pat.finditer(self.text):
            ns, ne = hit.span()
            if not hit.group(1).islower():
                continue
            # the noun inside a group phrase already made: "rebel fighters"
            inside = [m for m in self.mentions if m.start < ns and m.end == ne
                      and len(m.idents) == 1]
            if inside:
                m = inside[0]
                info = self.infos[m.idents[0]]
                if info.kind == "group" and info.org is None and info.sector in (
                        "OPP", "PTY", "REB", "LAB") and m.text.lower().split()[0] \
                        in lex.member_groups:
                    org = self._recent_org(info.sector, m.start)
                    if org is not None:
                        m.idents = (org.ident,)
                continue
            # a mention right before the noun: "MDC supporters", "the party's members"
            before = [m for m in self.mentions if m.end <= ns and len(m.idents) == 1
                      and re.fullmatch(r"(?:['\u2019]s?)?\s", self.text[m.end:ns])]
            if before:
                m = max(before, key=lambda m: (m.end, m.end - m.start))
                info = self.infos[m.idents[0]]
                if info.kind in ("organization", "igo") or (
                        info.kind == "group" and info.org is None and info.sector in (
                            "OPP", "PTY", "REB", "LAB")):
                    if info.kind == "group":
                        org = self._recent_org(info.sector or "", m.start)
                        if org is not None:
                            m.idents = (org.ident,)
                    m.end, m.text = ne, self.text[m.start:ne]
                continue
            # a bare group word: "party members", "opposition supporters"
            b = bare.search(self.text, max(0, ns - 20), ns)
            if b is None:
                continue
            sector = lex.member_groups[b.group(1).lower()]
            gs = b.start(1)
            org = self._recent_org(sector, gs)
            if org is None:
                country = self.dateline or self.paragraph_state(gs) or self.dominant_country()
                c = self.kb.countries.get(country) if country else None
                noun = self.text[gs:ne].lower()
                name = f"{c.adjective or c.name} {noun}" if c else noun
                org = _Info(("G", country, None, sector), name, "group", country=country,
                            sector=sector, role=noun, raw=self.text[gs:ne], named=False)
            self.add(gs, ne, [org], "description")

    def _recent_org(self, sector: str, pos: int) -> _Info | None:
        """The organisation of a sector named last before ``pos`` ('party': PTY or OPP)."""
        want = {"PTY": ("PTY", "OPP")}.get(sector, (sector,))
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if m.end > pos:
                continue
            for ident in m.idents:
                info = self.infos[ident]
                if info.kind in ("organization", "igo") and info.sector in want:
                    return info
        return None

    def peoples(self) -> None:
        """A plural nationality noun names people, not a government ("Albanians protested"
        -> Albanian civilians); after a nationality adjective it names that country's
        people ("Bosnian Serbs", "Iraqi Kurds" -> of Bosnia, of Iraq)."""
        ordered = sorted(self.mentions, key=lambda m: m.start)
        drop: set[int] = set()
        peoples: list[tuple[int, int, _Info]] = []
        for k, m in enumerate(ordered):
            if m.kind == "demonym" and len(m.idents) == 1 and not self._plural_people(m.text):
                # a nationality adjective before a people's plural: "Iraqi Kurds"
                ethnic = re.match(r" ([A-Z][a-z]+s)\b", self.text[m.end:m.end + 30])
                info = self.infos[m.idents[0]]
                if ethnic and ethnic.group(1).lower() in self.lex.ethnic \
                        and info.kind == "state" and info.country is not None:
                    end = m.end + ethnic.end()
                    text = self.text[m.start:end]
                    drop.add(id(m))
                    peoples.append((m.start, end, _Info(
                        ("G", info.country, None, "CVL"), text, "group", country=info.country,
                        sector="CVL", raw=text, kb_id=info.country)))
                continue
            if m.kind != "demonym" or len(m.idents) != 1:
                continue
            info = self.infos[m.idents[0]]
            if info.kind != "state" or info.country is None:
                continue
            start, country = m.start, info.country
            prev = ordered[k - 1] if k > 0 else None
            if prev is not None and prev.kind in ("demonym", "name") and len(prev.idents) == 1 \
                    and self.infos[prev.idents[0]].kind == "state" \
                    and self.text[prev.end:m.start] == " " and not self._plural_people(prev.text):
                country = self.infos[prev.idents[0]].country or country
                start = prev.start
                drop.add(id(prev))
            drop.add(id(m))
            text = self.text[start:m.end]
            peoples.append((start, m.end, _Info(("G", country, None, "CVL"), text, "group",
                                                country=country, sector="CVL", raw=text,
                                                kb_id=country)))
        if drop:
            self.mentions = [m for m in self.mentions if id(m) not in drop]
        for start, end, info in peoples:
            self.add(start, end, [info], "demonym")

    def _plural_people(self, text: str) -> bool:
        word = text.split()[-1] if text.split() else ""
        return word.endswith("s") and self.kb.demonym(word[:-1]) is not None \
            and word[:1].isupper()
