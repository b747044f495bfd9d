"""Language selection of web archives: WARC records in languages warta has no data for are skipped
before their HTML is extracted, and counted in one line per archive."""
from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warta.read.warc as warc_reader
from warta.cli import app
from warta.errors import LanguageError, WartaError
from warta.model import Article, CodedArticle
from warta.parallel import code_many
from warta.read import ReadSettings, iter_articles
from warta.read.language import is_kept, normalise_code, page_language, stated_languages, text_sample
from warta.read.warc import iter_warc
from warta.store import open_store

INDONESIAN = ("Pasukan Israel menyerang kamp pengungsi di Rafah pada Senin, menewaskan sedikitnya 12 orang, "
              "kata pejabat kesehatan Gaza kepada wartawan. Serangan tersebut terjadi ketika perundingan "
              "gencatan senjata yang dimediasi Mesir dan Qatar belum juga membuahkan hasil. ")
ENGLISH = ("The President of the United States met the Prime Minister of Japan in Tokyo on Monday to "
           "discuss trade and security in the region, officials said, adding that both leaders would "
           "meet again before the end of the year to sign the agreement. ")
MALAY = ("Perdana Menteri Malaysia Anwar Ibrahim berkata kerajaan akan menghantar bantuan kemanusiaan ke "
         "Gaza minggu hadapan, menurut kenyataan Wisma Putra semalam. Beliau turut menggesa negara-negara "
         "ASEAN supaya bersatu dan mendesak rejim Zionis menghentikan serangan ke atas rakyat Palestin. ")


def _page(text: str, lang: str | None = None, title: str = "Berita") -> bytes:
    attr = f' lang="{lang}"' if lang else ""
    return (f"<!doctype html><html{attr}><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<script>var menu = 'Home News Sport';</script></head><body><nav>Home | News</nav>"
            f"<article>" + f"<p>{text}</p>" * 3 + "</article></body></html>").encode("utf-8")


def _record(url: str, html: bytes, warc_headers: str = "", http_headers: str = "") -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + http_headers.encode()
            + b"\r\n" + html)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2025-03-03T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
            f"{warc_headers}Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode("ascii")
    return gzip.compress(head + http + b"\r\n\r\n")       # one gzip member per record, as CC-NEWS


# url, page, WARC headers, HTTP headers, kept
RECORDS = [
    ("http://berita.id/1", _page(INDONESIAN, "id"), "", "", True),
    ("http://news.example.com/2", _page(ENGLISH, "en"), "", "", False),
    ("http://news.example.com/3", _page(ENGLISH), "", "", False),                 # nothing stated
    ("http://berita.id/4", _page(INDONESIAN.replace("Senin", "Selasa"), "en-US"), "", "", True),  # template's lang
    ("http://news.example.com/5", _page(ENGLISH.replace("Monday", "Friday")),
     "WARC-Identified-Content-Language: eng\r\n", "", False),
    ("http://berita.id/6", _page(INDONESIAN.replace("Senin", "Rabu")), "", "Content-Language: id-ID\r\n", True),
    ("http://berita.my/7", _page(MALAY, "ms-MY"), "", "", False),
    ("http://berita.id/8", _page(INDONESIAN.replace("Senin", "Kamis")),
     "WARC-Identified-Content-Language: ind,eng\r\n", "", True),
]


@pytest.fixture()
def mixed_warc(tmp_path) -> Path:
    path = tmp_path / "cc-news.warc.gz"
    path.write_bytes(b"".join(_record(url, page, wh, hh) for url, page, wh, hh, _ in RECORDS))
    return path


KEPT = sum(r[-1] for r in RECORDS)
SKIPPED_LINE = re.compile(r"4 records skipped: in languages warta has no data for \(en 3, ms 1\)$")


@pytest.mark.parametrize("value, code", [
    ("id", "id"), ("id-ID", "id"), ("id_ID", "id"), (" ID ", "id"), ("in", "id"), ("in-ID", "id"),
    ("ind", "ind"), ("en-US", "en"), ("EN", "en"), ("ms-MY", "ms"), ("zh-Hant-TW", "zh"), ("", ""),
])
def test_read_language_normalise_code(value, code):
    assert normalise_code(value) == code


@pytest.mark.parametrize("identified, content_language, head, stated", [
    ("ind,eng", None, b"", ["ind", "eng"]),
    (None, "id", b"", ["id"]),
    (None, "en-US, id", b"", ["en", "id"]),
    (None, None, b'<!doctype html><html lang="id-ID"><head>', ["id"]),
    (None, None, b"<html class='no-js' lang=en><head>", ["en"]),
    (None, None, b'<html xml:lang="in" xmlns="http://www.w3.org/1999/xhtml">', ["id"]),
    (None, None, b'<html><head><meta http-equiv="Content-Language" content="id">', ["id"]),
    (None, None, b"<html><head><title>Berita</title>", []),
    (None, None, b'<html><body><p lang="en">quote</p>', []),           # only the page's own lang
    (None, None, b'<html lang="">', []),
])
def test_read_language_stated_languages(identified, content_language, head, stated):
    assert stated_languages(identified, content_language, head) == stated


