"""Places: recognition in text, gazetteer resolution, disambiguation, datelines."""
from __future__ import annotations

import pytest

from warta.extract.places import extract_places
from warta.lang import load_language
from warta.model import Article
from warta.resolve.places import dateline_place, resolve_place
from warta.segment import segment

LANG = load_language("id")


def places(text: str):
    doc = segment(Article(id="t", text=text, published="2025-06-01"), LANG)
    return extract_places(doc, LANG)


@pytest.mark.parametrize("name,country,precision", [
    ("Phnom Penh", "KHM", "point"),
    ("PHNOM PENH", "KHM", "point"),
    ("Washington", "USA", "point"),
    ("WASHINGTON", "USA", "point"),
    ("New York", "USA", "point"),
    ("Chanthaburi", "THA", "admin1"),
    ("Nagorno-Karabakh", "AZE", "admin1"),
    ("Jalur Gaza", "PSE", "admin1"),
    ("Gaza", "PSE", "point"),
    ("Tepi Barat", "PSE", "admin1"),
    ("Donbas", "UKR", "admin1"),
    ("Krimea", "UKR", "admin1"),
    ("Preah Vihear", "KHM", "admin1"),
    ("Rakhine", "MMR", "admin1"),
    ("Idlib", "SYR", "admin1"),
    ("Aleppo", "SYR", "point"),
    ("Halab", "SYR", "point"),
    ("Kashmir", "IND", "admin1"),
    ("Natuna", "IDN", "point"),
    ("Dataran Tinggi Golan", "SYR", "admin1"),
    ("Yerusalem", "ISR", "point"),
    ("Moskow", "RUS", "point"),
    ("Beijing", "CHN", "point"),
    ("Damaskus", "SYR", "point"),
    ("Kairo", "EGY", "point"),
    ("Stung Treng", "KHM", "admin1"),
    ("Stueng Traeng", "KHM", "admin1"),
    ("Ratanakiri", "KHM", "admin1"),
    ("Rotanak Kiri", "KHM", "admin1"),
    ("Attapeu", "LAO", "admin1"),
    ("Attapu", "LAO", "admin1"),
    ("Vardenis", "ARM", "point"),
    ("Thailand", "THA", "country"),
    ("Kamboja", "KHM", "country"),
    ("Amerika Serikat", "USA", "country"),
    ("Tokyo", "JPN", "point"),
    ("Surabaya", "IDN", "point"),
])
def test_places_resolve_name(name, country, precision):
    place = resolve_place(name, LANG)
    assert place is not None, name
    assert place.country == country
    assert place.precision == precision
    assert place.lat is not None and place.lon is not None


def test_places_resolve_laut_china_selatan_has_no_country():
    place = resolve_place("Laut China Selatan", LANG)
    assert place is not None and place.country is None and place.lat is not None


@pytest.mark.parametrize("name", ["", "   ", "Xyzzyqwv", "bukan tempat"])
def test_places_resolve_unknown(name):
    assert resolve_place(name, LANG) is None


def test_places_resolve_prefers_article_countries():
    # "Kapan" exists in Armenia; "Armenia" also names a Colombian city
    assert resolve_place("Armenia", LANG).country == "ARM"
    assert resolve_place("Goris", LANG, prefer=["ARM"]).country == "ARM"


@pytest.mark.parametrize("text,name,country", [
    ("Pertemuan berlangsung di provinsi Chanthaburi, Thailand.", "Chanthaburi", "THA"),
    ("Blinken bertemu mereka di New York pada Senin.", "New York", "USA"),
    ("Di Washington, Pompeo bertemu menteri Armenia.", "Washington", "USA"),
    ("Pertempuran pecah di Nagorno-Karabakh.", "Nagorno-Karabakh", "AZE"),
    ("Kunjungan itu berlangsung di Phnom Penh.", "Phnom Penh", "KHM"),
    ("Serangan Israel di Jalur Gaza menewaskan 20 orang.", "Jalur Gaza", "PSE"),
    ("Pasukan Rusia menyerang Kharkiv.", "Kharkiv", "UKR"),
    ("Serangan artileri Azerbaijan menghantam Vardenis di Armenia.", "Vardenis", "ARM"),
    ("Ledakan terjadi di Surabaya.", "Surabaya", "IDN"),
    ("Tentara Thailand berjaga di Thailand.", "Thailand", "THA"),
])
def test_places_found_in_text(text, name, country):
    got = {(p.span.text, p.place.country) for p in places(text)}
    assert (name, country) in got, got
    for p in places(text):
        assert text[p.span.start:p.span.end] == p.span.text


@pytest.mark.parametrize("text,word", [
    ("Kapan perang ini akan berakhir?", "Kapan"),
    ("Sama seperti sebelumnya, mereka menolak.", "Sama"),
    ("Kami menolak usulan itu.", "Kami"),
    ("Negara itu menolak.", "Negara"),
    ("Para menteri bertemu.", "Para"),
    ("Bulan depan mereka bertemu.", "Bulan"),
    ("Batu besar menutup jalan.", "Batu"),
    ("Presiden Donald Trump mengatakan itu.", "Donald"),
    ("Presiden Donald Trump mengatakan itu.", "Trump"),
    ("Menteri Luar Negeri Armenia Ararat Mirzoyan hadir.", "Ararat"),
    ("ketua Grup Minsk mengatakan", "Minsk"),
    ("kota itu bagus sekali", "bagus"),
    ("Thailand menolak usulan Kamboja.", "Thailand"),   # a country acting, not a location
    ("Kali ini AS menolak.", "Kali"),
    ("Lima orang tewas di Gaza.", "Lima"),
    ("Pebalap Jorge Lorenzo menang di AS.", "Lorenzo"),
    ("Dokter Peter Stafford dievakuasi ke AS. Stafford selamat.", "Stafford"),
    ("\"Kami siap,\" kata Riadi di Arab Saudi.", "Riadi"),
    ("Tim itu kalah dari Inter Milan kemarin.", "Milan"),
])
def test_places_not_found(text, word):
    assert word not in {p.span.text for p in places(text)}


def test_places_sorted_and_in_sentences():
    text = "Tentara Thailand di Chanthaburi.\nMenlu AS di Washington dan New York."
    ps = places(text)
    assert [p.span.start for p in ps] == sorted(p.span.start for p in ps)
    assert {p.sentence_index for p in ps} == {0, 1}


@pytest.mark.parametrize("dateline,country", [
    ("PHNOM PENH", "KHM"), ("WASHINGTON", "USA"), ("JAKARTA", "IDN"), ("YERUSALEM", "ISR"),
    ("MOSKOW", "RUS"), ("KIEV", "UKR"), (None, None),
])
def test_places_dateline(dateline, country):
    art = Article(id="t", text="x", dateline=dateline)
    place = dateline_place(art, LANG)
    if country is None:
        assert place is None
    else:
        assert place.country == country and place.derived == "dateline"


@pytest.mark.parametrize("text,expected", [
    ("Serangan Israel menewaskan 20 warga Gaza.", {("Gaza", "PSE")}),
    ("Setidaknya 49 tentara Armenia tewas.", set()),          # Armenia is also a Colombian city
    ("Kementerian Kesehatan Gaza mengatakan.", set()),         # part of an institution's name
    ("Artileri menghantam Vardenis, Goris dan Jermuk di Armenia.",
     {("Vardenis", "ARM"), ("Goris", "ARM"), ("Jermuk", "ARM")}),   # a list of small towns
])
def test_places_in_actor_phrases_and_lists(text, expected):
    got = {(p.span.text, p.place.country) for p in places(text) if p.place.precision != "country"}
    assert got == expected
