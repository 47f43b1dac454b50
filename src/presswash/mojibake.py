"""Decode mojibake: UTF-8 that was read with the wrong codec.

``Mayorâ€™s`` is ``Mayor’s`` whose UTF-8 bytes were decoded as Windows-1252;
``NicolÃ¡s`` the same with Latin-1; ``d'Ð“Â©tat`` went through it twice. ftfy is
the engine here: its heuristic decides which lines hold mojibake and its codecs
undo it, including the lossy cases (``â€�``), inconsistent mixtures of
encodings, non-breaking spaces that were flattened to spaces, stray C1 control
characters (read as Windows-1252, as browsers do) and UTF-16 surrogates.

What presswash adds is knowing when not to ask. ftfy's heuristic is a large
regular expression and costs more than all other cleaning together, yet it can
only fire on a few lone characters or on two adjacent characters of its
alphabet (see ``scripts/generate_mojibake_table.py``). Lines without those are
passed over without running it, and on lines with them it is started just
before the first. :func:`fix_encoding` is ftfy's own decoding procedure with
those shortcuts, and with quick byte-level checks in front of its costlier
byte patterns; its result is ftfy's, character for character.

    >>> step = Mojibake()
    >>> step.fix("The Mayor\\u00e2\\u20ac\\u2122s office\\nNicol\\u00c3\\u00a1s Maduro")
    'The Mayor’s office\\nNicolás Maduro'
    >>> step.fix("Café – “déjà vu”")
    'Café – “déjà vu”'
"""

from __future__ import annotations

import functools
import re

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-*" and "utf-8-variants" codecs)
from ftfy.badness import BADNESS_RE
from ftfy.chardata import (
    ALTERED_UTF8_RE,
    C1_CONTROL_RE,
    CHARMAP_ENCODINGS,
    UTF8_DETECTOR_RE,
    possible_encoding,
)
from ftfy.fixes import (
    decode_inconsistent_utf8,
    fix_c1_controls,
    fix_surrogates,
    replace_lossy_sequences,
    restore_byte_a0,
)

from presswash._mojibake_table import (
    LONGEST_MATCH,
    MOJIBAKE_ALPHABET,
    MOJIBAKE_RUNS,
    SUSPICIOUS_ALONE,
)
from presswash.step import LineStep

SURROGATES = "\ud800-\udfff"

# A lone suspicious character or surrogate, or two alphabet characters side by
# side. Written so the engine scans for one class and only looks further at its
# rare hits: the lookbehind re-tests the character just matched.
MAY_HOLD_MOJIBAKE = re.compile(
    f"[{MOJIBAKE_ALPHABET}{SURROGATES}](?:(?<=[{SUSPICIOUS_ALONE}{SURROGATES}])|[{MOJIBAKE_ALPHABET}])"
)


def _run_pattern(run: tuple[str, ...]) -> str:
    return "".join(f"[{position}]" for position in run)


# Distinct pairs that begin runs, each looked up in the whole text; past this
# many the answer is "maybe" and ftfy's heuristic decides. A look-up of runs
# found in sieved text (a substring search) is cheaper than one by pattern.
SIEVED_RUN_STARTS_TO_LOOK_UP = 32
RUN_STARTS_TO_LOOK_UP = 8
LONE_START = re.compile(f"[{SUSPICIOUS_ALONE}{SURROGATES}]")
# Every two characters side by side that may begin a run, overlapping ones included.
_FIRSTS = "".join(run[0] for run in MOJIBAKE_RUNS)
_SECONDS = "".join(run[1] for run in MOJIBAKE_RUNS)
PAIR_CANDIDATES = re.compile(f"(?=([{_FIRSTS}][{_SECONDS}]))")


@functools.lru_cache(maxsize=4096)
def runs_beginning(pair: str) -> re.Pattern[str] | None:
    """A pattern for the runs that begin with ``pair`` (None: no run does).

    It starts with ``pair`` itself, so a search skips quickly to where the pair
    occurs. Where several runs match at one place, it finds the shortest: a
    prefix of the others.

    >>> runs_beginning("ab") is None
    True
    >>> runs_beginning("”“").findall("”“” ”“½")  # one of its runs is ”“ and a number
    ['”“½']
    """
    tails = [
        _run_pattern(run[2:]) for run in MOJIBAKE_RUNS if re.match(f"[{run[0]}][{run[1]}]", pair) is not None
    ]
    if not tails:
        return None
    return re.compile(f"{re.escape(pair)}(?:{'|'.join(tails)})")


@functools.lru_cache(maxsize=4096)
def _overlapping(runs: re.Pattern[str]) -> re.Pattern[str]:
    """``runs`` found at every place, even inside another match."""
    return re.compile(f"(?=({runs.pattern}))")


# Sieved text is looked at instead of the text while it is at most this share of
# it; text in Greek or Cyrillic is mostly non-ASCII, and then the text is scanned.
SIEVED_SHARE = 1 / 8


# A long text's pairs are listed a piece of this many characters at a time.
PAIRS_PIECE = 1 << 16


def _distinct_pairs(text: str) -> set[str]:
    """The distinct pairs of ``PAIR_CANDIDATES`` in ``text``, listed piece by piece to bound memory."""
    pairs: set[str] = set()
    for start in range(0, len(text), PAIRS_PIECE):
        # One character more, for a pair that starts at the piece's last character.
        pairs.update(PAIR_CANDIDATES.findall(text, start, start + PAIRS_PIECE + 1))
    return pairs


