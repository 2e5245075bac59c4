"""Readings side by side: one record under every combination of the named assumptions.

Each row is a reading (the values of the varied assumptions); the columns are the final state,
each verdict the scenario asks, and the active critical and high flags. A column whose cells
differ between rows is marked: that is where the reading changes the outcome.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from powcase._util import arguments
from powcase._util.readable import readable, words
from powcase._util.suggest import closest
from powcase.errors import InvalidAssumption, Problem
from powcase.law.book import Law
from powcase.law.flags import standing
from powcase.law.provenance import generated_by
from powcase.law.rules import Severity, gravity
from powcase.model.assumptions import Assumptions
from powcase.scenario.model import Scenario
from powcase.scenario.running import run_one

__all__ = ["Comparison", "Row", "compare"]


@readable
@attrs.frozen
class Row:
    """One reading: the varied assumptions' values, the whole reading, and the cells."""

    reading: tuple[tuple[str, Any], ...]
    assumptions: Assumptions
    cells: tuple[str, ...]

    def _summary(self) -> str:
        return ", ".join(f"{k} {words(v)}" for k, v in self.reading)

    def _details(self) -> list[str]:
        return list(self.cells)

    def to_dict(self, columns: Sequence[str]) -> dict[str, Any]:
        """The JSON form."""
        return {
            "assumptions": dict(self.reading),
            "cells": dict(zip(columns, self.cells, strict=True)),
        }


@readable
@attrs.frozen
class Comparison:
    """The table: columns, rows, and which columns differ between rows."""

    scenario: str
    varied: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    law: Law = attrs.field(factory=Law.packaged, repr=False)
    """The law the rows were judged under (its overlays are named in ``generated_by``)."""

    def _summary(self) -> str:
        count = len(self.rows)
        return f"{self.scenario}: {count} reading{'' if count == 1 else 's'} of " + ", ".join(
            self.varied
        )

    def _short(self) -> str:
        differ = [c for c, d in zip(self.columns, self.differs, strict=True) if d]
        changes = f"; differ in {', '.join(differ)}" if differ else "; no column differs"
        return f"{len(self.rows)} readings of {', '.join(self.varied)}{changes}"

    def _details(self) -> list[str]:
        lines = []
        for row in self.rows:
            cells = "; ".join(
                f"{column}{' *' if differs else ''}: {cell}"
                for column, cell, differs in zip(
                    self.columns, row.cells, self.differs, strict=True
                )
            )
            lines.append(f"{', '.join(f'{k} {words(v)}' for k, v in row.reading)} gives {cells}")
        return lines

    @property
    def differs(self) -> tuple[bool, ...]:
        """For each column, whether its cells differ between rows."""
        return tuple(
            len({row.cells[i] for row in self.rows}) > 1 for i in range(len(self.columns))
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "generated_by": generated_by(self.law),
            "scenario": self.scenario,
            "varied": list(self.varied),
            "columns": list(self.columns),
            "differs": dict(zip(self.columns, self.differs, strict=True)),
            "rows": [r.to_dict(self.columns) for r in self.rows],
        }


def _wanted(vary: object) -> dict[str, list[Any]]:
    """The keys to vary, each with the values given (none: every option), checked for type."""
    if not isinstance(vary, Mapping):
        return {key: [] for key in arguments.names("vary", vary, "assumption keys")}
    wanted = {}
    for key, given in vary.items():
        if not isinstance(key, str):
            raise arguments.wrong_type("vary", key, "assumption keys (str) as the mapping's keys")
        if isinstance(given, str | bytes) or not isinstance(given, Iterable):
            raise arguments.wrong_type(
                f"vary[{key!r}]", given, "a list of the values to compare, e.g. [30, 60]"
            )
        wanted[key] = list(given)
    return wanted


def _values(vary: Sequence[str] | Mapping[str, Sequence[Any]]) -> dict[str, list[Any]]:
    specs = Assumptions.specs()
    wanted = _wanted(vary)
    problems = []
    values: dict[str, list[Any]] = {}
    for key, given in wanted.items():
        if key not in specs:
            problems.append(
                Problem(
                    key, "is not an assumption", "one of " + ", ".join(specs), closest(key, specs)
                )
            )
            continue
        spec = specs[key]
        if not given and spec.days:
            problems.append(
                Problem(
                    key,
                    "is a number of days: give the values to compare",
                    "e.g. icrc_access_days=30,60",
                )
            )
            continue
        chosen = list(given) or list(spec.options)
        problems += [
            Problem(key, f"{v!r} is not an option", spec.expected())
            for v in chosen
            if not spec.accepts(v)
        ]
        values[key] = chosen
    if not wanted:
        problems.append(Problem("vary", "names no assumption", "at least one key"))
    if problems:
        raise InvalidAssumption(problems)
    return values


def _column(event: dict[str, Any]) -> str:
    fields = ", ".join(f"{k} {v}" for k, v in event.items() if k != "event")
    return f"{event['event']}({fields})"


def compare(scenario: Scenario, vary: Sequence[str] | Mapping[str, Sequence[Any]]) -> Comparison:
    """The scenario's record under every combination of the varied assumptions.

    ``vary`` names assumption keys (every option of each), or maps keys to the values to
    compare. The other assumptions keep the scenario's values. A string for ``vary`` is an
    :class:`~powcase.errors.InvalidArgument`: one key goes in a list (``["rok_nationality"]``).
    """
    arguments.instance("scenario", scenario, Scenario, "a Scenario, e.g. from load_scenarios()")
    values = _values(vary)
    keys = tuple(values)
    asked = [dict(v.event) for v in scenario.expect.verdicts]
    columns = ("state", *(_column(e) for e in asked), "critical and high flags")
    rows = []
    for combination in itertools.product(*values.values()):
        reading = tuple(zip(keys, combination, strict=True))
        assumptions = scenario.assumptions.changed(**dict(reading))
        result = run_one(attrs.evolve(scenario, assumptions=assumptions, variants=()))
        # The standing flags, in the order they were raised.
        standing_now = set(standing(result.flags, result.as_of)) if result.as_of else set()
        grave = [
            f.code
            for f in result.flags
            if f in standing_now and gravity(f.severity) <= gravity(Severity.HIGH)
        ]
        cells = (
            " ".join(result.state),
            *(str(a.verdict.outcome) for a in result.asked),
            ", ".join(dict.fromkeys(grave)) or "none",
        )
        rows.append(Row(reading, assumptions, cells))
    return Comparison(scenario.title, keys, columns, tuple(rows), scenario.law)
