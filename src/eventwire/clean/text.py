"""Separate an article's body from its captions, tag lines, promos and page furniture.

Why line-based: pasted and scraped articles keep page furniture on lines of their own (menus,
share bars, captions, "Related:" links), while body paragraphs are sentences. Each line is first
judged alone from its shape and cue words (``data/clean.yaml``; picture marks in ``captions``),
then in context: a credit line takes the short line above it, a picture marker the line below,
a tag line the caption below it, a list label its items, and the lines before the first / after
the last body paragraph are the page's header and footer. Last come the position rules of
``shapes`` (runs of headlines, repeated interface lines, label links, pull quotes, the end of
a press release). Everything taken out is returned in ``removed``; nothing is silently lost.
"""
from __future__ import annotations

import logging
import re
from collections import Counter

from ..model import Cleaned, Removed
from .attached import mark_attached, mark_file_links, mark_page_notes, mark_slide_captions
from .bylines import (NAME_ONLY as _NAME_ONLY, NAMED_BIO as _NAMED_BIO, COPYRIGHT as _COPYRIGHT,
                      SIGN_OFF as _SIGN_OFF, EDITOR_INITIALS as _EDITOR_INITIALS,
                      LABELLED_STAMP as _LABELLED_STAMP, REPORTER_NAMES as _REPORTER_NAMES,
                      READING_TIME as _READING_TIME, LONE_DATELINE as _LONE_DATELINE,
                      WIRE_ADVISORY as _WIRE_ADVISORY,
                      CONTRIBUTED as _CONTRIBUTED, EMAIL as _EMAIL, PHONE as _PHONE)
from .bylines import credit_prefix as _credit_prefix, header_byline as _header_byline
from .bylines import is_date_line as _is_date_line, role_line as _role_line
from .bylines import wire_only as _wire_only
from .captions import caption_shape, names_only, reads_as_report
from .glued import addresses_reader, split_glued
from .lines import CLOSERS, Line, ends_terminal, has_quote, sentences, split_lines, words
from .rules import CleanRules, load_rules
from .shapes import (label_link, mark_comment_section, mark_entry_intros, mark_headline_runs,
                     mark_label_links, mark_label_lists, mark_orphan_labels, mark_pull_quotes,
                     mark_release_end, mark_repeated)

log = logging.getLogger(__name__)

_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s*\|\s*")
_BREADCRUMB = re.compile(r"\S\s+[>»›]\s+\S|^[A-Z][\w&' -]{0,25}(?:\s+/\s+[A-Z][\w&' -]{0,25}){2,}$")
_TIMECODE = re.compile(r"\b\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}\b")
#: A line that is a bare web address, or an embedded post's signature
#: ("— Ana Ruiz (@anaruiz) March 3, 2024", "pic.twitter.com/x1y2").
_LINK_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$|\(@\w{1,30}\)|\bpic\.twitter\.com/"
                        r"|\s(?:https?://|www\.)\S+\s*$|^\s*list\s+(?:of\s+)?\d+(?:\s+of\s+\d+"
                        r"|\s+items?)\s*$"
                        r"|^\s*[—–-]\s*[^\s@]+(?:\s+[^\s@]+){0,4}\s+@\w{1,30}\b")
_COUNTER_LINE = re.compile(r"^\s*(?:\d+\s+(?:comments?|talkbacks?|responses|replies)"
                           r"|(?:comments?|talkbacks?|responses|replies)"
                           r"(?:\s+(?:for|on|to)\s+this\s+\w+)?\s*[:(\[]?\s*\d+\s*[)\]]?)\s*$",
                           re.IGNORECASE)
_FORM_FIELDS = re.compile(r"\w\s*\*(?:\s|$).*\w\s*\*(?:\s|$)")
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.){2,}[\"'”’)]*$")
_TAG_ITEM = re.compile(r"^[a-z0-9][a-z0-9&'’.+-]*(?:\s[a-z0-9&'’.+-]+){0,2}$")


