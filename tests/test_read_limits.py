"""Input limits as settings: bounded line reading, at most N error lines per file, JSONL files that
are not JSONL at all, and ``--limit NAME=VALUE`` on the command line."""
from __future__ import annotations

import io
import json

import pytest
import typer
from typer.testing import CliRunner

from warta.cli import app
from warta.cli.options import LIMIT_NAMES, parse_limit, reading_settings
from warta.errors import InputError
from warta.model import Article
from warta.read import ReadSettings, bounded_lines, iter_articles
from warta.read import capped_errors

ARTICLE = ("Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Malaysia di Jakarta pada Senin "
           "untuk membahas perlindungan pekerja migran, menurut keterangan Kementerian Luar Negeri.")
GOOD = json.dumps({"id": "baik", "text": ARTICLE})


@pytest.mark.parametrize("data, limit, lines", [
    (b"a\nbb\nccc\n", 10, [b"a\n", b"bb\n", b"ccc\n"]),
    (b"a\nbb\nccc", 10, [b"a\n", b"bb\n", b"ccc"]),
    (b"", 10, []),
    (b"\n\n", 10, [b"\n", b"\n"]),
    (b"x" * 25 + b"\nok\n", 10, [b"x" * 11, b"ok\n"]),          # the long line: its first 11 bytes
    (b"x" * 25, 10, [b"x" * 11]),
    (b"x" * 10 + b"\nok\n", 10, [b"x" * 10 + b"\n", b"ok\n"]),  # 11 bytes with its newline: too long
    (b"x" * 9 + b"\nok\n", 10, [b"x" * 9 + b"\n", b"ok\n"]),
    (b"x" * 3_000_000 + b"\nok\n", 100, [b"x" * 101, b"ok\n"]),
])
def test_read_limits_bounded_lines(data, limit, lines):
    assert list(bounded_lines(io.BytesIO(data), limit)) == lines


def _err(i: int) -> InputError:
    return InputError("f", f"line {i}: bad")


A = Article(id="a", text="teks")


@pytest.mark.parametrize("items, limit, shown, last", [
    ([A, _err(1), _err(2), A], 2, 4, None),
    ([_err(1), _err(2), _err(3), A, _err(4)], 2, 3, "2 more errors in this input not shown"),
    ([_err(i) for i in range(1, 12)], 10, 10, "1 more error in this input not shown"),
    ([A, A], 1, 2, None),
    ([], 3, 0, None),
])
def test_read_limits_capped_errors(items, limit, shown, last):
    out = list(capped_errors("f", items, limit))
    assert sum(isinstance(i, Article) for i in out) == sum(isinstance(i, Article) for i in items)
    if last is None:
        assert len(out) == shown
    else:
        assert len(out) == shown + 1 and out[-1].reason.startswith(last) and out[-1].name == "f"


@pytest.mark.parametrize("lines, articles, reasons", [
    # Not JSON Lines at all: one line, reading stops.
    (["x"] * 50 + [GOOD], 0, ["not JSON Lines: its first 10 lines are all unreadable (line 1: not JSON"]),
    # Bad lines among good ones: one line each (at most 10, then one counting the rest).
    ([GOOD] + ["x"] * 3, 1, ["line 2: not JSON", "line 3: not JSON", "line 4: not JSON"]),
    ([GOOD] + ["x"] * 12, 1, [f"line {i}: not JSON" for i in range(2, 12)] + ["2 more errors"]),
    # Fewer than 10 bad lines and nothing good: each is reported.
    (["x"] * 9, 0, [f"line {i}: not JSON" for i in range(1, 10)]),
    # JSON records with missing fields are JSON Lines: never "not JSON Lines".
    ([json.dumps({"id": i}) for i in range(12)], 0,
     [f"line {i}: no 'text'" for i in range(1, 11)] + ["2 more errors"]),
    # Bad lines first, then good ones: all reported, the good ones read.
    (["x"] * 3 + [GOOD], 1, ["line 1: not JSON", "line 2: not JSON", "line 3: not JSON"]),
    (["[" * 200], 0, ["line 1: JSON nested deeper than the limit of 100 levels"]),
])
def test_read_limits_jsonl_error_lines(tmp_path, lines, articles, reasons):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([str(path)]))
    assert sum(isinstance(i, Article) for i in items) == articles
    errors = [i.reason for i in items if isinstance(i, InputError)]
    assert len(errors) == len(reasons), errors
    for got, want in zip(errors, reasons):
        assert got.startswith(want), (got, want)


@pytest.mark.parametrize("settings, reason", [
    (ReadSettings(max_record_bytes=50), "line 1: too large (over the limit of 50 bytes)"),
    (ReadSettings(max_nesting=2), "line 1: JSON nested deeper than the limit of 2 levels"),
    (ReadSettings(max_text_chars=20), "line 1: text too long"),
])
def test_read_limits_settings_reach_the_jsonl_reader(tmp_path, settings, reason):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": ARTICLE, "tags": [[["a"]]]}) + "\n", encoding="utf-8")
    [item] = list(iter_articles([str(path)], settings))
    assert isinstance(item, InputError) and item.reason.startswith(reason), str(item)


