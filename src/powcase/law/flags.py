"""Humanitarian-risk flags, derived from the record.

A flag is never set by hand: :func:`derive_flags` replays the case's steps up to an as-of
date and raises or clears each flag from what the record says, the parties table and the
assumptions. A flag raised again after it was cleared is a new entry. Each entry keeps the
indexes of the events that raised it, the provisions it engages and who has raised such
concerns in public.
"""

from __future__ import annotations

import bisect
import datetime
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from powcase._util.readable import cited, readable
from powcase.law.book import Law, read_on_first_use
from powcase.law.citing import cited_now
from powcase.law.docket import Obligation, docket, regime_of
from powcase.law.refoulement import answers, risk_towards
from powcase.law.rules import REGIMES, FlagRule, Severity, Status, gravity
from powcase.law.shape import RISK_KINDS
from powcase.law.will import Will, contested, verification_counts, wish_for
from powcase.model import contract
from powcase.model import events as ev
from powcase.model.events import Event, Move

if TYPE_CHECKING:
    # Only for annotations: the rules' tables load without the engine.
    from powcase.engine.facts import Facts
    from powcase.engine.replay import Step
    from powcase.engine.table import Position
    from powcase.law.moments import Moment
    from powcase.law.situation import Situation


__all__ = ["FLAG_RULES", "Flag", "FlagRule", "Severity", "derive_flags", "standing"]


if TYPE_CHECKING:
    FLAG_RULES: dict[str, FlagRule]
    """Every flag of the packaged law, by code, in the order of its data file."""


__getattr__ = read_on_first_use(__name__, {"FLAG_RULES": lambda law: law.flags})


@readable
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
    text: str = attrs.field(
        default=attrs.Factory(lambda flag: Law.packaged().flags[flag.code].text, takes_self=True),
        repr=False,
    )
    """What the flag means, in the words of the law it was derived under (an overlay may
    reword it); the packaged law's when not given."""

    def active(self, on: datetime.date) -> bool:
        """Whether the flag stands on that day (raised by then, not yet cleared)."""
        return self.since <= on and (self.until is None or on < self.until)

    def _summary(self) -> str:
        until = f" until {self.until}" if self.until else ""
        return f"{self.severity} {self.code}, since {self.since}{until}"

    def _details(self) -> list[str]:
        events = ", ".join(map(str, self.because))
        return [f"{self.text}{cited(self.cites)}", f"raised by events {events}"]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return contract.to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Flag:
        """The inverse of :meth:`to_dict`."""
        return contract.from_plain(cls, data)


contract.shape(
    Flag,
    *("code", "severity", "since", "until", "cites", "because", "concerns", "text"),
)


