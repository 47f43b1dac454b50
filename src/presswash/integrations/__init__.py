"""Cleaning where the data already lives: pandas Series, Arrow arrays, Dask collections.

Each integration sits on top of one :class:`~presswash.Cleaner` and imports its
engine only when used, so that the core install stays light; a missing engine
is reported with the extra that installs it.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def require(module: str, extra: str) -> ModuleType:
    """Import ``module``, or fail with the ``pip install`` line of the extra that brings it.

    >>> require("no_such_engine", "pandas")
    Traceback (most recent call last):
    ...
    ImportError: no_such_engine is needed for this: pip install 'presswash[pandas]'
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(f"{module} is needed for this: pip install 'presswash[{extra}]'") from error
