"""Exports: CSV, JSONL, Parquet (read back with pyarrow) and PLOVER-style JSON, per event and cluster."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from test_store_support import coded, event, store, store_url  # noqa: F401
from warta.errors import StoreError
from warta.export import (CLUSTER_FIELDS, EVENT_FIELDS, GOLDSTEIN, TYPE_ROOT, export, flat_event,
                          intensity, plover_record, table_text)
from warta.model import PLOVER_TYPES, Figure, Place
from warta.store import EventQuery

GAZA = Place("Gaza", "Gaza", "PSE", 31.5, 34.46)


@pytest.fixture
def filled(store):
    store.add([
        coded("a1", (event("e1", day="2025-06-01", place=GAZA,
                           figures=(Figure("killed", 20, group="civilians"),
                                    Figure("displaced", best=300))),
                     event("e2", "CONSULT", "IDN", "USA", day="2025-06-03", confidence=0.9)),
              source="kompas.com"),
        coded("a2", (event("e3", day="2025-06-02", place=GAZA,
                           figures=(Figure("killed", 25, group="civilians"),)),),
              text="Versi lain tentang serangan di Gaza oleh media lain. " * 3, source="detik.com"),
    ])
    return store


def test_export_csv_per_event(filled, tmp_path):
    out = tmp_path / "e.csv"
    assert export(filled, out, fmt="csv") == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == EVENT_FIELDS
    by_id = {r["event_id"]: r for r in rows}
    assert by_id["e1"]["killed"] == "20" and by_id["e1"]["displaced"] == "300"
    assert by_id["e1"]["lat"] == "31.5" and by_id["e1"]["quad"] == "material_conflict"
    assert by_id["e2"]["source_country"] == "IDN" and by_id["e2"]["place_name"] == ""
    assert by_id["e1"]["cluster_id"] == by_id["e3"]["cluster_id"] != ""


def test_export_csv_per_cluster(filled, tmp_path):
    out = tmp_path / "c.csv"
    assert export(filled, out, fmt="csv", per="cluster") == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == CLUSTER_FIELDS
    gaza = next(r for r in rows if r["event_type"] == "ASSAULT")
    assert (gaza["killed_low"], gaza["killed_high"], gaza["n_sources"]) == ("20", "25", "2")
    assert gaza["sources"] == "detik.com;kompas.com"


def test_export_jsonl(filled):
    buf = io.StringIO()
    assert export(filled, buf, fmt="jsonl") == 3
    items = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert items[0]["id"] == "e1" and items[0]["evidence"]["text"] == "Israel menyerang Gaza."
    assert {"article_id", "cluster_id", "article_title", "published", "outlet"} <= set(items[0])


@pytest.mark.parametrize("per,n,fields", [("event", 3, EVENT_FIELDS), ("cluster", 2, CLUSTER_FIELDS)])
def test_export_parquet(filled, tmp_path, per, n, fields):
    out = tmp_path / f"{per}.parquet"
    assert export(filled, out, fmt="parquet", per=per) == n
    table = pq.read_table(out)
    assert table.num_rows == n and tuple(table.column_names) == fields
    rows = table.to_pylist()
    if per == "event":
        e1 = next(r for r in rows if r["event_id"] == "e1")
        assert e1["killed"] == 20 and e1["lat"] == 31.5 and e1["confidence"] == 0.5
    else:
        assert sorted(r["n_articles"] for r in rows) == [1, 2]


def test_export_parquet_empty(store, tmp_path):
    out = tmp_path / "empty.parquet"
    assert export(store, out, fmt="parquet") == 0
    assert pq.read_table(out).num_rows == 0


def test_export_plover(filled, tmp_path):
    out = tmp_path / "p.json"
    assert export(filled, out, fmt="plover") == 3
    records = json.loads(out.read_text(encoding="utf-8"))
    e1 = next(r for r in records if r["event_id"] == "e1")
    assert e1["event_type"] == "ASSAULT" and e1["event_date"] == "2025-06-01"
    assert e1["actor_country"] == "ISR" and e1["recipient_country"] == "PSE"
    assert e1["placename"] == "Gaza" and (e1["lat"], e1["lon"]) == (31.5, 34.46)
    assert e1["event_text"] == "Israel menyerang Gaza." and e1["story_ids"] == ["a1"]
    assert e1["event_intensity"] == GOLDSTEIN["19"] and e1["fatalities"] == 20


def test_export_plover_per_cluster(filled, tmp_path):
    out = tmp_path / "pc.json"
    assert export(filled, out, fmt="plover", per="cluster") == 2
    records = json.loads(out.read_text(encoding="utf-8"))
    gaza = next(r for r in records if r["event_type"] == "ASSAULT")
    assert sorted(gaza["story_ids"]) == ["a1", "a2"]
    assert gaza["cluster_figures"]["killed"] == {"low": 20, "high": 25, "reports": 2}


def test_export_filters(filled, tmp_path):
    out = tmp_path / "f.csv"
    assert export(filled, out, fmt="csv", q=EventQuery(dyad=("USA", "IDN"))) == 1


@pytest.mark.parametrize("fmt,per", [("xml", "event"), ("csv", "article")])
def test_export_rejects(filled, tmp_path, fmt, per):
    with pytest.raises(StoreError):
        export(filled, tmp_path / "x", fmt=fmt, per=per)


@pytest.mark.parametrize("event_type", PLOVER_TYPES)
def test_export_intensity_every_type(event_type):
    value = intensity({"event_type": event_type})
    assert -10 <= value <= 10
    assert TYPE_ROOT[event_type] in GOLDSTEIN


@pytest.mark.parametrize("event,expected", [
    ({"event_type": "ASSAULT", "cameo_root": "18"}, -9.0),
    ({"event_type": "AID"}, 7.0),
    ({"event_type": "UNKNOWN"}, None),
])
def test_export_intensity(event, expected):
    assert intensity(event) == expected


def test_export_flat_event_minimal():
    row = flat_event({"id": "x", "event_type": "AGREE", "evidence": {"text": "t"}})
    assert row["event_id"] == "x" and row["source_country"] is None and row["killed"] == 0
    rec = plover_record({"id": "x", "event_type": "AGREE", "published": "2025-01-02"})
    assert rec["event_date"] == "2025-01-02" and rec["event_date_precision"] == "published"


def test_export_table_text():
    text = table_text([{"a": "x" * 50, "b": None}], ("a", "b"), width=10)
    assert text.splitlines()[0].split() == ["a", "b"] and "xxxxxxxxx…" in text
