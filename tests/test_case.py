"""Case: immutable, replayed from its record; normative and descriptive modes."""

import json

import pytest

from powcase import (
    Assumptions,
    Capture,
    Case,
    InvalidInput,
    Outcome,
    Repatriate,
    StepNotPossible,
    StepRefused,
    Subject,
    WishExpressed,
)

SUBJECT = Subject(id="ri", nationality=["KP"], forces="KP")


@pytest.fixture
def captured():
    return Case.open(SUBJECT, "UA").apply(Capture(date="2025-01-09", wounded=True))


def test_apply_returns_a_new_case_and_leaves_the_old_one(captured):
    later = captured.apply(WishExpressed(date="2025-02-19", destination="KR"))
    assert len(later.record.events) == 2
    assert len(captured.record.events) == 1
    assert later.state == captured.state == ["in_custody", "presumed_pow", "no_request", "none"]


def test_a_refused_step_raises_and_changes_nothing(captured):
    with pytest.raises(StepRefused) as caught:
        captured.apply(Repatriate(date="2025-02-01", to="KP"))
    verdict = caught.value.verdict
    assert verdict.outcome is Outcome.REFUSED
    assert "GCIII-118" in verdict.cites
    assert captured.record.events == (Capture(date="2025-01-09", wounded=True),)


def test_a_refusal_can_be_recorded_instead(captured):
    recorded = captured.apply(Repatriate(date="2025-02-01", to="KP"), on_refusal="record")
    step = recorded.steps[-1]
    assert (step.outcome, step.applied) == (Outcome.REFUSED, False)
    assert recorded.state == captured.state
    assert step.cites[0] == "GCIII-118"


def test_an_undetermined_step_is_not_applied_in_normative_mode(captured):
    wish = captured.apply({"date": "2025-02-19", "event": "wish_expressed", "destination": "KR"})
    consent = wish.apply(
        {"date": "2025-03-01", "event": "receiving_state_consents", "state": "KR"}
    )
    with pytest.raises(StepRefused, match="undetermined"):
        consent.apply({"date": "2025-03-02", "event": "release_to_third_state", "to": "KR"})


def test_descriptive_mode_applies_what_happened(captured):
    history = Case.replay(captured.record, mode="descriptive")
    returned = history.apply(Repatriate(date="2025-02-01", to="KP"))
    assert returned.state == ["repatriated"]
    assert returned.steps[-1].outcome is Outcome.REFUSED
    assert returned.steps[-1].applied is True
    assert returned.steps[-1].verdict.rests_on_prohibition()


def test_a_move_the_path_does_not_have_is_its_own_error_in_both_modes(captured):
    for mode in ("normative", "descriptive"):
        case = Case.replay(captured.record, mode=mode)
        with pytest.raises(StepNotPossible, match="resettle is not possible"):
            case.apply({"date": "2025-02-01", "event": "resettle"})


def test_replay_records_a_move_the_path_does_not_have(captured):
    recorded = captured.apply({"date": "2025-02-01", "event": "resettle"}, on_refusal="record")
    step = recorded.steps[-1]
    assert step.applied is False
    assert [r.code for r in step.verdict.reasons] == ["not_possible_from_state"]
    assert step.cites == ()
    assert Case.replay(recorded.record) == recorded


def test_verdict_changes_nothing_and_defaults_to_the_last_event_date(captured):
    verdict = captured.verdict({"event": "repatriate", "to": "KP"})
    assert verdict.event.date.isoformat() == "2025-01-09"
    assert captured.verdict(verdict.event) == verdict
    assert len(captured.steps) == 1


def test_an_event_before_the_last_is_refused_with_its_place(captured):
    with pytest.raises(InvalidInput, match=r"events\[1\]\.date"):
        captured.apply({"date": "2024-12-31", "event": "icrc_visit"})


def test_bad_arguments_get_clear_errors(captured):
    with pytest.raises(InvalidInput, match="on_refusal"):
        captured.apply({"date": "2025-02-01", "event": "icrc_visit"}, on_refusal="ignore")
    with pytest.raises(InvalidInput, match="mode"):
        Case.replay(captured.record, mode="historic")
    with pytest.raises(InvalidInput, match="expected an event"):
        captured.apply("capture")
    with pytest.raises(InvalidInput, match="not a known event"):
        captured.verdict({"event": "escpae"})


def test_replaying_the_record_gives_the_same_case(captured):
    case = captured.apply(
        {"date": "2025-02-01", "event": "exchange", "to": "KP"}, on_refusal="record"
    )
    assert Case.replay(case.record, case.assumptions, case.mode) == case


def test_assumptions_are_recorded_in_each_verdict(captured):
    strict = Case.replay(captured.record, Assumptions(ihl_non_refoulement="strict_text"))
    verdict = strict.verdict({"event": "repatriate", "to": "KP"})
    assert "ihl_non_refoulement" in verdict.assumptions
    assert "ICRC-COM-2020-GCIII-118" not in verdict.cites


def test_steps_serialise_as_the_output_contract(captured):
    step = captured.steps[0].to_dict()
    assert step == {
        "index": 0,
        "date": "2025-01-09",
        "event": "capture",
        "kind": "machine",
        "fields": {"wounded": True},
        "outcome": "allowed",
        "applied": True,
        "from": ["at_large"],
        "to": ["in_custody", "presumed_pow", "no_request", "none"],
        "cites": ["GCIII-5", "GCIII-12"],
        "reasons": step["reasons"],
        "missing": [],
        "sources": [],
    }
    assert step["reasons"][0]["kind"] == "basis"
    json.dumps(step)


def test_the_repr_names_the_pseudonym_not_the_name():
    case = Case.open(Subject(id="ri", name="Kim Secret", nationality=["KP"]), "UA")
    assert "Kim Secret" not in repr(case)
    assert repr(case).startswith("<Case ri,")


def test_a_case_renders_in_a_notebook_without_the_name():
    case = Case.open(Subject(id="ri", name="Kim Secret", nationality=["KP"]), "UA")
    case = case.apply(Capture(date="2025-01-09", wounded=True))
    shown = case._repr_markdown_()
    assert "| 0 | 2025-01-09 | capture | allowed | yes |" in shown
    assert "**refoulement_risk** (critical)" in shown
    assert "Kim Secret" not in shown


def test_a_run_result_renders_in_a_notebook():
    import powcase

    scenario = powcase.load_scenarios("examples/ri.powcase.yaml")[0]
    (result, _) = powcase.run(scenario)
    assert result._repr_markdown_().startswith("## Ri, captured in Kursk")
