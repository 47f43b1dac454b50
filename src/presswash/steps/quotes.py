"""Quotation marks: straighten them, or (see :mod:`presswash.steps.quote_repair`) repair them.

``quotes="straight"`` turns every curly or low-9 quotation mark into the ASCII
``'`` or ``"``, for systems that compare or tokenize on ASCII. An acute accent
or a backtick standing for an apostrophe between two letters (``don´t``) is
straightened too; elsewhere those characters are real accents and stay.
Guillemets and CJK corner brackets are quotation marks of their own
conventions and stay, unless ``straighten_guillemets`` asks for them as well.

    >>> StraightQuotes().fix("“Here’s ‚one‘ and „another“,” don´t `quote` me")
    '"Here\\'s \\'one\\' and "another"," don\\'t `quote` me'
    >>> StraightQuotes(guillemets=True).fix("«Bonjour» 「こんにちは」")
    '"Bonjour" "こんにちは"'
"""

from __future__ import annotations

import re

from presswash.step import PatternStep

SINGLE_QUOTES = "\u2018\u2019\u201a\u201b"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f"
SINGLE_GUILLEMETS = "\u2039\u203a"
DOUBLE_GUILLEMETS_AND_BRACKETS = "\u00ab\u00bb\u300c\u300d\u300e\u300f"
ACCENTS_AS_APOSTROPHES = "\u00b4`"


class StraightQuotes(PatternStep):
    """Replace curly quotes with ``'`` and ``"``."""

    name = "quotes"

    def __init__(self, guillemets: bool = False) -> None:
        singles = SINGLE_QUOTES + (SINGLE_GUILLEMETS if guillemets else "")
        doubles = DOUBLE_QUOTES + (DOUBLE_GUILLEMETS_AND_BRACKETS if guillemets else "")
        self.trigger = singles + doubles + ACCENTS_AS_APOSTROPHES
        self._singles = singles
        self.pattern = re.compile(
            f"[{singles}{doubles}]|(?<=[^\\W\\d_])[{ACCENTS_AS_APOSTROPHES}](?=[^\\W\\d_])"
        )

    def replace(self, match: re.Match[str]) -> str:
        char = match.group()
        return "'" if char in self._singles or char in ACCENTS_AS_APOSTROPHES else '"'
