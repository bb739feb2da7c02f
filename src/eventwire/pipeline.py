"""The Pipeline: ingest -> clean -> nlp -> extract, holding the loaded model and dictionaries.

It is one of the two stateful objects of eventwire (the other is the Store). Load it once,
then code as many documents as you like; ``code_many`` batches them through ``nlp.pipe``.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, Callable, Collection, Iterable, Iterator, Sequence

from . import __version__
from .clean import clean_text, html_to_text
from .errors import InputError
from .extract.actors import extract_actors, load_knowledge
from .extract.dates import extract_dates
from .extract.events import VerbDictionary, extract_events
from .extract.places import Gazetteer, extract_places
from .extract.quotes import extract_quotes
from .model import ArticleMeta, Cleaned, CodedArticle, Document, Failure
from .nlp import DEFAULT_MODEL, load_nlp
from .urls import normalise_url

log = logging.getLogger(__name__)

#: Inputs longer than this (characters of cleaned text) are cut, with a warning.
MAX_CHARS = 200_000
#: A spaCy batch holds at most this many characters, whatever ``batch_size`` says: memory grows
#: with the text parsed together, so one long article is parsed with few companions.
MAX_BATCH_CHARS = 300_000
#: Lone UTF-16 surrogates ("\ud800" escapes in JSON) cannot be encoded, stored or tokenised.
_SURROGATES = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> tuple[str, int]:
    """Text with lone surrogates replaced by U+FFFD, and how many there were."""
    return _SURROGATES.subn("\ufffd", text) if text else (text, 0)


def article_id(url: str | None, text: str) -> str:
    """Stable identity: a hash of the normalised URL, else of the cleaned text."""
    basis = normalise_url(url) if url else "text:" + re.sub(r"\s+", " ", text).strip()
    return "ew-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def data_fingerprint() -> str:
    """A hash over every dictionary file shipped in ``eventwire/data``."""
    h = hashlib.sha1()
    root = resources.files("eventwire") / "data"

    def walk(node: Any, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                walk(child, prefix + child.name + "/")
            elif not child.name.startswith("."):
                h.update((prefix + child.name).encode())
                h.update(child.read_bytes())

    walk(root, "")
    return h.hexdigest()[:16]


def prepare(document: Document) -> tuple[ArticleMeta, Cleaned, list[str]]:
    """Ingested document -> (metadata with identity, cleaned body, warnings).

    A module function, not only a method: it needs no model, so the parent of a ``--workers``
    run prepares (and decides what to skip) without loading spaCy.
    """
    warnings: list[str] = list(document.warnings)
    meta = document.meta
    text = document.text
    if document.html is not None:
        text, found = html_to_text(document.html)
        meta = replace(meta, **{k: v for k, v in found.items()
                                if v and getattr(meta, k, None) in (None, "")})
    if not text or not text.strip():
        raise InputError(document.origin or meta.id or "input", "no text to code (empty)")
    text, bad = scrub(text)
    if bad:
        warnings.append(f"{document.origin or meta.id}: {bad} invalid character(s) (lone "
                        "surrogates) replaced by U+FFFD")
    meta = replace(meta, **{k: scrub(v)[0] for k in ("title", "url", "source", "id")
                            if isinstance(v := getattr(meta, k, None), str)})
    cleaned = clean_text(text, title=meta.title)
    if not cleaned.text.strip():
        raise InputError(document.origin or meta.id or "input",
                         "nothing left after cleaning (only page furniture)")
    if len(cleaned.text) > MAX_CHARS:
        warnings.append(f"{document.origin or meta.id}: text of {len(cleaned.text)} characters "
                        f"cut to {MAX_CHARS}")
        cleaned = replace(cleaned, text=cleaned.text[:MAX_CHARS])
    if not meta.title and cleaned.title:
        meta = replace(meta, title=cleaned.title)
    if not meta.id:
        meta = replace(meta, id=article_id(meta.url, cleaned.text))
    if not meta.published:
        warnings.append(f"{document.origin or meta.id}: no publication date; relative dates "
                        "are left unresolved")
    return meta, cleaned, warnings


class Pipeline:
    """The loaded spaCy model plus every dictionary, ready to code articles."""

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Any = None) -> None:
        self.nlp = nlp if nlp is not None else load_nlp(model)
        self.kb = load_knowledge()
        self.verbs = VerbDictionary.load()
        self.gazetteer = Gazetteer.load()
        self.fingerprint = data_fingerprint()
        self.version = __version__

    # -- preparing -------------------------------------------------------------------------
    def prepare(self, document: Document) -> tuple[ArticleMeta, Cleaned, list[str]]:
        """Ingested document -> (metadata with identity, cleaned body, warnings)."""
        return prepare(document)

    # -- coding ----------------------------------------------------------------------------
    def parse(self, cleaned: Sequence[Cleaned]) -> list[tuple[Any, list[Any]]]:
        """Parse bodies and their captions in one spaCy batch: (body doc, caption docs)."""
        texts = [c.text for c in cleaned] + [cap for c in cleaned for cap in c.captions]
        docs = list(self.nlp.pipe(texts))
        bodies, rest = docs[:len(cleaned)], iter(docs[len(cleaned):])
        return [(body, [next(rest) for _ in c.captions]) for body, c in zip(bodies, cleaned)]

    def _parse_guarded(self, cleaned: Sequence[Cleaned], origins: Sequence[str]
                       ) -> list[tuple[Any, list[Any]] | Failure]:
        """``parse`` for a batch; when the batch fails, each article alone, so one text that
        breaks the parser costs only itself."""
        try:
            return list(self.parse(cleaned))
        except Exception:  # noqa: BLE001 - find the culprit one by one
            log.warning("a batch of %d failed to parse; parsing one by one", len(cleaned))
        out: list[tuple[Any, list[Any]] | Failure] = []
        for c, origin in zip(cleaned, origins):
            try:
                out.extend(self.parse([c]))
            except Exception as exc:  # noqa: BLE001
                out.append(Failure(origin, f"parsing failed: {type(exc).__name__}: {exc}",
                                   stage="nlp"))
        return out

    def code_doc(self, meta: ArticleMeta, cleaned: Cleaned, doc: Any,
                 warnings: Iterable[str] = (), captions: Sequence[Any] | None = None
                 ) -> CodedArticle:
        """Run every extractor over a parsed body (and its parsed captions, if given)."""
        actors = extract_actors(doc, self.kb, meta.published)
        dates = extract_dates(doc, meta.published)
        countries = sorted({a.country for a in actors.actors if a.country})
        places = extract_places(doc, self.gazetteer, countries)
        # captions are not body text, but their dates and places are facts of the story
        if captions is None:
            captions = list(self.nlp.pipe(cleaned.captions)) if cleaned.captions else []
        for i, cap in enumerate(captions):
            dates += [replace(d, caption=i) for d in extract_dates(cap, meta.published)]
            places += [replace(p, caption=i)
                       for p in extract_places(cap, self.gazetteer, countries)]
        quotes = extract_quotes(doc, actors)
        body_dates = [d for d in dates if d.caption is None]
        body_places = [p for p in places if p.caption is None]
        events = extract_events(doc, actors, self.verbs, dates=body_dates, places=body_places,
                                meta=meta, quotes=quotes, kb=self.kb)
        return CodedArticle(article=meta, text=cleaned.text, captions=cleaned.captions,
                            removed=cleaned.removed, actors=tuple(actors.actors),
                            events=tuple(events), quotes=tuple(quotes), dates=tuple(dates),
                            places=tuple(places), version=self.version,
                            fingerprint=self.fingerprint, warnings=tuple(warnings))

    def code(self, document: Document) -> CodedArticle:
        """Code one document (raises InputError for bad input)."""
        meta, cleaned, warnings = self.prepare(document)
        return self.code_doc(meta, cleaned, self.nlp(cleaned.text), warnings)

    def code_text(self, text: str, published: str | None = None, url: str | None = None,
                  title: str | None = None, source: str | None = None) -> CodedArticle:
        """Convenience: code a plain string."""
        meta = ArticleMeta(id="", url=url, published=published, title=title, source=source)
        return self.code(Document(meta=meta, text=text, origin="text"))

    def code_prepared(self, batch: Sequence[Prepared]) -> Iterator[CodedArticle | Failure]:
        """Parse a batch of prepared articles together and extract each; one result per
        article, in order. An extractor bug costs only its article (a ``Failure``)."""
        parsed_all = self._parse_guarded([p.cleaned for p in batch], [p.origin for p in batch])
        for p, parsed in zip(batch, parsed_all):
            if isinstance(parsed, Failure):
                yield parsed
                continue
            doc, caps = parsed
            try:
                yield self.code_doc(p.meta, p.cleaned, doc, p.warnings, captions=caps)
            except Exception as exc:  # an extractor bug must not sink the batch
                log.exception("coding %s failed", p.origin)
                yield Failure(p.origin, f"coding failed: {type(exc).__name__}: {exc}",
                              stage="extract")

    def code_many(self, items: Iterable[Document | Failure], batch_size: int = 16, *,
                  skip: SkipCheck | None = None
                  ) -> Iterator[CodedArticle | Failure | Skipped]:
        """Code a stream; bad inputs come out as Failures and the rest goes on.

        ``skip`` (e.g. ``Store.already_stored``) is asked once per batch, after cleaning and
        before parsing, which ids need no coding; those come out as ``Skipped``. Without it,
        only ``CodedArticle`` and ``Failure`` come out. Output order is input order.
        """
        for group in prepare_batches(items, batch_size, skip):
            todo = [g for g in group if isinstance(g, Prepared)]
            coded = self.code_prepared(todo) if todo else iter(())
            for g in group:
                yield next(coded) if isinstance(g, Prepared) else g


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article cleaned and identified, waiting to be parsed: what a worker process gets."""

    meta: ArticleMeta
    cleaned: Cleaned
    warnings: list[str]
    origin: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input whose article is already stored, coded with the same dictionaries and text:
    it is not coded again (resume after a crash, re-runs of the same sources)."""

    id: str
    origin: str


#: Given prepared articles, the ids that need no coding (already stored as they are).
SkipCheck = Callable[[Sequence[Prepared]], Collection[str]]


def prepare_batches(items: Iterable[Document | Failure], batch_size: int = 16,
                    skip: SkipCheck | None = None
                    ) -> Iterator[list[Prepared | Failure | Skipped]]:
    """Consecutive inputs, in order, cleaned and grouped into parse batches.

    A group holds at most ``batch_size`` articles to code and about ``MAX_BATCH_CHARS`` of
    text; Failures and Skipped stand in their input's place. Reading is lazy: only one group
    is held at a time, whatever the size of the input. ``skip`` is called once per group.
    """
    group: list[Prepared | Failure | Skipped] = []
    todo = chars = 0

    def flush() -> list[Prepared | Failure | Skipped]:
        if skip is None:
            return list(group)
        done = set(skip([g for g in group if isinstance(g, Prepared)]))
        return [Skipped(g.meta.id, g.origin) if isinstance(g, Prepared) and g.meta.id in done
                else g for g in group]

    for item in items:
        if isinstance(item, Failure):
            group.append(item)
            continue
        try:
            meta, cleaned, warns = prepare(item)
        except InputError as exc:
            group.append(Failure(exc.origin, exc.reason, stage="clean"))
            continue
        except Exception as exc:
            group.append(Failure(item.origin, f"{type(exc).__name__}: {exc}", stage="clean"))
            continue
        group.append(Prepared(meta, cleaned, warns, item.origin))
        todo, chars = todo + 1, chars + len(cleaned.text)
        if todo >= batch_size or chars >= MAX_BATCH_CHARS:
            yield flush()
            group, todo, chars = [], 0, 0
    if group:
        yield flush()


__all__ = ["Pipeline", "Prepared", "Skipped", "SkipCheck", "prepare", "prepare_batches",
           "article_id", "normalise_url", "data_fingerprint", "scrub", "MAX_CHARS",
           "MAX_BATCH_CHARS"]
