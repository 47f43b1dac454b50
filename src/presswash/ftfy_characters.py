"""What each of ftfy's fixes reacts to: the characters and scans the ``ftfy`` preset screens text with.

:mod:`presswash.ftfy_compat` gives ftfy's output without running ftfy where
ftfy would only straighten quotes, replace a ligature or normalize; these are
the characters that tell it so, named once. In text largely non-ASCII one
scan finds every place where ftfy may do more (:data:`MAY_NEED_MORE_THAN_QUOTES`).

    >>> RARE_FIX.search("ﬁx") is not None, BEYOND_PUNCTUATION.search("“—”") is None
    (True, True)
    >>> MAY_NEED_MORE_THAN_QUOTES.wide.findall("Это правда, «да» – ﬁ")  # guillemets may stand in a run
    ['«', '»', 'ﬁ']
"""

from __future__ import annotations

import re

from ftfy.chardata import CONTROL_CHARS, LIGATURES, WIDTH_MAP

from presswash.bmp_scan import NarrowableScan
from presswash.sieve import COMMON_PUNCTUATION
from presswash.steps._mojibake_table import BEYOND_RUNLESS
from presswash.steps.mojibake_runs import LONE_CHARACTERS, RUN_CHARACTERS, SURROGATES
from presswash.steps.normalization import REPLACED_OR_JOINED, nfc_work_or

ESCAPE = "\x1b"
CURLY_SINGLE_QUOTES = "\u02bc\u2018\u2019\u201a\u201b"  # ftfy.chardata.SINGLE_QUOTE_RE
CURLY_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f"  # ftfy.chardata.DOUBLE_QUOTE_RE
LINE_BREAKS = "\r\u2028\u2029"  # U+0085 is a C1 control: ftfy's real work


def _characters(table: dict[int, str] | dict[int, None]) -> str:
    return "".join(re.escape(chr(code)) for code in sorted(table))


# The characters that ftfy's fixes other than mojibake, quotes and normalization replace.
RARE_FIXES = _characters(LIGATURES) + _characters(WIDTH_MAP) + _characters(CONTROL_CHARS) + LINE_BREAKS
RARE_FIX = re.compile(f"[{RARE_FIXES}]")
# Sieved text with none of these holds only the common punctuation (quotes,
# dashes, …), as most news does. They spell no mojibake and none of ftfy's
# fixes but quote straightening replaces them (tests check both), so such a
# text needs exactly that, unless normalization other than NFC is asked for.
BEYOND_PUNCTUATION = re.compile(f"[^{COMMON_PUNCTUATION}]")
LIGATURE_CHARACTERS = frozenset(map(chr, LIGATURES))
WIDTH_CHARACTERS = frozenset(map(chr, WIDTH_MAP))
CONTROL_CHARACTERS = frozenset(map(chr, CONTROL_CHARS))
MOJIBAKE_CHARACTERS = RUN_CHARACTERS | LONE_CHARACTERS
# In text that is largely non-ASCII, where ftfy may do more than straighten quotes
# (once its entities are decoded): an escape, a rare fix, a place that may hold
# mojibake, or NFC work. One scan finds them all, where one screen each would read
# the text again each; in text within the BMP, a narrower one (see :mod:`presswash.bmp_scan`).
MAY_NEED_MORE_THAN_QUOTES = NarrowableScan(nfc_work_or(f"{BEYOND_RUNLESS}{SURROGATES}{RARE_FIXES}{ESCAPE}"))
# The same for a text crowded with marks that NFC may only put in order (Thai), which are then
# left to one check at the end: where NFC may do more, the scan stops too.
MAY_NEED_MORE_THAN_QUOTES_AND_ORDER = NarrowableScan(
    re.compile(f"[{BEYOND_RUNLESS}{SURROGATES}{RARE_FIXES}{ESCAPE}{REPLACED_OR_JOINED}]")
)
# What only ftfy's general way handles in text largely non-ASCII (a ligature or full-width form
# not replaced by ASCII, a control, a line break, an escape).
FTFY_WORK_ELSEWHERE = frozenset(
    LIGATURE_CHARACTERS | WIDTH_CHARACTERS | CONTROL_CHARACTERS | set(LINE_BREAKS + ESCAPE)
)
