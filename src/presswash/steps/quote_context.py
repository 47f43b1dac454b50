"""What a quote knows of the text around it: its group, the last quotation mark before it,
and the next single quote after it.

Quote repair asks these questions of quote after quote, in text order, so each
answer is found lazily and kept, and each piece of text is looked at a bounded
number of times: the work stays linear however dense the quotes. The last
double or single mark before a quote is searched backwards no further than
where the last search of its kind started; a group of quotes side by side is
measured once for all its quotes.

>>> context = QuoteContext("“Yes,” he said, ‘no‘")
>>> context._where(4), context._previous_mark(19, double=False)
('closing', 'opening')
"""

from __future__ import annotations

from presswash.steps.quote_elisions import STARTS_ELISION
from presswash.steps.quote_marks import (
    ALONE,
    CLOSING,
    CURLY_SET,
    LEFT_DOUBLE,
    LEFT_SINGLE,
    LOW,
    LOW_DOUBLE,
    LOW_SINGLE,
    OPENING,
    RIGHT_DOUBLE,
    RIGHT_SINGLE,
    SINGLE_QUOTE,
    position_of,
)


class QuoteContext:
    """A text, with what its quotes have asked about it so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Where the last double and single mark before ``_searched_double`` / ``_searched_single`` stand.
        self._last_double: str | None = None
        self._last_single: str | None = None
        self._searched_double = self._searched_single = 0
        self._group = (0, 0, ALONE)  # the last group of quotes looked at: its span and position

    def _next_single_boundary(self, position: int) -> tuple[int, str]:
        text = self.text
        quote = SINGLE_QUOTE.search(text, position + 1)
        while quote is not None:
            where = self._where(quote.start())
            if where in (OPENING, CLOSING):
                return quote.start(), where
            quote = SINGLE_QUOTE.search(text, quote.end())
        return -1, ALONE

    def _previous_mark(self, position: int, double: bool) -> str | None:
        """Where the last double (or single) quotation mark before ``position`` stands (``LOW`` for „ or ‚).

        A single quote counts only where it opens or closes, and not where it starts an
        elision (``’90s``, ``‘em``): there it is an apostrophe.
        """
        text = self.text
        if double:
            marks, last, floor = (
                (LOW_DOUBLE, LEFT_DOUBLE, RIGHT_DOUBLE),
                self._last_double,
                self._searched_double,
            )
        else:
            marks, last, floor = (
                (LOW_SINGLE, LEFT_SINGLE, RIGHT_SINGLE),
                self._last_single,
                self._searched_single,
            )
        # The nearest occurrence of each mark; only the one taken is searched again further back.
        nearest = [text.rfind(mark, floor, position) for mark in marks]
        while (found := max(nearest)) >= 0:
            kind = nearest.index(found)
            where = self._where(found) if kind else LOW
            if (
                double
                or where in (CLOSING, LOW)
                or (where == OPENING and not STARTS_ELISION.match(text, found + 1))
            ):
                last = where
                break
            nearest[kind] = text.rfind(marks[kind], floor, found)
        # Kept, so that the next question about this kind of mark starts here.
        if double:
            self._last_double, self._searched_double = last, position
        else:
            self._last_single, self._searched_single = last, position
        return last

    def _where(self, position: int) -> str:
        """The position of the group of curly quotes side by side that holds the quote at ``position``."""
        text = self.text
        before = text[position - 1] if position else ""
        after = text[position + 1 : position + 2]
        if before not in CURLY_SET and after not in CURLY_SET:
            return position_of(before, after)
        start, stop, where = self._group
        if start <= position < stop:
            return where
        start, stop = position, position + 1
        while start and text[start - 1] in CURLY_SET:
            start -= 1
        while stop < len(text) and text[stop] in CURLY_SET:
            stop += 1
        where = position_of(text[start - 1] if start else "", text[stop] if stop < len(text) else "")
        self._group = (start, stop, where)
        return where
