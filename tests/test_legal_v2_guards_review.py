"""A lawyer's review of five guards: the will of a seriously wounded prisoner whatever the
return is called, his verified refusal as a prohibition, internment only in a neutral state,
the release of a civilian internee, and a custodian's refusal worded for its actual reason.

Each test names the provision it rests on.
"""

from __future__ import annotations

import pytest

from powcase import Case, Outcome, Subject
from powcase.law.book import Law
from powcase.law.translated import reason as translated_reason
from support import ask, codes, reason

RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
NEPALI_RECRUIT = Subject(id="recruit", nationality=["NP"], forces="RU")
UA_CIVILIAN = Subject(id="olena", nationality=["UA"], membership="none")
RESIDENT = Subject(id="resident", nationality=["RU"], membership="none")

CAPTURE = {"date": "2025-01-09", "event": "capture", "wounded": True}
FOUND_110_1 = {
    "date": "2025-03-01",
    "event": "medical_assessment",
    "category": "gcIII_110_1",
    "by": "mixed_medical_commission",
}
FOUND_110_2 = {**FOUND_110_1, "category": "gcIII_110_2"}
STAYS = {"date": "2025-03-02", "event": "wish_verified", "destination": "stay", "verifier": "icrc"}
GOES = {**STAYS, "destination": "RU"}
EXCHANGE_AGREED = {
    "date": "2025-03-03",
    "event": "agreement_concluded",
    "kind": "exchange",
    "between": ["UA", "RU"],
}


def case(*events, subject=RU_SOLDIER, holder="UA", mode="normative"):
    opened = Case.open(subject, holder, mode=mode)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


# --- 1 and 2. GCIII-109(3): not sent home against his will, whatever the move is called


class TestNotSentHomeAgainstHisWill:
    """GCIII-109(3): while hostilities last, no sick or wounded prisoner eligible for direct
    repatriation (a GCIII-110(1) finding) is repatriated against his will: by ``repatriate``
    as by ``exchange`` or ``repatriate_medically``. His verified refusal forbids it; his will
    not on record is a precondition; his verified wish to go satisfies it.
    """

    @pytest.mark.parametrize("move", ["repatriate", "exchange", "repatriate_medically"])
    def test_his_verified_refusal_forbids_any_return_gciii_109_3(self, move):
        verdict = ask(case(CAPTURE, FOUND_110_1, STAYS, EXCHANGE_AGREED), move, to="RU")
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "against_his_verified_will")
        assert found.kind.value == "prohibition"
        assert found.cites == ("GCIII-109(3)",)
        assert dict(found.params) == {"to": "RU"}
        # A refusal on record is no will "not on record".
        assert "against_his_will" not in codes(verdict)

    def test_repatriate_with_his_will_not_on_record_is_a_precondition_gciii_109_3(self):
        verdict = ask(case(CAPTURE, FOUND_110_1), "repatriate", to="RU")
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "against_his_will")
        assert (found.kind.value, found.cites) == ("precondition", ("GCIII-109(3)",))
        assert "against_his_verified_will" not in codes(verdict)

    def test_repatriate_with_his_verified_wish_to_go_is_allowed_gciii_109_3(self):
        verdict = ask(case(CAPTURE, FOUND_110_1, GOES), "repatriate", to="RU")
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "not_against_his_will").cites == ("GCIII-109(3)",)

    def test_an_unverified_wish_to_go_leaves_repatriate_undecided_gciii_109_3(self):
        said = {**STAYS, "event": "wish_expressed", "destination": "RU"}
        del said["verifier"]
        verdict = ask(case(CAPTURE, FOUND_110_1, said), "repatriate", to="RU")
        assert verdict.outcome is Outcome.UNDETERMINED
        assert "against_his_verified_will" not in codes(verdict)

    def test_after_hostilities_gciii_118_governs_not_gciii_109_3(self):
        ended = {"date": "2025-04-01", "event": "hostilities_ended"}
        verdict = ask(case(CAPTURE, FOUND_110_1, STAYS, ended), "repatriate", to="RU")
        assert not {"against_his_verified_will", "against_his_will"} & codes(verdict)

    def test_without_a_gciii_110_1_finding_repatriate_is_not_checked_gciii_109_3(self):
        verdict = ask(case(CAPTURE, STAYS), "repatriate", to="RU")
        assert not {"against_his_verified_will", "against_his_will"} & codes(verdict)

    def test_descriptive_mode_finds_a_violation_not_a_possible_one_gciii_109_3(self):
        back = {"date": "2025-03-10", "event": "repatriate", "to": "RU"}
        described = case(CAPTURE, FOUND_110_1, STAYS, back, mode="descriptive")
        assert [v.index for v in described.violations] == [3]
        (breach,) = described.violations
        assert "against_his_verified_will" in {r.code for r in breach.reasons}
        assert not [v for v in described.possible_violations if v.index == 3]

    def test_descriptive_mode_finds_only_a_possible_one_when_his_will_is_unknown_gciii_109_3(
        self,
    ):
        back = {"date": "2025-03-10", "event": "repatriate", "to": "RU"}
        described = case(CAPTURE, FOUND_110_1, back, mode="descriptive")
        assert not [v for v in described.violations if v.index == 2]
        assert [v.index for v in described.possible_violations] == [2]


