"""The line gate (warta.regex_gate) decides exactly what the union of its patterns decides."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS_FILES, corpus_articles
from warta.clean import MAX_BOILERPLATE_CHARS, analyse, rules_for
from warta.lang import load_language
from warta.regex_gate import LineGate, _parser, _required, _sequence, holds_all, required_literals

LANG = load_language("id")
PATTERNS = LANG.lines("clean_line_patterns.txt")
GATE = LineGate.from_patterns(PATTERNS)
UNION = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.I)


@pytest.mark.parametrize("line", [
    "Baca juga: Harga beras naik lagi", "BACA JUGA: Harga beras naik lagi", "baca  juga",
    "Bacalah juga buku ini", "Berita terkait", "Beri komentar", "Berita hari ini tentang banjir",
    "ADVERTISEMENT", "Ads", "Ada apa di Jakarta?", "Adapun warga mengungsi.", "iklan",
    "(ant/yan)", "(rel/gil).", "[ant]", "Presiden bertemu menteri (ant)", "Dia datang (lagi)",
    "Penulis: Budi", "Editor : Ani", "Oleh: Redaksi", "oleh karena itu", "null", "None",
    "nullify", "[img.2]", "img", "image3", "---", "— — —", "···", "***", "Loading...", "Memuat…",
    "Judul artikel](https://contoh.id/a)", "Klik](https://contoh.id/a){.link}", "tautan ke >",
    "a" * 81 + ">", "Ikuti kanal kami di whatsapp.com/channel/abc", "WHATSAPP.COM/CHANNEL/x",
    "Contoh.com adalah portal berita", "contoh.co.id merupakan media daring terpercaya",
    "Contoh.com adalah kota", "Warga adalah korban", "Sumber: Reuters", "Sumber foto: AP",
    "Bagikan ke Facebook", "Share via WhatsApp", "Ikuti kami di Instagram",
    "Follow " + "x" * 90 + " instagram", "facebook, twitter, whatsapp", "x", "X / Facebook",
    "Copyright 2025", "© Kompas", "Hak cipta dilindungi", "halaman 2", "Halaman selanjutnya",
    "Selanjutnya", "Sebelumnya", "Lebih baru Lebih lama", "{#id-1}", "{.kelas}", "gtx-trans",
    "Tim Redaksi: A", "caranya klik di sini", "Anda harus install aplikasi ini",
    "Komentar (12)", "komentar", "Syarat & Ketentuan", "Kebijakan privasi",
    "Kirim tanggapan", "Tonton video berikut", "Saksikan di sini", "Dimensy mobile",
    "author: \"Budi\"", "Tags: \"a\"", "Artikel ini telah tayang di Kompas.com",
    # non-ASCII lines: the gate leaves them to the union
    "Baca juga: “Perang” di Gaza", "\u212aomentar", "ſimak video", "İklan", "Iklan\u00a0",
    "Ayo gabung di kanal WhatsApp", "Yuk ikuti channel kami", "Mari bergabung di grup kami",
    "Dapatkan update berita terkini setiap hari", "Update berita di Google News",
    "", " ", "Presiden Joko Widodo menerima kunjungan Perdana Menteri Malaysia di Istana.",
])
def test_regex_gate_agrees_with_union(line):
    assert GATE.fullmatch(line) == (UNION.fullmatch(line) is not None)


@pytest.mark.parametrize("pattern, starts, ends", [
    (r"(baca|lihat)\s+juga\b.*", {"baca", "lihat"}, None),
    (r"null|none", {"null", "none"}, {"null", "none"}),
    (r"\[?(img|video)\.?", {"[img", "[img.", "[video", "[video.", "img", "img.", "video", "video."},
     {"[img", "[img.", "[video", "[video.", "img", "img.", "video", "video."}),
    (r"(?=.{0,80}$)(ayo|yuk)\s+gabung\b.*", {"ayo", "yuk"}, None),
    (r"[-=*]{3,}.*", {"-", "=", "*"}, None),
    (r"[^<>]{1,80}>", None, {">"}),
    (r".*\bwhatsapp\.com/.*", None, None),
    (r"[(\[]?\s*[a-z]{2,5}\s*[)\]]\.?", None, {")", "]", ").", "]."}),
    (r"\w+", None, None),
])
def test_regex_gate_literal_starts_and_ends(pattern, starts, ends):
    items = list(_parser.parse(pattern, re.I))
    found_starts = _sequence(items).strings
    found_ends = _sequence(items, backward=True).strings
    assert (None if "" in found_starts else set(found_starts)) == starts
    assert (None if "" in found_ends else set(found_ends)) == ends


@pytest.mark.parametrize("pattern, required", [
    (r".*\bwhatsapp\.com/channel/.*", [{"whatsapp.com/channel/"}]),
    (r"[^\[\]]{0,300}\]\(\S+\)", [{"]("}, {")"}]),
    (r"[\w.-]+\.(com|id)\s+(adalah|merupakan)\s+(portal|media)\b.*",
     [{".com", ".id"}, {"adalah", "merupakan"}, {"portal", "media"}]),
    (r"\w+\s+\d+", []),
])
def test_regex_gate_required_literals(pattern, required):
    assert [set(s) for s in _required(list(_parser.parse(pattern, re.I)))] == required


@pytest.mark.parametrize("patterns, line, expected", [
    ([r"\w+"], "apasaja", True),                        # not understood: the union decides
    ([r"\w+", r"baca\s+juga.*"], "!!!", False),
    ([r"\u212aomentar"], "komentar", True),             # the Kelvin sign matches "k" under re.I
    ([r"\u212aomentar"], "Komentar", True),
    ([r"ſimak"], "simak", True),                        # the long s matches "s"
    ([], "apa saja", False),
])
def test_regex_gate_edge_patterns(patterns, line, expected):
    gate = LineGate.from_patterns(patterns)
    union = re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None
    assert gate.fullmatch(line) is expected
    assert expected == (union is not None and union.fullmatch(line) is not None)


LINE_CHARS = st.sampled_from(list("abcdeiklmnorstuvwxyABIKSX ()[]/.:>-*#{}&©·•…\u212aſİı0123456789"))
WORDS = st.sampled_from(["baca", "juga", "iklan", "ads", "ant", "yan", "null", "img", "video",
                         "whatsapp.com/channel/", "adalah", "portal", "contoh.com", "komentar",
                         "](", "http://a.b", "facebook", "twitter", "halaman", "editor:",
                         "sumber", "foto", "gabung", "ikuti", "kanal", " ", " ", ")", "(", "."])


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(st.lists(st.one_of(WORDS, LINE_CHARS), max_size=14).map("".join))
def test_regex_gate_agrees_with_union_on_generated_lines(line):
    assert GATE.fullmatch(line) == (UNION.fullmatch(line) is not None)


def test_regex_gate_agrees_with_union_on_corpus_lines():
    rules = rules_for(LANG)
    checked = 0
    for name in CORPUS_FILES:
        for i, article in enumerate(corpus_articles(name).values()):
            if i % 4:
                continue
            for raw in (article.get("text") or "").split("\n"):
                line = analyse(raw, rules)
                if line.text and len(line.text) <= MAX_BOILERPLATE_CHARS:
                    assert GATE.fullmatch(line.bare) == (UNION.fullmatch(line.bare) is not None), line.bare
                    checked += 1
    assert checked > 10000


@pytest.mark.parametrize("pattern, flags, needs", [
    (r"\((FOTO|Foto)(\s*/[^)]*)?\)\s*\.?\s*$", re.M, (("(FOTO", "(Foto"), (")",))),
    (r"^(ANTARA FOTO|AFP PHOTO)/", re.M, (("AFP PHOTO/", "ANTARA FOTO/"),)),
    (r"\b(REUTERS|AP|AFP)(\s+via\s+[A-Z .]+|/[A-Za-z .]+)[A-Z][a-z]", 0, (("AFP", "AP", "REUTERS"),)),
    (r"/\s*(Net|NET|Istimewa|Ist)\.?\s*$", re.M, (("/",), ("Ist", "NET", "Net"))),
    (r"baca\s+juga", re.I, ()),              # case-insensitive: nothing claimed
    (r"\w+\s+\d+", 0, ()),
])
def test_regex_gate_required_literals_of_searched_patterns(pattern, flags, needs):
    assert required_literals(pattern, flags) == needs


@pytest.mark.parametrize("text, needs, expected", [
    ("Foto: (ANTARA FOTO/Budi)", (("(ANTARA FOTO", "(AFP"), ("/",), (")",)), True),
    ("Foto: (ANTARA FOTO Budi)", (("(ANTARA FOTO", "(AFP"), ("/",), (")",)), False),
    ("apa saja", (), True),
    ("", (("a",),), False),
])
def test_regex_gate_holds_all(text, needs, expected):
    assert holds_all(text, needs) is expected

