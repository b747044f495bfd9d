"""``warta code`` and ``warta clean``: thin shells over ``warta.read``, ``warta.pipeline`` and
``warta.clean``. One line per bad input on standard error (``warta: FILE: reason``), a summary line
at the end, and a non-zero exit only when nothing could be read."""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from warta.clean import mark_lines
from warta.cli.app import app
from warta.cli.options import ALL_LANGUAGES, LIMIT, ErrorLines, reading_settings
from warta.errors import WartaError
from warta.limits import DEFAULT_LIMITS, InputLimits, check_article
from warta.meta import find_metadata, with_published
from warta.model import Article, CodedArticle
from warta.pipeline import article_language
from warta.read import DEFAULT_SETTINGS, ReadSettings, expand_inputs

FORMATS = ("jsonl", "json", "table")
PROGRESS_MIN_INPUTS = 4
EVIDENCE_CHARS = 90


@dataclass
class Tally:
    articles: int = 0
    events: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    lines: ErrorLines = field(default_factory=ErrorLines)

    def summary(self) -> str:
        return (f"coded {self.articles} article{'s' * (self.articles != 1)}, {self.events} "
                f"event{'s' * (self.events != 1)}; {self.skipped} input{'s' * (self.skipped != 1)} skipped")


def _report(err: WartaError | Exception, tally: Tally) -> None:
    tally.skipped += 1
    tally.lines(err)


def _check_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def _progress(items: Iterable, inputs: list[str], what: str) -> Iterable:
    """A progress bar on standard error when it is a terminal and there are several inputs."""
    files = expand_inputs(inputs)
    many = len(files) >= PROGRESS_MIN_INPUTS or any(f.endswith((".jsonl", ".warc", ".warc.gz"))
                                                     for f in files)
    if not (sys.stderr.isatty() and many):
        return items
    from tqdm import tqdm
    return tqdm(items, desc=what, unit=" articles", file=sys.stderr, leave=False)


def coded_stream(inputs: list[str], published: Optional[str], workers: int,
                 settings: ReadSettings = DEFAULT_SETTINGS, limits: InputLimits = DEFAULT_LIMITS) -> Iterator:
    """Coded articles and errors (read errors and coding errors as values), in input order.

    The same reading and per-article function as ``warta ingest``: ``read_guarded`` (a reader
    that fails on one file fails that file only) and ``code_or_error`` (the input limits, then
    the pipeline; any failure comes back as a value)."""
    from warta.parallel import code_many, read_guarded
    return code_many(read_guarded(inputs, settings=settings, published=published), workers=workers,
                     limits=limits)


@contextmanager
def _opened(output: Optional[Path]) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8") as fh:
        yield fh


def _figures(figures) -> str:
    return ", ".join(f"{f.kind} {f.best or f.low or f.high}" for f in figures)


def event_table(coded: list[CodedArticle]) -> Table:
    """A readable table of the events of coded articles."""
    table = Table(title="warta events", show_lines=False, expand=False)
    for name in ("article", "event", "source → target", "date", "place", "figures", "evidence"):
        table.add_column(name, overflow="fold")
    for c in coded:
        for e in c.events:
            def who(actor):
                return (actor.country or actor.org or actor.name or actor.text) if actor else "—"
            evidence = e.evidence.text if len(e.evidence.text) <= EVIDENCE_CHARS \
                else e.evidence.text[:EVIDENCE_CHARS - 1] + "…"
            table.add_row(c.article.id, e.event_type + (f"/{e.mode}" if e.mode else ""),
                          f"{who(e.source)} → {who(e.target)}",
                          (e.date.value or "") if e.date else "",
                          (e.place.name or e.place.country or "") if e.place else "",
                          _figures(e.figures), evidence)
    return table


