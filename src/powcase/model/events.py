"""The events of a record: machine events that move the legal path, and incidents.

Every event has a ``date``, optional ``source`` ids and an optional ``note``. Machine events
move the statechart and are judged; incidents only add facts, and
may be recorded in any state. Each class is a frozen attrs value object; its fields are
declared once with the builders of :mod:`powcase.model.fields`, which is where ``describe()`` and
the loaders read them from.

>>> capture = Capture(date="2025-01-09", wounded=True, place="Kursk", by="UA")
>>> capture.date, capture.place, capture.territory
(datetime.date(2025, 1, 9), 'Kursk', None)
>>> event_from_dict({"date": "2025-02-19", "event": "wish_expressed", "destination": "KR"}).name
'wish_expressed'
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from powcase._util.i18n import problem_text
from powcase._util.suggest import closest
from powcase.errors import InvalidInput, Problem
from powcase.model.fields import (
    TermProvisions,
    attribute_name,
    bool_field,
    choice_field,
    choices_field,
    confidence_field,
    date_field,
    field_specs,
    from_plain,
    provisions_field,
    sources_field,
    state_field,
    state_or_field,
    states_field,
    text_field,
    to_plain,
)

__all__ = [
    "EVENT_TYPES",
    "INCIDENTS",
    "MACHINE_EVENTS",
    "Event",
    "Incident",
    "MachineEvent",
    "Move",
    "event_from_dict",
]

CAUSES_OF_DEATH = (
    "wounds",
    "illness",
    "killed_by_guard",
    "killed_by_prisoner",
    "killed_by_other",
    "executed",
    "unknown",
)
STATUS_OUTCOMES = ("pow", "civilian_internee", "unprivileged_detainee")
MEDICAL_CATEGORIES = ("none", "minor", "serious", "gcIII_110_1", "gcIII_110_2", "gcIII_110")
DIRECT_REPATRIATION = frozenset({"gcIII_110_1", "gcIII_110"})
"""The medical categories that are a finding for direct repatriation (GCIII-110(1))."""
CONSENT_SCOPES = ("transfer", "release")
"""What a receiving state's consent covers: a transfer to it, or a release to it."""
STATUS_GROUNDS = ("mercenary", "spy", "no_distinction", "civilian", "other")
AGREEMENT_KINDS = (
    "neutral_internment",
    "exchange",
    "armistice",
    "neutral_custody",
    "transfer",
    "other",
)
VERIFIERS = (
    "icrc",
    "unhcr",
    "protecting_power",
    "neutral_commission",
    "detaining_power",
    "intelligence_service",
    "receiving_state",
    "press",
    "ngo",
    "other",
)
"""Who may have verified a wish (``wish_verified.verifier``)."""
INDEPENDENT_VERIFIERS = frozenset({"icrc", "unhcr", "protecting_power", "neutral_commission"})
"""The verifiers independent of the parties, whose check can show a wish free (GCIII-7)."""
_INDEPENDENT_NAMES = frozenset(
    {
        "icrc",
        "internationalcommitteeoftheredcross",
        "unhcr",
        "protectingpower",
        "nnrc",
    }
)
"""The ``by`` names of independent verifiers, lower case without spaces or underscores."""
AGREEMENT_TERMS = (
    "voluntary_repatriation",
    "no_force",
    "all_for_all",
    "non_refoulement",
    "neutral_custody",
    "neutral_internment",
    "civilian_release",
)


