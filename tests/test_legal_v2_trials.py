"""Trials read right: the guarantees a conviction may not lack, death sentences, executions,
the International Criminal Court, and children who fought (GCIII-84, GCIII-100, GCIII-101,
GCIII-104 to 107, GCIII-130, GCIV-71 to 75, API-75(4), API-77, ICCPR-6, ICCPR-6(5),
ECHR-P13-1, ICC-RS-12).

Each test names the provision it rests on; each failed on the model before these rules.
"""

import datetime

import pytest

from powcase import Assumptions, Case, Outcome, Record, Subject
from powcase.law.book import Law
from support import codes

D = datetime.date
KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
UA_SOLDIER = Subject(id="taras", nationality=["UA"], forces="UA")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
WAR_CRIME = {"date": "2025-02-01", "event": "charge", "offence": "war_crime"}
CIVILIAN = Subject(id="resident", nationality=["RU"], membership="none")
IN_KURSK = {"date": "2024-08-20", "event": "capture", "territory": "occupied"}
INTERNED = {
    "date": "2024-08-25",
    "event": "determine_status",
    "outcome": "civilian_internee",
    "by": "authority",
}


def case(*events, subject=KP_SOLDIER, holder="UA", mode="normative"):
    opened = Case.open(subject, holder, assumptions=Assumptions(), mode=mode)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def convict(day="2025-03-01", **fields):
    return {"date": day, "event": "convict", **fields}


def reasons(verdict, code):
    return [r for r in verdict.reasons if r.code == code]


def reason(verdict, code):
    found = reasons(verdict, code)
    assert found, (code, [r.code for r in verdict.reasons])
    return found[0]


def born(year, subject=KP_SOLDIER):
    return Subject(
        id=subject.id, nationality=list(subject.nationality), forces=subject.forces, born=year
    )


# --- trial guarantees


class TestTrialGuarantees:
    """A conviction lacking a guarantee is refused, citing the article that gives it."""

    def test_each_missing_guarantee_of_a_pow_cites_gciii_84_104_105_105_106_107(self):
        missing = [
            "independent_court",
            "notice",
            "counsel",
            "interpreter",
            "appeal",
            "judgment_notified",
        ]
        verdict = case(CAPTURE, WAR_CRIME).verdict(convict(missing_guarantees=missing))
        assert verdict.outcome is Outcome.REFUSED
        found = reasons(verdict, "trial_guarantee_missing")
        assert [r.cites for r in found] == [
            ("GCIII-84",),
            ("GCIII-104",),
            ("GCIII-105",),
            ("GCIII-105",),
            ("GCIII-106",),
            ("GCIII-107",),
        ]
        assert [dict(r.params)["guarantee"] for r in found] == missing
        assert all(r.kind == "prohibition" for r in found)

    def test_a_missing_appeal_refuses_like_an_unfair_trial_gciii_106(self):
        verdict = case(CAPTURE, WAR_CRIME).verdict(convict(missing_guarantees=["appeal"]))
        assert verdict.outcome is Outcome.REFUSED
        assert "GCIII-106" in verdict.cites

    def test_an_internee_lacking_counsel_cites_gciv_72_not_the_third_convention(self):
        """GCIV-72 (counsel), with the general guarantees API-75(4) and ICCPR-14; never the
        Third Convention's articles for one not treated as a prisoner of war.
        """
        charged = case(
            IN_KURSK,
            INTERNED,
            {"date": "2024-10-01", "event": "charge", "offence": "war_crime"},
            subject=CIVILIAN,
        )
        verdict = charged.verdict(convict("2024-11-01", missing_guarantees=["counsel"]))
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "trial_guarantee_missing")
        assert {"API-75(4)", "ICCPR-14", "GCIV-72"} <= set(found.cites)
        assert not {"GCIV-71", "GCIV-73", "GCIV-74", "GCIII-105"} & set(found.cites)

    def test_a_fair_trial_with_every_guarantee_is_allowed_gciii_99(self):
        verdict = case(CAPTURE, WAR_CRIME).verdict(convict(sentence="imprisonment"))
        assert verdict.outcome is Outcome.ALLOWED


