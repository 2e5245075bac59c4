"""Rules that mutation testing showed no test pinned (a mutant deleting or inverting them
survived): each test names the provision and fails if the rule is dropped.

Non-refoulement on medical repatriation (GCIII-109 with CAT-3), combatant immunity at
conviction (API-43, GCIII-99), the ``rok_nationality: effective`` exclusion (RC-1A(2)), asylum
asked of another state than the holder (RC-1A(2)), and the release of a civilian internee
(GCIV-132).
"""

import pytest

from powcase import Assumptions, Case, Outcome, Subject
from support import codes, reason, texts

RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
KURSK_RESIDENT = Subject(id="resident", nationality=["RU"], membership="none")
UA_CIVILIAN = Subject(id="olena", nationality=["UA"], membership="none")
CAPTURE = {"date": "2025-01-09", "event": "capture"}


def case(*events, subject=RU_SOLDIER, holder="UA", mode="normative", **readings):
    opened = Case.open(subject, holder, assumptions=Assumptions(**readings), mode=mode)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


class TestMedicalRepatriationIsStillAReturn:
    """GCIII-109(1), GCIII-110(1): a seriously sick prisoner is sent home; the return is
    still judged under non-refoulement (CAT-3, ICCPR-7, ECHR-3), which his wish to go does
    not settle alone.
    """

    FINDING = {"date": "2025-04-01", "event": "medical_assessment", "category": "gcIII_110_1"}
    WISH = {
        "date": "2025-04-02",
        "event": "wish_verified",
        "destination": "RU",
        "verifier": "icrc",
    }
    TORTURE = {"date": "2025-04-01", "event": "risk_on_return", "state": "RU", "kind": "torture"}

    def test_a_risk_of_torture_at_home_stops_a_medical_repatriation_cat_3(self):
        verdict = case(CAPTURE, self.FINDING, self.TORTURE, self.WISH).verdict(
            {"event": "repatriate_medically", "to": "RU"}
        )
        assert verdict.outcome is Outcome.UNDETERMINED, texts(verdict)
        found = reason(verdict, "risk_despite_wish_open")
        assert found.cites == ("CAT-3", "ICCPR-7", "ECHR-3")

    def test_with_no_risk_on_record_it_is_allowed_gciii_109_1(self):
        verdict = case(CAPTURE, self.FINDING, self.WISH).verdict(
            {"event": "repatriate_medically", "to": "RU"}
        )
        assert verdict.outcome is Outcome.ALLOWED, texts(verdict)
        assert reason(verdict, "no_known_risk").params == (("to", "RU"),)


class TestCombatantImmunityAtConviction:
    """API-43, GCIII-99: a prisoner of war may not be convicted for lawfully taking part in
    the hostilities, even where the charge was brought (descriptive mode records it).
    """

    def test_a_pow_convicted_for_taking_part_is_refused_api_43_gciii_99(self):
        charged = case(
            CAPTURE,
            {"date": "2025-02-01", "event": "charge", "offence": "participation_in_hostilities"},
            mode="descriptive",
        )
        verdict = charged.verdict({"date": "2025-03-01", "event": "convict"})
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "combatant_immunity")
        assert (found.kind, found.cites) == ("prohibition", ("API-43", "GCIII-99"))

    def test_a_pow_convicted_of_a_war_crime_keeps_no_such_immunity_gciii_85(self):
        charged = case(
            CAPTURE,
            {"date": "2025-02-01", "event": "charge", "offence": "war_crime"},
            mode="descriptive",
        )
        verdict = charged.verdict({"date": "2025-03-01", "event": "convict"})
        assert verdict.outcome is Outcome.ALLOWED
        assert "combatant_immunity" not in codes(verdict)


class TestTheKoreanNationalityReading:
    """RC-1A(2): one whom another state protects as its national is not a refugee. On the
    ``effective`` reading of ``rok_nationality``, KR counts a North Korean as its national
    (ROK-CONST-2, ROK-CONST-3, ROK-NA-2, ROK-SC-96NU1221); on the default reading, not.
    """

    ASYLUM = {"date": "2025-02-01", "event": "request_protection", "kind": "asylum"}
    GRANT = {"date": "2025-03-01", "event": "decide_protection", "granted": True}

    def test_an_effective_korean_nationality_defeats_the_grant_rc_1a_2(self):
        verdict = case(
            CAPTURE, self.ASYLUM, subject=KP_SOLDIER, rok_nationality="effective"
        ).verdict(self.GRANT)
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "other_nationality_protects")
        assert found.kind == "precondition"
        assert found.cites == (
            "RC-1A(2)",
            "ROK-CONST-2",
            "ROK-CONST-3",
            "ROK-NA-2",
            "ROK-SC-96NU1221",
        )
        assert dict(found.params)["state"] == "KR"
        assert found.reading is not None
        assert found.reading.option == "effective"

    def test_on_the_default_reading_a_north_korean_is_granted_asylum_rc_1a_2(self):
        verdict = case(CAPTURE, self.ASYLUM, subject=KP_SOLDIER).verdict(self.GRANT)
        assert verdict.outcome is Outcome.ALLOWED
        assert "other_nationality_protects" not in codes(verdict)

    def test_the_reading_does_not_touch_one_no_state_claims_rc_1a_2(self):
        verdict = case(CAPTURE, self.ASYLUM, rok_nationality="effective").verdict(self.GRANT)
        assert verdict.outcome is Outcome.ALLOWED
        assert codes(verdict) == {"asylum_granted"}


