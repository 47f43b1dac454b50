"""Scans for a class of characters, fitted to text within the Basic Multilingual Plane.

The screens that read text largely non-ASCII (Greek, Cyrillic, Chinese) search it
with a pattern that begins with a large class of characters. The engine tests
each character it reads against the parts of a class one after another: about
forty instructions a character here, and the one last range that takes in every
character beyond the BMP, where NFC's work or styled letters may be, costs about
a third of the scan (4.4 against 3.0 ns a character). Most text holds no character
beyond the BMP, and CPython tells so without reading it (see
:mod:`presswash.storage_width`). For such text a :class:`NarrowableScan` skips to
the first character its class holds by looking each up in a bitmap of the BMP's
code points, by presswash's compiled helper (``_class_scan.c``, a few instructions a
character), and the pattern searches on from there; a pattern that is the class
alone has the helper list what it finds. Where the helper is not built (no C
compiler at install), the scan searches with its narrow pattern instead: the same
pattern with the characters beyond the BMP left out of its leading class. Either
way it finds exactly what the pattern finds.

    >>> scan = NarrowableScan(re.compile("[é\\U0001d400-\\U0001d7ff]+"))
    >>> scan.narrow.pattern, scan.over("𝐜𝐚𝐟é " * 60).findall("𝐜𝐚𝐟é")
    ('[é]+', ['𝐜𝐚𝐟é'])
    >>> scan.over("café " * 60).search("café " * 60).span()
    (3, 4)
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator
from typing import Any, Protocol

from presswash.storage_width import within_bmp

try:
    from presswash._class_scan import find as _first_member
    from presswash._class_scan import find_pair as find_pair  # for the misread screen
    from presswash._class_scan import findall as _members_in
except ImportError:  # built without a C compiler at hand: the engine searches
    COMPILED = False
else:
    COMPILED = True

BEYOND_BMP = 0x10000
# Characters from which a text is scanned the narrow way: telling that it is within the BMP costs
# about what the narrow scan saves on a hundred (an English article's few characters beyond ASCII,
# sieved).
NARROWED_FROM = 256
# Characters from which a text is scanned by bitmap: the engine tests a character against a large
# class in about ten to forty instructions, the bitmap in four, and from about sixty characters
# that pays for the calls (a Turkish article sieved, 200 characters: 0.4 against 1.2 µs a scan).
BITMAP_FROM = 64
_LAST_OF_BMP = "\uffff"
# A member of a class body: an escape or one character, then perhaps the end of a range.
_ESCAPE = r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|.)"
_MEMBER = re.compile(f"({_ESCAPE}|[^\\\\])(?:-({_ESCAPE}|[^\\\\]))?", re.DOTALL)
# What makes the class before it optional.
_OPTIONAL = ("*", "?", "{0", "{,")


class Scanner(Protocol):
    """What the scans offer: the engine's search and list of a pattern's matches."""

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None: ...

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]: ...

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]: ...


@functools.cache
def _leading_class(source: str) -> tuple[tuple[re.Match[str], ...], int] | None:
    """The members of the class the pattern ``source`` begins with, and where the class ends;
    None where it begins with none, with a negated one, with one whose end is in doubt (a range
    ending at ``]``), or with one that may match nothing (a match of ``[ab]?c`` may begin with
    ``c``). Kept: every cleaner's scans ask about the same few long patterns."""
    if not source.startswith("[") or source.startswith("[^"):
        return None
    members = []
    end = 1
    while end < len(source) and (source[end] != "]" or end == 1):  # a first ``]`` is a member
        member = _MEMBER.match(source, end)
        assert member is not None, "every character begins a member"
        if member.group(2) == "]":
            return None
        members.append(member)
        end = member.end()
    if end == len(source) or source.startswith(_OPTIONAL, end + 1):
        return None
    return tuple(members), end + 1


