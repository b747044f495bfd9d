"""The gazetteer build rules and the shipped gazetteer files."""
from __future__ import annotations

import pytest

from warta.lang import load_language
from warta.resolve.gazetteer_build import plausible_alternate, spellings, usable
from warta.resolve.places import candidates, gazetteer

LANG = load_language("id")


@pytest.mark.parametrize("variant,ok", [
    ("Phnom Penh", True), ("Stueng Traeng", True), ("Kyiv", True),
    ("PNH", False),            # an airport code
    ("ka pan", False),         # lowercase transliteration
    ("Пном Пен", False),       # not Latin script
    ("Xy", False),             # too short
    ("A B C D E", False),      # too many words
])
def test_places_gazetteer_usable_spelling(variant, ok):
    assert usable(variant) is ok


@pytest.mark.parametrize("name,alternate,ok", [
    ("Kyiv", "Kiev", True),
    ("Stung Treng", "Stoeng Treng", True),
    ("Topeka", "Google", False),     # GeoNames lists nicknames that match common words
    ("Damascus", "Sham", False),
    ("Ganzhou", "Kan", False),
])
def test_places_gazetteer_plausible_alternate(name, alternate, ok):
    assert plausible_alternate(name, alternate) is ok


def test_places_gazetteer_spellings_fold_accents():
    assert "Khan Yunis" in spellings("Khān Yūnis", [])


@pytest.mark.parametrize("spelling,country", [
    ("Vardenis", "ARM"), ("Chanthaburi", "THA"), ("Stueng Traeng", "KHM"), ("Surabaya", "IDN"),
])
def test_places_gazetteer_shipped_file_has(spelling, country):
    assert country in {c.place.country for c in candidates(spelling, gazetteer(LANG))}


def test_places_gazetteer_country_centres():
    lat, lon = gazetteer(LANG).centres["KHM"]
    assert 10 < lat < 15 and 102 < lon < 108
