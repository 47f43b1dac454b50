"""The styled step: fancy text folds to plain letters, real text stays as it is.

Styled text is rendered here from Unicode character *names*
(``MATHEMATICAL BOLD SCRIPT SMALL E``), the way a fancy-text generator picks its
glyphs, so the tests do not restate the generated table they check.
"""

from __future__ import annotations

import pickle
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from string import ascii_letters, digits
from typing import Any

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from presswash.edits import Edit, apply_edits
from presswash.step import compiled_class
from presswash.steps.styled import StyledText, fold_styled

STEP = StyledText()
DIGIT_NAMES = ("ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")


# --- The renderer ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How a generator writes a character in one style: candidate names, or a combining mark."""

    names: Callable[[str], list[str]] = lambda char: []
    mark: str = ""
    caseless: bool = False
    """The style has one case only (🅰): compare case-insensitively."""
    lowercase: bool = False
    """The style has no capitals, and a capital kept plain is notation (Tₘₐₓ): render lowercase text."""
    run: bool = False
    """Small capitals, superscripts and subscripts fold only as runs of at least two letters."""


def _case(char: str) -> str:
    return "CAPITAL" if char.isupper() else "SMALL"


def _math(style: str) -> Style:
    words = style.upper()
    # The mathematical alphabets leave a hole where Letterlike Symbols had the letter first.
    older = {"SCRIPT": "SCRIPT", "FRAKTUR": "BLACK-LETTER", "DOUBLE-STRUCK": "DOUBLE-STRUCK"}.get(words)

    def names(char: str) -> list[str]:
        if char.isdigit():
            return [f"MATHEMATICAL {words} DIGIT {DIGIT_NAMES[int(char)]}"]
        if not char.isascii():  # Greek: MATHEMATICAL BOLD SMALL ALPHA
            case, _, letter = unicodedata.name(char).removeprefix("GREEK ").split(" ", 2)
            return [f"MATHEMATICAL {words} {case} {letter}"]
        candidates = [f"MATHEMATICAL {words} {_case(char)} {char.upper()}"]
        if older:
            candidates.append(f"{older} {_case(char)} {char.upper()}")
        if words == "ITALIC" and char == "h":
            candidates.append("PLANCK CONSTANT")
        return candidates

    return Style(names)


def _latin(
    prefix: str, digit_prefixes: tuple[str, ...] = (), capitals_only: bool = False
) -> Callable[[str], list[str]]:
    def names(char: str) -> list[str]:
        if char.isdigit():
            return [f"{p} {DIGIT_NAMES[int(char)]}" for p in digit_prefixes]
        case = "CAPITAL" if capitals_only else _case(char)
        return [f"{prefix} {case} LETTER {char.upper()}"]

    return names


def _superscript(char: str) -> list[str]:
    if char.isdigit():
        return [f"SUPERSCRIPT {DIGIT_NAMES[int(char)]}"]
    if char.isupper():
        return [f"MODIFIER LETTER CAPITAL {char}"]
    return [f"MODIFIER LETTER SMALL {char.upper()}", f"SUPERSCRIPT LATIN SMALL LETTER {char.upper()}"]


def _subscript(char: str) -> list[str]:
    if char.isdigit():
        return [f"SUBSCRIPT {DIGIT_NAMES[int(char)]}"]
    return [f"LATIN SUBSCRIPT SMALL LETTER {char.upper()}"] if char.islower() else []


def _small_capital(char: str) -> list[str]:
    # Generators keep capitals as they are and write lowercase letters as small capitals.
    return [f"LATIN LETTER SMALL CAPITAL {char.upper()}"] if char.islower() else []


