"""Shared test helpers.

``shared_path`` finds ``../shared`` (the corpus, seeds and gold that sit beside the clone). A test
that needs it fails when CI=true and it is absent, and skips (saying so) elsewhere.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

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