# --- death sentences


class TestDeathSentences:
    def test_an_abolitionist_state_may_not_sentence_to_death_iccpr_6_echr_p13_1(self):
        """Ukraine abolished the death penalty on 1999-12-29 and is bound by Protocol 13:
        ICCPR-6 (Judge v Canada) and ECHR-P13-1 bar a death sentence.
        """
        verdict = case(CAPTURE, WAR_CRIME).verdict(convict(sentence="death"))
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "death_penalty_abolished")
        assert found.kind == "prohibition"
        assert found.cites == ("ICCPR-6", "ECHR-P13-1")
        assert dict(found.params)["state"] == "UA"

    def test_a_pow_s_death_sentence_where_it_is_kept_notes_gciii_100_and_101(self):
        verdict = case(CAPTURE, WAR_CRIME, subject=UA_SOLDIER, holder="RU").verdict(
            convict(sentence="death")
        )
        assert verdict.outcome is Outcome.ALLOWED, [r.text for r in verdict.reasons]
        found = reason(verdict, "pow_death_sentence")
        assert found.kind == "note"
        assert found.cites == ("GCIII-100", "GCIII-101")
        assert "death_penalty_abolished" not in codes(verdict)

    def test_no_death_sentence_for_an_offence_committed_under_18_iccpr_6_5_api_77(self):
        charged = case(CAPTURE, WAR_CRIME, subject=born(2008, UA_SOLDIER), holder="RU")
        verdict = charged.verdict(convict(sentence="death"))
        assert verdict.outcome is Outcome.REFUSED
        found = reason(verdict, "death_sentence_for_child")
        assert found.cites == ("ICCPR-6(5)", "API-77")

    def test_the_offence_date_is_the_allegation_s_not_the_capture_iccpr_6_5(self):
        """Born 2007, he may be 18 at capture in 2025; the act alleged was in 2023, when he
        was at most 16."""
        alleged = {
            "date": "2025-01-20",
            "event": "war_crime_allegation",
            "credible": True,
            "place": "UA",
            "committed_on": "2023-05-01",
        }
        charged = case(CAPTURE, alleged, WAR_CRIME, subject=born(2007, UA_SOLDIER), holder="RU")
        verdict = charged.verdict(convict(sentence="death"))
        assert "death_sentence_for_child" in codes(verdict)

    def test_a_birth_year_that_leaves_him_possibly_under_18_is_open_age_api_77(self):
        charged = case(CAPTURE, WAR_CRIME, subject=born(2007, UA_SOLDIER), holder="RU")
        verdict = charged.verdict(convict(sentence="death"))
        assert verdict.outcome is Outcome.UNDETERMINED
        assert [m.fact for m in verdict.missing] == ["age"]
        found = reason(verdict, "death_sentence_age_open")
        assert found.kind == "open"
        assert found.cites == ("ICCPR-6(5)", "API-77")

    def test_an_adult_at_the_offence_has_no_age_point_iccpr_6_5(self):
        charged = case(CAPTURE, WAR_CRIME, subject=born(2000, UA_SOLDIER), holder="RU")
        verdict = charged.verdict(convict(sentence="death"))
        assert verdict.outcome is Outcome.ALLOWED
        assert not {"death_sentence_for_child", "death_sentence_age_open"} & codes(verdict)


# --- executions


def _executed(day, *before, holder="RU", subject=UA_SOLDIER):
    died = {"date": day, "event": "die", "cause": "executed"}
    return case(CAPTURE, *before, died, subject=subject, holder=holder, mode="descriptive")


SENTENCED = (WAR_CRIME, convict(sentence="death"))


