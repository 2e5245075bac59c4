"""An exploration gives the same answer whatever runs it: this process, local processes or a
Dask cluster, and however its readings are cut into work items.
"""

from __future__ import annotations

import pathlib

import pytest

from powcase import load_scenarios
from powcase.explore.alphabet import alphabet
from powcase.explore.parallel import explore_in_parts, work_items
from powcase.explore.readings import ReadingGrid
from powcase.explore.search import Exploration
from powcase.law.book import Law

RI = load_scenarios(pathlib.Path(__file__).parent.parent / "examples" / "ri.powcase.yaml")[0]
LAW = Law.packaged()
LETTERS = alphabet(RI.record, LAW, RI.record.events[-1].date)[:14]
GRID = ReadingGrid.of(
    RI.assumptions,
    {
        "ihl_non_refoulement": ["icrc_2020", "free_will", "strict_text"],
        "third_state_release": ["allowed_as_release", "barred"],
    },
)


def _items(count: int) -> list:  # type: ignore[type-arg]
    return work_items(
        RI.record, LETTERS, GRID, depth=2, step_days=30, mode=RI.mode, law=LAW, items=count
    )


def _seen(found: Exploration) -> tuple[object, ...]:
    """Everything a user reads of an exploration: its situations and steps, numbered, and the
    path each reading takes to each situation.
    """
    situations = tuple(
        (s.index, s.depth, s.configuration, s.readings, tuple(s.entering))
        for s in found.situations
    )
    steps = tuple(
        (t.source, found.letters[t.letter].label, t.readings, t.outcome, t.applied, t.target)
        for t in found.steps
    )
    paths = tuple(
        (s.index, reading, tuple(t.event for t in found.path(s.index, reading)))
        for s in found.situations
        for reading in range(len(GRID))
        if s.readings & (1 << reading)
    )
    return situations, steps, paths


@pytest.fixture(scope="module")
def here() -> tuple[object, ...]:
    return _seen(explore_in_parts(_items(1)))


def test_readings_cut_into_items_give_the_same_exploration(here: tuple[object, ...]) -> None:
    assert _seen(explore_in_parts(_items(4))) == here


def test_local_processes_give_the_same_exploration(here: tuple[object, ...]) -> None:
    assert _seen(explore_in_parts(_items(3), workers=2)) == here


def test_a_dask_cluster_gives_the_same_exploration(here: tuple[object, ...]) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        found = explore_in_parts(_items(3), scheduler=cluster.scheduler_address)
    assert _seen(found) == here


def test_workers_must_be_a_whole_number() -> None:
    from powcase.errors import InvalidInput

    with pytest.raises(InvalidInput, match="workers"):
        explore_in_parts(_items(1), workers=0)
