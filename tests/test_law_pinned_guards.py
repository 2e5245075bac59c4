"""The guards' finer rules, each pinned by the law it applies: the conditions and parameters
a mutant of ``powcase.law.guards`` could change without changing which reasons are given
(tools/mutate_law.py; docs/how-to/mutation-testing.md).
"""

import pytest

from powcase import Assumptions, Case, Outcome, Subject
from support import codes, reason, texts

RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
UA_SOLDIER = Subject(id="taras", nationality=["UA"], forces="UA")
KURSK_RESIDENT = Subject(id="resident", nationality=["RU"], membership="none")
UA_CIVILIAN = Subject(id="olena", nationality=["UA"], membership="none")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
IN_KURSK = {"date": "2024-08-20", "event": "capture", "territory": "occupied"}
IN_RUSSIA = {"date": "2024-08-20", "event": "capture", "territory": "own"}
INTERNED = {
    "date": "2024-08-25",
    "event": "determine_status",
    "outcome": "civilian_internee",
    "by": "authority",
}
ENDED = {"date": "2026-06-01", "event": "hostilities_ended"}


def case(*events, subject=RU_SOLDIER, holder="UA", mode="normative", **readings):
    opened = Case.open(subject, holder, assumptions=Assumptions(**readings), mode=mode)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def params(found):
    return dict(found.params)


class TestCapture:
    @pytest.mark.parametrize("by", [None, "UA"])
    def test_captured_by_the_holder_itself_gives_no_note_gciii_12(self, by):
        """GCIII-12: the holder answers for him; a note names another capturing state only."""
        event = dict(CAPTURE) if by is None else {**CAPTURE, "by": by}
        verdict = case().verdict(event)
        assert codes(verdict) == {"protection_starts"}

    def test_captured_by_another_state_names_both_gciii_12(self):
        verdict = case().verdict({**CAPTURE, "by": "GB"})
        assert params(reason(verdict, "captured_by_another_state")) == {"by": "GB", "holder": "UA"}


class TestStatus:
    def test_only_a_tribunal_may_make_a_protected_civilian_an_unprivileged_detainee_gciii_5(
        self,
    ):
        """GCIII-5, API-45: an authority may intern a civilian (GCIV-42, GCIV-78); any other
        status it finds needs a competent tribunal.
        """
        verdict = case(IN_KURSK, subject=KURSK_RESIDENT).verdict(
            {
                "date": "2024-08-25",
                "event": "determine_status",
                "outcome": "unprivileged_detainee",
                "by": "authority",
            }
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "status_denial_needs_tribunal")
        assert (found.cites, params(found)) == (
            ("GCIII-5", "API-45"),
            {"outcome": "unprivileged_detainee"},
        )


class TestStatusStopsAtItsFirstBar:
    """Where a status decision fails on one ground, no other is judged (its reason stands
    alone): GCIV-4, GCIII-4A(1) as read by ``detaining_power_nationals``, GCIII-5.
    """

    OWN = {"date": "2025-01-09", "event": "capture", "territory": "own"}

    def test_an_own_national_is_no_civilian_internee_gciv_4(self):
        verdict = case(self.OWN, subject=UA_CIVILIAN).verdict(
            {"event": "determine_status", "outcome": "civilian_internee", "by": "authority"}
        )
        assert codes(verdict) == {"not_protected_person"}

    def test_an_own_national_is_not_its_pow_on_that_reading_gciii_4a_1(self):
        verdict = case(self.OWN, subject=UA_CIVILIAN).verdict(
            {"event": "determine_status", "outcome": "pow", "by": "authority"}
        )
        assert codes(verdict) == {"national_of_detaining_power"}

    def test_a_denial_by_an_authority_needs_a_tribunal_whatever_his_forces_gciii_5(self):
        unknown = Subject(id="x", nationality=["KP"])
        verdict = case(CAPTURE, subject=unknown).verdict(
            {"event": "determine_status", "outcome": "unprivileged_detainee", "by": "authority"}
        )
        assert codes(verdict) == {"status_denial_needs_tribunal"}


