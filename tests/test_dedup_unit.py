"""Pure parts of warta.dedup: shingles, copies, first copies, cluster keys, places, figures."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings, strategies as st

from warta.dedup import (ClusterSettings, DedupSettings, NearDuplicateIndex, cluster_pair,
                         clusterable, event_day, figure_totals, first_copy_key, haversine_km,
                         jaccard, places_agree, reconcile_figures, shingles, signature, similarity)
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