MATH_STYLES = (
    "bold",
    "italic",
    "bold italic",
    "script",
    "bold script",
    "fraktur",
    "bold fraktur",
    "double-struck",
    "sans-serif",
    "sans-serif bold",
    "sans-serif italic",
    "sans-serif bold italic",
    "monospace",
)
GREEK_STYLES = ("bold", "italic", "bold italic", "sans-serif bold", "sans-serif bold italic")
OVERLAY_STYLES = {
    "strikethrough": "COMBINING LONG STROKE OVERLAY",
    "short strikethrough": "COMBINING SHORT STROKE OVERLAY",
    "slash": "COMBINING LONG SOLIDUS OVERLAY",
    "short slash": "COMBINING SHORT SOLIDUS OVERLAY",
    "tilde overlay": "COMBINING TILDE OVERLAY",
    "underline": "COMBINING LOW LINE",
    "double underline": "COMBINING DOUBLE LOW LINE",
}
STYLES: dict[str, Style] = {
    **{name: _math(name) for name in MATH_STYLES},
    "fullwidth": Style(_latin("FULLWIDTH LATIN", ("FULLWIDTH DIGIT",))),
    "circled": Style(_latin("CIRCLED LATIN", ("CIRCLED DIGIT",))),
    "negative circled": Style(
        _latin(
            "NEGATIVE CIRCLED LATIN",
            ("DINGBAT NEGATIVE CIRCLED DIGIT", "NEGATIVE CIRCLED DIGIT"),
            capitals_only=True,
        ),
        caseless=True,
    ),
    "squared": Style(_latin("SQUARED LATIN", capitals_only=True), caseless=True),
    "negative squared": Style(_latin("NEGATIVE SQUARED LATIN", capitals_only=True), caseless=True),
    "parenthesized": Style(_latin("PARENTHESIZED LATIN", ("PARENTHESIZED DIGIT",))),
    "small capitals": Style(_small_capital, run=True),
    "superscript": Style(_superscript, run=True),
    "subscript": Style(_subscript, lowercase=True, run=True),
    **{name: Style(mark=unicodedata.lookup(mark)) for name, mark in OVERLAY_STYLES.items()},
}


def _lookup(names: list[str]) -> str | None:
    for name in names:
        try:
            return unicodedata.lookup(name)
        except KeyError:
            continue
    return None


def render(style_name: str, text: str) -> str:
    """``text`` as a fancy-text generator writes it in ``style_name``."""
    style = STYLES[style_name]
    if style.mark:
        return "".join(char + style.mark for char in text)
    return "".join((_writable(char) and _lookup(style.names(char))) or char for char in text)


def _writable(char: str) -> bool:
    """ASCII letters and digits, and Greek letters (which the mathematical styles have)."""
    return (char.isascii() and char.isalnum()) or unicodedata.name(char, "").startswith("GREEK")


def alphabet(style_name: str) -> str:
    """The ASCII letters and digits ``style_name`` has a character for."""
    return "".join(char for char in ascii_letters + digits if render(style_name, char) != char)


def expected(style_name: str, text: str) -> str:
    return text.lower() if STYLES[style_name].lowercase else text


def same(style_name: str, folded: str, text: str) -> bool:
    if STYLES[style_name].caseless:
        return folded.casefold() == text.casefold()
    return folded == text


# --- Every style, on real words and sentences ---------------------------------------------------

PHRASES = (
    "exposed",
    "Breaking news",
    "I love it",
    "a new hope",
    "Hello World",
    "the quick brown fox jumps over the lazy dog",
    "limited time offer",
    "Join us for more",
    "covid19 update",
    "Don't miss out",
    "Hello, world!",
)
# A styled word inside an ordinary sentence: (sentence, the word that is styled).
EMBEDDED = (
    ("leaving vulnerabilities {} in an increasingly volatile world", "exposed"),
    ("Prices rose {} this week, analysts said.", "sharply"),
    ("The {} said on Monday that talks would resume", "minister"),
)


def _style_cases() -> list[Any]:  # pytest.param values
    cases = []
    for style in STYLES:
        for phrase in PHRASES:
            text = expected(style, phrase)
            cases.append(pytest.param(style, render(style, text), text, id=f"{style}: {phrase}"))
        for sentence, word in EMBEDDED:
            word = expected(style, word)
            styled = sentence.format(render(style, word))
            cases.append(pytest.param(style, styled, sentence.format(word), id=f"{style}: {sentence}"))
    return cases


STYLE_CASES = _style_cases()


@pytest.mark.parametrize(("style", "styled", "plain"), STYLE_CASES)
def test_every_style_folds(style: str, styled: str, plain: str) -> None:
    assert styled != plain, "the renderer wrote nothing in this style"
    assert same(style, fold_styled(styled), plain)


GREEK_PHRASES = ("αλφα βητα", "ΔΕΛΤΑ", "the β-blocker")


@pytest.mark.parametrize("style", GREEK_STYLES)
@pytest.mark.parametrize("phrase", GREEK_PHRASES)
def test_mathematical_greek_folds_to_greek(style: str, phrase: str) -> None:
    styled = "".join(render(style, c) if unicodedata.name(c).startswith("GREEK") else c for c in phrase)
    assert styled != phrase
    assert fold_styled(styled) == phrase


