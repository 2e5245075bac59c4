"""Non-refoulement rules that mutation testing of ``powcase.law.refoulement`` showed no test
pinned: each test names the provision, the verdict, the reason's code and what it cites.

Where the risk lies (a state's treatment of its own soldiers; onward return through an ally of
his state of nationality, GCIII-12 as the ICRC's 2020 Commentary reads it), the holds while an
asylum claim is pending (RC-33, UNHCR-HB-28, UA-REF-LAW-1), the human-rights bars (CAT-3,
ICCPR-6, ECHR-2, ECHR-P13-1; Judge v Canada for a state that abolished the death penalty) and
which returns IHL itself requires, so that the reading ``human_rights_non_refoulement: false``
may displace those bars (GCIII-118 after active hostilities, GCIII-109(1) for a direct
repatriation).
"""

from __future__ import annotations

import datetime

import pytest

from powcase import Assumptions, Case, Outcome, Subject
from powcase.law.book import Law
from support import codes, reason, texts

RU_SOLDIER = Subject(id="ru-soldier", nationality=["RU"], forces="RU")
KP_SOLDIER = Subject(id="kp-soldier", nationality=["KP"], forces="KP")
UA_SOLDIER = Subject(id="ua-soldier", nationality=["UA"], forces="UA")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
ASYLUM = {"date": "2025-01-10", "event": "request_protection", "kind": "asylum"}


def case(*events, subject=RU_SOLDIER, holder="UA", law=None, **readings):
    opened = Case.open(subject, holder, assumptions=Assumptions(**readings), law=law)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def risk(state, kind, date="2025-01-10"):
    return {"date": date, "event": "risk_on_return", "state": state, "kind": kind}


def verified(destination):
    return {
        "date": "2025-01-10",
        "event": "wish_verified",
        "destination": destination,
        "verifier": "icrc",
    }


def params(found):
    return dict(found.params)


def move(event, to, date="2025-01-11"):
    return {"date": date, "event": event, "to": to}


class TestTheRiskKindsInWords:
    """The reason names every risk kind he faces, in words and in a fixed order."""

    def test_three_kinds_read_persecution_torture_and_death_gciii_118(self):
        opened = case(
            CAPTURE, risk("RU", "persecution"), risk("RU", "torture"), risk("RU", "death")
        )
        verdict = opened.verdict(move("repatriate", "RU"))
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "refoulement_icrc_2020")
        assert found.cites == ("GCIII-118", "ICRC-COM-2020-GCIII-118")
        assert params(found)["risks"] == "persecution, torture and death"
        assert "towards persecution, torture and death," in found.text
        # Two kinds are joined by "and" alone (CAT-3, ICCPR-6: the human-rights bar).
        barred = reason(verdict, "refoulement_human_rights")
        assert params(barred)["risks"] == "torture and death"


class TestWhoseTreatmentCounts:
    """A state's treatment of those returned to it concerns its own nationals and the soldiers
    of its forces (the parties table: North Korea treats capture as betrayal), not others.
    """

    def test_a_state_s_treatment_of_its_soldiers_reaches_one_of_another_nationality(self):
        """A Chinese national in North Korea's forces faces what North Korea does to its
        captured soldiers: his repatriation there is barred (GCIII-118, ICRC 2020; CAT-3).
        """
        soldier = Subject(id="cn-national-kp-forces", nationality=["CN"], forces="KP")
        verdict = case(CAPTURE, subject=soldier).verdict(move("repatriate", "KP"))
        assert verdict.outcome is Outcome.REFUSED, texts(verdict)
        found = reason(verdict, "refoulement_icrc_2020")
        assert found.cites == ("GCIII-118", "ICRC-COM-2020-GCIII-118")
        assert params(found)["risks"] == (
            "persecution, forced labour, enforced disappearance, torture and death"
        )
        assert "refoulement_human_rights" in codes(verdict)

    def test_a_state_s_treatment_of_its_own_soldiers_is_no_risk_to_another_s(self):
        """North Korea's treatment of its captured soldiers is nothing to a Russian soldier:
        no risk to him there is on record.
        """
        opened = case(CAPTURE, verified("KP"))
        verdict = opened.verdict(move("release_to_third_state", "KP"))
        assert params(reason(verdict, "no_known_risk")) == {"to": "KP"}
        assert not codes(verdict) & {"refoulement_icrc_2020", "refoulement_human_rights"}


