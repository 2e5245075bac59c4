"""A second lawyer's reading of the examples: a civilian's trial and transfer, the docket's
texts and dates, and the flags' cites (GCIV-5, GCIV-49, GCIV-71 to 74, GCIV-78, GCIV-106,
GCIV-126, API-75(4), ICCPR-14, CIHL-100, GCIII-109, GCIII-118).
"""

import datetime

import pytest

from powcase import Assumptions, Case, Outcome, Subject
from powcase.errors import LawDataError
from powcase.law.book import Law

CIVILIAN = Subject(id="resident", nationality=["RU"], membership="none")
IN_KURSK = {"date": "2024-08-20", "event": "capture", "territory": "occupied"}
AT_HOME = {"date": "2024-08-20", "event": "capture", "territory": "own"}
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


def charge(offence):
    return {"date": "2024-10-01", "event": "charge", "offence": offence}


UNFAIR = {"date": "2024-11-01", "event": "convict", "fair_trial": False}


# --- 1. a civilian's trial


def test_an_ordinary_crime_of_an_internee_cites_gciv_71_to_74_iccpr_14_cihl_100_not_api_75_4():
    """API-75(4) covers offences related to the armed conflict; GCIV-5 one suspected of
    hostile activity, which nothing on record alleges.
    """
    step = case(IN_KURSK, INTERNED, charge("ordinary_crime")).steps[-1]
    assert step.applied
    assert {"GCIV-71", "GCIV-72", "GCIV-73", "GCIV-74", "ICCPR-14", "CIHL-100"} <= set(step.cites)
    assert not {"API-75(4)", "GCIV-5"} & set(step.cites)


def test_an_unfair_trial_for_an_ordinary_crime_is_refused_without_api_75_4_or_gciv_5():
    verdict = case(IN_KURSK, INTERNED, charge("ordinary_crime")).verdict(UNFAIR)
    assert verdict.outcome is Outcome.REFUSED
    (reason,) = [r for r in verdict.reasons if r.code == "unfair_trial"]
    assert set(reason.cites) == {
        "GCIV-71",
        "GCIV-72",
        "GCIV-73",
        "GCIV-74",
        "ICCPR-14",
        "CIHL-100",
    }


def test_an_internee_in_the_detaining_states_territory_is_tried_under_gciv_126():
    step = case(AT_HOME, INTERNED, charge("ordinary_crime")).steps[-1]
    assert {"GCIV-126", "GCIV-71", "ICCPR-14", "CIHL-100"} <= set(step.cites)
    assert not {"API-75(4)", "GCIV-5"} & set(step.cites)


def test_a_war_crime_charge_of_an_internee_cites_api_75_4_but_not_gciv_5():
    step = case(IN_KURSK, INTERNED, charge("war_crime")).steps[-1]
    assert {"API-75(4)", "ICCPR-14", "GCIV-71"} <= set(step.cites)
    assert "GCIV-5" not in step.cites


def test_a_protected_person_tried_for_taking_part_in_hostilities_cites_api_75_4_and_gciv_5():
    """GCIV-5: suspected of activity hostile to the security of the state, he keeps a fair
    trial; API-75(4): the offence is related to the armed conflict.
    """
    verdict = case(IN_KURSK, INTERNED, charge("participation_in_hostilities")).verdict(UNFAIR)
    (reason,) = [r for r in verdict.reasons if r.code == "unfair_trial"]
    assert {"API-75(4)", "GCIV-5", "ICCPR-14", "GCIV-71"} <= set(reason.cites)


def test_an_unprivileged_detainees_ordinary_crime_cites_gciv_5_but_not_api_75_4():
    """GCIV-5: found to have taken part without the privilege, he is suspected of hostile
    activity; API-75(4) still covers only offences related to the armed conflict.
    """
    soldier = Subject(id="ivan", nationality=["RU"], forces="RU")
    found = {
        "date": "2024-09-01",
        "event": "determine_status",
        "outcome": "unprivileged_detainee",
        "by": "tribunal",
        "grounds": "other",
    }
    c = case(
        {"date": "2024-08-20", "event": "capture"},
        found,
        charge("ordinary_crime"),
        subject=soldier,
    )
    (reason,) = [r for r in c.verdict(UNFAIR).reasons if r.code == "unfair_trial"]
    assert {"GCIV-5", "ICCPR-14", "CIHL-100"} <= set(reason.cites)
    assert "API-75(4)" not in reason.cites


