"""No leak: the subject's name (personal data of a person seeking protection) is in no output,
no error and no diagram unless names are revealed, and ``--redact strict`` holds in every part
of every output.

A name is withheld with its parts (its whole words of three letters or more, of any length in
Hangul), in any letter case, wherever the author wrote it: the title, the description, a note,
a claim, the text of a field, a value an error echoes.
"""

import io
import json
import pathlib
import re
import warnings

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from powcase import InvalidArgument, InvalidInput, PowcaseError, RunResult
from powcase._util.redact import MARK, Names, redact
from powcase.cli import main
from powcase.errors import NameInFreeText
from powcase.render import report as report_module
from powcase.render.diagram import draw
from powcase.render.report import render_report
from powcase.scenario import load_scenarios, run
from powcase.scenario.free_text import name_in_free_text

pytest_plugins = ["pytester"]

HERE = pathlib.Path(__file__).parent
FORCED = HERE / "scenarios" / "forced_return.powcase.yaml"
REFUSED_ON = "2026-06-02"
"""The day of the refused return of the forced-return scenario."""


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _scenario_file(
    folder, *, name, title="A case", description="", note="", claim="", place="", extra=""
):
    """A one-scenario file whose free text is given; its capture is followed by a refused
    repatriation, so that the diagram has a refused step.
    """
    text = f"""\
powcase: 1
title: {json.dumps(title, ensure_ascii=False)}
description: {json.dumps(description, ensure_ascii=False)}
subject: {{id: subj, name: {json.dumps(name, ensure_ascii=False)}, nationality: [KP], forces: KP}}
detaining_power: UA
events:
  - {{date: 2025-01-09, event: capture, wounded: true, place: {
        json.dumps(place or "a field", ensure_ascii=False)
    }, note: {json.dumps(note or "taken", ensure_ascii=False)}}}
  - {{date: 2026-06-01, event: hostilities_ended}}
  - {{date: 2026-06-02, event: repatriate, to: KP}}
{extra}claims:
  - {{about: age, value: {json.dumps(claim or "twenty", ensure_ascii=False)}, date: 2025-01-10}}
as_of: 2026-07-01
expect:
  verdicts:
    - event: {{event: repatriate, to: KP}}
      outcome: refused
"""
    path = folder / "case.powcase.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _outputs(path, folder, *extra):
    """What every command writes about the file: stdout and stderr of each, the report."""
    report = folder / "report.html"
    written = []
    for command in (
        ["run", path, "--format", "text"],
        ["run", path, "--format", "json"],
        ["run", path, "--format", "markdown"],
        ["explain", path, "--step", "0"],
        ["explain", path, "--step", "0", "--format", "json"],
        ["options", path, "--format", "json"],
        ["compare", path, "--vary", "media_exception"],
        ["compare", path, "--vary", "media_exception", "--format", "json"],
        ["diagram", path, "--format", "mermaid"],
        ["diagram", path, "--format", "dot"],
        ["diagram", path, "--path"],
        ["report", path, "-o", report],
        ["test", path],
        ["validate", path],
        ["run", path, "--variant", "no_such"],
    ):
        code, out, err = cli(*command, *extra)
        assert code in (0, 1, 2), command
        written += [out, err]
    written.append(report.read_text(encoding="utf-8"))
    results = run(load_scenarios(path)[0])
    written += [
        json.dumps([r.to_dict() for r in results], ensure_ascii=False),
        results[0]._repr_markdown_(),
        str(draw(results[0], "mermaid")),
        str(draw(results[0], "path")),
    ]
    return "\n".join(written)


def _parts(name):
    """The parts of a name a reader could recognise: its words of three letters or more and
    its Hangul words.
    """
    words = re.findall(r"[^\W\d_]+", name.casefold())
    return {w for w in words if len(w) >= 3 or re.search("[\uac00-\ud7a3]", w)}


def _words(text):
    return set(re.findall(r"[^\W\d_]+", text.casefold()))


def _leaks(name, text):
    """The parts of ``name`` (and the name itself) found in ``text``, as whole words."""
    found = _parts(name) & _words(text)
    whole = rf"(?<![^\W\d_]){re.escape(name.casefold())}(?![^\W\d_])"
    if re.search(whole, text.casefold()):
        found.add(name)
    return found


# --- report --redact strict, and diagram --redact


