"""In-article coreference: surnames, pronouns, titles alone, plural references."""
from __future__ import annotations

import pytest

from warta.extract.actors import extract_actors
from warta.lang import load_language
from warta.model import Article
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
])
def test_coref_bare_group_takes_the_sole_country(text, later, country):
    got = [m for m in find(mentions(text), later) if m.span.start > text.index("\n")] if "\n" in text \
        else find(mentions(text), later)
    assert got, f"{later!r} not found"
    assert got[-1].actor.country == country
