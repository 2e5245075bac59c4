"""Who may receive him: what a receiving state consented to (GCIII-12(2), GCIV-45(3)), why a
party on his own side receives him only by exchange or repatriation (GCIII-12(2), GCIII-118),
and when a Geneva Convention binds a party to a conflict that joins it (GCIII-141, GCIV-157).

Each test names the provision it rests on; each failed on the model before the lawyer's review.
"""

import datetime
import pathlib

import pytest

from powcase import Assumptions, Case, Outcome, Subject
from powcase.law.book import Law
from powcase.scenario import load_scenarios, run
from support import codes, reason

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"

KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
KP_IN_RU_FORCES = Subject(id="kim", nationality=["KP"], forces="RU")
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture", "wounded": True}
ENDED = {"date": "2026-06-01", "event": "hostilities_ended"}


def ev(date, event, **fields):
    return {"date": date, "event": event, **fields}


def case(*events, subject=KP_SOLDIER, holder="UA", **assumptions):
    opened = Case.open(subject, holder, assumptions=Assumptions(**assumptions))
    for event in events:
        opened = opened.apply(event)
    return opened


def consent(state, scope=None, day="2025-02-01"):
    fields = {"state": state} if scope is None else {"state": state, "scope": scope}
    return ev(day, "receiving_state_consents", **fields)


VERIFIED_KR = ev("2025-02-02", "wish_verified", destination="KR", by="ICRC")


class TestTheScopeOfAConsent:
    """GCIII-12(2): a transferee must be willing to hold him as a prisoner of war and apply the
    Convention; a state that agreed only to admit him once released has not agreed to that,
    and one that agreed to hold him as a prisoner has not agreed to admit him free."""

    def test_a_consent_to_admit_him_once_released_is_no_consent_to_a_transfer_gciii_12_2(self):
        verdict = case(CAPTURE, consent("KR", "release")).verdict(
            {"event": "transfer_to_power", "to": "KR"}
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "consent_only_to_release")
        assert found.kind == "precondition"
        assert "GCIII-12(2)" in found.cites
        assert dict(found.params)["to"] == "KR"
        assert "transfer_to_party" not in codes(verdict)
        assert "receiver_has_not_consented" not in codes(verdict)

    def test_a_consent_to_hold_him_as_a_prisoner_is_no_consent_to_a_release_gciii_12_2(self):
        verdict = case(CAPTURE, consent("KR", "transfer"), VERIFIED_KR).verdict(
            {"event": "release_to_third_state", "to": "KR"}
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "consent_only_to_transfer")
        assert found.kind == "precondition"
        # A release is no transfer: its consent cites GCIII-5 during hostilities, where he
        # leaves the Convention's protection, not GCIII-12(2).
        assert found.cites == ("GCIII-5",)
        assert "third_state_consents" not in codes(verdict)

    def test_a_consent_to_a_release_counts_for_a_release_gciii_12_2(self):
        verdict = case(CAPTURE, consent("KR", "release"), VERIFIED_KR).verdict(
            {"event": "release_to_third_state", "to": "KR"}
        )
        assert "third_state_consents" in codes(verdict)
        assert verdict.outcome is Outcome.ALLOWED

    def test_a_consent_to_a_transfer_counts_for_a_transfer_gciii_12_2(self):
        verdict = case(CAPTURE, consent("KR", "transfer")).verdict(
            {"event": "transfer_to_power", "to": "KR"}
        )
        assert "transfer_to_party" in codes(verdict)

    @pytest.mark.parametrize("event", ["transfer_to_power", "release_to_third_state"])
    def test_a_consent_without_a_scope_counts_for_either_move_gciii_12_2(self, event):
        verdict = case(CAPTURE, consent("KR"), VERIFIED_KR).verdict({"event": event, "to": "KR"})
        assert not {"consent_only_to_release", "consent_only_to_transfer"} & codes(verdict)
        assert {"transfer_to_party", "third_state_consents"} & codes(verdict)

    def test_a_protected_person_is_transferred_only_on_a_consent_to_receive_him_gciv_45_3(self):
        internee = ev("2025-01-20", "determine_status", outcome="civilian_internee", by="tribunal")
        verdict = case(CAPTURE, internee, consent("GB", "release")).verdict(
            {"event": "transfer_to_power", "to": "GB"}
        )
        assert verdict.outcome is Outcome.REFUSED
        assert "GCIV-45(3)" in reason(verdict, "consent_only_to_release").cites

    def test_the_scope_is_a_documented_field_gciii_12_2(self):
        with pytest.raises(Exception, match="scope"):
            case(CAPTURE, consent("KR", "asylum"))

    def test_ris_record_holds_south_koreas_consent_to_admit_him_not_to_hold_him_gciii_12_2(self):
        (ri, _) = load_scenarios(EXAMPLES / "ri.powcase.yaml")
        replayed = Case.replay(ri.record)
        transfer = replayed.verdict({"event": "transfer_to_power", "to": "KR"})
        assert transfer.outcome is Outcome.REFUSED
        assert "consent_only_to_release" in codes(transfer)
        release = replayed.verdict({"event": "release_to_third_state", "to": "KR"})
        assert release.outcome is Outcome.UNDETERMINED
        assert not {"third_state_has_not_consented", "consent_only_to_transfer"} & codes(release)