def _is_tag_list(s: str) -> bool:
    if ends_terminal(s) or "," not in s:
        return False
    items = [i.strip() for i in s.split(",")]
    return 3 <= len(items) <= 30 and all(_TAG_ITEM.match(i) for i in items)


def _share_button(s: str, r: CleanRules) -> bool:
    """'Share on WhatsApp', 'Click to share on X (Opens in new window)', 'Tweet this':
    a verb of sharing and a social network's name in one short fragment."""
    tokens = re.findall(r"[\w+]+", s.lower())
    return bool(re.search(r"\b(?:share|shared|tweet|send|post|pin|email)\b", s, re.IGNORECASE)) \
        and any(t in r.social_words and t not in ("share", "email", "print", "comments")
                for t in tokens)


def _label_key(s: str) -> str:
    return re.sub(r"[^\w\s'+]", " ", s.lower()).strip()


def _pipe_kind(s: str, r: CleanRules) -> str | None:
    """Menus, share bars and bylines made of short items: 'Share: Facebook | X | Email'."""
    segments = [seg.strip(" :") for seg in _SEPARATORS.split(s) if seg.strip(" :")]
    if len(segments) < 2:
        return None
    if any(len(seg.split()) > r.short_fragment_words for seg in segments):
        return None
    if len(segments) == 2 and ends_terminal(s):
        return None
    return "nav"


def _credit_tail(s: str, r: CleanRules) -> bool:
    """Does the line end with a photo credit ('Photo: AFP', '(AP Photo)', 'Name/Agency')?"""
    if has_quote(s[-60:]) and not r.credit_label_tail.search(s):
        return False
    label = r.credit_label_tail.search(s)
    if label and words(label.group("credit")) <= 10:
        return True
    return bool(r.paren_credit.search(s) or r.paren_label_credit.search(s)
                or r.name_slash_credit.search(s) or r.agency_tail.search(s))


