"""The docket: the detaining power's obligations and their deadlines.

Each obligation starts at an event, falls due after a period (the treaty's, or an assumed
number of days where the treaty says "immediately", "rapidly" or "without delay"), and is
``met`` by a later event (``late`` when after its due date), ``pending``, ``overdue``, or
``lapsed`` when he left the detaining power's hands before it fell due. The periods come from
the assumptions, so a researcher can change them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from powcase.law.book import Law, read_on_first_use
from powcase.law.rules import ObligationRule, Status
from powcase.model import contract
from powcase.model import events as ev
from powcase.model.assumptions import Assumptions
from powcase.model.events import EVENT_TYPES

if TYPE_CHECKING:
    # Only for annotations: the rules' tables load without the engine.
    from powcase.law.moments import Moment


__all__ = ["OBLIGATION_RULES", "Obligation", "ObligationRule", "Status", "docket"]

_DEATHS_NEEDING_INQUIRY = frozenset(
    {"killed_by_guard", "killed_by_prisoner", "killed_by_other", "unknown"}
)
_CUSTODY = "in_custody"


if TYPE_CHECKING:
    OBLIGATION_RULES: dict[str, ObligationRule]
    """Every obligation of the packaged law, by code, in the order of its data file."""


__getattr__ = read_on_first_use(__name__, {"OBLIGATION_RULES": lambda law: law.obligations})


@attrs.frozen
class Obligation:
    """One obligation on the docket, with its status on the as-of date."""

    code: str
    provision: str
    started: datetime.date
    started_by: int
    due: datetime.date
    status: Status
    late: bool = False
    held_back: bool = False
    met_by: int | None = None
    without_delay: bool = False
    assumed_days: int | None = None

    @property
    def text(self) -> str:
        """What the obligation asks."""
        return Law.packaged().obligations[self.code].text

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return contract.to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Obligation:
        """The inverse of :meth:`to_dict`."""
        return contract.from_plain(cls, data)


contract.shape(
    Obligation,
    *(f.name for f in attrs.fields(Obligation)),
    contract.computed("text", "text", str),
)


@attrs.frozen
class _Start:
    code: str
    index: int
    on: datetime.date
    recurring: bool = False


def _starts(moment: Moment) -> Iterator[_Start]:
    """The obligations a step starts."""
    step, before, after = moment.step, moment.before, moment.after
    event, index, on = step.event, step.index, step.event.date
    if not step.applied:
        return
    if isinstance(event, ev.Capture):
        for code in ("capture_card", "information", "icrc_access"):
            yield _Start(code, index, on)
        yield _Start("medical_inspection", index, on, recurring=True)
    elif isinstance(event, ev.DetermineStatus) and "civilian_internee" in after.position.active:
        yield _Start("internment_review", index, on, recurring=True)
    elif isinstance(event, ev.MedicalAssessment) and event.category == "gcIII_110":
        if _CUSTODY in before.position.active:
            yield _Start("medical_repatriation", index, on)
    elif isinstance(event, ev.HostilitiesEnded) and before.facts.hostilities_ended is None:
        if _CUSTODY in before.position.active:
            yield _Start("repatriation", index, on)
    elif isinstance(event, ev.Die) and _CUSTODY in before.position.active:
        yield _Start("death_notification", index, on)
        if event.cause in _DEATHS_NEEDING_INQUIRY:
            yield _Start("death_inquiry", index, on)


def _meets(rule: ObligationRule, moment: Moment) -> bool:
    if rule.met_by == "leaving_custody":
        return (
            _CUSTODY in moment.before.position.active
            and _CUSTODY not in moment.after.position.active
            and not isinstance(moment.step.event, ev.Die | ev.Escape)
        )
    # The data names the event that meets the obligation; it is checked against the event
    # classes when the law is loaded.
    return isinstance(moment.step.event, EVENT_TYPES[rule.met_by])


def _leaves(moment: Moment) -> bool:
    """He leaves the detaining power's hands without the obligation being met."""
    return (
        _CUSTODY in moment.before.position.active and _CUSTODY not in moment.after.position.active
    )


def _assumed(rule: ObligationRule, assumptions: Assumptions) -> int | None:
    if rule.without_delay and hasattr(assumptions, rule.period):
        value = getattr(assumptions, rule.period)
        return value if isinstance(value, int) else None
    if rule.without_delay and rule.period.endswith(" days"):
        return int(rule.period.split()[0])
    return None


def _maker(
    rule: ObligationRule, start: _Start, due: datetime.date, assumptions: Assumptions
) -> Callable[..., Obligation]:
    def made(status: Status, **details: Any) -> Obligation:
        return Obligation(
            rule.code,
            rule.provision,
            start.on,
            start.index,
            due,
            status,
            without_delay=rule.without_delay,
            assumed_days=_assumed(rule, assumptions),
            **details,
        )

    return made


def _follow(
    start: _Start,
    moments: Sequence[Moment],
    as_of: datetime.date,
    assumptions: Assumptions,
    law: Law,
) -> list[Obligation]:
    """The obligation ``start`` opened, and for a recurring one each that follows it.

    ``moments`` are every moment up to the as-of date; the moment of step ``i`` is at index
    ``i``, so each obligation reads only the steps after the one that started it.
    """
    rule = law.obligations[start.code]
    found = []
    current: _Start | None = start
    while current is not None:
        due = rule.days(assumptions, current.on)
        made = _maker(rule, current, due, assumptions)
        following: _Start | None = None
        for moment in _after(moments, current.index):
            if _meets(rule, moment):
                met_on = moment.step.event.date
                found.append(made(Status.MET, late=met_on > due, met_by=moment.step.index))
                if start.recurring and _CUSTODY in moment.after.position.active:
                    following = _Start(rule.code, moment.step.index, met_on, recurring=True)
                break
            if _leaves(moment):
                left_on = moment.step.event.date
                found.append(made(Status.LAPSED if left_on <= due else Status.OVERDUE))
                break
        else:
            last = moments[-1].after.position.active if moments else frozenset()
            held = rule.code == "repatriation" and bool({"charged", "sentenced"} & last)
            if as_of > due and not held:
                found.append(made(Status.OVERDUE))
            else:
                found.append(made(Status.PENDING, held_back=held))
        current = following
    return found


def _after(moments: Sequence[Moment], index: int) -> Iterator[Moment]:
    for following in range(index + 1, len(moments)):
        yield moments[following]


def docket(
    moments: Sequence[Moment], as_of: datetime.date, assumptions: Assumptions, law: Law
) -> tuple[Obligation, ...]:
    """Every obligation a timeline's ``moments`` start, and its status on ``as_of``. Only
    events up to the as-of date count: ``moments`` must stop there.
    """
    obligations: list[Obligation] = []
    for moment in moments:
        for start in _starts(moment):
            obligations += _follow(start, moments, as_of, assumptions, law)
    order = {code: place for place, code in enumerate(law.obligations)}
    return tuple(sorted(obligations, key=lambda o: (o.started, order[o.code])))
