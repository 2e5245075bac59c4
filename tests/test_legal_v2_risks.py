"""Risks read right: more kinds, each with its own bars; risks are dated facts that start and
end, by the parties table or the record; North Korea's answer to capture and surrender; Belarus,
Nepal and Switzerland in the parties table.

Each test names the provision it rests on; each failed on the model before these changes.
"""

import datetime

import pytest

from powcase import Assumptions, Case, InvalidInput, Law, Outcome, Subject
from support import codes, reason

D = datetime.date
KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture", "wounded": True}
ENDED = {"date": "2026-06-01", "event": "hostilities_ended"}
STRICT = {"ihl_non_refoulement": "strict_text"}


def case(*events, subject=RU_SOLDIER, holder="UA", **assumptions):
    opened = Case.open(subject, holder, assumptions=Assumptions(**assumptions))
    for event in events:
        opened = opened.apply(event)
    return opened


def risk(kind, state="RU", day="2025-02-01"):
    return {"date": day, "event": "risk_on_return", "state": state, "kind": kind}


def lifted(kind, state="RU", day="2025-03-01"):
    return {"date": day, "event": "risk_lifted", "state": state, "kind": kind}


def repatriation(*events, subject=RU_SOLDIER, holder="UA", **assumptions):
    opened = case(CAPTURE, *events, ENDED, subject=subject, holder=holder, **assumptions)
    return opened.verdict({"event": "repatriate"})


def flags(c):
    return {f.code for f in c.active_flags()}


class TestRiskKinds:
    """§6: persecution-type kinds (forced labour, arbitrary detention, enforced disappearance)
    fall under RC-33 and GCIV-45(4); enforced disappearance also under CED-16 and ICCPR-7;
    a death penalty ICCPR-6(2) allows bars removal only from a state that abolished it;
    prosecution is no risk."""

    @pytest.mark.parametrize(
        "kind",
        ["forced_labour", "arbitrary_detention", "enforced_disappearance", "death_penalty"],
    )
    def test_a_source_may_name_each_kind_iccpr_6_rc_33(self, kind):
        verdict = repatriation(risk(kind))
        # Under the ICRC's reading a return towards any risk kind is refused (GCIII-118).
        assert "refoulement_icrc_2020" in codes(verdict)

    def test_an_unknown_kind_is_invalid_input(self):
        with pytest.raises(InvalidInput):
            case(CAPTURE, risk("hardship"))

    def test_forced_labour_is_persecution_for_refugee_law_rc_33(self):
        granted = (
            {"date": "2025-02-10", "event": "request_protection", "kind": "asylum"},
            {"date": "2025-03-01", "event": "decide_protection", "granted": True},
        )
        verdict = repatriation(risk("forced_labour"), *granted, **STRICT)
        assert verdict.outcome is Outcome.REFUSED
        assert "RC-33" in reason(verdict, "refoulement_refugee").cites

    def test_arbitrary_detention_has_no_human_rights_bar_of_its_own(self):
        verdict = repatriation(risk("arbitrary_detention"), **STRICT)
        assert "refoulement_human_rights" not in codes(verdict)

    def test_enforced_disappearance_is_barred_by_iccpr_7_and_ced_16(self):
        verdict = repatriation(risk("enforced_disappearance"), **STRICT)
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "refoulement_human_rights")
        assert "ICCPR-7" in found.cites
        # Ukraine has been bound by the Convention on Enforced Disappearance since 2015.
        assert "CED-16" in found.cites

    def test_where_ced_does_not_bind_it_is_named_in_a_note_ced_16(self):
        """Russia is no party to the Convention: its moves cite ICCPR-7 and note CED-16."""
        ukrainian = Subject(id="u", nationality=["UA"], forces="UA")
        verdict = repatriation(
            risk("enforced_disappearance", state="UA"), subject=ukrainian, holder="RU", **STRICT
        )
        found = reason(verdict, "refoulement_human_rights")
        assert "CED-16" not in found.cites
        notes = [r for r in verdict.reasons if r.code == "rule_not_binding"]
        assert "CED-16" in {dict(r.params)["provision"] for r in notes}

    def test_ced_16_is_cited_where_it_binds_the_detaining_state(self):
        verdict = repatriation(risk("enforced_disappearance"), holder="CH", **STRICT)
        found = reason(verdict, "refoulement_human_rights")
        assert "CED-16" in found.cites
        assert "ECHR-3" not in found.cites  # ECHR-3 is the torture bar, not this one

    def test_a_death_penalty_bars_removal_from_an_abolitionist_state_iccpr_6(self):
        verdict = repatriation(risk("death_penalty"), **STRICT)
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "refoulement_human_rights")
        assert "ICCPR-6" in found.cites
        assert "ECHR-P13-1" in found.cites

    def test_not_from_a_state_that_keeps_it_iccpr_6_2(self):
        # The United States keeps the death penalty and is bound by no European Convention:
        # ICCPR-6 does not bar sending him where a sentence 6(2) allows awaits him, though it
        # bars sending him to be killed.
        verdict = repatriation(risk("death_penalty"), holder="US", **STRICT)
        assert "refoulement_human_rights" not in codes(verdict)
        verdict = repatriation(risk("death"), holder="US", **STRICT)
        assert "ICCPR-6" in reason(verdict, "refoulement_human_rights").cites

    def test_prosecution_is_no_risk_but_raises_its_flag_iccpr_14(self):
        c = case(CAPTURE, risk("prosecution"))
        assert "prosecution_on_return" in flags(c)
        assert "persecution_on_return" not in flags(c)
        verdict = c.apply(ENDED).verdict({"event": "repatriate"})
        assert "refoulement_icrc_2020" not in codes(verdict)

    def test_a_new_kind_raises_persecution_on_return(self):
        assert "persecution_on_return" in flags(case(CAPTURE, risk("enforced_disappearance")))


