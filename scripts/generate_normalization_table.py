"""Generate src/presswash/steps/_normalization_table.py: the characters that can make a text not NFC.

``unicodedata.is_normalized("NFC", text)`` reads every character of the text.
Almost all of them are *stable*: their NFC quick-check property is "Yes" and
their canonical combining class is 0, and a text made only of such characters
is NFC without further thought (Unicode Standard Annex #15, section 9). The
others are few: combining marks, characters that never survive NFC
(``Å`` as U+212B ANGSTROM SIGN, CJK compatibility ideographs), and the
characters that can join the one before them (Hangul vowels and final
consonants, some Indic vowel signs). This script lists those of the Basic
Multilingual Plane, so that presswash can look for them among the few
non-ASCII characters of a text (see ``presswash.sieve``) instead of asking
``is_normalized`` to read all of it. Characters beyond the BMP (emoji, rare
scripts) are all treated as unstable: listing their ranges too would make the
regular-expression engine test each character against every one of them.

It also lists the BMP characters that canonical ordering moves (combining
class other than 0, or a decomposition that starts with such a mark), with
which presswash finds long runs of combining marks to put in order before
normalizing (see ``presswash.steps.normalization``).

The lists depend on the Unicode version of the running Python, which the
generated file records; presswash uses it only under that version. Run this
script again with a new Python::

    python scripts/generate_normalization_table.py
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "presswash" / "steps" / "_normalization_table.py"

HANGUL_VOWELS = range(0x1161, 0x1176)
HANGUL_TRAILING_CONSONANTS = range(0x11A8, 0x11C3)


def characters() -> list[str]:
    return [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]


def composition_seconds() -> set[int]:
    """Characters that NFC can compose with the character before them (quick check "Maybe")."""
    seconds = set(HANGUL_VOWELS) | set(HANGUL_TRAILING_CONSONANTS)
    for char in characters():
        decomposition = unicodedata.decomposition(char).split()
        if len(decomposition) != 2 or decomposition[0].startswith("<"):
            continue
        first, second = (chr(int(part, 16)) for part in decomposition)
        if unicodedata.normalize("NFC", first + second) == char:  # not excluded from composition
            seconds.add(ord(second))
    return seconds


def marks_first() -> list[int]:
    """Characters of combining class 0 whose decomposition starts with a mark of another class."""
    return [
        ord(char)
        for char in characters()
        if not unicodedata.combining(char) and unicodedata.combining(unicodedata.normalize("NFKD", char)[0])
    ]


def reordered() -> list[int]:
    """Every BMP character that canonical ordering can move: a mark, or a character that starts with one."""
    marks = [ord(char) for char in characters() if char <= "\uffff" and unicodedata.combining(char)]
    return sorted(marks + [point for point in marks_first() if point <= 0xFFFF])


def unstable() -> list[int]:
    """Every BMP character that is not NFC-stable (quick check "Yes" and combining class 0)."""
    seconds = composition_seconds()
    return [
        ord(char)
        for char in characters()
        if char <= "\uffff"
        and (
            unicodedata.combining(char) or unicodedata.normalize("NFC", char) != char or ord(char) in seconds
        )
    ]


def changing() -> list[int]:
    """The unstable BMP characters whose quick check is not "Yes": NFC replaces them, or can join
    them to the character before. The others are combining marks that NFC at most reorders, so
    one that stands alone between stable characters leaves the text as it is."""
    seconds = composition_seconds()
    return [
        ord(char)
        for char in characters()
        if char <= "\uffff" and (unicodedata.normalize("NFC", char) != char or ord(char) in seconds)
    ]


def class_items(points: list[int]) -> list[str]:
    """The items (``\\u0300-\\u034e``, ``\\u0374``) of a compact character class of sorted ``points``."""
    ranges: list[list[int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return [escape(low) if low == high else f"{escape(low)}-{escape(high)}" for low, high in ranges]


def class_body(points: list[int]) -> str:
    """A character class of ``points``, as a parenthesized string literal six items a line."""
    items = class_items(points)
    lines = ["".join(items[start : start + 6]) for start in range(0, len(items), 6)]
    return "\n".join(f'    "{line}"' for line in lines)


def escape(point: int) -> str:
    return f"\\u{point:04x}"


def main() -> None:
    points = unstable()
    OUTPUT.write_text(
        f'''"""Characters that can make a text not NFC (generated: do not edit).

Generated by scripts/generate_normalization_table.py under Unicode {unicodedata.unidata_version}.
"""

UNICODE_VERSION = "{unicodedata.unidata_version}"

# In the BMP: combining marks, characters that NFC replaces, and characters NFC can join to the one before.
NFC_UNSTABLE_BMP = (
{class_body(points)}
)

# Of those, the characters NFC replaces or can join to the one before (quick check "No" or "Maybe").
NFC_CHANGING_BMP = (
{class_body(changing())}
)

# In the BMP: the characters with a canonical combining class other than 0, and MARKS_FIRST.
REORDERED_BMP = (
{class_body(reordered())}
)

# Characters of class 0 whose decomposition (canonical or compatibility) starts with a mark.
MARKS_FIRST = "{"".join(map(escape, marks_first()))}"
''',
        encoding="utf-8",
    )
    print(f"wrote {OUTPUT.name}: {len(points)} unstable characters", file=sys.stderr)


if __name__ == "__main__":
    main()
