"""The hypothesis entry point: tells ``st.from_type`` how to draw powcase values.

Hypothesis calls :func:`register` while it is itself being imported, so the strategies are
registered as functions that build them on first use, and nothing here imports hypothesis or
the strategies module at import time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _lazily(build: str, *args: Any) -> Callable[[type], Any]:
    def strategy(_: type) -> Any:
        from powcase.testing import strategies  # noqa: PLC0415 - hypothesis is loaded by now

        return getattr(strategies, build)(*args)

    return strategy


def register() -> None:
    """Register powcase's strategies with hypothesis (called through its entry point)."""
    from hypothesis import strategies as st  # noqa: PLC0415

    from powcase.case import Case  # noqa: PLC0415
    from powcase.model.assumptions import Assumptions  # noqa: PLC0415
    from powcase.model.events import EVENT_TYPES  # noqa: PLC0415
    from powcase.model.record import Record, Source, Subject  # noqa: PLC0415
    from powcase.scenario.model import Scenario  # noqa: PLC0415

    st.register_type_strategy(Case, _lazily("cases"))
    st.register_type_strategy(Record, _lazily("records"))
    st.register_type_strategy(Subject, _lazily("subjects"))
    st.register_type_strategy(Source, _lazily("sources"))
    st.register_type_strategy(Assumptions, _lazily("assumptions"))
    st.register_type_strategy(Scenario, _lazily("scenarios"))
    for name, cls in EVENT_TYPES.items():
        st.register_type_strategy(cls, _lazily("events", [name]))
