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
    """A pattern for any of ``words`` (whole words, in any case), its alternatives grouped
    by their first letter: the engine tries the rest of a word only after that letter."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    return r"(?i:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items()) + r")\b"


# A word a ’ before which is an apostrophe; the screens use the text of this pattern.
ELISIONS = _any_word(TURNED_ELISIONS + KEPT_ELISIONS)
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

# Han, kana, Hangul and CJK punctuation: no apostrophes there.
CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef"
    "\U00020000-\U0003134f]"
)


# ‘ inside a word is a mis-curled apostrophe when an English contraction or
# possessive follows it (didn‘t, NATO‘s, we‘ll) or a French or Italian elided word
# precedes it (l‘homme, qu‘il, jusqu‘à), or in a name (O‘Connor).
_ENGLISH_ENDING = r"(?i:s|t|d|ll|re|ve|m)(?![^\W_])"
_FRENCH_ELIDED = ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "aujourd")
_ITALIAN_ELIDED = ("dell", "nell", "sull", "dall", "all")
# English words written with an apostrophe inside: the word before it, and the word after it.
_ENGLISH_WORDS_WITHIN = (("ma", "am"), ("o", "er"), ("ne", "er"), ("e", "er"), ("o", "clock"))
# Ukrainian and Belarusian write an apostrophe inside words (м’ясо, п’ять).
_CYRILLIC = "[\u0400-\u04ff]"
_LETTER = r"[^\W\d_]"
# A letter or digit (``str.isalnum``) that is not CJK.
_ALNUM = f"(?!{CJK.pattern})[^\\W_]"
# The Kelvin sign lowers to k: a word is compared with ``str.lower``, which this spelling matches.
_LOWERING_TO_K = "\u212a"


def _spelled(word: str) -> str:
    """A pattern for the strings whose ``str.lower()`` is the lower-case ASCII ``word``."""
    return "".join(f"[{char}{char.upper()}{_LOWERING_TO_K if char == 'k' else ''}]" for char in word)


def _words_before(words: list[tuple[str, str]]) -> str:
    """Alternatives, at a quote, for each whole word right before it (with a lookahead for what
    must follow the quote), grouped by the word's last letter: the engine looks further back
    only past that letter."""
    by_last: dict[str, list[str]] = {}
    for word, after in words:
        by_last.setdefault(word[-1], []).append(f"(?<=(?<!{_LETTER}){_spelled(word)}‘){after}")
    return "|".join(f"(?<={_spelled(last)}‘)(?:{'|'.join(ways)})" for last, ways in by_last.items())


# The in-word ‘ that is an apostrophe, but for O‘Connor (see ``is_mis_curled_apostrophe``):
# a pattern, so that quote repair can turn every one in a paragraph in one pass.
MIS_CURLED_APOSTROPHE = re.compile(
    f"‘(?<={_ALNUM}‘)(?={_ALNUM})(?:(?={_ENGLISH_ENDING})|(?<={_CYRILLIC}‘)(?={_CYRILLIC})|"
    + _words_before(
        [(word, "") for word in (*_FRENCH_ELIDED, *_ITALIAN_ELIDED)]
        + [(before, f"(?={_spelled(after)}(?!{_LETTER}))") for before, after in _ENGLISH_WORDS_WITHIN]
    )
    + ")"
)
# Irish names, O‘Connor (but Uzbek O‘zbekiston stays): a capital after O‘ (D‘Angelo is an elision).
O_NAME = re.compile(f"‘(?<=(?<!{_LETTER})O‘)(?={_ALNUM})")


def is_mis_curled_apostrophe(text: str, position: int) -> bool:
    """Whether the ``‘`` at ``position``, between two letters or digits, is a mis-curled apostrophe.

    >>> [is_mis_curled_apostrophe(word, word.index("‘")) for word in ("didn‘t", "six o‘clock", "Hawai‘i")]
    [True, True, False]
    >>> [is_mis_curled_apostrophe(word, 1) for word in ("O‘Connor", "O‘zbekiston")]
    [True, False]
    """
    if MIS_CURLED_APOSTROPHE.match(text, position):
        return True
    return O_NAME.match(text, position) is not None and text[position + 1].isupper()
