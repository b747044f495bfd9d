"""Interrupting an ingest (SIGINT, SIGTERM, SIGKILL mid-run) loses nothing already committed, and
a re-run completes the batch with no duplicates. SIGINT and SIGTERM stop cleanly: the batch being
written is finished, a summary is printed, and the exit status is 128 + the signal number."""
from __future__ import annotations

import json
import os
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


def _interrupt(cmd: list[str], db: Path, signum: int, group: bool = False,
               children: list[int] | None = None) -> tuple[subprocess.Popen, str, int]:
    """Start ``cmd``, wait until a batch is committed, send ``signum`` (to the whole process
    group, as Ctrl-C does, when ``group``); (process, stderr, stored). ``children`` receives the
    pids of the process's children at the moment of the signal."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            start_new_session=group)
    deadline = time.monotonic() + 120
    while _stored(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    committed = _stored(db)
    assert proc.poll() is None, "the ingest finished before it could be interrupted"
    assert committed > 0
    if children is not None:
        children.extend(_children(proc.pid))
    if group:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    return proc, err, committed


def _children(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("signum, workers", [(signal.SIGINT, 0), (signal.SIGTERM, 0), (signal.SIGKILL, 1),
                                             (signal.SIGKILL, 2)],
                         ids=["SIGINT", "SIGTERM", "SIGKILL", "SIGKILL-2-workers"])
def test_interrupt_cli_ingest_loses_nothing_and_resumes(articles, reference, tmp_path, signum, workers):
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-c", CLI, "ingest", str(articles), "--db", str(db),
           "--batch-size", str(BATCH), "--workers", str(workers)]
    children: list[int] = []
    proc, err, committed = _interrupt(cmd, db, signum, children=children)
    assert proc.returncode != 0
    if workers > 1:
        assert children, "the pool had no worker process"
    deadline = time.monotonic() + 10
    while any(map(_alive, children)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, children)), "a pool worker outlived its killed parent"
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


@pytest.mark.parametrize("signum, workers, group", [(signal.SIGINT, 1, False), (signal.SIGTERM, 1, False),
                                                    (signal.SIGTERM, 2, False), (signal.SIGINT, 2, True)],
                         ids=["SIGINT", "SIGTERM", "SIGTERM-2-workers", "Ctrl-C-2-workers"])
def test_interrupt_clean_stop(articles, reference, tmp_path, signum, workers, group):
    """SIGINT / SIGTERM stop cleanly; Ctrl-C reaches the pool workers too (the whole process
    group), which leave it to the parent: one summary, no traceback."""
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-c", RUNNER, str(articles), str(db), str(BATCH), str(workers)]
    proc, err, committed = _interrupt(cmd, db, signum, group=group)
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


# --- warta ingest --dask local ---------------------------------------------------------------
# The Dask workers are separate processes, so the slow-down is installed in every process through
# a ``sitecustomize`` module on PYTHONPATH: it wraps ``warta.scale.code_files`` (reading and coding
# one partition's files) to sleep after each article, whatever copy of warta is imported.
SLOW_PARTITIONS = '''
import os, sys, time
DELAY = float(os.environ.get("WARTA_TEST_SLOW_PARTITION") or 0)


class _SlowScale:
    def find_spec(self, name, path=None, target=None):
        if name != "warta.scale":
            return None
        sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            real = module.code_files

            def slow(*args, **kwargs):
                for item in real(*args, **kwargs):
                    time.sleep(DELAY)
                    yield item
            module.code_files = slow
        spec.loader.exec_module = exec_module
        return spec


if DELAY:
    sys.meta_path.insert(0, _SlowScale())
'''
DASK_FILES, DASK_PER_FILE = 16, 3


@pytest.fixture(scope="module")
def dask_inputs(tmp_path_factory) -> Path:
    lines = shared_path("corpus", "kompas-2025.jsonl").read_text(encoding="utf-8").splitlines()
    root = tmp_path_factory.mktemp("dask-in")
    for i in range(DASK_FILES):
        chunk = lines[i * DASK_PER_FILE:(i + 1) * DASK_PER_FILE]
        (root / f"f{i:02d}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    return root


def _recorded(out: Path) -> int:
    """Partitions the manifest records as complete (0 while there is none)."""
    try:
        return len(json.loads((out / "_manifest.json").read_text(encoding="utf-8"))["partitions"])
    except (OSError, ValueError, KeyError):
        return 0


def _partitions_valid(out: Path) -> list[str]:
    """Article ids of every whole partition file; each line must be a coded article."""
    from warta.model import CodedArticle
    ids = []
    for part in sorted(out.glob("part-*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            ids.append(CodedArticle.from_dict(json.loads(line)).article.id)
    return ids


@pytest.mark.parametrize("signum, group, given_out", [(signal.SIGINT, True, True), (signal.SIGTERM, False, False)],
                         ids=["SIGINT-to-the-process-group", "SIGTERM-without-out"])
def test_interrupt_dask_ingest_stops_cleanly_and_resumes(dask_inputs, tmp_path, signum, group, given_out):
    """Ctrl-C (SIGINT to the whole process group, workers included) or SIGTERM on
    `warta ingest --dask local`: one summary, no traceback, partitions written stay whole, and the
    same command run again keeps them, codes the rest and stores every article once. Without
    --out the partitions wait in DB.parts and are removed once loaded."""
    from warta.cli.scale import run_ingest
    ref_db = tmp_path / "ref.db"
    assert run_ingest([str(dask_inputs)], str(ref_db), workers=1) == 0
    reference = _contents(ref_db)
    slow = tmp_path / "slow"
    slow.mkdir()
    (slow / "sitecustomize.py").write_text(SLOW_PARTITIONS, encoding="utf-8")
    db = tmp_path / "w.db"
    out = tmp_path / "out" if given_out else tmp_path / "w.db.parts"
    cmd = [sys.executable, "-m", "warta", "ingest", str(dask_inputs), "--db", str(db), "--dask", "local",
           "--workers", "2"] + (["--out", str(out)] if given_out else [])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(slow), str(REPO)]),
               WARTA_TEST_SLOW_PARTITION="0.3")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            env=env, start_new_session=True)
    deadline = time.monotonic() + 180
    while not _recorded(out) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the Dask run finished before it could be interrupted"
    if group:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == 128 + signum, err
    assert f"stopped by {signal.Signals(signum).name}; every partition written is complete" in err
    assert "Traceback" not in err and "distributed." not in err, err
    manifest = json.loads((out / "_manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False and manifest["partitions"]
    written = _partitions_valid(out)
    assert set(written) < set(reference["articles"])
    assert not db.exists() or _stored(db) == 0           # nothing loaded from a stopped run

    again = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=300,
                           env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert again.returncode == 0, again.stderr
    assert "kept from an earlier run" in again.stderr
    assert "Traceback" not in again.stderr
    if given_out:
        assert not list(out.glob("*.tmp"))
        assert sorted(_partitions_valid(out)) == reference["articles"]
    else:
        assert not out.exists()
    final = _contents(db)
    assert (final["articles"], final["events"]) == (reference["articles"], reference["events"])
