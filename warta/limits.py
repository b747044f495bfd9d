"""Limits that keep one bad article from stalling or crashing a batch.

The readers (``warta.read.ReadSettings``) refuse files and records that are too large before
reading them whole, and JSON nested too deeply before parsing it. These limits apply afterwards,
to every article whatever its reader: an article of a million short lines passes a byte limit
but would cost the pipeline minutes.
"""
from __future__ import annotations

from dataclasses import dataclass

from warta.errors import InputError
from warta.model import Article


@dataclass(frozen=True)
class InputLimits:
    """Per-article limits, checked before coding.

    The defaults are generous for news: the longest of the 7,302 corpus articles has 18,898
    characters and 324 lines. They are tight enough that no single article costs more than
    seconds: some stages still grow with the square of the number of sentences
    (docs/performance.md): 8,000 one-line sentences took 80 s, 3,330 sentences (under
    100,000 characters) take about 4 s.
    """
    max_lines: int = 5_000           # lines of one article's text
    max_chars: int = 100_000         # characters of one article's text
    max_line_chars: int = 100_000    # characters of its longest line


DEFAULT_LIMITS = InputLimits()


def check_article(article: Article, limits: InputLimits = DEFAULT_LIMITS) -> Article:
    """Return ``article`` unchanged, or raise ``InputError`` naming its input and the limit hit."""
    name = article.origin or article.id
    text = article.text
    lines = text.count("\n") + 1
    if lines > limits.max_lines:
        raise InputError(name, f"article {article.id}: too many lines ({lines:,}; "
                               f"the limit is {limits.max_lines:,})")
    if len(text) > limits.max_chars:
        raise InputError(name, f"article {article.id}: text too long ({len(text):,} characters; "
                               f"the limit is {limits.max_chars:,})")
    if len(text) > limits.max_line_chars and \
            max(map(len, text.split("\n"))) > limits.max_line_chars:
        raise InputError(name, f"article {article.id}: a line is longer than "
                               f"{limits.max_line_chars:,} characters")
    return article


def json_too_deep(raw: bytes | str, limit: int) -> bool:
    """True when JSON text nests arrays or objects deeper than ``limit``.

    Cheap for real records: the depth is only counted when the text has more than ``limit``
    opening brackets at all. Brackets inside strings are skipped.
    """
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if data.count(b"[") + data.count(b"{") <= limit:
        return False
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:          # backslash
                escaped = True
            elif byte == 0x22:          # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):      # [ {
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):      # ] }
            depth -= 1
    return False
