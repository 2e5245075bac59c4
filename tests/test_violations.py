"""Violations and possible violations (docs/explanation/legal-model.md#model-violations)."""

import json

from hypothesis import given

from powcase import Case, Subject
from powcase.testing import assumptions, records

KP = Subject(id="ri", nationality=["KP"], forces="KP")
RU = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture"}


def ev(date, event, **fields):
    return {"date": date, "event": event, **fields}


def history(*steps, subject=KP, mode="descriptive"):
    case = Case.open(subject, "UA", mode=mode)
    for step in steps:
        case = case.apply(step, on_refusal="record")
    return case


def test_a_forced_return_is_a_violation_with_its_citations():
    forced = history(
        CAPTURE, ev("2026-06-01", "hostilities_ended"), ev("2026-06-02", "repatriate", to="KP")
    )
    assert forced.state == ["repatriated"]
    (violation,) = forced.violations
    assert violation.index == 2
    assert {"ICRC-COM-2020-GCIII-118", "CAT-3"} <= set(violation.cites)
    assert all(r.kind == "prohibition" for r in violation.reasons)
    assert forced.possible_violations == ()
    json.dumps(violation.to_dict())


def test_a_step_lacking_only_a_precondition_is_a_possible_violation():
    # An exchange with no exchange agreement on record (GCIII-6) lacks a precondition.
    unagreed = history(CAPTURE, ev("2025-02-01", "exchange", to="RU"), subject=RU)
    assert unagreed.violations == ()
    (possible,) = unagreed.possible_violations
    assert possible.cites == ("GCIII-6",)


def test_an_undetermined_step_is_a_possible_violation():
    wish = ev("2025-02-19", "wish_expressed", destination="KR")
    consent = ev("2025-03-01", "receiving_state_consents", state="KR")
    moved = history(CAPTURE, wish, consent, ev("2025-03-02", "release_to_third_state", to="KR"))
    assert [v.index for v in moved.possible_violations] == [3]


def test_identifiable_media_by_the_detaining_power_is_a_violation_in_both_modes():
    for mode in ("normative", "descriptive"):
        shown = history(
            CAPTURE, ev("2025-01-11", "media_exposure", identifiable=True, by="UA"), mode=mode
        )
        (violation,) = shown.violations
        assert violation.cites == ("GCIII-13", "ICRC-COM-2020-GCIII-13")
    press = history(
        CAPTURE, ev("2025-01-11", "media_exposure", identifiable=True, by="a newspaper")
    )
    assert press.violations == ()


def test_a_coercive_interrogation_is_a_violation_in_both_modes():
    for mode in ("normative", "descriptive"):
        questioned = history(CAPTURE, ev("2025-01-10", "interrogated", coercive=True), mode=mode)
        assert [v.cites for v in questioned.violations] == [("GCIII-17",)]


@given(records(max_events=10), assumptions())
def test_in_normative_mode_no_machine_step_is_ever_a_violation(record, reading):
    """Save a death at a guard's hands during an escape without warnings (GCIII-42): the
    step is allowed, the killing is the breach."""
    case = Case.replay(record, reading)
    for violation in (*case.violations, *case.possible_violations):
        if violation.event.event_kind == "machine":
            assert violation.event.name == "die"
            assert violation.event.during_escape is True
        else:
            assert violation.event.event_kind == "incident"
    again = Case.replay(record, reading)
    assert (again.violations, again.possible_violations) == (
        case.violations,
        case.possible_violations,
    )
