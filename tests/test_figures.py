"""Figures: counts of people killed, injured, displaced, missing or arrested."""
from __future__ import annotations

import json

import pytest

from conftest import shared_path
from warta.extract.figures import extract_figures, figures_in_sentence
from warta.lang import load_language
from warta.model import Actor, ActorMention, Article, Span
from warta.segment import segment

LANG = load_language("id")


def doc_of(text: str, actors: dict[str, str] | None = None):
    """A segmented document; ``actors`` maps a surface text to its country (hand-made mentions)."""
    doc = segment(Article(id="t", text=text, published="2025-12-26", language="id"), LANG)
    mentions = []
    for surface, country in (actors or {}).items():
        start = 0
        while (start := text.find(surface, start)) >= 0:
            end = start + len(surface)
            mentions.append(ActorMention(Span(start, end, surface), doc.sentence_of(start).index,
                                         Actor(surface, surface, country), "country"))
            start = end
    return doc.with_layer(actors=tuple(sorted(mentions, key=lambda m: m.span.start)))


def figures_of(text: str, actors: dict[str, str] | None = None):
    doc = doc_of(text, actors)
    return extract_figures(doc, LANG)


def summary(figures):
    return [(f.kind, f.low, f.best, f.high, f.group) for f in figures]


@pytest.mark.parametrize("text,expected", [
    # plain counts, digits and words
    ("Serangan itu menewaskan 5.000 orang.", [("killed", None, 5000, None, "people")]),
    ("Sebanyak 23 tentara tewas dalam bentrokan.", [("killed", None, 23, None, "soldiers")]),
    ("Dua puluh tiga prajurit gugur di medan perang.", [("killed", None, 23, None, "soldiers")]),
    ("Sebelas polisi terluka dalam kerusuhan.", [("injured", None, 11, None, "police")]),
    ("Seratus warga sipil mengungsi ke desa tetangga.", [("displaced", None, 100, None, "civilians")]),
    ("Tiga wartawan dinyatakan hilang sejak Senin.", [("missing", None, 3, None, "journalists")]),
    ("Polisi menangkap 12 orang di lokasi.", [("arrested", None, 12, None, "people")]),
    ("Sebanyak 7 militan ditangkap aparat.", [("arrested", None, 7, None, "militants")]),
    ("Empat pelaku diamankan polisi setempat.", [("arrested", None, 4, None, "others")]),
    ("Dua tersangka dibekuk di Medan.", [("arrested", None, 2, None, "others")]),
    ("Serangan udara menewaskan 1,2 juta orang.", [("killed", None, 1200000, None, "people")]),
    ("Lebih dari 3 ribu orang kehilangan tempat tinggal.", [("displaced", 3000, None, None, "people")]),
    ("Sekitar 1.500-an warga dievakuasi dari zona bahaya.", [("displaced", None, 1500, None, "civilians")]),
    ("Seorang tentara tewas dalam baku tembak.", [("killed", None, 1, None, "soldiers")]),
    ("Enam anak-anak meninggal dunia akibat serangan.", [("killed", None, 6, None, "children")]),
    ("Lima perempuan terluka dalam ledakan itu.", [("injured", None, 5, None, "women")]),
    ("Delapan pengungsi tewas tenggelam.", [("killed", None, 8, None, "refugees")]),
    ("Sebanyak 5.000 pengungsi tiba di perbatasan.", [("displaced", None, 5000, None, "refugees")]),
    ("Tim SAR menemukan 14 jenazah di reruntuhan.", [("killed", None, 14, None, "people")]),
    ("Ledakan itu melukai dua orang tentara.", [("injured", None, 2, None, "soldiers")]),
    ("Korban tewas mencapai 96 orang.", [("killed", None, 96, None, "people")]),
    ("Jumlah korban tewas bertambah menjadi 120.", [("killed", None, 120, None, "people")]),
    ("Bencana itu merenggut 400 nyawa.", [("killed", None, 400, None, "people")]),
    # qualifiers: low, high, best
    ("Pertempuran menewaskan sedikitnya 96 orang.", [("killed", 96, None, None, "people")]),
    ("Setidaknya 17 warga tewas pada Sabtu.", [("killed", 17, None, None, "civilians")]),
    ("Lebih dari 330.000 orang tewas dalam perang.", [("killed", 330000, None, None, "people")]),
    ("Minimal 10 orang terluka.", [("injured", 10, None, None, "people")]),
    ("Paling sedikit 8 polisi cedera.", [("injured", 8, None, None, "police")]),
    ("Hampir satu juta orang telah mengungsi.", [("displaced", None, None, 1000000, "people")]),
    ("Kurang dari 50 orang ditahan.", [("arrested", None, None, 50, "people")]),
    ("Hingga 2.000 warga sipil telah tewas.", [("killed", None, None, 2000, "civilians")]),
    ("Nyaris 300 orang mengungsi.", [("displaced", None, None, 300, "people")]),
    ("Maksimal 20 orang ditahan.", [("arrested", None, None, 20, "people")]),
    ("Sekitar 300.000 warga mengungsi.", [("displaced", None, 300000, None, "civilians")]),
    ("Kira-kira 40 orang tewas.", [("killed", None, 40, None, "people")]),
    ("Lebih kurang 60 orang hilang.", [("missing", None, 60, None, "people")]),
    ("Sebanyak 100 orang lebih tewas.", [("killed", 100, None, None, "people")]),
    # approximate plurals
    ("Puluhan warga sipil tewas dalam serangan.", [("killed", 20, None, 99, "civilians")]),
    ("Ratusan orang terluka.", [("injured", 200, None, 999, "people")]),
    ("Ribuan orang mengungsi.", [("displaced", 2000, None, 9999, "people")]),
    ("Belasan polisi terluka.", [("injured", 11, None, 19, "police")]),
    ("Puluhan ribu warga mengungsi.", [("displaced", 20000, None, 99999, "civilians")]),
    # ranges
    ("Antara 30-40 orang tewas.", [("killed", 30, None, 40, "people")]),
    ("Sebanyak 30 hingga 40 orang ditangkap.", [("arrested", 30, None, 40, "people")]),
    # coordination and parts
    ("Pihak berwenang mengatakan 23 tentara dan satu warga sipil tewas.",
     [("killed", None, 23, None, "soldiers"), ("killed", None, 1, None, "civilians")]),
    ("Serangan menewaskan 10 orang dan melukai 20 lainnya.",
     [("killed", None, 10, None, "people"), ("injured", None, 20, None, "people")]),
    ("Kementerian mengatakan 128 orang tewas dan 900 lainnya cedera.",
     [("killed", None, 128, None, "people"), ("injured", None, 900, None, "people")]),
    ("Sedikitnya 13 orang tewas dan lebih dari 370 lainnya cedera.",
     [("killed", 13, None, None, "people"), ("injured", 370, None, None, "people")]),
    ("Delapan orang tertular dan tiga di antaranya meninggal dunia.",
     [("killed", None, 3, None, "people")]),
    ("Perang merenggut 400 nyawa dan membuat 125 ribu orang mengungsi.",
     [("killed", None, 400, None, "people"), ("displaced", None, 125000, None, "people")]),
    ("Tentara menembak mati 36 pengungsi dalam bentrokan.", [("killed", None, 36, None, "refugees")]),
    ("Militer Israel mengatakan dua tentaranya tewas.", [("killed", None, 2, None, "soldiers")]),
    ("Pesawat itu membawa dua pilot, satu meninggal sementara yang lain selamat.",
     [("killed", None, 1, None, "people")]),
    ("Sebanyak 30 orang, termasuk 12 anak, tewas dalam serangan itu.",
     [("killed", None, 30, None, "people"), ("killed", None, 12, None, "children")]),
    ("Jumlah korban tewas di Iran terus bertambah dan kini telah mencapai 224 orang.",
     [("killed", None, 224, None, "people")]),
    ("Jumlah korban tewas dari jatuhnya pesawat di Ahmedabad hingga Sabtu sebanyak 274 orang.",
     [("killed", None, 274, None, "people")]),
    ("Jumlah pengungsi akibat perang itu kini mencapai 1,2 juta orang.",
     [("displaced", None, 1200000, None, "people")]),
    ("Akibatnya, lima penumpang yang berada di dalam mobil mengalami luka-luka.",
     [("injured", None, 5, None, "people")]),
    ("Sebanyak 200 warga yang tinggal di dekat lokasi terpaksa mengungsi.",
     [("displaced", None, 200, None, "civilians")]),
    ("Satu orang tewas, dua korban lain mengalami luka ringan.",
     [("killed", None, 1, None, "people"), ("injured", None, 2, None, "people")]),
    ("Sebanyak 200 warga di Gaza tewas pekan ini.", [("killed", None, 200, None, "civilians")]),
    ("Belasan orang tewas, ratusan ditangkap.",
     [("killed", 11, None, 19, "people"), ("arrested", 200, None, 999, "people")]),
    ("Sebanyak 23 orang tewas dalam kejadian ini, 20 di antaranya tewas terbakar.",
     [("killed", None, 23, None, "people"), ("killed", None, 20, None, "people")]),
    ("Pertempuran menewaskan 6 tentara, 4 polisi dan 2 warga sipil.",
     [("killed", None, 6, None, "soldiers"), ("killed", None, 4, None, "police"),
      ("killed", None, 2, None, "civilians")]),
])
def test_figures_forms(text, expected):
    assert summary(figures_of(text)) == expected


