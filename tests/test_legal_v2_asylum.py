"""Refugee status or complementary protection: who protects him decides where he may go
(legal model version 2, item 19).

A refugee (RC-1A(2)) may not be returned towards persecution (RC-33), and a credible war-crime
suspect is excluded (RC-1F). Complementary protection is national law (UA-REF-LAW-1): neither
RC-1A(2) nor RC-1F decides it, but the law's own exclusion does (UA-REF-LAW-6), and it bars a
return towards torture, death or the death penalty (UA-REF-LAW-3), not one towards persecution
alone. Each test failed before the item.
"""

from powcase import Assumptions, Case, Outcome, Subject
from support import codes, reason

RU = Subject(id="deserter", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
ASKED = {"date": "2025-02-01", "event": "request_protection", "kind": "asylum"}
REFUGEE = {"date": "2025-03-01", "event": "decide_protection", "granted": True}
COMPLEMENTARY = dict(REFUGEE, granted_as="complementary", by="State Migration Service")
ALLEGED = {"date": "2025-02-15", "event": "war_crime_allegation", "credible": True}
TORTURE = {"date": "2025-02-10", "event": "risk_on_return", "state": "RU", "kind": "torture"}
PERSECUTION = dict(TORTURE, kind="persecution")
ENDED = {"date": "2025-06-01", "event": "hostilities_ended"}
HOME = {"date": "2025-06-02", "event": "repatriate"}


def case(*events, **assumptions):
    # The human-rights and IHL bars off: only the protection granted can bar the return.
    readings = {"human_rights_non_refoulement": False, "ihl_non_refoulement": "strict_text"}
    opened = Case.open(RU, "UA", assumptions=Assumptions(**{**readings, **assumptions}))
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def test_complementary_protection_is_granted_under_national_law_ua_ref_law_1():
    verdict = case(CAPTURE, ASKED).verdict(COMPLEMENTARY)
    assert verdict.outcome is Outcome.ALLOWED
    found = reason(verdict, "complementary_protection_granted")
    assert found.cites == ("UA-REF-LAW-1",)
    assert "RC-1A(2)" not in verdict.cites


def test_a_credible_war_crime_suspect_is_excluded_from_it_by_its_own_law_ua_ref_law_6():
    verdict = case(CAPTURE, ASKED, ALLEGED).verdict(COMPLEMENTARY)
    assert verdict.outcome is Outcome.REFUSED
    found = reason(verdict, "excluded_from_complementary_protection")
    assert (found.kind, found.cites) == ("prohibition", ("UA-REF-LAW-6",))
    assert "excluded_war_crimes" not in codes(verdict)


def test_the_korean_nationality_claim_does_not_defeat_it_rc_1a_2():
    kp = Subject(id="kp", nationality=["KP"], forces="KP")
    opened = Case.open(kp, "UA", assumptions=Assumptions(rok_nationality="effective"))
    opened = opened.apply(CAPTURE).apply(ASKED)
    assert opened.verdict(COMPLEMENTARY).outcome is Outcome.ALLOWED
    assert opened.verdict(REFUGEE).outcome is Outcome.REFUSED


def test_it_bars_a_return_towards_torture_ua_ref_law_3():
    protected = case(CAPTURE, ASKED, TORTURE, COMPLEMENTARY, ENDED)
    verdict = protected.verdict(HOME)
    assert verdict.outcome is Outcome.REFUSED
    assert reason(verdict, "refoulement_complementary").cites == ("UA-REF-LAW-3",)


def test_it_does_not_bar_a_return_towards_persecution_alone_rc_33():
    protected = case(CAPTURE, ASKED, PERSECUTION, COMPLEMENTARY, ENDED)
    verdict = protected.verdict(HOME)
    assert "refoulement_refugee" not in codes(verdict)
    assert "refoulement_complementary" not in codes(verdict)


def test_refugee_status_still_bars_a_return_towards_persecution_rc_33():
    protected = case(CAPTURE, ASKED, PERSECUTION, REFUGEE, ENDED)
    assert "refoulement_refugee" in codes(protected.verdict(HOME))


def test_release_with_complementary_protection_rests_on_ua_ref_law_3():
    protected = case(CAPTURE, ASKED, COMPLEMENTARY)
    verdict = protected.verdict({"date": "2025-03-02", "event": "release_in_detaining_state"})
    assert verdict.outcome is Outcome.ALLOWED
    assert reason(verdict, "released_with_complementary_protection").cites == ("UA-REF-LAW-3",)


def test_the_deciding_body_is_kept_on_the_event():
    step = case(CAPTURE, ASKED, COMPLEMENTARY).steps[-1]
    assert step.event.by == "State Migration Service"
    assert step.event.to_dict()["granted_as"] == "complementary"


KP = Subject(id="kp_soldier", nationality=["KP"], forces="KP")
TO_KOREA = {
    "date": "2025-02-01",
    "event": "request_protection",
    "kind": "third_state",
    "state": "KR",
}


def korean_case(*events):
    opened = Case.open(KP, "UA")
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def test_a_request_to_a_korean_mission_cites_nkra_7():
    verdict = korean_case(CAPTURE).verdict(dict(TO_KOREA, via="mission"))
    assert reason(verdict, "asks_korean_protection").cites == ("NKRA-3", "NKRA-7")


def test_a_request_made_otherwise_cites_nkra_3_alone():
    for via in ("other", None):
        request = dict(TO_KOREA, via=via) if via else TO_KOREA
        verdict = korean_case(CAPTURE).verdict(request)
        assert reason(verdict, "asks_korean_protection").cites == ("NKRA-3",)


def test_resettlement_after_a_request_at_a_mission_cites_nkra_7_and_the_decider_nkra_8():
    released = korean_case(
        CAPTURE,
        dict(TO_KOREA, via="mission"),
        {"date": "2025-03-01", "event": "receiving_state_consents", "state": "KR"},
        {"date": "2025-03-02", "event": "wish_verified", "destination": "KR", "by": "ICRC"},
        {"date": "2026-03-01", "event": "hostilities_ended"},
        {"date": "2026-03-02", "event": "release_to_third_state", "to": "KR"},
    )
    assert released.state == ["released_to_third_state"], released.steps[-1].verdict
    verdict = released.verdict({"date": "2026-03-03", "event": "resettle", "by": "nis_director"})
    found = reason(verdict, "asked_korean_protection")
    assert found.cites == ("NKRA-3", "NKRA-7", "NKRA-8")
    assert dict(found.params)["by"] == "nis_director"
