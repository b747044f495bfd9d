"""Date expressions: find them, resolve them against the publication date, date events.

``extract_dates`` scans a document once with small patterns built from the language's month,
day and relative-phrase tables (``date_*.tsv``/``.txt``) and resolves each expression:

- explicit: the text names the calendar date, a month with its year, or a year
  ("17 Februari 2026", "24/10/2020", "Oktober 2023", "tahun 2008", "pada 1962");
- relative: it needs the publication date ("Senin (19/9)", "pada hari Kamis", "8 Desember",
  "kemarin", "tiga pekan lalu", "bulan Oktober"), or another happening of the article
  ("sehari setelah ...", "keesokan harinya").

Past or future follows the clause (``date_tense.tsv``): a past clause takes the nearest matching
day not after publication, a future clause the nearest not before it. A relative expression never
resolves beyond two years of publication (it becomes ``unknown``); explicit ones stay as written.
Without a publication date relative expressions are ``unknown``, never guessed.

Each pattern is tried only where it can open (one of its opening words, found for all patterns
by one Aho-Corasick pass, a digit or a "("), which finds exactly what running every pattern over
the whole text finds.

``event_date`` picks the date of one event from the document's date layer.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

import ahocorasick

from warta.lang import Language, load_language
from warta.model import DateMention, Document, Span, When
from warta.numbers import NumberData, number_data, parse_amount

MAX_RELATIVE_DAYS = 2 * 366
TENSE_LOOKAHEAD = 12      # characters after a date in which a future word still governs it
CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s[-–—]\s")
# A pattern's match can only start where its first element can: a digit run, a "(", or one of the
# words it opens with. ``_scan`` tries each pattern only there.
DIGIT_START = re.compile(r"(?<![\w/.-])\d")
# characters that match an ASCII letter under re.IGNORECASE although lower() does not map them to
# it (İ ı ſ K); a text holding one is scanned pattern by pattern over every position
CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


# ----------------------------------------------------------------------------------- language data

@dataclass(frozen=True)
class DateData:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, int, str, str]]
    units: dict[str, tuple[str, int | None]]
    directions: dict[str, tuple[int, str]]
    tense: dict[str, str]
    weak: frozenset[str]
    continuation: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern], ...]
    tense_re: re.Pattern
    numbers: NumberData
    short_months: frozenset[str]
    words: dict[str, frozenset[str]]
    named_directions: dict[str, int]
    code: str
    count_left: re.Pattern
    mod_left: re.Pattern
    openers: object                   # Aho-Corasick: lower-cased opening word -> (length, pattern indices)
    digit_openers: tuple[int, ...]    # the patterns that may open with a digit
    paren_openers: tuple[int, ...]    # the patterns that may open with "("


def date_data(lang: Language) -> DateData:
    """The compiled date grammar of ``lang`` (built once per language)."""
    return lang.compiled("dates", _build)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _build(lang: Language) -> DateData:
    month_rows = lang.table("date_months.tsv")
    months = {r["name"].lower(): int(r["month"]) for r in month_rows}
    full = [r["name"] for r in month_rows if r["form"] == "full"]
    anym = [r["name"] for r in month_rows]
    weekday_rows = lang.table("date_weekdays.tsv")
    weekdays = {r["name"].lower(): int(r["weekday"]) for r in weekday_rows}
    relative = {r["phrase"].lower(): (r["unit"], int(r["offset"]), r["precision"], r.get("chain", ""))
                for r in lang.table("date_relative.tsv")}
    units = {r["word"].lower(): (r["unit"], int(r["count"]) if r.get("count") else None)
             for r in lang.table("date_units.tsv")}
    directions = {r["word"].lower(): (int(r["sign"]), r["anchor"]) for r in lang.table("date_directions.tsv")}
    tense = {r["word"].lower(): r["tense"] for r in lang.table("date_tense.tsv")}
    words_by_key = word_classes(lang, "date_words.tsv")
    named = {r["word"].lower(): int(r["sign"]) for r in lang.table("date_named_directions.tsv")}
    mods = lang.lines("date_modifiers.txt")
    dayparts = lang.lines("date_dayparts.txt")
    preps = lang.lines("date_prepositions.txt")
    numwords = [r["word"] for r in lang.table("number_words.tsv") if r["kind"] != "approx"]
    p = _Parts(full=_alt(full), anym=_alt(anym), wd=_alt(r["name"] for r in weekday_rows), dp=_alt(dayparts),
               prep=_alt(preps), mod=_alt(mods), rel=_alt(relative), unit=_alt(units), dirs=_alt(directions),
               num=_alt(numwords), week=_alt(w for w, (u, c) in units.items() if u == "week" and c is None),
               day=_alt(words_by_key["day_word"]),
               month=_alt(words_by_key["month_word"]), year=_alt(words_by_key["year_word"]),
               date=_alt(words_by_key["date_word"]), named=_alt(named))
    patterns = _patterns(p)
    opening = _opening_words({"full": full, "anym": anym, "wd": [r["name"] for r in weekday_rows], "prep": preps,
                              "mod": mods, "rel": list(relative), "unit": list(units),
                              "day": words_by_key["day_word"], "month": words_by_key["month_word"],
                              "year": words_by_key["year_word"], "date": words_by_key["date_word"]})
    openers, digit_openers, paren_openers = _openers(opening)
    count_left = re.compile(rf"(?:^|(?<=[\s(\"“]))(?P<n>\d+|(?:{p.num})(?:\s+(?:{p.num}))*)\s+$", re.IGNORECASE)
    mod_left = re.compile(rf"(?:^|(?<=[\s(\"“]))(?P<mod>{p.mod})\s+$", re.IGNORECASE)
    tense_re = re.compile(rf"(?<!\w)(?:{_alt(tense)})(?!\w)", re.IGNORECASE)
    return DateData(months, weekdays, relative, units, directions, tense,
                    frozenset(w.lower() for w in lang.lines("date_weak_prepositions.txt")),
                    frozenset(w.lower() for w in lang.lines("date_continuation.txt")),
                    patterns, tense_re, number_data(lang),
                    frozenset(r["name"].lower() for r in month_rows if r["form"] == "short"),
                    words_by_key, named, lang.code, count_left, mod_left, openers, digit_openers, paren_openers)


def word_classes(lang: Language, name: str) -> dict[str, frozenset[str]]:
    """A ``key → words`` table (words separated by "|") as lower-case word sets."""
    return {r["key"]: frozenset(w.strip().lower() for w in r["words"].split("|") if w.strip())
            for r in lang.table(name)}


@dataclass(frozen=True)
class _Parts:
    full: str
    anym: str
    wd: str
    dp: str
    prep: str
    mod: str
    rel: str
    unit: str
    dirs: str
    num: str
    week: str
    day: str
    month: str
    year: str
    date: str
    named: str


def _patterns(p: _Parts) -> tuple[tuple[str, re.Pattern], ...]:
    """Patterns in priority order; an earlier pattern's match wins over an overlapping later one."""
    b, e = r"(?<![\w/.-])", r"(?![\w/])"
    wd = rf"(?:(?i:{p.day})\s+)?(?P<wd>{p.wd})(?:\s+(?P<dp1>{p.dp}))?"
    specs = [
        ("iso", rf"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){e}"),
        ("paren", rf"(?:{b}{wd}\s*)?\(\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?\s*\)"
                  rf"(?:\s+(?P<dp2>{p.dp})(?!\w))?"),
        ("numeric", rf"{b}(?:{wd},?\s+)?(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>\d{{4}}){e}"),
        ("textual", rf"{b}(?:{wd},?\s+)?(?:(?i:{p.date})\s+)?(?P<d>\d{{1,2}})"
                    rf"(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?\s+(?P<mon>{p.anym})\.?(?:,?\s+(?P<y>\d{{4}}))?{e}"),
        ("month_year", rf"{b}(?:(?P<mod>(?i:{p.mod}))\s+)?(?:(?i:{p.month})\s+)?(?P<mon>{p.anym})\.?\s+(?P<y>\d{{4}}){e}"),
        ("month", rf"{b}(?:(?P<prep>(?i:{p.prep}))\s+)?(?P<core>(?:(?P<mod>(?i:{p.mod}))\s+)?(?P<bulan>(?i:{p.month})\s+)?"
                  rf"(?P<mon>{p.full})(?:\s+(?P<dir>(?i:{p.named})))?"
                  rf"(?:\s+(?i:{p.year})\s+(?P<ydir>(?i:{p.named})))?){e}"),
        ("year", rf"{b}(?:(?P<prep>(?i:{p.prep}))\s+)?(?P<core>(?:(?P<mod>(?i:{p.mod}))\s+)?(?P<tahun>(?i:{p.year})\s+)?"
                 rf"(?P<y>1[5-9]\d\d|20\d\d|2100))(?![\w/]|[.,]\d|-(?!(?:1[5-9]|20)\d\d(?!\d))\d)"),
        # "Jumat pekan lalu": that day of the week before
        ("weekday_week", rf"{b}(?P<core>{wd}\s+(?i:{p.week})\s+(?P<wdir>(?i:{p.named}))){e}"),
        # the count before the unit and the modifier before a phrase are found by looking left
        # (see ``_extend_left``): a pattern that opens with a word, not an optional group, is fast
        ("counted", rf"{b}(?i:(?P<unit>{p.unit})\s+(?P<dir>{p.dirs})){e}"),
        ("relative", rf"{b}(?i:(?P<rel>{p.rel})){e}"),
        ("weekday", rf"{b}(?P<core>{wd}(?:\s+(?P<dir>(?i:{p.named})))?){e}"),
        # a day, a capitalised word the month table does not know, a year: left to dateparser
        ("loose", rf"{b}(?P<d>\d{{1,2}})\s+(?P<word>[A-Z][a-z]{{2,9}})\.?\s+(?P<y>(?:19|20)\d\d){e}"),
    ]
    return tuple((name, re.compile(rx)) for name, rx in specs)


