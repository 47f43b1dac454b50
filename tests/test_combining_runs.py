"""Long runs of combining marks: the same normalization as unicodedata's, without its quadratic cost.

CPython puts a run of marks into canonical order by insertion sort; presswash sorts long runs
itself first (presswash.steps.normalization). These tests hold the result equal to
``unicodedata.normalize`` on runs built to be out of order, and run every preset on runs of
10^6 marks, which would take minutes if any step were quadratic.
"""

from __future__ import annotations

import unicodedata

import ftfy
import pytest
from hypothesis import given
from hypothesis import strategies as st

import presswash
from presswash import Cleaner
from presswash.ftfy_loop import fix_segment
from presswash.steps.normalization import LONG_RUN, canonically_ordered, normalize

# Marks of many combining classes (230, 1, 220, 240, 10, 129, 130, 216, 8, 202, 9), the
# characters of class 0 that decompose into marks (U+0F73, U+0F75, U+0F81, halfwidth U+FF9E),
# one that decomposes into two (U+0344), starters that compose with marks, and Hangul jamo.
RUN_PIECES = [
    *"\u0301\u0336\u0323\u0345\u05b0\u0f71\u0f72\u0f80\u0327\u0338\u3099\u0f73\u0f75\u0f81\uff9e\u0344",
    *"\U0001d165\U0001d16d\u094d\u0e38",
    *"aeωΑ\u1100\u1161\u11a8\uac00 ",
]
FORMS = ("NFC", "NFD", "NFKC", "NFKD")


@given(
    st.lists(st.sampled_from(RUN_PIECES), min_size=LONG_RUN, max_size=300).map("".join),
    st.sampled_from(FORMS),
)
def test_normalize_equals_unicodedata(text: str, form: str) -> None:
    assert normalize(form, text) == unicodedata.normalize(form, text)  # type: ignore[arg-type]


@given(st.lists(st.sampled_from(RUN_PIECES), max_size=300).map("".join))
def test_ordering_keeps_canonical_equivalence(text: str) -> None:
    ordered = canonically_ordered(text)
    assert unicodedata.normalize("NFD", ordered) == unicodedata.normalize("NFD", text)


def test_runs_in_order_are_left_as_they_are() -> None:
    text = "a" + "\u0336" * 100 + "\u0301" * 100
    assert canonically_ordered(text) is text


# Just under a million marks: ftfy cuts longer lines into segments of 10^6 characters and
# normalizes each apart, and fix_text does what ftfy does.
MARKS = 998_000
MIXED = "\u0301\u0336" * (MARKS // 2)
# The same marks in canonical order (class 1 before class 230): CPython normalizes that in
# linear time, so it is an independent oracle for the mixed run.
ORDERED = "\u0336" * (MARKS // 2) + "\u0301" * (MARKS // 2)


def test_fix_text_on_a_million_mixed_marks() -> None:
    assert presswash.fix_text("e" + MIXED) == unicodedata.normalize("NFC", "e" + ORDERED)


def test_fix_text_cuts_long_lines_as_ftfy() -> None:
    text = "e" + "\u0301\u0336" * 500_001  # ftfy normalizes its first 10^6 characters apart
    cut = ftfy.TextFixerConfig().max_decode_length
    first, rest = text[:cut], text[cut:]
    expected = unicodedata.normalize("NFC", in_order(first)) + unicodedata.normalize("NFC", in_order(rest))
    assert presswash.fix_text(text) == expected


def in_order(text: str) -> str:
    """``text`` with its marks (all but a first letter) stably sorted by combining class."""
    start = 0 if unicodedata.combining(text[0]) else 1
    return text[:start] + "".join(sorted(text[start:], key=unicodedata.combining))


@pytest.mark.parametrize("preset", ["news", "ftfy", "ascii"])
def test_every_preset_on_a_million_mixed_marks(preset: str) -> None:
    # A Devanagari letter: its Latin marks are no Zalgo pile, so they reach normalization.
    text = "\u0915" + MIXED
    expected = Cleaner(preset, styled=False)("\u0915" + ORDERED)
    assert Cleaner(preset)(text) == expected


def test_ftfy_loop_on_marks_from_entities() -> None:
    # Entities decode to marks only in ftfy's loop, after the text was first looked at.
    text = "e" + "&#769;&#822;" * 300 + " Mayor\u00e2\u20ac\u2122s"
    config = ftfy.TextFixerConfig(explain=False)
    assert fix_segment(text, config) == ftfy.fix_text_segment(text, config)
    assert presswash.fix_text(text) == ftfy.fix_text(text)


def test_zalgo_of_a_million_marks_folds() -> None:
    assert presswash.clean("e" + MIXED + " text") == "e text"
