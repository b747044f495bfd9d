"""Event clusters and near-duplicate links in the store, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from test_store_support import coded, event, store, store_url  # noqa: F401
from warta.model import Figure, Place
from warta.store import EventQuery, open_store

GAZA = Place("Gaza", "Gaza", "PSE", 31.50, 34.46)
GAZA_CITY = Place("Gaza City", None, "PSE", 31.52, 34.45)
KYIV = Place("Kyiv", None, "UKR", 50.45, 30.52)

BASE = dict(event_type="ASSAULT", src="ISR", tgt="PSE", day="2025-06-01", place=GAZA)


@pytest.mark.parametrize("other,same", [
    ({}, True),
    ({"src": "PSE", "tgt": "ISR"}, True),                   # clashes: either direction
    ({"day": "2025-06-03"}, True),
    ({"day": "2025-05-29"}, True),
    ({"day": "2025-06-05"}, False),                         # beyond the 3-day window
    ({"event_type": "COERCE"}, False),
    ({"tgt": "LBN"}, False),
    ({"place": GAZA_CITY}, True),                           # near
    ({"place": KYIV}, False),                               # far
    ({"place": None}, True),                                # unknown place fits
    ({"status": "negated"}, None),                          # not clustered at all
    ({"status": "hypothetical"}, None),
])
def test_store_clusters_join(store, other, same):
    store.add([coded("a1", (event("e1", **BASE),), source="kompas.com")])
    store.add([coded("a2", (event("e2", **{**BASE, **other}),),
                     text="Laporan lain tentang serangan yang ditulis ulang oleh media berbeda. " * 3,
                     source="detik.com")])
    c1 = store.event("e1")["cluster_id"]
    c2 = store.event("e2")["cluster_id"]
    if same is None:
        assert c2 is None
    else:
        assert (c1 == c2) is same
    assert store.check() == []


@pytest.mark.parametrize("first,second,same", [
    (("SANCTION", "USA", "RUS"), ("SANCTION", "USA", "RUS"), True),
    (("SANCTION", "USA", "RUS"), ("SANCTION", "RUS", "USA"), False),   # directed type
    (("CONSULT", "IDN", "MYS"), ("CONSULT", "MYS", "IDN"), True),      # symmetric type
    (("AGREE", "IDN", "MYS"), ("AGREE", "MYS", "IDN"), True),
    (("ACCUSE", "CHN", "PHL"), ("ACCUSE", "PHL", "CHN"), False),
])
def test_store_clusters_direction(store, first, second, same):
    store.add([coded("a1", (event("e1", *first),)),
               coded("a2", (event("e2", *second),), text="Berita kedua yang sama sekali berbeda isinya. " * 4)])
    assert (store.event("e1")["cluster_id"] == store.event("e2")["cluster_id"]) is same


def test_store_counts_a_happening_once(store):
    """Three outlets' reports of one attack: three events, one happening, its dead added once
    (the largest report); an unrelated attack in the same month is a second happening."""
    killed = lambda n: (Figure("killed", n),)  # noqa: E731
    for i, (n, outlet) in enumerate([(20, "kompas.com"), (25, "detik.com"), (31, "antaranews.com")]):
        store.add([coded(f"a{i}", (event(f"e{i}", **{**BASE, "day": f"2025-06-0{i + 1}"}, figures=killed(n)),),
                         text=f"Laporan {outlet} tentang serangan yang sama, ditulis dengan kata lain. " * 3,
                         source=outlet)])
    store.add([coded("k", (event("ek", **{**BASE, "day": "2025-06-20", "place": KYIV}, figures=killed(4)),),
                     text="Serangan lain di tempat yang jauh pada akhir bulan itu juga. " * 3)])
    rows = store.counts(EventQuery(), by=("dyad", "month"))
    assert rows == [{"source": "ISR", "target": "PSE", "month": "2025-06", "events": 4, "happenings": 2,
                     "killed": 35, "injured": 0, "displaced": 0}]
    assert store.counts(EventQuery(), by=())[0]["happenings"] == 2


def test_store_cluster_summary(store):
    killed = lambda n: (Figure("killed", n, group="civilians"),)  # noqa: E731
    store.add([coded("a1", (event("e1", **BASE, figures=killed(20)),), source="kompas.com",
                     published="2025-06-02")])
    store.add([coded("a2", (event("e2", **{**BASE, "day": "2025-06-02"}, figures=killed(25)),),
                     text="Versi detik tentang serangan yang sama dengan kata-kata lain. " * 3,
                     source="detik.com", published="2025-06-01")])
    store.add([coded("a3", (event("e3", **{**BASE, "day": "2025-06-04"}, figures=killed(31)),),
                     text="Kantor berita lain melaporkan jumlah korban yang berbeda lagi. " * 3,
                     source="antaranews.com", published="2025-06-04")])
    page = store.clusters(EventQuery())
    assert page.total == 1
    c = page.items[0]
    assert (c["n_events"], c["n_articles"], c["n_sources"]) == (3, 3, 3)
    assert c["sources"] == ["antaranews.com", "detik.com", "kompas.com"]
    assert c["articles"] == ["a2", "a1", "a3"]            # by publication
    assert (c["first_report"], c["first_article_id"]) == ("2025-06-01", "a2")
    assert (c["first_date"], c["last_date"]) == ("2025-06-01", "2025-06-04")
    assert c["figures"] == {"killed": {"low": 20, "high": 31, "reports": 3}}
    # each report's own figure stays with its event
    assert [f.low for f in store.coded_article("a3").events[0].figures] == [31]
    assert [s["article_id"] for s in store.event("e3")["sources"]] == ["a2", "a1", "a3"]
    full = store.cluster(c["id"])
    assert [e["id"] for e in full["events"]] == ["e1", "e2", "e3"]


def test_store_clusters_chain_and_determinism(store_url, tmp_path):
    days = ["2025-06-01", "2025-06-04", "2025-06-07", "2025-06-20"]
    batch = [coded(f"a{i}", (event(f"e{i}", **{**BASE, "day": d}),),
                   text=f"Laporan nomor {i} tentang kejadian itu, ditulis berbeda. " * 3)
             for i, d in enumerate(days)]
    s = open_store(store_url)
    for c in batch:
        s.add([c])
    ids = [s.event(f"e{i}")["cluster_id"] for i in range(4)]
    assert ids[0] == ids[1] == ids[2] != ids[3]       # joins through the growing window
    other = open_store(str(tmp_path / "again.db"))
    for c in batch:
        other.add([c])
    assert [other.event(f"e{i}")["cluster_id"] for i in range(4)] == ids
    s.close()
    other.close()


def test_store_clusters_follow_recoding(store):
    store.add([coded("a1", (event("e1", **BASE),)),
               coded("a2", (event("e2", **BASE),), text="Teks kedua yang berbeda dari yang pertama. " * 3)])
    cid = store.event("e1")["cluster_id"]
    store.add([coded("a2", ())], coder_version="v2")           # a2 no longer has the event
    assert store.clusters(EventQuery()).items[0]["n_articles"] == 1
    store.add([coded("a1", (event("e9", "PROTEST", "IDN", None),))], coder_version="v2")
    assert all(c["id"] != cid for c in store.clusters(EventQuery()).items)   # emptied: gone
    assert store.check() == []


@pytest.mark.parametrize("query,expected", [
    (EventQuery(country="PSE"), 1),
    (EventQuery(dyad=("PSE", "ISR")), 1),
    (EventQuery(country="USA"), 0),
    (EventQuery(event_type="ASSAULT"), 1),
    (EventQuery(date_from="2025-07"), 0),
    (EventQuery(place="gaza"), 1),
    (EventQuery(text="menyerang"), 1),
    (EventQuery(text="perdamaian"), 0),
])
def test_store_clusters_filter(store, query, expected):
    store.add([coded("a1", (event("e1", **BASE, text="Israel menyerang Gaza."),))])
    assert store.clusters(query).total == expected


STORY = ("Pasukan Israel kembali melancarkan serangan udara ke wilayah Jalur Gaza pada Senin malam. "
         "Kementerian Kesehatan setempat menyebut sedikitnya 20 orang tewas dan puluhan lainnya "
         "luka-luka akibat serangan tersebut. Serangan itu terjadi beberapa jam setelah utusan "
         "Amerika Serikat tiba di Kairo untuk membahas gencatan senjata. Militer Israel mengatakan "
         "sasaran serangan adalah fasilitas milik kelompok Hamas.")


def test_store_duplicates_repointed(store):
    """The first copy is the earliest published, then the smallest id, whatever the order."""
    store.add([coded("m", (event("em", **BASE),), text=STORY, published="2025-06-02")])
    store.add([coded("k", (event("ek", **BASE),), text="Baca juga: lainnya\n" + STORY,
                     published="2025-06-01", source="detik.com")])
    assert store.article("m")["duplicate_of"] == "k" and store.article("k")["duplicate_of"] is None
    store.add([coded("z", (event("ez", **BASE),), text=STORY + " (ant)", published="2025-06-01"),
               coded("q", (), text=STORY.upper(), published="2025-05-31")])
    links = {a: store.article(a)["duplicate_of"] for a in "kmzq"}
    assert links == {"k": "q", "m": "q", "z": "q", "q": None}
    assert [e["id"] for e in store.events(EventQuery()).items] == []   # q has no events itself
    assert {e["id"] for e in store.events(EventQuery(include_duplicates=True)).items} == {"em", "ek", "ez"}
    assert store.counts(EventQuery(), by=("dyad",)) == []
    assert store.stats()["duplicates"] == 3
    assert store.check() == []


def test_store_duplicates_not_counted(store):
    store.add([coded("a", (event("e1", **BASE),), text=STORY, published="2025-06-01"),
               coded("b", (event("e2", **BASE),), text=STORY + " Editor: X", published="2025-06-02")])
    rows = store.counts(EventQuery(), by=("dyad",))
    assert rows[0]["events"] == 1
    assert store.counts(EventQuery(include_duplicates=True), by=("dyad",))[0]["events"] == 2
    assert store.event("e2")["cluster_id"] == store.event("e1")["cluster_id"]   # still a source


def test_store_duplicates_hard_negative(store):
    follow_up = ("Jumlah korban tewas akibat serangan udara Israel di Jalur Gaza bertambah menjadi "
                 "35 orang, kata Kementerian Kesehatan pada Rabu. Tim penyelamat masih mencari "
                 "korban di bawah reruntuhan bangunan di kota Khan Younis.")
    store.add([coded("a", (event("e1", **BASE),), text=STORY),
               coded("b", (event("e2", **{**BASE, "day": "2025-06-02"}),), text=follow_up)])
    assert store.article("b")["duplicate_of"] is None
    assert store.event("e1")["cluster_id"] == store.event("e2")["cluster_id"]   # a cluster instead


OTHER_TEXT = ("Presiden Prabowo Subianto menerima kunjungan Perdana Menteri Malaysia Anwar Ibrahim di "
              "Istana Merdeka, Jakarta, pada Selasa pagi. Kedua pemimpin membahas kerja sama ekonomi "
              "dan perbatasan laut di Laut Sulawesi.")


def mixed_articles() -> list:
    """Copies published in any order, events that chain into clusters, an article whose text and
    events change within the batch, and an article given twice."""
    later = {**BASE, "day": "2025-06-03"}
    return [
        coded("m", (event("em", **BASE),), text=STORY, published="2025-06-02"),
        coded("k", (event("ek", **later),), text="Baca juga: lainnya\n" + STORY, published="2025-06-01"),
        coded("z", (event("ez", **{**BASE, "day": "2025-06-05"}),), text=STORY + " (ant)",
              published="2025-06-03"),
        coded("q", (), text=STORY.upper(), published="2025-05-31"),
        coded("o", (event("eo", "CONSULT", "IDN", "MYS", day="2025-06-03"),
                    event("eo2", **{**BASE, "day": "2025-06-07"})), text=OTHER_TEXT,
              published="2025-06-03"),
        coded("p", (event("ep", "CONSULT", "MYS", "IDN", day="2025-06-04"),),
              text=OTHER_TEXT + " Anwar tiba pada Senin.", published="2025-06-04"),
        coded("r", (event("er", **{**BASE, "day": "2025-06-10"}),),
              text="Laporan lain tentang serangan berikutnya, ditulis berbeda sekali. " * 3,
              published="2025-06-10"),
    ]


def stored_order(c) -> tuple:
    """The order ``Store.add`` stores a batch in: publication date, then id."""
    return (c.article.published, c.article.id)


def store_state(store) -> dict:
    articles = {a: store.article(a) for a in store.article_ids()}
    events = {e["id"]: (e["cluster_id"], e["article_id"])
              for e in store.iter_events(EventQuery(include_duplicates=True))}
    return {"duplicate_of": {a: d["duplicate_of"] for a, d in articles.items()},
            "events": events, "clusters": list(store.iter_clusters()), "check": store.check(),
            "stats": store.stats()}


@pytest.mark.parametrize("batches", [
    [[0, 1, 2, 3, 4, 5, 6]],                # one batch
    [[6, 5, 4], [3, 2, 1, 0]],              # the order given does not matter within a batch
    [[0, 1, 2, 3, 4, 5, 6, 4, 6]],          # articles given twice in one batch
])
def test_store_batch_same_as_one_at_a_time(store_url, tmp_path, batches):
    """Writing rows at the end of a batch finds the same copies and clusters as writing each
    article in its own transaction, in the order the batch is stored in."""
    articles = mixed_articles()
    reference = open_store(str(tmp_path / "one-at-a-time.db"))
    for batch in batches:
        for c in sorted((articles[i] for i in batch), key=stored_order):
            reference.add([c])
    s = open_store(store_url)
    for batch in batches:
        s.add([articles[i] for i in batch])
    assert store_state(s) == store_state(reference)
    assert store_state(s)["check"] == [] and store_state(s)["stats"]["duplicates"] == 4   # m k z, p
    s.close()
    reference.close()


def test_store_batch_with_changed_text_same_as_one_at_a_time(store_url, tmp_path):
    """An article re-coded within a batch with another text: its old bands and events go."""
    articles = mixed_articles()
    changed = coded("m", (event("em2", "CONSULT", "IDN", "MYS", day="2025-06-04"),),
                    text=OTHER_TEXT + " Keduanya makan siang bersama.", published="2025-06-02")
    reference = open_store(str(tmp_path / "one-at-a-time.db"))
    s = open_store(store_url)
    for target, one_at_a_time in ((reference, True), (s, False)):
        target.add(articles[:3], coder_version="v1")
        batch = [changed, *articles[3:]]
        if one_at_a_time:
            for c in sorted(batch, key=stored_order):
                target.add([c], coder_version="v2")
        else:
            target.add(batch, coder_version="v2")
    assert store_state(s) == store_state(reference)
    assert store_state(s)["check"] == []
    assert [e.id for e in s.coded_article("m").events] == ["em2"]
    s.close()
    reference.close()


def table_rows(store) -> dict:
    """Every stored row but the time an article was added."""
    out = {}
    for table, order in (("articles", "id"), ("minhash_keys", "bucket, band, article_id"),
                         ("events", "seq"), ("actors", "event_seq, side"), ("places", "event_seq"),
                         ("evidence", "event_seq, position"), ("figures", "article_id, event_seq, position"),
                         ("event_clusters", "id")):
        rows = store.db.all(f"SELECT * FROM {table} ORDER BY {order}")
        out[table] = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows]
    out["articles"] = [r[:-1] for r in out["articles"]]       # "added" is the last column
    return out


@pytest.mark.parametrize("steps", [
    [("v1", [0, 1, 2, 3, 4, 5, 6])],
    [("v1", [0, 1, 2]), ("v1", [3, 4, 5, 6])],                  # copies of stored articles
    [("v1", [0, 1, 2]), ("v2", ["m2", 3, 4, 5, 6])],            # a re-coded text, then new copies
    [("v1", [0, 3]), ("v2", ["m2", 1, 2, "m3", 4, 5, 6])],      # re-coded twice in one batch
    [("v1", [6, 5, 4, 3, 2, 1, 0, 4, 6])],                      # articles given twice
    [("v1", [0]), ("v2", [3, "m2", 2])],    # z's only copy (q) is written at the re-coding's flush
])
def test_store_prefetched_bands_same_as_lookups(store_url, tmp_path, monkeypatch, steps):
    """The LSH buckets read once per batch give the same rows as one look-up per article."""
    from warta.store.store import Store
    articles = dict(enumerate(mixed_articles()))
    articles["m2"] = coded("m", (event("em2", "CONSULT", "IDN", "MYS", day="2025-06-04"),),
                           text=OTHER_TEXT + " Keduanya makan siang bersama.", published="2025-06-02")
    articles["m3"] = coded("m", (event("em3", **BASE),), text=STORY + " Editor: X", published="2025-06-02")
    s = open_store(store_url)
    for version, batch in steps:
        s.add([articles[i] for i in batch], coder_version=version)
    fast = table_rows(s)
    s.close()
    monkeypatch.setattr(Store, "_prefetch_bands", lambda self, batch, stored, writes: None)
    reference = open_store(str(tmp_path / "lookups.db"))
    for version, batch in steps:
        reference.add([articles[i] for i in batch], coder_version=version)
    assert fast == table_rows(reference)
    assert reference.check() == []
    if steps[-1][1] == [3, "m2", 2]:
        assert reference.article("z")["duplicate_of"] == "q"
    reference.close()
