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
    )
    from powcase.chart import (
        LegalPath,
    )
    from powcase.description import (
        describe,
    )
    from powcase.engine.facts import (
        Facts,
    )
    from powcase.engine.replay import (
        Step,
        Timeline,
    )
    from powcase.engine.table import (
        Position,
    )
    from powcase.errors import (
        InvalidArgument,
        InvalidAssumption,
        InvalidInput,
        LawDataError,
        PowcaseError,
        Problem,
        StepNotPossible,
        StepRefused,
        UnknownProvision,
        UnknownState,
    )
    from powcase.explore.checking import check as check_properties
    from powcase.explore.comparison import (
        Comparison,
        compare,
    )
    from powcase.explore.results import CheckResult
    from powcase.law.book import Law
    from powcase.law.docket import (
        Obligation,
    )
    from powcase.law.docket import (
        Status as ObligationStatus,
    )
    from powcase.law.flags import (
        Flag,
        Severity,
    )
    from powcase.law.moments import (
        Moment,
    )
    from powcase.law.provisions import (
        Provision,
        provision,
    )
    from powcase.law.situation import (
        Situation,
    )
    from powcase.law.violations import (
        Violation,
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
        EscapeAttempt,
        Event,
        Exchange,
        ExchangeAgreed,
        ExchangeOffered,
        ExcludedFromExchange,
        FallHorsDeCombat,
        FamilyThreatened,
        HandOverToNeutralCustody,
        HostilitiesEnded,
        HostilitiesResumed,
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
        Move,
        Punished,
        RaiseStatusDoubt,
        Recall,
        Recapture,
        ReceivingPowerFailed,
        ReceivingStateConsents,
        RejoinForces,
        ReleaseInDetainingState,
        ReleaseToThirdState,
        RemovedFromOccupiedTerritory,
        Repatriate,
        RepatriateMedically,
        RequestProtection,
        Resettle,
        ReturnedToActiveService,
        ReturnFromNeutralCustody,
        RiskLifted,
        RiskOnReturn,
        SelfHarmAttempt,
        SelfHarmOrderReported,
        TransferToPower,
        WarCrimeAllegation,
        WishExpressed,
        WishVerified,
        WishWithdrawn,
        event_from_dict,
    )
    from powcase.model.mode import (
        Mode,
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
        Reading,
        Reason,
        ReasonKind,
        Verdict,
    )
    from powcase.options import (
        Option,
    )
    from powcase.render.diagram import (
        draw as diagram,
    )
    from powcase.render.report import (
        report as report,
    )
    from powcase.scenario.load import (
        ScenarioError,
        load_scenarios,
    )
    from powcase.scenario.model import (
        Scenario,
    )
    from powcase.scenario.result import (
        Asked,
        ClaimGroup,
        Failure,
        RunResult,
        StepResult,
    )
    from powcase.scenario.running import (
        run,
    )

