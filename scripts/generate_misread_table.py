"""Generate src/presswash/steps/_misread_table.py: the codecs UTF-8 is misread through, and their screen.

A misread turns each non-ASCII character's UTF-8 bytes into characters of the
wrong codec. Every such sequence starts with a lead byte (C2-DF for two bytes,
E0-EF for three, F0-F4 for four) followed by one to three continuation bytes
(80-BF). In a single-byte codec each byte is one character, so a misread leaves
a *shape*: a character of the codec's two-, three- or four-byte leads followed
by one, two or three of its continuation characters. In a double-byte codec a
misread starts with a character whose encoding begins with a lead byte and
goes on as UTF-8 does. :mod:`presswash.steps.misread_classes` makes patterns of these, and
:mod:`presswash.steps.misread_screen` looks for these
shapes, and for the characters a double-byte misread leaves that correct text
rarely holds (ideographs outside the common sets, halfwidth katakana,
private use). This script decodes every byte (and, for the double-byte codecs,
every byte pair and Shift-JIS single byte) through each codec and writes the
character classes. Run it after upgrading Python (its codecs and Unicode data)::

    python scripts/generate_misread_table.py
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-*" codecs)
from character_classes import character_class

from presswash.steps.misread_stretches import may_be_held
from presswash.steps.plausibility import is_rare_ideograph

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "presswash" / "steps" / "_misread_table.py"

# (name shown to users, Python codec that undoes the misread). Windows code pages with
# unassigned bytes use ftfy's sloppy codecs, which read those bytes as Latin-1 does, as
# browsers do. The order is the order of preference when two codecs explain a text equally.
SINGLE_BYTE_CODECS = (
    ("windows-1252", "sloppy-windows-1252"),
    ("latin-1", "latin-1"),
    ("windows-1250", "sloppy-windows-1250"),
    ("windows-1251", "sloppy-windows-1251"),
    ("windows-1253", "sloppy-windows-1253"),
    ("windows-1254", "sloppy-windows-1254"),
    ("windows-1257", "sloppy-windows-1257"),
    ("iso-8859-2", "iso-8859-2"),
    ("mac-roman", "mac-roman"),
    ("cp437", "cp437"),
    ("cp850", "cp850"),
    ("koi8-r", "koi8-r"),
    ("koi8-u", "koi8-u"),
)
DOUBLE_BYTE_CODECS = (
    ("cp932", "cp932"),
    ("shift-jis", "shift-jis"),
    ("euc-jp", "euc-jp"),
    ("gbk", "gbk"),
    ("gb18030", "gb18030"),
    ("big5", "big5"),
    ("euc-kr", "euc-kr"),
)
LEAD_BYTES = range(0xC2, 0xF5)
DOUBLE_BYTE_GAP = 16
CONTINUATION_BYTES = range(0x80, 0xC0)
# The leads of sequences of two, three and four bytes.
LEADS_BY_LENGTH = (range(0xC2, 0xE0), range(0xE0, 0xF0), range(0xF0, 0xF5))
# The second byte of a sequence, where its lead narrows it (no overlong forms, surrogates, or
# code points beyond U+10FFFF).
SECOND_BYTES = {
    0xE0: range(0xA0, 0xC0),
    0xED: range(0x80, 0xA0),
    0xF0: range(0x90, 0xC0),
    0xF4: range(0x80, 0x90),
}
# Ideographs of the Basic Multilingual Plane, where the double-byte codecs' ideographs are.
IDEOGRAPHS = (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))
HALFWIDTH_KATAKANA = range(0xFF61, 0xFFA0)
PRIVATE_USE = range(0xE000, 0xF900)
# Big5 reads the rare letters Ǳ-ǿ (C7 B1 to C7 BF) as Cyrillic capitals. Correct Russian is full
# of those, so they are no sign of a misread: they are left out of the starts.
CYRILLIC = range(0x0400, 0x0530)


def decoded(codec: str, data: bytes) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def single_byte_classes() -> list[tuple[str, list[set[str]], set[str]]]:
    """For each single-byte codec: its name, what it reads the leads of two, three and four bytes
    as, and what it reads continuation bytes as."""
    classes = []
    for name, codec in SINGLE_BYTE_CODECS:
        characters = {}
        for byte in range(0x80, 0x100):
            character = decoded(codec, bytes([byte]))
            if character is None:
                sys.exit(f"{codec} leaves byte {byte:02X} unassigned: it cannot stand for a misread")
            characters[byte] = character
        leads = [{characters[byte] for byte in length} for length in LEADS_BY_LENGTH]
        # A reader that meets a byte its codec leaves unassigned may put U+FFFD there instead.
        continuations = {characters[byte] for byte in CONTINUATION_BYTES} | {"\ufffd"}
        classes.append((name, leads, continuations))
    return classes


def double_byte_starts() -> set[str]:
    """Characters a double-byte codec reads from a lead byte alone, or with a byte after it that
    may follow that lead in UTF-8: how every double-byte misread begins, Cyrillic left out."""
    characters: set[str] = set()
    for _, codec in DOUBLE_BYTE_CODECS:
        for lead in LEAD_BYTES:
            alone = decoded(codec, bytes([lead]))
            if alone is not None:
                characters.add(alone)
            for trail in SECOND_BYTES.get(lead, CONTINUATION_BYTES):
                pair = decoded(codec, bytes([lead, trail]))
                if pair is not None and len(pair) == 1:
                    characters.add(pair)
    return {
        character for character in characters if not character.isascii() and ord(character) not in CYRILLIC
    }


def seldom_correct() -> set[int]:
    """What wrong readings of UTF-8 leave and correct text seldom holds: ideographs outside the
    common sets, halfwidth katakana, private-use characters."""
    rare = {point for point in IDEOGRAPHS if is_rare_ideograph(chr(point))}
    return rare | set(HALFWIDTH_KATAKANA) | set(PRIVATE_USE)


def rare_in_double_byte(seldom: set[int]) -> set[int]:
    """What double-byte misreads are full of: the characters of ``seldom`` that some double-byte
    codec reads from bytes a UTF-8 sequence may hold (more than half of the rare ideographs are
    not: their bytes are never UTF-8, ``鳕`` is F6 E8 in GBK)."""
    return {
        point for point in seldom if any(may_be_held(chr(point), codec) for _, codec in DOUBLE_BYTE_CODECS)
    }


def quoted_class(characters: set[str]) -> str:
    return f'"{character_class(map(ord, characters))}"'


def codec_list(codecs: tuple[tuple[str, str], ...]) -> str:
    return "\n".join(f'    ("{name}", "{codec}"),' for name, codec in codecs)


def main() -> None:
    classes = single_byte_classes()
    shapes = "\n".join(
        f'    ("{name}", {", ".join(quoted_class(characters) for characters in [*leads, continuations])}),'
        for name, leads, continuations in classes
    )
    starts = double_byte_starts()
    seldom = seldom_correct()
    rare = rare_in_double_byte(seldom)
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    OUTPUT.write_text(
        f'''"""Codecs UTF-8 is misread through, and the characters that screen them (generated: do not edit).

