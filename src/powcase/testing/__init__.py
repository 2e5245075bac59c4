"""Hypothesis strategies for powcase values, for our tests and for applications' own.

Install with ``pip install powcase[testing]``; the core package never imports hypothesis, and
neither does importing this package: each strategy loads hypothesis when first used. The
strategies are registered with hypothesis through its entry point, so that
``st.from_type(powcase.Case)`` works in any project that has powcase installed.

>>> from hypothesis import given, strategies as st
>>> import powcase
>>> @given(st.from_type(powcase.Case))
... def test_every_case_has_a_state(case):
...     assert case.state
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "LegalPathMachine",
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

_MODULES = {"LegalPathMachine": "powcase.testing.stateful"}


def __getattr__(name: str) -> Any:
    # Loaded on first use: hypothesis loads its plugins (ours among them) while it is itself
    # being imported, so nothing here may import hypothesis at import time.
    if name not in __all__:
        raise AttributeError(f"module 'powcase.testing' has no attribute {name!r}")
    module = importlib.import_module(_MODULES.get(name, "powcase.testing.strategies"))
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