class TestProtectionRequests:
    def test_a_civilian_internee_may_seek_asylum_rc_1a_2(self):
        """RC-1A(2): one not held as a prisoner of war asks asylum with no reading to apply."""
        verdict = case(IN_KURSK, INTERNED, subject=KURSK_RESIDENT).verdict(
            {"date": "2024-09-01", "event": "request_protection", "kind": "asylum"}
        )
        assert verdict.outcome is Outcome.ALLOWED
        found = reason(verdict, "may_seek_asylum")
        assert (found.cites, params(found), found.reading) == (
            ("RC-1A(2)",),
            {"state": "UA"},
            None,
        )

    def test_a_state_the_refugee_convention_does_not_bind_grants_under_its_own_law(self):
        """RC-1A(2), RC-1F bind only their parties: India's grant rests on its own law."""
        asked = case(
            CAPTURE,
            {"date": "2025-02-01", "event": "request_protection", "kind": "asylum"},
            holder="IN",
        )
        verdict = asked.verdict({"event": "decide_protection", "granted": True})
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "asylum_granted").cites == ()
        assert params(reason(verdict, "rule_not_binding"))["provision"] == "RC-1F"

    def test_a_state_not_bound_by_the_convention_applies_no_nationality_reading_rc_1a_2(self):
        """``rok_nationality`` reads RC-1A(2): India, not bound by it, decides alone."""
        asked = case(
            CAPTURE,
            {"date": "2025-02-01", "event": "request_protection", "kind": "asylum"},
            subject=KP_SOLDIER,
            holder="IN",
            rok_nationality="effective",
        )
        verdict = asked.verdict({"event": "decide_protection", "granted": True})
        assert verdict.outcome is Outcome.ALLOWED
        assert "other_nationality_protects" not in codes(verdict)

    def test_complementary_protection_outside_ukraine_is_not_modelled_ua_ref_law_1(self):
        asked = case(
            CAPTURE,
            {"date": "2025-02-01", "event": "request_protection", "kind": "asylum"},
            subject=UA_SOLDIER,
            holder="RU",
        )
        verdict = asked.verdict(
            {"event": "decide_protection", "granted": True, "granted_as": "complementary"}
        )
        assert verdict.outcome is Outcome.ALLOWED
        assert codes(verdict) == {"asylum_granted"}
        assert reason(verdict, "asylum_granted").cites == ()

    def test_an_unassessed_allegation_leaves_complementary_protection_open_ua_ref_law_6(self):
        asked = case(
            CAPTURE,
            {"date": "2025-02-01", "event": "request_protection", "kind": "asylum"},
            {"date": "2025-02-02", "event": "war_crime_allegation"},
        )
        verdict = asked.verdict(
            {"event": "decide_protection", "granted": True, "granted_as": "complementary"}
        )
        assert verdict.outcome is Outcome.UNDETERMINED
        assert reason(verdict, "allegation_credibility_open").cites == ("UA-REF-LAW-6",)


class TestTheInternationalCriminalCourt:
    """ICC-RS-12: the Court may try an act where, on the day, the state where it was
    committed accepted it, or his own state was a party (a declaration reaches only its
    territory). One note, whichever state gives it.
    """

    @staticmethod
    def charged(place, committed_on, subject=UA_SOLDIER):
        alleged = {
            "date": "2025-01-20",
            "event": "war_crime_allegation",
            "credible": True,
            "place": place,
        }
        if committed_on is not None:
            alleged["committed_on"] = committed_on
        return case(CAPTURE, alleged, subject=subject, holder="RU").verdict(
            {"date": "2025-02-01", "event": "charge", "offence": "war_crime"}
        )

    def test_a_party_s_national_abroad_icc_rs_12(self):
        """Ukraine is a party from 2025-01-01: its national's act in Russia is within reach."""
        found = reason(self.charged("RU", "2025-01-05"), "icc_jurisdiction")
        assert params(found) == {"state": "UA", "date": "2025-01-05"}

    def test_a_declarant_s_national_abroad_is_not_reached_icc_rs_12(self):
        """Before 2025 Ukraine had only declared under Art. 12(3), for its own territory."""
        assert "icc_jurisdiction" not in codes(self.charged("RU", "2024-06-05"))

    def test_an_act_with_no_date_gives_no_note_icc_rs_12(self):
        assert "icc_jurisdiction" not in codes(self.charged("UA", None))

    def test_one_note_where_place_and_nationality_both_reach_it_icc_rs_12(self):
        briton = Subject(id="g", nationality=["GB"], forces="UA")
        verdict = self.charged("UA", "2025-01-05", subject=briton)
        notes = [r for r in verdict.reasons if r.code == "icc_jurisdiction"]
        assert [params(r)["state"] for r in notes] == ["UA"]

    def test_one_note_for_several_acts_icc_rs_12(self):
        acts = [
            {
                "date": "2025-01-20",
                "event": "war_crime_allegation",
                "credible": True,
                "place": "UA",
                "committed_on": day,
            }
            for day in ("2025-01-05", "2025-01-06")
        ]
        verdict = case(CAPTURE, *acts, subject=UA_SOLDIER, holder="RU").verdict(
            {"date": "2025-02-01", "event": "charge", "offence": "war_crime"}
        )
        assert [r.code for r in verdict.reasons].count("icc_jurisdiction") == 1


