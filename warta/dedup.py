"""Article near-duplicates (MinHash LSH) and cross-article event clusters: the pure parts.

Near-duplicates. An article's cleaned text is cut into shingles of ``shingle`` consecutive words
(case-folded, punctuation dropped, so spacing and punctuation edits do not matter); a MinHash
signature of ``num_perm`` permutations (datasketch's ``affine32`` permutations over a numpy
polynomial hash of each shingle) estimates the Jaccard similarity of two shingle sets. LSH
cuts the signature into ``bands`` bands of ``rows`` values: two articles are candidates when one
band is equal; a candidate whose estimate reaches ``threshold - margin`` has its exact Jaccard
computed, and the two are copies when it is at least ``threshold``. Copies form groups
(single linkage); the group's "first copy" is its member with the earliest publication date, then
the smallest id, so the result does not depend on the order articles arrive in. The store keeps
signatures and band keys, so detection works across ingest runs; ``NearDuplicateIndex`` does the
same in memory.

Event clusters. Events of one PLOVER type between the same actor countries (in either direction
for ``symmetric_types``), whose days lie within ``window_days`` of the cluster's, and whose places
agree when both know one, form one cluster. A cluster keeps its articles and outlets and the
reconciled figures of its reports (low = the smallest report, high = the largest).
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

import numpy as np
from datasketch import MinHash

from warta.model import Actor, Event, Figure

_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(rb"\w+")   # _WORD on ASCII text: the same words, found in its bytes
SCHEME = "affine32"   # datasketch's permutation scheme; stored signatures depend on it


@dataclass(frozen=True)
class DedupSettings:
    shingle: int = 5            # words per shingle
    threshold: float = 0.6      # Jaccard of shingle sets at or above which two articles are copies
    margin: float = 0.1         # candidates whose MinHash estimate is within this of the threshold
                                # get their exact Jaccard computed (no estimation noise at the edge)
    num_perm: int = 128
    bands: int = 32             # bands * rows <= num_perm
    rows: int = 4
    seed: int = 1


@dataclass(frozen=True)
class ClusterSettings:
    window_days: int = 3
    max_km: float = 100.0       # places with coordinates further apart than this do not agree
    symmetric_types: tuple[str, ...] = ("AGREE", "CONSULT", "COOPERATE", "ASSAULT")
    skip_statuses: tuple[str, ...] = ("negated", "hypothetical")   # not clustered (not events)


# --------------------------------------------------------------------------- near-duplicates

def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str, k: int = 5) -> set[bytes]:
    """The set of ``k``-word shingles of ``text`` (one shingle of all words when fewer than k)."""
    return set(shingle_list(text, k))


def shingle_list(text: str, k: int = 5) -> list[bytes]:
    """The ``k``-word shingles of ``text`` in order, repeats kept: the words joined by one space,
    UTF-8 encoded. The words are encoded once and each shingle is one slice of those bytes."""
    w = words(text)
    if not w:
        return []
    joined = " ".join(w)
    data = joined.encode("utf-8")
    if len(w) <= k:
        return [data]
    sizes = map(len, w) if len(data) == len(joined) else (len(x.encode("utf-8")) for x in w)
    starts = list(accumulate((n + 1 for n in sizes), initial=0))   # where each word starts
    return [data[starts[i]:starts[i + k] - 1] for i in range(len(w) - k + 1)]


@functools.lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> np.ndarray:
    """datasketch's affine permutations (a, b) for ``num_perm`` and ``seed``: a 2 x num_perm array."""
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations


# Shingle hashes: a polynomial hash of the shingle's UTF-8 bytes (each byte + 1) modulo 2**64,
# mixed by the MurmurHash3 64-bit finalizer, whose top 32 bits are the shingle's hash.
_POLY = np.uint64(0x100000001B3)                             # odd: invertible modulo 2**64
_POLY_INVERSE = np.uint64(pow(0x100000001B3, -1, 1 << 64))
_SPACE = np.uint64(ord(" ") + 1)


def _powers(base: np.uint64, n: int) -> np.ndarray:
    """base**0 .. base**(n-1) modulo 2**64 (read-only): the first ``n`` of a table computed once
    per power of two of the length, so most texts reuse one table instead of a new product."""
    return _power_table(int(base), max(1024, 1 << (max(n, 1) - 1).bit_length()))[:n]


@functools.lru_cache(maxsize=16)
def _power_table(base: int, size: int) -> np.ndarray:
    out = np.empty(size, dtype=np.uint64)
    out[0] = 1
    np.cumprod(np.full(size - 1, base, dtype=np.uint64), out=out[1:])
    out.flags.writeable = False
    return out


