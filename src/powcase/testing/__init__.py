"""Hypothesis strategies for powcase values, for our tests and for applications' own.

Importing this module needs hypothesis (``pip install powcase[testing]``); the core package
never imports it.
"""

from powcase.testing.strategies import (
    assumptions,
    dates,
    events,
    records,
    sources,
    state_codes,
    subjects,
)

__all__ = ["assumptions", "dates", "events", "records", "sources", "state_codes", "subjects"]
