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

from character_classes import character_class, class_lines, escaped

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "presswash" / "steps" / "_normalization_table.py"

HANGUL_VOWELS = range(0x1161, 0x1176)
HANGUL_TRAILING_CONSONANTS = range(0x11A8, 0x11C3)


def characters() -> list[str]:
    return [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]


def composition_partners() -> dict[int, set[int]]:
    """For each character other than a Hangul jamo that NFC can compose with the character before
    it, the characters it composes with."""
    partners: dict[int, set[int]] = {}
    for char in characters():
        decomposition = unicodedata.decomposition(char).split()
        if len(decomposition) != 2 or decomposition[0].startswith("<"):
            continue
        first, second = (int(part, 16) for part in decomposition)
        if unicodedata.normalize("NFC", chr(first) + chr(second)) == char:  # not excluded from composition
            partners.setdefault(second, set()).add(first)
    return partners


def composition_seconds() -> set[int]:
    """Characters that NFC can compose with the character before them (quick check "Maybe")."""
    return set(HANGUL_VOWELS) | set(HANGUL_TRAILING_CONSONANTS) | set(composition_partners())


def joining_after_letters() -> dict[int, set[int]]:
    """The BMP characters that NFC can only join to a non-ASCII letter before them, which NFC
    leaves alone otherwise, with those letters: a nukta after most Devanagari consonants, a
    hamza after most Arabic letters, a Tamil length mark after most vowel signs.

    Sieving (which sets ASCII aside) keeps such a letter beside its mark, so that a screen
    of sieved text can ask about the pair, where one that any mark after any letter
    may join sends every nukta of a Hindi text to be looked at.
    """
    return {
        second: firsts
        for second, firsts in composition_partners().items()
        if second <= 0xFFFF
        and all(first >= 0x80 for first in firsts)
        and unicodedata.normalize("NFC", chr(second)) == chr(second)
    }


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
    them to the character before, but for those joined only after certain letters (listed
    apart). The others are combining marks that NFC at most reorders, so one that stands
    alone between stable characters leaves the text as it is."""
    seconds = composition_seconds() - set(joining_after_letters())
    return [
        ord(char)
        for char in characters()
        if char <= "\uffff" and (unicodedata.normalize("NFC", char) != char or ord(char) in seconds)
    ]


def main() -> None:
    points = unstable()
    joined = "\n".join(
        f'    ("{escaped(second)}", "{character_class(firsts)}"),'
        for second, firsts in sorted(joining_after_letters().items())
    )
    OUTPUT.write_text(
        f'''"""Characters that can make a text not NFC (generated: do not edit).

Generated by scripts/generate_normalization_table.py under Unicode {unicodedata.unidata_version}.
"""

UNICODE_VERSION = "{unicodedata.unidata_version}"

# In the BMP: combining marks, characters that NFC replaces, and characters NFC can join to the one before.
NFC_UNSTABLE_BMP = (
{class_lines(points, 6)}
)

# Of those, the characters NFC replaces or can join to the one before (quick check "No" or "Maybe"),
# but for those of JOINED_AFTER_LETTERS.
NFC_CHANGING_BMP = (
{class_lines(changing(), 6)}
)

# Characters NFC can join only to one of a few non-ASCII letters before them (and leaves alone
# otherwise), each with those letters: (character, class body of the letters).
JOINED_AFTER_LETTERS = (
{joined}
)

# In the BMP: the characters with a canonical combining class other than 0, and MARKS_FIRST.
REORDERED_BMP = (
{class_lines(reordered(), 6)}
)

# Characters of class 0 whose decomposition (canonical or compatibility) starts with a mark.
MARKS_FIRST = "{"".join(map(escaped, marks_first()))}"
''',
        encoding="utf-8",
    )
    print(f"wrote {OUTPUT.name}: {len(points)} unstable characters", file=sys.stderr)


if __name__ == "__main__":
    main()