class _Tracker:
    """Open and closed entries of every flag while the steps are replayed."""

    def __init__(
        self,
        law: Law,
        holder: str | None,
        nationality: tuple[str, ...] = (),
        as_of: datetime.date | None = None,
    ) -> None:
        self.law = law
        self.holder = holder
        """The detaining power: a flag cites what bound it on the day the flag was raised."""
        self.nationality = nationality
        """His nationalities: a flag names the concerns raised about prisoners like him."""
        self.as_of = as_of
        """A flag names only the concerns published by the as-of date."""
        self.open: dict[str, tuple[datetime.date, list[int]]] = {}
        self.causes: dict[str, set[str]] = {}
        """Why each open flag was raised, for the flags whose provisions depend on it."""
        self.closed: list[Flag] = []
        self._cites: dict[tuple[str, frozenset[str] | None, int], tuple[str, ...]] = {}
        self._concerns: dict[str, tuple[str, ...]] = {}
        self.suspended: dict[str, set[str]] = {}
        """The flags that ended when he left captivity, with their causes: they stand again
        if he comes back into the detaining power's hands."""

    def raise_(self, code: str, index: int, on: datetime.date, cause: str | None = None) -> None:
        if code in self.open:
            because = self.open[code][1]
            # Steps come in order, so the same step can only be the last one recorded.
            if because[-1] != index:
                because.append(index)
        else:
            self.open[code] = (on, [index])
        if cause is not None:
            self.causes.setdefault(code, set()).add(cause)

    def hold(self, code: str, index: int, on: datetime.date) -> None:
        """Raise a flag whose condition holds now; a standing flag keeps its reasons."""
        if code not in self.open:
            self.open[code] = (on, [index])

    def clear(self, code: str, on: datetime.date) -> None:
        # A rule that clears a flag (a medical assessment, say) also settles a suspended one.
        self.suspended.pop(code, None)
        if code in self.open:
            since, because = self.open.pop(code)
            self.closed.append(self._entry(code, since, because, on))
            self.causes.pop(code, None)

    def suspend(self, codes: Iterable[str], on: datetime.date) -> None:
        """End the open flags among ``codes`` on ``on``, kept to stand again (:meth:`resume`)."""
        for code in codes:
            if code in self.open:
                causes = self.causes.get(code, set())
                self.clear(code, on)
                self.suspended[code] = set(causes)

    def resume(self, index: int, on: datetime.date) -> None:
        """Raise again, for step ``index``, the flags :meth:`suspend` ended."""
        for code, causes in self.suspended.items():
            for cause in causes or (None,):
                self.raise_(code, index, on, cause)
        self.suspended.clear()

    def entries(self) -> list[Flag]:
        standing = [
            self._entry(code, since, because, None) for code, (since, because) in self.open.items()
        ]
        order = self.law.order("flags")
        return sorted((*self.closed, *standing), key=lambda f: (f.since, order[f.code], f.because))

    def _entry(
        self, code: str, since: datetime.date, because: list[int], until: datetime.date | None
    ) -> Flag:
        rule = self.law.flags[code]
        causes = self.causes.get(code) if rule.causes else None
        # Entries of one flag raised for the same causes in one period of what binds whom
        # cite the same provisions: worked out once per pass.
        key = (code, frozenset(causes) if causes else None, self.law.binding_period(since))
        cites = self._cites.get(key)
        if cites is None:
            cites = rule.cites_for(causes) if causes else rule.cites
            if self.holder is not None:
                cites = cited_now(self.law, self.holder, since, cites)
            self._cites[key] = cites
        concerns = self._concerns.get(code)
        if concerns is None:
            # Every entry of a flag in one pass names the same concerns: asked once.
            concerns = self._concerns[code] = self.law.concerns_for(
                code, nationality=self.nationality, held_by=self.holder, by=self.as_of
            )
        return Flag(code, rule.severity, cites, tuple(because), since, until, concerns, rule.text)


_OUT_OF_CUSTODY_MOVES = frozenset(
    {"in_custody", "interned_in_neutral_state", "in_neutral_custody", "transferred_to_third_power"}
)
"""States from which he can still be moved to his power of origin."""


def _destination(event: Event, moment: Moment) -> str | None:
    """Where a move, or an exchange offer, would take him."""
    if isinstance(event, Move):
        return event.destination or moment.before.power_of_origin
    if isinstance(event, ev.ExchangeOffered):
        return event.to
    return None


_FAMILY = frozenset({"family"})


def _punishes_families(moment: Moment, state: str) -> bool:
    """Whether ``state`` punishes the families of those in his position, on the step's day."""
    return bool(moment.judge.law.treatment(state, _FAMILY, moment.step.event.date))


