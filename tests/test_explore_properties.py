"""Properties on every path: the file format, the answers, the shortest witnesses.

What a researcher relies on: a property's answer under a reading is what walking every path
of that reading one by one gives (checked against a naive walk with ``Case``), its witness
is a shortest path and replays with the command to the same end, a bad property file is
reported whole and located, and the Ri properties give the answers the documentation
explains.
"""

from __future__ import annotations

import datetime
import json
import pathlib
import re
import subprocess
import sys
from typing import Any

import attrs
import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from powcase import Case, load_scenarios
from powcase.engine.table import fire
from powcase.explore import check, check_schema
from powcase.explore.alphabet import Letter, alphabet
from powcase.explore.checking import check_exploration
from powcase.explore.properties import (
    AllOf,
    FlagActive,
    Form,
    Property,
    PropertyFile,
    PropertyFileError,
    Selector,
    StateIs,
    StepHad,
    load_properties,
)
from powcase.explore.readings import ReadingGrid
from powcase.explore.results import Answer
from powcase.explore.search import explore
from powcase.law.book import Law
from powcase.model.events import MachineEvent
from powcase.model.mode import Mode
from powcase.model.verdict import Outcome
from powcase.render.explore import render_check_markdown, render_check_text

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
RI_PROPERTIES = EXAMPLES / "ri.properties.yaml"
RI = load_scenarios(EXAMPLES / "ri.powcase.yaml")[0]
LAW = Law.packaged()
LETTERS = alphabet(RI.record, LAW, RI.record.events[-1].date)


def _write(tmp_path: pathlib.Path, text: str, name: str = "p.properties.yaml") -> pathlib.Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


START = f"start: {{file: {EXAMPLES / 'ri.powcase.yaml'}, scenario: 0}}\n"


class TestTheFile:
    def test_the_ri_file_reads(self) -> None:
        found = load_properties(RI_PROPERTIES)
        assert [p.id for p in found.properties] == [
            "no_return_to_risk",
            "south_korea_reachable",
            "a_way_out",
        ]
        assert found.depth == 3
        assert "name" not in found.start_label.casefold()

    def test_every_problem_is_reported_at_once_and_located(self, tmp_path: pathlib.Path) -> None:
        path = _write(
            tmp_path,
            "powcase: 1\n" + START + "explore: {depth: deep, mood: normative}\n"  # line 3
            "readings: {ihl_non_refoulement: [icrc_2020, lenient]}\n"  # line 4
            "events: {include: [repatriate, teleport]}\n"  # line 5
            "properties:\n"
            "  - id: a\n"  # line 7
            "    never: {state: in_custdy}\n"  # line 8
            "  - id: a\n"  # line 9
            "    reachable: {flag: no_such_flag,"
            " applied: {event: repatriate, fields: {too: KP}}}\n"
            "  - id: c\n"  # line 11
            "    always: {state: pow}\n"
            "    eventually: {state: pow}\n"
            "  - id: d\n"
            "    reachable: {obligation: {code: capture_card, status: late}, colour: red}\n",
        )
        with pytest.raises(PropertyFileError) as caught:
            load_properties(path)
        text = str(caught.value)
        expected = [
            (3, "explore.depth: got 'deep'"),
            (3, "explore.mood: is not a known key"),
            (4, "readings.ihl_non_refoulement[1]: 'lenient' is not an option"),
            (5, "events.include[1]: 'teleport' is not a known event"),
            (8, "properties[0].never.state: 'in_custdy' is not a known state"),
            (9, "properties[1].id: 'a' is given twice"),
            (10, "properties[1].reachable.flag: 'no_such_flag' is not a known flag"),
            (10, "properties[1].reachable.applied.fields.too: is not a known field"),
            (11, "properties[2]: has more than one temporal form"),
            (15, "properties[3].reachable.obligation.status: got 'late'"),
            (15, "properties[3].reachable.colour: is not a known key"),
        ]
        for line, message in expected:
            assert any(f"{path}:{line}:" in row and message in row for row in text.splitlines()), (
                line,
                message,
                text,
            )
        assert f"{len(expected)} problems" in text
        assert "did you mean 'in_custody'" in text

    def test_a_missing_start_file_and_a_missing_form_are_located(
        self, tmp_path: pathlib.Path
    ) -> None:
        path = _write(
            tmp_path,
            "powcase: 1\nstart: nowhere.powcase.yaml\nproperties:\n  - {id: x, text: t}\n",
        )
        with pytest.raises(PropertyFileError) as caught:
            load_properties(path)
        text = str(caught.value)
        assert f"{path}:2:8: start: 'nowhere.powcase.yaml' is not a file" in text
        assert "properties[0]: has no temporal form" in text

    def test_a_broken_start_scenario_is_located_in_its_own_file(
        self, tmp_path: pathlib.Path
    ) -> None:
        scenario = _write(
            tmp_path,
            "powcase: 1\nsubject: {id: s, nationality: [KP]}\ndetaining_power: UA\n"
            "events:\n  - {date: 2025-01-09, event: captur}\n",
            "s.powcase.yaml",
        )
        path = _write(
            tmp_path,
            "powcase: 1\nstart: s.powcase.yaml\n"
            "properties:\n  - {id: x, reachable: {state: pow}}\n",
        )
        with pytest.raises(PropertyFileError) as caught:
            load_properties(path)
        assert f"{scenario}:5:" in str(caught.value)

    def test_a_fresh_start_keeps_only_the_capture(self, tmp_path: pathlib.Path) -> None:
        path = _write(
            tmp_path,
            f"powcase: 1\nstart: {{file: {EXAMPLES / 'ri.powcase.yaml'}, fresh: true}}\n"
            "properties:\n  - {id: x, reachable: {state: pow}}\n",
        )
        found = load_properties(path)
        assert [e.name for e in found.start.events] == ["capture"]
        assert found.start.subject.id == "ri"
        assert found.start.detaining_power == "UA"
        assert found.start_label.startswith("a fresh capture from")

    def test_an_inline_start(self, tmp_path: pathlib.Path) -> None:
        path = _write(
            tmp_path,
            "powcase: 1\nstart:\n  subject: {id: s, nationality: [KP], forces: KP}\n"
            "  detaining_power: UA\n"
            "  events: [{date: 2025-01-09, event: capture}]\n"
            "  assumptions: {ihl_non_refoulement: strict_text}\n"
            "properties:\n  - {id: x, reachable: {state: pow}}\n",
        )
        found = load_properties(path)
        assert found.assumptions.ihl_non_refoulement == "strict_text"
        assert [e.name for e in found.start.events] == ["capture"]


