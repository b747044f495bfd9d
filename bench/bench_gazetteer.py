"""Benchmark: gazetteer load cost and actor/place mention throughput.

    .venv/bin/python bench/bench_gazetteer.py [--articles N]

Reports the time and memory (peak RSS growth) of loading the actor lexicon and the gazetteer
in a fresh process, then mentions per second of ``extract_actors`` and ``extract_places`` over
articles of ../shared/corpus (read at run time; skipped, saying so, when absent).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from warta.lang import Language

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_costs(lang: Language) -> dict:
    from warta.resolve.actors import actor_lexicon
    from warta.resolve.places import gazetteer
    base = rss_mb()
    t0 = time.perf_counter()
    actor_lexicon(lang)
    t1 = time.perf_counter()
    rss_actors = rss_mb()
    gazetteer(lang)
    t2 = time.perf_counter()
    return {"actor_lexicon_s": round(t1 - t0, 3), "actor_lexicon_mb": round(rss_actors - base, 1),
            "gazetteer_s": round(t2 - t1, 3), "gazetteer_mb": round(rss_mb() - rss_actors, 1),
            "peak_rss_mb": round(rss_mb(), 1)}


def articles(n: int) -> list[dict]:
    out = []
    for name in ("kompas-2025.jsonl", "detik-2026.jsonl", "indosum-2016-2018.jsonl"):
        path = SHARED / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                out.append(json.loads(line))
                if len(out) >= n:
                    return out
    return out


def throughput(lang: Language, docs: list[dict]) -> dict:
    from warta.extract.actors import extract_actors
    from warta.extract.places import extract_places
    from warta.model import Article
    from warta.segment import segment
    prepared = [segment(Article(id=d["id"], text=d["text"], published=d.get("published")), lang)
                for d in docs]
    chars = sum(len(d.text) for d in prepared)
    t0 = time.perf_counter()
    actors = [extract_actors(d, lang) for d in prepared]
    t1 = time.perf_counter()
    places = [extract_places(d.with_layer(actors=a), lang) for d, a in zip(prepared, actors)]
    t2 = time.perf_counter()
    n_actors = sum(len(a) for a in actors)
    n_places = sum(len(p) for p in places)
    return {"articles": len(prepared), "chars": chars,
            "actor_mentions": n_actors, "actor_mentions_per_s": round(n_actors / (t1 - t0)),
            "actor_articles_per_s": round(len(prepared) / (t1 - t0), 1),
            "place_mentions": n_places, "place_mentions_per_s": round(n_places / (t2 - t1)),
            "place_articles_per_s": round(len(prepared) / (t2 - t1), 1)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()
    lang = Language("id")
    report = {"load": load_costs(lang)}
    docs = articles(args.articles)
    if docs:
        report["throughput"] = throughput(lang, docs)
    else:
        report["throughput"] = f"skipped: {SHARED} is absent"
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
