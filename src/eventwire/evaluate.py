"""Evaluation as code: run the shared scorers over every gold article and sentence set.

The scorers themselves live in ``shared/eval/`` (they are the referee, not ours); this module
codes the inputs, calls them with ``--json``, and gathers one report.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .model import ArticleMeta, CodedArticle, Document, Failure

log = logging.getLogger(__name__)


def find_shared() -> Path | None:
    """``../shared`` beside the checkout (or the working directory), else ``./shared``."""
    here = Path(__file__).resolve()
    candidates = [Path.cwd().parent / "shared", Path.cwd() / "shared"]
    candidates += [p.parent / "shared" for p in here.parents]
    for c in candidates:
        if (c / "eval" / "score.py").is_file():
            return c
    return None


BINS = (0.0, 0.3, 0.5, 0.7, 0.85, 1.01)


def _load_module(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(f"_ew_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def reliability(samples: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Share of events judged right per confidence bin: a calibrated coder's precision
    matches its mean confidence in every bin."""
    rows = []
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [x for x in samples if lo <= x["confidence"] < hi]
        if not inside:
            continue
        rows.append({"bin": f"{lo:.2f}-{min(hi, 1.0):.2f}", "events": len(inside),
                     "mean_confidence": round(sum(x["confidence"] for x in inside) / len(inside), 3),
                     "precision": round(sum(x["correct"] for x in inside) / len(inside), 3)})
    return rows


def calibrate(samples: list[dict[str, Any]], weight: float = 4.0) -> dict[str, float]:
    """Precision per basis, smoothed towards its coarser parent (kind|role -> kind -> all), so
    a rare way of reading an event borrows strength instead of over-fitting a few cases."""
    def key_levels(b: str) -> list[str]:
        parts = b.split("|")
        return [parts[0], "|".join(parts[:2]), "|".join(parts)]

    overall = sum(x["correct"] for x in samples) / len(samples) if samples else 0.5
    counts: dict[str, list[int]] = {}
    for x in samples:
        for k in key_levels(x["basis"]):
            c = counts.setdefault(k, [0, 0])
            c[0] += int(x["correct"])
            c[1] += 1
    table: dict[str, float] = {}
    for depth in range(3):
        for k, (right, n) in sorted(counts.items()):
            if k.count("|") != (0, 1, 3)[depth]:
                continue
            parent = overall if depth == 0 else table.get("|".join(k.split("|")[:(1, 1, 2)[depth]]),
                                                          overall)
            table[k] = round((right + weight * parent) / (n + weight), 3)
    return table


def _run_scorer(script: Path, gold: Path, system: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, str(script), "--gold", str(gold), "--system",
                           str(system), "--json"], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{script.name} failed on {gold.name}: {proc.stderr.strip()[-400:]}")
    body = proc.stdout[:proc.stdout.rfind("\nSUMMARY")] if "\nSUMMARY" in proc.stdout else proc.stdout
    return json.loads(body)


def find_own_gold() -> Path | None:
    """``eval/corpus_gold`` of this checkout (or the working directory), if there is one.

    These are the project's own hand-coded files for ``shared/corpus/articles``: written by
    reading the text, without running the coder, so they measure text nobody tuned to when
    they were written (a second check beside the shared blind half)."""
    here = Path(__file__).resolve()
    for base in [Path.cwd(), *here.parents]:
        folder = base / "eval" / "corpus_gold"
        if folder.is_dir() and any(folder.glob("*.gold.json")):
            return folder
    return None


