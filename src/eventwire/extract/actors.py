"""Actors: who is named in an article, resolved to a country/organisation + sector.

One pass of the knowledge base over the text finds every known name, title, demonym and
institution (:meth:`KnowledgeBase.scan`); spaCy adds the people it tags that the knowledge base
does not know. Adjacent pieces are composed into noun phrases ("Russian Defense Minister Sergei
Shoigu", "Moscow's military", "Pakistan's Foreign Ministry"), and later references are resolved
in-article: surnames, pronouns, "the official", "the alliance", "the two countries", "the
ministry" (the institution named last with that head noun), and members of a group ("MDC
supporters", "party members", "government troops") as mentions of that group.

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
from .knowledge import (Body, Country, Entry, KnowledgeBase, Organization, Person,
                        Title, _fold, _key, as_date, tokenize)

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
_IN = re.compile(r"^\s+(?:in|at|with)\s+(?:the\s+)?$")
_LIST = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")
_LED = re.compile(r"^-(?:led|backed|based|supported|allied|aligned|brokered|made)\b")
_APPOS = re.compile(r"^\s*,\s*(?:the\s+|a\s+|an\s+)?$")
#: "BEIJING —", "ISLAMABAD, Jan 17 (Reuters) -": where the article was filed
DATELINE = re.compile(r"(?:^|\n)\s*([A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})"
                      r"(?:\s*,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)?"
                      r"(?:\s*,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{1,40}\))?"
                      r"\s*(?:[\u2014\u2013]|--?)\s")
#: Words that join the capitalised words of a name ("Ministry of Trade and Industry").
NAME_JOINERS = frozenset({"of", "and", "for", "&", "on", "de", "du", "des", "la", "al"})
#: Words that open a sentence or phrase and are no part of a name.
NAME_STOPS = frozenset({"the", "a", "an", "in", "on", "at", "but", "and", "or", "when", "after",
                        "before", "while", "as", "if", "by", "for", "from", "with", "to", "of",
                        "this", "that", "these", "those", "his", "her", "its", "their", "our",
                        "both", "under", "since", "during", "meanwhile", "also", "according",
                        "last", "next", "on", "it", "he", "she", "they", "we", "i", "officials",
                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "mr", "mrs", "ms", "dr"})
PLURAL_PRONOUNS = frozenset({"they", "their"})
#: Sectors of roles that belong to the article's home state when no other is named.
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "PTY", "OPP"})
#: ", a Kenyan lawyer," / ", a senior official of the opposition party,": a description after
#: a name, up to the next comma or stop.
_AFTER_DESC = re.compile(r"^\s*,\s*(?:\d{1,3}\s*,\s*)?"
                         # "X, whom it called an Afghan mujahid,", "X, described as a Kenyan lawyer,"
                         r"(?:(?:whom\s+\w+\s+(?:called|calls|described\s+as|describes\s+as)"
                         r"|described\s+as|identified\s+as)\s+)?"
                         r"(?:a|an|the)\s+([^,;:()\n]{1,80}?)"
                         r"(?:\s+(?:who|whom|whose|which|that)\b[^,;:()\n]{0,160}?)?\s*"
                         r"(?=[,;:)\n]|\.(?:\s+[A-Z\"\u201c]|\s*$)|$)")
#: "an Afghan man, " / "the Briton, ": a description right before a name.
_BEFORE_DESC = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Aa]nother|[Oo]ne)\s+((?:[\w.'\u2019-]+\s+){0,3}?"
                          r"[\w.'\u2019-]+)\s*,\s*$")
#: What may separate two names of one list: a comma, "and", and the description of the first.
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:(?:a|an|the)\s+(?:[^,;:.()\n]|\.(?!\s)){1,80}?\s*,\s*)?"
                       r"(?:and\s+)?"
                       r"|\s+and\s+)$")

#: "in Baghdad", "in the Kenyan town of Eldoret" is too loose: a capitalised place right after.
_PLACED = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2})")
STATE_LIKE = frozenset({"country", "capital", "metonym", "demonym"})
#: Sectors of national bodies whose names other states' bodies share ("Conservatives",
#: "Social Democrats"): a nationality the text puts before them names another body.
NAMESAKE_SECTORS = frozenset({"PTY", "OPP", "LAB"})
#: Sectors of those who report the news: their nationality is no clue to the story's country.
REPORTING_SECTORS = frozenset({"MED", "JRN"})
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
        self.lex = kb.lexicon
        self._gaz: Any = None
        self._dateline_span: tuple[int, int] | None = None
        self.dateline = self._dateline()

    # -- helpers --------------------------------------------------------------------------
    def token(self, char: int) -> Any:
        i = bisect.bisect_right(self.tok_starts, char) - 1
        return self.doc[max(i, 0)]

    def sent_of(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def word_before(self, char: int) -> str:
        m = re.search(r"([A-Za-z]+)\W*$", self.text[max(0, char - 30):char])
        return m.group(1).lower() if m else ""

    def gazetteer(self) -> Any:
        """The place gazetteer (built once per process and shared: see places.Gazetteer)."""
        if self._gaz is None:
            from .places import Gazetteer
            self._gaz = Gazetteer.load()
        return self._gaz

    def place_country(self, name: str, min_prior: float = 3.5) -> str | None:
        """The one country a well-known city or region name lies in, else None."""
        try:
            entries = self.gazetteer().lookup(name)
        except Exception:  # noqa: BLE001 - no gazetteer data: no guess
            return None
        entries = sorted((e for e in entries if e.country and e.kind in ("city", "admin1")),
                         key=lambda e: -e.prior)
        if not entries or entries[0].prior < min_prior:
            return None
        top = entries[0]
        rivals = [e for e in entries if e.country != top.country]
        if rivals and rivals[0].prior > top.prior - 2.0:
            return None
        return top.country

    def _dateline(self) -> str | None:
        """The country of the city the article was filed from ('BEIJING —'), if any."""
        m = DATELINE.search(self.text[:800])
        if not m:
            return None
        self._dateline_span = (m.start(1), m.end(1))
        words = m.group(1).split()
        name = " ".join(w.capitalize() if w.isupper() and "." not in w else w for w in words)
        c = self.kb.country(name)
        if c is not None:
            return c.iso3
        return self.place_country(name, min_prior=3.0)

    def paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

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
        # unknown organisations: "Cochin Shipyard", "National Retail Federation", spaCy ORGs
        items = self.unknown_orgs(items, ents)
        ents = self._person_ents(ents, items)
        # unknown people: spaCy PERSON entities no known name covers
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            start, end = ent.start_char, ent.end_char
            name = self.text[start:end]
            cut = re.search(r"\s*['\u2019]s?$|\s+$", name)
            if cut:
                end = start + cut.start()
            if self.junk_person(start, end, items):
                continue
            tie_country, tie_sector = self._tie(end)
            if tie_sector is not None and not self.kb.lookup(self.text[start:end]):
                # "Haki Yetu, a Kenyan rights group": tagged PERSON, described as a body
                name = self.text[start:end]
                org = Organization(key="~" + name, name=name, kind="organization",
                                   sector=tie_sector, country=tie_country)
                items = [it for it in items if not (it.start < end and it.end > start)]
                items.append(_Item(start, end, name, "org", org))
                continue
            inside = [it for it in items if it.start < end and it.end > start]
            if any(it.kind in ("person", "org", "demonym", "country") for it in inside):
                continue  # the knowledge base knows better than the tagger here
            for it in inside:
                if it.kind == "title" and it.start <= start:
                    start = it.end
                    while start < end and self.text[start].isspace():
                        start += 1
            # "Inspector Paul Nyathi": a rank word is no part of the name
            lead = re.match(r"(?:([A-Z][a-z]+)\s+)(?=\S+\s+\S)", self.text[start:end])
            while lead and lead.group(1).lower() in self.lex.rank_words:
                start += lead.end()
                lead = re.match(r"(?:([A-Z][a-z]+)\s+)(?=\S+\s+\S)", self.text[start:end])
            inside = [it for it in items if it.start < end and it.end > start]
            for it in inside:
                items.remove(it)
            words = self.text[start:end].split()
            if not words or not all(w[:1].isupper() for w in words) or "\n" in self.text[start:end]:
                continue
            items.append(_Item(start, end, self.text[start:end], "uperson", None))
        items = self._retype_orgs(items)
        items.sort(key=lambda it: it.start)
        return items

    def _person_ents(self, ents: list[Any], items: list[_Item]) -> list[Any]:
        """PERSON tags, widened over proper nouns the tagger left out ('Dammu [Ravi]')."""
        from spacy.tokens import Span
        out = []
        for ent in ents:
            if ent.label_ != "PERSON":
                out.append(ent)
                continue
            a, b = ent.start, ent.end
            doc = self.doc

            def free(t: Any) -> bool:
                return (t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ in ("", "PERSON")
                        and t.lower_ not in NAME_STOPS and not t.is_sent_start
                        and not any(it.start < t.idx + len(t) and it.end > t.idx
                                    for it in items if it.kind != "title"))

            while b < len(doc) and b - a < 4 and doc[b].idx == doc[b - 1].idx + len(doc[b - 1]) + 1 \
                    and free(doc[b]):
                b += 1
            out.append(ent if b == ent.end else Span(doc, a, b, label=ent.label_))
        return out

    def _retype_orgs(self, items: list[_Item]) -> list[_Item]:
        """An ORG tag with no organisation word whose words name a person elsewhere, or that
        a personal title opens, is that person ('Mahmood Habibi arrived ... Habibi said',
        'Vice-President Moody Awori')."""
        people = [it for it in items if it.kind == "uperson"]
        words = {w for it in people for w in _fold_tuple(it.text)}
        full = {_fold_tuple(it.text) for it in people}
        titled_at = {it.end for it in items if it.kind == "title"
                     and not (it.ref.collective or it.ref.plural)}
        out = []
        for it in items:
            org = it.ref
            if (it.kind == "org" and isinstance(org, Organization) and org.key.startswith("~")
                    and not org.sector and org.country is None and not org.refs):
                key = _fold_tuple(it.text)
                names = it.text.split()
                desc = _AFTER_DESC.match(self.text[it.end:it.end + 120])
                described = desc is not None and self._tie(it.end)[1] is None and (
                    self._describe_noun(desc.group(1).split()[-3:]) is not None
                    or self._describe(desc.group(1), bare_ok=False) is not None)
                gap = re.match(r"[ \t]*", self.text[it.start - 3:it.start][::-1])
                titled = gap is not None and it.start - gap.end() in titled_at
                if 2 <= len(names) <= 4 and all(w[:1].isupper() for w in names) and (
                        key in full or key[-1] in words or key[0] in words or described
                        or titled) \
                        and not self._premodifier(it.start, it.end):
                    it = _Item(it.start, it.end, it.text, "uperson", None)
            out.append(it)
        return out

    # -- unknown organisations ----------------------------------------------------------------
    def junk_person(self, start: int, end: int, items: list[_Item]) -> bool:
        """A PERSON tag on a place, a people, a platform, a photo credit or an event name."""
        name = self.text[start:end]
        if "/" in name or self.text[end:end + 1] == "/" or self.text[start - 1:start] == "/":
            return True  # "Thein Zaw/AP": a photo credit
        low = name.lower()
        words = low.split()
        if low in self.lex.ethnic or low in self.lex.platforms or (
                words and words[0] in self.lex.ethnic and len(words) == 1):
            return True
        nxt = re.match(r"\s+([A-Za-z]+)", self.text[end:end + 30])
        if nxt and nxt.group(1).lower() in self.lex.event_nouns:
            return True  # "Brilliant Jump exercise"
        if any(it.kind == "org" and it.start <= start and it.end >= end for it in items):
            return True
        if self.person_by_surname(name) is not None:
            return False
        known = self.kb.lookup(name)
        if any(e.kind in ("country", "capital", "demonym", "metonym") for e in known):
            return True
        if len(words) <= 3:
            try:
                places = self.gazetteer().lookup(name)
            except Exception:  # noqa: BLE001
                places = []
            if any(p.prior >= (4.0 if len(words) == 1 else 2.0) and not p.alternate
                   for p in places):
                return True
        return False

    def unknown_orgs(self, items: list[_Item], ents: list[Any]) -> list[_Item]:
        """Organisations the knowledge base does not list, found by their head word or spaCy.

        Each becomes an ``org`` item carrying an ad-hoc :class:`Organization` whose country
        comes from a country, demonym or city inside its name (else from a tie in the text,
        "X, a Kenyan rights group"), and whose sector comes from its head word.
        """
        toks = tokenize(self.text)
        spans: list[tuple[int, int, bool]] = []  # (start token, end token excl., from spaCy)
        spans += self._headed_names(toks)
        tok_at = {t[0]: i for i, t in enumerate(toks)}
        tok_end = {t[1]: i for i, t in enumerate(toks)}
        for ent in ents:
            if ent.label_ != "ORG":
                continue
            s, e = ent.start_char, ent.end_char
            m = re.match(r"(?:[Tt]he\s+)", self.text[s:e])
            if m:
                s += m.end()
            cut = re.search(r"\s*['\u2019]s?$", self.text[s:e])
            if cut:
                e = s + cut.start()
            if s in tok_at and e in tok_end and e > s:
                spans.append((tok_at[s], tok_end[e] + 1, True))
        if not spans:
            return items
        # longest first, no overlaps; a headed name beats a spaCy span it overlaps
        spans.sort(key=lambda x: (-(x[1] - x[0]), x[2]))
        taken: list[tuple[int, int]] = []
        chosen: list[tuple[int, int]] = []
        for a, b, _ in spans:
            if any(a < y and b > x for x, y in taken):
                continue
            taken.append((a, b))
            chosen.append((a, b))
        new: list[_Item] = []
        for a, b in sorted(chosen):
            start, end = toks[a][0], toks[b - 1][1]
            inside = [it for it in items if it.start < end and it.end > start]
            if any(it.kind in ("person", "org") for it in inside):
                continue  # the knowledge base knows this name (or part of it)
            if any(it.kind in STATE_LIKE and it.start <= start and it.end >= end
                   for it in inside):
                continue  # "West Bank", "Soviet Union": a state's whole name, head word or not
            name = self.text[start:end]
            if name.count("(") != name.count(")"):
                continue  # "Line of Control (LoC": a tagger span cut inside brackets
            if any(it.kind == "body" for it in inside) and not self._more_than(
                    start, end, [it for it in inside if it.kind != "title"]):
                continue  # "Pakistan Army", "Royal Thai Army": a state's own institution
            org = self._make_org(toks[a:b], start, end, inside)
            if org is None:
                continue
            if isinstance(org, Organization) and org.sector in ("PTY", "OPP"):
                tail = re.match(r"\s+(?:opposition\s+)?party\b", self.text[end:end + 30])
                if tail and self._premodifier(start, end) is not None:
                    end += tail.end()  # "the Freedom Alliance party": one name
            items = [it for it in items if not (it.start < end and it.end > start)]
            if isinstance(org, Body):
                new.append(_Item(start, end, self.text[start:end], "body", org))
            else:
                new.append(_Item(start, end, self.text[start:end], "org", org))
        if not new:
            return items
        # one name, one organisation: what one mention says ("the opposition X") holds for all
        best: dict[str, Organization] = {}
        for it in new:
            if isinstance(it.ref, Organization):
                known = best.get(it.ref.name)
                if known is None or (not known.sector and it.ref.sector):
                    best[it.ref.name] = it.ref
        for it in new:
            if isinstance(it.ref, Organization):
                it.ref = best[it.ref.name]
        items = items + new + self._org_backrefs(new, items, toks)
        items.sort(key=lambda it: it.start)
        return items

    def _headed_names(self, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, bool]]:
        """Capitalised names ending (or opening) with an organisation head word."""
        folded = [_fold(t) for _, _, t in toks]
        lex = self.lex
        n = len(toks)
        out: list[tuple[int, int, bool]] = []

        def cap(i: int) -> bool:
            t = toks[i][2]
            return t[:1].isupper() or (t[:1].isdigit() and i + 1 < n)

        def joined(i: int, j: int) -> bool:
            """Tokens i and j are adjacent, separated by one space at most."""
            return toks[j][0] - toks[i][1] <= 1 and "\n" not in self.text[toks[i][1]:toks[j][0]]

        def left(i: int) -> int:
            """Extend a name leftwards from token i (included)."""
            a = i
            while a > 0 and joined(a - 1, a):
                j = a - 1
                w = toks[j][2]
                if cap(j) and folded[j] not in NAME_STOPS:
                    a = j
                elif folded[j] in ("'", "s") and j > 0:  # People's
                    if folded[j] == "s" and j > 1 and folded[j - 1] == "'" and cap(j - 2):
                        a = j - 2
                    else:
                        break
                elif (folded[j] in NAME_JOINERS and folded[j] not in ("and", "&", "of", "for",
                                                                       "on")
                      and j > 0 and cap(j - 1)):
                    a = j
                elif folded[j] in ("of", "for") and j > 0 and w.islower() \
                        and (folded[j - 1],) in lex.heads:
                    a = j  # "Federation of Tanzania Industries"
                else:
                    break
            return a

        def right(i: int) -> int:
            """Extend a name rightwards from token i (excluded): 'of Kenya Employers'."""
            b = i
            while b < n and joined(b - 1, b):
                if cap(b) and folded[b] not in NAME_STOPS:
                    b += 1
                elif folded[b] in NAME_JOINERS and b + 1 < n and cap(b + 1) \
                        and toks[b][2].islower() and joined(b, b + 1):
                    if folded[b] == "and" and (b + 2 >= n or not cap(b + 2)):
                        b += 2
                        break
                    b += 1
                else:
                    break
            return b

        for i in range(n):
            if not cap(i):
                continue
            for length in range(4, 0, -1):
                if i + length > n:
                    continue
                key = tuple(folded[i:i + length])
                head = lex.heads.get(key)
                if head is None or not all(cap(k) or folded[k] in NAME_JOINERS
                                           for k in range(i, i + length)):
                    continue
                if head.lead:
                    b = right(i + length)
                    if b > i + length:
                        out.append((i, b, False))
                    break
                a = left(i)
                if a > i - 1 and a == i:
                    # a head with nothing before it: only "Bank of Tanzania" forms
                    b = i + length
                    if b < n and folded[b] == "of" and b + 1 < n and cap(b + 1):
                        b2 = right(b)
                        if b2 > b + 1:
                            out.append((i, b2, False))
                    break
                b = i + length
                if b < n and folded[b] == "of" and b + 1 < n and cap(b + 1) \
                        and toks[b][2].islower():
                    b2 = right(b)
                    b = b2 if b2 > b + 1 else b
                # trim joiners dangling at either end
                while a < b and folded[a] in NAME_JOINERS:
                    a += 1
                out.append((a, b, False))
                break
        return out

    def _more_than(self, start: int, end: int, items: list[_Item]) -> bool:
        """Does [start, end) hold a capitalised word beyond ``items`` and state words?"""
        rest = self.text[start:end]
        for it in sorted(items, key=lambda it: -it.start):
            a, b = it.start - start, it.end - start
            rest = rest[:max(a, 0)] + " " + rest[b:]
        rest = re.sub(r"['\u2019]s\b", "", rest)
        words = [w for w in re.findall(r"[\w'.-]+", rest) if w[:1].isupper()
                 and w.lower() not in self.lex.state_words and w.lower() not in NAME_STOPS]
        return bool(words)

    def _make_org(self, toks: list[tuple[int, int, str]], start: int, end: int,
                  inside: list[_Item]) -> Organization | Body | None:
        """Who an unknown organisation belongs to and what sector it is in, from its name."""
        lex = self.lex
        words = [t for _, _, t in toks]
        folded = tuple(_fold(w) for w in words)
        if not any(w[:1].isupper() for w in words):
            return None
        text = self.text[start:end]
        if any(w.lower() in lex.platforms for w in [text]) or text.lower() in lex.ethnic:
            return None
        if self.kb.title(text) is not None or self.kb.body(text) is not None:
            return None
        got = lex.head(folded, lead=True) or lex.head(folded)
        # "Bank of Tanzania", "Federation of Kenya Employers": the head before "of"
        if got is None and "of" in folded:
            k = folded.index("of")
            got = lex.head(folded[:k])
        head = got[0] if got else None
        party = self._premodifier(start, end)
        if head is None and party is None and any(it.kind == "title" for it in inside):
            return None  # "Kenyan police": a title says more than a bare ORG tag
        if head is None and party is None and len(words) == 1 and not (
                words[0].isupper() and len(words[0]) > 1):
            return None  # one plain word tagged ORG says too little
        if head is None and folded[-1] in lex.event_nouns:
            return None
        if head is None and party is None:
            try:
                if self.gazetteer().lookup(text):
                    return None  # a place tagged ORG
            except Exception:  # noqa: BLE001
                pass
        states = [it for it in inside if it.kind in ("country", "capital", "demonym")]
        isos = []
        for it in states:
            iso = it.ref.iso3
            if iso not in isos:
                isos.append(iso)
        country = isos[0] if len(isos) == 1 else None
        state_spans = [(it.start, it.end) for it in states]
        rest = [w for (s, e, w) in toks if not any(a <= s and e <= b for a, b in state_spans)]
        head_words = set(_key(head.text)) if head else set()
        content = [w for w in rest if _fold(w) not in head_words
                   and _fold(w) not in NAME_JOINERS and w[:1].isupper()]
        if head is None and not content:
            return None  # only a state's name
        if country is None and not isos:
            # a city or region inside the name: "Cochin Shipyard", "IIT Madras"
            for n in (2, 1):
                for k in range(len(content) - n + 1):
                    name = " ".join(content[k:k + n])
                    if name.lower() in lex.state_words:
                        continue
                    found = self.place_country(name)
                    if found:
                        country = found
                        break
                if country:
                    break
        # a generic ministry with no owner: resolved like "the Foreign Ministry"
        if head is not None and head.text.lower().startswith(("ministry", "department")) \
                and not isos:
            return Body("~" + "_".join(folded), head.sector)
        sector = head.sector if head else None
        if head is not None and head.state_sector and isos and all(
                _fold(w) in lex.state_words or w.lower() in lex.state_words for w in content):
            sector = head.state_sector
        if head is None or head.generic:
            for n in (2, 1):
                hit = next((lex.qualifiers[tuple(folded[k:k + n])]
                            for k in range(len(folded) - n + 1)
                            if tuple(folded[k:k + n]) in lex.qualifiers), None)
                if hit:
                    sector = hit
                    break
        tie_country, tie_sector = self._tie(end)
        if country is None and not isos:
            country = tie_country
        if tie_sector and (head is None or head.generic):
            sector = tie_sector
        if party is not None:
            sector = party  # "the opposition MDC Alliance", "the ruling Unity Front"
        name = re.sub(r"^[Tt]he\s+", "", text)
        refs = (head.text.split()[-1].lower(),) if head and not head.lead else ()
        return Organization(key="~" + name, name=name, kind="organization",
                            sector=sector or "", country=country, refs=refs)

    def _premodifier(self, start: int, end: int) -> str | None:
        """'the opposition X', 'the ruling X', 'the X party': the text says X is a party."""
        lex = self.lex
        before = re.search(r"((?:[a-z]+\s+){1,2})$", self.text[max(0, start - 30):start])
        if before:
            words = _key(before.group(1))
            for n in (2, 1):
                if len(words) >= n and tuple(words[-n:]) in lex.premodifiers:
                    return lex.premodifiers[tuple(words[-n:])]
        after = re.match(r"\s+([a-z]+(?:\s+[a-z]+)?)", self.text[end:end + 30])
        if after:
            words = _key(after.group(1))
            for n in (2, 1):
                if len(words) >= n and tuple(words[:n]) in lex.postmodifiers:
                    return lex.postmodifiers[tuple(words[:n])]
        return None

    def _tie(self, end: int) -> tuple[str | None, str | None]:
        """'X, a Kenyan rights group,': the country and sector a description gives X."""
        m = re.match(r"\s*,\s*(?:a|an|the)\s+([^,.;()]{0,60})", self.text[end:end + 80])
        if not m:
            return None, None
        desc = m.group(1).strip()
        # "a senior official of the opposition party": the head is before "of", a person
        desc = re.split(r"\s+(?:of|for|from|with|at|in)\s+", desc, maxsplit=1)[0]
        dkey = _key(desc)
        sector = None
        for n in range(min(3, len(dkey)), 0, -1):
            if tuple(dkey[-n:]) in self.lex.ties:  # the head of the description
                sector = self.lex.ties[tuple(dkey[-n:])]
                break
        if sector is None:
            return None, None
        country = None
        for found in self.kb.scan(desc):
            if found.entry.kind in ("country", "demonym", "capital"):
                country = found.entry.ref.iso3
                break
        return country, sector

    def _org_backrefs(self, new: list[_Item], items: list[_Item],
                      toks: list[tuple[int, int, str]]) -> list[_Item]:
        """'the federation', 'NRF': later references to an unknown organisation named before."""
        out: list[_Item] = []
        orgs = [it for it in new if it.kind == "org"]
        if not orgs:
            return out
        spans = [(it.start, it.end) for it in items + new]

        def free(s: int, e: int) -> bool:
            return not any(a < e and b > s for a, b in spans)

        acronyms: dict[str, _Item] = {}
        for it in orgs:
            if it.text in acronyms and acronyms[it.text].start < it.start:
                it.ref = acronyms[it.text].ref  # "NRF" after "National Retail Federation"
                continue
            words = [w for w in re.findall(r"[A-Za-z][\w'.-]*", it.text)
                     if w.lower() not in NAME_JOINERS and w.lower() != "the"]
            if len(words) >= 2:
                acro = "".join(w[0] for w in words if w[:1].isupper())
                if len(acro) >= 2:
                    acronyms.setdefault(acro, it)
            m = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", self.text[it.end:it.end + 12])
            if m:
                acronyms[m.group(1)] = it
        if acronyms:
            for s, e, w in toks:
                it = acronyms.get(w)
                if it is not None and s > it.start and free(s, e):
                    out.append(_Item(s, e, w, "org", it.ref))
                    spans.append((s, e))
        heads: dict[str, list[_Item]] = {}
        for it in orgs:
            for noun in it.ref.refs:
                heads.setdefault(noun, []).append(it)
        if heads:
            pat = re.compile(r"\b[Tt]he\s+(" + "|".join(map(re.escape, heads)) + r")\b")
            for m in pat.finditer(self.text):
                cands = [it for it in heads[m.group(1)] if it.end <= m.start()]
                if not cands or not free(m.start(), m.end()):
                    continue
                ref = cands[-1].ref
                out.append(_Item(m.start(), m.end(), m.group(), "org", ref))
                spans.append((m.start(), m.end()))
        return out

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
        if prev.kind == "title" and it.kind in ("title", "person", "uperson") \
                and self._ranks(gap):
            return "space"  # "Police spokeswoman Senior Assistant Commissioner Jane Roe"
        if _HYPHEN.match(gap) and prev.kind in STATE_LIKE and it.kind in STATE_LIKE:
            return "and"
        if _AND.match(gap) and prev.kind == "demonym" and it.kind == "demonym":
            return "and"
        if _POSSESSIVE.match(gap) and prev.kind in ("country", "capital", "metonym", "org", "body"):
            if it.kind == "title" and it.ref.text.lower() in self.lex.relational:
                return ""  # "Belarus's opponent" is not Belarus
            return "poss"
        if _TO.match(gap) and prev.kind == "title" and it.kind in ("country", "capital"):
            return "to"
        if _OF.match(gap) and prev.kind == "title" and it.kind in ("country", "org"):
            return "of"
        if _IN.match(gap) and prev.kind == "title" and it.kind in ("org", "body") \
                and not (prev.ref.collective or prev.ref.plural):
            return "of"  # "a secretary in the Ministry of External Affairs"
        if _LIST.match(gap) and prev.kind == "country" and it.kind == "country":
            return "list"
        return ""

    def _ranks(self, gap: str) -> bool:
        """Is ``gap`` only capitalised rank words ('Senior Assistant', 'Inspector')?"""
        words = gap.split()
        return bool(words) and gap[:1] == " " and gap[-1:] == " " and "\n" not in gap \
            and all(w[:1].isupper() and w.lower() in self.lex.rank_words for w in words)

    def phrase(self, chain: list[tuple[str, _Item]]) -> None:
        """Interpret one phrase: find its head and let the modifiers say whose it is."""
        self._cur_last = max((it for _, it in chain), key=lambda it: it.end)
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
        if head.kind in ("org", "body") and join == "of" and mods and mods[-1][1].kind == "title":
            # "president of the National Retail Federation": the title heads, the body owns it
            owner = head
            if owner.kind == "org":
                self.lone(owner)
            else:
                self.organisation(owner, [], [], owner.start)
            join, head = mods[-1]
            mods = mods[:-1]
            countries, orgs, bodies, titles, of_items = self._modifiers(mods, head)
            if owner.kind == "org":
                orgs.append(owner.ref)
            else:
                bodies.append((owner.ref, owner))
            start = mods[0][1].start if mods else head.start
            if not self._title_person(head, countries + of_items, orgs, bodies, titles, parts):
                self.title(head, countries + of_items, orgs, bodies, titles, start)
            return
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
        for k, (_, it) in enumerate(chain[:-1]):
            if it.kind == "org" and chain[k + 1][0] == "poss":
                self.lone(it)  # "the State Department's spokesman": the department acts too
        if head.kind in ("person", "uperson"):
            self.person(head, countries, orgs, bodies, titles, start)
        elif head.kind in ("org", "body"):
            self.organisation(head, countries, orgs, start)
        elif head.kind == "title":
            if not self._title_person(head, countries + of_items, orgs, bodies, titles, parts):
                self.title(head, countries + of_items, orgs, bodies, titles, start)

    def _next_chain(self, last: _Item) -> list[tuple[str, _Item]] | None:
        """The phrase that starts first after ``last`` (None when consumed already)."""
        for chain in self._chains:
            first = chain[0][1]
            if first.start >= last.end:
                return None if id(chain) in self._consumed else chain
        return None

    def _title_person(self, head: _Item, countries: list[Country], orgs: list[Organization],
                      bodies: list[tuple[Body, _Item]], titles: list[_Item],
                      parts: list[tuple[str, _Item]]) -> bool:
        """"Tanzania's ambassador to India, Anisa Mbega": the name after a title phrase."""
        title: Title = head.ref
        if title.collective or title.plural:
            return False
        last = self._cur_last
        nxt = self._next_chain(last)
        if nxt is None:
            return False
        gap = self.text[last.end:nxt[0][1].start]
        comma = re.match(r"\s*,", gap)
        if not _APPOS.match(gap) and not (comma and self._ranks(gap[comma.end():])):
            return False  # "the police spokeswoman, Assistant Commissioner Jane Roe"
        if self._chain_before_is_person(parts[0][1]):
            return False
        person = nxt[-1][1]
        ranks = [it for _, it in nxt[:-1]]
        if person.kind not in ("person", "uperson") \
                or any(it.kind != "title" or it.ref.collective or it.ref.plural for it in ranks):
            return False
        if ranks and not title.weak and not all(it.ref.weak for it in ranks):
            return False  # "the prime minister, Foreign Minister X" names two people
        after = self.text[person.end:person.end + 2]
        if after[:1] not in (",", ".", ";", ")", "") and not after[:1].isspace():
            return False
        self._consumed.add(id(nxt))
        before = len(self.mentions)
        self.person(person, countries, orgs, bodies, titles + [head] + ranks, person.start)
        if len(self.mentions) > before:
            ident = self.mentions[-1].idents
            start = parts[0][1].start
            self.mentions.append(_Mention(start, head.end, ident, self.text[start:head.end],
                                          "title"))
        return True

    def _chain_before_is_person(self, first: _Item) -> bool:
        """Is the phrase right before ``first`` a name it stands in apposition to?"""
        prev = None
        for chain in self._chains:
            if chain[-1][1].end <= first.start:
                prev = chain
            else:
                break
        if prev is None:
            return False
        last = prev[-1][1]
        return last.kind in ("person", "uperson") and bool(
            _APPOS.match(self.text[last.end:first.start]))

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

    deferred_bodies: list[tuple[Body, str, int, int]]
    _appos_span: tuple[int, int] | None = None

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
                ksector = sector or ksector
            info = _Info(("P", person.key), head.text, "person", country=country, org=org,
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
        self.add(start, head.end, [info], "name")
        if span is not None:
            a, b = span
            # the description is his, not a state's or a group's mention of its own
            self.mentions = [m for m in self.mentions if not (
                a <= m.start and m.end <= b and m.kind in ("demonym", "title", "name")
                and all(self.infos[i].kind in ("state", "group") for i in m.idents))]
            for chain in self._chains:
                if a <= chain[0][1].start < b:
                    self._consumed.add(id(chain))
            self.add(a, b, [self.infos[info.ident]], "title")

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

    # -- what the text states about an unknown person -------------------------------------------
    def stated(self, head: _Item
               ) -> tuple[str | None, str, str | None, tuple[int, int] | None] | None:
        """Nationality and sector the text gives a person beside the name: 'X, a Kenyan
        lawyer', 'an Afghan man, X', 'the Briton, X', or a list after 'two American citizens
        were identified as'; 'X, an official of the opposition party' gives the sector only.
        Returns (ISO3 or None, sector, role, span of the description or None)."""
        after = _AFTER_DESC.match(self.text[head.end:head.end + 120])
        party = self._affiliation(head.end)
        if party is not None:
            # "X, a former ZANU-PF official who defected to the opposition": the party now
            span = (head.end + after.start(1), head.end + after.end(1)) if after else None
            return party[0], party[1], after.group(1) if after else party[2], span
        if after:
            a, b = head.end + after.start(1), head.end + after.end(1)
            got = self._describe(self.text[a:b], bare_ok=False)
            if got is not None:
                return (*got, (a, b))
        base = max(self.sent_starts[self.sent_of(head.start)], head.start - 80)
        before = _BEFORE_DESC.search(self.text[base:head.start])
        if before:
            a, b = base + before.start(1), base + before.end(1)
            got = self._describe(self.text[a:b], bare_ok=True)
            if got is not None:
                return (*got, (a, b))
        if after:
            # "a senior official of the opposition party": a member of what the tie names
            parts = re.split(r"\s+(?:of|for|from|with)\s+", after.group(1), maxsplit=1)
            own, whose = (parts + [""])[:2]
            if whose:
                wkey = _key(re.sub(r"^(?:the|a|an)\s+", "", whose))
                tie = next((self.lex.ties[wkey[-n:]] for n in (3, 2, 1)
                            if len(wkey) >= n and wkey[-n:] in self.lex.ties), None)
                noun = self._describe_noun(own.split()[-3:])
                if tie is not None and noun is not None:
                    a, b = head.end + after.start(1), head.end + after.end(1)
                    return None, tie, noun[1], (a, b)
        group = self._group_member(head)
        if group is not None:
            own = after and self._describe_noun(after.group(1).split())
            return group[0], (own[0] if own else group[1]), own[1] if own else None, None
        if after:
            got = self._bare(after.group(1))
            if got is not None:
                a = head.end + after.start(1)
                return (*got[:3], (a, a + got[3]))
        if before:
            noun = self._describe_noun(before.group(1).split())
            if noun is not None:
                return None, noun[0], noun[1], (base + before.start(1), base + before.end(1))
        return None

    def _bare(self, desc: str) -> tuple[str | None, str, str | None, int] | None:
        """'street vendor', 'resident of the township', 'student at the University of
        Zimbabwe': a person noun with no nationality -> (ISO3 of a place named after it or
        None, sector, role, length of the noun phrase). A body named after it ('doctor with
        Doctors Without Borders') stays in the role, so the person is not taken for a local."""
        parts = re.split(r"\s+(?:of|for|from|with|at|in|near)\s+", desc, maxsplit=1)
        own, whose = (parts + [""])[:2]
        words = own.split()
        if not words or not all(w.islower() or w[:1].isdigit() for w in words):
            return None
        noun = self._describe_noun(words[-3:])
        if noun is None:
            return None
        sector, role = noun
        country = None
        names = re.findall(r"[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019.-]*)*", whose)
        if names:
            places = [m for m in self.kb.scan(whose)
                      if m.entry.kind in ("country", "capital", "demonym")]
            if places:
                country = places[0].entry.ref.iso3
            else:
                country = self.place_country(names[0]) or self._home_place(names[0])
            if country is None:
                role = desc  # "doctor with Doctors Without Borders": not a local role
        return country, sector, role, len(own)

    def _home_place(self, name: str) -> str | None:
        """The dateline's country when a small place of that name lies in it."""
        if self.dateline is None:
            return None
        try:
            entries = self.gazetteer().lookup(name)
        except Exception:  # noqa: BLE001 - no gazetteer data: no guess
            return None
        return self.dateline if any(e.country == self.dateline for e in entries) else None

    def _affiliation(self, end: int) -> tuple[str | None, str, str] | None:
        """'X, who ran on the opposition ticket', 'X, a former ZANU-PF official who defected
        to the opposition': the party a relative clause right after a name gives him ->
        (ISO3 or None, OPP or PTY, the party's words)."""
        lex = self.lex
        if not (lex.ticket_nouns or lex.defection_verbs):
            return None
        clause = re.match(r"\s*,\s*(?:(?:a|an|the)\s+[^,;:()\n]{1,80}?\s+)?who\s+"
                          r"([^,;:()\n]{1,120})", self.text[end:end + 220])
        if clause is None:
            return None
        body = clause.group(1)
        cut = re.search(r"\.(?:\s|$)", body)
        body = body[:cut.start()] if cut else body
        tickets = "|".join(re.escape(t) for t in sorted(lex.ticket_nouns))
        verbs = "|".join(re.escape(v) for v in sorted(lex.defection_verbs, key=len,
                                                       reverse=True))
        m = re.search(r"\bon\s+(?:the|a|an|his|her|their)\s+(.{1,40}?)\s+(?:"
                      + tickets + r")\b", body) if tickets else None
        if m is None and verbs:
            m = re.search(r"\b(?:" + verbs + r")\s+(?:the\s+)?(.{1,40}?)"
                          r"(?=$|\s+(?:in|on|at|after|before|last|this|during|and|but)\b)",
                          body)
        if m is None:
            return None
        group = m.group(1)
        a = end + clause.start(1) + m.start(1)
        opposed = re.search(r"\bopposition\b", group, re.IGNORECASE) is not None
        for found in self.kb.scan(group):
            org = found.entry.ref
            if found.entry.kind == "org" and isinstance(org, Organization) \
                    and org.sector_at(self.day) in ("PTY", "OPP"):
                return org.country, "OPP" if opposed else org.sector_at(self.day), group
        for it in self._items:
            if it.kind == "org" and a <= it.start and it.end <= a + len(group):
                return it.ref.country, "OPP" if opposed else "PTY", group
        title = self.kb.title(group.lower())
        if title is not None and title.sector in ("PTY", "OPP"):
            return None, title.sector, group
        if _key(group) in lex.premodifiers:
            return None, lex.premodifiers[_key(group)], group
        return None

    def _describe(self, desc: str, bare_ok: bool) -> tuple[str, str, str | None] | None:
        """'naturalised U.S. citizen', 'Kenyan lawyer', 'Briton' -> (ISO3, sector, role)."""
        found = [m for m in self.kb.scan(desc)
                 if m.entry.kind in ("demonym", "country")]
        if not found:
            return None
        m = found[0]
        lead = desc[:m.start].split()
        if any(not w.islower() for w in lead):
            return None
        rest = desc[m.end:].split()
        iso = m.entry.ref.iso3
        if not rest:
            return (iso, "CVL", None) if bare_ok and m.entry.kind == "demonym" else None
        got = self._describe_noun(rest)
        return (iso, *got) if got is not None else None

    def _describe_noun(self, words: list[str]) -> tuple[str, str | None] | None:
        """The person noun of a description -> (sector, role); None if it names no person."""
        if not words or len(words) > 3 or not all(w.islower() for w in words):
            return None
        noun = " ".join(words)
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[-n:])
            title = self.kb.title(phrase)
            if title is not None and not title.collective:
                return title.sector, title.text
            if phrase in self.lex.person_nouns:
                return "CVL", noun
        return None

    def _group_member(self, head: _Item) -> tuple[str, str] | None:
        """'two American citizens were identified as A, a businessman, and B': A and B."""
        sent = self.sent_of(head.start)
        lo = self.sent_starts[sent]
        if sent > 0 and self.text[:lo].rstrip().endswith(":"):
            lo = self.sent_starts[sent - 1]  # the tagger split the sentence at the colon
        window = self.text[lo:head.start]
        cues = sorted(self.lex.naming_cues, key=len, reverse=True)
        verbs = "|".join(re.escape(v) for v in sorted(self.lex.naming_verbs))
        # "identified by relatives and U.S. media as": the verb, a short gap, then "as"
        over_gap = [r"\b(?:" + verbs + r")\b(?:[^.;:\n]|\.(?!\s)|(?<=\b[A-Z])\.){0,80}?"
                     r"\bas\b"] if verbs else []
        cue_re = re.compile("|".join(over_gap + [r"\b" + re.escape(c) + r"\b" if c[:1].isalnum()
                                                 else re.escape(c) for c in cues]))
        groups = []
        for m in self.kb.scan(window):
            if m.entry.kind != "demonym":
                continue
            nxt = window[m.end:].split()
            if m.text.endswith("s") and self.kb.demonym(m.text[:-1]):
                groups.append((m, "CVL"))  # "Americans"
            elif nxt and nxt[0].rstrip(",:") in self.lex.person_nouns and nxt[0].endswith(
                    ("s", "men", "ren")):
                title = self.kb.title(nxt[0].rstrip(",:"))
                groups.append((m, title.sector if title else "CVL"))  # "American citizens"
        if not groups:
            return None
        g, sector = groups[-1]
        gap_start = lo + g.end
        names = sorted((it for it in self._items if it.kind in ("person", "uperson")
                        and gap_start <= it.start and it.end <= head.start),
                       key=lambda it: it.start)
        for cue in reversed(list(cue_re.finditer(self.text, gap_start, head.start))):
            pos = cue.end()
            ok = True
            for it in [n for n in names if n.start >= pos]:
                gap = self.text[pos:it.start]
                if not (gap.isspace() if pos == cue.end() else _LIST_GAP.match(gap)):
                    ok = False
                    break
                pos = it.end
            gap = self.text[pos:head.start]
            if ok and ((pos == cue.end() and (gap.isspace() or gap == ""))
                       or (pos != cue.end() and _LIST_GAP.match(gap))):
                return g.entry.ref.iso3, sector
            if any(n.start >= cue.end() for n in names):
                break  # names already listed after a later cue: do not reach further back
        return None

    def appositive(self, head: _Item) -> tuple[list[Country], list[Organization],
                                                list[tuple[Body, _Item]], list[_Item]] | None:
        """'Viktor Khrenin, Belarus's defence minister,': the phrase right after a name.

        Also 'Matthew Shay, president of the National Retail Federation,' and 'Jomo Otieno of
        the NRF': the body named there is his.
        """
        for chain in self._chains:
            first = chain[0][1]
            if first.start <= head.end:
                continue
            gap = self.text[head.end:first.start]
            if id(chain) in self._consumed:
                return None
            if _OF.match(gap) and first.kind == "org" and len(chain) == 1:
                self._consumed.add(id(chain))
                self.lone(first)
                return [], [first.ref], [], []
            party = self._party_words(chain) if _OF.match(gap) else None
            if party is not None:
                # "X of the opposition MDC", "X of the opposition": the party is his
                last = chain[-1][1]
                if last.kind == "org":
                    self._consumed.add(id(chain))
                    self.lone(last)
                    org: Organization = last.ref
                    if party == "OPP" and org.sector_at(self.day) == "PTY":
                        org = replace(org, sector="OPP", periods=())
                    return [], [org], [], []
                return [], [], [], [it for _, it in chain]
            if not _APPOS.match(gap):
                return None
            kept = [(j, it) for j, it in chain if j != "to"]
            if not kept:
                return None
            last_join, last = kept[-1]
            owner = None
            if last.kind in ("org", "body") and last_join == "of" and len(kept) > 1 \
                    and kept[-2][1].kind == "title":
                owner, kept = last, kept[:-1]
            elif last.kind != "title":
                return None
            self._consumed.add(id(chain))
            self._appos_span = (first.start, last.end)
            for j, it in chain:
                if j == "to":
                    self.state_mention([it])
            countries, orgs, bodies, titles, of_items = self._modifiers(kept, head)
            countries = countries + of_items
            if owner is not None and owner.kind == "org":
                orgs.append(owner.ref)
                self.lone(owner)
            elif owner is not None:
                bodies.append((owner.ref, owner))
                self.organisation(owner, [], [], owner.start)
            return countries, orgs, bodies, titles
        return None

    def _party_words(self, chain: list[tuple[str, _Item]]) -> str | None:
        """'the opposition MDC', 'the opposition': a party (or the opposition) and the
        collective party words before it -> OPP or PTY; None for any other phrase."""
        *words, (_, last) = chain
        sectors = {it.ref.sector for _, it in words
                   if it.kind == "title" and it.ref.collective}
        if len(sectors) != len(words) or not sectors <= {"OPP", "PTY"}:
            return None
        if last.kind == "org" and isinstance(last.ref, Organization) \
                and last.ref.sector_at(self.day) in ("PTY", "OPP"):
            return "OPP" if "OPP" in sectors | {last.ref.sector_at(self.day)} else "PTY"
        if last.kind == "title" and last.ref.collective and not last.ref.plural \
                and last.ref.sector in ("OPP", "PTY") and not words:
            return last.ref.sector
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
                                                   orgs[-1] if orgs else None)], "title")

    _deferred_spans: list[tuple[int, int, Title, str | None, str | None]]

    def group_info(self, country: str | None, org: str | None, sector: str | None,
                   role: str | None, head: _Item, c: Country | None = None,
                   org_obj: Organization | None = None) -> _Info:
        noun = head.text.lower() if head.ref.collective or head.ref.plural else head.text.lower()
        if org_obj is not None:
            short = org_obj.name if (len(org_obj.name) < 16 or org_obj.key.startswith("~")) \
                else (org or org_obj.key)
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

    # -- context ------------------------------------------------------------------------------
    def context_country(self, pos: int, body_ok: bool = False) -> str | None:
        """The one country the sentence (else the whole article) is about, if only one.

        A news agency or its reporters ('AFP', 'a Reuters correspondent') say who reported,
        not where: their country is no context."""
        sent = self.sent_of(pos)
        in_sent: set[str] = set()
        everywhere: set[str] = set()
        for m in self.mentions:
            if m.kind == "demonym" and self._modifier(m):
                continue  # "killed in a Russian drone strike": the doer's adjective, not theirs
            for ident in m.idents:
                info = self.infos[ident]
                if info.country and info.org is None and info.sector not in REPORTING_SECTORS:
                    everywhere.add(info.country)
                    if self.sent_of(m.start) == sent and info.kind != "person":
                        in_sent.add(info.country)
        if len(in_sent) == 1:
            return next(iter(in_sent))
        if len(everywhere) == 1:
            return next(iter(everywhere))
        return None

    def home_country(self, pos: int) -> str | None:
        """Whose is an un-owned 'Commerce Ministry'? The state last acting as a subject in
        its paragraph (never one its own clause names later), else the dateline's country,
        else the one country of the sentence or article."""
        para = self.paragraph_start(pos)
        sent = self.sent_of(pos)
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if m.end > pos:
                continue
            if m.start < para or self.sent_of(m.start) < sent - 3:
                break
            if len(m.idents) != 1:
                continue
            info = self.infos[m.idents[0]]
            if info.kind == "state" and info.country and self.is_subject(m) \
                    and not self._quoted(para, m.start):
                # a state acting inside the ministry's own quotation is who it speaks about
                return info.country
        if self.dateline:
            return self.dateline
        return self.context_country(pos, body_ok=True)

    def _quoted(self, para: int, pos: int) -> bool:
        """Is ``pos`` inside quotation marks opened in its paragraph?"""
        text = self.text
        curly = text.count("\u201c", para, pos) - text.count("\u201d", para, pos)
        return curly > 0 or text.count('"', para, pos) % 2 == 1

    def domestic(self) -> None:
        """People and unknown bodies with a domestic role but no state ('police spokeswoman
        X', 'the opposition MDC'), and people with a local civilian role ('X, a street
        vendor'): the dateline's country, else the one state acting in the paragraph, else
        none."""
        first: dict[tuple[Any, ...], int] = {}
        for m in self.mentions:
            for ident in m.idents:
                if ident not in first or m.start < first[ident]:
                    first[ident] = m.start
        for ident, info in self.infos.items():
            if info.country or info.org or ident not in first:
                continue
            local = ident[0] == "U" and info.sector == "CVL" and self._local(info.role)
            if info.sector not in DOMESTIC_SECTORS and not local:
                continue
            if ident[0] == "G":
                # "the opposition", "police" with no state anywhere: in a datelined story,
                # the dateline's (a group spans the article, so no paragraph guess)
                if ident[1] is None and self.dateline:
                    info.country = self.dateline
                continue
            if ident[0] == "U":
                role = (info.role or "").lower()
                if not local and (not role or any(role == t or role.endswith(" " + t)
                                                  for t in self.lex.foreign_titles)):
                    continue
            elif not (ident[0] == "O" and str(ident[1]).startswith("~")):
                continue
            country = self.dateline or self.paragraph_state(first[ident])
            if country is not None:
                info.country = country

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
            if owner is None or owner.sector is None:
                continue
            info.country, info.org, info.sector = owner.country, owner.org, owner.sector
            if not info.role:
                aide = re.search(title, self.text[max(0, m.start - 80):m.start] + " "
                                 + self.text[m.end:m.end + 80], re.IGNORECASE)
                info.role = aide.group(0).lower() if aide else None

    def _local(self, role: str | None) -> bool:
        """Is ``role`` a civilian role of the place ('street vendor'), not of a visitor?"""
        words = (role or "").lower().split()
        return bool(words) and (words[-1] in self.lex.local_roles
                                or " ".join(words[-2:]) in self.lex.local_roles)

    def paragraph_state(self, pos: int) -> str | None:
        """The only state named as an actor (not as a place) in the paragraph of ``pos``."""
        a = self.paragraph_start(pos)
        b = self.text.find("\n", pos)
        b = len(self.text) if b < 0 else b
        found: set[str] = set()
        for m in self.mentions:
            if not (a <= m.start < b):
                continue
            infos = [self.infos[i] for i in m.idents]
            if any(i.kind == "state" and i.country for i in infos) and not self._is_place(m):
                found.update(i.country for i in infos if i.country)
        return next(iter(found)) if len(found) == 1 else None

    def _modifier(self, m: _Mention) -> bool:
        """Is the mention an adjective or compound on another noun ('Russian drone strike')?"""
        tok = self._root(m)
        return tok is not None and tok.dep_ in ("amod", "compound", "nmod")

    def _is_place(self, m: _Mention) -> bool:
        """'in Kenya', 'in the capital of Belarus': a state named as where, not who."""
        tok = self._root(m)
        seen = 0
        while tok is not None and seen < 6:
            seen += 1
            if tok.dep_ in ("conj", "compound", "appos") and tok.head is not tok:
                tok = tok.head
                continue
            if tok.dep_ != "pobj":
                return False
            prep = tok.head
            if prep.lower_ in LOCATIVE:
                return True
            if prep.lower_ != "of":
                return False
            tok = prep.head
        return False

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
                country = self.dateline or self.paragraph_state(gs)
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
        before = self.word_before(start)
        text = self.text[start:end]
        if not title.collective and not title.plural:
            if before in DEFINITE:
                info = self.last_with_title(title.text, start)
                if info is not None:
                    self.add(start, end, [info], "description")
            return
        if title.collective and title.plural:
            return  # "the outgoing and incoming administrations": several, none named
        country = self.located(end) if sector in self.lex.located_sectors else None
        if country is None:
            country = self.context_country(start)
        if country is None and sector in STATE_SECTORS:
            return  # "armed forces around the world": nobody in particular
        c = self.kb.countries.get(country) if country else None
        head = _Item(start, end, text, "title", title)
        self.add(start, end, [self.group_info(country, None, sector, role, head, c)], "title")

    def located(self, end: int) -> str | None:
        """'protesters in Baghdad': the country of the place the text puts people in."""
        m = _PLACED.match(self.text, end)
        if not m:
            return None
        name = m.group(1)
        c = self.kb.country(name)
        if c is not None:
            return c.iso3
        return self.place_country(name)

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

    def institutions(self) -> list[tuple[int, int]]:
        """'the ministry', 'the foreign ministry', 'the court': the most recent institution
        named before with the same head noun; a word before the noun must be in its name."""
        nouns = self.lex.institution_nouns
        if not nouns:
            return []
        pat = re.compile(r"\b[Tt]he\s+(?:([a-z][\w'\u2019-]*)\s+)?(" + "|".join(
            re.escape(n) for n in sorted(nouns, key=len, reverse=True)) + r")\b",
            re.IGNORECASE)
        taken = self._taken()
        ordered = sorted(self.mentions, key=lambda m: m.start)
        done: list[tuple[int, int]] = []
        for hit in pat.finditer(self.text):
            noun = hit.group(2).lower()
            mod = (hit.group(1) or "").lower()
            if hit.group(1) and not hit.group(1)[:1].islower():
                continue
            s, e = hit.span()
            nstart = hit.start(2)
            if mod and mod not in self.lex.institution_neutral:
                s = hit.start(1)
                if self.kb.lookup(mod) or mod in DEFINITE:
                    continue
            if taken(s, e) or taken(nstart, e):
                continue
            for prior in reversed(ordered):
                if prior.end > hit.start() or len(prior.idents) != 1:
                    continue
                info = self.infos[prior.idents[0]]
                if info.kind not in ("organization", "igo"):
                    continue
                words = _name_words(info.name)
                if noun != _head_noun(words) and noun not in info.refs:
                    continue
                if mod and mod not in self.lex.institution_neutral and mod not in words:
                    continue
                self.mentions.append(_Mention(s if mod else nstart, e, prior.idents,
                                              self.text[s if mod else nstart:e],
                                              "description"))
                done.append((s, e))
                break
        return done

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
        prev_subjects: list[tuple[int, Any, bool]] = []
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
                if is_subj and s < sent:
                    prev_subjects.append((s, ident, self._main_clause(m)))
        if prev_subjects:
            # in the nearest earlier sentence, the main clause's subject outranks one of a
            # subordinate clause ("Lamy set out the response hours after Bush announced
            # duties ... , he said" -> Lamy)
            nearest = prev_subjects[0][0]
            main = [i for s_, i, is_main in prev_subjects if s_ == nearest and is_main]
            if main:
                best_subj_prev = main[0]
        if best_subj_same is not None:
            return best_subj_same
        same_sent_any = next((i for m in reversed(prior) if self.sent_of(m.start) == sent
                              for i in m.idents if self.infos[i].kind == "person"
                              and self.infos[i].gender in (None, gender)), None)
        if same_sent_any is not None:
            return same_sent_any
        return best_subj_prev or best_any

    def _main_clause(self, m: _Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        head = span.root.head
        return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")

    def is_subject(self, m: _Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in SUBJECT_DEPS

    def _neuter(self, tok: Any, prior: list[_Mention]) -> tuple[Any, ...] | None:
        """'it'/'its': a single named state or organisation, the clause subject first."""
        if tok.lower_ == "it":
            if tok.dep_ not in SUBJECT_DEPS or tok.head.lemma_ in ("be", "seem", "appear",
                                                                   "take", "remain", "mean"):
                return None
        own = self._clause_subject(tok, prior) if tok.lower_ == "its" else None
        if own is not None:
            return own
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

    def _clause_subject(self, tok: Any, prior: list[_Mention]) -> tuple[Any, ...] | None:
        """'its': the state or organisation that is the subject of its own clause ('Qatar,
        Egypt said, would keep its role' -> Qatar), climbing past subjects holding 'its'."""
        node, seen = tok, 0
        while node.head is not node and seen < 8:
            node, seen = node.head, seen + 1
            if node.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is None:
                continue
            if subj.left_edge.i <= tok.i <= subj.right_edge.i:
                continue  # "its position had not changed": the subject holds 'its' itself
            a, b = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
            for m in reversed(prior):
                if m.end <= a:
                    break
                if m.start < a or m.end > b or len(m.idents) != 1:
                    continue
                info = self.infos[m.idents[0]]
                if info.kind == "person":
                    continue
                root = self._root(m)
                if root is not None and root.i == subj.i:
                    return m.idents[0]
            return None  # the clause has a subject, and it is no state or body
        return None

    def descriptions(self) -> None:
        """'the alliance', 'the bloc', 'the two countries': back to what was named before."""
        taken = self._taken()
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

    def _taken(self) -> Any:
        covered = sorted((m.start, m.end) for m in self.mentions)
        starts = [c[0] for c in covered]

        def taken(s: int, e: int) -> bool:
            j = bisect.bisect_right(starts, e) - 1
            while j >= 0 and covered[j][1] > s:
                if covered[j][0] < e:
                    return True
                j -= 1
            return False
        return taken

    def _root(self, m: _Mention) -> Any:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def plurals(self) -> None:
        """'the two leaders', 'both men', 'they': back to the pair or group named just before."""
        taken = self._taken()
        lex = self.lex
        if lex.plural_people:
            texts = sorted((r.text for r in lex.plural_people.values()), key=len, reverse=True)
            pat = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in texts) + r")\b",
                             re.IGNORECASE)
            for m in pat.finditer(self.text):
                if taken(m.start(), m.end()):
                    continue
                nxt = re.match(r"\s+(?:of|[a-z]+(?:ies|s)\b)", self.text[m.end():m.end() + 20])
                ref = lex.plural_people[_key(m.group())]
                if nxt and not ref.leaders and not ref.ministers and ref.text.endswith("two"):
                    continue  # "the two countries", "the two of them": not people alone
                picked = self._people_group(m.start(), ref)
                if picked:
                    self.mentions.append(_Mention(m.start(), m.end(), tuple(picked),
                                                  m.group(), "description"))
        for tok in self.doc:
            low = tok.lower_
            if low not in PLURAL_PRONOUNS:
                continue
            if low == "they" and tok.dep_ not in SUBJECT_DEPS:
                continue
            if low == "their" and tok.head.dep_ not in SUBJECT_DEPS:
                continue
            pos = tok.idx
            if taken(pos, pos + len(tok.text)):
                continue
            picked = self._plural_antecedent(pos)
            if picked:
                self.mentions.append(_Mention(pos, pos + len(tok.text), tuple(picked), tok.text,
                                              "pronoun"))

    def _people_group(self, pos: int, ref: Any) -> list[tuple[Any, ...]]:
        """The people 'the two leaders' names: the nearest sentence naming exactly them."""
        lex = self.lex
        gender = "m" if "men" in ref.text.split()[-1:] else (
            "f" if "women" in ref.text.split()[-1:] else None)

        def fits(info: _Info) -> bool:
            if info.kind != "person":
                return False
            if gender and info.gender and info.gender != gender:
                return False
            role = (info.role or "").lower()
            if ref.leaders:
                return info.sector == "GOV" and any(role == r or role.endswith(" " + r)
                                                    for r in lex.leader_roles)
            if ref.ministers:
                return any(w in role for w in ("minister", "secretary", "diplomat",
                                               "ambassador"))
            return True

        sent = self.sent_of(pos)
        by_sent: dict[int, list[tuple[Any, ...]]] = {}
        recency: list[tuple[Any, ...]] = []
        for m in sorted(self.mentions, key=lambda m: m.start, reverse=True):
            if m.end > pos:
                continue
            s = self.sent_of(m.start)
            if s < sent - 3:
                break
            for ident in m.idents:
                if fits(self.infos[ident]):
                    got = by_sent.setdefault(s, [])
                    if ident not in got:
                        got.append(ident)
                    if ident not in recency:
                        recency.append(ident)
        want = ref.count
        if ref.leaders or ref.ministers:
            if want and len(recency) >= want:
                return list(reversed(recency[:want]))
            return list(reversed(recency)) if not want and len(recency) >= 2 else []
        for s in sorted(by_sent, reverse=True):
            got = by_sent[s]
            if want is None and len(got) >= 2:
                return list(reversed(got))
            if want is not None and len(got) == want:
                return list(reversed(got))
            if len(got) >= 2:
                return []  # more people than it counts: ambiguous
        return []

    def _plural_antecedent(self, pos: int) -> list[tuple[Any, ...]]:
        """'they': a coordinated pair, a group named as one, or a subject with whom it met."""
        sent = self.sent_of(pos)
        ordered = sorted((m for m in self.mentions if m.end <= pos), key=lambda m: m.start)
        for s in range(sent, max(sent - 2, -1), -1):
            ms = [m for m in ordered if self.sent_of(m.start) == s]
            if not ms:
                continue
            cands: list[tuple[list[tuple[Any, ...]], bool]] = []
            roots = [(m, self._root(m)) for m in ms]
            for m, r in roots:
                if len(m.idents) >= 2:
                    cands.append((list(m.idents), r is not None and r.dep_ in SUBJECT_DEPS))
                    continue
                if r is None:
                    continue
                # "Lavrov and Wang", "Pompeo met with Borrell"
                partners = [m2 for m2, r2 in roots if r2 is not None and m2 is not m and (
                    (r2.dep_ == "conj" and r2.head.i == r.i) or (
                        r.dep_ in SUBJECT_DEPS and r.head.lemma_.lower() in
                        self.lex.meeting_verbs and (
                            (r2.dep_ == "pobj" and r2.head.lower_ == "with"
                             and r2.head.head.i == r.head.i)
                            or (r2.dep_ == "dobj" and r2.head.i == r.head.i))
                        and all(self.infos[i].kind == "person" for i in m.idents + m2.idents)))]
                if partners:
                    idents = list(m.idents)
                    for m2 in partners:
                        idents += [i for i in m2.idents if i not in idents]
                    cands.append((idents, r.dep_ in SUBJECT_DEPS))
                    continue
                info = self.infos[m.idents[0]]
                if info.kind == "group" and m.kind == "title" and (
                        r.tag_ in ("NNS", "NNPS")):
                    cands.append((list(m.idents), r.dep_ in SUBJECT_DEPS))
            if not cands:
                continue
            if len(cands) == 1:
                return cands[0][0]
            subj = [c for c, is_subj in cands if is_subj]
            uniq = {tuple(sorted(map(str, c))) for c in subj}
            return subj[0] if len(uniq) == 1 else []
        return []

    def relational(self) -> None:
        """'Lukashenko's opponent, Sviatlana Tsikhanouskaya,': the opponent, never Lukashenko."""
        nouns = self.lex.relational
        if not nouns:
            return
        pat = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)|['\u2019]s?)\s+(?:(?:main|chief|"
                         r"political|longtime|long-time|key|fierce|fiercest|leading|top|"
                         r"biggest|bitter|former|presidential|election)\s+)*("
                         + "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
                         + r")s?\b")
        ordered = sorted(self.mentions, key=lambda m: m.start)
        for m in pat.finditer(self.text):
            rel_end = m.end()
            owner = next((x for x in reversed(ordered) if x.end <= m.start() + 4
                          and x.end >= m.start() - 1), None)
            if owner is None:
                continue
            sent = self.sent_of(m.start())
            named = None
            for x in ordered:
                if x.start < rel_end or self.sent_of(x.start) != sent:
                    continue
                infos = [self.infos[i] for i in x.idents]
                if len(infos) != 1 or infos[0].kind != "person" or x.idents == owner.idents:
                    break
                gap = self.text[rel_end:x.start]
                r = self._root(x)
                if re.fullmatch(r"\s*,\s*", gap) or (r is not None and r.dep_ == "appos"):
                    named = x.idents
                elif gap.rstrip().endswith(",") and len(gap) < 80 and not any(
                        t.pos_ in ("VERB", "AUX") for t in self.doc.char_span(
                            rel_end, x.start, alignment_mode="expand") or ()):
                    named = x.idents  # "opponent in the August election, Y"
                break
            if named is not None:
                self.mentions.append(_Mention(owner.start, rel_end, named,
                                              self.text[owner.start:rel_end], "description"))

    # -- assembly -------------------------------------------------------------------------------
    def run(self) -> ActorIndex:
        self.deferred_bodies = []
        self._deferred_spans = []
        self._consumed: set[int] = set()
        items = self.items()
        self._items = items
        self._chains = self.chains(items)
        for chain in self._chains:
            if id(chain) in self._consumed:
                continue
            self.phrase(chain)
        self.resolve_deferred()
        self.peoples()
        self.aides()
        self.domestic()
        self.members()
        self.surnames()
        self.descriptions()
        self.plurals()
        self.pronouns()
        self.relational()
        return self.index()

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


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", name.lower()) if w != "s"]


def _head_noun(words: list[str]) -> str:
    """The head of an institution's name: 'Ministry of Foreign Affairs' -> 'ministry'."""
    if "of" in words and words.index("of") > 0:
        return words[words.index("of") - 1]
    return words[-1] if words else ""


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
