"""Humanitarian-risk flags, derived from the record (LEGAL_MODEL.md §4).

A flag is never set by hand: :func:`derive_flags` replays the case's steps up to an as-of
date and raises or clears each flag from what the record says, the parties table and the
assumptions. A flag raised again after it was cleared is a new entry. Each entry keeps the
indexes of the events that raised it, the provisions it engages and who has raised such
concerns in public.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from powcase.law import parties
from powcase.law.concerns import concerns_for
from powcase.law.messages import FLAG_MESSAGES
from powcase.law.rules import Severity, gravity
from powcase.law.will import Will, contested, wish_for
from powcase.model import contract

if TYPE_CHECKING:
    # Only for annotations: the rules' tables load without the engine.
    from powcase.law.moments import Moment
    from powcase.law.situation import Situation


__all__ = ["FLAG_RULES", "Flag", "FlagRule", "Severity", "derive_flags", "standing"]


@attrs.frozen
class FlagRule:
    """A flag code with its severity and the provisions it engages."""

    code: str
    severity: Severity
    cites: tuple[str, ...]

    @property
    def text(self) -> str:
        """What the flag means, from the message catalogue."""
        return FLAG_MESSAGES[self.code]

    def to_dict(self) -> dict[str, Any]:
        """The form ``describe()`` lists."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "cites": list(self.cites),
            "text": self.text,
        }


FLAG_RULES: dict[str, FlagRule] = {
    r.code: r
    for r in (
        FlagRule(
            "refoulement_risk",
            Severity.CRITICAL,
            ("CAT-3", "RC-33", "ICCPR-6", "ICCPR-7", "GCIII-118"),
        ),
        FlagRule("persecution_on_return", Severity.CRITICAL, ("ICCPR-6", "ICCPR-7", "CAT-3")),
        FlagRule("prosecution_on_return", Severity.HIGH, ("ICCPR-14", "GCIII-7")),
        FlagRule("self_harm_risk", Severity.CRITICAL, ("GCIII-13", "GCIII-15", "ICCPR-6")),
        FlagRule("coercive_interrogation", Severity.HIGH, ("GCIII-17", "GCIII-130")),
        FlagRule("public_curiosity", Severity.HIGH, ("GCIII-13",)),
        FlagRule(
            "family_reprisal", Severity.HIGH, ("GCIII-13", "GCIII-122", "ICCPR-7", "ICCPR-17")
        ),
        FlagRule("propaganda_use", Severity.HIGH, ("GCIII-13",)),
        FlagRule("bargaining_chip", Severity.HIGH, ("GCIII-6", "GCIII-7")),
        FlagRule("coerced_consent", Severity.HIGH, ("GCIII-7", "GCIII-109")),
        FlagRule("notification_dilemma", Severity.HIGH, ("GCIII-122", "GCIII-123")),
        FlagRule("medical_need", Severity.MEDIUM, ("GCIII-15", "GCIII-30")),
        FlagRule("icrc_access_unconfirmed", Severity.MEDIUM, ("GCIII-126",)),
        FlagRule("prolonged_limbo", Severity.MEDIUM, ("GCIII-118", "API-85")),
        FlagRule("identity_documents", Severity.MEDIUM, ("GCIII-5", "GCIII-17")),
        FlagRule("interrogation_language", Severity.LOW, ("GCIII-17",)),
    )
}
"""Every flag of LEGAL_MODEL.md §4, by code, in the order of its table."""


@attrs.frozen
class Flag:
    """One raising of a flag: when it was raised and cleared, and what raised it."""

    code: str
    severity: Severity
    cites: tuple[str, ...]
    because: tuple[int, ...]
    since: datetime.date
    until: datetime.date | None
    concerns: tuple[str, ...]

    @property
    def text(self) -> str:
        """What the flag means."""
        return FLAG_RULES[self.code].text

    def active(self, on: datetime.date) -> bool:
        """Whether the flag stands on that day (raised by then, not yet cleared)."""
        return self.since <= on and (self.until is None or on < self.until)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return contract.to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Flag:
        """The inverse of :meth:`to_dict`."""
        return contract.from_plain(cls, data)


