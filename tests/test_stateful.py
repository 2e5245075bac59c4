"""The case lifecycle under random events and random readings of the law.

A hypothesis rule-based machine applies random events (mostly ones the legal path has from
the current state, and the incidents that enable them) to a case, and checks after every step
the invariants that users rely on.
"""

import datetime

from hypothesis import settings
from hypothesis.stateful import invariant

from powcase import Assumptions, Case, MachineEvent, Outcome, StepNotPossible
from powcase.engine.table import EVENTS, NODES
from powcase.model.events import EVENT_TYPES
from powcase.testing.stateful import LegalPathMachine

MOVES = {"exchange", "repatriate", "repatriate_medically", "transfer_to_power"}
KP_ALLIES = {"RU": datetime.date(2024, 12, 4), "CN": datetime.date(1950, 10, 19)}


def _wish_free_and_verified(record, index, destination):
    """An independent reading of the wish rule (docs/explanation/legal-model.md#model-wishes):
    a verified wish for ``destination`` with no differing claim since."""
    verified, claims = None, {}
    for event in record.events[:index]:
        if event.name == "wish_verified":
            verified, claims = event.destination, {}
        elif event.name == "wish_expressed":
            claims[event.source] = event.destination
    return verified == destination and all(d == destination for d in claims.values())


def _persecution_states(record, index, on):
    """Where he faces persecution, read independently from the record: KP punishes capture
    (and its allies pass him on), and ``risk_on_return`` names a state."""
    home = record.subject.nationality[0]
    risky = {
        e.state
        for e in record.events[:index]
        if e.name == "risk_on_return" and e.kind == "persecution"
    }
    captured = any(e.name == "capture" for e in record.events[:index])
    if home == "KP" and captured:
        risky |= {"KP"} | {ally for ally, since in KP_ALLIES.items() if since <= on}
    if home in risky:
        risky |= {e.state for e in record.events[:index] if e.name == "risk_on_return"}
    return risky


class CaseLifecycle(LegalPathMachine):
    """The library's own state machine, with the invariants users rely on."""

    @invariant()
    def normative_mode_applies_only_allowed_steps(self):
        if self.case.mode == "normative":
            for step in self.case.steps:
                if step.applied and isinstance(step.event, MachineEvent):
                    assert step.outcome is Outcome.ALLOWED, step

    @invariant()
    def no_return_towards_persecution_without_a_verified_free_wish(self):
        if self.case.mode != "normative" or self.case.assumptions != Assumptions():
            return
        record = self.case.record
        for step in self.case.steps:
            if not step.applied or step.event.name not in MOVES:
                continue
            to = getattr(step.event, "to", None) or record.subject.nationality[0]
            if to in _persecution_states(record, step.index, step.event.date):
                assert _wish_free_and_verified(record, step.index, to), step

    @invariant()
    def replaying_the_record_gives_the_same_case(self):
        case = self.case
        assert Case.replay(case.record, case.assumptions, case.mode) == case

    @invariant()
    def in_custody_exactly_one_state_of_each_region_is_active(self):
        active = self.case.position.active
        if "in_custody" in active:
            for region in NODES["in_custody"].children:
                leaves = [s for s in NODES[region].children if s in active]
                assert len(leaves) == 1, (region, active)

    @invariant()
    def a_final_state_accepts_no_machine_event(self):
        if not self.case.finished:
            return
        for name in EVENTS:
            event = _minimal(name, self.day)
            verdict = self.case.verdict(event)
            assert [r.code for r in verdict.reasons] == ["not_possible_from_state"]
            try:
                self.case.apply(event)
            except StepNotPossible:
                continue
            raise AssertionError(f"{name} was accepted in {self.case.state}")


def _minimal(name, day):
    required = {
        "determine_status": {"outcome": "pow", "by": "tribunal"},
        "request_protection": {"kind": "asylum"},
        "decide_protection": {"granted": True},
        "charge": {"offence": "war_crime"},
        "exchange": {"to": "RU"},
        "repatriate_medically": {"to": "RU"},
        "intern_in_neutral_state": {"state": "CH"},
        "hand_over_to_neutral_custody": {"state": "IN"},
        "transfer_to_power": {"to": "GB"},
        "release_to_third_state": {"to": "KR"},
    }
    return EVENT_TYPES[name](date=day, **required.get(name, {}))


CaseLifecycle.TestCase.settings = settings(settings(), stateful_step_count=30)
TestCaseLifecycle = CaseLifecycle.TestCase
