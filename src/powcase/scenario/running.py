"""Running a scenario: its record under its assumptions, then each variant under its own, with
the expectations checked. The result has the keys of the output contract.

A scenario's expectations are written for its own date (its ``as_of``, else its last event's
date; a variant's for the variant's). Run on another date (``as_of``, e.g. the command's
``--as-of``), the case is shown as it stood that day and the expectations are not checked:
:func:`tell_unchecked` says so, once for each file.
"""

from __future__ import annotations

import datetime
import enum
import warnings
from collections.abc import Sequence
from typing import Any

import attrs

from powcase._util import arguments
from powcase._util.dates import evaluated_on
from powcase._util.escape import neutral
from powcase.case import Case
from powcase.law.book import Law
from powcase.law.docket import Obligation
from powcase.law.flags import standing
from powcase.law.provisions import matches
from powcase.law.violations import Violation
from powcase.model.events import event_from_dict
from powcase.model.record import Claim
from powcase.model.verdict import Verdict
from powcase.scenario.model import (
    Expectations,
    ObligationExpected,
    Scenario,
    StepExpected,
    Variant,
    VerdictExpected,
    ViolationMatcher,
)
from powcase.scenario.result import (
    Asked,
    ClaimGroup,
    Failure,
    LaterEvent,
    RunResult,
    StepResult,
)

__all__ = ["ExpectationsNotChecked", "run", "run_one", "tell_unchecked", "written_for"]


class ExpectationsNotChecked(UserWarning):
    """Told when scenarios run on a date other than their own: their expectations, written for
    their own date, were not checked.
    """


def written_for(scenario: Scenario, variant: Variant | None = None) -> datetime.date | None:
    """The date the expectations of ``scenario`` (or of its ``variant``) are written for: its
    ``as_of``, else its last event's date (None for an empty record without one).
    """
    own = variant.as_of if variant else scenario.as_of
    events = scenario.record.events
    return evaluated_on(own, events[-1].date if events else None)


def _checked_on(scenario: Scenario, variant: Variant | None, as_of: datetime.date | None) -> bool:
    """Whether a run on ``as_of`` (None: its own date) checks the expectations."""
    return as_of is None or as_of == written_for(scenario, variant)


def tell_unchecked(
    scenarios: Sequence[Scenario], as_of: datetime.date | None, variant: str | None = None
) -> None:
    """Warn (:class:`ExpectationsNotChecked`), once for each file, where a run of
    ``scenarios`` on ``as_of`` (or only of the variant named) leaves expectations unchecked.
    """
    if as_of is None:
        return
    dates: dict[str, set[datetime.date | None]] = {}
    for scenario in scenarios:
        runs: list[Variant | None] = [None, *scenario.variants] if variant is None else []
        runs += [v for v in scenario.variants if variant is not None and v.name == variant]
        for each in runs:
            expect = each.expect if each else scenario.expect
            if expect != Expectations() and not _checked_on(scenario, each, as_of):
                dates.setdefault(scenario.file, set()).add(written_for(scenario, each))
    for file, found in dates.items():
        written = ", ".join(sorted(str(d) for d in found))
        warnings.warn(
            f"{neutral(file, newlines=False)}: its expectations were written for {written}, "
            f"not for {as_of}; they were not checked",
            ExpectationsNotChecked,
            stacklevel=2,
        )


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
    happened_steps = len(case.steps)
    for index, outcome in expect.steps:
        if index >= happened_steps:
            continue  # not yet happened on the as-of date: see _not_yet_checks
        happened = str(case.steps[index].outcome)
        checks.append(
            (
                f"steps[{index}] {case.steps[index].event.name}",
                outcome,
                happened,
                outcome == happened,
            )
        )
    checks += [
        _step_check(wanted, case) for wanted in expect.long_steps if wanted.index < happened_steps
    ]
    for number, (wanted, answer) in enumerate(zip(expect.verdicts, asked, strict=True)):
        checks += _verdict_checks(number, wanted, answer.verdict, case.law)
    for duty in expect.obligations:
        checks.append(_obligation_check(duty, obligations))
    checks += _violation_checks(expect, case)
    passed = sum(1 for *_, ok in checks if ok)
    failures = [Failure(check, expected, got) for check, expected, got, ok in checks if not ok]
    return passed, failures


def _not_yet_checks(expect: Expectations, not_yet: tuple[LaterEvent, ...]) -> list[Failure]:
    """An expectation about a step that had not happened by the as-of date fails: it reads
    as not yet happened (a scenario file whose own as-of date does that is refused when it
    is read; this is an as-of date given later, e.g. on the command line).
    """
    later = {each.index: each.event.name for each in not_yet}
    indexes = [
        *(index for index, _ in expect.steps),
        *(wanted.index for wanted in expect.long_steps),
    ]
    matchers = (
        *expect.violations,
        *expect.possible_violations,
        *(expect.no_violations or ()),
        *(expect.no_possible_violations or ()),
    )
    indexes += [m.step for m in matchers if m.step is not None]
    return [
        Failure(f"steps[{index}] {later[index]}", "a step by the as-of date", "not yet happened")
        for index in dict.fromkeys(indexes)
        if index in later
    ]


