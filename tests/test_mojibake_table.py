"""The mojibake screen must never hide mojibake that ftfy's heuristic would see."""

import re
from pathlib import Path

from ftfy.badness import is_bad
from hypothesis import given
from hypothesis import strategies as st

from presswash.steps._mojibake_table import MOJIBAKE_ALPHABET, SUSPICIOUS_ALONE
from presswash.steps.mojibake_screen import may_hold_mojibake

ROOT = Path(__file__).resolve().parent.parent
ALPHABET = "".join(
    chr(code) for code in range(0x80, 0x3000) if re.fullmatch(f"[{MOJIBAKE_ALPHABET}]", chr(code))
)


def test_lone_suspicious_characters_are_those_ftfy_flags_alone() -> None:
    lone = {chr(code) for code in range(0x80, 0x3000) if re.fullmatch(f"[{SUSPICIOUS_ALONE}]", chr(code))}
    assert lone == set("ÃÂŒœ") | {chr(code) for code in range(0x80, 0xA0)}
    for char in lone:
        assert is_bad(f"a{char} ") or is_bad(f"{char}.")


mojibake_like = st.text(alphabet=st.sampled_from(ALPHABET + "aZ .,\n\t'\"-"), max_size=40)


@given(st.one_of(st.text(), mojibake_like))
def test_screen_never_misses_what_ftfy_would_call_bad(text: str) -> None:
    if is_bad(text):
        assert may_hold_mojibake(text)


def test_screen_passes_ordinary_news_typography() -> None:
    assert not may_hold_mojibake("The Mayor’s “plan” – café, £5, 20°C, Lučić … naïve")
    assert may_hold_mojibake("The Mayorâ€™s")
