"""A second chance for mojibake that ftfy declines: UTF-8 misread through many codecs.

ftfy judges first (see :mod:`presswash.steps.mojibake`). Its heuristic is
tuned to Windows-1252 and declines much else: ``JosГ©`` (UTF-8 read as
Windows-1251), ``Nicol√°s`` (Mac Roman), ``ÅŒtsuchi``, text read through code
pages 437 and 850, KOI8, or the East Asian double-byte codecs (``caf茅``,
``譚ｱ莠ｬ``). This module undoes those misreads where the evidence says so:

- **Round trip.** A stretch of text is a candidate only if encoding it with the
  codec gives bytes that decode as strict UTF-8, with at least one character
  beyond ASCII. Correct text almost never does: most words fail at once.
- **What the result looks like.** The repaired word must be cleaner than the
  word it replaces (:func:`~presswash.steps.plausibility.oddity` lower: one
  script per word, no letter beside a symbol, ...) and hold no control,
  private-use or unassigned character.
- **The rest of the document.** A repair that lowers the oddity by one only
  (one character, one improbable pair) is made when the same codec explains at
  least two improbable things in the document; alone it is too weak.
- **Lost bytes.** A U+FFFD where a continuation byte was lost turns the whole
  character into one U+FFFD, and the rest is decoded.

Misreads of misreads are undone layer by layer, each layer judged the same way.

    >>> undo_misreads("Jos\\u0413\\u00a9 Mart\\u00ed said d'\\u0413\\u00a9tat")
    "José Martí said d'état"
    >>> undo_misreads("Nicol\\u221a\\u00b0s, \\u00c5\\u0152tsuchi, caf\\u8305 cr\\u8305e")
    'Nicolás, Ōtsuchi, café crée'
    >>> undo_misreads("Москва, 東京, São Paulo, IRMÃ")  # correct text stays
    'Москва, 東京, São Paulo, IRMÃ'
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-*" codecs)

from presswash.edits import ChangeLog, Edit, apply_edits, splice
from presswash.sieve import COMMON_PUNCTUATION, UNCOMMON, AsciiSieve
from presswash.steps._misread_table import (
    DOUBLE_BYTE_CODECS,
    DOUBLE_BYTE_LEADS,
    SINGLE_BYTE_CODECS,
    SINGLE_BYTE_SEQUENCES,
)
from presswash.steps.plausibility import LETTERS, character_kind, is_clean, mixes_scripts, oddity

# A misread through a single-byte codec leaves a lead-byte character before a
# continuation-byte character of the same codec (SCREEN); through a double-byte
# codec, a character that begins with a lead byte (DOUBLE_BYTE). Text without
# either holds no misread.
SCREEN = re.compile(
    "|".join(f"[{leads}][{continuations}]" for _, leads, continuations in SINGLE_BYTE_SEQUENCES)
)
DOUBLE_BYTE = re.compile(f"[{DOUBLE_BYTE_LEADS}]")
DOUBLE_BYTE_FLOOR = DOUBLE_BYTE_LEADS[0]  # text below it holds no double-byte character


def _characters(body: str) -> frozenset[str]:
    """The characters of a character-class body of the generated table (characters and ranges).

    >>> sorted(_characters("a-cx"))
    ['a', 'b', 'c', 'x']
    """
    found: set[str] = set()
    for low, high in re.findall("(.)(?:-(.))?", body, flags=re.DOTALL):
        found.update(map(chr, range(ord(low), ord(high or low) + 1)))
    return frozenset(found)


# Each single-byte codec with its own leads and continuations.
SINGLE_BYTE_READINGS = tuple(
    (name, codec, _characters(leads), _characters(continuations))
    for (name, codec), (_, leads, continuations) in zip(
        SINGLE_BYTE_CODECS, SINGLE_BYTE_SEQUENCES, strict=True
    )
)


def _codecs_by_character(position: int) -> dict[str, int]:
    """Per lead (``position`` 2) or continuation (3) character, the codecs it is one in (bit i: codec i)."""
    found: dict[str, int] = {}
    for index, reading in enumerate(SINGLE_BYTE_READINGS):
        for character in reading[position]:
            found[character] = found.get(character, 0) | 1 << index
    return found


LEAD_OF = _codecs_by_character(2)
CONTINUATION_OF = _codecs_by_character(3)


def _class(characters: Iterable[str]) -> str:
    return "".join(map(re.escape, sorted(characters)))


# A lead of some codec beside a continuation of some codec, one of them beyond the
# common punctuation (which spells no pair: a test checks it); overlapping pairs
# are all found. Whether the two belong to one codec is then asked of LEAD_OF and
# CONTINUATION_OF: one pattern that scans fast, where SCREEN tries every codec.
ANY_PAIR = re.compile(
    f"[{_class(LEAD_OF)}][{_class(set(CONTINUATION_OF) - set(COMMON_PUNCTUATION))}]"
    f"|[{_class(set(LEAD_OF) - set(COMMON_PUNCTUATION))}][{_class(CONTINUATION_OF)}]"
)  # the same, found faster where none is (most text)
CANDIDATE_PAIR = re.compile(
    f"(?=([{_class(LEAD_OF)}][{_class(set(CONTINUATION_OF) - set(COMMON_PUNCTUATION))}]"
    f"|[{_class(set(LEAD_OF) - set(COMMON_PUNCTUATION))}][{_class(CONTINUATION_OF)}]))"
)
# What any single-byte codec reads a lead byte as: characters that can start a misread.
SINGLE_BYTE_LEADS = "".join(leads for _, leads, _ in SINGLE_BYTE_SEQUENCES)

# UTF-8 sequences of two to four bytes (no overlong forms, no surrogates), and
# the ASCII that a double-byte codec can swallow into a character.
_MULTI_BYTE = (
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# Encoding replaces a character the codec lacks with "?", which must end a stretch:
# no other character of a non-ASCII run encodes as "?".
_SWALLOWED = rb"[\x00-\x3e\x40-\x7f]"
UTF8_STRETCH = re.compile(
    rb"(?:%b|%b)*(?:%b)(?:%b|%b)*" % (_MULTI_BYTE, _SWALLOWED, _MULTI_BYTE, _MULTI_BYTE, _SWALLOWED)
)
# Windows-1252 and its relatives lose unassigned bytes as U+FFFD; in a sequence
# it stands for one continuation byte, and the sequence becomes one U+FFFD.
LOST = "\ufffd"
_LOST_BYTE = 0x1A  # what ftfy's sloppy codecs encode U+FFFD as
_LOSSY_SEQUENCE = re.compile(rb"%b|[\xc2-\xf4][\x80-\xbf\x1a]{1,3}" % _MULTI_BYTE)
_LOSSY_STRETCH = re.compile(rb"(?:%b)+" % _LOSSY_SEQUENCE.pattern)
# Non-ASCII runs: a misread changes only non-ASCII characters (a double-byte codec
# may swallow an ASCII byte into one, but never leaves it beside).
NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")
# Each codec is looked up once, here, rather than when a text first needs it.
for _, _codec in SINGLE_BYTE_CODECS + DOUBLE_BYTE_CODECS:
    codecs.lookup(_codec)
CODEC_ORDER = {name: index for index, (name, _) in enumerate(SINGLE_BYTE_CODECS + DOUBLE_BYTE_CODECS)}
# Layers of misreads undone at most; a text misread three times is rare, more is noise.
MOST_LAYERS = 3
# Sieves every ASCII character out: the screen reads what is left.
NON_ASCII = AsciiSieve("")
# Characters beyond the common punctuation that the screen looks around; past
# this many, it reads the whole sieved text.
SCREENED_AROUND = 16
# Distinct uncommon characters looked for one by one; past this many, the text is scanned.
FOUND_ONE_BY_ONE = 8
# Occurrences of a character that the screen visits in the text; past this many,
# the text may hold a misread.
VISITS = 64
# A repair that removes this many improbable things is evidence enough by itself.
STRONG = 2
# A codec is proven in a document by this much evidence, or by two conclusive repairs;
# only then are its neutral repairs made.
PROVEN = 2 * STRONG
SPACE = re.compile(r"\s")
# Words longer than this (text without spaces) are judged a piece of this length at a time.
LONGEST_WORD = 256
LAST_SPACE = re.compile(r"\s\S*\Z")  # searched up to a position: the last whitespace before it


@dataclass(frozen=True, slots=True)
class Misread:
    """``text[start:end]`` is UTF-8 read as ``codec``; ``replacement`` is what it said."""

    start: int
    end: int
    replacement: str
    codec: str
    gain: int  # how many improbable things the repair removes
    conclusive: bool  # whether it is evidence enough by itself
    plausible: bool  # whether it is worth making where the document proves the codec


def may_hold_misread(text: str, notable: str | None = None) -> bool:
    """False only if ``text`` certainly holds no misread this module could undo.

    ``notable`` is ``text`` sieved (see :mod:`presswash.sieve`; if not given,
    its characters beyond ASCII). The screen reads it, and looks up in
    ``text`` the few pairs of a lead and a continuation character it finds
    there, which may be apart in ``text``.

    >>> may_hold_misread("Café – “déjà vu”, naïve"), may_hold_misread("JosГ©"), may_hold_misread("caf茅")
    (False, True, True)
    >>> may_hold_misread("“He” paid £5.")  # in Mac Roman ” begins a sequence and £ continues one
    False
    """
    if notable is None:
        if text.isascii():
            return False
        notable = NON_ASCII(text)
    # Every pair and every double-byte character is beyond the common punctuation (a test checks it).
    if UNCOMMON.search(notable) is None:
        return False
    if max(notable) >= DOUBLE_BYTE_FLOOR and DOUBLE_BYTE.search(notable) is not None:
        return True
    if ANY_PAIR.search(notable) is None:
        return False
    anchors: set[str] = set()
    for looked_at, candidate in enumerate(CANDIDATE_PAIR.finditer(notable)):
        if looked_at == SCREENED_AROUND:
            return _seen_in(text, notable, _anchors(SCREEN.findall(notable)))
        pair = candidate.group(1)
        lead, continuation = pair[0], pair[1]
        if LEAD_OF[lead] & CONTINUATION_OF[continuation]:
            anchors.add(continuation if continuation not in COMMON_PUNCTUATION else lead)
    return _seen_in(text, notable, anchors)


def _in_pair(text: str, position: int) -> bool:
    """Whether ``text[position]`` and a neighbour are a lead and a continuation of one codec."""
    character = text[position]
    before = LEAD_OF.get(text[position - 1], 0) if position else 0
    after = CONTINUATION_OF.get(text[position + 1], 0) if position + 1 < len(text) else 0
    return bool(before & CONTINUATION_OF.get(character, 0) or LEAD_OF.get(character, 0) & after)


def _anchors(pairs: list[str]) -> set[str]:
    """The rarer character of each pair: the one beyond the common punctuation."""
    return {pair[1] if pair[1] not in COMMON_PUNCTUATION else pair[0] for pair in pairs}


def _seen_in(text: str, notable: str, anchors: set[str]) -> bool:
    """Whether a pair of the screen occurs in ``text`` (sieved: ``notable``) at one of ``anchors``."""
    # A pair side by side in the sieved text may be apart in the text: look at
    # each occurrence of its rarer character there.
    for anchor in anchors:
        if notable.count(anchor) > VISITS:
            return True  # each visit costs: past a few, the second chance decides
        position = text.find(anchor)
        while position != -1:
            if _in_pair(text, position):
                return True
            position = text.find(anchor, position + 1)
    return False


def _stretches(run: str, codec: str, double_byte: bool) -> Iterator[tuple[int, int, str]]:
    """``(start, end, decoded)``: the stretches of ``run`` that ``codec`` turns back into UTF-8."""
    # ftfy's sloppy codecs write U+FFFD as byte 1A, which then stands for the lost byte.
    lossy = codec.startswith("sloppy-") and LOST in run
    encoded = run.encode(codec, errors="replace")  # "?": a character the codec lacks, a barrier
    if not double_byte:
        offsets = None
    elif len(encoded) == 2 * len(run):
        offsets = None  # every character two bytes: character i starts at byte 2i
    else:
        offsets = {}
        position = 0
        for index, character in enumerate(run):
            offsets[position] = index
            position += len(character.encode(codec, errors="replace"))
        offsets[position] = len(run)
    width = 2 if double_byte else 1
    pattern = _LOSSY_STRETCH if lossy else UTF8_STRETCH
    for found in pattern.finditer(encoded):
        begin, finish = found.span()
        if offsets is None:
            if begin % width or finish % width:
                continue
            start, end = begin // width, finish // width
        elif begin in offsets and finish in offsets:
            start, end = offsets[begin], offsets[finish]
        else:
            continue
        decoded = _decode(found.group(), lossy)
        if decoded is not None:
            yield start, end, decoded


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


class _Words:
    """The words of a text (between whitespace) around stretches visited in order.

    The last word found is kept, so that the many stretches of a long word
    (text without spaces) cost one search for its ends.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._word = (0, 0)

    def _word_at(self, position: int) -> tuple[int, int]:
        start, end = self._word
        if start <= position < end:
            return self._word
        if self._text[position].isspace():
            return position, position + 1  # a misread NBSP: its own word
        before = LAST_SPACE.search(self._text, end if end <= position else 0, position)
        after = SPACE.search(self._text, position)
        self._word = (
            before.start() + 1 if before else (end if end <= position else 0),
            after.start() if after else len(self._text),
        )
        return self._word

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the words that ``[start, end)`` begins and ends in.

        A word longer than LONGEST_WORD (text without spaces) is judged a piece
        of that length at a time, so that judging stays linear.
        """
        left, right = self._word_at(start)[0], max(end, self._word_at(end - 1)[1])
        if right - left <= LONGEST_WORD:
            return left, right
        piece = start - start % LONGEST_WORD
        return max(left, piece), min(right, max(end, piece + LONGEST_WORD))


def _candidates(text: str) -> Iterator[Misread]:
    """For each codec and word, the repair of every stretch of it that the codec turns back into UTF-8."""
    by_word: dict[tuple[str, int, int], list[tuple[int, int, str]]] = {}
    words = _Words(text)
    for run_start, run in _uncommon_runs(text):
        for name, start, end, decoded in _run_stretches(run):
            start, end = run_start + start, run_start + end
            by_word.setdefault((name, *words.around(start, end)), []).append((start, end, decoded))
    for (codec, left, right), stretches in by_word.items():
        misread = _judge(text, left, right, stretches, codec)
        if misread is not None:
            yield misread


def _uncommon_runs(text: str) -> Iterator[tuple[int, str]]:
    """``(start, run)``: the runs beyond ASCII that hold a character beyond the common punctuation.

    Runs of the common punctuation alone spell no misread (a test checks it).

    >>> list(_uncommon_runs("“No,” he said, “caf\\u00c3\\u00a9’s”"))
    [(19, 'Ã©’')]
    """
    end = 0
    for position in _uncommon_positions(text):
        if position < end:
            continue
        start = position
        while start > 0 and not text[start - 1].isascii():
            start -= 1
        run = NON_ASCII_RUN.match(text, start)
        assert run is not None
        end = run.end()
        yield start, run.group()


def _uncommon_positions(text: str) -> Iterator[int]:
    """Where ``text`` holds a character beyond ASCII and the common punctuation, in order.

    Text with few distinct such characters (news: ``é``, ``£``) is searched
    for each with ``str.find``, many times faster than a pattern reads it.
    """
    distinct = set(UNCOMMON.findall(NON_ASCII(text)))
    if len(distinct) > FOUND_ONE_BY_ONE:
        yield from (found.start() for found in UNCOMMON.finditer(text))
        return
    positions: list[int] = []
    for character in distinct:
        position = text.find(character)
        while position != -1:
            positions.append(position)
            position = text.find(character, position + 1)
    yield from sorted(positions)


def suspect_runs(text: str) -> list[int]:
    """Where the runs of ``text`` that the screen finds a possible misread in start.

    >>> suspect_runs("Jos\u0413\u00a9 – Nicolás, “£5”")  # Mac Roman reads “£ as one character too
    [3, 17]
    """
    return [start for start, run in _uncommon_runs(text) if SCREEN.search(run) or DOUBLE_BYTE.search(run)]


@functools.lru_cache(maxsize=4096)
def _run_stretches(run: str) -> tuple[tuple[str, int, int, str], ...]:
    """``(codec, start, end, decoded)``: what every codec turns back into UTF-8 in a run beyond ASCII.

    Runs repeat (``é’``, ``Ã©``), so the answer for each is kept.
    """
    found: list[tuple[str, int, int, str]] = []
    for name, codec, leads, continuations in SINGLE_BYTE_READINGS:
        if any(lead in leads and next in continuations for lead, next in itertools.pairwise(run)):
            found += [(name, *stretch) for stretch in _stretches(run, codec, double_byte=False)]
    if DOUBLE_BYTE.search(run) is not None:
        for name, codec in DOUBLE_BYTE_CODECS:
            found += [(name, *stretch) for stretch in _stretches(run, codec, double_byte=True)]
    return tuple(found)


def _judge(
    text: str, left: int, right: int, stretches: list[tuple[int, int, str]], codec: str
) -> Misread | None:
    """The repair of the word ``text[left:right]``'s ``stretches``, if it makes the word read better."""
    start, end = stretches[0][0], stretches[-1][1]
    repaired = splice(
        text[start:end], ((begin - start, finish - start, new) for begin, finish, new in stretches)
    )
    if not is_clean(repaired) and is_clean(text[start:end]):
        return None
    after = text[left:start] + repaired + text[end:right]
    if mixes_scripts(after):
        return None
    left_over = oddity(after)
    gain = oddity(text[left:right]) - left_over
    if gain < 0:
        return None
    # Two improbable things gone, or a word made clean by a repair shorter than
    # the misread (several characters for one: ``ÅŒ`` for ``Ō``).
    conclusive = gain >= STRONG or (gain > 0 and left_over == 0 and len(repaired) < end - start)
    # A repair that leaves a clean word: neutral alone (``é`` for ``챕``), but
    # made where the codec is proven in the document.
    plausible = left_over == 0
    return Misread(start, end, repaired, codec, gain, conclusive, plausible)


