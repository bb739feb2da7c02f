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


def column(values: Any) -> list[Any]:
    """One DataFrame column as JSON-ready values, converted a whole column at a time.

    Why: a dyad series is thousands of cells, and ``plain`` on every cell cost ten times
    what computing the series costs; numeric and date columns convert in numpy."""
    import numpy as np

    kind = values.dtype.kind if isinstance(values.dtype, np.dtype) else "O"
    if kind == "f":
        arr = values.to_numpy(dtype="float64")
        out = arr.tolist()
        bad = ~np.isfinite(arr)
        if bad.any():
            for i in np.flatnonzero(bad):
                out[i] = None
        return out
    if kind in "iu":
        arr = values.to_numpy()
        out = arr.tolist()
        if len(arr) and np.abs(arr.astype("float64")).max() > MAX_SAFE_INTEGER:
            return [plain(v) for v in out]
        return out
    if kind == "b":
        return values.to_numpy().tolist()
    if kind == "M":
        arr = values.to_numpy().astype("datetime64[us]")
        return [plain(v) for v in arr.astype(object).tolist()]
    out = values.tolist()  # objects, and pandas' nullable and Arrow-backed types
    if all(type(v) is str for v in out):
        return out
    if all(type(v) is date for v in out):
        return [v.isoformat() for v in out]
    return [plain(v) for v in out]


def records(frame: Any) -> list[dict[str, Any]]:
    """Rows of a DataFrame (or a list of dicts) as JSON-ready dicts."""
    if frame is None:
        return []
    if hasattr(frame, "to_pylist"):  # a pyarrow Table: Python values, no pandas
        frame = frame.to_pylist()
    if isinstance(frame, list):
        return [{str(k): plain(v) for k, v in row.items()} for row in frame]
    cols = [str(c) for c in frame.columns]
    values = [column(frame.iloc[:, i]) for i in range(len(cols))]
    return [dict(zip(cols, row)) for row in zip(*values)]


def dumps(payload: Any) -> bytes:
    """Compact UTF-8 JSON; anything left that json cannot encode goes through ``plain``."""
    return json.dumps(payload if isinstance(payload, Ready) else plain(payload), ensure_ascii=False, separators=(",", ":"),
                      default=plain, allow_nan=False).encode("utf-8")


class Ready(dict):  # type: ignore[type-arg]
    """A payload whose values are all JSON-ready already (built from ``records``):
    ``dumps`` encodes it without a second walk over every value."""


__all__ = ["plain", "records", "dumps", "column", "Ready"]
