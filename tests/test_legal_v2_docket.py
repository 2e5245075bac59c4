"""The docket read right: when the repatriation duty starts and what meets it, who answers for
him after a transfer, the two kinds of medical finding, the Fourth Convention's items for those
not treated as prisoners of war, ICRC access with a private interview, and why an item lapsed.

Each test names the provision it rests on; each failed on the first version of the model.
"""

import datetime
import json

import jsonschema
import pytest

from powcase import Assumptions, Case, Outcome, Subject
from powcase.law.docket import Status
from powcase.scenario import ScenarioError, load_scenarios, run

D = datetime.date
KP = Subject(id="ri", nationality=["KP"], forces="KP")
RU = Subject(id="ivan", nationality=["RU"], forces="RU")
UA = Subject(id="taras", nationality=["UA"], forces="UA")
CAPTURE = {"date": "2025-01-09", "event": "capture", "wounded": True}
ENDED = {"date": "2025-06-01", "event": "hostilities_ended"}


def ev(date, event, **fields):
    return {"date": date, "event": event, **fields}


def case(*steps, subject=RU, holder="UA", mode="normative", **assumed):
    opened = Case.open(subject, holder, assumptions=Assumptions(**assumed), mode=mode)
    for step in steps:
        opened = opened.apply(step, on_refusal="record")
    return opened


def items(c, code, as_of=None):
    return [o for o in c.docket(as_of) if o.code == code]


def item(c, code, as_of=None, nth=0):
    found = items(c, code, as_of)
    assert len(found) > nth, (code, [(o.code, o.status) for o in c.docket(as_of)])
    return found[nth]


NEUTRAL_DEAL = ev(
    "2025-03-01", "agreement_concluded", kind="neutral_internment", between=["UA", "IN"]
)
INTERNED = ev("2025-03-02", "intern_in_neutral_state", state="IN")


