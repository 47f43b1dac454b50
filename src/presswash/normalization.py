"""Unicode normalization, last of the character steps.

The same visible text can be encoded several ways (``é`` as one code point or
as ``e`` plus a combining accent); NFC picks one, so that equal-looking strings
compare equal. NFKC goes further and also folds compatibility characters
(``m²`` → ``m2``, ``½`` → ``1⁄2``): it is offered, but it destroys meaning that
the styled-text step deliberately keeps, so NFC is the default.

    >>> Normalization("NFC").fix("cafe\\u0301")
    'café'
    >>> Normalization("NFKC").fix("10 m²")
    '10 m2'
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from presswash.step import ANY_NON_ASCII, LineStep


class Normalization(LineStep):
    """Apply NFC or NFKC normalization."""

    name = "normalization"
    trigger = ANY_NON_ASCII

    def __init__(self, form: Literal["NFC", "NFKC"]) -> None:
        self.form: Literal["NFC", "NFKC"] = form

    def applies(self, text: str) -> bool:
        return not unicodedata.is_normalized(self.form, text)

    def fix_line(self, line: str) -> str:
        return unicodedata.normalize(self.form, line)

    def fix(self, text: str) -> str:
        return unicodedata.normalize(self.form, text)
