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
    left = lo
    for m in CLAUSE_BREAK.finditer(text, lo, start):
        left = m.end()
    nxt = CLAUSE_BREAK.search(text, end, hi)
    return left, (nxt.start() if nxt else hi)


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
