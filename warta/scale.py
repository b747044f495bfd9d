"""The same per-article function over a Dask cluster, and the load of its output into the store.

Inputs (JSONL, WARC, text, HTML files or folders) are split into partitions of whole files; each
Dask task reads its files, codes every article with ``warta.parallel.code_or_error`` (the function
the loop and the process pool use) and writes one partition file of coded articles
(``part-00000.jsonl`` or ``.parquet``) under the output folder, plus ``_manifest.json`` naming the
coder version. Nothing but file names travels to the workers, and nothing but counts and error
lines comes back, so the workers must see the input files at the same paths (a shared or
replicated file system).

A run can be stopped (``stop``: SIGINT/SIGTERM in the CLI) and run again: every partition file
is written under a temporary name and renamed when whole, ``_manifest.json`` lists the plan and
the partitions completed so far, and a re-run with the same inputs, format and coder keeps the
completed partitions and codes only the others.

``load_partitions`` reads the partition files back in a deterministic order and adds them to the
store in batches, one transaction each; it is idempotent (the store keys articles by stable id).
"""
from __future__ import annotations

import json
import logging
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path

from warta.errors import FormatError, InputError, WartaError
from warta.limits import DEFAULT_LIMITS, InputLimits
from warta.model import CodedArticle
from warta.parallel import code_or_error, files_of, read_guarded
from warta.read import DEFAULT_SETTINGS, ReadSettings

FORMATS = ("jsonl", "parquet")
MANIFEST = "_manifest.json"
WRITE_BATCH = 256     # coded articles per Parquet row group / per write
POLL_SECONDS = 0.1    # how often a run looks for finished partitions and for a stop request


@dataclass(frozen=True)
class PartitionResult:
    """What one partition task did; ``errors`` are ``warta: FILE: reason`` lines, one per failure."""
    path: str
    articles: int
    events: int
    errors: tuple[str, ...]
    reused: bool = False      # completed by an earlier, stopped run of the same plan


@dataclass(frozen=True)
class LoadSummary:
    partitions: int = 0
    articles: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    duplicates: int = 0
    errors: int = 0

    def line(self) -> str:
        return ", ".join(f"{k} {v}" for k, v in asdict(self).items())


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown partition format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


def partition_inputs(inputs: Iterable[str], partitions: int) -> list[list[str]]:
    """Spread the input files over at most ``partitions`` lists, largest files first (greedy
    balance by bytes); each list is sorted, and the lists are in a deterministic order."""
    files = sorted(dict.fromkeys(files_of(inputs)), key=lambda p: (-_size(p), p))
    buckets: list[list[str]] = [[] for _ in range(max(1, min(partitions, len(files) or 1)))]
    loads = [0] * len(buckets)
    for f in files:
        i = loads.index(min(loads))
        buckets[i].append(f)
        loads[i] += max(1, _size(f))
    return sorted((sorted(b) for b in buckets if b), key=lambda b: b[0])


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def code_files(files: list[str], settings: ReadSettings = DEFAULT_SETTINGS,
               limits: InputLimits = DEFAULT_LIMITS) -> Iterator[CodedArticle | WartaError]:
    """Read and code ``files`` in order: coded articles and errors (as values)."""
    for item in read_guarded(files, settings=settings):
        yield item if isinstance(item, WartaError) else code_or_error(item, limits)


def code_partition(files: list[str], out_path: str, fmt: str = "jsonl",
                   settings: ReadSettings = DEFAULT_SETTINGS,
                   limits: InputLimits = DEFAULT_LIMITS) -> PartitionResult:
    """Read, code and write one partition, streaming. Runs inside a Dask worker (or anywhere)."""
    check_format(fmt)
    errors: list[str] = []
    counts = {"articles": 0, "events": 0}

    def coded() -> Iterator[CodedArticle]:
        for result in code_files(files, settings, limits):
            if isinstance(result, WartaError):
                errors.append(f"warta: {result}")
                continue
            counts["articles"] += 1
            counts["events"] += len(result.events)
            yield result

    write_partition(coded(), out_path, fmt)
    return PartitionResult(out_path, counts["articles"], counts["events"], tuple(errors))