class TestTrials:
    def test_a_civilian_found_a_spy_has_gciv_5_cited_for_an_ordinary_charge(self):
        """GCIV-5: a protected person suspected of hostile activity (found a spy) has the
        article cited for any trial.
        """
        spy = {**INTERNED, "by": "tribunal", "grounds": "spy"}
        verdict = case(IN_KURSK, spy, subject=KURSK_RESIDENT).verdict(
            {"date": "2024-10-01", "event": "charge", "offence": "ordinary_crime"}
        )
        assert "GCIV-5" in reason(verdict, "tried_with_guarantees").cites

    def test_a_civilian_convicted_fairly_rests_on_his_own_guarantees_gciv_71(self):
        """Not a prisoner of war: the conviction rests on ICCPR-14, CIHL-100 and, in occupied
        territory, GCIV-71 to 74, not on GCIII-99.
        """
        charged = case(
            IN_KURSK,
            INTERNED,
            {"date": "2024-10-01", "event": "charge", "offence": "ordinary_crime"},
            subject=KURSK_RESIDENT,
        )
        verdict = charged.verdict({"date": "2024-11-01", "event": "convict"})
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "convicted_after_fair_trial").cites == (
            "ICCPR-14",
            "CIHL-100",
            "GCIV-71",
            "GCIV-72",
            "GCIV-73",
            "GCIV-74",
        )

    @pytest.mark.parametrize(("day", "barred"), [("1999-12-29", True), ("1999-12-28", False)])
    def test_the_death_penalty_is_barred_from_the_day_of_abolition_iccpr_6(self, day, barred):
        """ICCPR-6 (Judge v Canada): Ukraine abolished the death penalty on 1999-12-29."""
        charged = case(
            {"date": "1999-12-01", "event": "capture"},
            {"date": "1999-12-10", "event": "charge", "offence": "war_crime"},
        )
        verdict = charged.verdict({"date": day, "event": "convict", "sentence": "death"})
        assert ("death_penalty_abolished" in codes(verdict)) is barred


