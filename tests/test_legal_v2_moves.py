"""The moves read right: where a return may go, whose consent a move needs, what a pending
asylum claim, his membership of the forces, national law and a grave-breach allegation change.

Each test names the provision it rests on; each failed on the first version of the model.
"""

import datetime
import json

import pytest

from powcase import Assumptions, Case, InvalidInput, Outcome, Record, Subject
from support import ask, codes, reason

KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
NEPALI_RECRUIT = Subject(id="bikram", nationality=["NP"], forces="RU")
KP_IN_RU_FORCES = Subject(id="kim", nationality=["KP"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture", "wounded": True}
ENDED = {"date": "2026-06-01", "event": "hostilities_ended"}


def case(*events, subject=KP_SOLDIER, holder="UA", mode="normative", **assumptions):
    opened = Case.open(subject, holder, assumptions=Assumptions(**assumptions), mode=mode)
    for event in events:
        opened = opened.apply(event)
    return opened


def wish(destination, day="2026-06-02", verified=True):
    if verified:
        return {
            "date": day,
            "event": "wish_verified",
            "destination": destination,
            "verifier": "icrc",
        }
    return {"date": day, "event": "wish_expressed", "destination": destination}


class TestReturnsGoToThePowerOfOrigin:
    """GCIII-118, GCIII-109(1), GCIII-12: a return goes to his power of origin; a hand-over to
    any other state is a release or a transfer, and is refused as a return."""

    def test_repatriation_to_another_state_is_refused_gciii_118(self):
        verdict = ask(case(CAPTURE, ENDED, wish("KR")), "repatriate", to="KR")
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "not_power_of_origin")
        assert found.kind == "precondition"
        assert "GCIII-118" in found.cites
        params = dict(found.params)
        assert params["to"] == "KR"
        assert params["power_of_origin"] == "KP"
        # KR is bound by GCIII: it could receive him by transfer (GCIII-12) or release.
        assert list(params["instead"]) == ["release_to_third_state", "transfer_to_power"]
        assert "GCIII-12" in found.cites

    def test_a_state_not_bound_by_gciii_is_offered_only_a_release_gciii_118(self):
        verdict = ask(case(CAPTURE, ENDED, wish("TW")), "repatriate", to="TW")
        found = reason(verdict, "not_power_of_origin")
        assert list(dict(found.params)["instead"]) == ["release_to_third_state"]
        assert "GCIII-12" not in found.cites

    def test_an_exchange_to_another_state_is_refused_gciii_118(self):
        agreed = {"date": "2025-05-01", "event": "exchange_agreed", "between": ["UA", "US"]}
        verdict = ask(case(CAPTURE, agreed, subject=RU_SOLDIER), "exchange", to="US")
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "not_power_of_origin")
        assert "GCIII-118" in found.cites
        assert dict(found.params)["power_of_origin"] == "RU"

    def test_a_medical_repatriation_to_another_state_is_refused_gciii_109_1(self):
        finding = {"date": "2025-04-01", "event": "medical_assessment", "category": "gcIII_110"}
        verified = wish("KR", day="2025-04-02")
        verdict = ask(
            case(CAPTURE, finding, verified), "repatriate_medically", to="KR", date="2025-04-03"
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "not_power_of_origin")
        assert "GCIII-109(1)" in found.cites
        assert "GCIII-118" not in found.cites
        assert list(dict(found.params)["instead"]) == [
            "release_to_third_state",
            "intern_in_neutral_state",
        ]

    def test_a_return_home_passes_the_check_gciii_118(self):
        verdict = ask(case(CAPTURE, ENDED, subject=RU_SOLDIER), "repatriate", to="RU")
        assert verdict.outcome is Outcome.ALLOWED
        assert "not_power_of_origin" not in codes(verdict)

    def test_the_reason_reaches_the_json_output_gciii_118(self):
        verdict = ask(case(CAPTURE, ENDED, wish("KR")), "repatriate", to="KR")
        plain = json.loads(json.dumps(verdict.to_dict()))
        found = next(r for r in plain["reasons"] if r["code"] == "not_power_of_origin")
        assert found["params"]["instead"] == ["release_to_third_state", "transfer_to_power"]
        assert "release_to_third_state" in found["text"]


