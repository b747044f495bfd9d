"""warta.parallel: the process pool codes exactly what the loop codes, in input order, and no
article, failure or dead worker stops a batch."""
from __future__ import annotations

import json
import os
import pickle
from itertools import islice

import pytest

from conftest import shared_path
from warta import parallel
from warta.errors import CodingError, FormatError, InputError, LanguageError, StoreError, WartaError
from warta.limits import InputLimits, check_article
from warta.model import Article, CodedArticle
from warta.read import iter_articles


def _as_json(results) -> list[str]:
    return [json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True) if isinstance(r, CodedArticle)
            else f"{type(r).__name__}: {r}" for r in results]


@pytest.fixture(scope="module")
def corpus_sample() -> list:
    """40 corpus articles (both outlets) and a bad line, read at run time from ../shared."""
    items = list(islice(iter_articles([str(shared_path("corpus", "kompas-2025.jsonl"))]), 20))
    items += list(islice(iter_articles([str(shared_path("corpus", "detik-2026.jsonl"))]), 20))
    items.insert(7, FormatError("bad.jsonl", "line 3: not JSON"))
    return items


def test_parallel_same_output_whatever_the_workers(corpus_sample):
    one = _as_json(parallel.code_many(corpus_sample, workers=1))
    two = _as_json(parallel.code_many(corpus_sample, workers=2, window=8))
    assert len(one) == len(corpus_sample) == 41
    assert one == two
    assert one[7] == "FormatError: bad.jsonl: line 3: not JSON"
    assert sum(r.startswith("{") for r in one) == 40


def test_parallel_order_kept_across_windows(corpus_sample):
    articles = [a for a in corpus_sample if isinstance(a, Article)]
    out = list(parallel.code_many(articles, workers=2, window=3))
    assert [c.article.id for c in out] == [a.id for a in articles]


@pytest.mark.parametrize("error", [
    InputError("a.txt", "empty input"),
    FormatError("b.jsonl", "line 2: not JSON"),
    LanguageError("c.txt", "language 'en' has no data in warta; skipped"),
    StoreError("warta.db", "locked"),
    CodingError("d.jsonl", "article x: internal error (KeyError: 'y')"),
    WartaError("e", "reason with: a colon"),
])
def test_parallel_errors_cross_processes(error):
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert (back.name, back.reason, str(back)) == (error.name, error.reason, str(error))


def test_parallel_bug_in_a_stage_becomes_coding_error(monkeypatch):
    def broken(article):
        raise KeyError("boom")
    monkeypatch.setattr(parallel, "code_article", broken)
    result = parallel.code_or_error(Article(id="x1", text="Teks.", origin="in.jsonl"))
    assert isinstance(result, CodingError)
    assert str(result).startswith("in.jsonl: article x1: internal error (KeyError")


def test_parallel_recursion_in_a_stage_becomes_coding_error(monkeypatch):
    def deep(article):
        return deep(article)
    monkeypatch.setattr(parallel, "code_article", deep)
    result = parallel.code_or_error(Article(id="x2", text="Teks."))
    assert isinstance(result, CodingError) and "RecursionError" in str(result)


def test_parallel_dead_worker_does_not_lose_the_window(monkeypatch, corpus_sample):
    """A worker killed mid-window (OOM killer, kill -9): the window is coded again here."""
    parent = os.getpid()
    real = parallel.code_article
    victim = next(a for a in corpus_sample if isinstance(a, Article)).id

    def dies_in_worker(article):
        if article.id == victim and os.getpid() != parent:
            os._exit(9)
        return real(article)
    monkeypatch.setattr(parallel, "code_article", dies_in_worker)
    articles = [a for a in corpus_sample if isinstance(a, Article)][:10]
    out = list(parallel.code_many(articles, workers=2, window=5))
    assert [c.article.id for c in out] == [a.id for a in articles]
    assert all(isinstance(c, CodedArticle) for c in out)


def test_parallel_precoded_feeds_a_loop(corpus_sample):
    articles = [a for a in corpus_sample if isinstance(a, Article)][:12]
    skip = {articles[1].id, articles[5].id}
    pre = parallel.Precoded(iter(articles), workers=2, window=5,
                            wanted=lambda ids: {i for i in ids if i not in skip})
    got = [pre.code(a) for a in pre.items()]
    assert _as_json(got) == _as_json(parallel.code_many(articles, workers=1))


