"""Batch ingest: read → code → store, one transaction per batch; and re-coding of stored articles.

``ingest`` is a plain loop over an iterable of ``Article`` values (read errors may come in the
same stream as ``WartaError`` values) with the coding function as an argument, so a process pool
or Dask can be put in front of it. It is idempotent and resumable: articles are keyed by their
stable id, an article already stored with the current coder version is skipped without being
coded, and a batch is written in one transaction, so a run killed at any point leaves every
batch either wholly stored or absent.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from itertools import islice
from pathlib import Path

import warta
from warta.errors import WartaError
from warta.model import Article, CodedArticle
from warta.store import Store

CodeFn = Callable[[Article], "CodedArticle | WartaError"]
# Parts of the package that do not change how an article is coded (so not in the coder version).
NOT_CODER = ("store", "cli", "web", "api", "export.py", "dedup.py", "ingest.py", "api.py", "scale.py",
             "parallel.py", "evaluate.py", "__main__.py")


@dataclass
class IngestSummary:
    read: int = 0            # articles read from the input
    coded: int = 0           # articles coded in this run
    skipped: int = 0         # already stored with this coder version: not coded again
    added: int = 0           # articles stored for the first time
    replaced: int = 0        # articles whose stored coding was replaced
    unchanged: int = 0       # coded again, but the result was stored already
    events: int = 0          # events written
    duplicates: int = 0      # near-duplicates of another stored article
    errors: int = 0          # inputs or articles that could not be read or coded
    batches: int = 0

    def line(self) -> str:
        return ", ".join(f"{f.name} {getattr(self, f.name)}" for f in fields(self))


def coder_version() -> str:
    """The version of the coder: warta's version plus a digest of the code and language data that
    decide how an article is coded (so changing a lexicon or a rule makes stored codings stale)."""
    root = Path(warta.__file__).parent
    digest = hashlib.sha1()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".txt", ".tsv")):
        rel = path.relative_to(root)
        if rel.parts[0] in NOT_CODER or "__pycache__" in rel.parts or rel.parts[0] == "samples":
            continue
        digest.update(str(rel).encode("utf-8"))
        digest.update(path.read_bytes())
    return f"{warta.__version__}+{digest.hexdigest()[:10]}"


def batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, max(1, size))):
        yield chunk


def code_batch(articles: list[Article], code: CodeFn,
               on_error: Callable[[WartaError], None]) -> list[CodedArticle]:
    """Code each article; a typed failure (raised or returned) goes to ``on_error``."""
    out = []
    for article in articles:
        try:
            result = code(article)
        except WartaError as err:
            result = err
        if isinstance(result, WartaError):
            on_error(result)
        else:
            out.append(result)
    return out


def ingest(items: Iterable[Article | WartaError], store: Store, *, code: CodeFn | None = None,
           batch_size: int = 100, version: str | None = None,
           on_error: Callable[[WartaError], None] | None = None,
           on_batch: Callable[[IngestSummary], None] | None = None,
           force: bool = False) -> IngestSummary:
    """Code and store a stream of articles in batches; return what was done.

    ``code`` defaults to ``warta.pipeline.code_article``; ``version`` to ``coder_version()``.
    ``force`` codes articles even when they are stored with this coder version already.
    """
    if code is None:
        from warta.pipeline import code_article
        code = code_article
    version = version or coder_version()
    summary = IngestSummary()

    def failed(err: WartaError) -> None:
        summary.errors += 1
        if on_error:
            on_error(err)

    for chunk in batches(items, batch_size):
        articles = []
        for item in chunk:
            if isinstance(item, WartaError):
                failed(item)
            else:
                articles.append(item)
        summary.read += len(articles)
        if not force:
            stored = store.coder_versions([a.id for a in articles])
            todo = [a for a in articles if stored.get(a.id, "\0") != version]
            summary.skipped += len(articles) - len(todo)
            articles = todo
        coded = code_batch(articles, code, failed)
        summary.coded += len(coded)
        _store(store, coded, version, summary)
        if on_batch:
            on_batch(summary)
    return summary


def _store(store: Store, coded: list[CodedArticle], version: str, summary: IngestSummary) -> None:
    result = store.add(coded, coder_version=version)
    summary.added += result.added
    summary.replaced += result.replaced
    summary.unchanged += result.skipped
    summary.events += result.events
    summary.duplicates += result.duplicates
    summary.batches += 1


def stored_as_input(coded: CodedArticle) -> Article:
    """A stored article as pipeline input again: its cleaned text and metadata."""
    a = coded.article
    return replace(a, removed=())


def recode(store: Store, *, code: CodeFn | None = None, batch_size: int = 100,
           version: str | None = None, everything: bool = False,
           on_error: Callable[[WartaError], None] | None = None,
           on_batch: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Re-code stored articles coded with another coder version (``everything``: all of them).

    Each article is coded again from its stored cleaned text; lines removed before stay removed
    (the new coding's removed lines are appended). The article's previous events stay until its
    new ones are written in the same transaction.
    """
    if code is None:
        from warta.pipeline import code_article
        code = code_article
    version = version or coder_version()
    ids = store.article_ids(not_coder_version=None if everything else version)
    summary = IngestSummary()

    def failed(err: WartaError) -> None:
        summary.errors += 1
        if on_error:
            on_error(err)

    for chunk in batches(ids, batch_size):
        old = {c.article.id: c for c in store.iter_coded(chunk)}
        summary.read += len(old)
        coded = []
        for new in code_batch([stored_as_input(c) for c in old.values()], code, failed):
            before = old.get(new.article.id)
            if before is not None:
                removed = tuple(dict.fromkeys(before.article.removed + new.article.removed))
                new = replace(new, article=replace(new.article, removed=removed))
            coded.append(new)
        summary.coded += len(coded)
        _store(store, coded, version, summary)
        if on_batch:
            on_batch(summary)
    return summary
