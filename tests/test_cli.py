"""The powcase command: golden outputs, exit codes, personal data, start-up imports."""

import io
import json
import os
import pathlib
import subprocess
import sys

import jsonschema
import pytest

from powcase._util.located import read_document
from powcase.cli import main
from powcase.scenario.schema import scenario_schema

HERE = pathlib.Path(__file__).parent
SCENARIOS = HERE / "scenarios"
GOLDEN = HERE / "golden"
RI = str(SCENARIOS / "ri.powcase.yaml")
FORCED = str(SCENARIOS / "forced_return.powcase.yaml")
UPDATE = os.environ.get("POWCASE_UPDATE_GOLDEN") == "1"


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _stable_json(text):
    payload = json.loads(text)
    for run in payload:
        run["generated_by"]["powcase"] = "<version>"
        run["file"] = pathlib.Path(run["file"]).name
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    ("source", "fmt", "golden"),
    [
        (RI, "text", "ri.txt"),
        (RI, "json", "ri.json"),
        (RI, "markdown", "ri.md"),
        (FORCED, "text", "forced_return.txt"),
        (FORCED, "json", "forced_return.json"),
    ],
)
def test_golden_outputs(source, fmt, golden):
    code, out, _ = cli("run", source, "--format", fmt)
    assert code == 0
    if fmt == "json":
        out = _stable_json(out)
    path = GOLDEN / golden
    if UPDATE:
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_json_output_has_the_contract_keys():
    _, out, _ = cli("run", RI, "--format", "json")
    run = json.loads(out)[0]
    assert {
        "generated_by",
        "scenario",
        "variant",
        "mode",
        "assumptions",
        "state",
        "steps",
        "verdicts",
        "flags",
        "violations",
        "possible_violations",
        "obligations",
        "claims",
        "expectations",
    } <= set(run)
    assert run["generated_by"]["model"] == 2
    assert run["steps"][0]["cites"] == ["GCIII-5", "GCIII-12"]
    assert run["claims"][0]["contested"] is True


class TestExitCodes:
    def test_zero_when_every_expectation_holds(self):
        assert cli("run", RI)[0] == 0
        assert cli("test", str(SCENARIOS))[0] == 0
        assert cli("validate", RI)[0] == 0

    def test_one_when_an_expectation_fails(self, tmp_path):
        failing = tmp_path / "failing.yaml"
        failing.write_text(
            pathlib.Path(RI)
            .read_text()
            .replace("no_flags: [self_harm_risk]", "no_flags: [public_curiosity]")
        )
        code, out, _ = cli("run", str(failing))
        assert code == 1
        assert "no_flags: public_curiosity: expected not active, got active" in out
        code, out, _ = cli("test", str(tmp_path))
        assert code == 1
        assert "FAIL" in out
        assert "1 failed" in out

    def test_two_for_invalid_input(self, tmp_path):
        bad = tmp_path / "bad.yaml"
        bad.write_text(
            "powcase: 1\nsubject: {id: x, nationality: [KP]}\n"
            "detaining_power: UA\nevents:\n  - {date: 2025-01-09, event: captre}\n"
            "  - {date: 2025-01-10, event: icrc_visit, privat_interview: true}\n"
            "expect: {flags: [public_curiosty]}\n"
        )
        code, out, err = cli("run", str(bad))
        assert (code, out) == (2, "")
        problems = [line for line in err.splitlines() if line.startswith(str(bad))]
        assert len(problems) == 3
        assert problems[0].startswith(f"{bad}:5:")
        assert "(did you mean 'capture'?)" in problems[0]
        assert "events[1].privat_interview" in problems[1]
        assert "public_curiosity" in problems[2]
        assert cli("validate", str(bad))[0] == 2
        assert cli("test", str(bad))[0] == 2

    def test_two_for_a_missing_file_or_a_bad_option(self):
        assert cli("run", "/no/such/file.yaml")[0] == 2
        assert cli("run", RI, "--variant", "no_such")[0] == 2
        assert cli("explain", RI, "--step", "99")[0] == 2
        with pytest.raises(SystemExit) as exited:
            cli("run", RI, "--as-of", "yesterday")
        assert exited.value.code == 2


class TestPersonalData:
    NAME = "Kept Out Of Output"

    @pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
    def test_the_name_appears_only_when_asked(self, fmt):
        assert self.NAME not in cli("run", FORCED, "--format", fmt)[1]
        assert self.NAME in cli("run", FORCED, "--format", fmt, "--reveal-names")[1]

    def test_not_in_explain_nor_in_errors(self, tmp_path):
        assert self.NAME not in cli("explain", FORCED, "--step", "0")[1]
        bad = tmp_path / "bad.yaml"
        bad.write_text(
            f"powcase: 1\nsubject: {{id: x, name: {self.NAME}, "
            f"nationality: [{self.NAME}]}}\ndetaining_power: UA\n"
        )
        code, out, err = cli("validate", str(bad))
        assert code == 2
        assert self.NAME not in out + err


