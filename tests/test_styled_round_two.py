"""Styled text, round two: small capitals mixed with plain letters, Zalgo, combining enclosures,
regional-indicator letters, styled letters with accents; each with what must stay."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

import pytest
from corpora import multilingual_texts
from hypothesis import given
from hypothesis import strategies as st
from test_styled import STYLES, alphabet, expected, render, same

from presswash import Cleaner
from presswash.edits import apply_edits
from presswash.steps.controls import Controls
from presswash.steps.invisible import Invisible
from presswash.steps.styled import StyledText, fold_styled

STEP = StyledText()
NEWS = Cleaner("news")
RAW = Cleaner("news", normalization=None)

# --- Small capitals with the plain letters generators substitute -----------------------------


def small_capitals(word: str, plain: str = "sxq") -> str:
    """``word`` as generators write it in small capitals, leaving the letters of ``plain`` as they are."""
    return "".join(
        char
        if char in plain or not char.islower()
        else unicodedata.lookup(f"LATIN LETTER SMALL CAPITAL {char}")
        for char in word
    )


@pytest.mark.parametrize(
    ("styled", "plain"),
    [
        ("ᴄᴀᴘs", "caps"),
        ("ʙʀᴇᴀᴋɪɴɢ ɴᴇᴡs", "breaking news"),
        ("sᴀʟᴇ", "sale"),
        ("Sᴀʟᴇ", "Sale"),
        ("ᴇxᴀᴍᴘʟᴇ", "example"),
        ("ǫᴜɪᴄᴋ ꜰᴏx", "quick fox"),
        ("ʙʀɪɴɢs ᴛʜᴇ ɴᴇᴡs", "brings the news"),  # IPA's small capitals and s, beside a generator's word
        ("ʟᴀsᴛ ᴄʜᴀɴᴄᴇ: ꜰʀᴇᴇ sʜɪᴘᴘɪɴɢ", "last chance: free shipping"),
    ],
)
def test_small_capitals_with_plain_letters_fold(styled: str, plain: str) -> None:
    assert fold_styled(styled) == plain


@pytest.mark.parametrize(
    "text",
    [
        "the vowel ɪ in bɪt",
        "[ʀɪs] and /ʃɪp/",
        "ʀɪs",  # only IPA's small capitals with a plain s: could be a transcription
        "ɪs",
        "sxsᴀʟ",  # small capitals are not most of the word
        "/ˈkʰæt/ [ʊ] [ə] [ɐ̃ʊ̃]",
        "Hᴇʟʟᴏ is not Hello in [ʜ]",
    ],
)
def test_phonetics_and_weak_evidence_stay(text: str) -> None:
    expected_text = text.replace("Hᴇʟʟᴏ", "Hello")
    assert fold_styled(text) == expected_text


# Letters whose small capitals phonetics does not use; a word with one of them (after a first letter,
# which may be kept capital) is a generator's.
NOT_PHONETIC = "acdefjkmoptuvwz"
small_capital_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10).filter(
    lambda word: (
        sum(char not in "sxq" for char in word[1:]) > max(1, sum(char in "sxq" for char in word))
        and any(char in NOT_PHONETIC for char in word[1:])
    )
)


@given(small_capital_words, st.booleans(), st.sampled_from(["sxq", "xq", "x"]))
def test_small_capital_words_fold_back(word: str, capital: bool, plain: str) -> None:
    if capital:
        word = word.capitalize()
    assert fold_styled(f"Posted: {small_capitals(word, plain)}!") == f"Posted: {word}!"


# --- Zalgo ---------------------------------------------------------------------------------------

ZALGO_MARKS = [chr(point) for point in range(0x0300, 0x0370) if point != 0x034F]  # not the grapheme joiner


def zalgo(word: str, marks: list[list[str]]) -> str:
    return "".join(char + "".join(pile) for char, pile in zip(word, marks, strict=True))


def test_zalgo_of_the_issue() -> None:
    assert fold_styled("h̸̢̛e̷͙͝l̵̙̈́l̶͈͐o̴̪͝") == "hello"
    assert NEWS("Z̷̧̛a̸̢͝l̵̡̛g̶̨͠ǫ̵̛͝ ̸̢̛s̷̨͠a̸̧͝y̵̢͝s̶̨̛ ̷̧͝h̸̢̛i̵̡͝") == "Zalgo says hi"


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8),
        min_size=1,
        max_size=4,
    ),
    st.data(),
)
def test_zalgo_words_fold_back(words: list[str], data: st.DataObject) -> None:
    piles = st.lists(st.sampled_from(ZALGO_MARKS), min_size=3, max_size=8)
    styled = [zalgo(word, [data.draw(piles) for _ in word]) for word in words]
    assert fold_styled(" ".join(styled)) == " ".join(words)
    assert NEWS(" ".join(styled) + ".") == " ".join(words) + "."


@given(st.sampled_from(["greek", "cyrillic"]), st.data())
def test_zalgo_on_greek_and_cyrillic(script: str, data: st.DataObject) -> None:
    word = "καλημέρα" if script == "greek" else "привет"
    word = unicodedata.normalize("NFD", word).replace("\u0301", "")
    piles = [data.draw(st.lists(st.sampled_from(ZALGO_MARKS), min_size=4, max_size=8)) for _ in word]
    assert fold_styled(zalgo(word, piles)) == word


@pytest.mark.parametrize(
    "text",
    [
        "Tiếng Việt có dấu",  # two marks a letter, composed by NFC
        "ᾧ ᾂ ᾯ ǘ ǚ ṏ ặ",
        "ὢ τῆς ᾠδῆς",
        "ẹ́ ọ̀ Yorùbá, ą́ Navajo, ą̃ Lithuanian",  # two marks NFC cannot compose: no pile
        "[ã̰́] and /ə̰̃́/ and [t̪̰ʰ]",  # phonetic transcription stacks on purpose
        "शक्तिः क्ष्म्य ङ्क्ष्व",
        "ภาษาไทย กี่ปี",
        "مُحَمَّدٌ بِسْمِ ٱللَّٰهِ",
        "שָּׁלוֹם בְּרֵאשִׁית",
        "བསྒྲུབས་ ཀྲྀ་",
        "one struck l̶etter, X̅, a ≠ b",
    ],
)
def test_orthographies_keep_their_marks(text: str) -> None:
    for form in ("NFC", "NFD"):
        normalized = unicodedata.normalize(form, text)
        assert fold_styled(normalized) == normalized
        assert RAW(normalized) == normalized


def test_decomposed_multilingual_text_is_unchanged() -> None:
    texts = multilingual_texts()
    assert len(texts) > 1000
    for text in texts:
        decomposed = unicodedata.normalize("NFD", text)
        assert fold_styled(decomposed) == decomposed, text


# --- Combining enclosures --------------------------------------------------------------------------

ENCLOSURES = [chr(point) for point in (0x20DD, 0x20DE, 0x20DF, 0x20E0, 0x20E2, 0x20E3, 0x20E4)]


@pytest.mark.parametrize(
    ("styled", "plain"),
    [
        ("v⃝o⃝t⃝e⃝", "vote"),
        ("W⃣I⃣N⃣", "WIN"),
        ("2⃣0⃣2⃣4⃣", "2024"),
        ("I⃞ v⃞o⃞t⃞e⃞d⃞", "I voted"),
        ("h⃟i⃟!", "hi!"),
    ],
)
def test_letters_in_enclosures_fold(styled: str, plain: str) -> None:
    assert fold_styled(styled) == plain


@pytest.mark.parametrize(
    "text",
    ["keycaps 1️⃣2️⃣3️⃣ and #️⃣ *️⃣", "press 5️⃣", "P⃠ no parking", "a⃝ alone", "v⃝ote", "1⃣"],
)
def test_keycaps_and_lone_enclosures_stay(text: str) -> None:
    assert fold_styled(text) == text


@given(
    st.text(
        alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=2, max_size=10
    ),
    st.sampled_from(ENCLOSURES),
)
def test_enclosed_words_fold_back(word: str, enclosure: str) -> None:
    assert fold_styled("Vote: " + "".join(char + enclosure for char in word)) == "Vote: " + word


# --- Regional indicators ----------------------------------------------------------------------------


def regional(word: str) -> list[str]:
    return [chr(0x1F1E6 + ord(char) - ord("A")) for char in word]


def flags(text: str) -> list[str]:
    """The flags a renderer shows: regional indicators paired from the start of each run."""
    found, run = [], ""
    for char in text + " ":
        if 0x1F1E6 <= ord(char) <= 0x1F1FF:
            run += char
            continue
        found += [run[i : i + 2] for i in range(0, len(run) - 1, 2)]
        run = ""
    return found


def test_separated_regional_indicators_fold_to_letters() -> None:
    assert NEWS("\u200b".join(regional("HELLO"))) == "HELLO"
    assert NEWS("Say " + "\u2060".join(regional("HI")) + " now") == "Say HI now"


@pytest.mark.parametrize("text", ["🇺🇦 🇵🇱", "🇺🇦🇵🇱", "flags 🇺🇦, 🇵🇱", "🇺🇦\u200b🇵🇱", "🏴\u200d☠️"])
def test_real_flags_stay(text: str) -> None:
    assert flags(NEWS(text)) == flags(text)
    assert "".join(flags(NEWS(text))) == "".join(flags(text))


@pytest.mark.parametrize("step", [Invisible(), Controls()])
def test_deleting_steps_never_pair_regional_indicators(step: Invisible | Controls) -> None:
    separator = "\u200b\u00ad" if isinstance(step, Invisible) else "\x00"
    text = separator.join(regional("HELLO"))
    assert step.fix(text) == text
    assert flags(step.fix("🇺🇦" + separator + "🇵🇱")) == ["🇺🇦", "🇵🇱"]


REGIONAL_PIECES = [
    *regional("HEUAPL"),
    "\u200b",
    "\u200c",
    "\u200d",
    "\u00ad",
    "\u2060",
    "\ufeff",
    "\x00",
    " ",
    "a",
]


@given(st.lists(st.sampled_from(REGIONAL_PIECES), max_size=30).map("".join))
def test_cleaning_never_creates_a_flag(text: str) -> None:
    before = flags(text)
    for cleaner in (NEWS, Cleaner("news", styled=False), Cleaner("ascii")):
        after = flags(cleaner(text))
        assert all(after.count(flag) <= before.count(flag) for flag in after), (text, cleaner(text))


# --- Styled letters with accents ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("styled", "plain"),
    [("𝓬𝓪𝓯𝓮\u0301", "café"), ("𝐧𝐚𝐢\u0308𝐯𝐞", "naïve"), ("𝕊𝕖\u0301𝕠𝕦𝕝", "Séoul"), ("ᴄᴀꜰᴇ\u0301", "café")],
)
def test_styled_letters_compose_with_their_accents(styled: str, plain: str) -> None:
    assert fold_styled(styled) == plain
    assert RAW(styled) == plain  # composed by the styled step itself, without normalization


# --- Every rendering folds back -------------------------------------------------------------------------

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10)


@given(words, st.sampled_from(sorted(STYLES)))
def test_every_round_one_style_with_an_accent_folds_back(word: str, style: str) -> None:
    letters = alphabet(style)
    word = "".join(char for char in expected(style, word) if char in letters)
    if len(word) < 2 or STYLES[style].mark:
        return
    accented = render(style, word) + "\u0301"
    assert same(style, fold_styled(accented), unicodedata.normalize("NFC", word + "\u0301"))


@given(
    st.text(
        alphabet=st.sampled_from(
            [
                "a",
                "B",
                " ",
                "\u0301",
                "\u0336",
                "\u20dd",
                "\u20e3",
                "\ufe0f",
                "\u200b",
                *regional("HE"),
                "ᴀ",
                "s",
                "𝐞",
                "[",
                "ɪ",
            ]
        ),
        max_size=40,
    )
)
def test_round_two_edits_rebuild_the_fix(text: str) -> None:
    edits = STEP.edits(text)
    assert apply_edits(text, edits) == STEP.fix(text)
    assert all(a.end <= b.start for a, b in pairwise(edits))
    once = STEP.fix(text)
    assert NEWS(NEWS(text)) == NEWS(text)
    assert NEWS.clean_without_gate(text) == NEWS(text)
    assert isinstance(once, str)


# Marks alone and in piles of mixed kinds, among Cyrillic letters: what the news cleaner's screen
# of text largely non-ASCII finds, and what the step then looks for around it.
marks_among_letters = st.text(alphabet="Привет \u0301\u0300\u0302\u0336\u0323\u20dd\u0489", max_size=20)


@given(marks_among_letters)
def test_told_its_characters_the_step_applies_as_it_would_have_read_them(text: str) -> None:
    found = "".join(set(STEP.trigger_pattern.findall(text)))
    if found:  # the shared screen asks only a text that holds some
        assert STEP.applies_around(text, text, found) == STEP.applies(text, text)


# Mostly ASCII news text with a few styled words: sieved, the text names the characters that may
# start a trigger, and the step scans for each of those alone.
STYLED_IN_NEWS = [
    "The minister said on Friday that the plan would go ahead. ",
    "\U0001d41b\U0001d428\U0001d425\U0001d41d ", "ᴄᴀᴘs ", "km² ", "v⃝o⃝t⃝e⃝ ", "s̶t̶r̶u̶c̶k̶ ",
    "🇭\u200b🇪\u200b🇾 ", "🅽🅴🆆🆂 ", "ⓑⓘⓖ ", "\n",
]  # fmt: skip


@given(st.lists(st.sampled_from(STYLED_IN_NEWS), max_size=12).map("".join))
def test_styled_words_in_sparse_text_fold_on_the_fast_path_as_on_the_slow(text: str) -> None:
    assert NEWS(text) == NEWS.clean_without_gate(text)
