"""Every public value a user gets back reads well: a short repr, a readable str, Markdown and
HTML for Jupyter (escaped), no Python syntax, and never the subject's name.
"""

import re

import pytest

import powcase
from powcase import Case, Record, Subject
from powcase.explore.comparison import compare
from powcase.scenario.load import load_scenarios
from powcase.scenario.running import run

RI = "examples/ri.powcase.yaml"
NOISE = re.compile(r"datetime\.|\{'|\bTrue\b|\bFalse\b|\bNone\b|\(\)|=\w|\w=")


def _values():
    scenario = load_scenarios(RI)[0]
    result = run(scenario)[0]
    case = result.case
    return {
        "RunResult": result,
        "StepResult": result.steps[1],
        "Asked": result.asked[1],
        "Verdict": result.asked[0].verdict,
        "Reason": result.asked[0].verdict.reasons[0],
        "Missing": result.asked[1].verdict.missing[0],
        "Reading": result.asked[0].verdict.reasons[1].reading,
        "Flag": result.flags[0],
        "Obligation": result.obligations[0],
        "Violation": result.violations[0],
        "Case": case,
        "Step": case.steps[1],
        "Timeline": case.timeline,
        "Option": case.options()[0],
        "Moment": case.moments()[1],
        "Provision": powcase.provision("GCIII-13"),
        "Comparison": compare(scenario, ["third_state_release"]),
        "Failure": powcase.Failure("state", ["released"], ["in_custody"]),
        "ClaimGroup": powcase.ClaimGroup(
            "age", (("19", "a", "2025-01-01"), ("25", None, "2025-01-02"))
        ),
    }


VALUES = _values()


@pytest.mark.parametrize("name", sorted(VALUES))
def test_a_public_value_has_a_short_repr_and_readable_faces(name):
    value = VALUES[name]
    shown = repr(value)
    assert shown.startswith(f"<{type(value).__name__} "), shown
    assert shown.endswith(">")
    assert "\n" not in shown
    assert len(shown) < 200, shown
    for face in (shown, str(value), value._repr_markdown_()):
        assert NOISE.search(face.replace("<" + type(value).__name__, "")) is None, face
    html = value._repr_html_()
    assert html.startswith("<")


def test_the_verdict_repr_of_the_issue():
    verdict = VALUES["Verdict"]
    assert repr(verdict) == "<Verdict refused: repatriate (to KP) on 2025-03-17, 3 reasons>"
    assert str(verdict).splitlines()[0] == "refused: repatriate (to KP) on 2025-03-17"


def test_a_case_says_the_breach_found_in_a_step():
    assert (
        "1: media_exposure (identifiable true, by UA) on 2025-01-11: recorded, a violation"
        in str(VALUES["Case"])
    )


def test_the_markdown_and_html_reprs_are_escaped():
    result = VALUES["RunResult"]
    hostile = Case.replay(
        Record(
            subject=Subject(id="<b>x</b>", nationality=["KP"], name="Kim Secret"),
            detaining_power="UA",
        )
    )
    for value in (hostile,):
        assert "<b>x</b>" not in value._repr_html_()
        assert "&lt;b&gt;x&lt;/b&gt;" in value._repr_html_()
    assert "<b>" not in result._repr_markdown_()


def test_the_subject_name_is_never_shown():
    case = Case.replay(
        Record(
            subject=Subject(id="s1", nationality=["KP"], name="Kim Secret"),
            detaining_power="UA",
        )
    )
    for face in (repr(case), str(case), case._repr_markdown_(), case._repr_html_()):
        assert "Kim" not in face
    (scenario,) = [s for s in load_scenarios(RI) if s.record.subject.name][:1] or [None]
    if scenario is not None:
        result = run(scenario)[0]
        for face in (repr(result), str(result), result._repr_markdown_(), result._repr_html_()):
            assert scenario.record.subject.name not in face


def test_the_verdict_on_an_incident_reads_recorded():
    verdict = VALUES["Case"].steps[1].verdict
    assert repr(verdict).startswith("<Verdict recorded: media_exposure")
    assert str(VALUES["Step"]).startswith(
        "1: media_exposure (identifiable true, by UA) on 2025-01-11: recorded"
    )
