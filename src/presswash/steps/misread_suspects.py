"""Where the second chance reads: the stretches around the places the screen found.

:mod:`presswash.steps.misread_screen` finds the spots where a misread may be:
the first character of each single-byte shape, each double-byte start beside a
Latin letter, each character double-byte misreads are full of. Only the runs of
characters beyond ASCII that hold one are read through the codecs
(:mod:`presswash.steps.misread_stretches`), and of those only what a repair could
gain from: a run in a plain word, or in a word whose scripts a repair there
could not unmix, is passed over. Around a double-byte spot, a part of its run is
read, and widened only where a stretch reaches its end: correct Chinese text is
one run a sentence long, which GBK reads as pieces of UTF-8 throughout.

    >>> sorted(suspect_stretches("Jos\u0413\u00a9 and caf\u8305", frozenset()))
    [('gb18030', 13, 14, 'é'), ('gbk', 13, 14, 'é'), ('windows-1251', 3, 5, 'é')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from presswash.steps.misread_classes import DOUBLE_BYTE_START
from presswash.steps.misread_screen import suspect_runs
from presswash.steps.misread_stretches import double_byte_stretches, holding, single_byte_stretches
from presswash.steps.misread_words import LONGEST_WORD, Words, in_plain_word
from presswash.steps.plausibility import is_rare_ideograph, mixes_scripts_pair

# Non-ASCII runs: a misread changes only non-ASCII characters (a double-byte codec
# may swallow an ASCII byte into one, but never leaves it beside).
NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")
# A single-byte misread sequence is a lead and at most three continuations.
LONGEST_SEQUENCE = 4
# Characters on each side of a double-byte spot first read for the stretches that hold it; where
# one reaches as far, farther.
REACH = 16


def suspect_stretches(
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
        or (spot > 0 and mixes_scripts_pair(text[spot - 1 : spot + 1]))
        or mixes_scripts_pair(text[spot : spot + 2])
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
    that, so every repair in it mixes scripts, which the judge of repairs rejects
    (:mod:`presswash.steps.misreads`): the run is not read.
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
                and mixes_scripts_pair(text[pair : pair + 2], latin_among_cjk=True)
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
