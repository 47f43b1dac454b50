"""A progress bar of input bytes on standard error, for long runs on a terminal only."""

from __future__ import annotations

import os
import sys
from typing import IO, Any

from presswash.cli.arguments import Settings
from presswash.cli.decoding import STDIN
from presswash.cli.errors import PROG

PROGRESS_DELAY = 1.0

# --- progress, signals, broken pipes -------------------------------------------------------------


class Progress:
    """A tqdm bar of input bytes on stderr, shown only on a terminal and only for long runs."""

    def __init__(self, bar: Any) -> None:
        self._bar = bar

    @classmethod
    def start(cls, settings: Settings) -> Progress:
        to_stdout = not (settings.in_place or settings.check) and settings.output in (None, STDIN)
        output_on_terminal = to_stdout and _isatty(sys.stdout)
        if settings.quiet or settings.explain or output_on_terminal or not _isatty(sys.stderr):
            return cls(None)
        from tqdm import tqdm  # type: ignore[import-untyped]

        total: int | None = 0
        for name in settings.files:
            try:
                size = os.stat(name).st_size if name != STDIN else None
            except OSError:
                size = None
            total = None if size is None or total is None else total + size
        bar = tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            delay=PROGRESS_DELAY,
            file=sys.stderr,
            leave=False,
            dynamic_ncols=True,
            desc=PROG,
        )
        return cls(bar)

    def update(self, size: int) -> None:
        if self._bar is not None:
            self._bar.update(size)

    def write(self, message: str) -> None:
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _isatty(stream: IO[Any] | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False
