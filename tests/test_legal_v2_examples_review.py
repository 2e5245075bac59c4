"""The lawyer's review of the examples: the 1953 agreement's articles where they govern, the
custodian's release of those who chose a neutral nation, what a prolonged captivity engages
as its cause changes, and the human-rights bar on return to torture or death.

Each test names the provision it rests on; each failed on the model before these changes.
"""

import datetime
import pathlib

import pytest

from powcase import Case, Outcome, Subject
from powcase.errors import LawDataError
from powcase.law.book import Law
from powcase.law.rules import Status
from powcase.model.verdict import Reading
from support import armistice_1953, codes, reason

CHINESE = Subject(id="p54", nationality=["CN"], forces="CN")
KP_SOLDIER = Subject(id="soldier_a", nationality=["KP"], forces="KP")

CAPTURE_1951 = {"date": "1951-05-01", "event": "capture"}
ARMISTICE = armistice_1953()
ENDED_1953 = {"date": "1953-07-27", "event": "hostilities_ended"}
HAND_OVER = {
    "date": "1953-09-23",
    "event": "hand_over_to_neutral_custody",
    "custodian": "Neutral Nations Repatriation Commission",
    "state": "IN",
}
HANDED_BACK = {"date": "1954-01-20", "event": "return_from_neutral_custody"}
CHOSE_INDIA = {
    "date": "1953-12-23",
    "event": "wish_verified",
    "destination": "IN",
    "by": "Neutral Nations Repatriation Commission",
}
REFUSED_HOME = {**CHOSE_INDIA, "destination": "TW"}
INDIA_CONSENTS = {"date": "1954-01-20", "event": "receiving_state_consents", "state": "IN"}
TO_INDIA = {"date": "1954-02-09", "event": "release_to_third_state", "to": "IN"}


def case(*events, subject=CHINESE, holder="US", **assumptions):
    opened = Case.open(subject, holder, assumptions=assumptions)
    for event in events:
        opened = opened.apply(event)
    return opened


def item(c, code, as_of=None):
    return next(o for o in c.docket(as_of) if o.code == code)


class TestTheArmisticeArticles:
    """PANMUNJOM-51, PANMUNJOM-TOR-3: the armistice's own article governs what the detaining
    sides do; the Terms of Reference's bar on force governs the Commission's custody."""

    def test_outside_the_commission_s_custody_a_refused_return_cites_article_51_alone(self):
        held = case(CAPTURE_1951, ARMISTICE, ENDED_1953, REFUSED_HOME)
        verdict = held.verdict({"event": "repatriate", "to": "CN", "date": "1954-01-21"})
        assert verdict.outcome is Outcome.REFUSED
        assert reason(verdict, "agreement_voluntary_repatriation").cites == ("PANMUNJOM-51",)
        assert "PANMUNJOM-TOR-3" not in verdict.cites

    def test_from_the_commission_s_custody_it_cites_panmunjom_tor_3_too(self):
        held = case(CAPTURE_1951, ARMISTICE, ENDED_1953, HAND_OVER, REFUSED_HOME)
        verdict = held.verdict({"event": "repatriate", "to": "CN", "date": "1954-01-10"})
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "agreement_voluntary_repatriation")
        assert found.cites == ("PANMUNJOM-51", "PANMUNJOM-TOR-3")

    def test_once_handed_back_the_detaining_side_is_bound_by_article_51_panmunjom_51(self):
        held = case(CAPTURE_1951, ARMISTICE, ENDED_1953, HAND_OVER, REFUSED_HOME, HANDED_BACK)
        verdict = held.verdict({"event": "repatriate", "to": "CN", "date": "1954-01-21"})
        assert reason(verdict, "agreement_voluntary_repatriation").cites == ("PANMUNJOM-51",)

    def test_a_no_force_term_without_neutral_custody_still_cites_its_article_gciii_6(self):
        terms = {**ARMISTICE, "kind": "exchange", "terms": ["no_force", "all_for_all"]}
        held = case(CAPTURE_1951, terms, REFUSED_HOME)
        verdict = held.verdict({"event": "exchange", "to": "CN"})
        assert reason(verdict, "agreement_voluntary_repatriation").cites == ("PANMUNJOM-TOR-3",)


