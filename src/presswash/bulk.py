"""Clean many texts: a streaming generator, optionally spread over processes.

``clean_many`` keeps the input order and reads its input lazily, so it works on
a generator over a file of any size: at most two batches per job are in memory
at once. With ``jobs=1`` it runs in the calling process. A failure in a worker
is raised in the caller; a text is never silently dropped.

With ``jobs=N`` the calling process is one of the N: it starts N-1 worker
processes and cleans a batch of its own while they clean theirs, so N jobs
keep N cores busy. Everything is sent over plain pipes by the calling thread
itself, between batches: a background thread that pickles would have to wait
for the cleaning thread to let go of the interpreter, leaving the workers
idle. Sending a text costs the caller about a fifth of cleaning it, so its own
batches grow while it finishes before the workers and shrink while it keeps
them waiting. A worker sends back only the texts that cleaning changed (most
news comes out as it went in), and the caller fills in the rest from its own
copy of the batch.

When the texts are a list (any sequence) and processes start by forking, the
workers are forked with it and are sent only where their batches start and
stop; the sequence must then not change while it is being cleaned.

    >>> list(clean_many(["ﬁne", "Mayor\\u00e2\\u20ac\\u2122s"]))
    ['fine', 'Mayor’s']
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import sys
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any

from presswash.cleaner import Cleaner

if sys.platform != "win32":
    import fcntl

# Texts sent to a worker at once: large enough to hide the cost of a round trip.
BATCH_SIZE = 256
# The bounds of the caller's own batches, which adapt to balance the work.
OWN_BATCH_RANGE = (BATCH_SIZE // 8, BATCH_SIZE * 2)
# Bytes a pipe to or from a worker holds (Linux's default limit for unprivileged processes).
PIPE_CAPACITY = 1 << 20
# Seconds to wait for a worker to exit after it was asked to, before stopping it.
EXIT_TIMEOUT = 5.0

# What a worker sends back for a batch: the position and cleaned form of each changed text.
Changes = list[tuple[int, str]]


def clean_many(texts: Iterable[str], preset: str = "news", *, jobs: int = 1, **options: Any) -> Iterator[str]:
    """Yield ``clean(text, preset, **options)`` for each text, in order.

    ``jobs`` is the number of processes that clean, this one included; 1 cleans
    in this process only.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    cleaner = Cleaner(preset, **options)
    if jobs == 1:
        return map(cleaner.clean, texts)
    return _clean_in_processes(cleaner, texts, jobs)


def _changes(cleaner: Cleaner, batch: Sequence[str]) -> Changes:
    changes = []
    for position, text in enumerate(batch):
        cleaned = cleaner.clean(text)
        if cleaned != text:
            changes.append((position, cleaned))
    return changes


# What a worker is sent: a batch of texts, or where a batch starts and stops in the
# sequence it was forked with.
Order = list[str] | tuple[int, int]

# The sequence being cleaned, for workers forked while it is set.
_forked_texts: Sequence[str] = ()


def _work(inbox: Connection, outbox: Connection, cleaner: Cleaner) -> None:
    """A worker process: clean each batch received, answer with its changes, until told to stop."""
    while True:
        order: Order | None = inbox.recv()
        if order is None:
            return
        batch = _forked_texts[order[0] : order[1]] if isinstance(order, tuple) else order
        try:
            answer: Changes | _Failure = _changes(cleaner, batch)
        except Exception as error:  # handed to the caller, which raises it
            answer = _Failure(error)
        outbox.send(answer)


