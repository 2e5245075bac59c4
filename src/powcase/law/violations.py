"""Violations: steps that broke the law, and incidents that are breaches.

In descriptive mode every step the legal path allows is applied, whatever its verdict. A step
refused on a prohibition that happened anyway is a *violation*; one refused only on
preconditions, or undetermined, is a *possible violation*: the record does not show what the
law required. Some incidents are breaches in both modes: identifiable media by the detaining
power without the ``media_exception`` (GCIII-13), a coercive interrogation (GCIII-17), weapons
used without warnings against one escaping (GCIII-42), a punishment beyond what an escape
allows (GCIII-91, GCIII-92, GCIII-93; an internee: GCIV-120) and active service after a
medical repatriation (GCIII-117). So is a death at a guard's hands during an escape without
warnings (GCIII-42), and an execution with no death sentence on record (GCIII-130; others
API-75(4)) or within six months of it (GCIII-101; GCIV-75), though ``die`` is a step. Where
the field that decides such a breach is not on record, it is a possible violation. In
normative mode no other step is ever a violation, since a refused step is not applied.

Each names the ``state`` that committed it: for a step, the state whose act it was (the
detaining power, or the power he was transferred to); for an incident, the detaining power
(while he is transferred, the power holding him), save that active service is the act of the
state he serves (``by``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from powcase._util.dates import add_months
from powcase._util.readable import cited, event_words, readable
from powcase.engine.facts import Facts
from powcase.engine.table import Position
from powcase.law.book import Law
from powcase.law.situation import HELD_AS_POW, acting_state
from powcase.model import contract
from powcase.model import events as ev
from powcase.model.events import Event, MachineEvent
from powcase.model.verdict import Outcome, Reading, Reason, ReasonKind

if TYPE_CHECKING:
    # Only for annotations: the rules' tables load without the engine.
    from powcase.law.moments import Moment


__all__ = ["Violation", "breach_checks", "find_violations"]


@readable
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

    def _summary(self) -> str:
        kind = "possible violation" if self.possible else "violation"
        return f"{kind} by {self.state}: {event_words(self.event)} (event {self.index})"

    def _details(self) -> list[str]:
        return [f"{r.text or r.code}{cited(r.cites)}" for r in self.reasons]

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


def _open(law: Law, code: str, cites: tuple[str, ...], unknown: tuple[str, ...]) -> Reason:
    """The reason of a possible breach: the provision it would break and the fields left out
    that decide it.
    """
    params = {"unknown": unknown}
    return Reason.given(code, ReasonKind.OPEN, cites, params, law.render(code, params))


@attrs.frozen
class _Breach:
    """What an incident (or a death) breached, or may have: its reason and the state."""

    reason: Reason
    state: str
    possible: bool = False


_MEDIA_READING = Reading("media_exception", False)
"""The option adopting the ICRC's 2020 reading of GCIII-13: identifiable media breach it, and
no public interest excuses them."""
_MEDIA_READINGS = {False: _MEDIA_READING, True: Reading("media_exception", True)}


def _media_reason(moment: Moment, event: ev.MediaExposure) -> Reason | None:
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


def _interrogation_reason(moment: Moment, event: ev.Interrogated) -> Reason | None:
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


def _bound(moment: Moment, state: str, *provision_ids: str) -> tuple[str, ...]:
    """Those of ``provision_ids`` that bound ``state`` on the event's date."""
    law, on = moment.judge.law, moment.step.event.date
    return tuple(p for p in provision_ids if law.binds(state, p, on))


def _holder(moment: Moment) -> str:
    """The state holding him when the event happened: the detaining power, or the power he
    was transferred to, which then answers for him (GCIII-12(2)).
    """
    step = moment.step
    return acting_state(step.position, step.facts, step.event.name, moment.judge.detaining_power)


_PRISONER, _INTERNEE = "prisoner", "internee"
_IN_OTHER_HANDS = frozenset(
    {"transferred_to_third_power", "interned_in_neutral_state", "in_neutral_custody", "escaped"}
)


def _protection(moment: Moment, position: Position, facts: Facts) -> str | None:
    """Whose escape rules protect him: a prisoner's (GCIII-91 to 93, GCIII-42), treated as
    one (API-44(4)), or presumed one before any status was decided (GCIII-5); an internee's
    (GCIV-120), a protected person; or neither (None), an unprivileged detainee outside both.
    Out of the detaining power's custody, the status he had there.
    """
    active = position.active
    leaves = active if _IN_OTHER_HANDS.isdisjoint(active) else position.remembered("in_custody")
    if HELD_AS_POW.intersection(leaves):
        return _PRISONER
    if "civilian_internee" in leaves:
        return _INTERNEE
    if "unprivileged_detainee" in leaves:
        if facts.status_grounds == "no_distinction":
            return _PRISONER
        judge = moment.judge
        return None if judge.detaining_power in judge.subject.nationality else _INTERNEE
    return _PRISONER


