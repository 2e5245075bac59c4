"""The end of hostilities is between states: it frees the prisoners of a pair of parties only.

GCIII-118 ties release and repatriation to the end of active hostilities between the detaining
power and the power he depends on. A ceasefire between two parties does not end the war for
the others: a North Korean soldier held by Ukraine is not due home because Ukraine and Russia
stopped fighting, unless the end covers North Korea too. An end that names no states ends the
conflict for every party (the form the model had before).

Each test names the provision it rests on; each failed on the first version of the model.
"""

import datetime

import pytest

from powcase import Assumptions, Case, InvalidInput, Outcome, Subject
from powcase.law.docket import Status

D = datetime.date
KP = Subject(id="ri", nationality=["KP"], forces="KP")
RU = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture"}


def ev(date, event, **fields):
    return {"date": date, "event": event, **fields}


def case(*steps, subject=KP, holder="UA", **assumed):
    opened = Case.open(subject, holder, assumptions=Assumptions(**assumed))
    for step in steps:
        opened = opened.apply(step, on_refusal="record")
    return opened


def repatriation(c):
    return [o for o in c.docket() if o.code == "repatriation"]


UA_RU = ev("2025-06-01", "hostilities_ended", between=["UA", "RU"])
UA_KP = ev("2025-06-01", "hostilities_ended", between=["UA", "KP"])
EVERYONE = ev("2025-06-01", "hostilities_ended")


class TestAnEndBetweenOnePairOfParties:
    def test_an_end_between_others_starts_no_repatriation_duty_gciii_118(self):
        c = case(CAPTURE, UA_RU)
        assert repatriation(c) == []

    def test_an_end_between_his_captor_and_his_power_starts_it_gciii_118(self):
        (entry,) = repatriation(case(CAPTURE, UA_KP))
        assert (entry.provision, entry.started, entry.status) == (
            "GCIII-118",
            D(2025, 6, 1),
            Status.PENDING,
        )

    def test_an_end_naming_no_states_ends_it_for_every_pair_gciii_118(self):
        (entry,) = repatriation(case(CAPTURE, EVERYONE))
        assert entry.started == D(2025, 6, 1)

    def test_his_repatriation_is_due_at_the_end_between_his_captor_and_his_power_gciii_118(self):
        # Before it, a return is not yet due, though not forbidden: a note, not a refusal.
        back = ev("2025-06-02", "repatriate")
        # With the risks at home lifted: non-refoulement would refuse a return to KP either way
        # (during hostilities whatever the reading of the human-rights bars: no rule of IHL
        # requires a return then, so none displaces them).
        lifted = [
            ev("2025-01-10", "risk_lifted", state="KP", kind=kind)
            for kind in ("enforced_disappearance", "torture", "death")
        ]
        readings = {"ihl_non_refoulement": "strict_text"}
        early = case(CAPTURE, *lifted, UA_RU, back, **readings).steps[-1]
        assert early.outcome is Outcome.ALLOWED
        assert "repatriation_before_due" in [r.code for r in early.reasons]
        assert "repatriation_due" not in [r.code for r in early.reasons]
        due = case(CAPTURE, *lifted, UA_KP, back, **readings).steps[-1]
        assert "repatriation_due" in [r.code for r in due.reasons]
        assert "repatriation_before_due" not in [r.code for r in due.reasons]

    def test_the_pair_is_his_captor_and_his_power_of_origin_gciii_118(self):
        # A Russian soldier's war with Ukraine ended between UA and RU: his duty starts.
        (entry,) = repatriation(case(CAPTURE, UA_RU, subject=RU))
        assert entry.started == D(2025, 6, 1)

    def test_a_later_end_for_his_pair_starts_it_on_its_own_day_gciii_118(self):
        later = ev("2025-09-01", "hostilities_ended", between=["KP", "UA"])
        (entry,) = repatriation(case(CAPTURE, UA_RU, later))
        assert entry.started == D(2025, 9, 1)

    def test_a_release_to_a_third_state_is_during_hostilities_until_his_pair_ends_gciii_118(self):
        steps = (
            CAPTURE,
            ev("2025-02-01", "receiving_state_consents", state="KR"),
            ev("2025-02-02", "wish_verified", destination="KR", by="ICRC"),
            UA_RU,
            ev("2025-06-02", "release_to_third_state", to="KR"),
        )
        barred = case(*steps, third_state_release="barred").steps[-1]
        assert barred.outcome is Outcome.REFUSED
        assert "release_barred_during_hostilities" in [r.code for r in barred.reasons]

    def test_between_must_name_states(self):
        with pytest.raises(InvalidInput) as raised:
            case(CAPTURE, ev("2025-06-01", "hostilities_ended", between=["Ukraine"]))
        assert "between" in str(raised.value)
