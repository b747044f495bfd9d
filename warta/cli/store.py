"""``warta ingest``, ``recode``, ``events``, ``clusters``, ``stats`` and ``export``: the event store."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from warta.cli.app import app
from warta.cli.options import ALL_LANGUAGES, LIMIT, reading_settings
from warta.errors import WartaError

DB_HELP = "SQLite file or postgresql:// URL."
FORMAT_LIST = ("table", "csv", "jsonl", "json")


def _open(db: str):
    from warta.store import open_store
    try:
        return open_store(db)
    except WartaError as err:
        typer.echo(f"warta: {err}", err=True)
        raise typer.Exit(2) from err


def _query(date_from, date_to, country, source, target, dyad, event_type, place, text,
           include_duplicates, limit, sort="date"):
    from warta.store import EventQuery
    pair = None
    if dyad:
        parts = [p.strip() for p in dyad.split(",") if p.strip()]
        if len(parts) != 2:
            typer.echo("warta: --dyad takes two codes, e.g. USA,RUS", err=True)
            raise typer.Exit(2)
        pair = (parts[0], parts[1])
    return EventQuery(date_from=date_from, date_to=date_to, country=country, source=source,
                      target=target, dyad=pair, event_type=event_type, place=place, text=text,
                      include_duplicates=include_duplicates, limit=limit, sort=sort)


def _progress(total_hint: Optional[int] = None):
    """A tqdm bar on a terminal, else nothing."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm
    return tqdm(total=total_hint, unit="article", file=sys.stderr)


def _on_batch(bar):
    seen = {"n": 0}

    def update(summary) -> None:
        if bar is not None:
            done = summary.read + summary.errors
            bar.update(done - seen["n"])
            seen["n"] = done
            bar.set_postfix(events=summary.events, dup=summary.duplicates, refresh=False)
    return update


def _error(err: WartaError) -> None:
    typer.echo(f"warta: {err}", err=True)


# Filters shared by events, clusters, stats and export.
FROM = typer.Option(None, "--from", help="First day (YYYY, YYYY-MM or YYYY-MM-DD).")
TO = typer.Option(None, "--to", help="Last day (YYYY, YYYY-MM or YYYY-MM-DD).")
COUNTRY = typer.Option(None, "--country", help="Country or organisation code, either side.")
SOURCE = typer.Option(None, "--source", help="Source actor's country or organisation code.")
TARGET = typer.Option(None, "--target", help="Target actor's country or organisation code.")
DYAD = typer.Option(None, "--dyad", help="Two codes, either direction: USA,RUS.")
TYPE = typer.Option(None, "--type", help="PLOVER event type.")
PLACE = typer.Option(None, "--place", help="Place name (part of it) or its country code.")
TEXT = typer.Option(None, "--text", help="Text in the evidence sentence or the article.")
DUPS = typer.Option(False, "--include-duplicates", help="Also events of near-duplicate articles.")


@app.command("ingest")
def ingest_command(
    inputs: list[str] = typer.Argument(..., help="Files, directories or - for standard input."),
    db: str = typer.Option("warta.db", "--db", help=DB_HELP),
    batch_size: int = typer.Option(100, "--batch-size", min=1, help="Articles per transaction."),
    force: bool = typer.Option(False, "--force", help="Code again articles stored with this coder."),
    workers: int = typer.Option(0, "--workers", "-j", min=0,
                                help="Processes that code (0: one per core); the store has one writer."),
    dask: Optional[str] = typer.Option(None, "--dask",
                                       help="Code on a Dask cluster: 'local' or a scheduler address."),
    out: Optional[str] = typer.Option(None, "--out", help="With --dask: folder for the coded partitions (default: DB.parts beside a SQLite store, kept "
                               "after a stop so the same command resumes, removed once loaded)."),
    partition_format: str = typer.Option("jsonl", "--partition-format", help="With --dask: jsonl or parquet."),
    limit: Optional[list[str]] = LIMIT,
    all_languages: bool = ALL_LANGUAGES,
) -> None:
    """Read, code and store articles in batches (idempotent and resumable).

    Example: warta ingest articles.jsonl --db warta.db --workers 0
    Example: warta ingest crawl/ --db postgresql://localhost/warta --dask local --out parts/
    """
    from warta.cli.scale import run_ingest

    settings, limits = reading_settings(limit, all_languages)
    bar = _progress()
    try:
        status = run_ingest(inputs, db, batch_size=batch_size, force=force,
                            workers=workers or None, dask=dask, out=out,
                            partition_format=partition_format, on_batch=_on_batch(bar),
                            settings=settings, limits=limits)
    finally:
        if bar is not None:
            bar.close()
    if status:
        raise typer.Exit(status)


