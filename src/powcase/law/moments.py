"""Moments: each step of a timeline with the case as the law sees it just before and after.

Flags, the docket and violations read a timeline through its moments; they never need a case.
"""

from __future__ import annotations

import datetime

import attrs

from powcase._util.derived import derived
from powcase._util.readable import event_words, readable
from powcase.engine.facts import Facts
from powcase.engine.replay import Step, Timeline
from powcase.engine.table import Position
from powcase.law.judging import LawJudge
from powcase.law.situation import Situation

__all__ = ["Moment", "moments"]


# Not slotted: the situations are derived, on first read, and kept.
@readable
@attrs.frozen(slots=False)
class Moment:
    """A step with the case as it stood just before and just after it.

    ``position`` and ``facts`` are where the step left the case; :attr:`before` and
    :attr:`after` are the situations a guard would see, built when first read (most rules
    need only the positions and facts).
    """

    step: Step
    position: Position
    """Where the case stands after the step."""
    facts: Facts
    """What the record has established after the step."""
    judge: LawJudge = attrs.field(repr=False)

    def _summary(self) -> str:
        return f"step {self.step.index}: {event_words(self.step.event)}"

    def _details(self) -> list[str]:
        return [
            f"before: {', '.join(self.step.before)}",
            f"after: {', '.join(self.position.configuration)}",
        ]

    @property
    def changed(self) -> bool:
        """Whether the step changed where he stands or what the record establishes."""
        return self.position is not self.step.position or self.facts is not self.step.facts

    @derived
    def before(self) -> Situation:
        """The case just before the step, as its guard saw it."""
        step = self.step
        return self.judge.situation(step.position, step.facts, step.event.date)

    @derived
    def after(self) -> Situation:
        """The case just after the step, on the step's date."""
        if not self.changed:
            return self.before
        return self.judge.situation(self.position, self.facts, self.step.event.date)


def moments(
    timeline: Timeline, judge: LawJudge, as_of: datetime.date | None = None
) -> tuple[Moment, ...]:
    """Every step of ``timeline`` up to ``as_of`` (all when None), with where it left the
    case; one pass over the steps.
    """
    found: list[Moment] = []
    steps = list(timeline.steps)
    if not steps:
        return ()
    # What a step leaves behind is what the next step starts from.
    leaves = [(s.position, s.facts) for s in steps[1:]]
    leaves.append((timeline.position, timeline.facts))
    for step, (position, facts) in zip(steps, leaves, strict=True):
        if as_of is not None and step.event.date > as_of:
            break
        found.append(Moment(step, position, facts, judge))
    return tuple(found)
