"""The fuzz test of the command: the example scenario files, mutated (bytes flipped, inserted,
deleted, cut short, and values replaced by the malformed kinds that once crashed it), never end
in a traceback: every run exits 0, 1 or 2.

The ``ci`` profile (the default) runs a few dozen mutants; ``HYPOTHESIS_PROFILE=thorough``
runs a thousand.
"""

import io
import pathlib
import re
import tempfile

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from powcase.cli import main

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.powcase.yaml"))
SOURCES = {path.name: path.read_bytes() for path in EXAMPLES}

MALFORMED_VALUES = [
    b"!!bool maybe",
    b"!!timestamp soon",
    b"!!int x",
    b"!!float nope",
    b'"\\ud800"',
    b'"\\udfff lone"',
    b"1" + b"0" * 400,
    b"1e400",
    b"-1" + b"0" * 400,
    b"9999-12-31",
    b"9999-12-30",
    b"0001-01-01",
    b"2025-02-30",
    b"[]",
    b"{}",
    b"[[a], {b: c}]",
    b"{a: [1, 2]}",
    b"[a, b]",
    b"null",
    b"~",
    b"-1",
    b".nan",
    b".inf",
    b"*nowhere",
    b"&a [*a, *a]",
    b'"\\t\\x1b[2J"',
    b"\xff\xfe",
]
"""Values that replace one in the file: wrong tags, lone surrogates, numbers past any float,
dates at the end of the calendar, unhashable and non-mapping values, undefined aliases."""

MALFORMED_LINES = [
    b"scenarios: []\n",
    b"\tevents: []\n",
    b"a: &x [1]\nb: [*x, *x, *x]\n",
    b"variants: {v: {assumptions: [x, y]}}\n",
    b"variants: {v: {assumptions: 3}}\n",
    b"expect: {flags: [[x]], steps: {[0]: allowed}}\n",
    b"expect: {verdicts: [{event: [repatriate], outcome: {a: b}}]}\n",
    b"as_of: 9999-12-31\n",
    b"law: [/dev/zero]\n",
    b"law: [.]\n",
    b"powcase: 99\n",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
]
"""Lines inserted at the top level or inside a mapping."""

EMPTY_SCENARIOS = b"powcase: 1\nscenarios: []\n"

COMMANDS = [
    ("validate", "{file}"),
    ("run", "{file}"),
    ("run", "{file}", "--format", "json"),
    ("run", "{file}", "--format", "markdown"),
    ("options", "{file}"),
    ("options", "{file}", "--format", "json"),
    ("explain", "{file}", "--step", "0"),
    ("report", "{file}", "-o", "{out}"),
    ("test", "{folder}"),
]


_VALUE = re.compile(rb"(?<=: )[^\n{}\[\],#]+")


@st.composite
def mutants(draw):
    """One example file, mutated once or a few times."""
    name = draw(st.sampled_from(sorted(SOURCES)))
    data = bytearray(SOURCES[name])
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(["flip", "insert", "line", "value", "delete", "truncate", "empty"])
        )
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "line":
            start = data.rfind(b"\n", 0, at) + 1
            indent = draw(st.sampled_from([b"", b"  ", b"    "]))
            data[start:start] = indent + draw(st.sampled_from(MALFORMED_LINES))
        elif kind == "value":
            spans = [m.span() for m in _VALUE.finditer(bytes(data))]
            if spans:
                start, end = draw(st.sampled_from(spans))
                data[start:end] = draw(st.sampled_from(MALFORMED_VALUES))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[at:]
        else:
            data = bytearray(EMPTY_SCENARIOS)
    return name, bytes(data)


def _run(name, data, args):
    with tempfile.TemporaryDirectory() as folder:
        file = pathlib.Path(folder) / name
        file.write_bytes(data)
        argv = [a.format(file=file, folder=folder, out=f"{folder}/r.html") for a in args]
        out, err = io.StringIO(), io.StringIO()
        code = main(argv, out=out, err=err)
    return code, err.getvalue()


def _check(code, err):
    assert code in (0, 1, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert err.strip(), "an invalid input says what is wrong"


@given(mutants(), st.sampled_from(COMMANDS))
def test_a_mutated_scenario_never_ends_in_a_traceback(mutant, args):
    name, data = mutant
    note(f"{name}: {data!r}")
    code, err = _run(name, data, args)
    note(f"exit {code}: {err}")
    _check(code, err)


RI = SOURCES["ri.powcase.yaml"]
CAPTURE = b"date: 2025-01-09, event: capture"


def _at(old, new):
    assert old in RI
    return RI.replace(old, new, 1)


KINDS = {
    "!!bool maybe": _at(b"wounded: true", b"wounded: !!bool maybe"),
    "!!timestamp soon": _at(CAPTURE, b"date: !!timestamp soon, event: capture"),
    "a lone surrogate": _at(b"place: Kursk", b'place: "\\ud800"'),
    "a confidence of 10**400": _at(b"confidence: 0.8", b"confidence: 1" + b"0" * 400),
    "a date at the end of the calendar": _at(CAPTURE, b"date: 9999-12-31, event: capture"),
    "as_of at the end of the calendar": _at(b"as_of: 2025-03-17", b"as_of: 9999-12-31"),
    "nested aliases": _at(b"claims:\n", b"x: &a [1, 1]\ny: &b [*a, *a]\nz: [*b, *b]\nclaims:\n"),
    "a tab": _at(b"detaining_power: UA\n", b"detaining_power: UA\n\tas_of: 2025-03-17\n"),
    "no scenario": EMPTY_SCENARIOS,
    "an unhashable expectation": _at(b"no_flags: [self_harm_risk]", b"no_flags: [[self_harm]]"),
    "an unhashable obligation code": _at(b"{code: capture_card,", b"{code: {a: b},"),
    "an unhashable step key": _at(b"steps: {0: allowed", b"steps: {[0]: allowed"),
    "an overlay that is a device": _at(
        b"detaining_power: UA\n", b"detaining_power: UA\nlaw: [/dev/zero]\n"
    ),
    "variant assumptions not a mapping": _at(
        b"assumptions: {ihl_non_refoulement: strict_text}", b"assumptions: [strict_text]"
    ),
}
"""One file for each malformed kind the issue names."""


@pytest.mark.parametrize("data", list(KINDS.values()), ids=list(KINDS))
def test_each_malformed_kind_is_an_error_in_every_command(data):
    for args in COMMANDS:
        _check(*_run("ri.powcase.yaml", data, args))
