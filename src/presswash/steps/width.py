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

from presswash.edits import Edit, apply_edits, edits_of_pieces
from presswash.step import Step, split_lines

FULLWIDTH_ASCII = "\uff01-\uff5e"
IDEOGRAPHIC_SPACE = "\u3000"
FULLWIDTH_RUN = re.compile(f"[{FULLWIDTH_ASCII}{IDEOGRAPHIC_SPACE}]+")
FULLWIDTH_LETTER_OR_DIGIT = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")

# Han, kana, Hangul, bopomofo and CJK symbols: a line holding any of these is CJK text.
CJK_TEXT = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3100-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\U00020000-\U0003134f]"
)


class Width(Step):
    """Fold fullwidth ASCII; keep fullwidth punctuation on CJK lines."""

    name = "width"
    trigger = FULLWIDTH_ASCII + IDEOGRAPHIC_SPACE

    def applies(self, text: str, notable: str) -> bool:
        """Whether ``text`` (sieved: ``notable``) holds a fullwidth letter or digit, or fullwidth
        punctuation on a line without CJK: in Chinese and Japanese text, full of ， and （）, only
        the lines that hold such punctuation are asked, and each shows CJK at once.

            >>> def applies(text): return Width().applies(text, text)
            >>> applies("北京（中国），２０２４年"), applies("北京（中国），\\n好。"), applies("北京\\nWow！")
            (True, False, True)
        """
        return self.applies_around(text, notable, "".join(set(self.trigger_pattern.findall(notable))))

    def applies_around(self, text: str, notable: str, characters: str) -> bool:
        # Told which fullwidth characters the text holds: each line is asked whether it holds
        # one (str.find) and, if so, whether it shows CJK (at once, in CJK text).
        if FULLWIDTH_LETTER_OR_DIGIT.search(characters) is not None:
            return True
        return any(
            CJK_TEXT.search(line) is None
            for line in text.split("\n")
            if any(character in line for character in characters)
        )

    def fix(self, text: str) -> str:
        return apply_edits(text, self.edits(text))

    def edits(self, text: str) -> list[Edit]:
        return edits_of_pieces((line, _line_edits(line)) for line in split_lines(text))


def _line_edits(line: str) -> list[Edit]:
    if not FULLWIDTH_RUN.search(line):
        return []
    # Decided once per line: rescanning the line per match would be quadratic.
    fold = FULLWIDTH_LETTER_OR_DIGIT if CJK_TEXT.search(line) else FULLWIDTH_RUN
    return [
        Edit(match.start(), match.end(), "".join(_to_ascii(char) for char in match.group()))
        for match in fold.finditer(line)
    ]


def _to_ascii(char: str) -> str:
    return " " if char == IDEOGRAPHIC_SPACE else chr(ord(char) - 0xFEE0)
