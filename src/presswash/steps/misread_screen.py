"""Where a text may hold a misread that the second chance could undo: its screen.

UTF-8 misread through a single-byte codec leaves a *shape*: a character the
codec reads a lead byte as, followed by as many of its continuation characters
as the lead announces (``Ã©``: C3 then A9 through Windows-1252; ``Г©`` the same
through Windows-1251). Correct text rarely has one: Devanagari, Thai, CJK or
Hangul never (none of their characters is in any of these codecs), Russian only
where a letter happens to stand before ``ё`` or ``»``. Through a double-byte
codec a misread begins with a character read from a lead byte (``caf茅``:
C3 A9 through GBK), and leaves either such a character beside a Latin letter (in
text written in Chinese, Japanese or Korean, which put them beside Latin letters
all the time, one with none of its kind beside it) or characters correct text
seldom holds (ideographs outside the common sets, halfwidth katakana, private
use: ``譚ｱ莠ｬ``, ``涓枃``). The character classes
come from the codecs' own tables (``scripts/generate_misread_table.py``), made into patterns
by :mod:`presswash.steps.misread_classes`.

Reading a text character by character in Python would cost more than all other
cleaning. So the text's UTF-8 is first turned into one byte per character
(``bytes.translate`` drops the continuation bytes and maps each lead byte to
its kind): a pair of characters that may be a lead and a continuation is then
a two-byte string that ``bytes.find`` looks for at memory speed, and only the
few places it finds are read. Where they are many (Cyrillic and Greek text,
whose letters are leads of Windows-1251 and 1253), one compiled pattern reads
the text instead. Either way the cost grows with the text's length only. Where
presswash's compiled helpers are built, the kinds are read from the text as
CPython stores it, and the pairs that begin a shape are found exactly, by each
character's codecs (see :func:`_single_byte_spots`).

Even that byte-level look costs more than the rest of the mojibake step on
English news, whose characters beyond ASCII are a few quotes, dashes, ``£`` and
``é``. There the cleaner's sieved text (:mod:`presswash.sieve`) is read instead:
it says which characters that may begin a shape the text holds, and which pairs
of them may (two characters side by side in the text are so in the sieved text
too), and ``str.find`` finds each, or the rarer of each pair, in the text at
memory speed, to be looked at only where another character beyond ASCII stands
beside it.

    >>> may_hold_misread("Café – “déjà vu”, naïve"), may_hold_misread("JosГ©"), may_hold_misread("caf茅")
    (False, True, True)
    >>> may_hold_misread("“He” paid £5."), may_hold_misread("東京の新しいタワー、Москва")
    (False, False)
    >>> misread_spots("Jos\u0413\u00a9 and Nicol\u221a\u00b0s")
    [3, 15]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

from presswash import bmp_scan, sieve
from presswash.bmp_scan import NarrowableScan
from presswash.sieve import NON_ASCII, UNCOMMON, kinds_by_first_byte
from presswash.step import class_points, class_ranges
from presswash.steps._misread_table import (
    DOUBLE_BYTE_RARE,
    DOUBLE_BYTE_STARTS,
    SINGLE_BYTE_SHAPES,
)
from presswash.steps.misread_classes import (
    CONTINUATION,
    CONTINUATION_MASKS,
    CONTINUATIONS,
    CONTINUING,
    DOUBLE_BYTE_START,
    LEAD_MASKS,
    LETTER_BESIDE_START,
    PAIR_MEMBER,
    RARE,
    SHAPE,
    SHAPE_CONTINUATIONS,
    SHAPE_LEADS,
    SINGLE_BYTE_LEADS,
    may_begin_shape,
)
from presswash.steps.misread_words import outside_plain_words
from presswash.storage_width import within_latin1


def _first_bytes(bodies: str) -> set[int]:
    """The first UTF-8 bytes of the characters of the class bodies ``bodies``."""
    found: set[int] = set()
    for low, high in class_ranges(bodies):
        first, last = (
            chr(low).encode("utf-8", "surrogatepass")[0],
            chr(high).encode("utf-8", "surrogatepass")[0],
        )
        found.update(range(first, last + 1))
    return found


def _kinds(marks: dict[int, bytes]) -> bytes:
    """A ``bytes.translate`` table: byte to its mark, ``.`` if it has none."""
    return bytes(marks.get(byte, b".")[0] for byte in range(256))


# The characters of single-byte codecs whose UTF-8 begins with EF, like those of the fullwidth and
# halfwidth forms, private use and compatibility ideographs of double-byte misreads.
_SINGLE_BYTE_LATE = tuple(
    sorted({chr(point) for point in class_points(CONTINUATIONS + SINGLE_BYTE_LEADS) if point >= 0xF000})
)
# One byte per character, by the first byte of its UTF-8: "A" a character some single-byte codec
# reads a byte as may begin so, "D" a character a double-byte misread begins with or is full of,
# "E" one of either kind (EF), "a" an ASCII letter, "." the rest.
_KINDS = _kinds(
    {
        **dict.fromkeys(_first_bytes(CONTINUATIONS + SINGLE_BYTE_LEADS) - {0xEF}, b"A"),
        **dict.fromkeys(_first_bytes(DOUBLE_BYTE_STARTS + DOUBLE_BYTE_RARE) - {0xEF}, b"D"),
        0xEF: b"E",
        **dict.fromkeys(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", b"a"),
    }
)
# The kinds of the characters below U+0100 by their Latin-1 byte: their UTF-8 begins with C2 (from
# U+0080) or C3 (from U+00C0).
_LATIN1_KINDS = bytes(_KINDS[byte if byte < 0x80 else 0xC2 + (byte >= 0xC0)] for byte in range(256))
# Text whose sieved form is shorter than this share of it is looked at in that form first.
SPARSE = 0.25
# "." for an ASCII character: where the runs of characters beyond ASCII begin and end.
_NON_ASCII_KINDS = _kinds(dict.fromkeys(range(0xC0, 0x100), b"n"))
# A letter before (the spot one on) or after a double-byte character, in kinds with "E" read as "D".
_BESIDE_LETTERS = ((b"aD", 1), (b"Da", 0))
# In text written in Chinese, Japanese or Korean: a character of either double-byte kind with none
# of its kinds beside it, after a letter (the spot one on) or before one (the spot one back).
# Each is found at the letter, which the engine skips to: letters are few in such text.
_LONE_BESIDE_LETTERS = (
    (re.compile(rb"a[DE](?![DE])"), 1),
    (re.compile(rb"a(?<=[DE]a)(?<![DE][DE]a)"), -1),
)
# Whether a letter stands beside a character of either double-byte kind, and whether one such
# character has none of its kinds beside it (either of the two above: the engine takes their
# letter out as the prefix it skips to). Each pattern begins with the letter, which the engine
# skips to: letters are few where double-byte characters crowd the text, through which a search
# for either pair steps a byte at a time. In text whose first LATIN_SAMPLE characters are mostly
# Latin letters (a Latin text quoting a Chinese name), the first search begins with the character.
_LETTER_BESIDE_DOUBLE = re.compile(rb"a(?:[DE]|(?<=[DE]a))")
_LETTER_BESIDE_LONE_DOUBLE = re.compile(b"|".join(pattern.pattern for pattern, _ in _LONE_BESIDE_LETTERS))
_DOUBLE_BESIDE_LETTER = re.compile(rb"[DE](?:a|(?<=a[DE]))")
LATIN_SAMPLE = 64
# Past this many characters of the double-byte kinds for each Latin letter, a text is written in
# Chinese, Japanese or Korean: their news holds eight or more (data/multilingual), and a Latin
# text misread through a double-byte codec at most four, in its shortest, most accented words
# (Yoruba ``Dọ́là`` read as GBK is ``D峄嵦乴脿``).
CJK_PER_LETTER = 6
# Kinds with "E" read as "D": a double-byte character beside a letter is then one of two pairs.
_AS_DOUBLE = bytes.maketrans(b"E", b"D")
# Kinds with "E" read as "A": a single-byte shape is then a pair "AA" (in text that holds a
# character of _SINGLE_BYTE_LATE; the others of kind "E" are only looked at in vain).
_AS_SINGLE = bytes.maketrans(b"E", b"A")
# Places that the screen reads one by one before it reads the rest of the text with a pattern.
FOUND_ONE_BY_ONE = 16
# Text whose sieved form is shorter than this share of it has its single-byte shapes looked for
# from that form (English news: 0.5 to 2.5%).
SHAPES_FROM_SIEVED = 1 / 32
# Sieved text whose characters looked for lie this many characters of the text apart, or fewer,
# has too many to look for one by one (each costs about as much as reading 160 characters of the
# text by kind): the text is read instead.
MEMBERS_APART = 160
# Sieved text whose leads and continuations could make more pairs than this (Portuguese, French)
# is read by kind: its pairs side by side hold characters too common to look for one by one.
PAIRS_LOOKED_UP = 64
# Places that lie this many characters apart on average, or nearer, are too many to read one
# by one: the rest of the text is read by a pattern.
DENSE = 8
# The characters double-byte misreads are full of, looked for in whole texts (Chinese and Japanese
# hold a few) and in sieved ones, as are the others here, by bitmap where presswash's compiled
# helpers are built.
_RARE = NarrowableScan(RARE)
_DOUBLE_BYTE_START = NarrowableScan(DOUBLE_BYTE_START)
_PAIR_MEMBER = NarrowableScan(PAIR_MEMBER)


def may_hold_misread(text: str, notable: str | None = None) -> bool:
    """False only if ``text`` certainly holds no misread that the second chance would undo.

    ``notable`` is ``text`` sieved (see :mod:`presswash.sieve`; if not given,
    its characters beyond ASCII), read first for a character beyond the common punctuation.
    Where it is much shorter than ``text`` (English news), single-byte shapes are looked for
    from it (:func:`_sieved_shape`) and the text itself is not read through.
    """
    if notable is None:
        if text.isascii():
            return False
        notable = NON_ASCII(text)
    # Every shape and every double-byte start is beyond the common punctuation (a test checks it).
    if UNCOMMON.search(notable) is None:
        return False
    double_byte = True  # whether the text may hold a double-byte start or a rare character
    nearly_ascii = len(notable) < len(text) * SPARSE
    if nearly_ascii:
        # A double-byte start needs a Latin letter beside it, which sieved text lacks: where the
        # sieved text holds one, the text is read. Otherwise the shapes of text that is nearly all
        # ASCII are looked for from its sieved form (more characters beyond ASCII, and that costs
        # more than it saves).
        double_byte = (
            _DOUBLE_BYTE_START.over(notable).search(notable) is not None
            or _RARE.over(notable).search(notable) is not None
        )
        if len(notable) < len(text) * SHAPES_FROM_SIEVED and not double_byte:
            shape = _sieved_shape(text, notable)
            if shape is not None:
                return shape
        if not _may_hold(notable, _kinds_of(notable), letters=False):
            return False  # characters side by side in the text still are once sieved
    kinds = None  # read only where a double-byte misread is looked for, or a shape by kind
    if double_byte:
        kinds = _kinds_of(text, nearly_ascii)
        if not _may_hold(text, kinds):
            return False
        if (b"D" in kinds or b"E" in kinds) and _RARE.over(text).search(text) is not None:
            return True
        if next(_double_byte_spots(text, kinds, rare=False), None) is not None:
            return True
    return outside_plain_words(text, _single_byte_spots(text, kinds, nearly_ascii))


def may_hold_misread_around(text: str, notable: str, characters: str) -> bool:
    """:func:`may_hold_misread`, for a text (sieved: ``notable``) whose characters of
    ``MISREAD_CHARACTERS`` are exactly the distinct ``characters``, as the cleaner's screen of
    text largely non-ASCII finds them. A shape is looked for only where one of them follows a
    lead of its codec, found by a fast search for that one character (where they are more than
    ``FOUND_ONE_BY_ONE``, the text is read: :func:`may_hold_misread`); a double-byte start only
    beside a Latin letter.

        >>> text = "«Москва» — 5 км, NHK홀에서"
        >>> may_hold_misread_around(text, text, "«»"), may_hold_misread_around("JosГ©", "JosГ©", "©")
        (False, True)
        >>> may_hold_misread_around("caf茅", "caf茅", "茅"), may_hold_misread_around("東京", "東京", "")
        (True, False)
    """
    if RARE.search(characters) is not None:
        return True
    shape_starts = "".join(CONTINUATION.findall(characters))
    if len(shape_starts) > FOUND_ONE_BY_ONE:
        return may_hold_misread(text, notable)
    # A continuation character after a lead of a codec that reads a continuation byte as it (a
    # fast search for one character), then the shape there (SHAPE matches at its first
    # continuation, the lead just before). Where there are more such characters to look for than
    # one, the compiled pair search reads the text once for them all (Greek: 3.8 µs an article,
    # against 8.2 µs for its five or so).
    shapes: Iterable[int]
    if len(shape_starts) > 1 and bmp_scan.COMPILED:
        shapes = _single_byte_spots(text)
    else:
        shapes = (
            found.start() - 1
            for character in shape_starts
            for found in _after_lead(character).finditer(text, 1)
            if SHAPE.match(text, found.start()) is not None
        )
    if outside_plain_words(text, shapes):
        return True
    # Double-byte starts are as common as the letters of Chinese or Korean text: looked for beside
    # the Latin letters they need.
    if DOUBLE_BYTE_START.search(characters) is None:
        return False
    return next(_double_byte_spots(text, _kinds_of(text), rare=False), None) is not None


def may_hold_misread_crowded(text: str, characters: str) -> bool:
    """:func:`may_hold_misread`, for a text largely non-ASCII whose rare characters (``RARE``) are
    exactly those among ``characters``, as the cleaner's screen of text crowded with the
    characters misreads begin with lists them (the ideographs of Chinese, which a double-byte
    misread begins with, or the accented letters of Vietnamese, which single-byte ones do).
    Shapes and double-byte starts are looked for in the text by kind.

        >>> may_hold_misread_crowded("Đà Nẵng, “Việt Nam”", ""), may_hold_misread_crowded("東京 caf茅", "")
        (False, True)
    """
    if RARE.search(characters) is not None:
        return True
    kinds = _kinds_of(text)
    if next(_double_byte_spots(text, kinds, rare=False), None) is not None:
        return True
    return outside_plain_words(text, _single_byte_spots(text, kinds))


@functools.cache
def _after_lead(continuation: str) -> re.Pattern[str]:
    """Matches ``continuation`` after a character that a codec reading a continuation byte as it
    reads a lead byte as: where a shape may begin. Greek text has many ``π`` (a continuation of
    Mac Roman), but none after a Mac Roman lead.

    >>> _after_lead("\u00a9").search("Jos\u0413\u00a9 ©"), _after_lead("π").search("επί")
    (<re.Match object; span=(4, 5), match='©'>, None)
    """
    leads = "".join(
        two + three + four
        for _, two, three, four, continuations in SINGLE_BYTE_SHAPES
        if re.fullmatch(f"[{continuations}]", continuation) is not None
    )
    escaped = re.escape(continuation)
    return re.compile(f"{escaped}(?<=[{leads}]{escaped})")


def _sieved_shape(text: str, notable: str) -> bool | None:
    """Whether ``text``, sieved as the much shorter ``notable``, holds a single-byte shape (None: it
    has too many characters to look at one by one; the text is to be read).

    Each shape begins with a lead and a continuation of one codec side by side, one of them beyond
    the common punctuation (``PAIR_MEMBER``), and the sieve keeps every character beyond ASCII:
    ``notable`` says which of them ``text`` holds and how often. Each is then found in ``text``
    by ``str.find``, at memory speed, and looked at where another character beyond ASCII stands
    beside it. English text holds few (``£``, ``é``). Where they are more (German, with an ä,
    ö, ü or ß every 80 characters), ``notable`` tells which pairs that begin a shape the text
    may hold: two characters side by side in the text are side by side in ``notable`` too. Only
    the one of each such pair that ``notable`` holds less often is looked for (in German, the
    quotation mark of ``ß“``). Where presswash's compiled helpers are built, their search for the
    pairs that begin a shape reads the text instead (a German article: 2.5 µs, against 6.5 µs for
    the pairs).

        >>> _sieved_shape("it’s £5", "’£"), _sieved_shape("Beyoncé’s", "é’"), _sieved_shape("JosГ©", "Г©")
        (False, False, True)
    """
    most = max(FOUND_ONE_BY_ONE, len(text) // MEMBERS_APART)
    members = "".join(_PAIR_MEMBER.over(notable).findall(notable))
    if len(members) <= most and len(looked_for := set(members)) <= FOUND_ONE_BY_ONE:
        return outside_plain_words(text, set(_shapes_beside(text, looked_for)))
    if bmp_scan.COMPILED:
        return None  # the compiled pair search reads the text for less than the pairs cost
    distinct = set(notable)
    leads = SHAPE_LEADS.intersection(distinct)
    if len(leads) * len(SHAPE_CONTINUATIONS.intersection(distinct)) > PAIRS_LOOKED_UP:
        return None
    pairs = (
        lead + continuation for lead in leads for continuation in CONTINUING[lead].intersection(distinct)
    )
    rarer = {min(pair, key=notable.count) for pair in pairs if pair in notable}
    if sum(map(notable.count, rarer)) > most:
        return None
    return outside_plain_words(text, set(_shapes_beside(text, rarer)))


def _shapes_beside(text: str, characters: Iterable[str]) -> Iterator[int]:
    """The single-byte shapes of ``text`` that hold one of ``characters`` as their first or
    second character, each found by ``str.find``; one may be given twice."""
    for character in characters:
        position = text.find(character)
        while position != -1:
            # SHAPE matches at a shape's first continuation, the lead just before it.
            if position > 0 and text[position - 1] > "\x7f" and _shape_at(text, position):
                yield position - 1
            if text[position + 1 : position + 2] > "\x7f" and _shape_at(text, position + 1):
                yield position
            position = text.find(character, position + 1)


def may_hold_misread_sieved(notable: str, utf8: bytes) -> bool:
    """False only if the text whose UTF-8 is ``utf8``, sieved as ``notable``, certainly holds no
    misread, judged without decoding it (for columnar cleaning). A shape found in ``notable`` may
    be one only there (``”£`` from ``“No” for £5``): its first two characters are looked up in
    ``utf8``, where UTF-8 being self-synchronizing, their bytes occur exactly where they do.

    >>> text = "“No” for £5"
    >>> may_hold_misread_sieved("“”£", text.encode()), may_hold_misread_sieved("Г©", "JosГ©".encode())
    (False, True)
    """
    if UNCOMMON.search(notable) is None:
        return False
    kinds = _kinds_of(notable)
    if b"D" in kinds or b"E" in kinds:
        return True
    for seen, spot in enumerate(_single_byte_spots(notable, kinds)):
        if seen == FOUND_ONE_BY_ONE or notable[spot : spot + 2].encode("utf-8", "surrogatepass") in utf8:
            return True
    return False


def _kinds_of(text: str, nearly_ascii: bool = False) -> bytes:
    """One byte per character of ``text``: its kind (see ``_KINDS``). Where the compiled helper
    is not built (see :func:`~presswash.sieve.kinds_by_first_byte`), a text ``nearly_ascii``
    (sieved to a small share of it) may be stored a byte a character (see
    :mod:`presswash.storage_width`): then its Latin-1 encoding, a copy, is read, at under half
    the cost of encoding it to UTF-8 and dropping continuations. Text largely non-ASCII seldom
    is, and asking would cost it more than it saves.

    >>> _kinds_of("Fußball ß", nearly_ascii=True), _kinds_of("Fußball “ß”", nearly_ascii=True)
    (b'aaAaaaa.A', b'aaAaaaa.AAA')
    """
    if nearly_ascii and not sieve.COMPILED and within_latin1(text):
        return text.encode("latin-1").translate(_LATIN1_KINDS)
    return kinds_by_first_byte(text, _KINDS)


def _may_hold(text: str, kinds: bytes, letters: bool = True) -> bool:
    """Whether ``text``, whose kinds are ``kinds``, may hold a spot: two characters side by side that
    may be a lead and a continuation, or a character a double-byte misread begins with or is full
    of (beside a Latin letter, if ``letters``: sieved text has none)."""
    if b"AA" in kinds or (b"E" in kinds and _holds_late(text)):
        return True
    if b"D" not in kinds and b"E" not in kinds:
        return False
    if not letters:
        return True
    return bool(_places_beside_letters(kinds)) or _RARE.over(text).search(text) is not None


def _holds_late(text: str) -> bool:
    return any(late in text for late in _SINGLE_BYTE_LATE)


def misread_spots(text: str) -> list[int]:
    """Where in ``text``, a repair of ftfy's, a misread may be left, in order: the first character
    of each single-byte shape, each character a double-byte misread is full of. A double-byte start
    beside a Latin letter is no sign of one there: correct Chinese and Japanese hold one in most
    lines (``FBIが``).
    """
    if text.isascii():
        return []
    return sorted({*_single_byte_spots(text), *(found.start() for found in _RARE.over(text).finditer(text))})


def suspect_runs(text: str) -> list[tuple[int, int, list[int], list[int]]]:
    """``(start, end, single, double)``: the runs of characters beyond ASCII that hold a spot, with
    their spots of single-byte and of double-byte misreads.

    >>> suspect_runs("Jos\u0413\u00a9 said “caf\u8305” – Nicolás")
    [(3, 5, [3], []), (15, 17, [], [15])]
    """
    if text.isascii():
        return []
    kinds = kinds_by_first_byte(text, _KINDS)
    spots = [(spot, False) for spot in set(_single_byte_spots(text, kinds))]
    spots += [(spot, True) for spot in set(_double_byte_spots(text, kinds))]
    if not spots:
        return []
    kinds = kinds_by_first_byte(text, _NON_ASCII_KINDS)
    runs: list[tuple[int, int, list[int], list[int]]] = []
    for spot, double in sorted(spots):
        if not runs or spot >= runs[-1][1]:
            start = kinds.rfind(b".", 0, spot) + 1
            end = kinds.find(b".", spot)
            runs.append((start, len(text) if end == -1 else end, [], []))
        _, _, single_byte, double_byte = runs[-1]
        (double_byte if double else single_byte).append(spot)
    return runs


def _single_byte_spots(text: str, kinds: bytes | None = None, nearly_ascii: bool = False) -> Iterator[int]:
    """The first character of each single-byte shape in ``text`` (its kinds: ``kinds``, if read
    already; ``nearly_ascii`` as for :func:`_kinds_of`).

    Where the compiled helper is built (see :mod:`presswash.bmp_scan`), it finds exactly the
    pairs of one codec's lead and continuation that every shape begins with, and the kinds are
    not read: Turkish text, whose letters beyond ASCII are all of a kind that may begin one,
    holds dozens of pairs of that kind in an article and seldom a pair that does. Otherwise each
    pair of that kind is looked at.
    """
    following: Callable[[int], int]
    if bmp_scan.COMPILED:
        following = functools.partial(bmp_scan.find_pair, text, LEAD_MASKS, CONTINUATION_MASKS)
        first = following(0)
    else:
        if kinds is None:
            kinds = _kinds_of(text, nearly_ascii)
        if b"E" in kinds and _holds_late(text):
            kinds = kinds.translate(_AS_SINGLE)
        first, following = _first_and_following(kinds, b"AA")
    # The pattern matches at a shape's first continuation: the spot is the lead before it.
    yield from (position - 1 for position in _found(text, first, following, 1, _shape_at, SHAPE))


def _double_byte_spots(text: str, kinds: bytes, rare: bool = True) -> Iterator[int]:
    """The double-byte starts beside a Latin letter in ``text`` (its kinds: ``kinds``) where a
    misread's would stand (see :func:`_places_beside_letters`), and the characters double-byte
    misreads are full of."""
    if b"D" not in kinds and b"E" not in kinds:
        return
    for first, following, offset in _places_beside_letters(kinds):
        yield from _found(text, first, following, offset, _start_at, LETTER_BESIDE_START)
    if rare:
        yield from (found.start() for found in _RARE.over(text).finditer(text))


def _places_beside_letters(kinds: bytes) -> list[tuple[int, Callable[[int], int], int]]:
    """``(first, following, offset)``: for each way a character of either double-byte kind may stand
    beside a Latin letter as a misread's would, where ``kinds`` first holds it (-1: nowhere), where
    next from a place on, and the character's offset from that place; empty where none does.
    Text written in Chinese, Japanese or Korean (see ``CJK_PER_LETTER``) puts ideographs, kana and
    hangul beside Latin letters in most paragraphs (``FBIが``, ``GDP增长``): there only such a
    character that stands alone, with none of its kinds beside it, is looked at, as in a misread
    Latin word among them (``Z眉rich``, ``caf茅 ``).

    >>> def spots(kinds):
    ...     return [first + offset for first, _, offset in _places_beside_letters(kinds) if first != -1]
    >>> chinese = "今年中国的GDP增长了百分之五，这是近年来最快的增长速度，也是今年最好的经济消息之一。"
    >>> spots(_kinds_of("caf\u8305")), spots(_kinds_of(chinese)), spots(_kinds_of(chinese + " caf\u8305"))
    ([3], [], [47])
    """
    if b"a" not in kinds:
        return []
    latin = kinds.count(b"a", 0, LATIN_SAMPLE) * 2 > LATIN_SAMPLE
    if (_DOUBLE_BESIDE_LETTER if latin else _LETTER_BESIDE_DOUBLE).search(kinds) is None:
        return []
    late = b"E" in kinds
    if _written_in_cjk(kinds, late):
        if _LETTER_BESIDE_LONE_DOUBLE.search(kinds) is None:
            return []
        return [
            (_next_match(pattern, kinds, 0), functools.partial(_next_match, pattern, kinds), offset)
            for pattern, offset in _LONE_BESIDE_LETTERS
        ]
    beside = kinds.translate(_AS_DOUBLE) if late else kinds
    return [(*_first_and_following(beside, pair), offset) for pair, offset in _BESIDE_LETTERS]


def _written_in_cjk(kinds: bytes, late: bool) -> bool:
    """Whether ``kinds`` holds more than ``CJK_PER_LETTER`` characters of the double-byte kinds
    ("E" among them if ``late``) for each Latin letter. Text written so holds them by the hundred
    and letters by the dozen: a part of it twice as long as the count needs tells, and is counted
    first (Chinese: a fifth of an article).

    >>> _written_in_cjk(b"DDDDDDDaD" + b"D" * 7, late=False), _written_in_cjk(b"aaaD.DEE", late=True)
    (True, False)
    """
    most = kinds.count(b"a") * CJK_PER_LETTER
    part = 2 * (most + 1)
    for end in (part, len(kinds)) if part < len(kinds) else (len(kinds),):
        if kinds.count(b"D", 0, end) + (kinds.count(b"E", 0, end) if late else 0) > most:
            return True
    return False


def _next_match(pattern: re.Pattern[bytes], kinds: bytes, start: int) -> int:
    """Where ``pattern`` next matches in ``kinds`` from ``start`` on (-1: nowhere)."""
    found = pattern.search(kinds, start)
    return -1 if found is None else found.start()


def _first_and_following(kinds: bytes, pair: bytes) -> tuple[int, Callable[[int], int]]:
    """Where ``kinds`` first holds ``pair`` (-1: nowhere), and where it next does from a place on."""
    first = _literal(pair).search(kinds)
    return -1 if first is None else first.start(), functools.partial(kinds.find, pair)


def _found(
    text: str,
    first: int,
    following: Callable[[int], int],
    offset: int,
    confirm: Callable[[str, int], bool],
    scan: re.Pattern[str],
) -> Iterator[int]:
    """Positions ``p`` where ``confirm(text, p)`` holds, ``p - offset`` being a place that ``first``
    and ``following`` tell (the first, and the next from a place on; -1: none): looked at one by
    one while they are few, the rest of ``text`` read by ``scan`` where they are dense (Cyrillic or
    Greek text, whose every letter some codec reads a lead byte as)."""
    position = first
    visited = 0
    while position != -1:
        if confirm(text, position + offset):
            yield position + offset
        visited += 1
        if visited % FOUND_ONE_BY_ONE == 0 and position < visited * DENSE:
            yield from (found.start() for found in scan.finditer(text, position + offset + 1))
            return
        position = following(position + 1)


@functools.cache
def _literal(pair: bytes) -> re.Pattern[bytes]:
    """Finds ``pair`` in kinds: two to three times as fast as ``bytes.find`` where the first is far
    (French text, with an accented letter in thirty characters and two side by side in thousands)."""
    return re.compile(re.escape(pair))


def _shape_at(text: str, position: int) -> bool:
    """Whether a single-byte shape's first continuation is at ``position`` (``position - 1`` its
    lead): first whether the two characters there are a lead and a continuation of one codec (in
    Portuguese, ``çã`` are not), which two look-ups tell, and only then the shape.

    >>> _shape_at("Jos\u0413\u00a9", 4), _shape_at("informação", 7)
    (True, False)
    """
    return may_begin_shape(text[position - 1], text[position]) and SHAPE.match(text, position) is not None


def _start_at(text: str, position: int) -> bool:
    return DOUBLE_BYTE_START.match(text, position) is not None
