"""Two readings corrected by the lawyer's review of the examples.

- GCIII-118 sets when release and repatriation become *due*; it does not forbid sending a
  prisoner home earlier (Art. 109's second paragraph lets the parties agree to repatriate
  able-bodied prisoners after long captivity while hostilities last). An early return keeps
  every other check: the origin check, the grave-breach check, non-refoulement.
- A civilian, a member of no armed force or group, is not presumed a prisoner of war: GCIII-5's
  presumption covers one who committed a belligerent act and whose status is in doubt. From
  capture he is a person the Fourth Convention protects (GCIV-4), interned under GCIV-42/43 or,
  in occupied territory, GCIV-78, and owed its items (GCIV-106, -137, -143, -92).

Each test names the provision it rests on; each failed on the code before the change.
"""

import datetime

from powcase import Assumptions, Case, Outcome, Subject
from powcase.law.docket import Lapse, Status

D = datetime.date
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
NEPALI_RECRUIT = Subject(id="bikram", nationality=["NP"], forces="RU")
CIVILIAN = Subject(id="resident", nationality=["RU"], membership="none")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
IN_KURSK = {"date": "2024-08-20", "event": "capture", "territory": "occupied"}
ENDED = {"date": "2026-06-01", "event": "hostilities_ended"}


def case(*events, subject=RU_SOLDIER, holder="UA", mode="normative", **assumptions):
    opened = Case.open(subject, holder, assumptions=Assumptions(**assumptions), mode=mode)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def ask(c, event, **fields):
    return c.verdict({"event": event, **fields})


def codes(verdict):
    return [r.code for r in verdict.reasons]


def reason(verdict, code):
    found = [r for r in verdict.reasons if r.code == code]
    assert found, (code, codes(verdict))
    return found[0]


def provisions(c, as_of=None):
    return {o.code: o.provision for o in c.docket(as_of) if o.status is not Status.LAPSED}


class TestAnEarlyRepatriationIsNotForbidden:
    """GCIII-118 makes repatriation due when active hostilities end; it does not forbid an
    earlier release home."""

    def test_a_repatriation_during_hostilities_is_allowed_with_a_note_gciii_118(self):
        verdict = ask(case(CAPTURE), "repatriate", to="RU")
        assert verdict.outcome is Outcome.ALLOWED, codes(verdict)
        assert "hostilities_not_ended" not in codes(verdict)
        found = reason(verdict, "repatriation_before_due")
        assert found.kind == "note"
        assert found.cites == ("GCIII-118",)
        assert "not forbidden" in found.text

    def test_after_hostilities_the_return_is_due_and_no_early_note_is_given_gciii_118(self):
        verdict = ask(case(CAPTURE, ENDED), "repatriate", to="RU")
        assert verdict.outcome is Outcome.ALLOWED
        assert "repatriation_due" in codes(verdict)
        assert "repatriation_before_due" not in codes(verdict)

    def test_an_early_return_keeps_the_origin_check_gciii_118(self):
        verdict = ask(case(CAPTURE, subject=NEPALI_RECRUIT), "repatriate", to="NP")
        assert verdict.outcome is Outcome.REFUSED
        assert [r.code for r in verdict.failing] == ["not_power_of_origin"]

    def test_an_early_return_keeps_non_refoulement_gciii_118(self):
        verdict = ask(case(CAPTURE, subject=KP_SOLDIER), "repatriate", to="KP")
        assert verdict.outcome is Outcome.REFUSED
        assert "refoulement_icrc_2020" in [r.code for r in verdict.failing]
        assert "hostilities_not_ended" not in codes(verdict)

    def test_an_early_return_keeps_the_grave_breach_check_gciii_129(self):
        alleged = {
            "date": "2025-02-01",
            "event": "war_crime_allegation",
            "credible": True,
            "grave_breach_of": "gciii",
        }
        verdict = ask(case(CAPTURE, alleged), "repatriate", to="RU")
        assert [r.code for r in verdict.failing] == ["grave_breach_suspect_not_tried"]

    def test_an_early_return_is_no_possible_violation_in_descriptive_mode_gciii_118(self):
        home = {"date": "2025-03-01", "event": "repatriate", "to": "RU"}
        c = case(CAPTURE, home, mode="descriptive")
        assert c.steps[-1].applied
        assert list(c.violations) == []
        assert list(c.possible_violations) == []

    def test_an_early_return_ends_custody_and_starts_no_repatriation_duty_gciii_118(self):
        home = {"date": "2025-01-20", "event": "repatriate", "to": "RU"}
        c = case(CAPTURE, home)
        assert c.steps[-1].applied
        docket = c.docket(D(2026, 1, 1))
        assert [o for o in docket if o.code == "repatriation"] == []
        lapsed = {o.code: o.why for o in docket if o.status is Status.LAPSED}
        assert lapsed["icrc_access"] is Lapse.LEFT_CUSTODY

    def test_the_repatriation_duty_still_starts_only_when_hostilities_end_gciii_118(self):
        (entry,) = [o for o in case(CAPTURE, ENDED).docket() if o.code == "repatriation"]
        assert entry.started == D(2026, 6, 1)