# What each pattern of ``_patterns`` can open with: word classes (keys of ``_opening_words``),
# "digit" or "(". Every optional group before a pattern's first required element is listed.
PATTERN_OPENERS = {
    "iso": ("digit",),
    "paren": ("day", "wd", "("),
    "numeric": ("day", "wd", "digit"),
    "textual": ("day", "wd", "date", "digit"),
    "month_year": ("mod", "month", "anym"),
    "month": ("prep", "mod", "month", "full"),
    "year": ("prep", "mod", "year", "digit"),
    "weekday_week": ("day", "wd"),
    "counted": ("unit",),
    "relative": ("rel",),
    "weekday": ("day", "wd"),
    "loose": ("digit",),
}
PATTERN_ORDER = tuple(PATTERN_OPENERS)


def _opening_words(classes: dict) -> dict[str, frozenset[str]]:
    return {key: frozenset(w.lower() for w in words) for key, words in classes.items()}


def _openers(opening: dict[str, frozenset[str]]) -> tuple[object, tuple[int, ...], tuple[int, ...]]:
    """The opening-word automaton (word -> its length and the patterns it opens) and the
    patterns opening with a digit or "("."""
    kinds: dict[str, list[int]] = {}
    digit: list[int] = []
    paren: list[int] = []
    for i, kind in enumerate(PATTERN_ORDER):
        for key in PATTERN_OPENERS[kind]:
            if key == "digit":
                digit.append(i)
            elif key == "(":
                paren.append(i)
            else:
                for word in opening[key]:
                    kinds.setdefault(word, [])
                    if i not in kinds[word]:
                        kinds[word].append(i)
    automaton = ahocorasick.Automaton()
    for word, indices in kinds.items():
        automaton.add_word(word, (len(word), tuple(indices)))
    automaton.make_automaton()
    return automaton, tuple(digit), tuple(paren)