def _classify(line: Line, r: CleanRules) -> None:
    """Judge one line alone; sets ``kind`` (and flags) when it is furniture."""
    s = line.text
    n = words(s)
    frag = not ends_terminal(s)
    quoted = has_quote(s)

    def mark(kind: str, why: str) -> None:
        line.kind, line.why = kind, why

    if not re.search(r"[^\W_]", s):
        return mark("other", "decoration")
    if _EDITOR_INITIALS.match(s) or _SIGN_OFF.match(s) or _LONE_DATELINE.match(s):
        return mark("other", "sign-off")
    if n <= 25 and _WIRE_ADVISORY.match(s):
        return mark("other", "wire advisory")
    if frag and n <= 16 and _REPORTER_NAMES.match(s):
        return mark("other", "byline")
    if n <= 8 and _READING_TIME.search(s):
        return mark("nav", "reading time")
    shape = caption_shape(s, r)
    if shape is not None:
        line.marker, line.credit_only, line.caption_text = shape.marker, shape.credit, shape.text
        return mark("caption", shape.why)
    if frag and n <= 20 and _LINK_ONLY.search(s):
        return mark("nav", "link or social embed")
    if r.caption_marker.match(s):
        return mark("caption", "caption marker")
    if r.caption_prefix.match(s):
        if r.credit_only.match(s) and n <= 10 and sentences(s) == 1:
            line.credit_only = True
            return mark("caption", "credit line")
        return mark("caption", "caption prefix")
    if r.comma_prefix.match(s) and n <= 60:
        if "caption" not in r.comma_prefix.match(s).group(0).lower():
            line.credit_only = n <= 10
        return mark("caption", "caption label")
    if n <= 8 and _wire_only(s, r):
        line.wire = True  # "Reuters" alone: a source line, or the credit of a caption above
        return mark("other", "wire agency line")
    if n <= 6 and s.strip(" .()[]").lower() in r.picture_agency_words:
        line.credit_only = True  # "Getty Images", "(Shutterstock)": the credit of a picture
        return mark("caption", "picture agency credit")
    bracketed = re.fullmatch(r"[(\[]\s*([^()\[\]]+?)\s*[)\]]", s)
    if bracketed and n <= 5 and names_only(bracketed.group(1)) \
            and re.search(r"[A-Z]", bracketed.group(1)):
        line.wire = True  # "(Xinyu)", "(ST)": the source in brackets, or a photo's credit
        return mark("other", "source in brackets")
    if re.fullmatch(r"\[[^\[\]]+\]", s):
        return mark("nav", "embed placeholder")
    if r.media_prefix.match(s) or (_TIMECODE.search(s) and n <= 15):
        return mark("nav", "media player")
    if r.gallery.match(s) and frag:
        return mark("nav", "gallery")
    if r.tags_label.match(s) and n <= 60:
        return mark("tags", "tag label")
    if _is_tag_list(s):
        line.tag_list = True
        return mark("tags", "keyword list")
    if r.related_label.match(s) and n <= 40:
        return mark("nav", "related link")
    if r.related_label_only.match(s):
        line.list_label = True
        return mark("nav", "list label")
    if frag and _BREADCRUMB.search(s) and n <= 12:
        return mark("nav", "breadcrumb")
    if n <= 120 and _credit_tail(s, r):
        if (r.credit_only.match(s) and n <= 10) or (n <= 6 and r.name_slash_credit.match(s)):
            line.credit_only = True
        return mark("caption", "photo credit")
    if r.note_label.match(s):
        return mark("other", "editorial note")
    if n > r.max_furniture_words:
        return None
    if n <= 25 and _COPYRIGHT.match(s):
        return mark("nav", "copyright line")
    if frag and n <= 8 and _share_button(s, r):
        return mark("nav", "share button")
    if (r.bio_opener.match(s) or _NAMED_BIO.match(s)) and sentences(s) <= 2:
        line.bio = True  # "The writer is ...": an author note if it sits in the footer
    if n <= 40 and "contributed" in s.lower() and _CONTRIBUTED.search(s):
        return mark("other", "contributors' credit")
    strong = r.other_strong.search(s)
    if strong and (not quoted or strong.start() == 0):
        return mark("other", "credit/archive note")
    if r.nav_strong.search(s) and not quoted:
        return mark("nav", "page furniture phrase")
    if r.nav_fragment_strong.search(s) and not quoted and (frag or n <= 8):
        return mark("nav", "page furniture phrase")
    if _COUNTER_LINE.match(s):
        return mark("nav", "comment counter")
    if n <= 15 and not quoted and (_EMAIL.search(s) or _PHONE.search(s)):
        return mark("other", "contact line")
    if "(" in s and n <= 40 and not quoted and r.position_paren.search(s) and sentences(s) <= 2:
        return mark("caption", "picture with positions")
    if r.promo_cue.search(s) and not quoted and (frag or addresses_reader(s, r)):
        return mark("promo", "promo cue")
    if r.promo_reader_cue.search(s) and not quoted and addresses_reader(s, r) and n <= 25:
        return mark("promo", "promo cue")
    if frag and n <= 20 and _credit_prefix(s, r):
        if not re.match(r"^\s*by\b", s, re.IGNORECASE) or n <= 8:
            return mark("other", "byline/timestamp")
    if _is_date_line(s, r) or (n <= 12 and not quoted and _LABELLED_STAMP.search(s)):
        return mark("other", "date line")
    if frag and n <= 8 and not quoted and _role_line(s, r):
        return mark("other", "byline")
    if _pipe_kind(s, r):
        return mark("nav", "menu/share line")
    if frag and _BREADCRUMB.search(s) and n <= 12:
        return mark("nav", "breadcrumb")
    if _label_key(s) in r.nav_labels:
        return mark("nav", "interface label")
    if _FORM_FIELDS.search(s) and n <= 12:
        return mark("nav", "form fields")
    return None


def _is_body(line: Line, r: CleanRules) -> bool:
    """A body paragraph anchors the header/footer zones (a headline ending 'U.S.' does not)."""
    s = line.text
    if line.kind is not None or line.bio or words(s) < r.body_min_words \
            or not ends_terminal(s):
        return False
    return not (_ABBREV_END.search(s) and sentences(s) == 1 and words(s) <= 20)


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