class TestTheRepatriationDuty:
    """GCIII-118, GCIII-111: the duty starts when hostilities end, before or after capture, runs
    on in neutral hands, and only a return or a release meets it."""

    def test_hostilities_ended_before_capture_the_duty_starts_at_capture_gciii_118(self):
        early = ev("2025-01-01", "hostilities_ended")
        entry = item(case(early, CAPTURE, ev("2025-01-10", "capture_card_sent")), "repatriation")
        assert (entry.provision, entry.started, entry.started_by) == (
            "GCIII-118",
            D(2025, 1, 9),
            1,
        )
        assert entry.due == D(2025, 1, 9) + datetime.timedelta(days=90)

    def test_it_starts_while_he_is_interned_in_a_neutral_state_gciii_111(self):
        c = case(CAPTURE, NEUTRAL_DEAL, INTERNED, ENDED, ev("2025-10-01", "icrc_visit"))
        assert c.steps[2].applied
        entry = item(c, "repatriation")
        assert (entry.started, entry.status) == (D(2025, 6, 1), Status.OVERDUE)

    def test_neutral_internment_does_not_meet_it_gciii_118(self):
        c = case(
            CAPTURE,
            ENDED,
            NEUTRAL_DEAL | {"date": "2025-06-02"},
            INTERNED | {"date": "2025-06-03"},
        )
        assert c.steps[3].applied
        entry = item(c, "repatriation", D(2025, 6, 10))
        assert entry.status is Status.PENDING
        assert entry.met_by is None
        assert item(c, "repatriation", D(2025, 12, 1)).status is Status.OVERDUE

    def test_a_return_from_the_neutral_state_meets_it_gciii_118(self):
        c = case(
            CAPTURE,
            NEUTRAL_DEAL,
            INTERNED,
            ENDED,
            ev("2025-06-10", "wish_verified", destination="RU", verifier="icrc"),
            ev("2025-06-20", "repatriate"),
        )
        assert c.steps[5].applied
        entry = item(c, "repatriation")
        assert (entry.status, entry.met_by) == (Status.MET, 5)

    def test_a_transfer_does_not_meet_it_gciii_12(self):
        c = case(
            CAPTURE,
            ENDED,
            ev("2025-06-02", "receiving_state_consents", state="GB"),
            ev("2025-06-03", "transfer_to_power", to="GB"),
        )
        assert c.steps[3].applied
        entry = item(c, "repatriation")
        assert entry.status is Status.LAPSED
        assert (entry.why, entry.lapsed_by) == ("transferred", 3)

    @pytest.mark.parametrize(
        ("move", "fields"),
        [("release_to_third_state", {"to": "GB"}), ("release_in_detaining_state", {})],
    )
    def test_a_release_meets_it_gciii_118(self, move, fields):
        c = case(
            CAPTURE,
            ENDED,
            ev("2025-06-02", "receiving_state_consents", state="GB"),
            ev("2025-06-03", "wish_verified", destination="GB", verifier="icrc"),
            ev("2025-06-05", move, **fields),
            mode="descriptive",
        )
        entry = item(c, "repatriation")
        assert (entry.status, entry.met_by) == (Status.MET, 4)

    def test_an_overdue_repatriation_raises_prolonged_limbo_from_its_first_overdue_day(self):
        early = ev("2025-01-01", "hostilities_ended")
        c = case(early, CAPTURE, ev("2025-05-01", "capture_card_sent"))
        due = item(c, "repatriation").due
        flag = next(f for f in c.flags if f.code == "prolonged_limbo")
        assert (flag.since, flag.because) == (due + datetime.timedelta(days=1), (1,))

    def test_it_raises_prolonged_limbo_in_neutral_hands_too_gciii_111(self):
        c = case(CAPTURE, NEUTRAL_DEAL, INTERNED, ENDED, ev("2025-10-01", "icrc_visit"))
        flag = next(f for f in c.flags if f.code == "prolonged_limbo")
        assert flag.since == item(c, "repatriation").due + datetime.timedelta(days=1)

    def test_an_escape_ends_it_as_leaving_custody_and_recapture_starts_it_again(self):
        c = case(CAPTURE, ENDED, ev("2025-06-05", "escape"), ev("2025-06-20", "recapture"))
        first, second = items(c, "repatriation")
        assert (first.status, first.why, first.lapsed_by) == (Status.LAPSED, "left_custody", 2)
        assert (second.started, second.started_by) == (D(2025, 6, 20), 3)


