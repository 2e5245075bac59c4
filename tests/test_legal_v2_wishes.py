"""His will, read right: who verified a wish and whether it counts, a condition on it, and its
withdrawal (the ``wish_verifiers`` assumption).

A prisoner cannot renounce his rights (GCIII-7): a wish that lets the detaining power send him
somewhere counts as his consent only if it was shown to be free, which the one holding him, an
intelligence service or the press cannot show. By default a verification counts if made by the
ICRC (which may interview him without witnesses, GCIII-126), UNHCR, a protecting power or a
neutral commission. Each test names the provision it rests on.
"""

import datetime

import pytest

from powcase import Assumptions, Case, Outcome, Record, Source, Subject
from powcase.model.events import WishVerified, event_from_dict
from support import codes

KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
CONSENT_KR = {"date": "2025-02-01", "event": "receiving_state_consents", "state": "KR"}
D = datetime.date


KINDS = {"icrc": "intergovernmental", "sbu": "government", "tv": "press", "press": "press"}
SOURCES = [Source(id=n, name=n, kind=k) for n, k in {**KINDS, "a": "press", "b": "press"}.items()]


def case(*events, subject=KP_SOLDIER, holder="UA", **assumptions):
    opened = Case.open(subject, holder, sources=SOURCES, assumptions=Assumptions(**assumptions))
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def verified(destination="KR", day="2025-03-18", **fields):
    return {"date": day, "event": "wish_verified", "destination": destination, **fields}


def expressed(destination="KR", day="2025-03-18", **fields):
    return {"date": day, "event": "wish_expressed", "destination": destination, **fields}


def withdrawn(destination="KR", day="2025-03-20", **fields):
    return {"date": day, "event": "wish_withdrawn", "destination": destination, **fields}


def release_kr(c):
    return c.verdict({"event": "release_to_third_state", "to": "KR"})


def facts(verdict):
    return [m.fact for m in verdict.missing]


def flags(c):
    return {f.code for f in c.active_flags()}