# ----------------------------------------------------------------------------------- extraction

@dataclass(frozen=True)
class _Found:
    kind: str
    start: int
    end: int
    groups: dict


def extract_dates(doc: Document, lang: Language) -> tuple[DateMention, ...]:
    """Every date expression of ``doc``, resolved against its publication date, sorted by start."""
    data = date_data(lang)
    text = doc.text
    published = _parse_iso(doc.article.published)
    found = _scan(text, data)
    starts = [s.start for s in doc.sentences]
    first_pass: list[tuple[_Found, int, str | None, When | None]] = []
    for f in found:
        si = _sentence_index(starts, f.start)
        tense = _tense(doc, si, f, data)
        when = _resolve(f, data, published, tense)
        first_pass.append((f, si, tense, when))
    return tuple(_finish(doc, first_pass, data, published))


def _scan(text: str, data: DateData) -> list[_Found]:
    """Every accepted expression; an earlier pattern's match wins over an overlapping later one.

    Each pattern is tried only where one of its opening words, a digit or a "(" stands, in text
    order and from the end of its previous match on, as ``finditer`` over the whole text would."""
    starts = _opening_positions(text, data)
    taken: list[tuple[int, int]] = []
    out = []
    for i, (kind, rx) in enumerate(data.patterns):
        for m in _matches(rx, text, starts[i] if starts is not None else None):
            f = _accept(kind, m, text, data)
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
    that lower-casing does not fold as the regex engine does (then every position is tried)."""
    low = text.lower()
    if len(low) != len(text) or CASE_TRAPS.search(text):
        return None
    sets: list[set[int]] = [set() for _ in data.patterns]
    for end, (length, indices) in data.openers.iter(low):
        pos = end - length + 1
        if pos and low[pos - 1].isalnum():
            continue          # inside a word: every pattern opens after a non-word character
        for i in indices:
            sets[i].add(pos)
    for m in DIGIT_START.finditer(text):
        for i in data.digit_openers:
            sets[i].add(m.start())
    if data.paren_openers:
        pos = text.find("(")
        while pos >= 0:
            for i in data.paren_openers:
                sets[i].add(pos)
            pos = text.find("(", pos + 1)
    return [sorted(s) for s in sets]


def _accept(kind: str, m: re.Match, text: str, data: DateData) -> _Found | None:
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
    if kind == "relative" and _word_before(text, start) in data.words["vague_count"] | data.numbers.words.keys():
        return None
    if kind in ("counted", "relative") and _is_sunday(m, text, g, data):
        return None
    if kind == "weekday" and _word_before(text, m.start()) in data.words["not_before_day_name"]:
        return None
    if kind == "loose" and g["word"].lower() in data.words["year_word"] | data.words["month_word"]:
        return None
    if kind == "paren" and "wd" not in g and _word_after(text, m.end()) in data.words["after_ratio"]:
        return None
    if text[end - 1] == "." and g.get("mon", "").lower() in data.months and kind in ("textual", "month_year"):
        if not _is_short(g["mon"], data) or text[end:end + 1] in ("", "\n"):
            end -= 1              # the sentence's full stop, not an abbreviation's
    return _Found(kind, start, end, g)


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


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _clause_bounds(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    left = lo
    for m in CLAUSE_BREAK.finditer(text, lo, start):
        left = m.end()
    nxt = CLAUSE_BREAK.search(text, end, hi)
    return left, (nxt.start() if nxt else hi)


def _tense(doc: Document, si: int, f: _Found, data: DateData) -> str | None:
    """future or past from the words of the clause around the expression, else None."""
    text = doc.text
    if doc.sentences:
        s = doc.sentences[si]
        lo, hi = s.start, s.end
    else:
        lo, hi = 0, len(text)
    left, right = _clause_bounds(text, lo, hi, f.start, f.end)
    near_right = min(right, f.end + TENSE_LOOKAHEAD)
    words = [(m.start(), m.group().lower()) for m in data.tense_re.finditer(text, left, right)]
    if any(data.tense.get(w) == "future" and pos < near_right for pos, w in words):
        return "future"
    if any(data.tense.get(w) == "past" for _, w in words):
        return "past"
    return None


# ----------------------------------------------------------------------------------- resolution

def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _day(d: dt.date, derived: str) -> When:
    return When(d.isoformat(), "day", derived)


def _unknown(derived: str = "relative") -> When:
    return When(None, "unknown", derived)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _resolve(f: _Found, data: DateData, pub: dt.date | None, tense: str | None) -> When | None:
    """The date an expression names; None when the text is not a date after all."""
    g = f.groups
    kind = f.kind
    if kind in ("iso", "numeric", "paren", "textual"):
        return _resolve_day(g, data, pub, tense, strict=kind == "paren" or "wd" in g)
    if kind == "month_year":
        month = data.months.get(g["mon"].lower().rstrip("."))
        return When(f"{int(g['y']):04d}-{month:02d}", "month", "explicit") if month else None
    if kind == "month":
        return _resolve_month(g, data, pub, tense)
    if kind == "year":
        return When(g["y"], "year", "explicit")
    if kind == "counted":
        return _resolve_counted(g, data, pub)
    if kind == "relative":
        return _resolve_relative(g, data, pub)
    if kind == "weekday":
        return _resolve_weekday(g, data, pub, tense)
    if kind == "weekday_week":
        return _resolve_weekday_of_week(g, data, pub)
    if kind == "loose":
        return _fallback_parse(f"{g['d']} {g['word']} {g['y']}", data)
    return None


def _fallback_parse(expression: str, data: DateData) -> When | None:
    """dateparser on one isolated expression our tables do not cover (old or odd month spellings).

    Never run over whole articles: it is slow and misreads "sehari", "40 menit", "bulan ini".
    """
    import dateparser   # imported here: it is slow to load and rarely needed
    parsed = dateparser.parse(expression, languages=[data.code], settings={"STRICT_PARSING": True})
    return When(parsed.date().isoformat(), "day", "explicit") if parsed else None


def _resolve_day(g: dict, data: DateData, pub: dt.date | None, tense: str | None,
                 strict: bool) -> When | None:
    day = int(g["d"])
    month = int(g["m"]) if "m" in g else data.months.get(g["mon"].lower().rstrip("."))
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if "y" in g:
        year = int(g["y"])
        if year < 100:
            year += 2000
        d = _safe_date(year, month, day)
        if d is None:
            return None
        end = _safe_date(year, month, int(g["d2"])) if "d2" in g else None
        return When(d.isoformat(), "day", "explicit", end.isoformat() if end else None)
    if _safe_date(2024, month, day) is None:    # 2024 is a leap year: 29/2 is a date
        return None
    if pub is None:
        return _unknown()
    d = _nearest_day(month, day, pub, tense, strict)
    end = None
    if "d2" in g:
        e = _safe_date(d.year, month, int(g["d2"]))
        end = e.isoformat() if e else None
    return When(d.isoformat(), "day", "relative", end)


TENSE_PENALTY_DAYS = 60


def _nearest_day(month: int, day: int, pub: dt.date, tense: str | None, strict: bool) -> dt.date:
    """The year of a day-month without one. ``strict`` (the news style "Senin (19/9)"): the nearest
    not after publication, or not before it in a future clause. Otherwise the nearest to
    publication, a date on the side the clause's tense contradicts counting two months farther
    ("akan ... pada 20 April" two days after 20 April is still that 20 April)."""
    candidates = [d for y in (pub.year - 1, pub.year, pub.year + 1)
                  if (d := _safe_date(y, month, day) or _safe_date(y, month, 28)) is not None]
    future = tense == "future"
    if strict:
        allowed = [d for d in candidates if (d >= pub if future else d <= pub)]
        return min(allowed or candidates, key=lambda d: abs((d - pub).days))

    def cost(d: dt.date) -> int:
        wrong_side = (d < pub and future) or (d > pub and tense == "past")
        return abs((d - pub).days) + (TENSE_PENALTY_DAYS if wrong_side else 0)
    return min(candidates, key=cost)


def _resolve_month(g: dict, data: DateData, pub: dt.date | None, tense: str | None) -> When | None:
    month = data.months.get(g["mon"].lower())
    if not month:
        return None
    if pub is None:
        return _unknown()
    if g.get("ydir"):
        year = pub.year + data.named_directions.get(g["ydir"].lower(), 0)
        return When(f"{year:04d}-{month:02d}", "month", "relative")
    sign = data.named_directions.get((g.get("dir") or "").lower())
    future = sign == 1 or (tense == "future" and sign != -1)
    year = pub.year
    if future:
        year += month < pub.month or (month == pub.month and sign == 1)
    else:
        year -= month > pub.month or (month == pub.month and sign == -1)
    return When(f"{year:04d}-{month:02d}", "month", "relative")


def _shift(pub: dt.date, unit: str, n: int) -> tuple[str, str] | None:
    """(value, precision) of ``pub`` moved by ``n`` units; None beyond the relative sanity window
    (or beyond the calendar, years 1-9999)."""
    try:
        return _shift_unchecked(pub, unit, n)
    except (OverflowError, ValueError):
        return None


def _shift_unchecked(pub: dt.date, unit: str, n: int) -> tuple[str, str] | None:
    if unit == "day":
        d = pub + dt.timedelta(days=n)
        value, precision, probe = d.isoformat(), "day", d
    elif unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=n)
        value, precision, probe = monday.isoformat(), "week", monday
    elif unit == "month":
        idx = pub.year * 12 + pub.month - 1 + n
        y, m = divmod(idx, 12)
        probe = dt.date(y, m + 1, min(pub.day, 28)) if 1 <= y <= 9999 else None
        value, precision = f"{y:04d}-{m + 1:02d}", "month"
    elif unit == "year":
        y = pub.year + n
        probe = dt.date(y, pub.month, min(pub.day, 28)) if 1 <= y <= 9999 else None
        value, precision = f"{y:04d}", "year"
    else:
        return None
    if probe is None or abs((probe - pub).days) > MAX_RELATIVE_DAYS:
        return None
    return value, precision


def _shifted_when(pub: dt.date | None, unit: str, n: int) -> When:
    if pub is None:
        return _unknown()
    shifted = _shift(pub, unit, n)
    return When(shifted[0], shifted[1], "relative") if shifted else _unknown()


def _count(g: dict, data: DateData) -> int | None:
    unit, implied = data.units[g["unit"].lower()]
    if implied is not None:
        return implied
    n = g.get("n", "")
    if n.isdigit():
        return int(n)
    amount = parse_amount(n, data.numbers)
    return amount.best if amount and amount.best is not None else None


def _resolve_counted(g: dict, data: DateData, pub: dt.date | None) -> When | None:
    n = _count(g, data)
    if n is None or n > 10000:
        return None
    unit = data.units[g["unit"].lower()][0]
    sign, anchor = data.directions[g["dir"].lower()]
    if anchor != "published":
        return None        # resolved in the second pass, from another happening
    return _shifted_when(pub, unit, sign * n)


def _resolve_relative(g: dict, data: DateData, pub: dt.date | None) -> When | None:
    unit, offset, precision, chain = data.relative[g["rel"].lower()]
    if chain:
        return None
    return _shifted_when(pub, unit, offset)


def _resolve_weekday_of_week(g: dict, data: DateData, pub: dt.date | None) -> When | None:
    wd = data.weekdays.get(g["wd"].lower())
    if wd is None:
        return None
    if pub is None:
        return _unknown()
    weeks = data.named_directions.get(g["wdir"].lower(), 0)
    monday = pub - dt.timedelta(days=pub.weekday())
    try:
        return _day(monday + dt.timedelta(weeks=weeks, days=wd), "relative")
    except OverflowError:
        return _unknown()


def _resolve_weekday(g: dict, data: DateData, pub: dt.date | None, tense: str | None) -> When | None:
    wd = data.weekdays.get(g["wd"].lower())
    if wd is None:
        return None
    if pub is None:
        return _unknown()
    sign = data.named_directions.get((g.get("dir") or "").lower())
    if sign == 1:
        delta = (wd - pub.weekday()) % 7 or 7
    elif sign == -1:
        delta = -((pub.weekday() - wd) % 7 or 7)
    elif tense == "future":
        delta = (wd - pub.weekday()) % 7
    else:
        delta = -((pub.weekday() - wd) % 7)
    try:
        return _day(pub + dt.timedelta(days=delta), "relative")
    except OverflowError:
        return _unknown()


# ----------------------------------------------------------------------------------- chains

def _finish(doc: Document, items: list, data: DateData, pub: dt.date | None) -> list[DateMention]:
    """Second pass: resolve expressions counted from another happening, drop non-dates."""
    text = doc.text
    resolved: list[tuple[_Found, int, str | None, When]] = [(f, si, t, w) for f, si, t, w in items
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


def _year_from_range_end(f: _Found, when: When, nxt, text: str) -> When:
    """"23 Mei hingga 10 Juni 2016": a day-month opening a range takes the year of its end."""
    if nxt is None or nxt[3] is None or nxt[3].derived != "explicit" or nxt[3].precision != "day":
        return when
    between = text[f.end:nxt[0].start]
    if len(between) > 12 or not RANGE_JOIN.fullmatch(between):
        return when
    end = _parse_iso(nxt[3].value)
    start = _parse_iso(when.value)
    if end is None or start is None:
        return when
    year = end.year if (start.month, start.day) <= (end.month, end.day) else end.year - 1
    moved = _safe_date(year, start.month, start.day)
    return When(moved.isoformat(), "day", "explicit", end.isoformat()) if moved else when


def _chain_of(f: _Found, data: DateData) -> tuple[str, int, str] | None:
    """(unit, signed count, anchor) of an expression counted from another happening, else None."""
    g = f.groups
    if f.kind == "counted":
        sign, anchor = data.directions[g["dir"].lower()]
        n = _count(g, data)
        if anchor == "published" or n is None:
            return None
        return data.units[g["unit"].lower()][0], sign * n, anchor
    if f.kind == "relative":
        unit, offset, _, chain = data.relative[g["rel"].lower()]
        return (unit, offset, chain) if chain else None
    return None


def _resolve_chain(f: _Found, si: int, data: DateData, pub: dt.date | None, resolved: list) -> When | None:
    chain = _chain_of(f, data)
    if chain is None:
        return None
    unit, n, anchor = chain
    if anchor == "previous":
        earlier = [w for g, _, _, w in resolved if g.end <= f.start and w.precision == "day" and w.value]
        return _from(earlier[-1], unit, n, pub) if earlier else _shifted_when(pub, unit, n)
    return _resolve_clause_chain(f, si, unit, n, pub, resolved)


def _resolve_clause_chain(f: _Found, si: int, unit: str, n: int, pub: dt.date | None,
                          resolved: list) -> When | None:
    """"sehari setelah X": X's date plus a day, where the article dates X; else the nearest date."""
    days = [(g, s, w) for g, s, _, w in resolved if w.precision == "day" and w.value]
    following = [w for g, s, w in days if 0 <= g.start - f.end <= 12]
    if following:                                   # "dua hari setelah 8 Desember"
        return _from(following[0], unit, n, pub)
    same = [w for g, s, w in days if s == si]
    if same:                                        # "pada 8 Desember, sehari setelah ...": that day
        return _with_derived(same[0], "relative")
    if unit not in ("day", "week"):
        return _unknown()
    for other in (si + 1, si - 1):                  # the happening dated in the next sentence
        near = [w for g, s, w in days if s == other]
        if near:
            return _from(near[0], unit, n, pub)
    if not days:
        return _unknown() if pub is None else None
    nearest = min(days, key=lambda item: abs(item[0].start - f.start))[2]
    return _with_derived(nearest, "relative")