class TestExecutions:
    def test_an_execution_with_no_death_sentence_is_a_violation_gciii_130(self):
        c = _executed("2025-02-01")
        (found,) = [v for v in c.violations if v.event.name == "die"]
        assert found.cites == ("GCIII-130",)
        assert found.reasons[0].code == "executed_without_sentence"
        assert found.state == "RU"

    def test_an_execution_with_no_sentence_needs_an_inquiry_gciii_121(self):
        c = _executed("2025-02-01")
        assert "death_needs_inquiry" in codes(c.steps[-1].verdict)
        assert "death_inquiry" in {o.code for o in c.docket()}

    def test_an_execution_within_six_months_of_the_sentence_is_a_violation_gciii_101(self):
        c = _executed("2025-06-01", *SENTENCED)
        (found,) = [v for v in c.violations if v.event.name == "die"]
        assert found.cites == ("GCIII-101",)
        assert found.reasons[0].code == "executed_within_six_months"

    def test_an_execution_six_months_after_the_sentence_is_no_violation_gciii_101(self):
        c = _executed("2025-09-02", *SENTENCED)
        assert not [v for v in c.violations if v.event.name == "die"]
        assert "death_needs_inquiry" not in codes(c.steps[-1].verdict)
        assert "death_inquiry" not in {o.code for o in c.docket()}

    def test_an_internee_executed_within_six_months_cites_gciv_75(self):
        """Russia keeps the death penalty on its books: its sentence on a Ukrainian interned
        in Russia itself stands here (GCIV-126 applies GCIV-75 by analogy), and an execution
        a month later is too soon.
        """
        ukrainian = Subject(id="c", nationality=["UA"], membership="none")
        charged = (
            dict(IN_KURSK, territory="own"),
            INTERNED,
            {"date": "2024-10-01", "event": "charge", "offence": "ordinary_crime"},
        )
        c = Case.open(ukrainian, "RU", mode="descriptive")
        for event in (
            *charged,
            convict("2024-11-01", sentence="death"),
            {"date": "2024-12-01", "event": "die", "cause": "executed"},
        ):
            c = c.apply(event)
        (found,) = [v for v in c.violations if v.event.name == "die"]
        assert found.cites == ("GCIV-75",)

    def test_an_internee_executed_on_a_sentence_ukraine_could_not_pass_gciv_147(self):
        """Ukraine abolished the death penalty: its death sentence was refused, so the
        execution rests on no lawful sentence (the fourth lawyer's reading).
        """
        c = Case.open(CIVILIAN, "UA", mode="descriptive")
        for event in (
            IN_KURSK,
            INTERNED,
            {"date": "2024-10-01", "event": "charge", "offence": "ordinary_crime"},
            convict("2024-11-01", sentence="death"),
            {"date": "2024-12-01", "event": "die", "cause": "executed"},
        ):
            c = c.apply(event)
        (found,) = [v for v in c.violations if v.event.name == "die"]
        assert found.reasons[0].code == "executed_without_lawful_sentence"
        assert found.cites == ("GCIV-147",)

    def test_a_protected_person_executed_without_sentence_cites_gciv_147(self):
        c = Case.open(CIVILIAN, "UA", mode="descriptive")
        for event in (
            IN_KURSK,
            INTERNED,
            {"date": "2024-12-01", "event": "die", "cause": "executed"},
        ):
            c = c.apply(event)
        (found,) = [v for v in c.violations if v.event.name == "die"]
        assert found.cites == ("GCIV-147",)

    def test_one_neither_pow_nor_protected_executed_without_sentence_cites_api_75_4(self):
        own = Subject(id="o", nationality=["UA"], forces="RU")
        c = Case.open(own, "UA", mode="descriptive")
        for event in (
            {"date": "2025-01-09", "event": "capture"},
            {
                "date": "2025-02-01",
                "event": "determine_status",
                "outcome": "unprivileged_detainee",
                "by": "tribunal",
            },
            {"date": "2025-03-01", "event": "die", "cause": "executed"},
        ):
            c = c.apply(event)
        (found,) = [v for v in c.violations if v.event.name == "die"]
        assert found.cites == ("API-75(4)",)


