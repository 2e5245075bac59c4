"""Every path at once: the situations reachable from a start, under every reading.

From the end of a record, the explorer takes every letter of an alphabet, each dated
``step_days`` after the step before, to a depth. A *situation* is what decides what the
rules can say next: where he stands, what the record has established (as the guards read it:
see :func:`facts_key`) and the day. Where no change in the law falls within the days explored
(:func:`law_changes`), the guards answer alike on every one of them, and the day does not tell
situations apart. Equal situations are explored once, and a verdict is worked out once for
every reading that agrees on the assumptions it read (see :mod:`powcase.explore.reliance`):
the readings travel through the search as bit masks.

The result, an :class:`Exploration`, is a graph: its situations, with the readings that reach
each and when, and its steps, each with the readings it was taken under and its outcome,
numbered the same way however the readings were split between work items
(:func:`canonical`). The shortest path of one reading to a situation is read back from it.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence

import attrs

from powcase._util import arguments
from powcase.case import Case
from powcase.engine.facts import Agreement, Facts, Wish
from powcase.engine.table import Position, fire
from powcase.errors import InvalidInput
from powcase.explore.alphabet import Letter
from powcase.explore.readings import ReadingGrid, bits
from powcase.explore.reliance import reads, watched
from powcase.law.book import Law, LawLike, law_of
from powcase.law.judging import LawJudge
from powcase.model.countries import is_state_code
from powcase.model.events import AgreementConcluded, Event, MachineEvent
from powcase.model.mode import Mode, mode_of
from powcase.model.record import Record
from powcase.model.verdict import Outcome

__all__ = [
    "MAX_DEPTH",
    "Exploration",
    "Situation",
    "Step",
    "canonical",
    "explore",
    "facts_key",
    "law_changes",
    "ranked",
    "situation_key",
]


@attrs.define(eq=False)
class Situation:
    """One situation of the exploration: where he stands, the facts, and the day."""

    index: int
    position: Position
    facts: Facts
    depth: int
    """How many steps the shortest path to it takes, under any reading."""
    on: datetime.date
    """The day it is first reached (that of its depth)."""
    readings: int = 0
    """The readings that reach it."""
    arrivals: list[tuple[int, int]] = attrs.Factory(list)
    """When readings first reach it: (depth, the readings first reaching it then)."""
    entering: list[int] = attrs.Factory(list)
    """The steps that lead to it (indexes into :attr:`Exploration.steps`)."""
    leaving: list[int] = attrs.Factory(list)
    """The steps taken from it."""

    @property
    def configuration(self) -> tuple[str, ...]:
        """Where he stands: the public configuration of the legal path."""
        return self.position.configuration

    def depth_for(self, reading: int) -> int:
        """How many steps the shortest path of ``reading`` to it takes."""
        bit = 1 << reading
        for depth, readings in self.arrivals:
            if readings & bit:
                return depth
        raise InvalidInput.single("reading", f"reading {reading} does not reach this situation")


@attrs.frozen
class Step:
    """One step of the exploration: a letter taken from a situation under some readings,
    its outcome under them and the situation it leads to.
    """

    source: int
    letter: int
    event: Event = attrs.field(repr=False)
    readings: int
    outcome: Outcome
    applied: bool
    target: int


@attrs.frozen(eq=False)
class Exploration:
    """What an exploration found: its situations and steps, and how it ran."""

    start: Record
    grid: ReadingGrid
    letters: tuple[Letter, ...]
    depth: int
    step_days: int
    mode: Mode
    law: Law = attrs.field(repr=False)
    situations: tuple[Situation, ...] = attrs.field(repr=False)
    steps: tuple[Step, ...] = attrs.field(repr=False)
    verdicts: int
    """How many verdicts were worked out (one per letter, situation and group of readings
    that agree on what the verdict read)."""
    seconds: float
    merge: bool = True
    """Whether situations were told apart by what the guards read (else by every fact)."""
    states: tuple[str, ...] = ()
    """The states between which the end of hostilities is told apart (see :func:`facts_key`)."""
    ranks: tuple[int, ...] = ()
    """Each situation's place in the order paths are chosen by (see :func:`ranked`)."""
    cited: frozenset[str] = frozenset()
    """Every provision a verdict of a step explored cites (a step cites its reasons' only)."""
    timeless: bool = False
    """Whether the day did not tell situations apart: no change in the law (see
    :func:`law_changes`) falls within the days explored, so a situation reached on different
    days is one."""

    @property
    def first_day(self) -> datetime.date:
        """The day of the start's last event: depth ``n`` is ``n * step_days`` after it."""
        return self.start.events[-1].date

    def key_of(self, situation: Situation) -> Hashable:
        """What tells ``situation`` apart from the others of this exploration."""
        return situation_key(
            situation.position,
            situation.facts,
            None if self.timeless else situation.depth,
            self.states if self.merge else None,
        )

    def path(self, situation: int, reading: int) -> list[Step]:
        """A shortest path of ``reading`` from the start to ``situation``. Where several
        are, the first in the order of the situations' numbers (see :func:`canonical`): the
        same whoever explored which readings.
        """
        bit = 1 << reading
        here = self.situations[situation]
        depth = here.depth_for(reading)
        found: list[Step] = []
        while depth:
            depth -= 1
            step = min(
                (
                    self.steps[i]
                    for i in here.entering
                    if self.steps[i].readings & bit
                    and self.situations[self.steps[i].source].depth_for(reading) == depth
                ),
                key=lambda s: (s.source, s.letter),
            )
            found.append(step)
            here = self.situations[step.source]
        found.reverse()
        return found

    def record(self, steps: Sequence[Step]) -> Record:
        """The start's record with ``steps`` after it, each dated ``step_days`` after the
        one before: a scenario's record that replays the path.
        """
        day = self.first_day
        events = []
        for step in steps:
            day += datetime.timedelta(days=self.step_days)
            events.append(self.letters[step.letter].at(day))
        return attrs.evolve(self.start, events=(*self.start.events, *events))

    def starts(self) -> Iterator[Situation]:
        """The situations at depth 0 (one per group of readings the record leaves alike)."""
        return (s for s in self.situations if s.depth == 0)

    def by_depth(self) -> list[int]:
        """How many distinct situations there are at each depth, from 0."""
        counts = [0] * (self.depth + 1)
        for situation in self.situations:
            counts[situation.depth] += 1
        return counts


