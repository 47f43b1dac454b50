"""Test configuration: a clear error when the test extra is missing, and hypothesis profiles for a
shared, noisy machine."""

import importlib.util
import os

import pytest

# Without the test extra, the first test module to import a missing package would
# fail with a bare ModuleNotFoundError; say instead what to install.
_NEEDED = ("presswash", "ftfy", "hypothesis", "babel", "pandas", "pyarrow", "dask", "distributed")
_missing = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
if _missing:
    raise pytest.UsageError(
        f"missing {', '.join(_missing)}: install the package with its test extra first, "
        "as the README's test command does: pip install -e '.[test]'"
    )

from hypothesis import HealthCheck, settings  # noqa: E402  (after the check above)

# Timing varies on a loaded 2-core machine; a deadline would only make tests flaky.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200
)
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
