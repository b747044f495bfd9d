"""JSON Lines (one article object a line) and JSON (one object or an array of objects).

Fields: ``id``, ``url``, ``title``, ``published`` (the publication date), ``source``, and ``text``
or ``html`` (the page, whose main text is extracted as for ``.html`` files).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from warta.errors import FormatError, InputError
from warta.limits import DEFAULT_LIMITS, json_too_deep
from warta.model import Article
from warta.read.common import (DEFAULT_SETTINGS, ReadSettings, article_id, iso_date,
                               normalise_text)
from warta.read.html import extract_html


def record_article(name: str, d: Any, where: str, settings: ReadSettings = DEFAULT_SETTINGS) -> Article:
    """An Article from one decoded JSON value; raises ``FormatError`` naming ``where``."""
    if not isinstance(d, dict):
        raise FormatError(name, f"{where}: not a JSON object")
    text, title, published, source = d.get("text"), d.get("title"), d.get("published"), d.get("source")
    url = d.get("url") if isinstance(d.get("url"), str) else None
    if not (isinstance(text, str) and text.strip()) and isinstance(d.get("html"), str):
        page = extract_html(d["html"], url)
        text = page.text
        title, published = title or page.title, published or page.published
        source = source or page.source
    if not isinstance(text, str) or not text.strip():
        raise FormatError(name, f"{where}: no 'text' (or 'html') with article text")
    if len(text) > settings.max_text_chars:
        raise FormatError(name, f"{where}: text too long ({len(text):,} characters)")
    text = normalise_text(text)
    given = d.get("id")
    ident = str(given) if given not in (None, "") else article_id(text, url)
    date = iso_date(published)
    return Article(id=ident, text=text, title=title if isinstance(title, str) and title.strip() else None,
                   published=date, url=url, source=source if isinstance(source, str) else None,
                   language=d.get("language") if isinstance(d.get("language"), str) else None,
                   dateline=d.get("dateline") if isinstance(d.get("dateline"), str) and d["dateline"].strip() else None,
                   published_derived="input" if date else None, origin=name)


def iter_jsonl(name: str, lines: Iterable[bytes],
               settings: ReadSettings = DEFAULT_SETTINGS) -> Iterator[Article | InputError]:
    """Articles of a JSONL stream; a bad line yields a ``FormatError`` and reading goes on."""
    seen = 0
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        seen += 1
        where = f"line {number}"
        if len(raw) > settings.max_record_bytes:
            yield FormatError(name, f"{where}: too large ({len(raw):,} bytes)")
            continue
        if json_too_deep(raw):
            yield FormatError(name, f"{where}: JSON nested deeper than {DEFAULT_LIMITS.max_nesting} levels")
            continue
        try:
            d = json.loads(raw.decode("utf-8-sig"))
        except RecursionError:
            yield FormatError(name, f"{where}: JSON nested too deeply")
            continue
        except UnicodeDecodeError as err:
            yield FormatError(name, f"{where}: not UTF-8 (invalid byte at offset {err.start})")
            continue
        except ValueError as err:
            yield FormatError(name, f"{where}: not JSON ({err})")
            continue
        try:
            yield record_article(name, d, where, settings)
        except InputError as err:
            yield err
    if seen == 0:
        yield InputError(name, "empty input")


def iter_json(name: str, data: bytes, settings: ReadSettings = DEFAULT_SETTINGS) -> Iterator[Article | InputError]:
    """Articles of a JSON document: one object, or an array of objects."""
    if json_too_deep(data):
        yield FormatError(name, f"JSON nested deeper than {DEFAULT_LIMITS.max_nesting} levels")
        return
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        yield FormatError(name, "JSON nested too deeply")
        return
    except UnicodeDecodeError as err:
        yield FormatError(name, f"not UTF-8 (invalid byte at offset {err.start})")
        return
    except ValueError as err:
        yield FormatError(name, f"not JSON ({err})")
        return
    items = value if isinstance(value, list) else [value]
    if not items:
        yield InputError(name, "empty JSON array")
    for i, d in enumerate(items):
        try:
            yield record_article(name, d, f"item {i}" if isinstance(value, list) else "document", settings)
        except InputError as err:
            yield err