def _risk_rules(tracker: _Tracker, moment: Moment, moved_towards_risk: bool) -> bool:
    """refoulement_risk, persecution_on_return and prosecution_on_return after a step."""
    step, after = moment.step, moment.after
    event, index, on = step.event, step.index, step.event.date
    home = after.subject.state_of_nationality
    at_home = answers(after, home)
    names_home = isinstance(event, ev.RiskOnReturn) and event.state == home
    if at_home & _RISKS:
        if names_home:
            tracker.raise_("persecution_on_return", index, on)
        tracker.hold("persecution_on_return", index, on)
        tracker.clear("prosecution_on_return", on)
    else:
        # No risk kind left at home (lifted, or the table's answer ended): the flag clears.
        tracker.clear("persecution_on_return", on)
        if "prosecution" in at_home:
            tracker.hold("prosecution_on_return", index, on)

    destination = _destination(event, moment)
    if destination is not None:
        if isinstance(event, Move):
            if step.applied and risk_towards(moment.before, destination).kinds:
                moved_towards_risk = True
                tracker.raise_("refoulement_risk", index, on)
        elif risk_towards(after, destination).kinds:  # an exchange offered towards risk
            tracker.raise_("refoulement_risk", index, on)
    if isinstance(event, ev.ExchangeAgreed):
        partners = set(event.between) - {after.detaining_power}
        if any(risk_towards(after, p).kinds for p in partners):
            tracker.raise_("refoulement_risk", index, on)
    movable = bool(_OUT_OF_CUSTODY_MOVES & after.position.active)
    if movable and risk_towards(after, after.power_of_origin).kinds:
        tracker.hold("refoulement_risk", index, on)
    elif moved_towards_risk or "escaped" in after.position.active:
        pass
    elif not movable or (isinstance(event, ev.RiskLifted) and not _risk_left(after, home)):
        # No move towards risk is left: he is where none can be made, or the risks are lifted.
        tracker.clear("refoulement_risk", on)
    return moved_towards_risk


def _risk_left(after: Situation, home: str) -> bool:
    """Whether a move towards risk could still be made: to his power of origin, his state of
    nationality (and so any ally that would pass him on) or a state a report names.
    """
    states = {after.power_of_origin, home, *(state for state, _ in after.facts.risks)}
    return any(risk_towards(after, state).kinds for state in states)


_RISKS = frozenset(RISK_KINDS)

_RISK_EVENTS = (Move, ev.ExchangeOffered, ev.ExchangeAgreed, ev.RiskOnReturn)
"""Events the risk rules read for themselves, beyond where they leave him."""


def _self_harm(tracker: _Tracker, m: Moment, event: Event) -> None:
    tracker.raise_("self_harm_risk", m.step.index, event.date)


def _interrogated(tracker: _Tracker, m: Moment, event: ev.Interrogated) -> None:
    if event.coercive is True:
        tracker.raise_("coercive_interrogation", m.step.index, event.date)
    if event.language_understood is False:
        tracker.raise_("interrogation_language", m.step.index, event.date)


def _media(tracker: _Tracker, m: Moment, event: ev.MediaExposure) -> None:
    judge = m.judge
    identifiable = event.identifiable is True
    excepted = judge.assumptions.media_exception and event.public_interest
    if identifiable and excepted is not True:
        tracker.raise_("public_curiosity", m.step.index, event.date)
    if event.by == judge.detaining_power:
        tracker.raise_("propaganda_use", m.step.index, event.date)
    if identifiable and _punishes_families(m, judge.subject.state_of_nationality):
        tracker.raise_("family_reprisal", m.step.index, event.date)


def _family_threatened(tracker: _Tracker, m: Moment, event: ev.FamilyThreatened) -> None:
    tracker.raise_("family_reprisal", m.step.index, event.date)


def _information(tracker: _Tracker, m: Moment, event: ev.InformationTransmitted) -> None:
    judge = m.judge
    if _punishes_families(m, judge.subject.state_of_nationality):
        tracker.raise_("family_reprisal", m.step.index, event.date)
    if event.to in judge.law.parties and _punishes_families(m, event.to):
        tracker.raise_("notification_dilemma", m.step.index, event.date)


def _offered(tracker: _Tracker, m: Moment, event: ev.ExchangeOffered) -> None:
    verifiers = m.judge.assumptions.wish_verifiers
    if event.to is None or wish_for(m.step.facts, event.to, verifiers) is not Will.CONSENT:
        tracker.raise_("bargaining_chip", m.step.index, event.date)


