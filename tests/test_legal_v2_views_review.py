"""What the views show, after a lawyer's review of the examples.

- ``options`` never hides a route the law leaves open: a return to his state's ally (the
  counterpart in a real exchange, GCIII-118), a move to or protection asked of a state of his
  nationality that is not a party to the conflict; it still hides what makes no sense.
- "rests on" names only the readings whose other options change the step's outcome or its
  reasons when the record is judged again under them.
- The starters are made-up cases with illustrative dates, none of a real record's.
- ``run --as-of`` on a date other than the scenario's does not check expectations written for
  the scenario's own date.
"""

from __future__ import annotations

import datetime
import io
import json
import pathlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powcase.case import Case
from powcase.cli import main
from powcase.law.book import Law
from powcase.model.events import EVENT_TYPES
from powcase.model.record import Record, Subject
from powcase.options import NOT_DECISIONS, hidden_because
from powcase.scenario.load import load_scenarios
from powcase.scenario.rests_on import rests_on
from powcase.scenario.running import run, run_one
from powcase.scenario.starter import STARTERS
from powcase.testing import assumptions, cases, dates, events, state_codes, subjects

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
RI = str(EXAMPLES / "ri.powcase.yaml")
RECRUIT = str(EXAMPLES / "foreign_recruit.powcase.yaml")
WAR_CRIME = str(EXAMPLES / "war_crime_allegation.powcase.yaml")
ROUTINE = str(EXAMPLES / "routine_exchange.powcase.yaml")
KOREA_1953 = str(EXAMPLES / "korean_war_1953.powcase.yaml")


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _options(path, *extra):
    code, out, err = cli("options", path, "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)[0]["options"]


def _option(options, event, **fields):
    found = [o for o in options if o["event"] == event and o["fields"] == fields]
    assert len(found) == 1, (event, fields, [o["fields"] for o in options if o["event"] == event])
    return found[0]


def _first_run(text):
    return text.split("Ri, without")[0]


# --- 1. options: hidden only what makes no sense


def test_options_show_a_north_korean_prisoners_exchange_and_return_to_russia():
    """GCIII-118: a return goes to his power of origin; RU is KP's ally in the conflict (and
    his power of origin if he is read as integrated in its forces), the real counterpart in
    exchanges. The routes are refused for KP's soldier, and shown with their reasons."""
    options = _options(RI)
    for event in ("exchange", "repatriate", "repatriate_medically"):
        option = _option(options, event, to="RU")
        assert option["hidden"] is None, event
        assert option["outcome"] == "refused"
    _, text, _ = cli("options", RI)
    refused = _first_run(text).split("Refused (")[1]
    assert re.search(r"^exchange\s+to RU\b", refused, re.M)
    assert re.search(r"^repatriate\s+to RU\b", refused, re.M)


def test_options_show_the_nepali_recruits_lawful_way_home():
    """examples/foreign_recruit: NP, his state of nationality, is no party to the conflict, so
    a release there (GCIII-118 does not send him to it; a release does) and protection asked
    of it are live routes, shown."""
    options = _options(RECRUIT)
    release = _option(options, "release_to_third_state", to="NP")
    assert release["hidden"] is None
    assert release["outcome"] in ("allowed", "undetermined")
    protection = _option(options, "request_protection", kind="third_state", state="NP")
    assert protection["hidden"] is None
    _, text, _ = cli("options", RECRUIT)
    assert re.search(r"^release_to_third_state\s+to NP\b", text, re.M)
    assert re.search(r"^request_protection\s+kind third_state, state NP\b", text, re.M)
    # RU, the party whose forces he served in, is his own side: no third state to release to.
    assert _option(options, "release_to_third_state", to="RU")["hidden"] is not None


def test_options_show_a_release_or_transfer_to_his_second_nationality(tmp_path):
    """A national of both KP and KR: KR is a state of his nationality and no party to the
    conflict with UA, so a release (GCIII-118 aside) or transfer (GCIII-12(2)) to it is shown;
    KP, the adverse party he fought for, is still no third state."""
    text = pathlib.Path(RI).read_text(encoding="utf-8")
    dual = tmp_path / "dual.powcase.yaml"
    dual.write_text(text.replace("nationality: [KP]", "nationality: [KP, KR]"), "utf-8")
    options = _options(str(dual))
    assert _option(options, "release_to_third_state", to="KR")["hidden"] is None
    assert _option(options, "transfer_to_power", to="KR")["hidden"] is None
    assert _option(options, "repatriate", to="KR")["hidden"] is None
    assert _option(options, "release_to_third_state", to="KP")["hidden"] is not None


def test_options_still_hide_what_makes_no_sense():
    """``die`` is no one's decision; a return to a state that is neither his nor his state's
    ally (the US for KP's soldier) is no return; a release "to a third state" that is the
    detaining power itself is none."""
    options = _options(RI)
    assert _option(options, "die")["hidden"] == "no one's decision"
    assert _option(options, "repatriate", to="US")["hidden"] is not None
    assert _option(options, "release_to_third_state", to="KP")["hidden"] is not None
    record = Record(
        subject=Subject(id="s", nationality=("KP",), forces="KP"), detaining_power="UA"
    )
    on = datetime.date(2025, 3, 1)
    release = EVENT_TYPES["release_to_third_state"](date=on, to="UA")
    assert hidden_because(release, record, Law.packaged()) is not None


_CONTEXT = (
    "risk_on_return",
    "wish_expressed",
    "wish_verified",
    "receiving_state_consents",
    "hostilities_ended",
    "determine_status",
    "medical_assessment",
    "agreement_concluded",
    "exchange_agreed",
)
"""Events that make moves lawful or not, drawn after a capture."""


@st.composite
def _held(draw):
    """A case in custody: a capture, then some of the events moves turn on, under any reading."""
    captured = draw(dates(datetime.date(1950, 7, 1), datetime.date(2030, 6, 30)))
    after = dates(captured, datetime.date(2030, 12, 31))
    later = draw(st.lists(events(_CONTEXT, date=after), max_size=4))
    record = Record(
        subject=draw(subjects()),
        detaining_power=draw(state_codes()),
        events=[EVENT_TYPES["capture"](date=captured), *sorted(later, key=lambda e: e.date)],
    )
    return Case.replay(
        record, draw(assumptions()), draw(st.sampled_from(["normative", "descriptive"]))
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.one_of(_held(), cases(max_events=5)))
def test_an_option_the_law_leaves_open_is_never_hidden(case):
    """Property: an option whose verdict is allowed or undetermined is shown (save events no
    one decides, such as ``die``)."""
    if case.last_date is None:
        return
    for option in case.options():
        live = str(option.verdict.outcome) in ("allowed", "undetermined")
        if live and option.event.name not in NOT_DECISIONS:
            assert option.hidden is None, option
            assert hidden_because(option.event, case.record, case.law) is None


# --- 2. rests on: only the readings whose other options change something


def _relied(path, *, scenario=0):
    result = run_one(load_scenarios(path)[scenario])
    found = rests_on(result)
    assert found is not None
    return result, found


def test_an_asylum_refusal_for_a_russian_does_not_rest_on_koreas_nationality_reading():
    """war_crime_allegation step 4: RC-1F excludes him whatever rok_nationality says (the
    reading concerns North Koreans and KR); it is not what the refusal rests on."""
    _, found = _relied(WAR_CRIME)
    assert "rok_nationality" not in dict(found["steps"][4].assumptions)
    _, text, _ = cli("run", WAR_CRIME)
    assert "rests on: rok_nationality" not in text
    # The reading that does decide step 3 is still named, with what it changes.
    assert "~ rests on: asylum_while_pow claim_allowed" in text


def test_a_move_with_no_risk_on_record_does_not_rest_on_ihl_non_refoulement():
    """routine_exchange step 4, ri's transfer to KR, the 1953 hand-over to neutral custody:
    with no risk on record, no reading of non-refoulement under IHL (GCIII-118) changes them."""
    _, found = _relied(ROUTINE)
    assert dict(found["steps"][4].assumptions) == {}
    _, text, _ = cli("run", ROUTINE)
    assert "rests on" not in text
    result, found = _relied(RI)
    transfer = next(
        i for i, a in enumerate(result.asked) if dict(a.event)["event"] == "transfer_to_power"
    )
    assert "ihl_non_refoulement" not in dict(found["verdicts"][transfer].assumptions)
    result, found = _relied(KOREA_1953)
    hand_over = next(
        s.index for s in result.steps if s.event.name == "hand_over_to_neutral_custody"
    )
    assert "ihl_non_refoulement" not in dict(found["steps"][hand_over].assumptions)
    _, text, _ = cli("run", KOREA_1953)
    assert "hand_over_to_neutral_custody" in text
    line = text.split("hand_over_to_neutral_custody", 1)[1].split("\n  19", 1)[0]
    assert "rests on: ihl_non_refoulement" not in line


@pytest.mark.parametrize("path", [WAR_CRIME, RI, KOREA_1953], ids=lambda p: p.split("/")[-1])
def test_each_reading_named_changes_the_outcome_or_the_reasons(path):
    """What a step is said to rest on is computed: under some other option of each assumption
    named, the step judged again has another outcome or other reasons."""
    from powcase.case import Case
    from powcase.model.assumptions import Assumptions

    scenario = load_scenarios(path)[0]
    result, found = _relied(path)
    case = result.case

    def judged(c, index):
        step = c.steps[index]
        return str(step.outcome), [
            (str(r.kind), r.code, r.cites, r.params) for r in step.verdict.reasons
        ]

    for index, relied in enumerate(found["steps"]):
        for key, value in relied.assumptions:
            options = Assumptions.specs()[key].options
            if not options:
                continue  # a number of days: named, not varied
            others = [o for o in options if o != value]
            changed = [
                Case.replay(
                    scenario.record,
                    case.assumptions.changed(**{key: o}),
                    case.mode,
                    law=scenario.law,
                )
                for o in others
            ]
            assert any(
                judged(c, index) != judged(case, index)
                or c.violations != case.violations
                or c.possible_violations != case.possible_violations
                for c in changed
            ), (index, key)


# --- 3. starters are hypothetical


def _ri_dates():
    return set(re.findall(r"\d{4}-\d{2}-\d{2}", pathlib.Path(RI).read_text(encoding="utf-8")))


@pytest.mark.parametrize("kind", list(STARTERS))
def test_each_starter_is_a_made_up_case_that_validates_and_runs(tmp_path, kind):
    text = STARTERS[kind].text
    assert "made-up" in text
    assert "hypothetical" in text.lower()
    assert "no real person" in text
    dates = set(re.findall(r"\d{4}-\d{2}-\d{2}", text))
    assert dates
    assert not dates & _ri_dates()
    assert all(d.startswith("20") and int(d[:4]) >= 2030 for d in dates), dates
    path = tmp_path / "case.powcase.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli("validate", path)[0] == 0
    code, out, err = cli("run", path)
    assert code == 0, out + err
    code, out, _ = cli("test", path)
    assert code == 0, out


def test_the_basic_starters_repatriation_during_hostilities_is_qualified():
    """GCIII-109(3): no seriously sick or wounded prisoner may be repatriated against his will
    during hostilities; GCIII-118: repatriation is due once active hostilities end. The comment
    on the allowed repatriation says both."""
    text = STARTERS["basic"].text
    at = text.index("event: {event: repatriate")
    comment = text[at - 600 : at + 600]
    assert "GCIII-109(3)" in comment
    assert "GCIII-118" in comment
    assert "against his will" in comment


# --- 4. --as-of and the file's expectations


def test_run_as_of_another_date_does_not_check_expectations_written_for_the_scenarios():
    code, out, err = cli("run", RI, "--as-of", "2025-02-01")
    assert code == 0, out + err
    assert " failed" not in out.replace("0 failed", "")
    said = [line for line in err.splitlines() if "not checked" in line]
    assert len(said) == 1, err
    assert "written for 2025-03-17, not for 2025-02-01" in said[0]
    # The case as it stood that day is still shown.
    assert "not yet     wish_expressed" in out


def test_run_as_of_the_scenarios_own_date_still_checks_its_expectations():
    code, out, err = cli("run", RI, "--as-of", "2025-03-17")
    assert code == 0, out + err
    assert "not checked" not in err
    assert re.search(r"Expectations: [1-9]\d* passed, 0 failed", out)


def test_a_failing_expectation_fails_on_its_own_date_and_is_unchecked_on_another(tmp_path):
    """Not checking the expectations does not hide a file's own failures on its own date:
    without --as-of, a failing expectation still fails the run."""
    text = pathlib.Path(ROUTINE).read_text(encoding="utf-8")
    broken = tmp_path / "broken.powcase.yaml"
    broken.write_text(text.replace("state: [exchanged]", "state: [in_custody]"), "utf-8")
    assert cli("run", broken)[0] == 1
    code, _, err = cli("run", broken, "--as-of", "2025-04-01")
    assert code == 0
    assert "not checked" in err


def test_the_library_run_on_another_date_checks_nothing():
    scenario = load_scenarios(RI)[0]
    results = run(scenario, as_of=datetime.date(2025, 2, 1))
    assert all(r.failures == () and r.passed == 0 for r in results)
    assert all(r.as_of == datetime.date(2025, 2, 1) for r in results)
    same = run(scenario, as_of=datetime.date(2025, 3, 17))
    assert same[0].passed > 0
    assert same[0].ok
