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
    # approximate plurals give a range, and lend their kind to a coordination
    ("Puluhan warga sipil tewas dalam serangan.", [("killed", 20, None, 99, "civilians")]),
    ("Ratusan orang terluka.", [("injured", 200, None, 999, "people")]),
    ("Ribuan orang mengungsi.", [("displaced", 2000, None, 9999, "people")]),
    ("Belasan polisi terluka.", [("injured", 11, None, 19, "police")]),
    ("Puluhan ribu warga mengungsi.", [("displaced", 20000, None, 99999, "civilians")]),
    ("Tiga warga sipil dan puluhan tentara tewas.",
     [("killed", None, 3, None, "civilians"), ("killed", 20, None, 99, "soldiers")]),
    ("Puluhan tentara dan tiga warga sipil tewas.",
     [("killed", 20, None, 99, "soldiers"), ("killed", None, 3, None, "civilians")]),
    ("Sedikitnya 20 orang tewas dan puluhan lainnya luka-luka.",
     [("killed", 20, None, None, "people"), ("injured", 20, None, 99, "people")]),
    ("Sekitar 1.500-an warga dievakuasi.", [("displaced", None, 1500, None, "civilians")]),
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
    # "pun" after the noun is "also", not "not a single one"
    ("Salah seorang warga pun tewas.", [("killed", None, 1, None, "civilians")]),
    ("Belasan orang tewas, ratusan ditangkap.",
     [("killed", 11, None, 19, "people"), ("arrested", 200, None, 999, "people")]),
    ("Sebanyak 23 orang tewas dalam kejadian ini, 20 di antaranya tewas terbakar.",
     [("killed", None, 23, None, "people"), ("killed", None, 20, None, "people")]),
    ("Pertempuran menewaskan 6 tentara, 4 polisi dan 2 warga sipil.",
     [("killed", None, 6, None, "soldiers"), ("killed", None, 4, None, "police"),
      ("killed", None, 2, None, "civilians")]),
    # a possessive on the noun of "seorang"
    ("Militer mengatakan seorang tentaranya tewas akibat serangan drone.", [("killed", None, 1, None, "soldiers")]),
    ("Seorang anggotanya ditangkap polisi.", [("arrested", None, 1, None, "people")]),
    # modifiers between the counted noun and the kind word
    ("Satu tentara cadangan mengalami luka parah.", [("injured", None, 1, None, "soldiers")]),
    ("Tiga pekerja darurat, tewas dalam serangan itu.", [("killed", None, 3, None, "others")]),
    ("Dua anggota Brimob terluka saat kontak tembak.", [("injured", None, 2, None, "people")]),
    ("Sepuluh tentara penjaga perbatasan gugur.", [("killed", None, 10, None, "soldiers")]),
    ("Sebanyak 13 orang, termasuk lima anak-anak, dan tiga pekerja darurat, tewas dalam baku tembak.",
     [("killed", None, 13, None, "people"), ("killed", None, 5, None, "children"),
      ("killed", None, 3, None, "others")]),
    ("Lima orang ditemukan tewas di dalam rumah.", [("killed", None, 5, None, "people")]),
    # a compound of two nouns for people counts the first ("personel penjaga perdamaian")
    ("Empat personel penjaga perdamaian asal Indonesia gugur saat bertugas.", [("killed", None, 4, None, "soldiers")]),
    ("Sebanyak 58 murid laki-laki tewas dalam kebakaran asrama.", [("killed", None, 58, None, "children")]),
    ("Tiga terduga pelaku berhasil diamankan polisi.", [("arrested", None, 3, None, "others")]),
    # a longer relative clause, with numbers in it; a copula clause naming the same people
    ("Ia mengatakan 79 siswi lainnya yang berusia antara 15 dan 18 tahun terluka.",
     [("injured", None, 79, None, "children")]),
    ("Sementara, dua orang lainnya yang merupakan warga asing ditangkap di Bali.",
     [("arrested", None, 2, None, "people")]),
    ("Seorang korban yang sudah diketahui adalah pria yang terluka parah.", [("injured", None, 1, None, "people")]),
    # a bare count with gap words before the kind word
    ("Dari 51 juta penduduk, sekitar 14 juta terpaksa mengungsi.", [("displaced", None, 14000000, None, "people")]),
    ("Sementara di sisi militan, ada 77 yang tewas dalam serangan.", [("killed", None, 77, None, "people")]),
    ("Satu orang luka parah dan satu lagi luka sedang.",
     [("injured", None, 1, None, "people"), ("injured", None, 1, None, "people")]),
    ("Empat sekeluarga ditemukan meninggal saat berkemah.", [("killed", None, 4, None, "people")]),
    # more nouns and kind words
    ("Kebakaran asrama itu menewaskan sedikitnya 16 siswi.", [("killed", 16, None, None, "children")]),
    ("Serangan udara menewaskan lebih dari 20 komandan.", [("killed", 20, None, None, "soldiers")]),
    ("Kebakaran itu dengan cepat menyebar dan menewaskan sepuluh penghuni.",
     [("killed", None, 10, None, "civilians")]),
    ("Organisasi itu memperkirakan hingga 140.000 orang telah terenggut nyawanya.",
     [("killed", None, None, 140000, "people")]),
    ("Sekitar 125 ribu orang terdampar di perbatasan.", [("displaced", None, 125000, None, "people")]),
    ("Sepuluh anggota keluarganya telah meninggalkan rumah mereka.", [("displaced", None, 10, None, "people")]),
    ("Sebanyak 300 penduduk terpaksa meninggalkan rumah mereka pada Senin.",
     [("displaced", None, 300, None, "civilians")]),
    ("Lebih dari 146.000 warga meninggalkan Rakhine sejak bulan lalu.", [("displaced", 146000, None, None, "civilians")]),
    ("Sekitar 430 ribu warga telah meninggalkan negara bagian Rakhine.", [("displaced", None, 430000, None, "civilians")]),
    ("Dua ratus warga memilih mengungsi ke rumah kerabat.", [("displaced", None, 200, None, "civilians")]),
    # a total named by its group, in a clause before the count's own subjectless clause
    ("Dengan demikian, jumlah tentaranya yang tewas dalam perang itu, kini menjadi 24 orang.",
     [("killed", None, 24, None, "people")]),
    ("Jumlah warga yang mengungsi akibat banjir, kini menjadi 1.200 orang.", [("displaced", None, 1200, None, "people")]),
    # a number between the total's name and the count: the total is counted already
    ("Jumlah korban tewas 12 orang, kini mencapai 24 orang.", [("killed", None, 12, None, "people")]),
    # idioms of killing
    ("Longsor itu menelan nyawa 11 orang.", [("killed", None, 11, None, "people")]),
    ("Kebakaran pabrik menelan korban jiwa 7 orang.", [("killed", None, 7, None, "people")]),
    ("Badai itu merenggut nyawa sedikitnya 40 orang.", [("killed", 40, None, None, "people")]),
    # nominalised deaths: the count once, with the kind of the nominal
    ("Meninggalnya seorang relawan memicu kecaman.", [("killed", None, 1, None, "others")]),
    ("Pemerintah menyesalkan gugurnya dua prajurit di perbatasan.", [("killed", None, 2, None, "soldiers")]),
    ("Terbunuhnya tiga warga sipil memicu unjuk rasa.", [("killed", None, 3, None, "civilians")]),
    ("Kematian 14 orang itu sedang diselidiki.", [("killed", None, 14, None, "people")]),
    ("Ledakan itu mengakibatkan 9 korban tewas.", [("killed", None, 9, None, "people")]),
    ("Tercatat 6 korban tewas dan 20 korban luka.",
     [("killed", None, 6, None, "people"), ("injured", None, 20, None, "people")]),
    # arrests: an arrest verb before a noun for people, or a participle after it
    ("Aparat menahan empat tersangka pembakaran.", [("arrested", None, 4, None, "others")]),
    ("Petugas meringkus tiga orang pelaku di terminal.", [("arrested", None, 3, None, "others")]),
    ("Polisi menangkap 15 orang terduga perusuh.", [("arrested", None, 15, None, "others")]),
    ("Delapan tersangka ditahan di rutan polres.", [("arrested", None, 8, None, "others")]),
    # a second link word in a coordination ("dan juga")
    ("Polisi menangkap dua WNA dan juga satu warga lokal.",
     [("arrested", None, 2, None, "others"), ("arrested", None, 1, None, "civilians")]),
    # "the others" named by a group noun after them
    ("Enam orang tewas dan empat lainnya merupakan anak-anak yang terluka.",
     [("killed", None, 6, None, "people"), ("injured", None, 4, None, "children")]),
    # "diantaranya" written as one word
    ("Setidaknya 1000 orang terluka, tujuh diantaranya luka parah.",
     [("injured", 1000, None, None, "people"), ("injured", None, 7, None, "people")]),
    ("Tiga orang tewas, dua diantaranya polisi.",
     [("killed", None, 3, None, "people"), ("killed", None, 2, None, "police")]),
    # an aside between commas that names who is among the counted without counting them
    ("Setidaknya 16 warga sipil, termasuk perempuan dan anak-anak, tewas dalam serangan itu.",
     [("killed", 16, None, None, "civilians")]),
    ("Sebanyak 40 orang, sebagian besar perempuan, mengungsi ke masjid.",
     [("displaced", None, 40, None, "people")]),
    ("Sebanyak 40 orang, termasuk dua anak, tewas.",
     [("killed", None, 40, None, "people"), ("killed", None, 2, None, "children")]),
    # Rohingya counted alone are refugees; a kind word still wins
    ("Sekitar 125 ribu Rohingya terdampar di perbatasan.", [("displaced", None, 125000, None, "refugees")]),
    ("Bangladesh kini menampung 400 ribu imigran Rohingya di kamp.", [("displaced", None, 400000, None, "refugees")]),
    ("Nasib sekitar 40 ribu orang Rohingya di India semakin rentan.", [("displaced", None, 40000, None, "refugees")]),
    ("Tentara menembak mati 30 Rohingya di desa itu.", [("killed", None, 30, None, "refugees")]),
    # more nouns for people
    ("Seorang petugas kepolisian juga terluka dalam baku tembak.", [("injured", None, 1, None, "police")]),
    ("Dua pria bersenjata lagi tewas dalam bentrokan.", [("killed", None, 2, None, "militants")]),
    ("Bom bunuh diri itu menewaskan 80 jemaat.", [("killed", None, 80, None, "others")]),
    ("Lima orang martir dan beberapa orang yang terluka dibawa ke rumah sakit.", [("killed", None, 5, None, "people")]),
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
    # modifiers stop at verbs, function words and numbers; "seorang" alone takes none
    "Lima warga membawa korban luka ke rumah sakit.",
    "Tiga orang saksi melihat korban tewas di jalan.",
    "Ia bercerita tentang seorang atlet maraton yang meninggal karena kelelahan.",
    "Dua kapal asing ditangkap di perairan Natuna.",
    # an aside that holds no comma-free words is no aside; an aside must open with its word
    "Sebanyak 40 orang, sementara itu, polisi tewas.",
    "Sekitar 300 orang, kebanyakan di antaranya warga. Mereka tewas.",
    "Ia mengatakan salah satu karyawan ijazahnya ditahan perusahaan.",
    "Polisi memeriksa lima orang saksi korban tewas kemarin.",
    # "satu demi satu" is not a count; a clause ends at a negation
    "Namun, seiring waktu, satu demi satu penghuni meninggalkan rumah.",
    "Dua balita yang sempat disandera berhasil diselamatkan tanpa menderita luka.",
    # leaving a place is displacement only for residents and refugees, not for any group
    "Sebanyak 20 orang meninggalkan Jakarta menuju Doha.",
    "Sebanyak 20 pemain meninggalkan Jakarta menuju Doha.",
    "Sebanyak 20 diplomat Rusia meninggalkan negara itu.",
    "Sebanyak 20 diplomat meninggalkan Inggris pekan ini.",
    # a count's own clause with a subject of its own is no total
    "Jumlah korban tewas belum diketahui, sementara bantuan mencapai 500 orang.",
    "Jumlah korban tewas terus bertambah mencapai, 24 orang di antaranya anak-anak.",
    # "menahan" holds back or withstands unless a noun for people follows
    "Pasukan itu berhasil menahan serangan selama tiga hari.",
    "Pemain itu mampu menahan dua tembakan lawan.",
    "Bank sentral menahan suku bunga di level 6 persen.",
    # an origin on a count with no word for what happened to it
    "Kapal itu diawaki 18 staf, dua di antaranya berkewarganegaraan Malaysia.",
    "Kementerian memulangkan dua narapidana berkebangsaan Australia.",
    # "not a single one"
    "Kami tiba dengan selamat tanpa satu pun cedera.",
    "Tak seorang pun tewas dalam insiden itu.",
    "Tidak ada satu pun warga yang terluka.",
    "Seorang pun tidak ditangkap.",
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
    # the dead of an attack on a side named earlier in the clause are that side's, before the claimant's
    ("Militer Israel mengatakan serangan udaranya terhadap Iran telah menewaskan lebih dari 20 komandan.",
     {"Militer Israel": "ISR", "Iran": "IRN"}, ["IRN"]),
    ("Militer Israel mengatakan serangannya ke Gaza menewaskan 20 orang.",
     {"Militer Israel": "ISR", "Gaza": "PSE"}, ["PSE"]),
    ("Militer Israel mengatakan, di Gaza serangan itu menewaskan 20 orang.",
     {"Militer Israel": "ISR", "Gaza": "PSE"}, ["PSE"]),
    ("Di Gaza, militer Israel mengatakan serangan menewaskan 20 orang.",
     {"militer Israel": "ISR", "Gaza": "PSE"}, ["ISR"]),
    ("Militer Israel mengatakan seorang tentaranya tewas.", {"Militer Israel": "ISR"}, ["ISR"]),
    # a possessed noun or total with no speaker of its own: the "-nya" points back to the speaker before
    (("Militer Israel mengatakan seorang tentaranya tewas. Dengan demikian, jumlah tentaranya yang tewas "
      "dalam perang itu, kini menjadi 24 orang."), {"Militer Israel": "ISR"}, ["ISR", "ISR"]),
    ("Militer Israel mengatakan serangan berlanjut. Dua tentaranya tewas.", {"Militer Israel": "ISR"}, ["ISR"]),
    ("Serangan berlanjut. Dua tentaranya tewas.", {}, [None]),
    ("Militer Israel mengatakan serangan berlanjut. Dua tentara tewas.", {"Militer Israel": "ISR"}, [None]),
    ("Militer Israel mengatakan serangan berlanjut. Jumlah korban tewas kini menjadi 24 orang.",
     {"Militer Israel": "ISR"}, [None]),
    # origin phrases on the counted people
    ("Seorang jurnalis asal Jepang tewas tertembak.", {"Jepang": "JPN"}, ["JPN"]),
    ("Sebanyak 12 warga asal Myanmar ditangkap di perairan Aceh.", {"Myanmar": "MMR"}, ["MMR"]),
    ("Dua orang berkewarganegaraan Prancis terluka dalam kecelakaan itu.", {"Prancis": "FRA"}, ["FRA"]),
    ("Tiga pria berkebangsaan Korea Selatan ditahan polisi.", {"Korea Selatan": "KOR"}, ["KOR"]),
    ("Lima turis dari Belanda hilang di gunung itu.", {"Belanda": "NLD"}, ["NLD"]),
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


