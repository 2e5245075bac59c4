"""`powcase test` for CI: -k keyword expressions, --junit-xml reports, -x."""

import io
import xml.etree.ElementTree as ET

import pytest
from _pytest.mark.expression import Expression
from hypothesis import given
from hypothesis import strategies as st

from powcase._util.keywords import KeywordExpression, KeywordExpressionError
from powcase.cli import main


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


SCENARIOS = """\
powcase: 1
scenarios:
  - title: Alpha captured in Kursk
    subject: {id: alpha, nationality: [RU], forces: RU}
    detaining_power: UA
    events:
      - {date: 2025-03-01, event: capture}
    expect: {state: [%(alpha)s, presumed_pow, no_request, none]}
    variants:
      strict_reading:
        assumptions: {ihl_non_refoulement: strict_text}
        expect: {state: [%(strict)s, presumed_pow, no_request, none]}
  - title: Beta captured in Kharkiv
    subject: {id: beta, nationality: [RU], forces: RU}
    detaining_power: UA
    events:
      - {date: 2025-03-01, event: capture}
    expect: {state: [%(beta)s, presumed_pow, no_request, none]}
"""


def _file(tmp_path, alpha="in_custody", strict="in_custody", beta="in_custody"):
    path = tmp_path / "cases.powcase.yaml"
    path.write_text(SCENARIOS % {"alpha": alpha, "strict": strict, "beta": beta})
    return path


def _summary(out):
    return out.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("expression", "runs"),
    [
        ("strict", 1),
        ("not strict", 2),
        ("ALPHA", 2),
        ("kursk and not strict", 1),
        ("(alpha or beta) and not strict_reading", 2),
        ("kharkiv or strict", 2),
        ("cases.powcase", 3),
        ("nobody", 0),
    ],
)
def test_k_selects_runs_by_title_file_id_and_variant_as_pytest_does(tmp_path, expression, runs):
    code, out, err = cli("test", _file(tmp_path), "-k", expression)
    assert (code, err) == (0, "")
    assert f"({runs} runs of" in _summary(out)
    assert f"-k {expression!r}" in _summary(out)


@pytest.mark.parametrize(
    ("expression", "said"),
    [
        ("alpha and", "at the end: expected a word"),
        ("(alpha", "at the end: expected ')'"),
        ("alpha beta", "at column 7: expected 'and', 'or' or the end, got 'beta'"),
        ("and", "at column 1: expected a word, 'not' or '(', got 'and'"),
        ("alpha $ beta", "at column 7: unexpected character '$'"),
        ("()", "at column 2"),
    ],
)
def test_a_bad_k_expression_is_exit_2_with_a_clear_error(tmp_path, expression, said):
    code, out, err = cli("test", _file(tmp_path), "-k", expression)
    assert code == 2
    assert out == ""
    assert f"-k {expression!r}: " in err
    assert said in err
    assert "Traceback" not in err


WORDS = st.sampled_from(["alpha", "beta", "kursk", "strict", "x"])


def _expressions():
    return st.recursive(
        WORDS,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(" ".join),
            inner.map(lambda e: f"not {e}"),
            inner.map(lambda e: f"({e})"),
        ),
        max_leaves=6,
    )


@given(_expressions(), st.lists(st.sampled_from(["Alpha in Kursk", "beta", "STRICT_x"])))
def test_k_agrees_with_pytest_on_every_expression(expression, names):
    ours = KeywordExpression.compile(expression).matches(names)
    folded = [n.casefold() for n in names]
    theirs = Expression.compile(expression).evaluate(
        lambda word: any(word.casefold() in n for n in folded)
    )
    assert ours == theirs


@given(st.text(alphabet="ab() andortx$", max_size=12))
def test_k_parses_what_pytest_parses_and_refuses_what_it_refuses(expression):
    try:
        Expression.compile(expression)
    except Exception:  # pytest's ParseError
        with pytest.raises(KeywordExpressionError):
            KeywordExpression.compile(expression)
    else:
        KeywordExpression.compile(expression)


def test_junit_xml_has_one_testcase_per_run_and_the_failed_expectations(tmp_path):
    report = tmp_path / "results.xml"
    code, out, _ = cli("test", _file(tmp_path, strict="pow"), "--junit-xml", report)
    assert code == 1
    assert "FAIL" in out
    root = ET.parse(report).getroot()
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "0")
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "Alpha captured in Kursk",
        "Alpha captured in Kursk [strict_reading]",
        "Beta captured in Kharkiv",
    ]
    assert all(c.get("classname", "").endswith("cases.powcase.yaml") for c in cases)
    assert all(float(c.get("time")) >= 0 for c in cases)
    (failure,) = cases[1].findall("failure")
    assert failure.get("message").startswith("state: expected")
    assert "pow" in failure.text
    assert cases[0].findall("failure") == []
    assert not list(tmp_path.glob(".results.xml.*"))  # no temporary file left behind


def test_junit_xml_reports_a_file_that_cannot_be_used_as_an_error(tmp_path):
    _file(tmp_path)
    (tmp_path / "broken.powcase.yaml").write_text("powcase: 1\nsubject: {id: x}\n")
    report = tmp_path / "results.xml"
    code, _, err = cli("test", tmp_path, "--junit-xml", report)
    assert code == 2
    assert "broken.powcase.yaml" in err
    root = ET.parse(report).getroot()
    assert root.get("errors") == "1"
    (error,) = root.iter("error")
    assert "broken.powcase.yaml" in error.get("message")


def test_junit_xml_never_overwrites_an_input(tmp_path):
    path = _file(tmp_path)
    before = path.read_text()
    code, _, err = cli("test", path, "--junit-xml", path)
    assert code == 2
    assert "inputs" in err
    assert path.read_text() == before


def test_x_stops_at_the_first_failure(tmp_path):
    path = _file(tmp_path, alpha="pow", strict="pow", beta="pow")
    code, out, _ = cli("test", path)
    assert code == 1
    assert out.count("FAIL ") == 3
    code, out, _ = cli("test", path, "-x")
    assert code == 1
    assert out.count("FAIL ") == 1
    assert "(1 runs of 1 files), stopped at the first failure (-x)" in _summary(out)
    assert cli("test", _file(tmp_path), "-x")[0] == 0
