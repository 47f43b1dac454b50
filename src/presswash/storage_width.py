"""What CPython's storage of a string tells about its characters without reading them.

CPython stores a string at the width of its widest character: a byte a character
where every one is below U+0100 (Latin-1), two where every one is within the Basic
Multilingual Plane, four otherwise. Its size (``str.__sizeof__``) tells that width at no cost,
and so proves that a text holds no character past a bound, which lets the sieve and
the scans of long texts read it the cheaper way. Where the size does not prove it
(a string that keeps its UTF-8 form as well, or another Python), the answer is
False, and the text is read the general way.

    >>> within_latin1("café"), within_latin1("naïve “quote”"), within_bmp("naïve “quote”")
    (True, False, True)
    >>> within_bmp("emoji 🙂")
    False
"""

from __future__ import annotations

import sys

# The size of a string, as ``str`` counts it whatever a subclass says (``sys.getsizeof`` costs
# three times as much to ask).
_size_of = str.__sizeof__
# The size of a string stored a byte a character but for those bytes and the terminator: any
# string of a wider storage is at least this plus its width for each character and the
# terminator, whatever else it keeps.
_BASE = _size_of("\u00e9") - 2 if sys.implementation.name == "cpython" else None


def within_latin1(text: str) -> bool:
    """True only if every character of ``text`` is below U+0100, told without reading it."""
    return _BASE is not None and _size_of(text) < _BASE + 2 * (len(text) + 1)


def within_bmp(text: str) -> bool:
    """True only if no character of ``text`` is beyond the BMP, told without reading it."""
    return _BASE is not None and _size_of(text) < _BASE + 4 * (len(text) + 1)
