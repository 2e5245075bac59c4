"""Every sentence of an error a user reads, in Korean and Ukrainian: the loader's messages (the
scenario's and the law data's), the heading of a list of problems, argparse's own usage errors
and the notes ``diagram`` and ``coverage --fail-under`` write; English unchanged.
"""

from __future__ import annotations

import ast
import contextlib
import io
import pathlib

import pytest

from powcase._util import i18n, templates
from powcase.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "powcase"
RI = str(ROOT / "examples" / "ri.powcase.yaml")
TRANSLATED = ("ko", "uk")

LOADER_MODULES = (
    "model/fields.py",
    "model/events.py",
    "model/record.py",
    "_util/problems.py",
    "_util/located.py",
    "_util/characters.py",
    "_util/date_range.py",
    "scenario/model.py",
    "scenario/load.py",
    "law/loading.py",
    "law/shape.py",
)
"""The modules whose messages a user gets about a scenario file or law data."""

_MAKERS = {"Problem": 1, "add": 1, "single": 1, "_fail": 1, "one_of": 3}
"""The calls making a loader's message, by name, and the position of the message (or what
is expected) among their arguments."""

_SCENARIO_LANGUAGE = {"powcase: 1", "law.yaml"}
"""Literals that are the scenario language (a line to write, a file's name), not sentences."""


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            code = main(list(args), out=out, err=err)
        except SystemExit as stop:  # argparse's usage errors end the process
            code = int(stop.code or 0)
    return code, out.getvalue(), err.getvalue()


def _literal_messages(path: pathlib.Path, root: pathlib.Path = SRC) -> list[str]:
    """The messages a module makes from a bare literal or an f-string: text the extraction
    cannot see, so no translation can reach it.
    """
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in _MAKERS:
            continue
        arguments = list(node.args) + [k.value for k in node.keywords if k.arg == "expected"]
        for position, argument in enumerate(arguments):
            literal = isinstance(argument, ast.JoinedStr) or (
                isinstance(argument, ast.Constant) and isinstance(argument.value, str)
            )
            if isinstance(argument, ast.Constant) and argument.value in _SCENARIO_LANGUAGE:
                continue
            if literal and (position >= _MAKERS[name] or argument in arguments[len(node.args) :]):
                found.append(
                    f"{path.relative_to(root)}:{argument.lineno}: {ast.unparse(argument)}"
                )
    return found


def test_the_loader_makes_every_message_from_a_marked_template():
    """A message made from a bare literal or an f-string would stay English in every language."""
    found = [line for module in LOADER_MODULES for line in _literal_messages(SRC / module)]
    assert found == []


def test_the_check_finds_a_message_made_from_a_literal_or_an_f_string(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        'Problem(path, f"{value!r} is bad", "a good value")\n'
        'Problem(path, problem_text("is bad"), problem_text("a good value"))\n',
        encoding="utf-8",
    )
    assert len(_literal_messages(module, tmp_path)) == 2


def _templates() -> set[str]:
    """Every message template of the loader and the command (``problem_text("...")``)."""
    found = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "problem_text"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_loader_template_has_a_translation(lang):
    found = i18n.catalogue(lang)
    templates = _templates()
    assert len(templates) > 150
    assert sorted(t for t in templates if (None, t) not in found) == []


def test_a_template_registered_after_a_translation_is_still_translated(monkeypatch):
    """A template registers when its first message is made: the patterns made before it are
    made again, so its messages are translated too.
    """
    monkeypatch.setattr(templates, "PROBLEMS", templates.PROBLEMS - {"is not UTF-8 text"})
    assert i18n.problem_in("is not UTF-8 text", "ko") == "is not UTF-8 text"
    i18n.problem_text("is not UTF-8 text")
    assert i18n.problem_in("is not UTF-8 text", "ko") == "UTF-8 텍스트가 아닙니다"


BAD_SCENARIO = (
    "powcase: 1\n"
    "subject: {id: a, nationality: [KP]}\n"
    "detaining_power: RU\n"
    "sources: {s1: {kind: report, title: t}}\n"
    "events:\n"
    "  - {date: 2025-02-01, event: capture, source: nope}\n"
    "  - {date: 2025-01-01, event: capture}\n"
)