def test_parallel_default_workers_is_the_cores():
    assert parallel.default_workers() == len(os.sched_getaffinity(0))


LIMITS = InputLimits(max_lines=100, max_chars=5_000, max_line_chars=1_000)


@pytest.mark.parametrize("text, reason", [
    ("Presiden Prabowo bertemu Presiden Xi di Beijing.", None),
    ("baris\n" * 99 + "akhir", None),
    ("baris\n" * 100 + "akhir", "too many lines (101"),
    ("\n" * 500, "too many lines"),
    ("a" * 999, None),
    ("a" * 1_001, "a line is longer than 1,000"),
    (("kata " * 150 + "\n") * 6, None),
    ("b" * 5_001, "text too long (5,001"),
    ("baris\n" * 200 + "b" * 5_001, "too many lines (201"),
    ("", None),
])
def test_parallel_input_limits(text, reason):
    article = Article(id="t", text=text, origin="in.txt")
    if reason is None:
        assert check_article(article, LIMITS) is article
    else:
        with pytest.raises(InputError, match=r"^in\.txt: article t: .*" + reason.replace("(", r"\(")):
            check_article(article, LIMITS)


def test_parallel_limits_apply_in_the_pool():
    big = Article(id="big", text="baris\n" * 50_000, origin="big.txt")
    ok = Article(id="ok", text="Menteri Luar Negeri Sugiono bertemu Menlu Wang Yi di Jakarta.")
    out = list(parallel.code_many([big, ok], workers=2))
    assert isinstance(out[0], InputError) and "too many lines" in str(out[0])
    assert isinstance(out[1], CodedArticle)


def test_parallel_precoded_same_id_twice_and_unasked_articles(corpus_sample):
    """The same article twice in a window, and articles the loop codes that were not coded ahead."""
    articles = [a for a in corpus_sample if isinstance(a, Article)][:4]
    stream = [articles[0], articles[1], articles[0], articles[2]]
    pre = parallel.Precoded(iter(stream), workers=2, window=3, wanted=lambda ids: set(ids[:1]))
    got = [pre.code(a) for a in pre.items()]
    assert _as_json(got) == _as_json(parallel.code_many(stream, workers=1))
    assert _as_json([pre.code(articles[3])]) == _as_json([parallel.code_or_error(articles[3])])


def test_parallel_a_reader_bug_costs_one_file(tmp_path, monkeypatch):
    from warta import read
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Menteri Luar Negeri Sugiono bertemu Menlu Wang Yi ({name}).")
    real = read.read_text_file

    def crashes_on_b(path, settings=read.DEFAULT_SETTINGS):
        if path.name == "b.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, settings)
    monkeypatch.setattr(read, "read_text_file", crashes_on_b)
    items = list(parallel.read_guarded([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert str(items[1]) == f"{tmp_path / 'b.txt'}: reader failed (RecursionError: maximum recursion depth exceeded)"


@pytest.mark.parametrize("raw, limit, deep", [
    (b'{"id": "a", "text": "teks"}', 3, False),
    (b"[" * 4 + b"]" * 4, 3, True),
    (b"[" * 3 + b"]" * 3, 3, False),
    (b"[[]]" * 50, 3, False),                                  # many brackets, shallow
    (b'{"text": "' + b"[" * 500 + b'"}', 3, False),            # brackets inside a string
    (b'{"text": "\\"' + b"[" * 500 + b'"}', 3, False),         # after an escaped quote
    (b'{"a": {"b": {"c": {"d": 1}}}}', 3, True),
    (b"[" * 100_000, 100, True),
    ("[" * 5 + "é" + "]" * 5, 4, True),
    (b"", 3, False),
])
def test_parallel_json_nesting_limit(raw, limit, deep):
    from warta.limits import json_too_deep
    assert json_too_deep(raw, limit) is deep


def test_parallel_read_guarded_reports_an_empty_folder(tmp_path):
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong" / "catatan.md").write_text("# bukan berita", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Menteri Luar Negeri Sugiono bertemu Menlu Wang Yi.", encoding="utf-8")
    items = list(parallel.read_guarded([str(tmp_path / "kosong"), str(tmp_path / "a.txt")]))
    assert [type(i).__name__ for i in items] == ["InputError", "Article"]
    assert items[0].name == str(tmp_path / "kosong") and "files warta reads" in items[0].reason
