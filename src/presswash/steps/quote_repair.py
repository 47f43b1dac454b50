"""Quotation marks that point the wrong way, turned around.

Autocorrect, OCR and hurried copy-editing leave news text with curly quotes
that face the wrong way (``“Ukraine needs more,“ he said``, ``didn‘t``). The
usual cure, flattening every quote to ``"`` and ``'``, destroys the typography
that was right. This step keeps it: it decides from the neighbouring characters
whether each quote opens or closes and turns around only those that point the
wrong way. It never changes anything but the orientation of ``‘ ’ “ ”`` (``‘``
and ``’`` swap, ``“`` and ``”`` swap) and never curls straight quotes.

Opening or closing. The start of the text, whitespace, an opening bracket or a
dash before a quote and a word after it make it an opening quote; a word or
punctuation before it and whitespace, punctuation or the end after it make it a
closing one. Quotes standing side by side (``’”``) share the neighbours of the
group. A single quote between two letters is an apostrophe. Whatever is
neither (a quote alone between spaces, a quote glued to words on both sides)
is left as it is. Four repairs follow:

- ``“`` or ``‘`` in a closing position becomes ``”`` or ``’``;
- ``‘`` between two letters becomes the apostrophe ``’`` (``NATO‘s``);
- ``”`` in an opening position becomes ``“``;
- ``’`` in an opening position becomes ``‘`` only when a closing single quote
  answers it in the same paragraph and the word after it is not an elision
  (``’90s``, ``rock ’n’ roll``, ``’tis``, ``’em`` and ``’s`` stay).

Conventions. Correct text in every common convention is left alone, and the
convention is worked out from the whole document before anything changes, so
the step takes a whole document, all its paragraphs at once:

- English ``“…”`` and ``‘…’``, including a quotation running over several
  paragraphs (each paragraph opens with ``“``, only the last one closes);
- German ``„…“`` and ``‚…‘``: a ``“`` or ``‘`` that closes a ``„`` or ``‚`` is
  kept, and so is every closing ``“`` and ``‘`` of a document that uses low
  quotes and is not English (see below);
- Polish ``„…”`` and Swedish or Finnish ``”…”`` and ``’…’``: a right quote in
  an opening position is turned around only in a document that is English,
  because it opens other quotations with ``“`` or ``‘`` or because its common
  words are English rather than Swedish or Finnish;
- guillemets, corner brackets, low quotes, primes and straight quotes are
  never changed, nor are quotes beside CJK text, nor a ``‘`` inside a word
  unless an English contraction follows it or a French or Italian elided word
  precedes it: Uzbek writes its letters oʻ and gʻ with it (``O‘zbekiston``),
  Hawaiian its ʻokina (``Hawai‘i``).

The common case costs four scans for a single character each: they look only
for quotes whose neighbours contradict their orientation, so a correctly quoted
text is returned after them, and the document is studied only when one is found.

    >>> repair_quotes("“Ukraine needs more,“ he said of their “remarkable ingenuity,“ with pride.")
    '“Ukraine needs more,” he said of their “remarkable ingenuity,” with pride.'
    >>> repair_quotes("NATO‘s chief said he didn‘t know. ‘It was ‘fine‘ then,‘ he added.")
    'NATO’s chief said he didn’t know. ‘It was ‘fine’ then,’ he added.'
    >>> repair_quotes("”No,” he said, calling it ’a farce’ in the ’90s.")
    '“No,” he said, calling it ‘a farce’ in the ’90s.'
    >>> repair_quotes("„Wir schaffen das“, sagte sie. ”Det är bra”, sa han.")
    '„Wir schaffen das“, sagte sie. ”Det är bra”, sa han.'
    >>> QuoteRepair().edits("It‘s")
    [Edit(start=2, end=3, replacement='’')]
"""

from __future__ import annotations

import functools
import re

from presswash.edits import Edit, splice
from presswash.step import Step

LEFT_SINGLE = "\u2018"  # ‘
RIGHT_SINGLE = "\u2019"  # ’
LEFT_DOUBLE = "\u201c"  # “
RIGHT_DOUBLE = "\u201d"  # ”
LOW_SINGLE = "\u201a"  # ‚
LOW_DOUBLE = "\u201e"  # „
CURLY = LEFT_SINGLE + RIGHT_SINGLE + LEFT_DOUBLE + RIGHT_DOUBLE

# Besides whitespace and the start of the text, these before a quote make it open.
OPENERS = "([{<\u201e\u201a\u00ab\u2039\u300c\u300e\u3008\u300a\u3010\u3014\u00bf\u00a1"
# Before a quote, a dash opens it when a word follows and closes it otherwise.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"
# Besides whitespace and the end of the text, these after a quote make it close.
CLOSERS = (
    ".,;:!?)]}>\u2026\u00bb\u203a\u300d\u300f\u3009\u300b\u3011\u3015"
    "\u3002\uff0c\u3001\uff01\uff1f\uff1a\uff1b\uff09\"'" + DASHES
)


