"""Running a scenario: its record under its assumptions, then each variant under its own, with
the expectations checked. The result has the keys of the output contract (SCENARIO_FORMAT.md).
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from powcase.assumptions import Assumptions
from powcase.case import Case, Mode, Step
from powcase.docket import Obligation
from powcase.events import event_from_dict
from powcase.flags import Flag, derive_flags
from powcase.law.provisions import LAW_DATA_DATE, matches
from powcase.record import Claim
from powcase.scenario.model import Expectations, Scenario, Variant
from powcase.verdict import Verdict
from powcase.violations import Violation

__all__ = ["Failure", "RunResult", "generated_by", "run", "run_one"]

MODEL_VERSION = 1


def generated_by() -> dict[str, Any]:
    """What produced an output: library version, model version, date of the law data."""
    from powcase import __version__  # noqa: PLC0415 - the package imports this module

    return {"powcase": __version__, "model": MODEL_VERSION, "law_data": LAW_DATA_DATE.isoformat()}


@attrs.frozen
class Failure:
    """An expectation that did not hold: what was checked, what was expected, what came out."""

    check: str
    expected: Any
    got: Any

    def __str__(self) -> str:
        return f"{self.check}: expected {self.expected}, got {self.got}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"check": self.check, "expected": self.expected, "got": self.got}


@attrs.frozen
class Asked:
    """A hypothetical step of the scenario and its verdict."""

    event: dict[str, Any]
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the event as the scenario wrote it, then the verdict."""
        plain = self.verdict.to_dict()
        plain["event"] = _plain_event(self.event)
        plain["judged_on"] = self.verdict.event.date.isoformat()
        return plain


def _plain_event(event: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in event.items()}


@attrs.frozen
class RunResult:
    """One run of a scenario (or of one of its variants)."""

    scenario: str
    variant: str | None
    file: str
    case: Case = attrs.field(repr=False)
    as_of: datetime.date | None
    steps: tuple[Step, ...]
    asked: tuple[Asked, ...]
    flags: tuple[Flag, ...]
    active: tuple[str, ...]
    violations: tuple[Violation, ...]
    possible_violations: tuple[Violation, ...]
    obligations: tuple[Obligation, ...]
    passed: int
    failures: tuple[Failure, ...]

    @property
    def ok(self) -> bool:
        """Whether every expectation held."""
        return not self.failures

    @property
    def state(self) -> list[str]:
        """The final configuration."""
        return self.case.state

    @property
    def mode(self) -> Mode:
        """The mode of the run."""
        return self.case.mode

    @property
    def assumptions(self) -> Assumptions:
        """The reading of the law the run used."""
        return self.case.assumptions

    def claims(self) -> list[dict[str, Any]]:
        """Claims grouped by what they are about, marking where sources disagree."""
        groups: dict[str, list[Claim]] = {}
        for claim in self.case.record.claims:
            groups.setdefault(claim.about, []).append(claim)
        return [
            {
                "about": about,
                "contested": len({c.value for c in claims}) > 1,
                "values": [
                    {"value": c.value, "source": c.source, "date": c.date.isoformat()}
                    for c in claims
                ],
            }
            for about, claims in groups.items()
        ]

    def to_dict(self, *, reveal_names: bool = False) -> dict[str, Any]:
        """The JSON output contract. The subject's name only with ``reveal_names``."""
        subject: dict[str, Any] = {"id": self.case.record.subject.id}
        if reveal_names and self.case.record.subject.name is not None:
            subject["name"] = self.case.record.subject.name
        return {
            "generated_by": generated_by(),
            "scenario": self.scenario,
            "variant": self.variant,
            "file": self.file,
            "subject": subject,
            "mode": str(self.mode),
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "assumptions": self.assumptions.to_dict(),
            "state": self.state,
            "steps": [s.to_dict() for s in self.steps],
            "verdicts": [a.to_dict() for a in self.asked],
            "flags": [f.to_dict() for f in self.flags],
            "active_flags": list(self.active),
            "violations": [v.to_dict() for v in self.violations],
            "possible_violations": [v.to_dict() for v in self.possible_violations],
            "obligations": [o.to_dict() for o in self.obligations],
            "claims": self.claims(),
            "expectations": {
                "passed": self.passed,
                "failed": [f.to_dict() for f in self.failures],
            },
        }


