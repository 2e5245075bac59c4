"""What a file can make powcase spend is bounded, and every problem in a file is a located
error: `validate` and `run` agree, and neither ends in a traceback."""

import io
import os
import pathlib
import sys
import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powcase._util.located import (
    MAX_ALIASES,
    MAX_BYTES,
    MAX_DEPTH,
    MAX_VALUES,
    UnreadableFile,
    read_document,
)
from powcase.cli import main
from powcase.errors import LawDataError
from powcase.scenario import ScenarioError, load_scenarios
from powcase.scenario.model import MAX_STEPS

HEAD = """powcase: 1
title: t
subject: {id: s, nationality: [KP], forces: KP}
detaining_power: UA
"""
EVENTS = "events:\n  - {date: 2025-01-09, event: capture}\n"
BASE = HEAD + EVENTS

LAUGHS = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _write(tmp_path, text, name="s.powcase.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def _problems(path):
    with pytest.raises(ScenarioError) as caught:
        load_scenarios(path)
    return caught.value.problems


def _one_located(path, *, path_part="", message_part=""):
    """The file fails to load with one problem located at a line and column."""
    (problem,) = _problems(path)
    assert problem.line is not None, problem
    assert problem.column is not None, problem
    assert path_part in problem.problem.path, problem
    assert message_part in problem.problem.message, problem
    return problem


# --- resources


def test_a_billion_laughs_file_fails_fast_with_a_located_error(tmp_path):
    path = _write(tmp_path, LAUGHS)
    assert len(LAUGHS.encode()) < 400
    start = time.monotonic()
    problem = _one_located(path, message_part="more than")
    assert time.monotonic() - start < 2
    assert problem.problem.path  # the key path where the expansion ran over


def test_alias_uses_are_capped(tmp_path):
    uses = ", ".join(["*a"] * (MAX_ALIASES + 1))
    path = _write(tmp_path, f"a: &a x\nb: [{uses}]\n")
    _one_located(path, path_part="b[", message_part="alias")


def test_aliases_repeating_long_text_are_capped(tmp_path):
    text = "y" * 20_000
    uses = ", ".join(["*a"] * (MAX_BYTES // 20_000 + 1))
    path = _write(tmp_path, f"a: &a {text}\nb: [{uses}]\n")
    _one_located(path, path_part="b[", message_part="characters")


def test_nesting_deeper_than_the_cap_is_a_located_error(tmp_path):
    nested = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    _one_located(_write(tmp_path, f"x: {nested}\n"), path_part="x", message_part="nesting")


def test_nesting_far_past_the_recursion_limit_is_a_located_error(tmp_path):
    depth = sys.getrecursionlimit() * 3
    path = _write(tmp_path, "x: " + "[" * depth + "]" * depth + "\n")
    _one_located(path, message_part="nesting")


def test_a_file_with_more_values_than_the_cap_is_refused(tmp_path):
    path = _write(tmp_path, "x: [" + ",".join(["1"] * (MAX_VALUES + 1)) + "]\n")
    _one_located(path, message_part=f"{MAX_VALUES:,} values")


def test_a_file_larger_than_the_cap_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.powcase.yaml"
    with path.open("wb") as file:
        # A sparse file of 8 GiB: reading it would take minutes and all the memory there is.
        file.truncate(8 * 1024**3)
    start = time.monotonic()
    (problem,) = _problems(path)
    assert time.monotonic() - start < 2
    assert f"larger than {MAX_BYTES:,} bytes" in problem.problem.message


def test_a_file_at_the_size_cap_is_read(tmp_path):
    filler = MAX_BYTES - len(BASE) - len("description: \n")
    text = BASE + "description: " + "x" * filler + "\n"
    path = _write(tmp_path, text)
    assert path.stat().st_size == MAX_BYTES
    assert load_scenarios(path)
    _write(tmp_path, text + "#")
    assert "larger than" in _problems(path)[0].problem.message


@pytest.mark.parametrize("kind", ["device", "fifo", "folder"])
def test_special_files_are_refused(tmp_path, kind):
    if kind == "device":
        if not os.path.exists("/dev/zero"):
            pytest.skip("no /dev/zero here")
        path = pathlib.Path("/dev/zero")
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        path = tmp_path / "pipe.powcase.yaml"
        os.mkfifo(path)
    else:
        path = tmp_path / "folder.powcase.yaml"
        path.mkdir()
    start = time.monotonic()
    (problem,) = _problems(path)
    assert time.monotonic() - start < 2
    assert "not a file" in problem.problem.message
    code, _, err = cli("validate", str(path)) if kind != "folder" else (2, "", "not a file")
    assert code == 2
    assert "not a file" in err or "no scenario files" in err


def test_a_law_overlay_goes_through_the_same_bounds(tmp_path):
    overlay = _write(tmp_path, LAUGHS, "overlay.yaml")
    scenario = _write(tmp_path, BASE)
    with pytest.raises((ScenarioError, LawDataError)) as caught:
        load_scenarios(scenario, law=[overlay])
    text = str(caught.value)
    assert "overlay.yaml:" in text
    assert "more than" in text
    code, _, err = cli("run", str(scenario), "--law", str(overlay))
    assert code == 2
    assert "overlay.yaml:" in err


def test_a_file_asking_too_many_steps_is_refused_at_load(tmp_path):
    events = "  - {date: 2025-01-10, event: icrc_visit}\n" * 200
    runs = MAX_STEPS // 200 + 1
    variants = "variants:\n" + "".join(f"  v{i}: {{}}\n" for i in range(runs))
    path = _write(tmp_path, BASE + events + variants)
    problem = _one_located(path, message_part="steps")
    assert f"{MAX_STEPS:,}" in problem.problem.message


def test_a_file_at_the_value_cap_loads_in_bounded_memory(tmp_path):
    # Every value a small scalar: the most nodes a file can make the reader hold.
    count = MAX_VALUES - 20
    path = _write(tmp_path, BASE + "description: x\nclaims: []\n" + "x: [" + "1," * count + "]\n")
    tracemalloc.start()
    try:
        with pytest.raises(ScenarioError):
            load_scenarios(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024**2


# --- every problem in a file is a located error


MALFORMED = {
    "bool_maybe": BASE.replace("capture}", "capture, wounded: !!bool maybe}"),
    "timestamp_soon": BASE.replace("date: 2025-01-09", "date: !!timestamp soon"),
    "int_x": BASE.replace("capture}", "capture, wounded: !!int x}"),
    "float_y": BASE.replace("capture}", "capture, wounded: !!float y}"),
    "custom_tag": BASE.replace("capture}", "capture, wounded: !custom y}"),
    "python_tag": BASE.replace("capture}", "capture, wounded: !!python/object:os.system y}"),
    "binary": BASE.replace("capture}", "capture, place: !!binary aGVsbG8=}"),
    "lone_surrogate": BASE.replace("title: t", 'title: "\\ud800"'),
    "lone_surrogate_json": '{"powcase": 1, "title": "\\udc00", "subject": {"id": "s", '
    '"nationality": ["KP"]}, "detaining_power": "UA"}',
    "surrogate_key": BASE + '"\\ud800": 1\n',
    "confidence_huge_int": BASE
    + "  - {date: 2025-01-10, event: wish_expressed, destination: KR, confidence: 1"
    + "0" * 400
    + "}\n",
    "confidence_inf": BASE
    + "  - {date: 2025-01-10, event: wish_expressed, destination: KR, confidence: .inf}\n",
    "confidence_nan": BASE
    + "  - {date: 2025-01-10, event: wish_expressed, destination: KR, confidence: .nan}\n",
    "float_overflow": BASE
    + "  - {date: 2025-01-10, event: wish_expressed, destination: KR, confidence: 1.0e+400}\n",
    "claim_value_inf": BASE + "claims:\n  - {about: age, value: -.inf, date: 2025-01-09}\n",
    "claim_value_huge": BASE
    + "claims:\n  - {about: age, value: "
    + "9" * 30
    + ", date: 2025-01-09}\n",
    "date_9999": BASE.replace("2025-01-09", "9999-12-30"),
    "date_year_1": BASE.replace("2025-01-09", "0001-01-01"),
    "as_of_9999": BASE + "as_of: 9999-12-31\n",
    "variant_as_of_9999": BASE + "variants:\n  v: {as_of: 9999-12-31}\n",
    "due_9999": BASE
    + "expect:\n  obligations: [{code: icrc_access, status: met, due: 9999-12-31}]\n",
    "flag_list": BASE + "expect:\n  flags: [[a]]\n",
    "state_mapping": BASE + "expect:\n  state: [{a: 1}]\n",
    "step_list": BASE + "expect:\n  steps: {0: [a]}\n",
    "step_superscript": BASE + "expect:\n  steps: {'²': allowed}\n",
    "obligation_code_list": BASE + "expect:\n  obligations: [{code: [a], status: met}]\n",
    "obligation_provision_map": BASE
    + "expect:\n  obligations: [{provision: {a: 1}, status: met}]\n",
    "obligation_status_list": BASE
    + "expect:\n  obligations: [{code: icrc_access, status: [met]}]\n",
    "matcher_event_list": BASE + "expect:\n  violations: [{event: [a]}]\n",
    "held_back_by_list": BASE
    + "expect:\n  obligations: [{code: icrc_access, status: met, held_back_by: [a]}]\n",
    "variant_assumptions_list": BASE + "variants:\n  v: {assumptions: [a]}\n",
    "variant_assumptions_int": BASE + "variants:\n  v: {assumptions: 3}\n",
    "variant_mode_list": BASE + "variants:\n  v: {mode: [a]}\n",
    "verdict_event_key_list": BASE + "expect:\n  verdicts: [{event: {event: [a]}}]\n",
    # An as-of date before the last event is time travel, but an expectation about a step
    # that had not happened by then cannot be read.
    "variant_expects_a_step_after_its_as_of": BASE
    + "variants:\n  v: {as_of: 2020-01-01, expect: {steps: {0: allowed}}}\n",
    "empty_scenarios": "powcase: 1\nscenarios: []\n",
    "scenarios_not_a_list": "powcase: 1\nscenarios: {}\n",
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_file_is_a_located_error(tmp_path, name):
    path = _write(tmp_path, MALFORMED[name])
    problems = _problems(path)
    assert problems
    for problem in problems:
        assert problem.line is not None, problem
        assert problem.problem.message


@pytest.mark.parametrize("name", sorted(MALFORMED))
@pytest.mark.parametrize("command", ["validate", "run", "test", "report", "explain", "diagram"])
def test_every_command_says_a_malformed_file_is_invalid_input(tmp_path, name, command):
    path = _write(tmp_path, MALFORMED[name])
    args = [command, str(path)]
    if command in ("report", "diagram"):
        args += ["-o", str(tmp_path / "out.html")]
    if command == "diagram":
        args += ["--format", "mermaid"]
    if command == "explain":
        args += ["--step", "0"]
    code, _, err = cli(*args)
    assert code == 2
    assert "Traceback" not in err


GOOD_OR_BAD = {
    **MALFORMED,
    "good": BASE,
    "good_late_date": BASE.replace("2025-01-09", "2199-12-31"),
    "good_early_date": BASE.replace("2025-01-09", "1850-01-01"),
    "good_aliases": "powcase: 1\nscenarios:\n  - {subject: &s {id: s, nationality: [KP]}, "
    "detaining_power: UA}\n  - {subject: *s, detaining_power: RU}\n",
}


@pytest.mark.parametrize("name", sorted(GOOD_OR_BAD))
def test_validate_fails_exactly_when_run_exits_2(tmp_path, name):
    path = _write(tmp_path, GOOD_OR_BAD[name])
    validated, _, _ = cli("validate", str(path))
    ran, _, _ = cli("run", str(path))
    assert validated in (0, 2)
    assert (validated == 2) == (ran == 2)
    assert name.startswith("good") == (validated == 0)


def test_invalid_utf8_is_located(tmp_path):
    path = tmp_path / "bad.powcase.yaml"
    path.write_bytes(BASE.encode() + b"description: caf\xe9\n")
    problem = _one_located(path, message_part="UTF-8")
    assert problem.line == BASE.count("\n") + 1


def test_a_date_out_of_range_names_the_range(tmp_path):
    problem = _one_located(_write(tmp_path, MALFORMED["date_9999"]), path_part="events[0].date")
    assert "1850-01-01" in problem.problem.message + (problem.problem.expected or "")
    assert "2199-12-31" in problem.problem.message + (problem.problem.expected or "")


def test_an_explicit_tag_that_fits_its_text_is_read(tmp_path):
    text = BASE.replace("capture}", "capture, wounded: !!bool true, place: !!str 12}")
    (scenario,) = load_scenarios(_write(tmp_path, text))
    assert scenario.record.events[0].wounded is True
    assert scenario.record.events[0].place == "12"


def test_an_impossible_calendar_date_is_still_reported_by_its_field(tmp_path):
    problem = _one_located(
        _write(tmp_path, BASE.replace("2025-01-09", "2025-02-30")), path_part="events[0].date"
    )
    assert "2025-02-30" in problem.problem.message


def test_read_document_refuses_what_it_cannot_hold(tmp_path):
    path = _write(tmp_path, 'x: "\\ud83d\\ude00"\n')
    with pytest.raises(UnreadableFile) as caught:
        read_document(path)
    assert "surrogate" in caught.value.problem.message
    assert read_document(_write(tmp_path, 'x: "\\U0001F600"\n')).data == {"x": "\U0001f600"}


def test_a_value_refused_by_the_reader_is_not_echoed(tmp_path):
    # The reader cannot tell a name from any other value: it says where, not what was written.
    text = BASE.replace("subject: {id: s,", "subject: {id: s, name: !!bool Kimberly,")
    (problem,) = _problems(_write(tmp_path, text))
    assert "Kimberly" not in str(problem)
    assert problem.problem.path == "subject.name"


# Fragments of a scenario, valid and malformed, combined at random below.
_DATES = ["2025-01-09", "9999-12-31", "!!timestamp soon", "2025-02-30", "0001-01-01", "[a]"]
_FLAGS = ["true", "!!bool maybe", "!!int x", "[a]", "{a: 1}", "!custom y"]
_NUMBERS = ["0.5", "1" + "0" * 400, ".nan", "-.inf", "1.0e+400", "!!float y"]
_TITLES = ["t", '"\\ud800"', "[a]", "!!binary aGk="]
_EXPECT = [
    "{}",
    "{flags: [[a]]}",
    "{steps: {0: [a]}}",
    "{steps: {0: allowed}}",
    "{obligations: [{code: [a], status: met}]}",
    "{obligations: [{code: icrc_access, status: met, due: 9999-12-31}]}",
    "{verdicts: [{event: {event: repatriate, to: KP}}]}",
]
_VARIANTS = [
    "{}",
    "{v: {assumptions: [a]}}",
    "{v: {assumptions: 3}}",
    "{v: {as_of: 9999-12-31}}",
    "{v: {as_of: 2020-01-01}}",
    "{v: {mode: descriptive}}",
]


@st.composite
def _documents(draw):
    title, date = draw(st.sampled_from(_TITLES)), draw(st.sampled_from(_DATES))
    wounded, confidence = draw(st.sampled_from(_FLAGS)), draw(st.sampled_from(_NUMBERS))
    expect, variants = draw(st.sampled_from(_EXPECT)), draw(st.sampled_from(_VARIANTS))
    scenario = (
        f"title: {title}\nsubject: {{id: s, nationality: [KP]}}\ndetaining_power: UA\n"
        f"events:\n  - {{date: {date}, event: capture, wounded: {wounded}}}\n"
        f"  - {{date: 2199-12-31, event: wish_expressed, destination: KR, "
        f"confidence: {confidence}}}\n"
        f"expect: {expect}\nvariants: {variants}\n"
    )
    if draw(st.booleans()):
        return "powcase: 1\n" + scenario
    indented = "".join(f"    {line}\n" for line in scenario.splitlines())
    listed = "  - \n" + indented if draw(st.booleans()) else ""
    return "powcase: 1\nscenarios:\n" + (listed or "  []\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_documents())
def test_validate_and_run_agree_on_combined_malformations(tmp_path_factory, text):
    path = _write(tmp_path_factory.mktemp("agree"), text)
    validated, _, err = cli("validate", str(path))
    ran, _, _ = cli("run", str(path))
    assert validated in (0, 2), err
    assert ran in (0, 1, 2)
    assert (validated == 2) == (ran == 2)


@pytest.mark.parametrize("period", ["99999999 days", "999999 months", "1" * 5000 + " days"])
def test_a_law_overlay_period_longer_than_a_century_is_a_located_error(tmp_path, period):
    # A deadline that far from a date is past 9999-12-31: refused where the period is written.
    overlay = _write(
        tmp_path,
        "obligations:\n  capture_card:\n    provision: GCIII-70\n"
        f"    period: {period}\n    met_by: capture_card_sent\n"
        "    text: Let him send a capture card.\n",
        "overlay.yaml",
    )
    code, _, err = cli("run", str(_write(tmp_path, BASE)), "--law", str(overlay))
    assert code == 2
    assert "overlay.yaml:4:" in err
    assert "longer than a century" in err
