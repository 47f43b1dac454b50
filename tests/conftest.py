"""Test configuration: hypothesis profiles for a shared, noisy machine."""

import os

from hypothesis import HealthCheck, settings

# Timing varies on a loaded 2-core machine; a deadline would only make tests flaky.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200
)
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
