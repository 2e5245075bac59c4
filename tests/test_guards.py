"""One test per guard: an allowed verdict and a refused or undetermined one, with the
provisions each rests on (docs/reference/law-review.md, generated at build time, and
docs/explanation/legal-model.md#model-refoulement)."""

import pytest

from powcase import Assumptions, Case, Outcome, Subject
from support import ask

KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture", "wounded": True}
ENDED = {"date": "2026-06-01", "event": "hostilities_ended"}


def case(*events, subject=KP_SOLDIER, holder="UA", mode="normative", **assumptions):
    opened = Case.open(subject, holder, assumptions=Assumptions(**assumptions), mode=mode)
    for event in events:
        opened = opened.apply(event)
    return opened


def allowed(verdict, *cites):
    assert verdict.outcome is Outcome.ALLOWED, [r.text for r in verdict.reasons]
    for cite in cites:
        assert cite in verdict.cites, (cite, verdict.cites)


def refused(verdict, *cites, kind=None):
    assert verdict.outcome is Outcome.REFUSED, verdict
    for cite in cites:
        assert cite in verdict.cites, (cite, verdict.cites)
    if kind is not None:
        assert kind in {r.kind for r in verdict.failing}


def undetermined(verdict, fact):
    assert verdict.outcome is Outcome.UNDETERMINED, [r.text for r in verdict.reasons]
    assert fact in {m.fact for m in verdict.missing}


class TestNeverRefusedByLaw:
    """Guards with no legal bar: allowed, cited; refused only where the path has no move."""

    def test_fall_hors_de_combat(self):
        allowed(ask(case(), "fall_hors_de_combat", cause="wounded", date="2025-01-08"), "API-41")
        refused(ask(case(CAPTURE), "fall_hors_de_combat"), kind="graph")

    def test_surrender_notes_what_his_own_state_punishes(self):
        verdict = ask(
            case(subject=RU_SOLDIER), "fall_hors_de_combat", cause="surrender", date="2025-01-01"
        )
        allowed(verdict, "RU-CC-352.1")

    def test_rejoin_forces(self):
        fallen = case({"date": "2025-01-08", "event": "fall_hors_de_combat"})
        allowed(ask(fallen, "rejoin_forces"), "CIHL-47")
        refused(ask(case(), "rejoin_forces", date="2025-01-08"), kind="graph")

    def test_capture(self):
        allowed(ask(case(), "capture", date="2025-01-09"), "GCIII-5", "GCIII-12")
        refused(ask(case(CAPTURE), "capture"), kind="graph")

    def test_raise_status_doubt(self):
        allowed(ask(case(CAPTURE), "raise_status_doubt"), "GCIII-5", "API-45")
        refused(ask(case(), "raise_status_doubt", date="2025-01-09"), kind="graph")

    def test_escape_and_recapture(self):
        allowed(ask(case(CAPTURE), "escape"), "GCIII-91")
        escaped = case(CAPTURE, {"date": "2025-02-01", "event": "escape"})
        allowed(ask(escaped, "recapture"), "GCIII-91")
        refused(ask(case(CAPTURE), "recapture"), kind="graph")

    def test_die(self):
        verdict = ask(case(CAPTURE), "die", cause="killed_by_guard")
        allowed(verdict, "GCIII-120", "GCIII-121")
        dead = case(CAPTURE, {"date": "2025-02-01", "event": "die"})
        refused(ask(dead, "die"), kind="graph")


class TestDetermineStatus:
    def test_a_tribunal_may_decide_any_status(self):
        allowed(
            ask(case(CAPTURE), "determine_status", outcome="unprivileged_detainee", by="tribunal"),
            "GCIII-5",
            "API-45",
        )

    def test_only_a_tribunal_may_deny_pow_status(self):
        refused(
            ask(case(CAPTURE), "determine_status", outcome="civilian_internee", by="authority"),
            "GCIII-5",
            kind="precondition",
        )

    def test_an_authority_may_find_a_member_of_his_own_forces_a_pow(self):
        allowed(
            ask(case(CAPTURE), "determine_status", outcome="pow", by="authority"), "GCIII-4A(1)"
        )

    def test_a_member_of_a_party_s_forces_is_a_pow_whatever_his_nationality(self):
        """GCIII-4A(1) turns on membership of a party's forces, not on the passport: the
        status route decides only his power of origin."""
        integrated = Subject(id="ri", nationality=["KP"], forces="RU")
        for route in ("own_forces", "integrated_forces"):
            routed = case(CAPTURE, subject=integrated, status_route=route)
            verdict = ask(routed, "determine_status", outcome="pow", by="authority")
            allowed(verdict, "GCIII-4A(1)")
            assert "status_route" not in verdict.assumptions

    def test_forces_not_adverse_to_the_holder_need_a_tribunal(self):
        neutral = case(CAPTURE, subject=Subject(id="x", nationality=["IN"], forces="IN"))
        refused(ask(neutral, "determine_status", outcome="pow", by="authority"), "GCIII-4A(1)")

    def test_unknown_forces_leave_it_open(self):
        unknown = case(CAPTURE, subject=Subject(id="x", nationality=["KP"]))
        undetermined(ask(unknown, "determine_status", outcome="pow", by="authority"), "forces")


