"""Time travel (issue 15, item 5): the case as it stood on a date before its last event.

Events dated after the as-of date are listed as not yet happened: never judged, and counted in
no flag, docket entry or violation. The property: for every as-of date, the findings equal
those of the record cut to the events (and claims) up to that date.
"""

import datetime
import io
import json
import pathlib

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powcase import Case
from powcase.cli import main
from powcase.scenario import load_scenarios, run_one
from powcase.testing.strategies import records, scenarios

D = datetime.date

SCENARIO = """\
powcase: 1
title: A Russian soldier held by Ukraine
subject: {id: s1, nationality: [RU], forces: RU}
detaining_power: UA
events:
  - {date: 2024-10-01, event: capture}
  - {date: 2024-10-05, event: media_exposure, identifiable: true, by: UA}
  - {date: 2024-11-01, event: request_protection, kind: asylum}
  - {date: 2025-03-01, event: risk_on_return, state: RU, kind: prosecution}
  - {date: 2025-04-01, event: interrogated, coercive: true}
"""


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def scenario_file(tmp_path):
    path = tmp_path / "held.powcase.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


def _cut(record, on):
    """The record as it stood on ``on``: the events and claims dated up to that day."""
    return attrs.evolve(
        record,
        events=tuple(e for e in record.events if e.date <= on),
        claims=tuple(c for c in record.claims if c.date <= on),
    )


def _dates(record):
    first, last = record.events[0].date, record.events[-1].date
    span = (last - first).days
    return st.integers(min_value=-5, max_value=span + 5).map(
        lambda days: first + datetime.timedelta(days=days)
    )


class TestTheCaseAsItStood:
    @settings(max_examples=60, deadline=None)
    @given(st.data())
    def test_findings_as_of_a_date_equal_those_of_the_record_cut_to_it(self, data):
        record = data.draw(records(max_events=8))
        if not record.events:
            return
        on = data.draw(_dates(record))
        whole = Case.replay(record)
        cut = Case.replay(_cut(record, on))
        # The as-of machinery of the whole case agrees with the record cut at that date.
        assert whole.flags_as_of(on) == cut.flags_as_of(on)
        assert whole.docket(on) == cut.docket(on)
        assert whole.active_flags(on) == cut.active_flags(on)
        assert tuple(whole.moments(on)) == tuple(cut.moments(on))
        # ...and the case as it stood is that cut record's case.
        then = whole.until(on)
        assert then.state == cut.state
        assert then.steps == cut.steps
        assert then.violations == cut.violations
        assert then.possible_violations == cut.possible_violations
        assert whole.not_yet(on) == tuple(i for i, e in enumerate(record.events) if e.date > on)
        assert whole.steps[: len(then.steps)] == then.steps

    @settings(max_examples=40, deadline=None)
    @given(st.data())
    def test_a_run_as_of_a_date_is_the_run_of_the_record_cut_to_it(self, data):
        scenario = data.draw(scenarios(max_events=8))
        if not scenario.record.events:
            return
        on = data.draw(_dates(scenario.record))
        dated = run_one(attrs.evolve(scenario, as_of=on))
        cut = run_one(attrs.evolve(scenario, record=_cut(scenario.record, on), as_of=on))
        later = [i for i, e in enumerate(scenario.record.events) if e.date > on]
        assert [e.index for e in dated.not_yet] == later
        assert [e.event for e in dated.not_yet] == [scenario.record.events[i] for i in later]
        assert cut.not_yet == ()
        for key in ("state", "steps", "flags", "active", "obligations", "violations"):
            assert getattr(dated, key) == getattr(cut, key), key
        assert dated.possible_violations == cut.possible_violations
        assert dated.claims == cut.claims

    def test_options_on_an_earlier_date_are_those_of_the_case_then(self, scenario_file):
        record = load_scenarios(scenario_file)[0].record
        whole = Case.replay(record)
        then = whole.until(D(2024, 10, 2))
        assert then.state == ["in_custody", "presumed_pow", "no_request", "none"]
        assert whole.options(D(2024, 10, 2)) == then.options(D(2024, 10, 2))
        names = {o.event.name for o in whole.options(D(2024, 10, 2))}
        assert "request_protection" in names

    def test_the_run_result_keeps_its_not_yet_events_through_json(self, scenario_file):
        scenario = attrs.evolve(load_scenarios(scenario_file)[0], as_of=D(2024, 12, 1))
        result = run_one(scenario)
        plain = result.to_dict()
        assert [e["index"] for e in plain["not_yet"]] == [3, 4]
        assert plain["not_yet"][1] == {
            "index": 4,
            "date": "2025-04-01",
            "event": "interrogated",
            "kind": "incident",
            "fields": {"coercive": True},
            "sources": [],
        }
        _, schema, _ = cli("schema", "--output", "run")
        jsonschema.validate([json.loads(json.dumps(plain))], json.loads(schema))
        assert type(result).from_dict(plain) == result
        later = result.not_yet[1]
        assert repr(later) == (
            "<LaterEvent event 4, 2025-04-01: interrogated (coercive true), not yet happened>"
        )


