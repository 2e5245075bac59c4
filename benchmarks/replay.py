"""Replay cost per event: powcase's Case beside python-statemachine's own ``send``.

Run it with ``python benchmarks/replay.py``. In one process it replays a realistic 20-event
record (the Ri example's capture, media, offer, wish and request, then a status finding,
consents, a verified wish, the end of hostilities, a release and a resettlement)
through ``Case.replay``, every step judged, and sends the same record's machine events
through a fresh ``LegalPath``; it prints the median cost per event of each and their ratio.
There is no target yet: the number is the baseline to set one.
"""

from __future__ import annotations

import pathlib
import statistics
import timeit

from powcase import Case, LegalPath, Record, load_scenarios

# The Ri example's record (five events), followed by fifteen more: a realistic year of a case.
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
RECORD = Record.from_dict(
    {**_BASE.to_dict(), "events": [*(e.to_dict() for e in _BASE.events), *_LATER]}
)
MACHINE = [e for e in RECORD.events if e.event_kind == "machine"]


def replay_case() -> Case:
    return Case.replay(RECORD)


def send_through_chart() -> LegalPath:
    machine = LegalPath()
    for event in MACHINE:
        machine.send(event.name, step=event)
    return machine


def construct_chart() -> LegalPath:
    return LegalPath()


def median_seconds(func: object, number: int, repeat: int = 7) -> float:
    timer = timeit.Timer(func)  # type: ignore[arg-type]
    timer.timeit(number)  # warm up
    return statistics.median(t / number for t in timer.repeat(repeat, number))


def main() -> None:
    case = replay_case()
    assert case.state == ["resettled"], case.state
    assert all(step.applied for step in case.steps)
    assert [s.id for s in send_through_chart().configuration] == ["resettled"]

    per_case = median_seconds(replay_case, 200) / len(RECORD.events)
    construct = median_seconds(construct_chart, 200)
    per_send = (median_seconds(send_through_chart, 200) - construct) / len(MACHINE)
    print(f"record: {len(RECORD.events)} events, {len(MACHINE)} of them machine events")
    print(f"Case.replay, verdicts included:   {per_case * 1e6:8.1f} us per event")
    print(f"LegalPath.send (warm machine):    {per_send * 1e6:8.1f} us per machine event")
    print(f"LegalPath construction:           {construct * 1e6:8.1f} us per machine")
    print(f"ratio Case event / LegalPath send: {per_case / per_send:7.2f}")


if __name__ == "__main__":
    main()
