"""Roles: resolving the parse tokens of a clause to actor ids (subject, passive agent,
objects, prepositional partners, possessives and compounds, coordinated actors)."""
from __future__ import annotations

from typing import Any, Sequence

from ...model import ActorRef, Quote
from ...nlp import doc_text
from .grammar import (
    DATELINE, FIRST_PERSON, GRIEVANCE_PREPS, MAX_DEPTH, MODIFIER_DEPS, OBJ_DEPS,
    PASS_SUBJ_DEPS, RELATIVE_PRONOUNS, SUBJ_DEPS, TARGET_PREPS)
from .scope import is_document
from .dictionary import HYPOTHETICAL_VERBS, OWN_AGENT_NOUNS, SPEECH_NOUNS


def _coordinated(verb: Any) -> bool:
    """A conjunct verb shares its subject only when "and"/"but"/"or" or a comma (adverbs and
    auxiliaries aside) stands right before it; a noun there is its own subject misparsed."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ in ("ADV", "AUX", "PART") and verb.doc[i].dep_ != "cc":
        i -= 1
    return i >= 0 and (verb.doc[i].dep_ == "cc" or verb.doc[i].text in (",", ";"))


def _words_of(actor: Any) -> set[str]:
    """The words an actor's canonical name and its written form consist of."""
    text = f"{actor.name} {getattr(actor, 'raw', '') or ''}".lower().replace("-", " ")
    return set(text.split())