@pytest.mark.parametrize("text", [
    "Perbatasan itu panjangnya mencapai lebih dari 500 kilometer.",
    "Pertemuan berlangsung sekitar 30 hingga 40 menit.",
    "Pompeo berencana mengunjungi empat negara, termasuk Indonesia.",
    "Konflik pecah pada 2022 dan belum berakhir.",
    "Laporan itu terbit pukul 12:34 WIB.",
    "Pemerintah menyalurkan bantuan Rp 5 miliar untuk korban tewas.",
    "Sebanyak 30 persen warga tewas tidak tercatat.",
    "Serangan itu menghancurkan 3 rumah dan menewaskan ternak.",
    "Militer kehilangan 10 tank dalam pertempuran.",
    "Seorang pria berusia 25 tahun ditahan tanpa dakwaan.",
    "Tim tuan rumah menang dengan skor 2-1 atas tim tamu.",
    "Sebanyak 500 orang menghadiri upacara itu.",
    "Tentara ke-3 itu memimpin pasukan.",
    "Daftar Tunggu Pasien Capai 250 Orang di Rumah Sakit",
    "9 Ibu dan Anak Mormon Dibunuh dan Dibakar",
    "Kisah Perang: 5 Sniper yang Diabadikan Aksinya",
    "Tidak ada korban jiwa dalam insiden tersebut.",
    "Pada 1990 warga desa mengungsi ke kota.",
    "Lebih dari 138.\n\n000 orang dievakuasi dari wilayah perbatasan.",
    "Sebanyak 5 orang menghadiri pemakaman itu kemarin sore.",
    "Sebanyak 500 orang yang menghadiri pemakaman korban tewas berdoa.",
    "Lima relawan yang menolong korban luka kelelahan.",
    "Polisi memeriksa 5 orang, sementara korban tewas dimakamkan.",
    "Berkat pertolongan itu setidaknya satu nyawa terselamatkan.",
    "Korban tewas dimakamkan, sementara bantuan mencapai 500 orang.",
    "Keluarga korban jiwa menerima santunan sebanyak 5 orang per keluarga pada Senin ini juga.",
    "Pengadilan menjatuhkan hukuman 20 tahun penjara.",
])
def test_figures_not_figures(text):
    figures = figures_of(text)
    assert figures == (), summary(figures)


