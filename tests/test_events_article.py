"""Article-level views of the event coder: the whole-word text the sport check scans."""
from __future__ import annotations

import re

import pytest

from warta.events.article import word_text

WORD_TEXT_ROWS = [
    "Timnas menang 2-1 di laga final, kata pelatih.",
    "“Gol!” teriak kiper (22) — skor: 3/1; [babak] #liga 50% & @klub $5 + 1",
    "sepak-bola, bulu  tangkis\n\npiala\tdunia",
    "  ...awal dan akhir...  ",
    "",
    "...",
    "snake_case dan __dunder__ _",
    "harga €5 naik © 2024 • laporan… ±3 × 2",
    "kata\u00a0tak\u200bterpisah\u200eini",
    "Erdoğan, Đoković: ﬁnal ½ ² ³",
    "tab\x0bvertical\x1cfile\x85next\u2028line",
]


@pytest.mark.parametrize("text", WORD_TEXT_ROWS, ids=range(len(WORD_TEXT_ROWS)))
def test_events_article_word_text_equals_substitution(text):
    """The words, joined by single spaces and padded, are those of substituting every run of
    non-word characters by a space."""
    assert word_text(text) == " " + " ".join(re.sub(r"\W+", " ", text).split()) + " "


SPORT_TEXT_ROWS = WORD_TEXT_ROWS + [
    "Pelatih timnas memuji kiper; wasit memberi kartu di babak kedua.",
    "Final bulu-tangkis SEA Games: juara (piala) di stadion.",
    "sea games,sepak bola,futsal!laga",
    "Golongan bekas pelatihan klubnya: bukan kata olahraga.",
]


@pytest.mark.parametrize("text", SPORT_TEXT_ROWS, ids=range(len(SPORT_TEXT_ROWS)))
def test_events_article_sport_cues_found_as_by_substitution(text):
    from warta.events.lexicon import load_lexicon
    from warta.lang import load_language
    cues = load_lexicon(load_language("id")).sport_cues
    low = text.lower()
    expected = {cue for _, cue in cues.iter(" " + re.sub(r"\W+", " ", low) + " ")}
    assert {cue for _, cue in cues.iter(word_text(low))} == expected
