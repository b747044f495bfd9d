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
from warta.meta import find_metadata, with_published
from warta.model import Article, CodedArticle, Document
from warta.segment import segment


def prepare_article(article: Article) -> Article:
    """Set the language, find publication date and dateline, and clean the text.

    Raises ``LanguageError`` when the article is in a language warta has no data for.
    """
    lang = article_language(article)
    # The publication date first: its line at the top is boilerplate that cleaning removes.
    # The dateline after: it opens the story, which is easier to find once the page is cleaned.
    dated = with_published(replace(article, language=lang.code), lang)
    return find_metadata(clean_article(dated, lang), lang)


def article_language(article: Article) -> Language:
    """The language data for ``article``: its stated language, else the detected one.

    Raises ``LanguageError`` when warta has no data for that language.
    """
    language = article.language or detect_language(article.text)
    if language not in available_languages():
        raise LanguageError(article.origin or article.id,
                            f"language {language or 'unknown'!r} has no data in warta; skipped")
    return load_language(language)


def build_document(article: Article, lang: Language) -> Document:
    """Segment a prepared article and add the extractors' layers, each computed on its first read
    (``Document``): dates only for an event's date, actors and places only for an event or a
    figure. (``code_events`` reads a sentence's actors only when a trigger matches in it, and the
    article's two sides only when a sentence gave a draft event.)"""
    return segment(article, lang).with_layer(
        actors=lambda doc: extract_actors(doc, lang),
        places=lambda doc: extract_places(doc, lang, actors=doc.actors),    # article countries
        dates=lambda doc: extract_dates(doc, lang),
        figures=lambda doc: extract_figures(doc, lang))


def code_article(article: Article) -> CodedArticle:
    """Code one raw article into events and figures."""
    prepared = prepare_article(article)
    lang = load_language(prepared.language)
    doc = build_document(prepared, lang)
    return CodedArticle(article=prepared, events=code_events(doc, lang), figures=doc.figures)
