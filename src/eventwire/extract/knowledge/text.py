"""Text keys of the knowledge base: folding, tokens, plurals, dates, case checks."""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
import unicodedata
from typing import Any, Iterable


log = logging.getLogger("eventwire.extract.knowledge")

#: PLOVER/CAMEO sector codes the dictionaries may use.
SECTORS: frozenset[str] = frozenset({
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "REB", "OPP", "CVL", "BUS", "MED", "JRN",
    "REL", "NGO", "EDU", "HLH", "ELI", "AGR", "LAB", "IGO", "UAF", "REF",
})

#: Which kind of match wins when two of the same length start at the same token.
PRIORITY: dict[str, int] = {"person": 0, "org": 1, "metonym": 2, "country": 3, "capital": 4,
                            "demonym": 5, "body": 6, "title": 7}

FILES: tuple[str, ...] = ("countries.yaml", "organizations.yaml", "titles.yaml", "people.yaml",
                          "lexicon.yaml")

#: Territories and codes in use that pycountry does not list as ISO 3166-1.
EXTRA_ISO3: frozenset[str] = frozenset({"XKX"})

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+|[^\w\s]")

#: "Vice President", "Deputy Prime Minister": not the top office their last words name.
_SUBORDINATE = re.compile(r"\b(?:vice|deputy|assistant|under|acting|interim)\b|-elect\b")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _fold(word: str) -> str:
    """Lower-case, strip accents and unify apostrophes: 'Élysée' and 'Elysee' look alike."""
    word = word.replace("\u2019", "'").replace("\u2018", "'")
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) for each word, abbreviation ('U.S.') or punctuation mark."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _key(text: str) -> tuple[str, ...]:
    return tuple(_fold(t) for _, _, t in tokenize(text))


def _case_pattern(text: str) -> tuple[int, ...]:
    """Per token: 2 = must be all capitals (acronyms), 1 = must be capitalised, 0 = free."""
    out = []
    for _, _, tok in tokenize(text):
        letters = [c for c in tok if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 5:
            out.append(2)
        elif letters and letters[0].isupper():
            out.append(1)
        else:
            out.append(0)
    return tuple(out)


def plural(phrase: str) -> str:
    """English plural of a role noun's last word ('prime minister' -> 'prime ministers')."""
    head, _, last = phrase.rpartition(" ")
    lower = last.lower()
    if lower.endswith("man"):
        new = last[:-3] + "men"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        new = last[:-1] + "ies"
    elif lower.endswith(("s", "sh", "ch", "x", "z")):
        new = last + "es"
    else:
        new = last + "s"
    return f"{head} {new}" if head else new


def _demonym_plural(word: str) -> str | None:
    lower = word.lower()
    if lower.endswith(("ese", "sh", "ch", "ss", "s", "i-kiribati", "x", "z")):
        return None
    if lower.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def parse_date(value: Any, end: bool = False) -> dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (or a YAML date) -> date; ``end`` takes the last day."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DATE.match(str(value).strip())
    if not m:
        raise ValueError(f"bad date {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    try:
        if m.group(3):
            return dt.date(year, month, int(m.group(3)))
        day = calendar.monthrange(year, month)[1] if end else 1
        return dt.date(year, month, day)
    except (ValueError, calendar.IllegalMonthError) as exc:
        raise ValueError(f"bad date {value!r} ({exc})") from exc


def as_date(value: str | dt.date | None) -> dt.date | None:
    """An article's publication date (ISO string or date) -> date, None if absent or bad."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value)[:10])
    except ValueError:
        log.warning("unreadable publication date %r; roles are resolved without it", value)
        return None


def _valid_iso3(code: Any) -> bool:
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
        return False
    if code in EXTRA_ISO3:
        return True
    import pycountry
    return pycountry.countries.get(alpha_3=code) is not None


def _case_ok(case: tuple[int, ...], surfaces: Iterable[str]) -> bool:
    """Does the text respect the alias's capitals ('US' is not 'us', 'Turkey' not 'turkey')?"""
    for need, tok in zip(case, surfaces):
        if need == 2 and not tok.isupper() and not (
                len(tok) >= 4 and tok[:1].isupper() and tok[1:].islower()):
            return False  # "Nato", "Farc": the house style that writes a spoken acronym as a word
        if need == 1 and not tok[:1].isupper():
            return False
    return True
