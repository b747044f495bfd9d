"""Readers: input paths → Articles, one reader per format. (minimal stub: to be built, issue 2)

``iter_articles`` yields an ``Article`` per article read and an ``InputError`` (as a value, not
raised) per input that could not be read, so a batch goes on past bad files.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from warta.errors import InputError
from warta.model import Article


def iter_articles(inputs: Iterable[str]) -> Iterator[Article | InputError]:
    for name in inputs:
        path = Path(name)
        try:
            if path.suffix == ".jsonl":
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        d = json.loads(line)
                        yield Article(id=str(d["id"]), text=d.get("text") or "", title=d.get("title"),
                                      published=d.get("published"), url=d.get("url"),
                                      source=d.get("source"), origin=name)
            else:
                yield Article(id=path.stem, text=path.read_text(encoding="utf-8"), origin=name)
        except (OSError, ValueError, KeyError) as err:
            yield InputError(name, str(err))
