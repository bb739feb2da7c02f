"""The shipped JSON Schema matches the model, and real output validates against it."""
from __future__ import annotations

import jsonschema

from eventwire.schema import contract_schema, shipped_schema


def test_schema_shipped_file_is_up_to_date():
    assert shipped_schema() == contract_schema(), "run `python -m eventwire.schema`"


def test_schema_seed_output_validates(seed_coded):
    jsonschema.validate(seed_coded.to_dict(), shipped_schema())


def test_schema_rejects_unknown_category(seed_coded):
    data = seed_coded.to_dict()
    if not data["events"]:
        data["events"] = [{}]
    data["events"][0]["category"] = "HUG"
    try:
        jsonschema.validate(data, shipped_schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("an unknown PLOVER category must not validate")
