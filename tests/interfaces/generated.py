"""Short generated news articles as JSON Lines, for runs that must be long enough to kill."""
from __future__ import annotations

import json
from pathlib import Path

_STATES = ["Peru", "Chile", "Kenya", "Uganda", "Ghana", "Togo", "Poland", "Hungary", "Japan",
           "Vietnam", "Egypt", "Sudan", "Canada", "Mexico", "Norway", "Sweden"]
_DEEDS = ["accused {b} of violating the border agreement",
          "sent food aid to {b} after the floods",
          "expelled the ambassador of {b}",
          "signed a trade agreement with {b}",
          "condemned the military exercises of {b}",
          "offered to mediate talks between rebels and the government of {b}"]


def article(i: int) -> dict[str, str]:
    """Article ``i``: two or three sentences, its own id and date, always the same text."""
    a, b = _STATES[i % len(_STATES)], _STATES[(i * 7 + 3) % len(_STATES)]
    if a == b:
        b = _STATES[(i + 1) % len(_STATES)]
    deed = _DEEDS[i % len(_DEEDS)].format(b=b)
    text = (f"{a} {deed} on Monday, officials said. The foreign minister of {b} rejected "
            f"the statement on Tuesday. Talks are planned for {2010 + i % 12}.")
    return {"id": f"gen-{i:04d}", "title": f"{a} and {b}", "text": text,
            "published": f"2021-{1 + i % 12:02d}-{1 + i % 27:02d}"}


def write_jsonl(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps(article(i)) + "\n" for i in range(n)), encoding="utf-8")
    return path
