"""Decode mojibake: UTF-8 that was read with the wrong codec.

``Mayorâ€™s`` is ``Mayor’s`` whose UTF-8 bytes were decoded as Windows-1252;
``NicolÃ¡s`` the same with Latin-1; ``d'Ð“Â©tat`` went through it twice. ftfy is
the engine here: its heuristic decides which lines hold mojibake and its codecs
undo it, including the lossy cases (``â€�``), inconsistent mixtures of
encodings, non-breaking spaces that were flattened to spaces, stray C1 control
characters (read as Windows-1252, as browsers do) and UTF-16 surrogates.

What presswash adds is knowing when not to ask. ftfy's heuristic is a large
regular expression and costs more than all other cleaning together, yet it can
only fire on a few lone characters or on two adjacent characters of its
alphabet (see ``scripts/generate_mojibake_table.py``). Lines without those are
passed over without running it (:mod:`presswash.steps.mojibake_screen`), and on
lines with them ftfy's decoding procedure runs with the heuristic tried only
around them (:mod:`presswash.steps.ftfy_decoding`); its result is ftfy's,
character for character.

    >>> step = Mojibake()
    >>> step.fix("The Mayor\\u00e2\\u20ac\\u2122s office\\nNicol\\u00c3\\u00a1s Maduro")
    'The Mayor’s office\\nNicolás Maduro'
    >>> step.fix("Café – “déjà vu”")
    'Café – “déjà vu”'
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

from ftfy.fixes import fix_c1_controls, fix_surrogates

from presswash.edits import ChangeLog, Edit
from presswash.sieve import COMMON_PUNCTUATION, NON_ASCII
from presswash.step import LineStep, is_long, split_lines
from presswash.steps._misread_table import DOUBLE_BYTE_RARE, DOUBLE_BYTE_STARTS, DOUBLE_BYTE_TRIGGER
from presswash.steps._mojibake_table import BEYOND_RUNLESS, MOJIBAKE_ALPHABET
from presswash.steps.ftfy_decoding import fix_encoding_sieved
from presswash.steps.misread_classes import (
    DOUBLE_BYTE_CHARACTER,
    MISREAD_CHARACTERS,
    SINGLE_BYTE_LEADS,
    may_begin_shape,
)
from presswash.steps.misread_screen import (
    may_hold_misread,
    may_hold_misread_around,
    may_hold_misread_crowded,
    may_hold_misread_sieved,
)
from presswash.steps.misread_sequences import misread_edits
from presswash.steps.misreads import find_misreads
from presswash.steps.mojibake_runs import (
    BEYOND_RUNLESS_CHARACTERS,
    LONE_CHARACTERS,
    RUNS_BY_CHARACTER,
    SURROGATES,
    runs_seen,
)
from presswash.steps.mojibake_screen import (
    SIEVED_SHARE,
    begins_in_run,
    may_hold_mojibake,
    may_hold_mojibake_around,
)
from presswash.steps.second_chance import MOST_PASSES, second_chance

MISREAD_CHARACTER = re.compile(f"[{MISREAD_CHARACTERS}]")
# Blocks of a long text up to which the mojibake step screens it whole before a block at a time.
SCREENED_WHOLE = 16


class Mojibake(LineStep):
    """Re-decode each line that ftfy's heuristic finds to hold mojibake; with ``second_chance``,
    then undo what ftfy declined.

    The second chance (:mod:`presswash.steps.misreads`) reads the whole text,
    so that a misread proven in one line is evidence for the others. It is the
    ``misreads`` option, on in the ``news`` and ``ascii`` presets: its screen
    (:mod:`presswash.steps.misread_screen`) passes over most correct text at
    the cost of a byte-level look at it, which is more than the rest of the
    step costs on English news. The ``ftfy`` preset, which gives ftfy's output
    exactly, never has it.

    >>> Mojibake().fix("NicolÃ¡s and Jos\u0413\u00a9")
    'Nicolás and JosГ©'
    >>> step = Mojibake(second_chance=True)
    >>> step.fix("NicolÃ¡s and Jos\u0413\u00a9")
    'Nicolás and José'
    >>> [(edit.replacement, edit.detail) for edit in step.edits("NicolÃ¡s and Jos\u0413\u00a9")]
    [('á', 'utf-8 read as windows-1252'), ('é', 'utf-8 read as windows-1251')]
    """

    name = "mojibake"
    trigger = MOJIBAKE_ALPHABET + SURROGATES
    screens_itself = True

    def __init__(self, second_chance: bool = False) -> None:
        self.second_chance = second_chance
        # What applies() last found: (text, notable, whether ftfy may find mojibake in it, whether
        # the second chance finds a misread in it (True: not asked)); compared by identity, so that
        # a text cleaned at the same time in another thread only misses it.
        self._screened: tuple[str, str, bool, bool] | None = None
        # Where applies() last screened a long text a block at a time: the text (compared by
        # identity, as above) and the spans of its blocks whose lines may change, for fix().
        self._blocks_screened: tuple[str, list[tuple[int, int]]] | None = None
        # Every run and lone character holds one of these (see may_hold_mojibake); the second
        # chance's misreads are made of common letters (РџСЂ), and it is asked directly.
        # In text largely non-ASCII, ftfy's runs and lone characters hold one of BEYOND_RUNLESS, and
        # the places a misread may be one of MISREAD_CHARACTERS.
        self.dense_trigger = BEYOND_RUNLESS + SURROGATES + (MISREAD_CHARACTERS if second_chance else "")
        if second_chance:
            self.uncrowded_trigger = BEYOND_RUNLESS + SURROGATES + DOUBLE_BYTE_RARE
            # A double-byte start sends the misread screen to read the text's kinds.
            self.read_through_trigger = DOUBLE_BYTE_STARTS
        if second_chance:
            # The misreads it also undoes begin with a lead character of their codec (caf茅 is
            # café read as GBK), which the misread table lists for every codec.
            self.trigger = MOJIBAKE_ALPHABET + SURROGATES + SINGLE_BYTE_LEADS + DOUBLE_BYTE_TRIGGER

    def applies(self, text: str, notable: str) -> bool:
        if is_long(text):
            # A long document that may hold mojibake is screened a block of lines at a time, once:
            # fix() then takes only the blocks where ftfy may find some. Up to a few blocks, most
            # documents hold none, which one screen of the whole tells for less; a longer English
            # one nearly always holds a line that may (about one block in sixty), and its blocks
            # are screened at once (a long French text, which holds none, pays a fifth more).
            if not is_long(text, SCREENED_WHOLE) and not may_hold_mojibake(text, notable):
                spans = []
            else:
                spans = super().blocks_to_fix(text)
            self._blocks_screened = (text, spans)
            if spans or not self.second_chance:
                return bool(spans)
        elif may_hold_mojibake(text, notable):
            self._screened = (text, notable, True, True)
            return True
        if not self.second_chance:
            return False
        return self._finds_misread(text, notable, may_hold_misread(text, notable))

    def _screens(self, text: str, notable: str | None) -> tuple[bool, bool | None]:
        """Whether ftfy may find mojibake in ``text`` (see :func:`may_hold_mojibake`) and, if known,
        whether it may hold a misread: what :meth:`applies` found, where it was just asked of the
        same ``text`` and ``notable`` (the cleaner asks it before :meth:`fix_sieved`), for on text
        largely non-ASCII the screens cost more than the rest of the step."""
        screened = self._screened
        if screened is not None and screened[0] is text and screened[1] is notable:
            return screened[2], screened[3]
        blocks = self._blocks_screened
        if blocks is not None and blocks[0] is text:
            return bool(blocks[1]), None
        return may_hold_mojibake(text, notable), None

    def applies_around(self, text: str, notable: str, characters: str) -> bool:
        if not self.second_chance:
            return may_hold_mojibake_around(text, notable, characters)
        return self._applies_among(text, notable, characters, crowded=False)

    def applies_uncrowded(self, text: str, notable: str, characters: str) -> bool:
        # Text crowded with the characters a misread may begin with (the ideographs of Chinese,
        # the accented letters of Vietnamese): only the rare ones are listed.
        return self._applies_among(text, notable, characters, crowded=True)

    def _applies_among(self, text: str, notable: str, characters: str, crowded: bool) -> bool:
        """:meth:`applies`, told which of the dense trigger's characters ``text`` holds (of the
        uncrowded trigger's, if ``crowded``)."""
        beyond = "".join(character for character in characters if character in BEYOND_RUNLESS_CHARACTERS)
        if may_hold_mojibake_around(text, notable, beyond):
            self._screened = (text, notable, True, True)
            return True
        misread = "".join(MISREAD_CHARACTER.findall(characters))
        held = (
            may_hold_misread_crowded(text, misread)
            if crowded
            else may_hold_misread_around(text, notable, misread)
        )
        return self._finds_misread(text, notable, held)

    def _finds_misread(self, text: str, notable: str, held: bool) -> bool:
        """Whether the second chance changes ``text``, in which ftfy's screen finds no mojibake and
        the misread screen found a misread ``held`` possible: then exactly if it finds a misread in
        the whole text (ftfy leaves every line as it is). Asked here, the step is not run at all
        where it finds none (correct Chinese text holds rare ideographs and ideographs beside Latin
        letters, which the screen cannot tell from a misread): running it costs more than finding."""
        found = held and bool(find_misreads(text, screened=True))
        self._screened = (text, notable, False, found)
        return found

    def fix(self, text: str) -> str:
        return self.fix_sieved(text, None) if self.second_chance else super().fix(text)

    def fix_sieved(self, text: str, notable: str | None) -> str:
        if not self.second_chance:
            return super().fix(text)
        for _ in range(MOST_PASSES):
            after_ftfy, fixed = self._fix_once(text, notable)
            if fixed == after_ftfy:
                return fixed  # ftfy's own loop left nothing for ftfy, and the second chance found nothing
            text, notable = fixed, None
        return text

    def _fix_once(self, text: str, notable: str | None) -> tuple[str, str]:
        """``text`` as ftfy leaves it, and then as the second chance does."""
        mojibake, misread = self._screens(text, notable)
        if not mojibake:
            if not (misread if misread is not None else may_hold_misread(text, notable)):
                return text, text
            lines = split_lines(text)
            decoded = lines  # ftfy would find nothing in any line
        else:
            lines = split_lines(text)
            decoded = self._decoded(text, lines)
            if decoded == lines and not may_hold_misread(text, notable):
                return text, text  # the second chance would find nothing either
        fixed = "".join(line for line, _ in second_chance(text, lines, decoded, notable))
        return "".join(decoded), fixed

    def _decoded(self, text: str, lines: list[str]) -> list[str]:
        """Each of the ``lines`` of ``text`` as ftfy leaves it; in a long text, only those of the
        blocks where ftfy may find mojibake are asked (see :meth:`blocks_to_fix`)."""
        if not is_long(text):
            return [self.fix_line(line) for line in lines]
        decoded = lines.copy()
        starts = list(itertools.accumulate(map(len, lines), initial=0))
        for start, end in self.blocks_to_fix(text):  # blocks are whole lines
            for index in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
                decoded[index] = self.fix_line(lines[index])
        return decoded

    def edits(self, text: str) -> list[Edit]:
        """ftfy's repair of each line (one edit per misread sequence) and, with the second chance,
        its repairs, each naming the misread it undid."""
        if not self.second_chance:
            return super().edits(text)
        log = ChangeLog(text)
        for _ in range(MOST_PASSES):
            current = log.text
            lines = split_lines(current)
            decoded = self._decoded(current, lines)
            found: list[Edit] = []
            repaired: list[str] = []
            start = 0
            for line, (fixed, edits) in zip(
                lines, second_chance(current, lines, decoded, None, explain=True), strict=True
            ):
                found += [replace(edit, start=edit.start + start, end=edit.end + start) for edit in edits]
                repaired.append(fixed)
                start += len(line)
            log.record(self.name, found)
            if repaired == decoded:
                break
        return [Edit(change.start, change.end, change.replacement, change.detail) for change in log.changes]

    def line_edits(self, line: str, fixed: str) -> list[Edit]:
        return misread_edits(line, fixed)

    # The column hooks: ftfy's heuristic needs a lone suspicious character or a run of adjacent
    # characters; the second chance a lead character beside a continuation character (a run too),
    # or a double-byte misread's characters, which are in its trigger (see misread_screen).

    def leaves_alone(self, character: str) -> bool:
        # Runs and misread sequences hold no ASCII, and the common punctuation spells none:
        # whether dense or sparse, text of these alone is innocent (see may_hold_mojibake).
        return character in COMMON_PUNCTUATION or super().leaves_alone(character)

    def leaves_alone_apart(self, character: str) -> bool:
        # ftfy's heuristic matches only lone suspicious characters and runs, which hold no ASCII.
        if self.second_chance and DOUBLE_BYTE_CHARACTER.match(character) is not None:
            return False
        return character not in LONE_CHARACTERS

    def pair_matters(self, pair: str) -> bool:
        # Every run is at least two characters long: one in a text begins with a pair that begins it.
        first, second = (RUNS_BY_CHARACTER.get(character, ()) for character in pair)
        if len(first) > 0 and len(second) > 1 and first[0] & second[1] != 0:
            return True
        return self.second_chance and may_begin_shape(*pair)

    def may_apply(self, notable: str, utf8: bytes) -> bool:
        if self.second_chance and may_hold_misread_sieved(notable, utf8):
            return True
        # The text's characters: its bytes less the continuation bytes, all of them in ``notable``.
        length = len(utf8) - len(notable.encode("utf-8", "surrogatepass")) + len(notable)
        if len(notable) > length * SIEVED_SHARE:
            return True  # a text this dense in non-ASCII is judged by reading it
        seen = runs_seen(notable)
        # UTF-8 is self-synchronizing: a run's bytes occur in the text's exactly where the run does.
        return seen is None or any(run.encode("utf-8", "surrogatepass") in utf8 for run in seen)

    def blocks_to_fix(self, text: str) -> list[tuple[int, int]]:
        screened = self._blocks_screened
        if screened is not None and screened[0] is text:
            return screened[1]
        return super().blocks_to_fix(text)

    def lines_may_change(self, block: str) -> bool:
        # ftfy changes a line only where its heuristic fires, or for a C1 control or a surrogate,
        # none of which the screen finds in a block of lines without any (as ftfy reads lines).
        return may_hold_mojibake(block)

    def fix_line(self, line: str) -> str:
        # The line is one of a text that the screen found may hold mojibake (a misread document's,
        # most often): where its first place that may hold some does, ftfy's decoding is asked at once.
        if not (begins_in_run(line) or may_hold_mojibake(line)):
            return line
        while True:
            decoded, notable, seen_clean = fix_encoding_sieved(
                line, NON_ASCII.sieve_unless_dense, suspect=True
            )
            fixed = fix_surrogates(fix_c1_controls(decoded))
            if fixed == line or (seen_clean and fixed == decoded):
                # Nothing changed, or ftfy's heuristic sees no mojibake (nor C1 controls, which it
                # sees alone) in what its decoding left, and no surrogates are left: no layer is left.
                return fixed
            # Each decoding can reveal another layer (double encoding, or C1 controls that
            # decode into mojibake): repeated while any may remain.
            if not may_hold_mojibake(fixed, notable if fixed == decoded else None):
                return fixed
            line = fixed