@attrs.frozen(kw_only=True)
class Event:
    """What every event has: when it happened, who reported it, and a note."""

    name: ClassVar[str] = ""
    event_kind: ClassVar[str] = ""

    date: datetime.date = date_field("the day it happened (the step is judged on this date)")
    source: tuple[str, ...] = sources_field("the ids of the sources that report it")
    note: str | None = text_field("free text kept with the event")

    def fields(self) -> dict[str, Any]:
        """The event's own fields (not date, source or note) that differ from their default."""
        base = {"date", "source", "note"}
        return {
            name: to_plain(getattr(self, attribute_name(name)))
            for name, spec in field_specs(type(self)).items()
            if name not in base and getattr(self, attribute_name(name)) != spec.default
        }

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form, as in a scenario file: ``{"date": ..., "event": ..., ...}``."""
        plain: dict[str, Any] = {"date": self.date.isoformat(), "event": self.name}
        plain.update(self.fields())
        if self.source:
            plain["source"] = self.source[0] if len(self.source) == 1 else list(self.source)
        if self.note is not None:
            plain["note"] = self.note
        return plain


@attrs.frozen(kw_only=True)
class MachineEvent(Event):
    """An event that moves the legal path; it is judged before it is applied."""

    event_kind: ClassVar[str] = "machine"


@attrs.frozen(kw_only=True)
class Move(MachineEvent):
    """A machine event that hands him to another state; non-refoulement applies to it."""

    @property
    def destination(self) -> str | None:
        """The state he is handed to (None: his power of origin, for a plain repatriation).

        Each move overrides this with the field that names its destination.
        """
        return None


@attrs.frozen(kw_only=True)
class Incident(Event):
    """A fact that changes no state; it feeds guards, flags and the docket."""

    event_kind: ClassVar[str] = "incident"


# --- machine events


@attrs.frozen(kw_only=True)
class FallHorsDeCombat(MachineEvent):
    """He is wounded, sick or surrendering and out of the fight, not yet secured (API-41)."""

    name: ClassVar[str] = "fall_hors_de_combat"
    cause: str | None = choice_field("why he is out of combat", ("wounded", "sick", "surrender"))


@attrs.frozen(kw_only=True)
class RejoinForces(MachineEvent):
    """He got back to his own lines before the adverse party secured him."""

    name: ClassVar[str] = "rejoin_forces"


@attrs.frozen(kw_only=True)
class Capture(MachineEvent):
    """He falls into the power of the detaining power; GCIII protection starts (GCIII-5)."""

    name: ClassVar[str] = "capture"
    wounded: bool | None = bool_field("whether he was wounded when captured")
    place: str | None = text_field("where he was captured")
    by: str | None = state_field(
        "the capturing state; the detaining power when left out", required=False
    )
    territory: str | None = choice_field(
        "whose territory he was captured in: own (the detaining power's), occupied (adverse "
        "territory it effectively controls), adverse (adverse territory it does not control) "
        "or other; set from the sources, not from the place's name",
        ("own", "occupied", "adverse", "other"),
    )


@attrs.frozen(kw_only=True)
class RaiseStatusDoubt(MachineEvent):
    """Doubt arises whether he is a prisoner of war; he keeps POW treatment (GCIII-5)."""

    name: ClassVar[str] = "raise_status_doubt"
    reason: str | None = text_field("why his status is in doubt")


@attrs.frozen(kw_only=True)
class DetermineStatus(MachineEvent):
    """A tribunal or an authority decides his status (GCIII-5, API-45)."""

    name: ClassVar[str] = "determine_status"
    outcome: str = choice_field("the status decided", STATUS_OUTCOMES, required=True)
    by: str = choice_field("who decided", ("tribunal", "authority"), required=True)
    grounds: str | None = choice_field(
        "why, where he is found not to be a prisoner of war: mercenary, spy, no_distinction "
        "(he did not distinguish himself from civilians), civilian or other",
        STATUS_GROUNDS,
    )
    conditions_met: bool | None = bool_field(
        "for a member of another organised group: whether it meets the four conditions of "
        "GCIII-4A(2) (a responsible commander, a fixed sign, arms carried openly, the laws of war)"
    )
    in_uniform: bool | None = bool_field(
        "for grounds spy: whether he wore his forces' uniform while gathering information"
    )


@attrs.frozen(kw_only=True)
class RequestProtection(MachineEvent):
    """He asks for asylum in the detaining state, or for release to a third state."""

    name: ClassVar[str] = "request_protection"
    kind: str = choice_field("what he asks for", ("asylum", "third_state"), required=True)
    state: str | None = state_field(
        "the state asked; for asylum the detaining power when left out", required=False
    )
    via: str | None = choice_field(
        "how he asked a third state: at its mission abroad (for KR, NKRA-7) or otherwise",
        ("mission", "other"),
    )

    def __attrs_post_init__(self) -> None:
        if self.kind == "third_state" and self.state is None:
            raise InvalidInput.single(
                "state",
                problem_text("is required when kind is third_state"),
                expected=problem_text("a state code"),
            )


@attrs.frozen(kw_only=True)
class DecideProtection(MachineEvent):
    """The request is decided: by the detaining power (asylum) or the requested state."""

    name: ClassVar[str] = "decide_protection"
    granted: bool = bool_field("whether protection was granted", required=True)
    grounds: str | None = text_field("the grounds given")
    granted_as: str | None = choice_field(
        "for asylum granted: refugee status (the default) or complementary protection under "
        "national law",
        ("refugee", "complementary"),
    )
    by: str | None = text_field("the body that decided")


@attrs.frozen(kw_only=True)
class Charge(MachineEvent):
    """He is charged with an offence (GCIII-82 to 88, 99 to 108)."""

    name: ClassVar[str] = "charge"
    offence: str = choice_field(
        "what he is charged with",
        ("war_crime", "ordinary_crime", "participation_in_hostilities"),
        required=True,
    )


TRIAL_GUARANTEES = (
    "independent_court",
    "notice",
    "counsel",
    "interpreter",
    "appeal",
    "judgment_notified",
)
"""The trial guarantees a ``convict`` can say were missing."""

SENTENCES = ("death", "imprisonment", "other")
"""The sentences a ``convict`` can pass."""


@attrs.frozen(kw_only=True)
class Convict(MachineEvent):
    """He is convicted and sentenced (GCIII-84, GCIII-99 to 108, API-75)."""

    name: ClassVar[str] = "convict"
    fair_trial: bool = bool_field(
        "whether the trial gave the guarantees of GCIII-99 to 108", default=True
    )
    missing_guarantees: tuple[str, ...] = choices_field(
        "the trial guarantees it lacked: independent_court, notice (of the trial to the "
        "protecting power, of the charges to him), counsel, interpreter, appeal, "
        "judgment_notified",
        TRIAL_GUARANTEES,
    )
    sentence: str | None = choice_field(
        "the sentence passed: death, imprisonment or other", SENTENCES
    )


@attrs.frozen(kw_only=True)
class Acquit(MachineEvent):
    """He is acquitted; the proceedings end."""

    name: ClassVar[str] = "acquit"


@attrs.frozen(kw_only=True)
class CompleteSentence(MachineEvent):
    """He has served his sentence."""

    name: ClassVar[str] = "complete_sentence"


@attrs.frozen(kw_only=True)
class Exchange(Move):
    """He is handed over during hostilities under an exchange agreement (GCIII-6)."""

    name: ClassVar[str] = "exchange"
    to: str = state_field("the state he is handed to")

    @property
    def destination(self) -> str | None:
        """The state he is handed to."""
        return self.to


@attrs.frozen(kw_only=True)
class RepatriateMedically(Move):
    """Direct repatriation of the seriously wounded or sick (GCIII-109, GCIII-110)."""

    name: ClassVar[str] = "repatriate_medically"
    to: str = state_field("the state he is repatriated to")

    @property
    def destination(self) -> str | None:
        """The state he is handed to."""
        return self.to


@attrs.frozen(kw_only=True)
class InternInNeutralState(Move):
    """He is accommodated in a neutral state by agreement (GCIII-109, GCIII-111)."""

    name: ClassVar[str] = "intern_in_neutral_state"
    state: str = state_field("the neutral state")

    @property
    def destination(self) -> str | None:
        """The state he is handed to."""
        return self.state


@attrs.frozen(kw_only=True)
class HandOverToNeutralCustody(Move):
    """He is handed, still a prisoner, to a neutral custodian under the parties' agreement.

    The custodian holds him outside its members' lands (1953: the Neutral Nations
    Repatriation Commission, its Indian custodial force in Korea).
    """

    name: ClassVar[str] = "hand_over_to_neutral_custody"
    custodian: str | None = text_field("the neutral body that takes custody, e.g. NNRC")
    state: str = state_field("the state whose forces hold him for the custodian")

    @property
    def destination(self) -> str | None:
        """The state whose forces hold him."""
        return self.state


@attrs.frozen(kw_only=True)
class ReturnFromNeutralCustody(MachineEvent):
    """The neutral custodian hands him back; his custody resumes as it was.

    In January 1954 the Commission handed those left in its hands back to the sides that had
    held them.
    """

    name: ClassVar[str] = "return_from_neutral_custody"


@attrs.frozen(kw_only=True)
class TransferToPower(Move):
    """He is transferred, still a prisoner, to another party to GCIII (GCIII-12)."""

    name: ClassVar[str] = "transfer_to_power"
    to: str = state_field("the receiving power")

    @property
    def destination(self) -> str | None:
        """The state he is handed to."""
        return self.to


@attrs.frozen(kw_only=True)
class Recall(MachineEvent):
    """The transferring power takes him back after the receiving power failed (GCIII-12)."""

    name: ClassVar[str] = "recall"


@attrs.frozen(kw_only=True)
class ReleaseInDetainingState(MachineEvent):
    """He is released from captivity with protection in the detaining state."""

    name: ClassVar[str] = "release_in_detaining_state"


@attrs.frozen(kw_only=True)
class ReleaseToThirdState(Move):
    """He is released and moved to a consenting third state (GCIII-118, ICRC 2020 reading)."""

    name: ClassVar[str] = "release_to_third_state"
    to: str = state_field("the receiving third state")

    @property
    def destination(self) -> str | None:
        """The state he is handed to."""
        return self.to


@attrs.frozen(kw_only=True)
class Resettle(MachineEvent):
    """The third state's protection decision is granted (for KR: NKRA-3, NKRA-8, NKRA-9)."""

    name: ClassVar[str] = "resettle"
    by: str | None = choice_field(
        "who decided (KR, NKRA-8): the Minister of Unification, or the intelligence service's "
        "director in grave security cases",
        ("unification_minister", "nis_director"),
    )


