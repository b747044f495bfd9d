"""Quantities of people killed, injured, displaced, missing or arrested.

A figure is a count written next to a noun for people ("23 tentara", "satu warga sipil", "5.000
orang", "seorang polisi") and tied to a word for what happened to them, after the group
("... tewas", "... telah mengungsi") or before it ("menewaskan ...", "korban tewas mencapai ...").
Counts of anything else (kilometres, minutes, tanks, money, years, ages) never have such a noun,
so they are never figures. Coordinated groups share the word that follows the last of them
("23 tentara dan satu warga sipil tewas": two figures); a qualifier on the first of a coordination
("setidaknya 49 tentara Armenia dan 50 tentara Azerbaijan tewas") makes the later plain counts a
lower bound as well (they keep their plain value as ``best``).

The side of a group is the country of an actor or place mention (``doc.actors``, ``doc.places``)
right after the noun ("31 warga sipil Kamboja", "warga Gaza"), else the country of the claimant
("Pihak berwenang Thailand mengatakan 23 tentara ...", "Kementerian Kesehatan Iran mengatakan 128
orang tewas"): an authority counts its own dead; not for militants and others, whom a side rarely
counts as its own. "The others" of a count ("dua tentara AS tewas dan dua lainnya terluka") are of
that count's side and group. With no side from any of these, residents counted in a sentence that
places what happened in one country ("Di Israel, tiga orang tewas"; "... tewas dalam serangan di
Gaza") are of that country. A dateline ("Jakarta, CNN Indonesia --") is no part of a claimant.
The claimant is written as the text says it ("menurut angka resmi" → "angka resmi"). A hedged
count ("mungkin", "diperkirakan") has status "claimed". Totals named before their count
("Jumlah korban tewas ... kini mencapai 224 orang", "jumlah tentaranya yang tewas ..., kini menjadi
24 orang") are figures too.

Between the group and its kind word may stand a few modifiers of the noun ("satu tentara cadangan
mengalami luka"; no verbs, function words or numbers), gap words, or a short relative clause; a
bare count needs the kind word after gap words only ("sekitar 14 juta terpaksa mengungsi"). The
dead of an attack on a side named earlier in their clause are that side's ("serangan terhadap Iran
menewaskan 20 komandan"); an agentless claim word opening a sentence ("Ditambahkan bahwa ...")
hands the count to the speaker of the sentence before. A count repeated in an article is the same
people: a repetition takes the side, and a plain one the bound, that the article gives elsewhere.
A total broken down after a comma into parts that name a country or a group of their own ("Empat
orang tewas, dua dari Swedia, satu orang berkebangsaan Inggris dan satu orang Belgia"; "..., dua
di antaranya warga Swedia"; "..., termasuk tiga warga Australia") gives its kind to the parts; a
total and its parts are separate figures. An approximate plural ("puluhan warga sipil tewas",
"ribuan orang mengungsi") gives a range (20-99, 2,000-9,999).
All words are language data (``figure_*.tsv``/``.txt``, ``number_*.tsv``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from warta.extract.figures.candidates import Candidate, counted_groups, find_candidates, own_kind
from warta.extract.figures.claimants import find_claimant, place_side, target_side
from warta.extract.figures.cues import CASE_UNSAFE_LETTERS, cue_starts
from warta.extract.figures.data import FigureData, figure_data
from warta.extract.figures.groups import share_breakdowns, share_kinds
from warta.lang import Language
from warta.model import ActorMention, Document, Figure, Sentence, Span, by_sentence
from warta.numbers import find_numbers

__all__ = ["CASE_UNSAFE_LETTERS", "FigureData", "cue_starts", "extract_figures", "figure_data",
           "figures_in_sentence"]


GROUPS_WITHOUT_CLAIMANT_SIDE = ("militants", "others")   # a side rarely counts these of its own
BREAK_RE = re.compile(r"[,;:]")


def extract_figures(doc: Document, lang: Language) -> tuple[Figure, ...]:
    """All figures of ``doc``, sorted by start; the text of each is ``doc.text[start:end]``.

    Only a sentence with a count of people and a piece of a kind word (``cue_starts``) can hold a
    figure; the actor and place layers, which give the sides and claimants, are read only when one
    does."""
    data = figure_data(lang)
    cues = cue_starts(doc.text, data.cues)
    if cues is not None and not cues:
        return ()
    chosen = [(k, nums) for k, nums in _sentences_with_counts(doc, lang, data, cues)
              if _counts_people(doc.text, doc.sentences[k], nums, data)]
    if not chosen:
        return ()
    actors = by_sentence(doc.actors)
    places = by_sentence(doc.places)
    out: list[Figure] = []
    for k, nums in chosen:
        sentence = doc.sentences[k]
        previous = (doc.sentences[k - 1], actors.get(doc.sentences[k - 1].index, [])) if k else None
        out.extend(_sentence_figures(doc, sentence, nums, actors.get(sentence.index, []),
                                     places.get(sentence.index, []), data, previous))
    return tuple(sorted(_shared_sides(out), key=lambda f: (f.start, f.end)))


def _sentences_with_counts(doc: Document, lang: Language, data: FigureData,
                           cues: list[int] | None) -> list[tuple[int, list]]:
    """(position in ``doc.sentences``, numbers) of the sentences that hold a number or a word
    that counts one person ("seorang"), and a piece of a kind word unless ``cues`` is None."""
    numbers = find_numbers(doc.text, lang)
    singles = [m.start() for m in data.single_re.finditer(doc.text)]
    out = []
    i = 0
    for k, sentence in enumerate(doc.sentences):
        while i < len(numbers) and numbers[i][0] < sentence.start:
            i += 1
        j = i
        while j < len(numbers) and numbers[j][0] < sentence.end:
            j += 1
        nums = [n for n in numbers[i:j] if n[1] <= sentence.end]
        if (nums or _holds(singles, sentence)) and (cues is None or _holds(cues, sentence)):
            out.append((k, nums))
        i = j
    return out


def _counts_people(text: str, sentence: Sentence, nums: list, data: FigureData) -> bool:
    """Whether ``sentence`` may hold a count of people that can have a kind: a word that counts one
    person, or a count written with a number that is not only a part of a total (a part has a kind
    only from a total, itself such a count). Found without the sides, which do not change whether
    there is one (``counted_groups``)."""
    return data.single_re.search(text, sentence.start, sentence.end) is not None or \
        any(not c.part_only for c in counted_groups(text, sentence, nums, [], data))


def _holds(starts: list[int], sentence: Sentence) -> bool:
    """Whether one of the sorted offsets ``starts`` lies in ``sentence``."""
    i = bisect_left(starts, sentence.start)
    return i < len(starts) and starts[i] < sentence.end


def figures_in_sentence(doc: Document, index: int) -> tuple[Figure, ...]:
    """The figures of ``doc`` that lie in sentence ``index``."""
    return tuple(f for f in doc.figures if f.sentence_index == index)


def _sentence_figures(doc: Document, sentence: Sentence, nums: list, actors: list[ActorMention],
                      places: list, data: FigureData,
                      previous: tuple[Sentence, list[ActorMention]] | None = None) -> list[Figure]:
    text = doc.text
    sides = [(a.span, a.actor.country) for a in actors] + [(p.span, p.place.country) for p in places]
    cands = find_candidates(text, sentence, nums, sides, data)
    if not cands:
        return []
    for c in cands:
        own_kind(text, sentence, c, data)
    share_kinds(text, [c for c in cands if not c.part_only], data)
    share_breakdowns(text, sentence, cands, data)
    figures: list[tuple[Candidate, Figure]] = []
    for c in cands:
        kind = c.kind or c.implied_kind
        if not kind:
            continue
        figures.append((c, _figure(doc, sentence, c, kind, cands, actors, sides, data, previous, places)))
    return _others_of_previous(text, figures, data)


def _others_of_previous(text: str, figures: list[tuple[Candidate, Figure]], data: FigureData) -> list[Figure]:
    """"dua tentara AS tewas dan dua lainnya terluka": a count of "the others" with no side of its
    own counts more of the people of the figure before it in the sentence, so it takes that
    figure's side (before its claimant's) and, for a bare "lainnya", its group."""
    out: list[Figure] = []
    for c, f in figures:
        prev = out[-1] if out else None
        if prev is not None and c.country is None and \
                data.others_tail_re.search(text, c.num_start, c.end):
            f = replace(f, country=prev.country or f.country,
                        group=prev.group if f.group == "people" else f.group)
        out.append(f)
    return out


def _shared_sides(figures: list[Figure]) -> list[Figure]:
    """A count repeated in an article is the same people ("melukai dua orang" ... "dua orang
    mengalami luka-luka"; a headline's "20 komandan Iran tewas" ... "lebih dari 20 komandan"): a
    repetition without a side takes the side the article gives it elsewhere, and a plain repetition
    the bound given elsewhere, when the article gives only one."""
    sides: dict[tuple, set[str]] = {}
    for f in figures:
        if f.country:
            sides.setdefault((f.kind, f.low, f.best, f.high), set()).add(f.country)
    out = []
    for f in figures:
        known = sides.get((f.kind, f.low, f.best, f.high), set())
        out.append(replace(f, country=next(iter(known))) if not f.country and len(known) == 1 else f)
    bounds: dict[tuple, set[tuple]] = {}
    for f in out:
        if f.best is None and (f.low is None) != (f.high is None):
            bounds.setdefault((f.kind, f.low or f.high), set()).add((f.low, f.high, f.country))
    for i, f in enumerate(out):
        known = bounds.get((f.kind, f.best), set()) if f.low is None and f.high is None else set()
        if len(known) == 1:
            low, high, country = next(iter(known))
            if country == f.country or not (country and f.country):
                out[i] = replace(f, low=low, best=None, high=high, country=f.country or country)
    return out


def _figure(doc: Document, sentence: Sentence, c: Candidate, kind: str, cands: list[Candidate],
            actors: list[ActorMention], sides: list[tuple[Span, str | None]], data: FigureData,
            previous: tuple[Sentence, list[ActorMention]] | None = None, places: list | None = None) -> Figure:
    text = doc.text
    low, best, high = _bounds(c)
    claimant, claimant_country = find_claimant(text, sentence, c.start, c.end, actors, data)
    if claimant is None and previous is not None and data.continued_claim_re.match(text, sentence.start, sentence.end):
        # "Ditambahkan bahwa satu tentara cadangan mengalami luka parah": the speaker of the sentence before
        prev_sentence, prev_actors = previous
        claimant, claimant_country = find_claimant(text, prev_sentence, prev_sentence.end, prev_sentence.end,
                                                   prev_actors, data)
    country = c.country
    if country is None and c.via == "before":
        country = target_side(text, sentence, c.start, sides, data)
    if country is None and c.group not in GROUPS_WITHOUT_CLAIMANT_SIDE and claimant_country:
        country = claimant_country
    if country is None and c.possessed and claimant is None and previous is not None:
        # "Dengan demikian, jumlah tentaranya yang tewas ... kini menjadi 24 orang": with no speaker
        # of its own, the "-nya" points back to the side that spoke in the sentence before
        prev_sentence, prev_actors = previous
        country = find_claimant(text, prev_sentence, prev_sentence.end, prev_sentence.end, prev_actors, data)[1]
    if country is None and c.group in data.place_side_groups:
        country = place_side(text, places or [], data)
    status = "claimed" if _hedged(text, sentence, c, cands, data) else None
    return Figure(kind=kind, low=low, best=best, high=high, group=c.group, country=country,
                  claimed_by=claimant, text=text[c.start:c.end], start=c.start, end=c.end,
                  status=status, sentence_index=sentence.index)


def _bounds(c: Candidate) -> tuple[int | None, int | None, int | None]:
    a = c.amount
    if a.best is None:
        return a.low, None, a.high
    if c.bound == "low":
        return a.best, None, None
    if c.bound == "high":
        return None, None, a.best
    if c.bound == "low+best":
        return a.best, a.best, None
    return None, a.best, None


def _hedged(text: str, sentence: Sentence, c: Candidate, cands: list[Candidate], data: FigureData) -> bool:
    earlier = [x.end for x in cands if x.end <= c.start]
    lo = max(earlier) if earlier else sentence.start
    breaks = [m.end() for m in BREAK_RE.finditer(text[lo:c.start])]
    lo += breaks[-1] if breaks else 0
    hi = max(c.end, c.cue_at)
    return bool(data.hedge_re.search(text[lo:hi]))
