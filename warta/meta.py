"""Publication date and dateline found in the text.

``find_metadata`` fills ``Article.published`` (with ``published_derived="text"``) from a
publication-date line near the top of the article when the input gave none ("Selasa, 20 September
2022, 12:34 WIB", "Kompas.com - 24/10/2020, 11:53 WIB", a lone "22 April 2022"), and
``Article.dateline`` from the place that opens the story ("PHNOM PENH –", "WASHINGTON,
KOMPAS.com -", "Jakarta, CNN Indonesia --"). Month and day names, time zones and outlet names
are language data (``meta_*`` files).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from itertools import islice

from warta.lang import Language
from warta.model import Article

HEAD_LINES = 15          # non-empty lines at the top searched for the date and dateline
DATELINE_LINES = 8       # non-empty lines at the top where the story (and its dateline) starts
MAX_DATE_LINE = 90       # characters: a publication-date line is short
_DASH = re.compile(r"^(?P<pre>[^\n]{2,70}?)(?:\s+(?:-{2,3}|–|—|-)\s*|\s*(?:-{2,3}|–|—|-)\s+)(?=\S)")
_PARTS = re.compile(r"[,()]")
_DOMAIN = re.compile(r"\.(?:com|co|id|net|org|news)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


@dataclass(frozen=True)
class MetaRules:
    date: re.Pattern
    months: dict[str, int]
    outlets: frozenset[str]
    filler: frozenset[str]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def build_rules(lang: Language) -> MetaRules:
    months = {row["name"].casefold(): int(row["month"]) for row in lang.table("date_months.tsv")}
    days = _alternation(row["name"] for row in lang.table("date_weekdays.tsv"))
    zones = _alternation(lang.lines("meta_timezones.txt"))
    month = _alternation(months)
    time = rf"(?:[,\s]+(?:pukul\s+)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:\s*(?:{zones})\b)?)?"
    date = re.compile(
        rf"(?:\b(?:{days})\b\s*,?\s*)?(?:"
        rf"(?P<d>\d{{1,2}})\s+(?P<m>{month})\.?\s+(?P<y>\d{{4}})"
        rf"|(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})/(?P<y2>\d{{4}})"
        rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})(?:T[\d:.+Z-]+)?"
        rf"){time}", re.I)
    outlets = frozenset(o.casefold() for o in lang.lines("meta_outlets.txt"))
    filler = frozenset(w.casefold() for w in lang.lines("meta_date_words.txt"))
    return MetaRules(date, months, outlets, filler)


def rules_for(lang: Language) -> MetaRules:
    return lang.compiled("meta", build_rules)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat() if 1945 <= y <= 2100 else None
    except ValueError:
        return None


def date_of(match: re.Match, rules: MetaRules) -> str | None:
    """The ISO date of a match of ``rules.date``."""
    g = match.groupdict()
    if g["d"]:
        return _valid(int(g["y"]), rules.months[g["m"].casefold()], int(g["d"]))
    if g["d2"]:
        return _valid(int(g["y2"]), int(g["m2"]), int(g["d2"]))
    return _valid(int(g["y3"]), int(g["m3"]), int(g["d3"]))


def _is_outlet(part: str, rules: MetaRules) -> bool:
    p = part.strip().casefold()
    return p in rules.outlets or bool(_DOMAIN.search(p))


def publication_date_of_line(line: str, rules: MetaRules) -> str | None:
    """The date of a line that is only a publication date (with outlet, day name, time, bullets)."""
    line = line.strip()
    if len(line) > MAX_DATE_LINE:
        return None
    m = rules.date.search(line)
    if not m:
        return None
    rest = (line[:m.start()] + " " + line[m.end():]).replace("|", " ")
    words = [w for w in _WORD.findall(rest)
             if w.casefold().strip(".") not in rules.filler and not _is_outlet(w, rules)]
    return date_of(m, rules) if len(words) <= 1 else None


def _head(article: Article) -> list[str]:
    return _top_lines(article.text, HEAD_LINES) + [ln for ln in article.removed if ln.strip()][:HEAD_LINES]


def _top_lines(text: str, n: int) -> list[str]:
    """The first ``n`` non-empty lines of ``text``, stripped (the rest of the text is not read)."""
    return list(islice(filter(None, map(str.strip, text.split("\n"))), n))


def find_published(article: Article, rules: MetaRules) -> str | None:
    for line in _head(article):
        date = publication_date_of_line(line, rules)
        if date:
            return date
    return None


def _looks_like_place(part: str) -> bool:
    words = part.split()
    return (1 <= len(words) <= 4 and 3 <= len(part) <= 40 and not any(c.isdigit() for c in part)
            and all(w[0].isupper() for w in words) and ":" not in part)


def dateline_of_line(line: str, rules: MetaRules) -> str | None:
    """The place of a dateline opening ``line`` ("PHNOM PENH – ..."), or None."""
    m = _DASH.match(line)
    if not m or len(line[m.end():].split()) < 4 or not line[m.end():][:1].isalpha() \
            or ":" in m.group("pre"):
        return None
    parts = [p.strip() for p in _PARTS.split(m.group("pre"))]
    had_outlet = any(_is_outlet(p, rules) for p in parts if p)
    places = [p for p in parts if p and not _is_outlet(p, rules)]
    if not places or not _looks_like_place(places[0]):
        return None
    place = places[0]
    if place.isupper() or had_outlet:
        return place
    return None


def find_dateline(article: Article, rules: MetaRules) -> str | None:
    lines = _top_lines(article.text, DATELINE_LINES)
    for line in lines:
        place = dateline_of_line(line, rules)
        if place:
            return place
    return None


def with_published(article: Article, lang: Language) -> Article:
    """The article with ``published`` found in its text when the input had none (marked
    ``published_derived="text"``), or marked ``published_derived="input"`` when it had one."""
    if not article.published:
        date = find_published(article, rules_for(lang))
        return replace(article, published=date, published_derived="text") if date else article
    if not article.published_derived:
        return replace(article, published_derived="input")
    return article


def with_dateline(article: Article, lang: Language) -> Article:
    """The article with ``dateline`` found in its text when it had none."""
    if article.dateline:
        return article
    place = find_dateline(article, rules_for(lang))
    return replace(article, dateline=place) if place else article


def find_metadata(article: Article, lang: Language) -> Article:
    """The article with ``published`` (when the input had none) and ``dateline`` found in its text."""
    return with_dateline(with_published(article, lang), lang)
