"""The character classes and patterns of UTF-8 misreads, from the codecs' own tables.

``scripts/generate_misread_table.py`` reads every byte through each codec and
writes what each single-byte codec reads the UTF-8 leads and continuation bytes
as, and what the double-byte codecs read a misread's first character as. This
module turns those class bodies into the patterns and look-ups that the screen
(:mod:`presswash.steps.misread_screen`), the second chance
(:mod:`presswash.steps.misreads`) and the mojibake step's triggers use.

    >>> SHAPE.match("Jos\u0413\u00a9", 4) is not None, may_begin_shape("Г", "©"), may_begin_shape("©", "Г")
    (True, True, False)
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable

from presswash.sieve import COMMON_PUNCTUATION
from presswash.step import class_points
from presswash.steps._misread_table import (
    DOUBLE_BYTE_RARE,
    DOUBLE_BYTE_STARTS,
    DOUBLE_BYTE_TRIGGER,
    SELDOM_CORRECT,
    SINGLE_BYTE_CODECS,
    SINGLE_BYTE_SHAPES,
)

# What any single-byte codec reads a continuation byte (80-BF) as, and U+FFFD (a byte lost).
CONTINUATIONS = "".join(continuations for *_, continuations in SINGLE_BYTE_SHAPES)


def _shape(two: str, three: str, four: str, continuations: str) -> str:
    """Matches at the first continuation character of a misread sequence of one codec, its lead
    just before: the lead and as many continuations as it announces, or a lost byte (U+FFFD)
    among them. Whether the two characters are a lead and a continuation is asked first, and
    only then how many continuations the lead announces."""
    next_one = f"[{continuations}]"
    return (
        f"(?<=[{two}{three}{four}]{next_one})"
        f"(?:(?<=[{two}].)|(?<=[{three}].)(?={next_one})|(?<=[{four}].)(?={next_one}{next_one})"
        f"|(?<=\ufffd)|(?<=[{three}{four}].)(?={next_one}?\ufffd))"
    )


# Each single-byte codec with the pattern of its shapes.
SINGLE_BYTE_READINGS = tuple(
    (name, codec, re.compile(f"[{continuations}](?:{_shape(two, three, four, continuations)})"))
    for (name, codec), (_, two, three, four, continuations) in zip(
        SINGLE_BYTE_CODECS, SINGLE_BYTE_SHAPES, strict=True
    )
)
# The shapes of every codec: one pattern, which skips what no codec reads a continuation byte as.
SHAPE = re.compile(f"[{CONTINUATIONS}](?:{'|'.join(_shape(*shape[1:]) for shape in SINGLE_BYTE_SHAPES)})")
# What any single-byte codec reads a lead byte as: characters that can start a misread.
SINGLE_BYTE_LEADS = "".join(two + three + four for _, two, three, four, _ in SINGLE_BYTE_SHAPES)


def _codecs_reading(bodies: Iterable[str]) -> dict[str, int]:
    """For each character of the class bodies ``bodies`` (one per single-byte codec), the codecs
    whose body holds it, as bits."""
    codecs: dict[str, int] = {}
    for index, body in enumerate(bodies):
        for point in class_points(body):
            codecs[chr(point)] = codecs.get(chr(point), 0) | 1 << index
    return codecs


# The codecs that read a lead byte, and a continuation byte, as each character.
_LEAD_OF = _codecs_reading(two + three + four for _, two, three, four, _ in SINGLE_BYTE_SHAPES)
_CONTINUATION_OF = _codecs_reading(continuations for *_, continuations in SINGLE_BYTE_SHAPES)


def _continuing(leads: dict[str, int], continuations: dict[str, int]) -> dict[str, frozenset[str]]:
    """For each character of ``leads``, the characters of ``continuations`` that share a codec with
    it (both given with their codecs as bits)."""
    by_codecs = {
        codecs: frozenset(second for second, its in continuations.items() if its & codecs)
        for codecs in set(leads.values())
    }
    return {first: by_codecs[codecs] for first, codecs in leads.items()}


# What may follow each lead character in a single-byte shape: the continuation characters of the
# codecs that read a lead byte as it. Every pair a shape begins with is one of these.
CONTINUING = _continuing(_LEAD_OF, _CONTINUATION_OF)
SHAPE_LEADS = frozenset(CONTINUING)


def _masks(codecs: dict[str, int]) -> bytes:
    """Each code point of the BMP's codecs (bits, as ``_LEAD_OF`` gives them), two bytes each in
    native order, as the compiled helper's search for pairs reads them (see
    :mod:`presswash.bmp_scan`)."""
    masks = array("H", bytes(2 * 0x10000))
    for character, bits in codecs.items():
        masks[ord(character)] = bits
    return masks.tobytes()


# The same, for that search: a pair whose masks share a bit is one that begins a shape.
LEAD_MASKS = _masks(_LEAD_OF)
CONTINUATION_MASKS = _masks(_CONTINUATION_OF)
SHAPE_CONTINUATIONS = frozenset(_CONTINUATION_OF)
_NONE: frozenset[str] = frozenset()


def may_begin_shape(first: str, second: str) -> bool:
    """Whether one codec reads a lead byte as ``first`` and a continuation byte as ``second``: the
    pair every single-byte shape begins with, told by two look-ups."""
    return second in CONTINUING.get(first, _NONE)


def _class_body(points: Iterable[int]) -> str:
    """A character-class body of the code points ``points``, in ranges.

    >>> _class_body([0x62, 0x61, 0x63, 0x78])
    'a-cx'
    """
    ranges: list[list[int]] = []
    for point in sorted(points):
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "".join(
        re.escape(chr(low)) + (f"-{re.escape(chr(high))}" if high > low else "") for low, high in ranges
    )


# Every place the second chance looks at holds one of these: the continuation character a
# single-byte shape begins with, the first character of a double-byte misread, or a character
# double-byte misreads are full of. Correct text of most scripts holds few or none.
MISREAD_CHARACTERS = CONTINUATIONS + DOUBLE_BYTE_STARTS + DOUBLE_BYTE_RARE
# The characters beyond the common punctuation that a single-byte codec reads a lead or a
# continuation byte as. Every pair of one codec's lead and continuation holds one (a test checks
# it): no codec reads both a lead and a continuation as common punctuation.
_SINGLE_BYTE_POINTS = set(class_points(SINGLE_BYTE_LEADS + CONTINUATIONS))
PAIR_MEMBER = re.compile(f"[{_class_body(_SINGLE_BYTE_POINTS - set(map(ord, COMMON_PUNCTUATION)))}]")
DOUBLE_BYTE_START = re.compile(f"[{DOUBLE_BYTE_STARTS}]")
# The characters double-byte misreads begin with or are full of, and a few more (see the table).
DOUBLE_BYTE_CHARACTER = re.compile(f"[{DOUBLE_BYTE_TRIGGER}]")
RARE = re.compile(f"[{DOUBLE_BYTE_RARE}]")
# What a wrong reading leaves and correct text seldom holds (rare ideographs, halfwidth katakana,
# private use), whether or not a misread the second chance could undo holds it.
SELDOM_CORRECT_CHARACTER = re.compile(f"[{SELDOM_CORRECT}]")
# A double-byte misread's first character beside a Latin letter (caf茅, 艑tsuchi).
LETTER_BESIDE_START = re.compile(f"[{DOUBLE_BYTE_STARTS}](?:(?<=[A-Za-z].)|(?=[A-Za-z]))")
CONTINUATION = re.compile(f"[{CONTINUATIONS}]")
