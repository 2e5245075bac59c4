"""Agreements, neutral custody and those not treated as prisoners of war, read right.

The terms of an agreement bind its parties whatever the reading of non-refoulement (GCIII-6,
PANMUNJOM-51, PANMUNJOM-TOR-3); the 1953 custody of the Neutral Nations Repatriation
Commission and the January 1954 releases are moves of their own (PANMUNJOM-TOR-4,
PANMUNJOM-TOR-11); a civilian internee is transferred under GCIV-45 and one not treated as a
prisoner of war is tried under API-75(4) and ICCPR-14, never GCIII-84, -99 or -105, while one
who did not distinguish himself keeps a prisoner of war's protection (API-44(4)).

Each test names the provision it rests on; each failed on the model before these changes.
"""

import datetime

import pytest
import yaml

from powcase import Case, InvalidInput, Outcome, Subject, event_from_dict
from powcase.scenario.model import parse_scenarios
from support import armistice_1953, ask, codes, reason, texts

CHINESE = Subject(id="p53", nationality=["CN"], forces="CN")
KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
RU_CIVILIAN = Subject(id="oleg", nationality=["RU"])

CAPTURE_1951 = {"date": "1951-05-01", "event": "capture"}
ARMISTICE = armistice_1953(custodian="NNRC", release_by="1954-01-22")
ENDED_1953 = {"date": "1953-07-27", "event": "hostilities_ended"}
HAND_OVER = {
    "date": "1953-09-23",
    "event": "hand_over_to_neutral_custody",
    "custodian": "NNRC",
    "state": "IN",
}
REFUSED_HOME = {
    "date": "1953-12-23",
    "event": "wish_verified",
    "destination": "TW",
    "by": "Neutral Nations Repatriation Commission",
}
HANDED_BACK = {"date": "1954-01-20", "event": "return_from_neutral_custody"}
TW_CONSENTS = {"date": "1954-01-20", "event": "receiving_state_consents", "state": "TW"}
READINGS = ["icrc_2020", "free_will", "strict_text"]


def case(*events, subject=CHINESE, holder="US", **assumptions):
    opened = Case.open(subject, holder, assumptions=assumptions)
    for event in events:
        opened = opened.apply(event)
    return opened


