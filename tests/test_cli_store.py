"""The store commands end to end: ingest, recode, events, clusters, stats, export."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from test_store_support import coded, event, store_url  # noqa: F401
from warta.cli import app
from warta.model import Figure, Place
from warta.store import open_store

GAZA = Place("Gaza", "Gaza", "PSE", 31.5, 34.46)
ARTICLES = [
    {"id": "cli-1", "title": "Serangan di Gaza", "published": "2025-06-01", "source": "kompas.com",
     "text": "Pasukan Israel menyerang kamp pengungsi di Gaza pada Senin, menewaskan 20 orang. "
             "Serangan itu dikecam oleh Pemerintah Indonesia."},
    {"id": "cli-2", "title": "Menlu bertemu", "published": "2025-06-02", "source": "detik.com",
     "text": "Menteri Luar Negeri Indonesia Sugiono bertemu Menteri Luar Negeri Malaysia di "
             "Jakarta pada Selasa untuk membahas perbatasan."},
]


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    return result


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                    encoding="utf-8")
    return path


def test_cli_store_ingest_twice(jsonl, tmp_path, store_url):
    bad = tmp_path / "missing.txt"
    first = run("ingest", str(jsonl), str(bad), "--db", store_url, "--batch-size", "1")
    assert first.exit_code == 0, first.output
    assert "missing.txt" in first.output and "warta ingest: read 2" in first.output
    second = run("ingest", str(jsonl), "--db", store_url)
    assert second.exit_code == 0 and "skipped 2," in second.output and "added 0," in second.output
    s = open_store(store_url)
    assert sorted(s.article_ids()) == ["cli-1", "cli-2"] and s.check() == []
    s.close()


def test_cli_store_ingest_nothing_readable(tmp_path):
    result = run("ingest", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "w.db"))
    assert result.exit_code == 1


def test_cli_store_recode(jsonl, tmp_path):
    db = str(tmp_path / "w.db")
    assert run("ingest", str(jsonl), "--db", db).exit_code == 0
    result = run("recode", "--db", db, "--all")
    assert result.exit_code == 0 and "warta recode: read 2" in result.output
    assert "read 0" in run("recode", "--db", db).output      # nothing stale


@pytest.fixture
def db(store_url):
    s = open_store(store_url)
    s.add([coded("a1", (event("e1", day="2025-06-01", place=GAZA,
                              figures=(Figure("killed", 20),)),
                        event("e2", "CONSULT", "IDN", "USA", day="2025-07-03")), source="kompas.com"),
           coded("a2", (event("e3", "SANCTION", "USA", "RUS", day="2025-07-05"),),
                 text="Sanksi baru diumumkan Washington terhadap Moskwa. " * 3, source="detik.com")])
    s.close()
    return store_url


@pytest.mark.parametrize("args,expected", [
    ([], ["e1", "e2", "e3"]),
    (["--dyad", "RUS,USA"], ["e3"]),
    (["--country", "IDN"], ["e2"]),
    (["--type", "ASSAULT"], ["e1"]),
    (["--from", "2025-07"], ["e2", "e3"]),
    (["--to", "2025-06-30"], ["e1"]),
    (["--place", "Gaza"], ["e1"]),
    (["--text", "sanksi baru"], ["e3"]),            # in the article text
    (["--limit", "1"], ["e1"]),
    (["--country", "CHN"], []),
])
def test_cli_store_events(db, args, expected):
    result = run("events", "--db", db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_cli_store_events_formats(db, fmt):
    result = run("events", "--db", db, "--format", fmt)
    assert result.exit_code == 0
    if fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 3
    elif fmt == "json":
        assert len(json.loads(result.stdout)) == 3
    elif fmt == "table":
        assert "ASSAULT" in result.stdout and "3 of 3 events" in result.output


@pytest.mark.parametrize("args,problem", [
    (["--dyad", "USA"], "--dyad"),
    (["--format", "xml"], "--format"),
    (["--sort", "size"], "sort"),
])
def test_cli_store_events_bad_options(db, args, problem):
    result = run("events", "--db", db, *args)
    assert result.exit_code == 2 and problem in result.output


def test_cli_store_stats(db):
    result = run("stats", "--db", db, "--by", "dyad,month", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {(r["source"], r["target"], r["month"], r["events"]) for r in rows} == {
        ("ISR", "PSE", "2025-06", 1), ("IDN", "USA", "2025-07", 1), ("USA", "RUS", "2025-07", 1)}
    assert run("stats", "--db", db, "--by", "planet").exit_code == 2
    table = run("stats", "--db", db, "--by", "year")
    assert "2025" in table.stdout and "articles 2" in table.output


def test_cli_store_clusters(db):
    result = run("clusters", "--db", db, "--format", "jsonl", "--country", "USA")
    assert result.exit_code == 0
    assert sorted(json.loads(line)["event_type"] for line in result.stdout.splitlines()) == [
        "CONSULT", "SANCTION"]
    assert "of 3 clusters" in run("clusters", "--db", db).output


@pytest.mark.parametrize("fmt,per", [("csv", "event"), ("jsonl", "cluster"), ("parquet", "event"),
                                     ("plover", "event"), ("parquet", "cluster")])
def test_cli_store_export(db, tmp_path, fmt, per):
    out = tmp_path / f"out.{fmt}"
    result = run("export", "--db", db, "--format", fmt, "-o", str(out), "--per", per)
    assert result.exit_code == 0, result.output
    n = 3
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == n
    elif fmt == "plover":
        assert len(json.loads(out.read_text(encoding="utf-8"))) == n
    elif fmt == "csv":
        assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == n
    else:
        assert len(out.read_text(encoding="utf-8").splitlines()) == n


def test_cli_store_export_bad_format(db, tmp_path):
    result = run("export", "--db", db, "--format", "xml", "-o", str(tmp_path / "x"))
    assert result.exit_code == 2 and "xml" in result.output


def test_cli_store_bad_db(tmp_path):
    result = run("events", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert result.exit_code == 2 and "cannot connect" in result.output
