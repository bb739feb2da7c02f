"""Page furniture recognised by its shape and position among the lines, not by its words.

Why: boxes of other stories' headlines ("Most read", "Don't miss", a numbered list at the
foot), repeated interface lines ("Share this post" after every live-blog entry) and
label-prefixed media links ("WATCH: ... (02:41)") come in endless wordings, but always in the
same shapes: runs of title-like lines with no final punctuation, the same short line over
and over, an all-caps label then a colon then a title. A single fragment between paragraphs
is a subheading and stays; a run of them, or one after a label, is a list of links. Each pass
here only sets ``kind``/``why`` on lines still kept, so every decision is reported in
``removed``.
"""
from __future__ import annotations

import re
from collections import Counter

from .lines import CLOSERS, Line, ends_terminal, has_quote, last_sentence, unnumbered, words
from .bylines import has_stamp
from .captions import reads_as_report
from .rules import CleanRules

#: Longest line (in words) still read as one headline of a list.
_TITLE_MAX_WORDS = 20
#: A lone title-like line this long inside the story is another story's headline: the
#: story's own subheadings are short ("Talks in doubt", "What comes next").
_STRAY_MIN_WORDS = 7
#: A label heading a list ("Key events", "TOP STORIES") has at most this many words.
_LABEL_MAX_WORDS = 4
#: "WATCH: ...", "IN PICTURES: ...": an all-caps label of one to three words, then a colon.
_CAPS_LABEL = re.compile(r"^(?:[A-Z][A-Z'’&-]+)(?:\s+[A-Z][A-Z'’&-]+){0,2}\s*:\s+\S")
#: "UPDATE: Police say three dead": an update to the story itself, not a link.
_UPDATE = re.compile(r"^\s*(?:UPDATE|UPDATED|LATEST|NEW)\s*:")
#: "Deaths: 4", "Turnout - 61%": a figure of a fact box, not a headline.
_FIGURE = re.compile(r"[:–—-]\s*[\d.,%$€£]+\s*\w{0,12}\s*$")
#: A media duration closing a link title: "(02:41)", "[3:05]".
_DURATION = re.compile(r"\s*[(\[]\d{1,2}:\d{2}(?::\d{2})?[)\]]\s*$")


#: A long line reporting in the past tense ("said", "told") is a story's sentence even
#: without its full stop; headlines report in the present ("says").
_PAST_REPORT = re.compile(r"\b(?:said|told|according to)\b")
_REPORT_MIN_WORDS = 10


def _key(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def title_like(line: Line, kept_only: bool = True, allow_bullets: bool = False) -> bool:
    """A (kept) line shaped like a headline: capitalised, 3-20 words, no final full stop.

    Bulleted lines are not: bullets mark key points and fact boxes that belong to the story.
    A question mark is allowed (headline lists hold questions), a colon or comma at the end
    is not (that line introduces or continues something).
    """
    if (kept_only and line.kind is not None) or (line.bulleted and not allow_bullets) \
            or _UPDATE.match(line.text):
        return False
    s = _DURATION.sub("", unnumbered(line))
    core = s.rstrip(CLOSERS + " ")
    if not core or core[-1] in ".!…:;,-–—":
        return False
    if not 3 <= words(s) <= _TITLE_MAX_WORDS or _FIGURE.search(s):
        return False
    if words(s) >= _REPORT_MIN_WORDS and _PAST_REPORT.search(s):
        return False  # "... told the crowd they would stay out - AFP": a story paragraph
    first = next((c for c in s if c.isalnum()), "")
    return first.isupper() or first.isdigit()


def _label_like(line: Line, r: CleanRules) -> bool:
    """A short heading of a list: "Key events", "DON'T MISS", "More from the series:"."""
    if line.list_label:
        return True
    s = line.text.rstrip(" :")
    if not s or ends_terminal(s) or words(s) > _LABEL_MAX_WORDS:
        return False
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or line.text.endswith(":")
                              or bool(r.related_label_only.match(s)))


