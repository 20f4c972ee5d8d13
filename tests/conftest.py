"""Shared test set-up: hypothesis settings profiles.

``HYPOTHESIS_PROFILE=ci`` (set by ``.ci/run``) derandomises the search so that a
CI run is reproducible; ``dev`` (the default) is the same size but random.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