def _cited(cites: tuple[str, ...], wanted: str) -> bool:
    """Whether one of ``cites`` is ``wanted`` (or that id with a paragraph)."""
    return any(matches(c, wanted) for c in cites)


def _cited_any(cites: tuple[str, ...], wanted: str, law: Law) -> bool:
    """Whether one of ``cites`` is ``wanted``, a paragraph of it, or, where ``wanted`` is an
    instrument id, any provision of that instrument.
    """
    if wanted in law.instruments:
        return any(law.provisions[c].instrument == wanted for c in cites if c in law.provisions)
    return _cited(cites, wanted)


def _open_facts(verdict: Verdict) -> list[str]:
    return [m.fact for m in verdict.missing]


def _missing_holds(wanted: tuple[str, ...], verdict: Verdict) -> bool:
    facts = _open_facts(verdict)
    return not facts if not wanted else all(f in facts for f in wanted)


def _step_check(wanted: StepExpected, case: Case) -> tuple[str, Any, Any, bool]:
    """One check of a long-form step: every key given must hold."""
    step = case.steps[wanted.index]
    verdict, law = step.verdict, case.law
    codes = [r.code for r in step.reasons]
    failed: list[str] = []
    if wanted.outcome is not None and wanted.outcome != str(step.outcome):
        failed.append(f"outcome {wanted.outcome}")
    if wanted.applied is not None and wanted.applied != step.applied:
        failed.append(f"applied {str(wanted.applied).lower()}")
    failed += [f"cites {c}" for c in wanted.cites if not _cited(step.cites, c)]
    failed += [f"not_cites {c}" for c in wanted.not_cites if _cited_any(step.cites, c, law)]
    failed += [f"reasons {c}" for c in wanted.reasons if c not in codes]
    if wanted.missing is not None and not _missing_holds(wanted.missing, verdict):
        failed.append(f"missing {list(wanted.missing)}")
    got = {
        "outcome": str(step.outcome),
        "applied": step.applied,
        "cites": list(step.cites),
        "reasons": codes,
        "missing": _open_facts(verdict),
    }
    return (f"steps[{wanted.index}] {step.event.name}", failed, got, not failed)


def _verdict_checks(
    number: int, wanted: VerdictExpected, verdict: Verdict, law: Law
) -> list[tuple[str, Any, Any, bool]]:
    label = f"verdicts[{number}] {wanted.event.get('event')}"
    checks: list[tuple[str, Any, Any, bool]] = []
    got_outcome = str(verdict.outcome)
    if wanted.outcome is not None:
        checks.append(
            (f"{label} outcome", wanted.outcome, got_outcome, wanted.outcome == got_outcome)
        )
    cited = list(verdict.cites)
    for cite in wanted.cites:
        checks.append((f"{label} cites {cite}", "cited", cited, _cited(verdict.cites, cite)))
    if wanted.not_cites is not None:
        found = [c for c in wanted.not_cites if _cited_any(verdict.cites, c, law)]
        checks.append(
            (f"{label} not_cites", f"none of {list(wanted.not_cites)}", cited, not found)
        )
    if wanted.rests_on is not None:
        relied = list(verdict.assumptions)
        holds = all(k in relied for k in wanted.rests_on)
        checks.append((f"{label} rests_on", list(wanted.rests_on), relied, holds))
    if wanted.reasons is not None:
        codes = [r.code for r in verdict.reasons]
        holds = all(c in codes for c in wanted.reasons)
        checks.append((f"{label} reasons", list(wanted.reasons), codes, holds))
    if wanted.missing is not None:
        holds = _missing_holds(wanted.missing, verdict)
        expected = list(wanted.missing) or "nothing open"
        checks.append((f"{label} missing", expected, _open_facts(verdict), holds))
    return checks


def _obligation_check(
    duty: ObligationExpected, obligations: tuple[Obligation, ...]
) -> tuple[str, Any, Any, bool]:
    """Some obligation with the code (or provision) has the status and every key given.

    ``held_back_by`` and ``why`` are read where the docket gives them (None otherwise).
    """
    name = duty.code or duty.provision or ""
    found = [
        o
        for o in obligations
        if o.code == duty.code
        or (duty.provision is not None and matches(o.provision, duty.provision))
    ]
    wanted = {"status": duty.status, **dict(duty.keys)}

    def has(o: Obligation) -> bool:
        return all(_value(getattr(o, k, None)) == v for k, v in wanted.items())

    if duty.keys:
        got: Any = [
            {k: _value(getattr(o, k, None)) for k in wanted} for o in found
        ] or "no such obligation"
        expected: Any = {k: _value(v) for k, v in wanted.items()}
    else:
        got = [str(o.status) for o in found] or "no such obligation"
        expected = duty.status
    return (f"obligations: {name}", expected, got, any(has(o) for o in found))


def _value(value: Any) -> Any:
    """A value as an expectation compares it: an enum as its value."""
    return value.value if isinstance(value, enum.Enum) else value


