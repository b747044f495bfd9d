"""The date grammar of a language: its month, day and relative-phrase tables (``date_*.tsv`` /
``.txt``) compiled once into the patterns ``scan`` runs, the opening words that say where each
pattern may start, and the word classes the other modules read."""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from warta.lang import Language
from warta.numbers import NumberData, number_data


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
    background_left: re.Pattern       # "sejak serangan ... " just left of a date: a background happening's
    background_cue: re.Pattern        # "setelah " just left of a trigger: the event is a background happening
    named_left: re.Pattern            # "pembantaian " just left of a date: the date names that happening


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
    background_left = _background_left(lang, p)
    background_cue = _background_cue(lang)
    named_left = _named_left(lang, p)
    return DateData(months, weekdays, relative, units, directions, tense,
                    frozenset(w.lower() for w in lang.lines("date_weak_prepositions.txt")),
                    frozenset(w.lower() for w in lang.lines("date_continuation.txt")),
                    patterns, tense_re, number_data(lang),
                    frozenset(r["name"].lower() for r in month_rows if r["form"] == "short"),
                    words_by_key, named, lang.code, count_left, mod_left, openers, digit_openers, paren_openers,
                    background_left, background_cue, named_left)


BACKGROUND_GAP = 3    # words that may stand between a background noun and its date


def _background_left(lang: Language, p: _Parts) -> re.Pattern:
    """The words left of a date that make it a background happening's ("sejak serangan Hamas pada"):
    a background cue, a noun naming a happening, up to ``BACKGROUND_GAP`` words, an optional
    preposition or date word, then the date (the pattern ends where the date starts)."""
    rows = lang.table("date_background.tsv")
    cues = _alt(r["word"] for r in rows if r["kind"] == "cue")
    nouns = _alt(r["word"] for r in rows if r["kind"] == "noun")
    return re.compile(rf"(?:^|(?<=[\s(\"“]))(?P<cue>{cues})\s+(?P<noun>{nouns})(?:\s+[\w-]+){{0,{BACKGROUND_GAP}}}?"
                      rf"\s+(?:(?:{p.prep}|{p.date}|{p.month}|{p.year})\s+)?$", re.IGNORECASE)


def _named_left(lang: Language, p: _Parts) -> re.Pattern:
    """A noun naming a violent happening right left of a date, with "tanggal" between at most
    ("pembantaian 7 Oktober"): the pattern ends where the date starts."""
    nouns = _alt(r["word"] for r in lang.table("date_background.tsv") if r["kind"] == "named")
    return re.compile(rf"(?:^|(?<=[\s(\"“]))(?P<noun>{nouns})\s+(?:(?:{p.date})\s+)?$", re.IGNORECASE)


def _background_cue(lang: Language) -> re.Pattern:
    """A background cue just left of a trigger ("setelah serangan"): the pattern ends where it starts."""
    cues = _alt(r["word"] for r in lang.table("date_background.tsv") if r["kind"] == "cue")
    return re.compile(rf"(?:^|(?<=[\s(\"“]))(?:{cues})\s+$", re.IGNORECASE)


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