class TestTheCommand:
    def test_run_as_of_before_the_last_event_shows_the_case_then(self, scenario_file):
        code, out, err = cli("run", str(scenario_file), "--as-of", "2024-12-01")
        assert code == 0, err
        assert "state: in_custody · presumed_pow · request_pending · none" in out
        assert "2025-04-01    not yet     interrogated (coercive true)" in out
        assert "events after 2024-12-01 had not happened yet" in out
        # The coercive interrogation of 2025-04-01 is not yet a violation, nor a flag.
        assert "coercive_interrogation" not in out
        assert "interrogated (event 4)" not in out

    def test_run_json_lists_the_later_events_and_validates(self, scenario_file):
        code, out, _ = cli("run", str(scenario_file), "--as-of", "2024-12-01", "--format", "json")
        assert code == 0
        (run,) = json.loads(out)
        assert [s["index"] for s in run["steps"]] == [0, 1, 2]
        assert [e["index"] for e in run["not_yet"]] == [3, 4]
        assert all(v["index"] < 3 for v in run["violations"])
        _, schema, _ = cli("schema", "--output", "run")
        jsonschema.validate(json.loads(out), json.loads(schema))

    def test_run_markdown_marks_the_later_events(self, scenario_file):
        code, out, _ = cli(
            "run", str(scenario_file), "--as-of", "2024-12-01", "--format", "markdown"
        )
        assert code == 0
        assert "| 4 | 2025-04-01 | interrogated | not yet happened |  |  |" in out

    def test_a_run_as_of_the_last_event_or_later_has_nothing_not_yet(self, scenario_file):
        _, out, _ = cli("run", str(scenario_file), "--format", "json")
        assert json.loads(out)[0]["not_yet"] == []

    def test_options_on_an_earlier_date(self, scenario_file):
        code, out, _ = cli("options", str(scenario_file), "--as-of", "2024-10-02")
        assert code == 0
        assert "state: in_custody · presumed_pow · no_request · none" in out
        assert "Not yet happened on 2024-10-02: events 1, 2, 3, 4." in out
        _, plain, _ = cli(
            "options", str(scenario_file), "--as-of", "2024-10-02", "--format", "json"
        )
        (document,) = json.loads(plain)
        assert [e["index"] for e in document["not_yet"]] == [1, 2, 3, 4]

    def test_explain_a_step_after_the_date_says_it_had_not_happened(self, scenario_file):
        code, out, _ = cli("explain", str(scenario_file), "--step", "4", "--as-of", "2024-12-01")
        assert code == 0
        assert out.startswith("Step 4, 2025-04-01: interrogated (coercive true)\n")
        assert "not yet happened on 2024-12-01" in out
        _, plain, _ = cli(
            "explain", str(scenario_file), "--step", "4", "--as-of", "2024-12-01",
            "--format", "json",
        )  # fmt: skip
        payload = json.loads(plain)
        assert payload["step"]["not_yet"] is True
        assert "outcome" not in payload["step"]

    def test_explain_a_step_before_the_date_is_judged(self, scenario_file):
        code, out, _ = cli("explain", str(scenario_file), "--step", "2", "--as-of", "2024-12-01")
        assert code == 0
        assert "not yet" not in out

    def test_the_report_as_of_an_earlier_date(self, scenario_file, tmp_path):
        page = tmp_path / "report.html"
        code, _, err = cli("report", str(scenario_file), "--as-of", "2024-12-01", "-o", str(page))
        assert code == 0, err
        html = page.read_text(encoding="utf-8")
        assert "not yet happened" in html
        assert "Evaluated as of 2024-12-01" in html


class TestAScenarioOwnAsOf:
    def test_a_scenario_may_be_read_as_of_a_date_before_its_last_event(self, tmp_path):
        path = tmp_path / "early.powcase.yaml"
        path.write_text(
            SCENARIO
            + "as_of: 2024-12-01\n"
            + "expect:\n  steps: {2: allowed}\n  no_flags: [coercive_interrogation]\n"
            + "  no_violations: [{event: interrogated}]\n",
            encoding="utf-8",
        )
        code, out, err = cli("run", str(path))
        assert code == 0, out + err
        assert "Expectations: 3 passed, 0 failed" in out

    def test_an_expectation_about_a_later_step_is_a_located_error(self, tmp_path):
        path = tmp_path / "early.powcase.yaml"
        path.write_text(
            SCENARIO + "as_of: 2024-12-01\nexpect:\n  steps: {4: allowed}\n", encoding="utf-8"
        )
        code, _, err = cli("validate", str(path))
        assert code == 2
        assert f"{path}:13:" in err
        assert "expect.steps.4" in err
        assert "event 4 (2025-04-01) is after as_of (2024-12-01)" in err

    def test_a_variant_as_of_is_checked_against_its_own_expectations(self, tmp_path):
        path = tmp_path / "variant.powcase.yaml"
        path.write_text(
            SCENARIO
            + "expect:\n  steps: {4: allowed}\n"
            + "variants:\n  early:\n    as_of: 2024-12-01\n"
            + "    expect:\n      violations: [{step: 4}]\n",
            encoding="utf-8",
        )
        code, _, err = cli("validate", str(path))
        assert code == 2
        assert "variants.early.expect.violations[0].step" in err
        assert "expect.steps.4" not in err.replace("variants.early.", "")

    def test_an_earlier_as_of_on_the_command_line_leaves_the_expectations_unchecked(
        self, tmp_path
    ):
        """The expectations are written for the file's own date: on another, the case is
        shown as it stood then (step 4 not yet happened) and they are said to be unchecked."""
        path = tmp_path / "late.powcase.yaml"
        path.write_text(SCENARIO + "expect:\n  steps: {4: allowed}\n", encoding="utf-8")
        code, out, err = cli("run", str(path), "--as-of", "2024-12-01")
        assert code == 0
        assert "2025-04-01    not yet     interrogated (coercive true)" in out
        assert "expected a step by the as-of date" not in out
        assert "written for 2025-04-01, not for 2024-12-01; they were not checked" in err


def test_the_example_files_do_not_change_as_of_their_own_date():
    """A file whose as_of is on or after its last event has nothing not yet happened."""
    root = pathlib.Path(__file__).parent.parent / "examples"
    for path in sorted(root.glob("*.powcase.yaml")):
        for scenario in load_scenarios(path):
            assert run_one(scenario).not_yet == (), path.name
