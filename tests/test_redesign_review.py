"""Regressions found by reviewing the layered redesign: values that hash and pickle, a refused
step that leaves the record alone, and overlays that reach every output."""

import io
import json
import pickle

import pytest
from hypothesis import given, settings

from powcase import Capture, Case, InvalidInput, Law, Record, Repatriate, StepRefused, Subject
from powcase._util.chain import Chain
from powcase.cli import main
from powcase.scenario.model import parse_scenarios
from powcase.testing import assumptions, records

from .test_law_overlays import OVERLAY, SCENARIOS

KP = Subject(id="ri", nationality=["KP"], forces="KP")
CITE = "BY-CC-361-3"  # a provision only the example overlay has


def _captured() -> Case:
    return Case.open(KP, "UA").apply(Capture(date="2025-01-09"))


def test_a_case_hashes_and_pickles_small():
    case = _captured()
    assert hash(case) == hash(Case(case.record))
    again = pickle.loads(pickle.dumps(case))
    assert again == case
    assert again.steps == case.steps
    # The packaged law is not carried in the pickle.
    assert len(pickle.dumps(case)) < 5_000


def test_a_refused_step_leaves_the_record_unshared():
    case = _captured()
    with pytest.raises(StepRefused):
        case.apply(Repatriate(date="2025-02-01", to="KP"))
    assert len(case.record.events) == 1
    later = case.apply({"date": "2025-02-02", "event": "icrc_visit"})
    # The refused event never reached the shared list: the next case extends it in place.
    assert later.record.events._items is case.record.events._items


def test_a_record_checks_the_type_of_every_event():
    with pytest.raises(InvalidInput, match=r"events\[0\]"):
        Record(subject=KP, detaining_power="UA", events=Chain(["not an event"]))


def test_each_scenario_of_a_file_is_checked_against_its_own_law():
    document = {
        "powcase": 1,
        "scenarios": [
            {
                "title": "with the overlay",
                "law": [str(OVERLAY)],
                "subject": {"id": "a", "nationality": ["BY"]},
                "detaining_power": "UA",
                "expect": {
                    "verdicts": [{"event": {"event": "capture"}, "cites": ["BY-CC-361-3"]}]
                },
            },
            {
                "title": "without it",
                "subject": {"id": "b", "nationality": ["BY"]},
                "detaining_power": "UA",
                "expect": {
                    "verdicts": [{"event": {"event": "capture"}, "cites": ["BY-CC-361-3"]}]
                },
            },
        ],
    }
    _, problems = parse_scenarios(document, "<string>")
    assert [p.path for p in problems] == ["scenarios[1].expect.verdicts[0].cites[0]"]


def _cli(*args):
    out, err = io.StringIO(), io.StringIO()
    return main(list(args), out=out, err=err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "command",
    [
        ("options", str(SCENARIOS), "--format", "json"),
        ("explain", str(SCENARIOS), "--step", "0", "--format", "json"),
        ("compare", str(SCENARIOS), "--vary", "status_route", "--format", "json"),
    ],
)
def test_every_json_output_names_the_overlays(command):
    code, out, _ = _cli(*command)
    assert code == 0
    document = json.loads(out)  # one document: a list about scenarios, or one step
    first = document[0] if isinstance(document, list) else document
    assert first["generated_by"]["overlays"][0]["path"].endswith("overlay.yaml")


def test_a_missing_overlay_is_reported_in_the_scenario_file(tmp_path):
    scenario = tmp_path / "s.powcase.yaml"
    scenario.write_text(SCENARIOS.read_text().replace("[overlay.yaml]", "[absent.yaml]"))
    code, _, err = _cli("validate", str(scenario))
    assert code == 2
    assert f"{scenario}:6:" in err
    assert err.count("law[0]: 'absent.yaml' is not a file") == 1


@settings(max_examples=40)
@given(records(max_events=10), records(max_events=10), assumptions())
def test_remembered_answers_are_the_answers(record, other, reading):
    """The law remembers what a state does to him by period: a case judged after another has
    filled that memory finds exactly what it finds with the memory empty."""
    law = Law.packaged()
    law.memo.clear()
    fresh = Case(record, reading)
    expected = (fresh.steps, fresh.flags, fresh.docket(), fresh.violations)
    law.memo.clear()
    _ = Case(other, reading).flags  # fills the memory with another record's questions
    warm = Case(record, reading)
    assert (warm.steps, warm.flags, warm.docket(), warm.violations) == expected