class TestRequestProtection:
    def test_asylum_while_pow_depends_on_the_reading(self):
        allowed(ask(case(CAPTURE), "request_protection", kind="asylum"), "RC-1A(2)")
        barred = case(CAPTURE, asylum_while_pow="barred_until_release")
        verdict = ask(barred, "request_protection", kind="asylum")
        refused(verdict, kind="precondition")
        assert verdict.assumptions == ("asylum_while_pow",)

    def test_a_request_to_korea(self):
        allowed(ask(case(CAPTURE), "request_protection", kind="third_state", state="KR"), "NKRA-3")
        refused(ask(case(CAPTURE), "request_protection", kind="third_state", state="UA"))


class TestDecideProtection:
    ASYLUM = {"date": "2025-02-19", "event": "request_protection", "kind": "asylum"}

    def test_a_grant_of_asylum(self):
        allowed(ask(case(CAPTURE, self.ASYLUM), "decide_protection", granted=True), "RC-1A(2)")

    def test_war_crimes_exclude_him(self):
        alleged = {"date": "2025-02-20", "event": "war_crime_allegation", "credible": True}
        refused(
            ask(case(CAPTURE, self.ASYLUM, alleged), "decide_protection", granted=True),
            "RC-1F",
            kind="prohibition",
        )
        unassessed = {"date": "2025-02-20", "event": "war_crime_allegation"}
        undetermined(
            ask(case(CAPTURE, self.ASYLUM, unassessed), "decide_protection", granted=True),
            "allegation_credible",
        )

    def test_an_effective_korean_nationality_defeats_a_grant(self):
        effective = case(CAPTURE, self.ASYLUM, rok_nationality="effective")
        refused(ask(effective, "decide_protection", granted=True), "RC-1A(2)", "ROK-CONST-3")

    def test_a_refusal_is_the_state_s_to_make(self):
        allowed(ask(case(CAPTURE, self.ASYLUM), "decide_protection", granted=False))


class TestPenalProceedings:
    def test_combatant_immunity(self):
        refused(
            ask(case(CAPTURE), "charge", offence="participation_in_hostilities"),
            "API-43",
            "GCIII-99",
            kind="prohibition",
        )
        allowed(ask(case(CAPTURE), "charge", offence="war_crime"), "GCIII-85")

    def test_a_russian_reservation_to_article_85_is_noted(self):
        verdict = ask(
            case(CAPTURE, holder="RU", subject=Subject(id="o", nationality=["UA"])),
            "charge",
            offence="war_crime",
        )
        assert "reservation_in_force" in {r.code for r in verdict.reasons}

    def test_conviction_needs_a_fair_trial(self):
        charged = case(CAPTURE, {"date": "2025-03-01", "event": "charge", "offence": "war_crime"})
        allowed(ask(charged, "convict"), "GCIII-99")
        unfair = ask(charged, "convict", fair_trial=False)
        refused(unfair, "GCIII-84", "GCIII-99", "GCIII-105", kind="prohibition")
        # A prisoner of war has the Convention's guarantees: API-75, the floor for those
        # with no better protection, is not his rule.
        assert not [c for c in unfair.cites if c.startswith("API-75")]

    def test_convicting_a_non_pow_needs_a_status_tribunal(self):
        by_authority = case(
            CAPTURE,
            {
                "date": "2025-02-01",
                "event": "determine_status",
                "outcome": "unprivileged_detainee",
                "by": "authority",
            },
            {"date": "2025-03-01", "event": "charge", "offence": "participation_in_hostilities"},
            mode="descriptive",
        )
        refused(ask(by_authority, "convict"), "API-45", kind="precondition")

    def test_acquittal_and_sentence(self):
        charged = case(
            CAPTURE, {"date": "2025-03-01", "event": "charge", "offence": "ordinary_crime"}
        )
        allowed(ask(charged, "acquit"), "GCIII-99")
        sentenced = charged.apply({"date": "2025-04-01", "event": "convict"})
        allowed(ask(sentenced, "complete_sentence"), "GCIII-108")
        refused(ask(charged, "complete_sentence"), kind="graph")