def _documents(tracker: _Tracker, m: Moment, event: ev.IdentityDocuments) -> None:
    foreign = event.issued_by != m.judge.subject.state_of_nationality
    if foreign or event.genuine is False:
        tracker.raise_("identity_documents", m.step.index, event.date)


def _assessed(tracker: _Tracker, m: Moment, event: ev.MedicalAssessment) -> None:
    tracker.clear("medical_need", event.date)


def _visited(tracker: _Tracker, m: Moment, event: ev.IcrcVisit) -> None:
    # Only a visit with a private interview confirms access (GCIII-126, GCIV-143), and only
    # to a prisoner: one dated while he was at large confirms nothing.
    if event.private_interview is True and _CAPTIVE & m.position.active:
        tracker.clear("icrc_access_unconfirmed", event.date)


def _excluded(tracker: _Tracker, m: Moment, event: ev.ExcludedFromExchange) -> None:
    tracker.raise_("prolonged_limbo", m.step.index, event.date, "excluded")


def _captured(tracker: _Tracker, m: Moment, event: ev.Capture) -> None:
    if not m.step.applied:
        return
    if event.wounded is True or m.facts.hors_de_combat_cause in ("wounded", "sick"):
        # The care owed rests on whom he is held as: GCIII, GCIV or custom.
        tracker.raise_("medical_need", m.step.index, event.date, regime_of(m))
    subject = m.judge.subject
    if subject.born is not None and subject.minor_on(event.date) is not False:
        # API-77, ICCPR-6(5): under 18 at capture, or a year of birth that allows it.
        tracker.raise_("child_soldier", m.step.index, event.date)
    home = subject.state_of_nationality
    if _punishes_families(m, m.after.power_of_origin) or _punishes_families(m, home):
        # Information about him is due to his power of origin (GCIII-122).
        tracker.raise_("notification_dilemma", m.step.index, event.date)


def _injured(tracker: _Tracker, m: Moment, event: ev.EscapeAttempt) -> None:
    """Injured while held (stopped in an escape, GCIII-42), he is owed the care his wound
    calls for: ``medical_need`` rises, citing his regime's care, until an assessment.
    """
    if event.injured is True and _CAPTIVE & m.position.active:
        tracker.raise_("medical_need", m.step.index, event.date, regime_of(m))


def _status_decided(tracker: _Tracker, m: Moment, event: Event) -> None:
    """A status doubt or determination that changes whom he is held as changes the care owed
    to him (GCIII-15 and 30; GCIV-81, 91 and 92; custom): an open ``medical_need`` entry ends
    that day and a new one, citing the new regime's care, starts.
    """
    if not m.step.applied or "medical_need" not in tracker.open:
        return
    regime = regime_of(m)
    if tracker.causes.get("medical_need") != {regime}:
        tracker.clear("medical_need", event.date)
        tracker.raise_("medical_need", m.step.index, event.date, regime)


# Each rule takes the event class it is keyed by; the table is typed loosely for that reason.
_DURING_HOSTILITIES = frozenset({"custody", "excluded"})
"""The causes of ``prolonged_limbo`` that engage rules for the time of hostilities (GCIII-109(2);
an exchange, GCIII-6 and 7)."""


def _hostilities_ended(tracker: _Tracker, m: Moment, event: ev.HostilitiesEnded) -> None:
    """Hostilities ended between the detaining power and his power of origin while
    ``prolonged_limbo`` stands for a during-hostilities cause: that entry ends. From then on
    the measure is the duty to repatriate him without delay (GCIII-118): the flag rises
    again, citing it, only when the docket shows that duty overdue.
    """
    causes = tracker.causes.get("prolonged_limbo")
    if "prolonged_limbo" not in tracker.open or not causes or not causes <= _DURING_HOSTILITIES:
        return
    origin = m.after.power_of_origin
    if m.facts.hostilities_ended_between(m.judge.detaining_power, origin) is not None:
        tracker.clear("prolonged_limbo", event.date)


