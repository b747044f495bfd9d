"""Options shared by the commands that read inputs (``code``, ``clean``, ``ingest``): the input
limits (``--limit NAME=VALUE``) and the language selection of web archives (``--all-languages``);
and the error lines they print."""
from __future__ import annotations

from collections import Counter
from dataclasses import fields, replace
from typing import Optional

import typer

from warta.limits import DEFAULT_LIMITS, InputLimits
from warta.read import DEFAULT_SETTINGS, ReadSettings

# The limits a user may set, with the settings object each belongs to.
READ_LIMITS = tuple(f.name for f in fields(ReadSettings) if f.name.startswith("max_"))
ARTICLE_LIMITS = tuple(f.name for f in fields(InputLimits))
LIMIT_NAMES = READ_LIMITS + ARTICLE_LIMITS


def _defaults() -> str:
    values = {**{n: getattr(DEFAULT_SETTINGS, n) for n in READ_LIMITS},
              **{n: getattr(DEFAULT_LIMITS, n) for n in ARTICLE_LIMITS}}
    return ", ".join(f"{name}={value}" for name, value in values.items())


LIMIT = typer.Option(None, "--limit", metavar="NAME=VALUE",
                     help=f"Change an input limit (repeatable). Defaults: {_defaults()}.")
ALL_LANGUAGES = typer.Option(False, "--all-languages",
                             help="Read WARC records in every language (default: records in a language "
                                  "warta has no data for are skipped unread and counted).")


def parse_limit(text: str) -> tuple[str, int]:
    """``max_lines=10000`` (dashes and ``_`` digit groups allowed) → ("max_lines", 10000)."""
    name, sep, value = text.partition("=")
    name = name.strip().replace("-", "_")
    if not sep or name not in LIMIT_NAMES:
        raise typer.BadParameter(f"{text!r}; use NAME=VALUE with NAME one of {', '.join(LIMIT_NAMES)}",
                                 param_hint="--limit")
    try:
        number = int(value.strip())
    except ValueError:
        number = 0
    if number < 1:
        raise typer.BadParameter(f"{text!r}: the value must be a whole number above 0", param_hint="--limit")
    return name, number


def reading_settings(limits: Optional[list[str]], all_languages: bool = False) -> tuple[ReadSettings, InputLimits]:
    """The reader settings and article limits that ``--limit`` and ``--all-languages`` ask for."""
    pairs = dict(parse_limit(text) for text in limits or [])
    settings = replace(DEFAULT_SETTINGS, skip_other_languages=not all_languages,
                       **{k: v for k, v in pairs.items() if k in READ_LIMITS})
    article = replace(DEFAULT_LIMITS, **{k: v for k, v in pairs.items() if k in ARTICLE_LIMITS})
    return settings, article


class ErrorLines:
    """``warta: NAME: reason`` lines on standard error, at most ``limit`` for one input (the
    readers already keep their own to ``max_errors_per_file`` plus one counting line); further
    errors of that input, such as thousands of articles in another language in one JSONL file,
    are counted and told in one line per input by ``close()``."""

    def __init__(self, settings: ReadSettings = DEFAULT_SETTINGS):
        self.limit = settings.max_errors_per_file + 1
        self._shown: Counter[str] = Counter()
        self._hidden: Counter[str] = Counter()

    def __call__(self, err: Exception) -> None:
        name = getattr(err, "name", "")
        if self._shown[name] >= self.limit:
            self._hidden[name] += 1
            return
        self._shown[name] += 1
        typer.echo(f"warta: {err}", err=True)

    def close(self) -> None:
        for name, hidden in self._hidden.items():
            typer.echo(f"warta: {name}: {hidden:,} more error{'s' * (hidden != 1)} not shown "
                       f"(at most {self.limit:,} lines are shown for one input)", err=True)
        self._hidden.clear()
