"""HTML page -> plain body text plus the page's own metadata (title, date, URL, site name).

Why the pre-pass: trafilatura keeps ``<figcaption>`` text inline with the body, where it reads
as a sentence of the article. Captions are lifted out of the tree first and appended as
``[Caption] ...`` lines, which ``clean_text`` moves to ``captions``; so they are kept, but apart.
Scripts, styles and other non-content markup are dropped before any text is read.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from lxml import etree, html as lxml_html

log = logging.getLogger(__name__)

#: Elements whose text is never article text.
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
         "head", "form", "button", "select", "textarea", "input", "nav", "footer", "aside",
         "menu", "dialog")
#: Caption containers: their text goes to captions, not to the body. Any class naming a
#: caption ("caption", "media-caption", "article__caption"), schema.org's itemprop, and a
#: <figure> that holds a picture (its text is the caption and credit).
_LOWER = "translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_CAPTION_XPATH = (f"//figcaption | //*[contains({_LOWER}, 'caption')] | //*[@itemprop='caption']"
                  " | //figure[.//img or .//picture]")
#: A caption container longer than this (words) is a layout wrapper, not a caption.
_CAPTION_MAX_WORDS = 80
#: Text sharing an image's own container ("<p><img> Caption</p>") is its caption up to this.
_IMAGE_TEXT_MAX_WORDS = 40
_BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
           "h5", "h6", "blockquote", "pre", "table", "tr", "br", "header", "figure", "dd", "dt"}
_WS = re.compile(r"[ \t\u00a0]+")


#: Bodies of these elements are never text; they are cut out before parsing (see strip_code).
_CODE = re.compile(r"<(script|style|noscript|template)\b([^>]*)>.*?</\1\s*>|<!--.*?-->",
                   re.IGNORECASE | re.DOTALL)
#: Structured data (JSON-LD) up to this size is kept: it carries the page's date and title.
_KEEP_JSON_LD = 100_000
#: Tags that only wrap other content: dropped by the flattening fallback (their text stays).
_WRAPPERS = re.compile(
    r"</?(?:div|span|section|article|main|header|font|b|i|u|em|strong|small|big|a|center|"
    r"blockquote|table|tbody|thead|tr|td|th|ul|ol|dl|dd|dt|form|label|nav|aside|footer|"
    r"figure|sup|sub|abbr|cite|q|mark|ins|del|s|strike|tt|code|var|kbd|samp|bdi|bdo|"
    r"details|summary|[a-z]+-[a-z-]+)\b[^>]*>", re.IGNORECASE)
#: Opening container tags that end a paragraph when flattened.
_BLOCK_WRAPPERS = ("div", "section", "article", "main", "header", "blockquote", "table", "tr",
                   "td", "th", "ul", "ol", "dl", "dd", "dt", "nav", "aside", "footer",
                   "figure", "center", "details")
_TAGS = re.compile(r"<[^>]*>")


def strip_code(markup: str) -> str:
    """The page without script/style/noscript/template bodies and comments.

    Why before parsing: an inline script of megabytes is no text, yet it counted against the
    size limit (the article after it was cut off) and costs parse time; a stray ``</div>``
    inside a script string can also derail the tree. JSON-LD metadata is kept when small.
    """
    def keep(match: re.Match[str]) -> str:
        if match.group(1) and "ld+json" in (match.group(2) or "").lower() \
                and len(match.group(0)) <= _KEEP_JSON_LD:
            return match.group(0)
        return " "

    return _CODE.sub(keep, markup)


def flatten(markup: str) -> str:
    """The markup with every wrapper tag removed (block wrappers become paragraph breaks).

    Why: libxml2 stops building the tree 256 levels deep (2048 with huge_tree), and all text
    below is lost; wrappers are what pages nest that deep, and without them the text reads
    the same, one paragraph per former block.
    """
    def repl(match: re.Match[str]) -> str:
        name = re.match(r"</?\s*([a-zA-Z][\w-]*)", match.group(0))
        tag = name.group(1).lower() if name else ""
        return "<p>" if tag in _BLOCK_WRAPPERS and not match.group(0).startswith("</") else " "

    return _WRAPPERS.sub(repl, markup)


def _words(text: str) -> int:
    return len(text.split())


def _parse(markup: str, huge: bool = False) -> Any:
    parser = lxml_html.HTMLParser(huge_tree=True) if huge else None
    return lxml_html.document_fromstring(markup, parser=parser)


def parse_html(markup: str) -> Any:
    """Parse leniently (broken markup is normal); None when nothing parseable is left.

    Scripts and styles are cut out first (``strip_code``). When the tree holds far fewer
    words than the markup (nesting deeper than libxml2 follows), the page is parsed again
    with ``huge_tree`` and, if that still loses them, flattened (``flatten``).
    """
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)  # lxml refuses str with an encoding decl
    markup = strip_code(markup)
    if not markup.strip():
        return None
    try:
        tree = _parse(markup)
    except (etree.ParserError, ValueError) as exc:
        log.debug("HTML parse failed: %s", exc)
        tree = None
    expected = _words(_TAGS.sub(" ", markup))
    if expected < 5 or (tree is not None and _words(" ".join(tree.itertext())) >= expected / 2):
        return tree
    for attempt in ("huge", "flat"):
        try:
            again = _parse(markup, huge=True) if attempt == "huge" else _parse(flatten(markup))
        except (etree.ParserError, ValueError):
            continue
        if _words(" ".join(again.itertext())) >= expected / 2:
            log.debug("deeply nested page: text recovered by the %s parse", attempt)
            return again
    return tree


def _text_of(node: Any) -> str:
    return _WS.sub(" ", " ".join(node.itertext())).strip()


def _add_caption(captions: list[str], text: str) -> None:
    """Keep one copy of a caption: a figure and the caption span inside it give the same text."""
    for k, have in enumerate(captions):
        if text in have:
            return
        if have in text:
            captions[k] = text
            return
    captions.append(text)


def _in_document(node: Any) -> bool:
    """Is the node still attached to the page (not inside a subtree already lifted)?"""
    while node.getparent() is not None:
        node = node.getparent()
    return node.tag == "html" if isinstance(node.tag, str) else False


def _is_icon(img: Any) -> bool:
    """A small inline picture (icon, emoji, logo, tracking pixel) has no caption."""
    src = (img.get("src") or "").lower()
    if any(w in src for w in ("icon", "emoji", "logo", "avatar", "pixel", "spacer", "badge")):
        return True
    for attr in ("width", "height"):
        value = re.match(r"\s*(\d+)", img.get(attr) or "")
        if value and int(value.group(1)) < 100:
            return True
    return False


def _lift_captions(tree: Any) -> list[str]:
    """Remove caption elements from the tree and return their texts.

    Besides marked-up captions, a short text sharing an image's own container
    ("<p><img ...> Soldiers at the gate</p>") is the image's caption.
    """
    captions: list[str] = []
    root = tree.getroottree().getroot()
    for node in tree.xpath(_CAPTION_XPATH):
        if node.getparent() is None or not _in_document(node) or node is root:
            continue
        text = _text_of(node)
        if not text or len(text.split()) > _CAPTION_MAX_WORDS or len(node.xpath(".//p")) > 1:
            continue  # a wrapper of paragraphs ("story has-captions"), not a caption
        _add_caption(captions, text)
        node.drop_tree()
    for img in tree.xpath("//img"):
        holder = img.getparent()
        if holder is None or not isinstance(holder.tag, str) \
                or holder.tag.lower() not in ("p", "div", "span", "a", "center", "td"):
            continue
        if holder.xpath(".//p | .//div | .//li | .//table") or _is_icon(img):
            continue
        text = _text_of(holder)
        if text and len(text.split()) <= _IMAGE_TEXT_MAX_WORDS and _in_document(holder) \
                and holder is not root:
            _add_caption(captions, text)
            holder.drop_tree()
    return captions


def _drop_non_content(tree: Any) -> None:
    for node in tree.xpath("|".join(f"//{t}" for t in _DROP)):
        if node.getparent() is not None:
            node.drop_tree()
    for node in tree.xpath("//comment() | //processing-instruction()"):
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)


def block_text(tree: Any) -> str:
    """Fallback extraction: the visible text, one line per block element."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag.lower() in _DROP:
            if node.tail:
                parts.append(node.tail)
            return
        block = tag.lower() in _BLOCKS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(tree)
    lines = (_WS.sub(" ", ln).strip() for ln in "".join(parts).split("\n"))
    return "\n\n".join(ln for ln in lines if ln)