def write_partition(coded: Iterable[CodedArticle], out_path: str, fmt: str) -> None:
    """Write coded articles to ``out_path`` through a temporary file: it is whole or absent.

    The temporary name is unique, so a task of a stopped run that is still finishing on a remote
    worker and the task of the re-run never write into the same file."""
    check_format(fmt)
    path = Path(out_path)
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        if fmt == "jsonl":
            with tmp.open("w", encoding="utf-8") as fh:
                for c in coded:
                    fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        else:
            _write_parquet(coded, tmp)
        tmp.replace(path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _write_parquet(coded: Iterable[CodedArticle], tmp: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("article_id", pa.string()), ("published", pa.string()),
                        ("events", pa.int32()), ("coded", pa.string())])
    with pq.ParquetWriter(tmp, schema) as writer:
        it = iter(coded)
        while batch := list(islice(it, WRITE_BATCH)):
            writer.write_table(pa.table({
                "article_id": [c.article.id for c in batch],
                "published": [c.article.published for c in batch],
                "events": [len(c.events) for c in batch],
                "coded": [json.dumps(c.to_dict(), ensure_ascii=False) for c in batch],
            }, schema=schema))


def _clear_old_partitions(out: Path, keep: set[str] = frozenset()) -> None:
    """Remove partition files (and leftover temporary files) of an earlier run, except ``keep``,
    so a load reads this run's output only."""
    for old in out.glob("part-*"):
        if old.is_file() and old.name not in keep and (old.suffix in (".jsonl", ".parquet", ".tmp")):
            old.unlink()


def _plan(parts: list[list[str]], fmt: str, version: str, settings: ReadSettings,
          limits: InputLimits) -> dict:
    return {"format": fmt, "coder_version": version,
            "settings": {**asdict(settings), **asdict(limits)}, "plan": parts}


def _reusable(out: Path, plan: dict) -> dict[int, PartitionResult]:
    """Partitions completed by an earlier run of the same plan (same inputs, format, coder and
    settings) whose files are still there, by index."""
    try:
        old = read_manifest(str(out))
    except FormatError:
        return {}
    if any(old.get(key) != value for key, value in plan.items()):
        return {}
    done = {}
    try:
        for p in old.get("partitions", []):
            path = out / p["path"]
            if path.is_file() and isinstance(p.get("index"), int):
                done[p["index"]] = PartitionResult(str(path), int(p["articles"]), int(p["events"]),
                                                   tuple(map(str, p.get("error_lines", ()))), reused=True)
    except (KeyError, TypeError, ValueError, AttributeError):
        return {}            # a manifest edited by hand or cut short: code everything again
    return done


