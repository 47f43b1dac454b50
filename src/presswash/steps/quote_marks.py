"""Curly quotation marks: where each stands, and the patterns that find each kind.

A quote opens or closes according to its neighbours (:func:`position_of`); quotes
side by side share the neighbours of their group. The patterns below find the
quotes that may point the wrong way (the screens) and sort them into kinds, so
that :mod:`presswash.steps.quote_repair` can turn a whole kind in one pass of
the regular-expression engine where a paragraph settles the answer for it.
Each pattern starts with its quote, a literal character the engine skips to
quickly, and looks at its neighbours only as quotes or not: turning a quote
around never changes what another pattern finds.

>>> [match.start() for match in SCREENED_QUOTE.finditer("“Yes,“ he said, “no”.")]
[5]
"""

from __future__ import annotations

import functools
import re

from presswash.steps._quote_table import NUMBERS_IN_WORDS
from presswash.steps.quote_elisions import (
    CJK,
    ELISION_AFTER_LEFT_QUOTE,
    ELISIONS,
    MIS_CURLED_APOSTROPHE,
    O_NAME,
    TURNED_WORD,
    YEAR,
)

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


# A letter (what ``str.isalpha`` calls one): a character of a word that is no number.
LETTER = f"[^\\W\\d_](?<![{NUMBERS_IN_WORDS}])"


def _class(characters: str) -> str:
    """``characters`` escaped for the inside of a regular-expression character class."""
    return "".join(re.escape(char) for char in characters)


_O, _D, _C, _Q = _class(OPENERS), _class(DASHES), _class(CLOSERS), _class(CURLY)

# The screens: for each curly quote, one scan led by that literal character (which
# the regular-expression engine skips to quickly) for the places where it may
# point the wrong way. A neighbour that is itself a curly quote always passes the
# screen, since then the neighbours of the whole group decide. A text that passes
# none of the four is left unchanged.
_CLOSING_LEFT_DOUBLE = f"{LEFT_DOUBLE}(?<=[^\\s{_O}]{LEFT_DOUBLE})(?=[\\s{_C}{_Q}]|\\Z)"
_CLOSING_LEFT_SINGLE = f"{LEFT_SINGLE}(?<=[^\\s{_O}]{LEFT_SINGLE})(?=[\\s{_C}{_Q}]|\\Z)"
_OPENING_LEFT_SINGLE = (
    f"{LEFT_SINGLE}(?<![^\\s{_O}{_D}{_Q}]{LEFT_SINGLE})(?={ELISION_AFTER_LEFT_QUOTE.pattern})"
)
SCREENS = (
    # “ after a word, punctuation or a dash, before whitespace, punctuation or the end.
    re.compile(_CLOSING_LEFT_DOUBLE),
    # ” after the start, whitespace, an opener or a dash, before a word.
    re.compile(f"{RIGHT_DOUBLE}(?<![^\\s{_O}{_D}{_Q}]{RIGHT_DOUBLE})(?=[^\\s{_C}])"),
    # ’ after the start, whitespace, an opener or a dash, before a letter that starts no elision.
    re.compile(f"{RIGHT_SINGLE}(?<![^\\s{_O}{_D}{_Q}]{RIGHT_SINGLE})(?=[^\\W\\d_])(?!{ELISIONS})"),
    # ‘ where “ would be screened, in a word where it may be an apostrophe, or starting a word
    # before an elision.
    re.compile(
        f"{_CLOSING_LEFT_SINGLE}|{MIS_CURLED_APOSTROPHE.pattern}|{O_NAME.pattern}|{_OPENING_LEFT_SINGLE}"
    ),
)
# Every quote a screen finds, in text order.
SCREENED_QUOTE = re.compile("|".join(f"(?:{screen.pattern})" for screen in SCREENS))

