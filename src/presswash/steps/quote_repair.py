"""Quotation marks that point the wrong way, turned around.

Autocorrect, OCR and hurried copy-editing leave news text with curly quotes
that face the wrong way (``“Ukraine needs more,“ he said``, ``didn‘t``, ``the
‘90s``). The usual cure, flattening every quote to ``"`` and ``'``, destroys
the typography that was right. This step keeps it: it decides from the
neighbouring characters whether each quote opens or closes and turns around
only those that point the wrong way. It never changes anything but the
orientation of ``‘ ’ “ ”`` (``‘`` and ``’`` swap, ``“`` and ``”`` swap) and
never curls straight quotes.

Opening or closing. The start of the text, whitespace, an opening bracket or a
dash before a quote and a word after it make it an opening quote; a word or
punctuation before it and whitespace, punctuation or the end after it make it a
closing one. Quotes standing side by side (``’”``) share the neighbours of the
group. A single quote between two letters is an apostrophe. Whatever is
neither (a quote alone between spaces, a quote glued to words on both sides)
is left as it is.

The rule. ``“`` closes quotations in half of Europe (``„…“``: Bulgarian,
Czech, Danish, Estonian, Georgian, German, Icelandic, Lithuanian, Macedonian,
Romanian, Serbian, Bosnian, Croatian, Slovak, Slovenian, Ukrainian) and ``”``
opens them in Swedish and Finnish (``”…”``), so a quote is turned around only
on evidence, in this order:

1. Right-to-left text is left alone: in a paragraph with Arabic, Hebrew,
   Syriac, Thaana or N'Ko letters nothing changes (writers there type
   ``”…“`` and ``’…‘`` with the glyphs unmirrored).
2. ``“`` (or ``‘``) in a closing position becomes ``”`` (``’``) when the last
   double (single) quote before it opened a quotation with ``“`` (``‘``):
   ``“Ukraine needs more,“`` → ``“Ukraine needs more,”``. Otherwise a ``„``
   (``‚``) anywhere before it is the quote it closes, and it stays:
   ``„Wir schaffen das“``. With neither in sight (a sentence cut out of an
   article) the paragraph's words decide (:mod:`.quote_languages`): it stays in
   Cyrillic, Georgian or Latin text with the letters or common words of the
   ``„…“`` languages (``Tai buvo svarbu“, – sakė jis.``, ``Это было важно“,
   — сказал он.``) unless English words outweigh them, and is turned
   elsewhere (``the players‘ union`` → ``the players’ union``).
3. ``‘`` between two letters becomes the apostrophe ``’`` where an English
   ending follows it or a French or Italian elided word precedes it
   (``NATO‘s``, ``six o‘clock``, ``qu‘il``), never in ``O‘zbekiston`` or
   ``Hawai‘i`` (:mod:`.quote_elisions`).
4. ``‘`` at the start of a word becomes ``’`` before a year cut to two digits
   (``the ‘90s``, ``in ‘77``), in ``rock ‘n‘ roll``, and before an elided word
   that is no word of its own (``‘em``, ``‘tis``, ``‘Frisco``) unless a closing
   quote answers it in the same paragraph (``‘Tis the season,’ she said`` may
   open a quotation and stays).
5. ``”`` before a word becomes ``“`` in a document that opens some quotation
   with ``“`` or ``‘``, or in a paragraph whose English words outnumber its
   Swedish and Finnish ones: ``”Where did he live?”`` → ``“Where did he
   live?”``, but ``”Det är bra”, sa han.`` stays. ``’`` before a word becomes
   ``‘`` on the same evidence, when a closing single quote answers it in the
   same paragraph and the word after it is no elision (``’90s``, ``’n’``,
   ``’tis`` and ``’s`` stay).

Everything else holds whatever the language: English ``“…”`` and ``‘…’``
(including a quotation over several paragraphs, each opening with ``“``),
German ``„…“`` and ``‚…‘``, Polish ``„…”``, Swedish ``”…”`` and ``’…’``,
guillemets, corner brackets, primes, straight quotes and quotes beside CJK text.

The common case costs a few scans for a single character each: they look only
for quotes whose neighbours contradict their orientation (the screens), so a
correctly quoted text is returned after them, and only the quotes they find are
studied, each against the quote before it, the one after it and its paragraph.

    >>> repair_quotes("“Ukraine needs more,“ he said of their “remarkable ingenuity,“ with pride.")
    '“Ukraine needs more,” he said of their “remarkable ingenuity,” with pride.'
    >>> repair_quotes("NATO‘s chief said he didn‘t know. ‘It was ‘fine‘ then,‘ he added.")
    'NATO’s chief said he didn’t know. ‘It was ‘fine’ then,’ he added.'
    >>> repair_quotes("”No,” he said, calling it ’a farce’ in the ‘90s, at six o‘clock.")
    '“No,” he said, calling it ‘a farce’ in the ’90s, at six o’clock.'
    >>> repair_quotes("„Wir schaffen das“, sagte sie. ”Det är bra”, sa han.")
    '„Wir schaffen das“, sagte sie. ”Det är bra”, sa han.'
    >>> repair_quotes("Tai buvo svarbu“, – sakė jis.")
    'Tai buvo svarbu“, – sakė jis.'
    >>> QuoteRepair().edits("It‘s")
    [Edit(start=2, end=3, replacement='’')]
"""

