"""Find event triggers in a sentence: whole-token matches of the lexicon, longest first."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from dataclasses import dataclass

from warta.events.lexicon import CLITIC_MIN_WORD, EventLexicon, TriggerEntry, strip_clitic, voice_of
from warta.model import Sentence
from warta.segment import token_texts

_VOICE_OF_POS = {"verb": "active", "passive": "passive", "noun": "noun"}


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a sentence: tokens ``first..last`` (inclusive) and its voice."""
    entry: TriggerEntry
    first: int
    last: int
    start: int         # character offsets in the article text
    end: int
    voice: str         # active, passive, noun, bare


def _render(words: list[str]) -> tuple[str, list[int]]:
    """' w1 w2 … ' and the index in it where each word starts."""
    starts = list(accumulate((len(w) + 1 for w in words), initial=1))
    return " " + " ".join(words) + " ", starts


def _stems(words: list[str], lexicon: EventLexicon) -> list[str]:
    """Stems of the words that may belong to a stem entry; other words stay as written."""
    if lexicon.stem_filter is None:
        return words
    text = " ".join(words)
    offsets, pos = [], 0
    for w in words:
        offsets.append(pos)
        pos += len(w) + 1
    candidates = {bisect_right(offsets, end) - 1 for end, _ in lexicon.stem_filter.iter(text)}
    if not candidates:
        return words
    stem = lexicon.stemmer.stem
    return [stem(w) if i in candidates else w for i, w in enumerate(words)]


def find_triggers(sentence: Sentence, lexicon: EventLexicon) -> list[TriggerMatch]:
    """Non-overlapping trigger matches of one sentence, in text order (blockers removed)."""
    words = [w.lower() for w in token_texts(sentence.text)]   # the tokens themselves only on a match
    if not words:
        return []
    found: list[tuple[int, int, int, TriggerEntry]] = []   # (-length, first, last, entry)
    bare = [w if len(w) < CLITIC_MIN_WORD else strip_clitic(lexicon, w) for w in words]
    for kind, seq in (("exact", bare), ("stem", _stems(words, lexicon))):
        automaton = lexicon.automata[kind]
        if not len(automaton):
            continue
        text, starts = _render(seq)
        for end, (length, entry) in automaton.iter(text):
            first = bisect_left(starts, end - length + 2)     # keys are " w1 w2 ": whole words only
            last = bisect_left(starts, end + 1) - 1
            found.append((first - last - (kind == "exact") * 0.5, first, last, entry))
    if not found:
        return []
    tokens = sentence.tokens
    found.sort(key=lambda f: (f[0], f[1]))
    taken: set[int] = set()
    chosen: list[TriggerMatch] = []
    for _, first, last, entry in found:
        span = range(first, last + 1)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        if entry.event_type is None:
            continue
        voice = _VOICE_OF_POS.get(entry.pos) or voice_of(lexicon, words[first])
        chosen.append(TriggerMatch(entry, first, last, tokens[first].start, tokens[last].end, voice))
    chosen.sort(key=lambda m: m.first)
    return chosen