def _with_derived(w: When, derived: str) -> When:
    return When(w.value, w.precision, derived, w.end)


def _from(ref: When, unit: str, n: int, pub: dt.date | None) -> When:
    base = _parse_iso(ref.value)
    if base is None:
        return _unknown()
    if unit == "day":
        try:
            d = base + dt.timedelta(days=n)
        except OverflowError:
            return _unknown()
        when = When(d.isoformat(), "day", "relative")
    else:
        shifted = _shift(base, unit, n)
        if shifted is None:
            return _unknown()
        when = When(shifted[0], shifted[1], "relative")
    if pub is not None:
        probe = _parse_iso(when.value if len(when.value or "") == 10 else None)
        if probe and abs((probe - pub).days) > MAX_RELATIVE_DAYS:
            return _unknown()
    return when


# ----------------------------------------------------------------------------------- event dates

def event_date(doc: Document, sentence_index: int, anchor: int, status: str) -> When:
    """The date of an event whose trigger starts at ``anchor`` in sentence ``sentence_index``.

    The sentence's own expression nearest the trigger (one in the same clause first, one that only
    bounds a span such as "sejak ..." last); else the previous sentence's date when this sentence
    goes on telling the same happening; else the article's news day (``_news_day``); else the
    publication date.
    """
    lang = load_language(doc.article.language or "id")
    data = date_data(lang)
    pub = _parse_iso(doc.article.published)
    own = [m for m in doc.dates if m.sentence_index == sentence_index]
    if own:
        best = _pick(doc, own, sentence_index, anchor, data)
        return _adjust(best, anchor, status, data, pub)
    broken = _broken_sentence_date(doc, sentence_index, status, data, pub)
    if broken is not None:
        return broken
    if status not in ("planned", "intend"):
        previous = _continued_from(doc, sentence_index, data, pub)
        if previous is not None:
            return previous
        news_day = _news_day(doc, data, pub)
        if news_day is not None:
            return news_day
    if pub is None:
        return _unknown("published")
    return When(pub.isoformat(), "day", "published")


