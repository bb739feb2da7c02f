"""Clean: separate the body text from captions, tag lines, promos and page furniture.

STUB: keeps everything. Public surface: ``clean_text(text) -> Cleaned`` and
``html_to_text(html) -> tuple[str, dict]``.
"""
from __future__ import annotations

from ..model import Cleaned


def clean_text(text: str) -> Cleaned:
    return Cleaned(text=text.strip())


def html_to_text(html: str) -> tuple[str, dict]:
    import trafilatura
    return trafilatura.extract(html) or "", {}
