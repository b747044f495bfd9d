"""Code articles in a process pool; results come back in input order, so output is identical
whatever the number of workers."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from warta.errors import WartaError
from warta.model import Article, CodedArticle
from warta.pipeline import code_article


def code_or_error(article: Article) -> CodedArticle | WartaError:
    """``code_article`` with its typed failure returned as a value (picklable across processes)."""
    try:
        return code_article(article)
    except WartaError as err:
        return err


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def code_many(articles: Iterable[Article | WartaError], workers: int = 1,
              window: int = 256) -> Iterator[CodedArticle | WartaError]:
    """Code a stream of articles (read errors pass through) with ``workers`` processes.

    Articles are sent in windows of ``window`` so memory stays bounded on long streams.
    """
    if workers <= 1:
        for item in articles:
            yield item if isinstance(item, WartaError) else code_or_error(item)
        return
    it = iter(articles)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        while chunk := list(islice(it, window)):
            todo = [a for a in chunk if not isinstance(a, WartaError)]
            coded = iter(pool.map(code_or_error, todo, chunksize=max(1, len(todo) // (workers * 4))))
            for item in chunk:
                yield item if isinstance(item, WartaError) else next(coded)
