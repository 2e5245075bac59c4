"""An exact round trip of run results: what "exact" means, with and without names.

``RunResult.from_dict(r.to_dict(reveal_names=True)) == r``, and
``RunResult.from_dict(r.to_dict()) == r.redacted()``: the JSON a user sees without
``--reveal-names`` is the whole of the redacted result, no more and no less.
"""

import io
import json

import attrs
from hypothesis import given
from hypothesis import strategies as st

from powcase.cli import main
from powcase.scenario.result import RunResult
from powcase.scenario.running import run
from powcase.testing.strategies import scenarios

NAME = "Ri Jin-hyok"


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@st.composite
def named_scenarios(draw):
    """Scenarios whose subject has a name, which the title sometimes repeats."""
    scenario = draw(scenarios(max_events=5))
    subject = attrs.evolve(scenario.record.subject, name=NAME)
    title = scenario.title + (f" ({NAME})" if draw(st.booleans()) else "")
    return attrs.evolve(
        scenario, record=attrs.evolve(scenario.record, subject=subject), title=title
    )


def _through_json(plain):
    return json.loads(json.dumps(plain))


@given(st.one_of(named_scenarios(), scenarios(max_events=5)))
def test_a_result_round_trips_exactly_to_its_redacted_form(scenario):
    for result in run(scenario):
        shown = result.to_dict()
        redacted = result.redacted()
        assert RunResult.from_dict(_through_json(shown)) == redacted
        assert RunResult.from_dict(_through_json(result.to_dict(reveal_names=True))) == result
        # The redacted form is what the user saw: its whole JSON is the JSON shown.
        assert redacted.to_dict(reveal_names=True) == shown
        assert redacted.redacted() == redacted
        assert redacted.subject_name is None
        assert "Jin-hyok" not in json.dumps(redacted.to_dict(reveal_names=True))
        if result.subject_name is None:
            assert redacted == result


def test_the_redacted_form_differs_from_a_named_result_and_a_user_sees_no_name(tmp_path):
    path = tmp_path / "named.powcase.yaml"
    path.write_text(
        "powcase: 1\ntitle: Ri Jin-hyok, captured\n"
        "subject: {id: ri, name: Ri Jin-hyok, nationality: [KP], forces: KP}\n"
        "detaining_power: UA\nevents:\n  - {date: 2025-01-09, event: capture}\n"
    )
    code, out, _ = cli("run", str(path), "--format", "json")
    assert code == 0
    (plain,) = json.loads(out)
    assert "Jin-hyok" not in out
    result = RunResult.from_dict(plain)
    assert result.subject_name is None
    assert result.scenario == "[name withheld], captured"
