"""Benchmark warta's date layer against ``dateparser.search.search_dates`` (languages=['id']).

Speed: both run over the same corpus articles (default 2,000 from ../shared/corpus), side by side.
Accuracy: both read the hand-annotated expressions of ``tests/data/date_expressions.tsv`` (each a
sentence, its publication date and the value and precision it must resolve to).

    .venv/bin/python bench/bench_dates.py [--articles 2000] [--dateparser-articles 2000]

Kompas and detik text is read from ../shared at run time, never copied.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import time
import warnings
from pathlib import Path

from warta.extract.dates import extract_dates
from warta.lang import load_language
from warta.model import Article
from warta.segment import segment

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
FILES = ("kompas-2025.jsonl", "detik-2026.jsonl", "indosum-2016-2018.jsonl")
ANNOTATED = REPO / "tests" / "data" / "date_expressions.tsv"
NON_DATES = REPO / "tests" / "data" / "date_non_dates.txt"


def corpus_articles(limit: int) -> list[dict]:
    out: list[dict] = []
    for name in FILES:
        path = CORPUS / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    out.append(json.loads(line))
                if len(out) >= limit:
                    return out
    return out


def annotated() -> list[dict]:
    lines = [ln for ln in ANNOTATED.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def warta_dates(text: str, published: str | None, lang):
    doc = segment(Article(id="b", text=text, published=published, language="id"), lang)
    return extract_dates(doc, lang)


def dateparser_dates(text: str, published: str | None):
    from dateparser.search import search_dates
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(published)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return search_dates(text, languages=["id"], settings=settings) or []


def time_it(fn, articles) -> tuple[float, int]:
    found = 0
    start = time.perf_counter()
    for a in articles:
        found += len(fn(a))
    return time.perf_counter() - start, found


def accuracy(rows, lang) -> tuple[int, int, list[str]]:
    warta_ok = dp_ok = 0
    misses = []
    for row in rows:
        expected, precision = row["value"], row["precision"]
        mentions = warta_dates(row["sentence"], row["published"], lang)
        hit = [m for m in mentions if m.span.text == row["expression"]]
        if hit and hit[0].when.value == expected and hit[0].when.precision == precision:
            warta_ok += 1
        else:
            misses.append(f"warta      {row['expression']!r}: {[(m.span.text, m.when.value) for m in mentions]}")
        found = dateparser_dates(row["sentence"], row["published"])
        want = expected if precision == "day" else None
        if any(row["expression"] in s or s in row["expression"] for s, d in found
               if want is None and d.date().isoformat().startswith(expected[:7] if precision != "year" else expected)
               or d.date().isoformat() == want):
            dp_ok += 1
        else:
            misses.append(f"dateparser {row['expression']!r}: {[(s, d.date().isoformat()) for s, d in found]}")
    return warta_ok, dp_ok, misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--dateparser-articles", type=int, default=2000)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    lang = load_language("id")

    rows = annotated()
    w_ok, d_ok, misses = accuracy(rows, lang)
    print(f"accuracy on {len(rows)} annotated expressions: warta {w_ok}/{len(rows)} = {w_ok / len(rows):.3f}, "
          f"dateparser {d_ok}/{len(rows)} = {d_ok / len(rows):.3f}")
    if args.verbose:
        print("\n".join(misses))
    negatives = [ln for ln in NON_DATES.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    w_false = sum(bool(warta_dates(t, "2026-05-28", lang)) for t in negatives)
    d_false = sum(bool(dateparser_dates(t, "2026-05-28")) for t in negatives)
    print(f"false dates in {len(negatives)} sentences without one: warta {w_false}, dateparser {d_false}")

    articles = corpus_articles(args.articles)
    if not articles:
        print(f"speed: skipped, {CORPUS} is absent")
        return
    chars = sum(len(a["text"]) for a in articles)
    w_time, w_found = time_it(lambda a: warta_dates(a["text"], a.get("published"), lang), articles)
    print(f"warta:      {len(articles)} articles, {chars / 1e6:.1f} M chars, {w_time:.2f} s "
          f"({len(articles) / w_time:.0f} articles/s), {w_found} expressions")
    docs = [segment(Article(id="b", text=a["text"], published=a.get("published"), language="id"), lang)
            for a in articles]
    start = time.perf_counter()
    for doc in docs:
        extract_dates(doc, lang)
    layer = time.perf_counter() - start
    print(f"warta date layer alone (documents already segmented): {layer:.2f} s "
          f"({len(docs) / layer:.0f} articles/s)")
    subset = articles[:args.dateparser_articles]
    d_time, d_found = time_it(lambda a: dateparser_dates(a["text"], a.get("published")), subset)
    print(f"dateparser: {len(subset)} articles, {d_time:.2f} s ({len(subset) / d_time:.1f} articles/s), "
          f"{d_found} expressions")
    per_w, per_layer, per_d = w_time / len(articles), layer / len(docs), d_time / len(subset)
    print(f"dateparser per article / warta per article: {per_d / per_w:.1f}x (segmenting included), "
          f"{per_d / per_layer:.1f}x (date layer alone); the machine is shared, so compare runs of one sitting")


if __name__ == "__main__":
    main()
