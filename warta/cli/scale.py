"""``warta load`` (partitions written by ``warta ingest --dask`` into the store), and the ingest
runner behind ``warta ingest --workers N`` / ``--dask SCHEDULER``, with a clean stop on SIGINT
and SIGTERM: the batch being written is finished, a summary is printed, and the exit status is
128 + the signal number, so a re-run completes the batch with nothing lost and nothing doubled.
"""
from __future__ import annotations

import shutil
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

import typer

from warta.cli.app import app
from warta.errors import WartaError
from warta.limits import DEFAULT_LIMITS, InputLimits
from warta.read import DEFAULT_SETTINGS, ReadSettings

DB_HELP = "SQLite file or postgresql:// URL."


@dataclass
class StopRequest:
    """Set by a signal handler; readers of the input stream stop at the next article."""
    signum: int | None = None

    @property
    def requested(self) -> bool:
        return self.signum is not None

    def name(self) -> str:
        return signal.Signals(self.signum).name if self.signum else ""


@contextmanager
def stop_on_signals(signums: tuple[int, ...] = (signal.SIGINT, signal.SIGTERM)) -> Iterator[StopRequest]:
    """Turn the first SIGINT/SIGTERM into a stop request; a second one stops at once
    (``KeyboardInterrupt``; an open transaction is rolled back). Handlers are restored on exit.
    Outside the main thread (where Python cannot set handlers) nothing is installed."""
    stop = StopRequest()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum, frame) -> None:
        if stop.requested:
            raise KeyboardInterrupt
        stop.signum = signum

    previous = {s: signal.signal(s, handler) for s in signums}
    try:
        yield stop
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def until_stopped(items: Iterable, stop: StopRequest) -> Iterator:
    """The items of ``items`` until a stop is requested."""
    for item in items:
        if stop.requested:
            return
        yield item


def _echo_error(err: WartaError) -> None:
    typer.echo(f"warta: {err}", err=True)


def _open_store(db: str):
    from warta.store import open_store
    try:
        return open_store(db)
    except WartaError as err:
        _echo_error(err)
        raise typer.Exit(2) from err


def _stopped(stop: StopRequest, what: str) -> int:
    written = "partition" if "dask" in what else "batch"
    typer.echo(f"warta {what}: stopped by {stop.name()}; every {written} written is complete, "
               f"run the same command again to finish", err=True)
    return 128 + (stop.signum or 0)


def check_ingest_options(workers: int | None, dask: str | None, out: str | None,
                         partition_format: str) -> None:
    """Reject option combinations that make no sense, as ``typer.BadParameter``."""
    from warta.scale import FORMATS
    if partition_format not in FORMATS:
        raise typer.BadParameter(f"{partition_format!r}; use one of {', '.join(FORMATS)}",
                                 param_hint="--partition-format")
    if out and not dask:
        raise typer.BadParameter("--out needs --dask (partitions are written by Dask workers)",
                                 param_hint="--out")
    if workers is not None and workers < 1:
        raise typer.BadParameter("must be at least 1", param_hint="--workers")


def run_ingest(inputs: list[str], db: str, *, batch_size: int = 100, force: bool = False,
               workers: int | None = 1, dask: str | None = None, out: str | None = None,
               partition_format: str = "jsonl", on_batch=None,
               settings: ReadSettings = DEFAULT_SETTINGS, limits: InputLimits = DEFAULT_LIMITS) -> int:
    """Ingest ``inputs`` into the store at ``db``; return the exit status for the CLI.

    ``workers``: processes that code (None: one per core). ``dask``: a scheduler address or
    ``local``; the coded articles are written as partitions under ``out`` (a temporary folder
    when None) and then loaded. ``settings`` and ``limits``: the reader settings and the
    per-article input limits. 0 when something was read, 1 when nothing could be read, 2 when
    the store failed, 128 + signal number when stopped by SIGINT or SIGTERM.
    """
    check_ingest_options(workers, dask, out, partition_format)
    if dask:
        return _ingest_dask(inputs, db, dask, out, partition_format, batch_size, workers,
                            settings, limits)
    from warta.ingest import coder_version, ingest
    from warta.parallel import Precoded, code_or_error, default_workers, read_guarded

    from warta.cli.options import ErrorLines

    store = _open_store(db)
    version = coder_version()
    report = ErrorLines(settings)
    try:
        with stop_on_signals() as stop:
            items = until_stopped(read_guarded(inputs, settings=settings), stop)
            code = partial(code_or_error, limits=limits)
            if workers is None or workers > 1:
                def wanted(ids: list[str]) -> set[str]:
                    stored = store.coder_versions(ids)
                    return {i for i in ids if force or stored.get(i, "\0") != version}
                n = workers or default_workers()
                pre = Precoded(items, workers=n, window=max(2 * batch_size, 4 * n), wanted=wanted,
                               limits=limits)
                items, code = until_stopped(pre.items(), stop), pre.code
            summary = ingest(items, store, code=code, batch_size=batch_size, force=force,
                             version=version, on_error=report, on_batch=on_batch)
    except WartaError as err:
        _echo_error(err)
        return 2
    finally:
        store.close()
        report.close()
    typer.echo(f"warta ingest: {summary.line()}", err=True)
    if stop.requested:
        return _stopped(stop, "ingest")
    return 1 if summary.read == 0 and summary.errors else 0


