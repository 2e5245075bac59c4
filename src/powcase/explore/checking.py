"""Checking properties on an exploration: an answer per reading, with the shortest path.

A *point* of a path is its start, or the situation a step led to together with that step
and the situation before it. A selector holds at a point for some readings: it is worked
out as a bit mask of readings (:mod:`powcase.explore.readings`), once per step for the
readings that took it, so that most selectors cost one evaluation for every reading.

Each property walks the exploration's steps in order (breadth-first: shallower steps first),
carrying for every situation the readings that reached it *before* its ``after`` selector
held and those that reached it *after*. ``never``, ``reachable`` and ``always`` look for the
first point where the selector holds (fails, for ``always``) after ``after``; as the steps
come shallowest first, the first point found for a reading is at the least depth, and the
path read back to it is a shortest witness or counterexample. ``eventually`` looks for a
point at the full depth that no point since ``after`` satisfied: a path that ends before the
full depth (no letter leads on from it) is not judged.

Flags and the docket depend on the path's history, which the situations (merged on what the
guards read) do not keep. A property that reads them is checked on an exploration whose
situations are told apart by every fact, and each flag or obligation is read by replaying
the reading's shortest path to the step with :class:`~powcase.case.Case`.
"""

from __future__ import annotations

import pathlib
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from powcase.case import Case
from powcase.errors import LocatedProblem
from powcase.explore.parallel import explore_in_parts, work_items
from powcase.explore.properties import (
    AllOf,
    AnyOf,
    FlagActive,
    Form,
    HisWill,
    Not,
    ObligationIs,
    Property,
    PropertyFile,
    PropertyFileError,
    Selector,
    StateIs,
    StepHad,
    TowardsRisk,
    load_properties,
    parse_properties,
)
from powcase.explore.readings import ReadingGrid, bits
from powcase.explore.results import (
    CheckResult,
    PathStep,
    PropertyResult,
    ReadingResult,
    Stats,
    answer_of,
)
from powcase.explore.search import Exploration, Progress, Step, explore
from powcase.law.book import Law, Source
from powcase.law.refoulement import risk_towards
from powcase.law.situation import Situation as LawSituation
from powcase.law.will import Will, wish_for
from powcase.model.events import Move
from powcase.model.verdict import Outcome

__all__ = ["check", "check_exploration", "check_files", "explore_file"]

_PRE, _ARMED = 0, 1
"""Before the ``after`` selector held on the path, and since."""

Point = tuple[int, int | None]
"""A point of a path: a situation, and the step into it (None at the start)."""


