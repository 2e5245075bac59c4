"""The docket: the detaining power's obligations and their deadlines.

Each obligation starts at an event, falls due after a period (the treaty's, or an assumed
number of days where the treaty says "immediately", "rapidly" or "without delay"), and is
``met`` by a later event (``late`` when after its due date), ``pending``, ``overdue``, or
``lapsed`` when he left the detaining power's hands before it fell due. The periods come from
the assumptions, so a researcher can change them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from powcase.law.agreements import release_by
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
_HELD = frozenset({_CUSTODY, "in_neutral_custody"})
"""Where the detaining power answers for him: in its custody, or in neutral custody."""
_IN_NEUTRAL_HANDS = frozenset({"repatriation", "medical_repatriation"})
"""The obligations that run on while he is in neutral custody; the others lapse there and
start again on his return (``return_from_neutral_custody``)."""


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
    due: datetime.date | None = None
    """A due date set by the record (an agreement's ``release_by``), else the rule's."""


def _starts(moment: Moment) -> list[_Start]:
    """The obligations a step starts."""
    step = moment.step
    if not step.applied:
        return _NONE
    starts = _STARTS.get(type(step.event))
    return starts(moment, step.event) if starts is not None else _NONE


_NONE: list[_Start] = []


def _capture_starts(moment: Moment, event: ev.Capture) -> list[_Start]:
    index, on = moment.step.index, event.date
    return [
        *(_Start(code, index, on) for code in ("capture_card", "information", "icrc_access")),
        _Start("medical_inspection", index, on, recurring=True),
    ]


def _status_starts(moment: Moment, event: ev.DetermineStatus) -> list[_Start]:
    if "civilian_internee" in moment.position.active:
        return [_Start("internment_review", moment.step.index, event.date, recurring=True)]
    return _NONE


def _assessment_starts(moment: Moment, event: ev.MedicalAssessment) -> list[_Start]:
    if event.category == "gcIII_110" and _CUSTODY in moment.step.position.active:
        return [_Start("medical_repatriation", moment.step.index, event.date)]
    return _NONE


def _end_starts(moment: Moment, event: ev.HostilitiesEnded) -> list[_Start]:
    step = moment.step
    if step.facts.hostilities_ended is None and _CUSTODY in step.position.active:
        due = release_by(moment.facts, moment.judge.detaining_power)
        return [_Start("repatriation", step.index, event.date, due=due)]
    return _NONE


def _death_starts(moment: Moment, event: ev.Die) -> list[_Start]:
    index, on = moment.step.index, event.date
    if _CUSTODY not in moment.step.position.active:
        return _NONE
    if event.cause in _DEATHS_NEEDING_INQUIRY:
        return [_Start("death_notification", index, on), _Start("death_inquiry", index, on)]
    return [_Start("death_notification", index, on)]


# Each takes the event class it is keyed by; the table is typed loosely for that reason.
_STARTS: dict[type[ev.Event], Callable[[Moment, Any], list[_Start]]] = {
    ev.Capture: _capture_starts,
    ev.DetermineStatus: _status_starts,
    ev.MedicalAssessment: _assessment_starts,
    ev.HostilitiesEnded: _end_starts,
    ev.Die: _death_starts,
}
"""The obligations each kind of applied step starts, by event class."""


def _meets(rule: ObligationRule, moment: Moment) -> bool:
    if rule.met_by == "leaving_custody":
        return _leaves(moment) and not isinstance(moment.step.event, ev.Die | ev.Escape)
    # The data names the event that meets the obligation; it is checked against the event
    # classes when the law is loaded.
    return isinstance(moment.step.event, EVENT_TYPES[rule.met_by])


def _leaves(moment: Moment) -> bool:
    """He leaves the detaining power's hands (its custody or neutral custody)."""
    return bool(_HELD & moment.step.position.active) and not _HELD & moment.position.active


def _handed_to_neutral_custody(moment: Moment) -> bool:
    """He is handed to a neutral custodian: the obligations but repatriation lapse."""
    return moment.step.applied and isinstance(moment.step.event, ev.HandOverToNeutralCustody)


def _assumed(rule: ObligationRule, assumptions: Assumptions) -> int | None:
    if rule.without_delay and hasattr(assumptions, rule.period):
        value = getattr(assumptions, rule.period)
        return value if isinstance(value, int) else None
    if rule.without_delay and rule.period.endswith(" days"):
        return int(rule.period.split()[0])
    return None


@attrs.define
class _Open:
    """An obligation not yet met, while the steps after its start are read."""

    rule: ObligationRule
    start: _Start
    due: datetime.date
    met_by: type[ev.Event] | None
    """The event class that meets it; None when only leaving custody does."""


def _close(item: _Open, status: Status, assumptions: Assumptions, **details: Any) -> Obligation:
    rule, start = item.rule, item.start
    return Obligation(
        rule.code,
        rule.provision,
        start.on,
        start.index,
        item.due,
        status,
        without_delay=rule.without_delay,
        assumed_days=_assumed(rule, assumptions),
        **details,
    )


def _opened(start: _Start, assumptions: Assumptions, law: Law) -> _Open:
    rule = law.obligations[start.code]
    met_by = None if rule.met_by == "leaving_custody" else EVENT_TYPES[rule.met_by]
    return _Open(rule, start, start.due or rule.days(assumptions, start.on), met_by)


def docket(
    moments: Sequence[Moment], as_of: datetime.date, assumptions: Assumptions, law: Law
) -> tuple[Obligation, ...]:
    """Every obligation a timeline's ``moments`` start, and its status on ``as_of``. Only
    events up to the as-of date count: ``moments`` must stop there.

    One pass: each step first meets or ends the obligations open before it, then starts its
    own (an obligation reads only the steps after the one that started it).
    """
    obligations: list[Obligation] = []
    open_: list[_Open] = []
    parked: list[_Open] = []
    """Items lapsed in neutral custody, which his return starts again."""
    for moment in moments:
        if open_:
            open_ = _advance(open_, moment, assumptions, law, obligations, parked)
        if parked and moment.step.applied:
            if isinstance(moment.step.event, ev.ReturnFromNeutralCustody):
                index, on = moment.step.index, moment.step.event.date
                for item in parked:
                    again = _Start(item.rule.code, index, on, item.start.recurring)
                    open_.append(_opened(again, assumptions, law))
                parked.clear()
            elif not _HELD & moment.position.active:
                parked.clear()
        for start in _starts(moment):
            open_.append(_opened(start, assumptions, law))
    last = moments[-1].position.active if moments else frozenset()
    for item in open_:
        held = item.rule.code == "repatriation" and bool({"charged", "sentenced"} & last)
        if as_of > item.due and not held:
            obligations.append(_close(item, Status.OVERDUE, assumptions))
        else:
            obligations.append(_close(item, Status.PENDING, assumptions, held_back=held))
    order = {code: place for place, code in enumerate(law.obligations)}
    return tuple(sorted(obligations, key=lambda o: (o.started, order[o.code], o.started_by)))


def _advance(  # noqa: PLR0917 - an internal step of docket
    open_: list[_Open],
    moment: Moment,
    assumptions: Assumptions,
    law: Law,
    obligations: list[Obligation],
    parked: list[_Open],
) -> list[_Open]:
    """The obligations still open after ``moment``; those it meets or ends go to
    ``obligations`` (those lapsed in neutral custody to ``parked`` as well). A recurring
    obligation met in custody starts again at once.
    """
    leaves = _leaves(moment)
    neutral = _handed_to_neutral_custody(moment)
    kind = type(moment.step.event)
    if (
        not leaves
        and not neutral
        and not any(item.met_by is not None and issubclass(kind, item.met_by) for item in open_)
    ):
        return open_  # most steps meet and end nothing
    still: list[_Open] = []
    on, index = moment.step.event.date, moment.step.index
    for item in open_:
        if _meets(item.rule, moment):
            obligations.append(
                _close(item, Status.MET, assumptions, late=on > item.due, met_by=index)
            )
            if item.start.recurring and _CUSTODY in moment.position.active:
                again = _Start(item.rule.code, index, on, recurring=True)
                still.append(_opened(again, assumptions, law))
        elif leaves or (neutral and item.rule.code not in _IN_NEUTRAL_HANDS):
            status = Status.LAPSED if on <= item.due else Status.OVERDUE
            obligations.append(_close(item, status, assumptions))
            if neutral and status is Status.LAPSED:
                parked.append(item)
        else:
            still.append(item)
    return still
