"""Actor phrases resolve to a canonical name, country, organisation code, sector and role."""
from __future__ import annotations

import pytest

from warta.extract.actors import extract_actors
from warta.lang import load_language
from warta.model import Article
from warta.resolve.actors import resolve_actor_text
from warta.segment import segment

LANG = load_language("id")


def mentions(text: str, published: str | None = "2025-06-01"):
    doc = segment(Article(id="t", text=text, published=published), LANG)
    return extract_actors(doc, LANG)


# text, country, org, sector, role (None = do not check)
@pytest.mark.parametrize("text,country,org,sector,role", [
    ("Menteri Luar Negeri AS Marco Rubio", "USA", None, "GOV", "foreign minister"),
    ("Menlu AS Mike Pompeo", "USA", None, "GOV", "foreign minister"),
    ("Menteri Pertahanan Israel", "ISR", None, "GOV", "defence minister"),
    ("Menhan Rusia", "RUS", None, "GOV", "defence minister"),
    ("Perdana Menteri Kamboja Hun Manet", "KHM", None, "GOV", "prime minister"),
    ("PM Thailand", "THA", None, "GOV", "prime minister"),
    ("Presiden Prancis Emmanuel Macron", "FRA", None, "GOV", "president"),
    ("Presiden Perancis", "FRA", None, "GOV", "president"),
    ("Wakil Presiden AS", "USA", None, "GOV", "vice president"),
    ("Raja Yordania", "JOR", None, "GOV", "king"),
    ("duta besar baru Laos", "LAO", None, "GOV", "ambassador"),
    ("Dubes Rusia untuk PBB", "RUS", None, "GOV", "ambassador"),
    ("Kepala Staf Umum Tentara Rakyat Laos", "LAO", None, "MIL", "chief of general staff"),
    ("Panglima militer Myanmar", "MMR", None, "MIL", None),
    ("Ketua Senat Kamboja", "KHM", None, "LEG", "senate president"),
    ("Juru Bicara Kementerian Luar Negeri AS Ned Price", "USA", None, "GOV", "spokesperson"),
    ("Jubir Kremlin", "RUS", None, "GOV", "spokesperson"),
    ("Kementerian Dalam Negeri Kamboja", "KHM", None, "GOV", "interior ministry"),
    ("Kementerian Pertahanan Armenia", "ARM", None, "GOV", "defence ministry"),
    ("Kemendagri", "IDN", None, "GOV", "interior ministry"),
    ("Kemlu RI", "IDN", None, "GOV", "foreign ministry"),
    ("Departemen Luar Negeri AS", "USA", None, "GOV", "foreign ministry"),
    ("Gedung Putih", "USA", None, "GOV", None),
    ("Kremlin", "RUS", None, "GOV", None),
    ("Pentagon", "USA", None, "MIL", None),
    ("PBB", None, "UNO", "IGO", None),
    ("Dewan Keamanan PBB", None, "UNO", "IGO", None),
    ("DK PBB", None, "UNO", "IGO", None),
    ("Sekjen PBB", None, "UNO", "IGO", "secretary-general"),
    ("ASEAN", None, "IGO", "IGO", None),
    ("Uni Eropa", None, "EUR", "IGO", None),
    ("NATO", None, "IGO", "MIL", None),
    ("Grup Minsk", None, "IGO", "IGO", None),
    ("OKI", None, "IGO", "IGO", None),
    ("ICC", None, "IGO", "JUD", None),
    ("Mahkamah Internasional", None, "UNO", "JUD", None),
    ("Palang Merah Internasional", None, "NGO", "NGO", None),
    ("ICRC", None, "NGO", "NGO", None),
    ("UNHCR", None, "UNO", "IGO", None),
    ("WHO", None, "UNO", "IGO", None),
    ("ISIS", None, "REB", "REB", None),
    ("teroris NIIS", None, "REB", "REB", None),
    ("Hamas", "PSE", None, "REB", None),
    ("pejuang Hamas", "PSE", None, "REB", "fighters"),
    ("Hizbullah", "LBN", None, "REB", None),
    ("pemberontak Houthi", "YEM", None, "REB", "rebels"),
    ("Otoritas Palestina", "PSE", None, "GOV", None),
    ("pengungsi Rohingya", "MMR", None, "REF", "refugees"),
    ("tentara Thailand", "THA", None, "MIL", "soldiers"),
    ("warga sipil Kamboja", "KHM", None, "CVL", "civilians"),
    ("pasukan Azerbaijan", "AZE", None, "MIL", "forces"),
    ("etnis Armenia", "ARM", None, "CVL", None),
    ("militer Myanmar", "MMR", None, "MIL", "military"),
    ("polisi Israel", "ISR", None, "COP", "police"),
    ("pemerintah Indonesia", "IDN", None, "GOV", "government"),
    ("pengunjuk rasa", None, None, "CVL", "protesters"),
    ("demonstran", None, None, "CVL", "protesters"),
    ("pengungsi", None, None, "REF", "refugees"),
    ("militan", None, None, "REB", "militants"),
    ("TNI", "IDN", None, "MIL", None),
    ("Polri", "IDN", None, "COP", None),
    ("Jokowi", "IDN", None, "GOV", "president"),
    ("Prabowo", "IDN", None, "GOV", "defence minister"),
    ("Retno Marsudi", "IDN", None, "GOV", "foreign minister"),
    ("Menteri Luar Negeri Sugiono", "IDN", None, "GOV", "foreign minister"),
    ("Amerika Serikat", "USA", None, None, None),
    ("AS", "USA", None, None, None),
    ("Rusia", "RUS", None, None, None),
    ("Tiongkok", "CHN", None, None, None),
    ("China", "CHN", None, None, None),
    ("Inggris", "GBR", None, None, None),
    ("Prancis", "FRA", None, None, None),
    ("Korea Selatan", "KOR", None, None, None),
    ("Korsel", "KOR", None, None, None),
    ("Korut", "PRK", None, None, None),
    ("Korea Utara", "PRK", None, None, None),
    ("Palestina", "PSE", None, None, None),
    ("Myanmar", "MMR", None, None, None),
    ("Suriah", "SYR", None, None, None),
    ("Arab Saudi", "SAU", None, None, None),
    ("Turki", "TUR", None, None, None),
    ("Kamboja", "KHM", None, None, None),
    ("Belanda", "NLD", None, None, None),
    ("Selandia Baru", "NZL", None, None, None),
    ("Negeri Ginseng", "KOR", None, None, None),
    ("negeri Sakura", "JPN", None, None, None),
    ("Negeri Jiran", "MYS", None, None, None),
    ("Negeri Tirai Bambu", "CHN", None, None, None),
    ("Negeri Paman Sam", "USA", None, None, None),
    ("Negeri Para Mullah", "IRN", None, None, None),
])
def test_actors_resolution(text, country, org, sector, role):
    actor = resolve_actor_text(text, LANG, "2022-06-01")
    assert actor is not None, text
    assert actor.country == country
    assert actor.org == org
    assert actor.sector == sector
    if role is not None:
        assert actor.role == role


