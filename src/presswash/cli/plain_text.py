"""Plain text in documents: chunks that end after a blank line, with their positions in the input.

A chunk ends after a blank line (a line of nothing but whitespace), which in news
dumps separates articles, and is capped at :data:`CHUNK_CHARS` characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from presswash.edits import Change

CHUNK_CHARS = 64 * 1024

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")

# --- plain text: documents with their positions --------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """A piece of plain text, where it starts (1-based line, characters before it on that line)."""

    text: str
    line: int
    column: int

    @property
    def texts(self) -> Sequence[str]:
        return (self.text,)


def chunks(pieces: Iterable[str]) -> Iterator[Chunk]:
    line, column = 1, 0
    for text in documents(pieces):
        yield Chunk(text, line, column)
        newlines = text.count("\n")
        if newlines:
            line += newlines
            column = len(text) - text.rfind("\n") - 1
        else:
            column += len(text)


def documents(pieces: Iterable[str], limit: int = CHUNK_CHARS) -> Iterator[str]:
    """Regroup decoded text into chunks that end after a blank line, each at most ``limit`` long."""
    buffer = ""
    for piece in pieces:
        # A blank line not yet found can only start at the last line break of the buffer.
        scan_from = max(buffer.rfind("\n"), 0)
        buffer += piece
        start = 0
        for match in _BLANK_LINE.finditer(buffer, scan_from):
            yield from _capped(buffer[start : match.end()], limit)
            start = match.end()
        buffer = buffer[start:]
        while len(buffer) > limit:
            cut = _cut(buffer, limit)
            yield buffer[:cut]
            buffer = buffer[cut:]
    yield from _capped(buffer, limit)


def _capped(text: str, limit: int) -> Iterator[str]:
    while len(text) > limit:
        cut = _cut(text, limit)
        yield text[:cut]
        text = text[cut:]
    if text:
        yield text


def _cut(text: str, limit: int) -> int:
    """Where to cut ``text`` (longer than ``limit``): after a line break, else a space, else anywhere safe."""
    newline = text.rfind("\n", 0, limit)
    if newline >= 0:
        return newline + 1
    space = max(text.rfind(" ", 0, limit), text.rfind("\t", 0, limit))
    if space >= 0:
        return space + 1
    cut = limit
    # Never between CR and LF, nor before a combining mark or a joiner.
    while cut > 1 and (
        text[cut - 1] == "\r" or unicodedata.category(text[cut])[0] == "M" or text[cut] == "\u200d"
    ):
        cut -= 1
    return cut


def positions(chunk: Chunk, changes: Iterable[Change]) -> Iterator[tuple[int, int, Change]]:
    """Each change with its 1-based line and column in the input (changes come in input order)."""
    text = chunk.text
    line, line_start, position = chunk.line, -chunk.column, 0
    for change in changes:
        newlines = text.count("\n", position, change.start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", position, change.start) + 1
        position = change.start
        yield line, change.start - line_start + 1, change
