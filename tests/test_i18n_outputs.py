"""The outputs in Korean and Ukrainian: every sentence a reader sees in the timeline, the flags
and the docket is in the language asked, ids unchanged; English output is unchanged; JSON keeps
its English and gains ``text_<lang>`` beside it, which the published schema allows.
"""

from __future__ import annotations

import contextlib
import io
import json
import pathlib
import re

import attrs
import jsonschema
import pytest

from powcase._util import i18n
from powcase.cli import main
from powcase.law.book import Law
from powcase.law.concerns import CONCERNS
from powcase.model.assumptions import ASSUMPTION, Assumptions
from powcase.scenario.in_language import in_language, with_translations
from powcase.scenario.result import RunResult

ROOT = pathlib.Path(__file__).resolve().parent.parent
RI = str(ROOT / "examples" / "ri.powcase.yaml")
TRANSLATED = ("ko", "uk")


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _runs(lang: str = "en") -> list[dict]:
    code, out, _ = cli("run", RI, "--format", "json", "--lang", lang)
    assert code == 0
    return json.loads(out)


def _identifiers(runs: list[dict]) -> set[str]:
    """Every word the output may show as it is: ids, codes, field names and values, state
    codes, assumption names and options (the scenario language), split at underscores too.
    """
    found: set[str] = set()

    def add(value: object) -> None:
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        found.update(re.findall(r"\w+", shown))

    for each in attrs.fields(Assumptions):
        spec = each.metadata.get(ASSUMPTION)
        if spec is not None:
            add(each.name)
            for option in spec.options:
                add(option)

    for run in runs:
        add(run["detaining_power"])
        add(run["mode"])
        for name, option in run["assumptions"].items():
            add(name)
            add(option)
        for step in run["steps"]:
            add(step["event"])
            for name, value in step["fields"].items():
                add(name)
                add(value)
            for reason in step["reasons"]:
                add(json.dumps(reason.get("reading")))
        for asked in run["verdicts"]:
            add(json.dumps(asked["event"]))
            for reason in asked["reasons"]:
                add(json.dumps(reason.get("reading")))
                add(json.dumps(reason.get("params")))
        for flag in run["flags"]:
            add(flag["code"])
        for duty in run["obligations"]:
            add(duty["code"])
    return found


_GLOSS = re.compile(r"(?<=[^\x00-\x7f]) ?\([A-Za-z][A-Za-z ,'\-]*\)")
"""An English term in parentheses after a translated one, as the translators' rules ask where
an official rendering is uncertain: ``포로 카드(capture card)``."""
_CITES = re.compile(r"\[[^\]]*\]")
_IDENTIFIER = re.compile(r"[\w.()-]*[_\d][\w.()-]*", re.ASCII)
"""A token with an underscore or a digit: an id, a code, a provision id or a date."""


def _english_left(text: str, allowed: set[str]) -> list[str]:
    """The English words left in ``text`` once ids, codes, dates, citations, the names of the
    organisations that raised a concern, and glosses of uncertain terms are taken out.
    """
    for concern in CONCERNS.values():
        text = text.replace(concern.organisation, " ")
    text = _CITES.sub(" ", text)
    text = _GLOSS.sub(" ", text)
    text = _IDENTIFIER.sub(" ", text)
    words = re.findall(r"[A-Za-z]{2,}", text)
    return [w for w in words if w not in allowed and w not in {"ICRC", "UN"}]


def _sections(text: str, lang: str) -> list[str]:
    """The lines from the timeline's heading to the claims' (or assumptions') heading of each
    run: the timeline, what-ifs, flags, docket and violations.
    """
    _ = i18n.gettext_for(lang)
    start, ends = _("Timeline"), {_("Claims"), _("Assumptions")}
    lines, inside = [], False
    for line in text.splitlines():
        if line == start:
            inside = True
        elif line in ends:
            inside = False
        if inside:
            lines.append(line)
    return lines


@pytest.mark.parametrize("lang", TRANSLATED)
def test_run_prints_timeline_flags_and_docket_without_an_english_sentence(lang):
    """`powcase run examples/ri.powcase.yaml --lang ko|uk`: no English left in the timeline,
    the what-ifs, the flags, the docket and the violations, but ids, codes, state codes,
    dates, the names of organisations and glosses of uncertain terms.
    """
    code, out, _ = cli("run", RI, "--lang", lang)
    assert code == 0
    lines = _sections(out, lang)
    assert len(lines) > 40  # the three runs of the file, each with its timeline
    allowed = _identifiers(_runs())
    left = {line: _english_left(line, allowed) for line in lines}
    assert {line: words for line, words in left.items() if words} == {}
    assert i18n.unofficial(lang).text in out
    assert out.count(i18n.unofficial(lang).text) == 1


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_english_checker_finds_english_left_in_a_translated_output(lang):
    """The check above fails on English: the English output of the same file is full of it."""
    _, english, _ = cli("run", RI, "--lang", "en")
    allowed = _identifiers(_runs())
    left = [w for line in _sections(english, "en") for w in _english_left(line, allowed)]
    assert {"Timeline", "allowed", "recorded", "Flags", "overdue", "due"} <= set(left)


