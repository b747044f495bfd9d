"""Interrupting an ingest (SIGINT, SIGTERM, SIGKILL mid-run) loses nothing already committed, and
a re-run completes the batch with no duplicates. SIGINT and SIGTERM stop cleanly: the batch being
written is finished, a summary is printed, and the exit status is 128 + the signal number."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, shared_path
from warta.store import open_store

N_ARTICLES = 16
BATCH = 2
# The reader is slowed (50 ms an article) so that an interrupt always lands mid-run, however
# fast the machine or the pipeline; the code under test (CLI, ingest, store) is unchanged.
SLOW_READER = ("import sys, time; import warta.read as r; real = r.iter_articles; "
               "r.iter_articles = lambda *a, **k: (x for x in real(*a, **k) if not time.sleep(0.05)); ")
CLI = SLOW_READER + "from warta.cli import main; sys.argv[0] = 'warta'; main()"
RUNNER = SLOW_READER + ("from warta.cli.scale import run_ingest; "
                        "sys.exit(run_ingest([sys.argv[1]], sys.argv[2], batch_size=int(sys.argv[3]), "
                        "workers=int(sys.argv[4])))")


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    lines = shared_path("corpus", "kompas-2025.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path_factory.mktemp("in") / "articles.jsonl"
    path.write_text("\n".join(lines[:N_ARTICLES]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def reference(articles, tmp_path_factory) -> dict:
    """What an uninterrupted ingest stores."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    done = _ingest_cli(articles, db)
    assert done.returncode == 0, done.stderr
    return _contents(db)


def _ingest_cli(articles: Path, db: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "warta", "ingest", str(articles), "--db", str(db),
                           "--batch-size", str(BATCH)], capture_output=True, text=True, cwd=REPO,
                          timeout=240, **kw)


def _contents(db: Path) -> dict:
    store = open_store(str(db))
    try:
        assert store.check() == []
        con = sqlite3.connect(db)
        try:
            events = con.execute("SELECT id FROM events ORDER BY id").fetchall()
            ids = con.execute("SELECT id FROM articles ORDER BY id").fetchall()
        finally:
            con.close()
        assert len(events) == len(set(events)), "duplicate events"
        return {"articles": [r[0] for r in ids], "events": [r[0] for r in events],
                "stats": store.stats()}
    finally:
        store.close()


def _stored(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _interrupt(cmd: list[str], db: Path, signum: int) -> tuple[subprocess.Popen, str, int]:
    """Start ``cmd``, wait until a batch is committed, send ``signum``; (process, stderr, stored)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    deadline = time.monotonic() + 120
    while _stored(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    committed = _stored(db)
    assert proc.poll() is None, "the ingest finished before it could be interrupted"
    assert committed > 0
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    return proc, err, committed


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL],
                         ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_interrupt_cli_ingest_loses_nothing_and_resumes(articles, reference, tmp_path, signum):
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-c", CLI, "ingest", str(articles), "--db", str(db),
           "--batch-size", str(BATCH)]
    proc, err, committed = _interrupt(cmd, db, signum)
    assert proc.returncode != 0
    partial = _contents(db)
    assert committed <= len(partial["articles"]) < len(reference["articles"])
    assert set(partial["articles"]) <= set(reference["articles"])
    again = _ingest_cli(articles, db)
    assert again.returncode == 0, again.stderr
    assert f"added {len(reference['articles']) - len(partial['articles'])}," in again.stderr
    final = _contents(db)
    assert final["articles"] == reference["articles"]
    assert final["events"] == reference["events"]
    assert final["stats"] == reference["stats"]


@pytest.mark.parametrize("signum, workers", [(signal.SIGINT, 1), (signal.SIGTERM, 1), (signal.SIGTERM, 2)],
                         ids=["SIGINT", "SIGTERM", "SIGTERM-2-workers"])
def test_interrupt_clean_stop(articles, reference, tmp_path, signum, workers):
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-c", RUNNER, str(articles), str(db), str(BATCH), str(workers)]
    proc, err, committed = _interrupt(cmd, db, signum)
    assert proc.returncode == 128 + signum, err
    name = signal.Signals(signum).name
    assert f"stopped by {name}; every batch written is complete" in err
    assert "Traceback" not in err
    summary = next(ln for ln in err.splitlines() if ln.startswith("warta ingest: read "))
    partial = _contents(db)
    assert f"added {len(partial['articles'])}," in summary     # the summary tells what was stored
    assert len(partial["articles"]) < len(reference["articles"])
    again = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=240)
    assert again.returncode == 0, again.stderr
    final = _contents(db)
    assert (final["articles"], final["events"]) == (reference["articles"], reference["events"])


def test_interrupt_stop_request_ends_the_stream():
    from warta.cli.scale import StopRequest, until_stopped
    stop = StopRequest()
    seen = []
    for i in until_stopped(range(10), stop):
        seen.append(i)
        if i == 3:
            stop.signum = signal.SIGTERM
    assert seen == [0, 1, 2, 3] and stop.name() == "SIGTERM"


def test_interrupt_handlers_are_restored():
    from warta.cli.scale import stop_on_signals
    before = signal.getsignal(signal.SIGTERM)
    with stop_on_signals() as stop:
        assert signal.getsignal(signal.SIGTERM) is not before
        signal.raise_signal(signal.SIGTERM)
        assert stop.requested and stop.name() == "SIGTERM"
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGTERM)       # a second signal stops at once
    assert signal.getsignal(signal.SIGTERM) is before


def test_interrupt_no_handlers_outside_the_main_thread():
    import threading

    from warta.cli.scale import stop_on_signals
    seen = []

    def run() -> None:
        with stop_on_signals() as stop:
            seen.append((stop.requested, signal.getsignal(signal.SIGTERM)))
    before = signal.getsignal(signal.SIGTERM)
    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert seen == [(False, before)]