class TestFreeWillGovernsForcibleReturnsOnly:
    """GCIII-109(2), GCIII-111, GCIII-12: the free-will reading of GCIII-118 bars a return he
    refused; neutral accommodation and a transfer need no consent."""

    STAY = {
        "date": "2025-02-20",
        "event": "wish_verified",
        "destination": "stay",
        "verifier": "icrc",
    }

    def test_neutral_internment_needs_no_consent_gciii_111(self):
        agreed = {
            "date": "2025-03-01",
            "event": "agreement_concluded",
            "kind": "neutral_internment",
            "between": ["UA", "CH", "RU"],
        }
        verdict = ask(
            case(CAPTURE, self.STAY, agreed, subject=RU_SOLDIER, ihl_non_refoulement="free_will"),
            "intern_in_neutral_state",
            state="CH",
        )
        assert verdict.outcome is Outcome.ALLOWED, [r.text for r in verdict.reasons]
        assert "refoulement_free_will" not in codes(verdict)

    def test_a_transfer_needs_no_consent_gciii_12(self):
        consents = {"date": "2025-03-01", "event": "receiving_state_consents", "state": "GB"}
        verdict = ask(
            case(
                CAPTURE, self.STAY, consents, subject=RU_SOLDIER, ihl_non_refoulement="free_will"
            ),
            "transfer_to_power",
            to="GB",
        )
        assert verdict.outcome is Outcome.ALLOWED, [r.text for r in verdict.reasons]

    def test_a_return_he_refused_is_still_barred_gciii_118(self):
        verdict = ask(
            case(CAPTURE, ENDED, wish("UA"), subject=RU_SOLDIER, ihl_non_refoulement="free_will"),
            "repatriate",
            to="RU",
        )
        assert "refoulement_free_will" in codes(verdict)

    def test_under_the_icrc_reading_a_move_other_than_a_return_reads_gciii_12(self):
        """Neutral accommodation towards risk is barred as the ICRC reads GCIII-12, not 118."""
        agreed = {
            "date": "2025-03-01",
            "event": "agreement_concluded",
            "kind": "neutral_internment",
            "between": ["UA", "CH", "KP"],
        }
        risk = {"date": "2025-03-02", "event": "risk_on_return", "state": "CH", "kind": "torture"}
        verdict = ask(case(CAPTURE, agreed, risk), "intern_in_neutral_state", state="CH")
        found = reason(verdict, "refoulement_icrc_2020")
        assert "ICRC-COM-2020-GCIII-12" in found.cites
        assert "ICRC-COM-2020-GCIII-118" not in verdict.cites


class TestPendingAsylum:
    """RC-33, UNHCR-HB-28: refugee status is declaratory, so a move towards persecution waits
    for the decision on his claim, under every reading."""

    ASYLUM = {"date": "2025-02-19", "event": "request_protection", "kind": "asylum"}
    STRICT = {"ihl_non_refoulement": "strict_text", "human_rights_non_refoulement": False}

    def test_a_pending_claim_bars_a_return_towards_persecution_rc_33(self):
        verdict = ask(case(CAPTURE, self.ASYLUM, ENDED, **self.STRICT), "repatriate", to="KP")
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "asylum_pending")
        assert found.kind == "precondition"
        assert found.cites[:2] == ("RC-33", "UNHCR-HB-28")

    def test_the_bar_lifts_once_the_claim_is_decided_rc_33(self):
        refused = {"date": "2026-05-01", "event": "decide_protection", "granted": False}
        verdict = ask(
            case(CAPTURE, self.ASYLUM, refused, ENDED, **self.STRICT), "repatriate", to="KP"
        )
        assert "asylum_pending" not in codes(verdict)

    def test_his_verified_wish_to_go_home_lifts_it_rc_33(self):
        verdict = ask(
            case(CAPTURE, self.ASYLUM, ENDED, wish("KP"), **self.STRICT), "repatriate", to="KP"
        )
        assert "asylum_pending" not in codes(verdict)

    def test_a_claim_elsewhere_is_no_bar_rc_33(self):
        request = {
            "date": "2025-02-19",
            "event": "request_protection",
            "kind": "third_state",
            "state": "KR",
        }
        verdict = ask(case(CAPTURE, request, ENDED, **self.STRICT), "repatriate", to="KP")
        assert "asylum_pending" not in codes(verdict)

    def test_ukrainian_law_protects_an_applicant_from_any_risk_ua_ref_law_1(self):
        """Only torture is on record: not persecution, but the applicant's certificate of
        lawful stay protects him from removal meanwhile."""
        risk = {"date": "2025-02-01", "event": "risk_on_return", "state": "RU", "kind": "torture"}
        verdict = ask(
            case(CAPTURE, risk, self.ASYLUM, ENDED, subject=RU_SOLDIER, **self.STRICT),
            "repatriate",
            to="RU",
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "asylum_pending_national_law")
        assert found.cites == ("UA-REF-LAW-1",)
        assert "RC-33" not in verdict.cites

    def test_no_assumption_is_relied_on_for_it(self):
        verdict = ask(case(CAPTURE, self.ASYLUM, ENDED), "repatriate", to="KP")
        assert "asylum_pending" in codes(verdict)
        verdict = ask(
            case(CAPTURE, self.ASYLUM, ENDED, ihl_non_refoulement="free_will"),
            "repatriate",
            to="KP",
        )
        assert "asylum_pending" in codes(verdict)