@attrs.frozen(kw_only=True)
class Repatriate(Move):
    """Release and return after active hostilities (GCIII-118, CIHL-128)."""

    name: ClassVar[str] = "repatriate"
    to: str | None = state_field(
        "the state he is returned to; his power of origin when left out", required=False
    )

    @property
    def destination(self) -> str | None:
        """The state he is handed to."""
        return self.to


@attrs.frozen(kw_only=True)
class Escape(MachineEvent):
    """A successful escape: he rejoined his forces or left the captor's territory (GCIII-91)."""

    name: ClassVar[str] = "escape"


@attrs.frozen(kw_only=True)
class Recapture(MachineEvent):
    """He is caught again and returns to where he escaped from (GCIII-91, GCIII-92)."""

    name: ClassVar[str] = "recapture"


@attrs.frozen(kw_only=True)
class Die(MachineEvent):
    """He died (GCIII-120, GCIII-121; killed escaping without warnings: GCIII-42)."""

    name: ClassVar[str] = "die"
    cause: str = choice_field("the cause of death", CAUSES_OF_DEATH, default="unknown")
    during_escape: bool | None = bool_field("whether he died escaping or trying to escape")
    warnings: bool | None = bool_field(
        "whether he was warned before weapons were used against him (GCIII-42)"
    )


