"""Bylines, timestamps, credits and author notes: the lines that say who wrote a story and when.

Why apart: these tests read one line's shape ("Posted 14 June", "Ana Ruiz, frontier
correspondent", "Reuters", "12:05 BST") and are shared by the per-line classifier and the
header/footer zones of ``text``; they are small, pure and tested through ``clean_text``.
"""
from __future__ import annotations

import re

from .lines import ends_terminal, words
from .rules import CleanRules

_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
#: A clock time ("19:20", "7.05pm", "11am") or a relative one ("3 hours ago") on its own line:
#: live blogs put one above every entry.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b\.?"
                    r"|\b\d+\s*(?:m|min|mins|minutes?|h|hrs?|hours?|days?)\s+ago\b"
                    r"|\b\d{1,2}[.h]\d{2}\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|[A-Z]{2,4}T)\b",
                    re.IGNORECASE)
#: "An hour ago", "a few minutes ago" (live-blog entry times in words).
_WORDED_AGO = re.compile(r"^\s*(?:updated\s+|posted\s+)?(?:an?|one|a\s+few)\s+"
                         r"(?:seconds?|minutes?|mins?|hours?|days?)\s+ago\s*$", re.IGNORECASE)

#: "Ana Ruiz", "Ivo van Berg": a person's name alone on a line.
NAME_ONLY = re.compile(r"^[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|van|von|de|da|al|el|bin)){1,3}$")

#: An e-mail address or a telephone number: a contact line of a press release.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"(?:\+|\btel\b\.?:?\s*|\bphone\b:?\s*)\(?\d[\d\s().-]{6,}\d", re.IGNORECASE)
#: "Ana Ruiz is a senior correspondent for the Ledger ...": an author box, by its shape.
NAMED_BIO = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+(?:is|was)\s+"
                        # "is a/the/our ...", "is Regional Affairs Editor at ..." (a capitalised title)
                        r"(?:(?:a|an|the|our|their)\s|(?=[A-Z]))"
                        r"[^.]{0,80}\b(?i:correspondent|reporter|journalist|editor|writer|producer|"
                        r"columnist|contributor|photographer|fellow|researcher|analyst|professor|"
                        r"lecturer|author)s?\b"
                        # "Ana Ruiz reports on security for the Ledger.", "... writes about ..."
                        r"|^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:reports|writes|covers)"
                        r"\s+(?:on\s+|about\s+|from\s+)?[^.]{0,80}\bfor\s+(?:the\s+)?[A-Z]")
#: "© Ledger 2024", "Copyright © 2019 Ledger Media", "(c) Copyright Wire 2003": a copyright
#: line (a photo credit "© Ana Ruiz/Wire" carries no year and is caught as a credit first).
COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)\s|copyright\s+(?:©|\(c\)|\d{4}\b)"
                       r"|copyright\s+[A-Z][\w.&'’ -]{0,40}\s(?:19|20)\d\d\b)"
                       r"|^[^©]{0,60}©[^©]{0,60}\b(?:19|20)\d\d\b", re.IGNORECASE)
#: "— Wirelink", "- AFP": a source's sign-off, a dash then one to four names, alone.
SIGN_OFF = re.compile(r"^\s*[—–-]{1,2}\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*$")
#: "Ana Ruiz in Kabul and Ivo Berg in Islamabad", "Ana Ruiz, Ivo Berg and agencies": the
#: names of the reporters (two or three capitalised words each), where they filed from.
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|van|von|de|da|al|el|bin)){1,2}"
_PLACE = r"(?:\s+in\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?"
REPORTER_NAMES = re.compile(rf"^\s*{_NAME}{_PLACE}(?:\s*(?:,|\band\b)\s*(?:{_NAME}{_PLACE}"
                            r"|agencies|wire services|news agencies))+\s*$")
#: "4 min read", "Reading time: 4 minutes": the page's estimate of the reading time.
READING_TIME = re.compile(r"\b\d+\s*-?\s*min(?:ute)?s?\.?\s+read\b|^\s*reading\s+time\b",
                          re.IGNORECASE)
#: "WASHINGTON (AP) —" alone: a dateline left on a line of its own.
LONE_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s*$")
#: "(Adds comment from ministry in paragraphs 6-7)", "UPDATE 3-Council urges ...": a wire's
#: note on its own versions, or the version slug before a headline.
WIRE_ADVISORY = re.compile(r"^\s*\(\s*(?:adds|updates?|recasts|corrects|changes|rewrites|refiles|"
                           r"repeats|fixes|removes|inserts|writes\s+through|tops)\b[^()]*\)\s*$"
                           r"|^\s*(?:UPDATE|REFILE|CORRECTED|WRAPUP|RPT)\s*\d*\s*-\s*\S",
                           re.IGNORECASE)
#: "mp/ar", "bur-jm/ach": the initials of a wire's editors closing its copy.
EDITOR_INITIALS = re.compile(r"^\s*[a-z]{1,5}(?:\s*[/-]\s*[a-z]{1,5}){1,4}\s*$")
#: "Ana Ruiz Published: 07.12.06, 10:23": a name or place then a labelled timestamp.
LABELLED_STAMP = re.compile(r"\b(?:published|updated|posted|last\s+updated|first\s+published)"
                            r"\s*:\s*\S*\d", re.IGNORECASE)
