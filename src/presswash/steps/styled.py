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
    >>> fold_styled("ʙʀᴇᴀᴋɪɴɢ ɴᴇᴡs: h̸̢̛e̷͙͝l̵̙̈́l̶͈͐o̴̪͝, v⃝o⃝t⃝e⃝, 𝓬𝓪𝓯𝓮\u0301")
    'breaking news: hello, vote, café'

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
  is no small capital x), Hᴇʟʟᴏ (generators keep capitals), ₕₑₗₗₒ wₒᵣₗd. Many
  generators also leave s and q plain (ꜱ and the ǫ some use are missing from
  fonts): ᴄᴀᴘs, ʙʀᴇᴀᴋɪɴɢ ɴᴇᴡs. Small capitals must then be most of the word's
  lowercase letters, and one of them must be a letter phonetics does not
  use: the IPA's small capitals (ɪ ʏ ʀ ɢ ɴ ʟ ʙ ʜ ɶ) with a plain s, x or q
  may be a transcription ([ʀɪs]), and fold only beside a folded word
  (ʙʀɪɴɢs ᴛʜᴇ ɴᴇᴡs). Other styled letters in the word count as ordinary
  letters here, so 𝑥ᵢⱼ keeps its indices. Superscript and subscript digits fold only inside such a word
  (ᶜᵒᵛⁱᵈ¹⁹); alone they are exponents, indices and footnote marks. A word
  with a single such letter (ᴀ, or dₒg in subscript) folds next to a folded
  word of the same kind (ᴀ ᴄᴀᴛ, ₜₕₑ dₒg).
- **Decorative overlays** — combining strokes, slashes, rings and low lines
  (U+0332–U+0338, U+20D2 …) — are removed when at least two characters of a
  word carry one (s̶t̶r̶u̶c̶k̶, u̲n̲d̲e̲r̲). Generators strike the spaces and
  punctuation between words too; those strokes, and one-letter words (I̶ a̶m̶),
  go with the struck words beside them. One struck letter alone stays, as does
  the slash of a negated symbol (≠). Overlines are notation (X̅, 0.3̅) and stay.
- **Zalgo** piles — three or more marks on a Latin, Greek or Cyrillic letter
  that NFC cannot compose into one character — make their word lose its
  Zalgo marks: h̸̢̛e̷͙͝l̵̙̈́l̶͈͐o̴̪͝ → hello, while Vietnamese ệ, polytonic ᾧ,
  pinyin ǘ, phonetic transcription and every script's own marks stay (the
  rules are in :mod:`presswash.steps.zalgo`). A word of a few letters whose
  marks would all go (a̸, of̶) goes with a Zalgo word beside it.
- **Combining enclosures** (U+20DD–U+20E0, U+20E2–U+20E4: circle, square,
  diamond, prohibition, screen, keycap, triangle) around ASCII letters and
  digits fold like the enclosed letters: when every letter and digit of a
  word has one and there are at least two (v⃝o⃝t⃝e⃝, W⃣I⃣N⃣, 2⃣0⃣2⃣4⃣); one
  letter alone follows a folded neighbour. The emoji keycaps (1️⃣, a digit
  with VS16 and U+20E3) are emoji and stay; so does P⃠ (no parking).
- **Regional indicators** kept apart one by one by invisible or control
  characters (🇭 ZWSP 🇪 ZWSP 🇾) are an alphabet, not flags: they fold to
  capital letters, and the invisible step then removes the separators.
  Pairs of them, flags, stay (see :mod:`presswash.steps.regional_indicators`).

Every other combining mark stays where it is. On a folded letter it is the
plain letter's accent, and the two are composed: 𝓬𝓪𝓯𝓮 + U+0301 → café, also
without normalization. Each word that changes is one edit.

