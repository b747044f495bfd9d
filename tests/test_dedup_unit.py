"""Pure parts of warta.dedup: shingles, copies, first copies, cluster keys, places, figures."""
from __future__ import annotations

import hashlib
import random

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings, strategies as st

from warta.dedup import (SCHEME, ClusterSettings, DedupSettings, NearDuplicateIndex, band_buckets,
                         band_keys, cluster_pair, clusterable, event_day, figure_totals,
                         first_copy_key, haversine_km, jaccard, places_agree, reconcile_figures,
                         shift_day, shingle_hashes, shingle_list, shingles, signature, similarity,
                         words)
from warta.model import Actor, Event, Evidence, Figure, Place, When

STORY = ("Pasukan Israel kembali melancarkan serangan udara ke wilayah Jalur Gaza pada Senin malam. "
         "Kementerian Kesehatan setempat menyebut sedikitnya 20 orang tewas dan puluhan lainnya "
         "luka-luka akibat serangan tersebut. Serangan itu terjadi beberapa jam setelah utusan "
         "Amerika Serikat tiba di Kairo untuk membahas gencatan senjata. Militer Israel mengatakan "
         "sasaran serangan adalah fasilitas milik kelompok Hamas. Sementara itu, warga sipil "
         "terus mengungsi ke bagian selatan wilayah itu karena takut akan serangan berikutnya. "
         "Pemerintah Mesir mengecam serangan itu dan meminta semua pihak menahan diri.")
OTHER = ("Presiden Prabowo Subianto menerima kunjungan Perdana Menteri Malaysia Anwar Ibrahim di "
         "Istana Merdeka, Jakarta, pada Selasa pagi. Kedua pemimpin membahas kerja sama ekonomi, "
         "perbatasan laut, serta perlindungan pekerja migran Indonesia di Malaysia. Anwar "
         "mengatakan kedua negara sepakat mempercepat perundingan batas wilayah di Laut Sulawesi.")
FOLLOW_UP = ("Jumlah korban tewas akibat serangan udara Israel di Jalur Gaza bertambah menjadi 35 "
             "orang, kata Kementerian Kesehatan pada Rabu. Tim penyelamat masih mencari korban di "
             "bawah reruntuhan bangunan di kota Khan Younis. Hamas menyebut serangan itu sebagai "
             "pelanggaran gencatan senjata, sementara Israel mengatakan pihaknya menyasar "
             "komandan kelompok bersenjata. PBB menyerukan penyelidikan independen.")


def copies(a: str, b: str) -> bool:
    index = NearDuplicateIndex()
    index.add("a", a, "2025-01-01")
    return bool(index.add("b", b, "2025-01-02"))


