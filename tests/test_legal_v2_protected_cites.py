"""What a protected person's steps, flags and docket cite: the Fourth Convention's articles,
never the Third's (the lawyer's review of the civilian example, GCIV-4).
"""

import datetime

from powcase import Assumptions, Case, Outcome, Subject

CIVILIAN = Subject(id="resident", nationality=["RU"], membership="none")
OWN_NATIONAL = Subject(id="citizen", nationality=["UA"], membership="none")
SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
IN_KURSK = {"date": "2024-08-20", "event": "capture", "territory": "occupied"}
INTERNED = {
    "date": "2024-08-25",
    "event": "determine_status",
    "outcome": "civilian_internee",
    "by": "authority",
}


def case(*events, subject=CIVILIAN, **assumptions):
    opened = Case.open(subject, "UA", assumptions=Assumptions(**assumptions))
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def test_a_protected_persons_unconfirmed_icrc_access_cites_gciv_143():
    late = {"date": "2024-12-01", "event": "capture_card_sent"}
    flags = case(IN_KURSK, INTERNED, late).flags
    (flag,) = [f for f in flags if f.code == "icrc_access_unconfirmed"]
    assert flag.cites == ("GCIV-143",)


def test_a_prisoner_of_wars_unconfirmed_icrc_access_still_cites_gciii_126():
    late = {"date": "2025-06-01", "event": "capture_card_sent"}
    c = case({"date": "2025-01-09", "event": "capture"}, late, subject=SOLDIER)
    (flag,) = [f for f in c.flags if f.code == "icrc_access_unconfirmed"]
    assert flag.cites == ("GCIII-126",)


def test_a_death_in_internment_cites_gciv_129_and_gciv_131():
    died = {"date": "2024-09-01", "event": "die", "cause": "killed_by_guard"}
    step = case(IN_KURSK, INTERNED, died).steps[-1]
    assert step.applied
    assert {"GCIV-129", "GCIV-131"} <= set(step.cites)
    assert not {"GCIII-120", "GCIII-121"} & set(step.cites)


def test_a_prisoner_of_wars_death_in_custody_still_cites_gciii_120_and_121():
    died = {"date": "2025-02-01", "event": "die", "cause": "killed_by_guard"}
    step = case({"date": "2025-01-09", "event": "capture"}, died, subject=SOLDIER).steps[-1]
    assert {"GCIII-120", "GCIII-121"} <= set(step.cites)


def test_an_internees_return_home_after_hostilities_cites_gciv_133_not_gciii_118():
    ended = {"date": "2025-06-01", "event": "hostilities_ended"}
    home = {"date": "2025-06-02", "event": "repatriate"}
    step = case(IN_KURSK, INTERNED, ended, home, ihl_non_refoulement="strict_text").steps[-1]
    assert step.applied, step.verdict
    assert "GCIV-133" in step.cites
    assert "GCIII-118" not in step.cites


def test_a_soldiers_return_home_after_hostilities_still_cites_gciii_118():
    ended = {"date": "2025-06-01", "event": "hostilities_ended"}
    home = {"date": "2025-06-02", "event": "repatriate"}
    c = case({"date": "2025-01-09", "event": "capture"}, ended, home, subject=SOLDIER)
    assert "GCIII-118" in c.steps[-1].cites


def test_the_detaining_powers_own_national_is_not_a_civilian_internee_gciv_4():
    tribunal = dict(INTERNED, by="tribunal")
    verdict = case(IN_KURSK, subject=OWN_NATIONAL).verdict(tribunal)
    assert verdict.outcome is Outcome.REFUSED
    (reason,) = [r for r in verdict.reasons if r.code == "not_protected_person"]
    assert reason.cites == ("GCIV-4",)


def test_a_foreign_civilian_may_be_found_a_civilian_internee_by_a_tribunal_gciv_4():
    tribunal = dict(INTERNED, by="tribunal", date=str(datetime.date(2024, 8, 25)))
    assert case(IN_KURSK).verdict(tribunal).outcome is Outcome.ALLOWED


def test_an_internees_release_to_a_third_state_rests_on_gciv_not_gciii_gciv_132():
    """The third lawyer's reading: an internee's release to a third state cited the prisoner
    of war rules and rested on third_state_release, an assumption about prisoners of war.
    """
    consents = {"date": "2024-09-01", "event": "receiving_state_consents", "state": "GB"}
    wish = {
        "date": "2024-09-02",
        "event": "wish_verified",
        "destination": "GB",
        "verifier": "icrc",
    }
    release = {"date": "2024-09-03", "event": "release_to_third_state", "to": "GB"}
    verdict = case(IN_KURSK, INTERNED, consents, wish).verdict(release)
    assert verdict.outcome is Outcome.ALLOWED, [r.text for r in verdict.reasons]
    assert not [c for c in verdict.cites if c.startswith("GCIII-")]
    assert "third_state_release" not in verdict.assumptions
    assert "GCIV-132" in verdict.cites


def test_an_internees_early_return_is_due_once_the_grounds_cease_gciv_132():
    """The third lawyer's reading: GCIV-133 sets only the latest point; an internee is
    released as soon as the grounds for interning him cease (GCIV-132).
    """
    home = {"date": "2024-10-01", "event": "repatriate"}
    verdict = case(IN_KURSK, INTERNED, ihl_non_refoulement="strict_text").verdict(home)
    (found,) = [r for r in verdict.reasons if r.code == "internment_ends_when_grounds_cease"]
    assert found.cites == ("GCIV-132", "GCIV-133")
    assert "repatriation_before_due" not in {r.code for r in verdict.reasons}


def _information(c):
    return [o for o in c.docket() if o.code == "information"]


def test_a_civilians_information_item_starts_after_two_weeks_in_custody_gciv_136():
    """The third lawyer's reading: the bureau's information is due on protected persons
    kept in custody for more than two weeks, or interned (GCIV-136), not from capture.
    """
    (item,) = _information(case(IN_KURSK, {"date": "2024-10-01", "event": "capture_card_sent"}))
    assert item.provision == "GCIV-137"
    assert item.started == datetime.date(2024, 9, 3)


def test_or_from_his_internment_if_that_comes_first_gciv_136():
    (item,) = _information(case(IN_KURSK, INTERNED))
    assert item.started == datetime.date(2024, 8, 25)