def _context(lines: list[Line], r: CleanRules, first_body: int) -> None:
    """Decide lines by their neighbours: credits, tag lines, list labels, duplicates."""
    group = 0
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i > 0 else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if line.kind == "caption" and line.caption_group < 0:
            group += 1
            line.caption_group = group
        # "Residents inspect a damaged house.\nPhoto: AFP": the credit takes the line above.
        if line.credit_only and prev is not None and prev.kind is None:
            alone = prev.block != line.block and sum(1 for x in lines if x.block == prev.block) == 1
            # above the story a lone line across a blank one must end like a caption sentence
            # (an unpunctuated one there is the headline)
            alone = alone and (i - 1 > first_body or ends_terminal(prev.text))
            if (prev.block == line.block or alone) and _caption_above(prev, line) \
                    and not _closing_line(lines, i, r):
                prev.kind, prev.why, prev.caption_group = "caption", "line above a credit", \
                    line.caption_group
        # "Photo: Navy handout" then its caption on the next line of the same block.
        if line.credit_only and (prev is None or prev.kind != "caption") and nxt is not None \
                and nxt.kind is None and nxt.block == line.block and _caption_above(nxt, line):
            nxt.kind, nxt.why, nxt.caption_group = "caption", "line below a credit", \
                line.caption_group
        # "[Image]" or "Image caption" alone: the picture's caption is the short line below
        # it, else the short line above it; a line of the marker's own block comes before one
        # across a blank line (a story paragraph, opened by a dateline or long, is never taken).
        if line.kind == "caption" and (line.marker or not _strip_caption_marks(line.text, r)):
            below = nxt is not None and nxt.kind is None and _marker_caption(nxt, line, r)
            above = prev is not None and prev.kind is None and _marker_caption(prev, line, r) \
                and i - 1 > first_body
            if below and (nxt.block == line.block or not (above and prev.block == line.block)):
                nxt.kind, nxt.why, nxt.caption_group = "caption", "line below an image marker", \
                    line.caption_group
            elif above:
                prev.kind, prev.why, prev.caption_group = "caption", "line above an image marker", \
                    line.caption_group
        # "Soldiers patrol the port on Sunday\nAFP": a wire name credits the unpunctuated
        # line above it, or the line above in its own block; a story's closing sentence,
        # in a paragraph of its own, keeps its full stop and stays.
        if line.wire and prev is not None and prev.kind is None and i - 1 > first_body \
                and words(prev.text) <= 30 and sentences(prev.text) == 1 \
                and not has_quote(prev.text) \
                and (prev.block == line.block or not ends_terminal(prev.text)) \
                and _caption_sized(prev.text) and words(prev.text) >= 4:
            group += 1
            line.kind, line.why, line.caption_group = "caption", "wire credit of a photo", group
            prev.kind, prev.why, prev.caption_group = "caption", "line above a credit", group
        # "us, army, helicopter" then the photo's caption on the next line of the block.
        if line.tag_list and nxt is not None and nxt.kind is None and nxt.block == line.block \
                and words(nxt.text) <= 120:
            group += 1
            nxt.kind, nxt.why, nxt.caption_group = "caption", "line below a tag line", group
        # "See also:" then a list of headlines in the same block.
        if line.list_label or (line.kind == "nav" and line.text.rstrip().endswith(":")):
            j = i + 1
            while j < len(lines) and lines[j].block == line.block and lines[j].kind is None \
                    and (not ends_terminal(lines[j].text) or words(lines[j].text) <= 15):
                lines[j].kind, lines[j].why = "nav", "item of a link list"
                j += 1
    # "Ana Ruiz" over "Frontier correspondent": the name belongs to the byline below it.
    for i in range(1, len(lines)):
        prev = lines[i - 1]
        if lines[i].why == "byline" and prev.kind is None and _NAME_ONLY.match(prev.text):
            prev.kind, prev.why = "other", "name of a byline"
    # A caption printed twice (once without its credit): the copy is a caption too.
    for i, line in enumerate(lines):
        if line.kind is not None:
            continue
        for k in (i - 1, i + 1):
            if 0 <= k < len(lines) and lines[k].kind == "caption":
                a = re.sub(r"\W+", " ", line.text).strip().lower()
                b = re.sub(r"\W+", " ", lines[k].text).strip().lower()
                if a and (b.startswith(a) or a.startswith(b)) and min(len(a), len(b)) >= 20:
                    line.kind, line.why = "caption", "duplicate of a caption"
                    line.caption_group = lines[k].caption_group
                    break


