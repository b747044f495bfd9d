"""Benchmark: articles per second for coding corpus articles on one core, with a profile.

usage: python bench/bench_code.py [--n 2000] [--profile] [--coder-only] [--top 25]

Reads the Kompas, detik and IndoSum collections from ../shared/corpus (never copied into the
project), runs the whole pipeline (``code_article``) on the first N articles, and reports articles
per second; ``--coder-only`` times ``code_events`` alone on documents built beforehand;
``--profile`` prints the top hot spots by cumulative time (cProfile).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import json
import pstats
import sys
import time
from pathlib import Path

from warta.code_events import code_events
from warta.errors import WartaError
from warta.lang import load_language
from warta.model import Article
from warta.pipeline import build_document, code_article, prepare_article

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FILES = ("kompas-2025.jsonl", "detik-2026.jsonl", "indosum-2016-2018.jsonl")


def load_articles(n: int) -> list[Article]:
    """The first n articles, taken in turn from each corpus file."""
    streams = []
    for name in FILES:
        path = CORPUS / name
        if not path.exists():
            sys.exit(f"{path} is absent: the benchmark needs ../shared/corpus beside the clone")
        with path.open(encoding="utf-8") as fh:
            streams.append([json.loads(line) for line in fh if line.strip()])
    out = []
    for row in itertools.chain.from_iterable(itertools.zip_longest(*streams)):
        if row is None:
            continue
        out.append(Article(id=row["id"], text=row["text"], title=row.get("title"),
                           published=row.get("published"), url=row.get("url"), source=row.get("source")))
        if len(out) >= n:
            break
    return out


def run_pipeline(articles: list[Article]) -> tuple[int, int]:
    events = coded = 0
    for a in articles:
        try:
            events += len(code_article(a).events)
            coded += 1
        except WartaError:
            pass
    return coded, events


def run_coder(docs) -> tuple[int, int]:
    lang = load_language("id")
    return len(docs), sum(len(code_events(d, lang)) for d in docs)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=2000)
    p.add_argument("--profile", action="store_true")
    p.add_argument("--coder-only", action="store_true")
    p.add_argument("--top", type=int, default=25)
    args = p.parse_args(argv)
    articles = load_articles(args.n)
    lang = load_language("id")
    code_article(articles[0])                      # warm the language data caches
    if args.coder_only:
        docs = []
        for a in articles:
            try:
                prepared = prepare_article(a)
            except WartaError:
                continue
            docs.append(build_document(prepared, load_language(prepared.language or "id")))
        job, what = (lambda: run_coder(docs)), "code_events"
    else:
        job, what = (lambda: run_pipeline(articles)), "pipeline (code_article)"
    profiler = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    coded, events = job()
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start
    print(f"{what}: {coded} articles, {events} events in {elapsed:.2f}s "
          f"= {coded / elapsed:.1f} articles/s (one core{', profiled' if profiler else ''})")
    if profiler:
        buf = io.StringIO()
        pstats.Stats(profiler, stream=buf).sort_stats("cumulative").print_stats(args.top)
        print(buf.getvalue())
    del lang
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
