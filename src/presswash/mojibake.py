"""Decode mojibake: UTF-8 that was read with the wrong codec.

``Mayorâ€™s`` is ``Mayor’s`` whose UTF-8 bytes were decoded as Windows-1252;
``NicolÃ¡s`` the same with Latin-1; ``d'Ð“Â©tat`` went through it twice. ftfy is
the engine here: its heuristic decides which lines hold mojibake and its codecs
undo it, including the lossy cases (``â€�``), inconsistent mixtures of
encodings, non-breaking spaces that were flattened to spaces, stray C1 control
characters (read as Windows-1252, as browsers do) and UTF-16 surrogates.

What presswash adds is knowing when not to ask. ftfy's heuristic is a large
regular expression and costs more than all other cleaning together, yet it can
only fire on a few lone characters or on two adjacent characters of its
alphabet (see ``scripts/generate_mojibake_table.py``). Lines without those are
passed over without running it.

    >>> step = Mojibake()
    >>> step.fix("The Mayor\\u00e2\\u20ac\\u2122s office\\nNicol\\u00c3\\u00a1s Maduro")
    'The Mayor’s office\\nNicolás Maduro'
    >>> step.fix("Café – “déjà vu”")
    'Café – “déjà vu”'
"""

from __future__ import annotations

import re

import ftfy
from ftfy.fixes import fix_c1_controls, fix_surrogates

from presswash._mojibake_table import MOJIBAKE_ALPHABET, MOJIBAKE_PAIRS, SUSPICIOUS_ALONE
from presswash.step import LineStep

SURROGATES = "\ud800-\udfff"

# A lone suspicious character or surrogate, or two alphabet characters side by
# side. Written so the engine scans for one class and only looks further at its
# rare hits: the lookbehind re-tests the character just matched.
MAY_HOLD_MOJIBAKE = re.compile(
    f"[{MOJIBAKE_ALPHABET}{SURROGATES}](?:(?<=[{SUSPICIOUS_ALONE}{SURROGATES}])|[{MOJIBAKE_ALPHABET}])"
)


# Where a candidate could start one of the heuristic's matches: a lone suspicious
# character, or one of the pairs its alternatives begin with.
MATCH_START = re.compile(f"[{SUSPICIOUS_ALONE}{SURROGATES}]|{MOJIBAKE_PAIRS}")
# Greek or Cyrillic text is all candidates; past this many that start nothing,
# the answer is "maybe" and ftfy's heuristic decides.
CANDIDATES_TO_CHECK = 16


def may_hold_mojibake(text: str) -> bool:
    """False only if ftfy would certainly find no mojibake, C1 control or surrogate in ``text``.

    A coarse scan finds candidates (``MAY_HOLD_MOJIBAKE``); each is then checked
    against the exact pairs that can begin a match of the heuristic, so common
    innocent neighbours such as ``…”`` or ``é’`` cost nothing more.

    >>> may_hold_mojibake("Nicolás – “déjà vu…” costs £5")
    False
    >>> may_hold_mojibake("Nicol\u00c3\u00a1s")
    True
    """
    if text.isascii():
        return False
    position = 0
    for _ in range(CANDIDATES_TO_CHECK):
        candidate = MAY_HOLD_MOJIBAKE.search(text, position)
        if candidate is None:
            return False
        if MATCH_START.match(text, candidate.start()):
            return True
        position = candidate.start() + 1
    return True


class Mojibake(LineStep):
    """Re-decode each line that ftfy's heuristic finds to hold mojibake."""

    name = "mojibake"
    trigger = MOJIBAKE_ALPHABET + SURROGATES

    @property
    def lone_trigger(self) -> str:
        return SUSPICIOUS_ALONE + SURROGATES

    def applies(self, text: str) -> bool:
        return may_hold_mojibake(text)

    def fix_line(self, line: str) -> str:
        # Each decoding can reveal another layer (double encoding, or C1
        # controls that decode into mojibake), so repeat while any may remain.
        while may_hold_mojibake(line):
            fixed = fix_surrogates(fix_c1_controls(ftfy.fix_encoding(line)))
            if fixed == line:
                break
            line = fixed
        return line
