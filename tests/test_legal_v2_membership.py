"""Foreign recruits, mercenaries, spies and the detaining power's own nationals: status turns
on membership and conduct, not passport (legal model version 2, item 21).

GCIII-4A(2): a party's other militias qualify only if they meet four conditions; API-47(2):
a mercenary meets six cumulative conditions, so a party's national (d) or one sent on duty by
another state (f) is none; API-46: one gathering information in his own uniform is not a spy;
the detaining power's own national in enemy forces is not a prisoner of war on the reading of
state practice (``detaining_power_nationals: not_pow``). Each test failed before the item.
"""

import pytest

from powcase import Assumptions, Case, Outcome, Subject
from support import reason

CAPTURE = {"date": "2025-01-09", "event": "capture"}
UKRAINIAN_IN_RU_FORCES = Subject(id="m1", nationality=["UA"], forces="RU")
RUSSIAN_OUTSIDER = Subject(id="m2", nationality=["RU"], forces="RU", membership="none")
SENT_BY_BELARUS = Subject(
    id="m3", nationality=["BY"], forces="RU", membership="none", sent_by="BY"
)
VOLUNTEER_GROUP = Subject(id="m4", nationality=["RU"], forces="RU", membership="other_group")
SOLDIER = Subject(id="m5", nationality=["RU"], forces="RU")


def case(subject, **assumptions):
    return Case.open(subject, "UA", assumptions=Assumptions(**assumptions)).apply(CAPTURE)


def status(subject, outcome="pow", by="authority", **fields):
    return {
        "date": "2025-01-20",
        "event": "determine_status",
        "outcome": outcome,
        "by": by,
        **fields,
    }


class TestOtherGroups:
    def test_an_authority_may_find_a_qualifying_group_member_a_pow_gciii_4a2(self):
        verdict = case(VOLUNTEER_GROUP).verdict(status(VOLUNTEER_GROUP, conditions_met=True))
        assert verdict.outcome is Outcome.ALLOWED, [r.text for r in verdict.reasons]
        assert reason(verdict, "group_meets_conditions").cites == ("GCIII-4A(2)",)

    def test_without_the_conditions_met_only_a_tribunal_decides_gciii_4a2(self):
        for met in (False, None):
            verdict = case(VOLUNTEER_GROUP).verdict(status(VOLUNTEER_GROUP, conditions_met=met))
            assert verdict.outcome is Outcome.REFUSED
            assert "pow_by_authority_needs_membership" in {r.code for r in verdict.reasons}


class TestItsOwnNationals:
    def test_its_own_national_is_not_found_a_pow_on_the_default_reading(self):
        verdict = case(UKRAINIAN_IN_RU_FORCES).verdict(
            status(UKRAINIAN_IN_RU_FORCES, by="tribunal")
        )
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "national_of_detaining_power")
        assert found.kind == "precondition"
        assert found.reading is not None
        assert (found.reading.assumption, found.reading.option) == (
            "detaining_power_nationals",
            "not_pow",
        )
        assert "detaining_power_nationals" in verdict.assumptions

    def test_on_the_treaty_s_own_terms_nationality_does_not_matter_gciii_4a1(self):
        c = case(UKRAINIAN_IN_RU_FORCES, detaining_power_nationals="pow")
        verdict = c.verdict(status(UKRAINIAN_IN_RU_FORCES))
        assert verdict.outcome is Outcome.ALLOWED, [r.text for r in verdict.reasons]

    def test_a_foreign_soldier_is_untouched_by_the_reading(self):
        verdict = case(SOLDIER).verdict(status(SOLDIER))
        assert verdict.outcome is Outcome.ALLOWED
        assert "detaining_power_nationals" not in verdict.assumptions


class TestMercenaries:
    def test_a_national_of_a_party_is_no_mercenary_api_47_2_d(self):
        finding = status(
            RUSSIAN_OUTSIDER, "unprivileged_detainee", "tribunal", grounds="mercenary"
        )
        verdict = case(RUSSIAN_OUTSIDER).verdict(finding)
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "party_national_not_mercenary")
        assert (found.kind, found.cites) == ("prohibition", ("API-47(2)(d)",))

    def test_one_sent_on_duty_by_a_state_is_no_mercenary_api_47_2_f(self):
        finding = status(SENT_BY_BELARUS, "unprivileged_detainee", "tribunal", grounds="mercenary")
        verdict = case(SENT_BY_BELARUS).verdict(finding)
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "sent_by_state_not_mercenary")
        assert (found.kind, found.cites) == ("prohibition", ("API-47(2)(f)",))

    def test_custom_judges_it_where_the_protocol_does_not_bind_cihl_108(self):
        chinese_outsider = Subject(id="m6", nationality=["CN"], forces="CN", membership="none")
        korean_war = Case.open(chinese_outsider, "US").apply(
            {"date": "1952-05-01", "event": "capture"}
        )
        finding = status(
            chinese_outsider, "unprivileged_detainee", "tribunal", grounds="mercenary"
        )
        verdict = korean_war.verdict(dict(finding, date="1952-06-01"))
        assert reason(verdict, "party_national_not_mercenary").cites == ("CIHL-108",)


class TestSpies:
    def test_one_in_his_own_uniform_is_no_spy_api_46(self):
        finding = status(
            SOLDIER, "unprivileged_detainee", "tribunal", grounds="spy", in_uniform=True
        )
        verdict = case(SOLDIER).verdict(finding)
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "in_uniform_not_spy")
        assert (found.kind, found.cites) == ("prohibition", ("API-46",))

    @pytest.mark.parametrize("uniform", [False, None])
    def test_one_out_of_uniform_may_be_found_a_spy_by_a_tribunal_api_46(self, uniform):
        finding = status(
            SOLDIER, "unprivileged_detainee", "tribunal", grounds="spy", in_uniform=uniform
        )
        assert case(SOLDIER).verdict(finding).outcome is Outcome.ALLOWED


class TestPartiesToTheSameConflict:
    """API-47(2)(d), (e): a party to *the* conflict in which he was captured, not to another
    war the parties table knows (the lawyer's reading: the Korean War has no end date there).
    """

    def test_a_national_of_a_state_outside_this_conflict_may_be_a_mercenary_api_47_2_d(self):
        chinese = Subject(id="c", nationality=["CN"], forces="RU", membership="none")
        finding = status(chinese, "unprivileged_detainee", "tribunal", grounds="mercenary")
        verdict = case(chinese).verdict(dict(finding, date="2025-04-08"))
        assert "party_national_not_mercenary" not in {r.code for r in verdict.reasons}
        assert verdict.outcome is Outcome.ALLOWED

    def test_before_his_state_joined_the_conflict_it_was_no_party_api_47_2_d(self):
        korean = Subject(id="k", nationality=["KP"], forces="RU", membership="none")
        early = Case.open(korean, "UA").apply({"date": "2024-10-10", "event": "capture"})
        finding = status(korean, "unprivileged_detainee", "tribunal", grounds="mercenary")
        verdict = early.verdict(dict(finding, date="2024-10-15"))
        assert "party_national_not_mercenary" not in {r.code for r in verdict.reasons}
