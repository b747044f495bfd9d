"""Store benchmarks (not run by the tests; figures go to docs/store.md).

    python bench/bench_store.py ingest [--n 10000] [--db PATH] [--batch-size 100]
        Ingests N articles (the corpus files of ../shared, repeated with changed ids when N is
        larger) into a fresh SQLite store with the real pipeline; reports articles/s, events/s
        and peak memory.
    python bench/bench_store.py query [--events 1000000] [--db PATH_OR_URL]
        Bulk-loads N synthetic events, then times dyad-by-month counts with the schema's indexes.
    python bench/bench_store.py store --db INGESTED.db
    python bench/bench_store.py store --coded CODED.jsonl [--n N]
        Store throughput alone: the coded articles of an ingested store (or of the output of
        ``warta code --format jsonl``) added to a new SQLite store; wall and CPU time.
    python bench/bench_store.py all
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from warta.model import Article
from warta.store import EventQuery, open_store
from warta.store.rows import EVENT_COLUMNS, QUADS, monday

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORPUS = ("kompas-2025.jsonl", "detik-2026.jsonl", "indosum-2016-2018.jsonl")


def corpus_articles(n: int) -> Iterator[Article]:
    docs = []
    for name in CORPUS:
        path = SHARED / name
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                docs += [json.loads(line) for line in fh if line.strip()]
    if not docs:
        sys.exit(f"no corpus under {SHARED}")
    for i in range(n):
        d = docs[i % len(docs)]
        rep = i // len(docs)
        yield Article(id=d["id"] if rep == 0 else f"{d['id']}~{rep}", text=d.get("text") or "",
                      title=d.get("title"), published=d.get("published"), url=d.get("url"),
                      source=d.get("source"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_ingest(n: int, db: str | None, batch_size: int) -> dict:
    from warta.ingest import ingest
    path = db or str(Path(tempfile.mkdtemp(prefix="warta-bench-")) / "warta.db")
    store = open_store(path)
    errors = []
    t = time.perf_counter()
    summary = ingest(corpus_articles(n), store, batch_size=batch_size, on_error=errors.append)
    seconds = time.perf_counter() - t
    stats = store.stats()
    store.close()
    return {"articles": summary.read, "coded": summary.coded, "errors": summary.errors,
            "events": summary.events, "duplicates": stats["duplicates"],
            "clusters": stats["clusters"], "seconds": round(seconds, 1),
            "articles_per_s": round(summary.read / seconds, 1),
            "events_per_s": round(summary.events / seconds, 1),
            "peak_memory_mb": round(peak_mb(), 1), "db": path,
            "db_mb": round(Path(path).stat().st_size / 2 ** 20, 1) if Path(path).exists() else None}


def bench_store_only(source: str | None, coded_path: str | None = None, n: int | None = None,
                     batch_size: int = 100) -> dict:
    """Store throughput alone: add the coded articles of an ingested store (or of a coded JSONL
    file) to a new SQLite store, in batches; CPU time is the figure to compare on a shared machine."""
    from warta.ingest import batches
    from warta.model import CodedArticle
    if coded_path:
        with open(coded_path, encoding="utf-8") as fh:
            coded = [CodedArticle.from_dict(json.loads(line)) for line in fh if line.strip()]
    else:
        src = open_store(source)
        coded = list(src.iter_coded())
        src.close()
    coded = coded[:n] if n else coded
    path = str(Path(tempfile.mkdtemp(prefix="warta-bench-")) / "copy.db")
    store = open_store(path)
    t, cpu = time.perf_counter(), time.process_time()
    for batch in batches(coded, batch_size):
        store.add(batch)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    stats = store.stats()
    store.close()
    return {"articles": len(coded), "events": stats["events"], "duplicates": stats["duplicates"],
            "clusters": stats["clusters"], "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 2),
            "articles_per_s": round(len(coded) / seconds, 1),
            "articles_per_cpu_s": round(len(coded) / max(cpu, 1e-9), 1),
            "ms_per_article_cpu": round(1000 * cpu / max(len(coded), 1), 3),
            "events_per_s": round(stats["events"] / seconds, 1)}


COUNTRIES = ("IDN", "USA", "RUS", "CHN", "UKR", "ISR", "PSE", "IRN", "MYS", "SGP", "AUS", "JPN",
             "KOR", "PRK", "IND", "PAK", "AFG", "SYR", "LBN", "YEM", "SAU", "EGY", "TUR", "GBR",
             "FRA", "DEU", "PHL", "VNM", "THA", "MMR", "UNO", "EUR", "IGO", "NGO")


def synthetic_rows(n: int, seed: int = 1) -> Iterator[tuple]:
    rng = random.Random(seed)
    types = tuple(QUADS)
    for i in range(n):
        src, tgt = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
        day = f"{rng.randint(2023, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        et = rng.choice(types)
        row = {"id": f"ev{i}", "article_id": f"art{i // 3}", "position": i % 3, "event_type": et,
               "mode": None, "quad": QUADS[et], "source_code": src, "target_code": tgt,
               "status": "asserted" if rng.random() > 0.05 else "negated",
               "confidence": round(rng.random(), 3), "day": day, "week": monday(day),
               "month": day[:7], "year": day[:4], "place_name": None, "place_country": None,
               "lat": None, "lon": None, "killed": rng.choice((0, 0, 0, 1, 5, 20)), "injured": 0,
               "displaced": 0, "dup": int(rng.random() < 0.05), "cluster_id": None,
               "coder_version": "bench", "data": "{}"}
        yield tuple(row[c] for c in EVENT_COLUMNS)


def timed(fn, repeat: int = 7) -> float:
    fn()   # warm the cache
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs) * 1000


def bench_query(n: int, db: str | None) -> dict:
    path = db or str(Path(tempfile.mkdtemp(prefix="warta-bench-")) / "events.db")
    store = open_store(path)
    have = store.stats()["events"]
    t = time.perf_counter()
    if have < n:
        sql = (f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES "
               f"({', '.join('?' * len(EVENT_COLUMNS))})")
        rows = synthetic_rows(n - have, seed=have + 1)
        while chunk := [r for _, r in zip(range(50000), rows)]:
            store.db.begin()
            store.db.executemany(sql, chunk)
            store.db.commit()
        if store.dialect == "sqlite":
            store.db.execute("ANALYZE")
        else:
            store.db.execute("ANALYZE events")
    load_s = time.perf_counter() - t
    out = {"events": store.stats()["events"], "load_seconds": round(load_s, 1), "db": path}
    queries = {
        "dyad_by_month (USA,RUS)": (EventQuery(dyad=("USA", "RUS")), ("dyad", "month")),
        "month (USA,RUS)": (EventQuery(dyad=("USA", "RUS")), ("month",)),
        "dyad_by_month (country IDN)": (EventQuery(country="IDN"), ("dyad", "month")),
        "dyad_by_month (one year)": (EventQuery(date_from="2025", date_to="2025"), ("dyad", "month")),
        "dyad_by_month (everything)": (EventQuery(), ("dyad", "month")),
    }
    for name, (q, by) in queries.items():
        out[f"{name} ms"] = round(timed(lambda q=q, by=by: store.counts(q, by=by)), 1)
    store.close()
    return out


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("what", choices=("ingest", "query", "store", "all"))
    p.add_argument("--n", type=int, default=10000, help="articles to ingest")
    p.add_argument("--events", type=int, default=1_000_000, help="synthetic events to load")
    p.add_argument("--batch-size", type=int, default=100)
    p.add_argument("--db", default=None, help="store to use (default: a new temporary SQLite file)")
    p.add_argument("--coded", default=None, help="store: coded articles (warta code --format jsonl)")
    args = p.parse_args(argv)
    if args.what in ("query", "all"):
        print(json.dumps({"query": bench_query(args.events, args.db)}, indent=1))
    if args.what in ("ingest", "all"):
        print(json.dumps({"ingest": bench_ingest(args.n, args.db, args.batch_size)}, indent=1))
    if args.what == "store":
        if not (args.db or args.coded):
            sys.exit("store: give --db, a store made by the ingest benchmark, or --coded FILE.jsonl")
        n = args.n if "--n" in (argv if argv is not None else sys.argv) else None
        print(json.dumps({"store": bench_store_only(args.db, args.coded, n, args.batch_size)},
                         indent=1))


if __name__ == "__main__":
    main()
