"""In-article coreference: surnames, pronouns, titles alone, plural references."""
from __future__ import annotations

import re

import pytest

from warta.extract.actors import extract_actors
from warta.lang import load_language
from warta.model import Article
from warta.resolve import coref
from warta.resolve.actors import actor_lexicon, tenure_on
from warta.segment import segment

LANG = load_language("id")


def mentions(text: str, published: str | None = "2025-12-26"):
    doc = segment(Article(id="t", text=text, published=published), LANG)
    return extract_actors(doc, LANG)


def find(ms, text):
    return [m for m in ms if m.span.text == text]


@pytest.mark.parametrize("later", ["Rubio", "Ia", "ia", "Dia", "beliau", "Menlu", "Marco Rubio"])
def test_coref_refers_back_to_titled_person(later):
    text = ("Menteri Luar Negeri AS Marco Rubio tiba di Bangkok.\n"
            f"{later} mengatakan pembicaraan berjalan baik.")
    got = find(mentions(text), later)
    assert got, f"{later!r} not found"
    assert got[0].actor.name == "Marco Rubio"
    assert got[0].actor.country == "USA"
    assert got[0].actor.role == "foreign minister"


def test_coref_unknown_person_remembered_by_surname():
    text = ("Menteri Luar Negeri Rumania Oana-Silvia Toiu tiba.\n"
            "Toiu mengatakan Rumania siap membantu.")
    got = find(mentions(text), "Toiu")
    assert got and got[0].actor.country == "ROU"


def test_coref_pronoun_at_sentence_start_takes_last_subject():
    text = ("Rubio berbicara dengan Perdana Menteri Kamboja Hun Manet, kata Departemen Luar "
            "Negeri AS.\n"
            "Ia menegaskan keinginan untuk perdamaian.")
    got = find(mentions(text), "Ia")
    assert got[0].actor.name == "Marco Rubio"


def test_coref_pronoun_inside_sentence_takes_nearest_person():
    text = ("Menteri Luar Negeri AS Marco Rubio menelepon.\n"
            "Sar Kheng mengatakan bahwa dia sangat menghargai kerja sama itu.")
    got = find(mentions(text, "2022-04-22"), "dia")
    assert got[0].actor.name == "Sar Kheng"
    assert got[0].actor.country == "KHM"


def test_coref_pronoun_without_antecedent_is_not_emitted():
    assert find(mentions("Ia mengatakan hal itu."), "Ia") == []


@pytest.mark.parametrize("phrase,expected", [
    ("kedua negara", {"KHM", "THA"}),
    ("kedua tetangga itu", {"KHM", "THA"}),
    ("kedua pihak", {"KHM", "THA"}),
    ("kedua belah pihak", {"KHM", "THA"}),
])
def test_coref_pair_of_countries(phrase, expected):
    text = ("AS menawarkan bantuan untuk pembicaraan antara Kamboja dan Thailand.\n"
            f"Namun {phrase} masih berselisih.")
    got = find(mentions(text), phrase)
    assert len(got) == 2
    assert {m.actor.country for m in got} == expected
    assert all(m.kind == "pair" for m in got)
    assert len({(m.span.start, m.span.end) for m in got}) == 1


def test_coref_pair_of_ministers():
    text = ("Pompeo bertemu dengan menteri luar negeri Azerbaijan dan Armenia.\n"
            "Kedua menteri mengadakan pertemuan terpisah.")
    got = find(mentions(text, "2020-10-24"), "Kedua menteri")
    assert {m.actor.country for m in got} == {"AZE", "ARM"}


def test_coref_pair_of_leaders():
    text = ("Presiden Rusia Vladimir Putin menelepon Presiden Turki Recep Tayyip Erdogan.\n"
            "Kedua pemimpin membahas Suriah.")
    got = find(mentions(text, "2020-03-01"), "Kedua pemimpin")
    assert {m.actor.country for m in got} == {"RUS", "TUR"}


def test_coref_pair_without_referents_is_dropped():
    assert find(mentions("Kedua negara sepakat."), "Kedua negara") == []


