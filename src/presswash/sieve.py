"""Set aside the ASCII characters that no step reacts to, so that screens read a fraction of the text.

Real text is mostly ASCII letters, digits, spaces and punctuation, which most
cleaning steps never touch. Every screen that looks for a step's trigger
characters would still have to read past each of them, one character at a
time, at about a tenth of the speed at which Python copies memory. A sieve
instead encodes the text to UTF-8 and deletes the bytes of those characters
(``bytes.translate``, a table lookup per byte at memory speed), then decodes
what is left: the non-ASCII characters and the ASCII trigger characters, in
their original order. That is usually a few dozen characters, which any screen
then reads almost for free.

What survives keeps enough of the text for a screen to give the same answer:
a trigger character is kept wherever it stood, and two trigger characters that
stood side by side still do. Characters that were apart may now be adjacent,
so a screen for pairs of characters can only find more, never less; its hits
must be confirmed on the text itself.

    >>> sieve = AsciiSieve("&\\r")
    >>> sieve("Fish & chips cost £5 — “cheap”\\r\\n")
    '&£—“”\\r'
    >>> sieve("plain ASCII")
    ''
"""

from __future__ import annotations

import re


class AsciiSieve:
    """Deletes from a text the ASCII characters outside the character class ``kept`` (a class body)."""

    def __init__(self, kept: str) -> None:
        keeps = re.compile(f"[{kept}]") if kept else None
        self._dropped = bytes(byte for byte in range(0x80) if keeps is None or keeps.match(chr(byte)) is None)

    def __call__(self, text: str) -> str:
        # "surrogatepass" lets lone surrogates (which a screen must see) through both ways.
        encoded = text.encode("utf-8", "surrogatepass")
        return encoded.translate(None, self._dropped).decode("utf-8", "surrogatepass")
