"""Regional indicator symbols: flags in pairs, letters alone.

The 26 regional indicators (🇦 … 🇿) are letters that emoji renderers pair into
flags, two by two from the start of a run: 🇺🇦 is a flag, 🇺🇦🇵🇱 two. Fancy-text
generators also use them as an alphabet, and keep them apart with invisible
characters so that no flag forms: 🇭 ZWSP 🇪 ZWSP 🇱 ZWSP 🇱 ZWSP 🇴.

Two rules follow, for the steps that delete characters and for the styled step:

- Deleting characters between two regional indicators must never pair them
  anew (🇭🇪 would show a flag that was never in the text): that happens when
  the run of regional indicators before them ends with an unpaired one.
- A run of regional indicators separated letter by letter is a word in that
  alphabet, and folds to capital letters (generators use them for capitals,
  as for 🅰 🅱).

    >>> pairs_anew("🇭\\u200b🇪", 1, 2), pairs_anew("🇺🇦\\u200b🇵🇱", 2, 3)
    (True, False)
    >>> as_letters("🇭\\u200b🇪\\u200b🇾")
    'H\\u200bE\\u200bY'
"""

from __future__ import annotations

import re

REGIONAL_INDICATORS = "\U0001f1e6-\U0001f1ff"
REGIONAL_INDICATOR = re.compile(f"[{REGIONAL_INDICATORS}]")
FIRST = 0x1F1E6
LAST = 0x1F1FF
AS_LETTERS = {point: chr(ord("A") + point - FIRST) for point in range(FIRST, LAST + 1)}


def is_regional_indicator(char: str) -> bool:
    return FIRST <= ord(char) <= LAST


def pairs_anew(text: str, start: int, end: int) -> bool:
    """Whether deleting ``text[start:end]`` would pair two regional indicators into a new flag."""
    if start == 0 or end >= len(text):
        return False
    if not (is_regional_indicator(text[start - 1]) and is_regional_indicator(text[end])):
        return False
    run_start = start - 1
    while run_start > 0 and is_regional_indicator(text[run_start - 1]):
        run_start -= 1
    return (start - run_start) % 2 == 1


def as_letters(text: str) -> str:
    """``text`` with its regional indicators as the capital letters they stand for."""
    return text.translate(AS_LETTERS)