@pytest.mark.parametrize("text,actors,countries", [
    ("Kementerian Dalam Negeri Kamboja mengatakan 31 warga sipil Kamboja tewas.",
     {"Kamboja": "KHM"}, ["KHM"]),
    ("Laporan menyebutkan, setidaknya 49 tentara Armenia dan 50 tentara Azerbaijan tewas.",
     {"Armenia": "ARM", "Azerbaijan": "AZE"}, ["ARM", "AZE"]),
    ("Ledakan itu melukai dua tentara Thailand.", {"Thailand": "THA"}, ["THA"]),
    ("Pihak berwenang Thailand mengatakan 23 tentara dan satu warga sipil tewas.",
     {"Thailand": "THA"}, ["THA", "THA"]),
    ("Sebanyak 904 warga Palestina tewas, kata Kementerian Kesehatan Gaza.",
     {"Palestina": "PSE", "Gaza": "PSE"}, ["PSE"]),
    ("Israel mengatakan 100 militan tewas.", {"Israel": "ISR"}, [None]),
    ("Media Iran melaporkan 78 orang tewas.", {"Iran": "IRN"}, ["IRN"]),
    ("Polisi Iran menangkap 5 tersangka, kata Iran.", {"Iran": "IRN"}, [None]),
    ("Sebanyak 3 WNI tewas dalam kecelakaan.", {}, ["IDN"]),
    ("Sedikitnya 96 orang tewas di kedua belah pihak, menurut angka resmi.", {}, [None]),
])
def test_figures_country(text, actors, countries):
    assert [f.country for f in figures_of(text, actors)] == countries


