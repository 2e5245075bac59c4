"""How exploring every path grows with depth, and what merging and sharing verdicts save.

Run it with ``python benchmarks/explore.py`` (``--depths 1,2,3`` to choose the depths,
``--workers N`` for local processes, ``--budget S`` for the seconds a depth may be expected
to take, ``--quick`` for a short run, as the test suite does). It explores the Ri scenario
(``examples/ri.powcase.yaml``) under every reading of the law (every combination of the
choice assumptions: 2,592) over the default alphabet, and prints for each depth the distinct
situations, the steps, the verdicts worked out and the time. A depth whose projected time
(the last depth's time times the growth of the one before) exceeds the budget is skipped with
a note. The target: depth 8 in under 60 seconds on 2 cores.

Then, in the same run, it measures what the two savings are worth against the naive walk (a
tree of every sequence of letters, every verdict worked out for each reading apart), on a
sample of readings at a small depth, where the naive walk finishes:

- *merging*: equal situations explored once (readings one at a time, as the naive walk);
- *merging and sharing*: the sample's readings explored together, each verdict worked out
  once for the readings that agree on what it read.
"""

from __future__ import annotations

import argparse
import datetime
import pathlib
import time
from collections.abc import Sequence

from powcase import Case, load_scenarios
from powcase.engine.facts import Facts
from powcase.engine.table import Position, fire
from powcase.explore.alphabet import Letter, alphabet
from powcase.explore.parallel import explore_in_parts, work_items
from powcase.explore.readings import ReadingGrid
from powcase.explore.search import explore
from powcase.law.book import Law
from powcase.law.judging import LawJudge
from powcase.model.events import MachineEvent
from powcase.model.record import Record
from powcase.model.verdict import Outcome
from powcase.scenario import Scenario

TARGET_DEPTH, TARGET_SECONDS = 8, 60.0
_EXAMPLE = pathlib.Path(__file__).parent.parent / "examples" / "ri.powcase.yaml"


def _start() -> tuple[Scenario, Law, tuple[Letter, ...]]:
    scenario = load_scenarios(_EXAMPLE)[0]
    law = Law.packaged()
    record = scenario.record
    return scenario, law, alphabet(record, law, record.events[-1].date)


def by_depth(depths: Sequence[int], workers: int, budget: float, echo: bool = False) -> list[str]:
    """One line per depth: situations, steps, verdicts and seconds (or why it was skipped);
    with ``echo``, each line is printed as soon as it is known.
    """
    scenario, law, letters = _start()
    grid = ReadingGrid.of(scenario.assumptions)
    lines: list[str] = []

    def say(line: str) -> None:
        lines.append(line)
        if echo:
            print(line, flush=True)

    say(f"Ri, {len(grid)} readings, {len(letters)} letters, {workers} worker(s)")
    say(f"{'depth':>5} {'situations':>11} {'steps':>9} {'verdicts':>9} {'seconds':>8}")
    times: list[float] = []
    for depth in depths:
        if len(times) >= 2 and times[-2] > 0:
            projected = times[-1] * times[-1] / times[-2]
            if projected > budget:
                say(f"{depth:>5}  skipped: projected {projected:,.0f} s > {budget:,.0f} s")
                break
        items = work_items(
            scenario.record,
            letters,
            grid,
            depth=depth,
            step_days=30,
            mode=scenario.mode,
            law=law,
            items=workers,
        )
        found = explore_in_parts(items, workers=workers)
        times.append(found.seconds)
        say(
            f"{depth:>5} {len(found.situations):>11,} {len(found.steps):>9,} "
            f"{found.verdicts:>9,} {found.seconds:>8.1f}"
        )
    reached = dict(zip(depths, times, strict=False))
    if TARGET_DEPTH in reached:
        verdict = "PASS" if reached[TARGET_DEPTH] < TARGET_SECONDS else "FAIL"
        say(f"target: depth {TARGET_DEPTH} in {reached[TARGET_DEPTH]:.1f} s: {verdict}")
    else:
        say(f"target: depth {TARGET_DEPTH} not reached within the budget: FAIL")
    return lines


class _NaiveWalk:
    """The naive walk for one reading: every sequence of letters, no merging."""

    def __init__(
        self, judge: LawJudge, record: Record, letters: Sequence[Letter], first: datetime.date
    ) -> None:
        self.judge, self.record, self.letters, self.first = judge, record, letters, first

    def below(self, position: Position, facts: Facts, depth: int, left: int) -> int:
        """The verdicts worked out below one node of the tree."""
        if left == 0:
            return 0
        on = self.first + datetime.timedelta(days=30 * (depth + 1))
        holder = self.record.detaining_power
        count = 0
        for letter in self.letters:
            event = letter.at(on)
            after_position, after_facts = position, facts
            if isinstance(event, MachineEvent):
                target = fire(position, event.name, event)
                if target is None:
                    continue
                count += 1
                if self.judge(position, facts, event).outcome is Outcome.ALLOWED:
                    after_position = target
                    after_facts = facts.absorb(event, 0, detaining_power=holder)
            else:
                after_facts = facts.absorb(event, 0, detaining_power=holder)
            count += self.below(after_position, after_facts, depth + 1, left - 1)
        return count


def savings(depth: int, sample: int) -> list[str]:
    """The naive walk, merging alone, and merging with shared verdicts, on ``sample``
    readings spread over the grid, to ``depth``.
    """
    scenario, law, letters = _start()
    full = ReadingGrid.of(scenario.assumptions)
    step = max(1, len(full) // sample)
    picked = [full.readings[i] for i in range(0, len(full), step)][:sample]
    record = scenario.record
    first = record.events[-1].date

    clock = time.perf_counter()
    naive_verdicts = 0
    for reading in picked:
        case = Case(record, reading, scenario.mode, law)
        judge = LawJudge(record.subject, record.detaining_power, reading, law)
        walk = _NaiveWalk(judge, record, letters, first)
        naive_verdicts += walk.below(case.timeline.position, case.timeline.facts, 0, depth)
    naive = time.perf_counter() - clock

    clock = time.perf_counter()
    merged_verdicts = 0
    for reading in picked:
        alone = explore(
            record, letters, ReadingGrid.of(reading, {}), depth=depth, law=law, mode=scenario.mode
        )
        merged_verdicts += alone.verdicts
    merging = time.perf_counter() - clock

    together_grid = ReadingGrid.of_readings(picked)
    clock = time.perf_counter()
    together = explore(record, letters, together_grid, depth=depth, law=law, mode=scenario.mode)
    sharing = time.perf_counter() - clock
    return [
        f"savings at depth {depth} on {len(picked)} readings spread over the grid:",
        f"  naive walk:            {naive:8.2f} s {naive_verdicts:>9,} verdicts",
        (
            f"  merging:               {merging:8.2f} s {merged_verdicts:>9,} verdicts "
            f"(x{naive / merging:.1f} faster)"
        ),
        (
            f"  merging and sharing:   {sharing:8.2f} s {together.verdicts:>9,} verdicts "
            f"(x{naive / sharing:.1f} faster)"
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--depths", default="1,2,3,4,5,6,7,8,9,10")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--budget", type=float, default=600.0)
    parser.add_argument("--quick", action="store_true", help="depths 1-2, a small sample")
    args = parser.parse_args(argv)
    depths = [1, 2] if args.quick else [int(d) for d in args.depths.split(",")]
    by_depth(depths, 1 if args.quick else args.workers, args.budget, echo=True)
    for line in savings(1 if args.quick else 2, 4 if args.quick else 12):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
