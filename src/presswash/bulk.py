"""Clean many texts: a streaming generator, optionally spread over processes.

``clean_many`` keeps the input order and reads its input lazily, so it works on
a generator over a file of any size: at most a few batches per worker are in
flight at once. With ``jobs=1`` it runs in the calling process. A failure in a
worker is raised in the caller; a text is never silently dropped.

    >>> list(clean_many(["ﬁne", "Mayor\\u00e2\\u20ac\\u2122s"]))
    ['fine', 'Mayor’s']
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from presswash.cleaner import Cleaner

# Texts sent to a worker at once: large enough to hide the cost of pickling.
BATCH_SIZE = 256
# Batches queued per worker, so a worker never waits for the next one.
BATCHES_IN_FLIGHT_PER_JOB = 3


def clean_many(texts: Iterable[str], preset: str = "news", *, jobs: int = 1, **options: Any) -> Iterator[str]:
    """Yield ``clean(text, preset, **options)`` for each text, in order.

    ``jobs`` is the number of worker processes; 1 cleans in this process.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    cleaner = Cleaner(preset, **options)
    if jobs == 1:
        return map(cleaner.clean, texts)
    return _clean_in_processes(cleaner, texts, jobs)


_worker_cleaner: Cleaner | None = None


def _start_worker(cleaner: Cleaner) -> None:
    global _worker_cleaner
    _worker_cleaner = cleaner


def _clean_batch(batch: list[str]) -> list[str]:
    assert _worker_cleaner is not None, "worker started without a cleaner"
    return [_worker_cleaner.clean(text) for text in batch]


def _clean_in_processes(cleaner: Cleaner, texts: Iterable[str], jobs: int) -> Iterator[str]:
    source = iter(texts)
    batches = iter(lambda: list(itertools.islice(source, BATCH_SIZE)), [])
    pending: deque[Future[list[str]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(cleaner,)) as pool:
        try:
            for batch in itertools.islice(batches, jobs * BATCHES_IN_FLIGHT_PER_JOB):
                pending.append(pool.submit(_clean_batch, batch))
            while pending:
                done = pending.popleft().result()
                next_batch = next(batches, None)
                if next_batch is not None:
                    pending.append(pool.submit(_clean_batch, next_batch))
                yield from done
        finally:
            for future in pending:
                future.cancel()
