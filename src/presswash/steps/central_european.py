"""UTF-8 read as ISO-8859-2 or as Windows-1250: which one, where both read back.

The two Central European codecs agree on all but fifteen bytes, all UTF-8
continuation bytes: ISO-8859-2 has ``Š Ś Ť Ž Ź š ś ť ž ź`` at 0xA6–0xBE,
where Windows-1250 has them at 0x80–0x9F, and the two place ``Ą ą Ľ ľ ˇ``
differently. So the same misread reads back as valid UTF-8 both ways:
``FĂźr`` is ``Für`` (ü, C3 BC, read as ISO-8859-2) or ``Fßr`` (ß, C3 9F,
read as Windows-1250); ``ĂŠ`` is ``é`` or ``Ê``, ``ĂĄ`` is ``á`` or ``å``.
ftfy tries Windows-1250 first and keeps it, and so does the second chance
when the two tie. Wherever a repair is the Windows-1250 reading of its
characters and their ISO-8859-2 reading is UTF-8 too and differs, the line is
read both ways and the evidence decides:

- **Strong**: what no correct text holds. A C1 control character, which only
  a wrong reading leaves (``«`` is C2 AB, ``ÂŤ`` as ISO-8859-2; read as
  Windows-1250 it is C2 8D, a control); and ``ß`` where no word has it, after
  a consonant or starting a word (``Fßr``, ``ßber``): in every language that
  writes it, ``ß`` follows a vowel.
- **Weak**: the oddity of the words (:func:`~presswash.steps.plausibility.oddity`),
  such as a capital inside small letters (``vÜllig`` against ``völlig``).
  Camel case (``MöBo``) is odd too, which is why strong evidence counts first.
- **The document**: where a line's two readings are even, the reading that
  other lines of the text proved is taken, unless another line proved
  Windows-1250 (by the evidence above, or by a repair that ISO-8859-2 cannot
  give, such as ``Ă©`` for ``é``).

Where nothing tells the readings apart (``jĂĄ``: Portuguese ``já`` or a
Norwegian ``jå``), the Windows-1250 reading, ftfy's, stays.

    >>> line = "F\\u0102\\u017ar uns v\\u0102\\u015bllig \\u0102\\u017aberraschend"
    >>> [text for text, _ in prefer_iso_8859_2([line], [("Fßr uns vÜllig ßberraschend", [])])]
    ['Für uns völlig überraschend']
    >>> line = "Stra\\u0102\\u017ae"  # Straße read as Windows-1250 stays: ``Straüe`` is no better
    >>> [text for text, _ in prefer_iso_8859_2([line], [("Straße", [])])]
    ['Straße']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-*" codecs)
from ftfy.chardata import CHARMAP_ENCODINGS

from presswash.edits import Edit, apply_edits
from presswash.steps.misread_sequences import misread_edits
from presswash.steps.plausibility import character_kind, text_oddity

WINDOWS_1250 = "sloppy-windows-1250"
ISO_8859_2 = "iso-8859-2"
DETAIL = "utf-8 read as iso-8859-2"
WINDOWS_1250_DETAIL = "utf-8 read as windows-1250"


def _differing() -> str:
    """The characters that ISO-8859-2 and Windows-1250 both have, at different bytes."""
    found = []
    for byte in range(256):
        character = bytes([byte]).decode(ISO_8859_2)
        try:
            if character.encode(WINDOWS_1250) != bytes([byte]):
                found.append(character)
        except UnicodeEncodeError:
            continue  # a C1 control Windows-1250 lacks: ftfy never reads such a line as Windows-1250
    return "".join(found)


# Only a misread holding one of these has two readings.
DIFFERING = re.compile(f"[{_differing()}]")
C1_CONTROL = re.compile("[\x80-\x9f]")
_SHARP_S = re.compile("ß")


def misplaced_sharp_s(text: str) -> int:
    """How many ``ß`` of ``text`` stand where no word has one: after a consonant, or starting a word.

    ``ß`` is a letter of German and its neighbours alone, written only after a
    vowel (``Straße``, ``Fuß``, ``weiß``, ``Füße``) or another ``ß``
    (Colognian ``Rußßesch``); ``ß`` standing for ``β`` (``ß-Blocker``) is no
    word's start.

    >>> misplaced_sharp_s("Straße, Fuß, Füße, STRAßE, Rußßesch, ß-Blocker")
    0
    >>> misplaced_sharp_s("Fßr ßber Kßche")
    3
    """
    count = 0
    for found in _SHARP_S.finditer(text):
        at = found.start()
        before = text[at - 1] if at else ""
        if before.isalpha():
            count += unicodedata.normalize("NFD", before)[0].lower() not in "aeiouyß"
        else:
            after = text[at + 1 : at + 2]
            count += after.isalpha() and after.islower()
    return count


# A letter beyond ASCII standing alone between words that end and begin with letters.
_LONE_CAPITAL = re.compile(r"(?<=[^\W\d_]\s)[^\x00-\x7f](?=\s[^\W\d_])")


def lone_capitals(text: str) -> int:
    """How many Latin capitals beyond ASCII stand alone as a word between words of small letters.

    A one-letter word is small (``é``, ``à``, ``ó``, ``y``); a capital alone
    is the pronoun ``I``, an initial (``J. Smith``) or a label (``plan B``),
    which are ASCII or followed by a stop or a capital. (Headlines run into
    the text without a stop make the Cyrillic ``Бебеля С этого`` of Russian
    running text: the rule is kept to Latin letters, ``Ê`` read for ``é``.)

    >>> lone_capitals("o roteiro Ê totalmente")
    1
    >>> lone_capitals("o roteiro é totalmente, Tiếng Ả Rập, J. Á. Smith")
    0
    """
    return sum(
        character_kind(found.group()) == ("upper", "latin")
        and text[found.start() - 2].islower()
        and text[found.end() + 1].islower()
        for found in _LONE_CAPITAL.finditer(text)
    )


def evidence_against(text: str) -> tuple[int, int]:
    """(strong, weak): what in ``text`` no correct text holds, and what correct text seldom holds.

    >>> evidence_against("für uns völlig"), evidence_against("fßr uns vÜllig")
    ((0, 0), (1, 1))
    >>> evidence_against("sa « réfutation »"), evidence_against("sa \\x8d rÊfutation \\x9d")
    ((0, 0), (2, 5))
    """
    return len(C1_CONTROL.findall(text)) + misplaced_sharp_s(text), text_oddity(text) + lone_capitals(text)


def _reading(misread: str, codec: str) -> str | None:
    """The UTF-8 that ``misread`` was, if it was read as ``codec`` (None: it cannot have been)."""
    try:
        return misread.encode(codec).decode("utf-8")
    except UnicodeError:
        return None


# The codecs ftfy tries before Windows-1250, as does the second chance: a repair they give too
# (``áŽ\xa0`` is Ꭰ read as Windows-1252 or as Windows-1250) is theirs.
_TRIED_FIRST = tuple(CHARMAP_ENCODINGS[: CHARMAP_ENCODINGS.index(WINDOWS_1250)])


def _read_first(misread: str, repair: str) -> bool:
    """Whether a codec tried before Windows-1250 reads ``misread`` as ``repair``."""
    return any(_reading(misread, codec) == repair for codec in _TRIED_FIRST)


def _read_whole_first(line: str, fixed: str) -> bool:
    """Whether a codec tried before Windows-1250 reads all of ``line`` as ``fixed`` (as ftfy
    reads a line misread as Windows-1252): then it reads each of the line's repairs first too, and
    the line is not looked at repair by repair (a mangled Chinese article: thousands of them)."""
    return _read_first(line, fixed)


class _Line:
    """A repaired line's repairs, each as Windows-1250 and ISO-8859-2 would read its characters."""

    def __init__(self, line: str, edits: list[Edit]) -> None:
        self.line = line
        self.edits = edits
        self.readings = [
            (_reading(misread, WINDOWS_1250), _reading(misread, ISO_8859_2))
            for misread in (line[edit.start : edit.end] for edit in edits)
        ]

    def proves(self) -> tuple[bool, bool]:
        """Whether a repair of the line is one that only Windows-1250, or only ISO-8859-2, can give.

        ``Ă©`` is é read as Windows-1250 (© is not in ISO-8859-2); ``Ĺ\x99``
        is ř read as ISO-8859-2 (Windows-1250 has ™ at 0x99).
        """
        windows_1250 = iso_8859_2 = False
        for edit, (as_1250, as_8859_2) in zip(self.edits, self.readings, strict=True):
            windows_1250 = windows_1250 or (as_8859_2 is None and as_1250 == edit.replacement)
            iso_8859_2 = iso_8859_2 or (as_1250 is None and as_8859_2 == edit.replacement)
        return windows_1250, iso_8859_2

    def as_iso_8859_2(self) -> list[Edit] | None:
        """The edits, each repair that is the Windows-1250 reading of its characters made the
        ISO-8859-2 reading instead, where that is UTF-8 and differs; None if there is none, or if
        a repair of the line already is the ISO-8859-2 reading where the two differ.

        Repairs that both codecs read alike (``Ă¤``: ä) are said to be ISO-8859-2's too.
        """
        reread = []
        for edit, (as_1250, as_8859_2) in zip(self.edits, self.readings, strict=True):
            if as_8859_2 is not None and as_1250 not in (None, as_8859_2):
                if edit.replacement == as_8859_2:
                    return None
                if edit.replacement == as_1250 and not _read_first(self.line[edit.start : edit.end], as_1250):
                    edit = replace(edit, replacement=as_8859_2, detail=DETAIL)
            reread.append(edit)
        if reread == self.edits:
            return None
        return [
            replace(edit, detail=DETAIL) if edit.detail == WINDOWS_1250_DETAIL else edit for edit in reread
        ]


