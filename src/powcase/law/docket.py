"""The docket: the detaining power's obligations and their deadlines.

Each obligation starts at an event, falls due after a period (the treaty's, or an assumed
number of days where the treaty says "immediately", "rapidly" or "without delay"), and is
``met`` by a later event (``late`` when after its due date), ``pending`` (perhaps held back),
``overdue``, or ``lapsed`` when the detaining power stopped answering for him before it fell
due, with the reason why. Which provision an obligation rests on depends on whom it is owed
to: one treated as a prisoner of war, a protected person of the Fourth Convention, or a
detainee who is neither. The periods come from the assumptions, so a researcher can change
them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from powcase._util.readable import readable
from powcase.law.agreements import release_by, released_as_civilians
from powcase.law.book import Law, read_on_first_use
from powcase.law.rules import MEETERS, HoldBack, Lapse, ObligationRule, Status
from powcase.law.situation import held_as_civilian
from powcase.law.will import Refusal, refusal_of
from powcase.model import contract
from powcase.model import events as ev
from powcase.model.assumptions import Assumptions
from powcase.model.events import DIRECT_REPATRIATION, EVENT_TYPES, Event
from powcase.model.verdict import Outcome

if TYPE_CHECKING:
    # Only for annotations: the rules' tables load without the engine.
    from powcase.law.moments import Moment


__all__ = [
    "OBLIGATION_RULES",
    "HoldBack",
    "Lapse",
    "Obligation",
    "ObligationRule",
    "Status",
    "docket",
    "regime_of",
]

_DEATHS_NEEDING_INQUIRY = frozenset(
    {"killed_by_guard", "killed_by_prisoner", "killed_by_other", "unknown"}
)
_CUSTODY = "in_custody"
_TRANSFERRED = "transferred_to_third_power"
_NEUTRAL_HANDS = frozenset({"interned_in_neutral_state", "in_neutral_custody"})
"""Where he is still a prisoner, held by a neutral state or body for the detaining power."""
_HELD = frozenset({_CUSTODY, *_NEUTRAL_HANDS})
_PROCEEDINGS = frozenset({"charged", "sentenced"})


if TYPE_CHECKING:
    OBLIGATION_RULES: dict[str, ObligationRule]
    """Every obligation of the packaged law, by code, in the order of its data file."""


__getattr__ = read_on_first_use(__name__, {"OBLIGATION_RULES": lambda law: law.obligations})


@readable
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
    held_back_by: HoldBack | None = None
    """What holds it back: proceedings (GCIII-119(5)) or his refusal (GCIII-109(3))."""
    why: Lapse | None = None
    """Why it lapsed."""
    lapsed_by: int | None = None
    """The index of the event that made it lapse."""
    met_by: int | None = None
    without_delay: bool = False
    assumed_days: int | None = None
    """The days assumed for a treaty that sets no period; None where the treaty or the
    record (an agreement's ``release_by``) sets the due date."""
    due_agreed: bool = False
    """Whether the due date is an agreement's (``release_by``), not the rule's period."""
    met_unlawfully: bool = False
    """Whether the step that met it is a violation: refused on a prohibition and applied
    anyway (descriptive mode). It is met all the same; the violation is listed apart."""
    text: str = attrs.field(
        default=attrs.Factory(
            lambda item: Law.packaged().obligations[item.code].text, takes_self=True
        ),
        repr=False,
    )
    """What the obligation asks, in the words of the law it was derived under (an overlay
    may reword it); the packaged law's when not given."""

    def _summary(self) -> str:
        late = ", late" if self.late else ""
        return f"{self.code} ({self.provision}): {self.status}{late}, due {self.due}"

    def _details(self) -> list[str]:
        return [self.text]

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
)


# --- whom he is owed to, and who answers for him


def regime_of(moment: Moment) -> str:
    """Whom the obligations are owed to after a capture, a status doubt or a determination:
    ``pow`` (treated as a prisoner of war, API-44(4) for one who did not distinguish himself),
    ``protected_person`` (GCIV-4: a civilian internee; a civilian whose status no belligerent
    act has put in doubt, or an unprivileged detainee, either not a national of the detaining
    power) or ``detainee`` (anyone else).
    """
    active = moment.position.active
    if "civilian_internee" in active:
        return "protected_person"
    judge = moment.judge
    own_national = judge.detaining_power in judge.subject.nationality
    if held_as_civilian(judge.subject, active):
        # Not presumed a prisoner of war: GCIII-5 needs a belligerent act alleged.
        return "detainee" if own_national else "protected_person"
    if "unprivileged_detainee" not in active:
        return "pow"
    if moment.facts.status_grounds == "no_distinction":
        # The grounds of the determination on record (this step's, at a determination).
        return "pow"
    if own_national:
        return "detainee"
    return "protected_person"