# Public names and the module each lives in: imported on first use, so that
# `powcase --version` and `powcase validate` load only what they need.
_EXPORTS: dict[str, str] = {
    "Move": "powcase.model.events",
    "LawDataError": "powcase.errors",
    "Law": "powcase.law.book",
    "Acquit": "powcase.model.events",
    "AgreementConcluded": "powcase.model.events",
    "Asked": "powcase.scenario.result",
    "Assumptions": "powcase.model.assumptions",
    "Capture": "powcase.model.events",
    "CaptureCardSent": "powcase.model.events",
    "Case": "powcase.case",
    "Charge": "powcase.model.events",
    "Claim": "powcase.model.record",
    "ClaimGroup": "powcase.scenario.result",
    "CheckResult": "powcase.explore.results",
    "Comparison": "powcase.explore.comparison",
    "CompleteSentence": "powcase.model.events",
    "Convict": "powcase.model.events",
    "DecideProtection": "powcase.model.events",
    "DetermineStatus": "powcase.model.events",
    "Die": "powcase.model.events",
    "EVENT_TYPES": "powcase.model.events",
    "Escape": "powcase.model.events",
    "EscapeAttempt": "powcase.model.events",
    "Event": "powcase.model.events",
    "Exchange": "powcase.model.events",
    "ExchangeAgreed": "powcase.model.events",
    "ExchangeOffered": "powcase.model.events",
    "ExcludedFromExchange": "powcase.model.events",
    "Facts": "powcase.engine.facts",
    "Failure": "powcase.scenario.result",
    "FallHorsDeCombat": "powcase.model.events",
    "FamilyThreatened": "powcase.model.events",
    "Flag": "powcase.law.flags",
    "HandOverToNeutralCustody": "powcase.model.events",
    "HostilitiesEnded": "powcase.model.events",
    "HostilitiesResumed": "powcase.model.events",
    "IcrcVisit": "powcase.model.events",
    "IdentityDocuments": "powcase.model.events",
    "Incident": "powcase.model.events",
    "InformationTransmitted": "powcase.model.events",
    "InquiryOpened": "powcase.model.events",
    "InternInNeutralState": "powcase.model.events",
    "InternmentReviewed": "powcase.model.events",
    "Interrogated": "powcase.model.events",
    "InvalidArgument": "powcase.errors",
    "InvalidAssumption": "powcase.errors",
    "InvalidInput": "powcase.errors",
    "LegalPath": "powcase.chart",
    "MachineEvent": "powcase.model.events",
    "MediaExposure": "powcase.model.events",
    "MedicalAssessment": "powcase.model.events",
    "Missing": "powcase.model.verdict",
    "Mode": "powcase.model.mode",
    "Moment": "powcase.law.moments",
    "Obligation": "powcase.law.docket",
    "ObligationStatus": "powcase.law.docket",
    "Option": "powcase.options",
    "Outcome": "powcase.model.verdict",
    "Position": "powcase.engine.table",
    "PowcaseError": "powcase.errors",
    "Problem": "powcase.errors",
    "Provision": "powcase.law.provisions",
    "Punished": "powcase.model.events",
    "RaiseStatusDoubt": "powcase.model.events",
    "Reading": "powcase.model.verdict",
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
    "ReturnFromNeutralCustody": "powcase.model.events",
    "RemovedFromOccupiedTerritory": "powcase.model.events",
    "ReturnedToActiveService": "powcase.model.events",
    "RiskLifted": "powcase.model.events",
    "RiskOnReturn": "powcase.model.events",
    "RunResult": "powcase.scenario.result",
    "Scenario": "powcase.scenario.model",
    "ScenarioError": "powcase.scenario.load",
    "SelfHarmAttempt": "powcase.model.events",
    "SelfHarmOrderReported": "powcase.model.events",
    "Severity": "powcase.law.flags",
    "Situation": "powcase.law.situation",
    "Source": "powcase.model.record",
    "Step": "powcase.engine.replay",
    "StepNotPossible": "powcase.errors",
    "StepRefused": "powcase.errors",
    "StepResult": "powcase.scenario.result",
    "Subject": "powcase.model.record",
    "Timeline": "powcase.engine.replay",
    "TransferToPower": "powcase.model.events",
    "UnknownProvision": "powcase.errors",
    "UnknownState": "powcase.errors",
    "Verdict": "powcase.model.verdict",
    "Violation": "powcase.law.violations",
    "WarCrimeAllegation": "powcase.model.events",
    "WishExpressed": "powcase.model.events",
    "WishVerified": "powcase.model.events",
    "WishWithdrawn": "powcase.model.events",
    "check_properties": "powcase.explore.checking",
    "compare": "powcase.explore.comparison",
    "describe": "powcase.description",
    "diagram": "powcase.render.diagram",
    "event_from_dict": "powcase.model.events",
    "load_scenarios": "powcase.scenario.load",
    "provision": "powcase.law.provisions",
    "report": "powcase.render.report",
    "run": "powcase.scenario.running",
}

# Public names whose object has another name in its module.
_RENAMED: dict[str, str] = {
    "check_properties": "check",
    "ObligationStatus": "Status",
    "diagram": "draw",
    "report": "report",
}

__all__ = [
    "EVENT_TYPES",
    "Acquit",
    "AgreementConcluded",
    "Asked",
    "Assumptions",
    "Capture",
    "CaptureCardSent",
    "Case",
    "Charge",
    "CheckResult",
    "Claim",
    "ClaimGroup",
    "Comparison",
    "CompleteSentence",
    "Convict",
    "DecideProtection",
    "DetermineStatus",
    "Die",
    "Escape",
    "EscapeAttempt",
    "Event",
    "Exchange",
    "ExchangeAgreed",
    "ExchangeOffered",
    "ExcludedFromExchange",
    "Facts",
    "Failure",
    "FallHorsDeCombat",
    "FamilyThreatened",
    "Flag",
    "HandOverToNeutralCustody",
    "HostilitiesEnded",
    "HostilitiesResumed",
    "IcrcVisit",
    "IdentityDocuments",
    "Incident",
    "InformationTransmitted",
    "InquiryOpened",
    "InternInNeutralState",
    "InternmentReviewed",
    "Interrogated",
    "InvalidArgument",
    "InvalidAssumption",
    "InvalidInput",
    "Law",
    "LawDataError",
    "LegalPath",
    "MachineEvent",
    "MediaExposure",
    "MedicalAssessment",
    "Missing",
    "Mode",
    "Moment",
    "Move",
    "Obligation",
    "ObligationStatus",
    "Option",
    "Outcome",
    "Position",
    "PowcaseError",
    "Problem",
    "Provision",
    "Punished",
    "RaiseStatusDoubt",
    "Reading",
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
    "RemovedFromOccupiedTerritory",
    "Repatriate",
    "RepatriateMedically",
    "RequestProtection",
    "Resettle",
    "ReturnFromNeutralCustody",
    "ReturnedToActiveService",
    "RiskLifted",
    "RiskOnReturn",
    "RunResult",
    "Scenario",
    "ScenarioError",
    "SelfHarmAttempt",
    "SelfHarmOrderReported",
    "Severity",
    "Situation",
    "Source",
    "Step",
    "StepNotPossible",
    "StepRefused",
    "StepResult",
    "Subject",
    "Timeline",
    "TransferToPower",
    "UnknownProvision",
    "UnknownState",
    "Verdict",
    "Violation",
    "WarCrimeAllegation",
    "WishExpressed",
    "WishVerified",
    "WishWithdrawn",
    "__version__",
    "check_properties",
    "compare",
    "describe",
    "diagram",
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
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), _RENAMED.get(name, name))
    else:
        raise AttributeError(f"module 'powcase' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
