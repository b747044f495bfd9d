"""Plain-text articles: one article per ``.txt`` file.

The id is the file's stem unless the text carries one in a front-matter block at the very top::

    ---
    id: kompas-123
    url: https://...
    published: 2020-10-24
    ---

The first non-empty line becomes the title when it looks like a headline (the text is kept whole;
cleaning removes lines that repeat the title).

Sidecar metadata: a ``published.tsv`` file beside the ``.txt`` files (header ``stem`` and
``published``, optional ``url``, ``title`` and ``source`` columns) gives metadata the text lacks.
Values found in the front matter win over the sidecar.
"""
from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from warta.errors import InputError
from warta.model import Article
from warta.read.common import (DEFAULT_SETTINGS, ReadSettings, check_bytes, decode_text, iso_date,
                               looks_like_headline, normalise_text)

SIDECAR = "published.tsv"
_FRONT = re.compile(r"\A---[ \t]*\n((?:[A-Za-z_]+[ \t]*:[^\n]*\n)+)---[ \t]*(?:\n|\Z)")
_KEYS = ("id", "url", "title", "published", "source")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` pairs of a leading ``---`` block, and the text after it."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() in _KEYS and value.strip():
            meta[key.strip().lower()] = value.strip()
    return meta, text[m.end():]


@functools.lru_cache(maxsize=64)
def read_sidecar(folder: str) -> dict[str, dict[str, str]]:
    """Rows of ``published.tsv`` in ``folder`` by file stem ({} when there is none or it is bad)."""
    path = Path(folder) / SIDECAR
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.startswith("#")]
    except (OSError, UnicodeDecodeError):
        return {}
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return {r["stem"].strip(): {k: (v or "").strip() for k, v in r.items() if k and k != "stem"}
            for r in rows if r.get("stem")}


def first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip() if looks_like_headline(line) else None
    return None


def text_article(name: str, data: bytes, stem: str, sidecar: dict[str, str] | None = None,
                 settings: ReadSettings = DEFAULT_SETTINGS) -> Article:
    """One Article from the bytes of a text file; raises ``InputError``."""
    check_bytes(name, data, settings.max_file_bytes, settings)
    meta, text = split_front_matter(normalise_text(decode_text(name, data)))
    if not text.strip():
        raise InputError(name, "no article text")
    if len(text) > settings.max_text_chars:
        raise InputError(name, f"text too long ({len(text):,} characters; "
                                f"the limit is {settings.max_text_chars:,})")
    side = sidecar or {}
    published = iso_date(meta.get("published") or side.get("published"))
    return Article(id=meta.get("id") or stem, text=text,
                   title=meta.get("title") or side.get("title") or first_line_title(text),
                   published=published, url=meta.get("url") or side.get("url") or None,
                   source=meta.get("source") or side.get("source") or None,
                   published_derived="input" if published else None, origin=name)


def read_text_file(path: Path, settings: ReadSettings = DEFAULT_SETTINGS) -> Article:
    name = str(path)
    try:
        size = path.stat().st_size
        data = path.read_bytes() if size <= settings.max_file_bytes else None
    except OSError as err:
        raise InputError(name, f"cannot read: {err.strerror or err}") from None
    if data is None:
        raise InputError(name, f"too large ({size:,} bytes; the limit is {settings.max_file_bytes:,})")
    sidecar = read_sidecar(str(path.parent.resolve())).get(path.stem)
    return text_article(name, data, path.stem, sidecar, settings)
