"""Sentences and tokens with character offsets. (stub: to be built, issue 2)"""
from __future__ import annotations

import re

from warta.lang import Language
from warta.model import Article, Document, Sentence, Token


def segment(article: Article, lang: Language) -> Document:
    sentences = []
    for m in re.finditer(r"[^\n]+", article.text):
        tokens = tuple(Token(t.start() + m.start(), t.end() + m.start(), t.group())
                       for t in re.finditer(r"\w+|[^\w\s]", m.group()))
        sentences.append(Sentence(len(sentences), m.start(), m.end(), m.group(), tokens))
    return Document(article=article, sentences=tuple(sentences))
