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
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of a step's input with ``replacement``.

    ``detail`` says what the step undid, where it can tell (a mojibake repair
    names the misread: ``"utf-8 read as windows-1251"``); empty otherwise.
    """

    start: int
    end: int
    replacement: str
    detail: str = field(default="", repr=False)


@dataclass(frozen=True, slots=True)
class Change:
    """One change to the caller's input: ``original`` at ``[start, end)`` became ``replacement``.

    ``step`` names the step that made it; when several steps rewrote the same
    characters their names are joined with ``+`` in the order they ran.
    ``detail`` joins the details of the edits behind it with ``; ``.
    """

    step: str
    start: int
    end: int
    original: str
    replacement: str
    detail: str = field(default="", repr=False)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits, given in order, to ``text``.

    >>> apply_edits("a-b-c", [Edit(1, 2, "+"), Edit(3, 4, "")])
    'a+bc'
    """
    return splice(text, ((edit.start, edit.end, edit.replacement) for edit in edits))


def splice(text: str, replacements: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, replacement)``, in order and not overlapping, put in.

    What ``apply_edits`` does, for a step that makes many edits of its own and
    need not build an :class:`Edit` for each (quote repair on quote-dense text).

    >>> splice("a-b-c", [(1, 2, "+"), (3, 4, "")])
    'a+bc'
    """
    pieces: list[str] = []
    position = 0
    for start, end, replacement in replacements:
        pieces += (text[position:start], replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def apply_changes(text: str, changes: Sequence[Change]) -> str:
    """Rebuild the cleaned text from the input and its changes."""
    return apply_edits(text, (Edit(c.start, c.end, c.replacement) for c in changes))


def edits_of_pieces(pieces: Iterable[tuple[str, Iterable[Edit]]]) -> list[Edit]:
    """The edits of a text cut into consecutive pieces, each given with its own edits.

    Steps that work line by line (or segment by segment) report edits relative
    to the line; this shifts them to the line's offset in the whole text.

    >>> edits_of_pieces([("ab\\n", [Edit(0, 1, "A")]), ("cd", [Edit(1, 2, "D")])])
    [Edit(start=0, end=1, replacement='A'), Edit(start=4, end=5, replacement='D')]
    """
    found: list[Edit] = []
    offset = 0
    for piece, edits in pieces:
        found.extend(
            Edit(edit.start + offset, edit.end + offset, edit.replacement, edit.detail) for edit in edits
        )
        offset += len(piece)
    return found


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
    details: list[str]
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
        """Record a step's edits, given in order as non-overlapping spans of the current text.

        One sweep over the edits and the regions changed so far, in text order,
        gathers each edit with the regions it overlaps into a cluster; a cluster
        becomes one region whose input span runs from its first to its last
        input offset. Linear in the number of edits and regions.
        """
        if not edits:
            return
        items = sorted(
            [(r.out_start, r.out_end, r, None) for r in self._regions]
            + [(e.start, e.end, None, e) for e in edits],
            key=lambda item: (item[0], item[1]),
        )
        clusters: list[list[tuple[int, int, _Region | None, Edit | None]]] = []
        cluster_end = -1
        end_is_empty = False
        for item in items:
            start, end = item[0], item[1]
            empty = start == end
            if clusters and (start < cluster_end or (start == cluster_end and (empty or end_is_empty))):
                clusters[-1].append(item)
            else:
                clusters.append([item])
            if end > cluster_end or not clusters[-1][:-1]:
                cluster_end, end_is_empty = end, empty

        pieces: list[str] = []
        regions: list[_Region] = []
        shift = 0  # output length minus input length of everything before the cluster
        growth = 0  # how much this step has lengthened the text before the cluster
        position = 0
        for cluster in clusters:
            if all(item[3] is None for item in cluster):  # regions this step left alone
                for _, _, region, _ in cluster:
                    assert region is not None
                    region.out_start += growth
                    region.out_end += growth
                    regions.append(region)
                    shift += (region.out_end - region.out_start) - (region.in_end - region.in_start)
                continue
            out_start = min(item[0] for item in cluster)
            out_end = max(item[1] for item in cluster)
            old_regions = [item[2] for item in cluster if item[2] is not None]
            cluster_edits = [item[3] for item in cluster if item[3] is not None]
            first = min(old_regions, key=lambda r: (r.out_start, r.in_start), default=None)
            last = max(old_regions, key=lambda r: (r.out_end, r.in_end), default=None)
            in_start = first.in_start if first and first.out_start == out_start else out_start - shift
            in_end = (
                last.in_end
                if last and last.out_end == out_end
                else out_end
                - shift
                - (sum((r.out_end - r.out_start) - (r.in_end - r.in_start) for r in old_regions))
            )
            replacement = apply_edits(
                self._current[out_start:out_end],
                (Edit(e.start - out_start, e.end - out_start, e.replacement) for e in cluster_edits),
            )
            steps: list[str] = []
            details: list[str] = []
            for region in old_regions:
                steps.extend(name for name in region.steps if name not in steps)
                details.extend(detail for detail in region.details if detail not in details)
            if step not in steps:
                steps.append(step)
            details.extend(e.detail for e in cluster_edits if e.detail and e.detail not in details)
            pieces.append(self._current[position:out_start])
            pieces.append(replacement)
            position = out_end
            new_start = out_start + growth
            regions.append(_Region(steps, details, in_start, in_end, new_start, new_start + len(replacement)))
            growth += len(replacement) - (out_end - out_start)
            shift += (out_end - out_start) - (in_end - in_start)
        pieces.append(self._current[position:])
        self._current = "".join(pieces)
        self._regions = regions

    @property
    def changes(self) -> list[Change]:
        """The changes so far, in input order, excluding regions that changed back."""
        result = []
        for region in self._regions:
            original = self._original[region.in_start : region.in_end]
            replacement = self._current[region.out_start : region.out_end]
            if original != replacement:
                result.append(
                    Change(
                        "+".join(region.steps),
                        region.in_start,
                        region.in_end,
                        original,
                        replacement,
                        "; ".join(region.details),
                    )
                )
        return result
