"""Cheap language selection for web archives: keep a page only when it is in a language warta
has data for, decided before its HTML is extracted (trafilatura costs ~20 ms a page; this costs
microseconds when the page states a supported language, ~2 ms when the identifier must look).

A page is kept when one of its stated languages has data in warta: Common Crawl's own
identification (the ``WARC-Identified-Content-Language`` header, ISO 639-3 codes), the HTTP
``Content-Language`` header, or the ``lang`` attribute / ``content-language`` meta tag in the first
kilobytes of the HTML. Otherwise (no statement, or another language stated; sites often leave a
template's ``lang="en"`` on pages in other languages) the language identifier
(``warta.langid.detect_language``) looks at a plain-text sample of the page (title, description,
visible text); the page is skipped only when it names another language.
"""
from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

from lingua import IsoCode639_1, Language

from warta.lang import available_languages
from warta.langid import detect_language

HEAD_BYTES = 16_384            # where the lang attribute and meta tags are looked for
SAMPLE_SOURCE_CHARS = 200_000  # characters of HTML the plain-text sample is taken from
SAMPLE_CHARS = 3_000           # characters of plain text given to the identifier
# ISO 639 codes withdrawn in 1989 that pages still use ("in" for Indonesian, from Java locales).
DEPRECATED_CODES = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv"}

_LANG_ATTR = re.compile(rb"""<html\b[^>]*?\s(?:xml:)?lang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""",
                        re.I)
_META_LANG = re.compile(rb"""<meta\b[^>]*?http-equiv\s*=\s*["']?content-language["']?[^>]*?"""
                        rb"""content\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I)
_DROP = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title", re.S | re.I)
_DESCRIPTION = re.compile(r"""<meta\b[^>]*?(?:name|property)\s*=\s*["'](?:og:)?description["'][^>]*?"""
                          r"""content\s*=\s*"([^"]*)"|<meta\b[^>]*?(?:name|property)\s*=\s*'"""
                          r"""(?:og:)?description'[^>]*?content\s*=\s*'([^']*)'""", re.I)
_TAG = re.compile(r"<[^>]*>")


@functools.lru_cache(maxsize=8)
def _three_letter(code: str) -> str | None:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).iso_code_639_3.name.lower()
    except (AttributeError, ValueError):
        return None


@functools.lru_cache(maxsize=1)
def supported_codes() -> dict[str, str]:
    """Every code (ISO 639-1 and 639-3) of a language with data in warta → its ISO 639-1 code."""
    out = {}
    for code in available_languages():
        out[code] = code
        three = _three_letter(code)
        if three:
            out[three] = code
    return out


def normalise_code(value: str) -> str:
    """``id-ID``, ``id_ID``, ``IN``, ``ind`` → a bare lower-case code (``id``, ``ind``)."""
    code = re.split(r"[-_\s]", value.strip().lower(), maxsplit=1)[0]
    return DEPRECATED_CODES.get(code, code)


def stated_languages(identified: str | None, content_language: str | None, payload: bytes) -> list[str]:
    """Language codes a WARC record states for its page, in the order given: Common Crawl's
    identification, the HTTP header, then the HTML's lang attribute and meta tag."""
    values = [v for header in (identified, content_language) if header for v in header.split(",")]
    head = payload[:HEAD_BYTES]
    values += [m.group(1).decode("ascii") for rx in (_LANG_ATTR, _META_LANG) for m in rx.finditer(head)]
    return [code for code in map(normalise_code, values) if code]


def text_sample(page: str) -> str:
    """Plain text to identify a page's language by: title, description, then visible text."""
    source = page[:SAMPLE_SOURCE_CHARS]
    title = _TITLE.search(source)
    description = _DESCRIPTION.search(source)
    parts = [title.group(1) if title else "",
             next((g for g in description.groups() if g), "") if description else "",
             _TAG.sub(" ", _DROP.sub(" ", source))]
    return " ".join(html.unescape(" ".join(parts)).split())[:SAMPLE_CHARS]


def page_language(stated: list[str], page: Callable[[], str]) -> str | None:
    """The ISO 639-1 code to select the page by: a supported stated language when there is one,
    else what the identifier finds in the page's text sample (None: too little text to tell).
    ``page`` gives the decoded page; it is called only when no stated language settles it."""
    supported = supported_codes()
    for code in stated:
        if code in supported:
            return supported[code]
    return detect_language(text_sample(page()))


def is_kept(language: str | None) -> bool:
    """Pages whose language could not be told are kept (the pipeline decides on their text)."""
    return language is None or language in available_languages()