# --- 3. GCIII-109(2), -110(2), -111: internment in a neutral state


class TestInternmentInANeutralState:
    """GCIII-109(2), GCIII-110(2), GCIII-111: accommodation or internment is in a neutral
    state; a party to the conflict (his own power, the detaining power, a co-belligerent) is
    none, whatever agreement it joined. The state must be party to the agreement.
    """

    @staticmethod
    def agreed(*between):
        return {
            "date": "2025-03-03",
            "event": "agreement_concluded",
            "kind": "neutral_internment",
            "between": list(between),
        }

    @pytest.mark.parametrize(
        ("state", "why"),
        [("RU", "power_of_origin"), ("UA", "detaining_power"), ("KP", "party")],
    )
    def test_a_party_to_the_conflict_is_no_neutral_state_gciii_111(self, state, why):
        # KP's forces fight beside RU's from late 2024: a party to the same conflict.
        held = case(CAPTURE, FOUND_110_2, self.agreed("UA", "RU", "BY", "KP"))
        verdict = ask(held, "intern_in_neutral_state", state=state)
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "state_not_neutral")
        assert found.kind.value == "precondition"
        assert found.cites == ("GCIII-109(2)", "GCIII-110(2)", "GCIII-111")
        assert dict(found.params) == {"state": state, "why": why}
        assert "neutral_internment_agreed" not in codes(verdict)

    def test_a_neutral_state_in_the_same_agreement_is_allowed_gciii_111(self):
        held = case(CAPTURE, FOUND_110_2, self.agreed("UA", "RU", "BY"))
        verdict = ask(held, "intern_in_neutral_state", state="BY")
        assert verdict.outcome is Outcome.ALLOWED
        assert "state_not_neutral" not in codes(verdict)

    def test_the_finding_s_paragraph_is_cited_only_with_its_finding_gciii_111(self):
        verdict = ask(
            case(CAPTURE, self.agreed("UA", "RU")), "intern_in_neutral_state", state="RU"
        )
        assert reason(verdict, "state_not_neutral").cites == ("GCIII-109(2)", "GCIII-111")

    def test_the_neutral_state_must_be_party_to_the_agreement_gciii_111(self):
        held = case(CAPTURE, FOUND_110_2, self.agreed("UA", "RU"))
        verdict = ask(held, "intern_in_neutral_state", state="CH")
        assert verdict.outcome is Outcome.REFUSED
        assert reason(verdict, "no_neutral_agreement").cites == ("GCIII-111",)

    def test_a_neutral_state_party_to_the_agreement_is_allowed_gciii_111(self):
        held = case(CAPTURE, FOUND_110_2, self.agreed("UA", "RU", "CH"))
        verdict = ask(held, "intern_in_neutral_state", state="CH")
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "neutral_internment_agreed").cites == ("GCIII-111",)
        assert "state_not_neutral" not in codes(verdict)


# --- 4. GCIV-42, GCIV-78, GCIV-132: a civilian internee's release is never unlawful


