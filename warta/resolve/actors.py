"""Actor dictionaries: countries, organisations, offices, groups and dated office holders.

Everything language-specific comes from ``warta/lang/<code>/actor_*`` files and, for country
names, pycountry's translation of ISO 3166-1 into the language. ``actor_lexicon(lang)`` builds
the dictionaries and one Aho-Corasick automaton once per language (cached on the ``Language``);
``split_automata(lang)`` builds the two automata it joins (written and lowercase forms) for tests
that check the one against the two.
"""
from __future__ import annotations

import datetime
import gettext
import re
from dataclasses import dataclass, field

import ahocorasick
import pycountry
from importlib import resources
from pathlib import Path

from warta.lang import Language
from warta.model import Actor


@dataclass(frozen=True)
class Entry:
    """One surface form of the actor lexicon."""
    surface: str
    kind: str                    # country, org, office, group, person, pronoun, pair
    name: str | None = None      # canonical name (English)
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    office_kind: str | None = None   # for offices: "office" (a post) or "org" (an institution)
    default_country: str | None = None
    refers: str | None = None        # for pairs: what the two referents are
    takes_place: bool = False        # for offices: a place name after it gives the country
    capital: bool = False            # a capital standing for its government ("Beijing menolak")


@dataclass(frozen=True)
class Tenure:
    """One post of a well-known person, with its dates (YYYY-MM-DD; None when open)."""
    name: str
    country: str | None
    org: str | None
    role: str
    sector: str
    start: str | None
    end: str | None


@dataclass
class ActorLexicon:
    """The compiled actor dictionaries of one language (built once, then only read)."""
    countries: dict[str, str]           # surface -> alpha-3
    country_names: dict[str, str]       # alpha-3 -> English name
    tenures: dict[str, tuple[Tenure, ...]]   # person surface form -> tenures
    fillers: frozenset[str]
    name_stop: frozenset[str]
    coordination: frozenset[str]
    report_verbs: frozenset[str]
    count_words: frozenset[str]
    group_heads: frozenset[str]
    country_stop: frozenset[str]
    lang: object = None              # the Language these dictionaries come from
    place_cues: frozenset[str] = frozenset()
    group_other: frozenset[str] = frozenset()   # "pasukan lokal": a bare group that is someone else's
    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    state_ref: dict[str, frozenset[str]] = field(default_factory=dict)  # part -> words ("negara itu")
    # the written (case-sensitive) and lowercase entries of ``entry_tables`` in one automaton over
    # the lowercased text: key -> (length, lowercase entries, ((written form, entries), ...)); a
    # written form is found where its lowercase is and the text there is written the same way.
    both: object = None


def fold_each(text: str) -> str:
    """Each character lowercased on its own, one whose lowercase is longer ("İ") kept as written:
    the same length as ``text``, and ``fold_each(a + b) == fold_each(a) + fold_each(b)``."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _both_automaton(exact: dict[str, list[Entry]], folded: dict[str, list[Entry]]):
    table: dict[str, tuple[tuple[Entry, ...], list[tuple[str, tuple[Entry, ...]]]]] = {
        key: (tuple(entries), []) for key, entries in folded.items()}
    for surface, entries in exact.items():
        table.setdefault(fold_each(surface), ((), []))[1].append((surface, tuple(entries)))
    a = ahocorasick.Automaton()
    for key, (ci, cs) in table.items():
        a.add_word(key, (len(key), ci, tuple(cs)))
    a.make_automaton()
    return a


def short_country_names() -> dict[str, str]:
    """Short English names for countries whose ISO name is formal (``data/country_names.tsv``)."""
    path = Path(str(resources.files("warta.resolve"))) / "data" / "country_names.tsv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip() and not line.startswith("#") and "\t" in line:
            code, name = line.split("\t", 1)
            out[code.strip()] = name.strip()
    return out


def english_country_name(code: str, short: dict[str, str] | None = None) -> str:
    """The short English name of an ISO 3166-1 alpha-3 code ("Russia" for RUS)."""
    if short and code in short:
        return short[code]
    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def _country_surfaces(lang: Language) -> dict[str, str]:
    """Country names in the language: pycountry's translation plus the reviewed alias file."""
    out: dict[str, str] = {}
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang.code])
    except OSError:
        tr = None
    if tr is not None:
        for c in pycountry.countries:
            for english in {c.name, getattr(c, "common_name", c.name)}:
                local = tr.gettext(english)
                if local and "," not in local and "(" not in local:
                    out[local] = c.alpha_3
    if lang.has("actor_country_alias.tsv"):
        for row in lang.table("actor_country_alias.tsv"):
            if row["country"] == "-":
                out.pop(row["alias"], None)
            else:
                out[row["alias"]] = row["country"]
    return out


