"""The JSON API over the hand-coded fixture store: exact JSON, filters, paging, errors."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_fixtures import build_store, event_id, sample_coded
from warta.api import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return build_store(tmp_path_factory.mktemp("api") / "events.db")


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


@pytest.fixture(scope="module")
def coding_client(db) -> TestClient:
    return TestClient(create_app(db, allow_code=True))


def all_events(client: TestClient, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        page = client.get("/events", params={**params, "limit": 500, "cursor": cursor}).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


ASSAULT_003 = event_id("003_aee293dbcb363524", "ASSAULT")


def test_api_event_exact_json(client):
    got = client.get(f"/events/{ASSAULT_003}")
    assert got.status_code == 200
    text = next(c for c in sample_coded() if c.article.id == "003_aee293dbcb363524").article.text
    body = got.json()
    sentence = body["evidence"]["text"]
    start = body["evidence"]["start"]
    assert text[start:start + len(sentence)] == sentence
    expected = {
        "id": ASSAULT_003, "event_type": "ASSAULT", "mode": "heavy-weapons",
        "context": ["military", "territory"], "cameo_root": "19",
        "source": {"text": "pasukan Azerbaijan", "name": "Azerbaijan", "country": "AZE",
                   "sector": "MIL", "org": None, "role": None},
        "target": {"text": "Armenia", "name": "Armenia", "country": "ARM", "sector": None,
                   "org": None, "role": None},
        "date": {"value": "2022-09-13", "precision": "day", "derived": "relative"},
        "place": {"name": "Vardenis", "admin1": "Gegharkunik", "country": "ARM", "lat": 40.18,
                  "lon": 45.73, "precision": "point"},
        "figures": [
            {"kind": "killed", "low": 49, "best": None, "high": None, "group": "soldiers",
             "country": "ARM", "claimed_by": "Laporan", "text": "setidaknya 49 tentara Armenia",
             "start": text.index("setidaknya 49"), "end": text.index("setidaknya 49") + 29,
             "sentence_index": 17},
            {"kind": "killed", "low": None, "best": 50, "high": None, "group": "soldiers",
             "country": "AZE", "claimed_by": "Laporan", "text": "50 tentara Azerbaijan",
             "start": text.index("50 tentara"), "end": text.index("50 tentara") + 21,
             "sentence_index": 17},
        ],
        "status": "asserted", "attribution": None,
        "evidence": {
            "sentence_index": 16, "start": start, "end": start + len(sentence), "text": sentence,
            "fields": {
                "trigger": {"start": start + 74, "end": start + 93, "text": "melepaskan serangan"},
                "source": {"start": start + 55, "end": start + 73, "text": "pasukan Azerbaijan"},
                "date": {"start": start + 24, "end": start + 47, "text": "Selasa dini hari (13/9)"},
            },
            "more": [{"sentence_index": 17, "start": text.index("Laporan menyebutkan"),
                      "end": text.index("Laporan menyebutkan") + 84,
                      "text": "Laporan menyebutkan, setidaknya 49 tentara Armenia\xa0 dan 50 tentara "
                              "Azerbaijan tewas."}],
        },
        "confidence": 0.82, "coder_version": "fixture-1",
        "quad": "conflict", "article_id": "003_aee293dbcb363524",
        "cluster_id": body["cluster_id"],
        "article_title": "Blinken kepada Menlu Armenia dan Azerbaijan: Sudah Waktunya Pasukan "
                         "Bubar dan Diplomat Kembali ke Meja Kerja",
        "published": "2022-09-20", "outlet": "Farah.ID",
        "sources": [
            {"article_id": "t01_armenia_tuding", "title": "Armenia Tuding Azerbaijan Serang Wilayahnya",
             "url": "https://contoh.test/armenia-tuding", "source": "contoh.test",
             "published": "2022-09-14"},
            {"article_id": "003_aee293dbcb363524",
             "title": "Blinken kepada Menlu Armenia dan Azerbaijan: Sudah Waktunya Pasukan Bubar "
                      "dan Diplomat Kembali ke Meja Kerja",
             "url": None, "source": "Farah.ID", "published": "2022-09-20"},
        ],
    }
    for key in expected["evidence"]:
        assert body["evidence"][key] == expected["evidence"][key], key
    assert body == expected
    assert body["cluster_id"]


def test_api_counts_exact_json(client):
    got = client.get("/counts", params={"by": "dyad,type", "country": "KHM"})
    assert got.status_code == 200
    assert got.json() == [
        {"source": "KHM", "target": "LAO", "event_type": "AID", "events": 1, "happenings": 1, "killed": 0,
         "injured": 0, "displaced": 0},
        {"source": "KHM", "target": "LAO", "event_type": "CONSULT", "events": 1, "happenings": 1, "killed": 0,
         "injured": 0, "displaced": 0},
        {"source": "KHM", "target": "LAO", "event_type": "COOPERATE", "events": 1, "happenings": 1, "killed": 0,
         "injured": 0, "displaced": 0},
        {"source": "LAO", "target": "KHM", "event_type": "AGREE", "events": 1, "happenings": 1, "killed": 0,
         "injured": 0, "displaced": 0},
        {"source": "LAO", "target": "KHM", "event_type": "CONSULT", "events": 1, "happenings": 1, "killed": 0,
         "injured": 0, "displaced": 0},
        {"source": "THA", "target": "KHM", "event_type": "ASSAULT", "events": 1, "happenings": 1, "killed": 96,
         "injured": 0, "displaced": 0},
        {"source": "THA", "target": "KHM", "event_type": "CONSULT", "events": 1, "happenings": 1, "killed": 0,
         "injured": 0, "displaced": 0},
        {"source": "USA", "target": "KHM", "event_type": "CONSULT", "events": 1, "happenings": 1, "killed": 0,
         "injured": 0, "displaced": 0},
    ]


def test_api_timeline_exact_json(client):
    got = client.get("/timeline", params={"country": "KHM", "dyads": 3})
    assert got.status_code == 200
    assert got.json() == {
        "interval": "month", "dyad": None,
        "points": [
            {"period": "2022-04", "cooperation": 3, "conflict": 0, "killed": 0, "displaced": 0},
            {"period": "2025-12", "cooperation": 2, "conflict": 1, "killed": 96, "displaced": 0},
            {"period": "2026-02", "cooperation": 2, "conflict": 0, "killed": 0, "displaced": 0},
        ],
        "dyads": [{"source": "KHM", "target": "LAO", "events": 5},
                  {"source": "KHM", "target": "THA", "events": 2},
                  {"source": "KHM", "target": "USA", "events": 1}],
    }


def test_api_map_exact_json(client):
    got = client.get("/map", params={"country": "THA"})
    assert got.status_code == 200
    assert got.json() == {
        "countries": [{"country": "KHM", "numeric": "116", "name": "Cambodia", "events": 2},
                      {"country": "THA", "numeric": "764", "name": "Thailand", "events": 2}],
        "points": [{"name": "Chanthaburi", "admin1": "Chanthaburi", "country": "THA", "lat": 12.61,
                    "lon": 102.1, "events": 1},
                   {"name": "Thailand", "admin1": None, "country": "THA", "lat": 14.35,
                    "lon": 102.87, "events": 1}],
    }


def test_api_article_offsets_cut_evidence(client):
    """Every listed event's evidence and field spans cut their text out of the stored article."""
    for event in all_events(client):
        article = client.get(f"/articles/{event['article_id']}").json()
        ev = event["evidence"]
        assert article["text"][ev["start"]:ev["end"]] == ev["text"]
        for span in ev.get("fields", {}).values():
            assert article["text"][span["start"]:span["end"]] == span["text"]


