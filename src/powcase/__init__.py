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
    from powcase.case import (
        Case,
        Mode,
        Step,
    )
    from powcase.chart import (
        LegalPath,
    )
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
    from powcase.explore.comparison import Comparison, compare
    from powcase.law.provisions import (
        Provision,
        provision,
    )
    from powcase.model.assumptions import (
        Assumptions,
    )
    from powcase.model.events import (
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
    from powcase.model.record import (
        Claim,
        Record,
        Source,
        Subject,
    )
    from powcase.model.verdict import (
        Missing,
        Outcome,
        Reason,
        ReasonKind,
        Verdict,
    )
    from powcase.options import Option
    from powcase.render.report import render_report as report
    from powcase.scenario import (
        RunResult,
        Scenario,
        ScenarioError,
        load_scenarios,
        run,
    )

# Public names and the module each lives in: imported on first use, so that
# `powcase --version` and `powcase validate` load only what they need.
_EXPORTS: dict[str, str] = {
    "report": "powcase.render.report",
    "Comparison": "powcase.explore.comparison",
    "Option": "powcase.options",
    "compare": "powcase.explore.comparison",
    "RunResult": "powcase.scenario.result",
    "Scenario": "powcase.scenario.model",
    "ScenarioError": "powcase.scenario.load",
    "load_scenarios": "powcase.scenario.load",
    "run": "powcase.scenario.run",
    "Acquit": "powcase.model.events",
    "AgreementConcluded": "powcase.model.events",
    "Assumptions": "powcase.model.assumptions",
    "Capture": "powcase.model.events",
    "CaptureCardSent": "powcase.model.events",
    "Case": "powcase.case",
    "Charge": "powcase.model.events",
    "Claim": "powcase.model.record",
    "CompleteSentence": "powcase.model.events",
    "Convict": "powcase.model.events",
    "DecideProtection": "powcase.model.events",
    "DetermineStatus": "powcase.model.events",
    "Die": "powcase.model.events",
    "EVENT_TYPES": "powcase.model.events",
    "Escape": "powcase.model.events",
    "Event": "powcase.model.events",
    "Exchange": "powcase.model.events",
    "ExchangeAgreed": "powcase.model.events",
    "ExchangeOffered": "powcase.model.events",
    "ExcludedFromExchange": "powcase.model.events",
    "FallHorsDeCombat": "powcase.model.events",
    "FamilyThreatened": "powcase.model.events",
    "HostilitiesEnded": "powcase.model.events",
    "IcrcVisit": "powcase.model.events",
    "IdentityDocuments": "powcase.model.events",
    "Incident": "powcase.model.events",
    "InformationTransmitted": "powcase.model.events",
    "InquiryOpened": "powcase.model.events",
    "InternInNeutralState": "powcase.model.events",
    "InternmentReviewed": "powcase.model.events",
    "Interrogated": "powcase.model.events",
    "InvalidAssumption": "powcase.errors",
    "InvalidInput": "powcase.errors",
    "LegalPath": "powcase.chart",
    "MachineEvent": "powcase.model.events",
    "MediaExposure": "powcase.model.events",
    "MedicalAssessment": "powcase.model.events",
    "Missing": "powcase.model.verdict",
    "Mode": "powcase.case",
    "Outcome": "powcase.model.verdict",
    "PowcaseError": "powcase.errors",
    "Problem": "powcase.errors",
    "Provision": "powcase.law.provisions",
    "RaiseStatusDoubt": "powcase.model.events",
    "Reason": "powcase.model.verdict",
    "ReasonKind": "powcase.model.verdict",
    "Recall": "powcase.model.events",
    "Recapture": "powcase.model.events",
    "ReceivingPowerFailed": "powcase.model.events",
    "ReceivingStateConsents": "powcase.model.events",
    "Record": "powcase.model.record",
    "RejoinForces": "powcase.model.events",
    "ReleaseInDetainingState": "powcase.model.events",
    "ReleaseToThirdState": "powcase.model.events",
    "Repatriate": "powcase.model.events",
    "RepatriateMedically": "powcase.model.events",
    "RequestProtection": "powcase.model.events",
    "Resettle": "powcase.model.events",
    "RiskOnReturn": "powcase.model.events",
    "SelfHarmAttempt": "powcase.model.events",
    "SelfHarmOrderReported": "powcase.model.events",
    "Source": "powcase.model.record",
    "Step": "powcase.case",
    "StepNotPossible": "powcase.errors",
    "StepRefused": "powcase.errors",
    "Subject": "powcase.model.record",
    "TransferToPower": "powcase.model.events",
    "UnknownProvision": "powcase.errors",
    "UnknownState": "powcase.errors",
    "Verdict": "powcase.model.verdict",
    "WarCrimeAllegation": "powcase.model.events",
    "WishExpressed": "powcase.model.events",
    "WishVerified": "powcase.model.events",
    "describe": "powcase.description",
    "event_from_dict": "powcase.model.events",
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
