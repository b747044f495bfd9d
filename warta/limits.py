"""Limits that keep one bad article from stalling or crashing a batch.

The readers (``warta.read.ReadSettings``) refuse files and records that are too large before
reading them whole. These limits apply afterwards, to every article whatever its reader: an
article of a million short lines passes a byte limit but would cost the pipeline minutes.
"""
from __future__ import annotations

from dataclasses import dataclass

from warta.errors import InputError
from warta.model import Article


@dataclass(frozen=True)
class InputLimits:
    """Per-article limits, checked before coding (a news article has a few hundred lines)."""
    max_lines: int = 20_000          # lines of one article's text
    max_chars: int = 2_000_000       # characters of one article's text
    max_line_chars: int = 200_000    # characters of its longest line


DEFAULT_LIMITS = InputLimits()


def check_article(article: Article, limits: InputLimits = DEFAULT_LIMITS) -> Article:
    """Return ``article`` unchanged, or raise ``InputError`` naming its input and the limit hit."""
    name = article.origin or article.id
    text = article.text
    if len(text) > limits.max_chars:
        raise InputError(name, f"article {article.id}: text too long ({len(text):,} characters; "
                               f"the limit is {limits.max_chars:,})")
    lines = text.count("\n") + 1
    if lines > limits.max_lines:
        raise InputError(name, f"article {article.id}: too many lines ({lines:,}; "
                               f"the limit is {limits.max_lines:,})")
    if len(text) > limits.max_line_chars and \
            max(map(len, text.split("\n"))) > limits.max_line_chars:
        raise InputError(name, f"article {article.id}: a line is longer than "
                               f"{limits.max_line_chars:,} characters")
    return article
