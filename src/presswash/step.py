"""What a cleaning step is, and the two shapes most steps take.

A step owns one concern. It declares the characters that can *trigger* it —
a regular-expression character class such that a text containing none of them
is certainly left unchanged by the step — and it can either just fix a text
(the fast path used by ``clean``) or report its work as :class:`~presswash.edits.Edit`
spans (the path used by ``explain``). The pipeline's gate is the union of the
enabled steps' triggers, so a step cannot be forgotten by the fast path.

Two shapes cover nearly every step without writing the logic twice:

- :class:`PatternStep` — a regular expression and a function from each match
  to its replacement; fixing is ``pattern.sub`` and the edits are the matches.
- :class:`LineStep` — a function applied line by line; the edits are each
  changed line's differing runs (see :func:`~presswash.edits.diff_edits`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import ClassVar

from presswash.edits import Edit, diff_edits, edits_of_pieces, splice

ANY_NON_ASCII = "\x80-\U0010ffff"
"""The trigger of steps that can change any non-ASCII character (normalization, transliteration)."""


class Step:
    """Base of every step: a name, a trigger class, ``fix`` and ``edits``."""

    name: ClassVar[str]
    trigger: str
    """Body of a character class (``"&"``, ``"\\x00-\\x08"``); text without any is left alone."""
    screens_itself: ClassVar[bool] = False
    """True when the step's trigger characters are common in text that needs nothing from
    it (curly quotes, the letters of mojibake), so that its own ``applies`` is the screen
    that counts: the step is then asked directly and left out of the shared screen."""

    dense_trigger: str | None = None
    """Body of a character class that the shared screen looks for in text largely non-ASCII,
    which sieving hardly shortens, and that a text must hold a character of for the step to
    change it: narrower than ``trigger`` for steps whose trigger takes in whole alphabets
    because it depends on their company (the letters of mojibake) or any non-ASCII character
    (NFC); the trigger itself for steps that screen themselves only because their trigger is
    common in English (curly quotes). None: the trigger of a screened step, and a step that
    screens itself is asked directly."""

    uncrowded_trigger: str | None = None
    """For a step whose ``dense_trigger`` takes in characters that crowd the text of some scripts
    (the ideographs a double-byte misread may begin with, in Chinese), the part of it that does
    not: in text crowded with the rest, the shared screen looks for this part, and
    :meth:`applies_uncrowded` is asked. None: the dense trigger does not crowd."""

    read_through_trigger: str | None = None
    """For a step with an ``uncrowded_trigger``, the characters of the rest of its dense trigger
    one of which makes it read the whole text anyway (a double-byte start sends the misread screen
    to read the text by kind): a text whose first sample holds one (Korean, with the hangul a
    misread through EUC-KR may begin with) is screened by the uncrowded part at once, for listing
    the rest would gain nothing. None: no such characters."""

    sparing_trigger: str | None = None
    """For a step whose ``dense_trigger`` takes in characters that are common in the text of some
    scripts and that it reads the text for itself at memory speed (marks that NFC only puts in
    order, a tenth of Thai), the part of it that is not those: having listed one of them, the
    screen reads on for this part (see :meth:`presswash.screen.Screen.found_in`). The step is
    then told of one of them at least, and of every character of its own where it is told of
    one of this part. None: every character found is listed."""

    @functools.cached_property
    def trigger_pattern(self) -> re.Pattern[str]:
        """The trigger as a compiled character class."""
        return compiled_class(self.trigger)

    def applies(self, text: str, notable: str) -> bool:
        """False only when the step certainly leaves ``text`` unchanged.

        ``notable`` is ``text`` sieved (see :mod:`presswash.sieve`): its
        characters that some enabled step reacts to, in order, every trigger
        character of this step among them. The default looks there for a
        trigger character; steps with a sharper test override it, and read
        ``text`` itself where context matters.
        """
        return self.trigger_pattern.search(notable) is not None

    def applies_around(self, text: str, notable: str, characters: str) -> bool:
        """:meth:`applies`, told that of the characters the shared screen looks for in text
        largely non-ASCII (``dense_trigger``, or else ``trigger``), ``text`` holds exactly the
        distinct ``characters``. Steps that can then look only where those stand, rather than
        read the whole text, override this."""
        return self.applies(text, notable)

    def applies_uncrowded(self, text: str, notable: str, characters: str) -> bool:
        """:meth:`applies`, told that of the characters of ``uncrowded_trigger``, ``text`` holds
        exactly the distinct ``characters`` (see :meth:`applies_around`)."""
        return self.applies(text, notable)

    def may_apply(self, notable: str, utf8: bytes) -> bool:
        """False only when the text whose UTF-8 is ``utf8``, sieved as ``notable``, is certainly
        left unchanged, judged without decoding ``utf8``.

        Columnar cleaning asks this of documents it has not decoded (see
        :mod:`presswash.integrations.columns`). By the contract of ``trigger``,
        a text holding none of its characters is left alone; steps that can
        tell more from the sieved text or the bytes override this.
        """
        return self.trigger_pattern.search(notable) is not None

    def leaves_alone(self, character: str) -> bool:
        """True if the step leaves unchanged every text whose characters are all ones it leaves
        alone or ASCII characters outside every enabled step's trigger, in any number and order.

        Columnar cleaning asks this once per distinct character of a column, so that a document
        holding only such characters is passed over without being read one by one. The default
        answers from ``trigger``; steps that ignore some of their trigger characters whatever
        their neighbours override it.
        """
        return self.trigger_pattern.search(character) is None

    def leaves_alone_apart(self, character: str) -> bool:
        """Like :meth:`leaves_alone`, for texts in which no two neighbouring non-ASCII characters
        make a pair that :meth:`pair_matters` to the step. Steps that judge some characters only by
        their neighbours (the letters of mojibake) say so here."""
        return self.leaves_alone(character)

    def pair_matters(self, pair: str) -> bool:
        """Whether two neighbouring non-ASCII characters may make the step change a text (see
        :meth:`leaves_alone_apart`)."""
        return False

    def brought(self, text: str) -> str | None:
        """The characters that fixing ``text`` may have brought into it, if fixing it only
        replaces stretches of ASCII (entities), so that every character beyond ASCII it held
        is still there; None if the step cannot tell without reading the fixed text. The
        pipeline then knows what its shared screen would find in the fixed text without
        reading it again."""
        return None

    def fix(self, text: str) -> str:
        """Return ``text`` with this step's repair applied."""
        raise NotImplementedError

    def fix_sieved(self, text: str, notable: str) -> str:
        """``fix``, given ``text`` sieved as for ``applies``; steps that can use it override this."""
        return self.fix(text)

    def edits(self, text: str) -> list[Edit]:
        """This step's repair as ordered, non-overlapping spans of ``text``."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<step {self.name}>"


class PatternStep(Step):
    """A step that replaces each match of ``pattern`` with ``replace(match)``."""

    pattern: re.Pattern[str]

    def replace(self, match: re.Match[str]) -> str:
        """The replacement for one match (return the match itself to keep it)."""
        raise NotImplementedError

    def fix(self, text: str) -> str:
        return self.pattern.sub(self.replace, text)

    def edits(self, text: str) -> list[Edit]:
        found: list[Edit] = []
        for match in self.pattern.finditer(text):
            replacement = self.replace(match)
            if replacement != match.group():
                found.append(Edit(match.start(), match.end(), replacement))
        return found


def replaced_where_found(
    text: str, notable: str, characters: re.Pattern[str], replacement: dict[str, str]
) -> str:
    """``text`` (sieved: ``notable``) with each of its characters that ``characters`` matches
    replaced throughout by ``replacement[character]``.

    Each distinct one is found in the sieved text, then replaced by ``str.replace``,
    which skips to it many times faster than a pattern's search reads its way there.
    Each replacement copies the text: in a long one with several, only the lines that
    hold them are replaced in (:func:`fixed_lines_holding`), and the text copied once.

    >>> replaced_where_found("ﬁne ﬂow", "ﬁﬂ", re.compile("[ﬁﬂ]"), {"ﬁ": "fi", "ﬂ": "fl"})
    'fine flow'
    """
    found = set(characters.findall(notable))
    if len(found) > 1 and is_long(text):
        return fixed_lines_holding(text, found, functools.partial(_replaced, found, replacement))
    return _replaced(found, replacement, text)


def _replaced(characters: Iterable[str], replacement: dict[str, str], text: str) -> str:
    for character in characters:
        text = text.replace(character, replacement[character])
    return text


class LineStep(Step):
    """A step whose fix works on each line (up to and including its ``\\n``) independently."""

    def fix_line(self, line: str) -> str:
        """Return one line with this step's repair applied."""
        raise NotImplementedError

    def lines_may_change(self, block: str) -> bool:
        """Whether fixing the lines of ``block`` (whole lines of a long text) may change one: a
        step that can tell at less cost than fixing them says so, and a long document's lines are
        then fixed only in the blocks where some may change."""
        return True

    def blocks_to_fix(self, text: str) -> list[tuple[int, int]]:
        """The spans of the blocks of lines of the long ``text`` (see :func:`blocks_of_lines`)
        whose lines may change (see :meth:`lines_may_change`)."""
        spans: list[tuple[int, int]] = []
        start = 0
        for block in blocks_of_lines(text):
            end = start + len(block)
            if self.lines_may_change(block):
                spans.append((start, end))
            start = end
        return spans

    def fix(self, text: str) -> str:
        if not is_long(text):
            return self._fixed_lines(text)
        return _fixed_spans(text, self.blocks_to_fix(text), self._fixed_lines)

    def _fixed_lines(self, text: str) -> str:
        return "".join(self.fix_line(line) for line in split_lines(text))

    def edits(self, text: str) -> list[Edit]:
        spans = self.blocks_to_fix(text) if is_long(text) else [(0, len(text))]
        return edits_in_lines(text, spans, lambda line: self.line_edits(line, self.fix_line(line)))

    def line_edits(self, line: str, fixed: str) -> list[Edit]:
        """The edits that turn ``line`` into ``fixed``: its diff, unless the step knows its repairs better."""
        return diff_edits(line, fixed)


