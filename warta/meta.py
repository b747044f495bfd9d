"""Publication date and dateline found in the text. (stub: to be built, issue 2)"""
from __future__ import annotations

from warta.lang import Language
from warta.model import Article


def find_metadata(article: Article, lang: Language) -> Article:
    return article
