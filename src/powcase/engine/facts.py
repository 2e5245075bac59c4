"""What the record has established so far, folded event by event.

Guards read facts, never the raw event list, so each step is judged on what was on record
before it, and replay costs one fold per event. Incidents always enter the facts; a machine
event does only when it was applied (a refused ``determine_status`` decides nothing).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import attrs

from powcase._util.derived import derived
from powcase.model import events as ev
from powcase.model.events import Event
from powcase.model.fields import TermProvisions

__all__ = ["VERIFIER_READINGS", "Agreement", "Facts", "Wish", "counts"]


@attrs.frozen
class Wish:
    """A wish on record: where he wants to go, who reports it, whether a verification that
    counts confirmed it, and any condition he set on it.
    """

    destination: str
    sources: tuple[str, ...]
    date: datetime.date
    index: int
    verified: bool = False
    """Whether a ``wish_verified`` that counts under the reading confirmed it."""
    free: bool | None = None
    confidence: float | None = None
    condition: str | None = None


VERIFIER_READINGS = ("independent", "independent_private", "any")
"""The options of the ``wish_verifiers`` assumption, in the order :attr:`Facts.wish_views`
holds a view for each."""


def counts(event: ev.WishVerified) -> tuple[bool, bool, bool]:
    """Whether a verification counts under each of :data:`VERIFIER_READINGS`: by an
    independent verifier; by one after a private interview; by anyone.
    """
    independent = event.independent
    return (independent, independent and event.private_interview is True, True)


@attrs.frozen
class Agreement:
    """An agreement on record: what it is for, whom it binds, what it provides and which
    articles say so.
    """

    kind: str
    between: frozenset[str]
    terms: frozenset[str]
    """Its terms; an agreement for neutral custody or neutral internment has that term by
    its kind."""
    provision: TermProvisions | None
    release_by: datetime.date | None
    custodian: str | None
    index: int

    @classmethod
    def of(cls, event: ev.AgreementConcluded, index: int) -> Agreement:
        """The agreement an ``agreement_concluded`` puts on record."""
        terms = set(event.terms)
        if event.kind in ("neutral_custody", "neutral_internment"):
            terms.add(event.kind)
        return cls(
            event.kind,
            frozenset(event.between),
            frozenset(terms),
            event.provision,
            event.release_by,
            event.custodian,
            index,
        )

    def cites(self, term: str) -> tuple[str, ...]:
        """The articles a reason resting on ``term`` cites: those mapped to it, else those
        given for the whole agreement, else GCIII-6 (the article on special agreements).
        """
        named = self.provision.cites(term) if self.provision is not None else ()
        return named or ("GCIII-6",)


# Not slotted: a new value is the old one's __dict__ with a change (see replaced).
@attrs.frozen(slots=False)
class Facts:
    """The facts the guards read, as of a point in the record."""

    captured_on: datetime.date | None = None
    surrendered: bool = False
    hors_de_combat_cause: str | None = None
    """Why he fell out of combat before capture: wounded, sick or surrender."""
    wish_views: tuple[tuple[Wish, ...], ...] = ((), (), ())
    """His wishes as each reading of ``wish_verifiers`` sees them (in the order of
    :data:`VERIFIER_READINGS`): the last verification that counts under it (if any) first,
    then every claim since, latest per source; a verification that does not count is a
    claim from its sources. Withdrawn wishes are left out."""
    consents: frozenset[str] = frozenset()
    """The states that agreed to receive him, whatever the scope of their consent."""
    transfer_consents: frozenset[str] = frozenset()
    """The states whose consent covers a transfer (scope ``transfer`` or none given)."""
    release_consents: frozenset[str] = frozenset()
    """The states whose consent covers a release to them (scope ``release`` or none given)."""
    exchange_agreements: tuple[frozenset[str], ...] = ()
    neutral_agreements: tuple[frozenset[str], ...] = ()
    agreements: tuple[Agreement, ...] = ()
    """Every ``agreement_concluded`` on record, in order."""
    territory: str | None = None
    removed_from_occupied: bool = False
    """Whether he was taken out of the occupied territory he was captured in (GCIV-49)."""
    """Whose territory he was captured in (``capture.territory``; None: not on record)."""
    hostilities_ends: tuple[tuple[frozenset[str], datetime.date], ...] = ()
    """Each end of hostilities on record: the states it named (none: every party) and its day."""
    hostilities_resumptions: tuple[tuple[frozenset[str], int], ...] = ()
    """Each resumption of hostilities on record: the states it named (none: every party) and
    how many ends were on record before it (only a later end can end them again)."""
    medical_category: str | None = None
    """The last medical finding (``gcIII_110`` read as ``gcIII_110_1``)."""
    risks: tuple[tuple[str, str], ...] = ()
    """(state, kind) pairs named by ``risk_on_return`` incidents and not lifted since."""
    lifted: tuple[tuple[str, str], ...] = ()
    """(state, kind) pairs a ``risk_lifted`` ended, not named again since: they hold for
    the parties table's answers too."""
    allegations: tuple[bool | None, ...] = ()
    """The credibility of each war-crime allegation (None: not assessed)."""
    grave_breaches: tuple[tuple[bool | None, str | None], ...] = ()
    """Each war-crime allegation's credibility and the Convention whose grave breach it
    alleges (gciii, gciv, none; None: not said)."""
    war_crime_charged: bool = False
    """Whether he was ever charged with a war crime (the charge applied)."""
    alleged_acts: tuple[tuple[str | None, datetime.date | None], ...] = ()
    """Where and when each war-crime allegation says the act was committed (None: not said)."""
    offence_on: datetime.date | None = None
    """The day the act of the last war-crime allegation that dates it was committed."""
    death_sentenced_on: datetime.date | None = None
    """The day of the last conviction applied that passed a death sentence."""
    request: tuple[str, str] | None = None
    """The current protection request: (kind, state)."""
    requests: frozenset[tuple[str, str]] = frozenset()
    asked_at_mission: frozenset[str] = frozenset()
    """The states whose protection he asked for at their mission abroad (NKRA-7)."""
    asylum_granted: bool = False
    protection_granted_as: str | None = None
    """What the detaining state granted on his asylum claim: ``refugee`` or
    ``complementary`` (None: nothing granted)."""
    status_by_tribunal: bool = False
    status_grounds: str | None = None
    """The grounds of the last status determination applied (no_distinction, spy...)."""
    charge: str | None = None
    internment_release: bool = False
    failed_receivers: frozenset[str] = frozenset()
    destination: str | None = None
    """Where the last move out of custody took him (transfer, neutral state, third state)."""

    def replaced(self, **changes: Any) -> Facts:
        """The same facts with ``changes``: what ``attrs.evolve`` does, without re-running
        ``__init__`` (every event the record establishes goes through here).
        """
        if not _FIELD_NAMES.issuperset(changes):
            unknown = sorted(changes.keys() - _FIELD_NAMES)
            raise TypeError(f"Facts has no field {unknown[0]!r}")
        new: Facts = object.__new__(Facts)
        fields = new.__dict__
        fields.update(self.__dict__)
        if "acts" in fields and not _ACT_FIELDS.isdisjoint(changes):
            del fields["acts"]  # derived from these fields: worked out again
        fields.update(changes)
        return new

    @derived
    def acts(self) -> frozenset[str]:
        """What happened to him that a state may punish: capture, surrender."""
        done = set()
        if self.captured_on is not None:
            done.add("capture")
        if self.surrendered:
            done.add("surrender")
        return frozenset(done)

    def absorb(self, event: Event, index: int, *, detaining_power: str) -> Facts:
        """The facts after ``event`` (which must be an incident or an applied step)."""
        update = _UPDATES.get(type(event))
        return update(self, event, index, detaining_power) if update else self

    @property
    def hostilities_ended(self) -> datetime.date | None:
        """The day of the first end of hostilities on record, between any states."""
        return self.hostilities_ends[0][1] if self.hostilities_ends else None

    def hostilities_ended_between(self, state: str, other: str) -> datetime.date | None:
        """The day active hostilities ended between ``state`` and ``other``: the first end on
        record that names both, or names no states, after the last resumption that does
        (None: they go on).
        """
        since = 0  # the ends that count: those after the last resumption covering the pair
        for named, ends_before in self.hostilities_resumptions:
            if not named or (state in named and other in named):
                since = ends_before
        for named, day in self.hostilities_ends[since:]:
            if not named or (state in named and other in named):
                return day
        return None

    def wishes(self, reading: str) -> tuple[Wish, ...]:
        """His wishes as the ``wish_verifiers`` option ``reading`` sees them."""
        return self.wish_views[VERIFIER_READINGS.index(reading)]