class TestWhoseVerificationCounts:
    """GCIII-7, GCIII-118: consent counts only if free, and it is shown free only by one
    independent of the detaining power (default ``wish_verifiers: independent``)."""

    def test_a_verification_by_the_icrc_is_consent_gciii_7(self):
        verdict = release_kr(case(CAPTURE, CONSENT_KR, verified(verifier="icrc")))
        assert verdict.outcome is Outcome.ALLOWED

    @pytest.mark.parametrize(
        "verifier", ["icrc", "unhcr", "protecting_power", "neutral_commission"]
    )
    def test_each_independent_verifier_counts_gciii_7(self, verifier):
        verdict = release_kr(case(CAPTURE, CONSENT_KR, verified(verifier=verifier)))
        assert verdict.outcome is Outcome.ALLOWED

    @pytest.mark.parametrize(
        "verifier",
        ["detaining_power", "intelligence_service", "receiving_state", "press", "ngo", "other"],
    )
    def test_a_verification_by_anyone_else_is_only_a_claim_gciii_7(self, verifier):
        verdict = release_kr(case(CAPTURE, CONSENT_KR, verified(verifier=verifier)))
        assert verdict.outcome is Outcome.UNDETERMINED
        assert facts(verdict) == ["wish"]
        assert "wish_verifiers" in verdict.assumptions

    def test_an_unknown_verifier_is_not_shown_independent_gciii_7(self):
        verdict = release_kr(case(CAPTURE, CONSENT_KR, verified()))
        assert verdict.outcome is Outcome.UNDETERMINED
        assert facts(verdict) == ["wish"]

    @pytest.mark.parametrize(
        "by",
        [
            "ICRC",
            "icrc",
            "International Committee of the Red Cross",
            "UNHCR",
            "Protecting Power",
            "protecting_power",
            "NNRC",
            "Neutral Nations Repatriation Commission",
        ],
    )
    def test_a_version_1_record_verified_by_an_independent_body_keeps_its_meaning_gciii_7(
        self, by
    ):
        verdict = release_kr(case(CAPTURE, CONSENT_KR, verified(by=by)))
        assert verdict.outcome is Outcome.ALLOWED

    @pytest.mark.parametrize("by", ["SBU", "Ukraine", "Chosun Ilbo", "a commission"])
    def test_a_version_1_record_verified_by_another_is_a_claim_gciii_7(self, by):
        verdict = release_kr(case(CAPTURE, CONSENT_KR, verified(by=by)))
        assert verdict.outcome is Outcome.UNDETERMINED

    def test_the_verifier_field_decides_over_by_gciii_7(self):
        verdict = release_kr(
            case(CAPTURE, CONSENT_KR, verified(verifier="detaining_power", by="ICRC"))
        )
        assert verdict.outcome is Outcome.UNDETERMINED

    def test_the_private_interview_reading_needs_one_gciii_126(self):
        plain = case(
            CAPTURE, CONSENT_KR, verified(verifier="icrc"), wish_verifiers="independent_private"
        )
        verdict = release_kr(plain)
        assert verdict.outcome is Outcome.UNDETERMINED
        assert "wish_verifiers" in verdict.assumptions
        private = case(
            CAPTURE,
            CONSENT_KR,
            verified(verifier="icrc", private_interview=True),
            wish_verifiers="independent_private",
        )
        assert release_kr(private).outcome is Outcome.ALLOWED

    def test_the_any_reading_counts_every_verification_as_version_1_did_gciii_7(self):
        c = case(CAPTURE, CONSENT_KR, verified(verifier="detaining_power"), wish_verifiers="any")
        verdict = release_kr(c)
        assert verdict.outcome is Outcome.ALLOWED
        assert "wish_verifiers" in verdict.assumptions

    def test_a_verdict_with_no_doubtful_verification_does_not_rest_on_the_reading_gciii_7(self):
        verdict = release_kr(
            case(CAPTURE, CONSENT_KR, verified(verifier="icrc", private_interview=True))
        )
        assert "wish_verifiers" not in verdict.assumptions

    def test_a_non_counting_verification_contests_a_counting_one_gciii_7(self):
        c = case(
            CAPTURE,
            CONSENT_KR,
            verified(verifier="icrc", source="icrc"),
            verified("KP", day="2025-03-19", verifier="intelligence_service", source="sbu"),
        )
        verdict = release_kr(c)
        assert verdict.outcome is Outcome.UNDETERMINED
        assert [m.to_dict() for m in verdict.missing] == [
            {"fact": "wish", "destination": "KR", "contested": True}
        ]
        # Read as version 1 did, the later verification replaces the earlier one.
        anyone = case(
            CAPTURE,
            CONSENT_KR,
            verified(verifier="icrc", source="icrc"),
            verified("KP", day="2025-03-19", verifier="intelligence_service", source="sbu"),
            wish_verifiers="any",
        )
        assert release_kr(anyone).outcome is Outcome.REFUSED

    def test_a_non_counting_verification_replaces_its_source_s_earlier_claim_gciii_7(self):
        c = case(
            CAPTURE,
            CONSENT_KR,
            expressed("KP", day="2025-03-01", source="tv"),
            verified(verifier="detaining_power", source="tv"),
        )
        verdict = release_kr(c)
        assert [m.to_dict() for m in verdict.missing] == [
            {"fact": "wish", "destination": "KR", "contested": False}
        ]

    def test_a_verified_refusal_counts_only_from_an_independent_verifier_gciii_118(self):
        ended = {"date": "2026-06-01", "event": "hostilities_ended"}
        stay = verified("stay", day="2026-06-02", verifier="detaining_power")
        home = {"event": "repatriate", "to": "RU"}
        claimed = case(CAPTURE, ended, stay, subject=RU_SOLDIER, ihl_non_refoulement="free_will")
        verdict = claimed.verdict(home)
        assert verdict.outcome is Outcome.UNDETERMINED
        assert "refoulement_free_will" not in codes(verdict)
        checked = case(
            CAPTURE,
            ended,
            verified("stay", day="2026-06-02", verifier="protecting_power"),
            subject=RU_SOLDIER,
            ihl_non_refoulement="free_will",
        )
        assert "refoulement_free_will" in codes(checked.verdict(home))


