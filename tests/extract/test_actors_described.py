"""Unknown actors the text itself identifies: by the owner in their apposition, by the title
heading their description, by a kind noun set beside an organisation's name.

Every sentence here is written for these tests; none comes from the measured articles.
"""
from __future__ import annotations

import pytest

from eventwire.extract.actors import ActorIndex

from .test_actors import _one, actors_of, kb  # noqa: F401  (the shared fixtures)


def _actor(index: ActorIndex, name: str):
    return _one(index.actors, "name", name)


# possessive owner in apposition: the owner's state (or organisation) is the person's
@pytest.mark.parametrize("text,name,country,org,sector", [
    ("Asel Nurlanova, one of the Kazakh Defence Ministry's planners, resigned on Tuesday.",
     "Asel Nurlanova", "KAZ", None, "MIL"),
    ("Gustavo Lerdo, the head of the Argentine Foreign Ministry's legal office, called the "
     "ruling unfair.", "Gustavo Lerdo", "ARG", None, "GOV"),
    ("Kwabena Asante-Darko, one of NATO's liaison officers, visited the base on Sunday.",
     "Kwabena Asante-Darko", None, "NATO", "MIL"),
    ("Ghana's finance ministry's spokeswoman, Efua Mensimah, said the loan was signed.",
     "Efua Mensimah", "GHA", None, "GOV"),
])
def test_possessive_owner_in_apposition(actors_of, text, name, country, org, sector):
    person = _actor(actors_of(text), name)
    assert (person.country, person.org, person.sector) == (country, org, sector)


# a description headed by a title and a relative clause, set before the name: the title
# says the sector (the state comes from the story, which these one-liners do not give)
@pytest.mark.parametrize("text,name,sector,role", [
    ("The colonel who commanded the convoy, Daniel Mutua Kiprono, was promoted.",
     "Daniel Mutua Kiprono", "MIL", "colonel"),
    ("The bishop who led the procession, Tadeo Urrutia, was detained.",
     "Tadeo Urrutia", "REL", "bishop"),
    ("Stocks fell after the general who runs the port, Martin Okello, resigned.",
     "Martin Okello", "MIL", "general"),
    ("The judge who heard the appeal, Maria Petrescu, retired in March.",
     "Maria Petrescu", "JUD", "judge"),
])
def test_title_headed_description_before_name(actors_of, text, name, sector, role):
    person = _actor(actors_of(text), name)
    assert (person.sector, person.role) == (sector, role)


def test_description_without_title_leaves_person_alone(actors_of):
    index = actors_of("The man who found the boat, Piet Vandermeer, called the coastguard.")
    person = _actor(index, "Piet Vandermeer")
    assert person.sector == "CVL" and person.country is None


# a kind noun beside an unknown organisation's name: it says what the name is, and is
# no actor of its own
@pytest.mark.parametrize("text,name,sector", [
    ("Prices rose after the Velmora business chamber called for a strike.", "Velmora", "BUS"),
    ("The Sol Andino news agency said six people were hurt.", "Sol Andino", "MED"),
    ("Her remarks were carried by the pro-government outlet Voz Serrana on Friday.",
     "Voz Serrana", "MED"),
])
def test_kind_noun_beside_an_unknown_organisation(actors_of, text, name, sector):
    index = actors_of(text)
    org = _actor(index, name)
    assert org.kind == "organization" and org.sector == sector
    assert not any("agency" in a.name or "chamber" in a.name or "outlet" in a.name
                   for a in index.actors)


def test_unknown_outlet_takes_the_story_state(actors_of):
    """A local outlet nobody lists belongs to the country the story is about."""
    index = actors_of(
        "Peru's government declared an emergency on Monday. Peru's police arrested 40 people "
        "and Peru's army closed the roads. The Ondas Libres news agency said two people died.")
    assert _actor(index, "Ondas Libres").country == "PER"


# a name many states share ("Congress", "Liberal Party"), mentioned bare in another
# state's story, is that state's body: not dropped, and not the body the list knows
@pytest.mark.parametrize("text,name,country", [
    ("QUITO, Ecuador (Reuters) - Ecuador's president lost a key vote on Thursday. Congress "
     "voted 80-41 against the tax plan.", "Congress", "ECU"),
    ("Honduras's president met farmers on Monday. Lawmakers from the Liberal Party and "
     "Congress rejected the budget bill that Honduras's government sent.", "Congress", "HND"),
    ("The Democratic Party in Taiwan called the ruling unfair.", "Democratic Party", "TWN"),
    ("WASHINGTON (AP) - Congress passed the spending bill late on Friday.", "Congress", "USA"),
])
def test_shared_institution_name_takes_the_story_state(actors_of, text, name, country):
    assert _actor(actors_of(text), name).country == country