_FIELD_NAMES = frozenset(field.name for field in attrs.fields(Facts))
_ACT_FIELDS = frozenset({"captured_on", "surrendered"})
"""The fields :attr:`Facts.acts` is derived from: facts that keep them keep the same value."""


def _capture(facts: Facts, event: ev.Capture, index: int, dp: str) -> Facts:
    return facts.replaced(captured_on=event.date, territory=event.territory)


def _fall(facts: Facts, event: ev.FallHorsDeCombat, index: int, dp: str) -> Facts:
    surrendered = facts.surrendered or event.cause == "surrender"
    return facts.replaced(surrendered=surrendered, hors_de_combat_cause=event.cause)


def _claimed(wishes: tuple[Wish, ...], new: Wish) -> tuple[Wish, ...]:
    """``wishes`` with the claim ``new``: a later wish from a source replaces that source's
    earlier one; a wish reported by several sources replaces the earlier claim of each of
    them. Unsourced wishes count as one source. A counting verification stays.
    """
    reporting = set(new.sources) or {""}
    kept = []
    for wish in wishes:
        if wish.verified:
            kept.append(wish)
            continue
        remaining = tuple(s for s in (wish.sources or ("",)) if s not in reporting)
        if not remaining:
            continue  # every source of it reports anew: the new claim replaces it
        if remaining == wish.sources:
            kept.append(wish)
        else:
            kept.append(_sourced(wish, tuple(s for s in remaining if s)))
    return (*kept, new)


