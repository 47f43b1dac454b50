"""Split Latin ligatures into their letters.

``ﬁ`` and ``ﬂ`` in running text are leftovers of PDF extraction or typesetting:
they look right but break search (``ﬁnance`` does not match ``finance``). The
table is ftfy's: Latin typographic ligatures and the legacy digraphs (Ǆ, Ǉ, Ǌ,
Ĳ). Ligatures that are letters of their own (æ, œ) and those of other scripts
are left alone.

    >>> Ligatures().fix("ﬁnancial ﬂows, ﬀ")
    'financial flows, ff'
"""

from __future__ import annotations

import re

from ftfy.chardata import LIGATURES

from presswash.step import PatternStep, replaced_where_found

LIGATURE_CHARACTERS = "".join(chr(code) for code in sorted(LIGATURES))
_LETTERS = {chr(code): letters for code, letters in LIGATURES.items()}


class Ligatures(PatternStep):
    """Replace each Latin ligature with the letters it joins."""

    name = "ligatures"
    trigger = LIGATURE_CHARACTERS
    pattern = re.compile(f"[{LIGATURE_CHARACTERS}]")

    def replace(self, match: re.Match[str]) -> str:
        return _LETTERS[match.group()]

    def fix_sieved(self, text: str, notable: str) -> str:
        return replaced_where_found(text, notable, self.trigger_pattern, _LETTERS)