@pytest.mark.parametrize("text", [
    "as",                       # lowercase word, not the country
    "MAS",                      # "AS" inside a word
    "KASUS",
    "BAS",
    "bahasa Inggris",           # a language, not the state
    "dolar AS",                 # a currency
    "sama sekali tidak",
    "kami pergi ke pasar",
    "negara",
    "Bulan depan",
    "rusia",                    # country names are matched as written
    "kamboja",
    "Para pejabat",             # no country: resolves to no country
    "perusahaan HTI di Ogan Komering Ilir",   # Hutan Tanaman Industri, not Hizbut Tahrir
    "rezim Orde Baru",          # a past Indonesian era, not a state actor
    "Tentara Pelajar",          # a street name's heroes, not an army
])
def test_actors_no_country(text):
    actor = resolve_actor_text(text, LANG, "2022-06-01")
    assert actor is None or actor.country is None


@pytest.mark.parametrize("text", ["as", "MAS", "KASUS", "bahasa Inggris", "dolar AS", "rusia",
                                  "sama", "Kapan", "Sama", "negara bagian New Jersey",
                                  "Jersey baru Timnas", "negara bagian Georgia", "Liga Inggris"])
def test_actors_no_mention(text):
    assert [m for m in mentions(text) if m.kind == "country"] == []


def test_actors_unknown_keeps_text_and_null_country():
    ms = mentions("Menteri Pendidikan Julius Migos mengatakan sekolah dibuka.")
    assert ms, "the titled person is found"
    assert all(m.actor.country is None for m in ms)
    assert ms[0].span.text.startswith("Menteri")


