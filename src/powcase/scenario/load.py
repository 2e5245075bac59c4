"""Loading scenario files: every problem at once, each with file, line, column and key path."""

from __future__ import annotations

import pathlib
from collections.abc import Iterable, Iterator, Sequence

from powcase._util import arguments
from powcase._util.i18n import problem_text
from powcase._util.located import Document, Location, UnreadableFile, read_document
from powcase.errors import LawDataError, LocatedProblem, PowcaseError, Problem
from powcase.law.book import Source
from powcase.scenario.model import Scenario, parse_scenarios

__all__ = ["LocatedProblem", "ScenarioError", "find_scenario_files", "load_scenarios"]

SUFFIXES = (".yaml", ".yml", ".json")


class ScenarioError(PowcaseError):
    """A scenario file that cannot be read or is invalid: every problem, located."""

    code = "invalid_scenario"

    def __init__(self, problems: Iterable[LocatedProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = (
            problem_text("1 problem")
            if count == 1
            else problem_text("{count} problems").format(count=count)
        )
        super().__init__("\n".join([head, *(str(p) for p in self.problems)]))


def _located(
    document: Document | None, file: str, problem: Problem, location: Location | None = None
) -> LocatedProblem:
    if location is None and document is not None:
        unknown_key = problem.message == "is not a known key" or problem.message.startswith(
            "is not a known field"
        )
        location = document.locate(problem.path, key=unknown_key)
    return LocatedProblem(
        file, location.line if location else None, location.column if location else None, problem
    )


def load_scenarios(path: str | pathlib.Path, *, law: Sequence[Source] = ()) -> list[Scenario]:
    """The scenarios of one file; :class:`ScenarioError` lists every problem, located.

    ``law`` are overlay files (or mappings) applied after the file's own ``law:`` list; a
    problem in any overlay is located in that overlay's file. An argument of the wrong type is
    an :class:`~powcase.errors.InvalidArgument`.
    """
    given = arguments.path("path", path)
    law = arguments.overlays("law", law)
    file = str(given)
    try:
        document = read_document(given)
    except UnreadableFile as error:
        raise ScenarioError([_located(None, file, error.problem, error.location)]) from None
    try:
        scenarios, problems = parse_scenarios(document.data, file, law)
    except LawDataError as error:
        raise ScenarioError(error.located) from None
    if problems:
        raise ScenarioError(_located(document, file, p) for p in problems)
    return scenarios


def _is_scenario(path: pathlib.Path) -> bool:
    """Whether a file in a folder is a scenario: its top level has the key ``powcase``, and
    not ``properties`` (a property file, which ``powcase explore`` reads).
    """
    try:
        document = read_document(path)
    except UnreadableFile:
        return False
    data = document.data
    return isinstance(data, dict) and "powcase" in data and "properties" not in data


def find_scenario_files(paths: Iterable[str | pathlib.Path]) -> Iterator[pathlib.Path]:
    """Files named directly, and scenario files found in folders (sorted)."""
    for given in paths:
        path = pathlib.Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
            yield from (p for p in found if _is_scenario(p))
        else:
            yield path
