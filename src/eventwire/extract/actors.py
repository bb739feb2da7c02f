"""Actors: who is named in an article, resolved to a country/organisation + sector.

One pass of the knowledge base over the text finds every known name, title, demonym and
institution (:meth:`KnowledgeBase.scan`); spaCy adds the people it tags that the knowledge base
does not know. Adjacent pieces are composed into noun phrases ("Russian Defense Minister Sergei
Shoigu", "Moscow's military", "Pakistan's Foreign Ministry"), and later references are resolved
in-article: surnames, pronouns, "the official", "the alliance", "the two countries".

The public surface the rest of the package relies on is ``ActorIndex`` and
``extract_actors(doc, kb, published) -> ActorIndex``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Actor, ActorRef, Mention
from .knowledge import (Body, Country, Entry, KnowledgeBase, Match, Organization, Person,
                        Title, as_date, tokenize)

log = logging.getLogger(__name__)


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


# -- language data -----------------------------------------------------------------------
#: Prepositions after which a capital is a place, not an actor ("an embassy in Washington").
LOCATIVE = frozenset({"in", "at", "near", "to", "into", "outside", "around", "across", "within",
                      "toward", "towards", "through", "via", "inside", "throughout", "beyond",
                      "from", "off", "along"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: "the two countries" and friends: (noun -> which actors may fill them)
PAIR = re.compile(r"\b(?:[Tt]he two|[Bb]oth(?: the)?|[Tt]he two neighbou?ring)\s+"
                  r"(countries|nations|states|sides|neighbou?rs|governments|capitals)\b")
#: "the alliance", "the 30-member coalition", "the Western military alliance"
DESCRIPTION = re.compile(r"\b[Tt]he\s+((?:[\w-]+\s+){0,3}?)([A-Za-z]+)\b")
INDEFINITE = frozenset({"a", "an", "another", "one"})
DEFINITE = frozenset({"the", "this", "that"})

_POSSESSIVE = re.compile(r"^\s?['\u2019]s?\s+$")
_SPACE = re.compile(r"^[ \t]+$")
_HYPHEN = re.compile(r"^\s?[-\u2013]\s?$")
_AND = re.compile(r"^\s+and\s+$")
_TO = re.compile(r"^\s+to\s+(?:the\s+)?$")
_OF = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?$")
_LIST = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")
_LED = re.compile(r"^-(?:led|backed|based|supported|allied|aligned|brokered|made)\b")
_APPOS = re.compile(r"^\s*,\s*(?:the\s+|a\s+|an\s+)?$")

STATE_LIKE = frozenset({"country", "capital", "metonym", "demonym"})
#: Sectors that only mean something with a state attached ("forces" alone is no actor).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "PTY"})
SECTOR_WORDS = {"GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
                "REB": "rebels", "OPP": "opposition", "CVL": "civilians", "LEG": "legislature",
                "JUD": "judiciary", "PTY": "party", "BUS": "business", "MED": "media",
                "JRN": "journalists", "REL": "clergy", "NGO": "NGOs"}


# -- working records ---------------------------------------------------------------------------
@dataclass
class _Item:
    """One piece of a noun phrase: a knowledge-base match or a spaCy-tagged person."""

    start: int
    end: int
    text: str
    kind: str  # person | uperson | org | body | title | country | capital | metonym | demonym
    ref: Any
    entry: Entry | None = None


@dataclass
class _Info:
    """What the article tells about one actor (the first naming wins)."""

    ident: tuple[Any, ...]
    name: str
    kind: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    raw: str | None = None
    kb_id: str | None = None
    gender: str | None = None
    surname: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()  # description nouns that may refer back to it
    named: bool = True  # False for groups named only by a description


@dataclass
class _Mention:
    start: int
    end: int
    idents: tuple[tuple[Any, ...], ...]
    text: str
    kind: str


class _Extractor:
    """The state of one article's extraction; :func:`extract_actors` is its only user."""

    def __init__(self, doc: Any, kb: KnowledgeBase, published: str | None) -> None:
        self.doc = doc
        self.kb = kb
        self.text: str = doc.text
        self.day: dt.date | None = as_date(published)
        self.published = published
        self.infos: dict[tuple[Any, ...], _Info] = {}
        self.mentions: list[_Mention] = []
        self.tok_starts = [t.idx for t in doc]
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        self.sent_starts = [s.start_char for s in sents]

    # -- helpers --------------------------------------------------------------------------
    def token(self, char: int) -> Any:
        i = bisect.bisect_right(self.tok_starts, char) - 1
        return self.doc[max(i, 0)]

    def sent_of(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def word_before(self, char: int) -> str:
        m = re.search(r"([A-Za-z]+)\W*$", self.text[max(0, char - 30):char])
        return m.group(1).lower() if m else ""

    def add(self, start: int, end: int, infos: list[_Info], kind: str) -> None:
        idents = []
        for info in infos:
            if info.ident not in self.infos:
                self.infos[info.ident] = info
            elif info.named and not self.infos[info.ident].named:
                old = self.infos[info.ident]
                self.infos[info.ident] = replace(old, name=info.name, raw=info.raw, named=True)
            if info.ident not in idents:
                idents.append(info.ident)
        text = self.text[start:end]
        lead = re.match(r"(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Aa]n?)\s+", text)
        if lead and kind != "pronoun":
            start, text = start + lead.end(), text[lead.end():]
        self.mentions.append(_Mention(start, end, tuple(idents), text, kind))

    # -- step 1: items --------------------------------------------------------------------
    def items(self) -> list[_Item]:
        """Knowledge-base matches plus spaCy PERSON names the knowledge base does not know."""
        matches = self.kb.scan(self.text, tokenize(self.text))
        ents = [e for e in self.doc.ents]
        ent_label_at: dict[int, str] = {}
        for e in ents:
            for t in e:
                ent_label_at[t.i] = e.label_
        items: list[_Item] = []
        for m in matches:
            e = m.entry
            if e.ambiguous:
                label = ent_label_at.get(self.token(m.start).i)
                wanted = {"GPE", "LOC", "NORP"} if e.kind in STATE_LIKE else {"ORG", "NORP"}
                if label not in wanted:
                    continue
            if e.kind == "capital" and self._locative(m.start):
                continue
            items.append(_Item(m.start, m.end, m.text, e.kind, e.ref, e))
        # unknown people: spaCy PERSON entities no known name covers
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            start, end = ent.start_char, ent.end_char
            name = self.text[start:end]
            cut = re.search(r"\s*['\u2019]s?$|\s+$", name)
            if cut:
                end = start + cut.start()
            inside = [it for it in items if it.start < end and it.end > start]
            if any(it.kind in ("person", "org", "demonym", "country") for it in inside):
                continue  # the knowledge base knows better than the tagger here
            for it in inside:
                if it.kind == "title" and it.start <= start:
                    start = it.end
                    while start < end and self.text[start].isspace():
                        start += 1
            inside = [it for it in items if it.start < end and it.end > start]
            for it in inside:
                items.remove(it)
            words = self.text[start:end].split()
            if not words or not all(w[:1].isupper() for w in words) or "\n" in self.text[start:end]:
                continue
            items.append(_Item(start, end, self.text[start:end], "uperson", None))
        items.sort(key=lambda it: it.start)
        return items

    def _locative(self, char: int) -> bool:
        tok = self.token(char)
        seen = 0
        while tok.dep_ in ("conj", "compound", "appos") and tok.head is not tok and seen < 5:
            tok, seen = tok.head, seen + 1
        return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE

    # -- step 2: noun phrases ---------------------------------------------------------------
    def chains(self, items: list[_Item]) -> list[list[tuple[str, _Item]]]:
        """Group adjacent items into phrases; each item carries how it joins the previous."""
        out: list[list[tuple[str, _Item]]] = []
        cur: list[tuple[str, _Item]] = []
        for it in items:
            if cur:
                prev = cur[-1][1]
                gap = self.text[prev.end:it.start]
                join = self._join(prev, it, gap)
                if join:
                    cur.append((join, it))
                    continue
                out.append(cur)
            cur = [("", it)]
        if cur:
            out.append(cur)
        return out

    def _join(self, prev: _Item, it: _Item, gap: str) -> str:
        if prev.kind in ("person", "uperson"):
            return ""
        if _LED.match(self.text[prev.end:prev.end + 12]):
            return ""
        if gap == "" or _SPACE.match(gap):
            if gap == "" and not (prev.kind in STATE_LIKE and it.kind in STATE_LIKE):
                return ""
            return "space"
        if _HYPHEN.match(gap) and prev.kind in STATE_LIKE and it.kind in STATE_LIKE:
            return "and"
        if _AND.match(gap) and prev.kind == "demonym" and it.kind == "demonym":
            return "and"
        if _POSSESSIVE.match(gap) and prev.kind in ("country", "capital", "metonym", "org", "body"):
            return "poss"
        if _TO.match(gap) and prev.kind == "title" and it.kind in ("country", "capital"):
            return "to"
        if _OF.match(gap) and prev.kind == "title" and it.kind in ("country", "org"):
            return "of"
        if _LIST.match(gap) and prev.kind == "country" and it.kind == "country":
            return "list"
        return ""

    def phrase(self, chain: list[tuple[str, _Item]]) -> None:
        """Interpret one phrase: find its head and let the modifiers say whose it is."""
        # complements "ambassador to the U.S." are mentions of their own
        parts: list[tuple[str, _Item]] = []
        for join, it in chain:
            if join == "to":
                self.state_mention([it])
                continue
            parts.append((join, it))
        chain = parts
        # split off trailing state-like items that are not modifiers of anything
        head_i = len(chain) - 1
        while head_i >= 0:
            join, head = chain[head_i]
            if head.kind == "title" and not self._title_is_head(head, chain, head_i):
                head_i -= 1
                continue
            break
        if head_i < 0:
            return
        chain = chain[:head_i + 1]
        join, head = chain[-1]
        mods = chain[:-1]
        if head.kind in STATE_LIKE:
            # "Russian-Belarusian", "Latvia, Lithuania and Poland": one mention, several states
            group = [head]
            k = len(chain) - 1
            while k > 0 and chain[k][0] in ("and", "list"):
                group.insert(0, chain[k - 1][1])
                k -= 1
            self.state_mention(group)
            for j, (jn, it) in enumerate(chain[:k]):
                if it.kind in STATE_LIKE or it.kind == "org":
                    self.lone(it)
            return
        countries, orgs, bodies, titles, of_items = self._modifiers(mods, head)
        start = mods[0][1].start if mods else head.start
        if head.kind in ("person", "uperson"):
            self.person(head, countries, orgs, bodies, titles, start)
        elif head.kind in ("org", "body"):
            self.organisation(head, countries, orgs, start)
        elif head.kind == "title":
            self.title(head, countries + of_items, orgs, bodies, titles, start)

    def _title_is_head(self, item: _Item, chain: list[tuple[str, _Item]], i: int) -> bool:
        """A title modifying a noun outside the phrase ('military buildup') is not its head."""
        if i + 1 < len(chain):
            return False
        tok = self.token(item.end - 1)
        if tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i:
            return False
        # "the military alliance": a noun follows directly
        nxt = tok.nbor(1) if tok.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.idx == item.end + 1 \
                and tok.dep_ != "poss" and nxt.dep_ not in ("appos", "nsubj", "dobj", "pobj"):
            return False
        return True

    def _modifiers(self, mods: list[tuple[str, _Item]], head: _Item
                   ) -> tuple[list[Country], list[Organization], list[tuple[Body, _Item]],
                              list[_Item], list[Country]]:
        countries: list[Country] = []
        orgs: list[Organization] = []
        bodies: list[tuple[Body, _Item]] = []
        titles: list[_Item] = []
        of_items: list[Country] = []
        for join, it in mods:
            if it.kind in ("country", "capital", "demonym"):
                (of_items if join in ("of", "list") and of_items is not None and titles
                 else countries).append(it.ref)
            elif it.kind == "metonym":
                countries.append(it.ref[0])
            elif it.kind == "org":
                if join == "of" and titles and it.ref.kind == "igo":
                    orgs.append(it.ref)
                else:
                    orgs.append(it.ref)
            elif it.kind == "body":
                bodies.append((it.ref, it))
            elif it.kind == "title":
                titles.append(it)
        return countries, orgs, bodies, titles, of_items

    # -- resolution of heads ------------------------------------------------------------------
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
        return _Info(("O", org.key), name, "organization", country=org.country,
                     sector=org.sector_at(self.day), raw=text, kb_id=org.key, refs=org.refs)

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

    deferred_bodies: list[tuple[Body, str, int, int]]

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
                text_country = self.context_country(head.start, body_ok=True)
        if t_inherit:
            prev = self.last_person_with_role(head.start)
            if prev is not None:
                t_sector = prev.sector
                role_text = prev.role
        sector = t_sector if (t_sector and not t_weak) else (org_sector or t_sector)
        if head.kind == "person":
            person: Person = head.ref
            res = self.kb.resolve(person, self.day or self.published)
            country, org, ksector, ktitle = res.country, res.org, res.sector, res.title
            if not res.active:
                country = text_country or (None if text_org else person.country)
                org = text_org
                ksector = sector or ksector
            info = _Info(("P", person.key), head.text, "person", country=country, org=org,
                         sector=ksector, role=role_text or ktitle, raw=self.text[start:head.end],
                         kb_id=person.key, gender=person.gender,
                         surname=_fold_tuple(person.surname))
            self.add(start, head.end, [info], "name")
            return
        name = head.text
        # a surname alone may be a person named earlier, or a known one
        prior = self.person_by_surname(name)
        if prior is None and len(name.split()) == 1:
            firsts = [i for i in self.infos.values() if i.kind == "person"
                      and len(i.name.split()) > 1 and i.name.split()[0] == name]
            prior = firsts[0] if len(firsts) == 1 else None
        if prior is not None and not (countries or orgs or bodies or titles):
            self.add(start, head.end, [prior], "name")
            return
        if len(name.split()) == 1:
            res = self.kb.by_surname(name, self.day or self.published)
            if res is not None:
                info = _Info(("P", res.person.key), res.person.name, "person", country=res.country,
                             org=res.org, sector=res.sector, role=role_text or res.title,
                             raw=name, kb_id=res.person.key, gender=res.person.gender,
                             surname=_fold_tuple(res.person.surname))
                self.add(start, head.end, [info], "name")
                return
        if not (countries or orgs or bodies or titles):
            appos = self.appositive(head)
            if appos is not None:
                countries, orgs, bodies, titles = appos
                return self.person(head, countries, orgs, bodies, titles, start)
        country = text_country
        info = _Info(("U", name.lower()), name, "person", country=None if text_org else country,
                     org=text_org, sector=sector, role=role_text, raw=self.text[start:head.end],
                     surname=_fold_tuple(name.split()[-1]))
        self.add(start, head.end, [info], "name")

    def appositive(self, head: _Item) -> tuple[list[Country], list[Organization],
                                                list[tuple[Body, _Item]], list[_Item]] | None:
        """'Viktor Khrenin, Belarus's defence minister,': the phrase right after a name."""
        for chain in self._chains:
            first = chain[0][1]
            if first.start <= head.end:
                continue
            if not _APPOS.match(self.text[head.end:first.start]):
                return None
            last = chain[-1][1]
            if last.kind != "title":
                return None
            countries, orgs, bodies, titles, _ = self._modifiers(chain, head)
            self._consumed.add(id(chain))
            return countries, orgs, bodies, titles
        return None

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
        if t_inherit:
            prev = self.last_person_with_role(head.start)
            if prev is not None:
                sector, role_text = prev.sector, prev.role
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
                                                   orgs[-1] if orgs else None)], "title")

    _deferred_spans: list[tuple[int, int, Title, str | None, str | None]]

    def group_info(self, country: str | None, org: str | None, sector: str | None,
                   role: str | None, head: _Item, c: Country | None = None,
                   org_obj: Organization | None = None) -> _Info:
        noun = head.text.lower() if head.ref.collective or head.ref.plural else head.text.lower()
        if org_obj is not None:
            name = f"{org_obj.name if len(org_obj.name) < 16 else (org or org_obj.key)} {noun}"
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

    # -- context ------------------------------------------------------------------------------
    def context_country(self, pos: int, body_ok: bool = False) -> str | None:
        """The one country the sentence (else the whole article) is about, if only one."""
        sent = self.sent_of(pos)
        in_sent: set[str] = set()
        everywhere: set[str] = set()
        for m in self.mentions:
            for ident in m.idents:
                info = self.infos[ident]
                if info.country and info.org is None:
                    everywhere.add(info.country)
                    if self.sent_of(m.start) == sent and info.kind != "person":
                        in_sent.add(info.country)
        if len(in_sent) == 1:
            return next(iter(in_sent))
        if len(everywhere) == 1:
            return next(iter(everywhere))
        return None

    def last_person_with_role(self, pos: int) -> _Info | None:
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if m.start >= pos:
                continue
            for ident in m.idents:
                info = self.infos[ident]
                if info.kind == "person" and info.sector:
                    return info
        return None

    def person_by_surname(self, name: str) -> _Info | None:
        key = _fold_tuple(name)
        for info in self.infos.values():
            if info.kind == "person" and (info.surname == key or _fold_tuple(info.name) == key
                                          or _fold_tuple(info.name)[-len(key):] == key):
                return info
        return None

    # -- step 3: references -------------------------------------------------------------------
    def resolve_deferred(self) -> None:
        """Bare titles and bodies: 'the official' (an earlier official), 'police' (context)."""
        for start, end, title, role, sector in self._deferred_spans:
            before = self.word_before(start)
            text = self.text[start:end]
            if not title.collective and not title.plural:
                if before in DEFINITE:
                    info = self.last_with_title(title.text, start)
                    if info is not None:
                        self.add(start, end, [info], "description")
                continue
            country = self.context_country(start)
            if country is None and sector in STATE_SECTORS:
                continue  # "armed forces around the world": nobody in particular
            c = self.kb.countries.get(country) if country else None
            head = _Item(start, end, text, "title", title)
            self.add(start, end, [self.group_info(country, None, sector, role, head, c)],
                     "title")
        for body, text, start, end in self.deferred_bodies:
            country = self.context_country(start, body_ok=True)
            if country is not None:
                self._body(body, country, text, start, end)

    def last_with_title(self, title: str, pos: int) -> _Info | None:
        word = title.lower().split()[-1]
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if m.start >= pos:
                continue
            for ident in m.idents:
                info = self.infos[ident]
                role = (info.role or "").lower()
                if role and (role == title.lower() or role.split()[-1] == word
                             or role.split()[-1] == word + "s"):
                    return info
        return None

    def surnames(self) -> None:
        """Later mentions by surname ('Shoigu') of people named in full earlier."""
        covered = [(m.start, m.end) for m in self.mentions]
        covered.sort()
        starts = [c[0] for c in covered]
        people = [i for i in self.infos.values() if i.kind == "person" and i.surname]
        if not people:
            return
        by_first: dict[str, list[_Info]] = {}
        for info in people:
            by_first.setdefault(info.surname[0], []).append(info)
        toks = tokenize(self.text)
        folded = [_fold_tuple(t)[0] if t.strip() else "" for _, _, t in toks]
        for i, (s, e, surface) in enumerate(toks):
            cands = by_first.get(folded[i])
            if not cands or not surface[:1].isupper():
                continue
            for info in cands:
                n = len(info.surname)
                if tuple(folded[i:i + n]) != info.surname:
                    continue
                end = toks[i + n - 1][1]
                j = bisect.bisect_right(starts, s) - 1
                if j >= 0 and covered[j][0] <= s < covered[j][1]:
                    break
                first = min(m.start for m in self.mentions if info.ident in m.idents)
                if first > s:
                    break
                self.mentions.append(_Mention(s, end, (info.ident,), self.text[s:end], "name"))
                break

    def pronouns(self) -> None:
        """he/she/his/her -> the most salient earlier person; its -> the nearest state/org."""
        ordered = sorted(self.mentions, key=lambda m: m.start)
        starts = [m.start for m in ordered]
        for tok in self.doc:
            low = tok.lower_
            if low not in MALE and low not in FEMALE and low not in NEUTER:
                continue
            pos = tok.idx
            k = bisect.bisect_left(starts, pos)
            if k < len(ordered) and ordered[k].start == pos:
                continue
            prior = ordered[:k]
            if low in NEUTER:
                ident = self._neuter(tok, prior)
            else:
                ident = self._personal(tok, prior, "f" if low in FEMALE else "m")
            if ident is not None:
                self.mentions.append(_Mention(pos, pos + len(tok.text), (ident,), tok.text,
                                              "pronoun"))

    def _personal(self, tok: Any, prior: list[_Mention], gender: str) -> tuple[Any, ...] | None:
        sent = self.sent_of(tok.idx)
        best_any = None
        best_subj_same = None
        best_subj_prev = None
        for m in reversed(prior):
            s = self.sent_of(m.start)
            if s < sent - 3:
                break
            for ident in m.idents:
                info = self.infos[ident]
                if info.kind != "person" or (info.gender and info.gender != gender):
                    continue
                is_subj = self.is_subject(m)
                if best_any is None:
                    best_any = ident
                if is_subj and s == sent and best_subj_same is None:
                    best_subj_same = ident
                if is_subj and s < sent and best_subj_prev is None:
                    best_subj_prev = ident
        if best_subj_same is not None:
            return best_subj_same
        same_sent_any = next((i for m in reversed(prior) if self.sent_of(m.start) == sent
                              for i in m.idents if self.infos[i].kind == "person"
                              and self.infos[i].gender in (None, gender)), None)
        if same_sent_any is not None:
            return same_sent_any
        return best_subj_prev or best_any

    def is_subject(self, m: _Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in SUBJECT_DEPS

    def _neuter(self, tok: Any, prior: list[_Mention]) -> tuple[Any, ...] | None:
        """'it'/'its': a single named state or organisation, the clause subject first."""
        if tok.lower_ == "it":
            if tok.dep_ not in SUBJECT_DEPS or tok.head.lemma_ in ("be", "seem", "appear",
                                                                   "take", "remain", "mean"):
                return None
        sent = self.sent_of(tok.idx)
        nearest = None
        for m in reversed(prior):
            s = self.sent_of(m.start)
            if s < sent - 1 or (s < sent and nearest is not None):
                break
            if m.kind not in ("name", "metonym"):
                continue
            infos = [self.infos[i] for i in m.idents]
            if len(infos) != 1 or infos[0].kind == "person":
                continue
            if nearest is None and s == sent and re.search(
                    r"\b(?:which|that)\b", self.text[m.end:tok.idx]):
                return infos[0].ident  # "China, which ... its": the relative clause's noun
            if self.is_subject(m):
                return infos[0].ident
            if nearest is None:
                nearest = infos[0].ident
        return nearest

    def descriptions(self) -> None:
        """'the alliance', 'the bloc', 'the two countries': back to what was named before."""
        covered = sorted((m.start, m.end) for m in self.mentions)
        starts = [c[0] for c in covered]

        def taken(s: int, e: int) -> bool:
            j = bisect.bisect_right(starts, e) - 1
            while j >= 0 and covered[j][1] > s:
                if covered[j][0] < e:
                    return True
                j -= 1
            return False

        ordered = sorted(self.mentions, key=lambda m: m.start)
        for m in PAIR.finditer(self.text):
            noun = m.group(1)
            want_states = noun not in ("sides",)
            picked: list[tuple[Any, ...]] = []
            for prior in reversed([x for x in ordered if x.end <= m.start()]):
                for ident in prior.idents:
                    info = self.infos[ident]
                    ok = (info.kind == "state") if want_states else info.kind != "person"
                    if ok and ident not in picked:
                        picked.append(ident)
                if len(picked) >= 2:
                    break
            if len(picked) == 2 and not taken(m.start(), m.end()):
                self.mentions.append(_Mention(m.start(), m.end(), (picked[1], picked[0]),
                                              m.group(), "description"))
        for m in DESCRIPTION.finditer(self.text):
            noun = m.group(2).lower()
            orgs = self.kb.org_refs(noun)
            if not orgs:
                continue
            s, e = m.start(), m.end()
            if taken(s, e):
                continue
            keys = {o.key for o in orgs}
            for prior in reversed([x for x in ordered if x.end <= s]):
                hit = next((i for i in prior.idents if self.infos[i].kb_id in keys), None)
                if hit is not None:
                    self.mentions.append(_Mention(s, e, (hit,), self.text[s:e], "description"))
                    break

    # -- assembly -------------------------------------------------------------------------------
    def run(self) -> ActorIndex:
        self.deferred_bodies = []
        self._deferred_spans = []
        self._consumed: set[int] = set()
        items = self.items()
        self._chains = self.chains(items)
        for chain in self._chains:
            if id(chain) in self._consumed:
                continue
            self.phrase(chain)
        self.resolve_deferred()
        self.surnames()
        self.descriptions()
        self.pronouns()
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


def _fold_tuple(text: str) -> tuple[str, ...]:
    from .knowledge import _fold
    return tuple(_fold(t) for _, _, t in tokenize(text))


def extract_actors(doc: Any, kb: KnowledgeBase | None = None,
                   published: str | None = None) -> ActorIndex:
    """Every actor of a parsed article, with its mentions; roles are dated by ``published``."""
    if kb is None:
        kb = KnowledgeBase.load()
    return _Extractor(doc, kb, published).run()


def load_knowledge() -> KnowledgeBase:
    """The packaged knowledge base (load once; the Pipeline holds it)."""
    return KnowledgeBase.load()


__all__ = ["ActorIndex", "extract_actors", "load_knowledge", "KnowledgeBase"]
