"""The date layer of a document: every expression found, its clause's tense read, resolved, then
chained (``extract_dates``)."""
from __future__ import annotations

import bisect
import re

from warta.extract.dates.chains import finish
from warta.extract.dates.grammar import DateData, date_data
from warta.extract.dates.resolve import parse_iso, resolve
from warta.extract.dates.scan import Found, scan
from warta.lang import Language
from warta.model import DateMention, Document, When

TENSE_LOOKAHEAD = 12      # characters after a date in which a future word still governs it
CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s[-–—]\s")
SHORT_QUOTE_WORDS = 4     # a quoted phrase this short is a name or scare quotes, not a clause of its own
SHORT_QUOTE = re.compile(r"[\"“](?P<inner>[^\"“”,;:()!?.\s](?:[^\"“”,;:()!?.]{0,58}[^\"“”,;:()!?.\s])?)[\"”]")


def extract_dates(doc: Document, lang: Language) -> tuple[DateMention, ...]:
    """Every date expression of ``doc``, resolved against its publication date, sorted by start."""
    data = date_data(lang)
    text = doc.text
    published = parse_iso(doc.article.published)
    found = scan(text, data)
    starts = [s.start for s in doc.sentences]
    first_pass: list[tuple[Found, int, str | None, When | None]] = []
    for f in found:
        si = sentence_at(starts, f.start)
        tense = _tense(doc, si, f, data)
        when = resolve(f, data, published, tense)
        first_pass.append((f, si, tense, when))
    return tuple(finish(doc, first_pass, data, published))


def sentence_at(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def clause_bounds(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` around ``start``..``end``: between the nearest breaks (a comma,
    semicolon, colon, bracket, quotation mark or dash) on either side. The quotation marks of a
    short quoted phrase (scare quotes, a name: 'serangan "membela diri" pada Senin') break nothing."""
    quiet = _short_quote_marks(text, lo, hi)
    left = lo
    for m in CLAUSE_BREAK.finditer(text, lo, start):
        if m.start() not in quiet:
            left = m.end()
    right = hi
    for m in CLAUSE_BREAK.finditer(text, end, hi):
        if m.start() not in quiet:
            right = m.start()
            break
    return left, right


def _short_quote_marks(text: str, lo: int, hi: int) -> frozenset[int]:
    """Offsets of the quotation marks that open and close a short quoted phrase in ``text[lo:hi]``."""
    if '"' not in text[lo:hi] and "“" not in text[lo:hi]:
        return frozenset()
    out = set()
    for m in SHORT_QUOTE.finditer(text, lo, hi):
        if len(m.group("inner").split()) <= SHORT_QUOTE_WORDS:
            out.update((m.start(), m.end() - 1))
    return frozenset(out)


def _tense(doc: Document, si: int, f: Found, data: DateData) -> str | None:
    """future or past from the words of the clause around the expression, else None."""
    text = doc.text
    if doc.sentences:
        s = doc.sentences[si]
        lo, hi = s.start, s.end
    else:
        lo, hi = 0, len(text)
    left, right = clause_bounds(text, lo, hi, f.start, f.end)
    near_right = min(right, f.end + TENSE_LOOKAHEAD)
    words = [(m.start(), m.group().lower()) for m in data.tense_re.finditer(text, left, right)]
    if any(data.tense.get(w) == "future" and pos < near_right for pos, w in words):
        return "future"
    if any(data.tense.get(w) == "past" for _, w in words):
        return "past"
    return None
