"""The actor scanner's folding and per-article scan: same matches as folding each sentence."""
from __future__ import annotations

import pytest

from warta.extract.actors import _fold, extract_actors, scan_atoms
from warta.lang import load_language
from warta.model import Article
from warta.resolve.actors import actor_lexicon
from warta.segment import segment

LANG = load_language("id")


def _fold_each(text: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@pytest.mark.parametrize("text", [
    "Presiden AS Donald Trump bertemu Xi Jinping.",
    "Menteri Luar Negeri RI Retno Marsudi tiba di Phnom Penh.",
    "İstanbul dan İzmir diguncang gempa",          # "İ".lower() is two characters: kept as written
    "ΟΔΥΣΣΕΥΣ dan Σ di tengah kata ΣΟΦΙΑ",          # capital sigma lowers by context: char by char
    "Straße, ẞ dan ǅ di Köln; ÅNGSTRÖM",
    "",
    "angka 123 tanpa huruf besar",
])
def test_actors_fold_keeps_length_and_lowers_each_character(text):
    folded = _fold(text)
    assert len(folded) == len(text)
    assert folded == _fold_each(text)


@pytest.mark.parametrize("text", [
    "Menteri Luar Negeri Amerika Serikat (Menlu AS) Marco Rubio bertemu Menlu China Wang Yi. "
    "Kedua menteri membahas tarif.",
    "Israel menyerang Gaza.\nHamas membalas serangan Israel di İstanbul.",
    "Tentara Thailand dan Kamboja kembali bentrok. PBB meminta kedua negara menahan diri.",
])
def test_actors_scan_atoms_same_with_the_article_folded_once(text):
    lex = actor_lexicon(LANG)
    doc = segment(Article(id="x", text=text), LANG)
    folded = _fold(text)
    for s in doc.sentences:
        alone = scan_atoms(text[s.start:s.end], lex, base=s.start)
        shared = scan_atoms(text[s.start:s.end], lex, base=s.start, folded=folded[s.start:s.end])
        assert shared == alone
    assert extract_actors(doc, LANG)       # the phrases above name actors
