"""HTML pages: main text, title, date and site through trafilatura (comments off)."""
from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from warta.errors import FormatError, InputError
from warta.model import Article
from warta.read.common import (DEFAULT_SETTINGS, ReadSettings, article_id, check_bytes, decode_html,
                               iso_date, normalise_text)


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: str | None
    source: str | None


def extract_html(html: str, url: str | None = None) -> Page:
    """The main text and metadata of one page (empty text when trafilatura finds none)."""
    try:
        doc = trafilatura.bare_extraction(html, url=url, include_comments=False, include_tables=False,
                                          with_metadata=True, favor_recall=True)
    except Exception:  # noqa: BLE001  (lxml and trafilatura raise many kinds on broken markup)
        doc = None
    if doc is None:
        return Page("", None, None, None)
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return Page(text=normalise_text(get("text") or ""), title=get("title") or None,
                published=iso_date(get("date")), source=get("sitename") or get("hostname") or None)


def html_article(name: str, data: bytes, url: str | None = None, fallback_date: str | None = None,
                 charset: str | None = None, settings: ReadSettings = DEFAULT_SETTINGS,
                 origin: str | None = None) -> Article:
    """One Article from the bytes of an HTML page; raises ``InputError``/``FormatError``."""
    check_bytes(name, data, settings.max_file_bytes, settings)
    page = extract_html(decode_html(data, charset), url)
    if not page.text.strip():
        raise FormatError(name, "no article text found in the HTML page")
    if len(page.text) > settings.max_text_chars:
        raise InputError(name, f"text too long ({len(page.text):,} characters; "
                                f"the limit is {settings.max_text_chars:,})")
    published = page.published or fallback_date
    return Article(id=article_id(page.text, url), text=page.text, title=page.title,
                   published=published, url=url, source=page.source,
                   published_derived="input" if published else None, origin=origin or name)