# A naive walk: every sequence of letters for one reading, replayed step by step with Case.


def _naive_point(selector: Selector, case: Case, first: bool, on: datetime.date) -> bool:
    """The selector at the end of ``case`` (``first``: at the start, no step into it)."""
    if isinstance(selector, AllOf):
        return all(_naive_point(p, case, first, on) for p in selector.parts)
    if isinstance(selector, StateIs):
        inside = any(s in case.timeline.position.active for s in selector.states)
        return inside != selector.negated
    if isinstance(selector, FlagActive):
        return any(f.code in selector.codes for f in case.active_flags(on))
    assert isinstance(selector, StepHad)
    if first:
        return False
    step = case.timeline.steps[-1]
    ok = (
        step.applied
        if selector.outcome == "applied"
        else step.outcome is Outcome(selector.outcome)
    )
    if selector.events and step.event.name not in selector.events:
        return False
    plain = step.event.to_dict()
    return ok and all(plain.get(k) == v for k, v in selector.fields)


def _naive(prop: Property, letters: list[Letter], reading: Any, depth: int) -> int | None:
    """The length of the shortest path that shows ``prop`` under ``reading`` (a witness or a
    counterexample), or None: every path walked one by one.
    """
    start = Case(RI.record, reading)
    first_day = RI.record.events[-1].date
    target: Selector = prop.selector
    best: int | None = None

    def holds(selector: Selector, case: Case, first: bool, on: datetime.date) -> bool:
        if prop.form is Form.ALWAYS and selector is target:
            return not _naive_point(selector, case, first, on)
        return _naive_point(selector, case, first, on)

    def walk(case: Case, length: int, armed: bool, satisfied: bool) -> None:
        nonlocal best
        on = first_day + datetime.timedelta(days=30 * length)
        first = length == 0
        if not armed:
            armed = prop.after is None or _naive_point(prop.after, case, first, on)
        if armed and not satisfied and holds(target, case, first, on):
            if prop.form is not Form.EVENTUALLY:
                best = length if best is None else min(best, length)
                return
            satisfied = True
        if length == depth:
            if prop.form is Form.EVENTUALLY and armed and not satisfied:
                best = depth
            return
        for letter in letters:
            event = letter.at(first_day + datetime.timedelta(days=30 * (length + 1)))
            if (
                isinstance(event, MachineEvent)
                and fire(case.timeline.position, event.name, event) is None
            ):
                continue
            walk(case.apply(event, on_refusal="record"), length + 1, armed, satisfied)

    walk(start, 0, False, False)
    return best