# --- incidents


@attrs.frozen(kw_only=True)
class Interrogated(Incident):
    """He was questioned (GCIII-17)."""

    name: ClassVar[str] = "interrogated"
    coercive: bool | None = bool_field("whether coercion was used")
    language_understood: bool | None = bool_field("whether he understood the language used")
    by: str | None = text_field("who questioned him")


@attrs.frozen(kw_only=True)
class MediaExposure(Incident):
    """Images, video or interviews of him were published (GCIII-13)."""

    name: ClassVar[str] = "media_exposure"
    identifiable: bool | None = bool_field("whether he can be identified")
    by: str | None = text_field("who published it; a state code for a state's own outlets")
    consented: bool | None = bool_field("whether he consented (it does not clear the flag)")
    public_interest: bool | None = bool_field("whether a public interest was invoked")


@attrs.frozen(kw_only=True)
class MedicalAssessment(Incident):
    """A medical finding on him (GCIII-31; GCIII-110 and GCIII-112 for repatriation)."""

    name: ClassVar[str] = "medical_assessment"
    category: str = choice_field(
        "what was found: none, minor, serious, gcIII_110_1 (a case for direct repatriation, "
        "GCIII-110(1)), gcIII_110_2 (a case for accommodation in a neutral country, "
        "GCIII-110(2)); gcIII_110, the earlier name, means gcIII_110_1",
        MEDICAL_CATEGORIES,
        required=True,
    )
    by: str | None = text_field("who assessed him, e.g. mixed_medical_commission")


