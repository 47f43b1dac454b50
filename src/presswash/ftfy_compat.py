"""The ``ftfy`` preset: ftfy's own output, byte for byte, without ftfy's cost on clean text.

Users migrating from ``ftfy.fix_text`` need the same output, not a similar one.
This step therefore keeps ftfy's segmentation (lines) and its HTML rule (a
``<`` in one line switches entity decoding off for the rest of the document),
decodes entities with ftfy's unescaping and mojibake with ftfy's decoding
procedure (:func:`~presswash.steps.ftfy_decoding.fix_encoding`), and hands every line
with terminal escapes, or that a second round of fixes would change again, to
ftfy's own loop of fixes (:func:`~presswash.ftfy_loop.fix_segment`), with one
change that cannot alter its output: normalization that no run of combining
marks can slow down to quadratic time (see :func:`~presswash.steps.normalization.normalize`).

Most news needs none of that: its only changes under ftfy are curly quotes
straightened, the odd ligature, and perhaps normalization. Those fixes are
plain character replacements, so they are made here directly with ``str``
methods, in ftfy's order, on the whole document at once. That shortcut is
taken only when it provably gives ftfy's answer: the input holds nothing that
ftfy's other fixes react to (see :func:`~presswash.steps.mojibake_screen.may_hold_mojibake`),
and neither does the result, so ftfy's fix-until-stable loop would stop after
one round.

    >>> step = FtfyCompatible(TextFixerConfig(explain=False))
    >>> step.fix("“Here’s” the ﬁx\\r\\nMayor\\u00e2\\u20ac\\u2122s &amp; co")
    '"Here\\'s" the fix\\nMayor\\'s & co'
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from typing import Literal

from ftfy import TextFixerConfig
from ftfy.chardata import C1_CONTROL_RE, LIGATURES, WIDTH_MAP
from ftfy.fixes import SURROGATE_RE, fix_c1_controls, fix_surrogates

from presswash.edits import Edit, diff_edits, edits_of_pieces
from presswash.ftfy_characters import (
    BEYOND_PUNCTUATION,
    CONTROL_CHARACTERS,
    CURLY_DOUBLE_QUOTES,
    CURLY_SINGLE_QUOTES,
    ESCAPE,
    FTFY_WORK_ELSEWHERE,
    LIGATURE_CHARACTERS,
    LINE_BREAKS,
    MAY_NEED_MORE_THAN_QUOTES,
    MAY_NEED_MORE_THAN_QUOTES_AND_ORDER,
    MOJIBAKE_CHARACTERS,
    RARE_FIX,
    WIDTH_CHARACTERS,
)
from presswash.ftfy_loop import fix_segment
from presswash.sieve import COMMON_PUNCTUATION, PIECE, AsciiSieve, in_pieces
from presswash.step import ANY_NON_ASCII, Step, blocks_of_lines, split_lines
from presswash.steps.ftfy_decoding import fix_encoding, fix_encoding_sieved
from presswash.steps.html_entities import ascii_entities_decoded, has_entities, unescape
from presswash.steps.misread_sequences import misread_edits
from presswash.steps.mojibake_runs import (
    BEYOND_RUNLESS_CHARACTERS,
    JUDGED_WHERE_THEY_STAND,
    LONE_CHARACTERS,
)
from presswash.steps.mojibake_screen import (
    MAY_HOLD_MOJIBAKE,
    RUN_SCANS,
    SIEVED_SHARE,
    begins_in_run,
    in_run_somewhere,
    judged_fire,
    may_hold_mojibake,
    most_look_ups,
    stands_in_run,
)
from presswash.steps.normalization import (
    JOINED_MARKS,
    TABLES_ARE_CURRENT,
    crowded_with_ordered_marks,
    is_nfc,
    normalize,
    sieved_is_nfc,
    stable_under_nfc,
    stretch_is_nfc,
)

# Past this share of a text's characters met by the scan after a scan of their own (quotes that
# crowd a text), the scan hands the text on: stopping at each costs more than the general way.
MET_AGAIN_SHARE = 1 / 16


def _is_normalized(form: Literal["NFC", "NFD", "NFKC", "NFKD"], text: str) -> bool:
    return is_nfc(text) if form == "NFC" else unicodedata.is_normalized(form, text)


class FtfyCompatible(Step):
    """Every fix of ``ftfy.fix_text`` with its configuration, giving its exact output."""

    name = "ftfy"
    # Everything ftfy can change; normalization alone can change any non-ASCII text.
    trigger = "&\x00-\x08\x0b\x0d-\x1f\x7f" + ANY_NON_ASCII

    def __init__(self, config: TextFixerConfig) -> None:
        self.config = config._replace(explain=False)
        # Text largely non-ASCII (a line of mojibake) stands for its own sieved form.
        self._sieve = AsciiSieve(self.trigger).sieve_unless_dense
        self._quotes = (
            [(quote, "'") for quote in CURLY_SINGLE_QUOTES] + [(quote, '"') for quote in CURLY_DOUBLE_QUOTES]
            if config.uncurl_quotes
            else []
        )
        self._punctuation_suffices = config.normalization is None or (
            config.normalization == "NFC" and stable_under_nfc(COMMON_PUNCTUATION)
        )
        # The ligatures and full-width forms that ftfy replaces by ASCII, as it is configured:
        # replacing them first gives ftfy no new work. Not ＆, which can make an entity, nor
        # ﬁ and ﬂ, which can stand in mojibake (Mac Roman) that ftfy decodes before.
        self._replaced_by_ascii = {
            chr(code): replacement
            for fix, table in (("fix_latin_ligatures", LIGATURES), ("fix_character_width", WIDTH_MAP))
            if getattr(config, fix)
            for code, replacement in table.items()
            if replacement.isascii() and "&" not in replacement and chr(code) not in MOJIBAKE_CHARACTERS
        }

    def applies(self, text: str, notable: str) -> bool:
        # The pipeline's gate has already looked for the trigger, and ``fix``
        # makes the finer checks itself.
        return True

    def fix(self, text: str) -> str:
        return self.fix_sieved(text, self._sieve(text))

    def fix_sieved(self, text: str, notable: str) -> str:
        quick = self._quick(text, notable, self.config.unescape_html)
        if quick is not None:
            return quick
        # ftfy cuts lines longer than max_decode_length into segments of that length.
        whole = len(text) <= self.config.max_decode_length
        one_line = whole and text.find("\n") in (-1, len(text) - 1)
        config = self._segment_config(text, self.config) if one_line else self.config
        entities = bool(config.unescape_html)
        fixed = self._replace_characters(text, notable, entities, line=one_line, whole=whole)
        if fixed is not None:
            return fixed
        if one_line:
            return fix_segment(text, config)
        return "".join(fixed for _, fixed in self._fixed_segments(text))

    def _quick(self, text: str, notable: str, unescape_html: bool | str) -> str | None:
        """ftfy's result for ``text`` (sieved: ``notable``) where it only straightens quotes,
        replaces characters by ASCII and decodes entities (as ``unescape_html`` says) that
        stand for printable ASCII; None where it may do more."""
        if not self._punctuation_suffices:
            return None
        if BEYOND_PUNCTUATION.search(notable) is None:
            return self._uncurled(text, notable)
        if len(notable) > len(text) * SIEVED_SHARE:
            replaced = self._replaced_only(text, unescape_html)
            if replaced is not None:
                return self._uncurled(replaced, notable)
        return None

    def edits(self, text: str) -> list[Edit]:
        return edits_of_pieces(
            (
                segment,
                misread_edits(segment, fixed) if may_hold_mojibake(segment) else diff_edits(segment, fixed),
            )
            for segment, fixed in self._fixed_segments(text)
        )

    def _fixed_segments(self, text: str) -> Iterator[tuple[str, str]]:
        """``text`` in pieces, each with its fixed form, as ``ftfy.fix_text`` fixes it line by line.

        The lines that may hold mojibake, and the lines ftfy cuts for length, are taken one by
        one as ftfy takes them; the runs of lines between them are taken together where that
        gives the same result. So is each block of a long text (:func:`~presswash.step.blocks_of_lines`),
        and the search for places that may hold mojibake, which reads every character, reads
        only the blocks where mojibake may be (in a long document, a misread line or two).
        """
        config = self.config
        for block in blocks_of_lines(text):
            if len(block) < len(text):
                fixed = self._together(block, config, whole=len(block) <= config.max_decode_length)
                if fixed is not None:
                    config = self._segment_config(block, config)
                    yield block, fixed
                    continue
            for piece, joined in self._pieces(block):
                fixed = self._together(piece, config, whole=True) if joined else None
                if fixed is not None:
                    config = self._segment_config(piece, config)
                    yield piece, fixed
                    continue
                # A line taken alone holds a place where mojibake may be, or was cut for length.
                for segment in split_lines(piece) if joined else [piece]:
                    config = self._segment_config(segment, config)
                    entities = bool(config.unescape_html)
                    notable = self._sieve(segment)
                    fixed = self._replace_characters(
                        segment, notable, entities, line=True, whole=True, suspect=not joined
                    )
                    yield segment, fix_segment(segment, config) if fixed is None else fixed

    def _together(self, lines: str, config: TextFixerConfig, whole: bool) -> str | None:
        """ftfy's result for ``lines`` (whole lines, ftfy's ``config`` before them) taken together,
        as a document is (a block of Greek by one scan); None where they are to be taken apart."""
        notable = self._sieve(lines)
        quick = self._quick(lines, notable, config.unescape_html)
        if quick is not None:
            return quick
        entities = bool(config.unescape_html)
        return self._replace_characters(lines, notable, entities, line=False, whole=whole)

    def _pieces(self, text: str) -> Iterator[tuple[str, bool]]:
        """``text`` as ftfy segments it, but with each run of lines that cannot hold mojibake
        joined into one piece: ``(piece, joined)``.

        >>> step = FtfyCompatible(TextFixerConfig())
        >>> list(step._pieces("a\\nb\\nNicol\u00c3\u00a1s\\nc\\nd"))
        [('a\\nb\\n', True), ('NicolÃ¡s\\n', False), ('c\\nd', True)]
        """
        limit = self.config.max_decode_length
        candidate = self._next_candidate(text, 0)
        joined_from = position = 0
        while position < len(text):
            end = text.find("\n", position) + 1 or len(text)
            if end - position <= limit and candidate >= end:
                position = end
                continue
            if candidate < end:
                candidate = self._next_candidate(text, end)
            if joined_from < position:
                yield text[joined_from:position], True
            while position < end:  # ftfy cuts a long line every max_decode_length characters
                cut = min(end, position + limit)
                yield text[position:cut], False
                position = cut
            joined_from = position
        if joined_from < len(text):
            yield text[joined_from:], True

    @staticmethod
    def _next_candidate(text: str, start: int) -> int:
        """Where the next place that may hold mojibake is, from ``start`` on (the end if none)."""
        match = MAY_HOLD_MOJIBAKE.search(text, start)
        return len(text) if match is None else match.start()

    @staticmethod
    def _segment_config(segment: str, config: TextFixerConfig) -> TextFixerConfig:
        """ftfy's rule: from the first segment with a ``<`` on, HTML entities are left alone."""
        if config.unescape_html == "auto" and "<" in segment:
            return config._replace(unescape_html=False)
        return config

    def _replace_characters(
        self, text: str, notable: str, entities: bool, line: bool, whole: bool, suspect: bool = False
    ) -> str | None:
        """ftfy's result for ``text`` (sieved: ``notable``) the cheapest way, or None if only ftfy will do.

        This is one round of ftfy's fixes in ftfy's order, then a check that a
        second round would change nothing. A whole document that may hold
        mojibake, or entities and a ``<``, is handed back (to be taken line by
        line); on one line, the mojibake is decoded as ftfy's first round does.
        A ``suspect`` line (one that may hold a place where mojibake may be) is
        looked at there first: where that place is in a run (a line of a
        misread document, where the screen costs most), the line is decoded
        without screening it, for the decoding tells exactly.
        A text that ftfy would cut into segments (not ``whole``) is handed back
        if it holds something a cut could split (an entity, ``\\r\\n``) or
        needs normalizing, which ftfy does segment by segment.
        """
        if not notable:
            return text  # nothing that any of ftfy's fixes reacts to (a line of plain ASCII)
        if ESCAPE in notable:
            return None
        config = self.config
        unescaped = has_entities(text, notable, entities)
        if not whole and (unescaped or "\r" in notable or not stable_under_nfc(notable)):
            return None  # ftfy's segments may cut an entity or \r\n in two, and are normalized apart
        if unescaped:
            if not line and "<" in text:
                return None  # whether a line's entities are decoded depends on the lines before it
            text = unescape(text)
            notable = self._sieve(text)
        fixed = text
        decoded = None  # the line as ftfy's decoding leaves it
        seen_clean = False  # whether ftfy's heuristic is known to see no mojibake in the line
        mojibake = (suspect and begins_in_run(text)) or may_hold_mojibake(text, notable)
        rare = mojibake or RARE_FIX.search(notable) is not None
        if mojibake:
            if not line:
                return None
            if config.fix_encoding:
                # Without a config, as ftfy.fix_text itself calls it (it skips the config there).
                fixed, sieved, seen_clean = fix_encoding_sieved(fixed, self._sieve, suspect=True)
                notable = self._sieve(fixed) if sieved is None else sieved
                decoded = fixed
            else:
                notable = self._sieve(fixed)
            if config.fix_c1_controls and C1_CONTROL_RE.search(notable) is not None:
                fixed = fix_c1_controls(fixed)
                notable = self._sieve(fixed)
                seen_clean = False  # the characters the controls became may make mojibake anew
        # Each rare fix replaces only the characters of its own that are present.
        present = set(RARE_FIX.findall(notable)) if rare else set()
        # Every character of ``fixed`` is then ASCII, in ``notable`` or brought by a rare fix.
        brought = ""
        if rare:
            if config.fix_latin_ligatures:
                for char in present & LIGATURE_CHARACTERS:
                    fixed = fixed.replace(char, LIGATURES[ord(char)])
                    brought += LIGATURES[ord(char)]
            if config.fix_character_width:
                for char in present & WIDTH_CHARACTERS:
                    fixed = fixed.replace(char, WIDTH_MAP[ord(char)])
                    brought += WIDTH_MAP[ord(char)]
        fixed = self._uncurled(fixed, notable + brought)  # ŉ brings ʼ, a quote
        # Lone surrogates are suspicious alone: only text that may hold mojibake has them.
        paired = mojibake and config.fix_surrogates and SURROGATE_RE.search(notable) is not None
        if rare:
            if config.fix_line_breaks and not present.isdisjoint(LINE_BREAKS):
                fixed = fixed.replace("\r\n", "\n").replace("\r", "\n")
                fixed = fixed.replace("\u2028", "\n").replace("\u2029", "\n")
            if paired:
                fixed = fix_surrogates(fixed)
            if config.remove_control_chars:
                for char in present & CONTROL_CHARACTERS:
                    fixed = fixed.replace(char, "")
        normalized = False
        removed = not present.isdisjoint(CONTROL_CHARACTERS)
        # Surrogates paired into a character beyond the BMP are not in ``notable``; a removed
        # control character brings its neighbours together; a brought letter can be the one
        # a mark joins (ｶ becomes カ, which NFC joins to a voicing mark after it).
        stable = (
            not paired
            and not removed
            and config.normalization == "NFC"
            and (not brought or (stable_under_nfc(brought) and JOINED_MARKS.isdisjoint(notable)))
            and sieved_is_nfc(notable)
        )
        if config.normalization and not stable and not _is_normalized(config.normalization, fixed):
            if not whole:
                return None  # a rare fix brought an unstable character (ﾞ becomes U+3099)
            fixed = normalize(config.normalization, fixed)
            normalized = True
        if fixed is decoded and not unescaped:
            # No fix changed the line that ftfy's decoding leaves as it is, and decoding brings
            # no entity or escape (ASCII bytes read back as themselves): a second round of
            # ftfy's fixes would change nothing.
            return fixed
        # Straightened quotes are ASCII and cannot give ftfy new work; the other
        # fixes can (a removed control character joins two mojibake letters,
        # ＆ becomes &, &amp;amp; becomes &amp;), and then ftfy's second round
        # would change the text. A rare fix that only put ASCII in place of
        # characters (a Chinese text's full-width commas) leaves every pair of
        # neighbouring non-ASCII characters, where mojibake would be, as it
        # was: of ftfy's work, only an entity it completed can be new, unless
        # the text holds a character the heuristic judges by its ASCII
        # neighbours (``Ã`` before what became a space). Where the line may have
        # held mojibake, the same holds if ftfy's heuristic sees none in what
        # ftfy's decoding left (not if it sees some that no reading undoes: an
        # ASCII quote in place of a curly one may let one).
        if (
            rare
            and (not mojibake or seen_clean)
            and not (unescaped or paired or removed or normalized)
            and brought.isascii()
            and JUDGED_WHERE_THEY_STAND.isdisjoint(notable)
        ):
            return None if has_entities(fixed, fixed, entities) else fixed
        if unescaped or rare or normalized:
            notable = self._sieve(fixed)
            if ESCAPE in notable or has_entities(fixed, notable, entities):
                return None
            # (A whole document is then taken line by line, as ftfy does.)
            mojibake_left = may_hold_mojibake(fixed, notable)
            if mojibake_left and (not line or self._encoding_fixes_change(fixed, notable)):
                return None
        return fixed

    def _replaced_only(self, text: str, unescape_html: bool | str) -> str | None:
        """``text`` as ftfy leaves it but for its quotes, if ftfy's only other work on it is
        replacing ligatures and full-width forms by ASCII (and decoding its entities, as ftfy's
        ``unescape_html`` setting says); None if it may do more.

        For text in Greek, Cyrillic, Hebrew or Chinese, its entities decoded first if each stands
        for a printable ASCII character (see :mod:`presswash.steps.html_entities`), one scan finds
        every place where ftfy may do more than straighten quotes
        (:data:`~presswash.ftfy_characters.MAY_NEED_MORE_THAN_QUOTES`).
        Each is then looked at as the screens would: a character outside the runless set for a run
        around it (:func:`~presswash.steps.mojibake_screen.stands_in_run`; the first of up to
        ``RUN_SCANS`` distinct ones that are not suspicious alone is looked for throughout by one
        scan led by it; past the look-ups the text allows, the whole text is screened once
        instead), a stretch of marks for NFC (in a text crowded with marks that NFC may only put in
        order, Thai, the scan passes over them after the first stretch, and
        ``unicodedata.is_normalized`` checks the rest at the end). A character replaced by ASCII (a
        Chinese text's full-width comma) is replaced throughout at once, and the scan goes on: the
        replacement brings no mojibake, entity or NFC work, but for new neighbours of the
        characters the heuristic judges where they stand, which are judged again. (Normalization
        must be NFC or none, as for the punctuation shortcut.)

            >>> step = FtfyCompatible(TextFixerConfig())
            >>> step._replaced_only("中文，“引号”。", "auto"), step._replaced_only("Это РџСЂРёРІРµС‚", "auto")
            ('中文,“引号”。', None)
        """
        if len(text) > self.config.max_decode_length or not TABLES_ARE_CURRENT:
            return None  # ftfy cuts the text into segments, or the NFC tables are of another Unicode
        if "&" in text:
            decoded = ascii_entities_decoded(text, unescape_html)
            if decoded is None:
                return None
            text = decoded
        look_ups = most_look_ups(text)
        led: set[str] = set()
        met_again = 0  # places of those characters met by the scan after their own
        original = text
        scan = MAY_NEED_MORE_THAN_QUOTES.over(text)
        stretched = False  # whether a stretch of marks has been looked at
        ordered_from: int | None = None  # where the marks left to one check at the end begin
        found = scan.search(text)
        while found is not None:
            position = found.start()
            character = text[position]
            replacement = self._replaced_by_ascii.get(character)
            end = position + 1
            if replacement is not None:
                text = text.replace(character, replacement)  # none of it stands before ``position``
            elif character in FTFY_WORK_ELSEWHERE:
                return None
            elif character in BEYOND_RUNLESS_CHARACTERS:  # none of them is unstable under NFC
                if character in led:  # looked for in runs throughout already
                    met_again += 1
                    if met_again > len(text) * MET_AGAIN_SHARE:
                        return None  # a text crowded with quotes: the general way costs less
                elif character not in LONE_CHARACTERS and len(led) < RUN_SCANS:
                    # Guillemets and quotes (Greek, Chinese): one scan led by each finds them in runs.
                    led.add(character)
                    if in_run_somewhere(text, character):
                        return None
                elif look_ups == 0:
                    # Past the look-ups the text allows (a text dense with quotes), the whole
                    # of it is screened once, and the rest of the scan looks for other work.
                    if may_hold_mojibake(text, text):
                        return None
                    look_ups = -1
                elif look_ups > 0:
                    look_ups -= 1
                    if stands_in_run(text, position):
                        return None
            elif ordered_from is None:  # where NFC may have work
                normalized, end = stretch_is_nfc(text, position)
                if not normalized:
                    return None
                if not stretched and crowded_with_ordered_marks(text, end):
                    # Marks crowd the text, and NFC may only put them in order (Thai): the scan
                    # passes over them, and one check of the rest orders them at the end.
                    scan, ordered_from = MAY_NEED_MORE_THAN_QUOTES_AND_ORDER.over(text), end
                stretched = True
            else:
                # NFC may do more than order marks here: the rest is scanned for all its work
                # again from where marks were left, and none are left to the end any more.
                scan, end, ordered_from = MAY_NEED_MORE_THAN_QUOTES.over(text), ordered_from, None
            found = scan.search(text, end)
        # A stretch ends before a stable character, across which NFC never reaches.
        if ordered_from is not None and not unicodedata.is_normalized("NFC", text[ordered_from:]):
            return None
        # ftfy judges some characters by their neighbours, in the text as it came (its first round)
        # and as its fixes leave it (its second): a replacement may have given them new neighbours
        # (Ã and a full-width space that became a space), which the scan met either way.
        judged = "".join(mark for mark in JUDGED_WHERE_THEY_STAND if mark in text) if text != original else ""
        if judged and (judged_fire(original, original, judged) or judged_fire(text, text, judged)):
            return None
        return text

    def _uncurled(self, text: str, characters: str) -> str:
        """``text``, made of ASCII and ``characters``, with its curly quotes straightened if ftfy would.

        Only the quotes among ``characters`` are looked for.
        """
        if len(text) > PIECE:
            return in_pieces(functools.partial(self._uncurled, characters=characters), text)
        for quote, straight in self._quotes:
            if quote in characters:
                text = text.replace(quote, straight)
        return text

    def _encoding_fixes_change(self, line: str, notable: str) -> bool:
        """Whether ftfy's mojibake, C1 and surrogate fixes would change ``line`` (sieved: ``notable``)."""
        config = self.config
        return (
            (config.fix_encoding and fix_encoding(line) != line)
            or (config.fix_c1_controls and C1_CONTROL_RE.search(notable) is not None)
            or (config.fix_surrogates and SURROGATE_RE.search(notable) is not None)
        )
