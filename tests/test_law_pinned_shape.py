"""The law files' shape is declared once: the check run when a file is loaded and the
published JSON Schema (``powcase schema --law``) must accept exactly the same files, and a
refused value is always a located problem.

The property tests generate values close to each kind of value (mostly well formed, with
one part wrong now and then) and compare the two verdicts.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from powcase.law import shape
from powcase.law.shape import (
    FILES,
    INVALID,
    Boolean,
    Choice,
    Count,
    Day,
    ListOf,
    MapOf,
    Record,
    Text,
    TextOrFlag,
    check_file,
    law_schema,
)

_SCHEMA = law_schema()
_DEFS = _SCHEMA["$defs"]


def _validator(kind: shape.Kind) -> jsonschema.Validator:
    defs: dict[str, Any] = dict(_DEFS)
    schema = {"$schema": _SCHEMA["$schema"], **kind.schema(defs), "$defs": defs}
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _checked(kind: shape.Kind, value: object) -> tuple[Any, list[Any]]:
    problems: list[Any] = []
    return kind.check(value, "here", problems), problems


_ANY_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-3, max_value=40_000)
    | st.sampled_from(["", " ", "\t", "x", "UA", "ua", "GCIII-118", "2025-02-30", "2025-1-1"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "months", "url"]), inner, max_size=2)
    ),
    max_leaves=6,
)


@functools.cache
def _near(kind: shape.Kind) -> st.SearchStrategy[object]:
    """Values close to ``kind``: mostly well formed, sometimes one part wrong."""
    if isinstance(kind, Text):
        good = {
            shape.URL: ["https://example.org/a", "http://x.y"],
            shape.STATE: ["UA", "KP"],
            shape.INSTRUMENT_ID: ["GCIII", "ICRC-COM-2020"],
            shape.PROVISION_ID: ["GCIII-118", "GCIII-109(2)", "ECHR-P13-1"],
            shape.CODE: ["refoulement_risk", "a1"],
            shape.CONCERN_ID: ["hrw-2026-02-26"],
        }.get(kind, ["some text", "x"])
        bad = ["", "   ", "Ua", "gciii 118", "ftp://x", "A", "-x", 7, None]
        return st.sampled_from(good) | st.sampled_from(bad)
    if isinstance(kind, Day):
        return st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)).map(
            datetime.date.isoformat
        ) | st.sampled_from(["2025-02-30", "2025-1-01", "1 May 2025", 20250101, None])
    if isinstance(kind, Count):
        return st.integers(min_value=-2, max_value=kind.maximum + 2) | st.sampled_from(
            [True, 1.5, "3"]
        )
    if isinstance(kind, Boolean | TextOrFlag):
        return st.sampled_from([True, False, "yes", "", " ", 0, None])
    if isinstance(kind, Choice):
        return st.sampled_from(kind.options) | st.sampled_from(["", "other", None])
    if isinstance(kind, ListOf):
        return st.lists(_near(kind.item), max_size=3) | st.sampled_from(["not a list", None])
    if isinstance(kind, MapOf):
        return st.dictionaries(_near(kind.key), _near(kind.value), max_size=2) | st.just([])
    if isinstance(kind, Record):
        fields = {f.name: f for f in kind.fields}
        present = st.sets(st.sampled_from(sorted(fields)), max_size=len(fields))

        @st.composite
        def record(draw: st.DrawFn) -> object:
            names = draw(present)
            if draw(st.integers(0, 3)) == 0:  # sometimes every required key
                names |= {n for n, f in fields.items() if f.required}
            value = {n: draw(_near(fields[n].kind)) for n in sorted(names)}
            if draw(st.integers(0, 9)) == 0:
                value["not_a_key"] = 1
            return value

        return record() | st.sampled_from([[], "x", None])
    return _ANY_JSON


def _kinds() -> dict[str, shape.Kind]:
    """Every kind of value the files use, by where it is first found."""
    found: dict[str, shape.Kind] = {}

    def walk(kind: shape.Kind, where: str) -> None:
        key = repr(kind) if not isinstance(kind, Record) else kind.name
        if key in found:
            return
        found[key] = kind
        if isinstance(kind, ListOf):
            walk(kind.item, where + "[]")
        elif isinstance(kind, MapOf):
            walk(kind.key, where + "{}")
            walk(kind.value, where + "{}")
        elif isinstance(kind, Record):
            for field in kind.fields:
                walk(field.kind, f"{where}.{field.name}")

    for name, kind in FILES.items():
        if isinstance(kind, shape.Whole):
            for table, table_kind in shape.TABLES.items():
                walk(table_kind, table)
        else:
            walk(kind, name)
    return found


KINDS = _kinds()


@pytest.mark.parametrize("name", sorted(KINDS))
@given(data=st.data())
def test_the_check_and_the_schema_accept_the_same_values(name, data):
    kind = KINDS[name]
    value = data.draw(_near(kind) | _ANY_JSON)
    checked, problems = _checked(kind, value)
    accepted = not problems
    assert (checked is not INVALID) or not accepted
    assert _validator(kind).is_valid(value) is accepted, (value, problems)
    for problem in problems:
        assert problem.path.startswith("here")


@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)))
def test_a_date_is_read_from_its_iso_text_or_as_a_date(day):
    assert _checked(Day(), day.isoformat())[0] == day
    assert _checked(Day(), day)[0] == day
    later = datetime.datetime(day.year, day.month, day.day, 12)
    checked, problems = _checked(Day(), later)
    assert checked is INVALID
    assert problems[0].message.endswith("is not a date")


@pytest.mark.parametrize(
    ("value", "shown"),
    [("2025-02-30", "2025-02-30"), ("  ", "'  '"), (7, "7"), (None, "None")],
)
def test_a_refused_date_is_shown_as_written(value, shown):
    _, problems = _checked(Day(), value)
    assert [p.message for p in problems] == [f"{shown} is not a date"]


def test_a_list_is_read_as_a_tuple_and_each_bad_item_is_located():
    kind = ListOf(shape.STATE)
    assert _checked(kind, ["UA", "KP"]) == (("UA", "KP"), [])
    checked, problems = _checked(kind, ["UA", "ua", 3])
    assert checked is INVALID
    assert [p.path for p in problems] == ["here[1]", "here[2]"]
    assert problems[0].expected == "an ISO 3166 alpha-2 state code such as UA"


def test_a_text_is_refused_when_blank_or_off_its_pattern():
    for kind, value in ((Text(), "  "), (shape.STATE, "Ukraine"), (shape.URL, "example.org")):
        checked, problems = _checked(kind, value)
        assert checked is INVALID
        assert [p.message for p in problems] == [f"{value!r} is not accepted"]
        assert problems[0].expected == kind.expected
    assert _checked(shape.PROVISION_ID, "GCIII-109(2)") == ("GCIII-109(2)", [])


def test_a_record_reports_unknown_missing_and_mismatched_keys_with_a_guess():
    record = shape.TAKES_EFFECT
    checked, problems = _checked(record, {"monts": 6, "article": "Art. 138"})
    assert checked is INVALID
    found = {(p.path, p.message) for p in problems}
    assert ("here.monts", "is not a known key") in found
    assert ("here", "needs exactly one of months, days, first_of_month_after") in found
    (unknown,) = [p for p in problems if p.path == "here.monts"]
    assert unknown.suggestion == "months"
    assert _checked(record, {"months": 6}) == ({"months": 6}, [])


def test_an_overlay_keeps_its_good_tables_and_locates_the_bad_ones():
    overlay = {
        "parties": {"XA": {"name": "A state of the test", "participations": []}},
        "treaties": {},
        "flags": [],
    }
    checked, problems = check_file("overlay", overlay)
    assert set(checked) == {"parties"}
    assert {(p.path, p.message) for p in problems} == {
        ("treaties", "is not a known key"),
        ("flags", "[] is not accepted"),
    }
    (unknown,) = [p for p in problems if p.path == "treaties"]
    assert unknown.suggestion in shape.TABLES


def test_each_file_kind_has_a_schema_that_is_itself_valid():
    for kind in FILES:
        schema = law_schema(kind)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$id"].endswith(f"law-{kind}.json")


def test_a_count_is_a_whole_number_not_a_truth_value_and_a_choice_names_its_options():
    checked, problems = _checked(Count(), True)
    assert checked is INVALID
    assert problems[0].expected == f"a whole number from 0 to {Count().maximum}"
    checked, problems = _checked(Choice(("treaty", "custom")), "treatty")
    assert checked is INVALID
    assert (problems[0].expected, problems[0].suggestion) == ("one of treaty, custom", "treaty")