class TestAgreementTerms:
    """GCIII-6, PANMUNJOM-51, PANMUNJOM-TOR-3: voluntary-repatriation terms bind the states
    that agreed them, whatever the reading of non-refoulement."""

    @pytest.mark.parametrize("reading", READINGS)
    def test_a_return_to_china_against_his_verified_wish_is_refused_panmunjom_51(self, reading):
        held = case(CAPTURE_1951, ARMISTICE, ENDED_1953, REFUSED_HOME, ihl_non_refoulement=reading)
        verdict = ask(held, "repatriate", to="CN", date="1954-01-21")
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "agreement_voluntary_repatriation")
        assert found.kind == "prohibition"
        # Outside the Commission's custody the armistice's own article governs: the Terms of
        # Reference's bar on force (PANMUNJOM-TOR-3) binds that custody.
        assert found.cites == ("PANMUNJOM-51",)

    def test_without_the_agreement_the_default_reading_allows_it_gciii_118(self):
        held = case(CAPTURE_1951, ENDED_1953, REFUSED_HOME)
        verdict = ask(held, "repatriate", to="CN", date="1954-01-21")
        assert verdict.outcome is Outcome.ALLOWED, texts(verdict)

    def test_an_exchange_he_refused_is_refused_too_panmunjom_tor_3(self):
        terms = {**ARMISTICE, "kind": "exchange", "terms": ["no_force", "all_for_all"]}
        verdict = ask(case(CAPTURE_1951, terms, REFUSED_HOME), "exchange", to="CN")
        assert "exchange_agreed" not in codes(verdict)  # a refused step shows no basis
        found = reason(verdict, "agreement_voluntary_repatriation")
        assert found.cites == ("PANMUNJOM-TOR-3",)

    def test_an_agreement_of_kind_exchange_is_an_exchange_agreement_gciii_6(self):
        terms = {**ARMISTICE, "kind": "exchange", "terms": ["all_for_all"]}
        verdict = ask(case(CAPTURE_1951, terms), "exchange", to="CN")
        assert verdict.outcome is Outcome.ALLOWED, texts(verdict)
        assert "exchange_agreed" in codes(verdict)

    def test_all_for_all_lifts_no_bar_gciii_7(self):
        """An all-for-all exchange agreement does not lift the bar on a return towards risk."""
        agreed = {
            "date": "2025-05-01",
            "event": "agreement_concluded",
            "kind": "exchange",
            "between": ["UA", "KP"],
            "terms": ["all_for_all"],
        }
        verdict = ask(
            case(
                {"date": "2025-01-09", "event": "capture"}, agreed, subject=KP_SOLDIER, holder="UA"
            ),
            "exchange",
            to="KP",
        )
        assert verdict.outcome is Outcome.REFUSED
        assert "refoulement_icrc_2020" in codes(verdict)

    def test_voluntary_repatriation_needs_his_wish_to_go_home_panmunjom_51(self):
        ended = case(CAPTURE_1951, ARMISTICE, ENDED_1953, ihl_non_refoulement="strict_text")
        none = ask(ended, "repatriate", to="CN")
        assert none.outcome is Outcome.REFUSED
        found = reason(none, "agreement_needs_wish_to_return")
        assert found.kind == "precondition"
        assert found.cites == ("PANMUNJOM-51",)
        expressed = ended.apply(
            {"date": "1953-08-01", "event": "wish_expressed", "destination": "CN"}
        )
        open_ = ask(expressed, "repatriate", to="CN")
        assert open_.outcome is Outcome.UNDETERMINED
        assert [m.fact for m in open_.missing] == ["wish"]
        verified = ended.apply(
            {
                "date": "1953-08-01",
                "event": "wish_verified",
                "destination": "CN",
                "verifier": "neutral_commission",
            }
        )
        home = ask(verified, "repatriate", to="CN")
        assert home.outcome is Outcome.ALLOWED, texts(home)
        assert reason(home, "agreement_wish_to_return").cites == ("PANMUNJOM-51",)

    def test_no_force_alone_asks_no_wish_panmunjom_tor_3(self):
        no_force = {**ARMISTICE, "terms": ["no_force"]}
        verdict = ask(case(CAPTURE_1951, no_force, ENDED_1953), "repatriate", to="CN")
        assert verdict.outcome is Outcome.ALLOWED, texts(verdict)

    def test_an_agreement_binds_only_the_states_between_which_it_was_made_gciii_6(self):
        others = {**ARMISTICE, "between": ["GB", "KP", "CN"]}
        verdict = ask(case(CAPTURE_1951, others, ENDED_1953, REFUSED_HOME), "repatriate", to="CN")
        assert "agreement_voluntary_repatriation" not in codes(verdict)
        assert verdict.outcome is Outcome.ALLOWED, texts(verdict)

    def test_a_term_cites_its_article_else_the_whole_agreement_s_else_gciii_6(self):
        whole = {**ARMISTICE, "provision": "PANMUNJOM-51"}
        bare = {k: v for k, v in ARMISTICE.items() if k != "provision"}
        for agreement, cites in ((whole, ("PANMUNJOM-51",)), (bare, ("GCIII-6",))):
            held = case(CAPTURE_1951, agreement, ENDED_1953, REFUSED_HOME)
            found = reason(ask(held, "repatriate", to="CN"), "agreement_voluntary_repatriation")
            assert found.cites == cites

    def test_a_non_refoulement_term_bars_a_move_towards_risk_under_every_reading_gciii_6(self):
        agreed = {
            "date": "2025-05-01",
            "event": "agreement_concluded",
            "kind": "exchange",
            "between": ["UA", "KP"],
            "terms": ["non_refoulement"],
            "provision": "GCIII-6",
        }
        held = case(
            {"date": "2025-01-09", "event": "capture"},
            agreed,
            subject=KP_SOLDIER,
            holder="UA",
            ihl_non_refoulement="strict_text",
            human_rights_non_refoulement=False,
        )
        verdict = ask(held, "exchange", to="KP")
        found = reason(verdict, "agreement_non_refoulement")
        assert found.kind == "prohibition"
        assert found.cites == ("GCIII-6",)
        chosen = held.apply(
            {
                "date": "2025-05-02",
                "event": "wish_verified",
                "destination": "KP",
                "verifier": "icrc",
            }
        )
        assert "agreement_non_refoulement" not in codes(ask(chosen, "exchange", to="KP"))

    def test_the_fields_round_trip_and_a_bad_term_is_located(self):
        event = event_from_dict(ARMISTICE)
        assert event_from_dict(event.to_dict()) == event
        assert event.to_dict()["provision"] == ARMISTICE["provision"]
        assert event_from_dict({**ARMISTICE, "provision": ["GCIII-6"]}).provision.whole == (
            "GCIII-6",
        )
        with pytest.raises(InvalidInput) as error:
            event_from_dict({**ARMISTICE, "provision": {"no_forse": "PANMUNJOM-TOR-3"}})
        assert error.value.problems[0].path == "provision"
        assert error.value.problems[0].suggestion == "no_force"
        with pytest.raises(InvalidInput) as error:
            event_from_dict({**ARMISTICE, "terms": ["voluntary_repatriaton"]})
        assert error.value.problems[0].suggestion == "voluntary_repatriation"

    def test_a_scenario_naming_an_unknown_article_is_refused_with_its_place(self):
        text = """
powcase: 1
subject: {id: p, nationality: [CN], forces: CN}
detaining_power: US
events:
  - {date: 1953-07-27, event: agreement_concluded, kind: armistice, between: [US, CN],
     terms: [no_force], provision: {no_force: PANMUNJOM-TOR-33}}
"""
        _, problems = parse_scenarios(yaml.safe_load(text))
        assert [p.path for p in problems] == ["events[0].provision"]
        assert problems[0].suggestion == "PANMUNJOM-TOR-3"


