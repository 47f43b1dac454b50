"""Arrow string columns cleaned on their UTF-8 buffer.

An Arrow ``string`` array is one buffer holding every document's UTF-8 back to
back and the offsets where each starts. Turning each into a Python string and
back (``to_pylist``, then ``pa.array``) decodes and re-encodes the whole column
to change a few documents. Here the screens read the buffer itself (see
:mod:`presswash.integrations.buffers`), in three passes over whole arrays:

1. Each distinct non-ASCII character of the column is asked about once: a document
   holding only characters that no step but quote repair reacts to, standing apart
   (no two neighbours that may begin mojibake), and none of the ASCII bytes the
   cleaner's sieve keeps, is left to quote repair's screen over the bytes, and
   without a suspect quote it is passed over. Most English news, curly quotes,
   dashes and all, is settled here.
2. The few others are sieved from the characters already found. Those holding a
   character some other step reacts to, or a suspect quote, are nearly always
   worked on, and go straight to 3; those in doubt only for a kept ASCII byte are
   first asked, without decoding them, whether a step their characters move may
   apply (:meth:`~presswash.step.Step.may_apply`), and those holding a pair of
   neighbours that matters whether any step may
   (:meth:`~presswash.Cleaner.steps_for_sieved`). What each character and pair
   moves is asked once per cleaner and kept for the columns that follow.
3. Only the documents still in doubt become Python strings and are cleaned; until
   a step changes one, only the steps its characters move (and quote repair, for a
   suspect quote) are asked.

The bytes of every other document are copied as they are, into a buffer of
Arrow's memory pool, and an array in which nothing changed is returned itself.

    >>> import pyarrow as pa
    >>> from presswash import Cleaner
    >>> clean_arrow(pa.array(["ﬁne", None, "“Fine,” she said."]), Cleaner()).to_pylist()
    ['fine', None, '“Fine,” she said.']
"""

from __future__ import annotations

import weakref
from typing import Any

from presswash.cleaner import Cleaner
from presswash.integrations import require

pa = require("pyarrow", "arrow")
np = require("numpy", "arrow")

from presswash.integrations.buffers import Utf8Documents  # noqa: E402
from presswash.step import Step  # noqa: E402
from presswash.steps.quote_repair import QuoteRepair  # noqa: E402

# Bytes a ``string`` array (32-bit offsets) can hold.
STRING_CAPACITY = 2**31 - 1


def clean_arrow(array: Any, cleaner: Cleaner) -> Any:
    """``array`` (a pyarrow string, large_string or string_view array, or a chunked array of one of
    them) with each document cleaned by ``cleaner``: the same type, nulls kept."""
    if isinstance(array, pa.ChunkedArray):
        return pa.chunked_array([_clean_array(chunk, cleaner) for chunk in array.chunks], type=array.type)
    if isinstance(array, pa.Array):
        return _clean_array(array, cleaner)
    raise TypeError(f"expected a pyarrow Array or ChunkedArray of strings, got {type(array).__name__}")


def is_text_type(kind: Any) -> bool:
    """Whether ``kind`` is an Arrow type of text that :func:`clean_arrow` takes."""
    return pa.types.is_string(kind) or pa.types.is_large_string(kind) or _is_string_view(kind)


def _is_string_view(kind: Any) -> bool:
    return hasattr(pa.types, "is_string_view") and bool(pa.types.is_string_view(kind))


def _clean_array(array: Any, cleaner: Cleaner) -> Any:
    kind = array.type
    if _is_string_view(kind):
        # Views point into several buffers; the offsets layout has the one buffer the screens read.
        return _clean_array(array.cast(pa.large_string()), cleaner).cast(kind)
    if not is_text_type(kind):
        raise TypeError(f"expected an Arrow array of strings (string, large_string, string_view), got {kind}")
    _, offset_buffer, data_buffer = array.buffers()
    if data_buffer is None or len(array) == 0:
        return array
    try:
        # The screens read characters off the bytes: they must be UTF-8 (checked at memory speed).
        array.validate(full=True)
    except pa.ArrowInvalid as error:
        raise ValueError(f"the Arrow array does not hold valid UTF-8 text: {error}") from None
    offset_type = np.int32 if pa.types.is_string(kind) else np.int64
    offsets = np.frombuffer(offset_buffer, dtype=offset_type)[array.offset : array.offset + len(array) + 1]
    changes = _changes(array, cleaner, data_buffer, offsets)
    if not changes:
        return array
    return _rebuilt(array, offsets, memoryview(data_buffer), changes)


def _changes(array: Any, cleaner: Cleaner, data_buffer: Any, offsets: Any) -> dict[int, bytes]:
    """The UTF-8 of each document that cleaning changes, by row."""
    utf8 = memoryview(data_buffer)
    documents = Utf8Documents(utf8, offsets, cleaner.sieve.kept_ascii)
    answers = _answers_of(cleaner)
    # A document holding a character that moves a step, or a suspect quote, is nearly always
    # worked on: it is cleaned at once. One doubtful for less is cleaned only if some step
    # may apply to it (asked without decoding it).
    certain = documents.rows_holding_characters(lambda char: bool(answers.moved_apart(cleaner, char)))
    repairs_quotes = any(isinstance(step, QuoteRepair) for step in cleaner.steps)
    suspect_quotes = documents.rows_with_suspect_quotes() if repairs_quotes else np.zeros_like(certain)
    certain |= suspect_quotes
    paired = documents.rows_holding_pairs(lambda pair: answers.pair_matters(cleaner, pair))
    doubtful = documents.rows_of(documents.kept_ascii) | paired | certain
    if array.null_count:
        doubtful &= array.is_valid().to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(doubtful).tolist()
    if not rows:
        return {}
    sieved, sieved_bounds = documents.sieved()
    bounds = offsets.tolist()
    changes: dict[int, bytes] = {}
    for row in rows:
        document = utf8[bounds[row] : bounds[row + 1]].tobytes()
        notable = sieved[sieved_bounds[row] : sieved_bounds[row + 1]]
        may_change = None if paired[row] else answers.moved_by(cleaner, notable, bool(suspect_quotes[row]))
        # Quote repair's screen over the bytes found no suspect quote in a document not certain.
        if not certain[row] and not answers.others_may_apply(cleaner, notable, document, may_change):
            continue
        text = document.decode("utf-8")
        cleaned = cleaner.clean_sieved(text, notable, may_change)
        if cleaned != text:
            changes[row] = cleaned.encode("utf-8")
    return changes


