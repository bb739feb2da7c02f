"""The corpus generator: realistic recombined articles, the same ones for the same seed."""
from __future__ import annotations

from eventwire.ingest import read_inputs
from eventwire.ingest.generate import corpus_articles, load_corpus, swap_countries, write_jsonl
from eventwire.model import Document

from ..conftest import SHARED

CORPUS = SHARED / "corpus" / "articles"


def test_generate_is_deterministic_by_seed_and_varies_between_seeds():
    first = list(corpus_articles(CORPUS, 30, seed=3))
    assert first == list(corpus_articles(CORPUS, 30, seed=3))
    other = list(corpus_articles(CORPUS, 30, seed=4))
    assert [a["text"] for a in first] != [a["text"] for a in other]
    assert len({a["id"] for a in first + other}) == 60  # ids never collide across seeds
    assert len({a["text"] for a in first}) == 30


def test_generated_articles_read_as_news_with_dates_that_are_not_in_the_future(tmp_path):
    path = write_jsonl(tmp_path / "big.jsonl", corpus_articles(CORPUS, 40, seed=1))
    docs = list(read_inputs([path]))
    assert all(isinstance(d, Document) for d in docs) and len(docs) == 40
    sources = {s.name: s for s in load_corpus(CORPUS)}
    for doc in docs:
        assert doc.meta.published and "1990" <= doc.meta.published[:4] <= "2025"
        assert 4 <= len([p for p in doc.text.split("\n\n") if p]) <= 10  # lede + 3..9
        assert doc.meta.url.rsplit("/", 1)[1] in sources  # traceable to its base article


def test_generated_country_swap_keeps_a_state_and_its_adjective_together():
    """A state and its adjective move together, so 'Kenyan troops' still follow 'Kenya'."""
    mapping = {"Kenya": "Chile", "Peru": "Norway", "Chile": "Kenya"}
    assert (swap_countries("Kenya sent Kenyan troops to the border.", mapping)
            == "Chile sent Chilean troops to the border.")
    assert (swap_countries("Peruvian fishermen said Peru would protest.", mapping)
            == "Norwegian fishermen said Norway would protest.")
    # swapped in one pass: Kenya -> Chile and Chile -> Kenya do not collapse into one
    assert (swap_countries("Kenya and Chile met; Chilean and Kenyan envoys spoke.", mapping)
            == "Chile and Kenya met; Kenyan and Chilean envoys spoke.")
    # names outside the pool, and words that merely contain one, are left alone
    assert (swap_countries("Kenyatta visited Perugia and Tanzania.", mapping)
            == "Kenyatta visited Perugia and Tanzania.")
