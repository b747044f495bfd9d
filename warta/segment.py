"""Sentences and tokens with character offsets into the cleaned text.

Rules (regular expressions, no per-character loops):

- a newline always ends a sentence;
- ``.``, ``!``, ``?`` or ``…`` end a sentence when followed by white space and then a capital letter
  or an opening quote or bracket; closing quotes and brackets right after the final mark stay in
  the sentence;
- a period does not end a sentence after a listed abbreviation (``segment_abbreviations.txt``:
  "Dr.", "Jend.", "Pol.", "dkk."), after a single capital ("H.", "M."), or inside a dotted form
  ("S.H.", "a.n."); numbers such as 5.000, 2,5, 19/9, 24/10/2020 and 12:34 hold no white space,
  so they never split;
- sentences are trimmed of white space; empty ones are dropped.

``Sentence.text == text[start:end]`` and the same holds for every token.
"""
from __future__ import annotations

import re
from itertools import pairwise

from warta.lang import Language
from warta.model import Article, Document, Sentence, Token

_NEWLINES = re.compile(r"\n")
# a candidate end: the marks ("..." or "…" alone), any closing quotes/brackets, then white space
# on the same line before an opener and a letter. The pattern opens with the set of the marks so
# the regular expression engine skips ahead to them rather than trying every position.
_END = re.compile(r"[.!?…](?:(?<=…)|(?<=[.!?])[.!?]*)[\"'”’»)\]]*(?=[^\S\n]+[\"'“‘«(\[]*[^\W\d_])")
_TOKENS = re.compile(r"\d+(?:[.,:/]\d+)+(?![\w])|\w+(?:[-'’]\w+)*|[^\w\s]")
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,3}\.){2,}$")
_LOOKBACK = 40


def abbreviations(lang: Language) -> frozenset[str]:
    return lang.compiled("segment_abbreviations",
                         lambda lg: frozenset(lg.lines("segment_abbreviations.txt")))


_AFTER = re.compile(r"\s+[\"'“‘«(\[]*(.)")


def _next_char(text: str, pos: int) -> str:
    """The first character after the white space and openers that follow ``pos``."""
    m = _AFTER.match(text, pos)
    return m.group(1) if m else ""


def _is_boundary(text: str, m: re.Match, abbrevs: frozenset[str]) -> bool:
    if not _next_char(text, m.end()).isupper():
        return False
    mark = m.group()
    if not mark.startswith(".") or mark.startswith(".."):
        return True                       # "!", "?", "…", "..."
    before = text[max(0, m.start() - _LOOKBACK):m.start()].rsplit(None, 1)
    word = before[-1].lstrip("\"'“‘«([") if before else ""
    if not word:
        return True                       # a period standing alone: "dikatakan . Dia"
    if word in abbrevs:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False                      # an initial: "H. Agus", "M. Yusuf"
    return not _DOTTED.match(word + ".")  # "S.H.", "a.n.", "U.S."


def sentence_spans(text: str, lang: Language) -> list[tuple[int, int]]:
    """(start, end) of every sentence of ``text``: the text is cut at every newline and after
    every mark that ends a sentence, and each piece is trimmed (a piece that is only white space,
    such as a blank line, is no sentence)."""
    abbrevs = abbreviations(lang)
    cuts = [m.end() for m in _END.finditer(text) if _is_boundary(text, m, abbrevs)]
    cuts += [m.start() for m in _NEWLINES.finditer(text)]
    bounds = [0, *sorted(cuts), len(text)]
    return [s for s in (_trim(text, a, b) for a, b in pairwise(bounds)) if s]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + lead + len(stripped)


def tokens_of(text: str, start: int, end: int, base: int = 0) -> tuple[Token, ...]:
    """Tokens of ``text[start:end]``: numbers with their separators (5.000, 19/9, 12:34), words with
    inner hyphens and apostrophes, and single punctuation marks; offsets are shifted by ``base``
    (a sentence's tokens are offsets into the article). ``Sentence.tokens`` calls this on first
    use only."""
    found = list(_TOKENS.finditer(text, start, end))
    return tuple(map(Token, [m.start() + base for m in found], [m.end() + base for m in found],
                     [m.group() for m in found]))


def token_texts(text: str) -> list[str]:
    """The texts of ``tokens_of(text, 0, len(text))``, without building the Token records (for a
    quick look at a sentence's words before its tokens are needed)."""
    return _TOKENS.findall(text)


def segment(article: Article, lang: Language) -> Document:
    """The article as a Document of sentences and tokens, offsets into ``article.text``."""
    text = article.text
    sentences = tuple(Sentence(i, a, b, text[a:b])
                      for i, (a, b) in enumerate(sentence_spans(text, lang)))
    return Document(article=article, sentences=sentences)
