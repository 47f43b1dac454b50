"""The cleaner's shared screen: one search of a text for the trigger characters of many steps.

A step whose own trigger characters a text does not hold cannot change it, so
one search for the union of the steps' triggers rules most of them out at once
(see :mod:`presswash.cleaner`). The screen lists the distinct characters it
finds, and each step is asked about those of its own only.

In text largely non-ASCII the screen reads the whole text, and listing every
character it finds costs more than reading: Thai holds a vowel or tone mark in
ten characters, which NFC may have to put in order. Where a step's trigger takes
in such characters only to be asked at all (its *sparing trigger* leaves them
out, and the step then reads the text for them itself, at memory speed), the
screen lists the first it meets and reads on for the sparing trigger only.

    >>> from presswash.steps.normalization import Normalization
    >>> nfc = Normalization("NFC")
    >>> screen = Screen({nfc: nfc.dense_trigger}, crowded=1 / 8, sparing={nfc: nfc.sparing_trigger})
    >>> thai = "ประเทศไทยมีน้ำมาก " * 4 + "ที่ประเทศไทย " * 8  # marks NFC may order: ้ first, then ่
    >>> screen.found_in(thai) == "\u0e49"  # ่ is left to the step, which reads the text for it
    True
    >>> sorted(screen.found_in(thai + "\u212b")) == ["\u0e48", "\u0e49", "\u212b"]  # and NFC replaces Å
    True
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from presswash.bmp_scan import NarrowableScan, Scanner
from presswash.step import Step, compiled_class

# Characters a crowded screen samples, and the share of them past which it is crowded: real
# text in any script holds at most a tenth of such characters (Thai, with its marks). The first
# sample tells a text crowded from its start (Chinese, for the second chance) before many are listed:
# listing the first 256 characters of a Chinese article cost as much as a third of reading it.
# Either screen finds what the steps need; the sample only chooses the faster.
SAMPLE = 4096
FIRST_SAMPLE = 64
CROWDED = 1 / 8
# Sets of found characters whose ruled-out steps a screen keeps: all a crafted input makes it hold.
PASSED_OVER_KEPT = 4096
# Distinct characters past which a text is crowded for a screen told so: each step is asked about
# each of its own, which costs more than reading the text by another screen (Korean news holds
# twenty to forty hangul that a misread through EUC-KR may begin with; the news of other scripts
# in data/multilingual, seven at most).
MOST_DISTINCT = 16


class Screen:
    """One search of sieved text for the trigger characters of several steps at once
    (``patterns``: each step's own, compiled), which rules out every step whose own it does not
    find but those ``asked`` anyway. With ``crowded``, a text whose first ``FIRST_SAMPLE`` or
    ``SAMPLE`` characters are more than that share of them is too crowded with those characters
    (a text of quotes) for listing them to pay, and with ``most_distinct``, so is one in which it
    finds more distinct characters than that, or, with ``hands_on``, one whose first sample holds
    a character of that class; past the first sample, it reads on for the ``sparing`` triggers of
    the steps that have one where it may (see :meth:`found_in`)."""

    def __init__(
        self,
        triggers: dict[Step, str],
        crowded: float | None = None,
        asked: Collection[Step] = (),
        sparing: Mapping[Step, str] | None = None,
        most_distinct: int | None = None,
        hands_on: str | None = None,
    ) -> None:
        self.patterns = {step: compiled_class(trigger) for step, trigger in triggers.items()}
        union = "".join(triggers.values())
        self._search = NarrowableScan(compiled_class(union)) if union else None
        self._crowded = crowded
        self._most_distinct = most_distinct
        self._hands_on = compiled_class(hands_on) if hands_on else None
        self.asked = frozenset(asked)  # the steps asked for what crowds a text, whatever it finds
        self._passed_over: dict[str, frozenset[Step]] = {}
        sparing = {step: trigger for step, trigger in (sparing or {}).items() if step in triggers}
        self._sparing = (
            NarrowableScan(
                compiled_class("".join(sparing.get(step, trigger) for step, trigger in triggers.items()))
            )
            if sparing
            else None
        )
        self._spared = compiled_class("".join(sparing.values())) if sparing else None

    def passes_over(self, found: str) -> frozenset[Step]:
        """The steps ruled out by what the screen ``found``: none of their own triggers is among
        it, and they are not asked anyway (for what crowds the text, which was not looked for).
        Texts share few sets of such characters (an English article's quotes and dashes), so
        each set's answer is kept, and the cleaner passes over those steps without asking."""
        passed = self._passed_over.get(found)
        if passed is None:
            passed = frozenset(
                step
                for step, pattern in self.patterns.items()
                if step not in self.asked and pattern.search(found) is None
            )
            if len(self._passed_over) >= PASSED_OVER_KEPT:
                self._passed_over.clear()
            self._passed_over[found] = passed
        return passed

    def distinct_in(self, characters: str) -> str:
        """The distinct ``characters`` that some step's trigger holds."""
        found = self._search.wide.findall(characters) if self._search is not None else None
        return "".join(set(found)) if found else ""

    def spares(self, characters: str) -> bool:
        """Whether ``characters`` hold one of a sparing trigger's: brought into a text listed
        sparingly, they call for listing it again in full."""
        return self._spared is not None and self._spared.search(characters) is not None

    def found_in(self, notable: str) -> str | None:
        """The distinct characters of sieved text ``notable`` that some step's trigger holds ("":
        none; None: the text is too crowded with them, or holds too many of them), but perhaps not
        all of those that only a step's full trigger holds and its sparing trigger leaves out: of
        those, the ones in the first sample. That is where the sample holds one and none of a
        sparing trigger's; where one of a sparing trigger's turns up later, all of them are listed
        after all. So a step told of a character of its sparing trigger is told of every character
        of its own."""
        if self._search is None or self._crowded is None:
            return self.distinct_in(notable)
        # One character a match: none is cut. A text crowded from its start is told at once.
        every = self._search.over(notable)
        found = every.findall(notable, 0, FIRST_SAMPLE)
        if len(found) > self._crowded * min(len(notable), FIRST_SAMPLE) or (
            self._hands_on is not None and self._hands_on.search("".join(found)) is not None
        ):
            return None
        search = every if self._sparing is None else self._reading_on(found, notable, every)
        found += search.findall(notable, FIRST_SAMPLE, SAMPLE)
        if len(found) > self._crowded * min(len(notable), SAMPLE):
            return None
        if len(notable) > SAMPLE:
            found += search.findall(notable, SAMPLE)
        if search is not every and self.spares("".join(found)):
            found = every.findall(notable)
        distinct = "".join(set(found))
        if self._most_distinct is not None and len(distinct) > self._most_distinct:
            return None
        return distinct

    def _reading_on(self, found: list[str], notable: str, every: Scanner) -> Scanner:
        """The search that lists the rest of ``notable``, whose first sample holds ``found``:
        the sparing one where those hold a character it leaves out and none of a sparing
        trigger's; else ``every``, the search for all triggers."""
        assert self._sparing is not None  # (as found_in asks)
        first = "".join(found)
        if self.spares(first) or len(self._sparing.wide.findall(first)) == len(found):
            return every
        return self._sparing.over(notable)