@app.command("code")
def code_command(
    inputs: list[str] = typer.Argument(..., help="Files (.txt .jsonl .json .html .warc .warc.gz), "
                                       "directories (read recursively) or - for standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one coded article a line), json "
                            "(an array) or table (readable events)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) "
                                            "for inputs that carry none."),
    workers: int = typer.Option(1, "--workers", "-j", min=1, help="Processes to code with."),
    limit: Optional[list[str]] = LIMIT,
    all_languages: bool = ALL_LANGUAGES,
) -> None:
    """Code news articles into PLOVER events, with evidence offsets into the cleaned text.

    \b
    Examples:
      warta code warta/samples --format table
      warta code articles.jsonl --format jsonl -o coded.jsonl
      warta code page.html --published 2024-05-01
      cat article.txt | warta code - --format json
    """
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}; use one of {', '.join(FORMATS)}", param_hint="--format")
    published = _check_date(published)
    settings, limits = reading_settings(limit, all_languages)
    tally = Tally(lines=ErrorLines(settings))
    table_rows: list[CodedArticle] = []
    with _opened(output) as out:
        first = True
        for item in _progress(coded_stream(inputs, published, workers, settings, limits), inputs, "coding"):
            if not isinstance(item, CodedArticle):
                _report(item, tally)
                continue
            tally.articles += 1
            tally.events += len(item.events)
            if fmt == "table":
                table_rows.append(item)
                continue
            line = json.dumps(item.to_dict(), ensure_ascii=False)
            if fmt == "jsonl":
                out.write(line + "\n")
            else:
                out.write(("[\n" if first else ",\n") + line)
            first = False
        if fmt == "json":
            out.write("[]\n" if first else "\n]\n")
        elif fmt == "table":
            console = Console(file=out, width=None if out.isatty() else 160)
            console.print(event_table(table_rows))
    tally.lines.close()
    typer.echo(tally.summary(), err=True)
    if tally.articles == 0:
        raise typer.Exit(1)


def _prepare_for_display(article: Article) -> tuple[Article, list[tuple[str, str]]]:
    lang = article_language(article)
    dated = with_published(replace(article, language=lang.code), lang)     # as prepare_article
    marks, title = mark_lines(dated.text, dated.title, lang)
    kept = "\n".join(line for verdict, line in marks if verdict == "keep")
    shown = find_metadata(replace(dated, text=kept, title=title), lang)
    return replace(shown, text=article.text), marks


def _print_marks(console: Console, article: Article, marks: list[tuple[str, str]],
                 show_kept: bool) -> None:
    head = f"== {article.id}"
    for label, value in (("title", article.title), ("published", article.published),
                         ("dateline", article.dateline), ("from", article.origin)):
        if value:
            head += f" | {label}: {value}"
    console.print(Text(head, style="bold"))
    for verdict, line in marks:
        if verdict == "keep":
            if show_kept:
                console.print(Text("  " + line))
        else:
            prefix = "- " if verdict == "drop" else "-~ "
            console.print(Text(prefix + line, style="red" if verdict == "drop" else "magenta"))
    console.print()


@app.command("clean")
def clean_command(
    inputs: list[str] = typer.Argument(..., help="Files, directories or - for standard input."),
    removed_only: bool = typer.Option(False, "--removed", help="List only what cleaning removes."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) "
                                            "for inputs that carry none."),
    limit: Optional[list[str]] = LIMIT,
    all_languages: bool = ALL_LANGUAGES,
) -> None:
    """Show the cleaned text of articles, with every removed line marked.

    Kept lines are indented by two spaces; removed lines start with "- " (red on a terminal);
    fragments cut out of a kept line (spam, trailing "Baca juga") start with "-~ ".

    \b
    Examples:
      warta clean warta/samples/004_1ed279cb64cb3699.txt
      warta clean articles.jsonl --removed
    """
    from warta.parallel import read_guarded
    published = _check_date(published)
    settings, limits = reading_settings(limit, all_languages)
    console = Console(highlight=False, soft_wrap=True)
    tally = Tally(lines=ErrorLines(settings))
    for item in read_guarded(inputs, settings=settings, published=published):
        if isinstance(item, WartaError):
            _report(item, tally)
            continue
        try:
            article, marks = _prepare_for_display(check_article(item, limits))
        except WartaError as err:
            _report(err, tally)
            continue
        tally.articles += 1
        _print_marks(console, article, marks, show_kept=not removed_only)
    tally.lines.close()
    typer.echo(f"cleaned {tally.articles} article{'s' * (tally.articles != 1)}; "
               f"{tally.skipped} input{'s' * (tally.skipped != 1)} skipped", err=True)
    if tally.articles == 0:
        raise typer.Exit(1)