# --- 2. a transfer out of occupied territory


def test_a_transfer_out_of_occupied_territory_cites_gciv_49_not_gciv_45():
    """GCIV-45 is in the section on aliens in a party's own territory; out of occupied
    territory GCIV-49 governs.
    """
    move = {"date": "2024-11-01", "event": "transfer_to_power", "to": "GB"}
    verdict = case(IN_KURSK, INTERNED).verdict(move)
    assert verdict.outcome is Outcome.REFUSED
    codes = {r.code for r in verdict.reasons}
    assert "transfer_out_of_occupied_territory" in codes
    assert "receiver_has_not_consented" not in codes
    assert not [c for r in verdict.reasons for c in r.cites if c.startswith("GCIV-45")]


def test_a_transfer_from_the_detaining_states_territory_still_needs_gciv_45_3_consent():
    move = {"date": "2024-11-01", "event": "transfer_to_power", "to": "GB"}
    verdict = case(AT_HOME, INTERNED).verdict(move)
    (reason,) = [r for r in verdict.reasons if r.code == "receiver_has_not_consented"]
    assert reason.cites == ("GCIV-45(3)",)


# --- 3. an obligation's text fits the provision it rests on


def test_a_protected_persons_card_is_an_internment_card_gciv_106():
    c = case(IN_KURSK, INTERNED)
    (card,) = [
        o for o in c.docket(datetime.date.fromisoformat("2024-12-01")) if o.code == "capture_card"
    ]
    assert card.provision == "GCIV-106"
    assert "internment card" in card.text
    assert "capture card" not in card.text


def test_an_occupiers_internment_review_is_if_possible_every_six_months_gciv_78():
    c = case(IN_KURSK, INTERNED)
    (review,) = [
        o
        for o in c.docket(datetime.date.fromisoformat("2024-12-01"))
        if o.code == "internment_review"
    ]
    assert review.provision == "GCIV-78"
    assert "if possible every six months" in review.text
    assert "twice a year" not in review.text


def test_an_internment_review_at_home_is_at_least_twice_a_year_gciv_43():
    c = case(AT_HOME, INTERNED)
    (review,) = [
        o
        for o in c.docket(datetime.date.fromisoformat("2024-12-01"))
        if o.code == "internment_review"
    ]
    assert review.provision == "GCIV-43"
    assert "twice a year" in review.text


def test_a_prisoner_of_wars_capture_card_keeps_its_text_gciii_70():
    soldier = Subject(id="ivan", nationality=["RU"], forces="RU")
    c = case({"date": "2025-01-09", "event": "capture"}, subject=soldier)
    (card,) = [
        o for o in c.docket(datetime.date.fromisoformat("2025-02-01")) if o.code == "capture_card"
    ]
    assert card.provision == "GCIII-70"
    assert "capture card" in card.text


def test_an_obligations_texts_name_only_its_own_provisions():

    bad = {
        "obligations": {
            "capture_card": {
                "provision": "GCIII-70",
                "period": "7 days",
                "met_by": "capture_card_sent",
                "text": "x",
                "texts": {"detainee": "y"},
            }
        }
    }
    with pytest.raises(LawDataError, match=r"texts\.detainee"):
        Law.packaged().overlaid(bad)


def test_an_internees_repatriation_duty_ends_his_internment_gciv_133():
    ended = {"date": "2025-06-01", "event": "hostilities_ended"}
    c = case(IN_KURSK, INTERNED, ended)
    (duty,) = [o for o in c.docket(datetime.date(2025, 6, 2)) if o.code == "repatriation"]
    assert duty.provision == "GCIV-133"
    assert duty.text == "End his internment as soon as possible after the close of hostilities."


# --- 4. a due date an agreement sets is not an assumption


ARMISTICE = {
    "date": "1953-07-27",
    "event": "agreement_concluded",
    "kind": "armistice",
    "between": ["US", "KP", "CN"],
    "terms": ["civilian_release"],
    "release_by": "1954-01-23",
}


