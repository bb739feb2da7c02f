"""Language data of the actor layers: closed word classes and the regular expressions
that recognise the shapes of phrases between mentions."""
from __future__ import annotations

import re

# -- language data -----------------------------------------------------------------------
#: Prepositions after which a capital is a place, not an actor ("an embassy in Washington").
LOCATIVE = frozenset({"in", "at", "near", "to", "into", "outside", "around", "across", "within",
                      "toward", "towards", "through", "via", "inside", "throughout", "beyond",
                      "from", "off", "along"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: "the two countries" and friends: (noun -> which actors may fill them)
PAIR = re.compile(r"\b(?:[Tt]he two|[Bb]oth(?: the)?|[Tt]he two neighbou?ring)\s+"
                  r"(countries|nations|states|sides|neighbou?rs|governments|capitals|companies|"
                  r"firms)\b")
#: pair nouns that name two organisations (businesses), not two states
PAIR_BODIES = frozenset({"companies", "firms"})
#: "the alliance", "the 30-member coalition", "the Western military alliance"
DESCRIPTION = re.compile(r"\b[Tt]he\s+((?:[\w-]+\s+){0,3}?)([A-Za-z]+)\b")
INDEFINITE = frozenset({"a", "an", "another", "one"})
DEFINITE = frozenset({"the", "this", "that"})

_POSSESSIVE = re.compile(r"^\s?['\u2019]s?\s+$")
_SPACE = re.compile(r"^[ \t]+$")
_HYPHEN = re.compile(r"^\s?[-\u2013]\s?$")
_AND = re.compile(r"^\s+and\s+$")
_TO = re.compile(r"^\s+to\s+(?:the\s+)?$")
_OF = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?$")
_IN = re.compile(r"^\s+(?:in|at|with)\s+(?:the\s+)?$")
_LIST = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")
_LED = re.compile(r"^-(?:led|backed|based|supported|allied|aligned|brokered|made)\b")
_APPOS = re.compile(r"^\s*,\s*(?:the\s+|a\s+|an\s+)?$")
#: "BEIJING —", "ISLAMABAD, Jan 17 (Reuters) -": where the article was filed
DATELINE = re.compile(r"(?:^|\n)\s*([A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})"
                      r"(?:\s*,\s*([A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?))?"
                      r"(?:\s*,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{1,40}\))?"
                      r"\s*(?:[\u2014\u2013]|--?)\s")
#: Words that join the capitalised words of a name ("Ministry of Trade and Industry").
NAME_JOINERS = frozenset({"of", "and", "for", "&", "on", "de", "du", "des", "la", "al"})
#: Words that open a sentence or phrase and are no part of a name.
NAME_STOPS = frozenset({"the", "a", "an", "in", "on", "at", "but", "and", "or", "when", "after",
                        "before", "while", "as", "if", "by", "for", "from", "with", "to", "of",
                        "this", "that", "these", "those", "his", "her", "its", "their", "our",
                        "both", "under", "since", "during", "meanwhile", "also", "according",
                        "last", "next", "on", "it", "he", "she", "they", "we", "i", "officials",
                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "mr", "mrs", "ms", "dr"})
#: Lower-case particles inside personal names ("Alexandre de Moraes", "Ursula von der Leyen").
NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "van", "von",
                            "der", "den", "bin", "ibn", "al", "el", "la", "le", "du", "y",
                            "ben", "bint", "ter"})
#: First halves of hyphenated titles that keep the second half's meaning ("ex-president",
#: "vice-president" is a title of its own); any other ("solicitor-general") makes a new word.
TITLE_PREFIXES = frozenset({"ex", "then", "vice", "co", "acting", "former", "deputy", "interim"})
PLURAL_PRONOUNS = frozenset({"they", "their"})
#: Sectors of roles that belong to the article's home state when no other is named.
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "PTY", "OPP"})
#: ", a Kenyan lawyer," / ", a senior official of the opposition party,": a description after
#: a name, up to the next comma or stop.
_AFTER_DESC = re.compile(r"^\s*,\s*(?:\d{1,3}\s*,\s*)?"
                         # "X, whom it called a Somali fighter,", "X, described as a Kenyan lawyer,"
                         r"(?:(?:whom\s+\w+\s+(?:called|calls|described\s+as|describes\s+as)"
                         r"|described\s+as|identified\s+as)\s+)?"
                         r"(?:a|an|the)\s+([^,;:()\n]{1,80}?)"
                         r"(?:\s+(?:who|whom|whose|which|that)\b[^,;:()\n]{0,160}?)?\s*"
                         r"(?=[,;:)\n]|\.(?:\s+[A-Z\"\u201c]|\s*$)|$)")
#: "an Afghan man, " / "the Briton, ": a description right before a name.
_BEFORE_DESC = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Aa]nother|[Oo]ne)\s+((?:[\w.'\u2019-]+\s+){0,3}?"
                          r"[\w.'\u2019-]+)\s*,\s*$")
#: What may separate two names of one list: a comma, "and", and the description of the first.
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:(?:a|an|the)\s+(?:[^,;:.()\n]|\.(?!\s)){1,80}?\s*,\s*)?"
                       r"(?:and\s+)?"
                       r"|\s+and\s+)$")

#: "in Baghdad", "in the Kenyan town of Eldoret" is too loose: a capitalised place right after.
_PLACED = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2})")
STATE_LIKE = frozenset({"country", "capital", "metonym", "demonym"})
#: Sectors of national bodies whose names other states' bodies share ("Conservatives",
#: "Social Democrats"): a nationality the text puts before them names another body.
NAMESAKE_SECTORS = frozenset({"PTY", "OPP", "LAB"})
#: Sectors of those who report the news: their nationality is no clue to the story's country.
REPORTING_SECTORS = frozenset({"MED", "JRN"})
#: Sectors that only mean something with a state attached ("forces" alone is no actor).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "PTY"})
SECTOR_WORDS = {"GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
                "REB": "rebels", "OPP": "opposition", "CVL": "civilians", "LEG": "legislature",
                "JUD": "judiciary", "PTY": "party", "BUS": "business", "MED": "media",
                "JRN": "journalists", "REL": "clergy", "NGO": "NGOs"}

#: "the town of ", "the village of ": what follows is a place's name, whatever the tagger says.
_PLACE_OF = re.compile(r"\b(?:town|city|village|district|province|region|county|suburb|"
                       r"neighbourhood|neighborhood|municipality|port|island|camp)\s+of\s+$")

__all__ = ['LOCATIVE', 'MALE', 'FEMALE', 'NEUTER', 'SUBJECT_DEPS', 'PAIR', 'PAIR_BODIES', 'DESCRIPTION', 'INDEFINITE', 'DEFINITE', '_POSSESSIVE', '_SPACE', '_HYPHEN', '_AND', '_TO', '_OF', '_IN', '_LIST', '_LED', '_APPOS', 'DATELINE', 'NAME_JOINERS', 'NAME_STOPS', 'NAME_PARTICLES', 'TITLE_PREFIXES', 'PLURAL_PRONOUNS', 'DOMESTIC_SECTORS', '_AFTER_DESC', '_BEFORE_DESC', '_LIST_GAP', '_PLACED', 'STATE_LIKE', 'NAMESAKE_SECTORS', 'REPORTING_SECTORS', 'STATE_SECTORS', 'SECTOR_WORDS', '_PLACE_OF']