# --- the International Criminal Court


def _allegation(place, committed_on):
    return {
        "date": "2025-01-20",
        "event": "war_crime_allegation",
        "credible": True,
        "place": place,
        "committed_on": committed_on,
    }


class TestInternationalCriminalCourt:
    def test_an_act_in_ukraine_after_its_declaration_gets_an_icc_note_icc_rs_12(self):
        verdict = case(CAPTURE, _allegation("UA", "2024-12-15")).verdict(WAR_CRIME)
        found = reason(verdict, "icc_jurisdiction")
        assert found.kind == "note"
        assert found.cites == ("ICC-RS-12",)
        assert dict(found.params)["state"] == "UA"

    def test_an_act_in_kursk_by_a_kp_soldier_gets_none_icc_rs_12(self):
        """Neither Russia nor the DPRK ever accepted the Court."""
        verdict = case(CAPTURE, _allegation("RU", "2024-12-15")).verdict(WAR_CRIME)
        assert "icc_jurisdiction" not in codes(verdict)

    def test_an_act_in_ukraine_before_the_declarations_reach_gets_none_icc_rs_12(self):
        verdict = case(CAPTURE, _allegation("UA", "2013-01-01")).verdict(WAR_CRIME)
        assert "icc_jurisdiction" not in codes(verdict)

    def test_ukraine_accepted_the_court_from_2013_11_21_and_is_a_party_from_2025(self):
        law = Law.packaged()
        assert not law.binds("UA", "ICC-RS-12", D(2013, 11, 20))
        assert law.binds("UA", "ICC-RS-12", D(2013, 11, 21))
        assert law.binds("UA", "ICC-RS-12", D(2025, 1, 1))
        ratified = [p for p in law.parties["UA"].participations if p.how == "ratification"]
        assert [p.since for p in ratified if p.instrument == "ICC-RS"] == [D(2025, 1, 1)]
        assert not law.binds("KP", "ICC-RS-12", D(2025, 1, 1))
        assert not law.binds("RU", "ICC-RS-12", D(2025, 1, 1))

    def test_the_allegation_keeps_place_and_committed_on(self):
        record = Record.from_dict(
            {
                "subject": {"id": "ri", "nationality": ["KP"], "forces": "KP"},
                "detaining_power": "UA",
                "events": [CAPTURE, _allegation("UA", "2024-12-15")],
            }
        )
        event = record.events[-1]
        assert (event.place, event.committed_on) == ("UA", D(2024, 12, 15))
        assert Record.from_dict(record.to_dict()) == record


# --- children who fought


class TestChildSoldiers:
    @pytest.mark.parametrize("year", [2008, 2007])
    def test_under_18_at_capture_or_possibly_raises_child_soldier_api_77(self, year):
        flags = case(CAPTURE, subject=born(year)).flags
        (found,) = [f for f in flags if f.code == "child_soldier"]
        assert found.cites == ("API-77", "ICCPR-6(5)")
        assert found.severity.value == "high"

    @pytest.mark.parametrize("year", [2006, None])
    def test_an_adult_or_an_unknown_age_raises_no_child_soldier_flag(self, year):
        flags = case(CAPTURE, subject=born(year)).flags
        assert "child_soldier" not in {f.code for f in flags}