def korean_repatriation():
    prisoner = Subject(id="prisoner_53", nationality=["CN"], forces="CN")
    c = Case.open(prisoner, "US")
    for event in (
        {"date": "1951-05-01", "event": "capture"},
        ARMISTICE,
        {"date": "1953-07-27", "event": "hostilities_ended"},
    ):
        c = c.apply(event, on_refusal="record")
    (duty,) = [o for o in c.docket(datetime.date(1953, 8, 1)) if o.code == "repatriation"]
    return duty


def test_a_repatriation_due_by_an_agreements_release_by_assumes_no_days_gciii_118():
    duty = korean_repatriation()
    assert duty.due == datetime.date(1954, 1, 23)
    assert duty.assumed_days is None
    assert duty.due_agreed is True
    assert duty.to_dict()["assumed_days"] is None


def test_a_due_date_an_agreement_sets_reads_agreed_gciii_118():
    from powcase.scenario.result import due_text

    assert due_text(korean_repatriation().to_dict()) == "1954-01-23 (agreed)"


def test_a_repatriation_due_without_an_agreement_still_shows_its_assumed_days_gciii_118():
    prisoner = Subject(id="ivan", nationality=["RU"], forces="RU")
    c = case(
        {"date": "2025-01-09", "event": "capture"},
        {"date": "2025-06-01", "event": "hostilities_ended"},
        subject=prisoner,
    )
    (duty,) = [o for o in c.docket(datetime.date(2025, 6, 2)) if o.code == "repatriation"]
    assert duty.assumed_days is not None
    assert duty.due_agreed is False


# --- 7. a duty met by a step the same run finds unlawful


def forced_return():
    prisoner = Subject(id="prisoner_f", nationality=["KP"], forces="KP")
    c = Case.open(prisoner, "UA", mode="descriptive")
    for event in (
        {"date": "2025-02-10", "event": "capture", "wounded": True},
        {"date": "2026-06-01", "event": "hostilities_ended"},
        {"date": "2026-06-02", "event": "repatriate", "to": "KP"},
    ):
        c = c.apply(event)
    return c


def test_a_repatriation_met_by_a_return_found_unlawful_says_so_gciii_118():
    c = forced_return()
    assert [v.index for v in c.violations] == [2]
    (duty,) = [o for o in c.docket(datetime.date(2026, 6, 3)) if o.code == "repatriation"]
    assert (duty.status.value, duty.met_by, duty.met_unlawfully) == ("met", 2, True)
    assert duty.to_dict()["met_unlawfully"] is True


def test_a_duty_met_by_a_lawful_step_is_not_met_unlawfully_gciii_70():
    prisoner = Subject(id="prisoner_f", nationality=["KP"], forces="KP")
    c = Case.open(prisoner, "UA", mode="descriptive")
    c = c.apply({"date": "2025-02-10", "event": "capture"})
    c = c.apply({"date": "2025-02-11", "event": "capture_card_sent"})
    (card,) = [o for o in c.docket(datetime.date(2025, 2, 12)) if o.code == "capture_card"]
    assert (card.status.value, card.met_unlawfully) == ("met", False)


def test_the_text_of_a_duty_met_unlawfully_says_so():
    from powcase.scenario.result import obligation_note

    docket = forced_return().docket(datetime.date(2026, 6, 3))
    (duty,) = [o for o in docket if o.code == "repatriation"]
    assert obligation_note(duty.to_dict()) == "by a step found unlawful"


# --- 5. prolonged_limbo: each entry's cites fit its period


def limbo_entries(*later):
    soldier = Subject(id="ivan", nationality=["RU"], forces="RU")
    c = case({"date": "2025-01-09", "event": "capture"}, *later, subject=soldier)
    return [f for f in c.flags if f.code == "prolonged_limbo"]