# name, publication date, country, role
@pytest.mark.parametrize("text,date,country,role", [
    ("Trump", "2018-05-01", "USA", "president"),
    ("Trump", "2025-05-01", "USA", "president"),
    ("Trump", "2022-05-01", "USA", "former president"),
    ("Hun Sen", "2022-04-22", "KHM", "prime minister"),
    ("Hun Sen", "2026-02-17", "KHM", "senate president"),
    ("Hun Manet", "2025-12-26", "KHM", "prime minister"),
    ("Sar Kheng", "2022-04-22", "KHM", "interior minister"),
    ("Netanyahu", "2024-01-01", "ISR", "prime minister"),
    ("Erdogan", "2019-01-01", "TUR", "president"),
    ("Duterte", "2018-01-01", "PHL", "president"),
    ("Kim Jong Un", "2018-01-01", "PRK", "supreme leader"),
    ("Kim Jong-un", "2023-01-01", "PRK", "supreme leader"),
    ("Putin", "2016-01-01", "RUS", "president"),
    ("Zelensky", "2023-01-01", "UKR", "president"),
    ("Zelenskyy", "2024-01-01", "UKR", "president"),
    ("Prabowo", "2025-01-01", "IDN", "president"),
    ("Prabowo", "2021-01-01", "IDN", "defence minister"),
    ("Jokowi", "2019-01-01", "IDN", "president"),
    ("Khamenei", "2025-06-01", "IRN", "supreme leader"),
    ("Blinken", "2022-09-20", "USA", "foreign minister"),
    ("Pompeo", "2020-10-24", "USA", "foreign minister"),
    ("Lavrov", "2017-01-01", "RUS", "foreign minister"),
    ("Pashinyan", "2022-09-20", "ARM", "prime minister"),
    ("Aliyev", "2020-10-01", "AZE", "president"),
    ("Min Aung Hlaing", "2022-01-01", "MMR", "junta leader"),
    ("Prayut Chan-o-cha", "2020-01-01", "THA", "prime minister"),
])
def test_coref_dated_office_holders(text, date, country, role):
    ms = [m for m in mentions(f"{text} mengatakan hal itu.", date) if m.kind == "person"]
    assert ms, text
    assert ms[0].actor.country == country
    assert ms[0].actor.role == role


def test_coref_dated_successor_by_date():
    lex = actor_lexicon(LANG)
    assert tenure_on(lex.tenures["Khamenei"], "2025-01-01").name == "Ali Khamenei"
    assert tenure_on(lex.tenures["Khamenei"], "2026-05-01").name == "Mojtaba Khamenei"
    assert tenure_on(lex.tenures["Wang Yi"], None).role == "foreign minister"


def test_coref_office_holder_dictionary_is_large_and_dated():
    rows = LANG.table("actor_person.tsv")
    assert len(rows) >= 150
    for r in rows:
        assert r["start"][:4].isdigit(), r
        assert not r["end"] or r["end"] > r["start"], r
        assert r["country"] or r["org"], r


@pytest.mark.parametrize("text,country", [
    ("Menlu mengatakan Indonesia siap membantu.", "IDN"),
    ("Menteri Luar Negeri AS Marco Rubio tiba.\nMenlu mengatakan AS siap.", "USA"),
    ("Menhan meninjau pasukan.", "IDN"),
    ("Menteri Pertahanan Israel Israel Katz tiba.\nMenhan mengatakan serangan berlanjut.", "ISR"),
])
def test_coref_bare_abbreviated_title(text, country):
    title = text.split("\n")[-1].split()[0]
    got = find(mentions(text), title)
    assert got and got[0].actor.country == country


@pytest.mark.parametrize("text,title", [
    ("Presiden AS Donald Trump tiba.\nPresiden FIFA Gianni Infantino menyambut.", "Presiden"),
    ("Presiden AS Donald Trump tiba.\nPresiden Kepulauan Canary, Fernando Clavijo, menolak.",
     "Presiden"),
])
def test_coref_title_of_another_body_is_not_the_last_holder(text, title):
    second = [m for m in mentions(text) if m.sentence_index == 1 and m.span.text == title]
    assert second and second[0].actor.country is None
    assert all(m.actor.name != "Donald Trump" for m in mentions(text) if m.sentence_index == 1)


def test_coref_epithet_takes_the_last_leader():
    text = ("Presiden Rusia Vladimir Putin menerima Menteri Luar Negeri Turki Hakan Fidan.\n"
            "Fidan mengatakan pertemuan berjalan baik.\n"
            "Sang presiden kemudian meninggalkan ruangan.")
    got = find(mentions(text, "2024-06-01"), "Sang presiden")
    assert got and got[0].actor.name == "Vladimir Putin"


