"""Language identification per article. (stub: to be built, issue 2)"""
from __future__ import annotations


def detect_language(text: str) -> str | None:
    return "id"