class TestConditionsAndWithdrawals:
    """GCIII-7, GCIII-118: a conditional wish is no settled consent; a withdrawn wish is no
    wish at all."""

    def test_a_conditional_verified_wish_leaves_the_condition_open_gciii_118(self):
        c = case(CAPTURE, CONSENT_KR, verified(verifier="icrc", condition="if his family is safe"))
        verdict = release_kr(c)
        assert verdict.outcome is Outcome.UNDETERMINED
        assert [m.to_dict() for m in verdict.missing] == [
            {"fact": "wish_condition", "destination": "KR"}
        ]
        found = next(r for r in verdict.reasons if r.kind == "open")
        assert found.code == "wish_condition_open"
        assert "GCIII-7" in found.cites  # during hostilities; GCIII-118 only after
        assert "his family" not in found.text  # free text stays out of the reasons

    def test_an_unconditional_verified_wish_settles_the_condition_gciii_118(self):
        c = case(
            CAPTURE,
            CONSENT_KR,
            verified(verifier="icrc", condition="if his family is safe"),
            verified(day="2025-03-25", verifier="icrc"),
        )
        assert release_kr(c).outcome is Outcome.ALLOWED

    def test_a_conditional_expressed_wish_leaves_the_condition_open_gciii_118(self):
        c = case(CAPTURE, CONSENT_KR, expressed(condition="if Korea takes him"))
        assert facts(release_kr(c)) == ["wish_condition"]

    def test_a_later_conditional_claim_reopens_a_verified_wish_gciii_118(self):
        c = case(
            CAPTURE,
            CONSENT_KR,
            verified(verifier="icrc"),
            expressed(day="2025-03-25", condition="only with his brother", source="press"),
        )
        assert facts(release_kr(c)) == ["wish_condition"]

    def test_a_conditional_refusal_is_no_verified_refusal_gciii_118(self):
        ended = {"date": "2026-06-01", "event": "hostilities_ended"}
        stay = verified("stay", day="2026-06-02", verifier="icrc", condition="until amnesty")
        c = case(CAPTURE, ended, stay, subject=RU_SOLDIER, ihl_non_refoulement="free_will")
        verdict = c.verdict({"event": "repatriate", "to": "RU"})
        assert "refoulement_free_will" not in codes(verdict)
        assert verdict.outcome is Outcome.UNDETERMINED

    def test_a_withdrawn_wish_is_no_wish_gciii_118(self):
        c = case(CAPTURE, CONSENT_KR, verified(verifier="icrc"), withdrawn())
        verdict = release_kr(c)
        assert verdict.outcome is Outcome.REFUSED
        assert "no_wish_for_third_state" in codes(verdict)

    def test_a_withdrawal_removes_only_that_destination_gciii_118(self):
        c = case(
            CAPTURE,
            CONSENT_KR,
            expressed("KR", day="2025-03-01", source="a"),
            expressed("stay", day="2025-03-02", source="b"),
        )
        assert [m.to_dict() for m in release_kr(c).missing] == [
            {"fact": "wish", "destination": "KR", "contested": True}
        ]
        settled = c.apply(withdrawn("stay"))
        assert [m.to_dict() for m in release_kr(settled).missing] == [
            {"fact": "wish", "destination": "KR", "contested": False}
        ]


