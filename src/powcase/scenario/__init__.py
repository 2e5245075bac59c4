"""Scenario files: load them, run them, check their expectations (SCENARIO_FORMAT.md)."""

from powcase.scenario.load import (
    LocatedProblem,
    ScenarioError,
    find_scenario_files,
    load_scenarios,
)
from powcase.scenario.model import Expectations, Scenario, Variant
from powcase.scenario.run import Failure, RunResult, run, run_one

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