class TestPowerOfOriginAndMembership:
    """GCIII-4A(1), API-47(2)(e): his power of origin is his state if it is a party to the
    conflict, else the state whose forces he served in; membership of a party's forces makes
    him a prisoner of war, whatever his passport, and no mercenary."""

    def test_a_recruit_from_a_non_party_depends_on_the_forces_he_served_gciii_118(self):
        ended = case(CAPTURE, ENDED, subject=NEPALI_RECRUIT)
        verdict = ask(ended, "repatriate")
        assert verdict.outcome is Outcome.ALLOWED, [r.text for r in verdict.reasons]
        assert dict(reason(verdict, "repatriation_due").params)["to"] == "RU"
        refused = ask(ended, "repatriate", to="NP")
        assert dict(reason(refused, "not_power_of_origin").params)["power_of_origin"] == "RU"

    def test_a_national_of_a_party_depends_on_his_state_gciii_118(self):
        verdict = ask(case(CAPTURE, ENDED, subject=KP_IN_RU_FORCES), "repatriate", to="RU")
        assert dict(reason(verdict, "not_power_of_origin").params)["power_of_origin"] == "KP"
        assert "status_route" in verdict.assumptions
        integrated = case(
            CAPTURE, ENDED, subject=KP_IN_RU_FORCES, status_route="integrated_forces"
        )
        assert "not_power_of_origin" not in codes(ask(integrated, "repatriate", to="RU"))

    def test_before_his_state_joined_the_conflict_his_forces_decide_gciii_118(self):
        """KP became a party to the conflict on 2024-10-23 (its deployment to Kursk)."""
        held = case({"date": "2024-09-01", "event": "capture"}, subject=KP_IN_RU_FORCES)
        assert held.situation(datetime.date(2024, 10, 22)).power_of_origin == "RU"
        assert held.situation(datetime.date(2024, 10, 23)).power_of_origin == "KP"

    def test_an_authority_may_find_a_foreign_member_of_a_party_s_forces_a_pow_gciii_4a1(self):
        verdict = ask(
            case(CAPTURE, subject=NEPALI_RECRUIT),
            "determine_status",
            outcome="pow",
            by="authority",
        )
        assert verdict.outcome is Outcome.ALLOWED, [r.text for r in verdict.reasons]
        assert "GCIII-4A(1)" in verdict.cites
        assert "status_route" not in verdict.assumptions

    def test_a_militia_in_the_forces_counts_gciii_4a1(self):
        militia = Subject(id="m", nationality=["RU"], forces="RU", membership="militia_in_forces")
        verdict = ask(
            case(CAPTURE, subject=militia), "determine_status", outcome="pow", by="authority"
        )
        assert verdict.outcome is Outcome.ALLOWED

    @pytest.mark.parametrize("membership", ["other_group", "none"])
    def test_others_need_a_tribunal_gciii_4a1(self, membership):
        other = Subject(id="m", nationality=["RU"], forces="RU", membership=membership)
        verdict = ask(
            case(CAPTURE, subject=other), "determine_status", outcome="pow", by="authority"
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "pow_by_authority_needs_membership")
        assert found.kind == "precondition"
        assert "GCIII-5" in found.cites

    def test_forces_of_a_state_not_at_war_with_the_holder_need_a_tribunal_gciii_4a1(self):
        foreign = Subject(id="m", nationality=["IN"], forces="IN")
        verdict = ask(
            case(CAPTURE, subject=foreign), "determine_status", outcome="pow", by="authority"
        )
        assert verdict.outcome is Outcome.REFUSED
        assert "pow_by_authority_needs_party_forces" in codes(verdict)

    def test_a_member_of_a_party_s_forces_is_no_mercenary_api_47_2_e(self):
        verdict = ask(
            case(CAPTURE, subject=NEPALI_RECRUIT),
            "determine_status",
            outcome="unprivileged_detainee",
            by="tribunal",
            grounds="mercenary",
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "member_of_forces_not_mercenary")
        assert found.kind == "prohibition"
        assert "API-47(2)(e)" in found.cites

    def test_a_mercenary_finding_is_judged_by_custom_where_api_does_not_bind_cihl_108(self):
        korean_war = case({"date": "1952-05-01", "event": "capture"}, holder="US")
        verdict = ask(
            korean_war,
            "determine_status",
            outcome="unprivileged_detainee",
            by="tribunal",
            grounds="mercenary",
        )
        found = reason(verdict, "member_of_forces_not_mercenary")
        assert found.cites == ("CIHL-108",)

    def test_a_mercenary_finding_for_someone_outside_the_forces_stands_api_47(self):
        outsider = Subject(id="m", nationality=["NP"], forces="RU", membership="none")
        verdict = ask(
            case(CAPTURE, subject=outsider),
            "determine_status",
            outcome="unprivileged_detainee",
            by="tribunal",
            grounds="mercenary",
        )
        assert verdict.outcome is Outcome.ALLOWED

    def test_membership_defaults_to_the_armed_forces_where_forces_is_set(self):
        assert NEPALI_RECRUIT.membership is None
        assert NEPALI_RECRUIT.member_of_forces == "armed_forces"
        assert Subject(id="x", nationality=["NP"]).member_of_forces is None
        assert "membership" not in NEPALI_RECRUIT.to_dict()

    def test_membership_is_checked_and_located(self):
        with pytest.raises(InvalidInput) as caught:
            Record.from_dict(
                {
                    "subject": {
                        "id": "x",
                        "name": "Secret Name",
                        "nationality": ["NP"],
                        "forces": "RU",
                        "membership": "armed_force",
                    },
                    "detaining_power": "UA",
                }
            )
        problem = caught.value.problems[0]
        assert problem.path == "subject.membership"
        assert problem.suggestion == "armed_forces"
        assert "Secret Name" not in str(caught.value)

    def test_membership_round_trips(self):
        record = Record.from_dict(
            {
                "subject": {
                    "id": "x",
                    "nationality": ["RU"],
                    "forces": "RU",
                    "membership": "militia_in_forces",
                },
                "detaining_power": "UA",
            }
        )
        assert record.subject.membership == "militia_in_forces"
        assert Record.from_dict(record.to_dict()) == record


