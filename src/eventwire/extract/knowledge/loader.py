"""Reading and validating the YAML files into the knowledge base's indexes."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from typing import Any


from ...errors import KnowledgeError
from .text import _case_pattern, _demonym_plural, _key, plural, _valid_iso3
from .records import (Body, Country, Entry, Organization, OrgHead, Period, Person, PluralRef,
                      Role, Title)
from .reader import _Reader


log = logging.getLogger("eventwire.extract.knowledge")


class _Loader:
    """The loading half of :class:`KnowledgeBase`: one method per data file."""

    def _add(self, alias: str, entry: Entry, seen: dict[tuple[str, ...], tuple[Any, ...]],
             meaning: Any, reader: _Reader, row: dict[str, Any], case_free: bool = False) -> None:
        """Index one alias; the same alias with two meanings in one kind is an error."""
        key = _key(alias)
        if not key:
            raise reader.fail(row, f"alias {alias!r} has no words")
        if key in seen and seen[key][0] != meaning:
            other, line, *path = seen[key]
            where = f"line {line}" if not path or path[0] == reader.path else f"{path[0]}:{line}"
            raise reader.fail(row, f"alias {alias!r} already means {other} ({where}); "
                                   "one alias may name only one thing")
        case = tuple(0 for _ in key) if case_free else _case_pattern(alias)
        if key in seen:
            # the same alias again in other capitals ("Al-Qaeda", "al-Qaeda"): each spelling
            # listed is accepted, so a token needs only the weakest capitals of any of them
            self.index[key] = [replace(e, case=tuple(min(a, b) for a, b in zip(e.case, case)))
                               if e.ref == entry.ref else e for e in self.index[key]]
            return
        seen[key] = (meaning, row.get("__line__", 0), reader.path)
        entry = Entry(entry.kind, entry.ref, case, entry.ambiguous, alias)
        self.index.setdefault(key, []).append(entry)
        if len(key) > self.longest.get(key[0], 0):
            self.longest[key[0]] = len(key)

    def _load_countries(self, r: _Reader) -> None:
        seen: dict[tuple[str, ...], tuple[Any, ...]] = {}
        for row in r.rows("countries"):
            iso = row.get("iso3")
            if not _valid_iso3(iso):
                raise r.fail(row, f"bad ISO 3166-1 alpha-3 code {iso!r}")
            if iso in self.countries:
                raise r.fail(row, f"country {iso} listed twice")
            name = r.text(row, "name")
            assert name is not None
            official = r.text(row, "official") or name
            demonyms = r.texts(row, "demonyms")
            capital = r.text(row, "capital", required=False)
            country = Country(iso, name, official, demonyms[0] if demonyms else None, capital)
            self.countries[iso] = country
            if row.get("family_name_first"):
                self.family_first.add(iso)
            amb = bool(row.get("ambiguous"))
            for alias in [name, official, *r.texts(row, "aliases")]:
                self._add(alias, Entry("country", country, ambiguous=amb), seen, iso, r, row)
            for dem in demonyms:
                forms = [dem] + ([p] if (p := _demonym_plural(dem)) else [])
                for form in forms:
                    self._add(form, Entry("demonym", country), seen, iso, r, row)
            for cap in ([capital] if capital else []) + r.texts(row, "capital_aliases"):
                self._add(cap, Entry("capital", country), seen, iso, r, row)
        for row in r.rows("metonyms"):
            text = r.text(row, "text")
            iso = row.get("country")
            if iso not in self.countries:
                raise r.fail(row, f"metonym {text!r}: unknown country {iso!r}")
            sector = r.sector(row, row.get("sector"))
            entry = Entry("metonym", (self.countries[iso], sector, text),
                          ambiguous=bool(row.get("ambiguous")))
            self._add(text or "", entry, seen, (iso, sector), r, row)
            self.metonyms += 1

    def _load_organizations(self, r: _Reader) -> None:
        seen: dict[tuple[str, ...], tuple[Any, ...]] = {}
        for row in r.rows("organizations"):
            key = r.text(row, "key")
            assert key is not None
            if key in self.organizations:
                raise r.fail(row, f"organisation key {key!r} listed twice")
            name = r.text(row, "name")
            kind = row.get("kind")
            if kind not in ("igo", "organization"):
                raise r.fail(row, f"kind must be 'igo' or 'organization', got {kind!r}")
            sector = r.sector(row, row.get("sector"))
            country = row.get("country")
            if kind == "organization":
                if country not in self.countries:
                    raise r.fail(row, f"national body {key!r} needs a known country, "
                                      f"got {country!r}")
            elif country is not None:
                raise r.fail(row, f"igo {key!r} must not have a country")
            periods = []
            for p in row.get("periods") or []:
                if not isinstance(p, dict):
                    raise r.fail(row, "periods must be a list of {start, end, sector}")
                periods.append(Period(r.date(row, p.get("start")),
                                      r.date(row, p.get("end"), end=True),
                                      r.sector(row, p.get("sector"))))
            org = Organization(key=key, name=name or key, kind=kind, sector=sector,
                               org=(row.get("org") or key) if kind == "igo" else None,
                               country=country, refs=tuple(r.texts(row, "refs")),
                               periods=tuple(periods))
            self.organizations[key] = org
            amb = bool(row.get("ambiguous"))
            for alias in [org.name, *r.texts(row, "aliases")]:
                self._add(alias, Entry("org", org, ambiguous=amb), seen, key, r, row)
            for alias in r.texts(row, "any_case"):
                # "the state department": written in lower case as often as not
                self._add(alias, Entry("org", org, ambiguous=amb), seen, key, r, row,
                          case_free=True)
            for noun in org.refs:
                self.refs.setdefault(noun.lower(), []).append(org)
        for key, org in self.organizations.items():
            if org.org and org.org not in self.organizations:
                raise KnowledgeError(r.path, None, f"{key}: parent org {org.org!r} is unknown")

    def _load_titles(self, r: _Reader) -> None:
        seen: dict[tuple[str, ...], tuple[Any, ...]] = {}
        for row in r.rows("titles"):
            text = r.text(row, "text")
            assert text is not None
            flags = {f: bool(row.get(f)) for f in ("collective", "inherit", "weak")}
            sector = r.sector(row, row.get("sector"))
            title = Title(text, sector, **flags)
            self.titles[text.lower()] = title
            self._add(text, Entry("title", title), seen, (text.lower(), sector), r, row)
            if "plural" in row and row["plural"] is None:
                continue
            form = row.get("plural") or plural(text)
            self._add(form, Entry("title", Title(text, sector, plural=True, **flags)), seen,
                      (text.lower(), sector), r, row)
        seen = {}
        for row in r.rows("bodies"):
            key = r.text(row, "key")
            assert key is not None
            body = Body(key, r.sector(row, row.get("sector")))
            self.bodies[key] = body
            names = r.texts(row, "names")
            if not names:
                raise r.fail(row, f"body {key!r} needs at least one name")
            for name in names:
                self._add(name, Entry("body", body), seen, key, r, row)
            for name in r.texts(row, "any_case"):
                # "the foreign ministry": written in lower case as often as not
                self._add(name, Entry("body", body), seen, key, r, row, case_free=True)

    def _load_people(self, r: _Reader, seen: dict[tuple[str, ...], tuple[Any, ...]]) -> None:
        """One people file; ``seen`` is shared by all of them so an alias names one person.

        A row may name its ``primary`` role by title (``primary: Secretary-General``): the one
        that stands for the person in an article with no publication date (see main_role).
        """
        for row in r.rows("people"):
            name = r.text(row, "name")
            assert name is not None
            country = row.get("country")
            if country not in self.countries:
                raise r.fail(row, f"{name}: unknown country {country!r}")
            gender = row.get("gender", "m")
            if gender not in ("m", "f"):
                raise r.fail(row, f"{name}: gender must be m or f, got {gender!r}")
            raw_roles = row.get("roles")
            if not isinstance(raw_roles, list) or not raw_roles:
                raise r.fail(row, f"{name}: roles must be a non-empty list of "
                                  "[title, sector, start, end, where?]")
            roles = []
            for raw in raw_roles:
                if not isinstance(raw, list) or len(raw) not in (4, 5):
                    raise r.fail(row, f"{name}: role {raw!r} must be [title, sector, start, end]"
                                      " or [title, sector, start, end, where]")
                title, sector, start, end = raw[:4]
                where = raw[4] if len(raw) == 5 else country
                if not isinstance(title, str):
                    raise r.fail(row, f"{name}: role title {title!r} must be text")
                s, e = r.date(row, start), r.date(row, end, end=True)
                if s and e and e < s:
                    raise r.fail(row, f"{name}: role {title!r} ends before it starts")
                if where in self.countries:
                    rc, ro = where, None
                elif where in self.organizations and self.organizations[where].kind == "igo":
                    rc, ro = None, self.organizations[where].org
                else:
                    raise r.fail(row, f"{name}: role {title!r} at unknown country or "
                                      f"international body {where!r}")
                roles.append(Role(title, r.sector(row, sector), s, e, rc, ro))
            # "Wang Yi" is Mr Wang, "Kim Jong Un" Mr Kim: where the family name comes first
            # the first word is the surname (rows give ``surname`` for "Carrie Lam" forms)
            words = name.split()
            surname = r.text(row, "surname", required=False) or (
                words[0] if country in self.family_first and len(words) > 1 else words[-1])
            primary = None
            main = row.get("primary")
            if main is not None:
                hits = [role for role in roles if role.title == main]
                if not hits:
                    raise r.fail(row, f"{name}: primary {main!r} names none of the roles "
                                      f"{[role.title for role in roles]}")
                primary = max(hits, key=lambda role: role.start or dt.date.min)
            person = Person(key=name, name=name, country=country, gender=gender,
                            surname=surname, roles=tuple(roles), primary=primary)
            if name in self.people:
                raise r.fail(row, f"person {name!r} listed twice (also in another row or "
                                  "people*.yaml file)")
            self.people[name] = person
            for alias in [name, *r.texts(row, "aliases")]:
                self._add(alias, Entry("person", person), seen, name, r, row)
            self.surnames.setdefault(_key(surname), []).append(person)

    def _load_lexicon(self, r: _Reader) -> None:
        lex = self.lexicon

        def words(section: str) -> frozenset[str]:
            value = r.data.get(section)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise KnowledgeError(r.path, None, f"{section!r} must be a list of texts")
            return frozenset(v.strip().lower() for v in value)

        for row in r.rows("org_heads"):
            text = r.text(row, "text")
            assert text is not None
            st = row.get("state_sector")
            head = OrgHead(text, r.sector(row, row.get("sector")), lead=bool(row.get("lead")),
                           generic=bool(row.get("generic")),
                           state_sector=r.sector(row, st) if st is not None else None)
            if _key(text) in lex.heads:
                raise r.fail(row, f"org head {text!r} listed twice")
            lex.heads[_key(text)] = head
        for row in r.rows("org_qualifiers"):
            lex.qualifiers[_key(r.text(row, "text") or "")] = r.sector(row, row.get("sector"))
        for row in r.rows("tie_nouns"):
            lex.ties[_key(r.text(row, "text") or "")] = r.sector(row, row.get("sector"))
        for row in r.rows("plural_people"):
            text = r.text(row, "text")
            assert text is not None
            count = row.get("count")
            if count is not None and (not isinstance(count, int) or count < 2):
                raise r.fail(row, f"count must be a number of at least 2 or null, got {count!r}")
            lex.plural_people[_key(text)] = PluralRef(text, count, bool(row.get("leaders")),
                                                      bool(row.get("ministers")))
        lex.state_words = words("state_words")
        lex.leader_titles = words("org_leader_titles")
        lex.relational = words("relational")
        lex.leader_roles = words("leader_roles")
        lex.meeting_verbs = words("meeting_verbs")
        lex.ethnic = words("ethnic_groups")
        lex.platforms = words("platforms")
        lex.event_nouns = words("event_nouns")
        lex.person_nouns = words("person_nouns")
        lex.kin_nouns = words("kin_nouns")
        lex.speech_verbs = words("speech_verbs")
        lex.naming_cues = words("naming_cues")
        lex.foreign_titles = words("foreign_titles")
        for section, table in (("org_premodifiers", lex.premodifiers),
                               ("org_postmodifiers", lex.postmodifiers)):
            for row in r.rows(section):
                table[_key(r.text(row, "text") or "")] = r.sector(row, row.get("sector"))
        lex.institution_nouns = words("institution_nouns")
        lex.institution_neutral = words("institution_neutral")
        lex.naming_verbs = words("naming_verbs")
        lex.notable_roles = words("notable_roles")
        lex.located_sectors = frozenset(w.upper() for w in words("located_sectors"))
        for name in ("local_roles", "rank_words", "aide_titles", "aide_modifiers",
                     "ticket_nouns", "defection_verbs", "membership_verbs"):
            setattr(lex, name, words(name))
        for row in r.rows("member_nouns"):
            text = (r.text(row, "text") or "").lower()
            st = row.get("state_sector")
            lex.members[text] = r.sector(row, st) if st is not None else None
        for row in r.rows("member_groups"):
            lex.member_groups[(r.text(row, "text") or "").lower()] = r.sector(
                row, row.get("sector"))