class TestATransferPassesResponsibility:
    """GCIII-12(2)-(3): after a transfer the receiving power answers for him, unless the
    detaining power's reservation keeps it answerable; a recall restarts what lapsed."""

    consent = ev("2025-01-20", "receiving_state_consents", state="GB")
    transfer = ev("2025-01-21", "transfer_to_power", to="GB")

    def test_open_items_lapse_as_transferred_gciii_12_2(self):
        c = case(CAPTURE, self.consent, self.transfer)
        assert c.steps[2].applied
        card = item(c, "capture_card")  # due 2025-01-16: stays overdue
        assert (card.status, card.why, card.lapsed_by) == (Status.OVERDUE, None, None)
        icrc = item(c, "icrc_access")
        assert (icrc.status, icrc.why, icrc.lapsed_by) == (Status.LAPSED, "transferred", 2)

    def test_nothing_is_added_while_he_is_transferred_gciii_12_2(self):
        c = case(CAPTURE, self.consent, self.transfer, ENDED)
        assert items(c, "repatriation") == []

    def test_a_recall_restarts_what_lapsed_from_that_day_gciii_12_3(self):
        c = case(
            CAPTURE,
            self.consent,
            self.transfer,
            ENDED,
            ev("2025-07-01", "receiving_power_failed", state="GB"),
            ev("2025-07-02", "recall"),
        )
        assert c.steps[5].applied
        icrc = items(c, "icrc_access")
        assert [(o.status, o.started) for o in icrc] == [
            (Status.LAPSED, D(2025, 1, 9)),
            (Status.PENDING, D(2025, 7, 2)),
        ]
        assert icrc[1].due == D(2025, 8, 1)
        assert [o.started for o in items(c, "medical_inspection")] == [
            D(2025, 1, 9),
            D(2025, 7, 2),
        ]
        # He came back into its hands after the end of hostilities: the duty starts then.
        assert item(c, "repatriation").started == D(2025, 7, 2)
        # Overdue items are not started again.
        assert len(items(c, "capture_card")) == 1

    def test_a_recall_after_the_end_keeps_an_agreement_s_release_by_gciii_118(self):
        armistice = ev(
            "2025-05-01",
            "agreement_concluded",
            kind="armistice",
            between=["UA", "RU"],
            release_by="2025-08-01",
        )
        c = case(
            CAPTURE,
            armistice,
            ENDED,
            ev("2025-06-02", "receiving_state_consents", state="GB"),
            ev("2025-06-03", "transfer_to_power", to="GB"),
            ev("2025-07-01", "receiving_power_failed", state="GB"),
            ev("2025-07-02", "recall"),
        )
        assert c.steps[6].applied
        first, again = items(c, "repatriation")
        assert (first.due, first.why) == (D(2025, 8, 1), "transferred")
        assert (again.started, again.due) == (D(2025, 7, 2), D(2025, 8, 1))

    def test_a_reservation_to_gciii_12_keeps_the_detaining_power_answerable(self):
        # RU's reservation to GCIII-12: it does not regard itself freed by a transfer.
        c = case(
            CAPTURE,
            ev("2025-01-20", "receiving_state_consents", state="KP"),
            ev("2025-01-21", "transfer_to_power", to="KP"),
            ev("2025-03-01", "icrc_visit", private_interview=True),
            subject=UA,
            holder="RU",
            mode="descriptive",
        )
        assert c.steps[2].applied
        icrc = item(c, "icrc_access")
        assert (icrc.status, icrc.why, icrc.late) == (Status.MET, None, True)
        assert item(c, "medical_inspection").status is Status.OVERDUE

    def test_under_the_reservation_the_repatriation_duty_arises_while_transferred(self):
        # The reservation keeps the transferring power answerable for the whole Convention,
        # GCIII-118 included, while the receiver holds him.
        c = case(
            CAPTURE,
            ev("2025-01-20", "receiving_state_consents", state="KP"),
            ev("2025-01-21", "transfer_to_power", to="KP"),
            ENDED,
            subject=UA,
            holder="RU",
            mode="descriptive",
        )
        entry = item(c, "repatriation")
        assert (entry.started, entry.started_by) == (D(2025, 6, 1), 3)


