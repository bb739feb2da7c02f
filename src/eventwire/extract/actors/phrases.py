"""Adjacent mentions composed into noun phrases; the head decides what the phrase names."""
from __future__ import annotations

import bisect
import re

from ..knowledge import Body, Country, Organization, Title
from .lexicon import (_POSSESSIVE, _SPACE, _HYPHEN, _AND, _TO, _OF, _IN, _LIST, _LED, _APPOS,
                      STATE_LIKE)
from .records import _Item, _Mention
from .base import _Base


#: ", the poet ", ", a veteran economist ": a description of one or two lower-case words.
_NOUN_GAP = re.compile(r"^\s*,\s*(?:the|a|an)\s+((?:[a-z][a-z-]*\s+){1,2})$")


class _Phrases(_Base):
    """Layer (a) to (c): adjacent mentions composed into noun phrases ("Russian
    Defense Minister X", "Moscow's military"); the head decides what the phrase names."""

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
        ranked = re.match(r"^['\u2019]s\s+((?:[a-z]+\s+){1,2})$", gap)
        if ranked and it.kind == "title" and prev.kind in ("country", "org", "body") and all(
                w in self.lex.rank_words for w in ranked.group(1).split()):
            return "poss"  # "the party's deputy chairperson": a rank between owner and title
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
        k = self.chains_from(last.end)
        if k < len(self._chains):
            chain = self._chains[k]
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
        if not _APPOS.match(gap) and not (comma and self._ranks(gap[comma.end():])) \
                and not self._described_gap(gap):
            return False  # "the police spokeswoman, Assistant Commissioner Jane Roe"
        if self._chain_before_is_person(parts[0][1]):
            return False
        person = nxt[-1][1]
        ranks = [it for _, it in nxt[:-1]]
        origin = [it for it in ranks if it.kind in ("country", "demonym")]
        if origin and any(o.kind == "igo" for o in orgs) and len(ranks) > len(origin):
            # "the AU's envoy, Nigerian diplomat X": the office is the body's; the
            # nationality before the second title says where X comes from, not whom X
            # serves, and the two titles name one person
            ranks = [it for it in ranks if it not in origin]
            one = True
        else:
            one = False
        if person.kind not in ("person", "uperson") \
                or any(it.kind != "title" or it.ref.collective or it.ref.plural for it in ranks):
            return False
        if ranks and not one and not title.weak and not all(it.ref.weak for it in ranks):
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

    def _described_gap(self, gap: str) -> bool:
        """"Chile's culture minister, the poet X": a person noun between the title phrase's
        comma and the name describes the same person (what else they are), so the name
        still stands in apposition to the title."""
        m = _NOUN_GAP.match(gap)
        return m is not None and self._describe_noun(m.group(1).split()[-2:]) is not None

    def _chain_before_is_person(self, first: _Item) -> bool:
        """Is the phrase right before ``first`` a name it stands in apposition to?"""
        # the phrases before the first one reaching past ``first.start``
        k = bisect.bisect_right(self._chain_reach, first.start)
        if k == 0:
            return False
        prev = self._chains[k - 1]
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