# The same quotes sorted by kind, for a quote with no curly quote beside it (whose own
# neighbours give its position); a quote with one beside it is ``grouped``. Where the
# paragraph settles the answer for a whole kind, one scan turns them all. Like the
# screens, each pattern starts with its quote, which the engine skips to quickly.
_LS, _RS = LEFT_SINGLE, RIGHT_SINGLE
KINDS = {
    "closing_double": f"{LEFT_DOUBLE}(?<=[^\\s{_O}{_Q}]{LEFT_DOUBLE})(?=[\\s{_C}]|\\Z)",
    "closing_single": f"{_LS}(?<=[^\\s{_O}{_Q}]{_LS})(?=[\\s{_C}]|\\Z)(?!(?<=\\s[{_LS}{_RS}]n{_LS})\\s)",
    "opening_double": f"{RIGHT_DOUBLE}(?<![^\\s{_O}{_D}]{RIGHT_DOUBLE})(?=[^\\s{_C}{_Q}])",
    "opening_single": f"{_RS}(?<![^\\s{_O}{_D}]{_RS})(?=[^\\W\\d_])(?!{ELISIONS})",
    "inside": f"{_LS}(?<=[^\\W_]{_LS})(?=[^\\W_])",
    "elided_word": f"{_LS}(?<![^\\s{_O}{_D}]{_LS})(?!(?<=\\s{_LS})n[{_LS}{_RS}]\\s)(?={TURNED_WORD})",
    # ‘90s, and both quotes of rock ‘n‘ roll
    "year_or_rock": f"{_LS}(?:(?<![^\\s{_O}{_D}]{_LS})(?={YEAR})|(?<=\\s{_LS})(?=n[{_LS}{_RS}]\\s)"
    f"|(?<=\\s[{_LS}{_RS}]n{_LS})(?=\\s))",
    # A whole group, whose neighbours give its position, with a quote that may point the
    # wrong way there: closing with “ or ‘, opening with ”, ’ or ‘, or inside with ‘.
    "grouped": f"[{_Q}][{_Q}](?<![{_Q}][{_Q}][{_Q}])(?:"
    f"(?<=[^\\s{_O}][{_Q}][{_Q}])(?:(?<=[{LEFT_DOUBLE}{_LS}].)|(?<=[{LEFT_DOUBLE}{_LS}])|(?=[{_Q}]*?[{LEFT_DOUBLE}{_LS}]))"
    f"[{_Q}]*+(?=[\\s{_C}]|\\Z)"
    f"|(?<![^\\s{_O}{_D}][{_Q}][{_Q}])"
    f"(?:(?<=[{RIGHT_DOUBLE}{_RS}{_LS}].)|(?<=[{RIGHT_DOUBLE}{_RS}{_LS}])|(?=[{_Q}]*?[{RIGHT_DOUBLE}{_RS}{_LS}]))"
    f"[{_Q}]*+(?=[^\\s{_C}])"
    f"|(?<=[^\\s{_O}{_D}][{_Q}][{_Q}])(?:(?<={_LS}.)|(?<={_LS})|(?=[{_Q}]*?{_LS}))[{_Q}]*+(?=[^\\s{_C}]))",
}
# An in-word ‘ in O‘Connor or O‘zbekiston that the pattern of mis-curled apostrophes leaves
# to the letter after it (the lookbehind holds the ‘ itself, to be looked at from there).
KINDS["o_name"] = f"{O_NAME.pattern}(?<=(?!{MIS_CURLED_APOSTROPHE.pattern})‘)"
# A lone closing ‘ whose last single mark before it is a ‚ (it stays), or a lone ‘ that opens
# (and starts no elision): up to the ‘, no other quote of any kind.
_NO_QUOTE_UP_TO = f"[^{LOW_SINGLE}{LOW_DOUBLE}{CURLY}]*{KINDS['closing_single']}"
KINDS["kept_single"] = f"{LOW_SINGLE}{_NO_QUOTE_UP_TO}"
KINDS["turned_single"] = (
    f"{_LS}(?<![^\\s{_O}{_D}]{_LS})(?=[^\\s{_C}{_Q}])(?!{YEAR}|{ELISIONS}){_NO_QUOTE_UP_TO}"
)
# A quote of any kind above: a paragraph without one has nothing to turn. (The lone kinds
# are tried only at a quote with no quote beside it, which all of them require.)
_LONE_KINDS = (
    "closing_double",
    "closing_single",
    "opening_double",
    "opening_single",
    "inside",
    "elided_word",
)
_LEADING_QUOTE = re.compile(r"\[[^\]]*\]|.")