def test_actors_spans_are_exact_and_sorted():
    text = ("Menteri Luar Negeri AS Marco Rubio bertemu Perdana Menteri Kamboja Hun Manet.\n"
            "Tentara Thailand dan pasukan Kamboja bentrok di perbatasan.")
    ms = mentions(text)
    assert [m.span.start for m in ms] == sorted(m.span.start for m in ms)
    for m in ms:
        assert text[m.span.start:m.span.end] == m.span.text
        if m.head:
            assert text[m.head.start:m.head.end] == m.head.text
    spans = [(m.span.start, m.span.end) for m in ms if m.kind != "pair"]
    for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
        assert b1 <= a2, "no overlapping mentions"


@pytest.mark.parametrize("text,kind,span", [
    ("Menteri Luar Negeri AS Marco Rubio mengatakan", "person",
     "Menteri Luar Negeri AS Marco Rubio"),
    ("serangan oleh tentara Thailand kemarin", "demonym", "tentara Thailand"),
    ("Kementerian Dalam Negeri Kamboja mengatakan", "org", "Kementerian Dalam Negeri Kamboja"),
    ("31 warga sipil Kamboja tewas", "demonym", "warga sipil Kamboja"),
    ("kata Presiden Rusia Vladimir Putin", "person", "Presiden Rusia Vladimir Putin"),
    ("Ketua Senat Kamboja, Hun Sen, mengatakan", "person", "Ketua Senat Kamboja, Hun Sen"),
    ("PBB mengecam", "org", "PBB"),
    ("Thailand menolak", "country", "Thailand"),
    ("Menlu Retno Marsudi hadir", "person", "Menlu Retno Marsudi"),
])
def test_actors_phrase_span(text, kind, span):
    ms = mentions(text)
    got = [(m.kind, m.span.text) for m in ms]
    assert (kind, span) in got, got


@pytest.mark.parametrize("text,countries", [
    ("menteri luar negeri Azerbaijan dan Armenia", ["AZE", "ARM"]),
    ("tentara Thailand dan Kamboja", ["THA", "KHM"]),
])
def test_actors_coordination(text, countries):
    ms = mentions(text)
    assert [m.actor.country for m in ms] == countries
    assert all(m.actor.role for m in ms)


def test_actors_counted_group_takes_reporting_country():
    text = ("Pihak berwenang Thailand mengatakan 23 tentara dan satu warga sipil tewas, sementara "
            "41 warga sipil lainnya meninggal.")
    ms = mentions(text)
    civilians = [m for m in ms if m.span.text == "warga sipil"]
    assert len(civilians) == 2
    assert all(m.actor.country == "THA" and m.actor.sector == "CVL" for m in civilians)


def test_actors_group_without_count_does_not_inherit():
    ms = mentions("Kementerian Pertahanan Armenia mengatakan serangan itu menargetkan "
                  "infrastruktur militer dan sipil.")
    assert [m.actor.country for m in ms if m.span.text == "militer"] in ([], [None])


@pytest.mark.parametrize("text,country,role", [
    ("Gubernur Jawa Barat Dedi Mulyadi", "IDN", "governor"),
    ("Gubernur Aceh", "IDN", "governor"),
    ("Wali Kota Kyiv Vitali Klitschko", "UKR", "mayor"),
    ("Kementerian Kesehatan Gaza", "PSE", "health ministry"),
    ("Kementerian Kesehatan Iran", "IRN", "health ministry"),
    ("Kepala Staf Umum Militer Iran Jenderal Mohammad Bagheri", "IRN", "chief of general staff"),
    ("Pemimpin Tertinggi Iran, Mojtaba Khamenei", "IRN", "supreme leader"),
    ("Menteri Luar Negeri (Menlu) China Wang Yi", "CHN", "foreign minister"),
    ("Kanselir Friedrich Merz", "DEU", "chancellor"),
    ("Paus Leo XIV", "VAT", "pope"),
])
def test_actors_titles_with_places_and_ranks(text, country, role):
    actor = resolve_actor_text(text, LANG, "2026-05-01")
    assert actor.country == country and actor.role == role


