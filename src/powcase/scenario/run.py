"""Running a scenario: its record under its assumptions, then each variant under its own, with
the expectations checked. The result has the keys of the output contract.
"""

from __future__ import annotations

from typing import Any

import attrs

from powcase._util.dates import evaluated_on
from powcase.case import Case
from powcase.law.docket import Obligation
from powcase.law.flags import standing
from powcase.law.provisions import matches
from powcase.model.events import event_from_dict
from powcase.model.record import Claim
from powcase.scenario.model import Expectations, ObligationExpected, Scenario, Variant
from powcase.scenario.result import Asked, ClaimGroup, Failure, RunResult, StepResult

__all__ = ["run", "run_one"]


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
        checks.append(_obligation_check(duty, obligations))
    passed = sum(1 for *_, ok in checks if ok)
    failures = [Failure(check, expected, got) for check, expected, got, ok in checks if not ok]
    return passed, failures


def _obligation_check(
    duty: ObligationExpected, obligations: tuple[Obligation, ...]
) -> tuple[str, Any, Any, bool]:
    """Some obligation with the code (or provision) has the status and every key given."""
    name = duty.code or duty.provision or ""
    found = [
        o
        for o in obligations
        if o.code == duty.code
        or (duty.provision is not None and matches(o.provision, duty.provision))
    ]
    details = duty.details()
    if not details:
        statuses = [str(o.status) for o in found]
        return (
            f"obligations: {name}",
            duty.status,
            statuses or "no such obligation",
            duty.status in statuses,
        )
    wanted = {"status": duty.status, **details}
    shown = [{key: o.to_dict()[key] for key in wanted} for o in found]
    return (f"obligations: {name}", wanted, shown or "no such obligation", wanted in shown)


def run_one(scenario: Scenario, variant: Variant | None = None) -> RunResult:
    """Run a scenario, or one of its variants."""
    assumptions = variant.assumptions if variant else scenario.assumptions
    mode = variant.mode if variant else scenario.mode
    as_of = variant.as_of if variant else scenario.as_of
    expect = variant.expect if variant else scenario.expect
    case = Case.replay(scenario.record, assumptions, mode, law=scenario.law)
    # Hypothetical steps, flags and the docket are judged at the as-of date, or else at the
    # last event's date; never at today's date.
    on = evaluated_on(as_of, case.last_date)
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
        asked.append(Asked(tuple(wanted.event.items()), case.verdict(event)))
    # Flags are derived once; the standing ones are read from the same entries.
    flags = case.flags_as_of(on)
    active = standing(flags, on) if on else ()
    obligations = case.docket(on)
    judged = expect if on else attrs.evolve(expect, verdicts=())
    passed, failures = _check(judged, case, tuple(asked), {f.code for f in active}, obligations)
    record = scenario.record
    return RunResult(
        scenario=scenario.title,
        variant=variant.name if variant else None,
        file=scenario.file,
        subject_id=record.subject.id,
        detaining_power=record.detaining_power,
        mode=str(case.mode),
        as_of=on,
        assumptions=case.assumptions,
        state=tuple(case.state),
        steps=tuple(StepResult.of(s) for s in case.steps),
        asked=tuple(asked),
        flags=flags,
        active=tuple(f.code for f in active),
        violations=case.violations,
        possible_violations=case.possible_violations,
        obligations=obligations,
        claims=_claims(record.claims),
        passed=passed,
        failures=(*failures, *unjudged),
        subject_name=record.subject.name,
        case=case,
        overlays=scenario.law.overlays,
    )


def _claims(claims: tuple[Claim, ...]) -> tuple[ClaimGroup, ...]:
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.about, []).append(claim)
    return tuple(
        ClaimGroup(about, tuple((c.value, c.source, c.date.isoformat()) for c in listed))
        for about, listed in groups.items()
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