def _transfer_article(regime: str) -> str:
    return "GCIV-45" if regime == "protected_person" else "GCIII-12"


def _hostilities_over(moment: Moment) -> bool:
    """Whether hostilities have ended, after ``moment``, between his captor and his power of
    origin (an end of hostilities names no pair: it ends them for every pair).
    """
    facts = moment.facts
    if not facts.hostilities_ends:
        return False  # no end on record: his power of origin need not be worked out
    origin = moment.after.power_of_origin
    return facts.hostilities_ended_between(moment.judge.detaining_power, origin) is not None


# --- starts


@attrs.frozen
class _Start:
    code: str
    index: int
    on: datetime.date
    recurring: bool = False
    due: datetime.date | None = None
    """A due date set by the record (an agreement's ``release_by``), else the rule's."""


_NONE: list[_Start] = []

_IN_CUSTODY = (
    ("capture_card", False),
    ("information", False),
    ("icrc_access", False),
    ("medical_inspection", True),
)
"""What his coming into custody starts, each code with whether it recurs once met."""


_TWO_WEEKS = datetime.timedelta(days=14)


def _capture_starts(moment: Moment, event: ev.Capture) -> list[_Start]:
    """What his coming into custody starts. For a civilian the bureau's information is owed
    once he has been kept in custody for more than two weeks, or interned (GCIV-136): it
    starts two weeks after capture, or at his internment if that comes first.
    """
    index, on = moment.step.index, event.date
    civilian = regime_of(moment) == "protected_person"
    return [
        _Start(code, index, on + _TWO_WEEKS if civilian and code == "information" else on, again)
        for code, again in _IN_CUSTODY
    ]


def _status_starts(moment: Moment, regime: str, changed: bool) -> list[_Start]:
    """What a status doubt or determination starts. Where it changes whom he is owed to, to
    a protected person or to a prisoner of war (a civilian in doubt: GCIII-5), that regime's
    items start (those owed before give way: see :class:`_Pass`); a civilian internee's
    internment is reviewed.
    """
    index, on = moment.step.index, moment.step.event.date
    starts = _NONE
    if changed and regime != "detainee":
        starts = [_Start(code, index, on, recurring) for code, recurring in _IN_CUSTODY]
    if "civilian_internee" in moment.position.active:
        starts = [*starts, _Start("internment_review", index, on, recurring=True)]
    return starts


def _assessment_starts(moment: Moment, event: ev.MedicalAssessment) -> list[_Start]:
    """A finding in custody for direct repatriation (GCIII-110(1)) starts the medical duty; one
    for accommodation in a neutral country (GCIII-110(2)) does not.
    """
    if event.category in DIRECT_REPATRIATION and _CUSTODY in moment.position.active:
        return [_Start("medical_repatriation", moment.step.index, event.date)]
    return _NONE


def _death_starts(moment: Moment, event: ev.Die) -> list[_Start]:
    index, on = moment.step.index, event.date
    if _CUSTODY not in moment.step.position.active:
        return _NONE
    unsentenced = event.cause == "executed" and moment.step.facts.death_sentenced_on is None
    if event.cause in _DEATHS_NEEDING_INQUIRY or unsentenced:
        return [_Start("death_notification", index, on), _Start("death_inquiry", index, on)]
    return [_Start("death_notification", index, on)]


# Each takes the event class it is keyed by; the table is typed loosely for that reason.
_STARTS: dict[type[Event], Callable[[Moment, Any], list[_Start]]] = {
    ev.Capture: _capture_starts,
    ev.MedicalAssessment: _assessment_starts,
    ev.Die: _death_starts,
}
"""The obligations each kind of applied step starts, by event class."""