@pytest.mark.parametrize("stated, text, language", [
    (["ind"], ENGLISH, "id"),          # a supported language stated: kept without looking
    (["id"], "", "id"),
    (["en"], INDONESIAN, "id"),         # a site's lang="en" does not skip an Indonesian page
    ([], INDONESIAN, "id"),
    ([], ENGLISH, "en"),
    (["eng"], ENGLISH, "en"),
    ([], MALAY, "ms"),
    ([], "", None),                    # nothing to tell by: kept, the pipeline decides
    ([], "12 34", None),
])
def test_read_language_page_language(stated, text, language):
    page = _page(text).decode("utf-8") if len(text) > 20 else f"<html><body><p>{text}</p></body></html>"
    read = []
    assert page_language(stated, lambda: read.append(1) or page) == language
    assert bool(read) != any(code in ("id", "ind") for code in stated)   # decoded only when needed


@pytest.mark.parametrize("language, kept", [("id", True), (None, True), ("en", False), ("ms", False)])
def test_read_language_is_kept(language, kept):
    assert is_kept(language) is kept


def test_read_language_text_sample_skips_scripts_and_markup():
    page = ('<html><head><title>Judul &amp; Berita</title><meta name="description" content="Ringkasan">'
            "<style>p { color: red }</style><script>var x = '<p>kode</p>';</script></head>"
            "<body><!-- komentar --><p>Isi <b>berita</b></p></body></html>")
    assert text_sample(page) == "Judul & Berita Ringkasan Judul & Berita Isi berita"


def test_read_language_warc_skips_and_counts_other_languages(mixed_warc, monkeypatch):
    extracted = []
    real = warc_reader.html_article

    def spy(name, data, **kw):
        extracted.append(kw["url"])
        return real(name, data, **kw)
    monkeypatch.setattr(warc_reader, "html_article", spy)
    items = list(iter_articles([str(mixed_warc)]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, WartaError)]
    assert sorted(a.url for a in articles) == sorted(r[0] for r in RECORDS if r[-1])
    assert sorted(extracted) == sorted(a.url for a in articles)       # skipped ones never extracted
    assert len(errors) == 1 and isinstance(errors[0], LanguageError)
    assert errors[0].name == str(mixed_warc) and SKIPPED_LINE.search(errors[0].reason), str(errors[0])


def test_read_language_warc_all_languages_keeps_every_record(mixed_warc):
    items = list(iter_articles([str(mixed_warc)], ReadSettings(skip_other_languages=False)))
    assert len(items) == len(RECORDS) and all(isinstance(i, Article) for i in items)
    results = list(code_many(iter(items), workers=1))
    assert sum(isinstance(r, CodedArticle) for r in results) == KEPT
    assert sorted(str(r.reason) for r in results if isinstance(r, LanguageError)) == \
        ["language 'en' has no data in warta; skipped"] * 3 + ["language 'ms' has no data in warta; skipped"]


def test_read_language_warc_stream_without_a_supported_record(tmp_path):
    data = b"".join(_record(url, page, wh, hh) for url, page, wh, hh, kept in RECORDS if not kept)
    items = list(iter_warc("en.warc.gz", io.BytesIO(data)))
    assert len(items) == 1 and SKIPPED_LINE.search(items[0].reason)


@pytest.mark.parametrize("command", ["code", "ingest"])
@pytest.mark.parametrize("all_languages", [False, True])
def test_read_language_cli(mixed_warc, tmp_path, command, all_languages):
    argv = [command, str(mixed_warc)] + (["--all-languages"] if all_languages else [])
    argv += ["-o", str(tmp_path / "out.jsonl")] if command == "code" else ["--db", str(tmp_path / "w.db"),
                                                                           "--workers", "1"]
    result = CliRunner().invoke(app, argv, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("warta: ")]
    if all_languages:
        assert len(lines) == len(RECORDS) - KEPT, lines
        assert all("has no data in warta; skipped" in ln for ln in lines)
    else:
        assert len(lines) == 1 and lines[0].startswith(f"warta: {mixed_warc}: ") and SKIPPED_LINE.search(lines[0])
    if command == "code":
        coded = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(coded) == KEPT and all(json.loads(c)["article"]["url"] for c in coded)
    else:
        store = open_store(str(tmp_path / "w.db"))
        try:
            assert store.stats()["articles"] == KEPT
        finally:
            store.close()


def test_read_language_counts_survive_a_truncated_archive():
    english = _record("http://news.example.com/1", _page(ENGLISH, "en"))
    cut = gzip.decompress(_record("http://berita.id/2", _page(INDONESIAN, "id")))[:700]
    items = list(iter_warc("cut.warc.gz", io.BytesIO(english + gzip.compress(cut))))
    assert [type(i).__name__ for i in items] == ["LanguageError", "FormatError"], [str(i) for i in items]
    assert items[0].reason.startswith("1 record skipped") and "truncated record" in items[1].reason
