"""Where a codec turns a text's characters back into UTF-8: the stretches the second chance reads.

A misread is undone by encoding the misread characters with the codec that
made them and decoding the bytes as UTF-8. A *stretch* is a run of characters
whose bytes through one codec are valid UTF-8 with at least one sequence beyond
ASCII; it is read only where the screen found a spot
(:mod:`presswash.steps.misreads` judges whether undoing it makes its word read
better). ASCII around the sequences belongs to a stretch, as it does to the
word. Single-byte codecs give one byte a character; the double-byte codecs
mostly two, and where not, the codec's own decoder counts the characters.

    >>> single_byte_stretches("Jos\u0413\u00a9")[0]  # Г© is é read as Windows-1251
    ('windows-1251', 0, 5, 'José')
    >>> double_byte_stretches("caf\u8305", frozenset({"gbk"}))  # 茅 is é read as GBK
    [('gbk', 0, 4, 'café')]
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Iterable, Iterator

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-*" codecs)

from presswash.steps._misread_table import DOUBLE_BYTE_CODECS, SINGLE_BYTE_CODECS
from presswash.steps.misread_classes import SINGLE_BYTE_READINGS

# UTF-8 sequences of two to four bytes (no overlong forms, no surrogates), and
# the ASCII that a double-byte codec can swallow into a character.
MULTI_BYTE = (
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# Encoding replaces a character the codec lacks with "?", which must end a stretch:
# no other character of a non-ASCII run encodes as "?".
SWALLOWED = rb"[\x00-\x3e\x40-\x7f]"
# A stretch: sequences and swallowed ASCII, at least one sequence. Written from its first
# sequence (the two never begin with the same byte), the engine need give back nothing it read,
# and it tries no place a stretch cannot begin at (a continuation byte).
_STRETCH_BEGINS = rb"(?=[\x00-\x3e\x40-\x7f\xc2-\xf4])"
UTF8_STRETCH = re.compile(
    rb"%b%b*+(?:%b)(?:%b|%b)*+" % (_STRETCH_BEGINS, SWALLOWED, MULTI_BYTE, MULTI_BYTE, SWALLOWED)
)
# Windows-1252 and its relatives lose unassigned bytes as U+FFFD; in a sequence
# it stands for one continuation byte, and the sequence becomes one U+FFFD.
LOST = "\ufffd"
_LOST_BYTE = 0x1A  # what ftfy's sloppy codecs encode U+FFFD as
_LOSSY_SEQUENCE = re.compile(rb"%b|[\xc2-\xf4][\x80-\xbf\x1a]{1,3}" % MULTI_BYTE)
_LOSSY_STRETCH = re.compile(rb"(?:%b)+" % _LOSSY_SEQUENCE.pattern)
# Each codec is looked up once, here, rather than when a text first needs it.
for _, _codec in SINGLE_BYTE_CODECS + DOUBLE_BYTE_CODECS:
    codecs.lookup(_codec)


def _stretches(run: str, codec: str, double_byte: bool) -> Iterator[tuple[int, int, str]]:
    """``(start, end, decoded)``: the stretches of ``run`` that ``codec`` turns back into UTF-8."""
    # ftfy's sloppy codecs write U+FFFD as byte 1A, which then stands for the lost byte.
    lossy = codec.startswith("sloppy-") and LOST in run
    encoded = run.encode(codec, errors="replace")  # "?": a character the codec lacks, a barrier
    # Every character one byte (single-byte codecs), or every character two (character i starts
    # at byte 2i: twice as many bytes as characters, none more than two); otherwise characters
    # are counted from the bytes.
    if not double_byte:
        width = 1
    else:
        wider = _WIDER_THAN_TWO.get(codec)
        two_each = len(encoded) == 2 * len(run) and (wider is None or wider.search(encoded) is None)
        width = 2 if two_each else 0
    boundaries = _Boundaries(encoded, codec) if width == 0 else None
    pattern = _LOSSY_STRETCH if lossy else UTF8_STRETCH
    for found in pattern.finditer(encoded):
        begin, finish = found.span()
        if boundaries is None:
            if begin % width or finish % width:
                continue
            start, end = begin // width, finish // width
        else:
            first, last = boundaries.index(begin), boundaries.index(finish)
            if first is None or last is None:
                continue
            start, end = first, last
        decoded = _decode(found.group(), lossy)
        if decoded is not None:
            yield start, end, decoded


# Double-byte codecs with characters of more than two bytes, and the bytes that each of those
# holds and none of two bytes does: EUC-JP's JIS X 0212 begins with 8F, GB18030's four-byte
# characters hold two of 30-39.
_WIDER_THAN_TWO = {"euc-jp": re.compile(rb"\x8f"), "gb18030": re.compile(rb"[\x30-\x39]")}


class _Boundaries:
    """The index of the character that begins at each byte position of ``encoded``, the encoding
    of a text through ``codec``, asked in order (a position inside a character has none).

    A stateless codec's incremental decoder holds back the bytes of a character cut short, and
    only those: each position is told by feeding it the bytes since the last, so that a text's
    positions cost one reading of it.

        >>> encoded = "ab東c".encode("gbk")
        >>> [_Boundaries(encoded, "gbk").index(position) for position in (2, 3)]
        [2, None]
        >>> boundaries = _Boundaries(encoded, "gbk")
        >>> [boundaries.index(position) for position in (1, 3, 4, 5)]
        [1, None, 3, 4]
    """

    def __init__(self, encoded: bytes, codec: str) -> None:
        self._encoded = encoded
        self._decoder = codecs.getincrementaldecoder(codec)()
        self._position = 0  # the bytes fed to the decoder, and the characters it gave back
        self._index = 0

    def index(self, position: int) -> int | None:
        if position > self._position:
            self._index += len(self._decoder.decode(self._encoded[self._position : position]))
            self._position = position
        pending, _ = self._decoder.getstate()
        return None if pending else self._index


def _decode(data: bytes, lossy: bool) -> str | None:
    """``data`` as UTF-8 (None: it is not); if ``lossy``, a sequence with a lost byte becomes U+FFFD."""
    if not lossy:
        return data.decode("utf-8")
    pieces = []
    for sequence in _LOSSY_SEQUENCE.finditer(data):
        try:
            pieces.append(sequence.group().decode("utf-8"))
        except UnicodeDecodeError:
            if _LOST_BYTE not in sequence.group():
                return None
            pieces.append(LOST)
    return "".join(pieces)


def holding(
    text: str, spots: Iterable[int], start: int, end: int, among: frozenset[str] | None = None
) -> frozenset[str]:
    """The double-byte codecs through which a stretch of ``text[start:end]`` may hold one of the
    characters at ``spots``: those that may read it from bytes inside UTF-8 (:func:`may_be_held`)
    and through which, there, its first byte does stand inside a UTF-8 sequence, as every byte of
    a stretch beyond ASCII does. Around a rare ideograph of correct Chinese, most codecs read
    characters that could stand inside UTF-8, but not beside one another: each codec is told by a
    few neighbours of the spots rather than by reading the window.

    Through Big5, ``茅`` is AD 54: AD continues a sequence, and in ``caf茅`` no lead stands before it.
    Only the codecs ``among`` are asked, if given.

    >>> sorted(holding("caf茅", [3], 0, 4)), sorted(holding("遭到在校生的诟病", [6], 0, 8))
    (['gb18030', 'gbk'], ['gb18030', 'gbk'])
    """
    found: set[str] = set()
    for spot in spots:
        for name, codec in _holders(text[spot]):
            if (
                name not in found
                and (among is None or name in among)
                and _in_sequence(text, spot, start, end, codec)
            ):
                found.add(name)
    return frozenset(found)


@functools.lru_cache(maxsize=8192)
def _holders(character: str) -> tuple[tuple[str, str], ...]:
    """The double-byte codecs that may read ``character`` from bytes inside UTF-8
    (:func:`may_be_held`), asked once a character: a window of Chinese misread as GBK holds
    dozens of spots, most of them characters that every codec or none holds."""
    return tuple((name, codec) for name, codec in DOUBLE_BYTE_CODECS if may_be_held(character, codec))


# A sequence beside the first byte of a character spans at most three bytes before it and three after.
_SEQUENCE = re.compile(MULTI_BYTE)
_SEQUENCE_SPAN = 3


def _in_sequence(text: str, spot: int, start: int, end: int, codec: str) -> bool:
    """Whether through ``codec`` the first byte of ``text[spot]`` stands inside a UTF-8 sequence of
    ``text[start:end]``'s bytes. Most characters tell it alone (:func:`_alone_in_sequence`); for the
    others, each character is at least one byte and UTF-8 sequences never overlap, so the few
    characters around it decide, read from the first.

    >>> _in_sequence("caf茅", 3, 0, 4, "gbk"), _in_sequence("caf茅", 3, 0, 4, "big5")
    (True, False)
    """
    alone = _alone_in_sequence(text[spot], codec)
    if alone is not None:
        return alone
    before = text[max(start, spot - _SEQUENCE_SPAN) : spot].encode(codec, errors="replace")
    around = before + text[spot : min(end, spot + _SEQUENCE_SPAN + 1)].encode(codec, errors="replace")
    first = len(before)
    for found in _SEQUENCE.finditer(around):
        if found.end() > first:
            return found.start() <= first
    return False


@functools.lru_cache(maxsize=8192)
def _alone_in_sequence(character: str, codec: str) -> bool | None:
    """Whether through ``codec`` the first byte of ``character`` stands inside a UTF-8 sequence,
    whatever stands beside it: True if the character's bytes begin with a whole sequence, False if
    the first byte is ASCII or a lead whose sequence they break; None if its neighbours decide (a
    continuation byte first, or a sequence that the character's bytes only begin).

    >>> [_alone_in_sequence(character, "gbk") for character in "诟茅人"]  # DA B8, C3 A9, C8 CB
    [True, True, False]
    >>> _alone_in_sequence("的", "gbk"), _alone_in_sequence("中", "gbk")  # B5 C4, D6 D0
    (None, False)
    """
    data = character.encode(codec, errors="replace")
    if data[0] < 0x80:
        return False
    if data[0] < 0xC0:
        return None
    if _SEQUENCE.match(data) is not None:
        return True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data)  # a sequence begun, or broken
    except UnicodeDecodeError:
        return False
    return None


# What may stand before and after a character's bytes inside UTF-8: nothing, the start of a
# sequence of two, three or four bytes, or its continuation (E1 and F1 take any continuation; a
# second byte of each range a lead may ask for, then any continuation).
_BEFORE = (b"", b"\xc2", b"\xe1", b"\xe1\x80", b"\xf1", b"\xf1\x80", b"\xf1\x80\x80")
_AFTER = (b"", *(second + b"\x80" * more for second in (b"\x80", b"\x90", b"\xa0") for more in range(3)))


@functools.lru_cache(maxsize=8192)
def may_be_held(character: str, codec: str) -> bool:
    """Whether ``codec`` reads ``character`` from bytes that may stand inside UTF-8, as every
    character of a stretch does. A character the codec lacks is a barrier. The misread table's
    rare characters are those some double-byte codec may hold (``scripts/generate_misread_table.py``).

    >>> may_be_held("茅", "gbk"), may_be_held("平", "gbk"), may_be_held("茅", "euc-kr")  # 平: C6 BD
    (True, True, False)
    >>> may_be_held("\u603c", "gbk")  # ED A1: ED is never followed by A1 in UTF-8
    False
    """
    try:
        data = character.encode(codec)
    except UnicodeEncodeError:
        return False
    return any(_is_utf8(before + data + after) for before in _BEFORE for after in _AFTER)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@functools.lru_cache(maxsize=4096)
def single_byte_stretches(piece: str) -> tuple[tuple[str, int, int, str], ...]:
    """``(codec, start, end, decoded)``: what the single-byte codecs whose shapes ``piece`` holds turn
    back into UTF-8 in it. Pieces repeat (``é’``, ``Ã©``), so the answer for each is kept."""
    found: list[tuple[str, int, int, str]] = []
    for name, codec, shape in SINGLE_BYTE_READINGS:
        if shape.search(piece) is not None:
            found += [(name, *stretch) for stretch in _stretches(piece, codec, double_byte=False)]
    return tuple(found)


def double_byte_stretches(piece: str, names: frozenset[str]) -> list[tuple[str, int, int, str]]:
    """``(codec, start, end, decoded)``: what the double-byte codecs ``names`` turn back into UTF-8
    in ``piece``. (The pieces are the text around a spot, which real text does not repeat.)"""
    found: list[tuple[str, int, int, str]] = []
    for name, codec in DOUBLE_BYTE_CODECS:
        if name in names:
            found += [(name, *stretch) for stretch in _stretches(piece, codec, double_byte=True)]
    return found