_STATUS_STEPS: frozenset[type[Event]] = frozenset({ev.DetermineStatus, ev.RaiseStatusDoubt})
"""The steps that may change whom he is owed to: a determination, and a doubt that puts a
civilian under GCIII-5's presumption."""

_REPATRIATION_CHECKS: frozenset[type[Event]] = frozenset(
    {ev.HostilitiesEnded, ev.Capture, ev.Recall, ev.Recapture, *_STATUS_STEPS}
)
"""Steps after which the repatriation duty may start: hostilities end while he is in the
detaining power's hands, or he comes (back) into them after they ended, or the duty he is
owed changes with his status."""


# --- lapses


@attrs.frozen
class _Lapsing:
    """What a reason for lapsing ends, and what starts the lapsed items again."""

    only: frozenset[str] | None = None
    """The codes it ends (None: all)."""
    spares: frozenset[str] = frozenset()
    """The codes that run on."""
    restarted_by: frozenset[type[Event]] = frozenset()
    """The steps that start the items lapsed so again, from their day."""
    renews_overdue: bool = False
    """Whether those steps also start again the items that were overdue when he left: a
    recapture makes him a prisoner in the power's hands again, owed everything anew."""


_LAPSING: dict[Lapse, _Lapsing] = {
    # Only an escape can be followed by a recapture (GCIII-92): he is a prisoner again.
    Lapse.LEFT_CUSTODY: _Lapsing(restarted_by=frozenset({ev.Recapture}), renews_overdue=True),
    Lapse.TRANSFERRED: _Lapsing(restarted_by=frozenset({ev.Recall})),
    Lapse.NEUTRAL_CUSTODY: _Lapsing(
        spares=frozenset({"repatriation", "medical_repatriation"}),
        restarted_by=frozenset({ev.ReturnFromNeutralCustody}),
    ),
    Lapse.STATUS_CHANGED: _Lapsing(),
    Lapse.HOSTILITIES_RESUMED: _Lapsing(only=frozenset({"repatriation"})),
}
"""Each reason an obligation lapses for: a new reason, or a new step that restarts items, is
one entry here and one in :data:`_LAPSES`."""

_LAPSES: dict[type[Event], Lapse] = {
    ev.Die: Lapse.LEFT_CUSTODY,
    ev.Escape: Lapse.LEFT_CUSTODY,
    ev.Repatriate: Lapse.LEFT_CUSTODY,
    ev.Exchange: Lapse.LEFT_CUSTODY,
    ev.RepatriateMedically: Lapse.LEFT_CUSTODY,
    ev.ReleaseToThirdState: Lapse.LEFT_CUSTODY,
    ev.ReleaseInDetainingState: Lapse.LEFT_CUSTODY,
    ev.TransferToPower: Lapse.TRANSFERRED,
    ev.InternInNeutralState: Lapse.NEUTRAL_CUSTODY,
    ev.HandOverToNeutralCustody: Lapse.NEUTRAL_CUSTODY,
    ev.HostilitiesResumed: Lapse.HOSTILITIES_RESUMED,
}
"""The applied steps that end the detaining power's answering for him, and why. A status
determination is read apart: whether it changes what he is owed depends on its outcome."""

_RESTARTS: dict[type[Event], tuple[Lapse, ...]] = {
    kind: tuple(why for why, lapsing in _LAPSING.items() if kind in lapsing.restarted_by)
    for kind in frozenset().union(*(lapsing.restarted_by for lapsing in _LAPSING.values()))
}
"""The reasons whose lapsed items each step restarts, by event class."""


# --- what meets an obligation


_REFUSED = Outcome.REFUSED


def _meeters(rule: ObligationRule) -> frozenset[type[Event]]:
    """The event classes that may meet ``rule`` (none when only leaving custody does)."""
    names = MEETERS.get(rule.met_by, (rule.met_by,))
    # The data names events; they are checked against the event classes when the law loads.
    return frozenset(EVENT_TYPES[name] for name in names)


def _returns_home(moment: Moment) -> bool:
    """Whether a return hands him to his power of origin (GCIII-109(1), GCIII-118)."""
    event = moment.step.event
    destination = event.destination if isinstance(event, ev.Move) else None
    return destination is None or destination == moment.before.power_of_origin


def _leaves(moment: Moment) -> bool:
    """He leaves the detaining power's custody."""
    return _CUSTODY in moment.step.position.active and _CUSTODY not in moment.position.active