class TestTheCustodiansRelease:
    """PANMUNJOM-TOR-4, PANMUNJOM-TOR-11, GCIII-118: those who chose a neutral nation left
    the Commission's custody with the custodial force, under the agreement; the detaining
    power's duty to release him was met when the agreement released them as civilians, not
    late on the day the custodian took him to India."""

    def held(self, *more):
        return case(
            CAPTURE_1951, ARMISTICE, ENDED_1953, HAND_OVER, CHOSE_INDIA, INDIA_CONSENTS, *more
        )

    def test_the_release_from_neutral_custody_is_the_custodian_s_act_panmunjom_tor_11(self):
        verdict = self.held().verdict(TO_INDIA)
        assert verdict.outcome is Outcome.ALLOWED
        found = reason(verdict, "released_by_custodian")
        assert found.kind == "note"
        assert found.cites == ("PANMUNJOM-TOR-11",)
        assert "Neutral Nations Repatriation Commission" in found.text
        assert "1954-01-23" in found.text

    def test_the_repatriation_duty_is_met_as_of_the_agreed_release_not_late_gciii_118(self):
        left = self.held(TO_INDIA)
        entry = item(left, "repatriation")
        assert (entry.status, entry.late, entry.met_by) == (Status.MET, False, 6)
        assert "prolonged_limbo" not in {f.code for f in left.flags if f.until is None}
        # A long custody during hostilities (GCIII-109(2)) until the armistice; after it the
        # measure is the repatriation duty, met by the agreed day: no entry citing GCIII-118.
        limbo = [(f.since, f.until, f.cites) for f in left.flags if f.code == "prolonged_limbo"]
        assert limbo == [
            (datetime.date(1952, 4, 30), datetime.date(1953, 7, 27), ("GCIII-109(2)",)),
        ]

    def test_a_release_by_the_detaining_side_itself_after_the_date_is_late_gciii_118(self):
        back = self.held(HANDED_BACK, TO_INDIA)
        entry = item(back, "repatriation")
        assert (entry.status, entry.late) == (Status.MET, True)
        verdict = self.held(HANDED_BACK).verdict(TO_INDIA)
        assert "released_by_custodian" not in codes(verdict)

    def test_without_a_civilian_release_term_the_agreement_does_not_release_him_gciii_118(self):
        terms = {**ARMISTICE, "terms": ["voluntary_repatriation", "neutral_custody"]}
        left = case(
            CAPTURE_1951, terms, ENDED_1953, HAND_OVER, CHOSE_INDIA, INDIA_CONSENTS, TO_INDIA
        )
        assert item(left, "repatriation").late is True


CAPTURE_2025 = {"date": "2025-01-09", "event": "capture"}


def flag(c, code="prolonged_limbo"):
    found = [f for f in c.flags if f.code == code]
    assert found, [f.code for f in c.flags]
    return found[-1]


class TestProlongedLimbo:
    """GCIII-109(2), GCIII-6, GCIII-7, GCIII-118: what a prolonged captivity engages depends
    on why the flag was raised; GCIII-118 only once hostilities are over, API-85 never."""

    def test_long_custody_during_hostilities_cites_gciii_109_2_not_gciii_118(self):
        c = case(
            CAPTURE_2025,
            {"date": "2026-02-01", "event": "icrc_visit"},
            subject=KP_SOLDIER,
            holder="UA",
        )
        found = flag(c)
        assert found.cites == ("GCIII-109(2)",)

    def test_exclusion_from_an_exchange_during_hostilities_cites_gciii_6_and_7(self):
        c = case(
            CAPTURE_2025,
            {"date": "2025-05-25", "event": "excluded_from_exchange"},
            subject=KP_SOLDIER,
            holder="UA",
        )
        found = flag(c)
        assert found.cites == ("GCIII-6", "GCIII-7")
        assert not [x for x in found.cites if x.startswith(("API-85", "GCIII-118"))]

    def test_an_overdue_repatriation_cites_gciii_118(self):
        c = case(
            {"date": "2025-01-01", "event": "hostilities_ended"},
            CAPTURE_2025,
            {"date": "2025-05-01", "event": "icrc_visit"},
            subject=KP_SOLDIER,
            holder="UA",
        )
        found = flag(c)
        assert found.cites == ("GCIII-118",)

    def test_a_flag_raised_for_two_causes_cites_both(self):
        c = case(
            CAPTURE_2025,
            {"date": "2025-05-25", "event": "excluded_from_exchange"},
            {"date": "2026-02-01", "event": "icrc_visit"},
            subject=KP_SOLDIER,
            holder="UA",
        )
        # In the order of the flag's table of causes.
        assert flag(c).cites == ("GCIII-109(2)", "GCIII-6", "GCIII-7")


HUMAN_RIGHTS = Reading("human_rights_non_refoulement", True)
ENDED_2026 = {"date": "2026-06-01", "event": "hostilities_ended"}


