"""The predicate frame: one coded predicate with its roles, the unit every later layer reads."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...model import ActorRef
from .dictionary import Sense


@dataclass
class _Candidate:
    sense: Sense  # None only transiently, when no reading fits
    pred: Any
    light: Any
    source: list[str]
    target: list[str]
    how: str
    kind: str  # verb | noun
    status: str = "asserted"
    speaker: tuple[str, ...] = ()
    place_target: tuple[ActorRef, ...] = ()
    unnamed: tuple[ActorRef, ...] | None = None  # a doer the text names only by a noun
    inferred: bool = False  # the target is the story's state, not named by the clause
