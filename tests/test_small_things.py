"""Small things users hit (issue 15, item 10), each shown in the view a user reads."""

import datetime
import io
import re

import attrs
import pytest

from powcase.cli import main
from powcase.law.concerns import CONCERNS
from powcase.render.report import render_report
from powcase.render.text import render_text
from powcase.scenario import load_scenarios, run
from powcase.scenario.contradictions import contradictions


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _scenario(tmp_path, text, name="case.powcase.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


LATE = """\
powcase: 1
title: A card sent late
description: >
  A prisoner whose capture card went out
  two weeks late.
subject: {id: late, nationality: [RU], forces: RU}
detaining_power: UA
events:
  - {date: 2025-03-01, event: capture}
  - {date: 2025-03-20, event: capture_card_sent}
"""


def _found_ids(out):
    return re.findall(r"^(\S+) ", out, re.M)


def test_provisions_search_finds_refoulement_through_paraphrases_and_tags():
    code, out, _ = cli("provisions", "refoulement")
    assert code == 0
    found = _found_ids(out)
    assert {"CAT-3", "RC-33"} <= set(found)
    assert "tags: flag refoulement_risk" in out
    # Words still narrow the search: all must appear.
    narrowed = _found_ids(cli("provisions", "refoulement torture")[1])
    assert "CAT-3" in narrowed
    assert "RC-33" not in narrowed
    # An instrument's title is searched too.
    assert "RC-33" in _found_ids(cli("provisions", "status of refugees")[1])


def test_parties_takes_a_state_code_in_lower_case():
    lower = cli("parties", "kp", "--as-of", "2025-01-09")
    upper = cli("parties", "KP", "--as-of", "2025-01-09")
    assert lower[0] == 0
    assert lower == upper
    assert cli("parties", "xx")[0] == 2


def test_the_text_output_shows_every_source_that_raised_a_flag():
    (scenario,) = load_scenarios("examples/ri.powcase.yaml")[:1]
    # As of 2026-03-01: a flag names only the concerns published by its as-of date.
    later = attrs.evolve(scenario, as_of=datetime.date(2026, 3, 1), variants=())
    data = run(later)[0].to_dict()
    flag = max(data["flags"], key=lambda f: len(f["concerns"]))
    raised = [CONCERNS[c] for c in flag["concerns"] if c in CONCERNS]
    assert len(raised) > 3  # the case the text used to cut at three
    text = render_text(data)
    line = next(
        ln for ln in text.splitlines() if "raised by" in ln and raised[3].organisation in ln
    )
    for concern in raised:
        assert f"{concern.organisation}, {concern.date.isoformat()}" in line


def test_the_markdown_and_text_dockets_keep_late(tmp_path):
    path = _scenario(tmp_path, LATE)
    markdown = cli("run", path, "--format", "markdown")[1]
    assert "| capture_card | GCIII-70 | 2025-03-08 (assumed: 7 days) | met (late) |" in markdown
    text = cli("run", path)[1]
    assert re.search(r"met\s+capture_card .*\(late\)", text)


def test_a_description_is_shown_in_run_text_markdown_and_the_report(tmp_path):
    path = _scenario(tmp_path, LATE)
    wanted = "A prisoner whose capture card went out two weeks late."
    text = cli("run", path)[1]
    assert text.splitlines()[1].strip() == wanted
    markdown = cli("run", path, "--format", "markdown")[1]
    assert f"## A card sent late\n\n{wanted}\n" in markdown
    report = tmp_path / "report.html"
    assert cli("report", path, "-o", report)[0] == 0
    assert f"<p class='description'>{wanted}</p>" in " ".join(report.read_text().split("\n"))
    assert "description" in cli("run", path, "--format", "json")[1]


def test_a_description_withholds_the_subjects_name(tmp_path):
    path = _scenario(
        tmp_path,
        LATE.replace("{id: late,", "{id: late, name: Kim Pak-son,").replace(
            "A prisoner whose", "Kim Pak-son, whose"
        ),
    )
    (result,) = run(load_scenarios(path)[0])
    page = render_report([result])
    assert "Pak-son" not in page
    assert "Pak-son" not in cli("run", path, "--format", "markdown")[1]
    assert "Pak-son" in cli("run", path, "--format", "markdown", "--reveal-names")[1]


CAPTURE = """\
powcase: 1
title: Captured
subject: {{id: c, nationality: [{home}], forces: {home}}}
detaining_power: {holder}
events:
  - {{date: 2025-01-09, event: capture{by}}}
"""


@pytest.mark.parametrize(
    ("home", "holder", "by", "said"),
    [
        ("KP", "UA", ", by: RU", "RU is allied with KP"),
        ("RU", "UA", ", by: RU", "RU is the state whose forces he served in"),
        ("RU", "RU", "", "the detaining power RU is the state whose forces he served in"),
    ],
)
def test_a_record_that_contradicts_itself_gets_one_located_warning(
    tmp_path, home, holder, by, said
):
    path = _scenario(tmp_path, CAPTURE.format(home=home, holder=holder, by=by))
    code, out, err = cli("validate", path)
    assert code == 0
    assert out.startswith("ok:")
    (line,) = err.splitlines()
    assert line.startswith(f"powcase validate: warning: {path}:")
    assert said in line
    assert re.search(r"\.yaml:\d+:\d+ (events\[0\]\.by|detaining_power): ", line)
    assert cli("run", path)[0] == 0


@pytest.mark.parametrize(
    ("home", "holder", "by"),
    [("KP", "UA", ""), ("KP", "UA", ", by: UA"), ("RU", "UA", ", by: PL")],
)
def test_no_warning_where_the_record_may_well_be_true(tmp_path, home, holder, by):
    path = _scenario(tmp_path, CAPTURE.format(home=home, holder=holder, by=by))
    assert cli("validate", path) == (0, "ok: 1 scenarios in 1 files\n", "")


def test_no_example_or_test_scenario_contradicts_itself():
    import pathlib

    root = pathlib.Path(__file__).parent.parent
    files = [*root.glob("examples/**/*.powcase.yaml"), *root.glob("tests/scenarios/*.yaml")]
    assert files
    for file in files:
        for scenario in load_scenarios(file):
            assert contradictions(scenario) == [], file
