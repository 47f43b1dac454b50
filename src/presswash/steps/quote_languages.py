"""What the words around a quote tell about the quotation convention of a paragraph.

Whether ``“`` closes a quotation or points the wrong way depends on the
language: English and most others open with it, while Bulgarian, Czech, Danish,
Estonian, Georgian, German, Icelandic, Lithuanian, Macedonian, Romanian,
Russian (in nested quotes), Serbian, Bosnian, Croatian, Slovak, Slovenian and
Ukrainian close with it (``„…“``). Likewise ``”`` opens Swedish and Finnish
quotations (``”…”``) but only closes English ones. When the text does not show
the other half of the quotation (a sentence cut out of an article), the words
around the quote are the only evidence left. This module weighs it, one
paragraph at a time:

- **English** counts common English words that are not words of the other
  languages (``the``, ``said``, ``would`` … but not ``in``, ``was``, ``on``);
- **low-quote** counts letters of the ``„…“`` languages that English text
  rarely holds (Cyrillic, Georgian, ``š ž č ř ą ė ų ð þ ß ä ö ü ș ț`` …) and
  their common short words (``und``, ``sagte``, ``je``, ``ir``, ``și`` …);
- **closing right** counts the letters and common words of other languages whose
  quotations close with ``”`` (Polish ``ł ś ż``, Hungarian ``ő ű``, Turkish ``ğ ı``,
  CJK; Indonesian ``yang``, Portuguese ``não``, Dutch ``het`` …);
- **Nordic** counts Swedish and Finnish words (and ``å ä ö``);
- **right-to-left** says whether the paragraph holds Arabic, Hebrew, Syriac,
  Thaana or N'Ko letters: writers of those scripts use the glyphs the other way
  round (``”…“`` in Arabic), so nothing is turned around there.

>>> evidence = Evidence("Tai buvo svarbu“, – sakė jis.")
>>> evidence.english, evidence.low_quote > 0, evidence.right_to_left
(0, True, False)
>>> Evidence("“Ukraine needs more,“ he said of their plans.").english  # said, of, their
3
>>> Evidence("قال ”مرحبا“ لهم").right_to_left
True
"""

from __future__ import annotations

import re


def _words(*words: str) -> frozenset[str]:
    return frozenset(words)


# A word: the text is cut into them once, and each is looked up in the lists below.
_WORD = re.compile(r"[^\W\d_]+")


# Words of English news that are not words of the languages weighed against it.
_ENGLISH = _words(
    "the", "and", "of", "that", "this", "with", "from", "have", "has", "had", "they", "she", "you",
    "his", "their", "our", "we", "it", "is", "are", "were", "been", "be", "not", "but", "which",
    "who", "what", "where", "when", "why", "how", "did", "does", "said", "says", "told", "would",
    "could", "should", "there", "here", "him", "them", "about", "because", "than",
)  # fmt: skip
# Letters of the languages that close with “ (see the module docstring), rarely seen in English:
# Cyrillic, Georgian (Mkhedruli and Mtavruli), and Latin letters with their diacritics.
_LOW_QUOTE_LETTERS = re.compile(
    "[\u0400-\u04ff\u10a0-\u10ff\u1c90-\u1cbf"
    "ěščřžůďťňľĺŕôýäöüßąęėįųūõðþæøăâîșțşţćđĚŠČŘŽŮĎŤŇĽĹŔÔÝÄÖÜĄĘĖĮŲŪÕÐÞÆØĂÂÎȘȚŞŢĆĐ]"
)
# Letters of languages besides English whose closing double quote is ” (Polish, Hungarian,
# Turkish; Chinese, Japanese and Korean).
_CLOSING_RIGHT_LETTERS = re.compile(
    "[łśźżńőűğıŁŚŹŻŃŐŰĞİ\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
)
_CLOSING_RIGHT_WORDS = _words(
    # Indonesian and Malay
    "yang", "dan", "itu", "ini", "dengan", "untuk", "dari", "tidak", "kata", "adalah",
    # Portuguese and Spanish
    "que", "não", "disse", "dijo", "com", "uma", "los", "las", "del",
    # Dutch
    "het", "een", "niet", "zei",
)  # fmt: skip
_LOW_QUOTE_WORDS = _words(
    # German
    "und", "der", "das", "ist", "nicht", "sagte", "sich", "mit", "auf", "dass", "wir", "sie", "ein", "eine",
    # Czech, Slovak, Slovenian, Croatian, Serbian, Bosnian (Latin), with the verbs of saying
    # that follow a quotation
    "je", "se", "sa", "že", "da", "su", "na", "jsou", "bylo", "rekao", "kazao", "povedal", "povedala",
    "uvedl", "uvedla", "uviedol", "uviedla", "dodal", "dodala", "dejal", "dejala", "rekla",
    # Lithuanian
    "ir", "yra", "kad", "tai", "jis", "buvo", "sakė",
    # Estonian
    "ja", "ei", "ta", "oli", "ütles",
    # Icelandic and Danish
    "og", "að", "ekki", "sagði", "ikke", "sagde",
    # Romanian
    "și", "este", "nu", "că", "spus",
)  # fmt: skip
_NORDIC_LETTERS = re.compile("[åäöÅÄÖ]")
_NORDIC_WORDS = _words(
    "och", "att", "det", "som", "inte", "ja", "sa", "jag", "hon", "han", "että", "ovat", "oli", "hän"
)  # fmt: skip
# The kinds of evidence: the words of each, and the letters that count for it besides.
_KINDS_OF_EVIDENCE: dict[str, tuple[frozenset[str], re.Pattern[str] | None]] = {
    "english": (_ENGLISH, None),
    "low_quote": (_LOW_QUOTE_WORDS, _LOW_QUOTE_LETTERS),
    "closing_right": (_CLOSING_RIGHT_WORDS, _CLOSING_RIGHT_LETTERS),
    "nordic": (_NORDIC_WORDS, _NORDIC_LETTERS),
}
# How far from the first quote that asks about a paragraph its words are read.
WORDS_REACH = 1000
# Hebrew, Arabic (with its supplements and presentation forms), Syriac, Thaana, N'Ko, Samaritan
# and Mandaic (U+FEFF, the byte-order mark, is not one of them).
_RIGHT_TO_LEFT_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFC))
_RIGHT_TO_LEFT = re.compile(f"[{''.join(f'{chr(low)}-{chr(high)}' for low, high in _RIGHT_TO_LEFT_RANGES)}]")
# Every byte but those that begin the UTF-8 of such a letter (D6 to E0, EF). A text whose UTF-8
# keeps none of them once these are deleted holds no such letter: an English article is told
# so at memory speed, where a scan for the letters reads it character by character.
_NOT_RIGHT_TO_LEFT_FIRST = bytes(
    set(range(256))
    - {
        first
        for low, high in _RIGHT_TO_LEFT_RANGES
        for first in range(chr(low).encode()[0], chr(high).encode()[0] + 1)
    }
)


