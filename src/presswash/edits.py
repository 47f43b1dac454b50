"""Edits: the one record of what cleaning changed, and where.

Every step can describe its work as a list of :class:`Edit` objects — spans of
*its own input* and what replaces them. :func:`explain` needs more than that: a
user wants to know which characters of *their* text changed, so the edits of
each step are composed into :class:`Change` objects whose offsets point into the
original input. When a later step rewrites text an earlier step produced (a
mojibake repair yields ``“`` and quote repair then turns it into ``”``), the two
become one change naming both steps, so the changes never overlap and applying
them to the input always rebuilds the output.

    >>> log = ChangeLog("Mayor\u00e2\u20ac\u2122s \ufb01le")
    >>> log.record("mojibake", [Edit(5, 8, "\u2019")])
    >>> log.record("ligatures", [Edit(8, 9, "fi")])
    >>> [(c.step, c.start, c.end, c.original, c.replacement) for c in log.changes]
    [('mojibake', 5, 8, 'â€™', '’'), ('ligatures', 10, 11, 'ﬁ', 'fi')]
    >>> apply_changes("Mayor\u00e2\u20ac\u2122s \ufb01le", log.changes)
    'Mayor’s file'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of a step's input with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Change:
    """One change to the caller's input: ``original`` at ``[start, end)`` became ``replacement``.

    ``step`` names the step that made it; when several steps rewrote the same
    characters their names are joined with ``+`` in the order they ran.
    """

    step: str
    start: int
    end: int
    original: str
    replacement: str


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits, given in order, to ``text``.

    >>> apply_edits("a-b-c", [Edit(1, 2, "+"), Edit(3, 4, "")])
    'a+bc'
    """
    pieces: list[str] = []
    position = 0
    for edit in edits:
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """Rebuild the cleaned text from the input and its changes."""
    return apply_edits(text, (Edit(c.start, c.end, c.replacement) for c in changes))


def diff_edits(before: str, after: str) -> list[Edit]:
    """The smallest single edit that turns ``before`` into ``after``.

    Used for steps whose fix is not a list of local substitutions (a mojibake
    repair re-decodes a whole line; normalization reorders marks): their change
    is reported as the span between the first and the last differing character.

    >>> diff_edits("caf\u00c3\u00a9 ok", "caf\u00e9 ok")
    [Edit(start=3, end=5, replacement='é')]
    >>> diff_edits("same", "same")
    []
    """
    if before == after:
        return []
    limit = min(len(before), len(after))
    prefix = 0
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    return [Edit(prefix, len(before) - suffix, after[prefix : len(after) - suffix])]


@dataclass(slots=True)
class _Region:
    """A changed region: input ``[in_start, in_end)`` is now output ``[out_start, out_end)``."""

    steps: list[str]
    in_start: int
    in_end: int
    out_start: int
    out_end: int


class ChangeLog:
    """Composes the edits of successive steps into changes to the original input."""

    def __init__(self, original: str) -> None:
        self._original = original
        self._current = original
        self._regions: list[_Region] = []

    @property
    def text(self) -> str:
        """The text as it stands after every recorded step."""
        return self._current

    def record(self, step: str, edits: Sequence[Edit]) -> None:
        """Record a step's edits, given in order as spans of the current text."""
        # Right to left, so the spans of the edits still to come stay valid.
        for edit in reversed(edits):
            self._record_one(step, edit)

    def _record_one(self, step: str, edit: Edit) -> None:
        start, end = edit.start, edit.end
        touching = [r for r in self._regions if _touches(r, start, end)]
        untouched = [r for r in self._regions if not _touches(r, start, end)]
        out_start = min([start] + [r.out_start for r in touching])
        out_end = max([end] + [r.out_end for r in touching])
        in_start = self._input_offset(out_start, untouched, touching, side="start")
        in_end = self._input_offset(out_end, untouched, touching, side="end")
        steps: list[str] = []
        for region in sorted(touching, key=lambda r: r.out_start):
            steps.extend(s for s in region.steps if s not in steps)
        if step not in steps:
            steps.append(step)

        growth = len(edit.replacement) - (end - start)
        self._current = self._current[:start] + edit.replacement + self._current[end:]
        for region in untouched:
            if region.out_start >= end:
                region.out_start += growth
                region.out_end += growth
        merged = _Region(steps, in_start, in_end, out_start, out_end + growth)
        self._regions = sorted([*untouched, merged], key=lambda r: r.out_start)

    @staticmethod
    def _input_offset(out_offset: int, untouched: list[_Region], touching: list[_Region], side: str) -> int:
        for region in touching:
            if side == "start" and region.out_start == out_offset:
                return region.in_start
            if side == "end" and region.out_end == out_offset:
                return region.in_end
        shift = sum(
            (r.out_end - r.out_start) - (r.in_end - r.in_start) for r in untouched if r.out_end <= out_offset
        )
        return out_offset - shift

    @property
    def changes(self) -> list[Change]:
        """The changes so far, in input order, excluding regions that changed back."""
        result = []
        for region in self._regions:
            original = self._original[region.in_start : region.in_end]
            replacement = self._current[region.out_start : region.out_end]
            if original != replacement:
                result.append(
                    Change("+".join(region.steps), region.in_start, region.in_end, original, replacement)
                )
        return result


def _touches(region: _Region, start: int, end: int) -> bool:
    """Whether an edit of ``[start, end)`` must merge with ``region``.

    Overlapping spans merge; so do spans that merely meet when either is empty,
    since an insertion at the edge of a replaced region has no input position of
    its own.
    """
    if region.out_start < end and start < region.out_end:
        return True
    either_empty = start == end or region.out_start == region.out_end
    return either_empty and start <= region.out_end and region.out_start <= end
