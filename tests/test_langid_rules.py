"""Language identification: Indonesian recognised, other languages named (and then skipped)."""
from __future__ import annotations

import pytest

from warta.errors import LanguageError
from warta.langid import candidate_languages, detect_language
from warta.model import Article
from warta.pipeline import prepare_article


@pytest.mark.parametrize("text, code", [
    ("Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Malaysia di Jakarta.", "id"),
    ("Israel menyerang Gaza.", "id"),
    ("Kementerian Luar Negeri mengecam serangan itu.", "id"),
    ("Permusuhan meletus pada Selasa dini hari ketika pasukan Azerbaijan melepaskan serangan lintas "
     "perbatasan menggunakan artileri, mortir, drone dan senapan kaliber besar. Laporan menyebutkan, "
     "setidaknya 49 tentara Armenia dan 50 tentara Azerbaijan tewas. Kementerian Pertahanan Armenia "
     "mengatakan serangan itu menargetkan infrastruktur militer dan sipil di beberapa kota dan desa.", "id"),
    ("The United Nations said on Tuesday that thousands of people had fled the fighting.", "en"),
    ("The president met the prime minister in Jakarta on Monday.", "en"),
    ("Kerajaan Malaysia akan menyediakan peruntukan tambahan untuk membantu rakyat yang terjejas "
     "akibat banjir, kata Perdana Menteri.", "ms"),
    ("Pasukan Israel menyerang kamp pengungsi di Rafah pada Senin, menewaskan sedikitnya 12 orang, kata "
     "pejabat kesehatan Gaza kepada wartawan di Kairo. " * 3, "id"),     # lingua alone says Malay
    ("Polis berkata bahawa seramai 20 orang ditahan selepas kejadian itu kerana disyaki terlibat.", "ms"),
    ("", None),
    ("12 34 56 !!", None),
    ("Ya.", None),
])
def test_langid_detect(text, code):
    assert detect_language(text) == code


def test_langid_candidates_include_data_languages_english_malay():
    assert {"id", "en", "ms"} <= set(candidate_languages())


@pytest.mark.parametrize("text", [
    "The United Nations said on Tuesday that thousands of people had fled the fighting in the north.",
    "Kerajaan Malaysia akan menyediakan peruntukan tambahan untuk membantu rakyat yang terjejas "
    "akibat banjir, kata Perdana Menteri.",
])
def test_langid_unsupported_language_raises(text):
    with pytest.raises(LanguageError) as info:
        prepare_article(Article(id="x", text=text, origin="a.txt"))
    assert info.value.name == "a.txt"


def test_langid_given_language_is_trusted():
    a = prepare_article(Article(id="x", text="Presiden tiba di Jakarta pada Senin.", language="id"))
    assert a.language == "id"


@pytest.mark.shared
def test_langid_corpus_is_indonesian():
    from conftest import corpus_articles
    for name in ("kompas-2025.jsonl", "detik-2026.jsonl"):
        texts = [d["text"] for d in corpus_articles(name).values()][:400]
        assert [detect_language(t) for t in texts].count("id") == len(texts)