class Evidence:
    """The words of one paragraph, each kind weighed when first asked."""

    def __init__(self, text: str, right_to_left: bool | None = None) -> None:
        self.text = text
        self.right_to_left = (
            _RIGHT_TO_LEFT.search(text) is not None if right_to_left is None else right_to_left
        )
        self._words: list[str] | None = None
        self._weights: dict[str, int] = {}

    @classmethod
    def around(cls, text: str, start: int, end: int, position: int, right_to_left: bool = True) -> Evidence:
        """The evidence of the paragraph ``text[start:end]``, its words read within
        :data:`WORDS_REACH` characters of ``position`` (a long paragraph is not read
        again for each quote, and one read costs a bounded time).

        Right-to-left letters count anywhere in the paragraph (if ``right_to_left``
        is false, the caller knows that ``text`` holds none).
        """
        words = text[max(start, position - WORDS_REACH) : min(end, position + WORDS_REACH)]
        return cls(words, right_to_left and holds_right_to_left(text, start, end))

    def _weight(self, name: str) -> int:
        """How many of the words and letters of one kind (see ``_KINDS_OF_EVIDENCE``) the text
        holds, counted once, when first asked."""
        weight = self._weights.get(name)
        if weight is None:
            if self._words is None:
                self._words = list(map(str.lower, _WORD.findall(self.text)))
            listed, letters = _KINDS_OF_EVIDENCE[name]
            weight = sum(map(listed.__contains__, self._words))
            if letters is not None:
                weight += len(letters.findall(self.text))
            self._weights[name] = weight
        return weight

    @property
    def english(self) -> int:
        return self._weight("english")

    @property
    def low_quote(self) -> int:
        return self._weight("low_quote")

    @property
    def closing_right(self) -> int:
        return self._weight("closing_right")

    @property
    def nordic(self) -> int:
        return self._weight("nordic")

    @property
    def closes_with_left_quote(self) -> bool:
        """Whether a ``“`` or ``‘`` that closes with no opening quote in sight belongs to the text.

        It does where the languages that close with ``“`` outweigh those that close
        with ``”``. A text with no evidence either way is taken for one of the many
        languages that quote as English does (Italian, Vietnamese, Swahili …): the
        „…“ languages are few, and their letters and words are listed here.

        >>> Evidence("Это было важно“, — сказал он.").closes_with_left_quote
        True
        >>> Evidence("To je pravda“, uvedla vláda.").closes_with_left_quote
        True
        >>> Evidence("the players‘ union").closes_with_left_quote
        False
        >>> Evidence("Ni kweli“, alisema.").closes_with_left_quote  # Swahili: no evidence either way
        False
        """
        low_quote = self.low_quote
        return low_quote > 0 and low_quote > self.english + self.closing_right

    @property
    def opens_with_left_quote(self) -> bool:
        """Whether a ``”`` or ``’`` before a word should open with ``“`` or ``‘``: the languages
        that close with ``”`` (English first) outweigh Swedish and Finnish, which open with ``”``.

        >>> Evidence("”Where did he live?”").opens_with_left_quote
        True
        >>> Evidence("”Det är bra”, sa han.").opens_with_left_quote
        False
        """
        return self.english + self.closing_right > self.nordic


def holds_right_to_left(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a letter of a right-to-left script.

    >>> holds_right_to_left("one\\nשתיים", 0, 3), holds_right_to_left("one\\nשתיים", 0, 9)
    (False, True)
    """
    if not text[start:end].encode("utf-8", "surrogatepass").translate(None, _NOT_RIGHT_TO_LEFT_FIRST):
        return False
    return _RIGHT_TO_LEFT.search(text, start, end) is not None