class TestHumanRightsNonRefoulement:
    """CAT-3, ICCPR-6, ICCPR-7: the human-rights bar is read under the assumption that it
    binds the detaining power here, and his wish to go does not waive it."""

    def test_its_reasons_carry_the_reading_they_rest_on_cat_3(self):
        held = case(CAPTURE_2025, ENDED_2026, subject=KP_SOLDIER, holder="UA")
        verdict = held.verdict({"event": "repatriate", "to": "KP"})
        found = reason(verdict, "refoulement_human_rights")
        assert found.reading == HUMAN_RIGHTS
        assert found.to_dict()["reading"] == {
            "assumption": "human_rights_non_refoulement",
            "option": True,
        }

    def test_a_verified_wish_to_go_home_leaves_the_real_risk_open_cat_3_iccpr_7(self):
        wished = {
            "date": "2026-06-02",
            "event": "wish_verified",
            "destination": "KP",
            "verifier": "icrc",
        }
        held = case(CAPTURE_2025, ENDED_2026, wished, subject=KP_SOLDIER, holder="UA")
        verdict = held.verdict({"event": "repatriate", "to": "KP"})
        assert verdict.outcome is Outcome.UNDETERMINED
        found = reason(verdict, "risk_despite_wish_open")
        assert found.kind == "open"
        assert {"CAT-3", "ICCPR-7", "ICCPR-6"} <= set(found.cites)
        assert found.reading == HUMAN_RIGHTS
        assert [m.fact for m in verdict.missing] == ["risk_despite_wish"]
        # The IHL bar yields to his verified wish: it is not the open point.
        assert "refoulement_icrc_2020" not in codes(verdict)

    def test_without_the_human_rights_reading_his_verified_wish_settles_it(self):
        wished = {
            "date": "2026-06-02",
            "event": "wish_verified",
            "destination": "KP",
            "verifier": "icrc",
        }
        held = case(
            CAPTURE_2025,
            ENDED_2026,
            wished,
            subject=KP_SOLDIER,
            holder="UA",
            human_rights_non_refoulement=False,
        )
        verdict = held.verdict({"event": "repatriate", "to": "KP"})
        assert verdict.outcome is Outcome.ALLOWED
        assert "human_rights_non_refoulement" in verdict.assumptions

    def test_a_persecution_type_risk_still_yields_to_his_verified_wish_rc_33(self):
        kind = "persecution"
        risk = {"date": "2026-05-01", "event": "risk_on_return", "state": "RU", "kind": kind}
        wished = {
            "date": "2026-06-02",
            "event": "wish_verified",
            "destination": "RU",
            "verifier": "icrc",
        }
        ivan = Subject(id="soldier_b", nationality=["RU"], forces="RU")
        held = case(CAPTURE_2025, risk, ENDED_2026, wished, subject=ivan, holder="UA")
        verdict = held.verdict({"event": "repatriate", "to": "RU"})
        assert "risk_despite_wish_open" not in codes(verdict)


def test_a_flag_cause_citing_an_unknown_provision_is_located(tmp_path):
    """A flag's provisions by cause (GCIII-109(2) for prolonged_limbo) resolve in the
    catalogue like its other citations: an unknown one is located."""
    path = tmp_path / "overlay.yaml"
    path.write_text(
        "flags:\n"
        "  prolonged_limbo:\n"
        "    severity: medium\n"
        "    cites: [GCIII-118]\n"
        "    causes: {custody: [GCIII-1099]}\n"
        "    text: Changed.\n",
        encoding="utf-8",
    )
    with pytest.raises(LawDataError) as caught:
        Law.packaged().overlaid(path)
    lines = [str(p) for p in caught.value.located]
    assert any("flags.prolonged_limbo.causes.custody[0]: GCIII-1099" in line for line in lines)


def test_the_packaged_flag_lists_its_causes_in_describe():
    rule = Law.packaged().flags["prolonged_limbo"]
    assert rule.to_dict()["causes"]["custody"] == ["GCIII-109(2)"]
    assert "API-85" not in rule.cites


def test_the_text_output_says_when_a_reading_rests_on_a_later_source():
    """The fifth lawyer's reading: a 1954 step read under the 2020 commentary must say so in
    the text, not only in the JSON's later_source param.
    """
    import io

    from powcase.cli import main

    out, err = io.StringIO(), io.StringIO()
    path = pathlib.Path(__file__).parent.parent / "examples" / "korean_war_1953.powcase.yaml"
    main(["run", str(path)], out=out, err=err)
    assert "(reading: ihl_non_refoulement icrc_2020; a later source)" in out.getvalue()


def test_the_custodians_release_rests_on_the_agreement_not_on_gciii_118():
    """The fifth lawyer's reading: once those left became civilians under TOR-11, the
    custodian's release is not a GCIII-118 release by the former detaining power.
    """
    from powcase import load_scenarios, run

    path = pathlib.Path(__file__).parent.parent / "examples" / "korean_war_1953.powcase.yaml"
    scenario = next(s for s in load_scenarios(path) if "neutral nation" in s.title)
    result = run(scenario)[0]
    step = [s for s in result.steps if s.event.name == "release_to_third_state"][-1]
    reasons = {r.code for r in step.reasons}
    assert "agreement_civilian_release" in reasons
    assert "release_due" not in reasons