SELECTORS: list[Selector] = [
    StateIs(("request_granted",)),
    StateIs(("in_custody",), negated=True),
    StateIs(("pow",)),
    StepHad("applied", ("wish_verified",)),
    StepHad("refused"),
    StepHad("undetermined"),
    StepHad("applied", ("release_to_third_state",), (("to", "KR"),)),
    StepHad("applied", ("hostilities_ended",)),
    AllOf((StateIs(("in_custody",)), StepHad("applied"))),
]
SMALL = [
    letter
    for letter in LETTERS
    if letter.name
    in {
        "determine_status",
        "decide_protection",
        "wish_verified",
        "release_to_third_state",
        "hostilities_ended",
        "release_in_detaining_state",
        "repatriate",
        "risk_on_return",
    }
]
SUBSET = {
    "ihl_non_refoulement": ["icrc_2020", "strict_text"],
    "third_state_release": ["allowed_as_release", "barred"],
}


def _file(properties: list[Property], depth: int) -> PropertyFile:
    return PropertyFile(
        "<test>", "test", RI.record, "Ri", RI.assumptions, tuple(properties), depth
    )


@settings(max_examples=25, deadline=None)
@given(
    letters=st.lists(st.sampled_from(SMALL), min_size=2, max_size=4, unique=True),
    form=st.sampled_from(list(Form)),
    selector=st.sampled_from(SELECTORS),
    after=st.one_of(st.none(), st.sampled_from(SELECTORS)),
)
def test_the_answers_are_those_of_walking_every_path(
    letters: list[Letter], form: Form, selector: Selector, after: Selector | None
) -> None:
    """Each reading's answer, and the length of its witness, are what walking every path of
    that reading one by one with ``Case`` gives.
    """
    depth = 3
    prop = Property("p", form, selector, after)
    grid = ReadingGrid.of(RI.assumptions, SUBSET)
    exploration = explore(RI.record, letters, grid, depth=depth, law=LAW)
    result = check_exploration(_file([prop], depth), exploration)
    for item in result.properties[0].results:
        expected = _naive(prop, letters, grid.readings[item.reading], depth)
        assert item.answer.found == (expected is not None), grid.describe(item.reading)
        if expected is not None:
            assert item.path is not None
            assert len(item.path) == expected


def test_a_flag_is_read_on_the_path_that_reached_it() -> None:
    """Flags depend on the path's history: a property that reads them is checked on
    situations told apart by every fact, and agrees with walking every path.
    """
    letters = [
        letter
        for letter in LETTERS
        if letter.name in {"risk_on_return", "wish_verified", "repatriate"}
    ]
    prop = Property(
        "risky",
        Form.REACHABLE,
        AllOf((FlagActive(("refoulement_risk",)), StepHad("applied", ("wish_verified",)))),
    )
    source = _file([prop], 2)
    assert prop.reads_history
    grid = ReadingGrid.of(RI.assumptions, {"wish_verifiers": ["independent", "any"]})
    exploration = explore(RI.record, letters, grid, depth=2, law=LAW, merge=False)
    result = check_exploration(source, exploration)
    for item in result.properties[0].results:
        expected = _naive(prop, letters, grid.readings[item.reading], 2)
        assert item.answer.found == (expected is not None)
        assert item.path is None or len(item.path) == expected


# The Ri properties.


@pytest.fixture(scope="module")
def ri_result() -> Any:
    return check(RI_PROPERTIES)