@pytest.mark.parametrize("text", [
    "di kota Bandar Abbas kemarin",        # "Abbas" is part of a place name here
    "Menteri Pendidikan Julius Migos",     # an unknown minister: no country invented
    "Kementerian Kebudayaan",
    "Reuters melaporkan",                  # a news agency without a country
])
def test_actors_no_invented_country(text):
    actor = resolve_actor_text(text, LANG, "2026-05-01")
    assert actor is None or actor.country is None


def test_actors_media_without_country_stays_null_in_article():
    ms = mentions("Pemerintah Israel menolak.\nReuters melaporkan hal itu.")
    reuters = [m for m in ms if m.span.text == "Reuters"]
    assert reuters and reuters[0].actor.country is None


@pytest.mark.parametrize("text,country,sector", [
    ("warga Gaza", "PSE", "CVL"),
    ("penduduk Kharkiv", "UKR", "CVL"),
    ("militan Idlib", "SYR", "REB"),
    ("tentara bayaran Rusia", "RUS", "MIL"),
    ("warga Jakarta", "IDN", "CVL"),
])
def test_actors_group_of_a_place(text, country, sector):
    actor = resolve_actor_text(text, LANG, "2025-06-01")
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize("text,expected", [
    ("Pyongyang mengecam tindakan tersebut.", [("Pyongyang", "PRK")]),
    ("Moskow menuduh Kyiv melanggar gencatan senjata.", [("Moskow", "RUS"), ("Kyiv", "UKR")]),
    ("Beijing menolak tuduhan itu.", [("Beijing", "CHN")]),
    ("Pertemuan di Beijing berlangsung lancar.", []),          # a place, not an actor
    ("Delegasi tiba ke Washington kemarin.", []),
    ("Klub Paris Saint-Germain menang.", []),                  # part of a longer name
    ("Washington Post melaporkan hal itu.", [("Washington Post", "USA")]),
])
def test_actors_capital_stands_for_government(text, expected):
    got = [(m.span.text, m.actor.country) for m in mentions(text) if m.kind in ("country", "org")]
    assert got == expected
    for m in mentions(text):
        if m.kind == "country" and m.span.text in dict(expected):
            assert m.actor.sector == "GOV"


@pytest.mark.parametrize("text,span", [
    ("Presiden Meksiko Alami Pelecehan Seksual di Jalan", "Presiden Meksiko"),
    ("PM Thailand Didesak Lengser Usai Kehilangan Dukungan", "PM Thailand"),
])
def test_actors_headline_words_are_not_a_name(text, span):
    ms = mentions(text)
    assert ms[0].span.text == span and ms[0].kind == "office"


def test_actors_wni_is_indonesian():
    assert resolve_actor_text("WNI", LANG).country == "IDN"


@pytest.mark.parametrize("text,country,sector", [
    ("Pemimpin kelompok Houthi Abdul Malik al-Houthi", "YEM", "REB"),
    ("juru bicara Hamas", "PSE", "REB"),
    ("juru bicara Pentagon", "USA", "MIL"),
    ("pejuang kelompok Hamas", "PSE", "REB"),
    ("Juru Bicara Kementerian Luar Negeri AS Ned Price", "USA", "GOV"),
])
def test_actors_title_of_a_non_state_body(text, country, sector):
    actor = resolve_actor_text(text, LANG, "2025-06-01")
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize("text,expected", [
    ("infrastruktur militer dan sipil", []),
    ("kantor polisi diserang", []),
    ("militer menyerang desa", [("militer", "group")]),
    ("operasi militer AS di Iran", [("militer AS", "demonym"), ("Iran", "country")]),
    ("polisi menangkap dua orang", [("polisi", "group")]),
    ("rudal menghantam barak militer di kota itu", []),
    ("peralatan berstandar militer dijual bebas", []),
    ("harga obligasi pemerintah turun", []),
    ("kawasan padat penduduk dibom", []),
    ("video itu beredar di sosial media", []),
    ("anak perusahaan itu digugat", []),
    ("barak militer Israel diserang", [("militer Israel", "demonym")]),
])
def test_actors_modifier_group_words(text, expected):
    assert [(m.span.text, m.kind) for m in mentions(text)] == expected


def test_actors_title_with_bracketed_abbreviation():
    ms = mentions("Menteri Luar Negeri Amerika Serikat (Menlu AS) Marco Rubio mengatakan.")
    assert [(m.kind, m.span.text) for m in ms] == [
        ("person", "Menteri Luar Negeri Amerika Serikat (Menlu AS) Marco Rubio")]


