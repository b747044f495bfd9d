"""Finding date expressions: every pattern of the grammar tried only where it can open, an
earlier pattern's match winning over an overlapping later one, and the checks that tell a date
from a look-alike ("pada 2000 orang", "hari lalu", "pada Minggu lalu")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from warta.extract.dates.grammar import DateData
from warta.model import DateMention

# A pattern's match can only start where its first element can: a digit run, a "(", or one of the
# words it opens with. ``scan`` tries each pattern only there.
# (the digit first and the look-behind after it: the engine then jumps from digit to digit)
DIGIT_START = re.compile(r"\d(?<![\w/.-]\d)")
# characters that match an ASCII letter under re.IGNORECASE although lower() does not map them to
# it (İ ı ſ K); a text holding one is scanned pattern by pattern over every position
CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


@dataclass(frozen=True)
class Found:
    kind: str
    start: int
    end: int
    groups: dict


def scan(text: str, data: DateData) -> list[Found]:
    """Every accepted expression; an earlier pattern's match wins over an overlapping later one.

    Each pattern is tried only where one of its opening words, a digit or a "(" stands, in text
    order and from the end of its previous match on, as ``finditer`` over the whole text would."""
    starts = _opening_positions(text, data)
    taken: list[tuple[int, int]] = []
    out = []
    for i, (kind, rx) in enumerate(data.patterns):
        for m in _matches(rx, text, starts[i] if starts is not None else None):
            f = accept(kind, m, text, data)
            if f is None or any(f.start < e and s < f.end for s, e in taken):
                continue
            taken.append((f.start, f.end))
            out.append(f)
    return sorted(out, key=lambda f: f.start)


def _matches(rx: re.Pattern, text: str, starts: list[int] | None):
    """``rx.finditer(text)``, trying only ``starts`` (every position when None)."""
    if starts is None:
        yield from rx.finditer(text)
        return
    pos = 0
    for c in starts:
        if c < pos:
            continue
        m = rx.match(text, c)
        if m is not None:
            pos = m.end()
            yield m


def _opening_positions(text: str, data: DateData) -> list[list[int]] | None:
    """Per pattern, the sorted positions where it may open; None when the text holds a character
    that lower-casing does not fold as the regex engine does (then every position is tried).
    The digit and "(" positions are found once and shared by the patterns opening there."""
    low = text.lower()
    if not text.isascii() and (len(low) != len(text) or CASE_TRAPS.search(text)):
        return None     # (an ASCII text holds no such character; isascii() costs nothing)
    words: list[list[int]] = [[] for _ in data.patterns]
    for end, (length, indices) in data.openers.iter(low):
        pos = end - length + 1
        if pos and low[pos - 1].isalnum():
            continue          # inside a word: every pattern opens after a non-word character
        for i in indices:
            words[i].append(pos)
    digits = [m.start() for m in DIGIT_START.finditer(text)]
    parens = _positions_of(text, "(") if data.paren_openers else []
    out = []
    for i, found in enumerate(words):
        shared = (digits if i in data.digit_openers else []) + \
            (parens if i in data.paren_openers else [])
        out.append(sorted(set(found).union(shared)) if found else sorted(shared))
    return out


def _positions_of(text: str, char: str) -> list[int]:
    out = []
    pos = text.find(char)
    while pos >= 0:
        out.append(pos)
        pos = text.find(char, pos + 1)
    return out


def accept(kind: str, m: re.Match, text: str, data: DateData) -> Found | None:
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    start, end = (m.start("core"), m.end("core")) if "core" in g else (m.start(), m.end())
    if kind == "counted":
        start = _extend_left(text, start, data.count_left, "n", g)
    elif kind == "relative":
        start = _extend_left(text, start, data.mod_left, "mod", g)
    if kind == "month" and not (g.get("prep") or g.get("bulan") or g.get("dir") or g.get("mod")):
        return None
    if kind == "year" and not (g.get("prep") or g.get("tahun")):
        return None
    if kind == "year" and g.get("prep") and not g.get("tahun") and _followed_by_noun(text, m.end(), data):
        return None
    if kind == "counted" and not _counted_ok(g, data):
        return None
    if kind in ("counted", "relative") and _word_before(text, start) in data.words["duration"]:
        return None
    if kind == "relative" and _in_any(_word_before(text, start), data.words["vague_count"], data.numbers.words):
        return None
    if kind in ("counted", "relative") and _is_sunday(m, text, g, data):
        return None
    if kind == "weekday" and _word_before(text, m.start()) in data.words["not_before_day_name"]:
        return None
    if kind == "loose" and _in_any(g["word"].lower(), data.words["year_word"], data.words["month_word"]):
        return None
    if kind == "paren" and "wd" not in g and _word_after(text, m.end()) in data.words["after_ratio"]:
        return None
    if text[end - 1] == "." and g.get("mon", "").lower() in data.months and kind in ("textual", "month_year"):
        if not _is_short(g["mon"], data) or text[end:end + 1] in ("", "\n"):
            end -= 1              # the sentence's full stop, not an abbreviation's
    return Found(kind, start, end, g)


def _in_any(word: str, *collections) -> bool:
    """``word`` is in one of ``collections`` (no union of them built for every match)."""
    return any(word in c for c in collections)


def _extend_left(text: str, start: int, rx: re.Pattern, name: str, g: dict) -> int:
    """Take in the words just left of a match that belong to it (a count, a modifier)."""
    left = rx.search(text, max(0, start - 60), start)
    if left is None:
        return start
    g[name] = left.group(name)
    return left.start(name)


def _is_short(month: str, data: DateData) -> bool:
    return month.lower() in data.short_months


WORD_BEFORE = re.compile(r"([\w-]+)\s+$")
WORD_AFTER = re.compile(r"\s*([\w-]+)")


def _word_before(text: str, start: int) -> str:
    m = WORD_BEFORE.search(text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _word_after(text: str, end: int) -> str:
    m = WORD_AFTER.match(text[end:end + 30])
    return m.group(1).lower() if m else ""


def _followed_by_noun(text: str, end: int, data: DateData) -> bool:
    """"pada 2000 orang": a count, not a year."""
    return _word_after(text, end) in data.words["count_nouns"]


def _counted_ok(g: dict, data: DateData) -> bool:
    unit = data.units.get(g["unit"].lower())
    if unit is None:
        return False
    if unit[1] is None and not g.get("n"):
        return False       # "hari lalu" alone is not a counted date
    if unit[1] is not None and g.get("n"):
        return False
    return True


def _is_sunday(m: re.Match, text: str, g: dict, data: DateData) -> bool:
    """"pada Minggu lalu": the capitalised day name, not the lowercase week."""
    word = g.get("unit") or g.get("rel", "").split()[0]
    if not word or not word[:1].isupper() or word.lower() not in data.weekdays:
        return False
    return _word_before(text, m.start()) in data.words["before_day_name"]


def rescan(m: DateMention, data: DateData) -> Found | None:
    found = scan(m.span.text, data)
    return found[0] if len(found) == 1 else None