def test_coref_pronoun_does_not_reach_far_back():
    text = "Presiden AS Donald Trump berbicara.\n" + "Kamboja menolak usulan itu.\n" * 8 + \
        "Ia mengatakan hal itu."
    assert find(mentions(text), "Ia") == []


def test_coref_pair_of_sides_names_states_not_their_officials():
    text = ("Menteri Luar Negeri Armenia Ararat Mirzoyan bertemu Menteri Luar Negeri Azerbaijan "
            "Jeyhun Bayramov.\nBlinken mendorong kedua pihak untuk bertemu lagi.")
    got = find(mentions(text, "2022-09-20"), "kedua pihak")
    assert {(m.actor.country, m.actor.role) for m in got} == {("ARM", None), ("AZE", None)}


@pytest.mark.parametrize("text,name", [
    ("Presiden AS Donald Trump tiba.\nPresiden Prancis menelepon.\nPresiden mengatakan siap.",
     "France president"),
    ("Presiden AS Donald Trump tiba bersama Wakil Presiden AS JD Vance.\nPresiden mengatakan siap.",
     "Donald Trump"),
])
def test_coref_bare_title_takes_the_latest_holder_of_that_post(text, name):
    last = [m for m in mentions(text) if m.span.text == "Presiden"][-1]
    assert last.actor.name == name


@pytest.mark.parametrize("published,role", [
    ("2018-05-01", "president"), ("2018-05", "president"), ("2018", "president"),
    ("2018-05-01T10:00:00", "president"), ("26/05/2018", "president"), (None, "president"),
    ("2022-13-45", "president"),
])
def test_coref_publication_date_forms(published, role):
    ms = [m for m in mentions("Trump mengatakan hal itu.", published) if m.kind == "person"]
    assert ms and ms[0].actor.country == "USA" and ms[0].actor.role == role


@pytest.mark.parametrize("text,later,country", [
    # a bare group noun takes the one state whose forces of that kind were named before it
    ("Militer Myanmar menutup akses ke Rakhine.\nMiliter kemudian membakar desa-desa.", "Militer", "MMR"),
    ("Tentara Myanmar menutup akses ke Rakhine.\nSejak itu militer membakar desa-desa.", "militer", "MMR"),
    ("Polisi Malaysia menangkap dua orang.\nPolisi juga menyita senjata.", "Polisi", "MYS"),
    ("Pemberontak Suriah menguasai Idlib.\nPemberontak lalu menembakkan roket.", "Pemberontak", "SYR"),
    # two states' forces named: the bare noun stays unresolved
    ("Pasukan Rusia dan pasukan Ukraina bertempur.\nPasukan itu lalu mundur.", "Pasukan", None),
    # marked as another group
    ("Pasukan Amerika Serikat tiba di Suriah.\nMereka melatih pasukan lokal di sana.", "pasukan", None),
    ("Pasukan Amerika Serikat tiba di Suriah.\nKomandan itu memuji pasukan kami.", "pasukan", None),
    # nothing named before, or a group of another kind
    ("Militer membakar desa-desa di Rakhine.", "Militer", None),
    ("Militer Myanmar menutup akses ke Rakhine.\nPolisi menangkap dua wartawan.", "Polisi", None),
    ("Militer Myanmar menutup akses ke Rakhine.\nWarga mengungsi ke Bangladesh.", "Warga", None),
    # a government: the one state whose government was named before it
    ("Presiden Joko Widodo menerima tamu dari Uruguay.\nPemerintah berencana memperkuat kerja sama.",
     "Pemerintah", "IDN"),
    ("Pemerintah Suriah membantah laporan itu.\nPemerintah menuduh gerilyawan.", "Pemerintah", "SYR"),
    ("Presiden Joko Widodo dan Presiden AS Donald Trump bertemu.\nPemerintah menyambut baik hasilnya.",
     "Pemerintah", None),
    # a government that a name after it qualifies is that leader's
    ("Presiden Joko Widodo berpidato.\nWarga Amerika terancam oleh pemerintahan Donald Trump.",
     "pemerintahan", None),
    # forces keep their reading before a capitalised word
    ("Militer Myanmar menutup akses ke Rakhine.\nSejak itu militer Senin lalu membakar desa.", "militer", "MMR"),
])
def test_coref_bare_group_takes_the_sole_country(text, later, country):
    got = [m for m in find(mentions(text), later) if m.span.start > text.index("\n")] if "\n" in text \
        else find(mentions(text), later)
    assert got, f"{later!r} not found"
    assert got[-1].actor.country == country