class TestOnwardReturn:
    """A move to an ally of his state of nationality is towards the risk awaiting him there,
    since the ally would pass him on (GCIII-12, ICRC-COM-2020-GCIII-12); a state neither
    allied with it nor named by a ``risk_on_return`` passes him on to nothing.
    """

    def test_a_risk_at_home_is_no_risk_in_a_state_that_would_not_pass_him_on(self):
        opened = case(CAPTURE, risk("RU", "torture"), verified("CH"))
        verdict = opened.verdict(move("release_to_third_state", "CH"))
        assert params(reason(verdict, "no_known_risk")) == {"to": "CH"}
        assert not codes(verdict) & {"refoulement_icrc_2020", "refoulement_human_rights"}

    def test_a_verified_wish_for_the_ally_is_no_wish_to_be_passed_on_gciii_12(self):
        """China, North Korea's ally, would pass him on: his verified wish to go to China
        does not lift the bar, for he has not chosen to go to North Korea.
        """
        opened = case(CAPTURE, verified("CN"), subject=KP_SOLDIER)
        verdict = opened.verdict(move("release_to_third_state", "CN"))
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "refoulement_icrc_2020")
        assert (found.kind.value, found.cites) == (
            "prohibition",
            ("GCIII-12", "ICRC-COM-2020-GCIII-12"),
        )
        assert params(found)["onward"] == "KP"
        assert "as it would pass him on to KP" in found.text
        barred = reason(verdict, "refoulement_human_rights")
        assert barred.kind.value == "prohibition"
        assert params(barred)["onward"] == "KP"
        assert "risk_despite_wish_open" not in codes(verdict)


class TestTheReadingAMoveRestsOn:
    def test_a_move_with_no_risk_still_rests_on_the_ihl_reading_gciii_118(self):
        """Every move of a prisoner of war is judged under the chosen reading of GCIII-118
        and GCIII-12, even one with no risk on record: the verdict says it rests on it.
        """
        verdict = case(CAPTURE).verdict(move("repatriate", "RU"))
        assert verdict.outcome is Outcome.ALLOWED
        assert "no_known_risk" in codes(verdict)
        assert "ihl_non_refoulement" in verdict.assumptions

    def test_a_return_after_hostilities_towards_persecution_alone_rests_on_no_hr_reading(self):
        """``human_rights_non_refoulement`` reads the human-rights bars (CAT-3, ICCPR-6,
        ICCPR-7, CED-16, ECHR-2, ECHR-3): persecution alone engages none, so a return IHL
        requires (GCIII-118, after hostilities) does not rest on that reading.
        """
        opened = case(
            CAPTURE,
            {"date": "2025-01-10", "event": "hostilities_ended", "between": ["UA", "RU"]},
            risk("RU", "persecution"),
            ihl_non_refoulement="strict_text",
        )
        verdict = opened.verdict(move("repatriate", "RU"))
        assert "refoulement_human_rights" not in codes(verdict)
        assert "human_rights_non_refoulement" not in verdict.assumptions


class TestNotBoundByTheConvention:
    """A state the Third Convention does not bind applies its customary rule where the
    catalogue names one (CIHL-128 for GCIII-118, a return), and for a transfer (GCIII-12,
    which has none) nothing: a note says so.
    """

    SOURCE = "https://example.org/hypothetical"

    def law(self):
        """A hypothetical detaining power (Brazil's code, not its real entry), at war, bound
        by the Fourth Convention, the Covenant and the Convention against Torture, but not by
        the Third Convention.
        """
        return Law.packaged().overlaid(
            {
                "parties": {
                    "BR": {
                        "name": "A hypothetical Brazil, for the test",
                        "participations": [
                            {
                                "instrument": instrument,
                                "how": "accession",
                                "deposited": "1960-01-01",
                                "source": self.SOURCE,
                            }
                            for instrument in ("GCIV", "ICCPR", "CAT")
                        ],
                        "conflicts": [
                            {
                                "conflict": "test_war",
                                "side": "A",
                                "since": "2024-01-01",
                                "source": self.SOURCE,
                            }
                        ],
                    }
                }
            }
        )

    def transfer(self):
        opened = case(
            CAPTURE,
            risk("GB", "persecution"),
            {"date": "2025-01-10", "event": "receiving_state_consents", "state": "GB"},
            subject=UA_SOLDIER,
            holder="BR",
            law=self.law(),
        )
        return opened.verdict(move("transfer_to_power", "GB"))

    def test_a_transfer_by_a_non_party_cites_no_customary_rule_for_gciii_12(self):
        verdict = self.transfer()
        unbound = [params(r)["provision"] for r in verdict.reasons if r.code == "rule_not_binding"]
        assert "GCIII-12" in unbound
        assert "customary_rule_applies" not in codes(verdict)
        assert not any("CIHL-128" in r.cites for r in verdict.reasons)

    def test_a_transfer_by_a_non_party_is_refused_by_no_uncited_rule_gciii_12(self):
        """GCIII-12 does not bind the transferring state and no customary rule stands for it:
        the ICRC's reading of it refuses nothing, and persecution engages no human-rights bar
        (and no claim or grant engages RC-33), so the transfer is allowed.
        """
        verdict = self.transfer()
        uncited = [r.code for r in verdict.reasons if not r.cites]
        assert "refoulement_icrc_2020" not in uncited
        assert verdict.outcome is Outcome.ALLOWED, texts(verdict)

    def test_a_return_by_a_non_party_rests_on_the_customary_rule_cihl_128(self):
        opened = case(
            CAPTURE, risk("UA", "torture"), subject=UA_SOLDIER, holder="BR", law=self.law()
        )
        verdict = opened.verdict(move("repatriate", "UA"))
        found = reason(verdict, "refoulement_icrc_2020")
        assert found.cites == ("CIHL-128", "ICRC-COM-2020-GCIII-118")
        assert params(reason(verdict, "customary_rule_applies"))["provision"] == "GCIII-118"


