"""Scans that leave out the characters beyond the Basic Multilingual Plane where a text holds none.

The screens that read text largely non-ASCII (Greek, Cyrillic, Chinese) search it
for a class of characters that often takes in every character beyond the BMP,
where NFC's work or styled letters may be. The engine tests each character it
reads against the parts of a class one after another, and that one last range
costs about a third of such a scan (4.4 against 3.0 ns a character). Most text
holds no character beyond the BMP, and CPython tells so without reading it (see
:mod:`presswash.storage_width`). A :class:`NarrowableScan` then searches with its narrow
pattern, the same pattern with those characters left out of its leading class.

    >>> scan = NarrowableScan(re.compile("[é\\U0001d400-\\U0001d7ff]+"))
    >>> scan.over("café " * 60).pattern, scan.over("𝐜𝐚𝐟é " * 60).findall("𝐜𝐚𝐟é")
    ('[é]+', ['𝐜𝐚𝐟é'])
"""

from __future__ import annotations

import functools
import re

from presswash.storage_width import within_bmp

BEYOND_BMP = 0x10000
# Characters from which a text is scanned narrowly: telling that it is within the BMP costs about
# what the narrow scan saves on a hundred (an English article's few characters beyond ASCII, sieved).
NARROWED_FROM = 256
_LAST_OF_BMP = "\uffff"
# A member of a class body: an escape or one character, then perhaps the end of a range.
_ESCAPE = r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|.)"
_MEMBER = re.compile(f"({_ESCAPE}|[^\\\\])(?:-({_ESCAPE}|[^\\\\]))?", re.DOTALL)


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
    if not source.startswith("[") or source.startswith("[^"):
        return pattern
    members = []
    end = 1
    while end < len(source) and (source[end] != "]" or end == 1):  # a first ``]`` is a member
        member = _MEMBER.match(source, end)
        assert member is not None, "every character begins a member"
        if member.group(2) == "]":
            return pattern  # a range ending where the class may end: left as it is
        members.append(member)
        end = member.end()
    if end == len(source):
        return pattern
    kept = "".join(_bmp_part(member) for member in members)
    if kept in ("", source[1:end]):
        return pattern
    return re.compile(f"[{kept}{source[end:]}", pattern.flags)


def _bmp_part(member: re.Match[str]) -> str:
    """A member of a class body (a character or a range) without its characters beyond the BMP."""
    low, high = member.groups()
    if len(low) == 1 and ord(low) >= BEYOND_BMP:
        return ""
    if high is not None and len(high) == 1 and ord(high) >= BEYOND_BMP:
        return f"{low}-{_LAST_OF_BMP}"
    return member.group()


class NarrowableScan:
    """A pattern that begins with a class of characters, and its narrow form (see
    :func:`narrowed`), which the engine reads text within the BMP with faster. The narrow form
    is compiled when first asked for: a class of many characters takes tens of milliseconds."""

    __slots__ = ("_narrow", "wide")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.wide = pattern
        self._narrow: re.Pattern[str] | None = None

    @property
    def narrow(self) -> re.Pattern[str]:
        """The narrow form of the pattern."""
        if self._narrow is None:
            self._narrow = narrowed(self.wide)
        return self._narrow

    def over(self, text: str) -> re.Pattern[str]:
        """The pattern that searches ``text``: the narrow one where ``text`` is within the BMP and
        long enough for the narrow scan to save more than telling that costs."""
        if len(text) < NARROWED_FROM or not within_bmp(text):
            return self.wide
        return self.narrow
