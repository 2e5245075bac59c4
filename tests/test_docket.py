"""The docket: one test per obligation (started, met or not), the Ri docket of the seed, and
the properties its statuses keep."""

import datetime
import json

from hypothesis import given
from hypothesis import strategies as st

from powcase import Assumptions, Case, Subject
from powcase.law.docket import OBLIGATION_RULES, Status
from powcase.law.provisions import PROVISIONS
from powcase.testing import events

D = datetime.date
KP = Subject(id="ri", nationality=["KP"], forces="KP")
RU = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture", "wounded": True}


def ev(date, event, **fields):
    return {"date": date, "event": event, **fields}


def case(*steps, subject=KP, mode="normative", **assumed):
    opened = Case.open(subject, "UA", assumptions=Assumptions(**assumed), mode=mode)
    for step in steps:
        opened = opened.apply(step, on_refusal="record")
    return opened


def item(c, code, as_of=None, nth=0):
    return [o for o in c.docket(as_of) if o.code == code][nth]


class TestTheRiDocketOfTheSeed:
    ri = case(
        CAPTURE,
        ev("2025-01-11", "media_exposure", identifiable=True, by="UA"),
        ev("2025-01-12", "exchange_offered", to="KP"),
        ev("2025-02-19", "wish_expressed", destination="KR", confidence=0.8),
    )

    def test_as_of_the_first_of_march(self):
        on = D(2025, 3, 1)
        card = item(self.ri, "capture_card", on)
        assert (card.provision, card.due, card.status) == (
            "GCIII-70",
            D(2025, 1, 16),
            Status.OVERDUE,
        )
        icrc = item(self.ri, "icrc_access", on)
        assert (icrc.provision, icrc.due, icrc.status) == (
            "GCIII-126",
            D(2025, 2, 8),
            Status.OVERDUE,
        )

    def test_before_the_deadlines_they_are_pending(self):
        assert item(self.ri, "capture_card", D(2025, 1, 12)).status is Status.PENDING
        assert item(self.ri, "icrc_access", D(2025, 1, 12)).status is Status.PENDING

    def test_the_docket_serialises_as_the_contract(self):
        entry = item(self.ri, "capture_card", D(2025, 3, 1)).to_dict()
        assert {
            k: entry[k]
            for k in ("code", "provision", "started", "due", "status", "late", "held_back")
        } == {
            "code": "capture_card",
            "provision": "GCIII-70",
            "started": "2025-01-09",
            "due": "2025-01-16",
            "status": "overdue",
            "late": False,
            "held_back": False,
        }
        json.dumps([o.to_dict() for o in self.ri.docket()])


