"""Parse-role vocabulary shared by every layer of the event coder: grammar of English,
not of any one text."""
from __future__ import annotations

import re

# Parse-role vocabulary: grammar of English, not of any one text.
SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd"})
MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos", "npadvmod"})
TARGET_PREPS = ("with", "on", "against", "to", "toward", "towards", "at", "over", "into",
                "between", "from", "for", "upon", "onto", "of", "behind")
SOURCE_NOUN_PREPS = ("by", "between", "from")
SETTING_PREPS = frozenset({"at", "during", "after", "before", "since", "amid", "following",
                           "throughout", "until"})
CONSULT_PREPS = ("with", "to", "between", "by", "from")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
FIRST_PERSON = frozenset({"we", "our", "us", "ours", "i", "my", "me"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "ca", "'d",
                              "must"})
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
MAX_DEPTH = 3
#: "BEIJING —", "HAVANA, June 23 (RHC) --", "Islamabad/Lahore, Nov. 4:" at a paragraph start
DATELINE = re.compile(r"(?m)^(?:[A-Z][A-Z.'/ -]{1,40}(?:,[^\n—:]{0,40})?\s*(?:—|--|–|:)"
                      r"|[A-Z][a-z]+(?:/[A-Z][a-z]+)?,\s*[A-Z][a-z]{2,4}\.?\s*\d{1,2}\s*[:—–-])")
NAME_ENTITIES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PRODUCT"})

GRIEVANCE = frozenset({"ACCUSE", "PROTEST"})
GRIEVANCE_PREPS = ("against", "over", "about", "of", "at")
PLACE_TARGETED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "SANCTION", "AID",
                            "PROTEST"})
PLACE_PREPS = frozenset({"in", "on", "at", "into", "from", "out", "near", "across", "to",
                         "against", "of"})


LOCATIVE_ONLY = frozenset({"in", "at", "near", "across", "of"})
IN_PLACE_TARGETED = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "SUPPORT",
                               "AGREE", "CONCEDE", "CONSULT"})


UNNAMED_DOER = frozenset({"ASSAULT", "COERCE", "PROTEST"})
POLICE_NOUNS = frozenset({"police", "policeman", "policemen", "officer", "gendarme",
                          "gendarmerie", "constabulary"})
PERSONAL_PRONOUNS = frozenset({"it", "this", "that", "which", "what", "there"})
#: Verbal reactions whose object may be a thing another party did, made or said.
REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST"})
