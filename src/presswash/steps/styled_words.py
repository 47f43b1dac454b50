"""How one word of a run of styled words folds, by the rules of :mod:`presswash.steps.styled`.

Each kind of styled character has its rule (mathematical letters always fold; small
capitals, superscripts, enclosed letters and overlays only where their word and its
neighbours show a generator's hand): this module applies them to one word, and says
what folded in it, so that one-letter neighbours can follow.

    >>> fold_word("\U0001d41b\U0001d428\U0001d425\U0001d41d", "").own
    'bold'
    >>> fold_word("m\u00b2", "").own  # a superscript alone is a symbol
    'm²'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from presswash.steps._styled_table import COMBINING_MARKS, OVERLAYS
from presswash.steps.normalization import normalize
from presswash.steps.styled_characters import (
    ALWAYS,
    ENCLOSED_BY_MARK,
    EVERY_KIND,
    FOLD_TABLES,
    MARK_SET,
    MARKS,
    STYLED_CHARACTERS,
    STYLED_SET,
    Units,
    is_marked_enclosure,
    marked_enclosures,
    may_stand_beside,
    plain_units,
)
from presswash.steps.zalgo import is_zalgo, strip_piles

# The small capitals of the IPA (ɪ ʏ ʀ ɢ ɴ ʟ ʙ ʜ ɶ) are in its block; the others are not phonetic.
IPA_SMALL_CAPITALS = ("\u0250", "\u02af")
EMOJI_PRESENTATION = "\ufe0f"
VARIATION_SELECTORS = re.compile("[\ufe0e\ufe0f]")
# A character and the combining marks on it; marks that open a word stand alone.
UNIT = re.compile(f"([^{MARKS}]?)([{MARKS}]*)")
OVERLAY = re.compile(f"[{OVERLAYS}]")
# Where a letter may carry a Zalgo pile (see presswash.steps.zalgo).
# Any supplementary character stands in for the supplementary marks (one range is fast, many slow).
MAY_BE_PILE = re.compile(f"[{COMBINING_MARKS}\U00010000-\U0010ffff]{{3}}")


class Word(NamedTuple):
    """How one word of a styled run folds."""

    own: str
    """The word as its own rules fold it (the word itself if they fold nothing)."""
    keys: frozenset[str]
    """What folded in it (styles, and kinds), for one-letter neighbours to follow."""
    lone: frozenset[str]
    """For a one-letter word that did not fold: the keys of the neighbours it follows."""
    lone_folded: str
    """The word as it folds next to such a neighbour."""


NOTHING = frozenset[str]()


def _is_break(char: str) -> bool:
    """Whether ``char`` is a space or punctuation, which generators strike through like letters."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def fold_word(word: str, before: str) -> Word:
    """How ``word`` folds; ``before`` is the character before it ("" at the start of the text)."""
    if len(word) <= SHORT_WORD:
        return _fold_short_word(word, before)
    return _apply_rules(word, before)


