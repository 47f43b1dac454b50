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

Asking ``unicodedata.is_normalized`` reads the whole text. For NFC the answer
is usually known from the text's few non-ASCII characters alone (see
:func:`stable_under_nfc`), and the step asks only when it is not.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from presswash.step import ANY_NON_ASCII, LineStep
from presswash.steps._normalization_table import NFC_UNSTABLE_BMP, UNICODE_VERSION

# Valid only under the Unicode version it was generated for; otherwise every text is asked about.
# Characters beyond the BMP are all taken as unstable.
_NFC_UNSTABLE = (
    re.compile(f"[{NFC_UNSTABLE_BMP}\U00010000-\U0010ffff]")
    if unicodedata.unidata_version == UNICODE_VERSION
    else None
)


def stable_under_nfc(characters: str) -> bool:
    """True if a text made of ``characters`` and ASCII is certainly NFC, whatever their order.

    That holds when none of them is a combining mark, a character NFC replaces,
    or one NFC can join to the character before it. ``characters`` is typically
    a text's sieved form (see :mod:`presswash.sieve`).

    >>> stable_under_nfc("’“”–£é…")
    True
    >>> stable_under_nfc("\u0301"), stable_under_nfc("\u212b")  # a combining accent, the Ångström sign
    (False, False)
    """
    return _NFC_UNSTABLE is not None and _NFC_UNSTABLE.search(characters) is None


class Normalization(LineStep):
    """Apply NFC or NFKC normalization."""

    name = "normalization"
    trigger = ANY_NON_ASCII

    def __init__(self, form: Literal["NFC", "NFKC"]) -> None:
        self.form: Literal["NFC", "NFKC"] = form

    def applies(self, text: str, notable: str) -> bool:
        if self.form == "NFC" and stable_under_nfc(notable):
            return False
        return not unicodedata.is_normalized(self.form, text)

    def leaves_alone(self, character: str) -> bool:
        return self.form == "NFC" and stable_under_nfc(character)

    def may_apply(self, notable: str, utf8: bytes) -> bool:
        return not (self.form == "NFC" and stable_under_nfc(notable))

    def fix_line(self, line: str) -> str:
        return unicodedata.normalize(self.form, line)

    def fix(self, text: str) -> str:
        return unicodedata.normalize(self.form, text)