def score_articles(pipeline: Any, root: Path, gold_dir: Path | None = None,
                   text_dir: Path | None = None, prefix: str = "") -> list[dict[str, Any]]:
    """Code each article named by a gold file and score it with ``score.py``.

    By default the gold files are ``golden/*.gold.json`` with their texts beside them;
    ``gold_dir``/``text_dir`` name another folder of gold files and where their texts are,
    and ``prefix`` is put before each row's name (to tell the groups apart)."""
    from .ingest import read_inputs
    rows = []
    scorer = root / "eval" / "score.py"
    matches = _load_module(scorer).event_matches
    gold_dir = gold_dir or root / "golden"
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        art = gold.get("article", {})
        name = art.get("file", gold_path.name.replace(".gold.json", ".txt"))
        text_path = (text_dir or gold_path.parent) / Path(name).name
        started = time.perf_counter()
        items = list(read_inputs([str(text_path)], published=art.get("published"),
                                 url=art.get("url")))
        coded = next(pipeline.code_many(items), None)
        secs = time.perf_counter() - started
        if not isinstance(coded, CodedArticle):
            rows.append({"name": gold_path.name, "error": getattr(coded, "reason", "no output")})
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(coded.to_dict(), f)
        try:
            rep = _run_scorer(scorer, gold_path, Path(f.name))
        finally:
            Path(f.name).unlink(missing_ok=True)
        rep["name"] = prefix + gold_path.name.replace(".gold.json", "")
        rep["seconds"] = round(secs, 3)
        every = gold["events"]["core"] + gold["events"].get("acceptable", [])
        bad = gold["events"].get("forbidden", [])
        rep["samples"] = [
            {"basis": e["basis"], "confidence": e["confidence"],
             "correct": any(matches(e, g) for g in every) and not any(matches(e, g) for g in bad)}
            for e in coded.to_dict()["events"] if e["status"] != "negated" and e.get("basis")]
        rows.append(rep)
    return rows


