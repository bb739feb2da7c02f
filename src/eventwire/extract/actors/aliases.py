"""'X, also known as Y and Z': the other names a text gives a person are that person;
'the Malawi Electoral Commission (MEC)': the abbreviation in brackets is that body."""
from __future__ import annotations

import re
from typing import Any

from .base import _Base

#: ", also known as ", " (known as ", ", alias ", ", nicknamed ": what introduces another
#: name of the person just named.
_AKA = re.compile(r"\s*[,(]?\s*(?:also\s+|better\s+|widely\s+)?(?:known\s+as|alias|a\.k\.a\.?|"
                  r"aka|nicknamed|dubbed)\s+")
#: What may join the names of one list of aliases: a comma, "and", "or".
_ALIAS_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
#: One alias: capitalised words, perhaps in quotation marks.
_ALIAS_NAME = re.compile(r"[\"\u201c]?([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3})[\"\u201d]?")
#: " (MEC)", " (ISPR)": an abbreviation in brackets right after a name.
_ABBR = re.compile(r"\s*\(([A-Z][A-Z&-]{1,9})\)")


class _Aliases(_Base):
    """Another name the text gives a person right after naming them ("Musa Abdi, also known
    as Dheere and Gaalo") is a mention of that person, wherever it occurs, not a person of
    its own with no state."""

    def aliases(self) -> None:
        persons = sorted((m for m in self.mentions if m.kind == "name" and len(m.idents) == 1
                          and self.infos[m.idents[0]].kind == "person"),
                         key=lambda m: m.start)
        merged: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        spans: list[tuple[int, int, tuple[Any, ...]]] = []
        for m in persons:
            hit = _AKA.match(self.text, m.end)
            if hit is None:
                continue
            owner = merged.get(m.idents[0], m.idents[0])
            pos = hit.end()
            while True:
                name = _ALIAS_NAME.match(self.text, pos)
                if name is None:
                    break
                spans.append((name.start(1), name.end(1), owner))
                for ident, info in self.infos.items():
                    if ident != owner and ident[0] == "U" and info.kind == "person" \
                            and info.name == name.group(1):
                        merged[ident] = owner
                pos = name.end()
                join = _ALIAS_JOIN.match(self.text, pos)
                if join is None or not _ALIAS_NAME.match(self.text, join.end()):
                    break
                pos = join.end()
        if not spans:
            return
        for alias, owner in merged.items():
            owner_info, alias_info = self.infos[owner], self.infos[alias]
            # the alias may be the one naming that said more (a state, a sector)
            owner_info.country = owner_info.country or alias_info.country
            owner_info.sector = owner_info.sector or alias_info.sector
        for m in self.mentions:
            if any(i in merged for i in m.idents):
                m.idents = tuple(dict.fromkeys(merged.get(i, i) for i in m.idents))
        taken = self._taken()
        for a, b, owner in spans:
            if not taken(a, b):
                self.add(a, b, [self.infos[owner]], "name")

    def abbreviations(self) -> None:
        """'the Malawi Electoral Commission (MEC) ... the MEC': an abbreviation given in
        brackets right after a body's name (its first letter that of the name) is that body
        wherever it occurs, unless it already names a body the knowledge base lists."""
        given: dict[str, tuple[Any, ...]] = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            if len(m.idents) != 1 or self.infos[m.idents[0]].kind not in (
                    "organization", "igo", "group"):
                continue
            hit = _ABBR.match(self.text, m.end)
            if hit is None or hit.group(1) in given:
                continue
            words = [w for w in re.findall(r"[A-Za-z][\w-]*", m.text) if w[:1].isupper()]
            if not words or words[0][0] != hit.group(1)[0]:
                continue
            given[hit.group(1)] = m.idents[0]
        if not given:
            return
        for m in self.mentions:
            owner = given.get(m.text)
            if owner is None or len(m.idents) != 1 or m.idents[0] == owner:
                continue
            info = self.infos[m.idents[0]]
            if info.kb_id and not str(info.ident[1]).startswith("~"):
                continue  # a listed body: the knowledge base knows this abbreviation
            whose = self.infos[owner]
            whose.country, whose.org = whose.country or info.country, whose.org or info.org
            whose.sector = whose.sector or info.sector
            m.idents = (owner,)
        taken = self._taken()
        for abbr, owner in given.items():
            for hit in re.finditer(r"\b" + re.escape(abbr) + r"\b", self.text):
                if not taken(hit.start(), hit.end()):
                    self.add(hit.start(), hit.end(), [self.infos[owner]], "name")
