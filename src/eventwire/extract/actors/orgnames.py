"""Layer (a): organisations the knowledge base does not list, by head word or tagger."""
from __future__ import annotations

import re
from typing import Any

from ..knowledge import Body, Organization, _fold, _key, tokenize
from .lexicon import NAME_JOINERS, NAME_STOPS, STATE_LIKE, _PLACE_OF
from .records import _Item, _Spans
from .base import _Base


class _OrgNames(_Base):
    """Layer (a), mentions: organisations the knowledge base does not list, found by
    their head word ("... Federation", "Bank of ...") or by the tagger, with the country
    and sector their own words or a description give them."""

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
        for s, e in _joined_orgs(ents):
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
        taken = _Spans()
        chosen: list[tuple[int, int]] = []
        for a, b, _ in spans:
            if taken.overlapping(a, b):
                continue
            taken.add(_Item(a, b, "", "", None))
            chosen.append((a, b))
        new: list[_Item] = []
        held = _Spans(items)
        for a, b in sorted(chosen):
            start, end = toks[a][0], toks[b - 1][1]
            inside = held.overlapping(start, end)
            if any(it.kind == "person" for it in inside) or any(
                    it.kind == "org" and not self._namesake(it, start, end) for it in inside):
                continue  # the knowledge base knows this name (or part of it)
            inside = [it for it in inside if it.kind != "org"]
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
            for it in held.overlapping(start, end):
                held.remove(it)
            if isinstance(org, Body):
                new.append(_Item(start, end, self.text[start:end], "body", org))
            else:
                new.append(_Item(start, end, self.text[start:end], "org", org))
        items = held.items()
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

    def _namesake(self, it: _Item, start: int, end: int) -> bool:
        """A known organisation whose name is only the tail or a part of a longer name
        ('National Democratic Congress' holds 'Congress', 'Pan-African Parliament' holds
        'Parliament'): the longer name is another body that merely shares a word, when
        the words beyond it are capitalised words of a name, not a state's name or the
        state words of the known body's own full name ('U.S. Congress')."""
        if it.start <= start and it.end >= end:
            return False
        if len(it.text.split()) > 1 and not self.kb.body(it.text):
            return False  # a multi-word known name inside: "Democratic Party of X" stays
        rest = [w for w in re.findall(r"[\w'.-]+", self.text[start:it.start] + " "
                                      + self.text[it.end:end]) if w[:1].isupper()]
        names = [w for w in rest if not self.kb.lookup(w) and w.lower() not in NAME_STOPS]
        return bool(names) and self.text[start:end] != it.text

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
        if _PLACE_OF.search(self.text, max(0, start - 40), start):
            return None  # "the town of Kafr Nabudah": a place's name
        if self.kb.title(text) is not None or self.kb.body(text) is not None:
            return None
        got = lex.head(folded, lead=True) or lex.head(folded)
        # "Bank of Tanzania", "Federation of Kenya Employers", "United Party for National
        # Development", "Movement for Democratic Change": the head before "of" or "for"
        joiner = next((w for w in folded if w in ("of", "for")), None)
        if got is None and joiner is not None:
            k = folded.index(joiner)
            got = lex.head(folded[:k])
        head = got[0] if got else None
        party = self._premodifier(start, end)
        if head is None and party is None and any(
                it.kind == "title" and (it.end >= end or it.start <= start and not (
                    it.ref.collective or it.ref.plural) and not any(
                        e.kind in ("org", "body") for e in self.kb.lookup(words[-1])))
                for it in inside):
            return None  # "Kenyan police", "Bishop X": a title says more than an ORG tag
        if head is None and party is None and len(words) == 1 and not (
                words[0].isupper() and len(words[0]) > 1) \
                and self._tie(end)[1] is None and self._tie_before(start)[1] is None:
            return None  # one plain word tagged ORG says too little, unless its kind is said
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
        owned = any(re.match(r"['\u2019]s\b", self.text[it.end:it.end + 2]) for it in states)
        if head is not None and head.state_sector and isos and owned:
            sector = head.state_sector  # "Britain's 3rd Commando Brigade": the state's own
        elif head is not None and head.state_sector and isos and all(
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
        if tie_sector is None:
            tie_country, tie_sector = self._tie_before(start)
        if country is None and not isos:
            country = tie_country
        if country is None and not isos:
            country = self.located(end)  # "the State Border Committee in Minsk"
        if tie_sector:
            sector = tie_sector  # what the text says it is beats a guess from its name
        if party is not None:
            sector = party  # "the opposition MDC Alliance", "the ruling Unity Front"
        name = re.sub(r"^[Tt]he\s+", "", text)
        for it in states:
            poss = re.match(r"['\u2019]s?\s+", self.text[it.end:end])
            if it.start == start and poss and it.end + poss.end() < end:
                name = self.text[it.end + poss.end():end]  # "Ghana's X Congress": X Congress
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
        """'X, a Kenyan rights group,': the country and sector a description gives X.
        Also a kind noun right after the name ('the Canatex business chamber', 'the Nuevo
        Diario news agency'): the name's own type word."""
        m = re.match(r"\s*,\s*(?:a|an|the)\s+([^,.;()]{0,60})", self.text[end:end + 80])
        if not m:
            return None, self._kind_after(end)
        desc = m.group(1).strip()
        # "the party that has governed X": the relative clause is no part of the noun
        desc = re.split(r"\s+(?:that|who|which|whose|whom|known\s+as|called)\b", desc,
                        maxsplit=1)[0]
        # "a senior official of the opposition party": the head is before "of", a person
        desc = re.split(r"\s+(?:of|for|from|with|at|in)\s+", desc, maxsplit=1)[0]
        sector = self._tie_sector(desc)
        if sector is None:
            return None, None
        country = None
        for found in self.kb.scan(desc):
            if found.entry.kind in ("country", "demonym", "capital"):
                country = found.entry.ref.iso3
                break
        return country, sector

    def _kind_after(self, end: int) -> str | None:
        """'the Canatex business chamber': the sector of a kind noun (one to three
        lower-case words) that follows a name and closes the noun phrase."""
        m = re.match(r" ((?:[a-z][\w-]*[ ]){0,2}[a-z][\w-]*)\b", self.text[end:end + 50])
        if not m:
            return None
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            sector = self.lex.ties.get(_key(" ".join(words[:n])))
            if sector is None:
                continue
            after = end + 1 + len(" ".join(words[:n]))
            if n < len(words) and self.token(after + 1).pos_ in ("NOUN", "PROPN"):
                return None  # "Canatex bank accounts": the kind word modifies a noun
            return sector
        return None

    def _tie_sector(self, desc: str) -> str | None:
        """The sector of a description's head noun ('Kenyan rights group' -> NGO, 'armed
        groups' -> REB), singular or plural."""
        dkey = _key(desc)
        for n in range(min(3, len(dkey)), 0, -1):
            key = tuple(dkey[-n:])
            if key in self.lex.ties:
                return self.lex.ties[key]
            if key[-1].endswith("s") and key[:-1] + (key[-1][:-1],) in self.lex.ties:
                return self.lex.ties[key[:-1] + (key[-1][:-1],)]
        return None

    def _tie_before(self, start: int) -> tuple[str | None, str | None]:
        """'a rights group called X', 'an alliance of armed groups known as X': a
        description naming X's kind just before it -> (country, sector)."""
        m = re.search(r"\b(?:[Aa]n?|[Tt]he)\s+([\w\s'-]{1,60}?)\s+(?:called|named|known\s+as)"
                      r"\s+$", self.text[max(0, start - 90):start])
        if not m:
            # "the state oil company, Norvika", "the pro-government outlet Dagsnytt Nord":
            # a kind noun in apposition before the name (lower-case words only between)
            m = re.search(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[a-z][\w'-]*\s+){0,3}[a-z][\w'-]*)"
                          r"(?:\s*,)?\s+$", self.text[max(0, start - 90):start])
            if not m or self._tie_sector(m.group(1)) is None:
                return None, None
        desc = m.group(1)
        parts = re.split(r"\s+(?:of|for|from|with)\s+", desc, maxsplit=1)
        sector = next((s for s in (self._tie_sector(p) for p in parts) if s), None)
        if sector is None:
            return None, None
        country = next((f.entry.ref.iso3 for f in self.kb.scan(desc)
                        if f.entry.kind in ("country", "demonym", "capital")), None)
        return country, sector

    def _org_backrefs(self, new: list[_Item], items: list[_Item],
                      toks: list[tuple[int, int, str]]) -> list[_Item]:
        """'the federation', 'NRF': later references to an unknown organisation named before."""
        out: list[_Item] = []
        orgs = [it for it in new if it.kind == "org"]
        if not orgs:
            return out
        spans = _Spans(items + new)

        def free(s: int, e: int) -> bool:
            return not spans.overlapping(s, e)

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
                    spans.add(out[-1])
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
                spans.add(out[-1])
        return out


def _joined_orgs(ents: list[Any]) -> list[tuple[int, int]]:
    """The character spans of the tagger's organisation names, with a name the tagger cut
    after a number inside it joined again ("El 19" + "Digital", "Radio 26" + "Digital")."""
    out: list[tuple[int, int]] = []
    prev = None
    for ent in ents:
        cut = prev is not None and ent.label_ == "ORG" and ent.start == prev.end \
            and prev.label_ in ("ORG", "WORK_OF_ART") and prev[-1].like_num \
            and ent.start_char == prev.end_char + 1 and ent.text[:1].isupper()
        if cut and prev.label_ == "ORG":
            out[-1] = (out[-1][0], ent.end_char)
        elif cut:
            out.append((prev.start_char, ent.end_char))
        elif ent.label_ == "ORG":
            out.append((ent.start_char, ent.end_char))
        prev = ent
    return out