def _metadata(markup: str) -> dict[str, str | None]:
    import trafilatura

    found: dict[str, str | None] = {"title": None, "published": None, "url": None, "source": None}
    try:
        meta = trafilatura.extract_metadata(markup)
    except Exception as exc:  # a metadata bug must not lose the text
        log.debug("trafilatura metadata failed: %s", exc)
        return found
    if meta is None:
        return found
    date = getattr(meta, "date", None)
    found.update(title=getattr(meta, "title", None) or None,
                 published=date[:10] if isinstance(date, str) and re.match(r"\d{4}-\d\d-\d\d", date)
                 else None,
                 url=getattr(meta, "url", None) or None,
                 source=getattr(meta, "sitename", None) or None)
    return found


def html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """Body text of a page (captions as ``[Caption]`` lines) and its metadata.

    Returns ``("", {...})`` when the page holds no readable text; the caller reports it.
    """
    import trafilatura

    html = strip_code(html)
    meta = _metadata(html)
    tree = parse_html(html)
    if tree is None:
        return "", meta
    captions = _lift_captions(tree)
    for node in tree.xpath("//script | //style | //noscript | //template"):
        if node.getparent() is not None:
            node.drop_tree()
    text = ""
    try:
        text = trafilatura.extract(tree, output_format="txt", include_comments=False,
                                   include_tables=True, include_images=False,
                                   include_links=False, deduplicate=False) or ""
    except Exception as exc:  # trafilatura can choke on odd trees; fall back below
        log.debug("trafilatura failed: %s", exc)
    if not text.strip():
        tree = parse_html(html)
        if tree is None:
            return "", meta
        _lift_captions(tree)
        _drop_non_content(tree)
        body = tree.find("body")
        text = block_text(body if body is not None else tree)
    else:
        text = "\n\n".join(p.strip() for p in text.split("\n") if p.strip())
    if captions and text.strip():
        text += "\n\n" + "\n\n".join(f"[Caption] {c}" for c in captions)
    return text, meta


__all__ = ["html_to_text", "block_text", "parse_html", "strip_code", "flatten"]
