"""Bad input: each kind gives clear error lines naming the file and the reason, never stops the
batch, never hangs, and never corrupts the store."""
from __future__ import annotations

import gzip
import json
import os
import re
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.cli.scale import run_ingest
from warta.errors import WartaError
from warta.model import CodedArticle
from warta.parallel import code_many
from warta.read import iter_articles
from warta.store import open_store

GOOD_TEXT = ("Menteri Luar Negeri Indonesia Sugiono bertemu Menteri Luar Negeri Malaysia di Jakarta pada "
             "Senin untuk membahas perlindungan pekerja migran. Keduanya mengatakan bahwa kerja sama "
             "tersebut tidak hanya akan memperkuat hubungan kedua negara, tetapi juga keamanan kawasan, "
             "menurut keterangan tertulis Kementerian Luar Negeri yang diterima wartawan.")
INDONESIAN_PAGE = ("Pasukan Israel menyerang kamp pengungsi di Rafah pada Senin, menewaskan sedikitnya 12 "
                   "orang, kata pejabat kesehatan Gaza kepada wartawan. Serangan tersebut terjadi ketika "
                   "perundingan gencatan senjata yang dimediasi Mesir dan Qatar belum juga membuahkan "
                   "hasil. Pemerintah Indonesia mengecam serangan itu dan meminta Dewan Keamanan PBB "
                   "segera bertindak, kata juru bicara Kementerian Luar Negeri dalam keterangan pers "
                   "yang diterima wartawan, Selasa. Menurut dia, Indonesia tidak akan berhenti "
                   "mendorong bantuan kemanusiaan bagi warga Palestina.")
ENGLISH = ("The President of the United States met the Prime Minister of Japan in Tokyo on Monday to "
           "discuss trade and security in the region, officials said, adding that both leaders would "
           "meet again before the end of the year to sign the agreement.")
MALAY = ("Perdana Menteri Malaysia Anwar Ibrahim berkata kerajaan akan menghantar bantuan kemanusiaan ke "
         "Gaza minggu hadapan, menurut kenyataan Wisma Putra semalam. Beliau turut menggesa negara-negara "
         "ASEAN supaya bersatu dan mendesak rejim Zionis menghentikan serangan ke atas rakyat Palestin.")


