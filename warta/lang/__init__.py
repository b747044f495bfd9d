"""Language data: one folder per language (``warta/lang/<code>/``), small files with one concern each.

Files are UTF-8 text that people edit:
- ``*.txt``: one entry per line; ``#`` starts a comment; blank lines are ignored.
- ``*.tsv``: tab-separated with a header line; ``#`` lines are comments.

Code reads them only through ``Language``; a module that compiles them (into an Aho-Corasick
automaton, say) caches the result with ``Language.compiled``.
"""
from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from warta.errors import LanguageError


def _data_dir(code: str) -> Path:
    return Path(str(resources.files("warta.lang"))) / code


@functools.lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    root = Path(str(resources.files("warta.lang")))
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


class Language:
    """Read access to one language's data files, with a per-instance cache of compiled forms."""

    def __init__(self, code: str):
        self.code = code
        self.path = _data_dir(code)
        if not self.path.is_dir():
            raise LanguageError(code, "no language data for this language in warta/lang/")
        self._compiled: dict[str, Any] = {}

    def has(self, name: str) -> bool:
        return (self.path / name).is_file()

    def lines(self, name: str) -> list[str]:
        """Entries of a ``.txt`` list file, comments and blank lines removed."""
        out = []
        for raw in (self.path / name).read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
            if line:
                out.append(line)
        return out

    def table(self, name: str) -> list[dict[str, str]]:
        """Rows of a ``.tsv`` table file as dicts keyed by its header; empty cells are ''."""
        text = (self.path / name).read_text(encoding="utf-8")
        rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        reader = csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]

    def compiled(self, key: str, build: Callable[[Language], Any]) -> Any:
        """``build(self)`` once per language instance and key; later calls return the same object."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        return self._compiled[key]


@functools.lru_cache(maxsize=None)
def load_language(code: str) -> Language:
    """The shared, read-only Language for ``code`` (one per process)."""
    return Language(code)
