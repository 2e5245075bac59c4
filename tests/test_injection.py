"""No injection: a scenario's strings (title, id, place, claim, note) and its file's path cannot
write to a terminal, open HTML or Markdown, or break a line, a table or a JSON document, in any
output of any command.
"""

import io
import json
import pathlib
import re

import pytest

from powcase._util.escape import code_span, markdown_text, neutral, neutral_json
from powcase.cli import main
from powcase.render.report import CONTENT_SECURITY_POLICY
from powcase.scenario import load_scenarios, run

ROOT = pathlib.Path(__file__).parent.parent
RI = ROOT / "tests" / "scenarios" / "ri.powcase.yaml"

EVIL = (
    "\x1b]0;owned\x07\x1b[2J\x9b31m\u202eevil\u2066\u200f"
    " <img src=x onerror=alert(1)>\n# heading\n`tick` | cell [link](http://x) \r\x00"
)
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def evil(tmp_path_factory):
    """The Ri scenario with EVIL in its title, id, a place, a note and a claim, in a folder
    whose name carries an escape sequence and a bidi override."""
    quoted = json.dumps(EVIL)  # a JSON string is a YAML double-quoted string
    text = (
        RI.read_text()
        .replace("title: Ri, captured in Kursk, asks to go to South Korea", f"title: {quoted}")
        .replace("  id: ri\n", f"  id: {quoted}\n")
        .replace("place: Kursk", f"place: {quoted}")
        .replace('"Offered to North Korea against Ukrainians held by Russia."', quoted)
        .replace('"more than 300 dead and 2,700 wounded"', quoted)
    )
    folder = tmp_path_factory.mktemp("inj") / "dir\x1b[31m\u202e"
    folder.mkdir()
    path = folder / "evil.powcase.yaml"
    path.write_text(text)
    return path


def _inert(text):
    assert not UNSAFE.search(text), UNSAFE.search(text)


def _one_line_each(text):
    """No injected line: the newlines of EVIL never start a line of their own."""
    assert not re.search(r"^# heading", text, re.M)
    assert not re.search(r"^`tick`", text, re.M)


@pytest.mark.parametrize(
    "args",
    [
        ("run", "{f}"),
        ("run", "{f}", "--as-of", "2025-03-17"),
        ("run", "{f}", "--format", "markdown"),
        ("test", "{d}"),
        ("validate", "{f}"),
        ("explain", "{f}", "--step", "0"),
        ("options", "{f}"),
        ("options", "{f}", "--format", "markdown"),
        ("compare", "{f}", "--vary", "media_exception"),
        ("compare", "{f}", "--vary", "media_exception", "--format", "markdown"),
        ("diagram", "{f}", "--format", "mermaid"),
    ],
    ids=lambda a: " ".join(a[:1] + a[2:]),
)
def test_text_and_markdown_outputs_are_inert(evil, args):
    code, out, err = cli(*(a.format(f=evil, d=evil.parent) for a in args))
    assert code in (0, 1), err
    _inert(out + err)
    _one_line_each(out)
    if "markdown" in args:
        _markup_closed(out)


@pytest.mark.parametrize(
    "args",
    [
        ("run", "{f}", "--format", "json"),
        ("explain", "{f}", "--step", "0", "--format", "json"),
        ("options", "{f}", "--format", "json"),
        ("compare", "{f}", "--vary", "media_exception", "--format", "json"),
    ],
    ids=lambda a: a[0],
)
def test_json_outputs_are_inert_and_keep_the_strings_exactly(evil, args):
    code, out, _ = cli(*(a.format(f=evil) for a in args))
    assert code in (0, 1)
    _inert(out)
    assert EVIL in _strings(json.loads(out))


def _strings(data):
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set().union(*map(_strings, data.values()), set())
    if isinstance(data, list):
        return set().union(*map(_strings, data), set())
    return set()


def _markup_closed(markdown):
    """No HTML nor link opened outside the id's code span (a code span shows HTML as text)."""
    rest = markdown.replace(code_span(EVIL), "")
    assert not re.search(r"(?<!\\)<img", rest)
    assert not re.search(r"(?<!\\)\[link\]", rest)


def test_a_path_in_an_error_is_inert(evil, tmp_path):
    broken = evil.parent / "broken.powcase.yaml"
    broken.write_text("powcase: 1\n\ttitle: x\n")
    try:
        code, out, err = cli("validate", evil.parent)
        assert code == 2
        _inert(out + err)
        assert "dir\\x1b[31m\\u202e" in err
        code, _, err = cli("run", evil.parent / "missing\x1b[2J.yaml")
        assert code == 2
        _inert(err)
    finally:
        broken.unlink()


def test_the_html_report_is_inert_and_forbids_script(evil, tmp_path):
    report = tmp_path / "r\x1b[2J.html"
    code, out, err = cli("report", evil, "-o", report)
    assert code == 0
    _inert(out + err)
    page = report.read_text()
    _inert(page)
    assert "<img" not in page
    assert "&lt;img src=x" in page
    assert (
        f"<meta http-equiv='Content-Security-Policy' content=\"{CONTENT_SECURITY_POLICY}\">"
        in page
    )
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "script" not in CONTENT_SECURITY_POLICY


def test_jupyter_markdown_is_escaped(evil):
    from powcase import Case

    scenario = load_scenarios(evil)[0]
    result = run(scenario)[0]
    case = Case.replay(scenario.record, scenario.assumptions, scenario.mode, law=scenario.law)
    for shown in (result._repr_markdown_(), case._repr_markdown_()):
        _inert(shown)
        _one_line_each(shown)
        _markup_closed(shown)


class TestTheEscapes:
    def test_text_shows_every_unsafe_character_as_an_escape(self):
        assert neutral("a\x1b[2Jb\u202ec\x85d\ud800") == "a\\x1b[2Jb\\u202ec\\x85d\\ud800"
        assert neutral("tab\tand\nline") == "tab\tand\nline"
        assert neutral("tab\tand\nline", newlines=False) == "tab\\tand\\nline"

    def test_colour_codes_of_our_own_pass_only_when_asked(self):
        assert neutral("\x1b[1mtitle\x1b[0m", colour=True) == "\x1b[1mtitle\x1b[0m"
        assert neutral("\x1b[1mtitle\x1b]0;x\x07", colour=True) == "\x1b[1mtitle\\x1b]0;x\\x07"

    def test_json_escapes_keep_the_document(self):
        document = json.dumps({"t": EVIL + "\ud800"}, ensure_ascii=False)
        safe = neutral_json(document)
        _inert(safe)
        assert json.loads(safe) == json.loads(document)

    @pytest.mark.parametrize(
        "value",
        ["<script>alert(1)</script>", "# heading", "a | b", "`code`", "![x](http://t/x.png)"],
    )
    def test_markdown_text_cannot_open_markup(self, value):
        shown = markdown_text(value)
        assert not re.search(r"(?<!\\)[<|`\[#]", shown)

    def test_a_code_span_holds_any_backticks(self):
        assert code_span("a`b") == "``a`b``"
        assert code_span("`x") == "`` `x ``"
        assert code_span("a|b") == "`a|b`"
