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
counts as its own. The claimant is written as the text says it ("menurut angka resmi" → "angka
resmi"). A hedged count ("mungkin", "diperkirakan") has status "claimed". Totals named before
their count ("Jumlah korban tewas ... kini mencapai 224 orang", "jumlah tentaranya yang tewas ...,
kini menjadi 24 orang") are figures too.

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
from dataclasses import dataclass, replace
from itertools import pairwise

from warta.lang import Language
from warta.model import ActorMention, Document, Figure, Sentence, Span, by_sentence
from warta.numbers import Amount, find_numbers

MAX_GAP_WORDS = 5
MAX_RELATIVE_WORDS = 7
MAX_MODIFIER_WORDS = 3
MAX_CLAIMANT_WORDS = 8
GROUPS_WITHOUT_CLAIMANT_SIDE = ("militants", "others")   # a side rarely counts these of its own
LEADING_ZERO_RE = re.compile(r"0\d")
YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
YEAR_END_RE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d$")
NOT_PEOPLE_AFTER_RE = re.compile(r"\s*(?:%|[:.]\d)")
LOWER_WORD_RE = re.compile(r"\s+([a-z0-9][\w-]*)")
LEAD_WORD_RE = re.compile(r"[\w-]+")
DIGIT_RE = re.compile(r"\d")
CLAUSE_MARK_RE = re.compile(r"[,;:\"“”]")
BREAK_RE = re.compile(r"[,;:]")
CLAIM_CLAUSE_RE = re.compile(r"[,;:\"“”]|[.!?]\s")


# ----------------------------------------------------------------------------------- language data

@dataclass(frozen=True)
class FigureData:
    kind_after: re.Pattern
    kind_after_name: re.Pattern
    kind_before: dict[str, str]
    kind_of: dict[str, str]
    groups: dict[str, tuple[str, str, str]]
    group_re: re.Pattern
    single_re: re.Pattern
    qual_before_re: re.Pattern
    qual_after_re: re.Pattern
    qualifiers: dict[str, str]
    hedge_re: re.Pattern
    claim_before_re: re.Pattern
    claim_after_re: re.Pattern
    gap_after_re: re.Pattern
    gap_word_re: re.Pattern
    gaps_before: frozenset[str]
    modifier_stop: frozenset[str]
    clause_stop: frozenset[str]
    copulas: frozenset[str]
    name_kind_groups: frozenset[str]
    continued_claim_re: re.Pattern
    target_link_re: re.Pattern
    verb_prefix_re: re.Pattern
    possessed_re: re.Pattern
    max_before_words: int
    range_re: re.Pattern
    link_re: re.Pattern
    link_word_re: re.Pattern
    not_count_re: re.Pattern
    side_gap_re: re.Pattern
    after_bare_re: re.Pattern
    opener_re: re.Pattern
    comma_claims: frozenset[str]
    others: frozenset[str]
    year_before_re: re.Pattern
    claim_stop: frozenset[str]
    relative: frozenset[str]
    reach: frozenset[str]
    totals: dict[str, str]
    total_re: re.Pattern
    total_group_re: re.Pattern
    side_gap_max: int
    side_link_re: re.Pattern
    others_group_re: re.Pattern
    part_first_re: re.Pattern
    part_next_re: re.Pattern
    part_end_re: re.Pattern
    aside_re: re.Pattern


def figure_data(lang: Language) -> FigureData:
    """The compiled figure grammar of ``lang`` (built once per language)."""
    return lang.compiled("figures", _build)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _first_letters(words) -> str:
    """A look-ahead for the first letters of ``words`` in either case: a cheap test that lets a
    scan skip most positions before trying a long alternation."""
    letters = sorted({w[:1].lower() for w in words} | {w[:1].upper() for w in words})
    return "(?=[" + "".join(re.escape(ch) for ch in letters) + "])"


def _build(lang: Language) -> FigureData:
    kinds = lang.table("figure_kinds.tsv")
    after = [r["phrase"] for r in kinds if r["position"] == "after"]
    before = {r["phrase"]: r["kind"] for r in kinds if r["position"] == "before"}
    kind_of = {r["phrase"]: r["kind"] for r in kinds if r["position"] in ("after", "after_name")}
    after_name = [r["phrase"] for r in kinds if r["position"] == "after_name"]
    totals = {r["phrase"].lower(): r["kind"] for r in kinds if r["position"] == "total"}
    groups = {r["noun"]: (r["group"], r.get("kind", ""), r.get("country", ""))
              for r in lang.table("figure_groups.tsv")}
    quals = lang.table("figure_qualifiers.tsv")
    q_before = [r["phrase"] for r in quals if r["position"] == "before"]
    q_after = [r["phrase"] for r in quals if r["position"] == "after"]
    qualifiers = {r["phrase"].lower(): r["bound"] for r in quals}
    claims = lang.table("figure_claims.tsv")
    gaps = lang.table("figure_gaps.tsv")
    people_nouns = _alt(groups)
    words = {r["key"]: [w.strip() for w in r["words"].split("|") if w.strip()]
             for r in lang.table("figure_words.tsv")}
    classifier = _alt(words["classifier"])
    possessive = _alt(words["possessive"])
    gap_words = _alt(r["word"] for r in gaps if r["side"] == "after")
    number_words = [r["word"].lower() for r in lang.table("number_words.tsv")]
    singles = lang.lines("figure_single.txt")
    group_pattern = rf"\s+(?:(?:{classifier})\s+)?(?P<noun>{people_nouns})(?:{possessive})?(?![\w-])"
    return FigureData(
        kind_after=re.compile(rf"\s*(?P<kind>{_alt(after)})(?![\w-])"),
        kind_after_name=re.compile(rf"\s*(?P<kind>{_alt(after_name)})\s+(?=[A-Z])"),
        kind_before=before,
        kind_of=kind_of,
        groups=groups,
        group_re=re.compile(group_pattern),
        single_re=re.compile(rf"(?<![\w-]){_first_letters(singles)}(?i:{_alt(singles)})"
                             rf"(?:\s+(?P<noun>{people_nouns})(?:{possessive})?)?(?![\w-])"),
        qual_before_re=re.compile(rf"(?:^|(?<=[\s(\"“]))(?P<q>{_alt(q_before)})\s+$", re.IGNORECASE),
        qual_after_re=re.compile(rf"\s+(?P<q>{_alt(q_after)})(?![\w-])"),
        qualifiers=qualifiers,
        hedge_re=re.compile(rf"(?<![\w-])(?:{_alt(lang.lines('figure_hedges.txt'))})(?![\w-])", re.IGNORECASE),
        claim_before_re=re.compile(
            rf"(?<![\w-])(?:{_alt(r['word'] for r in claims if r['side'] == 'before')})(?![\w-])"),
        claim_after_re=re.compile(rf"(?<![\w-])(?P<w>{_alt(r['word'] for r in claims if r['side'] == 'after')})\s+"
                                  rf"(?P<who>[^,.;:!?\"“”()]+)", re.IGNORECASE),
        gap_after_re=re.compile(rf"\s*(?:(?:{gap_words})(?![\w-])"
                                rf"|[A-Z][\w'’-]*|,(?=\s))"),
        gap_word_re=re.compile(rf"\s+(?:{gap_words})(?![\w-])"),
        gaps_before=frozenset(r["word"] for r in gaps if r["side"] == "before"),
        modifier_stop=frozenset(w.lower() for w in words["modifier_stop"]) | frozenset(number_words),
        target_link_re=re.compile(rf"(?<![\w-])(?:{_alt(words['target_link'])})\s+$"),
        continued_claim_re=re.compile(rf"\s*(?:{_alt(words['claim_continued'])})(?:nya)?\s*(?:,|(?:bahwa)(?![\w-]))"),
        name_kind_groups=frozenset(words["name_kind_groups"]),
        copulas=frozenset(w.lower() for w in words["copula"]),
        clause_stop=frozenset(w.lower() for w in words["clause_stop"]),
        possessed_re=re.compile(rf"\w(?:{possessive})$"),
        verb_prefix_re=re.compile(rf"(?:{_alt(words['verb_prefix'])})[a-z]{{2}}"),
        max_before_words=max(len(p.split()) for p in before),
        range_re=re.compile(rf"\s*(?:{_alt(words['range'])})\s*"),
        link_word_re=re.compile(rf"(?<![\w-])(?:{_alt(words['link'])})(?![\w-])"),
        link_re=re.compile(rf"\s*(?:[A-Z][\w'’-]*\s+)*(?:,\s*)?(?:(?:{_alt(words['link'])})\s+){{0,2}}"),
        not_count_re=re.compile(rf"(?:^|[\s(])(?:{_alt(words['not_count_before'])})\s*$", re.IGNORECASE),
        side_gap_re=re.compile(rf"\s*(?:(?:{_alt(words['side_link'])})\s+)?"),
        after_bare_re=re.compile(rf"\s*(?:[,.;]|$|\s(?:{_alt(words['after_bare'])})(?!\w))"),
        opener_re=re.compile(rf"^(?:[\"“'‘]\s*)?(?:(?:{_alt(words['claim_openers'])})\s*,?\s+)", re.IGNORECASE),
        comma_claims=frozenset(w.lower() for w in words["claim_after_comma"]),
        others=frozenset(words["others"]),
        claim_stop=frozenset(w.lower() for w in words["claim_stop"]),
        relative=frozenset(words["relative"]),
        reach=frozenset(w.lower() for w in words["reach"]),
        totals=totals,
        total_re=re.compile(rf"(?<![\w-])(?P<total>{_alt(totals)})(?![\w-])", re.IGNORECASE),
        total_group_re=re.compile(rf"(?<![\w-])(?i:{_alt(words['total_head'])})\s+(?:{people_nouns})(?P<own>{possessive})?"
                                  rf"\s+(?:{_alt(words['relative'])})(?:\s+(?:{gap_words}))*\s+"
                                  rf"(?P<kind>{_alt(after)})(?![\w-])"),
        side_gap_max=max(len(w) for w in words["side_link"]) + 2,
        side_link_re=re.compile(rf"\s+(?:{_alt(words['side_link'])})\s+"),
        others_group_re=re.compile(rf"(?:\s+(?:{_alt(words['copula'])}))?{group_pattern}"),
        part_first_re=re.compile(rf"(?P<rest>[^,;:.!?\"“”\d]*),\s*(?:(?:{_alt(words['part_lead'])})\s+)?"),
        part_next_re=re.compile(rf"\s*(?:,\s*)?(?:(?:{_alt(words['link'])})\s+)?"),
        part_end_re=re.compile(rf"\s*(?:[,.;:)!?\"”]|$|(?:{_alt(words['part_end'])})(?![\w-]))"),
        aside_re=re.compile(rf"\s*,\s*(?:{_alt(words['aside_lead'])})\s+[^,;:.!?\"“”()\d]{{1,80}},"),
        year_before_re=re.compile(rf"(?:^|\s)(?:{_alt(words['year_before'])})\s+$", re.IGNORECASE),
    )


# ----------------------------------------------------------------------------------- candidates

@dataclass
class _Candidate:
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


def extract_figures(doc: Document, lang: Language) -> tuple[Figure, ...]:
    """All figures of ``doc``, sorted by start; the text of each is ``doc.text[start:end]``."""
    data = figure_data(lang)
    numbers = find_numbers(doc.text, lang)
    actors = by_sentence(doc.actors)
    places = by_sentence(doc.places)
    singles = [m.start() for m in data.single_re.finditer(doc.text)]
    out: list[Figure] = []
    i = 0
    previous = None
    for sentence in doc.sentences:
        while i < len(numbers) and numbers[i][0] < sentence.start:
            i += 1
        j = i
        while j < len(numbers) and numbers[j][0] < sentence.end:
            j += 1
        nums = [n for n in numbers[i:j] if n[1] <= sentence.end]
        if nums or _holds(singles, sentence):
            out.extend(_sentence_figures(doc, sentence, nums, actors.get(sentence.index, []),
                                         places.get(sentence.index, []), data, previous))
        i = j
        previous = (sentence, actors.get(sentence.index, []))
    return tuple(sorted(_shared_sides(out), key=lambda f: (f.start, f.end)))


def _holds(starts: list[int], sentence: Sentence) -> bool:
    """Whether one of the sorted offsets ``starts`` lies in ``sentence``."""
    i = bisect_left(starts, sentence.start)
    return i < len(starts) and starts[i] < sentence.end


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


def figures_in_sentence(doc: Document, index: int) -> tuple[Figure, ...]:
    """The figures of ``doc`` that lie in sentence ``index``."""
    return tuple(f for f in doc.figures if f.sentence_index == index)


def _sentence_figures(doc: Document, sentence: Sentence, nums: list, actors: list[ActorMention],
                      places: list, data: FigureData,
                      previous: tuple[Sentence, list[ActorMention]] | None = None) -> list[Figure]:
    text = doc.text
    sides = [(a.span, a.actor.country) for a in actors] + [(p.span, p.place.country) for p in places]
    cands = _candidates(text, sentence, nums, sides, data)
    if not cands:
        return []
    for c in cands:
        _own_kind(text, sentence, c, data)
    _share_kinds(text, [c for c in cands if not c.part_only], data)
    _share_breakdowns(text, sentence, cands, data)
    figures = []
    for c in cands:
        kind = c.kind or c.implied_kind
        if not kind:
            continue
        figures.append(_figure(doc, sentence, c, kind, cands, actors, sides, data, previous))
    return figures


def _candidates(text: str, sentence: Sentence, nums: list, sides: list[tuple[Span, str | None]],
                data: FigureData) -> list[_Candidate]:
    out: list[_Candidate] = []
    skip_until = -1
    by_start = {s: (e, a) for s, e, a in nums}
    for start, end, amount in nums:
        if start < skip_until:
            continue
        amount, end = _range(text, end, by_start, amount, data)
        skip_until = end
        c = _noun_phrase(text, sentence, start, end, amount, sides, data)
        if c is not None:
            out.append(c)
    covered = iter(out)          # counts in text order: a "seorang" inside one is part of it
    current = next(covered, None)
    for m in data.single_re.finditer(text, sentence.start, sentence.end):
        while current is not None and current.end <= m.start():
            current = next(covered, None)
        if current is not None and current.start <= m.start():
            continue
        noun = m.group("noun") or "orang"
        group, implied, country = data.groups.get(noun, ("people", "", ""))
        end = m.end()
        country_side, end = _side(text, end, sides, data)
        out.append(_Candidate(m.start(), m.start(), end, Amount(best=1), None, group, implied,
                              country or country_side or None, named=m.group("noun") is not None,
                              possessed=m.group("noun") is not None and m.end() > m.end("noun")))
    return sorted(out, key=lambda c: c.start)


def _range(text: str, end: int, by_start: dict[int, tuple[int, Amount]], amount: Amount,
           data: FigureData) -> tuple[Amount, int]:
    """"30-40 orang", "30 hingga 40 orang": one count from low to high."""
    m = data.range_re.match(text, end)
    if not m or amount.best is None:
        return amount, end
    e, other = by_start.get(m.end(), (end, None))
    if other is not None and other.best is not None and other.best > amount.best:
        return Amount(low=amount.best, high=other.best), e
    return amount, end


def _noun_phrase(text: str, sentence: Sentence, start: int, end: int, amount: Amount,
                 sides: list[tuple[Span, str | None]], data: FigureData) -> _Candidate | None:
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
        return _Candidate(q_start, start, end, amount, bound, "people", "", None, named=False)
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
    return _Candidate(q_start, start, np_end, amount, bound, group, implied, country or side or None,
                      others=noun in data.others, possessed=m.end() > m.end("noun"))


def _bare_part(text: str, q_start: int, start: int, end: int, amount: Amount, bound: str | None,
               sides: list[tuple[Span, str | None]], data: FigureData) -> _Candidate | None:
    """"dua dari Swedia", "satu asal Inggris": a bare count with an origin, which can only be a
    part of a total broken down after it."""
    if not data.side_link_re.match(text, end):
        return None
    country, np_end = _side(text, end, sides, data)
    if country is None:
        return None
    return _Candidate(q_start, start, np_end, amount, bound, "people", "", country, named=False, part_only=True)


def _not_a_count(text: str, start: int, end: int, data: FigureData) -> bool:
    """Money, percentages, ordinals and clock times are never counts of people."""
    return bool(data.not_count_re.search(text[max(0, start - 10):start])) or \
        bool(NOT_PEOPLE_AFTER_RE.match(text, end, end + 3))


def _bare_count_ok(text: str, sentence: Sentence, start: int, end: int, data: FigureData) -> bool:
    """"korban tewas mencapai 96." — a count with no noun, right after a word for the kind."""
    if not data.after_bare_re.match(text[end:end + 12]):
        return False
    return _kind_before(text, sentence, start, data) is not None


def _bare_before_kind(text: str, sentence: Sentence, end: int, data: FigureData) -> bool:
    """"ratusan ditangkap", "sekitar 14 juta terpaksa mengungsi", "ada 77 yang tewas": a count
    followed by the word for what happened, with at most a few gap words between."""
    if YEAR_END_RE.search(text[max(0, end - 5):end]):
        return False        # a year
    pos = end
    for _ in range(MAX_GAP_WORDS):
        if _kind_word_at(text, sentence, pos, data):
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


# ----------------------------------------------------------------------------------- kinds

def _own_kind(text: str, sentence: Sentence, c: _Candidate, data: FigureData) -> None:
    if c.part_only:
        return
    before = _kind_before(text, sentence, c.start, data)
    total = None if before else _kind_of_total(text, sentence, c.num_start, data)
    if total:
        before, c.possessed = total[0], c.possessed or total[1]
    if before:
        c.kind, c.via = before, "before"
        return
    after = _kind_after(text, sentence, c.end, data, MAX_MODIFIER_WORDS if c.named else 0,
                        c.group in data.name_kind_groups)
    if after:
        c.kind, c.via, c.cue_at = after[0], "after", after[1]


def _kind_after(text: str, sentence: Sentence, pos: int, data: FigureData,
                modifiers: int = MAX_MODIFIER_WORDS, by_name: bool = False) -> tuple[str, int] | None:
    """The kind word after a group, over a few modifiers of the noun ("satu tentara cadangan
    mengalami luka"), gap words ("telah", "lainnya", names) or, after a relative "yang", over a few
    words of a relative clause that names no other people ("lima penumpang yang berada di dalam
    mobil mengalami luka-luka")."""
    relative_words, in_clause, copula, modified = 0, False, False, False
    for _ in range(MAX_GAP_WORDS + MAX_RELATIVE_WORDS + MAX_MODIFIER_WORDS + 1):
        named = data.group_re.match(text, pos, sentence.end) if in_clause or modified else None
        if named and in_clause:
            if not copula:
                return None  # the clause names other people ("... menghadiri pemakaman korban tewas")
            pos = named.end()   # "yang merupakan warga China": the counted people themselves
        elif named:
            return None      # "lima orang saksi korban tewas": the modifier's own people
        copula = False
        found = _kind_word_at(text, sentence, pos, data, by_name)
        if found:
            return found
        aside = data.aside_re.match(text, pos, sentence.end)
        if aside:
            pos = aside.end()   # "16 warga sipil, termasuk perempuan dan anak-anak, tewas": an aside without counts
            continue
        gap = data.gap_after_re.match(text, pos, sentence.end)
        if gap and gap.end() > pos:
            relative_words = relative_words or (MAX_RELATIVE_WORDS if gap.group().strip() in data.relative else 0)
            modifiers = 0
            pos = gap.end()
            continue
        word = LOWER_WORD_RE.match(text, pos, sentence.end)
        compound = data.group_re.match(text, pos, sentence.end)
        if compound and modifiers and not relative_words:
            modifiers -= 1      # "empat personel penjaga perdamaian": the head noun is the one counted
            pos = compound.end()
            continue
        if not word or compound:
            return None
        if modifiers and not relative_words and _is_modifier(word.group(1), data):
            modifiers -= 1
            modified = True
        elif relative_words and word.group(1).lower() not in data.clause_stop:
            relative_words -= 1
            in_clause = True
            copula = word.group(1).lower() in data.copulas
        else:
            return None
        pos = word.end()
    return None


def _kind_word_at(text: str, sentence: Sentence, pos: int, data: FigureData,
                  by_name: bool = False) -> tuple[str, int] | None:
    """The kind word that starts at ``pos`` (after blanks) and where it starts; with ``by_name``
    also a word that says the kind only before a name ("meninggalkan Rakhine")."""
    m = data.kind_after.match(text, pos, sentence.end) or \
        (data.kind_after_name.match(text, pos, sentence.end) if by_name else None)
    return (data.kind_of[m.group("kind")], m.start("kind")) if m else None


def _is_modifier(word: str, data: FigureData) -> bool:
    """A lower-case word that may qualify a counted noun: no function word, number or verb, and no
    possessed noun, which starts a clause of its own ("salah satu karyawan ijazahnya ditahan")."""
    return word[:1].isalpha() and word.lower() not in data.modifier_stop and \
        not data.verb_prefix_re.match(word) and not data.possessed_re.search(word)


WORD_RE = re.compile(r"[\w'’-]+|[^\w\s]")


def _kind_before(text: str, sentence: Sentence, start: int, data: FigureData) -> str | None:
    """The kind word before a count, with only gap words between ("menewaskan sedikitnya ...")."""
    tokens = WORD_RE.findall(text[max(sentence.start, start - 80):start])
    words: list[str] = []
    for tok in reversed(tokens):
        if not (tok[:1].isalnum() or tok[:1] == "_"):
            break
        words.insert(0, tok)
    for skip in range(4):
        if skip and not _is_gap_tail(words, skip, data):
            break
        head = words[:len(words) - skip] if skip else words
        for n in range(min(data.max_before_words, len(head)), 0, -1):
            phrase = " ".join(head[-n:])
            phrase = phrase[:1].lower() + phrase[1:]     # a sentence may open with the phrase
            if phrase in data.kind_before:
                return data.kind_before[phrase]
    return None


def _kind_of_total(text: str, sentence: Sentence, start: int, data: FigureData) -> tuple[str, bool] | None:
    """"Jumlah korban tewas di Iran terus bertambah dan kini mencapai 224 orang": a count right
    after a word for reaching a total (qualifiers may stand between), in a clause that names the
    total's kind, or in a clause of its own with no subject after the one that names it ("jumlah
    tentaranya yang tewas dalam perang itu, kini menjadi 24 orang"). The kind, and whether the
    total's head is possessed ("tentaranya")."""
    lead = [w.lower() for w in LEAD_WORD_RE.findall(text, max(sentence.start, start - 60), start)]
    while lead and lead[-1] not in data.reach and (
            lead[-1] in data.qualifiers or " ".join(lead[-2:]) in data.qualifiers):
        lead.pop()
    if not lead or lead[-1] not in data.reach:
        return None
    clause_start = _clause_start(text, sentence.start, start)
    found = _last_total(text, clause_start, start, data)
    if found is None:
        head = text[clause_start:start].lower().split()
        reach_at = max((i for i, w in enumerate(head) if w in data.reach), default=None)
        if clause_start == sentence.start or reach_at is None or \
                not all(w in data.gaps_before for w in head[:reach_at]):
            return None     # the count's clause has a subject of its own ("sementara bantuan mencapai ...")
        total_end = clause_start - 1
        clause_start = _clause_start(text, sentence.start, total_end)
        found = _last_total(text, clause_start, total_end, data)
        if found is None or DIGIT_RE.search(text, found[1], start):
            return None
    kind, at = found[0], found[2]
    prefix = text[clause_start:at].strip()
    if prefix and not data.opener_re.fullmatch(prefix + " "):
        return None         # the total must open its clause: it is what the clause counts
    return kind, found[3]


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause that holds ``hi`` starts: after the last comma, colon or quote before it."""
    out = lo
    for m in CLAUSE_MARK_RE.finditer(text[lo:hi]):
        out = lo + m.end()
    return out


def _last_total(text: str, lo: int, hi: int, data: FigureData) -> tuple[str, int, int, bool] | None:
    """The last name of a total in ``text[lo:hi]``: its kind, end, start, and whether its head is
    possessed."""
    found = None
    for m in data.total_re.finditer(text, lo, hi):
        found = (data.totals[m.group("total").lower()], m.end(), m.start(), False)
    for m in data.total_group_re.finditer(text, lo, hi):
        if found is None or m.start() > found[2]:
            found = (data.kind_of[m.group("kind")], m.end(), m.start(), m.group("own") is not None)
    return found


def _is_gap_tail(words: list[str], skip: int, data: FigureData) -> bool:
    tail = words[len(words) - skip:]
    return bool(tail) and all(w.lower() in data.gaps_before for w in tail)


def _share_kinds(text: str, cands: list[_Candidate], data: FigureData) -> None:
    """Coordinated counts share the kind word that follows the last or precedes the first."""
    if not cands:
        return
    chains: list[list[_Candidate]] = [[cands[0]]]
    joined: list[bool] = [False]      # whether a chain has a joining word, not only commas
    for prev, cur in pairwise(cands):
        between = text[prev.end:cur.start]
        if data.link_re.fullmatch(between) and between.strip():
            chains[-1].append(cur)
            joined[-1] = joined[-1] or bool(data.link_word_re.search(between))
        else:
            chains.append([cur])
            joined.append(False)
    # "dua pilot, satu meninggal": commas alone do not make a list; "6 tentara, 4 polisi dan 2 warga" do
    lists: list[list[_Candidate]] = []
    for chain, ok in zip(chains, joined):
        lists.extend([chain] if ok else [[c] for c in chain])
    for chain in lists:
        if len(chain) < 2:
            continue
        for i, c in enumerate(chain):
            if c.kind:
                continue
            later = next((x for x in chain[i + 1:] if x.kind and x.via == "after" and not x.others), None)
            earlier = next((x for x in reversed(chain[:i]) if x.kind and x.via == "before"), None)
            source = later or earlier
            if source:
                c.kind, c.via = source.kind, "shared"
        head = chain[0]
        if head.bound == "low" and head.via == "shared":
            for c in chain[1:]:
                if c.bound is None and c.amount.best is not None and c.via == "after":
                    c.bound = "low+best"


def _share_breakdowns(text: str, sentence: Sentence, cands: list[_Candidate], data: FigureData) -> None:
    """A total broken down after a comma ("Empat orang tewas, dua dari Swedia, satu orang
    berkebangsaan Inggris dan satu orang Belgia"; "12 orang tewas, termasuk tiga warga Australia"):
    its parts take the total's kind."""
    i = 0
    while i < len(cands):
        total = cands[i]
        parts = _parts_of(text, sentence, cands, i, data) if total.kind and total.via in ("before", "after") else []
        for part in parts:
            part.kind, part.via = total.kind, "part"
        i += 1 + len(parts)


def _parts_of(text: str, sentence: Sentence, cands: list[_Candidate], i: int,
              data: FigureData) -> list[_Candidate]:
    """The parts of the total ``cands[i]``: kindless counts that name a country or a group of
    their own, each a bare noun phrase (no predicate follows it), summing to at most the total. A
    list whose last member has a kind word after it is a coordination, not a breakdown."""
    total = cands[i]
    value = total.amount.best or total.amount.low or total.amount.high
    parts: list[_Candidate] = []
    used, prev_end = 0, total.end
    for c in cands[i + 1:]:
        between = text[prev_end:c.start]
        if parts:
            joined = bool(between.strip()) and data.part_next_re.fullmatch(between) is not None
        else:
            first = data.part_first_re.fullmatch(between)
            joined = first is not None and _total_clause_rest(first.group("rest"), total, data)
        if not joined:
            break
        if c.kind:
            return [] if parts and c.via == "after" else parts
        if c.amount.best is None or not (c.country or c.group != total.group) or \
                not data.part_end_re.match(text, c.end, sentence.end):
            break
        used += c.amount.best
        if value is None or used > value:
            return []
        parts.append(c)
        prev_end = c.end
    return parts


def _total_clause_rest(rest: str, total: _Candidate, data: FigureData) -> bool:
    """Whether ``rest``, the words between a total and the comma before its first part, is only
    the rest of the total's own clause: a few words with no verb after a total named after its kind
    word ("menewaskan empat orang di Kabul, ..."), a few words holding its kind word for a total
    before it ("Empat orang tewas dalam serangan itu, ...")."""
    words = rest.split()
    if total.via == "after":
        return total.cue_at >= total.end and len(words) <= MAX_GAP_WORDS + MAX_RELATIVE_WORDS
    return len(words) <= MAX_GAP_WORDS and not any(w.islower() and data.verb_prefix_re.match(w) for w in words)


# ----------------------------------------------------------------------------------- the record

def _figure(doc: Document, sentence: Sentence, c: _Candidate, kind: str, cands: list[_Candidate],
            actors: list[ActorMention], sides: list[tuple[Span, str | None]], data: FigureData,
            previous: tuple[Sentence, list[ActorMention]] | None = None) -> Figure:
    text = doc.text
    low, best, high = _bounds(c)
    claimant, claimant_country = _claimant(text, sentence, c.start, c.end, actors, data)
    if claimant is None and previous is not None and data.continued_claim_re.match(text, sentence.start, sentence.end):
        # "Ditambahkan bahwa satu tentara cadangan mengalami luka parah": the speaker of the sentence before
        prev_sentence, prev_actors = previous
        claimant, claimant_country = _claimant(text, prev_sentence, prev_sentence.end, prev_sentence.end,
                                               prev_actors, data)
    country = c.country
    if country is None and c.via == "before":
        country = _target_side(text, sentence, c.start, sides, data)
    if country is None and c.group not in GROUPS_WITHOUT_CLAIMANT_SIDE and claimant_country:
        country = claimant_country
    if country is None and c.possessed and claimant is None and previous is not None:
        # "Dengan demikian, jumlah tentaranya yang tewas ... kini menjadi 24 orang": with no speaker
        # of its own, the "-nya" points back to the side that spoke in the sentence before
        prev_sentence, prev_actors = previous
        country = _claimant(text, prev_sentence, prev_sentence.end, prev_sentence.end, prev_actors, data)[1]
    status = "claimed" if _hedged(text, sentence, c, cands, data) else None
    return Figure(kind=kind, low=low, best=best, high=high, group=c.group, country=country,
                  claimed_by=claimant, text=text[c.start:c.end], start=c.start, end=c.end,
                  status=status, sentence_index=sentence.index)


def _target_side(text: str, sentence: Sentence, start: int, sides: list[tuple[Span, str | None]],
                 data: FigureData) -> str | None:
    """"serangan udaranya terhadap Iran telah menewaskan lebih dari 20 komandan": the dead of an
    attack on a side named earlier in the count's clause belong to that side."""
    clause_start = _clause_start(text, sentence.start, start)
    found = None
    for span, country in sides:
        if clause_start <= span.start and span.end <= start and country and \
                data.target_link_re.search(text, clause_start, span.start) and \
                (found is None or span.start > found[0].start):
            found = (span, country)
    return found[1] if found else None


def _bounds(c: _Candidate) -> tuple[int | None, int | None, int | None]:
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


def _hedged(text: str, sentence: Sentence, c: _Candidate, cands: list[_Candidate], data: FigureData) -> bool:
    earlier = [x.end for x in cands if x.end <= c.start]
    lo = max(earlier) if earlier else sentence.start
    breaks = [m.end() for m in BREAK_RE.finditer(text[lo:c.start])]
    lo += breaks[-1] if breaks else 0
    hi = max(c.end, c.cue_at)
    return bool(data.hedge_re.search(text[lo:hi]))


def _claimant(text: str, sentence: Sentence, start: int, end: int, actors: list[ActorMention],
              data: FigureData) -> tuple[str | None, str | None]:
    """Who gives the count at ``start:end``, as written, and that claimant's country when an actor
    in it has one."""
    options = []
    for m in data.claim_before_re.finditer(text, sentence.start, start):
        span = _claimant_before(text, sentence, m.start(), data)
        if span:
            options.append((start - m.end(), span))
    for m in data.claim_after_re.finditer(text, sentence.start, sentence.end):
        span = _claimant_after(text, m.start("who"), m.end("who"), m.group("w"), data)
        if span and not (m.start() <= start < span[1]):
            options.append((abs(m.start() - end) if m.start() > end else start - m.end(), span))
    if not options:
        return None, None
    s, e = min(options, key=lambda o: o[0])[1]
    country = next((a.actor.country for a in actors
                    if s <= a.span.start and a.span.end <= e and a.actor.country), None)
    return text[s:e], country


def _claimant_before(text: str, sentence: Sentence, verb_start: int, data: FigureData) -> tuple[int, int] | None:
    """"Pihak berwenang Thailand mengatakan ...": the words from the clause start to the verb."""
    lo = sentence.start
    for m in CLAIM_CLAUSE_RE.finditer(text[sentence.start:verb_start]):
        lo = sentence.start + m.end()
    seg = text[lo:verb_start]
    opener = data.opener_re.match(seg.lstrip())
    s = lo + (len(seg) - len(seg.lstrip())) + (opener.end() if opener else 0)
    e = verb_start
    while e > s and text[e - 1].isspace():
        e -= 1
    words = text[s:e].split()
    if not words or len(words) > MAX_CLAIMANT_WORDS:
        return None
    return s, e


def _claimant_after(text: str, s: int, e: int, word: str, data: FigureData) -> tuple[int, int] | None:
    """"menurut Presiden Rusia Vladimir Putin mungkin ...": the name, cut after its capitalised run."""
    if word.lower() in data.comma_claims:
        before = text[max(0, s - len(word) - 4):s - len(word) - 1]
        if not re.search(r"[,\"”]\s*$", before):
            return None
    tokens = list(re.finditer(r"\S+", text[s:e]))[:MAX_CLAIMANT_WORDS]
    if not tokens:
        return None
    end = tokens[-1].end()
    seen_capital = False
    for i, t in enumerate(tokens):
        word_text = t.group()
        if i and word_text in data.claim_stop:
            break
        if word_text[:1].isupper():
            seen_capital = True
        elif seen_capital:
            break
        end = t.end()
    return s, s + end