def _answers(result: Any, prop_id: str) -> dict[str, int]:
    found = next(p for p in result.properties if p.definition.id == prop_id)
    return {a.value: found.count(a) for a in Answer if found.count(a)}


def _where(result: Any, prop_id: str, key: str, value: Any) -> list[Any]:
    """The results of ``prop_id`` under the readings where ``key`` is ``value``."""
    found = next(p for p in result.properties if p.definition.id == prop_id)
    return [r for r in found.results if result.grid.describe(r.reading)[key] == value]


def _reads(result: Any, index: int, **options: Any) -> bool:
    described = result.grid.describe(index)
    return all(described[k] == v for k, v in options.items())


class TestTheRiProperties:
    """The answers docs/how-to/explore.md explains, at the file's depth (3)."""

    def test_no_lawful_path_hands_him_to_torture_or_death_against_his_will(
        self, ri_result: Any
    ) -> None:
        """Except where both the text of GCIII-118 alone and its displacing the human-rights
        bars are read: then, once hostilities have ended and GCIII-118 requires his return, a
        plain repatriation to North Korea is lawful. During hostilities no rule of IHL requires
        a return, so nothing displaces the bars then, whatever the reading.
        """
        assert _answers(ri_result, "no_return_to_risk") == {"holds": 20, "violated": 4}
        prop = next(p for p in ri_result.properties if p.definition.id == "no_return_to_risk")
        for item in prop.results:
            bare = _reads(
                ri_result,
                item.reading,
                ihl_non_refoulement="strict_text",
                human_rights_non_refoulement=False,
            )
            assert item.answer.found == bare
            if bare:
                assert [(s.event.name, getattr(s.event, "to", None)) for s in item.path or ()] == [
                    ("hostilities_ended", None),
                    ("repatriate", "KP"),
                ]

    def test_the_moves_towards_risk_are_tried_and_refused(self) -> None:
        """The property is not empty: repatriation to North Korea is among the steps tried,
        towards torture, and during hostilities it is refused under every reading (no rule of
        IHL requires it then, so no reading displaces the human-rights bars).
        """
        source = load_properties(RI_PROPERTIES)
        tried = Property(
            "tried",
            Form.REACHABLE,
            AllOf((StepHad("refused", ("repatriate",)), _towards("torture"))),
        )
        result = check(attrs.evolve(source, properties=(tried,), depth=1))
        assert _answers(result, "tried") == {"reachable": 24}

    def test_south_korea_is_reachable_unless_the_text_alone_requires_repatriation(
        self, ri_result: Any
    ) -> None:
        # Unreachable only under the strict text with the human-rights bars displaced and
        # release during hostilities barred: after them the text requires repatriation.
        assert _answers(ri_result, "south_korea_reachable") == {"reachable": 22, "unreachable": 2}
        prop = next(p for p in ri_result.properties if p.definition.id == "south_korea_reachable")
        lengths = {
            ri_result.grid.describe(r.reading)["third_state_release"]: len(r.path)
            for r in prop.results
            if r.path
        }
        # Released as a prisoner of war after his wish is verified; where the reading bars
        # that during hostilities, once they have ended (GCIII-118).
        assert lengths == {"allowed_as_release": 2, "barred": 3}

    def test_at_depth_2_south_korea_is_reachable_only_where_release_is_allowed(self) -> None:
        result = check(RI_PROPERTIES, depth=2)
        for item in _where(result, "south_korea_reachable", "third_state_release", "barred"):
            assert item.answer is Answer.UNREACHABLE
        for item in _where(
            result, "south_korea_reachable", "third_state_release", "allowed_as_release"
        ):
            assert item.answer is Answer.REACHABLE
        way_out = next(p for p in result.properties if p.definition.id == "a_way_out")
        for item in way_out.results:
            waits = _reads(
                result,
                item.reading,
                ihl_non_refoulement="free_will",
                human_rights_non_refoulement=False,
            )
            assert item.answer is (Answer.UNREACHABLE if waits else Answer.REACHABLE)

    def test_once_hostilities_end_a_way_out_is_within_reach(self, ri_result: Any) -> None:
        assert _answers(ri_result, "a_way_out") == {"reachable": 24}
        prop = next(p for p in ri_result.properties if p.definition.id == "a_way_out")
        for item in prop.results:
            assert item.path is not None
            waits = _reads(
                ri_result,
                item.reading,
                ihl_non_refoulement="free_will",
                human_rights_non_refoulement=False,
            )
            assert len(item.path) == (3 if waits else 2)
            if not waits:
                assert item.path[0].event.name == "hostilities_ended"

    def test_the_json_follows_its_schema_and_the_contract(self, ri_result: Any) -> None:
        document = json.loads(json.dumps([ri_result.to_dict()]))
        jsonschema.validate(document, check_schema())
        entry = document[0]
        assert set(entry["generated_by"]) >= {"powcase", "model", "law_data"}
        for prop in entry["properties"]:
            assert {"id", "results"} <= set(prop)
            for item in prop["results"]:
                assert set(item["reading"]) == set(ri_result.grid.describe(0)), (
                    "every choice assumption"
                )
                assert item["answer"] in {"holds", "violated", "reachable", "unreachable"}
        assert entry["stats"]["situations"] > 0
        assert "GCIII-118" not in entry["never_cited"]

    def test_text_and_markdown_show_the_summary(self, ri_result: Any) -> None:
        text = render_check_text([ri_result])
        assert "Readings grouped by their answers" in text
        assert "south_korea_reachable" in text
        assert "Withheld" not in text
        markdown = render_check_markdown([ri_result])
        assert "| readings |" in markdown
        assert "Withheld" not in markdown


