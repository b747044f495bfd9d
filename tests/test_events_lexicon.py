"""The event lexicon: data files well-formed, affixed forms reach their entries through stemming,
multi-word triggers win over their single words, blockers stop false triggers."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import pytest

from warta.events.lexicon import load_lexicon, strip_clitic, voice_of
from warta.events.triggers import find_triggers
from warta.lang import Language, load_language
from warta.model import PLOVER_TYPES
from warta.segment import segment
from warta.model import Article

LANG = load_language("id")
LEX = load_lexicon(LANG)


def triggers(text: str) -> list[tuple[str, str | None, str]]:
    doc = segment(Article(id="t", text=text, language="id"), LANG)
    out = []
    for s in doc.sentences:
        out.extend((m.entry.event_type, m.entry.mode, doc.text[m.start:m.end]) for m in find_triggers(s, LEX))
    return out


def test_events_lexicon_covers_every_plover_type():
    types = {r["type"] for r in LANG.table("event_triggers.tsv")} - {"-"}
    assert types == set(PLOVER_TYPES)


def test_events_lexicon_rows_are_well_formed():
    modes_ok = {r["type"] for r in LANG.table("event_cameo.tsv")}
    seen = set()
    for r in LANG.table("event_triggers.tsv"):
        assert r["match"] in ("stem", "exact"), r
        assert 0.0 <= float(r["weight"]) <= 1.0, r
        assert r["pos"] in ("verb", "passive", "noun", "-"), r
        assert r["type"] == "-" or r["type"] in modes_ok, r
        key = (r["trigger"].lower(), r["match"])
        assert key not in seen, f"duplicate trigger row {key}"
        seen.add(key)


def test_events_lexicon_cameo_roots_are_codes():
    for r in LANG.table("event_cameo.tsv"):
        assert r["type"] in PLOVER_TYPES
        assert r["cameo_root"].isdigit() and 1 <= int(r["cameo_root"]) <= 20


def test_events_lexicon_is_compiled_once_per_language():
    assert load_lexicon(LANG) is LEX
    other = Language("id")
    assert load_lexicon(other) is not LEX


MORPHOLOGY_ROWS = [
    # (text, type, mode, matched text)
    ("Israel menyerang Gaza.", "ASSAULT", None, "menyerang"),
    ("Gaza diserang Israel.", "ASSAULT", None, "diserang"),
    ("Penyerangan itu terjadi malam hari.", "ASSAULT", None, "Penyerangan"),
    ("Polisi menangkap dua orang.", "COERCE", "arrest", "menangkap"),
    ("Dua orang ditangkap polisi.", "COERCE", "arrest", "ditangkap"),
    ("Penangkapan dilakukan Senin.", "COERCE", "arrest", "Penangkapan"),
    ("Iran mengecam Israel.", "ACCUSE", "disapprove", "mengecam"),
    ("Israel dikecam Iran.", "ACCUSE", "disapprove", "dikecam"),
    ("Kecaman datang dari Iran.", "ACCUSE", "disapprove", "Kecaman"),
    ("Kedua negara menyepakati perjanjian itu.", "AGREE", None, "menyepakati"),
    ("Perjanjian itu ditandatangani kedua negara.", "AGREE", None, "ditandatangani"),
    ("Penandatanganan dilakukan di Jakarta.", "AGREE", None, "Penandatanganan"),
    ("Desakan datang dari PBB.", "REQUEST", None, "Desakan"),
    ("China menyita kapal itu.", "COERCE", "seize", "menyita"),
    ("Rusia mengerahkan pasukan ke perbatasan.", "MOBILIZE", "troops", "mengerahkan pasukan"),
    ("Rusia menarik pasukan dari Kherson.", "RETREAT", "withdraw", "menarik pasukan"),
    ("Penarikan pasukan dimulai Senin.", "RETREAT", "withdraw", "Penarikan pasukan"),
    ("Israel melancarkan serangan udara ke Gaza.", "ASSAULT", "aerial", "serangan udara"),
    ("Rusia melancarkan serangan drone ke Kyiv.", "ASSAULT", "drone", "serangan drone"),
    ("Gencatan senjata disepakati Rabu.", "AGREE", None, "Gencatan senjata disepakati"),
    ("Menlu berbicara melalui telepon dengan Menlu Iran.", "CONSULT", "phone", "berbicara melalui telepon"),
    ("Pengadilan memutuskan untuk menahannya.", "COERCE", "arrest", "menahannya"),
    ("Ribuan orang berunjuk rasa di Jakarta.", "PROTEST", "demo", "berunjuk rasa"),
    ("Tentara terluka akibat ledakan ranjau.", "ASSAULT", "explosives", "ledakan ranjau"),
    ("Mereka terus bernegosiasi.", "CONSULT", None, "bernegosiasi"),
    ("Kemlu menyayangkan langkah sepihak itu.", "ACCUSE", "disapprove", "menyayangkan"),
    ("Partai oposisi mengkritisi kebijakan luar negeri itu.", "ACCUSE", "disapprove", "mengkritisi"),
    ("Kebijakan itu dikritisi banyak negara.", "ACCUSE", "disapprove", "dikritisi"),
    ("Kedutaan mengajukan protes resmi.", "ACCUSE", "disapprove", "mengajukan protes"),
    ("Kelompok itu bersumpah akan membalas.", "THREATEN", None, "bersumpah akan membalas"),
    ("Milisi bersumpah membalas kematian komandannya.", "THREATEN", None, "bersumpah membalas"),
    ("Militer membalas serangan roket itu.", "ASSAULT", None, "membalas serangan"),
    ("Serangan balasan dilancarkan Minggu dini hari.", "ASSAULT", None, "Serangan balasan"),
    ("Menteri itu memenuhi undangan mitranya.", "CONSULT", "visit", "memenuhi undangan"),
    ("Pemerintah membekukan aset bank sentral itu.", "SANCTION", None, "membekukan aset"),
    ("Tamu negara itu disambut menteri di bandara.", "CONSULT", "visit", "disambut"),
    ("Ia disambut langsung oleh perdana menteri.", "CONSULT", "visit", "disambut langsung"),
    ("Usulan itu disambut baik oleh kedua pihak.", "SUPPORT", None, "disambut baik"),
    ("Upacara penyambutan digelar di istana.", "CONSULT", "visit", "Upacara penyambutan"),
]


@pytest.mark.parametrize("text,event_type,mode,matched", MORPHOLOGY_ROWS, ids=[r[0][:40] for r in MORPHOLOGY_ROWS])
def test_events_lexicon_morphology(text, event_type, mode, matched):
    assert (event_type, mode, matched) in triggers(text)


BLOCKED_ROWS = [
    "Ia meninggal karena serangan jantung.",
    "Pelaku bunuh diri di kamar.",
    "Pesawat tempur itu dipamerkan.",
    "Gelandang serang itu mencetak gol.",
    "Harimau sumatra terancam punah.",
    "Menteri itu menolak berkomentar.",
    "Ia menuju Jakarta pagi ini.",
    "Pertahanan Australia sulit ditembus.",
    "Ia menemukan dompet di jalan.",
    "Ia membalas pesan itu keesokan harinya.",
    "Sebanyak 51 persen warga menentang rencana itu.",
    "Ia bersumpah setia kepada negara.",
    "Syarat itu memenuhi ketentuan.",
    "Menlu Rusia bertolak ke Bangkok pagi ini.",
]


@pytest.mark.parametrize("text", BLOCKED_ROWS, ids=[r[:40] for r in BLOCKED_ROWS])
def test_events_lexicon_blocked(text):
    assert triggers(text) == []


VOICE_ROWS = [
    ("menyerang", "active"), ("diserang", "passive"), ("serangan", "noun"), ("penyerangan", "noun"),
    ("pertempuran", "noun"), ("bertempur", "active"), ("kesepakatan", "noun"), ("tertangkap", "passive"),
    ("sanksi", "bare"), ("bom", "bare"),
]


@pytest.mark.parametrize("word,voice", VOICE_ROWS)
def test_events_lexicon_voice(word, voice):
    assert voice_of(LEX, word) == voice


@pytest.mark.parametrize("word,bare", [("menahannya", "menahan"), ("serangannya", "serangan"),
                                       ("hanya", "hanya"), ("punya", "punya"), ("dialah", "dialah")])
def test_events_lexicon_clitics(word, bare):
    assert strip_clitic(LEX, word) == bare


def test_events_lexicon_stemmer_uses_exceptions_and_caches():
    stem = LEX.stemmer.stem
    assert stem("ditandatangani") == "tandatangan"
    assert stem("menyerang") == "serang"
    before = stem.cache_info().hits
    stem("menyerang")
    assert stem.cache_info().hits == before + 1


NONSTATE_LISTS = [
    # (lexicon field, data file, a row it must hold, a form it must not)
    ("nonstate_cues", "event_nonstate_cues.txt", ("bom", "bunuh", "diri"), ("polisi",)),
    ("nonstate_cues", "event_nonstate_cues.txt", ("orang", "bersenjata"), ("pengedar", "narkoba")),
    ("nonstate_predicates", "event_nonstate_predicates.txt", "merupakan", "menyerang"),
    ("suspect_nouns", "event_suspect_nouns.txt", "tersangka", "warga"),
    ("weapon_nouns", "event_weapon_nouns.txt", "bom", "serangan"),
    ("desk_countries", "event_desk_country.txt", "IDN", "FRA"),
]


@pytest.mark.parametrize("field,name,member,absent", NONSTATE_LISTS, ids=[r[0] + ":" + str(r[2]) for r in NONSTATE_LISTS])
def test_events_lexicon_nonstate_lists_read_from_data(field, name, member, absent):
    values = getattr(LEX, field)
    assert LANG.lines(name), name
    assert member in values and absent not in values
    if field == "desk_countries":
        assert all(len(c) == 3 and c.isupper() for c in values)
    else:
        assert len(values) == len(LANG.lines(name))


def _word_spans_by_starts(seq, text, matches):
    starts = [1]
    for w in seq:
        starts.append(starts[-1] + len(w) + 1)
    return [(bisect_left(starts, end - length + 2), bisect_left(starts, end + 1) - 1) for end, length in matches]


@pytest.mark.parametrize("seq", [
    ["israel", "menyerang", "gaza"],
    ["gencatan", "senjata", "disepakati", "kedua", "pihak"],
    ["a"],
    ["kerja", "sama", "tanda tangan", "nota"],          # a word holding a space: word starts looked up
    ["dua kata", "tiga kata lagi", "satu"],
])
def test_events_lexicon_trigger_word_spans_by_counting_spaces(seq):
    from warta.events.triggers import _word_spans
    text = " " + " ".join(seq) + " "
    keys = {" " + " ".join(seq[i:j + 1]) + " " for i in range(len(seq)) for j in range(i, len(seq))}
    matches = sorted((k, text.find(k) + len(k) - 1, len(k)) for k in keys if text.find(k) >= 0)
    pairs = [(end, length) for _, end, length in matches]
    assert _word_spans(seq, text, pairs) == _word_spans_by_starts(seq, text, pairs)


@pytest.mark.parametrize("words", [
    ["pasukan", "menyerang", "kota", "itu"],
    ["mereka", "menandatangani", "perjanjian", "damai"],
    ["menyita", "senjata", "dan", "menangkap", "tersangka"],
    ["kata dengan spasi", "menyerang", "itu"],           # the fallback: word starts looked up
])
def test_events_lexicon_stem_candidates_by_counting_spaces(words):
    from warta.events.triggers import _stems
    text = " ".join(words)
    offsets = [0]
    for w in words[:-1]:
        offsets.append(offsets[-1] + len(w) + 1)
    candidates = {bisect_right(offsets, end) - 1 for end, _ in LEX.stem_filter.iter(text)}
    expected = [LEX.stemmer.stem(w) if i in candidates else w for i, w in enumerate(words)]
    assert _stems(words, LEX) == expected


QUANTITY_GAP_ROWS = [
    # a quantity between the verb and the object of a verb-object trigger is read past
    ("Korea Utara mempersiapkan 3,5 juta tentara.", ("MOBILIZE", "troops", "mempersiapkan 3,5 juta tentara")),
    ("Rusia mengerahkan 2.000 pasukan ke perbatasan.", ("MOBILIZE", "troops", "mengerahkan 2.000 pasukan")),
    ("Rusia mengerahkan sekitar 10 ribu pasukan.", ("MOBILIZE", "troops", "mengerahkan sekitar 10 ribu pasukan")),
    ("Washington mengirim 200 tentara tambahan.", ("MOBILIZE", "troops", "mengirim 200 tentara")),
    ("Mereka mengirimkan ribuan pasukan ke sana.", ("MOBILIZE", "troops", "mengirimkan ribuan pasukan")),
    ("Israel melepaskan lebih dari 1000 tahanan.", ("RETREAT", "release", "melepaskan lebih dari 1000 tahanan")),
    ("Pemerintah mengusir 35 diplomat asing.", ("SANCTION", "expel", "mengusir 35 diplomat")),
    # no number, too long a gap, or a number that is not in the gap: the phrase is not joined
    ("Rusia mengerahkan sekitar pasukan.", None),
    ("Rusia mengerahkan 1 2 3 4 5 pasukan.", None),
    ("Rusia mengerahkan pasukan 2.000 orang.", ("MOBILIZE", "troops", "mengerahkan pasukan")),
]


@pytest.mark.parametrize("text,expected", QUANTITY_GAP_ROWS, ids=[r[0][:40] for r in QUANTITY_GAP_ROWS])
def test_events_lexicon_quantity_gap(text, expected):
    found = triggers(text)
    joined = [t for t in found if " " in t[2] and any(ch.isdigit() for ch in t[2]) or
              any(w in t[2].split() for w in ("ribuan", "sekitar"))]
    if expected is None:
        assert not joined, found
    else:
        assert expected in found, found


def test_events_lexicon_quantity_gap_keeps_blockers():
    """A blocker read past a quantity still blocks ("mengancam 3 juta jiwa" endangers lives)."""
    assert triggers("Banjir itu mengancam 3 juta jiwa.") == []


def test_events_lexicon_quantity_words_read_from_data():
    assert LANG.lines("event_quantity_words.txt")
    assert {"sekitar", "lebih", "dari"} <= LEX.quantity_words
    assert {"dua", "ribu", "juta", "ribuan"} <= LEX.number_words <= LEX.quantity_words
    assert {"mengerahkan", "mengirim", "mempersiapkan"} <= LEX.gap_heads
    assert "serangan" not in LEX.gap_heads and "perang" not in LEX.gap_heads