from __future__ import annotations

import functools
import re

from presswash.edits import Edit, splice
from presswash.step import Step
from presswash.steps.quote_elisions import (
    APOSTROPHE_REACH_AFTER,
    APOSTROPHE_REACH_BEFORE,
    CJK,
    ELISION,
    ELISION_AFTER_LEFT_QUOTE,
    ELISIONS,
    ROCK_N_ROLL,
    is_mis_curled_apostrophe,
)
from presswash.steps.quote_languages import Evidence

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

# The screens: for each curly quote, one scan led by that literal character (which
# the regular-expression engine skips to quickly) for the places where it may
# point the wrong way. A neighbour that is itself a curly quote always passes the
# screen, since then the neighbours of the whole group decide. A text that passes
# none of the four is left unchanged; in the others, the quotes found are studied by :class:`_Document`.
_SCREENS = (
    # “ after a word, punctuation or a dash, before whitespace, punctuation or the end.
    re.compile(f"{LEFT_DOUBLE}(?<=[^\\s{_O}]{LEFT_DOUBLE})(?=[\\s{_C}{_Q}]|\\Z)"),
    # ” after the start, whitespace, an opener or a dash, before a word.
    re.compile(f"{RIGHT_DOUBLE}(?<![^\\s{_O}{_D}{_Q}]{RIGHT_DOUBLE})(?=[^\\s{_C}])"),
    # ’ after the start, whitespace, an opener or a dash, before a letter that starts no elision.
    re.compile(f"{RIGHT_SINGLE}(?<![^\\s{_O}{_D}{_Q}]{RIGHT_SINGLE})(?=[^\\W\\d_])(?!{ELISIONS})"),
    # ‘ where “ would be screened, between two letters or digits, or starting a word before an elision.
    re.compile(
        f"{LEFT_SINGLE}(?:(?<=[^\\s{_O}]{LEFT_SINGLE})(?=[\\s{_C}{_Q}]|\\Z)"
        f"|(?<=[^\\W_]{LEFT_SINGLE})(?=[^\\W_])"
        f"|(?<![^\\s{_O}{_D}{_Q}]{LEFT_SINGLE})(?={ELISION_AFTER_LEFT_QUOTE.pattern}))"
    ),
)
# The quotes any screen finds, in text order.
_SCREENED_QUOTE = re.compile("|".join(f"(?:{screen.pattern})" for screen in _SCREENS))
# A group of curly quotes (or one of them) that opens with “ or ‘: the document quotes the English way.
_ENGLISH_OPENING = re.compile(f"(?:(?<=[\\s{_O}{_D}])|\\A)(?=[{_Q}]*[{LEFT_DOUBLE}{LEFT_SINGLE}])[{_Q}]*+(?=[^\\s{_C}])")
_SINGLE_QUOTE = re.compile(f"[{LEFT_SINGLE}{RIGHT_SINGLE}]")

_CURLY_SET = frozenset(CURLY)
_OPENER_SET = frozenset(OPENERS)
_DASH_SET = frozenset(DASHES)
_CLOSER_SET = frozenset(CLOSERS)

