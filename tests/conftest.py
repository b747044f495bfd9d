"""Shared test helpers.

``shared_path`` finds ``../shared`` (the corpus, seeds and gold that sit beside the clone). A test
that needs it fails when CI=true and it is absent, and skips (saying so) elsewhere.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples, so a run is repeatable; locally
# they explore new examples every run (and a failure found there becomes a regression test).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing; CI needs ../shared beside the clone")
        pytest.skip(f"{path} is absent (../shared not beside this clone)")
    return path


def corpus_articles(filename: str) -> dict[str, dict]:
    """Articles of one ``../shared/corpus`` file by id (read at run time, never copied)."""
    with shared_path("corpus", filename).open(encoding="utf-8") as fh:
        return {d["id"]: d for d in map(json.loads, fh) if d}


@pytest.fixture(scope="session")
def dev_gold_input() -> Path:
    return shared_path("gold", "dev.jsonl")


@pytest.fixture(scope="session")
def dev_gold_dir() -> Path:
    return shared_path("gold", "dev")


PROJECT_GOLD = REPO / "tests" / "gold"
HELDOUT_GOLD = REPO / "tests" / "gold_heldout"
CORPUS_FILES = ("indosum-2016-2018.jsonl", "kompas-2025.jsonl", "detik-2026.jsonl")


def gold_input(gold_dir: Path, out: Path) -> Path:
    """The articles annotated in ``gold_dir`` as pipeline input JSONL, read from ../shared/corpus."""
    wanted = {p.stem for p in gold_dir.glob("*.json")}
    found = {}
    for name in CORPUS_FILES:
        for aid, d in corpus_articles(name).items():
            if aid in wanted:
                found[aid] = d
    missing = wanted - found.keys()
    assert not missing, f"gold articles missing from ../shared/corpus: {sorted(missing)}"
    with out.open("w", encoding="utf-8") as fh:
        for aid in sorted(found):
            d = found[aid]
            fh.write(json.dumps({k: d.get(k) for k in ("id", "url", "title", "published", "source", "text")},
                                ensure_ascii=False) + "\n")
    return out


@pytest.fixture(scope="session")
def project_gold_input(tmp_path_factory) -> Path:
    """The articles of ``tests/gold`` as pipeline input JSONL."""
    return gold_input(PROJECT_GOLD, tmp_path_factory.mktemp("gold") / "input.jsonl")


@pytest.fixture(scope="session")
def heldout_gold_input(tmp_path_factory) -> Path:
    """The articles of ``tests/gold_heldout`` as pipeline input JSONL."""
    return gold_input(HELDOUT_GOLD, tmp_path_factory.mktemp("heldout") / "input.jsonl")