def _sourced(wish: Wish, sources: tuple[str, ...]) -> Wish:
    """``wish`` reported by ``sources`` only (what ``attrs.evolve`` does, at a fraction of
    its cost: a record's wishes go through here for each reading).
    """
    return Wish(
        wish.destination,
        sources,
        wish.date,
        wish.index,
        wish.verified,
        wish.free,
        wish.confidence,
        wish.condition,
    )


def _each_view(
    views: tuple[tuple[Wish, ...], ...], change: Callable[[tuple[Wish, ...]], tuple[Wish, ...]]
) -> tuple[tuple[Wish, ...], ...]:
    """``change`` applied to each reading's view of his wishes, once per distinct view: the
    readings share a view until a verification counts under one and not another, and go on
    sharing the changed one.
    """
    first, *others = views
    changed = change(first)
    if all(view is first for view in others):
        return (changed,) * len(views)
    done = {id(first): changed}
    return tuple(done.get(id(v)) or done.setdefault(id(v), change(v)) for v in views)


def _wish(facts: Facts, event: ev.WishExpressed, index: int, dp: str) -> Facts:
    new = Wish(
        event.destination,
        event.source,
        event.date,
        index,
        free=event.free,
        confidence=event.confidence,
        condition=event.condition,
    )
    return facts.replaced(wish_views=_each_view(facts.wish_views, lambda v: _claimed(v, new)))


def _verified(facts: Facts, event: ev.WishVerified, index: int, dp: str) -> Facts:
    # A verification that counts under a reading starts its view afresh (it is his consent,
    # and free); one that does not is only a claim from its sources (who checked it says so).
    checked = Wish(
        event.destination,
        event.source,
        event.date,
        index,
        verified=True,
        free=True,
        condition=event.condition,
    )
    claim = Wish(event.destination, event.source, event.date, index, condition=event.condition)
    views = tuple(
        (checked,) if counted else _claimed(view, claim)
        for view, counted in zip(facts.wish_views, counts(event), strict=True)
    )
    return facts.replaced(wish_views=views)