A word is looked at when it holds a styled character, an overlay, an
enclosure or three marks in a row: single accents, as in decomposed text,
are no reason to, so NFD text costs the step nothing.

    >>> fold_styled("10 m², H₂O, 1º, ½, ™, µ, kʰ, yegʷjen, 🅰️ and 🅱, ① and ⓐ, 𝑥 ∈ ℝ, xᵢⱼ")
    '10 m², H₂O, 1º, ½, ™, µ, kʰ, yegʷjen, 🅰️ and 🅱, ① and ⓐ, x ∈ ℝ, xᵢⱼ'
    >>> StyledText().edits("a 𝐛𝐨𝐥𝐝 ⓜⓞⓥⓔ")
    [Edit(start=2, end=6, replacement='bold'), Edit(start=7, end=11, replacement='move')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from presswash.edits import ChangeLog, Edit
from presswash.sieve import DENSE_SHARE
from presswash.step import PatternStep, led_by_each
from presswash.steps._styled_table import COMBINING_MARKS, OVERLAYS, STYLED_CLASS, STYLED_CLASS_BASIC
from presswash.steps.controls import CONTROL_CHARACTERS
from presswash.steps.invisible import ALWAYS_JUNK, JOINERS, ZERO_WIDTH_SPACE
from presswash.steps.regional_indicators import REGIONAL_INDICATOR, REGIONAL_INDICATORS, as_letters
from presswash.steps.styled_characters import (
    ALWAYS,
    ENCLOSING_MARKS,
    FOLD_TABLES,
    MARK_SET,
    STYLED_CHARACTERS,
)
from presswash.steps.styled_words import NOTHING, fold_word
from presswash.steps.zalgo import ZALGO_MARKS

# Characters whose fold depends on their word: all but the mathematical and fullwidth ones, and marks.
NEEDS_RULES = MARK_SET.union(char for char, info in STYLED_CHARACTERS.items() if info.kind not in ALWAYS)
# Word characters: letters, digits, marks, styled characters. Outside the Basic Multilingual
# Plane Python's re tests a class range by range, so there every character counts as a word
# character except the emoji and symbol blocks (U+1F000-U+1FBFF, but for the enclosed styled
# letters) and the tags: supplementary punctuation, rare and historic, is taken for letters.
SUPPLEMENTARY_WORD_CHARACTERS = "\U00010000-\U0001f0ff\U0001fc00-\U000dffff\U000e0100-\U0010ffff"
WORD_CHARACTER = rf"\w{COMBINING_MARKS}{SUPPLEMENTARY_WORD_CHARACTERS}{STYLED_CLASS}"
# What makes a word worth a look: a styled character, an overlay, a combining enclosure, or
# three marks in a row (a Zalgo pile; a single accent, as in decomposed text, is no reason).
# (Spelled with one class first, which the search scans for quickly.)
TRIGGER = (
    rf"[{STYLED_CLASS}{ZALGO_MARKS}](?:(?<=[{STYLED_CLASS}{OVERLAYS}{ENCLOSING_MARKS}])|[{ZALGO_MARKS}]{{2}})"
)
# For the pipeline's sieve and one-scan screen: every mark of a pile, and any supplementary
# character in place of the styled ones and regional indicators (one range is fast, many
# are slow); applies() then looks for the exact triggers.
SCREEN = STYLED_CLASS_BASIC + ZALGO_MARKS + "\U00010000-\U0010ffff"

# A run of words that hold a trigger, separated by spaces and punctuation on one line.
# Each word starts where no word character precedes it, and the lazy scan for its first
# trigger stops at the word's end: the pattern is linear.
STYLED_RUN = re.compile(
    rf"(?<![{WORD_CHARACTER}])[{WORD_CHARACTER}]*?(?:{TRIGGER})[{WORD_CHARACTER}]*"
    rf"(?:[^{WORD_CHARACTER}\n]+[{WORD_CHARACTER}]*?(?:{TRIGGER})[{WORD_CHARACTER}]*)*"
)
WORD = re.compile(f"[{WORD_CHARACTER}]+")
WORD_CHARACTER_RE = re.compile(f"[{WORD_CHARACTER}]")
TRIGGER_RE = re.compile(TRIGGER)
MAY_START_TRIGGER = re.compile(f"[{SCREEN}]")
SINGLE_TRIGGER = re.compile(f"[{STYLED_CLASS}{OVERLAYS}{ENCLOSING_MARKS}]")
# Regional indicators kept apart one by one by invisible or control characters (🇭 ZWSP 🇪 ZWSP 🇾).
SEPARATORS = ALWAYS_JUNK + ZERO_WIDTH_SPACE + JOINERS + CONTROL_CHARACTERS
SEPARATED_REGIONAL_LETTERS = re.compile(
    f"(?<![{REGIONAL_INDICATORS}])[{REGIONAL_INDICATORS}]"
    f"(?:[{SEPARATORS}]+[{REGIONAL_INDICATORS}])+(?![{REGIONAL_INDICATORS}])"
)


# Passes of the step over a text, at most: each folds what the one before revealed.
PASSES = 3


class StyledText(PatternStep):
    """Fold styled letters and digits and decorative overlays to plain text, word by word."""

    name = "styled"
    trigger = SCREEN
    pattern = STYLED_RUN

    def applies(self, text: str, notable: str) -> bool:
        if self._next_trigger(notable, 0) is not None and (
            # Marks that only the sieve brought together (e\u0301 … e\u0301) are no pile.
            SINGLE_TRIGGER.search(notable) is not None or self._next_trigger(text, 0) is not None
        ):
            return True
        return (
            REGIONAL_INDICATOR.search(notable) is not None
            and SEPARATED_REGIONAL_LETTERS.search(text) is not None
        )

    def applies_around(self, text: str, notable: str, characters: str) -> bool:
        # A styled letter, overlay or enclosure is a trigger wherever it stands; marks alone
        # (a Russian stress mark) are one only as a pile, looked for where marks stand; only
        # a character beyond the BMP (a regional indicator) needs the text read through.
        if SINGLE_TRIGGER.search(characters) is not None:
            return True
        if max(characters) <= "\uffff":
            scans = led_by_each(characters, SCREEN, "")
            return any(self._next_trigger(text, 0, scan) is not None for scan in scans)
        return self.applies(text, notable)

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
        return self._fixed(text, MAY_START_TRIGGER, None)

    def fix_sieved(self, text: str, notable: str) -> str:
        # Sieved text names the characters that may start a trigger and tells whether there is a
        # regional indicator: where one character alone may start a trigger (the ² of km²), a
        # scan led by it finds each.
        if len(notable) > len(text) * DENSE_SHARE:
            return self.fix(text)
        starts = set(MAY_START_TRIGGER.findall(notable))
        scan = led_by_each(starts.pop(), SCREEN, "")[0] if len(starts) == 1 else MAY_START_TRIGGER
        return self._fixed(text, scan, REGIONAL_INDICATOR.search(notable) is not None)

    def _fixed(self, text: str, scan: re.Pattern[str], indicators: bool | None) -> str:
        # Folding one layer can reveal another (a struck letter that, once plain, stands in a word
        # of enclosed ones): a few passes leave a text that a further pass would not change.
        for _ in range(PASSES):
            fixed = self._fix_once(text, scan, indicators)
            if fixed == text:
                break
            text = fixed
            scan, indicators = MAY_START_TRIGGER, None  # told of the text before the pass
        return text

    def edits(self, text: str) -> list[Edit]:
        log = ChangeLog(text)
        for _ in range(PASSES):
            found = self._edits_once(log.text)
            if not found:
                break
            log.record(self.name, found)
        return [Edit(change.start, change.end, change.replacement) for change in log.changes]

    def _fix_once(self, text: str, scan: re.Pattern[str], indicators: bool | None) -> str:
        """One pass; ``scan`` finds the characters that may start a trigger, and ``indicators``
        says whether ``text`` holds a regional indicator (None: not known), which folding never
        brings."""
        pieces: list[str] = []
        position = 0
        for match in self.runs(text, scan):
            pieces += (text[position : match.start()], self.replace(match))
            position = match.end()
        fixed = "".join([*pieces, text[position:]]) if pieces else text
        if indicators is False or REGIONAL_INDICATOR.search(fixed) is None:
            return fixed
        return SEPARATED_REGIONAL_LETTERS.sub(_as_letters, fixed)

    def _edits_once(self, text: str) -> list[Edit]:
        found = []
        for match in self.runs(text):
            for (start, end), folded in _fold_run(match):
                if folded != text[start:end]:
                    found.append(Edit(start, end, folded))
        # Regional indicators and their separators are not word characters: the edits never meet.
        letters = [Edit(*m.span(), _as_letters(m)) for m in SEPARATED_REGIONAL_LETTERS.finditer(text)]
        return sorted(found + letters, key=lambda edit: edit.start) if letters else found

    def runs(self, text: str, scan: re.Pattern[str] = MAY_START_TRIGGER) -> Iterator[re.Match[str]]:
        """The matches of ``pattern`` in ``text``, as ``finditer`` finds them, only faster.

        The pattern is tried at every word start, while a search for a trigger
        character skips plain text several times faster. So each search for the
        pattern starts a little before the next trigger, where no word is cut in
        two: no word in between holds a trigger, and the run found is the trigger's.
        The characters that may start a trigger are found by ``scan``.
        """
        position = 0
        while (trigger := self._next_trigger(text, position, scan)) is not None:
            start = trigger.start()
            while start > position and WORD_CHARACTER_RE.match(text, start - 1):
                start = max(position, start - 64)
            match = self.pattern.search(text, start)
            assert match is not None, "the trigger's word starts a run"
            yield match
            position = match.end()

    @staticmethod
    def _next_trigger(
        text: str, position: int, scan: re.Pattern[str] = MAY_START_TRIGGER
    ) -> re.Match[str] | None:
        """The next match of ``TRIGGER_RE`` from ``position`` on, tried only where the screen's
        one fast class (or ``scan``, for some of its characters) finds a character that may start
        one: searched for itself, the trigger's hundred supplementary ranges are tested one by
        one at every character of the text."""
        while (candidate := scan.search(text, position)) is not None:
            trigger = TRIGGER_RE.match(text, candidate.start())
            if trigger is not None:
                return trigger
            position = candidate.start() + 1
        return None


def fold_styled(text: str) -> str:
    """Return ``text`` with its styled letters, digits and overlays folded (see the module)."""
    return _STEP.fix(text)


def _as_letters(match: re.Match[str]) -> str:
    return as_letters(match.group())


def _fold_run(match: re.Match[str]) -> list[tuple[tuple[int, int], str]]:
    """The span of each word of a run of neighbouring words, and what it folds to."""
    text = match.string
    spans = [word.span() for word in WORD.finditer(text, match.start(), match.end())]
    words = [fold_word(text[a:b], text[a - 1] if a else "") for a, b in spans]
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


_STEP = StyledText()
