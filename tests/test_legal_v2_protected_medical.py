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


@pytest.mark.parametrize("move", ["repatriate", "exchange"])
def test_a_detainee_who_is_no_prisoner_of_war_is_not_judged_under_gciii_109_3(move):
    # His own state's national in the enemy's forces, found an unprivileged spy: neither a
    # prisoner of war nor a protected person (GCIV-4 excludes a state's own nationals).
    own_national = Subject(id="own_national", nationality=["UA"], forces="RU")
    spy = {
        "date": "2024-09-01",
        "event": "determine_status",
        "outcome": "unprivileged_detainee",
        "by": "tribunal",
        "grounds": "spy",
    }
    detainee = held(own_national, CAPTURE, spy, FOUND)
    assert detainee.state[1] == "unprivileged_detainee"
    verdict = detainee.verdict({"date": "2024-10-01", "event": move, "to": "RU"})
    assert "GCIII-109(3)" not in verdict.cites


def test_a_civilian_internee_s_medical_repatriation_is_not_the_third_convention_s():
    # GCIII-109 and GCIII-110 are a prisoner's route home; an internee goes free once the
    # grounds for interning him cease (GCIV-132), at the latest when hostilities close.
    internee = held(RESIDENT, CAPTURE, INTERNED, FOUND)
    verdict = internee.verdict({"date": "2024-10-01", "event": "repatriate_medically", "to": "RU"})
    gciii = [c for c in verdict.cites if c.startswith("GCIII-")]
    assert gciii == []
    assert "internment_ends_when_grounds_cease" in {r.code for r in verdict.reasons}


@pytest.mark.parametrize(
    ("subject", "status", "applies"),
    [
        (RESIDENT, INTERNED, False),
        (
            SOLDIER,
            {
                "date": "2024-09-01",
                "event": "determine_status",
                "outcome": "pow",
                "by": "tribunal",
            },
            True,
        ),
    ],
)
def test_transferred_he_keeps_the_regime_he_was_held_under(subject, status, applies):
    # GCIII-12(2), GCIV-45(3): transferred, he is what he was: a civilian internee is still
    # no prisoner of war, a prisoner of war still one.
    case = Case.open(subject, "UA", mode="descriptive")
    moved = {"date": "2024-09-20", "event": "transfer_to_power", "to": "GB"}
    for event in (CAPTURE, status, FOUND, moved):
        case = case.apply(event)
    assert case.state == ["transferred_to_third_power"]
    verdict = case.verdict({"date": "2024-10-01", "event": "repatriate", "to": "RU"})
    assert ("GCIII-109(3)" in verdict.cites) is applies