def ranked(situations: Sequence[Situation], steps: Sequence[Step]) -> tuple[int, ...]:
    """Each situation's place in an order that does not depend on how the readings were
    split between explorations: the starts by the first reading that reaches each, then,
    depth by depth, each situation by the best (place of the situation before, letter) of
    the steps into it from the depth before.
    """
    ranks = [0] * len(situations)
    entering: dict[int, list[Step]] = {}
    for step in steps:
        # Only steps from nearer the start: those that reach it first.
        if situations[step.source].depth < situations[step.target].depth:
            entering.setdefault(step.target, []).append(step)
    by_depth: dict[int, list[Situation]] = {}
    for situation in situations:
        by_depth.setdefault(situation.depth, []).append(situation)
    for depth in sorted(by_depth):
        level = by_depth[depth]
        if depth == 0:
            order = sorted(level, key=lambda s: (s.readings & -s.readings).bit_length())
        else:
            # (place before, letter, applied, outcome) leads to one situation only.
            best = {
                s.index: min(
                    (ranks[t.source], t.letter, t.applied, t.outcome.value)
                    for t in entering[s.index]
                )
                for s in level
            }
            order = sorted(level, key=lambda s: best[s.index])
        for place, situation in enumerate(order):
            ranks[situation.index] = place
    return tuple(ranks)