def may_hold_mojibake(text: str, notable: str | None = None) -> bool:
    """False only if ftfy would certainly find no mojibake, C1 control or surrogate in ``text``.

    Every match of ftfy's heuristic holds a lone suspicious character or one of
    a few runs of adjacent characters (see ``scripts/generate_mojibake_table.py``).
    One scan finds the places where two characters side by side might begin a
    run; for each distinct such pair that does begin one, its runs are looked
    for. Common innocent neighbours such as ``…”`` or ``é’`` begin none.

    Given ``notable``, ``text`` sieved (see :mod:`presswash.sieve`), the scan
    reads that instead; the runs found there may be neighbours only after
    sieving (``£“`` from ``£5m. “No”``), so they are then looked up in ``text``.

    >>> may_hold_mojibake("Nicolás – “déjà vu…” costs £5")
    False
    >>> may_hold_mojibake("Nicol\u00c3\u00a1s")
    True
    >>> text = "It cost £5. “No,” she said, “it cost much more than that.”"
    >>> may_hold_mojibake(text, notable="£“”“”")
    False
    """
    if text.isascii():
        return False
    sieved = notable is not None and len(notable) <= len(text) * SIEVED_SHARE
    where = notable if sieved and notable is not None else text
    if LONE_START.search(where) is not None:
        return True
    looked_up = 0
    for pair in _distinct_pairs(where):
        runs = runs_beginning(pair)
        if runs is None:
            continue
        if sieved:
            # The runs found may be neighbours only after sieving: look them up in the text.
            found = any(run in text for run in set(_overlapping(runs).findall(where)))
        else:
            found = runs.search(text) is not None
        if found:
            return True
        looked_up += 1
        if looked_up == (SIEVED_RUN_STARTS_TO_LOOK_UP if sieved else RUN_STARTS_TO_LOOK_UP):
            return True  # each look-up reads the text: past a few, the heuristic decides
    return False


def is_bad(text: str) -> bool:
    """Exactly ``ftfy.badness.is_bad(text)``: whether ftfy's heuristic sees mojibake.

    >>> is_bad("Mayor\u00e2\u20ac\u2122s"), is_bad("Mayor’s café")
    (True, False)
    """
    if not may_hold_mojibake(text):
        return False
    first = MAY_HOLD_MOJIBAKE.search(text)
    assert first is not None, "may_hold_mojibake found a candidate"
    return BADNESS_RE.search(text, max(0, first.start() - LONGEST_MATCH)) is not None


# A byte of a multi-byte sequence just before a space, which every match of
# ALTERED_UTF8_RE has (the match starts one to three bytes before that space),
# and one just before a ``?``, which every match of LOSSY_UTF8_RE with a ``?`` has.
_SPACE_IN_SEQUENCE = re.compile(b"(?<=[\x80-\xff]) ")
_QUESTION_MARK_IN_SEQUENCE = re.compile(b"(?<=[\x80-\xff])\\?")
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


def fix_encoding(text: str) -> str:
    """Exactly ``ftfy.fix_encoding(text)`` with ftfy's default configuration, at a fraction of its cost.

    >>> fix_encoding("NicolÃ¡s said â€œhelloâ€\x9d")
    'Nicolás said “hello”'
    """
    while True:
        fixed = _decode_once(text)
        if fixed == text:
            return text
        text = fixed


def _decode_once(text: str) -> str:
    """One round of ftfy's ``fix_encoding``, in ftfy's order of attempts."""
    if not text or text.isascii() or not is_bad(text):
        return text
    possible_encodings = []
    for encoding in CHARMAP_ENCODINGS:
        if not possible_encoding(text, encoding):
            continue
        possible_encodings.append(encoding)
        encoded = text.encode(encoding)
        if encoding != "macroman" and _has_altered_utf8(encoded):
            encoded = restore_byte_a0(encoded)
        if encoding.startswith("sloppy") and _has_lossy_utf8(encoded):
            encoded = replace_lossy_sequences(encoded)
        decoding = "utf-8-variants" if 0xED in encoded or 0xC0 in encoded else "utf-8"
        try:
            return encoded.decode(decoding)
        except UnicodeDecodeError:
            continue
    if UTF8_DETECTOR_RE.search(text):
        fixed = decode_inconsistent_utf8(text)
        if fixed != text:
            return fixed
    if "latin-1" in possible_encodings:
        # ftfy asks for "windows-1252", which is not among the encodings it tries,
        # so Latin-1 text always goes on to be read as Windows-1252.
        if "windows-1252" in possible_encodings:
            return text
        try:
            fixed = text.encode("latin-1").decode("windows-1252")
        except UnicodeDecodeError:
            fixed = text
        if fixed != text:
            return fixed
    if C1_CONTROL_RE.search(text):
        return fix_c1_controls(text)
    return text


class Mojibake(LineStep):
    """Re-decode each line that ftfy's heuristic finds to hold mojibake."""

    name = "mojibake"
    trigger = MOJIBAKE_ALPHABET + SURROGATES
    screens_itself = True

    def applies(self, text: str, notable: str) -> bool:
        return may_hold_mojibake(text, notable)

    def fix_line(self, line: str) -> str:
        # Each decoding can reveal another layer (double encoding, or C1
        # controls that decode into mojibake), so repeat while any may remain.
        while may_hold_mojibake(line):
            fixed = fix_surrogates(fix_c1_controls(fix_encoding(line)))
            if fixed == line:
                break
            line = fixed
        return line
