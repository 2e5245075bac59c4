"""Breaches of what happened, each from the provision it applies: identifiable media
(GCIII-13, read under ``media_exception``), and whose escape rules protect one whose status
was decided against him (GCIII-92, API-44(4), GCIV-120).
"""

import pytest

from powcase import Assumptions, Case, Subject

RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
MEDIA = {"date": "2025-01-11", "event": "media_exposure", "identifiable": True, "by": "UA"}


def case(*events, subject=RU_SOLDIER, **readings):
    opened = Case.open(subject, "UA", assumptions=Assumptions(**readings), mode="descriptive")
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def breaches(opened):
    """Each breach's reasons: code, cites and the reading's option."""
    return [
        [(r.code, r.cites, r.reading.option if r.reading else None) for r in v.reasons]
        for v in opened.violations
    ]


class TestIdentifiableMedia:
    """GCIII-13: images that identify him, published by the detaining power, breach it; on
    the ICRC's reading (2020) no public interest excuses them, on the other one it does.
    """

    BREACH = "identifiable_media_by_detaining_power"

    @pytest.mark.parametrize("public_interest", [None, True])
    def test_on_the_icrc_reading_no_public_interest_excuses_them_gciii_13(self, public_interest):
        event = dict(MEDIA) if public_interest is None else {**MEDIA, "public_interest": True}
        assert breaches(case(CAPTURE, event)) == [
            [(self.BREACH, ("GCIII-13", "ICRC-COM-2020-GCIII-13"), False)]
        ]

    def test_on_the_other_reading_a_public_interest_excuses_them_gciii_13(self):
        event = {**MEDIA, "public_interest": True}
        assert breaches(case(CAPTURE, event, media_exception=True)) == []

    def test_on_the_other_reading_none_invoked_is_a_breach_gciii_13(self):
        assert breaches(case(CAPTURE, MEDIA, media_exception=True)) == [
            [(self.BREACH, ("GCIII-13",), True)]
        ]

    def test_images_published_by_another_state_are_not_the_holder_s_breach(self):
        assert breaches(case(CAPTURE, {**MEDIA, "by": "RU"})) == []

    def test_an_interrogation_not_coercive_is_no_breach_gciii_17(self):
        questioned = {"date": "2025-01-10", "event": "interrogated", "coercive": False}
        assert breaches(case(CAPTURE, questioned)) == []


class TestWhoseEscapeRules:
    """Punished by a court for an attempted escape: a prisoner (or one treated as one,
    API-44(4): he did not distinguish himself) is protected by GCIII-92; an unprivileged
    detainee of another state by GCIV-120; one of the detaining power's own nationals by
    neither.
    """

    ATTEMPT = {"date": "2025-03-01", "event": "escape_attempt"}
    PUNISHED = {"date": "2025-03-10", "event": "punished", "for": "escape", "kind": "judicial"}

    @staticmethod
    def unprivileged(grounds=None):
        decided = {
            "date": "2025-02-01",
            "event": "determine_status",
            "outcome": "unprivileged_detainee",
            "by": "tribunal",
        }
        return decided if grounds is None else {**decided, "grounds": grounds}

    def test_one_who_did_not_distinguish_himself_keeps_a_prisoner_s_gciii_92(self):
        opened = case(CAPTURE, self.unprivileged("no_distinction"), self.ATTEMPT, self.PUNISHED)
        assert breaches(opened) == [[("judicial_punishment_for_attempt", ("GCIII-92",), None)]]

    @pytest.mark.parametrize("grounds", [None, "spy"])
    def test_another_unprivileged_detainee_has_an_internee_s_gciv_120(self, grounds):
        opened = case(CAPTURE, self.unprivileged(grounds), self.ATTEMPT, self.PUNISHED)
        assert breaches(opened) == [
            [("internee_judicially_punished_for_escape", ("GCIV-120",), None)]
        ]

    def test_an_own_national_has_neither(self):
        own = Subject(id="m1", nationality=["UA"], forces="RU")
        opened = case(CAPTURE, self.unprivileged(), self.ATTEMPT, self.PUNISHED, subject=own)
        assert breaches(opened) == []


def possible(opened):
    """Each possible breach's reasons: code, cites and what is not on record."""
    return [
        [(r.code, r.cites, dict(r.params).get("unknown")) for r in v.reasons]
        for v in opened.possible_violations
    ]


class TestPunishingAnInternee:
    """GCIV-120: an escape or an attempt brings an internee discipline only."""

    INTERNED = {
        "date": "2025-02-01",
        "event": "determine_status",
        "outcome": "civilian_internee",
        "by": "tribunal",
    }
    ATTEMPT = {"date": "2025-03-01", "event": "escape_attempt"}

    def punished(self, **fields):
        event = {"date": "2025-03-10", "event": "punished", **fields}
        return case(CAPTURE, self.INTERNED, self.ATTEMPT, event)

    @pytest.mark.parametrize(
        "fields",
        [{"for": "escape", "kind": "disciplinary"}, {"for": "other", "kind": "judicial"}],
        ids=["discipline", "another offence"],
    )
    def test_discipline_or_another_offence_is_no_breach_gciv_120(self, fields):
        opened = self.punished(**fields)
        assert (breaches(opened), possible(opened)) == ([], [])

    @pytest.mark.parametrize(
        ("fields", "unknown"),
        [({"for": "escape"}, ("kind",)), ({"kind": "judicial"}, ("for",))],
        ids=["kind unknown", "cause unknown"],
    )
    def test_what_is_not_on_record_leaves_it_possible_gciv_120(self, fields, unknown):
        opened = self.punished(**fields)
        assert breaches(opened) == []
        assert possible(opened) == [[("punishment_open", ("GCIV-120",), unknown)]]


class TestWeaponsAgainstAnEscape:
    """GCIII-42: weapons against an escaping prisoner only after warnings; what is not on
    record leaves the breach possible.
    """

    @pytest.mark.parametrize(
        ("fields", "unknown"),
        [({"force_used": "weapons"}, ("warnings",)), ({"warnings": False}, ("force_used",))],
    )
    def test_one_half_on_record_leaves_it_possible_gciii_42(self, fields, unknown):
        attempt = {"date": "2025-03-01", "event": "escape_attempt", **fields}
        assert possible(case(CAPTURE, attempt)) == [
            [("weapons_without_warning_open", ("GCIII-42",), unknown)]
        ]


class TestAnExecution:
    """GCIII-101: a death sentence on a prisoner is not carried out before six months from
    the protecting power's notice (the sentence's date stands in for it).
    """

    @pytest.mark.parametrize(("day", "breach"), [("2025-08-31", True), ("2025-09-01", False)])
    def test_not_within_six_months_of_the_sentence_gciii_101(self, day, breach):
        ukrainian = Subject(id="taras", nationality=["UA"], forces="UA")
        events = (
            CAPTURE,
            {"date": "2025-02-01", "event": "charge", "offence": "war_crime"},
            {"date": "2025-03-01", "event": "convict", "sentence": "death"},
            {"date": day, "event": "die", "cause": "executed"},
        )
        opened = Case.open(ukrainian, "RU", mode="descriptive")
        for event in events:
            opened = opened.apply(event, on_refusal="record")
        expected = [[("executed_within_six_months", ("GCIII-101",), None)]] if breach else []
        assert breaches(opened) == expected
