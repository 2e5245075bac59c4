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
from powcase.law.guards import GUARDS, judge
from powcase.law.situation import ContextEntry, Situation, acting_state, context_of
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


def _transition(
    law: Law, acting: str, on: datetime.date, cites: tuple[str, ...]
) -> tuple[str, ...]:
    """Of a transition's provisions, the customary rules and the treaty articles binding
    ``acting`` on ``on``; an article that does not bind gives way to its customary rule.
    """
    kept: list[str] = []
    for cite in cites:
        provision = law.provisions[cite]
        kind = law.instruments[provision.instrument].binding
        if kind == "treaty" and not law.binds(acting, cite, on):
            cite = provision.customary or ""  # noqa: PLW2901 - the customary rule, if any
            kind = "custom"
        if kind in ("custom", "treaty") and cite and cite not in kept:
            kept.append(cite)
    return cites if kept == list(cites) else tuple(kept)


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

    def transition_cites(
        self, position: Position, facts: Facts, event: MachineEvent
    ) -> tuple[str, ...]:
        """The provisions the transition itself rests on, as far as they bind the state
        acting (:func:`~powcase.law.situation.acting_state`) on the step's date: customary
        rules, and treaties it is bound by. Never an interpretive text or national law: those
        are cited only by the reasons that read them.
        """
        name, law, on = event.name, self.law, event.date
        acting = acting_state(position, facts, name, self.detaining_power)
        key = ("transition", name, acting, law.binding_period(on))
        try:
            found: tuple[str, ...] = law.memo[key]
        except KeyError:
            kept = _transition(law, acting, on, GUARDS[name].cites)
            found = law.remembered(key, lambda: kept)
        return found

    def not_possible(self, event: MachineEvent, state: tuple[str, ...]) -> Verdict:
        """The verdict on a step the legal path does not have from ``state``."""
        return not_possible(event, state, self.law)