def test_english_output_is_the_same_with_lang_en_and_with_no_lang(monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    for fmt in ("text", "json", "markdown"):
        assert cli("run", RI, "--format", fmt) == cli("run", RI, "--format", fmt, "--lang", "en")


def test_the_environment_chooses_the_language_where_lang_is_not_given(monkeypatch):
    monkeypatch.setenv("LC_ALL", "uk_UA.UTF-8")
    _, out, _ = cli("run", RI)
    assert i18n.gettext_for("uk")("Timeline") in out.splitlines()
    _, out, _ = cli("run", RI, "--lang", "en")
    assert "Timeline" in out.splitlines()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_json_keeps_its_english_text_and_gains_text_lang_beside_it(lang):
    english, translated = _runs(), _runs(lang)
    key = f"text_{lang}"
    for plain, shown in zip(english, translated, strict=True):
        for flag, flagged in zip(plain["flags"], shown["flags"], strict=True):
            assert flagged["text"] == flag["text"]
            assert flagged[key]
            assert flagged[key] != flag["text"]
        for duty, owed in zip(plain["obligations"], shown["obligations"], strict=True):
            assert owed["text"] == duty["text"]
            assert owed[key]
        for step, stepped in zip(plain["steps"], shown["steps"], strict=True):
            for reason, given in zip(step["reasons"], stepped["reasons"], strict=True):
                assert given["text"] == reason["text"]
                assert given["code"] == reason["code"]
                assert given["cites"] == reason["cites"]
                assert given[key]
        # Take the translations away and the rest is the English output.
        assert _without(shown, key) == plain


def _without(value: object, key: str) -> object:
    if isinstance(value, dict):
        return {k: _without(v, key) for k, v in value.items() if k != key}
    if isinstance(value, list):
        return [_without(v, key) for v in value]
    return value


def _schema() -> dict:
    code, out, _ = cli("schema", "--output", "run")
    assert code == 0
    return json.loads(out)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_json_with_translations_is_valid_against_the_run_schema(lang):
    jsonschema.validate(_runs(lang), _schema())


def test_the_run_schema_refuses_a_text_in_a_language_powcase_does_not_speak():
    run = _runs("ko")[0]
    run["flags"][0]["text_fr"] = "Il pourrait être renvoyé."
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([run], _schema())


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_run_result_reads_back_from_json_with_translations(lang):
    for plain, shown in zip(_runs(), _runs(lang), strict=True):
        assert RunResult.from_dict(shown) == RunResult.from_dict(plain)


def test_an_entry_an_overlay_added_reads_in_english_marked():
    """A flag whose English an overlay changed has no translation: the human view shows the
    English followed by the mark, and JSON gives no text_<lang> for it.
    """
    law = Law.packaged()
    data = {
        "flags": [{"code": "medical_need", "text": "Reworded by an overlay."}],
        "obligations": [],
        "steps": [],
    }
    shown = in_language(data, _reworded(law), "ko")["flags"][0]
    assert shown["text"] == "Reworded by an overlay. (영어)"
    assert shown["text_en"] == "Reworded by an overlay."
    assert "text_ko" not in with_translations(data, _reworded(law), "ko")["flags"][0]


def _reworded(law: Law) -> Law:
    """The packaged law with the medical_need flag reworded, as an overlay may."""
    flag = law.flags["medical_need"]
    flags = {**law.flags, "medical_need": attrs.evolve(flag, text="Reworded by an overlay.")}
    return attrs.evolve(law, flags=flags)


_HELP_WORDS = frozenset(
    {"powcase", "pytest", "json", "svg", "mermaid", "true", "false", "and", "not", "none"}
    | {"kursk", "strict", "text", "markdown", "dask", "pip", "install"}
    # Technical terms the translations keep, or give in parentheses after their own word.
    | {"traceback", "testcase", "overlay"}
)
"""The English words the help may show in another language: the command line's own words."""


def _help(*args: str) -> str:
    out = io.StringIO()
    with pytest.raises(SystemExit), contextlib.redirect_stdout(out):
        main(list(args))
    return out.getvalue()


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("command", ["run", "report", "explain", "test", "explore"])
def test_the_help_of_a_command_is_in_the_language_asked(lang, command):
    """Every help string, the usage and argparse's own headings: no English sentence left
    but option names, metavariables, choices and examples of the command line.
    """
    shown = _help(command, "--help", "--lang", lang)
    _ = i18n.gettext_for(lang)
    assert shown.startswith(_("usage: "))
    assert _("show this help message and exit") in shown
    body = shown.split("\n\n", 1)[1].rsplit("\n\n", 1)[0]  # between the usage and the epilog
    words = re.findall(r"(?<![-\w.'/*\[{])[a-z]{3,}(?![-\w.'/*\]}])", _IDENTIFIER.sub(" ", body))
    english = [w for w in words if w not in _HELP_WORDS]
    assert english == []


def test_the_english_help_is_english():
    shown = _help("run", "--help")
    assert "run scenario files and print the result" in shown
    assert shown.startswith("usage: ")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_loader_errors_are_told_in_the_language_asked(lang, tmp_path):
    """Each problem keeps its file, line, column, key path and values; what is wrong, what is
    expected and the did-you-mean are in the language asked.
    """
    bad = tmp_path / "bad.powcase.yaml"
    bad.write_text(
        "scenario: x\nsubject: {id: a}\ndetaining_power: UAA\n"
        "events:\n  - {date: 2025-01-01, event: captur}\n",
        encoding="utf-8",
    )
    code, _, english = cli("validate", str(bad))
    assert code == 2
    code, _, told = cli("validate", str(bad), "--lang", lang)
    assert code == 2
    english_lines, told_lines = english.splitlines(), told.splitlines()
    assert len(told_lines) == len(english_lines)
    for plain, said in zip(english_lines[1:], told_lines[1:], strict=True):
        where = plain.split(": ", 2)
        assert said.startswith(f"{where[0]}: {where[1]}: ")  # file:line:col and key path kept
    for value in ("'UAA'", "'captur'", "'capture'", "'UA'"):
        assert value in told
    left = [
        w
        for w in re.findall(r"[a-z]{3,}", _IDENTIFIER.sub(" ", told.replace(str(bad), " ")))
        if w
        not in {
            "powcase",
            "validate",
            "describe",
            "title",
            "description",
            "mode",
            "subject",
            "sources",
            "events",
            "claims",
            "assumptions",
            "expect",
            "variants",
            "law",
            "captur",
            "capture",
            "scenario",
            "nationality",
            "yaml",
            "event",
            "bad",
            "tmp",
            "pytest",
        }
    ]
    assert left == [], told
    assert cli("validate", str(bad), "--lang", "en")[2] == english


COMMANDS = [
    (["options", RI], "Allowed"),
    (
        ["compare", RI, "--vary", "ihl_non_refoulement"],
        "No column differs: these readings change nothing here.",
    ),
    (["describe", "--format", "text"], "Machine events"),
    (["provisions", "GCIII-118"], None),
    (["parties", "KP", "--as-of", "2025-01-09"], "bound by:"),
    (["explain", RI, "--step", "1"], "Step {index}, {date}: {event}"),
    (["coverage", str(ROOT / "examples" / "ri.powcase.yaml")], "Reason codes"),
    (
        ["explore", str(ROOT / "examples" / "ri.properties.yaml"), "--depth", "1"],
        "Readings grouped by their answers:",
    ),
]


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize(
    ("command", "heading"), COMMANDS, ids=lambda c: c[0] if isinstance(c, list) else None
)
def test_every_command_for_people_writes_in_the_language_asked(command, heading, lang):
    """Its headings in the language asked, the notice that the translation is unofficial once,
    and the same output in English with --lang en as with no --lang.
    """
    _ = i18n.gettext_for(lang)
    code, out, _err = cli(*command, "--lang", lang)
    assert code == 0
    assert out.count(i18n.unofficial(lang).text) == 1
    if heading is not None:
        english = heading.split("{", 1)[0]
        assert _(heading).split("{", 1)[0] in out
        assert english not in out
    assert cli(*command) == cli(*command, "--lang", "en")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_test_and_validate_say_their_summary_in_the_language_asked(lang):
    _ = i18n.gettext_for(lang)
    code, out, _err = cli("test", RI, "--lang", lang)
    assert code == 0
    summary = _("{passed} passed, {failed} failed ({runs} runs of {files} files{chosen})")
    assert out.startswith(summary.split("{", 1)[0])
    assert "passed" not in out
    code, out, _err = cli("validate", RI, "--lang", lang)
    assert code == 0
    assert out.startswith(_("ok: {scenarios} scenarios in {files} files{properties}")[:3])
    assert not out.startswith("ok:")