class _Selectors:
    """Works out selectors at points of an exploration, as masks of readings."""

    def __init__(self, exploration: Exploration) -> None:
        self.exploration = exploration
        self.grid = exploration.grid
        self.cases: dict[tuple[int | None, int, int], Case] = {}
        self.moves: dict[int, tuple[str, LawSituation] | None] = {}
        self.risks: dict[int, frozenset[str]] = {}

    def mask(self, selector: Selector, point: Point, among: int) -> int:
        """The readings of ``among`` for which ``selector`` holds at ``point``."""
        if not among:
            return 0
        if isinstance(selector, AllOf):
            for part in selector.parts:
                among = self.mask(part, point, among)
                if not among:
                    break
            return among
        if isinstance(selector, AnyOf):
            found = 0
            for part in selector.parts:
                found |= self.mask(part, point, among & ~found)
            return found
        if isinstance(selector, Not):
            return among & ~self.mask(selector.part, point, among)
        situation, step_index = point
        if isinstance(selector, StateIs):
            active = self.exploration.situations[situation].position.active
            inside = any(s in active for s in selector.states)
            return among if inside != selector.negated else 0
        if isinstance(selector, FlagActive | ObligationIs):
            return self._history(selector, point, among)
        if step_index is None:
            return 0  # the start: no step led to it
        step = self.exploration.steps[step_index]
        if isinstance(selector, StepHad):
            return among if _had(selector, step) else 0
        move = self._move(step_index)
        if move is None:
            return 0  # not a step that hands him to a state
        if isinstance(selector, TowardsRisk):
            kinds = self._risk(step_index, move)
            wanted = set(selector.kinds) if selector.kinds else kinds
            return among if kinds & wanted else 0
        assert isinstance(selector, HisWill)
        return self._will(selector, move, among)

    def _move(self, step_index: int) -> tuple[str, LawSituation] | None:
        """Where the step hands him, and the situation before it, as the law sees it."""
        if step_index in self.moves:
            return self.moves[step_index]
        found: tuple[str, LawSituation] | None = None
        step = self.exploration.steps[step_index]
        event = step.event
        if isinstance(event, Move):
            before = self.exploration.situations[step.source]
            start = self.exploration.start
            reading = self.grid.readings[next(bits(step.readings))]
            situation = LawSituation(
                start.subject,
                start.detaining_power,
                reading,
                before.position,
                before.facts,
                event.date,
                self.exploration.law,
            )
            # As the flags read a move: to its destination, or to his power of origin.
            found = (event.destination or situation.power_of_origin, situation)
        self.moves[step_index] = found
        return found

    def _risk(self, step_index: int, move: tuple[str, LawSituation]) -> frozenset[str]:
        # The law's risk of a move reads the facts, the parties table and the day, not the
        # reading: it is worked out once for every reading that took the step.
        if step_index not in self.risks:
            destination, situation = move
            self.risks[step_index] = risk_towards(situation, destination).kinds
        return self.risks[step_index]

    def _will(self, selector: HisWill, move: tuple[str, LawSituation], among: int) -> int:
        destination, situation = move
        found = 0
        remaining = among
        while remaining:
            first = next(bits(remaining))
            verifiers = self.grid.readings[first].wish_verifiers
            group = self.grid.agreeing(first, ("wish_verifiers",), remaining)
            remaining &= ~group
            consent = wish_for(situation.facts, destination, verifiers) is Will.CONSENT
            if consent != selector.against:
                found |= group
        return found

    def _history(self, selector: FlagActive | ObligationIs, point: Point, among: int) -> int:
        situation, _ = point
        on = self.exploration.situations[situation].on
        found = 0
        for reading in bits(among):
            case = self.case(point, reading)
            if isinstance(selector, FlagActive):
                codes = {flag.code for flag in case.active_flags(on)}
                holds = any(code in codes for code in selector.codes)
            else:
                holds = any(
                    o.code == selector.code
                    and (selector.status is None or o.status.value == selector.status)
                    for o in case.docket(on)
                )
            if holds:
                found |= 1 << reading
        return found

    def case(self, point: Point, reading: int) -> Case:
        """The case of ``reading``'s shortest path to ``point``, replayed."""
        situation, step_index = point
        key = (step_index, situation if step_index is None else -1, reading)
        case = self.cases.get(key)
        if case is None:
            exploration = self.exploration
            if step_index is None:
                steps: list[Step] = []
            else:
                step = exploration.steps[step_index]
                steps = [*exploration.path(step.source, reading), step]
            case = Case(
                exploration.record(steps),
                self.grid.readings[reading],
                exploration.mode,
                exploration.law,
            )
            self.cases[key] = case
        return case


def _had(selector: StepHad, step: Step) -> bool:
    if selector.outcome == "applied":
        ok = step.applied
    else:
        ok = step.outcome is Outcome(selector.outcome)
    if not ok or (selector.events and step.event.name not in selector.events):
        return False
    plain = step.event.to_dict()
    for key, wanted in selector.fields:
        value = plain.get(key)
        if isinstance(value, list):
            value = tuple(value)
        if value != wanted:
            return False
    return True


