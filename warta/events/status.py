"""Status of an event (asserted, planned, intend, negated, hypothetical, claimed) and who said it."""
from __future__ import annotations

from dataclasses import dataclass

from warta.events.lexicon import EventLexicon, StatusCue
from warta.events.triggers import TriggerMatch
from warta.model import Sentence, Span

# When several cues apply, the first status here wins.
PRECEDENCE = ("hypothetical", "negated", "claimed", "planned", "intend")
NOUN_WINDOW = 1
AFTER_LIMIT = 10
_CLAUSE_END = frozenset({".", ";", "!", "?"})
_SPEAKER_END = frozenset({",", ".", ";", '"', "“", "”", "(", ")", "!", "?", ":"})
_OPENERS = frozenset({",", '"', "“", "”", "'", "."})


@dataclass(frozen=True)
class Attribution:
    """A speaker in a sentence. ``side``: after ("kata X"), before ("X mengatakan"), media."""
    cue: int            # token index of the cue's first word
    side: str
    first: int          # token range of the speaker
    last: int
    text: str
    span: Span | None


def _matches(words: tuple[str, ...], at: int, cue: tuple[str, ...]) -> bool:
    return words[at:at + len(cue)] == cue


def find_attributions(sentence: Sentence, words: tuple[str, ...], lexicon: EventLexicon,
                      slot_ranges: list[tuple[int, int]]) -> list[Attribution]:
    out = []
    n = len(words)
    after = lexicon.attribution_after
    for i, w in enumerate(words):
        for cue in after.get(w, ()):
            if not _matches(words, i, cue):
                continue
            media = cue in lexicon.attribution_media
            if not media and cue != ("menurut",) and i > 0 and words[i - 1] not in _OPENERS and len(cue) == 1:
                continue
            lo = i + len(cue)
            slot = next((r for r in slot_ranges if lo <= r[0] <= lo + 1), None)
            if slot is not None:
                hi = slot[1] + 1
            else:
                hi = lo
                while hi < n and words[hi] not in _SPEAKER_END and hi - lo < 6:
                    hi += 1
            if hi > lo:
                side = "media" if media else "after"
                out.append(_speaker(sentence, i, side, lo, hi - 1))
        if w in lexicon.attribution_before:
            near = _before_apposition(words, i, slot_ranges, lexicon) or \
                [r for r in slot_ranges if r[1] < i and i - r[1] <= 2]
            if near:
                lo, hi = near[-1]
                out.append(_speaker(sentence, i, "before", lo, hi))
    return out


APPOSITION_MAX = 12     # words of a relative clause set off by commas between speaker and verb


def _before_apposition(words: tuple[str, ...], cue: int, slot_ranges: list[tuple[int, int]],
                       lexicon: EventLexicon) -> list[tuple[int, int]]:
    """The speaker of "X, yang …, mengatakan": the actor right before a relative clause set off
    by commas that closes just before the verb of saying."""
    if cue < 2 or words[cue - 1] != ",":
        return []
    for j in range(cue - 2, max(0, cue - 3 - APPOSITION_MAX), -1):
        if words[j] in _CLAUSE_END or words[j] in ('"', "“", "”"):
            return []
        if words[j] == "," and j + 1 < cue - 1 and words[j + 1] in lexicon.relative:
            return [r for r in slot_ranges if r[1] == j - 1]
        if words[j] == ",":
            return []
    return []


def _speaker(sentence: Sentence, cue: int, side: str, first: int, last: int) -> Attribution:
    toks = sentence.tokens
    start, end = toks[first].start, toks[last].end
    text = sentence.text[start - sentence.start:end - sentence.start]
    return Attribution(cue, side, first, last, text, Span(start, end, text))


def event_status(words: tuple[str, ...], trig: TriggerMatch, lexicon: EventLexicon) -> str:
    """The status the cues around ``trig`` give it; "asserted" when none applies."""
    found = set()
    clause_start = trig.first
    while clause_start > 0 and words[clause_start - 1] not in _CLAUSE_END:
        clause_start -= 1
    near = words[clause_start:trig.first] + words[trig.last + 1:trig.last + 1 + AFTER_LIMIT]
    by_word = lexicon.status_by_word
    for w in set(near):
        for cue in by_word.get(w, ()):
            if cue.status not in found and _applies(words, trig, cue, clause_start, lexicon):
                found.add(cue.status)
    for status in PRECEDENCE:
        if status in found:
            return status
    return "asserted"


def _applies(words: tuple[str, ...], trig: TriggerMatch, cue: StatusCue, clause_start: int,
             lexicon: EventLexicon) -> bool:
    k = len(cue.words)
    if cue.scope == "clause":
        lo, hi = clause_start, trig.first - k
    elif cue.scope == "before":
        window = cue.window
        if trig.voice in ("noun", "bare") and cue.status in ("planned", "intend"):
            window = min(window, NOUN_WINDOW)     # "berupaya mengakhiri pertempuran": the aim is the verb's
        lo, hi = max(clause_start, trig.first - window - k + 1), trig.first - k
        if _punct_between(words, lo, trig.first):
            lo = _after_last_punct(words, lo, trig.first)
    elif cue.scope == "after":
        if trig.voice not in ("noun", "bare"):
            return False
        lo, hi = trig.last + 1, min(len(words) - k, trig.last + cue.window)
        if _punct_between(words, lo, hi + k):
            hi = min(hi, _first_punct(words, lo, hi + k) - k)
    else:
        return False
    for i in range(max(lo, 0), hi + 1):
        if words[i:i + k] != cue.words:
            continue
        if cue.status == "negated" and i + k < len(words) and words[i + k] in lexicon.negation_exceptions:
            continue             # "tidak hanya menyerang …"
        return True
    return False


def _punct_between(words, lo, hi) -> bool:
    return any(w in (",", ";", ".", ":", '"', "“", "”") for w in words[lo:hi])


def _after_last_punct(words, lo, hi) -> int:
    for i in range(hi - 1, lo - 1, -1):
        if words[i] in (",", ";", ".", ":", '"', "“", "”"):
            return i + 1
    return lo


def _first_punct(words, lo, hi) -> int:
    for i in range(lo, hi):
        if words[i] in (",", ";", ".", ":", '"', "“", "”"):
            return i
    return hi