@pytest.mark.parametrize("text,actors,expected", [
    # a repetition without a side takes the side given elsewhere in the article
    ("Drone itu melukai dua orang. Menurut Kementerian Pertahanan Rumania, dua orang mengalami luka-luka.",
     {"Rumania": "ROU"}, [(None, 2, None, "ROU"), (None, 2, None, "ROU")]),
    # a plain repetition (a headline) takes the bound given elsewhere
    ("20 komandan Iran tewas. Serangan itu menewaskan lebih dari 20 komandan Iran.",
     {"Iran": "IRN"}, [(20, None, None, "IRN"), (20, None, None, "IRN")]),
    # not when the article gives two different sides or two different bounds
    ("Serangan itu menewaskan dua warga Israel. Serangan lain menewaskan dua warga Iran. Dua orang tewas.",
     {"Israel": "ISR", "Iran": "IRN"}, [(None, 2, None, "ISR"), (None, 2, None, "IRN"), (None, 2, None, None)]),
    ("Sedikitnya 5 orang tewas. Hampir 5 orang tewas. Sebanyak 5 orang tewas.",
     {}, [(5, None, None, None), (None, None, 5, None), (None, 5, None, None)]),
    # other kinds and other numbers are other people
    ("Dua tentara Israel tewas. Dua orang terluka. Tiga orang tewas.",
     {"Israel": "ISR"}, [(None, 2, None, "ISR"), (None, 2, None, None), (None, 3, None, None)]),
])
def test_figures_shared_across_article(text, actors, expected):
    assert [(f.low, f.best, f.high, f.country) for f in figures_of(text, actors)] == expected


