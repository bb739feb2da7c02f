"""Candidates: predicates of a sentence with their frames (verbs, light verbs with event
nouns, event nouns), reported demands, and absorption of a speech act's content."""
from __future__ import annotations

from typing import Any

from .grammar import NAME_ENTITIES, SETTING_PREPS, SOURCE_NOUN_PREPS, SUBJ_DEPS
from .dictionary import (CLAIM_NOUNS, CLAIM_VERBS, EVALUATIVE_VERBS, SPEECH_NOUNS, Sense,
                         VerbDictionary)
from .roles import _Roles
from .triggers import _noun_match, _verb_match
from .frame import _Candidate
from .status import _conditional
from .senses import _choose
from .orders import order_reading
from .fallbacks import _definite, _same_side
from .scope import NEGATIVE_IMPLICATIVES, PREVENTION_VERBS
from .constructions import construction_candidates
from .transfers import transfer_candidates


def _candidates(sent: Any, roles: _Roles, verbs: VerbDictionary) -> list[_Candidate]:
    out: list[_Candidate] = []
    noun_done: set[int] = set()
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX"):
            built = construction_candidates(tok, roles, verbs) or \
                transfer_candidates(tok, roles, verbs)
            if built:  # "laid the blame on", "described it as a massacre", "if X, we will",
                # "turned water cannon on", "gave $5m to", "lifted the sanctions"
                out.extend(built)
                noun_done.update(c.pred.i for c in built if c.kind == "noun")
                continue
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            senses = _verb_match(tok, verbs)
            obj_nouns = []
            # "put forces on alert", "put 300 people in custody" (the preposition may hang
            # off the object), "placed him under arrest": the state the object is put in
            states = [g for o in tok.children if o.dep_ == "dobj" for g in o.children
                      if g.dep_ == "prep" and g.lower_ in ("in", "into", "under")]
            for c in list(tok.children) + states:
                if c.dep_ == "prep" and c.lower_ in ("on", "into", "under", "in") and \
                        tok.lemma_.lower() in verbs.light:
                    obj_nouns.extend(g for g in c.children if g.dep_ == "pobj"
                                     and g.pos_ == "NOUN" and _noun_match(g, verbs))
                    continue
                if c.dep_ not in ("dobj", "attr", "nsubjpass") or c.pos_ not in ("NOUN", "PROPN"):
                    continue
                if _noun_match(c, verbs):
                    obj_nouns.append(c)
                    continue
                # "held a new round of talks", "launched a wave of airstrikes": the event is
                # the noun after "of"; "went on strike", "put forces on alert": after "on"
                for prep in c.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        obj_nouns.extend(g for g in prep.children if g.dep_ == "pobj"
                                         and g.pos_ == "NOUN" and _noun_match(g, verbs))
            lemma = tok.lemma_.lower()
            # a pattern naming this very object ("end mediation") beats the object's own
            # reading; a particle pattern ("fire at") does not beat "fired tear gas"
            objs = {c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"}
            specific = bool(senses) and any(
                " " in x.pattern and set(x.pattern.lower().split()[1:]) <= objs for x in senses)
            # "welcomed the accord", "hailed the agreement": judging a deed already told of is
            # the judgement (its own reading), aimed at the deed's doers, not the deed again
            # ("a proposal was accepted by Hanoi": the agent judges the proposal's makers)
            agent = any(c.dep_ == "agent" for c in tok.children)
            judged = bool(senses) and lemma in EVALUATIVE_VERBS and bool(obj_nouns) and all(
                _definite(n) or (n.dep_ == "nsubjpass" and agent) for n in obj_nouns)
            if obj_nouns and lemma in verbs.light and not specific and not judged:
                for noun in obj_nouns:
                    nsenses = _noun_match(noun, verbs)
                    assert nsenses is not None
                    source, how = roles.subject(tok)
                    target = [a for a in roles.objects(noun) if a not in source] or \
                        [a for a in roles.objects(tok, skip=noun) if a not in source]
                    if lemma in verbs.undergoers:
                        # "Pakistan suffered an attack": the subject undergoes the deed
                        target, source, how = source, roles._head_actors(noun, 1), "modifier"
                    if not source:
                        source = roles.of_token(noun)
                        how = "modifier"
                    if noun.dep_ == "nsubjpass":
                        source = roles.of_token(noun)
                        how = "modifier"
                        pair = [a for p in noun.children if p.dep_ == "prep"
                                and p.lower_ == "between" for g in p.children
                                if g.dep_ == "pobj" for a in roles.of_token(g)]
                        if not source and len(pair) >= 2:
                            # "accords between Manila and Delhi were signed": done by both
                            source, target, how = pair[:1], pair[1:], "between"
                    out.append(_Candidate(_choose(nsenses, noun, roles, source), noun, tok,
                                          source, target, how, "noun"))
                    noun_done.add(noun.i)
                continue
            if not senses:
                demand = _reported_demand(tok, roles)
                if demand is not None:
                    out.append(demand)
                continue
            source, how = roles.subject(tok)
            between: list[str] = []
            if not source:
                # "fighting between Kyrgyz and Tajik guards": a mutual act names both sides
                # "four accords between Manila and Delhi were signed": a passive whose subject
                # is a thing between two parties was done by both
                heads = [tok] + [c for c in tok.children if c.dep_ == "nsubjpass"]
                between = [a for h in heads for p in h.children if p.dep_ == "prep"
                           and p.lower_ == "between" for a in between_parties(p, roles)]
                if len(between) >= 2:
                    source, how = between[:1], "between"
            passive = roles.passive_object(tok)
            if not passive and tok.dep_ == "acl" and tok.tag_ == "VBN":
                # "a former mechanic seized by Taliban intelligence": the noun suffered it
                passive = roles.of_token(tok.head)
            target = passive + [a for a in roles.objects(tok) if a not in passive]
            if how == "object-control":
                target = [a for a in roles.objects(tok) if a not in source]
            target = [a for a in target if a not in source] or between[1:]
            chosen = _choose(senses, tok, roles, source)
            if not target and chosen is not None and chosen.category == "REJECT":
                target = _claim_makers(tok, roles, verbs, source)  # "a claim Lima denied"
            reading = order_reading(tok, chosen, roles, source, verbs)
            if reading is not None:
                if reading[0] == "drop":
                    continue  # an order to one's own people: the ordered act is the event
                chosen, target = reading[1], reading[2]
            out.append(_Candidate(chosen, tok, None, source, target, how, "verb"))
        elif tok.pos_ in ("NOUN", "PROPN") and tok.i not in noun_done:
            rejection = _tagged_as_noun_rejection(tok, roles, verbs)
            if rejection is not None:
                out.append(rejection)
                continue
            senses = _noun_match(tok, verbs)
            if not senses or tok.lemma_.lower() in verbs.governed:
                continue
            if tok.i in roles._token_actor or tok.ent_type_ in NAME_ENTITIES:
                continue  # "Coordination Council", "Revolutionary Guards": a name, not a deed
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in PREVENTION_VERBS | \
                    NEGATIVE_IMPLICATIVES:
                continue  # "a channel meant to prevent clashes between them": averted
            # modifiers: "Russia's commitment", "Iranian strikes"; "the invasion of Iraq" names
            # the invaded, not the invader
            own = roles._head_actors(tok, 1, of=False)
            source, target = list(own), []
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in SOURCE_NOUN_PREPS:
                    if child.lower_ == "between" and not source:
                        got = between_parties(child, roles)
                        if len(got) >= 2:
                            source, target = got[:1], got[1:]
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and child.lower_ == "by" and not source:
                            source = roles.of_token(pobj)
            if not target:
                target = [a for a in roles.objects(tok) if a not in source]
            if not target:
                # "tariffs covering 818 kinds of Chinese products"
                for acl in (c for c in tok.children if c.dep_ == "acl"):
                    target = [a for a in roles.objects(acl) if a not in source]
                    if target:
                        break
            if not source and tok.head.lemma_.lower() in EVALUATIVE_VERBS:
                # "denounced the raids that Israel carried out on Lebanese villages": a light
                # verb in a relative clause of a judged event noun names its doer and target
                for rel in (c for c in tok.children if c.dep_ == "relcl"
                            and c.lemma_.lower() in verbs.light):
                    source = roles.subject(rel)[0]
                    target = target or [a for a in roles.objects(rel) if a not in source]
                    if source:
                        break
            if tok.dep_ in ("pobj",) and not source and tok.head.lower_ in ("of", "for"):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in SETTING_PREPS:
                continue  # "at the G20 summit", "after the strike": a setting, not the news
            if not source:
                continue
            out.append(_Candidate(_choose(senses, tok, roles, source), tok, None, source,
                                  target, "modifier", "noun"))
    return _absorb_complements([c for c in out if c.sense is not None], roles)


def _rejecting_verb(word: str, verbs: VerbDictionary) -> tuple[Sense, ...] | None:
    """The REJECT senses of ``word`` read as a third-person verb ("rejects", "denies",
    "dismisses"), or None."""
    stems = [word[:-3] + "y"] if word.endswith("ies") else []
    for stem in stems + [word[:-1], word[:-2]]:
        senses = verbs.verb_senses(stem).get(None)
        if senses and all(x.category == "REJECT" for x in senses):
            return senses
    return None


def _claim_makers(pred: Any, roles: _Roles, verbs: VerbDictionary, rejecter: list[str]
                  ) -> list[str]:
    """Who made the claim a relative clause turns down ("X accused Y of Z, a charge Y
    rejects"): the subject of the accusing verb the claim noun renames; [] when the clause
    hangs on no claim noun or no accusation encloses it."""
    nouns = [pred.head] + [c for c in pred.children if c.dep_ in ("compound", "dobj")]
    if not any(n.lemma_.lower() in CLAIM_NOUNS and n.i < pred.i for n in nouns):
        return []
    for anc in pred.ancestors:
        if anc.pos_ == "VERB" and any(x.category == "ACCUSE" for x in
                                      verbs.verb_senses(anc.lemma_.lower()).get(None, ())):
            return [a for a in roles.subject(anc)[0] if a not in rejecter]
    return []


def _tagged_as_noun_rejection(tok: Any, roles: _Roles, verbs: VerbDictionary
                              ) -> _Candidate | None:
    """A relative clause closing on its verb, "a charge London rejects", "a claim the army
    denies": the small parser often reads the present-tense verb as a plural noun with the
    claim and the rejecter as its compounds. Read it back as the rejection by the actor
    named between the claim noun and the verb, aimed at the claim's maker."""
    if tok.tag_ != "NNS" or tok.i in roles._token_actor:
        return None
    senses = _rejecting_verb(tok.lower_, verbs)
    claim = [t for t in list(tok.children) + [tok.head] if t.i < tok.i
             and t.lemma_.lower() in CLAIM_NOUNS]
    if not senses or not claim:
        return None
    source = [a for t in tok.children if claim[0].i < t.i < tok.i
              for a in roles.of_token(t)]
    if not source:
        return None
    target = _claim_makers(tok, roles, verbs, source)
    return _Candidate(senses[0], tok, None, source, target, "subject", "verb")


def between_parties(prep: Any, roles: _Roles) -> list[str]:
    """The sides of a between-phrase ("clashes between police and students", "fighting
    between Kyrgyz and Tajik guards"): the actors of its object and of every word inside it,
    because the parser often hangs the first side on the second as a modifier ("police" as
    a modifier of "supporters") rather than coordinating them."""
    found: list[str] = []
    for pobj in (g for g in prep.children if g.dep_ == "pobj"):
        for t in pobj.subtree:  # in the order the text names them
            for a in roles.of_token(t) if t.i == pobj.i else roles._token_actor.get(t.i, ()):
                # ("between its armed forces and ours": "its" and "forces" are one side)
                if not any(_same_side(roles, [a], [b]) for b in found):
                    found.append(a)
    return found


MUST_AUX = frozenset({"must", "should", "ought"})
DEMAND_SENSE = Sense("REQUEST", "100", -2.5, 3, "demand", "said … must")


def _reported_demand(verb: Any, roles: _Roles) -> _Candidate | None:
    """"X said Y must hand over the suspects" and "X wants Y to attack Z" are demands by X on
    Y (CAMEO 10), whatever the complement's own verb is."""
    # (the small model lemmatizes "hopes" as "hop": the surface forms are checked too)
    if verb.lemma_.lower() in ("want", "wish", "expect", "need", "prefer", "hope") or \
            verb.lower_ in ("hopes", "hoped", "hoping"):
        for comp in verb.children:
            if comp.dep_ not in ("ccomp", "xcomp"):
                continue
            asked = [c for c in comp.children if c.dep_ in SUBJ_DEPS] or \
                [c for c in verb.children if c.dep_ == "dobj"]
            source, how = roles.subject(verb)
            target = [a for t in asked for a in roles.of_token(t) if a not in source]
            if source and target:
                return _Candidate(DEMAND_SENSE, verb, None, source, target, how, "verb")
        return None
    heads = [verb]
    if verb.lemma_.lower() not in CLAIM_VERBS and verb.lemma_.lower() not in (
            "reiterate", "conclude", "remind", "stress", "insist", "declare"):
        # "issued a stern reminder to Iraq that it must cooperate": the noun carries it
        heads = [c for c in verb.children if c.dep_ == "dobj"
                 and c.lemma_.lower() in SPEECH_NOUNS | {"demand", "call", "reminder"}]
        if not heads:
            return None
    comps = [c for h in heads for c in h.children]
    # "told a talk show that Chavez should ...": the parser may hang the that-clause on the
    # verb's object; with its "that" it is still what was told
    comps += [c for h in heads for o in h.children if o.dep_ == "dobj" for c in o.children
              if c.dep_ in ("acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                         for m in c.children)]
    for comp in comps:
        if comp.dep_ not in ("ccomp", "acl", "relcl"):
            continue
        auxes = {c.lower_ for c in comp.children if c.dep_ in ("aux", "auxpass")}
        if not auxes & MUST_AUX:
            continue
        source, how = roles.subject(verb)
        target = [a for c in comp.children if c.dep_ in SUBJ_DEPS for a in roles.of_token(c)]
        target = [a for a in target if a not in source]
        if source and target:
            return _Candidate(DEMAND_SENSE, verb, None, source, target, how, "verb")
    return None


def _judged_deed(c: _Candidate, speech: _Candidate) -> bool:
    """A material deed written as a noun right in the slot of a verb that judges it
    ("condemned the Russian shelling", "the arrest was condemned by") is reported as a fact,
    so it stays an event of its own; a judged request or proposal is only the judgement."""
    if c.kind != "noun" or c.light is not None or c.sense.quad not in (2, 4):
        return False
    verb = speech.pred
    if verb.lemma_.lower() not in EVALUATIVE_VERBS:
        return False
    head = c.pred.head
    return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i)


ABSORB_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr",
                         "oprd", "nsubjpass"})