def _pick(doc: Document, own: list[DateMention], si: int, anchor: int, data: DateData) -> DateMention:
    text = doc.text
    sentence = doc.sentences[si] if si < len(doc.sentences) else None
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
    a_left, a_right = _clause_bounds(text, lo, hi, anchor, anchor)

    def rank(m: DateMention):
        weak = _is_weak(doc, m, data)
        unknown = m.when.value is None
        same_clause = a_left <= m.span.start and m.span.end <= a_right
        distance = min(abs(m.span.start - anchor), abs(m.span.end - anchor))
        return (weak, unknown, not same_clause, distance)
    return min(own, key=rank)


def _adjust(m: DateMention, anchor: int, status: str, data: DateData, pub: dt.date | None) -> When:
    """Re-read the chosen expression for its event: the clause a chain names, a planned weekday,
    or a day or month without a year that came out well after publication for a happening
    reported as done ("serangan 7 Oktober" read in May is last October's, not the coming one)."""
    found = _rescan(m, data)
    if found is None:
        return m.when
    chain = _chain_of(found, data)
    if chain and chain[2] == "clause" and anchor >= m.span.end and m.when.precision == "day":
        unit, n, _ = chain
        return _from(m.when, unit, -n, pub)       # the happening "setelah" names: a day earlier
    if status in ("planned", "intend") and m.tense is None and \
            found.kind in ("weekday", "paren", "textual", "month"):
        when = _resolve(found, data, pub, "future")
        return when or m.when
    if status in ("asserted", "claimed") and m.tense != "future" and _after(m.when, pub):
        when = _resolve_past(found, data, pub)
        return when or m.when
    return m.when


