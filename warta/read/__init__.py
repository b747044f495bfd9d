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
from typing import BinaryIO

from warta.errors import InputError
from warta.model import Article
from warta.read.common import DEFAULT_SETTINGS, ReadSettings, article_id, check_bytes, looks_binary
from warta.read.html import html_article
from warta.read.jsonl import iter_json, iter_jsonl
from warta.read.text import read_text_file, text_article
from warta.read.warc import iter_warc

__all__ = ["ReadSettings", "DEFAULT_SETTINGS", "article_id", "bounded_lines", "expand_inputs",
           "format_of", "iter_articles", "read_bytes"]

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
            yield from iter_jsonl(name, bounded_lines(io.BytesIO(data), settings.max_record_bytes),
                                  settings)
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
                        yield from iter_jsonl(name, _guarded_lines(name, gz, settings), settings)
                else:
                    yield from iter_jsonl(name, bounded_lines(fh, settings.max_record_bytes), settings)
        else:
            limit = settings.max_file_bytes * (10 if fmt == "json" else 1)
            if path.stat().st_size > limit:
                yield InputError(name, f"too large ({path.stat().st_size:,} bytes; the limit is {limit:,})")
                return
            yield from read_bytes(name, path.read_bytes(), fmt or sniff_format(path.read_bytes()[:4096]),
                                  path.stem, settings)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(name, f"cannot read: {err.strerror or err}")


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes]:
    """The lines of a binary stream, none held longer than ``limit + 1`` bytes: of a longer line
    only its first ``limit + 1`` bytes are yielded (so the reader refuses it) and the rest is
    skipped, so a 100 MB line never sits in memory whole."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield line


def _guarded_lines(name: str, stream, settings: ReadSettings) -> Iterator[bytes]:
    try:
        yield from bounded_lines(stream, settings.max_record_bytes)
    except (OSError, EOFError) as err:
        raise InputError(name, f"corrupt gzip data ({err})") from None


def capped_errors(name: str, items: Iterable[Article | InputError],
                  limit: int) -> Iterator[Article | InputError]:
    """``items`` of one input with at most ``limit`` of its errors shown; the others are counted
    in one last line, so one broken file cannot flood the error output."""
    hidden = 0
    shown = 0
    for item in items:
        if isinstance(item, InputError):
            if shown >= limit:
                hidden += 1
                continue
            shown += 1
        yield item
    if hidden:
        yield InputError(name, f"{hidden:,} more error{'s' * (hidden != 1)} in this input not shown "
                               f"(at most {limit:,} are shown for one input)")


class _Prefixed(io.RawIOBase):
    """Bytes already read from a stream, then the rest of the stream (standard input cannot be
    rewound once its first bytes are sniffed)."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read = getattr(self._rest, "read1", self._rest.read)
        data = read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _read_stdin(settings: ReadSettings, stream: BinaryIO | None = None) -> Iterator[Article | InputError]:
    """Standard input, streamed: JSONL line by line and WARC record by record (so a large corpus
    can be piped in); other formats are read whole up to their size limit."""
    stream = stream if stream is not None else sys.stdin.buffer
    head = stream.read(settings.sniff_bytes)
    while head and not head.strip() and (more := stream.read(settings.sniff_bytes)):
        head = head[-1:] + more                      # skip leading blank space, however long
    if not head.strip():
        yield InputError("<stdin>", "empty input")
        return
    fmt = sniff_format(head)
    whole = io.BufferedReader(_Prefixed(head, stream))
    if fmt == "jsonl":
        yield from iter_jsonl("<stdin>", bounded_lines(whole, settings.max_record_bytes), settings)
    elif fmt == "warc":
        yield from iter_warc("<stdin>", whole, settings)
    else:
        limit = settings.max_file_bytes * (10 if fmt == "json" else 1)
        data = whole.read(limit + 1)
        if len(data) > limit:
            yield InputError("<stdin>", f"too large (more than the limit of {limit:,} bytes)")
            return
        yield from read_bytes("<stdin>", data, fmt, "stdin", settings)


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
            for item in capped_errors("<stdin>" if name == STDIN else name, items,
                                      settings.max_errors_per_file):
                if published and isinstance(item, Article) and not item.published:
                    item = replace(item, published=published, published_derived="input")
                yield item