class TestNeutralCustody:
    """PANMUNJOM-TOR-4, PANMUNJOM-TOR-11: the 1953 custody of the Neutral Nations Repatriation
    Commission, the January 1954 return to the detaining side and the releases."""

    def test_a_hand_over_needs_a_neutral_custody_term_gciii_6(self):
        verdict = ask(case(CAPTURE_1951, ENDED_1953), **HAND_OVER)
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "no_neutral_custody_agreement")
        assert found.kind == "precondition"
        assert found.cites == ("GCIII-6",)

    def test_the_agreement_authorises_it_without_his_consent_panmunjom_tor_4(self):
        held = case(CAPTURE_1951, ARMISTICE, ENDED_1953, ihl_non_refoulement="free_will")
        verdict = ask(held, **HAND_OVER)
        assert verdict.outcome is Outcome.ALLOWED, texts(verdict)
        found = reason(verdict, "neutral_custody_agreed")
        assert found.cites == ("PANMUNJOM-51", "PANMUNJOM-TOR-4")
        assert "NNRC" in found.text
        assert held.apply(HAND_OVER).state == ["in_neutral_custody"]

    def test_non_refoulement_looks_at_the_custodial_force_s_state_gciii_12(self):
        risk = {"date": "1953-08-01", "event": "risk_on_return", "state": "IN", "kind": "torture"}
        verdict = ask(case(CAPTURE_1951, ARMISTICE, ENDED_1953, risk), **HAND_OVER)
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "refoulement_icrc_2020")
        assert dict(found.params)["to"] == "IN"
        assert "ICRC-COM-2020-GCIII-12" in found.cites

    def test_the_return_to_the_detaining_side_is_noted_never_refused_and_restores_custody(self):
        request = {
            "date": "1952-04-15",
            "event": "request_protection",
            "kind": "third_state",
            "state": "TW",
        }
        held = case(CAPTURE_1951, request, ARMISTICE, ENDED_1953).apply(HAND_OVER)
        verdict = ask(held, **HANDED_BACK)
        assert verdict.outcome is Outcome.ALLOWED
        assert [r.kind for r in verdict.reasons] == ["note"]
        assert reason(verdict, "returned_from_neutral_custody").cites == ()
        assert held.apply(HANDED_BACK).state == [
            "in_custody",
            "presumed_pow",
            "request_pending",
            "none",
        ]

    def test_the_january_1954_release_as_a_civilian_cites_the_terms_panmunjom_tor_11(self):
        held = case(CAPTURE_1951, ARMISTICE, ENDED_1953, HAND_OVER, REFUSED_HOME, TW_CONSENTS)
        for c in (held, held.apply(HANDED_BACK)):
            verdict = ask(c, "release_to_third_state", to="TW", date="1954-01-23")
            assert verdict.outcome is Outcome.ALLOWED, texts(verdict)
            assert reason(verdict, "agreement_civilian_release").cites == ("PANMUNJOM-TOR-11",)
            if c is held:
                # From the Commission's custody he is released as a civilian under the
                # agreement, not by the former detaining power under GCIII-118.
                assert "release_due" not in {r.code for r in verdict.reasons}
            else:
                assert "GCIII-118" in reason(verdict, "release_due").cites
            # The ICRC's 2020 commentary is no basis of a 1954 release: it is cited only as
            # the reading his wish is required under, marked a later source.
            for found in verdict.reasons:
                if any(c.startswith("ICRC-COM-2020") for c in found.cites):
                    assert found.code == "wish_for_third_state"
                    assert found.reading.option == "icrc_2020"
                    assert dict(found.params)["later_source"] is True
        released = held.apply(HANDED_BACK).apply(
            {"date": "1954-01-23", "event": "release_to_third_state", "to": "TW"}
        )
        assert released.state == ["released_to_third_state"]

    def test_those_who_chose_india_went_from_neutral_custody_panmunjom_tor_11(self):
        chose_india = {**REFUSED_HOME, "destination": "IN"}
        india = {"date": "1954-01-20", "event": "receiving_state_consents", "state": "IN"}
        held = case(CAPTURE_1951, ARMISTICE, ENDED_1953, HAND_OVER, chose_india, india)
        left = held.apply({"date": "1954-02-09", "event": "release_to_third_state", "to": "IN"})
        assert left.state == ["released_to_third_state"]

    @pytest.mark.parametrize("reading", READINGS)
    def test_a_return_home_from_neutral_custody_against_his_wish_is_refused(self, reading):
        held = case(
            CAPTURE_1951,
            ARMISTICE,
            ENDED_1953,
            HAND_OVER,
            REFUSED_HOME,
            ihl_non_refoulement=reading,
        )
        verdict = ask(held, "repatriate", to="CN", date="1954-01-10")
        assert "agreement_voluntary_repatriation" in codes(verdict)

    def test_escape_recapture_and_death_in_neutral_hands_gciii_91(self):
        held = case(CAPTURE_1951, ARMISTICE, ENDED_1953, HAND_OVER)
        escaped = held.apply({"date": "1953-10-01", "event": "escape"})
        back = escaped.apply({"date": "1953-10-02", "event": "recapture"})
        assert back.state == ["in_neutral_custody"]
        died = ask(held, "die", cause="illness", date="1953-11-01")
        found = reason(died, "death_in_other_hands")
        assert dict(found.params)["state"] == "IN"
        assert "GCIII-120" not in died.cites


