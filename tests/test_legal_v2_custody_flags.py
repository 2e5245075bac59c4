"""Flags about his treatment in custody stand only while he is in the detaining power's hands.

The duty to give a prisoner the medical care his state calls for (GCIII-15, GCIII-30) and to
let the ICRC's delegates see him in private (GCIII-126; a protected person: GCIV-143) bind the
power that holds him. Once he leaves its hands (a return, a release, a transfer, an escape or
death), neither can be met any more and the risk they name no longer stands: the entry ends
that day, and the record keeps it. Each test failed on the model before this change.
"""

import pytest

from powcase import Case, Subject
from powcase.errors import LawDataError
from powcase.law.book import Law

RU_SOLDIER = Subject(id="soldier_b", nationality=["RU"], forces="RU")

WOUNDED = {"date": "2024-01-10", "event": "capture", "wounded": True}
ENDED = {"date": "2024-06-01", "event": "hostilities_ended"}
HOME = {"date": "2024-06-10", "event": "repatriate", "to": "RU"}
VISITED = {"date": "2024-03-01", "event": "icrc_visit", "private_interview": True}


def case(*events, law=None):
    opened = Case.open(RU_SOLDIER, "UA", law=law)
    for event in events:
        opened = opened.apply(event)
    return opened


def entry(c, code):
    return next(f for f in c.flags if f.code == code)


def standing(c):
    return {f.code for f in c.active_flags()}


class TestWhileHeldTheFlagsStand:
    def test_wounded_and_not_assessed_medical_need_stands_in_custody_gciii_30(self):
        held = case(WOUNDED, ENDED)
        assert "medical_need" in standing(held)

    def test_no_private_visit_in_time_icrc_access_unconfirmed_stands_gciii_126(self):
        held = case(WOUNDED, ENDED)
        assert "icrc_access_unconfirmed" in standing(held)


class TestLeavingTheDetainingPowersHands:
    def test_repatriated_medical_need_ends_on_the_day_he_leaves_gciii_30(self):
        home = case(WOUNDED, ENDED, HOME)
        assert home.state == ["repatriated"]
        assert entry(home, "medical_need").until.isoformat() == "2024-06-10"
        assert "medical_need" not in standing(home)

    def test_repatriated_icrc_access_unconfirmed_ends_that_day_gciii_126(self):
        home = case(WOUNDED, ENDED, HOME)
        found = entry(home, "icrc_access_unconfirmed")
        assert found.since.isoformat() == "2024-02-10"
        assert found.until.isoformat() == "2024-06-10"
        assert "icrc_access_unconfirmed" not in standing(home)

    def test_the_entry_is_kept_as_history_with_its_reasons(self):
        home = case(WOUNDED, ENDED, HOME)
        assert entry(home, "medical_need").because == (0,)

    def test_an_escape_ends_them_too(self):
        gone = case(WOUNDED, {"date": "2024-04-01", "event": "escape"})
        assert "escaped" in gone.state
        assert {"medical_need", "icrc_access_unconfirmed"}.isdisjoint(standing(gone))

    def test_a_visit_before_he_left_still_clears_the_access_flag_on_its_own_day(self):
        home = case(WOUNDED, VISITED, ENDED, HOME)
        assert entry(home, "icrc_access_unconfirmed").until.isoformat() == "2024-03-01"

    def test_flags_not_about_custody_stay_after_he_leaves(self):
        # The risk to him at home does not end with a forced return (recorded as it
        # happened, in descriptive mode): persecution_on_return is not tied to custody.
        kp = Subject(id="soldier_c", nationality=["KP"], forces="KP")
        held = Case.open(kp, "UA", mode="descriptive")
        for event in (
            {"date": "2025-01-09", "event": "capture"},
            {"date": "2025-03-01", "event": "hostilities_ended"},
            {"date": "2025-03-05", "event": "repatriate", "to": "KP"},
        ):
            held = held.apply(event)
        assert held.state == ["repatriated"]
        assert "persecution_on_return" in standing(held)


