"""Cleaning units of work (documents, records) in order, in this process or in worker processes."""

from __future__ import annotations

from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from presswash.bulk import clean_many
from presswash.cleaner import Cleaner, Explanation
from presswash.cli.signals import SignalsBlocked, with_signals

# --- cleaning units, in order, in this process or in workers ------------------------------------


class Unit(Protocol):
    @property
    def texts(self) -> Sequence[str]: ...


U = TypeVar("U", bound=Unit)


class Engine:
    """Cleans the texts of each unit, yielding ``(unit, cleaned texts, explanations or None)`` in order."""

    def __init__(
        self, cleaner: Cleaner, preset: str, options: dict[str, Any], jobs: int, explain: bool
    ) -> None:
        self.cleaner = cleaner
        self.preset = preset
        self.options = options
        self.jobs = jobs
        self.explain = explain

    def run(self, units: Iterable[U]) -> Generator[tuple[U, list[str], list[Explanation] | None], None, None]:
        if self.explain:
            explain = self.cleaner.explain
            for unit in units:
                explained = [explain(text) for text in unit.texts]
                yield unit, [explanation.text for explanation in explained], explained
        elif self.jobs == 1:
            clean = self.cleaner.clean
            for unit in units:
                yield unit, [clean(text) for text in unit.texts], None
        else:
            for unit, cleaned in self._in_workers(units):
                yield unit, cleaned, None

    def _in_workers(self, units: Iterable[U]) -> Iterator[tuple[U, list[str]]]:
        # clean_many reads ahead, so the units whose texts are in flight wait in `pending`.
        # Everything clean_many does — starting worker processes included — runs with SIGINT and
        # SIGTERM blocked, so the workers inherit them blocked and a Ctrl-C reaches only this
        # process (when clean_many hands back control: at most a batch later), which then
        # shuts the pool down in order. Reading the input runs with them deliverable.
        pending: deque[U] = deque()

        def texts() -> Iterator[str]:
            for unit in with_signals(iter(units)):
                pending.append(unit)
                yield from unit.texts

        results = clean_many(texts(), self.preset, jobs=self.jobs, **self.options)
        ahead: deque[str] = deque()
        exhausted = False
        try:
            while True:
                with SignalsBlocked():
                    while not pending and not exhausted:
                        try:
                            ahead.append(next(results))
                        except StopIteration:
                            exhausted = True
                    if not pending:
                        return
                    unit = pending.popleft()
                    cleaned = [ahead.popleft() if ahead else next(results) for _ in unit.texts]
                yield unit, cleaned
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                with SignalsBlocked():
                    close()