contract.shape(
    Flag,
    *("code", "severity", "since", "until", "cites", "because", "concerns"),
    contract.computed("text", "text", str),
)


class _Tracker:
    """Open and closed entries of every flag while the steps are replayed."""

    def __init__(self) -> None:
        self.open: dict[str, tuple[datetime.date, list[int]]] = {}
        self.closed: list[Flag] = []

    def raise_(self, code: str, index: int, on: datetime.date) -> None:
        if code in self.open:
            because = self.open[code][1]
            if index not in because:
                because.append(index)
        else:
            self.open[code] = (on, [index])

    def hold(self, code: str, index: int, on: datetime.date) -> None:
        """Raise a flag whose condition holds now; a standing flag keeps its reasons."""
        if code not in self.open:
            self.open[code] = (on, [index])

    def clear(self, code: str, on: datetime.date) -> None:
        if code in self.open:
            since, because = self.open.pop(code)
            self.closed.append(_entry(code, since, because, on))

    def entries(self) -> list[Flag]:
        standing = [
            _entry(code, since, because, None) for code, (since, because) in self.open.items()
        ]
        order = list(FLAG_RULES)
        return sorted(
            (*self.closed, *standing), key=lambda f: (f.since, order.index(f.code), f.because)
        )


def _entry(
    code: str, since: datetime.date, because: list[int], until: datetime.date | None
) -> Flag:
    rule = FLAG_RULES[code]
    return Flag(code, rule.severity, rule.cites, tuple(because), since, until, concerns_for(code))


_OUT_OF_CUSTODY_MOVES = frozenset(
    {"in_custody", "interned_in_neutral_state", "transferred_to_third_power"}
)
"""States from which he can still be moved to his power of origin."""
_MOVES = frozenset(
    {
        "exchange",
        "repatriate",
        "repatriate_medically",
        "intern_in_neutral_state",
        "transfer_to_power",
        "release_to_third_state",
    }
)


def _destination(moment: Moment) -> str | None:
    event = moment.step.event
    target = getattr(event, "to", None) or getattr(event, "state", None)
    if event.name == "repatriate" and target is None:
        return moment.before.power_of_origin
    return target if isinstance(target, str) else None


def _punishes_families(situation: Situation, state: str) -> bool:
    return bool(parties.treatment(state, ["family"], situation.on))


def _risk_rules(tracker: _Tracker, moment: Moment, moved_towards_risk: bool) -> bool:
    """refoulement_risk, persecution_on_return and prosecution_on_return after a step."""
    # The rule engine loads only when flags are derived, not when their table is read.
    from powcase.law.refoulement import answers, risk_towards  # noqa: PLC0415

    step, after = moment.step, moment.after
    index, on = step.index, step.event.date
    home = after.subject.state_of_nationality
    at_home = answers(after, home)
    names_home = step.event.name == "risk_on_return" and getattr(step.event, "state", None) == home
    if at_home & set(parties.RISK_KINDS):
        if names_home:
            tracker.raise_("persecution_on_return", index, on)
        tracker.hold("persecution_on_return", index, on)
        tracker.clear("prosecution_on_return", on)
    elif "prosecution" in at_home:
        tracker.hold("prosecution_on_return", index, on)

    event = step.event
    destination = _destination(moment)
    towards_risk = destination is not None and bool(risk_towards(moment.before, destination).kinds)
    if event.name in _MOVES and step.applied and towards_risk:
        moved_towards_risk = True
        tracker.raise_("refoulement_risk", index, on)
    offered = event.name == "exchange_offered" and destination is not None
    agreed = event.name == "exchange_agreed"
    if offered and risk_towards(after, destination or "").kinds:
        tracker.raise_("refoulement_risk", index, on)
    if agreed:
        partners = set(getattr(event, "between", ())) - {after.detaining_power}
        if any(risk_towards(after, p).kinds for p in partners):
            tracker.raise_("refoulement_risk", index, on)
    movable = bool(_OUT_OF_CUSTODY_MOVES & after.position.active)
    if movable and risk_towards(after, after.power_of_origin).kinds:
        tracker.hold("refoulement_risk", index, on)
    elif not movable and "escaped" not in after.position.active and not moved_towards_risk:
        tracker.clear("refoulement_risk", on)
    return moved_towards_risk


