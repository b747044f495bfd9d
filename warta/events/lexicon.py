"""The event lexicon of one language, compiled once: triggers, stems, cue tables.

Trigger entries come from ``event_triggers.tsv``. An entry matched by ``stem`` reaches every affixed
form of its words through PySastrawi (plus ``event_stem_exceptions.tsv``); an ``exact`` entry needs
the written form. Both kinds go into one Aho-Corasick automaton whose keys are space-padded word
sequences, scanned over two renderings of a sentence (its lower-cased words and their stems), so a
match always covers whole tokens and multi-word entries win over their single words.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from warta.lang import Language

_WORD = re.compile(r"[a-z]{3,}")


@dataclass(frozen=True)
class TriggerEntry:
    """One line of the trigger lexicon. ``event_type`` is None for a blocker (a phrase with no event)."""
    phrase: str
    event_type: str | None
    mode: str | None
    match: str        # stem or exact
    weight: float
    pos: str          # verb, passive, noun, or "-" (taken from the matched word's affixes)
    symmetric: bool
    length: int       # words


class Stemmer:
    """PySastrawi behind a per-instance LRU cache, corrected by the language's exceptions table."""

    def __init__(self, exceptions: dict[str, str]):
        self._exceptions = exceptions
        self._sastrawi = StemmerFactory().create_stemmer()
        self.stem = functools.lru_cache(maxsize=100_000)(self._stem)

    def _stem(self, word: str) -> str:
        if word in self._exceptions:
            return self._exceptions[word]
        if not word.isalpha():
            return word
        return self._sastrawi.stem(word) or word


@dataclass(frozen=True)
class StatusCue:
    words: tuple[str, ...]
    status: str
    scope: str
    window: int


def by_first_word(cues) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Word cues grouped by their first word, each group in the cues' own order."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        out.setdefault(cue[0], []).append(cue)
    return {k: tuple(v) for k, v in out.items()}


@dataclass
class EventLexicon:
    """Everything the event coder reads from language data, compiled."""
    stemmer: Stemmer
    automata: dict[str, ahocorasick.Automaton]   # "exact" and "stem": keys are " w1 w2 "
    stem_filter: ahocorasick.Automaton | None
    anchors: ahocorasick.Automaton | None      # every word a trigger may start with, or its stem core
    voice_rules: tuple[tuple[str, str, str], ...]
    status_cues: tuple[StatusCue, ...]
    status_by_word: dict[str, tuple[StatusCue, ...]]
    attribution_after: dict[str, tuple[tuple[str, ...], ...]]   # cues after the speaker, by first word
    attribution_before: frozenset[str]
    attribution_media: frozenset[tuple[str, ...]]
    prepositions: dict[str, str]
    mode_cues: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    context_cues: ahocorasick.Automaton | None
    cameo: dict[tuple[str, str], tuple[str, tuple[str, ...]]]
    figure_kinds: dict[str, frozenset[str]]
    noise_prefixes: tuple[str, ...]
    light_verbs: frozenset[str]
    background: frozenset[str]
    anaphora: frozenset[str]
    reciprocal: frozenset[str]
    place_nouns: frozenset[str]
    clitics: tuple[str, ...]
    sport_cues: ahocorasick.Automaton | None
    fronted: frozenset[str]
    relative: frozenset[str]
    purpose: frozenset[str]
    negation_exceptions: frozenset[str]
    refusal_cues: tuple[tuple[tuple[str, ...], int], ...]
    topic_words: frozenset[str]
    victim_cues: dict[str, frozenset[str]]
    coordinators: frozenset[str]
    act_nouns: frozenset[str] = frozenset()    # "tindakan", "langkah": an act of unnamed kind
    border_nouns: frozenset[str] = frozenset()   # "perbatasan … dengan X": X names where
    nonstate_cues: tuple[tuple[str, ...], ...] = ()   # "teroris", "serangan teror": no state's doing
    weapon_nouns: frozenset[str] = frozenset()        # "bom" alone names a weapon, not an attack
    nonstate_predicates: frozenset[str] = frozenset()  # "merupakan aksi teroris": what the act was
    suspect_nouns: frozenset[str] = frozenset()       # "menangkap tiga tersangka": an attack's suspects
    desk_countries: frozenset[str] = frozenset()      # a dateline there names the desk, not the story
    quantity_words: frozenset[str] = frozenset()      # "sekitar", "ribu": may stand in a gap with a number
    number_words: frozenset[str] = frozenset()        # "dua", "ribuan": a number written as a word
    gap_heads: frozenset[str] = frozenset()           # first words of verb-object triggers a number may split


