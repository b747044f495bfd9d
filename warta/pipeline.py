"""The pipeline: ``Article`` (raw) → prepared ``Article`` → ``Document`` → ``CodedArticle``.

Every stage is a pure function of its input and the language data; a whole article is processed
without I/O, so ``code_article`` runs the same in a loop, a process pool or a Dask worker.
"""
from __future__ import annotations

from dataclasses import replace

from warta.clean import clean_article
from warta.code_events import code_events
from warta.errors import LanguageError
from warta.extract.actors import extract_actors
from warta.extract.dates import extract_dates
from warta.extract.figures import extract_figures
from warta.extract.places import extract_places
from warta.lang import Language, available_languages, load_language
from warta.langid import detect_language
from warta.meta import find_metadata
from warta.model import Article, CodedArticle, Document
from warta.segment import segment


def prepare_article(article: Article) -> Article:
    """Set the language, find publication date and dateline, and clean the text.

    Raises ``LanguageError`` when the article is in a language warta has no data for.
    """
    language = article.language or detect_language(article.text)
    if language not in available_languages():
        raise LanguageError(article.origin or article.id,
                            f"language {language or 'unknown'!r} has no data in warta; skipped")
    lang = load_language(language)
    # The publication date first: its line at the top is boilerplate that cleaning removes.
    # The dateline after: it opens the story, which is easier to find once the page is cleaned.
    dated = find_metadata(replace(article, language=language), lang)
    cleaned = clean_article(replace(dated, dateline=article.dateline), lang)
    return find_metadata(cleaned, lang)


def build_document(article: Article, lang: Language) -> Document:
    """Segment a prepared article and run the extractors, each adding one layer."""
    doc = segment(article, lang)
    doc = doc.with_layer(actors=extract_actors(doc, lang))
    doc = doc.with_layer(places=extract_places(doc, lang, actors=doc.actors))   # article countries
    doc = doc.with_layer(dates=extract_dates(doc, lang), figures=extract_figures(doc, lang))
    return doc


def code_article(article: Article) -> CodedArticle:
    """Code one raw article into events and figures."""
    prepared = prepare_article(article)
    lang = load_language(prepared.language)
    doc = build_document(prepared, lang)
    return CodedArticle(article=prepared, events=code_events(doc, lang), figures=doc.figures)