class TestTheReleaseOfAProtectedPerson:
    """GCIV-42 (GCIV-78 in occupied territory): internment is the exception; GCIV-132(1): an
    internee is released as soon as the reasons for it cease. Releasing him is never
    unlawful, with or without a review; GCIII-118 does not govern a protected person. A
    prisoner of war still needs a ground.
    """

    OWN = {"date": "2024-08-20", "event": "capture", "territory": "own"}
    OCCUPIED = {"date": "2024-08-20", "event": "capture", "territory": "occupied"}
    INTERNED = {
        "date": "2024-08-25",
        "event": "determine_status",
        "outcome": "civilian_internee",
        "by": "authority",
    }

    def test_an_internee_in_the_detaining_state_is_released_gciv_132(self):
        interned = case(self.OWN, self.INTERNED, subject=UA_CIVILIAN, holder="RU")
        verdict = ask(interned, "release_in_detaining_state")
        assert verdict.outcome is Outcome.ALLOWED
        found = reason(verdict, "protected_person_released")
        assert (found.kind.value, found.cites) == ("basis", ("GCIV-132", "GCIV-42"))
        assert "no_ground_for_release" not in codes(verdict)
        assert not {"GCIII-118", "RC-33"} & set(verdict.cites)

    def test_an_internee_in_occupied_territory_is_released_gciv_132_gciv_78(self):
        interned = case(self.OCCUPIED, self.INTERNED, subject=RESIDENT)
        verdict = ask(interned, "release_in_detaining_state")
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "protected_person_released").cites == ("GCIV-132", "GCIV-78")

    def test_a_review_ordering_release_stays_its_ground_gciv_132(self):
        review = {"date": "2025-02-01", "event": "internment_reviewed", "outcome": "release"}
        interned = case(self.OCCUPIED, self.INTERNED, review, subject=RESIDENT)
        verdict = ask(interned, "release_in_detaining_state")
        assert verdict.outcome is Outcome.ALLOWED
        assert reason(verdict, "internment_release").cites == ("GCIV-132",)

    def test_a_prisoner_of_war_still_needs_a_ground_gciii_118(self):
        verdict = ask(case(CAPTURE), "release_in_detaining_state")
        assert verdict.outcome is Outcome.REFUSED
        assert reason(verdict, "no_ground_for_release").cites == ("GCIII-118", "RC-33", "GCIV-132")


# --- 5. GCIII-6: a custodian refused for the reason that applies


class TestTheCustodianIsRefusedForItsActualReason:
    """GCIII-6 (1953: PANMUNJOM-51): his state of nationality, his power of origin, the
    detaining power and a party to the conflict are no neutral custodians; the reason says
    which it is.
    """

    AGREED = {
        "date": "2025-01-05",
        "event": "agreement_concluded",
        "kind": "neutral_custody",
        "between": ["UA", "RU"],
    }

    @pytest.mark.parametrize(
        ("subject", "state", "why", "words"),
        [
            (NEPALI_RECRUIT, "NP", "nationality", "his state of nationality"),
            (NEPALI_RECRUIT, "RU", "power_of_origin", "his power of origin"),
            (RU_SOLDIER, "UA", "detaining_power", "the detaining power"),
            (RU_SOLDIER, "KP", "party", "a party to the conflict"),
        ],
    )
    def test_the_reason_names_why_the_state_is_not_neutral_gciii_6(
        self, subject, state, why, words
    ):
        held = case(self.AGREED, {"date": "2025-01-09", "event": "capture"}, subject=subject)
        verdict = ask(held, "hand_over_to_neutral_custody", state=state)
        found = reason(verdict, "custodian_not_neutral")
        assert dict(found.params) == {"state": state, "why": why}
        assert found.text.startswith(f"{state} is {words}")

    def test_the_nepali_recruit_s_own_state_is_not_called_a_party_gciii_6(self):
        held = case({"date": "2023-10-15", "event": "capture"}, subject=NEPALI_RECRUIT)
        verdict = ask(held, "hand_over_to_neutral_custody", state="NP")
        assert "party to the conflict" not in reason(verdict, "custodian_not_neutral").text

    @pytest.mark.parametrize("lang", ["ko", "uk"])
    def test_each_reason_is_worded_in_every_language(self, lang):
        law = Law.packaged()
        english = {
            "nationality": "his state of nationality",
            "power_of_origin": "his power of origin",
            "detaining_power": "the detaining power",
            "party": "a party to the conflict",
        }
        for why, words in english.items():
            for code in ("custodian_not_neutral", "state_not_neutral"):
                worded = translated_reason(law, code, {"state": "NP", "why": why}, lang)
                assert not worded.fallback, (code, why, lang)
                assert "NP" in worded.text
                assert words not in worded.text, (code, why, lang)
                assert "{" not in worded.text