def _related_intro(line: Line, r: CleanRules) -> bool:
    """A kept line whose last sentence opens a list of other stories ('More from the series:')."""
    if line.kind is not None or not line.text.rstrip().endswith(":"):
        return False
    tail = last_sentence(line.text)
    if words(tail) > 6:
        return False
    if r.related_label_only.match(tail):
        return True
    start = r.related_start.match(tail)  # "More from the series:" (not "Latest figures show:")
    return bool(start) and words(start.group(0)) >= 2


def mark_repeated(lines: list[Line], r: CleanRules) -> None:
    """The same short fragment printed again and again is an interface line.

    "Share this post" after every live-blog entry, "Advertisement" between paragraphs: a story
    does not repeat a fragment. Three copies are enough; two when the line reads like a button
    (at most three words, only its first word capitalised), since a live blog may repeat an
    entry's headline in its list of key events.
    """
    counts = Counter(_key(x.text) for x in lines)
    for line in lines:
        s = line.text
        if line.kind is not None or ends_terminal(s) or words(s) > r.short_fragment_words:
            continue
        n = counts[_key(s)]
        button = words(s) <= 3 and not any(c.isupper() for c in s.split(None, 1)[-1][1:]) \
            if words(s) > 1 else True
        if n >= 3 or (n >= 2 and button):
            line.kind, line.why = "nav", "repeated interface line"


def mark_label_links(lines: list[Line], r: CleanRules, first_body: int) -> None:
    """Single links inside a story: 'WATCH: The address (02:41)', 'Live: ...', '► Title'.

    A label, a colon and a title with no final punctuation is a link to a video, gallery or
    live page when the label is in capitals (any label: that is the shape) or one of the
    link labels of ``clean.yaml``; a line all in capitals is a box heading and stays. A
    title-like line opened by a link arrow is a link whatever its words. Only after the
    first body paragraph: above it, the same shape is the article's own headline
    ("MIDEAST: Riots spread ...", "Live: Troops cross the border").
    """
    for line in lines[first_body + 1:]:
        s = line.text
        if line.kind is not None or has_quote(s):
            continue
        if line.arrow and title_like(line):
            line.kind, line.why = "nav", "arrowed link"
            continue
        if label_link(line, r):
            line.kind, line.why = "nav", "labelled media link"


def label_link(line: Line, r: CleanRules) -> bool:
    """'WATCH: The address (02:41)', 'Live: Follow the rescue': a label, a colon, a title."""
    s = line.text
    if not any(c.islower() for c in s) or has_quote(s):
        return False
    labelled = (_CAPS_LABEL.match(s) and not _UPDATE.match(s)) or r.link_label.match(s)
    return bool(labelled) and not ends_terminal(_DURATION.sub("", s)) \
        and words(s) <= _TITLE_MAX_WORDS


def mark_label_lists(lines: list[Line], r: CleanRules) -> None:
    """The headlines listed under a 'Most read' / 'See also' label, across blank lines.

    Blank lines between the items (pages copied from HTML) do not end the list, and bulleted
    or numbered items count: under a label that names other stories they are links.
    """
    scanned = 0  # lines before this index are already judged: each line is visited once
    for i, line in enumerate(lines):
        if i < scanned or not (line.list_label or _related_intro(line, r)):
            continue
        if line.kind is None:
            line.kind, line.why = "nav", "label of a headline list"
        j = i + 1
        while j < len(lines) and (lines[j].kind == "nav" or (
                lines[j].kind is None and (title_like(lines[j], allow_bullets=True)))):
            if lines[j].kind is None:
                lines[j].kind, lines[j].why = "nav", "item of a link list"
            j += 1
        scanned = j


#: "About the Quenby Harbour Board", "About Stahl Marine:": the heading of an issuer's
#: standard description, which closes a press release (a proper name right after "About").
_ABOUT_ISSUER = re.compile(r"^About\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?"
                           r"(?:the\s+)?[A-Z][\w&.'’-]*){0,6}\s*:?\s*$")


