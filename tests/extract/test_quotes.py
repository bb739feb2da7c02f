"""Quotes: sentence -> (quoted words, kind, speaker) on sentences written for these tests."""
from __future__ import annotations

import pytest

from eventwire.errors import KnowledgeError
from eventwire.extract.actors import ActorIndex, extract_actors
from eventwire.extract.quotes import Cues, extract_quotes, find_quote_marks, load_cues
from eventwire.model import Actor, Mention


def index_for(text: str, names: dict[str, tuple[str, str, str]],
              pronouns: dict[str, str] | None = None) -> ActorIndex:
    """A hand-built ActorIndex: ``names`` maps surface text -> (actor id, name, kind); every
    occurrence becomes a mention. ``pronouns`` maps a pronoun's text -> actor id, the way the
    knowledge-base resolver marks them (``kind="pronoun"``)."""
    actors: dict[str, Actor] = {}
    mentions: list[Mention] = []
    for surface, (aid, name, kind) in names.items():
        actors.setdefault(aid, Actor(id=aid, name=name, kind=kind,
                                     country="RUT" if kind != "igo" else None,
                                     org="EU" if kind == "igo" else None))
        pos = text.find(surface)
        while pos >= 0:
            mentions.append(Mention(pos, pos + len(surface), (aid,), surface))
            pos = text.find(surface, pos + len(surface))
    for surface, aid in (pronouns or {}).items():
        pos = text.find(surface)
        while pos >= 0:
            mentions.append(Mention(pos, pos + len(surface), (aid,), surface, kind="pronoun"))
            pos = text.find(surface, pos + len(surface))
    return ActorIndex(list(actors.values()), mentions)


PETROV = {"Ivan Petrov": ("a1", "Ivan Petrov", "person"), "Petrov": ("a1", "Ivan Petrov", "person")}
LOPEZ = {"Maria Lopez": ("a2", "Maria Lopez", "person"), "Lopez": ("a2", "Maria Lopez", "person")}
PEOPLE = {**PETROV, **LOPEZ}


def run(nlp, text: str, names: dict | None = None, pronouns: dict | None = None):
    doc = nlp(text)
    return extract_quotes(doc, index_for(text, names or PEOPLE, pronouns))


def speaker_of(quote) -> str:
    return quote.speaker.name if quote.speaker else ""


# -- one construction each ------------------------------------------------------------------

CASES = [
    # cue before, colon
    ('Defense Minister Ivan Petrov said: "Our forces will stay in the north until spring."',
     "Our forces will stay in the north until spring.", "direct", "Ivan Petrov", "said"),
    # cue after, straight quotes
    ('"The border is calm and our patrols continue," Petrov said on Monday.',
     "The border is calm and our patrols continue", "direct", "Ivan Petrov", "said"),
    # curly quotes, inverted cue
    ("“We will not accept these terms,” said Maria Lopez, the trade minister.",
     "We will not accept these terms", "direct", "Maria Lopez", "said"),
    # title + name in the cue phrase
    ('Trade Ministry spokeswoman Maria Lopez told reporters: "Nobody has asked us for help."',
     "Nobody has asked us for help.", "direct", "Maria Lopez", "told"),
    # partial quote governed by a reporting verb
    ('Petrov warned of a "dangerous escalation on the border" during the meeting.',
     "dangerous escalation on the border", "partial", "Ivan Petrov", "warned"),
    # partial quote inside a that-clause of "expressed hope"
    ('Lopez expressed hope that the neighbours would "lift the tariffs before the harvest".',
     "lift the tariffs before the harvest", "partial", "Maria Lopez", "expressed hope"),
    # naming verb with a one-word quote
    ('Lopez called the new tariffs "unacceptable" on Friday.',
     "unacceptable", "partial", "Maria Lopez", "called"),
    # indirect, bare complement
    ("Petrov said the troops were leaving the region within a week.",
     "the troops were leaving the region within a week", "indirect", "Ivan Petrov", "said"),
    # indirect with "that"
    ("Maria Lopez told the assembly that the talks had collapsed overnight.",
     "the talks had collapsed overnight", "indirect", "Maria Lopez", "told"),
    # colon after a clause without a reporting verb
    ('Petrov struck a defiant tone in his speech: "No one will dictate to us."',
     "No one will dictate to us.", "direct", "Ivan Petrov", "struck"),
]


