"""Generate src/presswash/steps/_misread_table.py: the codecs UTF-8 is misread through, and their screen.

A misread turns each non-ASCII character's UTF-8 bytes into characters of the
wrong codec. Every such sequence starts with a lead byte (C2-F4). In a
single-byte codec that byte is one character, always followed by a character
for a continuation byte (80-BF); in a double-byte codec it starts a character
whose encoding begins with that byte (or, in Shift-JIS, is a halfwidth
katakana). So text that holds no lead-byte character followed by a
continuation character, and no double-byte character starting with a lead
byte, holds no misread through any of these codecs: that is the cheap screen
that :mod:`presswash.steps.misreads` asks first. This script decodes every
byte (and, for the double-byte codecs, every byte pair and Shift-JIS single
byte) through each codec and writes the three character classes. Run it after
upgrading Python (its codecs and Unicode data)::

    python scripts/generate_misread_table.py
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-*" codecs)

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


def decoded(codec: str, data: bytes) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def single_byte_classes() -> list[tuple[str, set[str], set[str]]]:
    """For each single-byte codec: its name, what it reads lead bytes as, and continuation bytes."""
    classes = []
    for name, codec in SINGLE_BYTE_CODECS:
        leads: set[str] = set()
        continuations: set[str] = set()
        for byte in range(0x80, 0x100):
            character = decoded(codec, bytes([byte]))
            if character is None:
                sys.exit(f"{codec} leaves byte {byte:02X} unassigned: it cannot stand for a misread")
            if byte in LEAD_BYTES:
                leads.add(character)
            elif byte in CONTINUATION_BYTES:
                continuations.add(character)
        # A reader that meets a byte its codec leaves unassigned may put U+FFFD there instead.
        continuations.add("\ufffd")
        classes.append((name, leads, continuations))
    return classes


def double_byte_leads() -> set[str]:
    """Characters a double-byte codec reads from a lead byte alone or with the byte after it."""
    characters: set[str] = set()
    for _, codec in DOUBLE_BYTE_CODECS:
        for lead in LEAD_BYTES:
            alone = decoded(codec, bytes([lead]))
            if alone is not None:
                characters.add(alone)
            for trail in range(0x40, 0x100):
                pair = decoded(codec, bytes([lead, trail]))
                if pair is not None and len(pair) == 1:
                    characters.add(pair)
    return {character for character in characters if not character.isascii()}


def character_class(characters: set[str], gap: int = 1) -> str:
    """A compact ``re`` character-class body for ``characters``, escaped as Python source.

    Ranges less than ``gap`` apart are joined, gaps included: a superset with
    fewer ranges, which compiles and matches faster.
    """
    ranges: list[tuple[int, int]] = []
    for point in sorted(map(ord, characters)):
        if ranges and ranges[-1][1] >= point - gap:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))

    def escape(point: int) -> str:
        return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"

    return "".join(escape(low) if low == high else f"{escape(low)}-{escape(high)}" for low, high in ranges)


def codec_list(codecs: tuple[tuple[str, str], ...]) -> str:
    return "\n".join(f'    ("{name}", "{codec}"),' for name, codec in codecs)


def main() -> None:
    classes = single_byte_classes()
    pairs = "\n".join(
        f'    ("{name}", "{character_class(leads)}", "{character_class(continuations)}"),'
        for name, leads, continuations in classes
    )
    doubles = double_byte_leads()
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

# For each single-byte codec: what it reads a UTF-8 lead byte (C2-F4) as, and what it reads a
# continuation byte (80-BF) as, with U+FFFD (a byte lost); character-class bodies.
SINGLE_BYTE_SEQUENCES = (
{pairs}
)

# What a double-byte codec reads starting at a UTF-8 lead byte: a character of two bytes, or one
# (ranges less than {DOUBLE_BYTE_GAP} apart joined: a superset of a few dozen ranges instead of thousands).
DOUBLE_BYTE_LEADS = "{character_class(doubles, DOUBLE_BYTE_GAP)}"
''',
        encoding="utf-8",
    )
    print(f"wrote {OUTPUT.name}: {len(classes)} single-byte codecs, {len(doubles)} double-byte characters")


if __name__ == "__main__":
    main()