def _led_by_quotes(patterns: dict[str, str], named: bool = False) -> str:
    """The union of ``patterns``, each led by its quote (a character or a class), written to start
    with one class of all their quotes: the engine skips quickly to a character of that class,
    where a union of groups or of lookarounds is tried at every character. Each pattern's quote
    is matched by the class, and then looked at from behind."""
    quotes, alternatives = "", []
    for name, pattern in patterns.items():
        quote, rest = _quote_and_rest(pattern)
        quotes += quote
        alternatives.append(f"(?P<{name}>{rest})" if named else rest)
    return f"[{quotes}](?:{'|'.join(alternatives)})"


def _quote_and_rest(pattern: str) -> tuple[str, str]:
    """The quote characters that ``pattern`` is led by (a character or a class of them), and the rest
    of it, which looks behind at the quote matched before it.

    >>> _quote_and_rest("[‘’]a")
    ('‘’', '(?<=[‘’])a')
    """
    quote = _LEADING_QUOTE.match(pattern).group()  # type: ignore[union-attr]
    if "-" in quote or "\\" in quote:
        raise ValueError(f"a quote or a class of quote characters only, not {quote!r}")
    return quote.strip("[]"), f"(?<={quote}){pattern[len(quote) :]}"


# A quote with no quote beside it, of a kind above, or a group with a quote that may turn.
_LONE = f"(?<![{_Q}][{_Q}])(?![{_Q}])"
_CANDIDATES = {
    **{kind: KINDS[kind][0] + _LONE + KINDS[kind][1:] for kind in (*_LONE_KINDS, "year_or_rock")},
    "grouped": KINDS["grouped"],
}


def _led_by_each_quote(patterns: dict[str, str]) -> tuple[re.Pattern[str], ...]:
    """The union of ``patterns`` (each led by its quote, a character or a class of them) as one
    pattern for each quote character, led by it: the engine skips to a literal character faster
    still than to a class, and at each quote tries only the patterns that quote may lead, where
    the union tries every one (a third of a microsecond a quote, at the apostrophes of English)."""
    by_quote: dict[str, list[str]] = {}
    for pattern in patterns.values():
        quotes, rest = _quote_and_rest(pattern)
        for quote in quotes:
            by_quote.setdefault(quote, []).append(rest)
    return tuple(re.compile(f"{re.escape(quote)}(?:{'|'.join(rest)})") for quote, rest in by_quote.items())


_CANDIDATE_BY_QUOTE = _led_by_each_quote(_CANDIDATES)


class Candidates:
    """The places of a text where one of ``_CANDIDATES`` matches (a candidate quote), asked in
    order: the first from each ``start`` on, ``start`` never decreasing. Each pattern led by a
    quote keeps its next match and is searched again only past it, so that every pattern reads
    the text once however many paragraphs ask (a quote with no candidate left is not looked for
    again): linear time.

        >>> candidates = Candidates("He said “yes“ and ‘no‘.\\nShe said ‘fine‘.")
        >>> candidates.first_from(0), candidates.first_from(24), candidates.first_from(40)
        (12, 38, -1)
    """

    def __init__(self, text: str) -> None:
        self._text = text
        # Each pattern's next match at or after the last start asked (-1: none left), or
        # None where it has not been searched yet.
        self._next: list[int | None] = [None] * len(_CANDIDATE_BY_QUOTE)

    def first_from(self, start: int) -> int:
        """Where the first candidate at or after ``start`` begins (-1: none)."""
        first = -1
        for index, pattern in enumerate(_CANDIDATE_BY_QUOTE):
            found = self._next[index]
            if found is None or 0 <= found < start:
                match = pattern.search(self._text, start)
                found = self._next[index] = -1 if match is None else match.start()
            if found >= 0 and (first < 0 or found < first):
                first = found
        return first


