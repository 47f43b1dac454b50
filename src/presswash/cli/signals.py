"""Signals and broken pipes: Ctrl-C and SIGTERM stop the command once and cleanly.

Worker processes start with SIGINT and SIGTERM blocked, so a Ctrl-C (or SIGTERM
to the process group) reaches only the command, which shuts its pool down in
order. SIGTERM becomes an exception, so that temporary files are removed on the
way out. After a broken pipe (``presswash big.txt | head``) the command exits
quietly, without a traceback.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import types
from collections.abc import Callable, Iterator
from typing import TypeVar

from presswash.cli.errors import Terminated

T = TypeVar("T")

_CAN_MASK = hasattr(signal, "pthread_sigmask")


class SignalsBlocked:
    """Block SIGINT and SIGTERM in this thread (and in the processes it starts) while inside."""

    how = signal.SIG_BLOCK if _CAN_MASK else 0

    def __enter__(self) -> None:
        if _CAN_MASK:
            self._previous = signal.pthread_sigmask(signal.SIG_BLOCK, ())  # the mask as it is
            try:
                signal.pthread_sigmask(self.how, {signal.SIGINT, signal.SIGTERM})
            except BaseException:
                # A signal that another thread took is raised here, in the main thread, as soon
                # as the call returns: with the block left in place, every later Ctrl-C (and
                # every process started from here) would be blocked for good.
                signal.pthread_sigmask(signal.SIG_SETMASK, self._previous)
                raise

    def __exit__(self, *exc_info: object) -> None:
        if _CAN_MASK:
            signal.pthread_sigmask(signal.SIG_SETMASK, self._previous)


class _SignalsAllowed(SignalsBlocked):
    how = signal.SIG_UNBLOCK if _CAN_MASK else 0


def with_signals(iterator: Iterator[T]) -> Iterator[T]:
    """Take each item of ``iterator`` (which reads the input) with SIGINT and SIGTERM deliverable."""
    while True:
        with _SignalsAllowed():
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item


_MAIN_PID = os.getpid()


def _on_sigterm(signum: int, frame: types.FrameType | None) -> None:
    if os.getpid() != _MAIN_PID:  # A forked worker: die as if nobody had asked.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    raise Terminated


def handle_sigterm() -> Callable[[], None]:
    """Turn SIGTERM into an exception (so temporary files are removed); return the undo."""
    global _MAIN_PID
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    _MAIN_PID = os.getpid()
    previous = signal.signal(signal.SIGTERM, _on_sigterm)

    def restore() -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)

    return restore


def silence_broken_streams() -> None:
    """After a broken pipe, point stdout (and stderr, if broken too) at /dev/null, so exit stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                with contextlib.suppress(OSError, ValueError):
                    os.dup2(devnull, stream.fileno())
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)
