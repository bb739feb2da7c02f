"""Layer (b2): an unknown person's state from the description set beside the name.

Runs once every phrase is resolved, so the actors a description names are known. Two
phenomena, both on people the knowledge base does not know and the text gave no state:

* **possessive owner in apposition**: "X, one of the Defence Ministry's hardliners",
  "Petronas's chief executive, X", "X, the head of the consulate's visa section": the
  owner's state (or international organisation) is the person's; the noun after the
  possessive gives the sector when it is a known title, else the owner's sector does;
* **title-headed description before the name**: "the colonel who commanded the convoy,
  X": the title gives the sector (the state then comes from the story, in ``domestic``).
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from dataclasses import replace

from .base import _Base
from .lexicon import STATE_SECTORS
from .sides import _Sides
from .records import _Info, _Mention, _head_noun, _name_words

#: ", <description>," right after a name: the apposition, up to the next comma or stop.
_APPOS_AFTER = re.compile(r"\s*,\s*((?:[^,;:()\n\"\u201c\u201d.]|\.(?=\w)){3,100}?)"
                          r"\s*(?=[,;:)\n]|\.(?:\s|$)|$)")
#: "<the/a description>, " right before a name, inside its sentence.
_APPOS_BEFORE = re.compile(r"(?:^|(?<=[\s\"\u201c]))((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+"
                           r"[^,;:()\n\"\u201c\u201d]{2,100}?)\s*,\s*$")
#: A possessive ending: "the ministry's", "Petronas'".
_POSS = re.compile(r"['\u2019]s?\b")
#: "the French-Colombian politician " right before a name: capitalised nationality words,
#: then one to three lower-case nouns, no comma.
_FALSE_TITLE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*\s+){1,2}"
                          r"(?:[a-z][a-z-]*\s+){1,3})$")
#: Possessive pronouns that own a description ("his wife, X") once pronouns are resolved.
_POSS_PRONOUNS = frozenset({"his", "her", "their"})
#: ... and those that may own an office ("its leader, X": the party's, the group's).
_OFFICE_OWNERS = _POSS_PRONOUNS | {"its"}
#: A possessive pronoun right before a noun phrase ("his government", "its troops").
_POSS_BEFORE = re.compile(r"\b([Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:own\s+)?$")
#: "the party's ", "the rebels' ": a bare group word owning what follows.
_GROUP_POSS = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+([a-z]+)['\u2019]s?\s+")
#: Words that open a description without being its noun.
_LEAD = re.compile(r"^(?:(?:one|some|several|two|three|many|most)\s+of\s+)?"
                   r"(?:the|a|an|its|his|her|their)\s+", re.IGNORECASE)
#: The opening of a description up to the body it names: "the number two at ", "a former
#: head of the ", "the " (before "FAO official"). Group 2 is the preposition, if any.
_PLACED_HEAD = re.compile(r"(?:(?:the|a|an)\s+)((?:[a-z][\w-]*\s+){1,4}(at|of|with|in|for)\s+"
                          r"(?:the\s+)?|)")
#: A relative clause or a prepositional tail: no part of the description's noun.
_CLAUSE = re.compile(r"\s+(?:who|whom|whose|which|that|of|for|at|in|on|from|with|to)\b.*$")


class _Owners(_Sides, _Base):
    """An unknown person's state and sector from an apposition that names an owner."""

    def owners(self) -> None:
        """Give unknown people with no state the state of the body or state their
        apposition names with a possessive, and a sector from a title-headed description."""
        for ident, m in self._first_names().items():
            info = self.infos[ident]
            if ident[0] != "U" or info.kind != "person" or info.country or info.org:
                continue
            for a, b in self._appositions(m):
                if self._owned(info, a, b) or self._placed(info, a, b):
                    break
                if info.sector is None and self._titled(info, a, b):
                    break

    def _appositions(self, m: _Mention) -> list[tuple[int, int]]:
        """The spans of the descriptions set beside the mention: after it, then before it."""
        out = []
        after = _APPOS_AFTER.match(self.text, m.end)
        if after:
            out.append((after.start(1), after.end(1)))
        lo = max(self.sent_starts[self.sent_of(m.start)], m.start - 110)
        before = _APPOS_BEFORE.search(self.text[lo:m.start])
        if before:
            out.append((lo + before.start(1), lo + before.end(1)))
        return out

    def _owned(self, info: _Info, a: int, b: int) -> bool:
        """'one of the Defence Ministry's hardliners': the last actor in [a, b) followed by
        a possessive owns the person; the words after it say the sector if they can."""
        owner = None
        ordered, starts = self.ordered()
        for m in ordered[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]:
            poss = _POSS.match(self.text, m.end) or (
                m.kind == "pronoun" and m.text.lower() in _POSS_PRONOUNS)
            if a <= m.start and m.end <= b and len(m.idents) == 1 and poss \
                    and self.infos[m.idents[0]] is not info:
                if owner is None or m.end > owner.end:
                    owner = m
        if owner is None:
            return False
        whose = self.infos[owner.idents[0]]
        if not (whose.country or whose.org):
            return False
        after = _POSS.match(self.text, owner.end)
        tail = self.text[after.end() if after else owner.end:b].strip()
        words = _CLAUSE.sub("", tail).split()
        if words and words[-1].lower() in self.lex.kin_nouns:
            # "his wife, X", "X, the minister's son": family, a civilian of that state
            info.country = whose.country
            info.sector = info.sector or "CVL"
            info.role = info.role or words[-1].lower()
            return True
        noun = self._noun_sector(words)
        info.country = whose.country if not whose.org else None
        if info.country and whose.ident[0] == "B" and info.ident[0] == "U" \
                and len(self.states_in_play()) > 1:
            # "one of the Defence Ministry's hawks" in a story about two states: the
            # ministry was given a state by where the story is; the side the clauses
            # about the person give is the better clue (see _Sides)
            info.country = self.own_side(info.ident) or info.country
        info.org = whose.org
        if info.sector is None:
            info.sector = noun[0] if noun else (whose.sector or "GOV")
        info.role = info.role or (noun[1] if noun else tail or None)
        return True

    def office_owners(self) -> None:
        """'X, the party's spokesperson', 'the gang's best-known leader, X', 'its leader, X':
        an office that says little about its holder's sector (leader, spokesperson,
        chairman: weak or organisation-leading titles) belongs to whoever the possessive
        before it names, so the owner's state and sector are the holder's, not those the
        bare title gives (GOV for "leader", BUS for "chairman"). Runs once pronouns are
        resolved ("its" = the party named before); only people the knowledge base does not
        know, and only when the sector they have is the one the title alone would give."""
        for ident, m in self._first_names().items():
            info = self.infos[ident]
            if ident[0] != "U" or info.kind != "person" or info.org or not info.role:
                continue
            title = self.kb.title(info.role.lower().split(" of ")[0])
            if title is None or title.collective or not (
                    title.weak or title.text.lower() in self.lex.leader_titles) \
                    or info.sector not in (None, title.sector):
                continue
            for a, b in self._appositions(m):
                whose = self._office_owner(info, a, b, title.text)
                if whose is None:
                    continue
                info.sector = whose.sector
                if whose.org:
                    info.org, info.country = whose.org, None
                elif whose.country:
                    info.country = whose.country
                break

    def _office_owner(self, info: _Info, a: int, b: int, noun: str) -> _Info | None:
        """The actor whose possessive in [a, b) owns the office ``noun`` (nothing but
        adjectives between them: "the alliance's best-known leader"); None for a state
        (its officials are its government already) or an owner with no sector."""
        ordered, starts = self.ordered()
        for m in ordered[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]:
            if m.end > b or len(m.idents) != 1 or self.infos[m.idents[0]] is info:
                continue
            if m.kind == "pronoun":
                if m.text.lower() not in _OFFICE_OWNERS:
                    continue
                rest = self.text[m.end:b]
            else:
                poss = _POSS.match(self.text, m.end)
                if poss is None:
                    continue
                rest = self.text[poss.end():b]
            words = _CLAUSE.sub("", rest).split()
            if not words or " ".join(words[-len(noun.split()):]).lower() != noun.lower() \
                    or len(words) > len(noun.split()) + 2:
                continue
            whose = self.infos[m.idents[0]]
            if whose.kind == "state" or not whose.sector or not (whose.country or whose.org):
                return None
            return whose
        return self._office_group(a, b, noun)

    def _office_group(self, a: int, b: int, noun: str) -> _Info | None:
        """'the party's spokesperson', 'the rebels' commander' where the possessor is a bare
        group word (a description merged into the person's own mention): the organisation of
        that kind named last before (:attr:`member_groups`: party, opposition, rebel, ...),
        else a group of that sector in the person's state."""
        hit = _GROUP_POSS.search(self.text, a, b)
        if hit is None:
            return None
        words = _CLAUSE.sub("", self.text[hit.end():b]).split()
        if not words or " ".join(words[-len(noun.split()):]).lower() != noun.lower() \
                or len(words) > len(noun.split()) + 2:
            return None
        word = hit.group(1).lower()
        if word in self.lex.institution_nouns:
            # "the commission's chairman": the commission named last
            return self.latest_actor(a, lambda i: i.kind == "organization" and bool(
                i.sector) and bool(i.country or i.org) and (
                    word == _head_noun(_name_words(i.name)) or word in i.refs))
        return self.group_word(word, a)  # type: ignore[attr-defined, no-any-return]

    def _placed(self, info: _Info, a: int, b: int) -> bool:
        """'X, the number two at the Pakistani embassy', 'X, a former head of the ISI
        intelligence agency', 'X, the FAO official in charge of ...': a description whose
        noun is tied to a body or state (by a preposition, or as the body's own official)
        places the person in it; the body's sector is the person's unless the description's
        own noun says one."""
        head = _PLACED_HEAD.match(self.text, a, b)
        if head is None:
            return False
        at = head.end()
        ordered, starts = self.ordered()
        for m in ordered[bisect.bisect_left(starts, at):bisect.bisect_left(starts, b)]:
            if m.start > at + 4 or len(m.idents) != 1:
                return False  # only the body right after the preposition (or article)
            whose = self.infos[m.idents[0]]
            if whose.kind == "person" or whose is info or not (whose.country or whose.org):
                return False
            words = _CLAUSE.sub("", _LEAD.sub("", self.text[a:head.start(2)]
                                              if head.group(2) else "")).split()
            noun = self._noun_sector(words) if words else None
            if not head.group(2):
                # "the FAO official": a title right after the body's name, nothing else
                # ("a Kenyan rights group's founder" is the group's, said by _owned)
                if not re.match(r"\s+[a-z]", self.text[m.end:b]):
                    return False
                noun = self._noun_sector(self.text[m.end:b].split()[:1])
                if noun is None:
                    return False
            info.country = whose.country if not whose.org else None
            info.org = whose.org
            own = whose.sector if whose.kind != "state" else None
            info.sector = info.sector or (noun[0] if noun else own)
            info.role = info.role or (noun[1] if noun else None)
            return True
        return False

    def _titled(self, info: _Info, a: int, b: int) -> bool:
        """'the colonel who commanded the convoy': a description whose noun is a title."""
        desc = _LEAD.sub("", self.text[a:b])
        words = _CLAUSE.sub("", desc).split()
        noun = self._noun_sector(words)
        if noun is None:
            return False
        info.sector, info.role = noun[0], info.role or noun[1]
        return True

    def _noun_sector(self, words: list[str]) -> tuple[str, str | None] | None:
        """(sector, role) of the last one to three lower-case words, singular or plural."""
        tail: list[str] = []
        for w in reversed(words[-3:]):
            if not w.islower():
                break
            tail.insert(0, w)
        if not tail:
            return None
        got = self._describe_noun(tail)  # type: ignore[attr-defined]
        if got is None and tail[-1].endswith("s"):
            got = self._describe_noun(tail[:-1] + [tail[-1][:-1]])  # type: ignore[attr-defined]
        return got

    def false_titles(self) -> None:
        """'the French-Colombian politician Maria Restrepo', 'the Kenyan lawyer John
        Wekesa': a nationality and a person noun set right before a name, with no comma (the
        news "false title"), give an unknown person a state (the last of a hyphenated pair)
        and a sector; the nationality is his description, not a state acting."""
        for ident, m in self._first_names().items():
            info = self.infos[ident]
            if ident[0] != "U" or info.kind != "person" or info.country or info.org:
                continue
            # the mention may hold the nouns already ("worker Nadia Farahani"): the name's start
            at = m.end - len(info.name) if self.text[m.start:m.end].endswith(info.name) \
                else m.start
            pre = _FALSE_TITLE.search(self.text, max(0, at - 80), at)
            if pre is None:
                continue
            a, b = pre.start(1), pre.end(1)
            words = self.text[a:b].split()
            nouns = [w for w in words if w.islower()]
            if not nouns or words[-1] != nouns[-1]:
                continue
            scanned = self.kb.scan(self.text[a:b])
            found = [f for f in scanned if f.entry.kind == "demonym"]
            if not found:
                continue
            # the noun's own sector, else that of a service named in it ("navy officer")
            titled = [f.entry.ref.sector for f in scanned if f.entry.kind == "title"]
            noun = self._noun_sector(nouns) or (titled[-1] if titled else "CVL",
                                                " ".join(nouns))
            info.country = found[-1].entry.ref.iso3
            info.sector = info.sector or noun[0]
            info.role = info.role or noun[1]
            self.mentions = [x for x in self.mentions if not (
                a <= x.start and x.end <= b and all(
                    self.infos[i].kind == "state" for i in x.idents))]


    def namesakes(self) -> None:
        """'Congress voted to impeach the president' in a story about Peru with no
        dateline: a name many states share ("Congress", "Liberal Party"), mentioned bare in
        an article that never names the listed body's own state, is the namesake of the
        state the article is about (:meth:`dominant_country`)."""
        if not self.shared_names or self.dateline:
            return
        home = self.dominant_country()
        if home is None:
            return
        for info in self.infos.values():
            if info.kb_id not in self.shared_names or not self.shared_names[info.kb_id] \
                    or not info.country or info.country == home or info.org is not None:
                continue
            own = info.country
            if any(other.country == own for other in self.infos.values() if other is not info):
                continue  # its own state acts in the story too: it may well be that body
            info.country, info.kb_id = home, None

    def possessed(self) -> None:
        """'Ortega ... and his government cut ties', 'Russia will not let them command its
        troops': a state's body owned by a possessive pronoun is the body of the state the
        pronoun refers to, not of the state the paragraph happens to name. Runs after the
        pronouns are resolved; only bodies whose phrase named no state of its own."""
        pron = {m.end: m for m in self.mentions if m.kind == "pronoun" and len(m.idents) == 1}
        if not pron:
            return
        for k, m in enumerate(self.mentions):
            if m.kind != "title" or len(m.idents) != 1:
                continue
            info = self.infos[m.idents[0]]
            if info.ident[0] != "G" or info.org or info.sector not in STATE_SECTORS:
                continue
            lead = _POSS_BEFORE.search(self.text, max(0, m.start - 12), m.start)
            owner_m = pron.get(lead.start(1) + len(lead.group(1))) if lead else None
            if owner_m is None or any(f.entry.kind in ("country", "demonym", "capital", "org", "metonym")
                                      for f in self.kb.scan(self.text[m.start:m.end])):
                continue  # no owner, or the phrase names its own state ("its Kenyan allies")
            owner = self.infos[owner_m.idents[0]]
            iso = owner.country
            if owner.org or not iso or iso == info.country or owner.kind not in (
                    "state", "person", "group"):
                continue
            c = self.kb.countries.get(iso)
            if c is None:
                continue
            if info.kind == "state":
                new = self.state_info(c, "GOV", raw=m.text)  # type: ignore[attr-defined]
            else:
                noun = m.text.lower()
                new = replace(info, ident=("G", iso, None, info.sector), country=iso,
                              name=f"{c.adjective or c.name} {noun}")
            if new.ident not in self.infos:
                self.infos[new.ident] = new
            self.mentions[k] = replace(m, idents=(new.ident,))