@contextmanager
def _quiet_local_cluster(workers: int):
    """A LocalCluster of ``workers`` single-threaded processes that leave SIGINT to this process
    (Ctrl-C reaches the whole process group; the run stops through ``stop``, not through a
    KeyboardInterrupt in every worker). Dask's own log lines are silenced (a failed task comes
    back as an error line through its future), so stopping or losing a worker prints no storm of
    tracebacks. A SIGINT that arrives while the workers start (a few seconds) is ignored."""
    from dask.distributed import LocalCluster

    previous = signal.getsignal(signal.SIGINT) if _main_thread() else None
    if previous is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)     # inherited by the spawned workers
    try:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.CRITICAL)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    try:
        yield cluster
    finally:
        cluster.close()


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def run_dask(inputs: Iterable[str], out_dir: str, scheduler: str = "local", fmt: str = "jsonl",
             partitions: int | None = None, workers: int = 2,
             on_result: Callable[[PartitionResult], None] | None = None,
             settings: ReadSettings = DEFAULT_SETTINGS, limits: InputLimits = DEFAULT_LIMITS,
             stop: Callable[[], bool] | None = None) -> list[PartitionResult]:
    """Code ``inputs`` on a Dask cluster into partition files under ``out_dir``.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or ``local`` for a LocalCluster of
    ``workers`` single-threaded processes on this machine. ``partitions`` defaults to four per
    worker. Partitions completed by an earlier run of the same plan are kept; other partition
    files in ``out_dir`` are replaced. ``on_result`` sees each partition as it completes (reused
    ones first). ``stop()`` is asked every ``POLL_SECONDS``: when it says True the partitions not
    finished are cancelled and the results so far are returned (fewer than the plan's); a re-run
    completes the rest. Results are in partition order.
    """
    from warta.ingest import coder_version

    check_format(fmt)
    inputs = list(inputs)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stopped = stop or (lambda: False)
    failed: dict[int, PartitionResult] = {}
    with _client(scheduler, workers) as client:
        n = partitions or max(1, 4 * len(client.scheduler_info().get("workers", {})))
        parts = partition_inputs(inputs, n)
        plan = _plan(parts, fmt, coder_version(), settings, limits)
        done = _reusable(out, plan)
        _clear_old_partitions(out, keep={Path(r.path).name for r in done.values()})
        _write_manifest(out, plan, done)
        for i in sorted(done):
            if on_result is not None:
                on_result(done[i])
        pending = {client.submit(code_partition, files, str(out / f"part-{i:05d}.{fmt}"), fmt,
                                 settings, limits, pure=False): i
                   for i, files in enumerate(parts) if i not in done}
        while pending:
            finished = [f for f in pending if f.done()]
            for future in finished:
                i = pending.pop(future)
                if future.status == "finished":
                    result = done[i] = future.result()
                    _write_manifest(out, plan, done)
                else:       # the task raised, or its worker died: a re-run codes it again
                    result = failed[i] = _failed_partition(future, parts[i], str(out / f"part-{i:05d}.{fmt}"))
                if on_result is not None:
                    on_result(result)
            if stopped():       # after collecting what finished meanwhile
                break
            if not finished:
                time.sleep(POLL_SECONDS)
        if pending:
            client.cancel(list(pending))
    results = {**done, **failed}
    return [results[i] for i in sorted(results)]


def _failed_partition(future, files: list[str], path: str) -> PartitionResult:
    """A failed partition as one error line naming its files; a re-run codes it again."""
    err = future.exception()
    detail = " ".join(f"{type(err).__name__}: {err}".split())[:300]
    return PartitionResult(path, 0, 0, (f"warta: {', '.join(files)}: partition {Path(path).name} "
                                        f"failed ({detail}); run again to retry it",))


@contextmanager
def _client(scheduler: str, workers: int):
    from dask.distributed import Client

    if scheduler != "local":
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    with _quiet_local_cluster(workers) as cluster:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()


def _write_manifest(out: Path, plan: dict, done: dict[int, PartitionResult]) -> None:
    """The plan and the partitions completed so far (``complete`` once all are)."""
    manifest = {**plan, "complete": len(done) == len(plan["plan"]),
                "partitions": [{"index": i, "path": Path(r.path).name, "articles": r.articles,
                                "events": r.events, "errors": len(r.errors),
                                "error_lines": list(r.errors)} for i, r in sorted(done.items())]}
    tmp = out / f"{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(out / MANIFEST)


def read_manifest(path: str) -> dict:
    """The manifest of a partition folder ({} when there is none or ``path`` is a file)."""
    f = Path(path) / MANIFEST
    try:
        manifest = json.loads(f.read_text(encoding="utf-8")) if f.is_file() else {}
    except (OSError, ValueError) as err:
        raise FormatError(str(f), f"unreadable manifest ({err})") from err
    if not isinstance(manifest, dict):
        raise FormatError(str(f), "unreadable manifest (not a JSON object)")
    return manifest


