"""What people read: every human view tells a step's outcome the same way, says what a verdict
rests on and what would change it, and shows no Python syntax.
"""

import html
import io
import pathlib
import re

import pytest
from hypothesis import given, settings

from powcase.cli import main
from powcase.render.explain import render_explain
from powcase.render.text import render_text
from powcase.scenario.load import load_scenarios
from powcase.scenario.rests_on import annotated
from powcase.scenario.running import run, run_one
from powcase.testing import scenarios

HERE = pathlib.Path(__file__).parent
ROOT = HERE.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.powcase.yaml"))
RI = str(ROOT / "examples" / "ri.powcase.yaml")
WAR_CRIME = str(ROOT / "examples" / "war_crime_allegation.powcase.yaml")


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# --- explain and run never disagree


def _timeline_outcomes(text, data):
    """The outcome label and the breach cites of each step, read off run's text output."""
    body = text.split("\nTimeline\n", 1)[1].split("\n\n", 1)[0].splitlines()
    found, current = [], None
    for line in body:
        if re.match(r"  \d{4}-\d{2}(-\d{2})? ", line):
            step = data["steps"][len(found)]
            status = re.match(r"  \S+  . (.*)", line).group(1)
            label = status[: status.rindex(" " + step["event"])].strip()
            current = {"label": label, "breaches": []}
            found.append(current)
        elif line.startswith("      ! "):
            cited = re.search(r"\[([^\]]+)\]$", line)
            current["breaches"].append(cited.group(1) if cited else "")
    return found


def _explained(text):
    lines = text.splitlines()
    label = lines[1].strip()
    breaches = []
    for i, line in enumerate(lines):
        if re.match(r"  ! (possible )?violation by ", line):
            cites = []
            for following in lines[i + 1 :]:
                match = re.match(r"    (\S+?): ", following)
                if not match:
                    if following.startswith("      "):
                        continue
                    break
                cites.append(match.group(1))
            breaches.append(", ".join(cites))
    return {"label": label, "breaches": breaches}


def _check_agree(result):
    data = annotated(result.to_dict(), result)
    text = render_text(data)
    outcomes = _timeline_outcomes(text, data)
    assert len(outcomes) == len(data["steps"])
    law = result.case.law
    for index, from_run in enumerate(outcomes):
        from_explain = _explained(render_explain(data, index, law))
        assert from_explain == from_run, index


@settings(deadline=None)
@given(scenarios())
def test_explain_and_run_agree_on_every_step(scenario):
    """For every step of generated records, explain's outcome and breaches are run's."""
    for result in run(scenario):
        _check_agree(result)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_explain_and_run_agree_on_the_examples(path):
    for scenario in load_scenarios(path):
        for result in run(scenario):
            _check_agree(result)


def test_an_incident_that_is_a_breach_says_so_in_explain_and_run():
    """ri's media exposure (step 1): GCIII-13 in run, so in explain too, never 'allowed'."""
    _, explained, _ = cli("explain", RI, "--step", "1")
    assert "allowed" not in explained.splitlines()[1]
    assert explained.splitlines()[1].strip() == "recorded, a violation"
    assert "! violation by UA: UA, the detaining power, published images" in explained
    assert "GCIII-13: " in explained
    _, text, _ = cli("run", RI)
    line = next(x for x in text.splitlines() if "media_exposure (" in x)
    assert "recorded, a violation" in line
    _, markdown, _ = cli("run", RI, "--format", "markdown")
    row = next(x for x in markdown.splitlines() if "| media_exposure |" in x)
    assert "recorded, a violation" in row
    assert "GCIII-13" in row


def test_an_incident_is_recorded_not_allowed():
    _, explained, _ = cli("explain", RI, "--step", "2")
    assert explained.splitlines()[1].strip() == "recorded"
    _, text, _ = cli("run", RI)
    line = next(x for x in text.splitlines() if "exchange_offered (" in x)
    assert "recorded" in line
    assert "fact" not in line


def test_the_report_says_recorded_and_violation(tmp_path):
    page = _report(RI, tmp_path)
    assert "recorded, a violation" in page
    assert "violation by UA:" in page
    assert ">fact<" not in page


def _report(path, tmp_path):
    target = tmp_path / "report.html"
    code, _, err = cli("report", path, "-o", str(target))
    assert code == 0, err
    return target.read_text(encoding="utf-8")


# --- what a verdict rests on, and what would change it


def test_explain_says_what_the_verdict_rests_on_and_what_would_change_it():
    """war_crime_allegation step 3, asylum asked during captivity: allowed under
    asylum_while_pow claim_allowed; the other option refuses it (judged again, not guessed).
    """
    _, explained, _ = cli("explain", WAR_CRIME, "--step", "3")
    assert "Rests on: asylum_while_pow claim_allowed" in explained
    assert "Under asylum_while_pow barred_until_release it would be: refused" in explained


def test_run_text_markdown_and_report_show_what_verdicts_rest_on(tmp_path):
    _, text, _ = cli("run", WAR_CRIME)
    assert "~ rests on: asylum_while_pow claim_allowed" in text
    assert "under asylum_while_pow barred_until_release it would be: refused" in text
    _, markdown, _ = cli("run", WAR_CRIME, "--format", "markdown")
    assert "### What the verdicts rest on" in markdown
    assert "step 3 (request_protection): rests on: asylum_while_pow claim_allowed" in markdown
    page = html.unescape(_report(WAR_CRIME, tmp_path))
    assert "rests on: asylum_while_pow claim_allowed" in page
    assert "under asylum_while_pow barred_until_release it would be: refused" in page