def prefer_iso_8859_2(
    lines: Sequence[str], repaired: Sequence[tuple[str, list[Edit]]], explain: bool = False
) -> list[tuple[str, list[Edit]]]:
    """Each line's repair, with Windows-1250 readings read as ISO-8859-2 where the evidence says so.

    ``repaired`` holds, for each of ``lines``, its repair and (if
    ``explain``) the edits that make it, each with the misread it undid. A
    line reread gets one edit per misread sequence, those read as ISO-8859-2
    naming it.
    """
    result = list(repaired)
    # The lines that may read both ways, with their reading as ISO-8859-2 and the verdict
    # (1: ISO-8859-2 reads better, -1: Windows-1250 does, 0: even).
    readings: dict[int, tuple[str, list[Edit], int]] = {}
    for index, (line, (fixed, _)) in enumerate(zip(lines, repaired, strict=True)):
        if fixed == line or DIFFERING.search(line) is None or _read_whole_first(line, fixed):
            continue
        # One edit per misread sequence, whether or not the caller has edits: clean() and explain()
        # decide alike.
        repairs = _Line(line, misread_edits(line, fixed))
        windows_1250, iso_8859_2 = repairs.proves()
        if windows_1250:
            continue  # a repair in the line that ISO-8859-2 cannot give: the line is Windows-1250
        reread = repairs.as_iso_8859_2()
        if reread is None:
            continue
        alternative = apply_edits(line, reread)
        against_1250, against_8859_2 = evidence_against(fixed), evidence_against(alternative)
        verdict = 1 if iso_8859_2 else (against_8859_2 < against_1250) - (against_1250 < against_8859_2)
        readings[index] = (alternative, reread, verdict)
    even = [index for index, (_, _, verdict) in readings.items() if verdict == 0]
    if even and _document_proves_iso_8859_2(lines, repaired, readings):
        readings.update((index, (*readings[index][:2], 1)) for index in even)
    for index, (alternative, reread, verdict) in readings.items():
        if verdict > 0:
            result[index] = (alternative, reread if explain else [])
    return result


def _document_proves_iso_8859_2(
    lines: Sequence[str],
    repaired: Sequence[tuple[str, list[Edit]]],
    readings: dict[int, tuple[str, list[Edit], int]],
) -> bool:
    """Whether the lines, read one by one, prove ISO-8859-2 and none proves Windows-1250."""
    verdicts = {verdict for _, _, verdict in readings.values()}
    iso_8859_2, windows_1250 = 1 in verdicts, -1 in verdicts
    for index, (line, (fixed, _)) in enumerate(zip(lines, repaired, strict=True)):
        if windows_1250:
            return False
        if fixed != line and index not in readings:
            proof = _Line(line, misread_edits(line, fixed)).proves()
            windows_1250, iso_8859_2 = windows_1250 or proof[0], iso_8859_2 or proof[1]
    return iso_8859_2 and not windows_1250
