"""The number that stands for his circumstances in the keys of remembered answers: the same
circumstances always get the same number, different ones never do, whatever was asked just
before (the rules remember answers about states under it, so a number shared by two
circumstances would answer for one what was found for the other).
"""

from __future__ import annotations

import datetime

import pytest

from powcase import Case, Subject
from powcase.engine.facts import Facts
from powcase.law.book import Law
from powcase.law.situation import context_of

RI = Subject(id="ri", nationality=["KP"], forces="KP")
ON = datetime.date(2025, 1, 9)
CAPTURED = Facts().replaced(captured_on=ON)
# Facts that keep what he did share the value itself, as a record's steps do: worked out
# before the next facts are made from them.
assert CAPTURED.acts == {"capture"}
AT_RISK = CAPTURED.replaced(risks=(("RU", "torture"),))
LIFTED = AT_RISK.replaced(lifted=(("RU", "torture"),))
assert AT_RISK.acts is CAPTURED.acts
assert LIFTED.acts is CAPTURED.acts
assert LIFTED.risks is AT_RISK.risks


@pytest.fixture
def law() -> Law:
    fresh = Law.packaged()
    fresh.memo.clear()
    return fresh


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ((Facts(), ON), (CAPTURED, ON)),
        ((CAPTURED, ON), (AT_RISK, ON)),
        ((AT_RISK, ON), (LIFTED, ON)),
        # North Korea's alliance with Russia starts on 2024-12-04: another period of the law.
        ((CAPTURED, datetime.date(2024, 12, 3)), (CAPTURED, datetime.date(2024, 12, 4))),
    ],
    ids=["acts", "risks", "lifted", "period"],
)
def test_a_change_of_circumstances_gets_another_number_and_a_return_the_same(law, first, then):
    shared: list = []
    number = context_of(RI, *first, law, shared)
    other = context_of(RI, *then, law, shared)
    assert other != number
    assert context_of(RI, *then, law, shared) == other
    assert context_of(RI, *first, law, shared) == number
    assert context_of(RI, *first, law, []) == number


def test_his_forces_are_part_of_his_circumstances(law):
    """A North Korean in Russian forces answers to Russia's treatment of its soldiers too."""
    recruit = Subject(id="recruit", nationality=["KP"], forces="RU")
    assert context_of(recruit, CAPTURED, ON, law, []) != context_of(RI, CAPTURED, ON, law, [])


def test_a_risk_asked_about_before_his_capture_is_asked_again_after_it():
    """Fallen hors de combat, then captured: North Korea punishes capture, so the risk of
    persecution stands from his capture, though his state was asked about the day before.
    """
    opened = Case.open(RI, "UA")
    for event in (
        {"date": "2025-01-08", "event": "fall_hors_de_combat", "cause": "wounded"},
        {"date": "2025-01-09", "event": "capture"},
    ):
        opened = opened.apply(event, on_refusal="record")
    (entry,) = [f for f in opened.flags if f.code == "persecution_on_return"]
    assert (entry.since.isoformat(), entry.because) == ("2025-01-09", (1,))