ENGLISH = {
    "events[1].date": "is before the previous event's date",
    "events[0].source": "cites unknown source",
}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_record_s_problems_are_told_in_the_language_asked(lang, tmp_path):
    bad = tmp_path / "bad.powcase.yaml"
    bad.write_text(BAD_SCENARIO, encoding="utf-8")
    code, _, english = cli("validate", str(bad))
    assert code == 2
    for phrase in ENGLISH.values():
        assert phrase in english
    code, _, told = cli("validate", str(bad), "--lang", lang)
    assert code == 2
    for path, phrase in ENGLISH.items():
        assert path in told
        assert phrase not in told
    assert "2025-01-01" in told
    assert "2025-02-01" in told
    assert "'nope'" in told
    assert "events in date order" not in told
    assert "an id listed under sources" not in told


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("a: 1\na: 2\n", "is given twice"),
        ("a: !!int x\n", "is not a valid !!int"),
        ("a: .nan\n", "is not a finite number"),
        ("a: 1\n" + "[" * 200 + "]" * 200 + "\n", "is not valid YAML"),
    ],
)
def test_a_file_s_problems_are_told_in_the_language_asked(lang, text, english, tmp_path):
    bad = tmp_path / "bad.powcase.yaml"
    bad.write_text(text, encoding="utf-8")
    _, _, said = cli("validate", str(bad))
    if english not in said:
        pytest.skip(f"this input reads otherwise: {said!r}")
    code, _, told = cli("validate", str(bad), "--lang", lang)
    assert code == 2
    assert english not in told


@pytest.mark.parametrize("lang", TRANSLATED)
def test_law_data_problems_are_told_in_the_language_asked(lang, tmp_path):
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text("flags:\n  bogus: {text: 1}\n  other: 3\n", encoding="utf-8")
    code, _, english = cli("validate", RI, "--law", str(overlay))
    assert code == 2
    for phrase in ("is not accepted", "is missing", "a non-empty string", "a mapping"):
        assert phrase in english
    code, _, told = cli("validate", RI, "--law", str(overlay), "--lang", lang)
    assert code == 2
    assert "flags.bogus.severity" in told
    assert "flags.other" in told
    for phrase in ("is not accepted", "is missing", "a non-empty string", "a mapping"):
        assert phrase not in told


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_heading_of_a_list_of_problems_is_in_the_language_asked(lang):
    from powcase.errors import LawDataError, LocatedProblem, Problem

    error = LawDataError(
        LocatedProblem("overlay.yaml", line, 1, Problem(path, "is missing"))
        for line, path in ((2, "flags.x"), (3, "flags.y"))
    )
    english = f"powcase run: {error}\n"
    assert english.startswith("powcase run: 2 problems\n")
    import powcase.cli as command

    told = command._in_language_told(english, lang)
    assert "2 problems" not in told
    assert "2" in told.splitlines()[0]
    assert "is missing" not in told


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize(
    ("args", "english"),
    [
        (("run",), "the following arguments are required"),
        (("runn",), "invalid choice"),
        (("run", RI, "--frobnicate"), "unrecognized arguments"),
        (("run", RI, "--format", "pdf"), "invalid choice"),
        (("run", RI, "--as-of"), "expected one argument"),
    ],
)
def test_argparse_usage_errors_are_in_the_language_asked(lang, args, english):
    code, _, said = cli(*args)
    assert code == 2
    assert english in said
    assert "error:" in said
    code, _, told = cli(*args, "--lang", lang)
    assert code == 2
    assert english not in told
    assert "error:" not in told
    assert "usage:" not in told
    assert told.splitlines()[-1].startswith("powcase")


