"""Place extraction given the actor layer: the same places as when it finds the actors itself."""
from __future__ import annotations

import pytest

from warta.extract.actors import extract_actors
from warta.extract.places import _overlaps_taken, extract_places
from warta.lang import load_language
from warta.model import Article
from warta.segment import segment

LANG = load_language("id")


@pytest.mark.parametrize("text, names", [
    ("Ledakan terjadi di Kabul, Afganistan. Presiden Ashraf Ghani mengecam serangan itu.", {"Kabul"}),
    ("Pasukan Rusia menyerang Kharkiv. Warga mengungsi ke Polandia.", {"Kharkiv"}),
    ("Banjir melanda Semarang dan Demak di Jawa Tengah.", {"Semarang", "Demak"}),
    ("Harga cabai naik tajam menjelang Lebaran.", set()),             # no actor, no place
])
def test_places_extract_with_the_actor_layer_given(text, names):
    doc = segment(Article(id="x", text=text), LANG)
    actors = extract_actors(doc, LANG)
    given = extract_places(doc.with_layer(actors=actors), LANG, actors=actors)
    assert given == extract_places(doc, LANG)
    assert names <= {p.span.text for p in given}


TAKEN = [(0, 5), (8, 12), (20, 26)]


@pytest.mark.parametrize("start, end, overlaps", [
    (5, 8, False), (4, 6, True), (12, 20, False), (11, 13, True), (25, 30, True), (26, 40, False),
    (0, 1, True), (-3, 0, False), (13, 19, False), (2, 22, True),
])
def test_places_overlaps_taken(start, end, overlaps):
    assert _overlaps_taken(start, end, TAKEN) is overlaps
    assert overlaps == any(a < end and start < b for a, b in TAKEN)
    assert not _overlaps_taken(start, end, [])



@pytest.mark.parametrize("text", [
    "Israel menyerang Rafah dan Khan Younis. Warga Gaza mengungsi ke Deir al-Balah.",
    "Presiden tiba di Phnom Penh.\nKamboja dan Thailand bertemu di Kuala Lumpur, Malaysia.",
    "Serangan di Kota Gaza.Sementara itu di Tel Aviv sirene berbunyi.",   # no space after the stop
    "Pertemuan di Den Haag, Belanda. Den Haag menjadi tuan rumah.",
    "",
])
def test_places_scan_of_the_article_same_as_each_sentence(text):
    from warta.extract.places import _scan, _scan_sentences
    from warta.resolve.places import gazetteer
    gaz = gazetteer(LANG)
    doc = segment(Article(id="x", text=text), LANG)
    assert _scan_sentences(text, doc.sentences, gaz) == [_scan(text, s.start, s.end, gaz)
                                                         for s in doc.sentences]


@pytest.mark.parametrize("text, surnames", [
    ("Joko Widodo Santoso tiba.", {"Widodo", "Santoso"}),          # overlapping pairs
    ("Peter Stafford berkata. Kemudian Stafford pergi.", {"Stafford"}),
    ("xPeter Stafford dan _Ana Maria", set()),                      # a pair starts at a word boundary
    ("PETER STAFFORD dan Ana maria", set()),
    ("Ana Maria", {"Maria"}),
])
def test_places_surnames_are_last_words_of_capitalised_pairs(text, surnames):
    from warta.extract.places import _surnames
    from warta.resolve.places import gazetteer
    assert _surnames(text, gazetteer(LANG)) == surnames


def _every_match_then_bounded(text: str, gaz) -> list[tuple[int, int, str, str]]:
    """Every automaton match as (start, end, spelling, source), then the bounded ones kept: what
    ``_names`` returns, filtering each match as it is found."""
    from warta.extract.places import _bounded
    found = [(e - len(name) + 1, e + 1, name, "alias") for e, name in gaz.alias_automaton.iter(text)] \
        if len(gaz.alias_automaton) else []
    for e, idx in gaz.automaton.iter(text):
        name = gaz.keys[idx].split("\t", 1)[0]
        found.append((e - len(name) + 1, e + 1, name, "gazetteer"))
    return [f for f in found if _bounded(text, f[0], f[1])]


@pytest.mark.parametrize("text", [
    "Israel menyerang Rafah dan Khan Younis. Warga Gaza mengungsi ke Deir al-Balah.",
    "Jakarta-Bandung ditempuh dua jam; JakartaBandung bukan nama kota.",   # hyphen and glued words
    "Pasukan Rusia menyerang Kharkiv, Kyiv dan Odesa.",
    "Semarang",                                                       # a name filling the text
    "Di Kota Gaza.Sementara itu di Tel Aviv sirene berbunyi.",
    "Perundingan Menlu di Jakarta, Pemerintah Sementara dan Kepulauan Seribu",   # prefixes of words
    "",
])
def test_places_names_same_as_every_match_then_bounded(text):
    from warta.extract.places import _names
    from warta.resolve.places import gazetteer
    gaz = gazetteer(LANG)
    assert _names(text, gaz) == _every_match_then_bounded(text, gaz)