def test_shared_name_stays_the_listed_body_when_its_state_acts(actors_of):
    index = actors_of("Mexico's president met Joe Biden on Monday. Mexican officials said "
                      "Congress must still approve the deal, and Mexico's senate agreed.")
    assert _actor(index, "Congress").country == "USA"


# names with a joined particle ("al-", "el-", "d'") are names; a later ORG tag on such a
# person's surname is that person
@pytest.mark.parametrize("text,name,country,spans", [
    ("UAE Minister Khalid al-Nuaimi Rashed arrived in Cairo.", "Khalid al-Nuaimi Rashed",
     "ARE", 1),
    ("Egypt's envoy Tarek el-Haddad met officials. El-Haddad said the talks went well.",
     "Tarek el-Haddad", "EGY", 2),
    # the apposition is a mention of him too, as for "X, a Kenyan lawyer"
    ("Gen. Karim al-Masri, a Jordanian officer, visited the base.", "Karim al-Masri", "JOR", 2),
])
def test_names_with_joined_particles(actors_of, text, name, country, spans):
    person = _actor(actors_of(text), name)
    assert person.country == country and len(person.mentions) == spans


# family ties in apposition: the relative shares the state of the person owning the noun
@pytest.mark.parametrize("text,name,country", [
    ("President Luis Arce met farmers. Camila Torrico, Arce's daughter, said the harvest "
     "was poor.", "Camila Torrico", "BOL"),
    ("Kenyan President William Ruto spoke on Monday. His son, Nick Kiprop, runs a farm.",
     "Nick Kiprop", "KEN"),
    ("Brazil's president Lula spoke to farmers in Recife on Monday. Rosa Amaral, the "
     "president's sister, said he was tired.", "Rosa Amaral", "BRA"),
])
def test_relative_in_apposition_is_a_civilian_of_the_owner_state(actors_of, text, name, country):
    person = _actor(actors_of(text), name)
    assert (person.country, person.sector) == (country, "CVL")


# the news "false title": nationality and person noun right before a name, no comma
@pytest.mark.parametrize("text,name,country,sector", [
    ("The rebels still hold the French-Colombian politician Maria Restrepo and three "
     "contractors.", "Maria Restrepo", "COL", "CVL"),
    ("Police detained the Kenyan lawyer John Wekesa on Friday.", "John Wekesa", "KEN", "CVL"),
    ("A Chilean navy officer Pablo Errazuriz was hurt.", "Pablo Errazuriz", "CHL", "MIL"),
])
def test_false_title_before_a_name(actors_of, text, name, country, sector):
    index = actors_of(text)
    person = _actor(index, name)
    assert (person.country, person.sector) == (country, sector)
    # the nationality describes the person; it is no state acting
    assert not any(a.kind == "state" for a in index.actors)


@pytest.mark.parametrize("text", [
    "Hundreds gathered in the town of Kafr Nabudah after the strike.",
    "Shells hit the village of Ras Margalit before dawn.",
    "Aid trucks reached the city of Dar Tolenza on Sunday.",
])
def test_name_after_town_of_is_no_person(actors_of, text):
    assert not any(a.kind in ("person", "organization") for a in actors_of(text).actors)


# the organisation owns the title: "the leader of Boko Haram's southern unit" (after "of",
# even with a possessive following) and the headline style "Gazprom chief X"
_OWNED_TITLES = {
    "of-possessive-1": ("Fighting resumed after a Nigerian air strike killed Musa Garba, the "
                        "leader of Boko Haram's southern unit.", "Musa Garba", "NGA", "REB"),
    "of-possessive-2": ("Rania Haddad, the head of Hezbollah's media office, denied the report.",
                        "Rania Haddad", "LBN", "REB"),
    "of-possessive-3": ("Colombian troops captured Diego Salcedo, the commander of the FARC's "
                        "eastern bloc.", "Diego Salcedo", "COL", "REB"),
    "chief-1": ("Talks ended when Botas chief Emre Yalcinkaya walked out.", "Emre Yalcinkaya",
                "TUR", "BUS"),
    "chief-2": ("Gazprom chief Ivan Dorokhov said supplies would resume.", "Ivan Dorokhov",
                "RUS", "BUS"),
    "chief-3": ("Boko Haram chief Abubakar Wali was reported killed.", "Abubakar Wali", "NGA",
                "REB"),
}