class TestMoves:
    def test_an_exchange_agreement_must_bind_the_holder_and_the_receiver_gciii_6(self):
        """GCIII-6: the agreement is between the detaining power and the receiving state."""
        for between in (["RU", "BY"], ["UA", "KP"]):
            agreed = {"date": "2025-05-01", "event": "exchange_agreed", "between": between}
            verdict = case(CAPTURE, agreed).verdict({"event": "exchange", "to": "RU"})
            assert "no_exchange_agreement" in codes(verdict), between

    def test_an_allegation_found_not_credible_does_not_hold_him_back_gciii_129(self):
        alleged = {
            "date": "2025-01-20",
            "event": "war_crime_allegation",
            "credible": False,
            "grave_breach_of": "gciii",
        }
        verdict = case(CAPTURE, alleged, ENDED).verdict({"event": "repatriate"})
        assert verdict.outcome is Outcome.ALLOWED
        assert "grave_breach_suspect_not_tried" not in codes(verdict)

    FINDING = {"date": "2025-04-01", "event": "medical_assessment", "category": "gcIII_110_1"}

    def test_after_hostilities_a_medical_repatriation_needs_no_consent_gciii_109_3(self):
        """GCIII-109(3) protects his will during hostilities; after them GCIII-118 governs."""
        verdict = case(CAPTURE, self.FINDING, ENDED).verdict(
            {"event": "repatriate_medically", "to": "RU"}
        )
        assert verdict.outcome is Outcome.ALLOWED, texts(verdict)
        assert "against_his_will" not in codes(verdict)

    def test_a_medical_repatriation_is_a_return_under_gciii_118_icrc_2020(self):
        """The ICRC (2020) reads non-refoulement into GCIII-118 for a return home."""
        risk = {"date": "2025-04-01", "event": "risk_on_return", "state": "RU", "kind": "torture"}
        verdict = case(CAPTURE, self.FINDING, risk).verdict(
            {"event": "repatriate_medically", "to": "RU"}
        )
        assert reason(verdict, "refoulement_icrc_2020").cites == (
            "GCIII-118",
            "ICRC-COM-2020-GCIII-118",
        )

    CONSENT = {"date": "2025-02-01", "event": "receiving_state_consents", "state": "GB"}
    RISK_IN_GB = {
        "date": "2025-02-01",
        "event": "risk_on_return",
        "state": "GB",
        "kind": "torture",
    }

    def test_a_transfer_towards_torture_is_refused_under_gciii_12_icrc_2020(self):
        verdict = case(CAPTURE, self.CONSENT, self.RISK_IN_GB).verdict(
            {"event": "transfer_to_power", "to": "GB"}
        )
        assert verdict.outcome is Outcome.REFUSED
        assert reason(verdict, "refoulement_icrc_2020").cites == (
            "GCIII-12",
            "ICRC-COM-2020-GCIII-12",
        )
        assert "transfer_to_party" not in codes(verdict)

    def test_a_release_to_a_third_state_towards_torture_is_read_under_gciii_12(self):
        consent = {**self.CONSENT, "scope": "release"}
        verdict = case(CAPTURE, consent, self.RISK_IN_GB).verdict(
            {"event": "release_to_third_state", "to": "GB"}
        )
        assert verdict.outcome is Outcome.REFUSED
        assert reason(verdict, "refoulement_icrc_2020").cites == (
            "GCIII-12",
            "ICRC-COM-2020-GCIII-12",
        )

    def test_a_protected_person_is_not_transferred_towards_torture_cat_3(self):
        consent = {**self.CONSENT, "date": "2024-09-01"}
        risk = {**self.RISK_IN_GB, "date": "2024-09-01"}
        interned = case(IN_RUSSIA, INTERNED, consent, risk, subject=KURSK_RESIDENT)
        verdict = interned.verdict({"event": "transfer_to_power", "to": "GB"})
        assert verdict.outcome is Outcome.REFUSED
        assert reason(verdict, "refoulement_human_rights").cites == ("CAT-3", "ICCPR-7", "ECHR-3")

    def test_a_protected_person_goes_to_a_consenting_party_gciv_45_3(self):
        consent = {**self.CONSENT, "date": "2024-09-01"}
        interned = case(IN_RUSSIA, INTERNED, consent, subject=KURSK_RESIDENT)
        verdict = interned.verdict({"event": "transfer_to_power", "to": "GB"})
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "transfer_to_party").cites == ("GCIV-45(3)",)

    def test_the_soviet_reservation_to_gciii_12_is_noted_on_a_transfer(self):
        verdict = case(CAPTURE, self.CONSENT, subject=UA_SOLDIER, holder="RU").verdict(
            {"event": "transfer_to_power", "to": "GB"}
        )
        assert verdict.outcome is Outcome.ALLOWED
        found = reason(verdict, "reservation_in_force")
        assert (found.cites, params(found)["state"]) == (("GCIII-12",), "RU")

    def test_the_recall_names_the_receiver_gciii_12_3(self):
        consent = {"date": "2025-03-01", "event": "receiving_state_consents", "state": "GB"}
        moved = {"date": "2025-03-02", "event": "transfer_to_power", "to": "GB"}
        verdict = case(CAPTURE, consent, moved).verdict({"event": "recall"})
        assert params(reason(verdict, "no_failure_notified")) == {"state": "GB"}


class TestNeutralCustody:
    """GCIII-6: the custodian is held by the forces of a state not party to the conflict:
    neither the detaining power, nor his power of origin or state of nationality, nor a
    co-belligerent.
    """

    AGREED = {
        "date": "2025-01-05",
        "event": "agreement_concluded",
        "kind": "neutral_custody",
        "between": ["UA", "RU"],
    }

    @pytest.mark.parametrize(
        ("subject", "state", "why"),
        [
            (RU_SOLDIER, "UA", "detaining_power"),
            (RU_SOLDIER, "RU", "power_of_origin"),
            (RU_SOLDIER, "KP", "party"),
            (Subject(id="recruit", nationality=["IN"], forces="RU"), "IN", "nationality"),
        ],
        ids=["detaining power", "power of origin", "co-belligerent", "his nationality"],
    )
    def test_a_party_to_the_conflict_is_no_neutral_custodian_gciii_6(self, subject, state, why):
        verdict = case(self.AGREED, CAPTURE, subject=subject).verdict(
            {"date": "2025-01-11", "event": "hand_over_to_neutral_custody", "state": state}
        )
        assert verdict.outcome is Outcome.REFUSED
        assert params(reason(verdict, "custodian_not_neutral")) == {"state": state, "why": why}

    def test_a_neutral_state_may_hold_him_gciii_6(self):
        verdict = case(self.AGREED, CAPTURE).verdict(
            {"date": "2025-01-11", "event": "hand_over_to_neutral_custody", "state": "CH"}
        )
        assert verdict.outcome is Outcome.ALLOWED
        assert "custodian_not_neutral" not in codes(verdict)

    def test_the_return_from_custody_names_the_custodian_s_state(self):
        held = case(
            self.AGREED,
            CAPTURE,
            {"date": "2025-01-11", "event": "hand_over_to_neutral_custody", "state": "CH"},
        )
        verdict = held.verdict({"date": "2025-07-01", "event": "return_from_neutral_custody"})
        assert params(reason(verdict, "returned_from_neutral_custody")) == {
            "holder": "UA",
            "state": "CH",
        }