def _withdrawn(facts: Facts, event: ev.WishWithdrawn, index: int, dp: str) -> Facts:
    gone = event.destination
    views = tuple(tuple(w for w in view if w.destination != gone) for view in facts.wish_views)
    return facts.replaced(wish_views=views)


def _consent(facts: Facts, event: ev.ReceivingStateConsents, index: int, dp: str) -> Facts:
    state, scope = {event.state}, event.scope
    changes = {"consents": facts.consents | state}
    if scope in (None, "transfer"):
        changes["transfer_consents"] = facts.transfer_consents | state
    if scope in (None, "release"):
        changes["release_consents"] = facts.release_consents | state
    return facts.replaced(**changes)


def _exchange_agreed(facts: Facts, event: ev.ExchangeAgreed, index: int, dp: str) -> Facts:
    between = frozenset(event.between)
    # An agreement_concluded of kind exchange, with no terms on record.
    agreement = Agreement("exchange", between, frozenset(), None, None, None, index)
    return facts.replaced(
        exchange_agreements=(*facts.exchange_agreements, between),
        agreements=(*facts.agreements, agreement),
    )


def _agreement(facts: Facts, event: ev.AgreementConcluded, index: int, dp: str) -> Facts:
    agreement = Agreement.of(event, index)
    changes: dict[str, Any] = {"agreements": (*facts.agreements, agreement)}
    if "neutral_internment" in agreement.terms:
        changes["neutral_agreements"] = (*facts.neutral_agreements, agreement.between)
    if event.kind == "exchange":
        changes["exchange_agreements"] = (*facts.exchange_agreements, agreement.between)
    return facts.replaced(**changes)


def _hostilities(facts: Facts, event: ev.HostilitiesEnded, index: int, dp: str) -> Facts:
    ends = (*facts.hostilities_ends, (frozenset(event.between), event.date))
    return facts.replaced(hostilities_ends=ends)


def _removed(facts: Facts, event: ev.RemovedFromOccupiedTerritory, index: int, dp: str) -> Facts:
    return facts.replaced(removed_from_occupied=True)


def _resumed(facts: Facts, event: ev.HostilitiesResumed, index: int, dp: str) -> Facts:
    resumption = (frozenset(event.between), len(facts.hostilities_ends))
    return facts.replaced(hostilities_resumptions=(*facts.hostilities_resumptions, resumption))


def _medical(facts: Facts, event: ev.MedicalAssessment, index: int, dp: str) -> Facts:
    # gcIII_110, the earlier name, is a finding for direct repatriation.
    category = "gcIII_110_1" if event.category == "gcIII_110" else event.category
    return facts.replaced(medical_category=category)


def _risk(facts: Facts, event: ev.RiskOnReturn, index: int, dp: str) -> Facts:
    named = (event.state, event.kind)
    risks = tuple(dict.fromkeys((*facts.risks, named)))
    if named not in facts.lifted:
        return facts.replaced(risks=risks)
    return facts.replaced(risks=risks, lifted=tuple(r for r in facts.lifted if r != named))


def _risk_lifted(facts: Facts, event: ev.RiskLifted, index: int, dp: str) -> Facts:
    named = (event.state, event.kind)
    return facts.replaced(
        risks=tuple(r for r in facts.risks if r != named),
        lifted=tuple(dict.fromkeys((*facts.lifted, named))),
    )


def _allegation(facts: Facts, event: ev.WarCrimeAllegation, index: int, dp: str) -> Facts:
    return facts.replaced(
        allegations=(*facts.allegations, event.credible),
        grave_breaches=(*facts.grave_breaches, (event.credible, event.grave_breach_of)),
        alleged_acts=(*facts.alleged_acts, (event.place, event.committed_on)),
        offence_on=event.committed_on or facts.offence_on,
    )