def mark_release_end(lines: list[Line], r: CleanRules, first_body: int) -> None:
    """'###', '- ENDS -', 'Notes to editors', 'About <issuer>': the release is over.

    Issuers close the release with an end mark, then add their standard 'About us' text,
    notes and media contacts; none of it is news of the day. Only after the first body
    paragraph, so a mark in the page header ends nothing.
    """
    for i in range(first_body + 1, len(lines)):
        key = re.sub(r"[\s:.]+", " ", lines[i].text.lower()).strip(" -–—")
        if key in r.release_end or _ABOUT_ISSUER.match(lines[i].text):
            for line in lines[i:]:
                if line.kind is None or line is lines[i]:
                    line.kind, line.why = "other", "press release boilerplate"
            return


#: Pull quotes are short; at most this many candidates are checked (keeps long pages linear).
_PULL_QUOTE_WORDS = (6, 30)
_PULL_QUOTE_CANDIDATES = 200


def mark_pull_quotes(lines: list[Line], title_at: int | None) -> None:
    """A short line whose words are printed again inside a longer paragraph is a pull quote.

    Features set a striking sentence apart in large type; copied as text it becomes a
    duplicate paragraph (and a duplicate event). The longer paragraph is the story's own
    and stays; the headline is never compared.
    """
    long_keys = " | ".join(_key(x.text) for k, x in enumerate(lines)
                           if x.kind is None and k != title_at and words(x.text) > 12)
    line_keys = Counter(_key(x.text) for x in lines)
    checked = 0
    for k, line in enumerate(lines):
        lo, hi = _PULL_QUOTE_WORDS
        if line.kind is not None or k == title_at or not lo <= words(line.text) <= hi:
            continue
        checked += 1
        if checked > _PULL_QUOTE_CANDIDATES:
            return
        # compare without a closing attribution ("— Name, role")
        key = _key(re.sub(r"\s+[—–-]\s*[^—–-]{1,60}$", "", line.text))
        inside_self = words(line.text) > 12  # the line itself is among the long ones
        if len(key.split()) >= lo \
                and f" {long_keys} ".count(f" {key} ") > (1 if inside_self else 0) \
                and line_keys[key] <= (1 if key == _key(line.text) else 0):
            line.kind, line.why = "other", "pull quote (repeated passage)"


def _wrapped_on(lines: list[Line], end: int) -> bool:
    """Does the run ending before ``end`` continue into a sentence of the same block?

    A hard-wrapped paragraph breaks lines at any word, so several capitalised fragments in a
    row may be one sentence that ends with a full stop on the next line of the block.
    """
    if end >= len(lines) or end == 0:
        return False
    nxt, last = lines[end], lines[end - 1]
    return nxt.block == last.block and nxt.kind is None and (
        ends_terminal(nxt.text) or nxt.text[:1].islower())


def _caps_kicker(line: Line) -> bool:
    """A section kicker over a listed headline: 'WORLD', 'MIDDLE EAST' (kept, capitals)."""
    letters = [c for c in line.text if c.isalpha()]
    return line.kind is None and words(line.text) <= 3 and bool(letters) \
        and all(c.isupper() for c in letters) and not ends_terminal(line.text)


def _kicker(line: Line) -> bool:
    """A kept one- or two-word capitalised fragment: 'Opinion', 'Analysis', 'Middle East'."""
    s = line.text.strip()
    return line.kind is None and 1 <= words(s) <= 2 and s[:1].isupper() \
        and not ends_terminal(s) and not s.endswith(":")


def _strong_label(line: Line, r: CleanRules) -> bool:
    """A label that can only head a list: a list label, or capitals, or a closing colon."""
    if line.list_label:
        return True
    if line.kind not in (None, "nav", "promo") or not _label_like(line, r):
        return False
    return line.text.rstrip().endswith(":") or not any(c.islower() for c in line.text)


