"""A call to the public API with an argument of the wrong type raises powcase's own error,
naming the argument, before any work is done: never a bare TypeError, AttributeError,
OverflowError or ValueError from deep inside, and never a silent wrong answer."""

import datetime
import pathlib

import pytest

from powcase import (
    Case,
    InvalidArgument,
    InvalidInput,
    Law,
    PowcaseError,
    Subject,
    compare,
    describe,
    load_scenarios,
    run,
)
from powcase.scenario import run_one

EXAMPLE = pathlib.Path(__file__).parents[1] / "examples" / "ri.powcase.yaml"
SCENARIO = load_scenarios(EXAMPLE)[0]
SUBJECT = Subject(id="x", nationality=["KP"], forces="KP")
CASE = Case.replay(SCENARIO.record)


class _Odd:
    """An object of no type any function takes."""


WRONG = {
    "int": 3,
    "float": 2.5,
    "bool": True,
    "str": "nope",
    "bytes": b"x",
    "list": ["x"],
    "dict": {"a": 1},
    "object": _Odd(),
    "datetime": datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
    "date_string": "2025-01-01",
    "huge_int": 10**400,
    "nan": float("nan"),
}

# Each public call with one argument replaced: the argument's name, then the call.
CALLS = {
    "run(scenario)": ("scenario", run),
    "run(variant)": ("variant", lambda v: run(SCENARIO, variant=v)),
    "run_one(scenario)": ("scenario", run_one),
    "run_one(variant)": ("variant", lambda v: run_one(SCENARIO, v)),
    "compare(scenario)": ("scenario", lambda v: compare(v, ["rok_nationality"])),
    "compare(vary)": ("vary", lambda v: compare(SCENARIO, v)),
    "load_scenarios(path)": ("path", load_scenarios),
    "load_scenarios(law)": ("law", lambda v: load_scenarios(EXAMPLE, law=v)),
    "Case.open(subject)": ("subject", lambda v: Case.open(v, "UA")),
    "Case.open(detaining_power)": ("detaining_power", lambda v: Case.open(SUBJECT, v)),
    "Case.open(sources)": ("sources", lambda v: Case.open(SUBJECT, "UA", sources=v)),
    "Case.open(assumptions)": ("assumptions", lambda v: Case.open(SUBJECT, "UA", assumptions=v)),
    "Case.open(mode)": ("mode", lambda v: Case.open(SUBJECT, "UA", mode=v)),
    "Case.open(law)": ("law", lambda v: Case.open(SUBJECT, "UA", law=v)),
    "Case.replay(record)": ("record", Case.replay),
    "Case.replay(assumptions)": ("assumptions", lambda v: Case.replay(SCENARIO.record, v)),
    "Case.replay(mode)": ("mode", lambda v: Case.replay(SCENARIO.record, None, v)),
    "Case.replay(law)": ("law", lambda v: Case.replay(SCENARIO.record, law=v)),
    "Case(law)": ("law", lambda v: Case(SCENARIO.record, law=v)),
    "Case.from_dict(assumptions)": (
        "assumptions",
        lambda v: Case.from_dict(SCENARIO.record.to_dict(), assumptions=v),
    ),
    "Case.apply(event)": ("event", CASE.apply),
    "Case.apply(on_refusal)": (
        "on_refusal",
        lambda v: CASE.apply({"event": "icrc_visit"}, on_refusal=v),
    ),
    "Case.verdict(event)": ("event", CASE.verdict),
    "Case.docket(as_of)": ("as_of", CASE.docket),
    "Case.active_flags(as_of)": ("as_of", CASE.active_flags),
    "Case.flags_as_of(as_of)": ("as_of", CASE.flags_as_of),
    "Case.options(as_of)": ("as_of", CASE.options),
    "Case.moments(as_of)": ("as_of", CASE.moments),
    "Case.situation(on)": ("on", CASE.situation),
}

