"""The same per-article function over a Dask cluster.

Inputs (JSONL, WARC, text, HTML files or folders) are split into partitions of whole files; each
Dask task reads its files, codes every article with ``code_article`` and writes one partition file
of coded articles (``part-00000.jsonl`` or ``.parquet``) under the output folder. ``load_partitions``
reads them back in a deterministic order for ``warta load``. Nothing but file names travels to the
workers, and nothing but counts comes back.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.errors import FormatError, InputError, WartaError
from warta.model import CodedArticle
from warta.parallel import code_or_error
from warta.read import expand_inputs, iter_articles

FORMATS = ("jsonl", "parquet")


@dataclass(frozen=True)
class PartitionResult:
    path: str
    articles: int
    events: int
    errors: tuple[str, ...]


def partition_inputs(inputs: Iterable[str], partitions: int) -> list[list[str]]:
    """Spread the input files over ``partitions`` lists, largest files first (greedy balance)."""
    files = sorted(expand_inputs(inputs), key=lambda p: (-_size(p), p))
    buckets: list[list[str]] = [[] for _ in range(max(1, min(partitions, len(files) or 1)))]
    loads = [0] * len(buckets)
    for f in files:
        i = loads.index(min(loads))
        buckets[i].append(f)
        loads[i] += _size(f)
    return [sorted(b) for b in buckets if b]


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def code_partition(files: list[str], out_path: str, fmt: str = "jsonl") -> PartitionResult:
    """Read, code and write one partition. Runs inside a Dask worker (or anywhere)."""
    coded: list[CodedArticle] = []
    errors: list[str] = []
    for item in iter_articles(files):
        result = item if isinstance(item, WartaError) else code_or_error(item)
        if isinstance(result, WartaError):
            errors.append(str(result))
        else:
            coded.append(result)
    coded.sort(key=lambda c: c.article.id)
    write_partition(coded, out_path, fmt)
    return PartitionResult(out_path, len(coded), sum(len(c.events) for c in coded), tuple(errors))


def write_partition(coded: list[CodedArticle], out_path: str, fmt: str) -> None:
    path = Path(out_path)
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "jsonl":
        with tmp.open("w", encoding="utf-8") as fh:
            for c in coded:
                fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        table = pa.table({
            "article_id": [c.article.id for c in coded],
            "published": [c.article.published for c in coded],
            "events": [len(c.events) for c in coded],
            "coded": [json.dumps(c.to_dict(), ensure_ascii=False) for c in coded],
        })
        pq.write_table(table, tmp)
    else:
        raise ValueError(f"unknown partition format {fmt!r}; use one of {FORMATS}")
    tmp.replace(path)  # a partition file is either whole or absent


def run_dask(inputs: Iterable[str], out_dir: str, scheduler: str = "local", fmt: str = "jsonl",
             partitions: int | None = None, workers: int = 2) -> list[PartitionResult]:
    """Code ``inputs`` on a Dask cluster into partition files under ``out_dir``.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or ``local`` for a LocalCluster
    of ``workers`` processes on this machine.
    """
    from dask.distributed import Client, LocalCluster

    if fmt not in FORMATS:
        raise ValueError(f"unknown partition format {fmt!r}; use one of {FORMATS}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None) if scheduler == "local" else None
    client = Client(cluster if cluster is not None else scheduler)
    try:
        n = partitions or max(1, 4 * len(client.scheduler_info().get("workers", {})))
        parts = partition_inputs(inputs, n)
        futures = [client.submit(code_partition, files, str(out / f"part-{i:05d}.{fmt}"), fmt, pure=False)
                   for i, files in enumerate(parts)]
        return client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def iter_partitions(path: str) -> Iterator[CodedArticle]:
    """Coded articles from a partition folder (or one file), in file-name then article-id order."""
    root = Path(path)
    files = sorted(root.glob("part-*")) if root.is_dir() else [root]
    for f in files:
        if f.name.endswith(".tmp"):
            continue
        yield from _read_partition(f)


def _read_partition(f: Path) -> Iterator[CodedArticle]:
    try:
        if f.suffix == ".parquet":
            import pyarrow.parquet as pq
            for raw in pq.read_table(f, columns=["coded"]).column("coded").to_pylist():
                yield CodedArticle.from_dict(json.loads(raw))
        else:
            with f.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if line.strip():
                        try:
                            yield CodedArticle.from_dict(json.loads(line))
                        except (ValueError, KeyError, TypeError) as err:
                            raise FormatError(f"{f}:{n}", f"not a coded article ({err})") from err
    except OSError as err:
        raise InputError(str(f), err.strerror or str(err)) from err
