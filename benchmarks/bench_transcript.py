"""Speed of eventwire on a long transcript: nothing may grow faster than the article.

    python benchmarks/bench_transcript.py [--lines 4000] [--profile]

Generates a ~200 KB hearing transcript of our own (speakers with names and titles; 4,000
lines of the shapes ``"…," Name said.`` and ``Name said: "…"``, with pronoun, title
and description speakers mixed in: "he said", "the official said"), then times
``Pipeline.code`` on it against bare spaCy parsing of the same text (wall clock and CPU
time: on a shared machine the CPU time is what one idle core would take). Issue 7 wants the whole thing coded in under 20 s; a per-quote scan of the whole
document (noun chunks, sentences, mentions) makes it quadratic and it took > 580 s.
``--profile`` prints the top of a cProfile of the extraction step (parse excluded).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import sys
import time

from eventwire import Pipeline
from eventwire.model import ArticleMeta, Document

#: (title, name) pairs invented for this benchmark.
SPEAKERS = [
    ("Senator", "Halvard Mbeki-Strand"), ("Minister", "Ilse Varga"),
    ("Ambassador", "Tomas Quiroga"), ("Chairwoman", "Odile Nakamura"),
    ("General", "Ruslan Bektas"), ("Governor", "Priya Achterberg"),
    ("Mayor", "Kwame Lindqvist"), ("Deputy", "Soraya Ferreira"),
    ("Commissioner", "Dmitri Okonkwo"), ("Professor", "Lena Oyelaran"),
]
SUBJECTS = ["The budget", "The convoy", "The reform", "The treaty", "The port deal",
            "The grid", "The school plan", "The camp"]
CLAIMS = ["is late", "needs review", "was never approved", "must be funded",
          "is for the courts", "cost too much", "will be debated", "is on track"]
ROLES = ["official", "delegate", "witness", "spokesman", "aide"]
VERBS = ["said", "told the committee", "added", "replied", "insisted", "warned"]


def transcript(lines: int = 4000, seed: int = 7) -> str:
    """A deterministic transcript: one quoted line per paragraph, speakers recurring."""
    rng = random.Random(seed)
    out = ["The committee met on Tuesday to hear evidence on the regional budget. "
           + " ".join(f"{t} {n} attended." for t, n in SPEAKERS)]
    for i in range(lines):
        title, name = rng.choice(SPEAKERS)
        surname = name.split()[-1]
        words = f"{rng.choice(SUBJECTS)} {rng.choice(CLAIMS)}"
        verb = rng.choice(VERBS)
        shape = i % 5
        if shape == 0:
            out.append(f'"{words}," {title} {name} {verb}.')
        elif shape == 1:
            out.append(f'{surname} said: "{words}."')
        elif shape == 2:
            out.append(f'"{words}," {surname} {verb}.')
        elif shape == 3:
            out.append(f'"{words}," he said.')
        elif i % 10 == 4:
            out.append(f'The {title.lower()} said "{words.lower()}".')
        else:  # a description no name stands behind: read back for the same noun
            out.append(f'"{words}," the {rng.choice(ROLES)} said.')
    return "\n\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=4000)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    text = transcript(args.lines)
    pipe = Pipeline()
    meta = ArticleMeta(id="", url=None, published="2024-03-05", title="Committee hearing")
    document = Document(meta=meta, text=text, origin="transcript")
    prepared = pipe.prepare(document)
    t0, c0 = time.perf_counter(), time.process_time()
    doc = pipe.nlp(prepared[1].text)
    t1, c1 = time.perf_counter(), time.process_time()
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        pipe.code_doc(*prepared[:2], doc, prepared[2])
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(35)
        print(buf.getvalue())
    t2, c2 = time.perf_counter(), time.process_time()
    coded = pipe.code(document)
    t3, c3 = time.perf_counter(), time.process_time()
    parse, total = t1 - t0, t3 - t2
    print(f"transcript: {len(text)} chars, {args.lines} quoted lines, "
          f"{len(coded.quotes)} quotes, {len(coded.events)} events")
    print(f"spaCy parse            {parse:7.2f} s")
    print(f"Pipeline.code (total)  {total:7.2f} s   (goal < 20 s)")
    print(f"CPU time (what an idle core would take): parse {c1 - c0:.2f} s, "
          f"Pipeline.code {c3 - c2:.2f} s")
    print(f"RATIO code/parse = {total / parse:.2f}   extraction/parse = "
          f"{(total - parse) / parse:.2f}   (CPU: {(c3 - c2) / (c1 - c0):.2f} / "
          f"{(c3 - c2 - (c1 - c0)) / (c1 - c0):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