@pytest.mark.parametrize("text, pair", [
    ("max_lines=10000", ("max_lines", 10000)),
    ("max-lines=10_000", ("max_lines", 10000)),
    (" max_file_bytes = 5 ", ("max_file_bytes", 5)),
    ("max_errors_per_file=1", ("max_errors_per_file", 1)),
    ("max_lines", None), ("lines=5", None), ("max_lines=0", None), ("max_lines=-3", None),
    ("max_lines=lots", None), ("sniff_bytes=10", None), ("skip_other_languages=1", None),
])
def test_read_limits_parse_limit(text, pair):
    if pair is None:
        with pytest.raises(typer.BadParameter):
            parse_limit(text)
    else:
        assert parse_limit(text) == pair


def test_read_limits_reading_settings():
    settings, limits = reading_settings(["max_lines=7", "max_record_bytes=99", "max_nesting=3"], True)
    assert (limits.max_lines, settings.max_record_bytes, settings.max_nesting) == (7, 99, 3)
    assert settings.skip_other_languages is False
    default_settings, default_limits = reading_settings(None)
    assert default_settings == ReadSettings() and default_settings.skip_other_languages
    assert set(LIMIT_NAMES) == {"max_file_bytes", "max_record_bytes", "max_text_chars", "max_nesting",
                                "max_errors_per_file", "max_lines", "max_chars", "max_line_chars"}


@pytest.mark.parametrize("command", ["code", "ingest", "clean"])
@pytest.mark.parametrize("limit, reason", [
    ("max_lines=3", "too many lines (6; the limit is 3)"),
    ("max_chars=100", "text too long"),
    ("max_file_bytes=100", "too large"),
])
def test_read_limits_cli_option(tmp_path, command, limit, reason):
    long = tmp_path / "panjang.txt"
    long.write_text("\n".join([ARTICLE] * 6), encoding="utf-8")
    short = tmp_path / "pendek.txt"
    short.write_text("Prabowo bertemu Anwar.", encoding="utf-8")
    argv = [command, str(long), str(short), "--limit", limit]
    argv += ["--db", str(tmp_path / "w.db"), "--workers", "1"] if command == "ingest" else []
    result = CliRunner().invoke(app, argv, catch_exceptions=False)
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("warta: ")]
    assert len(lines) == 1 and lines[0].startswith(f"warta: {long}: ") and reason in lines[0], result.stderr
    assert result.exit_code == 0, result.stderr


def test_read_limits_cli_rejects_unknown_limit(tmp_path):
    result = CliRunner().invoke(app, ["code", str(tmp_path), "--limit", "max_pages=3"])
    assert result.exit_code == 2 and "max_pages=3" in result.output


@pytest.mark.parametrize("data, limit, coded, error", [
    ((GOOD + "\n") * 3, None, 3, None),
    ("  \n\n" + GOOD + "\n", None, 1, None),
    (" " * 20_000 + "\n" + GOOD + "\n", None, 1, None),              # more blank space than one sniff
    ("", None, 0, "warta: <stdin>: empty input"),
    ("  \n", None, 0, "warta: <stdin>: empty input"),
    (ARTICLE * 20, "max_file_bytes=1000", 0, "warta: <stdin>: too large (more than the limit of 1,000 bytes)"),
    (GOOD + "\n" + json.dumps({"id": "b", "text": ARTICLE * 10}) + "\n" + GOOD.replace("baik", "c") + "\n",
     "max_record_bytes=1000", 2, "warta: <stdin>: line 2: too large (over the limit of 1,000 bytes)"),
    (ARTICLE, None, 1, None),
])
def test_read_limits_standard_input_is_streamed(data, limit, coded, error):
    argv = ["code", "-"] + (["--limit", limit] if limit else [])
    result = CliRunner().invoke(app, argv, input=data.encode("utf-8"))
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("warta: ")]
    assert lines == ([error] if error else []), result.stderr
    assert len(result.stdout.splitlines()) == coded


ENGLISH = ("The President of the United States met the Prime Minister of Japan in Tokyo on Monday to "
           "discuss trade and security in the region, officials said.")


@pytest.mark.parametrize("command", ["code", "ingest"])
@pytest.mark.parametrize("n_english, shown, more", [(30, 11, "19 more errors not shown"), (11, 11, None),
                                                    (3, 3, None)])
def test_read_limits_cli_error_lines_per_input(tmp_path, command, n_english, shown, more):
    """Thousands of articles in another language in one JSONL file: at most 11 lines for that
    file (10 and the readers' counting line), then one line counting the rest."""
    rows = [{"id": f"en-{i}", "text": ENGLISH} for i in range(n_english)]
    rows[1:1] = [{"id": "id-1", "text": ARTICLE}, {"id": "id-2", "text": ARTICLE.replace("Senin", "Selasa")}]
    path = tmp_path / "campur.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    other = tmp_path / "lain.txt"
    other.write_text(ENGLISH, encoding="utf-8")
    argv = [command, str(path), str(other)]
    argv += ["--db", str(tmp_path / "w.db"), "--workers", "1"] if command == "ingest" else []
    result = CliRunner().invoke(app, argv, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(f"warta: {path}: ")]
    language = [ln for ln in lines if "language 'en' has no data in warta" in ln]
    assert len(language) == shown
    assert len(lines) == shown + (1 if more else 0)
    if more:
        assert more in lines[-1]
    assert f"warta: {other}: " in result.stderr           # another input keeps its own line
    summary = result.stderr.splitlines()[-1]
    assert ("coded 2 articles" in summary) if command == "code" else (f"errors {n_english + 1}," in summary)