class TestNorthKorea:
    """§8: North Korea answers capture and surrender with persecution, torture, death,
    enforced disappearance and forced labour; surrender under its Criminal Code's treason
    article (KP-CC-TREASON), capture by reported practice only."""

    def test_capture_and_surrender_carry_five_kinds(self):
        law = Law.packaged()
        on = D(2025, 1, 9)
        expected = {"persecution", "torture", "death", "enforced_disappearance", "forced_labour"}
        (capture,) = law.treatment("KP", ["capture"], on)
        (surrender,) = law.treatment("KP", ["surrender"], on)
        assert set(capture.kinds) == expected
        assert set(surrender.kinds) == expected
        assert surrender.cites == ("KP-CC-TREASON",)
        assert capture.cites == ()
        assert law.provision("KP-CC-TREASON").instrument

    def test_a_return_to_north_korea_is_barred_as_enforced_disappearance_iccpr_7(self):
        verdict = repatriation(subject=KP_SOLDIER, **STRICT)
        found = reason(verdict, "refoulement_human_rights")
        assert "enforced disappearance" in dict(found.params)["risks"]


class TestRisksAreDated:
    """§6: a state faces him with a risk from its `since` until lifted (`until`,
    `risk_lifted`)."""

    def test_a_treatment_ends_on_its_until_day(self, tmp_path):
        overlay = tmp_path / "until.yaml"
        overlay.write_text(
            "parties:\n"
            "  XX:\n"
            "    name: A state that stopped\n"
            "    treatment:\n"
            "    - act: capture\n"
            "      kinds: [torture]\n"
            "      since: 2020-01-01\n"
            "      until: 2025-01-01\n"
            "      summary: Tortured returned prisoners until a reform.\n"
            "      source: https://example.org/reform\n"
        )
        law = Law.packaged().overlaid(overlay)
        assert law.treatment("XX", ["capture"], D(2024, 12, 31))
        assert law.treatment("XX", ["capture"], D(2025, 1, 1)) == ()
        assert law.profile("XX", D(2024, 6, 1))["treatment"][0]["until"] == "2025-01-01"

    def test_risk_lifted_ends_a_recorded_risk_cat_3(self):
        verdict = repatriation(risk("torture"), lifted("torture"), **STRICT)
        assert "refoulement_human_rights" not in codes(verdict)
        assert verdict.outcome is Outcome.ALLOWED

    def test_risk_lifted_ends_a_risk_from_the_table_cat_3(self):
        kinds = ("torture", "death")
        events = [lifted(k, state="KP") for k in kinds]
        verdict = repatriation(*events, subject=KP_SOLDIER, **STRICT)
        found = reason(verdict, "refoulement_human_rights")
        assert "CAT-3" not in found.cites  # torture lifted
        assert "ICCPR-6" not in found.cites  # death lifted
        assert "ICCPR-7" in found.cites  # enforced disappearance still stands

    def test_a_later_report_raises_a_lifted_risk_again(self):
        again = risk("torture", day="2025-04-01")
        verdict = repatriation(risk("torture"), lifted("torture"), again, **STRICT)
        assert "CAT-3" in reason(verdict, "refoulement_human_rights").cites

    def test_lifting_every_risk_clears_persecution_on_return(self):
        c = case(CAPTURE, risk("torture"))
        assert "persecution_on_return" in flags(c)
        c = c.apply(lifted("torture"))
        assert "persecution_on_return" not in flags(c)
        entry = next(f for f in c.flags if f.code == "persecution_on_return")
        assert entry.until == D(2025, 3, 1)

    def test_and_refoulement_risk_while_he_is_held(self):
        c = case(CAPTURE, risk("torture"))
        assert "refoulement_risk" in flags(c)
        assert "refoulement_risk" not in flags(c.apply(lifted("torture")))

    def test_risk_lifted_names_a_state_and_a_kind(self):
        with pytest.raises(InvalidInput):
            case(CAPTURE, {"date": "2025-03-01", "event": "risk_lifted", "state": "RU"})