def _absorb_complements(cands: list[_Candidate], roles: _Roles) -> list[_Candidate]:
    """A verbal act keeps its content: "threatened to ban", "demanded the withdrawal",
    "rejected a request", "agreed to cooperate" are one event (THREATEN, REQUEST, REJECT,
    AGREE), not two. Material acts (an attack that kills) absorb nothing."""
    verbal = {c.pred.i: c for c in cands if c.sense.quad in (1, 3)
              and (c.kind == "verb" or c.light is not None and c.sense.quad == 3)}
    if not verbal:
        return cands
    kept = []
    for c in cands:
        node = c.light if c.light is not None else c.pred
        absorbed = False
        steps = 0
        for _ in range(12):  # a list of demands may run long: conjuncts do not count
            noun_conj = node.dep_ in ("conj", "appos") and node.pos_ in ("NOUN", "PROPN")
            condition = node.dep_ == "advcl" and _conditional(node.head)  # "… unless Peru apologised"
            # "time for Moscow to end ...": a for-to clause is a complement, not a relative one
            forto = node.dep_ in ("relcl", "acl") and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in node.children)
            if (node.dep_ not in ABSORB_DEPS and not noun_conj and not condition and not forto) \
                    or node.head is node:
                break
            steps += not noun_conj
            if steps > 4:
                break
            node = node.head
            if node.i in verbal and verbal[node.i] is not c:
                speech = verbal[node.i]
                if _judged_deed(c, speech):
                    break  # "condemned the Russian shelling of Kharkiv": the deed judged is a fact
                if c.sense.category == "REJECT" and set(c.target) & set(speech.source):
                    break  # "accused X of Y, a charge X rejects": a reply to the speaker
                absorbed = True
                if not speech.target and speech.sense.category == "THREATEN":
                    # "threatened to impose tariffs on imports from Peru": a threat is aimed
                    # at whoever its content is aimed at (never at the threatener's own side)
                    own = {roles.key_of(a) for a in speech.source}
                    speech.target = [a for a in c.target if a not in speech.source
                                     and roles.key_of(a) not in own]
                break
        if not absorbed:
            kept.append(c)
    return kept
