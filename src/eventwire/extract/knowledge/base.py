"""The knowledge base: loading entry point, lookups, dated roles and one-pass scan."""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any


from ...errors import KnowledgeError
from .text import as_date, _case_ok, FILES, _fold, _key, plural, _SUBORDINATE, tokenize
from .records import (Body, Country, Entry, Lexicon, Match, Organization, Person, Resolved,
                      Role, Title)
from .reader import _Reader
from .loader import _Loader
from .loader import _Loader


log = logging.getLogger("eventwire.extract.knowledge")


@dataclass
class KnowledgeBase(_Loader):
    """Every dictionary of actors, indexed for one-pass matching. Build it with :meth:`load`."""

    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    metonyms: int = 0
    #: states whose people's names put the family name first ("Wang Yi" is Mr Wang)
    family_first: set[str] = field(default_factory=set)
    #: folded token tuple -> entries, best first
    index: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    #: first folded token -> longest alias length starting with it
    longest: dict[str, int] = field(default_factory=dict)
    #: folded surname tuple -> people with that surname
    surnames: dict[tuple[str, ...], list[Person]] = field(default_factory=dict)
    #: description noun ('alliance', 'bloc') -> organisations it may refer back to
    refs: dict[str, list[Organization]] = field(default_factory=dict)
    lexicon: Lexicon = field(default_factory=Lexicon)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def load(cls, directory: str | Path | None = None) -> "KnowledgeBase":
        """Read and validate the YAML files (the packaged ones unless ``directory``).

        Besides the required ``FILES``, every ``people*.yaml`` in the folder is read (sorted), so
        people can be split over several files; an alias still names one person across all.
        """
        kb = cls()
        folder = (resources.files("eventwire") / "data" / "actors" if directory is None
                  else Path(directory))
        extra = sorted(n.name for n in folder.iterdir()
                       if re.fullmatch(r"people.*\.yaml", n.name) and n.name not in FILES)
        texts: dict[str, tuple[str, str]] = {}
        for name in (*FILES, *extra):
            node = folder / name
            label = f"eventwire/data/actors/{name}" if directory is None else str(node)
            try:
                texts[name] = (label, node.read_text(encoding="utf-8"))
            except FileNotFoundError as exc:
                raise KnowledgeError(label, None, "file is missing") from exc
        kb._load_countries(_Reader(*texts["countries.yaml"]))
        kb._load_organizations(_Reader(*texts["organizations.yaml"]))
        kb._load_titles(_Reader(*texts["titles.yaml"]))
        people_seen: dict[tuple[str, ...], tuple[Any, ...]] = {}
        for name in sorted(n for n in texts if n.startswith("people")):
            kb._load_people(_Reader(*texts[name]), people_seen)
        kb._load_lexicon(_Reader(*texts["lexicon.yaml"]))
        for entries in kb.index.values():
            entries.sort(key=lambda e: e.priority)
        log.debug("knowledge base loaded: %s", kb.stats())
        return kb

    def lookup(self, text: str) -> list[Entry]:
        """Every meaning of exactly this name (case rules applied), best first."""
        toks = tokenize(text)
        entries = self.index.get(tuple(_fold(t) for _, _, t in toks), [])
        return [e for e in entries if _case_ok(e.case, [t for _, _, t in toks])]

    def country(self, text: str) -> Country | None:
        """The state a name, capital, demonym or metonym stands for."""
        for e in self.lookup(text):
            if e.kind in ("country", "capital", "demonym"):
                return e.ref
            if e.kind == "metonym":
                return e.ref[0]
        return None

    def demonym(self, text: str) -> str | None:
        """ISO3 for an adjective of nationality ('Belarussian' -> 'BLR')."""
        for e in self.lookup(text):
            if e.kind == "demonym":
                return e.ref.iso3
        return None

    def organization(self, text: str) -> Organization | None:
        for e in self.lookup(text):
            if e.kind == "org":
                return e.ref
        return None

    def title(self, text: str) -> Title | None:
        """The role noun (singular or plural) -> its sector and flags."""
        for e in self.index.get(_key(text), []):
            if e.kind == "title":
                return e.ref
        return None

    def body(self, text: str) -> Body | None:
        for e in self.lookup(text):
            if e.kind == "body":
                return e.ref
        return None

    def person(self, name: str, when: str | dt.date | None = None) -> Resolved | None:
        """A known person by full name or alias, resolved as of ``when``."""
        for e in self.index.get(_key(name), []):
            if e.kind == "person":
                return self.resolve(e.ref, when)
        return None

    def by_surname(self, surname: str, when: str | dt.date | None = None) -> Resolved | None:
        """A person by surname alone, only when exactly one known person fits."""
        people = self.surnames.get(_key(surname), [])
        day = as_date(when)
        if len(people) > 1 and day is not None:
            active = [p for p in people if any(r.covers(day) for r in p.roles)]
            people = active if len(active) == 1 else people
        if len(people) > 1 and len({p.country for p in people}) == 1 and day is None:
            # "President Bush" with no date: which Bush is open, but not which country;
            # keep the most recent holder of office so the side is right
            latest = max(people, key=lambda p: max((r.start or dt.date.min) for r in p.roles))
            return self.resolve(latest, when)
        return self.resolve(people[0], when) if len(people) == 1 else None

    def resolve(self, person: Person, when: str | dt.date | None) -> Resolved:
        """Who ``person`` was on ``when``: the role covering it, else nationality only."""
        day = as_date(when)
        roles = person.roles
        if day is None:
            # no date to check a role against: the main role (Person.main_role), else the
            # nationality with the sector of the latest role
            role = self.main_role(person)
            if role is not None:
                return Resolved(person, role.country, role.org, role.sector, role.title, False,
                                undated=True)
            role = max(roles, key=lambda r: r.start or dt.date.min)
            return Resolved(person, person.country, None, role.sector, None, False,
                            undated=True)
        active = [r for r in roles if r.covers(day)]
        if active:
            role = max(active, key=lambda r: r.start or dt.date.min)
            return Resolved(person, role.country, role.org, role.sector, role.title, True)

        def gap(r: Role) -> int:
            if r.end is not None and r.end < day:
                return (day - r.end).days
            return ((r.start or day) - day).days

        nearest = min(roles, key=gap)
        return Resolved(person, person.country, None, nearest.sector, None, False)

    def main_role(self, person: Person) -> Role | None:
        """The role an undated article most likely means, by a fixed rule:

        1. the role named by the row's ``primary`` field in the people data;
        2. else, of the international (IGO) and government (GOV) roles, a top office first
           (``notable_roles`` of the lexicon: president, prime minister, secretary-general...),
           then an international one over a national one, then the longest (open-ended roles
           count up to today; a tie goes to the later);
        3. else None: the person stands for their nationality.
        """
        if person.primary is not None:
            return person.primary
        cands = [r for r in person.roles if r.org is not None or r.sector == "GOV"]
        if not cands:
            return None
        today = dt.date.today()
        top = self.lexicon.notable_roles

        def rank(r: Role) -> tuple[bool, bool, int, dt.date]:
            title = r.title.lower()
            notable = any(title == t or title.endswith(" " + t) for t in top) and not (
                _SUBORDINATE.search(title))
            start = r.start or r.end or today
            return notable, r.org is not None, ((r.end or today) - start).days, start

        return max(cands, key=rank)

    def org_refs(self, noun: str) -> list[Organization]:
        """Organisations that 'the <noun>' may refer back to ('alliance' -> NATO, CSTO...)."""
        return self.refs.get(noun.lower(), [])

    def scan(self, text: str, tokens: list[tuple[int, int, str]] | None = None) -> list[Match]:
        """Every known name in ``text``, longest first, left to right, not overlapping."""
        toks = tokens if tokens is not None else tokenize(text)
        folded = [_fold(t) for _, _, t in toks]
        surfaces = [t for _, _, t in toks]
        out: list[Match] = []
        i, n = 0, len(toks)
        longest, index = self.longest, self.index

        def at(i: int) -> tuple[int, tuple[Entry, ...]] | None:
            for length in range(min(longest.get(folded[i], 0), n - i), 0, -1):
                entries = index.get(tuple(folded[i:i + length]))
                if not entries:
                    continue
                ok = tuple(e for e in entries if _case_ok(e.case, surfaces[i:i + length]))
                if ok:
                    return length, ok
            return None

        while i < n:
            found = at(i)
            if found and folded[i] == "the" and i + 1 < n:
                # "the Commonwealth" is an alias, but "the Commonwealth of Independent
                # States" names another body: a longer name after the article wins
                after = at(i + 1)
                if after and after[0] >= found[0]:
                    i += 1
                    continue
            if found:
                length, ok = found
                start, end = toks[i][0], toks[i + length - 1][1]
                out.append(Match(start, end, text[start:end], ok))
                i += length
            else:
                i += 1
        return out

    def stats(self) -> dict[str, int]:
        """How much the knowledge base knows, per kind (for the README table)."""
        igos = sum(1 for o in self.organizations.values() if o.kind == "igo")
        roles = sum(len(p.roles) for p in self.people.values())
        return {"countries": len(self.countries), "metonyms": self.metonyms,
                "international bodies": igos,
                "national organisations": len(self.organizations) - igos,
                "titles": len(self.titles), "generic institutions": len(self.bodies),
                "people": len(self.people), "roles": roles, "aliases": len(self.index)}

    def stats_table(self) -> str:
        """``stats()`` as a Markdown table."""
        rows = ["| kind | count |", "|---|---:|"]
        rows += [f"| {k} | {v} |" for k, v in self.stats().items()]
        return "\n".join(rows)
