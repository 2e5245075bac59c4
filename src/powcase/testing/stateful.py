"""A hypothesis state machine that walks random legal paths, for applications to subclass.

:class:`LegalPathMachine` opens a case under a random reading of the law and applies random
events to it, mostly the moves the legal path has from where the case stands and the incidents
that enable them, pointed at the states where the law bites. Subclass it, override
:meth:`~LegalPathMachine.after_step` to drive your own code with each step, and add
``@invariant()`` methods; then ``TestYours = Yours.TestCase``.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

import attrs
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from powcase.case import Case, Step
from powcase.engine.table import events_from
from powcase.model import events as ev
from powcase.model.assumptions import Assumptions
from powcase.model.events import Event
from powcase.model.mode import Mode
from powcase.model.record import Subject
from powcase.testing.strategies import assumptions, events

__all__ = ["LegalPathMachine"]


class LegalPathMachine(RuleBasedStateMachine):
    """Random legal paths: ``self.case`` after every step. Override :meth:`after_step`."""

    subjects: ClassVar[list[Subject]] = [
        Subject(id="ri", nationality=["KP"], forces="KP"),
        Subject(id="paek", nationality=["KP"], forces="RU"),
        Subject(id="ivan", nationality=["RU"], forces="RU"),
        Subject(id="olena", nationality=["UA"], forces="UA"),
    ]
    """Who the cases are about."""
    holders: ClassVar[list[str]] = ["UA", "RU", "US", "KR"]
    """The detaining powers drawn."""
    destinations: ClassVar[list[str]] = ["KP", "RU", "UA", "KR", "GB", "CN"]
    """The states moves, agreements and wishes point at."""
    enabling: ClassVar[list[str]] = [
        "exchange_agreed",
        "receiving_state_consents",
        "wish_expressed",
        "wish_verified",
        "wish_withdrawn",
        "hostilities_ended",
        "medical_assessment",
        "risk_on_return",
        "agreement_concluded",
        "receiving_power_failed",
        "war_crime_allegation",
        "internment_reviewed",
        "media_exposure",
    ]
    """Incidents drawn beside the moves, because they are what make moves lawful."""

    case: Case
    day: datetime.date

    @initialize(
        reading=st.one_of(st.just(Assumptions()), assumptions()),
        mode=st.sampled_from([Mode.NORMATIVE, Mode.NORMATIVE, Mode.DESCRIPTIVE]),
        data=st.data(),
        start=st.dates(datetime.date(2024, 1, 1), datetime.date(2026, 1, 1)),
    )
    def open_case(
        self, reading: Assumptions, mode: str, data: st.DataObject, start: datetime.date
    ) -> None:
        """Open a case for a drawn subject and detaining power."""
        subject = data.draw(st.sampled_from(self.subjects))
        holder = data.draw(st.sampled_from(self.holders))
        self.case = Case.open(subject, holder, assumptions=reading, mode=mode)
        self.day = start

    @rule(data=st.data(), gap=st.integers(min_value=0, max_value=60))
    def step(self, data: st.DataObject, gap: int) -> None:
        """Apply one random event, recording a refusal rather than raising."""
        self.day += datetime.timedelta(days=gap)
        possible = [e for e in events_from(self.case.position) if e != "die"]
        # Death ends a case at once: drawn rarely, so that runs explore the other moves.
        ending = data.draw(st.integers(0, 19)) == 0
        choices = ["die"] if ending else [*possible, *self.enabling, "escape", "resettle"]
        name = data.draw(st.sampled_from(choices))
        event = self._aimed(data, data.draw(events([name], date=st.just(self.day))))
        self.case = self.case.apply(event, on_refusal="record")
        self.after_step(self.case.steps[-1])

    def after_step(self, step: Step) -> None:
        """Called after every step with the step just recorded; override to drive your code."""

    def _aimed(self, data: st.DataObject, event: Event) -> Event:
        """Point agreements and destinations at the states that make the law bite."""
        holder = self.case.record.detaining_power
        changes: dict[str, Any] = {}
        if isinstance(event, ev.ExchangeAgreed | ev.AgreementConcluded):
            partner = data.draw(st.sampled_from([s for s in self.destinations if s != holder]))
            changes["between"] = (holder, partner)
        plain = event.fields()
        for name in ("to", "state", "destination"):
            if plain.get(name) not in (None, "stay", "CTA"):
                changes[name] = data.draw(st.sampled_from(self.destinations))
        if isinstance(event, ev.RequestProtection) and event.kind == "asylum":
            changes.pop("state", None)
        return attrs.evolve(event, **changes) if changes else event
