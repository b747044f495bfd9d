"""Event queries: the filter record, result pages, keyset cursors, and the SQL they become."""
from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from warta.errors import StoreError

SORTS = ("date", "-date", "confidence", "-confidence")
COUNT_KEYS = {
    "dyad": (("e.source_code", "source"), ("e.target_code", "target")),
    "source": (("e.source_code", "source"),),
    "target": (("e.target_code", "target"),),
    "type": (("e.event_type", "event_type"),),
    "quad": (("e.quad", "quad"),),
    "week": (("e.week", "week"),),
    "month": (("e.month", "month"),),
    "year": (("e.year", "year"),),
}
NOT_COUNTED = ("negated", "hypothetical")   # written as facts about the text, not counted as events


@dataclass(frozen=True)
class EventQuery:
    date_from: str | None = None        # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    date_to: str | None = None
    country: str | None = None          # either side (a country or an organisation code)
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # either direction
    event_type: str | None = None
    place: str | None = None            # substring of the place name or admin-1, or its country code
    text: str | None = None             # substring of evidence or article text
    include_duplicates: bool = False
    limit: int = 100
    cursor: str | None = None
    sort: str = "date"


@dataclass(frozen=True)
class Page:
    items: list[dict] = field(default_factory=list)
    next_cursor: str | None = None
    total: int | None = None


def encode_cursor(value: Any, tiebreak: Any) -> str:
    raw = json.dumps([value, tiebreak], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[Any, Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, tiebreak = json.loads(raw)
        return value, tiebreak
    except (ValueError, TypeError) as err:
        raise StoreError("cursor", f"not a cursor this store gave out: {cursor!r}") from err


def day_bound(value: str, upper: bool) -> str:
    """A YYYY / YYYY-MM / YYYY-MM-DD bound as the first or last day it covers."""
    value = value.strip()
    if len(value) == 4:
        return value + ("-12-31" if upper else "-01-01")
    if len(value) == 7:
        return value + ("-31" if upper else "-01")
    return value[:10]


def like_pattern(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def event_filters(q: EventQuery, *, dates: tuple[str, str] = ("e.day", "e.day"),
                  months: tuple[str, str] | None = None, cols: str = "e",
                  text_sql: str | None = None) -> tuple[list[str], list[Any]]:
    """WHERE clauses and parameters of ``q``'s filters over a table aliased ``cols``.

    ``dates`` names the columns compared with date_from and date_to (a cluster's last and first
    day); ``months``, when given, the month columns used instead for whole-month bounds; ``text_sql`` is the clause for the ``text`` filter with two ``?`` for the pattern.
    """
    where: list[str] = []
    params: list[Any] = []
    if q.date_from:
        if months and len(q.date_from.strip()) in (4, 7):     # whole months: the covered column
            where.append(f"{months[0]} >= ?")
            params.append(day_bound(q.date_from, upper=False)[:7])
        else:
            where.append(f"{dates[0]} >= ?")
            params.append(day_bound(q.date_from, upper=False))
    if q.date_to:
        if months and len(q.date_to.strip()) in (4, 7):
            where.append(f"{months[1]} <> '' AND {months[1]} <= ?")
            params.append(day_bound(q.date_to, upper=True)[:7])
        else:
            where.append(f"{dates[1]} <> '' AND {dates[1]} <= ?")
            params.append(day_bound(q.date_to, upper=True))
    if q.country:
        where.append(f"({cols}.source_code = ? OR {cols}.target_code = ?)")
        params += [q.country.upper()] * 2
    if q.source:
        where.append(f"{cols}.source_code = ?")
        params.append(q.source.upper())
    if q.target:
        where.append(f"{cols}.target_code = ?")
        params.append(q.target.upper())
    if q.dyad:
        a, b = (c.upper() for c in q.dyad)
        where.append(f"(({cols}.source_code = ? AND {cols}.target_code = ?) OR "
                     f"({cols}.source_code = ? AND {cols}.target_code = ?))")
        params += [a, b, b, a]
    if q.event_type:
        where.append(f"{cols}.event_type = ?")
        params.append(q.event_type.upper())
    if q.place:
        where.append(f"(lower({cols}.place_name) LIKE ? ESCAPE '\\' OR {cols}.place_country = ?)")
        params += [like_pattern(q.place), q.place.upper()]
    if q.text and text_sql:
        where.append(text_sql)
        params += [like_pattern(q.text)] * text_sql.count("?")
    return where, params


def sort_clause(sort: str, value_col: str, tiebreak_col: str) -> tuple[str, str]:
    """(ORDER BY clause, keyset comparison operator) for one of ``SORTS``."""
    if sort not in SORTS:
        raise StoreError("sort", f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    desc = sort.startswith("-")
    order = "DESC" if desc else "ASC"
    return f"{value_col} {order}, {tiebreak_col} {order}", ("<" if desc else ">")


def validate_by(by: Sequence[str]) -> list[str]:
    bad = [b for b in by if b not in COUNT_KEYS]
    if bad:
        raise StoreError("by", f"unknown grouping {', '.join(bad)}; use some of {', '.join(COUNT_KEYS)}")
    return list(dict.fromkeys(by))