@functools.cache
def narrowed(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with the characters beyond the BMP left out of the class it begins with: it
    finds what ``pattern`` finds in any text :func:`within_bmp`. Where there are none to leave
    out, or all are, or the class is negated, ``pattern`` itself.

    >>> narrowed(re.compile("[\\\\x80-\\U0010ffff](?=x)")).pattern
    '[\\\\x80-\\uffff](?=x)'
    >>> narrowed(re.compile("[\\\\-\\U0001f600]")).pattern  # a hyphen and 😀, not a range
    '[\\\\-]'
    """
    source = pattern.pattern
    leading = _leading_class(source)
    if leading is None:
        return pattern
    members, end = leading
    kept = "".join(_bmp_part(member) for member in members)
    if kept in ("", source[1 : end - 1]):
        return pattern
    return re.compile(f"[{kept}]{source[end:]}", pattern.flags)


def _bmp_part(member: re.Match[str]) -> str:
    """A member of a class body (a character or a range) without its characters beyond the BMP."""
    low, high = member.groups()
    if len(low) == 1 and ord(low) >= BEYOND_BMP:
        return ""
    if high is not None and len(high) == 1 and ord(high) >= BEYOND_BMP:
        return f"{low}-{_LAST_OF_BMP}"
    return member.group()


@functools.cache
def _every_bmp_character() -> str:
    return "".join(map(chr, range(BEYOND_BMP)))


@functools.cache
def members_bitmap(pattern: re.Pattern[str]) -> bytes | None:
    """A bit for each code point of the BMP, lowest first, set where the class that ``pattern``
    begins with holds it (None: it begins with no class that :func:`narrowed` reads). The class
    is read by the engine itself, through every character of the BMP, so the bitmap holds
    exactly what it matches.

    >>> bitmap = members_bitmap(re.compile("[A-Cé](?=x)"))
    >>> [chr(point) for point in range(BEYOND_BMP) if bitmap[point >> 3] >> (point & 7) & 1]
    ['A', 'B', 'C', 'é']
    """
    leading = _leading_class(pattern.pattern)
    if leading is None:
        return None
    # A digit a code point, the last first: read as a binary number, its bits are the bitmap's.
    digits = bytearray(b"0" * BEYOND_BMP)
    # A pattern that is its class alone reads them one by one; compiling a large class again, to
    # read them by runs, would cost more (twenty milliseconds for the rare ideographs).
    if leading[1] == len(pattern.pattern):
        runs = pattern
    else:
        runs = re.compile(f"(?:{pattern.pattern[: leading[1]]})+", pattern.flags)
    for run in runs.finditer(_every_bmp_character()):
        start, end = run.span()
        digits[BEYOND_BMP - end : BEYOND_BMP - start] = b"1" * (end - start)
    return int(digits, 2).to_bytes(BEYOND_BMP // 8, "little")


class BitmapScan:
    """``pattern`` searching text within the BMP from the first character its leading class holds,
    found by the compiled helper in ``members`` (:func:`members_bitmap`): no match begins before
    it. A pattern that is the class alone has the helper list all of them."""

    __slots__ = ("_alone", "_members", "_pattern")

    def __init__(self, pattern: re.Pattern[str], members: bytes) -> None:
        leading = _leading_class(pattern.pattern)
        self._pattern = pattern
        self._members = members
        self._alone = leading is not None and leading[1] == len(pattern.pattern)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        first = _first_member(string, self._members, pos, endpos)
        return None if first == -1 else self._pattern.search(string, first, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        if self._alone:
            return _members_in(string, self._members, pos, endpos)
        return self._pattern.findall(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        # Each match holds a character at least, its class's: the next is searched for from its end.
        found = self.search(string, pos, endpos)
        while found is not None:
            yield found
            found = self.search(string, found.end(), endpos)


class NarrowableScan:
    """A pattern that begins with a class of characters, and the faster scans of text within the
    BMP it has: the :class:`BitmapScan` where the compiled helper is built, else the narrow form
    (see :func:`narrowed`). Either is made when first asked for: a class of many characters
    takes tens of milliseconds to compile, and its bitmap a few."""

    __slots__ = ("_narrow", "_within_bmp", "wide")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.wide = pattern
        self._narrow: re.Pattern[str] | None = None
        self._within_bmp: Scanner | None = None

    @property
    def narrow(self) -> re.Pattern[str]:
        """The narrow form of the pattern."""
        if self._narrow is None:
            self._narrow = narrowed(self.wide)
        return self._narrow

    def over(self, text: str) -> Scanner:
        """The scan of ``text``: the faster one where ``text`` is within the BMP and long enough
        for it to save more than telling that costs."""
        if len(text) < (BITMAP_FROM if COMPILED else NARROWED_FROM) or not within_bmp(text):
            return self.wide
        if self._within_bmp is None:
            members = members_bitmap(self.narrow) if COMPILED else None
            self._within_bmp = self.narrow if members is None else BitmapScan(self.narrow, members)
        return self._within_bmp