@pytest.mark.parametrize("text,phrase,country", [
    # the one country named as an actor just before
    ("Korea Utara menembakkan rudal pada Senin. Negara itu mengecam latihan militer.",
     "Negara itu", "PRK"),
    ("Iran menolak tuduhan itu. Negara tersebut menyebut laporan itu palsu.",
     "Negara tersebut", "IRN"),
    ("Vietnam menandatangani perjanjian dagang. Negeri itu juga membuka pasar berasnya.",
     "Negeri itu", "VNM"),
    (("Presiden Filipina mengunjungi Tokyo. Pemimpin itu disambut hangat.\n"
      "Negara ini ingin memperkuat kerja sama maritim."), "Negara ini", "PHL"),
    # one or two describing words, or a short relative clause, before the demonstrative
    ("Korea Utara menembakkan rudal. Negara terisolasi itu mengancam Jepang.",
     "Negara terisolasi itu", "PRK"),
    ("Venezuela menolak sanksi baru. Negara kaya minyak tersebut memanggil duta besarnya.",
     "Negara kaya minyak tersebut", "VEN"),
    ("Korea Utara menguji rudal baru. Negara yang terisolasi itu bersumpah membalas.",
     "Negara yang terisolasi itu", "PRK"),
    # after a conjunction or a verb
    ("Amerika Serikat mengecam Iran. Washington menuduh negara itu mendanai milisi.",
     "negara itu", "IRN"),
    ("Thailand membuka perbatasan, dan negeri tersebut mengirim bantuan.",
     "negeri tersebut", "THA"),
    # in its own sentence, the country besides the subject ("threatens Oman if that country ...")
    ("Trump mengancam akan menyerang Oman jika negara tersebut membantu kapal itu.",
     "negara tersebut", "OMN"),
    (("Jepang akan menjatuhkan sanksi terhadap Korea Utara menyusul peluncuran rudal oleh "
      "negara tertutup itu."), "negara tertutup itu", "PRK"),
    # several countries before it: the one that opened its sentence
    ("Rusia menyerang Ukraina. Negara itu menyebut serangan itu sah.", "Negara itu", "RUS"),
    ("Pemerintah Libya mengaku negara itu akan bekerja sama dengan Inggris.", "negara itu", "LBY"),
    # not the subject of the verb it is the object of
    ("Yordania menolak usul itu. Indonesia kemudian mengajak negara tersebut berdialog.",
     "negara tersebut", "JOR"),
    ("Sanksi itu melemahkan Kuba dan membuat negara itu terisolasi.", "negara itu", "CUB"),
])
def test_coref_state_description_takes_the_named_country(text, phrase, country):
    got = find(mentions(text), phrase)
    assert got, f"{phrase!r} not found"
    assert got[-1].actor.country == country and got[-1].kind == "country"


@pytest.mark.parametrize("text,phrase", [
    # a place, never an actor
    ("Korea Utara menembakkan rudal. Warga di negara itu hidup dalam kemiskinan.", "negara itu"),
    ("Presiden Prancis tiba di Kairo. Ia akan tinggal di negeri tersebut dua hari.", "negeri tersebut"),
    ("Turki mengusir diplomat Swedia. Duta besar itu kembali dari negara itu.", "negara itu"),
    # part of another noun, or plural
    ("Iran menolak tuduhan itu. Warga negara itu dilarang bepergian.", "negara itu"),
    ("Iran menolak tuduhan itu. Kepala negara itu tidak hadir.", "negara itu"),
    ("Iran menolak tuduhan itu. Urusan luar negeri itu ditangani kementerian.", "negeri itu"),
    ("Iran menolak tuduhan itu. Berbagai negara itu mengecam Israel.", "negara itu"),
    ("Iran dan Irak bertemu. Negara-negara itu sepakat bekerja sama.", "negara itu"),
    # another state, a federal state, or a time inside the gap
    ("Iran menolak tuduhan itu. Negara lain itu ikut mengecam.", "Negara lain itu"),
    ("Myanmar menolak tuduhan itu. Negara bagian itu dikuasai milisi.", "Negara bagian itu"),
    ("Jerman, negara yang selama ini mendukung Israel, berubah sikap.", "negara yang selama ini"),
    ("Kamboja menuduh negara tetangganya itu melanggar gencatan senjata.",
     "negara tetangganya itu"),
    # nothing named before, or two countries and no way to tell which
    ("Negara itu mengecam latihan militer.", "Negara itu"),
    ("Pada pertemuan itu, pejabat Mesir dan Yordania berbicara. Negara itu menolak.",
     "Negara itu"),
    ("Jepang memprotes Korea Utara karena China dan Rusia mendukung negara itu.", "negara itu"),
    (("Rusia menyerang pelabuhan Odesa di Ukraina. Jepang mengecam serangan Rusia. "
      "Negara itu menyebut serangan itu melanggar hukum."), "Negara itu"),
    # a gap too long to be a description
    ("Iran menolak tuduhan itu. Negara kuat selalu menjaga kedaulatan dan keamanan itu.",
     "Negara kuat selalu menjaga kedaulatan dan keamanan itu"),
    # the country is named only as a place, or too far back
    ("Warga mengungsi ke Lebanon. Negara itu menutup perbatasan.", "Negara itu"),
    (("Mesir menolak usul itu. Rapat ditunda. Hujan turun. Jalan ditutup. Pasar sepi.\n"
      "Negara itu kemudian mengecam Israel."), "Negara itu"),
])
def test_coref_state_description_left_unresolved(text, phrase):
    assert not find(mentions(text), phrase)


