"""An ingest killed at any point leaves a consistent store; a re-run finishes it, adding nothing twice.

Runs the real ``warta ingest`` in a subprocess on IndoSum articles (read from ../shared at run time),
SIGKILLs it after its first batches are committed, checks the store, re-runs it to the end, and
checks that every article is stored once with all its events.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path


from conftest import shared_path
from test_store_support import store_url  # noqa: F401
from warta.store import open_store

WARTA = [sys.executable, "-m", "warta"]


def write_input(path: Path, n: int) -> list[str]:
    ids = []
    with shared_path("corpus", "indosum-2016-2018.jsonl").open(encoding="utf-8") as src, \
            path.open("w", encoding="utf-8") as out:
        for line in src:
            d = json.loads(line)
            out.write(json.dumps({k: d.get(k) for k in ("id", "title", "published", "url", "source",
                                                          "text")}, ensure_ascii=False) + "\n")
            ids.append(d["id"])
            if len(ids) == n:
                break
    return ids


def count_articles(url: str) -> int:
    try:
        s = open_store(url)
    except Exception:   # the store may not exist yet
        return 0
    try:
        return s.stats()["articles"]
    finally:
        s.close()


def test_ingest_kill_and_resume(store_url, tmp_path):
    data = tmp_path / "in.jsonl"
    ids = write_input(data, 150)
    cmd = WARTA + ["ingest", str(data), "--db", store_url, "--batch-size", "4"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONUNBUFFERED="1"))
    deadline = time.monotonic() + 240
    try:
        while count_articles(store_url) < 8 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        killed_mid_run = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert killed_mid_run, "the ingest ended before it could be killed; give it more input"

    s = open_store(store_url)
    after_kill = s.stats()["articles"]
    assert 0 < after_kill < len(ids)
    assert s.check() == []
    s.close()

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"skipped {after_kill}," in done.stderr        # the stored part was not coded again
    s = open_store(store_url)
    errors = done.stderr.count("\nwarta: ") + done.stderr.startswith("warta: ")
    stored = s.article_ids()
    assert len(stored) == len(set(stored)) == len(ids) - errors
    assert set(stored) <= set(ids)
    assert s.check() == []
    n_events = s.stats()["events"]
    s.close()

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and "added 0," in again.stderr
    s = open_store(store_url)
    assert s.article_ids() == stored and s.check() == []
    if "replaced 0," in again.stderr:      # (the coder did not change in between)
        assert s.stats()["events"] == n_events
    s.close()
