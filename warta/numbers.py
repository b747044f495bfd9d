"""Numbers as Indonesian news writes them: digits with separators, scale words, number words.

``find_numbers`` finds number expressions in a text; ``parse_amount`` turns one expression into an
``Amount`` (low, best, high). The words and separators are language data (``number_words.tsv``,
``number_separators.tsv``); this module holds only the grammar:

- digits: the language's thousands mark groups digits ("5.000"), its decimal mark writes a fraction
  ("1,2 juta"); an English-style group ("5,000": exactly three digits after the decimal mark, no
  scale word) is read as thousands, because people are not counted in fractions;
- digits or words followed by a scale word ("3 ribu", "dua juta", "setengah juta");
- number words combine like "dua puluh tiga", "seratus dua puluh lima", "tiga ratus ribu";
- approximate plurals ("puluhan", "ratusan ribu") give a range: a plural of a magnitude means at
  least two of that unit, so "puluhan" is 20-99, "ratusan" 200-999, "ribuan" 2,000-9,999, and a
  following scale multiplies both bounds ("puluhan ribu" is 20,000-99,999);
- an approximate suffix on digits ("1.500-an") or on their scale word ("3 ribuan", "60 jutaan")
  keeps the number as the best estimate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from warta.lang import Language

TOKEN_RE = re.compile(r"\S+")
DIGITS_RE = re.compile(r"([\d.,]+)\s*([^\W\d_]*)(?:-?(\w+))?$")


@dataclass(frozen=True)
class Amount:
    """A parsed number: ``best`` for a plain number, ``low``/``high`` for a range."""
    low: int | None = None
    best: int | None = None
    high: int | None = None
    approximate: bool = False


@dataclass(frozen=True)
class NumberWord:
    value: float
    kind: str
    high: float | None = None


@dataclass(frozen=True)
class NumberData:
    words: dict[str, NumberWord]
    thousands: str
    decimal: str
    approx_suffix: str
    pattern: re.Pattern


def number_data(lang: Language) -> NumberData:
    """The compiled number grammar of ``lang`` (built once per language)."""
    return lang.compiled("numbers", _build)


def _build(lang: Language) -> NumberData:
    words = {}
    for row in lang.table("number_words.tsv"):
        high = float(row["high"]) if row.get("high") else None
        words[row["word"].lower()] = NumberWord(float(row["value"]), row["kind"], high)
    seps = {row["key"]: row["value"] for row in lang.table("number_separators.tsv")}
    th, dec, suffix = seps.get("thousands", "."), seps.get("decimal", ","), seps.get("approx_suffix", "")
    return NumberData(words, th, dec, suffix, _pattern(words, th, dec, suffix))


def _alternation(items) -> str:
    """A regex alternation of ``items`` written as a prefix tree ("se(?:belas|puluh|...)"): it matches
    what the plain longest-first alternation matches, and the regex engine tries far fewer branches."""
    tree: dict = {}
    for word in items:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _tree_regex(tree)


def _tree_regex(node: dict) -> str:
    branches = [re.escape(ch) + _tree_regex(child) for ch, child in sorted(node.items()) if ch]
    ends_here = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")


def _pattern(words: dict[str, NumberWord], th: str, dec: str, suffix: str) -> re.Pattern:
    scales = _alternation(w for w, nw in words.items() if nw.kind == "scale")
    all_words = _alternation(words)
    digits = rf"\d{{1,3}}(?:{re.escape(th)}\d{{3}})+(?:{re.escape(dec)}\d+)?|\d+(?:{re.escape(dec)}\d+)?"
    approx = rf"(?:-?{re.escape(suffix)})?" if suffix else ""
    scale_approx = rf"(?:{re.escape(suffix)})?" if suffix else ""    # "3 ribuan": about three thousand
    digit_expr = rf"(?:{digits})(?:\s*(?:{scales}){scale_approx}(?![\w-]))?{approx}"
    word_expr = rf"(?:{all_words})(?:\s+(?:{all_words}))*"
    # a cheap look at the first character skips most word starts before the long alternation is tried
    firsts = sorted({w[:1].lower() for w in words} | {w[:1].upper() for w in words})
    first = rf"(?=[\d{''.join(re.escape(c) for c in firsts)}])"
    return re.compile(rf"(?<![\w.,:/]){first}(?:(?P<digits>{digit_expr})|(?P<words>{word_expr}))"
                      rf"(?!\w|-(?!\d)|[:/]\d)", re.IGNORECASE)


def find_numbers(text: str, lang: Language) -> list[tuple[int, int, Amount]]:
    """Every number expression in ``text`` as (start, end, amount), left to right."""
    data = number_data(lang)
    out = []
    for m in data.pattern.finditer(text):
        start, end, amount = _longest_valid(m.group(), m.start(), data)
        if amount is not None:
            out.append((start, end, amount))
    return out


def _longest_valid(expr: str, offset: int, data: NumberData) -> tuple[int, int, Amount | None]:
    """Parse ``expr``; a word run that does not parse whole is cut to its longest parsing prefix."""
    amount = parse_amount(expr, data)
    if amount is not None or expr[:1].isdigit():
        return offset, offset + len(expr), amount
    parts = list(TOKEN_RE.finditer(expr))
    for n in range(len(parts) - 1, 0, -1):
        head = expr[:parts[n - 1].end()]
        amount = parse_amount(head, data)
        if amount is not None:
            return offset, offset + len(head), amount
    return offset, offset, None


def parse_amount(text: str, lang_or_data: Language | NumberData) -> Amount | None:
    """The amount written in ``text`` ("5.000", "1,2 juta", "dua puluh tiga", "ratusan"), or None."""
    data = lang_or_data if isinstance(lang_or_data, NumberData) else number_data(lang_or_data)
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        return _parse_digits(text, data)
    return _parse_words(text.lower().split(), data)


def parse_int(text: str, lang: Language) -> int | None:
    """The plain integer value of ``text`` (the best value, else the low bound), or None."""
    amount = parse_amount(text, lang)
    if amount is None:
        return None
    return amount.best if amount.best is not None else amount.low


def _parse_digits(text: str, data: NumberData) -> Amount | None:
    m = DIGITS_RE.match(text)
    if not m:
        return None
    number, word, tail = m.group(1), m.group(2).lower(), (m.group(3) or "").lower()
    approximate = False
    if data.approx_suffix and (word == data.approx_suffix or tail == data.approx_suffix):
        approximate = True
        word = "" if word == data.approx_suffix else word
    stem = word[:-len(data.approx_suffix)] if data.approx_suffix and word.endswith(data.approx_suffix) else ""
    if stem in data.words and data.words[stem].kind == "scale":
        approximate = True      # "3 ribuan": a scale with the approximate suffix
        word = stem
    scale = 1.0
    if word:
        nw = data.words.get(word)
        if nw is None or nw.kind != "scale":
            return None
        scale = nw.value
    value = _digits_value(number, data, has_scale=bool(word))
    if value is None:
        return None
    total = round(value * scale)
    return Amount(best=int(total), approximate=approximate)


MAX_DIGITS = 15   # longer digit runs are identifiers or noise, never a count


def _digits_value(number: str, data: NumberData, has_scale: bool) -> float | None:
    th, dec = data.thousands, data.decimal
    if sum(ch.isdigit() for ch in number) > MAX_DIGITS:
        return None
    if dec in number:
        whole, _, frac = number.rpartition(dec)
        if not frac.isdigit():
            return None
        if th != dec and th not in frac and len(frac) == 3 and not has_scale and th not in whole:
            # "5,000" without a scale word: an English-style thousands group
            digits = number.replace(dec, "")
            return float(digits) if digits.isdigit() else None
        whole_digits = whole.replace(th, "")
        if not whole_digits.isdigit() or not _grouped_ok(whole, th):
            return None
        return float(f"{whole_digits}.{frac}")
    if not _grouped_ok(number, th):
        return None
    digits = number.replace(th, "")
    return float(digits) if digits.isdigit() else None


def _grouped_ok(number: str, th: str) -> bool:
    if th not in number:
        return True
    head, *groups = number.split(th)
    return 1 <= len(head) <= 3 and all(len(g) == 3 and g.isdigit() for g in groups)


def _parse_words(words: list[str], data: NumberData) -> Amount | None:
    entries = [data.words.get(w) for w in words]
    if not entries or any(e is None for e in entries):
        return None
    if entries[0].kind == "approx":
        return _parse_approx(entries)
    if any(e.kind == "approx" for e in entries):
        return None
    value = _combine(entries)
    return None if value is None else Amount(best=round(value))


def _parse_approx(entries: list[NumberWord]) -> Amount | None:
    first, rest = entries[0], entries[1:]
    if any(e.kind != "scale" for e in rest):
        return None
    low, high = first.value, first.high if first.high is not None else first.value
    for scale in rest:
        low, high = low * scale.value, (high + 1) * scale.value - 1
    return Amount(low=int(low), high=int(high), approximate=True)


def _combine(entries: list[NumberWord]) -> float | None:
    """Fold number words into a value; None when the words do not form one number."""
    total, current, pending = 0.0, 0.0, None
    last_scale = float("inf")
    fraction = None
    for e in entries:
        if e.kind == "unit":
            if pending is not None:
                return None
            pending = e.value
        elif e.kind == "atom":
            if pending is not None:
                return None
            current += e.value
        elif e.kind in ("teen", "mult"):
            if pending is None or (e.kind == "teen" and pending == 0):
                return None
            current += pending + e.value if e.kind == "teen" else pending * e.value
            pending = None
        elif e.kind == "fraction":
            if pending is not None or current or fraction is not None:
                return None
            fraction = e.value
        elif e.kind in ("scale", "scale1"):
            if e.value >= last_scale:
                return None
            if e.kind == "scale1":
                if pending is not None or current or fraction is not None:
                    return None
                count = 1.0
            else:
                count = fraction if fraction is not None else current + (pending or 0)
                if not count:
                    return None
            total += count * e.value
            current, pending, fraction, last_scale = 0.0, None, None, e.value
        else:
            return None
    if fraction is not None:
        return None
    return total + current + (pending or 0)


def format_number(n: int, lang: Language) -> str:
    """``n`` written with the language's thousands mark ("5.000")."""
    return f"{n:,}".replace(",", number_data(lang).thousands)
