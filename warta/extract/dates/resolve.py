"""Resolving one expression against the publication date: the calendar day, month or year it
names, past or future as its clause says; a relative expression never beyond two years of
publication, and ``unknown`` without a publication date."""
from __future__ import annotations

import datetime as dt

from warta.extract.dates.grammar import DateData
from warta.extract.dates.scan import Found
from warta.model import When
from warta.numbers import parse_amount

MAX_RELATIVE_DAYS = 2 * 366


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def period_end(value: str) -> dt.date | None:
    """The last day of a YYYY, YYYY-MM or YYYY-MM-DD period (None when it is not one)."""
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 12, 31)
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            if not 1 <= m <= 12:
                return None
            return dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def day_when(d: dt.date, derived: str) -> When:
    return When(d.isoformat(), "day", derived)


def unknown(derived: str = "relative") -> When:
    return When(None, "unknown", derived)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def resolve(f: Found, data: DateData, pub: dt.date | None, tense: str | None) -> When | None:
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
        d = safe_date(year, month, day)
        if d is None:
            return None
        end = safe_date(year, month, int(g["d2"])) if "d2" in g else None
        return When(d.isoformat(), "day", "explicit", end.isoformat() if end else None)
    if safe_date(2024, month, day) is None:    # 2024 is a leap year: 29/2 is a date
        return None
    if pub is None:
        return unknown()
    d = _nearest_day(month, day, pub, tense, strict)
    end = None
    if "d2" in g:
        e = safe_date(d.year, month, int(g["d2"]))
        end = e.isoformat() if e else None
    return When(d.isoformat(), "day", "relative", end)


TENSE_PENALTY_DAYS = 60


def _nearest_day(month: int, day: int, pub: dt.date, tense: str | None, strict: bool) -> dt.date:
    """The year of a day-month without one. ``strict`` (the news style "Senin (19/9)"): the nearest
    not after publication, or not before it in a future clause. Otherwise the nearest to
    publication, a date on the side the clause's tense contradicts counting two months farther
    ("akan ... pada 20 April" two days after 20 April is still that 20 April)."""
    candidates = [d for y in (pub.year - 1, pub.year, pub.year + 1)
                  if (d := safe_date(y, month, day) or safe_date(y, month, 28)) is not None]
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
        return unknown()
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


def shift(pub: dt.date, unit: str, n: int) -> tuple[str, str] | None:
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


def shifted_when(pub: dt.date | None, unit: str, n: int) -> When:
    if pub is None:
        return unknown()
    shifted = shift(pub, unit, n)
    return When(shifted[0], shifted[1], "relative") if shifted else unknown()


def count_of(g: dict, data: DateData) -> int | None:
    unit, implied = data.units[g["unit"].lower()]
    if implied is not None:
        return implied
    n = g.get("n", "")
    if n.isdigit():
        return int(n)
    amount = parse_amount(n, data.numbers)
    return amount.best if amount and amount.best is not None else None


def _resolve_counted(g: dict, data: DateData, pub: dt.date | None) -> When | None:
    n = count_of(g, data)
    if n is None or n > 10000:
        return None
    unit = data.units[g["unit"].lower()][0]
    sign, anchor = data.directions[g["dir"].lower()]
    if anchor != "published":
        return None        # resolved in the second pass, from another happening
    return shifted_when(pub, unit, sign * n)


def _resolve_relative(g: dict, data: DateData, pub: dt.date | None) -> When | None:
    unit, offset, precision, chain = data.relative[g["rel"].lower()]
    if chain:
        return None
    return shifted_when(pub, unit, offset)


def _resolve_weekday_of_week(g: dict, data: DateData, pub: dt.date | None) -> When | None:
    wd = data.weekdays.get(g["wd"].lower())
    if wd is None:
        return None
    if pub is None:
        return unknown()
    weeks = data.named_directions.get(g["wdir"].lower(), 0)
    monday = pub - dt.timedelta(days=pub.weekday())
    try:
        return day_when(monday + dt.timedelta(weeks=weeks, days=wd), "relative")
    except OverflowError:
        return unknown()


def _resolve_weekday(g: dict, data: DateData, pub: dt.date | None, tense: str | None) -> When | None:
    wd = data.weekdays.get(g["wd"].lower())
    if wd is None:
        return None
    if pub is None:
        return unknown()
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
        return day_when(pub + dt.timedelta(days=delta), "relative")
    except OverflowError:
        return unknown()


def resolve_past(found: Found, data: DateData, pub: dt.date | None) -> When | None:
    """The expression resolved to the nearest such day or month not after publication."""
    g = found.groups
    if found.kind in ("paren", "textual") and "y" not in g:
        return _resolve_day(g, data, pub, "past", strict=True)
    if found.kind == "month" and not g.get("dir") and not g.get("ydir"):
        return _resolve_month(g, data, pub, "past")
    if found.kind == "weekday" and not g.get("dir"):
        return _resolve_weekday(g, data, pub, "past")
    return None