@pytest.mark.parametrize("params, expected", [
    ({}, 16),
    ({"type": "ASSAULT"}, 3),
    ({"type": "CONSULT"}, 6),
    ({"type": "SANCTION"}, 0),
    ({"country": "ARM"}, 5),
    ({"country": "arm"}, 5),
    ({"country": "IDN"}, 0),
    ({"source": "USA"}, 4),
    ({"target": "USA"}, 1),
    ({"dyad": "AZE-ARM"}, 4),
    ({"dyad": "ARM-AZE"}, 4),
    ({"dyad": "KHM-THA"}, 2),
    ({"dyad": "IDN-MYS"}, 0),
    ({"date_from": "2022-09-13", "date_to": "2022-09-13"}, 3),
    ({"date_from": "2025"}, 5),
    ({"date_to": "2020-12"}, 2),
    ({"date_from": "2030-01-01"}, 0),
    ({"place": "Phnom Penh"}, 3),
    ({"place": "phnom"}, 3),
    ({"place": "KHM"}, 4),
    ({"place": "Jakarta"}, 0),
    ({"text": "hotline militer"}, 2),
    ({"text": "HOTLINE"}, 2),
    ({"text": "tidak ada kata seperti ini"}, 0),
    ({"country": "ARM", "type": "ASSAULT"}, 2),
    ({"country": "ARM", "type": "ASSAULT", "date_from": "2023"}, 0),
])
def test_api_filters(client, params, expected):
    got = client.get("/events", params=params)
    assert got.status_code == 200, got.text
    body = got.json()
    assert body["total"] == expected
    assert len(all_events(client, **params)) == expected