@pytest.mark.parametrize("graphviz", [True, False], ids=["svg", "mermaid"])
def test_a_strict_report_dates_refused_steps_to_the_month_in_its_diagram_too(
    monkeypatch, graphviz
):
    if graphviz and report_module.graphviz_missing() is not None:
        pytest.skip("needs Graphviz and pydot")
    monkeypatch.setattr(
        report_module, "graphviz_missing", lambda: None if graphviz else "pydot is missing"
    )
    results = run(load_scenarios(FORCED)[0])
    assert REFUSED_ON in render_report(results)
    page = render_report(results, redaction="strict")
    assert REFUSED_ON not in page
    assert "2026-06" in page


def _path_drawing(page):
    """The report's drawing of the path he took: its first path-drawing SVG."""
    start = page.index("<svg xmlns='http://www.w3.org/2000/svg' class='path-drawing'")
    return page[start : page.index("</svg>", start)]


@pytest.mark.parametrize("level", ["none", "strict"])
def test_the_path_drawing_dates_steps_as_the_report_does(level):
    # The refused repatriation is drawn with its date: exact, or to the month when strict;
    # and the capture's date obeys the level too.
    results = run(load_scenarios(FORCED)[0])
    drawing = _path_drawing(render_report(results, redaction=level))
    shown = {"none": ("2026-06-02", "2025-01-09"), "strict": ("2026-06", "2025-01")}[level]
    for date in shown:
        assert f">{date}<" in drawing
    if level == "strict":
        assert REFUSED_ON not in drawing
        assert "2025-01-09" not in drawing


def test_the_path_command_takes_redact_strict():
    code, out, _ = cli("diagram", FORCED, "--path")
    assert code == 0
    assert REFUSED_ON in out
    code, out, _ = cli("diagram", FORCED, "--path", "--redact", "strict")
    assert code == 0
    assert REFUSED_ON not in out
    assert ">2026-06<" in out
    result = run(load_scenarios(FORCED)[0])[0]
    assert REFUSED_ON not in str(draw(result, "path", redaction="strict"))


def test_the_diagram_command_takes_redact_strict():
    code, out, _ = cli("diagram", FORCED, "--format", "mermaid")
    assert code == 0
    assert REFUSED_ON in out
    code, out, _ = cli("diagram", FORCED, "--format", "mermaid", "--redact", "strict")
    assert code == 0
    assert REFUSED_ON not in out
    assert "Repatriate (2026-06)" in out
    result = run(load_scenarios(FORCED)[0])[0]
    assert REFUSED_ON not in str(draw(result, "mermaid", redaction="strict"))


# --- the name: cut, lower case, strict with reveal, flags


def test_a_name_cut_by_the_shortening_of_a_long_value_shows_no_part_of_it(tmp_path):
    # The value an error echoes is cut after 397 characters, here inside the name.
    name = "Ri Jin-hyok"
    value = "a" * 386 + " " + name + " who was captured"
    assert len(repr(value)) > 400
    assert repr(value)[:397].endswith("Ri Jin-hy")
    path = _scenario_file(tmp_path, name=name)
    path.write_text(
        path.read_text().replace("repatriate, to: KP}", f"repatriate, to: {json.dumps(value)}}}")
    )
    code, out, err = cli("validate", path)
    assert code == 2
    assert "is not a state code" in err
    assert not _leaks(name, out + err), err


def test_a_lower_case_copy_of_the_name_is_withheld(tmp_path):
    name = "Kang Min-chol"
    path = _scenario_file(tmp_path, name=name, note=f"{name.lower()} said so")
    code, out, _ = cli("run", path, "--format", "json")
    assert code == 0
    assert "kang min-chol" not in out
    assert f"{MARK} said so" in out
    # An error that echoes a lower-case copy withholds it too.
    bad = _scenario_file(tmp_path, name=name)
    bad.write_text(bad.read_text().replace("nationality: [KP]", "nationality: [kang min-chol]"))
    code, out, err = cli("validate", bad)
    assert code == 2
    assert not _leaks(name, out + err), err