#: Caption groups of credits found after the context pass (kept apart from its numbering).
_STANDALONE_GROUP = 1_000_000


#: "OSTRAVEN — ...", "KABUL (Reuters) -": a dateline opens a story paragraph, not a caption.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s")


def _marker_caption(near: Line, marker: Line, r: CleanRules) -> bool:
    """Is the line next to a bare picture marker that picture's caption?

    In the marker's own block, any caption-sized line is; across a blank line only one that
    does not read as a story paragraph (a long sentence with a full stop may be the next
    paragraph of a picture that had no caption).
    """
    s = near.text
    if not _caption_sized(s) or _DATELINE.match(s):
        return False
    return near.block == marker.block or not (_is_body(near, r) or reads_as_report(s))


def _caption_sized(s: str) -> bool:
    """Short enough to be a picture's caption: one or two sentences, at most 40 words."""
    return words(s) <= 40 and sentences(s) <= 2


#: A caption above a credit, across a blank line and closed by a full stop, is short: a
#: longer one-sentence paragraph there is the story's own (often its closing line).
_CAPTION_ACROSS_WORDS = 20


#: "have blocked roads", "would be reviewed": a perfect or a modal narrates the story's
#: time line; a caption describes the moment of the picture (present tense or no verb).
_NARRATED = re.compile(r"\b(?:has|have|had)\s+(?:not\s+|never\s+|already\s+|also\s+)?"
                       r"(?:been\s+)?[a-z]+(?:ed|en|n|t)\b"
                       r"|\b(?:will|would|could|should|might|must)\s+(?:not\s+)?[a-z]+\b")


def _caption_above(prev: Line, credit: Line) -> bool:
    """May the line above a photo credit be that photo's caption?

    One sentence of at most 30 words. Across a blank line it must also read as a caption:
    no quotation or speech verb (a story paragraph reports what was said), no perfect or
    modal verb (the story's narration, ``_NARRATED``) and, when it
    ends with a full stop, at most ``_CAPTION_ACROSS_WORDS`` words.
    """
    s = prev.text
    if words(s) > 30 or sentences(s) != 1:
        return False
    if prev.block == credit.block:
        return True
    return not reads_as_report(s) and not _NARRATED.search(s) \
        and (not ends_terminal(s) or words(s) <= _CAPTION_ACROSS_WORDS)


#: "Ilse Marn for the Coast Courier", "Tom Hale via Harbour TV": a photographer's name (two
#: or three capitalised words) credited to an outlet.
_NAME_FOR_OUTLET = re.compile(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}\s+(?:for|via)\s+"
                              r"(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}")


def _closing_line(lines: list[Line], credit_at: int, r: CleanRules) -> bool:
    """Is the paragraph above this credit, across a blank line, the story's closing line?

    Below the last paragraph a lone credit is that of a picture printed at the foot (or of
    the lead picture, moved there by the copy); the paragraph above it is the story's own.
    """
    prev = lines[credit_at - 1]
    return prev.block != lines[credit_at].block and _is_body(prev, r) \
        and not any(_is_body(x, r) for x in lines[credit_at + 1:])


