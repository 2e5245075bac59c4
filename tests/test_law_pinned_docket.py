"""The docket's finer rules, each from the provision it applies: when an item starts, what
meets it, and what it assumes (tools/mutate_law.py found them unpinned).
"""

import datetime

import pytest

from powcase import Assumptions, Case, Subject

D = datetime.date
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
KURSK_RESIDENT = Subject(id="resident", nationality=["RU"], membership="none")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
IN_KURSK = {"date": "2024-08-20", "event": "capture", "territory": "occupied"}
FINDING = {"date": "2025-02-01", "event": "medical_assessment", "category": "gcIII_110_1"}
WISH = {"date": "2025-02-02", "event": "wish_verified", "destination": "RU", "verifier": "icrc"}


def case(*events, subject=RU_SOLDIER, mode="normative", law=None, **readings):
    opened = Case.open(subject, "UA", assumptions=Assumptions(**readings), mode=mode, law=law)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def items(opened, day, code):
    return [o.to_dict() for o in opened.docket(day) if o.code == code]


class TestWhatItAssumes:
    """A treaty that sets no period (``without_delay``) is read with a proxy: the days shown
    are assumed; a period the treaty sets (GCIII-31's month) is not.
    """

    def test_a_capture_card_is_assumed_due_in_7_days_gciii_70(self):
        (card,) = items(case(CAPTURE), D(2025, 1, 10), "capture_card")
        assert (card["due"], card["assumed_days"]) == ("2025-01-16", 7)

    def test_the_information_period_is_the_reading_s_gciii_122(self):
        (information,) = items(case(CAPTURE, information_days=5), D(2025, 1, 10), "information")
        assert (information["due"], information["assumed_days"]) == ("2025-01-14", 5)

    def test_the_monthly_medical_inspection_assumes_nothing_gciii_31(self):
        (inspection,) = items(case(CAPTURE), D(2025, 1, 10), "medical_inspection")
        assert inspection["assumed_days"] is None


class TestWhenItStarts:
    def test_items_are_listed_by_start_then_in_the_catalogue_s_order(self):
        """GCIV-136: a civilian's information is owed two weeks into custody, after the
        items his capture starts.
        """
        docket = case(IN_KURSK, subject=KURSK_RESIDENT).docket(D(2024, 8, 21))
        assert [(o.code, o.started.isoformat()) for o in docket] == [
            ("capture_card", "2024-08-20"),
            ("icrc_access", "2024-08-20"),
            ("medical_inspection", "2024-08-20"),
            ("information", "2024-09-03"),
        ]

    @pytest.mark.parametrize(
        ("interned", "started"), [("2024-08-25", "2024-08-25"), ("2024-09-25", "2024-09-03")]
    )
    def test_information_is_owed_from_an_internment_within_two_weeks_gciv_136(
        self, interned, started
    ):
        internment = {
            "date": interned,
            "event": "determine_status",
            "outcome": "civilian_internee",
            "by": "authority",
        }
        opened = case(IN_KURSK, internment, subject=KURSK_RESIDENT)
        (information,) = items(
            opened, D.fromisoformat(interned) + datetime.timedelta(1), "information"
        )
        assert information["started"] == started


class TestWhatMeetsIt:
    def test_a_medical_repatriation_home_meets_the_duty_gciii_109_1(self):
        home = {"date": "2025-02-03", "event": "repatriate_medically", "to": "RU"}
        (duty,) = items(case(CAPTURE, FINDING, WISH, home), D(2025, 2, 4), "medical_repatriation")
        assert duty["status"] == "met"

    def test_a_repatriation_with_no_destination_goes_home_gciii_118(self):
        home = {"date": "2025-02-03", "event": "repatriate"}
        opened = case(CAPTURE, FINDING, WISH, home, mode="descriptive")
        (duty,) = items(opened, D(2025, 2, 4), "medical_repatriation")
        assert duty["status"] == "met"

    def test_a_medical_repatriation_elsewhere_does_not_meet_it_gciii_109_1(self):
        consent = {"date": "2025-02-02", "event": "receiving_state_consents", "state": "GB"}
        elsewhere = {"date": "2025-02-03", "event": "repatriate_medically", "to": "GB"}
        opened = case(CAPTURE, FINDING, consent, elsewhere, mode="descriptive")
        (duty,) = items(opened, D(2025, 2, 4), "medical_repatriation")
        assert duty["status"] != "met"


class TestAnOverlayDutyMetByLeavingCustody:
    """An overlay may make a duty met by his leaving the detaining power's hands
    (``met_by: leaving_custody``): a hand-over meets it; death or escape does not.
    """

    LAW = {
        "obligations": {
            "capture_card": {
                "provision": "GCIII-70",
                "protected_person": "GCIV-106",
                "period": "7 days",
                "met_by": "leaving_custody",
                "without_delay": True,
                "text": "Let him leave.",
            }
        }
    }
    AGREED = {"date": "2025-01-10", "event": "exchange_agreed", "between": ["UA", "RU"]}

    @pytest.mark.parametrize(
        ("last", "status"),
        [
            ({"date": "2025-01-12", "event": "exchange", "to": "RU"}, "met"),
            ({"date": "2025-01-12", "event": "die", "cause": "illness"}, "lapsed"),
            ({"date": "2025-01-12", "event": "escape"}, "lapsed"),
        ],
        ids=["exchange", "death", "escape"],
    )
    def test_leaving_custody_meets_it_unless_by_death_or_escape(self, last, status):
        opened = case(CAPTURE, self.AGREED, last, law=self.LAW)
        (card,) = items(opened, D(2025, 2, 1), "capture_card")
        assert card["status"] == status

    def test_while_he_stays_it_falls_overdue(self):
        (card,) = items(case(CAPTURE, self.AGREED, law=self.LAW), D(2025, 2, 1), "capture_card")
        assert card["status"] == "overdue"


