"""An exploration split into work items, run here, on local processes or on a Dask cluster.

The readings of the grid are cut into groups, in grid order: each group is one work item,
explored on its own, and the items' graphs are merged. A reading's steps do not depend on the
readings explored beside it, and paths are chosen in an order read from the merged graph
(:func:`~powcase.explore.search.ranked`), so the result is the same however the readings
were cut and whatever ran the items: this process, ``workers`` local processes, or a Dask
distributed scheduler (``scheduler``, an address; the optional ``dask`` extra).
"""

from __future__ import annotations

import concurrent.futures
import importlib
import itertools
import time
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

import attrs

from powcase.errors import InvalidInput, PowcaseError
from powcase.explore.alphabet import Letter
from powcase.explore.readings import ReadingGrid
from powcase.explore.search import Exploration, Situation, Step, canonical, explore
from powcase.law.book import Law
from powcase.model.mode import Mode
from powcase.model.record import Record

__all__ = ["WorkItem", "explore_in_parts", "merged", "run_item", "work_items"]


@attrs.frozen
class WorkItem:
    """One group of readings to explore: everything a worker needs, picklable."""

    start: Record
    letters: tuple[Letter, ...]
    grid: ReadingGrid
    among: int
    """The readings of the grid this item explores (a mask)."""
    depth: int
    step_days: int
    mode: Mode
    law: Law


def run_item(item: WorkItem) -> Exploration:
    """Explore one work item (a module-level function: workers receive it by name)."""
    return explore(
        item.start,
        item.letters,
        item.grid,
        depth=item.depth,
        step_days=item.step_days,
        mode=item.mode,
        law=item.law,
        among=item.among,
    )


def work_items(
    start: Record,
    letters: Sequence[Letter],
    grid: ReadingGrid,
    *,
    depth: int,
    step_days: int,
    mode: Mode,
    law: Law,
    items: int = 1,
) -> list[WorkItem]:
    """The readings of ``grid`` cut into ``items`` groups of consecutive readings (one
    per worker: verdicts are shared only within an item).
    """
    count = len(grid)
    parts = max(1, min(items, count))
    bounds = [round(part * count / parts) for part in range(parts + 1)]
    return [
        WorkItem(
            start,
            tuple(letters),
            grid,
            ((1 << high) - 1) ^ ((1 << low) - 1),
            depth,
            step_days,
            mode,
            law,
        )
        for low, high in itertools.pairwise(bounds)
        if high > low
    ]


Done = Callable[[int, int], None]
"""Called as work items finish, with (items done, items in all)."""


def explore_in_parts(
    items: Sequence[WorkItem],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    done: Done | None = None,
) -> Exploration:
    """Run ``items`` and merge their graphs in order: here (``workers`` None or 1), on
    ``workers`` local processes, or on the Dask scheduler at ``scheduler``.
    """
    clock = time.perf_counter()
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise InvalidInput.single("workers", f"got {workers!r}", expected="a whole number >= 1")
    if scheduler is not None:
        parts = _on_dask(items, scheduler, done)
    elif workers is not None and workers > 1:
        with concurrent.futures.ProcessPoolExecutor(workers) as pool:
            parts = _collected(items, pool.map(run_item, items), done)
    else:
        parts = _collected(items, map(run_item, items), done)
    whole = merged(parts)
    return attrs.evolve(whole, seconds=time.perf_counter() - clock)


def _collected(
    items: Sequence[WorkItem], results: Iterable[Exploration], done: Done | None
) -> list[Exploration]:
    parts = []
    for result in results:
        parts.append(result)
        if done is not None:
            done(len(parts), len(items))
    return parts


def _on_dask(items: Sequence[WorkItem], scheduler: str, done: Done | None) -> list[Exploration]:
    try:
        # Untyped and optional: read through Any.
        distributed: Any = importlib.import_module("distributed")
    except ImportError as error:
        raise PowcaseError(
            "--scheduler needs Dask distributed: pip install 'powcase[dask]'"
        ) from error
    with distributed.Client(scheduler) as client:
        futures = client.map(run_item, items, pure=False)
        order = {future.key: place for place, future in enumerate(futures)}
        parts: list[Any] = [None] * len(futures)
        for count, future in enumerate(distributed.as_completed(futures), start=1):
            parts[order[future.key]] = future.result()
            if done is not None:
                done(count, len(items))
    return parts


def merged(parts: Sequence[Exploration]) -> Exploration:
    """One exploration of the parts' readings: equal situations made one, in the order the
    parts found them, and the steps between them with the readings of every part.
    """
    if not parts:
        raise PowcaseError("nothing to merge")
    first = parts[0]
    situations: list[Situation] = []
    found: dict[Hashable, int] = {}
    steps: list[Step] = []
    for part in parts:
        place: dict[int, int] = {}
        for situation in part.situations:
            key = part.key_of(situation)
            index = found.get(key)
            if index is None:
                index = found[key] = len(situations)
                situations.append(
                    Situation(
                        index, situation.position, situation.facts, situation.depth, situation.on
                    )
                )
            into = situations[index]
            if situation.depth < into.depth:
                into.depth, into.on = situation.depth, situation.on
            into.readings |= situation.readings
            into.arrivals.extend(situation.arrivals)
            place[situation.index] = index
        steps.extend(
            attrs.evolve(step, source=place[step.source], target=place[step.target])
            for step in part.steps
        )
    every, taken, ranks = canonical(situations, steps)
    return attrs.evolve(
        first,
        situations=every,
        steps=taken,
        ranks=ranks,
        verdicts=sum(part.verdicts for part in parts),
        cited=frozenset().union(*(part.cited for part in parts)),
        seconds=sum(part.seconds for part in parts),
    )
