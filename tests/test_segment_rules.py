"""Segmentation: sentences and tokens with offsets into the text."""
from __future__ import annotations

import dataclasses
import pickle
import re

import pytest
from hypothesis import given, settings, strategies as st

from warta.lang import load_language
from warta.model import Article
from warta.segment import _is_boundary, _trim, abbreviations, segment, sentence_spans, token_texts, tokens_of

LANG = load_language("id")


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(Article(id="x", text=text), LANG).sentences]


@pytest.mark.parametrize("text, expected", [
    ("Presiden tiba. Menteri menyambut.", ["Presiden tiba.", "Menteri menyambut."]),
    ("Dr. Sok Piset mengatakan hal itu.", ["Dr. Sok Piset mengatakan hal itu."]),
    ("Jend. Andika Perkasa hadir. Ia berbicara.", ["Jend. Andika Perkasa hadir.", "Ia berbicara."]),
    ("Kombes Pol. Ade Ary menjelaskan kasus itu.", ["Kombes Pol. Ade Ary menjelaskan kasus itu."]),
    ("Kantor di Jl. Sudirman No. 5 rusak.", ["Kantor di Jl. Sudirman No. 5 rusak."]),
    ("Letjen TNI (Purn.) Sjafrie hadir.", ["Letjen TNI (Purn.) Sjafrie hadir."]),
    ("Mayjen (Purn.) Budi hadir. Letjen. Agus juga.", ["Mayjen (Purn.) Budi hadir.", "Letjen. Agus juga."]),
    ("Ahmad dkk. Mereka tiba.", ["Ahmad dkk. Mereka tiba."]),
    ("Rekening a.n. Budi Santoso diblokir.", ["Rekening a.n. Budi Santoso diblokir."]),
    ("Kol. Inf. Hadi memimpin pasukan.", ["Kol. Inf. Hadi memimpin pasukan."]),
    ("H. Agus Salim S.H. datang. Ia disambut.", ["H. Agus Salim S.H. datang.", "Ia disambut."]),
    ("Sebanyak 5.000 orang mengungsi. Banjir surut.", ["Sebanyak 5.000 orang mengungsi.", "Banjir surut."]),
    ("Inflasi 2,5 persen. Harga naik.", ["Inflasi 2,5 persen.", "Harga naik."]),
    ("Serangan pada Senin (19/9). Korban bertambah.", ["Serangan pada Senin (19/9).", "Korban bertambah."]),
    ("Pada 24/10/2020 pukul 12:34 WIB. Ledakan terjadi.", ["Pada 24/10/2020 pukul 12:34 WIB.", "Ledakan terjadi."]),
    ("Pukul 10.30 WIB dia tiba. Lalu pergi.", ["Pukul 10.30 WIB dia tiba.", "Lalu pergi."]),
    ("\"Kami siap berunding.\" Kata dia.", ["\"Kami siap berunding.\"", "Kata dia."]),
    ("“Kami siap.” Menlu tersenyum.", ["“Kami siap.”", "Menlu tersenyum."]),
    ("\"Kami siap,\" katanya. \"Tidak ada perang.\"", ["\"Kami siap,\" katanya.", "\"Tidak ada perang.\""]),
    ("Apakah perang usai? Belum.", ["Apakah perang usai?", "Belum."]),
    ("Hentikan! Tentara mundur.", ["Hentikan!", "Tentara mundur."]),
    ("Dia berkata... Kami menunggu.", ["Dia berkata...", "Kami menunggu."]),
    ("Armenia...Kami akan lihat.", ["Armenia...Kami akan lihat."]),
    ("harga naik. kemudian turun.", ["harga naik. kemudian turun."]),   # no capital: no split
    ("Korban tewas 20 orang. 15 di antaranya anak.", ["Korban tewas 20 orang. 15 di antaranya anak."]),
    ("Judul tanpa titik\nIsi berita. Kalimat dua.", ["Judul tanpa titik", "Isi berita.", "Kalimat dua."]),
    ("Satu.\n\n   \n\nDua.", ["Satu.", "Dua."]),
    ("  Spasi di depan.  ", ["Spasi di depan."]),
    ("", []),
    ("\n\n \n", []),
    ("Kata AS. Ia menolak.", ["Kata AS.", "Ia menolak."]),
    ("Dia tinggal di AS. (Foto) Rusak.", ["Dia tinggal di AS.", "(Foto) Rusak."]),
])
def test_segment_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, tokens", [
    ("5.000 orang", ["5.000", "orang"]),
    ("2,5 persen", ["2,5", "persen"]),
    ("(19/9)", ["(", "19/9", ")"]),
    ("24/10/2020, 12:34 WIB", ["24/10/2020", ",", "12:34", "WIB"]),
    ("baru-baru ini", ["baru-baru", "ini"]),
    ("O’Alay dan Laos–Kamboja", ["O’Alay", "dan", "Laos", "–", "Kamboja"]),
    ("“Kami,” ujarnya.", ["“", "Kami", ",", "”", "ujarnya", "."]),
    ("COVID-19 dan 25th", ["COVID-19", "dan", "25th"]),
    ("Rp 5.000,50.", ["Rp", "5.000,50", "."]),
])
def test_segment_tokens(text, tokens):
    doc = segment(Article(id="x", text=text), LANG)
    assert [t.text for s in doc.sentences for t in s.tokens] == tokens