def test_a_reading_that_changes_nothing_is_said_to_change_nothing():
    _, explained, _ = cli("explain", RI, "--step", "1")
    assert "Rests on: media_exception false" in explained
    assert "No other option of these changes the outcome" in explained


def test_the_changes_are_what_a_replay_under_the_other_option_gives():
    """Each "would be" is the step's outcome when the record is run under that option."""
    scenario = load_scenarios(WAR_CRIME)[0]
    result = run_one(scenario)
    data = annotated(result.to_dict(), result)
    change = data["steps"][3]["rests_on"]["would_change"][0]
    other = scenario.assumptions.changed(**{change["assumption"]: change["option"]})
    from powcase.case import Case

    case = Case.replay(scenario.record, other, scenario.mode, law=scenario.law)
    assert str(case.steps[3].outcome) == change["outcome"].split(" ")[0]


def test_an_undetermined_verdict_says_which_fact_would_settle_it(tmp_path):
    """ri's release to KR is open on his wish: every view names the fact and how to give it."""
    settle = "To settle it: record a wish_verified"
    _, text, _ = cli("run", RI)
    assert "? open: his wish about KR, verified by one whose check counts. " + settle in text
    _, markdown, _ = cli("run", RI, "--format", "markdown")
    assert settle in markdown
    assert settle in html.unescape(_report(RI, tmp_path))


# --- no Python syntax in human text

LEAKS = re.compile(r"\{'|datetime\.|\bTrue\b|\bFalse\b|\bNone\b|\(\)|\[\]")


def _visible_text(page):
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    # The path diagram is drawn by the diagram module and checked with it.
    page = re.sub(r"<figure class='diagram'>.*?</figure>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_no_python_syntax_in_any_human_output(path, tmp_path):
    outputs = {}
    for fmt in ("text", "markdown"):
        outputs[f"run {fmt}"] = cli("run", str(path), "--format", fmt)[1]
        outputs[f"options {fmt}"] = cli("options", str(path), "--format", fmt, "--all")[1]
    outputs["report"] = _visible_text(_report(str(path), tmp_path))
    for scenario in load_scenarios(path)[:1]:
        for index in range(len(scenario.record.events)):
            outputs[f"explain {index}"] = cli("explain", str(path), "--step", str(index))[1]
    for name, text in outputs.items():
        assert text, name
        leak = LEAKS.search(text)
        assert leak is None, f"{name}: {text[max(0, leak.start() - 80) : leak.end() + 40]}"


# --- options that help

ROUTINE = str(ROOT / "examples" / "routine_exchange.powcase.yaml")


def test_options_are_grouped_by_outcome_and_the_senseless_ones_hidden():
    code, out, _ = cli("options", RI)
    assert code == 0
    first = out.split("Ri, without")[0]
    groups = [
        line for line in first.splitlines() if re.match(r"(Allowed|Undetermined|Refused) \(", line)
    ]
    assert [g.split(" ")[0] for g in groups] == ["Allowed", "Undetermined", "Refused"]
    allowed = first.split("Allowed (")[1].split("\n\n")[0]
    assert "escape" in allowed
    assert "refused" not in allowed
    rows = first.splitlines()
    assert not any(r.startswith("die ") for r in rows)
    assert not any(re.match(r"release_to_third_state\s+to KP\b", r) for r in rows)
    assert not any(re.match(r"repatriate\s+to US\b", r) for r in rows)
    hidden = re.search(
        r"(\d+) hidden as making no sense for him \((.*)\); --all shows them", first
    )
    assert hidden is not None
    assert "1 no one's decision" in hidden.group(2)


def test_options_all_shows_what_was_hidden():
    _, out, _ = cli("options", RI, "--all")
    rows = out.split("Ri, without")[0].splitlines()
    assert any(r.startswith("die ") for r in rows)
    assert any(re.match(r"release_to_third_state\s+to KP\b", r) for r in rows)
    assert "hidden as making no sense" not in out


def test_options_json_keeps_every_option_and_says_which_are_hidden():
    import json

    _, out, _ = cli("options", RI, "--format", "json")
    options = json.loads(out)[0]["options"]
    die = next(o for o in options if o["event"] == "die")
    assert die["hidden"] == "no one's decision"
    kp = next(
        o for o in options if o["event"] == "release_to_third_state" and o["fields"]["to"] == "KP"
    )
    assert kp["hidden"] == "a move to a third state that is his own"
    kr = next(
        o for o in options if o["event"] == "release_to_third_state" and o["fields"]["to"] == "KR"
    )
    assert kr["hidden"] is None


def test_options_filtered_by_event():
    _, out, _ = cli("options", RI, "--event", "repatriate", "--event", "die")
    first = out.split("Ri, without")[0]
    events = {
        r.split(" ")[0]
        for r in first.splitlines()
        if re.match(r"(repatriate|die|exchange|charge)\b", r)
    }
    assert events == {"repatriate", "die"}


def test_options_with_an_unknown_event_suggests_the_name():
    code, _, err = cli("options", RI, "--event", "repatriat")
    assert code == 2
    assert "did you mean 'repatriate'?" in err
    assert "Traceback" not in err


def test_options_in_a_final_state_say_so_in_one_line():
    _, out, _ = cli("options", ROUTINE, "--format", "markdown")
    assert "He is in a final state: nothing more can happen on the legal path." in out
    assert "| event |" not in out.split("final state")[0].rsplit("##", 1)[-1]
