"""Fullwidth Latin letters, digits and punctuation back to ASCII.

Fullwidth forms (ＬＯＵＤ, １２３, ！) exist so that Latin text lines up in a grid of
CJK characters; in a sentence they are typing accidents or decoration, and
they defeat search. They are replaced with their ASCII counterparts.

Fullwidth *punctuation* is correct CJK typography, though: Chinese and Japanese
write （ ） ， ＝ ！ at full width. On a line that contains CJK characters the
punctuation and the ideographic space stay; letters and digits are folded
everywhere. Halfwidth katakana and Hangul are left alone (ftfy folds them; the
``ftfy`` preset keeps that behaviour).

    >>> Width().fix("ＬＯＵＤ　ＮＯＩＳＥＳ！ in ２０２４")
    'LOUD NOISES! in 2024'
    >>> Width().fix("北京（中国）：２０２４年")
    '北京（中国）：2024年'
"""

from __future__ import annotations

import re

from presswash.step import PatternStep

FULLWIDTH_ASCII = "\uff01-\uff5e"
IDEOGRAPHIC_SPACE = "\u3000"
FULLWIDTH_LETTER_OR_DIGIT = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")

# Han, kana, Hangul, bopomofo and CJK symbols: a line holding any of these is CJK text.
CJK_TEXT = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3100-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\U00020000-\U0003134f]"
)


class Width(PatternStep):
    """Fold fullwidth ASCII; keep fullwidth punctuation on CJK lines."""

    name = "width"
    trigger = FULLWIDTH_ASCII + IDEOGRAPHIC_SPACE
    pattern = re.compile(f"[{FULLWIDTH_ASCII}{IDEOGRAPHIC_SPACE}]+")

    def replace(self, match: re.Match[str]) -> str:
        run = match.group()
        if _on_cjk_line(match):
            return FULLWIDTH_LETTER_OR_DIGIT.sub(lambda m: _to_ascii(m.group()), run)
        return "".join(_to_ascii(char) for char in run)


def _to_ascii(char: str) -> str:
    return " " if char == IDEOGRAPHIC_SPACE else chr(ord(char) - 0xFEE0)


def _on_cjk_line(match: re.Match[str]) -> bool:
    text = match.string
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    return CJK_TEXT.search(text, start, len(text) if end < 0 else end) is not None
