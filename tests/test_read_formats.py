"""Readers: every format, directories, standard input, and one clear error per bad input."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from warta.errors import FormatError, InputError
from warta.model import Article
from warta.read import (ReadSettings, article_id, expand_inputs, format_of, iter_articles,
                        read_bytes, sniff_format)

FIXTURES = Path(__file__).parent / "fixtures"
STORY = ("Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Malaysia di Jakarta "
         "pada Senin untuk membahas kerja sama perbatasan kedua negara.")


def read_all(*inputs, **kw):
    return list(iter_articles([str(i) for i in inputs], **kw))


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("name, fmt", [
    ("a.txt", "txt"), ("A.TXT", "txt"), ("x.jsonl", "jsonl"), ("x.json", "json"),
    ("page.html", "html"), ("page.htm", "html"), ("crawl.warc", "warc"), ("crawl.warc.gz", "warc"),
    ("notes.md", None), ("data.csv", None), ("archive.gz", None), ("published.tsv", None),
])
def test_read_format_by_suffix(name, fmt):
    assert format_of(name) == fmt


@pytest.mark.parametrize("data, fmt", [
    (b'{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n', "jsonl"),
    (b'{"id": "a", "text": "x"}', "jsonl"),
    (b'[{"id": "a", "text": "x"}]', "json"),
    (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
    (b"  <html><body>x</body></html>", "html"),
    (b"WARC/1.0\r\nWARC-Type: response\r\n", "warc"),
    (b"\x1f\x8b\x08\x00", "warc"),
    (b"Judul berita\n\nIsi berita.", "txt"),
    (b"{ tidak json", "jsonl"),
])
def test_read_sniff_stdin_format(data, fmt):
    assert sniff_format(data) == fmt


def test_read_txt_title_id_and_origin(tmp_path):
    f = tmp_path / "berita-01.txt"
    f.write_text("Indonesia dan Malaysia Perkuat Kerja Sama Perbatasan\n\n" + STORY, encoding="utf-8")
    [a] = read_all(f)
    assert a.id == "berita-01"
    assert a.title == "Indonesia dan Malaysia Perkuat Kerja Sama Perbatasan"
    assert a.origin == str(f)
    assert STORY in a.text and a.published is None


@pytest.mark.parametrize("first_line, title", [
    ("Indonesia dan Malaysia Perkuat Kerja Sama Perbatasan", "Indonesia dan Malaysia Perkuat Kerja Sama Perbatasan"),
    ("Mengapa Rusia Kejar Kapal Perang AS?", "Mengapa Rusia Kejar Kapal Perang AS?"),
    (STORY, None),                                 # a sentence, not a headline
    ("22 April 2022", None),                       # a date
    ("Dimensy Mobile", None),                      # too short
    ("Presiden datang ke Jakarta hari ini.", None),
])
def test_read_txt_first_line_title(tmp_path, first_line, title):
    f = tmp_path / "a.txt"
    f.write_text(first_line + "\n" + STORY, encoding="utf-8")
    [a] = read_all(f)
    assert a.title == title


def test_read_txt_front_matter_gives_id(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("---\nid: kompas-123\npublished: 2020-10-24\nurl: https://example.id/a\n---\n" + STORY,
                 encoding="utf-8")
    [a] = read_all(f)
    assert (a.id, a.published, a.url, a.published_derived) == ("kompas-123", "2020-10-24",
                                                              "https://example.id/a", "input")
    assert a.text.startswith("Menteri")


def test_read_txt_sidecar_published(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "published.tsv").write_text("# dates\nstem\tpublished\na\t2025-12-26\n", encoding="utf-8")
    got = {a.id: a.published for a in read_all(tmp_path)}
    assert got == {"a": "2025-12-26", "b": None}


def test_read_samples_sidecar():
    samples = Path(__file__).parent.parent / "warta" / "samples"
    got = {a.id: a.published for a in read_all(samples)}
    assert len(got) == 5
    assert got["000_bdfb43dcf2185d87"] == "2025-12-26"


def test_read_jsonl_fields_and_hash_id(tmp_path):
    f = tmp_path / "a.jsonl"
    rows = [{"id": "k1", "url": "https://kompas.com/1", "title": "Judul", "published": "2025-06-01T10:00:00+07:00",
             "source": "kompas.com", "text": STORY},
            {"text": STORY, "url": "https://detik.com/2"}]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    a, b = read_all(f)
    assert (a.id, a.published, a.source, a.title, a.origin) == ("k1", "2025-06-01", "kompas.com", "Judul", str(f))
    assert b.id == article_id(STORY, "https://detik.com/2") and len(b.id) == 16


def test_read_jsonl_html_field(tmp_path):
    page = (FIXTURES / "html" / "page1.html").read_text(encoding="utf-8")
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "p1", "html": page}) + "\n", encoding="utf-8")
    [a] = read_all(f)
    assert "Jepang akan meminta penegasan Amerika Serikat" in a.text
    assert a.published == "2017-08-16"


def test_read_article_id_is_stable_and_normalised():
    assert article_id("Halo  dunia\n", "u") == article_id("halo dunia", "u")
    assert article_id("Halo dunia", "u") != article_id("Halo dunia", "v")
    assert article_id("Halo dunia") != article_id("Halo bumi")


def test_read_json_array_and_object(tmp_path):
    arr, obj = tmp_path / "a.json", tmp_path / "b.json"
    arr.write_text(json.dumps([{"id": "1", "text": STORY}, {"id": "2", "text": STORY}, 5]), encoding="utf-8")
    obj.write_text(json.dumps({"id": "3", "text": STORY}), encoding="utf-8")
    items = read_all(arr, obj)
    assert [a.id for a in articles(items)] == ["1", "2", "3"]
    [err] = errors(items)
    assert "item 2" in err.reason and "not a JSON object" in err.reason


@pytest.mark.parametrize("line, reason", [
    ("[1, 2]", "not a JSON object"),
    ('"text"', "not a JSON object"),
    ('{"id": "x"}', "no 'text'"),
    ('{"id": "x", "text": "   "}', "no 'text'"),
    ('{"id": "x", "text": 5}', "no 'text'"),
    ('{"id": "x", "text": "a"', "not JSON"),
    ("bukan json", "not JSON"),
])
def test_read_jsonl_bad_line_names_line(tmp_path, line, reason):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"id": "ok", "text": STORY}) + "\n\n" + line + "\n", encoding="utf-8")
    items = read_all(f)
    assert [a.id for a in articles(items)] == ["ok"]
    [err] = errors(items)
    assert err.name == str(f) and "line 3" in err.reason and reason in err.reason
    assert isinstance(err, FormatError)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02binary\x00data" * 20, "binary"),
    (b"Berita \xff\xfe\xfa rusak di tengah teks yang panjang.", "not UTF-8"),
])
def test_read_txt_bad_content(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    [err] = read_all(f)
    assert isinstance(err, InputError) and err.name == str(f) and reason in err.reason


def test_read_oversized_inputs(tmp_path):
    settings = ReadSettings(max_file_bytes=100, max_record_bytes=100)
    big_txt = tmp_path / "big.txt"
    big_txt.write_text(STORY * 5, encoding="utf-8")
    big_jsonl = tmp_path / "big.jsonl"
    big_jsonl.write_text(json.dumps({"id": "x", "text": STORY * 5}) + "\n"
                         + json.dumps({"id": "y", "text": "Pendek."}) + "\n", encoding="utf-8")
    items = read_all(big_txt, big_jsonl, settings=settings)
    assert [a.id for a in articles(items)] == ["y"]
    reasons = [e.reason for e in errors(items)]
    assert len(reasons) == 2 and all("too large" in r for r in reasons)


def test_read_missing_and_directory_errors(tmp_path):
    items = read_all(tmp_path / "tidak-ada.txt")
    [err] = items
    assert "no such file" in err.reason
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong" / "catatan.md").write_text("# bukan berita", encoding="utf-8")
    [err] = read_all(tmp_path / "kosong")
    assert isinstance(err, InputError) and "without files warta reads" in err.reason


def test_read_directory_recursive_sorted_known_formats(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# catatan", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text(STORY, encoding="utf-8")
    files = expand_inputs([str(tmp_path)])
    assert [Path(f).name for f in files] == ["a.txt", "z.txt"]
    assert [a.id for a in read_all(tmp_path)] == ["a", "z"]


def test_read_published_default_only_fills_missing(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    f = tmp_path / "b.jsonl"
    f.write_text(json.dumps({"id": "b", "published": "2020-01-02", "text": STORY}) + "\n", encoding="utf-8")
    got = {a.id: a.published for a in read_all(tmp_path, published="2024-05-01")}
    assert got == {"a": "2024-05-01", "b": "2020-01-02"}


def test_read_stdin_sniffs_format(monkeypatch):
    data = (json.dumps({"id": "s1", "text": STORY}) + "\n").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    [a] = list(iter_articles(["-"]))
    assert a.id == "s1" and a.origin == "<stdin>"


def test_read_stdin_text_and_empty(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    [a] = list(iter_articles(["-"]))
    assert a.id == "stdin" and a.text == STORY
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    [err] = list(iter_articles(["-"]))
    assert isinstance(err, InputError) and "empty" in err.reason


def test_read_html_fixtures_keep_story_drop_page():
    pages = {Path(a.origin).name: a for a in read_all(FIXTURES / "html")}
    assert set(pages) == {"page1.html", "page2.html", "page3.html"}
    source = {json.loads(line)["id"]: json.loads(line) for line in
              (FIXTURES / "indosum" / "pages.jsonl").read_text(encoding="utf-8").splitlines()}
    for name, a in pages.items():
        for gone in ("Beranda", "ADVERTISEMENT", "Harga Minyak Dunia Naik", "Pertamax gan",
                     "Hak cipta dilindungi", "dataLayer", "Pedoman Media Siber"):
            assert gone not in a.text, (name, gone)
        assert a.title and a.published and a.source == "Berita Dunia"
    texts = " ".join(a.text for a in pages.values())
    for d in source.values():
        last = [p for p in d["text"].split("\n") if p.strip()][-1].strip()
        assert last.replace(" - ", " – ")[:60] in texts or last[:60] in texts


def test_read_html_cp1252_fallback():
    [a] = read_all(FIXTURES / "html" / "page3.html")
    assert "Suara.com – Kementerian Pertahanan" in a.text      # the en dash decoded from byte 0x96


def test_read_warc_fixture_matches_html_pages():
    warc = articles(read_all(FIXTURES / "warc" / "pages.warc.gz"))
    html = sorted(articles(read_all(FIXTURES / "html")), key=lambda a: a.title)
    assert len(warc) == 3
    assert [a.text for a in sorted(warc, key=lambda a: a.title)] == [a.text for a in html]
    assert all(a.url and a.url.startswith("http") and a.published for a in warc)
    assert all(a.origin.endswith("pages.warc.gz") for a in warc)


def test_read_warc_corrupt_gzip_is_one_error(tmp_path):
    good = (FIXTURES / "warc" / "pages.warc.gz").read_bytes()
    bad = tmp_path / "broken.warc.gz"
    bad.write_bytes(good[: len(good) // 2] + b"\x00garbage" * 50)
    items = read_all(bad)
    errs = errors(items)
    assert len(errs) == 1 and errs[0].name == str(bad) and "WARC" in errs[0].reason


@pytest.mark.parametrize("data", [b"", b"bukan warc sama sekali", gzip.compress(b"bukan warc")])
def test_read_warc_not_an_archive(tmp_path, data):
    f = tmp_path / "x.warc"
    f.write_bytes(data)
    items = read_all(f)
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_read_bytes_html_without_text_is_error():
    [err] = list(read_bytes("p.html", b"<html><head><script>var a = 1;</script></head><body><div></div></body></html>", "html"))
    assert isinstance(err, FormatError) and "no article text" in err.reason
