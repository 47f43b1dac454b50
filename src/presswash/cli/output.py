"""Where cleaned text goes: standard output, a device, or a file written atomically.

``-o`` and ``--in-place`` write a hidden temporary file beside the target,
give it the target's mode (and owner, where allowed), fsync it and rename it over
the target: a target is never half-written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, TypeVar

from presswash.cli.errors import Failure
from presswash.cli.signals import SignalsBlocked

STDOUT_NAME = "<stdout>"
TEMP_PREFIX_TAIL = ".presswash-"
TEMP_SUFFIX = ".tmp"

# --- writing -------------------------------------------------------------------------------------

SinkT = TypeVar("SinkT", bound="Sink")


@contextlib.contextmanager
def guarded_sink(opening: Callable[[], SinkT]) -> Iterator[SinkT]:
    """The sink ``opening()`` makes, discarded if anything at all — Ctrl-C and SIGTERM included —
    goes wrong before the block ends. It is made with both signals blocked, so that one arriving
    just after its temporary file appears is raised only where the sink is already guarded:
    before, such a file outlived an interrupted run."""
    sink = None
    try:
        with SignalsBlocked():
            sink = opening()
        yield sink
    except BaseException:
        if sink is not None:
            sink.discard()
        raise


class Sink:
    """Where cleaned text goes; ``commit`` makes it final, ``discard`` abandons it."""

    label = STDOUT_NAME

    def write(self, text: str) -> None:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as error:
            raise Failure(self.label, f"cannot encode the output as UTF-8: {error.reason}") from None
        self.write_bytes(data)

    def write_bytes(self, data: bytes) -> None:
        """Write ``data`` as it is (a binary format's)."""
        try:
            self._write(data)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise Failure(self.label, f"cannot write: {error.strerror or error}") from None

    def _write(self, data: bytes) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        """Make the output final."""

    def discard(self) -> None:
        """Abandon the output (as far as possible)."""


class StdoutSink(Sink):
    def __init__(self) -> None:
        self._stream = sys.stdout.buffer

    def _write(self, data: bytes) -> None:
        self._stream.write(data)

    def commit(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise Failure(self.label, f"cannot write: {error.strerror or error}") from None


class _PlainFile(Sink):
    """Output to a device or FIFO: written directly, nothing to make atomic."""

    def __init__(self, path: str) -> None:
        self.label = path
        try:
            self._stream: IO[bytes] = open(path, "wb")  # noqa: SIM115 - closed in commit/discard
        except OSError as error:
            raise Failure(path, f"cannot write: {error.strerror or error}") from None

    def _write(self, data: bytes) -> None:
        self._stream.write(data)

    def commit(self) -> None:
        try:
            self._stream.close()
        except OSError as error:
            raise Failure(self.label, f"cannot write: {error.strerror or error}") from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._stream.close()


class _AtomicFile(Sink):
    """Output to a hidden temporary file beside ``target``, renamed over it on commit."""

    def __init__(self, target: str, label: str, mode: int, owner: tuple[int, int] | None = None) -> None:
        self.label = label
        self._target = target
        directory, base = os.path.split(target)
        directory = directory or "."
        try:
            descriptor, self._temp = tempfile.mkstemp(
                prefix=f".{base[:200]}{TEMP_PREFIX_TAIL}", suffix=TEMP_SUFFIX, dir=directory
            )
        except OSError as error:
            problem = error.strerror or str(error)
            raise Failure(label, f"cannot write a temporary file in {directory}: {problem}") from None
        self._stream: IO[bytes] = os.fdopen(descriptor, "wb")
        self._done = False
        try:
            if owner is not None:
                with contextlib.suppress(OSError):  # Allowed only to root or within one's own groups.
                    os.fchown(descriptor, *owner)
            os.fchmod(descriptor, mode)
        except BaseException:
            self.discard()
            raise

    def _write(self, data: bytes) -> None:
        self._stream.write(data)

    def commit(self) -> None:
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            os.replace(self._temp, self._target)
        except OSError as error:
            self.discard()
            raise Failure(self.label, f"cannot write: {error.strerror or error}") from None
        self._done = True

    def discard(self) -> None:
        if self._done:
            return
        self._done = True
        with contextlib.suppress(OSError):
            self._stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self._temp)


def open_output(path: str) -> Sink:
    target = os.path.realpath(path)
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise Failure(path, f"cannot write: {error.strerror or error}") from None
    if status is None:
        return _AtomicFile(target, path, _new_file_mode())
    if not stat.S_ISREG(status.st_mode):
        return _PlainFile(path)
    return _AtomicFile(target, path, stat.S_IMODE(status.st_mode))


def rewrite_of(name: str) -> _AtomicFile:
    target = os.path.realpath(name)
    try:
        status = os.stat(target)
    except OSError as error:
        raise Failure(name, error.strerror or str(error)) from None
    if not stat.S_ISREG(status.st_mode):
        raise Failure(name, "not a regular file; --in-place rewrites regular files only")
    return _AtomicFile(target, name, stat.S_IMODE(status.st_mode), (status.st_uid, status.st_gid))


def _new_file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
