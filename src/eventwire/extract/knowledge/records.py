"""What the knowledge base holds: countries, organisations, titles, people, entries."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


from .text import plural, PRIORITY


@dataclass(frozen=True, slots=True)
class Country:
    """A state or territory."""

    iso3: str
    name: str
    official: str
    adjective: str | None
    capital: str | None


@dataclass(frozen=True, slots=True)
class Period:
    """A span of time in which an organisation had another sector (Taliban: REB, then GOV)."""

    start: dt.date | None
    end: dt.date | None
    sector: str


@dataclass(frozen=True, slots=True)
class Organization:
    """An international body (``igo``: keyed by ``org``) or a named national body."""

    key: str
    name: str
    kind: str  # igo | organization
    sector: str
    org: str | None = None
    country: str | None = None
    refs: tuple[str, ...] = ()
    periods: tuple[Period, ...] = ()

    def sector_at(self, when: dt.date | None) -> str:
        """The sector in force on ``when`` (the base sector when no period covers it)."""
        if when is not None:
            for p in self.periods:
                if (p.start is None or p.start <= when) and (p.end is None or when <= p.end):
                    return p.sector
        elif self.periods:
            return self.periods[-1].sector
        return self.sector


@dataclass(frozen=True, slots=True)
class Title:
    """A role noun and what it says about the sector."""

    text: str
    sector: str
    collective: bool = False
    inherit: bool = False
    weak: bool = False
    plural: bool = False  # this surface form is the plural


@dataclass(frozen=True, slots=True)
class Body:
    """A generic institution ('Foreign Ministry') owned by whichever state the text names."""

    key: str
    sector: str


@dataclass(frozen=True, slots=True)
class OrgHead:
    """A word that ends (or, ``lead``, opens) an organisation's name, and the sector it says."""

    text: str
    sector: str
    lead: bool = False
    generic: bool = False
    state_sector: str | None = None


@dataclass(frozen=True, slots=True)
class PluralRef:
    """'the two leaders': how many people it takes and which of them."""

    text: str
    count: int | None
    leaders: bool = False
    ministers: bool = False


@dataclass
class Lexicon:
    """The word lists of ``lexicon.yaml`` (unknown organisations, plurals, junk names)."""

    heads: dict[tuple[str, ...], OrgHead] = field(default_factory=dict)
    qualifiers: dict[tuple[str, ...], str] = field(default_factory=dict)
    state_words: frozenset[str] = frozenset()
    ties: dict[tuple[str, ...], str] = field(default_factory=dict)
    leader_titles: frozenset[str] = frozenset()
    relational: frozenset[str] = frozenset()
    plural_people: dict[tuple[str, ...], PluralRef] = field(default_factory=dict)
    leader_roles: frozenset[str] = frozenset()
    meeting_verbs: frozenset[str] = frozenset()
    ethnic: frozenset[str] = frozenset()
    platforms: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    kin_nouns: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    naming_cues: frozenset[str] = frozenset()
    foreign_titles: frozenset[str] = frozenset()
    premodifiers: dict[tuple[str, ...], str] = field(default_factory=dict)
    postmodifiers: dict[tuple[str, ...], str] = field(default_factory=dict)
    institution_nouns: frozenset[str] = frozenset()
    institution_neutral: frozenset[str] = frozenset()
    #: member noun ('supporters', 'troops') -> sector when a state's government is the group
    members: dict[str, str | None] = field(default_factory=dict)
    #: bare group word before a member noun ('party members') -> the group's sector
    member_groups: dict[str, str] = field(default_factory=dict)
    naming_verbs: frozenset[str] = frozenset()
    notable_roles: frozenset[str] = frozenset()
    located_sectors: frozenset[str] = frozenset()
    #: civilian roles of people who live where the story is ('street vendor', 'resident')
    local_roles: frozenset[str] = frozenset()
    #: rank words between a title and a name ('Senior Assistant', 'Inspector')
    rank_words: frozenset[str] = frozenset()
    #: titles of those who work for a person ('spokesman', 'aide') and words before them
    aide_titles: frozenset[str] = frozenset()
    aide_modifiers: frozenset[str] = frozenset()
    #: 'on the opposition ticket', 'defected to the ruling party'
    ticket_nouns: frozenset[str] = frozenset()
    defection_verbs: frozenset[str] = frozenset()
    #: 'who leads the Freedom Party', 'who sat on the rebels' command': a body one belongs to
    membership_verbs: frozenset[str] = frozenset()

    def head(self, words: tuple[str, ...], lead: bool = False) -> tuple[OrgHead, int] | None:
        """The longest org head ending (``lead``: opening) folded ``words``, with its length."""
        for n in range(min(4, len(words)), 0, -1):
            part = words[:n] if lead else words[-n:]
            h = self.heads.get(part)
            if h is not None and h.lead == lead:
                return h, n
        return None


@dataclass(frozen=True, slots=True)
class Role:
    """One office held between two dates; ``where`` is ISO3 or an org key."""

    title: str
    sector: str
    start: dt.date | None
    end: dt.date | None
    country: str | None
    org: str | None

    def covers(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """A known newsmaker: nationality plus time-bounded roles."""

    key: str
    name: str
    country: str
    gender: str
    surname: str
    roles: tuple[Role, ...]
    primary: Role | None = None  # the role that stands for them when the date is unknown


@dataclass(frozen=True, slots=True)
class Resolved:
    """A person as of one date: where they belong and in which sector (None if unsure)."""

    person: Person
    country: str | None
    org: str | None
    sector: str | None
    title: str | None
    active: bool  # a role covers the date
    undated: bool = False  # no date was given: the person's main role stands in


@dataclass(frozen=True, slots=True)
class Entry:
    """What one alias means: the thing it names and how it names it."""

    kind: str  # person | org | metonym | country | capital | demonym | body | title
    ref: Any  # Person | Organization | Country | Title | Body | (Country, sector)
    case: tuple[int, ...] = ()
    ambiguous: bool = False
    surface: str = ""

    @property
    def priority(self) -> int:
        return PRIORITY[self.kind]


@dataclass(frozen=True, slots=True)
class Match:
    """A known name found in text: characters [start, end) and what it may mean."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]

    @property
    def entry(self) -> Entry:
        return self.entries[0]