class TestAPendingAsylumClaim:
    """RC-33, UNHCR-HB-28: one who asked the detaining state for asylum may already be a
    refugee, so a move towards persecution waits for the decision; Ukraine's law protects an
    applicant from removal meanwhile (UA-REF-LAW-1), so a move towards other risks waits too.
    """

    def test_both_holds_name_the_state_that_would_pass_him_on(self):
        opened = case(CAPTURE, ASYLUM, subject=KP_SOLDIER)
        verdict = opened.verdict(move("release_to_third_state", "CN"))
        assert verdict.outcome is Outcome.REFUSED
        held = reason(verdict, "asylum_pending")
        assert (held.kind.value, held.cites) == ("precondition", ("RC-33", "UNHCR-HB-28"))
        assert params(held) == {
            "to": "CN",
            "risks": "persecution, forced labour and enforced disappearance",
            "onward": "KP",
        }
        assert "as it would pass him on to KP" in held.text
        national = reason(verdict, "asylum_pending_national_law")
        assert (national.kind.value, national.cites) == ("precondition", ("UA-REF-LAW-1",))
        assert params(national) == {
            "to": "CN",
            "risks": "torture and death",
            "onward": "KP",
            "state": "UA",
        }
        assert "as it would pass him on to KP" in national.text

    def test_a_risk_of_persecution_alone_waits_under_rc_33_not_national_law(self):
        opened = case(CAPTURE, risk("RU", "persecution"), ASYLUM)
        verdict = opened.verdict(move("repatriate", "RU"))
        held = reason(verdict, "asylum_pending")
        assert (held.cites, params(held)["risks"]) == (("RC-33", "UNHCR-HB-28"), "persecution")
        assert "asylum_pending_national_law" not in codes(verdict)

    def test_an_unverified_wish_to_go_leaves_the_hold_open_rc_33(self):
        """His unverified wish to go home does not lift the hold, nor does it stand as the
        precondition unmet: a verification that counts would decide it.
        """
        opened = case(
            CAPTURE,
            risk("RU", "persecution"),
            ASYLUM,
            {"date": "2025-01-10", "event": "wish_expressed", "destination": "RU"},
            ihl_non_refoulement="strict_text",
        )
        verdict = opened.verdict(move("repatriate", "RU"))
        assert verdict.outcome is Outcome.UNDETERMINED, texts(verdict)
        found = reason(verdict, "wish_open")
        assert (found.kind.value, found.cites) == ("open", ("RC-33", "UNHCR-HB-28"))
        assert params(found)["destination"] == "RU"
        assert [m.fact for m in verdict.missing] == ["wish"]
        assert "asylum_pending" not in codes(verdict)


class TestTheHumanRightsBars:
    def test_his_verified_wish_is_noted_where_no_human_rights_bar_is_engaged(self):
        """Persecution engages no human-rights bar (only RC-33 and IHL): his verified, free
        wish to go home settles it, and the verdict says he accepted the risk.
        """
        opened = case(CAPTURE, risk("RU", "persecution"), verified("RU"))
        verdict = opened.verdict(move("repatriate", "RU"))
        assert verdict.outcome is Outcome.ALLOWED
        found = reason(verdict, "risk_accepted_by_verified_wish")
        assert params(found) == {"to": "RU", "risks": "persecution"}

    def test_a_state_bound_by_the_convention_not_protocol_13_is_barred_by_echr_2(self):
        """Russia was bound by the European Convention until 16 September 2022 and never by
        Protocol 13: a move towards death in 2015 is barred under ICCPR-6 and ECHR-2.
        """
        opened = case(
            {"date": "2015-01-09", "event": "capture"},
            risk("UA", "death", "2015-01-10"),
            subject=UA_SOLDIER,
            holder="RU",
        )
        verdict = opened.verdict(move("repatriate", "UA", "2015-01-11"))
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "refoulement_human_rights")
        assert found.cites == ("ICCPR-6", "ECHR-2")

    def test_protocol_13_binds_no_party_the_convention_does_not_bind(self):
        """ECHR-P13 Arts. 5 and 7: its articles are additional articles of the Convention,
        open only to the Convention's parties; the parties table agrees on every day.
        """
        law = Law.packaged()
        for on in (*law.binding_days, datetime.date(2026, 1, 1)):
            for state in law.parties:
                if law.binds(state, "ECHR-P13-1", on):
                    assert law.binds(state, "ECHR-2", on), (state, on)