def _tenures(lang: Language) -> dict[str, tuple[Tenure, ...]]:
    by_surface: dict[str, list[Tenure]] = {}
    if not lang.has("actor_person.tsv"):
        return {}
    for row in lang.table("actor_person.tsv"):
        t = Tenure(row["name"], row["country"] or None, row["org"] or None, row["role"],
                   row["sector"], row["start"] or None, row["end"] or None)
        surfaces = [row["name"]] + [a for a in row["aliases"].split("|") if a]
        for s in surfaces:
            by_surface.setdefault(s, [])
            if t not in by_surface[s]:
                by_surface[s].append(t)
    return {k: tuple(v) for k, v in by_surface.items()}


def _words(lang: Language, name: str, lower: bool = True) -> frozenset[str]:
    if not lang.has(name):
        return frozenset()
    return frozenset(w.lower() if lower else w for w in lang.lines(name))


def _parts(lang: Language, name: str) -> dict[str, frozenset[str]]:
    """Words of a ``word``/``part`` table grouped by part, lowercase."""
    if not lang.has(name):
        return {}
    out: dict[str, set[str]] = {}
    for row in lang.table(name):
        out.setdefault(row["part"], set()).add(row["word"].lower())
    return {part: frozenset(words) for part, words in out.items()}


def entry_tables(lang: Language, countries: dict[str, str], names: dict[str, str],
                 tenures: dict[str, tuple[Tenure, ...]]
                 ) -> tuple[dict[str, list[Entry]], dict[str, list[Entry]]]:
    """The dictionary's entries by surface: those matched as written (case-sensitive) and those
    matched in lowercase."""
    exact: dict[str, list[Entry]] = {}
    folded: dict[str, list[Entry]] = {}

    def add(entry: Entry, case: str) -> None:
        if case == "ci":
            folded.setdefault(entry.surface.lower(), []).append(entry)
        else:
            exact.setdefault(entry.surface, []).append(entry)

    for surface, code in countries.items():
        add(Entry(surface, "country", names[code], country=code), "cs")
    for row in lang.table("actor_org.tsv") if lang.has("actor_org.tsv") else ():
        add(Entry(row["name"], "org", row["canonical"], country=row["country"] or None,
                  org=row["org"] or None, sector=row["sector"] or None, role=row["role"] or None),
            "cs")
    for row in lang.table("actor_office.tsv") if lang.has("actor_office.tsv") else ():
        add(Entry(row["name"], "office", row["role"], sector=row["sector"] or None,
                  role=row["role"] or None, office_kind=row["kind"],
                  default_country=row["default_country"] or None,
                  takes_place=row.get("place") == "yes"), row["case"] or "ci")
    for row in lang.table("actor_group.tsv") if lang.has("actor_group.tsv") else ():
        add(Entry(row["name"], "group", row["role"], sector=row["sector"] or None,
                  role=row["role"] or None, takes_place=True), row["case"] or "ci")
    for row in lang.table("actor_pronoun.tsv") if lang.has("actor_pronoun.tsv") else ():
        add(Entry(row["name"], "pronoun", refers=row.get("refers") or "person"),
            row["case"] or "ci")
    for row in lang.table("actor_pair.tsv") if lang.has("actor_pair.tsv") else ():
        add(Entry(row["name"], "pair", refers=row["refers"]), "ci")
    if lang.has("actor_capital.tsv"):
        for row in lang.table("actor_capital.tsv"):
            add(Entry(row["name"], "country", names.get(row["country"], row["country"]),
                      country=row["country"], sector="GOV", capital=True), "cs")
    for surface in tenures:
        add(Entry(surface, "person", tenures[surface][0].name), "cs")
    return exact, folded


def _automaton(table: dict[str, list[Entry]]):
    a = ahocorasick.Automaton()
    for key, entries in table.items():
        a.add_word(key, (len(key), tuple(entries)))
    a.make_automaton()
    return a


def split_automata(lang: Language) -> tuple[object, object]:
    """The two automata that ``ActorLexicon.both`` joins: written forms over the text as written,
    lowercase forms over the lowercased text, each mapping a key to (length, entries). Built on
    the first call and cached on the Language (a test oracle: the coder reads only ``both``)."""
    return lang.compiled("actor_split_automata", _split_automata)


