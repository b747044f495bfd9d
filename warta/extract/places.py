"""Place mentions: gazetteer names, the language's exonyms and regions, and countries as locations.

A gazetteer name is taken only when it is capitalised as written, is not a common word of the
language (``place_stop.txt``), is not part of a person, organisation or office phrase, and is
either after a locative word ("di", "kota", "provinsi": ``place_cue.tsv``) or in a country the
article names, or a large city. Among namesakes the one in a country the article names wins,
then the kind the cue asks for (a "provinsi" is an admin-1), then the larger population. A
country name is a place when a locative word comes before it ("di Thailand"), or closes the name
of a place the gazetteer lacks that a locative word introduces ("di Azraq, Yordania").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from warta.lang import Language
from warta.extract.actors import after_capitalised_word
from warta.model import ActorMention, Document, PlaceMention, Span, by_sentence
from warta.resolve.actors import actor_lexicon
from warta.resolve.places import (Candidate, Gazetteer, candidates, choose, country_place, cue_before,
                                  dateline_place, gazetteer, resolve_place, town_before_country)

__all__ = ["extract_places", "dateline_place", "resolve_place"]

BIG_CITY = 1_000_000        # taken without any cue
CUED_MIN_POPULATION = 20_000
SURNAME_MAX_POPULATION = 100_000  # a smaller namesake of a person named in the article
IN_ARTICLE_MIN_POPULATION = 10_000   # no cue, but in a country the article names


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum() and after not in "-" and before not in "-"


def _scan(text: str, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int, str, str]]:
    """(start, end, spelling, source) of alias and gazetteer names, longest first, no overlaps."""
    return _longest_first(_names(text, gaz, start, end))


def _names(text: str, gaz: Gazetteer, start: int = 0, end: int | None = None
           ) -> list[tuple[int, int, str, str]]:
    """(start, end, spelling, source) of every bounded alias and gazetteer name that lies in
    ``text[start:end]``, overlaps included."""
    end = len(text) if end is None else end
    found = []
    if len(gaz.alias_automaton) > 0:
        for e, name in gaz.alias_automaton.iter(text, start, end):
            if _bounded(text, e - len(name) + 1, e + 1):
                found.append((e - len(name) + 1, e + 1, name, "alias"))
    keys = gaz.keys
    for e, idx in gaz.automaton.iter(text, start, end):
        # the key's length up to its tab; three in four matches are a prefix of a longer word
        # ("Jak" in "Jakarta") and are dropped before the name is cut out
        length = keys[idx].find("\t")
        if _bounded(text, e - length + 1, e + 1):
            found.append((e - length + 1, e + 1, keys[idx][:length], "gazetteer"))
    return found


def _longest_first(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    found = sorted(found, key=lambda f: (f[0], -(f[1] - f[0]), f[3] != "alias"))
    out, last = [], -1
    for f in found:
        if f[0] >= last:
            out.append(f)
            last = f[1]
    return out


def _scan_sentences(text: str, sentences, gaz: Gazetteer) -> list[list[tuple[int, int, str, str]]]:
    """``_scan`` of each sentence, from one pass of the automata over the whole text (a name is
    kept for the sentence it lies in; one that runs across sentences belongs to none)."""
    starts = [s.start for s in sentences]
    per: list[list] = [[] for _ in sentences]
    for f in _names(text, gaz):
        k = bisect_right(starts, f[0]) - 1
        if k >= 0 and f[1] <= sentences[k].end:
            per[k].append(f)
    return [_longest_first(found) for found in per]


_PLACE_KINDS = ("country", "demonym", "group")   # "warga Gaza": Gaza is still a place


def _blocked(start: int, end: int, actors: tuple[ActorMention, ...]) -> bool:
    """Inside a person, organisation or office phrase (not a bare country)."""
    return any(m.span.start < end and start < m.span.end and m.kind not in _PLACE_KINDS
               for m in actors)


# Two capitalised words, each starting at a word boundary; matches may overlap ("Joko Widodo
# Santoso" gives both pairs). The capital is consumed and the boundary checked behind it, so the
# engine can skip ahead to capitals instead of trying every position.
_FULL_NAME = re.compile(r"([A-Z])(?<=\b[A-Z])(?=([a-z]+) ([A-Z][a-z]+)\b)")


def _surnames(text: str, gaz: Gazetteer) -> frozenset[str]:
    """Last words of two-word capitalised names in the article ("Peter Stafford"), which the
    article then uses alone for the person; a name that is also a place is then not a place."""
    out = set()
    for m in _FULL_NAME.finditer(text):
        first, last = m.group(1) + m.group(2), m.group(3)
        full = f"{first} {last}"
        if first.lower() in gaz.cues or first in gaz.stop or full in gaz.aliases:
            continue
        if gaz.automaton.get(full, -1) >= 0:
            continue
        out.add(last)
    return frozenset(out)


def _after_person_word(text: str, sentence_start: int, start: int, gaz: Gazetteer) -> bool:
    words = text[sentence_start:start].split()
    return bool(words) and words[-1].lower().strip(",") in gaz.not_after


def _in_longer_name(text: str, sentence_start: int, start: int, end: int, cue: str | None) -> bool:
    """Part of a longer capitalised name ("Jack Miller", "Inter Milan", "Sirkuit Jerez"): a
    capitalised word right before (that is not a locative word) or right after."""
    after = text[end:end + 30]
    nxt = after.split()[0] if after[:1] == " " and after.split() else ""
    if nxt[:1].isupper() and nxt[:1].isalpha():
        return True
    if cue is not None:
        return False
    return after_capitalised_word(text[sentence_start:start], ".!?\"“”:")


def _is_country(start: int, end: int, actors: tuple[ActorMention, ...]) -> bool:
    return any(m.span.start < end and start < m.span.end for m in actors if m.kind == "country")


def _accept(cand: Candidate, cue: str | None, in_article: set[str], sentence_start: bool) -> bool:
    if cand.place.country in in_article:
        return cue is not None or cand.population >= IN_ARTICLE_MIN_POPULATION or (
            cand.kind == "admin1" and not sentence_start)
    if cue is not None:
        return cand.population >= CUED_MIN_POPULATION
    return cand.population >= BIG_CITY


def _near(actors: tuple[ActorMention, ...], sentences) -> list[tuple[ActorMention, ...]]:
    """For each sentence (in text order), the mentions whose span overlaps it: one sweep over the
    mentions sorted by start, so a long article costs no more per sentence than a short one."""
    ordered = sorted(actors, key=lambda m: m.span.start)
    out: list[tuple[ActorMention, ...]] = []
    active: list[ActorMention] = []
    k = 0
    for s in sentences:
        while k < len(ordered) and ordered[k].span.start < s.end:
            active.append(ordered[k])
            k += 1
        active = [m for m in active if m.span.end > s.start]   # later sentences start later still
        out.append(tuple(active))
    return out


def _article_countries(actors: tuple[ActorMention, ...]) -> set[str]:
    return {m.actor.country for m in actors if m.actor.country}


def extract_places(doc: Document, lang: Language,
                   actors: tuple[ActorMention, ...] | None = None) -> tuple[PlaceMention, ...]:
    """Every place named in the document, resolved, sorted by start. ``actors``: the document's
    actor layer when the caller has it (even empty); otherwise ``doc.actors``, or found here."""
    from warta.extract.actors import extract_actors
    gaz = gazetteer(lang)
    if actors is None:
        actors = doc.actors or extract_actors(doc, lang)
    in_article = _article_countries(actors)
    text = doc.text
    surnames: frozenset[str] | None = None      # found when an uncued small place first needs them
    countries = actor_lexicon(lang).countries
    out: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    by_index = by_sentence(actors)
    # near: the only actors a name in the sentence can touch
    names = _scan_sentences(text, doc.sentences, gaz)
    for s, near, found in zip(doc.sentences, _near(actors, doc.sentences), names):
        for start, end, name, source in found:
            if name in gaz.stop or _blocked(start, end, near):
                continue
            if source != "alias" and (name in countries or _is_country(start, end, near)):
                continue
            cue = cue_before(text, start, gaz.cues)
            at_start = not text[s.start:start].strip(" \"“'‘(")
            if source == "alias":
                if " " not in name and _in_longer_name(text, s.start, start, end, cue):
                    continue
                place = gaz.aliases[name]
            elif _in_longer_name(text, s.start, start, end, cue) or _after_person_word(
                    text, s.start, start, gaz):
                continue
            else:
                want = gaz.cue_wants.get(cue or "")
                best = choose(candidates(name, gaz), in_article, want)
                if best is None:
                    continue
                if not _accept(best, cue, in_article, at_start) and not _listed_after(
                        text, start, best, out, s.index):
                    continue
                if cue is None and best.population < SURNAME_MAX_POPULATION:
                    surnames = _surnames(text, gaz) if surnames is None else surnames
                    if name in surnames:
                        continue
                place = best.place
            out.append(PlaceMention(Span(start, end, text[start:end]), s.index, place))
            taken.append((start, end))
        out.extend(_country_places(doc, s, by_index.get(s.index, ()), gaz, taken))
    out.sort(key=lambda p: (p.span.start, p.span.end))
    return tuple(out)


_LIST_GAP = re.compile(r"^\s*(,|dan|serta|atau)\s*$")


def _listed_after(text: str, start: int, cand: Candidate, found: list[PlaceMention],
                  sentence_index: int) -> bool:
    """Next in a list of places of the same country ("Vardenis, Sotk, Goris, Jermuk")."""
    if not found or found[-1].sentence_index != sentence_index:
        return False
    prev = found[-1]
    return (prev.place.country == cand.place.country and prev.place.precision != "country"
            and bool(_LIST_GAP.match(text[prev.span.end:start])))


def _overlaps_taken(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Whether ``start``..``end`` overlaps a span of ``taken``: spans in text order that never
    overlap one another (each sentence's names are scanned without overlaps, and sentences do not
    overlap), so their ends are in order too and only the last one starting before ``end`` can
    reach past ``start``."""
    k = bisect_left(taken, end, key=lambda t: t[0])
    return k > 0 and taken[k - 1][1] > start