def _media_breach(moment: Moment, event: ev.MediaExposure, escape: str | None) -> _Breach | None:
    """GCIII-13: images or video that identify him, published by the detaining power itself,
    unless ``media_exception`` holds and a public interest was invoked.
    """
    reason = _media_reason(moment, event)
    return _Breach(reason, moment.judge.detaining_power) if reason is not None else None


def _interrogation_breach(
    moment: Moment, event: ev.Interrogated, escape: str | None
) -> _Breach | None:
    """GCIII-17: no coercion may be used in questioning him."""
    reason = _interrogation_reason(moment, event)
    return _Breach(reason, moment.judge.detaining_power) if reason is not None else None


def _weapons(
    moment: Moment, codes: tuple[str, str], used: bool | None, warned: bool | None
) -> _Breach | None:
    """GCIII-42: weapons against a prisoner escaping only after warnings. ``used``: whether
    weapons were used (None: not on record); a breach when used unwarned, possible where
    one of the two is not on record and the other points to a breach. ``codes``: the
    reason's code for a breach and for a possible one.
    """
    if used is False or warned is True or (used is None and warned is None):
        return None
    step = moment.step
    if _protection(moment, step.position, step.facts) != _PRISONER:
        return None
    state = _holder(moment)
    law = moment.judge.law
    cites = _bound(moment, state, "GCIII-42")
    if used is True and warned is False:
        return _Breach(_reason(law, codes[0], cites), state)
    unknown = tuple(f for f, v in (("force_used", used), ("warnings", warned)) if v is None)
    return _Breach(_open(law, codes[1], cites, unknown), state, possible=True)


def _attempt_breach(moment: Moment, event: ev.EscapeAttempt, escape: str | None) -> _Breach | None:
    """GCIII-42: weapons used to stop an attempt to escape only after a warning."""
    used = None if event.force_used is None else event.force_used == "weapons"
    codes = ("weapons_without_warning", "weapons_without_warning_open")
    return _weapons(moment, codes, used, event.warnings)


def _death_breach(moment: Moment, event: ev.Die, escape: str | None) -> _Breach | None:
    """GCIII-42: a guard may kill a prisoner escaping only as a last resort, after a warning
    (the step is allowed; the killing is the breach).
    """
    if event.cause == "executed":
        return _execution_breach(moment, event)
    if event.cause != "killed_by_guard" or event.during_escape is not True:
        return None
    codes = ("killed_escaping_without_warning", "killed_escaping_without_warning_open")
    return _weapons(moment, codes, True, event.warnings)


_NO_SENTENCE = {_PRISONER: ("GCIII-130",), _INTERNEE: ("GCIV-147",), None: ("API-75(4)",)}
"""What an execution with no lawful death sentence on record breaks, by whose rules protect
him: a prisoner's (GCIII-130, the wilful killing of a prisoner), a protected person's
(GCIV-147, the same under the Fourth Convention), or anyone else's (API-75(4), else the
customary CIHL-100: no penalty without a regular court's judgment)."""

_HELD = frozenset(
    {"in_custody", "transferred_to_third_power", "interned_in_neutral_state", "in_neutral_custody"}
)
"""Where a power holds him: the detaining power, or the power or neutral state he was handed to."""

_TOO_SOON = {_PRISONER: "GCIII-101", _INTERNEE: "GCIV-75"}
"""What an execution within six months of the sentence breaks (the six months run from the
protecting power's notice, which the sentence's date stands in for)."""


