"""(stub: to be built)"""
from __future__ import annotations

from warta.lang import Language
from warta.model import Document


def extract_actors(doc: Document, lang: Language) -> tuple:
    return ()