def _class(characters: str) -> str:
    """``characters`` escaped for the inside of a regular-expression character class."""
    return "".join(re.escape(char) for char in characters)


_O, _D, _C, _Q = _class(OPENERS), _class(DASHES), _class(CLOSERS), _class(CURLY)

# Elisions: a ’ in an opening position before one of these stays.
_ELISIONS = (
    r"(?:s|t|d|m|n|re|ll|ve|em|im|er|e|ere|ave|cause|cos|coz|cuz|til|till|tis|twas|twere|twill"
    r"|bout|round|nother|kay|cept|fraid|gainst|neath|tween|twixt|scuse|sup|nam|burbs|allo|ello"
    r"|ow|ome|ad|alf|eart|ead|ouse|ope|ey|uns?|ol|owt|appen|cello|phone|plane|bus|gator|possum|nuff)\b"
)
_ELISION = re.compile(_ELISIONS, re.IGNORECASE)

# The screen: for each curly quote, one scan led by that literal character (which
# the regular-expression engine skips to quickly) for the places where it may
# point the wrong way. A neighbour that is itself a curly quote always passes the
# screen, since then the neighbours of the whole group decide. A text that passes
# none of the four is left unchanged; the others are studied by :class:`_Document`.
_SCREENS = (
    # “ after a word, punctuation or a dash, before whitespace, punctuation or the end.
    re.compile(f"{LEFT_DOUBLE}(?<=[^\\s{_O}]{LEFT_DOUBLE})(?=[\\s{_C}{_Q}]|\\Z)"),
    # ” after the start, whitespace, an opener or a dash, before a word.
    re.compile(f"{RIGHT_DOUBLE}(?<![^\\s{_O}{_D}{_Q}]{RIGHT_DOUBLE})(?=[^\\s{_C}])"),
    # ’ after the start, whitespace, an opener or a dash, before a letter that starts no elision.
    re.compile(f"{RIGHT_SINGLE}(?<![^\\s{_O}{_D}{_Q}]{RIGHT_SINGLE})(?=[^\\W\\d_])(?!(?i:{_ELISIONS}))"),
    # ‘ where “ would be screened, or between two letters or digits.
    re.compile(
        f"{LEFT_SINGLE}(?:(?<=[^\\s{_O}]{LEFT_SINGLE})(?=[\\s{_C}{_Q}]|\\Z)"
        f"|(?<=[^\\W_]{LEFT_SINGLE})(?=[^\\W_]))"
    ),
)

_CURLY_SET = frozenset(CURLY)
# A group of curly quotes side by side, or one low quote.
_QUOTE_RUN = re.compile(f"[{CURLY}]+|[{LOW_DOUBLE}{LOW_SINGLE}]")
# The quotes that may need turning around in each position; a document without any needs nothing.
_REPAIRABLE = {
    "closing": LEFT_DOUBLE + LEFT_SINGLE,
    "inside": LEFT_SINGLE,
    "opening": RIGHT_DOUBLE + RIGHT_SINGLE,
    "alone": "",
}

_OPENER_SET = frozenset(OPENERS)
_DASH_SET = frozenset(DASHES)
_CLOSER_SET = frozenset(CLOSERS)

# Where a quote stands, from the characters around it (or around its group).
OPENING, CLOSING, INSIDE, ALONE = "opening", "closing", "inside", "alone"

# Common words that tell English from Swedish and Finnish (whose quotations are
# ”…” and ’…’), counted with the spaces around them; none of them is a word of
# those languages. Each å, ä or ö counts as a Nordic word.
_ENGLISH_STEMS = ("said", "says", "told", "would", "which", "their", "they", "because")
_ENGLISH_SHORT = ("the", "The", "and", "that", "with", "this", "she", "was", "are", "will", "not", "We", "we")
_ENGLISH_WORDS = tuple(f"{space}{word}" for space in " \n" for word in _ENGLISH_STEMS) + tuple(
    f"{space}{word} " for space in " \n" for word in _ENGLISH_SHORT
)
_NORDIC_SHORT = ("och", "att", "det", "som", "inte", "är", "ja", "sa", "että", "ovat", "oli", "hän")
_NORDIC_WORDS = tuple("åäöÅÄÖ") + tuple(f" {word} " for word in _NORDIC_SHORT)

