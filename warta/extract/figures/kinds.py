"""The words that say what happened to a counted group: after the group ("23 tentara tewas"),
before the count ("menewaskan 5.000 orang"), or a total named earlier in the clause ("Jumlah korban
tewas ... kini mencapai 224 orang")."""
from __future__ import annotations

import re

from warta.extract.figures.data import FigureData
from warta.model import Sentence

MAX_GAP_WORDS = 5
MAX_RELATIVE_WORDS = 7
MAX_MODIFIER_WORDS = 3
LOWER_WORD_RE = re.compile(r"\s+([a-z0-9][\w-]*)")
LEAD_WORD_RE = re.compile(r"[\w-]+")
DIGIT_RE = re.compile(r"\d")
CLAUSE_MARK_RE = re.compile(r"[,;:\"“”]")


def kind_word_after(text: str, sentence: Sentence, pos: int, data: FigureData,
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
        found = kind_word_at(text, sentence, pos, data, by_name)
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


def kind_word_at(text: str, sentence: Sentence, pos: int, data: FigureData,
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


def kind_word_before(text: str, sentence: Sentence, start: int, data: FigureData) -> str | None:
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


def kind_of_total(text: str, sentence: Sentence, start: int, data: FigureData) -> tuple[str, bool] | None:
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
    clause_start = start_of_clause(text, sentence.start, start)
    found = _last_total(text, clause_start, start, data)
    if found is None:
        head = text[clause_start:start].lower().split()
        reach_at = max((i for i, w in enumerate(head) if w in data.reach), default=None)
        if clause_start == sentence.start or reach_at is None or \
                not all(w in data.gaps_before for w in head[:reach_at]):
            return None     # the count's clause has a subject of its own ("sementara bantuan mencapai ...")
        total_end = clause_start - 1
        clause_start = start_of_clause(text, sentence.start, total_end)
        found = _last_total(text, clause_start, total_end, data)
        if found is None or DIGIT_RE.search(text, found[1], start):
            return None
    kind, at = found[0], found[2]
    prefix = text[clause_start:at].strip()
    if prefix and not data.opener_re.fullmatch(prefix + " "):
        return None         # the total must open its clause: it is what the clause counts
    return kind, found[3]


def start_of_clause(text: str, lo: int, hi: int) -> int:
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