@pytest.mark.parametrize("text,actors,claimant,country", [
    ("Militer Israel menyebutkan nama tentara itu. Ditambahkan bahwa satu tentara cadangan mengalami luka parah.",
     {"Militer Israel": "ISR"}, "Militer Israel", "ISR"),
    ("Kepolisian mengatakan penyelidikan berlanjut. Disebutkan, tiga orang ditangkap.",
     {}, "Kepolisian", None),
    # an agent after the passive word is the claimant's own sentence; no claim before: none
    ("Kepolisian mengatakan penyelidikan berlanjut. Ditambahkan Kapolres, tiga orang ditangkap.", {}, None, None),
    ("Penyelidikan berlanjut. Ditambahkan bahwa tiga orang ditangkap.", {}, None, None),
])
def test_figures_claimant_of_continued_statement(text, actors, claimant, country):
    (figure,) = figures_of(text, actors)
    assert (figure.claimed_by, figure.country) == (claimant, country)


def test_figures_country_from_place_after_noun():
    from warta.model import Place, PlaceMention
    text = "Sebanyak 15 warga Gaza tewas dan 3 warga mengungsi ke Rafah."
    doc = doc_of(text)
    gaza, rafah = text.index("Gaza"), text.index("Rafah")
    places = (PlaceMention(Span(gaza, gaza + 4, "Gaza"), 0, Place("Gaza", country="PSE")),
              PlaceMention(Span(rafah, rafah + 5, "Rafah"), 0, Place("Rafah", country="EGY")))
    figures = extract_figures(doc.with_layer(places=places), LANG)
    assert [(f.best, f.country, f.text) for f in figures] == [(15, "PSE", "Sebanyak 15 warga Gaza"), (3, None, "3 warga")]


