"""Golden test: the five seeds cleaned as the gold annotations of ../shared/gold/dev/ require."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from warta.model import Article
from warta.pipeline import prepare_article
from warta.read import iter_articles

SAMPLES = Path(__file__).resolve().parent.parent / "warta" / "samples"
SEEDS = sorted(p.stem for p in SAMPLES.glob("*.txt"))


def _gold(seed: str) -> dict:
    return json.loads(shared_path("gold", "dev", f"{seed}.json").read_text(encoding="utf-8"))


def _dev_input(seed: str) -> Article:
    for a in iter_articles([str(shared_path("gold", "dev.jsonl"))]):
        if isinstance(a, Article) and a.id == seed:
            return a
    raise AssertionError(f"{seed} missing from dev.jsonl")


@pytest.mark.shared
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("source", ["jsonl", "txt"])
def test_clean_gold_keep_and_drop_lines(seed, source):
    gold = _gold(seed)
    article = _dev_input(seed) if source == "jsonl" else \
        next(iter_articles([str(SAMPLES / f"{seed}.txt")]))
    text = prepare_article(article).text
    for s in gold["keep_lines"]:
        assert s in text, f"story line removed: {s!r}"
    for s in gold["drop_lines"]:
        assert s not in text, f"boilerplate kept: {s!r}"
    for s in gold["not_events"]:
        assert s not in text, f"text of other stories kept: {s!r}"


@pytest.mark.shared
@pytest.mark.parametrize("seed", SEEDS)
def test_clean_gold_published_found_or_given(seed):
    """Published dates: given by dev.jsonl, or found in the sample's own text / sidecar."""
    gold = _gold(seed)
    assert prepare_article(_dev_input(seed)).published == gold["published"]
    sample = prepare_article(next(iter_articles([str(SAMPLES / f"{seed}.txt")])))
    assert sample.published == gold["published"]
