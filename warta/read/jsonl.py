"""JSON Lines (one article object a line) and JSON (one object or an array of objects).

Fields: ``id``, ``url``, ``title``, ``published`` (the publication date), ``source``, and ``text``
or ``html`` (the page, whose main text is extracted as for ``.html`` files).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from warta.errors import FormatError, InputError
from warta.limits import json_too_deep
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
        raise FormatError(name, f"{where}: text too long ({len(text):,} characters; "
                                f"the limit is {settings.max_text_chars:,})")
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
    """Articles of a JSONL stream; a bad line yields a ``FormatError`` and reading goes on.

    When none of the first ``settings.max_errors_per_file`` non-empty lines can be read as JSON
    at all, the input is not JSON Lines: one error says so and reading stops (a million lines of
    something else give one line, not a million).
    """
    seen = json_lines = 0
    held: list[FormatError] = []            # unreadable lines before the first JSON one
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        seen += 1
        value, error, unreadable = _parse_line(name, raw, f"line {number}", settings)
        if unreadable and json_lines == 0:
            held.append(error)
            if len(held) >= settings.max_errors_per_file:
                yield FormatError(name, f"not JSON Lines: its first {len(held)} lines are all "
                                        f"unreadable ({held[0].reason}); reading stopped")
                return
            continue
        if not unreadable:
            json_lines += 1
            yield from held
            held = []
        if error is not None:
            yield error
            continue
        try:
            yield record_article(name, value, f"line {number}", settings)
        except InputError as err:
            yield err
    yield from held
    if seen == 0:
        yield InputError(name, "empty input")


def _parse_line(name: str, raw: bytes, where: str,
                settings: ReadSettings) -> tuple[Any, FormatError | None, bool]:
    """(the JSON value of one line, the error instead of it, whether the line is unreadable as
    JSON at all: not UTF-8, not JSON). Too large or too deep lines look like JSON."""
    if len(raw) > settings.max_record_bytes:
        return None, FormatError(name, f"{where}: too large (over the limit of "
                                       f"{settings.max_record_bytes:,} bytes)"), False
    if json_too_deep(raw, settings.max_nesting):
        return None, FormatError(name, f"{where}: JSON nested deeper than the limit of "
                                       f"{settings.max_nesting} levels"), False
    try:
        return json.loads(raw.decode("utf-8-sig")), None, False
    except RecursionError:
        return None, FormatError(name, f"{where}: JSON nested too deeply"), False
    except UnicodeDecodeError as err:
        return None, FormatError(name, f"{where}: not UTF-8 (invalid byte at offset {err.start})"), True
    except ValueError as err:
        return None, FormatError(name, f"{where}: not JSON ({err})"), True


def iter_json(name: str, data: bytes, settings: ReadSettings = DEFAULT_SETTINGS) -> Iterator[Article | InputError]:
    """Articles of a JSON document: one object, or an array of objects."""
    if json_too_deep(data, settings.max_nesting):
        yield FormatError(name, f"JSON nested deeper than the limit of {settings.max_nesting} levels")
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
