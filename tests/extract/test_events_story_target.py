"""The last resort for an act aimed at no one the clause or passage names: the state the
story is about, marked ``story`` in the event's basis. Sentences written for these tests."""
from __future__ import annotations

import pytest


def coded(pipeline, text):
    return [(e.category, {a.org or a.country for a in e.source},
             {a.org or a.country for a in e.target}, e.basis.split("|")[2])
            for e in pipeline.code_text(text, published="2020-03-02").events]


# a foreign state's reaction in a story about another state is aimed at that state
@pytest.mark.parametrize("text, category, source, state", [
    ("QUITO, Ecuador — Thousands marched against fuel prices on Tuesday. Colombia's "
     "president pledged his full support.", "SUPPORT", "COL", "ECU"),
    ("HARARE, Zimbabwe — Soldiers sealed off the parliament on Friday. The Swedish "
     "government expressed its deep regret.", None, "SWE", "ZWE"),
])
def test_a_reaction_from_abroad_is_aimed_at_the_story_state(pipeline, text, category,
                                                              source, state):
    got = [g for g in coded(pipeline, text) if source in g[1]]
    assert got and all(state in g[2] for g in got), coded(pipeline, text)
    assert any(g[3] == "story" for g in got)
    assert category is None or any(g[0] == category for g in got)


# a domestic measure of the story's own state is aimed at that state
@pytest.mark.parametrize("text, category, state", [
    ("NAIROBI, Kenya — Police arrested 40 opposition supporters on Monday. Later in the day "
     "the government suspended the constitution.", "SANCTION", "KEN"),
    ("LIMA, Peru — Congress voted to remove President Ana Rojas on Monday. The Peruvian "
     "finance minister quit hours later.", "RETREAT", "PER"),
])
def test_a_domestic_act_of_the_story_state_is_its_own_affair(pipeline, text, category, state):
    got = [g for g in coded(pipeline, text) if g[0] == category]
    assert got and got[0][1] == {state} and got[0][2] == {state}, coded(pipeline, text)
    assert got[0][3] == "story"


def test_cooperation_by_the_story_state_itself_is_not_aimed_at_itself(pipeline):
    # giving, agreeing, supporting are never a state's act on itself
    got = coded(pipeline, "Colombia's president pledged his full support.")
    assert all("COL" not in g[2] for g in got), got


def test_a_named_target_is_never_replaced(pipeline):
    got = coded(pipeline, "QUITO, Ecuador — Thousands marched on Tuesday. Peru's president "
                          "criticised Chile for its silence.")
    peru = [g for g in got if "PER" in g[1]]
    assert peru and all(g[2] == {"CHL"} and g[3] == "target" for g in peru), got


# a story between two states: one party's act that names no one is aimed at the other
@pytest.mark.parametrize("text, source, other", [
    ("Ghana and Togo have argued over the border crossing for weeks. Ghanaian officials say "
     "Togo closed it without warning. Togolese ministers met in Lome on Monday, and Togo's "
     "president later pledged his full cooperation.", "TGO", "GHA"),
    ("Laos and Thailand are at odds over a dam on the Mekong. Thai farmers say the dam has "
     "cut their catch. Laos has begun to study the complaints. On Friday Thailand's prime "
     "minister offered to hold talks.", "THA", "LAO"),
])
def test_in_a_story_between_two_states_one_party_aims_at_the_other(pipeline, text, source,
                                                                    other):
    got = [g for g in coded(pipeline, text) if g[1] == {source} and g[3] == "story"]
    assert got and all(g[2] == {other} for g in got), coded(pipeline, text)
