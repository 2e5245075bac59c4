"""Hypothesis strategies for powcase values, for our tests and for applications' own.

Install with ``pip install powcase[testing]``; the core package never imports hypothesis.
The strategies are registered with hypothesis through its entry point, so that
``st.from_type(powcase.Case)`` works in any project that has powcase installed.

>>> from hypothesis import given, strategies as st
>>> import powcase
>>> @given(st.from_type(powcase.Case))
... def test_every_case_has_a_state(case):
...     assert case.state
"""

from __future__ import annotations

from powcase.testing.strategies import (
    assumptions,
    cases,
    dates,
    events,
    records,
    scenarios,
    sources,
    state_codes,
    subjects,
)

__all__ = [
    "assumptions",
    "cases",
    "dates",
    "events",
    "records",
    "scenarios",
    "sources",
    "state_codes",
    "subjects",
]


def _hypothesis_setup_hook() -> None:
    """Register powcase's strategies with hypothesis (called through its entry point)."""
    from hypothesis import strategies as st  # noqa: PLC0415

    from powcase.case import Case  # noqa: PLC0415
    from powcase.model.assumptions import Assumptions  # noqa: PLC0415
    from powcase.model.events import EVENT_TYPES  # noqa: PLC0415
    from powcase.model.record import Record, Source, Subject  # noqa: PLC0415
    from powcase.scenario.model import Scenario  # noqa: PLC0415

    st.register_type_strategy(Case, cases())
    st.register_type_strategy(Record, records())
    st.register_type_strategy(Subject, subjects())
    st.register_type_strategy(Source, sources())
    st.register_type_strategy(Assumptions, assumptions())
    st.register_type_strategy(Scenario, scenarios())
    for name, cls in EVENT_TYPES.items():
        st.register_type_strategy(cls, events([name]))