# After a quote, whether the next single quote that opens or closes (with the group it stands
# in) closes, in the same paragraph: it is looked for past the text without curly quotes, the
# groups of double quotes, and the groups with a single quote that stand inside a word or alone.
_NEXT_SINGLE_CLOSES = (
    f"(?:[^{_Q}\\n]++|[{LEFT_DOUBLE}{RIGHT_DOUBLE}]++(?![{_LS}{_RS}])"
    f"|(?<=[^\\s{_O}{_D}])(?=[{LEFT_DOUBLE}{RIGHT_DOUBLE}]*[{_LS}{_RS}])[{_Q}]++(?![\\s{_C}]|\\Z)"
    f"|(?<=[\\s{_O}])(?=[{LEFT_DOUBLE}{RIGHT_DOUBLE}]*[{_LS}{_RS}])[{_Q}]++(?=[\\s{_C}]|\\Z))*+"
    f"(?<=[^\\s{_O}])(?=[{LEFT_DOUBLE}{RIGHT_DOUBLE}]*[{_LS}{_RS}])[{_Q}]++(?=[\\s{_C}]|\\Z)"
)
# An elided word that no closing quote answers turns whatever came before it; the others
# are decided one at a time.
KINDS["unanswered_elided_word"] = f"{KINDS['elided_word']}(?!{_NEXT_SINGLE_CLOSES})"
KINDS["answered_elided_word"] = f"{KINDS['elided_word']}(?={_NEXT_SINGLE_CLOSES})"
# Quotes side by side, in a group of up to SHORT_GROUP: each sees the whole group and its
# neighbours through lookarounds of fixed width, so where the paragraph settles a kind,
# its quotes in such groups turn in one pass too. A longer group is decided in Python.
SHORT_GROUP = 4


def _group_behind(quote: str, before: int, closing: bool) -> str:
    """A lookbehind, at ``quote``, for ``before`` quotes that start its group in a closing (or an
    opening) position."""
    if closing:
        return f"(?<=[^\\s{_O}{_Q}][{_Q}]{{{before}}}{quote})"
    return f"(?<=[{_Q}]{{{before}}}{quote})(?<![^\\s{_O}{_D}][{_Q}]{{{before}}}{quote})"


def _in_short_group(quote: str, closing: bool) -> re.Pattern[str]:
    """``quote`` in a group of two to SHORT_GROUP curly quotes in a closing (or an opening) position."""
    alternatives = []
    for before in range(SHORT_GROUP):
        behind = _group_behind(quote, before, closing)
        aheads = []
        for after in range(int(before == 0), SHORT_GROUP - before):
            end = "(?:[\\s" + _C + "]|\\Z)" if closing else f"[^\\s{_C}{_Q}]"
            aheads.append(f"(?=[{_Q}]{{{after}}}{end})")
        alternatives.append(f"{behind}(?:{'|'.join(aheads)})")
    return re.compile(f"{quote}(?:{'|'.join(alternatives)})")