def _apply_rules(word: str, before: str) -> Word:
    """Apply the rules of :mod:`presswash.steps.styled` to one word."""
    after_break = not before or _is_break(before)
    distinct = set(word)
    present = [(char, STYLED_CHARACTERS[char]) for char in distinct & STYLED_SET]
    units: Units | None = None
    overlaid, enclosed_emoji, zalgo, may_follow_zalgo, in_enclosures = 0, False, False, False, 0
    marked = not MARK_SET.isdisjoint(distinct)
    overlays = marked and OVERLAY.search(word) is not None
    piled = marked and MAY_BE_PILE.search(word) is not None
    enclosing = marked and ENCLOSED_BY_MARK.search(word) is not None
    # A long word whose marks are all accents of plain letters (e\u0301) needs no units.
    if marked and (present or overlays or piled or enclosing or len(word) <= SHORT_WORD):
        units = [(base, marks) for base, marks in UNIT.findall(word) if base or marks]
        if overlays:
            overlaid = sum(1 for _, marks in units if marks and OVERLAY.search(marks))
        enclosed_marks = [m for b, m in units if b in STYLED_SET and STYLED_CHARACTERS[b].kind == "enclosed"]
        enclosed_emoji = bool(enclosed_marks) and all(EMOJI_PRESENTATION in m for m in enclosed_marks)
        phonetic = before in ("[", "/")
        if piled:
            zalgo = is_zalgo(plain_units(units), phonetic)
        # A few letters whose marks all go with Zalgo (a̸, of̶) may follow a Zalgo neighbour.
        may_follow_zalgo = (
            not phonetic
            and len(word) <= SHORT_WORD
            and not any(marks for _, marks in strip_piles(plain_units(units)))
        )
        if enclosing:
            in_enclosures = marked_enclosures(units)
    elif not marked and all(info.kind in ALWAYS for _, info in present):
        own = word.translate(FOLD_TABLES[ALWAYS])  # the common case: mathematical letters
        return Word(own, frozenset(info.style for _, info in present), NOTHING, own)

    counted = modifier_letters = mathematical = 0
    for char, info in present:
        count = word.count(char)
        if info.kind == "modifier":
            if info.plain.isalpha():
                counted += count
                modifier_letters += count
        else:
            counted += count
            if info.kind != "enclosed":
                mathematical += count
    styled = [info for _, info in present]
    plain = [char for char in distinct - STYLED_SET - MARK_SET]
    # The ordinary lowercase letters (a capital kept at the start is no evidence against).
    plain_letters = sum(word.count(char) for char in plain if char.islower())
    enclosed = [s for s in styled if s.kind == "enclosed"]
    modifier = [s for s in styled if s.kind == "modifier"]
    # Enclosed characters take every other styled character as styled, but an
    # ordinary letter their styles could have written makes them symbols.
    enclosed_fit = bool(enclosed) and may_stand_beside(plain + [s.plain for s in modifier], enclosed)
    # Modifier letters take every other styled letter as an ordinary one (𝑥ᵢⱼ).
    others = [s.plain for s in styled if s.kind != "modifier"]
    modifier_fit = bool(modifier) and may_stand_beside(plain + others, modifier)

    folding = set(ALWAYS)
    if mathematical >= 2:
        folding.add("letterlike")
    if counted >= 2 and enclosed_fit and not enclosed_emoji:
        folding.add("enclosed")
    # Small capitals with ordinary s, x or q (ᴄᴀᴘs) are a generator's only if one of
    # them is not the IPA's: [ʀɪs] could be phonetics. Such a word follows its neighbours.
    small_capitals = [char for char, info in present if info.style == "small capitals"]
    phonetic_capitals = (
        bool(small_capitals)
        and any(char.islower() for char in plain)
        and all(IPA_SMALL_CAPITALS[0] <= char <= IPA_SMALL_CAPITALS[1] for char in small_capitals)
    )
    # Small capitals are most of their word (superscripts and subscripts lack many letters).
    mostly_small_capitals = not small_capitals or modifier_letters > plain_letters
    modifier_word = modifier_letters >= 2 and modifier_fit and mostly_small_capitals
    if modifier_word and not phonetic_capitals:
        folding.add("modifier")
    strip = overlaid >= 2
    enclosures = in_enclosures >= 2
    if present or strip or zalgo or enclosures:
        own = _render(word, units, frozenset(folding), strip, zalgo, enclosures)
    else:
        own = word  # only marks that stay (e\u0301)
    if own != word:
        keys = {"overlay"} if strip else set()
        keys |= {"zalgo"} if zalgo else set()
        keys |= {"enclosed"} if enclosures else set()
        for s in styled:
            if s.kind in folding:
                keys.add(s.kind if s.kind in ("enclosed", "modifier") else s.style)
        return Word(own, frozenset(keys), NOTHING, own)

    lone = {"modifier"} if modifier_word else set()
    length = len(word) if units is None else len(units)
    if counted == 1 and len(styled) == 1 and styled[0].plain.isalpha():
        only = styled[0]
        if only.kind == "letterlike" and length == 1:
            lone.add(only.style)
        elif (only.kind == "enclosed" and enclosed_fit and not enclosed_emoji) or (
            only.kind == "modifier" and modifier_fit
        ):
            lone.add(only.kind)
    if overlaid == 1 and length == 1 and units is not None:
        base = units[0][0]
        if base.isalnum() or (not base and after_break):
            lone.add("overlay")
    if in_enclosures == 1 and length == 1 and units is not None and units[0][0].isalpha():
        lone.add("enclosed")
    if may_follow_zalgo:
        lone.add("zalgo")
    if not lone:
        return Word(word, NOTHING, NOTHING, word)
    folded = _render(word, units, EVERY_KIND, True, "zalgo" in lone, "enclosed" in lone)
    return Word(word, NOTHING, frozenset(lone), folded)


# Styled text repeats its words; remember how the short ones fold.
SHORT_WORD = 40
_fold_short_word = functools.lru_cache(maxsize=4096)(_apply_rules)


def _render(
    word: str,
    units: Units | None,
    folding: frozenset[str],
    strip: bool,
    zalgo: bool = False,
    enclosures: bool = False,
) -> str:
    """``word`` with the styled characters of the ``folding`` kinds folded, and overlays stripped
    (``strip``), Zalgo piles removed (``zalgo``) and combining enclosures dropped (``enclosures``)."""
    table = FOLD_TABLES[folding]
    if units is None:
        return word.translate(table)
    folded = [(table.get(ord(base), base) if base else base, marks) for base, marks in units]
    if zalgo:
        folded = strip_piles(folded)
    pieces = []
    for (base, _), (plain, marks) in zip(units, folded, strict=True):
        if marks and enclosures and is_marked_enclosure(plain, marks):
            marks = ""
        if marks and strip:
            marks = OVERLAY.sub("", marks)
        if marks and plain != base:
            # The accents of a styled letter are the plain letter's: 𝓮 and U+0301 make é.
            pieces.append(normalize("NFC", plain + VARIATION_SELECTORS.sub("", marks)))
        else:
            pieces += (plain, marks)
    return "".join(pieces)