class TestNewParties:
    """§8: Belarus, Nepal and Switzerland in the parties table, from the depositaries; none
    a party to the conflict."""

    @pytest.mark.parametrize("code", ["BY", "NP", "CH"])
    def test_each_is_in_the_table_and_no_party_to_the_conflict(self, code):
        law = Law.packaged()
        entry = law.party(code)
        assert entry.participations
        assert entry.conflicts == ()
        assert law.binds(code, "GCIII-12(2)", D(2025, 1, 1))

    def test_a_transfer_to_belarus_finds_it_bound_gciii_12_2(self):
        consent = {"date": "2025-02-01", "event": "receiving_state_consents", "state": "BY"}
        ua_soldier = Subject(id="m", nationality=["UA"], forces="UA")
        c = case(CAPTURE, consent, subject=ua_soldier, holder="RU")
        verdict = c.verdict({"date": "2025-02-02", "event": "transfer_to_power", "to": "BY"})
        assert "receiver_not_bound" not in codes(verdict)
        assert "GCIII-12(2)" in verdict.cites

    def test_nepal_is_bound_by_no_protocol_i_api(self):
        law = Law.packaged()
        assert not law.binds("NP", "API-75(4)", D(2025, 1, 1))
        assert law.binds("NP", "CAT-3", D(2025, 1, 1))

    def test_switzerland_is_bound_by_the_european_convention_echr_3(self):
        law = Law.packaged()
        assert law.binds("CH", "ECHR-3", D(2025, 1, 1))
        assert law.binds("CH", "ECHR-P13-1", D(2025, 1, 1))


def test_the_parties_command_shows_when_a_treatment_runs_and_what_it_cites(tmp_path):
    """`powcase parties` prints a treatment's dates and cites (RU-CC-352.1 since 2022), and the
    day a state abolished the death penalty (ICCPR-6)."""
    import io

    from powcase.cli import main

    out = io.StringIO()
    assert main(["parties", "RU", "--as-of", "2025-01-01"], out=out, err=io.StringIO()) == 0
    assert "surrender -> prosecution (since 2022-09-24) [RU-CC-352.1]" in out.getvalue()
    out = io.StringIO()
    assert main(["parties", "UA", "--as-of", "2025-01-01"], out=out, err=io.StringIO()) == 0
    assert "abolished the death penalty on 1999-12-29" in out.getvalue()


def test_lifting_one_state_s_risk_leaves_the_flag_for_another_cat_3():
    """An exchange offered towards a third state where torture is on record keeps
    refoulement_risk standing when a risk is lifted elsewhere."""
    offered = {"date": "2025-02-02", "event": "exchange_offered", "to": "BY"}
    c = case(CAPTURE, risk("torture", state="BY"), offered, risk("death", day="2025-02-03"))
    assert "refoulement_risk" in flags(c)
    assert "refoulement_risk" in flags(c.apply(lifted("death")))
    assert "refoulement_risk" not in flags(c.apply(lifted("death")).apply(lifted("torture", "BY")))


def test_ced_16_binds_ukraine_from_its_2015_accession_ced_16():
    """Ukraine acceded to the Enforced Disappearance Convention on 2015-08-14 (in force for it
    30 days later, Art. 39(2)); South Korea ratified it on 2023-01-04 (the lawyer's reading).
    """
    law = Law.packaged()
    assert law.binds("UA", "CED-16", datetime.date(2025, 3, 17))
    assert not law.binds("UA", "CED-16", datetime.date(2015, 9, 12))
    assert law.binds("UA", "CED-16", datetime.date(2015, 9, 13))
    assert law.binds("KR", "CED-16", datetime.date(2023, 2, 3))
    assert not law.binds("KR", "CED-16", datetime.date(2023, 2, 2))
