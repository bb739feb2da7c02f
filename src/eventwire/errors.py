"""Every error eventwire raises: what failed, for which input, and what to try."""
from __future__ import annotations


class EventwireError(Exception):
    """Base class: catch this to handle any eventwire failure."""


class InputError(EventwireError):
    """An input could not be read or decoded (missing, empty, binary, too large, broken)."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class KnowledgeError(EventwireError):
    """A dictionary file is malformed; the message names the file and line."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class ModelError(EventwireError):
    """The spaCy model is missing or cannot be loaded."""


class StoreError(EventwireError):
    """The DuckDB store could not be opened or written."""