class TestBornAsADate:
    """subject.born may be a date as well as a year: the age is then exact (API-77,
    ICCPR-6(5))."""

    def test_born_takes_a_date_and_round_trips(self):
        record = Record.from_dict(
            {
                "subject": {
                    "id": "ri",
                    "nationality": ["KP"],
                    "forces": "KP",
                    "born": "2007-03-01",
                },
                "detaining_power": "UA",
                "events": [CAPTURE],
            }
        )
        assert record.subject.born == D(2007, 3, 1)
        assert Record.from_dict(record.to_dict()) == record

    @pytest.mark.parametrize(
        ("day", "minor"),
        [
            (D(2007, 12, 31), True),
            (D(2007, 1, 10), True),  # 18 the day after his capture on 2025-01-09
            (D(2007, 1, 9), False),  # 18 on the day of his capture
            (D(2006, 1, 9), False),
        ],
    )
    def test_a_date_of_birth_settles_the_age_at_capture_api_77(self, day, minor):
        flags = case(CAPTURE, subject=born(day)).flags
        assert ("child_soldier" in {f.code for f in flags}) is minor

    def test_a_date_of_birth_leaves_no_age_point_iccpr_6_5(self):
        charged = case(CAPTURE, WAR_CRIME, subject=born(D(2007, 6, 1), UA_SOLDIER), holder="RU")
        verdict = charged.verdict(convict(sentence="death"))
        assert "death_sentence_for_child" in codes(verdict)
        assert not verdict.missing


def test_an_execution_after_an_escape_is_no_breach_of_the_detaining_power_gciii_130():
    """GCIII-130 binds the power holding him; at large after an escape, no power does."""
    escaped = {"date": "2025-02-01", "event": "escape"}
    c = _executed("2025-03-01", escaped)
    assert not [v for v in c.violations if v.event.name == "die"]


class TestTheCourtsReachReviewed:
    """The fourth lawyer's reading: a declaration under Art. 12(3) accepts the Court for acts
    on the declaring state's territory only; the verdict's JSON form carries the note.
    """

    def test_a_ukrainian_declaration_does_not_reach_a_ukrainians_act_in_russia_icc_rs_12(self):
        ukrainian = Subject(id="u", nationality=["UA"], forces="UA")
        held = case(
            {"date": "2024-09-10", "event": "capture"},
            dict(_allegation("RU", "2024-09-01"), date="2024-09-12"),
            subject=ukrainian,
            holder="RU",
        )
        verdict = held.verdict(dict(WAR_CRIME, date="2024-09-15"))
        assert "icc_jurisdiction" not in codes(verdict)

    def test_the_note_is_not_filtered_by_the_acting_state_and_writes_as_json_icc_rs_12(self):
        import json

        verdict = case(CAPTURE, _allegation("UA", "2024-12-15")).verdict(WAR_CRIME)
        assert "rule_not_binding" not in codes(verdict) or all(
            dict(r.params).get("provision") != "ICC-RS-12"
            for r in verdict.reasons
            if r.code == "rule_not_binding"
        )
        json.dumps(verdict.to_dict())
        held_by_russia = case(
            {"date": "2025-01-09", "event": "capture"},
            _allegation("UA", "2024-12-15"),
            subject=Subject(id="u", nationality=["UA"], forces="UA"),
            holder="RU",
        )
        found = held_by_russia.verdict(WAR_CRIME)
        assert reason(found, "icc_jurisdiction").cites == ("ICC-RS-12",)
        assert not [
            r
            for r in found.reasons
            if r.code == "rule_not_binding" and dict(r.params).get("provision") == "ICC-RS-12"
        ]
        json.dumps(found.to_dict())


def test_no_under_18_bar_where_no_rule_bound_the_state_that_day_api_77():
    """The fourth lawyer's reading: in 1952 neither ICCPR-6(5) (1966) nor API-77 (1977)
    bound the United States; the step is not refused on a rule that did not bind it.
    """
    young = Subject(id="y", nationality=["KP"], forces="KP", born=1935)
    held = case(
        {"date": "1951-06-01", "event": "capture"},
        {"date": "1952-01-10", "event": "charge", "offence": "war_crime"},
        subject=young,
        holder="US",
    )
    verdict = held.verdict({"date": "1952-03-01", "event": "convict", "sentence": "death"})
    assert "death_sentence_for_child" not in codes(verdict)
    notes = [r for r in verdict.reasons if r.code == "rule_not_binding"]
    assert "API-77" in {dict(r.params)["provision"] for r in notes}