def _fmix64(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 64-bit finalizer: every input bit reaches every output bit."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def shingle_hashes(text: str, k: int = 5) -> np.ndarray:
    """The 32-bit hash of each ``k``-word shingle of ``text`` (in order, repeats kept; empty when
    the text has no words), all at once: with ``v`` the bytes + 1 and ``p`` the multiplier, a
    shingle's polynomial ``sum v[j] * p**(j - start)`` is a difference of prefix sums of
    ``v[j] * p**j`` times ``p**-start`` (``p`` is odd, so it has an inverse modulo 2**64)."""
    count, data = _joined_words(text)
    if not count:
        return np.empty(0, dtype=np.uint32)
    n = len(data)
    values = np.frombuffer(data, dtype=np.uint8).astype(np.uint64) + np.uint64(1)
    prefix = np.zeros(n + 1, dtype=np.uint64)
    np.cumsum(values * _powers(_POLY, n), out=prefix[1:])
    if count <= k:
        starts, ends = np.zeros(1, dtype=np.int64), np.full(1, n, dtype=np.int64)
    else:
        spaces = np.flatnonzero(values == _SPACE)              # words hold no spaces
        starts = np.concatenate(([0], spaces + 1))[:count - k + 1]
        ends = np.concatenate((spaces, [n]))[k - 1:]
    poly = (prefix[ends] - prefix[starts]) * _powers(_POLY_INVERSE, n)[starts]
    return (_fmix64(poly) >> np.uint64(32)).astype(np.uint32)


def _joined_words(text: str) -> tuple[int, bytes]:
    """How many ``words(text)`` there are, and the words joined by one space, UTF-8 encoded. An
    ASCII text (most) is searched as bytes, where the regular expression engine runs faster and
    lower-casing is casefolding."""
    if text.isascii():
        found = _ASCII_WORD.findall(text.encode("ascii").lower())
        return len(found), b" ".join(found)
    found = words(text)
    return len(found), " ".join(found).encode("utf-8")


def signature(text: str, settings: DedupSettings = DedupSettings()) -> bytes | None:
    """The MinHash signature of ``text`` as bytes (``num_perm`` uint64), or None for no words.

    Each shingle's hash (``shingle_hashes``, computed for the whole text in a few numpy
    operations rather than one hash call per shingle) goes through datasketch's ``affine32``
    permutations ``a * h + b`` modulo 2**32; the signature is the minimum of each permutation.
    Stores keep these bytes: changing how they are computed needs a store migration
    (``warta.store.schema``), and a test pins them."""
    hashes = shingle_hashes(text, settings.shingle)
    if not len(hashes):
        return None
    a, b = _permutations(settings.num_perm, settings.seed)
    return (hashes.reshape(-1, 1) * a + b).min(axis=0).astype("<u8").tobytes()


def jaccard(a: set, b: set) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def is_copy(sig_a: bytes, sig_b: bytes, shingles_a: Callable[[], set], shingles_b: Callable[[], set],
            settings: DedupSettings = DedupSettings()) -> bool:
    """Whether two articles are copies: MinHash estimate as a filter, exact Jaccard to decide."""
    if similarity(sig_a, sig_b) < settings.threshold - settings.margin:
        return False
    return jaccard(shingles_a(), shingles_b()) >= settings.threshold


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    va, vb = np.frombuffer(a, dtype="<u8"), np.frombuffer(b, dtype="<u8")
    if len(va) != len(vb) or not len(va):
        return 0.0
    return float(np.count_nonzero(va == vb)) / len(va)


def band_keys(sig: bytes, settings: DedupSettings = DedupSettings()) -> list[tuple[int, str]]:
    """The LSH bucket of each band: (band number, hex digest of the band's values)."""
    return [(b, digest.hex()) for b, digest in _band_digests(sig, settings)]


def band_buckets(sig: bytes, settings: DedupSettings = DedupSettings()) -> list[tuple[int, int]]:
    """The LSH bucket of each band as the store keeps it: (band number, the digest of
    ``band_keys`` read as a signed 64-bit integer)."""
    return [(b, int.from_bytes(digest, "big", signed=True)) for b, digest in _band_digests(sig, settings)]


def _band_digests(sig: bytes, settings: DedupSettings) -> list[tuple[int, bytes]]:
    """Each band's 8-byte blake2b digest of its ``rows`` signature values (8 bytes each)."""
    width = settings.rows * 8
    blake2b = hashlib.blake2b
    return [(b, blake2b(sig[b * width:(b + 1) * width], digest_size=8).digest())
            for b in range(settings.bands)]


def first_copy_key(published: str | None, article_id: str) -> tuple[str, str]:
    """Order of precedence in a group of copies: earliest publication date, then smallest id."""
    return (published or "9999-99-99", article_id)


@dataclass
class NearDuplicateIndex:
    """Near-duplicate detection in memory (the store does the same over its tables)."""
    settings: DedupSettings = DedupSettings()
    _sigs: dict[str, bytes] = field(default_factory=dict)
    _texts: dict[str, str] = field(default_factory=dict)
    _published: dict[str, str | None] = field(default_factory=dict)
    _buckets: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    _parent: dict[str, str] = field(default_factory=dict)

    def add(self, article_id: str, text: str, published: str | None = None) -> list[str]:
        """Index an article; return the ids of earlier-indexed articles it is a copy of."""
        sig = signature(text, self.settings)
        self._published[article_id] = published
        self._parent.setdefault(article_id, article_id)
        if sig is None:
            return []
        matches = self.matches(sig, text, exclude=article_id)
        self._sigs[article_id] = sig
        self._texts[article_id] = text
        for key in band_keys(sig, self.settings):
            self._buckets.setdefault(key, []).append(article_id)
        for other in matches:
            self._union(article_id, other)
        return matches

    def matches(self, sig: bytes, text: str, exclude: str | None = None) -> list[str]:
        candidates = {a for key in band_keys(sig, self.settings) for a in self._buckets.get(key, ())}
        candidates.discard(exclude)
        own = functools.cache(lambda: shingles(text, self.settings.shingle))
        k = self.settings.shingle
        return sorted(a for a in candidates
                      if is_copy(sig, self._sigs[a], own, lambda a=a: shingles(self._texts[a], k),
                                 self.settings))

    def _find(self, a: str) -> str:
        while self._parent[a] != a:
            self._parent[a] = self._parent[self._parent[a]]
            a = self._parent[a]
        return a

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def first_copies(self) -> dict[str, str | None]:
        """Each article → its group's first copy, or None when it is the first copy itself."""
        groups: dict[str, list[str]] = {}
        for a in self._parent:
            groups.setdefault(self._find(a), []).append(a)
        out: dict[str, str | None] = {}
        for members in groups.values():
            first = min(members, key=lambda m: first_copy_key(self._published.get(m), m))
            for m in members:
                out[m] = None if m == first else first
        return out


# --------------------------------------------------------------------------- event clusters

def actor_code(actor: Actor | None) -> str | None:
    """The code an actor is counted under: its country, else its organisation code."""
    if actor is None:
        return None
    return actor.country or actor.org


def cluster_pair(event: Event, settings: ClusterSettings = ClusterSettings()
                 ) -> tuple[str | None, str | None, bool]:
    """(first code, second code, symmetric): the dyad key a cluster is matched on."""
    src, tgt = actor_code(event.source), actor_code(event.target)
    if event.event_type in settings.symmetric_types:
        a, b = sorted((src, tgt), key=lambda c: (c is None, c or ""))
        return a, b, True
    return src, tgt, False


def event_day(event: Event, published: str | None) -> str:
    """The day an event is placed on: its date when stated to the day or week, else publication."""
    if event.date is not None and event.date.value and event.date.precision in ("day", "week"):
        return event.date.value[:10]
    if published:
        return published[:10]
    if event.date is not None and event.date.value:
        return _pad_date(event.date.value)
    return ""


def _pad_date(value: str) -> str:
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10] if len(value) == 7 else value[:10]


