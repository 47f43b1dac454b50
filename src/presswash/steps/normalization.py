"""Unicode normalization, last of the character steps.

The same visible text can be encoded several ways (``é`` as one code point or
as ``e`` plus a combining accent); NFC picks one, so that equal-looking strings
compare equal. NFKC goes further and also folds compatibility characters
(``m²`` → ``m2``, ``½`` → ``1⁄2``): it is offered, but it destroys meaning that
the styled-text step deliberately keeps, so NFC is the default.

    >>> Normalization("NFC").fix("cafe\\u0301")
    'café'
    >>> Normalization("NFKC").fix("10 m²")
    '10 m2'

Normalizing puts each run of combining marks into canonical order, a stable
sort by combining class, and CPython sorts by insertion: a long run with mixed
classes costs quadratic time (``"e" + "\\u0301\\u0336" * 25_000`` takes
seconds, ten times as many minutes). :func:`normalize` sorts such runs itself
first, in O(n log n), and gives ``unicodedata.normalize``'s exact result.

Asking ``unicodedata.is_normalized`` reads the whole text. For NFC the answer
is usually known from the text's few non-ASCII characters alone (see
:func:`stable_under_nfc`), and the step asks only when it is not.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import groupby
from typing import Literal

from presswash.bmp_scan import NarrowableScan
from presswash.step import ANY_NON_ASCII, LineStep, led_by_each
from presswash.steps._normalization_table import (
    JOINED_AFTER_LETTERS,
    MARKS_FIRST,
    NFC_CHANGING_BMP,
    NFC_UNSTABLE_BMP,
    REORDERED_BMP,
    UNICODE_VERSION,
)

Form = Literal["NFC", "NFKC", "NFD", "NFKD"]

# The tables are valid only under the Unicode version they were generated for; otherwise every
# text is asked about. Characters beyond the BMP are all taken as unstable.
TABLES_ARE_CURRENT = unicodedata.unidata_version == UNICODE_VERSION
# The characters not stable under NFC, as a class body.
_UNSTABLE = f"{NFC_UNSTABLE_BMP}\U00010000-\U0010ffff"
_NFC_UNSTABLE = re.compile(f"[{_UNSTABLE}]") if TABLES_ARE_CURRENT else None


# Where NFC may have work: a run of two or more unstable characters (marks to reorder), or a
# character NFC replaces or can join to the one before (a nukta only after the three letters it
# joins). Beyond the BMP, every character is taken as both. Written so that the engine scans
# for one class and looks further only at its hits: the lookbehinds re-test the character just
# matched.
_UNSTABLE_CLASS = f"[{_UNSTABLE}]"
_JOINED_AFTER_ITS_LETTER = "|".join(f"[{letters}]{mark}" for mark, letters in JOINED_AFTER_LETTERS)
# Those marks: a text whose letters change (a fix brings some) must be asked about them again.
JOINED_MARKS = frozenset(mark for mark, _ in JOINED_AFTER_LETTERS)
_JOINED_MARK_CLASS = "".join(sorted(JOINED_MARKS))


def nfc_work_or(characters: str) -> re.Pattern[str]:
    """A pattern for where NFC may have work (see :func:`is_nfc`) or one of ``characters`` (a
    character-class body) stands: screens that look for other characters too read the text once.
    Its NFC part holds only if :data:`TABLES_ARE_CURRENT`.

    >>> [found.group() for found in nfc_work_or("&").finditer("e\u0301 & \u0915\u094d")]
    ['\u0301', '&']
    """
    return re.compile(f"[{characters}{_UNSTABLE}]{_nfc_work_where(characters)}")


def _nfc_work_where(characters: str) -> str:
    """What follows the first character of :func:`nfc_work_or`'s pattern, looking behind at it."""
    return (
        f"(?:(?<=[{characters}{NFC_CHANGING_BMP}\U00010000-\U0010ffff])|{_UNSTABLE_CLASS}"
        f"|(?<=[{_JOINED_MARK_CLASS}])(?<={_JOINED_AFTER_ITS_LETTER}))"
    )


_NFC_WORK = NarrowableScan(nfc_work_or(""))
_NFC_WORK_WHERE = _nfc_work_where("")
# The unstable characters that NFC may replace or join to the one before (a class body): without
# them, its only work is putting marks in order, which ``unicodedata.is_normalized`` checks at
# memory speed.
REPLACED_OR_JOINED = f"{NFC_CHANGING_BMP}{_JOINED_MARK_CLASS}\U00010000-\U0010ffff"
_REPLACED_OR_JOINED = re.compile(f"[{REPLACED_OR_JOINED}]")
_REORDERED = re.compile(f"[{REORDERED_BMP}]")
_UNSTABLE_RUN = re.compile(f"{_UNSTABLE_CLASS}*")