#: "Ledger writers Ana Ruiz in Ostraven and Ivo Berg contributed.": the wire's credit line.
CONTRIBUTED = re.compile(r"\b(?:writers?|reporters?|correspondents?|journalists?|staff)\b[^\n]*"
                          r"\bcontributed(?:\s+(?:reporting|to\s+this\s+\w+))?\s*\.?\s*$",
                          re.IGNORECASE)


#: Names (outlet, section, place) a date line may carry beside its date.
_NAMED_DATE_WORDS = 4


def has_stamp(s: str) -> bool:
    """Does the line hold a numeric date or a clock time ('06/05/2024', '11:40', '7.05pm')?"""
    return bool(_NUMERIC_DATE.search(s) or _CLOCK.search(s))


def is_date_line(s: str, r: CleanRules) -> bool:
    """A timestamp line: a date (and time, zone, weekday) with at most one other word."""
    if _WORDED_AGO.match(s):
        return True
    if not re.search(r"\d", s) or words(s) > 12:
        return False
    calendar = bool(_NUMERIC_DATE.search(s)
                    or re.search(r"\b(?:" + r.month_re + r")\b\.?\s*\d|\d\s*(?:" + r.month_re
                                 + r")\b", s, re.IGNORECASE))
    if not (calendar or re.fullmatch(r"\s*\d{4}\s*", s) or _CLOCK.search(s)):
        return False
    tokens = re.findall(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?", s)
    unknown = [t for t in tokens if t.lower().rstrip(".") not in r.date_words
               and t.lower() not in r.date_words]
    if len(unknown) <= 1:
        return True
    # "Ahram Online, Wednesday 8 Jul 2020", "WIRE NEWS - Oct 4, 2022 - 07:42 | World": the
    # outlet's or section's name beside a calendar date; a clause has lowercase words.
    return calendar and len(unknown) <= _NAMED_DATE_WORDS and not ends_terminal(s) \
        and all(t[0].isupper() for t in unknown)


#: "By Ana Ruiz, ...", "By Ana Ruiz and Ivo Berg in Ostraven": names right after "By".
_BY_NAMES = re.compile(r"^\s*by\s+(?P<first>[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3}"
                       r"\s*(?:$|,|\||\band\b|\bin\b|\bfor\b)", re.IGNORECASE)


def credit_prefix(s: str, r: CleanRules) -> bool:
    """'Posted 14 June', 'Source: Wire', 'Edited by Ana Ruiz': a byline or timestamp opener
    followed by what such lines hold (a mark, a number, a name, "by"/"on"/"at"), not by the
    rest of a phrase ("Source of the trouble ...", "Updated maps show ...")."""
    m = r.other_prefix.match(s)
    if not m:
        return False
    rest = s[m.end():].lstrip()
    if m.group(0).lower().rstrip().endswith(" by"):  # "Posted by", "Edited by": a credit
        return True
    return not rest or rest[0] in ":|-–—·,(" or rest[0].isdigit() or rest[0].isupper() \
        or bool(re.match(r"(?:by|on|at|in)\s", rest, re.IGNORECASE))


def header_byline(s: str, r: CleanRules) -> bool:
    """A long byline above the story; 'By nightfall, ...' or 'By Tuesday, ...' opens a standfirst."""
    if not re.match(r"^\s*by\b", s, re.IGNORECASE):
        return True
    m = _BY_NAMES.match(s)
    return bool(m) and m.group("first")[:1].isupper() \
        and m.group("first").lower() not in r.date_words


def role_line(s: str, r: CleanRules) -> bool:
    """'Frontier correspondent', 'Ana Ruiz, political editor, in Ostraven': a job that closes
    the line or is followed only by where or for whom ("Reporters detained ..." is a clause)."""
    for m in r.role.finditer(s):
        rest = s[m.end():]
        if m.start() > 0 and (not rest.strip()
                              or re.match(r"\s*(?:,|\bin\b|\bat\b|\bfor\b)", rest)):
            return True
    return False


def wire_only(s: str, r: CleanRules) -> bool:
    """'Reuters', 'AFP/AP', '(Reuters, AFP)': only wire agency names: the story's source line."""
    parts = [p for p in re.split(r"\s*(?:[/,&|]|\band\b)\s*", s.strip(" .()[]—–-")) if p]
    return bool(parts) and len(parts) <= 4 and all(
        p.lower() in r.agency_words and p.lower() not in r.picture_agency_words for p in parts)


__all__ = ["is_date_line", "has_stamp", "credit_prefix", "header_byline", "role_line", "wire_only",
           "NAME_ONLY", "NAMED_BIO", "CONTRIBUTED", "EMAIL", "PHONE", "COPYRIGHT", "SIGN_OFF",
           "EDITOR_INITIALS", "LABELLED_STAMP", "REPORTER_NAMES", "READING_TIME",
           "LONE_DATELINE", "WIRE_ADVISORY"]
