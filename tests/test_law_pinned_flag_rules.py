"""The risk flags' finer rules, each from what it protects against: who may be moved towards
a risk, when a risk no longer stands, and which provisions an entry cites for the day it
was raised (tools/mutate_law.py found them unpinned).
"""

from __future__ import annotations

import datetime
import pathlib

from powcase import Case, Subject
from powcase.law.book import Law

RI = Subject(id="ri", nationality=["KP"], forces="KP")
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
OVERLAY = pathlib.Path(__file__).parent.parent / "examples" / "law-overlay" / "overlay.yaml"


def run(subject, holder, *events, mode="normative", law=None):
    opened = Case.open(subject, holder, mode=mode, law=law)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def entries(opened, code):
    return [f for f in opened.flags if f.code == code]


def only(opened, code):
    (entry,) = entries(opened, code)
    return entry


def test_an_exchange_agreed_with_an_ally_of_his_state_is_a_move_towards_risk_cat_3():
    """Ukraine and Russia agree an exchange: Russia, North Korea's ally, would pass him on
    (onward refoulement): the agreement itself raises the risk.
    """
    agreed = {"date": "2025-02-01", "event": "exchange_agreed", "between": ["UA", "RU"]}
    assert only(run(RI, "UA", CAPTURE, agreed), "refoulement_risk").because == (0, 1)
    assert entries(run(RU_SOLDIER, "UA", CAPTURE, agreed), "refoulement_risk") == []


def test_only_information_sent_to_a_state_that_punishes_families_is_a_dilemma_gciii_122():
    """Information about him is due to his power of origin (GCIII-122); sent to a state that
    punishes the families of the captured, it puts them at risk. Sent to Russia, it does not.
    """
    opened = run(
        RI,
        "UA",
        CAPTURE,
        {"date": "2025-02-01", "event": "information_transmitted", "to": "RU"},
        {"date": "2025-02-02", "event": "information_transmitted", "to": "KP"},
    )
    assert only(opened, "notification_dilemma").because == (0, 2)


def test_the_risk_of_refoulement_stands_after_an_escape():
    """At large he may be recaptured and moved: the risk is not over."""
    escaped = run(RI, "UA", CAPTURE, {"date": "2025-02-01", "event": "escape"})
    assert only(escaped, "refoulement_risk").until is None


def test_the_risk_of_refoulement_never_clears_after_a_move_towards_it():
    """Once he has been returned towards the risk, later steps never clear the flag."""
    returned = run(
        RI,
        "UA",
        CAPTURE,
        {"date": "2025-02-01", "event": "repatriate", "to": "KP"},
        {"date": "2025-02-02", "event": "information_transmitted", "to": "CTA"},
        mode="descriptive",
    )
    assert returned.steps[1].applied
    entry = only(returned, "refoulement_risk")
    assert (entry.because, entry.until) == ((0, 1), None)


def test_a_risk_lifted_for_one_state_leaves_the_risk_in_his_own_state():
    """A North Korean serving in Russian forces: a risk recorded in Russia and lifted still
    leaves North Korea, where his return is a risk, as a place he may be sent.
    """
    soldier = Subject(id="recruit", nationality=["KP"], forces="RU")
    opened = run(
        soldier,
        "UA",
        {"date": "2025-04-01", "event": "capture"},
        {"date": "2025-05-01", "event": "risk_on_return", "state": "RU", "kind": "torture"},
        {"date": "2025-06-01", "event": "risk_lifted", "state": "RU", "kind": "torture"},
    )
    assert only(opened, "refoulement_risk").until is None


def test_a_risk_lifted_in_his_own_state_leaves_the_risk_in_his_power_of_origin():
    """A Chinese national serving in North Korean forces: a risk in China recorded and
    lifted leaves North Korea, his power of origin, where capture is punished.
    """
    soldier = Subject(id="volunteer", nationality=["CN"], forces="KP")
    opened = run(
        soldier,
        "UA",
        {"date": "2025-04-01", "event": "capture"},
        {"date": "2025-05-01", "event": "risk_on_return", "state": "CN", "kind": "persecution"},
        {"date": "2025-06-01", "event": "risk_lifted", "state": "CN", "kind": "persecution"},
    )
    assert only(opened, "refoulement_risk").until is None


def test_persecution_at_home_replaces_prosecution_on_return():
    """Prosecution under a law of general application is the lesser concern: once a risk of
    persecution at home is recorded, that flag stands instead.
    """
    law = Law.packaged().overlaid(OVERLAY)
    belarusian = Subject(id="ales", nationality=["BY"], forces="RU")
    opened = run(
        belarusian,
        "UA",
        {"date": "2025-04-01", "event": "capture"},
        {"date": "2025-05-01", "event": "risk_on_return", "state": "BY", "kind": "persecution"},
        law=law,
    )
    prosecution = only(opened, "prosecution_on_return")
    assert (prosecution.since.isoformat(), str(prosecution.until)) == ("2025-04-01", "2025-05-01")
    assert only(opened, "persecution_on_return").since.isoformat() == "2025-05-01"


