"""A pytest plugin: scenario files named ``*.powcase.yaml`` (``.yml``, ``.json``) are tests.

Installed with powcase (entry point ``pytest11``), so a researcher's scenarios run with plain
``pytest``: one test item per scenario and variant, whose failures read as ``powcase test``'s.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from powcase._util.escape import neutral

if TYPE_CHECKING:
    from powcase.scenario.model import Scenario

SUFFIXES = (".powcase.yaml", ".powcase.yml", ".powcase.json")


class ScenarioFailed(Exception):
    """Expectations of a scenario run that did not hold."""


class ScenarioItem(pytest.Item):
    """One run: a scenario, or one of its variants."""

    def __init__(self, *, scenario: Scenario, variant: str | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.variant = variant

    def runtest(self) -> None:
        """Run the scenario (or variant) and fail on any expectation that did not hold."""
        from powcase.scenario.running import run_one  # noqa: PLC0415

        variant = next((v for v in self.scenario.variants if v.name == self.variant), None)
        result = run_one(self.scenario, variant)
        if result.failures:
            raise ScenarioFailed("\n".join(f"  {f}" for f in result.failures))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """Report failures the way ``powcase test`` does."""
        from powcase.scenario.free_text import shown_title  # noqa: PLC0415

        if isinstance(excinfo.value, ScenarioFailed):
            where = shown_title(self.scenario) + (f" [{self.variant}]" if self.variant else "")
            return neutral(f"FAIL {self.scenario.file}: {where}\n{excinfo.value}")
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[pathlib.Path, int | None, str]:
        """Where the item comes from."""
        return self.path, None, f"scenario: {self.name}"


class ScenarioFile(pytest.File):
    """A scenario file: its scenarios and their variants are the test items."""

    def collect(self) -> Iterator[pytest.Item]:
        """One item per scenario and per variant."""
        from powcase.scenario.free_text import shown_title  # noqa: PLC0415
        from powcase.scenario.load import ScenarioError, load_scenarios  # noqa: PLC0415

        try:
            scenarios = load_scenarios(self.path)
        except ScenarioError as error:
            # A file named like a scenario that cannot be used is an error, as in
            # ``powcase test``, never skipped; its message shows no control character raw.
            raise self.CollectError(neutral(str(error))) from None
        for scenario in scenarios:
            yield ScenarioItem.from_parent(
                self, name=shown_title(scenario), scenario=scenario, variant=None
            )
            for variant in scenario.variants:
                yield ScenarioItem.from_parent(
                    self,
                    name=f"{shown_title(scenario)} [{variant.name}]",
                    scenario=scenario,
                    variant=variant.name,
                )


def pytest_collect_file(parent: pytest.Collector, file_path: pathlib.Path) -> ScenarioFile | None:
    """Collect scenario files by their name."""
    if file_path.name.endswith(SUFFIXES):
        return ScenarioFile.from_parent(parent, path=file_path)
    return None
