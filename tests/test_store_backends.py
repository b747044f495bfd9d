"""The store on SQLite and PostgreSQL: round trip, idempotency, queries, pagination, counts."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from test_store_support import coded, coded_articles, event, store, store_url  # noqa: F401
from datasketch import MinHash

from warta.dedup import SCHEME, band_buckets, band_keys, shingles, signature
from warta.errors import StoreError
from warta.model import Figure, Place
from warta.store import SCHEMA_VERSION, EventQuery, open_store
from warta.store.backend import connect
from warta.store.schema import pending, render


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(c=coded_articles)
def test_store_round_trip(store, c):
    store.add([c])
    assert store.coded_article(c.article.id) == c
    assert store.has_article(c.article.id)
    assert store.check() == []


def test_store_schema_version_and_reopen(store_url):
    s = open_store(store_url)
    assert s.schema_version == SCHEMA_VERSION
    s.add([coded("a1", (event("e1"),))])
    s.close()
    s = open_store(store_url)           # migrations are not applied twice
    assert s.schema_version == SCHEMA_VERSION
    assert s.coded_article("a1").events[0].id == "e1"
    s.close()


def test_store_idempotent(store):
    batch = [coded("a1", (event("e1"), event("e2", "CONSULT", "IDN", "USA"))), coded("a2")]
    first = store.add(batch)
    assert (first.added, first.events) == (2, 2)
    again = store.add(batch)
    assert (again.added, again.skipped, again.events) == (0, 2, 0)
    assert store.stats()["events"] == 2 and store.stats()["articles"] == 2


def test_store_replaces_changed_coding(store):
    store.add([coded("a1", (event("e1"), event("e2")))], coder_version="v1")
    result = store.add([coded("a1", (event("e3", "CONSULT", "IDN", "MYS"),))], coder_version="v2")
    assert result.replaced == 1
    assert [e.id for e in store.coded_article("a1").events] == ["e3"]
    assert store.article("a1")["coder_version"] == "v2"
    assert store.stats()["events"] == 1 and store.check() == []


def test_store_missing(store):
    assert store.coded_article("nope") is None
    assert store.article("nope") is None
    assert store.event("nope") is None
    assert not store.has_article("nope")


@pytest.fixture
def filled(store):
    gaza = Place("Gaza", "Gaza", "PSE", 31.5, 34.46)
    store.add([
        coded("a1", (event("e1", day="2025-06-01", place=gaza,
                           figures=(Figure("killed", 20, group="civilians"),
                                    Figure("displaced", best=300))),
                     event("e2", "CONSULT", "IDN", "USA", day="2025-06-03", confidence=0.9))),
        coded("a2", (event("e3", "SANCTION", "USA", "RUS", day="2025-07-10",
                           text="Amerika Serikat menjatuhkan sanksi kepada Rusia."),
                     event("e4", "THREATEN", "RUS", "USA", day="2025-07-11", status="negated")),
              text="Sanksi baru dari Washington terhadap Moskwa diumumkan hari ini. " * 3,
              published="2025-07-11", source="detik.com"),
        coded("a3", (event("e5", "AID", None, None, day="2025-08-01", org="UNO",
                           text="PBB mengirim bantuan."),),
              text="Bantuan kemanusiaan dikirim ke wilayah itu oleh badan dunia. " * 3,
              published="2025-08-02"),
    ])
    return store


@pytest.mark.parametrize("query,expected", [
    (EventQuery(), ["e1", "e2", "e3", "e4", "e5"]),
    (EventQuery(date_from="2025-07"), ["e3", "e4", "e5"]),
    (EventQuery(date_to="2025-06"), ["e1", "e2"]),
    (EventQuery(date_from="2025-06-02", date_to="2025-07-10"), ["e2", "e3"]),
    (EventQuery(country="usa"), ["e2", "e3", "e4"]),
    (EventQuery(source="USA"), ["e3"]),
    (EventQuery(target="USA"), ["e2", "e4"]),
    (EventQuery(dyad=("RUS", "USA")), ["e3", "e4"]),
    (EventQuery(dyad=("USA", "RUS")), ["e3", "e4"]),
    (EventQuery(dyad=("USA", "CHN")), []),
    (EventQuery(event_type="sanction"), ["e3"]),
    (EventQuery(event_type="PROTEST"), []),
    (EventQuery(place="gaz"), ["e1"]),
    (EventQuery(place="PSE"), ["e1"]),
    (EventQuery(place="Kyiv"), []),
    (EventQuery(text="sanksi kepada"), ["e3"]),
    (EventQuery(text="Washington"), ["e3", "e4"]),
    (EventQuery(text="100%_"), []),
    (EventQuery(country="UNO"), ["e5"]),
    (EventQuery(sort="-date"), ["e5", "e4", "e3", "e2", "e1"]),
    (EventQuery(sort="-confidence"), ["e2", "e5", "e4", "e3", "e1"]),
])
def test_store_events_filter(filled, query, expected):
    page = filled.events(query)
    assert [e["id"] for e in page.items] == expected
    assert page.total == len(expected)


def test_store_events_pagination(filled):
    seen, cursor = [], None
    while True:
        page = filled.events(EventQuery(limit=2, cursor=cursor, sort="-date"))
        seen += [e["id"] for e in page.items]
        cursor = page.next_cursor
        if not cursor:
            break
    assert seen == ["e5", "e4", "e3", "e2", "e1"]


def test_store_bad_query(filled):
    with pytest.raises(StoreError):
        filled.events(EventQuery(sort="size"))
    with pytest.raises(StoreError):
        filled.events(EventQuery(cursor="not-a-cursor!"))
    with pytest.raises(StoreError):
        filled.counts(EventQuery(), by=("galaxy",))


def test_store_event_dict(filled):
    e = filled.event("e3")
    assert e["article_id"] == "a2" and e["outlet"] == "detik.com"
    assert e["published"] == "2025-07-11" and e["article_title"] == "Judul a2"
    assert e["sources"] == [{"article_id": "a2", "title": "Judul a2", "url": None,
                             "source": "detik.com", "published": "2025-07-11"}]
    assert e["cluster_id"]


@pytest.mark.parametrize("by,expected", [
    (("dyad", "month"), [
        {"source": "IDN", "target": "USA", "month": "2025-06", "events": 1},
        {"source": "ISR", "target": "PSE", "month": "2025-06", "events": 1},
        {"source": "UNO", "target": None, "month": "2025-08", "events": 1},
        {"source": "USA", "target": "RUS", "month": "2025-07", "events": 1}]),
    (("year",), [{"year": "2025", "events": 4}]),
    (("quad",), [{"quad": "material_conflict", "events": 2},
                 {"quad": "material_cooperation", "events": 1},
                 {"quad": "verbal_cooperation", "events": 1}]),
    (("type",), [{"event_type": "AID", "events": 1}, {"event_type": "ASSAULT", "events": 1},
                 {"event_type": "CONSULT", "events": 1}, {"event_type": "SANCTION", "events": 1}]),
    (("week",), [{"week": "2025-05-26", "events": 1}, {"week": "2025-06-02", "events": 1},
                 {"week": "2025-07-07", "events": 1}, {"week": "2025-07-28", "events": 1}]),
    (("target",), [{"target": None, "events": 1}, {"target": "PSE", "events": 1},
                   {"target": "RUS", "events": 1}, {"target": "USA", "events": 1}]),
])
def test_store_counts(filled, by, expected):
    rows = filled.counts(EventQuery(), by=by)
    got = [{k: v for k, v in r.items() if k not in ("happenings", "killed", "injured", "displaced")} for r in rows]
    assert all(r["happenings"] == r["events"] for r in rows)     # no two reports of one happening here
    key = lambda d: [str(v) for v in d.values()]  # noqa: E731  (None sorts first either way)
    assert sorted(got, key=key) == sorted(expected, key=key)


@pytest.mark.parametrize("code", ["USA", "usa", "ISR", "PSE", "UNO", "CHN"])
def test_store_counts_country_either_side(filled, code):
    expected = {}
    for e in filled.events(EventQuery(country=code)).items:
        if e["status"] in ("negated", "hypothetical"):
            continue
        src = (e["source"] or {}).get("country") or (e["source"] or {}).get("org")
        tgt = (e["target"] or {}).get("country") or (e["target"] or {}).get("org")
        expected[(src, tgt)] = expected.get((src, tgt), 0) + 1
    rows = filled.counts(EventQuery(country=code), by=("dyad",))
    assert {(r["source"], r["target"]): r["events"] for r in rows} == expected


def test_store_counts_sums_figures(filled):
    rows = filled.counts(EventQuery(dyad=("PSE", "ISR")), by=("dyad",))
    assert rows == [{"source": "ISR", "target": "PSE", "events": 1, "happenings": 1, "killed": 20, "injured": 0,
                     "displaced": 300}]


def test_store_actors_and_places(filled):
    actors = {(a["country"] or a["org"], a["name"], a["sector"]): a["events"] for a in filled.actors()}
    assert actors[("USA", "USA", None)] == 2 and actors[("USA", "USA", "MIL")] == 1
    assert actors[("UNO", None, "MIL")] == 1
    places = filled.places()
    assert places == [{"name": "Gaza", "admin1": "Gaza", "country": "PSE", "lat": 31.5,
                       "lon": 34.46, "events": 1}]
    assert filled.places(EventQuery(country="USA")) == []


def test_store_migrates_older_and_refuses_newer(store_url):
    s = open_store(store_url)
    s.add([coded("a1", (event("e1"),))])
    s.db.execute("DELETE FROM schema_migrations WHERE version > 1")   # as a version-1 store
    s.close()
    s = open_store(store_url)
    assert s.schema_version == SCHEMA_VERSION and s.coded_article("a1").events[0].id == "e1"
    s.db.execute("INSERT INTO schema_migrations (version, applied) VALUES (?, ?)", (99, "future"))
    s.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(store_url)


COPY = ("Pasukan Israel kembali melancarkan serangan udara ke wilayah Jalur Gaza pada Senin malam. "
        "Kementerian Kesehatan setempat menyebut sedikitnya 20 orang tewas dan puluhan lainnya "
        "luka-luka akibat serangan tersebut. Militer Israel mengatakan sasaran serangan adalah "
        "fasilitas milik kelompok Hamas.")


def version_2_signature(text: str) -> bytes | None:
    """A signature as warta computed it up to schema version 2 (datasketch, SHA-1 per shingle)."""
    if not shingles(text):
        return None
    m = MinHash(num_perm=128, seed=1, scheme=SCHEME)
    m.update_batch(sorted(shingles(text)))
    return m.hashvalues.astype("<u8").tobytes()


def version_2_store(url: str, articles: dict[str, str]) -> None:
    """A store as warta wrote it at schema version 2: datasketch signatures, LSH buckets as hex
    text in minhash_bands."""
    db = connect(url)
    for version, steps in pending(0)[:2]:
        for step in steps:
            db.execute(render(step, db.dialect))
        db.execute("INSERT INTO schema_migrations (version, applied) VALUES (?, ?)", (version, "v2"))
    for aid, text in articles.items():
        sig = version_2_signature(text)
        db.execute("INSERT INTO articles (id, published, text, removed, content_hash, n_events, "
                   "minhash, added) VALUES (?, ?, ?, '[]', ?, 0, ?, 'v2')",
                   (aid, "2025-06-01", text, f"h-{aid}", sig))
        db.executemany("INSERT INTO minhash_bands (band, bucket, article_id) VALUES (?, ?, ?)",
                       [(band, bucket, aid) for band, bucket in band_keys(sig)] if sig else [])
    db.close()


@pytest.mark.parametrize("text,copy", [
    (COPY + " (ant)", True),                       # a copy of the stored article
    (COPY.upper(), True),
    ("Presiden menerima kunjungan perdana menteri di istana pada Selasa pagi. " * 3, False),
])
def test_store_migrates_signatures(store_url, text, copy):
    """Version 3 computes the stored signatures again and keys them in minhash_keys."""
    stored = {"old": COPY, "other": "Harga cabai dan bawang naik menjelang hari raya di pasar. " * 3,
              "empty": "..."}
    version_2_store(store_url, stored)
    s = open_store(store_url)
    assert s.schema_version == SCHEMA_VERSION and not s.db.table_exists("minhash_bands")
    for aid, body in stored.items():
        sig = s.db.one("SELECT minhash FROM articles WHERE id = ?", (aid,))[0]
        assert (bytes(sig) if sig is not None else None) == signature(body)
        rows = s.db.all("SELECT band, bucket FROM minhash_keys WHERE article_id = ? ORDER BY band", (aid,))
        assert [tuple(r) for r in rows] == (band_buckets(signature(body)) if signature(body) else [])
    s.add([coded("new", text=text, published="2025-06-02")])
    assert s.article("new")["duplicate_of"] == ("old" if copy else None)
    assert s.article("other")["duplicate_of"] is None
    s.close()


@pytest.mark.parametrize("first,second,kept", [
    (COPY, COPY + " Editor: X", True),                  # same text: the stored bands stay
    (COPY, "Harga cabai naik menjelang hari raya di pasar-pasar tradisional. " * 3, False),
])
def test_store_recoding_moves_bands(store, first, second, kept):
    """A re-coded article whose text changed has the bands of its new text only."""
    store.add([coded("a", text=first)], coder_version="v1")
    store.add([coded("a", text=second if not kept else first)], coder_version="v2")
    rows = store.db.all("SELECT band, bucket FROM minhash_keys WHERE article_id = ? ORDER BY band", ("a",))
    assert [tuple(r) for r in rows] == band_buckets(signature(second if not kept else first))
    store.add([coded("b", text=first + " (ant)", published="2025-06-02")])
    assert store.article("b")["duplicate_of"] == ("a" if kept else None)
