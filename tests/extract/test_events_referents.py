"""Targets named inside or through the object phrase (``extract.events.referents``), on
sentences written for these tests (other words and actors than any eval text).

Each mechanism is shown on three sentences: the object is a thing (an act, a claim, a
group), and the target is the actor the thing belongs to.
"""
from __future__ import annotations

import pytest

from eventwire.extract.events.referents import same_stem

DATE = "2022-03-09"


def keys(side):
    return {a.org or a.country for a in side}


def explain(coded):
    return [(e.category, keys(e.source), keys(e.target), e.evidence.trigger)
            for e in coded.events]


def has(pipeline, text, category, source, target):
    coded = pipeline.code_text(text, published=DATE)
    hits = [e for e in coded.events if e.category == category
            and source in keys(e.source) and target in keys(e.target)]
    return hits, coded


@pytest.mark.parametrize("text, category, source, target", [
    # a free relative: "condemned what X called N": N, with its doer, is what is condemned
    # (the parser often hangs N's by-phrase on the naming verb)
    ("Lima condemned what it described as unjustified brutality by Bolivia's border police.",
     "ACCUSE", "PER", "BOL"),
    ("Kyiv dismissed what it called fabricated reports by Russia's defence ministry.",
     "REJECT", "UKR", "RUS"),
    ("Hanoi rejected what it called baseless claims by Beijing's foreign ministry.",
     "REJECT", "VNM", "CHN"),
    ("Ghanaian President Nana Akufo-Addo rejected what he termed unfair demands by Togo's "
     "government.", "REJECT", "GHA", "TGO"),
])
def test_free_relative_of_a_naming_verb_gives_the_object(pipeline, text, category, source, target):
    hits, coded = has(pipeline, text, category, source, target)
    assert hits, explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    # the object moved behind an "as" predicate: "denounced as a crime X's act"
    ("Hanoi denounced as a grave crime Beijing's seizure of the fishing boats.",
     "ACCUSE", "VNM", "CHN"),
    ("Bolivia condemned as illegal Chile's diversion of the river.", "ACCUSE", "BOL", "CHL"),
    ("Morocco criticised as reckless Algeria's closure of its airspace.", "ACCUSE", "MAR", "DZA"),
])
def test_object_shifted_behind_an_as_predicate(pipeline, text, category, source, target):
    hits, coded = has(pipeline, text, category, source, target)
    assert hits, explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    # a group noun tied to its side: "gunmen linked to X", "militants affiliated with X"
    ("Kenyan troops attacked gunmen linked to al-Shabab near Lamu.", "ASSAULT", "KEN", "SOM"),
    ("Chadian soldiers killed fighters loyal to the Sudanese army near the border.",
     "ASSAULT", "TCD", "SDN"),
    ("Malian troops ambushed rebels allied with Algeria near Kidal.", "ASSAULT", "MLI", "DZA"),
])
def test_group_noun_affiliated_with_a_side(pipeline, text, category, source, target):
    hits, coded = has(pipeline, text, category, source, target)
    assert hits, explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    # a relative clause that names who the object is: "whom it called Japanese partners"
    ("Seoul welcomed the delegates, whom it called trusted Japanese partners.",
     "SUPPORT", "KOR", "JPN"),
    ("Manila praised the engineers, whom it described as generous Korean volunteers.",
     "SUPPORT", "PHL", "KOR"),
    ("Nairobi welcomed the visitors, whom it called old Indian friends.", "SUPPORT", "KEN", "IND"),
])
def test_relative_clause_naming_the_object(pipeline, text, category, source, target):
    hits, coded = has(pipeline, text, category, source, target)
    assert hits, explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    # the act noun points back at the nearest earlier mention of the same stem, not at the
    # latest event of the same category (here another side's act in between)
    ("Russian jets bombed a market in Idlib on Monday. Turkish drones struck a convoy near "
     "Raqqa on Tuesday. Damascus condemned the bombing.", "ACCUSE", "SYR", "RUS"),
    ("Police in Cairo arrested six Sudanese traders. Libyan police detained two Sudanese "
     "sailors a day later. Khartoum protested against the arrests.", "ACCUSE", "SDN", "EGY"),
    ("Peru expelled a Chilean diplomat on Friday. Bolivia recalled its envoy from Santiago on "
     "Saturday. Chile condemned the expulsion.", "ACCUSE", "CHL", "PER"),
    # a noun the verb dictionary does not know as an act still names one through its verb
    ("Kenya's supreme court ruled on Monday that a Ugandan firm must pay damages. Tanzania "
     "seized a Ugandan truck on Tuesday. Kampala rejected the ruling.", "REJECT", "UGA", "KEN"),
    ("Norway's government decided to halt arms exports to Turkey. Sweden expelled a Turkish "
     "diplomat in May. Ankara condemned the decision.", "ACCUSE", "TUR", "NOR"),
])
def test_event_noun_points_back_at_the_same_act(pipeline, text, category, source, target):
    hits, coded = has(pipeline, text, category, source, target)
    assert hits, explain(coded)