class TestStillAPrisonerElsewhere:
    """GCIII-12(2): transferred to another party, he is still a prisoner of war, held by the
    receiving power, which owes him the same care and access (GCIII-126); the transferring
    power must act if it fails (GCIII-12(3)). Back in the detaining power's hands after an
    escape (GCIII-91), what he was owed and did not get is owed again."""

    def test_a_transfer_to_another_power_leaves_the_flags_standing_gciii_12(self):
        ua = Subject(id="soldier_d", nationality=["UA"], forces="UA")
        moved = Case.open(ua, "RU", mode="descriptive")
        for event in (WOUNDED, {"date": "2024-04-10", "event": "transfer_to_power", "to": "BY"}):
            moved = moved.apply(event)
        assert moved.state == ["transferred_to_third_power"]
        assert {"medical_need", "icrc_access_unconfirmed"} <= standing(moved)

    def test_recaptured_the_flags_he_left_with_stand_again_gciii_126(self):
        back = case(
            WOUNDED,
            {"date": "2024-04-01", "event": "escape"},
            {"date": "2024-04-20", "event": "recapture"},
        )
        assert "in_custody" in back.state
        assert {"medical_need", "icrc_access_unconfirmed"} <= standing(back)
        again = [f for f in back.flags if f.code == "medical_need"]
        assert [(str(f.since), str(f.until), f.because) for f in again] == [
            ("2024-01-10", "2024-04-01", (0,)),
            ("2024-04-20", "None", (2,)),
        ]

    def test_an_assessment_while_he_was_away_is_not_undone_by_the_recapture(self):
        back = case(
            WOUNDED,
            {"date": "2024-04-01", "event": "escape"},
            {"date": "2024-04-05", "event": "medical_assessment", "category": "none"},
            {"date": "2024-04-20", "event": "recapture"},
        )
        assert "medical_need" not in standing(back)

    def test_the_access_flag_again_follows_the_docket_while_he_is_held_gciii_126(self):
        back = case(
            WOUNDED,
            {"date": "2024-04-01", "event": "escape"},
            {"date": "2024-04-20", "event": "recapture"},
            {"date": "2024-05-01", "event": "icrc_visit", "private_interview": True},
        )
        entries = [f for f in back.flags if f.code == "icrc_access_unconfirmed"]
        assert [str(f.until) for f in entries] == ["2024-04-01", "2024-05-01"]


class TestTheLawSaysWhichFlags:
    def test_the_packaged_table_marks_the_custody_flags(self):
        law = Law.packaged()
        marked = {code for code, rule in law.flags.items() if rule.while_held}
        assert marked == {"medical_need", "icrc_access_unconfirmed", "prolonged_limbo"}

    @pytest.mark.parametrize("while_held", [True, False])
    def test_an_overlay_decides_whether_a_flag_ends_with_custody(self, while_held):
        packaged = Law.packaged().flags["medical_need"].to_dict()
        entry_ = {k: v for k, v in packaged.items() if k != "code"}
        changed = {**entry_, "while_held": while_held}
        law = Law.packaged().overlaid({"flags": {"medical_need": changed}})
        home = case(WOUNDED, ENDED, HOME, law=law)
        assert ("medical_need" in standing(home)) is not while_held

    def test_describe_lists_it(self):
        assert Law.packaged().flags["medical_need"].to_dict()["while_held"] is True
        assert "while_held" not in Law.packaged().flags["child_soldier"].to_dict()

    def test_a_value_that_is_not_true_or_false_is_a_located_error(self):
        packaged = Law.packaged().flags["medical_need"].to_dict()
        entry_ = {k: v for k, v in packaged.items() if k != "code"}
        with pytest.raises(LawDataError, match=r"flags\.medical_need\.while_held: 'yes'"):
            Law.packaged().overlaid({"flags": {"medical_need": {**entry_, "while_held": "yes"}}})