class TestExecutionsOnAnUnlawfulSentence:
    """The fourth lawyer's reading: a death sentence counts for an execution only if the
    conviction that passed it was lawful; executing a protected person without one is wilful
    killing (GCIV-147).
    """

    UA_POW = Subject(id="p", nationality=["UA"], forces="UA")

    def _executed(self, convict, *, born=None, months=7):
        subject = Subject(id="p", nationality=["UA"], forces="UA", born=born)
        events = [
            {"date": "2025-01-09", "event": "capture"},
            {"date": "2025-02-01", "event": "charge", "offence": "war_crime"},
            dict({"date": "2025-03-01", "event": "convict", "sentence": "death"}, **convict),
            {"date": f"2025-{3 + months:02d}-02", "event": "die", "cause": "executed"},
        ]
        return case(*events, subject=subject, holder="RU", mode="descriptive")

    def test_after_an_unfair_trial_it_is_a_violation_gciii_130(self):
        c = self._executed({"missing_guarantees": ["independent_court", "counsel"]})
        found = [v for v in c.violations if v.event.name == "die"]
        assert found, c.violations
        assert found[0].reasons[0].code == "executed_without_lawful_sentence"
        assert found[0].reasons[0].cites == ("GCIII-130",)

    def test_after_a_lawful_sentence_and_six_months_it_is_none_gciii_101(self):
        c = self._executed({})
        assert not [v for v in c.violations if v.event.name == "die"]

    def test_a_protected_person_executed_without_a_sentence_cites_gciv_147(self):
        civilian = Subject(id="c", nationality=["UA"], membership="none")
        c = case(
            {"date": "2024-08-20", "event": "capture", "territory": "occupied"},
            {
                "date": "2024-08-25",
                "event": "determine_status",
                "outcome": "civilian_internee",
                "by": "authority",
            },
            {"date": "2024-09-01", "event": "die", "cause": "executed"},
            subject=civilian,
            holder="RU",
        )
        (found,) = [v for v in c.violations if v.event.name == "die"]
        assert "GCIV-147" in found.reasons[0].cites


class TestAnOccupiersDeathSentence:
    """GCIV-68 (the fourth lawyer's reading): an occupying power may sentence a protected
    person to death only for espionage, serious sabotage or an intentional killing, and only
    where the occupied territory's own law allowed death before the occupation began.
    """

    UKRAINIAN = Subject(id="c", nationality=["UA"], membership="none")

    def _sentenced(self, holder="RU"):
        c = Case.open(self.UKRAINIAN, holder)
        for event in (
            {"date": "2024-08-20", "event": "capture", "territory": "occupied"},
            {
                "date": "2024-08-25",
                "event": "determine_status",
                "outcome": "civilian_internee",
                "by": "authority",
            },
            {"date": "2024-10-01", "event": "charge", "offence": "ordinary_crime"},
        ):
            c = c.apply(event)
        return c.verdict({"date": "2024-11-01", "event": "convict", "sentence": "death"})

    def test_not_where_the_occupied_state_had_abolished_it_gciv_68(self):
        verdict = self._sentenced()
        assert verdict.outcome is Outcome.REFUSED
        assert reason(verdict, "occupied_law_bars_death").cites == ("GCIV-68",)

    def test_where_the_territorys_law_allowed_it_the_offence_is_open_gciv_68(self):
        """Ukraine holds a Russian civilian from Kursk: Russia's law keeps the death penalty
        (a moratorium is not abolition), so only the kind of offence can settle it.
        """
        russian = Subject(id="r", nationality=["RU"], membership="none")
        c = Case.open(russian, "UA")
        for event in (
            {"date": "2024-08-20", "event": "capture", "territory": "occupied"},
            {"date": "2024-10-01", "event": "charge", "offence": "ordinary_crime"},
        ):
            c = c.apply(event)
        verdict = c.verdict({"date": "2024-11-01", "event": "convict", "sentence": "death"})
        assert "offence" in {m.fact for m in verdict.missing}
        assert reason(verdict, "occupied_death_offence_open").cites == ("GCIV-68",)