def is_nfc(text: str, unstable: str | None = None) -> bool:
    """Exactly ``unicodedata.is_normalized("NFC", text)``, asked only of the stretches that need it.

    A stable character (quick check "Yes", combining class 0) is a boundary
    that NFC never reaches across, so a text is NFC when each stretch of
    unstable characters, with the stable character before it, is; and a lone
    combining mark that NFC cannot replace or join to anything (a virama)
    is NFC wherever it stands. CPython's own check normalizes the whole text as
    soon as it meets one mark that might join (a stress mark in Russian, a
    nukta in Hindi); this one asks only about the stretches where NFC has work.

    ``unstable``, if given, are the distinct characters of ``text`` that are not
    stable under NFC (as a screen found them): the stretches are then found by
    a scan led by each (see :func:`~presswash.step.led_by_each`), which reads
    Hindi text, with its viramas and nuktas, several times faster.

    >>> is_nfc("Приве\u0301т, мир"), is_nfc("cafe\u0301"), is_nfc("caf\u00e9")
    (True, False, True)
    >>> is_nfc("\u0915\u094d\u0915\u093c", unstable="\u093c\u094d"), is_nfc("\u0928\u093c", unstable="\u093c")
    (True, False)
    """
    if _NFC_UNSTABLE is None:
        return unicodedata.is_normalized("NFC", text)
    scans = [_NFC_WORK.over(text)] if unstable is None else led_by_each(unstable, _UNSTABLE, _NFC_WORK_WHERE)
    for scan in scans:
        work = scan.search(text)
        while work is not None:
            # The search resumes after whole stretches; a scan led by one character may meet a
            # stretch past its start.
            start = work.start()
            while start > 0 and _NFC_UNSTABLE.match(text, start - 1) is not None:
                start -= 1
            normalized, end = stretch_is_nfc(text, start)
            if not normalized:
                return False
            work = scan.search(text, end)
    return True


# Thai text holds a mark in ten characters; Hindi, with its viramas, one in twenty. The share is
# told from the characters just before the first stretch of marks a scan meets.
CROWDED_WITH_MARKS = 1 / 16
MARKS_SAMPLE = 64


def crowded_with_ordered_marks(text: str, end: int) -> bool:
    """Whether the ``MARKS_SAMPLE`` characters of ``text`` before ``end`` are crowded with marks
    that NFC may only put in order (the vowels and tone marks of Thai: at least
    ``CROWDED_WITH_MARKS`` of them), and hold none that it may replace or join to the one before.
    In such a text a scan for NFC's work stops at every mark, while ``unicodedata.is_normalized``
    reads it at memory speed.

    >>> thai, decomposed, hindi = "\u0e17\u0e35\u0e48", "cafe\u0301", "\u0915\u094d\u0937 \u0939\u0948"
    >>> crowded_with_ordered_marks(thai, 3), crowded_with_ordered_marks(decomposed, 5)
    (True, False)
    >>> crowded_with_ordered_marks(hindi * 4, 12), crowded_with_ordered_marks(hindi + "x" * 60, 66)
    (True, False)
    """
    start = max(0, end - MARKS_SAMPLE)
    return (
        _NFC_UNSTABLE is not None
        and len(_REORDERED.findall(text, start, end)) >= (end - start) * CROWDED_WITH_MARKS
        and _REPLACED_OR_JOINED.search(text, start, end) is None
    )


def stretch_is_nfc(text: str, start: int) -> tuple[bool, int]:
    """Whether the stretch of unstable characters that begins at ``start`` of ``text``, with the
    stable character before it, is NFC; and where the stretch ends.

    >>> stretch_is_nfc("e\\u0301\\u0336 and", 1), stretch_is_nfc("\\u00e9\\u0336\\u0336 and", 1)
    ((False, 3), (True, 3))
    """
    run = _UNSTABLE_RUN.match(text, start)
    assert run is not None, "a starred class matches everywhere"
    return unicodedata.is_normalized("NFC", text[max(0, start - 1) : run.end()]), run.end()


# Runs this long are sorted before normalizing; shorter ones cost CPython at most
# LONG_RUN steps a mark. Characters beyond the BMP all stand in for marks here
# (one range is fast, their many ranges slow), and are told apart in the runs found.
LONG_RUN = 32
_MAY_BE_LONG_RUN = re.compile(f"[{REORDERED_BMP}\U00010000-\U0010ffff]{{{LONG_RUN},}}")
# The few characters of class 0 that decompose into marks (Tibetan ཱི, halfwidth ﾞ) join the
# runs around them once decomposed: they are decomposed first, as the form would.
_DECOMPOSED = {
    compatibility: {
        ord(char): unicodedata.normalize("NFKD" if compatibility else "NFD", char) for char in MARKS_FIRST
    }
    for compatibility in (False, True)
}


def normalize(form: Form, text: str) -> str:
    """``unicodedata.normalize(form, text)``, in O(n log n) time however long its runs of marks.

    >>> zalgo = "e" + "\u0301\u0336" * 100_000
    >>> normalize("NFC", zalgo) == unicodedata.normalize("NFC", zalgo[:1] + zalgo[2::2] + zalgo[1::2])
    True
    """
    return unicodedata.normalize(form, canonically_ordered(text, compatibility=form.startswith("NFK")))


