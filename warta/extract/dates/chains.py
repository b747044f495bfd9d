"""The second pass over an article's expressions: those counted from another happening
("sehari setelah ...", "keesokan harinya") take that happening's date, and a day-month opening a
range takes the year of its end."""
from __future__ import annotations

import datetime as dt
import re

from warta.extract.dates.grammar import DateData
from warta.extract.dates.resolve import (MAX_RELATIVE_DAYS, count_of, parse_iso, safe_date, shift, shifted_when,
                                         unknown)
from warta.extract.dates.scan import Found
from warta.model import DateMention, Document, Span, When


def finish(doc: Document, items: list, data: DateData, pub: dt.date | None) -> list[DateMention]:
    """Second pass: resolve expressions counted from another happening, drop non-dates."""
    text = doc.text
    resolved: list[tuple[Found, int, str | None, When]] = [(f, si, t, w) for f, si, t, w in items
                                                             if w is not None]
    out = []
    for i, (f, si, tense, when) in enumerate(items):
        if when is None:
            when = _resolve_chain(f, si, data, pub, resolved)
        elif when.derived == "relative" and f.kind == "textual":
            when = _year_from_range_end(f, when, items[i + 1] if i + 1 < len(items) else None, text)
        if when is None:
            continue
        out.append(DateMention(Span(f.start, f.end, text[f.start:f.end]), si, when, tense))
    return out


RANGE_JOIN = re.compile(r"\s*(?:-|–|\S+)\s*$")


def _year_from_range_end(f: Found, when: When, nxt, text: str) -> When:
    """"23 Mei hingga 10 Juni 2016": a day-month opening a range takes the year of its end."""
    if nxt is None or nxt[3] is None or nxt[3].derived != "explicit" or nxt[3].precision != "day":
        return when
    between = text[f.end:nxt[0].start]
    if len(between) > 12 or not RANGE_JOIN.fullmatch(between):
        return when
    end = parse_iso(nxt[3].value)
    start = parse_iso(when.value)
    if end is None or start is None:
        return when
    year = end.year if (start.month, start.day) <= (end.month, end.day) else end.year - 1
    moved = safe_date(year, start.month, start.day)
    return When(moved.isoformat(), "day", "explicit", end.isoformat()) if moved else when


def chain_of(f: Found, data: DateData) -> tuple[str, int, str] | None:
    """(unit, signed count, anchor) of an expression counted from another happening, else None."""
    g = f.groups
    if f.kind == "counted":
        sign, anchor = data.directions[g["dir"].lower()]
        n = count_of(g, data)
        if anchor == "published" or n is None:
            return None
        return data.units[g["unit"].lower()][0], sign * n, anchor
    if f.kind == "relative":
        unit, offset, _, chain = data.relative[g["rel"].lower()]
        return (unit, offset, chain) if chain else None
    return None


def _resolve_chain(f: Found, si: int, data: DateData, pub: dt.date | None, resolved: list) -> When | None:
    chain = chain_of(f, data)
    if chain is None:
        return None
    unit, n, anchor = chain
    if anchor == "previous":
        earlier = [w for g, _, _, w in resolved if g.end <= f.start and w.precision == "day" and w.value]
        return shifted_from(earlier[-1], unit, n, pub) if earlier else shifted_when(pub, unit, n)
    return _resolve_clause_chain(f, si, unit, n, pub, resolved)


def _resolve_clause_chain(f: Found, si: int, unit: str, n: int, pub: dt.date | None,
                          resolved: list) -> When | None:
    """"sehari setelah X": X's date plus a day, where the article dates X; else the nearest date."""
    days = [(g, s, w) for g, s, _, w in resolved if w.precision == "day" and w.value]
    following = [w for g, s, w in days if 0 <= g.start - f.end <= 12]
    if following:                                   # "dua hari setelah 8 Desember"
        return shifted_from(following[0], unit, n, pub)
    same = [w for g, s, w in days if s == si]
    if same:                                        # "pada 8 Desember, sehari setelah ...": that day
        return with_derived(same[0], "relative")
    if unit not in ("day", "week"):
        return unknown()
    for other in (si + 1, si - 1):                  # the happening dated in the next sentence
        near = [w for g, s, w in days if s == other]
        if near:
            return shifted_from(near[0], unit, n, pub)
    if not days:
        return unknown() if pub is None else None
    nearest = min(days, key=lambda item: abs(item[0].start - f.start))[2]
    return with_derived(nearest, "relative")


def with_derived(w: When, derived: str) -> When:
    return When(w.value, w.precision, derived, w.end)


def shifted_from(ref: When, unit: str, n: int, pub: dt.date | None) -> When:
    base = parse_iso(ref.value)
    if base is None:
        return unknown()
    if unit == "day":
        try:
            d = base + dt.timedelta(days=n)
        except OverflowError:
            return unknown()
        when = When(d.isoformat(), "day", "relative")
    else:
        shifted = shift(base, unit, n)
        if shifted is None:
            return unknown()
        when = When(shifted[0], shifted[1], "relative")
    if pub is not None:
        probe = parse_iso(when.value if len(when.value or "") == 10 else None)
        if probe and abs((probe - pub).days) > MAX_RELATIVE_DAYS:
            return unknown()
    return when
