"""Language detection: non-English articles are refused with a reason, English ones never.

The sentences are written for these tests (a town, a bridge, a ferry), in each language.
"""
from __future__ import annotations

import pytest

from eventwire.ingest import read_inputs
from eventwire.ingest.language import detect, refusal
from eventwire.model import Document, Failure

FOREIGN = {
    "fr": "Le maire de la petite ville a annoncé mardi que les travaux du nouveau pont seraient "
          "terminés avant la fin de l'année, malgré les protestations des habitants.",
    "de": "Der Bürgermeister der Stadt hat am Dienstag angekündigt, dass die neue Brücke noch "
          "vor dem Ende des Jahres fertig sein wird, obwohl sich viele Anwohner beschweren.",
    "es": "El alcalde de la pequeña ciudad anunció el martes que las obras del nuevo puente "
          "estarán terminadas antes de fin de año, a pesar de las quejas de los vecinos.",
    "it": "Il sindaco della piccola città ha annunciato martedì che i lavori del nuovo ponte "
          "saranno finiti prima della fine dell'anno, nonostante le proteste degli abitanti.",
    "pt": "O prefeito da pequena cidade anunciou na terça-feira que as obras da nova ponte "
          "estarão concluídas antes do fim do ano, apesar das queixas dos moradores.",
    "nl": "De burgemeester van het stadje heeft dinsdag aangekondigd dat de nieuwe brug nog "
          "voor het einde van het jaar klaar zal zijn, hoewel veel bewoners klagen.",
    "pl": "Burmistrz małego miasta ogłosił we wtorek, że budowa nowego mostu zostanie "
          "zakończona przed końcem roku, mimo że wielu mieszkańców skarży się na hałas.",
    "tr": "Bakan bu sabah yaptığı açıklamada, ülkenin enerji politikasının değişmeyeceğini ve "
          "yeni anlaşmanın bir hafta içinde imzalanacağını söyledi.",
    "id": "Wali kota itu mengatakan pada hari Selasa bahwa pembangunan jembatan baru akan "
          "selesai sebelum akhir tahun, meskipun banyak warga yang mengeluhkan kebisingan.",
    "ru": "Мэр небольшого города заявил во вторник, что строительство нового моста будет "
          "завершено до конца года, несмотря на жалобы жителей на шум.",
    "uk": "Мер невеликого міста заявив у вівторок, що будівництво нового мосту буде "
          "завершено до кінця року, попри скарги мешканців на шум і затори.",
    "ar": "أعلن رئيس بلدية المدينة الصغيرة يوم الثلاثاء أن أعمال بناء الجسر الجديد ستنتهي قبل "
          "نهاية العام رغم شكاوى السكان من الضوضاء.",
    "zh": "这座小城的市长星期二宣布，新桥的建设工程将在年底前完工，尽管许多居民抱怨噪音。",
    "ja": "小さな町の市長は火曜日、新しい橋の工事は年末までに完了すると発表したが、多くの住民が"
          "騒音について不満を述べている。",
}

ENGLISH = [
    "The harbour authority said on Thursday that the new ferry line would open in the spring, "
    "after months of delay caused by a dispute with the workers' union over night shifts.",
    # an English report quoting a French phrase stays English
    "The minister, speaking in Paris, quoted the motto \"liberté, égalité, fraternité\" and "
    "said the government would not bow to pressure from the unions over the pension plan.",
    # many foreign names, few words
    "Jean-Pierre Dubois, Marie-Claire Lefèvre and François Martin attended the summit in "
    "Bordeaux on Tuesday alongside German officials.",
    # an English report with a Russian quotation in Cyrillic
    "Residents of the border town told reporters that the shelling had stopped. One of them, "
    "a retired teacher, shouted \"мы хотим мира\" as the convoy passed, and the mayor said the "
    "water supply would be restored by the end of the week for all of the households.",
]


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_language_foreign_sentences_are_named(lang):
    assert detect(FOREIGN[lang]).language == lang
    assert refusal(FOREIGN[lang]).startswith(f"not English: {lang} ")


@pytest.mark.parametrize("text", ENGLISH)
def test_language_english_with_foreign_names_and_quotes_is_kept(text):
    assert detect(text).language == "en"
    assert refusal(text) is None


@pytest.mark.parametrize("text", ["Paris, Berlin.", "Vladimir Putin met Recep Tayyip Erdogan "
                                  "in Sochi on Monday.", "Le Monde, El País, Der Spiegel"])
def test_language_short_texts_are_not_refused(text):
    assert detect(text).language in ("en", "und") and refusal(text) is None


def test_language_protest_chant_in_english_report_is_not_refused():
    # half French by words, but English function words are frequent: undecided, so coded
    text = ("Protesters in Lyon chanted \"nous ne céderons pas, nous ne céderons jamais\" as the "
            "police moved in, the local prefect told reporters on Saturday evening.")
    assert refusal(text) is None


def test_language_read_inputs_refuses_foreign_files_and_codes_the_rest(tmp_path):
    (tmp_path / "a_fr.txt").write_text(FOREIGN["fr"], encoding="utf-8")
    (tmp_path / "b_en.txt").write_text(ENGLISH[0], encoding="utf-8")
    page = f"<html><body><article><p>{FOREIGN['de']}</p></article></body></html>"
    (tmp_path / "c_de.html").write_text(page, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Failure", "Document", "Failure"]
    assert items[0].stage == "language" and items[0].reason.startswith("not English: fr")
    assert items[2].reason.startswith("not English: de") and items[2].origin.endswith("c_de.html")
    kept = list(read_inputs([str(tmp_path)], english_only=False))
    assert all(isinstance(i, Document) for i in kept) and len(kept) == 3


def test_language_corpus_articles_are_all_english(shared_dir):
    docs = [d for d in read_inputs([str(shared_dir / "corpus" / "articles")])]
    assert len(docs) >= 40 and not [d for d in docs if isinstance(d, Failure)]
