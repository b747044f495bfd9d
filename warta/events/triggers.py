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


def _one_word_per_space(words: list[str], text: str, pad: int) -> bool:
    """Whether ``text`` (``words`` joined by single spaces, with ``pad`` spaces before and after)
    holds no space but the separators: then the word a character belongs to is the number of
    spaces before it (a C-level count, instead of a table of word starts built per sentence)."""
    return text.count(" ") == len(words) - 1 + 2 * pad


def _stems(words: list[str], lexicon: EventLexicon) -> list[str]:
    """Stems of the words that may belong to a stem entry; other words stay as written."""
    if lexicon.stem_filter is None:
        return words
    text = " ".join(words)
    ends = [end for end, _ in lexicon.stem_filter.iter(text)]
    if not ends:
        return words
    if _one_word_per_space(words, text, 0):
        candidates = {text.count(" ", 0, end) for end in ends}
    else:
        offsets = list(accumulate((len(w) + 1 for w in words[:-1]), initial=0))
        candidates = {bisect_right(offsets, end) - 1 for end in ends}
    stem = lexicon.stemmer.stem
    return [stem(w) if i in candidates else w for i, w in enumerate(words)]


def _word_spans(seq: list[str], text: str, matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(first, last) word of each match in ``text`` (``seq`` joined by spaces, one more space
    before and after), a match given as (end index, length) of a key " w1 w2 "."""
    if _one_word_per_space(seq, text, 1):
        return [(text.count(" ", 0, end - length + 2) - 1, text.count(" ", 0, end + 1) - 2)
                for end, length in matches]
    starts = list(accumulate((len(w) + 1 for w in seq), initial=1))
    return [(bisect_left(starts, end - length + 2), bisect_left(starts, end + 1) - 1)
            for end, length in matches]


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
        text = " " + " ".join(seq) + " "       # keys are " w1 w2 ": whole words only
        matches = list(automaton.iter(text))
        if not matches:
            continue
        spans = _word_spans(seq, text, [(end, length) for end, (length, _) in matches])
        for (first, last), (_, (_, entry)) in zip(spans, matches):
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
