"""Hypothesis profiles: ``ci`` (the default, fast and derandomised), ``dev`` (quicker, for
editing) and ``thorough`` (for a release). Choose one with HYPOTHESIS_PROFILE."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=20, deadline=None)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# powcase writes in the language of the locale where no --lang is given: the suite's expected
# outputs are English whatever the machine's locale (a test that wants another sets its own).
os.environ["LC_ALL"] = "C.UTF-8"
