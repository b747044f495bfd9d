"""Sentence → PLOVER events. (stub: to be built, issue 3)"""
from __future__ import annotations

from warta.lang import Language
from warta.model import Document, Event


def code_events(doc: Document, lang: Language) -> tuple[Event, ...]:
    return ()