def test_coref_state_description_dateline_is_not_an_actor():
    text = "Tokyo (ANTARA) - Mulai tahun depan Arab Saudi membuka stadion yang ditutup negeri ini."
    got = find(mentions(text), "negeri ini")
    assert got and got[0].actor.country == "SAU"


KEY_SCAN_ROWS = [
    # (text, remembered keys): the scan must find what the keys' alternation finds
    ("Rubio bertemu Wang Yi. Rubio lalu pulang.", ["Marco Rubio", "Rubio"]),
    ("Marco Rubio dan Rubio-nya; Rubio_x, xRubio, Rubio.", ["Marco Rubio", "Rubio"]),
    ("Menurut Putin, Vladimir Putin dan Putin2 hadir.", ["Vladimir Putin", "Putin"]),
    ("Kim Jong Un, Kim Jong, Kim.", ["Kim Jong Un", "Kim Jong", "Kim"]),
    ("anaana ana ana-ana ana", ["ana", "anaana"]),
    ("Lee Jae-myung bertemu Jae-myung dan Lee.", ["Lee Jae-myung", "Jae-myung"]),
    ("Al-Sharaa, al-Sharaa dan Sharaa.", ["Ahmed al-Sharaa", "al-Sharaa", "Sharaa"]),
    ("Tidak ada nama di sini.", ["Netanyahu", "Benjamin Netanyahu"]),
    ("Netanyahu", ["Netanyahu"]),
    ("O'Brien dan O'Brien's, Brien.", ["O'Brien", "Brien"]),
    ("Erdoğan dan Erdoğanlar; Erdoğan.", ["Recep Tayyip Erdoğan", "Erdoğan"]),
    ("Abe Abe Abe", ["Abe Abe", "Abe"]),
    ("Macron (Prancis) dan Macron-Trump.", ["Emmanuel Macron", "Macron"]),
]


@pytest.mark.parametrize("text,keys", KEY_SCAN_ROWS, ids=[r[0][:30] for r in KEY_SCAN_ROWS])
def test_coref_key_scan_equals_alternation(text, keys):
    from warta.resolve.coref import _key_pattern, find_keys
    expected = [(m.start(), m.group(1)) for m in _key_pattern(keys).finditer(text)]
    assert find_keys(text, dict.fromkeys(keys)) == expected


@pytest.mark.parametrize("text", [
    "Iran menolak tuntutan itu. Negara tersebut mengancam menutup Selat Hormuz.",
    "Presiden Korea Utara tiba. NEGARA YANG DIPIMPIN Kim Jong-un ITU menembakkan rudal.",
    "Thailand dan Kamboja bertemu. Negeri itu kemudian menarik pasukan.\nNegara itu bersiaga.",
    "Libya mengaku negara itu akan berunding, kata Mesir.",
    "Warga berkumpul di alun-alun kota.",                   # no head noun anywhere
    "Türkiye menyambut İran. Negara itu lalu menolak.",
    "",
])
def test_coref_state_references_same_without_the_head_gate(text, monkeypatch):
    gated = mentions(text)
    monkeypatch.setattr(coref, "_state_ref_heads", lambda lex: re.compile(""))   # every sentence tried
    assert mentions(text) == gated