def test_the_schema_validates_every_scenario_file_of_the_repository():
    schema = scenario_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = [*SCENARIOS.glob("*.yaml"), *(HERE.parent / "examples").glob("*.powcase.yaml")]
    assert files
    for file in files:
        data = json.loads(
            json.dumps(read_document(file).data, default=str),
            object_hook=lambda d: {str(k): v for k, v in d.items()},
        )
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], (file, errors)
    assert list(
        validator.iter_errors({"powcase": 1, "subject": {"id": "x"}, "detaining_power": "UK"})
    )


def test_every_command_has_help_with_an_example():
    for command in ("run", "test", "validate", "describe", "provisions", "schema", "explain"):
        with pytest.raises(SystemExit):
            cli(command, "--help")
    out = subprocess.run(
        [sys.executable, "-m", "powcase", "run", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "example: powcase run" in out


def test_describe_provisions_and_schema_print_something_useful():
    code, out, _ = cli("describe")
    assert code == 0
    assert "transitions" in json.loads(out)
    assert "in_custody" in cli("describe", "--format", "text")[1]
    assert "GCIII-118" in cli("provisions", "freed and sent home")[1]
    assert json.loads(cli("schema")[1])["title"].startswith("powcase scenario")


def _imported(*args):
    code = (
        "import sys, runpy; sys.argv = ['powcase', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('powcase', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    return set(done.stderr.split())


def test_start_up_loads_only_what_the_command_needs(tmp_path):
    version = _imported("--version")
    assert not {"statemachine", "yaml", "attrs", "powcase.case"} & version
    stateless = tmp_path / "no_state.yaml"
    stateless.write_text(
        (SCENARIOS / "routine_exchange.powcase.yaml")
        .read_text()
        .replace("  state: [exchanged]\n", "")
    )
    validate = _imported("validate", str(stateless))
    assert "yaml" in validate
    assert (
        not {
            "statemachine",
            "jsonschema",
            "powcase.render.text",
            "powcase.case",
            "powcase.law.guards",
            "hypothesis",
        }
        & validate
    )
    # Expected states are names of the chart: checking them loads the chart, not the engine.
    with_states = _imported("validate", RI)
    assert "powcase.chart" in with_states
    assert not {"powcase.case", "powcase.law.guards", "jsonschema"} & with_states


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = _Terminal()
    main(["run", RI], out=terminal, err=io.StringIO())
    assert "\033[" in terminal.getvalue()
    assert "\033[" not in cli("run", RI)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _Terminal()
    main(["run", RI], out=plain, err=io.StringIO())
    assert "\033[" not in plain.getvalue()


def test_json_scenario_files_are_accepted(tmp_path):
    document = read_document(SCENARIOS / "routine_exchange.powcase.yaml").data
    path = tmp_path / "routine.json"
    path.write_text(json.dumps(document, default=str, indent=2))
    assert cli("validate", str(path))[0] == 0
    assert cli("run", str(path))[0] == 0
    broken = tmp_path / "broken.json"
    broken.write_text('{"powcase": 1, "subject": {"id": "x",}')
    code, _, err = cli("validate", str(broken))
    assert code == 2
    assert f"{broken}:1:" in err


def test_a_folder_holds_only_the_files_with_a_powcase_key(tmp_path):
    (tmp_path / "notes.yaml").write_text("shopping: [milk]\n")
    (tmp_path / "case.yaml").write_text((SCENARIOS / "routine_exchange.powcase.yaml").read_text())
    code, out, _ = cli("validate", str(tmp_path))
    assert (code, out) == (0, "ok: 1 scenarios in 1 files\n")


def test_an_impossible_date_is_located_not_a_crash(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        pathlib.Path(RI)
        .read_text()
        .replace("2025-01-09, event: capture", "2025-02-30, event: capture")
    )
    code, _, err = cli("validate", str(bad))
    assert code == 2
    assert "events[0].date: got '2025-02-30'" in err
    assert cli("test", str(tmp_path))[0] == 2


def test_an_unwritable_output_is_invalid_input(tmp_path):
    missing = tmp_path / "no" / "such" / "folder"
    for command in (
        ["report", RI, "-o", str(missing / "r.html")],
        ["diagram", "--format", "mermaid", "-o", str(missing / "d.mmd")],
    ):
        code, _, err = cli(*command)
        assert code == 2
        assert "cannot write" in err
