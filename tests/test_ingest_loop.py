"""The ingest loop with a stand-in coder: batches, errors, skipping, versions, recoding."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from test_store_support import store, store_url  # noqa: F401
from warta.errors import InputError, LanguageError
from warta.ingest import IngestSummary, batches, coder_version, ingest, recode
from warta.model import Actor, Article, CodedArticle, Event, Evidence

TRIGGER = re.compile(r"[^.]*\bmenyerang\b[^.]*\.")


class FakeCoder:
    """Codes every sentence with "menyerang" as an ASSAULT; counts its calls."""

    def __init__(self, tag: str = "v1"):
        self.calls: list[str] = []
        self.tag = tag

    def __call__(self, article: Article) -> CodedArticle:
        self.calls.append(article.id)
        if "bahasa lain" in article.text:
            raise LanguageError(article.id, "not Indonesian")
        if "rusak" in article.text:
            return InputError(article.id, "unreadable")
        events = tuple(
            Event(id=f"{article.id}-{self.tag}-{i}", event_type="ASSAULT",
                  evidence=Evidence(i, m.start(), m.end(), m.group()),
                  source=Actor("Israel", country="ISR"), target=Actor("Gaza", country="PSE"),
                  coder_version=self.tag)
            for i, m in enumerate(TRIGGER.finditer(article.text)))
        return CodedArticle(replace(article, language="id", removed=("Baca juga: x",)), events)


def article(i: int, text: str | None = None) -> Article:
    body = text or f"Berita {i}: pasukan Israel menyerang Gaza lagi pada hari ke-{i}. Lainnya tidak."
    return Article(id=f"art{i:03d}", text=body, published=f"2025-06-{1 + i % 28:02d}",
                   source="kompas.com")


def test_ingest_batches_and_errors(store):
    items = [article(0), InputError("bad.txt", "binary file"), article(1), article(2, "bahasa lain"),
             article(3, "file rusak"), article(4)]
    errors = []
    summary = ingest(items, store, code=FakeCoder(), batch_size=2, version="v1",
                     on_error=errors.append)
    assert (summary.read, summary.coded, summary.added, summary.errors) == (5, 3, 3, 3)
    assert summary.events == 3 and summary.batches == 3
    assert [e.name for e in errors] == ["bad.txt", "art002", "art003"]
    assert store.stats()["articles"] == 3 and store.check() == []


def test_ingest_idempotent_without_recoding(store):
    items = [article(i) for i in range(7)]
    ingest(items, store, code=FakeCoder(), batch_size=3, version="v1")
    coder = FakeCoder()
    summary = ingest(items, store, code=coder, batch_size=3, version="v1")
    assert coder.calls == [] and summary.skipped == 7 and summary.added == 0
    assert store.stats()["events"] == 7
    forced = ingest(items, store, code=FakeCoder(), version="v1", force=True)
    assert forced.unchanged == 7 and forced.events == 0


def test_ingest_new_version_replaces(store):
    items = [article(i) for i in range(4)]
    ingest(items, store, code=FakeCoder("v1"), version="v1")
    summary = ingest(items, store, code=FakeCoder("v2"), version="v2")
    assert summary.replaced == 4
    ids = {e["id"] for e in store.events().items}
    assert ids == {f"art{i:03d}-v2-0" for i in range(4)}


def test_ingest_failure_keeps_committed_batches(store):
    class Boom(FakeCoder):
        def __call__(self, a):
            if a.id == "art006":
                raise RuntimeError("coder crashed")
            return super().__call__(a)

    with pytest.raises(RuntimeError):
        ingest([article(i) for i in range(10)], store, code=Boom(), batch_size=5, version="v1")
    assert store.article_ids() == [f"art{i:03d}" for i in range(5)]
    summary = ingest([article(i) for i in range(10)], store, code=FakeCoder(), batch_size=5,
                     version="v1")
    assert (summary.skipped, summary.added) == (5, 5) and store.check() == []


def test_recode_replaces_stale_articles(store):
    ingest([article(i) for i in range(5)], store, code=FakeCoder("v1"), version="v1")
    coder = FakeCoder("v2")
    summary = recode(store, code=coder, version="v2", batch_size=2)
    assert summary.replaced == 5 and len(coder.calls) == 5
    assert {e["coder_version"] for e in store.events().items} == {"v2"}
    assert store.article("art001")["removed"] == ["Baca juga: x"]
    assert store.article("art001")["coder_version"] == "v2"
    again = FakeCoder("v2")
    assert recode(store, code=again, version="v2").read == 0 and again.calls == []
    assert recode(store, code=FakeCoder("v2"), version="v2", everything=True).unchanged == 5
    assert store.check() == []


@pytest.mark.parametrize("items,size,expected", [
    (range(5), 2, [[0, 1], [2, 3], [4]]),
    (range(4), 2, [[0, 1], [2, 3]]),
    ([], 3, []),
    (range(3), 0, [[0], [1], [2]]),
])
def test_ingest_batches(items, size, expected):
    assert list(batches(items, size)) == expected


def test_ingest_coder_version_is_stable():
    assert coder_version() == coder_version()
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{10}", coder_version())


def test_ingest_summary_line():
    assert IngestSummary(read=2).line().startswith("read 2, coded 0")