class TestAsylumIsAskedOfTheHolder:
    """RC-1A(2): a prisoner asks asylum of the state that holds him; to go to another state
    he asks to be released to it (a request to a third state).
    """

    def test_asylum_asked_of_another_state_is_refused_rc_1a_2(self):
        verdict = case(CAPTURE, subject=KP_SOLDIER).verdict(
            {"date": "2025-02-01", "event": "request_protection", "kind": "asylum", "state": "KR"}
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "asylum_elsewhere")
        assert (found.kind, found.cites) == ("precondition", ("RC-1A(2)",))
        assert dict(found.params) == {"state": "KR", "holder": "UA"}

    @pytest.mark.parametrize("state", [None, "UA"])
    def test_asylum_asked_of_the_holder_is_allowed_rc_1a_2(self, state):
        request = {"date": "2025-02-01", "event": "request_protection", "kind": "asylum"}
        if state is not None:
            request["state"] = state
        verdict = case(CAPTURE, subject=KP_SOLDIER).verdict(request)
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "may_seek_asylum").cites == ("RC-1A(2)",)
        assert "asylum_elsewhere" not in codes(verdict)


class TestTheReleaseOfACivilianInternee:
    """GCIV-132: an internee is released once the reasons for his internment cease, as a
    review finds (GCIV-43, GCIV-78); released to a third state during hostilities, the
    release rests on GCIV-132, after them on GCIV-133.
    """

    OWN = {"date": "2024-08-20", "event": "capture", "territory": "own"}
    OCCUPIED = {"date": "2024-08-20", "event": "capture", "territory": "occupied"}
    INTERNED = {
        "date": "2024-08-25",
        "event": "determine_status",
        "outcome": "civilian_internee",
        "by": "authority",
    }
    REVIEW = {"date": "2025-02-01", "event": "internment_reviewed", "outcome": "release"}
    CONSENT = {"date": "2025-03-01", "event": "receiving_state_consents", "state": "GB"}
    WISH = {
        "date": "2025-03-02",
        "event": "wish_verified",
        "destination": "GB",
        "verifier": "icrc",
    }
    ENDED = {"date": "2025-03-03", "event": "hostilities_ended"}

    def test_a_review_ordering_release_is_a_ground_gciv_132(self):
        interned = case(self.OCCUPIED, self.INTERNED, self.REVIEW, subject=KURSK_RESIDENT)
        verdict = interned.verdict({"event": "release_in_detaining_state"})
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "internment_release").cites == ("GCIV-132",)

    def test_without_a_review_his_release_is_still_lawful_gciv_132_gciv_78(self):
        # Internment is the exception (GCIV-78): releasing him needs no review.
        interned = case(self.OCCUPIED, self.INTERNED, subject=KURSK_RESIDENT)
        verdict = interned.verdict({"date": "2025-02-01", "event": "release_in_detaining_state"})
        assert verdict.outcome is Outcome.ALLOWED
        found = reason(verdict, "protected_person_released")
        assert found.cites == ("GCIV-132", "GCIV-78")
        assert "no_ground_for_release" not in {r.code for r in verdict.reasons}

    def test_released_to_a_third_state_during_hostilities_gciv_132(self):
        interned = case(
            self.OWN, self.INTERNED, self.CONSENT, self.WISH, subject=UA_CIVILIAN, holder="RU"
        )
        verdict = interned.verdict({"event": "release_to_third_state", "to": "GB"})
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "internee_released").cites == ("GCIV-132",)
        assert reason(verdict, "third_state_consents").cites == ("GCIV-132",)
        # Not in occupied territory: no hand-over against his will (GCIV-45).
        assert reason(verdict, "wish_for_third_state").cites == ("GCIV-45",)

    def test_released_to_a_third_state_after_hostilities_gciv_133(self):
        interned = case(
            self.OWN,
            self.INTERNED,
            self.CONSENT,
            self.WISH,
            self.ENDED,
            subject=UA_CIVILIAN,
            holder="RU",
        )
        verdict = interned.verdict({"event": "release_to_third_state", "to": "GB"})
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "third_state_consents").cites == ("GCIV-133",)
        assert "internee_released" not in codes(verdict)

    def test_from_occupied_territory_his_wish_rests_on_gciv_49(self):
        interned = case(
            self.OCCUPIED, self.INTERNED, self.CONSENT, self.WISH, subject=KURSK_RESIDENT
        )
        verdict = interned.verdict({"event": "release_to_third_state", "to": "GB"})
        assert verdict.outcome is Outcome.ALLOWED, texts(verdict)
        assert reason(verdict, "wish_for_third_state").cites == ("GCIV-49",)