class TestEachObligation:
    def test_capture_card(self):
        assert (
            item(case(CAPTURE, ev("2025-01-12", "capture_card_sent")), "capture_card").status
            is Status.MET
        )
        late = item(case(CAPTURE, ev("2025-02-12", "capture_card_sent")), "capture_card")
        assert (late.status, late.late) == (Status.MET, True)
        assert (
            item(case(CAPTURE, ev("2025-02-12", "icrc_visit")), "capture_card").status
            is Status.OVERDUE
        )

    def test_information_uses_the_assumed_days(self):
        sent = case(
            CAPTURE, ev("2025-01-20", "information_transmitted", to="CTA"), information_days=14
        )
        entry = item(sent, "information")
        assert (entry.status, entry.late, entry.assumed_days) == (Status.MET, False, 14)
        assert (
            item(case(CAPTURE, ev("2025-01-20", "icrc_visit")), "information").status
            is Status.OVERDUE
        )

    def test_icrc_access(self):
        private = ev("2025-01-30", "icrc_visit", private_interview=True)
        assert item(case(CAPTURE, private), "icrc_access").status is Status.MET
        # GCIII-126: a visit without a private interview meets nothing.
        assert (
            item(case(CAPTURE, ev("2025-03-30", "icrc_visit")), "icrc_access").status
            is Status.OVERDUE
        )
        assert (
            item(case(CAPTURE, ev("2025-03-30", "capture_card_sent")), "icrc_access").status
            is Status.OVERDUE
        )

    def test_medical_inspection_recurs_after_each_inspection(self):
        inspected = case(
            CAPTURE,
            ev("2025-01-20", "medical_assessment", category="serious"),
            ev("2025-03-30", "icrc_visit"),
        )
        first, second = [o for o in inspected.docket() if o.code == "medical_inspection"]
        assert first.status is Status.MET
        assert (second.started, second.due, second.status) == (
            D(2025, 1, 20),
            D(2025, 2, 19),
            Status.OVERDUE,
        )

    def test_internment_review(self):
        interned = case(
            CAPTURE,
            ev("2025-02-01", "determine_status", outcome="civilian_internee", by="tribunal"),
            ev("2025-07-01", "internment_reviewed", outcome="continue"),
        )
        first = item(interned, "internment_review")
        assert (first.due, first.status) == (D(2025, 8, 1), Status.MET)
        assert item(interned, "internment_review", nth=1).status is Status.PENDING
        assert not [o for o in case(CAPTURE).docket() if o.code == "internment_review"]

    def test_medical_repatriation(self):
        finding = ev("2025-03-01", "medical_assessment", category="gcIII_110_1")
        waiting = case(CAPTURE, finding, ev("2025-07-01", "icrc_visit"))
        entry = item(waiting, "medical_repatriation")
        assert (entry.due, entry.status) == (D(2025, 5, 30), Status.OVERDUE)
        wish = ev("2025-03-02", "wish_verified", destination="RU", verifier="icrc")
        home = case(
            CAPTURE, finding, wish, ev("2025-03-10", "repatriate_medically", to="RU"), subject=RU
        )
        assert item(home, "medical_repatriation").status is Status.MET

    def test_repatriation_and_hold_back(self):
        ended = ev("2025-06-01", "hostilities_ended")
        waiting = case(CAPTURE, ended, ev("2025-10-01", "icrc_visit"), subject=RU)
        assert item(waiting, "repatriation").status is Status.OVERDUE
        returned = case(CAPTURE, ended, ev("2025-07-01", "repatriate"), subject=RU)
        assert item(returned, "repatriation").status is Status.MET
        charged = case(
            CAPTURE,
            ev("2025-02-01", "charge", offence="war_crime"),
            ended,
            ev("2025-10-01", "icrc_visit"),
            subject=RU,
        )
        held = item(charged, "repatriation")
        assert (held.status, held.held_back) == (Status.PENDING, True)

    def test_death_notification_and_inquiry(self):
        killed = case(
            CAPTURE,
            ev("2025-02-01", "die", cause="killed_by_guard"),
            ev("2025-02-05", "information_transmitted", to="CTA"),
        )
        assert item(killed, "death_notification").status is Status.MET
        assert item(killed, "death_inquiry").status is Status.PENDING
        assert item(killed, "death_inquiry", D(2025, 4, 1)).status is Status.OVERDUE
        illness = case(CAPTURE, ev("2025-02-01", "die", cause="illness"))
        assert not [o for o in illness.docket() if o.code == "death_inquiry"]
        assert case(ev("2025-01-01", "die")).docket() == ()

    def test_an_obligation_lapses_when_he_leaves_before_it_falls_due(self):
        escaped = case(CAPTURE, ev("2025-01-12", "escape"))
        assert item(escaped, "capture_card", D(2025, 3, 1)).status is Status.LAPSED
        assert item(escaped, "icrc_access", D(2025, 3, 1)).status is Status.LAPSED


def test_every_obligation_of_the_model_has_a_rule_and_a_resolving_provision():
    assert list(OBLIGATION_RULES) == [
        "capture_card",
        "information",
        "icrc_access",
        "medical_inspection",
        "internment_review",
        "medical_repatriation",
        "repatriation",
        "death_notification",
        "death_inquiry",
    ]
    for rule in OBLIGATION_RULES.values():
        assert rule.provision in PROVISIONS
        assert rule.text


MEETS = {
    "capture_card": "capture_card_sent",
    "information": "information_transmitted",
    "icrc_access": "icrc_visit",
}


@given(
    st.lists(
        events(
            [
                "capture_card_sent",
                "information_transmitted",
                "icrc_visit",
                "medical_assessment",
                "escape",
            ],
            date=st.dates(D(2025, 1, 9), D(2025, 4, 30)),
        ),
        max_size=6,
    ),
    st.dates(D(2025, 1, 9), D(2025, 6, 1)),
    st.integers(0, 60),
)
def test_met_late_and_overdue_are_exactly_what_the_record_says(later, as_of, days):
    steps = [CAPTURE, *sorted((e.to_dict() for e in later), key=lambda e: e["date"])]
    c = case(*steps, icrc_access_days=days, information_days=days)
    again = Case.replay(c.record, c.assumptions, c.mode)
    assert c.docket(as_of) == again.docket(as_of)
    on_record = [e for e in c.record.events if e.date <= as_of]
    escape = next((i for i, e in enumerate(on_record) if e.name == "escape"), None)
    in_custody = on_record[1:escape]  # after the capture, before he left
    for code, meeting in MEETS.items():
        entry = item(c, code, as_of)
        # GCIII-126: an ICRC visit meets access only with a private interview.
        meets = [
            e
            for e in in_custody
            if e.name == meeting and (code != "icrc_access" or e.private_interview is True)
        ]
        if meets:
            assert entry.status is Status.MET
            assert entry.late == (meets[0].date > entry.due)
        elif escape is not None:
            left = on_record[escape].date
            assert entry.status is (Status.LAPSED if left <= entry.due else Status.OVERDUE)
        else:
            assert entry.status is (Status.OVERDUE if as_of > entry.due else Status.PENDING)
