"""Zalgo text: letters buried under piles of combining marks, for the styled step.

Zalgo generators stack random marks from the combining-diacritics blocks on
every letter, above, through and below it: ``h̸̢̛e̷͙͝l̵̙̈́l̶͈͐o̴̪͝``. No orthography
does that. Where a script writes several marks on one letter, Unicode encodes
the result, and NFC composes the letter with its marks into one character:
Vietnamese ệ, polytonic Greek ᾧ, pinyin ǘ. So the evidence is a *pile*: a
Latin, Greek or Cyrillic letter carrying three or more marks (variation
selectors aside) that NFC cannot compose into one character.

The marks are counted with those the letter holds precomposed. A word with a
pile is Zalgo, unless it is phonetic notation: a letter or modifier of the
IPA blocks (ə, ɛ, ʰ, ˈ, ᵊ) anywhere in it, or a word that opens right after
``[`` or ``/``, is transcription, whose diacritics stack on purpose ([ã̰́]).

In a Zalgo word, every Latin, Greek or Cyrillic letter loses every mark
unless NFC composes them all into one character with it: an é keeps its
accent, a letter of a pile becomes bare (Zalgo text that went through NFC
has some marks composed into its letters: ǫ̵̛͝ becomes o). Marks without a
letter, struck on the space before the word, go too. Marks of other scripts
(Devanagari, Thai, Arabic, Hebrew, Tibetan …) belong to their letters and are
never touched.

    >>> units = [("h", "\\u0338\\u0322\\u031b"), ("i", "")]
    >>> is_zalgo(units, phonetic=False), strip_piles(units)
    (True, [('h', ''), ('i', '')])
    >>> is_zalgo([("\\u03c9", "\\u0314\\u0342\\u0345")], phonetic=False)  # ᾧ, decomposed
    False
"""

from __future__ import annotations

import re
import unicodedata

import regex

# The combining-diacritics blocks generators draw from, and the Cyrillic millions sign (҉).
ZALGO_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Letters and modifiers of phonetic notation: IPA Extensions, Spacing Modifier Letters,
# Phonetic Extensions and its Supplement.
PHONETIC = re.compile("[\u0250-\u02ff\u1d00-\u1dbf]")
PILED_LETTER = regex.compile(r"[[\p{Latin}\p{Greek}\p{Cyrillic}]&&\p{L}]", regex.V1)
VARIATION_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
PILE = 3
# No precomposed character holds more marks than this: longer piles need no NFC to tell.
MOST_MARKS_COMPOSED = 3


def is_zalgo(units: list[tuple[str, str]], phonetic: bool) -> bool:
    """Whether a word, as ``(base, marks)`` units, is Zalgo; ``phonetic``: it opens after [ or /."""
    if phonetic or any(PHONETIC.match(base) for base, _ in units):
        return False
    return any(_is_pile(base, marks) for base, marks in units if marks)


def strip_piles(units: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The units of a Zalgo word with the marks of its piles removed (see the module)."""
    return [_stripped(base, marks) for base, marks in units]


def _stripped(base: str, marks: str) -> tuple[str, str]:
    if not base:
        return base, ""
    if not marks or PILED_LETTER.match(base) is None:
        return base, marks
    letter, all_marks = _decomposed(base, marks)
    return (base, marks) if _composes(letter, all_marks) else (letter, "")


def _is_pile(base: str, marks: str) -> bool:
    if PILED_LETTER.match(base) is None:
        return False
    letter, all_marks = _decomposed(base, marks)
    return len(all_marks) >= PILE and not _composes(letter, all_marks)


def _decomposed(base: str, marks: str) -> tuple[str, str]:
    """The bare letter of ``base`` and every mark on it, its own (ǫ: o and ogonek) and ``marks``.

    Zalgo text that went through NFC has some marks composed into its letters.
    """
    decomposed = unicodedata.normalize("NFD", base)
    return decomposed[0], decomposed[1:] + VARIATION_SELECTORS.sub("", marks)


def _composes(letter: str, marks: str) -> bool:
    """Whether NFC composes ``letter`` and ``marks`` into one character."""
    return len(marks) <= MOST_MARKS_COMPOSED and len(unicodedata.normalize("NFC", letter + marks)) == 1