class _Roles:
    """Resolves parse tokens to actor ids for one article."""

    def __init__(self, doc: Any, actors: Any, quotes: Sequence[Quote],
                 relational: frozenset[str] = frozenset(), kb: Any = None) -> None:
        self.doc = doc
        self.relational = relational
        self.kb = kb
        self.actors = actors
        self.quotes = [q for q in quotes if q.speaker is not None and q.speaker.actor]
        self._token_actor: dict[int, tuple[str, ...]] = {}
        self._len: dict[int, int] = {}
        datelines = [(m.start(), m.end()) for m in DATELINE.finditer(doc_text(doc))]
        for m in actors.mentions:
            if any(a <= m.start < b for a, b in datelines):
                continue  # "HAVANA, June 23 --" says where it was written, not who acted
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            # "France, Chad's main ally": a possessor inside a list-like mention is the
            # apposition's, so each name keeps its own actor (see ``_named_by``)
            split = len(m.actors) > 1 and any(t.dep_ == "poss" and t.pos_ == "PROPN"
                                              for t in span)
            for tok in span:
                # the innermost (shortest) mention wins for a token
                prev = self._token_actor.get(tok.i)
                if prev is None or m.end - m.start < self._len.get(tok.i, 10 ** 9):
                    self._token_actor[tok.i] = self._named_by(tok, m.actors) if split \
                        else m.actors
                    self._len[tok.i] = m.end - m.start

    def _named_by(self, tok: Any, ids: tuple[str, ...]) -> tuple[str, ...]:
        """Of a mention naming several actors, those the token itself names: "France, Chad's
        main ally" read as one list still has the parse say that "France" is the subject and
        "Chad" the possessor of its apposition, so each name keeps its own actor (a token
        that names none of them keeps them all)."""
        if tok.pos_ != "PROPN":
            return ids
        word = tok.lower_
        own = tuple(a for a in ids if a in self.actors._by_id and word in _words_of(
            self.actors.get(a)))
        return own or ids

    def nationality(self, tok: Any) -> list[str]:
        """'a Senegalese peace plan', 'German goods': a nationality word names a state even
        where the actor layer made no actor of it (pseudo id kb:ISO3:word)."""
        modifier = tok.dep_ in ("amod", "compound", "nmod", "poss") or (
            tok.dep_ == "conj" and tok.head.dep_ in ("amod", "compound"))  # "Thai and Cambodian"
        if self.kb is None or not modifier:
            return []
        code = self.kb.demonym(tok.text)
        if code is None and tok.pos_ == "PROPN":
            entries = [e for e in self.kb.lookup(tok.text) if e.kind == "country"]
            code = entries[0].ref.iso3 if entries else None
        return [f"kb:{code}:{tok.text}"] if code else []

    def capital(self, tok: Any) -> list[str]:
        """A capital in an argument slot stands for its government ("an offer from Moscow",
        "handed the suspects to Baghdad"): metonymy, as the text uses it (pseudo id)."""
        if self.kb is None:
            return []
        words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok]
        text = " ".join(w.text for w in words)
        entries = [e for e in self.kb.lookup(text) if e.kind == "capital"]
        return [f"kb:{entries[0].ref.iso3}:{text}"] if entries else []

    def country_actor(self, code: str) -> list[str]:
        """The article's actor standing for a state (the state itself if named), else a
        pseudo actor for it."""
        states = [a for a in self.actors.actors if a.country == code and not a.org]
        states.sort(key=lambda a: (a.kind != "state", -len(a.mentions)))
        return [states[0].id] if states else [f"kb:{code}:{code}"]

    def ref_of(self, actor_id: str) -> ActorRef | None:
        if actor_id.startswith("kb:"):
            _, code, word = actor_id.split(":", 2)
            return ActorRef(actor=None, name=word, country=code)
        try:
            return self.actors.ref(actor_id)
        except KeyError:
            return None

    def key_of(self, actor_id: str) -> str | None:
        ref = self.ref_of(actor_id)
        return (ref.org or ref.country) if ref else None

    def _keyed(self, actor_id: str) -> bool:
        if actor_id.startswith("kb:"):
            return True
        try:
            return self.actors.get(actor_id).key is not None
        except KeyError:
            return False

    def quote_speaker(self, tok: Any) -> tuple[str, ...]:
        for q in self.quotes:
            if q.start <= tok.idx < q.end and q.kind == "direct":
                return (q.speaker.actor,)  # type: ignore[union-attr]
        return ()

    def of_token(self, tok: Any, depth: int = 0) -> list[str]:
        """Actors a noun phrase headed by ``tok`` refers to (with its coordinated partners)."""
        found = self._head_actors(tok, depth)
        for conj in tok.children:
            if conj.dep_ == "conj" and conj.pos_ in ("NOUN", "PROPN", "PRON"):
                for a in self.of_token(conj, depth + 1):
                    if a not in found:
                        found.append(a)
        return found

    def _head_actors(self, tok: Any, depth: int, of: bool = True) -> list[str]:
        if tok.pos_ == "NOUN":
            members = self._listed_members(tok)  # the list says more than a guess for the noun
            if members:
                return members
        if is_document(tok.lemma_) and self._named_for_city(tok):
            return []  # "the Vienna Convention bars ...": a document, no party
        if tok.i in self._token_actor:
            return list(self._token_actor[tok.i])
        low = tok.lower_
        if low in FIRST_PERSON:
            return list(self.quote_speaker(tok))
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return self.of_token(tok.head.head, depth + 1)
        if depth >= MAX_DEPTH or tok.pos_ in ("VERB", "AUX") or tok.lemma_.lower() in self.relational:
            return []
        if tok.pos_ == "PROPN" and tok.dep_ in ("pobj", "dobj", "dative", "conj"):
            capital = self.capital(tok)
            if capital:
                return capital
        found: list[str] = []
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS and child.pos_ not in ("VERB", "AUX"):
                # a modifier must name someone we can key ("Brilliant Jump exercise" is no actor)
                got = self.of_token(child, depth + 1) or self.nationality(child)
                # coordinated adjectives: "Thai and Cambodian troops" names both states
                got = got + [a for g in child.children if g.dep_ == "conj" and g.pos_ == "ADJ"
                             for a in self.nationality(g)]
                for a in got:
                    if a not in found and self._keyed(a):
                        found.append(a)
        if not found and of:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(a for a in self.of_token(pobj, depth + 1)
                                         if a not in found)
        return found

    def _named_for_city(self, tok: Any) -> bool:
        """"the Vienna Convention", "the Minsk agreements", "the Oslo Accords": a document
        named after the city where it was signed (a name that is no country's) names no
        party; "the Iran deal" or "the US-Taliban agreement" name theirs."""
        names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not names or self.kb is None:
            return False
        return not any(self.kb.demonym(c.text) or any(
            e.kind == "country" for e in self.kb.lookup(c.text)) for c in names)

    def _listed_members(self, tok: Any) -> list[str]:
        """"Leaders across the region, including A's X, B's Y and C's Z", "donors such as
        Norway and Japan": a group noun names no one itself but lists its members; every
        keyed actor of the list counts (the parser often reads a list as appositions)."""
        found: list[str] = []
        for child in tok.children:
            listing = child.dep_ == "prep" and (child.lower_ == "including" or (
                child.lower_ == "as" and any(g.lower_ == "such" for g in child.children)))
            if not listing:
                continue
            # the listed names themselves (and their possessors), not "those of X" or
            # whatever else hangs inside the list
            items = [g for g in child.children if g.dep_ == "pobj"]
            for item in items:
                items.extend(g for g in item.children if g.dep_ in ("conj", "appos"))
            for item in items:
                for t in [item] + [g for g in item.children if g.dep_ in ("poss", "compound")]:
                    found.extend(a for a in self._token_actor.get(t.i, ())
                                 if a not in found and self._keyed(a))
        return found

    def subject(self, verb: Any, depth: int = 0) -> tuple[list[str], str]:
        """The source of a verb: its subject, its passive agent, or an inherited subject."""
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        got = self.of_token(pobj)
                        if got:
                            return got, "agent"
        subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
        for child in subjects:  # a dateline parsed as a second subject names nobody
            got = self.of_token(child)
            if got:
                return got, "subject"
        if subjects and not (verb.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS):
            return [], "subject"
        for aux in verb.children:  # "NATO had ahead of time informed": subject parsed under "had"
            if aux.dep_ in ("aux", "auxpass"):
                for child in aux.children:
                    if child.dep_ in SUBJ_DEPS:
                        return self.of_token(child), "subject"
        if depth >= 4:
            return [], "none"
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return [], "none"  # "unless Habibi was released": a passive names no doer
        if (verb.dep_ in ("xcomp", "conj", "advcl") or verb.dep_ == "acomp" and depth > 0) \
                and verb.head is not verb:
            # "agreed to cooperate", "pulled out and told ...": the governing clause's subject
            if verb.dep_ == "xcomp":
                for child in verb.head.children:
                    if child.dep_ in ("dobj", "dative") and verb.head.lemma_ in HYPOTHETICAL_VERBS:
                        got = self.of_token(child)
                        if got or child.lemma_.lower() not in OWN_AGENT_NOUNS:
                            return got, "object-control"
                        break  # "told his minister to ...": one's own agent acts for one
            if verb.dep_ == "conj" and not _coordinated(verb):
                return [], "none"  # "… aid after a powerful earthquake killed …": a misparse
            got, how = self.subject(verb.head, depth + 1)
            return got, "inherited" if got else how
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and self._message_speaks(verb):
            # "handed a note to a Russian diplomat asking Moscow to ...": the participle hangs
            # off the recipient, but it is the message handed over that asks, for its sender
            got, how = self.subject(verb.head.head.head, depth + 1)
            return got, "inherited" if got else how
        if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBG", "VBZ", "VBP"):
            # "troops firing on the crowd", 'The men "called on ..."': the noun acts
            # (a past participle, "weapons seized by police", would be the one acted on)
            got = self.of_token(verb.head)
            if not got and verb.head.lemma_.lower() in SPEECH_NOUNS:
                got = self._owner_of_speech(verb.head, depth)
            return got, "relative"
        if verb.dep_ == "relcl":
            got = self.of_token(verb.head)
            if not got and verb.head.lemma_.lower() in SPEECH_NOUNS:
                got = self._owner_of_speech(verb.head, depth)
            return got, "relative"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            # "accused NATO of pursuing a buildup": the object of the governing verb acts
            gov = verb.head.head
            for child in gov.children:
                if child.dep_ in ("dobj",):
                    return self.of_token(child), "object-control"
        return [], "none"

    @staticmethod
    def _message_speaks(verb: Any) -> bool:
        """Is ``verb`` a participle on the recipient of a handed-over message?"""
        noun = verb.head
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "to" or prep.dep_ not in ("prep", "dative"):
            return False
        gov = prep.head
        return gov.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS for c in gov.children)

    def _prep_partners(self, tok: Any, depth: int) -> list[str]:
        """Actors after a partner preposition hanging off a noun (one or two levels down)."""
        found: list[str] = []
        for prep in tok.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if (prep.lower_ in TARGET_PREPS or prep.lower_ == "by") and prep.lower_ != "of":
                    found.extend(a for a in self.of_token(pobj) if a not in found)
                if not found and depth > 1:
                    found.extend(a for a in self._prep_partners(pobj, depth - 1) if a not in found)
        return found

    def grievance_partners(self, pred: Any, source: list[str]) -> list[str]:
        """Whom a complaint or protest is about: "over/against/about X", "in protest of X's
        refusal", "to protest X's failure", "to demand reforms by X's government"."""
        found: list[str] = []

        def take(tok: Any, depth: int) -> None:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in GRIEVANCE_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found.extend(a for a in self.of_token(pobj)
                                         if a not in found and a not in source)
                            if depth < 2:
                                take(pobj, depth + 1)
                elif child.dep_ == "prep" and child.lower_ == "in" and depth < 2:
                    take(child, depth + 1)  # "in protest of"
                elif child.dep_ == "pobj" and depth < 3:
                    take(child, depth + 1)
                elif child.dep_ in ("advcl", "xcomp") and depth < 2 and not found:
                    # "protested, demanding that X ...": the clause names whom, unless the
                    # complaint already did ("regret at the move, warning that ...")
                    found.extend(a for a in self.objects(child, depth=1)
                                 if a not in found and a not in source)

        take(pred, 0)
        return found

    def _owner_of_speech(self, noun: Any, depth: int) -> list[str]:
        """"the ministry said in a statement that thanked Qatar", "issued a declaration
        demanding ...": a statement speaks for whoever made or issued it."""
        node = noun
        for _ in range(3):
            node = node.head
            if node.pos_ == "VERB":
                return self.subject(node, depth + 1)[0]
        return []

    def passive_object(self, verb: Any) -> list[str]:
        for child in verb.children:
            if child.dep_ in PASS_SUBJ_DEPS:
                return self.of_token(child)
        return []

    def objects(self, pred: Any, skip: Any = None, depth: int = 0,
                preps: Sequence[str] = ()) -> list[str]:
        """Targets: direct object, else prepositional partners in order of preference, else
        the partners of the act the verb announces ("threatened to impose curbs on German
        goods", "demanded that the US cancel the sale")."""
        found: list[str] = []
        for child in pred.children:
            if child.dep_ in OBJ_DEPS and child is not skip and child.pos_ != "ADP":
                # "put its own tariffs on ...": the doer's own is no target ("told its leaders"
                # without "own" still targets whoever "its" is)
                own = {a for g in child.children if g.dep_ == "poss" and g.pos_ == "PRON"
                       and any(x.lower_ == "own" for x in child.children)
                       for a in self.of_token(g)}
                found.extend(a for a in self.of_token(child) if a not in found and a not in own)
        if found:
            return found
        for child in pred.children:
            # "broke off relations with Rwanda", "pledged euros in aid to Ukraine"
            if child.dep_ == "dobj" and child is not skip:
                found.extend(a for a in self._prep_partners(child, 2) if a not in found)
        if found:
            return found
        allowed = preps
        found_preps: dict[str, Any] = {}
        for child in pred.children:
            # "sent aid to Togo": spaCy may call that "to" a dative; it is a preposition
            if child.dep_ in ("prep", "agent") or (child.dep_ == "dative" and child.pos_ == "ADP") \
                    or (child.dep_ == "prt" and child.lower_ in TARGET_PREPS):
                found_preps.setdefault(child.lower_, child)
        for p in (allowed or TARGET_PREPS):
            prep = found_preps.get(p)
            if prep is None:
                continue
            for pobj in prep.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    found.extend(a for a in self.of_token(pobj) if a not in found)
            if found:
                return found
        if depth < 2:
            for child in pred.children:
                if child.dep_ == "xcomp":
                    found.extend(a for a in self.objects(child, depth=depth + 1) if a not in found)
                elif child.dep_ == "ccomp" or (child.dep_ == "acl" and pred.pos_ == "NOUN"):
                    # a pronoun there mostly points back at the speaker ("deny they have him")
                    for subj in child.children:
                        if subj.dep_ in SUBJ_DEPS and subj.pos_ != "PRON":
                            found.extend(a for a in self.of_token(subj) if a not in found)
        return found