def class_ranges(body: str) -> list[tuple[int, int]]:
    """The code point ranges of a character-class body of a generated table (its characters
    unescaped, and ranges of them).

    >>> class_ranges("a-cx")
    [(97, 99), (120, 120)]
    """
    return [(ord(low), ord(high or low)) for low, high in re.findall("(.)(?:-(.))?", body, flags=re.DOTALL)]


def class_points(body: str) -> Iterator[int]:
    """The code points of a character-class body of a generated table.

    >>> "".join(map(chr, class_points("\u00e0-\u00e3\u00e9")))
    'àáâãé'
    """
    return (point for low, high in class_ranges(body) for point in range(low, high + 1))


@functools.cache
def compiled_class(body: str) -> re.Pattern[str]:
    """The compiled character class ``[body]``, shared by every user of the same trigger."""
    return re.compile(f"[{body}]")


# Characters past which one scan for a class of them costs less than one scan led by each.
MOST_LED_SCANS = 4


def led_by_each(characters: str, body: str, tail: str) -> list[re.Pattern[str]]:
    """Patterns that together find what ``[body]`` followed by ``tail`` finds, where a text holds,
    of the characters of ``body``, only the distinct ``characters``.

    The engine skips to a pattern's literal first character several times
    faster than it tests each character against a class (on Persian text 0.3
    against 2 ns a byte), so where ``characters`` are few, each leads a pattern
    of its own; past ``MOST_LED_SCANS`` of them, one class scan costs less.
    ``tail`` may look behind at the character just matched.

        >>> [pattern.pattern for pattern in led_by_each("b", "a-c", "(?=x)")]
        ['b(?=x)']
        >>> [pattern.pattern for pattern in led_by_each("abcde", "a-c", "(?=x)")]
        ['[a-c](?=x)']
    """
    if len(characters) > MOST_LED_SCANS:
        return [_led_by_class(body, tail)]
    return [_led_by(character, tail) for character in characters]


