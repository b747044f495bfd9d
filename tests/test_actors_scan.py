"""The actor scanner's folding and per-article scan: same matches as folding each sentence."""
from __future__ import annotations

import pytest

from warta.extract.actors import _fold, extract_actors, scan_atoms
from warta.lang import load_language
from warta.model import Article
from warta.resolve.actors import actor_lexicon, split_automata
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


def _two_automata(text: str) -> list[tuple]:
    """The dictionary words as two scans find them: written forms over the text, lowercase forms
    over its folded copy."""
    from warta.extract.actors import _PRIORITY, _bounded
    found = []
    exact, folded = split_automata(LANG)
    for automaton, hay in ((exact, text), (folded, _fold(text))):
        for end_idx, (length, entries) in automaton.iter(hay):
            start, end = end_idx - length + 1, end_idx + 1
            if _bounded(text, start, end):
                entry = min(entries, key=lambda e: _PRIORITY[e.kind])
                found.append((start, end, _PRIORITY[entry.kind], entry))
    return sorted(found, key=lambda f: (f[0], -(f[1] - f[0]), f[2]))


@pytest.mark.parametrize("text", [
    "Presiden AS Donald Trump bertemu Xi Jinping.",
    "Ia datang as is, lalu menteri luar negeri AS dan PBB bicara.",     # "AS" is written, not folded
    "MENTERI LUAR NEGERI Indonesia dan Menlu RI tiba di Beijing.",
    "İstanbul dan İzmir diguncang gempa, kata Kemlu Turki.",
    "ΟΔΥΣΣΕΥΣ dan Σ di tengah kata ΣΟΦΙΑ bersama tentara Israel",
    "Hamas, hamas dan HAMAS; polisi Polisi POLISI",
    "",
])
def test_actors_scan_one_pass_finds_what_two_automata_find(text):
    from warta.extract.actors import _dictionary_words
    lex = actor_lexicon(LANG)
    one = sorted(_dictionary_words(text, lex, _fold(text)), key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    assert one == _two_automata(text)


def _title_case_by_split(text: str, phrase_start: int, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:phrase_start] + " " + text[pos:end if end >= 0 else len(text)]
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 5 and sum(1 for w in words if w[:1].isupper()) / len(words) > 0.6


@pytest.mark.parametrize("text", [
    "Presiden Meksiko Alami Pelecehan Seksual Di Jalan Raya Kota\nIsi berita di sini.",
    "Menteri Luar Negeri AS Marco Rubio bertemu dengan rekannya di Kuala Lumpur pada Kamis.",
    "Judul (Berita) «Besar» Ⅳ Ⅴ ²x Ǆemal\u00a0Rr\u2003Qq Dan Lain",
    "a b c d e f",
])
def test_actors_title_case_line_counts_words_like_split(text):
    from warta.extract.actors import _title_case_line
    for a in range(len(text) + 1):
        for b in range(a, min(len(text), a + 25) + 1):
            assert _title_case_line(text, a, b) == _title_case_by_split(text, a, b)


@pytest.mark.parametrize("before, expected", [
    ("Bandar ", False),                      # the first word of its sentence
    ("di kota Bandar ", True),
    ("Pejabat Bandar ", True),
    ("kata Bandar, ", False),
    ("tiba. Bandar ", False),
    ("  \u00a0ke Bandar ", True),
    ("Bandar", False),                       # no space before the name
])
def test_actors_after_capitalised_word_reads_the_last_two_words(before, expected):
    from warta.extract.actors import after_capitalised_word
    assert after_capitalised_word(before, ".!?\"“”") is expected