class TestTheTwoMedicalFindings:
    """GCIII-109, GCIII-110: only a 110(1) finding (direct repatriation) starts the medical
    duty; a return to his power of origin meets it; his verified refusal holds it back."""

    def finding(self, category, date="2025-02-01"):
        return ev(date, "medical_assessment", category=category)

    def test_a_110_2_finding_starts_no_medical_repatriation_gciii_110_2(self):
        assert items(case(CAPTURE, self.finding("gcIII_110_2")), "medical_repatriation") == []

    @pytest.mark.parametrize("category", ["gcIII_110_1", "gcIII_110"])
    def test_a_110_1_finding_starts_it_gciii_110_1(self, category):
        entry = item(case(CAPTURE, self.finding(category)), "medical_repatriation")
        assert (entry.provision, entry.started) == ("GCIII-109(1)", D(2025, 2, 1))

    def test_neutral_internment_does_not_meet_it_gciii_109_1(self):
        c = case(CAPTURE, self.finding("gcIII_110_1"), NEUTRAL_DEAL, INTERNED)
        assert c.steps[3].applied
        entry = item(c, "medical_repatriation", D(2025, 3, 10))
        assert (entry.status, entry.met_by, entry.why) == (Status.PENDING, None, None)

    def test_a_transfer_does_not_meet_it_gciii_109_1(self):
        c = case(
            CAPTURE,
            self.finding("gcIII_110_1"),
            ev("2025-02-02", "receiving_state_consents", state="GB"),
            ev("2025-02-03", "transfer_to_power", to="GB"),
        )
        entry = item(c, "medical_repatriation")
        assert (entry.status, entry.why) == (Status.LAPSED, "transferred")

    def test_a_return_to_his_power_of_origin_meets_it_gciii_109_1(self):
        c = case(
            CAPTURE,
            self.finding("gcIII_110_1"),
            ev("2025-02-02", "wish_verified", destination="RU", verifier="icrc"),
            ev("2025-02-10", "repatriate_medically", to="RU"),
        )
        assert item(c, "medical_repatriation").status is Status.MET

    def test_his_verified_refusal_holds_it_back_during_hostilities_gciii_109_3(self):
        refused = case(
            CAPTURE,
            self.finding("gcIII_110_1"),
            ev("2025-02-02", "wish_verified", destination="stay", verifier="icrc"),
        )
        entry = item(refused, "medical_repatriation", D(2025, 12, 1))
        assert (entry.status, entry.held_back, entry.held_back_by) == (
            Status.PENDING,
            True,
            "his_refusal",
        )
        after = refused.apply(ENDED | {"date": "2025-11-01"})
        entry = item(after, "medical_repatriation", D(2025, 12, 1))
        assert (entry.status, entry.held_back, entry.held_back_by) == (
            Status.OVERDUE,
            False,
            None,
        )

    def test_a_110_2_finding_alone_does_not_ground_direct_repatriation_gciii_110_2(self):
        c = case(
            CAPTURE,
            self.finding("gcIII_110_2"),
            ev("2025-02-02", "wish_verified", destination="RU", verifier="icrc"),
        )
        verdict = c.verdict({"event": "repatriate_medically", "to": "RU"})
        assert verdict.outcome is Outcome.REFUSED
        found = next(r for r in verdict.reasons if r.code == "neutral_accommodation_only")
        assert "GCIII-110(2)" in found.cites
        assert found.kind == "precondition"

    def test_a_110_2_finding_grounds_neutral_internment_gciii_110_2(self):
        c = case(CAPTURE, self.finding("gcIII_110_2"), NEUTRAL_DEAL)
        verdict = c.verdict({"event": "intern_in_neutral_state", "state": "IN"})
        assert verdict.outcome is Outcome.ALLOWED
        assert "GCIII-110(2)" in verdict.cites

    def test_a_110_1_finding_grounds_direct_repatriation_gciii_110_1(self):
        c = case(
            CAPTURE,
            self.finding("gcIII_110_1"),
            ev("2025-02-02", "wish_verified", destination="RU", verifier="icrc"),
        )
        verdict = c.verdict({"event": "repatriate_medically", "to": "RU"})
        assert verdict.outcome is Outcome.ALLOWED
        assert "GCIII-110(1)" in verdict.cites


