"""Who gives a count ("Pihak berwenang Thailand mengatakan ...", "menurut angka resmi"), and the side
of the dead of an attack on a side named earlier in their clause."""
from __future__ import annotations

import re

from warta.extract.figures.data import FigureData
from warta.extract.figures.kinds import start_of_clause
from warta.model import ActorMention, PlaceMention, Sentence, Span

MAX_CLAIMANT_WORDS = 8
# a clause mark, or the dash after a dateline ("Jakarta, CNN Indonesia -- Yordania mengatakan ...",
# "KOMPAS.com - Komisi ... mengatakan"): what comes before it is no part of a claimant
CLAIM_CLAUSE_RE = re.compile(r"[,;:\"“”]|[.!?]\s|\s(?:-{2,}|[—–])\s|(?<=\.com)\s+-+\s")


def find_claimant(text: str, sentence: Sentence, start: int, end: int, actors: list[ActorMention],
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


def target_side(text: str, sentence: Sentence, start: int, sides: list[tuple[Span, str | None]],
                 data: FigureData) -> str | None:
    """"serangan udaranya terhadap Iran telah menewaskan lebih dari 20 komandan": the dead of an
    attack on a side named earlier in the count's clause belong to that side."""
    clause_start = start_of_clause(text, sentence.start, start)
    found = None
    for span, country in sides:
        if clause_start <= span.start and span.end <= start and country and \
                data.target_link_re.search(text, clause_start, span.start) and \
                (found is None or span.start > found[0].start):
            found = (span, country)
    return found[1] if found else None


def place_side(text: str, places: list[PlaceMention], data: FigureData) -> str | None:
    """"Di Israel, tiga orang tewas", "12 warga tewas dalam serangan di Gaza": with no other side
    named, people counted in a sentence that places what happened in one country are of it. None
    when the sentence's places lie in several countries ("dirawat di Belanda dan ... ke Jerman"; a
    village named like a foreign town beside its district) or none of them is where ("di ...")."""
    countries = {p.place.country for p in places if p.place.country}
    located = any(p.place.country and data.place_link_re.search(text, max(0, p.span.start - 12), p.span.start)
                  for p in places)
    return next(iter(countries)) if located and len(countries) == 1 else None
