"""Set aside the ASCII characters that no step reacts to, so that screens read a fraction of the text.

Real text is mostly ASCII letters, digits, spaces and punctuation, which most
cleaning steps never touch. Every screen that looks for a step's trigger
characters would still have to read past each of them, one character at a
time, at about a tenth of the speed at which Python copies memory. A sieve
instead encodes the text to UTF-8 and deletes the bytes of those characters
(``bytes.translate``, a table lookup per byte at memory speed), then decodes
what is left: the non-ASCII characters and the ASCII trigger characters, in
their original order. That is usually a few dozen characters, which any screen
then reads almost for free. Where presswash's compiled helper is built
(``_sieving.c``), it reads the text as CPython stores it and copies what is
kept, in one pass instead.

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
from collections.abc import Callable

from presswash.storage_width import within_latin1

try:
    from presswash._sieving import kinds as _kinds
    from presswash._sieving import sieve as _sieved
except ImportError:  # built without a C compiler at hand: encoded and translated
    COMPILED = False
else:
    COMPILED = True

# Punctuation found in nearly every news article: text whose only non-ASCII
# characters they are needs little of the mojibake screens (see theirs).
COMMON_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
UNCOMMON = re.compile(f"[^\\x00-\\x7f{COMMON_PUNCTUATION}]")

# Sieving a text whose share of non-ASCII characters is past this hardly shortens it (Greek,
# Cyrillic, Chinese): screens read the text itself then, which they always may.
DENSE_SHARE = 1 / 8

# Characters of a long text handled at a time by transforms that treat each
# character on its own: a piece and what is made of it (at most about 2 MB) stay
# in the CPU's cache, where a whole long text's copy would be written out to
# memory only to be read back, and ten times the text would take more than ten
# times as long.
PIECE = 1 << 18

# Characters whose UTF-8 length first tells whether a text is dense: encoding the whole of a
# Greek or Chinese text only to learn that costs as much as a screen's scan of it. A few dozen
# tell it; a longer probe costs English text, which is then encoded whole anyway, more than the
# dense text it misjudges.
DENSITY_PROBE = 1 << 6
# Texts up to this long are encoded whole at once: a probe of their head costs about as much.
PROBED_FROM = 4 * DENSITY_PROBE


def in_pieces(transform: Callable[[str], str], text: str) -> str:
    """``transform(text)``, a piece of ``PIECE`` characters at a time; ``transform`` must treat each
    character on its own, so that the pieces' results joined are the whole's. Its callers use it
    for a text longer than a piece, with themselves as ``transform``, which each piece then fits.

    >>> in_pieces(str.upper, "abc" * PIECE) == "ABC" * PIECE
    True
    """
    return "".join(transform(text[start : start + PIECE]) for start in range(0, len(text), PIECE))


class AsciiSieve:
    """Deletes from a text the ASCII characters outside the character class ``kept`` (a class body)."""

    def __init__(self, kept: str) -> None:
        keeps = re.compile(f"[{kept}]") if kept else None
        self._dropped = bytes(byte for byte in range(0x80) if keeps is None or keeps.match(chr(byte)) is None)
        self._kept = bytes(byte not in self._dropped for byte in range(0x80))  # as the helper reads it

    @property
    def kept_ascii(self) -> bytes:
        """The ASCII bytes it keeps (every non-ASCII byte is kept too).

        >>> AsciiSieve("&\\r").kept_ascii
        b'\\r&'
        """
        return bytes(byte for byte in range(0x80) if byte not in self._dropped)

    def sieve_utf8(self, data: bytes) -> str:
        """The sieved form of the text whose UTF-8 is ``data``, without decoding the text.

        >>> AsciiSieve("&").sieve_utf8("Fish & chips, £5".encode())
        '&£'
        """
        return data.translate(None, self._dropped).decode("utf-8", "surrogatepass")

    def sieve_unless_dense(self, text: str) -> str:
        """The sieved form of ``text``, or ``text`` itself if more than ``DENSE_SHARE`` of it, or of
        its first ``DENSITY_PROBE`` characters (if it is longer than ``PROBED_FROM``), is certainly
        non-ASCII, as the UTF-8 length proves (a character takes at most four bytes).

        Every screen accepts the whole text in place of its sieved form: it holds
        every character kept, and neighbours there are neighbours in the text. For
        text that is largely non-ASCII, deleting the few ASCII bytes and decoding
        the rest would cost more than the shorter form saves.

            >>> sieve = AsciiSieve("&")
            >>> sieve.sieve_unless_dense("Fish & chips, £5"), sieve.sieve_unless_dense("Это правда & ложь")
            ('&£', 'Это правда & ложь')
        """
        if len(text) > PIECE:
            return in_pieces(self.sieve_unless_dense, text)
        if text.isascii():  # which a string knows without reading itself
            return _sieved(text, self._kept) if COMPILED else self.sieve_utf8(text.encode())
        if len(text) > PROBED_FROM:
            head = text[:DENSITY_PROBE]
            if not head.isascii() and _certainly_dense(
                len(head), len(head.encode("utf-8", "surrogatepass")) - len(head)
            ):
                return text
        if COMPILED:
            sieved = _sieved(text, self._kept)
            # It holds every character of the text beyond ASCII, and so all its UTF-8 takes beyond
            # a byte a character.
            extra_bytes = len(sieved.encode("utf-8", "surrogatepass")) - len(sieved)
            return text if _certainly_dense(len(text), extra_bytes) else sieved
        if within_latin1(text):
            kept = self._sieved_latin1(text)
            # Its characters beyond ASCII, two bytes each in UTF-8, are its bytes beyond ASCII.
            beyond = len(kept) - len(kept.translate(None, _BEYOND_ASCII))
            return text if _certainly_dense(len(text), beyond) else kept.decode("latin-1")
        data = text.encode("utf-8", "surrogatepass")
        return text if _certainly_dense(len(text), len(data) - len(text)) else self.sieve_utf8(data)

    def __call__(self, text: str) -> str:
        if len(text) > PIECE:
            return in_pieces(self, text)
        if COMPILED:
            return _sieved(text, self._kept)
        if within_latin1(text):
            return self._sieved_latin1(text).decode("latin-1")
        # "surrogatepass" lets lone surrogates (which a screen must see) through both ways,
        # one code point at a time, so that a pair cut in two by in_pieces is sieved alike.
        return self.sieve_utf8(text.encode("utf-8", "surrogatepass"))

    def _sieved_latin1(self, text: str) -> bytes:
        """The Latin-1 bytes of ``text``'s sieved form, for a text CPython stores a byte a
        character: those bytes are copied, where UTF-8 is encoded a character at a time."""
        return text.encode("latin-1").translate(None, self._dropped)


_BEYOND_ASCII = bytes(range(0x80, 0x100))
# UTF-8's continuation bytes: dropped, each character is one byte, its first.
CONTINUATION_BYTES = bytes(range(0x80, 0xC0))


def kinds_by_first_byte(text: str, table: bytes) -> bytes:
    """A byte for each character of ``text``: ``table``'s (a ``bytes.translate`` table) at the
    first byte of its UTF-8. Screens search the result for pairs of kinds at memory speed.

    >>> kinds_by_first_byte("aé€", bytes.maketrans(b"a\\xc3\\xe2", b"ALE"))
    b'ALE'
    """
    if COMPILED:
        return _kinds(text, table)
    return text.encode("utf-8", "surrogatepass").translate(table, CONTINUATION_BYTES)


# Sieves every ASCII character out: what the mojibake screens read.
NON_ASCII = AsciiSieve("")


def _certainly_dense(length: int, extra_bytes: int) -> bool:
    """Whether more than ``DENSE_SHARE`` of a text of ``length`` characters is non-ASCII, as the
    ``extra_bytes`` its UTF-8 takes beyond one a character prove (a character takes at most four)."""
    return extra_bytes > 3 * length * DENSE_SHARE