def _after_unlisted_town(text: str, sentence_start: int, m: ActorMention, actors, gaz: Gazetteer,
                         taken) -> bool:
    """The country stated after a place the gazetteer does not know ("di Azraq, Yordania"): the
    name before it is no place found here, and neither holds nor is followed by another country
    ("di Prancis, Spanyol", "di kawasan ASEAN, Laos, Myanmar" are lists)."""
    town = town_before_country(text, sentence_start, m.span.start, m.span.end, gaz)
    if town is None or _overlaps_taken(town, m.span.start, taken):
        return False
    others = [a for a in actors if a.kind == "country" and a is not m]
    return not any(town <= a.span.start < m.span.start or (
        a.span.start >= m.span.end and _LIST_GAP.match(text[m.span.end:a.span.start])) for a in others)


def _country_places(doc: Document, s, actors, gaz: Gazetteer, taken) -> list[PlaceMention]:
    """Country names used as locations in sentence ``s`` ("di Thailand", "di Azraq, Yordania");
    ``actors`` are the sentence's."""
    out = []
    for m in actors:
        if m.kind != "country" or not m.actor.country:
            continue
        if _overlaps_taken(m.span.start, m.span.end, taken):
            continue
        if cue_before(doc.text, m.span.start, gaz.country_cues) is None and \
                not _after_unlisted_town(doc.text, s.start, m, actors, gaz, taken):
            continue
        out.append(PlaceMention(m.span, s.index, country_place(m.actor.country, gaz)))
    return out