@pytest.mark.parametrize("text,actors,expected", [
    # a total broken down by nationality after a comma: the parts take the total's kind
    ("Serangan itu menewaskan enam orang, tiga dari Jerman, dua orang berkebangsaan Italia dan satu orang Spanyol.",
     {"Jerman": "DEU", "Italia": "ITA", "Spanyol": "ESP"},
     [("killed", 6, "people", None), ("killed", 3, "people", "DEU"), ("killed", 2, "people", "ITA"),
      ("killed", 1, "people", "ESP")]),
    ("Tujuh orang tewas dalam kecelakaan bus itu, dua di antaranya warga Singapura.", {"Singapura": "SGP"},
     [("killed", 7, "people", None), ("killed", 2, "civilians", "SGP")]),
    ("Ledakan itu menewaskan 20 orang, termasuk empat warga Kanada.", {"Kanada": "CAN"},
     [("killed", 20, "people", None), ("killed", 4, "civilians", "CAN")]),
    ("Bom itu menewaskan 15 orang di pasar Kabul, termasuk dua warga Jepang.", {"Kabul": "AFG", "Jepang": "JPN"},
     [("killed", 15, "people", None), ("killed", 2, "civilians", "JPN")]),
    ("Sebanyak 30 orang terluka, termasuk lima warga Turki dan dua warga Yunani.", {"Turki": "TUR", "Yunani": "GRC"},
     [("injured", 30, "people", None), ("injured", 5, "civilians", "TUR"), ("injured", 2, "civilians", "GRC")]),
    ("Polisi menangkap sembilan orang, lima di antaranya berkewarganegaraan Vietnam.", {"Vietnam": "VNM"},
     [("arrested", 9, "people", None), ("arrested", 5, "people", "VNM")]),
    ("Sepuluh orang tewas dalam serangan itu, tiga di antaranya anak-anak.", {},
     [("killed", 10, "people", None), ("killed", 3, "children", None)]),
    ("Empat orang tewas, dua dari Swedia bersamaan dengan penangkapan seorang tersangka.", {"Swedia": "SWE"},
     [("killed", 4, "people", None), ("killed", 2, "people", "SWE"), ("arrested", 1, "others", None)]),
    # not a breakdown: the parts outnumber the total, a part has a predicate of its own, a later
    # member of the list has its own kind word, or the part names neither a country nor another group
    ("Dua orang tewas, tiga dari Swedia.", {"Swedia": "SWE"}, [("killed", 2, "people", None)]),
    ("Bom itu menewaskan 15 orang dan menghancurkan pasar, termasuk dua warga Jepang.", {"Jepang": "JPN"},
     [("killed", 15, "people", None)]),
    ("Empat orang tewas, dua warga Swedia mengaku melihat pelaku.", {"Swedia": "SWE"},
     [("killed", 4, "people", None)]),
    ("Sepuluh orang tewas, dua warga Swedia, tiga warga Norwegia terluka.", {"Swedia": "SWE", "Norwegia": "NOR"},
     [("killed", 10, "people", None), ("injured", 3, "civilians", "NOR")]),
    ("Lima orang luka-luka, dua orang Jepang tidak terluka.", {"Jepang": "JPN"}, [("injured", 5, "people", None)]),
    ("Bom itu menewaskan 5 orang, 2 hari setelah gencatan senjata.", {}, [("killed", 5, "people", None)]),
    ("Sebanyak 8 orang tewas, 3 orang di antaranya belum dikenali.", {}, [("killed", 8, "people", None)]),
    ("Enam orang tewas. Dua dari Swedia.", {"Swedia": "SWE"}, [("killed", 6, "people", None)]),
])
def test_figures_breakdown_of_a_total(text, actors, expected):
    assert [(f.kind, f.best, f.group, f.country) for f in figures_of(text, actors)] == expected


