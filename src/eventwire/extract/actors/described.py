"""What the text says about an unknown person beside the name (apposition, description)."""
from __future__ import annotations

import re
from dataclasses import replace

from ..knowledge import Body, Country, Organization, _key
from .lexicon import _OF, _APPOS, _AFTER_DESC, _BEFORE_DESC, _LIST_GAP
from .records import _Item
from .base import _Base


#: "X, one of the protesters,", "X, one of three Kenyan students": one of a named group.
_ONE_OF = re.compile(r"\s*,\s*one\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
                     r"(?:\w+\s+)?((?:[A-Za-z-]+\s+){0,2}?[a-z][a-z-]+s)\b")


class _Described(_Base):
    """What the text states about an unknown person beside the name: an
    apposition ("X, Belarus's defence minister"), a description ("X, a Kenyan lawyer"),
    a party affiliation or membership of a group just named."""

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
        one = _ONE_OF.match(self.text, head.end)
        if one:
            # "X, one of the protesters": a member of the group the plural noun names
            words = one.group(1).split()
            title = self.kb.title(words[-1])
            if title is not None and title.plural and not title.collective:
                country = next((f.entry.ref.iso3 for f in self.kb.scan(one.group(1))
                                if f.entry.kind in ("country", "demonym")), None)
                return country, title.sector, title.text, (one.start(1), one.end(1))
        group = self._group_member(head)
        if group is not None:
            own = after and self._describe_noun(after.group(1).split())
            return group[0], (own[0] if own else group[1]), own[1] if own else group[2], None
        if after:
            got = self._bare(after.group(1))
            if got is not None:
                a = head.end + after.start(1)
                return (*got[:3], (a, a + got[3]))
        if before:
            noun = self._describe_noun(before.group(1).split())
            if noun is not None:
                return None, noun[0], noun[1], (base + before.start(1), base + before.end(1))
        if after:
            iso = self._national(after.group(1))
            if iso is not None:
                a = head.end + after.start(1)
                return iso, "CVL", None, (a, head.end + after.end(1))
        return None

    def _national(self, desc: str) -> str | None:
        """'X, an Afghan mujahid', 'X, a Peruvian shaman': a demonym and a common noun the
        lexicon does not know, in apposition to a person, still give the person's country
        (the noun is a role word we lack, not a thing: the head is a person)."""
        found = [m for m in self.kb.scan(desc) if m.entry.kind == "demonym"]
        if not found or found[0].start != 0:
            return None
        rest = desc[found[0].end:].split()
        if not 1 <= len(rest) <= 2 or not all(w.isalpha() and w.islower() for w in rest):
            return None
        return found[0].entry.ref.iso3

    def _bare(self, desc: str) -> tuple[str | None, str, str | None, int] | None:
        """'street vendor', 'resident of the township', 'student at the University of
        Zimbabwe': a person noun with no nationality -> (ISO3 of a place named after it or
        None, sector, role, length of the noun phrase). A body named after it ('doctor with
        Doctors Without Borders') stays in the role, so the person is not taken for a local."""
        parts = re.split(r"\s+(?:of|for|from|with|at|in|near)\s+", desc, maxsplit=1)
        own, whose = (parts + [""])[:2]
        words = own.split()
        # "street vendor", "Muslim preacher": lower-case words, capitalised adjectives
        # before the noun allowed (a nationality among them was read by _describe)
        if not words or not words[-1].islower() or not all(
                w.islower() or w[:1].isdigit() or w[:1].isupper() for w in words[:-1]):
            return None
        tail: list[str] = []
        for w in reversed(words[-3:]):
            if not w.islower():
                break
            tail.insert(0, w)
        noun = self._describe_noun(tail)
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

    def _group_member(self, head: _Item) -> tuple[str | None, str, str | None] | None:
        """'two American citizens were identified as A, a businessman, and B': A and B;
        'the five judges on the bench were A, B and C': each a judge (a plural title names
        the members' sector; their state comes from the text or the story) -> (ISO3 or
        None, sector, role or None)."""
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
        for m in self.kb.scan(window):
            t = m.entry.ref
            if m.entry.kind == "title" and t.plural and not t.collective \
                    and not any(g.start <= m.start < g.end + 2 for g, _ in groups):
                groups.append((m, t.sector))  # "the five judges", "three opposition MPs"
        groups.sort(key=lambda g: g[0].start)
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
                if g.entry.kind == "title":
                    return None, sector, g.entry.ref.text
                return g.entry.ref.iso3, sector, None
            if any(n.start >= cue.end() for n in names):
                break  # names already listed after a later cue: do not reach further back
        return None

    def appositive(self, head: _Item) -> tuple[list[Country], list[Organization],
                                                list[tuple[Body, _Item]], list[_Item]] | None:
        """'Viktor Khrenin, Belarus's defence minister,': the phrase right after a name.

        Also 'Matthew Shay, president of the National Retail Federation,' and 'Jomo Otieno of
        the NRF': the body named there is his.
        """
        for chain in self._chains[self.chains_from(head.end, inclusive=False):]:
            first = chain[0][1]
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
            if owner is None and re.match(r"['\u2019]s?\s", self.text[last.end:last.end + 3]):
                return None  # "X, the president's sister": the title is her owner's
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