class TestExchange:
    AGREED = {"date": "2025-05-01", "event": "exchange_agreed", "between": ["UA", "RU"]}

    def test_needs_an_agreement(self):
        refused(
            ask(case(CAPTURE, subject=RU_SOLDIER), "exchange", to="RU"),
            "GCIII-6",
            kind="precondition",
        )

    def test_a_routine_exchange_is_not_blocked(self):
        allowed(
            ask(case(CAPTURE, self.AGREED, subject=RU_SOLDIER), "exchange", to="RU"), "GCIII-6"
        )

    def test_an_ally_that_would_pass_him_on_is_towards_risk(self):
        verdict = ask(case(CAPTURE, self.AGREED), "exchange", to="RU")
        refused(verdict, "ICRC-COM-2020-GCIII-118", "CAT-3", "ICCPR-6", kind="prohibition")
        bar = next(r for r in verdict.failing if r.code == "refoulement_icrc_2020")
        assert bar.params == (
            ("onward", "KP"),
            ("risks", "persecution, forced labour, enforced disappearance, torture and death"),
            ("to", "RU"),
        )

    def test_the_seriously_wounded_are_not_exchanged_against_their_will(self):
        finding = {"date": "2025-04-01", "event": "medical_assessment", "category": "gcIII_110"}
        verdict = ask(case(CAPTURE, finding, self.AGREED, subject=RU_SOLDIER), "exchange", to="RU")
        refused(verdict, "GCIII-109(3)")


class TestMedicalRepatriation:
    FINDING = {
        "date": "2025-04-01",
        "event": "medical_assessment",
        "category": "gcIII_110",
        "by": "mixed_medical_commission",
    }

    def test_needs_a_finding(self):
        wish = {
            "date": "2025-03-01",
            "event": "wish_verified",
            "destination": "RU",
            "verifier": "icrc",
        }
        refused(
            ask(case(CAPTURE, wish, subject=RU_SOLDIER), "repatriate_medically", to="RU"),
            "GCIII-110(1)",
            "GCIII-112",
        )

    def test_with_his_verified_consent(self):
        wish = {
            "date": "2025-04-02",
            "event": "wish_verified",
            "destination": "RU",
            "verifier": "icrc",
        }
        allowed(
            ask(
                case(CAPTURE, self.FINDING, wish, subject=RU_SOLDIER),
                "repatriate_medically",
                to="RU",
            ),
            "GCIII-110(1)",
        )

    def test_without_his_consent(self):
        refused(
            ask(case(CAPTURE, self.FINDING, subject=RU_SOLDIER), "repatriate_medically", to="RU"),
            "GCIII-109(3)",
            kind="precondition",
        )

    def test_an_unverified_wish_leaves_it_open(self):
        wish = {"date": "2025-04-02", "event": "wish_expressed", "destination": "RU"}
        undetermined(
            ask(
                case(CAPTURE, self.FINDING, wish, subject=RU_SOLDIER),
                "repatriate_medically",
                to="RU",
            ),
            "wish",
        )


class TestNeutralInternmentAndTransfer:
    def test_internment_needs_an_agreement(self):
        refused(ask(case(CAPTURE), "intern_in_neutral_state", state="CH"), "GCIII-111")
        agreed = {
            "date": "2025-03-01",
            "event": "agreement_concluded",
            "kind": "neutral_internment",
            "between": ["UA", "CH", "KP"],
        }
        allowed(ask(case(CAPTURE, agreed), "intern_in_neutral_state", state="CH"), "GCIII-111")

    def test_transfer_only_to_a_consenting_party(self):
        refused(ask(case(CAPTURE), "transfer_to_power", to="TW"), "GCIII-12(2)")
        refused(ask(case(CAPTURE), "transfer_to_power", to="GB"), "GCIII-12(2)")
        consents = {"date": "2025-03-01", "event": "receiving_state_consents", "state": "GB"}
        allowed(ask(case(CAPTURE, consents), "transfer_to_power", to="GB"), "GCIII-12(2)")

    def test_recall_needs_a_notified_failure(self):
        consents = {"date": "2025-03-01", "event": "receiving_state_consents", "state": "GB"}
        moved = case(
            CAPTURE, consents, {"date": "2025-03-02", "event": "transfer_to_power", "to": "GB"}
        )
        refused(ask(moved, "recall"), "GCIII-12(3)")
        failed = moved.apply(
            {"date": "2025-04-01", "event": "receiving_power_failed", "state": "GB"}
        )
        allowed(ask(failed, "recall"), "GCIII-12(3)")
        assert failed.apply({"date": "2025-04-02", "event": "recall"}).state == [
            "in_custody",
            "presumed_pow",
            "no_request",
            "none",
        ]