def _execution_breach(
    moment: Moment, event: ev.Die, lawful_sentence: bool = True
) -> _Breach | None:
    """An execution with no death sentence on record, or on one a conviction refused by the
    law passed (GCIII-130; a protected person GCIV-147; others API-75(4), else CIHL-100), or
    within six months of the sentence (GCIII-101; a protected person GCIV-75).
    """
    step = moment.step
    if _HELD.isdisjoint(step.position.active):
        return None  # no power held him: whoever killed him, these rules do not say
    protection = _protection(moment, step.position, step.facts)
    state = _holder(moment)
    law = moment.judge.law
    sentenced = step.facts.death_sentenced_on
    if sentenced is None or not lawful_sentence:
        cites = _bound(moment, state, *_NO_SENTENCE[protection])
        if not cites and protection != _PRISONER:
            cites = ("CIHL-100",)
        code = (
            "executed_without_sentence"
            if sentenced is None
            else "executed_without_lawful_sentence"
        )
        return _Breach(_reason(law, code, cites), state)
    article = _TOO_SOON.get(protection) if protection is not None else None
    if article is None or event.date >= add_months(sentenced, 6):
        return None
    cites = _bound(moment, state, article)
    return _Breach(_reason(law, "executed_within_six_months", cites), state)


_Rule = tuple[str, str, bool] | None
"""What a punishment of a prisoner of war breaches: its reason's code, the provision, and
whether the breach is only possible (None: none)."""


def _for_escape(succeeded: bool, kind: str | None, violent: bool | None) -> _Rule:
    """A punishment for an escape: none for one that had succeeded before his recapture
    (GCIII-91); disciplinary only for an attempt (GCIII-92). ``succeeded``: the last escape
    on record is an ``escape`` and its ``recapture``, not an ``escape_attempt`` (with no
    escape on record, he was punished for an attempt).
    """
    if succeeded:
        # GCIII-91: no punishment at all for an escape that had succeeded.
        return ("punished_for_successful_escape", "GCIII-91", False)
    if kind == "disciplinary":
        return None
    # GCIII-92: an attempt brings disciplinary punishment only.
    return ("judicial_punishment_for_attempt", "GCIII-92", kind is None)


def _for_offence(succeeded: bool, kind: str | None, violent: bool | None) -> _Rule:
    """A punishment for an offence done only to escape: disciplinary only, unless it was
    violent to life or limb (GCIII-93), whether or not the escape succeeded.
    """
    if kind == "disciplinary" or violent is True:
        return None
    # GCIII-93: a non-violent offence done only to escape brings discipline only.
    return ("judicial_punishment_for_escape_offence", "GCIII-93", kind is None or violent is None)


def _punishment_breach(moment: Moment, event: ev.Punished, escape: str | None) -> _Breach | None:
    """A punishment tied to an escape. For a prisoner of war: none for an escape that had
    succeeded (GCIII-91), discipline only for an attempt (GCIII-92) or for a non-violent
    offence done only to escape (GCIII-93). For an internee: discipline only for an escape or
    an attempt (GCIV-120).
    """
    if event.for_ is None and escape is None:
        return None  # nothing on record ties it to an escape
    step = moment.step
    protection = _protection(moment, step.position, step.facts)
    if protection is None:
        return None
    state = _holder(moment)
    law = moment.judge.law
    if protection == _INTERNEE:
        # GCIV-120: an escape or an attempt brings an internee discipline only; GCIV-121
        # asks leniency for offences done to escape, but sets no such bar.
        if event.for_ not in ("escape", None) or event.kind == "disciplinary":
            return None
        cites = _bound(moment, state, "GCIV-120")
        if event.for_ == "escape" and event.kind == "judicial":
            return _Breach(_reason(law, "internee_judicially_punished_for_escape", cites), state)
        unknown = tuple(f for f, v in (("for", event.for_), ("kind", event.kind)) if v is None)
        return _Breach(_open(law, "punishment_open", cites, unknown), state, possible=True)
    succeeded = escape == "succeeded"
    # What it was for decides the rule; not on record, each reading that could breach one.
    by_cause = {
        "escape": _for_escape(succeeded, event.kind, event.violent),
        "offence_to_escape": _for_offence(succeeded, event.kind, event.violent),
    }
    causes = (event.for_,) if event.for_ is not None else tuple(by_cause)
    rules = [r for cause in causes if (r := by_cause.get(cause)) is not None]
    if not rules:
        return None
    if event.for_ is not None and not rules[0][2]:
        code, provision, _ = rules[0]
        return _Breach(_reason(law, code, _bound(moment, state, provision)), state)
    provisions = tuple(dict.fromkeys(r[1] for r in rules))
    fields = (("for", event.for_), ("kind", event.kind), ("violent", event.violent))
    # Whether the offence was violent matters only to GCIII-93.
    unknown = tuple(
        f for f, v in fields if v is None and (f != "violent" or "GCIII-93" in provisions)
    )
    cites = _bound(moment, state, *provisions)
    return _Breach(_open(law, "punishment_open", cites, unknown), state, possible=True)