# Remembered by their parts, whose hashes Python keeps, rather than by the long pattern they make.
@functools.lru_cache(maxsize=1024)
def _led_by(character: str, tail: str) -> re.Pattern[str]:
    return re.compile(re.escape(character) + tail)


@functools.lru_cache(maxsize=64)
def _led_by_class(body: str, tail: str) -> re.Pattern[str]:
    return re.compile(f"[{body}]{tail}")


def split_lines(text: str) -> list[str]:
    """Split after each ``\\n`` only, as ftfy segments text (``str.splitlines`` splits more).

    >>> split_lines("one\\r\\ntwo\\u2028three\\n")
    ['one\\r\\n', 'two\\u2028three\\n']
    """
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


# Characters of a long text that a step screens at a time, in whole lines (see blocks_of_lines).
BLOCK = 1 << 14


def is_long(text: str, blocks: int = 1) -> bool:
    """Whether ``text`` is longer than ``blocks`` blocks: a document that a step may take a block
    at a time."""
    return len(text) > blocks * BLOCK


def blocks_of_lines(text: str) -> Iterator[str]:
    """``text`` in blocks of whole lines, each ending at the first line break at or past ``BLOCK``
    characters into it (the last at the text's end): what a step that works line by line screens
    at a time in a long document, to fix the lines of the few blocks that need it, not ask each line.

    >>> [len(block) for block in blocks_of_lines("line\\n" * 10_000)]
    [16385, 16385, 16385, 845]
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start + BLOCK) + 1 or len(text)
        yield text[start:end]
        start = end


def fixed_lines_holding(text: str, characters: Iterable[str], fix_line: Callable[[str], str]) -> str:
    """``text`` with ``fix_line`` applied to each of its lines (as :func:`split_lines` cuts them)
    that holds one of ``characters``, and every other line as it is: ``str.find`` skips to those
    lines at memory speed, where a call for each line of a long document costs more than reading it.

    >>> fixed_lines_holding("a&b\\nplain\\nc&d", "&", str.upper)
    'A&B\\nplain\\nC&D'
    """
    return _fixed_spans(text, lines_holding(text, characters), fix_line)


def lines_holding(text: str, characters: Iterable[str]) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` (each with its ``\\n``) that hold one of ``characters``, in order.

    >>> lines_holding("a&b\\nplain\\nc&d", "&")
    [(0, 4), (10, 13)]
    """
    spans: set[tuple[int, int]] = set()
    for character in set(characters):
        position = text.find(character)
        while position != -1:
            end = text.find("\n", position) + 1 or len(text)
            spans.add((text.rfind("\n", 0, position) + 1, end))
            position = text.find(character, end)
    return sorted(spans)


