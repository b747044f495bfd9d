"""Counts of people before their kind is known: [qualifier] number [orang] noun [side], a bare
count next to a kind word, or a word that counts one person ("seorang"); and each count's own kind."""
from __future__ import annotations

import re
from dataclasses import dataclass

from warta.extract.figures.data import FigureData
from warta.extract.figures.kinds import (MAX_GAP_WORDS, MAX_MODIFIER_WORDS, kind_of_total, kind_word_after,
                                         kind_word_at, kind_word_before)
from warta.model import Sentence, Span
from warta.numbers import Amount

LEADING_ZERO_RE = re.compile(r"0\d")
YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
YEAR_END_RE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d$")
NOT_PEOPLE_AFTER_RE = re.compile(r"\s*(?:%|[:.]\d)")


@dataclass
class Candidate:
    """A count of people before its kind is known: [qualifier] number [orang] noun [side]."""
    start: int           # qualifier or number
    num_start: int
    end: int             # end of the noun phrase (incl. a side named right after the noun)
    amount: Amount
    bound: str | None
    group: str
    implied_kind: str
    country: str | None
    kind: str | None = None
    via: str | None = None   # "before" or "after": where the kind word stands
    others: bool = False     # the noun is "the others" ("sembilan lainnya"): its own predicate
    cue_at: int = -1         # where the kind word after the group starts
    named: bool = True       # a noun says who is counted ("seorang" alone and bare counts have none)
    part_only: bool = False  # a bare count with an origin ("dua dari Swedia"): only a part of a total
    possessed: bool = False  # the noun or the total's head has a possessive ("tentaranya"): its side is named before


def find_candidates(text: str, sentence: Sentence, nums: list, sides: list[tuple[Span, str | None]],
                    data: FigureData) -> list[Candidate]:
    """The counts of people of ``sentence``: written with numbers (``nums``) and words that count one
    person ("seorang"), in text order."""
    out = counted_groups(text, sentence, nums, sides, data)
    covered = iter(out)          # counts in text order: a "seorang" inside one is part of it
    current = next(covered, None)
    for m in data.single_re.finditer(text, sentence.start, sentence.end):
        while current is not None and current.end <= m.start():
            current = next(covered, None)
        if current is not None and current.start <= m.start():
            continue
        if m.group("noun") is None and data.not_count_after_re.match(text, m.end()):
            continue    # "tak seorang pun": not a single one
        noun = m.group("noun") or "orang"
        group, implied, country = data.groups.get(noun, ("people", "", ""))
        end = m.end()
        country_side, end = _side(text, end, sides, data)
        out.append(Candidate(m.start(), m.start(), end, Amount(best=1), None, group, implied,
                              country or country_side or None, named=m.group("noun") is not None,
                              possessed=m.group("noun") is not None and m.end() > m.end("noun")))
    return sorted(out, key=lambda c: c.start)


def counted_groups(text: str, sentence: Sentence, nums: list, sides: list[tuple[Span, str | None]],
                   data: FigureData) -> list[Candidate]:
    """The counts of people written with the numbers ``nums`` of ``sentence``. Which counts there
    are, apart from parts of a total ("dua dari Swedia"), does not depend on ``sides``: a side only
    lengthens a count's noun phrase or names a part's country."""
    out: list[Candidate] = []
    skip_until = -1
    by_start = {s: (e, a) for s, e, a in nums}
    for start, end, amount in nums:
        if start < skip_until:
            continue
        amount, end = _range(text, start, end, by_start, amount, data)
        skip_until = end
        c = _noun_phrase(text, sentence, start, end, amount, sides, data)
        if c is not None:
            out.append(c)
    return out


def _range(text: str, start: int, end: int, by_start: dict[int, tuple[int, Amount]], amount: Amount,
           data: FigureData) -> tuple[Amount, int]:
    """"30-40 orang", "30 hingga 40 orang", "antara 30 dan 40 orang": one count from low to high."""
    opened = data.range_open_re.search(text, max(0, start - 20), start) is not None
    m = (data.range_after_open_re if opened else data.range_re).match(text, end)
    if not m or amount.best is None:
        return amount, end
    e, other = by_start.get(m.end(), (end, None))
    if other is not None and other.best is not None and other.best > amount.best:
        return Amount(low=amount.best, high=other.best), e
    return amount, end