@attrs.frozen(kw_only=True)
class SelfHarmOrderReported(Incident):
    """An order to self-harm rather than be captured is reported."""

    name: ClassVar[str] = "self_harm_order_reported"
    by: str | None = text_field("who reported the order")


@attrs.frozen(kw_only=True)
class SelfHarmAttempt(Incident):
    """He attempted to harm himself in custody."""

    name: ClassVar[str] = "self_harm_attempt"


@attrs.frozen(kw_only=True)
class WishExpressed(Incident):
    """He said where he wants to go, as a source reports it (unverified)."""

    name: ClassVar[str] = "wish_expressed"
    destination: str = state_or_field("a state, or stay (in the detaining state)", ("stay",))
    confidence: float | None = confidence_field("how sure he said he was, from 0 to 1")
    free: bool | None = bool_field("whether he expressed it freely")
    condition: str | None = text_field(
        "a condition he set on it, if any (a conditional wish settles nothing until an "
        "unconditional one)"
    )


@attrs.frozen(kw_only=True)
class WishVerified(Incident):
    """His wish was checked, e.g. by the ICRC in a private interview (GCIII-126).

    It is his consent only if the assumption ``wish_verifiers`` counts the verifier: by
    default the ICRC, UNHCR, a protecting power or a neutral commission (GCIII-7). Who
    verified is read from ``verifier``, else from ``by`` (see :attr:`independent`).
    """

    name: ClassVar[str] = "wish_verified"
    destination: str = state_or_field("a state, or stay (in the detaining state)", ("stay",))
    by: str | None = text_field("who verified it, e.g. ICRC")
    verifier: str | None = choice_field("what kind of body verified it", VERIFIERS)
    private_interview: bool | None = bool_field("whether the verifier heard him without witnesses")
    condition: str | None = text_field("a condition he set on his wish, if any")

    @property
    def independent(self) -> bool:
        """Whether the verifier is independent of the parties: the ICRC, UNHCR, a
        protecting power or a neutral commission. ``verifier`` decides; without it, ``by``,
        compared ignoring case, spaces and underscores: ``ICRC`` or the Committee's full
        name, ``UNHCR``, ``protecting power``, ``NNRC`` or a name with both "neutral" and
        "commission" in it.

        >>> WishVerified(date="2026-03-01", destination="KR", by="NNRC").independent
        True
        >>> WishVerified(date="2026-03-01", destination="KR", by="ICRC",
        ...              verifier="detaining_power").independent
        False
        """
        if self.verifier is not None:
            return self.verifier in INDEPENDENT_VERIFIERS
        if self.by is None:
            return False
        name = "".join(self.by.lower().replace("_", " ").split())
        return name in _INDEPENDENT_NAMES or ("neutral" in name and "commission" in name)


@attrs.frozen(kw_only=True)
class WishWithdrawn(Incident):
    """He withdrew his wish to go to a destination: every wish of his for it on record,
    verified or not, is set aside.
    """

    name: ClassVar[str] = "wish_withdrawn"
    destination: str = state_or_field("a state, or stay (in the detaining state)", ("stay",))


@attrs.frozen(kw_only=True)
class IcrcVisit(Incident):
    """The ICRC visited him (GCIII-126)."""

    name: ClassVar[str] = "icrc_visit"
    private_interview: bool | None = bool_field("whether he was interviewed without witnesses")


