"""What a transition itself rests on: of the provisions its guard names, the customary rules
and the treaty articles that bind the acting state that day, an article that does not bind
giving way to its customary rule, each once; never an interpretive text or national law
(those are cited only by the reasons that read them).
"""

from __future__ import annotations

import datetime

import pytest

from powcase import Assumptions, Subject
from powcase.engine.facts import Facts
from powcase.engine.table import initial_position
from powcase.law.book import Law
from powcase.law.judging import LawJudge, _transition
from powcase.model import events as ev

D = datetime.date.fromisoformat
BEFORE, AFTER = D("1982-03-01"), D("1982-08-01")  # API-41 binds KR from 1982-07-15


@pytest.fixture
def law() -> Law:
    fresh = Law.packaged()
    fresh.memo.clear()
    return fresh


@pytest.mark.parametrize(
    ("acting", "on", "cites", "kept"),
    [
        ("KR", BEFORE, ("API-41",), ("CIHL-47",)),
        ("KR", AFTER, ("API-41",), ("API-41",)),
        ("KR", AFTER, ("API-41", "CIHL-47"), ("API-41", "CIHL-47")),
        ("KR", BEFORE, ("API-41", "CIHL-47"), ("CIHL-47",)),
        ("US", AFTER, ("API-41", "CIHL-47"), ("CIHL-47",)),
        ("UA", D("2025-01-09"), ("GCIII-118", "ICRC-COM-2020-GCIII-118"), ("GCIII-118",)),
        ("UA", D("2025-01-09"), ("UA-REF-LAW-3", "RC-33"), ("RC-33",)),
    ],
)
def test_a_transition_cites_what_binds_the_acting_state(law, acting, on, cites, kept):
    assert _transition(law, acting, on, cites) == kept


RI = Subject(id="ri", nationality=["KP"], forces="KP")


def _cites(law: Law, holder: str, event: ev.MachineEvent) -> tuple[str, ...]:
    judge = LawJudge(RI, holder, Assumptions(), law)
    return judge.transition_cites(initial_position(), Facts(), event)


def test_what_a_transition_rests_on_is_remembered_per_event_state_and_period(law):
    """Asked in one law's memory in turn: the answer for one event, state or period never
    stands in for another's.
    """
    fall = ev.FallHorsDeCombat(date=AFTER, cause="wounded")
    earlier = ev.FallHorsDeCombat(date=BEFORE, cause="wounded")
    rejoin = ev.RejoinForces(date=AFTER)
    assert _cites(law, "KR", fall) == ("API-41", "CIHL-47")
    assert _cites(law, "KR", earlier) == ("CIHL-47",)
    assert _cites(law, "US", fall) == ("CIHL-47",)
    assert _cites(law, "KR", rejoin) == ("CIHL-47",)
    assert _cites(law, "KR", ev.Capture(date=AFTER)) == ()
    assert _cites(law, "KR", fall) == ("API-41", "CIHL-47")