class TestRelease:
    def test_release_in_the_detaining_state_needs_a_ground(self):
        refused(ask(case(CAPTURE), "release_in_detaining_state"), kind="precondition")

    def test_after_asylum(self):
        granted = case(
            CAPTURE,
            {"date": "2025-02-19", "event": "request_protection", "kind": "asylum"},
            {"date": "2025-03-19", "event": "decide_protection", "granted": True},
        )
        allowed(ask(granted, "release_in_detaining_state"), "RC-33")

    def test_after_hostilities_when_every_return_is_barred(self):
        allowed(ask(case(CAPTURE, ENDED), "release_in_detaining_state"), "GCIII-118")
        refused(ask(case(CAPTURE, ENDED, subject=RU_SOLDIER), "release_in_detaining_state"))

    def test_to_a_third_state(self):
        consent = {"date": "2025-03-17", "event": "receiving_state_consents", "state": "KR"}
        verified = {
            "date": "2025-03-18",
            "event": "wish_verified",
            "destination": "KR",
            "by": "ICRC",
        }
        # The receiving state admits a released man on its own consent: during hostilities
        # the reason cites GCIII-5 (his protection ends with his release), never GCIII-12(2),
        # which governs transfers of prisoners, nor the ICRC's commentary.
        allowed(
            ask(case(CAPTURE, consent, verified), "release_to_third_state", to="KR"),
            "GCIII-5",
        )
        refused(
            ask(case(CAPTURE, verified), "release_to_third_state", to="KR"), kind="precondition"
        )
        expressed = {"date": "2025-02-19", "event": "wish_expressed", "destination": "KR"}
        undetermined(
            ask(case(CAPTURE, expressed, consent), "release_to_third_state", to="KR"), "wish"
        )

    def test_to_a_third_state_during_hostilities_depends_on_the_reading(self):
        consent = {"date": "2025-03-17", "event": "receiving_state_consents", "state": "KR"}
        verified = {
            "date": "2025-03-18",
            "event": "wish_verified",
            "destination": "KR",
            "verifier": "icrc",
        }
        barred = case(CAPTURE, consent, verified, third_state_release="barred")
        refused(ask(barred, "release_to_third_state", to="KR"), "GCIII-118", kind="prohibition")
        transfer = case(CAPTURE, consent, verified, third_state_release="art12_transfer")
        refused(ask(transfer, "release_to_third_state", to="KR"), "GCIII-12", kind="precondition")

    def test_resettlement_in_korea(self):
        request = {
            "date": "2025-02-19",
            "event": "request_protection",
            "kind": "third_state",
            "state": "KR",
        }
        consent = {"date": "2025-03-17", "event": "receiving_state_consents", "state": "KR"}
        verified = {
            "date": "2025-03-18",
            "event": "wish_verified",
            "destination": "KR",
            "verifier": "icrc",
        }
        release = {"date": "2025-04-01", "event": "release_to_third_state", "to": "KR"}
        released = case(CAPTURE, request, consent, verified, release)
        allowed(ask(released, "resettle"), "NKRA-3")
        no_request = case(CAPTURE, consent, verified, release)
        refused(ask(no_request, "resettle"), "NKRA-3")
        alleged = released.apply(
            {"date": "2025-04-02", "event": "war_crime_allegation", "credible": True}
        )
        undetermined(ask(alleged, "resettle"), "decision")


