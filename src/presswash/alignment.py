"""Alignment: which span of the input a span of the cleaned text came from, and back.

A pipeline that finds names in cleaned text must point at them in the text it
was given (the archived article, the raw HTML, a WARC record), as tokenizers'
normalizers keep offsets for the same reason. The changes of an explanation
are enough for that: they are minimal and do not overlap, and between them the
two texts are the same character for character, so a position outside every
change moves only by how much the changes before it lengthened the text.

The rules, the same in both directions:

- inside unchanged text the mapping is exact, one character to one character;
- a span that overlaps a change widens to the whole of that change on the other side;
- text that a change removed (a change empty on the span's side) belongs to a
  span only when it lies strictly inside the span.

    >>> changes = [Change("html", 2, 7, "&amp;", "&", 2), Change("invisible", 11, 12, "\u00ad", "", 7)]
    >>> alignment = Alignment(changes, input_length=14)  # "AT&amp;T co\u00adop" -> "AT&T coop"
    >>> alignment.input_span(0, 4)  # "AT&T"
    (0, 8)
    >>> alignment.input_span(3, 4)  # "T": one character to one character
    (7, 8)
    >>> alignment.input_span(2, 3), alignment.output_span(4, 5)  # "&" and the entity's "m"
    ((2, 7), (2, 3))
    >>> alignment.input_span(5, 9), alignment.input_span(5, 7)  # "coop" holds the soft hyphen, "co" not
    ((9, 14), (9, 11))
"""

from __future__ import annotations

import operator
from bisect import bisect_right
from collections.abc import Sequence

from presswash.edits import Change


class _Direction:
    """The map from one side of the changes (the source) to the other."""

    def __init__(
        self,
        source: tuple[list[int], list[int]],
        target: tuple[list[int], list[int]],
        source_length: int,
        side: str,
    ) -> None:
        self._starts, self._ends = source
        self._target_starts, self._target_ends = target
        self._length = source_length
        self._side = side

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the other side that ``[start, end)`` of the source came from or became."""
        try:
            start, end = operator.index(start), operator.index(end)
        except TypeError:
            raise TypeError(
                f"a span is two integers, not {type(start).__name__} and {type(end).__name__}"
            ) from None
        if not 0 <= start <= end <= self._length:
            raise ValueError(
                f"span ({start!r}, {end!r}) is not a span of the {self._side} text, "
                f"which has {self._length} characters: expected 0 <= start <= end <= {self._length}"
            )
        if start == end:
            inside = self._change_around(start)
            if inside is not None:
                return self._target_starts[inside], self._target_ends[inside]
            return self._start(start), self._start(start)
        return self._start(start), self._end(end)

    def _change_around(self, position: int) -> int | None:
        """The change whose source span holds ``position`` strictly inside it, if any."""
        index = bisect_right(self._ends, position)  # the first change that ends after ``position``
        if index < len(self._starts) and self._starts[index] < position:
            return index
        return None

    def _start(self, position: int) -> int:
        """Where a span that starts at ``position`` starts on the other side."""
        inside = self._change_around(position)
        if inside is not None:
            return self._target_starts[inside]
        # Changes that end at or before ``position``: a removal right there is left out of the span.
        return self._after(bisect_right(self._ends, position), position)

    def _end(self, position: int) -> int:
        """Where a span that ends at ``position`` ends on the other side."""
        inside = self._change_around(position)
        if inside is not None:
            return self._target_ends[inside]
        before = bisect_right(self._ends, position)
        while before and self._starts[before - 1] == position:  # a removal right there: left out
            before -= 1
        return self._after(before, position)

    def _after(self, changes_before: int, position: int) -> int:
        """``position``, in unchanged text after the first ``changes_before`` changes, on the other side."""
        if not changes_before:
            return position
        last = changes_before - 1
        return position - self._ends[last] + self._target_ends[last]


class Alignment:
    """Maps spans between an input and its cleaned text, given the changes between them."""

    def __init__(self, changes: Sequence[Change], input_length: int) -> None:
        inputs = ([change.start for change in changes], [change.end for change in changes])
        outputs = ([change.output_start for change in changes], [change.output_end for change in changes])
        output_length = input_length + sum(
            len(change.replacement) - (change.end - change.start) for change in changes
        )
        self._changes = changes
        self._output_length = output_length
        self._to_input = _Direction(outputs, inputs, output_length, "cleaned")
        self._to_output = _Direction(inputs, outputs, input_length, "input")

    def input_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the input that ``[start, end)`` of the cleaned text came from."""
        return self._to_input.span(start, end)

    def output_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the cleaned text that ``[start, end)`` of the input became."""
        return self._to_output.span(start, end)

    def input_offsets(self) -> list[int]:
        """For each boundary ``0 … len(cleaned)`` of the cleaned text, its position in the input.

        Non-decreasing. A span ``[s, e)`` of the cleaned text that starts and ends
        in unchanged text, away from removed text, is ``[offsets[s], offsets[e])``
        in the input. A boundary inside a change's replacement maps to where the
        change starts, and one where text was removed maps past it (where a span
        starting there starts); :meth:`input_span` applies the full rules.

        >>> Alignment([Change("html", 3, 8, "&amp;", "&", 3)], input_length=9).input_offsets()
        [0, 1, 2, 3, 8, 9]
        >>> Alignment([Change("mojibake", 1, 3, "Ã©", "é", 1)], input_length=4).input_offsets()
        [0, 1, 3, 4]
        """
        offsets: list[int] = []
        output_position = input_position = 0
        for change in self._changes:
            offsets.extend(range(input_position, input_position + change.output_start - output_position))
            offsets.extend([change.start] * len(change.replacement))
            output_position, input_position = change.output_end, change.end
        offsets.extend(range(input_position, input_position + self._output_length - output_position + 1))
        return offsets