def _noun_phrase(text: str, sentence: Sentence, start: int, end: int, amount: Amount,
                 sides: list[tuple[Span, str | None]], data: FigureData) -> Candidate | None:
    if _not_a_count(text, start, end, data) or amount.best == 0 or LEADING_ZERO_RE.match(text, start, end):
        return None
    if YEAR_RE.fullmatch(text, start, end) and \
            data.year_before_re.search(text[max(0, start - 15):start]):
        return None     # "pada 1990 warga ...": a year
    m = data.group_re.match(text, end, sentence.end)
    q = data.qual_before_re.search(text, max(sentence.start, start - 30), start)
    q_start = start - len(q.group(0)) if q else start
    bound = data.qualifiers.get(q.group("q").lower()) if q else None
    if m is None:
        if not (_bare_count_ok(text, sentence, q_start, end, data) or _bare_before_kind(text, sentence, end, data)):
            return _bare_part(text, q_start, start, end, amount, bound, sides, data)
        return Candidate(q_start, start, end, amount, bound, "people", "", None, named=False)
    noun = m.group("noun")
    group, implied, country = data.groups[noun]
    np_end = m.end()
    inner = data.others_group_re.match(text, np_end, sentence.end) if noun in data.others else None
    if inner and inner.group("noun") not in data.others:
        # "dua di antaranya warga Swedia", "tiga lainnya merupakan anak-anak": the others' own group
        group, implied, country = data.groups[inner.group("noun")]
        np_end = inner.end()
    side, np_end = _side(text, np_end, sides, data)
    after = data.qual_after_re.match(text, np_end, sentence.end)
    if after and bound in (None, "best"):
        bound = data.qualifiers.get(after.group("q").lower())
        np_end = after.end()
    return Candidate(q_start, start, np_end, amount, bound, group, implied, country or side or None,
                      others=noun in data.others, possessed=m.end() > m.end("noun"))


def _bare_part(text: str, q_start: int, start: int, end: int, amount: Amount, bound: str | None,
               sides: list[tuple[Span, str | None]], data: FigureData) -> Candidate | None:
    """"dua dari Swedia", "satu asal Inggris": a bare count with an origin, which can only be a
    part of a total broken down after it."""
    if not data.side_link_re.match(text, end):
        return None
    country, np_end = _side(text, end, sides, data)
    if country is None:
        return None
    return Candidate(q_start, start, np_end, amount, bound, "people", "", country, named=False, part_only=True)


def _not_a_count(text: str, start: int, end: int, data: FigureData) -> bool:
    """Money, percentages, ordinals and clock times are never counts of people, nor is "not a
    single one" ("tanpa satu pun cedera")."""
    return bool(data.not_count_re.search(text[max(0, start - 10):start])) or \
        bool(NOT_PEOPLE_AFTER_RE.match(text, end, end + 3)) or data.not_count_after_re.match(text, end) is not None


def _bare_count_ok(text: str, sentence: Sentence, start: int, end: int, data: FigureData) -> bool:
    """"korban tewas mencapai 96." — a count with no noun, right after a word for the kind."""
    if not data.after_bare_re.match(text[end:end + 12]):
        return False
    return kind_word_before(text, sentence, start, data) is not None


def _bare_before_kind(text: str, sentence: Sentence, end: int, data: FigureData) -> bool:
    """"ratusan ditangkap", "sekitar 14 juta terpaksa mengungsi", "ada 77 yang tewas": a count
    followed by the word for what happened, with at most a few gap words between."""
    if YEAR_END_RE.search(text[max(0, end - 5):end]):
        return False        # a year
    pos = end
    for _ in range(MAX_GAP_WORDS):
        if kind_word_at(text, sentence, pos, data):
            return True
        gap = data.gap_word_re.match(text, pos, sentence.end)
        if gap is None:
            return False
        pos = gap.end()
    return False


def _side(text: str, end: int, sides: list[tuple[Span, str | None]],
          data: FigureData) -> tuple[str | None, int]:
    """The country of an actor or place named right after the counted noun ("tentara Armenia",
    "warga Gaza"), or of an actor mention covering the noun itself; and the end of the noun phrase
    including that name. Actor mentions come before place mentions in ``sides``."""
    for span, country in sides:
        if span.start < end <= span.end and country:
            return country, span.end
    for span, country in sides:
        gap = text[end:span.start]
        if span.start >= end and len(gap) <= data.side_gap_max and data.side_gap_re.fullmatch(gap) and country:
            return country, span.end
    return None, end


def own_kind(text: str, sentence: Sentence, c: Candidate, data: FigureData) -> None:
    if c.part_only:
        return
    before = kind_word_before(text, sentence, c.start, data)
    total = None if before else kind_of_total(text, sentence, c.num_start, data)
    if total:
        before, c.possessed = total[0], c.possessed or total[1]
    if before:
        c.kind, c.via = before, "before"
        return
    after = kind_word_after(text, sentence, c.end, data, MAX_MODIFIER_WORDS if c.named else 0,
                            c.group in data.name_kind_groups)
    if after:
        c.kind, c.via, c.cue_at = after[0], "after", after[1]
