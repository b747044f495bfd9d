"""WARC archives (``.warc``, ``.warc.gz``): every HTML response record, with its URL and date."""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warta.errors import FormatError, InputError
from warta.model import Article
from warta.read.common import DEFAULT_SETTINGS, ReadSettings, iso_date
from warta.read.html import html_article


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
                yield FormatError(where, f"truncated record ({missing:,} bytes missing)")
                return
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
        detail = " ".join(str(err).split())      # one line, whatever warcio's message holds
        yield FormatError(name, f"not a readable WARC archive ({type(err).__name__}: {detail})"[:300])
        return
    if found == 0:
        yield FormatError(name, "no HTML response records in the WARC archive")