class TestNationalLawAndCustody:
    """NKRA for the Republic of Korea's decisions only; NKRA-9(1) keeps a resettlement open;
    GCIII-120 and GCIII-121 bind only a holder; the receiving state's consent is GCIII-12(2)."""

    def test_a_russian_asking_ukraine_for_asylum_gets_no_korean_law_nkra_3(self):
        asked = case(
            CAPTURE,
            {"date": "2025-02-19", "event": "request_protection", "kind": "asylum"},
            subject=RU_SOLDIER,
        )
        assert not [c for c in asked.steps[-1].cites if c.startswith("NKRA")]

    def test_a_russian_asking_korea_gets_no_korean_defectors_law_nkra_3(self):
        verdict = ask(
            case(CAPTURE, subject=RU_SOLDIER), "request_protection", kind="third_state", state="KR"
        )
        assert not [c for c in verdict.cites if c.startswith("NKRA")]

    def test_a_north_korean_asking_korea_does_nkra_3(self):
        verdict = ask(case(CAPTURE), "request_protection", kind="third_state", state="KR")
        assert "NKRA-3" in verdict.cites

    def _released_to(self, state, *more, subject=KP_SOLDIER):
        consent = {"date": "2025-03-17", "event": "receiving_state_consents", "state": state}
        verified = {
            "date": "2025-03-18",
            "event": "wish_verified",
            "destination": state,
            "verifier": "icrc",
        }
        release = {"date": "2025-04-01", "event": "release_to_third_state", "to": state}
        return case(CAPTURE, *more, consent, verified, release, subject=subject)

    def test_an_unassessed_allegation_keeps_resettlement_open_on_nkra_9_1(self):
        request = {
            "date": "2025-02-19",
            "event": "request_protection",
            "kind": "third_state",
            "state": "KR",
        }
        released = self._released_to("KR", request)
        alleged = released.apply({"date": "2025-04-02", "event": "war_crime_allegation"})
        verdict = ask(alleged, "resettle")
        assert verdict.outcome is Outcome.UNDETERMINED
        assert verdict.missing[0].to_dict() == {
            "fact": "decision",
            "by": "KR",
            "provision": "NKRA-9(1)",
        }
        found = reason(verdict, "nkra_exclusion_open")
        assert found.kind == "open"
        assert found.cites == ("NKRA-9(1)",)

    def test_resettlement_elsewhere_cites_no_korean_law_nkra(self):
        resettled = self._released_to("GB", subject=RU_SOLDIER).apply(
            {"date": "2025-05-01", "event": "resettle"}
        )
        assert not [c for c in resettled.steps[-1].cites if c.startswith("NKRA")]

    def test_no_death_duties_after_a_successful_escape_gciii_120(self):
        escaped = case(CAPTURE, {"date": "2025-02-01", "event": "escape"})
        dead = escaped.apply({"date": "2025-03-01", "event": "die", "cause": "killed_by_other"})
        assert not {"GCIII-120", "GCIII-121"} & set(dead.steps[-1].cites)

    def test_death_duties_in_custody_gciii_120_121(self):
        dead = case(CAPTURE).apply({"date": "2025-03-01", "event": "die", "cause": "unknown"})
        assert {"GCIII-120", "GCIII-121"} <= set(dead.steps[-1].cites)

    def test_a_death_after_transfer_names_the_power_that_answers_gciii_12_2(self):
        consents = {"date": "2025-03-01", "event": "receiving_state_consents", "state": "GB"}
        moved = case(
            CAPTURE,
            consents,
            {"date": "2025-03-02", "event": "transfer_to_power", "to": "GB"},
            subject=RU_SOLDIER,
        )
        verdict = ask(moved, "die", cause="illness")
        found = reason(verdict, "death_in_other_hands")
        assert dict(found.params)["state"] == "GB"
        assert "GCIII-120" not in verdict.cites

    def test_the_receiving_state_s_consent_to_a_release_cites_gciii_5_not_gciii_12_2(self):
        # A released man is admitted on the receiving state's consent as a sovereign: during
        # hostilities the reason cites GCIII-5 (he leaves the Convention's protection), not
        # GCIII-12(2), which governs transfers; the ICRC's commentary is cited only beside
        # GCIII-7 for his wish during hostilities (GCIII-118 governs only after them).
        consent = {"date": "2025-03-17", "event": "receiving_state_consents", "state": "KR"}
        verified = {
            "date": "2025-03-18",
            "event": "wish_verified",
            "destination": "KR",
            "verifier": "icrc",
        }
        allowed = ask(case(CAPTURE, consent, verified), "release_to_third_state", to="KR")
        assert allowed.outcome is Outcome.ALLOWED
        assert reason(allowed, "third_state_consents").cites == ("GCIII-5",)
        assert reason(allowed, "wish_for_third_state").cites == ("GCIII-7",)
        assert "GCIII-12(2)" not in allowed.cites
        missing = ask(case(CAPTURE, verified), "release_to_third_state", to="KR")
        assert reason(missing, "third_state_has_not_consented").cites == ("GCIII-5",)


