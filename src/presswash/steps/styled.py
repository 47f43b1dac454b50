"""Fold "fancy text" (𝓮𝔁𝓹𝓸𝓼𝓮𝓭, ⓒⓘⓡⓒⓛⓔⓓ, 🅱🅻🅾🅲🅺, ᴀʙᴄ, s̶t̶r̶u̶c̶k̶) back to plain letters.

Fancy-text generators spell words with characters that Unicode encodes for
mathematics, legacy character sets and dingbat fonts. People paste the result
into posts and articles, and search, deduplication and NLP then miss the words.
NFKC folds only part of it (not small capitals, 🅐, 🅰 or strikethrough) and
breaks real characters on the way (m² → m2, 1º → 1o, ½ → 1⁄2, ™ → TM);
transliteration destroys every script but Latin. This step folds the styled
alphabets and nothing else. They come from a table generated from the Unicode
character database (``scripts/generate_styled_table.py``): letters and digits
only, so ™, ½, µ, №, ℃, ª and º are never touched, nor is any real script.

    >>> fold_styled("leaving vulnerabilities 𝓮𝔁𝓹𝓸𝓼𝓮𝓭 in an increasingly volatile world")
    'leaving vulnerabilities exposed in an increasingly volatile world'
    >>> fold_styled("ᴛʜᴇ ᵍᵈᵖ ɢʀᴇᴡ: ⓑⓘⓖ 🅽🅴🆆🆂, ｗｉｄｅ ℌ𝔢𝔩𝔩𝔬, s̶t̶r̶u̶c̶k̶")
    'the gdp grew: big NEWS, wide Hello, struck'

Many styled characters also have real uses, so the step decides by *words*
(maximal runs of letters, digits, combining marks and styled characters) and
by their neighbours (the words before and after on the same line, with only
spaces and punctuation in between). Each kind of styled character has its own
rule, from least to most ambiguous:

- **Mathematical alphanumerics and fullwidth letters and digits** always fold,
  even alone: they mean nothing but a letter in a style, a lone 𝑥 is a variable
  the reader knows as x, and one-letter words of a styled sentence (𝐈, 𝐚) must
  fold with it. Mathematical Greek folds to Greek (𝛂 → α, 𝜷 → β): only the
  style is dropped, never the letter. The styled nabla and partial
  differential (𝛁, 𝛛) are operators, not letters, and stay.
- **Letterlike symbols** that fill the holes of those alphabets (ℎ ℬ ℰ ℱ ℋ ℐ ℒ
  ℳ ℛ ℯ ℊ ℴ ℭ ℌ ℑ ℜ ℨ ℂ ℍ ℕ ℙ ℚ ℝ ℤ) fold beside another mathematical letter in
  their word (ℌ𝔢𝔩𝔩𝔬), or alone next to a folded word of the same style (ℐ
  𝓁ℴ𝓋ℯ). Otherwise they are the symbols they were encoded as: ℝ the real
  numbers, ℎ Planck's constant, so ``𝑥 ∈ ℝ`` becomes ``x ∈ ℝ``.
- **Enclosed letters and digits** (circled, negative circled, squared,
  negative squared, parenthesized) fold when a word holds at least two styled
  characters and no ordinary letter its styles could have written: ⓗⓔⓛⓛⓞ,
  ⒜⒝⒞, ②⓪②④. A lone one stays: ①, ⓐ and ⒜ label items of a list, 🅰 🅱 🅾 🅿
  and Ⓜ are emoji (blood types, parking, metro), and in Chinese, Japanese and
  Korean text circled numbers mark steps (手順①と②, where the kana block the
  fold). A one-letter word folds only next to a folded enclosed word (ⓘ
  ⓛⓞⓥⓔ ⓘⓣ, ⓘ'ⓜ ⓗⓔⓡⓔ). A character followed by VS16 (U+FE0F) asks for emoji
  presentation: it never folds alone, and a word whose styled characters all
  carry one (🅰️🅱️) stays. Circled numbers from ten up (⑩, ❿) are enumerators,
  not digits, and are not in the table.
- **Small capitals, superscripts and subscripts** are real letters of phonetics
  (kʰ, [ʀ], bɪt), of orthographies (Kabyle yegʷjen) and of notation (m², km³,
  H₂O, xᵢⱼ, Tₘₐₓ, 5ᵗʰ). They fold when a word holds at least two of them as
  letters and every other letter in it is one their styles lack: ᴇxᴀᴍᴘʟᴇ (there
  is no small capital x), Hᴇʟʟᴏ (generators keep capitals), ₕₑₗₗₒ wₒᵣₗd. Other
  styled letters in the word count as ordinary letters here, so 𝑥ᵢⱼ keeps its
  indices. Superscript and subscript digits fold only inside such a word
  (ᶜᵒᵛⁱᵈ¹⁹); alone they are exponents, indices and footnote marks. A word
  with a single such letter (ᴀ, or dₒg in subscript) folds next to a folded
  word of the same kind (ᴀ ᴄᴀᴛ, ₜₕₑ dₒg).
- **Decorative overlays** — combining strokes, slashes, rings and low lines
  (U+0332–U+0338, U+20D2 …) — are removed when at least two characters of a
  word carry one (s̶t̶r̶u̶c̶k̶, u̲n̲d̲e̲r̲). Generators strike the spaces and
  punctuation between words too; those strokes, and one-letter words (I̶ a̶m̶),
  go with the struck words beside them. One struck letter alone stays, as does
  the slash of a negated symbol (≠). Overlines are notation (X̅, 0.3̅) and stay.

Every other combining mark stays where it is, so accents on a styled letter
survive (𝐞́ → é after NFC). Each word that changes is one edit.

    >>> fold_styled("10 m², H₂O, 1º, ½, ™, µ, kʰ, yegʷjen, 🅰️ and 🅱, ① and ⓐ, 𝑥 ∈ ℝ, xᵢⱼ")
    '10 m², H₂O, 1º, ½, ™, µ, kʰ, yegʷjen, 🅰️ and 🅱, ① and ⓐ, x ∈ ℝ, xᵢⱼ'
    >>> StyledText().edits("a 𝐛𝐨𝐥𝐝 ⓜⓞⓥⓔ")
    [Edit(start=2, end=6, replacement='bold'), Edit(start=7, end=11, replacement='move')]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from itertools import combinations
from typing import NamedTuple

from presswash.edits import Edit
from presswash.step import PatternStep
from presswash.steps._styled_table import (
    COMBINING_MARKS,
    OVERLAYS,
    STYLED,
    STYLED_CLASS,
    STYLED_CLASS_BASIC,
    SUPPLEMENTARY_COMBINING_MARKS,
)


class _Styled(NamedTuple):
    plain: str
    kind: str
    style: str


def _styled_characters() -> dict[str, _Styled]:
    characters: dict[str, _Styled] = {}
    for kind, styles in STYLED.items():
        for style, ranges in styles.items():
            for first, last, plain in ranges:
                for point in range(first, last + 1):
                    characters[chr(point)] = _Styled(chr(plain + point - first), kind, style)
    return characters


def _class_members(body: str) -> frozenset[str]:
    """The characters of a character-class body made of characters and ranges."""
    members: set[str] = set()
    for first, last in re.findall(r"(.)(?:-(.))?", body, re.DOTALL):
        members.update(map(chr, range(ord(first), ord(last or first) + 1)))
    return frozenset(members)


STYLED_CHARACTERS = _styled_characters()
STYLED_SET = frozenset(STYLED_CHARACTERS)
MARKS = COMBINING_MARKS + SUPPLEMENTARY_COMBINING_MARKS
MARK_SET = _class_members(MARKS)

# Kinds that fold wherever they are; the others fold by the rules of the module docstring.
ALWAYS = frozenset({"mathematical", "fullwidth"})
SOMETIMES = ("letterlike", "enclosed", "modifier")
EVERY_KIND = ALWAYS.union(SOMETIMES)


def _coverage() -> dict[str, frozenset[str]]:
    written: dict[str, set[str]] = {}
    for styled in STYLED_CHARACTERS.values():
        written.setdefault(styled.style, set()).add(styled.plain)
    # Superscript q (𐞥) came with Unicode 14 in 2021: generators still write a plain q.
    written["superscript"].discard("q")
    return {style: frozenset(plain) for style, plain in written.items()}


def _fold_tables() -> dict[frozenset[str], dict[int, str]]:
    """A ``str.translate`` table for every set of kinds that can fold together in a word."""
    tables = {}
    for size in range(len(SOMETIMES) + 1):
        for kinds in combinations(SOMETIMES, size):
            folding = ALWAYS.union(kinds)
            tables[folding] = {ord(c): s.plain for c, s in STYLED_CHARACTERS.items() if s.kind in folding}
    return tables


# The plain letters and digits each style can write.
COVERAGE = _coverage()
FOLD_TABLES = _fold_tables()
# Characters whose fold depends on their word: all but the mathematical and fullwidth ones, and marks.
NEEDS_RULES = MARK_SET.union(char for char, info in STYLED_CHARACTERS.items() if info.kind not in ALWAYS)
# A capital before superscripts or subscripts is notation (Xᵢⱼ, Tₘₐₓ), not a capital kept by a generator.
CAPITALS_ARE_NOTATION = frozenset({"superscript", "subscript"})
EMOJI_PRESENTATION = "\ufe0f"
VARIATION_SELECTORS = re.compile("[\ufe0e\ufe0f]")

# Word characters: letters, digits, marks, styled characters. Outside the Basic Multilingual
# Plane Python's re tests a class range by range, so there every character counts as a word
# character except the emoji and symbol blocks (U+1F000-U+1FBFF, but for the enclosed styled
# letters) and the tags: supplementary punctuation, rare and historic, is taken for letters.
SUPPLEMENTARY_WORD_CHARACTERS = "\U00010000-\U0001f0ff\U0001fc00-\U000dffff\U000e0100-\U0010ffff"
WORD_CHARACTER = rf"\w{COMBINING_MARKS}{SUPPLEMENTARY_WORD_CHARACTERS}{STYLED_CLASS}"
TRIGGER = STYLED_CLASS + OVERLAYS
# For the pipeline's one-scan screen: the same class, except that any supplementary
# character stands in for the styled ones there (one range is fast, many are slow);
# applies() then looks for the exact triggers.
SCREEN = STYLED_CLASS_BASIC + OVERLAYS + "\U00010000-\U0010ffff"

# A run of words that hold a styled character or an overlay, separated by spaces and
# punctuation on one line. Each word starts where no word character precedes it, and
# the lazy scan for its first trigger stops at the word's end: the pattern is linear.
STYLED_RUN = re.compile(
    rf"(?<![{WORD_CHARACTER}])[{WORD_CHARACTER}]*?[{TRIGGER}][{WORD_CHARACTER}]*"
    rf"(?:[^{WORD_CHARACTER}\n]+[{WORD_CHARACTER}]*?[{TRIGGER}][{WORD_CHARACTER}]*)*"
)
WORD = re.compile(f"[{WORD_CHARACTER}]+")
WORD_CHARACTER_RE = re.compile(f"[{WORD_CHARACTER}]")
TRIGGER_CHARACTER = re.compile(f"[{TRIGGER}]")
# A character and the combining marks on it; marks that open a word stand alone.
UNIT = re.compile(f"([^{MARKS}]?)([{MARKS}]*)")
OVERLAY = re.compile(f"[{OVERLAYS}]")

Units = list[tuple[str, str]]  # (base character or "", the combining marks on it)


class _Word(NamedTuple):
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


class StyledText(PatternStep):
    """Fold styled letters and digits and decorative overlays to plain text, word by word."""

    name = "styled"
    trigger = SCREEN
    pattern = STYLED_RUN

    def applies(self, text: str, notable: str) -> bool:
        return TRIGGER_CHARACTER.search(notable) is not None

    def leaves_alone(self, character: str) -> bool:
        return TRIGGER_CHARACTER.search(character) is None

    def may_apply(self, notable: str, utf8: bytes) -> bool:
        return TRIGGER_CHARACTER.search(notable) is not None

    def replace(self, match: re.Match[str]) -> str:
        run = match.group()
        if NEEDS_RULES.isdisjoint(run):
            # Only characters that always fold: what _fold_run would find, in one call.
            return run.translate(FOLD_TABLES[ALWAYS])
        text, position = match.string, match.start()
        pieces: list[str] = []
        for (start, end), folded in _fold_run(match):
            pieces += (text[position:start], folded)
            position = end
        pieces.append(text[position : match.end()])
        return "".join(pieces)

    def fix(self, text: str) -> str:
        pieces: list[str] = []
        position = 0
        for match in self.runs(text):
            pieces += (text[position : match.start()], self.replace(match))
            position = match.end()
        return "".join([*pieces, text[position:]]) if pieces else text

    def edits(self, text: str) -> list[Edit]:
        found = []
        for match in self.runs(text):
            for (start, end), folded in _fold_run(match):
                if folded != text[start:end]:
                    found.append(Edit(start, end, folded))
        return found

    def runs(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern`` in ``text``, as ``finditer`` finds them, only faster.

        The pattern is tried at every word start, while a search for a trigger
        character skips plain text several times faster. So each search for the
        pattern starts a little before the next trigger, where no word is cut in
        two: no word in between holds a trigger, and the run found is the trigger's.
        """
        position = 0
        while (trigger := TRIGGER_CHARACTER.search(text, position)) is not None:
            start = trigger.start()
            while start > position and WORD_CHARACTER_RE.match(text, start - 1):
                start = max(position, start - 64)
            match = self.pattern.search(text, start)
            assert match is not None, "the trigger's word starts a run"
            yield match
            position = match.end()


