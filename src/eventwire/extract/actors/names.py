"""Layer (a): mentions of known names, titles, demonyms, and of unknown people."""
from __future__ import annotations

import bisect
import re
from typing import Any

from ..knowledge import Organization, _key, tokenize
from .lexicon import (NAMESAKE_SECTORS, NAME_PARTICLES, NAME_STOPS, STATE_LIKE, TITLE_PREFIXES,
                      _AFTER_DESC, _PLACE_OF)
from .records import _Item, _Spans, _fold_tuple
from .base import _Base


class _Names(_Base):
    """Layer (a), mentions: knowledge-base matches plus the people the tagger finds and
    the knowledge base does not know."""

    def items(self) -> list[_Item]:
        """Knowledge-base matches plus spaCy PERSON names the knowledge base does not know."""
        matches = self.kb.scan(self.text, tokenize(self.text))
        ents = [e for e in self.doc.ents]
        ent_label_at: dict[int, str] = {}
        for e in ents:
            for t in e:
                ent_label_at[t.i] = e.label_
        items: list[_Item] = []
        named = {getattr(m.entry.ref, "iso3", None) for m in matches
                 if m.entry.kind in ("country", "demonym", "capital", "metonym")}
        homed: dict[str, str] = {}
        for m in matches:
            e = m.entry
            if e.ambiguous:
                label = ent_label_at.get(self.token(m.start).i)
                wanted = {"GPE", "LOC", "NORP"} if e.kind in STATE_LIKE else {"ORG", "NORP"}
                if label not in wanted:
                    continue
            if e.kind == "org" and isinstance(e.ref, Organization) and e.ref.country:
                # one name, one body: a later bare mention is the namesake placed before
                home = homed.get(m.text) or self._namesake_home(m.text, m.end, e.ref,
                                                                  e.ambiguous, named)
                if home:
                    homed[m.text] = home
                if home == "":
                    continue  # another state's, and no sector says which of its bodies
                if home is None and e.ref.kind == "organization" and not re.search(
                        r"[A-Z]{2}", m.text) and e.ref.sector_at(self.day) in _HOMED_SECTORS \
                        and (e.ambiguous or e.ref.sector_at(self.day) in NAMESAKE_SECTORS):
                    self.shared_names[e.ref.key] = e.ref.country not in named
                if home is not None:
                    org = Organization(key=f"~{m.text}@{home}", name=m.text,
                                       kind="organization", sector=e.ref.sector_at(self.day),
                                       country=home, refs=e.ref.refs)
                    items.append(_Item(m.start, m.end, m.text, "org", org))
                    continue
            if e.kind == "capital" and self._locative(m.start):
                continue
            if e.kind == "title" and self._compound_tail(m.start):
                continue
            items.append(_Item(m.start, m.end, m.text, e.kind, e.ref, e))
        # unknown organisations: "Cochin Shipyard", "National Retail Federation", spaCy ORGs
        items = self.unknown_orgs(items, ents)
        spans = _Spans(items)
        ents = self._person_ents(ents, spans)
        # unknown people: spaCy PERSON entities no known name covers
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            start, end = ent.start_char, ent.end_char
            name = self.text[start:end]
            cut = re.search(r"\s*['\u2019]s?$|\s+$", name)
            if cut:
                end = start + cut.start()
            if self.junk_person(start, end, spans):
                continue
            tie_country, tie_sector = self._tie(end)
            if tie_sector is None:
                tie_country, tie_sector = self._tie_before(start)
            if tie_sector is not None and not self.kb.lookup(self.text[start:end]):
                # "Haki Yetu, a Kenyan rights group": tagged PERSON, described as a body
                name = self.text[start:end]
                org = Organization(key="~" + name, name=name, kind="organization",
                                   sector=tie_sector, country=tie_country or self.located(end))
                for it in spans.overlapping(start, end):
                    spans.remove(it)
                spans.add(_Item(start, end, name, "org", org))
                continue
            inside = spans.overlapping(start, end)
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
            for it in spans.overlapping(start, end):
                spans.remove(it)
            if not _name_shaped(self.text[start:end]):
                continue
            spans.add(_Item(start, end, self.text[start:end], "uperson", None))
        items = self._titled_names(spans.items())
        items = self._retype_orgs(items)
        items = self._kind_words(items)
        items.sort(key=lambda it: it.start)
        return items

    def _kind_words(self, items: list[_Item]) -> list[_Item]:
        """'the Nuevo Diario news agency', 'the Canatex business chamber': a kind noun
        right after an organisation's name says what the name is; it is no second actor
        (else "news agency" would make a group of its own and swallow the name)."""
        kinds: dict[int, int] = {}  # start of the kind words -> their end
        for it in items:
            if it.kind == "org" and self._kind_after(it.end) is not None:
                m = re.match(r" ((?:[a-z][\w-]*[ ]){0,2}[a-z][\w-]*)\b", self.text[it.end:])
                if m:
                    kinds[it.end + 1] = it.end + m.end()
        if not kinds:
            return items
        starts = sorted(kinds)

        def in_kind(it: _Item) -> bool:
            k = bisect.bisect_right(starts, it.start) - 1
            return k >= 0 and it.end <= kinds[starts[k]]
        return [it for it in items if not (it.kind == "title" and in_kind(it))]

    def _compound_tail(self, start: int) -> bool:
        """A title word that is the second half of a hyphenated word ('solicitor-general',
        'inspector-general', 'major-general' stay whole): not the title alone. 'ex-' and
        'vice-' style prefixes keep the title."""
        m = re.search(r"([A-Za-z]+)-$", self.text[max(0, start - 20):start])
        return m is not None and m.group(1).lower() not in TITLE_PREFIXES

    def _titled_names(self, items: list[_Item]) -> list[_Item]:
        """A personal title followed by capitalised proper nouns the tagger missed or took
        for an organisation ('Bishop Rolando Alvarado', 'Colonel R Prakash Rao'): the
        words after the title are a person's name. Only proper nouns of one line, with
        name particles ('de', 'bin') inside, none already a known name or place."""
        doc = self.doc
        spans = _Spans(items)
        titles = [it for it in items if it.kind == "title"
                  and not (it.ref.collective or it.ref.plural)]
        new: list[_Item] = []
        for t in titles:
            k = bisect.bisect_left(self.tok_starts, t.end)
            appos = k + 1 < len(doc) and doc[k].text == "," and doc[k].idx == t.end
            if appos:
                k += 1  # "the new customs chief, Ana Duarte.": the name in apposition
            elif k >= len(doc) or doc[k].idx - t.end != 1 or not t.text[:1].isupper():
                continue  # a lower-case "the bishop" is a description, not a name's title
            tok = doc[k]
            j = tok.i
            while j < len(doc) and j - tok.i < 5 and (
                    (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
                     and doc[j].lower_ not in NAME_STOPS)
                    or (doc[j].lower_ in NAME_PARTICLES and j > tok.i)) \
                    and (j == tok.i or doc[j].idx == doc[j - 1].idx + len(doc[j - 1]) + 1):
                j += 1
            while j > tok.i and doc[j - 1].lower_ in NAME_PARTICLES:
                j -= 1
            if j - tok.i < 2 or (j < len(doc) and doc[j].text in ("'s", "\u2019s")):
                continue  # one word after a title is a surname the other layers handle
            if appos and not self._apposed_name(doc[tok.i:j], t, j):
                continue
            start, end = doc[tok.i].idx, doc[j - 1].idx + len(doc[j - 1])
            if appos:
                # the tagger's place or body tag on an apposed name yields to the title
                for it in spans.overlapping(start, end):
                    if it.kind == "org" and isinstance(it.ref, Organization) \
                            and it.ref.key.startswith("~") and not it.ref.sector:
                        spans.remove(it)
                        items = [x for x in items if x is not it]
            if any(it.kind != "title" for it in spans.overlapping(start, end)) \
                    or not _name_shaped(self.text[start:end]) \
                    or self.junk_person(start, end, spans):
                continue
            lead = self.text[start:end].split()[0].lower()
            if lead in self.lex.rank_words or self.kb.title(lead) is not None:
                continue  # "President Donald": another title or rank opens the words
            person = _Item(start, end, self.text[start:end], "uperson", None)
            new.append(person)
            spans.add(person)
        return items + new

    def _apposed_name(self, words: Any, title: _Item, j: int) -> bool:
        """Proper nouns set after a title and a comma ('the police chief, X Y,') are the
        title holder's name: the parse makes them the title's apposition, and a comma,
        full stop or 'said' closes them; a name the knowledge base knows is no person."""
        doc = self.doc
        root = words.root
        if root.dep_ != "appos" or not (title.start <= root.head.idx < title.end):
            return False
        if j < len(doc) and doc[j].text not in (",", ".", ";") and doc[j].lemma_ != "say":
            return False
        return not self.kb.lookup(words.text)

    def _person_ents(self, ents: list[Any], items: _Spans) -> list[Any]:
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
                        and not any(it.kind != "title"
                                    for it in items.overlapping(t.idx, t.idx + len(t))))

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
        # "Tarek el-Haddad ... El-Haddad said": an ORG tag on a named person's surname
        surnames = {_fold_tuple(it.text.split()[-1]) for it in people if len(it.text.split()) > 1}
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
                    self._describe_noun(_lower_tail(desc.group(1).split())) is not None
                    or self._describe(desc.group(1), bare_ok=False) is not None)
                # "Minister X", "his spokesman, X": a title right before, or in apposition
                gap = re.match(r"[ \t]*,?[ \t]*", self.text[max(0, it.start - 4):it.start][::-1])
                titled = gap is not None and it.start - gap.end() in titled_at
                # "X, Arce's daughter,": a person's relative or office-holder by apposition
                owned = _OWNED_APPOS.match(self.text, it.end)
                if owned and (owned.group(1).lower() in self.lex.kin_nouns
                              or self._describe_noun([owned.group(1).lower()]) is not None):
                    described = True
                if len(names) == 1 and key in surnames and names[0][:1].isupper():
                    it = _Item(it.start, it.end, it.text, "uperson", None)
                elif 2 <= len(names) <= 4 and all(w[:1].isupper() for w in names) and (
                        key in full or key[-1] in words or key[0] in words or described
                        or titled or self._personal_context(it.start, it.end)) \
                        and not self._premodifier(it.start, it.end):
                    it = _Item(it.start, it.end, it.text, "uperson", None)
            out.append(it)
        return out

    def _personal_context(self, start: int, end: int) -> bool:
        """Context that only a person fits, around a name the tagger took for a body:
        an age or 'who' after it ('X, 54,', 'X, who ...'), a kin noun in apposition
        before it ('his widow, X'), or, for a plain two-word name, being the subject of
        a verb of saying ('X told', 'said X')."""
        after = self.text[end:end + 16]
        if _AGE_OR_WHO.match(after):
            return True
        kin = _KIN_BEFORE.search(self.text[max(0, start - 30):start])
        if kin and kin.group(1).lower() in self.lex.kin_nouns:
            return True
        words = self.text[start:end].split()
        if len(words) != 2 or not all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", w)
                                      for w in words) \
                or any((w.lower(),) in self.lex.heads for w in words):
            return False
        k = bisect.bisect_left(self.tok_starts, start)
        toks = [t for t in self.doc[k:k + 2] if t.idx < end]
        root = next((t for t in toks if not (start <= t.head.idx < end)), None)
        if root is None or root.dep_ != "nsubj" \
                or root.head.lemma_.lower() not in self.lex.speech_verbs:
            return False
        # a firm speaks too ('Goldman Sachs told investors'): a speaker is a person only
        # when a personal pronoun ('he', 'her') follows in the same or the next sentence
        sent = root.sent
        nxt = self.doc[sent.end:sent.end + 1]
        stop = nxt[0].sent.end if len(nxt) else sent.end
        return any(t.lower_ in _PERSONAL for t in self.doc[root.i + 1:stop])

    def _namesake_home(self, text: str, end: int, org: Organization, ambiguous: bool,
                       named: set[str | None]) -> str | None:
        """A bare institution or party name many states share ("Congress", "the National
        Assembly", "Democratic Party") that the text places in another state ("in Peru"),
        or that a story filed from another state names while never naming the listed
        owner: that other state's namesake -> its ISO3. '' when it is another state's but
        no institution sector says which body (a newspaper called "The Guardian"); None
        when it is the listed body."""
        sector = org.sector_at(self.day)
        if org.kind != "organization" or not (ambiguous or sector in NAMESAKE_SECTORS):
            return None
        placed = _PLACED_IN.match(self.text, end)
        other = None
        if placed:
            c = self.kb.country(placed.group(1))
            if c is not None and c.iso3 != org.country:
                other = c.iso3
        if other is None and self.dateline is not None and self.dateline != org.country \
                and (ambiguous or org.country not in named):
            other = self.dateline
        if other is None:
            return None
        if sector in _HOMED_SECTORS and not re.search(r"[A-Z]{2}", text):
            return other  # an acronym ("PT") or a brand is no name states share
        return "" if ambiguous else None

    def junk_person(self, start: int, end: int, items: _Spans) -> bool:
        """A PERSON tag on a place, a people, a platform, a photo credit or an event name."""
        name = self.text[start:end]
        if "/" in name or self.text[end:end + 1] == "/" or self.text[start - 1:start] == "/":
            return True  # "Thein Zaw/AP": a photo credit
        low = name.lower()
        words = low.split()
        if low in self.lex.ethnic or low in self.lex.platforms or (
                words and words[0] in self.lex.ethnic and len(words) == 1):
            return True
        if _PLACE_OF.search(self.text, max(0, start - 40), start):
            return True  # "the town of Kafr Nabudah": a place's name
        nxt = re.match(r"\s+([A-Za-z]+)", self.text[end:end + 30])
        if nxt and nxt.group(1).lower() in self.lex.event_nouns:
            return True  # "Brilliant Jump exercise"
        if any(it.kind == "org" and it.start <= start and it.end >= end
               for it in items.overlapping(start, end)):
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


