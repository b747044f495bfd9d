"""Language identification: Indonesian recognised, other languages named (and then skipped)."""
from __future__ import annotations

import re

import pytest

from warta.errors import LanguageError
from warta.lang import available_languages
from warta.langid import (FIRST_PASS_CHARS, MIN_LETTERS, _ENOUGH_LETTERS, _distinct_at_least,
                          candidate_languages, detect_language, detected_language, plain_language)
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


_ID = ("Pasukan Israel menyerang kamp pengungsi di Rafah pada Senin, menewaskan sedikitnya 12 orang, kata "
       "pejabat kesehatan Gaza kepada wartawan. Menurut laporan itu, serangan tersebut terjadi saat warga "
       "sedang tidur dan belum ada tanggapan dari pihak militer. Mereka juga mengatakan bahwa bantuan "
       "kemanusiaan masih tertahan di perbatasan karena pemeriksaan yang ketat, sementara PBB meminta "
       "agar semua pihak menahan diri. ")
_EN = ("The United Nations said on Tuesday that thousands of people had fled the fighting in the north, "
       "where aid convoys have been blocked for weeks and hospitals are running out of fuel. ")
_MS = ("Polis berkata bahawa seramai 20 orang ditahan selepas kejadian itu kerana disyaki terlibat dalam "
       "aktiviti penyeludupan wang, dan mereka akan dihadapkan ke mahkamah pada minggu hadapan. ")


@pytest.mark.parametrize("text, plain", [
    (_ID, "id"),                          # plainly Indonesian: the detector is not needed
    (_ID * 3, "id"),
    (_ID + _EN, "id"),                    # mostly Indonesian, an English quote after
    (_EN * 2 + _ID, "id"),                # an English opening, the prefix still mostly Indonesian
    (_EN * 6 + _ID, None),                # mostly English: the detector decides
    (_EN * 3, None),
    (_MS * 3, None),                      # Malay words: the detector decides
    (_ID + _MS, None),                    # two Malay words are enough to ask the detector
    ("Israel menyerang Gaza.", None),     # too few function words to be sure
])
def test_langid_plain_text_skips_the_detector_with_the_same_result(text, plain):
    supported = set(available_languages())
    assert plain_language(text, supported) == plain
    assert detect_language(text) == detected_language(text, supported)
    if plain is not None:
        assert detected_language(text, supported) == plain


@pytest.mark.shared
def test_langid_plain_text_agrees_with_the_detector_on_the_corpus():
    from conftest import corpus_articles
    supported = set(available_languages())
    texts = [d["text"] for name in ("kompas-2025.jsonl", "detik-2026.jsonl", "indosum-2016-2018.jsonl")
             for d in list(corpus_articles(name).values())[:150]]
    plain = [(t, plain_language(t, supported)) for t in texts]
    assert sum(p is not None for _, p in plain) >= 0.9 * len(texts)
    assert all(detected_language(t, supported) == p for t, p in plain if p is not None)


@pytest.mark.parametrize("text", [
    "", "12345", "a" * 11, "a" * 12, "ab " * 5, "a1b2c3d4e5f6g7h8i9j0k1l", "___ ___ ___ abc def ghi",
    "_a_b_c_d_e_f_g_h_i_j_k_", "_a_b_c_d_e_f_g_h_i_j_k_l", "²½ ٣٤ abcdefghij", "²½ ٣٤ abcdefghijkl",
    "é" * 12, "—" * 40 + "Jakarta ramai", "-- 2025 --", "x" + " " * 300 + "abcdefghijkl",
    "Menteri Luar Negeri bertemu di Jakarta.",
])
def test_langid_enough_letters_is_the_letter_count(text):
    counted = len(re.findall(r"[^\W\d_]", text[:FIRST_PASS_CHARS])) >= MIN_LETTERS
    assert bool(_ENOUGH_LETTERS.match(text[:FIRST_PASS_CHARS])) is counted


@pytest.mark.parametrize("found, n, expected", [
    ([], 2, False), ([(0, "tak")], 2, False), ([(0, "tak"), (5, "tak")], 2, False),
    ([(0, "tak"), (5, "boleh")], 2, True), ([(0, "tak"), (5, "tak"), (9, "boleh")], 2, True),
    ([(0, "tak")], 1, True), ([], 0, True),
])
def test_langid_distinct_close_words(found, n, expected):
    assert _distinct_at_least(iter(found), n) is expected
