"""Edits: the one record of what cleaning changed, and where.

Every step can describe its work as a list of :class:`Edit` objects — spans of
*its own input* and what replaces them. :func:`explain` needs more than that: a
user wants to know which characters of *their* text changed, so the edits of
each step are composed into :class:`Change` objects whose offsets point into the
original input. When a later step rewrites text an earlier step produced (a
mojibake repair yields ``“`` and quote repair then turns it into ``”``), the two
become one change naming both steps, so the changes never overlap and applying
them to the input always rebuilds the output.

Changes are as small as the repairs: a step reports one edit per repair (an
entity, a misread sequence, a styled word), and a step that rewrites whole
lines reports only the runs that differ (:func:`diff_edits`), never the text it
left as it was between them. That is what lets any span of the output be mapped
back to the input it came from (:mod:`presswash.alignment`).

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
    ``output_start`` is where ``replacement`` begins in the cleaned text, so a
    change points at both texts (see :mod:`presswash.alignment`).
    ``detail`` joins the details of the edits behind it with ``; ``.
    """

    step: str
    start: int
    end: int
    original: str
    replacement: str
    output_start: int
    detail: str = field(default="", repr=False)

    @property
    def output_end(self) -> int:
        """Where ``replacement`` ends in the cleaned text."""
        return self.output_start + len(self.replacement)


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


def replace_characters(text: str, replacements: Iterable[tuple[int, str]]) -> str:
    """``text`` with the character at each position replaced by the one given with it.

    What :func:`splice` does for replacements that each swap one character for one,
    in any order, without cutting the text into pieces: for many of them (quote
    repair on quote-dense text) it is several times faster.

    >>> replace_characters("a-b-c", [(3, "+"), (1, "+")])
    'a+b+c'
    """
    characters = list(text)
    for position, character in replacements:
        characters[position] = character
    return "".join(characters)


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
    """The edits that turn ``before`` into ``after``, one per run of differing characters.

    Used for steps whose fix is not a list of local substitutions (normalization
    reorders marks, transliteration rewrites a line): a change must cover only
    characters that differ, so the text the two share — between the first and
    the last difference too — is kept out of the edits. After each difference
    the two texts are taken up again at the nearest characters they share, in
    time linear in their length (a full diff would be quadratic on long lines).

    >>> diff_edits("caf\u00e9 cr\u00e8me", "cafe creme")
    [Edit(start=3, end=4, replacement='e'), Edit(start=7, end=8, replacement='e')]
    >>> diff_edits("same", "same")
    []
    """
    if before == after:
        return []
    prefix = _common_prefix_length(before, after)
    suffix = _common_prefix_length(before[prefix:][::-1], after[prefix:][::-1])
    return [
        Edit(prefix + start, prefix + end, after[prefix + out_start : prefix + out_end])
        for start, end, out_start, out_end in _differing_runs(
            before[prefix : len(before) - suffix], after[prefix : len(after) - suffix]
        )
    ]


def _common_prefix_length(first: str, second: str, first_at: int = 0, second_at: int = 0) -> int:
    """How many characters ``first[first_at:]`` and ``second[second_at:]`` share at their start.

    Compares slices that double while they match and halve when they do not, so
    a long shared run costs a few comparisons made in C.

    >>> _common_prefix_length("abcdef", "abcxyz"), _common_prefix_length("xabc", "abd", 1)
    (3, 2)
    """
    limit = min(len(first) - first_at, len(second) - second_at)
    length = 0
    step = 1
    while step:
        end = length + step
        if (
            end <= limit
            and first[first_at + length : first_at + end] == second[second_at + length : second_at + end]
        ):
            length = end
            step *= 2
        else:
            step //= 2
    return length


class _Occurrences:
    """Where each character of a text occurs, asked for at positions that never move back."""

    def __init__(self, text: str) -> None:
        self._positions: dict[str, list[int]] = {}
        for position, character in enumerate(text):
            self._positions.setdefault(character, []).append(position)
        self._next: dict[str, int] = {}

    def first(self, character: str, position: int) -> int | None:
        """The first occurrence of ``character`` at or after ``position``, if any."""
        positions = self._positions.get(character)
        if positions is None:
            return None
        index = self._next.get(character, 0)
        while index < len(positions) and positions[index] < position:
            index += 1
        self._next[character] = index
        return positions[index] if index < len(positions) else None


def _differing_runs(before: str, after: str) -> list[tuple[int, int, int, int]]:
    """Each ``(start, end, out_start, out_end)``: ``before[start:end]`` became ``after[out_start:out_end]``.

    Walks both texts while they agree. Where they differ, it takes them up again
    at the nearest pair of equal characters — the fewest characters skipped on
    both sides together — found by looking a growing distance ahead on each
    side until the distance reaches the best skip so far. The look-ahead costs no
    more than the characters the skip then consumes (or the rest of the texts,
    when they share nothing more), so the whole walk is linear.

    >>> _differing_runs("x\u00c3\u00a9t\u00c3\u00a9", "x\u00e9t\u00e9")
    [(1, 3, 1, 2), (4, 6, 3, 4)]
    """
    runs: list[tuple[int, int, int, int]] = []
    occurrences: tuple[_Occurrences, _Occurrences] | None = None
    i = j = 0
    while True:
        shared = _common_prefix_length(before, after, i, j)
        i += shared
        j += shared
        if i == len(before) or j == len(after):
            break
        if occurrences is None:
            if set(before).isdisjoint(after):  # nothing to take up again at (a whole line re-decoded)
                break
            occurrences = (_Occurrences(before), _Occurrences(after))
        skip = _nearest_agreement(before, after, i, j, *occurrences)
        if skip is None:
            break
        skipped, out_skipped = skip
        # What agrees just before the place found is no part of the run.
        while skipped and out_skipped and before[i + skipped - 1] == after[j + out_skipped - 1]:
            skipped -= 1
            out_skipped -= 1
        runs.append((i, i + skipped, j, j + out_skipped))
        i += skip[0]
        j += skip[1]
    if i < len(before) or j < len(after):
        runs.append((i, len(before), j, len(after)))
    return runs