IN_SHORT_GROUP = {
    "closing_double": _in_short_group(LEFT_DOUBLE, closing=True),
    "closing_single": _in_short_group(_LS, closing=True),
    "opening_double": _in_short_group(RIGHT_DOUBLE, closing=False),
}
# An ’ that opens a word (alone, or last in a short group), which a closing single quote
# answers: rule 5 turns it in a paragraph that quotes the English way.
OPENS_WORD = re.compile(f"(?={LETTER})(?!{CJK.pattern})(?!{ELISIONS})")
ANSWERED_OPENING_SINGLE = re.compile(
    f"{_RS}(?:{'|'.join(_group_behind(_RS, before, closing=False) for before in range(SHORT_GROUP))})"
    f"{OPENS_WORD.pattern}(?={_NEXT_SINGLE_CLOSES})"
)
# The groups left to decide in Python: each pattern finds a whole group, from its first quote.
_GROUP_START = f"[{_Q}](?<![{_Q}][{_Q}])(?=[{_Q}])"
_CLOSING_GROUP = f"(?<=[^\\s{_O}][{_Q}])"
_OPENING_GROUP = f"(?<![^\\s{_O}{_D}][{_Q}])"
GROUP_KINDS = {
    # Closing, with a “ (or a ‘) where the paragraph leaves it to be decided one at a time.
    "group_closing_double": f"{_GROUP_START}{_CLOSING_GROUP}(?:(?<={LEFT_DOUBLE})|(?=[{_Q}]*?{LEFT_DOUBLE}))"
    f"[{_Q}]*+(?=[\\s{_C}]|\\Z)",
    "group_closing_single": f"{_GROUP_START}{_CLOSING_GROUP}(?:(?<={_LS})|(?=[{_Q}]*?{_LS}))"
    f"[{_Q}]*+(?=[\\s{_C}]|\\Z)",
    # Opening, with a ‘ that the screen finds (after a quote or a dash and before a quote, or
    # before an elision).
    "group_opening_single": f"{_GROUP_START}{_OPENING_GROUP}(?:(?<=[{_D}]{_LS})"
    f"|(?=[{_Q}]*?{_LS}(?:[{_Q}]|{ELISION_AFTER_LEFT_QUOTE.pattern})))"
    f"[{_Q}]*+(?=[^\\s{_C}])",
    # Longer than the lookarounds reach, in a closing or an opening position.
    "long_group": f"{_GROUP_START}(?=[{_Q}]{{{SHORT_GROUP}}})(?:{_CLOSING_GROUP}[{_Q}]*+(?=[\\s{_C}]|\\Z)"
    f"|{_OPENING_GROUP}[{_Q}]*+(?=[^\\s{_C}]))",
}
KINDS |= GROUP_KINDS
TURN_ALL = {kind: re.compile(KINDS[kind]) for kind in ("closing_double", "closing_single", "opening_double")}
YEAR_OR_ROCK = re.compile(KINDS["year_or_rock"])
UNANSWERED_ELIDED_WORD = re.compile(KINDS["unanswered_elided_word"])
# Where the quotes of each kind decided one at a time stand.
KIND_POSITION = {"closing_single": "closing", "o_name": "inside", "answered_elided_word": "opening"}
# A lone closing “ whose last double mark before it opens a quotation: a group of quotes in
# an opening position that holds a double mark, then no double mark up to the “.
ANSWERS_OPENING_DOUBLE = re.compile(
    f"[{_Q}](?<![^\\s{_O}{_D}].)(?:(?<=[{LEFT_DOUBLE}{RIGHT_DOUBLE}])|[{_LS}{_RS}]*+[{LEFT_DOUBLE}{RIGHT_DOUBLE}])"
    f"[{_Q}]*+(?=[^\\s{_C}])[^{LOW_DOUBLE}{LEFT_DOUBLE}{RIGHT_DOUBLE}]*?{KINDS['closing_double']}"
)
# The quotes that may point the wrong way in a group in each position.
REPAIRABLE_IN = {
    "closing": re.compile(f"[{LEFT_DOUBLE}{_LS}]"),
    "inside": re.compile(_LS),
    "opening": re.compile(f"[{RIGHT_DOUBLE}{_RS}{_LS}]"),
}
# Two curly quotes side by side: a paragraph without them has no group to decide.
SIDE_BY_SIDE = re.compile(f"[{_Q}](?=[{_Q}])")
DOUBLE_MARK = re.compile(f"[{LOW_DOUBLE}{LEFT_DOUBLE}{RIGHT_DOUBLE}]")


@functools.cache
def kinds_pattern(*kinds: str) -> re.Pattern[str]:
    """The quotes of the given kinds, decided one at a time (the others are turned, or not, by kind)."""
    return re.compile(_led_by_quotes({kind: KINDS[kind] for kind in kinds}, named=True))


