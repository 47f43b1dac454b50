"""Clean many texts: a streaming generator, optionally spread over processes.

``clean_many`` keeps the input order and reads its input lazily, so it works on
a generator over a file of any size: it reads at most a few thousand texts
ahead of what it has handed back (see ``MOST_PENDING``). With ``jobs=1`` it
runs in the calling process. A failure in a worker is raised in the caller; a
text is never silently dropped.

With ``jobs=N`` the calling process is one of the N: it starts N-1 worker
processes and keeps two batches queued for each, so that a worker never waits
for its next batch, while it cleans small batches of its own whenever the
oldest worker batch is not back yet. Everything is sent over plain pipes by the
calling thread itself: a background thread that pickles would have to wait for
the cleaning thread to let go of the interpreter, leaving the workers idle. A
worker sends back only the texts that cleaning changed (most news comes out as
it went in), and the caller fills in the rest from its own copy of the batch.

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
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any

from presswash.cleaner import Cleaner

if sys.platform != "win32":
    import fcntl

# Texts sent to a worker at once: large enough to hide the cost of a round trip.
BATCH_SIZE = 256
# Batches queued for each worker: one to clean while the next waits.
BATCHES_IN_FLIGHT = 2
# Texts the caller cleans at a time between looks at the workers' answers.
OWN_BATCH_SIZE = 32
# Batches, the caller's own included, cleaned ahead of the oldest worker batch
# before the caller waits for it: bounds memory when a worker falls behind.
MOST_PENDING = 64
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
        try:
            self.outbox.send(order)
        except (BrokenPipeError, ConnectionResetError):  # it died before reading what it had
            raise self._stopped() from None

    def _stopped(self) -> RuntimeError:
        """The error that says the worker process died, once it has."""
        self.process.join(EXIT_TIMEOUT)
        return RuntimeError(
            f"a clean_many worker process stopped unexpectedly (exit code {self.process.exitcode})"
        )

    def ready(self) -> bool:
        """Whether the worker's answer has arrived."""
        return self.inbox.poll()

    def receive(self, batch: list[str]) -> list[str]:
        """The cleaned batch: ``batch``, changed in place by the worker's answer."""
        try:
            answer = self.inbox.recv()
        except (EOFError, ConnectionResetError):
            raise self._stopped() from None
        if isinstance(answer, _Failure):
            raise answer.error
        for position, text in answer:
            batch[position] = text
        return batch

    def stop(self, idle: bool) -> None:
        """Tell the worker to exit.

        An ``idle`` worker (no batch in flight) has nothing left to send, so it is
        left to exit on its own, and the caller's last texts are not held up by
        the exit: multiprocessing reaps it at the next process start, or at exit.
        A busy one is waited for, as it may still be writing an answer, then
        stopped if it does not exit.
        """
        with contextlib.suppress(OSError):  # it has already gone
            self.outbox.send(None)
        if not idle:
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
    """The texts to clean, taken batch by batch as orders for a worker.

    A forked worker holds the sequence itself, so its orders are where batches
    start and stop, and the caller reads those texts only once the worker has
    answered. Reading one is writing its reference count: a page shared with
    the worker is then copied, and the worker, which read the texts first, has
    already paid for that copy.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        forkable = isinstance(texts, Sequence) and not isinstance(texts, str) and workers_are_forked()
        # The sequence that forked workers read, if they can.
        self.sequence: Sequence[str] | None = texts if forkable else None  # type: ignore[assignment]
        self.iterator = iter(texts)
        self.position = 0

    def take(self, size: int) -> Order:
        """The order for the next batch of at most ``size`` texts: empty at the end."""
        if self.sequence is None:
            return list(itertools.islice(self.iterator, size))
        start = self.position
        self.position = min(len(self.sequence), start + size)
        return (start, self.position)

    def texts_of(self, order: Order) -> list[str]:
        """The texts of a batch, in a list of their own."""
        if isinstance(order, tuple):
            assert self.sequence is not None, "an order by position for texts that are not a sequence"
            return list(self.sequence[order[0] : order[1]])
        return order

    def worker_batch_size(self, jobs: int) -> int:
        """How many texts to send a worker next: fewer near the end of a sequence, so that
        the jobs finish together instead of the caller waiting on a full batch."""
        if self.sequence is None:
            return BATCH_SIZE
        share = (len(self.sequence) - self.position) // (jobs * BATCHES_IN_FLIGHT)
        return max(OWN_BATCH_SIZE, min(BATCH_SIZE, share))


def _is_empty(order: Order) -> bool:
    return order[0] == order[1] if isinstance(order, tuple) else not order


def _clean_in_processes(cleaner: Cleaner, texts: Iterable[str], jobs: int) -> Iterator[str]:
    global _forked_texts
    source = _Source(texts)
    first = source.texts_of(source.take(OWN_BATCH_SIZE))
    if not first:
        return
    # Batches in input order: a worker's order, still to be answered, or the caller's texts, cleaned.
    pending: deque[tuple[_Worker | None, Order]] = deque()
    in_flight: dict[_Worker, int] = {}
    workers: list[_Worker] = []
    try:
        _forked_texts = source.sequence or ()
        workers = [_Worker(cleaner) for _ in range(jobs - 1)]
        _forked_texts = ()
        in_flight = dict.fromkeys(workers, 0)
        pending.append((None, [cleaner.clean(text) for text in first]))
        exhausted = False
        while True:
            exhausted = exhausted or _top_up(workers, in_flight, pending, source)
            if not pending:
                return
            worker, order = pending[0]
            if worker is None:
                pending.popleft()
                yield from source.texts_of(order)
            elif worker.ready() or exhausted or len(pending) >= MOST_PENDING:
                pending.popleft()
                in_flight[worker] -= 1
                yield from worker.receive(source.texts_of(order))
            else:
                # The oldest worker batch is not back: clean a small batch meanwhile.
                own = source.take(OWN_BATCH_SIZE)
                exhausted = _is_empty(own)
                if not exhausted:
                    pending.append((None, [cleaner.clean(text) for text in source.texts_of(own)]))
    finally:
        _forked_texts = ()
        for worker in workers:
            worker.stop(idle=in_flight.get(worker, 0) == 0)


def _top_up(
    workers: list[_Worker],
    in_flight: dict[_Worker, int],
    pending: deque[tuple[_Worker | None, Order]],
    source: _Source,
) -> bool:
    """Send each worker batches until it has ``BATCHES_IN_FLIGHT``; True if the texts ran out."""
    for worker in workers:
        while in_flight[worker] < BATCHES_IN_FLIGHT:
            order = source.take(source.worker_batch_size(len(workers) + 1))
            if _is_empty(order):
                return True
            worker.send(order)
            in_flight[worker] += 1
            pending.append((worker, order))
    return False
