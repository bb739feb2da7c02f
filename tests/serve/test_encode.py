"""Column-wise JSON encoding gives what the cell-by-cell encoding gave, for every kind of column."""
from __future__ import annotations

import json
from datetime import date, datetime

import numpy as np
import pandas as pd
import pyarrow as pa

from eventwire.serve.encode import MAX_SAFE_INTEGER, Ready, column, dumps, plain, records


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "day": [date(2021, 3, 4), date(2021, 3, 11), None],
        "stamp": pd.to_datetime(["2021-03-04 00:00", "2021-03-04 10:30", None], format="ISO8601"),
        "count": np.array([1, 2, 3], dtype="int64"),
        "gid": np.array([5, MAX_SAFE_INTEGER + 10, 7], dtype="int64"),
        "mean": [1.5, float("nan"), float("inf")],
        "maybe": pd.array([4, None, 6], dtype="Int64"),
        "keys": [np.array(["RUS", "NATO"]), np.array([], dtype=object), None],
        "label": pd.array(["a", None, "c"], dtype="string"),
        "flag": [True, False, True],
    })


def test_columns_convert_as_every_cell_did():
    frame = _frame()
    by_cell = [{c: plain(v) for c, v in zip(frame.columns, row)}
               for row in frame.itertuples(index=False, name=None)]
    assert records(frame) == by_cell


def test_values_json_cannot_carry_become_null_or_text():
    rows = records(_frame())
    assert [r["day"] for r in rows] == ["2021-03-04", "2021-03-11", None]
    assert [r["stamp"] for r in rows] == ["2021-03-04", "2021-03-04T10:30:00", None]
    assert [r["mean"] for r in rows] == [1.5, None, None]
    assert [r["gid"] for r in rows] == [5, str(MAX_SAFE_INTEGER + 10), 7]
    assert [r["maybe"] for r in rows] == [4, None, 6]
    assert rows[0]["keys"] == ["RUS", "NATO"] and rows[2]["keys"] is None
    assert column(pd.Series(["x", "y"])) == ["x", "y"]


def test_ready_payloads_and_arrow_tables_encode_the_same_json():
    frame = _frame().drop(columns=["stamp", "keys"])
    table = pa.Table.from_pandas(frame, preserve_index=False)
    assert records(table) == records(frame)
    sent = json.loads(dumps(Ready(items=records(frame))))
    assert sent["items"][1] == {"day": "2021-03-11", "count": 2,
                                "gid": str(MAX_SAFE_INTEGER + 10), "mean": None,
                                "maybe": None, "label": None, "flag": False}
    assert json.loads(dumps({"at": datetime(2021, 1, 2)})) == {"at": "2021-01-02"}