#: "... at the airport on Monday", "Protesters gathering outside ...": a caption tells when
#: the picture was taken or shows an action in progress; a headline does neither.
_SCENE = re.compile(r"\b(?:on|last|this)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                    r"sunday)\b|^\S+(?:\s+\S+){0,3}?\s+(?!during\b|morning\b|evening\b|"
                    r"thing\b|king\b|ring\b|bring\b|spring\b|string\b)[a-z]{2,}ing\s+"
                    r"(?:a|an|the|his|her|their|its|to|at|in|on|from|outside|past|near|through|"
                    r"into|with|for|up|down|out|off|across|along|behind)\b", re.IGNORECASE)


def _scene_caption(s: str) -> bool:
    """Does a lone title-like line read as a picture's caption rather than a headline?"""
    return bool(_SCENE.search(s)) and not reads_as_report(s)


def mark_headline_runs(lines: list[Line], r: CleanRules, first_body: int, last_body: int,
                       title_at: int | None) -> None:
    """Lists of headlines (related, most read, gallery, key events) by shape and position.

    A run of title-like lines goes when it holds three or more of them; two or more when it
    opens with or follows a short label ("Key events", "Top stories"); one or more after a
    label that can only head a list (capitals, a closing colon, a line introducing other
    stories). Any title-like line after the last body paragraph goes too (the page footer).
    Short furniture already taken out (a time, "2 hours ago", a menu item) and capitalised
    section kickers ("WORLD") may sit between the items without ending the run; only kept
    title-like lines count. A single short title-like line between paragraphs is a
    subheading and stays; one or two of seven words or more, full headline clauses, are
    links to other stories, except in a live blog, whose entries open with such headlines.
    The headline itself and a standfirst right under it always stay.
    """
    def bridge(k: int) -> bool:
        line = lines[k]
        return (line.kind in ("nav", "other") and words(line.text) <= 8) or _caps_kicker(line) \
            or (_kicker(line) and 0 < k < n - 1 and lines[k - 1].block == line.block
                == lines[k + 1].block)

    def member(k: int) -> bool:
        return k != title_at and (title_like(lines[k]) or bridge(k))

    # A live blog (several entry times) heads each entry with a headline: those stay.
    live_blog = sum(1 for x in lines[first_body + 1:]
                    if x.kind == "other" and x.why == "date line") >= 2
    n = len(lines)
    i = 0
    while i < n:
        if not member(i):
            i += 1
            continue
        j = i
        while j < n and member(j):
            j += 1
        while i < j and not title_like(lines[i]):  # leading furniture acts as a label
            i += 1
        run = [x for x in lines[i:j] if title_like(x)]
        if not run:
            i = j
            continue
        prev = lines[i - 1] if i > 0 else None
        after_label = prev is not None and (
            (prev.kind in ("nav", "promo")
             and (prev.list_label or words(prev.text) <= _LABEL_MAX_WORDS))
            or (prev.kind is None and _label_like(prev, r)))
        strong = prev is not None and (_strong_label(prev, r) or _related_intro(prev, r))
        labelled = _label_like(run[0], r) and len(run) >= 2
        # Two headlines on consecutive lines of one block: a story's subheading is followed
        # by its paragraph, not by another title.
        packed = len(run) >= 2 and len({x.block for x in lines[i:j]}) == 1
        footer = i > last_body
        stray = len(run) <= 2 and first_body < i < last_body and not live_blog \
            and all(words(x.text) >= _STRAY_MIN_WORDS and not x.text.rstrip().endswith("?")
                    for x in run)
        if strong or footer or stray or len(run) >= 3 \
                or (len(run) >= 2 and (after_label or labelled or packed)):
            if not _wrapped_on(lines, j) or footer:
                why = "headline in the page footer" if footer else "headline list"
                for line in lines[i:j]:
                    if line.kind is None:
                        line.kind, line.why = "nav", why
                if stray and len(run) == 1 and not (strong or after_label) \
                        and _scene_caption(run[0].text):
                    run[0].kind, run[0].why = "caption", "lone line describing a scene"
                if prev is not None and prev.kind is None and (strong or after_label):
                    prev.kind, prev.why = "nav", "label of a headline list"
                elif prev is not None and _kicker(prev) and prev.block == lines[i].block:
                    prev.kind, prev.why = "nav", "kicker of a listed headline"
        i = j