def load_lexicon(lang: Language) -> EventLexicon:
    """The compiled event lexicon of ``lang`` (built once per Language instance)."""
    return lang.compiled("event_lexicon", _build)


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+(?:-\w+)*|[^\w\s]", text.lower()))


def _build(lang: Language) -> EventLexicon:
    exceptions = {r["form"].lower(): r["stem"].lower() for r in lang.table("event_stem_exceptions.tsv")}
    stemmer = Stemmer(exceptions)
    automata = {"exact": ahocorasick.Automaton(), "stem": ahocorasick.Automaton()}
    filter_keys: set[str] = set()
    filter_stems: set[str] = set()
    entries: dict[tuple[str, str], TriggerEntry] = {}
    for row in lang.table("event_triggers.tsv"):
        words = _words(row["trigger"])
        if not words:
            continue
        kind = "stem" if row["match"] == "stem" else "exact"
        if kind == "stem":
            keys = tuple(stemmer.stem(w) for w in words)
            filter_stems.update(keys)
            for w in keys:     # meN- drops the first p, t, k or s of a stem ("sita" → "menyita")
                filter_keys.add(w[1:] if w[:1] in "ptks" and len(w) > 3 else w)
        else:
            keys = words
        entry = TriggerEntry(
            phrase=row["trigger"], event_type=None if row["type"] in ("", "-") else row["type"],
            mode=row.get("mode") or None, match=kind, weight=float(row.get("weight") or 0.5),
            pos=row.get("pos") or "-", symmetric=row.get("sym") == "1", length=len(words))
        entries[(kind, f" {' '.join(keys)} ")] = entry
    for (kind, key), entry in entries.items():
        automata[kind].add_word(key, (len(key), entry))
    for automaton in automata.values():
        if len(automaton):
            automaton.make_automaton()

    anchor_keys = {k for k in filter_keys if len(k) >= 4}
    for key in filter_keys:        # short cores of p/t/k/s stems: the nasalised form and the stem
        if len(key) < 4:
            anchor_keys.update(_nasal_forms(key, filter_stems))
    for (kind, key), entry in entries.items():
        if kind == "exact" and entry.event_type is not None:
            anchor_keys.add(" " + key.split()[0])
    anchors = _automaton((k, k) for k in anchor_keys)
    gap_heads = frozenset(key.split()[0] for (kind, key), entry in entries.items()
                          if kind == "exact" and entry.event_type is not None and entry.pos == "verb"
                          and entry.length >= 2)
    number_words = frozenset(r["word"].lower() for r in lang.table("number_words.tsv")) \
        if lang.has("number_words.tsv") else frozenset()
    stem_filter = _automaton((k, k) for k in filter_keys)

    status_cues = tuple(StatusCue(_words(r["cue"]), r["status"], r["scope"], int(r["window"] or 0))
                        for r in lang.table("event_status.tsv"))
    attribution = lang.table("event_attribution.tsv")
    mode_cues: dict[str, list] = {}
    for r in lang.table("event_modes.tsv"):
        mode_cues.setdefault(r["type"], []).append((_words(r["cue"]), r["mode"]))
    by_cue: dict[str, list[str]] = {}
    for r in lang.table("event_contexts.tsv"):
        by_cue.setdefault(" " + " ".join(_words(r["cue"])) + " ", []).append(r["context"])
    context_cues = _automaton((cue, tuple(contexts)) for cue, contexts in by_cue.items())
    cameo = {(r["type"], r["mode"]): (r["cameo_root"], tuple(r["contexts"].split()))
             for r in lang.table("event_cameo.tsv")}
    by_word: dict[str, list[StatusCue]] = {}
    for cue in status_cues:
        by_word.setdefault(cue.words[0], []).append(cue)
    return EventLexicon(
        stemmer=stemmer, automata=automata, stem_filter=stem_filter, anchors=anchors,
        status_by_word={k: tuple(v) for k, v in by_word.items()},
        voice_rules=tuple((r["prefix"], r["suffix"], r["voice"]) for r in lang.table("event_voice.tsv")),
        status_cues=status_cues,
        attribution_after=by_first_word(frozenset(_words(r["cue"]) for r in attribution
                                                  if r["side"] in ("after", "media"))),
        attribution_media=frozenset(_words(r["cue"]) for r in attribution if r["side"] == "media"),
        attribution_before=frozenset(r["cue"].lower() for r in attribution if r["side"] == "before"),
        prepositions={r["word"].lower(): r["role"] for r in lang.table("event_prepositions.tsv")},
        mode_cues={k: tuple(v) for k, v in mode_cues.items()},
        context_cues=context_cues, cameo=cameo,
        figure_kinds={r["type"]: frozenset(r["kinds"].split()) for r in lang.table("event_figures.tsv")},
        noise_prefixes=tuple(p.lower() for p in lang.lines("event_noise.txt")),
        light_verbs=frozenset(w.lower() for w in lang.lines("event_light_verbs.txt")),
        background=frozenset(w.lower() for w in lang.lines("event_background.txt")),
        anaphora=frozenset(w.lower() for w in lang.lines("event_anaphora.txt")),
        reciprocal=frozenset(w.lower() for w in lang.lines("event_reciprocal.txt")),
        place_nouns=frozenset(w.lower() for w in lang.lines("event_place_nouns.txt")),
        clitics=tuple(w.lower() for w in lang.lines("event_clitics.txt")),
        sport_cues=_word_automaton(lang.lines("event_sport_cues.txt")),
        fronted=frozenset(w.lower() for w in lang.lines("event_fronted.txt")),
        relative=_function_words(lang, "relative"),
        purpose=_function_words(lang, "purpose"),
        negation_exceptions=frozenset(w.lower() for w in lang.lines("event_negation_exceptions.txt")),
        refusal_cues=tuple((_words(r["cue"]), int(r["window"])) for r in lang.table("event_refusal_cues.tsv")),
        topic_words=frozenset(w.lower() for w in lang.lines("event_topic_words.txt")),
        act_nouns=frozenset(w.lower() for w in lang.lines("event_act_nouns.txt")),
        border_nouns=frozenset(w.lower() for w in lang.lines("event_border_nouns.txt")),
        nonstate_cues=tuple(dict.fromkeys(_words(w) for w in lang.lines("event_nonstate_cues.txt"))),
        weapon_nouns=frozenset(w.lower() for w in lang.lines("event_weapon_nouns.txt")),
        nonstate_predicates=frozenset(w.lower() for w in lang.lines("event_nonstate_predicates.txt")),
        suspect_nouns=frozenset(w.lower() for w in lang.lines("event_suspect_nouns.txt")),
        desk_countries=frozenset(w.upper() for w in lang.lines("event_desk_country.txt")),
        victim_cues={r["cue"].lower(): frozenset(r["types"].split()) for r in lang.table("event_victim_cues.tsv")},
        coordinators=frozenset(w.lower() for w in lang.lines("event_coordinators.txt")),
        quantity_words=number_words | frozenset(w.lower() for w in lang.lines("event_quantity_words.txt")),
        number_words=number_words, gap_heads=gap_heads,
    )