class TestTheCareOwedToHim:
    """The care a wounded captive is owed rests on his regime: a prisoner of war's on GCIII-15
    and GCIII-30; a protected person's on GCIV-81, GCIV-91 and GCIV-92; anyone else's on the
    customary rules on the wounded and sick and on those deprived of liberty (CIHL-110,
    CIHL-118)."""

    @pytest.mark.parametrize(
        ("subject", "holder", "cites"),
        [
            (RU_SOLDIER, "UA", ("GCIII-15", "GCIII-30")),
            (
                Subject(id="resident", nationality=["RU"], membership="none"),
                "UA",
                ("GCIV-81", "GCIV-91", "GCIV-92"),
            ),
            (
                Subject(id="own_resident", nationality=["UA"], membership="none"),
                "UA",
                ("CIHL-110", "CIHL-118"),
            ),
        ],
    )
    def test_medical_need_cites_the_care_his_regime_owes(self, subject, holder, cites):
        held = Case.open(subject, holder).apply(WOUNDED)
        assert entry(held, "medical_need").cites == cites


def test_a_long_captivity_in_the_hands_of_the_power_he_was_transferred_to_is_prolonged():
    # GCIII-12(2): transferred, he is still a prisoner; a captivity past the assumed period
    # is as long in the receiving power's hands as in the detaining power's.
    moved = Case.open(RU_SOLDIER, "UA", mode="descriptive")
    for event in (
        {"date": "2024-01-10", "event": "capture"},
        {"date": "2024-04-10", "event": "transfer_to_power", "to": "GB"},
        {"date": "2026-01-10", "event": "capture_card_sent"},
    ):
        moved = moved.apply(event)
    assert moved.state == ["transferred_to_third_power"]
    assert "prolonged_limbo" in standing(moved)


def test_a_status_determination_changes_the_care_medical_need_cites():
    # Found an unprivileged detainee not of the detaining power's nationality, he is a
    # protected person from that day (GCIV-4): the care owed is the Fourth Convention's.
    spy = {
        "date": "2024-02-01",
        "event": "determine_status",
        "outcome": "unprivileged_detainee",
        "by": "tribunal",
        "grounds": "spy",
    }
    held = case(WOUNDED, spy)
    entries = [f for f in held.flags if f.code == "medical_need"]
    assert [(str(f.until), f.cites) for f in entries] == [
        ("2024-02-01", ("GCIII-15", "GCIII-30")),
        ("None", ("GCIV-81", "GCIV-91", "GCIV-92")),
    ]


def test_a_determination_that_keeps_his_regime_keeps_the_entry():
    found = {"date": "2024-02-01", "event": "determine_status", "outcome": "pow", "by": "tribunal"}
    held = case(WOUNDED, found)
    assert len([f for f in held.flags if f.code == "medical_need"]) == 1


def test_a_visit_recorded_while_he_was_at_large_confirms_no_access_gciii_126():
    # Access is to prisoners in the power's hands: a visit dated while he was at large
    # confirms nothing, and the flag stands again on his recapture.
    back = case(
        WOUNDED,
        {"date": "2024-04-01", "event": "escape"},
        {"date": "2024-04-05", "event": "icrc_visit", "private_interview": True},
        {"date": "2024-04-20", "event": "recapture"},
    )
    assert "icrc_access_unconfirmed" in standing(back)


def test_injured_in_custody_his_medical_need_is_flagged_gciii_30():
    # Shot while trying to escape (GCIII-42), he is owed the care his wound calls for.
    stopped = {
        "date": "2024-03-01",
        "event": "escape_attempt",
        "force_used": "weapons",
        "warnings": True,
        "injured": True,
    }
    held = case({"date": "2024-01-10", "event": "capture"}, stopped)
    found = entry(held, "medical_need")
    assert (str(found.since), found.because, found.cites) == (
        "2024-03-01",
        (1,),
        ("GCIII-15", "GCIII-30"),
    )


def test_not_injured_nothing_is_flagged():
    stopped = {"date": "2024-03-01", "event": "escape_attempt", "injured": False}
    held = case({"date": "2024-01-10", "event": "capture"}, stopped)
    assert "medical_need" not in standing(held)