def day_distance(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def shift_day(day: str, days: int) -> str:
    """``day`` moved by ``days``, kept within the calendar (0001-01-01 to 9999-12-31)."""
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return day
    try:
        return (d + timedelta(days=days)).isoformat()
    except OverflowError:
        return (date.min if days < 0 else date.max).isoformat()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places_agree(a: tuple[str | None, float | None, float | None],
                 b: tuple[str | None, float | None, float | None],
                 settings: ClusterSettings = ClusterSettings()) -> bool:
    """Two (name, lat, lon) places agree when either is unknown, or they are near or of one name."""
    (na, la, oa), (nb, lb, ob) = a, b
    if None not in (la, oa, lb, ob):
        return haversine_km(la, oa, lb, ob) <= settings.max_km
    if na and nb:
        return na.casefold() == nb.casefold()
    return True


def clusterable(event: Event, settings: ClusterSettings = ClusterSettings()) -> bool:
    """Whether an event joins a cluster: a fact (not negated or hypothetical) with a dyad or a place."""
    if event.status in settings.skip_statuses:
        return False
    src, tgt, _ = cluster_pair(event, settings)
    return src is not None or tgt is not None or event.place is not None


def cluster_id(seed_event_id: str) -> str:
    """A cluster's id: stable, from the id of the event that opened it."""
    return "c" + hashlib.blake2b(seed_event_id.encode("utf-8"), digest_size=8).hexdigest()


def figure_value(f: Figure) -> int | None:
    for v in (f.best, f.low, f.high):
        if v is not None:
            return v
    return None


def figure_totals(figures: Iterable[Figure]) -> dict[str, int]:
    """Per kind, the sum over groups of each group's largest figure (a group counted twice is
    counted once: "at least 49 soldiers" and "49 soldiers" are one quantity)."""
    best: dict[tuple[str, str, str | None], int] = {}
    for f in figures:
        v = figure_value(f)
        if v is None:
            continue
        key = (f.kind, f.group, f.country)
        best[key] = max(best.get(key, 0), v)
    out: dict[str, int] = {}
    for (kind, _, _), v in best.items():
        out[kind] = out.get(kind, 0) + v
    return out


def reconcile_figures(reports: Iterable[dict[str, int]]) -> dict[str, dict[str, int]]:
    """Figures of one happening told by several reports: per kind, low = min and high = max over
    the reports that give the kind, with how many reports do."""
    out: dict[str, dict[str, int]] = {}
    for totals in reports:
        for kind, v in totals.items():
            r = out.setdefault(kind, {"low": v, "high": v, "reports": 0})
            r["low"], r["high"] = min(r["low"], v), max(r["high"], v)
            r["reports"] += 1
    return dict(sorted(out.items()))