# Where a quote stands, from the characters around it (or around its group).
OPENING, CLOSING, INSIDE, ALONE = "opening", "closing", "inside", "alone"
_TURNED = {LEFT_SINGLE: RIGHT_SINGLE, RIGHT_SINGLE: LEFT_SINGLE, LEFT_DOUBLE: RIGHT_DOUBLE, RIGHT_DOUBLE: LEFT_DOUBLE}


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


# A quotation mark as the rules see it: the character (after any repair) and its position.
Mark = tuple[str, str]


class _Document:
    """A screened text: the quotes the screens found, each decided in order from its surroundings.

    What a quote needs to know about the rest of the text is found lazily and
    each piece of text is looked at a bounded number of times, so that the
    work stays linear however dense the quotes: the last double or single
    mark before a quote is searched backwards no further than the previous
    quote of its kind that was decided; the next single quote that opens or
    closes is searched forwards once for all the quotes before it; the group
    of quotes side by side and the paragraph are kept while the quotes stay in them.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._first_low_double = text.find(LOW_DOUBLE)
        self._first_low_single = text.find(LOW_SINGLE)
        # The last double and single mark before ``_decided_double`` / ``_decided_single``.
        self._last_double: Mark | None = None
        self._last_single: Mark | None = None
        self._decided_double = self._decided_single = 0
        self._group = (0, 0, ALONE)  # the last group of quotes looked at: its span and position
        self._paragraph = (0, -1, Evidence(""))  # the paragraph looked at last: its span and words
        # The next single quote that opens or closes after ``_boundary_from``: its index and position.
        self._boundary_from, self._boundary = len(text), (-1, ALONE)
        self._opens_english: bool | None = None
        self._apostrophes: dict[tuple[str, int], bool] = {}

    def repairs(self) -> list[tuple[int, int, str]]:
        """Each quote to turn around, as its span and its replacement, in text order."""
        found: list[tuple[int, int, str]] = []
        text = self.text
        for match in _SCREENED_QUOTE.finditer(text):
            position = match.start()
            char = text[position]
            where = self._where(position)
            new = ""
            if not self._evidence(position).right_to_left:
                new = self._repair(position, char, where)
                if new:
                    found.append((position, position + 1, new))
            if char in (LEFT_DOUBLE, RIGHT_DOUBLE):
                self._last_double, self._decided_double = (new or char, where), position + 1
            elif where in (OPENING, CLOSING):
                self._last_single, self._decided_single = (new or char, where), position + 1
        return found

    def _repair(self, position: int, char: str, where: str) -> str:
        """The quote that ``char`` at ``position`` should be (``""``: it stays)."""
        if where == CLOSING and char in (LEFT_DOUBLE, LEFT_SINGLE):
            return _TURNED[char] if self._turn_closing(position, char) else ""
        if where == INSIDE and char == LEFT_SINGLE:
            return RIGHT_SINGLE if self._apostrophe(position) else ""
        if where != OPENING:
            return ""
        if char == RIGHT_DOUBLE:
            return LEFT_DOUBLE if self._english(position) else ""
        if char == RIGHT_SINGLE:
            return LEFT_SINGLE if self._opening_single(position) and self._english(position) else ""
        if char == LEFT_SINGLE:
            return RIGHT_SINGLE if self._elision(position) else ""
        return ""

    def _turn_closing(self, position: int, char: str) -> bool:
        """Whether ``“`` or ``‘`` in a closing position should close the English way (rule 2)."""
        first_low = self._first_low_double if char == LEFT_DOUBLE else self._first_low_single
        low_before = 0 <= first_low < position
        if not low_before and not self._evidence(position).closes_with_left_quote:
            return True  # whatever comes before it, it is turned
        if self._previous_mark(position, char == LEFT_DOUBLE) == (char, OPENING):
            return True
        return not low_before and char == LEFT_SINGLE and ROCK_N_ROLL.match(self.text, position - 2) is not None

    def _elision(self, position: int) -> bool:
        """Whether a ``‘`` that starts a word before a year or an elided word is an apostrophe (rule 4)."""
        text = self.text
        if text[position + 1].isdecimal() or ROCK_N_ROLL.match(text, position):
            return True
        # Unless a closing quote answers it, and so closes a quotation it opens.
        return not self._answered(position) or self._previous_mark(position, False) == (LEFT_SINGLE, OPENING)

    def _english(self, position: int) -> bool:
        """Whether a right quote before a word at ``position`` opens an English quotation (rule 5)."""
        if self._opens_english is None:
            self._opens_english = _ENGLISH_OPENING.search(self.text) is not None
        return self._opens_english or self._evidence(position).english_over_nordic

    def _opening_single(self, position: int) -> bool:
        """Whether a ’ in an opening position opens a quotation (rather than starting an elision).

        It must stand before a letter that starts no elision, and the next single
        quote that opens or closes must close, in the same paragraph.
        """
        text = self.text
        after = text[position + 1]
        if not after.isalpha() or CJK.match(after) or ELISION.match(text, position + 1):
            return False
        return self._answered(position)

    def _answered(self, position: int) -> bool:
        """Whether the next single quote after ``position`` that opens or closes closes, in the same paragraph."""
        answer, where = self._boundary
        if not (self._boundary_from <= position and (answer < 0 or position < answer)):
            self._boundary_from, self._boundary = position, self._next_single_boundary(position)
            answer, where = self._boundary
        return answer >= 0 and where == CLOSING and answer < self._paragraph[1]

    def _next_single_boundary(self, position: int) -> tuple[int, str]:
        text = self.text
        quote = _SINGLE_QUOTE.search(text, position + 1)
        while quote is not None:
            where = self._where(quote.start())
            if where in (OPENING, CLOSING):
                return quote.start(), where
            quote = _SINGLE_QUOTE.search(text, quote.end())
        return -1, ALONE

    def _previous_mark(self, position: int, double: bool) -> Mark | None:
        """The last double (or single) quotation mark before ``position``, with its position.

        A single quote counts only where it opens or closes (not as an apostrophe).
        """
        text = self.text
        if double:
            marks, last, floor = (LOW_DOUBLE, LEFT_DOUBLE, RIGHT_DOUBLE), self._last_double, self._decided_double
        else:
            marks, last, floor = (LOW_SINGLE, LEFT_SINGLE, RIGHT_SINGLE), self._last_single, self._decided_single
        # The nearest occurrence of each mark; only the one taken is searched again further back.
        nearest = [text.rfind(mark, floor, position) for mark in marks]
        while (found := max(nearest)) >= 0:
            kind = nearest.index(found)
            where = self._where(found) if kind else ""
            if double or where != INSIDE and where != ALONE:
                last = marks[kind], where
                break
            nearest[kind] = text.rfind(marks[kind], floor, found)
        # Kept, so that the next question about this kind of mark starts here.
        if double:
            self._last_double, self._decided_double = last, position
        else:
            self._last_single, self._decided_single = last, position
        return last

    def _where(self, position: int) -> str:
        """The position of the group of curly quotes side by side that holds the quote at ``position``."""
        text = self.text
        before = text[position - 1] if position else ""
        after = text[position + 1 : position + 2]
        if before not in _CURLY_SET and after not in _CURLY_SET:
            return position_of(before, after)
        start, stop, where = self._group
        if start <= position < stop:
            return where
        start, stop = position, position + 1
        while start and text[start - 1] in _CURLY_SET:
            start -= 1
        while stop < len(text) and text[stop] in _CURLY_SET:
            stop += 1
        where = position_of(text[start - 1] if start else "", text[stop] if stop < len(text) else "")
        self._group = (start, stop, where)
        return where

    def _evidence(self, position: int) -> Evidence:
        """The words of the paragraph (line) that holds ``position``."""
        start, end, evidence = self._paragraph
        if start <= position < end:
            return evidence
        text = self.text
        start = text.rfind("\n", max(end, 0), position) + 1
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        self._paragraph = (start, end, Evidence.around(text, start, end, position))
        return self._paragraph[2]

    def _apostrophe(self, position: int) -> bool:
        """Whether a ‘ at ``position`` inside a word is a mis-curled apostrophe.

        The answer depends only on the characters around the quote (see
        ``is_mis_curled_apostrophe``), so it is kept for each such context: a text
        that repeats one (``a‘b a‘b …``) is decided once.
        """
        start = max(0, position - APOSTROPHE_REACH_BEFORE)
        context = (self.text[start : position + APOSTROPHE_REACH_AFTER], position - start)
        decided = self._apostrophes.get(context)
        if decided is None:
            decided = self._apostrophes[context] = is_mis_curled_apostrophe(self.text, position)
        return decided


_STEP = QuoteRepair()