# While only a lone agreeing character is found, look on for two in a row at most this much
# further than its skip, times and plus: a bound that keeps the walk linear.
LOOK_ON_FACTOR = 4
LOOK_ON_SLACK = 16


def _nearest_agreement(
    before: str, after: str, i: int, j: int, in_before: _Occurrences, in_after: _Occurrences
) -> tuple[int, int] | None:
    """The skip ``(a, b)`` with ``before[i + a] == after[j + b]`` and ``a + b`` least, if any.

    A lone equal character is weak evidence (the ``s`` inside ``&rsquo;s`` is not
    the ``s`` of ``’s``), so a skip after which two characters agree (or both
    texts end) is preferred when one is found not much further away.

    >>> _nearest_agreement("&rsquo;s", "’s", 0, 0, _Occurrences("&rsquo;s"), _Occurrences("’s"))
    (7, 1)
    """
    sure: tuple[int, int] | None = None
    weak: tuple[int, int] | None = None
    ahead = 0
    while True:
        if sure is not None:
            limit = sum(sure)
        elif weak is not None:
            limit = LOOK_ON_FACTOR * sum(weak) + LOOK_ON_SLACK
        else:
            limit = len(before) + len(after)
        if ahead >= limit:
            break
        candidates = []
        if i + ahead < len(before):
            found = in_after.first(before[i + ahead], j)
            if found is not None:
                candidates.append((ahead, found - j))
        if j + ahead < len(after):
            found = in_before.first(after[j + ahead], i)
            if found is not None:
                candidates.append((found - i, ahead))
        if i + ahead >= len(before) and j + ahead >= len(after):
            break
        for skip in candidates:
            if weak is None or sum(skip) < sum(weak):
                weak = skip
            if (sure is None or sum(skip) < sum(sure)) and _two_agree(
                before, after, i + skip[0], j + skip[1]
            ):
                sure = skip
        ahead += 1
    return sure or weak


def _two_agree(before: str, after: str, i: int, j: int) -> bool:
    """Whether ``before[i]`` and ``after[j]`` (equal) are followed by equal characters, or both texts end."""
    if i + 1 == len(before) or j + 1 == len(after):
        return i + 1 == len(before) and j + 1 == len(after)
    return before[i + 1] == after[j + 1]


def anchored_insertions(text: str, edits: Sequence[Edit]) -> list[Edit]:
    """``edits`` with each pure insertion joined to the character before it (or after it, at the start).

    An insertion has no input characters of its own, so a span of the output
    inside it could only point at an empty place in the input, and the way back
    would lose it. Reported with its neighbour (as Hugging Face normalizers
    align added characters), it maps like any other change.

    >>> anchored_insertions("ab", [Edit(1, 1, "-"), Edit(2, 2, "!")])
    [Edit(start=0, end=1, replacement='a-'), Edit(start=1, end=2, replacement='b!')]
    >>> anchored_insertions("ab", [Edit(0, 0, "<"), Edit(0, 1, "A")])
    [Edit(start=0, end=1, replacement='<A')]
    """
    result: list[Edit] = []
    pending = ""  # inserted at the very start, waiting for the edit or character that follows
    for edit in edits:
        if pending and edit.start > 0:
            result.append(Edit(0, 1, pending + text[0]))
            pending = ""
        if edit.start == edit.end and text:
            if result and result[-1].end == edit.start:
                last = result.pop()
                result.append(Edit(last.start, last.end, last.replacement + edit.replacement))
            elif edit.start > 0:
                result.append(Edit(edit.start - 1, edit.start, text[edit.start - 1] + edit.replacement))
            else:
                pending += edit.replacement
            continue
        if pending:
            edit = Edit(edit.start, edit.end, pending + edit.replacement)
            pending = ""
        result.append(edit)
    if pending:
        result.append(Edit(0, 1, pending + text[0]))
    return result


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
        input offset. Regions that only touch stay apart, unless both are
        empty (two insertions at one place have no order of their own).
        Linear in the number of edits and regions.
        """
        if not edits:
            return
        edits = anchored_insertions(self._current, edits)
        if not self._regions and self._current:
            self._record_first(step, edits)
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
            if clusters and (start < cluster_end or (start == cluster_end and empty and end_is_empty)):
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

    def _record_first(self, step: str, edits: Sequence[Edit]) -> None:
        """``record`` when nothing has changed yet: each edit, none of them empty, is a region as it is."""
        growth = 0
        for edit in edits:
            out_start = edit.start + growth
            out_end = out_start + len(edit.replacement)
            details = [edit.detail] if edit.detail else []
            self._regions.append(_Region([step], details, edit.start, edit.end, out_start, out_end))
            growth += len(edit.replacement) - (edit.end - edit.start)
        self._current = apply_edits(self._current, edits)

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
                        region.out_start,
                        "; ".join(region.details),
                    )
                )
        return result
