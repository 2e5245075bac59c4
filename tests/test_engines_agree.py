"""The python-statemachine chart and the derived replay engine agree: the same configuration
after every event, the same refusal of moves the chart does not have, on every reachable
configuration. The chart is the one definition of the legal path and the replay engine is
derived from it; this test is what keeps the two from drifting apart."""

from collections import deque

import pytest
from hypothesis import given
from hypothesis import strategies as st
from statemachine.exceptions import TransitionNotAllowed

from powcase import LegalPath, event_from_dict
from powcase.engine.table import EVENTS, fire, initial_position

DAY = "2025-01-09"
FIELDS = {
    "determine_status": [
        {"outcome": o, "by": "tribunal"}
        for o in ("pow", "civilian_internee", "unprivileged_detainee")
    ],
    "decide_protection": [{"granted": True}, {"granted": False}],
    "request_protection": [{"kind": "asylum"}],
    "charge": [{"offence": "war_crime"}],
    "exchange": [{"to": "RU"}],
    "repatriate_medically": [{"to": "RU"}],
    "intern_in_neutral_state": [{"state": "CH"}],
    "hand_over_to_neutral_custody": [{"state": "IN", "custodian": "NNRC"}],
    "transfer_to_power": [{"to": "GB"}],
    "release_to_third_state": [{"to": "KR"}],
}
SAMPLES = [
    event_from_dict({"date": DAY, "event": name, **fields})
    for name in EVENTS
    for fields in FIELDS.get(name, [{}])
]


RESTORING = {"escaped", "transferred_to_third_power", "in_neutral_custody"}


def _key(position):
    """What can change the next step: the memories matter only where a move restores them."""
    memory = position.history if position.active & RESTORING else None
    return position.active, position.escaped_from, memory


def _reachable():
    """Every distinct reachable position, with a path of events to it.

    Positions that differ only in a memory no move from them reads are walked once.
    """
    start = initial_position()
    paths = {_key(start): (start, ())}
    queue = deque([start])
    while queue:
        position = queue.popleft()
        _, path = paths[_key(position)]
        for event in SAMPLES:
            after = fire(position, event.name, event)
            if after is not None and _key(after) not in paths:
                paths[_key(after)] = (after, (*path, event))
                queue.append(after)
    return dict(paths.values())


REACHABLE = _reachable()


def _live(path):
    machine = LegalPath()
    for event in path:
        machine.send(event.name, step=event)
    return machine


def _active(machine):
    return frozenset(s.id for s in machine.configuration)


def test_the_walk_reaches_every_custody_configuration():
    custody = {p.configuration for p in REACHABLE if "in_custody" in p.active}
    assert len(custody) == 5 * 4 * 3


def test_both_engines_agree_on_every_reachable_configuration():
    for position, path in REACHABLE.items():
        machine = _live(path)
        assert _active(machine) == position.active
        for event in SAMPLES:
            expected = fire(position, event.name, event)
            if expected is None:
                with pytest.raises(TransitionNotAllowed):
                    machine.send(event.name, step=event)
                assert _active(machine) == position.active  # refused: unchanged, reusable
            else:
                machine.send(event.name, step=event)
                assert _active(machine) == expected.active, (path, event)
                machine = _live(path)


@given(st.lists(st.sampled_from(SAMPLES), max_size=25))
def test_both_engines_agree_along_random_paths(events):
    machine = LegalPath()
    position = initial_position()
    for event in events:
        after = fire(position, event.name, event)
        if after is None:
            with pytest.raises(TransitionNotAllowed):
                machine.send(event.name, step=event)
        else:
            machine.send(event.name, step=event)
            position = after
        assert _active(machine) == position.active
