"""A second chance for mojibake that ftfy declines: UTF-8 misread through many codecs.

ftfy judges first (see :mod:`presswash.steps.mojibake`). Its heuristic is
tuned to Windows-1252 and declines much else: ``JosГ©`` (UTF-8 read as
Windows-1251), ``Nicol√°s`` (Mac Roman), ``ÅŒtsuchi``, text read through code
pages 437 and 850, KOI8, or the East Asian double-byte codecs (``caf茅``,
``譚ｱ莠ｬ``). This module undoes those misreads where the evidence says so:

- **Round trip.** A stretch of text is a candidate only if encoding it with the
  codec gives bytes that decode as strict UTF-8, with at least one character
  beyond ASCII (:mod:`presswash.steps.misread_stretches`). Correct text almost
  never does: most words fail at once.
- **What the result looks like.** The repaired word must be cleaner than the
  word it replaces (:func:`~presswash.steps.plausibility.oddity` lower: one
  script per word, no letter beside a symbol, ...) and hold no control,
  private-use or unassigned character.
- **The rest of the document.** A repair that lowers the oddity by one only
  (one character, one improbable pair) is made when the same codec explains at
  least two improbable things in the document; alone it is too weak.
- **Lost bytes.** A U+FFFD where a continuation byte was lost turns the whole
  character into one U+FFFD, and the rest is decoded.
- **Where to look.** :mod:`presswash.steps.misread_screen` finds the places a
  misread may be; only the stretches there are read, and judged only in words
  that hold something improbable (a repair must remove something). A codec
  proven in the document has its neutral repairs looked for everywhere.

Misreads of misreads are undone layer by layer, each layer judged the same way.

    >>> undo_misreads("Jos\\u0413\\u00a9 Mart\\u00ed said d'\\u0413\\u00a9tat")
    "José Martí said d'état"
    >>> undo_misreads("Nicol\\u221a\\u00b0s, \\u00c5\\u0152tsuchi, caf\\u8305 cr\\u8305e")
    'Nicolás, Ōtsuchi, café crée'
    >>> undo_misreads("Москва, 東京, São Paulo, IRMÃ")  # correct text stays
    'Москва, 東京, São Paulo, IRMÃ'
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from presswash.edits import ChangeLog, Edit, apply_edits, splice
from presswash.steps._misread_table import DOUBLE_BYTE_CODECS, SINGLE_BYTE_CODECS
from presswash.steps.misread_classes import DOUBLE_BYTE_START
from presswash.steps.misread_screen import may_hold_misread, suspect_runs
from presswash.steps.misread_stretches import double_byte_stretches, holding, single_byte_stretches
from presswash.steps.misread_words import LONGEST_WORD, Words, in_plain_word, word_oddity
from presswash.steps.plausibility import (
    LETTERS,
    character_kind,
    is_clean,
    is_rare_ideograph,
    mixes_scripts,
    oddity,
)

# Non-ASCII runs: a misread changes only non-ASCII characters (a double-byte codec
# may swallow an ASCII byte into one, but never leaves it beside).
NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")
CODEC_ORDER = {name: index for index, (name, _) in enumerate(SINGLE_BYTE_CODECS + DOUBLE_BYTE_CODECS)}
DOUBLE_BYTE_NAMES = frozenset(name for name, _ in DOUBLE_BYTE_CODECS)
# Layers of misreads undone at most; a text misread three times is rare, more is noise.
MOST_LAYERS = 3
# A single-byte misread sequence is a lead and at most three continuations.
LONGEST_SEQUENCE = 4
# Characters on each side of a double-byte spot first read for the stretches that hold it; where
# one reaches as far, farther.
REACH = 16
# A repair that removes this many improbable things is evidence enough by itself.
STRONG = 2
# A codec is proven in a document by this much evidence, or by two conclusive repairs;
# only then are its neutral repairs made.
PROVEN = 2 * STRONG


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


def _candidates(text: str, proven: frozenset[str] = frozenset()) -> Iterator[Misread]:
    """For each codec and word, the repair of the stretches of it that the codec turns back into UTF-8.

    Only stretches where the screen finds a spot are read (see
    :mod:`presswash.steps.misread_screen`), and only in words that hold
    something improbable, for only there can a repair gain anything. For the
    ``proven`` codecs, whose neutral repairs are made too, words that hold
    nothing improbable are read as well, and for the double-byte ones among
    them every stretch of the text.
    """
    words = Words(text)
    if proven:
        suspect = _suspect_stretches(text, proven & DOUBLE_BYTE_NAMES, among=proven)
    else:
        suspect = _suspect_stretches(text, frozenset(), words)
    for codec, left, right, stretches in _by_word(suspect, words):
        # The cheaper question first: whether the repair rejects itself at its edges.
        if _clashes_at_edges(text, left, right, stretches):
            continue
        if codec not in proven and word_oddity(text[left:right]) == 0:
            continue
        misread = _judge(text, left, right, stretches, codec)
        if misread is not None:
            yield misread


def _by_word(
    suspect: Iterable[tuple[str, int, int, str]], words: Words
) -> list[tuple[str, int, int, list[tuple[int, int, str]]]]:
    """``(codec, left, right, stretches)``: the ``suspect`` stretches of each codec, in order,
    grouped by the word ``text[left:right]`` they are judged in.

    Stretches of one codec whose words overlap are judged in one word, the two joined: a stretch
    reaches over every word it touches, and a misread NBSP is a word of its own (so is each
    KOI8-R reads in a misread Chinese sentence, a long word judged a piece at a time). ``déjà``
    read as Windows-1251 is ``dГ©jГ\xa0``: its second stretch is judged in ``dГ©jГ\xa0``, its
    first in ``dГ©jГ``, and either repaired alone leaves the other's ``Г`` among Latin letters.
    Each stretch is in one group, so judging stays linear.

    >>> text = "d\u0413\u00a9j\u0413\u00a0 vu"
    >>> _by_word([("windows-1251", 1, 3, "é"), ("windows-1251", 4, 6, "à")], Words(text))
    [('windows-1251', 0, 6, [(1, 3, 'é'), (4, 6, 'à')])]
    """
    groups: list[tuple[str, int, int, list[tuple[int, int, str]]]] = []
    last: dict[str, int] = {}  # where each codec's last group is in groups
    for name, start, end, decoded in sorted(suspect, key=_start):
        left, right = words.around(start, end)
        index = last.get(name)
        if index is not None:
            _, before_left, before_right, stretches = groups[index]
            if left < before_right:
                groups[index] = (name, min(left, before_left), max(right, before_right), stretches)
                stretches.append((start, end, decoded))
                continue
        last[name] = len(groups)
        groups.append((name, left, right, [(start, end, decoded)]))
    return groups


def _clashes_at_edges(text: str, left: int, right: int, stretches: list[tuple[int, int, str]]) -> bool:
    """Whether the repair of ``stretches`` (in order) in the word ``text[left:right]`` puts a letter
    beside an unchanged letter of a script that shares no words with its own, which
    :func:`_judge` would reject the repair for (it mixes scripts), found at the cost of a few
    characters rather than the whole word (Chinese text, without spaces, is judged hundreds of
    characters at a time): ``没`` read as GBK is ``û``, which ``现已没落`` puts between ideographs.

    >>> _clashes_at_edges("现已没落", 0, 4, [(2, 3, "û")]), _clashes_at_edges("caf茅", 0, 4, [(3, 4, "é")])
    (True, False)
    """
    return any(
        _mixes_scripts_pair(pair, latin_among_cjk=True) for pair in _edges(text, left, right, stretches)
    )


def _edges(text: str, left: int, right: int, stretches: list[tuple[int, int, str]]) -> Iterator[str]:
    """The pairs, in reading order, that the repair of ``stretches`` (in order) makes in the word
    ``text[left:right]`` of a character it gives back and a neighbour it leaves as it was; up to
    stretches that overlap, which are left to the judge.

    >>> list(_edges("xab-c", 0, 5, [(1, 3, "é"), (4, 5, "ü")]))
    ['xé', 'é-', '-ü']
    """
    for index, (start, end, decoded) in enumerate(stretches):
        if index > 0 and stretches[index - 1][1] > start:
            return
        if start > left and (index == 0 or stretches[index - 1][1] < start):
            yield text[start - 1] + decoded[0]
        if end < right and (index + 1 == len(stretches) or stretches[index + 1][0] > end):
            yield decoded[-1] + text[end]


# Pairs of characters repeat (an ideograph beside each letter it may be misread as).
_mixes_scripts_pair = functools.lru_cache(maxsize=8192)(mixes_scripts)


def _start(stretch: tuple[str, int, int, str]) -> int:
    return stretch[1]


def _suspect_stretches(
    text: str, everywhere: frozenset[str], words: Words | None = None, among: frozenset[str] | None = None
) -> set[tuple[str, int, int, str]]:
    """``(codec, start, end, decoded)``: the stretches that a codec turns back into UTF-8 and that
    hold one of the screen's spots (for the codecs ``everywhere``, all of them); with ``words``
    (no codec proven), not those in a run that lies in a word holding nothing improbable, which
    would not be judged; with ``among``, only those of these codecs (the proven ones, whose
    stretches are all that is read again once codecs are proven).

    A double-byte stretch is kept only where it holds its spot: the characters beside a Latin
    letter or the rare ideograph the screen found. Around a rare ideograph of correct Chinese
    text, other characters read as GBK give stretches that only put letters of other scripts
    between ideographs (``没`` is ``û``).
    """
    found: set[tuple[str, int, int, str]] = set()
    runs = suspect_runs(text)
    run_starts = [run[0] for run in runs]
    for run_start, run_end, single, double in runs:
        if words is not None and (
            (not _odd_at(text, double) and in_plain_word(text, words, run_start, run_end))
            or _mixes_scripts_untouched(text, words, run_start, run_end, runs, run_starts)
        ):
            continue
        # A single-byte stretch is a chain of sequences, each beginning at a spot.
        for start, end in _merged((spot, spot + LONGEST_SEQUENCE) for spot in single):
            end = min(end, run_end)
            found.update(
                (name, start + begin, start + finish, decoded)
                for name, begin, finish, decoded in single_byte_stretches(text[start:end])
                if among is None or name in among
            )
        for start, end in _parts_around(double, run_start, run_end):
            inside = double[bisect_left(double, start) : bisect_left(double, end)]
            names = holding(text, inside, start, end, among)
            found.update(_around(text, start, end, run_start, run_end, names, double))
    if everywhere:
        for run in NON_ASCII_RUN.finditer(text):
            if DOUBLE_BYTE_START.search(run.group()) is not None:
                found.update(
                    (name, run.start() + begin, run.start() + finish, decoded)
                    for name, begin, finish, decoded in double_byte_stretches(run.group(), everywhere)
                )
    return found


def _odd_at(text: str, spots: list[int]) -> bool:
    """Whether one of the double-byte ``spots`` of ``text`` is itself improbable, so that its word
    is no plain word: a rare ideograph, or a letter beside a Latin letter of another script
    (``升A小调``), found without reading the word (Chinese: a sentence).

    >>> _odd_at("遭到在校生的诟病", [6]), _odd_at("升A小调", [2]), _odd_at("NHK홀", [3])
    (True, True, True)
    """
    return any(
        is_rare_ideograph(text[spot])
        or (spot > 0 and _mixes_scripts_pair(text[spot - 1 : spot + 1]))
        or _mixes_scripts_pair(text[spot : spot + 2])
        for spot in spots
    )


def _mixes_scripts_untouched(
    text: str,
    words: Words,
    start: int,
    end: int,
    runs: list[tuple[int, int, list[int], list[int]]],
    run_starts: list[int],
) -> bool:
    """Whether the run ``text[start:end]`` lies in a word, judged whole, that holds a Latin letter
    beside a letter of a script that shares no words with Latin, outside every one of the ``runs``
    (where the screen found spots; their starts: ``run_starts``). No repair in the word can undo
    that, so every repair in it mixes scripts, which :func:`_judge` rejects: the run is not read.
    An ASCII letter beside an ideograph, kana or hangul is no such sign: Chinese, Japanese and
    Korean put Latin words among their own (``本FC平台``), and a repair there may stand.

    >>> def untouched(text):
    ...     runs = suspect_runs(text)
    ...     start, end = runs[0][:2]
    ...     return runs, _mixes_scripts_untouched(text, Words(text), start, end, runs, [start])
    >>> untouched("xΩ-caf茅")  # Ω beside x, outside every spot's run: 茅 is not read
    ([(6, 7, [], [6])], True)
    >>> untouched("本FC平台")  # 平 beside C is a spot, 本 beside F none
    ([(3, 5, [], [3])], False)
    """
    left, right = words.word_at(start)
    if words.word_at(end - 1) != (left, right) or right - left > LONGEST_WORD:
        return False  # judged in more than one word, or a piece at a time
    for found in _LETTER_BESIDE_NON_ASCII.finditer(text, left, right):
        letter = found.start()
        # The character beyond ASCII before the letter, then after it, each with where their pair begins.
        for other, pair in ((letter - 1, letter - 1), (letter + 1, letter)):
            if (
                left <= other < right
                and not text[other].isascii()
                and _mixes_scripts_pair(text[pair : pair + 2], latin_among_cjk=True)
                and not _in_runs(other, runs, run_starts)
            ):
                return True
    return False


# An ASCII letter beside a character beyond ASCII: in Chinese, fewer than its runs of those.
_LETTER_BESIDE_NON_ASCII = re.compile("[A-Za-z](?:(?=[^\x00-\x7f])|(?<=[^\x00-\x7f].))")


def _in_runs(position: int, runs: list[tuple[int, int, list[int], list[int]]], run_starts: list[int]) -> bool:
    index = bisect_right(run_starts, position) - 1
    return index >= 0 and position < runs[index][1]


def _holds_one(spots: list[int], start: int, end: int) -> bool:
    """Whether one of ``spots`` (in order) lies in ``[start, end)``.

    >>> _holds_one([3, 9], 4, 9), _holds_one([3, 9], 4, 10)
    (False, True)
    """
    index = bisect_left(spots, start)
    return index < len(spots) and spots[index] < end


def _parts_around(spots: list[int], run_start: int, run_end: int) -> list[tuple[int, int]]:
    """The parts of the run ``text[run_start:run_end]`` first read around its double-byte ``spots``
    (in order): ``REACH`` characters on each side of each, those that overlap or touch joined.

    >>> _parts_around([20, 30, 90], 0, 100)
    [(4, 47), (74, 100)]
    """
    return [
        (max(start, run_start), min(end, run_end))
        for start, end in _merged((spot - REACH, spot + REACH + 1) for spot in spots)
    ]


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, the overlapping and touching ones joined.

    >>> _merged([(0, 4), (3, 7), (9, 13)])
    [(0, 7), (9, 13)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _around(
    text: str, start: int, end: int, run_start: int, run_end: int, names: frozenset[str], spots: list[int]
) -> set[tuple[str, int, int, str]]:
    """The stretches of ``text[start:end]``, part of the run ``text[run_start:run_end]``, that the
    double-byte codecs ``names`` turn back into UTF-8 and that hold one of ``spots`` (in order).

    A stretch that reaches the part's end may go on beyond it (or be a piece
    of one that does): the part is then widened, twice as far each time. Only
    the stretches that hold a spot are asked: UTF-8 sequences begin at a lead
    byte, which no other byte is, so widening changes no stretch away from the
    ends (in correct Chinese, GBK reads most characters as pieces of UTF-8).
    """
    reach = REACH
    while True:
        found = {
            (name, start + begin, start + finish, decoded)
            for name, begin, finish, decoded in double_byte_stretches(text[start:end], names)
            if _holds_one(spots, start + begin, start + finish)
        }
        early = start > run_start and any(begin < start + 2 for _, begin, _, _ in found)
        late = end < run_end and any(finish > end - 2 for _, _, finish, _ in found)
        if not (early or late):
            return found
        start = max(run_start, start - reach) if early else start
        end = min(run_end, end + reach) if late else end
        reach *= 2


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
    if mixes_scripts(after, latin_among_cjk=True):
        return None
    left_over = oddity(after) - _latin_beside_repaired_cjk(text, left, right, stretches)
    gain = word_oddity(text[left:right]) - left_over
    if gain < 0:
        return None
    # Two improbable things gone, or a word made clean by a repair shorter than
    # the misread (several characters for one: ``ÅŒ`` for ``Ō``).
    conclusive = gain >= STRONG or (gain > 0 and left_over == 0 and len(repaired) < end - start)
    # A repair that leaves a clean word: neutral alone (``é`` for ``챕``), but
    # made where the codec is proven in the document.
    plausible = left_over == 0
    return Misread(start, end, repaired, codec, gain, conclusive, plausible)


def _latin_beside_repaired_cjk(
    text: str, left: int, right: int, stretches: list[tuple[int, int, str]]
) -> int:
    """How many ASCII letters of the word ``text[left:right]``, left as they were, the repair of
    ``stretches`` puts beside an ideograph, kana or hangul it gives back: :func:`oddity` counts
    each such pair, which Chinese, Japanese and Korean hold all the time (``BBK의``), as improbable.
    Pairs the word held before the repair still count, so a repair gains nothing from them.

    >>> _latin_beside_repaired_cjk("BBK\u00fd\u00d8\u00ff", 0, 6, [(3, 6, "의")])
    1
    """
    return sum(
        _mixes_scripts_pair(pair) and not _mixes_scripts_pair(pair, latin_among_cjk=True)
        for pair in _edges(text, left, right, stretches)
    )


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
    by_codec = _by_codec(_candidates(text))
    evidence = {codec: sum(misread.gain for misread in found) for codec, found in by_codec.items()}
    proven = {
        codec
        for codec, found in by_codec.items()
        if evidence[codec] >= PROVEN or sum(misread.conclusive for misread in found) >= 2
    }
    if proven:
        # Repairs that gain nothing are made for a proven codec, also in words that held nothing
        # improbable, and for a double-byte one away from the spots (a lone ``懈``, ``и`` read as GBK).
        by_codec.update(
            (codec, found)
            for codec, found in _by_codec(_candidates(text, frozenset(proven))).items()
            if codec in proven
        )
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


def _by_codec(candidates: Iterable[Misread]) -> dict[str, list[Misread]]:
    by_codec: dict[str, list[Misread]] = {}
    for candidate in candidates:
        by_codec.setdefault(candidate.codec, []).append(candidate)
    return by_codec


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
