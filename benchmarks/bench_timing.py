"""Timing primitives: perf_counter, garbage collection off while the clock runs, medians of rounds,
and how far this machine lets processes run in parallel."""

from __future__ import annotations

import gc
import multiprocessing
import statistics
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


def timed(run: Callable[[], T]) -> tuple[float, T]:
    """Seconds taken by ``run()`` (collected garbage first, collector off meanwhile) and its result."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - start
    finally:
        if was_enabled:
            gc.enable()
    return seconds, result


def consume(results: Iterable[object]) -> None:
    """Exhaust an iterator as cheaply as Python allows (no list of results is built)."""
    deque(results, maxlen=0)


@dataclass
class Rounds:
    """The seconds of each round of one contender on one input."""

    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def fastest(self) -> float:
        return min(self.seconds)

    @property
    def slowest(self) -> float:
        return max(self.seconds)


def adaptive_rounds(
    run: Callable[[], T],
    *,
    min_rounds: int,
    max_rounds: int = 100,
    min_total: float = 0.5,
    budget: float = 4.0,
) -> tuple[Rounds, T]:
    """Time ``run`` repeatedly: at least ``min_rounds`` (unless a round alone exceeds ``budget``
    seconds) and, for fast inputs, until ``min_total`` seconds have been spent, so that medians of
    millisecond timings are not just noise. Returns the rounds and the first round's result."""
    seconds, first = timed(run)
    rounds = Rounds([seconds])
    total = seconds
    while True:
        total += seconds
        done = len(rounds.seconds)
        if done >= max_rounds or total >= budget:
            break
        if done >= min_rounds and total >= min_total:
            break
        seconds, _ = timed(run)
        rounds.seconds.append(seconds)
        total += seconds
    return rounds, first


# Iterations of the pure-Python loop that measures parallel capacity: about 0.2 s here.
SPIN_ITERATIONS = 3_000_000


def _spin(iterations: int) -> float:
    """Seconds taken by a pure-Python loop that touches almost no memory."""
    start = time.perf_counter()
    total = 0
    for number in range(iterations):
        total += number * number
    return time.perf_counter() - start


def _spin_together(barrier: Any, seconds: Any, iterations: int) -> None:
    barrier.wait()
    seconds.put(_spin(iterations))


def parallel_capacity(processes: int, iterations: int = SPIN_ITERATIONS) -> float:
    """How many times one process's speed ``processes`` processes reach together on this machine
    right now, on a loop that only computes: the ceiling of any parallel speed-up measured
    alongside it. On a shared machine the cores are not always all there to be had."""
    before = _spin(iterations)
    context = multiprocessing.get_context()
    barrier = context.Barrier(processes)
    seconds = context.Queue()
    workers = [
        context.Process(target=_spin_together, args=(barrier, seconds, iterations)) for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    together: list[float] = [seconds.get() for _ in workers]
    for worker in workers:
        worker.join()
    alone = (before + _spin(iterations)) / 2  # before and after, as the machine drifts
    return processes * alone / max(together)