class TestReleaseWhenEveryReturnIsBarred:
    """GCIII-118 as the ICRC reads it (2020): after hostilities, a release in the detaining
    state instead of a return needs every return barred: to his power of origin and to his
    state of nationality.
    """

    KP_IN_RUSSIAN_FORCES = Subject(id="k", nationality=["KP"], forces="RU")

    def test_both_returns_are_tried_gciii_118(self):
        verdict = case(
            CAPTURE, ENDED, subject=self.KP_IN_RUSSIAN_FORCES, status_route="integrated_forces"
        ).verdict({"event": "release_in_detaining_state"})
        assert verdict.outcome is Outcome.ALLOWED
        assert params(reason(verdict, "every_return_barred"))["states"] == "RU, KP"

    def test_a_return_home_open_on_his_wish_leaves_the_release_open_cat_3(self):
        """He verified a wish to go home to a risk of torture: whether the risk stands
        despite his wish is open (CAT-3), so whether every return is barred is open too.
        """
        wish = {
            "date": "2025-03-01",
            "event": "wish_verified",
            "destination": "KP",
            "verifier": "icrc",
        }
        verdict = case(CAPTURE, wish, ENDED, subject=KP_SOLDIER).verdict(
            {"event": "release_in_detaining_state"}
        )
        assert verdict.outcome is Outcome.UNDETERMINED
        assert codes(verdict) == {"risk_despite_wish_open"}
        assert {m.fact for m in verdict.missing} == {"risk_despite_wish"}

    def test_the_release_rests_on_the_reading_that_barred_the_returns(self):
        verdict = case(CAPTURE, ENDED, subject=KP_SOLDIER).verdict(
            {"event": "release_in_detaining_state"}
        )
        found = reason(verdict, "every_return_barred")
        assert found.reading is not None
        assert (found.reading.assumption, found.reading.option) == (
            "ihl_non_refoulement",
            "icrc_2020",
        )
        assert "ihl_non_refoulement" in verdict.assumptions


class TestDeaths:
    @pytest.mark.parametrize("cause", ["wounds", "illness"])
    def test_a_natural_death_needs_no_inquiry_gciii_121(self, cause):
        verdict = case(CAPTURE).verdict({"event": "die", "cause": cause})
        assert codes(verdict) == {"death_recorded"}

    def test_a_death_of_unknown_cause_needs_an_inquiry_gciii_121(self):
        verdict = case(CAPTURE).verdict({"event": "die", "cause": "unknown"})
        assert reason(verdict, "death_needs_inquiry").cites == ("GCIII-121",)


def test_treaties_that_do_not_bind_the_holder_give_way_or_are_noted_cihl_128():
    """Taiwan is party to none of GCIII, RC or GCIV: a reason citing GCIII-118, RC-33 and
    GCIV-132 cites the customary rule in GCIII-118's place (CIHL-128) and notes each treaty
    rule that did not bind it.
    """
    held = case(CAPTURE, subject=KP_SOLDIER, holder="TW")
    verdict = held.verdict({"event": "release_in_detaining_state"})
    assert reason(verdict, "no_ground_for_release").cites == ("CIHL-128",)
    notes = [(r.code, params(r)["provision"]) for r in verdict.reasons if r.kind == "note"]
    assert notes == [
        ("customary_rule_applies", "GCIII-118"),
        ("rule_not_binding", "RC-33"),
        ("rule_not_binding", "GCIV-132"),
    ]


@pytest.mark.parametrize(
    ("nationality", "relied"),
    [("RU", False), ("KP", True), ("NP", False)],
    ids=["his own forces", "an ally's forces", "a recruit from a state at peace"],
)
def test_his_power_of_origin_rests_on_status_route_only_where_both_are_parties_gciii_118(
    nationality, relied
):
    """GCIII-118 hands him to his power of origin: where he served in the forces of another
    state and his own is a party adverse to the holder, which it is rests on ``status_route``.
    """
    subject = Subject(id="s", nationality=[nationality], forces="RU")
    verdict = case(CAPTURE, ENDED, subject=subject).verdict({"event": "repatriate"})
    assert ("status_route" in verdict.assumptions) is relied