class TestRepatriation:
    def test_due_after_hostilities_and_not_forbidden_before_gciii_118(self):
        # GCIII-118 makes it due when active hostilities end; it does not forbid it earlier.
        early = ask(case(CAPTURE, subject=RU_SOLDIER), "repatriate", to="RU")
        allowed(early, "GCIII-118")
        assert [r.kind for r in early.reasons if r.code == "repatriation_before_due"] == ["note"]
        allowed(ask(case(CAPTURE, ENDED, subject=RU_SOLDIER), "repatriate"), "GCIII-118")

    def test_not_towards_persecution(self):
        verdict = ask(case(CAPTURE, ENDED), "repatriate", to="KP")
        refused(
            verdict, "ICRC-COM-2020-GCIII-118", "CAT-3", "ICCPR-7", "ECHR-3", kind="prohibition"
        )

    def test_a_verified_wish_to_go_home_is_respected(self):
        # It lifts the IHL bar; the human-rights bar on return to torture or death (CAT-3,
        # ICCPR-6, ICCPR-7) it does not waive: whether that risk is real for him stays open.
        wish = {
            "date": "2026-06-02",
            "event": "wish_verified",
            "destination": "KP",
            "verifier": "icrc",
        }
        verdict = ask(case(CAPTURE, ENDED, wish), "repatriate", to="KP")
        undetermined(verdict, "risk_despite_wish")
        assert "refoulement_icrc_2020" not in {r.code for r in verdict.reasons}
        no_hr = case(CAPTURE, ENDED, wish, human_rights_non_refoulement=False)
        allowed(ask(no_hr, "repatriate", to="KP"), "GCIII-118")

    def test_pending_proceedings_allow_hold_back(self):
        charged = case(
            CAPTURE,
            {"date": "2025-03-01", "event": "charge", "offence": "war_crime"},
            ENDED,
            subject=RU_SOLDIER,
        )
        verdict = ask(charged, "repatriate")
        allowed(verdict, "GCIII-119(5)")


@pytest.mark.parametrize(
    ("reading", "outcome", "cite"),
    [
        ("icrc_2020", Outcome.ALLOWED, "GCIII-118"),
        ("free_will", Outcome.REFUSED, "GCIII-118"),
        ("strict_text", Outcome.ALLOWED, "GCIII-118"),
    ],
)
def test_the_ihl_reading_decides_a_return_he_refused(reading, outcome, cite):
    """A Russian soldier who did not surrender faces no persecution at home: the ICRC reading
    bars only a return towards risk; the free-will reading bars any return he refused."""
    verified = {
        "date": "2026-06-02",
        "event": "wish_verified",
        "destination": "UA",
        "verifier": "icrc",
    }
    verdict = ask(
        case(CAPTURE, ENDED, verified, subject=RU_SOLDIER, ihl_non_refoulement=reading),
        "repatriate",
        to="RU",
    )
    assert verdict.outcome is outcome
    assert cite in verdict.cites
    # South Korea's declaration binds South Korea alone: never cited for Ukraine's acts.
    assert "ROK-DECL-GCIII-118" not in verdict.cites


def test_contested_wishes_leave_it_open_until_verified():
    sources = [
        {"date": "2025-01-12", "event": "wish_expressed", "destination": "stay", "source": "kyiv"},
        {"date": "2025-02-19", "event": "wish_expressed", "destination": "KR", "source": "chosun"},
    ]
    from powcase import Record

    record = Record.from_dict(
        {
            "subject": {"id": "ri", "nationality": ["KP"], "forces": "KP"},
            "detaining_power": "UA",
            "sources": {
                "kyiv": {"name": "Kyiv", "kind": "government"},
                "chosun": {"name": "Chosun Ilbo", "kind": "press"},
            },
            "events": [
                CAPTURE,
                *sources,
                {"date": "2025-03-17", "event": "receiving_state_consents", "state": "KR"},
            ],
        }
    )
    contested = Case.replay(record)
    verdict = ask(contested, "release_to_third_state", to="KR")
    undetermined(verdict, "wish")
    assert verdict.missing[0].to_dict() == {"fact": "wish", "destination": "KR", "contested": True}
    settled = contested.apply(
        {"date": "2025-04-01", "event": "wish_verified", "destination": "KR", "by": "ICRC"}
    )
    allowed(ask(settled, "release_to_third_state", to="KR"))


def test_a_treaty_that_did_not_yet_bind_is_not_applied():
    """1953: the US had declared it would apply GCIII; CAT and the ICCPR did not exist yet."""
    korean_war = case(
        {"date": "1952-05-01", "event": "capture"},
        {"date": "1953-07-27", "event": "hostilities_ended"},
        holder="US",
    )
    verdict = ask(korean_war, "repatriate", to="KP")
    refused(verdict, "GCIII-118", "ICRC-COM-2020-GCIII-118")
    assert "CAT-3" not in verdict.cites
    assert {"rule_not_binding"} <= {r.code for r in verdict.reasons}