# ‘ inside a word is a mis-curled apostrophe when an English contraction or
# possessive follows it (didn‘t, NATO‘s, we‘ll) or a French or Italian elided word
# precedes it (l‘homme, qu‘il, jusqu‘à), or in a name (O‘Connor). Elsewhere it may be a letter of its own:
# Uzbek writes oʻ and gʻ with it (O‘zbekiston, g‘oya), Hawaiian its ʻokina
# (Hawai‘i), Arabic transliteration its ʿayn (Shi‘a). Then it is left alone.
_ENGLISH_ENDING = re.compile(r"(?i:s|t|d|ll|re|ve|m)(?![^\W_])")
_FRENCH_ELIDED = ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "aujourd")
_ITALIAN_ELIDED = ("dell", "nell", "sull", "dall", "all")
_ELIDED_WORDS = frozenset((*_FRENCH_ELIDED, *_ITALIAN_ELIDED))
# Ukrainian and Belarusian write an apostrophe inside words (м’ясо, п’ять).
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ENGLISH_WORDS_WITHIN = frozenset(["ma’am", "o’er", "ne’er", "e’er"])
# How far an in-word ‘ is looked around: the word before it within eight characters
# (and the character before that word), and whether one of the words above follows:
# four characters after it tell a word of up to three letters from a longer one.
_APOSTROPHE_REACH_BEFORE = 9
_APOSTROPHE_REACH_AFTER = 5
_WORD_AFTER = re.compile(r"[^\W\d_]+")
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]+\Z")
# Han, kana, Hangul and CJK punctuation: no apostrophes there.
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef"
    "\U00020000-\U0003134f]"
)


class QuoteRepair(Step):
    """Re-orient curly quotes that point the wrong way, keeping every convention that is right."""

    name = "quotes"
    trigger = CURLY
    screens_itself = True

    def applies(self, text: str, notable: str) -> bool:
        """False when no curly quote stands where it may point the wrong way."""
        return self.trigger_pattern.search(notable) is not None and _screened(text)

    def fix(self, text: str) -> str:
        return splice(text, _Document(text).repairs()) if _screened(text) else text

    def edits(self, text: str) -> list[Edit]:
        return [Edit(*repair) for repair in _Document(text).repairs()] if _screened(text) else []


def repair_quotes(text: str) -> str:
    """Return ``text`` with its mis-oriented curly quotes turned around.

    >>> repair_quotes("the players‘ union")
    'the players’ union'
    """
    return _STEP.fix(text)


def _screened(text: str) -> bool:
    """Whether some curly quote of ``text`` may point the wrong way (see ``_SCREENS``)."""
    left_double, right_double, right_single, left_single = _SCREENS
    return (
        left_double.search(text) is not None
        or right_double.search(text) is not None
        or right_single.search(text) is not None
        or (LEFT_SINGLE in text and left_single.search(text) is not None)
    )


@functools.lru_cache(maxsize=4096)
def position_of(before: str, after: str) -> str:
    """Where a quote (or group of quotes) stands between ``before`` and ``after``.

    Each is one character, or ``""`` at the start or end of the text.

    >>> position_of(" ", "H"), position_of(",", " "), position_of("n", "t"), position_of(" ", " ")
    ('opening', 'closing', 'inside', 'alone')
    """
    opens = not before or before.isspace() or before in _OPENER_SET
    word_before = not opens and before not in _DASH_SET
    if not after or after.isspace() or after in _CLOSER_SET:
        return ALONE if opens else CLOSING
    return INSIDE if word_before else OPENING


