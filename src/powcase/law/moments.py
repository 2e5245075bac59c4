"""Moments: each step of a timeline with the case as the law sees it just before and after.

Flags, the docket and violations read a timeline through its moments; they never need a case.
"""

from __future__ import annotations

import datetime

import attrs

from powcase.engine.replay import Step, Timeline
from powcase.law.judging import LawJudge
from powcase.law.situation import Situation

__all__ = ["Moment", "moments"]


@attrs.frozen
class Moment:
    """A step with the case as it stood just before and just after it."""

    step: Step
    before: Situation
    after: Situation


def moments(
    timeline: Timeline, judge: LawJudge, as_of: datetime.date | None = None
) -> tuple[Moment, ...]:
    """Every step of ``timeline`` up to ``as_of`` (all when None), with the situations around
    it; one pass over the steps.
    """
    found: list[Moment] = []
    following = iter(timeline.steps)
    next(following, None)
    for step in timeline.steps:
        if as_of is not None and step.event.date > as_of:
            break
        # What a step leaves behind is what the next step starts from.
        after_step = next(following, None)
        if after_step is not None:
            position, facts = after_step.position, after_step.facts
        else:
            position, facts = timeline.position, timeline.facts
        on = step.event.date
        before = judge.situation(step.position, step.facts, on)
        after = judge.situation(position, facts, on)
        found.append(Moment(step, before, after))
    return tuple(found)
