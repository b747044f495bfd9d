"""What every reader shares: settings, byte checks, decoding, stable ids, headline sniffing."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from warta.errors import InputError

_WS = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class ReadSettings:
    """Limits that keep one bad input from stalling a batch (sizes in bytes), and what to keep.

    ``skip_other_languages``: WARC records in a language warta has no data for are skipped before
    their HTML is extracted, and counted in one line per archive (``warta.read.warc``).
    """
    max_file_bytes: int = 20_000_000      # a whole .txt or .html file (.json: ten times this)
    max_record_bytes: int = 10_000_000    # one JSONL line or one WARC record
    max_text_chars: int = 2_000_000       # the text of one article
    max_nesting: int = 100                # depth of arrays and objects in one JSON record
    max_errors_per_file: int = 10         # error lines shown for one file; the rest are counted
    sniff_bytes: int = 8192               # bytes inspected for binary content
    skip_other_languages: bool = True     # WARC records: keep only languages warta has data for


DEFAULT_SETTINGS = ReadSettings()


def article_id(text: str, url: str | None = None) -> str:
    """A stable id: a hash of the whitespace- and case-normalised text and the URL."""
    norm = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()
    digest = hashlib.sha256(f"{url or ''}\n{norm}".encode("utf-8")).hexdigest()
    return digest[:16]


def looks_binary(data: bytes, settings: ReadSettings = DEFAULT_SETTINGS) -> bool:
    """NUL bytes, or many control bytes, in the first bytes mean this is not text."""
    head = data[: settings.sniff_bytes]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False                      # UTF-16 with a byte-order mark
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def check_bytes(name: str, data: bytes, limit: int, settings: ReadSettings = DEFAULT_SETTINGS) -> None:
    """Raise ``InputError`` for empty, oversized or binary content."""
    if not data.strip():
        raise InputError(name, "empty input")
    if len(data) > limit:
        raise InputError(name, f"too large ({len(data):,} bytes; the limit is {limit:,})")
    if looks_binary(data, settings):
        raise InputError(name, "binary content, not text")


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with a BOM; anything else is an error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(name, f"not valid UTF-16 text ({err.reason} at byte {err.start})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(name, f"not UTF-8 text (invalid byte at offset {err.start})") from None


def decode_html(data: bytes, declared: str | None = None) -> str:
    """HTML bytes to text: UTF-8 first, then the declared charset, then cp1252, then latin-1."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    candidates = [declared] if declared else []
    m = _CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "ignore"))
    legacy = [c for c in candidates if c.lower().replace("-", "").replace("_", "") not in ("utf8", "utf8sig")]
    if not legacy:
        mixed = _utf8_with_cp1252(data)
        if mixed is not None:
            return mixed
    for enc in (*legacy, "cp1252"):
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def _utf8_with_cp1252(data: bytes, max_bad: int = 64) -> str | None:
    """UTF-8 whose few invalid bytes are read as Windows-1252 (a page pasted together from two
    encodings); None when more than ``max_bad`` bytes are invalid (then it is not UTF-8 at all)."""
    out: list[str] = []
    pos = bad = 0
    while True:
        try:
            out.append(data[pos:].decode("utf-8"))
            return "".join(out)
        except UnicodeDecodeError as err:
            bad += err.end - err.start
            if bad > max_bad:
                return None
            out.append(data[pos:pos + err.start].decode("utf-8"))
            out.append(data[pos + err.start:pos + err.end].decode("cp1252", "replace"))
            pos += err.end


def normalise_text(text: str) -> str:
    """NFC, Unix newlines; nothing else (cleaning decides what goes)."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from an ISO-like date or timestamp, else None."""
    if not isinstance(value, str):
        return None
    m = _DATE.search(value)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def looks_like_headline(line: str) -> bool:
    """A short line of several words that does not end like a sentence."""
    line = line.strip()
    words = line.split()
    if not 3 <= len(words) <= 30 or len(line) > 250:
        return False
    if line.endswith((".", ",", ";", ":")) or line.endswith((".\"", ".”")):
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 10 and letters[0].isupper()