def _function_words(lang: Language, function: str) -> frozenset[str]:
    return frozenset(r["word"].lower() for r in lang.table("event_function_words.tsv") if r["function"] == function)


def _automaton(pairs: Iterable[tuple[str, object]]) -> ahocorasick.Automaton | None:
    """An automaton of (key, value) pairs; None when there are none."""
    automaton = ahocorasick.Automaton()
    for key, value in pairs:
        automaton.add_word(key, value)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


def _word_automaton(phrases: list[str]) -> ahocorasick.Automaton | None:
    """An automaton of " phrase " keys (whole words) over lower-cased, space-padded text."""
    keys = (" " + " ".join(_words(p)) + " " for p in phrases)
    return _automaton((key, key.strip()) for key in keys)


_NASAL = {"p": "m", "t": "n", "k": "ng", "s": "ny"}


def _nasal_forms(core: str, stems: set[str]) -> set[str]:
    """Anchors for a short stem core: the stems it came from and their meN- forms ("sita" → "nyita")."""
    out = set()
    for stem in stems:
        if stem[1:] == core and stem[:1] in _NASAL:
            out.update({stem, _NASAL[stem[0]] + core})
        elif stem == core:
            out.add(stem)
    return out


CLITIC_MIN_WORD = 7     # shorter words keep their ending: too little would be left


def strip_clitic(lexicon: EventLexicon, word: str) -> str:
    """The word without a trailing clitic ("menahannya" → "menahan") when enough of it is left."""
    if len(word) < CLITIC_MIN_WORD or not word.endswith(lexicon.clitics):
        return word
    for c in lexicon.clitics:
        if word.endswith(c) and len(word) - len(c) >= 5:
            return word[:-len(c)]
    return word


def voice_of(lexicon: EventLexicon, word: str) -> str:
    """active, passive, noun or bare, from the affixes of a lower-cased word."""
    for prefix, suffix, voice in lexicon.voice_rules:
        if word.startswith(prefix) and word.endswith(suffix) and len(word) > len(prefix) + len(suffix) + 2:
            return voice
    return "bare"