def test_reveal_names_shows_the_name_under_strict_redaction_too(tmp_path):
    # Revealing names is the one switch for the name; strict withholds the rest.
    code, out, _ = cli("run", FORCED, "--format", "json", "--redact", "strict", "--reveal-names")
    assert code == 0
    first = json.loads(out)[0]
    assert first["subject"]["name"] == "Kept Out Of Output"
    assert "2025-01-09" not in out
    page = tmp_path / "r.html"
    assert cli("report", FORCED, "-o", page, "--redact", "strict", "--reveal-names")[0] == 0
    assert "Kept Out Of Output" in page.read_text()


def test_the_help_says_that_reveal_names_wins_over_strict(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    assert "also with --redact strict" in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize("flag", ["no", "false", 0, 1, None, "yes"])
def test_reveal_names_must_be_a_bool(flag):
    result = run(load_scenarios(FORCED)[0])[0]
    with pytest.raises(InvalidArgument, match="reveal_names") as raised:
        result.to_dict(reveal_names=flag)
    assert isinstance(raised.value, PowcaseError)
    assert isinstance(raised.value, TypeError)
    with pytest.raises(InvalidInput, match="reveal_names"):
        render_report([result], reveal_names=flag)


@pytest.mark.parametrize("level", ["STRICT", "loose", None, True])
def test_a_redaction_level_is_one_of_the_levels(level):
    result = run(load_scenarios(FORCED)[0])[0]
    with pytest.raises(InvalidInput, match="redaction"):
        render_report([result], redaction=level)
    with pytest.raises(InvalidInput, match="redaction"):
        redact({}, level)
    with pytest.raises(InvalidInput, match="redaction"):
        draw(result, "mermaid", redaction=level)


# --- the name in free text


def test_a_name_in_the_title_notes_and_claims_is_withheld_and_the_author_told_once(tmp_path):
    name = "Paek Sung-il"
    path = _scenario_file(
        tmp_path,
        name=name,
        title=f"The case of {name}",
        description="PAEK was captured; Sung-il says so.",
        note="paek sung-il, as he said",
        claim="Sungil is twenty",
        place="near Paek's village",
    )
    code, out, err = cli("run", path, "--format", "json")
    assert code == 0
    assert not _leaks(name, out + err)
    assert json.loads(out)[0]["scenario"] == f"The case of {MARK}"
    assert err.count("warning") == 1
    assert str(path) in err
    assert "title" in err
    assert "events[0].note" in err
    revealed = json.loads(cli("run", path, "--format", "json", "--reveal-names")[1])[0]
    assert revealed["scenario"] == f"The case of {name}"
    assert revealed["steps"][0]["note"] == "paek sung-il, as he said"


def test_a_file_without_the_name_in_free_text_gives_no_warning(tmp_path):
    path = _scenario_file(tmp_path, name="Paek Sung-il", title="The case of P.")
    assert cli("run", path)[2] == ""
    assert name_in_free_text(load_scenarios(path)[0]) == []


def test_the_library_warns_through_its_own_category(tmp_path):
    path = _scenario_file(tmp_path, name="Paek Sung-il", title="Paek's case")
    assert name_in_free_text(load_scenarios(path)[0]) == ["title"]
    assert issubclass(NameInFreeText, UserWarning)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # Other warnings are left as Python shows them; the command shows its own.
        code, _, err = cli("validate", path)
    assert code == 0
    assert err.startswith("powcase validate: warning: ")


def test_the_subject_id_is_never_rewritten(tmp_path):
    name = "Subj Kim"
    path = _scenario_file(tmp_path, name=name, title="subj, captured")
    plain = json.loads(cli("run", path, "--format", "json")[1])[0]
    assert plain["subject"]["id"] == "subj"
    assert plain["scenario"] == f"{MARK}, captured"


def test_an_error_that_names_the_scenario_withholds_the_name(tmp_path):
    path = _scenario_file(tmp_path, name="Paek Sung-il", title="Paek Sung-il's case")
    code, out, err = cli("run", path, "--variant", "no_such")
    assert code == 2
    assert "no variant" in err
    assert not _leaks("Paek Sung-il", out + err)


def test_the_pytest_items_of_a_scenario_withhold_the_name(pytester, tmp_path):
    text = _scenario_file(tmp_path, name="Paek Sung-il", title="Paek Sung-il's case")
    failing = text.read_text().replace("outcome: refused", "outcome: allowed")
    pytester.makefile(".powcase.yaml", case=failing)
    result = pytester.runpytest("-v")
    result.assert_outcomes(failed=1)
    assert not _leaks("Paek Sung-il", result.stdout.str())
    assert f"{MARK}'s case" in result.stdout.str()


def test_the_warning_names_places_without_the_name():
    # A source id is an identifier, shown as written, but the author is told of it.
    names = Names.of("Ri Jin-hyok")
    record = {"sources": {"jinhyok_talk": {"name": "an interview"}}, "id": "jin"}
    assert names.where(record) == [f"sources.{MARK}_talk"]


def test_names_match_in_any_case_with_their_parts():
    names = Names.of("Ri Jin-hyok", "Иван Петров", "리 진혁")
    text = "RI JIN-HYOK, jinhyok, Jin; ИВАНА петров; 진혁은 리 말했다; Ri, Kursk, Jingle"
    assert names.scrub(text) == (
        f"{MARK}, {MARK}, {MARK}; {MARK} {MARK}; {MARK} {MARK} 말했다; Ri, Kursk, Jingle"
    )
    assert Names.of(None, "", "  ").scrub(text) == text
    assert Names.of("Straße").scrub("STRASSE") == MARK


# --- every output, for any name


def _latin(draw):
    first = draw(st.sampled_from("ABCDEFGHIJKLMNOPRSTUVWYZÉÖ"))
    rest = draw(st.text(alphabet="abcdefghijklmnoprstuvwyzéöüñ", min_size=1, max_size=7))
    return first + rest


def _cyrillic(draw):
    first = draw(st.sampled_from("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"))
    rest = draw(st.text(alphabet="абвгдежзиклмнопрстуфхцчшщэюяё", min_size=2, max_size=7))
    return first + rest


def _hangul(draw):
    return draw(
        st.text(
            alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
            min_size=1,
            max_size=3,
        )
    )


@st.composite
def names(draw):
    script = draw(st.sampled_from([_latin, _cyrillic, _hangul]))
    words = [script(draw) for _ in range(draw(st.integers(1, 3)))]
    joined = words[0]
    for word in words[1:]:
        joined += draw(st.sampled_from([" ", "-"])) + word
    return joined


CASES = [str, str.lower, str.upper, str.title, str.swapcase]


@st.composite
def copies(draw, name):
    """The name, or one of its parts, in some letter case."""
    words = re.findall(r"[^\W\d_]+", name)
    chosen = draw(st.sampled_from([name, *words]))
    return draw(st.sampled_from(CASES))(chosen)


_BASELINE = {}


def _vocabulary(folder):
    """Every word the outputs have when no free text names anyone: a name part that is one of
    them (an event, a state, a key, a word of the law's text) cannot be told from it.
    """
    if "words" not in _BASELINE:
        path = _scenario_file(folder, name="Nobody Here")
        _BASELINE["words"] = _words(_outputs(path, folder)) | _words(MARK)
    return _BASELINE["words"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("noleak")


# Each example runs every command: a third of the profile's examples (20 in CI, more in the
# thorough profile).
@settings(
    max_examples=max(10, settings().max_examples // 3),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data(), name=names())
def test_no_part_of_the_name_is_in_any_output_unless_revealed(folder, data, name):
    assume(not ({name.casefold(), *_parts(name)} & _vocabulary(folder)))
    copy = data.draw(copies(name))
    path = _scenario_file(
        folder,
        name=name,
        title=f"The case of {data.draw(copies(name))}",
        description=f"{copy} was captured.",
        note=f"{data.draw(copies(name))} said so",
        claim=data.draw(copies(name)),
        place=f"near {data.draw(copies(name))}",
    )
    written = _outputs(path, folder)
    assert not _leaks(name, written)
    # An error echoing the name withholds it as well.
    bad = folder / "bad.powcase.yaml"
    bad.write_text(
        path.read_text(encoding="utf-8").replace("to: KP", f"to: {json.dumps(copy)}"),
        encoding="utf-8",
    )
    code, out, err = cli("validate", bad)
    assert code == 2
    assert not _leaks(name, out + err)
    # Revealed, the name is shown as written.
    plain = json.loads(cli("run", path, "--format", "json", "--reveal-names")[1])[0]
    assert plain["subject"]["name"] == name
    assert plain["steps"][2]["fields"] == {"to": "KP"}
    assert isinstance(RunResult.from_dict(plain), RunResult)