# ----------------------------------------------------------------------------------- data

FIGURE_WORD_KEYS = ("classifier", "range", "link", "not_count_before", "side_link", "after_bare",
                    "claim_after_comma", "claim_openers", "others", "year_before", "claim_stop", "relative",
                    "reach", "possessive", "modifier_stop", "verb_prefix", "total_head", "clause_stop",
                    "target_link", "copula", "name_kind_groups", "claim_continued", "part_lead", "part_end",
                    "aside_lead", "others_tail", "range_open", "range_after_open", "place_link", "place_side_groups",
                    "not_count_after")


@pytest.mark.parametrize("name,column,allowed", [
    ("figure_kinds.tsv", "kind", "kinds"),
    ("figure_kinds.tsv", "position", ("after", "before", "after_name", "total")),
    ("figure_groups.tsv", "group", "groups"),
    ("figure_qualifiers.tsv", "bound", ("low", "high", "best")),
    ("figure_gaps.tsv", "side", ("after", "before")),
])
def test_figures_data_values_are_known(name, column, allowed):
    from warta.model import FIGURE_GROUPS, FIGURE_KINDS
    allowed = {"kinds": FIGURE_KINDS, "groups": FIGURE_GROUPS}.get(allowed, allowed)
    assert {row[column] for row in LANG.table(name)} <= set(allowed)