def code_sentences(pipeline: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Code one sentence set; one output line per sentence id."""
    docs = [Document(ArticleMeta(id=str(r["id"]), published=r.get("date")), text=r["text"],
                     origin=str(r["id"])) for r in rows]
    out = []
    for item in pipeline.code_many(docs, batch_size=64):
        if isinstance(item, Failure):
            out.append({"id": item.origin, "events": []})
            continue
        out.append({"id": item.article.id, "events": [
            {"category": e.category, "cameo": e.cameo, "status": e.status, "basis": e.basis,
             "confidence": e.confidence,
             "source": [{"country": a.country, "org": a.org} for a in e.source],
             "target": [{"country": a.country, "org": a.org} for a in e.target]}
            for e in item.events]})
    return out


def score_sentence_sets(pipeline: Any, root: Path) -> list[dict[str, Any]]:
    scorer = root / "eval" / "score_sentences.py"
    reports = []
    for gold_path in sorted((root / "eval" / "data").glob("*.jsonl")):
        rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        started = time.perf_counter()
        coded = code_sentences(pipeline, rows)
        secs = time.perf_counter() - started
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            for line in coded:
                f.write(json.dumps(line) + "\n")
        try:
            rep = _run_scorer(scorer, gold_path, Path(f.name))
        finally:
            Path(f.name).unlink(missing_ok=True)
        rep["name"] = gold_path.stem
        rep["seconds"] = round(secs, 3)
        cats = {str(r["id"]): {e.get("category") for e in r.get("events") or []} for r in rows}
        rep["samples"] = [{"basis": e["basis"], "confidence": e["confidence"],
                           "correct": e["category"] in cats[line["id"]]}
                          for line in coded for e in line["events"]
                          if e["status"] != "negated" and e.get("basis")
                          and (cats[line["id"]] - {None})]
        rep["sentences_per_second"] = round(len(rows) / secs, 1) if secs else None
        reports.append(rep)
    return reports


#: Rows of the project's own corpus annotations are named with this prefix.
OWN_PREFIX = "own:"

#: How the gold articles are grouped when reported. The blind half is measured like the rest
#: but shown only as an aggregate, so nobody tunes to its errors (see shared/golden/README.md).
HALVES = (
    ("tuned", "first seven (seed, dev_a*, dev_b*): the text the 0.1 rules were written on",
     ("000_", "dev_a", "dev_b")),
    ("fix", "fix half (dev_c*, dev_d*, dev_g*): errors may be read", ("dev_c", "dev_d", "dev_g")),
    ("blind", "blind half (dev_e*, dev_f*): aggregate only", ("dev_e", "dev_f")),
    ("own", "own annotations of shared/corpus articles (eval/corpus_gold, coded by hand without "
     "running the coder): errors may be read", (OWN_PREFIX,)),
)
BLIND = "blind"

_MEANS = {"event_f1": lambda a: a["events"]["f1"],
          "event_recall": lambda a: a["events"]["recall"],
          "event_precision": lambda a: a["events"]["precision"],
          "quote_recall": lambda a: a["quotes"]["recall"],
          "quote_attributed": lambda a: a["quotes"]["attributed"],
          "date_accuracy": lambda a: a["dates"]["accuracy"],
          "actor_accuracy": lambda a: a["actors"]["accuracy"],
          "place_accuracy": lambda a: a["places"]["accuracy"]}


def half_of(name: str) -> str | None:
    """Which reporting group a gold article belongs to (None: none of the known ones)."""
    for key, _, prefixes in HALVES:
        if name.startswith(prefixes):
            return key
    return None


def article_means(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Means per article of every figure, sums of forbidden hits and leaked lines, and the
    share of gold captions separated (pooled)."""
    ok = [a for a in rows if "events" in a]
    if not ok:
        return {}
    mean: dict[str, Any] = {k: round(sum(get(a) for a in ok) / len(ok), 3)
                            for k, get in _MEANS.items()}
    mean["articles"] = len(ok)
    mean["forbidden_hits"] = sum(a["events"]["forbidden_hits"] for a in ok)
    mean["forbidden_per_article"] = round(mean["forbidden_hits"] / len(ok), 3)
    mean["boilerplate_leaked"] = sum(a["boilerplate"]["leaked"] for a in ok)
    mean["leaked_per_article"] = round(mean["boilerplate_leaked"] / len(ok), 3)
    caps = sum(a["boilerplate"].get("captions", 0) for a in ok)
    mean["captions_separated"] = (round(sum(a["boilerplate"].get("captions_separated", 0)
                                            for a in ok) / caps, 3) if caps else 1.0)
    return mean


def run_eval(root: Path, sentence_sets: bool = True, pipeline: Any = None,
             own_gold: Path | None = None) -> dict[str, Any]:
    """The whole evaluation: gold articles (and the project's own corpus annotations in
    ``own_gold``, when given), then sentence sets.

    The blind half's per-article rows are dropped from the report (only its means are kept),
    and its events never feed the confidence calibration."""
    from . import __version__
    from .pipeline import Pipeline
    pipeline = pipeline or Pipeline()
    articles = score_articles(pipeline, root)
    if own_gold is not None:
        articles += score_articles(pipeline, root, gold_dir=own_gold,
                                   text_dir=root / "corpus" / "articles", prefix=OWN_PREFIX)
    halves = {key: article_means([a for a in articles if half_of(a["name"]) == key])
              for key, _, _ in HALVES}
    shown = [a for a in articles if half_of(a["name"]) != BLIND]
    report: dict[str, Any] = {"version": __version__, "fingerprint": pipeline.fingerprint,
                              "articles": shown, "articles_mean": article_means(articles),
                              "halves": halves}
    samples = [x for a in shown if "events" in a for x in a.pop("samples", [])]
    for a in articles:
        a.pop("samples", None)
    if sentence_sets:
        report["sentence_sets"] = score_sentence_sets(pipeline, root)
        samples += [x for s in report["sentence_sets"] for x in s.pop("samples", [])]
    report["reliability"] = reliability(samples)
    report["calibration_samples"] = len(samples)
    report["_samples"] = samples
    return report


def _mean_line(label: str, m: dict[str, Any]) -> str:
    return (f"{label[:44]:44s} {m['event_f1']:5.2f} {m['event_recall']:5.2f} "
            f"{m['event_precision']:5.2f} {m['forbidden_hits']:4d} {m['quote_recall']:5.2f} "
            f"{m['quote_attributed']:5.2f} {m['date_accuracy']:5.2f} "
            f"{m['actor_accuracy']:5.2f} {m['place_accuracy']:5.2f} "
            f"{m['boilerplate_leaked']:4d}")


def format_report(report: dict[str, Any]) -> str:
    """One plain-text table per part."""
    lines = [f"eventwire {report['version']} (dictionaries {report['fingerprint']})", "",
             "Gold articles (shared/eval/score.py; the blind half dev_e*/dev_f* is shown only "
             "as a mean below)",
             f"{'article':44s} {'evF1':>5s} {'evR':>5s} {'evP':>5s} {'forb':>4s} {'quote':>5s} "
             f"{'spkr':>5s} {'date':>5s} {'actor':>5s} {'place':>5s} {'leak':>4s} {'sec':>5s}"]
    for a in report["articles"]:
        if "error" in a:
            lines.append(f"{a['name'][:44]:44s} ERROR {a['error']}")
            continue
        e, q = a["events"], a["quotes"]
        lines.append(f"{a['name'][:44]:44s} {e['f1']:5.2f} {e['recall']:5.2f} {e['precision']:5.2f} "
                     f"{e['forbidden_hits']:4d} {q['recall']:5.2f} {q['attributed']:5.2f} "
                     f"{a['dates']['accuracy']:5.2f} {a['actors']['accuracy']:5.2f} "
                     f"{a['places']['accuracy']:5.2f} {a['boilerplate']['leaked']:4d} "
                     f"{a['seconds']:5.2f}")
    m = report.get("articles_mean") or {}
    if m:
        lines.append(_mean_line(f"MEAN of all {m['articles']}", m))
    halves = report.get("halves") or {}
    if any(halves.values()):
        lines += ["", "By half (means per article; forbidden and leaked are totals, also per "
                      "article; captions: share separated)"]
        for key, label, _ in HALVES:
            h = halves.get(key)
            if h:
                lines.append(_mean_line(f"{key} ({h['articles']})", h))
                lines.append(f"    {label}; forbidden/article {h['forbidden_per_article']:.2f}, "
                             f"leaked/article {h['leaked_per_article']:.2f}, "
                             f"captions separated {h['captions_separated']:.2f}")
    if report.get("reliability"):
        lines += ["", f"Confidence reliability ({report['calibration_samples']} events of the gold "
                      "articles and sentence sets; a calibrated coder has precision ~ confidence)",
                  f"  {'bin':10s} {'events':>6s} {'mean conf':>9s} {'precision':>9s}"]
        for r in report["reliability"]:
            lines.append(f"  {r['bin']:10s} {r['events']:6d} {r['mean_confidence']:9.3f} "
                         f"{r['precision']:9.3f}")
    for s in report.get("sentence_sets", []):
        c, d = s["category"], s["dyad"]
        lines += ["", f"Sentence set {s['name']} (n={s['n']}, {s['sentences_per_second']} sentences/s)",
                  f"  category P={c['precision']:.3f} R={c['recall']:.3f} F1={c['f1']:.3f}   "
                  f"dyad P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f}   "
                  f"cameo root acc={s['cameo_root']['accuracy']}   "
                  f"no-event coded={s['no_event_sentences']['coded_anyway']}",
                  f"  {'category':10s} {'support':>7s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
        for cat, v in s["per_category"].items():
            lines.append(f"  {cat:10s} {v['support']:7d} {v['precision']:6.3f} {v['recall']:6.3f} "
                         f"{v['f1']:6.3f}")
    return "\n".join(lines)


__all__ = ["find_shared", "find_own_gold", "OWN_PREFIX", "run_eval", "half_of", "article_means", "HALVES", "format_report", "score_articles", "score_sentence_sets",
           "code_sentences"]
