"""The compiled figure grammar of a language: word lists from ``figure_*.tsv``/``.txt`` and
``number_*.tsv`` turned into regular expressions and lookup tables, built once per language."""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from warta.extract.figures.cues import cue_automaton
from warta.lang import Language


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
    place_link_re: re.Pattern
    place_side_groups: frozenset[str]
    verb_prefix_re: re.Pattern
    possessed_re: re.Pattern
    max_before_words: int
    range_re: re.Pattern
    range_open_re: re.Pattern
    range_after_open_re: re.Pattern
    link_re: re.Pattern
    link_word_re: re.Pattern
    not_count_re: re.Pattern
    not_count_after_re: re.Pattern
    side_gap_re: re.Pattern
    after_bare_re: re.Pattern
    opener_re: re.Pattern
    comma_claims: frozenset[str]
    others: frozenset[str]
    others_tail_re: re.Pattern
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
    cues: ahocorasick.Automaton | None


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
        place_link_re=re.compile(rf"(?<![\w-])(?i:{_alt(words['place_link'])})\s+$"),
        place_side_groups=frozenset(words["place_side_groups"]),
        continued_claim_re=re.compile(rf"\s*(?:{_alt(words['claim_continued'])})(?:nya)?\s*(?:,|(?:bahwa)(?![\w-]))"),
        name_kind_groups=frozenset(words["name_kind_groups"]),
        copulas=frozenset(w.lower() for w in words["copula"]),
        clause_stop=frozenset(w.lower() for w in words["clause_stop"]),
        possessed_re=re.compile(rf"\w(?:{possessive})$"),
        verb_prefix_re=re.compile(rf"(?:{_alt(words['verb_prefix'])})[a-z]{{2}}"),
        max_before_words=max(len(p.split()) for p in before),
        range_re=re.compile(rf"\s*(?:{_alt(words['range'])})\s*"),
        range_open_re=re.compile(rf"(?:^|(?<=[\s(]))(?i:{_alt(words['range_open'])})\s+$"),
        range_after_open_re=re.compile(rf"\s*(?:{_alt(words['range'] + words['range_after_open'])})\s*"),
        link_word_re=re.compile(rf"(?<![\w-])(?:{_alt(words['link'])})(?![\w-])"),
        link_re=re.compile(rf"\s*(?:[A-Z][\w'’-]*\s+)*(?:,\s*)?(?:(?:{_alt(words['link'])})\s+){{0,2}}"),
        not_count_after_re=re.compile(rf"\s+(?:{_alt(words['not_count_after'])})(?![\w-])"),
        not_count_re=re.compile(rf"(?:^|[\s(])(?:{_alt(words['not_count_before'])})\s*$", re.IGNORECASE),
        side_gap_re=re.compile(rf"\s*(?:(?:{_alt(words['side_link'])})\s+)?"),
        after_bare_re=re.compile(rf"\s*(?:[,.;]|$|\s(?:{_alt(words['after_bare'])})(?!\w))"),
        opener_re=re.compile(rf"^(?:[\"“'‘]\s*)?(?:(?:{_alt(words['claim_openers'])})\s*,?\s+)", re.IGNORECASE),
        comma_claims=frozenset(w.lower() for w in words["claim_after_comma"]),
        others=frozenset(words["others"]),
        others_tail_re=re.compile(rf"(?<![\w-])(?:{_alt(words['others_tail'])})$"),
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
        cues=cue_automaton(after + after_name, before, totals,
                            [noun for noun, (_, kind, _) in groups.items() if kind]),
    )
