"""What checking a property file found: an answer per property and reading, with the shortest
witness or counterexample, the readings grouped by their answers, and how the exploration ran.

:meth:`CheckResult.to_dict` is the JSON form (one entry of ``powcase explore --format json``'s
list); its schema is :func:`powcase.explore.results_schema.check_schema`.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Sequence
from typing import Any

import attrs

from powcase.explore.properties import Form, Property, PropertyFile
from powcase.explore.readings import ReadingGrid
from powcase.law.book import Law
from powcase.law.provenance import generated_by
from powcase.model.assumptions import Assumptions
from powcase.model.events import Event
from powcase.model.verdict import Outcome

__all__ = [
    "Answer",
    "CheckResult",
    "Group",
    "PathStep",
    "PropertyResult",
    "ReadingResult",
    "Stats",
]


class Answer(enum.Enum):
    """The answer of one property under one reading."""

    HOLDS = "holds"
    VIOLATED = "violated"
    REACHABLE = "reachable"
    UNREACHABLE = "unreachable"

    @property
    def found(self) -> bool:
        """Whether a path was found: a witness (reachable) or a counterexample (violated)."""
        return self in (Answer.VIOLATED, Answer.REACHABLE)


def answer_of(form: Form, found: bool) -> Answer:
    """The answer of a property of ``form`` when a path was (or was not) found."""
    if form is Form.REACHABLE:
        return Answer.REACHABLE if found else Answer.UNREACHABLE
    return Answer.VIOLATED if found else Answer.HOLDS


@attrs.frozen
class PathStep:
    """One step of a witness: the event explored and its outcome under the reading."""

    event: Event
    outcome: Outcome
    applied: bool

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the event as in a scenario file, its outcome and whether it took
        effect.
        """
        return {
            "event": self.event.to_dict(),
            "outcome": self.outcome.value,
            "applied": self.applied,
        }


@attrs.frozen
class ReadingResult:
    """One property under one reading: the answer and the shortest path that shows it (a
    witness of ``reachable``, a counterexample of the others; None when there is none).
    """

    reading: int
    """The reading's index in the grid."""
    answer: Answer
    path: tuple[PathStep, ...] | None = None
    witness: str | None = None
    """The scenario file the path was written to (``--witnesses``), if it was."""

    def to_dict(self, grid: ReadingGrid) -> dict[str, Any]:
        """The JSON form: every choice assumption, the answer, the witness file and path."""
        return {
            "reading": _plain_reading(grid, self.reading),
            "answer": self.answer.value,
            "witness": self.witness,
            "path": None if self.path is None else [s.to_dict() for s in self.path],
        }


def _plain_reading(grid: ReadingGrid, index: int) -> dict[str, Any]:
    return dict(grid.describe(index))


@attrs.frozen
class PropertyResult:
    """One property's answers, one per reading of the grid in order."""

    definition: Property
    results: tuple[ReadingResult, ...]

    @property
    def note(self) -> str | None:
        """What the answers are judged on, where that is not every path."""
        if self.definition.form is Form.EVENTUALLY:
            return "judged only on paths that reach the full depth"
        return None

    def count(self, answer: Answer) -> int:
        """How many readings give ``answer``."""
        return sum(1 for r in self.results if r.answer is answer)

    def to_dict(self, grid: ReadingGrid) -> dict[str, Any]:
        """The JSON form."""
        return {
            "id": self.definition.id,
            "text": self.definition.text,
            "form": self.definition.form.value,
            "note": self.note,
            "results": [r.to_dict(grid) for r in self.results],
        }


