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