def test_a_finding_that_he_is_owed_only_icrc_access_starts_nothing_anew_cihl_124():
    """A national of the detaining power fighting for the other side is no protected person
    (GCIV-4); found an unprivileged detainee, he is owed ICRC access under custom (CIHL-124)
    and nothing else. ICRC access met by a visit with a private interview before the finding
    stays met: the finding starts no item of its own.
    """
    own = Subject(id="petro", nationality=["UA"], forces="RU")
    visit = {"date": "2025-01-15", "event": "icrc_visit", "private_interview": True}
    found = {
        "date": "2025-01-20",
        "event": "determine_status",
        "outcome": "unprivileged_detainee",
        "by": "tribunal",
    }
    opened = case(CAPTURE, visit, found, subject=own, mode="descriptive")
    assert opened.steps[2].applied
    access = items(opened, D(2025, 1, 21), "icrc_access")
    assert [(o["status"], o["started"]) for o in access] == [("met", "2025-01-09")]
    assert not [o for o in opened.docket(D(2025, 1, 21)) if o.started == D(2025, 1, 20)]


def test_a_refused_transfer_that_was_not_made_passes_no_responsibility_gciii_12():
    """GCIII-12(2): responsibility passes only with a transfer made. One the law refuses
    (no receiving power consented) is recorded but not applied, so nothing lapses.
    """
    transfer = {"date": "2025-01-21", "event": "transfer_to_power", "to": "GB"}
    opened = case(CAPTURE, transfer)
    assert not opened.steps[1].applied
    (access,) = items(opened, D(2025, 1, 25), "icrc_access")
    assert (access["status"], access.get("why")) == ("pending", None)


def test_one_held_by_his_own_state_as_a_civilian_is_owed_only_icrc_access_cihl_124():
    """A civilian national of the detaining power is no protected person (GCIV-4) nor a
    prisoner of war: no item of either Convention is opened for him, only ICRC access
    under custom.
    """
    own = Subject(id="citizen", nationality=["UA"], membership="none")
    opened = case({"date": "2025-01-09", "event": "capture", "territory": "own"}, subject=own)
    assert [(o.code, o.provision) for o in opened.docket()] == [("icrc_access", "CIHL-124")]


def test_interned_on_the_fourteenth_day_the_information_still_runs_from_capture_gciv_136():
    """GCIV-136: the bureau's information on a civilian is owed once he has been kept more
    than two weeks, or from his internment if that comes first. Interned on the day the two
    weeks end, the item is the one his capture started.
    """
    interned = {
        "date": "2024-09-03",
        "event": "determine_status",
        "outcome": "civilian_internee",
        "by": "authority",
    }
    captured = {"date": "2024-08-20", "event": "capture", "territory": "own"}
    (info,) = items(case(captured, interned, subject=KURSK_RESIDENT), None, "information")
    assert (info["provision"], info["started"], info["started_by"]) == (
        "GCIV-137",
        "2024-09-03",
        0,
    )


def test_an_agreement_s_release_by_sets_only_the_repatriation_due_date_gciii_118():
    """An armistice's ``release_by`` dates the duty to release and repatriate (GCIII-118);
    ICRC access and medical inspections restarted by a recall keep their own periods
    (GCIII-126, GCIII-31).
    """
    armistice = {
        "date": "2025-01-15",
        "event": "agreement_concluded",
        "kind": "armistice",
        "between": ["UA", "RU"],
        "release_by": "2025-09-15",
    }
    opened = case(
        CAPTURE,
        armistice,
        {"date": "2025-01-20", "event": "receiving_state_consents", "state": "GB"},
        {"date": "2025-01-21", "event": "transfer_to_power", "to": "GB"},
        {"date": "2025-06-01", "event": "hostilities_ended"},
        {"date": "2025-07-01", "event": "receiving_power_failed", "state": "GB"},
        {"date": "2025-07-02", "event": "recall"},
    )
    assert opened.steps[6].applied
    restarted = {o.code: o.due.isoformat() for o in opened.docket() if o.started == D(2025, 7, 2)}
    assert restarted == {
        "icrc_access": "2025-08-01",
        "medical_inspection": "2025-08-01",
        "repatriation": "2025-09-15",
    }


def test_only_a_release_from_neutral_hands_is_met_as_of_the_civilian_release_day():
    """PANMUNJOM-TOR-11 made those not repatriated civilians from a set day: a release from
    the custodian's hands after it meets the duty to release him as of that day. A
    repatriation from those hands after the agreed date is a late repatriation.
    """
    from support import armistice_1953

    prisoner = Subject(id="prisoner_53", nationality=["CN"], forces="CN")
    opened = Case.open(prisoner, "US", mode="descriptive")
    for event in (
        {"date": "1951-05-01", "event": "capture"},
        armistice_1953(),
        {"date": "1953-07-27", "event": "hostilities_ended"},
        {"date": "1953-09-23", "event": "hand_over_to_neutral_custody", "state": "IN"},
        {"date": "1954-02-09", "event": "repatriate", "to": "CN"},
    ):
        opened = opened.apply(event, on_refusal="record")
    assert opened.steps[4].applied
    (duty,) = [o for o in opened.docket() if o.code == "repatriation"]
    assert (duty.status, duty.late, duty.met_by) == ("met", True, 4)