#: A paragraph of the story: a sentence ending with its full stop, at least this long.
_PARAGRAPH_WORDS = 12


def mark_orphan_labels(lines: list[Line], r: CleanRules, first_body: int) -> None:
    """A label in capitals that heads no list of its own is a box whose links were lost.

    "KEY STORIES", "TOP AFRICA STORIES NOW", "FEATURES, VIEWS, ANALYSIS": copied without
    their links, such headings sit right above a story paragraph (or end the page). A box
    heading of the story ("THE MEASURES") is followed by its own short items, and a
    subheading ("WHAT COMES NEXT") names no kind of page (``related.box_words``): both stay.
    """
    kept = [k for k in range(first_body + 1, len(lines)) if lines[k].kind is None]
    for pos, k in enumerate(kept):
        line = lines[k]
        s = line.text.rstrip(" :")
        letters = [c for c in s if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters) or ends_terminal(s) \
                or not 2 <= words(s) <= 8 or has_quote(s):
            continue
        if not (r.related_start.match(s) or any(w.lower().strip(",&") in r.box_words
                                                  for w in s.split())):
            continue
        nxt = lines[kept[pos + 1]] if pos + 1 < len(kept) else None
        if nxt is None or (ends_terminal(nxt.text) and words(nxt.text) >= _PARAGRAPH_WORDS):
            line.kind, line.why = "nav", "label heading no list"


def mark_entry_intros(lines: list[Line]) -> None:
    """'Here are the latest updates:' right above a live blog's first entry time.

    A short line that ends with a colon and is followed by a timestamp introduces the
    entries, not a statement of the story (a colon before a list of demands is followed by
    the list).
    """
    for k in range(len(lines) - 1):
        line, nxt = lines[k], lines[k + 1]
        if line.kind is None and line.text.rstrip().endswith(":") and words(line.text) <= 10 \
                and not has_quote(line.text) and nxt.kind == "other" \
                and (nxt.why == "date line" or has_stamp(nxt.text)) and words(nxt.text) <= 8:
            line.kind, line.why = "nav", "introduces live entries"


#: "Comments", "Comments (3)", "Reader comments": the heading of the readers' comments.
_COMMENTS_HEAD = re.compile(r"^\s*(?:\d+\s+)?(?:reader\s+|readers'?\s+|your\s+)?"
                            r"(?:comments?|talkbacks?"
                            r"|responses)\b[\s:(\[\d)\]]*$", re.IGNORECASE)


def mark_comment_section(lines: list[Line], first_body: int) -> None:
    """Readers' comments under the story: a 'Comments' heading, then signed, dated posts.

    A post reads like a sentence, so only its position tells it apart: everything after a
    comments heading that is followed (within two lines) by a byline or timestamp ("Posted
    by: Ana | 16 June 2024 14:02") is the comment section. A heading without such a post
    under it takes nothing.
    """
    for i in range(first_body + 1, len(lines)):
        if not _COMMENTS_HEAD.match(lines[i].text):
            continue
        after = lines[i + 1:i + 3]
        if any(x.kind == "other" and x.why in ("byline/timestamp", "date line")
               or (words(x.text) <= 8 and has_stamp(x.text)) for x in after):
            for line in lines[i:]:
                if line.kind is None:
                    line.kind, line.why = "other", "reader comments"
            return


__all__ = ["title_like", "label_link", "mark_orphan_labels", "mark_comment_section", "mark_entry_intros",
           "mark_repeated", "mark_pull_quotes", "mark_label_links",
           "mark_label_lists", "mark_release_end",
           "mark_headline_runs"]