Generated by scripts/generate_misread_table.py with Python {version}'s codecs
(Unicode {unicodedata.unidata_version}); run that script again after upgrading Python.
"""

# (name shown to users, Python codec that undoes the misread), in order of preference.
SINGLE_BYTE_CODECS = (
{codec_list(SINGLE_BYTE_CODECS)}
)
DOUBLE_BYTE_CODECS = (
{codec_list(DOUBLE_BYTE_CODECS)}
)

# For each single-byte codec: what it reads the UTF-8 leads of two bytes (C2-DF), three (E0-EF)
# and four (F0-F4) as, and what it reads a continuation byte (80-BF) as, with U+FFFD (a byte
# lost); character-class bodies.
SINGLE_BYTE_SHAPES = (
{shapes}
)

# What a double-byte codec reads starting at a UTF-8 lead byte and going on as UTF-8 may: a
# character of one byte or two.
DOUBLE_BYTE_STARTS = "{character_class(map(ord, starts))}"
# Ideographs outside the common sets of Chinese, Japanese and Taiwanese text (see
# presswash.steps.plausibility.is_rare_ideograph), halfwidth katakana and private use: what a
# wrong reading of UTF-8 often leaves and correct text seldom holds.
SELDOM_CORRECT = "{character_class(seldom)}"
# Those of them that some double-byte codec reads from bytes a UTF-8 sequence may hold: what a
# double-byte misread is full of.
DOUBLE_BYTE_RARE = "{character_class(rare)}"
# Both, ranges less than {DOUBLE_BYTE_GAP} apart joined: a superset of a few dozen ranges, for the trigger.
DOUBLE_BYTE_TRIGGER = "{character_class({*map(ord, starts), *rare}, DOUBLE_BYTE_GAP)}"
''',
        encoding="utf-8",
    )
    print(f"wrote {OUTPUT.name}: {len(classes)} single-byte codecs, {len(starts)} double-byte starts")


if __name__ == "__main__":
    main()
