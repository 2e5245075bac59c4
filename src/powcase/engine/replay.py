"""The replay loop: a record's events, one at a time, each judged and, if allowed, applied.

The engine knows the legal path (the transition table) and what a record establishes (the
facts); it does not know the law. Whoever replays gives it a :class:`Judge`, which says what
the law makes of a step. A :class:`Timeline` is the result: every step with its verdict, and
where the case stands after the last one. Timelines are immutable; :meth:`Timeline.advanced`
returns a longer one in constant time (the steps are a shared :class:`~powcase._util.chain.Chain`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, Protocol

import attrs

from powcase._util.chain import Chain
from powcase._util.readable import event_words, readable
from powcase.engine.facts import Facts
from powcase.engine.table import Position, fire, initial_position
from powcase.errors import StepNotPossible, StepRefused
from powcase.model import contract
from powcase.model.events import Event, MachineEvent
from powcase.model.mode import Mode
from powcase.model.verdict import Missing, Outcome, Reason, Verdict

__all__ = ["STEP_KEYS", "Judge", "Step", "Timeline"]


class Judge(Protocol):
    """What the engine asks of the law about one step."""

    def __call__(self, position: Position, facts: Facts, event: MachineEvent) -> Verdict:
        """The verdict on ``event`` from ``position``, with ``facts`` on record before it."""
        ...

    def not_possible(self, event: MachineEvent, state: tuple[str, ...]) -> Verdict:
        """The verdict on a step the legal path does not have from ``state``."""
        ...


@readable
@attrs.frozen
class Step:
    """One recorded event with its verdict: whether it was applied, and the state before and
    after it. ``cites`` are those its verdict's reasons give.
    """

    index: int
    event: Event
    verdict: Verdict
    applied: bool
    before: tuple[str, ...]
    after: tuple[str, ...]
    cites: tuple[str, ...] = attrs.field(repr=False)
    position: Position = attrs.field(repr=False)
    """Where the case stood just before the step."""
    facts: Facts = attrs.field(repr=False)
    """What the record had established just before the step."""

    def _summary(self) -> str:
        if self.event.event_kind != "machine":
            said = "recorded"
        elif not self.applied:
            said = f"{self.verdict.outcome} (not applied)"
        elif self.verdict.outcome is not Outcome.ALLOWED:
            said = f"{self.verdict.outcome} (applied anyway)"
        else:
            said = str(self.verdict.outcome)
        return f"{self.index}: {event_words(self.event)}: {said}"

    def _details(self) -> list[str]:
        return self.verdict._details()

    @property
    def outcome(self) -> Outcome:
        """The verdict's outcome."""
        return self.verdict.outcome

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The verdict's reasons."""
        return self.verdict.reasons

    @property
    def missing(self) -> tuple[Missing, ...]:
        """The verdict's open points."""
        return self.verdict.missing

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract (that of the run output's steps)."""
        return contract.to_plain(self)


STEP_KEYS = (
    "index",
    # The event is written as its parts, around the step's own keys.
    contract.computed("date", "event.date", datetime.date),
    contract.computed("event", "event.name", str),
    contract.computed("kind", "event.event_kind", str),
    contract.computed("fields", "event.fields", dict[str, Any]),
    contract.key("outcome"),
    "applied",
    contract.key("from", "before"),
    contract.key("to", "after"),
    "cites",
    "reasons",
    "missing",
    contract.computed("sources", "event.source", tuple[str, ...]),
    contract.computed("note", "event.note", str, optional=True),
)
"""The keys of a step in the run output; a step of a result has the same."""

contract.shape(Step, *STEP_KEYS)


@readable
@attrs.frozen
class Timeline:
    """Every step of a record, and where the case stands after the last one."""

    steps: Chain[Step] = attrs.field(factory=Chain)
    position: Position = attrs.field(factory=initial_position)
    facts: Facts = attrs.field(factory=Facts)

    def _summary(self) -> str:
        count = len(self.steps)
        state = ", ".join(self.position.configuration)
        return f"{count} step{'' if count == 1 else 's'}, now {state}"

    def _details(self) -> list[str]:
        return [step._summary() for step in self.steps]

    @property
    def last_date(self) -> datetime.date | None:
        """The date of the last step (None before any)."""
        last = self.steps.last
        return last.event.date if last is not None else None

    def advanced(
        self,
        event: Event,
        judge: Judge,
        *,
        detaining_power: str,
        mode: Mode,
        raise_refusal: bool = False,
    ) -> Timeline:
        """The timeline with ``event`` recorded and, if its verdict allows, applied.

        In normative mode a refused or undetermined step is recorded and not applied, or
        raises :class:`~powcase.errors.StepRefused` with ``raise_refusal``; a step the graph
        does not have is recorded as such, or raises :class:`~powcase.errors.StepNotPossible`.
        """
        rules = _Rules(judge, detaining_power, mode, raise_refusal)
        step, position, facts = rules.step(len(self.steps), event, self.position, self.facts)
        return Timeline(self.steps.appended(step), position, facts)

    @classmethod
    def replayed(
        cls,
        events: Iterable[Event],
        judge: Judge,
        *,
        detaining_power: str,
        mode: Mode,
    ) -> Timeline:
        """The timeline of ``events`` replayed from the start, refusals recorded: the steps
        are collected, and one timeline is built at the end.
        """
        rules = _Rules(judge, detaining_power, mode, raise_refusal=False)
        steps: list[Step] = []
        position, facts = initial_position(), Facts()
        for index, event in enumerate(events):
            step, position, facts = rules.step(index, event, position, facts)
            steps.append(step)
        return cls(Chain(steps), position, facts)


@attrs.frozen
class _Rules:
    """How one step is taken: the judge, who holds him, the mode, and whether a step that is
    not taken raises.
    """

    judge: Judge
    detaining_power: str
    mode: Mode
    raise_refusal: bool

    def step(
        self, index: int, event: Event, position: Position, facts: Facts
    ) -> tuple[Step, Position, Facts]:
        """The step of ``event`` from ``position``, and where the case stands after it."""
        before = position.configuration
        if not isinstance(event, MachineEvent):
            # An incident changes no state: it is recorded and adds to the facts.
            step = Step(
                index, event, Verdict.allowing(event), True, before, before, (), position, facts
            )
            return step, position, self._absorb(facts, event, index)
        judge = self.judge
        target = fire(position, event.name, event)
        if target is None:
            if self.raise_refusal:
                raise StepNotPossible(event.name, before)
            refused = judge.not_possible(event, before)
            return (
                Step(index, event, refused, False, before, before, (), position, facts),
                position,
                facts,
            )
        verdict = judge(position, facts, event)
        # A step cites what its verdict's reasons give, and nothing else: a provision the
        # transition may rest on in general (describe() lists them) is cited only where a
        # reason says it applies to him.
        cites = verdict.cites
        if verdict.outcome is not Outcome.ALLOWED and self.mode is Mode.NORMATIVE:
            if self.raise_refusal:
                raise StepRefused(verdict)
            step = Step(index, event, verdict, False, before, before, cites, position, facts)
            return step, position, facts
        after = target.configuration
        step = Step(index, event, verdict, True, before, after, cites, position, facts)
        return step, target, self._absorb(facts, event, index)

    def _absorb(self, facts: Facts, event: Event, index: int) -> Facts:
        return facts.absorb(event, index, detaining_power=self.detaining_power)
