"""Events: PLOVER coding of clauses from the dependency parse, in layers.

1. ``triggers``: the predicate (a verb, or an event noun such as "talks" or "sanctions") is
   looked up in the pattern dictionary (``data/plover_verbs.yaml``, read by ``dictionary``).
2. ``roles`` / ``frame`` / ``candidates``: its predicate-argument frame is read from the
   parse: source and target come from the clause's roles only (subject or passive agent,
   object, prepositional partners, possessives and compounds of the predicate noun,
   coordinated actors, relative clauses and by-phrases of the object), never from every noun
   of the sentence.
3. ``senses`` / ``status``: the PLOVER category that fits the actors, and the status (negated,
   claimed, future, hypothetical) from negation, reporting verbs, modals, conditionals and quotes.
4. ``arguments`` / ``discourse`` / ``situated`` / ``fallbacks``: arguments the clause leaves
   open, from inside its target slot (relative clauses, nested partners, listed members, the
   place of a judged event), from the article (its two discourse participants), from where a
   state agent acts, or from places, earlier events and weapons.
5. ``extract``: the assembly into contract events with dates, places and confidence.
"""
from .dictionary import CALIBRATION_FILE, Sense, VerbDictionary, _load_words, load_calibration
from .extract import basis, confidence, extract_events

__all__ = ["VerbDictionary", "Sense", "extract_events", "confidence", "basis", "load_calibration",
           "CALIBRATION_FILE", "_load_words"]
