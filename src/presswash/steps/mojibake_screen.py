"""Where ftfy's mojibake heuristic could fire: the screen that lets most text pass without it.

ftfy's heuristic is a large regular expression and costs more than all other
cleaning together, yet it can only fire on a few lone characters or on runs of
adjacent characters of its alphabet (see ``scripts/generate_mojibake_table.py``).
:func:`may_hold_mojibake` answers "certainly not" for most text from its sieved
form (see :mod:`presswash.sieve`): text whose only non-ASCII characters are the
common punctuation holds no run; other text is looked at for the runs its
distinct characters could spell; text that is largely non-ASCII (Cyrillic,
Greek, Chinese) is scanned once for the characters outside the generated
*runless* set, around which alone a run can be.

    >>> may_hold_mojibake("Nicolás – “déjà vu…” costs £5"), may_hold_mojibake("Nicol\u00c3\u00a1s")
    (False, True)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from ftfy.badness import BADNESS_RE
from ftfy.chardata import C1_CONTROL_RE

from presswash.bmp_scan import NarrowableScan
from presswash.sieve import COMMON_PUNCTUATION, DENSE_SHARE, NON_ASCII
from presswash.steps._mojibake_table import (
    BEYOND_RUNLESS,
    LONGEST_MATCH,
    MOJIBAKE_ALPHABET,
    MOJIBAKE_RUNS,
    SUSPICIOUS_ALONE,
)
from presswash.steps.mojibake_runs import (
    BEYOND_RUNLESS_CHARACTERS,
    JUDGED_WHERE_THEY_STAND,
    LONE_CHARACTERS,
    RUNS_BY_CHARACTER,
    SPELLING_SCAN,
    SURROGATES,
    VISIT_COST,
    any_occurs_in,
    runs_seen,
)

# A lone suspicious character or surrogate, or two alphabet characters side by
# side. Written so the engine scans for one class and only looks further at its
# rare hits: the lookbehind re-tests the character just matched.
MAY_HOLD_MOJIBAKE = re.compile(
    f"[{MOJIBAKE_ALPHABET}{SURROGATES}](?:(?<=[{SUSPICIOUS_ALONE}{SURROGATES}])|[{MOJIBAKE_ALPHABET}])"
)


def _run_pattern(run: tuple[str, ...]) -> str:
    return "".join(f"[{position}]" for position in run)


# Places in largely non-ASCII text around which runs are looked up, in any text; a
# longer text may have one more per VISIT_COST characters.
LOOK_UPS_ANYWAY = 8
# In largely non-ASCII text: where a run or a lone character may be.
BEYOND_RUNLESS_CHARACTER = re.compile(f"[{BEYOND_RUNLESS}{SURROGATES}]")


# Sieved text is looked at instead of the text while it is at most this share of
# it; text in Greek or Cyrillic is mostly non-ASCII, and then the text is scanned.
SIEVED_SHARE = DENSE_SHARE
# Runs are spelled from the characters of sieved text while it is at most this
# share of the text; beyond it (Turkish, Lithuanian), the text's few pairs of
# neighbouring alphabet characters are fewer to look at than the many ways its
# sieved letters could spell a run.
SPELLED_SHARE = 1 / 20
# Spelling runs costs about as much, for each character of the sieved text, as a scan reads
# this many characters of the text (60 to 200 ns a sieved character of French and English news,
# against about 0.4 ns a character for a scan led by one).
SPELLING_COST = 150
# Distinct characters outside the runless set that are looked for in runs by one scan each;
# past them, a text's distinct characters or its pairs of alphabet characters decide.
RUN_SCANS = 8
# Sieved text up to this long has its characters outside the runless set listed at once.
LISTED_AT_ONCE = 512
# Sieved text that costs less to spell than this many scans of the text is spelled without its
# characters counted first: text with uncommon characters nearly always holds the curly double
# quotes too, two scans.
SCANS_ANYWAY = 2


# The common punctuation outside the runless set (quotes), and a class of the rest of that set.
_COMMON_BEYOND_RUNLESS = "".join(mark for mark in COMMON_PUNCTUATION if mark in BEYOND_RUNLESS_CHARACTERS)
_UNCOMMON_BEYOND_RUNLESS = NarrowableScan(
    re.compile(
        "[" + "".join(map(re.escape, sorted(BEYOND_RUNLESS_CHARACTERS.difference(COMMON_PUNCTUATION)))) + "]"
    )
)


def may_hold_mojibake(text: str, notable: str | None = None) -> bool:
    """False only if ftfy would certainly find no mojibake, C1 control or surrogate in ``text``.

    Every match of ftfy's heuristic holds a lone suspicious character or one of
    a few runs of adjacent characters (see ``scripts/generate_mojibake_table.py``).
    The text is sieved (see :mod:`presswash.sieve`; ``notable`` if given, else
    its non-ASCII characters are kept). Text whose only non-ASCII characters
    are the common punctuation (quotes, dashes, ``…``) holds no run. Every run
    holds a character outside the runless set (see
    ``scripts/generate_mojibake_table.py``), so in text with few of them (an
    English article's ``£``, a French one's guillemets) each is looked for in
    runs by one scan of the text that it leads, unless the sieved text is short
    enough that spelling costs less: the runs that its distinct characters could
    spell are then looked for in the sieved text. Those found may be neighbours
    only after sieving (``£“`` from ``£5m. “No”``), so they are then looked up
    in ``text``. Other text is scanned itself, once: for the pairs of
    neighbouring alphabet characters where a run may begin, or, in text that is
    largely non-ASCII (Greek, Cyrillic, Chinese), for the characters outside the
    runless set. The runs are looked for only around the places found.

    >>> may_hold_mojibake("Nicolás – “déjà vu…” costs £5")
    False
    >>> may_hold_mojibake("Nicol\u00c3\u00a1s")
    True
    >>> text = "It cost £5. “No,” she said, “it cost much more than that.”"
    >>> may_hold_mojibake(text, notable="£“”“”")
    False
    """
    if text.isascii():
        return False
    if notable is None:
        notable = NON_ASCII(text)
    if len(notable) <= len(text) * SIEVED_SHARE:
        if SPELLING_SCAN.over(notable).search(notable) is None:
            return False  # the common punctuation alone is innocent, as are the rest
        spelling_cost = len(notable) * SPELLING_COST
        if spelling_cost <= len(text) * SCANS_ANYWAY:
            return _spells_run(text, notable)
        # Where its distinct characters outside the runless set are few (the guillemets of
        # French, the capitals of Turkish), each is looked for in runs by a scan it leads,
        # unless spelling costs less; where they are many, the text is searched for the pairs
        # where a run may begin, unless it is sparse enough to spell its runs.
        distinct, places = _beyond_runless(notable)
        scans_cost = len(distinct) * len(text) + places * VISIT_COST
        if len(distinct) <= RUN_SCANS and scans_cost <= spelling_cost:
            return may_hold_mojibake_around(text, notable, distinct)
        if len(notable) <= len(text) * SPELLED_SHARE:
            return _spells_run(text, notable)
        return _holds_run_around(text, notable, MAY_HOLD_MOJIBAKE)
    return _holds_run_around(text, notable, BEYOND_RUNLESS_CHARACTER)


def _beyond_runless(notable: str) -> tuple[str, int]:
    """The distinct characters outside the runless set that sieved text ``notable`` holds, and
    how often they stand there; in a long text, past ``RUN_SCANS`` of them, only the first
    ``RUN_SCANS + 1`` and their count.

    Its quotes are counted, not listed. The others are listed where the text is short; in a
    longer one (a misread article, where they stand by the hundred), each is found by a
    search and counted, and the text is searched again without it.

    >>> _beyond_runless("“£”’“”")
    ('“”£', 5)
    """
    distinct = ""
    places = 0
    for mark in _COMMON_BEYOND_RUNLESS:
        count = notable.count(mark)
        if count:
            distinct += mark
            places += count
    if len(notable) <= LISTED_AT_ONCE:
        uncommon = _UNCOMMON_BEYOND_RUNLESS.over(notable).findall(notable)
        return distinct + "".join(set(uncommon)), places + len(uncommon)
    found = _UNCOMMON_BEYOND_RUNLESS.over(notable).search(notable)
    while found is not None and len(distinct) <= RUN_SCANS:
        character = found.group()
        distinct += character
        places += notable.count(character)
        notable = notable.replace(character, "")  # none of it stands before the place found
        found = _UNCOMMON_BEYOND_RUNLESS.over(notable).search(notable, found.start())
    return distinct, places


def may_hold_mojibake_around(text: str, notable: str, characters: str) -> bool:
    """:func:`may_hold_mojibake`, for a text (sieved: ``notable``) whose characters outside the
    runless set are exactly the distinct ``characters``: every run and lone character is
    one of them, so the places where they stand are looked at, and the text is not read
    through by a class scan. Each that is not suspicious alone is looked for in runs by one
    scan it leads (:func:`in_run_somewhere`), however often it stands (the guillemets of a
    French article); the lone ones that the heuristic judges by their neighbours (``œ``) are
    looked at where they stand, while the text allows (:func:`judged_fire`). Past
    ``RUN_SCANS`` characters to scan, the text's distinct characters decide
    (:func:`_spells_run`).

    >>> def around(text):
    ...     beyond = "".join(sorted(set(text) & BEYOND_RUNLESS_CHARACTERS))
    ...     return beyond, may_hold_mojibake_around(text, NON_ASCII(text), beyond)
    >>> around("«Это правда» — 5 × 5, “сказал” он")
    ('«»×“”', False)
    >>> around("Это РџСЂРёРІРµС‚")[1]  # "Привет" read as Windows-1251
    True
    >>> around("le cœur et l’œuvre"), around("bœ!")
    (('œ', False), ('œ', True))
    """
    judged = ""
    scanned = ""
    for character in characters:
        if character not in LONE_CHARACTERS:
            scanned += character
        elif character in JUDGED_WHERE_THEY_STAND:
            judged += character
        else:
            return True
    if judged and judged_fire(text, notable, judged):
        return True
    if len(scanned) > RUN_SCANS:
        return _spells_run(text, notable)
    return any(in_run_somewhere(text, character) for character in scanned)


def _spells_run(text: str, notable: str) -> bool:
    """Whether ``text`` (sieved: ``notable``) holds a lone suspicious character or a run, judged
    from its distinct characters: the runs they could spell are looked for in ``notable``, and
    those seen there in ``text`` itself (too many: it may).

    >>> text = "“‘a’“ ”’b‘” " * 100  # dense with quotes, but spelling no run at all
    >>> _spells_run(text, NON_ASCII(text)), _spells_run(text + "NicolÃ¡s", NON_ASCII(text + "NicolÃ¡s"))
    (False, True)
    """
    judged = "".join(character for character in JUDGED_WHERE_THEY_STAND if character in notable)
    if judged:
        if judged_fire(text, notable, judged):
            return True
        # Every match holding one of them has been looked for; the rest may hold a run.
        for character in judged:
            notable = notable.replace(character, "")
    seen = runs_seen(notable)
    # The runs seen may be neighbours only after sieving (``£“`` from ``£5m. “No”``).
    return seen is None or any_occurs_in(text, seen, notable)


def judged_fire(text: str, notable: str, judged: str) -> bool:
    """Whether the heuristic fires around any occurrence in ``text`` (sieved: ``notable``) of the
    ``judged`` characters (of :data:`JUDGED_WHERE_THEY_STAND`); past the look-ups ``text``
    allows, it may.

    >>> text = "le cœur et l’œuvre de l’Œdipe"
    >>> judged_fire(text, NON_ASCII(text), "œŒ"), judged_fire("bœ!", "œ", "œ")
    (False, True)
    """
    if sum(map(notable.count, judged)) > most_look_ups(text):
        return True
    return occurs_where(text, judged, heuristic_fires_around)


def occurs_where(text: str, characters: Iterable[str], test: Callable[[str, int], bool]) -> bool:
    """Whether ``test(text, position)`` holds at some occurrence in ``text`` of one of
    ``characters``, each found by ``str.find``, which skips to it many times faster than a
    regular expression reads its way there.

    >>> occurs_where("a£b £", "£", lambda text, position: text[position - 1] == " ")
    True
    """
    for character in characters:
        position = text.find(character)
        while position != -1:
            if test(text, position):
                return True
            position = text.find(character, position + 1)
    return False


def heuristic_fires_around(text: str, position: int) -> bool:
    """Whether ftfy's heuristic, run on each line of ``text`` as ftfy runs it, could match
    a stretch holding ``position``.

    A match spans at most ``LONGEST_MATCH`` characters of one line, so only those
    around ``position`` are searched. ftfy also cuts very long lines, and its ``^``
    matches where a piece begins: the character is also tried as if one began there.

    >>> heuristic_fires_around("sœur", 1), heuristic_fires_around("Mayor\u00e2\u20ac\u2122s", 6)
    (False, True)
    >>> heuristic_fires_around("x\\n\\u00c3 ", 2)  # ftfy's ``^[ÃÂ] ``, on the second line
    True
    """
    # The line's start, looked for only within reach: looking back to it over a long line,
    # once for each character judged, would make the look-ups quadratic.
    start = max(0, position - LONGEST_MATCH + 1)
    start = text.rfind("\n", start, position) + 1 or start
    end = position + LONGEST_MATCH
    return BADNESS_RE.search(text[start:end]) is not None or BADNESS_RE.match(text[position:end]) is not None


@functools.lru_cache(maxsize=1024)
def _runs_through(character: str) -> tuple[tuple[int, re.Pattern[str]], ...]:
    """Each place a run can have ``character`` at, with a pattern of those runs: ``(place, runs)``.

    >>> [(place, runs.pattern[:9]) for place, runs in _runs_through("\u0402")][1:]  # Ђ, as in вЂ”
    [(1, '[в][Ђ]'), (3, '[Г][ў][В]')]
    """
    places = RUNS_BY_CHARACTER.get(character, ())
    return tuple(
        (
            place,
            re.compile(
                "|".join(_run_pattern(run) for index, run in enumerate(MOJIBAKE_RUNS) if mask >> index & 1)
            ),
        )
        for place, mask in enumerate(places)
        if mask
    )


def _holds_run_around(text: str, notable: str, places: re.Pattern[str]) -> bool:
    """Whether ``text`` (sieved: ``notable``) holds a lone suspicious character or a run, looked
    for around each place that ``places`` finds: either where every run begins (two neighbouring
    alphabet characters, :data:`MAY_HOLD_MOJIBAKE`) or a character every run holds (outside the
    runless set).

    Each place found is searched past by one character only, so that places overlapping
    one another are all looked at. Past the look-ups a text allows, its distinct characters
    decide (:func:`_spells_run`): text dense with quotes has many places but spells no run.

    >>> def around(text, places): return _holds_run_around(text, NON_ASCII(text), places)
    >>> around("Это «правда» — Ольга Петровна, 1960-х", BEYOND_RUNLESS_CHARACTER)
    False
    >>> around("Это РџСЂРёРІРµС‚", BEYOND_RUNLESS_CHARACTER)  # "Привет" read as Windows-1251
    True
    >>> around("Açık ö\u00c3\u00a9", MAY_HOLD_MOJIBAKE)  # öÃ spells no run, Ã© does
    True
    """
    look_ups = most_look_ups(text)
    found = places.search(text)
    while found is not None:
        position = found.start()
        if stands_in_run(text, position):
            return True
        look_ups -= 1
        if look_ups < 0:
            # Each look-up costs a little: past a few, a C1 control (which ftfy finds alone, and a line
            # of Armenian or Thai mojibake holds) or the text's distinct characters decide.
            return C1_CONTROL_RE.search(text, position) is not None or _spells_run(text, notable)
        found = places.search(text, position + 1)
    return False


def most_look_ups(text: str) -> int:
    """How many places that may hold a run are looked at in ``text`` one by one: past them, each
    costing a little, other means decide."""
    return LOOK_UPS_ANYWAY + len(text) // VISIT_COST


def begins_in_run(text: str) -> bool:
    """Whether the first place in ``text`` where a run may begin (:data:`MAY_HOLD_MOJIBAKE`) holds
    a lone suspicious character or a run. In a line of mojibake it nearly always does, and this
    one look answers for less than :func:`may_hold_mojibake`, which is made to pass over correct
    text (an English line of mojibake costs it several microseconds of spelling runs). False
    says nothing: the screen is asked then.

    >>> begins_in_run("Mayor\u00e2\u20ac\u2122s"), begins_in_run("Это правда, Mayor’s")
    (True, False)
    """
    found = MAY_HOLD_MOJIBAKE.search(text)
    return found is not None and stands_in_run(text, found.start())


def stands_in_run(text: str, position: int) -> bool:
    """Whether the character at ``position`` of ``text`` is suspicious alone or stands in a run.

    >>> stands_in_run("NicolÃ¡s", 6), stands_in_run("«Нет»", 0)
    (True, False)
    """
    character = text[position]
    if character in LONE_CHARACTERS:
        return character not in JUDGED_WHERE_THEY_STAND or heuristic_fires_around(text, position)
    for offset, runs in _runs_through(character):
        if offset <= position and runs.match(text, position - offset) is not None:
            return True
    return False


def in_run_somewhere(text: str, character: str) -> bool:
    """Whether :func:`stands_in_run` holds at some occurrence in ``text`` of ``character``.

    A character that is not suspicious alone (the ``«`` and ``“`` of Greek or
    Chinese text) is looked for by one scan led by it (:func:`_in_run`), which
    the engine makes several times faster than a look at each occurrence. The
    scan begins at the first, which ``str.find`` skips to faster still; a
    character that stands once (a Turkish article's ``Ç``) is looked at there.

    >>> in_run_somewhere("«Нет» и «Да»", "«"), in_run_somewhere("вЂ” и «Да»", "Ђ")
    (False, True)
    """
    if character in LONE_CHARACTERS:
        return occurs_where(text, character, stands_in_run)
    first = text.find(character)
    if first == -1:
        return False
    in_run = _in_run(character)
    if text.find(character, first + 1) == -1:
        return in_run.match(text, first) is not None
    return in_run.search(text, first) is not None


@functools.lru_cache(maxsize=1024)
def _in_run(character: str) -> re.Pattern[str]:
    """Matches ``character`` where it stands in a run: after it, a lookbehind goes back to each
    place a run may start, and a lookahead there tries the runs that hold it at that distance."""
    escaped = re.escape(character)
    places = [
        f"(?<=(?={runs.pattern})[\\s\\S]{{{place}}}{escaped})" for place, runs in _runs_through(character)
    ]
    return re.compile(f"{escaped}(?:{'|'.join(places)})" if places else "(?!)")