class TestDetaineesNotTreatedAsPrisonersOfWar:
    """GCIV-106, -137, -143, -92, -43, -133, -129, -131: a protected person has the Fourth
    Convention's items from the determination; CIHL-124 alone for anyone else."""

    internee = ev("2025-02-01", "determine_status", outcome="civilian_internee", by="tribunal")

    def test_a_civilian_internee_has_the_gciv_items_from_the_determination(self):
        c = case(CAPTURE, ev("2025-01-10", "capture_card_sent"), self.internee)
        assert c.steps[2].applied
        docket = c.docket(D(2025, 2, 2))
        gciv = {o.code: o.provision for o in docket if o.started == D(2025, 2, 1)}
        assert gciv == {
            "capture_card": "GCIV-106",
            "information": "GCIV-137",
            "icrc_access": "GCIV-143",
            "medical_inspection": "GCIV-92",
            "internment_review": "GCIV-43",
        }

    def test_the_gciii_items_give_way_that_day_as_status_changed(self):
        c = case(CAPTURE, ev("2025-01-10", "capture_card_sent"), self.internee)
        by_code = {o.code: o for o in c.docket(D(2025, 2, 2)) if o.started == D(2025, 1, 9)}
        assert by_code["capture_card"].status is Status.MET
        # Past due on the day: stays overdue.
        assert (by_code["information"].status, by_code["information"].why) == (
            Status.OVERDUE,
            None,
        )
        icrc = by_code["icrc_access"]
        assert (icrc.provision, icrc.status, icrc.why, icrc.lapsed_by) == (
            "GCIII-126",
            Status.LAPSED,
            "status_changed",
            2,
        )

    def test_repatriation_gives_way_to_the_end_of_internment_gciv_133(self):
        c = case(CAPTURE, ENDED, self.internee | {"date": "2025-06-10"})
        first, second = items(c, "repatriation")
        assert (first.provision, first.why) == ("GCIII-118", "status_changed")
        assert (second.provision, second.started) == ("GCIV-133", D(2025, 6, 10))

    def test_a_death_in_internment_gciv_129_and_131(self):
        c = case(CAPTURE, self.internee, ev("2025-03-01", "die", cause="killed_by_guard"))
        assert item(c, "death_notification").provision == "GCIV-129"
        assert item(c, "death_inquiry").provision == "GCIV-131"
        internment = [o for o in c.docket() if o.started == D(2025, 2, 1)]
        assert {o.why for o in internment if o.status is Status.LAPSED} == {"left_custody"}

    def test_an_unprivileged_detainee_who_is_no_protected_person_keeps_only_icrc_access(self):
        # A national of the detaining power fighting for the other side (GCIV-4).
        own = Subject(id="petro", nationality=["UA"], forces="RU")
        found = ev(
            "2025-01-20", "determine_status", outcome="unprivileged_detainee", by="tribunal"
        )
        c = case(CAPTURE, found, subject=own, mode="descriptive")
        assert c.steps[1].applied
        docket = c.docket(D(2025, 1, 21))
        icrc = item(c, "icrc_access", D(2025, 1, 21))
        assert (icrc.provision, icrc.status, icrc.started) == (
            "CIHL-124",
            Status.PENDING,
            D(2025, 1, 9),
        )
        others = [o for o in docket if o.code != "icrc_access"]
        assert others
        assert all(o.why == "status_changed" for o in others if o.status is Status.LAPSED)
        assert not [o for o in docket if o.started == D(2025, 1, 20)]

    def test_one_who_did_not_distinguish_himself_keeps_the_gciii_items_api_44_4(self):
        found = ev(
            "2025-01-20",
            "determine_status",
            outcome="unprivileged_detainee",
            by="tribunal",
            grounds="no_distinction",
        )
        c = case(CAPTURE, found, subject=KP, mode="descriptive")
        assert c.steps[1].applied
        docket = c.docket(D(2025, 1, 21))
        assert not [o for o in docket if o.started == D(2025, 1, 20)]
        assert {o.provision for o in docket} == {"GCIII-70", "GCIII-122", "GCIII-126", "GCIII-31"}
        assert not [o for o in docket if o.why is not None]

    def test_an_unprivileged_detainee_who_is_a_protected_person_has_the_gciv_items(self):
        found = ev(
            "2025-01-20", "determine_status", outcome="unprivileged_detainee", by="tribunal"
        )
        c = case(CAPTURE, found, subject=KP, mode="descriptive")
        new = {o.code: o.provision for o in c.docket() if o.started == D(2025, 1, 20)}
        assert new["icrc_access"] == "GCIV-143"
        assert "internment_review" not in new


