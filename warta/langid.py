"""Language identification per article, with lingua.

The detector knows the languages warta has data for (``warta.lang.available_languages()``) plus
English and Malay, so that articles in those two are recognised (and skipped) rather than forced
into Indonesian. It is built once per process (``functools.lru_cache``) and reads a bounded prefix
of the text: a short first pass, and a longer second one only when the first finds a language
without data (Indonesian and Malay are hard to tell apart on a few hundred characters).

Most articles never reach the detector: when the longer prefix is plainly written in a supported
language (``langid_function_words.txt``: many of its function words, none of English) and shows too
few words of its close languages to be one of them, every path through the detector ends in that
language, so it is chosen at once.
"""
from __future__ import annotations

import functools
import re

import ahocorasick

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from warta.lang import Language as Data, available_languages, load_language

EXTRA_LANGUAGES = ("en", "ms")   # recognised so that they are not mistaken for a supported one
FIRST_PASS_CHARS = 300           # characters examined first: enough for most articles
SECOND_PASS_CHARS = 3000         # examined again when the first pass finds no supported language
CLOSE_FILE = "meta_close_languages.tsv"
MIN_CLOSE_WORDS = 2              # distinct words of a close language needed to believe the detector
NEAR_RATIO = 0.4                 # a supported language this close to the top one is chosen
MIN_LETTERS = 12                 # fewer letters than this: too little to tell
FUNCTION_FILE = "langid_function_words.txt"
MIN_FUNCTION_WORDS = 10          # distinct function words of a language needed to skip the detector
MIN_FUNCTION_SHARE = 0.12        # and the share of the prefix's words they make up
# MIN_LETTERS letters (``[^\W\d_]``), each after any run of other characters: matches at the start
# of a text exactly when it has that many letters, and stops reading at the last one it needs
_ENOUGH_LETTERS = re.compile(rf"(?:[\W\d_]*[^\W\d_]){{{MIN_LETTERS}}}")
_WORDS = re.compile(r"[^\W\d_]+")


def _lingua(code: str) -> Language | None:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except (AttributeError, ValueError):
        return None


@functools.lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    languages = [lang for lang in map(_lingua, codes) if lang is not None]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def candidate_languages() -> tuple[str, ...]:
    """ISO 639-1 codes the detector chooses among."""
    return tuple(sorted({*available_languages(), *EXTRA_LANGUAGES}))


def _close_words(data: Data) -> dict[str, frozenset[str]]:
    rows = data.table(CLOSE_FILE) if data.has(CLOSE_FILE) else []
    out: dict[str, set[str]] = {}
    for row in rows:
        out.setdefault(row["language"], set()).add(row["word"].casefold())
    return {code: frozenset(words) for code, words in out.items()}


def _claimed_by_close_language(text: str, code: str, supported: set[str]) -> str | None:
    """A supported language that lists ``code`` as close, when the text shows too few words of
    ``code`` to overrule it."""
    words = set(_WORDS.findall(text.casefold()))
    for other in sorted(supported):
        close = load_language(other).compiled("langid_close", _close_words).get(code)
        if close is not None and len(close & words) < MIN_CLOSE_WORDS:
            return other
    return None


def _function_words(data: Data) -> frozenset[str]:
    if not data.has(FUNCTION_FILE):
        return frozenset()
    return frozenset(w.casefold() for w in data.lines(FUNCTION_FILE))


def _close_automaton(data: Data) -> ahocorasick.Automaton | None:
    """Every close-language word of ``data``, found anywhere (also inside longer words)."""
    words = {w for shown in data.compiled("langid_close", _close_words).values() for w in shown}
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton


def _few_close_words(data: Data, sample: str) -> bool:
    """Whether ``sample`` (casefolded) shows fewer than ``MIN_CLOSE_WORDS`` words of each close
    language of ``data``: the test of ``_claimed_by_close_language``, on the same text. Close words
    found as substrings are at least as many as those found as words, so fewer than the minimum
    substrings settles it without splitting the sample into words."""
    automaton = data.compiled("langid_close_automaton", _close_automaton)
    if automaton is None or not _distinct_at_least(automaton.iter(sample), MIN_CLOSE_WORDS):
        return True
    words = set(_WORDS.findall(sample))
    close = data.compiled("langid_close", _close_words)
    return all(len(shown & words) < MIN_CLOSE_WORDS for shown in close.values())


def _distinct_at_least(found, n: int) -> bool:
    """Whether the (position, word) pairs ``found`` hold ``n`` distinct words (read no further)."""
    if n <= 0:
        return True
    seen: set[str] = set()
    for _, word in found:
        seen.add(word)
        if len(seen) >= n:
            return True
    return False


def _plainly(data: Data, sample: str, words: list[str]) -> bool:
    """Whether ``words`` (of the casefolded ``sample``, split at white space) are plainly in
    ``data``'s language: many of its function words, and too few words of any close language for
    the detector's choice to fall on that one."""
    function = data.compiled("langid_function_words", _function_words)
    if len(function.intersection(words)) < MIN_FUNCTION_WORDS:
        return False
    if sum(map(function.__contains__, words)) < MIN_FUNCTION_SHARE * len(words):
        return False
    return _few_close_words(data, sample)


def plain_language(text: str, supported: set[str]) -> str | None:
    """The one supported language ``text`` is plainly written in, else None (then the detector
    decides). Only this language can come out of the detector for such a text: the prefix it
    examines is not English (the function words are not English ones), and a close language the
    detector might name instead is overruled by ``_claimed_by_close_language`` on the same prefix."""
    sample = text[:SECOND_PASS_CHARS].casefold()
    words = sample.split()      # punctuation stays on some words: they are simply not counted
    plain = [code for code in sorted(supported) if _plainly(load_language(code), sample, words)]
    return plain[0] if len(plain) == 1 else None


def _decide(text: str, codes: tuple[str, ...], supported: set[str]) -> str | None:
    values = _detector(codes).compute_language_confidence_values(text)
    if not values:
        return None
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    if code not in supported:
        for other in values[1:]:
            other_code = other.language.iso_code_639_1.name.lower()
            if other_code in supported and other.value >= NEAR_RATIO * best.value:
                return other_code
    return code


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell.

    Indonesian and Malay are close; when the top language has no data in warta but a supported
    language is nearly as likely, or the text lacks the words that set the top language apart from
    a supported one (``meta_close_languages.tsv``), the supported one is chosen.
    """
    if not _ENOUGH_LETTERS.match(text[:FIRST_PASS_CHARS]):     # fewer than MIN_LETTERS letters
        return None
    supported = set(available_languages())
    plain = plain_language(text, supported)
    if plain is not None:
        return plain
    return detected_language(text, supported)


def detected_language(text: str, supported: set[str]) -> str | None:
    """The detector's choice (``detect_language`` without the shortcut for plain text)."""
    codes = candidate_languages()
    code = _decide(text[:FIRST_PASS_CHARS], codes, supported)
    if code not in supported and len(text) > FIRST_PASS_CHARS:
        code = _decide(text[:SECOND_PASS_CHARS], codes, supported)
    if code is not None and code not in supported:
        return _claimed_by_close_language(text[:SECOND_PASS_CHARS], code, supported) or code
    return code
