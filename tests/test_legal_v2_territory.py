"""Where he was captured: occupied territory changes the Fourth Convention's rules for a
protected person (GCIV-49, GCIV-71 to 74, GCIV-78; GCIV-126 for internees held in the
detaining state's own territory).

Each test names the provision it rests on; each failed on the first version of the model.
"""

import pytest

from powcase import Case, InvalidInput, Outcome, Subject

RESIDENT = Subject(id="resident", nationality=["RU"])


def ev(date, event, **fields):
    return {"date": date, "event": event, **fields}


def interned(territory, *later):
    case = Case.open(RESIDENT, "UA")
    steps = [
        ev("2024-08-20", "capture", **({"territory": territory} if territory else {})),
        ev("2024-09-02", "determine_status", outcome="civilian_internee", by="tribunal"),
        *later,
    ]
    for step in steps:
        case = case.apply(step, on_refusal="record")
    return case


def review(case):
    (item,) = [o for o in case.docket() if o.code == "internment_review"]
    return item


class TestTheInternmentReview:
    def test_captured_in_occupied_territory_it_is_reviewed_under_gciv_78(self):
        assert review(interned("occupied")).provision == "GCIV-78"

    def test_captured_in_its_own_territory_it_is_reviewed_under_gciv_43(self):
        assert review(interned("own")).provision == "GCIV-43"

    def test_where_the_record_does_not_say_gciv_43_applies(self):
        assert review(interned(None)).provision == "GCIV-43"


class TestTrials:
    def test_in_occupied_territory_the_trial_rules_are_gciv_71_to_74(self):
        charged = ev("2024-10-01", "charge", offence="ordinary_crime")
        convicted = ev("2024-11-01", "convict", fair_trial=False)
        step = interned("occupied", charged, convicted).steps[-1]
        assert step.outcome is Outcome.REFUSED
        for article in ("GCIV-71", "GCIV-72", "GCIV-73", "GCIV-74"):
            assert article in step.cites
        assert "GCIV-126" not in step.cites

    def test_an_internee_held_at_home_has_them_by_analogy_gciv_126(self):
        charged = ev("2024-10-01", "charge", offence="ordinary_crime")
        step = interned("own", charged).steps[-1]
        assert {"GCIV-126", "GCIV-71"} <= set(step.cites)

    def test_never_the_third_convention_s_gciii_84(self):
        charged = ev("2024-10-01", "charge", offence="ordinary_crime")
        step = interned("occupied", charged).steps[-1]
        assert "GCIII-84" not in step.cites


class TestTransfersOutOfOccupiedTerritory:
    def test_a_protected_person_from_occupied_territory_is_not_transferred_gciv_49(self):
        consent = ev("2024-09-10", "receiving_state_consents", state="BY")
        transfer = ev("2024-09-11", "transfer_to_power", to="BY")
        step = interned("occupied", consent, transfer).steps[-1]
        assert step.outcome is Outcome.REFUSED
        (reason,) = [r for r in step.reasons if r.code == "transfer_out_of_occupied_territory"]
        assert reason.kind == "prohibition"
        assert "GCIV-49" in reason.cites

    def test_from_its_own_territory_the_bar_does_not_apply_gciv_49(self):
        consent = ev("2024-09-10", "receiving_state_consents", state="BY")
        transfer = ev("2024-09-11", "transfer_to_power", to="BY")
        step = interned("own", consent, transfer).steps[-1]
        assert "transfer_out_of_occupied_territory" not in [r.code for r in step.reasons]


def test_territory_takes_one_of_four_values():
    with pytest.raises(InvalidInput) as raised:
        interned("kursk")
    assert "territory" in str(raised.value)