class TestIcrcAccess:
    """GCIII-126: only a visit with a private interview meets ICRC access; the flag rises on
    the first overdue day, when the docket first shows the item overdue."""

    @pytest.mark.parametrize("private", [None, False])
    def test_a_visit_without_a_private_interview_meets_nothing_gciii_126(self, private):
        visit = ev("2025-01-20", "icrc_visit")
        if private is not None:
            visit["private_interview"] = private
        c = case(CAPTURE, visit, ev("2025-03-01", "capture_card_sent"))
        assert item(c, "icrc_access").status is Status.OVERDUE
        assert "icrc_access_unconfirmed" in {f.code for f in c.active_flags()}

    def test_a_visit_with_a_private_interview_meets_it_and_clears_the_flag_gciii_126(self):
        c = case(CAPTURE, ev("2025-03-01", "icrc_visit", private_interview=True))
        entry = item(c, "icrc_access")
        assert (entry.status, entry.late, entry.met_by) == (Status.MET, True, 1)
        flag = next(f for f in c.flags if f.code == "icrc_access_unconfirmed")
        assert (flag.since, flag.until) == (D(2025, 2, 9), D(2025, 3, 1))

    @pytest.mark.parametrize(
        "later",
        [
            [],
            [ev("2025-02-08", "icrc_visit", private_interview=True)],
            [ev("2025-02-09", "icrc_visit", private_interview=True)],
            [ev("2025-02-20", "icrc_visit", private_interview=True)],
            [ev("2025-02-20", "icrc_visit")],
            [ev("2025-02-01", "escape")],
            [ev("2025-02-12", "escape")],
        ],
    )
    def test_the_flag_and_the_docket_agree_on_every_day_he_is_held_gciii_126(self, later):
        # Once he has left the detaining power's hands the item stays overdue (a duty that
        # went unmet), while the flag, a risk to him in custody, ends that day.
        c = case(CAPTURE, *later, ev("2025-04-01", "capture_card_sent"))
        left = next((e["date"] for e in later if e["event"] == "escape"), None)
        for offset in range(60):
            day = D(2025, 1, 9) + datetime.timedelta(days=offset)
            overdue = item(c, "icrc_access", day).status is Status.OVERDUE
            held = left is None or day < D.fromisoformat(left)
            flagged = any(f.code == "icrc_access_unconfirmed" for f in c.active_flags(day))
            assert flagged == (overdue and held), (day, later)

    def test_after_an_escape_the_item_stays_overdue_and_the_flag_ends_gciii_126(self):
        c = case(CAPTURE, ev("2025-02-12", "escape"))
        assert item(c, "icrc_access", D(2025, 3, 1)).status is Status.OVERDUE
        flag = next(f for f in c.flags if f.code == "icrc_access_unconfirmed")
        assert (flag.since, flag.until) == (D(2025, 2, 9), D(2025, 2, 12))

    def test_the_flag_rises_the_day_after_the_due_date_gciii_126(self):
        c = case(CAPTURE, ev("2025-03-01", "capture_card_sent"))
        due = item(c, "icrc_access").due
        flag = next(f for f in c.flags if f.code == "icrc_access_unconfirmed")
        assert flag.since == due + datetime.timedelta(days=1)
        assert "icrc_access_unconfirmed" not in {f.code for f in c.active_flags(due)}


class TestWhyAnItemLapsed:
    """GCIII-5: the detaining power answers for him until he leaves its hands; an item it
    could still have met is lapsed, with the reason and the event that ended it."""

    def test_death_and_escape_are_leaving_custody(self):
        for event in ("escape", "die"):
            c = case(CAPTURE, ev("2025-01-12", event))
            icrc = item(c, "icrc_access", D(2025, 3, 1))
            assert (icrc.status, icrc.why, icrc.lapsed_by) == (Status.LAPSED, "left_custody", 1)

    def test_an_item_past_due_stays_overdue(self):
        c = case(CAPTURE, ev("2025-02-12", "escape"))
        icrc = item(c, "icrc_access", D(2025, 3, 1))
        assert (icrc.status, icrc.why, icrc.lapsed_by) == (Status.OVERDUE, None, None)

    def test_a_proceedings_hold_back_is_named_gciii_119_5(self):
        c = case(CAPTURE, ev("2025-02-01", "charge", offence="war_crime"), ENDED)
        entry = item(c, "repatriation", D(2025, 12, 1))
        assert (entry.status, entry.held_back, entry.held_back_by) == (
            Status.PENDING,
            True,
            "proceedings",
        )


