"""Screens that read the UTF-8 of many documents at once, as NumPy arrays.

A column of text (Arrow's ``string`` type) is one buffer holding every
document's UTF-8 back to back, and the offsets where each one starts. Most
documents need nothing; finding which ones may need something should not cost
a Python string per document. These screens compare whole buffers at memory
speed and map what they find to rows through the offsets:

- :class:`Utf8Documents` finds where the documents hold non-ASCII characters
  and some ASCII bytes (those a cleaner's sieve keeps), and :meth:`~Utf8Documents.sieved`
  makes every document's sieved form from them;
- :meth:`Utf8Documents.rows_holding_characters` those holding some non-ASCII
  characters, asking about each distinct character once, and
  :meth:`Utf8Documents.rows_holding_pairs` those holding some pairs of them
  side by side;
- :meth:`Utf8Documents.rows_with_suspect_quotes` is quote repair's screen over
  bytes. The screen on text (see :mod:`presswash.steps.quote_repair`) looks
  for a curly quote whose neighbours contradict its orientation; here the
  neighbours are single bytes, and a non-ASCII neighbour, whose character is
  unknown, is taken to contradict it. Every document the text screen flags is
  flagged here too, and few others.

    >>> texts = ["plain", "“Fine,” she said.", "Not “fine“ at all", "AT&T", "£5"]
    >>> offsets = np.cumsum([0] + [len(text.encode()) for text in texts])
    >>> documents = Utf8Documents("".join(texts).encode(), offsets, kept_ascii=b"&")
    >>> documents.rows_of(documents.kept_ascii).tolist()
    [False, False, False, True, False]
    >>> sieved, bounds = documents.sieved()
    >>> [sieved[start:end] for start, end in zip(bounds, bounds[1:])]
    ['', '“”', '““', '&', '£']
    >>> documents.rows_holding_characters(lambda character: character == "£").tolist()
    [False, False, False, False, True]
    >>> documents.rows_with_suspect_quotes().tolist()
    [False, False, True, False, False]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import numpy as np

from presswash.steps.quote_marks import CLOSERS, DASHES, OPENERS

Rows = np.ndarray[Any, np.dtype[np.bool_]]
Positions = np.ndarray[Any, np.dtype[np.intp]]


class Utf8Documents:
    """Documents whose UTF-8 lies back to back in ``utf8``, document ``i`` from ``offsets[i]`` to
    ``offsets[i + 1]`` (the bytes outside ``offsets[0]`` to ``offsets[-1]`` are not read), and
    where they hold a non-ASCII character or one of the ASCII bytes ``kept_ascii`` (a sieve's)."""

    def __init__(self, utf8: bytes | memoryview, offsets: np.ndarray[Any, Any], kept_ascii: bytes) -> None:
        self.data = np.frombuffer(utf8, dtype=np.uint8)
        self.offsets = offsets
        positions = marked_bytes(self.data, int(offsets[0]), int(offsets[-1]), kept_ascii)
        values = self.data.take(positions)
        leads = values >= 0xC0
        self.leads: Positions = positions[leads]
        self.kept_ascii: Positions = positions[~leads]
        # The first byte of each character of ``leads``, which says its length.
        self.lead_bytes = values[leads]

    def rows_of(self, positions: Positions) -> Rows:
        """Which documents hold a byte at one of ``positions``."""
        return self._marked_rows(np.searchsorted(self.offsets, positions, side="right") - 1)

    @functools.cached_property
    def lead_rows(self) -> Positions:
        """The document each of ``leads`` is in (looked up once, for every screen)."""
        return np.searchsorted(self.offsets, self.leads, side="right") - 1

    def rows_of_leads(self, chosen: Rows | Positions) -> Rows:
        """Which documents hold one of the characters ``leads[chosen]``."""
        return self._marked_rows(self.lead_rows[chosen])

    def _marked_rows(self, rows: Positions) -> Rows:
        marked = np.zeros(len(self.offsets) - 1, dtype=bool)
        marked[rows] = True
        return marked

    def sieved(self) -> tuple[str, list[int]]:
        """The documents sieved (see :mod:`presswash.sieve`) by the sieve that keeps ``kept_ascii``:
        one string of them all, and where each document's part starts and ends.

        It is made from the characters already found, not by reading each document again.
        """
        positions = np.concatenate([self.leads, self.kept_ascii])
        characters = np.concatenate([self.characters, self.data.take(self.kept_ascii).astype(np.int32)])
        order = np.argsort(positions, kind="stable")
        # The code points of valid UTF-8 (its caller checks it) are valid UTF-32.
        sieved = characters[order].astype("<u4").tobytes().decode("utf-32-le")
        return sieved, np.searchsorted(positions[order], self.offsets).tolist()

    @functools.cached_property
    def lead_lengths(self) -> np.ndarray[Any, np.dtype[np.uint8]]:
        """The length in bytes of each character of ``leads``."""
        return _LENGTH.take(self.lead_bytes)

    @functools.cached_property
    def characters(self) -> np.ndarray[Any, np.dtype[np.int32]]:
        """The code point of the character starting at each of ``leads``.

        Worked out in place, in arrays no wider than needed: a column's temporary arrays,
        when large, are mapped afresh page by page wherever the allocator is set to give
        memory back at once (as Dask's workers are).
        """
        characters = _LEAD_BITS.take(self.lead_bytes)
        lengths = self.lead_lengths
        following = self.leads.copy()
        shifts = np.empty_like(characters)
        for index in range(1, 4):
            np.add(following, 1, out=following)
            np.minimum(following, len(self.data) - 1, out=following)
            # A character with this byte is shifted by 6 and takes its low bits; one without, by 0
            # and 0 (a mask on every element would cost more than the arithmetic it saves).
            within = lengths > index
            np.multiply(within, 6, out=shifts)
            np.left_shift(characters, shifts, out=characters)
            bits = self.data.take(following)
            np.bitwise_and(bits, 0x3F, out=bits)
            np.multiply(bits, within, out=bits)
            np.bitwise_or(characters, bits, out=characters)
        return characters

    def rows_holding_characters(self, chosen: Callable[[str], bool]) -> Rows:
        """Which documents hold a non-ASCII character for which ``chosen`` is true."""
        characters = self.characters
        # Marking, unlike sorting, takes one pass: the code points are the indexes.
        picked = np.zeros(int(characters.max()) + 1 if len(characters) else 0, dtype=bool)
        picked[characters] = True
        distinct = np.flatnonzero(picked)
        picked[distinct] = [chosen(chr(code)) for code in distinct.tolist()]
        return self.rows_of_leads(picked[characters])

    def rows_holding_pairs(self, chosen: Callable[[str], bool]) -> Rows:
        """Which documents hold two neighbouring non-ASCII characters for which ``chosen`` is true,
        asking about each distinct pair once (the last character of a document and the first of
        the next count as neighbours too: a document is at worst looked at for nothing)."""
        starts = self.leads
        before = np.flatnonzero(starts[1:] == starts[:-1] + self.lead_lengths[:-1])
        characters = self.characters
        pairs = characters[before].astype(np.int64) << 21 | characters[before + 1]
        distinct = np.unique(pairs)
        wanted = [chosen(chr(pair >> 21) + chr(pair & 0x1FFFFF)) for pair in distinct.tolist()]
        return self.rows_of_leads(before[np.isin(pairs, distinct[np.array(wanted, dtype=bool)])])

    def rows_with_suspect_quotes(self) -> Rows:
        """Which documents hold a curly quote that may point the wrong way (see the module's docstring)."""
        data, offsets = self.data, self.offsets
        last = len(data) - 1
        leads = np.flatnonzero(self.lead_bytes == 0xE2)
        at = self.leads[leads]
        third = data.take(np.minimum(at + 2, last))
        leads = leads[(data.take(np.minimum(at + 1, last)) == 0x80) & ((third & 0xFA) == 0x98)]
        quotes = self.leads[leads]
        if not len(quotes):
            return self.rows_of_leads(leads)
        kind = data.take(quotes + 2)
        rows = self.lead_rows[leads]
        following = quotes + 3
        # The neighbouring bytes, widened to hold _EDGE too.
        previous = data.take(quotes - 1).astype(np.int16)
        next_ = data.take(np.minimum(following, last)).astype(np.int16)
        before = _FLAGS[np.where(quotes > offsets[rows], previous, _EDGE)]
        after = _FLAGS[np.where(following < offsets[rows + 1], next_, _EDGE)]
        # The neighbours each screen on text asks for (a quote before or after is non-ASCII: unknown).
        opens_before = (before & (_OUTSIDE | _SPACE | _OPENER | _DASH | _UNKNOWN)) != 0
        word_before = (before & (_OUTSIDE | _SPACE | _OPENER)) == 0
        closes_after = (after & (_OUTSIDE | _SPACE | _CLOSER | _UNKNOWN)) != 0
        word_after = (after & (_OUTSIDE | _SPACE | _CLOSER)) == 0
        letter_after = (after & (_LETTER | _UNKNOWN)) != 0
        alnum_around = ((before & (_ALNUM | _UNKNOWN)) != 0) & ((after & (_ALNUM | _UNKNOWN)) != 0)
        suspect = np.select(
            [kind == _LEFT_DOUBLE, kind == _RIGHT_DOUBLE, kind == _RIGHT_SINGLE],
            [word_before & closes_after, opens_before & word_after, opens_before & letter_after],
            (word_before & closes_after) | alnum_around,  # ‘
        )
        return self._marked_rows(rows[suspect])


def marked_bytes(data: np.ndarray[Any, np.dtype[np.uint8]], start: int, end: int, kept: bytes) -> Positions:
    """The positions from ``start`` to ``end`` in ``data`` of the bytes that start a non-ASCII
    character (no continuation byte) and of the ASCII bytes ``kept``, in order.

    The bytes are compared a piece of ``PIECE`` at a time, into the same two arrays of
    flags: a comparison over the whole buffer would write a new array the buffer's size,
    out to memory and back (and, where the allocator gives large blocks back to the system
    at once, mapped afresh page by page), for each kind of byte.

        >>> text = np.frombuffer("Fish & chips, £5\\r\\n".encode(), dtype=np.uint8)
        >>> marked_bytes(text, 0, len(text), b"&\\r").tolist()
        [5, 14, 17]
    """
    # Controls are found at once (text has few bytes below 0x20: line breaks and tabs).
    below = max((value + 1 for value in kept if value < 0x20), default=0)
    others = [value for value in kept if value >= below]
    flags = np.zeros(-(-min(PIECE, end - start) // 8) * 8, dtype=bool)
    scratch = np.empty_like(flags)
    found = [np.flatnonzero(flags[:0])]
    for begin in range(start, end, PIECE):
        piece = data[begin : min(end, begin + PIECE)]
        marked = np.greater_equal(piece, 0xC0, out=flags[: len(piece)])
        if below:
            marked |= np.less(piece, below, out=scratch[: len(piece)])
        for value in others:
            marked |= np.equal(piece, value, out=scratch[: len(piece)])
        # Few bytes are marked: the flags are first read eight at a time, as words, and only
        # the words holding a mark one by one.
        flags[len(piece) : -(-len(piece) // 8) * 8] = False
        words = flags[: -(-len(piece) // 8) * 8].view(np.uint64)
        marked_words = np.flatnonzero(words != 0)
        within = np.flatnonzero(words[marked_words].view(np.bool_))
        found.append(marked_words[within >> 3] * 8 + (within & 7) + begin)
    positions = np.concatenate(found)
    wanted = np.zeros(256, dtype=bool)
    wanted[0xC0:] = True
    wanted[list(kept)] = True
    return positions[wanted.take(data.take(positions))]


# Bytes compared at a time: a piece and its flags stay in the CPU's cache.
PIECE = 1 << 18


# What a byte next to a quote may be, as bit flags. The index past the bytes, _EDGE,
# stands for the start or the end of the document.
_SPACE, _OPENER, _DASH, _CLOSER, _LETTER, _ALNUM, _UNKNOWN, _OUTSIDE = (1 << bit for bit in range(8))
_EDGE = 256


def _flags() -> np.ndarray[Any, np.dtype[np.uint8]]:
    flags = np.zeros(257, dtype=np.uint8)
    for byte in range(0x80):
        char = chr(byte)
        flags[byte] = (
            _SPACE * bool(re.match(r"\s", char))
            | _OPENER * (char in OPENERS)
            | _DASH * (char in DASHES)
            | _CLOSER * (char in CLOSERS)
            | _LETTER * bool(re.match(r"[^\W\d_]", char))
            | _ALNUM * bool(re.match(r"[^\W_]", char))
        )
    flags[0x80:256] = _UNKNOWN
    flags[_EDGE] = _OUTSIDE
    return flags


_FLAGS = _flags()
# By the first byte of a character of two to four bytes: its length, and the bits of the code point it holds.
_LENGTH = np.array([1] * 0xC0 + [2] * 32 + [3] * 16 + [4] * 16, dtype=np.uint8)
_LEAD_BITS: np.ndarray[Any, np.dtype[np.int32]] = np.array(
    [0] * 0xC0 + [byte & (0x7F >> _LENGTH[byte]) for byte in range(0xC0, 256)], dtype=np.int32
)
# The third bytes of ’ “ ” (E2 80 99, 9C, 9D); ‘ is E2 80 98.
_RIGHT_SINGLE, _LEFT_DOUBLE, _RIGHT_DOUBLE = 0x99, 0x9C, 0x9D
