"""Code articles in a process pool; results come back in input order, so output is identical
whatever the number of workers.

``code_or_error`` is the per-article function every runner shares (a loop, this pool, Dask
workers): it checks the input limits, codes the article, and returns any failure as a typed,
picklable ``WartaError`` value, so one bad article never stops a batch.
"""
from __future__ import annotations

import os
import signal
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from warta.errors import CodingError, InputError, WartaError
from warta.limits import DEFAULT_LIMITS, InputLimits, check_article
from warta.model import Article, CodedArticle
from warta.pipeline import code_article
from warta.read import expand_inputs, iter_articles

Item = Article | WartaError
Result = CodedArticle | WartaError


def code_or_error(article: Article, limits: InputLimits = DEFAULT_LIMITS) -> Result:
    """``code_article`` with every failure returned as a value (picklable across processes).

    A ``WartaError`` comes back as it is; any other exception is a bug in a stage and comes back
    as ``CodingError`` naming the input, the article and the exception.
    """
    try:
        return code_article(check_article(article, limits))
    except WartaError as err:
        return err
    except Exception as err:  # noqa: BLE001  (one article must not stop a batch; RecursionError too)
        return CodingError(article.origin or article.id,
                           f"article {article.id}: internal error ({_one_line(err)})")


def read_guarded(inputs: Iterable[str], **options) -> Iterator[Item]:
    """``warta.read.iter_articles`` file by file: a reader that raises an unexpected exception
    (a bug) on one file yields an ``InputError`` for that file and the batch goes on."""
    for name in files_of(inputs):
        try:
            yield from iter_articles([name], **options)
        except Exception as err:  # noqa: BLE001  (one file must not stop a batch)
            yield InputError(name, f"reader failed ({_one_line(err)})")


def _one_line(err: BaseException, limit: int = 300) -> str:
    text = f"{type(err).__name__}: {' '.join(str(err).split())}"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def files_of(inputs: Iterable[str]) -> list[str]:
    """The files of ``inputs`` (directories expanded); an input with no files it can read is kept
    as given, so that reading it reports why."""
    return [name for given in map(str, inputs) for name in (expand_inputs([given]) or [given])]


def default_workers() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    """Pool workers leave SIGINT to the parent, which stops the batch cleanly, and die with it
    (Linux ``PR_SET_PDEATHSIG``) when it is killed outright, so no orphan keeps running."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class CodingPool:
    """A pool of ``workers`` processes that codes lists of articles, results in input order.

    One pool serves a whole run (workers load the language data once). If a worker process dies
    (killed, out of memory), the list is coded again in this process, one article at a time, and
    a fresh pool serves the next list, so the batch still completes.
    """

    def __init__(self, workers: int | None = None, limits: InputLimits = DEFAULT_LIMITS):
        self.workers = default_workers() if workers is None else max(1, workers)
        self.limits = limits
        self._pool: ProcessPoolExecutor | None = None

    def code(self, articles: list[Article]) -> list[Result]:
        if self.workers == 1 or len(articles) <= 1:
            return [code_or_error(a, self.limits) for a in articles]
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_ignore_interrupts)
        try:
            return list(self._pool.map(code_or_error, articles, [self.limits] * len(articles),
                                       chunksize=max(1, len(articles) // (self.workers * 4))))
        except BrokenProcessPool:
            self.close(wait=False)
            return [code_or_error(a, self.limits) for a in articles]

    def close(self, wait: bool = True) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> CodingPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def code_many(articles: Iterable[Item], workers: int | None = None, window: int = 256,
              limits: InputLimits = DEFAULT_LIMITS) -> Iterator[Result]:
    """Code a stream of articles (read errors pass through) with ``workers`` processes.

    ``workers`` defaults to the number of cores; 1 codes in this process. Results come in input
    order. Articles are sent in windows of ``window`` so memory stays bounded on long streams.
    """
    it = iter(articles)
    with CodingPool(workers, limits) as pool:
        while chunk := list(islice(it, window)):
            results = iter(pool.code([a for a in chunk if not isinstance(a, WartaError)]))
            for item in chunk:
                yield item if isinstance(item, WartaError) else next(results)


class Precoded:
    """Put a process pool in front of a per-article loop such as ``warta.ingest.ingest``.

    ``items()`` reads ahead ``window`` articles, codes in the pool those that ``wanted(ids)``
    keeps (all when it is None), and yields every item in order; ``code(article)`` then returns
    the result already computed, or codes the article itself when it was not coded ahead.
    ``ingest`` keeps its own batches, skipping and transactions::

        pre = Precoded(iter_articles(inputs), workers=4)
        ingest(pre.items(), store, code=pre.code)
    """

    def __init__(self, items: Iterable[Item], workers: int | None = None, window: int = 512,
                 wanted: Callable[[list[str]], set[str]] | None = None,
                 limits: InputLimits = DEFAULT_LIMITS):
        self._items = items
        self._window = window
        self._wanted = wanted
        self._pool = CodingPool(workers, limits)
        # Results of this window and of the one before (the consumer may still be coding it).
        self._ready: dict[str, deque[Result]] = defaultdict(deque)
        self._older: dict[str, deque[Result]] = {}

    def items(self) -> Iterator[Item]:
        it = iter(self._items)
        try:
            while chunk := list(islice(it, self._window)):
                articles = [a for a in chunk if isinstance(a, Article)]
                keep = self._wanted([a.id for a in articles]) if self._wanted else None
                todo = [a for a in articles if keep is None or a.id in keep]
                self._older, self._ready = self._ready, defaultdict(deque)
                for article, result in zip(todo, self._pool.code(todo)):
                    self._ready[article.id].append(result)
                yield from chunk
        finally:
            self._pool.close()

    def code(self, article: Article) -> Result:
        for ready in (self._older, self._ready):
            queue = ready.get(article.id)
            if queue:
                return queue.popleft()
        return code_or_error(article, self._pool.limits)