def _self_harm(tracker: _Tracker, m: Moment) -> None:
    tracker.raise_("self_harm_risk", m.step.index, m.step.event.date)


def _interrogated(tracker: _Tracker, m: Moment) -> None:
    event = m.step.event
    if getattr(event, "coercive", None) is True:
        tracker.raise_("coercive_interrogation", m.step.index, event.date)
    if getattr(event, "language_understood", None) is False:
        tracker.raise_("interrogation_language", m.step.index, event.date)


def _media(tracker: _Tracker, m: Moment) -> None:
    event, before = m.step.event, m.before
    identifiable = getattr(event, "identifiable", None) is True
    excepted = before.assumptions.media_exception and getattr(event, "public_interest", None)
    if identifiable and excepted is not True:
        tracker.raise_("public_curiosity", m.step.index, event.date)
    if getattr(event, "by", None) == before.detaining_power:
        tracker.raise_("propaganda_use", m.step.index, event.date)
    if identifiable and _punishes_families(before, before.subject.state_of_nationality):
        tracker.raise_("family_reprisal", m.step.index, event.date)


def _family_threatened(tracker: _Tracker, m: Moment) -> None:
    tracker.raise_("family_reprisal", m.step.index, m.step.event.date)


def _information(tracker: _Tracker, m: Moment) -> None:
    event, before = m.step.event, m.before
    if _punishes_families(before, before.subject.state_of_nationality):
        tracker.raise_("family_reprisal", m.step.index, event.date)
    to = getattr(event, "to", None)
    if to in parties.PARTIES and _punishes_families(before, str(to)):
        tracker.raise_("notification_dilemma", m.step.index, event.date)


def _offered(tracker: _Tracker, m: Moment) -> None:
    target = getattr(m.step.event, "to", None)
    if target is None or wish_for(m.before.facts, target) is not Will.CONSENT:
        tracker.raise_("bargaining_chip", m.step.index, m.step.event.date)


def _documents(tracker: _Tracker, m: Moment) -> None:
    event = m.step.event
    foreign = getattr(event, "issued_by", None) != m.before.subject.state_of_nationality
    if foreign or getattr(event, "genuine", None) is False:
        tracker.raise_("identity_documents", m.step.index, event.date)


def _assessed(tracker: _Tracker, m: Moment) -> None:
    tracker.clear("medical_need", m.step.event.date)


def _visited(tracker: _Tracker, m: Moment) -> None:
    tracker.clear("icrc_access_unconfirmed", m.step.event.date)


def _excluded(tracker: _Tracker, m: Moment) -> None:
    tracker.raise_("prolonged_limbo", m.step.index, m.step.event.date)


def _captured(tracker: _Tracker, m: Moment) -> None:
    if not m.step.applied:
        return
    event, after = m.step.event, m.after
    if getattr(event, "wounded", None) is True or after.facts.hors_de_combat_cause in (
        "wounded",
        "sick",
    ):
        tracker.raise_("medical_need", m.step.index, event.date)
    home = after.subject.state_of_nationality
    if _punishes_families(after, after.power_of_origin) or _punishes_families(after, home):
        # Information about him is due to his power of origin (GCIII-122).
        tracker.raise_("notification_dilemma", m.step.index, event.date)


_EVENT_RULES: dict[str, Callable[[_Tracker, Moment], None]] = {
    "self_harm_order_reported": _self_harm,
    "self_harm_attempt": _self_harm,
    "interrogated": _interrogated,
    "media_exposure": _media,
    "family_threatened": _family_threatened,
    "information_transmitted": _information,
    "exchange_offered": _offered,
    "identity_documents": _documents,
    "medical_assessment": _assessed,
    "icrc_visit": _visited,
    "excluded_from_exchange": _excluded,
    "capture": _captured,
}
"""The flags an event raises or clears by itself, by event name."""


