"""WARC archives (``.warc``, ``.warc.gz``): every HTML response record, with its URL and date.

With ``ReadSettings.skip_other_languages`` (the default) a record in a language warta has no data
for is skipped before its HTML is extracted (``warta.read.language``), and the skipped records of
an archive are counted in one ``LanguageError`` at its end, not reported one by one.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warta.errors import FormatError, InputError, LanguageError
from warta.model import Article
from warta.read.common import DEFAULT_SETTINGS, ReadSettings, decode_html, iso_date
from warta.read.html import html_article
from warta.read.language import is_kept, page_language, stated_languages


def _is_html(record) -> tuple[bool, str | None]:
    if record.rec_type != "response" or record.http_headers is None:
        return False, None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    charset = ctype.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype else None
    return ("html" in ctype or not ctype), charset


class _QuietArchiveIterator(ArchiveIterator):
    """warcio writes a warning to stderr for a record not followed by a blank line; the reader
    reports bad archives as errors instead."""
    INC_RECORD = ""


def iter_warc(name: str, stream: BinaryIO, settings: ReadSettings = DEFAULT_SETTINGS) -> Iterator[Article | InputError]:
    """Articles of a WARC stream; a corrupt archive yields one ``FormatError`` and stops."""
    found = 0
    held: InputError | None = None
    skipped: Counter[str] = Counter()
    try:
        for record in _QuietArchiveIterator(stream):
            if held is not None:
                yield held
                held = None
            html, charset = _is_html(record)
            if not html:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}: record {url or record.rec_headers.get_header('WARC-Record-ID')}"
            data = record.content_stream().read(settings.max_record_bytes + 1)
            found += 1
            missing = getattr(record.raw_stream, "limit", 0)
            if len(data) <= settings.max_record_bytes and missing > 0:
                if skipped:
                    yield _skipped_line(name, skipped)
                yield FormatError(where, f"truncated record ({missing:,} bytes missing)")
                return
            if settings.skip_other_languages and len(data) <= settings.max_record_bytes:
                language = _record_language(record, data, charset)
                if not is_kept(language):
                    skipped[language or "unknown"] += 1
                    continue
            try:
                yield html_article(where, data, url=url,
                                   fallback_date=iso_date(record.rec_headers.get_header("WARC-Date")),
                                   charset=charset, settings=settings, origin=name)
            except InputError as err:
                held = err
        if held is not None:
            yield held
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, TypeError, IndexError, KeyError,
            AttributeError) as err:
        if skipped:
            yield _skipped_line(name, skipped)
        detail = " ".join(str(err).split())      # one line, whatever warcio's message holds
        yield FormatError(name, f"not a readable WARC archive ({type(err).__name__}: {detail})"[:300])
        return
    if skipped:
        yield _skipped_line(name, skipped)
    elif found == 0:
        yield FormatError(name, "no HTML response records in the WARC archive")


def _record_language(record, data: bytes, charset: str | None) -> str | None:
    stated = stated_languages(record.rec_headers.get_header("WARC-Identified-Content-Language"),
                              record.http_headers.get_header("Content-Language"), data)
    return page_language(stated, lambda: decode_html(data, charset))


def _skipped_line(name: str, skipped: Counter[str]) -> LanguageError:
    total = sum(skipped.values())
    counts = ", ".join(f"{code} {n:,}" for code, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
    return LanguageError(name, f"{total:,} record{'s' * (total != 1)} skipped: in languages warta has "
                               f"no data for ({counts})")
