"""The runs of ftfy's mojibake heuristic, told from the generated table: the characters that can
stand where in a run, and the runs that a text's distinct characters can spell.

Every match of the heuristic holds a lone suspicious character or one of a few
runs of adjacent characters (see ``scripts/generate_mojibake_table.py``). Real
news uses few non-ASCII characters, so the runs those few can spell are listed
(:func:`run_spellings`), looked for in the text's sieved form, and the ones seen
there looked up in the text itself (:func:`any_occurs_in`). The screen that
decides when this costs less than scanning the text is
:mod:`presswash.steps.mojibake_screen`.

    >>> runs_seen("’“”–…"), runs_seen("£“”")
    ([], ['£“'])
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata

from presswash.bmp_scan import NarrowableScan
from presswash.sieve import COMMON_PUNCTUATION
from presswash.step import class_points
from presswash.steps._mojibake_table import BEYOND_RUNLESS, MOJIBAKE_RUNS, SUSPICIOUS_ALONE

SURROGATES = "\ud800-\udfff"

# Distinct runs found in sieved text, each looked up in the text; past this many
# the answer is "maybe" and ftfy's heuristic decides.
SIEVED_RUNS_TO_LOOK_UP = 32
# Visiting one occurrence of a character costs about as much as reading this many
# characters in a substring search.
VISIT_COST = 200


LONGEST_RUN = max(map(len, MOJIBAKE_RUNS))
# The characters suspicious alone, and surrogates: a few distinct characters are checked against them at once.
LONE_CHARACTERS = frozenset(map(chr, class_points(SUSPICIOUS_ALONE + SURROGATES)))
# The characters outside the runless set, and surrogates: every run and lone character is one.
BEYOND_RUNLESS_CHARACTERS = frozenset(map(chr, class_points(BEYOND_RUNLESS + SURROGATES)))
# The lone characters that only the heuristic reacts to, and only beside some neighbours (``œ``
# before anything but a letter, ``Ã`` before a space): each is judged where it stands by the
# heuristic itself (``mojibake_screen.heuristic_fires_around``). ftfy has fixes of their own for
# the C1 controls and surrogates, which are suspicious wherever they stand.
JUDGED_WHERE_THEY_STAND = frozenset(
    character for character in LONE_CHARACTERS if unicodedata.category(character) not in ("Cc", "Cs")
)


def _runs_by_character() -> dict[str, tuple[int, ...]]:
    """For each character in some run, per position, the runs it can stand at (bit i: MOJIBAKE_RUNS[i])."""
    masks: dict[str, list[int]] = {}
    for index, run in enumerate(MOJIBAKE_RUNS):
        for position, body in enumerate(run):
            for character in map(chr, class_points(body)):
                masks.setdefault(character, [0] * LONGEST_RUN)[position] |= 1 << index
    return {character: tuple(positions) for character, positions in masks.items()}


RUNS_BY_CHARACTER = _runs_by_character()
RUN_CHARACTERS = frozenset(RUNS_BY_CHARACTER)
# The characters beyond the common punctuation that runs and lone suspicious characters are made
# of: a text's decide what it can spell. Looking only for them, a Chinese text is not taken
# apart into its thousands of characters to learn that it uses a pair of quotes.
SPELLING_CHARACTER = re.compile(
    f"[{SUSPICIOUS_ALONE}{SURROGATES}"
    + "".join(map(re.escape, sorted(RUN_CHARACTERS.difference(COMMON_PUNCTUATION))))
    + "]"
)
# Its scan of sieved text, by bitmap where that is long enough (a Turkish article's, or Russian).
SPELLING_SCAN = NarrowableScan(SPELLING_CHARACTER)
# Per position, the runs too short to have it: any character will do there.
_ENDED_BY = tuple(
    sum(1 << index for index, run in enumerate(MOJIBAKE_RUNS) if len(run) <= position)
    for position in range(LONGEST_RUN)
)


# Past this many ways to spell a run with a text's characters, the text may hold one.
MOST_SPELLINGS = 256


@functools.lru_cache(maxsize=1024)
def run_spellings(characters: frozenset[str]) -> tuple[str, ...] | None:
    """Every string of ``characters`` that is a run (None: too many to list).

    Real news uses few non-ASCII characters (quotes, dashes, ``£``) in few
    combinations, so the answer for each combination is kept.

    >>> run_spellings(frozenset("’“”–…"))
    ()
    >>> sorted(run_spellings(frozenset("’“”–£")))  # “ after £, £ after ”, and both
    ['£“', '£”“', '”£']
    """
    present = characters & RUN_CHARACTERS
    found = [0] * LONGEST_RUN
    for character in present:
        for position, runs in enumerate(RUNS_BY_CHARACTER[character]):
            found[position] |= runs
    possible = -1
    for position in range(LONGEST_RUN):
        possible &= found[position] | _ENDED_BY[position]
    spellings: list[str] = []
    for index, run in enumerate(MOJIBAKE_RUNS):
        if not possible >> index & 1:
            continue
        choices = [
            [character for character in present if RUNS_BY_CHARACTER[character][position] >> index & 1]
            for position in range(len(run))
        ]
        if len(spellings) + math.prod(map(len, choices)) > MOST_SPELLINGS:
            return None
        spellings.extend(map("".join, itertools.product(*choices)))
    return tuple(spellings)


def runs_seen(notable: str) -> list[str] | None:
    """The runs that sparse sieved text ``notable`` spells: those its text may hold, to be looked up
    in it (none: it holds no mojibake), or None when it may hold mojibake whatever they are.

    >>> runs_seen("’“”–…"), runs_seen("£“”"), runs_seen("Ã¡")
    ([], ['£“'], None)
    """
    characters = frozenset(SPELLING_SCAN.over(notable).findall(notable))
    if not characters:
        return []  # the common punctuation alone is innocent, as are the rest
    if not characters.isdisjoint(LONE_CHARACTERS):
        return None
    # The distinct characters of ``notable``, found without reading it character by character.
    spellings = run_spellings(characters.union([mark for mark in COMMON_PUNCTUATION if mark in notable]))
    if spellings is None:
        return None
    seen = [spelling for spelling in spellings if spelling in notable]
    if len(seen) > SIEVED_RUNS_TO_LOOK_UP:
        return None  # each look-up reads the text: past a few, the heuristic decides
    return seen


def any_occurs_in(text: str, runs: list[str], notable: str) -> bool:
    """Whether any of ``runs``, seen in ``notable`` (``text`` sieved), occurs in ``text`` itself.

    Each run is looked for at each occurrence of its rarest character in
    ``notable``, which ``str.find`` skips to many times faster than a substring
    search reads its way there; the runs that share that character are looked
    for together, so each occurrence is visited once. In English the rare
    character is the ``£`` of ``£“``, in Lithuanian the ``„`` of ``ą„``.

    >>> any_occurs_in("It cost £5. “No”", ["£“"], notable="£“”")
    False
    >>> any_occurs_in("It cost 5”£ or so”", ["£“", "”£"], notable="”£”")
    True
    """
    counts: dict[str, int] = {}
    by_anchor: dict[str, list[tuple[int, str]]] = {}
    for run in runs:
        anchor = 0
        for place, character in enumerate(run):
            count = counts.get(character)
            if count is None:
                count = counts[character] = notable.count(character)
            if count < counts[run[anchor]]:
                anchor = place
        by_anchor.setdefault(run[anchor], []).append((anchor, run))
    for character, placed in by_anchor.items():
        if counts[character] * VISIT_COST > len(text):
            if any(run in text for _, run in placed):
                return True
            continue
        position = text.find(character)
        while position != -1:
            for anchor, run in placed:
                if anchor <= position and text.startswith(run, position - anchor):
                    return True
            position = text.find(character, position + 1)
    return False
