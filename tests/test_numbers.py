"""Number parsing: digits with Indonesian separators, scale words, number words, approximations."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.lang import load_language
from warta.numbers import Amount, find_numbers, format_number, parse_amount, parse_int

LANG = load_language("id")


@pytest.mark.parametrize("text,best", [
    ("5", 5),
    ("23", 23),
    ("5.000", 5000),
    ("1.500", 1500),
    ("330.000", 330000),
    ("1.234.567", 1234567),
    ("5,000", 5000),            # English-style grouping in translated copy
    ("1,2 juta", 1200000),
    ("3,5 juta", 3500000),
    ("2,5 ribu", 2500),
    ("3 ribu", 3000),
    ("400 ribu", 400000),
    ("125 ribu", 125000),
    ("5 rb", 5000),
    ("2 jt", 2000000),
    ("1 miliar", 1000000000),
    ("1.500-an", 1500),
    ("1500an", 1500),
    ("satu", 1),
    ("dua", 2),
    ("sembilan", 9),
    ("sepuluh", 10),
    ("sebelas", 11),
    ("dua belas", 12),
    ("tujuh belas", 17),
    ("dua puluh", 20),
    ("dua puluh tiga", 23),
    ("sembilan puluh sembilan", 99),
    ("seratus", 100),
    ("seratus dua puluh lima", 125),
    ("tiga ratus", 300),
    ("seribu", 1000),
    ("tiga ribu lima ratus", 3500),
    ("tiga ratus ribu", 300000),
    ("satu juta", 1000000),
    ("sejuta", 1000000),
    ("setengah juta", 500000),
    ("dua juta tiga ratus ribu", 2300000),
    ("Dua Puluh", 20),
])
def test_numbers_parse_best(text, best):
    assert parse_int(text, LANG) == best


@pytest.mark.parametrize("text,low,high", [
    ("belasan", 11, 19),
    ("puluhan", 20, 99),
    ("ratusan", 200, 999),
    ("ribuan", 2000, 9999),
    ("jutaan", 2000000, 9999999),
    ("puluhan ribu", 20000, 99999),
    ("ratusan ribu", 200000, 999999),
])
def test_numbers_parse_approximate_range(text, low, high):
    amount = parse_amount(text, LANG)
    assert (amount.low, amount.best, amount.high) == (low, None, high)
    assert amount.approximate


@pytest.mark.parametrize("text", [
    "", "dua dua", "puluh", "belas", "ribu ribu", "1.50", "12.3456", "5 kilometer", "setengah",
    "ribu juta", "satu puluhan", "abc", "nol belas",
])
def test_numbers_parse_rejects(text):
    assert parse_amount(text, LANG) is None


@pytest.mark.parametrize("text,found", [
    ("sedikitnya 96 orang tewas", [96]),
    ("23 tentara dan satu warga sipil", [23, 1]),
    ("pukul 12:34 WIB", []),
    ("skor 1/2 juta", []),
    ("satu-satunya jalan", []),
    ("5.000 orang. Lima orang lainnya", [5000, 5]),
    ("dua puluh tiga tentara", [23]),
    ("Hampir satu juta orang", [1000000]),
    ("sebanyak 1,2 juta warga", [1200000]),
    # the approximate suffix on a scale word after digits keeps the digits' value
    ("sekitar 3 ribuan orang", [3000]),
    ("60 jutaan orang per tahun", [60000000]),
    ("1,5 jutaan warga", [1500000]),
    ("3 ribuannya", [3]),
])
def test_numbers_find_in_text(text, found):
    values = [a.best for _, _, a in find_numbers(text, LANG)]
    assert values == found


@pytest.mark.parametrize("text,found", [
    # words that are prefixes of other words match whole, the longer word first
    # (a scale word alone is no number; a word run that does not parse whole is cut to its longest prefix)
    ("ribuan orang dan ribu", ["ribuan"]),
    ("jutaan warga, sejuta warga, juta", ["jutaan", "sejuta"]),
    ("puluhan ribu orang", ["puluhan ribu"]),
    ("Seratus Sebelas Setengah juta", ["Seratus Sebelas"]),
    ("SEMBILAN BELAS tentara", ["SEMBILAN BELAS"]),
    ("sebelasan sepuluhnya rbx", []),
    ("3 rb orang, 2 jt warga, 4 miliar", ["3 rb", "2 jt", "4 miliar"]),
    ("dua-duanya, tiga puluh", ["tiga puluh"]),
])
def test_numbers_find_whole_words(text, found):
    assert [text[s:e] for s, e, _ in find_numbers(text, LANG)] == found


def test_numbers_find_offsets_cut_the_text():
    text = "Serangan menewaskan dua puluh tiga orang dan 1.500-an warga mengungsi."
    for start, end, _ in find_numbers(text, LANG):
        assert parse_amount(text[start:end], LANG) is not None


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10 ** 9))
def test_numbers_round_trip_separators(n):
    assert parse_int(format_number(n, LANG), LANG) == n
    assert parse_int(str(n), LANG) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from([("ribu", 1000), ("juta", 10 ** 6)]))
def test_numbers_round_trip_scale_words(n, scale):
    word, factor = scale
    assert parse_int(f"{n} {word}", LANG) == n * factor
    assert parse_int(f"{format_number(n, LANG)} {word}", LANG) == n * factor


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9))
def test_numbers_round_trip_decimal_scale(whole, tenth):
    assert parse_int(f"{whole},{tenth} juta", LANG) == whole * 10 ** 6 + tenth * 10 ** 5


UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _words(n: int) -> str:
    """A reference speller for numbers below a million, written independently of the parser."""
    if n >= 1000:
        head, rest = divmod(n, 1000)
        lead = "seribu" if head == 1 else f"{_words(head)} ribu"
        return f"{lead} {_words(rest)}".strip()
    if n >= 100:
        head, rest = divmod(n, 100)
        lead = "seratus" if head == 1 else f"{UNITS[head]} ratus"
        return f"{lead} {_words(rest)}".strip()
    if n >= 20:
        head, rest = divmod(n, 10)
        return f"{UNITS[head]} puluh {UNITS[rest]}".strip()
    if n >= 12:
        return f"{UNITS[n - 10]} belas"
    return {10: "sepuluh", 11: "sebelas"}[n] if n >= 10 else UNITS[n]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_numbers_round_trip_words(n):
    assert parse_int(_words(n), LANG) == n


def test_numbers_amount_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Amount(best=1).best = 2
