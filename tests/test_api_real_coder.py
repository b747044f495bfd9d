"""The API over a store of the sample articles coded by the real pipeline (not exact JSON: the
coder changes; these are the invariants every coded store must keep through the API)."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warta.api import create_app
from warta.pipeline import code_article
from warta.read import iter_articles
from warta.store import open_store

SAMPLES = Path(__file__).resolve().parent.parent / "warta" / "samples"


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    path = str(tmp_path_factory.mktemp("coded") / "events.db")
    store = open_store(path)
    try:
        store.add(code_article(a) for a in iter_articles([str(SAMPLES)])
                  if not isinstance(a, Exception))
    finally:
        store.close()
    return TestClient(create_app(path))


def every_event(client) -> list[dict]:
    items, cursor = [], None
    while True:
        page = client.get("/events", params={"limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def test_api_real_coder_evidence_cuts_article_text(client):
    events = every_event(client)
    assert len(events) == client.get("/events").json()["total"]
    for event in events:
        text = client.get(f"/articles/{event['article_id']}").json()["text"]
        ev = event["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        for more in ev.get("more", []):
            assert text[more["start"]:more["end"]] == more["text"]
        for span in ev.get("fields", {}).values():
            assert text[span["start"]:span["end"]] == span["text"]
        detail = client.get(f"/events/{event['id']}").json()
        assert event["article_id"] in [s["article_id"] for s in detail["sources"]]


def test_api_real_coder_views_agree(client):
    counts = client.get("/counts", params={"by": "type,month"}).json()
    timeline = client.get("/timeline").json()
    assert sum(p["cooperation"] + p["conflict"] for p in timeline["points"]) == \
        sum(c["events"] for c in counts if c["month"])
    assert sum(p["killed"] for p in timeline["points"]) == sum(c["killed"] for c in counts if c["month"])
    for country in client.get("/map").json()["countries"]:
        assert client.get("/events", params={"country": country["country"]}).json()["total"] >= \
            country["events"]