def test_figures_data_word_classes_are_the_ones_the_code_reads():
    from warta.model import FIGURE_GROUPS
    words = {row["key"]: row["words"] for row in LANG.table("figure_words.tsv")}
    assert set(words) == set(FIGURE_WORD_KEYS)
    assert set(words["name_kind_groups"].split("|")) <= set(FIGURE_GROUPS)
    assert set(words["place_side_groups"].split("|")) <= set(FIGURE_GROUPS)


# ----------------------------------------------------------------------------------- pre-check

def full_path(monkeypatch):
    """``extract_figures`` reading every sentence with a count: the figure data without its cue
    automaton (the path the pre-check must agree with)."""
    from dataclasses import replace

    import warta.extract.figures as figures_module
    data = replace(figures_module.figure_data(LANG), cues=None)
    monkeypatch.setattr(figures_module, "figure_data", lambda lang: data)


@pytest.mark.parametrize("text,actors", [
    ("Serangan itu menewaskan 12 orang dan melukai 30 lainnya.", None),
    ("Menewaskan 12 orang, serangan itu dikecam dunia.", None),
    ("MENEWASKAN 12 ORANG: serangan itu dikecam dunia.", None),
    ("Jumlah korban tewas di Gaza terus bertambah dan kini mencapai 224 orang.", None),
    ("JUMLAH KORBAN TEWAS di Gaza kini mencapai 224 orang.", None),
    ("Korban Jiwa kini mencapai 40 orang, kata pejabat itu.", None),
    ("Sebanyak 146.000 warga meninggalkan Rakhine sejak Agustus.", None),
    ("Sekitar 300 pengungsi tiba di perbatasan.", None),
    ("Seorang tentara tewas dan dua warga sipil luka-luka.", None),
    ("Seorang tewas.", None),
    ("Empat orang tewas, dua dari Swedia dan satu orang Belgia.", {"Swedia": "SWE", "Belgia": "BEL"}),
    ("Pihak berwenang Thailand mengatakan 23 tentara tewas.", {"Thailand": "THA"}),
    ("Polisi menangkap 5 orang. Ditambahkan bahwa dua orang ditahan.", None),
    ("Tiga orang datang ke kantor itu. Mereka tewas kemudian.", None),
    ("Harga beras naik 20 persen pada 2024.", None),
    ("Stasiun İstanbul ditutup; 3 orang tewas di sana.", None),
    ("Kota ıtu sepi; 3 orang tewas di sana.", None),
    ("Angka ini naik. Sebanyak 12 orang dinyatakan hilang.", None),
    ("Ratusan ditangkap dalam unjuk rasa itu.", None),
    ("Tim SAR mencari korban tewas selama 3 hari.", None),
    ("Empat orang tewas, dua dari Swedia.", {"Swedia": "SWE"}),
    ("Dua dari Swedia tewas.", {"Swedia": "SWE"}),
    ("Puluhan warga sipil tewas dan ribuan orang mengungsi.", None),
    ("", None),
])
def test_figures_precheck_same_as_full_path(text, actors, monkeypatch):
    fast = summary(figures_of(text, actors)), [f.country for f in figures_of(text, actors)]
    full_path(monkeypatch)
    assert (summary(figures_of(text, actors)), [f.country for f in figures_of(text, actors)]) == fast


@pytest.mark.parametrize("text,expected", [
    ("Dua tentara tewas.", True),
    ("DUA TENTARA TEWAS.", True),            # lower-cased before the scan: a superset of the patterns
    ("Jumlah penduduk kota itu 20.000 orang.", True),   # "jumlah" may open a total
    ("Harga beras naik 20 persen.", False),
    ("Ia menghadiri rapat pada Senin.", False),
    ("", False),
])
def test_figures_cue_starts(text, expected):
    from warta.extract.figures import cue_starts, figure_data
    assert bool(cue_starts(text, figure_data(LANG).cues)) is expected