@attrs.frozen(kw_only=True)
class CaptureCardSent(Incident):
    """His capture card was sent (GCIII-70)."""

    name: ClassVar[str] = "capture_card_sent"


@attrs.frozen(kw_only=True)
class InformationTransmitted(Incident):
    """Information about him was transmitted (GCIII-122, GCIII-123)."""

    name: ClassVar[str] = "information_transmitted"
    to: str = state_or_field("a state, or CTA (the ICRC's Central Tracing Agency)", ("CTA",))


@attrs.frozen(kw_only=True)
class ExchangeOffered(Incident):
    """He was offered in an exchange."""

    name: ClassVar[str] = "exchange_offered"
    by: str | None = text_field("who made the offer")
    to: str | None = state_field("the state offered the exchange", required=False)


@attrs.frozen(kw_only=True)
class ExchangeAgreed(Incident):
    """An exchange agreement was concluded (GCIII-6)."""

    name: ClassVar[str] = "exchange_agreed"
    between: tuple[str, ...] = states_field("the states party to the agreement")


@attrs.frozen(kw_only=True)
class ExcludedFromExchange(Incident):
    """He was left out of an exchange."""

    name: ClassVar[str] = "excluded_from_exchange"
    reason: str | None = text_field("the reason given")


@attrs.frozen(kw_only=True)
class ReceivingStateConsents(Incident):
    """A state agreed to receive him: to hold him as a prisoner of war (or, a protected person,
    to apply the Fourth Convention) on a transfer (GCIII-12(2), GCIV-45(3)), or to admit him
    once released (GCIII-118); left out, either.
    """

    name: ClassVar[str] = "receiving_state_consents"
    state: str = state_field("the consenting state")
    scope: str | None = choice_field(
        "what it agreed to: transfer (to receive him and hold him as a prisoner of war, or a "
        "protected person, under GCIII-12(2) or GCIV-45(3)) or release (to admit him once "
        "released); left out, either",
        CONSENT_SCOPES,
    )


@attrs.frozen(kw_only=True)
class HostilitiesEnded(Incident):
    """Active hostilities ended between states; release and repatriation are due (GCIII-118).

    They end for every pair of the states named in ``between``, and for every party to the
    conflict when it names none.
    """

    name: ClassVar[str] = "hostilities_ended"
    between: tuple[str, ...] = states_field(
        "the states between which they ended (every party when left out)", required=False
    )


@attrs.frozen(kw_only=True)
class HostilitiesResumed(Incident):
    """Active hostilities resumed between states after an end on record: release and
    repatriation are no longer due between them (GCIII-118) until hostilities end again.

    They resume for every pair of the states named in ``between``, and for every party to the
    conflict when it names none.
    """

    name: ClassVar[str] = "hostilities_resumed"
    between: tuple[str, ...] = states_field(
        "the states between which they resumed (every party when left out)", required=False
    )


@attrs.frozen(kw_only=True)
class IdentityDocuments(Incident):
    """Identity documents were found on him."""

    name: ClassVar[str] = "identity_documents"
    issued_by: str = state_field("the issuing state")
    genuine: bool | None = bool_field("whether they are genuine")


@attrs.frozen(kw_only=True)
class WarCrimeAllegation(Incident):
    """An allegation that he committed a war crime (RC-1F, NKRA-9; a grave breach: GCIII-129)."""

    name: ClassVar[str] = "war_crime_allegation"
    credible: bool | None = bool_field("whether the allegation is credible")
    grave_breach_of: str | None = choice_field(
        "whether the act alleged is a grave breach, and of which Convention: gciii (the "
        "Third), gciv (the Fourth) or none",
        ("gciii", "gciv", "none"),
    )
    place: str | None = state_field("the state where the act was committed", required=False)
    committed_on: datetime.date | None = date_field(
        "the day the act was committed", required=False
    )