@pytest.mark.parametrize("text,span,name,country", [
    ("kata Avichay Adraee, juru bicara militer Israel, kepada wartawan.",
     "Avichay Adraee, juru bicara militer Israel", "Avichay Adraee", "ISR"),
    ("kata juru bicara militer Israel, Avichay Adraee, kepada wartawan.",
     "juru bicara militer Israel, Avichay Adraee", "Avichay Adraee", "ISR"),
    ("Menurut Kepala Staf Umum Militer Iran, Mohammad Bagheri.",
     "Kepala Staf Umum Militer Iran, Mohammad Bagheri", "Mohammad Bagheri", "IRN"),
])
def test_actors_name_in_apposition(text, span, name, country):
    persons = [m for m in mentions(text) if m.kind == "person"]
    assert [(m.span.text, m.actor.name, m.actor.country) for m in persons] == [
        (span, name, country)]


def test_actors_place_before_title_is_not_a_name():
    ms = mentions("Pertemuan di Phnom Penh, Kepala Staf Umum Tentara Rakyat Laos hadir.")
    assert all("Phnom Penh" not in (m.actor.name or "") for m in ms)


# Armed groups, agencies and bodies read from actor_org.tsv: their country or organisation code.
@pytest.mark.parametrize("text,country,org,sector", [
    ("Ahrar al-Sham menyerang pos militer", "SYR", None, "REB"),
    ("Brigade Al-Qassam menembakkan roket", "PSE", None, "REB"),
    ("Brigade Ezzedine al-Qassam mengonfirmasi kematiannya", "PSE", None, "REB"),
    ("Brigade Al-Quds mengklaim serangan itu", "PSE", None, "REB"),
    ("Jihad Islam Palestina mengecam", "PSE", None, "REB"),
    ("Bulan Sabit Merah Palestina melaporkan", "PSE", None, "NGO"),
    ("kelompok Huthi menyerang kapal", "YEM", None, "REB"),
    ("Pasukan Quds bertanggung jawab", "IRN", None, "MIL"),
    ("Korps Garda Revolusi Islam menyatakan", "IRN", None, "MIL"),
    ("Kataib Hizbullah membantah", "IRQ", None, "REB"),
    ("Pasukan Mobilisasi Populer bergerak", "IRQ", None, "MIL"),
    ("Taliban Pakistan menyerang pos polisi", "PAK", None, "REB"),
    ("Tentara Pembebasan Balochistan menyerang kereta", "PAK", None, "REB"),
    ("Lashkar-e-Taiba dituduh", "PAK", None, "REB"),
    ("Al-Shabab menyerang pangkalan", "SOM", None, "REB"),
    ("pemberontak M23 merebut Goma", "COD", None, "REB"),
    ("Pasukan Penyelamat Rohingya Arakan menyerang pos polisi", "MMR", None, "REB"),
    ("TNLA merebut kota itu", "MMR", None, "REB"),
    ("Tentara Rakyat Baru menyerang", "PHL", None, "REB"),
    ("kelompok Maute menduduki Marawi", "PHL", None, "REB"),
    ("FARC menyerahkan senjata", "COL", None, "REB"),
    ("Jamaah Ansharut Daulah merencanakan serangan", "IDN", None, "REB"),
    ("Densus menangkap dua orang", "IDN", None, "COP"),
    ("SBU menangkap dua orang", "UKR", None, "SPY"),
    ("FSB menahan dua orang", "RUS", None, "SPY"),
    ("UNIFIL melaporkan pelanggaran", None, "UNO", "MIL"),
    ("Perserikatan Bangsa-bangsa mengecam", None, "UNO", "IGO"),
    ("Daesh mengklaim serangan", None, "REB", "REB"),
    ("Interpol menerbitkan red notice", None, "IGO", "COP"),
    ("Komite Perlindungan Jurnalis mengecam", None, "NGO", "NGO"),
    ("DPRK menembakkan rudal", "PRK", None, None),
    ("Kelompok Kriminal Bersenjata menembak seorang guru", "IDN", None, "REB"),
    ("simpatisan Organisasi Papua Merdeka ditangkap", "IDN", None, "REB"),
    ("Tentara Pembebasan Nasional Papua Barat menembak prajurit", "IDN", None, "REB"),
    ("Lashkar-e-Jhangvi mengaku bertanggung jawab", "PAK", None, "REB"),
    ("Lashkar - e - Jhangvi al - Alami mengaku", "PAK", None, "REB"),
    ("Negara Islam Afrika Barat menculik warga", None, "REB", "REB"),
    ("ISWAP menculik warga", None, "REB", "REB"),
    ("ILO menyambut kerja sama itu", None, "UNO", "IGO"),
    ("Organisasi Perburuhan Internasional menyambut", None, "UNO", "IGO"),
    ("Badan Kesehatan Dunia memperingatkan", None, "UNO", "IGO"),
    ("Organisasi Perdagangan Dunia memutuskan", None, "IGO", "IGO"),
])
def test_actors_resolve_armed_groups_and_bodies(text, country, org, sector):
    actor = resolve_actor_text(text, LANG, "2025-06-01")
    assert actor is not None, text
    assert (actor.country, actor.org, actor.sector) == (country, org, sector)