class TestTheObligationOutput:
    """The output contract: why, lapsed_by and held_back_by on every obligation, in the JSON,
    the schema, the renderers and the expectations of a scenario."""

    def test_the_json_form_has_the_new_keys_and_reads_back(self):
        c = case(CAPTURE, ev("2025-01-12", "escape"))
        entry = item(c, "icrc_access")
        plain = entry.to_dict()
        assert (plain["why"], plain["lapsed_by"], plain["held_back_by"]) == (
            "left_custody",
            1,
            None,
        )
        keys = list(plain)
        assert keys.index("held_back") < keys.index("held_back_by") < keys.index("why")
        assert keys.index("why") < keys.index("lapsed_by")
        assert type(entry).from_dict(json.loads(json.dumps(plain))) == entry

    def test_the_output_schema_takes_them(self, tmp_path):
        from powcase.scenario.schema import output_schema

        scenario = tmp_path / "s.powcase.yaml"
        scenario.write_text(
            "powcase: 1\ntitle: t\nsubject: {id: s, nationality: [RU], forces: RU}\n"
            "detaining_power: UA\nevents:\n"
            "  - {date: 2025-01-09, event: capture}\n"
            "  - {date: 2025-01-12, event: escape}\n",
            encoding="utf-8",
        )
        results = [r.to_dict() for r in run(load_scenarios(scenario)[0])]
        jsonschema.Draft202012Validator(output_schema()).validate(results)
        schema = json.dumps(output_schema())
        assert "left_custody" in schema
        assert "his_refusal" in schema

    def test_the_text_and_markdown_show_why_an_item_lapsed(self, tmp_path):
        from powcase.render.markdown import render_markdown
        from powcase.render.text import render_text

        path = self.scenario(tmp_path, "    - {code: repatriation, status: lapsed}\n")
        [result] = run(load_scenarios(path)[0])
        data = result.to_dict()
        for rendered in (render_text(data), render_markdown(data)):
            assert "left_custody" in rendered

    def scenario(self, tmp_path, expect):
        path = tmp_path / "s.powcase.yaml"
        path.write_text(
            "powcase: 1\ntitle: t\nsubject: {id: s, nationality: [RU], forces: RU}\n"
            "detaining_power: UA\nevents:\n"
            "  - {date: 2025-01-09, event: capture}\n"
            "  - {date: 2025-02-01, event: charge, offence: war_crime}\n"
            "  - {date: 2025-06-01, event: hostilities_ended}\n"
            "  - {date: 2025-06-05, event: escape}\n"
            "as_of: 2025-12-01\n"
            f"expect:\n  obligations:\n{expect}",
            encoding="utf-8",
        )
        return path

    def test_expectations_on_the_new_keys(self, tmp_path):
        path = self.scenario(
            tmp_path,
            "    - {code: icrc_access, status: overdue, late: false, due: 2025-02-08,"
            " started: 2025-01-09}\n"
            "    - {code: repatriation, status: lapsed, why: left_custody}\n"
            "    - {provision: GCIII-118, status: lapsed, held_back: false}\n"
            "    - {code: repatriation, status: lapsed, why: transferred}\n",
        )
        [result] = run(load_scenarios(path)[0])
        assert result.passed == 3
        assert len(result.failures) == 1
        assert "transferred" in json.dumps(result.to_dict()["expectations"])

    def test_an_expected_provision_may_be_a_gciv_one(self, tmp_path):
        path = tmp_path / "internee.powcase.yaml"
        path.write_text(
            "powcase: 1\ntitle: t\nsubject: {id: s, nationality: [RU], forces: RU}\n"
            "detaining_power: UA\nevents:\n"
            "  - {date: 2025-01-09, event: capture}\n"
            "  - {date: 2025-01-20, event: determine_status, outcome: civilian_internee,"
            " by: tribunal}\n"
            "as_of: 2025-01-21\n"
            "expect:\n  obligations:\n"
            "    - {provision: GCIV-143, status: pending, started: 2025-01-20}\n"
            "    - {provision: GCIII-126, status: lapsed, why: status_changed}\n",
            encoding="utf-8",
        )
        [result] = run(load_scenarios(path)[0])
        assert (result.passed, result.failures) == (2, ())

    def test_an_unknown_why_is_an_input_error_with_a_suggestion(self, tmp_path):
        path = self.scenario(
            tmp_path, "    - {code: repatriation, status: lapsed, why: left_custdy}\n"
        )
        with pytest.raises(ScenarioError) as raised:
            load_scenarios(path)
        assert "left_custody" in str(raised.value)


