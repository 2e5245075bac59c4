"""Citations and public concerns that fit the person and the date (issue 15, item 4).

A step cites what its verdict's reasons give and nothing else: a Russian asking Ukraine for
asylum is not cited South Korea's act on North Korean defectors (NKRA-3, which KR applies to
those it counts as its nationals), nor RC-1F (exclusion) on a grant that no reason excludes.
A flag names the concerns raised in public about his situation (his nationality, the power
holding him) and published by the as-of date.
"""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from powcase import Case, Subject
from powcase.law.book import Law
from powcase.testing.strategies import cases

LAW = Law.packaged()
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
D = datetime.date


def _case(subject, holder, *events):
    opened = Case.open(subject, holder)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def _reason_cites(step):
    return tuple(dict.fromkeys(c for r in step.reasons for c in r.cites))


RUSSIAN_ASYLUM = (
    {"date": "2024-10-01", "event": "capture"},
    {"date": "2024-10-05", "event": "media_exposure", "identifiable": True, "by": "UA"},
    {"date": "2024-11-01", "event": "request_protection", "kind": "asylum"},
    {"date": "2025-01-01", "event": "decide_protection", "granted": True, "by": "UA"},
    {"date": "2025-02-01", "event": "release_in_detaining_state"},
)


class TestStepCites:
    """A step's cites are its reasons' cites (LEGAL_MODEL §1: a reason cites a provision only
    where it binds the acting state and only for the point it makes)."""

    def test_a_russian_asking_ukraine_for_asylum_is_cited_no_korean_law_nkra_3_rc_1a_2(self):
        c = _case(RU_SOLDIER, "UA", *RUSSIAN_ASYLUM)
        cited = {cite for step in c.steps for cite in step.cites}
        assert "RC-1A(2)" in c.steps[2].cites
        instruments = {LAW.provisions[cite].instrument for cite in cited}
        assert not instruments & {"NKRA", "ROK-DECL"}, cited

    def test_a_granted_claim_cites_no_exclusion_clause_no_reason_gives_rc_1f(self):
        c = _case(RU_SOLDIER, "UA", *RUSSIAN_ASYLUM)
        step = c.steps[3]
        assert str(step.outcome) == "allowed"
        assert "RC-1F" not in step.cites
        assert step.cites == _reason_cites(step)

    def test_a_release_in_the_detaining_state_cites_what_its_reasons_give_rc_33(self):
        c = _case(RU_SOLDIER, "UA", *RUSSIAN_ASYLUM)
        step = c.steps[4]
        assert step.cites == _reason_cites(step)

    def test_a_north_korean_asking_korea_is_still_cited_its_act_nkra_3(self):
        c = _case(
            KP_SOLDIER,
            "UA",
            {"date": "2025-01-09", "event": "capture"},
            {
                "date": "2025-02-19",
                "event": "request_protection",
                "kind": "third_state",
                "state": "KR",
            },
        )
        assert "NKRA-3" in c.steps[1].cites

    @settings(max_examples=60, deadline=None)
    @given(cases(max_events=8))
    def test_no_step_cites_what_its_reasons_do_not(self, case):
        for step in case.steps:
            assert step.cites == _reason_cites(step), (step.index, step.event.name)


def _concerns(case, code, on):
    return [f.concerns for f in case.flags_as_of(on) if f.code == code]


class TestConcerns:
    """A flag's concerns are about his situation and were published by the as-of date."""

    def test_every_concern_says_whom_it_is_about_and_when_it_was_published(self):
        for concern in LAW.concerns.values():
            assert isinstance(concern.date, datetime.date), concern.id
            assert concern.about.held_by or concern.about.nationality, concern.id

    def test_a_russian_held_by_ukraine_gets_no_north_korean_concern(self):
        c = _case(RU_SOLDIER, "UA", *RUSSIAN_ASYLUM[:3])
        (found,) = _concerns(c, "public_curiosity", D(2025, 3, 1))
        assert found == ("hrw-2022-03-16",)
        (propaganda,) = _concerns(c, "propaganda_use", D(2025, 3, 1))
        assert propaganda == ("hrw-2022-03-16",)

    def test_the_icrc_on_access_to_prisoners_held_by_russia_or_ukraine_is_about_each(self):
        """The ICRC's call of 2025-02-13 was for access to every prisoner of war held by
        Russia or Ukraine, foreign nationals included: a Russian held by Ukraine too.
        """
        c = _case(RU_SOLDIER, "UA", RUSSIAN_ASYLUM[0])
        found = _concerns(c, "icrc_access_unconfirmed", D(2025, 3, 1))
        assert found
        assert all("icrc-2025-02-13" in concerns for concerns in found)
        assert "icrc-2025-02-13" not in LAW.concerns_for("icrc_access_unconfirmed", held_by="GB")

    def test_a_concern_published_after_the_as_of_date_is_not_named(self):
        c = _case(
            KP_SOLDIER,
            "UA",
            {"date": "2025-01-09", "event": "capture"},
            {"date": "2025-01-11", "event": "media_exposure", "identifiable": True, "by": "UA"},
        )
        (early,) = _concerns(c, "public_curiosity", D(2025, 3, 1))
        assert early == ("hrw-2022-03-16", "ngos-2025-01-23")
        (late,) = _concerns(c, "public_curiosity", D(2026, 3, 1))
        assert late == ("hrw-2022-03-16", "ngos-2025-01-23", "un-sr-2026-02-06")

    def test_the_concerns_of_a_flag_in_the_law_book_read_the_same_filter(self):
        about_ri = LAW.concerns_for(
            "bargaining_chip", nationality=("KP",), held_by="UA", by=D(2025, 2, 1)
        )
        assert about_ri == ("zelensky-2025-01-12",)
        assert LAW.concerns_for("bargaining_chip", nationality=("RU",), held_by="UA") == ()

    @settings(max_examples=60, deadline=None)
    @given(cases(max_events=8), st.integers(min_value=-400, max_value=400))
    def test_no_flag_names_a_concern_published_after_the_as_of_date(self, case, shift):
        if case.last_date is None:
            return
        on = case.last_date + datetime.timedelta(days=shift)
        subject, holder = case.record.subject, case.record.detaining_power
        for flag in case.flags_as_of(on):
            for concern_id in flag.concerns:
                concern = LAW.concerns[concern_id]
                assert concern.date <= on, (flag.code, concern_id, on)
                assert concern.about.concerns(subject.nationality, holder), concern_id
