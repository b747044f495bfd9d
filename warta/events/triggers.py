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


QUANTITY_GAP = 4     # words of a quantity between a verb and its object ("lebih dari 3,5 juta")


def _is_number(word: str, lexicon: EventLexicon) -> bool:
    return word[:1].isdigit() or word in lexicon.number_words


def _is_quantity(word: str, lexicon: EventLexicon) -> bool:
    return word[:1].isdigit() or word in lexicon.quantity_words


def _quantity_gaps(words: list[str], heads: set[str], lexicon: EventLexicon) -> list[tuple[int, int]]:
    """(start, end) word ranges of quantities standing right after ``heads``, the first words of
    verb-object triggers the sentence holds ("mengerahkan 2.000 pasukan"): at most
    ``QUANTITY_GAP`` quantity words, a number among them, and a word after them."""
    gaps = []
    for head in heads:
        i = words.index(head)
        while True:
            j = i + 1
            while j < len(words) and _is_quantity(words[j], lexicon):
                j += 1
            if i + 1 < j < len(words) and j - i - 1 <= QUANTITY_GAP and \
                    any(_is_number(w, lexicon) for w in words[i + 1:j]):
                gaps.append((i + 1, j))
            try:
                i = words.index(head, i + 1)
            except ValueError:
                break
    return sorted(gaps)


def _across_quantities(words: list[str], lexicon: EventLexicon) -> list[tuple[float, int, int, TriggerEntry]]:
    """Exact multi-word triggers read with the quantity after their verb left out
    ("mempersiapkan 3,5 juta tentara" is "mempersiapkan tentara"), spanning the quantity."""
    heads = lexicon.gap_heads.intersection(words)
    if not heads:
        return []
    gaps = _quantity_gaps(words, heads, lexicon)
    if not gaps:
        return []
    skipped = {k for a, b in gaps for k in range(a, b)}
    index = [k for k in range(len(words)) if k not in skipped]
    seq = [words[k] for k in index]
    text = " " + " ".join(seq) + " "
    matches = list(lexicon.automata["exact"].iter(text))
    if not matches:
        return []
    spans = _word_spans(seq, text, [(end, length) for end, (length, _) in matches])
    starts = {a for a, _ in gaps}
    out = []
    for (first, last), (_, (_, entry)) in zip(spans, matches):
        if last > first and index[first] + 1 in starts and index[first + 1] > index[first] + 1:
            out.append((index[first] - index[last] - 0.5, index[first], index[last], entry))
    return out


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
    found.extend(_across_quantities(bare, lexicon))
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
