"""Cheap exact pre-checks for regular expressions, from what every match must contain.

Each pattern's parse tree is read once for literals its matches cannot do without: a prefix a
match begins with (one of a few strings: "baca", "lihat", ...), a suffix it ends with, strings it
contains (">" for ``[^<>]{1,80}>``). Checking those with a few string operations tells that a
pattern cannot match, and the regular expression is then not run. A pattern the analysis does
not understand is always run, so the checks can only save work, never change a result.

``LineGate`` does this for a union of case-insensitive patterns matched against whole lines
(``clean_line_patterns.txt``): each line is tried only with the patterns it can match. The
checks compare lower-cased text, and only on ASCII lines: there lower-casing is exactly what
``re.I`` does to the line's characters, and a non-ASCII literal (checked when the gate is built)
matches no ASCII character. Other lines go to the union. ``required_literals`` and ``holds_all``
do the same for case-sensitive patterns searched in a text (the caption patterns).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

MAX_CHOICES = 64     # literal alternatives kept per pattern (more: cut to shorter prefixes)

_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


@dataclass(frozen=True)
class _Literals:
    """Strings one of which every match of a sequence begins with; ``exact``: the sequence
    matches exactly one of them (so what follows it can be appended)."""
    strings: frozenset[str]
    exact: bool


_OPEN = _Literals(frozenset({""}), False)     # nothing known
_EMPTY = _Literals(frozenset({""}), True)     # matches the empty string only


def _concat(head: _Literals, tail: _Literals, backward: bool) -> _Literals:
    if not head.exact:
        return head
    if len(head.strings) * len(tail.strings) > MAX_CHOICES:
        return _Literals(head.strings, False)
    joined = (t + h for h in head.strings for t in tail.strings) if backward else \
        (h + t for h in head.strings for t in tail.strings)
    return _Literals(frozenset(joined), tail.exact)


def _union(a: _Literals, b: _Literals) -> _Literals:
    strings = a.strings | b.strings
    if len(strings) > MAX_CHOICES:
        return _OPEN
    return _Literals(strings, a.exact and b.exact)


def _item(op, av, backward: bool) -> _Literals:
    """Literal beginnings (``backward``: endings) of one parsed item."""
    if op is C.LITERAL:
        return _Literals(frozenset({chr(av)}), True)
    if op is C.IN:
        if all(o is C.LITERAL for o, _ in av) and len(av) <= MAX_CHOICES:
            return _Literals(frozenset(chr(v) for _, v in av), True)
        return _OPEN
    if op is C.SUBPATTERN:
        return _sequence(list(av[-1]), backward)
    if op is C.BRANCH:
        out = None
        for alternative in av[1]:
            lits = _sequence(list(alternative), backward)
            out = lits if out is None else _union(out, lits)
        return out or _OPEN
    if op in _REPEATS:
        low, high, sub = av
        if low == high == 1:
            return _sequence(list(sub), backward)
        if low >= 1:
            return _Literals(_sequence(list(sub), backward).strings, False)
    return _OPEN


def _sequence(items: list, backward: bool = False) -> _Literals:
    """Literal beginnings of a sequence of parsed items (``backward``: its literal endings)."""
    if not items:
        return _EMPTY
    (op, av), rest = (items[-1], items[:-1]) if backward else (items[0], items[1:])
    if op in _ZERO_WIDTH:
        return _sequence(rest, backward)
    if op in _REPEATS and av[0] == 0:               # optional: with or without it
        without = _sequence(rest, backward)
        sub = _sequence(list(av[2]), backward)
        with_it = _concat(sub, without, backward) if av[1] == 1 else _Literals(sub.strings, False)
        return _union(with_it, without)
    return _concat(_item(op, av, backward), _sequence(rest, backward), backward)


def _required(items: list) -> list[frozenset[str]]:
    """Sets of strings of which every match contains one each: the literal beginnings at each
    position of the top-level sequence (a top-level alternation: one of its alternatives' sets)."""
    found = list(dict.fromkeys(s for i in range(len(items))
                               if "" not in (s := _sequence(items[i:]).strings)))
    if not found and len(items) == 1 and items[0][0] is C.BRANCH:
        parts = [_required(list(alt)) for alt in items[0][1][1]]
        if all(parts):
            found = [frozenset().union(*(min(p, key=_shortest) for p in parts))]
    # a set implied by another (each string of the other contains one of its strings) adds nothing
    return [s for s in found if not any(t is not s and _implies(t, s) for t in found)]


def _minimal(strings: frozenset[str], related) -> tuple[str, ...]:
    """``strings`` without those that ``related(longer, shorter)`` makes redundant: a line that
    begins with (ends with, contains) a longer one begins with (ends with, contains) a shorter one."""
    return tuple(sorted(s for s in strings if not any(t != s and related(s, t) for t in strings)))


def required_literals(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...]:
    """Sets of strings of which a text holds one each wherever ``pattern`` (case-sensitive:
    without ``re.I``) finds a match; empty when nothing is known (the text must be searched)."""
    if flags & re.I:
        return ()
    try:
        items = list(_parser.parse(pattern, flags))
    except Exception:       # noqa: BLE001 - a parser change: nothing known
        return ()
    return tuple(_minimal(s, str.__contains__) for s in _required(items))


def holds_all(text: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``text`` contains one string of each of ``needs``."""
    for strings in needs:
        for s in strings:
            if s in text:
                break
        else:
            return False
    return True


def _shortest(strings: frozenset[str]) -> int:
    return -min(map(len, strings))


def _implies(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether containing one of ``a`` means containing one of ``b`` (and ``a`` is not ``b``)."""
    return a != b and all(any(y in x for y in b) for x in a)


def _ascii_safe(strings: frozenset[str]) -> bool:
    """Whether no non-ASCII character of ``strings`` matches an ASCII character under ``re.I``."""
    odd = {c for s in strings for c in s if not c.isascii()}
    return not any(re.fullmatch(re.escape(c), chr(x), re.I) for c in odd for x in range(128))


def _lowered(strings: frozenset[str], related=str.__contains__) -> tuple[str, ...]:
    return _minimal(frozenset(s.lower() for s in strings), related)


@dataclass(frozen=True)
class _Need:
    """What a line must have for one pattern to fullmatch it (lower-cased strings)."""
    ends: tuple[str, ...] | None          # it ends with one of these
    contains: tuple[tuple[str, ...], ...]  # it contains one string of each

    def met(self, low: str) -> bool:
        if self.ends is not None and not low.endswith(self.ends):
            return False
        return holds_all(low, self.contains)


@dataclass(frozen=True)
class LineGate:
    """A union of case-insensitive patterns matched against whole lines, each pattern tried only
    on the lines it can match (see the module's notes)."""
    union: re.Pattern | None
    starts: dict[str, tuple[tuple[tuple[str, ...], re.Pattern], ...]]
    # by a line's first (lower-cased) character: the patterns whose matches begin with a
    # literal of that character, with those literals
    others: tuple[tuple[_Need, re.Pattern], ...]   # the other patterns, with what a line needs
    open: bool = False      # some pattern is not understood: every line goes to the union

    @classmethod
    def from_patterns(cls, patterns: list[str], flags: int = re.I) -> LineGate:
        union = re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None
        starts: dict[str, list[tuple[tuple[str, ...], re.Pattern]]] = {}
        others: list[tuple[_Need, re.Pattern]] = []
        for pattern in patterns:
            compiled = re.compile(pattern, flags)
            try:
                items = list(_parser.parse(pattern, flags))
            except Exception:       # noqa: BLE001 - a parser change: gate nothing
                return cls(union, {}, (), True)
            start = _sequence(items).strings
            if "" not in start and _ascii_safe(start):
                lowered = _lowered(start, str.startswith)
                for first in sorted({p[0] for p in lowered}):
                    starts.setdefault(first, []).append(
                        (tuple(p for p in lowered if p[0] == first), compiled))
                continue
            end = _sequence(items, backward=True).strings
            ends = _lowered(end, str.endswith) if "" not in end and _ascii_safe(end) else None
            inside = [_lowered(s) for s in _required(items) if _ascii_safe(s)]
            if ends is None and not inside:
                return cls(union, {}, (), True)
            others.append((_Need(ends, tuple(inside)), compiled))
        return cls(union, {c: tuple(ps) for c, ps in starts.items()}, tuple(others))

    def fullmatch(self, line: str) -> bool:
        """Whether one of the patterns matches the whole of ``line``."""
        if self.union is None:
            return False
        if self.open or not line.isascii():
            return self.union.fullmatch(line) is not None
        low = line.lower()
        for prefixes, pattern in self.starts.get(low[:1], ()):
            if low.startswith(prefixes) and pattern.fullmatch(line):
                return True
        for need, pattern in self.others:
            if need.met(low) and pattern.fullmatch(line):
                return True
        return False