# A group of curly quotes that opens a quotation with “ or ‘: the paragraph quotes the English way.
ENGLISH_OPENING = re.compile(
    f"[{_Q}](?<![^\\s{_O}{_D}].)(?:(?<=[{LEFT_DOUBLE}{_LS}])|[{RIGHT_DOUBLE}{_RS}]*+[{LEFT_DOUBLE}{_LS}])"
    f"[{_Q}]*+(?=[^\\s{_C}])"
)
SINGLE_QUOTE = re.compile(f"[{LEFT_SINGLE}{RIGHT_SINGLE}]")

CURLY_SET = frozenset(CURLY)
_OPENER_SET = frozenset(OPENERS)
_DASH_SET = frozenset(DASHES)
_CLOSER_SET = frozenset(CLOSERS)

# Where a quote stands, from the characters around it (or around its group).
OPENING, CLOSING, INSIDE, ALONE = "opening", "closing", "inside", "alone"
LOW = "low"  # what a low quote (‚ „) is, as the last mark before a quote
TURNED = {
    LEFT_SINGLE: RIGHT_SINGLE,
    RIGHT_SINGLE: LEFT_SINGLE,
    LEFT_DOUBLE: RIGHT_DOUBLE,
    RIGHT_DOUBLE: LEFT_DOUBLE,
}


# A closing “ (or ‘) whose last double (single) quote before it is „ (‚) closes that quotation
# and stays: the screen of a whole text passes over it, so that text quoted „…“ passes.
_CLOSING = (
    (re.compile(_CLOSING_LEFT_DOUBLE), LOW_DOUBLE + LEFT_DOUBLE + RIGHT_DOUBLE),
    (re.compile(_CLOSING_LEFT_SINGLE), LOW_SINGLE + LEFT_SINGLE + RIGHT_SINGLE),
)
_OTHER_LEFT_SINGLE = re.compile(f"{MIS_CURLED_APOSTROPHE.pattern}|{O_NAME.pattern}|{_OPENING_LEFT_SINGLE}")


def screened(text: str) -> bool:
    """Whether some curly quote of ``text`` may point the wrong way (see ``SCREENS``; a closing
    “ or ‘ after „ or ‚ cannot).

    >>> screened("„Wir schaffen das“, sagte sie."), screened("“Wir schaffen das“, sagte sie.")
    (False, True)
    """
    _, right_double, right_single, _ = SCREENS
    (closing_double, doubles), (closing_single, singles) = _CLOSING
    if right_double.search(text) or right_single.search(text):
        return True
    if LEFT_DOUBLE in text and _closes_but_after_low(text, closing_double, doubles):
        return True
    return LEFT_SINGLE in text and (
        _closes_but_after_low(text, closing_single, singles) or _OTHER_LEFT_SINGLE.search(text) is not None
    )


def _closes_but_after_low(text: str, closing: re.Pattern[str], kinds: str) -> bool:
    """Whether a quote that ``closing`` finds stands where the last quote of ``kinds`` (low,
    left, right) before it is not the low one.

    Each closing quote found is the last quote before the next one's stretch, so every
    character is looked back over once: linear, whatever the number of quotes. A closing
    quote beside another quote (``‘“``) stands in a group, which is placed as a whole: it
    is taken as found too.

    >>> _closes_but_after_low("„a“ „b“", *_CLOSING[0]), _closes_but_after_low("„a“ b“", *_CLOSING[0])
    (False, True)
    """
    low = kinds[0]
    last, start = "", 0
    for found in closing.finditer(text):
        position = found.start()
        before, latest = last, -1
        for kind in kinds:
            at = text.rfind(kind, start, position)
            if at > latest:
                before, latest = kind, at
        grouped = text[position - 1] in CURLY_SET or text[position + 1 : position + 2] in CURLY_SET
        if before != low or grouped:
            return True
        last, start = text[position], position + 1
    return False


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