class TestThoseNotTreatedAsPrisonersOfWar:
    """GCIV-45, API-75(4), ICCPR-14, GCIV-5, API-44(4): a civilian internee is transferred
    under the Fourth Convention; one not treated as a prisoner of war is tried with API-75's
    guarantees; one who did not distinguish himself keeps a prisoner of war's."""

    CAPTURE = {"date": "2024-08-20", "event": "capture", "place": "Sudzha"}

    def internee(self, *events, **assumptions):
        interned = {
            "date": "2024-09-01",
            "event": "determine_status",
            "outcome": "civilian_internee",
            "by": "tribunal",
            "grounds": "civilian",
        }
        return case(
            self.CAPTURE, interned, *events, subject=RU_CIVILIAN, holder="UA", **assumptions
        )

    def unprivileged(self, grounds, subject=RU_SOLDIER):
        found = {
            "date": "2024-09-01",
            "event": "determine_status",
            "outcome": "unprivileged_detainee",
            "by": "tribunal",
            "grounds": grounds,
        }
        return case(self.CAPTURE, found, subject=subject, holder="UA")

    def test_a_civilian_internee_is_transferred_under_gciv_45_not_gciii_12(self):
        consents = {"date": "2024-10-01", "event": "receiving_state_consents", "state": "GB"}
        verdict = ask(self.internee(consents), "transfer_to_power", to="GB")
        assert verdict.outcome is Outcome.ALLOWED, texts(verdict)
        assert reason(verdict, "transfer_to_party").cites == ("GCIV-45(3)",)
        assert not [c for c in verdict.cites if c.startswith(("GCIII", "ICRC-COM-2020"))]
        assert "ihl_non_refoulement" not in verdict.assumptions

    def test_the_recorded_steps_cite_no_gciii_for_him_gciv_45(self):
        consents = {"date": "2024-10-01", "event": "receiving_state_consents", "state": "GB"}
        moved = self.internee(consents).apply(
            {"date": "2024-10-02", "event": "transfer_to_power", "to": "GB"}
        )
        assert moved.state == ["transferred_to_third_power"]
        step = moved.steps[-1]
        assert step.cites == ("GCIV-45(3)",)

    def test_without_consent_or_to_a_non_party_it_is_refused_gciv_45(self):
        verdict = ask(self.internee(), "transfer_to_power", to="TW")
        assert verdict.outcome is Outcome.REFUSED
        assert reason(verdict, "receiver_not_bound_by_gciv").cites == ("GCIV-45(1)",)
        assert reason(verdict, "receiver_has_not_consented").cites == ("GCIV-45(3)",)
        assert "receiver_not_bound" not in codes(verdict)

    def test_never_towards_persecution_gciv_45_4(self):
        risk = {
            "date": "2024-10-01",
            "event": "risk_on_return",
            "state": "RU",
            "kind": "persecution",
        }
        ended = {"date": "2026-06-01", "event": "hostilities_ended"}
        verdict = ask(self.internee(risk, ended), "repatriate", to="RU")
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "transfer_to_persecution")
        assert found.cites == ("GCIV-45(4)",)
        assert "refoulement_icrc_2020" not in codes(verdict)

    def test_a_civilian_internee_s_release_to_a_third_state_needs_consent_gciv_132(self):
        # A release is no transfer: GCIV-45(3) governs transfers; the receiving state admits
        # a released internee on its own consent, cited to the rule of his release (GCIV-132).
        verdict = ask(self.internee(), "release_to_third_state", to="GB")
        assert reason(verdict, "third_state_has_not_consented").cites == ("GCIV-132",)
        assert "GCIII-12(2)" not in verdict.cites
        assert "GCIV-45(3)" not in verdict.cites

    def test_an_unprivileged_detainee_is_tried_under_api_75_4_and_iccpr_14(self):
        # API-75(4) is for offences related to the armed conflict: a war crime, not an
        # ordinary crime (test_legal_v2_civilian_review).
        charged = self.unprivileged("other").apply(
            {"date": "2024-10-01", "event": "charge", "offence": "war_crime"}
        )
        fair = ask(charged, "convict")
        assert fair.outcome is Outcome.ALLOWED, texts(fair)
        unfair = ask(charged, "convict", fair_trial=False)
        found = reason(unfair, "unfair_trial")
        assert found.kind == "prohibition"
        assert found.cites[:2] == ("API-75(4)", "ICCPR-14")
        assert "GCIV-5" in found.cites  # a Russian held by Ukraine: a protected person
        for verdict in (
            fair,
            unfair,
            ask(
                charged.apply({"date": "2024-10-02", "event": "acquit"}),
                "charge",
                offence="war_crime",
            ),
        ):
            assert not {"GCIII-84", "GCIII-99", "GCIII-105"} & set(verdict.cites), verdict.cites

    def test_the_detaining_power_s_own_national_is_no_protected_person_gciv_4(self):
        ukrainian = Subject(id="u", nationality=["UA"], forces="RU")
        charged = self.unprivileged("other", subject=ukrainian).apply(
            {"date": "2024-10-01", "event": "charge", "offence": "war_crime"}
        )
        found = reason(ask(charged, "convict", fair_trial=False), "unfair_trial")
        assert "GCIV-5" not in found.cites
        assert "API-75(4)" in found.cites

    def test_one_who_did_not_distinguish_himself_is_treated_as_a_pow_api_44_4(self):
        held = self.unprivileged("no_distinction")
        participation = ask(held, "charge", offence="participation_in_hostilities")
        assert participation.outcome is Outcome.ALLOWED, texts(participation)
        assert "API-44(4)" in participation.cites
        charged = held.apply(
            {"date": "2024-10-01", "event": "charge", "offence": "participation_in_hostilities"}
        )
        found = reason(ask(charged, "convict", fair_trial=False), "unfair_trial")
        assert set(found.cites) >= {"GCIII-84", "GCIII-99", "GCIII-105", "API-44(4)"}
        consents = {"date": "2024-10-01", "event": "receiving_state_consents", "state": "GB"}
        transfer = ask(held.apply(consents), "transfer_to_power", to="GB")
        assert "GCIII-12(2)" in transfer.cites
        assert not [c for c in transfer.cites if c.startswith("GCIV-45")]