@pytest.mark.parametrize("sort, key, reverse", [
    ("date", lambda e: e["date"]["value"], False),
    ("-date", lambda e: e["date"]["value"], True),
    ("confidence", lambda e: e["confidence"], False),
    ("-confidence", lambda e: e["confidence"], True),
])
def test_api_sort_and_paging(client, sort, key, reverse):
    seen, cursor, pages = [], None, 0
    while True:
        page = client.get("/events", params={"limit": 3, "sort": sort, "cursor": cursor}).json()
        assert len(page["items"]) <= 3
        seen += page["items"]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == 6
    assert len({e["id"] for e in seen}) == len(seen) == 16
    values = [key(e) for e in seen if e["date"]["precision"] == "day"]
    assert values == sorted(values, reverse=reverse)


@pytest.mark.parametrize("path, status, words", [
    ("/events?limit=501", 422, "limit"),
    ("/events?limit=0", 422, "limit"),
    ("/events?limit=ten", 422, "limit"),
    ("/events?type=BOMB", 422, "type"),
    ("/events?date_from=2022-13-01", 422, "date_from"),
    ("/events?date_from=22-01-01", 422, "date_from"),
    ("/events?date_from=2023&date_to=2022", 422, "after"),
    ("/events?country=Indonesia", 422, "country"),
    ("/events?dyad=USA", 422, "dyad"),
    ("/events?cursor=not-a-cursor", 422, "cursor"),
    ("/events?cursor=WzEsMiwzXQ", 422, "cursor"),
    ("/events?sort=random", 422, "sort"),
    ("/clusters?limit=1000", 422, "limit"),
    ("/counts?by=country", 422, "by"),
    ("/timeline?interval=day", 422, "interval"),
    ("/actors?limit=501", 422, "limit"),
    ("/events/no-such-event", 404, "no event"),
    ("/clusters/no-such-cluster", 404, "no cluster"),
    ("/articles/no-such-article", 404, "no article"),
    ("/no/such/path", 404, "no such path"),
])
def test_api_errors(client, path, status, words):
    got = client.get(path)
    assert got.status_code == status
    assert got.headers["content-type"].startswith("application/json")
    assert words in got.json()["message"]