@pytest.mark.parametrize("case", sorted(_OWNED_TITLES))
def test_organisation_owns_the_title(actors_of, case):
    text, name, country, sector = _OWNED_TITLES[case]
    person = _actor(actors_of(text), name)
    assert (person.country, person.sector) == (country, sector)


# a person named bare first and described later: the later naming's state, sector and role
@pytest.mark.parametrize("text,name,country,sector", [
    ("LIMA, March 3 — A court ordered Mario Quispe Huaman removed from his post for 90 "
     "days.\n\nThe Cusco region's governor, Mario Quispe Huaman, says more than 40 people have "
     "been arrested.", "Mario Quispe Huaman", "PER", "GOV"),
    ("Voters in Tartu cheered Liisa Kaljurand Tamm on Sunday. Later that day Estonia's "
     "education minister, Liisa Kaljurand Tamm, opened the new school.",
     "Liisa Kaljurand Tamm", "EST", "GOV"),
    ("Investors praised Carlos Mendoza Rojas after the sale. Carlos Mendoza Rojas, a "
     "Bolivian businessman, bought the mine last year.", "Carlos Mendoza Rojas", "BOL", "CVL"),
])
def test_later_naming_fills_what_the_first_left_out(actors_of, text, name, country, sector):
    person = _actor(actors_of(text), name)
    assert (person.country, person.sector) == (country, sector)


# a person noun between a title phrase and the name ("the poet X") describes the title's
# holder: the name still takes the title's state and sector
@pytest.mark.parametrize("text,name,country", [
    ("\"We want trade,\" Peru's Trade Minister, the novelist Julio Ramos Vargas, said of the "
     "trip.", "Julio Ramos Vargas", "PER"),
    ("Chile's culture minister, the poet Gabriela Montes Rivera, opened the book fair in "
     "Santiago on Friday.", "Gabriela Montes Rivera", "CHL"),
    ("Kenya's sports minister, the former footballer Dennis Oliech Wanyama, said the stadium "
     "would open in June.", "Dennis Oliech Wanyama", "KEN"),
])
def test_person_noun_between_title_and_name(actors_of, text, name, country):
    person = _actor(actors_of(text), name)
    assert (person.country, person.sector) == (country, "GOV")


# "executive secretary" is an office of the body named with it, not a business title
@pytest.mark.parametrize("text,name,sector", [
    ("LIMA, March 3 — The inquiry will be run by Mario Quispe Huaman, the executive secretary "
     "of the interior ministry, who will answer to the president.", "Mario Quispe Huaman",
     "GOV"),
    ("Tomas Ek, executive secretary of the Swedish Federation of Business Owners, said taxes "
     "were too high.", "Tomas Ek", "BUS"),
    ("Nomvula Dlamini, the executive secretary of the Finance Ministry of Eswatini, signed the "
     "loan.", "Nomvula Dlamini", "GOV"),
])
def test_executive_secretary_takes_the_body_sector(actors_of, text, name, sector):
    assert _actor(actors_of(text), name).sector == sector


# a member named by a title after an organisation with a long name keeps the organisation's
# name as the article wrote it ("PKK commander", not "Kurdistan Workers' Party commander")
@pytest.mark.parametrize("text,name,country", [
    ("ANKARA — Soldiers captured a senior PKK commander near the Iraqi border on Sunday.",
     "PKK commander", "TUR"),
    ("BOGOTA — An ELN commander surrendered to the army in Arauca on Friday.",
     "ELN commander", "COL"),
    ("BOGOTA — Troops killed a senior Farc commander in the southern jungle on Saturday.",
     "Farc commander", "COL"),
])
def test_member_group_keeps_the_written_organisation_name(actors_of, text, name, country):
    group = _actor(actors_of(text), name)
    assert (group.country, group.sector) == (country, "REB")


