"""Configuration: one frozen, validated object, and the named presets built from it.

A preset is nothing but a named :class:`Config`; options given by the caller
override it field by field. Mistakes are caught when the configuration is
built, never silently ignored:

    >>> Config.from_preset("news", quotes="straight").quotes
    'straight'
    >>> Config.from_preset("news", quote="straight")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: unknown option 'quote'; valid options are: ascii, controls, ftfy_compatible, html, ...
    >>> Config.from_preset("news", quotes="curly")
    Traceback (most recent call last):
    ...
    ValueError: option 'quotes' must be one of 'repair', 'straight', 'keep', not 'curly'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

QuoteMode = Literal["repair", "straight", "keep"]
Normalization = Literal["NFC", "NFKC"] | None

QUOTE_MODES: tuple[QuoteMode, ...] = ("repair", "straight", "keep")
NORMALIZATIONS: tuple[Normalization, ...] = ("NFC", "NFKC", None)


def option(default: Any, help: str) -> Any:
    """A configuration field with its one-line help (shown by ``presswash --help``)."""
    return dataclasses.field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Config:
    """Which steps run, and how. Every field is an option of ``clean`` and ``Cleaner``."""

    mojibake: bool = option(True, "decode mojibake: text decoded with the wrong codec (Mayorâ€™s → Mayor’s)")
    misreads: bool = option(
        True,
        "also undo the mojibake ftfy declines: UTF-8 read as KOI8, cp850, Windows-1251, the East Asian "
        "codecs … (off with ftfy_compatible)",
    )
    html: bool = option(True, "decode HTML entities (&amp; &rsquo;) except on lines that hold HTML tags")
    controls: bool = option(True, "remove control characters and terminal escapes (tab, line breaks stay)")
    invisible: bool = option(
        True, "remove junk invisible characters (zero-width space, soft hyphen, BOM, bidi overrides)"
    )
    line_breaks: bool = option(True, "turn CRLF, CR, U+2028, U+2029 and U+0085 into LF")
    ligatures: bool = option(True, "split Latin ligatures (ﬁ → fi)")
    width: bool = option(
        True, "fullwidth Latin letters, digits and punctuation to ASCII (CJK punctuation stays)"
    )
    styled: bool = option(True, "fold styled 'fancy text' (𝓮𝔁𝓹𝓸𝓼𝓮𝓭, 🅰🅱🅲, s̶t̶r̶u̶c̶k̶) to plain letters")
    quotes: QuoteMode = option(
        "repair", "repair: re-orient mis-curled quotes; straight: use ' and \"; keep: no change"
    )
    straighten_guillemets: bool = option(
        False, "with quotes=straight, also straighten « » ‹ › and 「 」 『 』"
    )
    normalization: Normalization = option("NFC", "Unicode normalization applied last: NFC, NFKC or None")
    ascii: bool = option(False, "transliterate to ASCII with unidecode (needs the ascii extra)")
    ftfy_compatible: bool = option(
        False, "run ftfy's own fixes exactly as ftfy.fix_text does (the ftfy preset)"
    )

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if field.name == "quotes":
                _check_choice(field.name, value, QUOTE_MODES)
            elif field.name == "normalization":
                _check_choice(field.name, value, NORMALIZATIONS)
            elif not isinstance(value, bool):
                raise ValueError(f"option {field.name!r} must be True or False, not {value!r}")
        if self.misreads and self.ftfy_compatible:
            raise ValueError(
                "option 'misreads' goes beyond ftfy and cannot be combined with 'ftfy_compatible' "
                "(the ftfy preset gives ftfy's output exactly)"
            )

    @classmethod
    def from_preset(cls, preset: str = "news", **options: Any) -> Config:
        """The preset named ``preset`` with ``options`` overriding its fields. Asking for
        ``ftfy_compatible`` turns off the preset's ``misreads``, which goes beyond ftfy, unless
        ``misreads`` is asked for too (an error).

            >>> Config.from_preset("news", ftfy_compatible=True).misreads
            False
        """
        if preset not in PRESETS:
            names = ", ".join(repr(name) for name in PRESETS)
            raise ValueError(f"unknown preset {preset!r}; presets are: {names}")
        valid = sorted(field.name for field in dataclasses.fields(cls))
        for name in options:
            if name not in valid:
                raise TypeError(f"unknown option {name!r}; valid options are: {', '.join(valid)}")
        if options.get("ftfy_compatible") is True and "misreads" not in options:
            options["misreads"] = False
        return dataclasses.replace(PRESETS[preset], **options)


def help_text(name: str) -> str:
    """The one-line help of option ``name``."""
    return str(_FIELDS[name].metadata["help"])


def _check_choice(name: str, value: object, allowed: tuple[object, ...]) -> None:
    # A bool is an int, and 1 == True; compare types too so True is never taken for "NFC".
    if not any(value is choice or (type(value) is type(choice) and value == choice) for choice in allowed):
        choices = ", ".join(repr(choice) for choice in allowed)
        raise ValueError(f"option {name!r} must be one of {choices}, not {value!r}")


_FIELDS = {field.name: field for field in dataclasses.fields(Config)}

PRESETS: Mapping[str, Config] = {
    "news": Config(),
    "ftfy": Config(invisible=False, styled=False, quotes="straight", misreads=False, ftfy_compatible=True),
    "ascii": Config(quotes="straight", ascii=True),
}
"""The named configurations: ``news`` (the default) repairs everything and keeps correct
typography; ``ftfy`` gives output byte-identical to ``ftfy.fix_text``; ``ascii`` is ``news``
with straight quotes and transliteration to ASCII."""