@pytest.mark.parametrize("a,b,expected", [
    (STORY, STORY, True),
    (STORY, STORY.upper(), True),                                  # case
    (STORY, STORY.replace(". ", ".\n\n").replace(",", " ,"), True),  # spacing, punctuation
    (STORY, "Baca juga: Harga cabai naik\n" + STORY + "\n(nvc/imk)", True),   # boilerplate lines
    (STORY, STORY.replace("Senin malam", "Senin dini hari"), True),  # words changed
    (STORY, STORY + " Serangan serupa terjadi pekan lalu di Rafah.", True),  # a sentence added
    (STORY, STORY.split(". ", 1)[1], True),                       # the first sentence dropped
    (STORY, OTHER, False),
    (STORY, FOLLOW_UP, False),                                    # same happening, later story
    (STORY, STORY[: len(STORY) // 3], False),                     # a third of it is not a copy
    (STORY, "", False),
    ("", "", False),
])
def test_dedup_copies(a, b, expected):
    assert copies(a, b) is expected


@pytest.mark.parametrize("text,k,expected", [
    ("Satu dua tiga empat lima enam", 5, {b"satu dua tiga empat lima", b"dua tiga empat lima enam"}),
    ("Satu, dua!", 5, {b"satu dua"}),
    ("", 5, set()),
    ("...", 5, set()),
    ("a b c", 1, {b"a", b"b", b"c"}),
])
def test_dedup_shingles(text, k, expected):
    assert shingles(text, k) == expected


def reference_shingles(text: str, k: int) -> set[bytes]:
    """Shingles as warta first made them: the words of each shingle joined, then encoded."""
    w = words(text)
    if len(w) <= k:
        return {" ".join(w).encode("utf-8")} if w else set()
    return {" ".join(w[i:i + k]).encode("utf-8") for i in range(len(w) - k + 1)}


MASK64 = (1 << 64) - 1


def reference_shingle_hash(shingle: bytes) -> int:
    """One shingle's hash, the slow way: the polynomial of its bytes + 1 (multiplier 0x100000001B3)
    modulo 2**64, the MurmurHash3 64-bit finalizer, the top 32 bits."""
    h = 0
    for j, byte in enumerate(shingle):
        h = (h + (byte + 1) * pow(0x100000001B3, j, 1 << 64)) & MASK64
    for shift, mult in ((33, 0xFF51AFD7ED558CCD), (33, 0xC4CEB9FE1A85EC53)):
        h = ((h ^ (h >> shift)) * mult) & MASK64
    return (h ^ (h >> 33)) >> 32


def reference_signature(text: str, s: DedupSettings) -> bytes | None:
    """The signature, the slow way: each shingle hashed alone, then datasketch's permutations."""
    hashes = [reference_shingle_hash(x) for x in reference_shingles(text, s.shingle)]
    if not hashes:
        return None
    a, b = MinHash(num_perm=s.num_perm, seed=s.seed, scheme=SCHEME).permutations
    values = [min((int(ai) * h + int(bi)) & 0xFFFFFFFF for h in hashes) for ai, bi in zip(a, b)]
    return np.array(values, dtype="<u8").tobytes()


SIGNATURE_TEXTS = [
    STORY, OTHER, FOLLOW_UP, STORY.upper(), STORY + " " + STORY, "", "...", "Satu",
    "Satu dua tiga empat lima", "Satu dua tiga empat lima enam",
    "Straße İstanbul naïve Ærø 東京 ½ x² ǅemal dan ﬁnal",       # non-ASCII, casefolding that grows
    "ya ya ya ya ya ya ya ya ya ya ya ya",                       # one shingle many times
    "Kata-kata (dalam kurung), angka 1.234,5 dan_garis_bawah!",
]
SIGNATURE_SETTINGS = [DedupSettings(), DedupSettings(shingle=3, num_perm=64, bands=16, rows=4, seed=7),
                      DedupSettings(shingle=1, seed=2)]


@pytest.mark.parametrize("text", SIGNATURE_TEXTS)
@pytest.mark.parametrize("s", SIGNATURE_SETTINGS)
def test_dedup_signature_matches_reference(text, s):
    assert signature(text, s) == reference_signature(text, s)
    assert shingles(text, s.shingle) == reference_shingles(text, s.shingle)
    assert set(shingle_list(text, s.shingle)) == reference_shingles(text, s.shingle)
    assert sorted(shingle_hashes(text, s.shingle).tolist()) == \
        sorted(reference_shingle_hash(x) for x in shingle_list(text, s.shingle))


@settings(max_examples=60, deadline=None)
@given(text=st.text(st.sampled_from("aAbß ÉéİıǅŉΣσ東1_-.,\n"), max_size=80),
       k=st.integers(1, 6))
def test_dedup_signature_matches_reference_any_text(text, k):
    s = DedupSettings(shingle=k)
    assert signature(text, s) == reference_signature(text, s)


PINNED = "73a44f248454339e"        # sha1 of signature(STORY), first 16 hex digits
PINNED_FIRST = 4878976              # its first value


def test_dedup_signature_pinned():
    """Stores keep signatures: a change here needs a store migration (warta.store.schema)."""
    assert hashlib.sha1(signature(STORY)).hexdigest()[:16] == PINNED
    assert signature(STORY)[:8] == np.array([PINNED_FIRST], dtype="<u8").tobytes()


@pytest.mark.parametrize("text", [t for t in SIGNATURE_TEXTS if words(t)])
@pytest.mark.parametrize("s", SIGNATURE_SETTINGS[:2])
def test_dedup_band_buckets_are_band_keys(text, s):
    sig = signature(text, s)
    keys = band_keys(sig, s)
    assert len(keys) == s.bands and all(len(hex_) == 16 for _, hex_ in keys)
    signed = [(band, int(hex_, 16) - (1 << 64) * (int(hex_, 16) >= 1 << 63)) for band, hex_ in keys]
    assert band_buckets(sig, s) == signed
    assert all(-2 ** 63 <= bucket < 2 ** 63 for _, bucket in band_buckets(sig, s))


def test_dedup_signature_estimates_jaccard():
    a, b = shingles(STORY), shingles(STORY + " " + OTHER)
    est = similarity(signature(STORY), signature(STORY + " " + OTHER))
    assert abs(est - jaccard(a, b)) < 0.15
    assert signature("") is None
    assert similarity(signature(STORY), signature(STORY)) == 1.0


@pytest.mark.parametrize("members,expected", [
    ([("b", "2025-01-02"), ("a", "2025-01-03")], "b"),
    ([("b", "2025-01-02"), ("a", "2025-01-02")], "a"),
    ([("b", None), ("a", "2025-01-09")], "a"),
    ([("z", "2024-12-31"), ("a", "2025-01-01"), ("m", "2025-01-01")], "z"),
])
def test_dedup_first_copy_key(members, expected):
    assert min(members, key=lambda m: first_copy_key(m[1], m[0]))[0] == expected


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(range(6)), dates=st.lists(st.sampled_from(
    ["2025-01-01", "2025-01-02", "2025-01-03", None]), min_size=6, max_size=6))
def test_dedup_first_copies_independent_of_order(order, dates):
    texts = [STORY, STORY + " Tambahan.", "Baca juga\n" + STORY, OTHER, OTHER + " Lagi.", FOLLOW_UP]
    index = NearDuplicateIndex()
    for i in order:
        index.add(f"id{i}", texts[i], dates[i])
    result = index.first_copies()
    expect_story = min((f"id{i}" for i in range(3)), key=lambda a: first_copy_key(dates[int(a[2])], a))
    expect_other = min(("id3", "id4"), key=lambda a: first_copy_key(dates[int(a[2])], a))
    assert {a for a in result if result[a] is None} == {expect_story, expect_other, "id5"}
    assert all(result[f"id{i}"] in (None, expect_story) for i in range(3))


def ev(event_type="ASSAULT", src="ISR", tgt="PSE", day=None, precision="day", status="asserted",
       place=None, org=None):
    return Event(id="e", event_type=event_type, evidence=Evidence(0, 0, 1, "x"),
                 source=Actor("s", country=src, org=org) if (src or org) else None,
                 target=Actor("t", country=tgt) if tgt else None,
                 date=When(day, precision) if day else None, status=status, place=place)


@pytest.mark.parametrize("event,expected", [
    (ev("SANCTION", "USA", "RUS"), ("USA", "RUS", False)),
    (ev("SANCTION", "RUS", "USA"), ("RUS", "USA", False)),
    (ev("CONSULT", "USA", "IDN"), ("IDN", "USA", True)),
    (ev("ASSAULT", "PSE", "ISR"), ("ISR", "PSE", True)),
    (ev("AGREE", "USA", None), ("USA", None, True)),
    (ev("AGREE", None, "USA"), ("USA", None, True)),
    (ev("AID", None, "PSE", org="UNO"), ("UNO", "PSE", False)),
])
def test_dedup_cluster_pair(event, expected):
    assert cluster_pair(event) == expected


@pytest.mark.parametrize("event,published,expected", [
    (ev(day="2025-06-01"), "2025-06-03", "2025-06-01"),
    (ev(day="2025-06-02", precision="week"), "2025-06-09", "2025-06-02"),
    (ev(day="2025-06", precision="month"), "2025-06-20", "2025-06-20"),
    (ev(), "2025-06-20", "2025-06-20"),
    (ev(day="2025", precision="year"), None, "2025-01-01"),
    (ev(), None, ""),
])
def test_dedup_event_day(event, published, expected):
    assert event_day(event, published) == expected


@pytest.mark.parametrize("a,b,expected", [
    (("Gaza", 31.5, 34.46), ("Gaza City", 31.52, 34.45), True),
    (("Gaza", 31.5, 34.46), ("Kyiv", 50.45, 30.52), False),
    (("Rafah", None, None), ("rafah", None, None), True),
    (("Rafah", None, None), ("Khan Younis", None, None), False),
    ((None, None, None), ("Kyiv", 50.45, 30.52), True),
    (("Gaza", 31.5, 34.46), (None, None, None), True),
])
def test_dedup_places_agree(a, b, expected):
    assert places_agree(a, b) is expected


@pytest.mark.parametrize("day,days,expected", [
    ("2025-06-01", 3, "2025-06-04"),
    ("2025-06-01", -3, "2025-05-29"),
    ("2024-02-28", 1, "2024-02-29"),
    ("0001-01-02", -3, "0001-01-01"),        # the calendar's ends: clamped, not an error
    ("9999-12-30", 3, "9999-12-31"),
    ("2025-06", 3, "2025-06"),               # not a day: as given
    ("", -3, ""),
])
def test_dedup_shift_day(day, days, expected):
    assert shift_day(day, days) == expected


def test_dedup_haversine():
    assert abs(haversine_km(-6.2, 106.8, -6.9, 107.6) - 118) < 5   # Jakarta–Bandung


@pytest.mark.parametrize("event,expected", [
    (ev(), True),
    (ev(status="negated"), False),
    (ev(status="hypothetical"), False),
    (ev(status="planned"), True),
    (ev(src=None, tgt=None), False),
    (ev(src=None, tgt=None, place=Place("Gaza")), True),
])
def test_dedup_clusterable(event, expected):
    assert clusterable(event, ClusterSettings()) is expected


@pytest.mark.parametrize("figures,expected", [
    ((), {}),
    ((Figure("killed", 20, group="soldiers"),), {"killed": 20}),
    ((Figure("killed", 20, group="soldiers"), Figure("killed", best=49, group="soldiers")), {"killed": 49}),
    ((Figure("killed", 20, group="soldiers"), Figure("killed", 3, group="civilians")), {"killed": 23}),
    ((Figure("killed", high=100), Figure("injured", best=7)), {"killed": 100, "injured": 7}),
    ((Figure("displaced"),), {}),
])
def test_dedup_figure_totals(figures, expected):
    assert figure_totals(figures) == expected


def test_dedup_reconcile_figures():
    assert reconcile_figures([{"killed": 20}, {"killed": 25, "injured": 3}, {}]) == {
        "injured": {"low": 3, "high": 3, "reports": 1},
        "killed": {"low": 20, "high": 25, "reports": 2}}
    assert reconcile_figures([]) == {}


def test_dedup_settings_bands_fit():
    s = DedupSettings()
    assert s.bands * s.rows <= s.num_perm
    rng = random.Random(1)
    words = STORY.split()
    rng.shuffle(words)
    assert not copies(STORY, " ".join(words))   # same words, other order: not a copy


@pytest.mark.parametrize("text", [
    "", "   ", "...", "Satu", "Satu dua, TIGA! empat_lima 1.234,5", "A\tB\nC", "__init__ x-y",
    "Straße İstanbul naïve Ærø 東京 ½ x² ǅemal dan ﬁnal", "Kata “kutipan” di sini", "\x00\x7f a",
])
def test_dedup_joined_words_are_words(text):
    from warta.dedup import _joined_words, words
    found = words(text)
    assert _joined_words(text) == (len(found), " ".join(found).encode("utf-8"))


@pytest.mark.parametrize("n", [1, 2, 3, 1023, 1024, 1025, 4097, 9000])
def test_dedup_powers_are_products(n):
    from warta.dedup import _POLY, _POLY_INVERSE, _powers
    for base in (_POLY, _POLY_INVERSE):
        got = _powers(base, n)
        assert len(got) == n and not got.flags.writeable
        at = sorted({0, min(1, n - 1), n // 2, n - 1})
        assert [int(got[j]) for j in at] == [pow(int(base), j, 1 << 64) for j in at]


@pytest.mark.parametrize("text", [STORY * 12, (STORY + " Straße ") * 30, "kata " * 1500])
def test_dedup_signature_matches_reference_long_text(text):
    s = DedupSettings()
    assert signature(text, s) == reference_signature(text, s)