class _Failure:
    """An exception raised in a worker, to be raised again in the caller."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def __reduce__(self) -> tuple[Any, ...]:
        try:
            multiprocessing.reduction.ForkingPickler.dumps(self.error)
        except Exception:  # one that cannot be pickled is described instead
            return (_Failure, (RuntimeError(f"a worker failed: {self.error!r}"),))
        return (_Failure, (self.error,))


def _pipe() -> tuple[Connection, Connection]:
    """A one-way pipe (reader, writer) that holds a whole batch where the system allows.

    A pipe normally holds 64 KiB, so sending a batch of news (about a megabyte)
    would wait on the worker reading it piece by piece.
    """
    reader, writer = multiprocessing.Pipe(duplex=False)
    if sys.platform != "win32" and hasattr(fcntl, "F_SETPIPE_SZ"):
        with contextlib.suppress(OSError):  # keep the default size if the system's limit is lower
            fcntl.fcntl(writer.fileno(), fcntl.F_SETPIPE_SZ, PIPE_CAPACITY)
    return reader, writer


class _Worker:
    """One worker process and the caller's ends of the pipes to and from it."""

    def __init__(self, cleaner: Cleaner) -> None:
        their_inbox, self.outbox = _pipe()
        self.inbox, their_outbox = _pipe()
        self.process = multiprocessing.Process(
            target=_work, args=(their_inbox, their_outbox, cleaner), daemon=True
        )
        self.process.start()
        their_inbox.close()
        their_outbox.close()

    def send(self, order: Order) -> None:
        self.outbox.send(order)

    def ready(self) -> bool:
        """Whether the worker's answer has arrived."""
        return self.inbox.poll()

    def receive(self, batch: list[str]) -> list[str]:
        """The cleaned batch: ``batch`` with the worker's changes applied."""
        try:
            answer = self.inbox.recv()
        except EOFError:
            self.process.join(EXIT_TIMEOUT)
            raise RuntimeError(
                f"a clean_many worker process stopped unexpectedly (exit code {self.process.exitcode})"
            ) from None
        if isinstance(answer, _Failure):
            raise answer.error
        cleaned = list(batch)
        for position, text in answer:
            cleaned[position] = text
        return cleaned

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # it has already gone
            self.outbox.send(None)
        self.process.join(EXIT_TIMEOUT)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
        self.outbox.close()
        self.inbox.close()


def workers_are_forked() -> bool:
    """Whether worker processes start by forking: the start method in force (Linux's default before
    Python 3.14), so that a program that chose another keeps its choice.

    The first method listed is the default; asking for the method in force without
    ``allow_none`` would fix it, and the program could not choose later.
    """
    default = multiprocessing.get_all_start_methods()[0]
    return (multiprocessing.get_start_method(allow_none=True) or default) == "fork"


class _Source:
    """The texts to clean, taken batch by batch, with what a worker must be sent for each batch."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.forkable = isinstance(texts, Sequence) and not isinstance(texts, str) and workers_are_forked()
        self.texts = texts
        self.iterator = iter(texts)
        self.position = 0

    def take(self, size: int) -> tuple[Order, list[str]]:
        """The next batch of at most ``size`` texts (empty at the end), and the order that sends it."""
        batch = list(itertools.islice(self.iterator, size))
        start, self.position = self.position, self.position + len(batch)
        return ((start, self.position) if self.forkable else batch), batch


def _clean_in_processes(cleaner: Cleaner, texts: Iterable[str], jobs: int) -> Iterator[str]:
    global _forked_texts
    source = _Source(texts)
    own_size = BATCH_SIZE
    _, own = source.take(own_size)
    if not own:
        return
    workers: list[_Worker] = []
    try:
        if source.forkable:
            _forked_texts = source.texts  # type: ignore[assignment]
        workers = [_Worker(cleaner) for _ in range(jobs - 1)]
        _forked_texts = ()
        sent = _send_round(workers, source)
        while own:
            # The workers clean their batches of this round while this process cleans its own.
            cleaned = [cleaner.clean(text) for text in own]
            # Workers still busy: this process can take more next time; all done: less.
            workers_busy = not all(worker.ready() for worker, _ in sent)
            low, high = OWN_BATCH_RANGE
            own_size = min(high, own_size * 5 // 4) if workers_busy else max(low, own_size * 4 // 5)
            received = [worker.receive(batch) for worker, batch in sent]
            # The next round goes out before this one is handed on, so that the
            # workers are busy while the caller uses the results.
            _, own = source.take(own_size)
            sent = _send_round(workers, source) if own else []
            yield from cleaned
            for batch in received:
                yield from batch
    finally:
        _forked_texts = ()
        for worker in workers:
            worker.stop()


def _send_round(workers: list[_Worker], source: _Source) -> list[tuple[_Worker, list[str]]]:
    """Send each worker its next batch, in order, while batches last."""
    sent = []
    for worker in workers:
        order, batch = source.take(BATCH_SIZE)
        if not batch:
            break
        worker.send(order)
        sent.append((worker, batch))
    return sent
