"""Remove invisible characters where they are junk, keep them where a script needs them.

Invisible characters reach news text from word processors, web pages and
copy-and-paste: zero-width spaces inside words, soft hyphens, byte-order marks
in the middle of a file, bidi overrides. They break search, tokenization and
deduplication without anyone being able to see why, so they are removed.

Some of them carry meaning, though, and removing those damages correct text:

- ZERO WIDTH JOINER (U+200D) binds emoji sequences (👩‍💻, 🏳️‍🌈) and selects
  conjunct forms in Indic scripts; ZERO WIDTH NON-JOINER (U+200C) is part of
  Persian spelling (می‌خواهم) and of Indic scripts. Both are kept next to an
  emoji or a letter of a script other than Latin, and removed elsewhere (inside
  a Latin word, next to a space).
- ZERO WIDTH SPACE (U+200B) is the word separator of Thai, Lao, Khmer, Myanmar
  and Tibetan, which write no spaces; it is kept next to letters of those
  scripts and removed elsewhere.
- Left-to-right and right-to-left *marks* (U+200E, U+200F, U+061C) are part of
  correct right-to-left typography and are not touched; the embedding,
  override and isolate *controls* (U+202A–U+202E, U+2066–U+2069) are removed.

Nothing is removed between two regional indicators where that would pair
them into a flag that was not in the text (🇭 ZWSP 🇪: letters kept apart; see
:mod:`presswash.steps.regional_indicators`).

Soft hyphens, byte-order marks, word joiners, invisible operators,
interlinear annotation and the deprecated format characters are removed
everywhere.

    >>> step = Invisible()
    >>> step.fix("Break\\u00ading\\u200b news\\ufeff: \\u202eevil")
    'Breaking news: evil'
    >>> step.fix("می\\u200cخواهم 👩\\u200d💻 ភាសា\\u200bខ្មែរ")
    'می\\u200cخواهم 👩\\u200d💻 ភាសា\\u200bខ្មែរ'
    >>> step.fix("Latin\\u200d word")
    'Latin word'
"""

from __future__ import annotations

import re

import regex

from presswash.step import PatternStep, led_by_each
from presswash.steps.regional_indicators import pairs_anew

ALWAYS_JUNK = "\u00ad\u2060-\u2064\u202a-\u202e\u2066-\u2069\u206a-\u206f\ufeff\ufff9-\ufffb"
JOINERS = "\u200c\u200d"
ZERO_WIDTH_SPACE = "\u200b"

# Neighbours that make a joiner meaningful: letters and marks of any script but
# Latin, emoji and their modifiers, variation selectors and tag characters.
NEEDS_JOINER = regex.compile(
    r"[[\p{L}\p{M}]--[\p{Latin}\p{Common}\p{Inherited}]]"
    r"|[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\uFE0F\u20E3\U000E0020-\U000E007F]",
    regex.V1,
)
NEEDS_WORD_SEPARATOR = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]")
ONLY_JUNK = re.compile(f"[{ALWAYS_JUNK}]+")


def _needing_joiners(*blocks: tuple[int, int]) -> str:
    """The characters of ``blocks`` that make a joiner beside them meaningful, as a class body."""
    return "".join(
        re.escape(chr(point))
        for low, high in blocks
        for point in range(low, high + 1)
        if NEEDS_JOINER.match(chr(point))
    )


# Of those neighbours, the letters and marks of the scripts that write joiners in running text:
# Arabic (Persian, Urdu, Kurdish) and the Indic scripts. A joiner beside one of them stays.
COMMON_JOINER_NEIGHBOURS = _needing_joiners((0x0600, 0x06FF), (0x0750, 0x077F), (0x0900, 0x0DFF))
# What may be removed: junk, a zero-width space, or a joiner beside none of the common neighbours.
# Spelled with one class first, which the engine scans for quickly (as two alternatives it is
# tried at every character); the lookbehinds re-test the character just matched and the one
# before it.
_MAY_BE_JUNK_WHERE = (
    f"(?:(?<=[{ALWAYS_JUNK}{ZERO_WIDTH_SPACE}])"
    f"|(?<![{COMMON_JOINER_NEIGHBOURS}][{JOINERS}])(?![{COMMON_JOINER_NEIGHBOURS}]))"
)
MAY_BE_JUNK = re.compile(f"[{ALWAYS_JUNK}{ZERO_WIDTH_SPACE}{JOINERS}]{_MAY_BE_JUNK_WHERE}")


class Invisible(PatternStep):
    """Delete junk invisible characters; keep script-required joiners and separators."""

    name = "invisible"
    trigger = ALWAYS_JUNK + ZERO_WIDTH_SPACE + JOINERS
    pattern = re.compile(f"[{ALWAYS_JUNK}{ZERO_WIDTH_SPACE}{JOINERS}]+")

    def applies(self, text: str, notable: str) -> bool:
        # Persian and Hindi hold joiners in nearly every sentence, all of them needed: a text
        # whose joiners all stand beside such letters is passed over without a look at each.
        return self.trigger_pattern.search(notable) is not None and MAY_BE_JUNK.search(text) is not None

    def applies_around(self, text: str, notable: str, characters: str) -> bool:
        """:meth:`applies`, where ``text`` holds of the trigger only ``characters`` (a Persian
        text, only ZWNJ): a scan led by each of them reads the text several times faster.

            >>> step, joiner = Invisible(), "\u200c"
            >>> step.applies_around(f"می{joiner}خواهم", "", joiner)
            False
            >>> step.applies_around(f"Latin{joiner}word", "", joiner)
            True
        """
        return any(
            pattern.search(text) is not None
            for pattern in led_by_each(characters, self.trigger, _MAY_BE_JUNK_WHERE)
        )

    def replace(self, match: re.Match[str]) -> str:
        text, start, end = match.string, match.start(), match.end()
        if pairs_anew(text, start, end):
            return match.group()  # they keep two regional indicators from showing as a flag
        if ONLY_JUNK.fullmatch(text, start, end):
            return ""
        return "".join(_kept(text, index) for index in range(start, end))


def _kept(text: str, index: int) -> str:
    """The invisible character at ``index`` if its neighbours need it, else nothing."""
    char = text[index]
    if ONLY_JUNK.match(char):
        return ""
    needed = NEEDS_WORD_SEPARATOR if char == ZERO_WIDTH_SPACE else NEEDS_JOINER
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if (before and needed.match(before)) or (after and needed.match(after)):
        return char
    return ""
