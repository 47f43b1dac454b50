"""Transliterate to ASCII, for systems that accept nothing else.

unidecode does the transliteration (``Nicolás`` → ``Nicolas``, ``Москва`` →
``Moskva``). It is licensed GPL-2.0-or-later, so it is an optional extra
(``pip install presswash[ascii]``) and the core stays permissively licensed.
The step is lossy by design and only runs when asked for.

    >>> Transliteration().fix("Nicolás Maduro in Москва")
    'Nicolas Maduro in Moskva'
"""

from __future__ import annotations

from collections.abc import Callable

from presswash.step import ANY_NON_ASCII, LineStep


def _load_unidecode() -> Callable[[str], str]:
    try:
        from unidecode import unidecode
    except ImportError:
        raise ImportError(
            "ASCII transliteration needs unidecode, which is GPL-licensed and therefore an "
            "optional extra: pip install 'presswash[ascii]'"
        ) from None
    return unidecode


class Transliteration(LineStep):
    """Replace every non-ASCII character with unidecode's ASCII rendering."""

    name = "ascii"
    trigger = ANY_NON_ASCII

    def __init__(self) -> None:
        self._unidecode = _load_unidecode()

    def applies(self, text: str, notable: str) -> bool:
        return not text.isascii()

    def fix_line(self, line: str) -> str:
        return self._unidecode(line)

    def fix(self, text: str) -> str:
        return self._unidecode(text)
