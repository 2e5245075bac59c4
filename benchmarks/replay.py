"""Cost per machine event: a full powcase case evaluation beside python-statemachine's ``send``.

Run it with ``python benchmarks/replay.py`` (``--quick`` for a short run, as the test suite
does). The record is a realistic 20-event year of a case: the Ri example's capture, media,
offer, wish and request, then a status finding, consents, a verified wish, the end of
hostilities, a release and a resettlement. Six of its events are machine events.

Both sides are measured per *machine event*, warm (a warm-up run first), on the same machine
events:

- powcase: a full case evaluation, as a user of the library gets it: ``Case.replay(record)``
  (every step judged, incidents included), then the flags (``case.flags`` and
  ``case.active_flags()``), the docket (``case.docket()``) and the violations
  (``case.violations`` and ``case.possible_violations``); no JSON. Its total time is divided
  by the number of machine events.
- python-statemachine: ``LegalPath.send`` of the same machine events, in order, each with its
  event object. A fresh machine is built before each pass, outside the timed region:
  construction is excluded, and reported on its own line.

The ratio is the first over the second. The project's target is a ratio of at most 0.2.
"""

from __future__ import annotations

import argparse
import pathlib
import statistics
import time
from collections.abc import Callable, Sequence

from powcase import Case, LegalPath, Record, load_scenarios

TARGET = 0.2
"""The project's target for the ratio of the two costs per machine event."""

# The Ri example's capture, media, offer, wish and request (its record without South Korea's
# statements), followed by fifteen more: a realistic year of a case.
_EXAMPLE = pathlib.Path(__file__).parent.parent / "examples" / "ri.powcase.yaml"
_LATER = [
    {"date": "2025-02-20", "event": "interrogated", "language_understood": True},
    {"date": "2025-02-21", "event": "medical_assessment", "category": "serious"},
    {"date": "2025-02-22", "event": "determine_status", "outcome": "pow", "by": "authority"},
    {"date": "2025-02-23", "event": "icrc_visit", "private_interview": False},
    {"date": "2025-02-24", "event": "wish_expressed", "destination": "stay", "source": "kyiv"},
    {"date": "2025-03-17", "event": "receiving_state_consents", "state": "KR"},
    {"date": "2025-05-25", "event": "excluded_from_exchange"},
    {"date": "2025-06-01", "event": "capture_card_sent"},
    {"date": "2025-06-02", "event": "information_transmitted", "to": "CTA"},
    {"date": "2025-10-28", "event": "self_harm_attempt"},
    {"date": "2025-11-01", "event": "wish_verified", "destination": "KR", "by": "ICRC"},
    {"date": "2025-11-02", "event": "decide_protection", "granted": True},
    {"date": "2026-03-01", "event": "hostilities_ended"},
    {"date": "2026-03-02", "event": "release_to_third_state", "to": "KR"},
    {"date": "2026-03-03", "event": "resettle"},
]
_BASE = load_scenarios(_EXAMPLE)[0].record
_FIRST = [e.to_dict() for e in _BASE.events if e.name != "receiving_state_consents"]
RECORD = Record.from_dict({**_BASE.to_dict(), "events": [*_FIRST, *_LATER]})
MACHINE = [e for e in RECORD.events if e.event_kind == "machine"]


def replay_case() -> Case:
    """The record replayed, every step judged (no findings)."""
    return Case.replay(RECORD)


def evaluate_case() -> Case:
    """A full case evaluation: the replay, then flags, docket and violations (no JSON)."""
    case = Case.replay(RECORD)
    _ = case.flags
    case.active_flags()
    case.docket()
    _ = case.violations
    _ = case.possible_violations
    return case


def send_through_chart(machine: LegalPath | None = None) -> LegalPath:
    """The record's machine events sent, in order, through ``machine`` (a fresh one if None)."""
    machine = LegalPath() if machine is None else machine
    for event in MACHINE:
        machine.send(event.name, step=event)
    return machine


def construct_chart() -> LegalPath:
    return LegalPath()


def _median_pass(timed: Callable[[], float], passes: int, repeat: int) -> float:
    """The median over ``repeat`` blocks of the mean time of one pass in a block of
    ``passes``; ``timed`` runs one pass and returns the seconds it spent in the timed part.
    """
    timed()  # warm up: imports, caches, first-call costs
    return statistics.median(sum(timed() for _ in range(passes)) / passes for _ in range(repeat))


def _whole(func: Callable[[], object]) -> Callable[[], float]:
    def timed() -> float:
        start = time.perf_counter()
        func()
        return time.perf_counter() - start

    return timed


def _sends_only() -> float:
    machine = LegalPath()  # built outside the timed region
    start = time.perf_counter()
    send_through_chart(machine)
    return time.perf_counter() - start


def _part(read: Callable[[Case], object], *, moments: bool = False) -> Callable[[], float]:
    """One part of the full evaluation, timed alone on a case replayed outside the timed
    region (a case derives each finding once and keeps it, so each pass needs a fresh one);
    with ``moments`` its moments are built outside the timed region too.
    """

    def timed() -> float:
        case = replay_case()
        if moments:
            case.moments()
        start = time.perf_counter()
        read(case)
        return time.perf_counter() - start

    return timed


def _parts() -> dict[str, Callable[[], float]]:
    """Each part of the full evaluation after the replay."""
    return {
        "case.moments() (read by every finding)": _part(lambda case: case.moments()),
        "case.flags": _part(lambda case: case.flags, moments=True),
        "case.docket()": _part(lambda case: case.docket(), moments=True),
        "case.violations + possible_violations": _part(
            lambda case: (case.violations, case.possible_violations), moments=True
        ),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run (the test suite's)")
    args = parser.parse_args(argv)
    passes, repeat = (5, 3) if args.quick else (100, 7)

    case = evaluate_case()
    assert case.state == ["resettled"], case.state
    assert all(step.applied for step in case.steps)
    assert [s.id for s in send_through_chart().configuration] == ["resettled"]

    machine_events = len(MACHINE)
    full = _median_pass(_whole(evaluate_case), passes, repeat) / machine_events
    replay = _median_pass(_whole(replay_case), passes, repeat) / machine_events
    parts = {
        name: _median_pass(timed, passes, repeat) / machine_events
        for name, timed in _parts().items()
    }
    send = _median_pass(_sends_only, passes, repeat) / machine_events
    construct = _median_pass(_whole(construct_chart), passes, repeat)

    rows = [
        ("powcase full evaluation", full),
        ("  of which Case.replay", replay),
        *((f"  of which {name}", seconds) for name, seconds in parts.items()),
        ("LegalPath.send (machine built beforehand)", send),
    ]
    print(f"record: {len(RECORD.events)} events, {machine_events} of them machine events")
    print("cost per machine event (median, warm):")
    for label, seconds in rows:
        print(f"  {label:<50}{seconds * 1e6:9.1f} us")
    print(f"LegalPath construction (excluded): {construct * 1e6:.1f} us per machine")
    ratio = full / send
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"ratio powcase / LegalPath.send per machine event: {ratio:.2f}")
    print(f"target <= {TARGET}: {verdict}")


if __name__ == "__main__":
    main()
