"""Agreements between the parties (GCIII-6): a term binds only the states that made it, and an
unverified wish leaves open what a verified one would decide (GCIII-7).
"""

from powcase import Assumptions, Case, Outcome, Subject
from support import codes, reason

KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
ENDED = {"date": "2026-06-01", "event": "hostilities_ended"}
# Only the agreement's own term bars the return: the treaty readings are set aside (the
# human-rights bars only for the repatriation IHL requires after hostilities, GCIII-118).
TERMS_ONLY = {"ihl_non_refoulement": "strict_text", "human_rights_non_refoulement": False}


def agreement(between, *terms):
    return {
        "date": "2025-01-20",
        "event": "agreement_concluded",
        "kind": "exchange",
        "between": between,
        "terms": list(terms),
        "provision": "GCIII-6",
    }


NO_REFOULEMENT = agreement(["UA", "KP"], "non_refoulement")
EXCHANGE_AGREED = {"date": "2025-01-21", "event": "exchange_agreed", "between": ["UA", "RU"]}


def case(*events, subject=KP_SOLDIER, holder="UA", **readings):
    opened = Case.open(subject, holder, assumptions=Assumptions(**readings))
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


class TestANonRefoulementTerm:
    """GCIII-6: the parties may agree not to return a prisoner towards risk."""

    def test_it_bars_a_return_towards_risk_gciii_6(self):
        verdict = case(CAPTURE, NO_REFOULEMENT, ENDED, **TERMS_ONLY).verdict(
            {"event": "repatriate", "to": "KP"}
        )
        assert verdict.outcome is Outcome.REFUSED
        assert reason(verdict, "agreement_non_refoulement").cites == ("GCIII-6",)

    def test_an_unverified_wish_to_go_leaves_it_open_gciii_6_gciii_7(self):
        wish = {"date": "2025-02-14", "event": "wish_expressed", "destination": "KP"}
        verdict = case(CAPTURE, NO_REFOULEMENT, wish, ENDED, **TERMS_ONLY).verdict(
            {"event": "repatriate", "to": "KP"}
        )
        assert verdict.outcome is Outcome.UNDETERMINED
        found = reason(verdict, "wish_open")
        assert (found.cites, dict(found.params)["destination"]) == (("GCIII-6",), "KP")

    def test_it_does_not_bind_a_power_he_was_transferred_to_gciii_12(self):
        """Made by UA and KP, it does not bind GB, which holds him after a transfer and
        answers for him (GCIII-12(2)).
        """
        transferred = case(
            CAPTURE,
            NO_REFOULEMENT,
            {"date": "2025-03-01", "event": "receiving_state_consents", "state": "GB"},
            {"date": "2025-03-02", "event": "transfer_to_power", "to": "GB"},
            ENDED,
            **TERMS_ONLY,
        )
        verdict = transferred.verdict({"event": "repatriate", "to": "KP"})
        assert "agreement_non_refoulement" not in codes(verdict)


class TestVoluntaryRepatriation:
    """GCIII-6, GCIII-7: under a bar on force he is not returned against his verified
    refusal; under voluntary repatriation, only on his verified wish.
    """

    def test_under_a_bar_on_force_an_unverified_wish_elsewhere_is_open_gciii_7(self):
        wish = {"date": "2025-02-14", "event": "wish_expressed", "destination": "GB"}
        no_force = agreement(["UA", "RU"], "no_force")
        verdict = case(CAPTURE, no_force, EXCHANGE_AGREED, wish, subject=RU_SOLDIER).verdict(
            {"event": "exchange", "to": "RU"}
        )
        assert verdict.outcome is Outcome.UNDETERMINED
        found = reason(verdict, "wish_open")
        assert (found.cites, dict(found.params)["destination"]) == (("GCIII-6",), "GB")

    def test_a_verified_refusal_is_refused_once_gciii_6(self):
        """A verified wish to go elsewhere is a refusal of the return: the agreement's bar
        refuses it, and asks for no wish to return besides.
        """
        refusal = {
            "date": "2025-02-14",
            "event": "wish_verified",
            "destination": "GB",
            "verifier": "icrc",
        }
        both = agreement(["UA", "RU"], "voluntary_repatriation", "no_force")
        verdict = case(CAPTURE, both, EXCHANGE_AGREED, refusal, subject=RU_SOLDIER).verdict(
            {"event": "exchange", "to": "RU"}
        )
        assert verdict.outcome is Outcome.REFUSED
        assert codes(verdict) == {"agreement_voluntary_repatriation", "no_known_risk"}
        assert reason(verdict, "agreement_voluntary_repatriation").cites == ("GCIII-6",)

    def test_it_governs_returns_to_his_power_of_origin_only_gciii_118(self):
        both = agreement(["UA", "KP"], "voluntary_repatriation", "no_force")
        verdict = case(CAPTURE, both).verdict({"event": "exchange", "to": "KR"})
        assert not {c for c in codes(verdict) if c.startswith("agreement_")}
