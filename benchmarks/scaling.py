"""How the cost per event grows with the length of the record.

Run it with ``python benchmarks/scaling.py`` (``--sizes 100,1000`` to limit the sizes,
``--quick`` for a short run, as the test suite does). Each record is a capture followed by
incidents in turn, one a day (an ICRC visit, an interrogation, a medical assessment, a capture
card, information to the Central Tracing Agency, a wish, an exchange offer), so that its dates
increase and every event is accepted; the script checks that before timing anything.

Three lines are timed at each size:

- (a) ``Case.open`` then ``Case.apply`` of every event, one by one;
- (b) ``Case.replay(record)``;
- (c) a full scenario run (``powcase.scenario.run_one``: the replay, flags, the docket and
  violations) and its JSON (``RunResult.to_dict`` through ``json.dumps``, as
  ``powcase run --format json`` writes it).

For each it prints the cost per event and its ratio to the 100-event figure. A size whose
projected run time (extrapolated from the two largest sizes already measured) exceeds
the budget is skipped with a note instead of being run. The target: at 10,000 events the cost
per event is at most 1.5 times the 100-event cost, on every line; each line is marked PASS or
FAIL against it (FAIL when 10,000 had to be skipped: its projection already exceeds the
budget).
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import math
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from powcase import Assumptions, Case, Event, Outcome, Record, Subject, event_from_dict
from powcase.scenario import Scenario, run_one

SIZES = (100, 1_000, 10_000, 100_000)
QUICK_SIZES = (100, 1_000)
BASE = 100
"""The size every other size is compared with."""
JUDGED = 10_000
TARGET = 1.5
"""At ``JUDGED`` events, the cost per event may be at most this many times the base cost."""
BUDGET = 60.0
QUICK_BUDGET = 10.0

SUBJECT = Subject(id="bench", nationality=["KP"], forces="KP")
DETAINING_POWER = "UA"
START = datetime.date(2025, 1, 9)
CAPTURE: dict[str, Any] = {"event": "capture", "wounded": True, "place": "Kursk"}
INCIDENTS: tuple[dict[str, Any], ...] = (
    {"event": "icrc_visit", "private_interview": True},
    {"event": "interrogated", "language_understood": True},
    {"event": "medical_assessment", "category": "minor"},
    {"event": "capture_card_sent"},
    {"event": "information_transmitted", "to": "CTA"},
    {"event": "wish_expressed", "destination": "KR", "confidence": 0.8},
    {"event": "exchange_offered", "by": "UA", "to": "KP"},
)


def events(size: int) -> tuple[Event, ...]:
    """A capture, then ``size - 1`` incidents in turn, one a day."""
    plain = [CAPTURE, *(INCIDENTS[i % len(INCIDENTS)] for i in range(size - 1))]
    return tuple(
        event_from_dict({"date": START + datetime.timedelta(days=day), **fields})
        for day, fields in enumerate(plain)
    )


def record(size: int) -> Record:
    """The record of ``size`` events (its constructor checks that they are in date order)."""
    return Record(subject=SUBJECT, detaining_power=DETAINING_POWER, events=events(size))


def check(built: Record, steps: Sequence[Any]) -> None:
    """Every event of ``built`` was accepted: each step applied and allowed (nothing refused
    or not possible), and the dates increase.
    """
    assert len(steps) == len(built.events)
    dates = [e.date for e in built.events]
    assert all(a < b for a, b in itertools.pairwise(dates)), "dates must increase"
    refused = [s for s in steps if not s.applied or s.outcome is not Outcome.ALLOWED]
    assert not refused, f"refused or not possible: {refused[0].event.name} at {refused[0].index}"


def open_and_apply(built: Record) -> Sequence[Any]:
    """Line (a): an empty case, then every event applied (a refusal would raise)."""
    case = Case.open(built.subject, built.detaining_power)
    for event in built.events:
        case = case.apply(event)
    return case.steps


def replay(built: Record) -> Sequence[Any]:
    """Line (b)."""
    return Case.replay(built).steps


def full_run(built: Record) -> Sequence[Any]:
    """Line (c): a scenario run (replay, flags, docket, violations) and its JSON."""
    result = run_one(Scenario("scaling", built, Assumptions(), "normative"))
    json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
    return result.steps


LINES: dict[str, Callable[[Record], Sequence[Any]]] = {
    "(a) Case.open + apply each": open_and_apply,
    "(b) Case.replay": replay,
    "(c) run + flags + docket + JSON": full_run,
}


def seconds(func: Callable[[Record], Sequence[Any]], built: Record, fill: float) -> float:
    """The median time of one call; calls repeat until ``fill`` seconds are spent (at most
    200 calls: a small record's run takes a fraction of a millisecond, and the ratios rest on
    it), and a single call longer than that is timed once. The steps of each call are
    checked, outside the timed region.
    """
    times: list[float] = []
    while not times or (sum(times) < fill and len(times) < 200):
        start = time.perf_counter()
        steps = func(built)
        times.append(time.perf_counter() - start)
        check(built, steps)
    return statistics.median(times)


def projected(measured: dict[int, float], size: int) -> float | None:
    """The run time at ``size`` extrapolated from the two largest sizes measured; None with
    fewer than two. The larger of two fits: a power law (no slower than linear), and a linear
    plus quadratic term through both points (a power law fitted where the quadratic term is
    still small underestimates it).
    """
    if len(measured) < 2:
        return None
    (small, t_small), (large, t_large) = sorted(measured.items())[-2:]
    exponent = max(1.0, math.log(t_large / t_small) / math.log(large / small))
    power = t_large * (size / large) ** exponent
    # t = a n + b n^2 through both points
    quadratic = (t_large / large - t_small / small) / (large - small)
    linear = t_small / small - quadratic * small
    return max(power, linear * size + quadratic * size**2)


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(part.replace("_", "")) for part in text.split(",")}))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 100,1000, got {text!r}") from None
    if not sizes or sizes[0] < 2:
        raise argparse.ArgumentTypeError("every size must be at least 2 events")
    return sizes


def _verdict(per_event: dict[int, float], skipped: dict[int, float]) -> str:
    base = per_event[BASE]
    if JUDGED in per_event:
        ratio = per_event[JUDGED] / base
        mark = "PASS" if ratio <= TARGET else "FAIL"
        return f"{mark} ({ratio:.2f}x at {JUDGED:,} events)"
    if JUDGED in skipped:
        ratio = skipped[JUDGED] / JUDGED / base
        return f"FAIL ({JUDGED:,} skipped over budget; projected {ratio:.1f}x)"
    return f"not judged ({JUDGED:,} not among the sizes)"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, help="comma-separated record sizes")
    parser.add_argument("--quick", action="store_true", help="a short run (the test suite's)")
    parser.add_argument("--budget", type=float, help="seconds a single run may be projected to")
    args = parser.parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    budget = args.budget or (QUICK_BUDGET if args.quick else BUDGET)
    fill = 0.05 if args.quick else 0.5
    if BASE not in sizes:
        print(f"note: {BASE} events added, as the base of the ratios")
        sizes = (BASE, *sizes)

    print(f"records: a capture, then {len(INCIDENTS)} incidents in turn, one a day")
    print(f"budget per run: {budget:.0f} s (projected from the two largest sizes run)")
    print(f"target: at {JUDGED:,} events, <= {TARGET}x the cost per event at {BASE} events")
    print()
    print(f"{'line':<34}{'events':>8}{'run s':>10}{'us/event':>11}{'ratio':>8}")
    measured: dict[str, dict[int, float]] = {name: {} for name in LINES}
    skipped: dict[str, dict[int, float]] = {name: {} for name in LINES}
    for size in sizes:
        # One record at a time: a large record kept alive would slow the garbage collector
        # down while smaller ones are timed.
        built = record(size)
        if size == BASE:
            for func in LINES.values():
                func(built)  # warm up: imports, caches, first-call costs
        for name, func in LINES.items():
            guess = projected(measured[name], size)
            if guess is not None and guess > budget:
                skipped[name][size] = guess
                print(f"{name:<34}{size:>8,}  skipped: projected {guess:,.0f} s > budget")
                continue
            took = measured[name][size] = seconds(func, built, fill)
            ratio = (took / size) / (measured[name][BASE] / BASE)
            print(f"{name:<34}{size:>8,}{took:>10.3f}{took / size * 1e6:>11.1f}{ratio:>7.2f}x")
        del built
    print()
    for name in LINES:
        per_event = {size: t / size for size, t in measured[name].items()}
        print(f"{name:<34}{_verdict(per_event, skipped[name])}")


if __name__ == "__main__":
    main()
