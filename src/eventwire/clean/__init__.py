"""Clean: separate the body text from captions, tag lines, promos and page furniture.

Public surface: ``clean_text(text, title=None) -> Cleaned`` and
``html_to_text(html) -> tuple[str, dict]``. The cue words live in ``data/clean.yaml``.
"""
from __future__ import annotations

from .html import html_to_text
from .rules import CleanRules, load_rules
from .text import clean_text

__all__ = ["clean_text", "html_to_text", "CleanRules", "load_rules"]