def _towards(kind: str) -> Selector:
    from powcase.explore.properties import TowardsRisk

    return TowardsRisk((kind,))


# Witnesses replay with the command.


def _command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "powcase", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )


def test_witnesses_replay_with_the_command_to_the_same_answer(tmp_path: pathlib.Path) -> None:
    result = check(RI_PROPERTIES, depth=2, witnesses=tmp_path)
    written = [
        (prop, item)
        for prop in result.properties
        for item in prop.results
        if item.witness is not None
    ]
    assert written
    # One witness of each property that has one, and every file passes `powcase test`.
    for item in {p.definition.id: i for p, i in written}.values():
        path = pathlib.Path(item.witness or "")
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert (
            data["assumptions"]["third_state_release"]
            == result.grid.describe(item.reading)["third_state_release"]
        )
        assert "name" not in data["subject"]
        run = _command("run", "--format", "json", str(path))
        assert run.returncode == 0, run.stderr
        replayed = json.loads(run.stdout)[0]
        assert item.path is not None
        last = replayed["steps"][-1]
        assert last["event"] == item.path[-1].event.name
        assert last["outcome"] == item.path[-1].outcome.value
        case = Case(
            attrs.evolve(RI.record, events=(*RI.record.events, *(s.event for s in item.path))),
            result.grid.readings[item.reading],
        )
        assert replayed["state"] == case.state
    tested = _command("test", str(tmp_path))
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert f"{len(written)} files" in tested.stdout


def test_readings_grouped_are_exactly_the_readings(ri_result: Any) -> None:
    """Each group's boxes describe exactly its readings, and the groups cover the grid."""
    grid = ri_result.grid
    seen: list[int] = []
    for group in ri_result.groups():
        expanded = set()
        for box in group.boxes:
            fixed = dict(box)
            for index in range(len(grid)):
                described = grid.describe(index)
                if all(described[k] in options for k, options in fixed.items()):
                    expanded.add(index)
        assert expanded == set(group.readings)
        seen += group.readings
    assert sorted(seen) == list(range(len(grid)))


@settings(max_examples=30, deadline=None)
@given(st.sets(st.integers(0, 11), min_size=1))
def test_any_set_of_readings_is_described_exactly(indexes: set[int]) -> None:
    from powcase.explore.results import _boxes

    grid = ReadingGrid.of(
        RI.assumptions,
        {
            "ihl_non_refoulement": ["icrc_2020", "free_will", "strict_text"],
            "third_state_release": ["allowed_as_release", "barred"],
            "wish_verifiers": ["independent", "any"],
        },
    )
    expanded = {
        index
        for box in _boxes(grid, sorted(indexes))
        for index in range(len(grid))
        if all(grid.describe(index)[k] in options for k, options in box)
    }
    assert expanded == indexes


