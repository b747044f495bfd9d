"""Place mentions: gazetteer names, the language's exonyms and regions, and countries as locations.

A gazetteer name is taken only when it is capitalised as written, is not a common word of the
language (``place_stop.txt``), is not part of a person, organisation or office phrase, and is
either after a locative word ("di", "kota", "provinsi": ``place_cue.txt``) or in a country the
article names, or a large city. Among namesakes the one in a country the article names wins,
then the kind the cue asks for (a "provinsi" is an admin-1), then the larger population. A
country name is a place when a locative word comes before it ("di Thailand").
"""
from __future__ import annotations

from warta.lang import Language
from warta.model import ActorMention, Document, PlaceMention, Span
from warta.resolve.places import (Candidate, Gazetteer, candidates, choose, country_place,
                                  dateline_place, gazetteer)

BIG_CITY = 1_000_000        # taken without any cue
CUED_MIN_POPULATION = 20_000
_ADMIN_CUES = ("provinsi", "negara bagian", "wilayah", "region", "prefektur", "oblast",
               "kabupaten", "distrik")


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum() and after not in "-" and before not in "-"


def _cue(text: str, start: int, cues: frozenset[str]) -> str | None:
    """The locative word right before ``start`` (one or two words), if any."""
    words = text[max(0, start - 40):start].replace(",", " ").split()
    if not words:
        return None
    two = " ".join(words[-2:]).lower()
    if len(words) >= 2 and two in cues:
        return two
    return words[-1].lower() if words[-1].lower() in cues else None


def _scan(text: str, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int, str, str]]:
    """(start, end, spelling, source) of alias and gazetteer names, longest first, no overlaps."""
    hay = text[start:end]
    found = []
    if len(gaz.alias_automaton) > 0:
        for e, name in gaz.alias_automaton.iter(hay):
            found.append((e - len(name) + 1, e + 1, name, "alias"))
    for e, idx in gaz.automaton.iter(hay):
        key = gaz.keys[idx]
        name = key[:key.find("\t")]
        found.append((e - len(name) + 1, e + 1, name, "gazetteer"))
    found = [(s + start, e + start, n, src) for s, e, n, src in found
             if _bounded(text, s + start, e + start)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[3] != "alias"))
    out, last = [], -1
    for f in found:
        if f[0] >= last:
            out.append(f)
            last = f[1]
    return out


def _blocked(start: int, end: int, actors: tuple[ActorMention, ...]) -> bool:
    """Inside a person, organisation or office phrase (not a bare country)."""
    return any(m.span.start < end and start < m.span.end and m.kind != "country" for m in actors)


def _is_country(start: int, end: int, actors: tuple[ActorMention, ...]) -> bool:
    return any(m.span.start < end and start < m.span.end for m in actors if m.kind == "country")


def _accept(cand: Candidate, cue: str | None, in_article: set[str], sentence_start: bool) -> bool:
    if cand.place.country in in_article:
        return not sentence_start or cue is not None or cand.population >= CUED_MIN_POPULATION
    if cue is not None:
        return cand.population >= CUED_MIN_POPULATION
    return cand.population >= BIG_CITY


def _article_countries(actors: tuple[ActorMention, ...]) -> set[str]:
    return {m.actor.country for m in actors if m.actor.country}


def extract_places(doc: Document, lang: Language) -> tuple[PlaceMention, ...]:
    """Every place named in the document, resolved, sorted by start."""
    from warta.extract.actors import extract_actors
    gaz = gazetteer(lang)
    actors = doc.actors or extract_actors(doc, lang)
    in_article = _article_countries(actors)
    text = doc.text
    out: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    for s in doc.sentences:
        for start, end, name, source in _scan(text, s.start, s.end, gaz):
            if name in gaz.stop or _blocked(start, end, actors):
                continue
            if source != "alias" and _is_country(start, end, actors):
                continue
            cue = _cue(text, start, gaz.cues)
            at_start = not text[s.start:start].strip(" \"“'‘(")
            if source == "alias":
                place = gaz.aliases[name]
            else:
                want = "admin1" if cue in _ADMIN_CUES else ("city" if cue == "kota" else None)
                best = choose(candidates(name, gaz), in_article, want)
                if best is None or not _accept(best, cue, in_article, at_start):
                    continue
                place = best.place
            out.append(PlaceMention(Span(start, end, text[start:end]), s.index, place))
            taken.append((start, end))
        out.extend(_country_places(doc, s, actors, gaz, taken))
    out.extend(_dateline_mention(doc, lang, taken))
    out.sort(key=lambda p: (p.span.start, p.span.end))
    return tuple(out)


def _dateline_mention(doc: Document, lang: Language, taken) -> list[PlaceMention]:
    """The dateline ("PHNOM PENH –") as a mention, marked ``derived="dateline"``."""
    article = doc.article
    if not article.dateline or not doc.sentences:
        return []
    head = article.dateline.split(",")[0].strip()
    start = doc.text.find(head, 0, doc.sentences[min(2, len(doc.sentences) - 1)].end)
    if start < 0 or any(a < start + len(head) and start < b for a, b in taken):
        return []
    place = dateline_place(article, lang)
    s = doc.sentence_of(start)
    if place is None or s is None:
        return []
    end = start + len(head)
    return [PlaceMention(Span(start, end, doc.text[start:end]), s.index, place)]


def _country_places(doc: Document, s, actors, gaz: Gazetteer, taken) -> list[PlaceMention]:
    """Country names used as locations in sentence ``s`` ("di Thailand")."""
    out = []
    for m in actors:
        if m.sentence_index != s.index or m.kind != "country" or not m.actor.country:
            continue
        if any(a < m.span.end and m.span.start < b for a, b in taken):
            continue
        if _cue(doc.text, m.span.start, gaz.country_cues) is None:
            continue
        out.append(PlaceMention(m.span, s.index, country_place(m.actor.country, gaz)))
    return out
