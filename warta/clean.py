"""Boilerplate and spam removal for text that arrives already flat. (stub: to be built, issue 2)"""
from __future__ import annotations

from warta.lang import Language
from warta.model import Article


def clean_article(article: Article, lang: Language) -> Article:
    return article