def _check(
    expect: Expectations,
    case: Case,
    asked: tuple[Asked, ...],
    active: set[str],
    obligations: tuple[Obligation, ...],
) -> tuple[int, list[Failure]]:
    checks: list[tuple[str, Any, Any, bool]] = []
    if expect.state is not None:
        state = case.state
        checks.append(
            ("state", sorted(expect.state), sorted(state), set(expect.state) == set(state))
        )
    checks += [(f"flags: {code}", "active", "not active", code in active) for code in expect.flags]
    checks += [
        (f"no_flags: {code}", "not active", "active", code not in active)
        for code in expect.no_flags
    ]
    for index, outcome in expect.steps:
        happened = str(case.steps[index].outcome)
        checks.append(
            (
                f"steps[{index}] {case.steps[index].event.name}",
                outcome,
                happened,
                outcome == happened,
            )
        )
    for number, (wanted, answer) in enumerate(zip(expect.verdicts, asked, strict=True)):
        label = f"verdicts[{number}] {wanted.event.get('event')}"
        got_outcome = str(answer.verdict.outcome)
        if wanted.outcome is not None:
            checks.append(
                (f"{label} outcome", wanted.outcome, got_outcome, wanted.outcome == got_outcome)
            )
        for cite in wanted.cites:
            cited = any(matches(c, cite) for c in answer.verdict.cites)
            checks.append((f"{label} cites {cite}", "cited", list(answer.verdict.cites), cited))
    for duty in expect.obligations:
        name = duty.code or duty.provision or ""
        found = [
            o
            for o in obligations
            if o.code == duty.code
            or (duty.provision is not None and matches(o.provision, duty.provision))
        ]
        statuses = [str(o.status) for o in found]
        checks.append(
            (
                f"obligations: {name}",
                duty.status,
                statuses or "no such obligation",
                duty.status in statuses,
            )
        )
    passed = sum(1 for *_, ok in checks if ok)
    failures = [Failure(check, expected, got) for check, expected, got, ok in checks if not ok]
    return passed, failures


def run_one(scenario: Scenario, variant: Variant | None = None) -> RunResult:
    """Run a scenario, or one of its variants."""
    assumptions = variant.assumptions if variant else scenario.assumptions
    mode = variant.mode if variant else scenario.mode
    as_of = variant.as_of if variant else scenario.as_of
    expect = variant.expect if variant else scenario.expect
    case = Case.replay(scenario.record, assumptions, mode)
    # Hypothetical steps, flags and the docket are judged at the as-of date, or else at the
    # last event's date; never at today's date.
    on = as_of or case.last_date
    asked: list[Asked] = []
    unjudged: list[Failure] = []
    for wanted in expect.verdicts:
        if on is None:
            unjudged.append(
                Failure(
                    f"verdicts: {wanted.event.get('event')}",
                    "a date to judge it on",
                    "no as_of and no events",
                )
            )
            continue
        event = event_from_dict({"date": on, **wanted.event})
        asked.append(Asked(wanted.event, case.verdict(event)))
    active = case.active_flags(on) if on else ()
    obligations = case.docket(on)
    judged = expect if on else attrs.evolve(expect, verdicts=())
    passed, failures = _check(judged, case, tuple(asked), {f.code for f in active}, obligations)
    return RunResult(
        scenario.title,
        variant.name if variant else None,
        scenario.file,
        case,
        on,
        case.steps,
        tuple(asked),
        derive_flags(case, on),
        tuple(f.code for f in active),
        case.violations,
        case.possible_violations,
        obligations,
        passed,
        (*failures, *unjudged),
    )


def run(scenario: Scenario, *, variant: str | None = None) -> list[RunResult]:
    """Run a scenario and each of its variants (or only the variant named)."""
    results = []
    if variant is None:
        results.append(run_one(scenario))
    for each in scenario.variants:
        if variant is None or each.name == variant:
            results.append(run_one(scenario, each))
    return results
