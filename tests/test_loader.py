"""The scenario loader never fails with anything but its own located error."""

import datetime

import yaml
from hypothesis import given
from hypothesis import strategies as st

from powcase.scenario import ScenarioError, load_scenarios
from powcase.testing import records

JUNK = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["2025-13-40", "NO", "yes", "KP", "\u202e\u0000x", "1e999", "~"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


def _plain(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@st.composite
def scenario_texts(draw):
    """A valid scenario's YAML, then mutated: values replaced, keys renamed or dropped."""
    document = {"powcase": 1, "title": "t", **_plain(draw(records(max_events=5)).to_dict())}
    for _ in range(draw(st.integers(0, 3))):
        keys = list(document)
        key = draw(st.sampled_from(keys))
        action = draw(st.sampled_from(["replace", "drop", "rename", "nest"]))
        if action == "replace":
            document[key] = draw(JUNK)
        elif action == "drop":
            document.pop(key)
        elif action == "rename":
            document[draw(st.text(min_size=1, max_size=8))] = document.pop(key)
        else:
            document[key] = [[[[[[document.get(key)]]]]]]
    return yaml.safe_dump(document, allow_unicode=True)


RAW = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.integers(1, 200).map(lambda n: ("[" * n + "]" * n).encode()),
    st.just(b"powcase: 1\nsubject: {id: x\n"),
    st.just(b"\xff\xfe powcase: 1"),
    st.just(b"a: &x [*x]"),
)


def _load(tmp_path, content):
    """Load, or fail with ScenarioError whose every problem has a file, line and column."""
    path = tmp_path / "scenario.yaml"
    path.write_bytes(content)
    problems = ()
    try:
        load_scenarios(path)
    except ScenarioError as error:
        problems = error.problems or (None,)
    for problem in problems:
        assert problem.file == str(path)
        assert problem.line is not None, problem
        assert problem.column is not None, problem
        assert problem.problem.message


@given(scenario_texts())
def test_mutated_scenarios_load_or_fail_with_located_problems(tmp_path_factory, text):
    _load(tmp_path_factory.mktemp("s"), text.encode("utf-8"))


@given(RAW)
def test_random_bytes_load_or_fail_with_located_problems(tmp_path_factory, content):
    _load(tmp_path_factory.mktemp("s"), content)


def test_a_valid_scenario_loads():
    loaded = load_scenarios("tests/scenarios/ri.powcase.yaml")
    assert [s.title for s in loaded] == ["Ri, captured in Kursk, asks to go to South Korea"]
    assert [v.name for v in loaded[0].variants] == ["strict_reading"]


def test_norway_stays_a_state_code(tmp_path):
    path = tmp_path / "norway.yaml"
    path.write_text("powcase: 1\nsubject: {id: x, nationality: [NO]}\ndetaining_power: NO\n")
    (scenario,) = load_scenarios(path)
    assert scenario.record.detaining_power == "NO"