@attrs.frozen
class Stats:
    """How the exploration and the check ran."""

    letters: int
    readings: int
    depth: int
    steps: int
    """The steps explored: each letter taken from each situation, per group of readings that
    gave it the same outcome."""
    situations: int
    by_depth: tuple[int, ...]
    verdicts: int
    explore_seconds: float
    check_seconds: float
    exact: bool
    """Whether situations were told apart by every fact (a property reads flags or the
    docket), rather than by what the guards read."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "letters": self.letters,
            "readings": self.readings,
            "depth": self.depth,
            "steps": self.steps,
            "situations": self.situations,
            "situations_by_depth": list(self.by_depth),
            "verdicts": self.verdicts,
            "explore_seconds": round(self.explore_seconds, 3),
            "check_seconds": round(self.check_seconds, 3),
            "exact_situations": self.exact,
        }


@attrs.frozen
class Group:
    """Readings that give the same answer to every property: the readings, and the same
    set described as boxes (each a mapping of the assumptions it fixes to their options;
    an assumption left out takes every option the grid varies).
    """

    readings: tuple[int, ...]
    answers: tuple[Answer, ...]
    boxes: tuple[tuple[tuple[str, tuple[Any, ...]], ...], ...]

    def describe(self) -> str:
        """The boxes in words: ``ihl_non_refoulement=icrc_2020|free_will; ...`` joined by
        ``or``; ``every reading`` for a box that fixes nothing.
        """
        return " or ".join(_box_words(box) for box in self.boxes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "readings": len(self.readings),
            "answers": [a.value for a in self.answers],
            "where": [{key: list(options) for key, options in box} for box in self.boxes],
        }


def _box_words(box: tuple[tuple[str, tuple[Any, ...]], ...]) -> str:
    if not box:
        return "every reading"
    return ", ".join(f"{key}={'|'.join(_word(o) for o in options)}" for key, options in box)


def _word(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


@attrs.frozen(eq=False)
class CheckResult:
    """Every property of a file under every reading of its grid."""

    source: PropertyFile = attrs.field(repr=False)
    grid: ReadingGrid = attrs.field(repr=False)
    properties: tuple[PropertyResult, ...]
    stats: Stats
    never_cited: tuple[str, ...]
    """The provisions of the catalogue no explored step cites."""
    law: Law = attrs.field(repr=False)

    @property
    def reading_keys(self) -> tuple[str, ...]:
        """The choice assumptions the grid varies."""
        return self.grid.varying

    def reading(self, index: int) -> Assumptions:
        """Reading ``index`` of the grid."""
        return self.grid.readings[index]

    def groups(self) -> tuple[Group, ...]:
        """The readings grouped by their answers to every property, largest group first."""
        by_answers: dict[tuple[Answer, ...], list[int]] = {}
        for index in range(len(self.grid)):
            answers = tuple(p.results[index].answer for p in self.properties)
            by_answers.setdefault(answers, []).append(index)
        groups = [
            Group(tuple(indexes), answers, _boxes(self.grid, indexes))
            for answers, indexes in by_answers.items()
        ]
        return tuple(sorted(groups, key=lambda g: (-len(g.readings), g.readings[0])))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: one entry of the output's list."""
        source = self.source
        return {
            "generated_by": generated_by(self.law),
            "file": source.file,
            "title": source.title,
            "start": source.start_label,
            "explore": {
                "depth": source.depth,
                "mode": source.mode.value,
                "step_days": source.step_days,
                "alphabet": "full" if source.full_alphabet else "default",
            },
            "varied": list(self.reading_keys),
            "stats": self.stats.to_dict(),
            "properties": [p.to_dict(self.grid) for p in self.properties],
            "summary": [g.to_dict() for g in self.groups()],
            "never_cited": list(self.never_cited),
        }


def _boxes(
    grid: ReadingGrid, indexes: Sequence[int]
) -> tuple[tuple[tuple[str, tuple[Any, ...]], ...], ...]:
    """``indexes`` as a union of boxes: products of options of the varied assumptions."""
    keys = grid.varying
    domains = {key: _options(grid, range(len(grid)), key) for key in keys}
    return tuple(_split(grid, list(indexes), keys, domains))


def _options(grid: ReadingGrid, indexes: Any, key: str) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(getattr(grid.readings[i], key) for i in indexes))


def _split(
    grid: ReadingGrid,
    indexes: list[int],
    keys: tuple[str, ...],
    domains: dict[str, tuple[Any, ...]],
) -> list[tuple[tuple[str, tuple[Any, ...]], ...]]:
    options = {key: _options(grid, indexes, key) for key in keys}
    size = 1
    for key in keys:
        size *= len(options[key])
    if size == len(indexes):
        # A box: name only the assumptions it does not leave free.
        return [
            tuple((key, options[key]) for key in keys if len(options[key]) < len(domains[key]))
        ]
    # Not a box: split on the first assumption that takes several options, and go on.
    key = next(k for k in keys if len(options[k]) > 1)
    found: list[tuple[tuple[str, tuple[Any, ...]], ...]] = []
    for option in options[key]:
        part = [i for i in indexes if getattr(grid.readings[i], key) == option]
        for box in _split(grid, part, keys, domains):
            fixed = dict(box)
            fixed.setdefault(key, (option,))
            found.append(tuple((k, fixed[k]) for k in keys if k in fixed))
    return _merged(found, keys, domains)


def _merged(
    boxes: list[tuple[tuple[str, tuple[Any, ...]], ...]],
    keys: tuple[str, ...],
    domains: dict[str, tuple[Any, ...]],
) -> list[tuple[tuple[str, tuple[Any, ...]], ...]]:
    """Boxes that differ in one assumption's options only, joined (a shorter description)."""
    changed = True
    while changed:
        changed = False
        for a, b in itertools.combinations(range(len(boxes)), 2):
            first, second = dict(boxes[a]), dict(boxes[b])
            if set(first) != set(second):
                continue
            differing = [k for k in first if first[k] != second[k]]
            if len(differing) == 1:
                key = differing[0]
                options = tuple(dict.fromkeys((*first[key], *second[key])))
                first[key] = tuple(o for o in domains[key] if o in options)
                if len(first[key]) == len(domains[key]):
                    del first[key]  # every option: the box leaves it free
                joined = tuple((k, first[k]) for k in keys if k in first)
                boxes = [box for i, box in enumerate(boxes) if i not in (a, b)] + [joined]
                changed = True
                break
    return boxes
