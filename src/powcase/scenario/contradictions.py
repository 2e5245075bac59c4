"""Records that contradict themselves: facts that cannot all be true, told as warnings.

A scenario can be valid field by field and still say two things that cannot both hold. Only
contradictions that are certain are reported, each with the key path of the fact to check:

- a ``capture`` by the state whose forces he served in, or by a state allied with it (or on
  its side of an armed conflict) on that day: a capture is by the adverse party;
- a record whose detaining power is the state whose forces he served in, yet which records his
  capture.

A capture by another state than the detaining power is *not* reported: an ally of the
detaining power may capture him and hand him over, and the law notes it on the step.
The command shows each as one line on standard error; it is never an error.
"""

from __future__ import annotations

import attrs

from powcase._util.problems import join
from powcase.model import events as ev
from powcase.scenario.model import Scenario

__all__ = ["Contradiction", "RecordContradiction", "contradictions"]


class RecordContradiction(UserWarning):
    """A scenario file whose record contradicts itself (see :func:`contradictions`)."""


@attrs.frozen
class Contradiction:
    """One certain contradiction: the key path of the fact to check, and what is wrong."""

    path: str
    message: str


def _same_side(scenario: Scenario, forces: str, state: str, event: ev.Event) -> str | None:
    """Why ``state`` is on the side of ``forces`` on the event's day, or None."""
    law = scenario.law
    if state == forces:
        return f"{state} is the state whose forces he served in"
    if state in law.allies(forces, event.date):
        return f"{state} is allied with {forces}, whose forces he served in, on {event.date}"
    theirs = law.sides(forces, event.date)
    ours = law.sides(state, event.date)
    shared = sorted(c for c in theirs if ours.get(c) == theirs[c])
    if shared:
        return f"{state} is on the side of {forces} in {shared[0]} on {event.date}"
    return None


def contradictions(scenario: Scenario) -> list[Contradiction]:
    """The certain contradictions of a scenario's record, in the order of the file.

    >>> from powcase.scenario.model import parse_scenarios
    >>> (s,), _ = parse_scenarios({"powcase": 1, "detaining_power": "UA",
    ...     "subject": {"id": "x", "nationality": ["KP"], "forces": "KP"},
    ...     "events": [{"date": "2025-01-09", "event": "capture", "by": "RU"}]}, "f.yaml", ())
    >>> print(contradictions(s)[0].message)
    he is captured by RU, but RU is allied with KP, whose forces he served in, on 2025-01-09
    """
    record = scenario.record
    forces = record.subject.forces
    found: list[Contradiction] = []
    if forces is None:
        return found
    for index, event in enumerate(record.events):
        if not isinstance(event, ev.Capture):
            continue
        path = join(scenario.path, f"events[{index}]")
        if event.by is not None:
            why = _same_side(scenario, forces, event.by, event)
            if why is not None:
                found.append(
                    Contradiction(join(path, "by"), f"he is captured by {event.by}, but {why}")
                )
        elif record.detaining_power == forces:
            found.append(
                Contradiction(
                    join(scenario.path, "detaining_power"),
                    f"the detaining power {forces} is the state whose forces he served in, "
                    f"yet events[{index}] records his capture",
                )
            )
    return found