@pytest.mark.parametrize("text,words,kind,speaker,cue", CASES)
def test_quotes_finds_words_kind_and_speaker(nlp, text, words, kind, speaker, cue):
    quotes = run(nlp, text)
    hits = [q for q in quotes if q.text == words]
    assert hits, [(q.text, q.kind) for q in quotes]
    q = hits[0]
    assert q.kind == kind
    assert speaker_of(q) == speaker
    assert q.cue == cue
    assert text[q.start:q.end] == q.text


def test_quotes_inside_cue_gives_both_sentences_the_speaker(nlp):
    text = '"The talks failed," Petrov said. "We will try again next week with a new offer."'
    quotes = run(nlp, text)
    assert [(q.text, speaker_of(q), q.kind) for q in quotes] == [
        ("The talks failed", "Ivan Petrov", "direct"),
        ("We will try again next week with a new offer.", "Ivan Petrov", "direct"),
    ]


def test_quotes_multi_sentence_quote_is_one_segment(nlp):
    text = ('"Our army is ready. Our people are calm. Nobody should test us," Petrov said '
            'in a televised address.')
    (q,) = run(nlp, text)
    assert q.text == "Our army is ready. Our people are calm. Nobody should test us"
    assert speaker_of(q) == "Ivan Petrov"


def test_quotes_pronoun_speaker_uses_resolver_mention(nlp):
    text = 'Maria Lopez met Petrov in Vienna on Monday. "We came to listen," she said.'
    pos = text.index("she said")
    doc = nlp(text)
    index = index_for(text, PEOPLE)
    index = ActorIndex(index.actors, [*index.mentions,
                                      Mention(pos, pos + 3, ("a2",), "she", kind="pronoun")])
    (q,) = extract_quotes(doc, index)
    assert speaker_of(q) == "Maria Lopez"
    assert q.speaker_text == "she"


def test_quotes_pronoun_speaker_falls_back_to_last_person_subject(nlp):
    text = 'Ivan Petrov arrived in Vienna on Monday. "We came to listen," he said.'
    (q,) = run(nlp, text)
    assert speaker_of(q) == "Ivan Petrov"
    assert q.speaker.actor == "a1"


def test_quotes_the_official_takes_the_earlier_description(nlp):
    text = ('In a statement, an EU official rejected the claim. "There is no blockade of the '
            'port," the official told reporters.')
    names = {"EU": ("a9", "European Union", "igo")}
    quotes = run(nlp, text, names)
    (q,) = [q for q in quotes if q.kind == "direct"]
    assert q.text == "There is no blockade of the port"
    assert q.speaker.actor == "a9"
    assert q.speaker_text == "the official"


def test_quotes_statement_read_speaker_is_its_owner(nlp):
    text = ('"The ministers reaffirmed their commitment to the treaty," the Ruritanian '
            'statement read.')
    names = {"Ruritanian": ("a3", "Ruritania", "state")}
    (q,) = run(nlp, text, names)
    assert q.cue == "statement read"
    assert speaker_of(q) == "Ruritania"
    assert q.speaker_text == "the Ruritanian statement"


def test_quotes_readout_said_speaker_is_its_owner(nlp):
    text = ('The two leaders "agreed to keep the channels open," a Foreign Office readout '
            'said.')
    names = {"Foreign Office": ("a4", "Foreign Office", "organization")}
    (q,) = run(nlp, text, names)
    assert q.kind == "partial"
    assert q.cue == "readout said"
    assert speaker_of(q) == "Foreign Office"


def test_quotes_according_to_names_the_speaker(nlp):
    text = ('The minister "welcomed the decision of the court," according to the Interior '
            'Ministry.')
    names = {"the Interior Ministry": ("a5", "Interior Ministry", "organization")}
    (q,) = run(nlp, text, names)
    assert q.cue == "according to"
    assert speaker_of(q) == "Interior Ministry"
    assert q.text == "welcomed the decision of the court"


def test_quotes_ministry_said_that_partial(nlp):
    text = ('"We have finished the drills," the Defense Ministry said Tuesday, adding that '
            '"all units have returned to their bases."')
    names = {"the Defense Ministry": ("a6", "Defense Ministry", "organization")}
    quotes = run(nlp, text, names)
    assert [(q.text, speaker_of(q)) for q in quotes] == [
        ("We have finished the drills", "Defense Ministry"),
        ("all units have returned to their bases.", "Defense Ministry"),
    ]


