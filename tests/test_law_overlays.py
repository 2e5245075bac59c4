"""Law overlays as users apply them: in a scenario file, with --law, and from Python."""

import json
import pathlib
import shutil

import pytest

from powcase import Case, Law, Record, ScenarioError, load_scenarios, run
from powcase.cli import main

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "law-overlay"
SCENARIOS = EXAMPLE / "belarus.powcase.yaml"
OVERLAY = EXAMPLE / "overlay.yaml"


def cli(*args):
    import io

    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _without_law(tmp_path):
    """The example's scenarios with no law: line (the packaged law only)."""
    text = SCENARIOS.read_text().replace("law: [overlay.yaml]\n", "")
    plain = tmp_path / "no_overlay.powcase.yaml"
    plain.write_text(text)
    return plain


def test_the_example_runs_and_its_expectations_hold():
    results = [r for s in load_scenarios(SCENARIOS) for r in run(s)]
    assert results
    assert all(r.ok for r in results), [str(f) for r in results for f in r.failures]


def test_its_flag_depends_on_the_overlay_and_its_verdict_does_not(tmp_path):
    plain = _without_law(tmp_path)
    transfer, prosecuted = (run(s)[0] for s in load_scenarios(plain))
    # The packaged table knows Belarus's treaties (GCIII-12(2) is met either way), not what
    # its Criminal Code does to a returned citizen.
    assert transfer.asked[0].verdict.outcome == "allowed"
    assert "prosecution_on_return" not in prosecuted.active
    with_overlay = [run(s)[0] for s in load_scenarios(SCENARIOS)]
    assert with_overlay[0].asked[0].verdict.outcome == "allowed"
    assert "prosecution_on_return" in with_overlay[1].active


def test_generated_by_names_the_overlay_and_what_it_added():
    result = run(load_scenarios(SCENARIOS)[0])[0]
    (overlay,) = result.to_dict()["generated_by"]["overlays"]
    assert overlay["path"].endswith("overlay.yaml")
    assert set(overlay["added"]) == {"instruments.BY-CC", "provisions.BY-CC-361-3"}
    assert overlay["replaced"] == ["parties.BY"]


def test_the_command_line_overlay_gives_the_same_run(tmp_path):
    plain = _without_law(tmp_path)
    code, out, _ = cli("run", str(plain), "--law", str(OVERLAY), "--format", "json")
    assert code == 0
    runs = json.loads(out)
    assert runs[0]["verdicts"][0]["outcome"] == "allowed"
    assert runs[0]["generated_by"]["overlays"][0]["path"] == str(OVERLAY)


def test_commands_that_read_the_law_take_overlays():
    code, out, _ = cli("provisions", "361-3", "--law", str(OVERLAY))
    assert code == 0
    assert "BY-CC-361-3" in out
    code, out, _ = cli("parties", "BY", "--law", str(OVERLAY), "--as-of", "2025-01-01")
    assert code == 0
    assert "capture -> prosecution" in out
    code, out, _ = cli("parties", "BY", "--as-of", "2025-01-01")
    assert code == 0
    assert "Republic of Belarus" in out
    assert "capture -> prosecution" not in out


def test_the_law_schema_validates_the_example_overlay():
    jsonschema = pytest.importorskip("jsonschema")
    from powcase._util.located import read_document

    code, out, _ = cli("schema", "--law")
    assert code == 0
    # The overlay as JSON: its dates written as ISO text.
    data = json.loads(json.dumps(read_document(OVERLAY).data, default=lambda d: d.isoformat()))
    jsonschema.validate(data, json.loads(out))


def test_an_error_in_an_overlay_is_located_in_the_overlay(tmp_path):
    shutil.copy(SCENARIOS, tmp_path / "belarus.powcase.yaml")
    broken = OVERLAY.read_text().replace("deposited: 1989-10-23", "deposited: 1989-02-30")
    (tmp_path / "overlay.yaml").write_text(broken)
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if "1989-02-30" in text)
    with pytest.raises(ScenarioError) as raised:
        load_scenarios(tmp_path / "belarus.powcase.yaml")
    message = str(raised.value)
    assert f"overlay.yaml:{line}:" in message
    assert "parties.BY.participations[2].deposited" in message
    code, _, err = cli("validate", str(tmp_path / "belarus.powcase.yaml"))
    assert code == 2
    assert f"overlay.yaml:{line}:" in err


def test_a_missing_overlay_file_is_an_invalid_input(tmp_path):
    scenario = tmp_path / "s.powcase.yaml"
    scenario.write_text(SCENARIOS.read_text().replace("[overlay.yaml]", "[absent.yaml]"))
    code, _, err = cli("validate", str(scenario))
    assert code == 2
    assert "absent.yaml" in err


def test_a_case_takes_overlays_from_python():
    record = Record.from_dict(
        {
            "subject": {"id": "ales", "nationality": ["BY"], "forces": "RU"},
            "detaining_power": "UA",
            "events": [{"date": "2025-04-01", "event": "capture"}],
        }
    )
    assert "prosecution_on_return" not in {f.code for f in Case(record).active_flags()}
    overlaid = Case(record, law=[OVERLAY])
    assert "prosecution_on_return" in {f.code for f in overlaid.active_flags()}
    assert overlaid.law == Law.packaged().overlaid(OVERLAY)


def test_an_overlay_that_rewords_a_flag_or_an_obligation_is_what_the_output_says(tmp_path):
    """A flag and an obligation read their text from the law they were derived under, not
    from the packaged law: an overlay's wording reaches the run output.
    """
    overlay = tmp_path / "wording.yaml"
    overlay.write_text(
        "flags:\n"
        "  medical_need:\n"
        "    severity: medium\n"
        "    cites: [GCIII-15, GCIII-30]\n"
        "    text: Reworded by the overlay.\n"
    )
    law = Law.packaged().overlaid(overlay)
    (tmp_path / "card.yaml").write_text(
        "obligations:\n"
        "  capture_card:\n"
        "    provision: GCIII-70\n"
        "    protected_person: GCIV-106\n"
        "    period: 7 days\n"
        "    met_by: capture_card_sent\n"
        "    without_delay: true\n"
        "    text: Card, reworded.\n"
    )
    law = law.overlaid(tmp_path / "card.yaml")
    record = Record.from_dict(
        {
            "subject": {"id": "x", "nationality": ["KP"], "forces": "KP"},
            "detaining_power": "UA",
            "events": [{"date": "2025-01-09", "event": "capture", "wounded": True}],
        }
    )
    case = Case.replay(record, law=law)
    (flag,) = [f for f in case.flags if f.code == "medical_need"]
    assert flag.text == "Reworded by the overlay."
    (card,) = [o for o in case.docket() if o.code == "capture_card"]
    assert card.text == "Card, reworded."
    assert card.to_dict()["text"] == "Card, reworded."