def _hostilities_resumed(tracker: _Tracker, m: Moment, event: ev.HostilitiesResumed) -> None:
    """Hostilities resumed for the pair: a custody already past the assumed period is long
    custody during hostilities again (GCIII-109(2)), from that day.
    """
    if "prolonged_limbo" in tracker.open or not _CAPTIVE & m.position.active:
        return
    origin = m.after.power_of_origin
    if m.facts.hostilities_ended_between(m.judge.detaining_power, origin) is not None:
        return
    captured = m.facts.captured_on
    days = datetime.timedelta(days=m.judge.assumptions.prolonged_custody_days)
    if captured is not None and captured + days <= event.date:
        tracker.raise_("prolonged_limbo", m.step.index, event.date, "custody")


_EVENT_RULES: dict[type[Event], Callable[[_Tracker, Moment, Any], None]] = {
    ev.SelfHarmOrderReported: _self_harm,
    ev.SelfHarmAttempt: _self_harm,
    ev.Interrogated: _interrogated,
    ev.MediaExposure: _media,
    ev.FamilyThreatened: _family_threatened,
    ev.InformationTransmitted: _information,
    ev.ExchangeOffered: _offered,
    ev.IdentityDocuments: _documents,
    ev.MedicalAssessment: _assessed,
    ev.IcrcVisit: _visited,
    ev.ExcludedFromExchange: _excluded,
    ev.Capture: _captured,
    ev.EscapeAttempt: _injured,
    ev.RaiseStatusDoubt: _status_decided,
    ev.DetermineStatus: _status_decided,
    ev.HostilitiesEnded: _hostilities_ended,
    ev.HostilitiesResumed: _hostilities_resumed,
}
"""The flags an event raises or clears by itself, by event class."""


def _verified(tracker: _Tracker, m: Moment, event: ev.WishVerified) -> None:
    # Only a verification that counts under wish_verifiers shows his wish free (GCIII-7); one
    # by anyone else (the detaining power, an intelligence service, the press) is a claim
    # that may cover pressure.
    if verification_counts(event, m.judge.assumptions.wish_verifiers):
        tracker.clear("coerced_consent", event.date)
    else:
        tracker.raise_("coerced_consent", m.step.index, event.date)


def _expressed(tracker: _Tracker, m: Moment, event: ev.WishExpressed) -> None:
    if event.free is False or contested(m.facts, m.judge.assumptions.wish_verifiers):
        tracker.raise_("coerced_consent", m.step.index, event.date)


_CONSENT_RULES: dict[type[Event], Callable[[_Tracker, Moment, Any], None]] = {
    ev.WishVerified: _verified,
    ev.WishExpressed: _expressed,
}
"""How his wishes on record raise or clear ``coerced_consent``, by event class."""


@attrs.frozen
class _Deadline:
    on: datetime.date
    code: str
    index: int
    why: str
    """``custody``: raised if he is still held then; ``docket``: raised, the docket having
    shown the item overdue."""
    cause: str | None = None
    """Why the flag is raised, where its provisions depend on it (a custody deadline's is
    read when it passes)."""


def _when(deadline: _Deadline) -> datetime.date:
    return deadline.on


_DOCKET_FLAGS = {"icrc_access": "icrc_access_unconfirmed", "repatriation": "prolonged_limbo"}
"""The flags an overdue obligation raises, by its code: each rises on the item's first
overdue day, the day the docket first shows it overdue."""


def _docket_cause(item: Obligation, law: Law) -> str | None:
    """Why an overdue obligation raised its flag, where the flag's provisions depend on it:
    whom the item was owed to, read from the provision it rests on.
    """
    rule = law.obligations.get(item.code)
    regime = next(
        (r for r in REGIMES if rule is not None and rule.provision_for(r) == item.provision),
        "protected_person",  # an occupied territory's provision is a protected person's
    )
    if item.code == "repatriation":
        return "overdue_internment" if regime == "protected_person" else "overdue"
    return regime


