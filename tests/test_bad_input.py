"""Bad input to the public API ends in powcase's own error, located, and never in a bare
KeyError, ValueError, TypeError or python-statemachine exception."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powcase import Assumptions, Case, InvalidInput, Record, Subject, event_from_dict
from powcase.model.events import EVENT_TYPES
from powcase.testing import records

JUNK = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.dates().map(datetime.date.isoformat)
    | st.sampled_from(["KP", "UA", "no", "NO"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _replace(value, path, new):
    if not path:
        return new
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[head] = _replace(value[head], rest, new)
    return copy


@st.composite
def mutated_records(draw):
    plain = draw(records(max_events=6)).to_dict()
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(plain))
        path = draw(st.sampled_from(paths))
        if draw(st.booleans()) and path and isinstance(path[-1], str):
            # Rename a key: an unknown key in place of a known one.
            parent = _get(plain, path[:-1])
            renamed = {k: v for k, v in parent.items() if k != path[-1]}
            renamed[draw(st.text(max_size=6))] = parent[path[-1]]
            plain = _replace(plain, path[:-1], renamed)
        else:
            plain = _replace(plain, path, draw(JUNK))
    return plain


def _get(value, path):
    for key in path:
        value = value[key]
    return value


def _only_our_error(build, data):
    """Build, or fail with InvalidInput whose every problem is located and explained."""
    problems = ()
    try:
        build(data)
    except InvalidInput as error:
        problems = error.problems or (None,)
    assert all(isinstance(p.path, str) and p.message for p in problems)


@given(mutated_records())
def test_mutated_records_fail_only_with_located_input_errors(data):
    _only_our_error(Record.from_dict, data)
    _only_our_error(Case.from_dict, data)


@given(JUNK)
def test_junk_fails_only_with_input_errors(data):
    _only_our_error(Record.from_dict, data)
    _only_our_error(event_from_dict, data)
    _only_our_error(Assumptions.from_dict, data)


@given(
    st.sampled_from(sorted(EVENT_TYPES)), st.dictionaries(st.text(max_size=12), JUNK, max_size=4)
)
def test_junk_fields_on_every_event_fail_only_with_input_errors(name, fields):
    _only_our_error(event_from_dict, {"date": "2025-01-09", "event": name, **fields})


@pytest.mark.parametrize("bad", ["ri", None, {"id": "ri"}])
def test_a_subject_of_the_wrong_type_is_refused_clearly(bad):
    with pytest.raises(InvalidInput, match=r"^subject: expected a Subject"):
        Record(subject=bad, detaining_power="UA")


@pytest.mark.parametrize("bad", ["capture", [{"event": "capture"}]])
def test_events_of_the_wrong_type_are_refused_clearly(bad):
    subject = Subject(id="ri", nationality=["KP"])
    with pytest.raises(InvalidInput, match=r"^events"):
        Record(subject=subject, detaining_power="UA", events=bad)


def test_assumptions_of_the_wrong_type_are_refused_clearly():
    record = Record(subject=Subject(id="ri", nationality=["KP"]), detaining_power="UA")
    with pytest.raises(InvalidInput, match=r"^assumptions"):
        Case.replay(record, assumptions="strict")