def test_markdown_and_text_neutralise_what_the_file_says(tmp_path: pathlib.Path) -> None:
    path = _write(
        tmp_path,
        "powcase: 1\n" + START + "explore: {depth: 1}\nreadings: {}\n"
        "properties:\n"
        '  - {id: x, text: "a | b \\u001b[31m *bold* <script>", reachable: {state: pow}}\n',
    )
    result = check(path)
    text = render_check_text([result])
    assert "\x1b" not in text
    markdown = render_check_markdown([result])
    assert "\x1b" not in markdown
    assert "<script>" not in markdown
    assert "a \\| b" in markdown


def test_descriptive_mode_applies_refused_steps() -> None:
    source = attrs.evolve(
        load_properties(RI_PROPERTIES),
        mode=Mode.DESCRIPTIVE,
        depth=1,
        readings={},
        properties=(
            Property(
                "forced",
                Form.REACHABLE,
                AllOf((StepHad("applied", ("repatriate",)), _towards("torture"))),
            ),
        ),
    )
    result = check(source)
    assert _answers(result, "forced") == {"reachable": 1}


def test_every_form_is_answered(tmp_path: pathlib.Path) -> None:
    text = "".join(
        f"  - {{id: {form.value}, {form.value}: {{state: in_custody}}}}\n" for form in Form
    )
    text += "  - {id: out, eventually: {state_not: in_custody}}\n"
    path = _write(
        tmp_path,
        "powcase: 1\n" + START + "explore: {depth: 2}\nreadings: {}\nproperties:\n" + text,
    )
    result = check(path)
    found = {p.definition.id: p.results[0] for p in result.properties}
    assert found["never"].answer is Answer.VIOLATED
    assert found["never"].path == ()  # he is in custody at the start: the start is the path
    assert found["reachable"].answer is Answer.REACHABLE
    # His wish verified, then released to South Korea: out of custody in two steps.
    assert found["always"].answer is Answer.VIOLATED
    assert [s.event.name for s in found["always"].path or ()] == [
        "wish_verified",
        "release_to_third_state",
    ]
    assert found["eventually"].answer is Answer.HOLDS  # in custody from the start
    # Nothing forces a release: a path of two steps that leaves him in custody.
    assert found["out"].answer is Answer.VIOLATED
    assert len(found["out"].path or ()) == 2
    assert next(p for p in result.properties if p.definition.id == "out").note


def test_the_risk_of_a_move_does_not_depend_on_the_reading() -> None:
    """towards_risk is worked out once per step for every reading that took it: the law's
    risk of a move reads the facts, the parties table and the day, never the reading.
    """
    from powcase.law.refoulement import risk_towards
    from powcase.law.situation import Situation
    from powcase.model.events import Move

    grid = ReadingGrid.of(RI.assumptions)
    exploration = explore(RI.record, LETTERS, ReadingGrid.of(RI.assumptions, {}), depth=2)
    moves = [s for s in exploration.steps if isinstance(s.event, Move)]
    assert moves
    for step in moves[:40]:
        before = exploration.situations[step.source]
        kinds = set()
        for reading in grid.readings[::97]:
            law = Law.packaged()
            law.memo.clear()  # worked out afresh under each reading, not remembered
            situation = Situation(
                RI.record.subject,
                RI.record.detaining_power,
                reading,
                before.position,
                before.facts,
                step.event.date,
                law,
            )
            destination = step.event.destination or situation.power_of_origin
            kinds.add(risk_towards(situation, destination).kinds)
        assert len(kinds) == 1, step.event


def test_an_obligation_and_a_flag_are_read_on_the_path(tmp_path: pathlib.Path) -> None:
    """The capture card is overdue on the record as reported, so the start shows it; the
    refoulement-risk flag stands there too. Such properties are checked on situations told
    apart by every fact.
    """
    path = _write(
        tmp_path,
        "powcase: 1\n" + START + "explore: {depth: 1}\nreadings: {}\n"
        "events: {include: [wish_verified, hostilities_ended]}\n"
        "properties:\n"
        "  - {id: card, reachable: {obligation: {code: capture_card, status: overdue}}}\n"
        "  - {id: card_met, reachable: {obligation: {code: capture_card, status: met}}}\n"
        "  - {id: risk, never: {flag: refoulement_risk}}\n",
    )
    result = check(path)
    assert result.stats.exact
    found = {p.definition.id: p.results[0] for p in result.properties}
    assert found["card"].answer is Answer.REACHABLE
    assert found["card"].path == ()
    assert found["card_met"].answer is Answer.UNREACHABLE  # no capture card is ever sent
    assert found["risk"].answer is Answer.VIOLATED
    assert found["risk"].path == ()


