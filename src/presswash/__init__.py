"""presswash: clean text the way a careful news editor would, fast enough for bulk ingestion.

>>> import presswash
>>> presswash.clean("Mayor\\u00e2\\u20ac\\u2122s plan: “Ukraine needs more,“ he said")
'Mayor’s plan: “Ukraine needs more,” he said'
>>> presswash.fix_text("“Don’t”")
'"Don\\'t"'
"""

from __future__ import annotations

import functools
from typing import Any

from presswash.bulk import clean_many
from presswash.cleaner import Cleaner, Explanation
from presswash.config import PRESETS, Config
from presswash.edits import Change, apply_changes

__all__ = [
    "PRESETS",
    "Change",
    "Cleaner",
    "Config",
    "Explanation",
    "apply_changes",
    "clean",
    "clean_arrow",
    "clean_many",
    "clean_series",
    "explain",
    "fix_text",
]

__version__ = "0.1.0"

_fix_text = Cleaner("ftfy").clean


def clean(text: str, preset: str = "news", **options: Any) -> str:
    """Clean ``text`` with the named preset, options overriding it.

    For many texts build one :class:`Cleaner` and call it: the options are then
    validated and compiled once.
    """
    return _cleaner(preset, options).clean(text)


def explain(text: str, preset: str = "news", **options: Any) -> Explanation:
    """Clean ``text`` and report every change: which step, where in ``text``, what became what.

    The result also maps spans of the cleaned text back to ``text`` and the other way
    (:meth:`Explanation.input_span`, :meth:`Explanation.output_span`, :meth:`Explanation.input_offsets`).
    """
    return _cleaner(preset, options).explain(text)


def fix_text(text: str) -> str:
    """Exactly ``ftfy.fix_text(text)`` with ftfy's default configuration, much faster on clean text."""
    return _fix_text(text)


def clean_series(series: Any, preset: str = "news", **options: Any) -> Any:
    """A pandas Series with each text cleaned: the same index, name and dtype, missing values kept.

    Needs the ``pandas`` extra. A value that is neither text nor missing raises a
    TypeError naming its index label.
    """
    from presswash.integrations.series import clean_series as clean_values

    return clean_values(series, _cleaner(preset, options))


def clean_arrow(array: Any, preset: str = "news", **options: Any) -> Any:
    """A pyarrow string, large_string or string_view array, or a chunked array of one, with each
    text cleaned: the same type, nulls kept. Needs the ``arrow`` extra.

    The screens read the column's UTF-8 buffer; only the documents that may change are decoded,
    and the others' bytes are copied as they are.
    """
    from presswash.integrations.columns import clean_arrow as clean_column

    return clean_column(array, _cleaner(preset, options))


@functools.cache
def _preset_cleaner(preset: str) -> Cleaner:
    return Cleaner(preset)


def _cleaner(preset: str, options: dict[str, Any]) -> Cleaner:
    return Cleaner(preset, **options) if options else _preset_cleaner(preset)