class TestACivilianIsNotPresumedAPrisonerOfWar:
    """GCIII-5's presumption covers one who committed a belligerent act; a civilian in enemy
    hands is protected by the Fourth Convention from capture (GCIV-4)."""

    def test_a_civilians_docket_starts_the_fourth_conventions_items_at_capture_gciv_4(self):
        owed = provisions(case(IN_KURSK, subject=CIVILIAN), D(2024, 8, 21))
        assert owed == {
            "capture_card": "GCIV-106",
            "information": "GCIV-137",
            "icrc_access": "GCIV-143",
            "medical_inspection": "GCIV-92",
        }

    def test_a_soldiers_docket_still_starts_the_third_conventions_items_gciii_5(self):
        owed = provisions(case(CAPTURE), D(2025, 1, 10))
        assert owed["capture_card"] == "GCIII-70"
        assert owed["icrc_access"] == "GCIII-126"

    def test_an_authority_may_intern_a_civilian_in_occupied_territory_gciv_78(self):
        verdict = ask(
            case(IN_KURSK, subject=CIVILIAN),
            "determine_status",
            outcome="civilian_internee",
            by="authority",
            grounds="civilian",
        )
        assert verdict.outcome is Outcome.ALLOWED, codes(verdict)
        found = reason(verdict, "civilian_interned")
        assert found.kind == "basis"
        assert "GCIV-78" in found.cites
        assert "GCIV-42" not in verdict.cites
        assert "status_denial_needs_tribunal" not in codes(verdict)

    def test_an_authority_may_intern_a_civilian_in_its_own_territory_gciv_42_gciv_43(self):
        at_home = {"date": "2025-01-09", "event": "capture", "territory": "own"}
        verdict = ask(
            case(at_home, subject=CIVILIAN),
            "determine_status",
            outcome="civilian_internee",
            by="authority",
        )
        assert verdict.outcome is Outcome.ALLOWED, codes(verdict)
        found = reason(verdict, "civilian_interned")
        assert {"GCIV-42", "GCIV-43"} <= set(found.cites)
        assert "GCIV-78" not in found.cites

    def test_a_pow_outcome_for_a_civilian_still_needs_a_tribunal_gciii_5(self):
        verdict = ask(
            case(IN_KURSK, subject=CIVILIAN), "determine_status", outcome="pow", by="authority"
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "civilian_pow_needs_tribunal")
        assert found.kind == "precondition"
        assert "GCIII-5" in found.cites
        assert verdict.missing == ()

    def test_internment_by_an_authority_starts_its_review_and_keeps_the_items_met_gciv_78(self):
        card = {"date": "2024-08-22", "event": "capture_card_sent"}
        interned = {
            "date": "2024-09-02",
            "event": "determine_status",
            "outcome": "civilian_internee",
            "by": "authority",
        }
        c = case(IN_KURSK, card, interned, subject=CIVILIAN)
        assert c.steps[-1].applied
        docket = c.docket(D(2024, 9, 3))
        (review,) = [o for o in docket if o.code == "internment_review"]
        assert (review.provision, review.started) == ("GCIV-78", D(2024, 9, 2))
        # No status changed: the card sent stays met, and is not owed again.
        cards = [o for o in docket if o.code == "capture_card"]
        assert [(o.provision, o.status) for o in cards] == [("GCIV-106", Status.MET)]

    def test_a_belligerent_act_alleged_brings_gciii_5s_presumption_gciii_5(self):
        doubt = {"date": "2024-08-25", "event": "raise_status_doubt", "reason": "seen firing"}
        verdict = ask(case(IN_KURSK, subject=CIVILIAN), **doubt)
        assert verdict.outcome is Outcome.ALLOWED
        assert "GCIII-5" in reason(verdict, "pow_protection_while_in_doubt").cites
        c = case(IN_KURSK, doubt, subject=CIVILIAN)
        docket = c.docket(D(2024, 8, 26))
        lapsed = {o.code: o.why for o in docket if o.status is Status.LAPSED}
        assert lapsed["capture_card"] is Lapse.STATUS_CHANGED
        owed = {o.code: (o.provision, o.started) for o in docket if o.status is Status.PENDING}
        assert owed["capture_card"] == ("GCIII-70", D(2024, 8, 25))
        assert owed["icrc_access"] == ("GCIII-126", D(2024, 8, 25))

    def test_in_doubt_only_a_tribunal_may_intern_him_gciii_5(self):
        doubt = {"date": "2024-08-25", "event": "raise_status_doubt", "reason": "seen firing"}
        verdict = ask(
            case(IN_KURSK, doubt, subject=CIVILIAN),
            "determine_status",
            outcome="civilian_internee",
            by="authority",
        )
        assert verdict.outcome is Outcome.REFUSED
        assert "status_denial_needs_tribunal" in codes(verdict)

    def test_a_civilian_may_seek_asylum_as_he_is_no_pow_gciv_4(self):
        verdict = ask(
            case(IN_KURSK, subject=CIVILIAN, asylum_while_pow="barred_until_release"),
            "request_protection",
            kind="asylum",
        )
        assert verdict.outcome is Outcome.ALLOWED, codes(verdict)
        assert "asylum_barred_while_pow" not in codes(verdict)

    def test_a_civilians_transfer_is_judged_under_gciv_45_gciv_4(self):
        verdict = ask(case(IN_KURSK, subject=CIVILIAN), "transfer_to_power", to="GB")
        assert "GCIV-45(3)" in verdict.cites
        assert "GCIII-12(2)" not in verdict.cites

    def test_a_civilian_is_tried_as_a_protected_person_without_a_status_tribunal_gciv_5(self):
        charged = {"date": "2024-10-01", "event": "charge", "offence": "ordinary_crime"}
        c = case(IN_KURSK, charged, subject=CIVILIAN)
        assert "GCIV-5" in c.steps[-1].verdict.cites
        verdict = ask(c, "convict")
        assert verdict.outcome is Outcome.ALLOWED, codes(verdict)
        assert "conviction_needs_status_tribunal" not in codes(verdict)
        assert not [cite for cite in verdict.cites if cite.startswith("GCIII")]

    def test_a_civilian_charged_with_taking_part_may_claim_a_tribunal_api_45(self):
        charged = {
            "date": "2024-10-01",
            "event": "charge",
            "offence": "participation_in_hostilities",
        }
        verdict = ask(case(IN_KURSK, charged, subject=CIVILIAN), "convict")
        assert "conviction_needs_status_tribunal" in codes(verdict)
