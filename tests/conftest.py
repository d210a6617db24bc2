"""Suite-wide settings: property tests are deterministic and never time out."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Derandomised so that CI and every developer run the same examples; no deadline
# because timing on a shared two-core machine is not behaviour.
settings.register_profile(
    "numcheck",
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("numcheck")