def _standalone_credits(lines: list[Line], r: CleanRules, first_body: int) -> None:
    """'Anna Kis/AFP', 'Getty Images', 'Anna Kis for the Ledger' alone in the story: a credit.

    It takes the one-sentence line above it as the caption it belongs to. Above the first
    body paragraph the same line is the wire's byline ("Reuters"), left to the header zone.
    """
    for i in range(first_body + 1, len(lines)):
        line = lines[i]
        s = line.text
        if line.kind is not None or words(s) > 8 or ends_terminal(s) and not s.endswith("."):
            continue
        bare = s.rstrip(". ")
        agency = bare.lower() in r.picture_agency_words and words(s) <= 6
        slash = "/" in bare and bool(r.name_slash_credit.fullmatch(bare)) \
            and not _wire_only(bare, r) and words(s) <= 6
        if not (agency or slash or _NAME_FOR_OUTLET.fullmatch(bare)):
            continue
        line.kind, line.why, line.credit_only = "caption", "photo credit on its own line", True
        line.caption_group = _STANDALONE_GROUP + i
        prev = lines[i - 1]
        if i - 1 > first_body and prev.kind is None and not _closing_line(lines, i, r) \
                and _caption_above(prev, line):
            prev.kind, prev.why, prev.caption_group = "caption", "line above a credit", \
                line.caption_group


def _neighbourhood(lines: list[Line], r: CleanRules) -> None:
    """Short fragments amid furniture are furniture: menu items, button labels, video titles."""
    short = r.short_fragment_words + 2
    for i, line in enumerate(lines):
        if line.kind is not None or ends_terminal(line.text) or words(line.text) > short:
            continue
        prev = lines[i - 1] if i > 0 else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if prev and nxt and prev.kind and nxt.kind and prev.block == line.block == nxt.block:
            line.kind, line.why = prev.kind if prev.kind != "caption" else nxt.kind, "amid furniture"
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line)
    for members in blocks.values():
        kinds = Counter(m.kind for m in members if m.kind)
        removed = sum(kinds.values())
        if removed < 2 or removed * 2 < len(members):
            continue
        dominant = kinds.most_common(1)[0][0]
        for m in members:
            if m.kind is None and not ends_terminal(m.text) and words(m.text) <= short:
                m.kind, m.why = dominant, "in a furniture block"


def _headline_like(line: Line, r: CleanRules) -> bool:
    lo, hi = r.headline_words
    s = line.text
    core = s.rstrip(CLOSERS)
    ends_period = core.endswith(".") and not _ABBREV_END.search(core)
    return (line.kind is None and lo <= words(s) <= hi and not ends_period
            and any(c.isupper() for c in s[:1] + s))


def _body_span(lines: list[Line], r: CleanRules) -> tuple[int, int]:
    """Indexes of the first and last body paragraph (both ``len(lines)`` when there is none)."""
    body = [i for i, line in enumerate(lines) if _is_body(line, r)]
    return (body[0], body[-1]) if body else (len(lines), len(lines))


def _zones(lines: list[Line], r: CleanRules, title_hint: str | None) -> int | None:
    """Header and footer zones; returns the index of the headline line, if any."""
    first, last = _body_span(lines, r)
    body = first < len(lines)
    title_at: int | None = None
    if title_hint:
        title_at = next((i for i in range(first) if lines[i].kind is None
                         and _same(lines[i].text, title_hint)), None)
    if title_at is None and body:
        title_at = next((i for i in range(first) if _headline_like(lines[i], r)), None)
    for i in range(first):
        line = lines[i]
        if i == title_at or line.kind is not None:
            continue
        if line.bio:  # "Ana Ruiz is the Ledger's Africa correspondent." under the byline
            line.kind, line.why = "other", "author note in the page header"
            continue
        if title_at is not None and i > title_at and label_link(line, r):
            line.kind, line.why = "nav", "labelled link under the headline"
            continue
        if not ends_terminal(line.text) and words(line.text) <= r.short_fragment_words:
            is_credit = any(w.lower().strip(",.") in r.agency_words for w in line.text.split())
            line.kind, line.why = ("other", "agency line") if is_credit else ("nav", "page header")
        elif not ends_terminal(line.text) and words(line.text) <= 20 \
                and _credit_prefix(line.text, r) and _header_byline(line.text, r):
            line.kind, line.why = "other", "byline in the page header"
    for line in lines[last + 1:]:
        if line.kind is None and line.bio:
            line.kind, line.why = "other", "author note"
        if line.kind is None and words(line.text) < r.body_min_words and not has_quote(line.text) \
                and (re.search(r"\b(?:you|your)\b", line.text, re.IGNORECASE)
                     or (r.imperative.match(line.text)
                         and re.search(r"\b(?:here|now|today|us|our)\b", line.text, re.I))):
            line.kind, line.why = "promo", "appeal to the reader in the page footer"
        if line.kind is None and not ends_terminal(line.text) \
                and words(line.text) <= r.short_fragment_words:
            line.kind, line.why = "nav", "page footer"
    return title_at