@app.command("recode")
def recode_command(
    db: str = typer.Option("warta.db", "--db", help=DB_HELP),
    batch_size: int = typer.Option(100, "--batch-size", min=1),
    everything: bool = typer.Option(False, "--all", help="Re-code every article, not only stale ones."),
) -> None:
    """Re-code stored articles with the current coder, replacing their events per article.

    Example: warta recode --db warta.db
    """
    from warta.ingest import recode

    store = _open(db)
    bar = _progress()
    try:
        summary = recode(store, batch_size=batch_size, everything=everything, on_error=_error,
                         on_batch=_on_batch(bar))
    except WartaError as err:
        typer.echo(f"warta: {err}", err=True)
        raise typer.Exit(2) from err
    finally:
        if bar is not None:
            bar.close()
        store.close()
    typer.echo(f"warta recode: {summary.line()}", err=True)


EVENT_TABLE = ("event_date", "event_type", "source_country", "target_country", "place_name",
               "killed", "outlet", "article_id", "evidence_text")
CLUSTER_TABLE = ("first_date", "last_date", "event_type", "source_country", "target_country",
                 "place_name", "n_articles", "n_sources", "killed_low", "killed_high", "cluster_id")


def _emit(records: list[dict], flat: list[dict], fmt: str, columns: tuple[str, ...],
          fieldnames: tuple[str, ...], output: Optional[Path]) -> None:
    from warta.export import _write_text, table_text
    if fmt not in FORMAT_LIST:
        typer.echo(f"warta: unknown --format {fmt!r}; use one of {', '.join(FORMAT_LIST)}", err=True)
        raise typer.Exit(2)
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "table":
            out.write(table_text(flat, columns))
        elif fmt == "csv":
            _write_text(flat, out, "csv", fieldnames)
        elif fmt == "jsonl":
            _write_text(records, out, "jsonl", fieldnames)
        else:
            out.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    finally:
        if output:
            out.close()


@app.command("events")
def events_command(
    db: str = typer.Option("warta.db", "--db", help=DB_HELP),
    date_from: Optional[str] = FROM, date_to: Optional[str] = TO, country: Optional[str] = COUNTRY,
    source: Optional[str] = SOURCE, target: Optional[str] = TARGET, dyad: Optional[str] = DYAD,
    event_type: Optional[str] = TYPE, place: Optional[str] = PLACE, text: Optional[str] = TEXT,
    include_duplicates: bool = DUPS,
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many events."),
    sort: str = typer.Option("date", "--sort", help="date, -date, confidence or -confidence."),
    fmt: str = typer.Option("table", "--format", help="table, csv, jsonl or json."),
    output: Optional[Path] = typer.Option(None, "-o", "--output"),
) -> None:
    """List stored events.

    Example: warta events --db warta.db --dyad USA,RUS --from 2025-06 --format csv
    """
    from warta.export import EVENT_FIELDS, flat_event
    store = _open(db)
    try:
        q = _query(date_from, date_to, country, source, target, dyad, event_type, place, text,
                   include_duplicates, limit, sort)
        page = store.events(q)
    except WartaError as err:
        typer.echo(f"warta: {err}", err=True)
        raise typer.Exit(2) from err
    finally:
        store.close()
    _emit(page.items, [flat_event(e) for e in page.items], fmt, EVENT_TABLE, EVENT_FIELDS, output)
    if fmt == "table":
        typer.echo(f"{len(page.items)} of {page.total} events", err=True)


