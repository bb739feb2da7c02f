"""DataFrames (what the Python API returns) to JSON the browser can read.

Why not ``DataFrame.to_json``: it turns dates into epoch milliseconds or midnight timestamps,
list columns into numpy reprs and leaves NaN where JSON wants null. Pages are small (at most
``MAX_LIMIT`` rows), so a plain loop over records costs nothing that matters.
"""
from __future__ import annotations

import json
import math
from datetime import date, datetime
from typing import Any


#: JavaScript reads every JSON number as a double, exact only up to 2**53 - 1: a larger
#: integer (the store's 60-bit global ids) is sent as a string, or a browser would round it.
MAX_SAFE_INTEGER = 2 ** 53 - 1


def plain(value: Any) -> Any:
    """One cell as a JSON-ready Python value: numpy scalars and arrays, pandas timestamps
    (a date when there is no time of day), NaN/NaT as None, lists and dicts recursively,
    integers beyond JavaScript's exact range as strings."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, int):
        return value if abs(value) <= MAX_SAFE_INTEGER else str(value)
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp (NaT has it too)
        try:
            value = value.to_pydatetime()
        except ValueError:
            return None
    if isinstance(value, datetime):
        if value != value:  # NaT
            return None
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "tolist"):  # numpy array or scalar
        return plain(value.tolist())
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    return str(value)


def records(frame: Any) -> list[dict[str, Any]]:
    """Rows of a DataFrame (or a list of dicts) as JSON-ready dicts."""
    if frame is None:
        return []
    if isinstance(frame, list):
        return [{str(k): plain(v) for k, v in row.items()} for row in frame]
    cols = [str(c) for c in frame.columns]
    return [{c: plain(v) for c, v in zip(cols, row)}
            for row in frame.itertuples(index=False, name=None)]


def dumps(payload: Any) -> bytes:
    """Compact UTF-8 JSON; anything left that json cannot encode goes through ``plain``."""
    return json.dumps(plain(payload), ensure_ascii=False, separators=(",", ":"),
                      default=plain, allow_nan=False).encode("utf-8")


__all__ = ["plain", "records", "dumps"]