def _request(facts: Facts, event: ev.RequestProtection, index: int, dp: str) -> Facts:
    request = (event.kind, event.state or dp)
    if event.via == "mission":
        missions = facts.asked_at_mission | {request[1]}
        return facts.replaced(
            request=request, requests=facts.requests | {request}, asked_at_mission=missions
        )
    return facts.replaced(request=request, requests=facts.requests | {request})


def _decision(facts: Facts, event: ev.DecideProtection, index: int, dp: str) -> Facts:
    asylum = facts.request is not None and facts.request[0] == "asylum"
    if not (event.granted and asylum):
        return facts
    return facts.replaced(asylum_granted=True, protection_granted_as=event.granted_as or "refugee")


def _status(facts: Facts, event: ev.DetermineStatus, index: int, dp: str) -> Facts:
    by_tribunal = facts.status_by_tribunal or event.by == "tribunal"
    return facts.replaced(status_by_tribunal=by_tribunal, status_grounds=event.grounds)


def _charge(facts: Facts, event: ev.Charge, index: int, dp: str) -> Facts:
    charged = facts.war_crime_charged or event.offence == "war_crime"
    return facts.replaced(charge=event.offence, war_crime_charged=charged)


def _convicted(facts: Facts, event: ev.Convict, index: int, dp: str) -> Facts:
    if event.sentence != "death":
        return facts
    return facts.replaced(death_sentenced_on=event.date)


def _charge_ends(facts: Facts, event: Event, index: int, dp: str) -> Facts:
    return facts.replaced(charge=None)


def _review(facts: Facts, event: ev.InternmentReviewed, index: int, dp: str) -> Facts:
    return facts.replaced(internment_release=event.outcome == "release")


def _failed(facts: Facts, event: ev.ReceivingPowerFailed, index: int, dp: str) -> Facts:
    return facts.replaced(failed_receivers=facts.failed_receivers | {event.state})


def _transferred(facts: Facts, event: ev.TransferToPower, index: int, dp: str) -> Facts:
    return facts.replaced(destination=event.to)


def _interned(facts: Facts, event: ev.InternInNeutralState, index: int, dp: str) -> Facts:
    return facts.replaced(destination=event.state)


def _neutral_custody(
    facts: Facts, event: ev.HandOverToNeutralCustody, index: int, dp: str
) -> Facts:
    return facts.replaced(destination=event.state)


def _released(facts: Facts, event: ev.ReleaseToThirdState, index: int, dp: str) -> Facts:
    return facts.replaced(destination=event.to)


# Each update takes the event class it is keyed by; the table is typed loosely for that reason.
_UPDATES: dict[type[Event], Callable[[Facts, Any, int, str], Facts]] = {
    ev.Capture: _capture,
    ev.FallHorsDeCombat: _fall,
    ev.WishExpressed: _wish,
    ev.WishVerified: _verified,
    ev.WishWithdrawn: _withdrawn,
    ev.ReceivingStateConsents: _consent,
    ev.ExchangeAgreed: _exchange_agreed,
    ev.AgreementConcluded: _agreement,
    ev.HostilitiesEnded: _hostilities,
    ev.HostilitiesResumed: _resumed,
    ev.RemovedFromOccupiedTerritory: _removed,
    ev.MedicalAssessment: _medical,
    ev.RiskOnReturn: _risk,
    ev.RiskLifted: _risk_lifted,
    ev.WarCrimeAllegation: _allegation,
    ev.RequestProtection: _request,
    ev.DecideProtection: _decision,
    ev.DetermineStatus: _status,
    ev.Charge: _charge,
    ev.Convict: _convicted,
    ev.Acquit: _charge_ends,
    ev.CompleteSentence: _charge_ends,
    ev.InternmentReviewed: _review,
    ev.ReceivingPowerFailed: _failed,
    ev.TransferToPower: _transferred,
    ev.InternInNeutralState: _interned,
    ev.HandOverToNeutralCustody: _neutral_custody,
    ev.ReleaseToThirdState: _released,
}