def canonical(
    situations: Sequence[Situation], steps: Sequence[Step]
) -> tuple[tuple[Situation, ...], tuple[Step, ...], tuple[int, ...]]:
    """The situations renumbered by depth and :func:`ranked` place, and the steps by their
    source's number, letter, whether applied and outcome: the same graph, numbered the same
    way however the readings were split between explorations.
    """
    ranks = ranked(situations, steps)
    order = sorted(situations, key=lambda s: (s.depth, ranks[s.index]))
    number = {s.index: place for place, s in enumerate(order)}
    renumbered = [
        Situation(
            number[s.index], s.position, s.facts, s.depth, s.on, s.readings, _arrivals(s.arrivals)
        )
        for s in order
    ]
    joined: dict[tuple[int, int, bool, str], Step] = {}
    for step in steps:
        source, target = number[step.source], number[step.target]
        key = (source, step.letter, step.applied, step.outcome.value)
        known = joined.get(key)
        if known is None:
            joined[key] = attrs.evolve(step, source=source, target=target)
        else:
            # The same step taken under more readings (at another depth, or in another part).
            joined[key] = attrs.evolve(known, readings=known.readings | step.readings)
    moved = [joined[key] for key in sorted(joined)]
    for place, step in enumerate(moved):
        renumbered[step.source].leaving.append(place)
        renumbered[step.target].entering.append(place)
    new_ranks = [0] * len(renumbered)
    for situation in order:
        new_ranks[number[situation.index]] = ranks[situation.index]
    return tuple(renumbered), tuple(moved), tuple(new_ranks)


