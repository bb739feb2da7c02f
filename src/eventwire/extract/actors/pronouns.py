"""Layer (b): coreference by pronoun (he/she/it/they, "the two leaders")."""
from __future__ import annotations

import bisect
import re
from typing import Any, Iterator

from ..knowledge import _key
from .lexicon import MALE, FEMALE, NEUTER, SUBJECT_DEPS, PLURAL_PRONOUNS
from .records import _Info, _Mention
from .base import _Base


class _Pronouns(_Base):
    """Layer (b), in-article coreference by pronoun: he/she/his/her to the salient
    person, it/its to a state or body, they/their and "the two leaders" to a group."""

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
            prior = _Before(ordered, k)
            if low in NEUTER:
                ident = self._neuter(tok, prior)
            else:
                ident = self._personal(tok, prior, "f" if low in FEMALE else "m")
            if ident is not None:
                self.mentions.append(_Mention(pos, pos + len(tok.text), (ident,), tok.text,
                                              "pronoun"))

    def _personal(self, tok: Any, prior: _Before, gender: str) -> tuple[Any, ...] | None:
        sent = self.sent_of(tok.idx)
        best_any = None
        best_subj_same = None
        best_subj_prev = None
        prev_subjects: list[tuple[int, Any, bool]] = []
        floor = self._window_floor(sent, 3)
        for m in reversed(prior):
            s = self.sent_of(m.start)
            if s < floor:
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
        for m in reversed(prior):
            if self.sent_of(m.start) < sent:
                break
            for i in m.idents:
                if self.infos[i].kind == "person" and self.infos[i].gender in (None, gender):
                    return i
        return best_subj_prev or best_any

    def _window_floor(self, sent: int, plain: int) -> int:
        """The first sentence a he/she may look back to: ``plain`` sentences back, not
        counting sentences wholly inside quotation marks (a speaker's quoted words keep
        the speaker salient: '"...," X said. "... . ..." He urged ...' is X)."""
        k, seen, quoted = sent - 1, 0, 0
        while k >= 0 and seen < plain:
            if quoted < 6 and self._inside_quote(k):
                quoted += 1
            else:
                seen += 1
            k -= 1
        return k + 1

    def _inside_quote(self, k: int) -> bool:
        """Does sentence ``k`` lie wholly inside one quotation?"""
        start = self.sent_starts[k]
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.text)
        body = self.text[start:end].rstrip()
        body_end = start + len(body.rstrip("\"\u201d'\u2019"))
        if body_end - start < 2:
            return False
        para = self.paragraph_start(start)
        return self._quoted(para, start + 1) and self._quoted(para, body_end - 1)

    def _neuter(self, tok: Any, prior: _Before) -> tuple[Any, ...] | None:
        """'it'/'its': a single named state or organisation, the clause subject first."""
        if tok.lower_ == "it":
            if tok.dep_ not in SUBJECT_DEPS or tok.head.lemma_ in ("be", "seem", "appear",
                                                                   "take", "remain", "mean"):
                return None
        own = self._clause_subject(tok, prior) if tok.lower_ == "its" else \
            self._reporter_subject(tok, prior)
        if own is not None:
            return own
        sent = self.sent_of(tok.idx)
        nearest = None
        for m in reversed(prior):
            s = self.sent_of(m.start)
            if s < sent - 1 or (s < sent and nearest is not None):
                break
            if m.kind not in ("name", "metonym") and not self._collective(m):
                continue
            infos = [self.infos[i] for i in m.idents]
            if len(infos) != 1 or infos[0].kind == "person":
                continue
            if nearest is None and s == sent and self._relative_between(m.end, tok.idx):
                return infos[0].ident  # "China, which ... its": the relative clause's noun
            if self.is_subject(m):
                return infos[0].ident
            if nearest is None:
                nearest = infos[0].ident
        return nearest

    def _collective(self, m: _Mention) -> bool:
        """'the Egyptian army', 'the Kenyan government': a state's body named by a singular
        collective noun is an 'it' ('the army said it had ...'); plural groups
        ('officials', 'troops') are 'they', never 'it'."""
        if m.kind != "title" or len(m.idents) != 1:
            return False
        if self.infos[m.idents[0]].kind not in ("group", "state"):
            return False
        root = self._root(m)
        return root is not None and root.tag_ in ("NN", "NNP")

    def _relative_between(self, a: int, b: int) -> bool:
        """Does a relative clause open between ``a`` and ``b``? 'which' always does; 'that'
        only when the parse makes it a pronoun, not the complementiser of a verb of saying
        ('told Austria that it opposed': 'that' opens what was said, not a relative)."""
        for hit in re.finditer(r"\b(?:which|that)\b", self.text[a:b]):
            if hit.group() == "which":
                return True
            tok = self.token(a + hit.start())
            if tok.dep_ != "mark":
                return True
        return False

    def _reporter_subject(self, tok: Any, prior: _Before) -> tuple[Any, ...] | None:
        """'it' opening a clause that a verb takes as its object ('Hungary told Austria and
        the UN that it opposed ...', 'the ministry said it would ...'): the state or body
        that is the subject of that verb, not the nearest name in the object."""
        head = tok.head
        if tok.dep_ not in SUBJECT_DEPS or head.dep_ != "ccomp" or head.head is head:
            return None
        verb = head.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None:
            return None
        for m in reversed(prior):
            if m.end <= subj.left_edge.idx:
                break
            root = self._root(m)
            if root is None or root.i != subj.i or len(m.idents) != 1:
                continue
            if self.infos[m.idents[0]].kind == "person":
                return None
            if m.kind in ("name", "metonym") or self._collective(m):
                return m.idents[0]
        return None

    def _clause_subject(self, tok: Any, prior: _Before) -> tuple[Any, ...] | None:
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
        for m in self.backwards(pos, stable=True):
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
        ordered: list[_Mention] = []  # the mentions of this and the last sentence
        for m in self.backwards(pos):
            if self.sent_of(m.start) < sent - 1:
                break
            if m.end <= pos:
                ordered.append(m)
        ordered.reverse()
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


class _Before:
    """The mentions before a pronoun: the first ``k`` of the article's ordered mentions,
    read backwards (nearest first) without copying them for every pronoun."""

    __slots__ = ("items", "k")

    def __init__(self, items: list[_Mention], k: int) -> None:
        self.items, self.k = items, k

    def __reversed__(self) -> Iterator[_Mention]:
        items = self.items
        return (items[i] for i in range(self.k - 1, -1, -1))
