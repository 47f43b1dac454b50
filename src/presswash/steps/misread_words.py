"""The words of a text around the stretches the second chance reads: what it judges a repair in.

A repair is judged by the word it is made in (:mod:`presswash.steps.misreads`):
it must make the word read better. Words are the text between whitespace; a
word longer than ``LONGEST_WORD`` (text without spaces, as Chinese is written)
is judged a piece of that length at a time, so that judging stays linear. A
word that holds nothing improbable cannot read better for any repair, so the
stretches in it are not read at all unless a codec is proven in the document.

    >>> text = "Jos\u0413\u00a9 and Ōtsuchi"
    >>> Words(text).around(3, 5), word_oddity(text[0:5]), word_oddity("Ōtsuchi")
    ((0, 5), 2, 0)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import regex

from presswash.steps.plausibility import oddity

SPACE = re.compile(r"\s")
# Words longer than this (text without spaces) are judged a piece of this length at a time.
LONGEST_WORD = 256
# The last whitespace before a position, searched backwards from it (a forward search for it reads
# from where it is told to start). The characters of SPACE: str.isspace's, which are Unicode's
# White_Space and the four information separators.
LAST_SPACE = regex.compile(r"[\s\x1c-\x1f]", flags=regex.REVERSE)


class Words:
    """The words of a text (between whitespace) around stretches visited in order.

    The last word found is kept, so that the many stretches of a long word
    (text without spaces) cost one search for its ends.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._word = (0, 0)

    def word_at(self, position: int) -> tuple[int, int]:
        """The bounds of the word that ``position`` is in."""
        start, end = self._word
        if start <= position < end:
            return self._word
        if self._text[position].isspace():
            return position, position + 1  # a misread NBSP: its own word
        before = LAST_SPACE.search(self._text, end if end <= position else 0, position)
        after = SPACE.search(self._text, position)
        self._word = (
            before.start() + 1 if before else (end if end <= position else 0),
            after.start() if after else len(self._text),
        )
        return self._word

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the words that ``[start, end)`` begins and ends in.

        A word longer than LONGEST_WORD (text without spaces) is judged a piece
        of that length at a time, so that judging stays linear.
        """
        left, right = self.word_at(start)[0], max(end, self.word_at(end - 1)[1])
        if right - left <= LONGEST_WORD:
            return left, right
        piece = start - start % LONGEST_WORD
        return max(left, piece), min(right, max(end, piece + LONGEST_WORD))


# Words up to this long repeat in running text; longer ones (a Chinese sentence) do not.
REPEATED_WORD = 64


def word_oddity(word: str) -> int:
    """:func:`~presswash.steps.plausibility.oddity` of a word, kept if it is short: words repeat."""
    return _kept_oddity(word) if len(word) <= REPEATED_WORD else oddity(word)


_kept_oddity = functools.lru_cache(maxsize=4096)(oddity)


def in_plain_word(text: str, words: Words, start: int, end: int) -> bool:
    """Whether the run ``text[start:end]`` lies in a word that holds nothing improbable and is
    judged whole: no stretch in it can gain anything. Correct Russian has many single-byte
    shapes (``её`` is a misread of ``ţ`` through KOI8-R), each in a plain word.

    >>> text = "Её зелёный дом, Jos\u0413\u00a9"
    >>> in_plain_word(text, Words(text), 3, 10), in_plain_word(text, Words(text), 19, 21)
    (True, False)
    """
    left, right = words.word_at(start)
    return (
        right - left <= LONGEST_WORD
        and SPACE.search(text, start, end) is None  # a misread NBSP is a word of its own
        and word_oddity(text[left:right]) == 0
    )


# Spots in plain words passed over one by one, after which a text is taken to hold a misread: each
# costs a look at its word.
PLAIN_WORDS_PASSED = 16


def outside_plain_words(text: str, spots: Iterable[int]) -> bool:
    """Whether one of ``spots`` (the first characters of single-byte shapes) lies in a run of
    characters beyond ASCII that is not in a plain word (:func:`in_plain_word`): those in plain
    words are passed over by the second chance unless a codec is proven, which takes a spot
    elsewhere. Past ``PLAIN_WORDS_PASSED`` of them, a text may hold one.

    Each word is looked for no farther than a plain word reaches, for spots come in no order.

    >>> outside_plain_words("Её зелёный дом", [0, 5]), outside_plain_words("Jos\u0413\u00a9", [3])
    (False, True)
    """
    for passed, spot in enumerate(spots):
        if passed == PLAIN_WORDS_PASSED:
            return True
        # The word around the spot, looked for no farther than a plain word reaches. Where
        # whitespace beyond ASCII (a misread NBSP) ends it, the run around the spot may hold that
        # whitespace, which is a word of its own: the text may hold a misread.
        reach = max(0, spot - LONGEST_WORD)
        before = LAST_SPACE.search(text, reach, spot)
        left = before.end() if before else reach
        after = SPACE.search(text, spot, left + LONGEST_WORD + 1)
        right = after.start() if after else len(text)
        if (
            right - left > LONGEST_WORD
            or not (before is None or before.group().isascii())
            or not (after is None or after.group().isascii())
            or word_oddity(text[left:right]) != 0
        ):
            return True
    return False