#: Sectors of the bodies every state has one of (a legislature, a court, an electoral
#: council, parties): a shared name in another state's story is that state's own.
_HOMED_SECTORS = frozenset({"LEG", "GOV", "JUD", "PTY", "OPP", "LAB", "MIL", "COP"})

#: ", Arce's daughter" / ", the minister's son": an apposition naming whose relative or
#: officer the name is.
_OWNED_APPOS = re.compile(r"\s*,\s*(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,3}?[\w-]+['\u2019]s\s+"
                          r"(?:[a-z]+\s+)?([a-z]+)\b")

#: ", 54," / ", aged 61," / ", who": an age or a relative 'who' after a name.
_AGE_OR_WHO = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,2}\s*,|\s*,?\s*who\b")

#: Third-person personal pronouns: who a speaker is referred to by if a person.
_PERSONAL = frozenset({"he", "she", "him", "his", "her", "hers"})

#: "his widow, " / "the minister's son, ": a kin noun in apposition right before a name.
_KIN_BEFORE = re.compile(r"\b([a-z-]+)\s*,\s*$")

#: "Congress in Brazil": the state a bare institution name is placed in.
_PLACED_IN = re.compile(r"\s+in\s+((?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})")


def _name_shaped(name: str) -> bool:
    """Capitalised words on one line, name particles allowed inside ('Ana de la Cruz')."""
    words = name.split()
    return bool(words) and "\n" not in name and words[0][:1].isupper() \
        and (words[-1][:1].isupper() or _PARTICLE_JOINED.match(words[-1]) is not None) \
        and all(w[:1].isupper() or w in NAME_PARTICLES or _PARTICLE_JOINED.match(w)
                for w in words)


#: A name particle joined to a capitalised name part: "al-Nuaimi", "el-Sisi", "d'Almeida".
_PARTICLE_JOINED = re.compile(r"^(?:" + "|".join(sorted(NAME_PARTICLES | {"d", "ould", "abu"},
                                                        key=len, reverse=True))
                              + r")[-'\u2019][A-Z]")


def _lower_tail(words: list[str]) -> list[str]:
    """The lower-case words ending a description ('the MDC's deputy spokesman' -> 'deputy
    spokesman'), at most three: its head noun and modifiers."""
    tail: list[str] = []
    for w in reversed(words[-3:]):
        if not w.islower():
            break
        tail.insert(0, w)
    return tail