def _warc_record(url: str, html: bytes, cut: int | None = None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2025-03-03T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{len(url)}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode("ascii")
    record = head + http + b"\r\n\r\n"
    return record[:cut] if cut else record


def _page(text: str, charset: str = "utf-8") -> bytes:
    return (f'<html><head><meta charset="{charset}"><title>Berita</title></head><body><article>'
            f"<p>{text}</p></article></body></html>").encode(charset)


def _write(data: bytes | str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path
    return make


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _dir_named_as_file(path: Path) -> Path:
    path.mkdir()
    return path


def _symlink_loop(path: Path) -> Path:
    os.symlink(path.name, path)       # a.txt -> a.txt
    return path


def _dir_with_loop(path: Path) -> Path:
    path.mkdir()
    os.symlink("..", path / "up")      # a directory loop: must not be followed forever
    os.symlink("self.txt", path / "self.txt")
    return path


def _unreadable(path: Path) -> Path:
    path.write_text(GOOD_TEXT, encoding="utf-8")
    path.chmod(0)
    return path


def _million_lines(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("x\n" * 999_999)     # 2 MB: under the size and length limits
    return path


def _hundred_mb(path: Path) -> Path:
    with path.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)                   # sparse: instant to make, 100 MB long
    return path


def _hundred_mb_line(path: Path) -> Path:
    """100 MB of real text on one JSONL line: refused without holding the line in memory."""
    block = ("Pasukan Rusia menyerang Kyiv. " * 35_000).encode()      # ~1 MB
    with path.open("wb") as fh:
        fh.write(b'{"id": "besar", "text": "')
        for _ in range(100):
            fh.write(block)
        fh.write(b'"}\n')
    return path


def _million_jsonl_lines(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("x\n" * 1_000_000)
    return path


def _english_warc(path: Path) -> Path:
    page = _page(ENGLISH * 3).replace(b"<html>", b'<html lang="en">')
    path.write_bytes(gzip.compress(_warc_record("http://example.com/a", page))
                     + gzip.compress(_warc_record("http://example.com/b", _page(ENGLISH * 2))))
    return path


BAD_JSONL = "\n".join([
    "not json at all",
    json.dumps({"id": "no-text", "title": "Judul"}),
    json.dumps({"id": "wrong-type", "text": 12345}),
    json.dumps([1, 2, 3]),
    json.dumps({"id": "empty-text", "text": "   "}),
    '{"id": "cut", "text": "Pasukan',
]) + "\n"

# name, how to make it, expected reason (a regular expression), error lines expected
CASES = [
    ("empty.txt", _write(b""), r"empty input", 1),
    ("empty.jsonl", _write(b""), r"empty input", 1),
    ("empty.html", _write(b""), r"empty input", 1),
    ("blank.txt", _write(b"  \n\n\t \n"), r"empty input", 1),
    ("binary.txt", _write(bytes(range(256)) * 40), r"binary content", 1),
    ("binary.html", _write(b"\x00\x01\x02PK\x03\x04" * 500), r"binary content", 1),
    ("binary.jsonl", _write(os.urandom(0) or bytes(range(256)) * 40), r"binary content", 1),
    ("cp1252.txt", _write(GOOD_TEXT.replace("Senin", "Senin \u201ckata\u201d caf\u00e9").encode("cp1252")),
     r"not UTF-8 text \(invalid byte at offset \d+\)", 1),
    ("deep.html", _write(("<html><body>" + "<div>" * 50_000 + "</body></html>").encode()),
     r"no article text found", 1),
    ("scripts.html", _write(b"<html><head><script>var a = 1;</script></head><body><script>"
                            + b"console.log('x');" * 2000 + b"</script><style>p{}</style></body></html>"),
     r"no article text found", 1),
    ("bad.jsonl", _write(BAD_JSONL),
     r"line (1: not JSON|2: no 'text'|3: no 'text'|4: not a JSON object|5: no 'text'|6: not JSON)", 6),
    ("nested.jsonl", _write("[" * 100_000 + "\n"), r"line 1: .*nest", 1),
    ("nested.json", _write("{\"a\":" * 100_000), r"nest", 1),
    ("truncated.warc", _write(_warc_record("http://contoh.id/a", _page(INDONESIAN_PAGE), cut=600)),
     r"truncated", 1),
    ("corrupt.warc.gz", _write(gzip.compress(_warc_record("http://contoh.id/a", _page(INDONESIAN_PAGE)))[:200]
                               + b"\x00garbage\xff" * 50), r"(truncated|not a readable WARC archive)", 1),
    ("notwarc.warc", _write(b"hello, this is not an archive\n" * 10),
     r"(not a readable WARC archive|no HTML response records in the WARC archive)", 1),
    ("loop.txt", _symlink_loop, r"(no such file|symbolic link|loop)", 1),
    ("loopdir", _dir_with_loop, r"files warta reads", 1),
    ("folder.txt", _dir_named_as_file, r"files warta reads", 1),
    ("fifo.txt", _fifo, r"not a regular file", 1),
    ("english.txt", _write(ENGLISH), r"language 'en' has no data in warta", 1),
    ("malay.txt", _write(MALAY), r"language 'ms' has no data in warta", 1),
    ("lines.txt", _million_lines, r"too many lines \(1,000,000; the limit is 5,000\)", 1),
    ("lines.jsonl", _million_jsonl_lines, r"not JSON Lines: its first 10 lines are all unreadable", 1),
    ("hugeline.jsonl", _hundred_mb_line, r"line 1: too large \(over the limit of 10,000,000 bytes\)", 1),
    ("huge.jsonl", _hundred_mb, r"binary content", 1),
    ("english.warc.gz", _english_warc, r"2 records skipped: in languages warta has no data for \(en 2\)", 1),
    ("sentences.txt", _write("Pasukan Rusia menyerang Kyiv. " * 10_000),
     r"text too long \(300,000 characters; the limit is 100,000\)", 1),
    ("huge.txt", _hundred_mb, r"too large \(104,857,600 bytes; the limit is 20,000,000\)", 1),
    ("huge.html", _hundred_mb, r"too large \(104,857,600 bytes; the limit is 20,000,000\)", 1),
    ("unreadable.txt", _unreadable, r"Permission denied", 1),
]
# Made in the everything-in-one-batch test too, except those too slow or too special for it.
NOT_IN_BATCH = ("huge.txt", "huge.html", "huge.jsonl", "hugeline.jsonl", "lines.txt", "lines.jsonl",
                "unreadable.txt", "loop.txt", "fifo.txt")


def _results(paths: list[str]) -> list:
    return list(code_many(iter_articles(paths), workers=1))


@pytest.mark.parametrize("name, make, reason, count", [pytest.param(*case, id=case[0]) for case in CASES])
def test_badinput_one_clear_error_and_the_batch_goes_on(tmp_path, name, make, reason, count):
    if name == "unreadable.txt" and os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading (fifo.txt and "
                    "folder.txt cover unreadable inputs; the CLI test below simulates the refusal)")
    bad = make(tmp_path / name)
    before = tmp_path / "a-before.txt"
    after = tmp_path / "z-after.txt"
    before.write_text(GOOD_TEXT, encoding="utf-8")
    after.write_text(GOOD_TEXT.replace("Senin", "Selasa"), encoding="utf-8")
    start = time.monotonic()
    results = _results([str(before), str(bad), str(after)])
    assert time.monotonic() - start < 60, "a bad input must not stall the batch"
    errors = [r for r in results if isinstance(r, WartaError)]
    assert [type(r) for r in results if not isinstance(r, WartaError)] == [CodedArticle, CodedArticle]
    assert len(errors) == count, [str(e) for e in errors]
    for err in errors:
        line = f"warta: {err}"
        assert "\n" not in line and len(line) < 600
        assert err.name.startswith(str(bad)), line
        assert re.search(reason, err.reason), line


def test_badinput_hundred_mb_is_refused_without_reading_it(tmp_path, monkeypatch):
    huge = _hundred_mb(tmp_path / "huge.txt")
    reads = []
    real = Path.read_bytes

    def spy(self):
        reads.append(self)
        return real(self)
    monkeypatch.setattr(Path, "read_bytes", spy)
    start = time.monotonic()
    [err] = list(iter_articles([str(huge)]))
    assert isinstance(err, WartaError) and "too large" in err.reason
    assert huge not in reads
    assert time.monotonic() - start < 2


def test_badinput_a_batch_of_everything_into_the_store(tmp_path, capsys):
    """Every bad kind in one ingest: good articles stored, one line per bad input, store sound."""
    folder = tmp_path / "in"
    folder.mkdir()
    made = 0
    for name, make, _, _ in CASES:
        if name in NOT_IN_BATCH:
            continue
        make(folder / name)
        made += 1
    (folder / "good-1.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "good-2.jsonl").write_text(json.dumps({"id": "g2", "text": INDONESIAN_PAGE}) + "\n",
                                         encoding="utf-8")
    (folder / "good-3.html").write_bytes(_page(INDONESIAN_PAGE.replace("Senin", "Minggu"), "windows-1252"))
    db = str(tmp_path / "w.db")
    status = run_ingest([str(folder)], db, batch_size=3)
    err = capsys.readouterr().err
    assert status == 0
    lines = [ln for ln in err.splitlines() if ln.startswith("warta: ")]
    assert len(lines) >= made, err
    assert all(str(folder) in ln for ln in lines), err
    assert "coded 3," in err and "added 3," in err
    store = open_store(db)
    try:
        assert store.stats()["articles"] == 3
        assert store.check() == []
    finally:
        store.close()


def test_badinput_cli_exit_status(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "empty.txt"), "--db", db])
    assert result.exit_code == 1
    assert f"warta: {tmp_path / 'empty.txt'}: empty input" in result.output


CAFE = "Presiden Prabowo minum kopi di kafe \u201cRumah Kopi\u201d \u2013 kata juru bicara, caf\u00e9 na\u00efve. "


@pytest.mark.parametrize("name, data, expected", [
    ("cp1252.html", _page(INDONESIAN_PAGE + CAFE, "windows-1252"), "\u201cRumah Kopi\u201d \u2013"),
    ("latin1.html", _page(INDONESIAN_PAGE + "caf\u00e9 na\u00efve", "iso-8859-1"), "caf\u00e9 na\u00efve"),
    ("undeclared-cp1252.html", _page(INDONESIAN_PAGE + CAFE, "windows-1252").replace(
        b'<meta charset="windows-1252">', b""), "\u201cRumah Kopi\u201d"),
    ("wrongly-declared.html", _page(INDONESIAN_PAGE + CAFE, "windows-1252").replace(
        b'charset="windows-1252"', b'charset="utf-8"'), "\u201cRumah Kopi\u201d"),
    ("utf8.html", _page(INDONESIAN_PAGE + CAFE), "caf\u00e9 na\u00efve"),
    ("utf16.txt", "\ufeff".encode("utf-16-le") + (INDONESIAN_PAGE + CAFE).encode("utf-16-le"), "caf\u00e9"),
    ("utf8-bom.txt", b"\xef\xbb\xbf" + (INDONESIAN_PAGE + CAFE).encode("utf-8"), "\u201cRumah Kopi\u201d"),
    pytest.param("mixed.html", _page(INDONESIAN_PAGE + CAFE).replace(b"</p>", "\u201ckutip\u201d</p>".encode("cp1252")),
                 "caf\u00e9 na\u00efve. \u201ckutip\u201d", id="mixed.html"),
])
def test_badinput_legacy_and_mixed_encodings_are_read(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    [article] = list(iter_articles([str(path)]))
    assert not isinstance(article, WartaError), str(article)
    assert expected in article.text
    assert "\ufffd" not in article.text and "\u00c3" not in article.text


@pytest.mark.parametrize("line, ok", [
    (json.dumps({"id": "a", "text": INDONESIAN_PAGE}, ensure_ascii=False).encode("utf-8"), True),
    (json.dumps({"id": "b", "text": INDONESIAN_PAGE + CAFE}, ensure_ascii=False).encode("cp1252"), False),
    (json.dumps({"id": "c", "text": INDONESIAN_PAGE + CAFE}).encode("ascii"), True),
    (b"\xef\xbb\xbf" + json.dumps({"id": "d", "text": INDONESIAN_PAGE}).encode(), True),
])
def test_badinput_jsonl_line_encodings(tmp_path, line, ok):
    path = tmp_path / "a.jsonl"
    path.write_bytes(line + b"\n")
    [item] = list(iter_articles([str(path)]))
    if ok:
        assert not isinstance(item, WartaError), str(item)
    else:
        assert isinstance(item, WartaError) and item.reason.startswith("line 1: not UTF-8")


# --- every bad input through the CLI: `warta code` and `warta ingest` -----------------------------

UNCLOSED = ("<html><head><title>Berita</title><body><div><p>" + INDONESIAN_PAGE.replace("Senin", "Kamis")
            + "<p>" + GOOD_TEXT + "<div><span>")
# Inputs that must be coded, read between the bad ones: one article each.
GOOD_INPUTS = [
    ("good-1.txt", _write(GOOD_TEXT)),
    ("good-2.jsonl", _write(json.dumps({"id": "g2", "text": INDONESIAN_PAGE}) + "\n")),
    ("good-3-cp1252.html", _write(_page(INDONESIAN_PAGE.replace("Senin", "Minggu") + CAFE, "windows-1252"))),
    ("good-4-latin1.html", _write(_page(INDONESIAN_PAGE.replace("Senin", "Rabu") + "caf\u00e9", "iso-8859-1"))),
    ("good-5-unclosed.html", _write(UNCLOSED.encode("utf-8"))),
]


def _cli_batch(tmp: Path) -> tuple[list[str], dict[str, Path]]:
    """Every bad input of CASES between good ones, as CLI arguments; and the bad paths by name."""
    args, bad = [], {}
    goods = iter(GOOD_INPUTS)
    for name, make, _, _ in CASES:
        good_name, good_make = next(goods, (None, None))
        if good_name:
            args.append(str(good_make(tmp / good_name)))
        bad[name] = make(tmp / name)
        args.append(str(bad[name]))
    return args, bad


@contextmanager
def _unreadable_even_for_root(path: Path):
    """chmod 000 does not stop root: then reading that one file fails as it would for a user."""
    if os.geteuid() != 0:
        yield
        return
    real = Path.read_bytes

    def read_bytes(self):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Path, "read_bytes", read_bytes)
        yield


@pytest.fixture(scope="module", params=["code", "ingest"])
def cli_run(request, tmp_path_factory) -> dict:
    """One `warta code` / `warta ingest` run over every bad input and the good ones."""
    tmp = tmp_path_factory.mktemp(f"cli-{request.param}")
    args, bad = _cli_batch(tmp)
    db = tmp / "w.db"
    argv = ([request.param] + args + (["-o", str(tmp / "out.jsonl")] if request.param == "code"
                                      else ["--db", str(db), "--workers", "1", "--batch-size", "2"]))
    with _unreadable_even_for_root(bad["unreadable.txt"]):
        result = CliRunner().invoke(app, argv, catch_exceptions=False)
    return {"command": request.param, "result": result, "bad": bad, "db": db, "tmp": tmp}


@pytest.mark.parametrize("name, reason, count", [pytest.param(c[0], c[2], c[3], id=c[0]) for c in CASES])
def test_badinput_cli_one_line_per_bad_input(cli_run, name, reason, count):
    """`warta code` and `warta ingest`: each bad input gives its error lines (one, or one per bad
    JSONL line), each naming the file and the reason, on one line."""
    path = str(cli_run["bad"][name])
    lines = [ln for ln in cli_run["result"].stderr.splitlines()
             if ln.startswith(f"warta: {path}:") or ln.startswith(f"warta: {path} ")]
    assert len(lines) == count, "\n".join(lines)
    for line in lines:
        assert re.search(reason, line), line
        assert len(line) < 600


def test_badinput_cli_the_rest_of_the_batch_is_coded(cli_run):
    result = cli_run["result"]
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    n = len(GOOD_INPUTS)
    if cli_run["command"] == "code":
        out = cli_run["tmp"] / "out.jsonl"
        coded = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
        assert len(coded) == n and f"coded {n} articles" in result.stderr
        assert any("\u201cRumah Kopi\u201d" in c["article"]["text"] for c in coded)      # the Windows-1252 page
    else:
        assert f"added {n}," in result.stderr
        store = open_store(str(cli_run["db"]))
        try:
            assert store.stats()["articles"] == n
            assert store.check() == []
        finally:
            store.close()
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("warta: ")]
    assert len(errors) == sum(c[3] for c in CASES)
