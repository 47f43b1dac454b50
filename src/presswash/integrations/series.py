"""pandas Series of text cleaned, index, name and dtype kept.

A Series backed by Arrow (``string[pyarrow]``, pandas' ``str``, ``ArrowDtype``)
is cleaned on its Arrow data (see :mod:`presswash.integrations.columns`); any
other is cleaned value by value. Missing values (None, NaN, ``pd.NA``) stay
missing; any other value that is not text is an error that names its label.

    >>> import pandas as pd
    >>> from presswash import Cleaner
    >>> series = pd.Series(["ﬁne", None, "Mayor\\u00e2\\u20ac\\u2122s"], index=["a", "b", "c"], dtype=object)
    >>> clean_series(series, Cleaner()).tolist()
    ['fine', None, 'Mayor’s']
    >>> clean_series(pd.Series(["ok", 3], index=[10, 20]), Cleaner())
    Traceback (most recent call last):
    ...
    TypeError: the value at index 20 is int, not text: 3
"""

from __future__ import annotations

from typing import Any

from presswash.cleaner import Cleaner
from presswash.integrations import require

pd = require("pandas", "pandas")


def clean_series(series: Any, cleaner: Cleaner) -> Any:
    """``series`` with each text cleaned by ``cleaner``: the same index, name and dtype."""
    if not isinstance(series, pd.Series):
        raise TypeError(f"expected a pandas Series, got {type(series).__name__}")
    arrow = _arrow_data(series)
    if arrow is not None:
        from presswash.integrations.columns import clean_arrow

        cleaned = type(series.array)(clean_arrow(arrow, cleaner))
        result = pd.Series(cleaned, index=series.index, name=series.name, copy=False)
        # pandas' ``str`` and ``string[pyarrow]`` share the array type, not the missing value.
        return result if result.dtype == series.dtype else result.astype(series.dtype)
    labelled = zip(series.index, series.array, strict=True)
    values = [_cleaned(cleaner, label, value) for label, value in labelled]
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        # Cleaned texts may be new categories, or two old ones may become one.
        dtype = pd.CategoricalDtype(ordered=dtype.ordered)
    return pd.Series(values, index=series.index, name=series.name, dtype=dtype)


def _arrow_data(series: Any) -> Any:
    """The Arrow chunked array behind ``series``, if it holds text that way, else None."""
    dtype = series.dtype
    arrow_backed = (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow") or (
        isinstance(dtype, pd.ArrowDtype) and dtype.kind in "OU"
    )
    if not arrow_backed:
        return None
    from presswash.integrations.columns import is_text_type

    data = series.array.__arrow_array__()
    return data if is_text_type(data.type) else None


def _cleaned(cleaner: Cleaner, label: Any, value: Any) -> Any:
    if isinstance(value, str):
        return cleaner.clean(value)
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return value
    raise TypeError(f"the value at index {label!r} is {type(value).__name__}, not text: {value!r:.60}")