class TestAbolitionOfTheDeathPenalty:
    """Judge v Canada (2003): a state that abolished the death penalty may not expose anyone
    to it by removal (ICCPR-6) from the day it abolished it; before, 6(2) alone holds it.
    """

    SOURCE = "https://example.org/hypothetical"

    def law(self):
        """A hypothetical detaining power (Brazil's code, not its real entry), bound by the
        Third Convention and the Covenant, not by the European Convention, that abolished
        the death penalty on 11 January 2025.
        """
        return Law.packaged().overlaid(
            {
                "parties": {
                    "BR": {
                        "name": "A hypothetical Brazil, for the test",
                        "participations": [
                            {
                                "instrument": instrument,
                                "how": "accession",
                                "deposited": "1960-01-01",
                                "source": self.SOURCE,
                            }
                            for instrument in ("GCIII", "GCIV", "ICCPR", "CAT")
                        ],
                        "abolished_death_penalty": "2025-01-11",
                        "conflicts": [
                            {
                                "conflict": "test_war",
                                "side": "A",
                                "since": "2024-01-01",
                                "source": self.SOURCE,
                            }
                        ],
                    }
                }
            }
        )

    @pytest.mark.parametrize(
        ("date", "barred"),
        [("2025-01-10", False), ("2025-01-11", True), ("2025-01-12", True)],
        ids=["the-day-before", "the-day-itself", "the-day-after"],
    )
    def test_iccpr_6_bars_a_death_penalty_from_the_day_of_abolition(self, date, barred):
        opened = case(
            CAPTURE,
            risk("UA", "death_penalty", "2025-01-09"),
            subject=UA_SOLDIER,
            holder="BR",
            law=self.law(),
        )
        verdict = opened.verdict(move("repatriate", "UA", date))
        if barred:
            assert reason(verdict, "refoulement_human_rights").cites == ("ICCPR-6",)
        else:
            assert "refoulement_human_rights" not in codes(verdict)


class TestWhichReturnsIhlRequires:
    """Only a return IHL itself requires can conflict with a human-rights bar, so only there
    may ``human_rights_non_refoulement: false`` displace it: every return once hostilities
    have ended (GCIII-118), during them only a consenting prisoner's direct repatriation
    (GCIII-109(1), (3)). No transfer and no exchange is required.
    """

    def test_a_transfer_after_hostilities_stays_barred_cat_3(self):
        opened = case(
            CAPTURE,
            {"date": "2025-01-10", "event": "hostilities_ended", "between": ["UA", "RU"]},
            risk("GB", "torture"),
            {"date": "2025-01-10", "event": "receiving_state_consents", "state": "GB"},
            human_rights_non_refoulement=False,
        )
        verdict = opened.verdict(move("transfer_to_power", "GB"))
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "refoulement_human_rights")
        assert found.cites == ("CAT-3", "ICCPR-7", "ECHR-3")
        assert found.reading is None
        assert "human_rights_non_refoulement" not in verdict.assumptions

    def test_an_exchange_of_a_consenting_110_1_prisoner_stays_open_cat_3(self):
        """A GCIII-110(1) finding and his verified wish make his direct repatriation required
        (GCIII-109(1), (3)); an exchange during hostilities is not that return, so the bar on
        torture stands and his wish leaves it open.
        """
        opened = case(
            CAPTURE,
            {"date": "2025-01-10", "event": "medical_assessment", "category": "gcIII_110_1"},
            risk("RU", "torture"),
            {"date": "2025-01-10", "event": "exchange_agreed", "between": ["UA", "RU"]},
            verified("RU"),
            human_rights_non_refoulement=False,
        )
        verdict = opened.verdict(move("exchange", "RU"))
        assert verdict.outcome is Outcome.UNDETERMINED, texts(verdict)
        found = reason(verdict, "risk_despite_wish_open")
        assert found.cites == ("CAT-3", "ICCPR-7", "ECHR-3")
        assert "risk_accepted_by_verified_wish" not in codes(verdict)
        assert "human_rights_non_refoulement" not in verdict.assumptions