def find_misreads(text: str, screened: bool = False) -> list[Misread]:
    """The misreads in ``text`` that the evidence supports, in order, not overlapping.

    Each codec's evidence is what its candidate repairs remove in the whole
    text; codecs with more evidence are preferred, then the order of the table.
    A repair with little gain of its own is made only for a codec with enough.
    ``screened`` is as for :func:`undo_misreads`.

    >>> [(m.codec, m.replacement) for m in find_misreads("caf\\u8305 and cr\\u8305e")]
    [('gbk', 'é'), ('gbk', 'é')]
    >>> find_misreads("Le caf\\u8305 est chaud.")[0].replacement  # the only ideograph: no Chinese word
    'é'
    >>> find_misreads("東京の caf\\u8305")  # one improbable pair among ideographs: too weak
    []
    """
    if not (screened or may_hold_misread(text)):
        return []
    by_codec: dict[str, list[Misread]] = {}
    for candidate in _candidates(text):
        by_codec.setdefault(candidate.codec, []).append(candidate)
    evidence = {codec: sum(misread.gain for misread in found) for codec, found in by_codec.items()}
    proven = {
        codec
        for codec, found in by_codec.items()
        if evidence[codec] >= PROVEN or sum(misread.conclusive for misread in found) >= 2
    }
    scripts: Counter[str] | None = None  # of the text's letters beyond ASCII, counted when first asked
    chosen: list[Misread] = []
    for codec in sorted(by_codec, key=lambda codec: (-evidence[codec], CODEC_ORDER[codec])):
        for misread in by_codec[codec]:
            accepted = (
                misread.conclusive
                or (misread.gain > 0 and evidence[codec] >= STRONG)
                or (misread.plausible and codec in proven)
            )
            if not accepted and misread.gain > 0:
                scripts = scripts if scripts is not None else _scripts(text)
                accepted = _stands_alone(text[misread.start : misread.end], scripts)
            if accepted and not _overlaps(chosen, misread):
                insort(chosen, misread, key=lambda found: found.start)
    return chosen