@attrs.define
class _Open:
    """An obligation not yet met, while the steps after its start are read."""

    rule: ObligationRule
    provision: str
    start: _Start
    due: datetime.date
    meets: frozenset[type[Event]]
    """The event classes that may meet it; empty when only leaving custody does."""

    def met(self, moment: Moment) -> bool:
        """Whether ``moment`` meets it."""
        rule, event = self.rule, moment.step.event
        if rule.met_by == "leaving_custody":
            return _leaves(moment) and not isinstance(event, ev.Die | ev.Escape)
        if type(event) not in self.meets:
            return False
        if rule.met_if is not None and getattr(event, rule.met_if, None) is not True:
            return False
        if type(event) is ev.ReleaseToThirdState and moment.step.verdict.outcome is _REFUSED:
            # A release the law refused (on the strict text of GCIII-118, a release instead
            # of repatriation) is no release the duty asks for: he left, the duty unmet.
            return False
        return rule.met_by != "return_home" or _returns_home(moment)


def _assumed(rule: ObligationRule, assumptions: Assumptions) -> int | None:
    if rule.without_delay and hasattr(assumptions, rule.period):
        value = getattr(assumptions, rule.period)
        return value if isinstance(value, int) else None
    if rule.without_delay and rule.period.endswith(" days"):
        return int(rule.period.split()[0])
    return None


def _close(item: _Open, status: Status, assumptions: Assumptions, **details: Any) -> Obligation:
    rule, start = item.rule, item.start
    agreed = start.due is not None
    return Obligation(
        rule.code,
        item.provision,
        start.on,
        start.index,
        item.due,
        status,
        without_delay=rule.without_delay,
        assumed_days=None if agreed else _assumed(rule, assumptions),
        due_agreed=agreed,
        text=rule.text_for(item.provision),
        **details,
    )


def _unlawful(moment: Moment) -> bool:
    """Whether the moment's step is a violation: applied though refused on a prohibition."""
    step = moment.step
    return (
        step.applied
        and step.outcome is not Outcome.ALLOWED
        and step.verdict.rests_on_prohibition()
    )


