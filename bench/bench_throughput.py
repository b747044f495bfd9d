"""Throughput and memory of the pipeline, side by side with a floor (``re`` word tokenisation).

    .venv/bin/python bench/bench_throughput.py                 # 10,000 articles, every pass
    .venv/bin/python bench/bench_throughput.py --n 2000 --workers 2
    .venv/bin/python bench/bench_throughput.py --profile 1000  # pyinstrument: hot spots per module

The articles are the corpus files of ``../shared/corpus`` repeated until there are ``--n`` of them,
each repeat with a changed id and a one-line marker at the end (so no cache keyed on the text can
help). Passes, in one run:

1. floor: ``re.findall(r"\\w+")`` over every text, one core;
2. one core, end to end into SQLite: read from JSONL, code, ``Store.add`` in batches of 100
   (coding time and store time are measured apart, so the SQLite insert rate is printed too);
3. all cores, coding only (``code_many`` with a process pool);

then a table with articles/s, MB/s and the ratio to the floor, and peak memory (ru_maxrss of
this process and of the pool's children). Nothing here is asserted: the numbers go in
docs/performance.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
FILES = ("kompas-2025.jsonl", "detik-2026.jsonl", "indosum-2016-2018.jsonl")
WORD = re.compile(r"\w+")


def corpus_records(n: int) -> list[dict]:
    base = []
    for name in FILES:
        with (CORPUS / name).open(encoding="utf-8") as fh:
            base.extend(json.loads(line) for line in fh if line.strip())
    if not base:
        raise SystemExit(f"no articles under {CORPUS}")
    out = []
    for i in range(n):
        d = dict(base[i % len(base)])
        k = i // len(base)
        if k:
            d["id"] = f"{d['id']}-r{k}"
            d["text"] = f"{d['text']}\n\n[{k}]"
        out.append(d)
    return out


def write_jsonl(records: list[dict], folder: Path) -> Path:
    path = folder / "bench.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for d in records:
            fh.write(json.dumps({k: d.get(k) for k in ("id", "url", "title", "published", "source", "text")},
                                ensure_ascii=False) + "\n")
    return path


def floor_pass(records: list[dict]) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    n = 0
    for d in records:
        n += len(WORD.findall(d["text"]))
    assert n > 0
    return time.perf_counter() - start, time.process_time() - cpu


def one_core_into_sqlite(path: Path, db: Path) -> dict:
    """Read, code and store on one core; time coding and storing apart."""
    from warta.ingest import ingest
    from warta.parallel import code_or_error
    from warta.read import iter_articles
    from warta.store import open_store

    timing = defaultdict(float)

    def timed_code(article):
        t, c = time.perf_counter(), time.process_time()
        try:
            return code_or_error(article)
        finally:
            timing["code"] += time.perf_counter() - t
            timing["code_cpu"] += time.process_time() - c

    store = open_store(str(db))
    real_add = store.add

    def timed_add(coded, **kw):
        t, c = time.perf_counter(), time.process_time()
        try:
            return real_add(coded, **kw)
        finally:
            timing["store"] += time.perf_counter() - t
            timing["store_cpu"] += time.process_time() - c
    store.add = timed_add
    start, cpu = time.perf_counter(), time.process_time()
    try:
        summary = ingest(iter_articles([str(path)]), store, code=timed_code, batch_size=100,
                         version="bench")
    finally:
        store.close()
    timing["total"] = time.perf_counter() - start
    timing["total_cpu"] = time.process_time() - cpu
    timing["articles"] = summary.coded
    timing["events"] = summary.events
    timing["errors"] = summary.errors
    return dict(timing)


def all_cores(path: Path, workers: int) -> dict:
    from warta.model import CodedArticle
    from warta.parallel import code_many
    from warta.read import iter_articles

    start = time.perf_counter()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    coded = events = 0
    for result in code_many(iter_articles([str(path)]), workers=workers, window=512):
        if isinstance(result, CodedArticle):
            coded += 1
            events += len(result.events)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    return {"total": time.perf_counter() - start, "cpu": cpu, "articles": coded, "events": events}


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor() or "unknown CPU")
    mem = next((int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), 0)
    load = os.getloadavg()[0]
    return (f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {cpu}, "
            f"{mem / 1024 / 1024:.1f} GiB RAM, Python {platform.python_version()}, "
            f"load average {load:.2f} at start")


def profile(path: Path, n: int, top: int = 25) -> None:
    """Profile coding ``n`` articles with pyinstrument; print hot spots per module and function."""
    from itertools import islice

    from pyinstrument import Profiler

    from warta.parallel import code_or_error
    from warta.read import iter_articles

    articles = list(islice(iter_articles([str(path)]), n))
    code_or_error(articles[0])                      # language data loaded outside the profile
    profiler = Profiler(interval=0.002)
    profiler.start()
    for a in articles:
        code_or_error(a)
    session = profiler.stop()
    total = session.duration
    own: dict[tuple[str, str], float] = defaultdict(float)
    per_module: dict[str, float] = defaultdict(float)

    def walk(frame, module_stack: tuple[str, ...]) -> None:
        if frame.is_synthetic:             # "[self]": time spent in the parent's own code
            return
        module = _module_of(frame.file_path or "")
        key = (module, frame.function or "?")
        self_time = sum(c.time for c in frame.children if c.is_synthetic)
        own[key] += self_time
        # Time is charged to the innermost warta module on the stack (library time included).
        owner = module if module.startswith("warta") else (module_stack[-1] if module_stack else module)
        per_module[owner] += self_time
        stack = module_stack + ((module,) if module.startswith("warta") else ())
        for child in frame.children:
            walk(child, stack)

    walk(session.root_frame(), ())
    print(f"\nprofile of {len(articles)} articles: {total:.1f} s, {len(articles) / total:.1f} articles/s "
          f"(under the profiler)")
    print("\ntime per warta module (its own code and the libraries it calls):")
    for module, t in sorted(per_module.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {100 * t / total:5.1f}%  {t:6.2f} s  {module}")
    print("\nhot functions (self time):")
    for (module, fn), t in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {100 * t / total:5.1f}%  {t:6.2f} s  {module}:{fn}")


def _module_of(file_path: str) -> str:
    p = file_path.replace("\\", "/")
    if "/warta/" in p and "site-packages" not in p:
        rel = p.split("/warta/", 1)[1]
        return "warta/" + rel
    if "site-packages/" in p:
        return p.split("site-packages/", 1)[1].split("/", 1)[0]
    return Path(p).name or "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles (default 10,000)")
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile N articles instead")
    ap.add_argument("--skip-one-core", action="store_true")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as tmp:
        records = corpus_records(args.profile or args.n)
        path = write_jsonl(records, Path(tmp))
        if args.profile:
            profile(path, args.profile)
            return 0
        mb = sum(len(d["text"].encode("utf-8")) for d in records) / 1e6
        n = len(records)
        print(f"{n:,} articles, {mb:.1f} MB of text", flush=True)
        rows = []
        t_floor, c_floor = floor_pass(records)
        rows.append(("floor: re \\w+ tokens, 1 core", n, t_floor, c_floor))
        print(f"floor done in {t_floor:.2f} s", flush=True)
        one = None
        if not args.skip_one_core:
            one = one_core_into_sqlite(path, Path(tmp) / "bench.db")
            rows.append(("coding, 1 core", one["articles"], one["code"], one["code_cpu"]))
            rows.append(("end to end into SQLite, 1 core", one["articles"], one["total"], one["total_cpu"]))
            print(f"one core done in {one['total']:.1f} s", flush=True)
        many = all_cores(path, args.workers)
        rows.append((f"coding, {args.workers} processes", many["articles"], many["total"], many["cpu"]))
        print("\nWall: elapsed time. CPU: CPU seconds used (the pool: its workers'); on a shared "
              "machine the CPU rate is the one to compare.")
        print("\n| pass | articles | wall s | articles/s (wall) | MB/s (wall) | CPU s | articles per CPU-s "
              "| × floor (CPU) |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, count, secs, cpu in rows:
            print(f"| {name} | {count:,} | {secs:.1f} | {count / secs:,.1f} | {mb * count / n / secs:.2f} "
                  f"| {cpu:.1f} | {count / max(cpu, 1e-9):,.1f} | {cpu / max(c_floor, 1e-9) * n / max(count, 1):,.0f} |")
        if one:
            print(f"\nSQLite store: {one['articles']:,} articles and {one['events']:,} events in "
                  f"{one['store']:.1f} s wall ({one['store_cpu']:.1f} s CPU) = "
                  f"{one['articles'] / one['store']:,.0f} articles/s, "
                  f"{one['events'] / one['store']:,.0f} events/s (batches of 100); "
                  f"{one['errors']} articles not coded (errors)")
        me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory (ru_maxrss): this process {me:,.0f} MB; largest pool worker {kids:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