_DAY = datetime.timedelta(days=1)


def _docket_deadlines(obligations: Iterable[Obligation], law: Law) -> list[_Deadline]:
    """The first overdue day of each item of the docket that raises a flag when overdue."""
    found = []
    for item in obligations:
        code = _DOCKET_FLAGS.get(item.code)
        if code is None:
            continue
        if item.status is Status.OVERDUE or (item.status is Status.MET and item.late):
            deadline = _Deadline(item.due + _DAY, code, item.started_by, "docket")
            found.append(attrs.evolve(deadline, cause=_docket_cause(item, law)))
    return found


def _capture_deadlines(m: Moment, event: ev.Capture) -> list[_Deadline]:
    if not m.step.applied:
        return []
    days = datetime.timedelta(days=m.judge.assumptions.prolonged_custody_days)
    return [_Deadline(event.date + days, "prolonged_limbo", m.step.index, "custody")]


_DEADLINE_RULES: dict[type[Event], Callable[[Moment, Any], list[_Deadline]]] = {
    ev.Capture: _capture_deadlines,
}
"""The deadlines an event sets, by event class (the docket's are read from the docket)."""


@attrs.frozen
class _Kind:
    """What the flag rules do with one class of event, worked out once per class."""

    rules: tuple[Callable[[_Tracker, Moment, Any], None], ...]
    deadlines: Callable[[Moment, Any], list[_Deadline]] | None
    read_by_risk_rules: bool


@functools.cache
def _kind(cls: type[Event]) -> _Kind:
    """What the flag rules do with events of ``cls`` (remembered per class: a record has few)."""
    rules = tuple(
        rule for rule in (_EVENT_RULES.get(cls), _CONSENT_RULES.get(cls)) if rule is not None
    )
    return _Kind(rules, _DEADLINE_RULES.get(cls), issubclass(cls, _RISK_EVENTS))


_CAPTIVE = frozenset(
    {"in_custody", "interned_in_neutral_state", "in_neutral_custody", "transferred_to_third_power"}
)
"""Where he is a prisoner: held by the detaining power or in neutral hands for it, or by a
power it transferred him to, which answers for him then (GCIII-12(2)) while it keeps a duty
to act if that power fails (GCIII-12(3))."""


def _captivity_changed(
    tracker: _Tracker, held_only: tuple[str, ...], step: Step, position: Position
) -> None:
    """Leaving captivity (a release, a return, an escape, death) ends the flags that stand
    only while he is held; coming back into the detaining power's hands (a recapture) raises
    again those it ended, for the step that brought him back.
    """
    was, now = bool(_CAPTIVE & step.position.active), bool(_CAPTIVE & position.active)
    if was and not now:
        tracker.suspend(held_only, step.event.date)
    elif now and not was:
        tracker.resume(step.index, step.event.date)


def _while_held(law: Law) -> tuple[str, ...]:
    """The flags that stand only while he is a prisoner: a risk in his treatment as one
    (medical care, ICRC access, a prolonged captivity) ends when he leaves captivity.
    """
    return tuple(code for code, rule in law.flags.items() if rule.while_held)


def _fire(tracker: _Tracker, deadline: _Deadline, last: Moment | None) -> None:
    """A deadline passed: a docket deadline raises its flag; a custody one, if ``last`` left
    him a prisoner (held by the detaining power, in neutral hands, or transferred).
    """
    held = last is not None and bool(_CAPTIVE & last.position.active)
    if deadline.why == "docket":
        tracker.raise_(deadline.code, deadline.index, deadline.on, deadline.cause)
    elif held and last is not None:
        cause = _custody_cause(last)
        # After hostilities the measure is the repatriation duty, which the docket raises
        # when overdue; a long custody then is not a cause of its own.
        if cause != "held_after_hostilities":
            tracker.raise_(deadline.code, deadline.index, deadline.on, cause)