RISK_KINDS = (
    "persecution",
    "forced_labour",
    "arbitrary_detention",
    "enforced_disappearance",
    "torture",
    "death",
    "death_penalty",
    "prosecution",
)
"""What a state may face him with: the persecution-type kinds (persecution, forced labour,
arbitrary detention, enforced disappearance), torture, death (a killing, or a death sentence
ICCPR-6(2) forbids), a death penalty 6(2) allows, and prosecution (no bar on return)."""


@attrs.frozen(kw_only=True)
class RiskOnReturn(Incident):
    """A source says he faces a risk in a state (one kind; repeat it for more)."""

    name: ClassVar[str] = "risk_on_return"
    state: str = state_field("the state where he faces the risk")
    kind: str = choice_field("the risk", RISK_KINDS, required=True)
    basis: str | None = text_field("why the source thinks so")


@attrs.frozen(kw_only=True)
class RiskLifted(Incident):
    """A risk he faced in a state is gone for him (one kind; repeat it for more), whether a
    ``risk_on_return`` recorded it or the parties table gives it; a later ``risk_on_return``
    of that kind there raises it again.
    """

    name: ClassVar[str] = "risk_lifted"
    state: str = state_field("the state where the risk is gone")
    kind: str = choice_field("the risk", RISK_KINDS, required=True)


@attrs.frozen(kw_only=True)
class FamilyThreatened(Incident):
    """His family was threatened."""

    name: ClassVar[str] = "family_threatened"


@attrs.frozen(kw_only=True)
class InternmentReviewed(Incident):
    """His internment as a civilian was reviewed (GCIV-43)."""

    name: ClassVar[str] = "internment_reviewed"
    outcome: str = choice_field("the review's outcome", ("continue", "release"), required=True)


@attrs.frozen(kw_only=True)
class AgreementConcluded(Incident):
    """An agreement between states about prisoners was concluded (GCIII-6).

    It may be for an exchange, internment in a neutral state (GCIII-111), neutral custody,
    or an armistice's terms; it binds the states between which it was made.
    """

    name: ClassVar[str] = "agreement_concluded"
    kind: str = choice_field("what it is for", AGREEMENT_KINDS, required=True)
    between: tuple[str, ...] = states_field("the states party to it (it binds them alone)")
    terms: tuple[str, ...] = choices_field(
        "what it provides for the prisoners it covers", AGREEMENT_TERMS
    )
    custodian: str | None = text_field("the neutral body given custody, if any, e.g. NNRC")
    release_by: datetime.date | None = date_field(
        "the day by which it says they are to be released", required=False
    )
    provision: TermProvisions | None = provisions_field(
        "the catalogue id of the article a reason resting on the agreement cites, or ids by term",
        AGREEMENT_TERMS,
    )


@attrs.frozen(kw_only=True)
class InquiryOpened(Incident):
    """An official inquiry into his death was opened (GCIII-121)."""

    name: ClassVar[str] = "inquiry_opened"
    by: str | None = text_field("who opened it")


@attrs.frozen(kw_only=True)
class ReceivingPowerFailed(Incident):
    """The power he was transferred to was notified failing to apply GCIII (GCIII-12(3)).

    Not in the first draft of the model: ``recall`` needs an enabling fact on record, and
    the treaty makes the notification of that failure the trigger.
    """

    name: ClassVar[str] = "receiving_power_failed"
    state: str = state_field("the receiving power that failed")
    by: str | None = text_field("who notified it, e.g. the protecting power")


@attrs.frozen(kw_only=True)
class EscapeAttempt(Incident):
    """He tried to escape and was stopped before the escape succeeded (GCIII-42, GCIII-92)."""

    name: ClassVar[str] = "escape_attempt"
    force_used: str | None = choice_field(
        "the force used to stop him: none, or weapons", ("none", "weapons")
    )
    warnings: bool | None = bool_field("whether he was warned before weapons were used")
    injured: bool | None = bool_field("whether he was injured")


