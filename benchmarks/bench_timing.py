"""Timing primitives: perf_counter, garbage collection off while the clock runs, medians of rounds."""

from __future__ import annotations

import gc
import statistics
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

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