def test_stems_of_act_nouns(pipeline):
    doc = pipeline.nlp("The court ruled, the cabinet decided, the envoy accused, police raided.")
    verbs = {t.lemma_: t for t in doc if t.pos_ == "VERB"}
    assert same_stem("ruling", verbs["rule"])
    assert same_stem("decision", verbs["decide"])
    assert same_stem("accusation", verbs["accuse"])
    assert same_stem("raid", verbs["raid"])
    assert not same_stem("decision", verbs["rule"])
    assert not same_stem("raid", verbs["rule"])


def test_indefinite_act_noun_refers_to_nothing_told(pipeline):
    # "a raid" is a new one, not the one told before: no target borrowed from the first raid
    text = ("Ugandan troops raided a camp in Ituri on Monday. Rwanda condemned a raid of any "
            "kind on refugees.")
    coded = pipeline.code_text(text, published=DATE)
    condemn = [e for e in coded.events if e.evidence.trigger == "condemned"]
    assert condemn and all("UGA" not in keys(e.target) for e in condemn), explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    # a demonstrative object stands for the claim or act told just before: its doer
    ("Ghana accused Togo of harbouring rebels.\n\nTogo denied this.", "REJECT", "TGO", "GHA"),
    ("Armenia accused Azerbaijan of shelling border villages on Monday. Baku dismissed this, "
     "saying its troops had returned fire.", "REJECT", "AZE", "ARM"),
    ("Serbia said Kosovo had blocked Serb lorries at the border. Pristina rejected this as "
     "propaganda.", "REJECT", "XKX", "SRB"),
])
def test_demonstrative_object_stands_for_the_act_told_before(pipeline, text, category, source,
                                                             target):
    hits, coded = has(pipeline, text, category, source, target)
    assert hits, explain(coded)


@pytest.mark.parametrize("text, category, source, target", [
    # a partner pronoun with no event naming its actor: the actor named just before it
    ('"We are in close contact with Fiji\'s government and are working with it to get aid where '
     'it is needed," the Australian statement said.', "COOPERATE", "AUS", "FJI"),
    ('"We are in touch with Chile\'s government and are cooperating with it to restore power," '
     'the Argentine foreign ministry said.', "COOPERATE", "ARG", "CHL"),
    ("The Indian navy is in contact with Sri Lanka's coast guard and is working with it to find "
     "the missing trawler.", "COOPERATE", "IND", "LKA"),
])
def test_partner_pronoun_stands_for_the_actor_named_before(pipeline, text, category, source,
                                                           target):
    hits, coded = has(pipeline, text, category, source, target)
    assert hits, explain(coded)


@pytest.mark.parametrize("text, source", [
    # "the finding that X did Y" is a content clause, not a relative clause: X is what the
    # finding says, not who found it, so the rejecting side is not its own target
    ("Ottawa rejected the finding that Canadian farmers had dumped wheat.", "CAN"),
    ("Canberra rejected the conclusion that Australian growers had subsidised barley.", "AUS"),
    ("Seoul dismissed the finding that Korean firms had evaded export rules.", "KOR"),
])
def test_content_clause_of_a_finding_names_no_doer(pipeline, text, source):
    coded = pipeline.code_text(text, published=DATE)
    rejects = [e for e in coded.events if e.category == "REJECT" and source in keys(e.source)]
    assert rejects and all(source not in keys(e.target) for e in rejects), explain(coded)