def _scripts(text: str) -> Counter[str]:
    """How many letters beyond ASCII ``text`` holds in each script."""
    return Counter(
        kind[1] for kind in map(character_kind, "".join(NON_ASCII_RUN.findall(text))) if kind[0] in LETTERS
    )


def _stands_alone(misread: str, scripts: Counter[str]) -> bool:
    """Whether the letters of ``misread`` are of scripts that the rest of the text does not use.

    ``caf챕`` in French: no other hangul in the text, so 챕 is no Korean word.
    """
    own = Counter(kind[1] for kind in map(character_kind, misread) if kind[0] in LETTERS and kind[1])
    return bool(own) and all(scripts[script] == count for script, count in own.items())


def _overlaps(chosen: list[Misread], misread: Misread) -> bool:
    """Whether ``misread`` overlaps one of ``chosen`` (in order, not overlapping)."""
    index = bisect_left(chosen, misread.start, key=lambda found: found.start)
    after = index < len(chosen) and chosen[index].start < misread.end
    before = index > 0 and chosen[index - 1].end > misread.start
    return after or before


def misread_edits(text: str) -> list[Edit]:
    """The repairs of :func:`undo_misreads` as edits of ``text``, each naming the misreads it undid.

    >>> edits = misread_edits("Jos\\u0413\\u00a9 Nicol\\u221a\\u00b0s")
    >>> [(edit.start, edit.end, edit.replacement, edit.detail) for edit in edits]
    [(3, 5, 'é', 'utf-8 read as windows-1251'), (11, 13, 'á', 'utf-8 read as mac-roman')]
    """
    log = ChangeLog(text)
    for layer in range(MOST_LAYERS):
        found = find_misreads(log.text)
        if not found:
            break
        log.record("misreads", [Edit(m.start, m.end, m.replacement, f"{layer} {m.codec}") for m in found])
    return [
        Edit(change.start, change.end, change.replacement, _describe(change.detail)) for change in log.changes
    ]


def _describe(layers: str) -> str:
    """``"utf-8 read as A, then as B"`` from the layers undone, outermost first ("0 B; 1 A")."""
    codecs = [layer.split(" ", 1)[1] for layer in layers.split("; ")]
    codecs.reverse()  # the first misread is the innermost layer
    return "utf-8 read as " + ", then as ".join(codecs)


def undo_misreads(text: str, screened: bool = False) -> str:
    """``text`` with the misreads that the evidence supports undone, layer by layer.

    ``screened`` says that :func:`may_hold_misread` has found ``text`` may hold one.
    """
    for _ in range(MOST_LAYERS):
        found = find_misreads(text, screened=screened)
        if not found:
            break
        text = apply_edits(text, (Edit(m.start, m.end, m.replacement) for m in found))
        screened = False
    return text
