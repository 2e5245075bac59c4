"""GCIII-109(3) protects a sick or wounded prisoner of war; it does not govern a civilian.

A civilian internee is protected by the Fourth Convention (GCIV-4), and the Third Convention's
rules on the repatriation of sick and wounded prisoners (GCIII-109, GCIII-110) are not his:
a medical finding recorded under GCIII-110(1) does not make a return of his need his consent
under GCIII-109(3). Each test failed on the model before this change.
"""

import pytest

from powcase import Case, Subject

RESIDENT = Subject(id="resident", nationality=["RU"], membership="none")
SOLDIER = Subject(id="soldier", nationality=["RU"], forces="RU")

CAPTURE = {"date": "2024-08-20", "event": "capture"}
INTERNED = {
    "date": "2024-09-02",
    "event": "determine_status",
    "outcome": "civilian_internee",
    "by": "authority",
    "grounds": "civilian",
}
FOUND = {"date": "2024-09-10", "event": "medical_assessment", "category": "gcIII_110_1"}


def held(subject, *events):
    case = Case.open(subject, "UA")
    for event in events:
        case = case.apply(event)
    return case


@pytest.mark.parametrize("move", ["repatriate", "exchange"])
def test_a_civilian_internee_s_return_is_not_judged_under_gciii_109_3(move):
    internee = held(RESIDENT, CAPTURE, INTERNED, FOUND)
    verdict = internee.verdict({"date": "2024-10-01", "event": move, "to": "RU"})
    assert "GCIII-109(3)" not in verdict.cites
    assert "against_his_will" not in {r.code for r in verdict.reasons}


@pytest.mark.parametrize("move", ["repatriate", "exchange"])
def test_a_prisoner_of_war_s_return_still_is_gciii_109_3(move):
    prisoner = held(SOLDIER, CAPTURE, FOUND)
    verdict = prisoner.verdict({"date": "2024-10-01", "event": move, "to": "RU"})
    assert "GCIII-109(3)" in verdict.cites
    assert "against_his_will" in {r.code for r in verdict.reasons}


def test_a_prisoner_interned_in_a_neutral_state_still_is_gciii_109_3():
    interned = held(
        SOLDIER,
        CAPTURE,
        FOUND,
        {
            "date": "2024-09-20",
            "event": "agreement_concluded",
            "kind": "neutral_internment",
            "between": ["UA", "CH"],
        },
        {"date": "2024-09-21", "event": "intern_in_neutral_state", "state": "CH"},
    )
    assert interned.state == ["interned_in_neutral_state"]
    verdict = interned.verdict({"date": "2024-10-01", "event": "repatriate", "to": "RU"})
    assert "GCIII-109(3)" in verdict.cites