@attrs.frozen(kw_only=True)
class Punished(Incident):
    """He was punished (escape: GCIII-91, GCIII-92; offences done to escape: GCIII-93).

    The field written ``for`` in files and plain dicts is ``for_`` in Python, as ``for`` is a
    keyword.
    """

    name: ClassVar[str] = "punished"
    for_: str | None = choice_field(
        "what for: escape (an escape or an attempt), offence_to_escape (an offence done only "
        "to escape) or other",
        ("escape", "offence_to_escape", "other"),
    )
    kind: str | None = choice_field(
        "disciplinary (by the camp's authority) or judicial (by a court)",
        ("disciplinary", "judicial"),
    )
    violent: bool | None = bool_field("whether the offence involved violence against life or limb")


@attrs.frozen(kw_only=True)
class ReturnedToActiveService(Incident):
    """A state put him back into active military service (after a medical repatriation:
    GCIII-117).
    """

    name: ClassVar[str] = "returned_to_active_service"
    by: str = state_field("the state whose forces he serves in again")


@attrs.frozen(kw_only=True)
class RemovedFromOccupiedTerritory(Incident):
    """He was taken out of the occupied territory he was captured in (GCIV-49)."""

    name: ClassVar[str] = "removed_from_occupied_territory"
    evacuation: bool | None = bool_field(
        "whether it was an evacuation for his own safety or for imperative military reasons "
        "(GCIV-49), which the article allows"
    )


MACHINE_EVENTS: tuple[type[MachineEvent], ...] = (
    FallHorsDeCombat,
    RejoinForces,
    Capture,
    RaiseStatusDoubt,
    DetermineStatus,
    RequestProtection,
    DecideProtection,
    Charge,
    Convict,
    Acquit,
    CompleteSentence,
    Exchange,
    RepatriateMedically,
    InternInNeutralState,
    HandOverToNeutralCustody,
    ReturnFromNeutralCustody,
    TransferToPower,
    Recall,
    ReleaseInDetainingState,
    ReleaseToThirdState,
    Resettle,
    Repatriate,
    Escape,
    Recapture,
    Die,
)
"""Every machine event class, in the order the reference lists them."""

INCIDENTS: tuple[type[Incident], ...] = (
    Interrogated,
    MediaExposure,
    MedicalAssessment,
    SelfHarmOrderReported,
    SelfHarmAttempt,
    WishExpressed,
    WishVerified,
    WishWithdrawn,
    IcrcVisit,
    CaptureCardSent,
    InformationTransmitted,
    ExchangeOffered,
    ExchangeAgreed,
    ExcludedFromExchange,
    ReceivingStateConsents,
    HostilitiesEnded,
    HostilitiesResumed,
    IdentityDocuments,
    WarCrimeAllegation,
    RiskOnReturn,
    RiskLifted,
    FamilyThreatened,
    InternmentReviewed,
    AgreementConcluded,
    InquiryOpened,
    ReceivingPowerFailed,
    EscapeAttempt,
    Punished,
    ReturnedToActiveService,
    RemovedFromOccupiedTerritory,
)
"""Every incident class, in the order the reference lists them."""

EVENT_TYPES: dict[str, type[Event]] = {cls.name: cls for cls in (*MACHINE_EVENTS, *INCIDENTS)}
"""Event classes by their name in scenario files."""


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """Build an event from its plain-dict form (``{"date": ..., "event": "capture", ...}``).

    Raises :class:`~powcase.errors.InvalidInput` listing every problem, each located by key.
    """
    if not isinstance(data, Mapping):
        raise InvalidInput.single(
            "",
            problem_text("an event must be a mapping, got {kind}").format(
                kind=type(data).__name__
            ),
        )
    name = data.get("event")
    if name is None:
        raise InvalidInput.single(
            "event", problem_text("is required"), expected=problem_text("the event's name")
        )
    if not isinstance(name, str) or name not in EVENT_TYPES:
        guess = closest(name, EVENT_TYPES) if isinstance(name, str) else None
        raise InvalidInput(
            [
                Problem(
                    "event",
                    problem_text("{name} is not a known event").format(name=repr(name)),
                    problem_text("an event of the model (see powcase describe)"),
                    guess,
                )
            ]
        )
    return from_plain(EVENT_TYPES[name], data, ignore=("event",))