@app.command("clusters")
def clusters_command(
    db: str = typer.Option("warta.db", "--db", help=DB_HELP),
    date_from: Optional[str] = FROM, date_to: Optional[str] = TO, country: Optional[str] = COUNTRY,
    source: Optional[str] = SOURCE, target: Optional[str] = TARGET, dyad: Optional[str] = DYAD,
    event_type: Optional[str] = TYPE, place: Optional[str] = PLACE, text: Optional[str] = TEXT,
    limit: int = typer.Option(100, "--limit", min=1),
    sort: str = typer.Option("date", "--sort", help="date, -date, confidence (size) or -confidence."),
    fmt: str = typer.Option("table", "--format", help="table, csv, jsonl or json."),
    output: Optional[Path] = typer.Option(None, "-o", "--output"),
) -> None:
    """List event clusters: one happening reported by several articles and outlets.

    Example: warta clusters --db warta.db --country ISR --sort -confidence
    """
    from warta.export import CLUSTER_FIELDS, flat_cluster
    store = _open(db)
    try:
        q = _query(date_from, date_to, country, source, target, dyad, event_type, place, text,
                   False, limit, sort)
        page = store.clusters(q)
    except WartaError as err:
        typer.echo(f"warta: {err}", err=True)
        raise typer.Exit(2) from err
    finally:
        store.close()
    _emit(page.items, [flat_cluster(c) for c in page.items], fmt, CLUSTER_TABLE, CLUSTER_FIELDS,
          output)
    if fmt == "table":
        typer.echo(f"{len(page.items)} of {page.total} clusters", err=True)


@app.command("stats")
def stats_command(
    db: str = typer.Option("warta.db", "--db", help=DB_HELP),
    by: str = typer.Option("dyad,month", "--by",
                           help="Comma list of dyad, source, target, type, quad, week, month, year."),
    date_from: Optional[str] = FROM, date_to: Optional[str] = TO, country: Optional[str] = COUNTRY,
    source: Optional[str] = SOURCE, target: Optional[str] = TARGET, dyad: Optional[str] = DYAD,
    event_type: Optional[str] = TYPE, place: Optional[str] = PLACE, text: Optional[str] = TEXT,
    include_duplicates: bool = DUPS,
    fmt: str = typer.Option("table", "--format", help="table, csv, jsonl or json."),
    output: Optional[Path] = typer.Option(None, "-o", "--output"),
) -> None:
    """Count events and the happenings they report (killed, injured, displaced added once per happening) by dyad, type, month...

    Example: warta stats --db warta.db --by dyad,month --country IDN
    """
    keys = [b.strip() for b in by.split(",") if b.strip()]
    store = _open(db)
    try:
        q = _query(date_from, date_to, country, source, target, dyad, event_type, place, text,
                   include_duplicates, 100)
        rows = store.counts(q, by=keys)
        totals = store.stats()
    except WartaError as err:
        typer.echo(f"warta: {err}", err=True)
        raise typer.Exit(2) from err
    finally:
        store.close()
    columns = tuple(rows[0]) if rows else ("events",)
    _emit(rows, rows, fmt, columns, columns, output)
    if fmt == "table":
        typer.echo(", ".join(f"{k} {v}" for k, v in totals.items()), err=True)


@app.command("export")
def export_command(
    db: str = typer.Option("warta.db", "--db", help=DB_HELP),
    fmt: str = typer.Option("csv", "--format", help="csv, jsonl, parquet or plover."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
    per: str = typer.Option("event", "--per", help="One record per event or per cluster."),
    date_from: Optional[str] = FROM, date_to: Optional[str] = TO, country: Optional[str] = COUNTRY,
    source: Optional[str] = SOURCE, target: Optional[str] = TARGET, dyad: Optional[str] = DYAD,
    event_type: Optional[str] = TYPE, place: Optional[str] = PLACE, text: Optional[str] = TEXT,
    include_duplicates: bool = DUPS,
) -> None:
    """Export events or clusters as CSV, JSONL, Parquet or PLOVER-style JSON (docs/export.md).

    Example: warta export --db warta.db --format parquet -o events.parquet
    """
    from warta.export import export
    store = _open(db)
    try:
        q = _query(date_from, date_to, country, source, target, dyad, event_type, place, text,
                   include_duplicates, 1000)
        n = export(store, output, fmt=fmt, per=per, q=q)
    except WartaError as err:
        typer.echo(f"warta: {err}", err=True)
        raise typer.Exit(2) from err
    finally:
        store.close()
    typer.echo(f"warta export: {n} {per}s written to {output}", err=True)
