"""The ``ftfy`` preset: ftfy's own output, byte for byte, without ftfy's cost on clean text.

Users migrating from ``ftfy.fix_text`` need the same output, not a similar one.
This step therefore keeps ftfy's segmentation (lines) and its HTML rule (a
``<`` in one line switches entity decoding off for the rest of the document),
decodes mojibake with ftfy's own ``fix_encoding``, and hands every line with
HTML entities or terminal escapes to ftfy whole.

Most news needs none of that: its only changes under ftfy are curly quotes
straightened, the odd ligature, and perhaps normalization. Those fixes are
plain character replacements, so they are made here directly with ``str``
methods, in ftfy's order, on the whole document at once. That shortcut is
taken only when it provably gives ftfy's answer: the input holds nothing that
ftfy's other fixes react to (see :func:`~presswash.mojibake.may_hold_mojibake`),
and neither does the result, so ftfy's fix-until-stable loop would stop after
one round.

    >>> step = FtfyCompatible(TextFixerConfig(explain=False))
    >>> step.fix("“Here’s” the ﬁx\\r\\nMayor\\u00e2\\u20ac\\u2122s &amp; co")
    '"Here\\'s" the fix\\nMayor\\'s & co'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import ftfy
from ftfy import TextFixerConfig
from ftfy.chardata import CONTROL_CHARS, HTML_ENTITY_RE, LIGATURES, WIDTH_MAP
from ftfy.fixes import fix_c1_controls, fix_surrogates

from presswash._mojibake_table import MOJIBAKE_ALPHABET, SUSPICIOUS_ALONE
from presswash.edits import Edit, diff_edits, edits_of_pieces
from presswash.mojibake import SURROGATES, may_hold_mojibake
from presswash.step import ANY_NON_ASCII, Step

ESCAPE = "\x1b"
CURLY_SINGLE_QUOTES = "\u02bc\u2018\u2019\u201a\u201b"  # ftfy.chardata.SINGLE_QUOTE_RE
CURLY_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f"  # ftfy.chardata.DOUBLE_QUOTE_RE
LINE_BREAKS = "\r\u2028\u2029"  # U+0085 is a C1 control: ftfy's real work


def _characters(table: dict[int, str] | dict[int, None]) -> str:
    return "".join(re.escape(chr(code)) for code in sorted(table))


RARE_FIXES = _characters(LIGATURES) + _characters(WIDTH_MAP) + _characters(CONTROL_CHARS) + LINE_BREAKS
# Anything but curly quotes and normalization: possible mojibake (as in
# ``MAY_HOLD_MOJIBAKE``) or a character that one of the rarer fixes replaces.
BEYOND_QUOTES = re.compile(
    f"[{MOJIBAKE_ALPHABET}{SURROGATES}{RARE_FIXES}]"
    f"(?:(?<=[{SUSPICIOUS_ALONE}{SURROGATES}{RARE_FIXES}])|[{MOJIBAKE_ALPHABET}])"
)


RARE_FIX = re.compile(f"[{RARE_FIXES}]")
LIGATURE_CHARACTERS = frozenset(map(chr, LIGATURES))
WIDTH_CHARACTERS = frozenset(map(chr, WIDTH_MAP))
CONTROL_CHARACTERS = frozenset(map(chr, CONTROL_CHARS))


def needs_ftfy(text: str, entities: bool) -> bool:
    """True if ``text`` holds HTML entities to decode or terminal escapes to remove."""
    return (entities and "&" in text and HTML_ENTITY_RE.search(text) is not None) or ESCAPE in text


class FtfyCompatible(Step):
    """Every fix of ``ftfy.fix_text`` with its configuration, giving its exact output."""

    name = "ftfy"
    # Everything ftfy can change; normalization alone can change any non-ASCII text.
    trigger = "&\x00-\x08\x0b\x0d-\x1f\x7f" + ANY_NON_ASCII

    def __init__(self, config: TextFixerConfig) -> None:
        self.config = config._replace(explain=False)

    def applies(self, text: str) -> bool:
        # The pipeline's gate has already looked for the trigger, and ``fix``
        # makes the finer checks itself.
        return True

    def fix(self, text: str) -> str:
        one_line = text.find("\n") in (-1, len(text) - 1)
        if len(text) <= self.config.max_decode_length and not one_line:
            fixed = self._replace_characters(text, bool(self.config.unescape_html), line=False)
            if fixed is not None:
                return fixed
        return "".join(fixed for _, fixed in self._fixed_segments(text))

    def edits(self, text: str) -> list[Edit]:
        return edits_of_pieces(
            (segment, diff_edits(segment, fixed)) for segment, fixed in self._fixed_segments(text)
        )

    def _fixed_segments(self, text: str) -> Iterator[tuple[str, str]]:
        """ftfy's segmentation of ``text`` (as in ``ftfy.fix_text``), each with its fixed form."""
        config = self.config
        position = 0
        while position < len(text):
            end = text.find("\n", position) + 1 or len(text)
            end = min(end, position + config.max_decode_length)
            segment = text[position:end]
            if config.unescape_html == "auto" and "<" in segment:
                config = config._replace(unescape_html=False)
            fixed = self._replace_characters(segment, bool(config.unescape_html), line=True)
            yield segment, ftfy.fix_text_segment(segment, config) if fixed is None else fixed
            position = end

    def _replace_characters(self, text: str, entities: bool, line: bool) -> str | None:
        """ftfy's result for ``text`` by the cheapest means, or None when only ftfy itself will do.

        This is one round of ftfy's fixes in ftfy's order, then a check that a
        second round would change nothing. A whole document that may hold
        mojibake is handed back (to be taken line by line); on one line, the
        mojibake is decoded by ftfy's own ``fix_encoding``, as its first round does.
        """
        if needs_ftfy(text, entities):
            return None
        config = self.config
        fixed = text
        rare = BEYOND_QUOTES.search(text) is not None
        if rare and may_hold_mojibake(text):
            if not line:
                return None
            if config.fix_encoding:
                # Without a config, as ftfy.fix_text itself calls it (it skips the config there).
                fixed = ftfy.fix_encoding(fixed)
            if config.fix_c1_controls:
                fixed = fix_c1_controls(fixed)
        # Each rare fix replaces only the characters of its own that are present.
        present = set(RARE_FIX.findall(fixed)) if rare else set()
        if config.fix_latin_ligatures:
            for char in present & LIGATURE_CHARACTERS:
                fixed = fixed.replace(char, LIGATURES[ord(char)])
        if config.fix_character_width:
            for char in present & WIDTH_CHARACTERS:
                fixed = fixed.replace(char, WIDTH_MAP[ord(char)])
        if config.uncurl_quotes:
            for quote in CURLY_SINGLE_QUOTES:
                fixed = fixed.replace(quote, "'")
            for quote in CURLY_DOUBLE_QUOTES:
                fixed = fixed.replace(quote, '"')
        if config.fix_line_breaks and not present.isdisjoint(LINE_BREAKS):
            fixed = fixed.replace("\r\n", "\n").replace("\r", "\n")
            fixed = fixed.replace("\u2028", "\n").replace("\u2029", "\n")
        if rare and config.fix_surrogates:
            fixed = fix_surrogates(fixed)
        if config.remove_control_chars:
            for char in present & CONTROL_CHARACTERS:
                fixed = fixed.replace(char, "")
        normalized = False
        if config.normalization and not unicodedata.is_normalized(config.normalization, fixed):
            fixed = unicodedata.normalize(config.normalization, fixed)
            normalized = True
        # Straightened quotes are ASCII and cannot give ftfy new work; the other
        # fixes can (a removed control character joins two mojibake letters,
        # ＆ becomes &), and then ftfy's second round would change the text.
        if (rare or normalized) and (needs_ftfy(fixed, entities) or may_hold_mojibake(fixed)):
            return None
        return fixed
