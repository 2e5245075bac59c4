"""Where the human-rights bars on return give way, and where they never do.

``human_rights_non_refoulement: false`` is the reading that the Third Convention's duty to
repatriate (GCIII-118), as the special rule, displaces the human-rights treaties' bars on
return (CAT-3, ICCPR-6/7, CED-16, ECHR-2/3, ECHR-P13-1). A special rule displaces a general
one only where the two conflict: only a return IHL itself requires — repatriation once active
hostilities have ended (GCIII-118), direct repatriation of the seriously wounded or sick
(GCIII-109(1)) — can be read so. During hostilities nothing obliges a return, so nothing
displaces the bars, whatever the reading.

Each test failed on the model before this reading (the review of the exploration of the Ri
case found a lawful path handing him to torture during hostilities under this reading).
"""

from __future__ import annotations

from powcase import Assumptions, Case, Outcome, Subject
from support import ask, codes, reason

KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
CAPTURE = {"date": "2025-01-09", "event": "capture", "wounded": True}
TORTURE = {"date": "2025-01-20", "event": "risk_on_return", "state": "KP", "kind": "torture"}
ENDED = {"date": "2026-06-01", "event": "hostilities_ended"}


def case(*events, subject=KP_SOLDIER, holder="UA", **assumptions):
    opened = Case.open(
        subject,
        holder,
        assumptions=Assumptions(
            **{
                "human_rights_non_refoulement": False,
                "ihl_non_refoulement": "strict_text",
                **assumptions,
            }
        ),
    )
    for event in events:
        opened = opened.apply(event)
    return opened


class TestDuringHostilitiesNothingDisplacesTheBars:
    """No rule of IHL requires a return during hostilities: the bars apply whatever the
    reading, and the verdict does not rest on it."""

    def test_a_repatriation_towards_torture_is_refused_cat_3_iccpr_7_echr_3(self):
        verdict = ask(case(CAPTURE, TORTURE), "repatriate", to="KP")
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "refoulement_human_rights")
        assert {"CAT-3", "ICCPR-7", "ECHR-3"} <= set(found.cites)
        assert found.reading is None
        assert "human_rights_non_refoulement" not in verdict.assumptions

    def test_an_exchange_towards_torture_is_refused_cat_3(self):
        agreed = {"date": "2025-02-01", "event": "exchange_agreed", "between": ["UA", "KP"]}
        verdict = ask(case(CAPTURE, TORTURE, agreed), "exchange", to="KP")
        assert verdict.outcome is Outcome.REFUSED
        assert "CAT-3" in reason(verdict, "refoulement_human_rights").cites


class TestAfterHostilitiesTheReadingDecides:
    """Once active hostilities have ended GCIII-118 requires his repatriation: the reading
    that it displaces the universal treaties' bars applies, and the verdict says so."""

    def test_the_reading_lifts_the_bars_on_the_repatriation_gciii_118_requires(self):
        verdict = ask(case(CAPTURE, TORTURE, ENDED), "repatriate", to="KP")
        assert "refoulement_human_rights" not in codes(verdict)
        assert "human_rights_non_refoulement" in verdict.assumptions

    def test_so_it_does_for_russia_holding_a_ukrainian_gciii_118(self):
        ua_soldier = Subject(id="taras", nationality=["UA"], forces="UA")
        risk = {"date": "2025-01-20", "event": "risk_on_return", "state": "UA", "kind": "torture"}
        held = case(CAPTURE, risk, ENDED, subject=ua_soldier, holder="RU")
        verdict = ask(held, "repatriate", to="UA")
        assert "refoulement_human_rights" not in codes(verdict)
        assert "human_rights_non_refoulement" in verdict.assumptions

    def test_under_the_default_reading_the_universal_bars_apply_cat_3(self):
        held = case(CAPTURE, TORTURE, ENDED, human_rights_non_refoulement=True)
        found = reason(ask(held, "repatriate", to="KP"), "refoulement_human_rights")
        assert {"CAT-3", "ICCPR-7", "ECHR-3"} <= set(found.cites)
        assert found.reading is not None
        assert found.reading.assumption == "human_rights_non_refoulement"


def test_a_release_where_every_return_is_barred_cites_the_bars_gciii_118_cat_3():
    """The release rests on GCIII-118 and on the bars that stop every return: it cites both,
    and the reading the bars rest on."""
    held = case(CAPTURE, ENDED, human_rights_non_refoulement=True)
    found = reason(ask(held, "release_in_detaining_state"), "every_return_barred")
    assert found.cites[0] == "GCIII-118"
    assert {"CAT-3", "ICCPR-7", "ECHR-3"} <= set(found.cites)
    assert found.reading is not None
    assert found.reading.assumption == "human_rights_non_refoulement"


class TestWhichReturnsIhlRequires:
    """GCIII-109(1), (3) and GCIII-118: the returns the reading can reach (the second
    lawyer's reading)."""

    AGREED = {"date": "2025-02-01", "event": "exchange_agreed", "between": ["UA", "KP"]}

    def test_a_direct_repatriation_without_a_110_1_finding_is_not_required_gciii_109_1(self):
        verdict = ask(case(CAPTURE, TORTURE), "repatriate_medically", to="KP")
        assert "CAT-3" in reason(verdict, "refoulement_human_rights").cites
        assert "human_rights_non_refoulement" not in verdict.assumptions

    def test_nor_one_he_has_not_consented_to_during_hostilities_gciii_109_3(self):
        finding = {"date": "2025-02-01", "event": "medical_assessment", "category": "gcIII_110_1"}
        verdict = ask(case(CAPTURE, TORTURE, finding), "repatriate_medically", to="KP")
        assert "CAT-3" in reason(verdict, "refoulement_human_rights").cites
        assert "human_rights_non_refoulement" not in verdict.assumptions

    def test_a_consenting_prisoners_direct_repatriation_is_required_gciii_109_1(self):
        finding = {"date": "2025-02-01", "event": "medical_assessment", "category": "gcIII_110_1"}
        wish = {
            "date": "2025-02-02",
            "event": "wish_verified",
            "destination": "KP",
            "verifier": "icrc",
        }
        verdict = ask(case(CAPTURE, TORTURE, finding, wish), "repatriate_medically", to="KP")
        assert "refoulement_human_rights" not in codes(verdict)
        assert "human_rights_non_refoulement" in verdict.assumptions

    def test_after_hostilities_an_exchange_carries_out_the_duty_gciii_118(self):
        held = case(CAPTURE, TORTURE, self.AGREED, ENDED)
        verdict = ask(held, "exchange", to="KP")
        assert "refoulement_human_rights" not in codes(verdict)
        assert "human_rights_non_refoulement" in verdict.assumptions