MIXED = [
    (render("bold", "Breaking") + " " + render("italic", "news"), "Breaking news"),
    (render("bold script", "exp") + render("fraktur", "osed"), "exposed"),
    (render("double-struck", "Hel") + render("monospace", "lo"), "Hello"),
    (render("circled", "hel") + render("parenthesized", "lo"), "hello"),
    (render("small capitals", "mi") + render("superscript", "xed"), "mixed"),
    (render("circled", "new") + render("bold", "s"), "news"),
    (render("strikethrough", render("bold", "struck")), "struck"),
    (render("underline", render("circled", "under")), "under"),
    (f"The {render('fraktur', 'Hello')} {render('fullwidth', 'World')} show", "The Hello World show"),
    (render("script", "I love you"), "I love you"),
    (render("bold", "I") + " " + render("bold", "am"), "I am"),
    ("ᴛʜɪꜱ ɪꜱ ᴀ ᴛᴇꜱᴛ", "this is a test"),
    ("Hᴇʟʟᴏ Wᴏʀʟᴅ", "Hello World"),
    ("ᴄʟᴀꜱꜱɪᴄ ǫᴜᴇᴇɴ", "classic queen"),
    ("ᵗʰᵉ ᵍᵈᵖ ᵍʳᵉʷ", "the gdp grew"),
    ("ᵗʰᵉ qᵘⁱᶜᵏ ᵇʳᵒʷⁿ ᶠᵒˣ", "the quick brown fox"),
    ("ᶜᵒᵛⁱᵈ¹⁹", "covid19"),
    ("ⓘ'ⓜ ⓗⓔⓡⓔ", "i'm here"),
    ("🅷🅴🅻🅻🅾\ufe0f", "HELLO"),
    ("🅰 🅱🅾🆇", "A BOX"),
    ("❶❷❸ ➊➋ ⓵⓶ ⓿", "123 12 12 ⓿"),
    ("②⓪②④", "2024"),
    ("s̶t̶r̶u̶c̶k̶ ̶t̶e̶x̶t̶", "struck text"),
    ("I̶ a̶m̶", "I am"),
    ("𝐞\u0301𝐭𝐞\u0301", "été"),  # a styled letter's accent composes with the plain letter
    ("𝑥 ∈ ℝ", "x ∈ ℝ"),
    ("𝑥ᵢⱼ", "xᵢⱼ"),
    ("𝐸 = ℎ𝜈", "E = hν"),
]


@pytest.mark.parametrize(("styled", "plain"), MIXED, ids=[plain for _, plain in MIXED])
def test_mixed_styles_and_edge_words(styled: str, plain: str) -> None:
    assert fold_styled(styled) == plain


# --- What must stay ------------------------------------------------------------------------------

MUST_KEEP = [
    # Units, numbers, symbols that NFKC would break
    "10 m²",
    "a 3 km³ tank",
    "H₂O and CO₂",
    "x² + y² = z²",
    "E = mc²",
    "½ cup, ¼ hour, ¾ done",
    "the 1º floor, 2ª edición",
    "Brand™, Brand®, © 2024",
    "5 µg of µ-opioid",
    "20 °C and 68 ℉",
    "№ 5",
    "²³⁵U",
    "10¹² operations",
    "the 5ᵗʰ time",
    "Xᵢⱼ and Tₘₐₓ",
    "xⁿ⁺¹",
    "footnote¹²",
    "2 ℓ of water",
    "the set ℝ of real numbers, ℕ and ℤ",
    "Planck's ℎ and ℏ",
    "Roman X̅V̅",
    "a ≠ b",
    "a =\u0338 b",
    # Modifier letters of real orthographies and phonetics
    "yegʷjen",
    "the aspirated [kʰ]",
    "/ˈfoʊnɛtɪk/ and [ˈkʰæt]",
    "the uvular [ʀ] and [ɢ] in bɪt",
    "Hawaiʻi",
    "tsǫ and ǫ́",
    "one struck l̶etter",
    # Emoji and symbols
    "🅰️ 🅱️ 🅾️ 🅿️",
    "🅰 🅱 🅾 🅿",
    "blood type 🅰️",
    "🅰️🅱️",
    "Ⓜ️ and Ⓜ",
    "ℹ️ info",
    "keycaps 1️⃣ #️⃣ 🔟",
    "flags 🇺🇦 🇵🇱 🏴\u200d☠️",
    "👩\u200d💻 🏳️\u200d🌈 👍🏽",
    "🆎 🆑 🅊",
    # Enumerators
    "① ② ③",
    "step ① then ②",
    "⑩ ⑳ ❿",
    "ⓐ first, ⓑ second",
    "⒜ item",
    "ⓒ 2024",
    "手順①と②",
    "① 서울",
    # Real scripts and their marks
    "Αθήνα και Θεσσαλονίκη",
    "Київ і Львів",
    "Երևան և Գյումրի",
    "北京（中国）：会议。",
    "東京　大阪",
    "note： （ok）！",
    "Tiếng Việt có dấu",
    "हिन्दी भाषा",
    "שָׁלוֹם עֲלֵיכֶם",
    "مَرْحَبًا بِكُمْ",
    "ภาษาไทย",
    "ﬁnance",
    "straße, naïve, façade",
]


