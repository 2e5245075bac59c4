"""Violations: steps that broke the law, and incidents that are breaches.

In descriptive mode every step the legal path allows is applied, whatever its verdict. A step
refused on a prohibition that happened anyway is a *violation*; one refused only on
preconditions, or undetermined, is a *possible violation*: the record does not show what the
law required. Some incidents are breaches in both modes: identifiable media by the detaining
power without the ``media_exception`` (GCIII-13), and a coercive interrogation (GCIII-17). In
normative mode no step is ever a violation, since a refused step is not applied.

Each names the ``state`` that committed it: for a step, the state whose act it was (the
detaining power, or the power he was transferred to); for an incident, the detaining power.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from powcase.law.book import Law
from powcase.law.situation import acting_state
from powcase.model import contract
from powcase.model import events as ev
from powcase.model.events import Event, MachineEvent
from powcase.model.verdict import Outcome, Reading, Reason, ReasonKind

if TYPE_CHECKING:
    # Only for annotations: the rules' tables load without the engine.
    from powcase.law.moments import Moment


__all__ = ["Violation", "find_violations"]


@attrs.frozen
class Violation:
    """A breach, or a possible one: the event, its reasons and their citations, and the state
    that committed it.
    """

    index: int
    event: Event
    reasons: tuple[Reason, ...]
    state: str
    possible: bool = False

    @property
    def cites(self) -> tuple[str, ...]:
        """Every provision the reasons cite, once each."""
        return tuple(dict.fromkeys(c for r in self.reasons for c in r.cites))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return contract.to_plain(self)


# Whether a violation is only possible is said by the list it is written in.
contract.shape(
    Violation,
    "index",
    contract.computed("date", "event.date", datetime.date),
    "event",
    "reasons",
    contract.computed("cites", "cites", tuple[str, ...]),
    "state",
)


def _reason(
    law: Law, code: str, cites: tuple[str, ...], reading: Reading | None = None, **params: Any
) -> Reason:
    text = law.render(code, params)
    return Reason.given(code, ReasonKind.PROHIBITION, cites, params, text, reading=reading)


_MEDIA_READING = Reading("media_exception", False)
"""The option adopting the ICRC's 2020 reading of GCIII-13: identifiable media breach it, and
no public interest excuses them."""
_MEDIA_READINGS = {False: _MEDIA_READING, True: Reading("media_exception", True)}


def _media_breach(moment: Moment, event: ev.MediaExposure) -> Reason | None:
    judge = moment.judge
    excepted = judge.assumptions.media_exception and event.public_interest is True
    by_holder = event.by == judge.detaining_power
    if by_holder and event.identifiable is True and not excepted:
        # Read under media_exception; the commentary is cited beside the article only under
        # the option adopting it.
        reading = _MEDIA_READINGS[judge.assumptions.media_exception]
        cites = _binding(moment, "GCIII-13")
        if reading == _MEDIA_READING and cites:
            cites += ("ICRC-COM-2020-GCIII-13",)
        return _reason(
            judge.law,
            "identifiable_media_by_detaining_power",
            cites,
            reading,
            holder=judge.detaining_power,
        )
    return None


def _interrogation_breach(moment: Moment, event: ev.Interrogated) -> Reason | None:
    if event.coercive is True:
        return _reason(
            moment.judge.law, "coercive_interrogation_breach", _binding(moment, "GCIII-17")
        )
    return None


def _binding(moment: Moment, provision_id: str) -> tuple[str, ...]:
    """``provision_id`` if it bound the detaining power on the incident's date."""
    judge = moment.judge
    bound = judge.law.binds(judge.detaining_power, provision_id, moment.step.event.date)
    return (provision_id,) if bound else ()


# Each check takes the event class it is keyed by; the table is typed loosely for that reason.
_BREACHES: dict[type[Event], Callable[[Moment, Any], Reason | None]] = {
    ev.MediaExposure: _media_breach,
    ev.Interrogated: _interrogation_breach,
}
"""The incidents that can be breaches by themselves, by event class, with their check."""


def _incident_breach(moment: Moment) -> Reason | None:
    event = moment.step.event
    check = _BREACHES.get(type(event))
    return check(moment, event) if check is not None else None


def find_violations(moments: Iterable[Moment]) -> tuple[Violation, ...]:
    """Every violation and possible violation among ``moments``, in record order."""
    found: list[Violation] = []
    for moment in moments:
        step = moment.step
        if isinstance(step.event, MachineEvent):
            if not step.applied or step.outcome is Outcome.ALLOWED:
                continue
            prohibited = step.verdict.rests_on_prohibition()
            reasons = step.verdict.failing or step.verdict.reasons
            state = acting_state(
                step.position, step.facts, step.event.name, moment.judge.detaining_power
            )
            found.append(Violation(step.index, step.event, reasons, state, not prohibited))
        else:
            breach = _incident_breach(moment)
            if breach is not None:
                found.append(
                    Violation(step.index, step.event, (breach,), moment.judge.detaining_power)
                )
    return tuple(found)