# Group phrases read from actor_group.tsv take the country or organisation written after them.
@pytest.mark.parametrize("text,span,country,sector", [
    ("kelompok bersenjata Hamas menyerang", "kelompok bersenjata Hamas", "PSE", "REB"),
    ("sayap bersenjata Hamas mengatakan", "sayap bersenjata Hamas", "PSE", "REB"),
    ("pemukim Israel menyerang desa itu", "pemukim Israel", "ISR", "CVL"),
    ("pasukan darat Israel memasuki kota", "pasukan darat Israel", "ISR", "MIL"),
    ("pasukan pemberontak Suriah merebut kota", "pasukan pemberontak Suriah", "SYR", "REB"),
    ("kelompok separatis Baloch menyerang", "kelompok separatis", None, "REB"),
])
def test_actors_resolve_group_phrases(text, span, country, sector):
    m = mentions(text)[0]
    assert (m.span.text, m.actor.country, m.actor.sector) == (span, country, sector)


# A family name is not the armed group named after it ("Omarkhayam Maute"; the group is
# "kelompok Maute").
@pytest.mark.parametrize("text,expected", [
    ("polisi menangkap istri Omarkhayam Maute", [("polisi", None)]),
    ("kelompok Maute menduduki Marawi", [("kelompok Maute", "PHL")]),
    ("Angkatan Laut AS mengerahkan kapal", [("Angkatan Laut AS", "USA")]),
    ("kapal perang angkatan laut Belanda diusir", [("angkatan laut Belanda", "NLD")]),
])
def test_actors_resolve_names_are_not_groups(text, expected):
    assert [(m.span.text, m.actor.country) for m in mentions(text)] == expected


# Office holders read from actor_person.tsv, by the article's date.
@pytest.mark.parametrize("text,date,country,org,role", [
    ("Julie Bishop mengecam serangan itu", "2017-06-01", "AUS", None, "foreign minister"),
    ("Vassily Nebenzia menolak tuduhan itu", "2025-06-01", "RUS", None, "ambassador to the UN"),
    ("Zeid Ra'ad al-Hussein mengecam Myanmar", "2017-09-11", None, "UNO",
     "high commissioner for human rights"),
    ("Michelle Bachelet mengecam Myanmar", "2019-06-01", None, "UNO",
     "high commissioner for human rights"),
    ("Michelle Bachelet berkunjung ke Jakarta", "2016-06-01", "CHL", None, "president"),
    ("Federica Mogherini mendesak Turki", "2017-03-15", None, "EUR", "foreign policy chief"),
    ("Ali Larijani mengancam", "2016-06-01", "IRN", None, "speaker of parliament"),
    ("Ali Larijani mengancam", "2025-10-01", "IRN", None,
     "supreme national security council secretary"),
    ("Salva Kiir menandatangani perjanjian", "2018-09-12", "SSD", None, "president"),
    ("Khalifa Haftar menyerang Tripoli", "2019-04-05", "LBY", None,
     "Libyan National Army commander"),
])
def test_actors_resolve_office_holders_by_date(text, date, country, org, role):
    actor = resolve_actor_text(text, LANG, date)
    assert actor is not None, text
    assert (actor.country, actor.org, actor.role) == (country, org, role)
