"""The pre-check: pieces of text without which a sentence holds no figure.

Most sentences, and most articles, hold no word for what happened to people; finding that with one
automaton pass over the lowercase article lets ``extract_figures`` skip them, and skip the actor and
place layers that only a figure's side and claimant need. The check never loses a figure: every way
a figure gets its kind (``cue_automaton``) needs one of the pieces inside the figure's sentence.
"""
from __future__ import annotations

import ahocorasick

# Letters that ``re.IGNORECASE`` matches in a character whose ``str.lower`` is another ("ı" and "İ"
# match "i", "ſ" matches "s"): a word with one of them may be written in a way lowercase text does
# not show. Every other ASCII letter matches only its own two cases and the Kelvin sign, which
# ``str.lower`` maps to "k" too (``tests/test_figures.py`` checks this over all of Unicode).
CASE_UNSAFE_LETTERS = frozenset("is")


def cue_automaton(after: list[str], before, totals, implying: list[str]) -> ahocorasick.Automaton | None:
    """Lowercase pieces of text that every figure's kind word contains, one of them inside the
    figure's sentence; a sentence with none of them holds no figure (``cue_starts``).

    A figure has a kind from a word after its group (the whole phrase, as written: ``kind_after``
    and ``kind_after_name`` match case-sensitively), from a phrase before its count (any of its
    words: ``kind_word_before`` compares words, the first one with its first letter lowered), from the
    noun of its group ("pengungsi", as written), from a total named before the count (any word of
    the total's name that no other character matches case-insensitively: ``total_re`` ignores
    case), or from another count of its sentence that has one. None when a total's name has no such
    word: then every sentence is read."""
    pieces = {p.lower() for p in after} | {p.lower() for p in implying}
    pieces |= {max(p.split(), key=len).lower() for p in before}
    for total in totals:
        safe = [w for w in total.lower().split() if not CASE_UNSAFE_LETTERS & set(w) and w.isascii()]
        if not safe:
            return None
        pieces.add(max(safe, key=len))
    pieces = {p for p in pieces if not any(q != p and q in p for q in pieces)}   # "tewas" finds "korban tewas"
    automaton = ahocorasick.Automaton()
    for piece in pieces:
        automaton.add_word(piece, len(piece))
    automaton.make_automaton()
    return automaton


def cue_starts(text: str, cues: ahocorasick.Automaton | None) -> list[int] | None:
    """Sorted offsets in ``text`` where a piece of a kind word starts (``cues``: the automaton of
    ``cue_automaton``), found in the lowercase text; None when that cannot be told (no automaton,
    or lowercasing changes the text's length, so offsets would shift)."""
    low = text.lower()
    if cues is None or len(low) != len(text):
        return None
    return sorted(end - length + 1 for end, length in cues.iter(low))
