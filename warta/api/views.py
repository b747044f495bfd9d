"""Pure functions that shape store results into the API's views (timeline, map, quads)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import pycountry

COOPERATION = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})


def quad_of(event_type: str) -> str:
    """PLOVER's two halves: ``cooperation`` (AGREE … RETREAT) or ``conflict`` (the rest)."""
    return "cooperation" if event_type.upper() in COOPERATION else "conflict"


def with_quad(item: dict) -> dict:
    return {**item, "quad": quad_of(item["event_type"])}


def timeline_points(counts: Iterable[dict], interval: str) -> list[dict]:
    """Rows of ``Store.counts(by=("type", interval))`` → one point per period, in date order."""
    points: dict[str, dict] = {}
    for row in counts:
        period = row.get(interval)
        if not period:
            continue
        p = points.setdefault(period, {"period": period, "cooperation": 0, "conflict": 0,
                                       "killed": 0, "displaced": 0})
        p[quad_of(row["event_type"])] += row["events"]
        p["killed"] += row["killed"]
        p["displaced"] += row["displaced"]
    return [points[k] for k in sorted(points)]


def top_dyads(counts: Iterable[dict], limit: int) -> list[dict]:
    """Rows of ``Store.counts(by=("dyad",))`` → the ``limit`` dyads with most events.

    A dyad is a pair in either direction (as the ``dyad`` filter reads it), written in code order;
    pairs with an unknown side are left out, since they cannot be filtered on."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for r in counts:
        a, b = r.get("source"), r.get("target")
        if a and b and a != b:
            totals[(min(a, b), max(a, b))] += r["events"]
    rows = [{"source": a, "target": b, "events": n} for (a, b), n in totals.items()]
    rows.sort(key=lambda r: (-r["events"], r["source"], r["target"]))
    return rows[:limit]


@lru_cache(maxsize=512)
def country_info(code: str) -> tuple[str | None, str | None]:
    """(ISO numeric, common name) of an alpha-3 code; (None, None) for organisations."""
    country = pycountry.countries.get(alpha_3=code.upper()) if len(code) == 3 else None
    if country is None:
        return None, None
    return country.numeric, getattr(country, "common_name", None) or country.name


def country_counts(dyad_counts: Iterable[dict]) -> list[dict]:
    """Rows of ``Store.counts(by=("dyad",))`` → events per country on either side."""
    totals: dict[str, int] = defaultdict(int)
    for row in dyad_counts:
        for code in {row.get("source"), row.get("target")} - {None, ""}:
            totals[code] += row["events"]
    out = []
    for code, n in totals.items():
        numeric, name = country_info(code)
        out.append({"country": code, "numeric": numeric, "name": name, "events": n})
    out.sort(key=lambda d: (-d["events"], d["country"]))
    return out


def map_points(places: Iterable[dict]) -> list[dict]:
    """Places with coordinates (``Store.places``) as map points."""
    return [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