RIGHT_TYPE = {
    # Values of a type the argument takes: they fail on what they say (no such file, no such
    # assumption), with powcase's error about that, located where the content is.
    *{("load_scenarios(path)", v) for v in ("str", "date_string")},
    *{
        (c, v)
        for c in ("load_scenarios(law)", "Case.open(law)", "Case.replay(law)", "Case(law)")
        for v in ("str", "date_string", "list", "dict")
    },
    *{
        (c, "dict")
        for c in (
            "compare(vary)",
            "Case.open(assumptions)",
            "Case.replay(assumptions)",
            "Case.from_dict(assumptions)",
        )
    },
    ("compare(vary)", "list"),
}


@pytest.mark.parametrize("value", sorted(WRONG))
@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_wrong_argument_raises_powcase_error_naming_it(call, value):
    name, function = CALLS[call]
    with pytest.raises(PowcaseError) as caught:
        function(WRONG[value])
    error = caught.value
    if (call, value) in RIGHT_TYPE:
        return
    assert isinstance(error, InvalidInput), error
    paths = [p.path for p in error.problems]
    assert any(p == name or p.startswith((f"{name}[", f"{name}.")) for p in paths), paths


def test_a_wrong_type_is_also_a_type_error():
    with pytest.raises(TypeError):
        run("not a scenario")
    with pytest.raises(InvalidArgument):
        CASE.docket("2025-01-01")


def test_run_names_the_known_variants_of_an_unknown_one():
    with pytest.raises(InvalidInput) as caught:
        run(SCENARIO, variant="nope")
    (problem,) = caught.value.problems
    assert problem.path == "variant"
    for variant in SCENARIO.variants:
        assert variant.name in (problem.expected or "")


def test_run_of_a_known_variant_runs_only_that_one():
    name = SCENARIO.variants[0].name
    (result,) = run(SCENARIO, variant=name)
    assert result.variant == name


def test_compare_refuses_one_key_given_as_a_string():
    with pytest.raises(InvalidArgument) as caught:
        compare(SCENARIO, "rok_nationality")
    (problem,) = caught.value.problems
    assert problem.path == "vary"
    assert "['rok_nationality']" in (problem.expected or "")


def test_compare_refuses_a_string_of_values():
    with pytest.raises(InvalidArgument) as caught:
        compare(SCENARIO, {"icrc_access_days": "30"})
    assert caught.value.problems[0].path.startswith("vary[")


def test_compare_still_takes_a_list_or_a_mapping():
    assert compare(SCENARIO, ["rok_nationality"]).rows
    assert len(compare(SCENARIO, {"icrc_access_days": [30, 60]}).rows) == 2


def test_a_date_argument_out_of_range_is_invalid_input():
    with pytest.raises(InvalidInput) as caught:
        CASE.docket(datetime.date(9999, 12, 31))
    assert caught.value.problems[0].path == "as_of"


def test_a_date_argument_still_takes_a_date_or_none():
    last = CASE.last_date
    assert CASE.docket(last) == CASE.docket(None) == CASE.docket()


def test_load_scenarios_takes_one_overlay_path_as_a_list_of_one(tmp_path):
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text("provisions: {}\n")
    (as_one,) = load_scenarios(EXAMPLE, law=str(overlay))[:1]
    (as_list,) = load_scenarios(EXAMPLE, law=[str(overlay)])[:1]
    assert as_one.law.overlays == as_list.law.overlays


def test_a_lone_surrogate_in_a_text_argument_is_invalid_input():
    with pytest.raises(InvalidInput) as caught:
        Subject(id="x", nationality=["KP"], name="\ud800")
    assert caught.value.problems[0].path == "name"


def test_a_huge_confidence_is_invalid_input():
    with pytest.raises(InvalidInput) as caught:
        CASE.verdict({"event": "wish_expressed", "destination": "KR", "confidence": 10**400})
    assert caught.value.problems[0].path == "confidence"


@pytest.mark.parametrize("value", [b"overlay.yaml", 3, [3], [b"x"]])
def test_law_overlays_of_the_wrong_type_are_refused_naming_them(value):
    for call, name in (
        (lambda: describe(value), "law"),
        (lambda: Law.packaged().overlaid(value), "sources"),
        (lambda: Case.open(SUBJECT, "UA", law=value), "law"),
    ):
        with pytest.raises(InvalidArgument) as caught:
            call()
        assert caught.value.problems[0].path.startswith(name)