@pytest.mark.parametrize("path", ["/events", "/clusters", "/counts", "/timeline", "/map", "/actors",
                                  "/places", "/meta", "/events?type=ASSAULT&limit=1"])
def test_api_lists_answer(client, path):
    got = client.get(path)
    assert got.status_code == 200
    assert got.headers["content-type"] == "application/json"


def test_api_clusters_list_sources(client):
    items = client.get("/clusters", params={"sort": "-confidence", "limit": 1}).json()["items"]
    top = items[0]
    assert (top["event_type"], top["n_articles"], top["quad"]) == ("ASSAULT", 2, "conflict")
    assert top["articles"] == ["t01_armenia_tuding", "003_aee293dbcb363524"]
    detail = client.get(f"/clusters/{top['id']}").json()
    assert sorted(e["article_id"] for e in detail["events"]) == sorted(top["articles"])


def test_api_actors_and_places(client):
    actors = client.get("/actors", params={"country": "THA"}).json()
    assert {(a["country"], a["sector"]) for a in actors} == {("THA", "MIL"), ("KHM", "MIL")}
    places = client.get("/places", params={"limit": 2}).json()
    assert places[0] == {"name": "Phnom Penh", "admin1": "Phnom Penh", "country": "KHM",
                         "lat": 11.56, "lon": 104.92, "events": 3}
    assert len(places) == 2


def test_api_coded_article_round_trips(client):
    coded = next(c for c in sample_coded() if c.article.id == "004_1ed279cb64cb3699")
    got = client.get("/articles/004_1ed279cb64cb3699/coded").json()
    assert got["events"] == [e.to_dict() for e in coded.events]
    assert got["figures"] == [f.to_dict() for f in coded.figures]


def test_api_code_is_forbidden_by_default(client):
    got = client.post("/code", json={"text": "Pasukan Azerbaijan menyerang Armenia."})
    assert got.status_code == 403
    assert "--allow-code" in got.json()["message"]


@pytest.mark.parametrize("body, status", [
    ({"text": "Menteri Luar Negeri AS bertemu Perdana Menteri Kamboja di Phnom Penh.",
      "title": "Contoh", "published": "2025-12-26"}, 200),
    ({"html": "<html><head><title>Contoh</title></head><body><article><p>Menteri Luar Negeri "
              "AS bertemu Perdana Menteri Kamboja di Phnom Penh pada Kamis. Keduanya membahas "
              "gencatan senjata di perbatasan Kamboja dan Thailand.</p></article></body></html>",
      "url": "https://contoh.test/a", "language": "id"}, 200),
    ({"title": "tanpa teks"}, 422),
    ({"text": "   "}, 422),
    ({"text": "x", "published": "kemarin"}, 422),
    ({"text": "x", "colour": "blue"}, 422),
])
def test_api_code(coding_client, body, status):
    got = coding_client.post("/code", json=body)
    assert got.status_code == status, got.text
    if status == 200:
        coded = got.json()
        assert set(coded) == {"article", "events", "figures"}
        assert "Phnom Penh" in coded["article"]["text"]
        for event in coded["events"]:
            ev = event["evidence"]
            assert coded["article"]["text"][ev["start"]:ev["end"]] == ev["text"]
    else:
        assert got.json()["message"]


def test_api_code_body_limit(coding_client):
    big = "a" * (2 * 1024 * 1024 + 10)
    got = coding_client.post("/code", content=f'{{"text": "{big}"}}',
                             headers={"content-type": "application/json"})
    assert got.status_code == 413
    assert "too large" in got.json()["message"]


def test_api_code_does_not_store(coding_client, client):
    before = client.get("/meta").json()["stats"]
    coding_client.post("/code", json={"text": "Thailand dan Kamboja menandatangani perjanjian damai."})
    assert client.get("/meta").json()["stats"] == before


def test_api_refuses_missing_store(tmp_path):
    from warta.errors import StoreError
    with pytest.raises(StoreError):
        create_app(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()
