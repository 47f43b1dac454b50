"""A mojibake repair as one change per misread sequence.

A repaired line differs from the broken one wherever a character was misread,
and a plain diff of the two finds the differing runs but not always the
sequences: ``Â£5`` became ``£5``, and the ``£`` both share makes the diff report
only a lost ``Â``; ``â€œÃ‰`` became ``“É``, two sequences side by side that a
diff cannot tell apart. The decoding knows better. UTF-8 that was read with a
one-byte codec turns each byte into one character, so each character of the
repair came from exactly as many characters as it has bytes in UTF-8: ``£``
(two bytes) from ``Â£``, ``“`` (three) from ``â€œ``. Each run of non-ASCII
characters is decoded on its own (ASCII is never part of a sequence), and runs
decoded twice (``Ã¢â‚¬â„¢``) are composed into one change.

What that does not rebuild of the repaired line (ftfy's repairs of flattened
non-breaking spaces, lossy sequences and surrogates; quotes that the ``ftfy``
preset then straightens) is found by a diff (:func:`~presswash.edits.diff_edits`)
and composed with the sequences, so the edits always rebuild the repair.

    >>> line = "costs \u00c2\u00a35, \u00e2\u20ac\u0153\u00c3\u2030t\u00c3\u00a9\u00e2\u20ac\x9d"
    >>> [(line[edit.start : edit.end], edit.replacement) for edit in misread_edits(line, "costs £5, “Été”")]
    [('Â£', '£'), ('â€œ', '“'), ('Ã‰', 'É'), ('Ã©', 'é'), ('â€\x9d', '”')]
"""

from __future__ import annotations

import re

from ftfy.chardata import C1_CONTROL_RE, CHARMAP_ENCODINGS

from presswash.edits import ChangeLog, Edit, diff_edits

NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")
# Mojibake of mojibake of mojibake is the most seen in the wild; past that, the diff.
MOST_LAYERS = 3


def misread_edits(line: str, repaired: str) -> list[Edit]:
    """The edits that turn ``line`` into its mojibake repair ``repaired``, one per misread sequence."""
    if line == repaired:
        return []
    log = ChangeLog(line)
    for _ in range(MOST_LAYERS):
        if log.text == repaired:
            break
        log.record("mojibake", _decoded_sequences(log.text))
    if log.text != repaired:
        log.record("mojibake", _c1_controls(log.text))
    if log.text != repaired:
        log.record("mojibake", diff_edits(log.text, repaired))
    return [Edit(change.start, change.end, change.replacement, change.detail) for change in log.changes]


def _decoded_sequences(text: str) -> list[Edit]:
    """One edit per character of the runs of ``text`` that decode as UTF-8 read with a one-byte codec.

    >>> _decoded_sequences("a \\u00c3\\u00a1 b \\u00e9")  # é alone is no UTF-8
    [Edit(start=2, end=4, replacement='á')]
    >>> _decoded_sequences("a \\u00c3\\u00a1")[0].detail
    'utf-8 read as latin-1'
    """
    edits: list[Edit] = []
    for run in NON_ASCII_RUN.finditer(text):
        found = _decoded(run.group())
        if found is None:
            continue
        decoded, encoding = found
        detail = f"utf-8 read as {encoding.removeprefix('sloppy-')}"
        position = run.start()
        for character in decoded:
            length = len(character.encode("utf-8"))
            edits.append(Edit(position, position + length, character, detail))
            position += length
    return edits


def _decoded(run: str) -> tuple[str, str] | None:
    """``run`` read back as the UTF-8 it was, with the first of ftfy's codecs that can, if any,
    and that codec."""
    for encoding in CHARMAP_ENCODINGS:
        try:
            return run.encode(encoding).decode("utf-8"), encoding
        except UnicodeError:
            continue
    return None


def _c1_controls(text: str) -> list[Edit]:
    """C1 control characters read as Windows-1252, as ftfy's ``fix_c1_controls`` reads them."""
    edits: list[Edit] = []
    for control in C1_CONTROL_RE.finditer(text):
        try:
            edits.append(
                Edit(
                    control.start(),
                    control.end(),
                    control.group().encode("latin-1").decode("sloppy-windows-1252"),
                )
            )
        except UnicodeError:
            continue
    return edits