@pytest.mark.parametrize("text", [
    "Presiden tiba. Menteri menyambut 5.000 orang (19/9).",
    "“Kami siap,” ujarnya.\nCOVID-19 dan 25th di Jl. Sudirman.",
    "  Serangan pukul 12:34 WIB. Rp 5.000,50 hilang!  ",
    "O’Alay dan Laos–Kamboja. İstanbul menyambut.",
    "",
])
def test_segment_tokens_made_on_use_match_the_whole_text(text):
    """A sentence's tokens, made when first read, are the tokens of its stretch of the article."""
    doc = segment(Article(id="x", text=text), LANG)
    for s in doc.sentences:
        assert s.tokens == tokens_of(text, s.start, s.end)
        assert token_texts(s.text) == [t.text for t in s.tokens]
        assert s.tokens is s.tokens          # made once


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("Ab. ,\n\"”“?!…:/19()D rk") + ["Dr.", "dkk.", "5.000", " Ia "]),
                max_size=80).map("".join))
def test_segment_offsets_always_cut_the_text(text):
    doc = segment(Article(id="x", text=text), LANG)
    last = 0
    for i, s in enumerate(doc.sentences):
        assert s.index == i and s.text == text[s.start:s.end]
        assert s.text.strip() == s.text and s.text
        assert s.start >= last
        last = s.end
        for t in s.tokens:
            assert t.text == text[t.start:t.end] and s.start <= t.start < t.end <= s.end


def test_segment_newline_always_ends_a_sentence():
    spans = sentence_spans("Dr.\nSok datang", LANG)
    assert len(spans) == 2


_LINE = re.compile(r"[^\n]+")
_LINE_END = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]*[^\W\d_])")


def line_by_line_spans(text: str) -> list[tuple[int, int]]:
    """The reference: each line searched on its own for the ends of sentences, with the plain
    form of the end pattern (``sentence_spans`` searches the whole text once)."""
    abbrevs = abbreviations(LANG)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for m in _LINE_END.finditer(text, line.start(), line.end()):
            if _is_boundary(text, m, abbrevs):
                spans.append((start, m.end()))
                start = m.end()
        spans.append((start, line.end()))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s]


@pytest.mark.parametrize("text", [
    "Presiden tiba. Menteri menyambut.",
    "Dia berkata... Kami menunggu.\nLalu?! Ya.",
    "Dia berkata… Kami menunggu. Dia berkata…. Kami pergi.",
    "Hentikan!!! “Tentara mundur.” (Foto) Rusak.",
    "Kalimat satu.\nKalimat dua.\n\n  \nKalimat tiga.  ",
    "Baris berakhir titik.\n\"Kutipan di baris baru.\"",
    "Akhir baris.  \n  Awal baris berikut.",
    "Tab\tdi tengah. Lalu\u00a0spasi keras. Kalimat\u2028dengan pemisah.",
    "Kata AS.\tIa menolak.\rLalu pergi.",
    "Dr.\nSok datang. H. Agus tiba. S.H. Budi.",
    "...\n…\n. Dia\n!",
    "Angka 5.000 orang. 15 di antaranya anak. Pukul 10.30 WIB.",
    "",
    "\n\n",
])
def test_segment_sentence_spans_same_as_line_by_line(text):
    assert sentence_spans(text, LANG) == line_by_line_spans(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("Ab. ,\n\t\r\"”“?!…:/19()D rkÉ\u00a0") + ["Dr.", "dkk.", "...", "H.", " Ia "]),
                max_size=80).map("".join))
def test_segment_sentence_spans_same_as_line_by_line_on_any_text(text):
    assert sentence_spans(text, LANG) == line_by_line_spans(text)


@pytest.mark.parametrize("text", [
    "Presiden tiba. Menteri menyambut 5.000 orang (19/9).",
    "“Kami siap,” ujarnya.\nCOVID-19 dan 25th di Jl. Sudirman.",
])
def test_segment_tokens_survive_pickling_and_stay_frozen(text):
    """Documents cross process pools: a sentence whose tokens were read keeps equal tokens, and a
    token cannot be changed."""
    doc = segment(Article(id="x", text=text), LANG)
    for s in doc.sentences:
        tokens = s.tokens
        again = pickle.loads(pickle.dumps(s))
        assert again == s and again.tokens == tokens
        with pytest.raises(dataclasses.FrozenInstanceError):
            tokens[0].start = 1          # type: ignore[misc]
