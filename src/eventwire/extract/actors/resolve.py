"""Layer (c): the head of a phrase and its modifiers -> an actor keyed by state or org."""
from __future__ import annotations

import re
from dataclasses import replace

from ..knowledge import Body, Country, KnowledgeBase, Organization, Person, Title
from .lexicon import STATE_LIKE, NAMESAKE_SECTORS
from .records import _Info, _Item, _fold_tuple
from .base import _Base


#: A past-office word right before a title: "former ", "ex-".
_PAST_BEFORE = re.compile(r"\b(?:[Ff]ormer|[Ee]x-?)\s*$")


class _Resolve(_Base):
    """Layer (c), resolution: the head of a phrase and its modifiers -> an actor keyed
    by country or organisation, with sector and role."""

    def state_info(self, country: Country, sector: str = "GOV", raw: str | None = None,
                   name: str | None = None) -> _Info:
        return _Info(("G", country.iso3, None, sector), name or country.name,
                     "state" if sector == "GOV" else "group", country=country.iso3,
                     sector=sector, raw=raw or country.name, kb_id=country.iso3)

    def state_mention(self, group: list[_Item]) -> None:
        infos = []
        kind = "name"
        for it in group:
            if it.kind == "metonym":
                country, sector, _ = it.ref
                infos.append(self.state_info(country, sector, raw=it.text,
                                             name=it.text if sector != "GOV" else None))
                kind = "metonym"
            else:
                infos.append(self.state_info(it.ref, raw=it.text))
                if it.kind == "demonym":
                    kind = "demonym"
                elif it.kind == "capital":
                    kind = "metonym"
        self.add(group[0].start, group[-1].end, infos, kind)

    def lone(self, it: _Item) -> None:
        if it.kind in STATE_LIKE:
            self.state_mention([it])
        elif it.kind == "org":
            self.organisation(it, [], [], it.start)

    def org_info(self, org: Organization, text: str) -> _Info:
        name = re.sub(r"^[Tt]he\s+", "", text)
        if org.kind == "igo":
            return _Info(("O", org.key), name, "igo", org=org.org, sector=org.sector_at(self.day),
                         raw=text, kb_id=org.key, refs=org.refs)
        known = not org.key.startswith("~")
        return _Info(("O", org.key), org.name if not known else name, "organization",
                     country=org.country, sector=org.sector_at(self.day) or None, raw=text,
                     kb_id=org.key if known else None, refs=org.refs)

    def organisation(self, head: _Item, countries: list[Country], orgs: list[Organization],
                     start: int) -> None:
        text = self.text[start:head.end]
        if head.kind == "org":
            org: Organization = head.ref
            if (org.kind == "organization" and countries
                    and countries[-1].iso3 != org.country and self.kb.body(head.text)):
                body = self.kb.body(head.text)
                assert body is not None
                self._body(body, countries[-1].iso3, text, start, head.end)
                return
            if org.key.startswith("~") and org.country is None and countries:
                # "Ghana's National Democratic Congress": the possessive owner's body
                org = replace(org, country=countries[-1].iso3)
            if (org.kind == "organization" and countries and org.country
                    and countries[-1].iso3 != org.country and org.sector in NAMESAKE_SECTORS):
                # "the Lithuanian Conservatives": another state's party of the same name
                iso = countries[-1].iso3
                name = re.sub(r"^[Tt]he\s+", "", text)
                org = Organization(key="~" + name, name=name, kind="organization",
                                   sector=org.sector, country=iso, refs=org.refs)
            self.add(start, head.end, [self.org_info(org, text)], "name")
            return
        body: Body = head.ref
        country = countries[-1].iso3 if countries else None
        if country is None and orgs and orgs[-1].country:
            country = orgs[-1].country
        if country is None:
            country = self.of_country(head.end)
        if country is None:
            self.deferred_bodies.append((body, text, start, head.end))
            return
        self._body(body, country, text, start, head.end)

    def of_country(self, end: int) -> str | None:
        """'Ministry of Foreign Affairs of Pakistan': the country named right after."""
        m = re.match(r"\s+of\s+(?:the\s+)?", self.text[end:end + 10])
        if not m:
            return None
        found = self.kb.scan(self.text[end + m.end():end + m.end() + 40])
        if found and found[0].start == 0 and found[0].entry.kind in ("country",):
            return found[0].entry.ref.iso3
        return None

    def _body(self, body: Body, country: str | None, text: str, start: int, end: int) -> None:
        name = re.sub(r"^[Tt]he\s+", "", text)
        info = _Info(("B", country, body.key), name, "organization", country=country,
                     sector=body.sector, raw=text, kb_id=body.key,
                     refs=("ministry",) if "inistry" in name else ())
        self.add(start, end, [info], "name")

    def person(self, head: _Item, countries: list[Country], orgs: list[Organization],
               bodies: list[tuple[Body, _Item]], titles: list[_Item], start: int) -> None:
        role_text = self._role_text(titles)
        t_sector, t_inherit, t_weak = self._title_sector(titles)
        text_country = countries[-1].iso3 if countries else None
        text_org = None
        org_sector = None
        for org in orgs:
            if org.kind == "igo":
                text_org = org.org
            elif text_country is None:
                text_country = org.country
            org_sector = org.sector_at(self.day)
        for body, _ in bodies:
            org_sector = body.sector
            if text_country is None:
                text_country = self.home_country(head.start)
        if t_inherit:
            prev = self.last_person_with_role(head.start)
            if prev is not None:
                t_sector = prev.sector
                role_text = prev.role
        sector = t_sector if (t_sector and not t_weak) else (org_sector or t_sector)
        sector = self._org_led(sector, org_sector, titles)
        if org_sector in ("PTY", "OPP"):
            # "ZANU-PF lawmaker", "the opposition party's spokesman": the party decides
            sector = "OPP" if t_sector == "OPP" else org_sector
        if head.kind == "person":
            person: Person = head.ref
            if not (countries or orgs or bodies or titles):
                self._appos_span = None
                self.appositive(head)  # 'Viktor Khrenin, Belarus's defence minister,': his
            else:
                self._appos_span = None
            res = self.kb.resolve(person, self.day or self.published)
            country, org, ksector, ktitle = res.country, res.org, res.sector, res.title
            if res.undated and res.title is not None:
                # no date: the main role stands (KnowledgeBase.main_role) unless the text
                # itself says whose the person is
                if text_country or text_org:
                    country, org = (None if text_org else text_country), text_org
                    ksector = sector or ksector
            elif not res.active:
                country = text_country or (None if text_org else person.country)
                org = text_org
                past = bool(titles) and bool(_PAST_BEFORE.search(
                    self.text, max(0, titles[0].start - 12), titles[0].start))
                ksector = (None if past else sector) or self._out_of_office(
                    person, ksector, [] if past else titles, text_org)
            # the name as the article gives it, or the knowledge base's full name when the
            # article uses a single word ("Lula", "Erdogan")
            shown = person.name if len(head.text.split()) == 1 else head.text
            info = _Info(("P", person.key), shown, "person", country=country, org=org,
                         sector=ksector, role=role_text or ktitle, raw=self.text[start:head.end],
                         kb_id=person.key, gender=person.gender,
                         surname=_fold_tuple(person.surname))
            self.add(start, head.end, [info], "name")
            if self._appos_span is not None:
                a, b = self._appos_span
                self.add(a, b, [info], "title")
            return
        name = head.text
        # a surname alone may be a person named earlier, or a known one
        prior = self.person_by_surname(name)
        if prior is None and len(name.split()) == 1:
            firsts = [i for i in self.infos.values() if i.kind == "person"
                      and len(i.name.split()) > 1 and i.name.split()[0] == name]
            prior = firsts[0] if len(firsts) == 1 else None
        bare_before = prior is not None and prior.ident == ("U", name.lower()) \
            and prior.country is None and prior.org is None and prior.sector is None
        if prior is not None and not (countries or orgs or bodies or titles) \
                and not bare_before:  # named bare before: this naming may say more
            self.add(start, head.end, [prior], "name")
            return
        if len(name.split()) == 1 and not self._named_later(name):
            res = self.kb.by_surname(name, self.day or self.published)
            if res is not None:
                info = _Info(("P", res.person.key), res.person.name, "person", country=res.country,
                             org=res.org, sector=res.sector, role=role_text or res.title,
                             raw=name, kb_id=res.person.key, gender=res.person.gender,
                             surname=_fold_tuple(res.person.surname))
                self.add(start, head.end, [info], "name")
                return
        if prior is None and not (countries or orgs or bodies or titles):
            prior = self._partial_name(name)
            if prior is not None:
                self.add(start, head.end, [prior], "name")
                return
        if not (countries or orgs or bodies or titles):
            appos = self.appositive(head)
            if appos is not None:
                countries, orgs, bodies, titles = appos
                return self.person(head, countries, orgs, bodies, titles, start)
        country = text_country
        span = None
        if country is None and not text_org:
            stated = self.stated(head)
            if stated is not None:
                country, s_sector, s_role, span = stated
                if not titles or not sector or t_weak or s_sector in ("PTY", "OPP"):
                    sector, role_text = s_sector, role_text or s_role
        info = _Info(("U", name.lower()), name, "person", country=None if text_org else country,
                     org=text_org, sector=sector, role=role_text, raw=self.text[start:head.end],
                     surname=_fold_tuple(name.split()[-1]))
        short = self.infos.get(("U", name.split()[-1].lower())) if len(name.split()) > 1 \
            else None
        if short is not None and short.kind == "person":
            # "Bishop Alvarez" first, "Bishop Tomas Alvarez" later: one person, full name
            short.name = name
            short.country = short.country or info.country
            short.org, short.sector = short.org or info.org, short.sector or info.sector
            short.role = short.role or info.role
            info = short
        self._fill_later(info)
        self.add(start, head.end, [info], "name")
        if span is not None:
            a, b = span
            # the description is his, not a state's or a group's mention of its own
            self.mentions = [m for m in self.mentions if not (
                a <= m.start and m.end <= b and m.kind in ("demonym", "title", "name")
                and all(self.infos[i].kind in ("state", "group") for i in m.idents))]
            for chain in self._chains[self.chains_from(a):self.chains_from(b)]:
                self._consumed.add(id(chain))
            self.add(a, b, [self.infos[info.ident]], "title")

    def _out_of_office(self, person: Person, ksector: str | None, titles: list[_Item],
                       text_org: str | None) -> str | None:
        """A known politician between government offices, or before the first, on the
        article's date (an ex-premier who will govern again, a president-to-be before the
        count) is out of power and still in the race: named bare or by a past title
        ('former premier X': what they were, not what they are), they act as the
        opposition to whoever governs, not as the government. One with no office to come
        (a retired or just-departed leader) keeps the nearest office's sector: gold codes
        such elders by the state they led. A current title the text gives or an
        international body decides instead."""
        day = self.day
        if ksector != "GOV" or titles or text_org is not None or day is None:
            return ksector
        if any(r.sector == "GOV" and r.start is not None and r.start > day
               for r in person.roles):
            return "OPP"
        return ksector

    def _fill_later(self, info: _Info) -> None:
        """'A court removed X from office.' first, 'The region's governor, X, said' later:
        the person named bare first keeps the state, sector and role a later naming gives
        (the first naming wins only for what it says)."""
        old = self.infos.get(info.ident)
        if old is None or old is info or old.kind != "person":
            return
        if old.country is None and old.org is None:
            old.country, old.org = info.country, info.org
        if old.sector is None:
            old.sector = info.sector
        old.role = old.role or info.role

    def _named_later(self, surname: str) -> bool:
        """Does the article name in full someone the knowledge base does not know with
        this surname ('Bishop Ortiz' in the headline, 'Bishop Ana Ortiz' in the body)? Then
        the surname is that person, not a famous namesake."""
        if self._full_surnames is None:  # once per article: no scan per surname
            self._full_surnames = {_fold_tuple(it.text)[-1] for it in self._items
                                   if it.kind == "uperson" and len(it.text.split()) > 1}
        key = _fold_tuple(surname)
        return len(key) == 1 and key[0] in self._full_surnames

    def _partial_name(self, name: str) -> _Info | None:
        """'Dammu' tagged alone first, 'Dammu Ravi' later (or the reverse): one person."""
        key = _fold_tuple(name)
        hits = []
        for info in self.infos.values():
            if info.kind != "person" or info.ident[0] != "U":
                continue
            other = _fold_tuple(info.name)
            short, long_ = (other, key) if len(other) < len(key) else (key, other)
            if len(short) == len(long_) or not short:
                continue
            if any(long_[k:k + len(short)] == short for k in range(len(long_) - len(short) + 1)):
                hits.append(info)
        if len(hits) != 1:
            return None
        info = hits[0]
        if len(key) > len(_fold_tuple(info.name)):
            info.name, info.surname = name, key[-1:]
        return info

    def title(self, head: _Item, countries: list[Country], orgs: list[Organization],
              bodies: list[tuple[Body, _Item]], titles: list[_Item], start: int) -> None:
        title: Title = head.ref
        all_titles = titles + [head]
        role_text = self._role_text(all_titles)
        t_sector, t_inherit, t_weak = self._title_sector(all_titles)
        org_sector = None
        org_key = None
        country = None
        for org in orgs:
            org_sector = org.sector_at(self.day)
            if org.kind == "igo":
                org_key = org.org
            else:
                country = org.country
        for body, _ in bodies:
            org_sector = body.sector
        sector = t_sector if (t_sector and not t_weak) else (org_sector or t_sector)
        sector = self._org_led(sector, org_sector, all_titles)
        if t_inherit:
            prev = self.last_person_with_role(head.start)
            if prev is not None:
                sector, role_text = prev.sector, prev.role
        member = head.text.lower()
        if member in self.lex.members and (title.plural or title.collective):
            if orgs and not titles and not countries:
                # "Hamas fighters", "Houthi forces": the members are the group itself
                org = orgs[-1]
                self.add(start, head.end, [self.org_info(org, org.name)], "name")
                return
            if titles and sector == "GOV" and self.lex.members[member]:
                sector = self.lex.members[member]  # "government troops": its military
        if len(countries) > 1 and not org_key:
            infos = [self.group_info(c.iso3, None, sector, role_text, head, c) for c in countries]
            self.add(start, head.end, infos, "title")
            return
        if countries:
            country = countries[-1].iso3
        if country is None and org_key is None:
            self._deferred_spans.append((start, head.end, title, role_text, sector))
            return
        c = self.kb.countries.get(country) if country else None
        self.add(start, head.end, [self.group_info(country, org_key, sector, role_text, head, c,
                                                   orgs[-1] if orgs else None,
                                                   self.text[start:head.start])], "title")

    def group_info(self, country: str | None, org: str | None, sector: str | None,
                   role: str | None, head: _Item, c: Country | None = None,
                   org_obj: Organization | None = None, before: str = "") -> _Info:
        """A group named by a title ('Farc commander'); ``before`` is the text of its phrase
        before the title, the organisation's name as the article wrote it ('Farc')."""
        noun = head.text.lower() if head.ref.collective or head.ref.plural else head.text.lower()
        if org_obj is not None:
            written = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", before.strip())
            short = org_obj.name if (len(org_obj.name) < 16 or org_obj.key.startswith("~")) \
                else (org or (written if 0 < len(written) < len(org_obj.name)
                              and re.fullmatch(r"[\w.'\u2019 -]+", written) else org_obj.name))
            name = f"{short} {noun}"
        elif org is not None:
            name = f"{org} {noun}"
        elif c is not None:
            name = f"{c.adjective or c.name} {noun}"
        else:
            name = noun
        if sector == "GOV" and org is None and country is not None and head.ref.collective:
            # "the Belarusian authorities" is the state itself, named by a description
            info = self.state_info(c, "GOV", raw=head.text) if c else None
            if info is not None:
                return replace(info, name=c.name if c else name, named=False,
                               raw=self.text[head.start:head.end])
        return _Info(("G", country, org, sector), name, "group", country=country, org=org,
                     sector=sector, role=role, raw=head.text, named=False)

    def _org_led(self, sector: str | None, org_sector: str | None,
                 titles: list[_Item]) -> str | None:
        """'president of the National Retail Federation' leads a business group, not a state."""
        if not org_sector or org_sector == "GOV" or not titles:
            return sector
        if all(t.ref.text.lower() in self.lex.leader_titles or t.ref.weak for t in titles):
            return org_sector
        return sector

    @staticmethod
    def _role_text(titles: list[_Item]) -> str | None:
        if not titles:
            return None
        return " ".join(it.text for it in titles)

    @staticmethod
    def _title_sector(titles: list[_Item]) -> tuple[str | None, bool, bool]:
        strong = [t.ref for t in titles if not t.ref.weak]
        if strong:
            return strong[0].sector, any(t.ref.inherit for t in titles), False
        if titles:
            return titles[-1].ref.sector, any(t.ref.inherit for t in titles), True
        return None, False, False