FUTURE_GRACE_DAYS = 31   # a day this close after publication may be a scheduled happening told without "akan"


def _after(when: When, pub: dt.date | None) -> bool:
    """A date resolved against publication that lies well after it (a month: after its month)."""
    if pub is None or when.derived != "relative" or not when.value:
        return False
    day = _parse_iso(when.value)
    if day is not None:
        return (day - pub).days > FUTURE_GRACE_DAYS
    return when.value > pub.isoformat()[:len(when.value)]


def _resolve_past(found: _Found, data: DateData, pub: dt.date | None) -> When | None:
    """The expression resolved to the nearest such day or month not after publication."""
    g = found.groups
    if found.kind in ("paren", "textual") and "y" not in g:
        return _resolve_day(g, data, pub, "past", strict=True)
    if found.kind == "month" and not g.get("dir") and not g.get("ydir"):
        return _resolve_month(g, data, pub, "past")
    if found.kind == "weekday" and not g.get("dir"):
        return _resolve_weekday(g, data, pub, "past")
    return None


def _rescan(m: DateMention, data: DateData) -> _Found | None:
    found = _scan(m.span.text, data)
    return found[0] if len(found) == 1 else None


NEWS_DAY_WINDOW = 3    # days before publication within which the previous sentence's day is "the news day"


