"""Generate src/presswash/steps/_styled_table.py: styled letters and digits and what they stand for.

"Fancy text" generators spell words with characters that Unicode encodes only
so that mathematics, legacy character sets and dingbat fonts round-trip: the
mathematical alphanumerics (𝐛𝐨𝐥𝐝, 𝓈𝒸𝓇𝒾𝓅𝓉, 𝔣𝔯𝔞𝔨𝔱𝔲𝔯), fullwidth forms, circled,
squared and parenthesized letters, superscripts, subscripts and small capitals.
Most of them say what they stand for in their Unicode decomposition:

- ``<font>``: the mathematical alphanumerics, and the Letterlike Symbols that
  fill the holes left in those alphabets (ℬ, ℭ, ℎ — the mathematical block
  leaves ``MATHEMATICAL SCRIPT CAPITAL B`` unassigned because ℬ existed first);
- ``<wide>``: fullwidth letters and digits (fullwidth punctuation is the width
  step's, and is left out);
- ``<circle>``, ``<square>``, ``<super>``, ``<sub>``;
- ``<compat>`` spelled ``(x)``: the parenthesized letters and digits.

The rest have no decomposition and are found by name: small capitals
(``LATIN LETTER SMALL CAPITAL A``), negative circled and negative squared
letters (🅐, 🅰), and the dingbat circled digits (❶, ➀, ⓵).

Only characters that stand for one Latin letter or one digit are kept (and, in
the mathematical block, one Greek letter: its nabla and partial differential
are operators). Other ``<font>`` characters — Hebrew wide letters, Arabic
mathematical letters, segmented digits, ℓ, ℹ, the double-struck italic ⅆ ⅇ ⅈ —
are symbols of their own and are left out. Multi-character forms such
as ⑩ (10), 🅊 (HV), ™ (TM) are numbers, abbreviations and symbols, not letters
of a styled alphabet. The ordinal indicators ª and º, which decompose to
superscript a and o, are Spanish, Portuguese and Italian orthography and are
excluded by name.

The output groups the characters by *kind* (how the styled step decides
whether to fold them) and *style*, as ranges of consecutive code points that
fold to consecutive characters. Run it after a Python upgrade brings a new
Unicode version::

    python scripts/generate_styled_table.py
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "presswash" / "steps" / "_styled_table.py"

MATH_BLOCK = range(0x1D400, 0x1D800)
MATH_LATIN = range(0x1D400, 0x1D6A4)  # 13 alphabets of 52 letters, A to Z then a to z
LETTERLIKE_BLOCK = range(0x2100, 0x2150)
MATH_STYLE_WORDS = ("BOLD", "ITALIC", "SCRIPT", "FRAKTUR", "DOUBLE-STRUCK", "SANS-SERIF", "MONOSPACE")

# The Letterlike Symbols that fill a hole of a mathematical alphabet are named
# after the style, except that fraktur is "black-letter" and italic h is
# Planck's constant.
LETTERLIKE_STYLE_NAMES = {"SCRIPT": "SCRIPT", "FRAKTUR": "BLACK-LETTER", "DOUBLE-STRUCK": "DOUBLE-STRUCK"}
LETTERLIKE_SPECIAL_NAMES = {"ITALIC SMALL H": "PLANCK CONSTANT"}

# Decomposition tag -> style name, for the tags whose characters all share one style.
TAGGED_STYLES = {
    "<wide>": "fullwidth",
    "<circle>": "circled",
    "<square>": "squared",
    "<super>": "superscript",
    "<sub>": "subscript",
}

# Ordinal indicators: <super> a and o, but letters of Romance orthographies (1º, 2ª).
EXCLUDED = {"FEMININE ORDINAL INDICATOR", "MASCULINE ORDINAL INDICATOR"}

DIGIT_WORDS = ("ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")

# Styled characters without a decomposition, recognised by name.
NAMED_STYLES = (
    (re.compile(r"LATIN LETTER SMALL CAPITAL ([A-Z])"), "small capitals"),
    (re.compile(r"NEGATIVE CIRCLED LATIN CAPITAL LETTER ([A-Z])"), "negative circled"),
    (re.compile(r"NEGATIVE SQUARED LATIN CAPITAL LETTER ([A-Z])"), "negative squared"),
    (re.compile(r"(?:DINGBAT )?NEGATIVE CIRCLED (?:SANS-SERIF )?DIGIT (\w+)"), "negative circled"),
    (re.compile(r"(?:DINGBAT |DOUBLE )CIRCLED (?:SANS-SERIF )?DIGIT (\w+)"), "circled"),
)

# Generators write small capital q as o with ogonek: ǫ. It only folds inside a
# run of small capitals (Navajo and Old Norse words spell it among plain letters).
SMALL_CAPITAL_EXTRAS = {"\u01eb": "q"}

# Kinds, and the styles of each; the styled step documents what each kind means.
KINDS = {
    "mathematical": (
        "bold",
        "italic",
        "bold italic",
        "script",
        "bold script",
        "fraktur",
        "bold fraktur",
        "double-struck",
        "sans-serif",
        "sans-serif bold",
        "sans-serif italic",
        "sans-serif bold italic",
        "monospace",
    ),
    "fullwidth": ("fullwidth",),
    "letterlike": ("italic", "script", "fraktur", "double-struck"),
    "enclosed": ("circled", "negative circled", "squared", "negative squared", "parenthesized"),
    "modifier": ("small capitals", "superscript", "subscript"),
}

# Marks drawn across letters as decoration (s̶t̶r̶u̶c̶k̶, u̲n̲d̲e̲r̲l̲i̲n̲e̲d̲): every
# combining "overlay", and the low lines. The overlines are left out: they are
# notation (a vinculum over Roman numerals, a repeating decimal, a conjugate).
OVERLAY_NAME = re.compile(r"COMBINING (?:.* )?OVERLAY|COMBINING (?:DOUBLE )?LOW LINE")

Entry = tuple[str, str, int, str]  # kind, style, code point, the character it folds to


def math_style(name: str) -> str:
    """``bold script`` from ``MATHEMATICAL BOLD SCRIPT CAPITAL A``."""
    words = name.split()[1:]
    style = []
    for word in words:
        if word not in MATH_STYLE_WORDS:
            break
        style.append(word)
    return " ".join(style).lower()


def math_entries() -> Iterator[Entry]:
    for point in MATH_BLOCK:
        char = chr(point)
        tag, *codes = unicodedata.decomposition(char).split() or [""]
        plain = "".join(chr(int(code, 16)) for code in codes)
        # Letters and digits only: the bold nabla and partial differential are operators.
        if tag == "<font>" and len(plain) == 1 and plain.isalnum():
            yield "mathematical", math_style(unicodedata.name(char)), point, plain


def letterlike_entries() -> Iterator[Entry]:
    """The Letterlike Symbols standing in the holes of the mathematical Latin alphabets."""
    for alphabet_start in MATH_LATIN[::52]:
        alphabet = range(alphabet_start, alphabet_start + 52)
        names = [unicodedata.name(chr(point), "") for point in alphabet]
        style = math_style(next(name for name in names if name))
        for offset, name in enumerate(names):
            if name:
                continue
            letter = chr((ord("A") if offset < 26 else ord("a") - 26) + offset)
            case = "CAPITAL" if letter.isupper() else "SMALL"
            key = f"{style.upper()} {case} {letter.upper()}"
            lookup = LETTERLIKE_SPECIAL_NAMES.get(key) or (
                f"{LETTERLIKE_STYLE_NAMES[style.upper()]} {case} {letter.upper()}"
            )
            char = unicodedata.lookup(lookup)
            if ord(char) not in LETTERLIKE_BLOCK or unicodedata.decomposition(char) != (
                f"<font> {ord(letter):04X}"
            ):
                sys.exit(f"{lookup} does not fill the hole {key} of the mathematical alphabets")
            yield "letterlike", style, ord(char), letter


def tagged_entries() -> Iterator[Entry]:
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        decomposition = unicodedata.decomposition(char)
        if not decomposition.startswith("<") or unicodedata.name(char, "") in EXCLUDED:
            continue
        tag, *codes = decomposition.split()
        plain = "".join(chr(int(code, 16)) for code in codes)
        if tag in TAGGED_STYLES and _is_letter_or_digit(plain):
            style = TAGGED_STYLES[tag]
            if style == "circled" and "ITALIC" in unicodedata.name(char):
                continue  # 🄫 🄬: circled italic C and R are symbols, not an alphabet
            yield _kind_of(style), style, point, plain
        elif tag == "<compat>" and plain[::2] == "()" and _is_letter_or_digit(plain[1:-1]):
            yield "enclosed", "parenthesized", point, plain[1]


def named_entries() -> Iterator[Entry]:
    for point in range(sys.maxunicode + 1):
        name = unicodedata.name(chr(point), "")
        for pattern, style in NAMED_STYLES:
            match = pattern.fullmatch(name)
            if match:
                word = match.group(1)
                plain = str(DIGIT_WORDS.index(word)) if word in DIGIT_WORDS else word
                if style == "small capitals":
                    plain = plain.lower()
                if _is_letter_or_digit(plain):
                    yield _kind_of(style), style, point, plain
    for char, plain in SMALL_CAPITAL_EXTRAS.items():
        yield "modifier", "small capitals", ord(char), plain


def _is_letter_or_digit(plain: str) -> bool:
    return len(plain) == 1 and plain.isascii() and plain.isalnum()


def _kind_of(style: str) -> str:
    return next(kind for kind, styles in KINDS.items() if style in styles and kind != "letterlike")


def ranges(entries: list[tuple[int, str]]) -> list[tuple[int, int, int]]:
    """Runs of consecutive code points folding to consecutive characters."""
    runs: list[tuple[int, int, int]] = []
    for point, plain in sorted(entries):
        if runs and runs[-1][1] == point - 1 and runs[-1][2] + point - runs[-1][0] == ord(plain):
            runs[-1] = (runs[-1][0], point, runs[-1][2])
        else:
            runs.append((point, point, ord(plain)))
    return runs


def character_class(points: list[int], bridge: bool = False) -> str:
    """A ``re`` character-class body for ``points``, as Python escapes.

    With ``bridge``, ranges separated only by unassigned code points and other
    mathematical alphanumeric symbols (𝛁, 𝛛) are joined: outside the Basic
    Multilingual Plane Python's ``re`` tests a class range by range, and a trigger
    class may hold characters that turn out to need no fold.
    """
    joined: list[tuple[int, int]] = []
    for first, last, _ in ranges([(point, chr(point)) for point in points]):
        gap = range(joined[-1][1] + 1, first) if joined else range(0)
        if joined and bridge and all(p in MATH_BLOCK or unicodedata.category(chr(p)) == "Cn" for p in gap):
            joined[-1] = (joined[-1][0], last)
        else:
            joined.append((first, last))
    return "".join(
        _escape(first) if first == last else f"{_escape(first)}-{_escape(last)}" for first, last in joined
    )


def _escape(point: int) -> str:
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def packed(items: list[str], indent: str, separator: str = " ", width: int = 96) -> list[str]:
    """``items`` joined into indented lines of at most ``width`` characters."""
    lines: list[str] = []
    line = ""
    for item in items:
        if line and len(indent) + len(line) + len(separator) + len(item) > width:
            lines.append(indent + line)
            line = ""
        line = f"{line}{separator}{item}" if line else item
    return [*lines, indent + line]


def string_lines(body: str, indent: str) -> str:
    """A long class body as a parenthesized string literal, one line per group of escapes."""
    pieces = re.findall(r"\\[uU][0-9a-f]+(?:-\\[uU][0-9a-f]+)?", body)
    assert "".join(pieces) == body
    chunks = [line.strip() for line in packed(pieces, "", separator="", width=96 - len(indent) - 2)]
    return "\n".join(f'{indent}"{chunk}"' for chunk in chunks)


def table_source(entries: list[Entry]) -> str:
    by_style: dict[str, dict[str, list[tuple[int, str]]]] = {kind: {} for kind in KINDS}
    seen: set[int] = set()
    for kind, style, point, plain in entries:
        if point in seen:
            sys.exit(f"U+{point:04X} is derived twice")
        seen.add(point)
        if style not in KINDS[kind]:
            sys.exit(f"U+{point:04X} has the unexpected {kind} style {style!r}")
        by_style[kind].setdefault(style, []).append((point, plain))
    lines = []
    for kind, styles in by_style.items():
        lines.append(f'    "{kind}": {{')
        for style in KINDS[kind]:
            if style not in styles:
                sys.exit(f"no characters found for the {kind} style {style!r}")
            runs = [f"(0x{a:X}, 0x{b:X}, 0x{c:X})," for a, b, c in ranges(styles[style])]
            lines.append(f'        "{style}": (')
            lines.extend(packed(runs, "            "))
            lines.append("        ),")
        lines.append("    },")
    return "\n".join(lines)


def marks() -> tuple[list[int], list[int]]:
    """Every combining mark, and the decorative overlays among them."""
    every = [p for p in range(sys.maxunicode + 1) if unicodedata.category(chr(p)) in ("Mn", "Mc", "Me")]
    overlays = [p for p in every if OVERLAY_NAME.fullmatch(unicodedata.name(chr(p), ""))]
    return every, overlays


def main() -> None:
    entries = [*math_entries(), *letterlike_entries(), *tagged_entries(), *named_entries()]
    every_mark, overlays = marks()
    basic_marks = [point for point in every_mark if point < 0x10000]
    supplementary_marks = [point for point in every_mark if point >= 0x10000]
    version = unicodedata.unidata_version
    source = f'''\
# Generated by scripts/generate_styled_table.py from the Unicode {version} character
# database (Python's unicodedata). Do not edit: regenerate it with
#     python scripts/generate_styled_table.py
"""Styled letters and digits by kind and style, and the marks the styled step needs."""

UNICODE_VERSION = "{version}"

# kind -> style -> ranges (first code point, last code point, code point the first one folds
# to); the characters of a range fold, in order, to consecutive characters.
STYLED: dict[str, dict[str, tuple[tuple[int, int, int], ...]]] = {{
{table_source(entries)}
}}

# Every styled character, as a character-class body that also holds the unassigned code points and
# mathematical symbols (𝛁, 𝛛) between them: with fewer ranges it is faster, and they stay as they are.
STYLED_CLASS = (
{string_lines(character_class([point for *_, point, _ in entries], bridge=True), "    ")}
)

# The styled characters of the Basic Multilingual Plane alone: the pipeline's one-scan screen
# looks for these, and for any supplementary character in place of the rest.
STYLED_CLASS_BASIC = (
{string_lines(character_class([point for *_, point, _ in entries if point < 0x10000], bridge=True), "    ")}
)

# Decorative marks drawn across letters: the combining overlays and low lines.
OVERLAYS = "{character_class(overlays)}"

# Every combining mark (general categories Mn, Mc and Me) as character-class bodies: those of
# the Basic Multilingual Plane, and the supplementary ones.
COMBINING_MARKS = (
{string_lines(character_class(basic_marks), "    ")}
)
SUPPLEMENTARY_COMBINING_MARKS = (
{string_lines(character_class(supplementary_marks), "    ")}
)
'''
    OUTPUT.write_text(source, encoding="utf-8")
    print(
        f"wrote {OUTPUT.name}: {len(entries)} styled characters, {len(overlays)} overlays, Unicode {version}"
    )


if __name__ == "__main__":
    main()