def fold_styled(text: str) -> str:
    """Return ``text`` with its styled letters, digits and overlays folded (see the module)."""
    return _STEP.fix(text)


def _fold_run(match: re.Match[str]) -> list[tuple[tuple[int, int], str]]:
    """The span of each word of a run of neighbouring words, and what it folds to."""
    text = match.string
    spans = [word.span() for word in WORD.finditer(text, match.start(), match.end())]
    words = [_fold_word(text[a:b], a == 0 or _is_break(text[a - 1])) for a, b in spans]
    # One-letter words follow a folded neighbour of their kind, through other one-letter words.
    follows = [False] * len(words)
    for order in (range(len(words)), range(len(words) - 1, -1, -1)):
        following = NOTHING
        for index in order:
            word = words[index]
            if word.keys:
                following = word.keys
            elif word.lone and (follows[index] or not word.lone.isdisjoint(following)):
                follows[index] = True
                following = word.lone
            else:
                following = NOTHING
    results = [w.lone_folded if f else w.own for w, f in zip(words, follows, strict=True)]
    return list(zip(spans, results, strict=True))


def _is_break(char: str) -> bool:
    """Whether ``char`` is a space or punctuation, which generators strike through like letters."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def _fold_word(word: str, after_break: bool) -> _Word:
    """How ``word`` folds; ``after_break`` tells whether it starts the text or follows a break."""
    if len(word) <= SHORT_WORD:
        return _fold_short_word(word, after_break)
    return _apply_rules(word, after_break)


def _apply_rules(word: str, after_break: bool) -> _Word:
    """Apply the rules of the module docstring to one word."""
    distinct = set(word)
    present = [(char, STYLED_CHARACTERS[char]) for char in distinct & STYLED_SET]
    units: Units | None = None
    overlaid, enclosed_emoji = 0, False
    if not MARK_SET.isdisjoint(distinct):
        units = [(base, marks) for base, marks in UNIT.findall(word) if base or marks]
        overlaid = sum(1 for _, marks in units if marks and OVERLAY.search(marks))
        enclosed_marks = [m for b, m in units if b in STYLED_SET and STYLED_CHARACTERS[b].kind == "enclosed"]
        enclosed_emoji = bool(enclosed_marks) and all(EMOJI_PRESENTATION in m for m in enclosed_marks)
    elif all(info.kind in ALWAYS for _, info in present):
        own = word.translate(FOLD_TABLES[ALWAYS])  # the common case: mathematical letters
        return _Word(own, frozenset(info.style for _, info in present), NOTHING, own)

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
    enclosed = [s for s in styled if s.kind == "enclosed"]
    modifier = [s for s in styled if s.kind == "modifier"]
    # Enclosed characters take every other styled character as styled, but an
    # ordinary letter their styles could have written makes them symbols.
    enclosed_fit = bool(enclosed) and _may_stand_beside(plain + [s.plain for s in modifier], enclosed)
    # Modifier letters take every other styled letter as an ordinary one (𝑥ᵢⱼ).
    others = [s.plain for s in styled if s.kind != "modifier"]
    modifier_fit = bool(modifier) and _may_stand_beside(plain + others, modifier)

    folding = set(ALWAYS)
    if mathematical >= 2:
        folding.add("letterlike")
    if counted >= 2 and enclosed_fit and not enclosed_emoji:
        folding.add("enclosed")
    if modifier_letters >= 2 and modifier_fit:
        folding.add("modifier")
    strip = overlaid >= 2
    own = _render(word, units, frozenset(folding), strip)
    if own != word:
        keys = {"overlay"} if strip else set()
        for s in styled:
            if s.kind in folding:
                keys.add(s.kind if s.kind in ("enclosed", "modifier") else s.style)
        return _Word(own, frozenset(keys), NOTHING, own)

    lone = set()
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
    if not lone:
        return _Word(word, NOTHING, NOTHING, word)
    return _Word(word, NOTHING, frozenset(lone), _render(word, units, EVERY_KIND, strip=True))


# Styled text repeats its words; remember how the short ones fold.
SHORT_WORD = 40
_fold_short_word = functools.lru_cache(maxsize=4096)(_apply_rules)


def _may_stand_beside(plain: list[str], styled: list[_Styled]) -> bool:
    """Whether ordinary letters and digits fit in a word of ``styled`` characters.

    They do if the styles cannot write them (ᴇxᴀᴍᴘʟᴇ: no small capital x) and they
    are Latin: a letter of another script makes the styled characters symbols in
    that script's text.
    """
    styles = {s.style for s in styled}
    written: set[str] = set()
    for style in styles:
        written |= COVERAGE[style]
    capitals_are_notation = not styles.isdisjoint(CAPITALS_ARE_NOTATION)
    return all(
        char < "\u0250" and char not in written and not (capitals_are_notation and char.isupper())
        for char in plain
    )


def _render(word: str, units: Units | None, folding: frozenset[str], strip: bool) -> str:
    """``word`` with the styled characters of the ``folding`` kinds folded, and overlays stripped."""
    table = FOLD_TABLES[folding]
    if units is None:
        return word.translate(table)
    pieces = []
    for base, marks in units:
        plain = table.get(ord(base), base) if base else base
        if marks and plain != base:
            marks = VARIATION_SELECTORS.sub("", marks)
        pieces.append(plain)
        pieces.append(OVERLAY.sub("", marks) if strip and marks else marks)
    return "".join(pieces)


_STEP = StyledText()