@pytest.mark.parametrize("text,claimant", [
    ("Sejak itu, pertempuran telah menewaskan sedikitnya 96 orang, menurut angka resmi.", "angka resmi"),
    ("Pihak berwenang Thailand mengatakan 23 tentara tewas.", "Pihak berwenang Thailand"),
    ("Laporan menyebutkan, setidaknya 49 tentara tewas.", "Laporan"),
    ("Sebanyak 904 warga tewas, kata Kementerian Kesehatan Gaza.", "Kementerian Kesehatan Gaza"),
    ("Perang itu menurut Presiden Rusia Vladimir Putin mungkin telah menewaskan 5.000 orang.",
     "Presiden Rusia Vladimir Putin"),
    ("Sementara itu, otoritas Israel mengatakan sedikitnya 13 orang tewas.", "otoritas Israel"),
    ("Sedangkan Iran melaporkan sedikitnya 78 orang tewas.", "Iran"),
    ("Serangan itu menewaskan 89 orang, menurut laporan AFP.", "laporan AFP"),
    ("Sebanyak 23 tentara tewas dalam bentrokan.", None),
    ("Sebanyak 5 orang tewas, kata kantor itu pada Rabu.", "kantor itu"),
    ("Sebanyak 5 orang tewas, kata Juru Bicara Kemlu Ned Price dalam sebuah pernyataan.",
     "Juru Bicara Kemlu Ned Price"),
    ("Data yang dihimpun oleh lembaga pemantau independen di wilayah itu sejak awal menyebut 5 orang tewas.",
     None),
])
def test_figures_claimant(text, claimant):
    (figure,) = figures_of(text)
    assert figure.claimed_by == claimant


@pytest.mark.parametrize("text,status", [
    ("Perang itu mungkin telah menewaskan 5.000 orang.", "claimed"),
    ("Lebih dari 330.000 orang diperkirakan tewas.", "claimed"),
    ("Sebanyak 20 orang diduga tewas dalam serangan.", "claimed"),
    ("Sebanyak 20 orang tewas dalam serangan.", None),
    ("Serangan itu menewaskan 20 orang, kata polisi.", None),
])
def test_figures_hedged_status(text, status):
    (figure,) = figures_of(text)
    assert figure.status == status


def test_figures_offsets_sentence_and_order():
    text = ("Serangan menewaskan 10 orang.\nPolisi menangkap 3 pelaku.\n"
            "Sebanyak 200 warga mengungsi, sementara 5 orang hilang.")
    doc = doc_of(text)
    figures = extract_figures(doc, LANG)
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    for f in figures:
        assert doc.text[f.start:f.end] == f.text
        sentence = doc.sentences[f.sentence_index]
        assert sentence.start <= f.start < f.end <= sentence.end
    doc = doc.with_layer(figures=figures)
    assert [f.best for f in figures_in_sentence(doc, 2)] == [200, 5]
    assert figures_in_sentence(doc, 1)[0].kind == "arrested"


# ----------------------------------------------------------------------------------- gold

def _gold_documents():
    from warta.pipeline import build_document, prepare_article
    with shared_path("gold", "dev.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    out = []
    for row in rows:
        prepared = prepare_article(Article.from_dict(row))
        gold = json.loads(shared_path("gold", "dev", f"{row['id']}.json").read_text(encoding="utf-8"))
        out.append((build_document(prepared, LANG), gold))
    return out


def _number(g):
    return next(g[k] for k in ("best", "low", "high") if g.get(k) is not None)


def test_figures_gold_dev_found():
    for doc, gold in _gold_documents():
        found = doc.figures
        for g in gold["figures"]:
            hits = [f for f in found if f.kind == g["kind"] and _number(g) in (f.low, f.best, f.high)]
            assert hits, f"{gold['id']}: missed {g['kind']}={_number(g)} ({g['cue']!r})"
            if g.get("country") and doc.actors:
                assert any(f.country == g["country"] for f in hits), f"{gold['id']}: country of {g['cue']!r}"
        assert len(found) <= len(gold["figures"]) + 1, f"{gold['id']}: extra figures {summary(found)}"
        for neg in gold.get("not_figures", []):
            assert not any(f.text and (f.text in neg or neg in f.text) for f in found)


def test_figures_country_from_place_after_noun():
    from warta.model import Place, PlaceMention
    text = "Sebanyak 15 warga Gaza tewas dan 3 warga mengungsi ke Rafah."
    doc = doc_of(text)
    gaza, rafah = text.index("Gaza"), text.index("Rafah")
    places = (PlaceMention(Span(gaza, gaza + 4, "Gaza"), 0, Place("Gaza", country="PSE")),
              PlaceMention(Span(rafah, rafah + 5, "Rafah"), 0, Place("Rafah", country="EGY")))
    figures = extract_figures(doc.with_layer(places=places), LANG)
    assert [(f.best, f.country, f.text) for f in figures] == [(15, "PSE", "Sebanyak 15 warga Gaza"), (3, None, "3 warga")]
