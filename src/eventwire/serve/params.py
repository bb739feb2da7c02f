"""What the HTTP API accepts: the shape of every filter, checked before any query runs.

Why so strict: the Python API already passes every value as an SQL parameter, so an injection
string could only ever match nothing; refusing malformed codes here (422, naming the field)
also keeps them out of logs and caches and tells a caller at once what a value looks like.
Free text (``text``, ``place``) is only bounded in length.
"""
from __future__ import annotations

from typing import Literal

#: Page sizes and how far one may page: a client cannot ask for the whole store in one call.
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000
MAX_TEXT = 200

#: Actor keys: ISO3 countries, org codes, country + sector (RUS, NATO, USAGOV, UN_SC).
KEY_PATTERN = r"^[A-Za-z][A-Za-z0-9_]{1,15}$"
#: A directed dyad: source and target keys joined by '-' (RUS-NATO, USAGOV-USAOPP).
DYAD_PATTERN = r"^[A-Za-z][A-Za-z0-9_]{1,15}-[A-Za-z][A-Za-z0-9_]{1,15}$"
#: PLOVER categories and statuses are plain words (ACCUSE, MOBILIZE; asserted, negated).
CATEGORY_PATTERN = r"^[A-Za-z_]{2,24}$"
STATUS_PATTERN = r"^[a-z_]{2,16}$"
#: Article ids are the pipeline's ``ew-<hash>``; other stores may use URLs' safe characters.
ARTICLE_ID_PATTERN = r"^[A-Za-z0-9_.:~-]{1,128}$"

Freq = Literal["day", "week", "month"]
By = Literal["category", "quad", "total"]
Level = Literal["key", "code"]


__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "MAX_OFFSET", "MAX_TEXT", "KEY_PATTERN",
           "DYAD_PATTERN", "CATEGORY_PATTERN", "STATUS_PATTERN", "ARTICLE_ID_PATTERN",
           "Freq", "By", "Level"]