@attrs.define
class _Pass:
    """The one pass over the moments: the items open, those closed, whom he is owed to, and
    the items a later step may start again.
    """

    assumptions: Assumptions
    law: Law
    open: list[_Open] = attrs.Factory(list)
    closed: list[Obligation] = attrs.Factory(list)
    regime: str = "pow"
    occupied: bool = False
    """Whether he was captured in territory the detaining power occupies."""
    lapsed: dict[Lapse, list[_Open]] = attrs.Factory(dict)
    """Items lapsed for a reason some later step restarts, by that reason."""
    meeting: frozenset[type[Event]] = frozenset()
    """The event classes that may meet an open item: any other step meets nothing."""
    leaving: bool = False
    """Whether an open item is met by his leaving custody (a rule of an overlay)."""

    def _opened_now(self, still: list[_Open]) -> None:
        """The items open from now on."""
        self.open = still
        self.meeting = frozenset().union(*(item.meets for item in still))
        self.leaving = any(item.rule.met_by == "leaving_custody" for item in still)

    def read(self, moment: Moment) -> None:
        """Advance the docket over one moment: what it meets, ends, restarts and starts."""
        step = moment.step
        if not step.applied:
            return
        kind = type(step.event)
        if kind is ev.Capture:
            self.occupied = moment.facts.territory == "occupied"
        if kind in self.meeting or (self.leaving and _leaves(moment)):
            self._meet(moment)
        if kind in _CHANGING:
            self._change(moment, kind)

    def _change(self, moment: Moment, kind: type[Event]) -> None:
        """What a step of a kind in :data:`_CHANGING` ends, restarts and starts."""
        status = kind in _STATUS_STEPS
        why = self._regime_change(moment) if status else _LAPSES.get(kind)
        if why is Lapse.TRANSFERRED and _reserved(moment, self.regime):
            why = None
        if why is Lapse.HOSTILITIES_RESUMED and _hostilities_over(moment):
            why = None  # they resumed between other parties: still over for his pair
        if kind is ev.Capture:
            # Presumed a prisoner of war until a tribunal decides; a civilian is not (GCIV-4).
            self.regime = regime_of(moment)
        if why is not None and self.open:
            self._lapse(moment, why)
        for again in _RESTARTS.get(kind, ()):
            self._restart(moment, again)
        starts = _STARTS.get(kind)
        if starts is not None:
            for start in starts(moment, moment.step.event):
                self._start(start)
        if status:
            for start in _status_starts(moment, self.regime, why is Lapse.STATUS_CHANGED):
                self._start(start)
            if "civilian_internee" in moment.position.active:
                self._information_on_internment(moment)
        if kind in _REPATRIATION_CHECKS:
            self._repatriation(moment)

    def _information_on_internment(self, moment: Moment) -> None:
        """GCIV-136: interned before two weeks in custody, the information is owed from his
        internment.
        """
        on = moment.step.event.date
        for place, item in enumerate(self.open):
            if item.rule.code == "information" and item.start.on > on:
                start = _Start("information", moment.step.index, on)
                again = self._opened(start)
                if again is not None:
                    self._opened_now([*self.open[:place], again, *self.open[place + 1 :]])
                return

    def _meet(self, moment: Moment) -> None:
        met: list[_Open] = []
        still: list[_Open] = []
        for item in self.open:
            (met if item.met(moment) else still).append(item)
        if not met:
            return  # e.g. an ICRC visit without a private interview
        on, index = moment.step.event.date, moment.step.index
        unlawful = _unlawful(moment)
        for item in met:
            late = _met_on(moment, item.rule.code) > item.due
            self.closed.append(
                _close(
                    item,
                    Status.MET,
                    self.assumptions,
                    late=late,
                    met_by=index,
                    met_unlawfully=unlawful,
                )
            )
            if item.start.recurring and _answerable_after(moment, self.regime):
                again = self._opened(_Start(item.rule.code, index, on, recurring=True))
                if again is not None:
                    still.append(again)
        self._opened_now(still)

    def _regime_change(self, moment: Moment) -> Lapse | None:
        """Read whom he is owed to after a status doubt or determination: if that changed,
        the items owed before give way (``status_changed``).
        """
        regime = regime_of(moment)
        changed, self.regime = regime != self.regime, regime
        return Lapse.STATUS_CHANGED if changed else None

    def _lapse(self, moment: Moment, why: Lapse) -> None:
        lapsing = _LAPSING[why]
        on, index = moment.step.event.date, moment.step.index
        still: list[_Open] = []
        for item in self.open:
            if self._runs_on(item, why, lapsing):
                still.append(item)
            elif on > item.due:
                self.closed.append(_close(item, Status.OVERDUE, self.assumptions))
                if lapsing.renews_overdue:
                    self.lapsed.setdefault(why, []).append(item)
            else:
                self.closed.append(
                    _close(item, Status.LAPSED, self.assumptions, why=why, lapsed_by=index)
                )
                if lapsing.restarted_by:
                    self.lapsed.setdefault(why, []).append(item)
        self._opened_now(still)

    def _runs_on(self, item: _Open, why: Lapse, lapsing: _Lapsing) -> bool:
        code = item.rule.code
        if code in lapsing.spares or (lapsing.only is not None and code not in lapsing.only):
            return True
        if why is Lapse.STATUS_CHANGED and self.regime == "detainee":
            # Only ICRC access is owed to him now, under custom: it runs on (CIHL-124).
            provision = item.rule.provision_for("detainee")
            if provision is not None:
                item.provision = provision
                return True
        return False

    def _restart(self, moment: Moment, why: Lapse) -> None:
        index, on = moment.step.index, moment.step.event.date
        for item in self.lapsed.pop(why, ()):
            code = item.rule.code
            self._start(_Start(code, index, on, item.start.recurring, _set_due(moment, code)))

    def _repatriation(self, moment: Moment) -> None:
        """The repatriation duty starts when hostilities have ended and he is in the
        detaining power's hands (GCIII-118; GCIV-133).
        """
        if _answerable_after(moment, self.regime) and _hostilities_over(moment):
            step = moment.step
            due = _set_due(moment, "repatriation")
            self._start(_Start("repatriation", step.index, step.event.date, due=due))

    def _start(self, start: _Start) -> None:
        if any(item.rule.code == start.code for item in self.open):
            return  # already owed
        item = self._opened(start)
        if item is not None:
            # One item more: what may meet an open item grows by what may meet it.
            self.open = [*self.open, item]
            self.meeting |= item.meets
            self.leaving = self.leaving or item.rule.met_by == "leaving_custody"

    def _opened(self, start: _Start) -> _Open | None:
        rule = self.law.obligations[start.code]
        provision = rule.provision_in(self.regime, occupied=self.occupied)
        if provision is None:
            return None  # not owed to one in his position
        due = start.due or rule.days(self.assumptions, start.on)
        meets = self.law.remembered(("meeters", rule.code), lambda: _meeters(rule))
        return _Open(rule, provision, start, due, meets)

    def hold(self, item: _Open, last: Moment | None) -> HoldBack | None:
        """What lawfully holds an open item back on the as-of date, if anything."""
        if last is None:
            return None
        code = item.rule.code
        if code == "repatriation" and _PROCEEDINGS & last.position.active:
            return HoldBack.PROCEEDINGS
        if code == "medical_repatriation" and not _hostilities_over(last):
            home = last.after.power_of_origin
            verifiers = last.judge.assumptions.wish_verifiers
            if refusal_of(last.facts, home, verifiers) is Refusal.REFUSED:
                return HoldBack.HIS_REFUSAL
        return None