class _Walk:
    """One property over the exploration: the readings for which a path shows it.

    Level by level from the start, each (situation, phase) with the readings that reached it
    at that level along some path; ``after`` moves readings from the phase before it to the
    phase since. For ``never``, ``reachable`` and ``always`` the future of a (situation,
    phase) does not depend on when it is reached, so each reading visits it once, at the
    least level; for ``eventually`` the level counts (a path must reach the full depth), and
    it is kept apart.
    """

    def __init__(self, selectors: _Selectors, prop: Property) -> None:
        self.selectors = selectors
        self.exploration = selectors.exploration
        self.prop = prop
        self.target: Selector = Not(prop.selector) if prop.form is Form.ALWAYS else prop.selector
        self.once = prop.form is not Form.EVENTUALLY
        self.seen: dict[tuple[int, int], int] = {}
        self.came: list[dict[tuple[int, int], list[tuple[int, int | None, int]]]] = []
        """By level: how each (situation, phase) was reached by some readings: the mask,
        the step (None at the start) and the phase before it."""
        self.found = 0
        self.goals: list[tuple[int, int, int | None, int]] = []
        """Where a path was found: the readings, the level, the step (None: the start) and
        the phase before it."""

    def run(self) -> int:
        exploration = self.exploration
        situations, steps = exploration.situations, exploration.steps
        frontier: dict[tuple[int, int], int] = {}
        self.came.append({})
        for start in exploration.starts():
            self._point(0, (start.index, None), _PRE, start.readings, into=frontier)
        for level in range(exploration.depth):
            following: dict[tuple[int, int], int] = {}
            self.came.append({})
            for (situation, phase), reached in frontier.items():
                going = reached & ~self.found
                if not going:
                    continue
                for index in situations[situation].leaving:
                    step = steps[index]
                    taking = going & step.readings
                    if taking:
                        point = (step.target, index)
                        self._point(level + 1, point, phase, taking, into=following)
            frontier = following
        return self.found

    def _point(
        self,
        level: int,
        point: Point,
        phase: int,
        readings: int,
        *,
        into: dict[tuple[int, int], int],
    ) -> None:
        """Work out ``point`` for the ``readings`` that reach it at ``level`` in ``phase``:
        record what it shows, and the readings that go on from it, in ``into``.
        """
        selectors, prop = self.selectors, self.prop
        armed = readings
        pre = 0
        if phase == _PRE:
            armed = selectors.mask(prop.after, point, readings) if prop.after else readings
            pre = readings & ~armed
        hit = selectors.mask(self.target, point, armed)
        going = armed & ~hit
        if prop.form is Form.EVENTUALLY:
            # A path satisfied is done; one at the full depth not yet satisfied is a
            # counterexample.
            goal = going if level == self.exploration.depth else 0
        else:
            goal = hit
        goal &= ~self.found
        situation, step = point
        if goal:
            self.found |= goal
            self.goals.append((goal, level, step, phase))
        for new_phase, reached in ((_PRE, pre), (_ARMED, going)):
            key = (situation, new_phase)
            new = reached & ~self.found & ~into.get(key, 0)
            if self.once:
                new &= ~self.seen.get(key, 0)
                self.seen[key] = self.seen.get(key, 0) | new
            if new:
                into[key] = into.get(key, 0) | new
                self.came[level].setdefault(key, []).append((new, step, phase))

    def path(self, reading: int) -> list[Step] | None:
        """The path found for ``reading`` (None: none found)."""
        bit = 1 << reading
        goal = next((g for g in self.goals if g[0] & bit), None)
        if goal is None:
            return None
        _, level, step_index, phase = goal
        if step_index is None:
            return []
        steps = self.exploration.steps
        found = [steps[step_index]]
        situation = steps[step_index].source
        for back in range(level - 1, 0, -1):
            _, came_by, before = next(c for c in self.came[back][(situation, phase)] if c[0] & bit)
            assert came_by is not None
            found.append(steps[came_by])
            situation, phase = steps[came_by].source, before
        found.reverse()
        return found


def check_exploration(
    source: PropertyFile, exploration: Exploration, *, started: float | None = None
) -> CheckResult:
    """Every property of ``source`` on ``exploration``, under every reading of its grid."""
    clock = time.perf_counter() if started is None else started
    selectors = _Selectors(exploration)
    grid = exploration.grid
    results: list[PropertyResult] = []
    for prop in source.properties:
        walk = _Walk(selectors, prop)
        found = walk.run()
        per_reading: list[ReadingResult] = []
        for reading in range(len(grid)):
            path = walk.path(reading) if found >> reading & 1 else None
            answer = answer_of(prop.form, path is not None)
            shown = None
            if path is not None:
                # Each step dated as the path takes it (a situation may be reached on
                # several days where the day changes nothing the rules read).
                events = exploration.record(path).events[len(exploration.start.events) :]
                shown = tuple(
                    PathStep(event, s.outcome, s.applied)
                    for event, s in zip(events, path, strict=True)
                )
            per_reading.append(ReadingResult(reading, answer, shown))
        results.append(PropertyResult(prop, tuple(per_reading)))
    cited = exploration.cited
    stats = Stats(
        letters=len(exploration.letters),
        readings=len(grid),
        depth=exploration.depth,
        steps=len(exploration.steps),
        situations=len(exploration.situations),
        by_depth=tuple(exploration.by_depth()),
        verdicts=exploration.verdicts,
        explore_seconds=exploration.seconds,
        check_seconds=time.perf_counter() - clock - exploration.seconds
        if started is not None
        else time.perf_counter() - clock,
        exact=any(p.reads_history for p in source.properties),
    )
    return CheckResult(
        source, grid, tuple(results), stats, _never_cited(exploration.law, cited), exploration.law
    )


