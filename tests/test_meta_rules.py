"""Publication date and dateline found in the text."""
from __future__ import annotations

import pytest

from warta.lang import load_language
from warta.meta import dateline_of_line, find_metadata, publication_date_of_line, rules_for
from warta.model import Article

LANG = load_language("id")
RULES = rules_for(LANG)
STORY = "Kamboja dan Laos berkomitmen untuk lebih membangun hubungan antara kedua negara."


@pytest.mark.parametrize("line, date", [
    ("22 April 2022", "2022-04-22"),
    ("Kompas.com - 24/10/2020, 11:53 WIB", "2020-10-24"),
    ("  • Selasa, 20 September 2022, 12:34 WIB", "2022-09-20"),
    ("Senin, 3 Agustus 2020 | 10:15 WIB", "2020-08-03"),
    ("Jumat, 26 Des 2025 07:00 WIB", "2025-12-26"),
    ("Diperbarui 1 Mei 2024, 09.30 WITA", "2024-05-01"),
    ("Rabu, 12 Okt. 2022", "2022-10-12"),
    ("2020-10-24T10:00:00+07:00", "2020-10-24"),
    ("Jum'at, 5 Januari 2018", "2018-01-05"),
    # not publication-date lines
    ("Pada 22 April 2022 presiden datang ke Phnom Penh untuk berunding.", None),
    ("Bentrokan dimulai kembali pada 8 Desember 2025, sehari setelah insiden.", None),
    ("31 Februari 2022", None),
    ("22 April 1820", None),
    ("Pertemuan berlangsung pada hari Rabu.", None),
    ("", None),
])
def test_meta_publication_date_line(line, date):
    assert publication_date_of_line(line, RULES) == date


@pytest.mark.parametrize("line, place", [
    ("PHNOM PENH – Kamboja dan Laos berkomitmen untuk lebih membangun", "PHNOM PENH"),
    ("PHNOM PENH, – Pemerintah Laos dan Kamboja kembali menegaskan komitmen", "PHNOM PENH"),
    ("WASHINGTON, KOMPAS.com - Amerika Serikat (AS) mencoba berupaya mengakhiri", "WASHINGTON"),
    ("Jakarta, CNN Indonesia -- Resepsi pernikahan yang digelar pada Minggu", "Jakarta"),
    ("Jakarta (ANTARA) - Presiden Joko Widodo meminta semua menteri hadir", "Jakarta"),
    ("Kupang (ANTARA News) -Ketua Umum DPP PDI Perjuangan Megawati Soekarnoputri", "Kupang"),
    ("Liputan6.com, Jakarta - Presiden Joko Widodo meminta semua menteri", "Jakarta"),
    ("TOKYO, KOMPAS.com --- Bagi pencinta sepeda motor, tidak ada tempat", "TOKYO"),
    ("JAKARTA (Pos Kota) – Seorang pemuda 24 tahun luka dianiaya empat pria", "JAKARTA"),
    ("NEW YORK, KOMPAS.com - Dewan Keamanan PBB menggelar rapat darurat", "NEW YORK"),
    # no dateline
    ("Merdeka.com - Turis berinisial CB (32), warga negara Amerika diamankan", None),
    ("KOMPAS.com -- Menjelang tahun ajaran baru 2025/2026, layanan gadai ramai", None),
    ("Rimanews - Pebulutangkis tunggal putra Indonesia, Jonatan Christie, melaju", None),
    ("KPK-Polri bekerja sama dalam kasus ini dan itu sejak lama", None),
    ("Menteri Luar Negeri AS Mike Pompeo - yang datang kemarin - bertemu", None),
    ("Sengketa perbatasan 2022 - 2023 belum selesai juga sampai kini", None),
    ("JAKARTA - Singkat", None),
    ("S - 400 dan S - 300 adalah sistem pertahanan udara canggih yang dimiliki Rusia.", None),
    ("PBB - 2 orang tewas dalam serangan di kamp pengungsi itu kemarin", None),
    (STORY, None),
])
def test_meta_dateline_of_line(line, place):
    assert dateline_of_line(line, RULES) == place


def test_meta_find_metadata_from_text():
    a = find_metadata(Article(id="x", text=f"22 April 2022\nPHNOM PENH – {STORY}"), LANG)
    assert (a.published, a.published_derived, a.dateline) == ("2022-04-22", "text", "PHNOM PENH")


def test_meta_given_published_wins():
    a = find_metadata(Article(id="x", text=f"22 April 2022\n{STORY}", published="2022-05-01"), LANG)
    assert (a.published, a.published_derived) == ("2022-05-01", "input")


def test_meta_date_found_in_removed_lines():
    a = find_metadata(Article(id="x", text=STORY, removed=("Kompas.com - 24/10/2020, 11:53 WIB",)), LANG)
    assert a.published == "2020-10-24"


def test_meta_date_deep_in_story_is_not_publication():
    body = "\n".join([STORY] * 20 + ["22 April 2022"])
    assert find_metadata(Article(id="x", text=body), LANG).published is None


def test_meta_nothing_found_leaves_article():
    a = Article(id="x", text=STORY)
    assert find_metadata(a, LANG) == a