@pytest.mark.parametrize("text", MUST_KEEP)
def test_real_text_stays(text: str) -> None:
    assert fold_styled(text) == text
    assert STEP.edits(text) == []


def test_the_case_count() -> None:
    styled = len(STYLE_CASES) + len(GREEK_STYLES) * len(GREEK_PHRASES) + len(MIXED)
    assert styled >= 300
    assert len(MUST_KEEP) >= 50


# --- Lone characters: which fold ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("𝑥", "x"),  # a mathematical letter means its letter
        ("ｘ", "x"),
        ("ℝ", "ℝ"),  # letterlike symbols alone are symbols
        ("ℐ 𝓁ℴ𝓋ℯ", "I love"),  # ... but not next to their style
        ("ⓐ", "ⓐ"),  # enclosed letters alone label items
        ("ⓘ ⓛⓞⓥⓔ ⓘⓣ", "i love it"),
        ("🅰", "🅰"),
        ("🅰\ufe0f", "🅰\ufe0f"),
        ("🅰\ufe0f 🅱🅾🆇", "🅰\ufe0f BOX"),  # emoji presentation never folds alone
        ("①", "①"),
        ("① 𝐅𝐢𝐫𝐬𝐭", "① First"),  # digits never follow a neighbour
        ("²", "²"),
        ("ᵃ", "ᵃ"),
        ("ᵃ ᵇᶜ", "a bc"),
        ("ᴀ ᴄᴀᴛ", "a cat"),
        ("ₜₕₑ dₒg", "the dog"),
    ],
)
def test_lone_characters(text: str, folded: str) -> None:
    assert fold_styled(text) == folded


# --- Every letter and digit of every style -----------------------------------------------------


@pytest.mark.parametrize("style", [s for s in STYLES if not STYLES[s].mark])
def test_every_letter_and_digit(style: str) -> None:
    letters = alphabet(style)
    assert letters
    assert same(style, fold_styled(render(style, letters)), letters)
    for char in letters:
        # Superscript and subscript digits fold only inside a word of such letters.
        word = f"ha{char}" if STYLES[style].run and char.isdigit() else char * 2
        assert same(style, fold_styled(render(style, word)), word), char


def test_every_styled_character_is_a_trigger() -> None:
    trigger = compiled_class(STEP.trigger)
    for style in STYLES:
        for char in alphabet(style) if not STYLES[style].mark else "a":
            assert trigger.search(render(style, char)), (style, char)


# --- Properties --------------------------------------------------------------------------------


def _styled_words(style: str) -> st.SearchStrategy[str]:
    words = st.text(alphabet=sorted(alphabet(style) or ascii_letters), min_size=2, max_size=10)
    if STYLES[style].run:
        words = words.filter(lambda word: sum(char.isalpha() for char in word) >= 2)
    return words


@given(data=st.data(), style=st.sampled_from(sorted(STYLES)))
def test_rendered_words_fold_back(data: st.DataObject, style: str) -> None:
    words = data.draw(st.lists(_styled_words(style), min_size=1, max_size=4))
    sentence = " ".join(words)
    styled = "News: " + " ".join(render(style, word) for word in words) + ". More text follows."
    assert same(style, fold_styled(styled), f"News: {sentence}. More text follows.")