def _broken_sentence_date(doc: Document, si: int, status: str, data: DateData,
                          pub: dt.date | None) -> When | None:
    """A sentence cut by a line break (no final stop) goes on in the next one: take its date."""
    if si + 1 >= len(doc.sentences):
        return None
    if re.search(r"[.!?\"”’)]\s*$", doc.sentences[si].text):
        return None
    nxt = [m for m in doc.dates if m.sentence_index == si + 1]
    if not nxt:
        return None
    return _adjust(nxt[0], doc.sentences[si + 1].start, status, data, pub)


MAX_CONTINUATION = 3   # sentences a chain of continuations ("Serangan itu ...", "Merespons serangan itu ...") reaches back


def _continued_from(doc: Document, si: int, data: DateData, pub: dt.date | None, depth: int = 0) -> When | None:
    """The previous sentence's day, when this one goes on telling its happening: it opens as a
    continuation ("Dalam pertemuan itu", a quotation), or that day is the news day itself (within a
    few days before publication) and the previous sentence names no other day. A sentence pointing
    back ("Merespons serangan itu") to one that names no date and points back itself ("Serangan
    itu ...") reaches further back."""
    if si <= 0 or si >= len(doc.sentences):
        return None
    prev = {m.when for m in doc.dates if m.sentence_index == si - 1 and m.when.value
            and m.when.precision == "day" and not _is_weak(doc, m, data)}
    continues = _opens_as_continuation(doc.sentences[si].text, data)
    if not prev and depth < MAX_CONTINUATION and not any(m.sentence_index == si - 1 for m in doc.dates) \
            and _opens_as_continuation(doc.sentences[si].text, data, quotes=False) \
            and _opens_as_continuation(doc.sentences[si - 1].text, data, quotes=False):
        return _continued_from(doc, si - 1, data, pub, depth + 1)
    if len(prev) != 1:
        return None
    when = next(iter(prev))
    if continues:
        return when
    day = _parse_iso(when.value)
    if pub is not None and day is not None and 0 <= (pub - day).days <= NEWS_DAY_WINDOW:
        return when
    return None


