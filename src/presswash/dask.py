"""Dask collections cleaned where they live: dataframes column by column, bags record by record.

A day of news that outgrows one machine runs on a cluster engine; these put a
:class:`~presswash.Cleaner` into its tasks. The tasks carry only the cleaner's
configuration, and each worker process builds its cleaner from it once, on
the first task, and keeps it for every later one. Dataframe partitions are
cleaned with :func:`presswash.clean_series`, so Arrow-backed text columns (what
``dask.dataframe.read_parquet`` gives) are screened on their UTF-8 buffers.

    >>> import dask.bag
    >>> bag = dask.bag.from_sequence([{"text": "ﬁne", "meta": {"title": "Mayor\\u00e2\\u20ac\\u2122s"}}])
    >>> clean_bag(bag, field="meta.title").compute(scheduler="sync")
    [{'text': 'ﬁne', 'meta': {'title': 'Mayor’s'}}]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from presswash.cleaner import Cleaner
from presswash.config import Config
from presswash.integrations import require

require("dask", "dask")


def clean_dataframe(ddf: Any, columns: str | Sequence[str], preset: str = "news", **options: Any) -> Any:
    """``ddf`` (a Dask DataFrame) with the text columns ``columns`` cleaned, every other column as it was.

    Missing values stay missing; a value that is neither text nor missing fails the computation
    with a TypeError naming its index label.
    """
    names = [columns] if isinstance(columns, str) else list(columns)
    absent = [name for name in names if name not in ddf.columns]
    if absent:
        known = ", ".join(map(str, ddf.columns))
        raise KeyError(f"no column {absent[0]!r} to clean; the columns are: {known}")
    config = Config.from_preset(preset, **options)
    return ddf.map_partitions(_clean_partition, names, config)


def clean_bag(bag: Any, field: str | None = None, preset: str = "news", **options: Any) -> Any:
    """``bag`` (a Dask Bag) of strings cleaned, or of dicts whose string ``field`` is cleaned.

    ``field`` is dotted for nested keys (``meta.title``), as the command line's ``--field``;
    a record without it, or whose value there is not a string, fails the computation.
    """
    path = tuple(field.split(".")) if field is not None else None
    if path is not None and not all(path):
        raise ValueError(f"field {field!r}: empty key in the dotted path")
    config = Config.from_preset(preset, **options)
    return bag.map_partitions(_clean_records, path, config)


@functools.cache
def worker_cleaner(config: Config) -> Cleaner:
    """This process's cleaner for ``config``: built on first use, then the same one."""
    return Cleaner.from_config(config)


def _clean_partition(frame: Any, names: list[str], config: Config) -> Any:
    from presswash.integrations.series import clean_series

    cleaner = worker_cleaner(config)
    return frame.assign(**{name: clean_series(frame[name], cleaner) for name in names})


def _clean_records(records: Iterable[Any], path: tuple[str, ...] | None, config: Config) -> list[Any]:
    cleaner = worker_cleaner(config)
    if path is None:
        return [cleaner.clean(text) for text in records]
    return [_with_field_cleaned(record, path, cleaner) for record in records]


def _with_field_cleaned(record: Any, path: tuple[str, ...], cleaner: Cleaner) -> Any:
    """A copy of ``record`` (copied only along ``path``) with the string at ``path`` cleaned."""
    dotted = ".".join(path)
    copy = dict(record) if isinstance(record, dict) else None
    if copy is None:
        raise TypeError(f"expected a record (dict) holding field {dotted!r}, got {type(record).__name__}")
    inner = copy
    for depth, key in enumerate(path[:-1]):
        value = inner.get(key)
        if not isinstance(value, dict):
            raise KeyError(f"no field {dotted!r}: {'.'.join(path[: depth + 1])!r} is not an object")
        nested = dict(value)
        inner[key] = nested
        inner = nested
    if path[-1] not in inner:
        raise KeyError(f"no field {dotted!r}")
    text = inner[path[-1]]
    if not isinstance(text, str):
        raise TypeError(f"field {dotted!r} is {type(text).__name__}, not a string")
    inner[path[-1]] = cleaner.clean(text)
    return copy