SAMPLE_STYLED = sorted({render(s, c) for s in STYLES if not STYLES[s].mark for c in "aBz09"} - set("aBz09"))
MIXED_ALPHABET = [
    *"aBz09 ,.'!-\n",
    *SAMPLE_STYLED,
    *"ℝℎℐ①⑩ⓐ🅰Ⓜ²ʰʷᵢ",
    "\u0336",
    "\u0332",
    "\u0338",
    "\u0301",
    "\ufe0f",
    "\u200d",
    *"=≠½™中とαЖ👍🇺",
]
ORDINARY = [
    *(chr(point) for point in range(0x20, 0x7F)),
    "\n",
    *"éßñøÆœçÅ½¼™©®µ°№ªº",
    *"αβγΩЖжЯ中文日本語とカ한글אבגعربيहिन्",
    "\u0301",
    "\u0300",
    "\u0327",
    "\u093f",
    "\u05b8",
    "\u064e",
    "\u200d",
    "\ufe0f",
    "\u20e3",
    *"👍🇺🇦（），！：　",
]


@given(st.text(alphabet=st.sampled_from(MIXED_ALPHABET), max_size=40))
def test_folding_is_idempotent(text: str) -> None:
    once = fold_styled(text)
    assert fold_styled(once) == once


@given(st.text(alphabet=st.sampled_from(MIXED_ALPHABET), max_size=40))
def test_edits_rebuild_the_fix(text: str) -> None:
    edits = STEP.edits(text)
    assert apply_edits(text, edits) == STEP.fix(text)
    assert all(a.end <= b.start for a, b in pairwise(edits))
    assert all(edit.replacement != text[edit.start : edit.end] for edit in edits)


LONG_PIECES = ["x" * 100, "\u0301" * 70, " " * 80, "ⓐⓑ", "ⓐ", "𝐱", "\u0336", "ok", " ", ",", "\n", "m²"]


@given(st.lists(st.sampled_from(MIXED_ALPHABET + LONG_PIECES), max_size=30).map("".join))
def test_runs_are_the_matches_of_the_pattern(text: str) -> None:
    assert [m.span() for m in STEP.runs(text)] == [m.span() for m in STEP.pattern.finditer(text)]


# A Latin, Greek or Cyrillic letter under three or more marks, its own counted (é is e and an
# accent) and variation selectors and joiners aside: the Zalgo pile (steps/zalgo.py), not ordinary.
PILE = regex.compile(r"[[\p{Latin}\p{Greek}\p{Cyrillic}]&&\p{L}]\p{M}{3,}", regex.V1)


def piles_marks(text: str) -> bool:
    return (
        PILE.search(unicodedata.normalize("NFD", text).replace("\ufe0f", "").replace("\u200d", ""))
        is not None
    )


@given(st.text(alphabet=st.sampled_from(ORDINARY), max_size=60).filter(lambda text: not piles_marks(text)))
@example("A\u0300\u064e")  # two marks on a letter: no pile
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert fold_styled(text) == text


def test_three_marks_on_a_letter_are_a_pile() -> None:
    assert piles_marks("A\u0300\u064e\u20e3") and fold_styled("A\u0300\u064e\u20e3") == "A"


@given(st.text())
def test_text_without_triggers_is_unchanged(text: str) -> None:
    if compiled_class(STEP.trigger).search(text) is None:
        assert fold_styled(text) == text
        assert STEP.edits(text) == []


@given(st.text())
def test_never_raises(text: str) -> None:
    assert apply_edits(text, STEP.edits(text)) == STEP.fix(text)


# --- The step ----------------------------------------------------------------------------------


def test_each_folded_word_is_an_edit() -> None:
    text = "a 𝐛𝐨𝐥𝐝 ⓜⓞⓥⓔ, 𝑥ᵢⱼ"
    assert STEP.edits(text) == [Edit(2, 6, "bold"), Edit(7, 11, "move"), Edit(13, 16, "xᵢⱼ")]


def test_step_pickles_and_is_cheap() -> None:
    step = pickle.loads(pickle.dumps(StyledText()))
    assert step.name == "styled"
    assert step.fix("𝐨𝐤") == "ok"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("a" + "\u0336" * 1_000_000, "a"),
        ("\u0301" * 1_000_000 + " ⓐⓑ", "\u0301" * 1_000_000 + " ab"),
        ("s\u0336" + "t\u0336" * 1_000_000, "s" + "t" * 1_000_000),
        ("x" * 1_000_000 + "ⓐ " + "!" * 1_000_000, "x" * 1_000_000 + "ⓐ " + "!" * 1_000_000),
    ],
    ids=["one letter under a pile of strokes", "orphan marks", "long struck word", "long word"],
)
def test_long_inputs(text: str, folded: str) -> None:
    assert fold_styled(text) == folded