class _Document:
    """A text whose quotes were screened: its quotes, its convention and the repairs they call for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = LOW_DOUBLE in text or LOW_SINGLE in text
        end = len(text)
        # Each group of curly quotes side by side with its start and position, and each low
        # quote (with position ""); a group of one quote is that quote as ``quotes`` lists it.
        groups: list[tuple[int, str, str]] = []
        repairable = several = False
        for run in _QUOTE_RUN.finditer(text):
            start, stop = run.span()
            group = run.group()
            if group not in _CURLY_SET and len(group) == 1:  # a low quote
                groups.append((start, group, ""))
                continue
            # The group's neighbours give the position of all its quotes.
            where = position_of(text[start - 1] if start else "", text[stop] if stop < end else "")
            groups.append((start, group, where))
            if stop - start == 1:
                repairable = repairable or group in _REPAIRABLE[where]
            else:
                several = True
                repairable = repairable or any(quote in group for quote in _REPAIRABLE[where])
        # Every quote with its position and the position it stands in; none if none may need turning around.
        self.quotes: list[tuple[int, str, str]] = groups if repairable else []
        if repairable and several:
            self.quotes = [
                (start + offset, char, where)
                for start, group, where in groups
                for offset, char in enumerate(group)
            ]
        self._english: bool | None = None
        self._apostrophes: dict[tuple[str, int], bool] = {}

    def repairs(self) -> list[tuple[int, int, str]]:
        """Each quote to turn around, as its span and its replacement, in text order."""
        found: list[tuple[int, int, str]] = []
        last_double = last_single = ""
        for index, (position, char, where) in enumerate(self.quotes):
            new = ""
            if char == LEFT_DOUBLE and where == CLOSING:
                if not (last_double == LOW_DOUBLE or (self.low and not self.english)):
                    new = RIGHT_DOUBLE
            elif char == LEFT_SINGLE and where == CLOSING:
                if not (last_single == LOW_SINGLE or (self.low and not self.english)):
                    new = RIGHT_SINGLE
            elif char == LEFT_SINGLE and where == INSIDE:
                if self._apostrophe(position):
                    new = RIGHT_SINGLE
            elif char == RIGHT_DOUBLE and where == OPENING:
                if self.english:
                    new = LEFT_DOUBLE
            elif (
                char == RIGHT_SINGLE
                and where == OPENING
                and self._opening_single(position, self._next_single_boundaries[index])
                and self.english
            ):
                new = LEFT_SINGLE
            if new:
                found.append((position, position + 1, new))
            # The last double and single marks seen; a swap never changes which is a low quote.
            if char in (LOW_DOUBLE, LEFT_DOUBLE, RIGHT_DOUBLE):
                last_double = char
            elif char == LOW_SINGLE or where in (OPENING, CLOSING):
                last_single = char
        return found

    @property
    def english(self) -> bool:
        """Whether the document quotes the English way (a swap never changes the answer).

        It does if it opens a quotation with “ or ‘, or if its words are English
        rather than Swedish or Finnish.
        """
        if self._english is None:
            self._english = any(
                where == OPENING and char in (LEFT_DOUBLE, LEFT_SINGLE) for _, char, where in self.quotes
            )
            if not self._english:
                text = self.text
                english = sum(text.count(word) for word in _ENGLISH_WORDS)
                self._english = english > sum(text.count(word) for word in _NORDIC_WORDS)
        return self._english

    @functools.cached_property
    def _next_single_boundaries(self) -> list[int]:
        """For each quote, the index of the next single quote that opens or closes (or -1); listed
        once a ’ in an opening position asks for it."""
        answer = [-1] * len(self.quotes)
        following = -1
        for index in range(len(self.quotes) - 1, -1, -1):
            answer[index] = following
            _, char, where = self.quotes[index]
            if char in (LEFT_SINGLE, RIGHT_SINGLE) and where in (OPENING, CLOSING):
                following = index
        return answer

    def _apostrophe(self, position: int) -> bool:
        """Whether a ‘ at ``position`` inside a word is a mis-curled apostrophe.

        The answer depends only on the characters around the quote (see
        ``_decide_apostrophe``), so it is kept for each such context: a text
        that repeats one (``a‘b a‘b …``) is decided once.
        """
        start = max(0, position - _APOSTROPHE_REACH_BEFORE)
        context = (self.text[start : position + _APOSTROPHE_REACH_AFTER], position - start)
        decided = self._apostrophes.get(context)
        if decided is None:
            decided = self._apostrophes[context] = self._decide_apostrophe(position)
        return decided

    def _decide_apostrophe(self, position: int) -> bool:
        text = self.text
        before, after = text[position - 1], text[position + 1]
        if not (before.isalnum() and after.isalnum()) or _CJK.match(before) or _CJK.match(after):
            return False
        if _ENGLISH_ENDING.match(text, position + 1) or (_CYRILLIC.match(before) and _CYRILLIC.match(after)):
            return True
        word = _WORD_BEFORE.search(text, max(0, position - 8), position)
        if word is None:
            return False
        word_after = _WORD_AFTER.match(text, position + 1)
        if word_after and f"{word.group()}’{word_after.group()}".lower() in _ENGLISH_WORDS_WITHIN:
            return True
        # Irish and Italian names: O‘Connor, D‘Angelo (but Uzbek O‘zbekiston stays).
        return word.group().lower() in _ELIDED_WORDS or (word.group() in ("O", "D") and after.isupper())

    def _opening_single(self, position: int, answer: int) -> bool:
        """Whether a ’ in an opening position opens a quotation (rather than starting an elision).

        It must stand before a letter that starts no elision, and the next single
        quote that opens or closes (the quote at index ``answer``) must close, in
        the same paragraph.
        """
        text = self.text
        after = text[position + 1]
        if not after.isalpha() or _CJK.match(after) or _ELISION.match(text, position + 1) or answer < 0:
            return False
        closing_position, _, where = self.quotes[answer]
        return where == CLOSING and text.find("\n", position, closing_position) < 0


_STEP = QuoteRepair()
