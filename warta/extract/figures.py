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
their count ("Jumlah korban tewas ... kini mencapai 224 orang") are figures too. All words are language data (``figure_*.tsv``/``.txt``, ``number_*.tsv``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from warta.lang import Language
from warta.model import ActorMention, Document, Figure, Sentence, Span
from warta.numbers import Amount, find_numbers

MAX_GAP_WORDS = 5
MAX_RELATIVE_WORDS = 4
MAX_CLAIMANT_WORDS = 8
GROUPS_WITHOUT_CLAIMANT_SIDE = ("militants", "others")   # a side rarely counts these of its own


# ----------------------------------------------------------------------------------- language data

@dataclass(frozen=True)
class FigureData:
    kind_after: re.Pattern
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
    gaps_before: frozenset[str]
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


def figure_data(lang: Language) -> FigureData:
    """The compiled figure grammar of ``lang`` (built once per language)."""
    return lang.compiled("figures", _build)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _build(lang: Language) -> FigureData:
    kinds = lang.table("figure_kinds.tsv")
    after = [r["phrase"] for r in kinds if r["position"] == "after"]
    before = {r["phrase"]: r["kind"] for r in kinds if r["position"] == "before"}
    kind_of = {r["phrase"]: r["kind"] for r in kinds if r["position"] == "after"}
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
    return FigureData(
        kind_after=re.compile(rf"\s*(?P<kind>{_alt(after)})(?![\w-])"),
        kind_before=before,
        kind_of=kind_of,
        groups=groups,
        group_re=re.compile(rf"\s+(?:(?:{classifier})\s+)?(?P<noun>{people_nouns})(?:{possessive})?(?![\w-])"),
        single_re=re.compile(rf"(?<![\w-])(?i:{_alt(lang.lines('figure_single.txt'))})"
                             rf"(?:\s+(?P<noun>{people_nouns}))?(?![\w-])"),
        qual_before_re=re.compile(rf"(?:^|(?<=[\s(\"“]))(?P<q>{_alt(q_before)})\s+$", re.IGNORECASE),
        qual_after_re=re.compile(rf"\s+(?P<q>{_alt(q_after)})(?![\w-])"),
        qualifiers=qualifiers,
        hedge_re=re.compile(rf"(?<![\w-])(?:{_alt(lang.lines('figure_hedges.txt'))})(?![\w-])", re.IGNORECASE),
        claim_before_re=re.compile(
            rf"(?<![\w-])(?:{_alt(r['word'] for r in claims if r['side'] == 'before')})(?![\w-])"),
        claim_after_re=re.compile(rf"(?<![\w-])(?P<w>{_alt(r['word'] for r in claims if r['side'] == 'after')})\s+"
                                  rf"(?P<who>[^,.;:!?\"“”()]+)", re.IGNORECASE),
        gap_after_re=re.compile(rf"\s*(?:(?:{_alt(r['word'] for r in gaps if r['side'] == 'after')})(?![\w-])"
                                rf"|[A-Z][\w'’-]*|,(?=\s))"),
        gaps_before=frozenset(r["word"] for r in gaps if r["side"] == "before"),
        max_before_words=max(len(p.split()) for p in before),
        range_re=re.compile(rf"\s*(?:{_alt(words['range'])})\s*"),
        link_word_re=re.compile(rf"(?<![\w-])(?:{_alt(words['link'])})(?![\w-])"),
        link_re=re.compile(rf"\s*(?:[A-Z][\w'’-]*\s+)*(?:,\s*)?(?:(?:{_alt(words['link'])})\s+)?"),
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


def extract_figures(doc: Document, lang: Language) -> tuple[Figure, ...]:
    """All figures of ``doc``, sorted by start; the text of each is ``doc.text[start:end]``."""
    data = figure_data(lang)
    numbers = find_numbers(doc.text, lang)
    out: list[Figure] = []
    for sentence in doc.sentences:
        nums = [n for n in numbers if sentence.start <= n[0] and n[1] <= sentence.end]
        out.extend(_sentence_figures(doc, sentence, nums, data))
    return tuple(sorted(out, key=lambda f: (f.start, f.end)))


def figures_in_sentence(doc: Document, index: int) -> tuple[Figure, ...]:
    """The figures of ``doc`` that lie in sentence ``index``."""
    return tuple(f for f in doc.figures if f.sentence_index == index)


def _sentence_figures(doc: Document, sentence: Sentence, nums: list, data: FigureData) -> list[Figure]:
    text = doc.text
    actors = [a for a in doc.actors if a.sentence_index == sentence.index]
    sides = [(a.span, a.actor.country) for a in actors] + \
        [(p.span, p.place.country) for p in doc.places if p.sentence_index == sentence.index]
    cands = _candidates(text, sentence, nums, sides, data)
    if not cands:
        return []
    for c in cands:
        _own_kind(text, sentence, c, data)
    _share_kinds(text, cands, data)
    figures = []
    for c in cands:
        kind = c.kind or c.implied_kind
        if not kind:
            continue
        figures.append(_figure(doc, sentence, c, kind, cands, actors, data))
    return figures


def _candidates(text: str, sentence: Sentence, nums: list, sides: list[tuple[Span, str | None]],
                data: FigureData) -> list[_Candidate]:
    out: list[_Candidate] = []
    skip_until = -1
    for start, end, amount in nums:
        if start < skip_until:
            continue
        amount, end = _range(text, end, nums, amount, data)
        skip_until = end
        c = _noun_phrase(text, sentence, start, end, amount, sides, data)
        if c is not None:
            out.append(c)
    for m in data.single_re.finditer(text, sentence.start, sentence.end):
        if any(c.start <= m.start() < c.end for c in out):
            continue
        noun = m.group("noun") or "orang"
        group, implied, country = data.groups.get(noun, ("people", "", ""))
        end = m.end()
        country_side, end = _side(text, end, sides, data)
        out.append(_Candidate(m.start(), m.start(), end, Amount(best=1), None, group, implied,
                              country or country_side or None))
    return sorted(out, key=lambda c: c.start)


def _range(text: str, end: int, nums: list, amount: Amount, data: FigureData) -> tuple[Amount, int]:
    """"30-40 orang", "30 hingga 40 orang": one count from low to high."""
    m = data.range_re.match(text, end)
    if not m or amount.best is None:
        return amount, end
    for s, e, other in nums:
        if s == m.end() and other.best is not None and other.best > amount.best:
            return Amount(low=amount.best, high=other.best), e
    return amount, end


def _noun_phrase(text: str, sentence: Sentence, start: int, end: int, amount: Amount,
                 sides: list[tuple[Span, str | None]], data: FigureData) -> _Candidate | None:
    if _not_a_count(text, start, end, data) or amount.best == 0 or re.match(r"0\d", text[start:end]):
        return None
    if re.fullmatch(r"(?:1[89]|20)\d\d", text[start:end]) and \
            data.year_before_re.search(text[max(0, start - 15):start]):
        return None     # "pada 1990 warga ...": a year
    m = data.group_re.match(text, end, sentence.end)
    q = data.qual_before_re.search(text, max(sentence.start, start - 30), start)
    q_start = start - len(q.group(0)) if q else start
    bound = data.qualifiers.get(q.group("q").lower()) if q else None
    if m is None:
        if not (_bare_count_ok(text, sentence, q_start, end, data) or _bare_before_kind(text, sentence, end, data)):
            return None
        return _Candidate(q_start, start, end, amount, bound, "people", "", None)
    noun = m.group("noun")
    group, implied, country = data.groups[noun]
    np_end = m.end()
    side, np_end = _side(text, np_end, sides, data)
    after = data.qual_after_re.match(text, np_end, sentence.end)
    if after and bound in (None, "best"):
        bound = data.qualifiers.get(after.group("q").lower())
        np_end = after.end()
    return _Candidate(q_start, start, np_end, amount, bound, group, implied, country or side or None,
                      others=noun in data.others)


def _not_a_count(text: str, start: int, end: int, data: FigureData) -> bool:
    """Money, percentages, ordinals and clock times are never counts of people."""
    return bool(data.not_count_re.search(text[max(0, start - 10):start])) or \
        bool(re.match(r"\s*(?:%|[:.]\d)", text[end:end + 3]))


def _bare_count_ok(text: str, sentence: Sentence, start: int, end: int, data: FigureData) -> bool:
    """"korban tewas mencapai 96." — a count with no noun, right after a word for the kind."""
    if not data.after_bare_re.match(text[end:end + 12]):
        return False
    return _kind_before(text, sentence, start, data) is not None


def _bare_before_kind(text: str, sentence: Sentence, end: int, data: FigureData) -> bool:
    """"ratusan ditangkap": a count followed at once by the word for what happened."""
    if re.search(r"(?<!\d)(?:1[89]|20)\d\d$", text[max(0, end - 5):end]):
        return False        # a year
    return data.kind_after.match(text, end, sentence.end) is not None


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
        if span.start >= end and len(gap) <= 8 and data.side_gap_re.fullmatch(gap) and country:
            return country, span.end
    return None, end


# ----------------------------------------------------------------------------------- kinds

def _own_kind(text: str, sentence: Sentence, c: _Candidate, data: FigureData) -> None:
    before = _kind_before(text, sentence, c.start, data) or _kind_of_total(text, sentence, c.num_start, data)
    if before:
        c.kind, c.via = before, "before"
        return
    after = _kind_after(text, sentence, c.end, data)
    if after:
        c.kind, c.via, c.cue_at = after[0], "after", after[1]


def _kind_after(text: str, sentence: Sentence, pos: int, data: FigureData) -> tuple[str, int] | None:
    """The kind word after a group, over gap words ("telah", "lainnya", names) or, after a
    relative "yang", over a few words of a relative clause that names no other people
    ("lima penumpang yang berada di dalam mobil mengalami luka-luka")."""
    relative_words, in_clause = 0, False
    for _ in range(MAX_GAP_WORDS + MAX_RELATIVE_WORDS + 1):
        if in_clause and data.group_re.match(text, pos, sentence.end):
            return None      # the clause names other people ("... menghadiri pemakaman korban tewas")
        m = data.kind_after.match(text, pos, sentence.end)
        if m:
            return data.kind_of[m.group("kind")], m.start("kind")
        gap = data.gap_after_re.match(text, pos, sentence.end)
        if gap and gap.end() > pos:
            relative_words = relative_words or (MAX_RELATIVE_WORDS if gap.group().strip() in data.relative else 0)
            pos = gap.end()
            continue
        word = re.match(r"\s+([a-z][\w-]*)", text[pos:sentence.end])
        if not relative_words or not word or data.group_re.match(text, pos, sentence.end):
            return None
        relative_words -= 1
        in_clause = True
        pos += word.end()
    return None


WORD_RE = re.compile(r"[\w'’-]+|[^\w\s]")


def _kind_before(text: str, sentence: Sentence, start: int, data: FigureData) -> str | None:
    """The kind word before a count, with only gap words between ("menewaskan sedikitnya ...")."""
    tokens = WORD_RE.findall(text[max(sentence.start, start - 80):start])
    words: list[str] = []
    for tok in reversed(tokens):
        if not re.match(r"[\w]", tok):
            break
        words.insert(0, tok)
    for skip in range(0, 4):
        if skip and not _is_gap_tail(words, skip, data):
            break
        head = words[:len(words) - skip] if skip else words
        for n in range(min(data.max_before_words, len(head)), 0, -1):
            phrase = " ".join(head[-n:])
            phrase = phrase[:1].lower() + phrase[1:]     # a sentence may open with the phrase
            if phrase in data.kind_before:
                return data.kind_before[phrase]
    return None


def _kind_of_total(text: str, sentence: Sentence, start: int, data: FigureData) -> str | None:
    """"Jumlah korban tewas di Iran terus bertambah dan kini mencapai 224 orang": a count right
    after a word for reaching a total (qualifiers may stand between), in a clause that names the
    total's kind."""
    lead = [w.lower() for w in re.findall(r"[\w-]+", text[max(sentence.start, start - 60):start])]
    while lead and lead[-1] not in data.reach and (
            lead[-1] in data.qualifiers or " ".join(lead[-2:]) in data.qualifiers):
        lead.pop()
    if not lead or lead[-1] not in data.reach:
        return None
    clause_start = sentence.start
    for m in re.finditer(r"[,;:\"“”]", text[sentence.start:start]):
        clause_start = sentence.start + m.end()
    found = data.total_re.search(text, clause_start, start)
    if found is None:
        return None
    prefix = text[clause_start:found.start()].strip()
    if prefix and not data.opener_re.fullmatch(prefix + " "):
        return None         # the total must open its clause: it is what the clause counts
    return data.totals[found.group("total").lower()]


def _is_gap_tail(words: list[str], skip: int, data: FigureData) -> bool:
    tail = words[len(words) - skip:]
    return bool(tail) and all(w.lower() in data.gaps_before for w in tail)


def _share_kinds(text: str, cands: list[_Candidate], data: FigureData) -> None:
    """Coordinated counts share the kind word that follows the last or precedes the first."""
    chains: list[list[_Candidate]] = [[cands[0]]]
    joined: list[bool] = [False]      # whether a chain has a joining word, not only commas
    for prev, cur in zip(cands, cands[1:]):
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


# ----------------------------------------------------------------------------------- the record

def _figure(doc: Document, sentence: Sentence, c: _Candidate, kind: str, cands: list[_Candidate],
            actors: list[ActorMention], data: FigureData) -> Figure:
    text = doc.text
    low, best, high = _bounds(c)
    claimant, claimant_country = _claimant(text, sentence, c, actors, data)
    country = c.country
    if country is None and c.group not in GROUPS_WITHOUT_CLAIMANT_SIDE and claimant_country:
        country = claimant_country
    status = "claimed" if _hedged(text, sentence, c, cands, data) else None
    return Figure(kind=kind, low=low, best=best, high=high, group=c.group, country=country,
                  claimed_by=claimant, text=text[c.start:c.end], start=c.start, end=c.end,
                  status=status, sentence_index=sentence.index)


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
    breaks = [m.end() for m in re.finditer(r"[,;:]", text[lo:c.start])]
    lo += breaks[-1] if breaks else 0
    hi = c.cue_at if c.cue_at > c.end else c.end
    return bool(data.hedge_re.search(text[lo:hi]))


def _claimant(text: str, sentence: Sentence, c: _Candidate, actors: list[ActorMention],
              data: FigureData) -> tuple[str | None, str | None]:
    """Who gives the count, as written, and that claimant's country when an actor in it has one."""
    options = []
    for m in data.claim_before_re.finditer(text, sentence.start, c.start):
        span = _claimant_before(text, sentence, m.start(), data)
        if span:
            options.append((c.start - m.end(), span))
    for m in data.claim_after_re.finditer(text, sentence.start, sentence.end):
        span = _claimant_after(text, m.start("who"), m.end("who"), m.group("w"), data)
        if span and not (m.start() <= c.start < span[1]):
            options.append((abs(m.start() - c.end) if m.start() > c.end else c.start - m.end(), span))
    if not options:
        return None, None
    s, e = min(options, key=lambda o: o[0])[1]
    country = next((a.actor.country for a in actors
                    if s <= a.span.start and a.span.end <= e and a.actor.country), None)
    return text[s:e], country


def _claimant_before(text: str, sentence: Sentence, verb_start: int, data: FigureData) -> tuple[int, int] | None:
    """"Pihak berwenang Thailand mengatakan ...": the words from the clause start to the verb."""
    lo = sentence.start
    for m in re.finditer(r"[,;:\"“”]|[.!?]\s", text[sentence.start:verb_start]):
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
