"""End-to-end: ``warta code`` and ``warta clean`` on a batch with good and bad inputs."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "warta" / "samples"
FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def run(*args: str, **kw):
    return runner.invoke(app, list(args), catch_exceptions=False, **kw)


@pytest.fixture()
def batch(tmp_path: Path) -> list[str]:
    bad_jsonl = tmp_path / "campur.jsonl"
    bad_jsonl.write_text(json.dumps({"id": "ok1", "text": (SAMPLES / "003_aee293dbcb363524.txt")
                                     .read_text(encoding="utf-8")}) + "\n[1, 2]\n", encoding="utf-8")
    binary = tmp_path / "rusak.txt"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    english = tmp_path / "english.txt"
    english.write_text("The United Nations said on Tuesday that thousands of people had fled the "
                       "fighting in the north of the country.", encoding="utf-8")
    return [str(SAMPLES / "004_1ed279cb64cb3699.txt"), str(bad_jsonl), str(binary), str(english),
            str(tmp_path / "tidak-ada.txt")]


def test_cli_code_jsonl_batch_with_bad_inputs(batch, tmp_path):
    out = tmp_path / "coded.jsonl"
    result = run("code", *batch, "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 0
    coded = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [c["article"]["id"] for c in coded] == ["004_1ed279cb64cb3699", "ok1"]
    for c in coded:
        text = c["article"]["text"]
        assert "Terkini Lainnya" not in text and c["article"]["removed"]
        for e in c["events"]:
            ev = e["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["text"]
    err = result.stderr.splitlines()
    assert any(line.startswith("warta: ") and "campur.jsonl" in line and "line 2" in line for line in err)
    assert any("rusak.txt" in line and "binary" in line for line in err)
    assert any("english.txt" in line and "'en'" in line for line in err)
    assert any("tidak-ada.txt" in line and "no such file" in line for line in err)
    assert err[-1].startswith("coded 2 articles,") and err[-1].endswith("; 4 inputs skipped")


def test_cli_code_json_array_and_published(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text((SAMPLES / "000_bdfb43dcf2185d87.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("code", str(f), "--format", "json", "--published", "2025-12-26")
    assert result.exit_code == 0
    [coded] = json.loads(result.stdout)
    assert coded["article"]["published"] == "2025-12-26"
    assert coded["article"]["id"] == "a"


def test_cli_code_table_on_samples():
    result = run("code", str(SAMPLES), "--format", "table")
    assert result.exit_code == 0
    assert "004_1ed279cb64cb3699" in result.stdout and "source → target" in result.stdout
    assert result.stderr.strip().splitlines()[-1].startswith("coded 5 articles")


@pytest.mark.parametrize("args, message", [
    (["--format", "xml"], "xml"),
    (["--published", "24-10-2020"], "YYYY-MM-DD"),
])
def test_cli_code_bad_options(args, message):
    result = run("code", str(SAMPLES / "001_57d7fd22d24cc541.txt"), *args)
    assert result.exit_code != 0 and message in result.output


def test_cli_code_nothing_readable_exits_nonzero(tmp_path):
    result = run("code", str(tmp_path / "tidak-ada.txt"))
    assert result.exit_code == 1
    assert "no such file" in result.stderr and "coded 0 articles" in result.stderr


def test_cli_code_stdin():
    text = (SAMPLES / "001_57d7fd22d24cc541.txt").read_text(encoding="utf-8")
    result = run("code", "-", input=text)
    assert result.exit_code == 0
    coded = json.loads(result.stdout)
    assert coded["article"]["id"] == "stdin" and coded["article"]["published"] == "2022-04-22"


def test_cli_clean_marks_removed_lines(batch):
    result = run("clean", *batch)
    assert result.exit_code == 0
    out = result.stdout
    assert "- Terkini Lainnya" in out and "- Close Ads X" in out
    assert "  Di Washington, Menteri Luar Negeri AS Mike Pompeo bertemu" in out
    assert "| dateline: WASHINGTON" in out
    assert "warta: " in result.stderr and "cleaned 2 articles; 4 inputs skipped" in result.stderr


def test_cli_clean_removed_only():
    result = run("clean", str(SAMPLES / "002_37d51e5e3f58c127.txt"), "--removed")
    assert result.exit_code == 0
    lines = [ln for ln in result.stdout.splitlines()[1:] if ln.strip()]
    assert lines and all(ln.startswith("-") for ln in lines)
    assert "-~ Daftar Mustang303 mudah" in result.stdout


@pytest.mark.parametrize("command", [[], ["code"], ["clean"]])
def test_cli_help_has_examples(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    if command:
        assert "Examples" in result.stdout


def test_cli_code_subprocess_entry_point(tmp_path):
    """The installed console script works and writes the summary to stderr."""
    out = tmp_path / "o.jsonl"
    proc = subprocess.run([sys.executable, "-m", "warta", "code", str(SAMPLES / "003_aee293dbcb363524.txt"),
                           "-o", str(out)], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["article"]["published"] == "2022-09-20"
    assert "coded 1 article," in proc.stderr
