"""Every path at once: the situations reachable from a start, under every reading.

From the end of a record, the explorer takes every letter of an alphabet, each dated
``step_days`` after the step before, to a depth. A *situation* is what decides what can come
next: where he stands, what the record has established (with the event indexes left out:
no rule reads them) and the day. Equal situations are explored once, and a verdict is worked
out once for every reading that agrees on the assumptions it read (see
:mod:`powcase.explore.reliance`): the readings travel through the search as bit masks.

The result, an :class:`Exploration`, is a graph: its situations, with the readings that
reach each, and its steps, each with the readings it was taken under and its outcome. The
shortest path of one reading to a situation is read back from where each reading first
arrived.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable, Hashable, Iterator, Sequence

import attrs

from powcase.case import Case
from powcase.engine.facts import Agreement, Facts, Wish
from powcase.engine.table import Position, fire
from powcase.errors import InvalidInput
from powcase.explore.alphabet import Letter
from powcase.explore.readings import ReadingGrid, bits
from powcase.explore.reliance import reads, watched
from powcase.law.book import Law
from powcase.law.judging import LawJudge
from powcase.model.countries import is_state_code
from powcase.model.events import Event, MachineEvent
from powcase.model.mode import Mode
from powcase.model.record import Record
from powcase.model.verdict import Outcome

__all__ = [
    "Exploration",
    "Situation",
    "Step",
    "canonical",
    "explore",
    "facts_key",
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
    """How many explored steps lead to it (every path to it has this many)."""
    on: datetime.date
    readings: int = 0
    """The readings that reach it."""
    entering: list[int] = attrs.Factory(list)
    """The steps that lead to it (indexes into :attr:`Exploration.steps`)."""
    leaving: list[int] = attrs.Factory(list)
    """The steps taken from it."""

    @property
    def configuration(self) -> tuple[str, ...]:
        """Where he stands: the public configuration of the legal path."""
        return self.position.configuration


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

    def key_of(self, situation: Situation) -> Hashable:
        """What tells ``situation`` apart from the others of this exploration."""
        return situation_key(
            situation.position,
            situation.facts,
            situation.depth,
            self.states if self.merge else None,
        )

    def path(self, situation: int, reading: int) -> list[Step]:
        """A shortest path of ``reading`` from the start to ``situation`` (every path to a
        situation has its depth in steps). Where several are, the first in the order of
        :func:`ranked`: the same whoever explored which readings.
        """
        bit = 1 << reading
        here = self.situations[situation]
        if not here.readings & bit:
            raise InvalidInput.single(
                "reading", f"reading {reading} does not reach situation {situation}"
            )
        found: list[Step] = []
        while here.depth:
            ranks = self.ranks
            step = min(
                (self.steps[i] for i in here.entering if self.steps[i].readings & bit),
                key=lambda s: (ranks[s.source], s.letter),
            )
            found.append(step)
            here = self.situations[step.source]
        found.reverse()
        return found

    def record(self, steps: Sequence[Step]) -> Record:
        """The start's record with ``steps`` after it: a scenario's record that replays
        the path.
        """
        events = (*self.start.events, *(step.event for step in steps))
        return attrs.evolve(self.start, events=events)

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
    the steps into it.
    """
    ranks = [0] * len(situations)
    entering: dict[int, list[Step]] = {}
    for step in steps:
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
        Situation(number[s.index], s.position, s.facts, s.depth, s.on, s.readings) for s in order
    ]
    moved = sorted(
        (attrs.evolve(t, source=number[t.source], target=number[t.target]) for t in steps),
        key=lambda t: (t.source, t.letter, t.applied, t.outcome.value),
    )
    for place, step in enumerate(moved):
        renumbered[step.source].leaving.append(place)
        renumbered[step.target].entering.append(place)
    new_ranks = [0] * len(renumbered)
    for situation in order:
        new_ranks[number[situation.index]] = ranks[situation.index]
    return tuple(renumbered), tuple(moved), tuple(new_ranks)


def situation_key(
    position: Position, facts: Facts, depth: int, states: Sequence[str] | None
) -> Hashable:
    """What tells a situation apart: where he stands, the facts as :func:`facts_key` reads
    them for ``states`` (every fact exactly when None), and the depth (which gives the day).
    """
    return (position, facts if states is None else facts_key(facts, states), depth)


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
    mode: Mode = Mode.NORMATIVE,
    law: Law | None = None,
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
    law = law or Law.packaged()
    clock = time.perf_counter()
    begin = start.events[-1].date if start.events else None
    if begin is None:
        raise InvalidInput.single(
            "events", "an exploration starts from a record with at least one event"
        )
    search = _Search(
        start,
        tuple(letters),
        grid,
        mode=mode,
        law=law,
        step_days=step_days,
        first_day=begin,
        merge=merge,
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
    ) -> None:
        self.merge = merge
        self.start, self.letters, self.grid, self.mode, self.law = start, letters, grid, mode, law
        self.step_days, self.first_day = step_days, first_day
        self.situations: list[Situation] = []
        self.steps: list[Step] = []
        self.known: dict[Hashable, int] = {}
        self.frontier: dict[int, int] = {}
        """The situations to expand next, with the readings new to each."""
        self.verdicts = 0
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
        key = situation_key(position, facts, depth, self.states if self.merge else None)
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
                    if applied:
                        after = facts.absorb(event, record_index, detaining_power=detaining_power)
                        self._take(
                            index,
                            letter,
                            event,
                            readings=group,
                            outcome=outcome,
                            applied=True,
                            position=target,
                            facts=after,
                        )
                    else:
                        self._take(
                            index,
                            letter,
                            event,
                            readings=group,
                            outcome=outcome,
                            applied=False,
                            position=position,
                            facts=facts,
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
        readings: int,
        outcome: Outcome,
        applied: bool,
        position: Position,
        facts: Facts,
    ) -> None:
        step_index = len(self.steps)
        depth = self.situations[source].depth + 1
        target = self._arrive(position, facts, depth, readings)
        self.steps.append(Step(source, letter, event, readings, outcome, applied, target))
        self.situations[source].leaving.append(step_index)
        self.situations[target].entering.append(step_index)


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
