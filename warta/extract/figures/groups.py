"""Kinds shared between the counts of one sentence: coordinated counts share the kind word of the
last or the first ("23 tentara dan satu warga sipil tewas"), and the parts of a total broken down
after a comma take the total's ("Empat orang tewas, dua dari Swedia, ...")."""
from __future__ import annotations

from itertools import pairwise

from warta.extract.figures.candidates import Candidate
from warta.extract.figures.data import FigureData
from warta.extract.figures.kinds import MAX_GAP_WORDS, MAX_RELATIVE_WORDS
from warta.model import Sentence


def share_kinds(text: str, cands: list[Candidate], data: FigureData) -> None:
    """Coordinated counts share the kind word that follows the last or precedes the first."""
    if not cands:
        return
    chains: list[list[Candidate]] = [[cands[0]]]
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
    lists: list[list[Candidate]] = []
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


def share_breakdowns(text: str, sentence: Sentence, cands: list[Candidate], data: FigureData) -> None:
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


def _parts_of(text: str, sentence: Sentence, cands: list[Candidate], i: int,
              data: FigureData) -> list[Candidate]:
    """The parts of the total ``cands[i]``: kindless counts that name a country or a group of
    their own, each a bare noun phrase (no predicate follows it), summing to at most the total. A
    list whose last member has a kind word after it is a coordination, not a breakdown."""
    total = cands[i]
    value = total.amount.best or total.amount.low or total.amount.high
    parts: list[Candidate] = []
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


def _total_clause_rest(rest: str, total: Candidate, data: FigureData) -> bool:
    """Whether ``rest``, the words between a total and the comma before its first part, is only
    the rest of the total's own clause: a few words with no verb after a total named after its kind
    word ("menewaskan empat orang di Kabul, ..."), a few words holding its kind word for a total
    before it ("Empat orang tewas dalam serangan itu, ...")."""
    words = rest.split()
    if total.via == "after":
        return total.cue_at >= total.end and len(words) <= MAX_GAP_WORDS + MAX_RELATIVE_WORDS
    return len(words) <= MAX_GAP_WORDS and not any(w.islower() and data.verb_prefix_re.match(w) for w in words)
