"""Generated news articles as JSON Lines: scale is measured without downloading anything.

Two kinds, both deterministic:

* ``corpus_articles`` recombines the paragraphs of real articles (a folder of text files
  with ``URL:/Published:/Source:/Title:`` headers, e.g. ``../shared/corpus/articles``): the
  lede of one article followed by paragraphs of it and of another, country names swapped
  consistently within the article (the state and its adjective together), years and the
  publication date shifted. The text reads like news, so spaCy and the extractors do the
  work they do on real input; a given ``seed`` always gives the same articles.
* ``short_article`` is two or three sentences built from a template: cheap to code, for
  runs that must be long enough to kill but short enough for a test.

    python -m eventwire.ingest.generate ../shared/corpus/articles 500 --seed 7 > big.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Iterator, Sequence, TextIO

from .formats import split_header

#: States swapped for one another, with their adjectives, so "Kenyan troops" follows "Kenya".
COUNTRIES: tuple[tuple[str, str], ...] = (
    ("Russia", "Russian"), ("Ukraine", "Ukrainian"), ("China", "Chinese"),
    ("Japan", "Japanese"), ("India", "Indian"), ("Pakistan", "Pakistani"),
    ("Iran", "Iranian"), ("Iraq", "Iraqi"), ("Syria", "Syrian"), ("Israel", "Israeli"),
    ("Egypt", "Egyptian"), ("Turkey", "Turkish"), ("Germany", "German"),
    ("France", "French"), ("Italy", "Italian"), ("Spain", "Spanish"),
    ("Poland", "Polish"), ("Brazil", "Brazilian"), ("Mexico", "Mexican"),
    ("Canada", "Canadian"), ("Kenya", "Kenyan"), ("Nigeria", "Nigerian"),
    ("Ethiopia", "Ethiopian"), ("Sudan", "Sudanese"), ("Indonesia", "Indonesian"),
    ("Vietnam", "Vietnamese"), ("Peru", "Peruvian"), ("Chile", "Chilean"),
    ("Norway", "Norwegian"), ("Sweden", "Swedish"), ("Greece", "Greek"),
    ("Serbia", "Serbian"), ("Lebanon", "Lebanese"), ("Afghanistan", "Afghan"),
)
_NAME = re.compile(r"\b(" + "|".join(sorted((w for pair in COUNTRIES for w in pair),
                                            key=len, reverse=True)) + r")\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
_ADJECTIVE = {adj: state for state, adj in COUNTRIES}
_STATE_ADJ = dict(COUNTRIES)


@dataclass(frozen=True, slots=True)
class Source:
    """One corpus article split into what the generator recombines."""

    name: str
    title: str
    source: str
    published: date | None
    paragraphs: tuple[str, ...]


def load_corpus(folder: str | Path) -> list[Source]:
    """Every ``*.txt`` article of ``folder`` (sorted, so the output does not depend on the
    order the file system lists them in)."""
    sources: list[Source] = []
    for path in sorted(Path(folder).glob("*.txt")):
        header, body = split_header(path.read_text(encoding="utf-8"))
        title = header.get("title", "").strip()
        paragraphs = tuple(p.strip() for p in body.splitlines()
                           if len(p.strip()) > 40 and p.strip() != title)
        if not paragraphs:
            continue
        try:
            published = date.fromisoformat(header.get("published", "")[:10])
        except ValueError:
            published = None
        sources.append(Source(path.stem, header.get("title") or paragraphs[0][:80],
                              header.get("source") or "Generated Wire", published, paragraphs))
    if not sources:
        raise ValueError(f"{folder}: no text articles to recombine")
    return sources


def swap_countries(text: str, mapping: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        word = m.group(1)
        if word in _ADJECTIVE:
            return _STATE_ADJ[mapping.get(_ADJECTIVE[word], _ADJECTIVE[word])]
        return mapping.get(word, word)
    return _NAME.sub(sub, text)


def corpus_article(sources: Sequence[Source], i: int, seed: int = 0) -> dict[str, str]:
    """Article ``i`` of the stream for ``seed``: always the same text for the same inputs."""
    rng = random.Random(f"{seed}:{i}")
    base, other = rng.choice(sources), rng.choice(sources)
    body = list(base.paragraphs[1:]) + list(other.paragraphs[1:])
    rng.shuffle(body)
    paragraphs = [base.paragraphs[0], *body[:rng.randint(3, 9)]]
    states = [s for s, _ in COUNTRIES]
    mapping = dict(zip(states, rng.sample(states, len(states))))
    base_year = (base.published or date(2015, 6, 15)).year
    years = rng.randint(-8, max(-8, min(8, 2025 - base_year)))  # never in the future
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + years),
                     swap_countries("\n\n".join(paragraphs), mapping))
    day = (base.published or date(2015, 6, 15)) + timedelta(days=365 * years
                                                           + rng.randint(-20, 20))
    return {"id": f"gen-{seed}-{i:07d}",
            "url": f"https://news.example.org/{seed}/{i:07d}/{base.name}",
            "title": swap_countries(base.title, mapping), "source": base.source,
            "published": day.isoformat(), "text": text}


def corpus_articles(folder: str | Path, n: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """``n`` recombined articles (lazily, so any number can be written)."""
    sources = load_corpus(folder)
    for i in range(n):
        yield corpus_article(sources, i, seed)


_STATES = ["Peru", "Chile", "Kenya", "Uganda", "Ghana", "Togo", "Poland", "Hungary", "Japan",
           "Vietnam", "Egypt", "Sudan", "Canada", "Mexico", "Norway", "Sweden"]
_DEEDS = ["accused {b} of violating the border agreement",
          "sent food aid to {b} after the floods",
          "expelled the ambassador of {b}",
          "signed a trade agreement with {b}",
          "condemned the military exercises of {b}",
          "offered to mediate talks between rebels and the government of {b}"]


def short_article(i: int) -> dict[str, str]:
    """Article ``i``: two or three sentences, its own id and date, always the same text."""
    a, b = _STATES[i % len(_STATES)], _STATES[(i * 7 + 3) % len(_STATES)]
    if a == b:
        b = _STATES[(i + 1) % len(_STATES)]
    deed = _DEEDS[i % len(_DEEDS)].format(b=b)
    text = (f"{a} {deed} on Monday, officials said. The foreign minister of {b} rejected "
            f"the statement on Tuesday. Talks are planned for {2010 + i % 12}.")
    return {"id": f"gen-{i:04d}", "title": f"{a} and {b}", "text": text,
            "published": f"2021-{1 + i % 12:02d}-{1 + i % 27:02d}"}


def write_jsonl(path: str | Path, articles: Iterable[dict[str, str]]) -> Path:
    """Write articles one JSON object a line (streamed: memory does not grow with n)."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as out:
        _write(out, articles)
    return path


def _write(out: TextIO, articles: Iterable[dict[str, str]]) -> None:
    for item in articles:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m eventwire.ingest.generate CORPUS N [--seed S] [-o FILE]``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="folder of text articles to recombine")
    ap.add_argument("n", type=int, help="how many articles to write")
    ap.add_argument("--seed", type=int, default=0, help="another seed, other articles")
    ap.add_argument("-o", "--output", default="-", help="JSONL file (default: stdout)")
    args = ap.parse_args(argv)
    items = corpus_articles(args.corpus, args.n, args.seed)
    if args.output == "-":
        _write(sys.stdout, items)
    else:
        write_jsonl(args.output, items)


if __name__ == "__main__":  # pragma: no cover
    main()


__all__ = ["corpus_article", "corpus_articles", "short_article", "load_corpus", "write_jsonl", "swap_countries",
           "COUNTRIES"]