def test_a_flag_cites_what_bound_the_detaining_power_when_it_was_raised():
    """The Republic of Korea became bound by the 1951 Convention in 1993 and by the
    Convention against Torture in 1995: a risk raised in 1990 cites neither, the same risk
    raised again in 2000 cites both.
    """
    lifted = [
        {"date": "1990-09-01", "event": "risk_lifted", "state": "KP", "kind": kind}
        for kind in ("persecution", "torture", "death", "enforced_disappearance", "forced_labour")
    ]
    opened = run(
        RI,
        "KR",
        {"date": "1990-08-01", "event": "capture"},
        *lifted,
        {"date": "2000-01-01", "event": "risk_on_return", "state": "KP", "kind": "torture"},
        mode="descriptive",
    )
    first, again = entries(opened, "refoulement_risk")
    assert first.cites == ("ICCPR-6", "ICCPR-7", "GCIII-118")
    assert again.cites == ("CAT-3", "RC-33", "ICCPR-6", "ICCPR-7", "GCIII-118")


def test_a_flag_cites_only_what_binds_the_detaining_power():
    """India is not a party to Additional Protocol I: a child soldier it holds is flagged
    citing the Covenant's rule on children (ICCPR-6(5)), not API-77.
    """
    child = Subject(id="child", nationality=["KP"], forces="KP", born="2009-05-01")
    assert only(run(child, "IN", CAPTURE), "child_soldier").cites == ("ICCPR-6(5)",)


# --- his capture -------------------------------------------------------------------------------


def test_a_capture_the_law_refused_raises_nothing():
    """A second capture while he is held is refused and not applied: it is no ground for a
    flag.
    """
    opened = run(
        RU_SOLDIER,
        "UA",
        CAPTURE,
        {"date": "2025-01-10", "event": "capture", "wounded": True},
        {"date": "2026-02-01", "event": "capture_card_sent"},
    )
    assert not opened.steps[1].applied
    assert entries(opened, "medical_need") == []
    # Only the capture that happened starts the custody period.
    assert only(opened, "prolonged_limbo").because == (0,)


def test_one_who_fell_wounded_needs_care_when_captured_gciii_15():
    opened = run(
        RU_SOLDIER,
        "UA",
        {"date": "2025-01-08", "event": "fall_hors_de_combat", "cause": "wounded"},
        CAPTURE,
    )
    assert only(opened, "medical_need").because == (1,)


def test_information_due_to_his_power_of_origin_endangers_a_family_his_state_punishes():
    """A North Korean in Russian forces: the information goes to Russia, his power of origin
    (GCIII-122), which punishes no family; North Korea, his state, does.
    """
    soldier = Subject(id="recruit", nationality=["KP"], forces="RU")
    assert only(run(soldier, "UA", CAPTURE), "notification_dilemma").because == (0,)


# --- long custody and the end of hostilities ---------------------------------------------------

ENDED = {"date": "2025-02-01", "event": "hostilities_ended", "between": ["UA", "RU"]}


def _resumed(day, between=("UA", "RU")):
    return {"date": day, "event": "hostilities_resumed", "between": list(between)}


def test_a_resumption_past_the_custody_period_makes_it_long_custody_again_gciii_109_2():
    """Captured on 2025-01-09, held a year on the day hostilities resume: the flag rises
    that day, raised by the resumption (and the year's end the same day).
    """
    opened = run(
        RU_SOLDIER,
        "UA",
        CAPTURE,
        {"date": "2025-12-01", "event": "hostilities_ended", "between": ["UA", "RU"]},
        _resumed("2026-01-09"),
    )
    entry = only(opened, "prolonged_limbo")
    assert (entry.since.isoformat(), entry.because, entry.cites) == (
        "2026-01-09",
        (2, 0),
        ("GCIII-109(2)",),
    )


def test_a_resumption_before_the_custody_period_ends_raises_nothing_until_it_ends():
    opened = run(RU_SOLDIER, "UA", CAPTURE, ENDED, _resumed("2025-04-01"))
    opened = opened.apply({"date": "2026-06-01", "event": "capture_card_sent"})
    entry = only(opened, "prolonged_limbo")
    assert (entry.since.isoformat(), entry.because) == ("2026-01-09", (0,))


def test_a_resumption_between_other_parties_leaves_his_pair_at_peace():
    """Hostilities resumed between Ukraine and North Korea: for a Russian soldier, those
    between Ukraine and Russia stay ended, and the measure stays his repatriation.
    """
    opened = run(
        RU_SOLDIER,
        "UA",
        CAPTURE,
        {"date": "2025-12-01", "event": "hostilities_ended", "between": ["UA", "RU"]},
        _resumed("2026-01-10", between=("UA", "KP")),
        {"date": "2026-02-01", "event": "capture_card_sent"},
    )
    assert entries(opened, "prolonged_limbo") == []


