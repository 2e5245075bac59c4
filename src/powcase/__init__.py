"""powcase: the legal path of a captured soldier as a statechart, every step judged and cited.

powcase models capture, status determination, prisoner-of-war status, exchange, repatriation,
asylum and release to a third state, and says for every step whether it is lawful, citing the
provisions it rests on. Where the law is contested it reads it under assumptions the user sets.

It is a research and teaching model, not legal advice.

>>> import powcase
>>> case = powcase.Case.open(powcase.Subject(id="ri", nationality=["KP"]), detaining_power="UA")
>>> case.apply(powcase.Capture(date="2025-01-09")).state
['in_custody', 'presumed_pow', 'no_request', 'none']
"""

from importlib import metadata as _metadata

from powcase.assumptions import Assumptions
from powcase.case import Case, Mode, Step
from powcase.chart import LegalPath
from powcase.describe import describe
from powcase.errors import (
    InvalidAssumption,
    InvalidInput,
    PowcaseError,
    Problem,
    StepNotPossible,
    StepRefused,
    UnknownProvision,
    UnknownState,
)
from powcase.events import (
    EVENT_TYPES,
    Acquit,
    AgreementConcluded,
    Capture,
    CaptureCardSent,
    Charge,
    CompleteSentence,
    Convict,
    DecideProtection,
    DetermineStatus,
    Die,
    Escape,
    Event,
    Exchange,
    ExchangeAgreed,
    ExchangeOffered,
    ExcludedFromExchange,
    FallHorsDeCombat,
    FamilyThreatened,
    HostilitiesEnded,
    IcrcVisit,
    IdentityDocuments,
    Incident,
    InformationTransmitted,
    InquiryOpened,
    InternInNeutralState,
    InternmentReviewed,
    Interrogated,
    MachineEvent,
    MediaExposure,
    MedicalAssessment,
    RaiseStatusDoubt,
    Recall,
    Recapture,
    ReceivingPowerFailed,
    ReceivingStateConsents,
    RejoinForces,
    ReleaseInDetainingState,
    ReleaseToThirdState,
    Repatriate,
    RepatriateMedically,
    RequestProtection,
    Resettle,
    RiskOnReturn,
    SelfHarmAttempt,
    SelfHarmOrderReported,
    TransferToPower,
    WarCrimeAllegation,
    WishExpressed,
    WishVerified,
    event_from_dict,
)
from powcase.law.provisions import Provision, provision
from powcase.record import Claim, Record, Source, Subject
from powcase.verdict import Missing, Outcome, Reason, ReasonKind, Verdict

try:
    __version__ = _metadata.version("powcase")
except _metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "EVENT_TYPES",
    "Acquit",
    "AgreementConcluded",
    "Assumptions",
    "Capture",
    "CaptureCardSent",
    "Case",
    "Charge",
    "Claim",
    "CompleteSentence",
    "Convict",
    "DecideProtection",
    "DetermineStatus",
    "Die",
    "Escape",
    "Event",
    "Exchange",
    "ExchangeAgreed",
    "ExchangeOffered",
    "ExcludedFromExchange",
    "FallHorsDeCombat",
    "FamilyThreatened",
    "HostilitiesEnded",
    "IcrcVisit",
    "IdentityDocuments",
    "Incident",
    "InformationTransmitted",
    "InquiryOpened",
    "InternInNeutralState",
    "InternmentReviewed",
    "Interrogated",
    "InvalidAssumption",
    "InvalidInput",
    "LegalPath",
    "MachineEvent",
    "MediaExposure",
    "MedicalAssessment",
    "Missing",
    "Mode",
    "Outcome",
    "PowcaseError",
    "Problem",
    "Provision",
    "RaiseStatusDoubt",
    "Reason",
    "ReasonKind",
    "Recall",
    "Recapture",
    "ReceivingPowerFailed",
    "ReceivingStateConsents",
    "Record",
    "RejoinForces",
    "ReleaseInDetainingState",
    "ReleaseToThirdState",
    "Repatriate",
    "RepatriateMedically",
    "RequestProtection",
    "Resettle",
    "RiskOnReturn",
    "SelfHarmAttempt",
    "SelfHarmOrderReported",
    "Source",
    "Step",
    "StepNotPossible",
    "StepRefused",
    "Subject",
    "TransferToPower",
    "UnknownProvision",
    "UnknownState",
    "Verdict",
    "WarCrimeAllegation",
    "WishExpressed",
    "WishVerified",
    "__version__",
    "describe",
    "event_from_dict",
    "provision",
]