def _incident_rules(tracker: _Tracker, moment: Moment) -> None:
    rule = _EVENT_RULES.get(moment.step.event.name)
    if rule is not None:
        rule(tracker, moment)
    _consent_rules(tracker, moment)


def _consent_rules(tracker: _Tracker, moment: Moment) -> None:
    step, after = moment.step, moment.after
    event, index, on = step.event, step.index, step.event.date
    if event.name == "wish_verified":
        tracker.clear("coerced_consent", on)
        return
    if event.name == "wish_expressed" and (
        getattr(event, "free", None) is False or contested(after.facts)
    ):
        tracker.raise_("coerced_consent", index, on)
    if any(m.fact == "wish" for m in step.verdict.missing):
        # An unverified wish decides a move.
        tracker.raise_("coerced_consent", index, on)


@attrs.frozen
class _Deadline:
    on: datetime.date
    code: str
    index: int
    why: str  # "icrc", "custody" or "repatriation"


def _when(deadline: _Deadline) -> datetime.date:
    return deadline.on


def _deadlines(moment: Moment) -> list[_Deadline]:
    step, after = moment.step, moment.after
    assumptions = after.assumptions
    on, index = step.event.date, step.index
    if step.event.name == "capture" and step.applied:
        return [
            _Deadline(
                on + datetime.timedelta(days=assumptions.icrc_access_days),
                "icrc_access_unconfirmed",
                index,
                "icrc",
            ),
            _Deadline(
                on + datetime.timedelta(days=assumptions.prolonged_custody_days),
                "prolonged_limbo",
                index,
                "custody",
            ),
        ]
    if step.event.name == "hostilities_ended" and after.facts.hostilities_ended == on:
        return [
            _Deadline(
                on + datetime.timedelta(days=assumptions.repatriation_delay_days),
                "prolonged_limbo",
                index,
                "repatriation",
            )
        ]
    return []


def _fire(
    tracker: _Tracker,
    deadline: _Deadline,
    situation: Situation,
    captured_on: datetime.date | None,
    visited: list[datetime.date],
) -> None:
    if "in_custody" not in situation.position.active:
        return
    if deadline.why == "icrc":
        if not any(captured_on and captured_on <= d <= deadline.on for d in visited):
            tracker.raise_(deadline.code, deadline.index, deadline.on)
    else:
        tracker.raise_(deadline.code, deadline.index, deadline.on)


def derive_flags(moments: Iterable[Moment], as_of: datetime.date) -> tuple[Flag, ...]:
    """Every flag entry of a timeline's ``moments`` as of ``as_of``.

    Only events up to the as-of date count; a deadline (ICRC access, prolonged custody)
    raises its flag on the day it passes, if it has passed by the as-of date.
    """
    tracker = _Tracker()
    pending: list[_Deadline] = []
    visited: list[datetime.date] = []
    moved_towards_risk = False
    state: Situation | None = None
    for moment in moments:
        if moment.step.event.date > as_of:
            break
        on = moment.step.event.date
        # Deadlines that passed strictly before this day: an event on the deadline day
        # itself (an ICRC visit on day 30) still counts as in time.
        for deadline in sorted((d for d in pending if d.on < on), key=_when):
            assert state is not None
            _fire(tracker, deadline, state, state.facts.captured_on, visited)
            pending.remove(deadline)
        if moment.step.event.name == "icrc_visit":
            visited.append(on)
        _incident_rules(tracker, moment)
        moved_towards_risk = _risk_rules(tracker, moment, moved_towards_risk)
        left = (
            "in_custody" in moment.before.position.active
            and "in_custody" not in moment.after.position.active
        )
        if left:
            tracker.clear("prolonged_limbo", on)
        pending += _deadlines(moment)
        state = moment.after
    for deadline in sorted((d for d in pending if d.on <= as_of), key=_when):
        assert state is not None
        _fire(tracker, deadline, state, state.facts.captured_on, visited)
    return tuple(tracker.entries())


def standing(flags: tuple[Flag, ...], on: datetime.date) -> tuple[Flag, ...]:
    """The entries of ``flags`` that stand on ``on``, gravest first."""
    return tuple(sorted((f for f in flags if f.active(on)), key=lambda f: gravity(f.severity)))