def _opens_as_continuation(sentence: str, data: DateData, quotes: bool = True) -> bool:
    """Whether a sentence opens by pointing back ("Serangan itu ...", "Dalam pertemuan tersebut"),
    or, with ``quotes``, as a quotation."""
    opening = sentence.lstrip()
    words = [w.lower() for w in re.findall(r"\w+", opening)[:4]]
    return (quotes and opening[:1] in "\"“'‘") or any(w in data.continuation for w in words)


def _news_day(doc: Document, data: DateData, pub: dt.date | None) -> When | None:
    """The day the article reports on: its first news-style date ("Jumat (7/4)", "(27/5/2025)")
    when that lies a few days before publication (a story dated the evening before it went out).
    An event with no date of its own happened on that day rather than on the publication day; it
    is marked ``derived: "published"`` like the publication date: the article's date, not one
    stated for the event."""
    if pub is None:
        return None
    for m in doc.dates:
        if m.when.precision != "day" or not m.when.value or _is_weak(doc, m, data):
            continue
        found = _rescan(m, data)
        if found is None or found.kind != "paren":
            continue
        day = _parse_iso(m.when.value)
        if day is not None and 0 < (pub - day).days <= NEWS_DAY_WINDOW:
            return _with_derived(m.when, "published")
        return None
    return None


def _is_weak(doc: Document, m: DateMention, data: DateData) -> bool:
    before = doc.text[max(0, m.span.start - 12):m.span.start].lower().split()
    return bool(before) and before[-1] in data.weak
