"""Readers: input paths → Articles, one module per format.

``iter_articles`` yields an ``Article`` per article read and an ``InputError`` (as a value, not
raised) per input that could not be read, so a batch goes on past bad files.

Formats are chosen by file name: ``.txt`` (one article a file), ``.jsonl`` / ``.json`` (objects with
``id``, ``url``, ``title``, ``published``, ``source``, ``text`` or ``html``), ``.html`` / ``.htm``
(trafilatura), ``.warc`` / ``.warc.gz`` (warcio). A directory is read recursively; ``-`` is standard
input, whose format is sniffed from its first bytes.
"""
from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from warta.errors import InputError
from warta.model import Article
from warta.read.common import DEFAULT_SETTINGS, ReadSettings, article_id, check_bytes, looks_binary
from warta.read.html import html_article
from warta.read.jsonl import iter_json, iter_jsonl
from warta.read.text import read_text_file, text_article
from warta.read.warc import iter_warc

__all__ = ["ReadSettings", "DEFAULT_SETTINGS", "article_id", "expand_inputs", "format_of",
           "iter_articles", "read_bytes"]

STDIN = "-"
SUFFIXES = {".txt": "txt", ".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".json": "json", ".html": "html",
            ".htm": "html", ".warc": "warc", ".warc.gz": "warc", ".arc.gz": "warc"}


def format_of(name: str) -> str | None:
    """The reader for a file name, or None when its suffix is not one warta reads."""
    lower = name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files to read: named files as given, directories expanded recursively (known formats,
    hidden files skipped, sorted), ``-`` kept for standard input."""
    out: list[str] = []
    for name in map(str, inputs):
        path = Path(name)
        if name != STDIN and path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and format_of(p.name)
                     and not any(part.startswith(".") for part in p.relative_to(path).parts))
            out.extend(sorted(str(p) for p in found))
        else:
            out.append(name)
    return out


def sniff_format(data: bytes) -> str:
    """The format of unnamed bytes (standard input) from their first bytes."""
    if data[:2] == b"\x1f\x8b" or data.lstrip()[:5] == b"WARC/":
        return "warc"
    head = data.lstrip()[:512].lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")):
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        rest = data.lstrip().split(b"\n", 1)
        return "jsonl" if len(rest) == 1 or rest[1].lstrip().startswith(b"{") or not rest[1].strip() else "json"
    return "txt"


def read_bytes(name: str, data: bytes, fmt: str, stem: str = "stdin",
               settings: ReadSettings = DEFAULT_SETTINGS) -> Iterator[Article | InputError]:
    """Articles (or errors) from bytes already in memory, in format ``fmt``."""
    try:
        if fmt == "warc":
            yield from iter_warc(name, io.BytesIO(data), settings)
        elif fmt == "jsonl":
            yield from iter_jsonl(name, io.BytesIO(data), settings)
        elif fmt == "json":
            check_bytes(name, data, settings.max_file_bytes * 10, settings)
            yield from iter_json(name, data, settings)
        elif fmt == "html":
            yield html_article(name, data, settings=settings)
        else:
            yield text_article(name, data, stem, settings=settings)
    except InputError as err:
        yield err


def _read_path(name: str, settings: ReadSettings) -> Iterator[Article | InputError]:
    path = Path(name)
    if not path.exists():
        yield InputError(name, "no such file or directory")
        return
    if not path.is_file():
        yield InputError(name, "not a regular file")
        return
    fmt = format_of(path.name)
    try:
        if fmt == "txt":
            yield read_text_file(path, settings)
        elif fmt in ("jsonl", "warc"):
            with path.open("rb") as fh:
                head = fh.read(settings.sniff_bytes)
                fh.seek(0)
                if fmt == "jsonl" and head[:2] != b"\x1f\x8b" and looks_binary(head, settings):
                    yield InputError(name, "binary content, not text")
                    return
                if fmt == "warc":
                    yield from iter_warc(name, fh, settings)
                elif head[:2] == b"\x1f\x8b":
                    with gzip.open(fh) as gz:
                        yield from iter_jsonl(name, _guarded_lines(name, gz), settings)
                else:
                    yield from iter_jsonl(name, fh, settings)
        else:
            if path.stat().st_size > settings.max_file_bytes * (10 if fmt == "json" else 1):
                yield InputError(name, f"too large ({path.stat().st_size:,} bytes)")
                return
            yield from read_bytes(name, path.read_bytes(), fmt or sniff_format(path.read_bytes()[:4096]),
                                  path.stem, settings)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(name, f"cannot read: {err.strerror or err}")


def _guarded_lines(name: str, stream) -> Iterator[bytes]:
    try:
        yield from stream
    except (OSError, EOFError) as err:
        raise InputError(name, f"corrupt gzip data ({err})") from None


def _read_stdin(settings: ReadSettings) -> Iterator[Article | InputError]:
    data = sys.stdin.buffer.read()
    if not data.strip():
        yield InputError("<stdin>", "empty input")
        return
    yield from read_bytes("<stdin>", data, sniff_format(data), "stdin", settings)


def iter_articles(inputs: Iterable[str], settings: ReadSettings = DEFAULT_SETTINGS,
                  published: str | None = None) -> Iterator[Article | InputError]:
    """Read every input (files, directories, ``-``) into Articles; bad inputs become InputError values.

    ``published`` (YYYY-MM-DD) is given to articles whose input carries no publication date.
    """
    for given in map(str, inputs):
        names = expand_inputs([given])
        if not names:
            yield InputError(given, "a directory without files warta reads (" +
                             ", ".join(sorted(set(SUFFIXES))) + ")")
        for name in names:
            items = _read_stdin(settings) if name == STDIN else _read_path(name, settings)
            for item in items:
                if published and isinstance(item, Article) and not item.published:
                    item = replace(item, published=published, published_derived="input")
                yield item
