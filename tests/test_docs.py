"""The documentation: every code block runs, the reference lists the whole model."""

import io
import pathlib
import re
import shlex

import pytest

import powcase
from powcase.cli import main
from powcase.render.reference import model_reference
from powcase.scenario import load_scenarios, run

ROOT = pathlib.Path(__file__).parent.parent
PAGES = sorted((ROOT / "docs").rglob("*.md"))
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def _blocks(page, language):
    text = page.read_text(encoding="utf-8")
    return [body for lang, body in BLOCK.findall(text) if lang == language]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A reader's folder: the examples at hand, and any file a page asks to save."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_scenario_block_is_a_passing_scenario(page, workdir):
    for number, body in enumerate(_blocks(page, "yaml")):
        path = workdir / f"block{number}.powcase.yaml"
        path.write_text(body, encoding="utf-8")
        for scenario in load_scenarios(path):
            assert all(result.ok for result in run(scenario)), (page, number)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_powcase_command_in_the_docs_runs(page, workdir):
    saved = re.findall(r"Save this as `([\w.]+)`", page.read_text(encoding="utf-8"))
    for name, body in zip(saved, _blocks(page, "yaml"), strict=False):
        (workdir / name).write_text(body, encoding="utf-8")
    for body in _blocks(page, "sh"):
        for line in body.splitlines():
            if not line.startswith("powcase "):
                continue
            command = shlex.split(line.split(" #")[0])[1:]
            if "schema" in command:
                command = [part for part in command if part != ">"][:2]
            out, err = io.StringIO(), io.StringIO()
            assert main(command, out=out, err=err) == 0, (line, err.getvalue())


def test_the_reference_lists_every_state_event_flag_obligation_assumption_and_provision():
    page = model_reference()
    model = powcase.describe()
    names = [s["id"] for s in model["states"]] + [e["id"] for e in model["events"]]
    names += [f["code"] for f in model["flags"]] + [o["code"] for o in model["obligations"]]
    names += [a["key"] for a in model["assumptions"]] + [p["id"] for p in model["provisions"]]
    missing = [n for n in names if f"`{n}`" not in page]
    assert missing == []


def test_the_readme_counts_the_model_as_describe_does():
    """README, "What is in the model": its numbers of events and its parties are the model's."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    model = powcase.describe()
    kinds = [e["kind"] for e in model["events"]]
    said = re.search(r"(\d+) machine events that move the path and (\d+) incidents", readme)
    assert said is not None
    assert (int(said[1]), int(said[2])) == (kinds.count("machine"), kinds.count("incident"))
    listed = re.search(r"which treaties bind ([A-Z, and\n]+?) and since when", readme)
    assert listed is not None
    codes = re.findall(r"[A-Z]{2}", listed[1])
    assert sorted(codes) == sorted(p["code"] for p in model["parties"])


def test_the_scenario_format_page_gives_the_values_of_every_expectation():
    """docs/reference/scenario-format.md, "Expectations": the flag codes, reason codes,
    obligation codes and statuses, the states of each region and the open facts are listed;
    a required or defaulted true-or-false field is never said to be left out when unknown."""
    from powcase.law.book import Law
    from powcase.model.verdict import MISSING_FACTS

    page = (ROOT / "docs" / "reference" / "scenario-format.md").read_text(encoding="utf-8")
    section = page.split("## Expectations", 1)[1].split("## The readers", 1)[0]
    model = powcase.describe()
    law = Law.packaged()
    names = [f["code"] for f in model["flags"]] + [o["code"] for o in model["obligations"]]
    names += [s["id"] for s in model["states"] if s["kind"] != "compound"]
    names += list(law.messages) + list(MISSING_FACTS) + ["met", "pending", "overdue", "lapsed"]
    assert [n for n in names if f"`{n}`" not in section] == []
    assert "(model.md)" in section
    rows = [r for r in page.splitlines() if r.startswith(("| `granted` |", "| `fair_trial` |"))]
    assert len(rows) == 2
    assert not any("leave it out when unknown" in r for r in rows)