def _arrivals(arrivals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Arrivals by depth, each reading at the first depth it arrived at."""
    by_depth: dict[int, int] = {}
    seen = 0
    for depth, readings in sorted(arrivals):
        new = readings & ~seen
        if new:
            by_depth[depth] = by_depth.get(depth, 0) | new
            seen |= new
    return sorted(by_depth.items())


def situation_key(
    position: Position, facts: Facts, depth: int | None, states: Sequence[str] | None
) -> Hashable:
    """What tells a situation apart: where he stands, the facts as :func:`facts_key` reads
    them for ``states`` (every fact exactly when None), and the depth, which gives the day
    (None: the day does not count).
    """
    return (position, facts if states is None else facts_key(facts, states), depth)


def law_changes(law: Law, facts: Facts) -> frozenset[datetime.date]:
    """The days on which what the rules read of the law or the record may change: entries
    into force and ends of participations, alliances, conflicts and treatment on return,
    instruments adopted, abolitions of the death penalty, and the release days of agreements
    on record. Between two of them, the guards answer the same on any day.
    """
    days = {*law.change_days, *law.binding_days}
    days.update(
        p.abolished_death_penalty
        for p in law.parties.values()
        if p.abolished_death_penalty is not None
    )
    days.update(a.release_by for a in facts.agreements if a.release_by is not None)
    return frozenset(days)


def facts_key(facts: Facts, states: Sequence[str]) -> Hashable:
    """What the guards read of ``facts``, for telling situations apart.

    Left out, because no rule reads them: the event indexes of wishes and agreements, the days
    of wishes (a later claim from a source replaces an earlier one, so their order is kept)
    and repeats of an allegation or an agreement (the rules ask whether one is on record). The
    ends and resumptions of hostilities are read only as whether hostilities have ended
    between two states (a day on record is always past), so they are kept as that, for every
    pair of ``states``.
    """
    fields = dict(facts.__dict__)
    fields.pop("acts", None)
    fields["wish_views"] = tuple(tuple(_wish_key(w) for w in view) for view in facts.wish_views)
    fields["agreements"] = tuple(dict.fromkeys(_agreement_key(a) for a in facts.agreements))
    for repeated in _REPEATS:
        fields[repeated] = tuple(dict.fromkeys(fields[repeated]))
    del fields["hostilities_ends"], fields["hostilities_resumptions"]
    if facts.hostilities_ends:
        fields["ended"] = tuple(
            facts.hostilities_ended_between(a, b) is not None
            for place, a in enumerate(states)
            for b in states[place + 1 :]
        )
    return tuple(sorted(fields.items()))


_REPEATS = (
    "allegations",
    "grave_breaches",
    "alleged_acts",
    "exchange_agreements",
    "neutral_agreements",
)


def _wish_key(wish: Wish) -> Hashable:
    return (
        wish.destination,
        wish.sources,
        wish.verified,
        wish.free,
        wish.confidence,
        wish.condition,
    )


def _agreement_key(agreement: Agreement) -> Hashable:
    return attrs.evolve(agreement, index=0)


Progress = Callable[[int, int, int], None]
"""Called after each depth with (depth done, depth asked, situations so far)."""


def explore(
    start: Record,
    letters: Sequence[Letter],
    grid: ReadingGrid,
    *,
    depth: int,
    step_days: int = 30,
    mode: Mode | str = Mode.NORMATIVE,
    law: LawLike = None,
    progress: Progress | None = None,
    merge: bool = True,
    among: int | None = None,
) -> Exploration:
    """Every path of up to ``depth`` steps from the end of ``start``, each step a letter
    dated ``step_days`` after the one before, under every reading of ``grid``.

    With ``merge`` (the default) situations are told apart by what the guards read of the
    facts (:func:`facts_key`); without it, by every fact exactly (far more situations: for
    checking that the merge loses nothing). With ``among`` (a mask of the grid's readings),
    only those readings are explored.
    """
    arguments.instance("start", start, Record, "a Record")
    arguments.instance("grid", grid, ReadingGrid, "a ReadingGrid")
    letters = tuple(letters) if isinstance(letters, list | tuple) else letters
    arguments.instance("letters", letters, tuple, "a list of Letter")
    for place, letter in enumerate(letters):
        arguments.instance(f"letters[{place}]", letter, Letter, "a Letter")
    _whole("depth", depth, 0, MAX_DEPTH)
    _whole("step_days", step_days, 1, 3650)
    mode = mode_of(mode)
    law = law_of(law)
    clock = time.perf_counter()
    begin = start.events[-1].date if start.events else None
    if begin is None:
        raise InvalidInput.single(
            "events", "an exploration starts from a record with at least one event"
        )
    last = begin + datetime.timedelta(days=step_days * depth)
    agreed = (e.release_by for e in start.events if isinstance(e, AgreementConcluded))
    changes = law_changes(law, Facts()) | {day for day in agreed if day is not None}
    timeless = merge and not any(begin < day <= last for day in changes)
    search = _Search(
        start,
        tuple(letters),
        grid,
        mode=mode,
        law=law,
        step_days=step_days,
        first_day=begin,
        merge=merge,
        timeless=timeless,
    )
    search.begin(grid.every if among is None else among)
    for level in range(depth):
        search.expand(level)
        if progress is not None:
            progress(level + 1, depth, len(search.situations))
    situations, steps, ranks = canonical(search.situations, search.steps)
    return Exploration(
        start,
        grid,
        tuple(letters),
        depth,
        step_days,
        mode,
        law,
        situations,
        steps,
        search.verdicts,
        time.perf_counter() - clock,
        merge,
        search.states,
        ranks,
        frozenset(search.cited),
        timeless,
    )


class _Search:
    """The breadth-first search: one depth at a time, each situation with the readings that
    reached it for the first time.
    """

    def __init__(
        self,
        start: Record,
        letters: tuple[Letter, ...],
        grid: ReadingGrid,
        *,
        mode: Mode,
        law: Law,
        step_days: int,
        first_day: datetime.date,
        merge: bool = True,
        timeless: bool = False,
    ) -> None:
        self.merge, self.timeless = merge, timeless
        self.start, self.letters, self.grid, self.mode, self.law = start, letters, grid, mode, law
        self.step_days, self.first_day = step_days, first_day
        self.situations: list[Situation] = []
        self.steps: list[Step] = []
        self.known: dict[Hashable, int] = {}
        self.frontier: dict[int, int] = {}
        """The situations to expand next, with the readings new to each."""
        self.verdicts = 0
        self.cited: set[str] = set()
        self.judges: dict[int, LawJudge] = {}
        self._events: dict[tuple[int, int], Event] = {}
        self.states = _states(start, letters)

    def begin(self, among: int) -> None:
        """The situations the start's record leaves, one per group of readings."""
        for index in bits(among):
            case = Case(self.start, self.grid.readings[index], self.mode, self.law)
            timeline = case.timeline
            self._arrive(timeline.position, timeline.facts, 0, 1 << index)

    def _date(self, depth: int) -> datetime.date:
        return self.first_day + datetime.timedelta(days=self.step_days * depth)

    def _event(self, letter: int, depth: int) -> Event:
        key = (letter, depth)
        event = self._events.get(key)
        if event is None:
            event = self._events[key] = self.letters[letter].at(self._date(depth))
        return event

    def _arrive(self, position: Position, facts: Facts, depth: int, readings: int) -> int:
        key = situation_key(
            position, facts, None if self.timeless else depth, self.states if self.merge else None
        )
        index = self.known.get(key)
        if index is None:
            index = self.known[key] = len(self.situations)
            situation = Situation(index, position, facts, depth, self._date(depth))
            self.situations.append(situation)
        else:
            situation = self.situations[index]
        new = readings & ~situation.readings
        if new:
            situation.readings |= new
            situation.arrivals.append((depth, new))
            self.frontier[index] = self.frontier.get(index, 0) | new
        return index

    def expand(self, level: int) -> None:
        """Take every letter from each situation of the frontier (at depth ``level``)."""
        frontier, self.frontier = self.frontier, {}
        detaining_power = self.start.detaining_power
        record_index = len(self.start.events) + level
        for index, readings in frontier.items():
            situation = self.situations[index]
            position, facts = situation.position, situation.facts
            for letter in range(len(self.letters)):
                event = self._event(letter, level + 1)
                if not isinstance(event, MachineEvent):
                    after = facts.absorb(event, record_index, detaining_power=detaining_power)
                    self._take(
                        index,
                        letter,
                        event,
                        level=level,
                        readings=readings,
                        outcome=Outcome.ALLOWED,
                        applied=True,
                        position=position,
                        facts=after,
                    )
                    continue
                target = fire(position, event.name, event)
                if target is None:
                    continue  # not a step of the legal path from here: like waiting
                for group, outcome in self._judged(position, facts, event, readings):
                    applied = outcome is Outcome.ALLOWED or self.mode is Mode.DESCRIPTIVE
                    # A step not taken leaves him where he stood, with the same facts.
                    self._take(
                        index,
                        letter,
                        event,
                        level=level,
                        readings=group,
                        outcome=outcome,
                        applied=applied,
                        position=target if applied else position,
                        facts=(
                            facts.absorb(event, record_index, detaining_power=detaining_power)
                            if applied
                            else facts
                        ),
                    )

    def _judged(
        self, position: Position, facts: Facts, event: MachineEvent, readings: int
    ) -> Iterator[tuple[int, Outcome]]:
        """The outcome of ``event`` under each group of ``readings`` that agree on what its
        verdict read.
        """
        remaining = readings
        while remaining:
            first = next(bits(remaining))
            judge = self.judges.get(first) or self._judge(first)
            verdict, read = reads(lambda j=judge: j(position, facts, event))  # type: ignore[misc]
            self.verdicts += 1
            self.cited.update(verdict.cites)
            group = self.grid.agreeing(first, read | set(verdict.assumptions), remaining)
            remaining &= ~group
            yield group, verdict.outcome

    def _judge(self, reading: int) -> LawJudge:
        start = self.start
        judge = LawJudge(
            start.subject, start.detaining_power, watched(self.grid.readings[reading]), self.law
        )
        self.judges[reading] = judge
        return judge

    def _take(
        self,
        source: int,
        letter: int,
        event: Event,
        *,
        level: int,
        readings: int,
        outcome: Outcome,
        applied: bool,
        position: Position,
        facts: Facts,
    ) -> None:
        step_index = len(self.steps)
        target = self._arrive(position, facts, level + 1, readings)
        self.steps.append(Step(source, letter, event, readings, outcome, applied, target))
        self.situations[source].leaving.append(step_index)
        self.situations[target].entering.append(step_index)


MAX_DEPTH = 20
"""The deepest exploration asked for: far past what finishes (each step multiplies the work)."""


def _whole(name: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise arguments.wrong_type(name, value, f"a whole number from {low} to {high}")
    if not low <= value <= high:
        raise InvalidInput.single(name, f"{value} is out of range", expected=f"{low} to {high}")


def _states(start: Record, letters: Sequence[Letter]) -> tuple[str, ...]:
    """Every state the start or a letter names: those between which hostilities may end."""
    named = [start.detaining_power, *start.subject.nationality]
    if start.subject.forces is not None:
        named.append(start.subject.forces)
    for letter in letters:
        for _, value in letter.fields:
            values = value if isinstance(value, tuple) else (value,)
            named.extend(v for v in values if isinstance(v, str) and is_state_code(v))
    return tuple(sorted(set(named)))
