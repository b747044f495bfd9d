"""warta.scale: Dask workers code what one process codes; partitions load into the store once."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import shared_path
import typer

from warta.cli import app
from warta.cli.scale import check_ingest_options, run_ingest
from warta.errors import FormatError, InputError
from warta.model import CodedArticle
from warta.parallel import code_many
from warta.read import iter_articles
from warta.scale import (code_partition, iter_partitions, load_partitions, partition_inputs,
                         run_dask, write_partition)
from warta.store import open_store

SAMPLES = Path(__file__).resolve().parent.parent / "warta" / "samples"


def _sorted_json(coded) -> list[str]:
    return sorted(json.dumps(c.to_dict(), ensure_ascii=False, sort_keys=True) for c in coded)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """~20 articles as JSONL (two files), text files and a WARC archive, plus one bad file."""
    root = tmp_path_factory.mktemp("in")
    for name, n in (("kompas-2025.jsonl", 8), ("detik-2026.jsonl", 6)):
        lines = shared_path("corpus", name).read_text(encoding="utf-8").splitlines()[:n]
        (root / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for txt in sorted(SAMPLES.glob("*.txt"))[:3]:
        shutil.copy(txt, root / txt.name)
    (root / "pages.warc").write_bytes(_warc([
        ("http://contoh.id/a", "Pasukan Israel menyerang kamp pengungsi di Rafah pada Senin, menewaskan "
         "sedikitnya 12 orang, kata pejabat kesehatan Gaza kepada wartawan di Kairo. Serangan tersebut "
         "terjadi ketika perundingan gencatan senjata yang dimediasi Mesir dan Qatar belum juga "
         "membuahkan hasil, menurut keterangan yang diterima wartawan."),
        ("http://contoh.id/b", "Menteri Luar Negeri Indonesia Sugiono bertemu Menteri Luar Negeri "
         "China Wang Yi di Beijing, Selasa. Keduanya mengatakan bahwa kerja sama tersebut tidak hanya "
         "akan memperkuat perdagangan, tetapi juga keamanan di kawasan, menurut keterangan tertulis "
         "Kementerian Luar Negeri yang diterima wartawan."),
    ]))
    (root / "broken.jsonl").write_text('{"id": "x"\n', encoding="utf-8")
    return root


def _warc(pages: list[tuple[str, str]]) -> bytes:
    out = b""
    for url, text in pages:
        html = (f"<html><head><title>Berita</title></head><body><article><h1>Berita</h1>"
                + f"<p>{text}</p>" * 3 + "</article></body></html>").encode("utf-8")
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
                f"WARC-Date: 2025-03-03T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
                f"Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n").encode("ascii")
        out += head + http + b"\r\n\r\n"
    return out


@pytest.fixture(scope="module")
def single(inputs) -> list[CodedArticle]:
    return [c for c in code_many(iter_articles([str(inputs)]), workers=1) if isinstance(c, CodedArticle)]


def test_scale_dask_matches_single_process(inputs, single, tmp_path, capsys):
    """`warta ingest --dask local --out DIR`: a two-worker LocalCluster writes the partitions,
    which hold what one process codes, and they are loaded into the store."""
    out, db = tmp_path / "out", tmp_path / "w.db"
    status = run_ingest([str(inputs)], str(db), dask="local", out=str(out), workers=2,
                        partition_format="jsonl")
    err = capsys.readouterr().err
    assert status == 0, err
    assert len(single) >= 18
    coded = [c for c in iter_partitions(str(out)) if isinstance(c, CodedArticle)]
    assert _sorted_json(coded) == _sorted_json(single)
    bad = [ln for ln in err.splitlines() if ln.startswith("warta: ")]
    assert len(bad) == 1 and bad[0].startswith(f"warta: {inputs / 'broken.jsonl'}: line 1: not JSON")
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["format"] == "jsonl" and manifest["coder_version"]
    assert sum(p["articles"] for p in manifest["partitions"]) == len(single)
    assert f"warta load: partitions {len(manifest['partitions'])}, articles {len(single)}," in err
    store = open_store(str(db))
    try:
        assert store.stats()["articles"] == len(single)
        assert store.check() == []
    finally:
        store.close()


@pytest.mark.parametrize("workers, dask, out, fmt, problem", [
    (1, None, None, "jsonl", None),
    (None, None, None, "jsonl", None),
    (4, "local", "parts", "parquet", None),
    (2, "tcp://10.0.0.1:8786", None, "jsonl", None),
    (1, None, None, "csv", "use one of jsonl, parquet"),
    (1, None, "parts", "jsonl", "--out needs --dask"),
    (0, None, None, "jsonl", "at least 1"),
])
def test_scale_ingest_options(workers, dask, out, fmt, problem):
    if problem is None:
        check_ingest_options(workers, dask, out, fmt)
    else:
        with pytest.raises(typer.BadParameter, match=problem):
            check_ingest_options(workers, dask, out, fmt)


def test_scale_run_dask_rejects_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="unknown partition format 'csv'"):
        run_dask([str(tmp_path)], str(tmp_path / "out"), fmt="csv")


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_scale_partition_round_trip(single, tmp_path, fmt):
    path = tmp_path / f"part-00000.{fmt}"
    write_partition(iter(single), str(path), fmt)
    back = list(iter_partitions(str(tmp_path)))
    assert _sorted_json(back) == _sorted_json(single)
    assert not list(tmp_path.glob("*.tmp"))


def test_scale_code_partition_in_process(inputs, single, tmp_path):
    files = sorted(str(p) for p in inputs.iterdir())
    result = code_partition(files, str(tmp_path / "part-00000.parquet"), "parquet")
    assert result.articles == len(single) and len(result.errors) == 1
    assert _sorted_json(iter_partitions(str(tmp_path))) == _sorted_json(single)


def test_scale_load_is_idempotent(single, tmp_path):
    out = tmp_path / "parts"
    out.mkdir()
    write_partition(iter(single[:10]), str(out / "part-00000.jsonl"), "jsonl")
    write_partition(iter(single[10:]), str(out / "part-00001.parquet"), "parquet")
    store = open_store(str(tmp_path / "w.db"))
    try:
        first = load_partitions([str(out)], store, batch_size=4)
        again = load_partitions([str(out)], store, batch_size=7)
        assert (first.partitions, first.articles, first.added, first.errors) == (2, len(single), len(single), 0)
        assert (again.added, again.replaced, again.unchanged, again.events) == (0, 0, len(single), 0)
        assert store.stats()["articles"] == len(single)
        assert store.check() == []
        assert store.coded_article(single[0].article.id).to_dict() == single[0].to_dict()
    finally:
        store.close()


def test_scale_load_goes_past_bad_lines(single, tmp_path):
    good = [json.dumps(c.to_dict(), ensure_ascii=False) for c in single[:3]]
    (tmp_path / "part-00000.jsonl").write_text(
        "\n".join([good[0], "{not json", good[1], '{"article": 5}', good[2]]) + "\n", encoding="utf-8")
    items = list(iter_partitions(str(tmp_path)))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["CodedArticle", "FormatError", "CodedArticle", "FormatError", "CodedArticle"]
    assert str(items[1]).startswith(f"{tmp_path / 'part-00000.jsonl'}:2: not a coded article")
    store = open_store(str(tmp_path / "w.db"))
    try:
        seen = []
        summary = load_partitions([str(tmp_path)], store, on_error=seen.append)
        assert (summary.articles, summary.errors, len(seen)) == (3, 2, 2)
    finally:
        store.close()


@pytest.mark.parametrize("path, error", [
    ("missing-folder", InputError),
    ("bad.parquet", FormatError),
])
def test_scale_unreadable_partitions(tmp_path, path, error):
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 not really")
    if path == "missing-folder":
        with pytest.raises(error):
            list(iter_partitions(str(tmp_path / path)))
    else:
        items = list(iter_partitions(str(tmp_path / path)))
        assert len(items) == 1 and isinstance(items[0], error)


@pytest.mark.parametrize("sizes, n, expected", [
    ((100, 90, 10, 5), 2, [["a", "d"], ["b", "c"]]),
    ((100, 90, 10, 5), 4, [["a"], ["b"], ["c"], ["d"]]),
    ((100, 90, 10, 5), 10, [["a"], ["b"], ["c"], ["d"]]),
    ((100, 90, 10, 5), 1, [["a", "b", "c", "d"]]),
    ((10, 10, 10, 10), 2, [["a", "c"], ["b", "d"]]),
    ((0, 0, 0), 2, [["a", "c"], ["b"]]),
    ((), 3, None),                  # nothing to read: the folder itself, so reading it says why
])
def test_scale_partition_inputs(tmp_path, sizes, n, expected):
    for name, size in zip("abcd", sizes):
        (tmp_path / f"{name}.txt").write_bytes(b"x" * size)
    parts = partition_inputs([str(tmp_path)], n)
    if expected is None:
        assert parts == [[str(tmp_path)]]
    else:
        assert [[Path(f).stem for f in p] for p in parts] == expected


def test_scale_partition_inputs_names_a_file_once(tmp_path):
    (tmp_path / "a.txt").write_text("teks")
    assert partition_inputs([str(tmp_path), str(tmp_path / "a.txt")], 3) == [[str(tmp_path / "a.txt")]]


def test_scale_cli_load(single, tmp_path):
    write_partition(iter(single), str(tmp_path / "part-00000.jsonl"), "jsonl")
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    first = runner.invoke(app, ["load", str(tmp_path), "--db", db])
    again = runner.invoke(app, ["load", str(tmp_path / "part-00000.jsonl"), "--db", db])
    assert first.exit_code == 0 and again.exit_code == 0
    assert f"added {len(single)}," in first.output and "added 0," in again.output
    missing = runner.invoke(app, ["load", str(tmp_path / "nope"), "--db", db])
    assert missing.exit_code == 1 and "no such partition file or folder" in missing.output


def _plan_folder(tmp_path, single, fmt="jsonl"):
    from warta.limits import DEFAULT_LIMITS
    from warta.read import DEFAULT_SETTINGS
    from warta.scale import PartitionResult, _plan, _write_manifest
    out = tmp_path / "parts"
    out.mkdir()
    parts = [["a.jsonl"], ["b.jsonl"], ["c.jsonl"]]
    plan = _plan(parts, fmt, "v1", DEFAULT_SETTINGS, DEFAULT_LIMITS)
    write_partition(iter(single[:2]), str(out / f"part-00000.{fmt}"), fmt)
    done = {0: PartitionResult(str(out / f"part-00000.{fmt}"), 2, 1, ("warta: a.jsonl: line 3: not JSON",))}
    _write_manifest(out, plan, done)
    return out, plan


@pytest.mark.parametrize("change, reused", [
    (None, [0]),
    ("coder_version", []),
    ("format", []),
    ("plan", []),
    ("settings", []),
    ("file-gone", []),
])
def test_scale_a_rerun_keeps_the_partitions_of_the_same_plan(single, tmp_path, change, reused):
    from warta.scale import _reusable
    out, plan = _plan_folder(tmp_path, single)
    if change == "coder_version":
        plan = {**plan, "coder_version": "v2"}
    elif change == "format":
        plan = {**plan, "format": "parquet"}
    elif change == "plan":
        plan = {**plan, "plan": [["a.jsonl", "d.jsonl"], ["b.jsonl"], ["c.jsonl"]]}
    elif change == "settings":
        plan = {**plan, "settings": {**plan["settings"], "max_lines": 7}}
    elif change == "file-gone":
        (out / "part-00000.jsonl").unlink()
    done = _reusable(out, plan)
    assert sorted(done) == reused
    for result in done.values():
        assert result.reused and result.articles == 2 and result.errors == ("warta: a.jsonl: line 3: not JSON",)


def test_scale_load_notes_a_stopped_run(single, tmp_path):
    out, _ = _plan_folder(tmp_path, single)
    result = CliRunner().invoke(app, ["load", str(out), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 0, result.output
    assert f"warta load: {out}: the run that wrote it was stopped: 1 of 3 partitions are complete" in result.output
    assert "added 2," in result.output


def test_scale_failed_partition_is_one_line():
    from warta.scale import _failed_partition

    class Future:
        def exception(self):
            return RuntimeError("worker\nlost")
    result = _failed_partition(Future(), ["a.jsonl", "b.warc"], "/out/part-00003.jsonl")
    assert result.articles == 0 and not result.reused
    assert result.errors == ("warta: a.jsonl, b.warc: partition part-00003.jsonl failed "
                             "(RuntimeError: worker lost); run again to retry it",)


@pytest.mark.parametrize("manifest", [
    "{not json",
    json.dumps({"format": "jsonl"}),
    json.dumps([1, 2]),
])
def test_scale_a_broken_manifest_means_code_everything(single, tmp_path, manifest):
    from warta.scale import _reusable
    out, plan = _plan_folder(tmp_path, single)
    (out / "_manifest.json").write_text(manifest, encoding="utf-8")
    assert _reusable(out, plan) == {}


def test_scale_a_manifest_with_bad_entries_means_code_everything(single, tmp_path):
    from warta.scale import _reusable
    out, plan = _plan_folder(tmp_path, single)
    data = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    data["partitions"] = [{"index": 0, "path": "part-00000.jsonl"}]          # counts missing
    (out / "_manifest.json").write_text(json.dumps(data), encoding="utf-8")
    assert _reusable(out, plan) == {}


def test_scale_load_goes_past_a_broken_manifest(single, tmp_path):
    write_partition(iter(single[:3]), str(tmp_path / "part-00000.jsonl"), "jsonl")
    (tmp_path / "_manifest.json").write_text("{cut", encoding="utf-8")
    store = open_store(str(tmp_path / "w.db"))
    try:
        seen = []
        summary = load_partitions([str(tmp_path)], store, on_error=seen.append)
        assert (summary.articles, summary.errors) == (3, 1)
        assert str(seen[0]).startswith(f"{tmp_path / '_manifest.json'}: unreadable manifest")
    finally:
        store.close()