def _custody_cause(last: Moment) -> str:
    """Why a long custody engages the law: while hostilities last, the parties may agree to
    repatriate or intern those long held (GCIII-109(2)); once they have ended, he is to be
    released and repatriated (GCIII-118).
    """
    origin = last.after.power_of_origin
    ended = last.facts.hostilities_ended_between(last.judge.detaining_power, origin)
    return "custody" if ended is None else "held_after_hostilities"


def derive_flags(
    moments: Sequence[Moment],
    as_of: datetime.date,
    law: Law,
    obligations: Sequence[Obligation] | None = None,
) -> tuple[Flag, ...]:
    """Every flag entry of a timeline's ``moments`` as of ``as_of``, under ``law``.

    Only events up to the as-of date count; a deadline (ICRC access, repatriation, prolonged
    custody) raises its flag on the day it passes, if it has passed by the as-of date: for an
    obligation, the day after its due date, when ``obligations`` (the docket on ``as_of``,
    worked out when not given) first shows it overdue.
    """
    judge = moments[0].judge if moments else None
    tracker = _Tracker(
        law,
        judge.detaining_power if judge else None,
        tuple(judge.subject.nationality) if judge else (),
        as_of,
    )
    if obligations is None:
        obligations = docket(moments, as_of, moments[0].judge.assumptions, law) if moments else ()
    # Deadlines not yet passed, kept in date order (a deadline set later may fall earlier).
    pending = sorted(_docket_deadlines(obligations, law), key=_when)
    held_only = law.remembered("flags while held", lambda: _while_held(law))
    moved_towards_risk = False
    last: Moment | None = None
    risks_read: tuple[Position, Facts, int, tuple[Position, int]] | None = None
    for moment in moments:
        step = moment.step
        event = step.event
        on = event.date
        if on > as_of:
            break
        # A docket deadline falls on the item's first overdue day: it is raised before that
        # day's events (a visit that day meets the item late, and clears the flag). A custody
        # deadline passes at the end of its day.
        while pending and (
            pending[0].on < on or (pending[0].on == on and pending[0].why == "docket")
        ):
            _fire(tracker, pending.pop(0), last)
        kind = _kind(type(event))  # type: ignore[arg-type]  # a class is hashable; mypy reads Event.__hash__
        for rule in kind.rules:
            rule(tracker, moment, event)
        missing = step.verdict.missing
        if missing and any(m.fact == "wish" for m in missing):
            # An unverified wish decides a move.
            tracker.raise_("coerced_consent", step.index, on)
        # Only the risk rules raise or clear their flags, and beyond the events in
        # _RISK_EVENTS they read only where he stands and his circumstances: when both are
        # as after the moment before, they would say again what they said then.
        position, facts = moment.position, moment.facts
        period = law.period(on)
        if (
            kind.read_by_risk_rules
            or risks_read is None
            or position is not risks_read[0]
            or facts is not risks_read[1]
            or period != risks_read[2]
        ):
            # The same position, facts and period ask the same questions: only a change
            # of one needs the circumstances' number worked out.
            now = (position, moment.judge.context(facts, on))
            if kind.read_by_risk_rules or risks_read is None or now != risks_read[3]:
                moved_towards_risk = _risk_rules(tracker, moment, moved_towards_risk)
            risks_read = (position, facts, period, now)
        if position is not step.position:
            _captivity_changed(tracker, held_only, step, position)
        if kind.deadlines is not None:
            for deadline in kind.deadlines(moment, event):
                bisect.insort(pending, deadline, key=_when)
        last = moment
    for deadline in pending:
        if deadline.on > as_of:
            break
        _fire(tracker, deadline, last)
    return tuple(tracker.entries())


def standing(flags: tuple[Flag, ...], on: datetime.date) -> tuple[Flag, ...]:
    """The entries of ``flags`` that stand on ``on``, gravest first."""
    return tuple(sorted((f for f in flags if f.active(on)), key=lambda f: gravity(f.severity)))