def _active_service_breach(
    moment: Moment, event: ev.ReturnedToActiveService, escape: str | None
) -> _Breach | None:
    """GCIII-117: the state he depends on may not put him back into active service after a
    medical repatriation, while the hostilities he was captured in last.
    """
    step = moment.step
    if "medically_repatriated" not in step.position.active:
        return None
    ended = step.facts.hostilities_ended_between(event.by, moment.judge.detaining_power)
    if ended is not None and ended <= event.date:
        return None
    cites = _bound(moment, event.by, "GCIII-117")
    reason = _reason(
        moment.judge.law, "active_service_after_medical_repatriation", cites, state=event.by
    )
    return _Breach(reason, event.by)


def _removal_breach(
    moment: Moment, event: ev.RemovedFromOccupiedTerritory, escape: str | None
) -> _Breach | None:
    """GCIV-49: a protected person captured in occupied territory is not taken out of it,
    save an evacuation for his safety or imperative military reasons; GCIV-76: one accused
    or convicted is detained in the occupied country.
    """
    step = moment.step
    if step.facts.territory != "occupied" or not moment.before.protected_person:
        return None
    state = _holder(moment)
    accused = bool({"charged", "sentenced"} & step.position.active)
    law = moment.judge.law
    if accused and event.evacuation is True:
        # GCIV-76 keeps an accused in the occupied country, evacuation or not.
        cites = _bound(moment, state, "GCIV-76")
        return _Breach(_reason(law, "accused_removed_from_occupied_territory", cites), state)
    cites = _bound(moment, state, "GCIV-49", *(("GCIV-76",) if accused else ()))
    if event.evacuation is None:
        return _Breach(_open(law, "removal_open", cites, ("evacuation",)), state, possible=True)
    if event.evacuation:
        return None
    return _Breach(_reason(law, "removed_from_occupied_territory", cites), state)


# Each check takes the event class it is keyed by; the table is typed loosely for that reason.
_BREACHES: dict[type[Event], Callable[[Moment, Any, str | None], _Breach | None]] = {
    ev.MediaExposure: _media_breach,
    ev.Interrogated: _interrogation_breach,
    ev.EscapeAttempt: _attempt_breach,
    ev.Punished: _punishment_breach,
    ev.ReturnedToActiveService: _active_service_breach,
    ev.RemovedFromOccupiedTerritory: _removal_breach,
    ev.Die: _death_breach,
}
"""The incidents (and the step) that can be breaches by themselves, by event class, with their
check; each also gets the last escape on record before it."""

_ESCAPES: dict[type[Event], str] = {ev.Escape: "succeeded", ev.EscapeAttempt: "attempt"}
"""The events that put an escape on record: one that succeeded, or an attempt."""


def breach_checks() -> dict[str, Callable[..., _Breach | None]]:
    """The check of each event that can be a breach by itself, by event name: what the law
    review shows beside the provisions it cites.
    """
    return {cls.name: check for cls, check in _BREACHES.items()}


def find_violations(moments: Iterable[Moment]) -> tuple[Violation, ...]:
    """Every violation and possible violation among ``moments``, in record order."""
    found: list[Violation] = []
    escape: str | None = None  # the last escape on record: succeeded, attempt, or None
    lawful_sentence = True  # whether the last death sentence came from a lawful conviction
    for moment in moments:
        step = moment.step
        event = step.event
        if isinstance(event, ev.Convict) and step.applied and event.sentence == "death":
            # A sentence the law refused is none; one left open is not known to be unlawful.
            lawful_sentence = step.outcome is not Outcome.REFUSED
        check = _BREACHES.get(type(event))
        if check is not None and (step.applied or not isinstance(event, MachineEvent)):
            if isinstance(event, ev.Die) and event.cause == "executed":
                breach = _execution_breach(moment, event, lawful_sentence)
            else:
                breach = check(moment, event, escape)
            if breach is not None:
                found.append(
                    Violation(step.index, event, (breach.reason,), breach.state, breach.possible)
                )
        if type(event) in _ESCAPES and (step.applied or not isinstance(event, MachineEvent)):
            escape = _ESCAPES[type(event)]
        if isinstance(event, MachineEvent):
            if not step.applied or step.outcome is Outcome.ALLOWED:
                continue
            prohibited = step.verdict.rests_on_prohibition()
            reasons = step.verdict.failing or step.verdict.reasons
            state = acting_state(
                step.position, step.facts, step.event.name, moment.judge.detaining_power
            )
            found.append(Violation(step.index, step.event, reasons, state, not prohibited))
    return tuple(found)
