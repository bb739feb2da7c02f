"""Syndicated copies of a story, as news sites make them: for tests and benchmarks.

Why generated: measuring near-duplicate detection needs copies with known ground truth, and
real syndication does a few things only: another headline, the site's own lead-in and
footer lines (bylines, "Read more", copyright), a word changed or a sentence dropped, and
sometimes the last paragraph cut. Deterministic for a given seed.
"""
from __future__ import annotations

import random
import re

_LEADS = ["By staff reporters", "(Wire) -", "Advertisement", "Listen to this article",
          "Updated 2 hours ago", "From our correspondents", "Breaking news", "Share this story",
          "Sign up for our morning briefing", "Most read today"]
_TAILS = ["Reporting by our desk; editing by the night team.", "Read more: world news.",
          "Copyright the agency. All rights reserved.", "Follow us for more updates.",
          "This story has been corrected to fix a spelling.", "Related: the region in maps.",
          "Comments are closed for this article.", "More from this section below."]
_SWAPS = {"said": "stated", "on": "on", "told": "informed", "officials": "authorities",
          "government": "administration", "meeting": "talks", "announced": "declared",
          "city": "town", "large": "big", "began": "started", "after": "following"}


def copies(text: str, title: str, n: int, seed: int = 0) -> list[dict[str, str]]:
    """``n`` copies of a story (the first unchanged) as JSON-Lines-shaped dicts with a url,
    a title and a text each."""
    rng = random.Random(seed)
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    out = []
    for i in range(n):
        paras = list(paragraphs)
        headline = title
        if i:
            headline = rng.choice([title.upper(), f"{title} - update", f"World: {title}",
                                   title.replace(" ", "  ")])
            words = " ".join(paras).split()
            for _ in range(rng.randint(1, 4)):  # a few words changed
                k = rng.randrange(len(words))
                words[k] = _SWAPS.get(words[k].lower(), words[k])
            paras = _regroup(words, paras)
            if len(paras) > 3 and rng.random() < 0.3:
                paras = paras[:-1]  # the last paragraph cut
            paras = ([rng.choice(_LEADS)] + paras +
                     rng.sample(_TAILS, rng.randint(1, 3)))
        out.append({"id": f"copy-{seed}-{i:03d}", "url": f"https://site{i}.example/{seed}/story",
                    "title": headline, "text": "\n\n".join(paras)})
    return out


def _regroup(words: list[str], paras: list[str]) -> list[str]:
    """Words back into paragraphs of the original lengths."""
    out, k = [], 0
    for p in paras:
        n = len(p.split())
        out.append(" ".join(words[k:k + n]))
        k += n
    return out


__all__ = ["copies"]