def _never_cited(law: Law, cited: Iterable[str]) -> tuple[str, ...]:
    """The provisions of the catalogue none of ``cited`` reaches (a paragraph cited reaches
    its article and each enclosing paragraph): ``powcase.explore.coverage.never_cited``'s
    rule, kept here until that module is on main.
    """
    seen = {
        part
        for cite in cited
        for part in (cite, *(cite[:i] for i, char in enumerate(cite) if char == "("))
    }
    return tuple(pid for pid in law.provisions if pid not in seen)


def explore_file(
    source: PropertyFile,
    *,
    depth: int | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Exploration:
    """The exploration a property file asks for (``depth`` overrides the file's).

    With ``workers`` (local processes) or ``scheduler`` (a Dask scheduler's address) the
    readings are cut into work items run there (:mod:`powcase.explore.parallel`), with the
    same result. A file whose properties read flags or the docket is explored here, on
    situations told apart by every fact (work items merge situations as the guards read them).
    """
    start = source.start
    letters = source.letters()
    grid = ReadingGrid.of(source.assumptions, source.readings)
    exact = any(p.reads_history for p in source.properties)
    depth = source.depth if depth is None else depth
    if not exact and (scheduler is not None or (workers is not None and workers > 1)):
        items = work_items(
            start,
            letters,
            grid,
            depth=depth,
            step_days=source.step_days,
            mode=source.mode,
            law=source.law,
            items=workers or 1,
        )
        return explore_in_parts(items, workers=workers, scheduler=scheduler)
    return explore(
        start,
        letters,
        grid,
        depth=depth,
        step_days=source.step_days,
        mode=source.mode,
        law=source.law,
        progress=progress,
        merge=not exact,
    )


PropertySource = PropertyFile | str | pathlib.Path | Mapping[str, Any]
"""A property file's path, its data as a mapping, or a file already read."""


def _read(source: PropertySource, law: Sequence[Source]) -> PropertyFile:
    if isinstance(source, PropertyFile):
        return source
    if isinstance(source, Mapping):
        found, problems, elsewhere = parse_properties(source, law=law)
        if found is None:
            raise PropertyFileError(
                [*(LocatedProblem("<string>", None, None, p) for p in problems), *elsewhere]
            )
        return found
    return load_properties(source, law=law)


def check(
    source: PropertySource,
    *,
    depth: int | None = None,
    witnesses: str | pathlib.Path | None = None,
    law: Sequence[Source] = (),
    progress: Progress | None = None,
    reveal_names: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
) -> CheckResult:
    """Explore from a property file's start and check each of its properties under every
    reading; with ``witnesses``, write each shortest witness or counterexample there as a
    scenario file; ``workers`` and ``scheduler`` as :func:`explore_file` takes them.
    :class:`~powcase.explore.properties.PropertyFileError` for a bad file.
    """
    from powcase.explore.witnesses import write_witnesses  # noqa: PLC0415

    read = _read(source, law)
    clock = time.perf_counter()
    exploration = explore_file(
        read, depth=depth, progress=progress, workers=workers, scheduler=scheduler
    )
    result = check_exploration(read, exploration, started=clock)
    if witnesses is not None:
        result = write_witnesses(result, witnesses, reveal_names=reveal_names)
    return result


def check_files(
    paths: Sequence[str | pathlib.Path],
    *,
    depth: int | None = None,
    witnesses: str | pathlib.Path | None = None,
    law: Sequence[Source] = (),
    progress: Progress | None = None,
    reveal_names: bool = False,
    workers: int | None = None,
    scheduler: str | None = None,
) -> list[CheckResult]:
    """:func:`check` for each property file of ``paths``, every file read (and every problem
    of every file reported, located) before any is explored. With several files, each
    file's witnesses go to a folder of their own under ``witnesses``, named after it.
    """
    read: list[PropertyFile] = []
    problems: list[LocatedProblem] = []
    for path in paths:
        try:
            read.append(load_properties(path, law=law))
        except PropertyFileError as error:
            problems.extend(error.problems)
    if problems:
        raise PropertyFileError(problems)
    results = []
    for source in read:
        folder: pathlib.Path | None = None
        if witnesses is not None:
            folder = pathlib.Path(witnesses)
            if len(read) > 1:
                folder = folder / _stem(source.file)
        results.append(
            check(
                source,
                depth=depth,
                witnesses=folder,
                progress=progress,
                reveal_names=reveal_names,
                workers=workers,
                scheduler=scheduler,
            )
        )
    return results


def _stem(file: str) -> str:
    name = pathlib.Path(file).name
    for suffix in (".properties.yaml", ".properties.yml", ".yaml", ".yml", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