def test_an_overdue_repatriation_stays_limbo_through_a_resumption_and_a_new_end_gciii_118():
    """Raised because his repatriation was overdue (GCIII-118), the flag is not a
    during-hostilities one: neither a resumption nor a second end of hostilities ends it.
    """
    opened = run(
        RU_SOLDIER,
        "UA",
        CAPTURE,
        ENDED,
        _resumed("2026-03-01"),
        {"date": "2026-04-01", "event": "hostilities_ended", "between": ["UA", "RU"]},
    )
    entry = only(opened, "prolonged_limbo")
    assert (entry.since.isoformat(), entry.because, entry.until) == ("2025-05-03", (1,), None)


def test_no_long_custody_once_he_has_left_custody():
    """Exchanged two months after his capture, he is not held a year later: the custody
    period passes without a flag.
    """
    opened = run(
        RU_SOLDIER,
        "UA",
        CAPTURE,
        {"date": "2025-03-01", "event": "exchange_agreed", "between": ["UA", "RU"]},
        {"date": "2025-03-02", "event": "exchange", "to": "RU"},
    )
    assert opened.state == ["exchanged"]
    later = opened.flags_as_of(datetime.date(2026, 6, 1))
    assert "prolonged_limbo" not in {f.code for f in later}


def test_an_internee_s_overdue_repatriation_cites_the_fourth_convention_gciv_133():
    """A civilian internee is to be released when hostilities end (GCIV-133): his limbo is
    measured by that article, not by the prisoner-of-war rule.
    """
    resident = Subject(id="resident", nationality=["RU"], membership="none")
    opened = run(
        resident,
        "UA",
        {"date": "2024-08-20", "event": "capture", "territory": "own"},
        {
            "date": "2024-08-25",
            "event": "determine_status",
            "outcome": "civilian_internee",
            "by": "authority",
        },
        {"date": "2025-02-01", "event": "hostilities_ended"},
        {"date": "2025-12-01", "event": "capture_card_sent"},
    )
    entry = only(opened, "prolonged_limbo")
    assert (entry.since.isoformat(), entry.because, entry.cites) == (
        "2025-05-03",
        (2,),
        ("GCIV-133",),
    )


def test_exchanged_on_the_last_day_of_the_custody_period_he_was_never_held_past_it():
    """The custody period passes at the end of its day: exchanged that day, he was not held
    beyond it.
    """
    opened = run(
        RU_SOLDIER,
        "UA",
        CAPTURE,
        {"date": "2025-12-01", "event": "exchange_agreed", "between": ["UA", "RU"]},
        {"date": "2026-01-09", "event": "exchange", "to": "RU"},
    )
    assert opened.steps[2].applied
    assert entries(opened, "prolonged_limbo") == []


def test_flags_read_only_the_moments_up_to_the_as_of_date_and_work_out_the_docket():
    """``derive_flags`` given every moment and an earlier date counts only the events up to
    it, and works out the docket on that date when it is not given.
    """
    from powcase.law.flags import derive_flags

    opened = run(
        RI,
        "UA",
        CAPTURE,
        {"date": "2025-01-11", "event": "media_exposure", "identifiable": True, "by": "UA"},
        {"date": "2025-03-01", "event": "self_harm_attempt"},
    )
    day = datetime.date(2025, 2, 15)
    law = Law.packaged()
    derived = derive_flags(opened.moments(), day, law)
    assert derived == opened.flags_as_of(day)
    assert "self_harm_risk" not in {f.code for f in derived}
    assert "icrc_access_unconfirmed" in {f.code for f in derived}


# --- his wish ------------------------------------------------------------------------------------


def test_a_move_left_open_on_his_unverified_wish_raises_coerced_consent_gciii_7():
    """A release to South Korea that rests on a wish no counting verifier has checked stays
    undetermined: the wish may not be free (GCIII-7), and the flag says so.
    """
    opened = run(
        RI,
        "UA",
        CAPTURE,
        {"date": "2025-01-20", "event": "wish_expressed", "destination": "KR"},
        {"date": "2025-01-21", "event": "receiving_state_consents", "state": "KR"},
        {"date": "2025-02-01", "event": "release_to_third_state", "to": "KR"},
    )
    assert [m.fact for m in opened.steps[3].verdict.missing] == ["wish"]
    assert only(opened, "coerced_consent").because == (3,)


def test_a_step_left_open_on_another_fact_says_nothing_of_his_will():
    """A status finding left open because his forces are not on record (GCIII-4A(1)) is no
    sign of pressure on his will.
    """
    unknown = Subject(id="unknown", nationality=["KP"])
    opened = run(
        unknown,
        "UA",
        CAPTURE,
        {"date": "2025-02-01", "event": "determine_status", "outcome": "pow", "by": "authority"},
    )
    assert [m.fact for m in opened.steps[1].verdict.missing] == ["forces"]
    assert entries(opened, "coerced_consent") == []
