"""The styled characters: what each stands for, and which plain letters each style can write.

The table (``_styled_table``, generated from the Unicode character database)
lists the styled alphabets by *kind* (how the styled step decides whether to
fold them) and *style*. This module turns it into the lookups the step uses,
and adds the one styled form the table cannot list, a letter or digit inside a
combining enclosure (v⃝, W⃣), which is a character and a mark.

    >>> STYLED_CHARACTERS["\U0001d41a"]
    Styled(plain='a', kind='mathematical', style='bold')
    >>> "x" in COVERAGE["small capitals"], "e" in COVERAGE["small capitals"]
    (False, True)
    >>> marked_enclosures([("v", "\u20dd"), ("o", "\u20dd")]), marked_enclosures([("1", "\ufe0f\u20e3")])
    (2, 0)
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import NamedTuple

from presswash.step import class_points
from presswash.steps._styled_table import COMBINING_MARKS, STYLED, SUPPLEMENTARY_COMBINING_MARKS

Units = list[tuple[str, str]]  # (base character or "", the combining marks on it)


class Styled(NamedTuple):
    plain: str
    kind: str
    style: str


def _styled_characters() -> dict[str, Styled]:
    characters: dict[str, Styled] = {}
    for kind, styles in STYLED.items():
        for style, ranges in styles.items():
            for first, last, plain in ranges:
                for point in range(first, last + 1):
                    characters[chr(point)] = Styled(chr(plain + point - first), kind, style)
    return characters


STYLED_CHARACTERS = _styled_characters()
STYLED_SET = frozenset(STYLED_CHARACTERS)
MARKS = COMBINING_MARKS + SUPPLEMENTARY_COMBINING_MARKS
MARK_SET = frozenset(map(chr, class_points(MARKS)))

# Kinds that fold wherever they are; the others fold by the rules of the styled step.
ALWAYS = frozenset({"mathematical", "fullwidth"})
SOMETIMES = ("letterlike", "enclosed", "modifier")
EVERY_KIND = ALWAYS.union(SOMETIMES)


def _coverage() -> dict[str, frozenset[str]]:
    written: dict[str, set[str]] = {}
    for styled in STYLED_CHARACTERS.values():
        written.setdefault(styled.style, set()).add(styled.plain)
    # Superscript q (𐞥) came with Unicode 14 in 2021: generators still write a plain q.
    written["superscript"].discard("q")
    # Small capital s (ꜱ) and the ǫ borrowed for q are missing from many generators and fonts.
    written["small capitals"] -= {"s", "q"}
    return {style: frozenset(plain) for style, plain in written.items()}


def _fold_tables() -> dict[frozenset[str], dict[int, str]]:
    """A ``str.translate`` table for every set of kinds that can fold together in a word."""
    tables = {}
    for size in range(len(SOMETIMES) + 1):
        for kinds in combinations(SOMETIMES, size):
            folding = ALWAYS.union(kinds)
            tables[folding] = {ord(c): s.plain for c, s in STYLED_CHARACTERS.items() if s.kind in folding}
    return tables


# The plain letters and digits each style can write.
COVERAGE = _coverage()
FOLD_TABLES = _fold_tables()
# A capital before superscripts or subscripts is notation (Xᵢⱼ, Tₘₐₓ), not a capital kept by a generator.
CAPITALS_ARE_NOTATION = frozenset({"superscript", "subscript"})
# Combining enclosures (circle, square, diamond, circle backslash, screen, keycap, triangle).
ENCLOSING_MARKS = "\u20dd-\u20e0\u20e2-\u20e4"
ENCLOSED_BY_MARK = re.compile(f"[{ENCLOSING_MARKS}]")
KEYCAP = "\u20e3"
PRESENTATION_SELECTORS = re.compile("[\ufe0e\ufe0f]")


def may_stand_beside(plain: list[str], styled: list[Styled]) -> bool:
    """Whether ordinary letters and digits fit in a word of ``styled`` characters.

    They do if the styles cannot write them (ᴇxᴀᴍᴘʟᴇ: no small capital x) and they
    are Latin: a letter of another script makes the styled characters symbols in
    that script's text.
    """
    styles = {s.style for s in styled}
    written: set[str] = set()
    for style in styles:
        written |= COVERAGE[style]
    capitals_are_notation = not styles.isdisjoint(CAPITALS_ARE_NOTATION)
    return all(
        char < "\u0250" and char not in written and not (capitals_are_notation and char.isupper())
        for char in plain
    )


def plain_units(units: Units) -> Units:
    """``units`` with every styled base as the letter it stands for (Zalgo piles are judged on those)."""
    table = FOLD_TABLES[EVERY_KIND]
    return [(base.translate(table), marks) for base, marks in units]


def is_marked_enclosure(base: str, marks: str) -> bool:
    """Whether ``base`` is an ASCII letter or digit in one combining enclosure (a presentation
    selector beside it aside), and not a keycap emoji: a digit, VS16 and the keycap."""
    enclosure = PRESENTATION_SELECTORS.sub("", marks)
    return (
        base.isascii()
        and base.isalnum()
        and ENCLOSED_BY_MARK.fullmatch(enclosure) is not None
        and not (base.isdigit() and enclosure == KEYCAP and "\ufe0f" in marks)
    )


def marked_enclosures(units: Units) -> int:
    """How many letters and digits of a word are in combining enclosures (v⃝o⃝t⃝e⃝, W⃣I⃣N⃣), if
    all are; 0 if the word has another letter or digit, which makes them symbols (P⃠ark)."""
    enclosed = 0
    for base, marks in plain_units(units):
        if is_marked_enclosure(base, marks):
            enclosed += 1
        elif base.isalnum():
            return 0
    return enclosed