@pytest.mark.parametrize("text", ["İstanbul: dua tentara tewas.", "Di İzmir tak ada yang terluka."])
def test_figures_cue_starts_none_when_lowercase_changes_length(text):
    from warta.extract.figures import cue_starts, figure_data
    assert cue_starts(text, figure_data(LANG).cues) is None


def test_figures_case_unsafe_letters_cover_unicode():
    """The letters ``re.IGNORECASE`` matches in a character that ``str.lower`` does not map to
    them are exactly ``CASE_UNSAFE_LETTERS``: a total's word without them is found in lowercase."""
    import re
    import sys

    from warta.extract.figures import CASE_UNSAFE_LETTERS
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    unsafe = set()
    for code in range(128, sys.maxunicode + 1):
        ch = chr(code)
        if any_letter.fullmatch(ch):
            unsafe |= {c for c in "abcdefghijklmnopqrstuvwxyz"
                       if re.fullmatch(c, ch, re.IGNORECASE) and ch.lower() != c}
    assert unsafe == set(CASE_UNSAFE_LETTERS)


@pytest.mark.parametrize("text,reads", [
    ("Harga beras naik 20 persen pada 2024.", False),          # a count, no kind word
    ("Warga tewas dalam banjir itu.", False),                  # a kind word, no count
    ("Dua orang datang. Mereka tewas.", False),                # not in one sentence
    ("Tim SAR mencari korban tewas selama 3 hari.", False),    # a count of days, not of people
    ("Sebanyak 20 persen rumah warga rusak dan tiga sapi mati.", False),
    ("Dua tentara tewas.", True),
    ("Pada 2024 harga naik 20 persen dan dua warga tewas.", True),
    ("Seorang tewas.", True),
])
def test_figures_layers_read_only_for_a_possible_figure(text, reads):
    """The actor and place layers (sides, claimants) are read only when a sentence may hold a figure."""
    read = []
    doc = segment(Article(id="t", text=text, published="2025-12-26", language="id"), LANG)
    doc = doc.with_layer(actors=lambda d: read.append("actors") or (),
                         places=lambda d: read.append("places") or ())
    extract_figures(doc, LANG)
    assert bool(read) is reads


# ------------------------------------------------------------------- sides of "the others", places, ranges

def figures_with_places(text: str, actors: dict[str, str], places: dict[str, str]):
    """Figures of ``text`` with hand-made actor and place mentions (surface text → country)."""
    from warta.model import Place, PlaceMention
    doc = doc_of(text, actors)
    mentions = []
    for surface, country in places.items():
        start = 0
        while (start := text.find(surface, start)) >= 0:
            end = start + len(surface)
            mentions.append(PlaceMention(Span(start, end, surface), doc.sentence_of(start).index,
                                         Place(surface, country=country)))
            start = end
    return extract_figures(doc.with_layer(places=tuple(sorted(mentions, key=lambda m: m.span.start))), LANG)


@pytest.mark.parametrize("text,actors,expected", [
    # "the others" of a count before them in the sentence are of its side and, for a bare "lainnya", its group
    ("Pemerintah Afghanistan menyebutkan dua tentara AS tewas dan dua lainnya terluka.",
     {"Pemerintah Afghanistan": "AFG", "AS": "USA"}, [(2, "soldiers", "USA"), (2, "soldiers", "USA")]),
    ("Sedikitnya 67 warga Palestina tewas dan puluhan lainnya luka-luka.", {"Palestina": "PSE"},
     [(67, "civilians", "PSE"), (20, "civilians", "PSE")]),
    ("Tiga tentara Amerika Serikat tewas dan seorang lainnya terluka.", {"Amerika Serikat": "USA"},
     [(3, "soldiers", "USA"), (1, "soldiers", "USA")]),
    ("Dua warga Israel tewas dan 12 orang lainnya terluka, kata polisi Iran.", {"Israel": "ISR", "polisi Iran": "IRN"},
     [(2, "civilians", "ISR"), (12, "civilians", "ISR")]),
    ("Lima orang tewas dan tujuh korban lain luka-luka di lokasi.", {}, [(5, "people", None), (7, "people", None)]),
    # not "the others": a count of its own keeps its own side and group, or the claimant's
    ("Dua tentara AS tewas dan dua warga terluka, kata Pemerintah Afghanistan.",
     {"AS": "USA", "Pemerintah Afghanistan": "AFG"}, [(2, "soldiers", "USA"), (2, "civilians", "AFG")]),
    ("Dua tentara AS tewas dan dua lainnya asal Inggris terluka.", {"AS": "USA", "Inggris": "GBR"},
     [(2, "soldiers", "USA"), (2, "people", "GBR")]),
    ("Lima orang lainnya terluka, kata Pemerintah Afghanistan.", {"Pemerintah Afghanistan": "AFG"},
     [(5, "people", "AFG")]),
])
def test_figures_others_side(text, actors, expected):
    assert [(f.low or f.best, f.group, f.country) for f in figures_of(text, actors)] == expected