def test_check_takes_a_mapping_and_reports_its_problems() -> None:
    data = {
        "powcase": 1,
        "start": {
            "subject": {"id": "s", "nationality": ["KP"], "forces": "KP"},
            "detaining_power": "UA",
            "events": [{"date": "2025-01-09", "event": "capture"}],
        },
        "explore": {"depth": 1},
        "readings": {},
        "properties": [{"id": "pow", "reachable": {"state": "pow"}}],
    }
    result = check(data)
    assert result.properties[0].results[0].answer is Answer.REACHABLE
    with pytest.raises(PropertyFileError, match=r"properties\[0\]\.reachable\.state"):
        check({**data, "properties": [{"id": "x", "reachable": {"state": "nowhere"}}]})


def test_several_files_are_read_before_any_is_explored(tmp_path: pathlib.Path) -> None:
    from powcase.explore import check_files

    good = _write(
        tmp_path,
        "powcase: 1\n" + START + "explore: {depth: 1}\nreadings: {}\n"
        "properties:\n  - {id: x, reachable: {state: pow}}\n",
        "a.properties.yaml",
    )
    bad = _write(tmp_path, "powcase: 1\nproperties: []\n", "b.properties.yaml")
    with pytest.raises(PropertyFileError) as caught:
        check_files([good, bad])
    assert "b.properties.yaml" in str(caught.value)
    assert "start: is required" in str(caught.value)
    other = _write(tmp_path, good.read_text(encoding="utf-8"), "c.properties.yaml")
    results = check_files([good, other], witnesses=tmp_path / "w")
    assert [r.source.file for r in results] == [str(good), str(other)]
    assert (tmp_path / "w" / "a").is_dir()
    assert (tmp_path / "w" / "c").is_dir()


def test_work_items_on_local_processes_give_the_same_answers(ri_result: Any) -> None:
    on_workers = check(RI_PROPERTIES, workers=2)
    assert [r.to_dict()["properties"] for r in (on_workers,)] == [
        ri_result.to_dict()["properties"]
    ]


def test_a_name_written_inline_is_never_echoed(tmp_path: pathlib.Path) -> None:
    path = _write(
        tmp_path,
        "powcase: 1\nstart:\n  subject: {id: s, name: Kim Secret, nationality: [KP]}\n"
        "  detaining_power: UA\n  events: [{date: 2025-01-09, event: capture}]\n"
        "properties:\n  - {id: x, reachable: {state: Kim Secret}}\n",
    )
    with pytest.raises(PropertyFileError) as caught:
        load_properties(path)
    assert "properties[0].reachable.state" in str(caught.value)
    assert "Kim Secret" not in str(caught.value)


def test_a_folder_of_scenarios_leaves_property_files_out() -> None:
    from powcase.scenario.load import find_scenario_files

    found = {path.name for path in find_scenario_files([EXAMPLES])}
    assert "ri.powcase.yaml" in found
    assert "ri.properties.yaml" not in found


class TestTheFiguresTheGuideQuotes:
    """docs/how-to/explore.md quotes the Ri exploration: the figures it gives are the ones the
    command prints."""

    def test_the_situations_at_depth_3(self, ri_result: Any) -> None:
        page = (pathlib.Path(__file__).parent.parent / "docs/how-to/explore.md").read_text(
            encoding="utf-8"
        )
        quoted = re.search(r"depth 3 takes [^(]*\(([\d,]+) situations\)", page)
        assert quoted is not None
        assert int(quoted.group(1).replace(",", "")) == ri_result.stats.situations

    def test_the_start_names_the_scenario_by_its_index_from_0(self, ri_result: Any) -> None:
        """The file says `scenario: 0`; the output names the same scenario the same way."""
        assert ri_result.source.start_label.startswith("ri.powcase.yaml, scenario 0 (")