class TestAPartyOnHisOwnSide:
    """GCIII-12(2): a transferee holds him as a prisoner for the capturing side, so a party
    adverse to the detaining power cannot be one; GCIII-118: a hand-over to the enemy side is
    a return (exchange or repatriation), not a release to a third state."""

    def test_a_transfer_to_his_forces_ally_is_refused_gciii_12_2(self):
        verdict = case(CAPTURE, consent("RU")).verdict({"event": "transfer_to_power", "to": "RU"})
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "to_adverse_party")
        assert found.kind == "precondition"
        assert "GCIII-12(2)" in found.cites
        params = dict(found.params)
        assert params["to"] == "RU"
        assert list(params["instead"]) == ["exchange", "repatriate"]
        assert "transfer_to_party" not in codes(verdict)

    def test_a_release_to_his_forces_ally_is_refused_gciii_118(self):
        wish = ev("2025-03-02", "wish_verified", destination="RU", by="ICRC")
        verdict = case(CAPTURE, consent("RU"), wish).verdict(
            {"event": "release_to_third_state", "to": "RU"}
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "to_adverse_party")
        assert "GCIII-118" in found.cites
        assert list(dict(found.params)["instead"]) == ["exchange", "repatriate"]

    def test_a_release_to_his_own_state_is_refused_as_a_release_gciii_118(self):
        verdict = case(CAPTURE, consent("KP"), ENDED).verdict(
            {"event": "release_to_third_state", "to": "KP"}
        )
        assert "to_adverse_party" in codes(verdict)

    @pytest.mark.parametrize("event", ["transfer_to_power", "release_to_third_state"])
    def test_a_protected_persons_return_home_is_no_transfer_or_release_gciv_45_2(self, event):
        resident = Subject(id="resident", nationality=["RU"])
        internee = ev("2025-01-20", "determine_status", outcome="civilian_internee", by="tribunal")
        held = case(CAPTURE, internee, consent("RU"), subject=resident)
        found = reason(held.verdict({"event": event, "to": "RU"}), "to_adverse_party")
        assert found.cites == ("GCIV-45(2)",)

    def test_a_state_that_is_no_party_to_the_conflict_is_not_refused_so_gciii_12_2(self):
        verdict = case(CAPTURE, consent("KR")).verdict({"event": "transfer_to_power", "to": "KR"})
        assert "to_adverse_party" not in codes(verdict)

    def test_a_state_before_it_became_a_party_is_not_refused_so_gciii_12_2(self):
        # KP became a party to the conflict on 2024-10-23.
        early = ev("2024-09-01", "capture")
        verdict = case(early, consent("KP", day="2024-09-02"), subject=RU_SOLDIER).verdict(
            {"event": "transfer_to_power", "to": "KP", "date": "2024-09-03"}
        )
        assert "to_adverse_party" not in codes(verdict)

    @pytest.mark.parametrize("route", ["own_forces", "integrated_forces"])
    def test_a_return_to_the_enemy_side_still_goes_to_his_power_of_origin_gciii_118(self, route):
        # A KP soldier in RU forces: his power of origin is KP (own_forces) or RU (integrated).
        held = case(CAPTURE, ENDED, subject=KP_IN_RU_FORCES, status_route=route)
        for to in ("KP", "RU"):
            verdict = held.verdict({"event": "release_to_third_state", "to": to})
            assert "to_adverse_party" in codes(verdict)
        origin = "KP" if route == "own_forces" else "RU"
        repatriation = held.verdict({"event": "repatriate", "to": origin})
        assert "not_power_of_origin" not in codes(repatriation)

    def test_a_return_to_another_party_on_his_side_offers_no_transfer_or_release_gciii_118(self):
        # KP is his power of origin; RU is a party on his side, which neither move reaches.
        verdict = case(CAPTURE, ENDED).verdict({"event": "repatriate", "to": "RU"})
        found = reason(verdict, "not_power_of_origin")
        assert list(dict(found.params)["instead"]) == []
        assert "GCIII-12" not in found.cites
        assert "transfer_to_power" not in found.text
        assert "party to the conflict on his side" in found.text

    def test_options_refuse_a_transfer_or_release_to_a_party_on_his_side_gciii_12_2(self):
        held = case(CAPTURE, consent("RU"), consent("KP"))
        moves = {"transfer_to_power", "release_to_third_state"}
        found = [o for o in held.options() if o.event.name in moves and o.event.to in ("RU", "KP")]
        assert {(o.event.name, o.event.to) for o in found} == {
            (m, s) for m in moves for s in ("RU", "KP")
        }
        for option in found:
            assert option.verdict.outcome is Outcome.REFUSED
            assert "to_adverse_party" in codes(option.verdict)