@pytest.mark.parametrize("text,actors,claimant,country", [
    # a dateline before the claimant is no part of it
    ("Jakarta, CNN Indonesia -- Yordania mengatakan petugas itu menewaskan dua warganya.",
     {"CNN": "USA", "Yordania": "JOR"}, "Yordania", "JOR"),
    ("JAKARTA, KOMPAS.com - Komisi Pemberantasan Korupsi mengatakan telah menangkap 9 orang.", {},
     "Komisi Pemberantasan Korupsi", None),
    ("GAZA — Kementerian Kesehatan mengatakan 12 orang tewas.", {}, "Kementerian Kesehatan", None),
    # a hyphen inside a name is not a dateline
    ("Kelompok Ahrar al - Sham mengatakan 5 orang tewas.", {}, "Kelompok Ahrar al - Sham", None),
])
def test_figures_claimant_after_dateline(text, actors, claimant, country):
    (figure,) = figures_of(text, actors)
    assert (figure.claimed_by, figure.country) == (claimant, country)


@pytest.mark.parametrize("text,places,expected", [
    # with no other side named, people counted where the sentence places what happened are of that country
    ("Di Israel, tiga orang tewas akibat serangan rudal.", {"Israel": "ISR"}, ["ISR"]),
    ("Sedikitnya 12 warga sipil tewas dalam serangan di Gaza.", {"Gaza": "PSE"}, ["PSE"]),
    ("Perang di Sudan telah membuat lebih dari 12 juta orang mengungsi.", {"Sudan": "SDN"}, ["SDN"]),
    ("Sebanyak 5 anak-anak terluka di Kabul.", {"Kabul": "AFG"}, ["AFG"]),
    # not for soldiers, police, militants or refugees, who are often foreign to the place
    ("Dua tentara tewas di Gaza.", {"Gaza": "PSE"}, [None]),
    ("Sebanyak 300 pengungsi tewas di Libya.", {"Libya": "LBY"}, [None]),
    # places in several countries, or none named as where it happened: none
    ("Dua orang dirawat di Belanda dan dua lainnya terluka di Jerman.", {"Belanda": "NLD", "Jerman": "DEU"},
     [None, None]),
    ("Dua orang tewas di Limo, Depok.", {"Limo": "PER", "Depok": "IDN"}, [None]),
    ("Sebanyak 15 orang asal Suriah tewas.", {"Suriah": "SYR"}, ["SYR"]),
    ("Tiga orang dari Gaza tewas.", {"Gaza": "PSE"}, ["PSE"]),
    ("Tiga orang tewas setelah serangan Israel.", {"Israel": "ISR"}, [None]),
])
def test_figures_country_from_place_of_sentence(text, places, expected):
    assert [f.country for f in figures_with_places(text, {}, places)] == expected


def test_figures_country_from_place_after_claimant():
    figures = figures_with_places("Di Gaza, militer Israel mengatakan serangan menewaskan 20 orang.",
                                  {"militer Israel": "ISR"}, {"Gaza": "PSE"})
    assert [f.country for f in figures] == ["ISR"]     # the claimant's side comes first


@pytest.mark.parametrize("text,expected", [
    ("Antara 20 dan 30 orang tewas dalam serangan itu.", [("killed", 20, None, 30)]),
    ("Serangan itu menewaskan antara 20 hingga 30 orang.", [("killed", 20, None, 30)]),
    ("Korban tewas berkisar antara 20 dan 30 orang.", [("killed", 20, None, 30)]),
    ("Serangan itu melukai antara 5 sampai 8 warga.", [("injured", 5, None, 8)]),
    # "dan" joins a range only after "antara"
    ("Polisi menangkap 20 orang dan 30 orang lainnya terluka.", [("arrested", None, 20, None),
                                                                 ("injured", None, 30, None)]),
    ("Di antara 20 orang yang ditangkap, tiga adalah wartawan.", [("arrested", None, 20, None)]),
    ("Antara 30 dan 20 orang tewas.", [("killed", None, 20, None)]),
])
def test_figures_ranges_with_antara(text, expected):
    assert [(f.kind, f.low, f.best, f.high) for f in figures_of(text)] == expected