class TestTheDocketInNeutralCustody:
    """GCIII-118, GCIII-12: in neutral custody the detaining power's duties lapse, but
    repatriation (and a medical repatriation) runs on; his return starts them again."""

    AGREED = {
        "date": "2025-01-05",
        "event": "agreement_concluded",
        "kind": "neutral_custody",
        "between": ["UA", "RU"],
        "custodian": "a neutral commission",
    }
    HAND_OVER = {"date": "2025-01-11", "event": "hand_over_to_neutral_custody", "state": "CH"}

    def held(self, *events):
        return case(
            self.AGREED,
            {"date": "2025-01-09", "event": "capture"},
            {"date": "2025-01-10", "event": "hostilities_ended"},
            self.HAND_OVER,
            *events,
            subject=RU_SOLDIER,
            holder="UA",
        )

    @staticmethod
    def by_code(docket):
        found = {}
        for item in docket:
            found.setdefault(item.code, []).append(item)
        return found

    def test_items_lapse_but_repatriation_runs_on_gciii_118(self):
        docket = self.by_code(self.held().docket(as_of=datetime.date(2025, 1, 20)))
        for code in ("capture_card", "information", "icrc_access", "medical_inspection"):
            assert [o.status.value for o in docket[code]] == ["lapsed"], code
        (repatriation,) = docket["repatriation"]
        assert repatriation.status.value == "pending"
        assert repatriation.met_by is None

    def test_his_return_starts_them_again_from_that_day(self):
        back = self.held({"date": "2025-02-01", "event": "return_from_neutral_custody"})
        docket = self.by_code(back.docket(as_of=datetime.date(2025, 2, 5)))
        restarted = docket["capture_card"][-1]
        assert restarted.status.value == "pending"
        assert restarted.started == datetime.date(2025, 2, 1)
        assert restarted.due == datetime.date(2025, 2, 8)

    def test_only_a_release_or_return_meets_repatriation_gciii_118(self):
        consents = {"date": "2025-01-12", "event": "receiving_state_consents", "state": "GB"}
        wish = {
            "date": "2025-01-12",
            "event": "wish_verified",
            "destination": "GB",
            "verifier": "icrc",
        }
        released = self.held(
            consents, wish, {"date": "2025-01-13", "event": "release_to_third_state", "to": "GB"}
        )
        (repatriation,) = self.by_code(released.docket())["repatriation"]
        assert repatriation.status.value == "met"
        assert repatriation.met_by == 6

    def test_an_agreement_s_release_by_is_the_repatriation_due_date_panmunjom_tor_11(self):
        held = case(CAPTURE_1951, ARMISTICE, ENDED_1953, HAND_OVER)
        docket = self.by_code(held.docket(as_of=datetime.date(1954, 1, 21)))
        (repatriation,) = docket["repatriation"]
        assert repatriation.due == datetime.date(1954, 1, 22)
        assert repatriation.status.value == "pending"
        others = {**ARMISTICE, "between": ["GB", "CN"]}
        unbound = case(CAPTURE_1951, others, ENDED_1953)
        (repatriation,) = self.by_code(unbound.docket(as_of=datetime.date(1953, 8, 1)))[
            "repatriation"
        ]
        assert repatriation.due == datetime.date(1953, 10, 25)  # repatriation_delay_days


def test_a_return_towards_risk_is_still_flagged_in_neutral_custody_gciii_118():
    """He can still be returned from neutral custody, so a return towards risk stays flagged."""
    agreed = {
        "date": "2025-01-05",
        "event": "agreement_concluded",
        "kind": "neutral_custody",
        "between": ["UA", "KP"],
    }
    held = case(
        agreed,
        {"date": "2025-01-09", "event": "capture"},
        {"date": "2025-01-11", "event": "hand_over_to_neutral_custody", "state": "CH"},
        subject=KP_SOLDIER,
        holder="UA",
    )
    assert held.state == ["in_neutral_custody"]
    assert "refoulement_risk" in {f.code for f in held.active_flags()}