def test_quotes_unresolved_speaker_keeps_the_words(nlp):
    text = '"The road to the airport is closed," a local police commander said.'
    (q,) = run(nlp, text, {})
    assert q.speaker.actor is None
    assert q.speaker.name == "a local police commander"


def test_quotes_family_speaks_for_itself(nlp):
    text = "\"We are so relieved that he is home,\" Petrov's family said."
    (q,) = run(nlp, text)
    assert q.speaker.actor is None
    assert q.speaker.name == "Petrov's family"


def test_quotes_run_on_paragraph_keeps_the_speaker(nlp):
    text = ('Petrov said: "We will stay in the north until the spring.\n'
            '"After that the units will return to their barracks near the capital."')
    quotes = run(nlp, text)
    assert [speaker_of(q) for q in quotes] == ["Ivan Petrov", "Ivan Petrov"]
    assert all("\n" not in q.text for q in quotes)


# -- what is not a quote ----------------------------------------------------------------------

NEGATIVES = [
    'Critics have long warned about so-called "color revolutions" in the region.',
    'The battalion joined the "Northern Shield" exercise in May.',
    "Petrov read the novel \"War and Peace\" during the long flight home.",
    'The film "Gone With the Wind" was shown at the festival on Sunday.',
    "Lopez called off the visit after the border incident.",
    "The tanks arrived in the capital on Monday.",
    "Troops moved elements of the 'Spearhead Force' to the coast.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_quotes_ignores_scare_quotes_titles_and_plain_prose(nlp, text):
    assert run(nlp, text) == []


HOSTILE = [
    '"',
    '""""',
    "“”",
    '” “ ”',
    'He said "we will win and then left the room.\nThe next paragraph has no quote at all.',
    '"Unclosed quote that goes on and on\nand a second paragraph of prose follows here.',
    "“Mismatched straight close\" said nobody, “and another” — “",
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_quotes_survives_unbalanced_marks(nlp, text):
    quotes = run(nlp, text)
    for q in quotes:
        assert "\n" not in q.text
        assert text[q.start:q.end] == q.text


def test_quotes_stray_mark_does_not_swallow_paragraph():
    text = 'The minister said "we will win and then left.\nSecond paragraph, no quotes here.'
    assert find_quote_marks(text) == []


def test_quotes_pairs_marks_per_paragraph():
    text = 'A "first one" and “second one”.\n"Third one," said X.'
    segs = find_quote_marks(text)
    assert [text[s.start:s.end] for s in segs] == ["first one", "second one", "Third one"]


def test_quotes_pipeline_baseline_actors(nlp):
    """Through the real actor extractor: the speaker is whichever actor it gives the name."""
    text = ('Russian Foreign Minister Sergey Lavrov spoke in Moscow on Monday. "Nobody wants a '
            'war in Europe," Lavrov said.')
    doc = nlp(text)
    (q,) = extract_quotes(doc, extract_actors(doc))
    assert q.text == "Nobody wants a war in Europe"
    assert "Lavrov" in q.speaker.name


# -- the cue file -----------------------------------------------------------------------------

def test_quotes_cue_file_loads():
    cues = load_cues()
    assert {"say", "tell", "warn"} <= cues.verbs
    assert "statement" in cues.speech_nouns
    assert ("according", "to") in cues.attributions


def test_quotes_bad_cue_file_names_the_key():
    with pytest.raises(KnowledgeError, match="verbs"):
        Cues.from_mapping({"verbs": "say"}, "cues.yaml")
    with pytest.raises(KnowledgeError, match="unknown keys"):
        Cues.from_mapping({"verbs": ["say"], "verb": ["tell"]}, "cues.yaml")


# -- round 2: mechanisms found by reading the corpus output ------------------------------------

AGENCY = {"the Relief Agency": ("o1", "Relief Agency", "organization"),
          "Relief Agency": ("o1", "Relief Agency", "organization"),
          "its Rescue Office": ("o2", "Rescue Office", "organization"),
          "Rescue Office": ("o2", "Rescue Office", "organization")}

PARTICIPLES = [
    # the participle was parsed inside the said-clause; it still shares the subject of "said"
    ('The Relief Agency said its Rescue Office was sending a team, adding that the money was '
     'meant "to meet the most urgent needs".', "to meet the most urgent needs", "Relief Agency"),
    ("Petrov said the new accords would bring the two nations closer, adding that the bond "
     'had created "enormous openings for trade".', "enormous openings for trade", "Ivan Petrov"),
    # negative: a participle of an ordinary verb keeps that verb's subject
    ('Lopez dismissed the sanctions as worthless, saying they were "fit only for the rubbish".',
     "fit only for the rubbish", "Maria Lopez"),
]


@pytest.mark.parametrize("text,words,speaker", PARTICIPLES)
def test_quotes_participle_cue_takes_subject_of_governing_verb(nlp, text, words, speaker):
    quotes = run(nlp, text, {**PEOPLE, **AGENCY})
    (q,) = [q for q in quotes if q.text == words]
    assert speaker_of(q) == speaker


QUOTED_AS = [
    ('"The gates are still closed," a relative of the minister, who asked not to be named, '
     "was quoted by Reuters as saying.", "The gates are still closed", "a relative of the minister"),
    ("Ivan Petrov was quoted by the local radio as saying that the border would reopen on "
     "Friday.", "the border would reopen on Friday", "Ivan Petrov"),
]


@pytest.mark.parametrize("text,words,speaker", QUOTED_AS)
def test_quotes_quoted_as_saying_speaker_is_passive_subject(nlp, text, words, speaker):
    quotes = run(nlp, text, {**PEOPLE, "Reuters": ("r1", "Reuters", "organization")})
    (q,) = [q for q in quotes if q.text == words]
    assert speaker_of(q) == speaker


PRONOUN_SPEAKERS = [
    # the pronoun's own reported clause names someone else: not the speaker
    ("Petrov said the convoy had left the capital. Officers had met Maria Lopez and her "
     "staff at the border, he added.", "Ivan Petrov"),
    # main clause beats the subordinate clause of the sentence before
    ("The Relief Agency said the Rescue Office had met on Monday. It said the camps were "
     "running out of water.", "Relief Agency"),
    # negative: the previous sentence's main subject really is the speaker
    ("Maria Lopez met Petrov in Vienna on Monday. She said the talks had been useful.",
     "Maria Lopez"),
]


@pytest.mark.parametrize("text,speaker", PRONOUN_SPEAKERS)
def test_quotes_pronoun_speaker_is_the_previous_main_subject(nlp, text, speaker):
    last = text.rindex(". ") + 2
    pron = text[last:].split()[0] if text[last:].split()[0] in ("It", "She") else "he"
    pos = text.rindex(pron)
    # the resolver points the pronoun at the nearest name, the way a naive one would
    wrong = {"he": "a2", "It": "o2", "She": "a2"}[pron]
    doc = nlp(text)
    index = index_for(text, {**PEOPLE, **AGENCY})
    index = ActorIndex(index.actors, [*index.mentions, Mention(pos, pos + len(pron), (wrong,),
                                                               pron, kind="pronoun")])
    quotes = [q for q in extract_quotes(doc, index) if q.start >= last]
    assert quotes and speaker_of(quotes[0]) == speaker


def test_quotes_bare_plural_keeps_its_words(nlp):
    text = ("One Ruritanian defence official said the post was attacked. Officials said the "
            "talks would resume next month.")
    names = {"Ruritanian": ("s1", "Ruritania", "state")}
    quotes = run(nlp, text, names)
    (q,) = [q for q in quotes if q.text.startswith("the talks")]
    assert q.speaker.actor is None and q.speaker.name == "Officials"


def test_quotes_plural_pronoun_takes_previous_plural_subject_words(nlp):
    text = ("Police sources gave a different account. They said the suspect had tried to leave "
            "the house.")
    (q,) = run(nlp, text, {})
    assert q.speaker.name == "Police sources"
    assert q.speaker_text == "They"


def test_quotes_surname_part_of_a_longer_name_resolves(nlp):
    text = ('Attorney General Ashtar Ausaf Ali spoke on Friday. "He stays in place for now," '
            "Ausaf said.")
    names = {"Ashtar Ausaf Ali": ("p9", "Ashtar Ausaf Ali", "person")}
    (q,) = run(nlp, text, names)
    assert q.speaker.actor == "p9"


NOT_REPORTED = [
    "The ambulance driver struggled to describe what he had found.",
    "Puigdemont condemned what he described as brutality by the police.",
    "The police did not immediately say why Lopez had been detained.",
    "The boats that Petrov says entered the waters were turned back.",
    "Lopez calls the ballot an assault on the rule of law.",
]


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_quotes_no_indirect_quote_for_questions_negations_and_gaps(nlp, text):
    assert run(nlp, text) == []


CLAUSES = [
    # a that-clause after the verb wins over a clause before it
    ("In a speech she gave on Monday, Maria Lopez argued that the tariffs would hurt farmers.",
     "the tariffs would hurt farmers", "Maria Lopez"),
    # a relative clause opened by "during which" still reports
    ("There were days of rumours, during which Petrov denied that the army would move.",
     "the army would move", "Ivan Petrov"),
    # a parenthetical cue reports the clause it interrupts
    ("Anyone unhappy with the result, Petrov added, should go to the courts.",
     "Anyone unhappy with the result, Petrov added, should go to the courts.", "Ivan Petrov"),
]


@pytest.mark.parametrize("text,words,speaker", CLAUSES)
def test_quotes_indirect_clause_choice(nlp, text, words, speaker):
    quotes = [q for q in run(nlp, text) if q.kind == "indirect"]
    assert [(q.text, speaker_of(q)) for q in quotes] == [(words, speaker)]


def test_quotes_mid_sentence_according_to_does_not_take_the_clause(nlp):
    text = ("Petrov has said new elections will be held next year, after taking power and, "
            "according to reports, detaining Lopez.")
    quotes = run(nlp, text)
    assert [(speaker_of(q), q.cue) for q in quotes] == [("Ivan Petrov", "said")]


def test_quotes_finished_quote_is_not_attributed_to_next_sentence(nlp):
    text = ('According to Maria Lopez, Petrov regarded the strike as a "flimsy excuse." The '
            "army said it would scale back its patrols.")
    quotes = [q for q in run(nlp, text) if q.kind == "partial"]
    assert [(q.text, speaker_of(q)) for q in quotes] == [("flimsy excuse.", "Maria Lopez")]


def test_quotes_colon_after_a_clause_parsed_under_the_quote(nlp):
    text = 'In Vienna, Petrov summed it up: "Before our eyes, a people is taking back its land."'
    (q,) = run(nlp, text)
    assert speaker_of(q) == "Ivan Petrov"
    assert q.kind == "direct"


def test_quotes_parenthetical_cue_gives_partial_quote(nlp):
    text = 'The curfew, Petrov said, would stay in force "for as long as the situation requires".'
    quotes = [q for q in run(nlp, text) if q.kind == "partial"]
    assert [(q.text, speaker_of(q)) for q in quotes] == [
        ("for as long as the situation requires", "Ivan Petrov")]


def test_quotes_continuation_after_interrupting_cue_is_direct(nlp):
    text = ('"The wall that kept us apart is coming down," Petrov said, "and we will build a '
            'bridge instead."')
    quotes = run(nlp, text)
    assert [(q.kind, speaker_of(q)) for q in quotes] == [("direct", "Ivan Petrov")] * 2


def test_quotes_they_points_back_to_a_collective_subject(nlp):
    from eventwire.extract.actors import extract_actors, load_knowledge
    from eventwire.extract.quotes import extract_quotes
    text = ('The Morales family thanked the mediators. "We are grateful," the family said. '
            '"It has been a long year."\n\nThey said they would keep pushing for "every '
            'prisoner to come home."')
    doc = nlp(text)
    quotes = extract_quotes(doc, extract_actors(doc, load_knowledge(), "2021-05-04"))
    last = [q for q in quotes if "every prisoner" in q.text]
    assert last and last[0].speaker is not None and "family" in last[0].speaker.name.lower()


def test_quotes_a_countrys_statement_is_its_institution_just_named(nlp):
    from eventwire.extract.actors import extract_actors, load_knowledge
    from eventwire.extract.quotes import extract_quotes
    text = ('The leaders "agreed to meet again," a State Department readout said.\n\n'
            '"The United States remains committed to the talks," the U.S. statement read.')
    doc = nlp(text)
    quotes = extract_quotes(doc, extract_actors(doc, load_knowledge(), "2021-05-04"))
    last = [q for q in quotes if "remains committed" in q.text]
    assert last and last[0].speaker is not None and "State Department" in last[0].speaker.name
