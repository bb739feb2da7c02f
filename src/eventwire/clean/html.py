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
#: Caption containers: their text goes to captions, not to the body.
_CAPTION_XPATH = ("//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')"
                  " or contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')"
                  " or contains(concat(' ', normalize-space(@class), ' '), ' image-caption ')"
                  " or contains(concat(' ', normalize-space(@class), ' '), ' photo-caption ')"
                  " or @itemprop='caption']")
_BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
           "h5", "h6", "blockquote", "pre", "table", "tr", "br", "header", "figure", "dd", "dt"}
_WS = re.compile(r"[ \t\u00a0]+")


def parse_html(markup: str) -> Any:
    """Parse leniently (broken markup is normal); None when nothing parseable is left."""
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)  # lxml refuses str with an encoding decl
    if not markup.strip():
        return None
    try:
        return lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        log.debug("HTML parse failed: %s", exc)
        return None


def _text_of(node: Any) -> str:
    return _WS.sub(" ", " ".join(node.itertext())).strip()


def _lift_captions(tree: Any) -> list[str]:
    """Remove caption elements from the tree and return their texts."""
    captions: list[str] = []
    for node in tree.xpath(_CAPTION_XPATH):
        if node.getparent() is None:
            continue
        text = _text_of(node)
        if text and text not in captions:
            captions.append(text)
        node.drop_tree()
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


__all__ = ["html_to_text", "block_text", "parse_html"]