def test_argparse_usage_errors_stay_argparse_s_own_in_english():
    code, _, said = cli("run", "--lang", "en")
    assert code == 2
    assert (
        said.splitlines()[-1] == "powcase run: error: the following arguments are required: FILE"
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_coverage_below_fail_under_says_so_in_the_language_asked(lang):
    code, _, english = cli("coverage", RI, "--fail-under", "100")
    assert code == 1
    assert "is below --fail-under 100%" in english
    code, _, told = cli("coverage", RI, "--fail-under", "100", "--lang", lang)
    assert code == 1
    line = told.strip().splitlines()[-1]
    assert line.startswith("powcase coverage: ")
    assert "--fail-under 100%" in line
    assert "is below" not in line


@pytest.mark.parametrize("lang", TRANSLATED)
def test_diagram_without_graphviz_says_so_in_the_language_asked(lang, monkeypatch, capsys):
    from powcase.render import diagram

    monkeypatch.setattr(diagram, "graphviz_missing", lambda: "pydot is missing")
    out, err = io.StringIO(), io.StringIO()
    assert main(["diagram"], out=out, err=err) == 0
    english = capsys.readouterr().err
    assert "pydot is missing, so this is Mermaid text" in english
    assert main(["diagram", "--lang", lang], out=out, err=err) == 0
    told = capsys.readouterr().err
    assert told.startswith("powcase diagram: ")
    assert "--path" in told
    assert "pydot is missing" not in told
    assert "so this is Mermaid text" not in told


@pytest.mark.parametrize("lang", TRANSLATED)
def test_parties_shows_treatment_and_reservation_summaries_in_the_language_asked(lang):
    from powcase.law.book import Law

    party = Law.packaged().party("KP")
    summaries = [r.summary for r in party.reservations] + [t.summary for t in party.treatment]
    code, english, _ = cli("parties", "KP", "--as-of", "2026-01-01")
    assert code == 0
    for summary in summaries:
        assert summary in english
    code, told, _ = cli("parties", "KP", "--as-of", "2026-01-01", "--lang", lang)
    assert code == 0
    for summary in summaries:
        assert summary not in told
    for kept in ("GCIII-12", "GCIII-85", "KP-CC-TREASON", "forced_labour", "1957-08-27"):
        assert kept in told
    for phrase in ("reservation on", "party to ", "(English)"):
        assert phrase not in told


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_party_summary_has_a_translation(lang):
    from powcase.law import translated
    from powcase.law.book import Law

    law = Law.packaged()
    for code, party in law.parties.items():
        for r in party.reservations:
            assert not translated.reservation(law, code, r.summary, lang).fallback, (code, r)
        for t in party.treatment:
            assert not translated.treatment(law, code, t.summary, lang).fallback, (code, t)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_reservation_note_gives_its_summary_in_the_language_asked(lang):
    from powcase.law import translated
    from powcase.law.book import Law

    law = Law.packaged()
    summary = law.party("RU").reservations[0].summary
    english = translated.reason(
        law, "reservation_in_force", {"state": "RU", "summary": summary}, "en"
    )
    assert summary in english.text
    told = translated.reason(
        law, "reservation_in_force", {"state": "RU", "summary": summary}, lang
    )
    assert summary not in told.text
    assert "RU" in told.text


def test_an_overlay_s_summary_reads_in_english_marked():
    from powcase.law import translated
    from powcase.law.book import Law

    said = translated.treatment(Law.packaged(), "KP", "An overlay's own words.", "ko")
    assert said.fallback
    assert said.text == "An overlay's own words."


@pytest.mark.parametrize("lang", TRANSLATED)
def test_describe_gives_events_and_assumption_questions_in_the_language_asked(lang):
    from powcase.law.translated import event_doc
    from powcase.model.assumptions import Assumptions
    from powcase.model.events import EVENT_TYPES

    docs = [event_doc(cls) for cls in EVENT_TYPES.values()]
    questions = [spec.question for spec in Assumptions.specs().values()]
    code, english, _ = cli("describe", "--format", "text")
    assert code == 0
    for text in docs + questions:
        assert text in english
    code, told, _ = cli("describe", "--format", "text", "--lang", lang)
    assert code == 0
    for text in docs + questions:
        assert text not in told
    for name in list(EVENT_TYPES) + list(Assumptions.specs()):
        assert f"  {name}" in told


def test_describe_s_json_keeps_the_english_descriptions():
    from powcase.description import describe
    from powcase.law.book import Law

    model = describe(Law.packaged())
    capture = next(e for e in model["events"] if e["id"] == "capture")
    assert capture["doc"].startswith("He falls into the power of the detaining power")


PROPERTIES = str(ROOT / "examples" / "ri.properties.yaml")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_explore_markdown_is_in_the_language_asked(lang):
    args = ("explore", PROPERTIES, "--depth", "2", "--format", "markdown")
    code, english, _ = cli(*args)
    assert code == 0
    phrases = ("### Answers by reading", "readings.", "Shortest counterexample", "| readings |")
    phrases += ("### Provisions never cited", "from ri.powcase.yaml", "| where |")
    for phrase in phrases:
        assert phrase in english
    code, told, _ = cli(*args, "--lang", lang)
    assert code == 0
    for phrase in phrases:
        assert phrase not in told
    for kept in ("`no_return_to_risk`", "ihl\\_non\\_refoulement", "repatriate(to=KP)"):
        assert kept in told
    assert told.rstrip().splitlines()[-1].startswith("*")  # the unofficial-translation notice