def _violation_checks(expect: Expectations, case: Case) -> list[tuple[str, Any, Any, bool]]:
    checks: list[tuple[str, Any, Any, bool]] = []
    lists = (
        ("violations", case.violations, expect.violations, expect.no_violations),
        (
            "possible_violations",
            case.possible_violations,
            expect.possible_violations,
            expect.no_possible_violations,
        ),
    )
    happened = len(case.steps)
    for key, entries, wanted, unwanted in lists:
        got = [_summary(v) for v in entries]
        for number, matcher in enumerate(wanted):
            if matcher.step is not None and matcher.step >= happened:
                continue  # not yet happened on the as-of date: see _not_yet_checks
            holds = any(_matched(matcher, v) for v in entries)
            checks.append((f"{key}[{number}]", _shown(matcher), got, holds))
        if unwanted is not None:
            hits = [_summary(v) for v in entries if any(_matched(m, v) for m in unwanted)]
            expected = (
                "none"
                if unwanted == (ViolationMatcher(),)
                else "none matching " + ("; ".join(_shown(m) for m in unwanted))
            )
            checks.append((f"no_{key}", expected, hits, not hits))
    return checks


def _matched(matcher: ViolationMatcher, violation: Violation) -> bool:
    return (
        (matcher.step is None or matcher.step == violation.index)
        and (matcher.event is None or matcher.event == violation.event.name)
        and (matcher.state is None or matcher.state == violation.state)
        and all(_cited(violation.cites, c) for c in matcher.cites)
    )


def _shown(matcher: ViolationMatcher) -> str:
    parts = [
        f"step {matcher.step}" if matcher.step is not None else "",
        f"event {matcher.event}" if matcher.event else "",
        f"cites {', '.join(matcher.cites)}" if matcher.cites else "",
        f"state {matcher.state}" if matcher.state else "",
    ]
    return ", ".join(p for p in parts if p) or "any"


def _summary(violation: Violation) -> str:
    return (
        f"step {violation.index} {violation.event.name} by {violation.state} "
        f"[{', '.join(violation.cites)}]"
    )


def run_one(
    scenario: Scenario, variant: Variant | None = None, *, as_of: datetime.date | None = None
) -> RunResult:
    """Run a scenario, or one of its variants (a :class:`Variant` of it), on its own date or
    on ``as_of``: the case as it stood that day. On a date other than its own (see
    :func:`written_for`) its expectations are not checked: none passes, none fails.
    """
    arguments.instance("scenario", scenario, Scenario, "a Scenario, e.g. from load_scenarios()")
    if variant is not None:
        arguments.instance("variant", variant, Variant, "a Variant of the scenario, or None")
    as_of = arguments.optional_day("as_of", as_of)
    checked = _checked_on(scenario, variant, as_of)
    assumptions = variant.assumptions if variant else scenario.assumptions
    mode = variant.mode if variant else scenario.mode
    if as_of is None:
        as_of = variant.as_of if variant else scenario.as_of
    expect = variant.expect if variant else scenario.expect
    whole = Case.replay(scenario.record, assumptions, mode, law=scenario.law)
    # Hypothetical steps, flags and the docket are judged at the as-of date, or else at the
    # last event's date; never at today's date.
    on = evaluated_on(as_of, whole.last_date)
    # Time travel: the case as it stood on the as-of date; later events had not happened.
    case = whole if on is None else whole.until(on)
    events = scenario.record.events
    not_yet = () if on is None else tuple(LaterEvent(i, events[i]) for i in whole.not_yet(on))
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
    failures += _not_yet_checks(judged, not_yet)
    if not checked:
        # Written for another date: the expectations are neither passed nor failed.
        passed, failures, unjudged = 0, [], []
    record = case.record
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
        not_yet=not_yet,
        subject_name=record.subject.name,
        case=case,
        overlays=scenario.law.overlays,
        description=scenario.description,
    )


def _claims(claims: tuple[Claim, ...]) -> tuple[ClaimGroup, ...]:
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.about, []).append(claim)
    return tuple(
        ClaimGroup(about, tuple((c.value, c.source, c.date.isoformat()) for c in listed))
        for about, listed in groups.items()
    )


def run(
    scenario: Scenario, *, variant: str | None = None, as_of: datetime.date | None = None
) -> list[RunResult]:
    """Run a scenario and each of its variants (or only the variant named), each on its own
    date or on ``as_of`` (see :func:`run_one`: on another date nothing is checked).

    :class:`~powcase.errors.InvalidInput` if ``variant`` names none of the scenario's variants
    (the message lists them); :class:`~powcase.errors.InvalidArgument` for an argument of the
    wrong type.
    """
    arguments.instance("scenario", scenario, Scenario, "a Scenario, e.g. from load_scenarios()")
    if variant is not None:
        arguments.choice(
            "variant", variant, [v.name for v in scenario.variants], "a variant of the scenario"
        )
    results = []
    if variant is None:
        results.append(run_one(scenario, as_of=as_of))
    for each in scenario.variants:
        if variant is None or each.name == variant:
            results.append(run_one(scenario, each, as_of=as_of))
    return results