def edits_in_lines(
    text: str, spans: Iterable[tuple[int, int]], line_edits: Callable[[str], list[Edit]]
) -> list[Edit]:
    """The edits that ``line_edits`` reports for each line of the ``spans`` of ``text`` (whole
    lines, in order, apart), placed in ``text``: the other lines have none.

    >>> edits_in_lines("ab\\ncd\\nef", [(3, 6)], lambda line: [Edit(0, 1, line[0].upper())])
    [Edit(start=3, end=4, replacement='C')]
    """

    def pieces() -> Iterator[tuple[str, list[Edit]]]:
        done = 0
        for start, end in spans:
            yield text[done:start], []
            for line in split_lines(text[start:end]):
                yield line, line_edits(line)
            done = end

    return edits_of_pieces(pieces())


def _fixed_spans(text: str, spans: Iterable[tuple[int, int]], fix: Callable[[str], str]) -> str:
    """``text`` with ``fix`` applied to each of its ``spans`` (in order, apart); ``text`` itself,
    not a copy, where that changes none of them (a long document copied costs a millisecond)."""
    changed: list[tuple[int, int, str]] = []
    for start, end in spans:
        piece = text[start:end]
        fixed = fix(piece)
        if fixed != piece:
            changed.append((start, end, fixed))
    return splice(text, changed) if changed else text
