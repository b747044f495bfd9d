"""The same per-article function over a Dask cluster, and the load of its output into the store.

Inputs (JSONL, WARC, text, HTML files or folders) are split into partitions of whole files; each
Dask task reads its files, codes every article with ``warta.parallel.code_or_error`` (the function
the loop and the process pool use) and writes one partition file of coded articles
(``part-00000.jsonl`` or ``.parquet``) under the output folder, plus ``_manifest.json`` naming the
coder version. Nothing but file names travels to the workers, and nothing but counts and error
lines comes back, so the workers must see the input files at the same paths (a shared or
replicated file system).

``load_partitions`` reads the partition files back in a deterministic order and adds them to the
store in batches, one transaction each; it is idempotent (the store keys articles by stable id).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path

from warta.errors import FormatError, InputError, WartaError
from warta.model import CodedArticle
from warta.parallel import code_or_error, files_of, read_guarded

FORMATS = ("jsonl", "parquet")
MANIFEST = "_manifest.json"
WRITE_BATCH = 256     # coded articles per Parquet row group / per write


@dataclass(frozen=True)
class PartitionResult:
    """What one partition task did; ``errors`` are ``warta: FILE: reason`` lines, one per failure."""
    path: str
    articles: int
    events: int
    errors: tuple[str, ...]


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


def code_files(files: list[str]) -> Iterator[CodedArticle | WartaError]:
    """Read and code ``files`` in order: coded articles and errors (as values)."""
    for item in read_guarded(files):
        yield item if isinstance(item, WartaError) else code_or_error(item)


def code_partition(files: list[str], out_path: str, fmt: str = "jsonl") -> PartitionResult:
    """Read, code and write one partition, streaming. Runs inside a Dask worker (or anywhere)."""
    check_format(fmt)
    errors: list[str] = []
    counts = {"articles": 0, "events": 0}

    def coded() -> Iterator[CodedArticle]:
        for result in code_files(files):
            if isinstance(result, WartaError):
                errors.append(f"warta: {result}")
                continue
            counts["articles"] += 1
            counts["events"] += len(result.events)
            yield result

    write_partition(coded(), out_path, fmt)
    return PartitionResult(out_path, counts["articles"], counts["events"], tuple(errors))


def write_partition(coded: Iterable[CodedArticle], out_path: str, fmt: str) -> None:
    """Write coded articles to ``out_path`` through a temporary file: it is whole or absent."""
    check_format(fmt)
    path = Path(out_path)
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "jsonl":
        with tmp.open("w", encoding="utf-8") as fh:
            for c in coded:
                fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    else:
        _write_parquet(coded, tmp)
    tmp.replace(path)


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


def _clear_old_partitions(out: Path) -> None:
    """Remove partition files of an earlier run, so a load reads this run's output only."""
    for old in out.glob("part-*"):
        if old.is_file() and old.name.split(".", 1)[-1] in ("jsonl", "parquet", "jsonl.tmp", "parquet.tmp"):
            old.unlink()


def run_dask(inputs: Iterable[str], out_dir: str, scheduler: str = "local", fmt: str = "jsonl",
             partitions: int | None = None, workers: int = 2,
             on_result: Callable[[PartitionResult], None] | None = None) -> list[PartitionResult]:
    """Code ``inputs`` on a Dask cluster into partition files under ``out_dir``.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or ``local`` for a LocalCluster of
    ``workers`` single-threaded processes on this machine. ``partitions`` defaults to four per
    worker. Partition files of an earlier run in ``out_dir`` are replaced. Results come back in
    partition order; ``on_result`` sees each as it completes.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    from warta.ingest import coder_version

    check_format(fmt)
    inputs = list(inputs)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _clear_old_partitions(out)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None) if scheduler == "local" else None
    client = Client(cluster if cluster is not None else scheduler)
    try:
        n = partitions or max(1, 4 * len(client.scheduler_info().get("workers", {})))
        parts = partition_inputs(inputs, n)
        futures = [client.submit(code_partition, files, str(out / f"part-{i:05d}.{fmt}"), fmt,
                                 pure=False) for i, files in enumerate(parts)]
        if on_result is not None:
            for future in as_completed(futures):
                on_result(future.result())
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    _write_manifest(out, fmt, results, coder_version())
    return results


def _write_manifest(out: Path, fmt: str, results: list[PartitionResult], version: str) -> None:
    manifest = {"format": fmt, "coder_version": version,
                "partitions": [{"path": Path(r.path).name, "articles": r.articles,
                                "events": r.events, "errors": len(r.errors)} for r in results]}
    tmp = out / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    tmp.replace(out / MANIFEST)


def read_manifest(path: str) -> dict:
    """The manifest of a partition folder ({} when there is none or ``path`` is a file)."""
    f = Path(path) / MANIFEST
    try:
        return json.loads(f.read_text(encoding="utf-8")) if f.is_file() else {}
    except (OSError, ValueError) as err:
        raise FormatError(str(f), f"unreadable manifest ({err})") from err


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
        version = read_manifest(path).get("coder_version") if Path(path).is_dir() else None
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
