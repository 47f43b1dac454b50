"""The mojibake step's second chance: ftfy reads each line first, then what it declined is undone.

ftfy's heuristic is the first judge (:mod:`presswash.steps.mojibake`); what it
leaves goes to :mod:`presswash.steps.misreads`, which reads the whole text so
that a misread proven in one line is evidence for the others. Where ftfy
changed a line and left it odd, its reading is questioned: the second chance
also reads the line as it was, and the cleaner reading is kept.

    >>> lines = ["Nicol\\u00c3\\u00a1s\\n", "Jos\\u0413\\u00a9"]
    >>> [line for line, _ in second_chance("".join(lines), lines, ["Nicolás\\n", lines[1]], None)]
    ['Nicolás\\n', 'José']
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

from presswash.edits import ChangeLog, Edit
from presswash.sieve import NON_ASCII
from presswash.step import split_lines
from presswash.steps.central_european import prefer_iso_8859_2
from presswash.steps.ftfy_decoding import fix_encoding_and_explain
from presswash.steps.misread_classes import SELDOM_CORRECT_CHARACTER
from presswash.steps.misread_screen import may_hold_misread, misread_spots
from presswash.steps.misread_sequences import misread_edits as sequence_edits
from presswash.steps.misreads import misread_edits, undo_misreads
from presswash.steps.plausibility import IDEOGRAPHS_AND_KANA, RARE_LETTER, is_rare_ideograph, text_oddity

# A line ftfy repaired whose only sign of a wrong reading is rare ideographs is read again as it
# was only where they are at least this share of its ideographs and kana.
RARE_IDEOGRAPH_SHARE = 1 / 16
IDEOGRAPH_OR_KANA = re.compile(f"[{IDEOGRAPHS_AND_KANA}]")
# Passes of ftfy and the second chance over a text: undoing a misread that ftfy
# declined can leave one that ftfy knows (``Î–0ƒß``: Mac Roman, then Windows-1252).
MOST_PASSES = 3


def second_chance(
    text: str, lines: list[str], decoded: list[str], notable: str | None, explain: bool = False
) -> list[tuple[str, list[Edit]]]:
    """Each line of ``text`` repaired, and (if ``explain``) its repairs as edits of the input line.

    Repairs that read characters as Windows-1250, as ftfy prefers, are then
    read as ISO-8859-2 where the evidence says so
    (:mod:`presswash.steps.central_european`).
    """
    repaired = list(_repair_lines(text, lines, decoded, notable, explain))
    return prefer_iso_8859_2(lines, repaired, explain)


def _repair_lines(
    text: str, lines: list[str], decoded: list[str], notable: str | None, explain: bool
) -> Iterator[tuple[str, list[Edit]]]:
    """Each line of ``text`` repaired by ftfy and the second chance, and (if ``explain``) its edits.

    ftfy has read each line (``decoded``); the second chance then reads the
    whole text it left. Where ftfy changed a line and left it suspect, the
    second chance also reads the line as it was, and that reading is kept
    if it is cleaner: ftfy may have undone part of a misread it does not
    know as if it were another (``Ï¼`` of Arabic read as code page 850,
    taken for Windows-1252), or read a misread as the wrong codec
    (``Ć¶`` of German read as Windows-1257, taken for Windows-1250: ``ƶ``).
    """
    after_ftfy = "".join(decoded)
    untouched = decoded == lines
    # Text ftfy left as it was is here because the screen found a possible misread in it.
    screened = untouched and notable is not None
    left_odd = not screened and _left_odd(after_ftfy)
    suspect_text = screened or left_odd or may_hold_misread(after_ftfy)
    first = split_lines(undo_misreads(after_ftfy, screened=screened)) if suspect_text else decoded
    left_over: dict[int, int] = {}
    if suspect_text and not untouched:
        # The lines ftfy changed whose repair still holds what a wrong reading leaves or a
        # possible misread.
        repaired = "".join(first)
        positions = misread_spots(repaired)
        if left_odd or repaired != after_ftfy:
            positions += [
                found.start()
                for pattern in (RARE_LETTER, SELDOM_CORRECT_CHARACTER)
                for found in pattern.finditer(repaired)
            ]
        starts = list(itertools.accumulate(map(len, first), initial=0))
        by_line: dict[int, set[int]] = {}
        for position in positions:
            by_line.setdefault(bisect.bisect_right(starts, position) - 1, set()).add(position)
        for index in sorted(by_line):
            if decoded[index] != lines[index] and not _rare_of_its_own(
                repaired, by_line[index], first[index]
            ):
                left_over[index] = text_oddity(first[index])
    suspect = [index for index, odd in left_over.items() if odd > 0]
    as_it_was = "".join(lines[index] for index in suspect)
    second = dict(zip(suspect, split_lines(undo_misreads(as_it_was)), strict=True)) if suspect else {}
    first_edits = _edits_by_line(after_ftfy, decoded) if explain else None
    second_edits = (
        dict(zip(suspect, _edits_by_line(as_it_was, [lines[i] for i in suspect]), strict=True))
        if explain
        else {}
    )
    for index, line in enumerate(lines):
        if index in second and text_oddity(second[index]) < left_over[index]:
            yield second[index], second_edits[index] if explain else []
        elif first_edits is None:
            yield first[index], []
        else:
            log = ChangeLog(line)
            ftfy_edits = sequence_edits(line, decoded[index])
            if ftfy_edits:
                detail = ftfy_detail(line)
                log.record("mojibake", [replace(edit, detail=detail) for edit in ftfy_edits])
            log.record("mojibake", first_edits[index])
            yield first[index], [Edit(c.start, c.end, c.replacement, c.detail) for c in log.changes]


def _rare_of_its_own(text: str, positions: set[int], line: str) -> bool:
    """Whether the characters of ``text`` at ``positions``, in its line ``line``, are all rare
    ideographs, and fewer than ``RARE_IDEOGRAPH_SHARE`` of the line's ideographs and kana: Chinese
    or Japanese holds rare ideographs of its own (``诟病``), where a wrong reading leaves one for
    each character it misread (``10月`` read as ISO-8859-2, which ftfy takes for Windows-1257, is
    ``10㜈``).

    >>> chinese = "遭到在校生的诟病。" * 3
    >>> _rare_of_its_own("10\u3708", {2}, "10\u3708"), _rare_of_its_own(chinese, {6}, chinese)
    (False, True)
    """
    if not all(is_rare_ideograph(text[position]) for position in positions):
        return False
    return len(positions) < RARE_IDEOGRAPH_SHARE * len(IDEOGRAPH_OR_KANA.findall(line))


def _left_odd(text: str) -> bool:
    """Whether ``text`` holds what a wrong reading leaves and correct text seldom holds: a rare
    letter (``ƒ``), or a rare ideograph, halfwidth katakana or private-use character (ftfy may read
    ``月`` misread as ISO-8859-2 as Windows-1257, which gives ``㜈``). Both are beyond ASCII: the
    text sieved of its ASCII, much shorter in most languages, is searched."""
    beyond_ascii = NON_ASCII(text)
    return (
        RARE_LETTER.search(beyond_ascii) is not None
        or SELDOM_CORRECT_CHARACTER.search(beyond_ascii) is not None
    )


def _edits_by_line(text: str, lines: list[str]) -> list[list[Edit]]:
    """The second chance's edits of ``text`` (made of ``lines``), by line, each relative to its line."""
    edits = misread_edits(text)
    by_line: list[list[Edit]] = []
    start = 0
    for line in lines:
        end = start + len(line)
        by_line.append(
            [replace(e, start=e.start - start, end=e.end - start) for e in edits if start <= e.start < end]
        )
        start = end
    return by_line


def ftfy_detail(line: str) -> str:
    """What ftfy undid in ``line``, in the words of :mod:`presswash.steps.misreads`.

    >>> ftfy_detail("Mayor\\u00e2\\u20ac\\u2122s")
    'utf-8 read as windows-1252'
    """
    _, readings = fix_encoding_and_explain(line)
    codecs = [codec.removeprefix("sloppy-") for kind, codec in readings if kind == "encode"]
    codecs.reverse()  # ftfy undoes the last misread first
    details = ["utf-8 read as " + ", then as ".join(codecs)] if codecs else []
    # ftfy's repair of mojibake in parts of a line reads them as Windows-1252.
    in_parts = "utf-8 read as windows-1252"
    if ("apply", "decode_inconsistent_utf8") in readings and in_parts not in details:
        details.append(in_parts)
    return "; ".join(details) or "C1 controls read as windows-1252"