# "X, who serves as minister for trade within Peru's trade ministry": the owner of the body
# the title sits in, named after the title, is the person's state; a host is not
@pytest.mark.parametrize("text,name,country", [
    ("SANTIAGO — The rules could hurt trade, warned Ana Lucia Bravo Soto, who serves as "
     "minister for trade within Peru's Ministry of Foreign Trade and Tourism.",
     "Ana Lucia Bravo Soto", "PER"),
    ("The plan was drafted by Maria Kowalska, who works as an adviser inside Poland's finance "
     "ministry, officials said.", "Maria Kowalska", "POL"),
    ("The deal was signed by Kwame Mensah, who is deputy director at Ghana's trade ministry.",
     "Kwame Mensah", "GHA"),
    ("The talks were led by John Mensah, who served as ambassador to France until last year.",
     "John Mensah", None),
])
def test_served_clause_owner_after_the_title(actors_of, text, name, country):
    person = _actor(actors_of(text), name)
    assert (person.country, person.sector) == (country, "GOV")


# "the AU's envoy, Nigerian diplomat X": an office of an international body, held by a
# national of some state: the body is whom X serves, the nationality only where X is from
@pytest.mark.parametrize("text,name,org", [
    ("The African Union's envoy, Nigerian diplomat Ibrahim Gambari Musa, arrived in Khartoum "
     "on Friday.", "Ibrahim Gambari Musa", "AU"),
    ("The UN's special envoy, Norwegian diplomat Kari Solberg Hansen, met both sides in "
     "Geneva.", "Kari Solberg Hansen", "UN"),
    ("The OSCE's special envoy, Swiss diplomat Heidi Tagliavini Meier, arrived in Tbilisi on "
     "Monday.", "Heidi Tagliavini Meier", "OSCE"),
])
def test_international_office_beats_the_holders_nationality(actors_of, text, name, org):
    person = _actor(actors_of(text), name)
    assert (person.org, person.country, person.sector) == (org, None, "GOV")


# "X, also known as Y and Z": the other names are the same person, wherever they recur
@pytest.mark.parametrize("text,name,aliases", [
    ("MOGADISHU — Police named Abdi Hassan Farah, also known as Dheere and Gaalo, as the "
     "organiser of the attack. Gaalo is said to command the group's raids.",
     "Abdi Hassan Farah", ["Dheere", "Gaalo"]),
    ("Police are hunting Juan Carlos Mena, alias Chucho, who escaped on Sunday. Chucho was last "
     "seen in Cali.", "Juan Carlos Mena", ["Chucho"]),
    ("The court convicted Ahmad Karimi, better known as Sarbaz, of smuggling. Sarbaz denied the "
     "charges.", "Ahmad Karimi", ["Sarbaz"]),
])
def test_aliases_are_mentions_of_the_person(actors_of, text, name, aliases):
    index = actors_of(text)
    person = _actor(index, name)
    names = {a.name for a in index.actors}
    assert not names & set(aliases)
    said = {text[a:b] for a, b in person.mentions}
    assert set(aliases) <= said


# a name with a number inside ("Radio 26 Digital") is one organisation, though the tagger
# cuts it after the number (each sentence below is one the tagger cuts so)
@pytest.mark.parametrize("text,name", [
    ("MANAGUA — Readers of the party newspaper Barricada 79 Digital learned of the arrests on "
     "Friday.", "Barricada 79 Digital"),
    ("HAVANA — The report was carried by the state outlet Radio 26 Digital on Sunday.",
     "Radio 26 Digital"),
    ("CARACAS — The pro-government site Noticias 24 Digital published the decree.",
     "Noticias 24 Digital"),
])
def test_name_cut_at_a_number_is_joined(actors_of, text, name):
    index = actors_of(text)
    assert _actor(index, name).kind == "organization"
    assert not [a for a in index.actors if a.name == "Digital"]


# a description tying the person to a body or state by a preposition ('the number two at
# the X embassy', 'a former head of the Y agency') or as that body's official ('the FAO
# official'): the body's state or organisation is the person's, its sector too unless the
# description's own noun says one
@pytest.mark.parametrize("text,name,country,org,sector", [
    ("The minister summoned Tarek Mansour, the number two at the Lebanese embassy, on "
     "Friday.", "Tarek Mansour", "LBN", None, "GOV"),
    ("Among those held was Omar Siddiqui, a former head of the ISI intelligence agency.",
     "Omar Siddiqui", "PAK", None, "SPY"),
    ("Juan Mederos, a member of the Cuban Communist Party, denied the claim.",
     "Juan Mederos", "CUB", None, "PTY"),
    ("Talks stalled, said Ingrid Solberg, the WHO official leading the response.",
     "Ingrid Solberg", None, "WHO", "GOV"),
])
def test_description_places_person_in_a_body(actors_of, text, name, country, org, sector):
    person = _actor(actors_of(text), name)
    assert (person.country, person.org, person.sector) == (country, org, sector)