def test_prolonged_limbo_after_hostilities_end_opens_a_new_entry_citing_gciii_118():
    """GCIII-109(2) is a during-hostilities rule: its entry ends when they end. GCIII-118 then
    governs, and the flag cites it only once the repatriation duty is overdue (the third and
    fifth lawyers' reading: citing it on the day hostilities end implied a delay in breach).
    """
    ended = {"date": "2026-06-01", "event": "hostilities_ended"}
    later = {"date": "2026-12-01", "event": "capture_card_sent"}
    first, second = limbo_entries(ended, later)
    assert first.cites == ("GCIII-109(2)",)
    assert (first.since, first.until) == (datetime.date(2026, 1, 9), datetime.date(2026, 6, 1))
    assert second.cites == ("GCIII-118",)
    assert (second.since, second.until) == (datetime.date(2026, 8, 31), None)


def test_prolonged_limbo_raised_after_hostilities_ended_has_one_entry_citing_gciii_118():
    ended = {"date": "2025-06-01", "event": "hostilities_ended"}
    later = {"date": "2026-12-01", "event": "capture_card_sent"}
    entries = limbo_entries(ended, later)
    assert entries[0].cites == ("GCIII-118",)
    assert "GCIII-109(2)" not in {c for f in entries for c in f.cites}


def test_prolonged_limbo_stays_under_gciii_109_2_when_hostilities_end_for_another_pair():
    ended = {"date": "2026-06-01", "event": "hostilities_ended", "between": ["UA", "KP"]}
    later = {"date": "2026-12-01", "event": "capture_card_sent"}
    (entry,) = limbo_entries(ended, later)
    assert entry.cites == ("GCIII-109(2)",)
    assert entry.until is None


# --- 6. prosecution_on_return


def test_prosecution_on_return_cites_iccpr_14_only_not_gciii_7():
    """GCIII-7 (no renouncing his rights) has nothing to do with a prosecution at home."""
    rule = Law.packaged().flags["prosecution_on_return"]
    assert rule.cites == ("ICCPR-14",)
    assert rule.text == (
        "His own state prosecutes what he did or what happened to him "
        "(e.g. a voluntary surrender, or fighting abroad)."
    )


# --- 8. a medical repatriation: his will, and the duty it meets


WOUNDED = Subject(id="sergei", nationality=["RU"], forces="RU")
MEDICAL = (
    {"date": "2025-03-01", "event": "capture", "wounded": True},
    {
        "date": "2025-04-01",
        "event": "medical_assessment",
        "category": "gcIII_110_1",
        "by": "mixed_medical_commission",
    },
)
HOME = {"date": "2025-04-20", "event": "repatriate_medically", "to": "RU"}


def test_a_medical_repatriation_with_his_verified_wish_cites_gciii_109_1_and_109_3():
    wish = {"date": "2025-04-05", "event": "wish_verified", "destination": "RU", "by": "ICRC"}
    step = case(*MEDICAL, wish, HOME, subject=WOUNDED).steps[-1]
    assert step.applied
    assert {"GCIII-109(1)", "GCIII-109(3)", "GCIII-110(1)", "GCIII-112"} <= set(step.cites)


def test_without_his_will_on_record_it_must_be_ascertained_gciii_109_3():
    """GCIII-109(3): not against his will. A will not on record is an unmet precondition:
    the message says so, and does not say he goes only if he agrees.
    """
    verdict = case(*MEDICAL, subject=WOUNDED).verdict(HOME)
    assert verdict.outcome is Outcome.REFUSED
    (reason,) = [r for r in verdict.reasons if r.code == "against_his_will"]
    assert reason.cites == ("GCIII-109(3)",)
    assert "against his will" in reason.text
    assert "ascertained" in reason.text
    assert "only if he agrees" not in reason.text
    assert "GCIII-109(3)" not in {
        c for r in verdict.reasons if r.kind.value == "basis" for c in r.cites
    }


def test_prolonged_limbo_cites_gciii_109_2_again_when_hostilities_resume():
    ended = {"date": "2026-06-01", "event": "hostilities_ended"}
    resumed = {"date": "2026-07-01", "event": "hostilities_resumed"}
    later = {"date": "2026-12-01", "event": "capture_card_sent"}
    entries = limbo_entries(ended, resumed, later)
    assert [f.cites for f in entries] == [("GCIII-109(2)",), ("GCIII-109(2)",)]
    assert entries[0].until == datetime.date(2026, 6, 1)
    assert entries[1].since == datetime.date(2026, 7, 1)