def _split_automata(lang: Language) -> tuple[object, object]:
    lex = actor_lexicon(lang)
    exact, folded = entry_tables(lang, lex.countries, lex.country_names, lex.tenures)
    return _automaton(exact), _automaton(folded)


def _country_names(countries: dict[str, str]) -> dict[str, str]:
    """alpha-3 -> short English name, for every ISO country and every code of ``countries``."""
    short = short_country_names()
    names = {c.alpha_3: english_country_name(c.alpha_3, short) for c in pycountry.countries}
    names.update({code: english_country_name(code, short) for code in set(countries.values())})
    return names


def _build(lang: Language) -> ActorLexicon:
    countries = _country_surfaces(lang)
    names = _country_names(countries)
    tenures = _tenures(lang)
    exact, folded = entry_tables(lang, countries, names, tenures)
    stop = set()
    if lang.has("actor_country_stop.tsv"):
        stop = {r["before"].lower() for r in lang.table("actor_country_stop.tsv")}
    return ActorLexicon(
        both=_both_automaton(exact, folded), countries=countries,
        country_names=names, tenures=tenures,
        fillers=_words(lang, "actor_filler.txt"),
        name_stop=_words(lang, "actor_name_stop.txt", lower=False),
        coordination=_words(lang, "actor_coordination.txt"),
        report_verbs=_words(lang, "actor_report_verbs.txt"),
        count_words=_words(lang, "actor_count_words.txt"),
        group_heads=_words(lang, "actor_group_heads.txt"),
        group_other=_words(lang, "actor_group_other.txt"),
        place_cues=frozenset(r["cue"].lower() for r in lang.table("place_cue.tsv"))
        if lang.has("place_cue.tsv") else frozenset(),
        country_stop=frozenset(stop), lang=lang,
        state_ref=_parts(lang, "actor_state_ref.tsv"))


def actor_lexicon(lang: Language) -> ActorLexicon:
    """The actor dictionaries of ``lang``, built on first use and cached on the Language."""
    return lang.compiled("actor_lexicon", _build)


def tenure_on(tenures: tuple[Tenure, ...], date: str | None) -> Tenure | None:
    """The post held on ``date`` (YYYY-MM-DD or a prefix); the nearest one when none covers it;
    the latest when the date is unknown."""
    if not tenures:
        return None
    ordered = sorted(tenures, key=lambda t: t.start or "")
    day = _iso_day(date)
    if day is None:
        return ordered[-1]
    for t in ordered:
        if (t.start or "0000") <= day and (t.end is None or day < t.end):
            return t

    def distance(t: Tenure) -> int:
        d = datetime.date.fromisoformat(day)
        s = datetime.date.fromisoformat(t.start) if t.start else d
        e = datetime.date.fromisoformat(t.end) if t.end else d
        return 0 if s <= d <= e else min(abs((d - s).days), abs((d - e).days))
    return min(ordered, key=distance)


_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def _iso_day(date: str | None) -> str | None:
    """YYYY-MM-DD from an ISO date or prefix ("2025", "2025-12", "2025-12-26T10:00"), else None."""
    m = _ISO.match(date or "")
    if not m:
        return None
    day = m.group(0)
    day = day + "-01-01" if len(day) == 4 else (day + "-01" if len(day) == 7 else day)
    try:
        datetime.date.fromisoformat(day)
    except ValueError:
        return None
    return day


def person_actor(text: str, surface: str, lex: ActorLexicon, date: str | None) -> Actor | None:
    """A known person's actor as of ``date``; None when the name is not in the dictionary."""
    t = tenure_on(lex.tenures.get(surface, ()), date)
    if t is None:
        return None
    return Actor(text=text, name=t.name, country=t.country, sector=t.sector, org=t.org,
                 role=t.role)


def resolve_actor_text(text: str, lang: Language, date: str | None = None) -> Actor | None:
    """Resolve one actor phrase ("Menteri Luar Negeri AS Marco Rubio", "tentara Thailand", "PBB").

    Returns None when nothing in the text names an actor the dictionaries know.
    """
    from warta.extract.actors import phrase_mentions  # the phrase grammar lives with the scanner
    mentions = phrase_mentions(text, lang, date)
    if not mentions:
        return None
    best = max(mentions, key=lambda m: (m.span.end - m.span.start, -m.span.start))
    return best.actor
