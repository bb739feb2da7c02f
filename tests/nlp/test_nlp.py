"""The spaCy pipeline as eventwire loads it."""
from __future__ import annotations

import pytest

from eventwire.errors import ModelError
from eventwire.nlp import load_nlp


def test_nlp_paragraph_break_is_a_sentence_break(nlp):
    doc = nlp("\"We will not back down,\" the minister said\n\nTalks resume on Monday in Geneva.")
    starts = [s.text.strip() for s in doc.sents]
    assert any(s.startswith("Talks resume") for s in starts)


def test_nlp_missing_model_says_how_to_install():
    with pytest.raises(ModelError) as err:
        load_nlp("no_such_model_xyz")
    assert "pip install" in str(err.value)