def canonically_ordered(text: str, compatibility: bool = False) -> str:
    """``text`` with each long run of combining marks stably sorted by combining class.

    The result is canonically equivalent to ``text`` (compatibility equivalent
    if ``compatibility``), so the normalization forms give the same result for
    both: canonical ordering is a stable sort of each run of marks after
    decomposition, and sorting a contiguous part of a run first keeps the order
    of the marks of each class. Every mark of a class other than 0 decomposes
    into marks of its own class, so its place in the decomposed run is its
    place here; the characters of class 0 that decompose into marks are
    decomposed, so that the runs they join are sorted as one.

    >>> canonically_ordered("a" + "\u0336\u0301" * 16) == "a" + "\u0336" * 16 + "\u0301" * 16
    True
    """
    pieces: list[str] = []
    position = 0
    for match in _MAY_BE_LONG_RUN.finditer(text):
        characters = match.group()
        if unicodedata.is_normalized("NFD", characters):
            continue  # in canonical order already (the common case: one mark repeated)
        characters = characters.translate(_DECOMPOSED[compatibility])
        pieces += (text[position : match.start()], _runs_sorted(characters))
        position = match.end()
    return "".join([*pieces, text[position:]]) if pieces else text


def _runs_sorted(characters: str) -> str:
    """``characters`` with each run of combining marks (class other than 0) stably sorted by class."""
    return "".join(
        "".join(sorted(run, key=unicodedata.combining) if marks else run)
        for marks, run in groupby(characters, key=_is_reordered)
    )


def _is_reordered(char: str) -> bool:
    return unicodedata.combining(char) != 0


def stable_under_nfc(characters: str) -> bool:
    """True if a text made of ``characters`` and ASCII is certainly NFC, whatever their order.

    That holds when none of them is a combining mark, a character NFC replaces,
    or one NFC can join to the character before it. ``characters`` is typically
    a text's sieved form (see :mod:`presswash.sieve`).

    >>> stable_under_nfc("’“”–£é…")
    True
    >>> stable_under_nfc("\u0301"), stable_under_nfc("\u212b")  # a combining accent, the Ångström sign
    (False, False)
    """
    return _NFC_UNSTABLE is not None and _NFC_UNSTABLE.search(characters) is None


def sieved_is_nfc(notable: str) -> bool:
    """True if a text whose sieved form is ``notable`` is certainly NFC (False: it may not be).

    NFC has work only at a character it replaces or can join to the one
    before, or where two unstable characters stand side by side (see
    :func:`is_nfc`). Sieving sets aside only ASCII characters, which are
    stable: it keeps every character of the first kind and can bring two
    unstable characters together, never part them. A Hindi virama or an
    Arabic vowel mark between letters then costs no look at the text.

    >>> sieved_is_nfc("\u0915\u094d\u0937"), sieved_is_nfc("\u0301")  # क्ष; an accent that joins
    (True, False)
    """
    return _NFC_UNSTABLE is not None and _NFC_WORK.over(notable).search(notable) is None


class Normalization(LineStep):
    """Apply NFC or NFKC normalization."""

    name = "normalization"
    trigger = ANY_NON_ASCII

    def __init__(self, form: Literal["NFC", "NFKC"]) -> None:
        self.form: Literal["NFC", "NFKC"] = form
        if form == "NFC" and TABLES_ARE_CURRENT:
            self.dense_trigger = _UNSTABLE  # text without these is NFC
            # Marks it may only put in order, applies_around asks unicodedata about.
            self.sparing_trigger = REPLACED_OR_JOINED

    def applies(self, text: str, notable: str) -> bool:
        if self.form == "NFC":
            # Text largely non-ASCII is its own sieved form, which is then read once.
            return not ((notable is not text and sieved_is_nfc(notable)) or is_nfc(text))
        return not unicodedata.is_normalized(self.form, text)

    def applies_around(self, text: str, notable: str, characters: str) -> bool:
        """In text whose unstable characters are ``characters``, all of them marks that NFC
        only puts in order (Thai vowel and tone marks, a Hindi virama), CPython's own check
        is exact and reads the text at memory speed: it is slow only at a character that may
        join (a nukta, a stress mark), which is then looked at where it stands.

            >>> step = Normalization("NFC")
            >>> step.applies_around("น\u0e49\u0e33 ที\u0e48", "", "\u0e48\u0e49")
            False
            >>> step.applies_around("\u0e17\u0e48\u0e38", "", "\u0e48\u0e38")  # tone mark, then vowel below
            True
        """
        if _REPLACED_OR_JOINED.search(characters) is None:
            return not unicodedata.is_normalized("NFC", text)
        return not is_nfc(text, characters)

    def leaves_alone(self, character: str) -> bool:
        return self.form == "NFC" and stable_under_nfc(character)

    def may_apply(self, notable: str, utf8: bytes) -> bool:
        return not (self.form == "NFC" and stable_under_nfc(notable))

    def fix_line(self, line: str) -> str:
        return normalize(self.form, line)

    def fix(self, text: str) -> str:
        return normalize(self.form, text)