class TestCoercedConsent:
    """GCIII-7: ``coerced_consent`` rises when the only check of his wish was made by one
    who cannot show it free, and only a counting verification clears it."""

    def test_a_verification_by_the_detaining_power_raises_it_gciii_7(self):
        c = case(CAPTURE, verified(verifier="detaining_power", day="2025-02-01"))
        assert "coerced_consent" in flags(c)
        entry = next(f for f in c.flags if f.code == "coerced_consent")
        assert entry.because == (1,)
        assert entry.since == D(2025, 2, 1)

    def test_only_a_counting_verification_clears_it_gciii_7(self):
        pressed = case(CAPTURE, expressed("KP", day="2025-01-12", free=False))
        still = pressed.apply(verified(verifier="press", day="2025-02-01"))
        assert "coerced_consent" in flags(still)
        cleared = still.apply(verified(verifier="icrc", day="2025-03-01"))
        assert "coerced_consent" not in flags(cleared)
        entry = next(f for f in cleared.flags if f.code == "coerced_consent")
        assert entry.until == D(2025, 3, 1)

    def test_under_the_any_reading_every_verification_counts_gciii_7(self):
        c = case(CAPTURE, verified(verifier="detaining_power"), wish_verifiers="any")
        assert "coerced_consent" not in flags(c)

    def test_a_verification_without_a_private_interview_raises_it_when_one_is_needed_gciii_126(
        self,
    ):
        c = case(CAPTURE, verified(verifier="icrc"), wish_verifiers="independent_private")
        assert "coerced_consent" in flags(c)
        assert "coerced_consent" not in flags(case(CAPTURE, verified(verifier="icrc")))


class TestMedicalHoldBack:
    """GCIII-109(3): the medical repatriation duty is held back only by a refusal verified by
    one who counts."""

    def _held(self, verifier):
        finding = {"date": "2025-03-01", "event": "medical_assessment", "category": "gcIII_110_1"}
        refusal = verified("stay", day="2025-03-02", verifier=verifier)
        c = case(CAPTURE, finding, refusal, subject=RU_SOLDIER)
        item = next(o for o in c.docket(D(2025, 3, 10)) if o.code == "medical_repatriation")
        return item

    def test_a_refusal_checked_by_the_icrc_holds_the_duty_back_gciii_109_3(self):
        assert self._held("icrc").held_back_by == "his_refusal"

    def test_a_refusal_claimed_by_the_detaining_power_does_not_gciii_109_3(self):
        assert self._held("detaining_power").held_back_by is None


class TestTheRecordFormat:
    """The new fields and event load, and version 1 records keep loading (GCIII-7)."""

    def test_the_new_fields_and_event_load(self):
        event = event_from_dict(
            {
                "date": "2026-03-01",
                "event": "wish_verified",
                "destination": "KR",
                "verifier": "icrc",
                "private_interview": True,
                "condition": "if Korea admits him",
            }
        )
        assert isinstance(event, WishVerified)
        assert (event.verifier, event.private_interview) == ("icrc", True)
        gone = event_from_dict(
            {"date": "2026-03-02", "event": "wish_withdrawn", "destination": "KR"}
        )
        assert gone.name == "wish_withdrawn"
        said = event_from_dict(
            {
                "date": "2026-03-02",
                "event": "wish_expressed",
                "destination": "KR",
                "condition": "x",
            }
        )
        assert said.condition == "x"

    def test_an_unknown_verifier_is_an_input_error_with_a_suggestion(self):
        from powcase import InvalidInput

        with pytest.raises(InvalidInput) as raised:
            event_from_dict(
                {
                    "date": "2026-03-01",
                    "event": "wish_verified",
                    "destination": "KR",
                    "verifier": "icr",
                }
            )
        assert "icrc" in str(raised.value)

    def test_the_assumption_defaults_to_independent_verifiers(self):
        assert Assumptions().wish_verifiers == "independent"
        spec = Assumptions.specs()["wish_verifiers"]
        assert spec.options == ("independent", "independent_private", "any")

    def test_a_record_round_trips_the_new_event(self):
        record = Record.from_dict(
            {
                "subject": {"id": "ri", "nationality": ["KP"], "forces": "KP"},
                "detaining_power": "UA",
                "events": [CAPTURE, withdrawn()],
            }
        )
        assert record.to_dict()["events"][1] == withdrawn()
