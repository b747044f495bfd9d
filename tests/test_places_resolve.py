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


def test_places_resolve_selat_hormuz_is_iranian_waters():
    place = resolve_place("Selat Hormuz", LANG)
    assert place is not None and place.country == "IRN" and place.precision == "point"


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


@pytest.mark.parametrize("text,place,country,derived", [
    # a capital standing for its government is not where the attack fell: the target's country
    ("Di tengah langkah baru Washington, pasukan AS menyerang kapal Iran.", "Iran", "IRN", "target"),
    ("Teheran membalas dengan menyerang pangkalan Israel.", "Israel", "ISR", "target"),
    # after a locative word the capital is a place
    ("Pasukan AS menyerang kapal Iran yang berlabuh di Washington.", "Washington", "USA", None),
    # ... but one where the speaker spoke is not where the attack fell
    ("Pasukan AS menyerang kapal Iran, kata pejabat di Washington.", "Iran", "IRN", "target"),
    ("Israel menyerang sejumlah sasaran di Teheran.", "Tehran", "IRN", None),
    ("Militer Israel menyerang Gaza, menurut juru bicara di Tel Aviv.", "Gaza", "PSE", None),
])
def test_places_event_place(text, place, country, derived):
    from warta.pipeline import code_article
    events = code_article(Article(id="t", text=text, published="2025-07-26", language="id")).events
    assert len(events) == 1
    got = events[0].place
    assert (got.name, got.country, got.derived) == (place, country, derived)


@pytest.mark.parametrize("text,word,is_actor", [
    ("Operasi itu disebut Washington sebagai langkah defensif.", "Washington", True),
    ("Di tengah langkah baru Washington, harga minyak naik.", "Washington", True),
    ("Teheran membalas serangan itu.", "Teheran", True),
    ("Pejabat di Washington membantah laporan itu.", "Washington", False),
    ("Juru bicara berbicara di Gedung Putih, Washington, kemarin.", "Washington", False),
    ("Pesawat tiba di utara Jakarta pada malam hari.", "Jakarta", False),
])
def test_places_name_read_as_actor(text, word, is_actor):
    from warta.events.assemble import _names_actor
    from warta.pipeline import build_document
    doc = build_document(Article(id="t", text=text, published="2025-07-26", language="id"), LANG)
    found = [m for m in doc.places if m.span.text == word]
    assert found, [m.span.text for m in doc.places]
    assert _names_actor(doc, found[0], LANG) is is_actor


@pytest.mark.parametrize("text,place,country", [
    # "di kota ini" points back to the city named before
    ("Pasukan Kurdi mengepung Raqqa dari utara.\nKoalisi pimpinan AS membom pusat komando ISIS di kota ini.",
     "Raqqa", "SYR"),
    ("Warga mengungsi dari Mosul sejak pekan lalu.\nPasukan Irak menyerang milisi ISIS di kota tersebut.",
     "Mosul", "IRQ"),
    # a nearer city wins; without the phrase nothing is borrowed from another sentence
    ("Pasukan Kurdi mengepung Raqqa.\nWarga mengungsi ke Aleppo.\nPesawat AS membom gudang ISIS di kota itu.",
     "Aleppo", "SYR"),
    ("Pasukan Kurdi mengepung Raqqa dari utara.\nKoalisi pimpinan AS membom pusat komando ISIS.", None, None),
])
def test_places_event_place_points_back(text, place, country):
    from warta.pipeline import code_article
    events = [e for e in code_article(Article(id="t", text=text, published="2017-06-01", language="id")).events
              if e.evidence.sentence_index == len(text.splitlines()) - 1]
    assert len(events) == 1
    got = events[0].place
    assert (got.name if got else None, got.country if got else None) == (place, country)


@pytest.mark.parametrize("sentence,wants", [
    ("Mereka membom gudang di kota ini.", "point"),
    ("Kota itu dikepung.", "point"),
    ("Korupsi proyek jalan di provinsi tersebut.", "admin1"),
    ("Dua rival sekota ini bertemu.", None),
    ("Mereka hadir di kota-kota lainnya.", None),
    ("Warga kota Aleppo mengungsi.", None),
])
def test_places_anaphoric_phrase(sentence, wants):
    from warta.resolve.places import anaphoric_precision, gazetteer
    assert anaphoric_precision(sentence, gazetteer(LANG)) == wants


@pytest.mark.parametrize("name,canonical,country", [("Raqa", "Raqqa", "SYR"), ("Raqqa", "Raqqa", "SYR")])
def test_places_resolve_spelling_variants(name, canonical, country):
    place = resolve_place(name, LANG)
    assert place is not None and (place.name, place.country) == (canonical, country)


@pytest.mark.parametrize("text,place,country,derived", [
    # the host of a meeting says where it was
    ("Menteri Luar Negeri AS Antony Blinken menjamu Menteri Luar Negeri Armenia untuk pembicaraan.",
     "United States", "USA", "host"),
    ("Sebagai tuan rumah KTT, Malaysia bertemu dengan para pemimpin Thailand dan Kamboja.",
     "Malaysia", "MYS", "host"),
    # a place named in the sentence wins over the host
    ("Presiden Prabowo menjamu Perdana Menteri Malaysia di Bandung.", "Bandung", "IDN", None),
])
def test_places_event_place_of_host(text, place, country, derived):
    from warta.pipeline import code_article
    events = [e for e in code_article(Article(id="t", text=text, published="2025-07-26", language="id")).events
              if e.event_type == "CONSULT"]
    assert events
    got = events[0].place
    assert (got.name, got.country, got.derived) == (place, country, derived)


@pytest.mark.parametrize("sentence,hosts", [
    ("Blinken menjamu Menlu Armenia.", True),
    ("Indonesia sebagai tuan rumah pertemuan.", True),
    ("Menlu Armenia dijamu oleh Blinken.", False),
    ("Blinken bertemu Menlu Armenia.", False),
])
def test_places_host_words(sentence, hosts):
    from warta.resolve.places import gazetteer, names_host
    assert names_host(sentence, gazetteer(LANG)) is hosts