_CHANGING: frozenset[type[Event]] = frozenset(
    {*_LAPSES, *_RESTARTS, *_STARTS, *_REPATRIATION_CHECKS, *_STATUS_STEPS, ev.Capture}
)
"""The steps that may end, restart or start an obligation (most steps do none of these)."""


def _met_on(moment: Moment, code: str) -> datetime.date:
    """The day ``moment`` meets item ``code``: its own date, save for a release from a
    neutral custodian's hands under an agreement that made those not repatriated civilians
    from a set day (PANMUNJOM-TOR-11): the custodian's act then meets the detaining power's
    duty to release him (GCIII-118) as of that day at the latest.
    """
    on = moment.step.event.date
    if code != "repatriation" or type(moment.step.event) is not ev.ReleaseToThirdState:
        return on
    if "in_neutral_custody" not in moment.step.position.active:
        return on
    released = released_as_civilians(moment.facts, moment.judge.detaining_power)
    return min(on, released) if released is not None else on


def _set_due(moment: Moment, code: str) -> datetime.date | None:
    """A due date the record sets for ``code`` (None: the rule's period): for repatriation,
    the ``release_by`` of an agreement binding the detaining power.
    """
    if code != "repatriation":
        return None
    return release_by(moment.facts, moment.judge.detaining_power)


def _reserved(moment: Moment, regime: str) -> bool:
    """Whether the detaining power's reservation keeps it answerable after a transfer (the
    reservations to GCIII-12 of RU, KP and CN; for a protected person, any to GCIV-45).
    """
    judge = moment.judge
    article = _transfer_article(regime)
    return bool(judge.law.reservations(judge.detaining_power, article, moment.step.event.date))


def _answerable_after(moment: Moment, regime: str) -> bool:
    """Whether the detaining power answers for him after ``moment``: he is in its hands
    (custody or neutral hands), or transferred while its reservation keeps it answerable.
    """
    active = moment.position.active
    if _HELD & active:
        return True
    return _TRANSFERRED in active and _reserved(moment, regime)


def docket(
    moments: Sequence[Moment], as_of: datetime.date, assumptions: Assumptions, law: Law
) -> tuple[Obligation, ...]:
    """Every obligation a timeline's ``moments`` start, and its status on ``as_of``. Only
    events up to the as-of date count: ``moments`` must stop there.

    One pass: each step first meets or ends the obligations open before it, then starts its
    own (an obligation reads only the steps after the one that started it).
    """
    state = _Pass(assumptions, law)
    for moment in moments:
        state.read(moment)
    last = moments[-1] if moments else None
    obligations = state.closed
    for item in state.open:
        held = state.hold(item, last)
        if held is not None:
            obligations.append(
                _close(item, Status.PENDING, assumptions, held_back=True, held_back_by=held)
            )
        elif as_of > item.due:
            obligations.append(_close(item, Status.OVERDUE, assumptions))
        else:
            obligations.append(_close(item, Status.PENDING, assumptions))
    order = law.order("obligations")
    return tuple(sorted(obligations, key=lambda o: (o.started, order[o.code], o.started_by)))