def unfinished_run(path: str) -> str | None:
    """A note when ``path`` is a partition folder whose run was stopped before the end (its
    manifest says so); None otherwise."""
    try:
        manifest = read_manifest(path)
    except FormatError:
        return None
    if manifest.get("complete") is not False:
        return None
    return (f"the run that wrote it was stopped: {len(manifest.get('partitions', []))} of "
            f"{len(manifest.get('plan', []))} partitions are complete; run the same ingest again to finish")


def partition_files(path: str) -> list[Path]:
    """Partition files of a folder (``part-*.jsonl`` / ``.parquet``, sorted), or the one file."""
    root = Path(path)
    if root.is_dir():
        return sorted(f for f in root.glob("part-*") if f.is_file() and f.suffix in (".jsonl", ".parquet"))
    if root.is_file():
        return [root]
    raise InputError(path, "no such partition file or folder")


def iter_partitions(path: str) -> Iterator[CodedArticle | WartaError]:
    """Coded articles from a partition folder (or one file), in file then line order; a bad
    line or unreadable file comes as a ``FormatError`` value and reading goes on."""
    for f in partition_files(path):
        yield from _read_partition(f)


def _read_partition(f: Path) -> Iterator[CodedArticle | WartaError]:
    try:
        if f.suffix == ".parquet":
            yield from _read_parquet(f)
            return
        with f.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield _coded_from_json(f"{f}:{n}", line)
    except (OSError, UnicodeDecodeError) as err:
        yield InputError(str(f), f"cannot read partition ({err})")


def _read_parquet(f: Path) -> Iterator[CodedArticle | WartaError]:
    import pyarrow as pa
    import pyarrow.parquet as pq
    try:
        parquet = pq.ParquetFile(f)
        for g in range(parquet.num_row_groups):
            for i, raw in enumerate(parquet.read_row_group(g, columns=["coded"]).column("coded").to_pylist()):
                yield _coded_from_json(f"{f}: row group {g} row {i}", raw or "")
    except (pa.ArrowException, KeyError) as err:
        yield FormatError(str(f), f"not a partition Parquet file ({err})")


def _coded_from_json(where: str, raw: str) -> CodedArticle | WartaError:
    try:
        return CodedArticle.from_dict(json.loads(raw))
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        return FormatError(where, f"not a coded article ({type(err).__name__}: {err})"[:300])


def load_partitions(paths: Iterable[str], store, batch_size: int = 500,
                    on_error: Callable[[WartaError], None] | None = None,
                    on_batch: Callable[[LoadSummary], None] | None = None,
                    stop: Callable[[], bool] | None = None) -> LoadSummary:
    """Add the coded articles of partition folders or files to ``store``, one transaction per
    ``batch_size`` articles. Idempotent: loading the same partitions again adds nothing.
    ``stop()`` is asked before each batch; when it says True the load ends there."""
    summary = LoadSummary()
    for path in paths:
        try:
            version = read_manifest(path).get("coder_version") if Path(path).is_dir() else None
        except FormatError as err:          # the partitions are still loaded, without the version
            version = None
            summary = _bump(summary, errors=1)
            if on_error:
                on_error(err)
        try:
            files = partition_files(path)
        except WartaError as err:
            summary = _bump(summary, errors=1)
            if on_error:
                on_error(err)
            continue
        summary = _bump(summary, partitions=len(files))
        items = (c for f in files for c in _read_partition(f))
        while not (stop and stop()) and (chunk := list(islice(items, batch_size))):
            coded = []
            for item in chunk:
                if isinstance(item, WartaError):
                    summary = _bump(summary, errors=1)
                    if on_error:
                        on_error(item)
                else:
                    coded.append(item)
            result = store.add(coded, coder_version=version)
            summary = _bump(summary, articles=len(coded), added=result.added, replaced=result.replaced,
                            unchanged=result.skipped, events=result.events, duplicates=result.duplicates)
            if on_batch:
                on_batch(summary)
    return summary


def _bump(summary: LoadSummary, **more: int) -> LoadSummary:
    return LoadSummary(**{k: v + more.get(k, 0) for k, v in asdict(summary).items()})