def _acceding(deposited, joined, instrument="GCIII", closed=None):
    """The packaged law with a constructed party ``AQ`` (a code no state uses) that acceded
    to ``instrument`` on ``deposited`` and became a party to the Russia-Ukraine conflict on
    ``joined`` (None: never)."""
    party = {
        "name": "A constructed state",
        "participations": [
            {
                "instrument": instrument,
                "how": "accession",
                "deposited": deposited,
                "source": "https://example.org/constructed",
            }
        ],
    }
    if joined is not None:
        party["conflicts"] = [
            {
                "conflict": "ru_ua",
                "side": "B",
                "since": joined,
                "source": "https://example.org/constructed",
                **({"hostilities_closed": closed} if closed else {}),
            }
        ]
    return Law.packaged().overlaid({"parties": {"AQ": party}})


def _bound_from(law, instrument="GCIII"):
    (participation,) = law.party("AQ").participations
    assert participation.instrument == instrument
    return participation.since


D = datetime.date


class TestImmediateEffect:
    """GCIII-141, GCIV-157: a ratification or accession by a party to a conflict takes effect
    at once for it, not six months after the deposit (GCIII-138, GCIII-139)."""

    def test_an_accession_during_a_conflict_binds_at_once_gciii_141(self):
        law = _acceding(D(2030, 3, 1), D(2030, 1, 1))
        assert _bound_from(law) == D(2030, 3, 1)
        assert law.binds("AQ", "GCIII-12", D(2030, 3, 1))
        assert not law.binds("AQ", "GCIII-12", D(2030, 2, 28))

    def test_a_deposit_shortly_before_joining_binds_from_the_day_it_joins_gciii_141(self):
        law = _acceding(D(2029, 10, 1), D(2030, 1, 1))
        assert _bound_from(law) == D(2030, 1, 1)

    def test_a_deposit_long_before_joining_takes_the_usual_six_months_gciii_141(self):
        law = _acceding(D(2029, 1, 1), D(2030, 1, 1))
        assert _bound_from(law) == D(2029, 7, 1)

    def test_a_deposit_after_the_fighting_closed_takes_six_months_gciii_141(self):
        law = _acceding(D(2030, 3, 1), D(2029, 1, 1), closed=D(2030, 2, 1))
        assert _bound_from(law) == D(2030, 9, 1)
        during = _acceding(D(2030, 1, 15), D(2029, 1, 1), closed=D(2030, 2, 1))
        assert _bound_from(during) == D(2030, 1, 15)

    def test_a_state_at_peace_waits_six_months_gciii_141(self):
        assert _bound_from(_acceding(D(2030, 3, 1), None)) == D(2030, 9, 1)

    def test_the_fourth_convention_has_the_same_rule_gciv_157(self):
        law = _acceding(D(2030, 3, 1), D(2030, 1, 1), instrument="GCIV")
        assert _bound_from(law, "GCIV") == D(2030, 3, 1)

    def test_other_treaties_keep_their_own_clause_gciii_141(self):
        law = _acceding(D(2030, 3, 1), D(2030, 1, 1), instrument="API")
        assert _bound_from(law, "API") == D(2030, 9, 1)

    def test_the_parties_table_says_which_article_bound_it_at_once_gciii_141(self):
        law = _acceding(D(2030, 3, 1), D(2030, 1, 1))
        (binding,) = law.profile("AQ", D(2030, 3, 1))["binding"]
        assert binding["since"] == "2030-03-01"
        assert binding["immediate_effect"] == "GCIII-141"
        assert law.provision(binding["immediate_effect"]).article == "Art. 141"
        (usual,) = _acceding(D(2030, 3, 1), None).profile("AQ", D(2030, 9, 1))["binding"]
        assert usual["immediate_effect"] is None

    def test_a_verdict_on_the_day_of_the_accession_cites_the_convention_gciii_141(self):
        law = _acceding(D(2030, 3, 1), D(2030, 1, 1))
        held = Case.open(Subject(id="x", nationality=["UA"], forces="UA"), "AQ", law=law)
        held = held.apply(ev("2030-03-01", "capture"))
        assert "GCIII-5" in held.steps[-1].cites

    def test_the_articles_are_in_the_catalogue_gciii_141_gciv_157(self):
        law = Law.packaged()
        assert law.provision("GCIII-141").instrument == "GCIII"
        assert law.provision("GCIV-157").instrument == "GCIV"

    def test_the_korean_deposits_keep_the_depositarys_dates_gciii_141(self):
        # The Swiss depositary's notice (Austria's gazette, 6 April 1967) gives South Korea's
        # 1966 accession effect on the day of deposit: a party to the conflict in Viet Nam
        # then (GCIV-157), not under the armistice of 1953, whose hostilities had closed.
        law = Law.packaged()
        assert not law.binds("KR", "GCIV-45", D(1966, 8, 15))
        assert law.binds("KR", "GCIV-45", D(1966, 8, 16))
        assert law.party("KR").participations[2].immediate_effect == "GCIV-157"
        assert not law.binds("US", "GCIV-45", D(1956, 2, 1))


def test_the_ri_examples_still_read_as_they_should_gciii_12_2():
    for scenario in load_scenarios(EXAMPLES / "ri.powcase.yaml"):
        assert all(result.ok for result in run(scenario)), scenario.title
