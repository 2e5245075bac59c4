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

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from powcase.assumptions import (
        Assumptions,
    )
    from powcase.case import (
        Case,
        Mode,
        Step,
    )
    from powcase.chart import (
        LegalPath,
    )
    from powcase.comparison import Comparison, compare
    from powcase.description import (
        describe,
    )
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
    from powcase.law.provisions import (
        Provision,
        provision,
    )
    from powcase.options import Option
    from powcase.record import (
        Claim,
        Record,
        Source,
        Subject,
    )
    from powcase.render.report import render_report as report
    from powcase.scenario import (
        RunResult,
        Scenario,
        ScenarioError,
        load_scenarios,
        run,
    )
    from powcase.verdict import (
        Missing,
        Outcome,
        Reason,
        ReasonKind,
        Verdict,
    )

# Public names and the module each lives in: imported on first use, so that
# `powcase --version` and `powcase validate` load only what they need.
_EXPORTS: dict[str, str] = {
    "report": "powcase.render.report",
    "Comparison": "powcase.comparison",
    "Option": "powcase.options",
    "compare": "powcase.comparison",
    "RunResult": "powcase.scenario.result",
    "Scenario": "powcase.scenario.model",
    "ScenarioError": "powcase.scenario.load",
    "load_scenarios": "powcase.scenario.load",
    "run": "powcase.scenario.run",
    "Acquit": "powcase.events",
    "AgreementConcluded": "powcase.events",
    "Assumptions": "powcase.assumptions",
    "Capture": "powcase.events",
    "CaptureCardSent": "powcase.events",
    "Case": "powcase.case",
    "Charge": "powcase.events",
    "Claim": "powcase.record",
    "CompleteSentence": "powcase.events",
    "Convict": "powcase.events",
    "DecideProtection": "powcase.events",
    "DetermineStatus": "powcase.events",
    "Die": "powcase.events",
    "EVENT_TYPES": "powcase.events",
    "Escape": "powcase.events",
    "Event": "powcase.events",
    "Exchange": "powcase.events",
    "ExchangeAgreed": "powcase.events",
    "ExchangeOffered": "powcase.events",
    "ExcludedFromExchange": "powcase.events",
    "FallHorsDeCombat": "powcase.events",
    "FamilyThreatened": "powcase.events",
    "HostilitiesEnded": "powcase.events",
    "IcrcVisit": "powcase.events",
    "IdentityDocuments": "powcase.events",
    "Incident": "powcase.events",
    "InformationTransmitted": "powcase.events",
    "InquiryOpened": "powcase.events",
    "InternInNeutralState": "powcase.events",
    "InternmentReviewed": "powcase.events",
    "Interrogated": "powcase.events",
    "InvalidAssumption": "powcase.errors",
    "InvalidInput": "powcase.errors",
    "LegalPath": "powcase.chart",
    "MachineEvent": "powcase.events",
    "MediaExposure": "powcase.events",
    "MedicalAssessment": "powcase.events",
    "Missing": "powcase.verdict",
    "Mode": "powcase.case",
    "Outcome": "powcase.verdict",
    "PowcaseError": "powcase.errors",
    "Problem": "powcase.errors",
    "Provision": "powcase.law.provisions",
    "RaiseStatusDoubt": "powcase.events",
    "Reason": "powcase.verdict",
    "ReasonKind": "powcase.verdict",
    "Recall": "powcase.events",
    "Recapture": "powcase.events",
    "ReceivingPowerFailed": "powcase.events",
    "ReceivingStateConsents": "powcase.events",
    "Record": "powcase.record",
    "RejoinForces": "powcase.events",
    "ReleaseInDetainingState": "powcase.events",
    "ReleaseToThirdState": "powcase.events",
    "Repatriate": "powcase.events",
    "RepatriateMedically": "powcase.events",
    "RequestProtection": "powcase.events",
    "Resettle": "powcase.events",
    "RiskOnReturn": "powcase.events",
    "SelfHarmAttempt": "powcase.events",
    "SelfHarmOrderReported": "powcase.events",
    "Source": "powcase.record",
    "Step": "powcase.case",
    "StepNotPossible": "powcase.errors",
    "StepRefused": "powcase.errors",
    "Subject": "powcase.record",
    "TransferToPower": "powcase.events",
    "UnknownProvision": "powcase.errors",
    "UnknownState": "powcase.errors",
    "Verdict": "powcase.verdict",
    "WarCrimeAllegation": "powcase.events",
    "WishExpressed": "powcase.events",
    "WishVerified": "powcase.events",
    "describe": "powcase.description",
    "event_from_dict": "powcase.events",
    "provision": "powcase.law.provisions",
}

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
    "Comparison",
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
    "Option",
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
    "RunResult",
    "Scenario",
    "ScenarioError",
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
    "compare",
    "describe",
    "event_from_dict",
    "load_scenarios",
    "provision",
    "report",
    "run",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib import metadata  # noqa: PLC0415 - only when asked

        try:
            value: Any = metadata.version("powcase")
        except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0.0.0"
    elif name == "report":
        value = importlib.import_module(_EXPORTS[name]).render_report
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'powcase' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
