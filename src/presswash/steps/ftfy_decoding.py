"""ftfy's decoding procedure, ``ftfy.fix_encoding``, at a fraction of its cost: ftfy's result,
character for character, and what each round of it undid.

ftfy's heuristic (``is_bad``) decides whether a line holds mojibake, and costs
more than all other cleaning together; yet it can only fire on a few lone
characters or on two adjacent characters of its alphabet (see
``scripts/generate_mojibake_table.py``). :func:`is_bad` tries it only around
those (:mod:`presswash.steps.mojibake_screen` finds them), and
:func:`fix_encoding` runs ftfy's rounds of attempts with that shortcut and with
quick byte-level checks in front of its costlier byte patterns.
:func:`fix_encoding_and_explain` says what each round undid, for ``explain()``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ftfy.badness import BADNESS_RE
from ftfy.chardata import (
    ALTERED_UTF8_RE,
    C1_CONTROL_RE,
    CHARMAP_ENCODINGS,
    UTF8_DETECTOR_RE,
)
from ftfy.fixes import (
    decode_inconsistent_utf8,
    fix_c1_controls,
    replace_lossy_sequences,
    restore_byte_a0,
)

from presswash.sieve import NON_ASCII
from presswash.steps._mojibake_table import LONGEST_MATCH
from presswash.steps.mojibake_screen import MAY_HOLD_MOJIBAKE, may_hold_mojibake

# What a round of ftfy's procedure did, as ftfy's explanation names it: ("encode", codec) where it
# read the text back through the codec, ("apply" or "transcode", fix) where it applied a fix.
Reading = tuple[str, str]


def is_bad(text: str, suspect: bool = False, notable: str | None = None) -> bool:
    """Exactly ``ftfy.badness.is_bad(text)``: whether ftfy's heuristic sees mojibake.

    ``suspect`` says that the caller has already found that ``text`` may hold
    mojibake (:func:`may_hold_mojibake`), which is then not asked again;
    ``notable`` is ``text`` sieved, if the caller has it.

    Every match of the heuristic holds a place that ``MAY_HOLD_MOJIBAKE`` finds
    (at that place, or one character later) and starts at most
    ``LONGEST_MATCH`` characters before it, so the heuristic is searched for
    only in the stretches around those places: a French line with an ``œ`` in
    it costs a few tries, not a scan of the line. A search cut short at a
    stretch's end finds only real matches, for the heuristic looks neither
    ahead nor at the end of the text. Where such places are many (a line of
    mojibake that ftfy declines), the rest of the line is searched instead.

    >>> is_bad("Mayor\u00e2\u20ac\u2122s"), is_bad("Mayor’s café"), is_bad("le cœur et l’œuvre")
    (True, False, False)
    """
    if not (suspect or may_hold_mojibake(text, notable)):
        return False
    tried = 0  # the heuristic has been tried at every start before this one
    for places, candidate in enumerate(MAY_HOLD_MOJIBAKE.finditer(text)):
        first = max(tried, candidate.start() - LONGEST_MATCH)
        if places == PLACES_TRIED_ONE_BY_ONE or (places and first == tried):
            # Past a few places, or where they crowd (a line of mojibake), the rest is searched:
            # first for a C1 control, which the heuristic's first alternative matches alone. A line
            # of Armenian or Thai mojibake holds some, where its other alternatives match late.
            return C1_CONTROL_RE.search(text, first) is not None or BADNESS_RE.search(text, first) is not None
        tried = candidate.start() + 2
        if BADNESS_RE.search(text, first, tried - 1 + LONGEST_MATCH) is not None:
            return True
    return False


# Places tried one by one by is_bad before it searches the rest of the text.
PLACES_TRIED_ONE_BY_ONE = 16


# A byte of a multi-byte sequence just before a space, which every match of
# ALTERED_UTF8_RE has (the match starts one to three bytes before that space),
# and one just before a ``?``, which every match of LOSSY_UTF8_RE with a ``?`` has.
# Each starts with its literal so that a search skips to it; the lookbehind then
# looks at the byte before.
_SPACE_IN_SEQUENCE = re.compile(b" (?<=[\x80-\xff] )")
_QUESTION_MARK_IN_SEQUENCE = re.compile(b"\\?(?<=[\x80-\xff]\\?)")
_SUBSTITUTE = 0x1A


def _has_altered_utf8(encoded: bytes) -> bool:
    """Exactly ``ALTERED_UTF8_RE.search(encoded) is not None``, looking only near its necessary spaces."""
    for space in _SPACE_IN_SEQUENCE.finditer(encoded):
        position = space.start()
        for start in range(max(0, position - 3), position):
            if ALTERED_UTF8_RE.match(encoded, start) is not None:
                return True
    return False


def _has_lossy_utf8(encoded: bytes) -> bool:
    """False only if LOSSY_UTF8_RE cannot match: each match holds byte 1A, or a ``?`` after such a byte."""
    return _SUBSTITUTE in encoded or _QUESTION_MARK_IN_SEQUENCE.search(encoded) is not None


def fix_encoding(text: str, suspect: bool = False) -> str:
    """Exactly ``ftfy.fix_encoding(text)`` with ftfy's default configuration, at a fraction of its cost.

    ``suspect`` is as for :func:`is_bad`.

    >>> fix_encoding("NicolÃ¡s said â€œhelloâ€\x9d")
    'Nicolás said “hello”'
    """
    return fix_encoding_sieved(text, NON_ASCII.sieve_unless_dense, suspect)[0]


def fix_encoding_sieved(
    text: str, sieve: Callable[[str], str], suspect: bool = False
) -> tuple[str, str | None, bool]:
    """:func:`fix_encoding`'s result; that result sieved by ``sieve``, which keeps every
    non-ASCII character (see :mod:`presswash.sieve`; it may keep a text largely non-ASCII whole),
    None for the latter where no round sieved the result (a ``suspect`` text left as it was); and
    whether ftfy's heuristic sees no mojibake in the result (False where it does, but no reading
    changes it).

    Each round screens the text it starts from, sieved, but for a ``suspect`` first one; the
    last round's sieved text is the result's, which a caller that sieves by ``sieve`` (to look
    for other work in it) would otherwise sieve again.

    >>> fix_encoding_sieved("NicolÃ¡s & co", NON_ASCII, suspect=True)
    ('Nicolás & co', 'á', True)
    """
    notable = None if suspect or text.isascii() else sieve(text)
    while True:
        if _seen_clean(text, notable):
            return text, notable, True
        fixed, _ = _decode_bad(text)
        if fixed == text:
            return text, notable, False
        text, notable = fixed, sieve(fixed)


def fix_encoding_and_explain(text: str) -> tuple[str, list[Reading]]:
    """Exactly ``ftfy.fix_encoding_and_explain(text)``'s text, and of its explanation the step of
    each round that names what the round undid: the codec it read the text back through
    (``encode``), or the fix it applied instead (``decode_inconsistent_utf8``, ``fix_c1_controls``).
    ftfy's byte repairs and decodings between them name no misread, and are left out.

    >>> fix_encoding_and_explain("voilÃ le cafÃƒÂ©")  # ftfy also restores the byte A0 of "à "
    ('voilà le café', [('encode', 'sloppy-windows-1252'), ('apply', 'decode_inconsistent_utf8')])
    """
    readings: list[Reading] = []
    while True:
        fixed, reading = _decode_once(text, None)
        if reading is not None:
            readings.append(reading)  # as ftfy's, also for C1 controls it leaves as they are
        if fixed == text:
            return text, readings
        text = fixed


def _decode_once(text: str, notable: str | None) -> tuple[str, Reading | None]:
    """One round of ftfy's ``fix_encoding``, in ftfy's order of attempts, on ``text`` sieved as
    ``notable`` (None: suspect, or ASCII), and what it did (None: nothing)."""
    return (text, None) if _seen_clean(text, notable) else _decode_bad(text)


def _seen_clean(text: str, notable: str | None) -> bool:
    """Whether ftfy's heuristic sees no mojibake in ``text`` (sieved: ``notable``; None: suspect,
    or ASCII), so that its ``fix_encoding`` leaves it as it is at once."""
    return not text or text.isascii() or not is_bad(text, suspect=notable is None, notable=notable)


def _decode_bad(text: str) -> tuple[str, Reading | None]:
    """One round of ftfy's ``fix_encoding`` on ``text``, in which its heuristic sees mojibake."""
    possible_encodings = []
    for encoding in CHARMAP_ENCODINGS:
        # ftfy asks possible_encoding() first, which holds exactly when encoding succeeds.
        try:
            encoded = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        possible_encodings.append(encoding)
        if _SUBSTITUTE not in encoded:
            # Valid UTF-8 holds nothing that ftfy's byte repairs below touch (each
            # pattern they fix is invalid, but for a lone 1A), and "utf-8-variants"
            # reads it as "utf-8" does: ftfy would decode it as it is.
            try:
                return encoded.decode("utf-8"), ("encode", encoding)
            except UnicodeDecodeError:
                pass
        if encoding != "macroman" and _has_altered_utf8(encoded):
            encoded = restore_byte_a0(encoded)
        if encoding.startswith("sloppy") and _has_lossy_utf8(encoded):
            encoded = replace_lossy_sequences(encoded)
        decoding = "utf-8-variants" if 0xED in encoded or 0xC0 in encoded else "utf-8"
        try:
            return encoded.decode(decoding), ("encode", encoding)
        except UnicodeDecodeError:
            continue
    if UTF8_DETECTOR_RE.search(text):
        fixed = decode_inconsistent_utf8(text)
        if fixed != text:
            return fixed, ("apply", "decode_inconsistent_utf8")
    if "latin-1" in possible_encodings:
        # ftfy asks for "windows-1252", which is not among the encodings it tries,
        # so Latin-1 text always goes on to be read as Windows-1252.
        if "windows-1252" in possible_encodings:
            return text, None
        try:
            fixed = text.encode("latin-1").decode("windows-1252")
        except UnicodeDecodeError:
            fixed = text
        if fixed != text:
            return fixed, ("encode", "latin-1")
    if C1_CONTROL_RE.search(text):
        return fix_c1_controls(text), ("transcode", "fix_c1_controls")
    return text, None
