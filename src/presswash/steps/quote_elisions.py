"""Apostrophes that look like quotes: elisions, contractions and letters written with ‘.

An apostrophe is ``’``, the same glyph as a closing single quote. Smart-quote
software that sees a space before it takes it for an opening quote and types
``‘``: ``the ‘90s``, ``rock ‘n‘ roll``, ``‘em``, ``‘tis``. Inside a word it
sometimes does the same (``didn‘t``, ``o‘clock``). This module holds what tells
such an apostrophe from a real quote, and from a letter that is written with
``‘`` on purpose: Uzbek writes its letters oʻ and gʻ with it (``O‘zbekiston``,
``g‘oya``), Hawaiian its ʻokina (``Hawai‘i``), Arabic transliteration its ʿayn
(``Shi‘a``).

- :data:`TURNED_ELISIONS` are the words whose elided start is written with
  ``’`` and that are no words of their own, so that a ``‘`` before them is an
  apostrophe (unless a closing quote answers it in the same paragraph);
- :data:`KEPT_ELISIONS` stay behind a ``’`` but may also start a quotation,
  so a ``‘`` before them is left alone;
- a ``‘`` before two digits is the apostrophe of a year (``‘90s``, ``‘77``);
- a ``‘`` inside a word is an apostrophe when an English ending follows it or
  a French or Italian elided word precedes it (see :func:`is_mis_curled_apostrophe`).

>>> ELISION_AFTER_LEFT_QUOTE.match("‘Tis the season", 1) is not None
True
>>> ELISION_AFTER_LEFT_QUOTE.match("‘1984’", 1) is None
True
"""

from __future__ import annotations

import re

# Word-initial elisions that are no English words themselves: ‘em → ’em.
TURNED_ELISIONS = (
    "em", "tis", "twas", "twere", "twill", "n", "cause", "cos", "coz", "cuz", "til", "bout", "pon",
    "frisco", "nother", "neath", "tween", "twixt", "gainst", "fraid", "cept", "scuse", "nuff", "burbs",
)  # fmt: skip
# Elisions that are, or begin, words as well: a ’ before them stays, a ‘ before them is not turned.
KEPT_ELISIONS = (
    "s", "t", "d", "m", "re", "ll", "ve", "im", "er", "e", "ere", "ave", "till", "round", "kay", "sup",
    "nam", "allo", "ello", "ow", "ome", "ad", "alf", "eart", "ead", "ouse", "ope", "ey", "uns?", "ol",
    "owt", "appen", "cello", "phone", "plane", "bus", "gator", "possum",
)  # fmt: skip


def _any_word(words: tuple[str, ...]) -> str:
    return r"(?i:" + "|".join(words) + r")\b"


# A word a ’ before which is an apostrophe; the screens use the text of this pattern.
ELISIONS = _any_word(TURNED_ELISIONS + KEPT_ELISIONS)
ELISION = re.compile(ELISIONS)
# After a ‘ at the start of a word: a year cut to two digits (‘90s, ‘77) or an elided word.
YEAR = r"\d\d(?:s\b)?(?![\w‘’])"
TURNED_WORD = _any_word(TURNED_ELISIONS)
ELISION_AFTER_LEFT_QUOTE = re.compile(f"{YEAR}|{TURNED_WORD}")
# An ’ (or ‘) after a plural before the next word: the players’ union.
PLURAL_POSSESSIVE = re.compile(r"(?<=[^\W\d_]s)[‘’](?=\s+[^\W\d_])")
# What makes a quote at the start of a word an apostrophe: a year or an elided word after it.
STARTS_ELISION = re.compile(f"{YEAR}|{ELISIONS}")
# ‘n‘ or ‘n’ between two words, as in rock ’n’ roll: both quotes are apostrophes.
ROCK_N_ROLL = re.compile(r"(?<=\s)[‘’]n[‘’](?=\s)")

# ‘ inside a word is a mis-curled apostrophe when an English contraction or
# possessive follows it (didn‘t, NATO‘s, we‘ll) or a French or Italian elided word
# precedes it (l‘homme, qu‘il, jusqu‘à), or in a name (O‘Connor).
_ENGLISH_ENDING = re.compile(r"(?i:s|t|d|ll|re|ve|m)(?![^\W_])")
_FRENCH_ELIDED = ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "aujourd")
_ITALIAN_ELIDED = ("dell", "nell", "sull", "dall", "all")
_ELIDED_WORDS = frozenset((*_FRENCH_ELIDED, *_ITALIAN_ELIDED))
# Ukrainian and Belarusian write an apostrophe inside words (м’ясо, п’ять).
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ENGLISH_WORDS_WITHIN = frozenset(["ma’am", "o’er", "ne’er", "e’er", "o’clock"])
# How far an in-word ‘ is looked around: the word before it within eight characters
# (and the character before that word), and whether one of the words above follows:
# four characters after it tell a word of up to three letters from a longer one,
# and six tell o‘clock.
APOSTROPHE_REACH_BEFORE = 9
APOSTROPHE_REACH_AFTER = 7
_WORD_AFTER = re.compile(r"[^\W\d_]+")
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]+\Z")
# Han, kana, Hangul and CJK punctuation: no apostrophes there.
CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef"
    "\U00020000-\U0003134f]"
)


def is_mis_curled_apostrophe(text: str, position: int) -> bool:
    """Whether the ``‘`` at ``position``, between two letters or digits, is a mis-curled apostrophe.

    The answer depends only on the :data:`APOSTROPHE_REACH_BEFORE` characters
    before it and the :data:`APOSTROPHE_REACH_AFTER` characters from it on.

    >>> [is_mis_curled_apostrophe(word, word.index("‘")) for word in ("didn‘t", "six o‘clock", "Hawai‘i")]
    [True, True, False]
    """
    before, after = text[position - 1], text[position + 1]
    if not (before.isalnum() and after.isalnum()) or CJK.match(before) or CJK.match(after):
        return False
    if _ENGLISH_ENDING.match(text, position + 1) or (_CYRILLIC.match(before) and _CYRILLIC.match(after)):
        return True
    word = _WORD_BEFORE.search(text, max(0, position - 8), position)
    if word is None:
        return False
    word_after = _WORD_AFTER.match(text, position + 1, position + APOSTROPHE_REACH_AFTER)
    if word_after and f"{word.group()}’{word_after.group()}".lower() in _ENGLISH_WORDS_WITHIN:
        return True
    # Irish and Italian names: O‘Connor, D‘Angelo (but Uzbek O‘zbekiston stays).
    return word.group().lower() in _ELIDED_WORDS or (word.group() in ("O", "D") and after.isupper())