class _Answers:
    """What a cleaner's steps say of single characters and pairs, each asked once and kept: a
    pipeline cleans column after column (row groups, batches, partitions) of the same text.

    The cleaner is passed to each question, not held: the answers live as long as it does.
    """

    # Answers kept before they are forgotten, and asked afresh (text in many scripts has many pairs).
    MOST_KEPT = 1 << 16

    def __init__(self, cleaner: Cleaner) -> None:
        self.quotes = next((step for step in cleaner.steps if isinstance(step, QuoteRepair)), None)
        self._moved: dict[str, tuple[Step, ...]] = {}
        self._pairs: dict[str, bool] = {}

    def moved_apart(self, cleaner: Cleaner, character: str) -> tuple[Step, ...]:
        """The steps but quote repair that ``character`` may make change a text in which no two
        neighbouring non-ASCII characters make a pair that matters (see :meth:`Cleaner.steps_moved_by`)."""
        moved = self._moved.get(character)
        if moved is None:
            if len(self._moved) >= self.MOST_KEPT:
                self._moved.clear()
            steps = cleaner.steps_moved_by(character, apart=True)
            moved = self._moved[character] = tuple(step for step in steps if step is not self.quotes)
        return moved

    def moved_by(self, cleaner: Cleaner, notable: str, suspect_quote: bool) -> set[Step]:
        """The steps that may change the text sieved as ``notable``, which holds no pair that
        matters: those its characters move, and quote repair if it holds a ``suspect_quote``."""
        moved = {step for character in set(notable) for step in self.moved_apart(cleaner, character)}
        if suspect_quote and self.quotes is not None:
            moved.add(self.quotes)
        return moved

    def others_may_apply(self, cleaner: Cleaner, notable: str, utf8: bytes, moved: set[Step] | None) -> bool:
        """Whether a step but quote repair may change the text whose UTF-8 is ``utf8``, sieved as
        ``notable``, judged without decoding it; ``moved``: the steps its characters move (see
        :meth:`moved_by`), or None if it may hold a pair that matters, and every step is asked.
        """
        if moved is None:
            return any(step is not self.quotes for step in cleaner.steps_for_sieved(notable, utf8))
        return any(step.may_apply(notable, utf8) for step in moved if step is not self.quotes)

    def pair_matters(self, cleaner: Cleaner, pair: str) -> bool:
        """Whether two neighbouring non-ASCII characters may make some step change a text."""
        matters = self._pairs.get(pair)
        if matters is None:
            if len(self._pairs) >= self.MOST_KEPT:
                self._pairs.clear()
            matters = self._pairs[pair] = bool(cleaner.steps_moved_by_pair(pair))
        return matters


# One set of answers per cleaner, gone with it.
_ANSWERS: weakref.WeakKeyDictionary[Cleaner, _Answers] = weakref.WeakKeyDictionary()


def _answers_of(cleaner: Cleaner) -> _Answers:
    answers = _ANSWERS.get(cleaner)
    if answers is None:
        answers = _ANSWERS[cleaner] = _Answers(cleaner)
    return answers


def _rebuilt(array: Any, offsets: Any, utf8: memoryview, changes: dict[int, bytes]) -> Any:
    """A new array: ``array`` with the documents of ``changes`` replaced, every other one's bytes copied."""
    bounds = offsets.tolist()
    growth = np.zeros(len(bounds), dtype=np.int64)
    for row, cleaned in changes.items():
        growth[row + 1] = len(cleaned) - (bounds[row + 1] - bounds[row])
    new_offsets = offsets.astype(np.int64) - bounds[0] + np.cumsum(growth)
    if pa.types.is_string(array.type):
        if new_offsets[-1] > STRING_CAPACITY:
            raise ValueError(
                "the cleaned documents no longer fit an Arrow string array (2 GiB of UTF-8): "
                "cast it to large_string first"
            )
        new_offsets = new_offsets.astype(np.int32)
    # Arrow's memory pool keeps the pages it had: no fresh pages for each column cleaned.
    data = pa.allocate_buffer(int(new_offsets[-1]))
    written = np.frombuffer(data, dtype=np.uint8)
    source = np.frombuffer(utf8, dtype=np.uint8)
    copied_up_to = bounds[0]
    for row in sorted(changes):
        start, end = bounds[row], bounds[row + 1]
        at = int(new_offsets[row])
        written[at - (start - copied_up_to) : at] = source[copied_up_to:start]
        written[at : int(new_offsets[row + 1])] = np.frombuffer(changes[row], dtype=np.uint8)
        copied_up_to = end
    written[int(new_offsets[-1]) - (bounds[-1] - copied_up_to) :] = source[copied_up_to : bounds[-1]]
    validity = array.is_valid().buffers()[1] if array.null_count else None
    return pa.Array.from_buffers(
        array.type,
        len(array),
        [validity, pa.py_buffer(new_offsets), data],
        null_count=array.null_count,
    )
