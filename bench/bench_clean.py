"""Cleaning and segmentation speed on real articles (not run by the tests).

    .venv/bin/python bench/bench_clean.py [N] [--corpus DIR]

Reads N articles (default 2,000) round-robin from ../shared/corpus/*.jsonl and reports the time
per article of each preparation step (language detection, metadata, cleaning, segmentation) and
of cleaning + segmentation together, after one warm-up pass that loads the language data.
"""
from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from pathlib import Path

from warta.clean import clean_article
from warta.lang import load_language
from warta.langid import detect_language
from warta.meta import find_metadata
from warta.model import Article
from warta.segment import segment

ROOT = Path(__file__).resolve().parent.parent
FILES = ("kompas-2025.jsonl", "detik-2026.jsonl", "indosum-2016-2018.jsonl")


def load(corpus: Path, n: int) -> list[Article]:
    streams = []
    for name in FILES:
        with (corpus / name).open(encoding="utf-8") as fh:
            streams.append([json.loads(line) for line in fh if line.strip()])
    mixed = [d for group in itertools.zip_longest(*streams) for d in group if d]
    return [Article(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"))
            for d in mixed[:n]]


def timed(label: str, fn, items, repeat: int = 3) -> list:
    """Run ``fn`` on every item ``repeat`` times; print the best wall-clock and CPU time per item
    (CPU time is the figure to trust on a shared machine, where wall-clock time includes waiting
    for a core; the best of several runs is the least disturbed by other processes)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        out = [fn(x) for x in items]
        walls.append((time.perf_counter() - wall) / len(items) * 1e6)
        cpus.append((time.process_time() - cpu) / len(items) * 1e6)
    cpu, wall = min(cpus), min(walls)
    print(f"{label:<28} {cpu:9.1f} µs CPU/article ({1e6 / cpu:,.0f}/s/core)   wall {wall:9.1f} µs")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    lang = load_language("id")
    articles = load(args.corpus, args.n)
    for a in articles[:50]:                      # warm-up: compile the language data once
        segment(clean_article(find_metadata(a, lang), lang), lang)
        detect_language(a.text)
    chars = statistics.mean(len(a.text) for a in articles)
    print(f"{len(articles)} articles, mean {chars:,.0f} characters")
    timed("language detection", lambda a: detect_language(a.text), articles)
    found = timed("metadata (date, dateline)", lambda a: find_metadata(a, lang), articles)
    cleaned = timed("cleaning", lambda a: clean_article(a, lang), found)
    timed("segmentation", lambda a: segment(a, lang), cleaned)
    timed("cleaning + segmentation", lambda a: segment(clean_article(a, lang), lang), found)


if __name__ == "__main__":
    main()