def _strip_caption_marks(s: str, r: CleanRules) -> str:
    s = r.caption_marker.sub("", s)
    label = r.comma_prefix.match(s)
    if label and "caption" in label.group(0).lower():
        return s[label.end():].strip()
    if r.credit_only.match(s) and words(s) <= 10:
        return s.strip()  # "Photo: AFP" is a credit: keep its label
    return r.caption_prefix.sub("", s).strip()


def _paragraphs(kept: list[Line]) -> list[str]:
    """Rejoin kept lines: one paragraph per line, except lines hard-wrapped mid-sentence."""
    out: list[str] = []
    prev: Line | None = None
    for line in kept:
        s = line.text
        if prev is not None and out and prev.block == line.block:
            p = prev.text
            wrapped = (p.endswith("-") and p[-2:-1].isalpha()) or \
                (not ends_terminal(p) and not p.endswith(":") and s[:1].islower())
            if wrapped:
                out[-1] = out[-1] + ("" if p.endswith("-") else " ") + s
                prev = line
                continue
        out.append(s)
        prev = line
    return out


def clean_text(text: str, title: str | None = None, rules: CleanRules | None = None) -> Cleaned:
    """Body paragraphs joined by blank lines, with captions, promos and furniture set apart.

    ``title`` is the headline if already known (e.g. from a ``Title:`` header): a line equal
    to it at the top is taken as the headline rather than guessed.
    """
    r = rules or load_rules()
    lines = split_glued(split_lines(text or ""), r)
    for line in lines:
        _classify(line, r)
    mark_page_notes(lines)
    _context(lines, r, _body_span(lines, r)[0])
    _neighbourhood(lines, r)
    mark_repeated(lines, r)
    first, _ = _body_span(lines, r)
    _standalone_credits(lines, r, first)
    mark_label_links(lines, r, first)
    mark_label_lists(lines, r)
    mark_release_end(lines, r, first)
    mark_comment_section(lines, first)
    mark_entry_intros(lines)
    title_at = _zones(lines, r, title)
    first, last = _body_span(lines, r)
    mark_slide_captions(lines, first)
    mark_attached(lines, first, title_at)
    mark_file_links(lines)
    mark_pull_quotes(lines, title_at)
    mark_headline_runs(lines, r, first, last, title_at)
    mark_orphan_labels(lines, r, first)
    removed: list[Removed] = []
    captions: list[str] = []
    caption_groups: dict[int, int] = {}
    kept: list[Line] = []
    for i, line in enumerate(lines):
        if i == title_at:
            continue
        if line.kind is None:
            kept.append(line)
            continue
        log.debug("removed %s (%s): %s", line.kind, line.why, line.text[:80])
        removed.append(Removed(kind=line.kind, text=line.text))
        if line.kind == "caption":
            if line.marker:
                continue
            body = line.caption_text or _strip_caption_marks(line.text, r)
            if not body:
                continue
            if line.caption_group >= 0 and line.caption_group in caption_groups:
                at = caption_groups[line.caption_group]
                if not _same(body, captions[at]) and body.lower() not in captions[at].lower():
                    if captions[at].lower() in body.lower():
                        captions[at] = body
                    else:
                        captions[at] = f"{captions[at]} {body}"
            else:
                caption_groups[line.caption_group] = len(captions)
                captions.append(body)
    headline = lines[title_at].text if title_at is not None else None
    return Cleaned(text="\n\n".join(_paragraphs(kept)), captions=tuple(captions),
                   removed=tuple(removed), title=headline)


__all__ = ["clean_text", "ends_terminal"]
