"""Quotation marks that point the wrong way, turned around.

Autocorrect, OCR and hurried copy-editing leave news text with curly quotes
that face the wrong way (``“Ukraine needs more,“ he said``, ``didn‘t``, ``the
‘90s``). The usual cure, flattening every quote to ``"`` and ``'``, destroys
the typography that was right. This step keeps it: it decides from the
neighbouring characters whether each quote opens or closes and turns around
only those that point the wrong way. It never changes anything but the
orientation of ``‘ ’ “ ”`` (``‘`` and ``’`` swap, ``“`` and ``”`` swap) and
never curls straight quotes.

Opening or closing. The start of the text, whitespace, an opening bracket or a
dash before a quote and a word after it make it an opening quote; a word or
punctuation before it and whitespace, punctuation or the end after it make it a
closing one. Quotes standing side by side (``’”``) share the neighbours of the
group. A single quote between two letters is an apostrophe. Whatever is
neither (a quote alone between spaces, a quote glued to words on both sides)
is left as it is.

The rule. ``“`` closes quotations in half of Europe (``„…“``: Bulgarian,
Czech, Danish, Estonian, Georgian, German, Icelandic, Lithuanian, Macedonian,
Romanian, Serbian, Bosnian, Croatian, Slovak, Slovenian, Ukrainian) and ``”``
opens them in Swedish and Finnish (``”…”``), so a quote is turned around only
on evidence, in this order:

1. Right-to-left text is left alone: in a paragraph with Arabic, Hebrew,
   Syriac, Thaana or N'Ko letters nothing changes (writers there type
   ``”…“`` and ``’…‘`` with the glyphs unmirrored).
2. ``“`` (or ``‘``) in a closing position becomes ``”`` (``’``) when the last
   double (single) quote before it stands in an opening position, anywhere
   before it: ``“Ukraine needs more,“`` → ``“Ukraine needs more,”`` (a single
   quote that starts an elision is an apostrophe and does not count).
   Otherwise a ``„`` (``‚``) anywhere before it is the quote it closes, and it
   stays: ``„Wir schaffen das“``. With neither in sight (a sentence cut out of
   an article) the paragraph's words decide (:mod:`.quote_languages`): it stays
   where the letters and common words of the ``„…“`` languages (Cyrillic,
   Georgian, ``š ž č ė ų ß``, ``sagte``, ``und`` …) outweigh those of the
   languages that close with ``”`` (English words, Polish ``ł``, CJK …):
   ``Tai buvo svarbu“, – sakė jis.``, ``Это было важно“, — сказал он.``; it is
   turned elsewhere, also where there is no evidence either way (most
   languages quote as English does): ``the players‘ union`` → ``the players’
   union``.
3. ``‘`` between two letters becomes the apostrophe ``’`` where an English
   ending follows it or a French or Italian elided word precedes it
   (``NATO‘s``, ``six o‘clock``, ``qu‘il``), never in ``O‘zbekiston`` or
   ``Hawai‘i`` (:mod:`.quote_elisions`).
4. ``‘`` at the start of a word becomes ``’`` before a year cut to two digits
   (``the ‘90s``, ``in ‘77``), in ``rock ‘n‘ roll``, and before an elided word
   that is no word of its own (``‘em``, ``‘tis``, ``‘Frisco``) unless a closing
   quote answers it in the same paragraph (``‘Tis the season,’ she said`` may
   open a quotation and stays); a plural possessive (``the players’ union``)
   answers nothing, nor does a quote that closes a quotation opened before it
   (``‘I told ‘em off,’ he said``).
5. ``”`` before a word becomes ``“`` in a paragraph that opens some quotation
   with ``“`` or ``‘``, or whose words of languages that close with ``”``
   (English, Indonesian, Portuguese, CJK …) outnumber its Swedish and Finnish
   ones: ``”Where did he live?”`` → ``“Where did he live?”``, but ``”Det är
   bra”, sa han.`` stays. ``’`` before a word becomes ``‘`` on the same
   evidence, when a closing single quote answers it in the same paragraph and
   the word after it is no elision (``’90s``, ``’n’``, ``’tis`` and ``’s``
   stay).

Everything else holds whatever the language: English ``“…”`` and ``‘…’``
(including a quotation over several paragraphs, each opening with ``“``),
German ``„…“`` and ``‚…‘``, Polish ``„…”``, Swedish ``”…”`` and ``’…’``,
guillemets, corner brackets, primes, straight quotes and quotes beside CJK text.

The common case costs a few scans for a single character each: they look only
for quotes whose neighbours contradict their orientation (the screens; a closing
``“`` after ``„`` passes), so a correctly quoted text is returned after them.
Only the paragraphs with such a quote are studied, and most of their quotes are
turned a whole kind at a time, in one regular-expression pass over the paragraph
(or over a run of paragraphs that settle the same kinds): the in-word apostrophes,
the years and elisions that no closing quote answers, the opening ``’`` that one
answers, and, where the paragraph's words settle it, every closing ``“`` or ``‘``
and opening ``”``, alone or in a group of up to four quotes side by side. Only
what depends on the quotes before it is decided one at a time, in Python: a closing
quote in a paragraph that may quote ``„…“``, an elision that a closing quote
answers, ``O‘`` before a name, and groups of more than four quotes
(:mod:`.quote_marks` has the patterns).

    >>> repair_quotes("“Ukraine needs more,“ he said of their “remarkable ingenuity,“ with pride.")
    '“Ukraine needs more,” he said of their “remarkable ingenuity,” with pride.'
    >>> repair_quotes("NATO‘s chief said he didn‘t know. ‘It was ‘fine‘ then,‘ he added.")
    'NATO’s chief said he didn’t know. ‘It was ‘fine’ then,’ he added.'
    >>> repair_quotes("”No,” he said, calling it ’a farce’ in the ‘90s, at six o‘clock.")
    '“No,” he said, calling it ‘a farce’ in the ’90s, at six o’clock.'
    >>> repair_quotes("„Wir schaffen das“, sagte sie. ”Det är bra”, sa han.")
    '„Wir schaffen das“, sagte sie. ”Det är bra”, sa han.'
    >>> repair_quotes("Tai buvo svarbu“, – sakė jis.")
    'Tai buvo svarbu“, – sakė jis.'
    >>> QuoteRepair().edits("It‘s")
    [Edit(start=2, end=3, replacement='’')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from presswash.edits import Edit, replace_characters, splice
from presswash.step import Step
from presswash.steps.quote_context import QuoteContext
from presswash.steps.quote_elisions import (
    MIS_CURLED_APOSTROPHE,
    PLURAL_POSSESSIVE,
    ROCK_N_ROLL,
    is_mis_curled_apostrophe,
)
from presswash.steps.quote_languages import Evidence, holds_right_to_left
from presswash.steps.quote_marks import (
    ALONE,
    ANSWERED_OPENING_SINGLE,
    ANSWERS_OPENING_DOUBLE,
    CLOSING,
    CURLY,
    DOUBLE_MARK,
    ENGLISH_OPENING,
    GROUP_KINDS,
    IN_SHORT_GROUP,
    INSIDE,
    KIND_POSITION,
    LEFT_DOUBLE,
    LEFT_SINGLE,
    LOW_DOUBLE,
    LOW_SINGLE,
    OPENING,
    OPENS_WORD,
    REPAIRABLE_IN,
    RIGHT_DOUBLE,
    RIGHT_SINGLE,
    SCREENED_QUOTE,
    SIDE_BY_SIDE,
    TURN_ALL,
    TURNED,
    UNANSWERED_ELIDED_WORD,
    YEAR_OR_ROCK,
    Candidates,
    kinds_pattern,
    position_of,
    screened,
)


class QuoteRepair(Step):
    """Re-orient curly quotes that point the wrong way, keeping every convention that is right."""

    name = "quotes"
    trigger = CURLY
    screens_itself = True
    dense_trigger = CURLY  # quotes are few in text largely non-ASCII

    def __init__(self) -> None:
        # The text in which applies() last found a screened quote, compared by identity: the
        # cleaner asks it just before fix(), which need not read a long document for one again
        # (a text cleaned at the same time in another thread only misses it).
        self._screened: str | None = None

    def applies(self, text: str, notable: str) -> bool:
        """False when no curly quote stands where it may point the wrong way."""
        return self.trigger_pattern.search(notable) is not None and self._screens(text)

    def applies_around(self, text: str, notable: str, characters: str) -> bool:
        # The text holds a curly quote (``characters``): in text largely non-ASCII, ``notable`` is
        # the text itself, which looking for one again would read through.
        return self._screens(text)

    def _screens(self, text: str) -> bool:
        found = screened(text)
        self._screened = text if found else None
        return found

    def fix(self, text: str) -> str:
        return self.fix_sieved(text, text)

    def fix_sieved(self, text: str, notable: str) -> str:
        # ``notable`` holds every character of ``text`` beyond ASCII (a long English document's
        # few), which tell whether it holds right-to-left letters.
        return _Document(text, notable).fixed() if text is self._screened or screened(text) else text

    def edits(self, text: str) -> list[Edit]:
        return [Edit(*repair) for repair in _Document(text).repairs()] if screened(text) else []


def repair_quotes(text: str) -> str:
    """Return ``text`` with its mis-oriented curly quotes turned around.

    >>> repair_quotes("the players‘ union")
    'the players’ union'
    """
    return _STEP.fix(text)


class _Paragraph:
    """A paragraph (line) with a screened quote: its span, its words and whether it quotes the English way."""

    def __init__(self, text: str, start: int, end: int, first_quote: int, right_to_left: bool) -> None:
        self.text, self.start, self.end = text, start, end
        self.evidence = Evidence.around(text, start, end, first_quote, right_to_left)
        self._english: bool | None = None

    @property
    def english(self) -> bool:
        """Whether a right quote before a word opens an English quotation here (rule 5)."""
        if self._english is None:
            opens = ENGLISH_OPENING.search(self.text, self.start, self.end) is not None
            self._english = opens or self.evidence.opens_with_left_quote
        return self._english


class _Document(QuoteContext):
    """A screened text and the repairs its quotes call for.

    Every decision depends only on the text as it came in, never on the order
    in which quotes are decided or on what was turned before: the last mark
    before a quote counts by the position it stands in, not by its glyph. So a
    paragraph can turn a whole kind of quote in one scan where its evidence
    settles the kind (every lone closing ``“`` of an English paragraph), and
    decide the others one at a time.

    What a quote needs to know about the rest of the text is found lazily and
    each piece of text is looked at a bounded number of times, so that the
    work stays linear however dense the quotes (see :class:`.QuoteContext`);
    the next single quote that opens or closes is searched forwards once for
    all the quotes before it.
    """

    def __init__(self, text: str, beyond_ascii: str | None = None) -> None:
        super().__init__(text)
        self._first_low_double = text.find(LOW_DOUBLE)
        self._first_low_single = text.find(LOW_SINGLE)
        # Whether right-to-left letters stand anywhere (told by the text's characters beyond ASCII,
        # ``beyond_ascii``, if the caller has them): if not, no paragraph is looked at for them.
        held = text if beyond_ascii is None else beyond_ascii
        self._right_to_left = holds_right_to_left(held, 0, len(held))
        self._paragraph = _Paragraph("", 0, 0, 0, False)
        # The patterns that turn the current paragraph's quotes of a kind as a whole: a quote
        # in a group that one of them finds is not decided again.
        self._turned_by_kind: list[re.Pattern[str]] = []
        # The next single quote that opens or closes after ``_boundary_from``: its index and position.
        self._boundary_from, self._boundary = len(text), (-1, ALONE)

    def repairs(self, by_kind: bool = True) -> list[tuple[int, int, str]]:
        """Each quote to turn around, as its span and its replacement, in text order.

        With ``by_kind=False`` every quote is decided one at a time: the reference
        that turning a kind of quote in one scan must agree with.
        """
        found: list[tuple[int, int, str]] = []
        for start, end in self._paragraphs():
            if not by_kind:
                found += self._one_by_one(SCREENED_QUOTE, start, end)
                continue
            turn_all, repairs = self._plan()
            for quotes, turned in turn_all:
                repairs += self._turn_all(quotes, turned)
            found += sorted(repairs)
        return found

    def fixed(self) -> str:
        """The text with its quotes turned around: :meth:`repairs` applied, each kind that
        turns as a whole replaced in one pass of the regular-expression engine.

        Turning a quote never changes what another pattern finds: each pattern
        looks at its neighbours only as quotes or not (turned, a quote is still
        one), and a quote once turned is of no kind that turns.
        """
        text = self.text
        one_by_one: list[tuple[int, int, str]] = []
        # Consecutive paragraphs that turn the same kinds, with no right-to-left paragraph
        # between them (which stays as it is), are turned in the same passes.
        runs: list[tuple[list[tuple[re.Pattern[str], str]], int, int]] = []
        for start, end in self._paragraphs():
            turn_all, repairs = self._plan()
            one_by_one += repairs
            if runs and turn_all == runs[-1][0] and not self._right_to_left_since(runs[-1][2], start):
                runs[-1] = (turn_all, runs[-1][1], end)
            else:
                runs.append((turn_all, start, end))
        pieces: list[str] = []
        done = 0
        for turn_all, start, end in runs:
            if turn_all:
                pieces += (text[done:start], self._turned(turn_all, start, end))
                done = end
        pieces.append(text[done:])
        fixed = "".join(pieces)
        # Every repair swaps one character, so the positions still hold.
        if len(one_by_one) < len(text) >> 6:
            return splice(fixed, sorted(one_by_one))
        return replace_characters(fixed, ((position, new) for position, _, new in one_by_one))

    def _right_to_left_since(self, end: int, start: int) -> bool:
        """Whether a paragraph between two others (``text[end:start]``) may be a right-to-left one."""
        return self._right_to_left and holds_right_to_left(self.text, end, start)

    def _turned(self, turn_all: list[tuple[re.Pattern[str], str]], start: int, end: int) -> str:
        """``text[start:end]`` with every quote of the kinds in ``turn_all`` turned."""
        text = self.text
        # With the line breaks around it, which the patterns may look at (and never change).
        first, stop = max(start - 1, 0), min(end + 1, len(text))
        paragraphs = text[first:stop]
        for quotes, turned in turn_all:
            paragraphs = quotes.sub(turned, paragraphs)
        return paragraphs[start - first : len(paragraphs) - (stop - end)]

    def _paragraphs(self) -> Iterator[tuple[int, int]]:
        """The span of each paragraph (line) with a quote of a kind that may turn (a screened
        quote, alone or in a group that stands where it may), that is not right-to-left;
        made the current paragraph while it is studied."""
        text = self.text
        end = 0
        candidates = Candidates(text)
        quote = candidates.first_from(0)
        while quote >= 0:
            start = text.rfind("\n", end, quote) + 1
            end = text.find("\n", quote)
            end = len(text) if end < 0 else end
            self._paragraph = _Paragraph(text, start, end, quote, self._right_to_left)
            if not self._paragraph.evidence.right_to_left:
                yield start, end
            quote = candidates.first_from(end)

    def _plan(self) -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[int, int, str]]]:
        """For the current paragraph: the kinds of quote that turn as a whole (each found by
        a pattern, with the quote it turns into), and the other quotes that turn."""
        text, paragraph = self.text, self._paragraph
        start, end = paragraph.start, paragraph.end
        turn_all = []
        grouped = SIDE_BY_SIDE.search(text, start, end) is not None
        kinds = ["long_group", "group_opening_single"] if grouped else []
        if text.find(LEFT_SINGLE, start, end) >= 0:
            # Rules 3 and 4; rule 4 asks more only of elisions that a closing single quote answers.
            turn_all += [
                (YEAR_OR_ROCK, RIGHT_SINGLE),
                (MIS_CURLED_APOSTROPHE, RIGHT_SINGLE),
                (UNANSWERED_ELIDED_WORD, RIGHT_SINGLE),
            ]
            kinds += ["o_name", "answered_elided_word"]
        repairs = []
        # Each kind that the paragraph settles turns as a whole, also in short groups.
        settled = []
        if self._lone_closing_turns(self._first_low_double, LEFT_DOUBLE):
            settled.append(("closing_double", RIGHT_DOUBLE))
        else:
            kinds += ["group_closing_double"] if grouped else []
            if text.find(LEFT_DOUBLE, start, end) >= 0:
                repairs += self._closing_doubles()
        if self._lone_closing_turns(self._first_low_single, LEFT_SINGLE):
            settled.append(("closing_single", RIGHT_SINGLE))
        else:
            kinds += ["group_closing_single"] if grouped else []
            kinds += ["kept_single", "turned_single", "closing_single"]
        has_right = text.find(RIGHT_DOUBLE, start, end) >= 0 or text.find(RIGHT_SINGLE, start, end) >= 0
        if has_right and paragraph.english:
            settled.append(("opening_double", LEFT_DOUBLE))
            turn_all.append((ANSWERED_OPENING_SINGLE, LEFT_SINGLE))
        turn_all += [(TURN_ALL[kind], turned) for kind, turned in settled]
        in_groups = [(IN_SHORT_GROUP[kind], turned) for kind, turned in settled] if grouped else []
        turn_all += in_groups
        self._turned_by_kind = [pattern for pattern, _ in turn_all]
        if kinds:
            repairs += self._one_by_one(kinds_pattern(*kinds), start, end)
        return turn_all, repairs

    def _turn_all(self, quotes: re.Pattern[str], turned: str, since: int = 0) -> list[tuple[int, int, str]]:
        """Every quote ``quotes`` finds in the paragraph (from ``since`` on), turned into ``turned``."""
        paragraph = self._paragraph
        return [
            (match.end() - 1, match.end(), turned)
            for match in quotes.finditer(self.text, paragraph.start, paragraph.end)
            if match.end() > since
        ]

    def _closing_doubles(self) -> list[tuple[int, int, str]]:
        """The lone ``“`` in a closing position that turn (rule 2), in a paragraph where not all do.

        Before the document's first „, all of them where the paragraph's words call
        for it; the others where the last double mark before them opens a quotation.
        """
        text, paragraph = self.text, self._paragraph
        start, end = paragraph.start, paragraph.end
        first_low = self._first_low_double
        turned = []
        since = start  # where the last double mark decides
        if start < first_low < end and not paragraph.evidence.closes_with_left_quote:
            # (Up to the „, which the patterns see.)
            closing = TURN_ALL["closing_double"].finditer(text, start, first_low + 1)
            turned = [(match.start(), match.end(), RIGHT_DOUBLE) for match in closing]
            since = first_low
        # The paragraph's first double mark answers to the marks of the paragraphs before it.
        first = DOUBLE_MARK.search(text, start, end)
        if (
            first is not None
            and first.start() >= since
            and TURN_ALL["closing_double"].match(text, first.start())
            and self._previous_mark(start, True) == OPENING
        ):
            turned.append((first.start(), first.end(), RIGHT_DOUBLE))
        answering = ANSWERS_OPENING_DOUBLE.finditer(text, start, end)
        return turned + [
            (match.end() - 1, match.end(), RIGHT_DOUBLE) for match in answering if match.end() > since
        ]

    def _lone_closing_turns(self, first_low: int, left: str) -> bool:
        """Whether every lone ``left`` quote in a closing position in the paragraph turns (rule 2):
        the paragraph lies before the first low quote and its words call for it."""
        paragraph = self._paragraph
        return (
            not 0 <= first_low < paragraph.end
            and self.text.find(left, paragraph.start, paragraph.end) >= 0
            and not paragraph.evidence.closes_with_left_quote
        )

    def _one_by_one(self, quotes: re.Pattern[str], start: int, end: int) -> list[tuple[int, int, str]]:
        """The repairs among the quotes that ``quotes`` finds in ``text[start:end]``, each decided alone."""
        found = []
        text = self.text
        for quote in quotes.finditer(text, start, end):
            position = quote.start()
            kind = quote.lastgroup
            if kind == "kept_single":
                continue
            if kind == "turned_single":
                found.append((quote.end() - 1, quote.end(), RIGHT_SINGLE))
                continue
            if kind in GROUP_KINDS:
                found += self._group_repairs(position, quote.end())
                continue
            where = KIND_POSITION[kind] if kind else self._where(position)
            new = self._decide(position, text[position], where)
            if new:
                found.append((position, position + 1, new))
        return found

    def _group_repairs(self, start: int, stop: int) -> list[tuple[int, int, str]]:
        """The repairs in the group of quotes side by side at ``text[start:stop]``: only the
        quotes that may point the wrong way where the group stands are looked at."""
        text = self.text
        where = position_of(text[start - 1] if start else "", text[stop : stop + 1])
        self._group = (start, stop, where)
        if where not in REPAIRABLE_IN:
            return []
        found = []
        for quote in REPAIRABLE_IN[where].finditer(text, start, stop):
            position = quote.start()
            settled = any(pattern.match(text, position) for pattern in self._turned_by_kind)
            if not settled and SCREENED_QUOTE.match(text, position):
                new = self._decide(position, text[position], where)
                if new:
                    found.append((position, position + 1, new))
        return found

    def _decide(self, position: int, char: str, where: str) -> str:
        """The quote that the screened ``char`` at ``position`` should be (``""``: it stays)."""
        if where == CLOSING and char in (LEFT_DOUBLE, LEFT_SINGLE):
            return TURNED[char] if self._turn_closing(position, char) else ""
        if where == INSIDE and char == LEFT_SINGLE:
            return RIGHT_SINGLE if is_mis_curled_apostrophe(self.text, position) else ""
        if where != OPENING:
            return ""
        if char == RIGHT_DOUBLE:
            return LEFT_DOUBLE if self._paragraph.english else ""
        if char == RIGHT_SINGLE:
            return LEFT_SINGLE if self._opening_single(position) and self._paragraph.english else ""
        if char == LEFT_SINGLE:
            return RIGHT_SINGLE if self._elision(position) else ""
        return ""

    def _turn_closing(self, position: int, char: str) -> bool:
        """Whether ``“`` or ``‘`` in a closing position should close the English way (rule 2)."""
        if char == LEFT_SINGLE and position >= 2 and ROCK_N_ROLL.match(self.text, position - 2):
            return True
        first_low = self._first_low_double if char == LEFT_DOUBLE else self._first_low_single
        low_before = 0 <= first_low < position
        if not low_before and not self._paragraph.evidence.closes_with_left_quote:
            return True  # whatever comes before it, it is turned
        return self._previous_mark(position, char == LEFT_DOUBLE) == OPENING

    def _elision(self, position: int) -> bool:
        """Whether a ``‘`` that starts a word before a year or an elided word is an apostrophe (rule 4)."""
        text = self.text
        if text[position + 1].isdecimal() or ROCK_N_ROLL.match(text, position):
            return True
        # Unless a closing quote answers it, and so closes a quotation it opens (an ’ after
        # a plural before the next word is more likely a possessive, the players’ union).
        if not self._answered(position) or PLURAL_POSSESSIVE.match(text, self._boundary[0]):
            return True
        return self._previous_mark(position, False) == OPENING

    def _opening_single(self, position: int) -> bool:
        """Whether a ’ in an opening position opens a quotation (rather than starting an elision).

        It must stand before a letter that starts no elision (and no CJK), and the
        next single quote that opens or closes must close, in the same paragraph.
        """
        return OPENS_WORD.match(self.text, position + 1) is not None and self._answered(position)

    def _answered(self, position: int) -> bool:
        """Whether the next single quote after ``position`` that opens or closes closes (in the paragraph)."""
        answer, where = self._boundary
        if not (self._boundary_from <= position and (answer < 0 or position < answer)):
            self._boundary_from, self._boundary = position, self._next_single_boundary(position)
            answer, where = self._boundary
        return answer >= 0 and where == CLOSING and answer < self._paragraph.end


_STEP = QuoteRepair()
