"""The law's judge, as the replay engine asks for it.

The engine knows the legal path but not the law; a case hands it a :class:`LawJudge`, which
builds the :class:`~powcase.law.situation.Situation` a guard reads and runs that guard.
"""

from __future__ import annotations

import datetime

import attrs

from powcase.engine.facts import Facts
from powcase.engine.table import Position
from powcase.law.book import Law
from powcase.law.guards import judge
from powcase.law.situation import ContextEntry, Situation, context_of
from powcase.model.assumptions import Assumptions
from powcase.model.events import Event, MachineEvent
from powcase.model.record import Subject
from powcase.model.verdict import Outcome, Reason, ReasonKind, Verdict

__all__ = ["LawJudge", "not_possible"]


def not_possible(event: Event, state: tuple[str, ...], law: Law) -> Verdict:
    """The verdict on a step the legal path does not have from ``state`` (no citation)."""
    params = {"event": event.name, "state": ", ".join(state)}
    code = "not_possible_from_state"
    reason = Reason(code, ReasonKind.GRAPH, (), params, law.render(code, params))
    return Verdict(event, Outcome.REFUSED, (reason,))


@attrs.frozen
class LawJudge:
    """Judges the steps of one subject held by one power, under one reading of the law."""

    subject: Subject
    detaining_power: str
    assumptions: Assumptions
    law: Law = attrs.field(factory=Law.packaged, repr=False)
    _last_context: list[ContextEntry] = attrs.field(factory=list, init=False, eq=False, repr=False)
    """Shared by the situations it builds (see :attr:`Situation.last_context`)."""

    def situation(self, position: Position, facts: Facts, on: datetime.date) -> Situation:
        """What a guard sees on ``on``: the case standing at ``position`` with ``facts``."""
        return Situation(
            self.subject,
            self.detaining_power,
            self.assumptions,
            position,
            facts,
            on,
            self.law,
            self._last_context,
        )

    def context(self, facts: Facts, on: datetime.date) -> int:
        """The number of the circumstances a situation with ``facts`` on ``on`` would have
        (its :attr:`~powcase.law.situation.Situation.context`), without building it.
        """
        return context_of(self.subject, facts, on, self.law, self._last_context)

    def __call__(self, position: Position, facts: Facts, event: MachineEvent) -> Verdict:
        """The verdict on ``event`` from ``position``."""
        return judge(self.situation(position, facts, event.date), event)

    def not_possible(self, event: MachineEvent, state: tuple[str, ...]) -> Verdict:
        """The verdict on a step the legal path does not have from ``state``."""
        return not_possible(event, state, self.law)
