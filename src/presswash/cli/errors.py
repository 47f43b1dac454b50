"""How the command reports how it went: its name, exit statuses, and the failure of one input."""

from __future__ import annotations

PROG = "presswash"

EXIT_OK = 0
EXIT_CHANGED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
EXIT_TERMINATED = 143


class Failure(Exception):
    """A problem with one file: reported as ``presswash: NAME: problem``."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class Terminated(BaseException):
    """SIGTERM arrived: unwind (removing temporary files) and exit 143."""
