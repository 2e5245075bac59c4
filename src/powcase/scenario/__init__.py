"""Scenario files: load them, run them, check their expectations.

Names load on first use, so that validating a file does not load the engine that runs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from powcase.scenario.load import (
        LocatedProblem,
        ScenarioError,
        find_scenario_files,
        load_scenarios,
    )
    from powcase.scenario.model import Expectations, Scenario, Variant
    from powcase.scenario.result import Failure, RunResult
    from powcase.scenario.running import run, run_one

_EXPORTS = {
    "Expectations": "powcase.scenario.model",
    "Failure": "powcase.scenario.result",
    "LocatedProblem": "powcase.scenario.load",
    "RunResult": "powcase.scenario.result",
    "Scenario": "powcase.scenario.model",
    "ScenarioError": "powcase.scenario.load",
    "Variant": "powcase.scenario.model",
    "find_scenario_files": "powcase.scenario.load",
    "load_scenarios": "powcase.scenario.load",
    "run": "powcase.scenario.running",
    "run_one": "powcase.scenario.running",
}

__all__ = [
    "Expectations",
    "Failure",
    "LocatedProblem",
    "RunResult",
    "Scenario",
    "ScenarioError",
    "Variant",
    "find_scenario_files",
    "load_scenarios",
    "run",
    "run_one",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'powcase.scenario' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
