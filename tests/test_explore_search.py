"""The explorer: every path of letters from a start, under every reading, situations merged.

What a researcher relies on: a reading's answers do not depend on which other readings were
explored beside it (verdicts are shared only between readings that agree on what they read),
merging situations loses no path, and a path read back replays with ``Case`` to the same place.
"""

from __future__ import annotations

import datetime
import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powcase import Case, load_scenarios
from powcase.errors import InvalidInput
from powcase.explore.alphabet import DEFAULT_LETTERS, Letter, alphabet
from powcase.explore.readings import CHOICE_KEYS, ReadingGrid, bits
from powcase.explore.search import Exploration, explore
from powcase.law.book import Law
from powcase.model.assumptions import Assumptions

RI = load_scenarios(pathlib.Path(__file__).parent.parent / "examples" / "ri.powcase.yaml")[0]
LAW = Law.packaged()
LETTERS = alphabet(RI.record, LAW, RI.record.events[-1].date)


def _answers(found: Exploration, reading: int, *, depths: bool = True) -> set[tuple[object, ...]]:
    """What one reading sees: each step it takes (with the depth it takes it at), with
    where it leads.
    """
    bit = 1 << reading
    seen = set()
    for step in found.steps:
        if step.readings & bit:
            source = found.situations[step.source]
            target = found.situations[step.target]
            seen.add(
                (
                    source.depth_for(reading) if depths else None,
                    source.configuration,
                    found.letters[step.letter],
                    step.outcome,
                    target.configuration,
                )
            )
    return seen


class TestTheAlphabet:
    def test_the_default_alphabet_names_the_states_of_the_case(self) -> None:
        labels = {letter.label for letter in LETTERS}
        assert "release_to_third_state(to=KR)" in labels
        assert "repatriate(to=KP)" in labels
        assert "transfer_to_power(to=RU)" in labels  # KP's ally on the start date
        assert "intern_in_neutral_state(state=CH)" in labels
        assert {letter.name for letter in LETTERS} == set(DEFAULT_LETTERS)

    def test_every_letter_is_a_valid_event_on_any_day(self) -> None:
        for letter in LETTERS:
            assert letter.at(datetime.date(2026, 1, 1)).name == letter.name

    def test_include_and_exclude_narrow_it(self) -> None:
        only = alphabet(RI.record, LAW, datetime.date(2025, 3, 1), include=["repatriate"])
        assert [letter.name for letter in only] == ["repatriate"]
        without = alphabet(RI.record, LAW, datetime.date(2025, 3, 1), exclude=["repatriate"])
        assert "repatriate" not in {letter.name for letter in without}


class TestReadings:
    def test_the_full_grid_is_every_combination_of_the_choice_assumptions(self) -> None:
        grid = ReadingGrid.of(Assumptions())
        expected = 1
        for key in CHOICE_KEYS:
            expected *= len(Assumptions.specs()[key].options)
        assert len(grid) == expected == 2592

    def test_agreeing_keeps_the_readings_with_the_same_options(self) -> None:
        grid = ReadingGrid.of(
            Assumptions(),
            {
                "ihl_non_refoulement": ["icrc_2020", "strict_text"],
                "media_exception": [False, True],
            },
        )
        first = grid.readings[0]
        agreeing = [
            grid.readings[i] for i in bits(grid.agreeing(0, ["media_exception"], grid.every))
        ]
        assert len(agreeing) == 2
        assert all(r.media_exception == first.media_exception for r in agreeing)


SUBSET = {
    "ihl_non_refoulement": ["icrc_2020", "free_will", "strict_text"],
    "third_state_release": ["allowed_as_release", "barred"],
    "wish_verifiers": ["independent", "any"],
}


def test_a_reading_sees_the_same_paths_alone_or_beside_others() -> None:
    """Verdicts are shared between readings only where they agree on what was read."""
    grid = ReadingGrid.of(RI.assumptions, SUBSET)
    together = explore(RI.record, LETTERS, grid, depth=2, law=LAW)
    for index, reading in enumerate(grid.readings):
        alone_grid = ReadingGrid.of(reading, {})
        alone = explore(RI.record, LETTERS, alone_grid, depth=2, law=LAW)
        assert _answers(together, index) == _answers(alone, 0), grid.describe(index)


@settings(max_examples=6, deadline=None)
@given(
    letters=st.lists(st.sampled_from(LETTERS), min_size=2, max_size=7, unique=True),
    reading=st.integers(0, 11),
)
def test_merging_situations_loses_no_path(letters: list[Letter], reading: int) -> None:
    """Situations told apart by what the guards read give each reading the same steps as
    situations told apart by every fact.
    """
    grid = ReadingGrid.of(RI.assumptions, SUBSET)
    merged = explore(RI.record, letters, grid, depth=3, law=LAW)
    exact = explore(RI.record, letters, grid, depth=3, law=LAW, merge=False)
    # Merged situations are reached once, at the first depth, and not again later: what a
    # reading can do from them is the same.
    assert _answers(merged, reading, depths=False) == _answers(exact, reading, depths=False)
    assert len(merged.situations) <= len(exact.situations)


def test_a_path_read_back_replays_to_its_situation() -> None:
    grid = ReadingGrid.of(RI.assumptions, SUBSET)
    found = explore(RI.record, LETTERS, grid, depth=2, law=LAW)
    deepest = [s for s in found.situations if s.depth == 2][:25]
    for situation in deepest:
        reading = next(bits(situation.readings))
        path = found.path(situation.index, reading)
        assert len(path) == 2
        case = Case(found.record(path), grid.readings[reading])
        assert case.timeline.position == situation.position
        assert [s.outcome for s in case.timeline.steps][-2:] == [p.outcome for p in path]


def test_an_exploration_needs_a_start_with_an_event() -> None:
    import attrs

    empty = attrs.evolve(RI.record, events=())
    with pytest.raises(InvalidInput, match="at least one event"):
        explore(empty, LETTERS, ReadingGrid.of(Assumptions(), {}), depth=1)


def test_an_exploration_knows_the_provisions_its_verdicts_cite() -> None:
    grid = ReadingGrid.of(RI.assumptions, {})
    found = explore(RI.record, LETTERS, grid, depth=1, law=LAW)
    # A release to South Korea, judged from custody, rests on GCIII-118 (release and
    # repatriation) read with the reading's non-refoulement rule.
    assert "GCIII-118" in found.cited
    assert found.cited <= set(LAW.provisions)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"depth": "3"}, "depth"),
        ({"depth": -1}, "depth"),
        ({"depth": 99}, "depth"),
        ({"step_days": 0}, "step_days"),
        ({"letters": "repatriate"}, "letters"),
        ({"grid": {"ihl_non_refoulement": ["icrc_2020"]}}, "grid"),
        ({"start": RI}, "start"),
    ],
)
def test_a_wrong_argument_is_named(change: dict[str, object], named: str) -> None:
    from powcase.errors import PowcaseError

    arguments = {
        "start": RI.record,
        "letters": LETTERS,
        "grid": ReadingGrid.of(RI.assumptions, {}),
    }
    arguments.update(change)
    depth = arguments.pop("depth", 1)
    step_days = arguments.pop("step_days", 30)
    with pytest.raises(PowcaseError, match=named):
        explore(**arguments, depth=depth, step_days=step_days)  # type: ignore[arg-type]