def test_a_period_the_treaty_does_not_set_is_shown_as_assumed_gciii_126(tmp_path):
    """GCIII-126 sets no deadline for ICRC access: the 30 days are the icrc_access_days
    assumption, and every output says so."""
    from powcase.render.markdown import render_markdown
    from powcase.render.text import render_text
    from powcase.scenario import load_scenarios, run

    path = tmp_path / "access.powcase.yaml"
    path.write_text(
        "powcase: 1\nsubject: {id: ri, nationality: [KP], forces: KP}\ndetaining_power: UA\n"
        "events:\n  - {date: 2025-01-09, event: capture}\nas_of: 2025-03-01\n"
    )
    (scenario,) = load_scenarios(path)
    (result,) = run(scenario)
    data = result.to_dict()
    (access,) = [o for o in data["obligations"] if o["code"] == "icrc_access"]
    assert access["assumed_days"] == 30
    assert "due 2025-02-08 (assumed: 30 days)" in render_text(data)
    assert "2025-02-08 (assumed: 30 days)" in render_markdown(data)


class TestRecaptured:
    """GCIII-92, GCIII-126, GCIII-31: recaptured, he is a prisoner in the detaining power's
    hands again, and what it owes a prisoner is owed again from the recapture: the ICRC's
    access, the monthly inspection, whether or not the first ones fell due while he was held.
    """

    def test_items_that_lapsed_with_the_escape_start_again_on_the_recapture(self):
        c = case(CAPTURE, ev("2025-01-12", "escape"), ev("2025-03-01", "recapture"))
        found = items(c, "icrc_access")
        assert [(o.status, o.started) for o in found] == [
            (Status.LAPSED, D(2025, 1, 9)),
            (Status.PENDING, D(2025, 3, 1)),
        ]

    def test_an_item_overdue_when_he_escaped_is_owed_anew_from_the_recapture(self):
        c = case(CAPTURE, ev("2025-02-12", "escape"), ev("2025-03-01", "recapture"))
        found = items(c, "icrc_access")
        assert [(o.status, o.started) for o in found] == [
            (Status.OVERDUE, D(2025, 1, 9)),
            (Status.PENDING, D(2025, 3, 1)),
        ]

    def test_a_visit_after_the_recapture_meets_the_new_item_and_ends_the_flag(self):
        c = case(
            CAPTURE,
            ev("2025-02-12", "escape"),
            ev("2025-03-01", "recapture"),
            ev("2025-03-05", "icrc_visit", private_interview=True),
        )
        assert item(c, "icrc_access", nth=1).status is Status.MET
        assert "icrc_access_unconfirmed" not in {f.code for f in c.active_flags()}
