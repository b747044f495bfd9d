"""Near-duplicate detection measured on a built set (corpus read from ../shared at run time).

200 Kompas/detik articles, one syndicated or lightly edited copy of each (another title and
outlet, boilerplate lines, a sentence added or dropped, words changed, spacing and punctuation
changed), and hard negatives: for each article, the other corpus article closest to it in
vocabulary (same topic, often the same happening on another day) that does not repeat half of its
sentences. Recall and precision of copy pairs must be at least 0.95.
"""
from __future__ import annotations

import json
import random
import re
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
import pytest

from conftest import shared_path
from warta.dedup import DedupSettings, NearDuplicateIndex, signature, words
from warta.model import Article, CodedArticle
from warta.store import open_store

PREFIXES = ("Baca juga: {title}", "ADVERTISEMENT", "Jakarta, CNN Indonesia --", "SCROLL TO CONTINUE",
            "Dengarkan berita ini", "Simak berita lainnya di Google News")
SUFFIXES = ("(nvc/imk)", "Simak juga video berikut ini.", "Artikel ini telah tayang di {outlet}.",
            "Editor: Redaksi", "[Gambas:Video 20detik]", "Baca berita selengkapnya di aplikasi kami.")
OUTLETS = ("antaranews.com", "cnnindonesia.com", "tempo.co", "republika.co.id", "liputan6.com")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.strip()) > 20]


@lru_cache(maxsize=None)
def sentence_set(text: str) -> frozenset[str]:
    return frozenset(sentences(text))


def same_story(a: str, b: str) -> bool:
    """Ground truth for 'not a copy': fewer than half of either's sentences appear in the other."""
    sa, sb = sentence_set(a), sentence_set(b)
    if not sa or not sb:
        return False
    shared = len(sa & sb)
    return shared >= 0.5 * min(len(sa), len(sb))


def edit_copy(d: dict, rng: random.Random, pool: list[dict], vocab: list[str]) -> dict:
    """A syndicated or lightly edited copy of article ``d``."""
    paras = [p for p in d["text"].split("\n") if p.strip()]
    edits = rng.sample(["add", "drop", "words", "punct"], k=rng.randint(2, 3))
    if "drop" in edits and len(paras) > 6:
        sents = sentences(paras[len(paras) // 2])
        if sents:
            paras[len(paras) // 2] = paras[len(paras) // 2].replace(sents[0], "", 1)
    if "add" in edits:
        other = sentences(rng.choice(pool)["text"]) or ["Hal itu disampaikan dalam keterangan tertulis."]
        paras.insert(rng.randint(1, max(1, len(paras) - 1)), rng.choice(other))
    text = "\n\n".join(p for p in paras if p.strip())
    if "words" in edits:
        toks = text.split(" ")
        for i in rng.sample(range(len(toks)), k=max(1, len(toks) // 100)):
            toks[i] = rng.choice(vocab)
        text = " ".join(toks)
    if "punct" in edits:
        text = text.replace(", ", " , ").replace(". ", ".  ").replace('"', "'")
    outlet = rng.choice(OUTLETS)
    head = rng.choice(PREFIXES).format(title=rng.choice(pool)["title"])
    tail = rng.choice(SUFFIXES).format(outlet=outlet)
    later = (date.fromisoformat(d["published"]) + timedelta(days=rng.randint(0, 2))).isoformat()
    return {"id": d["id"] + "-copy", "title": "Re: " + d["title"], "source": outlet,
            "published": later, "text": f"{head}\n\n{text}\n\n{tail}"}


def hard_negatives(base: list[dict], pool: list[dict], n: int) -> list[dict]:
    """For each base article, the pool article nearest in vocabulary that is not the same story."""
    uni = DedupSettings(shingle=1)
    def vec(d):
        return np.frombuffer(signature(" ".join(sorted(set(w for w in words(d["text"]) if len(w) > 4))),
                                       uni) or bytes(8 * uni.num_perm), dtype="<u8")
    pool_sigs = np.stack([vec(d) for d in pool])
    chosen, used = [], set()
    for d in base[:n]:
        sims = (pool_sigs == vec(d)).mean(axis=1)
        for j in np.argsort(-sims, kind="stable"):
            cand = pool[int(j)]
            if cand["id"] in used or same_story(cand["text"], d["text"]):
                continue
            used.add(cand["id"])
            chosen.append(cand)
            break
    return chosen


def build_set(seed: int = 7) -> tuple[list[dict], set[frozenset[str]]]:
    """(articles, true copy pairs)."""
    corpus = []
    for name in ("kompas-2025.jsonl", "detik-2026.jsonl"):
        with shared_path("corpus", name).open(encoding="utf-8") as fh:
            corpus += [json.loads(line) for line in fh if line.strip()]
    corpus = [d for d in corpus if d.get("published") and len(words(d["text"])) >= 120]
    corpus.sort(key=lambda d: d["id"])
    rng = random.Random(seed)
    picked = rng.sample(corpus, 400)
    base: list[dict] = []
    for d in picked:   # base articles that are not themselves copies of one another
        if len(base) < 200 and not any(same_story(d["text"], b["text"]) for b in base[-50:]):
            base.append(d)
    base_ids = {d["id"] for d in base}
    rest = [d for d in corpus if d["id"] not in base_ids]
    vocab = sorted({w for d in rest[:300] for w in d["text"].split() if w.isalpha()})
    copies = [edit_copy(d, rng, rest, vocab) for d in base]
    negatives = hard_negatives(base, rest, 200)
    articles = base + copies + [d for d in negatives if not any(same_story(d["text"], b["text"])
                                                                for b in base)]
    truth = {frozenset((d["id"], c["id"])) for d, c in zip(base, copies)}
    rng.shuffle(articles)
    return articles, truth


def predicted_pairs(first_copy: dict[str, str | None]) -> set[frozenset[str]]:
    groups: dict[str, list[str]] = {}
    for a, root in first_copy.items():
        groups.setdefault(root or a, []).append(a)
    return {frozenset((x, y)) for g in groups.values() for x in g for y in g if x < y}


def scores(pred: set, truth: set) -> tuple[float, float]:
    hit = len(pred & truth)
    return (hit / len(pred) if pred else 1.0), (hit / len(truth) if truth else 1.0)


@pytest.fixture(scope="module")
def dedup_set():
    return build_set()


def test_dedup_measure_index(dedup_set):
    articles, truth = dedup_set
    index = NearDuplicateIndex()
    for d in articles:
        index.add(d["id"], d["text"], d["published"])
    precision, recall = scores(predicted_pairs(index.first_copies()), truth)
    print(f"near-duplicates (in memory): {len(articles)} articles, {len(truth)} copy pairs, "
          f"precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.95 and recall >= 0.95


def test_dedup_measure_store(dedup_set, tmp_path):
    articles, truth = dedup_set
    store = open_store(str(tmp_path / "dedup.db"))
    for i in range(0, len(articles), 50):
        store.add([CodedArticle(Article(id=d["id"], text=d["text"], title=d["title"],
                                        published=d["published"], source=d["source"]))
                   for d in articles[i:i + 50]])
    links = {d["id"]: store.article(d["id"])["duplicate_of"] for d in articles}
    precision, recall = scores(predicted_pairs(links), truth)
    print(f"near-duplicates (store): precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.95 and recall >= 0.95
    # the first copy is the earliest, then the smallest id: the corpus article, never its copy
    assert all(not (root or "").endswith("-copy") for root in links.values())
    assert store.check() == []
    store.close()