def _ingest_dask(inputs: list[str], db: str, scheduler: str, out: str | None, fmt: str,
                 batch_size: int, workers: int | None, settings: ReadSettings,
                 limits: InputLimits) -> int:
    """Code on Dask into partitions, then load them. A stop (SIGINT, SIGTERM) while coding
    cancels the partitions not finished and loads nothing: the partitions already written are
    whole, and the same command run again codes only the others, then loads all. Without ``out``
    they go to a folder beside the store (``default_partitions``), removed once loaded."""
    from warta.parallel import default_workers
    from warta.scale import run_dask

    def done(result) -> None:
        for line in result.errors:
            typer.echo(line, err=True)

    folder = out or default_partitions(db)
    with stop_on_signals() as stop:
        results = run_dask(inputs, folder, scheduler=scheduler, fmt=fmt,
                           workers=workers or default_workers(), on_result=done,
                           settings=settings, limits=limits, stop=lambda: stop.requested)
        articles = sum(r.articles for r in results)
        errors = sum(len(r.errors) for r in results)
        reused = sum(r.reused for r in results)
        typer.echo(f"warta ingest --dask: coded {articles} articles in {len(results)} partitions "
                   f"under {folder}" + (f" ({reused} kept from an earlier run)" if reused else "")
                   + f"; {errors} errors", err=True)
        if stop.requested:
            return _stopped(stop, "ingest --dask")
        status = run_load([folder], db, batch_size=max(batch_size, 100))
    if status:
        return status
    if not out:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if articles == 0 and errors else 0


def default_partitions(db: str) -> str:
    """Where ``ingest --dask`` writes partitions without ``--out``: ``DB.parts`` beside a SQLite
    file, ``warta-dask-parts`` in the current folder for a server URL; kept after a stop so the
    same command resumes."""
    if "://" in db:
        return "warta-dask-parts"
    return f"{db}.parts"


def run_load(partitions: list[str], db: str, batch_size: int = 500) -> int:
    """Load partition folders or files into the store; the exit status for the CLI."""
    from warta.scale import load_partitions, unfinished_run

    for path in partitions:
        note = unfinished_run(path)
        if note:
            typer.echo(f"warta load: {path}: {note}", err=True)
    store = _open_store(db)
    try:
        with stop_on_signals() as stop:
            summary = load_partitions(partitions, store, batch_size=batch_size, on_error=_echo_error,
                                      stop=lambda: stop.requested)
    except WartaError as err:
        _echo_error(err)
        return 2
    finally:
        store.close()
    typer.echo(f"warta load: {summary.line()}", err=True)
    if stop.requested:
        return _stopped(stop, "load")
    return 1 if summary.articles == 0 and summary.errors else 0


@app.command("load")
def load_command(
    partitions: list[str] = typer.Argument(..., help="Partition folders (written by warta ingest "
                                           "--dask) or partition files (.jsonl, .parquet)."),
    db: str = typer.Option("warta.db", "--db", help=DB_HELP),
    batch_size: int = typer.Option(500, "--batch-size", min=1, help="Articles per transaction."),
) -> None:
    """Import coded-article partitions into the store (idempotent: loading twice adds nothing).

    Example: warta load out/ --db warta.db
    """
    status = run_load(partitions, db, batch_size)
    if status:
        raise typer.Exit(status)
