"""Language identification per article, with lingua.

The detector knows the languages warta has data for (``warta.lang.available_languages()``) plus
English and Malay, so that articles in those two are recognised (and skipped) rather than forced
into Indonesian. It is built once per process (``functools.lru_cache``) and reads a bounded prefix
of the text: a short first pass, and a longer second one only when the first finds a language
without data (Indonesian and Malay are hard to tell apart on a few hundred characters).
"""
from __future__ import annotations

import functools
import re

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from warta.lang import Language as Data, available_languages, load_language

EXTRA_LANGUAGES = ("en", "ms")   # recognised so that they are not mistaken for a supported one
FIRST_PASS_CHARS = 300           # characters examined first: enough for most articles
SECOND_PASS_CHARS = 3000         # examined again when the first pass finds no supported language
CLOSE_FILE = "meta_close_languages.tsv"
MIN_CLOSE_WORDS = 2              # distinct words of a close language needed to believe the detector
NEAR_RATIO = 0.4                 # a supported language this close to the top one is chosen
MIN_LETTERS = 12                 # fewer letters than this: too little to tell
_LETTERS = re.compile(r"[^\W\d_]")
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
    if len(_LETTERS.findall(text[:FIRST_PASS_CHARS])) < MIN_LETTERS:
        return None
    codes = candidate_languages()
    supported = set(available_languages())
    code = _decide(text[:FIRST_PASS_CHARS], codes, supported)
    if code not in supported and len(text) > FIRST_PASS_CHARS:
        code = _decide(text[:SECOND_PASS_CHARS], codes, supported)
    if code is not None and code not in supported:
        return _claimed_by_close_language(text[:SECOND_PASS_CHARS], code, supported) or code
    return code