class TestGraveBreachSuspects:
    """GCIII-129, GCIV-146: a credible grave-breach suspect is tried, or handed to a party
    with a case against him, before he is returned."""

    def alleged(self, *more, **fields):
        allegation = {"date": "2025-03-01", "event": "war_crime_allegation", **fields}
        return case(CAPTURE, allegation, *more, ENDED, subject=RU_SOLDIER)

    def test_an_untried_suspect_is_not_repatriated_gciii_129(self):
        verdict = ask(self.alleged(credible=True, grave_breach_of="gciii"), "repatriate")
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "grave_breach_suspect_not_tried")
        assert found.kind == "precondition"
        assert found.cites == ("GCIII-129",)

    def test_nor_exchanged_gciii_129(self):
        agreed = {"date": "2025-05-01", "event": "exchange_agreed", "between": ["UA", "RU"]}
        allegation = {
            "date": "2025-03-01",
            "event": "war_crime_allegation",
            "credible": True,
            "grave_breach_of": "gciii",
        }
        verdict = ask(case(CAPTURE, allegation, agreed, subject=RU_SOLDIER), "exchange", to="RU")
        assert "grave_breach_suspect_not_tried" in codes(verdict)

    def test_a_grave_breach_of_gciv_cites_gciv_146(self):
        verdict = ask(self.alleged(credible=True, grave_breach_of="gciv"), "repatriate")
        assert reason(verdict, "grave_breach_suspect_not_tried").cites == ("GCIV-146",)

    def test_once_charged_he_may_be_returned_gciii_129(self):
        charged = {"date": "2025-04-01", "event": "charge", "offence": "war_crime"}
        acquitted = {"date": "2025-09-01", "event": "acquit"}
        verdict = ask(
            self.alleged(charged, acquitted, credible=True, grave_breach_of="gciii"), "repatriate"
        )
        assert verdict.outcome is Outcome.ALLOWED, [r.text for r in verdict.reasons]

    def test_while_his_trial_is_pending_he_is_not_returned_gciii_129(self):
        # Returning him would drop the prosecution the article asks for: charged is not tried.
        charged = {"date": "2025-04-01", "event": "charge", "offence": "war_crime"}
        verdict = ask(self.alleged(charged, credible=True, grave_breach_of="gciii"), "repatriate")
        assert verdict.outcome is Outcome.REFUSED
        assert "grave_breach_suspect_not_tried" in codes(verdict)

    def test_once_convicted_the_duty_to_try_him_is_met_gciii_129(self):
        charged = {"date": "2025-04-01", "event": "charge", "offence": "war_crime"}
        convicted = {"date": "2025-09-01", "event": "convict"}
        verdict = ask(
            self.alleged(charged, convicted, credible=True, grave_breach_of="gciii"), "repatriate"
        )
        assert "grave_breach_suspect_not_tried" not in codes(verdict)

    def test_an_unassessed_allegation_leaves_it_open_gciii_129(self):
        verdict = ask(self.alleged(grave_breach_of="gciii"), "repatriate")
        assert verdict.outcome is Outcome.UNDETERMINED
        assert "allegation_credible" in {m.fact for m in verdict.missing}

    def test_an_unknown_kind_of_breach_leaves_it_open_gciii_129(self):
        verdict = ask(self.alleged(credible=True), "repatriate")
        assert verdict.outcome is Outcome.UNDETERMINED
        assert "grave_breach_of" in {m.fact for m in verdict.missing}

    def test_no_grave_breach_no_bar_gciii_129(self):
        verdict = ask(self.alleged(credible=True, grave_breach_of="none"), "repatriate")
        assert verdict.outcome is Outcome.ALLOWED
        verdict = ask(self.alleged(credible=False, grave_breach_of="gciii"), "repatriate")
        assert verdict.outcome is Outcome.ALLOWED

    def test_a_possible_violation_in_descriptive_mode_gciii_129(self):
        allegation = {
            "date": "2025-03-01",
            "event": "war_crime_allegation",
            "credible": True,
            "grave_breach_of": "gciii",
        }
        returned = case(
            CAPTURE,
            allegation,
            ENDED,
            {"date": "2026-06-02", "event": "repatriate"},
            subject=RU_SOLDIER,
            mode="descriptive",
        )
        assert [v.index for v in returned.possible_violations] == [3]
        assert not returned.violations
